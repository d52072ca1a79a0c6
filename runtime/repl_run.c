/* The REPL's evaluation and printing, and its raw mode (runtime/repl.c has the
 * line editing).
 *
 * Results: a primitive (the common case) is printed by internal/primitive without
 * loading the object inspector, the largest built-in (~32 KB of heap on a board);
 * objects by internal/inspect, loaded on first use. Both through require, so
 * either may be JS or C.
 *
 * Raw mode (for tools/petrel-tool, like MicroPython's raw REPL): Ctrl-A on an
 * empty line enters it and the REPL answers "raw REPL; CTRL-B to exit\r\n>".
 * Each request is text ended by Ctrl-D; the REPL answers "OK", then the run's
 * output, then "\x04<exit status>\x04>" once the run is over (its code has
 * returned and nothing it started keeps the loop busy, or it called
 * process.exit). During a run, stderr output comes between SO (\x0e) and SI (\x0f).
 * A request is JS source run as a module, or one directive line:
 *   //@petrel:write <path>\n<content>   store a file (the board's file store)
 *   //@petrel:run <path> [args...]      run a stored file as the main module
 *   //@petrel:eval\n<code>              evaluate code as a line REPL entry (global
 *                                       code; its value or "Uncaught ..." printed as
 *                                       the REPL prints them; `petrel-tool repl`)
 *   //@petrel:await\n<code>             the same for an entry with a top-level await,
 *                                       which tools/repl_lower.js made an async
 *                                       function's call: code's value is a promise of
 *                                       { value }; value, or the rejection as
 *                                       "Uncaught ...", is printed once it settles
 *   //@petrel:put, sha256, get          files as base64 chunks (repl_file.c)
 *   //@petrel:reset                     the hard reset (plat_hard_reset): status 0, then
 *                                       the board restarts; status 1 where it cannot
 * An eval is over once its code has returned (what it starts goes on after, as in
 * the line REPL), an await once its promise has settled (or Ctrl-C gave up on it);
 * the status is 0.
 * Ctrl-B leaves raw mode; Ctrl-C during a run interrupts it, otherwise drops the
 * request being received; Ctrl-A with no request pending prints the banner again (so
 * "\x03\x01" enters raw mode from any state). docs/board-tool.md has the whole protocol. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "platform.h"
#include "repl.h"

/* Thrown by process.exit inside a run (the exit hook) to unwind it: this light
 * function is the marker (no heap object, and no script can make one). */
static duk_ret_t exit_marker(duk_context *ctx)
{
  (void)ctx;
  return 0;
}

static int is_exit(duk_context *ctx, duk_idx_t idx)
{
  if (!duk_is_lightfunc(ctx, idx)) return 0;
  idx = duk_normalize_index(ctx, idx);
  duk_push_c_lightfunc(ctx, exit_marker, 0, 0, 0);
  int r = duk_strict_equals(ctx, idx, -1); /* the same C function and flags */
  duk_pop(ctx);
  return r;
}

/* requireBuiltin(id): [...] -> [... exports] */
static void require(duk_context *ctx, const char *id) { petrel_require_builtin(ctx, id); }

/* util.inspect of the value at idx (with { colors: false } if opts); pushes the text. */
static void inspect(duk_context *ctx, duk_idx_t idx, int opts)
{
  idx = duk_normalize_index(ctx, idx);
  require(ctx, "internal/primitive");
  duk_push_literal(ctx, "isPrimitive");
  duk_dup(ctx, idx);
  duk_call_prop(ctx, -3, 1);
  if (duk_to_boolean(ctx, -1)) {
    duk_pop(ctx);
    duk_push_literal(ctx, "inspectPrimitive");
    duk_dup(ctx, idx);
    duk_call_prop(ctx, -3, 1);
    duk_remove(ctx, -2);
    return;
  }
  duk_pop_2(ctx);
  require(ctx, "internal/inspect");
  duk_push_literal(ctx, "inspect");
  duk_dup(ctx, idx);
  if (opts) {
    duk_push_object(ctx);
    duk_push_false(ctx);
    duk_put_prop_literal(ctx, -2, "colors");
  }
  duk_call_prop(ctx, -3 - opts, 1 + opts);
  duk_remove(ctx, -2);
}

static duk_ret_t inspect_top(duk_context *ctx, void *udata)
{
  (void)udata;
  inspect(ctx, -1, 0);
  return 1;
}

/* 'Uncaught ' + describeError(value at idx): util.inspect's text; when that fails
 * too (out of memory on a board: loading the inspector needs some), its stack or
 * text, so that it is still reported. */
static void push_uncaught(duk_context *ctx, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  duk_push_literal(ctx, "Uncaught ");
  duk_dup(ctx, idx);
  if (duk_safe_call(ctx, inspect_top, NULL, 1, 1) != 0) {
    duk_pop(ctx);
    duk_dup(ctx, idx); /* String(e && e.stack || e) */
    if (petrel_truthy(ctx, idx)) {
      duk_get_prop_literal(ctx, idx, "stack");
      if (petrel_truthy(ctx, -1))
        duk_remove(ctx, -2);
      else
        duk_pop(ctx);
    }
    duk_to_string(ctx, -1);
  }
  duk_concat(ctx, 2);
}

static duk_ret_t print_uncaught(duk_context *ctx, void *udata)
{
  (void)udata;
  push_uncaught(ctx, -1);
  duk_size_t n;
  const char *s = duk_get_lstring(ctx, -1, &n);
  repl_out(ctx, 2, s, n, 0);
  repl_out(ctx, 2, "\n", 1, 1);
  return 0;
}

/* An uncaught error (at idx) reported on stderr, as "Uncaught ...": written directly,
 * not through console.error (whose stream errors are dropped, and which a script may
 * have replaced). When describing it runs out of heap, a fixed text written without
 * the heap, the coded error for an allocation failure, so the report always gets out. */
static void report_uncaught(duk_context *ctx, duk_idx_t idx)
{
  static const char oom[] = "Uncaught Error: alloc failed (ERR_MEMORY_ALLOCATION_FAILED)\n";
  static const char other[] = "Uncaught (the error could not be described: out of memory)\n";
  idx = duk_normalize_index(ctx, idx);
  duk_dup(ctx, idx);
  if (duk_safe_call(ctx, print_uncaught, NULL, 1, 1) != 0) {
    const char *t = petrel_is_alloc_failure(ctx, idx) ? oom : other;
    repl_out(ctx, 2, t, strlen(t), 0);
  }
  duk_pop(ctx);
}

/* Is the value at idx truthy with this name? (e && e.name === name) */
static int named(duk_context *ctx, duk_idx_t idx, const char *name)
{
  if (!petrel_truthy(ctx, idx)) return 0;
  duk_get_prop_literal(ctx, idx, "name");
  int r = duk_is_string(ctx, -1) && !strcmp(duk_get_string(ctx, -1), name);
  duk_pop(ctx);
  return r;
}

static duk_ret_t eval_code(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_push_literal(ctx, "repl");
  duk_compile(ctx, DUK_COMPILE_EVAL);
  duk_call(ctx, 0);
  return 1;
}

/* [code] -> []: runs code (global code; Ctrl-C breaks it) and prints its value;
 * the first try (udata set) also keeps it in global._. */
static duk_ret_t eval_print(duk_context *ctx, void *udata)
{
  petrel_set_interruptible(1);
  int rc = duk_safe_call(ctx, eval_code, NULL, 1, 1);
  petrel_set_interruptible(0); /* and the interrupt request cleared, before any JS runs */
  if (rc != 0) return duk_throw(ctx);
  if (udata) {
    duk_dup_top(ctx);
    duk_put_global_literal(ctx, "_");
  }
  inspect(ctx, -1, udata != NULL);
  repl_print(ctx);
  return 0;
}

/* Length of the whitespace character ending at s + end, or 0. */
static size_t space_before(const char *s, size_t end)
{
  if (end >= 1 && repl_space_len(s + end - 1, 1)) return 1;
  if (end >= 2 && repl_space_len(s + end - 2, 2) == 2) return 2;
  if (end >= 3 && repl_space_len(s + end - 3, 3) == 3) return 3;
  return 0;
}

void repl_evaluate(duk_context *ctx, const char *src, size_t len)
{
  /* `{ a: 1 }` is an object, not a block, as in Node's REPL: /^\s*\{/ and
   * /\}\s*;?\s*$/ give '(' + code.replace(/;\s*$/, '') + ')'. */
  size_t i = 0, end = len, k;
  while ((k = repl_space_len(src + i, len - i)) != 0) i += k;
  while ((k = space_before(src, end)) != 0) end -= k;
  size_t cut = len;
  if (end && src[end - 1] == ';') {
    cut = --end;
    while ((k = space_before(src, end)) != 0) end -= k;
  }
  int wrap = i < len && src[i] == '{' && end && src[end - 1] == '}';
  duk_push_lstring(ctx, src, len);
  if (wrap) {
    duk_push_literal(ctx, "(");
    duk_push_lstring(ctx, src, cut);
    duk_push_literal(ctx, ")");
    duk_concat(ctx, 3);
  } else {
    duk_dup_top(ctx);
  }
  if (duk_safe_call(ctx, eval_print, (void *)1, 1, 1) == 0) {
    duk_pop_2(ctx);
    return;
  }
  /* [src err] */
  if (wrap && named(ctx, -1, "SyntaxError")) { /* again without the parentheses */
    duk_pop(ctx);
    if (duk_safe_call(ctx, eval_print, NULL, 1, 1) == 0) {
      duk_pop(ctx);
      return;
    }
    push_uncaught(ctx, -1);
    repl_print(ctx);
    duk_pop(ctx);
    return;
  }
  if (named(ctx, -1, "RangeError")) {
    duk_get_prop_literal(ctx, -1, "message");
    int timeout = repl_has_word(duk_to_string(ctx, -1), "timeout");
    duk_pop(ctx);
    if (timeout) {
      duk_pop_2(ctx);
      duk_push_literal(ctx, "Script execution was interrupted");
      repl_print(ctx);
      return;
    }
  }
  push_uncaught(ctx, -1);
  repl_print(ctx);
  duk_pop_2(ctx);
}

/* ---- awaited entries (//@petrel:await) ---- */

static int awaiting;          /* an awaited entry is pending: the answer's end waits */
static duk_uint_t await_turn; /* which one: a reaction of one given up on is ignored */
#define AWAIT_TURN DUK_HIDDEN_SYMBOL("turn")

static void end_await(duk_context *ctx)
{
  awaiting = 0;
  await_turn++;
  repl_write(ctx, "\x04"
                  "0\x04>");
}

/* [settled] -> [...]: prints the value of { value } (kept in _, as an entry's), or
 * the rejection (udata set) as "Uncaught ..." */
static duk_ret_t print_settled(duk_context *ctx, void *udata)
{
  if (udata) {
    push_uncaught(ctx, -1);
  } else {
    if (duk_is_object(ctx, -1))
      duk_get_prop_literal(ctx, -1, "value");
    else
      duk_push_undefined(ctx);
    duk_dup_top(ctx);
    duk_put_global_literal(ctx, "_");
    inspect(ctx, -1, 1);
  }
  repl_print(ctx);
  return 0;
}

/* The awaited promise's reactions: magic 0 fulfilled, 1 rejected. */
static duk_ret_t await_settled(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx);
  duk_get_prop_literal(ctx, -1, AWAIT_TURN);
  duk_uint_t turn = duk_to_uint32(ctx, -1);
  duk_pop_2(ctx);
  if (!awaiting || turn != await_turn) return 0;
  if (duk_safe_call(ctx, print_settled, duk_get_current_magic(ctx) ? (void *)1 : NULL, 1, 1) != 0) {
    push_uncaught(ctx, -1); /* printing failed (a full heap): that is reported instead */
    repl_print(ctx);
  }
  end_await(ctx);
  return 0;
}

/* [code] -> [...]: runs an awaited entry's code (Ctrl-C breaks it) and waits for the
 * promise it gives. */
static duk_ret_t eval_await(duk_context *ctx, void *udata)
{
  (void)udata;
  petrel_set_interruptible(1);
  int rc = duk_safe_call(ctx, eval_code, NULL, 1, 1);
  petrel_set_interruptible(0);
  if (rc != 0) return duk_throw(ctx);
  duk_push_literal(ctx, "then");
  for (int i = 0; i < 2; i++) {
    duk_push_c_function(ctx, await_settled, 1);
    duk_set_magic(ctx, -1, i);
    duk_push_uint(ctx, await_turn);
    duk_put_prop_literal(ctx, -2, AWAIT_TURN);
  }
  duk_call_prop(ctx, -4, 2);
  return 0;
}

/* ---- raw mode ---- */

static int run_status; /* what a run ends with if nothing sets process.exitCode */
/* The run under way is the boot app (repl_run_boot), not a raw request: it writes no
 * framing, and its end shows the REPL's prompt. */
static int boot_run;
static int boot_ctrl_c; /* the Ctrl-C that interrupted it has not come as input yet */

/* Is the value at idx the RangeError Duktape throws when Ctrl-C interrupts? */
static int interrupted(duk_context *ctx, duk_idx_t idx)
{
  if (!named(ctx, idx, "RangeError")) return 0;
  duk_get_prop_literal(ctx, idx, "message");
  int r = repl_has_word(duk_to_string(ctx, -1), "timeout");
  duk_pop(ctx);
  return r;
}


void repl_enter_raw(duk_context *ctx)
{
  repl.raw = 1;
  repl.raw_buf.len = 0;
  repl.prompt_shown = 0;
  plat_mount_set(2); /* a tool connects: one that had mounted is gone */
  repl_write(ctx, "raw REPL; CTRL-B to exit\r\n>");
}

static void end_run(duk_context *ctx, int status, int natural);

static duk_ret_t emit_exit(duk_context *ctx, void *udata)
{
  duk_get_global_literal(ctx, "process");
  duk_push_literal(ctx, "emit");
  duk_push_literal(ctx, "exit");
  duk_push_int(ctx, *(int *)udata);
  duk_call_prop(ctx, -4, 2);
  return 0;
}

/* The run's 'exit' and 'beforeExit' listeners and its process.exitCode go with it. */
static duk_ret_t forget_run(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_get_global_literal(ctx, "process");
  duk_push_literal(ctx, "removeAllListeners");
  duk_push_literal(ctx, "exit");
  duk_call_prop(ctx, -3, 1);
  duk_pop(ctx);
  duk_push_literal(ctx, "removeAllListeners");
  duk_push_literal(ctx, "beforeExit");
  duk_call_prop(ctx, -3, 1);
  duk_pop(ctx);
  duk_push_undefined(ctx);
  duk_put_prop_literal(ctx, -2, "exitCode");
  return 0;
}

/* natural: the run ended with nothing left to do (not process.exit, an error or Ctrl-C):
 * as in node, the microtasks 'exit' listeners queue then run (not their ticks). */
static void end_run(duk_context *ctx, int status, int natural)
{
  if (!repl.running) return;
  repl.running = 0;
  petrel_interrupt_callbacks = 0;
  if (duk_safe_call(ctx, emit_exit, &status, 0, 1) != 0) {
    report_uncaught(ctx, -1);
    if (!status) status = 1;
  }
  duk_pop(ctx);
  if (natural) petrel_run_microtasks(ctx);
  if (duk_safe_call(ctx, forget_run, NULL, 0, 1) != 0) {
    report_uncaught(ctx, -1);
    if (!status) status = 1;
  }
  duk_pop(ctx);
  /* The status, written without the heap: the run is over (repl.running is 0), so a
   * status lost here would leave the tool waiting for the end of an answer. */
  petrel_frame_stderr(0);
  if (boot_run) { /* the boot app is over: the REPL's prompt, no raw framing */
    boot_run = 0;
    repl_show_prompt(ctx);
    return;
  }
  char end[24];
  int n = snprintf(end, sizeof end, "\x04%d\x04>", status);
  petrel_console_write_raw(1, end, (size_t)n);
}

/* process.exitCode | 0 if set, else dflt */
static int exit_code(duk_context *ctx, int dflt)
{
  duk_get_global_literal(ctx, "process");
  duk_get_prop_literal(ctx, -1, "exitCode");
  int code = duk_is_undefined(ctx, -1) ? dflt : (int)duk_to_int32(ctx, -1);
  duk_pop_2(ctx);
  return code;
}

static duk_ret_t end_run_safe(duk_context *ctx, void *udata)
{
  (void)udata;
  end_run(ctx, exit_code(ctx, run_status), 1);
  return 0;
}

/* The loop's turn hook while a run is on: the run is over once nothing it started keeps
 * the loop busy. Checked in C on each loop turn, first once the ticks the run queued
 * have run (an IP-literal lookup answers in a tick and only then refs its socket):
 * a JS timer for this could itself run out of memory when a run leaves the heap full,
 * and the run would then never end. */
static void wait_for_run(duk_context *ctx)
{
  if (!repl.running) {
    loop_set_turn_hook(NULL);
    return;
  }
  if (petrel_loop_busy()) return;
  /* 'beforeExit' first, as node: a listener may start more work, and the run goes on */
  petrel_push_hook(ctx, "beforeExit");
  duk_push_undefined(ctx);
  petrel_make_callback(ctx, 0);
  if (petrel_loop_busy()) return;
  loop_set_turn_hook(NULL);
  (void)petrel_protected(ctx, end_run_safe, NULL);
}

/* process.cwd() + '/' + p unless p is absolute: [... p] -> [... path] */
static void absolute(duk_context *ctx)
{
  if (duk_get_string(ctx, -1)[0] == '/') return;
  duk_get_global_literal(ctx, "process");
  duk_push_literal(ctx, "cwd");
  duk_call_prop(ctx, -2, 0);
  duk_size_t n;
  const char *cwd = duk_to_lstring(ctx, -1, &n);
  duk_push_lstring(ctx, cwd, n && cwd[n - 1] == '/' ? n - 1 : n);
  duk_push_literal(ctx, "/");
  duk_dup(ctx, -5);
  duk_concat(ctx, 3);
  duk_replace(ctx, -4);
  duk_pop_2(ctx);
}

static int line_end(const char *s, size_t n)
{
  return s[0] == '\n' || s[0] == '\r' ||
         (n >= 3 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
          ((unsigned char)s[2] == 0xa8 || (unsigned char)s[2] == 0xa9));
}

/* [req] -> []: the request, as /^\/\/@petrel:(write|run) ([^\s]+)(.*)\n?/ reads it. */
static duk_ret_t do_request(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_idx_t r = duk_normalize_index(ctx, -1); /* a safe call sees its caller's whole stack */
  duk_size_t n;
  const char *req = duk_get_lstring(ctx, r, &n);
  const char *tag = "//@petrel:";
  size_t t = strlen(tag), i = 0, path = 0, path_end = 0, rest_end = 0, k;
  int kind = 0; /* 1 write, 2 run */
  if (n > t && !memcmp(req, tag, t)) {
    i = t;
    if (n - i >= 6 && !memcmp(req + i, "write ", 6))
      kind = 1, i += 6;
    else if (n - i >= 4 && !memcmp(req + i, "run ", 4))
      kind = 2, i += 4;
    path = path_end = i;
    while (kind && path_end < n && !repl_space_len(req + path_end, n - path_end)) path_end++;
    if (path_end == path) kind = 0;
    rest_end = path_end;
    while (kind && rest_end < n && !line_end(req + rest_end, n - rest_end)) rest_end += 1;
  }
  if (kind == 1) {
    size_t body = rest_end + (rest_end < n && req[rest_end] == '\n');
    duk_push_lstring(ctx, req + path, path_end - path);
    const char *file = duk_get_string(ctx, -1);
    char *tmp = duk_push_fixed_buffer(ctx, n - body ? n - body : 1);
    size_t len = petrel_cesu8_to_utf8(req + body, n - body, tmp);
    int r = plat_file_write(file, tmp, len);
    if (r) return petrel_throw_system_error(ctx, r, "open");
    return 0;
  }
  duk_push_heapptr(ctx, repl.run_module);
  if (kind == 2) {
    duk_push_null(ctx);
    duk_push_lstring(ctx, req + path, path_end - path);
    absolute(ctx);
    duk_push_array(ctx); /* m[3].trim() split at whitespace */
    duk_push_lstring(ctx, req + path_end, rest_end - path_end);
    duk_trim(ctx, -1);
    duk_size_t an;
    const char *a = duk_get_lstring(ctx, -1, &an);
    duk_uarridx_t count = 0;
    for (size_t j = 0; j < an;) {
      size_t start = j;
      while (j < an && !repl_space_len(a + j, an - j)) j++;
      duk_push_lstring(ctx, a + start, j - start);
      duk_put_prop_index(ctx, -3, count++);
      while (j < an && (k = repl_space_len(a + j, an - j)) != 0) j += k;
    }
    duk_pop(ctx);
  } else {
    duk_dup(ctx, r);
    duk_push_literal(ctx, "[raw].js");
    absolute(ctx);
    duk_push_array(ctx);
  }
  duk_call(ctx, 3);
  return 0;
}

/* The request on top (popped). */
static void raw_request(duk_context *ctx)
{
  repl_write(ctx, "OK");
  duk_size_t n;
  const char *req = duk_get_lstring(ctx, -1, &n);
  static const struct {
    const char *tag;
    int kind;
  } file_tags[] = { { "//@petrel:put ", 1 }, { "//@petrel:sha256 ", 2 }, { "//@petrel:get ", 3 } };
  static const char reset_tag[] = "//@petrel:soft-reset";
  if (n >= sizeof reset_tag - 1 && !memcmp(req, reset_tag, sizeof reset_tag - 1)) {
    duk_pop(ctx);
    repl_soft_reset(ctx);
    repl_write(ctx, "\x04"
                    "0\x04>");
    return;
  }
  static const char mount_tag[] = "//@petrel:mount", umount_tag[] = "//@petrel:umount";
  int m = n == sizeof mount_tag - 1 && !memcmp(req, mount_tag, n);
  if (m || (n == sizeof umount_tag - 1 && !memcmp(req, umount_tag, n))) {
    duk_pop(ctx);
    plat_mount_set(m); /* petrel-tool serves /remote now (platform/mount.c), or no more */
    repl_write(ctx, "\x04"
                    "0\x04>");
    return;
  }
  static const char hard_tag[] = "//@petrel:reset";
  if (n == sizeof hard_tag - 1 && !memcmp(req, hard_tag, n)) { /* the hard reset: acknowledged first */
    duk_pop(ctx);
    int r = plat_hard_reset(1);
    if (r) {
      char line[96];
      int len = snprintf(line, sizeof line, "%s: %s, reset\n", plat_strerror_code(r), plat_strerror_text(r));
      petrel_frame_stderr(1);
      petrel_console_write(ctx, 2, line, (size_t)len);
      petrel_frame_stderr(0);
      repl_write(ctx, "\x04"
                      "1\x04>");
      return;
    }
    repl_write(ctx, "\x04"
                    "0\x04>");
    plat_hard_reset(0);
    return;
  }
  for (size_t t = 0; t < sizeof file_tags / sizeof file_tags[0]; t++) {
    size_t tl = strlen(file_tags[t].tag);
    if (n >= tl && !memcmp(req, file_tags[t].tag, tl)) {
      repl_file_request(ctx, req + tl, n - tl, file_tags[t].kind);
      duk_pop(ctx);
      return;
    }
  }
  static const char eval_tag[] = "//@petrel:eval\n";
  if (n >= sizeof eval_tag - 1 && !memcmp(req, eval_tag, sizeof eval_tag - 1)) {
    repl_evaluate(ctx, req + sizeof eval_tag - 1, n - (sizeof eval_tag - 1));
    duk_pop(ctx);
    repl_write(ctx, "\x04"
                    "0\x04>");
    return;
  }
  static const char await_tag[] = "//@petrel:await\n";
  if (n >= sizeof await_tag - 1 && !memcmp(req, await_tag, sizeof await_tag - 1)) {
    duk_push_lstring(ctx, req + sizeof await_tag - 1, n - (sizeof await_tag - 1));
    duk_remove(ctx, -2);
    awaiting = 1;
    if (duk_safe_call(ctx, eval_await, NULL, 1, 1) != 0) { /* it threw before awaiting */
      push_uncaught(ctx, -1);
      repl_print(ctx);
      end_await(ctx);
    }
    duk_pop(ctx);
    return;
  }
  repl.running = 1;
  run_status = 0;
  petrel_frame_stderr(1); /* the tool routes SO ... SI to its stderr */
  petrel_set_interruptible(1);
  int rc = duk_safe_call(ctx, do_request, NULL, 1, 1);
  petrel_set_interruptible(0);
  if (rc != 0 && !is_exit(ctx, -1)) {
    report_uncaught(ctx, -1);
    duk_pop(ctx);
    end_run(ctx, 1, 0);
    return;
  }
  duk_pop(ctx);
  if (repl.running) {
    petrel_interrupt_callbacks = 1;
    loop_set_turn_hook(wait_for_run);
  }
}

void repl_raw_input(duk_context *ctx, const char *data, size_t n)
{
  repl_buf *b = &repl.raw_buf;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)data[i];
    if (ch > 4) { /* plain text up to the next control byte, in one piece */
      size_t j = i;
      while (j < n && (unsigned char)data[j] > 4) j++;
      repl_buf_put(ctx, b, data + i, j - i);
      i = j - 1;
    } else if (ch == 4) {
      duk_push_lstring(ctx, b->p ? b->p : "", b->len);
      repl_buf_clear(b);
      if (repl.running || awaiting) {
        duk_pop(ctx);
        repl_write(ctx, "\x04"
                        "busy\x04>");
        continue;
      }
      raw_request(ctx);
    } else if (ch == 2 && !b->len && !repl.running && !awaiting) {
      repl.raw = 0;
      repl_write(ctx, "\r\n");
      repl_show_prompt(ctx);
    } else if (ch == 3) {
      b->len = 0;
      if (repl.running) end_run(ctx, 130, 0);
      if (awaiting) { /* gives up on the awaited entry, as node's REPL does */
        duk_push_literal(ctx, "Uncaught Error: Script execution was interrupted");
        repl_print(ctx);
        end_await(ctx);
      }
    } else if (ch == 1 && !b->len && !repl.running && !awaiting) {
      repl_enter_raw(ctx); /* again: the banner tells a tool that raw mode is ready */
    } else {
      repl_buf_put(ctx, b, data + i, 1);
    }
  }
}

/* process.c's exit hook (set through setExitHook): process.exit() during a run ends the run, not the process. */
static duk_ret_t exit_hook(duk_context *ctx)
{
  if (!repl.running) return 0;
  end_run(ctx, (int)duk_to_int32(ctx, 0), 0);
  duk_push_c_lightfunc(ctx, exit_marker, 0, 0, 0);
  return duk_throw(ctx);
}

/* process.c's uncaught-error hook (setUncaughtHook): errors are reported, not fatal; true if handled. */
static duk_ret_t uncaught_hook(duk_context *ctx)
{
  if (is_exit(ctx, 0)) {
    duk_push_true(ctx);
    return 1;
  }
  duk_get_global_literal(ctx, "process");
  duk_push_literal(ctx, "listenerCount");
  duk_push_literal(ctx, "uncaughtException");
  duk_call_prop(ctx, -3, 1);
  if (duk_to_number(ctx, -1) > 0) {
    duk_push_false(ctx);
    return 1;
  }
  if (repl.running && interrupted(ctx, 0)) { /* Ctrl-C in a callback of the run's */
    duk_push_literal(ctx, "Script execution was interrupted");
    repl_console(ctx, "error");
    if (boot_run) boot_ctrl_c = 1; /* the key that did it is still to come as input */
    end_run(ctx, 130, 0);
    duk_push_true(ctx);
    return 1;
  }
  report_uncaught(ctx, 0);
  if (repl.running) end_run(ctx, 1, 0);
  duk_push_true(ctx);
  return 1;
}

/* Names of the hooks above (lightfunc_names.h) */
static const petrel_lf_name repl_run_names[] = {
  { "exitMarker", exit_marker, 0 }, { "exitHook", exit_hook, 0 }, { "uncaughtHook", uncaught_hook, 0 }, { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(repl_run, repl_run_names);

void repl_set_hooks(duk_context *ctx, duk_idx_t opts)
{
  duk_push_literal(ctx, "setExitHook");
  duk_push_c_lightfunc(ctx, exit_hook, 1, 1, 0);
  duk_call_prop(ctx, opts, 1);
  duk_push_literal(ctx, "setUncaughtHook");
  duk_push_c_lightfunc(ctx, uncaught_hook, 1, 1, 0);
  duk_call_prop(ctx, opts, 1);
  duk_pop_2(ctx);
}

/* ---- the boot app: a board's /main.js, else the firmware's own app (plat_boot_app) ----
 * Run as a raw run is (the same end: its code has returned and nothing it started keeps
 * the loop busy, process.exit, an uncaught error, or Ctrl-C), but at the normal REPL:
 * no framing, stderr as it is, and the prompt once it is over. Input meanwhile is
 * dropped but for Ctrl-C, which ends it (and interrupts a statement running, such as
 * `for(;;){}`). A Ctrl-C that arrived before it starts (during the boot, a key held
 * at reset) skips it: the safe mode. What it started goes on (a server serves) until
 * a soft reset, as after a run. An empty /main.js is none (petrel-tool boot --clear). */
static const char *boot_path = "/main.js";

static duk_ret_t do_boot(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_push_heapptr(ctx, repl.run_module);
  duk_push_null(ctx);
  duk_push_string(ctx, boot_path);
  duk_push_array(ctx);
  duk_call(ctx, 3);
  return 0;
}

/* main.js waits for the network (repl_run_boot): until the loop's deadline */
static int boot_wait;
static double wait_until;
static void stop_waiting(void)
{
  boot_wait = 0;
  loop_wake_at(-1);
  loop_set_turn_hook(NULL);
}
static void wait_for_net(duk_context *ctx);
static int start_boot(duk_context *ctx);

/* 1 when path is a file with bytes in it */
static int has_bytes(const char *path)
{
  char *data = NULL;
  size_t len = 0;
  if (!path || plat_file_kind(path) != 1 || plat_file_read(path, &data, &len) != 0) return 0;
  free(data);
  return len > 0;
}

int repl_run_boot(duk_context *ctx)
{
  if (!repl.on_board || repl.running) return 0;
  boot_path = "/main.js";
  if (!has_bytes(boot_path)) {
    boot_path = plat_boot_app();
    if (!has_bytes(boot_path)) return 0;
  }
  if (plat_interrupt_requested) {
    repl_write(ctx, boot_path + 1);
    repl_write(ctx, " skipped (Ctrl-C at boot)\r\n");
    boot_ctrl_c = 1; /* the key is still to come as input: not the REPL's */
    return 0;
  }
  /* Not before the board's interface has an address, or /net.json's "wait" passed
   * (a DHCP lease takes a moment): the loop runs meanwhile, Ctrl-C skips main.js. */
  if (!plat_net_ready() && petrel_net_wait_ms() > 0) {
    repl_write(ctx, boot_path + 1);
    repl_write(ctx, " waits for the network (Ctrl-C skips it)\r\n");
    boot_wait = 1;
    wait_until = loop_now() + petrel_net_wait_ms();
    loop_wake_at(wait_until);
    loop_set_turn_hook(wait_for_net);
    return 1;
  }
  return start_boot(ctx);
}

/* The loop's turn hook while main.js waits for the network. */
static void wait_for_net(duk_context *ctx)
{
  if (!plat_net_ready() && loop_now() < wait_until) return;
  stop_waiting();
  start_boot(ctx);
  plat_interrupt(); /* the loop turns once more before it sleeps: wait_for_run sees the run */
}

static int start_boot(duk_context *ctx)
{
  repl.running = boot_run = 1;
  repl.prompt_shown = 0;
  run_status = 0;
  petrel_set_interruptible(1);
  int rc = duk_safe_call(ctx, do_boot, NULL, 0, 1);
  petrel_set_interruptible(0);
  if (rc != 0 && !is_exit(ctx, -1)) {
    int intr = interrupted(ctx, -1);
    if (intr) {
      duk_push_literal(ctx, "Script execution was interrupted");
      boot_ctrl_c = 1; /* the key that did it is still to come as input */
      repl_console(ctx, "error");
    } else {
      report_uncaught(ctx, -1);
    }
    duk_pop(ctx);
    end_run(ctx, intr ? 130 : 1, 0);
    return 1;
  }
  duk_pop(ctx);
  if (repl.running) {
    petrel_interrupt_callbacks = 1;
    loop_set_turn_hook(wait_for_run);
  }
  return 1;
}

int repl_boot_wants_input(void) { return boot_run || boot_ctrl_c || boot_wait; }

size_t repl_boot_input(duk_context *ctx, const char *data, size_t n)
{
  const char *cc = memchr(data, 3, n);
  if (boot_wait) { /* waiting for the network: Ctrl-C skips main.js, the rest is dropped */
    if (!cc) return n;
    stop_waiting();
    repl_write(ctx, "^C\r\n");
    repl_write(ctx, boot_path + 1);
    repl_write(ctx, " skipped (Ctrl-C)\r\n");
    if (repl.terminal) repl_show_prompt(ctx);
    return (size_t)(cc + 1 - data);
  }
  if (boot_ctrl_c && !boot_run) { /* the key that interrupted it: done with */
    boot_ctrl_c = 0;
    return cc ? (size_t)(cc + 1 - data) : 0;
  }
  boot_ctrl_c = 0;
  if (!boot_run) return 0;
  if (!cc) return n; /* dropped */
  repl_write(ctx, "^C\r\n");
  end_run(ctx, 130, 0);
  return (size_t)(cc + 1 - data);
}

