/*
 * require('util') in C (process.binding('util') is the module's exports; #17).
 *
 * Why C: every test and many apps load util (assert does), and in JS it cost
 * ~37 KB of heap on a board: it loaded the object inspector (internal/inspect,
 * the largest built-in) and defined ~40 small functions at ~350 B each. Here
 * the predicates (util.types.* and the legacy is*) are one light function told
 * apart by its magic, inherits, isDeepStrictEqual and stripVTControlCharacters
 * are light functions too, and util.inspect is a native function that loads
 * the inspector on the first object it prints (a primitive is printed by
 * modules/format.c). deprecate and debuglog, rare, are stubs that compile
 * internal/util_more.js on first use; inspect.colors and inspect.styles are
 * made on their first read.
 */
#include <string.h>
#include "runtime.h"
#include "bindings.h"
#include "buffer_binding.h"
#include "format.h"
#include "assert_compare.h"

/* Duktape's internal class numbers (DUK_HOBJECT_CLASS_*, stable in 2.x), as
 * duk_inspect_value() reports them: the internal slot Node's checks test, which
 * neither the prototype chain nor Symbol.toStringTag can fake. */
enum {
  C_ARGUMENTS = 4,
  C_BOOLEAN = 5,
  C_DATE = 6,
  C_ERROR = 7,
  C_NUMBER = 10,
  C_REGEXP = 11,
  C_STRING = 12,
  C_SYMBOL = 14,
  C_ARRAYBUFFER = 19,
  C_DATAVIEW = 20,
  C_INT8 = 21, /* .. C_FLOAT64: the typed arrays */
  C_UINT8 = 22,
  C_FLOAT64 = 29
};

/* A predicate's magic: one of these, or CLASS + a class number. */
enum {
  P_FALSE, /* what Duktape has none of (Map, BigInt, ...) */
  P_BOOLEAN,
  P_FUNCTION,
  P_NULL,
  P_NULLISH,
  P_NUMBER,
  P_OBJECT,
  P_PRIMITIVE,
  P_STRING,
  P_SYMBOL,
  P_UNDEFINED,
  P_ERROR, /* util.isError: a native error or an instance of Error */
  P_BOXED,
  P_VIEW,  /* ArrayBuffer.isView */
  P_TYPED, /* any typed array */
  P_PROMISE, /* runtime/promise.c's */
  P_MAP, P_SET, P_WEAKMAP, P_WEAKSET, /* runtime/mapset.c's */
  CLASS = 32
};

/* The class of the value at idx, -1 for a primitive. */
static int class_of(duk_context *ctx, duk_idx_t idx)
{
  if (duk_is_buffer(ctx, idx)) return C_UINT8; /* a plain buffer passes for a Uint8Array */
  if (!duk_is_object(ctx, idx)) return -1;
  duk_inspect_value(ctx, idx);
  duk_get_prop_literal(ctx, -1, "class");
  int c = duk_get_int_default(ctx, -1, -1);
  duk_pop_2(ctx);
  return c;
}

static int check(duk_context *ctx, int pred)
{
  int t = duk_get_type(ctx, 0), c;
  switch (pred) {
    case P_BOOLEAN: return t == DUK_TYPE_BOOLEAN;
    case P_FUNCTION: return duk_is_function(ctx, 0);
    case P_NULL: return t == DUK_TYPE_NULL;
    case P_NULLISH: return t == DUK_TYPE_NULL || t == DUK_TYPE_UNDEFINED;
    case P_NUMBER: return t == DUK_TYPE_NUMBER;
    case P_OBJECT: return (t == DUK_TYPE_OBJECT || t == DUK_TYPE_BUFFER) && !duk_is_function(ctx, 0);
    case P_PRIMITIVE:
      return !duk_check_type_mask(ctx, 0, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER | DUK_TYPE_MASK_LIGHTFUNC);
    case P_STRING: return t == DUK_TYPE_STRING && !duk_is_symbol(ctx, 0);
    case P_SYMBOL: return duk_is_symbol(ctx, 0);
    case P_UNDEFINED: return t == DUK_TYPE_UNDEFINED;
    case P_ERROR: return class_of(ctx, 0) == C_ERROR || duk_is_error(ctx, 0);
    case P_FALSE: return 0;
    case P_PROMISE: return petrel_is_promise(ctx, 0);
    case P_MAP: return petrel_collection_kind(ctx, 0) == 1;
    case P_SET: return petrel_collection_kind(ctx, 0) == 2;
    case P_WEAKMAP: return petrel_collection_kind(ctx, 0) == 3;
    case P_WEAKSET: return petrel_collection_kind(ctx, 0) == 4;
  }
  c = class_of(ctx, 0);
  switch (pred) {
    case P_BOXED: return c == C_BOOLEAN || c == C_NUMBER || c == C_STRING || c == C_SYMBOL;
    case P_VIEW: return c >= C_DATAVIEW && c <= C_FLOAT64;
    case P_TYPED: return c >= C_INT8 && c <= C_FLOAT64;
  }
  return c == pred - CLASS;
}

typedef struct {
  const char *name;
  signed char pred;
} pred_entry;

// clang-format off
/* util.types, in Node v20's order (isProxy left out: Duktape cannot tell) */
static const pred_entry types_list[] = {
  { "isExternal", P_FALSE },             { "isDate", CLASS + C_DATE },
  { "isArgumentsObject", CLASS + C_ARGUMENTS }, { "isBigIntObject", P_FALSE },
  { "isBooleanObject", CLASS + C_BOOLEAN }, { "isNumberObject", CLASS + C_NUMBER },
  { "isStringObject", CLASS + C_STRING }, { "isSymbolObject", CLASS + C_SYMBOL },
  { "isNativeError", CLASS + C_ERROR },  { "isRegExp", CLASS + C_REGEXP },
  { "isAsyncFunction", P_FALSE },        { "isGeneratorFunction", P_FALSE },
  { "isGeneratorObject", P_FALSE },      { "isPromise", P_PROMISE },
  { "isMap", P_MAP },                    { "isSet", P_SET },
  { "isMapIterator", P_FALSE },          { "isSetIterator", P_FALSE },
  { "isWeakMap", P_WEAKMAP },            { "isWeakSet", P_WEAKSET },
  { "isArrayBuffer", CLASS + C_ARRAYBUFFER }, { "isDataView", CLASS + C_DATAVIEW },
  { "isSharedArrayBuffer", P_FALSE },    { "isModuleNamespaceObject", P_FALSE },
  { "isAnyArrayBuffer", CLASS + C_ARRAYBUFFER }, { "isBoxedPrimitive", P_BOXED },
  { "isArrayBufferView", P_VIEW },       { "isTypedArray", P_TYPED },
  { "isUint8Array", CLASS + 22 },        { "isUint8ClampedArray", CLASS + 23 },
  { "isUint16Array", CLASS + 25 },       { "isUint32Array", CLASS + 27 },
  { "isInt8Array", CLASS + 21 },         { "isInt16Array", CLASS + 24 },
  { "isInt32Array", CLASS + 26 },        { "isFloat32Array", CLASS + 28 },
  { "isFloat64Array", CLASS + 29 },      { "isBigInt64Array", P_FALSE },
  { "isBigUint64Array", P_FALSE },       { "isKeyObject", P_FALSE },
  { "isCryptoKey", P_FALSE }
};

/* The legacy checks after util.types and isArray; isBuffer is Buffer.isBuffer */
#define P_IS_BUFFER (-1)
static const pred_entry legacy_list[] = {
  { "isBoolean", P_BOOLEAN },   { "isBuffer", P_IS_BUFFER },   { "isDate", CLASS + C_DATE },  { "isError", P_ERROR },
  { "isFunction", P_FUNCTION }, { "isNull", P_NULL },          { "isNullOrUndefined", P_NULLISH },
  { "isNumber", P_NUMBER },     { "isObject", P_OBJECT },      { "isPrimitive", P_PRIMITIVE },
  { "isRegExp", CLASS + C_REGEXP }, { "isString", P_STRING },  { "isSymbol", P_SYMBOL },
  { "isUndefined", P_UNDEFINED }
};
// clang-format on

/* A predicate's magic is its place in its list (LEGACY + place for the legacy ones):
 * each is a function of its own with its own name, as in Node. */
#define LEGACY 64
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
static const pred_entry *pred_of(int magic)
{
  if (magic >= LEGACY) return (size_t)(magic - LEGACY) < COUNT(legacy_list) ? &legacy_list[magic - LEGACY] : NULL;
  return magic >= 0 && (size_t)magic < COUNT(types_list) ? &types_list[magic] : NULL;
}

static duk_ret_t util_is(duk_context *ctx)
{
  duk_push_boolean(ctx, check(ctx, pred_of(duk_get_current_magic(ctx))->pred));
  return 1;
}

static void put_predicates(duk_context *ctx, const pred_entry *list, size_t n, int base)
{
  for (size_t i = 0; i < n; i++) {
    int magic = base + (int)i;
    for (size_t k = 0; base && k < COUNT(types_list); k++) /* util.isDate is util.types.isDate, as in Node */
      if (types_list[k].pred == list[i].pred && !strcmp(types_list[k].name, list[i].name)) magic = (int)k;
    if (list[i].pred == P_IS_BUFFER) /* the same light function, so that they are === */
      duk_push_c_lightfunc(ctx, petrel_buffer_is_buffer_js, 1, 1, 0);
    else
      duk_push_c_lightfunc(ctx, util_is, 1, 1, magic);
    duk_put_prop_string(ctx, -2, list[i].name);
  }
}

/* Throws internal/errors' invalidArgType(name, type, the value at idx). */
static duk_ret_t throw_arg_type(duk_context *ctx, const char *name, const char *type, duk_idx_t idx)
{
  idx = duk_normalize_index(ctx, idx);
  petrel_require_builtin(ctx, "internal/errors");
  duk_push_literal(ctx, "invalidArgType");
  duk_push_string(ctx, name);
  duk_push_string(ctx, type);
  duk_dup(ctx, idx);
  duk_call_prop(ctx, -5, 3);
  return duk_throw(ctx);
}

/* ---- inherits, isDeepStrictEqual, stripVTControlCharacters ------------- */

/* inherits(ctor, superCtor): Node's checks, then Object.defineProperty(ctor,
 * 'super_', ...) and Object.setPrototypeOf(ctor.prototype, superCtor.prototype). */
static duk_ret_t util_inherits(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  if (duk_is_null_or_undefined(ctx, 0)) return throw_arg_type(ctx, "ctor", "function", 0);
  if (duk_is_null_or_undefined(ctx, 1)) return throw_arg_type(ctx, "superCtor", "function", 1);
  duk_get_prop_literal(ctx, 1, "prototype");
  if (duk_is_undefined(ctx, -1)) return throw_arg_type(ctx, "superCtor.prototype", "object", -1);
  duk_get_global_literal(ctx, "Object"); /* 3 */
  duk_push_literal(ctx, "defineProperty");
  duk_dup(ctx, 0);
  duk_push_literal(ctx, "super_");
  duk_push_object(ctx);
  duk_dup(ctx, 1);
  duk_put_prop_literal(ctx, -2, "value");
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, -2, "writable");
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, -2, "configurable");
  duk_call_prop(ctx, 3, 3);
  duk_pop(ctx);
  duk_push_literal(ctx, "setPrototypeOf");
  duk_get_prop_literal(ctx, 0, "prototype");
  duk_get_prop_literal(ctx, 1, "prototype");
  duk_call_prop(ctx, 3, 2);
  return 0;
}

static duk_ret_t util_is_deep_strict_equal(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  duk_push_boolean(ctx, assert_deep_equal(ctx, 0, 1, 1));
  return 1;
}

/* stripVTControlCharacters removes what Node 20 takes for an ANSI escape: an
 * introducer (ESC or U+009B, C2 9B in CESU-8), any of [ ] ( ) # ; ?, then either
 * an OSC-like body ending in BEL, ESC \ or U+009C, or a CSI-like tail: up to 4
 * digits, ';'-separated groups of up to 4 digits, and a final character. Node
 * matches it with a backtracking regexp; these scanners give the same lengths
 * (its character classes make greedy scanning exact, see vt_csi). */
static int in_set(unsigned char c, const char *set) { return c && strchr(set, c) != NULL; }
static int is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_body(unsigned char c) { return is_alnum(c) || in_set(c, "-/#&.:=?%@~_"); }
static int is_final(unsigned char c)
{
  return is_digit(c) || (c >= 'A' && c <= 'P') || (c >= 'R' && c <= 'T') || c == 'Z' || c == 'c' ||
         (c >= 'f' && c <= 'n') || (c >= 'q' && c <= 'u') || c == 'y' || in_set(c, "=><~");
}

/* The OSC-like form at q: ';'-groups of body characters, or an alphanumeric run
 * and ';'-groups that may be empty, or nothing; then the terminator. */
static const unsigned char *vt_osc(const unsigned char *q, const unsigned char *end)
{
  const unsigned char *r = q;
  if (r < end && *r == ';') {
    while (end - r >= 2 && *r == ';' && is_body(r[1]))
      for (r++; r < end && is_body(*r);) r++;
  } else if (r < end && is_alnum(*r)) {
    while (r < end && is_alnum(*r)) r++;
    while (r < end && *r == ';')
      for (r++; r < end && is_body(*r);) r++;
  }
  if (r < end && *r == 0x07) return r + 1;
  if (end - r >= 2 && ((r[0] == 0x1b && r[1] == '\\') || (r[0] == 0xc2 && r[1] == 0x9c))) return r + 2;
  return NULL;
}

/* The CSI-like form at q. Greedy: the digits, then the groups, then a final
 * character; if that fails the regexp backtracks to the last digit it took,
 * which is a final character itself. */
static const unsigned char *vt_csi(const unsigned char *q, const unsigned char *end)
{
  if (q >= end) return NULL;
  if (!is_digit(*q)) return is_final(*q) ? q + 1 : NULL;
  const unsigned char *r = q, *last;
  for (int n = 0; n < 4 && r < end && is_digit(*r); n++) r++;
  last = r;
  while (r < end && *r == ';') {
    r++;
    for (int n = 0; n < 4 && r < end && is_digit(*r); n++) last = ++r;
  }
  return r < end && is_final(*r) ? r + 1 : last;
}

/* The length of the escape at p, 0 if none. */
static size_t vt_sequence(const unsigned char *p, const unsigned char *end)
{
  const unsigned char *s, *k, *e;
  if (*p == 0x1b)
    s = p + 1;
  else if (end - p >= 2 && p[0] == 0xc2 && p[1] == 0x9b)
    s = p + 2;
  else
    return 0;
  for (k = s; k < end && in_set(*k, "[]()#;?");) k++;
  for (;; k--) { /* the prefix is greedy: each shorter one in turn */
    if ((e = vt_osc(k, end)) != NULL || (e = vt_csi(k, end)) != NULL) return (size_t)(e - p);
    if (k == s) return 0;
  }
}

static duk_ret_t util_strip_vt(duk_context *ctx)
{
  duk_size_t len;
  if (!duk_is_string(ctx, 0) || duk_is_symbol(ctx, 0)) return throw_arg_type(ctx, "str", "string", 0);
  const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, 0, &len), *end = s + len;
  unsigned char *out = NULL;
  size_t n = 0;
  for (const unsigned char *p = s; p < end;) {
    size_t skip = *p == 0x1b || *p == 0xc2 ? vt_sequence(p, end) : 0;
    if (skip && !out) { /* the first one: copy what came before */
      out = duk_push_fixed_buffer(ctx, len);
      memcpy(out, s, (size_t)(p - s));
      n = (size_t)(p - s);
    }
    if (skip) {
      p += skip;
    } else {
      if (out) out[n++] = *p;
      p++;
    }
  }
  if (!out) {
    duk_dup(ctx, 0);
  } else {
    duk_push_lstring(ctx, (const char *)out, n);
  }
  return 1;
}

/* ---- deprecate, debuglog: internal/util_more.js, compiled on first use --- */

static const char *const more_names[] = { "deprecate", "debuglog" };

static duk_ret_t util_more(duk_context *ctx)
{
  duk_idx_t nargs = duk_get_top(ctx);
  petrel_require_builtin(ctx, "internal/util_more");
  duk_get_prop_string(ctx, -1, more_names[duk_get_current_magic(ctx)]);
  duk_push_this(ctx);
  for (duk_idx_t i = 0; i < nargs; i++) duk_dup(ctx, i);
  duk_call_method(ctx, nargs);
  return 1;
}

/* ---- util.promisify: internal/promisify.js, compiled on the first call ---- */

static duk_ret_t util_promisify(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  petrel_require_builtin(ctx, "internal/promisify");
  duk_dup(ctx, 0);
  duk_call(ctx, 1);
  return 1;
}

/* A native function, not a light one: it holds custom (Symbol.for(...), as in node). */
static void push_promisify(duk_context *ctx)
{
  duk_push_c_function(ctx, util_promisify, DUK_VARARGS);
  duk_push_literal(ctx, "name");
  duk_push_literal(ctx, "promisify");
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_literal(ctx, "length");
  duk_push_int(ctx, 1);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_string(ctx, DUK_GLOBAL_SYMBOL("nodejs.util.promisify.custom")); /* Symbol.for(...) */
  duk_put_prop_literal(ctx, -2, "custom");
  duk_compact(ctx, -1);
}

/* ---- util.inspect ------------------------------------------------------- */

/* inspect(value[, options]): a primitive alone is printed without the inspector. */
static duk_ret_t util_inspect(duk_context *ctx)
{
  duk_idx_t nargs = duk_get_top(ctx);
  if (nargs < 2 &&
      !duk_check_type_mask(ctx, 0, DUK_TYPE_MASK_OBJECT | DUK_TYPE_MASK_BUFFER | DUK_TYPE_MASK_LIGHTFUNC)) {
    duk_set_top(ctx, 1);
    format_inspect_primitive(ctx, 0);
    return 1;
  }
  petrel_require_builtin(ctx, "internal/inspect");
  duk_get_prop_literal(ctx, -1, "inspect");
  duk_push_this(ctx);
  for (duk_idx_t i = 0; i < nargs; i++) duk_dup(ctx, i);
  duk_call_method(ctx, nargs);
  return 1;
}

// clang-format off
/* inspect.colors: Node's SGR codes, and the aliases it defines as accessors */
static const struct { const char *name; unsigned char on, off; } colors[] = {
  { "reset", 0, 0 }, { "bold", 1, 22 }, { "dim", 2, 22 }, { "italic", 3, 23 },
  { "underline", 4, 24 }, { "blink", 5, 25 }, { "inverse", 7, 27 }, { "hidden", 8, 28 },
  { "strikethrough", 9, 29 }, { "doubleunderline", 21, 24 }, { "black", 30, 39 },
  { "red", 31, 39 }, { "green", 32, 39 }, { "yellow", 33, 39 }, { "blue", 34, 39 },
  { "magenta", 35, 39 }, { "cyan", 36, 39 }, { "white", 37, 39 }, { "bgBlack", 40, 49 },
  { "bgRed", 41, 49 }, { "bgGreen", 42, 49 }, { "bgYellow", 43, 49 }, { "bgBlue", 44, 49 },
  { "bgMagenta", 45, 49 }, { "bgCyan", 46, 49 }, { "bgWhite", 47, 49 }, { "framed", 51, 54 },
  { "overlined", 53, 55 }, { "gray", 90, 39 }, { "redBright", 91, 39 },
  { "greenBright", 92, 39 }, { "yellowBright", 93, 39 }, { "blueBright", 94, 39 },
  { "magentaBright", 95, 39 }, { "cyanBright", 96, 39 }, { "whiteBright", 97, 39 },
  { "bgGray", 100, 49 }, { "bgRedBright", 101, 49 }, { "bgGreenBright", 102, 49 },
  { "bgYellowBright", 103, 49 }, { "bgBlueBright", 104, 49 }, { "bgMagentaBright", 105, 49 },
  { "bgCyanBright", 106, 49 }, { "bgWhiteBright", 107, 49 }
};
static const struct { const char *alias, *target; } color_aliases[] = {
  { "grey", "gray" }, { "blackBright", "gray" }, { "bgGrey", "bgGray" },
  { "bgBlackBright", "bgGray" }, { "faint", "dim" }, { "crossedout", "strikethrough" },
  { "strikeThrough", "strikethrough" }, { "crossedOut", "strikethrough" },
  { "conceal", "hidden" }, { "swapColors", "inverse" }, { "swapcolors", "inverse" },
  { "doubleUnderline", "doubleunderline" }
};
static const char *const styles[][2] = {
  { "special", "cyan" }, { "number", "yellow" }, { "bigint", "yellow" },
  { "boolean", "yellow" }, { "undefined", "grey" }, { "null", "bold" },
  { "string", "green" }, { "symbol", "green" }, { "date", "magenta" },
  { "regexp", "red" }, { "module", "underline" }
};
// clang-format on

/* The target of the alias named by the key argument Duktape passes accessors
 * (DUK_USE_NONSTD_GETTER_KEY_ARGUMENT / _SETTER_): pushes it. */
static void push_alias_target(duk_context *ctx, duk_idx_t key)
{
  const char *k = duk_to_string(ctx, key);
  for (size_t i = 0; i < COUNT(color_aliases); i++) {
    if (strcmp(k, color_aliases[i].alias) == 0) {
      duk_push_string(ctx, color_aliases[i].target);
      return;
    }
  }
  duk_push_string(ctx, k);
}

static duk_ret_t alias_get(duk_context *ctx) /* (key) */
{
  duk_push_this(ctx);
  push_alias_target(ctx, 0);
  duk_get_prop(ctx, -2);
  return 1;
}

static duk_ret_t alias_set(duk_context *ctx) /* (value, key) */
{
  duk_push_this(ctx);
  push_alias_target(ctx, 1);
  duk_dup(ctx, 0);
  duk_put_prop(ctx, -3);
  return 0;
}

static void push_colors(duk_context *ctx)
{
  duk_push_bare_object(ctx);
  for (size_t i = 0; i < COUNT(colors); i++) {
    duk_push_array(ctx);
    duk_push_uint(ctx, colors[i].on);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_uint(ctx, colors[i].off);
    duk_put_prop_index(ctx, -2, 1);
    duk_put_prop_string(ctx, -2, colors[i].name);
  }
  duk_push_c_function(ctx, alias_get, 1);
  duk_push_c_function(ctx, alias_set, 2);
  for (size_t i = 0; i < COUNT(color_aliases); i++) {
    duk_push_string(ctx, color_aliases[i].alias);
    duk_dup(ctx, -3);
    duk_dup(ctx, -3);
    duk_def_prop(ctx, -6,
                 DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_CLEAR_ENUMERABLE |
                     DUK_DEFPROP_SET_CONFIGURABLE);
  }
  duk_pop_2(ctx);
}

static void push_styles(duk_context *ctx)
{
  duk_push_bare_object(ctx);
  for (size_t i = 0; i < COUNT(styles); i++) {
    duk_push_string(ctx, styles[i][1]);
    duk_put_prop_string(ctx, -2, styles[i][0]);
  }
}

/* Makes inspect[key] (this[key]) the data property held by the value on top. */
static void settle(duk_context *ctx, duk_idx_t key)
{
  duk_push_this(ctx);
  duk_dup(ctx, key);
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
  duk_pop(ctx);
}

/* The getter of inspect.defaultOptions, .colors and .styles (key). */
static duk_ret_t inspect_get(duk_context *ctx)
{
  const char *key = duk_to_string(ctx, 0);
  if (strcmp(key, "defaultOptions") == 0) {
    format_push_inspect_defaults(ctx);
    return 1;
  }
  if (strcmp(key, "colors") == 0)
    push_colors(ctx);
  else
    push_styles(ctx);
  settle(ctx, 0);
  return 1;
}

/* The setter (value, key): defaultOptions takes the known options it is given. */
static duk_ret_t inspect_set(duk_context *ctx)
{
  if (strcmp(duk_to_string(ctx, 1), "defaultOptions") != 0) {
    duk_dup(ctx, 0);
    settle(ctx, 1);
    return 0;
  }
  if (!duk_is_object(ctx, 0) || duk_is_function(ctx, 0)) return throw_arg_type(ctx, "options", "object", 0);
  format_push_inspect_defaults(ctx); /* 2 */
  duk_enum(ctx, 0, DUK_ENUM_OWN_PROPERTIES_ONLY);
  while (duk_next(ctx, -1, 1)) { /* [... key value] */
    duk_dup(ctx, -2);
    duk_get_prop_desc(ctx, 2, 0); /* an own option only */
    if (!duk_is_undefined(ctx, -1)) {
      duk_pop(ctx);
      duk_put_prop(ctx, 2);
    } else {
      duk_pop_3(ctx);
    }
  }
  return 0;
}

static void push_inspect(duk_context *ctx)
{
  duk_push_c_function(ctx, util_inspect, DUK_VARARGS);
  duk_push_literal(ctx, "name");
  duk_push_literal(ctx, "inspect");
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_literal(ctx, "length");
  duk_push_int(ctx, 2);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_FORCE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_string(ctx, DUK_GLOBAL_SYMBOL("nodejs.util.inspect.custom")); /* Symbol.for(...) */
  duk_put_prop_literal(ctx, -2, "custom");
  duk_push_c_function(ctx, inspect_get, 1);
  duk_push_c_function(ctx, inspect_set, 2);
  duk_push_literal(ctx, "defaultOptions");
  duk_dup(ctx, -3);
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -6,
               DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_CLEAR_CONFIGURABLE);
  static const char *const lazy[] = { "colors", "styles" };
  for (int i = 0; i < 2; i++) {
    duk_push_string(ctx, lazy[i]);
    duk_dup(ctx, -3);
    duk_dup(ctx, -3);
    duk_def_prop(ctx, -6,
                 DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_ENUMERABLE |
                     DUK_DEFPROP_SET_CONFIGURABLE);
  }
  duk_pop_2(ctx);
}

/* ---- the module ---------------------------------------------------------- */

/* Node's names for the light functions below (lightfunc_names.h). */
static const petrel_lf_name util_names[] = {
  { "format", format_js, 0 }, { "formatWithOptions", format_with_options_js, 0 },
  { "inherits", util_inherits, 0 }, { "deprecate", util_more, 0 }, { "debuglog", util_more, 1 },
  { "isDeepStrictEqual", util_is_deep_strict_equal, 0 }, { "stripVTControlCharacters", util_strip_vt, 0 },
  { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(util, util_names);

/* util.types.* and the legacy util.is*: the predicate's name by its magic. */
static const char *util_is_name(duk_c_function fn, int magic)
{
  const pred_entry *p = fn == util_is ? pred_of(magic) : NULL;
  return p ? p->name : NULL;
}
PETREL_LIGHTFUNC_LOOKUP(util_is, util_is_name);

static void put_lightfunc(duk_context *ctx, const char *name, duk_c_function fn, int nargs, int length, int magic)
{
  duk_push_c_lightfunc(ctx, fn, nargs, length, magic);
  duk_put_prop_string(ctx, -2, name);
}

duk_ret_t petrel_binding_util(duk_context *ctx)
{
  duk_push_object(ctx);
  put_lightfunc(ctx, "format", format_js, DUK_VARARGS, 0, 0);
  put_lightfunc(ctx, "formatWithOptions", format_with_options_js, DUK_VARARGS, 0, 0);
  push_inspect(ctx);
  duk_put_prop_literal(ctx, -2, "inspect");
  put_lightfunc(ctx, "inherits", util_inherits, 2, 2, 0);
  put_lightfunc(ctx, "deprecate", util_more, DUK_VARARGS, 3, 0);
  put_lightfunc(ctx, "debuglog", util_more, DUK_VARARGS, 1, 1);
  put_lightfunc(ctx, "debug", util_more, DUK_VARARGS, 1, 1); /* the same value as debuglog */
  push_promisify(ctx);
  duk_put_prop_literal(ctx, -2, "promisify");
  put_lightfunc(ctx, "isDeepStrictEqual", util_is_deep_strict_equal, 2, 2, 0);
  put_lightfunc(ctx, "stripVTControlCharacters", util_strip_vt, 1, 1, 0);
  duk_push_object(ctx);
  put_predicates(ctx, types_list, COUNT(types_list), 0);
  duk_put_prop_literal(ctx, -2, "types");
  petrel_push_primordial(ctx, "ArrayIsArray"); /* Array.isArray itself, as in Node */
  duk_put_prop_literal(ctx, -2, "isArray");
  put_predicates(ctx, legacy_list, COUNT(legacy_list), LEGACY);
  return 1;
}
