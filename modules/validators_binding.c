/* internal/validators in C (process.binding('validators')): Node v20's argument
 * checks (lib/internal/validators.js semantics) as light functions. net calls
 * them on every connect and listen, so they were resident JS (~2.8 KB of heap
 * on a board); the messages still come from internal/errors, called only when
 * a check fails. Each returns undefined (validatePort: the port) or throws. */
#include <math.h>
#include "runtime.h"
#include "bindings.h"

/* Throws errors[maker](the n values on top). */
static duk_ret_t throw_error(duk_context *ctx, const char *maker, duk_idx_t n)
{
  petrel_require_builtin(ctx, "internal/errors");
  duk_get_prop_string(ctx, -1, maker);
  duk_remove(ctx, -2);
  duk_insert(ctx, -1 - n);
  duk_call(ctx, n);
  return duk_throw(ctx);
}

/* invalidArgType(name (at 1), expected, the value at 0) */
static duk_ret_t invalid_type(duk_context *ctx, const char *expected)
{
  duk_dup(ctx, 1);
  duk_push_string(ctx, expected);
  duk_dup(ctx, 0);
  return throw_error(ctx, "invalidArgType", 3);
}

static int is_string(duk_context *ctx, duk_idx_t idx) { return duk_is_string(ctx, idx) && !duk_is_symbol(ctx, idx); }

static duk_ret_t v_string(duk_context *ctx)
{
  if (!is_string(ctx, 0)) return invalid_type(ctx, "string");
  return 0;
}

static duk_ret_t v_boolean(duk_context *ctx)
{
  if (!duk_is_boolean(ctx, 0)) return invalid_type(ctx, "boolean");
  return 0;
}

static duk_ret_t v_function(duk_context *ctx)
{
  if (!duk_is_function(ctx, 0) && !duk_is_lightfunc(ctx, 0)) return invalid_type(ctx, "function");
  return 0;
}

/* The value at idx as JS's < and > see a number (null 0, undefined NaN). */
static double as_number(duk_context *ctx, duk_idx_t idx)
{
  duk_dup(ctx, idx);
  double v = duk_to_number(ctx, -1);
  duk_pop(ctx);
  return v;
}

/* Pushes range(min, max): '>= min', ' && ', '<= max' for those that are not null/undefined. */
static void push_range(duk_context *ctx, duk_idx_t min, duk_idx_t max)
{
  int has_min = !duk_is_null_or_undefined(ctx, min), has_max = !duk_is_null_or_undefined(ctx, max);
  int n = 0;
  if (has_min) {
    duk_push_literal(ctx, ">= ");
    duk_dup(ctx, min);
    n += 2;
  }
  if (has_min && has_max) {
    duk_push_literal(ctx, " && ");
    n++;
  }
  if (has_max) {
    duk_push_literal(ctx, "<= ");
    duk_dup(ctx, max);
    n += 2;
  }
  duk_concat(ctx, n);
}

/* outOfRange(name, the range at r (popped), the value) */
static duk_ret_t out_of_range(duk_context *ctx)
{
  duk_dup(ctx, 1);
  duk_insert(ctx, -2);
  duk_dup(ctx, 0);
  return throw_error(ctx, "outOfRange", 3);
}

/* validateNumber(value, name, min, max) */
static duk_ret_t v_number(duk_context *ctx)
{
  if (!duk_is_number(ctx, 0)) return invalid_type(ctx, "number");
  double v = duk_get_number(ctx, 0);
  int has_min = !duk_is_null_or_undefined(ctx, 2), has_max = !duk_is_null_or_undefined(ctx, 3);
  if ((has_min && v < as_number(ctx, 2)) || (has_max && v > as_number(ctx, 3)) || ((has_min || has_max) && v != v)) {
    push_range(ctx, 2, 3);
    return out_of_range(ctx);
  }
  return 0;
}

/* validateInt32(value, name, min = -2147483648, max = 2147483647) */
static duk_ret_t v_int32(duk_context *ctx)
{
  if (duk_is_undefined(ctx, 2)) {
    duk_push_int(ctx, -2147483647 - 1);
    duk_replace(ctx, 2);
  }
  if (duk_is_undefined(ctx, 3)) {
    duk_push_int(ctx, 2147483647);
    duk_replace(ctx, 3);
  }
  if (!duk_is_number(ctx, 0)) return invalid_type(ctx, "number");
  double v = duk_get_number(ctx, 0);
  if (!isfinite(v) || fmod(v, 1) != 0) {
    duk_push_literal(ctx, "an integer");
    return out_of_range(ctx);
  }
  if (v < as_number(ctx, 2) || v > as_number(ctx, 3)) {
    push_range(ctx, 2, 3);
    return out_of_range(ctx);
  }
  return 0;
}

/* validateAbortSignal(signal, name): an AbortSignal, or anything shaped like one
 * (Petrel has no AbortController of its own). */
static duk_ret_t v_abort_signal(duk_context *ctx)
{
  if (duk_is_undefined(ctx, 0)) return 0;
  int object = duk_is_object(ctx, 0) && !duk_is_function(ctx, 0);
  if (!object || !duk_has_prop_literal(ctx, 0, "aborted")) return invalid_type(ctx, "an instance of AbortSignal");
  return 0;
}

/* validatePort(port, name): a number or numeric string in 0..65535 (ERR_SOCKET_BAD_PORT);
 * returns it as a number. */
static duk_ret_t v_port(duk_context *ctx)
{
  int ok = duk_is_number(ctx, 0) || is_string(ctx, 0);
  if (ok && is_string(ctx, 0)) {
    duk_dup(ctx, 0);
    duk_trim(ctx, -1);
    ok = duk_get_length(ctx, -1) > 0;
    duk_pop(ctx);
  }
  double n = ok ? as_number(ctx, 0) : NAN;
  if (!(n >= 0 && n <= 65535 && floor(n) == n)) { /* +port === (+port >>> 0) && +port <= 0xffff */
    duk_dup(ctx, 1);
    if (!duk_to_boolean(ctx, -1)) {
      duk_pop(ctx);
      duk_push_literal(ctx, "Port");
    } else {
      duk_pop(ctx);
      duk_dup(ctx, 1);
    }
    duk_dup(ctx, 0);
    return throw_error(ctx, "badPort", 2);
  }
  duk_push_int(ctx, (int)n);
  return 1;
}

static const duk_function_list_entry validators_funcs[] = {
  { "validateString", v_string, 2 },     { "validateBoolean", v_boolean, 2 },
  { "validateFunction", v_function, 2 }, { "validateNumber", v_number, 4 },
  { "validateInt32", v_int32, 4 },       { "validateAbortSignal", v_abort_signal, 2 },
  { "validatePort", v_port, 2 },         { NULL, NULL, 0 }
};

duk_ret_t petrel_binding_validators(duk_context *ctx)
{
  duk_push_object(ctx);
  PETREL_LIGHTFUNC_LIST(validators_binding_validators_funcs, validators_funcs);
  petrel_put_functions(ctx, -1, validators_funcs);
  return 1;
}
