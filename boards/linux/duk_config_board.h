/* Duktape options for the Linux host builds (appended to the stock duk_config.h). */
/* 64-bit hosts: integer fast path for the arithmetic that dominates buffers and loops. */
#define DUK_USE_FASTINT
/* Per call and per property name (#17, churn): activations and catchers go to free
 * lists instead of back to malloc at each call's end (emptied at every
 * mark-and-sweep), and a literal cache of 1024 entries (16 KiB; the stock 256 left
 * ~27 of the names a churn connection's C code reads to miss, and each miss hashes
 * the name and probes the string table). */
#undef DUK_USE_LITCACHE_SIZE
#define DUK_USE_LITCACHE_SIZE 1024
#define DUK_USE_CACHE_ACTIVATION
#define DUK_USE_CACHE_CATCHER
