/*
 * EventEmitter's methods in C (#17's native core, first part): emit, on/addListener,
 * prependListener, once, prependOnceListener, removeListener/off,
 * removeAllListeners, listeners, rawListeners, listenerCount, eventNames,
 * setMaxListeners, getMaxListeners, as Duktape light functions on
 * EventEmitter.prototype.
 *
 * Why C: every module loads events at boot, and each JS function costs Duktape
 * ~300 bytes of heap however small (boards/mps2-an385/README.md); a light function
 * is an 8-byte value. The state stays where Node keeps it, in this._events (a
 * null-prototype object: one listener as the function itself, several as an
 * array) and this._eventsCount, so code that reads them (net.js's fast path,
 * user code) sees the same thing. Methods a subclass may override (emit, on,
 * removeListener, removeAllListeners, getMaxListeners) are looked up on `this`,
 * as the JS did. The wording of errors and of the max-listeners warning stays
 * in events.js (its fail function, kept in the stash).
 */
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "promise_api.h"
#include "bindings.h"
#include "stream_state.h"

#define FAIL_KEY        DUK_HIDDEN_SYMBOL("eventsFail")
#define MONITOR_KEY     DUK_HIDDEN_SYMBOL("eventsErrorMonitor")
#define DEFAULT_MAX_KEY DUK_HIDDEN_SYMBOL("eventsDefaultMax")
/* A once() wrapper's state, kept on the wrapper function. */
#define W_TARGET DUK_HIDDEN_SYMBOL("target")
#define W_TYPE   DUK_HIDDEN_SYMBOL("type")

/* What events.js's fail(kind, value, a, b) makes. */
enum { FAIL_LISTENER, FAIL_MAX, FAIL_UNHANDLED, WARN_MAX, FAIL_NOT_EMITTER };

/* Calls events.js's fail(kind, value at idx, extra...) and leaves its result. */
static void call_fail(duk_context *ctx, int kind, duk_idx_t idx, int nextra)
{
  /* [... extra1..extraN] */
  idx = duk_normalize_index(ctx, idx);
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, FAIL_KEY);
  duk_remove(ctx, -2);
  duk_push_int(ctx, kind);
  duk_dup(ctx, idx);
  for (int i = 0; i < nextra; i++) duk_dup(ctx, -3 - nextra);
  duk_call(ctx, 2 + nextra);
  /* [... extra1..extraN result] */
  for (int i = 0; i < nextra; i++) duk_remove(ctx, -2);
}

static void check_listener(duk_context *ctx, duk_idx_t idx)
{
  if (duk_is_function(ctx, idx)) return;
  call_fail(ctx, FAIL_LISTENER, idx, 0);
  (void)duk_throw(ctx);
}

/* this._events, made (with _eventsCount 0) if the emitter has none; [...] -> [... events] */
static void push_events(duk_context *ctx, duk_idx_t this_idx, int create)
{
  duk_get_prop_literal(ctx, this_idx, "_events");
  if (!create || !duk_is_undefined(ctx, -1)) return;
  duk_pop(ctx);
  duk_push_bare_object(ctx);
  duk_dup_top(ctx);
  duk_put_prop_literal(ctx, this_idx, "_events");
  duk_push_int(ctx, 0);
  duk_put_prop_literal(ctx, this_idx, "_eventsCount");
}

static void add_count(duk_context *ctx, duk_idx_t this_idx, int delta)
{
  duk_get_prop_literal(ctx, this_idx, "_eventsCount");
  double n = duk_to_number(ctx, -1) + delta;
  duk_pop(ctx);
  duk_push_number(ctx, n);
  duk_put_prop_literal(ctx, this_idx, "_eventsCount");
}

/* this.name(args at first..first+n-1): calls the emitter's own (maybe overridden) method. */
static void call_own_method(duk_context *ctx, duk_idx_t this_idx, const char *name, int n)
{
  /* [... a1..an] -> [... result] */
  petrel_get_prop_static(ctx, this_idx, name);
  duk_insert(ctx, -1 - n);
  duk_dup(ctx, this_idx);
  duk_insert(ctx, -1 - n);
  duk_call_method(ctx, n);
}

/* Calls fn (at fn_idx) with this and the arguments at args..args+nargs-1. */
static void call_listener(duk_context *ctx, duk_idx_t fn_idx, duk_idx_t this_idx, duk_idx_t args, int nargs)
{
  duk_dup(ctx, fn_idx);
  duk_dup(ctx, this_idx);
  for (int i = 0; i < nargs; i++) duk_dup(ctx, args + i);
  duk_call_method(ctx, nargs);
  duk_pop(ctx);
}

/* emit's body: the emitter at self, the type at type and the nargs arguments after
 * it (absolute indexes). Returns emit's result and leaves the stack as it was. */
static int emit_core(duk_context *ctx, duk_idx_t self, duk_idx_t type, int nargs)
{
  duk_require_stack(ctx, nargs + 8);
  duk_idx_t top = duk_get_top(ctx);
  push_events(ctx, self, 0);
  duk_idx_t events = top;
  int is_error = duk_is_string(ctx, type) && strcmp(duk_get_string(ctx, type), "error") == 0;
  if (is_error && duk_is_object(ctx, events)) {
    duk_push_global_stash(ctx);
    duk_get_prop_literal(ctx, -1, MONITOR_KEY);
    duk_remove(ctx, -2);
    duk_get_prop(ctx, events);
    if (!duk_is_undefined(ctx, -1)) {
      duk_pop(ctx);
      /* this.emit(errorMonitor, ...args) */
      duk_push_global_stash(ctx);
      duk_get_prop_literal(ctx, -1, MONITOR_KEY);
      duk_remove(ctx, -2);
      for (int i = 1; i <= nargs; i++) duk_dup(ctx, type + i);
      call_own_method(ctx, self, "emit", nargs + 1);
    }
    duk_pop(ctx);
  }
  if (duk_is_object(ctx, events)) {
    duk_dup(ctx, type);
    duk_get_prop(ctx, events);
  } else {
    duk_push_undefined(ctx);
  }
  duk_idx_t handler = top + 1;
  if (duk_is_undefined(ctx, handler)) {
    if (is_error) {
      if (nargs >= 1)
        duk_dup(ctx, type + 1);
      else
        duk_push_undefined(ctx);
      call_fail(ctx, FAIL_UNHANDLED, -1, 0);
      (void)duk_throw(ctx);
    }
    duk_set_top(ctx, top);
    return 0;
  }
  if (duk_is_function(ctx, handler)) {
    call_listener(ctx, handler, self, type + 1, nargs);
  } else {
    /* A copy: listeners may add or remove listeners while it runs. */
    duk_size_t len = duk_get_length(ctx, handler);
    duk_push_array(ctx);
    duk_idx_t copy = duk_get_top_index(ctx);
    for (duk_size_t i = 0; i < len; i++) {
      duk_get_prop_index(ctx, handler, (duk_uarridx_t)i);
      duk_put_prop_index(ctx, copy, (duk_uarridx_t)i);
    }
    for (duk_size_t i = 0; i < len; i++) {
      duk_get_prop_index(ctx, copy, (duk_uarridx_t)i);
      call_listener(ctx, -1, self, type + 1, nargs);
      duk_pop(ctx);
    }
  }
  duk_set_top(ctx, top);
  return 1;
}

/* emit(type, ...args) */
static duk_ret_t ee_emit(duk_context *ctx)
{
  duk_idx_t n = duk_get_top(ctx); /* type + args */
  if (n == 0) {
    duk_push_undefined(ctx);
    n = 1;
  }
  duk_push_this(ctx); /* n */
  duk_push_boolean(ctx, emit_core(ctx, n, 0, (int)n - 1));
  return 1;
}

/* For C code that emits (stream_state.c's st_call_method): if the function at fn is
 * EventEmitter.prototype.emit as installed here, emits on the emitter at self
 * the type at type and the nargs values after it without a call of its own (no
 * activation; an event with no listener costs a lookup) and returns emit's
 * result; else -1 and the caller calls fn. */
int petrel_emit_native(duk_context *ctx, duk_idx_t fn, duk_idx_t self, duk_idx_t type, int nargs)
{
  if (!duk_is_lightfunc(ctx, fn)) return -1;
  fn = duk_normalize_index(ctx, fn);
  duk_push_c_lightfunc(ctx, ee_emit, DUK_VARARGS, 1, 0); /* as ee_install installs it */
  int ours = duk_strict_equals(ctx, -1, fn);
  duk_pop(ctx);
  if (!ours) return -1;
  return emit_core(ctx, duk_normalize_index(ctx, self), duk_normalize_index(ctx, type), nargs);
}

/* f.listener if it is a once() wrapper, else f; [...] -> [... unwrapped] */
static void push_unwrapped(duk_context *ctx, duk_idx_t f)
{
  f = duk_normalize_index(ctx, f);
  if (duk_is_object(ctx, f) || duk_is_lightfunc(ctx, f)) {
    duk_get_prop_literal(ctx, f, "listener");
    if (duk_to_boolean(ctx, -1)) {
      duk_get_prop_literal(ctx, f, "listener");
      duk_remove(ctx, -2);
      return;
    }
    duk_pop(ctx);
  }
  duk_dup(ctx, f);
}

static int is_or_wraps(duk_context *ctx, duk_idx_t f, duk_idx_t listener)
{
  f = duk_normalize_index(ctx, f);
  listener = duk_normalize_index(ctx, listener);
  if (duk_strict_equals(ctx, f, listener)) return 1;
  if (!duk_is_object(ctx, f)) return 0;
  duk_get_prop_literal(ctx, f, "listener");
  int r = duk_strict_equals(ctx, -1, listener);
  duk_pop(ctx);
  return r;
}

/* Adds the function at idx 1 (already checked) for the type at idx 0. */
static duk_ret_t add_listener(duk_context *ctx, int prepend)
{
  duk_set_top(ctx, 2);
  duk_push_this(ctx); /* 2 */
  duk_get_prop_literal(ctx, 2, "_events");
  if (duk_is_undefined(ctx, -1)) {
    duk_pop(ctx);
    push_events(ctx, 2, 1);
  } else {
    duk_get_prop_literal(ctx, -1, "newListener");
    int tell = !duk_is_undefined(ctx, -1);
    duk_pop_2(ctx);
    if (tell) {
      duk_push_literal(ctx, "newListener");
      duk_dup(ctx, 0);
      push_unwrapped(ctx, 1);
      call_own_method(ctx, 2, "emit", 3);
      duk_pop(ctx);
    }
    /* A 'newListener' listener may have replaced the table. */
    push_events(ctx, 2, 1);
  }
  duk_idx_t events = 3;
  duk_dup(ctx, 0);
  duk_get_prop(ctx, events); /* 4: existing */
  if (duk_is_undefined(ctx, 4)) {
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_put_prop(ctx, events);
    add_count(ctx, 2, 1);
    duk_dup(ctx, 2);
    return 1;
  }
  if (duk_is_function(ctx, 4)) {
    duk_push_array(ctx);
    duk_dup(ctx, prepend ? 1 : 4);
    duk_put_prop_index(ctx, -2, 0);
    duk_dup(ctx, prepend ? 4 : 1);
    duk_put_prop_index(ctx, -2, 1);
    duk_dup(ctx, 0);
    duk_dup(ctx, -2);
    duk_put_prop(ctx, events);
    duk_replace(ctx, 4);
  } else if (prepend) {
    duk_get_prop_literal(ctx, 4, "unshift");
    duk_dup(ctx, 4);
    duk_dup(ctx, 1);
    duk_call_method(ctx, 1);
    duk_pop(ctx);
  } else {
    duk_dup(ctx, 1);
    duk_put_prop_index(ctx, 4, (duk_uarridx_t)duk_get_length(ctx, 4));
  }
  /* More than getMaxListeners(): warn once per list. */
  call_own_method(ctx, 2, "getMaxListeners", 0);
  double max = duk_to_number(ctx, -1);
  duk_pop(ctx);
  double len = (double)duk_get_length(ctx, 4);
  if (max > 0 && len > max) {
    duk_get_prop_literal(ctx, 4, "warned");
    int warned = duk_to_boolean(ctx, -1);
    duk_pop(ctx);
    if (!warned) {
      duk_push_true(ctx);
      duk_put_prop_literal(ctx, 4, "warned");
      duk_dup(ctx, 0);
      duk_push_number(ctx, len);
      call_fail(ctx, WARN_MAX, 2, 2);
      duk_pop(ctx);
    }
  }
  duk_dup(ctx, 2);
  return 1;
}

static void remove_at(duk_context *ctx, duk_idx_t b);
static duk_ret_t ee_add(duk_context *ctx);
static duk_ret_t ee_remove(duk_context *ctx);

/* For once() and its wrapper: pushes this.on (remove 0) or this.removeListener (1), a
 * Readable's own replaced by the base's when it would only pass the call on (type at
 * type_idx); returns 1 if it is this file's own (the light function as installed), which
 * the caller then runs in place instead of calling. */
static int push_listener_method(duk_context *ctx, duk_idx_t this_idx, duk_idx_t type_idx, int remove)
{
  type_idx = duk_normalize_index(ctx, type_idx);
  petrel_get_prop_static(ctx, this_idx, remove ? "removeListener" : "on");
  petrel_readable_skip_listener_method(ctx, type_idx, remove);
  duk_push_c_lightfunc(ctx, remove ? ee_remove : ee_add, 2, 2, 0);
  int own = duk_strict_equals(ctx, -1, -2);
  duk_pop(ctx);
  return own;
}

/* For a C method that calls EventEmitter.prototype.on on its own this and arguments
 * (stream_readable.c's on: Stream.prototype.on.call(this, ev, fn)): if the function
 * at fn is on as installed here, adds the listener at 1 for the type at 0 in the
 * caller's frame, without a call, and returns 1 with the stack [type, listener,
 * this]; else 0 and the caller calls fn. */
int petrel_on_native(duk_context *ctx, duk_idx_t fn)
{
  if (!duk_is_lightfunc(ctx, fn)) return 0;
  fn = duk_normalize_index(ctx, fn);
  duk_push_c_lightfunc(ctx, ee_add, 2, 2, 0); /* as ee_install installs on */
  int ours = duk_strict_equals(ctx, -1, fn);
  duk_pop(ctx);
  if (!ours) return 0;
  duk_set_top(ctx, 2);
  check_listener(ctx, 1);
  add_listener(ctx, 0);
  duk_set_top(ctx, 3); /* add_listener's result: this, at 2 */
  return 1;
}

/* The once() wrapper: removes itself, then calls the listener with the target as this.
 * The target is deleted after the removal, as Node sets its fired flag (a 'removeListener'
 * listener that calls the wrapper runs the listener too): its absence is that flag, so a
 * wrapper called again (kept from rawListeners()) does nothing, and no cycle is left for
 * mark-and-sweep. */
static duk_ret_t once_wrapper(duk_context *ctx)
{
  duk_idx_t n = duk_get_top(ctx);
  duk_push_current_function(ctx); /* n */
  if (!duk_get_prop_literal(ctx, n, W_TARGET)) return 0; /* n + 1 */
  duk_get_prop_literal(ctx, n, W_TYPE); /* n + 2 */
  duk_dup(ctx, n);
  duk_dup(ctx, n + 1);
  /* [... target type wrapper target] */
  if (push_listener_method(ctx, n + 1, n + 2, 1)) {
    duk_pop(ctx);
    remove_at(ctx, n + 2);
  } else {
    duk_swap_top(ctx, -2); /* [... type wrapper fn target] */
    duk_insert(ctx, n + 2);
    duk_insert(ctx, n + 2);
    duk_call_method(ctx, 2);
  }
  duk_set_top(ctx, n + 2);
  duk_del_prop_literal(ctx, n, W_TARGET);
  duk_get_prop_literal(ctx, n, "listener"); /* n + 2 */
  duk_dup(ctx, n + 2);
  duk_dup(ctx, n + 1);
  for (duk_idx_t i = 0; i < n; i++) duk_dup(ctx, i);
  duk_call_method(ctx, n);
  return 1;
}

/* Defines obj[key] = the value on top as a plain data property (what an assignment
 * makes on an object without that key): no search of the prototype chain for a setter,
 * which a function's (Function.prototype, Object.prototype) does not have. */
#define DEF_PLAIN(ctx, obj, key)                                                                               \
  do {                                                                                                         \
    duk_push_literal(ctx, key);                                                                                \
    duk_swap_top(ctx, -2);                                                                                     \
    duk_def_prop(ctx, obj,                                                                                     \
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |              \
                     DUK_DEFPROP_SET_CONFIGURABLE);                                                            \
  } while (0)

/* on/addListener (magic 0), prependListener (1), once (2), prependOnceListener (3) */
static duk_ret_t ee_add(duk_context *ctx)
{
  int magic = duk_get_current_magic(ctx);
  duk_set_top(ctx, 2);
  check_listener(ctx, 1);
  if (magic < 2) return add_listener(ctx, magic);
  duk_push_c_function(ctx, once_wrapper, DUK_VARARGS); /* 2 */
  duk_petrel_reserve(ctx, 2, 3); /* its three properties: one allocation (edit 17) */
  duk_push_this(ctx);
  DEF_PLAIN(ctx, 2, W_TARGET);
  duk_dup(ctx, 0);
  DEF_PLAIN(ctx, 2, W_TYPE);
  duk_dup(ctx, 1);
  DEF_PLAIN(ctx, 2, "listener");
  duk_replace(ctx, 1);
  if (magic == 3) return add_listener(ctx, 1);
  /* once(): through this.on, as Node does (a Readable's once('data') starts the flow). */
  duk_push_this(ctx); /* 2 */
  if (push_listener_method(ctx, 2, 0, 0)) return add_listener(ctx, 0);
  duk_dup(ctx, 2);
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_call_method(ctx, 2);
  return 1;
}

static void reset_events(duk_context *ctx, duk_idx_t self)
{
  duk_push_bare_object(ctx);
  duk_put_prop_literal(ctx, self, "_events");
  duk_push_int(ctx, 0);
  duk_put_prop_literal(ctx, self, "_eventsCount");
}

/* Removes the type's entry; the table is replaced when it was the last. */
static void drop_type(duk_context *ctx, duk_idx_t self, duk_idx_t events, duk_idx_t type)
{
  duk_get_prop_literal(ctx, self, "_eventsCount");
  double left = duk_to_number(ctx, -1) - 1;
  duk_pop(ctx);
  duk_push_number(ctx, left);
  duk_put_prop_literal(ctx, self, "_eventsCount");
  if (left == 0)
    reset_events(ctx, self);
  else {
    duk_dup(ctx, type);
    duk_del_prop(ctx, events);
  }
}

/* removeListener's stack from b: [type listener this events ...]. Emits 'removeListener'
 * (type, the function at fn or the listener it wraps) if the table at b + 3 still has a
 * listener for it: asked of the old table after the removal, as Node does, so that
 * removing the last 'removeListener' listener itself is not announced. */
static void announce_removal(duk_context *ctx, duk_idx_t b, duk_idx_t fn)
{
  duk_get_prop_literal(ctx, b + 3, "removeListener");
  int tell = !duk_is_undefined(ctx, -1);
  duk_pop(ctx);
  if (!tell) return;
  duk_push_literal(ctx, "removeListener");
  duk_dup(ctx, b);
  push_unwrapped(ctx, fn);
  call_own_method(ctx, b + 2, "emit", 3);
  duk_pop(ctx);
}

/* removeListener(type, listener) with [type listener this] at b (the top): removes the
 * most recently added instance (or a once-wrapper of it); leaves [type listener this
 * ...] and whatever it pushed above them. The body of ee_remove, and of once()'s wrapper
 * when the emitter's removeListener is this one. */
static void remove_at(duk_context *ctx, duk_idx_t b)
{
  duk_idx_t self = b + 2, events = b + 3, list = b + 4;
  push_events(ctx, self, 0); /* b + 3 */
  if (!duk_is_object(ctx, events)) return;
  duk_dup(ctx, b);
  duk_get_prop(ctx, events); /* b + 4: list */
  if (duk_is_undefined(ctx, list)) return;
  if (is_or_wraps(ctx, list, b + 1)) {
    drop_type(ctx, self, events, b);
    announce_removal(ctx, b, list);
    return;
  }
  if (duk_is_function(ctx, list) || !duk_is_array(ctx, list)) return;
  for (duk_int_t i = (duk_int_t)duk_get_length(ctx, list) - 1; i >= 0; i--) {
    duk_get_prop_index(ctx, list, (duk_uarridx_t)i); /* b + 5: fn */
    if (!is_or_wraps(ctx, b + 5, b + 1)) {
      duk_pop(ctx);
      continue;
    }
    duk_get_prop_literal(ctx, list, "splice");
    duk_dup(ctx, list);
    duk_push_int(ctx, i);
    duk_push_int(ctx, 1);
    duk_call_method(ctx, 2);
    duk_pop(ctx);
    if (duk_get_length(ctx, list) == 1) {
      duk_dup(ctx, b);
      duk_get_prop_index(ctx, list, 0);
      duk_put_prop(ctx, events);
    }
    announce_removal(ctx, b, b + 5);
    break;
  }
}

/* removeListener(type, listener) */
static duk_ret_t ee_remove(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  check_listener(ctx, 1);
  duk_push_this(ctx); /* 2 */
  remove_at(ctx, 0);
  duk_dup(ctx, 2);
  return 1;
}

/* The event names of a table: string keys, then symbols (Object.keys + getOwnPropertySymbols). */
static void push_names(duk_context *ctx, duk_idx_t events)
{
  duk_uarridx_t k = 0;
  events = duk_normalize_index(ctx, events);
  duk_push_array(ctx);
  for (int pass = 0; pass < 2; pass++) {
    duk_enum(ctx, events,
             pass == 0 ? DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_SORT_ARRAY_INDICES
                       : DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_SYMBOLS | DUK_ENUM_EXCLUDE_STRINGS);
    while (duk_next(ctx, -1, 0)) duk_put_prop_index(ctx, -3, k++);
    duk_pop(ctx);
  }
}

/* removeAllListeners([type]) */
static duk_ret_t ee_remove_all(duk_context *ctx)
{
  int all = duk_get_top(ctx) == 0;
  duk_set_top(ctx, 1);
  duk_push_this(ctx);     /* 1 */
  push_events(ctx, 1, 0); /* 2 */
  if (!duk_is_object(ctx, 2)) {
    duk_dup(ctx, 1);
    return 1;
  }
  duk_get_prop_literal(ctx, 2, "removeListener");
  int tell = !duk_is_undefined(ctx, -1);
  duk_pop(ctx);
  if (!tell) { /* nobody to tell: drop the lists directly */
    if (all) {
      reset_events(ctx, 1);
    } else {
      duk_dup(ctx, 0);
      duk_get_prop(ctx, 2);
      if (!duk_is_undefined(ctx, -1)) drop_type(ctx, 1, 2, 0);
      duk_pop(ctx);
    }
    duk_dup(ctx, 1);
    return 1;
  }
  if (all) {
    push_names(ctx, 2); /* 3 */
    duk_size_t n = duk_get_length(ctx, 3);
    for (duk_size_t i = 0; i < n; i++) {
      duk_get_prop_index(ctx, 3, (duk_uarridx_t)i);
      if (duk_is_string(ctx, -1) && strcmp(duk_get_string(ctx, -1), "removeListener") == 0) {
        duk_pop(ctx);
        continue;
      }
      call_own_method(ctx, 1, "removeAllListeners", 1);
      duk_pop(ctx);
    }
    duk_push_literal(ctx, "removeListener");
    call_own_method(ctx, 1, "removeAllListeners", 1);
    duk_pop(ctx);
    reset_events(ctx, 1);
    duk_dup(ctx, 1);
    return 1;
  }
  duk_dup(ctx, 0);
  duk_get_prop(ctx, 2); /* 3: listeners */
  if (duk_is_function(ctx, 3)) {
    duk_dup(ctx, 0);
    duk_dup(ctx, 3);
    call_own_method(ctx, 1, "removeListener", 2);
    duk_pop(ctx);
  } else if (duk_is_array(ctx, 3)) {
    /* Last added first, as Node does. */
    for (duk_int_t j = (duk_int_t)duk_get_length(ctx, 3) - 1; j >= 0; j--) {
      duk_dup(ctx, 0);
      duk_get_prop_index(ctx, 3, (duk_uarridx_t)j);
      call_own_method(ctx, 1, "removeListener", 2);
      duk_pop(ctx);
    }
  }
  duk_dup(ctx, 1);
  return 1;
}

/* listeners(type) (magic 0: once-wrappers unwrapped), rawListeners(type) (magic 1) */
static duk_ret_t ee_listeners(duk_context *ctx)
{
  int raw = duk_get_current_magic(ctx);
  duk_set_top(ctx, 1);
  duk_push_this(ctx);
  push_events(ctx, 1, 0); /* 2 */
  duk_push_array(ctx);    /* 3 */
  if (!duk_is_object(ctx, 2)) return 1;
  duk_dup(ctx, 0);
  duk_get_prop(ctx, 2); /* 4 */
  if (duk_is_undefined(ctx, 4)) {
    duk_pop(ctx);
    return 1;
  }
  if (duk_is_function(ctx, 4)) {
    if (raw)
      duk_dup(ctx, 4);
    else
      push_unwrapped(ctx, 4);
    duk_put_prop_index(ctx, 3, 0);
  } else {
    duk_size_t n = duk_get_length(ctx, 4);
    for (duk_size_t i = 0; i < n; i++) {
      duk_get_prop_index(ctx, 4, (duk_uarridx_t)i);
      if (!raw) {
        push_unwrapped(ctx, -1);
        duk_remove(ctx, -2);
      }
      duk_put_prop_index(ctx, 3, (duk_uarridx_t)i);
    }
  }
  duk_pop(ctx);
  return 1;
}

/* listenerCount(type[, listener]) */
static duk_ret_t ee_listener_count(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  duk_push_this(ctx);
  push_events(ctx, 2, 0); /* 3 */
  if (!duk_is_object(ctx, 3)) {
    duk_push_int(ctx, 0);
    return 1;
  }
  duk_dup(ctx, 0);
  duk_get_prop(ctx, 3); /* 4 */
  int any = duk_is_null_or_undefined(ctx, 1);
  if (duk_is_undefined(ctx, 4)) {
    duk_push_int(ctx, 0);
    return 1;
  }
  if (duk_is_function(ctx, 4)) {
    duk_push_int(ctx, any || is_or_wraps(ctx, 4, 1));
    return 1;
  }
  duk_size_t len = duk_get_length(ctx, 4), count = 0;
  if (any) {
    duk_push_uint(ctx, (duk_uint_t)len);
    return 1;
  }
  for (duk_size_t i = 0; i < len; i++) {
    duk_get_prop_index(ctx, 4, (duk_uarridx_t)i);
    count += (duk_size_t)is_or_wraps(ctx, -1, 1);
    duk_pop(ctx);
  }
  duk_push_uint(ctx, (duk_uint_t)count);
  return 1;
}

/* eventNames() */
static duk_ret_t ee_event_names(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, 0, "_eventsCount");
  int some = duk_to_number(ctx, -1) > 0;
  duk_pop(ctx);
  push_events(ctx, 0, 0);
  if (!some || !duk_is_object(ctx, -1)) {
    duk_push_array(ctx);
    return 1;
  }
  push_names(ctx, -1);
  return 1;
}

static double default_max(duk_context *ctx)
{
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, DEFAULT_MAX_KEY);
  double n = duk_get_number_default(ctx, -1, 10);
  duk_pop_2(ctx);
  return n;
}

/* A max-listeners value: a number >= 0 (else fail's TypeError or RangeError). */
static void check_max(duk_context *ctx, duk_idx_t idx, const char *name)
{
  if (duk_is_number(ctx, idx) && duk_get_number(ctx, idx) >= 0) return;
  duk_push_string(ctx, name);
  call_fail(ctx, FAIL_MAX, idx, 1);
  (void)duk_throw(ctx);
}

/* setMaxListeners(n) */
static duk_ret_t ee_set_max(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  check_max(ctx, 0, "setMaxListeners");
  duk_push_this(ctx);
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, -2, "_maxListeners");
  return 1;
}

/* getMaxListeners() */
static duk_ret_t ee_get_max(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, "_maxListeners");
  if (duk_is_undefined(ctx, -1)) duk_push_number(ctx, default_max(ctx));
  return 1;
}

/* EventEmitter.init(): an own _events table unless the object has one. */
static duk_ret_t ee_init(duk_context *ctx)
{
  duk_push_this(ctx); /* 0 */
  duk_get_prop_literal(ctx, 0, "_events");
  int own = !duk_is_undefined(ctx, -1);
  if (own) {
    duk_get_prototype(ctx, 0);
    if (duk_is_object(ctx, -1)) {
      duk_get_prop_literal(ctx, -1, "_events");
      own = !duk_strict_equals(ctx, -1, -3);
      duk_pop(ctx);
    }
    duk_pop(ctx);
  }
  if (!own) reset_events(ctx, 0);
  return 0;
}

/* defaultMaxListeners([n]): reads it, or checks and sets it. */
static duk_ret_t ee_default_max(duk_context *ctx)
{
  if (duk_get_top(ctx) == 0) {
    duk_push_number(ctx, default_max(ctx));
    return 1;
  }
  duk_set_top(ctx, 1);
  check_max(ctx, 0, "defaultMaxListeners");
  duk_push_global_stash(ctx);
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, -2, DEFAULT_MAX_KEY);
  return 0;
}

static void put_method(duk_context *ctx, duk_idx_t obj, const char *name, duk_c_function fn, int nargs, int length,
                       int magic)
{
  duk_push_c_lightfunc(ctx, fn, nargs, length, magic);
  duk_put_prop_string(ctx, obj, name);
}

/* fail(kind, value[, a, b]): the errors' and the warning's wording, in
 * internal/events_errors.js, loaded with the first. */
static duk_ret_t ee_fail(duk_context *ctx)
{
  duk_idx_t n = duk_get_top(ctx);
  petrel_require_builtin(ctx, "internal/events_errors");
  duk_insert(ctx, 0);
  duk_call(ctx, n);
  return 1;
}

/* install(proto, errorMonitor): the methods on proto, the symbol kept for them; proto is
 * compacted (Duktape grows a table by several entries: 3 were left unused). */
static duk_ret_t ee_install(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_push_global_stash(ctx);
  duk_push_c_lightfunc(ctx, ee_fail, DUK_VARARGS, 4, 0);
  duk_put_prop_literal(ctx, -2, FAIL_KEY);
  duk_dup(ctx, 1);
  duk_put_prop_literal(ctx, -2, MONITOR_KEY);
  duk_pop(ctx);
  put_method(ctx, 0, "emit", ee_emit, DUK_VARARGS, 1, 0);
  put_method(ctx, 0, "addListener", ee_add, 2, 2, 0);
  put_method(ctx, 0, "on", ee_add, 2, 2, 0);
  put_method(ctx, 0, "prependListener", ee_add, 2, 2, 1);
  put_method(ctx, 0, "once", ee_add, 2, 2, 2);
  put_method(ctx, 0, "prependOnceListener", ee_add, 2, 2, 3);
  put_method(ctx, 0, "removeListener", ee_remove, 2, 2, 0);
  put_method(ctx, 0, "off", ee_remove, 2, 2, 0);
  put_method(ctx, 0, "removeAllListeners", ee_remove_all, DUK_VARARGS, 1, 0);
  put_method(ctx, 0, "listeners", ee_listeners, 1, 1, 0);
  put_method(ctx, 0, "rawListeners", ee_listeners, 1, 1, 1);
  put_method(ctx, 0, "listenerCount", ee_listener_count, 2, 1, 0);
  put_method(ctx, 0, "eventNames", ee_event_names, 0, 0, 0);
  put_method(ctx, 0, "setMaxListeners", ee_set_max, 1, 1, 0);
  put_method(ctx, 0, "getMaxListeners", ee_get_max, 0, 0, 0);
  duk_compact(ctx, 0); /* complete (events.js adds nothing after): no slack in its table */
  return 0;
}

/* ---- the module's static helpers (EventEmitter.listenerCount & co.) ---- */
/* listenerCount(emitter, type): the emitter's own, else the prototype's. */
static duk_ret_t ee_static_listener_count(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 0, "listenerCount");
  if (!duk_is_function(ctx, -1)) {
    duk_pop(ctx);
    duk_push_c_lightfunc(ctx, ee_listener_count, 2, 1, 0);
  }
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_call_method(ctx, 1);
  return 1;
}

/* An argument that is no emitter (Petrel has no EventTarget): node's coded error,
 * named after the argument. A null or undefined one already threw reading it. */
static void require_emitter_method(duk_context *ctx, duk_idx_t idx, const char *method, const char *arg)
{
  petrel_get_prop_static(ctx, idx, method);
  int ok = duk_is_function(ctx, -1);
  duk_pop(ctx);
  if (ok) return;
  duk_push_string(ctx, arg);
  call_fail(ctx, FAIL_NOT_EMITTER, idx, 1);
  (void)duk_throw(ctx);
}

/* getEventListeners(emitter, type): emitter.listeners(type) */
static duk_ret_t ee_get_event_listeners(duk_context *ctx)
{
  require_emitter_method(ctx, 0, "listeners", "emitter");
  duk_push_literal(ctx, "listeners");
  duk_dup(ctx, 1);
  duk_call_prop(ctx, 0, 1);
  return 1;
}

/* setMaxListeners(n = defaultMaxListeners, ...emitters): the default without
 * emitters, else each emitter's (n checked as the prototype's method does). */
static duk_ret_t ee_static_set_max(duk_context *ctx)
{
  duk_idx_t nargs = duk_get_top(ctx);
  if (nargs == 0) duk_push_undefined(ctx);
  if (duk_is_undefined(ctx, 0)) {
    duk_push_number(ctx, default_max(ctx));
    duk_replace(ctx, 0);
  }
  if (nargs < 2) {
    duk_push_c_lightfunc(ctx, ee_default_max, DUK_VARARGS, 0, 0);
    duk_dup(ctx, 0);
    duk_call(ctx, 1);
    return 0;
  }
  duk_push_c_lightfunc(ctx, ee_set_max, 1, 1, 0);
  duk_push_object(ctx);
  duk_dup(ctx, 0);
  duk_call_method(ctx, 1);
  duk_pop(ctx);
  for (duk_idx_t i = 1; i < nargs; i++) {
    require_emitter_method(ctx, i, "setMaxListeners", "eventTargets");
    duk_push_literal(ctx, "setMaxListeners");
    duk_dup(ctx, 0);
    duk_call_prop(ctx, i, 1);
    duk_pop(ctx);
  }
  return 0;
}

/* defineDefaultMax(EventEmitter): the defaultMaxListeners accessor (Duktape
 * passes accessors the key too: the getter takes no argument, the setter one). */
static duk_ret_t ee_define_default_max(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_push_literal(ctx, "defaultMaxListeners");
  duk_push_c_function(ctx, ee_default_max, 0);
  duk_push_c_function(ctx, ee_default_max, 1);
  duk_def_prop(ctx, 0,
               DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_ENUMERABLE |
                   DUK_DEFPROP_CLEAR_CONFIGURABLE);
  return 0;
}

/* defineStatics(EventEmitter): listenerCount, getEventListeners, setMaxListeners, once, on. */
static duk_ret_t ee_define_statics(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  put_method(ctx, 0, "listenerCount", ee_static_listener_count, 2, 2, 0);
  put_method(ctx, 0, "getEventListeners", ee_get_event_listeners, 2, 2, 0);
  put_method(ctx, 0, "setMaxListeners", ee_static_set_max, DUK_VARARGS, 1, 0);
  promise_api_put_once(ctx, 0); /* events.once, events.on: internal/events_once.js, events_on.js on the first call */
  duk_compact(ctx, 0); /* complete (events.js calls this last): no slack in its property table */
  return 0;
}

static const duk_function_list_entry events_funcs[] = { { "install", ee_install, 2 },
                                                        { "defineDefaultMax", ee_define_default_max, 1 },
                                                        { "defineStatics", ee_define_statics, 1 },
                                                        { "init", ee_init, 0 },
                                                        { "defaultMaxListeners", ee_default_max, DUK_VARARGS },
                                                        { NULL, NULL, 0 } };

/* Node's names for the light functions above (lightfunc_names.h): on is addListener and off
 * removeListener, as in Node. */
static const petrel_lf_name events_names[] = {
  { "emit", ee_emit, 0 }, { "addListener", ee_add, 0 }, { "prependListener", ee_add, 1 }, { "once", ee_add, 2 },
  { "prependOnceListener", ee_add, 3 }, { "removeListener", ee_remove, 0 },
  { "removeAllListeners", ee_remove_all, 0 }, { "listeners", ee_listeners, 0 }, { "rawListeners", ee_listeners, 1 },
  { "listenerCount", ee_listener_count, 0 }, { "eventNames", ee_event_names, 0 },
  { "setMaxListeners", ee_set_max, 0 }, { "getMaxListeners", ee_get_max, 0 },
  /* EventEmitter's statics and init: anonymous in Node */
  { "", ee_static_listener_count, 0 }, { "getEventListeners", ee_get_event_listeners, 0 },
  { "", ee_static_set_max, 0 }, { "", ee_init, 0 }, { "fail", ee_fail, 0 }, { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(events, events_names);
PETREL_LIGHTFUNC_LIST(events, events_funcs);

duk_ret_t petrel_binding_events(duk_context *ctx)
{
  duk_push_object(ctx);
  petrel_put_functions(ctx, -1, events_funcs);
  return 1;
}
