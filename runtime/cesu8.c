/* Duktape keeps strings in CESU-8: a character outside the BMP is a surrogate
 * pair, each half a 3-byte sequence (ED A0..AF xx, ED B0..BF xx). Bytes that
 * leave the runtime as text (console, files) must be real UTF-8, as in Node:
 * pairs become one 4-byte sequence, lone surrogates become U+FFFD. */
#include <string.h>
#include "runtime.h"

static int is_high(const unsigned char *p, size_t left)
{
  return left >= 3 && p[0] == 0xed && p[1] >= 0xa0 && p[1] <= 0xaf && (p[2] & 0xc0) == 0x80;
}

static int is_low(const unsigned char *p, size_t left)
{
  return left >= 3 && p[0] == 0xed && p[1] >= 0xb0 && p[1] <= 0xbf && (p[2] & 0xc0) == 0x80;
}

size_t petrel_cesu8_to_utf8(const char *in, size_t len, char *out)
{
  const unsigned char *p = (const unsigned char *)in, *end = p + len;
  unsigned char *o = (unsigned char *)out;
  while (p < end) {
    if (*p != 0xed) {
      *o++ = *p++;
      continue;
    }
    size_t left = (size_t)(end - p);
    if (is_high(p, left) && is_low(p + 3, left - 3)) {
      unsigned hi = 0xd800u | ((p[1] & 0x0fu) << 6) | (p[2] & 0x3fu);
      unsigned lo = 0xdc00u | ((p[4] & 0x0fu) << 6) | (p[5] & 0x3fu);
      unsigned cp = 0x10000u + ((hi - 0xd800u) << 10) + (lo - 0xdc00u);
      *o++ = (unsigned char)(0xf0 | (cp >> 18));
      *o++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
      *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
      *o++ = (unsigned char)(0x80 | (cp & 0x3f));
      p += 6;
    } else if (is_high(p, left) || is_low(p, left)) {
      *o++ = 0xef;
      *o++ = 0xbf;
      *o++ = 0xbd;
      p += 3;
    } else {
      *o++ = *p++;
    }
  }
  return (size_t)(o - (unsigned char *)out);
}
