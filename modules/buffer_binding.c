/*
 * process.binding('buffer'): the C half of Buffer (modules/buffer.js).
 *
 * The codecs themselves are in buffer_codec.c (no Duktape there); this file
 * only checks arguments and moves bytes between Duktape values and them.
 * Every function validates its arguments with duk_require_* (a wrong type is
 * a TypeError, never a crash), clamps offsets into the view it was given and
 * touches bytes only through duk_require_buffer_data, which covers exactly
 * the view's [byteOffset, byteOffset + byteLength).
 *
 * Encodings are small integers (PB_* in buffer_codec.h, ENC_* in buffer.js);
 * buffer.js normalises the names.
 */
#include <stdint.h>
#include <string.h>
#include "duktape.h"
#include "runtime.h"
#include "bindings.h"
#include "buffer_codec.h"

/* Duktape's limits: bytes in one buffer, bytes in one string. */
#if defined(DUK_USE_BUFLEN16)
#define MAX_BUFFER 0xffffUL
#else
#define MAX_BUFFER 0x7ffffffeUL
#endif
#if defined(DUK_USE_STRLEN16)
#define MAX_STRING 0xffffUL
#else
#define MAX_STRING 0x7fffffffUL
#endif

/* Buffer.prototype, registered by buffer.js (setPrototype). The stash entry
 * keeps it alive; C uses the heap pointer, which is faster than looking it up
 * on every call (0.22 vs 0.28 us per alloc(16) on linux). Reset whenever the
 * binding is created, so a later heap never sees a stale pointer (Petrel runs
 * one heap at a time). */
#define PROTO_KEY DUK_HIDDEN_SYMBOL("bufferProto")
static void *buffer_proto;
/* Results up to this size are built on the C stack, larger ones in a temporary buffer. */
#define STACK_BYTES 256

static const uint8_t *get_bytes(duk_context *ctx, duk_idx_t idx, size_t *len)
{
  duk_size_t n = 0;
  const uint8_t *p = duk_require_buffer_data(ctx, idx, &n);
  *len = (size_t)n;
  return p;
}

/* A number argument as an index in [0, limit]; undefined gives dflt, NaN 0. */
static size_t arg_index(duk_context *ctx, duk_idx_t idx, size_t dflt, size_t limit)
{
  double d;
  if (duk_is_undefined(ctx, idx)) return dflt < limit ? dflt : limit;
  d = duk_require_number(ctx, idx);
  if (!(d > 0)) return 0; /* negative or NaN */
  if (d >= (double)limit) return limit;
  return (size_t)d;
}

static int arg_encoding(duk_context *ctx, duk_idx_t idx, int max)
{
  duk_int_t e = duk_require_int(ctx, idx);
  if (e < 0 || e > max) (void)duk_range_error(ctx, "bad encoding %ld", (long)e);
  return (int)e;
}

/* Makes the plain buffer on the stack top a Buffer: a Uint8Array over all of
 * it whose prototype is Buffer.prototype (once buffer.js has registered it). */
static void wrap_top(duk_context *ctx, size_t len)
{
  duk_push_buffer_object(ctx, -1, 0, (duk_size_t)len, DUK_BUFOBJ_UINT8ARRAY);
  duk_remove(ctx, -2);
  if (buffer_proto) {
    duk_push_heapptr(ctx, buffer_proto);
    duk_set_prototype(ctx, -2);
  }
}

/* Pushes the string that bytes [b, b + len) decode to. */
static void push_decoded(duk_context *ctx, const uint8_t *b, size_t len, int enc)
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

/* byteLength(string, enc) -> the exact number of bytes fromString gives. */
static duk_ret_t buf_byte_length(duk_context *ctx)
{
  duk_size_t slen;
  const uint8_t *s = (const uint8_t *)duk_require_lstring(ctx, 0, &slen);
  int enc = arg_encoding(ctx, 1, PB_HEX);
  duk_push_number(ctx, (double)pb_encoded_length(s, slen, enc));
  return 1;
}

/* fromString(string, enc) -> a new Buffer holding the encoded bytes. */
static duk_ret_t buf_from_string(duk_context *ctx)
{
  duk_size_t slen;
  const uint8_t *s = (const uint8_t *)duk_require_lstring(ctx, 0, &slen);
  int enc = arg_encoding(ctx, 1, PB_HEX);
  size_t n = pb_encoded_length(s, slen, enc);
  uint8_t *out = duk_push_buffer_raw(ctx, n, DUK_BUF_FLAG_NOZERO);
  if (n) pb_encode(s, slen, enc, out, n);
  wrap_top(ctx, n);
  return 1;
}

/* alloc(size) -> a new zero-filled Buffer. */
static duk_ret_t buf_alloc(duk_context *ctx)
{
  double d = duk_require_number(ctx, 0);
  size_t n;
  if (!(d >= 0 && d <= (double)MAX_BUFFER)) (void)duk_range_error(ctx, "bad size");
  n = (size_t)d;
  duk_push_fixed_buffer(ctx, n);
  wrap_top(ctx, n);
  return 1;
}

/* write(u8, string, offset, maxLength, enc) -> bytes written; never part of a character. */
static duk_ret_t buf_write(duk_context *ctx)
{
  size_t len, off, max;
  duk_size_t slen;
  uint8_t *b = (uint8_t *)get_bytes(ctx, 0, &len);
  const uint8_t *s = (const uint8_t *)duk_require_lstring(ctx, 1, &slen);
  int enc = arg_encoding(ctx, 4, PB_HEX);
  off = arg_index(ctx, 2, 0, len);
  max = arg_index(ctx, 3, len - off, len - off);
  duk_push_number(ctx, max ? (double)pb_encode(s, slen, enc, b + off, max) : 0.0);
  return 1;
}

/* toString(u8, enc, start, end) -> string */
static duk_ret_t buf_to_string(duk_context *ctx)
{
  size_t len, start, end;
  const uint8_t *b = get_bytes(ctx, 0, &len);
  int enc = arg_encoding(ctx, 1, PB_HEX);
  start = arg_index(ctx, 2, 0, len);
  end = arg_index(ctx, 3, len, len);
  if (end <= start) duk_push_string(ctx, "");
  else push_decoded(ctx, b + start, end - start, enc);
  return 1;
}

/* compare(a, b[, aStart, aEnd, bStart, bEnd]) -> -1, 0 or 1 */
static duk_ret_t buf_compare(duk_context *ctx)
{
  size_t alen, blen, as, ae, bs, be;
  const uint8_t *a = get_bytes(ctx, 0, &alen);
  const uint8_t *b = get_bytes(ctx, 1, &blen);
  as = arg_index(ctx, 2, 0, alen);
  ae = arg_index(ctx, 3, alen, alen);
  bs = arg_index(ctx, 4, 0, blen);
  be = arg_index(ctx, 5, blen, blen);
  if (ae < as) ae = as;
  if (be < bs) be = bs;
  duk_push_int(ctx, pb_compare(a ? a + as : a, ae - as, b ? b + bs : b, be - bs));
  return 1;
}

/* indexOf(haystack, needle, byteOffset, forward, enc) -> index or -1.
 * needle: a byte value (number), a string in enc, or bytes. */
static duk_ret_t buf_index_of(duk_context *ctx)
{
  size_t hlen, nlen;
  const uint8_t *hay = get_bytes(ctx, 0, &hlen), *needle;
  uint8_t byte, small[STACK_BYTES];
  double d = duk_require_number(ctx, 2);
  int forward = duk_require_boolean(ctx, 3);
  int enc = arg_encoding(ctx, 4, PB_HEX);
  int64_t off;
  if (d != d) d = 0;
  if (d > 9007199254740992.0) d = 9007199254740992.0;
  if (d < -9007199254740992.0) d = -9007199254740992.0;
  off = (int64_t)d; /* truncates toward zero, as Node's IntegerValue */
  if (duk_is_number(ctx, 1)) {
    byte = (uint8_t)duk_to_uint32(ctx, 1);
    needle = &byte;
    nlen = 1;
    enc = PB_UTF8;
  } else if (duk_is_string(ctx, 1)) {
    duk_size_t slen;
    const uint8_t *s = (const uint8_t *)duk_get_lstring(ctx, 1, &slen);
    int as = enc == PB_UTF8 ? PB_WTF8 : enc; /* Node searches V8's Utf8Value of the needle */
    uint8_t *out = small;
    nlen = pb_encoded_length(s, slen, as);
    if (nlen > sizeof small) out = duk_push_buffer_raw(ctx, nlen, DUK_BUF_FLAG_NOZERO);
    pb_encode(s, slen, as, out, nlen);
    needle = out;
  } else {
    needle = get_bytes(ctx, 1, &nlen);
  }
  duk_push_number(ctx, (double)pb_index_of(hay, hlen, needle, nlen, off, forward, enc == PB_UCS2));
  return 1;
}

/* fill(u8, value, start, end, enc) -> 0, or -1 when value encodes to no bytes.
 * value: a number (its low byte), bytes, or a string in enc. */
static duk_ret_t buf_fill(duk_context *ctx)
{
  size_t len, start, end, plen;
  uint8_t *b = (uint8_t *)get_bytes(ctx, 0, &len);
  const uint8_t *pat;
  int enc;
  start = arg_index(ctx, 2, 0, len);
  end = arg_index(ctx, 3, len, len);
  enc = arg_encoding(ctx, 4, PB_HEX);
  if (end <= start) { duk_push_int(ctx, 0); return 1; }
  if (duk_is_number(ctx, 1)) {
    memset(b + start, (int)(duk_to_uint32(ctx, 1) & 0xff), end - start);
    duk_push_int(ctx, 0);
    return 1;
  }
  if (duk_is_string(ctx, 1)) {
    duk_size_t slen;
    const uint8_t *s = (const uint8_t *)duk_get_lstring(ctx, 1, &slen);
    uint8_t *out;
    /* The whole string, even where the range ends inside a character:
     * Node fills with the bytes of the pattern, cut wherever the range ends. */
    plen = pb_encoded_length(s, slen, enc);
    out = duk_push_buffer_raw(ctx, plen, DUK_BUF_FLAG_NOZERO);
    if (plen) pb_encode(s, slen, enc, out, plen);
    pat = out;
  } else {
    pat = get_bytes(ctx, 1, &plen);
  }
  if (plen == 0) { duk_push_int(ctx, -1); return 1; }
  pb_fill(b + start, end - start, pat, plen);
  duk_push_int(ctx, 0);
  return 1;
}

/* copy(source, target, targetStart, sourceStart, sourceEnd) -> bytes copied
 * (memmove: source and target may share memory). */
static duk_ret_t buf_copy(duk_context *ctx)
{
  size_t slen, tlen, ts, ss, se, n;
  const uint8_t *src = get_bytes(ctx, 0, &slen);
  uint8_t *dst = (uint8_t *)get_bytes(ctx, 1, &tlen);
  ts = arg_index(ctx, 2, 0, tlen);
  ss = arg_index(ctx, 3, 0, slen);
  se = arg_index(ctx, 4, slen, slen);
  n = se > ss ? se - ss : 0;
  if (n > tlen - ts) n = tlen - ts;
  if (n) memmove(dst + ts, src + ss, n);
  duk_push_number(ctx, (double)n);
  return 1;
}

static duk_ret_t buf_is_utf8(duk_context *ctx)
{
  size_t len;
  const uint8_t *b = get_bytes(ctx, 0, &len);
  duk_push_boolean(ctx, len == 0 || pb_is_utf8(b, len));
  return 1;
}

static duk_ret_t buf_is_ascii(duk_context *ctx)
{
  size_t len;
  const uint8_t *b = get_bytes(ctx, 0, &len);
  duk_push_boolean(ctx, len == 0 || pb_is_ascii(b, len));
  return 1;
}

/* setPrototype(Buffer.prototype): what fromString and alloc give their results. */
static duk_ret_t buf_set_prototype(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_push_global_stash(ctx);
  duk_dup(ctx, 0);
  duk_put_prop_string(ctx, -2, PROTO_KEY);
  buffer_proto = duk_get_heapptr(ctx, 0);
  return 0;
}

/* buffer_numbers.c */

static const duk_function_list_entry buffer_funcs[] = {
  { "byteLength", buf_byte_length, 2 },
  { "fromString", buf_from_string, 2 },
  { "alloc", buf_alloc, 1 },
  { "write", buf_write, 5 },
  { "toString", buf_to_string, 4 },
  { "compare", buf_compare, 6 },
  { "indexOf", buf_index_of, 5 },
  { "fill", buf_fill, 5 },
  { "copy", buf_copy, 5 },
  { "isUtf8", buf_is_utf8, 1 },
  { "isAscii", buf_is_ascii, 1 },
  { "setPrototype", buf_set_prototype, 1 },
  { "numberMethods", petrel_buffer_number_methods, 2 },
  { NULL, NULL, 0 }
};

duk_ret_t petrel_binding_buffer(duk_context *ctx)
{
  buffer_proto = NULL;
  duk_push_object(ctx);
  petrel_put_functions(ctx, -1, buffer_funcs);
  duk_push_number(ctx, (double)MAX_BUFFER);
  duk_put_prop_string(ctx, -2, "kMaxLength");
  /* In UTF-16 units: a string of only 3-byte characters fills MAX_STRING bytes at MAX_STRING / 3. */
  duk_push_number(ctx, (double)(MAX_STRING / 3));
  duk_put_prop_string(ctx, -2, "kStringMaxLength");
  return 1;
}
