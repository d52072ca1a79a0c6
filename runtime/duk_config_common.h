/* Duktape options every Petrel board shares (appended to the stock duk_config.h). */

/* Ctrl-C breaks a running statement (REPL): Duktape polls this from its bytecode
 * executor; a non-zero answer throws a RangeError the REPL catches. */
extern int petrel_exec_timeout_check(void *udata);
#define DUK_USE_EXEC_TIMEOUT_CHECK(udata) petrel_exec_timeout_check((udata))
#define DUK_USE_INTERRUPT_COUNTER

/* Petrel supplies its own Buffer on Uint8Array; Duktape's Node-0.12 Buffer is hidden at start-up. */

/* Read by the edited duktape.c (tools/duktape_patch.py): non-zero while a function
 * should be compiled without its pc-to-line table. Here never; a board whose
 * built-in JS is minified to one line redefines it to skip the table for built-in
 * modules (runtime/bindings.c sets the flag while it compiles one). */
extern int petrel_compiling_builtin;
#define PETREL_DUK_SKIP_PC2LINE() 0
/* Likewise for a function's own `fileName` property (one slot on each template and
 * closure): a board that sets it to the flag names no module in tracebacks into
 * built-in JS ("at write (built-in)"); user frames keep their file and line. */
#define PETREL_DUK_SKIP_FILENAME() 0

/* Read by the edited duktape.c (edit 19): the literal cache finds an interned string
 * by its C string's address, so that string must never change there. A build with
 * PETREL_CHECK_STATIC_KEYS (linux-asan) checks each key lies in read-only data
 * (runtime/static_key.c) and aborts naming it otherwise; others do nothing. */
#if defined(PETREL_CHECK_STATIC_KEYS)
#include <stddef.h>
extern void petrel_static_key_check(const void *key, size_t len);
#define PETREL_DUK_STATIC_KEY(key, len) petrel_static_key_check((key), (size_t)(len))
#else
#define PETREL_DUK_STATIC_KEY(key, len) ((void)0)
#endif
