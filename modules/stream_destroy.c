/* What every stream shares to end: destroy(err, cb) with Node's error/close
 * order, errorOrDestroy, _undestroy (a socket that connects again), as light
 * functions over stream._readableState and stream._writableState, either of
 * which may be missing. They were JS in internal/stream_shared.js (resident
 * with every program that loads net); destroy's per-call closure is now a
 * small native function holding the stream and the callback. */
#include "stream_state.h"

#define SELF_KEY DUK_HIDDEN_SYMBOL("self")
#define CB_KEY   DUK_HIDDEN_SYMBOL("cb")

/* Pushes stream._writableState and stream._readableState, each as undefined
 * when it is falsy; returns the index of the first. */
static duk_idx_t push_states(duk_context *ctx, duk_idx_t stream)
{
  stream = duk_normalize_index(ctx, stream);
  duk_get_prop_literal(ctx, stream, "_writableState");
  if (!st_truthy(ctx, -1)) {
    duk_pop(ctx);
    duk_push_undefined(ctx);
  }
  duk_get_prop_literal(ctx, stream, "_readableState");
  if (!st_truthy(ctx, -1)) {
    duk_pop(ctx);
    duk_push_undefined(ctx);
  }
  return duk_get_top_index(ctx) - 1;
}

/* (w && w[key]) || (r && r[key]) for the states at s, s + 1 */
static int either(duk_context *ctx, duk_idx_t s, const char *key)
{
  return (!duk_is_undefined(ctx, s) && st_flag(ctx, s, key)) ||
         (!duk_is_undefined(ctx, s + 1) && st_flag(ctx, s + 1, key));
}

/* w[key] = r[key] = v for the states there are */
static void put_both(duk_context *ctx, duk_idx_t s, const char *key, int v)
{
  if (!duk_is_undefined(ctx, s)) st_put_bool(ctx, s, key, v);
  if (!duk_is_undefined(ctx, s + 1)) st_put_bool(ctx, s + 1, key, v);
}

/* checkError: a truthy err becomes each state's errored unless it has one. */
static void check_error(duk_context *ctx, duk_idx_t err, duk_idx_t s)
{
  if (!st_truthy(ctx, err)) return;
  for (duk_idx_t i = s; i <= s + 1; i++)
    if (!duk_is_undefined(ctx, i) && !st_flag(ctx, i, "errored")) st_put_dup(ctx, i, "errored", err);
}

/* emitErrorNT(self, err): 'error' once for both sides. */
static void emit_error(duk_context *ctx, duk_idx_t self, duk_idx_t err)
{
  self = duk_normalize_index(ctx, self);
  err = duk_normalize_index(ctx, err);
  duk_idx_t s = push_states(ctx, self);
  if (!either(ctx, s, "errorEmitted")) {
    put_both(ctx, s, "errorEmitted", 1);
    duk_push_literal(ctx, "error");
    duk_dup(ctx, err);
    st_call_method(ctx, self, "emit", 2);
  }
  duk_pop_2(ctx);
}

/* emitCloseNT(self) */
static void emit_close(duk_context *ctx, duk_idx_t self)
{
  self = duk_normalize_index(ctx, self);
  duk_idx_t s = push_states(ctx, self);
  put_both(ctx, s, "closeEmitted", 1);
  if (either(ctx, s, "emitClose")) st_emit(ctx, self, "close");
  duk_pop_2(ctx);
}

static duk_ret_t close_tick(duk_context *ctx) /* (self) */
{
  emit_close(ctx, 0);
  return 0;
}

static duk_ret_t error_close_tick(duk_context *ctx) /* (self, err) */
{
  emit_error(ctx, 0, 1);
  emit_close(ctx, 0);
  return 0;
}

static duk_ret_t error_tick(duk_context *ctx) /* (self, err) */
{
  emit_error(ctx, 0, 1);
  return 0;
}

/* The callback _destroy gets: once only; the states closed, the user's
 * callback, then 'error' and 'close' on the next tick. */
static duk_ret_t on_destroy(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx);         /* 1 */
  duk_get_prop_literal(ctx, 1, SELF_KEY);  /* 2 */
  if (duk_is_undefined(ctx, 2)) return 0; /* called before */
  duk_get_prop_literal(ctx, 1, CB_KEY);    /* 3 */
  duk_del_prop_literal(ctx, 1, SELF_KEY);
  duk_del_prop_literal(ctx, 1, CB_KEY);
  duk_idx_t s = push_states(ctx, 2); /* 4, 5 */
  check_error(ctx, 0, s);
  put_both(ctx, s, "closed", 1);
  if (st_is_function(ctx, 3)) {
    duk_dup(ctx, 3);
    duk_dup(ctx, 0);
    duk_call(ctx, 1);
    duk_pop(ctx);
  }
  duk_dup(ctx, 2);
  if (st_truthy(ctx, 0)) {
    duk_dup(ctx, 0);
    st_next_tick(ctx, error_close_tick, 2, 2);
  } else {
    st_next_tick(ctx, close_tick, 1, 1);
  }
  return 0;
}

static duk_ret_t call_destroy(duk_context *ctx, void *udata) /* (self, err, fn) */
{
  (void)udata;
  duk_push_literal(ctx, "_destroy");
  duk_dup(ctx, -3);
  duk_dup(ctx, -3);
  duk_call_prop(ctx, -6, 2);
  return 0;
}

/* destroy(err, cb) with this the stream: the stream. */
/* Names of the ticks above, node's (lightfunc_names.h) */
static const petrel_lf_name destroy_names[] = {
  { "emitCloseNT", close_tick, 0 }, { "emitErrorCloseNT", error_close_tick, 0 }, { "emitErrorNT", error_tick, 0 },
  { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(destroy, destroy_names);

duk_ret_t stream_destroy(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  duk_push_this(ctx);                /* 2 */
  duk_idx_t s = push_states(ctx, 2); /* 3, 4 */
  if (either(ctx, s, "destroyed")) {
    if (st_is_function(ctx, 1)) {
      duk_dup(ctx, 1);
      duk_call(ctx, 0);
      duk_pop(ctx);
    }
    duk_dup(ctx, 2);
    return 1;
  }
  check_error(ctx, 0, s);
  put_both(ctx, s, "destroyed", 1);
  duk_push_c_function(ctx, on_destroy, 1); /* 5 */
  st_put_dup(ctx, 5, SELF_KEY, 2);
  st_put_dup(ctx, 5, CB_KEY, 1);
  duk_dup(ctx, 2);
  if (st_truthy(ctx, 0))
    duk_dup(ctx, 0);
  else
    duk_push_null(ctx);
  duk_dup(ctx, 5);
  if (duk_safe_call(ctx, call_destroy, NULL, 3, 1) != DUK_EXEC_SUCCESS) { /* the error at 6 */
    duk_dup(ctx, 5);
    duk_dup(ctx, 6);
    duk_call(ctx, 1);
  }
  duk_set_top(ctx, 3);
  return 1;
}

/* errorOrDestroy(stream, err, sync) */
duk_ret_t stream_error_or_destroy(duk_context *ctx)
{
  duk_set_top(ctx, 3);
  duk_idx_t s = push_states(ctx, 0); /* 3, 4 */
  if (either(ctx, s, "destroyed")) return 0;
  if (either(ctx, s, "autoDestroy")) {
    duk_dup(ctx, 1);
    st_call_method(ctx, 0, "destroy", 1);
  } else if (st_truthy(ctx, 1)) {
    check_error(ctx, 1, s);
    if (st_truthy(ctx, 2)) {
      duk_dup(ctx, 0);
      duk_dup(ctx, 1);
      st_next_tick(ctx, error_tick, 2, 2);
    } else {
      emit_error(ctx, 0, 1);
    }
  }
  return 0;
}

/* _undestroy(): back to the state before destroy() (Node's, for a socket that
 * connects again): open, not ended, no error. */
duk_ret_t stream_undestroy(duk_context *ctx)
{
  duk_push_this(ctx);                /* 0 */
  duk_idx_t s = push_states(ctx, 0); /* 1 w, 2 r */
  static const char *const reset[] = { "closed", "closeEmitted", "destroyed", "errorEmitted" };
  if (!duk_is_undefined(ctx, 2)) {
    st_put_bool(ctx, 2, "constructed", 1);
    for (int i = 0; i < 4; i++) st_put_bool(ctx, 2, reset[i], 0);
    duk_push_null(ctx);
    st_put_dup(ctx, 2, "errored", -1);
    duk_pop(ctx);
    st_put_bool(ctx, 2, "reading", 0);
    duk_get_prop_literal(ctx, 2, "readable");
    int off = duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1);
    duk_pop(ctx);
    st_put_bool(ctx, 2, "ended", off);
    st_put_bool(ctx, 2, "endEmitted", off);
  }
  if (!duk_is_undefined(ctx, s)) {
    st_put_bool(ctx, s, "constructed", 1);
    for (int i = 0; i < 4; i++) st_put_bool(ctx, s, reset[i], 0);
    duk_push_null(ctx);
    st_put_dup(ctx, s, "errored", -1);
    duk_pop(ctx);
    st_put_bool(ctx, s, "finalCalled", 0);
    st_put_bool(ctx, s, "prefinished", 0);
    duk_get_prop_literal(ctx, s, "writable");
    int off = duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1);
    duk_pop(ctx);
    st_put_bool(ctx, s, "ended", off);
    st_put_bool(ctx, s, "ending", off);
    st_put_bool(ctx, s, "finished", off);
  }
  return 0;
}
