/*
 * Timers and immediates, owned by the loop (#17's native core): the timer queue (a
 * binary heap ordered by deadline, then creation) and the immediates' FIFO live here,
 * and the loop runs them directly (timers_run, timers_run_immediates), one
 * petrel_make_callback per callback: an exception goes to process's uncaught-exception
 * handling and the next callback still runs, and the nextTick queue runs after each.
 *
 * Why C: every program loads timers at boot, and each JS function costs Duktape
 * ~300 bytes of heap (boards/mps2-an385/README.md). The Timeout and Immediate methods
 * are light functions (8-byte values) on shared prototypes; setTimeout & co. and the
 * two classes are native functions (named, as Node's are). The state stays where
 * Node keeps it, on the object: _idleTimeout, _onTimeout, _timerArgs, _repeat,
 * _destroyed (Immediate: _onImmediate, _argv, _destroyed), read again at each use as
 * Node does; what Node keeps under symbols (refed, has a primitive id) is a hidden
 * flags property, and the deadline and queue position are C's alone. The wording
 * of errors stays in timers.js (its fail function, kept in the stash).
 *
 * Invariants (a fuzz once found a timer queued twice, and a NaN deadline that stalled
 * every timer behind it): an object is in the heap at most once (insertion removes
 * it first); a deadline is always now + a delay in [1, TIMEOUT_MAX], so the loop's
 * `when <= now` always progresses; the heap's objects are kept alive by a stash array
 * whose slot i holds tq[i].obj. Every step that may allocate (and so throw on a full
 * heap) comes before the queue changes; moving entries allocates nothing.
 */
#include <string.h>
#include "duktape.h"
#include "runtime.h"

#define TIMEOUT_MAX 2147483647.0

#define FAIL_KEY   DUK_HIDDEN_SYMBOL("timersFail")
#define TQ_KEY     DUK_HIDDEN_SYMBOL("timersQueue")
#define IQ_KEY     DUK_HIDDEN_SYMBOL("immediatesQueue")
#define BYID_KEY   DUK_HIDDEN_SYMBOL("timersById")
#define TPROTO_KEY DUK_HIDDEN_SYMBOL("timeoutProto")
#define IPROTO_KEY DUK_HIDDEN_SYMBOL("immediateProto")
#define TFLAGS     DUK_HIDDEN_SYMBOL("tflags") /* on a Timeout: F_* */
#define TID        DUK_HIDDEN_SYMBOL("tid")    /* on a Timeout: its id (Symbol.toPrimitive) */
#define IFLAGS     DUK_HIDDEN_SYMBOL("iflags") /* on an Immediate: F_* */

enum { F_REFED = 1, F_PRIMITIVE = 2, F_QUEUED = 4 };
/* What timers.js's fail(kind, value) makes. */
enum { FAIL_CALLBACK, FAIL_NOT_NEW };

typedef struct {
  void *obj;
  double when;
  double seq; /* insertion order: equal deadlines fire in the order they were queued */
  int refed;
} tentry;

static tentry *tq;
static size_t tq_len, tq_cap, tq_refed;
static double tq_seq, next_id;
static void *tq_arr; /* stash array: slot i holds tq[i].obj */
static size_t tq_arr_len;

static size_t iq_head, iq_tail, iq_refed; /* immediates: slots [iq_head, iq_tail) of iq_arr */
static void *iq_arr;
static size_t iq_arr_len;

static void sync_timer(void) { loop_set_timer(tq_len ? tq[0].when : -1, tq_refed > 0); }
static void sync_immediates(void) { loop_set_immediates(iq_tail > iq_head, iq_refed > 0); }

/* Calls timers.js's fail(kind, value at idx) and throws what it returns. */
static duk_ret_t fail(duk_context *ctx, int kind, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, FAIL_KEY);
  duk_push_int(ctx, kind);
  duk_dup(ctx, idx);
  duk_call(ctx, 2);
  return duk_throw(ctx);
}

/* The F_* flags of a Timeout (key TFLAGS) or an Immediate (IFLAGS); -1 if it is not one. */
static int get_flags(duk_context *ctx, duk_idx_t obj, const char *key)
{
  if (!duk_is_object(ctx, obj)) return -1;
  duk_get_prop_string(ctx, obj, key);
  int f = duk_is_number(ctx, -1) ? duk_get_int(ctx, -1) : -1;
  duk_pop(ctx);
  return f;
}

/* Forced (a frozen timer still gets its flags) and, once the property exists,
 * allocation-free: the queue code relies on that. */
static void set_hidden(duk_context *ctx, duk_idx_t obj, const char *key, double v)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_string(ctx, key);
  duk_push_number(ctx, v);
  duk_def_prop(ctx, obj, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE);
}

/* ---- the timer heap ---- */

static int less(const tentry *a, const tentry *b)
{
  return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

/* Writes slot i of a stash array (an existing slot: no allocation). */
static void put_slot(duk_context *ctx, void *arr, size_t i, void *obj)
{
  duk_push_heapptr(ctx, arr);
  if (obj)
    duk_push_heapptr(ctx, obj);
  else
    duk_push_undefined(ctx);
  duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  duk_pop(ctx);
}

static void place(duk_context *ctx, size_t i, const tentry *e)
{
  tq[i] = *e;
  put_slot(ctx, tq_arr, i, e->obj);
}

/* The sifts hold the moving entry's object on the value stack: while its slot holds
 * another, nothing else may reference it, and Duktape's refcounting would free it. */
static size_t sift_up(duk_context *ctx, size_t i)
{
  tentry t = tq[i];
  duk_push_heapptr(ctx, t.obj);
  while (i > 0) {
    size_t p = (i - 1) / 2;
    if (!less(&t, &tq[p])) break;
    place(ctx, i, &tq[p]);
    i = p;
  }
  place(ctx, i, &t);
  duk_pop(ctx);
  return i;
}

static size_t sift_down(duk_context *ctx, size_t i)
{
  tentry t = tq[i];
  duk_push_heapptr(ctx, t.obj);
  for (;;) {
    size_t l = 2 * i + 1;
    if (l >= tq_len) break;
    size_t c = (l + 1 < tq_len && less(&tq[l + 1], &tq[l])) ? l + 1 : l;
    if (!less(&tq[c], &t)) break;
    place(ctx, i, &tq[c]);
    i = c;
  }
  place(ctx, i, &t);
  duk_pop(ctx);
  return i;
}

static long tq_find(void *obj)
{
  for (size_t i = tq_len; i-- > 0;)
    if (tq[i].obj == obj) return (long)i;
  return -1;
}

/* Takes entry i out (the caller holds its object on the value stack: Duktape frees
 * an object as soon as nothing references it). Allocates nothing. */
static void tq_remove_at(duk_context *ctx, size_t i)
{
  if (tq[i].refed) tq_refed--;
  tq_len--;
  tentry last = tq[tq_len];
  duk_push_heapptr(ctx, last.obj);
  put_slot(ctx, tq_arr, tq_len, NULL);
  if (i < tq_len) {
    place(ctx, i, &last);
    if (sift_down(ctx, i) == i) sift_up(ctx, i);
  }
  duk_pop(ctx);
}

/* Takes the Timeout at obj out of the heap if it is there. */
static void tq_remove(duk_context *ctx, duk_idx_t obj)
{
  int f = get_flags(ctx, obj, TFLAGS);
  if (f < 0 || !(f & F_QUEUED)) return;
  long i = tq_find(duk_get_heapptr(ctx, obj));
  if (i >= 0) tq_remove_at(ctx, (size_t)i);
  set_hidden(ctx, obj, TFLAGS, f & ~F_QUEUED);
  sync_timer();
}

/* Queues the Timeout at obj (taking it out first if it is queued) to fire at `when`.
 * On a full heap this throws before anything has changed. */
static void tq_insert(duk_context *ctx, duk_idx_t obj, double when)
{
  obj = duk_normalize_index(ctx, obj);
  int f = get_flags(ctx, obj, TFLAGS);
  if (f < 0) return;
  if (tq_len == tq_cap) {
    size_t cap = tq_cap ? tq_cap * 2 : 8;
    tentry *n = duk_realloc(ctx, tq, cap * sizeof *n);
    if (!n) (void)petrel_throw_oom(ctx);
    tq = n;
    tq_cap = cap;
  }
  if (tq_len + 1 > tq_arr_len) { /* the mirror's new slot (may allocate) */
    duk_push_heapptr(ctx, tq_arr);
    duk_dup(ctx, obj);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)tq_len);
    duk_pop(ctx);
    tq_arr_len = tq_len + 1;
  }
  /* Nothing below allocates. */
  if (f & F_QUEUED) {
    long i = tq_find(duk_get_heapptr(ctx, obj));
    if (i >= 0) tq_remove_at(ctx, (size_t)i);
  }
  tentry e = { duk_get_heapptr(ctx, obj), when, ++tq_seq, (f & F_REFED) != 0 };
  tq[tq_len++] = e;
  sift_up(ctx, tq_len - 1);
  if (e.refed) tq_refed++;
  set_hidden(ctx, obj, TFLAGS, f | F_QUEUED);
  sync_timer();
}

/* ---- Timeout ---- */

static double valid_delay(double after) { return after >= 1 && after <= TIMEOUT_MAX ? after : 1; }

/* Node's fields on the object at o; returns the delay. args < 0: null. */
static double init_timeout(duk_context *ctx, duk_idx_t o, duk_idx_t cb, double after, duk_idx_t args, int repeat)
{
  o = duk_normalize_index(ctx, o);
  after = valid_delay(after);
  duk_push_number(ctx, after);
  duk_put_prop_literal(ctx, o, "_idleTimeout");
  duk_dup(ctx, cb);
  duk_put_prop_literal(ctx, o, "_onTimeout");
  if (args >= 0)
    duk_dup(ctx, args);
  else
    duk_push_null(ctx);
  duk_put_prop_literal(ctx, o, "_timerArgs");
  if (repeat)
    duk_push_number(ctx, after);
  else
    duk_push_null(ctx);
  duk_put_prop_literal(ctx, o, "_repeat");
  duk_push_false(ctx);
  duk_put_prop_literal(ctx, o, "_destroyed");
  set_hidden(ctx, o, TFLAGS, F_REFED);
  set_hidden(ctx, o, TID, ++next_id);
  return after;
}

/* [... args...] from the array-like at key of obj, if it is an object; returns how many. */
static int push_args(duk_context *ctx, duk_idx_t obj, const char *key)
{
  duk_get_prop_string(ctx, obj, key);
  if (!duk_is_object(ctx, -1)) {
    duk_pop(ctx);
    return 0;
  }
  duk_idx_t a = duk_get_top_index(ctx);
  duk_size_t n = duk_get_length(ctx, a);
  duk_require_stack(ctx, (duk_idx_t)n);
  for (duk_size_t i = 0; i < n; i++) duk_get_prop_index(ctx, a, (duk_uarridx_t)i);
  duk_remove(ctx, a);
  return (int)n;
}

static void push_stash(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, key);
  duk_remove(ctx, -2);
}

/* setTimeout(callback, after, ...args) (magic 0), setInterval (magic 1) */
static duk_ret_t t_set(duk_context *ctx)
{
  if (duk_get_top(ctx) < 2) duk_set_top(ctx, 2);
  duk_idx_t n = duk_get_top(ctx);
  if (!duk_is_function(ctx, 0)) return fail(ctx, FAIL_CALLBACK, 0);
  double after = duk_to_number(ctx, 1);
  duk_push_object(ctx); /* n */
  push_stash(ctx, TPROTO_KEY);
  duk_set_prototype(ctx, n);
  duk_idx_t args = -1;
  if (n > 2) {
    duk_push_array(ctx);
    for (duk_idx_t i = 2; i < n; i++) {
      duk_dup(ctx, i);
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)(i - 2));
    }
    args = n + 1;
  }
  after = init_timeout(ctx, n, 0, after, args, duk_get_current_magic(ctx));
  tq_insert(ctx, n, loop_now() + after);
  duk_dup(ctx, n);
  return 1;
}

/* The Timeout at idx has been cleared or has fired: forget its numeric id. */
static void forget_id(duk_context *ctx, duk_idx_t obj, int f)
{
  if (!(f & F_PRIMITIVE)) return;
  obj = duk_normalize_index(ctx, obj);
  push_stash(ctx, BYID_KEY);
  duk_get_prop_string(ctx, obj, TID);
  duk_del_prop(ctx, -2);
  duk_pop(ctx);
  set_hidden(ctx, obj, TFLAGS, get_flags(ctx, obj, TFLAGS) & ~F_PRIMITIVE);
}

static void clear_immediate(duk_context *ctx, duk_idx_t im);

static void clear_timeout(duk_context *ctx, duk_idx_t t)
{
  t = duk_normalize_index(ctx, t);
  if (duk_is_number(ctx, t) || duk_is_string(ctx, t)) {
    push_stash(ctx, BYID_KEY);
    duk_dup(ctx, t);
    duk_get_prop(ctx, -2);
    duk_remove(ctx, -2);
    duk_replace(ctx, t);
  }
  int f = get_flags(ctx, t, TFLAGS);
  if (f < 0) {
    if (duk_is_object(ctx, t)) {
      duk_get_prop_literal(ctx, t, "_onImmediate");
      int im = duk_to_boolean(ctx, -1);
      duk_pop(ctx);
      if (im) clear_immediate(ctx, t);
    }
    return;
  }
  duk_get_prop_literal(ctx, t, "_destroyed");
  int destroyed = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  if (destroyed) return;
  tq_remove(ctx, t);
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, t, "_destroyed");
  forget_id(ctx, t, f);
}

/* clearTimeout(timer | id) (also clearInterval) */
static duk_ret_t t_clear(duk_context *ctx)
{
  clear_timeout(ctx, 0);
  return 0;
}

/* new Timeout(callback, after, args, repeat): an inert timer (setTimeout queues one). */
static duk_ret_t timeout_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx)) {
    duk_push_literal(ctx, "Timeout");
    return fail(ctx, FAIL_NOT_NEW, -1);
  }
  duk_set_top(ctx, 4);
  double after = duk_to_number(ctx, 1);
  duk_push_this(ctx);
  init_timeout(ctx, 4, 0, after, 2, duk_to_boolean(ctx, 3));
  return 0;
}

/* Methods of both prototypes: magic bit 8 = Immediate's. */
enum { M_REF, M_UNREF, M_HASREF, M_REFRESH, M_CLOSE, M_PRIMITIVE, M_IMMEDIATE = 8 };

static duk_ret_t t_method(duk_context *ctx)
{
  int magic = duk_get_current_magic(ctx);
  int immediate = magic & M_IMMEDIATE;
  const char *key = immediate ? IFLAGS : TFLAGS;
  duk_push_this(ctx);
  duk_idx_t self = duk_get_top_index(ctx);
  int f = get_flags(ctx, self, key);
  switch (magic & ~M_IMMEDIATE) {
    case M_REF:
    case M_UNREF: {
      int want = (magic & ~M_IMMEDIATE) == M_REF;
      if (f < 0 || ((f & F_REFED) != 0) == want) break;
      if (immediate) {
        if (!(f & F_QUEUED)) break; /* run or cleared: nothing to hold */
        set_hidden(ctx, self, key, want ? (f | F_REFED) : (f & ~F_REFED));
        if (want)
          iq_refed++;
        else if (iq_refed)
          iq_refed--;
        sync_immediates();
        break;
      }
      set_hidden(ctx, self, key, want ? (f | F_REFED) : (f & ~F_REFED));
      long i = (f & F_QUEUED) ? tq_find(duk_get_heapptr(ctx, self)) : -1;
      if (i >= 0 && tq[i].refed != want) {
        tq[i].refed = want;
        if (want)
          tq_refed++;
        else
          tq_refed--;
        sync_timer();
      }
      break;
    }
    case M_HASREF:
      if (f < 0)
        duk_push_undefined(ctx);
      else
        duk_push_boolean(ctx, f & F_REFED);
      return 1;
    case M_REFRESH: {
      /* Only a live timer with a real delay: a deadline made from a missing one (NaN)
     * would sort nowhere and stall every timer behind it (Node ignores those too). */
      if (f < 0) break;
      duk_get_prop_literal(ctx, self, "_destroyed");
      int destroyed = duk_to_boolean(ctx, -1);
      duk_get_prop_literal(ctx, self, "_idleTimeout");
      double after = duk_to_number(ctx, -1);
      duk_pop_2(ctx);
      if (destroyed || !(after >= 1 && after <= TIMEOUT_MAX)) break;
      tq_insert(ctx, self, loop_now() + after);
      break;
    }
    case M_CLOSE: clear_timeout(ctx, self); break;
    case M_PRIMITIVE:
      if (f < 0) {
        duk_push_undefined(ctx);
        return 1;
      }
      duk_get_prop_string(ctx, self, TID);
      if (!(f & F_PRIMITIVE)) {
        push_stash(ctx, BYID_KEY);
        duk_dup(ctx, -2);
        duk_dup(ctx, self);
        duk_put_prop(ctx, -3);
        duk_pop(ctx);
        set_hidden(ctx, self, key, f | F_PRIMITIVE);
      }
      return 1;
  }
  duk_dup(ctx, self);
  return 1;
}

/* ---- Immediate ---- */

static void init_immediate(duk_context *ctx, duk_idx_t o, duk_idx_t cb, duk_idx_t args)
{
  o = duk_normalize_index(ctx, o);
  duk_dup(ctx, cb);
  duk_put_prop_literal(ctx, o, "_onImmediate");
  if (args >= 0)
    duk_dup(ctx, args);
  else
    duk_push_null(ctx);
  duk_put_prop_literal(ctx, o, "_argv");
  duk_push_false(ctx);
  duk_put_prop_literal(ctx, o, "_destroyed");
  set_hidden(ctx, o, IFLAGS, F_REFED);
}

/* The runtime's own immediate (runtime.h): [fn, values...] in the queue. */
void timers_queue_immediate(duk_context *ctx, duk_c_function fn, duk_idx_t n)
{
  duk_idx_t first = duk_get_top(ctx) - n;
  /* One array of the right size (duk_petrel_pack): grown a put at a time it was
   * reallocated at each (~800 instructions a value on linux). */
  duk_require_stack(ctx, n + 4);
  petrel_push_lightfunc(ctx, fn, n, n, 0);
  for (duk_idx_t i = 0; i < n; i++) duk_dup(ctx, first + i);
  duk_petrel_pack(ctx, n + 1);
  /* The slot first (may allocate), then the counts. */
  duk_push_heapptr(ctx, iq_arr);
  duk_dup(ctx, -2);
  duk_put_prop_index(ctx, -2, (duk_uarridx_t)iq_tail);
  if (iq_tail + 1 > iq_arr_len) iq_arr_len = iq_tail + 1;
  iq_tail++;
  iq_refed++;
  sync_immediates();
  duk_set_top(ctx, first);
}

/* setImmediate(callback, ...args) */
static duk_ret_t i_set(duk_context *ctx)
{
  if (duk_get_top(ctx) < 1) duk_set_top(ctx, 1);
  duk_idx_t n = duk_get_top(ctx);
  if (!duk_is_function(ctx, 0)) return fail(ctx, FAIL_CALLBACK, 0);
  duk_push_object(ctx); /* n */
  push_stash(ctx, IPROTO_KEY);
  duk_set_prototype(ctx, n);
  duk_idx_t args = -1;
  if (n > 1) {
    duk_push_array(ctx);
    for (duk_idx_t i = 1; i < n; i++) {
      duk_dup(ctx, i);
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)(i - 1));
    }
    args = n + 1;
  }
  init_immediate(ctx, n, 0, args);
  /* The slot first (may allocate), then the counts. */
  duk_push_heapptr(ctx, iq_arr);
  duk_dup(ctx, n);
  duk_put_prop_index(ctx, -2, (duk_uarridx_t)iq_tail);
  duk_pop(ctx);
  if (iq_tail + 1 > iq_arr_len) iq_arr_len = iq_tail + 1;
  iq_tail++;
  iq_refed++;
  set_hidden(ctx, n, IFLAGS, F_REFED | F_QUEUED);
  sync_immediates();
  duk_dup(ctx, n);
  return 1;
}

static void clear_immediate(duk_context *ctx, duk_idx_t im)
{
  int f = get_flags(ctx, im, IFLAGS);
  if (f < 0 || !(f & F_QUEUED)) return;
  set_hidden(ctx, im, IFLAGS, f & ~F_QUEUED);
  if ((f & F_REFED) && iq_refed) iq_refed--;
  sync_immediates();
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, im, "_destroyed");
}

static duk_ret_t i_clear(duk_context *ctx)
{
  clear_immediate(ctx, 0);
  return 0;
}

static duk_ret_t immediate_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx)) {
    duk_push_literal(ctx, "Immediate");
    return fail(ctx, FAIL_NOT_NEW, -1);
  }
  duk_set_top(ctx, 2);
  duk_push_this(ctx);
  init_immediate(ctx, 2, 0, 1);
  return 0;
}

/* ---- run by the loop ---- */

struct fire {
  double now;
  int started;
};

/* The heap's root, due: out of the queue (an interval back in from this turn's time,
 * before its callback, so clearInterval inside it works), then its callback. */
static duk_ret_t fire_timer(duk_context *ctx, void *udata)
{
  struct fire *fr = udata;
  /* A safe call runs in the caller's frame: indices from here on are relative to t. */
  duk_require_stack(ctx, 16);
  duk_idx_t t = duk_get_top(ctx);
  duk_push_heapptr(ctx, tq[0].obj); /* kept alive here */
  tq_remove_at(ctx, 0);
  fr->started = 1;
  int f = get_flags(ctx, t, TFLAGS);
  set_hidden(ctx, t, TFLAGS, f & ~F_QUEUED);
  sync_timer();
  duk_get_prop_literal(ctx, t, "_repeat");
  duk_dup_top(ctx);
  int repeat = duk_to_boolean(ctx, -1); /* as Node: a truthy _repeat */
  double every = repeat ? valid_delay(duk_to_number(ctx, -2)) : 0;
  duk_pop_2(ctx);
  if (repeat) {
    tq_insert(ctx, t, fr->now + every);
  } else {
    duk_push_true(ctx);
    duk_put_prop_literal(ctx, t, "_destroyed");
    forget_id(ctx, t, f);
  }
  duk_get_prop_literal(ctx, t, "_onTimeout");
  duk_dup(ctx, t);
  int n = push_args(ctx, t, "_timerArgs");
  petrel_make_callback(ctx, n);
  return 0;
}

void timers_run(duk_context *ctx, double now_ms)
{
  struct fire fr = { now_ms, 0 };
  while (tq_len > 0 && tq[0].when <= now_ms) {
    fr.started = 0;
    petrel_protected(ctx, fire_timer, &fr);
    if (!fr.started) break; /* no room even to start: the loop comes back */
  }
}

static duk_ret_t fire_immediate(duk_context *ctx, void *udata)
{
  int *started = udata;
  duk_require_stack(ctx, 16);
  duk_idx_t arr = duk_get_top(ctx), im = arr + 1;
  duk_push_heapptr(ctx, iq_arr);
  duk_get_prop_index(ctx, arr, (duk_uarridx_t)iq_head);
  duk_push_undefined(ctx);
  duk_put_prop_index(ctx, arr, (duk_uarridx_t)iq_head);
  iq_head++;
  *started = 1;
  if (duk_is_array(ctx, im)) { /* the runtime's own (timers_queue_immediate) */
    if (iq_refed) iq_refed--;
    sync_immediates();
    duk_size_t len = duk_get_length(ctx, im);
    duk_get_prop_index(ctx, im, 0);
    duk_push_undefined(ctx);
    for (duk_size_t i = 1; i < len; i++) duk_get_prop_index(ctx, im, (duk_uarridx_t)i);
    petrel_make_callback(ctx, (duk_idx_t)(len - 1));
    return 0;
  }
  int f = get_flags(ctx, im, IFLAGS);
  if (f < 0 || !(f & F_QUEUED)) return 0; /* cleared */
  set_hidden(ctx, im, IFLAGS, f & ~F_QUEUED);
  if ((f & F_REFED) && iq_refed) iq_refed--;
  sync_immediates();
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, im, "_destroyed");
  duk_get_prop_literal(ctx, im, "_onImmediate");
  duk_dup(ctx, im);
  int n = push_args(ctx, im, "_argv");
  petrel_make_callback(ctx, n);
  return 0;
}

/* After a batch: the immediates queued meanwhile move to the front; a drained
 * queue that grew large gets a fresh array (a Duktape array never shrinks). */
static duk_ret_t tidy(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_require_stack(ctx, 8);
  if (iq_head > 0) {
    size_t n = iq_tail - iq_head;
    for (size_t i = 0; i < n; i++) {
      duk_push_heapptr(ctx, iq_arr);
      duk_get_prop_index(ctx, -1, (duk_uarridx_t)(iq_head + i));
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
      duk_pop(ctx);
      put_slot(ctx, iq_arr, iq_head + i, NULL);
    }
    iq_head = 0;
    iq_tail = n;
  }
  if (iq_tail == 0 && iq_arr_len > 64) {
    duk_push_global_stash(ctx);
    duk_push_array(ctx);
    void *p = duk_get_heapptr(ctx, -1);
    duk_put_prop_literal(ctx, -2, IQ_KEY);
    iq_arr = p;
    iq_arr_len = 0;
  }
  if (tq_len == 0 && tq_arr_len > 64) {
    duk_push_global_stash(ctx);
    duk_push_array(ctx);
    void *p = duk_get_heapptr(ctx, -1);
    duk_put_prop_literal(ctx, -2, TQ_KEY);
    tq_arr = p;
    tq_arr_len = 0;
    duk_free(ctx, tq);
    tq = NULL;
    tq_cap = 0;
  }
  return 0;
}

/* A soft reset (runtime/repl_run.c): every timer and immediate dropped, the queues
 * made anew (their objects are left to the collector). */
void timers_clear_all(duk_context *ctx)
{
  if (!tq_arr) return; /* timers not installed */
  duk_push_global_stash(ctx);
  duk_push_array(ctx);
  tq_arr = duk_get_heapptr(ctx, -1);
  duk_put_prop_literal(ctx, -2, TQ_KEY);
  duk_push_array(ctx);
  iq_arr = duk_get_heapptr(ctx, -1);
  duk_put_prop_literal(ctx, -2, IQ_KEY);
  duk_push_bare_object(ctx);
  duk_put_prop_literal(ctx, -2, BYID_KEY);
  duk_pop(ctx);
  duk_free(ctx, tq);
  tq = NULL;
  tq_len = tq_cap = tq_refed = 0;
  tq_arr_len = 0;
  iq_head = iq_tail = iq_refed = 0;
  iq_arr_len = 0;
  sync_timer();
  sync_immediates();
}

void timers_run_immediates(duk_context *ctx)
{
  size_t end = iq_tail; /* those queued by these callbacks run on the next turn */
  while (iq_head < end) {
    int started = 0;
    petrel_protected(ctx, fire_immediate, &started);
    if (!started) break;
  }
  duk_safe_call(ctx, tidy, NULL, 0, 1); /* on a full heap it tries again next time */
  duk_pop(ctx);
  sync_immediates();
}

/* ---- the binding ---- */

static void put_method(duk_context *ctx, duk_idx_t obj, const char *name, int nargs, int magic)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_c_lightfunc(ctx, t_method, nargs, nargs, magic);
  duk_put_prop_string(ctx, obj, name);
}

/* [...] -> [... fn]: a native function with a name (and length), as Node's are. */
static void push_named(duk_context *ctx, duk_c_function fn, duk_idx_t nargs, int length, int magic, const char *name)
{
  duk_push_c_function(ctx, fn, nargs);
  duk_set_magic(ctx, -1, magic);
  duk_push_literal(ctx, "name");
  duk_push_string(ctx, name);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
  if (nargs == DUK_VARARGS) {
    duk_push_literal(ctx, "length");
    duk_push_int(ctx, length);
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
  }
}

/* A class: [...] -> [... ctor], its prototype in the stash. */
static void make_class(duk_context *ctx, duk_c_function ctor, duk_idx_t nargs, const char *name, const char *stash_key)
{
  push_named(ctx, ctor, nargs, nargs, 0, name); /* ctor */
  duk_push_object(ctx);                         /* proto */
  duk_push_literal(ctx, "constructor");
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_literal(ctx, "prototype");
  duk_dup(ctx, -2);
  duk_def_prop(ctx, -4, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_FORCE);
  duk_push_global_stash(ctx);
  duk_dup(ctx, -2);
  duk_put_prop_string(ctx, -2, stash_key);
  duk_pop_2(ctx); /* ctor */
}

/* install(fail, toPrimitive): timers.js's exports, fail kept for the errors. */
static duk_ret_t timers_install(duk_context *ctx)
{
  duk_require_function(ctx, 0);
  duk_push_global_stash(ctx); /* 2 */
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, 2, FAIL_KEY);
  duk_push_bare_object(ctx);
  duk_put_prop_literal(ctx, 2, BYID_KEY);
  duk_push_array(ctx);
  tq_arr = duk_get_heapptr(ctx, -1);
  duk_put_prop_literal(ctx, 2, TQ_KEY);
  duk_push_array(ctx);
  iq_arr = duk_get_heapptr(ctx, -1);
  duk_put_prop_literal(ctx, 2, IQ_KEY);
  /* A fresh VM (the unit tests make several): the old heap's blocks went with it. */
  tq = NULL;
  tq_len = tq_cap = tq_refed = tq_arr_len = 0;
  iq_head = iq_tail = iq_refed = iq_arr_len = 0;
  sync_timer();
  sync_immediates();

  duk_push_object(ctx); /* 3: exports */
  push_named(ctx, t_set, DUK_VARARGS, 2, 0, "setTimeout");
  duk_put_prop_literal(ctx, 3, "setTimeout");
  push_named(ctx, t_set, DUK_VARARGS, 2, 1, "setInterval");
  duk_put_prop_literal(ctx, 3, "setInterval");
  push_named(ctx, t_clear, 1, 1, 0, "clearTimeout");
  duk_dup_top(ctx);
  duk_put_prop_literal(ctx, 3, "clearTimeout");
  duk_put_prop_literal(ctx, 3, "clearInterval");
  push_named(ctx, i_set, DUK_VARARGS, 1, 0, "setImmediate");
  duk_put_prop_literal(ctx, 3, "setImmediate");
  push_named(ctx, i_clear, 1, 1, 0, "clearImmediate");
  duk_put_prop_literal(ctx, 3, "clearImmediate");

  make_class(ctx, timeout_ctor, 4, "Timeout", TPROTO_KEY);
  duk_put_prop_literal(ctx, 3, "Timeout");
  push_stash(ctx, TPROTO_KEY);
  put_method(ctx, -1, "ref", 0, M_REF);
  put_method(ctx, -1, "unref", 0, M_UNREF);
  put_method(ctx, -1, "hasRef", 0, M_HASREF);
  put_method(ctx, -1, "refresh", 0, M_REFRESH);
  put_method(ctx, -1, "close", 0, M_CLOSE);
  if (duk_is_symbol(ctx, 1)) {
    duk_dup(ctx, 1);
    duk_push_c_lightfunc(ctx, t_method, 1, 1, M_PRIMITIVE);
    duk_put_prop(ctx, -3);
  }
  duk_pop(ctx);
  make_class(ctx, immediate_ctor, 2, "Immediate", IPROTO_KEY);
  duk_pop(ctx); /* not exported: reached as .constructor */
  push_stash(ctx, IPROTO_KEY);
  put_method(ctx, -1, "ref", 0, M_REF | M_IMMEDIATE);
  put_method(ctx, -1, "unref", 0, M_UNREF | M_IMMEDIATE);
  put_method(ctx, -1, "hasRef", 0, M_HASREF | M_IMMEDIATE);
  duk_pop(ctx);
  duk_dup(ctx, 3);
  return 1;
}

static const duk_function_list_entry timers_funcs[] = { { "install", timers_install, 2 }, { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_LIST(timers, timers_funcs);

/* Node's names for Timeout's and Immediate's methods (lightfunc_names.h). */
static const char *timer_method_name(duk_c_function fn, int magic)
{
  if (fn != t_method) return NULL;
  switch (magic & ~M_IMMEDIATE) {
    case M_REF: return "ref";
    case M_UNREF: return "unref";
    case M_HASREF: return "hasRef";
    case M_REFRESH: return "refresh";
    case M_CLOSE: return "close";
    case M_PRIMITIVE: return ""; /* as in Node */
    default: return NULL;
  }
}
PETREL_LIGHTFUNC_LOOKUP(timers, timer_method_name);

duk_ret_t petrel_binding_timers(duk_context *ctx)
{
  duk_push_object(ctx);
  petrel_put_functions(ctx, -1, timers_funcs);
  return 1;
}
