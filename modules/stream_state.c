/* Helpers of the streams in C (modules/stream_writable*.c): fields of a state
 * object read and written as JS does (truthiness, numbers), calls into JS
 * (methods, process.nextTick, shared.errorOrDestroy) and the errors that
 * internal/stream_writable.js makes (fail). */
#include "stream_state.h"

void st_push_helper(duk_context *ctx, const char *name)
{
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, HELPERS_KEY);
  duk_get_prop_string(ctx, -1, name);
  duk_remove(ctx, -2);
  duk_remove(ctx, -2);
}

/* Pushes fail(kind, what) (what NULL: undefined). */
void st_push_error(duk_context *ctx, int kind, const char *what)
{
  st_push_helper(ctx, "fail");
  duk_push_int(ctx, kind);
  if (what) duk_push_string(ctx, what);
  else duk_push_undefined(ctx);
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
  duk_get_prop_string(ctx, obj, key);
  int v = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  return v;
}

double st_num(duk_context *ctx, duk_idx_t obj, const char *key)
{
  duk_get_prop_string(ctx, obj, key);
  double v = duk_get_number(ctx, -1);
  duk_pop(ctx);
  return v;
}

void st_put_bool(duk_context *ctx, duk_idx_t obj, const char *key, int v)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_boolean(ctx, v);
  duk_put_prop_string(ctx, obj, key);
}

void st_put_num(duk_context *ctx, duk_idx_t obj, const char *key, double v)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_number(ctx, v);
  duk_put_prop_string(ctx, obj, key);
}

void st_put_dup(duk_context *ctx, duk_idx_t obj, const char *key, duk_idx_t val)
{
  obj = duk_normalize_index(ctx, obj);
  duk_dup(ctx, val);
  duk_put_prop_string(ctx, obj, key);
}

void st_add_num(duk_context *ctx, duk_idx_t obj, const char *key, double d)
{
  st_put_num(ctx, obj, key, st_num(ctx, obj, key) + d);
}

int st_is_function(duk_context *ctx, duk_idx_t idx)
{
  return duk_is_function(ctx, idx) || duk_is_lightfunc(ctx, idx);
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

/* obj.name(the n values on top): pops them and the result. */
void st_call_method(duk_context *ctx, duk_idx_t obj, const char *name, duk_idx_t n)
{
  obj = duk_normalize_index(ctx, obj);
  duk_get_prop_string(ctx, obj, name);
  duk_dup(ctx, obj);
  duk_insert(ctx, -2 - n);
  duk_insert(ctx, -2 - n);
  duk_call_method(ctx, n);
  duk_pop(ctx);
}

void st_emit(duk_context *ctx, duk_idx_t stream, const char *event)
{
  duk_push_string(ctx, event);
  st_call_method(ctx, stream, "emit", 1);
}

/* shared.errorOrDestroy(stream, the error on top, sync): pops the error. */
void st_error_or_destroy(duk_context *ctx, duk_idx_t stream, int sync)
{
  stream = duk_normalize_index(ctx, stream);
  st_push_helper(ctx, "errorOrDestroy");
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

