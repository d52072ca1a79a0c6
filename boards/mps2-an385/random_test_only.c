/*
 * TEST-ONLY randomness for the mps2-an385 firmware under QEMU: its plat_random().
 * NOT SECURE.
 *
 * QEMU's AN385 has no true random number generator, but TLS (mbedTLS takes
 * plat_random() as its only source on this board, modules/tls/tls_system.c) and
 * later crypto need a strong source. This file gives bytes made from:
 *   - the low bits of SysTick's current value read after busy loops of varying
 *     length (under QEMU it follows the host's clock, so host scheduling jitters it),
 *   - the host's time in seconds (semihosting SYS_TIME),
 *   - the build's __DATE__/__TIME__ and a call counter.
 * Someone who knows roughly when the board booted can guess all of these: keys and
 * nonces made from them must be assumed known. It exists so that the TLS code paths
 * can be tested on the emulated board. A real board deletes this file, drops
 * PETREL_TEST_ENTROPY from its board.mk and implements plat_random() with its
 * TRNG (docs/tls.md, "Entropy").
 */
#include <stddef.h>
#include <stdint.h>
#include "mps2.h"
#include "platform.h"

#if !defined(PETREL_TEST_ENTROPY)
#error "random_test_only.c is not a secure random source: build it only with PETREL_TEST_ENTROPY"
#endif

static uint32_t g_state;
static uint32_t g_calls;

static uint32_t mix32(uint32_t x)
{
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

static uint32_t build_seed(void)
{
  static const char stamp[] = __DATE__ " " __TIME__;
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < sizeof stamp - 1; i++) h = (h ^ (uint8_t)stamp[i]) * 16777619u;
  return h;
}

/* One sample: SysTick read after a busy loop whose length depends on the state so far. */
static uint32_t jitter_sample(void)
{
  volatile uint32_t spin = 0;
  uint32_t n = 16 + (g_state & 63);
  for (uint32_t i = 0; i < n; i++) spin += i;
  return SYST_CVR ^ (spin << 24);
}

/* TEST ONLY, NOT SECURE (see above). Returns 0: it never fails. */
int plat_random(void *out, size_t len)
{
  unsigned char *buf = out;
  if (g_calls++ == 0) {
    int t = semihost_call(SEMIHOST_SYS_TIME, NULL);
    g_state = mix32(build_seed() ^ (uint32_t)t);
  }
  g_state = mix32(g_state ^ g_calls);
  for (size_t i = 0; i < len; i++) {
    /* Several samples per output byte: each contributes only a few jittery bits. */
    for (int k = 0; k < 4; k++) g_state = mix32(g_state ^ jitter_sample());
    buf[i] = (unsigned char)(g_state >> 24);
  }
  return 0;
}
