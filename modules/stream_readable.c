/* Readable's flowing-mode switches as light functions (on/addListener,
 * removeListener/off, resume, pause, isPaused) and their ticks, over the JS
 * state object stream._readableState, reading and writing its fields as
 * internal/stream_readable.js did (same events, same nextTick order), and the
 * ticks behind the buffer ('readable', flow, read-more, 'end'), read(n), and
 * push/unshift with their checks (readableAddChunk). */
#include <math.h>
#include <string.h>
#include "stream_state.h"
#include "bindings.h"
#include "promise_api.h"

/* What internal/stream_readable.js hands to C: base (Stream.prototype, whose
 * on/removeListener these extend). */
#define R_HELPERS_KEY DUK_HIDDEN_SYMBOL("readableHelpers")

static void flow(duk_context *ctx, duk_idx_t stream);
static duk_ret_t r_emit_readable(duk_context *ctx);

static void push_rhelper(duk_context *ctx, const char *name)
{
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, R_HELPERS_KEY);
  petrel_get_prop_static(ctx, -1, name);
  duk_remove(ctx, -2);
  duk_remove(ctx, -2);
}

/* Pushes this and this._readableState; returns the state's index. */
static duk_idx_t push_this_state(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, "_readableState");
  return duk_get_top_index(ctx);
}

/* ev is the string name (not a symbol). */
static int is_event(duk_context *ctx, duk_idx_t idx, const char *name)
{
  return duk_is_string(ctx, idx) && !duk_is_symbol(ctx, idx) && strcmp(duk_get_string(ctx, idx), name) == 0;
}

/* obj[key] === value (a boolean) */
static int is_bool(duk_context *ctx, duk_idx_t obj, const char *key, int value)
{
  int p = st_packed_get(ctx, obj, key);
  if (p >= 0) return p == !!value;
  petrel_get_prop_static(ctx, obj, key);
  int v = duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1) == !value;
  duk_pop(ctx);
  return v;
}

static int listener_count(duk_context *ctx, duk_idx_t stream, const char *event)
{
  stream = duk_normalize_index(ctx, stream);
  duk_get_prop_literal(ctx, stream, "listenerCount");
  duk_dup(ctx, stream);
  petrel_push_static(ctx, event);
  duk_call_method(ctx, 1);
  double n = duk_get_number(ctx, -1);
  duk_pop(ctx);
  return n > 0;
}

/* Stream.prototype[name].call(this, ev, fn): pushes the result. */
static void call_base(duk_context *ctx, const char *name)
{
  push_rhelper(ctx, "base");
  petrel_get_prop_static(ctx, -1, name);
  duk_remove(ctx, -2);
  duk_push_this(ctx);
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_call_method(ctx, 2);
}

/* tick of on('readable') with nothing buffered: stream.read(0) */
static duk_ret_t r_read0_tick(duk_context *ctx)
{
  duk_push_int(ctx, 0);
  st_call_method(ctx, 0, "read", 1);
  return 0;
}

/* on(ev, fn), addListener */
static duk_ret_t r_on(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  push_rhelper(ctx, "base");
  petrel_get_prop_static(ctx, -1, "on"); /* 3 */
  if (!petrel_on_native(ctx, 3)) { /* EventEmitter's own on runs in place */
    duk_set_top(ctx, 2);
    call_base(ctx, "on");
  }
  /* 2: the result */
  duk_idx_t state = push_this_state(ctx), self = state - 1;
  if (is_event(ctx, 0, "data")) {
    st_put_bool(ctx, state, "readableListening", listener_count(ctx, self, "readable"));
    if (!is_bool(ctx, state, "flowing", 0)) st_call_method(ctx, self, "resume", 0);
  } else if (is_event(ctx, 0, "readable")) {
    if (!st_flag(ctx, state, "endEmitted") && !st_flag(ctx, state, "readableListening")) {
      st_put_bool(ctx, state, "readableListening", 1);
      st_put_bool(ctx, state, "needReadable", 1);
      st_put_bool(ctx, state, "flowing", 0);
      st_put_bool(ctx, state, "emittedReadable", 0);
      if (st_flag(ctx, state, "length")) {
        duk_push_c_lightfunc(ctx, r_emit_readable, 1, 1, 0);
        duk_dup(ctx, self);
        duk_call(ctx, 1);
        duk_pop(ctx);
      } else if (!st_flag(ctx, state, "reading")) {
        duk_dup(ctx, self);
        st_next_tick(ctx, r_read0_tick, 1, 1);
      }
    }
  }
  duk_dup(ctx, 2);
  return 1;
}

/* tick after removeListener('readable'): updateReadableListening(self) */
static duk_ret_t r_update_listening_tick(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 0, "_readableState"); /* 1 */
  int listening = listener_count(ctx, 0, "readable");
  st_put_bool(ctx, 1, "readableListening", listening);
  if (st_flag(ctx, 1, "resumeScheduled") && is_bool(ctx, 1, "paused", 0)) {
    st_put_bool(ctx, 1, "flowing", 1);
  } else if (listener_count(ctx, 0, "data")) {
    st_call_method(ctx, 0, "resume", 0);
  } else if (!listening) {
    duk_push_null(ctx);
    duk_put_prop_literal(ctx, 1, "flowing");
  }
  return 0;
}

/* removeListener(ev, fn), off */
static duk_ret_t r_remove_listener(duk_context *ctx)
{
  call_base(ctx, "removeListener");
  if (is_event(ctx, 0, "readable")) {
    duk_push_this(ctx);
    st_next_tick(ctx, r_update_listening_tick, 1, 1);
  }
  return 1;
}

/* For EventEmitter's once() and its wrapper (events_binding.c): the method on top of the
 * stack, when it is Readable's on (remove 0) or removeListener (remove 1) and the event
 * at type is one those do nothing more for, is replaced by the base's method that they
 * would call (Stream.prototype's), saving a call through them. */
void petrel_readable_skip_listener_method(duk_context *ctx, duk_idx_t type, int remove)
{
  type = duk_normalize_index(ctx, type);
  if (is_event(ctx, type, "readable") || (!remove && is_event(ctx, type, "data"))) return;
  duk_push_c_lightfunc(ctx, remove ? r_remove_listener : r_on, 2, 2, 0);
  int same = duk_strict_equals(ctx, -1, -2);
  duk_pop(ctx);
  if (!same) return;
  duk_pop(ctx);
  push_rhelper(ctx, "base");
  petrel_get_prop_static(ctx, -1, remove ? "removeListener" : "on");
  duk_remove(ctx, -2);
}

/* tick of resume(): resume_(stream, state) */
static duk_ret_t r_resume_tick(duk_context *ctx)
{
  if (!st_flag(ctx, 1, "reading")) {
    duk_push_int(ctx, 0);
    st_call_method(ctx, 0, "read", 1);
  }
  st_put_bool(ctx, 1, "resumeScheduled", 0);
  st_emit(ctx, 0, "resume");
  flow(ctx, 0);
  if (st_flag(ctx, 1, "flowing") && !st_flag(ctx, 1, "reading")) {
    duk_push_int(ctx, 0);
    st_call_method(ctx, 0, "read", 1);
  }
  return 0;
}

static duk_ret_t r_resume(duk_context *ctx)
{
  duk_idx_t state = push_this_state(ctx), self = state - 1;
  if (!st_flag(ctx, state, "flowing")) {
    st_put_bool(ctx, state, "flowing", !st_flag(ctx, state, "readableListening"));
    if (!st_flag(ctx, state, "resumeScheduled")) {
      st_put_bool(ctx, state, "resumeScheduled", 1);
      duk_dup(ctx, self);
      duk_dup(ctx, state);
      st_next_tick(ctx, r_resume_tick, 2, 2);
    }
  }
  st_put_bool(ctx, state, "paused", 0);
  duk_dup(ctx, self);
  return 1;
}

static duk_ret_t r_pause(duk_context *ctx)
{
  duk_idx_t state = push_this_state(ctx), self = state - 1;
  if (!is_bool(ctx, state, "flowing", 0)) {
    st_put_bool(ctx, state, "flowing", 0);
    st_emit(ctx, self, "pause");
  }
  st_put_bool(ctx, state, "paused", 1);
  duk_dup(ctx, self);
  return 1;
}

static duk_ret_t r_is_paused(duk_context *ctx)
{
  duk_idx_t state = push_this_state(ctx);
  duk_push_boolean(ctx, is_bool(ctx, state, "paused", 1) || is_bool(ctx, state, "flowing", 0));
  return 1;
}

/* ---- the ticks behind the buffer (called by the JS push/read) ---- */
/* flow(stream): reads while the stream flows and something comes. */
static void flow(duk_context *ctx, duk_idx_t stream)
{
  stream = duk_normalize_index(ctx, stream);
  duk_get_prop_literal(ctx, stream, "_readableState");
  for (;;) {
    if (!st_flag(ctx, -1, "flowing")) break;
    duk_get_prop_literal(ctx, stream, "read");
    duk_dup(ctx, stream);
    duk_call_method(ctx, 0);
    int got = !duk_is_null(ctx, -1);
    duk_pop(ctx);
    if (!got) break;
  }
  duk_pop(ctx);
}

/* emitReadable_(stream): 'readable' now, then flow. Also called by the JS
 * directly (onEofChunk when not sync). */
static duk_ret_t r_emit_readable_now(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 0, "_readableState"); /* 1 */
  st_bits sb;
  st_bits_of(ctx, 1, &sb);
  if (!st_flag_in(ctx, 1, &sb, "destroyed") && !st_flag(ctx, 1, "errored") &&
      (st_flag(ctx, 1, "length") || st_flag_in(ctx, 1, &sb, "ended"))) {
    st_emit(ctx, 0, "readable");
    st_put_bool(ctx, 1, "emittedReadable", 0);
  }
  st_bits_of(ctx, 1, &sb); /* again: the listeners and the put above write flags */
  st_put_bool(ctx, 1, "needReadable",
              !st_flag_in(ctx, 1, &sb, "flowing") && !st_flag_in(ctx, 1, &sb, "ended") &&
                  st_num(ctx, 1, "length") <= st_num(ctx, 1, "highWaterMark"));
  flow(ctx, 0);
  return 0;
}

/* emitReadable(stream): 'readable' on the next tick, once. */
static duk_ret_t r_emit_readable(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 0, "_readableState"); /* 1 */
  st_put_bool(ctx, 1, "needReadable", 0);
  if (!st_flag(ctx, 1, "emittedReadable")) {
    st_put_bool(ctx, 1, "emittedReadable", 1);
    duk_dup(ctx, 0);
    st_next_tick(ctx, r_emit_readable_now, 1, 1);
  }
  return 0;
}

/* maybeReadMore_(stream, state): read(0) while below the mark and it helps. */
static duk_ret_t r_read_more_tick(duk_context *ctx)
{
  while (!st_flag(ctx, 1, "reading") && !st_flag(ctx, 1, "ended") &&
         (st_num(ctx, 1, "length") < st_num(ctx, 1, "highWaterMark") ||
          (st_flag(ctx, 1, "flowing") && st_num(ctx, 1, "length") == 0))) {
    double len = st_num(ctx, 1, "length");
    duk_push_int(ctx, 0);
    st_call_method(ctx, 0, "read", 1);
    if (len == st_num(ctx, 1, "length")) break;
  }
  st_put_bool(ctx, 1, "readingMore", 0);
  return 0;
}

/* maybeReadMore(stream, state) */
static duk_ret_t r_maybe_read_more(duk_context *ctx)
{
  if (!st_flag(ctx, 1, "readingMore") && st_flag(ctx, 1, "constructed")) {
    st_put_bool(ctx, 1, "readingMore", 1);
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    st_next_tick(ctx, r_read_more_tick, 2, 2);
  }
  return 0;
}

/* the tick of a non-half-open duplex's end: stream.end() */
static duk_ret_t r_end_tick(duk_context *ctx)
{
  st_call_method(ctx, 0, "end", 0);
  return 0;
}

/* endReadableNT(state, stream): 'end' once everything is consumed, then the
 * writable side's end or the stream's auto-destroy. */
static duk_ret_t r_end_tick_nt(duk_context *ctx)
{
  st_bits sb;
  st_bits_of(ctx, 0, &sb);
  if (st_flag(ctx, 0, "errored") || st_flag_in(ctx, 0, &sb, "closeEmitted") || st_flag_in(ctx, 0, &sb, "endEmitted") ||
      st_num(ctx, 0, "length") != 0)
    return 0;
  st_put_bool(ctx, 0, "endEmitted", 1);
  st_emit(ctx, 1, "end");
  duk_get_prop_literal(ctx, 1, "_writableState"); /* 2 */
  int w = st_truthy(ctx, 2);
  if (w && st_flag(ctx, 1, "writable") && is_bool(ctx, 1, "allowHalfOpen", 0)) {
    duk_dup(ctx, 1);
    st_next_tick(ctx, r_end_tick, 1, 1);
  } else if (st_flag(ctx, 0, "autoDestroy")) {
    if (!w || (st_flag(ctx, 2, "autoDestroy") && (st_flag(ctx, 2, "finished") || is_bool(ctx, 2, "writable", 0))))
      st_call_method(ctx, 1, "destroy", 0);
  }
  return 0;
}

/* endReadable(stream) */
static duk_ret_t r_end_readable(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 0, "_readableState"); /* 1 */
  if (!st_flag(ctx, 1, "endEmitted")) {
    st_put_bool(ctx, 1, "ended", 1);
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    st_next_tick(ctx, r_end_tick_nt, 2, 2);
  }
  return 0;
}

/* ---- read(n) ---- */
/* howMuchToRead(n, state) */
static double how_much(duk_context *ctx, double n, duk_idx_t state)
{
  double length = st_num(ctx, state, "length");
  int ended = st_flag(ctx, state, "ended");
  if (n <= 0 || (length == 0 && ended)) return 0;
  if (st_flag(ctx, state, "objectMode")) return 1;
  if (n != n) {
    if (st_flag(ctx, state, "flowing") && length != 0) {
      duk_get_prop_literal(ctx, state, "buffer");
      duk_get_prop_literal(ctx, state, "bufferIndex");
      duk_get_prop(ctx, -2);
      double first = st_num(ctx, -1, "length");
      duk_pop_2(ctx);
      return first;
    }
    return length;
  }
  if (n <= length) return n;
  return ended ? length : 0;
}

/* shiftChunk(state): pushes the first chunk, taken off the queue (the queue
 * back to the shared empty one when drained, compacted past 1024). */
static void shift_chunk(duk_context *ctx, duk_idx_t state)
{
  duk_get_prop_literal(ctx, state, "buffer"); /* buf */
  double index = st_num(ctx, state, "bufferIndex");
  duk_get_prop_index(ctx, -1, (duk_uarridx_t)index); /* buf c */
  duk_push_undefined(ctx);
  duk_put_prop_index(ctx, -3, (duk_uarridx_t)index);
  index++;
  st_put_num(ctx, state, "bufferIndex", index);
  double len = (double)duk_get_length(ctx, -2);
  if (index == len) {
    st_push_helper(ctx, "EMPTY");
    duk_put_prop_literal(ctx, state, "buffer");
    st_put_num(ctx, state, "bufferIndex", 0);
  } else if (index > 1024) {
    duk_get_prop_literal(ctx, -2, "slice");
    duk_dup(ctx, -3);
    duk_push_number(ctx, index);
    duk_call_method(ctx, 1);
    duk_put_prop_literal(ctx, state, "buffer");
    st_put_num(ctx, state, "bufferIndex", 0);
  }
  duk_remove(ctx, -2); /* c */
}

/* chunk.slice(a) or chunk.slice(a, b) (b < 0: none), of the chunk at idx: pushed. A
 * string's in C (what String.prototype.slice does here, whatever user code made of it). */
static void push_slice(duk_context *ctx, duk_idx_t idx, double a, double b)
{
  idx = duk_normalize_index(ctx, idx);
  if (duk_is_string(ctx, idx)) {
    duk_size_t len = duk_get_length(ctx, idx);
    duk_dup(ctx, idx);
    duk_substring(ctx, -1, (duk_size_t)a, b >= 0 ? (duk_size_t)b : len);
    return;
  }
  duk_get_prop_literal(ctx, idx, "slice");
  duk_dup(ctx, idx);
  duk_push_number(ctx, a);
  if (b >= 0) duk_push_number(ctx, b);
  duk_call_method(ctx, b >= 0 ? 2 : 1);
}

/* fromList(n, state): pushes n bytes (or one object) off the front, or null. */
static void from_list(duk_context *ctx, double n, duk_idx_t state)
{
  duk_get_prop_literal(ctx, state, "buffer");
  double count = (double)duk_get_length(ctx, -1) - st_num(ctx, state, "bufferIndex");
  duk_pop(ctx);
  if (count == 0) {
    duk_push_null(ctx);
    return;
  }
  if (st_flag(ctx, state, "objectMode")) {
    shift_chunk(ctx, state);
    return;
  }
  duk_get_prop_literal(ctx, state, "buffer");
  duk_get_prop_literal(ctx, state, "bufferIndex");
  duk_get_prop(ctx, -2); /* buf first */
  double first = st_num(ctx, -1, "length");
  if (n == first) {
    duk_pop_2(ctx);
    shift_chunk(ctx, state);
    return;
  }
  if (n < first) {
    push_slice(ctx, -1, n, -1);
    duk_get_prop_literal(ctx, state, "bufferIndex");
    duk_insert(ctx, -2);
    duk_put_prop(ctx, -4); /* buf first */
    push_slice(ctx, -1, 0, n);
    duk_remove(ctx, -2);
    duk_remove(ctx, -2);
    return;
  }
  duk_pop_2(ctx);
  duk_push_array(ctx); /* parts */
  duk_uarridx_t count_parts = 0;
  double got = 0;
  while (got < n) {
    duk_get_prop_literal(ctx, state, "buffer");
    duk_get_prop_literal(ctx, state, "bufferIndex");
    duk_get_prop(ctx, -2); /* parts buf c */
    double clen = st_num(ctx, -1, "length");
    if (got + clen <= n) {
      duk_pop_2(ctx);
      shift_chunk(ctx, state);
      duk_put_prop_index(ctx, -2, count_parts++);
      got += clen;
    } else {
      push_slice(ctx, -1, 0, n - got);
      duk_put_prop_index(ctx, -4, count_parts++);
      push_slice(ctx, -1, n - got, -1);
      duk_get_prop_literal(ctx, state, "bufferIndex");
      duk_insert(ctx, -2);
      duk_put_prop(ctx, -4);
      duk_pop_2(ctx);
      got = n;
    }
  }
  if (st_flag(ctx, state, "decoder")) {
    duk_push_literal(ctx, "");
    petrel_push_primordial(ctx, "ArrayPrototypeJoin");
    duk_dup(ctx, -3);
    duk_dup(ctx, -3);
    duk_call_method(ctx, 1);
    duk_remove(ctx, -2);
  } else {
    st_push_helper(ctx, "Buffer");
    duk_get_prop_literal(ctx, -1, "concat");
    duk_insert(ctx, -2);
    duk_dup(ctx, -3);
    duk_push_number(ctx, n);
    duk_call_method(ctx, 2);
  }
  duk_remove(ctx, -2);
}

static void call_tick_now(duk_context *ctx, duk_c_function fn, duk_idx_t stream)
{
  stream = duk_normalize_index(ctx, stream);
  duk_push_c_lightfunc(ctx, fn, 1, 1, 0);
  duk_dup(ctx, stream);
  duk_call(ctx, 1);
  duk_pop(ctx);
}

/* read(n) */
static duk_ret_t r_read(duk_context *ctx)
{
  duk_idx_t state = push_this_state(ctx), self = state - 1; /* 0 n, 1 this, 2 state */
  double n;
  if (duk_is_undefined(ctx, 0)) {
    n = NAN;
  } else if (duk_is_number(ctx, 0)) {
    n = duk_get_number(ctx, 0);
  } else {
    duk_get_global_literal(ctx, "parseInt");
    duk_dup(ctx, 0);
    duk_push_int(ctx, 10);
    duk_call(ctx, 2);
    n = duk_get_number(ctx, -1);
    duk_pop(ctx);
  }
  double n_orig = n, hwm = st_num(ctx, state, "highWaterMark");
  if (n > hwm) {
    double p = 1;
    while (p < n) p *= 2;
    hwm = p < 1073741824 ? p : 1073741824;
    st_put_num(ctx, state, "highWaterMark", hwm);
  }
  if (n != 0) st_put_bool(ctx, state, "emittedReadable", 0);
  double length = st_num(ctx, state, "length");
  if (n == 0 && st_flag(ctx, state, "needReadable") &&
      ((hwm != 0 ? length >= hwm : length > 0) || st_flag(ctx, state, "ended"))) {
    if (length == 0 && st_flag(ctx, state, "ended"))
      call_tick_now(ctx, r_end_readable, self);
    else
      call_tick_now(ctx, r_emit_readable, self);
    duk_push_null(ctx);
    return 1;
  }
  n = how_much(ctx, n, state);
  if (n == 0 && st_flag(ctx, state, "ended")) {
    if (st_num(ctx, state, "length") == 0) call_tick_now(ctx, r_end_readable, self);
    duk_push_null(ctx);
    return 1;
  }
  int do_read = st_flag(ctx, state, "needReadable");
  length = st_num(ctx, state, "length");
  if (length == 0 || length - n < hwm) do_read = 1;
  st_bits sb;
  st_bits_of(ctx, state, &sb);
  if (st_flag_in(ctx, state, &sb, "ended") || st_flag_in(ctx, state, &sb, "reading") ||
      st_flag_in(ctx, state, &sb, "destroyed") || st_flag(ctx, state, "errored") ||
      !st_flag_in(ctx, state, &sb, "constructed")) {
    do_read = 0;
  } else if (do_read) {
    st_put_bool(ctx, state, "reading", 1);
    st_put_bool(ctx, state, "sync", 1);
    if (length == 0) st_put_bool(ctx, state, "needReadable", 1);
    duk_get_prop_literal(ctx, self, "_read");
    duk_dup(ctx, self);
    duk_get_prop_literal(ctx, state, "highWaterMark");
    if (duk_pcall_method(ctx, 1) != DUK_EXEC_SUCCESS)
      st_error_or_destroy(ctx, self, 0);
    else
      duk_pop(ctx);
    st_put_bool(ctx, state, "sync", 0);
    if (!st_flag(ctx, state, "reading")) n = how_much(ctx, n_orig, state);
  }
  if (n > 0)
    from_list(ctx, n, state);
  else
    duk_push_null(ctx);
  duk_idx_t ret = duk_get_top_index(ctx);
  if (duk_is_null(ctx, ret)) {
    st_put_bool(ctx, state, "needReadable", st_num(ctx, state, "length") <= st_num(ctx, state, "highWaterMark"));
    n = 0;
  } else {
    st_add_num(ctx, state, "length", st_flag(ctx, state, "objectMode") ? -1 : -n);
  }
  if (st_num(ctx, state, "length") == 0) {
    if (!st_flag(ctx, state, "ended")) st_put_bool(ctx, state, "needReadable", 1);
    if (n_orig != n && st_flag(ctx, state, "ended")) call_tick_now(ctx, r_end_readable, self);
  }
  if (!duk_is_null(ctx, ret) && !st_flag(ctx, state, "errorEmitted") && !st_flag(ctx, state, "closeEmitted")) {
    st_put_bool(ctx, state, "dataEmitted", 1);
    duk_push_literal(ctx, "data");
    duk_dup(ctx, ret);
    st_call_method(ctx, self, "emit", 2);
  }
  duk_dup(ctx, ret);
  return 1;
}

/* ---- the buffer's producer side ---- */
/* Appends (or prepends) the value on top to state.buffer; pops it. */
static void queue_chunk(duk_context *ctx, duk_idx_t state, int front)
{
  duk_get_prop_literal(ctx, state, "buffer"); /* c buf */
  st_push_helper(ctx, "EMPTY");
  int empty = duk_strict_equals(ctx, -1, -2);
  duk_pop(ctx);
  double index = st_num(ctx, state, "bufferIndex");
  if (front && index > 0) {
    st_put_num(ctx, state, "bufferIndex", index - 1);
    duk_dup(ctx, -2);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)(index - 1));
  } else if (empty) {
    duk_push_array(ctx);
    duk_dup(ctx, -3);
    duk_put_prop_index(ctx, -2, 0);
    duk_put_prop_literal(ctx, state, "buffer");
  } else {
    duk_dup(ctx, -2);
    st_call_method(ctx, -2, front ? "unshift" : "push", 1);
  }
  duk_pop_2(ctx);
}

/* addChunk(stream, state, chunk, addToFront) */
static duk_ret_t r_add_chunk(duk_context *ctx)
{
  if (st_flag(ctx, 1, "flowing") && st_num(ctx, 1, "length") == 0 && !st_flag(ctx, 1, "sync") &&
      listener_count(ctx, 0, "data")) {
    st_put_bool(ctx, 1, "dataEmitted", 1);
    duk_push_literal(ctx, "data");
    duk_dup(ctx, 2);
    st_call_method(ctx, 0, "emit", 2);
  } else {
    st_add_num(ctx, 1, "length", st_flag(ctx, 1, "objectMode") ? 1 : st_num(ctx, 2, "length"));
    duk_dup(ctx, 2);
    queue_chunk(ctx, 1, st_truthy(ctx, 3));
    if (st_flag(ctx, 1, "needReadable")) call_tick_now(ctx, r_emit_readable, 0);
  }
  duk_push_c_lightfunc(ctx, r_maybe_read_more, 2, 2, 0);
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_call(ctx, 2);
  return 0;
}

/* onEofChunk(stream, state): the decoder's rest, ended, 'readable' */
static duk_ret_t r_on_eof(duk_context *ctx)
{
  if (st_flag(ctx, 1, "ended")) return 0;
  if (st_flag(ctx, 1, "decoder")) {
    duk_get_prop_literal(ctx, 1, "decoder");
    duk_get_prop_literal(ctx, -1, "end");
    duk_dup(ctx, -2);
    duk_call_method(ctx, 0); /* dec chunk */
    if (st_truthy(ctx, -1) && st_flag(ctx, -1, "length")) {
      double len = st_flag(ctx, 1, "objectMode") ? 1 : st_num(ctx, -1, "length");
      duk_dup(ctx, -1);
      queue_chunk(ctx, 1, 0);
      st_add_num(ctx, 1, "length", len);
    }
    duk_pop_2(ctx);
  }
  st_put_bool(ctx, 1, "ended", 1);
  if (st_flag(ctx, 1, "sync")) {
    call_tick_now(ctx, r_emit_readable, 0);
  } else {
    st_put_bool(ctx, 1, "needReadable", 0);
    st_put_bool(ctx, 1, "emittedReadable", 1);
    call_tick_now(ctx, r_emit_readable_now, 0);
  }
  return 0;
}

/* ---- push(chunk, encoding) and unshift(chunk, encoding): readableAddChunk ---- */
/* !ended && (length < highWaterMark || length === 0) */
static int can_push_more(duk_context *ctx, duk_idx_t state)
{
  double length = st_num(ctx, state, "length");
  return !st_flag(ctx, state, "ended") && (length < st_num(ctx, state, "highWaterMark") || length == 0);
}

static void call_tick2(duk_context *ctx, duk_c_function fn, duk_idx_t stream, duk_idx_t state)
{
  stream = duk_normalize_index(ctx, stream);
  state = duk_normalize_index(ctx, state);
  duk_push_c_lightfunc(ctx, fn, 2, 2, 0);
  duk_dup(ctx, stream);
  duk_dup(ctx, state);
  duk_call(ctx, 2);
  duk_pop(ctx);
}

/* errorOrDestroy(stream, fail(kind, chunk)); returns false. */
static duk_ret_t push_fail(duk_context *ctx, duk_idx_t stream, int kind, duk_idx_t chunk)
{
  st_push_fail(ctx, kind, chunk);
  st_error_or_destroy(ctx, stream, 0);
  duk_push_false(ctx);
  return 1;
}

/* Buffer.from(the values at a and b): replaces the value at a. */
static void buffer_from(duk_context *ctx, duk_idx_t a, duk_idx_t b)
{
  st_push_helper(ctx, "from");
  duk_dup(ctx, a);
  duk_dup(ctx, b);
  duk_call(ctx, 2);
  duk_replace(ctx, a);
}

static duk_ret_t add_chunk(duk_context *ctx, int front)
{
  duk_set_top(ctx, 2);                                      /* 0 chunk, 1 encoding */
  duk_idx_t state = push_this_state(ctx), self = state - 1; /* 2 this, 3 state */
  if (duk_is_null(ctx, 0)) {
    st_put_bool(ctx, state, "reading", 0);
    call_tick2(ctx, r_on_eof, self, state);
    duk_push_false(ctx);
    return 1;
  }
  int object_mode = st_flag(ctx, state, "objectMode");
  if (!object_mode) {
    if (duk_is_string(ctx, 0) && !duk_is_symbol(ctx, 0)) {
      if (!st_truthy(ctx, 1)) {
        duk_get_prop_literal(ctx, state, "defaultEncoding");
        duk_replace(ctx, 1);
      }
      duk_get_prop_literal(ctx, state, "encoding"); /* 4 */
      if (!duk_strict_equals(ctx, 4, 1)) {
        buffer_from(ctx, 0, 1);
        if (front && st_truthy(ctx, 4)) { /* unshift keeps the decoded form */
          duk_push_literal(ctx, "toString");
          duk_dup(ctx, 4);
          duk_call_prop(ctx, 0, 1);
          duk_replace(ctx, 0);
        }
      }
      duk_set_top(ctx, 4);
    } else {
      duk_get_global_literal(ctx, "Uint8Array");
      int u8 = duk_is_object(ctx, 0) || duk_is_buffer(ctx, 0) ? duk_instanceof(ctx, 0, -1) : 0;
      duk_pop(ctx);
      if (!u8) return push_fail(ctx, self, F_PUSH_CHUNK, 0);
      int isbuf = st_is_buffer(ctx, 0);
      if (!isbuf) { /* another Uint8Array: a Buffer over its bytes */
        st_push_helper(ctx, "from");
        duk_get_prop_literal(ctx, 0, "buffer");
        duk_get_prop_literal(ctx, 0, "byteOffset");
        duk_get_prop_literal(ctx, 0, "byteLength");
        duk_call(ctx, 3);
        duk_replace(ctx, 0);
      }
    }
    if (!(st_num(ctx, 0, "length") > 0)) {
      st_put_bool(ctx, state, "reading", 0);
      call_tick2(ctx, r_maybe_read_more, self, state);
      duk_push_boolean(ctx, can_push_more(ctx, state));
      return 1;
    }
  }
  if (front) {
    if (st_flag(ctx, state, "endEmitted")) return push_fail(ctx, self, F_UNSHIFT_AFTER_END, 0);
    if (st_flag(ctx, state, "destroyed") || st_flag(ctx, state, "errored")) {
      duk_push_false(ctx);
      return 1;
    }
  } else {
    if (st_flag(ctx, state, "ended")) return push_fail(ctx, self, F_PUSH_AFTER_EOF, 0);
    if (st_flag(ctx, state, "destroyed") || st_flag(ctx, state, "errored")) {
      duk_push_false(ctx);
      return 1;
    }
    st_put_bool(ctx, state, "reading", 0);
    if (st_flag(ctx, state, "decoder") && !duk_is_string(ctx, 0)) {
      duk_get_prop_literal(ctx, state, "decoder");
      duk_push_literal(ctx, "write");
      duk_dup(ctx, 0);
      duk_call_prop(ctx, -3, 1);
      duk_replace(ctx, 0);
      duk_pop(ctx);
      if (!object_mode && st_num(ctx, 0, "length") == 0) {
        call_tick2(ctx, r_maybe_read_more, self, state);
        duk_push_boolean(ctx, can_push_more(ctx, state));
        return 1;
      }
    }
  }
  duk_push_c_lightfunc(ctx, r_add_chunk, 4, 4, 0);
  duk_dup(ctx, self);
  duk_dup(ctx, state);
  duk_dup(ctx, 0);
  duk_push_boolean(ctx, front);
  duk_call(ctx, 4);
  duk_pop(ctx);
  duk_push_boolean(ctx, can_push_more(ctx, state));
  return 1;
}

static duk_ret_t r_push(duk_context *ctx) { return add_chunk(ctx, 0); }
static duk_ret_t r_unshift(duk_context *ctx) { return add_chunk(ctx, 1); }

/* The default _read(): Node's ERR_METHOD_NOT_IMPLEMENTED. */
static duk_ret_t r_read_default(duk_context *ctx)
{
  st_push_error(ctx, F_READ_NOT_IMPLEMENTED, NULL);
  return duk_throw(ctx);
}

/* The default _destroy(err, cb): cb(err). */
static duk_ret_t r_destroy_default(duk_context *ctx)
{
  duk_dup(ctx, 1);
  duk_dup(ctx, 0);
  duk_call(ctx, 1);
  return 0;
}

/* Node's names for Readable.prototype's methods below (lightfunc_names.h): only
 * destroy has one; the others are anonymous functions in Node. */
static const petrel_lf_name readable_names[] = {
  { "", r_on, 0 },   { "", r_remove_listener, 0 }, { "", r_resume, 0 },         { "", r_pause, 0 },
  { "", r_is_paused, 0 }, { "", r_read, 0 },      { "", r_push, 0 },           { "", r_unshift, 0 },
  { "", r_read_default, 0 }, { "destroy", stream_destroy, 0 }, { "", r_destroy_default, 0 },
  /* internal callbacks, by the names of node's functions that do the same */
  { "updateReadableListening", r_update_listening_tick, 0 }, { "resume_", r_resume_tick, 0 },
  { "emitReadable_", r_emit_readable_now, 0 }, { "maybeReadMore_", r_read_more_tick, 0 },
  { "onReadableEnd", r_end_tick, 0 }, { "endReadableNT", r_end_tick_nt, 0 }, { "addChunk", r_add_chunk, 0 },
  { "emitReadable", r_emit_readable, 0 }, { "maybeReadMore", r_maybe_read_more, 0 }, { "onEofChunk", r_on_eof, 0 },
  { "endReadable", r_end_readable, 0 }, { "nReadingNextTick", r_read0_tick, 0 },
  { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(readable, readable_names);

/* installReadable(proto, helpers): the methods above on Readable.prototype. */
duk_ret_t readable_install(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_require_object(ctx, 1);
  duk_push_global_stash(ctx);
  duk_dup(ctx, 1);
  duk_put_prop_literal(ctx, -2, R_HELPERS_KEY);
  duk_pop(ctx);
  static const struct {
    const char *name;
    duk_c_function fn;
    int nargs;
  } methods[] = { { "on", r_on, 2 },
                  { "addListener", r_on, 2 },
                  { "removeListener", r_remove_listener, 2 },
                  { "off", r_remove_listener, 2 },
                  { "resume", r_resume, 0 },
                  { "pause", r_pause, 0 },
                  { "isPaused", r_is_paused, 0 },
                  { "read", r_read, 1 },
                  { "push", r_push, 2 },
                  { "unshift", r_unshift, 2 },
                  { "_read", r_read_default, 1 },
                  { "destroy", stream_destroy, 2 },
                  { "_destroy", r_destroy_default, 2 } };
  for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
    duk_push_c_lightfunc(ctx, methods[i].fn, methods[i].nargs, methods[i].nargs, 0);
    duk_put_prop_string(ctx, 0, methods[i].name);
  }
  promise_api_put_readable(ctx, 0); /* [Symbol.asyncIterator], iterator: internal/stream_iter.js */
  return 0;
}
