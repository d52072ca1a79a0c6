/*
 * Promise, queueMicrotask and the microtask queue, in C (#18): ES2020 semantics
 * without subclassing (the statics and `then` always make plain Promises; `this`
 * of Promise.resolve & co. is ignored). A promise is an ordinary object whose
 * prototype is Promise.prototype, its state on hidden keys: PS (state and flags),
 * PV (value or reason), PR (the reactions while pending: onFulfilled, onRejected,
 * derived promise, three slots each). The prototype's methods and the statics are
 * light functions; what must close over state (the resolving functions a executor
 * gets, the element functions of all/allSettled/any, finally's wrappers) are small
 * native functions holding it on hidden keys.
 *
 * Jobs wait in one stash array, four slots a job (a settled promise's reactions are one job), run by petrel_run_microtasks,
 * which runtime/callback.c calls after the nextTick queue (Node's order: ticks,
 * then every microtask, again until both are empty), then the unhandled
 * rejections are processed (petrel_process_rejections) as Node 20 does.
 */
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "bindings.h"

#include "promise_internal.h"

#define JOB_SLOTS 4

static duk_uarridx_t job_head, job_tail;

void promise_push_stashed(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, key);
  duk_remove(ctx, -2);
}

static void build_promise(duk_context *ctx);

/* The stashed constructor or prototype (key), made on first use: [...] -> [... value] */
static void push_promise_part(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  if (!duk_get_prop_string(ctx, -1, key)) {
    duk_pop(ctx);
    build_promise(ctx);
    duk_pop(ctx);
    duk_get_prop_string(ctx, -1, key);
  }
  duk_remove(ctx, -2);
}

/* The stash's array under key, made on first use: [...] -> [... arr] */
void promise_push_stashed_array(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  if (!duk_get_prop_string(ctx, -1, key)) {
    duk_pop(ctx);
    duk_push_array(ctx);
    duk_dup_top(ctx);
    duk_put_prop_string(ctx, -3, key);
  }
  duk_remove(ctx, -2);
}

int promise_get_state(duk_context *ctx, duk_idx_t p)
{
  duk_get_prop_literal(ctx, p, PS);
  int s = duk_get_int(ctx, -1);
  duk_pop(ctx);
  return s;
}

void promise_set_state(duk_context *ctx, duk_idx_t p, int s)
{
  p = duk_normalize_index(ctx, p);
  duk_push_int(ctx, s);
  duk_put_prop_literal(ctx, p, PS);
}

static int is_promise(duk_context *ctx, duk_idx_t idx)
{
  if (!duk_is_object(ctx, idx)) return 0;
  int yes = duk_get_prop_literal(ctx, idx, PS) && duk_is_number(ctx, -1);
  duk_pop(ctx);
  return yes;
}

int petrel_is_promise(duk_context *ctx, duk_idx_t idx) { return is_promise(ctx, idx); }

/* [...] -> [... promise], pending */
static void push_new_promise(duk_context *ctx)
{
  duk_push_object(ctx);
  push_promise_part(ctx, PROTO_KEY);
  duk_set_prototype(ctx, -2);
  promise_set_state(ctx, -1, ST_PENDING);
}

/* ---- the job queue ---- */

/* Queues a job of kind with the values at a, b, c (DUK_INVALID_INDEX: undefined). Every slot is
 * stored before the job counts: on a full heap a store may throw. */
static void enqueue(duk_context *ctx, int kind, duk_idx_t a, duk_idx_t b, duk_idx_t c)
{
  duk_idx_t idx[3] = { a, b, c };
  for (int i = 0; i < 3; i++)
    if (idx[i] != DUK_INVALID_INDEX) idx[i] = duk_normalize_index(ctx, idx[i]);
  promise_push_stashed_array(ctx, QUEUE_KEY);
  duk_uarridx_t at = job_tail * JOB_SLOTS;
  for (int i = 0; i < 3; i++) {
    if (idx[i] != DUK_INVALID_INDEX)
      duk_dup(ctx, idx[i]);
    else
      duk_push_undefined(ctx);
    duk_put_prop_index(ctx, -2, at + 1 + (duk_uarridx_t)i);
  }
  duk_push_int(ctx, kind);
  duk_put_prop_index(ctx, -2, at);
  duk_pop(ctx);
  job_tail++;
  petrel_ticks_pending(); /* the drain after this callback (runtime/callback.c) */
}

/* ---- settling ---- */

/* Fulfils or rejects the pending promise at p with the value at v. */
static void settle(duk_context *ctx, duk_idx_t p, duk_idx_t v, int state)
{
  p = duk_normalize_index(ctx, p);
  v = duk_normalize_index(ctx, v);
  int s = promise_get_state(ctx, p);
  if ((s & ST_MASK) != ST_PENDING) return;
  duk_get_prop_literal(ctx, p, PR); /* [... reactions] */
  duk_dup(ctx, v);
  duk_put_prop_literal(ctx, p, PV);
  promise_set_state(ctx, p, s | state);
  duk_del_prop_literal(ctx, p, PR);
  /* The reactions' jobs, queued one after another as the spec queues them, are one
   * job here: the same order, and settling needs room for one job, not one per reaction. */
  if (duk_is_array(ctx, -1)) {
    duk_push_int(ctx, state);
    enqueue(ctx, J_BATCH, -2, -1, v);
    duk_pop(ctx);
  }
  duk_pop(ctx);
  if (state == ST_REJECTED && !(s & F_HANDLED)) promise_note_rejection(ctx, p, UNHANDLED_KEY);
}

static duk_ret_t get_then(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_get_prop_literal(ctx, -1, "then");
  return 1;
}

/* The promise resolve functions' steps: the promise at p takes the value at x. */
static void resolve_promise(duk_context *ctx, duk_idx_t p, duk_idx_t x)
{
  p = duk_normalize_index(ctx, p);
  x = duk_normalize_index(ctx, x);
  if (duk_strict_equals(ctx, p, x)) {
    duk_push_error_object(ctx, DUK_ERR_TYPE_ERROR, "Chaining cycle detected for promise #<Promise>");
    settle(ctx, p, -1, ST_REJECTED);
    duk_pop(ctx);
    return;
  }
  if (!duk_check_type_mask(ctx, x, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_LIGHTFUNC | DUK_TYPE_MASK_BUFFER)) {
    settle(ctx, p, x, ST_FULFILLED);
    return;
  }
  duk_dup(ctx, x);
  if (duk_safe_call(ctx, get_then, NULL, 1, 1) != DUK_EXEC_SUCCESS) { /* a throwing getter rejects */
    settle(ctx, p, -1, ST_REJECTED);
  } else if (!duk_is_callable(ctx, -1)) {
    settle(ctx, p, x, ST_FULFILLED);
  } else {
    enqueue(ctx, J_THENABLE, p, x, -1); /* then is read once, called in a job */
  }
  duk_pop(ctx);
}

/* ---- resolving functions: resolve (magic 0) holds the promise (A) and whether
 * either was called (B); reject (magic 1) holds resolve (A). ---- */

static duk_ret_t resolving_fn(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx);
  if (duk_get_current_magic(ctx) == 1) {
    duk_get_prop_literal(ctx, -1, FN_A);
    duk_remove(ctx, -2);
  } /* [v resolve] */
  if (duk_get_prop_literal(ctx, 1, FN_B) && duk_to_boolean(ctx, -1)) return 0;
  duk_pop(ctx);
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, 1, FN_B);
  duk_get_prop_literal(ctx, 1, FN_A); /* [v resolve p] */
  if (duk_get_current_magic(ctx) == 1)
    settle(ctx, 2, 0, ST_REJECTED);
  else
    resolve_promise(ctx, 2, 0);
  return 0;
}

/* [...] -> [... resolve reject] for the promise at p */
static void push_resolving_functions(duk_context *ctx, duk_idx_t p)
{
  p = duk_normalize_index(ctx, p);
  duk_push_c_function(ctx, resolving_fn, 1);
  duk_dup(ctx, p);
  duk_put_prop_literal(ctx, -2, FN_A);
  duk_push_c_function(ctx, resolving_fn, 1);
  duk_set_magic(ctx, -1, 1);
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, FN_A);
}

/* ---- subclasses: a derived promise made by `new C(executor)` ---- */

/* The capability's executor: keeps the resolve (A) and reject (B) functions C gives it. */
static duk_ret_t capability_executor(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  duk_push_current_function(ctx);
  for (int i = 0; i < 2; i++) {
    if (duk_get_prop_string(ctx, 2, i ? FN_B : FN_A) && !duk_is_undefined(ctx, -1))
      return duk_type_error(ctx, "Promise executor has already been invoked with non-undefined arguments");
    duk_pop(ctx);
  }
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, 2, FN_A);
  duk_dup(ctx, 1);
  duk_put_prop_literal(ctx, 2, FN_B);
  return 0;
}

/* NewPromiseCapability(C) for the constructor at c: [...] -> [... promise capability].
 * The capability (the executor function) stands for the promise where a derived promise
 * is settled (target_settle). */
static void push_capability(duk_context *ctx, duk_idx_t c)
{
  c = duk_normalize_index(ctx, c);
  duk_push_c_function(ctx, capability_executor, 2);
  duk_dup(ctx, c);
  duk_dup(ctx, -2);
  duk_new(ctx, 1); /* [... cap promise] */
  duk_swap_top(ctx, -2);
  for (int i = 0; i < 2; i++) {
    duk_get_prop_string(ctx, -1, i ? FN_B : FN_A);
    if (!duk_is_callable(ctx, -1)) (void)duk_type_error(ctx, "Promise resolve or reject function is not callable");
    duk_pop(ctx);
  }
}

/* Settles the target at t (a promise of the runtime's, or a subclass's capability) with
 * the value at v: resolved, or rejected. */
static void target_settle(duk_context *ctx, duk_idx_t t, duk_idx_t v, int rejected)
{
  t = duk_normalize_index(ctx, t);
  v = duk_normalize_index(ctx, v);
  if (!duk_is_function(ctx, t)) {
    if (rejected)
      settle(ctx, t, v, ST_REJECTED);
    else
      resolve_promise(ctx, t, v);
    return;
  }
  duk_get_prop_string(ctx, t, rejected ? FN_B : FN_A);
  duk_push_undefined(ctx);
  duk_dup(ctx, v);
  duk_call_method(ctx, 1);
  duk_pop(ctx);
}

/* The constructor at c, when it is one other than the runtime's Promise: 1 (it stays
 * on the stack) or 0 (nothing pushed). */
static int keep_subclass(duk_context *ctx, duk_idx_t c)
{
  c = duk_normalize_index(ctx, c);
  if (!duk_is_object(ctx, c) || !duk_is_constructable(ctx, c)) return 0;
  push_promise_part(ctx, CTOR_KEY);
  int same = duk_strict_equals(ctx, -1, c);
  duk_pop(ctx);
  if (same) return 0;
  duk_dup(ctx, c);
  return 1;
}

/* The receiver of a static method (resolve, reject, the combinators) at c must be a
 * constructor, as on node: name is the method's, in node's message. */
static void require_ctor_receiver(duk_context *ctx, duk_idx_t c, const char *name)
{
  if (!duk_is_object(ctx, c)) (void)duk_type_error(ctx, "%s called on non-object", name);
  if (!duk_is_constructable(ctx, c)) (void)duk_type_error(ctx, "%s called on a non-constructor", name);
}

/* SpeciesConstructor(p, %Promise%) for the promise at p: 1 with the constructor pushed
 * when it is a subclass's, 0 for the runtime's own. */
static int push_species(duk_context *ctx, duk_idx_t p)
{
  p = duk_normalize_index(ctx, p);
  duk_get_prop_literal(ctx, p, "constructor");
  if (duk_is_undefined(ctx, -1)) {
    duk_pop(ctx);
    return 0;
  }
  if (!duk_is_object(ctx, -1)) (void)duk_type_error(ctx, "The .constructor property is not an object");
  duk_get_prop_literal(ctx, -1, DUK_WELLKNOWN_SYMBOL("Symbol.species"));
  duk_remove(ctx, -2);
  if (duk_is_null_or_undefined(ctx, -1)) {
    duk_pop(ctx);
    return 0;
  }
  if (!duk_is_constructable(ctx, -1)) (void)duk_type_error(ctx, "object.constructor[Symbol.species] is not a constructor");
  int sub = keep_subclass(ctx, -1);
  duk_remove(ctx, sub ? -2 : -1);
  return sub;
}

/* get Promise[Symbol.species]: this */
static duk_ret_t promise_species(duk_context *ctx)
{
  duk_push_this(ctx);
  return 1;
}

/* ---- then ---- */

/* The promise at p gets the reactions onFulfilled (f), onRejected (r) settling the
 * promise at d; f and r that are not callable pass the value on. */
static void perform_then(duk_context *ctx, duk_idx_t p, duk_idx_t f, duk_idx_t r, duk_idx_t d)
{
  p = duk_normalize_index(ctx, p);
  d = duk_normalize_index(ctx, d);
  duk_idx_t fi = duk_normalize_index(ctx, f), ri = duk_normalize_index(ctx, r);
  if (duk_is_callable(ctx, fi))
    duk_dup(ctx, fi);
  else
    duk_push_undefined(ctx);
  if (duk_is_callable(ctx, ri))
    duk_dup(ctx, ri);
  else
    duk_push_undefined(ctx);
  duk_idx_t fn = duk_get_top(ctx) - 2; /* [... f r] */
  int s = promise_get_state(ctx, p);
  if ((s & ST_MASK) == ST_PENDING) {
    if (!duk_get_prop_literal(ctx, p, PR)) {
      duk_pop(ctx);
      duk_push_array(ctx);
      duk_dup_top(ctx);
      duk_put_prop_literal(ctx, p, PR);
    }
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, -1);
    duk_dup(ctx, d);
    duk_put_prop_index(ctx, -2, n + 2);
    duk_dup(ctx, fn + 1);
    duk_put_prop_index(ctx, -2, n + 1);
    duk_dup(ctx, fn);
    duk_put_prop_index(ctx, -2, n);
    duk_pop(ctx);
  } else {
    duk_get_prop_literal(ctx, p, PV);
    if ((s & ST_MASK) == ST_FULFILLED) {
      enqueue(ctx, J_FULFILL, fn, d, -1);
    } else {
      enqueue(ctx, J_REJECT, fn + 1, d, -1);
      if ((s & F_WARNED) && !(s & F_HANDLED)) { /* 'rejectionHandled' at the next processing */
        promise_note_rejection(ctx, p, REHANDLED_KEY);
      }
    }
    duk_pop(ctx);
  }
  if (!(s & F_HANDLED)) promise_set_state(ctx, p, promise_get_state(ctx, p) | F_HANDLED);
  duk_set_top(ctx, fn);
}

/* [...] -> [... text]: the value at idx as V8 names it in a TypeError */
static void push_receiver_text(duk_context *ctx, duk_idx_t idx)
{
  if (duk_is_object(ctx, idx) || duk_is_lightfunc(ctx, idx)) {
    duk_push_literal(ctx, "#<Object>");
  } else {
    duk_dup(ctx, idx);
    duk_safe_to_string(ctx, -1);
  }
}

static void require_promise_this(duk_context *ctx, const char *method)
{
  duk_push_this(ctx);
  if (is_promise(ctx, -1)) return;
  push_receiver_text(ctx, -1);
  (void)duk_type_error(ctx, "Method Promise.prototype.%s called on incompatible receiver %s", method,
                       duk_get_string(ctx, -1));
}

static duk_ret_t promise_then(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  require_promise_this(ctx, "then"); /* [f r this] */
  if (push_species(ctx, 2)) {        /* a subclass's: [f r this C promise capability] */
    push_capability(ctx, 3);
    perform_then(ctx, 2, 0, 1, 5);
    duk_pop(ctx);
    return 1;
  }
  push_new_promise(ctx); /* [f r this d] */
  perform_then(ctx, 2, 0, 1, 3);
  return 1;
}

static duk_ret_t promise_catch(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_this(ctx);
  duk_push_literal(ctx, "then");
  duk_push_undefined(ctx);
  duk_dup(ctx, 0);
  duk_call_prop(ctx, 1, 2);
  return 1;
}

/* Promise.resolve's steps: [... x] -> [... promise] */
static void promise_resolve_value(duk_context *ctx)
{
  if (is_promise(ctx, -1)) {
    duk_get_prop_literal(ctx, -1, "constructor");
    push_promise_part(ctx, CTOR_KEY);
    int same = duk_strict_equals(ctx, -1, -2);
    duk_pop_2(ctx);
    if (same) return;
  }
  push_new_promise(ctx);
  resolve_promise(ctx, -1, -2);
  duk_remove(ctx, -2);
}

/* finally's wrappers: magic 0 thenFinally, 1 catchFinally (A: onFinally); magic 2
 * returns, 3 throws its A (the value or reason passed on). */
static duk_ret_t finally_fn(duk_context *ctx)
{
  int m = duk_get_current_magic(ctx);
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx);
  duk_get_prop_literal(ctx, -1, FN_A); /* [v self a] */
  if (m == 2) return 1;
  if (m == 3) return duk_throw(ctx);
  duk_call(ctx, 0); /* [v self result] */
  promise_resolve_value(ctx);
  duk_push_literal(ctx, "then");
  duk_push_c_function(ctx, finally_fn, 0);
  duk_set_magic(ctx, -1, m + 2);
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, -2, FN_A);
  duk_call_prop(ctx, -3, 1);
  return 1;
}

static duk_ret_t promise_finally(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_this(ctx);
  duk_push_literal(ctx, "then");
  if (!duk_is_callable(ctx, 0)) {
    duk_dup(ctx, 0);
    duk_dup(ctx, 0);
  } else {
    for (int m = 0; m < 2; m++) {
      duk_push_c_function(ctx, finally_fn, 1);
      duk_set_magic(ctx, -1, m);
      duk_dup(ctx, 0);
      duk_put_prop_literal(ctx, -2, FN_A);
    }
  }
  duk_call_prop(ctx, 1, 2);
  return 1;
}

/* ---- the constructor and the statics ---- */

static duk_ret_t promise_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx)) return duk_type_error(ctx, "Promise constructor cannot be invoked without 'new'");
  duk_set_top(ctx, 1);
  if (!duk_is_callable(ctx, 0)) {
    push_receiver_text(ctx, 0);
    return duk_type_error(ctx, "Promise resolver %s is not a function", duk_get_string(ctx, -1));
  }
  duk_push_this(ctx); /* [executor this] */
  promise_set_state(ctx, 1, ST_PENDING);
  duk_dup(ctx, 0);
  duk_push_undefined(ctx);
  push_resolving_functions(ctx, 1); /* [executor this executor undefined resolve reject] */
  duk_dup(ctx, -1);
  duk_insert(ctx, 2); /* [executor this reject executor undefined resolve reject] */
  if (duk_pcall_method(ctx, 2) != DUK_EXEC_SUCCESS) { /* [executor this reject err] */
    duk_push_undefined(ctx);
    duk_insert(ctx, -2);
    duk_call_method(ctx, 1);
  }
  return 0;
}

/* Promise.resolve and reject (magic 1) on a subclass (`this`, at 1): its promise,
 * through its constructor; resolve returns a promise whose constructor is `this`. */
static duk_ret_t subclass_resolve(duk_context *ctx, int rejected)
{
  if (!rejected && is_promise(ctx, 0)) {
    duk_get_prop_literal(ctx, 0, "constructor");
    int same = duk_strict_equals(ctx, -1, 1);
    duk_pop(ctx);
    if (same) {
      duk_dup(ctx, 0);
      return 1;
    }
  }
  push_capability(ctx, 1); /* [x C promise cap] */
  target_settle(ctx, 3, 0, rejected);
  duk_pop(ctx);
  return 1;
}

static duk_ret_t promise_static_resolve(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_this(ctx);
  require_ctor_receiver(ctx, 1, "PromiseResolve");
  if (keep_subclass(ctx, 1)) return subclass_resolve(ctx, 0);
  duk_set_top(ctx, 1);
  promise_resolve_value(ctx);
  return 1;
}

static duk_ret_t promise_static_reject(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_this(ctx);
  require_ctor_receiver(ctx, 1, "PromiseReject");
  if (keep_subclass(ctx, 1)) return subclass_resolve(ctx, 1);
  duk_set_top(ctx, 1);
  push_new_promise(ctx);
  settle(ctx, 1, 0, ST_REJECTED);
  return 1;
}

/* The iterable at idx as an array: [...] -> [... arr]. Arrays, array-likes and
 * strings by index; other objects through Symbol.iterator. */
static void push_list(duk_context *ctx, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  if (duk_is_array(ctx, idx) || duk_is_string(ctx, idx)) {
    duk_push_array(ctx);
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, idx);
    for (duk_uarridx_t i = 0; i < n; i++) {
      duk_get_prop_index(ctx, idx, i);
      duk_put_prop_index(ctx, -2, i);
    }
    return;
  }
  if (duk_is_object(ctx, idx)) {
    duk_get_prop_literal(ctx, idx, DUK_WELLKNOWN_SYMBOL("Symbol.iterator"));
    if (duk_is_callable(ctx, -1)) {
      duk_dup(ctx, idx);
      duk_call_method(ctx, 0); /* [... it] */
      duk_push_array(ctx);
      for (duk_uarridx_t i = 0;; i++) {
        duk_push_literal(ctx, "next");
        duk_call_prop(ctx, -3, 0);
        if (!duk_is_object(ctx, -1)) (void)duk_type_error(ctx, "Iterator result is not an object");
        duk_get_prop_literal(ctx, -1, "done");
        if (duk_to_boolean(ctx, -1)) {
          duk_pop_2(ctx);
          break;
        }
        duk_pop(ctx);
        duk_get_prop_literal(ctx, -1, "value");
        duk_remove(ctx, -2);
        duk_put_prop_index(ctx, -2, i);
      }
      duk_remove(ctx, -2);
      return;
    }
    duk_pop(ctx);
  }
  (void)petrel_throw_not_iterable(ctx, idx);
}

/* The record of a combinator (hidden keys): A the values array, B the count of
 * elements still pending, C the promise made. Element functions hold the record
 * (A), their index (B) and whether they were called (C). */
enum { C_ALL, C_SETTLED_OK, C_SETTLED_ERR, C_ANY };

static void aggregate_error(duk_context *ctx, duk_idx_t errors)
{
  errors = duk_normalize_index(ctx, errors);
  duk_push_error_object(ctx, DUK_ERR_ERROR, "All promises were rejected");
  duk_push_literal(ctx, "AggregateError");
  duk_put_prop_literal(ctx, -2, "name");
  duk_dup(ctx, errors);
  duk_put_prop_literal(ctx, -2, "errors");
}

/* One fewer pending element in the record at rec; the last one settles. */
static void record_done(duk_context *ctx, duk_idx_t rec, int kind)
{
  rec = duk_normalize_index(ctx, rec);
  duk_get_prop_literal(ctx, rec, FN_B);
  double left = duk_get_number(ctx, -1) - 1;
  duk_pop(ctx);
  duk_push_number(ctx, left);
  duk_put_prop_literal(ctx, rec, FN_B);
  if (left > 0) return;
  duk_get_prop_literal(ctx, rec, FN_C);
  duk_get_prop_literal(ctx, rec, FN_A); /* [... p values] */
  if (kind == C_ANY) {
    aggregate_error(ctx, -1);
    target_settle(ctx, -3, -1, 1);
    duk_pop(ctx);
  } else {
    target_settle(ctx, -2, -1, 0);
  }
  duk_pop_2(ctx);
}

static duk_ret_t element_fn(duk_context *ctx)
{
  int m = duk_get_current_magic(ctx);
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx); /* [x self] */
  if (duk_get_prop_literal(ctx, 1, FN_C) && duk_to_boolean(ctx, -1)) return 0;
  duk_pop(ctx);
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, 1, FN_C);
  duk_get_prop_literal(ctx, 1, FN_A); /* [x self rec] */
  duk_get_prop_literal(ctx, 1, FN_B);
  duk_uarridx_t i = (duk_uarridx_t)duk_get_uint(ctx, -1);
  duk_pop(ctx);
  duk_get_prop_literal(ctx, 2, FN_A); /* [x self rec values] */
  if (m == C_SETTLED_OK || m == C_SETTLED_ERR) {
    duk_push_object(ctx);
    duk_push_string(ctx, m == C_SETTLED_OK ? "fulfilled" : "rejected");
    duk_put_prop_literal(ctx, -2, "status");
    duk_dup(ctx, 0);
    duk_put_prop_string(ctx, -2, m == C_SETTLED_OK ? "value" : "reason");
  } else {
    duk_dup(ctx, 0);
  }
  duk_put_prop_index(ctx, 3, i);
  record_done(ctx, 2, m);
  return 0;
}

/* [...] -> [... element function] for index i of the record at rec */
static void push_element_fn(duk_context *ctx, duk_idx_t rec, duk_uarridx_t i, int kind)
{
  rec = duk_normalize_index(ctx, rec);
  duk_push_c_function(ctx, element_fn, 1);
  duk_set_magic(ctx, -1, kind);
  duk_dup(ctx, rec);
  duk_put_prop_literal(ctx, -2, FN_A);
  duk_push_uint(ctx, i);
  duk_put_prop_literal(ctx, -2, FN_B);
}

static duk_ret_t safe_push_list(duk_context *ctx, void *udata)
{
  (void)udata;
  push_list(ctx, -1);
  return 1;
}

/* magic: 0 all, 1 allSettled, 2 any, 3 race. An error reading the iterable rejects
 * the promise made. */
static duk_ret_t promise_combinator(duk_context *ctx)
{
  int m = duk_get_current_magic(ctx);
  duk_set_top(ctx, 1);
  duk_push_this(ctx);
  require_ctor_receiver(ctx, 1, m == 0 ? "Promise.all" : m == 1 ? "Promise.allSettled" : m == 2 ? "Promise.any" : "Promise.race");
  if (keep_subclass(ctx, 1)) { /* a subclass's promise, settled through its capability */
    push_capability(ctx, 2);   /* [it this C p cap] */
    duk_remove(ctx, 1);
    duk_remove(ctx, 1); /* [it p cap] */
    duk_get_prop_literal(ctx, 2, FN_A);
    duk_get_prop_literal(ctx, 2, FN_B); /* [it p cap resolve reject] */
    duk_pull(ctx, 2);                   /* [it p resolve reject target] */
  } else {
    duk_set_top(ctx, 1);
    push_new_promise(ctx);            /* [it p] */
    push_resolving_functions(ctx, 1); /* [it p resolve reject] */
    duk_dup(ctx, 1);                  /* [it p resolve reject target] */
  }
  duk_dup(ctx, 0);
  if (duk_safe_call(ctx, safe_push_list, NULL, 1, 1) != DUK_EXEC_SUCCESS) {
    duk_dup(ctx, 3);
    duk_insert(ctx, -2);
    duk_call(ctx, 1); /* reject(err) */
    duk_set_top(ctx, 2);
    return 1;
  } /* [it p resolve reject target list] */
  duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, 5);
  if (m != 3) { /* the record */
    duk_push_object(ctx);
    duk_push_array(ctx);
    duk_put_prop_literal(ctx, -2, FN_A);
    duk_push_number(ctx, (double)n + 1);
    duk_put_prop_literal(ctx, -2, FN_B);
    duk_dup(ctx, 4);
    duk_put_prop_literal(ctx, -2, FN_C);
  } else {
    duk_push_undefined(ctx);
  } /* [it p resolve reject target list rec] */
  int kind = m == 0 ? C_ALL : m == 1 ? C_SETTLED_OK : C_ANY;
  for (duk_uarridx_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, 5, i);
    promise_resolve_value(ctx); /* [... next] */
    if (m == 3) {
      duk_dup(ctx, 2);
      duk_dup(ctx, 3);
    } else if (m == 0) {
      push_element_fn(ctx, 6, i, C_ALL);
      duk_dup(ctx, 3);
    } else if (m == 1) {
      push_element_fn(ctx, 6, i, C_SETTLED_OK);
      push_element_fn(ctx, 6, i, C_SETTLED_ERR); /* one of the two is ever called */
    } else {
      duk_dup(ctx, 2);
      push_element_fn(ctx, 6, i, C_ANY);
    }
    push_new_promise(ctx); /* the derived promise nobody sees: marked handled below */
    promise_set_state(ctx, -1, ST_PENDING | F_HANDLED);
    perform_then(ctx, -4, -3, -2, -1);
    duk_set_top(ctx, 7);
  }
  if (m != 3) record_done(ctx, 6, kind);
  duk_set_top(ctx, 2);
  return 1;
}

/* ---- queueMicrotask (process.c checks the argument) ---- */

void petrel_queue_microtask(duk_context *ctx, duk_idx_t fn)
{
  enqueue(ctx, J_CALLBACK, fn, DUK_INVALID_INDEX, DUK_INVALID_INDEX);
}

/* ---- running the jobs ---- */

/* A reaction: handler a (not callable: the value passes on), derived promise b, value c */
static void run_reaction(duk_context *ctx, int kind, duk_idx_t a, duk_idx_t b, duk_idx_t c)
{
  a = duk_normalize_index(ctx, a);
  b = duk_normalize_index(ctx, b);
  c = duk_normalize_index(ctx, c);
  if (!duk_is_callable(ctx, a)) {
    target_settle(ctx, b, c, kind != J_FULFILL);
    return;
  }
  duk_dup(ctx, a);
  duk_push_undefined(ctx);
  duk_dup(ctx, c);
  target_settle(ctx, b, -1, duk_pcall_method(ctx, 1) != DUK_EXEC_SUCCESS);
  duk_pop(ctx);
}

/* One reaction of a batch: [reactions i state value] */
static duk_ret_t run_batch_reaction(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_idx_t base = duk_get_top(ctx) - 4;
  duk_uarridx_t i = (duk_uarridx_t)duk_get_uint(ctx, base + 1);
  int fulfilled = duk_get_int(ctx, base + 2) == ST_FULFILLED;
  duk_get_prop_index(ctx, base, i + (fulfilled ? 0 : 1));
  duk_get_prop_index(ctx, base, i + 2);
  run_reaction(ctx, fulfilled ? J_FULFILL : J_REJECT, -2, -1, base + 3);
  duk_set_top(ctx, base);
  duk_push_undefined(ctx);
  return 1;
}

/* One job: [kind a b c] on the value stack */
static duk_ret_t run_job(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_idx_t base = duk_get_top(ctx) - 4;
  int kind = duk_get_int(ctx, base);
  duk_idx_t a = base + 1, b = base + 2, c = base + 3;
  switch (kind) {
  case J_FULFILL:
  case J_REJECT:
    run_reaction(ctx, kind, a, b, c);
    break;
  case J_BATCH: { /* a: the reactions, b: the state, c: the value; each reaction apart */
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, a);
    for (duk_uarridx_t i = 0; i < n; i += 3) {
      duk_dup(ctx, a);
      duk_push_uint(ctx, i);
      duk_dup(ctx, b);
      duk_dup(ctx, c);
      if (duk_safe_call(ctx, run_batch_reaction, NULL, 4, 1) != DUK_EXEC_SUCCESS) petrel_fatal_exception(ctx);
      duk_pop(ctx);
    }
    break;
  }
  case J_THENABLE:
    duk_dup(ctx, c);
    duk_dup(ctx, b);
    push_resolving_functions(ctx, a); /* [then thenable resolve reject] */
    duk_dup(ctx, -1);
    duk_insert(ctx, -5); /* [reject then thenable resolve reject] */
    if (duk_pcall_method(ctx, 2) != DUK_EXEC_SUCCESS) {
      duk_push_undefined(ctx);
      duk_insert(ctx, -2);
      duk_call_method(ctx, 1);
    }
    break;
  case J_CALLBACK:
    duk_dup(ctx, a);
    duk_call(ctx, 0);
    break;
  }
  duk_set_top(ctx, base);
  duk_push_undefined(ctx);
  return 1;
}

int petrel_microtasks_pending(void) { return job_head < job_tail; }

/* Runs the queue until it is empty (jobs queued by jobs included). An error out
 * of a job (a queueMicrotask callback's, or out of memory) is an uncaught exception. */
void petrel_run_microtasks(duk_context *ctx)
{
  if (job_head >= job_tail) return;
  duk_idx_t top = duk_get_top(ctx);
  promise_push_stashed(ctx, QUEUE_KEY);
  duk_idx_t q = duk_get_top_index(ctx);
  while (job_head < job_tail) {
    duk_uarridx_t at = job_head++ * JOB_SLOTS;
    for (duk_uarridx_t k = 0; k < JOB_SLOTS; k++) {
      duk_get_prop_index(ctx, q, at + k);
      duk_push_undefined(ctx);
      duk_put_prop_index(ctx, q, at + k);
    }
    if (duk_safe_call(ctx, run_job, NULL, 4, 1) != DUK_EXEC_SUCCESS) petrel_fatal_exception(ctx);
    duk_pop(ctx);
  }
  job_head = job_tail = 0;
  duk_push_uint(ctx, 0);
  duk_put_prop_literal(ctx, q, "length");
  duk_set_top(ctx, top);
}

/* ---- set-up ---- */

static const duk_function_list_entry proto_funcs[] = {
  { "then", promise_then, 2 }, { "catch", promise_catch, 1 }, { "finally", promise_finally, 1 }, { NULL, NULL, 0 }
};
static const duk_function_list_entry static_funcs[] = {
  { "resolve", promise_static_resolve, 1 }, { "reject", promise_static_reject, 1 }, { NULL, NULL, 0 }
};
static const char *const combinators[] = { "all", "allSettled", "any", "race" };

PETREL_LIGHTFUNC_LIST(promise_proto, proto_funcs);
PETREL_LIGHTFUNC_LIST(promise_static, static_funcs);
static const petrel_lf_name promise_names[] = { { "all", promise_combinator, 0 },
                                                { "allSettled", promise_combinator, 1 },
                                                { "any", promise_combinator, 2 },
                                                { "race", promise_combinator, 3 },
                                                { "get [Symbol.species]", promise_species, 0 },
                                                { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(promise, promise_names);

/* The constructor and its prototype, made and stashed: [...] -> [... ctor] */
static void build_promise(duk_context *ctx)
{
  duk_push_c_function(ctx, promise_ctor, 1); /* [ctor] */
  duk_push_object(ctx);                      /* [ctor proto] */
  petrel_put_functions(ctx, -1, proto_funcs);
  duk_push_literal(ctx, DUK_WELLKNOWN_SYMBOL("Symbol.toStringTag"));
  duk_push_literal(ctx, "Promise");
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                          DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_literal(ctx, "constructor");
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                          DUK_DEFPROP_SET_CONFIGURABLE);
  duk_dup_top(ctx);
  duk_push_global_stash(ctx);
  duk_insert(ctx, -2);
  duk_put_prop_literal(ctx, -2, PROTO_KEY);
  duk_pop(ctx);
  duk_push_literal(ctx, "prototype");
  duk_insert(ctx, -2);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                          DUK_DEFPROP_CLEAR_CONFIGURABLE);
  petrel_put_functions(ctx, -1, static_funcs);
  for (int i = 0; i < 4; i++) {
    duk_push_c_lightfunc(ctx, promise_combinator, 1, 1, i);
    duk_put_prop_string(ctx, -2, combinators[i]);
  }
  duk_push_literal(ctx, DUK_WELLKNOWN_SYMBOL("Symbol.species")); /* subclasses' then: their own */
  duk_push_c_lightfunc(ctx, promise_species, 0, 0, 0);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_literal(ctx, "name");
  duk_push_literal(ctx, "Promise");
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_dup_top(ctx);
  duk_push_global_stash(ctx);
  duk_insert(ctx, -2);
  duk_put_prop_literal(ctx, -2, CTOR_KEY);
  duk_pop(ctx);
}

/* [...] -> [... Promise]: the constructor, made on first use (global.Promise is an
 * accessor until then: runtime/lazy_globals.c) */
void petrel_promise_push_ctor(duk_context *ctx, int unused)
{
  (void)unused;
  push_promise_part(ctx, CTOR_KEY);
}

/* process.binding('promise'): the runtime's own Promise constructor (what the built-in
 * modules make promises with, whatever user code did to the global), made if it was not. */
duk_ret_t petrel_binding_promise(duk_context *ctx)
{
  push_promise_part(ctx, CTOR_KEY);
  return 1;
}
