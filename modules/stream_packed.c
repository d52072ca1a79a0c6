/* The flags of a stream's state packed in one number (#17: bytes per connection).
 * A live socket's states wrote a handful of booleans each (reading, sync,
 * needReadable, flowing, paused...): an own property each, ~13 B apiece on a board.
 * packFields(stateProto, table) turns those fields of the defaults' prototype into
 * accessors that keep false / true / null as two bits of one hidden number, its
 * default on the prototype, so a state holds one own property however many
 * flags it changed. One getter/setter pair serves every field: Duktape passes the
 * property's name to it (DUK_USE_NONSTD_GETTER_KEY_ARGUMENT), and the number's
 * low two bits say which table it belongs to. As in Node 20 (whose states
 * keep these flags as bits behind accessors too), a write stores the value's
 * truthiness, except that flowing and paused keep null (undefined too) as null.
 * C reads and writes the flags straight from the number (st_flag, st_put_*):
 * through the accessors a stream-heavy loop ran ~1.5x slower on linux. */
#include <stdint.h>
#include <string.h>
#include "stream_state.h"

#define BITS_KEY  DUK_HIDDEN_SYMBOL("b")
#define PAIR_KEY  DUK_HIDDEN_SYMBOL("packedPair")
#define MAX_FIELD 25 /* 2 + 2 * 25 bits fit a double's 53 */
#define NUMS_KEY  DUK_HIDDEN_SYMBOL("n")

enum { V_FALSE, V_TRUE, V_NULL };

// clang-format off
/* The order is stream_state.h's RF_ numbers (st_rbit). */
static const char *const readable_fields[] = {
  "flowing", "ended", "endEmitted", "reading", "sync", "needReadable", "emittedReadable",
  "readableListening", "resumeScheduled", "paused", "errorEmitted", "destroyed", "closed",
  "closeEmitted", "readingMore", "dataEmitted", NULL
};
static const char *const writable_fields[] = {
  "finalCalled", "needDrain", "ending", "ended", "finished", "destroyed", "writing", "sync",
  "bufferProcessing", "prefinished", "errorEmitted", "closed", "closeEmitted", "constructed", "objectMode",
  "decodeStrings", NULL
};
// clang-format on
static const char *const *const tables[] = { NULL, readable_fields, writable_fields };

/* Fields that may also be null (the rest are booleans). */
static int tri_state(const char *key) { return strcmp(key, "flowing") == 0 || strcmp(key, "paused") == 0; }

/* The field's number in its table, or -1. */
static int field_of(unsigned table, const char *key)
{
  if (table == 0 || table > 2 || !key) return -1;
  const char *const *t = tables[table];
  for (int i = 0; t[i]; i++)
    if (t[i][0] == key[0] && strcmp(t[i], key) == 0) return i;
  return -1;
}

static uint64_t bits_of(duk_context *ctx, duk_idx_t obj)
{
  duk_get_prop_literal(ctx, obj, BITS_KEY);
  uint64_t b = duk_is_number(ctx, -1) ? (uint64_t)duk_get_number(ctx, -1) : 0;
  duk_pop(ctx);
  return b;
}

static unsigned field_shift(int i) { return 2 + 2 * (unsigned)i; }

static int num_field(const char *key);
static int nums_get_this(duk_context *ctx, int f);
static void nums_set_this(duk_context *ctx, int f);

/* getter(key), this: a state (the Writable's counters too: one pair for all) */
static duk_ret_t packed_get(duk_context *ctx)
{
  int f = num_field(duk_get_string(ctx, 0));
  if (f >= 0) return nums_get_this(ctx, f);
  duk_push_this(ctx);
  uint64_t b = bits_of(ctx, -1);
  int i = field_of((unsigned)(b & 3), duk_get_string(ctx, 0));
  if (i < 0) return 0;
  if ((b & 3) == 2) { /* the Writable's bits: in its block */
    const st_wblock *w = st_wblk(ctx, -1);
    if (!w) return 0;
    b = w->bits;
  }
  unsigned v = (unsigned)(b >> field_shift(i)) & 3;
  if (v == V_NULL)
    duk_push_null(ctx);
  else
    duk_push_boolean(ctx, v == V_TRUE);
  return 1;
}

/* setter(value, key), this: a state */
static duk_ret_t packed_set(duk_context *ctx)
{
  int f = num_field(duk_get_string(ctx, 1));
  if (f >= 0) {
    nums_set_this(ctx, f);
    return 0;
  }
  duk_push_this(ctx); /* 2 */
  uint64_t b = bits_of(ctx, 2);
  const char *key = duk_get_string(ctx, 1);
  int i = field_of((unsigned)(b & 3), key);
  if (i < 0) return 0;
  unsigned v = duk_is_null_or_undefined(ctx, 0) && tri_state(key) ? V_NULL : (unsigned)st_truthy(ctx, 0);
  if ((b & 3) == 2) { /* the Writable's bits: in its block (its own once one changes) */
    const st_wblock *cur = st_wblk(ctx, 2);
    uint64_t m = (uint64_t)3 << field_shift(i), nv = (uint64_t)v << field_shift(i);
    if (cur && (cur->bits & m) == nv) return 0;
    st_wblock *w = st_wblk_own(ctx, 2);
    if (w) w->bits = (w->bits & ~m) | nv;
    return 0;
  }
  unsigned s = field_shift(i);
  uint64_t nb = (b & ~((uint64_t)3 << s)) | ((uint64_t)v << s);
  if (nb != b) {
    duk_push_number(ctx, (double)nb);
    duk_put_prop_literal(ctx, 2, BITS_KEY);
  }
  return 0;
}

/* ---- the C fast path ---- */
/* The key's number in each table (-1: not a field). C passes keys that never
 * change at their address (literals, static tables), so the answer is kept by
 * that address: most keys C reads are not flags, and scanning the tables with
 * strcmp for each cost ~7 % of a stream-heavy loop. */
typedef struct {
  const char *key;
  signed char in[3]; /* by table; [0] unused */
} field_memo;

static const field_memo *memo_of(const char *key)
{
  /* 64 sets of two, the last used first: with one slot per hash, two keys a
   * connection reads in turn could keep evicting each other (~8-24 rescans of the
   * tables per churn connection). */
  static field_memo seen[64][2];
  field_memo *set = seen[(uint32_t)((uintptr_t)key * 2654435761u) >> 26];
  if (set[0].key == key) return &set[0];
  field_memo m = set[1];
  if (m.key != key) {
    m.key = key;
    m.in[0] = -1;
    m.in[1] = (signed char)field_of(1, key);
    m.in[2] = (signed char)field_of(2, key);
  }
  set[1] = set[0];
  set[0] = m;
  return &set[0];
}

int st_packed_bits(duk_context *ctx, duk_idx_t obj, uint64_t *b)
{
  double d;
  if (duk_petrel_get_number_static(ctx, obj, BITS_KEY, sizeof(BITS_KEY) - 1, &d)) {
    *b = (uint64_t)d;
  } else {
    duk_get_prop_literal(ctx, obj, BITS_KEY);
    int ok = duk_is_number(ctx, -1);
    *b = ok ? (uint64_t)duk_get_number(ctx, -1) : 0;
    duk_pop(ctx);
    if (!ok) return 0;
  }
  unsigned t = (unsigned)(*b & 3);
  if (t == 2) {
    const st_wblock *w = st_wblk(ctx, obj);
    if (!w) return 0;
    *b = w->bits;
  }
  return t == 1 || t == 2;
}

/* The field's number and obj's bits if key is a packed field of obj, else -1. */
static int locate(duk_context *ctx, duk_idx_t obj, const char *key, uint64_t *b)
{
  const field_memo *m = memo_of(key);
  if (m->in[1] < 0 && m->in[2] < 0) return -1;
  if (!st_packed_bits(ctx, obj, b)) return -1;
  return m->in[*b & 3];
}

int st_packed_get(duk_context *ctx, duk_idx_t obj, const char *key)
{
  uint64_t b;
  int i = locate(ctx, obj, key, &b);
  return i < 0 ? -1 : (int)((b >> field_shift(i)) & 3);
}

int st_bits_field(uint64_t b, const char *key)
{
  unsigned t = (unsigned)(b & 3);
  if (t != 1 && t != 2) return -1;
  int i = memo_of(key)->in[t];
  return i < 0 ? -1 : (int)((b >> field_shift(i)) & 3);
}

int st_packed_any(duk_context *ctx, duk_idx_t obj, const char *const *keys)
{
  uint64_t b;
  int i = locate(ctx, obj, keys[0], &b);
  if (i < 0) return -1;
  unsigned t = (unsigned)(b & 3);
  for (int k = 0; keys[k]; k++) {
    if (k) {
      i = memo_of(keys[k])->in[t];
      if (i < 0) return -1;
    }
    if (((b >> field_shift(i)) & 3) == V_TRUE) return 1;
  }
  return 0;
}

int st_packed_put(duk_context *ctx, duk_idx_t obj, const char *key, int v)
{
  uint64_t b;
  int i = locate(ctx, obj, key, &b);
  if (i < 0) return 0;
  if (v == V_NULL && !tri_state(key)) v = V_FALSE;
  unsigned s = field_shift(i);
  uint64_t nb = (b & ~((uint64_t)3 << s)) | ((uint64_t)v << s);
  if (nb != b) {
    if ((b & 3) == 2) {
      st_wblock *w = st_wblk_own(ctx, obj);
      if (w) w->bits = nb;
      return 1;
    }
    obj = duk_normalize_index(ctx, obj);
    duk_push_number(ctx, (double)nb);
    duk_put_prop_literal(ctx, obj, BITS_KEY);
  }
  return 1;
}

/* ---- the Writable state's block ----
 * length, pendingcb, corked, writelen, bufferedIndex and highWaterMark, and the
 * Writable's flag bits, change or are read on every write: as named properties
 * each read was a search of the state's ~30 properties, then its prototype's, and
 * each write a read (same_value) and a put (#17: 3.2 M of the 15 M instructions
 * per MiB board -> host). They live in one C struct instead (st_wblock), a hidden
 * fixed buffer under NUMS_KEY: the defaults' prototype holds the defaults, and a
 * state gets its own copy on its first write (a Writable that never writes has
 * none). The struct's owner names the state it belongs to (its heap pointer), so a
 * write never lands in the prototype's. The hot C paths fetch the block once per
 * call (st_wblk, st_wblk_own) and then read and write plain C; the pointer stays
 * good across calls into JS, since a state's own block is never replaced. JS (and
 * user code reading _writableState.length) reads and writes the fields through
 * one accessor pair on the prototype, the flags' (BITS_KEY on the prototype keeps
 * the table's number, 2, so the generic st_flag knows to look in the block). */
static const char *const writable_nums[W_NUMS + 1] = { "length",        "pendingcb",     "corked", "writelen",
                                                       "bufferedIndex", "highWaterMark", NULL };

static st_wblock *nums_find(duk_context *ctx, duk_idx_t obj)
{
  duk_get_prop_literal(ctx, obj, NUMS_KEY);
  duk_size_t sz = 0;
  st_wblock *p = duk_get_buffer(ctx, -1, &sz);
  duk_pop(ctx);
  return p && sz == sizeof(st_wblock) ? p : NULL;
}

st_wblock *st_wblk(duk_context *ctx, duk_idx_t obj) { return nums_find(ctx, obj); }

/* A state with no block (an object user code made a _writableState of: none made
 * by packFields) gets one from its named fields, and the Writable's table number
 * as its own bits key: C then reads and writes that block alone. */
static st_wblock *adopt(duk_context *ctx, duk_idx_t obj)
{
  obj = duk_normalize_index(ctx, obj);
  st_wblock w;
  memset(&w, 0, sizeof w);
  for (int i = 0; i < W_NUMS; i++) {
    duk_get_prop_string(ctx, obj, writable_nums[i]);
    w.num[i] = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : i == W_HWM ? 16384 : 0;
    duk_pop(ctx);
  }
  w.bits = 2;
  for (int i = 0; writable_fields[i]; i++) {
    duk_get_prop_string(ctx, obj, writable_fields[i]);
    unsigned v = duk_is_undefined(ctx, -1) ? (i == WF_CONSTRUCTED || i == WF_DECODE_STRINGS) : (unsigned)duk_to_boolean(ctx, -1);
    duk_pop(ctx);
    w.bits |= (uint64_t)v << field_shift(i);
  }
  w.owner = duk_get_heapptr(ctx, obj);
  st_wblock *q = duk_push_fixed_buffer(ctx, sizeof w);
  *q = w;
  duk_put_prop_literal(ctx, obj, NUMS_KEY);
  duk_push_number(ctx, 2);
  duk_put_prop_literal(ctx, obj, BITS_KEY);
  return q;
}

st_wblock *st_wblk_own(duk_context *ctx, duk_idx_t obj)
{
  st_wblock *p = nums_find(ctx, obj);
  if (!p) return duk_is_object(ctx, obj) ? adopt(ctx, obj) : NULL;
  void *me = duk_get_heapptr(ctx, obj);
  if (p->owner == me) return p;
  obj = duk_normalize_index(ctx, obj);
  st_wblock *q = duk_push_fixed_buffer(ctx, sizeof *q);
  *q = *p;
  q->owner = me;
  duk_put_prop_literal(ctx, obj, NUMS_KEY);
  return q;
}

st_wblock *st_wblk_req(duk_context *ctx, duk_idx_t obj)
{
  st_wblock *w = st_wblk_own(ctx, obj);
  if (!w) {
    duk_push_error_object(ctx, DUK_ERR_TYPE_ERROR, "Invalid state: _writableState is not an object");
    duk_push_literal(ctx, "ERR_INVALID_STATE");
    duk_put_prop_literal(ctx, -2, "code");
    (void)duk_throw(ctx);
  }
  return w;
}

double st_wnum(duk_context *ctx, duk_idx_t obj, int f)
{
  const st_wblock *p = nums_find(ctx, obj);
  return p ? p->num[f] : st_num(ctx, obj, writable_nums[f]);
}

/* f = v, or f += v with add */
static void put_wnum(duk_context *ctx, duk_idx_t obj, int f, double v, int add)
{
  st_wblock *p = nums_find(ctx, obj);
  if (add) v += p ? p->num[f] : st_num(ctx, obj, writable_nums[f]);
  if (p && memcmp(&p->num[f], &v, sizeof v) == 0) return; /* unchanged: no own block for it */
  p = st_wblk_own(ctx, obj);
  if (p) p->num[f] = v;
}

void st_put_wnum(duk_context *ctx, duk_idx_t obj, int f, double v) { put_wnum(ctx, obj, f, v, 0); }
void st_add_wnum(duk_context *ctx, duk_idx_t obj, int f, double d) { put_wnum(ctx, obj, f, d, 1); }

static int num_field(const char *key)
{
  for (int i = 0; key && writable_nums[i]; i++)
    if (strcmp(writable_nums[i], key) == 0) return i;
  return -1;
}

/* The counter f of this (the getter's value: 1 pushed, or 0 for undefined). */
static int nums_get_this(duk_context *ctx, int f)
{
  duk_push_this(ctx);
  const st_wblock *p = duk_is_object(ctx, -1) ? nums_find(ctx, -1) : NULL;
  if (!p) return 0;
  duk_push_number(ctx, p->num[f]);
  return 1;
}

/* this's counter f = the setter's value (idx 0) as a number. */
static void nums_set_this(duk_context *ctx, int f)
{
  duk_push_this(ctx); /* 2 */
  if (!duk_is_object(ctx, 2)) return;
  double v = duk_to_number(ctx, 0);
  st_put_wnum(ctx, 2, f, v);
}

/* The counters of table 2's prototype at idx 0 as accessors (the flags' pair at idx
 * pair) over a block of their values and of the flags' bits. */
static void pack_nums(duk_context *ctx, duk_idx_t pair, uint64_t bits)
{
  st_wblock *p = duk_push_fixed_buffer(ctx, sizeof *p);
  p->owner = duk_get_heapptr(ctx, 0);
  p->bits = bits;
  for (int i = 0; i < W_NUMS; i++) {
    duk_get_prop_string(ctx, 0, writable_nums[i]);
    p->num[i] = duk_to_number(ctx, -1);
    duk_pop(ctx);
    duk_del_prop_string(ctx, 0, writable_nums[i]);
    duk_push_string(ctx, writable_nums[i]);
    duk_get_prop_index(ctx, pair, 0);
    duk_get_prop_index(ctx, pair, 1);
    duk_def_prop(ctx, 0,
                 DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_SET_ENUMERABLE);
  }
  duk_put_prop_literal(ctx, 0, NUMS_KEY);
}

/* The prototype at idx 0 with its hidden keys (the bits, the block) first and no
 * holes: C finds them by a linear search of the state, then of its prototypes, on
 * every field it reads. The other fields keep their order (for-in, inspect). */
static int num_field(const char *key);
/* table: the packFields table (which keys are accessors) */
static void hidden_first(duk_context *ctx, unsigned table)
{
  duk_push_array(ctx); /* 1: the keys, in order */
  duk_uarridx_t n = 0;
  duk_enum(ctx, 0, DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE);
  while (duk_next(ctx, -1, 0)) duk_put_prop_index(ctx, -3, n++);
  duk_pop(ctx);
  duk_idx_t keys = duk_get_top_index(ctx);
  for (duk_uarridx_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, keys, i); /* key */
    duk_dup_top(ctx);
    duk_get_prop_desc(ctx, 0, 0); /* key desc */
    duk_uint_t flags = DUK_DEFPROP_HAVE_CONFIGURABLE | DUK_DEFPROP_HAVE_ENUMERABLE;
    if (duk_get_prop_literal(ctx, -1, "configurable") && duk_to_boolean(ctx, -1)) flags |= DUK_DEFPROP_CONFIGURABLE;
    duk_pop(ctx);
    if (duk_get_prop_literal(ctx, -1, "enumerable") && duk_to_boolean(ctx, -1)) flags |= DUK_DEFPROP_ENUMERABLE;
    duk_pop(ctx);
    duk_dup(ctx, -2);
    duk_del_prop(ctx, 0);
    duk_dup(ctx, -2); /* key desc key */
    const char *k = duk_get_string(ctx, -1); /* an accessor if one of ours (the descriptor's own
                                                get, not one Object.prototype may lend) */
    if (field_of(table, k) >= 0 || (table == 2 && num_field(k) >= 0)) {
      duk_get_prop_literal(ctx, -2, "get");
      duk_get_prop_literal(ctx, -3, "set");
      flags |= DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER;
    } else {
      duk_get_prop_literal(ctx, -2, "value");
      flags |= DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_HAVE_WRITABLE;
      if (duk_get_prop_literal(ctx, -3, "writable") && duk_to_boolean(ctx, -1)) flags |= DUK_DEFPROP_WRITABLE;
      duk_pop(ctx);
    }
    duk_def_prop(ctx, 0, flags);
    duk_pop_2(ctx); /* key desc */
  }
  duk_pop(ctx);
  duk_compact(ctx, 0);
}

/* packFields(proto, table): table 1 Readable's state, 2 Writable's. */
static duk_ret_t pack_fields(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  unsigned table = (unsigned)duk_require_uint(ctx, 1);
  if (table == 0 || table > 2) return DUK_RET_RANGE_ERROR;
  duk_push_global_stash(ctx);                   /* 2 */
  if (!duk_get_prop_literal(ctx, 2, PAIR_KEY)) { /* 3: [getter, setter], made once */
    duk_pop(ctx);
    duk_push_array(ctx);
    duk_push_c_function(ctx, packed_get, 1);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_c_function(ctx, packed_set, 2);
    duk_put_prop_index(ctx, -2, 1);
    duk_dup_top(ctx);
    duk_put_prop_literal(ctx, 2, PAIR_KEY);
  }
  uint64_t b = table;
  const char *const *t = tables[table];
  for (int i = 0; t[i]; i++) {
    duk_get_prop_string(ctx, 0, t[i]);
    unsigned v = duk_is_null(ctx, -1) ? V_NULL : (unsigned)duk_to_boolean(ctx, -1);
    duk_pop(ctx);
    b |= (uint64_t)v << field_shift(i);
    duk_del_prop_string(ctx, 0, t[i]);
    duk_push_string(ctx, t[i]);
    duk_get_prop_index(ctx, 3, 0);
    duk_get_prop_index(ctx, 3, 1);
    duk_def_prop(ctx, 0,
                 DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_SET_ENUMERABLE);
  }
  if (table == 2) {
    pack_nums(ctx, 3, b);
    b = 2; /* the bits live in the block: the key keeps the table's number */
  }
  duk_pop(ctx); /* the pair */
  duk_push_number(ctx, (double)b);
  duk_put_prop_literal(ctx, 0, BITS_KEY);
  hidden_first(ctx, table);
  /* Kept for C that makes a state without the JS constructors (net's accept path). */
  duk_dup(ctx, 0);
  duk_put_prop_string(ctx, 2, table == 1 ? READABLE_PROTO_KEY : WRITABLE_PROTO_KEY);
  return 0;
}

void packed_funcs(duk_context *ctx, duk_idx_t binding)
{
  /* st_rbit's numbers must name these fields: a table edited without them fails here,
   * at the stream binding's first load, not in a socket's data path. */
  static const char *const rf_names[RF_DATA_EMITTED + 1] = {
    "flowing", "ended", "endEmitted", "reading", "sync", "needReadable", "emittedReadable", "readableListening",
    "resumeScheduled", "paused", "errorEmitted", "destroyed", "closed", "closeEmitted", "readingMore", "dataEmitted"
  };
  for (int i = 0; i <= RF_DATA_EMITTED; i++)
    if (field_of(1, rf_names[i]) != i) (void)duk_error(ctx, DUK_ERR_ERROR, "stream: RF_ numbers out of date");
  static const duk_function_list_entry funcs[] = { { "packFields", pack_fields, 2 }, { NULL, NULL, 0 } };
  PETREL_LIGHTFUNC_LIST(stream_packed_funcs, funcs);
  petrel_put_functions(ctx, binding, funcs);
}
