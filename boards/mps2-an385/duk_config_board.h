/*
 * Duktape options for mps2-an385 (Cortex-M3, 1 MiB RAM budget), appended after
 * Duktape's stock duk_config.h and runtime/duk_config_common.h.
 *
 * Goal: the smallest heap that still runs Petrel's built-in JS unchanged. Kept on
 * purpose: ES2015 typed arrays and buffers (Buffer is a Uint8Array), Symbol,
 * TextEncoder/TextDecoder and Duktape.enc/dec (buffer.js's codecs), Object.assign and
 * the other ES2015+ built-ins the modules use, RegExp, JSON, tracebacks with line
 * numbers (short). Dropped: what no Petrel code uses and that costs RAM or flash.
 * ROM built-ins (built-in objects in flash) would save a further ~18 KB of heap but
 * need Duktape's configure.py (Python 2), see DESIGN.md; not done here.
 */

/* ---- time: Date.now() from the board's wall clock (semihosting time at boot +
 * SysTick); no time zones on a device: local time is UTC. The stock generic-platform
 * providers (time(), gmtime(), localtime()) would pull newlib's time code in. */
extern double plat_wallclock_ms(void);
extern unsigned long long plat_now_ms(void);
#undef DUK_USE_DATE_NOW_TIME
#undef DUK_USE_DATE_NOW_GETTIMEOFDAY
#undef DUK_USE_DATE_TZO_GMTIME
#undef DUK_USE_DATE_TZO_GMTIME_R
#undef DUK_USE_DATE_PRS_STRPTIME
#undef DUK_USE_DATE_FMT_STRFTIME
#undef DUK_USE_DATE_GET_NOW
#define DUK_USE_DATE_GET_NOW(ctx) plat_wallclock_ms()
#undef DUK_USE_DATE_GET_LOCAL_TZOFFSET
#define DUK_USE_DATE_GET_LOCAL_TZOFFSET(d) 0
#undef DUK_USE_DATE_PARSE_STRING   /* ISO 8601 parsing only (built in) */
#undef DUK_USE_DATE_FORMAT_STRING  /* ISO 8601 formatting only (built in) */
#undef DUK_USE_GET_MONOTONIC_TIME
#define DUK_USE_GET_MONOTONIC_TIME(ctx) ((double)plat_now_ms())

/* ---- numbers: no fast integers; on a Cortex-M3 without an FPU the 64-bit integer
 * paths and their checks cost more code than they save time. */
#undef DUK_USE_FASTINT

/* ---- smaller heap objects ---------------------------------------------------- */
/* Reference counts stay 32-bit: 16-bit ones are only safe while the heap is far
 * below 65535 * 8 bytes (each reference is an 8-byte value), and the RAM budget is
 * 1 MiB (README.md), where one string in a 70000-element array would wrap one. */
/* String hashes and byte lengths stay 32-bit too: the 16-bit variants live in the
 * header bits that 32-bit reference counts need (and would limit strings to 64 KiB). */
/* No stored character length: computed when asked (O(1) for ASCII strings, which
 * Duktape flags the first time; non-ASCII strings are scanned each time). */
#undef DUK_USE_HSTRING_CLEN
#define DUK_USE_HSTRING_LAZY_CLEN
/* No cached array index per string (slower numeric-string keys, 4 bytes less each). */
#undef DUK_USE_HSTRING_ARRIDX
/* 16-bit property table sizes: an object or array holds at most 65535 slots, which is
 * 512 KiB of values -- more than the part's RAM. */
#define DUK_USE_OBJSIZES16
/* Hash part only for objects with 64+ properties (module exports, big prototypes). */
#undef DUK_USE_HOBJECT_HASH_PROP_LIMIT
#define DUK_USE_HOBJECT_HASH_PROP_LIMIT 64
#undef DUK_USE_HOBJECT_ARRAY_ABANDON_MINSIZE
#define DUK_USE_HOBJECT_ARRAY_ABANDON_MINSIZE 32
/* Built-in methods as "light functions" (an 8-byte value instead of a function
 * object each): ~10 KB less heap after start-up. Their .name reads "light_..."
 * and they cannot carry own properties; no Petrel code relies on either. */
#define DUK_USE_LIGHTFUNC_BUILTINS

/* ---- string table and caches ------------------------------------------------- */
/* A fixed 256-slot string table (1 KiB; the stock default grows from 4 KiB) and no
 * resize code. Chains stay short for the ~1500 strings a running Petrel holds. */
#undef DUK_USE_STRTAB_MINSIZE
#define DUK_USE_STRTAB_MINSIZE 256
#undef DUK_USE_STRTAB_MAXSIZE
#define DUK_USE_STRTAB_MAXSIZE 256
#undef DUK_USE_STRTAB_SHRINK_LIMIT
#define DUK_USE_STRTAB_SHRINK_LIMIT 0
#undef DUK_USE_STRTAB_GROW_LIMIT
#define DUK_USE_STRTAB_GROW_LIMIT 65536
/* No literal cache (2 KiB of pinned strings) and no activation/catcher free lists. */
#undef DUK_USE_LITCACHE_SIZE
#undef DUK_USE_CACHE_ACTIVATION
#undef DUK_USE_CACHE_CATCHER
/* Value stack grows and shrinks without slack. */
#undef DUK_USE_VALSTACK_GROW_SHIFT
#undef DUK_USE_VALSTACK_SHRINK_CHECK_SHIFT
#undef DUK_USE_VALSTACK_SHRINK_SLACK_SHIFT

/* ---- size over speed --------------------------------------------------------- */
#define DUK_USE_PREFER_SIZE
#define DUK_USE_EXEC_PREFER_SIZE
#undef DUK_USE_FAST_REFCOUNT_DEFAULT
#undef DUK_USE_JSON_QUOTESTRING_FASTPATH
#undef DUK_USE_JSON_DECSTRING_FASTPATH
#undef DUK_USE_JSON_DECNUMBER_FASTPATH
#undef DUK_USE_JSON_EATWHITE_FASTPATH
#undef DUK_USE_BASE64_FASTPATH
#undef DUK_USE_HEX_FASTPATH
#undef DUK_USE_IDCHAR_FASTPATH
#undef DUK_USE_REGEXP_CANON_BITMAP /* case-insensitive RegExps work, just slower */
#undef DUK_USE_LEXER_SLIDING_WINDOW
/* Array fast paths stay: the built-in JS leans on push/join/index loops. */

/* ---- features no Petrel code uses -------------------------------------------- */
#undef DUK_USE_DEBUGGER_SUPPORT
#undef DUK_USE_BYTECODE_DUMP_SUPPORT /* built-in JS is embedded as source */
#undef DUK_USE_JX                    /* Duktape's JSON extensions */
#undef DUK_USE_JC
#undef DUK_USE_CBOR_SUPPORT
#undef DUK_USE_CBOR_BUILTIN
#undef DUK_USE_ES6_PROXY             /* Proxy: not needed by the runtime */
#undef DUK_USE_PERFORMANCE_BUILTIN   /* process.hrtime is Petrel's timer */
#undef DUK_USE_COROUTINE_SUPPORT     /* Duktape.Thread */
#undef DUK_USE_ERRCREATE             /* Duktape.errCreate / errThrow hooks */
#undef DUK_USE_ERRTHROW
#undef DUK_USE_AUGMENT_ERROR_THROW
#undef DUK_USE_HEX_SUPPORT           /* Duktape.enc/dec 'hex' and 'base64': Buffer's */
#undef DUK_USE_BASE64_SUPPORT        /*   codecs are Petrel's own (buffer_codec.c) */
#undef DUK_USE_TAILCALL              /* deep tail recursion is a RangeError, as in V8 */
#undef DUK_USE_SOURCE_NONBMP         /* non-BMP characters in source: accepted in names */
#undef DUK_USE_ENCODING_BUILTINS     /* TextEncoder/TextDecoder: Buffer does this job */

/* ---- no line tables for built-in modules --------------------------------------- */
/* Built-in JS is minified to one line on this board (JSMIN in board.mk), so the
 * pc-to-line table of each of its functions could only ever say "line 1"; skipping
 * them saves ~28 KB of heap after require('net'). User code keeps its line numbers. */
#undef PETREL_DUK_SKIP_PC2LINE
#define PETREL_DUK_SKIP_PC2LINE() petrel_compiling_builtin
/* Nor their own `fileName` property (a slot on each template and closure): -7.2 KB
 * of heap after require('net'). A traceback frame in built-in JS reads "at write
 * (built-in)", no longer "at write (net.js:0)"; user frames keep "at f (/app.js:12)". */
#undef PETREL_DUK_SKIP_FILENAME
#define PETREL_DUK_SKIP_FILENAME() petrel_compiling_builtin

/* ---- errors: keep messages and line numbers, shorten tracebacks ---------------- */
/* Verbose messages stay (a REPL on a board is where they help most). Tracebacks keep
 * 4 frames instead of 10: each live Error holds two values per frame. */
#undef DUK_USE_TRACEBACK_DEPTH
#define DUK_USE_TRACEBACK_DEPTH 4
#undef DUK_USE_FATAL_MAXLEN
#define DUK_USE_FATAL_MAXLEN 64

/* ---- recursion limits sized for the 32 KiB C stack (see mps2-an385.ld) ---------- */
/* Duktape runs JS-to-JS calls without C recursion, but a C->JS call (a callback from
 * a native function: forEach, sort, a getter, toString...) nests the executor on the
 * C stack, and so do the compilers and the RegExp matcher. Measured on this board
 * (bytes of C stack per level): getter 355, toString 161, forEach 136, nested
 * function declarations 180, parentheses 50, RegExp compile 64, RegExp match 35,
 * JSON ~25; Petrel itself needs ~7.5 KB below the first JS frame. The limits keep the
 * worst case (a getter recursing) at 27 KB of the 32, so deep recursion is a
 * RangeError, never a stack overflow.
 * (Duktape's defaults, e.g. 1000 native levels and 10000 RegExp levels, assume a
 * desktop stack.) A consequence: a quantified group matched over more than ~400
 * characters, e.g. /(a|b)*c/ on a long string, throws "regexp executor recursion
 * limit"; simple quantified atoms (/a*|[a-z]+/) do not recurse. */
#undef DUK_USE_NATIVE_CALL_RECLIMIT
#define DUK_USE_NATIVE_CALL_RECLIMIT 50
#undef DUK_USE_COMPILER_RECLIMIT
#define DUK_USE_COMPILER_RECLIMIT 80
#undef DUK_USE_REGEXP_COMPILER_RECLIMIT
#define DUK_USE_REGEXP_COMPILER_RECLIMIT 200
#undef DUK_USE_REGEXP_EXECUTOR_RECLIMIT
#define DUK_USE_REGEXP_EXECUTOR_RECLIMIT 400
#undef DUK_USE_JSON_ENC_RECLIMIT
#define DUK_USE_JSON_ENC_RECLIMIT 200
#undef DUK_USE_JSON_DEC_RECLIMIT
#define DUK_USE_JSON_DEC_RECLIMIT 200
#undef DUK_USE_MARK_AND_SWEEP_RECLIMIT
#define DUK_USE_MARK_AND_SWEEP_RECLIMIT 64
