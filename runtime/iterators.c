/*
 * The iteration protocol Duktape 2.7 lacks (#18): %IteratorPrototype% and the
 * array, string, Map and Set iterator prototypes (made on first use, kept in the
 * stash), Array.prototype.values/keys/entries and [Symbol.iterator],
 * String.prototype[Symbol.iterator], and petrel_iterate, which walks any iterable
 * from C as the spec's GetIterator/IteratorStep/IteratorClose do.
 *
 * Duktape 2.7 has the well-known symbol Symbol.iterator (DUK_USE_SYMBOL_BUILTIN) but
 * nothing that has it. The methods are light functions: on a board with Duktape's
 * ROM built-ins (DUK_ROM=1) Array.prototype and String.prototype are read-only
 * constant data, so they are put there at build time (runtime/builtins_rom.yaml,
 * the same functions); elsewhere petrel_iterators_setup adds them at boot.
 * An iterator is a plain object with its target, position and kind on hidden keys.
 */
#include <string.h>
#include "duktape.h"
#include "runtime.h"

#define SYM_ITERATOR DUK_WELLKNOWN_SYMBOL("Symbol.iterator")
#define IT_T         DUK_HIDDEN_SYMBOL("it") /* what it walks; deleted when done */
#define IT_P         DUK_HIDDEN_SYMBOL("ip") /* the next position */
#define IT_K         DUK_HIDDEN_SYMBOL("ik") /* the kind (values, keys, entries) */
#define ITER_PROTO   DUK_HIDDEN_SYMBOL("IteratorProto")

static const char *const proto_keys[] = { DUK_HIDDEN_SYMBOL("ArrayIterProto"), DUK_HIDDEN_SYMBOL("StringIterProto"),
                                          DUK_HIDDEN_SYMBOL("MapIterProto"), DUK_HIDDEN_SYMBOL("SetIterProto") };
static const char *const proto_tags[] = { "Array Iterator", "String Iterator", "Map Iterator", "Set Iterator" };

/* [...] -> [... { value, done }]: value from idx, or done (idx DUK_INVALID_INDEX) */
void petrel_iter_push_result(duk_context *ctx, duk_idx_t value)
{
  if (value != DUK_INVALID_INDEX) value = duk_normalize_index(ctx, value);
  duk_push_object(ctx);
  if (value != DUK_INVALID_INDEX)
    duk_dup(ctx, value);
  else
    duk_push_undefined(ctx);
  duk_put_prop_literal(ctx, -2, "value");
  duk_push_boolean(ctx, value == DUK_INVALID_INDEX);
  duk_put_prop_literal(ctx, -2, "done");
}

/* %IteratorPrototype%[Symbol.iterator]: returns this */
static duk_ret_t iter_self(duk_context *ctx)
{
  duk_push_this(ctx);
  return 1;
}

static void def_hidden_value(duk_context *ctx, duk_idx_t obj, const char *key)
{
  /* [... value] -> [...]: non-enumerable, writable, configurable (as the spec's methods) */
  obj = duk_normalize_index(ctx, obj);
  duk_push_string(ctx, key);
  duk_insert(ctx, -2);
  duk_def_prop(ctx, obj,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
}

static void def_tag(duk_context *ctx, duk_idx_t obj, const char *tag)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_literal(ctx, DUK_WELLKNOWN_SYMBOL("Symbol.toStringTag"));
  duk_push_string(ctx, tag);
  duk_def_prop(ctx, obj,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
}

void petrel_def_to_string_tag(duk_context *ctx, duk_idx_t obj, const char *tag) { def_tag(ctx, obj, tag); }

static duk_ret_t array_iter_next(duk_context *ctx);
static duk_ret_t string_iter_next(duk_context *ctx);

/* The stashed prototype of iterators of kind which (PETREL_ITER_*), made on first use:
 * next (a light function: next_fn, magic which) and the tag, inheriting from
 * %IteratorPrototype%; finalizer (or NULL) runs for each iterator that is collected. */
void petrel_iter_push_proto(duk_context *ctx, int which, duk_c_function next_fn, duk_c_function finalizer)
{
  duk_push_global_stash(ctx);
  if (duk_get_prop_string(ctx, -1, proto_keys[which])) {
    duk_remove(ctx, -2);
    return;
  }
  duk_pop(ctx);
  if (!duk_get_prop_literal(ctx, -1, ITER_PROTO)) {
    duk_pop(ctx);
    duk_push_object(ctx);
    duk_push_c_lightfunc(ctx, iter_self, 0, 0, 0);
    def_hidden_value(ctx, -2, SYM_ITERATOR);
    duk_dup_top(ctx);
    duk_put_prop_literal(ctx, -3, ITER_PROTO);
  } /* [stash iterproto] */
  duk_push_object(ctx);
  duk_insert(ctx, -2);
  duk_set_prototype(ctx, -2); /* [stash proto] */
  if (which == PETREL_ITER_ARRAY) next_fn = array_iter_next;
  if (which == PETREL_ITER_STRING) next_fn = string_iter_next;
  duk_push_c_lightfunc(ctx, next_fn, 0, 0, which);
  def_hidden_value(ctx, -2, "next");
  def_tag(ctx, -1, proto_tags[which]);
  if (finalizer) {
    duk_push_c_lightfunc(ctx, finalizer, 2, 2, 0);
    duk_set_finalizer(ctx, -2);
  }
  duk_dup_top(ctx);
  duk_put_prop_string(ctx, -3, proto_keys[which]);
  duk_remove(ctx, -2);
}

/* [...] -> [... iterator] over the value at target, of kind (its meaning is the next function's) */
void petrel_iter_push_new(duk_context *ctx, int which, duk_idx_t target, int kind, duk_c_function next_fn,
                          duk_c_function finalizer)
{
  target = duk_normalize_index(ctx, target);
  duk_push_object(ctx);
  petrel_iter_push_proto(ctx, which, next_fn, finalizer);
  duk_set_prototype(ctx, -2);
  duk_push_int(ctx, 0);
  duk_put_prop_literal(ctx, -2, IT_P);
  duk_push_int(ctx, which * 4 + kind);
  duk_put_prop_literal(ctx, -2, IT_K);
  duk_dup(ctx, target);
  duk_put_prop_literal(ctx, -2, IT_T);
}

/* An iterator's state for next: [...] -> [... this target], *pos, *kind; 0 when it is
 * done (nothing pushed). Throws if this is not an iterator of kind which. */
int petrel_iter_state(duk_context *ctx, int which, duk_uarridx_t *pos, int *kind)
{
  duk_push_this(ctx);
  int k = -1;
  if (duk_is_object(ctx, -1) && duk_get_prop_literal(ctx, -1, IT_K)) k = duk_get_int_default(ctx, -1, -1);
  duk_pop(ctx);
  if (k < 0 || k / 4 != which) {
    petrel_push_receiver_text(ctx, -1);
    (void)duk_type_error(ctx, "Method %s.prototype.next called on incompatible receiver %s", proto_tags[which],
                         duk_get_string(ctx, -1));
  }
  *kind = k % 4;
  if (!duk_get_prop_literal(ctx, -1, IT_T)) {
    duk_pop_2(ctx);
    return 0;
  }
  duk_get_prop_literal(ctx, -2, IT_P);
  *pos = (duk_uarridx_t)duk_get_uint(ctx, -1);
  duk_pop(ctx);
  return 1;
}

/* [... this target] -> [...]: the iterator's position is pos, or it is done (pos < 0) */
void petrel_iter_advance(duk_context *ctx, double pos)
{
  duk_pop(ctx);
  if (pos < 0) {
    duk_del_prop_literal(ctx, -1, IT_T);
  } else {
    duk_push_number(ctx, pos);
    duk_put_prop_literal(ctx, -2, IT_P);
  }
  duk_pop(ctx);
}

/* An iterator being collected: [...] -> [... target] (undefined when it was done), and
 * the iterator is done from now on (a finalizer may run again on an object it rescued) */
void petrel_iter_take_target(duk_context *ctx, duk_idx_t it)
{
  it = duk_normalize_index(ctx, it);
  duk_get_prop_literal(ctx, it, IT_T);
  duk_del_prop_literal(ctx, it, IT_T);
}

/* ---- arrays ---- */

/* Array.prototype.values (magic 0, also [Symbol.iterator]), keys (1), entries (2); for
 * %TypedArray%.prototype the same plus 4 (this must be a typed array) */
duk_ret_t petrel_array_iter(duk_context *ctx)
{
  static const char *const names[] = { "values", "keys", "entries" };
  int magic = duk_get_current_magic(ctx);
  duk_push_this(ctx);
  if (magic & 4) {
    if (!duk_is_buffer_data(ctx, -1) || duk_is_array(ctx, -1)) (void)duk_type_error(ctx, "this is not a typed array.");
  } else if (duk_is_null_or_undefined(ctx, -1)) {
    (void)duk_type_error(ctx, "Array.prototype.%s called on null or undefined", names[magic & 3]);
  }
  duk_to_object(ctx, -1);
  petrel_iter_push_new(ctx, PETREL_ITER_ARRAY, -1, magic & 3, NULL, NULL);
  return 1;
}

static duk_ret_t array_iter_next(duk_context *ctx)
{
  duk_uarridx_t pos;
  int kind;
  if (!petrel_iter_state(ctx, PETREL_ITER_ARRAY, &pos, &kind)) {
    petrel_iter_push_result(ctx, DUK_INVALID_INDEX);
    return 1;
  }
  duk_get_prop_literal(ctx, -1, "length");
  double len = duk_to_number(ctx, -1);
  duk_pop(ctx);
  if (!(pos < len)) {
    petrel_iter_advance(ctx, -1);
    petrel_iter_push_result(ctx, DUK_INVALID_INDEX);
    return 1;
  }
  if (kind == 1) {
    duk_push_uint(ctx, pos);
  } else {
    duk_get_prop_index(ctx, -1, pos);
    if (kind == 2) {
      duk_push_array(ctx);
      duk_push_uint(ctx, pos);
      duk_put_prop_index(ctx, -2, 0);
      duk_swap_top(ctx, -2);
      duk_put_prop_index(ctx, -2, 1);
    }
  }
  duk_insert(ctx, -3);
  petrel_iter_advance(ctx, (double)pos + 1);
  petrel_iter_push_result(ctx, -1);
  return 1;
}

/* ---- strings: by code point (a surrogate pair is one value) ---- */

/* String.prototype[Symbol.iterator] */
duk_ret_t petrel_string_iter(duk_context *ctx)
{
  duk_push_this(ctx);
  if (duk_is_null_or_undefined(ctx, -1))
    (void)duk_type_error(ctx, "String.prototype[Symbol.iterator] called on null or undefined");
  duk_to_string(ctx, -1);
  petrel_iter_push_new(ctx, PETREL_ITER_STRING, -1, 0, NULL, NULL);
  return 1;
}

/* The length of the code point at pos of the string at idx: 2 for a surrogate pair */
static duk_size_t code_point_units(duk_context *ctx, duk_idx_t idx, duk_size_t pos, duk_size_t len)
{
  duk_codepoint_t c = duk_char_code_at(ctx, idx, pos);
  if (c >= 0xD800 && c <= 0xDBFF && pos + 1 < len) {
    duk_codepoint_t d = duk_char_code_at(ctx, idx, pos + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) return 2;
  }
  return 1;
}

static duk_ret_t string_iter_next(duk_context *ctx)
{
  duk_uarridx_t pos;
  int kind;
  if (!petrel_iter_state(ctx, PETREL_ITER_STRING, &pos, &kind)) {
    petrel_iter_push_result(ctx, DUK_INVALID_INDEX);
    return 1;
  }
  duk_size_t len = duk_get_length(ctx, -1);
  if (pos >= len) {
    petrel_iter_advance(ctx, -1);
    petrel_iter_push_result(ctx, DUK_INVALID_INDEX);
    return 1;
  }
  duk_size_t n = code_point_units(ctx, -1, pos, len);
  duk_substring(ctx, -1, pos, pos + n); /* the target, replaced */
  duk_insert(ctx, -2);
  duk_push_undefined(ctx);
  petrel_iter_advance(ctx, (double)(pos + n));
  petrel_iter_push_result(ctx, -1);
  return 1;
}

/* ---- walking an iterable from C ---- */

typedef struct {
  petrel_iter_fn fn;
  void *udata;
} walk_args;

/* [value] -> [undefined]: one step's callback, under a safe call */
static duk_ret_t walk_step(duk_context *ctx, void *udata)
{
  walk_args *w = udata; /* a safe call runs in its caller's frame: indices from the top */
  duk_idx_t item = duk_get_top_index(ctx);
  w->fn(ctx, item, w->udata);
  duk_set_top(ctx, item);
  duk_push_undefined(ctx);
  return 1;
}

static duk_ret_t close_iterator(duk_context *ctx, void *udata)
{
  (void)udata; /* [it] */
  duk_get_prop_literal(ctx, -1, "return");
  if (!duk_is_null_or_undefined(ctx, -1)) {
    duk_dup(ctx, -2);
    duk_call_method(ctx, 0);
  }
  return 0;
}

/* Whether the value at idx's [Symbol.iterator] is the light function fn (or absent,
 * on a board where the built-ins could not get it): then it is walked by index. */
static int own_iterator(duk_context *ctx, duk_idx_t idx, duk_c_function fn, int magic)
{
  duk_get_prop_literal(ctx, idx, SYM_ITERATOR);
  duk_push_c_lightfunc(ctx, fn, 0, 0, magic);
  int yes = duk_is_undefined(ctx, -2) || duk_strict_equals(ctx, -1, -2);
  duk_pop_2(ctx);
  return yes;
}

/* [...] -> [... text]: V8's words for a value in a TypeError: "number 5", "string \"x\"",
 * "object null", "undefined", "object", "function", "symbol" */
void petrel_push_value_text(duk_context *ctx, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  if (duk_is_symbol(ctx, idx))
    duk_push_literal(ctx, "symbol");
  else if (duk_is_string(ctx, idx))
    duk_push_sprintf(ctx, "string \"%s\"", duk_get_string(ctx, idx));
  else if (duk_is_number(ctx, idx) || duk_is_boolean(ctx, idx)) {
    duk_push_string(ctx, duk_is_number(ctx, idx) ? "number " : "boolean ");
    duk_dup(ctx, idx);
    duk_safe_to_string(ctx, -1);
    duk_concat(ctx, 2);
  } else if (duk_is_null(ctx, idx))
    duk_push_literal(ctx, "object null");
  else if (duk_is_undefined(ctx, idx))
    duk_push_literal(ctx, "undefined");
  else if (duk_is_callable(ctx, idx))
    duk_push_literal(ctx, "function");
  else
    duk_push_literal(ctx, "object");
}

/* [...] -> [... text]: V8's words for a wrong receiver: "#<Map>", "[object Array]", "1" */
void petrel_push_receiver_text(duk_context *ctx, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  if (duk_is_array(ctx, idx)) {
    duk_push_literal(ctx, "[object Array]");
  } else if (duk_is_object(ctx, idx) && !duk_is_callable(ctx, idx)) {
    duk_get_prop_literal(ctx, idx, "constructor");
    duk_get_prop_literal(ctx, -1, "name");
    duk_push_sprintf(ctx, "#<%s>",
                     duk_is_string(ctx, -1) && !duk_is_symbol(ctx, -1) ? duk_get_string(ctx, -1) : "Object");
    duk_replace(ctx, -3);
    duk_pop(ctx);
  } else {
    duk_dup(ctx, idx);
    duk_safe_to_string(ctx, -1);
  }
}

void petrel_iterate(duk_context *ctx, duk_idx_t idx, petrel_iter_fn fn, void *udata)
{
  idx = duk_normalize_index(ctx, idx);
  duk_idx_t top = duk_get_top(ctx);
  walk_args w = { fn, udata };
  if (duk_is_array(ctx, idx) && own_iterator(ctx, idx, petrel_array_iter, 0)) {
    for (duk_uarridx_t i = 0; i < duk_get_length(ctx, idx); i++) {
      duk_get_prop_index(ctx, idx, i);
      fn(ctx, duk_get_top_index(ctx), udata);
      duk_set_top(ctx, top);
    }
    return;
  }
  if (duk_is_string(ctx, idx) && !duk_is_symbol(ctx, idx) && own_iterator(ctx, idx, petrel_string_iter, 0)) {
    duk_size_t len = duk_get_length(ctx, idx);
    for (duk_size_t i = 0; i < len;) {
      duk_size_t n = code_point_units(ctx, idx, i, len);
      duk_dup(ctx, idx);
      duk_substring(ctx, -1, i, i + n);
      fn(ctx, duk_get_top_index(ctx), udata);
      duk_set_top(ctx, top);
      i += n;
    }
    return;
  }
  if (duk_is_null_or_undefined(ctx, idx)) (void)petrel_throw_not_iterable(ctx, idx);
  duk_get_prop_literal(ctx, idx, SYM_ITERATOR);
  if (!duk_is_callable(ctx, -1)) (void)petrel_throw_not_iterable(ctx, idx);
  duk_dup(ctx, idx);
  duk_call_method(ctx, 0); /* [... it] */
  if (!duk_check_type_mask(ctx, -1, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_LIGHTFUNC | DUK_TYPE_MASK_BUFFER))
    (void)duk_type_error(ctx, "Result of the Symbol.iterator method is not an object");
  duk_idx_t it = duk_get_top_index(ctx);
  duk_get_prop_literal(ctx, it, "next"); /* read once, as GetIterator does */
  for (;;) {
    duk_dup(ctx, it + 1);
    duk_dup(ctx, it);
    duk_call_method(ctx, 0);
    if (!duk_check_type_mask(ctx, -1, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_LIGHTFUNC | DUK_TYPE_MASK_BUFFER)) {
      duk_safe_to_string(ctx, -1);
      (void)duk_type_error(ctx, "Iterator result %s is not an object", duk_get_string(ctx, -1));
    }
    duk_get_prop_literal(ctx, -1, "done");
    if (duk_to_boolean(ctx, -1)) break;
    duk_pop(ctx);
    duk_get_prop_literal(ctx, -1, "value");
    duk_remove(ctx, -2);
    if (duk_safe_call(ctx, walk_step, &w, 1, 1) != DUK_EXEC_SUCCESS) {
      /* IteratorClose: return() is called, the step's error wins over its own */
      duk_dup(ctx, it);
      duk_safe_call(ctx, close_iterator, NULL, 1, 1);
      duk_pop(ctx);
      (void)duk_throw(ctx);
    }
    duk_pop(ctx);
  }
  duk_set_top(ctx, top);
}

/* ---- set-up ---- */

static const petrel_lf_name iter_names[] = { { "values", petrel_array_iter, 0 },
                                             { "keys", petrel_array_iter, 1 },
                                             { "entries", petrel_array_iter, 2 },
                                             { "values", petrel_array_iter, 4 },
                                             { "keys", petrel_array_iter, 5 },
                                             { "entries", petrel_array_iter, 6 },
                                             { "[Symbol.iterator]", petrel_string_iter, 0 },
                                             { "[Symbol.iterator]", iter_self, 0 },
                                             { "next", array_iter_next, PETREL_ITER_ARRAY },
                                             { "next", string_iter_next, PETREL_ITER_STRING },
                                             { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(iterators, iter_names);

/* obj[key] = fn (magic), non-enumerable, unless obj is read-only (ROM built-ins: they
 * have it from runtime/builtins_rom.yaml) */
static duk_ret_t def_method(duk_context *ctx, void *udata)
{
  (void)udata; /* [obj key fn] */
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
  return 0;
}

static void put_method(duk_context *ctx, duk_idx_t obj, const char *key, duk_c_function fn, int magic)
{
  obj = duk_normalize_index(ctx, obj);
  duk_get_prop_string(ctx, obj, key);
  int have = !duk_is_undefined(ctx, -1);
  duk_pop(ctx);
  if (have) return;
  duk_dup(ctx, obj);
  duk_push_string(ctx, key);
  duk_push_c_lightfunc(ctx, fn, 0, 0, magic);
  (void)duk_safe_call(ctx, def_method, NULL, 3, 1);
  duk_pop(ctx);
}

void petrel_iterators_setup(duk_context *ctx, duk_idx_t global)
{
  global = duk_normalize_index(ctx, global);
  duk_get_prop_literal(ctx, global, "Array");
  duk_get_prop_literal(ctx, -1, "prototype");
  put_method(ctx, -1, "entries", petrel_array_iter, 2);
  put_method(ctx, -1, "keys", petrel_array_iter, 1);
  put_method(ctx, -1, "values", petrel_array_iter, 0);
  put_method(ctx, -1, SYM_ITERATOR, petrel_array_iter, 0);
  duk_pop_2(ctx);
  /* %TypedArray%.prototype (Buffer's too): Uint8Array.prototype's prototype */
  if (duk_get_prop_literal(ctx, global, "Uint8Array") && duk_is_object(ctx, -1)) {
    duk_get_prop_literal(ctx, -1, "prototype");
    duk_get_prototype(ctx, -1);
    if (duk_is_object(ctx, -1)) {
      put_method(ctx, -1, "entries", petrel_array_iter, 6);
      put_method(ctx, -1, "keys", petrel_array_iter, 5);
      put_method(ctx, -1, "values", petrel_array_iter, 4);
      put_method(ctx, -1, SYM_ITERATOR, petrel_array_iter, 4);
    }
    duk_pop_2(ctx);
  }
  duk_pop(ctx);
  duk_get_prop_literal(ctx, global, "String");
  duk_get_prop_literal(ctx, -1, "prototype");
  put_method(ctx, -1, SYM_ITERATOR, petrel_string_iter, 0);
  duk_pop_2(ctx);
}
