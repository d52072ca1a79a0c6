/*
 * What the tls binding takes from the system, once per process: randomness
 * (one CTR-DRBG) and the trusted roots used when tls.js passes no `ca`.
 *
 * Entropy (see docs/tls.md): the DRBG is seeded from mbedtls_entropy: the
 * platform source (getrandom / /dev/urandom) where mbedTLS has one, or, when the
 * build defines PETREL_TLS_BOARD_ENTROPY (a board without an OS), the platform's
 * plat_random() alone. There is no fallback: with no strong source, creating a
 * context fails. PSA crypto (mbedTLS 3.6 uses it for TLS 1.3's key schedule and
 * more) takes its random numbers from the same DRBG (MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG),
 * and is initialised once that is seeded.
 */
#include <stdlib.h>
#include <string.h>
#include "platform.h"
#include "tls_internal.h"

#include "mbedtls/entropy.h"
#include "psa/crypto.h"

/* ---- randomness --------------------------------------------------------- */
static mbedtls_entropy_context g_entropy;
mbedtls_ctr_drbg_context tls_drbg;
static int g_rng_ok;

#if defined(PETREL_TLS_BOARD_ENTROPY)
/* The board's strong source (platform.h, plat_random; docs/tls.md). */
static int platform_random_source(void *data, unsigned char *out, size_t len, size_t *olen)
{
  (void)data;
  if (plat_random(out, len) != 0) return MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
  *olen = len;
  return 0;
}
#endif

int tls_rng_ready(void)
{
  static const char pers[] = "petrel tls drbg";
  if (g_rng_ok) return 0;
  mbedtls_entropy_init(&g_entropy);
  mbedtls_ctr_drbg_init(&tls_drbg);
#if defined(PETREL_TLS_BOARD_ENTROPY)
  mbedtls_entropy_add_source(&g_entropy, platform_random_source, NULL, 32, MBEDTLS_ENTROPY_SOURCE_STRONG);
#endif
  int ret = mbedtls_ctr_drbg_seed(&tls_drbg, mbedtls_entropy_func, &g_entropy, (const unsigned char *)pers,
                                  sizeof pers - 1);
  if (ret == 0) {
    g_rng_ok = 1; /* psa_crypto_init draws from the DRBG (below) */
    psa_status_t st = psa_crypto_init();
    g_rng_ok = 0;
    if (st == PSA_ERROR_INSUFFICIENT_MEMORY)
      ret = MBEDTLS_ERR_SSL_ALLOC_FAILED;
    else if (st != PSA_SUCCESS)
      ret = MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
  }
  if (ret != 0) {
    mbedtls_ctr_drbg_free(&tls_drbg);
    mbedtls_entropy_free(&g_entropy);
    return ret;
  }
  g_rng_ok = 1;
  return 0;
}

/* PSA crypto's random numbers (MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG): the process's DRBG. */
psa_status_t mbedtls_psa_external_get_random(mbedtls_psa_external_random_context_t *context, uint8_t *output,
                                             size_t output_size, size_t *output_length)
{
  (void)context;
  *output_length = 0;
  if (!g_rng_ok) return PSA_ERROR_INSUFFICIENT_ENTROPY;
  /* The DRBG gives at most MBEDTLS_CTR_DRBG_MAX_REQUEST bytes per call. */
  while (*output_length < output_size) {
    size_t n = output_size - *output_length;
    if (n > MBEDTLS_CTR_DRBG_MAX_REQUEST) n = MBEDTLS_CTR_DRBG_MAX_REQUEST;
    if (mbedtls_ctr_drbg_random(&tls_drbg, output + *output_length, n) != 0) return PSA_ERROR_HARDWARE_FAILURE;
    *output_length += n;
  }
  return PSA_SUCCESS;
}

#if defined(MBEDTLS_PLATFORM_MS_TIME_ALT)
/* mbedTLS's millisecond clock on a board without an OS clock (mbedtls_config.h). */
mbedtls_ms_time_t mbedtls_ms_time(void) { return (mbedtls_ms_time_t)plat_now_ms(); }
#endif

/* ---- the system's trusted roots (used when tls.js passes no `ca`) ------- */
mbedtls_x509_crt tls_sysca;
static int g_sysca_state; /* 0 not loaded, 1 loaded (maybe empty) */
int tls_sysca_count;

void tls_sysca_load(void)
{
  static const char *const paths[] = {
    "/etc/ssl/certs/ca-certificates.crt", /* Debian, Ubuntu, Alpine, Raspberry Pi OS */
    "/etc/pki/tls/certs/ca-bundle.crt",   /* Fedora, RHEL */
    "/etc/ssl/cert.pem",                  /* macOS, BSDs */
    NULL
  };
  if (g_sysca_state) return;
  g_sysca_state = 1;
  mbedtls_x509_crt_init(&tls_sysca);
  for (int i = 0; paths[i]; i++) {
    char *data;
    size_t len;
    if (plat_file_kind(paths[i]) != 1 || plat_file_read(paths[i], &data, &len) != 0) continue;
    char *z = malloc(len + 1);
    if (z) {
      memcpy(z, data, len);
      z[len] = 0;
      (void)mbedtls_x509_crt_parse(&tls_sysca, (const unsigned char *)z, len + 1);
      free(z);
    }
    free(data);
    break;
  }
  for (const mbedtls_x509_crt *c = &tls_sysca; c && c->raw.p; c = c->next) tls_sysca_count++;
}
