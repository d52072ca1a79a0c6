/* Writable streams (Node v20 semantics) in C: the state machine behind write(),
 * end() and destroy(): write() against highWaterMark and 'drain', cork/uncork and
 * _writev, end() with _final, 'finish' and the callbacks' order, errors after end
 * or destroy. It was internal/stream_writable.js, whose ~30 functions cost 14.7 KB
 * of heap on mps2-an385 once loaded (every program that loads net); C costs flash.
 * The state stays a plain object, stream._writableState (its defaults on a shared
 * prototype made in JS), because net.js, stream.js, the readable side and destroy()
 * read and write its fields; C reads it the same way, field by field. Queued
 * writes are {chunk, encoding, callback} objects in state.buffered from
 * state.bufferedIndex on (the objects _writev receives). The per-stream write
 * callback (state.onwrite) and a _final callback are native function objects
 * holding the state (smaller than the JS closures they replace); the ticks are
 * light functions with their arguments. */
#include <string.h>
#include "stream_state.h"

/* Pushes state.onFinished (or []) and clears it. */
static void take_on_finished(duk_context *ctx, duk_idx_t state)
{
  state = duk_normalize_index(ctx, state);
  duk_get_prop_literal(ctx, state, "onFinished");
  if (!duk_is_object(ctx, -1)) {
    duk_pop(ctx);
    duk_push_array(ctx);
  }
  duk_push_null(ctx);
  duk_put_prop_literal(ctx, state, "onFinished");
}

/* state.buffered.length */
double writable_buffered_length(duk_context *ctx, duk_idx_t state)
{
  duk_get_prop_literal(ctx, state, "buffered");
  double n = (double)duk_get_length(ctx, -1);
  duk_pop(ctx);
  return n;
}

static void put_empty(duk_context *ctx, duk_idx_t state)
{
  state = duk_normalize_index(ctx, state);
  st_push_helper(ctx, "EMPTY");
  duk_put_prop_literal(ctx, state, "buffered");
  st_put_wnum(ctx, state, W_BUFFERED_INDEX, 0);
}

/* Bytes (or 1 in object mode) of the chunk at idx. */
static double chunk_len_w(duk_context *ctx, const st_wblock *w, duk_idx_t chunk)
{
  if (wb_flag(w, WF_OBJECT_MODE)) return 1;
  duk_get_prop_literal(ctx, chunk, "length");
  double n = duk_get_number(ctx, -1);
  duk_pop(ctx);
  return n;
}

/* Pushes state.onwrite (made on the first write by the prototype's getter). */
static void push_onwrite(duk_context *ctx, duk_idx_t stream, duk_idx_t state)
{
  writable_own_stream(ctx, stream, state);
  duk_get_prop_literal(ctx, state, "onwrite");
}

/* state.stream, which onwrite and onFinish read, is set by the first write or
 * end(): an idle stream's state then has no own property (-32 B on a board). */
void writable_own_stream(duk_context *ctx, duk_idx_t stream, duk_idx_t state)
{
  st_put_dup(ctx, state, "stream", stream);
}

/* Pushes state.errored, or a destroyed error for what. */
static void push_errored(duk_context *ctx, duk_idx_t state, const char *what)
{
  duk_get_prop_literal(ctx, state, "errored");
  if (!st_truthy(ctx, -1)) {
    duk_pop(ctx);
    st_push_error(ctx, F_DESTROYED, what);
  }
}

/* ---- the write path ---- */
/* The callbacks of the queued writes with the error (state.errored or a
 * destroyed one), then those waiting for end(), and an empty queue. */
static void error_buffer(duk_context *ctx, duk_idx_t state)
{
  state = duk_normalize_index(ctx, state);
  if (st_flag(ctx, state, "writing")) return;
  for (double i = st_wnum(ctx, state, W_BUFFERED_INDEX); i < writable_buffered_length(ctx, state); i++) {
    duk_get_prop_literal(ctx, state, "buffered");
    duk_get_prop_index(ctx, -1, (duk_uarridx_t)i);
    duk_get_prop_literal(ctx, -1, "chunk");
    st_wblock *w = st_wblk_req(ctx, state);
    w->num[W_LENGTH] -= chunk_len_w(ctx, w, -1);
    duk_pop(ctx);
    duk_get_prop_literal(ctx, -1, "callback");
    push_errored(ctx, state, "write");
    duk_call(ctx, 1);
    duk_pop_3(ctx);
  }
  take_on_finished(ctx, state);
  duk_idx_t cbs = duk_get_top_index(ctx);
  duk_idx_t n = (duk_idx_t)duk_get_length(ctx, cbs);
  for (duk_idx_t j = 0; j < n; j++) {
    duk_get_prop_index(ctx, cbs, (duk_uarridx_t)j);
    push_errored(ctx, state, "end");
    duk_call(ctx, 1);
    duk_pop(ctx);
  }
  duk_pop(ctx);
  put_empty(ctx, state);
}

duk_ret_t writable_error_buffer_tick(duk_context *ctx)
{
  error_buffer(ctx, 0);
  return 0;
}

static void clear_buffer(duk_context *ctx, duk_idx_t stream, duk_idx_t state, st_wblock *w);

/* w: the state's block if the caller has it (its own: it stays put), else NULL. */
static void after_write(duk_context *ctx, duk_idx_t stream, duk_idx_t state, double count, duk_idx_t cb,
                        st_wblock *w)
{
  stream = duk_normalize_index(ctx, stream);
  state = duk_normalize_index(ctx, state);
  cb = duk_normalize_index(ctx, cb);
  if (!w) w = st_wblk_req(ctx, state); /* its own: stays put across the calls below */
  if (!wb_any(w, (1u << WF_ENDING) | (1u << WF_DESTROYED)) && w->num[W_LENGTH] == 0 && wb_flag(w, WF_NEED_DRAIN)) {
    wb_set(w, WF_NEED_DRAIN, 0);
    st_emit(ctx, stream, "drain");
  }
  while (count-- > 0) {
    w->num[W_PENDINGCB] -= 1;
    duk_dup(ctx, cb);
    duk_push_null(ctx);
    duk_call(ctx, 1);
    duk_pop(ctx);
  }
  if (wb_flag(w, WF_DESTROYED)) error_buffer(ctx, state);
  if (wb_flag(w, WF_ENDING)) writable_finish_maybe(ctx, stream, state, 0); /* needs ending */
}

/* afterWriteTick(info): the callbacks of the writes done synchronously since the last tick. */
static duk_ret_t after_write_tick(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 0, "state");  /* 1 */
  duk_get_prop_literal(ctx, 0, "cb");     /* 2 */
  duk_get_prop_literal(ctx, 0, "stream"); /* 3 */
  double count = st_num(ctx, 0, "count");
  duk_push_null(ctx);
  duk_put_prop_literal(ctx, 1, "afterWriteTickInfo");
  duk_push_null(ctx);
  duk_put_prop_literal(ctx, 0, "cb");
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, 1, "spareTickInfo");
  after_write(ctx, 3, 1, count, 2, NULL);
  return 0;
}

/* onwriteError(stream, state, er, cb) */
static duk_ret_t onwrite_error(duk_context *ctx)
{
  st_add_wnum(ctx, 1, W_PENDINGCB, -1);
  duk_dup(ctx, 3);
  duk_dup(ctx, 2);
  duk_call(ctx, 1);
  duk_pop(ctx);
  error_buffer(ctx, 1);
  duk_dup(ctx, 2);
  st_error_or_destroy(ctx, 0, 0);
  return 0;
}

/* state.onwrite(er): the callback _write and _writev get. */
static duk_ret_t onwrite(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx);
  duk_get_prop_literal(ctx, -1, STATE_KEY); /* 2: state */
  duk_get_prop_literal(ctx, 2, "stream");   /* 3: stream */
  st_wblock *w = st_wblk_req(ctx, 2);
  int sync = wb_flag(w, WF_SYNC);
  duk_get_prop_literal(ctx, 2, "writecb"); /* 4: cb */
  if (!st_is_function(ctx, 4)) {
    st_push_error(ctx, F_MULTIPLE, NULL);
    st_error_or_destroy(ctx, 3, 0);
    return 0;
  }
  wb_set(w, WF_WRITING, 0);
  duk_push_null(ctx);
  duk_put_prop_literal(ctx, 2, "writecb");
  w->num[W_LENGTH] -= w->num[W_WRITELEN];
  w->num[W_WRITELEN] = 0;
  if (st_truthy(ctx, 0)) {
    if (!st_flag(ctx, 2, "errored")) st_put_dup(ctx, 2, "errored", 0);
    duk_get_prop_literal(ctx, 3, "_readableState");
    if (st_truthy(ctx, -1) && !st_flag(ctx, -1, "errored")) st_put_dup(ctx, -1, "errored", 0);
    duk_pop(ctx);
    if (sync) {
      duk_dup(ctx, 3);
      duk_dup(ctx, 2);
      duk_dup(ctx, 0);
      duk_dup(ctx, 4);
      st_next_tick(ctx, onwrite_error, 4, 4);
    } else {
      duk_push_c_lightfunc(ctx, onwrite_error, 4, 4, 0);
      duk_dup(ctx, 3);
      duk_dup(ctx, 2);
      duk_dup(ctx, 0);
      duk_dup(ctx, 4);
      duk_call(ctx, 4);
    }
    return 0;
  }
  if (writable_buffered_length(ctx, 2) > w->num[W_BUFFERED_INDEX]) clear_buffer(ctx, 3, 2, w);
  if (!sync) {
    after_write(ctx, 3, 2, 1, 4, w);
    return 0;
  }
  duk_get_prop_literal(ctx, 2, "afterWriteTickInfo"); /* 5 */
  if (!duk_is_null(ctx, 5)) {
    duk_get_prop_literal(ctx, 5, "cb");
    int same = duk_strict_equals(ctx, -1, 4);
    duk_pop(ctx);
    if (same) {
      st_add_num(ctx, 5, "count", 1);
      return 0;
    }
  }
  /* One record per stream, reused once its tick has run. */
  duk_get_prop_literal(ctx, 2, "spareTickInfo"); /* 6 */
  int fresh = !st_truthy(ctx, 6);
  if (fresh) {
    duk_pop(ctx);
    duk_push_object(ctx);
  } else {
    duk_push_null(ctx);
    duk_put_prop_literal(ctx, 2, "spareTickInfo");
  }
  /* plain puts: each value differs from what the field holds */
  duk_push_int(ctx, 1);
  duk_put_prop_literal(ctx, 6, "count");
  duk_dup(ctx, 4);
  duk_put_prop_literal(ctx, 6, "cb");
  if (fresh) {
    duk_dup(ctx, 3);
    duk_put_prop_literal(ctx, 6, "stream");
    duk_dup(ctx, 2);
    duk_put_prop_literal(ctx, 6, "state");
  }
  duk_dup(ctx, 6);
  duk_put_prop_literal(ctx, 2, "afterWriteTickInfo");
  duk_dup(ctx, 6);
  st_next_tick(ctx, after_write_tick, 1, 1);
  return 0;
}

/* The getter of state.onwrite: the function made once, then an own property. */
duk_ret_t writable_onwrite_get(duk_context *ctx)
{
  duk_push_this(ctx); /* 0 */
  duk_push_literal(ctx, "onwrite");
  duk_push_c_function(ctx, onwrite, 1);
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, -2, STATE_KEY);
  duk_def_prop(ctx, 0,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE |
                   DUK_DEFPROP_CLEAR_ENUMERABLE);
  duk_get_prop_literal(ctx, 0, "onwrite");
  return 1;
}

/* Starts one write (or a writev batch): state at state, the chunk, encoding and callback on top (popped). */
static void do_write(duk_context *ctx, duk_idx_t stream, duk_idx_t state, int writev, double len)
{
  duk_idx_t cb = duk_get_top_index(ctx), enc = cb - 1, chunk = cb - 2;
  state = duk_normalize_index(ctx, state);
  st_wblock *w = st_wblk_req(ctx, state);
  w->num[W_WRITELEN] = len;
  duk_dup(ctx, cb); /* a function: never the default null */
  duk_put_prop_literal(ctx, state, "writecb");
  wb_set(w, WF_WRITING, 1);
  wb_set(w, WF_SYNC, 1);
  if (wb_flag(w, WF_DESTROYED)) {
    push_onwrite(ctx, stream, state);
    st_push_error(ctx, F_DESTROYED, "write");
    duk_call(ctx, 1);
    duk_pop(ctx);
  } else if (writev) {
    duk_dup(ctx, chunk);
    push_onwrite(ctx, stream, state);
    st_call_method(ctx, stream, "_writev", 2);
  } else {
    duk_dup(ctx, chunk);
    duk_dup(ctx, enc);
    push_onwrite(ctx, stream, state);
    st_call_method(ctx, stream, "_write", 3);
  }
  wb_set(w, WF_SYNC, 0);
  duk_pop_3(ctx);
}

/* A writev batch's callback: calls each write's own. */
static duk_ret_t call_all(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx);
  duk_get_prop_literal(ctx, -1, CBS_KEY);
  duk_dup(ctx, 0);
  st_call_each(ctx, -2);
  return 0;
}

/* writable_clear_buffer with the state's own block w, which the caller has. */
static void clear_buffer(duk_context *ctx, duk_idx_t stream, duk_idx_t state, st_wblock *w)
{
  stream = duk_normalize_index(ctx, stream);
  state = duk_normalize_index(ctx, state);
  if (w->num[W_CORKED] || wb_any(w, (1u << WF_BUFFER_PROCESSING) | (1u << WF_DESTROYED)) ||
      !wb_flag(w, WF_CONSTRUCTED))
    return;
  duk_get_prop_literal(ctx, state, "buffered");
  duk_idx_t buffered = duk_get_top_index(ctx);
  double i = w->num[W_BUFFERED_INDEX];
  double n = (double)duk_get_length(ctx, buffered) - i;
  if (!n) {
    duk_pop(ctx);
    return;
  }
  wb_set(w, WF_BUFFER_PROCESSING, 1);
  int writev = 0;
  if (n > 1) {
    duk_get_prop_literal(ctx, stream, "_writev");
    writev = st_truthy(ctx, -1);
    duk_pop(ctx);
  }
  if (writev) {
    w->num[W_PENDINGCB] -= n - 1;
    duk_push_literal(ctx, "slice");
    duk_push_number(ctx, i);
    duk_call_prop(ctx, buffered, 1); /* the chunks */
    put_empty(ctx, state);
    duk_push_literal(ctx, "");
    /* One callback for the batch; a native function, so the chunks are freed once written. */
    duk_push_c_function(ctx, call_all, 1);
    duk_push_array(ctx);
    for (duk_uarridx_t k = 0; k < (duk_uarridx_t)n; k++) {
      duk_get_prop_index(ctx, -4, k);
      duk_get_prop_literal(ctx, -1, "callback");
      duk_put_prop_index(ctx, -3, k);
      duk_pop(ctx);
    }
    duk_put_prop_literal(ctx, -2, CBS_KEY);
    do_write(ctx, stream, state, 1, w->num[W_LENGTH]);
  } else {
    do {
      duk_get_prop_index(ctx, buffered, (duk_uarridx_t)i); /* b */
      duk_push_null(ctx);
      duk_put_prop_index(ctx, buffered, (duk_uarridx_t)i);
      i++;
      duk_get_prop_literal(ctx, -1, "chunk");
      double len = chunk_len_w(ctx, w, -1);
      duk_get_prop_literal(ctx, -2, "encoding");
      duk_get_prop_literal(ctx, -3, "callback");
      do_write(ctx, stream, state, 0, len);
      duk_pop(ctx);
    } while (i < (double)duk_get_length(ctx, buffered) && !wb_flag(w, WF_WRITING));
    double total = (double)duk_get_length(ctx, buffered);
    if (i == total) {
      put_empty(ctx, state);
    } else if (i > 256) {
      duk_push_literal(ctx, "slice");
      duk_push_number(ctx, i);
      duk_call_prop(ctx, buffered, 1);
      duk_put_prop_literal(ctx, state, "buffered");
      w->num[W_BUFFERED_INDEX] = 0;
    } else {
      w->num[W_BUFFERED_INDEX] = i;
    }
  }
  wb_set(w, WF_BUFFER_PROCESSING, 0);
  duk_pop(ctx);
}

void writable_clear_buffer(duk_context *ctx, duk_idx_t stream, duk_idx_t state)
{
  clear_buffer(ctx, stream, state, st_wblk_req(ctx, state));
}

/* Queues the chunk at chunk or hands it to _write; true/false as write() returns.
 * w: the state's own block (the caller's). */
static int write_or_buffer(duk_context *ctx, duk_idx_t stream, duk_idx_t state, duk_idx_t chunk, duk_idx_t enc,
                           duk_idx_t cb, st_wblock *w)
{
  double len = chunk_len_w(ctx, w, chunk);
  w->num[W_LENGTH] += len;
  if (wb_flag(w, WF_WRITING) || w->num[W_CORKED] || st_flag(ctx, state, "errored") || !wb_flag(w, WF_CONSTRUCTED)) {
    duk_get_prop_literal(ctx, state, "buffered");
    int empty = duk_get_length(ctx, -1) == 0;
    /* {chunk, encoding, callback}: defined, as the object literal does (no search of
     * Object.prototype for setters), in a table made at its size (edit 17). */
    duk_push_object(ctx);
    duk_petrel_reserve(ctx, -1, 3);
#define DEF_ENTRY(key, val)                                                                                    \
  do {                                                                                                         \
    duk_push_literal(ctx, key);                                                                                \
    duk_dup(ctx, val);                                                                                         \
    duk_def_prop(ctx, -3,                                                                                      \
                 DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |              \
                     DUK_DEFPROP_SET_CONFIGURABLE);                                                            \
  } while (0)
    DEF_ENTRY("chunk", chunk);
    DEF_ENTRY("encoding", enc);
    DEF_ENTRY("callback", cb);
#undef DEF_ENTRY
    if (empty) {
      /* An empty queue is the shared EMPTY (never written) or, if user code set one, an
       * empty array: a fresh one made at its size with the entry in it takes its place. */
      duk_petrel_pack(ctx, 1);
      st_put_dup(ctx, state, "buffered", -1);
    } else {
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)duk_get_length(ctx, -2));
    }
    duk_pop(ctx);
  } else {
    w->num[W_WRITELEN] = len;
    duk_dup(ctx, cb); /* a function: never the default null */
    duk_put_prop_literal(ctx, state, "writecb");
    wb_set(w, WF_WRITING, 1);
    wb_set(w, WF_SYNC, 1);
    duk_dup(ctx, chunk);
    duk_dup(ctx, enc);
    push_onwrite(ctx, stream, state);
    st_call_method(ctx, stream, "_write", 3);
    wb_set(w, WF_SYNC, 0);
  }
  /* Judged after the synchronous write attempt, as Node v20 reports it. */
  int ret = w->num[W_LENGTH] < w->num[W_HWM];
  if (!ret) wb_set(w, WF_NEED_DRAIN, 1);
  return ret && !wb_flag(w, WF_DESTROYED) && !st_flag(ctx, state, "errored");
}

static duk_ret_t nop(duk_context *ctx)
{
  (void)ctx;
  return 0;
}

/* Validates and queues one chunk: the values at base (chunk, encoding, cb) are
 * replaced as normalized, the state pushed at base + 3. Returns 1/0 as write(),
 * or -1 after end or destroy, with the error reported and left at base + 4. */
int writable_write_chunk(duk_context *ctx, duk_idx_t stream, duk_idx_t base)
{
  duk_idx_t chunk = base, enc = base + 1, cb = base + 2, state = base + 3;
  duk_set_top(ctx, base + 3);
  duk_get_prop_literal(ctx, stream, "_writableState");
  st_wblock *w = st_wblk_req(ctx, state); /* its own: stays put across the calls below */
  if (st_is_function(ctx, enc)) {
    duk_dup(ctx, enc);
    duk_replace(ctx, cb);
    duk_get_prop_literal(ctx, state, "defaultEncoding");
    duk_replace(ctx, enc);
  } else {
    if (!st_truthy(ctx, enc)) {
      duk_get_prop_literal(ctx, state, "defaultEncoding");
      duk_replace(ctx, enc);
    } else if (!(duk_is_string(ctx, enc) && strcmp(duk_get_string(ctx, enc), "buffer") == 0)) {
      st_push_helper(ctx, "isEncoding");
      duk_dup(ctx, enc);
      duk_call(ctx, 1);
      int ok = duk_to_boolean(ctx, -1);
      duk_pop(ctx);
      if (!ok) {
        st_push_fail(ctx, F_ENCODING, enc);
        (void)duk_throw(ctx);
      }
    }
    if (!st_is_function(ctx, cb)) {
      duk_push_c_lightfunc(ctx, nop, 0, 0, 0);
      duk_replace(ctx, cb);
    }
  }
  if (duk_is_null(ctx, chunk)) {
    st_push_error(ctx, F_NULL, NULL);
    (void)duk_throw(ctx);
  } else if (!wb_flag(w, WF_OBJECT_MODE)) {
    if (duk_is_string(ctx, chunk)) {
      if (wb_flag(w, WF_DECODE_STRINGS)) {
        st_push_helper(ctx, "from");
        duk_dup(ctx, chunk);
        duk_dup(ctx, enc);
        duk_call(ctx, 2);
        duk_replace(ctx, chunk);
        duk_push_literal(ctx, "buffer");
        duk_replace(ctx, enc);
      }
    } else {
      int isbuf = st_is_buffer(ctx, chunk);
      if (!isbuf) { /* a TypedArray or DataView: its bytes; anything else throws */
        st_push_fail(ctx, F_CHUNK, chunk);
        duk_replace(ctx, chunk);
      }
      duk_push_literal(ctx, "buffer");
      duk_replace(ctx, enc);
    }
  }
  int kind = -1;
  if (wb_flag(w, WF_ENDING))
    kind = F_AFTER_END;
  else if (wb_flag(w, WF_DESTROYED))
    kind = F_DESTROYED;
  if (kind >= 0) {
    st_push_error(ctx, kind, "write"); /* base + 4 */
    duk_dup(ctx, cb);
    duk_dup(ctx, -2);
    st_next_tick_value(ctx, 1);
    duk_dup(ctx, -1);
    st_error_or_destroy(ctx, stream, 1);
    return -1;
  }
  w->num[W_PENDINGCB] += 1;
  return write_or_buffer(ctx, stream, state, chunk, enc, cb, w);
}

/* ---- end ---- */
static int need_finish(duk_context *ctx, duk_idx_t state)
{
  const st_wblock *w = st_wblk_req(ctx, state);
  if (!wb_flag(w, WF_ENDING) || !wb_flag(w, WF_CONSTRUCTED) || w->num[W_LENGTH] != 0 ||
      wb_any(w, (1u << WF_DESTROYED) | (1u << WF_FINISHED) | (1u << WF_WRITING) | (1u << WF_ERROR_EMITTED) |
                    (1u << WF_CLOSE_EMITTED)))
    return 0;
  return !st_flag(ctx, state, "errored") && writable_buffered_length(ctx, state) == w->num[W_BUFFERED_INDEX];
}

/* finish(stream, state) */
static duk_ret_t finish(duk_context *ctx)
{
  st_add_wnum(ctx, 1, W_PENDINGCB, -1);
  st_put_bool(ctx, 1, "finished", 1);
  take_on_finished(ctx, 1);
  duk_push_null(ctx);
  st_call_each(ctx, -2);
  duk_pop(ctx);
  st_emit(ctx, 0, "finish");
  if (st_flag(ctx, 1, "autoDestroy")) {
    duk_get_prop_literal(ctx, 0, "_readableState"); /* 2 */
    int destroy = !st_truthy(ctx, 2);
    if (!destroy && st_flag(ctx, 2, "autoDestroy")) {
      duk_get_prop_literal(ctx, 2, "readable");
      destroy = st_flag(ctx, 2, "endEmitted") || (duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1));
      duk_pop(ctx);
    }
    if (destroy) st_call_method(ctx, 0, "destroy", 0);
  }
  return 0;
}

static void call_finish(duk_context *ctx, duk_idx_t stream, duk_idx_t state)
{
  duk_push_c_lightfunc(ctx, finish, 2, 2, 0);
  duk_dup(ctx, stream);
  duk_dup(ctx, state);
  duk_call(ctx, 2);
  duk_pop(ctx);
}

/* finishMaybe's tick (stream, state) */
static duk_ret_t finish_tick(duk_context *ctx)
{
  if (need_finish(ctx, 1))
    call_finish(ctx, 0, 1);
  else
    st_add_wnum(ctx, 1, W_PENDINGCB, -1);
  return 0;
}

/* The callback _final gets: onFinish(err). */
static duk_ret_t on_final(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx);         /* 1 */
  duk_get_prop_literal(ctx, 1, STATE_KEY); /* 2 */
  duk_get_prop_literal(ctx, 2, "stream");  /* 3 */
  if (st_flag(ctx, 1, CALLED_KEY)) {
    if (st_truthy(ctx, 0))
      duk_dup(ctx, 0);
    else
      st_push_error(ctx, F_MULTIPLE, NULL);
    st_error_or_destroy(ctx, 3, 0);
    return 0;
  }
  st_put_bool(ctx, 1, CALLED_KEY, 1);
  st_add_wnum(ctx, 2, W_PENDINGCB, -1);
  if (st_truthy(ctx, 0)) {
    take_on_finished(ctx, 2);
    duk_dup(ctx, 0);
    st_call_each(ctx, -2);
    duk_pop(ctx);
    duk_dup(ctx, 0);
    st_error_or_destroy(ctx, 3, st_flag(ctx, 2, "sync"));
  } else if (need_finish(ctx, 2)) {
    st_put_bool(ctx, 2, "prefinished", 1);
    st_emit(ctx, 3, "prefinish");
    st_add_wnum(ctx, 2, W_PENDINGCB, 1);
    duk_dup(ctx, 3);
    duk_dup(ctx, 2);
    st_next_tick(ctx, finish, 2, 2);
  }
  return 0;
}

/* stream._final(onFinish) in a try: what it throws goes to onFinish. */
static duk_ret_t call_final_try(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_dup(ctx, -1); /* onFinish */
  st_call_method(ctx, -3, "_final", 1);
  return 0;
}

static void call_final(duk_context *ctx, duk_idx_t stream, duk_idx_t state)
{
  writable_own_stream(ctx, stream, state);
  st_put_bool(ctx, state, "sync", 1);
  st_add_wnum(ctx, state, W_PENDINGCB, 1);
  duk_push_c_function(ctx, on_final, 1);
  duk_idx_t fn = duk_get_top_index(ctx);
  duk_dup(ctx, state);
  duk_put_prop_literal(ctx, fn, STATE_KEY);
  duk_dup(ctx, stream);
  duk_dup(ctx, fn);
  if (duk_safe_call(ctx, call_final_try, NULL, 2, 1) != DUK_EXEC_SUCCESS) {
    duk_dup(ctx, fn);
    duk_insert(ctx, -2);
    duk_call(ctx, 1);
  }
  duk_pop_2(ctx);
  st_put_bool(ctx, state, "sync", 0);
}

static void prefinish(duk_context *ctx, duk_idx_t stream, duk_idx_t state)
{
  if (st_flag(ctx, state, "prefinished") || st_flag(ctx, state, "finalCalled")) return;
  duk_get_prop_literal(ctx, stream, "_final");
  int has_final = st_is_function(ctx, -1);
  duk_pop(ctx);
  if (has_final && !st_flag(ctx, state, "destroyed")) {
    st_put_bool(ctx, state, "finalCalled", 1);
    call_final(ctx, stream, state);
  } else {
    st_put_bool(ctx, state, "prefinished", 1);
    st_emit(ctx, stream, "prefinish");
  }
}

/* Names of the callbacks above, node's (lightfunc_names.h) */
static const petrel_lf_name writable_internal_names[] = {
  { "afterWriteTick", after_write_tick, 0 }, { "onwriteError", onwrite_error, 0 }, { "nop", nop, 0 },
  { "finish", finish, 0 }, { "finishMaybe", finish_tick, 0 }, { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(writable_internal, writable_internal_names);

void writable_finish_maybe(duk_context *ctx, duk_idx_t stream, duk_idx_t state, int sync)
{
  stream = duk_normalize_index(ctx, stream);
  state = duk_normalize_index(ctx, state);
  if (!need_finish(ctx, state)) return;
  prefinish(ctx, stream, state);
  if (st_wnum(ctx, state, W_PENDINGCB) != 0) return;
  if (sync) {
    st_add_wnum(ctx, state, W_PENDINGCB, 1);
    duk_dup(ctx, stream);
    duk_dup(ctx, state);
    st_next_tick(ctx, finish_tick, 2, 2);
  } else if (need_finish(ctx, state)) {
    st_add_wnum(ctx, state, W_PENDINGCB, 1);
    call_finish(ctx, stream, state);
  }
}
