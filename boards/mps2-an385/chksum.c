/*
 * The Internet checksum for lwIP on this board (lwipopts.h: LWIP_CHKSUM and
 * LWIP_CHKSUM_COPY), in place of lwIP's portable one, which reads 16 bits at a time:
 * on the board -> host stream it was the largest single cost, ~2.9 M of ~12.3 M
 * instructions per MiB sent (docs/bench.md), and lwIP's copy of the data into the
 * send buffer a second pass over the same bytes (memcpy, ~0.6 M).
 *
 * Here the bulk is read 32 bytes at a time with LDM and summed with ADCS (the carry
 * chained through the loop: TEQ leaves it alone), and the copy variant stores each
 * block with STM as it sums it: one pass instead of two. The bytes before the first
 * word boundary and after the last block are summed in C.
 *
 * The value is lwIP's exactly (the 16-bit ones'-complement sum of the bytes as if the
 * data began at an even address: a byte's lane is its address's parity, and a start at
 * an odd address is swapped at the end, as lwip_standard_chksum does), so lwIP's
 * callers, tcp_seg_add_chksum's odd-length swaps included, are unchanged.
 * tests/unit/test_board_chksum.c checks it against lwIP's algorithm under qemu-arm.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

uint16_t board_chksum(const void *data, int len);
uint16_t board_chksum_copy(void *dst, const void *src, uint16_t len);

/* a + b in ones'-complement (end-around carry) */
static inline uint32_t add_carry(uint32_t a, uint32_t b)
{
  uint32_t s = a + b;
  return s + (s < b);
}

/* Sums n bytes (a multiple of 32) from the word-aligned src into sum; copies them
 * to the word-aligned dst as well unless dst is NULL. */
static uint32_t sum_blocks(const uint8_t *src, uint8_t *dst, size_t n, uint32_t sum)
{
#if defined(__thumb2__) || defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__)
  const uint8_t *end = src + n;
  if (dst)
    __asm__ volatile("adds %[sum], %[sum], #0\n\t" /* carry clear */
                     "1:\n\t"
                     "ldmia %[src]!, {r3, r4, r5, r6}\n\t"
                     "stmia %[dst]!, {r3, r4, r5, r6}\n\t"
                     "adcs %[sum], %[sum], r3\n\t"
                     "adcs %[sum], %[sum], r4\n\t"
                     "adcs %[sum], %[sum], r5\n\t"
                     "adcs %[sum], %[sum], r6\n\t"
                     "ldmia %[src]!, {r3, r4, r5, r6}\n\t"
                     "stmia %[dst]!, {r3, r4, r5, r6}\n\t"
                     "adcs %[sum], %[sum], r3\n\t"
                     "adcs %[sum], %[sum], r4\n\t"
                     "adcs %[sum], %[sum], r5\n\t"
                     "adcs %[sum], %[sum], r6\n\t"
                     "teq %[src], %[end]\n\t" /* N and Z only: the carry goes on */
                     "bne 1b\n\t"
                     "adcs %[sum], %[sum], #0\n\t"
                     "adc %[sum], %[sum], #0\n\t"
                     : [sum] "+r"(sum), [src] "+r"(src), [dst] "+r"(dst)
                     : [end] "r"(end)
                     : "r3", "r4", "r5", "r6", "cc", "memory");
  else
    __asm__ volatile("adds %[sum], %[sum], #0\n\t"
                     "1:\n\t"
                     "ldmia %[src]!, {r3, r4, r5, r6}\n\t"
                     "adcs %[sum], %[sum], r3\n\t"
                     "adcs %[sum], %[sum], r4\n\t"
                     "adcs %[sum], %[sum], r5\n\t"
                     "adcs %[sum], %[sum], r6\n\t"
                     "ldmia %[src]!, {r3, r4, r5, r6}\n\t"
                     "adcs %[sum], %[sum], r3\n\t"
                     "adcs %[sum], %[sum], r4\n\t"
                     "adcs %[sum], %[sum], r5\n\t"
                     "adcs %[sum], %[sum], r6\n\t"
                     "teq %[src], %[end]\n\t"
                     "bne 1b\n\t"
                     "adcs %[sum], %[sum], #0\n\t"
                     "adc %[sum], %[sum], #0\n\t"
                     : [sum] "+r"(sum), [src] "+r"(src)
                     : [end] "r"(end)
                     : "r3", "r4", "r5", "r6", "cc", "memory");
#else /* portable (a host build of this file) */
  for (size_t i = 0; i < n; i += 4) {
    uint32_t w;
    memcpy(&w, src + i, 4);
    if (dst) memcpy(dst + i, &w, 4);
    sum = add_carry(sum, w);
  }
#endif
  return sum;
}

/* Adds len bytes at p to sum, each in the lane of its address's parity (unfolded). */
static uint32_t sum_range(const uint8_t *p, size_t len, uint32_t sum)
{
  if (len && ((uintptr_t)p & 1)) {
    sum = add_carry(sum, (uint32_t)*p++ << 8);
    len--;
  }
  if (len >= 2 && ((uintptr_t)p & 2)) {
    sum = add_carry(sum, *(const uint16_t *)(const void *)p);
    p += 2;
    len -= 2;
  }
  if (len >= 32) {
    size_t n = len & ~(size_t)31;
    sum = sum_blocks(p, NULL, n, sum);
    p += n;
    len -= n;
  }
  for (; len >= 4; p += 4, len -= 4) sum = add_carry(sum, *(const uint32_t *)(const void *)p);
  if (len >= 2) {
    sum = add_carry(sum, *(const uint16_t *)(const void *)p);
    p += 2;
    len -= 2;
  }
  if (len) sum = add_carry(sum, *p);
  return sum;
}

/* The 16-bit result; swapped when the data began at an odd address. */
static uint16_t finish(uint32_t sum, int odd)
{
  sum = (sum >> 16) + (sum & 0xffffu);
  sum = (sum >> 16) + (sum & 0xffffu);
  if (odd) sum = ((sum & 0xffu) << 8) | (sum >> 8);
  return (uint16_t)sum;
}

uint16_t board_chksum(const void *data, int len)
{
  if (len <= 0) return 0;
  return finish(sum_range(data, (size_t)len, 0), (uintptr_t)data & 1);
}

/* lwIP's LWIP_CHKSUM_COPY: copies len bytes and returns their checksum. */
uint16_t board_chksum_copy(void *dst, const void *src, uint16_t len)
{
  const uint8_t *s = src;
  uint8_t *d = dst;
  size_t n = len, head = (4u - ((uintptr_t)s & 3u)) & 3u;
  if ((((uintptr_t)s ^ (uintptr_t)d) & 3u) || n < head + 64) {
    memcpy(d, s, n);
    return board_chksum(d, (int)n);
  }
  /* The same lanes as board_chksum(src): d and s have the same alignment. */
  uint32_t sum = sum_range(s, head, 0);
  memcpy(d, s, head);
  size_t mid = (n - head) & ~(size_t)31;
  sum = sum_blocks(s + head, d + head, mid, sum);
  size_t done = head + mid;
  memcpy(d + done, s + done, n - done);
  sum = sum_range(s + done, n - done, sum);
  return finish(sum, (uintptr_t)s & 1);
}
