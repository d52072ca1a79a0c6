/* assert's checks (#17): every assertion is one C light function told apart by
 * its magic, so that require('assert') costs ~2 KB of heap instead of util +
 * assert's ~65 KB on a board. A passing assertion runs only C; a failing one, or a call with
 * bad arguments, hands its arguments to internal/assert_error.js (AssertionError,
 * Node v20's messages, the inspector), compiled on the first failure. Deep
 * comparison is C too (modules/assert_compare.c). That
 * module never decides again whether the check passed: a RegExp's test or a
 * getter may not give the same answer twice. */
#include "lightfunc_names.h"
#include "format.h"
#include "assert_compare.h"
#include "runtime.h"

/* The assertions (magic); assert_error.js names them in the same order. */
enum {
  A_OK,
  A_EQUAL,
  A_NOT_EQUAL,
  A_STRICT_EQUAL,
  A_NOT_STRICT_EQUAL,
  A_DEEP_EQUAL,
  A_NOT_DEEP_EQUAL,
  A_DEEP_STRICT_EQUAL,
  A_NOT_DEEP_STRICT_EQUAL,
  A_THROWS,
  A_DOES_NOT_THROW,
  A_IF_ERROR,
  A_FAIL,
  A_MATCH,
  A_DOES_NOT_MATCH
};

/* What throws/doesNotThrow learnt before failing (assert_error.js: `how`). */
enum { NOT_CALLED, THREW, NO_EXCEPTION, CHECKED };

/* assert's properties in Node's order (ok and AssertionError are put apart). */
// clang-format off
static const struct { const char *name; signed char op, length; } methods[] = {
  { "fail", A_FAIL, 5 },
  { "AssertionError", -1, 0 },
  { "ok", -1, 0 },
  { "equal", A_EQUAL, 3 },
  { "notEqual", A_NOT_EQUAL, 3 },
  { "deepEqual", A_DEEP_EQUAL, 3 },
  { "notDeepEqual", A_NOT_DEEP_EQUAL, 3 },
  { "deepStrictEqual", A_DEEP_STRICT_EQUAL, 3 },
  { "notDeepStrictEqual", A_NOT_DEEP_STRICT_EQUAL, 3 },
  { "strictEqual", A_STRICT_EQUAL, 3 },
  { "notStrictEqual", A_NOT_STRICT_EQUAL, 3 },
  { "throws", A_THROWS, 1 },
  { "doesNotThrow", A_DOES_NOT_THROW, 1 },
  { "ifError", A_IF_ERROR, 1 },
  { "match", A_MATCH, 3 },
  { "doesNotMatch", A_DOES_NOT_MATCH, 3 },
};
// clang-format on
#define N_METHODS ((int)(sizeof(methods) / sizeof(methods[0])))
#define N_ARGS    4 /* assert.fail(actual, expected, message, operator) reads the most */

#define CTOR_KEY DUK_HIDDEN_SYMBOL("AssertionError")

/* typeof v === 'object' (null excluded). */
static int is_object(duk_context *ctx, duk_idx_t idx)
{
  return duk_check_type_mask(ctx, idx, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER) && !duk_is_function(ctx, idx);
}

/* v instanceof the global `name` (as the JS did; false for a primitive). */
static int is_instance(duk_context *ctx, duk_idx_t idx, const char *name)
{
  idx = duk_normalize_index(ctx, idx);
  duk_get_global_string(ctx, name);
  int r = duk_instanceof(ctx, idx, -1);
  duk_pop(ctx);
  return r;
}

/* regexp.test(String(value)), by RegExp.prototype.test as it was at boot */
static int regexp_test(duk_context *ctx, duk_idx_t re, duk_idx_t value)
{
  re = duk_normalize_index(ctx, re);
  value = duk_normalize_index(ctx, value);
  petrel_push_primordial(ctx, "RegExpPrototypeTest");
  duk_dup(ctx, re);
  duk_dup(ctx, value);
  duk_to_string(ctx, -1);
  duk_call_method(ctx, 1);
  int r = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  return r;
}

/* Failure: require('internal/assert_error').fail(op, argc, args 0-3, actual, how, res),
 * which throws (the arguments are at 0-3, then actual and res if given). */
static duk_ret_t failed(duk_context *ctx, int op, duk_idx_t argc, duk_idx_t actual, int how, duk_idx_t res)
{
  format_require(ctx, "internal/assert_error");
  duk_idx_t mod = duk_get_top_index(ctx);
  duk_push_literal(ctx, "fail");
  duk_push_int(ctx, op);
  duk_push_int(ctx, (duk_int_t)argc);
  for (duk_idx_t i = 0; i < N_ARGS; i++) duk_dup(ctx, i);
  if (actual >= 0)
    duk_dup(ctx, actual);
  else
    duk_push_undefined(ctx);
  duk_push_int(ctx, how);
  if (res >= 0)
    duk_dup(ctx, res);
  else
    duk_push_undefined(ctx);
  duk_call_prop(ctx, mod, 9);
  return 0;
}

/* Do the keys of the object `expected` match the thrown object at `actual`?
 * (Node's compareExceptionKey; a string property matched by a RegExp passes.) */
static int match_keys(duk_context *ctx, duk_idx_t actual, duk_idx_t expected)
{
  int is_error = is_instance(ctx, expected, "Error"), any = 0;
  duk_enum(ctx, expected, DUK_ENUM_OWN_PROPERTIES_ONLY);
  duk_idx_t en = duk_get_top_index(ctx);
  for (int extra = 0;; any = 1) {
    if (!duk_next(ctx, en, 0)) {
      if (!is_error || extra == 2) break;
      duk_push_string(ctx, extra++ ? "message" : "name");
    }
    duk_idx_t key = duk_get_top_index(ctx);
    duk_dup(ctx, key);
    if (!duk_has_prop(ctx, actual)) {
      duk_set_top(ctx, en);
      return 0;
    }
    duk_dup(ctx, key);
    duk_get_prop(ctx, actual); /* key+1: actual[key] */
    duk_dup(ctx, key);
    duk_get_prop(ctx, expected); /* key+2: expected[key] */
    int ok = (duk_is_string(ctx, key + 1) && !duk_is_symbol(ctx, key + 1) && is_instance(ctx, key + 2, "RegExp") &&
              regexp_test(ctx, key + 2, key + 1)) ||
             assert_deep_equal(ctx, key + 1, key + 2, 1);
    duk_set_top(ctx, ok ? key : en);
    if (!ok) return 0;
  }
  duk_pop(ctx);
  return any; /* an empty object is an invalid argument: assert_error.js says so */
}

/* assert.throws: does the thrown value at `actual` pass `error` (index 1)? Sets
 * *res to the index of a validation function's result when it returned something else. */
static int throws_passes(duk_context *ctx, duk_idx_t actual, duk_idx_t *res)
{
  if (duk_is_null_or_undefined(ctx, 1)) return 1;
  if (duk_is_string(ctx, 1) && !duk_is_symbol(ctx, 1)) { /* error is the message */
    if (!duk_is_undefined(ctx, 2)) return 0;
    if (is_object(ctx, actual)) {
      duk_get_prop_literal(ctx, actual, "message");
      int ambiguous = duk_strict_equals(ctx, -1, 1);
      duk_pop(ctx);
      return !ambiguous;
    }
    return !duk_strict_equals(ctx, actual, 1);
  }
  if (duk_is_function(ctx, 1)) {
    duk_get_prop_literal(ctx, 1, "prototype");
    int has_proto = !duk_is_undefined(ctx, -1);
    duk_pop(ctx);
    if (has_proto && duk_instanceof(ctx, actual, 1)) return 1;
    /* Error or a subclass of it: a wrong class, reported by assert_error.js */
    duk_get_global_literal(ctx, "Error");
    for (duk_dup(ctx, 1); duk_is_object(ctx, -1); duk_get_prototype(ctx, -1), duk_remove(ctx, -2)) {
      if (duk_strict_equals(ctx, -1, -2)) {
        duk_pop_2(ctx);
        return 0;
      }
    }
    duk_pop_2(ctx);
    duk_dup(ctx, 1); /* a validation function: expected.call({}, actual) === true */
    duk_push_object(ctx);
    duk_dup(ctx, actual);
    duk_call_method(ctx, 1);
    if (duk_is_boolean(ctx, -1) && duk_get_boolean(ctx, -1)) return 1;
    *res = duk_get_top_index(ctx);
    return 0;
  }
  if (!is_object(ctx, 1)) return 0; /* an invalid argument */
  if (is_instance(ctx, 1, "RegExp")) return regexp_test(ctx, 1, actual);
  return is_object(ctx, actual) && match_keys(ctx, actual, 1);
}

static duk_ret_t throws_check(duk_context *ctx, int op, duk_idx_t argc)
{
  if (!duk_is_function(ctx, 0)) return failed(ctx, op, argc, -1, NOT_CALLED, -1);
  duk_dup(ctx, 0);
  int threw = duk_pcall(ctx, 0) != 0;
  duk_idx_t actual = duk_get_top_index(ctx), res = -1;
  if (op == A_DOES_NOT_THROW) return threw ? failed(ctx, op, argc, actual, THREW, -1) : 0;
  if (!threw) return failed(ctx, op, argc, -1, NO_EXCEPTION, -1);
  if (throws_passes(ctx, actual, &res)) return 0;
  return failed(ctx, op, argc, actual, res >= 0 ? CHECKED : THREW, res);
}

static duk_ret_t assert_check(duk_context *ctx)
{
  int op = duk_get_current_magic(ctx), pass;
  duk_idx_t argc = duk_get_top(ctx);
  duk_set_top(ctx, N_ARGS);
  if (op >= A_EQUAL && op <= A_NOT_DEEP_STRICT_EQUAL && argc < 2) return failed(ctx, op, argc, -1, 0, -1);
  switch (op) {
    case A_OK:
      duk_dup(ctx, 0);
      pass = argc > 0 && duk_to_boolean(ctx, -1);
      break;
    case A_EQUAL:
    case A_NOT_EQUAL:
      pass = duk_equals(ctx, 0, 1) || (duk_is_nan(ctx, 0) && duk_is_nan(ctx, 1));
      pass = pass == (op == A_EQUAL);
      break;
    case A_STRICT_EQUAL:
    case A_NOT_STRICT_EQUAL: pass = duk_samevalue(ctx, 0, 1) == (op == A_STRICT_EQUAL); break;
    case A_DEEP_EQUAL:
    case A_NOT_DEEP_EQUAL: pass = assert_deep_equal(ctx, 0, 1, 0) == (op == A_DEEP_EQUAL); break;
    case A_DEEP_STRICT_EQUAL:
    case A_NOT_DEEP_STRICT_EQUAL: pass = assert_deep_equal(ctx, 0, 1, 1) == (op == A_DEEP_STRICT_EQUAL); break;
    case A_THROWS:
    case A_DOES_NOT_THROW: return throws_check(ctx, op, argc);
    case A_IF_ERROR: pass = duk_is_null_or_undefined(ctx, 0); break;
    case A_MATCH:
    case A_DOES_NOT_MATCH:
      pass = duk_is_string(ctx, 0) && !duk_is_symbol(ctx, 0) && is_instance(ctx, 1, "RegExp") &&
             regexp_test(ctx, 1, 0) == (op == A_MATCH);
      break;
    default: /* fail */ pass = 0;
  }
  return pass ? 0 : failed(ctx, op, argc, -1, CHECKED, -1);
}

/* new AssertionError(options): made by assert_error.js, with this constructor's prototype. */
static duk_ret_t assertion_error(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  format_require(ctx, "internal/assert_error");
  duk_push_literal(ctx, "create");
  duk_dup(ctx, 0);
  duk_call_prop(ctx, -3, 1);
  return 1;
}

/* AssertionError.prototype.toString() */
static duk_ret_t assertion_error_to_string(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, 0, "name");
  duk_push_literal(ctx, " [");
  duk_get_prop_literal(ctx, 0, "code");
  duk_push_literal(ctx, "]: ");
  duk_get_prop_literal(ctx, 0, "message");
  duk_concat(ctx, 5);
  return 1;
}

static void def_value(duk_context *ctx, duk_idx_t obj, const char *key, duk_uint_t flags)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_string(ctx, key);
  duk_insert(ctx, -2);
  duk_def_prop(ctx, obj, DUK_DEFPROP_HAVE_VALUE | flags);
}

/* Node's names: a method by its op (strict.equal is strictEqual, as in Node), and
 * the two helpers (lightfunc_names.h). */
static const char *assert_name(duk_c_function fn, int magic)
{
  if (fn == assertion_error_to_string) return "toString";
  if (fn == assert_deep_equal_js) return "deepEqual";
  if (fn != assert_check) return NULL;
  for (int i = 0; i < N_METHODS; i++)
    if (methods[i].op == magic) return methods[i].name;
  return NULL;
}
PETREL_LIGHTFUNC_LOOKUP(assert, assert_name);

/* assert and assert.strict: native functions (they carry properties) whose
 * magic says ok; named as in Node. */
static void push_root(duk_context *ctx, const char *name)
{
  duk_push_c_function(ctx, assert_check, DUK_VARARGS);
  duk_set_magic(ctx, -1, A_OK);
  duk_push_string(ctx, name);
  def_value(ctx, -2, "name", DUK_DEFPROP_ATTR_C);
}

/* init(require) -> assert */
static duk_ret_t assert_init(duk_context *ctx)
{
  format_set_require(ctx, 0);
  duk_push_current_function(ctx);
  duk_get_prop_literal(ctx, -1, CTOR_KEY); /* 2 */
  push_root(ctx, "ok");                   /* 3 */
  push_root(ctx, "strict");               /* 4 */
  for (int i = 0; i < N_METHODS; i++) {
    for (duk_idx_t obj = 3; obj <= 4; obj++) {
      int op = methods[i].op, strict = obj == 4;
      if (op < 0) {
        duk_dup(ctx, i == 1 ? 2 : 3); /* AssertionError, ok (assert itself, as in Node) */
      } else {
        if (strict && (op == A_EQUAL || op == A_NOT_EQUAL)) op += A_STRICT_EQUAL - A_EQUAL;
        if (strict && (op == A_DEEP_EQUAL || op == A_NOT_DEEP_EQUAL)) op += A_DEEP_STRICT_EQUAL - A_DEEP_EQUAL;
        duk_push_c_lightfunc(ctx, assert_check, DUK_VARARGS, methods[i].length, op);
      }
      duk_put_prop_string(ctx, obj, methods[i].name);
    }
  }
  duk_dup(ctx, 4);
  duk_put_prop_literal(ctx, 3, "strict");
  duk_dup(ctx, 4);
  duk_put_prop_literal(ctx, 4, "strict");
  duk_dup(ctx, 3);
  return 1;
}

/* process.binding('assert'): { init, AssertionError, deepEqual } */
duk_ret_t petrel_binding_assert(duk_context *ctx)
{
  duk_push_object(ctx);                          /* binding */
  duk_push_c_function(ctx, assertion_error, 1);  /* AssertionError */
  duk_push_error_object(ctx, DUK_ERR_ERROR, ""); /* the engine's Error.prototype */
  duk_get_prototype(ctx, -1);
  duk_push_object(ctx); /* AssertionError.prototype */
  duk_swap_top(ctx, -2);
  duk_set_prototype(ctx, -2);
  duk_remove(ctx, -2);
  duk_dup(ctx, -2);
  def_value(ctx, -2, "constructor", DUK_DEFPROP_ATTR_WC);
  duk_push_c_lightfunc(ctx, assertion_error_to_string, 0, 0, 0);
  def_value(ctx, -2, "toString", DUK_DEFPROP_ATTR_WC);
  def_value(ctx, -2, "prototype", DUK_DEFPROP_HAVE_WEC);
  duk_push_literal(ctx, "AssertionError");
  def_value(ctx, -2, "name", DUK_DEFPROP_ATTR_C);
  duk_push_c_function(ctx, assert_init, 1);
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, CTOR_KEY);
  duk_put_prop_literal(ctx, -3, "init");
  duk_put_prop_literal(ctx, -2, "AssertionError");
  duk_push_c_lightfunc(ctx, assert_deep_equal_js, 3, 3, 0);
  duk_put_prop_literal(ctx, -2, "deepEqual");
  return 1;
}
