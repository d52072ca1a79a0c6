/*
 * The ES2015-ES2022 library methods Duktape 2.7 lacks (#18), in C, with the
 * specification's semantics (node v20 is the reference for behaviour):
 *
 *   Array.from, Array.of; Array.prototype.at, copyWithin, fill, find, findIndex,
 *   findLast, findLastIndex, flat, flatMap, includes; Object.entries, values,
 *   fromEntries; String.prototype.at, padStart, padEnd, trimStart, trimEnd (and the
 *   trimLeft/trimRight aliases), replaceAll; Math.log1p, expm1, cosh, sinh, tanh,
 *   acosh, asinh, atanh, fround, and Math.cbrt again (an exact root for a cube).
 *
 * Duktape 2.7 already has (checked, not redone): Object.assign/is, String.prototype.
 * includes/startsWith/endsWith/repeat/codePointAt, String.fromCodePoint, every Number
 * static (isInteger ... parseInt), Math.trunc/sign/log2/log10/hypot/clz32/imul,
 * globalThis, Symbol with Symbol.iterator.
 *
 * Files: the helpers (the specification's abstract operations) and the list are
 * here; the Array methods in es_array.c, the Object, String and Math ones in
 * es_object_string.c; es_internal.h is what they share.
 *
 * Where they live: ES_METHODS below is the one list. On a board with ROM built-ins
 * (DUK_ROM=1) tools/es_methods_yaml.py turns it into metadata for Duktape's
 * configure.py (--builtin-file), which adds them to the built-in objects in flash as
 * ROM function objects: no heap at all. Elsewhere petrel_es_methods_install() puts
 * them on the objects at boot as light functions (a property slot each; their names
 * from the PETREL_LIGHTFUNC_NAMES table below).
 *
 * Iteration (Array.from, Object.fromEntries) is generic: the value's
 * [Symbol.iterator] method (Duktape's well-known symbol, the global Symbol.iterator)
 * when it has one, so any iterable (Map and Set once they have it) works. Duktape's
 * arrays and strings have none: an array is then read by index as the array
 * iterator does, and a string by code point, as in node.
 *
 * Not done: subclassing (Array.from/of on a subclass and flat/flatMap through
 * @@species make plain arrays), and @@match/@@replace (Duktape has neither symbol;
 * replaceAll recognises a RegExp by its class).
 */
#include <math.h>
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "lightfunc_names.h"
#include "es_internal.h"

/* ---- helpers ---- */

/* ToIntegerOrInfinity of the value at idx (coerced in place) */
double es_to_integer(duk_context *ctx, duk_idx_t idx)
{
  double d = duk_to_number(ctx, idx);
  if (isnan(d)) return 0;
  return trunc(d) + 0.0; /* -0 -> +0 */
}

/* ToLength */
double es_to_length(duk_context *ctx, duk_idx_t idx)
{
  double d = es_to_integer(ctx, idx);
  return d <= 0 ? 0 : d > MAX_SAFE ? MAX_SAFE : d;
}

/* A relative index (start/end arguments) clamped into [0, len]; dflt when undefined. */
double es_relative_index(duk_context *ctx, duk_idx_t idx, double len, double dflt)
{
  if (duk_is_undefined(ctx, idx)) return dflt;
  double r = es_to_integer(ctx, idx);
  if (r < 0) return r + len < 0 ? 0 : r + len;
  return r > len ? len : r;
}

/* RequireObjectCoercible(this): throws V8's "<what> called on null or undefined", or
 * with what NULL its "Cannot convert undefined or null to object" (each method's own). */
void es_require_this(duk_context *ctx, const char *what)
{
  duk_push_this(ctx);
  if (!duk_is_null_or_undefined(ctx, -1)) return;
  if (what) (void)duk_type_error(ctx, "%s called on null or undefined", what);
  (void)duk_type_error(ctx, "Cannot convert undefined or null to object");
}

/* [...] -> [... O]: ToObject(this) */
duk_idx_t es_push_this_object(duk_context *ctx, const char *what)
{
  es_require_this(ctx, what);
  duk_to_object(ctx, -1);
  return duk_get_top_index(ctx);
}

/* [...] -> [... S]: ToString(RequireObjectCoercible(this)) */
duk_idx_t es_push_this_string(duk_context *ctx, const char *what)
{
  es_require_this(ctx, what);
  duk_to_string(ctx, -1);
  return duk_get_top_index(ctx);
}

/* LengthOfArrayLike(O) */
double es_length_of(duk_context *ctx, duk_idx_t obj)
{
  duk_get_prop_literal(ctx, obj, "length");
  double len = es_to_length(ctx, -1);
  duk_pop(ctx);
  return len;
}

/* [...] -> [... O[i]] (past 2^32-2 a key is not an array index: a number key then) */
void es_get_index(duk_context *ctx, duk_idx_t obj, double i)
{
  if (i < 4294967295.0) {
    duk_get_prop_index(ctx, obj, (duk_uarridx_t)i);
  } else {
    obj = duk_normalize_index(ctx, obj);
    duk_push_number(ctx, i);
    duk_get_prop(ctx, obj);
  }
}

int es_has_index(duk_context *ctx, duk_idx_t obj, double i)
{
  if (i < 4294967295.0) return duk_has_prop_index(ctx, obj, (duk_uarridx_t)i);
  obj = duk_normalize_index(ctx, obj);
  duk_push_number(ctx, i);
  return duk_has_prop(ctx, obj);
}

/* [... v] -> [...]: Set(O, i, v, true) (C functions are strict: a failure throws) */
void es_put_index(duk_context *ctx, duk_idx_t obj, double i)
{
  if (i < 4294967295.0) {
    duk_put_prop_index(ctx, obj, (duk_uarridx_t)i);
  } else {
    obj = duk_normalize_index(ctx, obj);
    duk_push_number(ctx, i);
    duk_insert(ctx, -2);
    duk_put_prop(ctx, obj);
  }
}

/* [... v] -> [...]: CreateDataPropertyOrThrow(A, i, v) */
void es_define_index(duk_context *ctx, duk_idx_t obj, double i)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_number(ctx, i);
  duk_insert(ctx, -2);
  duk_def_prop(ctx, obj, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WEC);
}

/* [...] -> [... text]: a value as V8 names it in "X is not a function" */
const char *es_push_value_text(duk_context *ctx, duk_idx_t idx)
{
  if (duk_is_array(ctx, idx)) {
    duk_push_literal(ctx, "[object Array]");
  } else if (duk_is_object(ctx, idx) && !duk_is_callable(ctx, idx)) {
    duk_push_literal(ctx, "#<Object>");
  } else {
    duk_dup(ctx, idx);
    duk_safe_to_string(ctx, -1);
  }
  return duk_get_string(ctx, -1);
}

/* V8's "X is not iterable": "undefined", "object null", "number 5", "boolean true",
 * "string \"ab\"", "function", "symbol", "object" (petrel_push_value_text's words) */
duk_ret_t petrel_throw_not_iterable(duk_context *ctx, duk_idx_t idx)
{
  petrel_push_value_text(ctx, idx);
  return duk_type_error(ctx, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                        duk_get_string(ctx, -1));
}

void es_require_callable(duk_context *ctx, duk_idx_t idx)
{
  if (!duk_is_callable(ctx, idx)) (void)duk_type_error(ctx, "%s is not a function", es_push_value_text(ctx, idx));
}

/* A loop with no JS call in it (Duktape checks for Ctrl-C only in bytecode) asks every
 * 64K steps, and throws Duktape's own "execution timeout" RangeError when it must stop
 * (the REPL reports it as "Script execution was interrupted"). */
void es_poll_interrupt(duk_context *ctx, double step)
{
  if (fmod(step, 65536.0) == 65535.0 && petrel_exec_timeout_check(NULL))
    (void)duk_range_error(ctx, "execution timeout");
}

/* SameValueZero */
int es_same_value_zero(duk_context *ctx, duk_idx_t a, duk_idx_t b)
{
  if (duk_is_number(ctx, a) && duk_is_number(ctx, b)) {
    double x = duk_get_number(ctx, a), y = duk_get_number(ctx, b);
    return x == y || (isnan(x) && isnan(y));
  }
  return duk_strict_equals(ctx, a, b);
}

/* Bytes of the UTF-8/CESU-8 character starting at p (Duktape's internal form). */
size_t es_char_bytes(const unsigned char *p, size_t avail)
{
  size_t n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
  return n > avail ? avail : n;
}

/* ---- iteration: an iterator object, or an array by index, or a string by code point ---- */

/* Whether the method at the top is the built-in iterator of the array or string at idx
 * (runtime/iterators.c): then the value is walked by index, as that iterator would. */
static int builtin_iterator(duk_context *ctx, duk_idx_t idx)
{
  int yes = 0;
  if (duk_is_array(ctx, idx)) {
    duk_push_c_lightfunc(ctx, petrel_array_iter, 0, 0, 0);
    yes = duk_strict_equals(ctx, -1, -2);
    duk_pop(ctx);
  } else if (duk_is_string(ctx, idx) && !duk_is_symbol(ctx, idx)) {
    duk_push_c_lightfunc(ctx, petrel_string_iter, 0, 0, 0);
    yes = duk_strict_equals(ctx, -1, -2);
    duk_pop(ctx);
  }
  return yes;
}

/* GetIterator(value at idx), with the array and string fallbacks; pushes 2 slots
 * (iterator or source, next or undefined). Returns 0 (nothing pushed) when the value
 * has no iterator and is neither an array nor a string, if allow_none (Array.from's
 * array-likes); null and undefined always throw. */
int es_iter_open(duk_context *ctx, duk_idx_t idx, es_iter *it, int allow_none)
{
  idx = duk_normalize_index(ctx, idx);
  if (duk_is_null_or_undefined(ctx, idx)) (void)petrel_throw_not_iterable(ctx, idx);
  duk_dup(ctx, idx);
  duk_get_prop_literal(ctx, -1, ITER_SYMBOL); /* GetMethod: a primitive's from its prototype */
  duk_remove(ctx, -2);
  it->pos = 0;
  if (builtin_iterator(ctx, idx)) { /* by index, as that iterator would */
    duk_pop(ctx);
    duk_push_undefined(ctx);
  }
  if (duk_is_null_or_undefined(ctx, -1)) {
    duk_pop(ctx);
    if (duk_is_string(ctx, idx))
      it->kind = IT_STRING;
    else if (duk_is_array(ctx, idx))
      it->kind = IT_ARRAY;
    else if (allow_none)
      return 0;
    else
      (void)petrel_throw_not_iterable(ctx, idx);
    duk_dup(ctx, idx);
    duk_push_undefined(ctx);
  } else {
    es_require_callable(ctx, -1);
    duk_dup(ctx, idx);
    duk_call_method(ctx, 0);
    if (!duk_is_object(ctx, -1)) (void)duk_type_error(ctx, "Result of the Symbol.iterator method is not an object");
    duk_get_prop_literal(ctx, -1, "next");
    it->kind = IT_ITERATOR;
  }
  it->src = duk_get_top(ctx) - 2;
  it->next = it->src + 1;
  return 1;
}

/* IteratorStep + IteratorValue: pushes the next value and returns 1, or returns 0 when done. */
int es_iter_step(duk_context *ctx, es_iter *it)
{
  if (it->kind == IT_STRING) {
    duk_size_t blen;
    const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, it->src, &blen);
    if (it->pos >= blen) return 0;
    size_t at = (size_t)it->pos, n = es_char_bytes(s + at, blen - at);
    /* a surrogate pair (CESU-8: ED A0-AF .., then ED B0-BF ..) is one code point */
    if (n == 3 && s[at] == 0xed && (s[at + 1] & 0xf0) == 0xa0 && at + 6 <= blen && s[at + 3] == 0xed &&
        (s[at + 4] & 0xf0) == 0xb0)
      n = 6;
    duk_push_lstring(ctx, (const char *)s + at, n);
    it->pos += n;
    return 1;
  }
  if (it->kind == IT_ARRAY) {
    if (it->pos >= es_length_of(ctx, it->src)) return 0;
    es_poll_interrupt(ctx, it->pos);
    es_get_index(ctx, it->src, it->pos++);
    return 1;
  }
  duk_dup(ctx, it->next);
  duk_dup(ctx, it->src);
  duk_call_method(ctx, 0);
  if (!duk_is_object(ctx, -1))
    (void)duk_type_error(ctx, "Iterator result %s is not an object", es_push_value_text(ctx, -1));
  duk_get_prop_literal(ctx, -1, "done");
  if (duk_to_boolean(ctx, -1)) {
    duk_pop_2(ctx);
    return 0;
  }
  duk_pop(ctx);
  duk_get_prop_literal(ctx, -1, "value");
  duk_remove(ctx, -2);
  return 1;
}

/* IteratorClose after an abrupt completion: calls iterator.return() if there is one;
 * its own errors are ignored (the first error is the one thrown). */
static duk_ret_t iter_close_unsafe(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_get_prop_literal(ctx, -1, "return");
  if (!duk_is_null_or_undefined(ctx, -1)) {
    duk_dup(ctx, -2);
    duk_call_method(ctx, 0);
  }
  return 0;
}

void es_iter_close(duk_context *ctx, es_iter *it)
{
  if (it->kind != IT_ITERATOR) return;
  duk_dup(ctx, it->src);
  (void)duk_safe_call(ctx, iter_close_unsafe, NULL, 1, 1);
  duk_pop(ctx);
}

/* ---- the list ----
 * ES_METHOD(object, key, function, length, nargs, magic, name): object is a genbuiltins
 * object id; name is the function's .name (key, unless an alias). tools/es_methods_yaml.py
 * reads these lines: keep each on one line. */
// clang-format off
#define ES_METHODS(ES_METHOD) \
  ES_METHOD(bi_array_constructor, "from", petrel_es_array_from, 1, 3, 0, "from") \
  ES_METHOD(bi_array_constructor, "of", petrel_es_array_of, 0, DUK_VARARGS, 0, "of") \
  ES_METHOD(bi_array_prototype, "at", petrel_es_array_at, 1, 1, 0, "at") \
  ES_METHOD(bi_array_prototype, "copyWithin", petrel_es_array_copy_within, 2, 3, 0, "copyWithin") \
  ES_METHOD(bi_array_prototype, "fill", petrel_es_array_fill, 1, 3, 0, "fill") \
  ES_METHOD(bi_array_prototype, "find", petrel_es_array_find, 1, 2, 0, "find") \
  ES_METHOD(bi_array_prototype, "findIndex", petrel_es_array_find, 1, 2, 1, "findIndex") \
  ES_METHOD(bi_array_prototype, "findLast", petrel_es_array_find, 1, 2, 2, "findLast") \
  ES_METHOD(bi_array_prototype, "findLastIndex", petrel_es_array_find, 1, 2, 3, "findLastIndex") \
  ES_METHOD(bi_array_prototype, "flat", petrel_es_array_flat, 0, 1, 0, "flat") \
  ES_METHOD(bi_array_prototype, "flatMap", petrel_es_array_flat_map, 1, 2, 0, "flatMap") \
  ES_METHOD(bi_array_prototype, "includes", petrel_es_array_includes, 1, 2, 0, "includes") \
  ES_METHOD(bi_object_constructor, "entries", petrel_es_object_entries, 1, 1, 0, "entries") \
  ES_METHOD(bi_object_constructor, "values", petrel_es_object_entries, 1, 1, 1, "values") \
  ES_METHOD(bi_object_constructor, "fromEntries", petrel_es_object_from_entries, 1, 1, 0, "fromEntries") \
  ES_METHOD(bi_string_prototype, "at", petrel_es_string_at, 1, 1, 0, "at") \
  ES_METHOD(bi_string_prototype, "padStart", petrel_es_string_pad, 1, 2, 0, "padStart") \
  ES_METHOD(bi_string_prototype, "padEnd", petrel_es_string_pad, 1, 2, 1, "padEnd") \
  ES_METHOD(bi_string_prototype, "trimStart", petrel_es_string_trim_side, 0, 0, 0, "trimStart") \
  ES_METHOD(bi_string_prototype, "trimLeft", petrel_es_string_trim_side, 0, 0, 0, "trimStart") \
  ES_METHOD(bi_string_prototype, "trimEnd", petrel_es_string_trim_side, 0, 0, 1, "trimEnd") \
  ES_METHOD(bi_string_prototype, "trimRight", petrel_es_string_trim_side, 0, 0, 1, "trimEnd") \
  ES_METHOD(bi_string_prototype, "replaceAll", petrel_es_string_replace_all, 2, 2, 0, "replaceAll") \
  ES_METHOD(bi_math, "log1p", petrel_es_math_onearg, 1, 1, 0, "log1p") \
  ES_METHOD(bi_math, "expm1", petrel_es_math_onearg, 1, 1, 1, "expm1") \
  ES_METHOD(bi_math, "cosh", petrel_es_math_onearg, 1, 1, 2, "cosh") \
  ES_METHOD(bi_math, "sinh", petrel_es_math_onearg, 1, 1, 3, "sinh") \
  ES_METHOD(bi_math, "tanh", petrel_es_math_onearg, 1, 1, 4, "tanh") \
  ES_METHOD(bi_math, "acosh", petrel_es_math_onearg, 1, 1, 5, "acosh") \
  ES_METHOD(bi_math, "asinh", petrel_es_math_onearg, 1, 1, 6, "asinh") \
  ES_METHOD(bi_math, "atanh", petrel_es_math_onearg, 1, 1, 7, "atanh") \
  ES_METHOD(bi_math, "fround", petrel_es_math_onearg, 1, 1, 8, "fround") \
  ES_METHOD(bi_math, "cbrt", petrel_es_math_onearg, 1, 1, 9, "cbrt")
// clang-format on

#if !defined(DUK_USE_ROM_OBJECTS)
enum { T_ARRAY, T_ARRAY_PROTO, T_OBJECT, T_STRING_PROTO, T_MATH };
#define T_bi_array_constructor  T_ARRAY
#define T_bi_array_prototype    T_ARRAY_PROTO
#define T_bi_object_constructor T_OBJECT
#define T_bi_string_prototype   T_STRING_PROTO
#define T_bi_math               T_MATH

typedef struct {
  unsigned char target;
  signed char nargs, length, magic;
  const char *key;
  duk_c_function fn;
} es_method;

#define ES_ROW(obj, key, fn, len, nargs, magic, name) { T_##obj, nargs, len, magic, key, fn },
static const es_method es_methods[] = { ES_METHODS(ES_ROW) };
#define ES_NAME(obj, key, fn, len, nargs, magic, name) { name, fn, magic },
static const petrel_lf_name es_names[] = { ES_METHODS(ES_NAME){ NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(es_methods, es_names);

static duk_ret_t install(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_push_global_object(ctx);
  duk_get_prop_literal(ctx, -1, "Array");
  duk_get_prop_literal(ctx, -1, "prototype");
  duk_get_prop_literal(ctx, -3, "Object");
  duk_get_prop_literal(ctx, -4, "String");
  duk_get_prop_literal(ctx, -1, "prototype");
  duk_remove(ctx, -2);
  duk_get_prop_literal(ctx, -5, "Math"); /* [global Array Array.prototype Object String.prototype Math] */
  duk_idx_t base = duk_get_top(ctx) - 5;
  for (size_t i = 0; i < sizeof es_methods / sizeof es_methods[0]; i++) {
    const es_method *m = &es_methods[i];
    duk_push_string(ctx, m->key);
    duk_push_c_lightfunc(ctx, m->fn, m->nargs, m->length, m->magic);
    duk_def_prop(ctx, base + m->target, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WC | DUK_DEFPROP_CLEAR_ENUMERABLE);
  }
  duk_pop_n(ctx, 6);
  return 0;
}
#endif

int petrel_es_methods_install(duk_context *ctx)
{
#if defined(DUK_USE_ROM_OBJECTS)
  (void)ctx;
  return 0;
#else
  int rc = duk_safe_call(ctx, install, NULL, 0, 1);
  duk_pop(ctx);
  return rc == DUK_EXEC_SUCCESS ? 0 : -1;
#endif
}
