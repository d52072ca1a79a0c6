/* Pins: JS values kept alive while C holds their heap pointers (a socket's
 * handle object, a pending DNS callback...). The values sit in one JS array
 * in the stash; a small open-addressing table here maps each heap pointer to
 * its slot, and freed slots are reused. A pin costs about 40 bytes and no
 * string, where keying a stash object by "%p" cost an interned string and a
 * property (~130 bytes) and an snprintf per pin. */
#include <stdint.h>
#include <stdlib.h>
#include "runtime.h"

typedef struct {
  void *ptr;
  uint32_t slot;
  void *data; /* what C keeps for the pinned value (petrel_pin_set_data), or NULL */
} pin_entry;

static pin_entry *table; /* capacity a power of two; ptr NULL = empty */
static size_t table_cap, table_len;
static uint32_t *free_slots; /* slots of the JS array to reuse */
static size_t free_len, free_cap;
static uint32_t next_slot; /* first never-used slot */

static size_t hash(void *p, size_t cap)
{
  uintptr_t x = (uintptr_t)p;
  x ^= x >> 17;
  x *= (uintptr_t)0x9E3779B97F4A7C15ull;
  return (size_t)(x >> 7) & (cap - 1);
}

static pin_entry *find(void *p)
{
  if (!table_cap) return NULL;
  for (size_t i = hash(p, table_cap);; i = (i + 1) & (table_cap - 1)) {
    if (table[i].ptr == p) return &table[i];
    if (!table[i].ptr) return NULL;
  }
}

static void insert(void *p, uint32_t slot, void *data)
{
  size_t i = hash(p, table_cap);
  while (table[i].ptr) i = (i + 1) & (table_cap - 1);
  table[i].ptr = p;
  table[i].slot = slot;
  table[i].data = data;
}

static int grow(void)
{
  size_t cap = table_cap ? table_cap * 2 : 64;
  pin_entry *old = table, *t = calloc(cap, sizeof *t);
  if (!t) return -1;
  size_t old_cap = table_cap;
  table = t;
  table_cap = cap;
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].ptr) insert(old[i].ptr, old[i].slot, old[i].data);
  free(old);
  return 0;
}

/* Deletes entry e by shifting later members of its probe run back
 * (no tombstones, so lookups stay short however many pins come and go). */
static void erase(pin_entry *e)
{
  size_t i = (size_t)(e - table), j = i;
  table[i].ptr = NULL;
  for (;;) {
    j = (j + 1) & (table_cap - 1);
    if (!table[j].ptr) return;
    size_t home = hash(table[j].ptr, table_cap);
    /* Move j into the hole at i unless its home lies cyclically in (i, j]. */
    if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
      table[i] = table[j];
      table[j].ptr = NULL;
      i = j;
    }
  }
}

static void push_array(duk_context *ctx)
{
  duk_push_global_stash(ctx);
  if (!duk_get_prop_literal(ctx, -1, "pinned")) {
    duk_pop(ctx);
    duk_push_array(ctx);
    duk_dup_top(ctx);
    duk_put_prop_literal(ctx, -3, "pinned");
  }
  duk_remove(ctx, -2);
}

void *petrel_pin(duk_context *ctx, duk_idx_t idx)
{
  void *p = duk_get_heapptr(ctx, idx);
  if (!p || find(p)) return p;
  if ((table_len + 1) * 2 > table_cap && grow() != 0) { (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory"); }
  if (!free_len && free_cap <= next_slot) {
    size_t cap = free_cap ? free_cap * 2 : 64;
    uint32_t *f = realloc(free_slots, cap * sizeof *f);
    if (!f) (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    free_slots = f;
    free_cap = cap;
  }
  idx = duk_normalize_index(ctx, idx);
  uint32_t slot = free_len ? free_slots[--free_len] : next_slot;
  push_array(ctx);
  duk_dup(ctx, idx);
  duk_put_prop_index(ctx, -2, slot); /* may throw (out of memory): nothing recorded yet */
  duk_pop(ctx);
  if (slot == next_slot) next_slot++;
  insert(p, slot, NULL);
  table_len++;
  return p;
}

void petrel_unpin(duk_context *ctx, void *heapptr)
{
  pin_entry *e = heapptr ? find(heapptr) : NULL;
  if (!e) return;
  uint32_t slot = e->slot;
  erase(e);
  table_len--;
  free_slots[free_len++] = slot; /* free_cap >= next_slot > every slot */
  push_array(ctx);
  duk_push_undefined(ctx);
  duk_put_prop_index(ctx, -2, slot);
  duk_pop(ctx);
}

void petrel_pin_set_data(void *heapptr, void *data, unsigned kind)
{
  pin_entry *e = heapptr ? find(heapptr) : NULL;
  if (e) e->data = data ? (void *)((uintptr_t)data | kind) : NULL;
}

void *petrel_pin_data(void *heapptr, unsigned kind)
{
  pin_entry *e = heapptr ? find(heapptr) : NULL;
  uintptr_t d = e ? (uintptr_t)e->data : 0;
  return d && (d & 1u) == kind ? (void *)(d & ~(uintptr_t)1u) : NULL;
}
