/* Byte <-> string codecs behind Buffer (modules/buffer_binding.c), in plain C
 * with no Duktape dependency so that Criterion can test them directly.
 *
 * "String" here means Duktape's internal form of a JS string: UTF-8 in which
 * every UTF-16 code unit of a surrogate pair is its own 3-byte sequence
 * (CESU-8, ED A0..BF xx), so lone surrogates are representable; a string made
 * by C code may also hold real 4-byte sequences (taken as one non-BMP code
 * point = two UTF-16 units). Bytes that do not form a sequence are read as
 * U+FFFD, one byte at a time: nothing here reads outside [s, s + len).
 *
 * Behaviour follows Node v20 for every encoding (see the comments in
 * buffer_codec.c): WHATWG UTF-8 decoding with U+FFFD for each maximal
 * invalid subpart; hex decoding stopping at the first bad pair; lenient
 * base64 decoding; characters above U+00FF cut to their low byte by the
 * one-byte encodings. */
#ifndef PETREL_BUFFER_CODEC_H
#define PETREL_BUFFER_CODEC_H

#include <stddef.h>
#include <stdint.h>

/* The numbering is shared with modules/buffer.js (ENC_* there). */
enum {
  PB_UTF8 = 0,
  PB_UCS2 = 1,   /* ucs2, ucs-2, utf16le, utf-16le */
  PB_LATIN1 = 2, /* latin1, binary */
  PB_ASCII = 3,
  PB_BASE64 = 4,
  PB_BASE64URL = 5,
  PB_HEX = 6,
  /* Not a Node encoding name: UTF-8 that keeps a lone surrogate as its own
   * 3-byte sequence instead of EF BF BD. Node searches for string needles
   * (indexOf) in this form, so Petrel does too. Encoding only. */
  PB_WTF8 = 7,
  PB_ENCODING_COUNT = 8
};

/* ---- JS string -> bytes ----------------------------------------------------
 * Writes at most cap bytes of the encoding of string s into out and returns
 * how many were written. Never splits a character (UTF-8) or a code unit
 * (UTF-16LE); hex and base64 stop where their input stops being valid.
 * out may be NULL to only count (cap still applies; pass SIZE_MAX for all). */
size_t pb_encode(const uint8_t *s, size_t len, int enc, uint8_t *out, size_t cap);
/* The exact number of bytes the whole string encodes to. */
size_t pb_encoded_length(const uint8_t *s, size_t len, int enc);
/* The number of UTF-16 code units in s (what JS's .length reports). */
size_t pb_utf16_length(const uint8_t *s, size_t len);

/* ---- bytes -> JS string ----------------------------------------------------
 * pb_decoded_length gives the size of the string form of bytes b; when
 * same is non-NULL it is set to 1 if that form is b itself (pure ASCII, or
 * for UTF-8 any valid text without 4-byte sequences), so a caller can skip
 * pb_decode. pb_decode writes exactly pb_decoded_length bytes to out. */
size_t pb_decoded_length(const uint8_t *b, size_t len, int enc, int *same);
size_t pb_decode(const uint8_t *b, size_t len, int enc, uint8_t *out);

/* ---- byte helpers ----------------------------------------------------------- */
/* Node's Buffer#indexOf/lastIndexOf search: offset is where the search starts
 * (negative counts from the end; Node's rules for out-of-range values and an
 * empty needle), forward != 0 for indexOf. ucs2 != 0 searches whole 16-bit
 * units at even positions, as Node does for the 'ucs2' encoding. Returns the
 * index of the match or -1. */
int64_t pb_index_of(const uint8_t *hay, size_t hlen, const uint8_t *needle, size_t nlen, int64_t offset, int forward,
                    int ucs2);
/* Fills dst[0..len) with copies of pat[0..plen) (plen > 0). pat may lie inside
 * dst: the pattern is read as it was before the call starts writing. */
void pb_fill(uint8_t *dst, size_t len, const uint8_t *pat, size_t plen);
/* memcmp-style comparison of two byte ranges, shorter-is-smaller: -1, 0, 1. */
int pb_compare(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen);
/* Reverses every group of size bytes (2, 4 or 8); len must be a multiple. */
void pb_swap(uint8_t *b, size_t len, size_t size);
/* 1 if b is well-formed UTF-8 (WHATWG: no surrogates, nothing above U+10FFFF). */
int pb_is_utf8(const uint8_t *b, size_t len);
/* 1 if every byte is below 0x80. */
int pb_is_ascii(const uint8_t *b, size_t len);

#endif
