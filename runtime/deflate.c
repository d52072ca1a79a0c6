/*
 * A small raw-DEFLATE (RFC 1951) encoder: greedy LZ77 over an 8 KiB window with
 * hash chains, one block of the fixed Huffman codes. A board's RAM file store keeps
 * uploaded scripts in it (boards/mps2-an385/filestore.c): JS source shrinks to about
 * a quarter, and runtime/inflate.c reads it back. Not a general compressor: whole
 * input, whole output, inputs below 64 KiB.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "deflate.h"

#define WINDOW 8192u    /* farthest match (distance code 25) */
#define HASH_BITS 12
#define MAX_CHAIN 32    /* candidates tried per position */
#define MIN_MATCH 3
#define MAX_MATCH 258

typedef struct {
  uint8_t *out;
  size_t cap, pos;
  uint32_t bits;
  int n;
  int full; /* the output did not fit */
} bitwriter;

static void put_bits(bitwriter *w, uint32_t v, int n) /* LSB first, n <= 16 */
{
  w->bits |= v << w->n;
  w->n += n;
  while (w->n >= 8) {
    if (w->pos >= w->cap) {
      w->full = 1;
      w->n = 0;
      return;
    }
    w->out[w->pos++] = (uint8_t)w->bits;
    w->bits >>= 8;
    w->n -= 8;
  }
}

/* A Huffman code is sent most significant bit first. */
static void put_code(bitwriter *w, uint32_t code, int len)
{
  uint32_t r = 0;
  for (int i = 0; i < len; i++) r |= ((code >> i) & 1u) << (len - 1 - i);
  put_bits(w, r, len);
}

static void put_literal(bitwriter *w, unsigned v) /* 0..287, the fixed code */
{
  if (v < 144)
    put_code(w, 0x30 + v, 8);
  else if (v < 256)
    put_code(w, 0x190 + (v - 144), 9);
  else if (v < 280)
    put_code(w, v - 256, 7);
  else
    put_code(w, 0xc0 + (v - 280), 8);
}

static const uint16_t len_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[26] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65,
                                       97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145};
static const uint8_t dist_extra[26] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5,
                                       5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11};

static void put_match(bitwriter *w, unsigned len, unsigned dist)
{
  int i = 28;
  while (len_base[i] > len) i--;
  put_literal(w, 257 + (unsigned)i);
  put_bits(w, len - len_base[i], len_extra[i]);
  int d = 25;
  while (dist_base[d] > dist) d--;
  put_code(w, (uint32_t)d, 5);
  put_bits(w, dist - dist_base[d], dist_extra[d]);
}

static unsigned hash3(const uint8_t *p)
{
  uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
  return (v * 2654435761u) >> (32 - HASH_BITS);
}

size_t petrel_deflate(const void *in, size_t len, void *out, size_t cap)
{
  const uint8_t *src = in;
  if (len >= 65535) return 0;
  /* head: the last position + 1 with a hash (0: none); prev: the one before it with
   * the same hash, by position in the window. */
  uint16_t *head = calloc((size_t)1 << HASH_BITS, sizeof(uint16_t));
  uint16_t *prev = malloc(WINDOW * sizeof(uint16_t));
  if (!head || !prev) {
    free(head);
    free(prev);
    return 0;
  }
  bitwriter w = {out, cap, 0, 0, 0, 0};
  put_bits(&w, 1, 1); /* the last block */
  put_bits(&w, 1, 2); /* fixed codes */
  size_t i = 0;
  while (i < len && !w.full) {
    unsigned best = 0, best_dist = 0;
    if (len - i >= MIN_MATCH) {
      unsigned h = hash3(src + i);
      size_t limit = len - i < MAX_MATCH ? len - i : MAX_MATCH;
      unsigned cand = head[h];
      for (int chain = 0; cand && chain < MAX_CHAIN; chain++) {
        size_t c = cand - 1u;
        if (c >= i || i - c > WINDOW) break;
        size_t m = 0;
        while (m < limit && src[c + m] == src[i + m]) m++;
        if (m > best) {
          best = (unsigned)m;
          best_dist = (unsigned)(i - c);
          if (m == limit) break;
        }
        unsigned next = prev[c % WINDOW];
        if (!next || next - 1u >= c) break; /* older entries only */
        cand = next;
      }
    }
    size_t step = best >= MIN_MATCH ? best : 1;
    if (best >= MIN_MATCH)
      put_match(&w, best, best_dist);
    else
      put_literal(&w, src[i]);
    for (size_t k = 0; k < step; k++, i++) { /* every position covered joins the chains */
      if (len - i < MIN_MATCH) continue;
      unsigned h = hash3(src + i);
      prev[i % WINDOW] = head[h];
      head[h] = (uint16_t)(i + 1);
    }
  }
  put_literal(&w, 256);
  put_bits(&w, 0, 7); /* flush the last byte */
  free(head);
  free(prev);
  return w.full ? 0 : w.pos;
}
