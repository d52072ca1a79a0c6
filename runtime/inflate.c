/*
 * A small raw-DEFLATE (RFC 1951) decoder. Boards short of flash keep the built-in
 * JS compressed (tools/js2c.c -z); a module is inflated into a buffer of its known
 * size when it is first required. Whole-input, whole-output: no streaming, no
 * window beyond the output itself and an optional preset dictionary (text taken to
 * come just before the output: js2c -d), about 1.5 KB of stack.
 */
#include <stdint.h>
#include <string.h>
#include "inflate.h"

typedef struct {
  const uint8_t *in;
  size_t in_len, in_pos;
  uint32_t bitbuf;
  int bitcnt;
  uint8_t *out;
  size_t out_len, out_pos;
  const uint8_t *dict; /* back-references may reach this far before out[0] */
  size_t dict_len;
} inflater;

/* A canonical Huffman code: how many codes of each length, and the symbols in
 * code order. */
typedef struct {
  uint16_t count[16];
  uint16_t symbol[288];
} huffman;

/* The next n bits (LSB first), or -1 past the end of the input. */
static int take_bits(inflater *s, int n)
{
  while (s->bitcnt < n) {
    if (s->in_pos >= s->in_len) return -1;
    s->bitbuf |= (uint32_t)s->in[s->in_pos++] << s->bitcnt;
    s->bitcnt += 8;
  }
  int v = (int)(s->bitbuf & ((1u << n) - 1u));
  s->bitbuf >>= n;
  s->bitcnt -= n;
  return v;
}

/* Builds a code from code lengths; -1 if the lengths are over-subscribed. */
static int huffman_build(huffman *h, const uint8_t *lengths, int n)
{
  uint16_t next[16];
  memset(h->count, 0, sizeof h->count);
  for (int i = 0; i < n; i++) h->count[lengths[i]]++;
  h->count[0] = 0;
  int room = 1;
  for (int len = 1; len < 16; len++) {
    room = (room << 1) - h->count[len];
    if (room < 0) return -1;
  }
  next[1] = 0;
  for (int len = 1; len < 15; len++) next[len + 1] = (uint16_t)(next[len] + h->count[len]);
  for (int i = 0; i < n; i++)
    if (lengths[i]) h->symbol[next[lengths[i]]++] = (uint16_t)i;
  return 0;
}

/* Reads one symbol a bit at a time: codes of each length are consecutive
 * numbers, so the code read so far is either in this length's range or longer. */
static int huffman_decode(inflater *s, const huffman *h)
{
  int code = 0, first = 0, index = 0;
  for (int len = 1; len < 16; len++) {
    int b = take_bits(s, 1);
    if (b < 0) return -1;
    code |= b;
    int count = h->count[len];
    if (code - first < count) return h->symbol[index + code - first];
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  return -1;
}

static const uint16_t length_base[29] = { 3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                          31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const uint8_t length_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                          2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[30] = { 1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                        33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
static const uint8_t dist_extra[30] = { 0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                        6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };

/* The literals and back-references of one block, up to its end-of-block symbol. */
static int inflate_codes(inflater *s, const huffman *lit, const huffman *dist)
{
  for (;;) {
    int sym = huffman_decode(s, lit);
    if (sym < 0) return -1;
    if (sym < 256) {
      if (s->out_pos >= s->out_len) return -1;
      s->out[s->out_pos++] = (uint8_t)sym;
      continue;
    }
    if (sym == 256) return 0;
    sym -= 257;
    if (sym >= 29) return -1;
    int extra = take_bits(s, length_extra[sym]);
    if (extra < 0) return -1;
    size_t len = (size_t)length_base[sym] + (size_t)extra;
    int d = huffman_decode(s, dist);
    if (d < 0 || d >= 30) return -1;
    extra = take_bits(s, dist_extra[d]);
    if (extra < 0) return -1;
    size_t back = (size_t)dist_base[d] + (size_t)extra;
    if (back > s->out_pos + s->dict_len || len > s->out_len - s->out_pos) return -1;
    for (; len; len--, s->out_pos++) {
      size_t p = s->out_pos;
      s->out[p] = back <= p ? s->out[p - back] : s->dict[s->dict_len - (back - p)];
    }
  }
}

static int inflate_stored(inflater *s)
{
  s->bitbuf = 0; /* the rest of the current byte is padding */
  s->bitcnt = 0;
  if (s->in_len - s->in_pos < 4) return -1;
  const uint8_t *p = s->in + s->in_pos;
  size_t len = (size_t)p[0] | (size_t)p[1] << 8;
  size_t inv = (size_t)p[2] | (size_t)p[3] << 8;
  if ((len ^ 0xffffu) != inv) return -1;
  s->in_pos += 4;
  if (len > s->in_len - s->in_pos || len > s->out_len - s->out_pos) return -1;
  memcpy(s->out + s->out_pos, s->in + s->in_pos, len);
  s->in_pos += len;
  s->out_pos += len;
  return 0;
}

static int inflate_fixed(inflater *s)
{
  huffman lit, dist;
  uint8_t lengths[288];
  int i = 0;
  for (; i < 144; i++) lengths[i] = 8;
  for (; i < 256; i++) lengths[i] = 9;
  for (; i < 280; i++) lengths[i] = 7;
  for (; i < 288; i++) lengths[i] = 8;
  huffman_build(&lit, lengths, 288);
  for (i = 0; i < 30; i++) lengths[i] = 5;
  huffman_build(&dist, lengths, 30);
  return inflate_codes(s, &lit, &dist);
}

static int inflate_dynamic(inflater *s)
{
  static const uint8_t order[19] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
  huffman lit, dist;
  uint8_t lengths[288 + 32];
  int nlit = take_bits(s, 5), ndist = take_bits(s, 5), nclen = take_bits(s, 4);
  if (nlit < 0 || ndist < 0 || nclen < 0) return -1;
  nlit += 257;
  ndist += 1;
  nclen += 4;
  if (nlit > 286 || ndist > 30) return -1;
  memset(lengths, 0, 19);
  for (int i = 0; i < nclen; i++) {
    int v = take_bits(s, 3);
    if (v < 0) return -1;
    lengths[order[i]] = (uint8_t)v;
  }
  if (huffman_build(&lit, lengths, 19) != 0) return -1; /* the code-length code */
  int n = 0;
  while (n < nlit + ndist) {
    int sym = huffman_decode(s, &lit);
    if (sym < 0) return -1;
    if (sym < 16) {
      lengths[n++] = (uint8_t)sym;
      continue;
    }
    int repeat, value = 0;
    if (sym == 16) {
      if (n == 0) return -1;
      value = lengths[n - 1];
      repeat = take_bits(s, 2) + 3;
    } else if (sym == 17) {
      repeat = take_bits(s, 3) + 3;
    } else {
      repeat = take_bits(s, 7) + 11;
    }
    if (repeat < 3 || n + repeat > nlit + ndist) return -1;
    while (repeat--) lengths[n++] = (uint8_t)value;
  }
  if (lengths[256] == 0) return -1; /* no end-of-block code */
  if (huffman_build(&lit, lengths, nlit) != 0 || huffman_build(&dist, lengths + nlit, ndist) != 0) return -1;
  return inflate_codes(s, &lit, &dist);
}

int petrel_inflate_dict(const void *in, size_t in_len, void *out, size_t out_len, const void *dict,
                       size_t dict_len)
{
  inflater s = { in, in_len, 0, 0, 0, out, out_len, 0, dict, dict_len };
  int last;
  do {
    last = take_bits(&s, 1);
    int type = take_bits(&s, 2);
    int r;
    if (last < 0 || type < 0) return -1;
    if (type == 0)
      r = inflate_stored(&s);
    else if (type == 1)
      r = inflate_fixed(&s);
    else if (type == 2)
      r = inflate_dynamic(&s);
    else
      r = -1;
    if (r != 0) return -1;
  } while (!last);
  return s.out_pos == out_len ? 0 : -1;
}

int petrel_inflate(const void *in, size_t in_len, void *out, size_t out_len)
{
  return petrel_inflate_dict(in, in_len, out, out_len, NULL, 0);
}
