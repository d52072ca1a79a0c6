/* Duktape options for the Linux host builds (appended to the stock duk_config.h). */
/* 64-bit hosts: integer fast path for the arithmetic that dominates buffers and loops. */
#define DUK_USE_FASTINT
