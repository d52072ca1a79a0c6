/* Duktape options every Petrel board shares (appended to the stock duk_config.h). */

/* Ctrl-C breaks a running statement (REPL): Duktape polls this from its bytecode
 * executor; a non-zero answer throws a RangeError the REPL catches. */
extern int petrel_exec_timeout_check(void *udata);
#define DUK_USE_EXEC_TIMEOUT_CHECK(udata) petrel_exec_timeout_check((udata))
#define DUK_USE_INTERRUPT_COUNTER

/* Petrel supplies its own Buffer on Uint8Array; Duktape's Node-0.12 Buffer is hidden at start-up. */
