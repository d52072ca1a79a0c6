/* process.binding('core'): the primitives bootstrap.js builds process, require,
 * timers and console from. */
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "builtins.h"
#include "platform.h"

extern char **environ;
int petrel_argc;
char **petrel_argv; /* argv as node shows it: [execPath, script, args...] */

/* While set (the REPL's raw mode, during a run), stderr output is framed by
 * SO (0x0e) and SI (0x0f) so that a host tool can tell it from stdout on a
 * console that carries both, such as a UART. */
static int stderr_framed;

void petrel_console_write(duk_context *ctx, int fd, const char *s, size_t len)
{
  int copy = memchr(s, 0xed, len) != NULL;
  if (copy) { /* surrogates: convert a copy to UTF-8 */
    char *tmp = duk_push_fixed_buffer(ctx, len);
    len = petrel_cesu8_to_utf8(s, len, tmp);
    s = tmp;
  }
  petrel_console_write_raw(fd, s, len);
  if (copy) duk_pop(ctx);
}

void petrel_console_write_raw(int fd, const char *s, size_t len)
{
  if (fd == 2 && stderr_framed) {
    if (len) {
      plat_console_write(2, "\x0e", 1);
      plat_console_write(2, s, len);
      plat_console_write(2, "\x0f", 1);
    }
  } else {
    plat_console_write(fd == 2 ? 2 : 1, s, len);
  }
}

void petrel_console_print(duk_context *ctx, int fd, duk_idx_t idx)
{
  duk_size_t len;
  const char *s = duk_to_lstring(ctx, idx, &len);
  petrel_console_write(ctx, fd, s, len);
}

static duk_ret_t core_print(duk_context *ctx)
{
  int fd = duk_require_int(ctx, 0);
  petrel_console_print(ctx, fd, 1);
  return 0;
}

void petrel_frame_stderr(int on) { stderr_framed = on; }

static duk_ret_t core_file_kind(duk_context *ctx)
{
  duk_push_int(ctx, plat_file_kind(duk_require_string(ctx, 0)));
  return 1;
}

static duk_ret_t core_write_file(duk_context *ctx)
{
  const char *path = duk_require_string(ctx, 0);
  duk_size_t len;
  const char *s = duk_to_lstring(ctx, 1, &len);
  char *tmp = duk_push_fixed_buffer(ctx, len ? len : 1);
  len = petrel_cesu8_to_utf8(s, len, tmp);
  int r = plat_file_write(path, tmp, len);
  if (r) return petrel_throw_system_error(ctx, r, "open");
  return 0;
}

static duk_ret_t core_cwd(duk_context *ctx)
{
  char buf[4096];
  if (plat_cwd(buf, sizeof buf) != 0) strcpy(buf, "/");
  duk_push_string(ctx, buf);
  return 1;
}

/* compileFunction(source, filename): source is a function expression. */
static duk_ret_t core_compile_function(duk_context *ctx)
{
  duk_require_string(ctx, 0);
  duk_require_string(ctx, 1);
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_compile(ctx, DUK_COMPILE_FUNCTION);
  return 1;
}

/* evalScript(source, filename): global code, returns the completion value (REPL, -e). */
static duk_ret_t core_eval_script(duk_context *ctx)
{
  duk_require_string(ctx, 0);
  duk_require_string(ctx, 1);
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_compile(ctx, DUK_COMPILE_EVAL);
  duk_call(ctx, 0);
  return 1;
}

/* compileBuiltin(id) -> the module's function, compiled in its wrapper but not run
 * (make bench measures what each module's functions take), or undefined */
static duk_ret_t core_compile_builtin(duk_context *ctx)
{
  const petrel_builtin *b = petrel_builtin_find(duk_require_string(ctx, 0));
  if (!b) return 0;
  petrel_compile_builtin_module(ctx, b);
  return 1;
}

static duk_ret_t core_has_builtin(duk_context *ctx)
{
  duk_push_boolean(ctx, petrel_builtin_find(duk_require_string(ctx, 0)) != NULL);
  return 1;
}

static duk_ret_t core_builtin_names(duk_context *ctx)
{
  duk_push_array(ctx);
  duk_uarridx_t i = 0;
  for (const petrel_builtin *b = petrel_builtins; b->name; b++) {
    duk_push_string(ctx, b->name);
    duk_put_prop_index(ctx, -2, i++);
  }
  return 1;
}

static duk_ret_t core_binding(duk_context *ctx)
{
  petrel_push_binding(ctx, duk_require_string(ctx, 0));
  return 1;
}

static duk_ret_t core_mark_ticks(duk_context *ctx)
{
  (void)ctx;
  petrel_ticks_pending();
  return 0;
}

static duk_ret_t core_now(duk_context *ctx)
{
  double n = loop_now();
  if (n == 0) {
    loop_update_time();
    n = loop_now();
  }
  duk_push_number(ctx, n);
  return 1;
}

static duk_ret_t core_update_now(duk_context *ctx)
{
  loop_update_time();
  duk_push_number(ctx, loop_now());
  return 1;
}

static duk_ret_t core_hrtime(duk_context *ctx)
{
  uint64_t ns = plat_hrtime_ns();
  duk_push_array(ctx);
  duk_push_number(ctx, (double)(ns / 1000000000u));
  duk_put_prop_index(ctx, -2, 0);
  duk_push_number(ctx, (double)(ns % 1000000000u));
  duk_put_prop_index(ctx, -2, 1);
  return 1;
}

static duk_ret_t core_wallclock(duk_context *ctx)
{
  duk_push_number(ctx, plat_wallclock_ms());
  return 1;
}

static duk_ret_t core_really_exit(duk_context *ctx)
{
  plat_exit(duk_get_int_default(ctx, 0, 0) & 0xff);
  return 0;
}

static duk_ret_t core_memory_usage(duk_context *ctx)
{
  plat_mem_stats st;
  plat_mem_stats_get(&st);
  duk_push_object(ctx);
  duk_push_number(ctx, (double)st.rss);
  duk_put_prop_literal(ctx, -2, "rss");
  duk_push_number(ctx, (double)petrel_heap_peak());
  duk_put_prop_literal(ctx, -2, "heapTotal");
  duk_push_number(ctx, (double)petrel_heap_used());
  duk_put_prop_literal(ctx, -2, "heapUsed");
  duk_push_number(ctx, (double)petrel_native_used());
  duk_put_prop_literal(ctx, -2, "external");
  duk_push_number(ctx, 0);
  duk_put_prop_literal(ctx, -2, "arrayBuffers");
  duk_push_number(ctx, (double)st.stack_heap_used);
  duk_put_prop_literal(ctx, -2, "netStackUsed");
  duk_push_number(ctx, (double)st.stack_heap_peak);
  duk_put_prop_literal(ctx, -2, "netStackPeak");
  return 1;
}

static duk_ret_t core_gc(duk_context *ctx)
{
  duk_gc(ctx, 0);
  duk_gc(ctx, 0);
  return 0;
}

static duk_ret_t core_argv(duk_context *ctx)
{
  duk_push_array(ctx);
  for (int i = 0; i < petrel_argc; i++) {
    duk_push_string(ctx, petrel_argv[i]);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  }
  return 1;
}

static duk_ret_t core_env(duk_context *ctx)
{
  duk_push_object(ctx);
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    duk_push_lstring(ctx, *e, (duk_size_t)(eq - *e));
    duk_push_string(ctx, eq + 1);
    duk_put_prop(ctx, -3);
  }
  return 1;
}

static duk_ret_t core_loop_ref(duk_context *ctx)
{
  if (duk_to_boolean(ctx, 0))
    loop_ref();
  else
    loop_unref();
  return 0;
}

/* ---- console input (the REPL's, or process.stdin's) ---- */
static void *input_cb;
static duk_c_function input_c; /* the REPL's (runtime/repl.c), a light function */
static int input_raw;          /* deliver Buffers (process.stdin), not text (the REPL) */

/* Bytes of a UTF-8 character whose end has not been read yet (a UART hands
 * input over in whatever pieces it has): kept for the next piece, so that the
 * REPL never sees half a character. */
static char utf8_tail[4];
static size_t utf8_tail_len;

static size_t incomplete_utf8_suffix(const unsigned char *p, size_t n)
{
  for (size_t k = 1; k <= 3 && k <= n; k++) {
    unsigned char c = p[n - k];
    if ((c & 0xc0) == 0x80) continue; /* continuation byte: look further back */
    if (c < 0xc0) return 0;           /* ASCII: complete */
    size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    return k < need ? k : 0;
  }
  return 0;
}

/* Console input, delivered under petrel_protected (a full heap loses this piece
 * of input and reports the error, instead of aborting in the platform's dispatch). */
typedef struct {
  const char *buf;
  size_t len;
} console_input;

static duk_ret_t deliver_input(duk_context *ctx, void *udata)
{
  const char *buf = ((console_input *)udata)->buf;
  size_t len = ((console_input *)udata)->len;
  /* A Ctrl-C that came before this input was read is part of it (the REPL sees
   * the key) or was a signal while nothing ran: it must not break the next
   * statement. One that comes from now on may (see petrel_set_interruptible). */
  plat_interrupt_requested = 0;
  if (len && input_raw) {
    memcpy(duk_push_fixed_buffer(ctx, len), buf, len);
    petrel_push_buffer_object(ctx, -1, len);
    duk_remove(ctx, -2);
  } else if (len) {
    size_t total = utf8_tail_len + len;
    unsigned char *p = duk_push_fixed_buffer(ctx, total);
    memcpy(p, utf8_tail, utf8_tail_len);
    memcpy(p + utf8_tail_len, buf, len);
    size_t keep = incomplete_utf8_suffix(p, total);
    memcpy(utf8_tail, p + total - keep, keep);
    utf8_tail_len = keep;
    duk_push_lstring(ctx, (const char *)p, total - keep);
    duk_remove(ctx, -2);
    if (total == keep) {
      duk_pop(ctx);
      return 0;
    }
  } else {
    utf8_tail_len = 0;
    duk_push_null(ctx);
  }
  if (input_c)
    duk_push_c_lightfunc(ctx, input_c, 1, 1, 0);
  else
    duk_push_heapptr(ctx, input_cb);
  duk_push_undefined(ctx);
  duk_pull(ctx, -3);
  petrel_make_callback(ctx, 1);
  return 0;
}

static void on_console_input(void *user, const char *buf, size_t len)
{
  console_input in = { buf, len };
  if (input_cb || input_c) (void)petrel_protected(user, deliver_input, &in);
}

/* readStart(cb[, raw]): cb(text) per piece of input (whole UTF-8 characters), or
 * cb(Buffer) with raw; cb(null) at the end of input. */
static duk_ret_t core_read_start(duk_context *ctx)
{
  duk_require_function(ctx, 0);
  input_raw = duk_to_boolean(ctx, 1);
  if (input_cb)
    petrel_unpin(ctx, input_cb);
  else if (!input_c)
    loop_ref();
  input_c = NULL;
  input_cb = petrel_pin(ctx, 0);
  plat_console_read_start(on_console_input, ctx);
  return 0;
}

/* The same for a C reader (the REPL): fn(text) or fn(null), as a light function. */
void petrel_console_read_start_c(duk_context *ctx, duk_c_function fn)
{
  if (input_cb)
    petrel_unpin(ctx, input_cb);
  else if (!input_c)
    loop_ref();
  input_cb = NULL;
  input_c = fn;
  input_raw = 0;
  plat_console_read_start(on_console_input, ctx);
}

void petrel_console_read_stop(duk_context *ctx)
{
  if (!input_cb && !input_c) return;
  plat_console_read_stop();
  if (input_cb) petrel_unpin(ctx, input_cb);
  input_cb = NULL;
  input_c = NULL;
  loop_unref();
}

static duk_ret_t core_read_stop(duk_context *ctx)
{
  petrel_console_read_stop(ctx);
  return 0;
}

/* Is anything besides the console input keeping the loop alive? (REPL raw runs) */
int petrel_loop_busy(void) { return loop_busy(input_cb || input_c ? 1 : 0); }

static duk_ret_t core_set_raw(duk_context *ctx)
{
  duk_push_boolean(ctx, plat_console_set_raw(duk_to_boolean(ctx, 0)) == 0);
  return 1;
}

static duk_ret_t core_is_tty(duk_context *ctx)
{
  duk_push_boolean(ctx, plat_console_is_tty());
  return 1;
}

/* errorName(errno) -> 'ECONNREFUSED', errorText(errno) -> 'connection refused': strings
 * from the platform table (no allocation beyond the string: errors are often made when
 * the heap is full). */
static duk_ret_t core_error_name(duk_context *ctx)
{
  duk_push_string(ctx, plat_strerror_code(duk_require_int(ctx, 0)));
  return 1;
}

static duk_ret_t core_error_text(duk_context *ctx)
{
  duk_push_string(ctx, plat_strerror_text(duk_require_int(ctx, 0)));
  return 1;
}

/* newError(kind, message): an Error, TypeError or RangeError made from the engine's own
 * prototypes, so that internal/errors still makes real ones after user code replaced
 * the global constructors (node's code uses the originals too). */
static duk_ret_t core_new_error(duk_context *ctx)
{
  const char *kind = duk_to_string(ctx, 0);
  duk_errcode_t code = !strcmp(kind, "TypeError")    ? DUK_ERR_TYPE_ERROR
                       : !strcmp(kind, "RangeError") ? DUK_ERR_RANGE_ERROR
                                                     : DUK_ERR_ERROR;
  duk_push_error_object(ctx, code, "%s", duk_to_string(ctx, 1));
  return 1;
}

/* isIP(string) -> 0 | 4 | 6, by the platform's address parser (net.isIP, dns). */
static duk_ret_t core_is_ip(duk_context *ctx)
{
  plat_addr a;
  if (!duk_is_string(ctx, 0)) {
    duk_push_int(ctx, 0);
    return 1;
  }
  duk_push_int(ctx, plat_addr_parse(duk_get_string(ctx, 0), &a) == 0 ? a.family : 0);
  return 1;
}

static void *buffer_proto;

/* buffer.js registers Buffer.prototype so C can make Buffers without a JS call. */
static duk_ret_t core_set_buffer_prototype(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  if (buffer_proto) petrel_unpin(ctx, buffer_proto);
  buffer_proto = petrel_pin(ctx, 0);
  return 0;
}

void *petrel_buffer_prototype(void) { return buffer_proto; }

void buffer_binding_forget(void);
void petrel_buffer_forget(duk_context *ctx)
{
  if (buffer_proto) petrel_unpin(ctx, buffer_proto);
  buffer_proto = NULL;
  buffer_binding_forget();
}

void petrel_push_buffer_object(duk_context *ctx, duk_idx_t buf_idx, size_t len)
{
  duk_push_buffer_object(ctx, buf_idx, 0, len, DUK_BUFOBJ_UINT8ARRAY);
  if (buffer_proto) {
    duk_push_heapptr(ctx, buffer_proto);
    duk_set_prototype(ctx, -2);
  }
}

/* errno(name) -> the code's number (platform_errors.h is the one table: JS names
 * codes, never numbers); unknown names throw. */
static duk_ret_t core_errno(duk_context *ctx)
{
  const char *name = duk_require_string(ctx, 0);
  int e = plat_error_by_name(name);
  if (e == 0) return duk_error(ctx, DUK_ERR_TYPE_ERROR, "no error code %s", name);
  duk_push_int(ctx, e);
  return 1;
}

static const duk_function_list_entry core_funcs[] = { { "errno", core_errno, 1 },
                                                      { "setBufferPrototype", core_set_buffer_prototype, 1 },
                                                      { "print", core_print, 2 },
                                                      { "writeFile", core_write_file, 2 },
                                                      { "fileKind", core_file_kind, 1 },
                                                      { "cwd", core_cwd, 0 },
                                                      { "compileFunction", core_compile_function, 2 },
                                                      { "evalScript", core_eval_script, 2 },
                                                      { "compileBuiltin", core_compile_builtin, 1 },
                                                      { "hasBuiltin", core_has_builtin, 1 },
                                                      { "builtinNames", core_builtin_names, 0 },
                                                      { "binding", core_binding, 1 },
                                                      { "markTicks", core_mark_ticks, 0 },
                                                      { "now", core_now, 0 },
                                                      { "updateNow", core_update_now, 0 },
                                                      { "hrtime", core_hrtime, 0 },
                                                      { "wallclock", core_wallclock, 0 },
                                                      { "reallyExit", core_really_exit, 1 },
                                                      { "memoryUsage", core_memory_usage, 0 },
                                                      { "gc", core_gc, 0 },
                                                      { "argv", core_argv, 0 },
                                                      { "env", core_env, 0 },
                                                      { "loopRef", core_loop_ref, 1 },
                                                      { "readStart", core_read_start, 2 },
                                                      { "readStop", core_read_stop, 0 },
                                                      { "setRaw", core_set_raw, 1 },
                                                      { "isTTY", core_is_tty, 0 },
                                                      { "errorName", core_error_name, 1 },
                                                      { "errorText", core_error_text, 1 },
                                                      { "isIP", core_is_ip, 1 },
                                                      { "newError", core_new_error, 2 },
                                                      { "replStart", petrel_repl_start, 1 },
                                                      { NULL, NULL, 0 } };
/* Names for the light functions of the core binding's lists (lightfunc_names.h). */
PETREL_LIGHTFUNC_LIST(core, core_funcs);
PETREL_LIGHTFUNC_LIST(core_module, petrel_module_funcs);
PETREL_LIGHTFUNC_LIST(core_process, petrel_process_funcs);
PETREL_LIGHTFUNC_LIST(core_loader, petrel_loader_funcs);


/* process.arch, with Node's names for the CPUs Petrel is built for. */
#if defined(__x86_64__)
#define PETREL_ARCH "x64"
#elif defined(__aarch64__)
#define PETREL_ARCH "arm64"
#elif defined(__arm__)
#define PETREL_ARCH "arm"
#elif defined(__i386__)
#define PETREL_ARCH "ia32"
#else
#define PETREL_ARCH "unknown"
#endif

duk_ret_t petrel_binding_core(duk_context *ctx)
{
  duk_push_object(ctx);
  petrel_put_functions(ctx, -1, core_funcs);
  petrel_put_functions(ctx, -1, petrel_module_funcs);
  petrel_put_functions(ctx, -1, petrel_process_funcs);
  petrel_put_functions(ctx, -1, petrel_loader_funcs);
  duk_push_string(ctx, plat_name());
  duk_put_prop_literal(ctx, -2, "board");
  duk_push_string(ctx, plat_os());
  duk_put_prop_literal(ctx, -2, "platform");
  duk_push_string(ctx, PETREL_ARCH);
  duk_put_prop_literal(ctx, -2, "arch");
  duk_push_string(ctx, PETREL_VERSION);
  duk_put_prop_literal(ctx, -2, "version");
  duk_push_sprintf(ctx, "%d.%d.%d", (int)(DUK_VERSION / 10000), (int)(DUK_VERSION / 100 % 100),
                   (int)(DUK_VERSION % 100));
  duk_put_prop_literal(ctx, -2, "duktapeVersion");
  return 1;
}
