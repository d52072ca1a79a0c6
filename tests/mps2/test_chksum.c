/* boards/mps2-an385/chksum.c (the board's LWIP_CHKSUM and LWIP_CHKSUM_COPY) against a
 * plain reference: every start offset 0-7, lengths 0-300 and larger ones, random bytes
 * and all-0xff ones (the carries' worst case), and for the copy the bytes copied and
 * none written outside the destination. tests/mps2/chksum.sh builds it twice: for the
 * host (the portable C path) and for Thumb-2 under qemu-arm (the LDM/ADCS path the
 * board runs). Ends with "N passed, N failed". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint16_t board_chksum(const void *data, int len);
uint16_t board_chksum_copy(void *dst, const void *src, uint16_t len);

/* The 16-bit ones'-complement sum of the bytes, byte i in the low half when i is even
 * (little-endian words from the start), as lwIP's checksum routines return it. */
static uint16_t reference(const uint8_t *b, size_t len)
{
  uint64_t s = 0;
  for (size_t i = 0; i < len; i++) s += (uint64_t)b[i] << ((i & 1) * 8);
  while (s >> 16) s = (s >> 16) + (s & 0xffff);
  return (uint16_t)s;
}

static int passed, failed;

static void check(int ok, const char *what, size_t off, size_t len, int fill)
{
  if (ok) {
    passed++;
    return;
  }
  if (failed++ < 20) printf("FAIL %s: offset %zu length %zu fill %d\n", what, off, len, fill);
}

int main(void)
{
  enum { MAX = 70000, GUARD = 16 };
  static uint8_t src[MAX + 64], dst[MAX + 64 + 2 * GUARD];
  static const size_t big[] = { 511, 512, 513, 1024, 1459, 1460, 1461, 1514, 2048, 4095, 8192, 65535 };
  srand(1);
  for (int fill = 0; fill < 3; fill++) {
    for (size_t i = 0; i < sizeof src; i++) src[i] = fill == 0 ? (uint8_t)rand() : fill == 1 ? 0xff : 0;
    for (size_t off = 0; off < 8; off++)
      for (size_t k = 0; k < 301 + sizeof big / sizeof big[0]; k++) {
        size_t len = k < 301 ? k : big[k - 301];
        uint16_t want = reference(src + off, len);
        check(board_chksum(src + off, (int)len) == want, "chksum", off, len, fill);
        for (size_t doff = 0; doff < 4; doff++) {
          memset(dst, 0xa5, sizeof dst);
          uint8_t *d = dst + GUARD + doff + (off & ~(size_t)3);
          uint16_t got = board_chksum_copy(d, src + off, (uint16_t)len);
          int same = memcmp(d, src + off, len) == 0, untouched = 1;
          for (uint8_t *g = dst; g < d; g++) untouched &= *g == 0xa5;
          for (uint8_t *g = d + len; g < dst + sizeof dst; g++) untouched &= *g == 0xa5;
          check(got == want && same && untouched, "chksum_copy", off * 10 + doff, len, fill);
        }
      }
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
