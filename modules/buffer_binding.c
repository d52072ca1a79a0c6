/*
 * process.binding('buffer'): Buffer in C, as Duktape light functions (#17: each
 * JS function costs Duktape ~300 bytes of heap however small, a light function
 * is an 8-byte value). This file: what the methods share (prototypes, bytes,
 * encodings, checks) and Buffer's statics (from, alloc, concat, byteLength...);
 * buffer_methods.c: Buffer.prototype's methods; buffer_numbers.c: readX/writeX;
 * buffer_codec.c: the codecs (no Duktape there). buffer.js keeps the Buffer
 * constructor and the wording of the errors (fail(kind, ...), buffer_binding.h).
 *
 * Checks are made in Node v20's order, with its coercions (ToNumber once where
 * Node's JS coerces the same value more than once). Bytes are touched only
 * through duk_require_buffer_data, which covers exactly a view's range.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "bindings.h"
#include "buffer_codec.h"
#include "buffer_binding.h"

#if defined(DUK_USE_STRLEN16)
#define MAX_STRING 0xffffUL
#else
#define MAX_STRING 0x7fffffffUL
#endif

/* Buffer.prototype, Uint8Array.prototype and ArrayBuffer.prototype, kept alive
 * in the stash (install) and used through heap pointers, which is faster than a
 * lookup per call (0.22 vs 0.28 us per alloc(16) on linux). Reset whenever the
 * binding is created, so a later heap never sees a stale pointer (Petrel runs
 * one heap at a time). */
#define PROTOS_KEY DUK_HIDDEN_SYMBOL("bufferProtos")
#define FAIL_KEY   DUK_HIDDEN_SYMBOL("bufferFail")
static void *buffer_proto, *u8_proto, *ab_proto;
/* Results up to this size are built on the C stack, larger ones in a temporary buffer. */
#define STACK_BYTES 256

duk_ret_t petrel_buffer_fail(duk_context *ctx, int kind, const char *name, duk_idx_t idx, const char *expected,
                             double a, double b)
{
  idx = duk_normalize_index(ctx, idx);
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, FAIL_KEY);
  duk_push_int(ctx, kind);
  duk_push_string(ctx, name);
  duk_dup(ctx, idx);
  if (expected)
    duk_push_string(ctx, expected);
  else
    duk_push_number(ctx, a);
  duk_push_number(ctx, b);
  duk_call(ctx, 5);
  return duk_throw(ctx);
}

uint8_t *petrel_buffer_bytes(duk_context *ctx, duk_idx_t idx, size_t *len)
{
  duk_size_t n = 0;
  uint8_t *p = duk_require_buffer_data(ctx, idx, &n);
  *len = (size_t)n;
  return p;
}

uint8_t *petrel_buffer_this(duk_context *ctx, size_t *len)
{
  uint8_t *b;
  duk_push_this(ctx);
  if (!duk_is_buffer_data(ctx, -1)) (void)duk_type_error(ctx, "not a Buffer");
  b = petrel_buffer_bytes(ctx, -1, len);
  duk_pop(ctx);
  return b;
}

void petrel_buffer_set_proto(duk_context *ctx)
{
  if (!buffer_proto) return;
  duk_push_heapptr(ctx, buffer_proto);
  duk_set_prototype(ctx, -2);
}

void petrel_buffer_wrap_top(duk_context *ctx, size_t n)
{
  duk_push_buffer_object(ctx, -1, 0, (duk_size_t)n, DUK_BUFOBJ_UINT8ARRAY);
  duk_remove(ctx, -2);
  petrel_buffer_set_proto(ctx);
}

uint8_t *petrel_buffer_push_new(duk_context *ctx, size_t n)
{
  uint8_t *p = duk_push_fixed_buffer(ctx, n);
  petrel_buffer_wrap_top(ctx, n);
  return p;
}

void petrel_buffer_push_decoded(duk_context *ctx, const uint8_t *b, size_t len, int enc)
{
  uint8_t small[STACK_BYTES], *out;
  int same = 0;
  size_t n;
  if (len > SIZE_MAX / 3) (void)duk_range_error(ctx, "buffer too large to decode");
  n = pb_decoded_length(b, len, enc, &same);
  if (same) {
    duk_push_lstring(ctx, (const char *)b, len);
  } else if (n <= sizeof small) {
    pb_decode(b, len, enc, small);
    duk_push_lstring(ctx, (const char *)small, n);
  } else {
    out = duk_push_buffer_raw(ctx, n, DUK_BUF_FLAG_NOZERO);
    pb_decode(b, len, enc, out);
    duk_buffer_to_string(ctx, -1);
  }
}

/* `value instanceof C` for the C whose prototype is proto (walks the chain). */
static int has_proto(duk_context *ctx, duk_idx_t idx, void *proto)
{
  int found = 0, depth = 0;
  if (!duk_is_object(ctx, idx) || !proto) return 0;
  duk_get_prototype(ctx, idx);
  while (duk_is_object(ctx, -1) && depth++ < 10000) {
    if (duk_get_heapptr(ctx, -1) == proto) {
      found = 1;
      break;
    }
    duk_get_prototype(ctx, -1);
    duk_remove(ctx, -2);
  }
  duk_pop(ctx);
  return found;
}

/* A soft reset (core_binding.c's petrel_buffer_forget): buffer.js is loaded again. */
void buffer_binding_forget(void) { buffer_proto = NULL; }

int petrel_buffer_is_buffer(duk_context *ctx, duk_idx_t idx) { return has_proto(ctx, idx, buffer_proto); }
/* An ArrayBuffer has bytes (Node checks the internal slot: an object that only
 * inherits from ArrayBuffer.prototype is none). */
int petrel_buffer_is_array_buffer(duk_context *ctx, duk_idx_t idx)
{
  return duk_is_buffer_data(ctx, idx) && has_proto(ctx, idx, ab_proto);
}
/* A plain buffer (Duktape's, made by C) passes for a Uint8Array, as in JS. */
int petrel_buffer_is_u8(duk_context *ctx, duk_idx_t idx)
{
  return duk_is_buffer(ctx, idx) || has_proto(ctx, idx, u8_proto);
}
int petrel_buffer_is_view(duk_context *ctx, duk_idx_t idx)
{
  return duk_is_buffer_data(ctx, idx) && !has_proto(ctx, idx, ab_proto);
}

/* ---- encodings ---- */
static const struct {
  char name[10];
  uint8_t enc;
} encodings[] = { { "utf8", PB_UTF8 },     { "utf-8", PB_UTF8 },    { "hex", PB_HEX },
                  { "base64", PB_BASE64 }, { "latin1", PB_LATIN1 }, { "binary", PB_LATIN1 },
                  { "ascii", PB_ASCII },   { "ucs2", PB_UCS2 },     { "ucs-2", PB_UCS2 },
                  { "utf16le", PB_UCS2 },  { "utf-16le", PB_UCS2 }, { "base64url", PB_BASE64URL } };

static int encoding_named(const char *s, size_t len)
{
  size_t i, j;
  for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
    const char *n = encodings[i].name;
    if (strlen(n) != len) continue;
    for (j = 0; j < len; j++) {
      char c = s[j];
      if (c >= 'A' && c <= 'Z') c = (char)(c + 32); /* only ASCII folds onto these names */
      if (c != n[j]) break;
    }
    if (j == len) return encodings[i].enc;
  }
  return -1;
}

int petrel_buffer_encoding_of(duk_context *ctx, duk_idx_t idx)
{
  duk_size_t len;
  const char *s;
  int e;
  if (duk_is_string(ctx, idx) && !duk_is_symbol(ctx, idx)) {
    s = duk_get_lstring(ctx, idx, &len);
    return encoding_named(s, len);
  }
  duk_dup(ctx, idx); /* ('' + enc): may call valueOf/toString */
  duk_to_primitive(ctx, -1, DUK_HINT_NONE);
  s = duk_to_lstring(ctx, -1, &len);
  e = encoding_named(s, len);
  duk_pop(ctx);
  return e;
}

int petrel_buffer_normalize_encoding(duk_context *ctx, duk_idx_t idx)
{
  if (duk_is_null_or_undefined(ctx, idx)) return PB_UTF8;
  if (!duk_is_string(ctx, idx) || duk_is_symbol(ctx, idx)) return -1;
  if (duk_get_length(ctx, idx) == 0) return PB_UTF8;
  return petrel_buffer_encoding_of(ctx, idx);
}

double petrel_buffer_check_int(duk_context *ctx, duk_idx_t idx, const char *name, double min, double max)
{
  double d;
  if (!duk_is_number(ctx, idx)) (void)petrel_buffer_fail(ctx, BF_TYPE, name, idx, NULL, 0, 0);
  d = duk_get_number(ctx, idx);
  if (d != floor(d)) (void)petrel_buffer_fail(ctx, BF_INTEGER, name, idx, NULL, 0, 0); /* NaN too */
  if (d < min || d > max) (void)petrel_buffer_fail(ctx, BF_RANGE_AND, name, idx, NULL, min, max);
  return d;
}

/* ---- Buffer's statics ---- */
#define BUF_OR_U8 "an instance of Buffer or Uint8Array"

/* Node's validateSize, then a new zeroed Buffer (Petrel has no pool of
 * recycled bytes: allocUnsafe zeroes too). */
static uint8_t *new_sized(duk_context *ctx, duk_idx_t idx, size_t *n)
{
  double d;
  if (!duk_is_number(ctx, idx)) (void)petrel_buffer_fail(ctx, BF_TYPE, "size", idx, NULL, 0, 0);
  d = duk_get_number(ctx, idx);
  if (!(d >= 0 && d <= (double)PB_MAX_BUFFER))
    (void)petrel_buffer_fail(ctx, BF_RANGE_AND, "size", idx, NULL, 0, (double)PB_MAX_BUFFER);
  *n = (size_t)d;
  return petrel_buffer_push_new(ctx, *n);
}

/* alloc(size, fill, encoding); magic 1: allocUnsafe(size), allocUnsafeSlow(size) */
static duk_ret_t buffer_alloc(duk_context *ctx)
{
  size_t n;
  duk_set_top(ctx, 3);
  (void)new_sized(ctx, 0, &n); /* [size fill encoding buf] */
  if (duk_get_current_magic(ctx) || duk_is_undefined(ctx, 1) || n == 0) return 1;
  if (duk_is_number(ctx, 1) && duk_get_number(ctx, 1) == 0) return 1;
  duk_push_int(ctx, 0);
  duk_push_number(ctx, (double)n);
  petrel_buffer_fill(ctx, 3, 1, 4, 5, 2);
  duk_pop_2(ctx);
  return 1;
}

/* A Buffer with the string at idx in the encoding named at enc_idx (utf8 unless a non-empty string). */
static duk_ret_t from_string(duk_context *ctx, duk_idx_t idx, duk_idx_t enc_idx)
{
  duk_size_t slen;
  const uint8_t *s;
  int enc = PB_UTF8;
  size_t n;
  uint8_t *out;
  if (duk_is_string(ctx, enc_idx) && !duk_is_symbol(ctx, enc_idx) && duk_get_length(ctx, enc_idx)) {
    enc = petrel_buffer_encoding_of(ctx, enc_idx);
    if (enc < 0) return petrel_buffer_fail(ctx, BF_ENCODING, "", enc_idx, NULL, 0, 0);
  }
  s = (const uint8_t *)duk_get_lstring(ctx, idx, &slen);
  n = pb_encoded_length(s, slen, enc);
  if (n > PB_MAX_BUFFER) (void)duk_range_error(ctx, "string too long for a Buffer");
  out = duk_push_buffer_raw(ctx, n, DUK_BUF_FLAG_NOZERO);
  if (n) pb_encode(s, slen, enc, out, n);
  petrel_buffer_wrap_top(ctx, n);
  return 1;
}

/* Node's fromArrayLike: a copy of a Uint8Array's bytes, of a typed array's
 * values, or of obj[0 .. length) stored as a Uint8Array stores them. */
static duk_ret_t from_array_like(duk_context *ctx, duk_idx_t idx)
{
  size_t n, i;
  double d;
  idx = duk_normalize_index(ctx, idx);
  if (petrel_buffer_is_u8(ctx, idx)) {
    const uint8_t *src = petrel_buffer_bytes(ctx, idx, &n);
    uint8_t *dst = petrel_buffer_push_new(ctx, n);
    if (n) memcpy(dst, src, n);
    return 1;
  }
  duk_get_prop_literal(ctx, idx, "length");
  d = duk_to_number(ctx, -1);
  duk_pop(ctx);
  if (!(d > 0)) {
    petrel_buffer_push_new(ctx, 0);
    return 1;
  }
  d = floor(d);
  if (d > (double)PB_MAX_BUFFER) {
    duk_push_number(ctx, d);
    return petrel_buffer_fail(ctx, BF_ARRAY_LEN, "", -1, NULL, 0, 0);
  }
  if (petrel_buffer_is_view(ctx, idx)) { /* typed arrays convert natively */
    duk_get_global_literal(ctx, "Uint8Array");
    duk_dup(ctx, idx);
    duk_new(ctx, 1);
    petrel_buffer_set_proto(ctx);
    return 1;
  }
  n = (size_t)d;
  petrel_buffer_push_new(ctx, n);
  for (i = 0; i < n; i++) {
    duk_get_prop_index(ctx, idx, (duk_uarridx_t)i);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  }
  return 1;
}

/* Node's fromArrayBuffer(ab, byteOffset, length): a Buffer over the same memory. */
static duk_ret_t from_array_buffer(duk_context *ctx)
{
  double off = 0, max, len;
  if (!duk_is_undefined(ctx, 1)) {
    off = duk_to_number(ctx, 1);
    if (off != off) off = 0;
  }
  duk_get_prop_literal(ctx, 0, "byteLength");
  max = duk_to_number(ctx, -1) - off;
  duk_pop(ctx);
  if (max < 0) return petrel_buffer_fail(ctx, BF_BOUNDS_NAME, "offset", 1, NULL, 0, 0);
  if (off < 0) {
    duk_push_number(ctx, off);
    return petrel_buffer_fail(ctx, BF_START, "", -1, NULL, 0, 0);
  }
  if (duk_is_undefined(ctx, 2)) {
    len = max;
  } else {
    len = duk_to_number(ctx, 2);
    if (len > 0) {
      if (len > max) return petrel_buffer_fail(ctx, BF_BOUNDS_NAME, "length", 2, NULL, 0, 0);
    } else {
      len = 0;
    }
  }
  duk_get_global_literal(ctx, "Uint8Array");
  duk_dup(ctx, 0);
  duk_push_number(ctx, floor(off));
  duk_push_number(ctx, floor(len));
  duk_new(ctx, 3);
  petrel_buffer_set_proto(ctx);
  return 1;
}

/* Node's fromObject: 1 with a Buffer pushed, 0 if obj is neither array-like nor {type: 'Buffer', data: [...]}. */
static int from_object(duk_context *ctx, duk_idx_t idx)
{
  int arraylike;
  duk_get_prop_literal(ctx, idx, "length");
  arraylike = !duk_is_undefined(ctx, -1);
  if (!arraylike) {
    duk_get_prop_literal(ctx, idx, "buffer");
    arraylike = petrel_buffer_is_array_buffer(ctx, -1);
    duk_pop(ctx);
  }
  if (arraylike) {
    if (!duk_is_number(ctx, -1))
      petrel_buffer_push_new(ctx, 0);
    else
      from_array_like(ctx, idx);
    duk_remove(ctx, -2);
    return 1;
  }
  duk_pop(ctx);
  duk_get_prop_literal(ctx, idx, "type");
  if (duk_is_string(ctx, -1) && strcmp(duk_get_string(ctx, -1), "Buffer") == 0) {
    duk_get_prop_literal(ctx, idx, "data");
    if (duk_is_array(ctx, -1)) {
      from_array_like(ctx, -1);
      duk_remove(ctx, -2);
      duk_remove(ctx, -2);
      return 1;
    }
    duk_pop(ctx);
  }
  duk_pop(ctx);
  return 0;
}

/* from(value, encodingOrOffset, length) */
static duk_ret_t buffer_from(duk_context *ctx)
{
  int depth;
  for (depth = 0;; depth++) {
    if (duk_is_string(ctx, 0) && !duk_is_symbol(ctx, 0)) return from_string(ctx, 0, 1);
    if (duk_is_buffer(ctx, 0)) return from_array_like(ctx, 0);
    if (!duk_is_object(ctx, 0) || duk_is_function(ctx, 0)) break;
    if (petrel_buffer_is_array_buffer(ctx, 0)) return from_array_buffer(ctx);
    /* value.valueOf && value.valueOf(): a string or another object is converted instead */
    duk_get_prop_literal(ctx, 0, "valueOf");
    if (duk_to_boolean(ctx, -1)) {
      duk_pop(ctx);
      duk_get_prop_literal(ctx, 0, "valueOf");
      duk_dup(ctx, 0);
      duk_call_method(ctx, 0);
      if (((duk_is_string(ctx, -1) && !duk_is_symbol(ctx, -1)) ||
           ((duk_is_object(ctx, -1) || duk_is_buffer(ctx, -1)) && !duk_is_function(ctx, -1))) &&
          !duk_strict_equals(ctx, -1, 0)) {
        if (depth > 1000) (void)duk_range_error(ctx, "valueOf() nests too deep");
        duk_replace(ctx, 0);
        continue;
      }
    }
    duk_pop(ctx);
    if (from_object(ctx, 0)) return 1;
    /* value[Symbol.toPrimitive]('string') */
    duk_get_global_literal(ctx, "Symbol");
    if (duk_is_function(ctx, -1)) {
      duk_get_prop_literal(ctx, -1, "toPrimitive");
      duk_get_prop(ctx, 0);
      if (duk_is_function(ctx, -1)) {
        duk_dup(ctx, 0);
        duk_push_literal(ctx, "string");
        duk_call_method(ctx, 1);
        if (duk_is_string(ctx, -1) && !duk_is_symbol(ctx, -1)) return from_string(ctx, -1, 1);
      }
    }
    break;
  }
  return petrel_buffer_fail(ctx, BF_FIRST_ARG, "first argument", 0, NULL, 0, 0);
}

/* of(...items) */
static duk_ret_t buffer_of(duk_context *ctx)
{
  duk_idx_t n = duk_get_top(ctx), i;
  petrel_buffer_push_new(ctx, (size_t)n);
  for (i = 0; i < n; i++) {
    duk_dup(ctx, i);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  }
  return 1;
}

duk_ret_t petrel_buffer_is_buffer_js(duk_context *ctx)
{
  duk_push_boolean(ctx, petrel_buffer_is_buffer(ctx, 0));
  return 1;
}

static duk_ret_t buffer_is_encoding(duk_context *ctx)
{
  duk_push_boolean(ctx, duk_is_string(ctx, 0) && !duk_is_symbol(ctx, 0) && duk_get_length(ctx, 0) &&
                            petrel_buffer_encoding_of(ctx, 0) >= 0);
  return 1;
}

/* byteLength(string, encoding): exact for utf8, latin1, ascii and utf16le, an
 * upper bound (from the length alone) for hex and base64, as Node's. */
static duk_ret_t buffer_byte_length(duk_context *ctx)
{
  duk_size_t slen;
  const uint8_t *s;
  size_t n;
  int enc = PB_UTF8;
  if (!duk_is_string(ctx, 0) || duk_is_symbol(ctx, 0)) {
    if (duk_is_buffer_data(ctx, 0)) {
      duk_get_prop_literal(ctx, 0, "byteLength");
      return 1;
    }
    return petrel_buffer_fail(ctx, BF_TYPE, "string", 0, "string or an instance of Buffer or ArrayBuffer", 0, 0);
  }
  n = duk_get_length(ctx, 0);
  if (n == 0) {
    duk_push_int(ctx, 0);
    return 1;
  }
  duk_dup(ctx, 1);
  if (duk_to_boolean(ctx, -1)) enc = petrel_buffer_encoding_of(ctx, 1);
  switch (enc) {
    case PB_LATIN1:
    case PB_ASCII: break;
    case PB_UCS2: n *= 2; break;
    case PB_HEX: n >>= 1; break;
    case PB_BASE64:
    case PB_BASE64URL:
      s = (const uint8_t *)duk_get_lstring(ctx, 0, &slen);
      if (n > 0 && s[slen - 1] == '=') {
        n--;
        slen--;
      }
      if (n > 1 && s[slen - 1] == '=') n--;
      n = (size_t)(((uint64_t)n * 3) >> 2);
      break;
    default: s = (const uint8_t *)duk_get_lstring(ctx, 0, &slen); n = pb_encoded_length(s, slen, PB_UTF8);
  }
  duk_push_number(ctx, (double)n);
  return 1;
}

/* concat(list, length) */
static duk_ret_t buffer_concat(duk_context *ctx)
{
  double total = 0;
  size_t n, pos = 0, blen, i, count;
  uint8_t *dst;
  if (!duk_is_array(ctx, 0)) return petrel_buffer_fail(ctx, BF_TYPE, "list", 0, "an instance of Array", 0, 0);
  count = duk_get_length(ctx, 0);
  if (duk_is_undefined(ctx, 1)) {
    for (i = 0; i < count; i++) {
      duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
      duk_get_prop_literal(ctx, -1, "length");
      if (duk_to_boolean(ctx, -1)) {
        duk_pop(ctx);
        duk_get_prop_literal(ctx, -1, "length");
        total += duk_to_number(ctx, -1);
      }
      duk_pop_2(ctx);
    }
    duk_push_number(ctx, total);
    duk_replace(ctx, 1);
    if (count == 0) {
      petrel_buffer_push_new(ctx, 0);
      return 1;
    }
  } else {
    if (count == 0) {
      petrel_buffer_push_new(ctx, 0);
      return 1;
    }
    (void)petrel_buffer_check_int(ctx, 1, "length", 0, (double)PB_MAX_BUFFER);
  }
  dst = new_sized(ctx, 1, &n); /* zero-filled past what the list holds */
  for (i = 0; i < count; i++) {
    const uint8_t *src;
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    if (!petrel_buffer_is_u8(ctx, -1)) {
      duk_push_sprintf(ctx, "list[%lu]", (unsigned long)i);
      return petrel_buffer_fail(ctx, BF_TYPE, duk_get_string(ctx, -1), -2, BUF_OR_U8, 0, 0);
    }
    src = petrel_buffer_bytes(ctx, -1, &blen);
    if (blen > n - pos) blen = n - pos;
    if (blen) memcpy(dst + pos, src, blen);
    pos += blen;
    duk_pop(ctx);
  }
  return 1;
}

/* compare(buf1, buf2) -> -1, 0 or 1 */
static duk_ret_t buffer_compare(duk_context *ctx)
{
  size_t alen, blen;
  const uint8_t *a, *b;
  if (!petrel_buffer_is_u8(ctx, 0)) return petrel_buffer_fail(ctx, BF_TYPE, "buf1", 0, BUF_OR_U8, 0, 0);
  if (!petrel_buffer_is_u8(ctx, 1)) return petrel_buffer_fail(ctx, BF_TYPE, "buf2", 1, BUF_OR_U8, 0, 0);
  if (duk_strict_equals(ctx, 0, 1)) {
    duk_push_int(ctx, 0);
    return 1;
  }
  a = petrel_buffer_bytes(ctx, 0, &alen);
  b = petrel_buffer_bytes(ctx, 1, &blen);
  duk_push_int(ctx, pb_compare(a, alen, b, blen));
  return 1;
}

/* isUtf8(input), magic 1: isAscii(input) (the module's functions) */
static duk_ret_t buffer_is_text(duk_context *ctx)
{
  size_t len;
  const uint8_t *b;
  if (!duk_is_buffer_data(ctx, 0))
    return petrel_buffer_fail(ctx, BF_TYPE, "input", 0, "an instance of ArrayBuffer, Buffer, or TypedArray", 0, 0);
  b = petrel_buffer_bytes(ctx, 0, &len);
  duk_push_boolean(ctx, len == 0 || (duk_get_current_magic(ctx) ? pb_is_ascii(b, len) : pb_is_utf8(b, len)));
  return 1;
}

static void put_fn(duk_context *ctx, duk_idx_t obj, const char *name, duk_c_function fn, int nargs, int magic)
{
  obj = duk_normalize_index(ctx, obj);
  duk_push_c_lightfunc(ctx, fn, nargs, nargs == DUK_VARARGS ? 0 : nargs, magic);
  duk_put_prop_string(ctx, obj, name);
}

/* install(Buffer, Buffer.prototype, fail): the statics on Buffer, the methods
 * on its prototype, fail (buffer.js's error maker) kept for all of them. */
static duk_ret_t buf_install(duk_context *ctx)
{
  duk_require_function(ctx, 0);
  duk_require_object(ctx, 1);
  duk_require_function(ctx, 2);
  duk_push_global_stash(ctx);
  duk_dup(ctx, 2);
  duk_put_prop_literal(ctx, -2, FAIL_KEY);
  duk_push_array(ctx); /* [Buffer.prototype, Uint8Array.prototype, ArrayBuffer.prototype] kept alive */
  duk_dup(ctx, 1);
  buffer_proto = duk_get_heapptr(ctx, -1);
  duk_put_prop_index(ctx, -2, 0);
  duk_get_prototype(ctx, 1);
  u8_proto = duk_get_heapptr(ctx, -1);
  duk_put_prop_index(ctx, -2, 1);
  duk_get_global_literal(ctx, "ArrayBuffer");
  duk_get_prop_literal(ctx, -1, "prototype");
  ab_proto = duk_get_heapptr(ctx, -1);
  duk_put_prop_index(ctx, -3, 2);
  duk_pop(ctx);
  duk_put_prop_literal(ctx, -2, PROTOS_KEY);
  duk_pop(ctx);

  put_fn(ctx, 0, "from", buffer_from, 3, 0);
  put_fn(ctx, 0, "of", buffer_of, DUK_VARARGS, 0);
  put_fn(ctx, 0, "alloc", buffer_alloc, 3, 0);
  put_fn(ctx, 0, "allocUnsafe", buffer_alloc, 1, 1);
  put_fn(ctx, 0, "allocUnsafeSlow", buffer_alloc, 1, 1);
  put_fn(ctx, 0, "isBuffer", petrel_buffer_is_buffer_js, 1, 0);
  put_fn(ctx, 0, "isEncoding", buffer_is_encoding, 1, 0);
  put_fn(ctx, 0, "byteLength", buffer_byte_length, 2, 0);
  put_fn(ctx, 0, "concat", buffer_concat, 2, 0);
  put_fn(ctx, 0, "compare", buffer_compare, 2, 0);
  petrel_buffer_put_methods(ctx, 1);
  petrel_buffer_put_number_methods(ctx, 1);
  return 0;
}

static const duk_function_list_entry buffer_funcs[] = { { "install", buf_install, 3 }, { NULL, NULL, 0 } };

/* Node's names for the light functions above (lightfunc_names.h); allocUnsafeSlow is one
 * function with allocUnsafe here. */
static const petrel_lf_name buffer_names[] = {
  { "from", buffer_from, 0 }, { "of", buffer_of, 0 }, { "alloc", buffer_alloc, 0 }, { "allocUnsafe", buffer_alloc, 1 },
  { "isBuffer", petrel_buffer_is_buffer_js, 0 }, { "isEncoding", buffer_is_encoding, 0 },
  { "byteLength", buffer_byte_length, 0 }, { "concat", buffer_concat, 0 }, { "compare", buffer_compare, 0 },
  { "isUtf8", buffer_is_text, 0 }, { "isAscii", buffer_is_text, 1 }, { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(buffer, buffer_names);
PETREL_LIGHTFUNC_LIST(buffer, buffer_funcs);

duk_ret_t petrel_binding_buffer(duk_context *ctx)
{
  buffer_proto = u8_proto = ab_proto = NULL;
  duk_push_object(ctx);
  petrel_put_functions(ctx, -1, buffer_funcs);
  put_fn(ctx, -1, "isUtf8", buffer_is_text, 1, 0);
  put_fn(ctx, -1, "isAscii", buffer_is_text, 1, 1);
  duk_push_number(ctx, (double)PB_MAX_BUFFER);
  duk_put_prop_literal(ctx, -2, "kMaxLength");
  /* In UTF-16 units: a string of only 3-byte characters fills MAX_STRING bytes at MAX_STRING / 3. */
  duk_push_number(ctx, (double)(MAX_STRING / 3));
  duk_put_prop_literal(ctx, -2, "kStringMaxLength");
  return 1;
}
