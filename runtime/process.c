/* The process object's resident part in C (#17): nextTick's queue, exit and
 * uncaught-exception handling, hrtime/uptime/abort/emitWarning, the standard
 * output streams' write/end, and the built-in module cache behind require() (the
 * modules' own copies of the built-ins they use: primordials.c).
 * All light functions: bootstrap.js only assembles process once and keeps no
 * closure alive. State lives in the stash (process, the tick queue, the REPL's
 * hooks, the built-in modules) and in statics here. */
#include <math.h>
#include <string.h>
#include "runtime.h"
#include "promise_api.h"
#include "builtins.h"
#include "platform.h"

#define PROCESS_KEY       DUK_HIDDEN_SYMBOL("process")
#define TICKS_KEY         DUK_HIDDEN_SYMBOL("ticks")
#define BUILTINS_KEY      DUK_HIDDEN_SYMBOL("builtins")
#define EXIT_HOOK_KEY     DUK_HIDDEN_SYMBOL("exitHook")
#define UNCAUGHT_HOOK_KEY DUK_HIDDEN_SYMBOL("uncaughtHook")
#define STDOUT_KEY        DUK_HIDDEN_SYMBOL("stdout")
#define STDERR_KEY        DUK_HIDDEN_SYMBOL("stderr")
#define STDIN_KEY         DUK_HIDDEN_SYMBOL("stdin")
#define EXIT_CODE_KEY     DUK_HIDDEN_SYMBOL("exitCode")

/* A tick is 5 slots of the queue array: function, a, b, c (or an array of the
 * arguments), count (-1: the array). Parallel slots, so queuing allocates nothing
 * once the array has grown; a tick writes and reads only the slots it uses (a
 * one-argument tick 3 + 3 index operations and 2 clears, not 5 + 5 and 4). */
#define TICK_SLOTS 5
static duk_uarridx_t tick_head, tick_tail;
static int exiting, repl_running;
static uint64_t start_ns;

static void push_stashed(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, key);
  duk_remove(ctx, -2);
}

/* [... v] -> [...] */
static void put_stashed(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  duk_insert(ctx, -2);
  duk_put_prop_string(ctx, -2, key);
  duk_pop(ctx);
}

void petrel_push_process(duk_context *ctx) { push_stashed(ctx, PROCESS_KEY); }
void petrel_push_builtin_cache(duk_context *ctx) { push_stashed(ctx, BUILTINS_KEY); }

/* ---- built-in modules ---- */

/* Node's error for a module that is not there: [...] -> [... err] */
void petrel_push_module_not_found(duk_context *ctx, duk_idx_t request, const char *parent)
{
  request = duk_require_normalize_index(ctx, request);
  duk_push_error_object(ctx, DUK_ERR_ERROR, "Cannot find module '%s'%s%s", duk_to_string(ctx, request),
                        parent ? "\nRequire stack:\n- " : "", parent ? parent : "");
  duk_push_literal(ctx, "MODULE_NOT_FOUND");
  duk_put_prop_literal(ctx, -2, "code");
}

static duk_ret_t require_builtin_js(duk_context *ctx);

/* requireBuiltin(id): [... ] -> [... exports]. A module is cached before it runs
 * (a cycle gets what it exported so far) and dropped again if it throws. */
void petrel_require_builtin(duk_context *ctx, const char *id)
{
  push_stashed(ctx, BUILTINS_KEY);
  if (duk_get_prop_string(ctx, -1, id)) {
    duk_get_prop_literal(ctx, -1, "exports");
    duk_remove(ctx, -2);
    duk_remove(ctx, -2);
    return;
  }
  duk_pop(ctx);
  const petrel_builtin *b = petrel_builtin_find(id);
  if (!b) {
    duk_push_string(ctx, id);
    petrel_push_module_not_found(ctx, -1, NULL);
    (void)duk_throw(ctx);
  }
  uint64_t used = petrel_compile_builtin_module(ctx, b);
  duk_push_object(ctx); /* the module: { id, exports, loaded } */
  duk_push_string(ctx, id);
  duk_put_prop_literal(ctx, -2, "id");
  duk_push_object(ctx);
  duk_put_prop_literal(ctx, -2, "exports");
  duk_push_false(ctx);
  duk_put_prop_literal(ctx, -2, "loaded");
  duk_dup_top(ctx);
  duk_put_prop_string(ctx, -4, id); /* [cache fn m] */
  duk_dup(ctx, -2);
  duk_get_prop_literal(ctx, -2, "exports");
  duk_dup_top(ctx);
  duk_push_c_lightfunc(ctx, require_builtin_js, 1, 1, 0);
  duk_dup(ctx, -5); /* [cache fn m fn exports exports require m] */
  petrel_push_process(ctx);
  duk_push_global_object(ctx);
  duk_idx_t nargs = 5 + petrel_push_used_primordials(ctx, used);
  /* fn.call(exports, exports, require, module, process, global, ...the primordials it
   * uses); a module that throws (out of memory, a RangeError at depth) is dropped from
   * the cache, as Node drops a failed module: the next require loads it again instead
   * of a half-made one. */
  if (duk_pcall_method(ctx, nargs) != DUK_EXEC_SUCCESS) {
    duk_del_prop_string(ctx, -4, id);
    (void)duk_throw(ctx);
  }
  duk_pop(ctx);
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, -2, "loaded");
  duk_get_prop_literal(ctx, -1, "exports");
  duk_remove(ctx, -2);
  duk_remove(ctx, -2);
  duk_remove(ctx, -2);
  /* Compiling takes a while on a slow board (~100 ms for net under QEMU): timers
   * set after it count from now, not from before it. */
  loop_update_time();
}

static duk_ret_t require_builtin_js(duk_context *ctx)
{
  petrel_require_builtin(ctx, duk_require_string(ctx, 0));
  return 1;
}

/* defineBuiltin(id, exports): a module made outside (the loader's Module). */
static duk_ret_t define_builtin(duk_context *ctx)
{
  push_stashed(ctx, BUILTINS_KEY);
  duk_push_object(ctx);
  duk_dup(ctx, 1);
  duk_put_prop_literal(ctx, -2, "exports");
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, -2, "loaded");
  duk_put_prop_string(ctx, -2, duk_require_string(ctx, 0));
  return 0;
}

/* errors.<maker>(name, what, value at idx), thrown. */
static duk_ret_t throw_arg_error(duk_context *ctx, const char *maker, const char *name, const char *what, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  petrel_require_builtin(ctx, "internal/errors");
  duk_push_string(ctx, maker);
  duk_push_string(ctx, name);
  duk_push_string(ctx, what);
  duk_dup(ctx, idx);
  duk_call_prop(ctx, -5, 3);
  return duk_throw(ctx);
}

/* ---- nextTick ---- */
/* The queue's array (kept in the stash under TICKS_KEY): a tick was ~1,800
 * instructions to queue on linux, a third of them finding the array by its key. */
static void *ticks_array;

/* Queues the function at fn with the nargs values after it: [... fn args] -> [...].
 * The entry counts only once all of it is stored: on a full heap any store may
 * throw, and a half-stored entry would later run its function without its arguments. */
static void tick_push(duk_context *ctx, duk_idx_t nargs)
{
  duk_idx_t fn = duk_get_top(ctx) - nargs - 1;
  duk_uarridx_t at = tick_tail * TICK_SLOTS;
  duk_push_heapptr(ctx, ticks_array);
  if (nargs > 3) {
    duk_push_array(ctx);
    for (duk_idx_t i = 0; i < nargs; i++) {
      duk_dup(ctx, fn + 1 + i);
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
    }
    duk_put_prop_index(ctx, -2, at + 1);
  } else { /* only the slots the tick has: run_ticks reads no more than nargs */
    for (duk_idx_t i = 0; i < nargs; i++) {
      duk_dup(ctx, fn + 1 + i);
      duk_put_prop_index(ctx, -2, at + 1 + (duk_uarridx_t)i);
    }
  }
  duk_push_int(ctx, nargs > 3 ? -1 : (int)nargs);
  duk_put_prop_index(ctx, -2, at + 4);
  duk_dup(ctx, fn);
  duk_put_prop_index(ctx, -2, at);
  if (tick_head == tick_tail) petrel_ticks_pending();
  tick_tail++;
  duk_set_top(ctx, fn);
}

void petrel_ticks_clear(duk_context *ctx)
{
  duk_push_array(ctx);
  ticks_array = duk_get_heapptr(ctx, -1);
  put_stashed(ctx, TICKS_KEY);
  tick_head = tick_tail = 0;
}

static duk_ret_t process_next_tick(duk_context *ctx)
{
  if (!duk_is_function(ctx, 0)) return throw_arg_error(ctx, "invalidArgType", "callback", "function", 0);
  duk_idx_t n = duk_get_top(ctx);
  tick_push(ctx, n - 1);
  return 0;
}

static duk_ret_t queue_microtask(duk_context *ctx)
{
  if (!duk_is_function(ctx, 0)) return throw_arg_error(ctx, "invalidArgType", "callback", "function", 0);
  petrel_queue_microtask(ctx, 0);
  return 0;
}

static duk_ret_t fatal_exception(duk_context *ctx);

/* Runs the queue (the runTicks hook, after every callback from C). */
static duk_ret_t run_ticks(duk_context *ctx)
{
  duk_set_top(ctx, 0);
  duk_push_heapptr(ctx, ticks_array); /* [ticks] */
  while (tick_head < tick_tail) {
    duk_uarridx_t at = tick_head++ * TICK_SLOTS;
    /* The slots tick_push wrote (the function, the nargs values or their array)
     * are read, then let go of (set to undefined: the values may be large and the
     * tick may run long); the count slot is a number, overwritten by the next
     * push there. A slot a tick did not use is neither read nor written. */
    duk_get_prop_index(ctx, 0, at + 4);
    int n = duk_get_int(ctx, -1);
    duk_pop(ctx);
    duk_uarridx_t used = n < 0 ? 1 : (duk_uarridx_t)n;
    for (duk_uarridx_t k = 0; k <= used; k++) duk_get_prop_index(ctx, 0, at + k); /* [ticks fn args...] */
    for (duk_uarridx_t k = 0; k <= used; k++) {
      duk_push_undefined(ctx);
      duk_put_prop_index(ctx, 0, at + k);
    }
    if (n < 0) {
      duk_idx_t arr = duk_get_top_index(ctx);
      n = (int)duk_get_length(ctx, arr);
      for (int i = 0; i < n; i++) duk_get_prop_index(ctx, arr, (duk_uarridx_t)i);
      duk_remove(ctx, arr);
    }
    if (duk_pcall(ctx, n) != DUK_EXEC_SUCCESS) {
      duk_push_c_lightfunc(ctx, fatal_exception, 1, 1, 0);
      duk_insert(ctx, -2);
      duk_call(ctx, 1);
    }
    duk_set_top(ctx, 1);
  }
  tick_head = tick_tail = 0;
  return 0;
}

/* ---- exit ---- */

/* process.exitCode, an accessor as in node: the setter takes undefined, null, an
 * integer or a string holding one (node's validateInteger), else throws, so that
 * process.exit('x') throws too; the value itself is kept as given. Measured against
 * node v20: '1.5' and 'Infinity' are out of range, 'x', '' and 'NaN' of the wrong type. */
static duk_ret_t get_exit_code(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, EXIT_CODE_KEY);
  return 1;
}

static duk_ret_t set_exit_code(duk_context *ctx)
{
  if (!duk_is_null_or_undefined(ctx, 0)) {
    double v = 0;
    int num = duk_is_number(ctx, 0);
    if (num) {
      v = duk_get_number(ctx, 0);
    } else if (duk_is_string(ctx, 0) && !duk_is_symbol(ctx, 0) && duk_get_length(ctx, 0) > 0) {
      duk_dup(ctx, 0);
      v = duk_to_number(ctx, -1);
      duk_pop(ctx);
      num = v == v; /* a numeric string is checked as its number (node 20) */
    }
    if (!num) return throw_arg_error(ctx, "invalidArgType", "code", "number", 0);
    if (v - v != 0 || floor(v) != v) return throw_arg_error(ctx, "outOfRange", "code", "an integer", 0);
    if (v < -9007199254740991.0 || v > 9007199254740991.0)
      return throw_arg_error(ctx, "outOfRange", "code", ">= -9007199254740991 && <= 9007199254740991", 0);
  }
  duk_push_this(ctx);
  duk_push_string(ctx, EXIT_CODE_KEY);
  duk_dup(ctx, 0);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_FORCE); /* frozen too */
  return 0;
}

/* process.exitCode | 0, or dflt while it is undefined. */
static int exit_code(duk_context *ctx, int dflt)
{
  petrel_push_process(ctx);
  duk_get_prop_literal(ctx, -1, "exitCode");
  int c = duk_is_undefined(ctx, -1) ? dflt : (int)duk_to_int32(ctx, -1);
  duk_pop_2(ctx);
  return c;
}

/* 'exit' once, then the code to exit with. */
static int emit_exit(duk_context *ctx, int code)
{
  if (!exiting) {
    exiting = 1;
    petrel_push_process(ctx);
    duk_push_literal(ctx, "_exiting");
    duk_push_true(ctx);
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE); /* also when user code froze process */
    duk_push_literal(ctx, "emit");
    duk_push_literal(ctx, "exit");
    duk_get_prop_literal(ctx, -3, "exitCode"); /* node: process.exitCode || code, as given */
    if (!petrel_truthy(ctx, -1)) {
      duk_pop(ctx);
      duk_push_int(ctx, code);
    }
    duk_call_prop(ctx, -4, 2);
    duk_pop_2(ctx);
  }
  return exit_code(ctx, code);
}

/* The entry main.c calls when nothing keeps the loop alive: the exit code. */
static duk_ret_t entry_exit(duk_context *ctx)
{
  int code = emit_exit(ctx, exit_code(ctx, 0));
  petrel_run_microtasks(ctx); /* node: the microtasks 'exit' listeners queued run (not their ticks) */
  duk_push_int(ctx, code);
  return 1;
}

/* emitExit(code) for the loader's fatal paths: 'exit' listeners, then the code. */
static duk_ret_t core_emit_exit(duk_context *ctx)
{
  duk_push_int(ctx, emit_exit(ctx, duk_to_int32(ctx, 0)));
  return 1;
}

static duk_ret_t process_exit(duk_context *ctx)
{
  if (!duk_is_undefined(ctx, 0)) {
    petrel_push_process(ctx);
    duk_dup(ctx, 0);
    duk_put_prop_literal(ctx, -2, "exitCode");
    duk_pop(ctx);
  }
  push_stashed(ctx, EXIT_HOOK_KEY); /* the REPL's raw mode ends a run instead */
  if (duk_is_function(ctx, -1)) {
    duk_push_int(ctx, exit_code(ctx, 0));
    duk_call(ctx, 1);
  }
  plat_exit(emit_exit(ctx, exit_code(ctx, 0)) & 0xff);
  return 0;
}

static duk_ret_t process_abort(duk_context *ctx)
{
  (void)ctx;
  plat_exit(134);
  return 0;
}

/* [... err] -> [... text]: util.inspect(err) */
static duk_ret_t describe_error(duk_context *ctx, void *udata)
{
  (void)udata; /* a safe call runs in its caller's frame: the argument is on top */
  duk_idx_t err = duk_get_top_index(ctx);
  petrel_require_builtin(ctx, "util");
  duk_push_literal(ctx, "inspect");
  duk_dup(ctx, err);
  duk_call_prop(ctx, -3, 1);
  duk_to_string(ctx, -1);
  return 1;
}

/* [... err] -> [... text]: (err && err.stack) || String(err), util being out of reach */
static duk_ret_t describe_error_plain(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_idx_t err = duk_get_top_index(ctx);
  if (petrel_truthy(ctx, err) && duk_is_object_coercible(ctx, err)) {
    duk_get_prop_literal(ctx, err, "stack");
    if (!petrel_truthy(ctx, -1)) duk_pop(ctx);
  }
  if (duk_get_top_index(ctx) == err) duk_dup(ctx, err);
  duk_to_string(ctx, -1);
  return 1;
}

/* Runs the 'exit' listeners of a process that ends on an uncaught error. */
static duk_ret_t exit_after_uncaught(duk_context *ctx, void *udata)
{
  (void)udata;
  petrel_push_process(ctx);
  duk_push_int(ctx, 1);
  duk_put_prop_literal(ctx, -2, "exitCode");
  duk_push_int(ctx, emit_exit(ctx, 1));
  return 1;
}

/* The uncaught error err: the REPL's hook, else 'uncaughtException' listeners,
 * else print it and exit 1 ('exit' listeners first). */
/* fatalException(err, fromPromise): fromPromise gives listeners node's origin. */
static duk_ret_t fatal_exception(duk_context *ctx)
{
  const char *origin = duk_get_boolean(ctx, 1) ? "unhandledRejection" : "uncaughtException";
  push_stashed(ctx, UNCAUGHT_HOOK_KEY);
  if (duk_is_function(ctx, -1)) {
    duk_dup(ctx, 0);
    duk_call(ctx, 1);
    if (duk_to_boolean(ctx, -1)) return 0;
  }
  duk_set_top(ctx, 1);
  petrel_push_process(ctx); /* [err process] */
  duk_push_literal(ctx, "listenerCount");
  duk_push_literal(ctx, "uncaughtException");
  duk_call_prop(ctx, 1, 1);
  if (duk_to_number(ctx, -1) > 0) {
    duk_push_literal(ctx, "emit");
    duk_push_literal(ctx, "uncaughtException");
    duk_dup(ctx, 0);
    duk_push_string(ctx, origin);
    duk_call_prop(ctx, 1, 3);
    return 0;
  }
  /* Each way to describe err is protected and the line is written in pieces: on a
   * full heap (the usual reason for an error here) the report must still get out. */
  duk_set_top(ctx, 2);
  duk_dup(ctx, 0);
  if (duk_safe_call(ctx, describe_error, NULL, 1, 1) != DUK_EXEC_SUCCESS) {
    duk_pop(ctx);
    duk_dup(ctx, 0);
    if (duk_safe_call(ctx, describe_error_plain, NULL, 1, 1) != DUK_EXEC_SUCCESS) {
      duk_pop(ctx);
      duk_push_undefined(ctx); /* no room even for that: a fixed text */
    }
  }
  petrel_console_write(ctx, 2, "Uncaught ", 9);
  if (duk_is_string(ctx, -1))
    petrel_console_print(ctx, 2, -1);
  else if (petrel_is_alloc_failure(ctx, 0))
    petrel_console_write(ctx, 2, "Error: alloc failed", 19);
  else
    petrel_console_write(ctx, 2, "(the error could not be described: out of memory)", 49);
  petrel_console_write(ctx, 2, "\n", 1);
  /* exitCode and the 'exit' listeners need heap too: when there is none left, the
   * report above is all there is and the exit status stays 1. Any other error from
   * them ends the process as an error in this handler (7, as node). */
  duk_set_top(ctx, 1);
  int c = 1;
  if (duk_safe_call(ctx, exit_after_uncaught, NULL, 0, 1) == DUK_EXEC_SUCCESS) {
    c = duk_get_int(ctx, -1);
  } else if (!petrel_is_alloc_failure(ctx, -1)) {
    (void)duk_throw(ctx);
  }
  plat_exit((c ? c : 1) & 0xff);
  return 0;
}

static duk_ret_t before_exit(duk_context *ctx)
{
  if (exiting) return 0;
  int code = exit_code(ctx, 0);
  petrel_push_process(ctx);
  duk_push_literal(ctx, "emit");
  duk_push_literal(ctx, "beforeExit");
  duk_push_int(ctx, code);
  duk_call_prop(ctx, -4, 2);
  return 0;
}

/* The hooks callback.c and loop.c call. */
void petrel_push_hook(duk_context *ctx, const char *name)
{
  duk_c_function f = !strcmp(name, "runTicks")         ? run_ticks
                     : !strcmp(name, "fatalException") ? fatal_exception
                                                       : before_exit;
  duk_push_c_lightfunc(ctx, f, f == fatal_exception ? 2 : 1, 1, 0);
}

/* ---- hrtime, uptime ---- */

static duk_ret_t process_hrtime(duk_context *ctx)
{
  uint64_t ns = plat_hrtime_ns();
  double s = (double)(ns / 1000000000u), n = (double)(ns % 1000000000u);
  if (!duk_is_undefined(ctx, 0)) { /* node: an array of length 2 */
    if (!duk_is_array(ctx, 0)) return throw_arg_error(ctx, "invalidArgType", "time", "an instance of Array", 0);
    if (duk_get_length(ctx, 0) != 2) {
      duk_push_uint(ctx, (duk_uint_t)duk_get_length(ctx, 0));
      return throw_arg_error(ctx, "outOfRange", "time", "2", -1);
    }
    duk_get_prop_index(ctx, 0, 0);
    duk_get_prop_index(ctx, 0, 1);
    s -= duk_to_number(ctx, -2);
    n -= duk_to_number(ctx, -1);
    if (n < 0) {
      s--;
      n += 1e9;
    }
  }
  duk_push_array(ctx);
  duk_push_number(ctx, s);
  duk_put_prop_index(ctx, -2, 0);
  duk_push_number(ctx, n);
  duk_put_prop_index(ctx, -2, 1);
  return 1;
}

static duk_ret_t process_uptime(duk_context *ctx)
{
  uint64_t d = plat_hrtime_ns() - start_ns;
  duk_push_number(ctx, (double)(d / 1000000000u) + (double)(d % 1000000000u) / 1e9);
  return 1;
}

/* ---- emitWarning ---- */

/* The tick emitWarning queues: 'warning', then the line on stderr. */
static duk_ret_t warning_tick(duk_context *ctx)
{
  petrel_push_process(ctx);
  duk_push_literal(ctx, "emit");
  duk_push_literal(ctx, "warning");
  duk_dup(ctx, 0);
  duk_call_prop(ctx, -4, 2);
  duk_set_top(ctx, 1);
  int obj = petrel_truthy(ctx, 0) && duk_is_object_coercible(ctx, 0);
  duk_push_literal(ctx, "(petrel) ");
  if (obj) duk_get_prop_literal(ctx, 0, "code");
  if (obj && petrel_truthy(ctx, -1)) {
    duk_push_literal(ctx, "[");
    duk_insert(ctx, -2);
    duk_push_literal(ctx, "] ");
  } else {
    if (obj) duk_pop(ctx);
  }
  if (obj) duk_get_prop_literal(ctx, 0, "name");
  if (!obj || !petrel_truthy(ctx, -1)) {
    if (obj) duk_pop(ctx);
    duk_push_literal(ctx, "Warning");
  }
  duk_push_literal(ctx, ": ");
  if (obj) duk_get_prop_literal(ctx, 0, "message");
  if (!obj || duk_is_undefined(ctx, -1)) {
    if (obj) duk_pop(ctx);
    duk_dup(ctx, 0);
  }
  duk_push_literal(ctx, "\n");
  if (obj) {
    duk_get_prop_literal(ctx, 0, "detail");
    if (duk_is_string(ctx, -1))
      duk_push_literal(ctx, "\n");
    else
      duk_pop(ctx);
  }
  duk_concat(ctx, duk_get_top(ctx) - 1);
  petrel_console_print(ctx, 2, -1);
  return 0;
}

/* Node's forms: (warning[, type[, code]][, ctor]) and (warning, {type, code, detail}). */
static duk_ret_t process_emit_warning(duk_context *ctx)
{
  duk_set_top(ctx, 3);                                                              /* [warning type code] */
  duk_push_undefined(ctx);                                                          /* [... detail] */
  if (duk_is_object(ctx, 1) && !duk_is_function(ctx, 1) && !duk_is_array(ctx, 1)) { /* options */
    duk_get_prop_literal(ctx, 1, "code");
    duk_replace(ctx, 2);
    duk_get_prop_literal(ctx, 1, "detail");
    duk_replace(ctx, 3);
    duk_get_prop_literal(ctx, 1, "type");
    if (!petrel_truthy(ctx, -1)) duk_push_literal(ctx, "Warning");
    duk_replace(ctx, 1);
  } else if (duk_is_function(ctx, 1)) { /* (warning, ctor) */
    duk_push_undefined(ctx);
    duk_replace(ctx, 2);
  }
  if (duk_is_undefined(ctx, 1) || duk_is_function(ctx, 1)) {
    duk_push_literal(ctx, "Warning");
    duk_replace(ctx, 1);
  }
  /* node's checks, in its order: type, code, then the warning itself */
  if (!duk_is_string(ctx, 1) || duk_is_symbol(ctx, 1))
    return throw_arg_error(ctx, "invalidArgType", "type", "string", 1);
  if (duk_is_function(ctx, 2)) {
    duk_push_undefined(ctx);
    duk_replace(ctx, 2);
  }
  if (!duk_is_undefined(ctx, 2) && (!duk_is_string(ctx, 2) || duk_is_symbol(ctx, 2)))
    return throw_arg_error(ctx, "invalidArgType", "code", "string", 2);
  /* The engine's own Error, not the global one user code may have replaced (node's
   * code uses its primordial Error too). */
  if ((!duk_is_string(ctx, 0) || duk_is_symbol(ctx, 0)) && !duk_is_error(ctx, 0))
    return throw_arg_error(ctx, "invalidArgType", "warning", "of type string or an instance of Error", 0);
  if (duk_is_string(ctx, 0)) {
    duk_push_error_object_raw(ctx, DUK_ERR_ERROR, NULL, 0, NULL); /* no C file to blame */
    duk_push_literal(ctx, "message");
    duk_dup(ctx, 0);
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE);
    duk_dup(ctx, 1);
    duk_put_prop_literal(ctx, -2, "name");
    if (duk_is_string(ctx, 2)) {
      duk_dup(ctx, 2);
      duk_put_prop_literal(ctx, -2, "code");
    }
    if (duk_is_string(ctx, 3)) {
      duk_dup(ctx, 3);
      duk_put_prop_literal(ctx, -2, "detail");
    }
    duk_replace(ctx, 0);
  }
  if (petrel_truthy(ctx, 0) && duk_is_object_coercible(ctx, 0)) {
    duk_get_prop_literal(ctx, 0, "name");
    int deprecation = duk_is_string(ctx, -1) && !strcmp(duk_get_string(ctx, -1), "DeprecationWarning");
    petrel_push_process(ctx);
    duk_get_prop_literal(ctx, -1, "noDeprecation");
    if (deprecation && duk_to_boolean(ctx, -1)) return 0;
  }
  duk_push_c_lightfunc(ctx, warning_tick, 1, 1, 0);
  duk_dup(ctx, 0);
  tick_push(ctx, 1);
  return 0;
}

/* ---- the standard streams' write and end (magic: the fd) ---- */

static duk_ret_t std_write(duk_context *ctx)
{
  int fd = duk_get_current_magic(ctx);
  duk_set_top(ctx, 3);
  if (duk_is_function(ctx, 1)) duk_copy(ctx, 1, 2);
  if (duk_is_string(ctx, 0) && !duk_is_symbol(ctx, 0)) {
    duk_dup(ctx, 0);
  } else if (duk_is_buffer_data(ctx, 0)) { /* Buffer.isBuffer(chunk) ? chunk.toString() */
    duk_get_global_literal(ctx, "Buffer");
    duk_push_literal(ctx, "isBuffer");
    duk_dup(ctx, 0);
    duk_call_prop(ctx, -3, 1);
    int is_buffer = duk_to_boolean(ctx, -1);
    duk_pop_2(ctx);
    if (is_buffer) {
      duk_push_literal(ctx, "toString");
      duk_call_prop(ctx, 0, 0);
    } else {
      duk_dup(ctx, 0);
    }
  } else {
    duk_dup(ctx, 0);
  }
  duk_to_string(ctx, -1);
  petrel_console_print(ctx, fd, -1);
  duk_pop(ctx);
  if (duk_is_function(ctx, 2)) {
    duk_dup(ctx, 2);
    tick_push(ctx, 0);
  }
  duk_push_true(ctx);
  return 1;
}

static duk_ret_t std_end(duk_context *ctx)
{
  if (duk_is_undefined(ctx, 0)) return 0;
  push_stashed(ctx, duk_get_current_magic(ctx) == 1 ? STDOUT_KEY : STDERR_KEY);
  duk_push_literal(ctx, "write");
  duk_dup(ctx, 0);
  duk_call_prop(ctx, -3, 1);
  return 0;
}

/* stdStream(stream, fd): an EventEmitter made a standard output stream. */
static duk_ret_t core_std_stream(duk_context *ctx)
{
  int fd = duk_require_int(ctx, 1) == 1 ? 1 : 2;
  duk_require_object(ctx, 0);
  duk_push_int(ctx, fd);
  duk_put_prop_literal(ctx, 0, "fd");
  duk_push_boolean(ctx, plat_console_is_tty());
  duk_put_prop_literal(ctx, 0, "isTTY");
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, 0, "writable");
  duk_push_c_lightfunc(ctx, std_write, 3, 3, fd);
  duk_put_prop_literal(ctx, 0, "write");
  duk_push_c_lightfunc(ctx, std_end, 1, 1, fd);
  duk_put_prop_literal(ctx, 0, "end");
  duk_dup(ctx, 0);
  put_stashed(ctx, fd == 1 ? STDOUT_KEY : STDERR_KEY);
  return 0;
}

/* ---- accessors made on first use: process.stdin, global.Buffer ---- */

static duk_ret_t stdin_wanted(duk_context *ctx)
{
  duk_push_boolean(ctx, !repl_running);
  return 1;
}

/* process.stdin (internal/stdin.js); the REPL owns the input while it runs. */
static duk_ret_t get_stdin(duk_context *ctx)
{
  push_stashed(ctx, STDIN_KEY);
  if (!duk_is_undefined(ctx, -1)) return 1;
  petrel_require_builtin(ctx, "internal/stdin");
  duk_push_c_lightfunc(ctx, stdin_wanted, 0, 0, 0);
  duk_call(ctx, 1);
  duk_dup_top(ctx);
  put_stashed(ctx, STDIN_KEY);
  return 1;
}

/* Once read or set, global.Buffer is a plain writable property, as in Node:
 * [... value] -> [... value] */
static void def_global_buffer(duk_context *ctx)
{
  duk_push_global_object(ctx);
  duk_push_literal(ctx, "Buffer");
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
  duk_pop(ctx);
}

static duk_ret_t set_global_buffer(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  def_global_buffer(ctx);
  return 0;
}

/* Buffer, the largest module a script may never touch, loads on first use. */
static duk_ret_t get_global_buffer(duk_context *ctx)
{
  petrel_require_builtin(ctx, "buffer");
  duk_get_prop_literal(ctx, -1, "Buffer");
  def_global_buffer(ctx);
  return 1;
}

/* process.versions.mbedtls, read from the tls binding (made on first use). */
static duk_ret_t get_mbedtls_version(duk_context *ctx)
{
  petrel_push_binding(ctx, "tls");
  duk_get_prop_literal(ctx, -1, "engine");
  const char *s = duk_to_string(ctx, -1);
  duk_push_string(ctx, strncmp(s, "mbedTLS ", 8) ? s : s + 8);
  return 1;
}

/* [... obj] accessor key = getter (setter) as native functions (accessors must be objects). */
static void def_accessor(duk_context *ctx, const char *key, duk_c_function get, duk_c_function set, int enumerable)
{
  duk_push_string(ctx, key);
  duk_push_c_function(ctx, get, 0);
  if (set) duk_push_c_function(ctx, set, 1);
  duk_def_prop(ctx, set ? -4 : -3,
               DUK_DEFPROP_HAVE_GETTER | (set ? DUK_DEFPROP_HAVE_SETTER : 0) | DUK_DEFPROP_SET_CONFIGURABLE |
                   (enumerable ? DUK_DEFPROP_SET_ENUMERABLE : DUK_DEFPROP_CLEAR_ENUMERABLE));
}

/* ---- setup ---- */

static const duk_function_list_entry process_funcs[] = { { "nextTick", process_next_tick, DUK_VARARGS },
                                                         { "exit", process_exit, 1 },
                                                         { "reallyExit", NULL, 1 }, /* core.reallyExit, put below */
                                                         { "abort", process_abort, 0 },
                                                         { "hrtime", process_hrtime, 1 },
                                                         { "uptime", process_uptime, 0 },
                                                         { "emitWarning", process_emit_warning, 3 },
                                                         { NULL, NULL, 0 } };

static duk_ret_t core_really_exit(duk_context *ctx)
{
  plat_exit(duk_get_int_default(ctx, 0, 0) & 0xff);
  return 0;
}

/* Node's names for process's light functions (lightfunc_names.h). */
PETREL_LIGHTFUNC_LIST(process, process_funcs);
static const petrel_lf_name process_names[] = {
  { "reallyExit", core_really_exit, 0 }, { "_tickCallback", run_ticks, 0 },
  { "", fatal_exception, 0 } /* as in Node */, { "queueMicrotask", queue_microtask, 0 },
  { "write", std_write, 1 }, { "write", std_write, 2 }, { "end", std_end, 1 }, { "end", std_end, 2 },
  { "require", require_builtin_js, 0 },
  /* internal: the loop's hook before exit, emitWarning's deferred emit */
  { "beforeExit", before_exit, 0 }, { "emitWarningNT", warning_tick, 0 }, { "stdinWanted", stdin_wanted, 0 },
  { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(process, process_names);

/* setupProcess(process, global, hasTls): the methods and accessors above; the
 * stash keeps process for C. Returns the entry's exit function. */
static duk_ret_t core_setup_process(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_require_object(ctx, 1);
  start_ns = plat_hrtime_ns();
  duk_dup(ctx, 0);
  put_stashed(ctx, PROCESS_KEY);
  duk_push_array(ctx);
  ticks_array = duk_get_heapptr(ctx, -1); /* the stash keeps it */
  put_stashed(ctx, TICKS_KEY);
  duk_push_object(ctx);
  put_stashed(ctx, BUILTINS_KEY);
  petrel_capture_primordials(ctx, 1);
  for (const duk_function_list_entry *f = process_funcs; f->key; f++) {
    duk_c_function fn = f->value ? f->value : core_really_exit;
    duk_push_c_lightfunc(ctx, fn, f->nargs, f->nargs == DUK_VARARGS ? 0 : f->nargs, 0);
    duk_put_prop_string(ctx, 0, f->key);
  }
  duk_push_literal(ctx, "_tickCallback");
  duk_push_c_lightfunc(ctx, run_ticks, 0, 0, 0);
  duk_def_prop(ctx, 0, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE);
  duk_push_literal(ctx, "_fatalException");
  duk_push_c_lightfunc(ctx, fatal_exception, 1, 1, 0);
  duk_def_prop(ctx, 0, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE);
  duk_dup(ctx, 0);
  def_accessor(ctx, "stdin", get_stdin, NULL, 1);
  def_accessor(ctx, "exitCode", get_exit_code, set_exit_code, 1);
  duk_pop(ctx);
  if (duk_to_boolean(ctx, 2)) {
    duk_get_prop_literal(ctx, 0, "versions");
    def_accessor(ctx, "mbedtls", get_mbedtls_version, NULL, 1);
    duk_pop(ctx);
  }
  duk_push_c_lightfunc(ctx, queue_microtask, 1, 1, 0);
  duk_put_prop_literal(ctx, 1, "queueMicrotask");
  petrel_lazy_globals_setup(ctx, 1);
  petrel_iterators_setup(ctx, 1);
  promise_api_setup(ctx); /* Symbol.asyncIterator */
  duk_dup(ctx, 1);
  def_accessor(ctx, "Buffer", get_global_buffer, set_global_buffer, 0);
  duk_pop(ctx);
  return 0;
}

/* The REPL's hooks: setExitHook(fn), setUncaughtHook(fn) (see repl_run.c). */
static duk_ret_t set_exit_hook(duk_context *ctx)
{
  put_stashed(ctx, EXIT_HOOK_KEY);
  return 0;
}

static duk_ret_t set_uncaught_hook(duk_context *ctx)
{
  put_stashed(ctx, UNCAUGHT_HOOK_KEY);
  return 0;
}

static duk_ret_t core_repl_running(duk_context *ctx)
{
  (void)ctx;
  repl_running = 1;
  return 0;
}

const duk_function_list_entry petrel_process_funcs[] = {
  { "setupProcess", core_setup_process, 3 },   { "stdStream", core_std_stream, 2 },
  { "requireBuiltin", require_builtin_js, 1 }, { "defineBuiltin", define_builtin, 2 },
  { "emitExit", core_emit_exit, 1 },           { "exit", entry_exit, 0 },
  { "setExitHook", set_exit_hook, 1 },         { "setUncaughtHook", set_uncaught_hook, 1 },
  { "replRunning", core_repl_running, 0 },     { NULL, NULL, 0 }
};
