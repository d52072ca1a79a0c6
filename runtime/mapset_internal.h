/*
 * What runtime/mapset.c (the Map, Set, WeakMap and WeakSet bindings) and
 * runtime/mapset_table.c (the hash table under a Map or Set, and under a weak
 * collection's own table) share: the hidden keys, the kinds, the table's layout and
 * its operations.
 */
#ifndef PETREL_MAPSET_INTERNAL_H
#define PETREL_MAPSET_INTERNAL_H
#include <stdint.h>
#include "duktape.h"

#define MD DUK_HIDDEN_SYMBOL("md") /* on a collection: its table (a dynamic buffer) */
#define MS DUK_HIDDEN_SYMBOL("ms") /* on a collection: its keys and values, in entry order */

enum { K_MAP, K_SET, K_WEAKMAP, K_WEAKSET, N_KINDS };
extern const char *const mapset_kind_names[N_KINDS]; /* "Map", "Set", "WeakMap", "WeakSet" */

/* An entry's key type; T_DEL: a hole (a deleted entry) */
enum { T_DEL, T_UNDEF, T_NULL, T_TRUE, T_FALSE, T_NAN, T_NUM, T_PTR, T_LF, T_RAW };

/* 12 bytes on every target (was 16: a union with a double, its own type byte and
 * padding). link: the key's type (top 4 bits) and the next entry in the bucket plus 1
 * (low 28 bits, 0 at the end). v: the key's value by memcpy (a double for T_NUM, +0
 * for -0; a pointer for T_PTR and T_RAW; the magic for T_LF; 0 for the others), so
 * two keys of one type other than T_LF are the same key when their v are equal. */
typedef struct {
  uint32_t v[2];
  uint32_t link;
} entry;

#define E_TYPE(e) ((int)((e)->link >> 28))
#define E_NEXT(e) ((int32_t)((e)->link & 0x0FFFFFFFu) - 1)
static inline void e_set_next(entry *e, int32_t next) { e->link = (e->link & 0xF0000000u) | (uint32_t)(next + 1); }
static inline void e_set_type(entry *e, int type) { e->link = (uint32_t)type << 28 | (e->link & 0x0FFFFFFFu); }

typedef struct {
  uint32_t kind;  /* K_MAP or K_SET (a weak collection's own table: K_WEAKMAP) */
  uint32_t count; /* live entries */
  uint32_t used;  /* entries used, holes included */
  uint32_t cap;   /* entries allocated; the buckets are as many (0 or a power of 2) */
  uint32_t iters; /* iterators and forEach running */
  uint32_t pad;
} table;

#define ENTRIES(t) ((entry *)((char *)(t) + sizeof(table)))
#define BUCKETS(t) ((int32_t *)(ENTRIES(t) + (t)->cap))

/* A collection's parts on the value stack: the object, its table buffer, its slots */
typedef struct {
  duk_idx_t obj, buf, slots;
  int kind;
} coll;

static inline table *tab(duk_context *ctx, const coll *c) { return (table *)duk_get_buffer_data(ctx, c->buf, NULL); }

static inline int slots_per(const table *t) { return t->kind == K_SET ? 1 : 2; }

/* The key at idx as an entry */
void mapset_key_of(duk_context *ctx, duk_idx_t idx, entry *e);
/* The entry of the key k (the value at key), or -1 */
int32_t mapset_find(duk_context *ctx, const coll *c, const entry *k, duk_idx_t key);
/* Adds or updates the entry of the key at key (value: the value at val, for a Map). */
void mapset_table_set(duk_context *ctx, const coll *c, duk_idx_t key, duk_idx_t val);
/* Deletes the key at key's entry: 1, or 0 if there was none */
int mapset_table_delete(duk_context *ctx, const coll *c, duk_idx_t key);
void mapset_table_clear(duk_context *ctx, const coll *c);
/* [...] -> [...]: MD and MS on the object at obj, an empty table of kind */
void mapset_table_new(duk_context *ctx, duk_idx_t obj, int kind);
/* The collection at obj's parts pushed ([... buf slots]), or 0 (nothing pushed) if it
 * has no table of kind */
int mapset_get_coll(duk_context *ctx, duk_idx_t obj, int kind, coll *c);

#endif
