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

/* The methods (global symbols: Duktape's generated ROM tables name them) */
duk_ret_t petrel_es_array_from(duk_context *ctx);
duk_ret_t petrel_es_array_of(duk_context *ctx);
duk_ret_t petrel_es_array_at(duk_context *ctx);
duk_ret_t petrel_es_array_copy_within(duk_context *ctx);
duk_ret_t petrel_es_array_fill(duk_context *ctx);
duk_ret_t petrel_es_array_find(duk_context *ctx);
duk_ret_t petrel_es_array_flat(duk_context *ctx);
duk_ret_t petrel_es_array_flat_map(duk_context *ctx);
duk_ret_t petrel_es_array_includes(duk_context *ctx);
duk_ret_t petrel_es_object_entries(duk_context *ctx);
duk_ret_t petrel_es_object_from_entries(duk_context *ctx);
duk_ret_t petrel_es_string_at(duk_context *ctx);
duk_ret_t petrel_es_string_pad(duk_context *ctx);
duk_ret_t petrel_es_string_trim_side(duk_context *ctx);
duk_ret_t petrel_es_string_replace_all(duk_context *ctx);
duk_ret_t petrel_es_math_onearg(duk_context *ctx);

#define MAX_SAFE 9007199254740991.0
/* V8's String::kMaxLength (64-bit): longer results are node's RangeError */
#define MAX_STRING_LENGTH 536870888.0
/* nested arrays flat() follows at most (a cycle with flat(Infinity) ends here) */
#define FLAT_MAX_DEPTH 1024

#define ITER_SYMBOL DUK_WELLKNOWN_SYMBOL("Symbol.iterator")

/* ---- helpers ---- */

/* ToIntegerOrInfinity of the value at idx (coerced in place) */
static double to_integer(duk_context *ctx, duk_idx_t idx)
{
  double d = duk_to_number(ctx, idx);
  if (isnan(d)) return 0;
  return trunc(d) + 0.0; /* -0 -> +0 */
}

/* ToLength */
static double to_length(duk_context *ctx, duk_idx_t idx)
{
  double d = to_integer(ctx, idx);
  return d <= 0 ? 0 : d > MAX_SAFE ? MAX_SAFE : d;
}

/* A relative index (start/end arguments) clamped into [0, len]; dflt when undefined. */
static double relative_index(duk_context *ctx, duk_idx_t idx, double len, double dflt)
{
  if (duk_is_undefined(ctx, idx)) return dflt;
  double r = to_integer(ctx, idx);
  if (r < 0) return r + len < 0 ? 0 : r + len;
  return r > len ? len : r;
}

/* RequireObjectCoercible(this): throws V8's "<what> called on null or undefined", or
 * with what NULL its "Cannot convert undefined or null to object" (each method's own). */
static void require_this(duk_context *ctx, const char *what)
{
  duk_push_this(ctx);
  if (!duk_is_null_or_undefined(ctx, -1)) return;
  if (what) (void)duk_type_error(ctx, "%s called on null or undefined", what);
  (void)duk_type_error(ctx, "Cannot convert undefined or null to object");
}

/* [...] -> [... O]: ToObject(this) */
static duk_idx_t push_this_object(duk_context *ctx, const char *what)
{
  require_this(ctx, what);
  duk_to_object(ctx, -1);
  return duk_get_top_index(ctx);
}

/* [...] -> [... S]: ToString(RequireObjectCoercible(this)) */
static duk_idx_t push_this_string(duk_context *ctx, const char *what)
{
  require_this(ctx, what);
  duk_to_string(ctx, -1);
  return duk_get_top_index(ctx);
}

/* LengthOfArrayLike(O) */
static double length_of(duk_context *ctx, duk_idx_t obj)
{
  duk_get_prop_literal(ctx, obj, "length");
  double len = to_length(ctx, -1);
  duk_pop(ctx);
  return len;
}

/* [...] -> [... O[i]] (past 2^32-2 a key is not an array index: a number key then) */
static void get_index(duk_context *ctx, duk_idx_t obj, double i)
{
  if (i < 4294967295.0) {
    duk_get_prop_index(ctx, obj, (duk_uarridx_t)i);
  } else {
    obj = duk_normalize_index(ctx, obj);
    duk_push_number(ctx, i);
    duk_get_prop(ctx, obj);
  }
}

static int has_index(duk_context *ctx, duk_idx_t obj, double i)
{
  if (i < 4294967295.0) return duk_has_prop_index(ctx, obj, (duk_uarridx_t)i);
  obj = duk_normalize_index(ctx, obj);
  duk_push_number(ctx, i);
  return duk_has_prop(ctx, obj);
}

/* [... v] -> [...]: Set(O, i, v, true) (C functions are strict: a failure throws) */
static void put_index(duk_context *ctx, duk_idx_t obj, double i)
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
static void define_index(duk_context *ctx, duk_idx_t obj, double i)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_number(ctx, i);
  duk_insert(ctx, -2);
  duk_def_prop(ctx, obj, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WEC);
}

/* [...] -> [... text]: a value as V8 names it in "X is not a function" */
static const char *push_value_text(duk_context *ctx, duk_idx_t idx)
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
 * "function", "symbol", "object" */
static duk_ret_t throw_not_iterable(duk_context *ctx, duk_idx_t idx)
{
  const char *what = duk_is_undefined(ctx, idx)  ? "undefined"
                     : duk_is_null(ctx, idx)     ? "object null"
                     : duk_is_number(ctx, idx)   ? "number "
                     : duk_is_boolean(ctx, idx)  ? "boolean "
                     : duk_is_callable(ctx, idx) ? "function"
                     : duk_is_symbol(ctx, idx)   ? "symbol"
                                                 : "object";
  duk_push_string(ctx, what);
  if (duk_is_number(ctx, idx) || duk_is_boolean(ctx, idx)) {
    duk_dup(ctx, idx);
    duk_safe_to_string(ctx, -1);
    duk_concat(ctx, 2);
  }
  return duk_type_error(ctx, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                        duk_get_string(ctx, -1));
}

static void require_callable(duk_context *ctx, duk_idx_t idx)
{
  if (!duk_is_callable(ctx, idx)) (void)duk_type_error(ctx, "%s is not a function", push_value_text(ctx, idx));
}

/* A loop with no JS call in it (Duktape checks for Ctrl-C only in bytecode) asks every
 * 64K steps, and throws Duktape's own "execution timeout" RangeError when it must stop
 * (the REPL reports it as "Script execution was interrupted"). */
static void poll_interrupt(duk_context *ctx, double step)
{
  if (fmod(step, 65536.0) == 65535.0 && petrel_exec_timeout_check(NULL))
    (void)duk_range_error(ctx, "execution timeout");
}

/* SameValueZero */
static int same_value_zero(duk_context *ctx, duk_idx_t a, duk_idx_t b)
{
  if (duk_is_number(ctx, a) && duk_is_number(ctx, b)) {
    double x = duk_get_number(ctx, a), y = duk_get_number(ctx, b);
    return x == y || (isnan(x) && isnan(y));
  }
  return duk_strict_equals(ctx, a, b);
}

/* Bytes of the UTF-8/CESU-8 character starting at p (Duktape's internal form). */
static size_t char_bytes(const unsigned char *p, size_t avail)
{
  size_t n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
  return n > avail ? avail : n;
}

/* ---- iteration: an iterator object, or an array by index, or a string by code point ---- */

enum { IT_ITERATOR, IT_ARRAY, IT_STRING };
typedef struct {
  int kind;
  duk_idx_t src;  /* the iterable (array, string) or the iterator object */
  duk_idx_t next; /* the iterator's next method */
  double pos;     /* array: index; string: byte offset */
} es_iter;

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
static int iter_open(duk_context *ctx, duk_idx_t idx, es_iter *it, int allow_none)
{
  idx = duk_normalize_index(ctx, idx);
  if (duk_is_null_or_undefined(ctx, idx)) (void)throw_not_iterable(ctx, idx);
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
      (void)throw_not_iterable(ctx, idx);
    duk_dup(ctx, idx);
    duk_push_undefined(ctx);
  } else {
    require_callable(ctx, -1);
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
static int iter_step(duk_context *ctx, es_iter *it)
{
  if (it->kind == IT_STRING) {
    duk_size_t blen;
    const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, it->src, &blen);
    if (it->pos >= blen) return 0;
    size_t at = (size_t)it->pos, n = char_bytes(s + at, blen - at);
    /* a surrogate pair (CESU-8: ED A0-AF .., then ED B0-BF ..) is one code point */
    if (n == 3 && s[at] == 0xed && (s[at + 1] & 0xf0) == 0xa0 && at + 6 <= blen && s[at + 3] == 0xed &&
        (s[at + 4] & 0xf0) == 0xb0)
      n = 6;
    duk_push_lstring(ctx, (const char *)s + at, n);
    it->pos += n;
    return 1;
  }
  if (it->kind == IT_ARRAY) {
    if (it->pos >= length_of(ctx, it->src)) return 0;
    poll_interrupt(ctx, it->pos);
    get_index(ctx, it->src, it->pos++);
    return 1;
  }
  duk_dup(ctx, it->next);
  duk_dup(ctx, it->src);
  duk_call_method(ctx, 0);
  if (!duk_is_object(ctx, -1))
    (void)duk_type_error(ctx, "Iterator result %s is not an object", push_value_text(ctx, -1));
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

static void iter_close(duk_context *ctx, es_iter *it)
{
  if (it->kind != IT_ITERATOR) return;
  duk_dup(ctx, it->src);
  (void)duk_safe_call(ctx, iter_close_unsafe, NULL, 1, 1);
  duk_pop(ctx);
}

/* ---- Array ---- */

/* A step of Array.from over an iterator (map, store), under a safe call so that an
 * error closes the iterator. A safe call runs in its caller's frame:
 * [items mapFn thisArg src next A value] -> [items mapFn thisArg src next A] */
static duk_ret_t from_store(duk_context *ctx, void *udata)
{
  double k = *(double *)udata;
  if (!duk_is_undefined(ctx, 1)) {
    duk_dup(ctx, 1);
    duk_insert(ctx, -2);
    duk_dup(ctx, 2);
    duk_insert(ctx, -2);
    duk_push_number(ctx, k);
    duk_call_method(ctx, 2);
  }
  define_index(ctx, 5, k);
  return 0;
}

/* Array.from(items, mapFn, thisArg) */
duk_ret_t petrel_es_array_from(duk_context *ctx)
{
  duk_set_top(ctx, 3);
  if (!duk_is_undefined(ctx, 1)) require_callable(ctx, 1);
  es_iter it;
  double k = 0;
  if (iter_open(ctx, 0, &it, 1)) {
    duk_push_array(ctx); /* [items mapFn thisArg src next A] */
    for (;; k++) {
      if (k >= MAX_SAFE) {
        iter_close(ctx, &it);
        return duk_type_error(ctx, "Invalid array length");
      }
      if (!iter_step(ctx, &it)) break;
      if (duk_safe_call(ctx, from_store, &k, 1, 1) != DUK_EXEC_SUCCESS) {
        iter_close(ctx, &it);
        return duk_throw(ctx);
      }
      duk_pop(ctx);
    }
    duk_push_number(ctx, k);
    duk_put_prop_literal(ctx, 5, "length");
    return 1;
  }
  /* an array-like */
  duk_dup(ctx, 0);
  duk_to_object(ctx, -1); /* [items mapFn thisArg O] */
  double len = length_of(ctx, 3);
  if (len > 4294967295.0) return duk_range_error(ctx, "Invalid array length");
  duk_push_array(ctx); /* [... O A] */
  for (; k < len; k++) {
    poll_interrupt(ctx, k);
    get_index(ctx, 3, k);
    if (!duk_is_undefined(ctx, 1)) {
      duk_dup(ctx, 1);
      duk_insert(ctx, -2);
      duk_dup(ctx, 2);
      duk_insert(ctx, -2);
      duk_push_number(ctx, k);
      duk_call_method(ctx, 2);
    }
    define_index(ctx, 4, k);
  }
  duk_push_number(ctx, len);
  duk_put_prop_literal(ctx, 4, "length");
  return 1;
}

/* Array.of(...items) */
duk_ret_t petrel_es_array_of(duk_context *ctx)
{
  duk_idx_t n = duk_get_top(ctx);
  duk_push_array(ctx);
  for (duk_idx_t i = 0; i < n; i++) {
    duk_dup(ctx, i);
    define_index(ctx, n, i);
  }
  duk_push_uint(ctx, (duk_uint_t)n);
  duk_put_prop_literal(ctx, n, "length");
  return 1;
}

/* find (0), findIndex (1), findLast (2), findLastIndex (3): (predicate, thisArg) */
static const char *const find_names[] = { "Array.prototype.find", "Array.prototype.findIndex",
                                          "Array.prototype.findLast", "Array.prototype.findLastIndex" };
duk_ret_t petrel_es_array_find(duk_context *ctx)
{
  int magic = duk_get_current_magic(ctx) & 3, want_index = magic & 1, last = magic & 2;
  duk_idx_t o = push_this_object(ctx, find_names[magic]); /* [pred thisArg O] */
  double len = length_of(ctx, o);
  require_callable(ctx, 0);
  for (double i = 0; i < len; i++) {
    double k = last ? len - 1 - i : i;
    poll_interrupt(ctx, i);
    get_index(ctx, o, k); /* [... kValue] */
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_dup(ctx, -3);
    duk_push_number(ctx, k);
    duk_dup(ctx, o);
    duk_call_method(ctx, 3); /* [... kValue result] */
    if (duk_to_boolean(ctx, -1)) {
      duk_pop(ctx);
      if (want_index) duk_push_number(ctx, k);
      return 1;
    }
    duk_pop_2(ctx);
  }
  if (want_index)
    duk_push_int(ctx, -1);
  else
    duk_push_undefined(ctx);
  return 1;
}

/* Array.prototype.includes(searchElement, fromIndex) */
duk_ret_t petrel_es_array_includes(duk_context *ctx)
{
  duk_idx_t o = push_this_object(ctx, NULL);
  double len = length_of(ctx, o);
  if (len == 0) return duk_push_false(ctx), 1; /* fromIndex is not even read */
  double n = to_integer(ctx, 1);
  if (n >= len) return duk_push_false(ctx), 1;
  double k = n >= 0 ? n : (len + n < 0 ? 0 : len + n);
  for (; k < len; k++) {
    poll_interrupt(ctx, k);
    get_index(ctx, o, k);
    if (same_value_zero(ctx, -1, 0)) return duk_push_true(ctx), 1;
    duk_pop(ctx);
  }
  duk_push_false(ctx);
  return 1;
}

/* Array.prototype.fill(value, start, end) */
duk_ret_t petrel_es_array_fill(duk_context *ctx)
{
  duk_idx_t o = push_this_object(ctx, NULL);
  double len = length_of(ctx, o);
  double k = relative_index(ctx, 1, len, 0), end = relative_index(ctx, 2, len, len);
  for (; k < end; k++) {
    poll_interrupt(ctx, k);
    duk_dup(ctx, 0);
    put_index(ctx, o, k);
  }
  return 1;
}

/* Array.prototype.at(index) */
duk_ret_t petrel_es_array_at(duk_context *ctx)
{
  duk_idx_t o = push_this_object(ctx, NULL);
  double len = length_of(ctx, o);
  double r = to_integer(ctx, 0), k = r >= 0 ? r : len + r;
  if (k < 0 || k >= len) return 0;
  get_index(ctx, o, k);
  return 1;
}

/* Array.prototype.copyWithin(target, start, end) */
duk_ret_t petrel_es_array_copy_within(duk_context *ctx)
{
  duk_idx_t o = push_this_object(ctx, NULL);
  double len = length_of(ctx, o);
  double to = relative_index(ctx, 0, len, 0), from = relative_index(ctx, 1, len, 0);
  double fin = relative_index(ctx, 2, len, len);
  double count = fin - from < len - to ? fin - from : len - to;
  int dir = 1;
  if (from < to && to < from + count) {
    dir = -1;
    from += count - 1;
    to += count - 1;
  }
  for (; count > 0; count--, from += dir, to += dir) {
    poll_interrupt(ctx, count);
    if (has_index(ctx, o, from)) {
      get_index(ctx, o, from);
      put_index(ctx, o, to);
    } else {
      duk_push_number(ctx, to);
      duk_del_prop(ctx, o);
    }
  }
  duk_dup(ctx, o);
  return 1;
}

/* FlattenIntoArray without recursion in C: each level of nested arrays open is three
 * slots on the value stack (source, its length, the next index).
 * [... A source] -> [... A]; mapper/this_arg: indexes, or -1 for flat(). */
static void flatten(duk_context *ctx, double depth, duk_idx_t mapper, duk_idx_t this_arg)
{
  duk_idx_t a = duk_get_top(ctx) - 2, base = a + 1;
  double target = 0;
  int level = 0;
  duk_push_number(ctx, length_of(ctx, base));
  duk_push_number(ctx, 0);
  while (level >= 0) {
    duk_idx_t src = base + 3 * level;
    double len = duk_get_number(ctx, src + 1), i = duk_get_number(ctx, src + 2);
    if (i >= len) {
      duk_pop_3(ctx);
      level--;
      continue;
    }
    poll_interrupt(ctx, i);
    duk_push_number(ctx, i + 1);
    duk_replace(ctx, src + 2);
    if (!has_index(ctx, src, i)) continue;
    get_index(ctx, src, i);
    if (mapper >= 0 && level == 0) {
      duk_dup(ctx, mapper);
      duk_insert(ctx, -2);
      duk_dup(ctx, this_arg);
      duk_insert(ctx, -2);
      duk_push_number(ctx, i);
      duk_dup(ctx, src);
      duk_call_method(ctx, 3);
    }
    if (level < depth && duk_is_array(ctx, -1)) {
      if (level + 1 >= FLAT_MAX_DEPTH) (void)duk_range_error(ctx, "Maximum call stack size exceeded");
      duk_require_stack(ctx, 3);
      duk_push_number(ctx, length_of(ctx, -1));
      duk_push_number(ctx, 0);
      level++;
      continue;
    }
    if (target >= MAX_SAFE) (void)duk_type_error(ctx, "Invalid array length");
    define_index(ctx, a, target++);
  }
}

/* Array.prototype.flat(depth) */
duk_ret_t petrel_es_array_flat(duk_context *ctx)
{
  duk_idx_t o = push_this_object(ctx, NULL); /* [depth O] */
  (void)length_of(ctx, o);                   /* read before depth, as the specification orders it */
  double depth = duk_is_undefined(ctx, 0) ? 1 : to_integer(ctx, 0);
  if (depth < 0) depth = 0;
  duk_push_array(ctx);
  duk_dup(ctx, o);
  flatten(ctx, depth, -1, -1);
  return 1;
}

/* Array.prototype.flatMap(mapper, thisArg) */
duk_ret_t petrel_es_array_flat_map(duk_context *ctx)
{
  duk_idx_t o = push_this_object(ctx, NULL); /* [mapper thisArg O] */
  (void)length_of(ctx, o);
  if (!duk_is_callable(ctx, 0)) return duk_type_error(ctx, "flatMap mapper function is not callable");
  duk_push_array(ctx);
  duk_dup(ctx, o);
  flatten(ctx, 1, 0, 1); /* the mapper is at 0, thisArg at 1 */
  return 1;
}

/* ---- Object ---- */

/* Object.entries (magic 0), Object.values (1) */
duk_ret_t petrel_es_object_entries(duk_context *ctx)
{
  int values = duk_get_current_magic(ctx);
  if (duk_is_null_or_undefined(ctx, 0)) return duk_type_error(ctx, "Cannot convert undefined or null to object");
  duk_to_object(ctx, 0);
  duk_push_array(ctx);                            /* [O out] */
  duk_enum(ctx, 0, DUK_ENUM_OWN_PROPERTIES_ONLY); /* own enumerable string keys, in Object.keys' order */
  duk_uarridx_t n = 0;
  while (duk_next(ctx, 2, 0)) { /* [O out enum key] */
    duk_dup(ctx, -1);
    duk_get_prop(ctx, 0); /* Get: a getter runs, as in the specification */
    if (values) {
      duk_remove(ctx, -2);
    } else {
      duk_push_array(ctx);
      duk_insert(ctx, -3);
      duk_put_prop_index(ctx, -3, 1);
      duk_put_prop_index(ctx, -2, 0);
    }
    duk_put_prop_index(ctx, 1, n++);
  }
  duk_pop(ctx);
  return 1;
}

/* A step of Object.fromEntries, under a safe call (in the caller's frame):
 * [iterable src next obj entry] -> [iterable src next obj] */
static duk_ret_t from_entries_store(duk_context *ctx, void *udata)
{
  (void)udata;
  if (!duk_is_object(ctx, -1))
    (void)duk_type_error(ctx, "Iterator value %s is not an entry object", push_value_text(ctx, -1));
  duk_get_prop_index(ctx, -1, 0);
  duk_get_prop_index(ctx, -2, 1); /* [... obj entry k v]: def_prop makes k a property key */
  duk_def_prop(ctx, 3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WEC);
  return 0;
}

duk_ret_t petrel_es_object_from_entries(duk_context *ctx)
{
  es_iter it;
  if (duk_is_null_or_undefined(ctx, 0)) return duk_type_error(ctx, "undefined is not iterable"); /* V8's words */
  iter_open(ctx, 0, &it, 0); /* [iterable src next] */
  duk_push_object(ctx);      /* [... obj] */
  while (iter_step(ctx, &it)) {
    if (duk_safe_call(ctx, from_entries_store, NULL, 1, 1) != DUK_EXEC_SUCCESS) {
      iter_close(ctx, &it);
      return duk_throw(ctx);
    }
    duk_pop(ctx);
  }
  return 1;
}

/* ---- String ---- */

/* String.prototype.at(index) */
duk_ret_t petrel_es_string_at(duk_context *ctx)
{
  duk_idx_t s = push_this_string(ctx, "String.prototype.at");
  double len = (double)duk_get_length(ctx, s);
  double r = to_integer(ctx, 0), k = r >= 0 ? r : len + r;
  if (k < 0 || k >= len) return 0;
  duk_substring(ctx, s, (duk_size_t)k, (duk_size_t)k + 1);
  return 1;
}

/* padStart (magic 0), padEnd (1): (maxLength, fillString) */
duk_ret_t petrel_es_string_pad(duk_context *ctx)
{
  int end = duk_get_current_magic(ctx);
  duk_idx_t s = push_this_string(ctx, end ? "String.prototype.padEnd" : "String.prototype.padStart");
  double max = to_length(ctx, 0), len = (double)duk_get_length(ctx, s);
  if (max <= len) return 1;
  if (duk_is_undefined(ctx, 1))
    duk_push_literal(ctx, " ");
  else
    duk_dup(ctx, 1);
  duk_to_string(ctx, -1);
  duk_size_t fill_chars = duk_get_length(ctx, -1);
  if (fill_chars == 0) return duk_pop(ctx), 1;
  if (max > MAX_STRING_LENGTH) return duk_range_error(ctx, "Invalid string length");
  size_t pad = (size_t)(max - len), whole = pad / fill_chars, part = pad % fill_chars;
  duk_dup_top(ctx);
  duk_substring(ctx, -1, 0, part); /* [... filler head] (duk_substring replaces its input) */
  duk_size_t fill_bytes, head_bytes, s_bytes;
  (void)duk_get_lstring(ctx, -1, &head_bytes);
  (void)duk_get_lstring(ctx, -2, &fill_bytes);
  (void)duk_get_lstring(ctx, s, &s_bytes);
  size_t total = whole * fill_bytes + head_bytes + s_bytes;
  unsigned char *out = duk_push_fixed_buffer(ctx, total);
  const char *fill = duk_get_string(ctx, -3), *head = duk_get_string(ctx, -2), *str = duk_get_string(ctx, s);
  unsigned char *p = out;
  if (end) memcpy(p, str, s_bytes), p += s_bytes;
  for (size_t i = 0; i < whole; i++) memcpy(p, fill, fill_bytes), p += fill_bytes;
  memcpy(p, head, head_bytes), p += head_bytes;
  if (!end) memcpy(p, str, s_bytes);
  duk_buffer_to_string(ctx, -1);
  return 1;
}

/* trimStart (magic 0), trimEnd (1): Duktape's trim() (its whitespace set) on the
 * string with a non-space character added on the side that must stay, dropped after. */
duk_ret_t petrel_es_string_trim_side(duk_context *ctx)
{
  int end = duk_get_current_magic(ctx);
  duk_idx_t s = push_this_string(ctx, end ? "String.prototype.trimRight" : "String.prototype.trimLeft"); /* V8's */
  if (end) {
    duk_push_literal(ctx, "x");
    duk_dup(ctx, s);
  } else {
    duk_dup(ctx, s);
    duk_push_literal(ctx, "x");
  }
  duk_concat(ctx, 2);
  duk_trim(ctx, -1);
  duk_size_t n = duk_get_length(ctx, -1);
  duk_substring(ctx, -1, end ? 1 : 0, end ? n : n - 1);
  return 1;
}

/* A growing buffer on the value stack */
typedef struct {
  duk_idx_t buf;
  size_t len, cap;
} growbuf;

static void gb_add(duk_context *ctx, growbuf *g, const void *p, size_t n)
{
  if (g->len + n > g->cap) {
    size_t cap = g->cap * 2 > g->len + n ? g->cap * 2 : g->len + n;
    duk_resize_buffer(ctx, g->buf, cap);
    g->cap = cap;
  }
  if (n) memcpy((char *)duk_get_buffer(ctx, g->buf, NULL) + g->len, p, n);
  g->len += n;
}

/* GetSubstitution for a string match (no captures). The strings are held on the value
 * stack: their bytes do not move when the buffer grows. */
static void add_substitution(duk_context *ctx, growbuf *g, const char *str, size_t slen, size_t pos, size_t qlen,
                             const char *rep, size_t rlen)
{
  for (size_t i = 0; i < rlen; i++) {
    if (rep[i] != '$' || i + 1 >= rlen) {
      gb_add(ctx, g, rep + i, 1);
      continue;
    }
    char c = rep[i + 1];
    if (c == '$') {
      gb_add(ctx, g, "$", 1);
    } else if (c == '&') {
      gb_add(ctx, g, str + pos, qlen);
    } else if (c == '`') {
      gb_add(ctx, g, str, pos);
    } else if (c == '\'') {
      gb_add(ctx, g, str + pos + qlen, slen - pos - qlen);
    } else {
      gb_add(ctx, g, rep + i, 1); /* "$" and the next character as they are ($1, $<: no captures) */
      continue;
    }
    i++;
  }
}

/* String.prototype.replaceAll(searchValue, replaceValue) */
duk_ret_t petrel_es_string_replace_all(duk_context *ctx)
{
  require_this(ctx, "String.prototype.replaceAll"); /* [search replace this] */
  if (duk_is_object(ctx, 0)) {
    duk_inspect_value(ctx, 0);
    duk_get_prop_literal(ctx, -1, "class");
    int is_regexp = duk_get_int(ctx, -1) == 11; /* DUK_HOBJECT_CLASS_REGEXP */
    duk_pop_2(ctx);
    if (is_regexp) {
      duk_get_prop_literal(ctx, 0, "flags");
      if (duk_is_null_or_undefined(ctx, -1) || !strchr(duk_to_string(ctx, -1), 'g'))
        return duk_type_error(ctx, "String.prototype.replaceAll called with a non-global RegExp argument");
      duk_pop(ctx);
      /* a global RegExp's replace replaces every match */
      duk_to_string(ctx, 2);
      duk_push_literal(ctx, "replace");
      duk_dup(ctx, 0);
      duk_dup(ctx, 1);
      duk_call_prop(ctx, 2, 2);
      return 1;
    }
  }
  duk_to_string(ctx, 2);
  duk_to_string(ctx, 0);
  int functional = duk_is_callable(ctx, 1);
  if (!functional) duk_to_string(ctx, 1);
  duk_size_t slen, qlen;
  (void)duk_get_lstring(ctx, 2, &slen);
  (void)duk_get_lstring(ctx, 0, &qlen);
  growbuf g = { 0, 0, slen + 16 };
  duk_push_dynamic_buffer(ctx, g.cap);
  g.buf = duk_get_top_index(ctx); /* [search replace str buf] */
  size_t from = 0, last = 0, chars = 0, counted = 0;
  for (;;) {
    const char *str = duk_get_string(ctx, 2), *q = duk_get_string(ctx, 0), *hit = NULL;
    if (from > slen) break;
    if (qlen == 0) {
      hit = str + from;
    } else {
      for (size_t i = from; i + qlen <= slen; i++)
        if (memcmp(str + i, q, qlen) == 0) {
          hit = str + i;
          break;
        }
    }
    if (!hit) break;
    size_t pos = (size_t)(hit - str);
    gb_add(ctx, &g, str + last, pos - last);
    if (functional) {
      for (; counted < pos; counted++) /* the position in characters */
        if (((unsigned char)str[counted] & 0xc0) != 0x80) chars++;
      duk_dup(ctx, 1);
      duk_push_undefined(ctx);
      duk_dup(ctx, 0);
      duk_push_number(ctx, (double)chars);
      duk_dup(ctx, 2);
      duk_call_method(ctx, 3);
      duk_size_t rl;
      const char *r = duk_to_lstring(ctx, -1, &rl);
      gb_add(ctx, &g, r, rl);
      duk_pop(ctx);
    } else {
      duk_size_t rl;
      const char *r = duk_get_lstring(ctx, 1, &rl);
      add_substitution(ctx, &g, str, slen, pos, qlen, r, rl);
    }
    last = pos + qlen;
    if (qlen)
      from = pos + qlen;
    else
      from = pos < slen ? pos + char_bytes((const unsigned char *)str + pos, slen - pos) : slen + 1;
  }
  gb_add(ctx, &g, duk_get_string(ctx, 2) + last, slen - last);
  duk_resize_buffer(ctx, g.buf, g.len);
  duk_buffer_to_string(ctx, g.buf);
  return 1;
}

/* ---- Math ---- */

/* |c^3 - x|, the cube's rounding errors kept (fma gives a product's error exactly) */
static double cube_error(double c, double x)
{
  double c2 = c * c, c2e = fma(c, c, -c2), c3 = c2 * c, c3e = fma(c2, c, -c3);
  return fabs((c3 - x) + c3e + c2e * c);
}

/* cbrt: libm's (glibc's is off by an ulp or two: cbrt(27) is 3.0000000000000004 there),
 * then moved to a neighbour while that is nearer, so that a cube's root is exact as in node. */
static double exact_cbrt(double x)
{
  double r = cbrt(x);
  if (!isfinite(r) || r == 0) return r;
  double err = cube_error(r, x);
  for (int i = 0; i < 4; i++) {
    double down = nextafter(r, -INFINITY), up = nextafter(r, INFINITY);
    double ed = cube_error(down, x), eu = cube_error(up, x);
    if (ed < err && ed <= eu) {
      r = down;
      err = ed;
    } else if (eu < err) {
      r = up;
      err = eu;
    } else {
      break;
    }
  }
  return r;
}

duk_ret_t petrel_es_math_onearg(duk_context *ctx)
{
  double x = duk_to_number(ctx, 0), r;
  switch (duk_get_current_magic(ctx)) {
    case 0: r = log1p(x); break;
    case 1: r = expm1(x); break;
    case 2: r = cosh(x); break;
    case 3: r = sinh(x); break;
    case 4: r = tanh(x); break;
    case 5: r = acosh(x); break;
    case 6: r = asinh(x); break;
    case 7: r = atanh(x); break;
    case 8: r = (double)(float)x; break; /* fround */
    default: r = exact_cbrt(x); break;
  }
  duk_push_number(ctx, r);
  return 1;
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
