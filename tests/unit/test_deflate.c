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
