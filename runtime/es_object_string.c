/* The Object, String.prototype and Math methods of runtime/es_methods.c's list. */
#include <math.h>
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "es_internal.h"

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
    (void)duk_type_error(ctx, "Iterator value %s is not an entry object", es_push_value_text(ctx, -1));
  duk_get_prop_index(ctx, -1, 0);
  duk_get_prop_index(ctx, -2, 1); /* [... obj entry k v]: def_prop makes k a property key */
  duk_def_prop(ctx, 3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WEC);
  return 0;
}

duk_ret_t petrel_es_object_from_entries(duk_context *ctx)
{
  es_iter it;
  if (duk_is_null_or_undefined(ctx, 0)) return duk_type_error(ctx, "undefined is not iterable"); /* V8's words */
  es_iter_open(ctx, 0, &it, 0); /* [iterable src next] */
  duk_push_object(ctx);         /* [... obj] */
  while (es_iter_step(ctx, &it)) {
    if (duk_safe_call(ctx, from_entries_store, NULL, 1, 1) != DUK_EXEC_SUCCESS) {
      es_iter_close(ctx, &it);
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
  duk_idx_t s = es_push_this_string(ctx, "String.prototype.at");
  double len = (double)duk_get_length(ctx, s);
  double r = es_to_integer(ctx, 0), k = r >= 0 ? r : len + r;
  if (k < 0 || k >= len) return 0;
  duk_substring(ctx, s, (duk_size_t)k, (duk_size_t)k + 1);
  return 1;
}

/* padStart (magic 0), padEnd (1): (maxLength, fillString) */
duk_ret_t petrel_es_string_pad(duk_context *ctx)
{
  int end = duk_get_current_magic(ctx);
  duk_idx_t s = es_push_this_string(ctx, end ? "String.prototype.padEnd" : "String.prototype.padStart");
  double max = es_to_length(ctx, 0), len = (double)duk_get_length(ctx, s);
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
  duk_idx_t s = es_push_this_string(ctx, end ? "String.prototype.trimRight" : "String.prototype.trimLeft"); /* V8's */
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
  es_require_this(ctx, "String.prototype.replaceAll"); /* [search replace this] */
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
      from = pos < slen ? pos + es_char_bytes((const unsigned char *)str + pos, slen - pos) : slen + 1;
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
