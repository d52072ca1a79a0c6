/*
 * The hash table under a Map or a Set (runtime/mapset.c: the bindings), and under a
 * weak collection's own table. A collection's MD property is a dynamic buffer with the
 * table (header, entries, buckets), its MS property an array with the keys and values
 * in entry order (two slots an entry for a Map, one for a Set), which keeps them alive
 * for the GC. The table identifies a key without calling into the engine: a string by
 * its interned heap pointer, an object by its heap pointer, a number by its value (NaN
 * one value, -0 as +0), so lookup is O(1) on average (SameValueZero). A deleted entry
 * stays as a hole, so positions held by iterators stay right; holes are squeezed out
 * (compaction) only while no iterator or forEach is running on the map: each running
 * one counts in the header (iters).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "duktape.h"
#include "runtime.h" /* the literal calls checked for literals */
#include "mapset_internal.h"

const char *const mapset_kind_names[N_KINDS] = { "Map", "Set", "WeakMap", "WeakSet" };

#define TABLE_BYTES(cap) (sizeof(table) + (size_t)(cap) * (sizeof(entry) + sizeof(int32_t)))
#define MAX_CAP          (1u << 24)

static uint32_t hash_of(const entry *e)
{
  /* v is 0 for the types with no value: then the type alone */
  uint64_t x = ((uint64_t)e->v[1] << 32 | e->v[0]) ^ (uint64_t)E_TYPE(e);
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (uint32_t)x;
}

/* The key at idx as an entry (not in a bucket) */
void mapset_key_of(duk_context *ctx, duk_idx_t idx, entry *e)
{
  int type;
  memset(e, 0, sizeof *e);
  switch (duk_get_type(ctx, idx)) {
    case DUK_TYPE_UNDEFINED: type = T_UNDEF; break;
    case DUK_TYPE_NULL: type = T_NULL; break;
    case DUK_TYPE_BOOLEAN: type = duk_get_boolean(ctx, idx) ? T_TRUE : T_FALSE; break;
    case DUK_TYPE_NUMBER: {
      double d = duk_get_number(ctx, idx);
      if (isnan(d)) {
        type = T_NAN;
      } else {
        type = T_NUM;
        d = d == 0 ? 0.0 : d;
        memcpy(e->v, &d, sizeof d);
      }
      break;
    }
    case DUK_TYPE_LIGHTFUNC: {
      type = T_LF;
      int32_t magic = duk_get_magic(ctx, idx);
      memcpy(e->v, &magic, sizeof magic);
      break;
    }
    case DUK_TYPE_POINTER: {
      type = T_RAW;
      void *p = duk_get_pointer(ctx, idx);
      memcpy(e->v, &p, sizeof p);
      break;
    }
    default: { /* string (and symbol), object, buffer: interned or unique heap objects */
      type = T_PTR;
      void *p = duk_get_heapptr(ctx, idx);
      memcpy(e->v, &p, sizeof p);
    }
  }
  e->link = (uint32_t)type << 28;
}

static void rebuild_buckets(table *t)
{
  int32_t *b = BUCKETS(t);
  entry *e = ENTRIES(t);
  for (uint32_t i = 0; i < t->cap; i++) b[i] = -1;
  for (uint32_t i = 0; i < t->used; i++) {
    if (E_TYPE(&e[i]) == T_DEL) continue;
    uint32_t h = hash_of(&e[i]) & (t->cap - 1);
    e_set_next(&e[i], b[h]);
    b[h] = (int32_t)i;
  }
}

/* The entry of the key k (the value at key), or -1 */
int32_t mapset_find(duk_context *ctx, const coll *c, const entry *k, duk_idx_t key)
{
  table *t = tab(ctx, c);
  if (t->cap == 0) return -1;
  int32_t i = BUCKETS(t)[hash_of(k) & (t->cap - 1)];
  for (; i >= 0; i = E_NEXT(&ENTRIES(t)[i])) {
    const entry *e = &ENTRIES(t)[i];
    if (E_TYPE(e) != E_TYPE(k)) continue;
    if (E_TYPE(e) != T_LF) {
      if (e->v[0] == k->v[0] && e->v[1] == k->v[1]) return i;
      continue;
    }
    duk_get_prop_index(ctx, c->slots, (duk_uarridx_t)i * (duk_uarridx_t)slots_per(t));
    int same = duk_strict_equals(ctx, -1, key);
    duk_pop(ctx);
    t = tab(ctx, c);
    if (same) return i;
  }
  return -1;
}

/* Squeezes the holes out (only while no iterator runs: their positions would move). */
static void compact(duk_context *ctx, const coll *c)
{
  table *t = tab(ctx, c);
  int s = slots_per(t);
  uint32_t j = 0;
  for (uint32_t i = 0; i < t->used; i++) {
    if (E_TYPE(&ENTRIES(t)[i]) == T_DEL) continue;
    if (i != j) {
      ENTRIES(t)[j] = ENTRIES(t)[i];
      for (int k = 0; k < s; k++) {
        duk_get_prop_index(ctx, c->slots, i * (duk_uarridx_t)s + (duk_uarridx_t)k);
        duk_put_prop_index(ctx, c->slots, j * (duk_uarridx_t)s + (duk_uarridx_t)k);
      }
      t = tab(ctx, c);
    }
    j++;
  }
  t->used = j;
  rebuild_buckets(t);
  duk_set_length(ctx, c->slots, (duk_size_t)j * (duk_size_t)s);
}

/* Resizes the table to cap entries (at least used), rebuilding the buckets. */
static void resize(duk_context *ctx, const coll *c, uint32_t cap)
{
  duk_resize_buffer(ctx, c->buf, TABLE_BYTES(cap));
  table *t = tab(ctx, c);
  t->cap = cap;
  rebuild_buckets(t);
}

/* Room for one more entry at used. */
static void make_room(duk_context *ctx, const coll *c)
{
  table *t = tab(ctx, c);
  if (t->used < t->cap) return;
  if (t->iters == 0 && t->count < t->used) {
    int many = t->count <= t->used / 2;
    compact(ctx, c);
    if (many) return;
  }
  t = tab(ctx, c);
  uint32_t cap = t->cap ? t->cap * 2 : 4;
  while (cap <= t->used) cap *= 2;
  if (cap > MAX_CAP) (void)duk_range_error(ctx, "%s maximum size exceeded", mapset_kind_names[t->kind]);
  resize(ctx, c, cap);
}

/* After a delete: a table mostly of holes shrinks (while nothing iterates). */
static void maybe_shrink(duk_context *ctx, const coll *c)
{
  table *t = tab(ctx, c);
  if (t->iters != 0 || t->cap <= 8 || t->count >= t->cap / 4) return;
  compact(ctx, c);
  t = tab(ctx, c);
  uint32_t cap = t->cap;
  while (cap > 8 && t->count < cap / 4) cap /= 2;
  resize(ctx, c, cap);
}

/* Adds or updates the entry of the key at key (value: the value at val, for a Map). */
void mapset_table_set(duk_context *ctx, const coll *c, duk_idx_t key, duk_idx_t val)
{
  entry k;
  mapset_key_of(ctx, key, &k);
  int32_t i = mapset_find(ctx, c, &k, key);
  table *t = tab(ctx, c);
  int s = slots_per(t);
  if (i >= 0) {
    if (s == 2) {
      duk_dup(ctx, val);
      duk_put_prop_index(ctx, c->slots, (duk_uarridx_t)i * 2 + 1);
    }
    return;
  }
  make_room(ctx, c);
  t = tab(ctx, c);
  duk_uarridx_t at = t->used * (duk_uarridx_t)s;
  /* The slots first: they may need memory (and throw); the entry counts only after. */
  if (E_TYPE(&k) == T_NUM) {
    double d;
    memcpy(&d, k.v, sizeof d);
    duk_push_number(ctx, d); /* -0 is stored as +0 */
  } else
    duk_dup(ctx, key);
  duk_put_prop_index(ctx, c->slots, at);
  if (s == 2) {
    duk_dup(ctx, val);
    duk_put_prop_index(ctx, c->slots, at + 1);
  }
  t = tab(ctx, c);
  uint32_t n = t->used++;
  entry *e = &ENTRIES(t)[n];
  *e = k;
  int32_t *b = &BUCKETS(t)[hash_of(&k) & (t->cap - 1)];
  e_set_next(e, *b);
  *b = (int32_t)n;
  t->count++;
}

int mapset_table_delete(duk_context *ctx, const coll *c, duk_idx_t key)
{
  entry k;
  mapset_key_of(ctx, key, &k);
  int32_t i = mapset_find(ctx, c, &k, key);
  if (i < 0) return 0;
  table *t = tab(ctx, c);
  int32_t *b = &BUCKETS(t)[hash_of(&k) & (t->cap - 1)], next = E_NEXT(&ENTRIES(t)[i]);
  if (*b == i) {
    *b = next;
  } else {
    int32_t j = *b;
    while (E_NEXT(&ENTRIES(t)[j]) != i) j = E_NEXT(&ENTRIES(t)[j]);
    e_set_next(&ENTRIES(t)[j], next);
  }
  e_set_type(&ENTRIES(t)[i], T_DEL);
  t->count--;
  int s = slots_per(t);
  for (int j = 0; j < s; j++) {
    duk_push_undefined(ctx);
    duk_put_prop_index(ctx, c->slots, (duk_uarridx_t)i * (duk_uarridx_t)s + (duk_uarridx_t)j);
  }
  maybe_shrink(ctx, c);
  return 1;
}

void mapset_table_clear(duk_context *ctx, const coll *c)
{
  table *t = tab(ctx, c);
  if (t->iters == 0) {
    t->used = t->count = 0;
    duk_set_length(ctx, c->slots, 0);
    resize(ctx, c, 0);
    return;
  }
  /* Iterators keep their positions: every entry becomes a hole. */
  for (uint32_t i = 0; i < t->used; i++) e_set_type(&ENTRIES(t)[i], T_DEL);
  for (uint32_t i = 0; i < t->cap; i++) BUCKETS(t)[i] = -1;
  t->count = 0;
  duk_uarridx_t n = t->used * (duk_uarridx_t)slots_per(t);
  for (duk_uarridx_t i = 0; i < n; i++) {
    duk_push_undefined(ctx);
    duk_put_prop_index(ctx, c->slots, i);
  }
}

/* [...] -> [...]: MD and MS on the object at obj, an empty table of kind */
void mapset_table_new(duk_context *ctx, duk_idx_t obj, int kind)
{
  obj = duk_normalize_index(ctx, obj);
  table *t = duk_push_dynamic_buffer(ctx, sizeof(table));
  memset(t, 0, sizeof *t);
  t->kind = (uint32_t)kind;
  duk_put_prop_literal(ctx, obj, MD);
  duk_push_array(ctx);
  duk_put_prop_literal(ctx, obj, MS);
}

/* The collection at obj's parts pushed ([... buf slots]), or 0 (nothing pushed) if it has
 * no table of kind */
int mapset_get_coll(duk_context *ctx, duk_idx_t obj, int kind, coll *c)
{
  obj = duk_normalize_index(ctx, obj);
  if (!duk_is_object(ctx, obj)) return 0;
  if (!duk_get_prop_literal(ctx, obj, MD) || !duk_is_buffer_data(ctx, -1)) {
    duk_pop(ctx);
    return 0;
  }
  duk_size_t size;
  table *t = duk_get_buffer_data(ctx, -1, &size);
  if (size < sizeof(table) || t->kind != (uint32_t)kind) {
    duk_pop(ctx);
    return 0;
  }
  duk_get_prop_literal(ctx, obj, MS);
  c->obj = obj;
  c->buf = duk_get_top(ctx) - 2;
  c->slots = c->buf + 1;
  c->kind = kind;
  return 1;
}
