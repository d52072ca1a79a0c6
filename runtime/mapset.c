/*
 * Map, Set, WeakMap and WeakSet in C (#18), with ES2015's semantics: insertion
 * order, SameValueZero keys, iterators that see entries added while they run and
 * skip those deleted.
 *
 * A Map or Set is an ordinary object (its prototype Map.prototype or Set.prototype,
 * so classes can extend them) with a hash table (runtime/mapset_table.c) under two
 * hidden properties; its iterators and forEach count as running in the table, so its
 * holes are not squeezed out under them, and an iterator that is collected before it
 * finishes stops counting through its prototype's finalizer.
 *
 * A WeakMap or WeakSet holds nothing: the value lives on the key, in a record under a
 * hidden key (WR: by the collection's id), so it goes when the key is collected.
 * A key that cannot take the record (a light function, a read-only ROM built-in,
 * a symbol) goes into a table of the collection itself, which holds it: the first two
 * live forever anyway; a symbol used as a key stays as long as the collection.
 *
 * The constructors and prototypes are made on first use: until then the globals are
 * accessors (runtime/lazy_globals.c), as Promise is.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "duktape.h"
#include "mapset_internal.h"
#include "runtime.h"

#define WID DUK_HIDDEN_SYMBOL("wid")
#define WR  DUK_HIDDEN_SYMBOL("wr")
#define WO  DUK_HIDDEN_SYMBOL("wo")

static const char *const ctor_keys[] = { DUK_HIDDEN_SYMBOL("Map"), DUK_HIDDEN_SYMBOL("Set"),
                                         DUK_HIDDEN_SYMBOL("WeakMap"), DUK_HIDDEN_SYMBOL("WeakSet") };

/* ---- the receiver ---- */

/* [...] -> throws V8's "Method Map.prototype.get called on incompatible receiver #<Object>" */
static duk_ret_t incompatible(duk_context *ctx, int kind, const char *method)
{
  duk_push_this(ctx);
  petrel_push_receiver_text(ctx, -1);
  return duk_type_error(ctx, "Method %s%s.prototype.%s called on incompatible receiver %s",
                        strcmp(method, "size") ? "" : "get ", mapset_kind_names[kind], method, duk_get_string(ctx, -1));
}

/* this's parts for a method of kind: [args...] -> [args... buf slots] */
static void this_coll(duk_context *ctx, int kind, const char *method, coll *c)
{
  duk_push_this(ctx);
  if (!mapset_get_coll(ctx, -1, kind, c)) (void)incompatible(ctx, kind, method);
  c->obj = duk_get_top(ctx) - 3;
}

/* ---- Map and Set methods (magic: the kind) ---- */

static duk_ret_t coll_get(duk_context *ctx)
{
  coll c;
  duk_set_top(ctx, 1);
  this_coll(ctx, K_MAP, "get", &c);
  entry k;
  mapset_key_of(ctx, 0, &k);
  int32_t i = mapset_find(ctx, &c, &k, 0);
  if (i < 0) return 0;
  duk_get_prop_index(ctx, c.slots, (duk_uarridx_t)i * 2 + 1);
  return 1;
}

static duk_ret_t coll_has(duk_context *ctx)
{
  coll c;
  duk_set_top(ctx, 1);
  this_coll(ctx, duk_get_current_magic(ctx), "has", &c);
  entry k;
  mapset_key_of(ctx, 0, &k);
  duk_push_boolean(ctx, mapset_find(ctx, &c, &k, 0) >= 0);
  return 1;
}

/* Map.prototype.set (magic K_MAP) and Set.prototype.add (K_SET): return this */
static duk_ret_t coll_set(duk_context *ctx)
{
  coll c;
  int kind = duk_get_current_magic(ctx);
  duk_set_top(ctx, 2);
  this_coll(ctx, kind, kind == K_MAP ? "set" : "add", &c);
  mapset_table_set(ctx, &c, 0, 1);
  duk_dup(ctx, c.obj);
  return 1;
}

static duk_ret_t coll_delete(duk_context *ctx)
{
  coll c;
  duk_set_top(ctx, 1);
  this_coll(ctx, duk_get_current_magic(ctx), "delete", &c);
  duk_push_boolean(ctx, mapset_table_delete(ctx, &c, 0));
  return 1;
}

static duk_ret_t coll_clear(duk_context *ctx)
{
  coll c;
  duk_set_top(ctx, 0);
  this_coll(ctx, duk_get_current_magic(ctx), "clear", &c);
  mapset_table_clear(ctx, &c);
  return 0;
}

static duk_ret_t coll_size(duk_context *ctx)
{
  coll c;
  duk_set_top(ctx, 0);
  this_coll(ctx, duk_get_current_magic(ctx), "size", &c);
  duk_push_uint(ctx, tab(ctx, &c)->count);
  return 1;
}

/* throws V8's "number 5 is not a function" for the value at idx */
static duk_ret_t not_a_function(duk_context *ctx, duk_idx_t idx)
{
  petrel_push_value_text(ctx, idx);
  return duk_type_error(ctx, "%s is not a function", duk_get_string(ctx, -1));
}

/* forEach(fn, thisArg): fn(value, key, collection) for each entry, those added
 * meanwhile included. */
static duk_ret_t coll_for_each(duk_context *ctx)
{
  coll c;
  duk_set_top(ctx, 2);
  int kind = duk_get_current_magic(ctx);
  this_coll(ctx, kind, "forEach", &c); /* [fn thisArg this buf slots] */
  if (!duk_is_callable(ctx, 0)) return not_a_function(ctx, 0);
  table *t = tab(ctx, &c);
  int s = slots_per(t);
  t->iters++;
  int failed = 0;
  for (uint32_t i = 0; !failed && i < (t = tab(ctx, &c))->used; i++) {
    if (E_TYPE(&ENTRIES(t)[i]) == T_DEL) continue;
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_get_prop_index(ctx, c.slots, i * (duk_uarridx_t)s + (duk_uarridx_t)(s - 1));
    duk_get_prop_index(ctx, c.slots, i * (duk_uarridx_t)s);
    duk_dup(ctx, c.obj);
    failed = duk_pcall_method(ctx, 3) != DUK_EXEC_SUCCESS;
    if (!failed) duk_pop(ctx);
  }
  tab(ctx, &c)->iters--;
  if (failed) return duk_throw(ctx);
  return 0;
}

/* ---- iterators: keys (0), values (1), entries (2) ---- */

static duk_ret_t coll_iter_finalizer(duk_context *ctx)
{
  /* [it heapDestruct]: an iterator collected before it finished no longer holds back
   * its collection's compaction */
  petrel_iter_take_target(ctx, 0);
  coll c;
  if (mapset_get_coll(ctx, -1, K_MAP, &c) || mapset_get_coll(ctx, -1, K_SET, &c)) {
    table *t = tab(ctx, &c);
    if (t->iters > 0) t->iters--;
  }
  return 0;
}

static duk_ret_t coll_iter_next(duk_context *ctx);

static duk_ret_t coll_iter(duk_context *ctx)
{
  coll c;
  int magic = duk_get_current_magic(ctx), kind = magic & 1, what = magic >> 1;
  static const char *const names[] = { "keys", "values", "entries" };
  duk_set_top(ctx, 0);
  this_coll(ctx, kind, names[what], &c);
  if (kind == K_SET && what == 0) what = 1;
  petrel_iter_push_new(ctx, kind == K_MAP ? PETREL_ITER_MAP : PETREL_ITER_SET, c.obj, what, coll_iter_next,
                       coll_iter_finalizer);
  tab(ctx, &c)->iters++;
  return 1;
}

/* next (magic: PETREL_ITER_MAP or PETREL_ITER_SET) */
static duk_ret_t coll_iter_next(duk_context *ctx)
{
  int which = duk_get_current_magic(ctx);
  duk_uarridx_t pos;
  int what;
  if (!petrel_iter_state(ctx, which, &pos, &what)) { /* [this target] */
    petrel_iter_push_result(ctx, DUK_INVALID_INDEX);
    return 1;
  }
  coll c;
  if (!mapset_get_coll(ctx, -1, which == PETREL_ITER_MAP ? K_MAP : K_SET, &c))
    return duk_type_error(ctx, "not an iterator"); /* [this target buf slots] */
  table *t = tab(ctx, &c);
  while (pos < t->used && E_TYPE(&ENTRIES(t)[pos]) == T_DEL) pos++;
  if (pos >= t->used) {
    t->iters--;
    duk_pop_2(ctx);
    petrel_iter_advance(ctx, -1);
    petrel_iter_push_result(ctx, DUK_INVALID_INDEX);
    return 1;
  }
  int s = slots_per(t);
  if (what == 2) {
    duk_push_array(ctx);
    duk_get_prop_index(ctx, c.slots, pos * (duk_uarridx_t)s);
    duk_put_prop_index(ctx, -2, 0);
    duk_get_prop_index(ctx, c.slots, pos * (duk_uarridx_t)s + (duk_uarridx_t)(s - 1));
    duk_put_prop_index(ctx, -2, 1);
  } else {
    duk_get_prop_index(ctx, c.slots, pos * (duk_uarridx_t)s + (what == 1 ? (duk_uarridx_t)(s - 1) : 0));
  }
  duk_insert(ctx, -5);
  duk_pop_2(ctx);
  petrel_iter_advance(ctx, (double)pos + 1);
  petrel_iter_push_result(ctx, -1);
  return 1;
}

/* ---- WeakMap and WeakSet ---- */

static uint32_t weak_ids;

/* this's id for a method of kind (K_WEAKMAP or K_WEAKSET), or throws */
static duk_uarridx_t weak_this(duk_context *ctx, int kind, const char *method)
{
  duk_push_this(ctx);
  double id = -1;
  if (duk_is_object(ctx, -1) && duk_get_prop_literal(ctx, -1, WID)) id = duk_get_number_default(ctx, -1, -1);
  duk_pop(ctx);
  if (id < 0 || (int)fmod(id, 2) != kind - K_WEAKMAP) (void)incompatible(ctx, kind, method);
  duk_pop(ctx);
  return (duk_uarridx_t)id;
}

/* Objects, and (node 20) symbols that are not registered (Symbol.for's: Duktape marks
 * them with a first byte 0x80) */
static int weak_key_ok(duk_context *ctx, duk_idx_t idx)
{
  if (duk_is_symbol(ctx, idx)) return (unsigned char)duk_get_string(ctx, idx)[0] != 0x80;
  return duk_check_type_mask(ctx, idx, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_LIGHTFUNC | DUK_TYPE_MASK_BUFFER);
}

/* The collection's own table (keys that cannot take a record), pushed as for
 * get_coll, made first when make is set; 0 when there is none. */
static int weak_own(duk_context *ctx, int make, coll *c)
{
  duk_push_this(ctx);
  if (!mapset_get_coll(ctx, -1, K_WEAKMAP, c)) {
    if (!make) {
      duk_pop(ctx);
      return 0;
    }
    mapset_table_new(ctx, -1, K_WEAKMAP);
    mapset_get_coll(ctx, -1, K_WEAKMAP, c);
  }
  return 1;
}

static duk_ret_t put_record(duk_context *ctx, void *udata)
{
  (void)udata; /* [key rec] */
  duk_push_literal(ctx, WR);
  duk_insert(ctx, -2);
  /* FORCE: frozen and sealed keys take it too; it stays invisible (a hidden key),
   * and non-writable and non-configurable, so Object.isFrozen is unchanged */
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_CLEAR_CONFIGURABLE);
  return 0;
}

/* [...] -> [... rec] (the key's record), or returns 0 (nothing pushed): none, and make
 * is not set or the key cannot take one. A record holds its key's address (a pointer
 * value, not a reference): one found through the prototype chain is another's. */
static int weak_record(duk_context *ctx, duk_idx_t key, int make)
{
  key = duk_normalize_index(ctx, key);
  if (!duk_is_object(ctx, key)) return 0;
  void *self = duk_get_heapptr(ctx, key);
  if (duk_get_prop_literal(ctx, key, WR)) {
    duk_get_prop_literal(ctx, -1, WO);
    int own = duk_get_pointer(ctx, -1) == self;
    duk_pop(ctx);
    if (own) return 1;
  }
  duk_pop(ctx);
  if (!make) return 0;
  duk_dup(ctx, key);
  duk_push_bare_object(ctx);
  duk_push_pointer(ctx, self);
  duk_put_prop_literal(ctx, -2, WO);
  duk_dup_top(ctx);
  duk_insert(ctx, -3); /* [... rec key rec] */
  if (duk_safe_call(ctx, put_record, NULL, 2, 1) != DUK_EXEC_SUCCESS) {
    /* a read-only object (a ROM built-in) refuses with a TypeError; anything else, such
     * as running out of memory, goes on */
    if (duk_get_error_code(ctx, -1) != DUK_ERR_TYPE_ERROR) (void)duk_throw(ctx);
    duk_pop_2(ctx);
    return 0;
  }
  duk_pop(ctx);
  return 1;
}

/* get (K_WEAKMAP) and has (both kinds) */
static duk_ret_t weak_get_has(duk_context *ctx, int kind, int get)
{
  duk_set_top(ctx, 1);
  duk_uarridx_t id = weak_this(ctx, kind, get ? "get" : "has");
  if (!weak_key_ok(ctx, 0)) return get ? 0 : (duk_push_false(ctx), 1);
  if (weak_record(ctx, 0, 0)) {
    if (get) {
      duk_get_prop_index(ctx, -1, id);
      if (!duk_is_undefined(ctx, -1) || duk_has_prop_index(ctx, -2, id)) return 1;
    } else if (duk_has_prop_index(ctx, -1, id)) {
      duk_push_true(ctx);
      return 1;
    }
  }
  coll c;
  int32_t i = -1;
  if (weak_own(ctx, 0, &c)) {
    entry k;
    mapset_key_of(ctx, 0, &k);
    i = mapset_find(ctx, &c, &k, 0);
    if (i >= 0 && get) {
      duk_get_prop_index(ctx, c.slots, (duk_uarridx_t)i * 2 + 1);
      return 1;
    }
  }
  if (get) return 0;
  duk_push_boolean(ctx, i >= 0);
  return 1;
}

static duk_ret_t weak_get(duk_context *ctx) { return weak_get_has(ctx, K_WEAKMAP, 1); }
static duk_ret_t weak_has(duk_context *ctx) { return weak_get_has(ctx, duk_get_current_magic(ctx), 0); }

/* WeakMap.prototype.set (magic K_WEAKMAP) and WeakSet.prototype.add (K_WEAKSET) */
static duk_ret_t weak_set(duk_context *ctx)
{
  int kind = duk_get_current_magic(ctx);
  duk_set_top(ctx, 2);
  duk_uarridx_t id = weak_this(ctx, kind, kind == K_WEAKMAP ? "set" : "add");
  if (!weak_key_ok(ctx, 0)) {
    if (kind == K_WEAKMAP) return duk_type_error(ctx, "Invalid value used as weak map key");
    return duk_type_error(ctx, "Invalid value used in weak set");
  }
  if (kind == K_WEAKSET) {
    duk_pop(ctx);
    duk_push_true(ctx);
  }
  if (weak_record(ctx, 0, 1)) {
    duk_dup(ctx, 1);
    duk_put_prop_index(ctx, -2, id);
  } else {
    coll c;
    weak_own(ctx, 1, &c);
    mapset_table_set(ctx, &c, 0, 1);
  }
  duk_push_this(ctx);
  return 1;
}

static duk_ret_t weak_delete(duk_context *ctx)
{
  int kind = duk_get_current_magic(ctx);
  duk_set_top(ctx, 1);
  duk_uarridx_t id = weak_this(ctx, kind, "delete");
  if (!weak_key_ok(ctx, 0)) return duk_push_false(ctx), 1;
  if (weak_record(ctx, 0, 0) && duk_has_prop_index(ctx, -1, id)) {
    duk_del_prop_index(ctx, -1, id);
    duk_push_true(ctx);
    return 1;
  }
  coll c;
  duk_push_boolean(ctx, weak_own(ctx, 0, &c) && mapset_table_delete(ctx, &c, 0));
  return 1;
}

/* ---- constructors ---- */

typedef struct {
  duk_idx_t target, adder;
  int fast; /* the adder is the built-in one: straight into the table */
  int kind;
} fill_args;

/* One value of the constructor's iterable */
static void fill_one(duk_context *ctx, duk_idx_t item, void *udata)
{
  fill_args *f = udata;
  int pairs = f->kind == K_MAP || f->kind == K_WEAKMAP;
  if (pairs) {
    if (!duk_check_type_mask(ctx, item, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_LIGHTFUNC | DUK_TYPE_MASK_BUFFER)) {
      if (duk_is_string(ctx, item) && !duk_is_symbol(ctx, item))
        duk_push_string(ctx, duk_get_string(ctx, item));
      else {
        duk_dup(ctx, item);
        duk_safe_to_string(ctx, -1);
      }
      (void)duk_type_error(ctx, "Iterator value %s is not an entry object", duk_get_string(ctx, -1));
    }
    duk_get_prop_index(ctx, item, 0);
    duk_get_prop_index(ctx, item, 1);
  } else {
    duk_dup(ctx, item);
    duk_push_undefined(ctx);
  }
  duk_idx_t k = duk_get_top(ctx) - 2;
  if (f->fast) {
    coll c;
    mapset_get_coll(ctx, f->target, f->kind, &c);
    mapset_table_set(ctx, &c, k, k + 1);
    return;
  }
  duk_dup(ctx, f->adder);
  duk_dup(ctx, f->target);
  duk_dup(ctx, k);
  if (pairs) duk_dup(ctx, k + 1);
  duk_call_method(ctx, pairs ? 2 : 1);
}

static duk_c_function adder_fn(int kind);

/* new Map(iterable) and the others (magic: the kind) */
static duk_ret_t coll_ctor(duk_context *ctx)
{
  int kind = duk_get_current_magic(ctx);
  if (!duk_is_constructor_call(ctx))
    return duk_type_error(ctx, "Constructor %s requires 'new'", mapset_kind_names[kind]);
  duk_set_top(ctx, 1);
  duk_push_this(ctx); /* 1: made by the engine from new.target's prototype (subclasses too) */
  if (kind == K_MAP || kind == K_SET) {
    mapset_table_new(ctx, 1, kind);
  } else {
    duk_push_number(ctx, (double)weak_ids++ * 2 + (kind - K_WEAKMAP));
    duk_put_prop_literal(ctx, 1, WID);
  }
  if (duk_is_null_or_undefined(ctx, 0)) return 0;
  duk_get_prop_string(ctx, 1, kind == K_MAP || kind == K_WEAKMAP ? "set" : "add"); /* 2: the adder */
  if (!duk_is_callable(ctx, 2)) {
    duk_safe_to_string(ctx, 2);
    return duk_type_error(ctx, "'%s' returned for property '%s' of object '#<%s>' is not a function",
                          duk_get_string(ctx, 2), kind == K_MAP || kind == K_WEAKMAP ? "set" : "add",
                          mapset_kind_names[kind]);
  }
  duk_push_c_lightfunc(ctx, adder_fn(kind), 2, kind == K_MAP || kind == K_WEAKMAP ? 2 : 1, kind);
  fill_args f = { 1, 2, duk_strict_equals(ctx, -1, 2) && kind <= K_SET, kind };
  duk_pop(ctx);
  petrel_iterate(ctx, 0, fill_one, &f);
  return 0;
}

/* ---- the constructors and prototypes, made on first use ---- */

static const char *const size_name = "size";

static duk_c_function adder_fn(int kind) { return kind <= K_SET ? coll_set : weak_set; }

/* Node's property order for each prototype; magic is given per entry */
typedef struct {
  const char *key;
  duk_c_function fn;
  signed char length, magic;
} method;

#define IT(what, kind) ((what) << 1 | (kind))
static const method map_methods[] = { { "get", coll_get, 1, K_MAP },
                                      { "set", coll_set, 2, K_MAP },
                                      { "has", coll_has, 1, K_MAP },
                                      { "delete", coll_delete, 1, K_MAP },
                                      { "clear", coll_clear, 0, K_MAP },
                                      { "entries", coll_iter, 0, IT(2, K_MAP) },
                                      { "forEach", coll_for_each, 1, K_MAP },
                                      { "keys", coll_iter, 0, IT(0, K_MAP) },
                                      { NULL, coll_size, 0, K_MAP },
                                      { "values", coll_iter, 0, IT(1, K_MAP) },
                                      { DUK_WELLKNOWN_SYMBOL("Symbol.iterator"), coll_iter, 0, IT(2, K_MAP) },
                                      { NULL, NULL, 0, 0 } };
static const method set_methods[] = { { "has", coll_has, 1, K_SET },
                                      { "add", coll_set, 1, K_SET },
                                      { "delete", coll_delete, 1, K_SET },
                                      { "clear", coll_clear, 0, K_SET },
                                      { "entries", coll_iter, 0, IT(2, K_SET) },
                                      { "forEach", coll_for_each, 1, K_SET },
                                      { NULL, coll_size, 0, K_SET },
                                      { "values", coll_iter, 0, IT(1, K_SET) },
                                      { "keys", coll_iter, 0, IT(1, K_SET) },
                                      { DUK_WELLKNOWN_SYMBOL("Symbol.iterator"), coll_iter, 0, IT(1, K_SET) },
                                      { NULL, NULL, 0, 0 } };
static const method weakmap_methods[] = { { "delete", weak_delete, 1, K_WEAKMAP },
                                          { "get", weak_get, 1, K_WEAKMAP },
                                          { "set", weak_set, 2, K_WEAKMAP },
                                          { "has", weak_has, 1, K_WEAKMAP },
                                          { NULL, NULL, 0, 0 } };
static const method weakset_methods[] = { { "delete", weak_delete, 1, K_WEAKSET },
                                          { "has", weak_has, 1, K_WEAKSET },
                                          { "add", weak_set, 1, K_WEAKSET },
                                          { NULL, NULL, 0, 0 } };
static const method *const methods[] = { map_methods, set_methods, weakmap_methods, weakset_methods };

static const petrel_lf_name mapset_names[] = { { "get", coll_get, K_MAP },
                                               { "set", coll_set, K_MAP },
                                               { "add", coll_set, K_SET },
                                               { "has", coll_has, K_MAP },
                                               { "has", coll_has, K_SET },
                                               { "delete", coll_delete, K_MAP },
                                               { "delete", coll_delete, K_SET },
                                               { "clear", coll_clear, K_MAP },
                                               { "clear", coll_clear, K_SET },
                                               { "forEach", coll_for_each, K_MAP },
                                               { "forEach", coll_for_each, K_SET },
                                               { "get size", coll_size, K_MAP },
                                               { "get size", coll_size, K_SET },
                                               { "keys", coll_iter, IT(0, K_MAP) },
                                               { "values", coll_iter, IT(1, K_MAP) },
                                               { "entries", coll_iter, IT(2, K_MAP) },
                                               { "values", coll_iter, IT(1, K_SET) },
                                               { "entries", coll_iter, IT(2, K_SET) },
                                               { "next", coll_iter_next, PETREL_ITER_MAP },
                                               { "next", coll_iter_next, PETREL_ITER_SET },
                                               { "", coll_iter_finalizer, 0 },
                                               { "get", weak_get, K_WEAKMAP },
                                               { "set", weak_set, K_WEAKMAP },
                                               { "add", weak_set, K_WEAKSET },
                                               { "has", weak_has, K_WEAKMAP },
                                               { "has", weak_has, K_WEAKSET },
                                               { "delete", weak_delete, K_WEAKMAP },
                                               { "delete", weak_delete, K_WEAKSET },
                                               { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(mapset, mapset_names);

#define DEF_METHOD                                                                                                     \
  (DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_SET_CONFIGURABLE)

/* [...] -> [... ctor]: the constructor of kind, made and stashed on first use */
static void push_ctor(duk_context *ctx, int kind)
{
  duk_push_global_stash(ctx);
  if (duk_get_prop_string(ctx, -1, ctor_keys[kind])) {
    duk_remove(ctx, -2);
    return;
  }
  duk_pop(ctx);
  duk_push_c_function(ctx, coll_ctor, DUK_VARARGS); /* [stash ctor] */
  duk_set_magic(ctx, -1, kind);
  duk_push_literal(ctx, "name");
  duk_push_string(ctx, mapset_kind_names[kind]);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_object(ctx); /* [stash ctor proto] */
  duk_push_literal(ctx, "constructor");
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3, DEF_METHOD);
  for (const method *m = methods[kind]; m->fn; m++) {
    if (m->fn == coll_size) {
      duk_push_string(ctx, size_name);
      duk_push_c_lightfunc(ctx, coll_size, 0, 0, m->magic);
      duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_CLEAR_ENUMERABLE | DUK_DEFPROP_SET_CONFIGURABLE);
      continue;
    }
    duk_push_string(ctx, m->key);
    duk_push_c_lightfunc(ctx, m->fn, DUK_VARARGS, m->length, m->magic);
    duk_def_prop(ctx, -3, DEF_METHOD);
  }
  petrel_def_to_string_tag(ctx, -1, mapset_kind_names[kind]);
  duk_push_literal(ctx, "prototype");
  duk_insert(ctx, -2);
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_CLEAR_CONFIGURABLE);
  duk_dup_top(ctx);
  duk_put_prop_string(ctx, -3, ctor_keys[kind]);
  duk_remove(ctx, -2);
}

void petrel_collection_push_ctor(duk_context *ctx, int kind) { push_ctor(ctx, kind); }

/* ---- for util.types and util.inspect ---- */

/* 1 Map, 2 Set, 3 WeakMap, 4 WeakSet, 0 none */
int petrel_collection_kind(duk_context *ctx, duk_idx_t idx)
{
  coll c;
  for (int k = K_MAP; k <= K_SET; k++)
    if (mapset_get_coll(ctx, idx, k, &c)) {
      duk_pop_2(ctx);
      return k + 1;
    }
  if (!duk_is_object(ctx, idx)) return 0;
  duk_get_prop_literal(ctx, idx, WID);
  double id = duk_get_number_default(ctx, -1, -1);
  duk_pop(ctx);
  return id < 0 ? 0 : 3 + (int)fmod(id, 2);
}

/* [...] -> [... arr]: a Map's keys and values ([k0, v0, k1, v1 ...]) or a Set's values */
void petrel_collection_entries(duk_context *ctx, duk_idx_t idx)
{
  coll c;
  idx = duk_normalize_index(ctx, idx);
  duk_push_array(ctx);
  if (!mapset_get_coll(ctx, idx, K_MAP, &c) && !mapset_get_coll(ctx, idx, K_SET, &c)) return;
  table *t = tab(ctx, &c);
  int s = slots_per(t);
  duk_uarridx_t n = 0;
  for (uint32_t i = 0; i < (t = tab(ctx, &c))->used; i++) {
    if (E_TYPE(&ENTRIES(t)[i]) == T_DEL) continue;
    for (int j = 0; j < s; j++) {
      duk_get_prop_index(ctx, c.slots, i * (duk_uarridx_t)s + (duk_uarridx_t)j);
      duk_put_prop_index(ctx, c.buf - 1, n++);
    }
  }
  duk_pop_2(ctx);
}
