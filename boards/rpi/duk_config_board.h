/* Duktape options for the Raspberry Pi (32-bit ARM Linux): the stock defaults.
 * DUK_USE_FASTINT is left out: on 32-bit ARM its 64-bit integer paths cost more than they save. */
