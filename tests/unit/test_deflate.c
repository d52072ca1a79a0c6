// sources: runtime/deflate.c runtime/inflate.c
/* The file store's encoder (runtime/deflate.c) against the decoder the built-ins use
 * (runtime/inflate.c): what it writes reads back byte for byte, and text shrinks. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "deflate.h"
#include "inflate.h"

static void round_trip(const uint8_t *in, size_t len, size_t *packed)
{
  size_t cap = len + len / 8 + 64; /* fixed codes: 9 bits for a byte above 143 */
  uint8_t *z = malloc(cap), *back = malloc(len + 1);
  size_t n = petrel_deflate(in, len, z, cap);
  cr_assert_gt(n, 0, "no output for %zu bytes", len);
  cr_assert_eq(petrel_inflate(z, n, back, len), 0, "inflate failed for %zu bytes", len);
  cr_assert_eq(memcmp(back, in, len), 0, "%zu bytes came back different", len);
  if (packed) *packed = n;
  free(z);
  free(back);
}

static uint8_t *read_all(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  cr_assert_not_null(f, "%s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *p = malloc((size_t)n);
  cr_assert_eq(fread(p, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  *len = (size_t)n;
  return p;
}

Test(deflate, javascript_source_shrinks_and_reads_back)
{
  size_t len, n;
  uint8_t *src = read_all("tests/js/assert/test_assert.js", &len);
  round_trip(src, len, &n);
  cr_expect_lt(n, len / 3, "%zu -> %zu bytes", len, n);
  free(src);
}

Test(deflate, edge_sizes_and_patterns)
{
  static uint8_t buf[65534];
  for (size_t len = 0; len < 600; len++) { /* short inputs, runs, every byte value */
    for (size_t i = 0; i < len; i++) buf[i] = (uint8_t)(len % 3 == 0 ? 'a' : len % 3 == 1 ? i : i % 7);
    if (len) round_trip(buf, len, NULL);
  }
  uint32_t x = 12345; /* noise does not fit in its own size plus a little */
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)((x = x * 1103515245u + 12345u) >> 16);
  uint8_t *z = malloc(sizeof buf);
  cr_expect_eq(petrel_deflate(buf, sizeof buf, z, sizeof buf / 2), 0);
  round_trip(buf, sizeof buf, NULL);
  /* the largest input, with matches at the window's edge (distance 8192) and longest length */
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)(i % 8192 < 300 ? 'q' : (i * 7) % 251);
  round_trip(buf, sizeof buf, NULL);
  cr_expect_eq(petrel_deflate(buf, 65535, z, sizeof buf), 0); /* over the limit: refused */
  free(z);
}

/* A hand-built fixed-Huffman block for petrel_inflate_dict (js2c -d's preset
 * dictionary): Huffman codes go most significant bit first, other fields least. */
typedef struct {
  uint8_t b[16];
  int nbits;
} bits;

static void put_lsb(bits *w, unsigned v, int n)
{
  for (int i = 0; i < n; i++, w->nbits++)
    if (v >> i & 1) w->b[w->nbits / 8] |= (uint8_t)(1 << w->nbits % 8);
}

static void put_msb(bits *w, unsigned v, int n)
{
  for (int i = n - 1; i >= 0; i--) put_lsb(w, v >> i & 1, 1);
}

Test(deflate, preset_dictionary)
{
  /* One final fixed block: length 6 at distance 4 (code 260, distance code 3),
   * then a literal 'q' (0x30 + 'q', 8 bits) and the end of the block (code 256). */
  bits w = { { 0 }, 0 };
  put_lsb(&w, 1, 1);
  put_lsb(&w, 1, 2);
  put_msb(&w, 260 - 256, 7);
  put_msb(&w, 3, 5);
  put_msb(&w, 0x30 + 'q', 8);
  put_msb(&w, 0, 7);
  size_t n = (size_t)(w.nbits + 7) / 8;
  char out[8] = { 0 };
  /* The first four bytes come from the dictionary's end, the next two from the output. */
  cr_assert_eq(petrel_inflate_dict(w.b, n, out, 7, "xyzabc", 6), 0);
  cr_expect_str_eq(out, "zabczaq");
  /* Without a dictionary, or one too short, the reference reaches before the data. */
  cr_expect_eq(petrel_inflate(w.b, n, out, 7), -1);
  cr_expect_eq(petrel_inflate_dict(w.b, n, out, 7, "abc", 3), -1);
  /* A dictionary of exactly the distance: the reference starts at its first byte. */
  memset(out, 0, sizeof out);
  cr_assert_eq(petrel_inflate_dict(w.b, n, out, 7, "wxyz", 4), 0);
  cr_expect_str_eq(out, "wxyzwxq");
}
