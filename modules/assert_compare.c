/* Deep equality (assert.deepEqual/deepStrictEqual, util.isDeepStrictEqual
 * too) in C: internal/deep_equal.js's algorithm, which
 * says what each rule is, without its ~6 KB of compiled JS. The recursion runs
 * on the C stack, which is small on a board, so a pair nested deeper than
 * MAX_DEPTH is handed to deep_equal.js (compiled then only). */
#include <string.h>
#include "format.h"
#include "assert_compare.h"
#include "runtime.h"

#define MAX_DEPTH 24

/* The pairs being compared further up (cycles: such a pair counts as equal). */
struct memo {
  void *a, *b;
  const struct memo *up;
};

struct cmp {
  duk_idx_t to_string, is_enumerable, is_view; /* the engine's, taken at each top-level call */
  int strict, depth;
  const struct memo *memo;
};

static int deep(duk_context *ctx, struct cmp *c, duk_idx_t a, duk_idx_t b);

/* typeof v === 'object' && v !== null */
static int is_object(duk_context *ctx, duk_idx_t idx)
{
  return duk_get_type(ctx, idx) == DUK_TYPE_OBJECT && !duk_is_function(ctx, idx);
}

static int both_nan(duk_context *ctx, duk_idx_t a, duk_idx_t b) { return duk_is_nan(ctx, a) && duk_is_nan(ctx, b); }

/* fn.call(this at idx[, arg]) -> [... result] */
static void call_on(duk_context *ctx, duk_idx_t fn, duk_idx_t idx, duk_idx_t arg)
{
  idx = duk_normalize_index(ctx, idx);
  duk_dup(ctx, fn);
  duk_dup(ctx, idx);
  if (arg >= 0) duk_dup(ctx, arg);
  duk_call_method(ctx, arg >= 0 ? 1 : 0);
}

/* Ctor.prototype.method.call(value at idx), looked up now as the JS did. */
static void proto_call(duk_context *ctx, const char *ctor, const char *method, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  duk_get_global_string(ctx, ctor);
  duk_get_prop_literal(ctx, -1, "prototype");
  duk_get_prop_string(ctx, -1, method);
  duk_dup(ctx, idx);
  duk_call_method(ctx, 0);
  duk_replace(ctx, -3);
  duk_pop(ctx);
}

static int same_prop(duk_context *ctx, duk_idx_t a, duk_idx_t b, const char *key)
{
  duk_get_prop_string(ctx, a, key);
  duk_get_prop_string(ctx, b, key);
  int r = duk_strict_equals(ctx, -1, -2);
  duk_pop_2(ctx);
  return r;
}

/* The bytes of two buffer objects (the views' own ranges). */
static int same_bytes(duk_context *ctx, duk_idx_t a, duk_idx_t b)
{
  duk_size_t na = 0, nb = 0;
  const void *pa = duk_get_buffer_data(ctx, a, &na), *pb = duk_get_buffer_data(ctx, b, &nb);
  return na == nb && (na == 0 || (pa && pb && memcmp(pa, pb, na) == 0));
}

static int is_tag(duk_context *ctx, duk_idx_t tag, const char *name)
{
  return strcmp(duk_get_string(ctx, tag), name) == 0;
}

/* Safe call [a b tag] -> [equal]: what is not an own property (Dates, boxed
 * primitives, RegExps, buffers, Errors). A throw counts as equal (a lying
 * Symbol.toStringTag): only the keys can be compared then. */
static duk_ret_t slots(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_idx_t a = duk_get_top(ctx) - 3, b = a + 1, tag = a + 2;
  int r = 1;
  if (is_tag(ctx, tag, "[object Date]")) {
    proto_call(ctx, "Date", "getTime", a);
    proto_call(ctx, "Date", "getTime", b);
    r = duk_strict_equals(ctx, -1, -2); /* two invalid dates differ, as in Node */
  } else if (is_tag(ctx, tag, "[object RegExp]")) {
    duk_dup(ctx, a);
    duk_to_string(ctx, -1);
    duk_dup(ctx, b);
    duk_to_string(ctx, -1);
    r = duk_strict_equals(ctx, -1, -2) && same_prop(ctx, a, b, "lastIndex");
  } else if (is_tag(ctx, tag, "[object Number]") || is_tag(ctx, tag, "[object String]") ||
             is_tag(ctx, tag, "[object Boolean]") || is_tag(ctx, tag, "[object Symbol]")) {
    const char *ctor = duk_get_string(ctx, tag) + 8; /* after "[object " */
    char name[8];
    size_t n = strlen(ctor) - 1;
    memcpy(name, ctor, n);
    name[n] = 0;
    proto_call(ctx, name, "valueOf", a);
    proto_call(ctx, name, "valueOf", b);
    r = duk_samevalue(ctx, -1, -2);
  } else if (is_tag(ctx, tag, "[object ArrayBuffer]") || is_tag(ctx, tag, "[object DataView]")) {
    r = same_prop(ctx, a, b, "byteLength") && same_bytes(ctx, a, b);
  } else {
    duk_get_global_literal(ctx, "Error");
    if (duk_instanceof(ctx, a, -1) || is_tag(ctx, tag, "[object Error]")) {
      r = (duk_instanceof(ctx, b, -1) || is_tag(ctx, tag, "[object Error]")) && same_prop(ctx, a, b, "message") &&
          same_prop(ctx, a, b, "name");
    }
  }
  duk_push_boolean(ctx, r);
  return 1;
}

/* A typed array (not a DataView): ArrayBuffer.isView and the tag, as the JS did. */
static int equal_typed(duk_context *ctx, struct cmp *c, duk_idx_t a, duk_idx_t b, duk_idx_t tag)
{
  call_on(ctx, c->is_view, c->is_view, b); /* ArrayBuffer.isView(b) (its this is unused) */
  int view = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  if (!view || !same_prop(ctx, a, b, "byteLength") || !same_prop(ctx, a, b, "length")) return 0;
  if (!c->strict && (is_tag(ctx, tag, "[object Float32Array]") || is_tag(ctx, tag, "[object Float64Array]"))) {
    /* loose: the numbers, 0 equals -0 and NaN nothing */
    duk_size_t n = duk_get_length(ctx, a);
    for (duk_uarridx_t i = 0; i < n; i++) {
      duk_get_prop_index(ctx, a, i);
      duk_get_prop_index(ctx, b, i);
      int same = duk_to_number(ctx, -1) == duk_to_number(ctx, -2);
      duk_pop_2(ctx);
      if (!same) return 0;
    }
    return 1;
  }
  return same_bytes(ctx, a, b);
}

/* Own enumerable keys (and, when strict, enumerable symbols) -> [... array];
 * a typed array's index keys left out (its elements were compared). */
static duk_uarridx_t push_keys(duk_context *ctx, struct cmp *c, duk_idx_t obj, int typed)
{
  duk_uarridx_t n = 0;
  duk_push_array(ctx);
  duk_enum(ctx, obj, DUK_ENUM_OWN_PROPERTIES_ONLY | (c->strict ? DUK_ENUM_INCLUDE_SYMBOLS : 0));
  while (duk_next(ctx, -1, 0)) {
    const char *k = duk_is_symbol(ctx, -1) ? "" : duk_get_string(ctx, -1);
    if (typed && k[0] >= '0' && k[0] <= '9') { /* an index: String(k >>> 0) === k, < 2^32 - 1 */
      char buf[12], *p = buf + sizeof buf;
      duk_dup(ctx, -1);
      duk_uint32_t v = duk_to_uint32(ctx, -1);
      duk_pop(ctx);
      *--p = 0;
      do *--p = (char)('0' + v % 10);
      while ((v /= 10) != 0);
      if (strcmp(p, k) == 0 && strcmp(k, "4294967295") != 0) {
        duk_pop(ctx);
        continue;
      }
    }
    duk_put_prop_index(ctx, -3, n++);
  }
  duk_pop(ctx);
  return n;
}

/* internal/deep_equal.js's deepEqual(a, b, strict) */
static int js_deep(duk_context *ctx, duk_idx_t a, duk_idx_t b, int strict)
{
  a = duk_normalize_index(ctx, a);
  b = duk_normalize_index(ctx, b);
  format_require(ctx, "internal/deep_equal");
  duk_push_literal(ctx, "deepEqual");
  duk_dup(ctx, a);
  duk_dup(ctx, b);
  duk_push_boolean(ctx, strict);
  duk_call_prop(ctx, -5, 3);
  int r = duk_to_boolean(ctx, -1);
  duk_pop_2(ctx);
  return r;
}

/* a[k], b[k] for each k of a's keys (on the stack at keys), deep-equal? */
static int equal_values(duk_context *ctx, struct cmp *c, duk_idx_t a, duk_idx_t b, duk_idx_t keys, duk_uarridx_t n)
{
  for (duk_uarridx_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, keys, i);
    duk_dup(ctx, -1);
    duk_get_prop(ctx, a);
    duk_swap_top(ctx, -2);
    duk_get_prop(ctx, b);
    /* deeper: the JS, which keeps its stack in the heap */
    int same = c->depth < MAX_DEPTH ? deep(ctx, c, -2, -1) : js_deep(ctx, -2, -1, c->strict);
    duk_pop_2(ctx);
    if (!same) return 0;
  }
  return 1;
}

/* Two objects, not the same one. */
static int deep_objects(duk_context *ctx, struct cmp *c, duk_idx_t a, duk_idx_t b)
{
  call_on(ctx, c->to_string, a, -1);
  duk_idx_t tag = duk_get_top_index(ctx);
  call_on(ctx, c->to_string, b, -1);
  if (!duk_strict_equals(ctx, tag, tag + 1)) return 0;
  duk_bool_t arr = duk_is_array(ctx, a);
  if (arr != duk_is_array(ctx, b) || (arr && duk_get_length(ctx, a) != duk_get_length(ctx, b))) return 0;
  int typed = 0;
  if (!is_tag(ctx, tag, "[object DataView]")) {
    call_on(ctx, c->is_view, c->is_view, a);
    typed = duk_to_boolean(ctx, -1);
    duk_pop(ctx);
  }
  if (typed) {
    if (!equal_typed(ctx, c, a, b, tag)) return 0;
  } else {
    duk_dup(ctx, a);
    duk_dup(ctx, b);
    duk_dup(ctx, tag);
    /* A check that throws (a lying Symbol.toStringTag) leaves only the keys to compare;
     * out of memory is no answer at all: it goes to the caller. */
    int rc = duk_safe_call(ctx, slots, NULL, 3, 1);
    if (rc != DUK_EXEC_SUCCESS && petrel_is_alloc_failure(ctx, -1)) (void)duk_throw(ctx);
    if (rc == DUK_EXEC_SUCCESS && !duk_to_boolean(ctx, -1)) return 0;
    duk_pop(ctx);
  }

  duk_uarridx_t n = push_keys(ctx, c, a, typed);
  duk_idx_t keys = duk_get_top_index(ctx);
  if (push_keys(ctx, c, b, typed) != n) return 0;
  for (duk_uarridx_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, keys, i);
    call_on(ctx, c->is_enumerable, b, duk_get_top_index(ctx)); /* own and enumerable in b */
    if (!duk_to_boolean(ctx, -1)) return 0;
    duk_pop_2(ctx);
  }
  if (n == 0) return 1;

  void *pa = duk_get_heapptr(ctx, a), *pb = duk_get_heapptr(ctx, b);
  for (const struct memo *m = c->memo; m; m = m->up)
    if (m->a == pa && m->b == pb) return 1;
  struct memo here = { pa, pb, c->memo };
  c->memo = &here;
  c->depth++;
  int same = equal_values(ctx, c, a, b, keys, n);
  c->depth--;
  c->memo = here.up;
  return same;
}

static int deep(duk_context *ctx, struct cmp *c, duk_idx_t a, duk_idx_t b)
{
  a = duk_normalize_index(ctx, a);
  b = duk_normalize_index(ctx, b);
  if (duk_strict_equals(ctx, a, b)) return !c->strict || duk_samevalue(ctx, a, b);
  /* Plain buffers (typeof 'object', but not Duktape objects) are left to the JS. */
  if (duk_is_buffer(ctx, a) || duk_is_buffer(ctx, b)) return js_deep(ctx, a, b, c->strict);
  int oa = is_object(ctx, a), ob = is_object(ctx, b);
  if (c->strict) {
    if (!oa || !ob) return both_nan(ctx, a, b);
    duk_get_prototype(ctx, a);
    duk_get_prototype(ctx, b);
    int same = duk_strict_equals(ctx, -1, -2);
    duk_pop_2(ctx);
    if (!same) return 0;
  } else if (!oa || !ob) {
    return !oa && !ob && (duk_equals(ctx, a, b) || both_nan(ctx, a, b));
  }
  /* Each level of objects holds ~10 values (tags, both key lists, a pair of values)
   * and the checks it calls push more: room for them, as a C function gets only
   * Duktape's 64 slots beyond its arguments (RangeError if the heap cannot grow it). */
  duk_require_stack(ctx, 32);
  duk_idx_t top = duk_get_top(ctx);
  int same = deep_objects(ctx, c, a, b);
  duk_set_top(ctx, top);
  return same;
}

int assert_deep_equal(duk_context *ctx, duk_idx_t a, duk_idx_t b, int strict)
{
  a = duk_normalize_index(ctx, a);
  b = duk_normalize_index(ctx, b);
  duk_idx_t top = duk_get_top(ctx);
  struct cmp c = { top, top + 1, top + 2, strict, 0, NULL };
  /* Object.prototype's as they were at boot (runtime/process.c), not a user's */
  petrel_push_primordial(ctx, "ObjectPrototypeToString");
  petrel_push_primordial(ctx, "ObjectPrototypePropertyIsEnumerable");
  duk_get_global_literal(ctx, "ArrayBuffer");
  duk_get_prop_literal(ctx, -1, "isView");
  duk_remove(ctx, -2);
  int r = deep(ctx, &c, a, b);
  duk_set_top(ctx, top);
  return r;
}

/* the assert binding's deepEqual(a, b, strict) */
duk_ret_t assert_deep_equal_js(duk_context *ctx)
{
  duk_set_top(ctx, 3);
  duk_push_boolean(ctx, assert_deep_equal(ctx, 0, 1, duk_to_boolean(ctx, 2)));
  return 1;
}
