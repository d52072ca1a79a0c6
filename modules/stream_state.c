/* Helpers of the streams in C (modules/stream_writable*.c): fields of a state
 * object read and written as JS does (truthiness, numbers), calls into JS
 * (methods, process.nextTick, shared.errorOrDestroy) and the errors that
 * internal/stream_writable.js makes (fail). */
#include <math.h>
#include <string.h>
#include "stream_state.h"
#include "bindings.h"

void st_push_helper(duk_context *ctx, const char *name)
{
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, HELPERS_KEY);
  petrel_get_prop_static(ctx, -1, name);
  duk_remove(ctx, -2);
  duk_remove(ctx, -2);
}

/* Pushes fail(kind, what) (what NULL: undefined). */
void st_push_error(duk_context *ctx, int kind, const char *what)
{
  st_push_helper(ctx, "fail");
  duk_push_int(ctx, kind);
  if (what)
    duk_push_string(ctx, what);
  else
    duk_push_undefined(ctx);
  duk_call(ctx, 2);
}

/* Pushes fail(kind, the value at idx). */
void st_push_fail(duk_context *ctx, int kind, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  st_push_helper(ctx, "fail");
  duk_push_int(ctx, kind);
  duk_dup(ctx, idx);
  duk_call(ctx, 2);
}

/* The value at idx as JS tests it (left unchanged, unlike duk_to_boolean). */
int st_truthy(duk_context *ctx, duk_idx_t idx)
{
  duk_dup(ctx, idx);
  int v = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  return v;
}

int st_flag(duk_context *ctx, duk_idx_t obj, const char *key)
{
  int p = st_packed_get(ctx, obj, key);
  if (p >= 0) return p == 1;
  petrel_get_prop_static(ctx, obj, key);
  int v = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  return v;
}

double st_num(duk_context *ctx, duk_idx_t obj, const char *key)
{
  petrel_get_prop_static(ctx, obj, key);
  double v = duk_get_number(ctx, -1);
  duk_pop(ctx);
  return v;
}

/* The puts skip a write that would not change the field: a state's defaults
 * live on its prototype, and writing a default back (paused = false, say) would
 * give every stream an own property (~13 B each on a board) for nothing. */
static int same_value(duk_context *ctx, duk_idx_t obj, const char *key, duk_idx_t val)
{
  val = duk_normalize_index(ctx, val);
  petrel_get_prop_static(ctx, obj, key);
  int same = duk_strict_equals(ctx, -1, val);
  if (same && duk_is_number(ctx, -1)) { /* 0 and -0: not the same field */
    double a = duk_get_number(ctx, -1), b = duk_get_number(ctx, val);
    same = signbit(a) == signbit(b);
  }
  duk_pop(ctx);
  return same;
}

void st_put_bool(duk_context *ctx, duk_idx_t obj, const char *key, int v)
{
  if (st_packed_put(ctx, obj, key, !!v)) return;
  obj = duk_normalize_index(ctx, obj);
  duk_push_boolean(ctx, v);
  if (same_value(ctx, obj, key, -1))
    duk_pop(ctx);
  else
    petrel_put_prop_static(ctx, obj, key);
}

void st_put_num(duk_context *ctx, duk_idx_t obj, const char *key, double v)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_number(ctx, v);
  if (same_value(ctx, obj, key, -1))
    duk_pop(ctx);
  else
    petrel_put_prop_static(ctx, obj, key);
}

void st_put_dup(duk_context *ctx, duk_idx_t obj, const char *key, duk_idx_t val)
{
  if (duk_is_boolean(ctx, val) && st_packed_put(ctx, obj, key, duk_get_boolean(ctx, val))) return;
  if (duk_is_null_or_undefined(ctx, val) && st_packed_put(ctx, obj, key, 2)) return;
  obj = duk_normalize_index(ctx, obj);
  duk_dup(ctx, val);
  if (same_value(ctx, obj, key, -1))
    duk_pop(ctx);
  else
    petrel_put_prop_static(ctx, obj, key);
}

void st_add_num(duk_context *ctx, duk_idx_t obj, const char *key, double d)
{
  double v = st_num(ctx, obj, key) + d;
  if (d == 0 || v != v) {
    st_put_num(ctx, obj, key, v);
    return;
  }
  /* a change: no need to read the field again (same_value) */
  obj = duk_normalize_index(ctx, obj);
  duk_push_number(ctx, v);
  petrel_put_prop_static(ctx, obj, key);
}

int st_key_index(duk_context *ctx, duk_idx_t idx, const char *const *names, int n)
{
  const char *key = duk_get_string(ctx, idx);
  int i = 0;
  while (i < n && (!key || strcmp(key, names[i]) != 0)) i++;
  return i;
}

int st_is_function(duk_context *ctx, duk_idx_t idx) { return duk_is_function(ctx, idx) || duk_is_lightfunc(ctx, idx); }

/* The value at idx instanceof Buffer, by its prototype chain: duk_instanceof also
 * looks up and calls Function.prototype[Symbol.hasInstance] (~1,600 instructions
 * on linux, a fifth of a ping-pong write's). */
int st_is_buffer(duk_context *ctx, duk_idx_t idx)
{
  if (!duk_is_object(ctx, idx)) return 0;
  idx = duk_normalize_index(ctx, idx);
  /* Buffer.prototype as buffer.js registered it (finding it through the helpers
   * and its constructor was ~1,000 instructions of every socket write) */
  void *proto = petrel_buffer_prototype();
  if (!proto) {
    st_push_helper(ctx, "Buffer");
    duk_get_prop_literal(ctx, -1, "prototype");
    proto = duk_is_object(ctx, -1) ? duk_get_heapptr(ctx, -1) : NULL;
    duk_pop_2(ctx);
  }
  if (!proto) return 0;
  /* A Buffer's own prototype first (a write's chunk is one), without a walk. */
  duk_get_prototype(ctx, idx);
  int found = duk_get_heapptr(ctx, -1) == proto;
  duk_pop(ctx);
  if (found) return 1;
  duk_dup(ctx, idx);
  for (int i = 0; i < 10000 && !found; i++) { /* Duktape's own limit of a chain */
    duk_get_prototype(ctx, -1);
    duk_remove(ctx, -2);
    if (!duk_is_object(ctx, -1)) break;
    found = duk_get_heapptr(ctx, -1) == proto;
  }
  duk_pop(ctx);
  return found;
}

/* process.nextTick(fn, the n values on top): pops them. */
void st_next_tick(duk_context *ctx, duk_c_function fn, int nargs, duk_idx_t n)
{
  st_push_helper(ctx, "nextTick");
  duk_insert(ctx, -1 - n);
  duk_push_c_lightfunc(ctx, fn, nargs, nargs, 0);
  duk_insert(ctx, -1 - n);
  duk_call(ctx, n + 1);
  duk_pop(ctx);
}

/* nextTick(the function below the n values on top, those values): pops them all. */
void st_next_tick_value(duk_context *ctx, duk_idx_t n)
{
  st_push_helper(ctx, "nextTick");
  duk_insert(ctx, -2 - n);
  duk_call(ctx, n + 1);
  duk_pop(ctx);
}

/* obj.name(the n values on top): pops them and the result. An emit that is
 * EventEmitter's own runs without a call of its own (petrel_emit_native): the
 * streams emit ~4 events a connection that nobody listens to (resume, prefinish,
 * finish, readable), each a call into C that found no listener. */
void st_call_method(duk_context *ctx, duk_idx_t obj, const char *name, duk_idx_t n)
{
  obj = duk_normalize_index(ctx, obj);
  petrel_get_prop_static(ctx, obj, name);
  if (n >= 1 && name[0] == 'e' && strcmp(name, "emit") == 0 &&
      petrel_emit_native(ctx, -1, obj, -1 - n, (int)n - 1) >= 0) {
    duk_pop_n(ctx, n + 1);
    return;
  }
  duk_dup(ctx, obj);
  duk_insert(ctx, -2 - n);
  duk_insert(ctx, -2 - n);
  duk_call_method(ctx, n);
  duk_pop(ctx);
}

void st_emit(duk_context *ctx, duk_idx_t stream, const char *event)
{
  petrel_push_static(ctx, event);
  st_call_method(ctx, stream, "emit", 1);
}

/* errorOrDestroy(stream, the error on top, sync): pops the error. */
void st_error_or_destroy(duk_context *ctx, duk_idx_t stream, int sync)
{
  stream = duk_normalize_index(ctx, stream);
  duk_push_c_lightfunc(ctx, stream_error_or_destroy, 3, 3, 0);
  duk_dup(ctx, stream);
  duk_dup(ctx, -3);
  duk_push_boolean(ctx, sync);
  duk_call(ctx, 3);
  duk_pop_2(ctx);
}

/* Calls each function of the array at arr with the value on top; pops it. */
void st_call_each(duk_context *ctx, duk_idx_t arr)
{
  arr = duk_normalize_index(ctx, arr);
  duk_idx_t n = (duk_idx_t)duk_get_length(ctx, arr);
  for (duk_idx_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, arr, (duk_uarridx_t)i);
    duk_dup(ctx, -2);
    duk_call(ctx, 1);
    duk_pop(ctx);
  }
  duk_pop(ctx);
}

/* The highWaterMark of options (idx < 0: none): options[key], else
 * options.highWaterMark, else the default; a negative, NaN or non-number
 * value throws fail(F_HWM, value, key). */
double st_hwm(duk_context *ctx, duk_idx_t idx, const char *key, int object_mode)
{
  if (idx >= 0) {
    petrel_get_prop_static(ctx, idx, key);
    if (duk_is_undefined(ctx, -1)) {
      duk_pop(ctx);
      duk_get_prop_literal(ctx, idx, "highWaterMark");
    }
  } else {
    duk_push_undefined(ctx);
  }
  if (duk_is_null_or_undefined(ctx, -1)) {
    duk_pop(ctx);
    return object_mode ? 16 : 16384;
  }
  double v = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  if (!(v >= 0)) {
    st_push_helper(ctx, "fail");
    duk_push_int(ctx, F_HWM);
    duk_dup(ctx, -3);
    duk_push_string(ctx, key);
    duk_call(ctx, 3);
    (void)duk_throw(ctx);
  }
  duk_pop(ctx);
  return floor(v);
}

/* The options a state's prototype variant stands for: bit 0 emitClose === false,
 * bit 1 autoDestroy === false. */
int st_option_bits(duk_context *ctx, duk_idx_t options)
{
  static const char *const keys[] = { "emitClose", "autoDestroy" };
  int bits = 0;
  for (int i = 0; i < 2; i++) {
    petrel_get_prop_static(ctx, options, keys[i]);
    if (duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1)) bits |= 1 << i;
    duk_pop(ctx);
  }
  return bits;
}

/* Pushes the prototype for a state with those option bits: base itself, or a
 * variant inheriting from it with the fields false, made once and kept on it. */
void st_push_state_proto(duk_context *ctx, duk_idx_t base, int bits)
{
  static const char *const variant_keys[] = { NULL, DUK_HIDDEN_SYMBOL("v1"), DUK_HIDDEN_SYMBOL("v2"),
                                              DUK_HIDDEN_SYMBOL("v3") };
  base = duk_normalize_index(ctx, base);
  if (!bits) {
    duk_dup(ctx, base);
    return;
  }
  if (petrel_get_prop_static(ctx, base, variant_keys[bits])) return;
  duk_pop(ctx);
  duk_push_object(ctx);
  duk_dup(ctx, base);
  duk_set_prototype(ctx, -2);
  if (bits & 1) st_put_bool(ctx, -1, "emitClose", 0);
  if (bits & 2) st_put_bool(ctx, -1, "autoDestroy", 0);
  duk_dup_top(ctx);
  petrel_put_prop_static(ctx, base, variant_keys[bits]);
}
