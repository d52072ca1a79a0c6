/*
 * Buffer.prototype's methods as Duktape light functions (#17): toString,
 * write, the per-encoding utf8Slice/hexWrite..., toJSON, equals, compare, copy,
 * slice/subarray, fill, indexOf/lastIndexOf/includes and the parent/offset
 * getters. Written in JS they were ~40 functions, ~300 bytes of heap each on a
 * board; a light function is an 8-byte value. Node v20's checks in its order;
 * errors through buffer.js's fail (buffer_binding.h).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "lightfunc_names.h"
#include "duktape.h"
#include "runtime.h" /* the literal calls checked for literals */
#include "buffer_codec.h"
#include "buffer_binding.h"

#define BUF_OR_U8            "an instance of Buffer or Uint8Array"
#define NOT_STRING(ctx, idx) (!duk_is_string(ctx, idx) || duk_is_symbol(ctx, idx))
/* Results up to this size are built on the C stack, larger ones in a temporary buffer. */
#define STACK_BYTES 256

/* JS's Math.trunc(x) || 0 */
static double trunc0(double d)
{
  d = trunc(d);
  return d == d ? d : 0;
}

/* Node's toInteger for copy(): a finite number floored, NaN and infinities give dflt. */
static double to_integer(duk_context *ctx, duk_idx_t idx, double dflt)
{
  double n = duk_to_number(ctx, idx);
  return isfinite(n) ? floor(n) : dflt;
}

static void push_range(duk_context *ctx, const uint8_t *b, size_t start, size_t end, int enc)
{
  if (end <= start)
    duk_push_literal(ctx, "");
  else
    petrel_buffer_push_decoded(ctx, b + start, end - start, enc);
}

/* toString(encoding, start, end), toLocaleString */
static duk_ret_t proto_to_string(duk_context *ctx)
{
  size_t len;
  const uint8_t *b = petrel_buffer_this(ctx, &len);
  double start = duk_to_number(ctx, 1), end;
  int enc = PB_UTF8;
  if (start <= 0)
    start = 0;
  else if (start >= (double)len)
    return duk_push_literal(ctx, ""), 1;
  else
    start = trunc0(start);
  if (duk_is_undefined(ctx, 2)) {
    end = (double)len;
  } else {
    end = duk_to_number(ctx, 2);
    end = end > (double)len ? (double)len : trunc0(end);
  }
  if (end <= start) return duk_push_literal(ctx, ""), 1;
  if (!duk_is_undefined(ctx, 0)) {
    enc = petrel_buffer_encoding_of(ctx, 0);
    if (enc < 0) return petrel_buffer_fail(ctx, BF_ENCODING, "", 0, NULL, 0, 0);
  }
  b = petrel_buffer_this(ctx, &len); /* valueOf() may have run */
  if (end > (double)len) end = (double)len;
  push_range(ctx, b, (size_t)start, (size_t)end, enc);
  return 1;
}

/* Encodes the string at idx into [b + off, b + off + max): bytes written, never part of a character. */
static duk_ret_t write_at(duk_context *ctx, duk_idx_t idx, size_t off, size_t max, int enc)
{
  duk_size_t slen;
  size_t len;
  const uint8_t *s = (const uint8_t *)duk_get_lstring(ctx, idx, &slen);
  uint8_t *b = petrel_buffer_this(ctx, &len);
  if (off > len) off = len;
  if (max > len - off) max = len - off;
  duk_push_number(ctx, max ? (double)pb_encode(s, slen, enc, b + off, max) : 0.0);
  return 1;
}

/* write(string, offset, length, encoding) */
static duk_ret_t proto_write(duk_context *ctx)
{
  size_t len;
  double off = 0, max;
  duk_idx_t enc_idx = 3;
  int enc = PB_UTF8;
  (void)petrel_buffer_this(ctx, &len);
  max = (double)len;
  if (duk_is_undefined(ctx, 1)) {
    /* write(string): everything, whatever length says */
  } else if (duk_is_undefined(ctx, 2) && duk_is_string(ctx, 1) && !duk_is_symbol(ctx, 1)) {
    enc_idx = 1;
  } else {
    off = petrel_buffer_check_int(ctx, 1, "offset", 0, (double)len);
    max = (double)len - off;
    if (duk_is_undefined(ctx, 2)) {
    } else if (duk_is_string(ctx, 2) && !duk_is_symbol(ctx, 2)) {
      enc_idx = 2;
    } else {
      double l = petrel_buffer_check_int(ctx, 2, "length", 0, (double)len);
      if (l < max) max = l;
    }
  }
  duk_dup(ctx, enc_idx);
  if (duk_to_boolean(ctx, -1)) {
    enc = petrel_buffer_encoding_of(ctx, enc_idx);
    if (enc < 0) return petrel_buffer_fail(ctx, BF_ENCODING, "", enc_idx, NULL, 0, 0);
  }
  if (NOT_STRING(ctx, 0)) return petrel_buffer_fail(ctx, BF_NOT_STRING, "", 0, NULL, 0, 0);
  return write_at(ctx, 0, (size_t)off, (size_t)max, enc);
}

/* latin1Slice(start, end) ... hexWrite(string, offset, length): Node's
 * per-encoding methods, which some modules call directly. Magic: the encoding,
 * 0x10 for Write. */
static duk_ret_t proto_codec(duk_context *ctx)
{
  int m = duk_get_current_magic(ctx), enc = m & 0x0f;
  size_t len;
  const uint8_t *b = petrel_buffer_this(ctx, &len);
  double s, e;
  if (m & 0x10) {
    if (NOT_STRING(ctx, 0)) return petrel_buffer_fail(ctx, BF_NOT_STRING, "", 0, NULL, 0, 0);
    /* Node's StringWrite: ParseArrayIndex (a negative index is out of range), then the bounds */
    s = duk_is_undefined(ctx, 1) ? 0 : trunc0(duk_to_number(ctx, 1));
    if (s < 0) return petrel_buffer_fail(ctx, BF_INDEX, "", 1, NULL, 0, 0);
    if (s > (double)len) return petrel_buffer_fail(ctx, BF_BOUNDS_NAME, "offset", 1, NULL, 0, 0);
    e = duk_is_undefined(ctx, 2) ? (double)len - s : trunc0(duk_to_number(ctx, 2));
    if (e < 0) return petrel_buffer_fail(ctx, BF_INDEX, "", 2, NULL, 0, 0);
    return write_at(ctx, 0, (size_t)s, e < (double)len - s ? (size_t)e : len - (size_t)s, enc);
  }
  if (len == 0) return duk_push_literal(ctx, ""), 1; /* Node's StringSlice: no checks then */
  s = duk_is_undefined(ctx, 0) ? 0 : trunc0(duk_to_number(ctx, 0));
  e = duk_is_undefined(ctx, 1) ? (double)len : trunc0(duk_to_number(ctx, 1));
  if (s < 0 || e < 0 || s > (double)len || e > (double)len) return petrel_buffer_fail(ctx, BF_INDEX, "", 0, NULL, 0, 0);
  b = petrel_buffer_this(ctx, &len);
  if (e > (double)len) e = (double)len;
  push_range(ctx, b, (size_t)s, (size_t)e, enc);
  return 1;
}

/* toJSON() -> { type: 'Buffer', data: [bytes] } */
static duk_ret_t proto_to_json(duk_context *ctx)
{
  size_t len, i;
  const uint8_t *b = petrel_buffer_this(ctx, &len);
  duk_push_object(ctx);
  duk_push_literal(ctx, "Buffer");
  duk_put_prop_literal(ctx, -2, "type");
  duk_push_array(ctx);
  for (i = 0; i < len; i++) {
    duk_push_uint(ctx, b[i]);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  }
  duk_put_prop_literal(ctx, -2, "data");
  return 1;
}

/* equals(otherBuffer) */
static duk_ret_t proto_equals(duk_context *ctx)
{
  size_t alen, blen;
  const uint8_t *a, *b;
  if (!petrel_buffer_is_u8(ctx, 0)) return petrel_buffer_fail(ctx, BF_TYPE, "otherBuffer", 0, BUF_OR_U8, 0, 0);
  duk_push_this(ctx);
  if (duk_strict_equals(ctx, -1, 0)) return duk_push_true(ctx), 1;
  a = petrel_buffer_bytes(ctx, -1, &alen);
  b = petrel_buffer_bytes(ctx, 0, &blen);
  duk_push_boolean(ctx, alen == blen && (alen == 0 || pb_compare(a, alen, b, blen) == 0));
  return 1;
}

/* compare(target, targetStart, targetEnd, sourceStart, sourceEnd) */
static duk_ret_t proto_compare(duk_context *ctx)
{
  size_t slen, tlen;
  const uint8_t *s, *t;
  double ts = 0, te, ss = 0, se;
  if (!petrel_buffer_is_u8(ctx, 0)) return petrel_buffer_fail(ctx, BF_TYPE, "target", 0, BUF_OR_U8, 0, 0);
  t = petrel_buffer_bytes(ctx, 0, &tlen);
  s = petrel_buffer_this(ctx, &slen);
  te = (double)tlen;
  se = (double)slen;
  if (!duk_is_undefined(ctx, 1)) ts = petrel_buffer_check_int(ctx, 1, "targetStart", 0, (double)PB_MAX_BUFFER);
  if (!duk_is_undefined(ctx, 2)) te = petrel_buffer_check_int(ctx, 2, "targetEnd", 0, (double)tlen);
  if (!duk_is_undefined(ctx, 3)) ss = petrel_buffer_check_int(ctx, 3, "sourceStart", 0, (double)PB_MAX_BUFFER);
  if (!duk_is_undefined(ctx, 4)) se = petrel_buffer_check_int(ctx, 4, "sourceEnd", 0, (double)slen);
  if (ss >= se) return duk_push_int(ctx, ts >= te ? 0 : -1), 1;
  if (ts >= te) return duk_push_int(ctx, 1), 1;
  if (ts > (double)tlen) ts = (double)tlen;
  if (ss > (double)slen) ss = (double)slen;
  duk_push_int(ctx, pb_compare(s + (size_t)ss, (size_t)(se - ss), t + (size_t)ts, (size_t)(te - ts)));
  return 1;
}

/* copy(target, targetStart, sourceStart, sourceEnd) -> bytes copied (memmove:
 * source and target may share memory) */
static duk_ret_t proto_copy(duk_context *ctx)
{
  size_t slen, tlen, n;
  const uint8_t *s;
  uint8_t *t;
  double ts = 0, ss = 0, se;
  if (!petrel_buffer_is_u8(ctx, 0)) return petrel_buffer_fail(ctx, BF_TYPE, "target", 0, BUF_OR_U8, 0, 0);
  (void)petrel_buffer_this(ctx, &slen);
  se = (double)slen;
  if (!duk_is_undefined(ctx, 1)) {
    ts = to_integer(ctx, 1, 0);
    if (ts < 0) return duk_push_number(ctx, ts), petrel_buffer_fail(ctx, BF_RANGE_MIN, "targetStart", -1, NULL, 0, 0);
  }
  if (!duk_is_undefined(ctx, 2)) {
    ss = to_integer(ctx, 2, 0);
    if (ss < 0 || ss > (double)slen)
      return duk_push_number(ctx, ss), petrel_buffer_fail(ctx, BF_RANGE_AND, "sourceStart", -1, NULL, 0, (double)slen);
  }
  if (!duk_is_undefined(ctx, 3)) {
    se = to_integer(ctx, 3, 0);
    if (se < 0) return duk_push_number(ctx, se), petrel_buffer_fail(ctx, BF_RANGE_MIN, "sourceEnd", -1, NULL, 0, 0);
  }
  /* the bytes now: valueOf() may have run */
  t = petrel_buffer_bytes(ctx, 0, &tlen);
  s = petrel_buffer_this(ctx, &slen);
  if (ts >= (double)tlen || ss >= se || ss >= (double)slen) return duk_push_int(ctx, 0), 1;
  if (se > (double)slen) se = (double)slen;
  n = (size_t)(se - ss);
  if (n > tlen - (size_t)ts) n = tlen - (size_t)ts;
  memmove(t + (size_t)ts, s + (size_t)ss, n);
  duk_push_number(ctx, (double)n);
  return 1;
}

/* slice(start, end), subarray: Uint8Array's subarray (shared memory, negative
 * indices from the end), made a Buffer */
static duk_ret_t proto_slice(duk_context *ctx)
{
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, DUK_HIDDEN_SYMBOL("bufferSubarray"));
  duk_push_this(ctx);
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_call_method(ctx, 2);
  petrel_buffer_set_proto(ctx);
  return 1;
}

/* get parent (magic 0), get offset (1): this.buffer / this.byteOffset of a Buffer */
static duk_ret_t proto_parent(duk_context *ctx)
{
  duk_push_this(ctx);
  if (!petrel_buffer_is_buffer(ctx, -1)) return 0;
  duk_get_prop_string(ctx, -1, duk_get_current_magic(ctx) ? "byteOffset" : "buffer");
  return 1;
}

void petrel_buffer_fill(duk_context *ctx, duk_idx_t buf, duk_idx_t value, duk_idx_t offset, duk_idx_t end,
                        duk_idx_t encoding)
{
  /* Node's fill reassigns its arguments: work on copies [v o e enc] */
  duk_idx_t v = duk_get_top(ctx), o = v + 1, e = v + 2, en = v + 3;
  size_t len, plen;
  uint8_t *b, *pat, byte;
  double start, stop;
  int enc = PB_UTF8;
  buf = duk_normalize_index(ctx, buf);
  duk_dup(ctx, value);
  duk_dup(ctx, offset);
  duk_dup(ctx, end);
  duk_dup(ctx, encoding);
  (void)petrel_buffer_bytes(ctx, buf, &len);
  if (duk_is_string(ctx, v) && !duk_is_symbol(ctx, v)) {
    if (duk_is_undefined(ctx, o) || (duk_is_string(ctx, o) && !duk_is_symbol(ctx, o))) {
      duk_copy(ctx, o, en);
      duk_push_int(ctx, 0);
      duk_replace(ctx, o);
      duk_push_number(ctx, (double)len);
      duk_replace(ctx, e);
    } else if (duk_is_string(ctx, e) && !duk_is_symbol(ctx, e)) {
      duk_copy(ctx, e, en);
      duk_push_number(ctx, (double)len);
      duk_replace(ctx, e);
    }
    enc = petrel_buffer_normalize_encoding(ctx, en);
    if (enc < 0) {
      if (NOT_STRING(ctx, en)) (void)petrel_buffer_fail(ctx, BF_TYPE, "encoding", en, "string", 0, 0);
      (void)petrel_buffer_fail(ctx, BF_ENCODING, "", en, NULL, 0, 0);
    }
    plen = duk_get_length(ctx, v);
    if (plen == 0) {
      duk_push_int(ctx, 0);
      duk_replace(ctx, v);
    } else if (plen == 1) {
      duk_codepoint_t c = duk_char_code_at(ctx, v, 0);
      if ((enc == PB_UTF8 && c < 128) || enc == PB_LATIN1) {
        duk_push_int(ctx, (duk_int_t)c);
        duk_replace(ctx, v);
      }
    }
  } else if (!petrel_buffer_is_view(ctx, v) && !duk_is_number(ctx, v)) {
    duk_to_number(ctx, v); /* true -> 1, {} -> 0 (Node's Uint32Value) */
  }
  if (duk_is_undefined(ctx, o)) {
    start = 0;
    stop = (double)len;
  } else {
    start = petrel_buffer_check_int(ctx, o, "offset", 0, (double)PB_MAX_BUFFER);
    stop = duk_is_undefined(ctx, e) ? (double)len : petrel_buffer_check_int(ctx, e, "end", 0, (double)len);
    if (start >= stop) goto done;
  }
  b = petrel_buffer_bytes(ctx, buf, &len);
  if (stop > (double)len) stop = (double)len;
  if (start >= stop) goto done;
  if (duk_is_number(ctx, v)) {
    byte = (uint8_t)duk_to_uint32(ctx, v);
    memset(b + (size_t)start, byte, (size_t)(stop - start));
    goto done;
  }
  if (duk_is_string(ctx, v)) {
    duk_size_t slen;
    const uint8_t *s = (const uint8_t *)duk_get_lstring(ctx, v, &slen);
    /* The whole string, even where the range ends inside a character:
     * Node fills with the bytes of the pattern, cut wherever the range ends. */
    plen = pb_encoded_length(s, slen, enc);
    pat = duk_push_buffer_raw(ctx, plen, DUK_BUF_FLAG_NOZERO);
    if (plen) pb_encode(s, slen, enc, pat, plen);
  } else {
    pat = petrel_buffer_bytes(ctx, v, &plen);
  }
  if (plen == 0) (void)petrel_buffer_fail(ctx, BF_FILL_VALUE, "value", v, NULL, 0, 0);
  b = petrel_buffer_bytes(ctx, buf, &len); /* the same bytes: nothing ran in between */
  pb_fill(b + (size_t)start, (size_t)(stop - start), pat, plen);
done:
  duk_set_top(ctx, v);
}

/* fill(value, offset, end, encoding) -> this */
static duk_ret_t proto_fill(duk_context *ctx)
{
  duk_push_this(ctx);
  petrel_buffer_fill(ctx, 4, 0, 1, 2, 3);
  return 1;
}

/* indexOf(value, byteOffset, encoding); magic 1: lastIndexOf, 2: includes */
static duk_ret_t proto_index_of(duk_context *ctx)
{
  int m = duk_get_current_magic(ctx), forward = m != 1, enc = PB_UTF8;
  size_t hlen, nlen;
  const uint8_t *needle;
  uint8_t byte, small[STACK_BYTES], *out;
  double d;
  int64_t r;
  (void)petrel_buffer_this(ctx, &hlen);
  if (duk_is_string(ctx, 1) && !duk_is_symbol(ctx, 1)) {
    duk_copy(ctx, 1, 2);
    d = NAN;
  } else {
    d = duk_to_number(ctx, 1); /* null, [] -> 0; undefined, {} -> NaN: the whole buffer */
    if (d > 2147483647.0)
      d = 2147483647.0;
    else if (d < -2147483648.0)
      d = -2147483648.0;
  }
  if (duk_is_number(ctx, 0)) {
    byte = (uint8_t)duk_to_uint32(ctx, 0);
    needle = &byte;
    nlen = 1;
  } else {
    if (!duk_is_undefined(ctx, 2)) enc = petrel_buffer_encoding_of(ctx, 2);
    if (duk_is_string(ctx, 0) && !duk_is_symbol(ctx, 0)) {
      duk_size_t slen;
      const uint8_t *s = (const uint8_t *)duk_get_lstring(ctx, 0, &slen);
      int as;
      if (enc < 0) return petrel_buffer_fail(ctx, BF_ENCODING, "", 2, NULL, 0, 0);
      as = enc == PB_UTF8 ? PB_WTF8 : enc; /* Node searches V8's Utf8Value of the needle */
      nlen = pb_encoded_length(s, slen, as);
      out = nlen > sizeof small ? duk_push_buffer_raw(ctx, nlen, DUK_BUF_FLAG_NOZERO) : small;
      pb_encode(s, slen, as, out, nlen);
      needle = out;
    } else if (petrel_buffer_is_u8(ctx, 0)) {
      if (enc < 0) enc = PB_UTF8;
      needle = petrel_buffer_bytes(ctx, 0, &nlen);
    } else {
      return petrel_buffer_fail(ctx, BF_TYPE, "value", 0,
                                "one of type number or string or an instance of Buffer or Uint8Array", 0, 0);
    }
  }
  {
    const uint8_t *hay = petrel_buffer_this(ctx, &hlen);
    if (d != d) d = forward ? 0 : (double)hlen;
    r = pb_index_of(hay, hlen, needle, nlen, (int64_t)d, forward, enc == PB_UCS2);
  }
  if (m == 2)
    duk_push_boolean(ctx, r != -1);
  else
    duk_push_number(ctx, (double)r);
  return 1;
}

static const char codecs[][10] = { "utf8", "ucs2", "latin1", "ascii", "base64", "base64url", "hex" };
static const uint8_t codec_enc[] = { PB_UTF8, PB_UCS2, PB_LATIN1, PB_ASCII, PB_BASE64, PB_BASE64URL, PB_HEX };

/* Node's names for the methods below (lightfunc_names.h); toLocaleString is toString, as in
 * Node; subarray is slice here (one function). */
static const petrel_lf_name method_names[] = {
  { "toString", proto_to_string, 0 }, { "write", proto_write, 0 }, { "toJSON", proto_to_json, 0 },
  { "equals", proto_equals, 0 }, { "compare", proto_compare, 0 }, { "copy", proto_copy, 0 },
  { "slice", proto_slice, 0 }, { "fill", proto_fill, 0 }, { "indexOf", proto_index_of, 0 },
  { "lastIndexOf", proto_index_of, 1 }, { "includes", proto_index_of, 2 },
  { "get", proto_parent, 0 }, { "get", proto_parent, 1 } /* parent, offset: "get" as in Node */, { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(buffer_methods, method_names);

/* utf8Slice, hexWrite...: the codec's name and the direction */
static const char *codec_name(duk_c_function fn, int magic)
{
  static char name[20];
  if (fn != proto_codec) return NULL;
  for (size_t i = 0; i < sizeof codec_enc; i++)
    if (codec_enc[i] == (magic & 0x0f)) return strcat(strcpy(name, codecs[i]), magic & 0x10 ? "Write" : "Slice");
  return NULL;
}
PETREL_LIGHTFUNC_LOOKUP(buffer_codecs, codec_name);

static void put(duk_context *ctx, duk_idx_t obj, const char *name, duk_c_function fn, int nargs, int magic)
{
  duk_push_c_lightfunc(ctx, fn, nargs, nargs, magic);
  duk_put_prop_string(ctx, obj, name);
}

void petrel_buffer_put_methods(duk_context *ctx, duk_idx_t proto)
{
  char name[20];
  size_t i;
  proto = duk_normalize_index(ctx, proto);
  put(ctx, proto, "toString", proto_to_string, 3, 0);
  put(ctx, proto, "toLocaleString", proto_to_string, 3, 0);
  put(ctx, proto, "write", proto_write, 4, 0);
  put(ctx, proto, "toJSON", proto_to_json, 0, 0);
  put(ctx, proto, "equals", proto_equals, 1, 0);
  put(ctx, proto, "compare", proto_compare, 5, 0);
  put(ctx, proto, "copy", proto_copy, 4, 0);
  put(ctx, proto, "slice", proto_slice, 2, 0);
  put(ctx, proto, "subarray", proto_slice, 2, 0);
  put(ctx, proto, "fill", proto_fill, 4, 0);
  put(ctx, proto, "indexOf", proto_index_of, 3, 0);
  put(ctx, proto, "lastIndexOf", proto_index_of, 3, 1);
  put(ctx, proto, "includes", proto_index_of, 3, 2);
  for (i = 0; i < sizeof codec_enc; i++) {
    strcat(strcpy(name, codecs[i]), "Slice");
    put(ctx, proto, name, proto_codec, 2, codec_enc[i]);
    strcat(strcpy(name, codecs[i]), "Write");
    put(ctx, proto, name, proto_codec, 3, codec_enc[i] | 0x10);
  }
  /* Uint8Array's own subarray, as it was when Buffer was made */
  duk_push_global_stash(ctx);
  duk_get_prototype(ctx, proto);
  duk_get_prop_literal(ctx, -1, "subarray");
  duk_put_prop_literal(ctx, -3, DUK_HIDDEN_SYMBOL("bufferSubarray"));
  duk_pop_2(ctx);
  for (i = 0; i < 2; i++) {
    duk_push_string(ctx, i ? "offset" : "parent");
    duk_push_c_lightfunc(ctx, proto_parent, 0, 0, (int)i);
    duk_def_prop(ctx, proto, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_SET_CONFIGURABLE);
  }
}
