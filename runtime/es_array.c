/* Array.from/of and the Array.prototype methods of runtime/es_methods.c's list. */
#include <math.h>
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "es_internal.h"

/* ---- Array ---- */

/* Array.from's mapping of the value on top, the k-th, when there is a mapFn (at 1,
 * thisArg at 2): [... value] -> [... mapFn.call(thisArg, value, k)] */
static void from_map(duk_context *ctx, double k)
{
  if (duk_is_undefined(ctx, 1)) return;
  duk_dup(ctx, 1);
  duk_insert(ctx, -2);
  duk_dup(ctx, 2);
  duk_insert(ctx, -2);
  duk_push_number(ctx, k);
  duk_call_method(ctx, 2);
}

void petrel_array_species_create(duk_context *ctx, duk_idx_t orig, duk_double_t len); /* es_species.c */

/* ArraySpeciesCreate(O at orig, len) for flat/flatMap: [...] -> [... A] */
static void species_create(duk_context *ctx, duk_idx_t orig, double len)
{
  petrel_array_species_create(ctx, duk_normalize_index(ctx, orig), len);
}

/* Array.from's and Array.of's result: `new C(...args)` when this (C) is a constructor
 * other than Array (a subclass: `A.from(...)` makes an A; Array's prototype is the one
 * Duktape gives a new array), else a plain array. [...] -> [... A]; nargs 0 or 1 (the
 * length, len). */
static void push_from_result(duk_context *ctx, int nargs, double len)
{
  duk_push_array(ctx);
  duk_push_this(ctx);
  if (duk_is_constructable(ctx, -1)) {
    duk_get_prop_literal(ctx, -1, "prototype");
    duk_get_prototype(ctx, -3);
    int plain = duk_strict_equals(ctx, -1, -2);
    duk_pop_2(ctx);
    if (!plain) {
      duk_remove(ctx, -2);
      if (nargs) duk_push_number(ctx, len);
      duk_new(ctx, nargs);
      return;
    }
  }
  duk_pop(ctx);
}

/* A step of Array.from over an iterator (map, store), under a safe call so that an
 * error closes the iterator. A safe call runs in its caller's frame:
 * [items mapFn thisArg src next A value] -> [items mapFn thisArg src next A] */
static duk_ret_t from_store(duk_context *ctx, void *udata)
{
  double k = *(double *)udata;
  from_map(ctx, k);
  es_define_index(ctx, 5, k);
  return 0;
}

/* Array.from(items, mapFn, thisArg) */
duk_ret_t petrel_es_array_from(duk_context *ctx)
{
  duk_set_top(ctx, 3);
  if (!duk_is_undefined(ctx, 1)) es_require_callable(ctx, 1);
  es_iter it;
  double k = 0;
  if (es_iter_open(ctx, 0, &it, 1)) {
    push_from_result(ctx, 0, 0); /* [items mapFn thisArg src next A] */
    for (;; k++) {
      if (k >= MAX_SAFE) {
        es_iter_close(ctx, &it);
        return duk_type_error(ctx, "Invalid array length");
      }
      if (!es_iter_step(ctx, &it)) break;
      if (duk_safe_call(ctx, from_store, &k, 1, 1) != DUK_EXEC_SUCCESS) {
        es_iter_close(ctx, &it);
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
  double len = es_length_of(ctx, 3);
  if (len > 4294967295.0) return duk_range_error(ctx, "Invalid array length");
  push_from_result(ctx, 1, len); /* [... O A] */
  for (; k < len; k++) {
    es_poll_interrupt(ctx, k);
    es_get_index(ctx, 3, k);
    from_map(ctx, k);
    es_define_index(ctx, 4, k);
  }
  duk_push_number(ctx, len);
  duk_put_prop_literal(ctx, 4, "length");
  return 1;
}

/* Array.of(...items) */
duk_ret_t petrel_es_array_of(duk_context *ctx)
{
  duk_idx_t n = duk_get_top(ctx);
  push_from_result(ctx, 1, n);
  for (duk_idx_t i = 0; i < n; i++) {
    duk_dup(ctx, i);
    es_define_index(ctx, n, i);
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
  duk_idx_t o = es_push_this_object(ctx, find_names[magic]); /* [pred thisArg O] */
  double len = es_length_of(ctx, o);
  es_require_callable(ctx, 0);
  for (double i = 0; i < len; i++) {
    double k = last ? len - 1 - i : i;
    es_poll_interrupt(ctx, i);
    es_get_index(ctx, o, k); /* [... kValue] */
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
  duk_idx_t o = es_push_this_object(ctx, NULL);
  double len = es_length_of(ctx, o);
  if (len == 0) return duk_push_false(ctx), 1; /* fromIndex is not even read */
  double n = es_to_integer(ctx, 1);
  if (n >= len) return duk_push_false(ctx), 1;
  double k = n >= 0 ? n : (len + n < 0 ? 0 : len + n);
  for (; k < len; k++) {
    es_poll_interrupt(ctx, k);
    es_get_index(ctx, o, k);
    if (es_same_value_zero(ctx, -1, 0)) return duk_push_true(ctx), 1;
    duk_pop(ctx);
  }
  duk_push_false(ctx);
  return 1;
}

/* Array.prototype.fill(value, start, end) */
duk_ret_t petrel_es_array_fill(duk_context *ctx)
{
  duk_idx_t o = es_push_this_object(ctx, NULL);
  double len = es_length_of(ctx, o);
  double k = es_relative_index(ctx, 1, len, 0), end = es_relative_index(ctx, 2, len, len);
  for (; k < end; k++) {
    es_poll_interrupt(ctx, k);
    duk_dup(ctx, 0);
    es_put_index(ctx, o, k);
  }
  return 1;
}

/* Array.prototype.at(index) */
duk_ret_t petrel_es_array_at(duk_context *ctx)
{
  duk_idx_t o = es_push_this_object(ctx, NULL);
  double len = es_length_of(ctx, o);
  double r = es_to_integer(ctx, 0), k = r >= 0 ? r : len + r;
  if (k < 0 || k >= len) return 0;
  es_get_index(ctx, o, k);
  return 1;
}

/* Array.prototype.copyWithin(target, start, end) */
duk_ret_t petrel_es_array_copy_within(duk_context *ctx)
{
  duk_idx_t o = es_push_this_object(ctx, NULL);
  double len = es_length_of(ctx, o);
  double to = es_relative_index(ctx, 0, len, 0), from = es_relative_index(ctx, 1, len, 0);
  double fin = es_relative_index(ctx, 2, len, len);
  double count = fin - from < len - to ? fin - from : len - to;
  int dir = 1;
  if (from < to && to < from + count) {
    dir = -1;
    from += count - 1;
    to += count - 1;
  }
  for (; count > 0; count--, from += dir, to += dir) {
    es_poll_interrupt(ctx, count);
    if (es_has_index(ctx, o, from)) {
      es_get_index(ctx, o, from);
      es_put_index(ctx, o, to);
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
  duk_push_number(ctx, es_length_of(ctx, base));
  duk_push_number(ctx, 0);
  while (level >= 0) {
    duk_idx_t src = base + 3 * level;
    double len = duk_get_number(ctx, src + 1), i = duk_get_number(ctx, src + 2);
    if (i >= len) {
      duk_pop_3(ctx);
      level--;
      continue;
    }
    es_poll_interrupt(ctx, i);
    duk_push_number(ctx, i + 1);
    duk_replace(ctx, src + 2);
    if (!es_has_index(ctx, src, i)) continue;
    es_get_index(ctx, src, i);
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
      duk_push_number(ctx, es_length_of(ctx, -1));
      duk_push_number(ctx, 0);
      level++;
      continue;
    }
    if (target >= MAX_SAFE) (void)duk_type_error(ctx, "Invalid array length");
    es_define_index(ctx, a, target++);
  }
}

/* Array.prototype.flat(depth) */
duk_ret_t petrel_es_array_flat(duk_context *ctx)
{
  duk_idx_t o = es_push_this_object(ctx, NULL); /* [depth O] */
  (void)es_length_of(ctx, o);                   /* read before depth, as the specification orders it */
  double depth = duk_is_undefined(ctx, 0) ? 1 : es_to_integer(ctx, 0);
  if (depth < 0) depth = 0;
  species_create(ctx, o, 0);
  duk_dup(ctx, o);
  flatten(ctx, depth, -1, -1);
  return 1;
}

/* Array.prototype.flatMap(mapper, thisArg) */
duk_ret_t petrel_es_array_flat_map(duk_context *ctx)
{
  duk_idx_t o = es_push_this_object(ctx, NULL); /* [mapper thisArg O] */
  (void)es_length_of(ctx, o);
  if (!duk_is_callable(ctx, 0)) return duk_type_error(ctx, "flatMap mapper function is not callable");
  species_create(ctx, o, 0);
  duk_dup(ctx, o);
  flatten(ctx, 1, 0, 1); /* the mapper is at 0, thisArg at 1 */
  return 1;
}
