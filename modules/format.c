/*
 * util.format / util.formatWithOptions (internal/format) and the primitive printer
 * (internal/primitive: how util.inspect prints strings, numbers and the other
 * primitives), as Duktape light functions.
 *
 * Why C: console.log formats through these on every call, the REPL prints its
 * results with the primitive printer, and both are loaded at boot; in JS they were
 * ~30 functions at ~300 B of heap each on a board. The semantics are the JS
 * version's, which follow Node's: %s %d %i %f %j %o %O %c %%, extra arguments
 * inspected, strings quoted and escaped as Node quotes them. Objects still go to
 * the object inspector (internal/inspect, JS, loaded on the first object printed).
 * Strings are Duktape's CESU-8: a UTF-16 code unit of the JS version is a 1-3 byte
 * sequence here ('%' and the escaped characters are single bytes or C2 80..9F).
 */
#include <math.h>
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "format.h"

#define REQUIRE_KEY     DUK_HIDDEN_SYMBOL("fmtRequire")
#define PARSE_INT_KEY   DUK_HIDDEN_SYMBOL("fmtParseInt")
#define PARSE_FLOAT_KEY DUK_HIDDEN_SYMBOL("fmtParseFloat")
#define DEFAULTS_KEY    DUK_HIDDEN_SYMBOL("fmtInspectDefaults")

static void push_stashed(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, key);
  duk_remove(ctx, -2);
}

void format_init(duk_context *ctx)
{
  /* %i and %f call parseInt / parseFloat as they were at boot (Node's primordials). */
  duk_push_global_stash(ctx);
  duk_get_global_literal(ctx, "parseInt");
  duk_put_prop_literal(ctx, -2, PARSE_INT_KEY);
  duk_get_global_literal(ctx, "parseFloat");
  duk_put_prop_literal(ctx, -2, PARSE_FLOAT_KEY);
  duk_pop(ctx);
}

void format_set_require(duk_context *ctx, duk_idx_t idx)
{
  if (!duk_is_function(ctx, idx)) (void)duk_type_error(ctx, "require must be a function");
  duk_dup(ctx, idx);
  duk_push_global_stash(ctx);
  duk_insert(ctx, -2);
  duk_put_prop_literal(ctx, -2, REQUIRE_KEY);
  duk_pop(ctx);
}

void format_require(duk_context *ctx, const char *id)
{
  push_stashed(ctx, REQUIRE_KEY);
  duk_push_string(ctx, id);
  duk_call(ctx, 1);
}

/* typeof v is neither 'object' nor 'function' (null included). */
static int is_primitive(duk_context *ctx, duk_idx_t idx)
{
  return !duk_check_type_mask(ctx, idx, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER | DUK_TYPE_MASK_LIGHTFUNC);
}

static int is_plain_string(duk_context *ctx, duk_idx_t idx)
{
  return duk_is_string(ctx, idx) && !duk_is_symbol(ctx, idx);
}

/* formatNumber: '' + n, but -0 as "-0". */
static void push_number_text(duk_context *ctx, double n)
{
  if (n == 0 && signbit(n)) {
    duk_push_literal(ctx, "-0");
  } else {
    duk_push_number(ctx, n);
    duk_to_string(ctx, -1);
  }
}

/* String(symbol): "Symbol(description)". Duktape stores a symbol as a string: a
 * marker byte, the description, then 0xFF and a unique suffix for local symbols. */
static void push_symbol_text(duk_context *ctx, duk_idx_t idx)
{
  duk_size_t len;
  const unsigned char *p = (const unsigned char *)duk_get_lstring(ctx, idx, &len);
  const unsigned char *end = p + len, *q;
  if (len) p++;
  for (q = p; q < end && *q != 0xff; q++) {}
  duk_push_literal(ctx, "Symbol(");
  duk_push_lstring(ctx, (const char *)p, (duk_size_t)(q - p));
  duk_push_literal(ctx, ")");
  duk_concat(ctx, 3);
}

/* ---- quoting ------------------------------------------------------------- */

static const char hex_upper[] = "0123456789ABCDEF";
static const char hex_lower[] = "0123456789abcdef";

/* The length of the character starting with byte b (1 for a stray byte). */
static size_t char_len(unsigned char b)
{
  if (b < 0xc0) return 1;
  if (b < 0xe0) return 2;
  if (b < 0xf0) return 3;
  if (b < 0xf8) return 4;
  return 1;
}

/* A UTF-16 surrogate as CESU-8 (ED A0..BF xx): 1 high, 2 low, 0 neither. */
static int surrogate(const unsigned char *p, size_t left)
{
  if (left < 3 || p[0] != 0xed || p[1] < 0xa0) return 0;
  return p[1] < 0xb0 ? 1 : 2;
}

/* Writes s quoted with quote, escaped as Node does, to out (NULL: only counts);
 * returns the length. Escaped: control characters, U+007F..U+009F, backslash,
 * the quote when it is ', and lone surrogates (as \uXXXX). */
static size_t quote_into(const unsigned char *s, size_t len, char quote, char *out)
{
  size_t n = 0;
  char esc[8];
#define EMIT(p, k)                                                                                                     \
  do {                                                                                                                 \
    if (out) memcpy(out + n, (p), (k));                                                                                \
    n += (k);                                                                                                          \
  } while (0)
  EMIT(&quote, 1);
  for (size_t i = 0; i < len;) {
    unsigned char c = s[i];
    size_t k = char_len(c), e = 0;
    if (k > len - i) k = len - i;
    unsigned code = 0x100; /* a code unit to escape as \xHH / a short escape; 0x100: none */
    if (c < 0x20 || c == 0x7f || c == '\\' || (c == '\'' && quote == '\''))
      code = c;
    else if (c == 0xc2 && k == 2 && s[i + 1] <= 0x9f)
      code = s[i + 1];
    else if (surrogate(s + i, len - i)) {
      if (surrogate(s + i, len - i) == 1 && surrogate(s + i + 3, len - i - 3) == 2) {
        EMIT(s + i, 6); /* a pair: one character, printed as is */
        i += 6;
        continue;
      }
      unsigned u = ((s[i] & 0x0fu) << 12) | ((s[i + 1] & 0x3fu) << 6) | (s[i + 2] & 0x3fu);
      esc[0] = '\\';
      esc[1] = 'u';
      for (int d = 0; d < 4; d++) esc[2 + d] = hex_lower[(u >> (12 - 4 * d)) & 15];
      e = 6;
    }
    if (code != 0x100) {
      esc[0] = '\\';
      e = 2;
      switch (code) {
        case 8: esc[1] = 'b'; break;
        case 9: esc[1] = 't'; break;
        case 10: esc[1] = 'n'; break;
        case 12: esc[1] = 'f'; break;
        case 13: esc[1] = 'r'; break;
        case '\'': esc[1] = '\''; break;
        case '\\': esc[1] = '\\'; break;
        default:
          esc[1] = 'x';
          esc[2] = hex_upper[code >> 4];
          esc[3] = hex_upper[code & 15];
          e = 4;
      }
    }
    if (e)
      EMIT(esc, e);
    else
      EMIT(s + i, k);
    i += k;
  }
  EMIT(&quote, 1);
#undef EMIT
  return n;
}

/* quoteString: single quotes, or double quotes / backticks when the text holds a
 * single quote (and not the other one). [...] -> [... quoted] */
static void push_quoted(duk_context *ctx, duk_idx_t idx)
{
  duk_size_t len;
  const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, idx, &len);
  char quote = '\'';
  if (memchr(s, '\'', len)) {
    int dollar_brace = 0;
    for (const unsigned char *p = s; (p = memchr(p, '$', len - (size_t)(p - s))) != NULL; p++)
      if ((size_t)(p - s) + 1 < len && p[1] == '{') {
        dollar_brace = 1;
        break;
      }
    if (!memchr(s, '"', len))
      quote = '"';
    else if (!memchr(s, '`', len) && !dollar_brace)
      quote = '`';
  }
  size_t n = quote_into(s, len, quote, NULL);
  char *out = duk_push_fixed_buffer(ctx, n);
  s = (const unsigned char *)duk_get_lstring(ctx, idx < 0 ? idx - 1 : idx, &len);
  quote_into(s, len, quote, out);
  duk_buffer_to_string(ctx, -1);
}

/* plural(n, word): n + ' ' + word + (n > 1 ? 's' : '') */
static void push_plural(duk_context *ctx, double n, const char *word)
{
  duk_push_number(ctx, n);
  duk_to_string(ctx, -1);
  duk_push_sprintf(ctx, " %s%s", word, n > 1 ? "s" : "");
  duk_concat(ctx, 2);
}

/* formatString(s, maxLength): quoted, cut after maxLength characters. */
static void push_format_string(duk_context *ctx, duk_idx_t idx, double max)
{
  idx = duk_normalize_index(ctx, idx);
  double n = (double)duk_get_length(ctx, idx);
  if (!(n > max)) {
    push_quoted(ctx, idx);
    return;
  }
  double end = trunc(max); /* s.slice(0, maxLength) */
  end = end < 0 ? (n + end < 0 ? 0 : n + end) : (end > n ? n : end);
  duk_dup(ctx, idx);
  duk_substring(ctx, -1, 0, (duk_size_t)end);
  push_quoted(ctx, -1);
  duk_remove(ctx, -2);
  duk_push_literal(ctx, "... ");
  push_plural(ctx, n - max, "more character");
  duk_concat(ctx, 3);
}

/* formatPrimitive(v, maxStringLength) */
static void push_primitive(duk_context *ctx, duk_idx_t idx, double max)
{
  switch (duk_get_type(ctx, idx)) {
    case DUK_TYPE_STRING:
      if (!duk_is_symbol(ctx, idx)) {
        push_format_string(ctx, idx, max);
        return;
      }
      duk_dup(ctx, idx); /* v.toString() */
      duk_push_literal(ctx, "toString");
      duk_call_prop(ctx, -2, 0);
      duk_remove(ctx, -2);
      return;
    case DUK_TYPE_NUMBER: push_number_text(ctx, duk_get_number(ctx, idx)); return;
    case DUK_TYPE_UNDEFINED: duk_push_literal(ctx, "undefined"); return;
    case DUK_TYPE_BOOLEAN: duk_push_string(ctx, duk_get_boolean(ctx, idx) ? "true" : "false"); return;
  }
  duk_dup(ctx, idx); /* String(v) */
  duk_to_string(ctx, -1);
}

/* util.inspect.defaultOptions, made on first use. [...] -> [... defaults] */
static void push_defaults(duk_context *ctx)
{
  push_stashed(ctx, DEFAULTS_KEY);
  if (!duk_is_undefined(ctx, -1)) return;
  duk_pop(ctx);
  static const struct {
    const char *key;
    signed char value;
  } defaults[] = {
    { "showHidden", -1 },     { "depth", 2 },        { "colors", -1 },
    { "customInspect", -2 },  { "showProxy", -1 },   { "maxArrayLength", 100 },
    { "maxStringLength", 0 }, { "breakLength", 80 }, { "compact", 3 },
    { "sorted", -1 },         { "getters", -1 },     { "numericSeparator", -1 }
  }; /* -1 false, -2 true, 0 10000 */
  duk_push_object(ctx);
  for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
    int v = defaults[i].value;
    if (v < 0)
      duk_push_boolean(ctx, v == -2);
    else
      duk_push_int(ctx, v ? v : 10000);
    duk_put_prop_string(ctx, -2, defaults[i].key);
  }
  duk_push_global_stash(ctx);
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, DEFAULTS_KEY);
  duk_pop(ctx);
}

void format_push_inspect_defaults(duk_context *ctx) { push_defaults(ctx); }

/* inspect(v) of a primitive: formatPrimitive(v, defaultOptions.maxStringLength) */
void format_inspect_primitive(duk_context *ctx, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  push_defaults(ctx);
  duk_get_prop_literal(ctx, -1, "maxStringLength");
  double max = duk_is_null(ctx, -1) ? INFINITY : duk_to_number(ctx, -1); /* null: no limit, as in Node */
  duk_pop_2(ctx);
  push_primitive(ctx, idx, max);
}

/* ---- util.format --------------------------------------------------------- */

void format_inspect(duk_context *ctx, duk_idx_t idx, duk_idx_t opts)
{
  idx = duk_normalize_index(ctx, idx);
  if (opts >= 0) opts = duk_normalize_index(ctx, opts);
  format_require(ctx, "internal/inspect");
  duk_idx_t mod = duk_get_top_index(ctx);
  duk_push_literal(ctx, "inspect");
  duk_dup(ctx, idx);
  if (opts >= 0) duk_dup(ctx, opts);
  duk_call_prop(ctx, mod, opts >= 0 ? 2 : 1);
  duk_remove(ctx, mod);
}

/* inspectArg: a primitive without options is printed here, without the inspector. */
static void push_inspect_arg(duk_context *ctx, duk_idx_t idx, duk_idx_t opts)
{
  if (opts < 0 && is_primitive(ctx, idx))
    format_inspect_primitive(ctx, idx);
  else
    format_inspect(ctx, idx, opts);
}

/* A copy of the options' own enumerable keys (formatWithOptions' options are an
 * object), to which the caller adds its own. [...] -> [... o] */
static void push_options_copy(duk_context *ctx, duk_idx_t opts)
{
  duk_push_object(ctx);
  if (opts >= 0 && duk_check_type_mask(ctx, opts, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER)) {
    duk_enum(ctx, opts, DUK_ENUM_OWN_PROPERTIES_ONLY);
    while (duk_next(ctx, -1, 1)) duk_put_prop(ctx, -4);
    duk_pop(ctx);
  }
}

static void put_number(duk_context *ctx, const char *key, double v)
{
  duk_push_number(ctx, v);
  duk_put_prop_string(ctx, -2, key);
}

static void put_boolean(duk_context *ctx, const char *key, int v)
{
  duk_push_boolean(ctx, v);
  duk_put_prop_string(ctx, -2, key);
}

/* Object.prototype.hasOwnProperty.call(obj at idx, key) */
static int has_own(duk_context *ctx, duk_idx_t idx, const char *key)
{
  idx = duk_normalize_index(ctx, idx);
  duk_push_string(ctx, key);
  duk_get_prop_desc(ctx, idx, 0);
  int own = !duk_is_undefined(ctx, -1);
  duk_pop(ctx);
  return own;
}

/* Whether %s should inspect obj rather than call its toString: it has none, or the
 * nearest one belongs to a built-in class (its prototype's constructor). */
static int has_builtin_to_string(duk_context *ctx, duk_idx_t idx)
{
  static const char *const builtins[] = { "Object",
                                          "Function",
                                          "Array",
                                          "Number",
                                          "Boolean",
                                          "String",
                                          "Symbol",
                                          "Date",
                                          "RegExp",
                                          "Error",
                                          "EvalError",
                                          "RangeError",
                                          "ReferenceError",
                                          "SyntaxError",
                                          "TypeError",
                                          "URIError",
                                          "AggregateError",
                                          "ArrayBuffer",
                                          "DataView",
                                          "Promise",
                                          "Proxy",
                                          "Map",
                                          "Set",
                                          "WeakMap",
                                          "WeakSet",
                                          "Int8Array",
                                          "Uint8Array",
                                          "Uint8ClampedArray",
                                          "Int16Array",
                                          "Uint16Array",
                                          "Int32Array",
                                          "Uint32Array",
                                          "Float32Array",
                                          "Float64Array",
                                          "BigInt64Array",
                                          "BigUint64Array",
                                          NULL };
  duk_get_prop_literal(ctx, idx, "toString");
  int callable = duk_is_function(ctx, -1);
  duk_pop(ctx);
  if (!callable) return 1;
  duk_dup(ctx, idx);
  duk_to_object(ctx, -1);
  if (has_own(ctx, -1, "toString")) {
    duk_pop(ctx);
    return 0;
  }
  for (;;) {
    duk_get_prototype(ctx, -1);
    duk_remove(ctx, -2);
    if (!duk_is_object(ctx, -1)) {
      duk_pop(ctx);
      return 1;
    }
    if (has_own(ctx, -1, "toString")) break;
  }
  duk_push_literal(ctx, "constructor");
  duk_get_prop_desc(ctx, -2, 0);
  int builtin = 0;
  if (!duk_is_undefined(ctx, -1)) {
    duk_get_prop_literal(ctx, -1, "value");
    if (duk_is_function(ctx, -1)) {
      duk_get_prop_literal(ctx, -1, "name");
      if (is_plain_string(ctx, -1)) {
        const char *name = duk_get_string(ctx, -1);
        for (int i = 0; builtins[i] && !builtin; i++) builtin = strcmp(builtins[i], name) == 0;
      }
      duk_pop(ctx);
    }
    duk_pop(ctx);
  }
  duk_pop_2(ctx);
  return builtin;
}

static duk_ret_t json_encode(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_json_encode(ctx, -1);
  return 1;
}

/* Whether the thrown value at the top says "circular" or "cyclic" (any case). */
static int is_cycle_error(duk_context *ctx)
{
  if (!duk_is_object(ctx, -1)) return 0;
  duk_get_prop_literal(ctx, -1, "message");
  int cycle = 0;
  if (!duk_is_symbol(ctx, -1)) {
    const char *m = duk_safe_to_string(ctx, -1);
    for (; *m && !cycle; m++) cycle = strncasecmp(m, "circular", 8) == 0 || strncasecmp(m, "cyclic", 6) == 0;
  }
  duk_pop(ctx);
  return cycle;
}

/* The text for one specifier (s j d i f O o c) and its argument. [...] -> [... text] */
static void push_specifier(duk_context *ctx, int code, duk_idx_t arg, duk_idx_t opts)
{
  switch (code) {
    case 's':
      if (duk_is_number(ctx, arg))
        push_number_text(ctx, duk_get_number(ctx, arg));
      else if (duk_is_symbol(ctx, arg))
        push_symbol_text(ctx, arg);
      else if (duk_check_type_mask(ctx, arg, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER) &&
               !duk_is_function(ctx, arg) && has_builtin_to_string(ctx, arg)) {
        push_options_copy(ctx, opts); /* { ...opts, depth: 0, colors: false, compact: 3 } */
        put_number(ctx, "depth", 0);
        put_boolean(ctx, "colors", 0);
        put_number(ctx, "compact", 3);
        format_inspect(ctx, arg, duk_get_top_index(ctx));
        duk_remove(ctx, -2);
      } else {
        duk_dup(ctx, arg);
        duk_to_string(ctx, -1);
      }
      return;
    case 'j':
      duk_dup(ctx, arg);
      if (duk_safe_call(ctx, json_encode, NULL, 1, 1) != 0) {
        if (!is_cycle_error(ctx)) (void)duk_throw(ctx);
        duk_pop(ctx);
        duk_push_literal(ctx, "[Circular]");
      } else if (duk_is_undefined(ctx, -1)) {
        duk_pop(ctx);
        duk_push_literal(ctx, "undefined");
      }
      return;
    case 'd':
      if (duk_is_symbol(ctx, arg)) {
        duk_push_literal(ctx, "NaN");
      } else {
        duk_dup(ctx, arg);
        double n = duk_to_number(ctx, -1);
        duk_pop(ctx);
        push_number_text(ctx, n);
      }
      return;
    case 'i':
    case 'f':
      if (duk_is_symbol(ctx, arg)) {
        duk_push_literal(ctx, "NaN");
      } else {
        push_stashed(ctx, code == 'i' ? PARSE_INT_KEY : PARSE_FLOAT_KEY);
        duk_dup(ctx, arg); /* parseInt without a radix, as Node: '0x10' is 16 */
        duk_call(ctx, 1);
        double n = duk_to_number(ctx, -1);
        duk_pop(ctx);
        push_number_text(ctx, n);
      }
      return;
    case 'O': push_inspect_arg(ctx, arg, opts); return;
    case 'o':
      push_options_copy(ctx, opts);
      put_boolean(ctx, "showHidden", 1);
      put_boolean(ctx, "showProxy", 1);
      put_number(ctx, "depth", 4);
      format_inspect(ctx, arg, duk_get_top_index(ctx));
      duk_remove(ctx, -2);
      return;
    default: /* 'c': CSS, consumed and dropped */ duk_push_literal(ctx, "");
  }
}

/* Texts pushed one after another are joined every 32 so the value stack stays short. */
static void add_part(duk_context *ctx, int *n)
{
  if (++*n == 32) {
    duk_concat(ctx, 32);
    *n = 1;
  }
}

void format_values(duk_context *ctx, duk_idx_t opts, duk_idx_t from, duk_idx_t end)
{
  if (opts >= 0) opts = duk_normalize_index(ctx, opts);
  if (from >= end) {
    duk_push_literal(ctx, "");
    return;
  }
  duk_require_stack(ctx, 48);
  duk_idx_t a = from + 1;
  int n = 0; /* texts pushed so far */
  if (is_plain_string(ctx, from)) {
    if (a == end) {
      duk_dup(ctx, from);
      return;
    }
    duk_size_t len;
    const char *s = duk_get_lstring(ctx, from, &len);
    const char *pct = memchr(s, '%', len);
    if (pct == NULL || pct == s + len - 1) {
      /* The common console.log('a', 'b') case: nothing to substitute. */
      if (a + 1 == end && is_plain_string(ctx, a)) {
        duk_dup(ctx, from);
        duk_push_literal(ctx, " ");
        duk_dup(ctx, a);
        duk_concat(ctx, 3);
        return;
      }
    } else {
      size_t last = 0;
      for (size_t i = (size_t)(pct - s); i + 1 < len; i++) {
        if (s[i] != '%') continue;
        int code = (unsigned char)s[++i];
        if (code == '%') {
          duk_push_lstring(ctx, s + last, i - last); /* up to and with the first % */
          add_part(ctx, &n);
          last = i + 1;
          continue;
        }
        if (a >= end || !strchr("sjdifOoc", code) || code == 0) continue;
        if (last != i - 1) {
          duk_push_lstring(ctx, s + last, i - 1 - last);
          add_part(ctx, &n);
        }
        push_specifier(ctx, code, a++, opts);
        add_part(ctx, &n);
        last = i + 1;
      }
      if (last != 0 && last < len) {
        duk_push_lstring(ctx, s + last, len - last);
        add_part(ctx, &n);
      }
    }
    if (n == 0) {
      duk_dup(ctx, from);
      n = 1;
    }
  } else {
    push_inspect_arg(ctx, from, opts);
    n = 1;
  }
  for (; a < end; a++) {
    duk_push_literal(ctx, " ");
    add_part(ctx, &n);
    if (is_plain_string(ctx, a))
      duk_dup(ctx, a);
    else
      push_inspect_arg(ctx, a, opts);
    add_part(ctx, &n);
  }
  duk_concat(ctx, n);
}

duk_ret_t format_js(duk_context *ctx)
{
  format_values(ctx, -1, 0, duk_get_top(ctx));
  return 1;
}

duk_ret_t format_with_options_js(duk_context *ctx)
{
  if (duk_get_top(ctx) == 0) duk_push_undefined(ctx);
  if (!duk_check_type_mask(ctx, 0, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER) || duk_is_function(ctx, 0)) {
    format_require(ctx, "internal/errors");
    duk_push_literal(ctx, "invalidArgType");
    duk_push_literal(ctx, "inspectOptions");
    duk_push_literal(ctx, "object");
    duk_dup(ctx, 0);
    duk_call_prop(ctx, -5, 3);
    return duk_throw(ctx);
  }
  format_values(ctx, 0, 1, duk_get_top(ctx));
  return 1;
}

/* ---- internal/primitive's functions ------------------------------------- */

static duk_ret_t prim_is_primitive(duk_context *ctx)
{
  duk_push_boolean(ctx, is_primitive(ctx, 0));
  return 1;
}

static duk_ret_t prim_inspect_primitive(duk_context *ctx)
{
  format_inspect_primitive(ctx, 0);
  return 1;
}

static duk_ret_t prim_format_number(duk_context *ctx)
{
  if (duk_is_number(ctx, 0)) {
    push_number_text(ctx, duk_get_number(ctx, 0));
  } else { /* '' + n */
    duk_push_literal(ctx, "");
    duk_dup(ctx, 0);
    duk_concat(ctx, 2);
  }
  return 1;
}

static duk_ret_t prim_quote_string(duk_context *ctx)
{
  duk_to_string(ctx, 0);
  push_quoted(ctx, 0);
  return 1;
}

static duk_ret_t prim_format_string(duk_context *ctx)
{
  duk_to_string(ctx, 0);
  push_format_string(ctx, 0, duk_to_number(ctx, 1));
  return 1;
}

static duk_ret_t prim_format_primitive(duk_context *ctx)
{
  double max = duk_is_string(ctx, 0) ? duk_to_number(ctx, 1) : 0;
  push_primitive(ctx, 0, max);
  return 1;
}

static duk_ret_t prim_plural(duk_context *ctx)
{
  duk_dup(ctx, 0);
  duk_to_string(ctx, -1);
  duk_push_literal(ctx, " ");
  duk_dup(ctx, 1);
  duk_push_string(ctx, duk_to_number(ctx, 0) > 1 ? "s" : "");
  duk_concat(ctx, 4);
  return 1;
}

static duk_ret_t prim_collection_kind(duk_context *ctx)
{
  duk_push_int(ctx, petrel_collection_kind(ctx, 0));
  return 1;
}

static duk_ret_t prim_collection_entries(duk_context *ctx)
{
  petrel_collection_entries(ctx, 0);
  return 1;
}

static const duk_function_list_entry primitive_funcs[] = { { "isPrimitive", prim_is_primitive, 1 },
                                                           { "inspectPrimitive", prim_inspect_primitive, 1 },
                                                           { "formatNumber", prim_format_number, 1 },
                                                           { "quoteString", prim_quote_string, 1 },
                                                           { "formatString", prim_format_string, 2 },
                                                           { "formatPrimitive", prim_format_primitive, 2 },
                                                           { "plural", prim_plural, 2 },
                                                           { "collectionKind", prim_collection_kind, 1 },
                                                           { "collectionEntries", prim_collection_entries, 1 },
                                                           { NULL, NULL, 0 } };

void format_push_primitive(duk_context *ctx)
{
  duk_push_object(ctx);
  push_defaults(ctx);
  duk_put_prop_literal(ctx, -2, "inspectDefaults");
  PETREL_LIGHTFUNC_LIST(format_primitive_funcs, primitive_funcs);
  petrel_put_functions(ctx, -1, primitive_funcs);
}
