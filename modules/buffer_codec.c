/* Byte <-> string codecs behind Buffer; see buffer_codec.h for the contract. */
#define _GNU_SOURCE /* memmem */
#include <string.h>
#include "buffer_codec.h"

#define REPLACEMENT 0xfffdu

/* ---- reading Duktape's internal string form --------------------------------- */

/* One code point at *pp (< end), advancing *pp. Lone surrogates (3-byte
 * ED A0..BF xx) come back as themselves. Duktape's extended forms above
 * U+10FFFF, stray continuation bytes and truncated sequences give U+FFFD. */
static uint32_t read_cp(const uint8_t **pp, const uint8_t *end)
{
  const uint8_t *p = *pp;
  uint32_t c = *p;
  size_t n, i;
  if (c < 0x80) {
    *pp = p + 1;
    return c;
  }
  if (c < 0xc0)
    goto bad;
  else if (c < 0xe0) {
    n = 1;
    c &= 0x1f;
  } else if (c < 0xf0) {
    n = 2;
    c &= 0x0f;
  } else if (c < 0xf8) {
    n = 3;
    c &= 0x07;
  } else if (c < 0xfc) {
    n = 4;
    c &= 0x03;
  } else if (c < 0xfe) {
    n = 5;
    c &= 0x01;
  } else if (c == 0xfe) {
    n = 6;
    c = 0;
  } else
    goto bad;
  if ((size_t)(end - p) <= n) goto bad;
  for (i = 1; i <= n; i++) {
    if ((p[i] & 0xc0) != 0x80) goto bad;
    c = (c << 6) | (p[i] & 0x3fu);
  }
  *pp = p + n + 1;
  return (n > 3 || c > 0x10ffff) ? REPLACEMENT : c;
bad:
  *pp = p + 1;
  return REPLACEMENT;
}

/* The UTF-16 code units of a string, one at a time. */
typedef struct {
  const uint8_t *p, *end;
  uint32_t low; /* second half of a pair still to hand out, or 0 */
} unit_reader;

static int next_unit(unit_reader *r, uint32_t *u)
{
  uint32_t cp;
  if (r->low) {
    *u = r->low;
    r->low = 0;
    return 1;
  }
  if (r->p >= r->end) return 0;
  if (*r->p < 0x80) {
    *u = *r->p++;
    return 1;
  }
  cp = read_cp(&r->p, r->end);
  if (cp >= 0x10000) {
    cp -= 0x10000;
    *u = 0xd800 + (cp >> 10);
    r->low = 0xdc00 + (cp & 0x3ff);
  } else {
    *u = cp;
  }
  return 1;
}

size_t pb_utf16_length(const uint8_t *s, size_t len)
{
  unit_reader r = { s, s + len, 0 };
  uint32_t u;
  size_t n = 0;
  while (next_unit(&r, &u)) n++;
  return n;
}

/* ---- writing ------------------------------------------------------------------ */

static void put_utf8(uint8_t *o, uint32_t c, size_t n)
{
  switch (n) {
    case 1: o[0] = (uint8_t)c; break;
    case 2:
      o[0] = (uint8_t)(0xc0 | (c >> 6));
      o[1] = (uint8_t)(0x80 | (c & 0x3f));
      break;
    case 3:
      o[0] = (uint8_t)(0xe0 | (c >> 12));
      o[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
      o[2] = (uint8_t)(0x80 | (c & 0x3f));
      break;
    default:
      o[0] = (uint8_t)(0xf0 | (c >> 18));
      o[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
      o[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
      o[3] = (uint8_t)(0x80 | (c & 0x3f));
      break;
  }
}

/* A code point in Duktape's string form: above the BMP as a CESU-8 pair of
 * 3-byte surrogates, so JS sees two UTF-16 units as in Node. out may be NULL. */
static size_t put_cesu(uint8_t *out, uint32_t c)
{
  size_t n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 6;
  if (out) {
    if (n == 6) {
      c -= 0x10000;
      put_utf8(out, 0xd800 + (c >> 10), 3);
      put_utf8(out + 3, 0xdc00 + (c & 0x3ff), 3);
    } else {
      put_utf8(out, c, n);
    }
  }
  return n;
}

/* ---- JS string -> bytes --------------------------------------------------------- */

/* UTF-8 as V8's WriteUtf8 with REPLACE_INVALID_UTF8 does it: a surrogate pair
 * becomes one 4-byte sequence, a lone surrogate EF BF BD (or, for wtf, its own
 * 3 bytes); a character that does not fit whole is not written. */
static size_t encode_utf8(const uint8_t *s, size_t len, uint8_t *out, size_t cap, int wtf)
{
  const uint8_t *p = s, *end = s + len;
  size_t w = 0;
  while (p < end) {
    const uint8_t *next = p;
    uint32_t c = *p;
    size_t n;
    if (c < 0x80) {
      if (w >= cap) break;
      if (out) out[w] = (uint8_t)c;
      w++;
      p++;
      continue;
    }
    c = read_cp(&next, end);
    if (c >= 0xd800 && c <= 0xdfff) {
      uint32_t lo = 0;
      const uint8_t *q = next;
      if (c <= 0xdbff && q < end) lo = read_cp(&q, end);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        next = q;
      } else if (!wtf) {
        c = REPLACEMENT;
      }
    }
    n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (cap - w < n) break;
    if (out) put_utf8(out + w, c, n);
    w += n;
    p = next;
  }
  return w;
}

static int unhex(uint32_t c)
{
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
  return -1;
}

/* Both alphabets decode under both names ('+' and '-' are 62, '/' and '_' 63). */
static int unbase64(uint32_t c)
{
  if (c >= 'A' && c <= 'Z') return (int)(c - 'A');
  if (c >= 'a' && c <= 'z') return (int)(c - 'a' + 26);
  if (c >= '0' && c <= '9') return (int)(c - '0' + 52);
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

size_t pb_encode(const uint8_t *s, size_t len, int enc, uint8_t *out, size_t cap)
{
  unit_reader r = { s, s + len, 0 };
  uint32_t u, u2;
  size_t w = 0;
  switch (enc) {
    case PB_UTF8:
    case PB_WTF8: return encode_utf8(s, len, out, cap, enc == PB_WTF8);
    case PB_UCS2:
      while (cap - w >= 2 && next_unit(&r, &u)) {
        if (out) {
          out[w] = (uint8_t)u;
          out[w + 1] = (uint8_t)(u >> 8);
        }
        w += 2;
      }
      return w;
    case PB_LATIN1:
    case PB_ASCII: /* Node writes 'ascii' exactly like 'latin1' */
      while (w < cap && next_unit(&r, &u)) {
        if (out) out[w] = (uint8_t)u;
        w++;
      }
      return w;
    case PB_HEX:
      /* Pairs of digits up to the first pair that is not one. Like Node, a
       * UTF-16 unit is cut to its low byte before it is looked at. */
      while (w < cap && next_unit(&r, &u) && next_unit(&r, &u2)) {
        int hi = unhex(u & 0xff), lo = unhex(u2 & 0xff);
        if (hi < 0 || lo < 0) break;
        if (out) out[w] = (uint8_t)(hi << 4 | lo);
        w++;
      }
      return w;
    case PB_BASE64:
    case PB_BASE64URL: {
      /* Node's lenient decoder: characters outside the alphabet are skipped,
       * the first '=' ends the input, a final partial group gives the bytes
       * it completes (2 chars: 1 byte, 3 chars: 2 bytes). */
      uint32_t acc = 0;
      int q = 0;
      while (w < cap && next_unit(&r, &u)) {
        int v;
        u &= 0xff;
        v = unbase64(u);
        if (v < 0) {
          if (u == '=') break;
          continue;
        }
        switch (q) {
          case 0: break;
          case 1:
            if (out) out[w] = (uint8_t)((acc << 2) | ((uint32_t)v >> 4));
            w++;
            break;
          case 2:
            if (out) out[w] = (uint8_t)(((acc & 0xf) << 4) | ((uint32_t)v >> 2));
            w++;
            break;
          default:
            if (out) out[w] = (uint8_t)(((acc & 0x3) << 6) | (uint32_t)v);
            w++;
            break;
        }
        acc = (uint32_t)v;
        q = (q + 1) & 3;
      }
      return w;
    }
    default: return 0;
  }
}

size_t pb_encoded_length(const uint8_t *s, size_t len, int enc) { return pb_encode(s, len, enc, NULL, SIZE_MAX); }

/* ---- bytes -> JS string ----------------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";
static const char b64std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* WHATWG UTF-8 decoding: each maximal subpart of an invalid sequence becomes
 * one U+FFFD and the byte that broke it is read again. out may be NULL. */
static size_t decode_utf8(const uint8_t *b, size_t len, uint8_t *out, int *same)
{
  size_t i = 0, w = 0;
  int identical = 1;
  while (i < len) {
    uint32_t c = b[i], cp;
    uint8_t lo = 0x80, hi = 0xbf;
    size_t need, j, k;
    if (c < 0x80) {
      if (out) out[w] = (uint8_t)c;
      w++;
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f; /* no surrogates */
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
      if (c == 0xf0)
        lo = 0x90; /* no overlongs */
      else if (c == 0xf4)
        hi = 0x8f; /* nothing above U+10FFFF */
    } else {
      w += put_cesu(out ? out + w : NULL, REPLACEMENT);
      identical = 0;
      i++;
      continue;
    }
    for (j = i + 1, k = 0; k < need; k++, j++) {
      if (j >= len || b[j] < lo || b[j] > hi) break;
      cp = (cp << 6) | (b[j] & 0x3fu);
      lo = 0x80;
      hi = 0xbf;
    }
    if (k < need) {
      cp = REPLACEMENT;
      identical = 0;
    } else if (cp >= 0x10000) {
      identical = 0;
    }
    w += put_cesu(out ? out + w : NULL, cp);
    i = j;
  }
  if (same) *same = identical;
  return w;
}

static size_t decode_ucs2(const uint8_t *b, size_t len, uint8_t *out)
{
  size_t i, w = 0;
  for (i = 0; i + 1 < len; i += 2) {
    uint32_t u = (uint32_t)b[i] | ((uint32_t)b[i + 1] << 8);
    w += put_cesu(out ? out + w : NULL, u); /* surrogates stay 3-byte units */
  }
  return w;
}

static size_t decode_base64(const uint8_t *b, size_t len, uint8_t *out, int url)
{
  const char *tab = url ? b64url : b64std;
  size_t i = 0, w = 0;
  for (; i + 2 < len; i += 3) {
    uint32_t v = ((uint32_t)b[i] << 16) | ((uint32_t)b[i + 1] << 8) | b[i + 2];
    out[w++] = (uint8_t)tab[v >> 18];
    out[w++] = (uint8_t)tab[(v >> 12) & 63];
    out[w++] = (uint8_t)tab[(v >> 6) & 63];
    out[w++] = (uint8_t)tab[v & 63];
  }
  if (len - i == 1) {
    uint32_t v = (uint32_t)b[i] << 16;
    out[w++] = (uint8_t)tab[v >> 18];
    out[w++] = (uint8_t)tab[(v >> 12) & 63];
    if (!url) {
      out[w++] = '=';
      out[w++] = '=';
    }
  } else if (len - i == 2) {
    uint32_t v = ((uint32_t)b[i] << 16) | ((uint32_t)b[i + 1] << 8);
    out[w++] = (uint8_t)tab[v >> 18];
    out[w++] = (uint8_t)tab[(v >> 12) & 63];
    out[w++] = (uint8_t)tab[(v >> 6) & 63];
    if (!url) out[w++] = '=';
  }
  return w;
}

size_t pb_decoded_length(const uint8_t *b, size_t len, int enc, int *same)
{
  size_t i, n;
  if (same) *same = 0;
  switch (enc) {
    case PB_UTF8: return decode_utf8(b, len, NULL, same);
    case PB_UCS2:
      if (same) *same = len == 0;
      return decode_ucs2(b, len, NULL);
    case PB_LATIN1:
    case PB_ASCII:
      for (i = 0, n = len; i < len; i++) n += (enc == PB_LATIN1 && b[i] >= 0x80);
      if (same) *same = pb_is_ascii(b, len);
      return n;
    case PB_HEX:
      if (same) *same = len == 0;
      return len * 2;
    case PB_BASE64:
      if (same) *same = len == 0;
      return (len + 2) / 3 * 4;
    case PB_BASE64URL:
      if (same) *same = len == 0;
      return len / 3 * 4 + (len % 3 ? len % 3 + 1 : 0);
    default: return 0;
  }
}

size_t pb_decode(const uint8_t *b, size_t len, int enc, uint8_t *out)
{
  size_t i, w = 0;
  switch (enc) {
    case PB_UTF8: return decode_utf8(b, len, out, NULL);
    case PB_UCS2: return decode_ucs2(b, len, out);
    case PB_LATIN1:
      for (i = 0; i < len; i++) w += put_cesu(out + w, b[i]);
      return w;
    case PB_ASCII:
      for (i = 0; i < len; i++) out[i] = b[i] & 0x7f;
      return len;
    case PB_HEX:
      for (i = 0; i < len; i++) {
        out[2 * i] = (uint8_t)hexdigits[b[i] >> 4];
        out[2 * i + 1] = (uint8_t)hexdigits[b[i] & 15];
      }
      return len * 2;
    case PB_BASE64:
    case PB_BASE64URL: return decode_base64(b, len, out, enc == PB_BASE64URL);
    default: return 0;
  }
}

/* ---- searching, filling, comparing ---------------------------------------------- */

/* Where Node starts an indexOf (forward) or lastIndexOf search, or -1 when
 * nothing can match. */
static int64_t start_offset(size_t length, int64_t off, size_t nlen, int forward)
{
  int64_t len = (int64_t)length, n = (int64_t)nlen;
  if (off < 0) {
    if (off + len >= 0) return len + off; /* counts back from the end */
    if (forward || nlen == 0) return 0;   /* before the start: whole buffer */
    return -1;
  }
  if (off + n <= len) return off;
  if (nlen == 0) return len;
  return forward ? -1 : len - 1;
}

/* First match of needle (nlen >= 1) in hay. glibc's memmem is a two-way search;
 * newlib's costs ~1 KB of a board's flash, so elsewhere: memchr for the first
 * byte, memcmp for the rest. */
static const uint8_t *find_forward(const uint8_t *hay, size_t hlen, const uint8_t *needle, size_t nlen)
{
#if defined(__GLIBC__)
  return memmem(hay, hlen, needle, nlen);
#else
  const uint8_t *p = hay, *last = hay + (hlen - nlen);
  while (p <= last && (p = memchr(p, needle[0], (size_t)(last - p) + 1)) != NULL) {
    if (memcmp(p + 1, needle + 1, nlen - 1) == 0) return p;
    p++;
  }
  return NULL;
#endif
}

/* Last match starting at or before start (start <= hlen - nlen, nlen >= 1):
 * Horspool run right to left, shifting on the window's first byte. */
static int64_t search_back(const uint8_t *hay, const uint8_t *needle, size_t nlen, size_t start)
{
  size_t pos = start;
  if (nlen == 1) {
    for (;;) {
      if (hay[pos] == needle[0]) return (int64_t)pos;
      if (pos == 0) return -1;
      pos--;
    }
  }
  size_t shift[256], i;
  for (i = 0; i < 256; i++) shift[i] = nlen;
  for (i = nlen - 1; i >= 1; i--) shift[needle[i]] = i;
  for (;;) {
    if (hay[pos] == needle[0] && memcmp(hay + pos + 1, needle + 1, nlen - 1) == 0) return (int64_t)pos;
    size_t s = shift[hay[pos]];
    if (s > pos) return -1;
    pos -= s;
  }
}

/* Whole 16-bit units at even byte positions, as Node searches 'ucs2'. */
static int64_t search_units(const uint8_t *hay, size_t hunits, const uint8_t *needle, size_t nunits, size_t start,
                            int forward)
{
  size_t last, pos;
  if (nunits > hunits) return -1;
  last = hunits - nunits;
  if (forward) {
    for (pos = start; pos <= last; pos++)
      if (memcmp(hay + 2 * pos, needle, 2 * nunits) == 0) return (int64_t)(2 * pos);
    return -1;
  }
  pos = start < last ? start : last;
  for (;;) {
    if (memcmp(hay + 2 * pos, needle, 2 * nunits) == 0) return (int64_t)(2 * pos);
    if (pos == 0) return -1;
    pos--;
  }
}

int64_t pb_index_of(const uint8_t *hay, size_t hlen, const uint8_t *needle, size_t nlen, int64_t offset, int forward,
                    int ucs2)
{
  int64_t opt;
  size_t start;
  if (offset > ((int64_t)1 << 53)) offset = (int64_t)1 << 53;
  if (offset < -((int64_t)1 << 53)) offset = -((int64_t)1 << 53);
  opt = start_offset(hlen, offset, nlen, forward);
  if (nlen == 0) return opt;
  if (hlen == 0 || opt < 0 || nlen > hlen) return -1;
  start = (size_t)opt;
  if (forward && nlen > hlen - start) return -1;
  if (ucs2) {
    if (hlen < 2 || nlen < 2) return -1;
    return search_units(hay, hlen / 2, needle, nlen / 2, start / 2, forward);
  }
  if (forward) {
    const uint8_t *m = find_forward(hay + start, hlen - start, needle, nlen);
    return m ? (int64_t)(m - hay) : -1;
  }
  if (start > hlen - nlen) start = hlen - nlen;
  return search_back(hay, needle, nlen, start);
}

void pb_fill(uint8_t *dst, size_t len, const uint8_t *pat, size_t plen)
{
  size_t done;
  if (len == 0 || plen == 0) return;
  done = plen < len ? plen : len;
  memmove(dst, pat, done); /* pat may overlap dst */
  while (done < len) {
    size_t n = done < len - done ? done : len - done;
    memcpy(dst + done, dst, n);
    done += n;
  }
}

int pb_compare(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
  size_t n = alen < blen ? alen : blen;
  int r = n ? memcmp(a, b, n) : 0;
  if (r) return r < 0 ? -1 : 1;
  return alen < blen ? -1 : alen > blen ? 1 : 0;
}

void pb_swap(uint8_t *b, size_t len, size_t size)
{
  size_t i, j;
  if (size < 2) return;
  for (i = 0; i + size <= len; i += size) {
    for (j = 0; j < size / 2; j++) {
      uint8_t t = b[i + j];
      b[i + j] = b[i + size - 1 - j];
      b[i + size - 1 - j] = t;
    }
  }
}

int pb_is_utf8(const uint8_t *b, size_t len)
{
  size_t i = 0;
  while (i < len) {
    uint8_t c = b[i], lo = 0x80, hi = 0xbf;
    size_t need, k;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf)
      need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
    } else
      return 0;
    for (k = 1; k <= need; k++) {
      if (i + k >= len || b[i + k] < lo || b[i + k] > hi) return 0;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return 1;
}

int pb_is_ascii(const uint8_t *b, size_t len)
{
  size_t i;
  for (i = 0; i < len; i++)
    if (b[i] & 0x80) return 0;
  return 1;
}
