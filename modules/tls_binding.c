/*
 * process.binding('tls'): the TLS engine (mbedTLS 2.28) for modules/tls.js.
 *
 * The engine sits above the platform layer: it never touches a socket. tls.js
 * moves bytes between it and a net.Socket, so TLS works the same on every board
 * (POSIX or lwIP). Two kinds of objects:
 *
 *   new Context(isServer)   an mbedtls_ssl_config plus what it points at: trusted
 *                           CA chain, own certificate chain + key, ALPN list,
 *                           version range, verification mode, cipher suites.
 *                           Shared by every session made from it (reference counted,
 *                           so a context outlives the JS object while sessions use it).
 *   new Session(context)    an mbedtls_ssl_context with memory "BIO" callbacks:
 *                           feed(buf) appends ciphertext from the network to an input
 *                           queue the engine reads from; the engine's output records
 *                           collect in an output queue that pull() hands to JS as a
 *                           Buffer for the socket. handshake(), read() and write()
 *                           only ever see those queues, so they never block.
 *
 * Return conventions (no exceptions on the data path):
 *   handshake() -> 0 done, 1 wants more input, < 0 an mbedTLS error
 *   read()      -> Buffer of plaintext, 0 wants more input, 1 peer sent close_notify, < 0 error
 *   write(buf, off) -> bytes of buf taken from off (>= 0), < 0 error
 *   error(ret)  -> an Error with Node's code for that failure (see tls_error_push)
 *
 * Entropy (see docs/tls.md): one CTR-DRBG for the process, seeded from
 * mbedtls_entropy: the platform source (getrandom / /dev/urandom) where mbedTLS
 * has one, plus board_entropy() when the build defines PETREL_TLS_BOARD_ENTROPY.
 * There is no fallback: with no strong source, creating a context fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "platform.h"

#include "mbedtls/ssl.h"
#include "mbedtls/entropy.h"
#include "mbedtls/ctr_drbg.h"
#include "mbedtls/x509_crt.h"
#include "mbedtls/pk.h"
#include "mbedtls/oid.h"
#include "mbedtls/sha256.h"
#include "mbedtls/version.h"
#if defined(MBEDTLS_SHA1_C)
#include "mbedtls/sha1.h"
#endif
#if defined(MBEDTLS_SHA512_C)
#include "mbedtls/sha512.h"
#endif
#if defined(MBEDTLS_ERROR_C)
#include "mbedtls/error.h"
#endif
#if defined(MBEDTLS_RSA_C)
#include "mbedtls/rsa.h"
#endif
#if defined(MBEDTLS_ECP_C)
#include "mbedtls/ecp.h"
#endif

#if !defined(MBEDTLS_SSL_PROTO_TLS1_2)
#error "Petrel's TLS needs MBEDTLS_SSL_PROTO_TLS1_2"
#endif

#define CONF_KEY DUK_HIDDEN_SYMBOL("tlsconf")
#define SESS_KEY DUK_HIDDEN_SYMBOL("tlssess")

/* Output collected beyond this makes write() stop early and let JS flush. */
#define OUT_SOFT_LIMIT (64 * 1024)
/* Queue buffers larger than this are released once drained. Hosts keep a bulk
 * transfer's buffers (freeing and regrowing them churned the heap); boards keep little. */
#if defined(PETREL_TLS_SMALL)
#define QUEUE_KEEP (20 * 1024)
#else
#define QUEUE_KEEP (256 * 1024)
#endif

/* ---- randomness --------------------------------------------------------- */
static mbedtls_entropy_context g_entropy;
static mbedtls_ctr_drbg_context g_drbg;
static int g_rng_ok;

#if defined(PETREL_TLS_BOARD_ENTROPY)
/* Provided by the board (docs/tls.md): fills buf with len bytes from a true random
 * source and returns 0, or returns non-zero if it cannot. */
int board_entropy(unsigned char *buf, size_t len);

static int board_entropy_source(void *data, unsigned char *out, size_t len, size_t *olen)
{
  (void)data;
  if (board_entropy(out, len) != 0) return MBEDTLS_ERR_ENTROPY_SOURCE_FAILED;
  *olen = len;
  return 0;
}
#endif

/* 0 when the DRBG is seeded, else the mbedTLS error (and it is retried next time). */
static int rng_ready(void)
{
  static const char pers[] = "petrel tls drbg";
  if (g_rng_ok) return 0;
  mbedtls_entropy_init(&g_entropy);
  mbedtls_ctr_drbg_init(&g_drbg);
#if defined(PETREL_TLS_BOARD_ENTROPY)
  mbedtls_entropy_add_source(&g_entropy, board_entropy_source, NULL, 32, MBEDTLS_ENTROPY_SOURCE_STRONG);
#endif
  int ret = mbedtls_ctr_drbg_seed(&g_drbg, mbedtls_entropy_func, &g_entropy,
                                  (const unsigned char *)pers, sizeof pers - 1);
  if (ret != 0) {
    mbedtls_ctr_drbg_free(&g_drbg);
    mbedtls_entropy_free(&g_entropy);
    return ret;
  }
  g_rng_ok = 1;
  return 0;
}

/* ---- the system's trusted roots (used when tls.js passes no `ca`) ------- */
static mbedtls_x509_crt g_sysca;
static int g_sysca_state; /* 0 not loaded, 1 loaded (maybe empty) */
static int g_sysca_count;

static void sysca_load(void)
{
  static const char *const paths[] = {
    "/etc/ssl/certs/ca-certificates.crt", /* Debian, Ubuntu, Alpine, Raspberry Pi OS */
    "/etc/pki/tls/certs/ca-bundle.crt", /* Fedora, RHEL */
    "/etc/ssl/cert.pem", /* macOS, BSDs */
    NULL
  };
  if (g_sysca_state) return;
  g_sysca_state = 1;
  mbedtls_x509_crt_init(&g_sysca);
  for (int i = 0; paths[i]; i++) {
    char *data;
    size_t len;
    if (plat_file_kind(paths[i]) != 1 || plat_file_read(paths[i], &data, &len) != 0) continue;
    char *z = malloc(len + 1);
    if (z) {
      memcpy(z, data, len);
      z[len] = 0;
      (void)mbedtls_x509_crt_parse(&g_sysca, (const unsigned char *)z, len + 1);
      free(z);
    }
    free(data);
    break;
  }
  for (const mbedtls_x509_crt *c = &g_sysca; c && c->raw.p; c = c->next) g_sysca_count++;
}

/* ---- errors --------------------------------------------------------------- */
typedef struct { int value; const char *code; const char *reason; } code_entry;

/* mbedTLS failures -> OpenSSL's reason codes, which is what Node reports. */
static const code_entry engine_errors[] = {
  { MBEDTLS_ERR_SSL_INVALID_RECORD, "ERR_SSL_WRONG_VERSION_NUMBER", "wrong version number" },
  { MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION, "ERR_SSL_UNSUPPORTED_PROTOCOL", "unsupported protocol" },
  { MBEDTLS_ERR_SSL_NO_CIPHER_CHOSEN, "ERR_SSL_NO_SHARED_CIPHER", "no shared cipher" },
  { MBEDTLS_ERR_SSL_NO_USABLE_CIPHERSUITE, "ERR_SSL_NO_CIPHERS_AVAILABLE", "no ciphers available" },
  { MBEDTLS_ERR_SSL_INVALID_MAC, "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC", "decryption failed or bad record mac" },
  { MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE, "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE", "peer did not return a certificate" },
  { MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, "ERR_SSL_CERTIFICATE_VERIFY_FAILED", "certificate verify failed" },
  { MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE, "ERR_SSL_BAD_CERTIFICATE", "bad certificate" },
  { MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE, "ERR_SSL_UNEXPECTED_MESSAGE", "unexpected message" },
  { MBEDTLS_ERR_SSL_UNEXPECTED_RECORD, "ERR_SSL_UNEXPECTED_RECORD", "unexpected record" },
  { MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO, "ERR_SSL_BAD_CLIENT_HELLO", "bad client hello" },
  { MBEDTLS_ERR_SSL_BAD_HS_SERVER_HELLO, "ERR_SSL_BAD_SERVER_HELLO", "bad server hello" },
  { MBEDTLS_ERR_SSL_BAD_HS_FINISHED, "ERR_SSL_DIGEST_CHECK_FAILED", "digest check failed" },
  { MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE_VERIFY, "ERR_SSL_BAD_SIGNATURE", "bad signature" },
  { MBEDTLS_ERR_SSL_BAD_HS_SERVER_KEY_EXCHANGE, "ERR_SSL_BAD_SERVER_KEY_EXCHANGE", "bad server key exchange" },
  { MBEDTLS_ERR_SSL_BAD_HS_CLIENT_KEY_EXCHANGE, "ERR_SSL_BAD_CLIENT_KEY_EXCHANGE", "bad client key exchange" },
  { MBEDTLS_ERR_SSL_PK_TYPE_MISMATCH, "ERR_SSL_WRONG_CERTIFICATE_TYPE", "wrong certificate type" },
  { MBEDTLS_ERR_SSL_CA_CHAIN_REQUIRED, "ERR_SSL_NO_CA_CHAIN", "no trusted CA chain" },
  { MBEDTLS_ERR_SSL_PRIVATE_KEY_REQUIRED, "ERR_SSL_NO_PRIVATE_KEY", "no private key assigned" },
  { MBEDTLS_ERR_SSL_CERTIFICATE_TOO_LARGE, "ERR_SSL_EXCESSIVE_MESSAGE_SIZE", "excessive message size" },
  { MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL, "ERR_SSL_RECORD_OVERFLOW", "record overflow" },
  { MBEDTLS_ERR_SSL_ALLOC_FAILED, "ERR_SSL_MALLOC_FAILURE", "out of memory" },
  { MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY, "ERR_SSL_CLOSE_NOTIFY", "peer closed the TLS session" },
  { MBEDTLS_ERR_SSL_CONN_EOF, "ERR_SSL_UNEXPECTED_EOF_WHILE_READING", "unexpected eof while reading" },
#if defined(MBEDTLS_ERR_SSL_BAD_HS_NO_APPLICATION_PROTOCOL)
  { MBEDTLS_ERR_SSL_BAD_HS_NO_APPLICATION_PROTOCOL, "ERR_SSL_NO_APPLICATION_PROTOCOL", "no application protocol" },
#endif
  { 0, NULL, NULL }
};

/* Alerts received from the peer, by description (RFC 8446 6.2) -> OpenSSL's names. */
static const code_entry alert_names[] = {
  { 10, "ERR_SSL_SSLV3_ALERT_UNEXPECTED_MESSAGE", "sslv3 alert unexpected message" },
  { 20, "ERR_SSL_SSLV3_ALERT_BAD_RECORD_MAC", "sslv3 alert bad record mac" },
  { 22, "ERR_SSL_TLSV1_ALERT_RECORD_OVERFLOW", "tlsv1 alert record overflow" },
  { 30, "ERR_SSL_SSLV3_ALERT_DECOMPRESSION_FAILURE", "sslv3 alert decompression failure" },
  { 40, "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE", "sslv3 alert handshake failure" },
  { 42, "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE", "sslv3 alert bad certificate" },
  { 43, "ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE", "sslv3 alert unsupported certificate" },
  { 44, "ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED", "sslv3 alert certificate revoked" },
  { 45, "ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED", "sslv3 alert certificate expired" },
  { 46, "ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN", "sslv3 alert certificate unknown" },
  { 47, "ERR_SSL_SSLV3_ALERT_ILLEGAL_PARAMETER", "sslv3 alert illegal parameter" },
  { 48, "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA", "tlsv1 alert unknown ca" },
  { 49, "ERR_SSL_TLSV1_ALERT_ACCESS_DENIED", "tlsv1 alert access denied" },
  { 50, "ERR_SSL_TLSV1_ALERT_DECODE_ERROR", "tlsv1 alert decode error" },
  { 51, "ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR", "tlsv1 alert decrypt error" },
  { 70, "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", "tlsv1 alert protocol version" },
  { 71, "ERR_SSL_TLSV1_ALERT_INSUFFICIENT_SECURITY", "tlsv1 alert insufficient security" },
  { 80, "ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR", "tlsv1 alert internal error" },
  { 86, "ERR_SSL_TLSV1_ALERT_INAPPROPRIATE_FALLBACK", "tlsv1 alert inappropriate fallback" },
  { 90, "ERR_SSL_TLSV1_ALERT_USER_CANCELLED", "tlsv1 alert user cancelled" },
  { 109, "ERR_SSL_TLSV13_ALERT_MISSING_EXTENSION", "tlsv13 alert missing extension" },
  { 110, "ERR_SSL_TLSV1_ALERT_UNSUPPORTED_EXTENSION", "tlsv1 alert unsupported extension" },
  { 112, "ERR_SSL_TLSV1_UNRECOGNIZED_NAME", "tlsv1 unrecognized name" },
  { 115, "ERR_SSL_TLSV1_ALERT_UNKNOWN_PSK_IDENTITY", "tlsv1 alert unknown psk identity" },
  { 116, "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "tlsv13 alert certificate required" },
  { 120, "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL", "tlsv1 alert no application protocol" },
  { 0, NULL, NULL }
};

static const code_entry *find_code(const code_entry *t, int value)
{
  for (; t->code; t++)
    if (t->value == value) return t;
  return NULL;
}

static void engine_text(int ret, char *buf, size_t len)
{
#if defined(MBEDTLS_ERROR_C)
  mbedtls_strerror(ret, buf, len);
#else
  snprintf(buf, len, "mbedTLS error -0x%04X", (unsigned)-ret);
#endif
}

/* Pushes Error(message) with .code (and .reason, .library like Node's OpenSSL errors). */
static void push_coded_error(duk_context *ctx, const char *code, const char *reason, int ret, int alert)
{
  char detail[160];
  engine_text(ret, detail, sizeof detail);
  if (alert >= 0)
    duk_push_error_object(ctx, DUK_ERR_ERROR, "SSL routines: %s (SSL alert number %d)", reason, alert);
  else
    duk_push_error_object(ctx, DUK_ERR_ERROR, "SSL routines: %s (mbedTLS -0x%04X: %s)", reason, (unsigned)-ret, detail);
  duk_push_string(ctx, code);
  duk_put_prop_string(ctx, -2, "code");
  duk_push_string(ctx, "SSL routines");
  duk_put_prop_string(ctx, -2, "library");
  duk_push_string(ctx, reason);
  duk_put_prop_string(ctx, -2, "reason");
  duk_push_int(ctx, ret);
  duk_put_prop_string(ctx, -2, "mbedtlsError");
}

/* Node's wording for the errors thrown while building a context. */
static duk_ret_t throw_setup_error(duk_context *ctx, const char *code, const char *what, int ret)
{
  char detail[160];
  engine_text(ret, detail, sizeof detail);
  duk_push_error_object(ctx, DUK_ERR_ERROR, "%s (mbedTLS -0x%04X: %s)", what, (unsigned)-ret, detail);
  duk_push_string(ctx, code);
  duk_put_prop_string(ctx, -2, "code");
  return duk_throw(ctx);
}

/* ---- contexts ------------------------------------------------------------- */
typedef struct tls_conf tls_conf;
typedef struct sni_entry {
  struct sni_entry *next;
  char *name; /* lower case; may start with "*." */
  tls_conf *conf;
} sni_entry;

struct tls_conf {
  int refs; /* the JS object + each session + each SNI entry pointing here */
  int server;
  mbedtls_ssl_config conf;
  mbedtls_x509_crt ca;
  mbedtls_x509_crt own;
  mbedtls_pk_context key;
  unsigned has_ca : 1, has_own : 1, use_sysca : 1;
  char **alpn; /* NULL-terminated, for mbedtls_ssl_conf_alpn_protocols */
  int *suites; /* 0-terminated */
  sni_entry *sni;
};

static void conf_unref(tls_conf *c);

static void conf_free(tls_conf *c)
{
  mbedtls_ssl_config_free(&c->conf);
  mbedtls_x509_crt_free(&c->ca);
  mbedtls_x509_crt_free(&c->own);
  mbedtls_pk_free(&c->key);
  if (c->alpn) {
    for (char **p = c->alpn; *p; p++) free(*p);
    free(c->alpn);
  }
  free(c->suites);
  while (c->sni) {
    sni_entry *e = c->sni;
    c->sni = e->next;
    conf_unref(e->conf);
    free(e->name);
    free(e);
  }
  free(c);
}

static void conf_unref(tls_conf *c)
{
  if (c && --c->refs == 0) conf_free(c);
}

/* The suites Petrel offers, in preference order (what Node's default list keeps
 * for TLS 1.2: forward-secret AEAD first). Suites a build lacks are skipped. */
static const char *const default_suites[] = {
  "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256",
  "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256",
  "TLS-ECDHE-ECDSA-WITH-AES-256-GCM-SHA384",
  "TLS-ECDHE-RSA-WITH-AES-256-GCM-SHA384",
  "TLS-ECDHE-ECDSA-WITH-CHACHA20-POLY1305-SHA256",
  "TLS-ECDHE-RSA-WITH-CHACHA20-POLY1305-SHA256",
  "TLS-DHE-RSA-WITH-AES-128-GCM-SHA256",
  "TLS-DHE-RSA-WITH-AES-256-GCM-SHA384",
  "TLS-DHE-RSA-WITH-CHACHA20-POLY1305-SHA256",
  "TLS-ECDHE-ECDSA-WITH-AES-128-CBC-SHA256",
  "TLS-ECDHE-RSA-WITH-AES-128-CBC-SHA256",
  "TLS-ECDHE-ECDSA-WITH-AES-256-CBC-SHA384",
  "TLS-ECDHE-RSA-WITH-AES-256-CBC-SHA384",
  "TLS-RSA-WITH-AES-128-GCM-SHA256",
  "TLS-RSA-WITH-AES-256-GCM-SHA384",
  NULL
};

static int *suites_from_names(const char *const *names, size_t n)
{
  int *ids = calloc(n + 1, sizeof *ids);
  size_t k = 0;
  if (!ids) return NULL;
  for (size_t i = 0; i < n; i++) {
    int id = mbedtls_ssl_get_ciphersuite_id(names[i]);
    if (id == 0) continue;
    const mbedtls_ssl_ciphersuite_t *info = mbedtls_ssl_ciphersuite_from_id(id);
    if (!info || info->max_minor_ver < MBEDTLS_SSL_MINOR_VERSION_3) continue;
    ids[k++] = id;
  }
  ids[k] = 0;
  return ids;
}

static int sni_callback(void *p, mbedtls_ssl_context *ssl, const unsigned char *name, size_t len);

static tls_conf *get_conf(duk_context *ctx, duk_idx_t idx)
{
  duk_get_prop_string(ctx, idx, CONF_KEY);
  tls_conf *c = duk_get_pointer(ctx, -1);
  duk_pop(ctx);
  if (!c) (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a TLS context");
  return c;
}

static tls_conf *this_conf(duk_context *ctx)
{
  duk_push_this(ctx);
  tls_conf *c = get_conf(ctx, -1);
  duk_pop(ctx);
  return c;
}

static duk_ret_t conf_finalizer(duk_context *ctx)
{
  duk_get_prop_string(ctx, 0, CONF_KEY);
  tls_conf *c = duk_get_pointer(ctx, -1);
  if (c) {
    duk_push_pointer(ctx, NULL);
    duk_put_prop_string(ctx, 0, CONF_KEY);
    conf_unref(c);
  }
  return 0;
}

/* new Context(isServer) */
static duk_ret_t conf_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx)) return DUK_RET_TYPE_ERROR;
  int server = duk_to_boolean(ctx, 0);
  int ret = rng_ready();
  if (ret != 0)
    return throw_setup_error(ctx, "ERR_TLS_NO_ENTROPY",
      "TLS: no strong entropy source (a board needs board_entropy(), see docs/tls.md)", ret);
  tls_conf *c = calloc(1, sizeof *c);
  if (!c) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  c->refs = 1;
  c->server = server;
  mbedtls_ssl_config_init(&c->conf);
  mbedtls_x509_crt_init(&c->ca);
  mbedtls_x509_crt_init(&c->own);
  mbedtls_pk_init(&c->key);
  ret = mbedtls_ssl_config_defaults(&c->conf, server ? MBEDTLS_SSL_IS_SERVER : MBEDTLS_SSL_IS_CLIENT,
                                    MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
  size_t n = sizeof default_suites / sizeof default_suites[0] - 1;
  if (ret == 0 && !(c->suites = suites_from_names(default_suites, n))) ret = MBEDTLS_ERR_SSL_ALLOC_FAILED;
  if (ret != 0) {
    conf_free(c);
    return throw_setup_error(ctx, "ERR_TLS_CONTEXT", "TLS: cannot set up a context", ret);
  }
  mbedtls_ssl_conf_rng(&c->conf, mbedtls_ctr_drbg_random, &g_drbg);
  /* Fast curves first (mbedTLS's own order starts with P-521). */
  static const mbedtls_ecp_group_id curves[] = {
#if defined(MBEDTLS_ECP_DP_CURVE25519_ENABLED)
    MBEDTLS_ECP_DP_CURVE25519,
#endif
    MBEDTLS_ECP_DP_SECP256R1,
#if defined(MBEDTLS_ECP_DP_SECP384R1_ENABLED)
    MBEDTLS_ECP_DP_SECP384R1,
#endif
#if defined(MBEDTLS_ECP_DP_SECP521R1_ENABLED)
    MBEDTLS_ECP_DP_SECP521R1,
#endif
    MBEDTLS_ECP_DP_NONE
  };
  mbedtls_ssl_conf_curves(&c->conf, curves);
  mbedtls_ssl_conf_min_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
  mbedtls_ssl_conf_max_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
  mbedtls_ssl_conf_ciphersuites(&c->conf, c->suites);
  /* Clients always verify and report; tls.js decides (rejectUnauthorized) as Node does.
   * Servers ask for a certificate only with requestCert (setVerify). */
  mbedtls_ssl_conf_authmode(&c->conf, server ? MBEDTLS_SSL_VERIFY_NONE : MBEDTLS_SSL_VERIFY_OPTIONAL);
#if defined(MBEDTLS_SSL_RENEGOTIATION)
  mbedtls_ssl_conf_renegotiation(&c->conf, MBEDTLS_SSL_RENEGOTIATION_DISABLED);
#endif
#if defined(MBEDTLS_SSL_SERVER_NAME_INDICATION)
  if (server) mbedtls_ssl_conf_sni(&c->conf, sni_callback, c);
#endif
  duk_push_this(ctx);
  duk_push_pointer(ctx, c);
  duk_put_prop_string(ctx, -2, CONF_KEY);
  duk_push_c_function(ctx, conf_finalizer, 1);
  duk_set_finalizer(ctx, -2);
  return 0;
}

/* A certificate or key argument (string or buffer) as a NUL-terminated copy:
 * mbedTLS wants PEM with its terminating NUL counted; DER goes through as is. */
static unsigned char *arg_bytes(duk_context *ctx, duk_idx_t idx, size_t *len_out)
{
  const void *p;
  duk_size_t len;
  if (duk_is_string(ctx, idx)) p = duk_get_lstring(ctx, idx, &len);
  else p = duk_require_buffer_data(ctx, idx, &len);
  unsigned char *z = malloc(len + 1);
  if (!z) (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  memcpy(z, p, len);
  z[len] = 0;
  int pem = len > 0 && strstr((const char *)z, "-----BEGIN") != NULL;
  *len_out = pem ? len + 1 : len;
  return z;
}

static int has_pem_marker(const unsigned char *z, size_t len)
{
  return len > 0 && (strstr((const char *)z, "-----BEGIN") != NULL || z[0] == 0x30);
}

/* addCA(pem | der): appends certificates to the trusted chain. */
static duk_ret_t conf_add_ca(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  size_t len;
  unsigned char *z = arg_bytes(ctx, 0, &len);
  if (!has_pem_marker(z, len)) {
    free(z);
    duk_push_error_object(ctx, DUK_ERR_ERROR, "error:0480006C:PEM routines::no start line");
    duk_push_string(ctx, "ERR_OSSL_PEM_NO_START_LINE");
    duk_put_prop_string(ctx, -2, "code");
    return duk_throw(ctx);
  }
  int ret = mbedtls_x509_crt_parse(&c->ca, z, len);
  free(z);
  if (ret < 0) return throw_setup_error(ctx, "ERR_OSSL_X509_BAD_CERTIFICATE", "TLS: cannot parse a CA certificate", ret);
  c->has_ca = 1;
  c->use_sysca = 0;
  mbedtls_ssl_conf_ca_chain(&c->conf, &c->ca, NULL);
  return 0;
}

/* useSystemCA() -> number of roots loaded from the system bundle (0 on boards). */
static duk_ret_t conf_use_system_ca(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  sysca_load();
  if (!c->has_ca && g_sysca_count > 0) {
    c->use_sysca = 1;
    mbedtls_ssl_conf_ca_chain(&c->conf, &g_sysca, NULL);
  }
  duk_push_int(ctx, g_sysca_count);
  return 1;
}

/* setCert(certChain, key[, passphrase]) */
static duk_ret_t conf_set_cert(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  size_t clen, klen;
  unsigned char *cert, *key;
  mbedtls_x509_crt_free(&c->own);
  mbedtls_pk_free(&c->key);
  mbedtls_x509_crt_init(&c->own);
  mbedtls_pk_init(&c->key);
  c->has_own = 0;
  cert = arg_bytes(ctx, 0, &clen);
  if (!has_pem_marker(cert, clen)) {
    free(cert);
    duk_push_error_object(ctx, DUK_ERR_ERROR, "error:0480006C:PEM routines::no start line");
    duk_push_string(ctx, "ERR_OSSL_PEM_NO_START_LINE");
    duk_put_prop_string(ctx, -2, "code");
    return duk_throw(ctx);
  }
  int ret = mbedtls_x509_crt_parse(&c->own, cert, clen);
  free(cert);
  if (ret != 0) return throw_setup_error(ctx, "ERR_OSSL_X509_BAD_CERTIFICATE", "TLS: cannot parse the certificate", ret);
  key = arg_bytes(ctx, 1, &klen);
  duk_size_t plen = 0;
  const char *pass = duk_is_string(ctx, 2) ? duk_get_lstring(ctx, 2, &plen) : NULL;
  ret = mbedtls_pk_parse_key(&c->key, key, klen, (const unsigned char *)pass, plen);
  mbedtls_platform_zeroize(key, klen);
  free(key);
  if (ret == MBEDTLS_ERR_PK_PASSWORD_REQUIRED || ret == MBEDTLS_ERR_PK_PASSWORD_MISMATCH)
    return throw_setup_error(ctx, "ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt", ret);
  if (ret != 0) return throw_setup_error(ctx, "ERR_OSSL_UNSUPPORTED", "TLS: cannot parse the private key", ret);
  ret = mbedtls_pk_check_pair(&c->own.pk, &c->key);
  if (ret != 0)
    return throw_setup_error(ctx, "ERR_OSSL_X509_KEY_VALUES_MISMATCH", "error:05800074:x509 certificate routines::key values mismatch", ret);
  ret = mbedtls_ssl_conf_own_cert(&c->conf, &c->own, &c->key);
  if (ret != 0) return throw_setup_error(ctx, "ERR_TLS_CONTEXT", "TLS: cannot use the certificate", ret);
  c->has_own = 1;
  return 0;
}

/* setALPN([names...]) */
static duk_ret_t conf_set_alpn(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
#if defined(MBEDTLS_SSL_ALPN)
  duk_size_t n = duk_get_length(ctx, 0);
  char **list = calloc(n + 1, sizeof *list);
  if (!list) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  for (duk_size_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    duk_size_t len;
    const char *s = duk_to_lstring(ctx, -1, &len);
    list[i] = malloc(len + 1);
    if (list[i]) memcpy(list[i], s, len + 1);
    duk_pop(ctx);
    if (!list[i] || len == 0 || len > 255) {
      for (duk_size_t j = 0; j <= i; j++) free(list[j]);
      free(list);
      return duk_error(ctx, DUK_ERR_RANGE_ERROR, "bad ALPN protocol name");
    }
  }
  if (c->alpn) {
    for (char **p = c->alpn; *p; p++) free(*p);
    free(c->alpn);
  }
  c->alpn = list;
  mbedtls_ssl_conf_alpn_protocols(&c->conf, n ? (const char **)list : NULL);
#else
  (void)c;
#endif
  return 0;
}

/* setVersions(minMinor, maxMinor): 3 = TLS 1.2 (the only one this build speaks). */
static duk_ret_t conf_set_versions(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  mbedtls_ssl_conf_min_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3, duk_require_int(ctx, 0));
  mbedtls_ssl_conf_max_version(&c->conf, MBEDTLS_SSL_MAJOR_VERSION_3, duk_require_int(ctx, 1));
  return 0;
}

/* setVerify(mode): 0 none, 1 optional (verify and report), 2 required (fail the handshake) */
static duk_ret_t conf_set_verify(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  static const int modes[] = { MBEDTLS_SSL_VERIFY_NONE, MBEDTLS_SSL_VERIFY_OPTIONAL, MBEDTLS_SSL_VERIFY_REQUIRED };
  int m = duk_require_int(ctx, 0);
  if (m < 0 || m > 2) return DUK_RET_RANGE_ERROR;
  mbedtls_ssl_conf_authmode(&c->conf, modes[m]);
  return 0;
}

/* setCiphers([mbedTLS suite names]) -> number usable (0: nothing changed) */
static duk_ret_t conf_set_ciphers(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  duk_size_t n = duk_get_length(ctx, 0);
  const char **names = calloc(n + 1, sizeof *names);
  if (!names) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  for (duk_size_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    names[i] = duk_to_string(ctx, -1); /* stays alive: the array holds the string */
    duk_pop(ctx);
  }
  int *ids = suites_from_names(names, n);
  free(names);
  if (!ids) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  int count = 0;
  while (ids[count]) count++;
  if (count == 0) {
    free(ids);
  } else {
    free(c->suites);
    c->suites = ids;
    mbedtls_ssl_conf_ciphersuites(&c->conf, c->suites);
  }
  duk_push_int(ctx, count);
  return 1;
}

/* addSNIContext(hostname, context): a server picks that context's certificate
 * (and CA list) when a client asks for hostname; "*.example.com" matches one label. */
static duk_ret_t conf_add_sni(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  duk_size_t len;
  const char *name = duk_require_lstring(ctx, 0, &len);
  tls_conf *other = get_conf(ctx, 1);
  sni_entry *e = calloc(1, sizeof *e);
  if (!e || !(e->name = malloc(len + 1))) {
    free(e);
    return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  }
  for (size_t i = 0; i <= len; i++) {
    char ch = name[i];
    e->name[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
  }
  e->conf = other;
  other->refs++;
  /* Later entries win, as with Node's addContext: put them first. */
  e->next = c->sni;
  c->sni = e;
  return 0;
}

static const duk_function_list_entry conf_methods[] = {
  { "addCA", conf_add_ca, 1 },
  { "useSystemCA", conf_use_system_ca, 0 },
  { "setCert", conf_set_cert, 3 },
  { "setALPN", conf_set_alpn, 1 },
  { "setVersions", conf_set_versions, 2 },
  { "setVerify", conf_set_verify, 1 },
  { "setCiphers", conf_set_ciphers, 1 },
  { "addSNIContext", conf_add_sni, 2 },
  { NULL, NULL, 0 }
};

/* ---- sessions ------------------------------------------------------------- */
typedef struct {
  mbedtls_ssl_context ssl;
  tls_conf *conf;
  uint8_t *in; /* ciphertext from the network not yet consumed */
  size_t in_off, in_len, in_cap;
  uint8_t *out; /* records the engine produced, not yet pulled */
  size_t out_len, out_cap;
  uint8_t first[4]; /* the first input bytes, to recognise an HTTP request */
  size_t first_len;
  int alert; /* description of a fatal alert received, or -1 */
  int top_depth, top_self; /* top of the chain the verifier built */
  char *servername; /* server: SNI the client sent */
  unsigned handshake_done : 1;
} tls_sess;

static int bio_send(void *p, const unsigned char *buf, size_t len)
{
  tls_sess *s = p;
  if (s->out_len + len > s->out_cap) {
    size_t cap = s->out_cap ? s->out_cap : 4096;
    while (cap < s->out_len + len) cap *= 2;
    uint8_t *n = realloc(s->out, cap);
    if (!n) return MBEDTLS_ERR_SSL_ALLOC_FAILED;
    s->out = n;
    s->out_cap = cap;
  }
  memcpy(s->out + s->out_len, buf, len);
  s->out_len += len;
  return (int)len;
}

static int bio_recv(void *p, unsigned char *buf, size_t len)
{
  tls_sess *s = p;
  size_t avail = s->in_len - s->in_off;
  if (avail == 0) return MBEDTLS_ERR_SSL_WANT_READ;
  if (len > avail) len = avail;
  memcpy(buf, s->in + s->in_off, len);
  s->in_off += len;
  if (s->in_off == s->in_len) {
    s->in_off = s->in_len = 0;
    if (s->in_cap > QUEUE_KEEP) {
      free(s->in);
      s->in = NULL;
      s->in_cap = 0;
    }
  }
  return (int)len;
}

/* Records facts about the chain as the verifier walks it (from the top down),
 * so that an untrusted chain can be reported the way OpenSSL words it. */
static int verify_cb(void *p, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
  tls_sess *s = p;
  (void)flags;
  if (depth >= s->top_depth) {
    s->top_depth = depth;
    s->top_self = crt->subject_raw.len == crt->issuer_raw.len &&
                  memcmp(crt->subject_raw.p, crt->issuer_raw.p, crt->issuer_raw.len) == 0;
  }
  return 0;
}

static int name_matches(const char *pattern, const char *name, size_t len)
{
  size_t plen = strlen(pattern);
  if (plen == len && memcmp(pattern, name, len) == 0) return 1;
  if (plen > 2 && pattern[0] == '*' && pattern[1] == '.') {
    const char *dot = memchr(name, '.', len);
    return dot && dot != name && (size_t)(name + len - dot) == plen - 1 && memcmp(dot, pattern + 1, plen - 1) == 0;
  }
  return 0;
}

#if defined(MBEDTLS_SSL_SERVER_NAME_INDICATION)
static int sni_callback(void *p, mbedtls_ssl_context *ssl, const unsigned char *name, size_t len)
{
  tls_conf *c = p;
  tls_sess *s = ssl->p_bio;
  char lower[256];
  if (len == 0 || len >= sizeof lower) return 0;
  for (size_t i = 0; i < len; i++) {
    char ch = (char)name[i];
    lower[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
  }
  lower[len] = 0;
  if (s && !s->servername && (s->servername = malloc(len + 1))) memcpy(s->servername, lower, len + 1);
  for (sni_entry *e = c->sni; e; e = e->next) {
    if (!name_matches(e->name, lower, len)) continue;
    if (e->conf->has_own) {
      int ret = mbedtls_ssl_set_hs_own_cert(ssl, &e->conf->own, &e->conf->key);
      if (ret != 0) return ret;
    }
    if (e->conf->has_ca) mbedtls_ssl_set_hs_ca_chain(ssl, &e->conf->ca, NULL);
    break;
  }
  return 0; /* an unknown name gets the default certificate, as with Node */
}
#endif

static void sess_free(tls_sess *s)
{
  mbedtls_ssl_free(&s->ssl);
  conf_unref(s->conf);
  free(s->in);
  free(s->out);
  free(s->servername);
  free(s);
}

static duk_ret_t sess_finalizer(duk_context *ctx)
{
  duk_get_prop_string(ctx, 0, SESS_KEY);
  tls_sess *s = duk_get_pointer(ctx, -1);
  if (s) {
    duk_push_pointer(ctx, NULL);
    duk_put_prop_string(ctx, 0, SESS_KEY);
    sess_free(s);
  }
  return 0;
}

static tls_sess *this_sess(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_string(ctx, -1, SESS_KEY);
  tls_sess *s = duk_get_pointer(ctx, -1);
  duk_pop_2(ctx);
  if (!s) (void)duk_error(ctx, DUK_ERR_ERROR, "TLS session is closed");
  return s;
}

/* new Session(context[, servername]) */
static duk_ret_t sess_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx)) return DUK_RET_TYPE_ERROR;
  tls_conf *c = get_conf(ctx, 0);
  tls_sess *s = calloc(1, sizeof *s);
  if (!s) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  mbedtls_ssl_init(&s->ssl);
  s->alert = -1;
  s->top_depth = -1;
  int ret = mbedtls_ssl_setup(&s->ssl, &c->conf);
#if defined(MBEDTLS_SSL_SERVER_NAME_INDICATION)
  /* Client: SNI (and mbedTLS's own name check, which tls.js replaces by Node's rules). */
  if (ret == 0 && !c->server && duk_is_string(ctx, 1)) ret = mbedtls_ssl_set_hostname(&s->ssl, duk_get_string(ctx, 1));
#endif
  if (ret != 0) {
    mbedtls_ssl_free(&s->ssl);
    free(s);
    return throw_setup_error(ctx, "ERR_TLS_SESSION", "TLS: cannot start a session", ret);
  }
  s->conf = c;
  c->refs++;
  mbedtls_ssl_set_bio(&s->ssl, s, bio_send, bio_recv, NULL);
  mbedtls_ssl_set_verify(&s->ssl, verify_cb, s);
  duk_push_this(ctx);
  duk_push_pointer(ctx, s);
  duk_put_prop_string(ctx, -2, SESS_KEY);
  duk_push_c_function(ctx, sess_finalizer, 1);
  duk_set_finalizer(ctx, -2);
  return 0;
}

/* feed(buf) -> bytes queued */
static duk_ret_t sess_feed(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  duk_size_t len;
  const uint8_t *p = duk_require_buffer_data(ctx, 0, &len);
  if (s->first_len < sizeof s->first) {
    size_t k = sizeof s->first - s->first_len;
    if (k > len) k = len;
    memcpy(s->first + s->first_len, p, k);
    s->first_len += k;
  }
  if (s->in_off > 0 && s->in_len + len > s->in_cap) {
    memmove(s->in, s->in + s->in_off, s->in_len - s->in_off);
    s->in_len -= s->in_off;
    s->in_off = 0;
  }
  if (s->in_len + len > s->in_cap) {
    size_t cap = s->in_cap ? s->in_cap : 4096;
    while (cap < s->in_len + len) cap *= 2;
    uint8_t *n = realloc(s->in, cap);
    if (!n) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    s->in = n;
    s->in_cap = cap;
  }
  memcpy(s->in + s->in_len, p, len);
  s->in_len += len;
  duk_push_number(ctx, (double)(s->in_len - s->in_off));
  return 1;
}

static int note_error(tls_sess *s, int ret)
{
  if (ret == MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE && s->ssl.in_msg) s->alert = s->ssl.in_msg[1];
  return ret;
}

/* handshake() -> 0 done, 1 want input, < 0 error */
static duk_ret_t sess_handshake(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  int ret = 0;
  if (!s->handshake_done) {
    ret = mbedtls_ssl_handshake(&s->ssl);
    if (ret == 0) s->handshake_done = 1;
  }
  if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE) ret = 1;
  else if (ret < 0) note_error(s, ret);
  duk_push_int(ctx, ret);
  return 1;
}

/* read() -> Buffer (one record's plaintext), 0 want input, 1 close_notify, < 0 error */
static duk_ret_t sess_read(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  unsigned char first;
  int ret;
  ret = mbedtls_ssl_read(&s->ssl, &first, 1);
  if (ret == 1) {
    size_t rest = mbedtls_ssl_get_bytes_avail(&s->ssl);
    uint8_t *p = duk_push_fixed_buffer(ctx, 1 + rest);
    p[0] = first;
    if (rest > 0) {
      int r2 = mbedtls_ssl_read(&s->ssl, p + 1, rest);
      if (r2 < 0) rest = 0; /* cannot happen: those bytes were already decrypted */
    }
    petrel_push_buffer_object(ctx, -1, 1 + rest);
    return 1;
  }
  if (ret == 0 || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) ret = 1;
  else if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE) ret = 0;
  else note_error(s, ret);
  duk_push_int(ctx, ret);
  return 1;
}

/* write(buf, offset) -> bytes taken, or < 0 error. Encrypts records until the
 * buffer is used up or OUT_SOFT_LIMIT bytes wait to be pulled. */
static duk_ret_t sess_write(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  duk_size_t len;
  const uint8_t *p = duk_require_buffer_data(ctx, 0, &len);
  size_t off = (size_t)duk_get_number_default(ctx, 1, 0), start = off;
  if (off > len) off = start = len;
  while (off < len && s->out_len < OUT_SOFT_LIMIT) {
    int ret = mbedtls_ssl_write(&s->ssl, p + off, len - off);
    if (ret == MBEDTLS_ERR_SSL_WANT_WRITE || ret == MBEDTLS_ERR_SSL_WANT_READ) break;
    if (ret < 0) {
      note_error(s, ret);
      duk_push_int(ctx, ret);
      return 1;
    }
    off += (size_t)ret;
  }
  duk_push_number(ctx, (double)(off - start));
  return 1;
}

/* pull() -> Buffer of ciphertext to send, or null */
static duk_ret_t sess_pull(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (s->out_len == 0) {
    duk_push_null(ctx);
    return 1;
  }
  uint8_t *p = duk_push_fixed_buffer(ctx, s->out_len);
  memcpy(p, s->out, s->out_len);
  petrel_push_buffer_object(ctx, -1, s->out_len);
  s->out_len = 0;
  if (s->out_cap > QUEUE_KEEP) {
    free(s->out);
    s->out = NULL;
    s->out_cap = 0;
  }
  return 1;
}

/* shutdown(): queues a close_notify alert */
static duk_ret_t sess_shutdown(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  int ret = s->handshake_done ? mbedtls_ssl_close_notify(&s->ssl) : 0;
  duk_push_int(ctx, ret == MBEDTLS_ERR_SSL_WANT_WRITE ? 0 : ret);
  return 1;
}

static duk_ret_t sess_destroy(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_string(ctx, -1, SESS_KEY);
  tls_sess *s = duk_get_pointer(ctx, -1);
  duk_pop(ctx);
  if (s) {
    duk_push_pointer(ctx, NULL);
    duk_put_prop_string(ctx, -2, SESS_KEY);
    sess_free(s);
  }
  return 0;
}

/* error(ret) -> an Error object for an mbedTLS failure of this session */
static duk_ret_t sess_error(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  int ret = duk_require_int(ctx, 0);
  const code_entry *e;
  if (ret == MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE && s->alert >= 0) {
    e = find_code(alert_names, s->alert);
    if (e) {
      push_coded_error(ctx, e->code, e->reason, ret, s->alert);
    } else {
      char reason[48];
      snprintf(reason, sizeof reason, "alert number %d", s->alert);
      push_coded_error(ctx, "ERR_SSL_TLSV1_ALERT", reason, ret, s->alert);
    }
    return 1;
  }
  if (s->conf->server && !s->handshake_done && s->first_len == 4 &&
      (!memcmp(s->first, "GET ", 4) || !memcmp(s->first, "POST", 4) || !memcmp(s->first, "HEAD", 4) ||
       !memcmp(s->first, "PUT ", 4) || !memcmp(s->first, "OPTI", 4) || !memcmp(s->first, "DELE", 4))) {
    push_coded_error(ctx, "ERR_SSL_HTTP_REQUEST", "http request", ret, -1);
    return 1;
  }
  if (s->first_len > 0 && s->first[0] != 0x16 && !s->handshake_done &&
      (ret == MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO || ret == MBEDTLS_ERR_SSL_BAD_HS_SERVER_HELLO ||
       ret == MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE)) {
    /* Not a TLS handshake record at all: OpenSSL calls this a wrong version number. */
    ret = MBEDTLS_ERR_SSL_INVALID_RECORD;
  }
  e = find_code(engine_errors, ret);
  int high = (-ret) & 0xFF80; /* the high-level module of a combined mbedTLS code */
  if (e) {
    push_coded_error(ctx, e->code, e->reason, ret, -1);
  } else if (ret == MBEDTLS_ERR_RSA_VERIFY_FAILED || ret == MBEDTLS_ERR_ECP_VERIFY_FAILED ||
             ret == MBEDTLS_ERR_ECP_SIG_LEN_MISMATCH || ret == MBEDTLS_ERR_PK_SIG_LEN_MISMATCH) {
    /* The peer's handshake signature does not verify. */
    push_coded_error(ctx, "ERR_SSL_BAD_SIGNATURE", "bad signature", ret, -1);
  } else if ((high >= 0x2080 && high <= 0x2F80) || (high >= 0x3880 && high <= 0x3F80)) {
    /* X509 / PK parse errors: the peer sent a certificate that does not parse. */
    push_coded_error(ctx, "ERR_SSL_BAD_CERTIFICATE", "bad certificate", ret, -1);
  } else {
    push_coded_error(ctx, "ERR_SSL_ENGINE_FAILURE", "TLS engine failure", ret, -1);
  }
  return 1;
}

/* verifyError() -> null, or [code, message] for the peer's certificate chain, in
 * OpenSSL's words (what Node reports as socket.authorizationError). */
static duk_ret_t sess_verify_error(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  uint32_t f = mbedtls_ssl_get_verify_result(&s->ssl);
  const char *code = NULL, *msg = NULL;
  f &= ~(uint32_t)MBEDTLS_X509_BADCERT_CN_MISMATCH; /* host names: Node's rules, in tls.js */
  if (f == (uint32_t)-1 || (f & MBEDTLS_X509_BADCERT_SKIP_VERIFY)) {
    code = "UNABLE_TO_GET_ISSUER_CERT"; msg = "unable to get issuer certificate";
  } else if (f == 0) {
    duk_push_null(ctx);
    return 1;
  } else if (f & MBEDTLS_X509_BADCERT_MISSING) {
    code = "UNABLE_TO_GET_ISSUER_CERT"; msg = "unable to get issuer certificate";
  } else if (f & MBEDTLS_X509_BADCERT_EXPIRED) {
    /* With every error reported, OpenSSL's last one (dates) is what Node shows. */
    code = "CERT_HAS_EXPIRED"; msg = "certificate has expired";
  } else if (f & MBEDTLS_X509_BADCERT_FUTURE) {
    code = "CERT_NOT_YET_VALID"; msg = "certificate is not yet valid";
  } else if (f & MBEDTLS_X509_BADCERT_REVOKED) {
    code = "CERT_REVOKED"; msg = "certificate revoked";
  } else if (f & MBEDTLS_X509_BADCERT_NOT_TRUSTED) {
    if (s->top_self) {
      if (s->top_depth <= 0) { code = "DEPTH_ZERO_SELF_SIGNED_CERT"; msg = "self-signed certificate"; }
      else { code = "SELF_SIGNED_CERT_IN_CHAIN"; msg = "self-signed certificate in certificate chain"; }
    } else if (s->top_depth <= 0) {
      code = "UNABLE_TO_VERIFY_LEAF_SIGNATURE"; msg = "unable to verify the first certificate";
    } else {
      code = "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"; msg = "unable to get local issuer certificate";
    }
  } else if (f & (MBEDTLS_X509_BADCERT_KEY_USAGE | MBEDTLS_X509_BADCERT_EXT_KEY_USAGE | MBEDTLS_X509_BADCERT_NS_CERT_TYPE)) {
    code = "INVALID_PURPOSE"; msg = "unsupported certificate purpose";
  } else if (f & MBEDTLS_X509_BADCERT_BAD_MD) {
    code = "CA_MD_TOO_WEAK"; msg = "CA signature digest algorithm too weak";
  } else if (f & MBEDTLS_X509_BADCERT_BAD_KEY) {
    code = "EE_KEY_TOO_SMALL"; msg = "EE certificate key too weak";
  } else if (f & MBEDTLS_X509_BADCERT_BAD_PK) {
    code = "CERT_SIGNATURE_FAILURE"; msg = "certificate signature failure";
  } else {
    code = "UNSPECIFIED"; msg = "unspecified certificate verification error";
  }
  duk_push_array(ctx);
  duk_push_string(ctx, code);
  duk_put_prop_index(ctx, -2, 0);
  duk_push_string(ctx, msg);
  duk_put_prop_index(ctx, -2, 1);
  duk_push_number(ctx, (double)f);
  duk_put_prop_index(ctx, -2, 2);
  return 1;
}

/* ---- certificates as Node shows them (getPeerCertificate) ---------------- */
static void push_hex(duk_context *ctx, const unsigned char *p, size_t n, int colons)
{
  static const char hx[] = "0123456789ABCDEF";
  char *out = malloc(n * 3 + 1);
  size_t k = 0;
  if (!out) { duk_push_string(ctx, ""); return; }
  for (size_t i = 0; i < n; i++) {
    if (colons && i) out[k++] = ':';
    out[k++] = hx[p[i] >> 4];
    out[k++] = hx[p[i] & 15];
  }
  duk_push_lstring(ctx, out, k);
  free(out);
}

static void push_dn(duk_context *ctx, const mbedtls_x509_name *name)
{
  duk_push_bare_object(ctx);
  for (; name; name = name->next) {
    const char *key = NULL;
    char oidbuf[64];
    if (!name->oid.p) continue;
    if (mbedtls_oid_get_attr_short_name(&name->oid, &key) != 0) {
      if (mbedtls_oid_get_numeric_string(oidbuf, sizeof oidbuf, &name->oid) < 0) continue;
      key = oidbuf;
    }
    duk_push_lstring(ctx, (const char *)name->val.p, name->val.len);
    /* A repeated attribute (two OUs) becomes an array, as in Node. */
    if (duk_get_prop_string(ctx, -2, key)) {
      if (!duk_is_array(ctx, -1)) {
        duk_push_array(ctx);
        duk_swap_top(ctx, -2);
        duk_put_prop_index(ctx, -2, 0);
      }
      duk_swap_top(ctx, -2);
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)duk_get_length(ctx, -2));
    } else {
      duk_pop(ctx);
    }
    duk_put_prop_string(ctx, -2, key);
  }
}

static void push_time(duk_context *ctx, const mbedtls_x509_time *t)
{
  static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  int m = t->mon >= 1 && t->mon <= 12 ? t->mon - 1 : 0;
  duk_push_sprintf(ctx, "%s %2d %02d:%02d:%02d %d GMT", mon[m], t->day, t->hour, t->min, t->sec, t->year);
}

/* A SAN value, quoted JSON-style when it holds characters that would make the
 * comma-separated list ambiguous (Node does the same since CVE-2021-44532). */
static void san_append(char **buf, size_t *len, size_t *cap, const char *prefix, const unsigned char *v, size_t n)
{
  int quote = 0;
  for (size_t i = 0; i < n; i++)
    if (v[i] == '"' || v[i] == '\\' || v[i] == ',' || v[i] == '\'' || v[i] < 0x20 || v[i] >= 0x7f) quote = 1;
  size_t need = *len + strlen(prefix) + n * 6 + 8;
  if (need > *cap) {
    size_t c = *cap ? *cap : 128;
    while (c < need) c *= 2;
    char *nb = realloc(*buf, c);
    if (!nb) return;
    *buf = nb;
    *cap = c;
  }
  char *o = *buf + *len;
  if (*len) { *o++ = ','; *o++ = ' '; }
  o += sprintf(o, "%s", prefix);
  if (quote) *o++ = '"';
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = v[i];
    if (quote && (ch == '"' || ch == '\\')) { *o++ = '\\'; *o++ = (char)ch; }
    else if (quote && (ch < 0x20 || ch >= 0x7f)) o += sprintf(o, "\\u%04x", ch);
    else *o++ = (char)ch;
  }
  if (quote) *o++ = '"';
  *len = (size_t)(o - *buf);
}

static void push_san(duk_context *ctx, const mbedtls_x509_crt *crt)
{
  char *buf = NULL;
  size_t len = 0, cap = 0;
  for (const mbedtls_x509_sequence *cur = &crt->subject_alt_names; cur; cur = cur->next) {
    const mbedtls_x509_buf *b = &cur->buf;
    if (!b->p) continue;
    switch (b->tag & MBEDTLS_ASN1_TAG_VALUE_MASK) {
    case 1: san_append(&buf, &len, &cap, "email:", b->p, b->len); break;
    case 2: san_append(&buf, &len, &cap, "DNS:", b->p, b->len); break;
    case 6: san_append(&buf, &len, &cap, "URI:", b->p, b->len); break;
    case 7: {
      char ip[64];
      size_t k = 0;
      if (b->len == 4) {
        k = (size_t)snprintf(ip, sizeof ip, "%u.%u.%u.%u", b->p[0], b->p[1], b->p[2], b->p[3]);
      } else if (b->len == 16) {
        for (int j = 0; j < 8; j++)
          k += (size_t)snprintf(ip + k, sizeof ip - k, j ? ":%X" : "%X", (b->p[2 * j] << 8) | b->p[2 * j + 1]);
      } else {
        k = (size_t)snprintf(ip, sizeof ip, "<invalid>");
      }
      san_append(&buf, &len, &cap, "IP Address:", (const unsigned char *)ip, k);
      break;
    }
    case 0: san_append(&buf, &len, &cap, "othername:", (const unsigned char *)"<unsupported>", 13); break;
    default: break;
    }
  }
  if (len) duk_push_lstring(ctx, buf, len);
  else duk_push_undefined(ctx);
  free(buf);
}

static void push_cert(duk_context *ctx, const mbedtls_x509_crt *crt)
{
  unsigned char md[64];
  duk_push_object(ctx);
  push_dn(ctx, &crt->subject);
  duk_put_prop_string(ctx, -2, "subject");
  push_dn(ctx, &crt->issuer);
  duk_put_prop_string(ctx, -2, "issuer");
  push_san(ctx, crt);
  if (duk_is_undefined(ctx, -1)) duk_pop(ctx);
  else duk_put_prop_string(ctx, -2, "subjectaltname");
  duk_push_boolean(ctx, crt->ca_istrue);
  duk_put_prop_string(ctx, -2, "ca");
  duk_push_int(ctx, (int)mbedtls_pk_get_bitlen(&crt->pk));
  duk_put_prop_string(ctx, -2, "bits");
#if defined(MBEDTLS_RSA_C)
  if (mbedtls_pk_get_type(&crt->pk) == MBEDTLS_PK_RSA) {
    const mbedtls_rsa_context *rsa = mbedtls_pk_rsa(crt->pk);
    char hex[1100];
    size_t olen;
    if (mbedtls_mpi_write_string(&rsa->E, 16, hex, sizeof hex, &olen) == 0) {
      char *h = hex;
      while (h[0] == '0' && h[1]) h++;
      /* Node prints the exponent in lower case, the modulus in upper case.
       * (Lower-cased here: a pushed Duktape string is interned, never mutable.) */
      for (char *q = h; *q; q++) if (*q >= 'A' && *q <= 'F') *q = (char)(*q + 32);
      duk_push_sprintf(ctx, "0x%s", h);
      duk_put_prop_string(ctx, -2, "exponent");
    }
    if (mbedtls_mpi_write_string(&rsa->N, 16, hex, sizeof hex, &olen) == 0) {
      duk_push_string(ctx, hex);
      duk_put_prop_string(ctx, -2, "modulus");
    }
  }
#endif
#if defined(MBEDTLS_ECP_C)
  if (mbedtls_pk_get_type(&crt->pk) == MBEDTLS_PK_ECKEY || mbedtls_pk_get_type(&crt->pk) == MBEDTLS_PK_ECDSA) {
    static const struct { mbedtls_ecp_group_id id; const char *asn1, *nist; } curves[] = {
      { MBEDTLS_ECP_DP_SECP256R1, "prime256v1", "P-256" },
      { MBEDTLS_ECP_DP_SECP384R1, "secp384r1", "P-384" },
      { MBEDTLS_ECP_DP_SECP521R1, "secp521r1", "P-521" },
    };
    mbedtls_ecp_group_id gid = mbedtls_pk_ec(crt->pk)->grp.id;
    for (size_t i = 0; i < sizeof curves / sizeof curves[0]; i++) {
      if (curves[i].id != gid) continue;
      duk_push_string(ctx, curves[i].asn1);
      duk_put_prop_string(ctx, -2, "asn1Curve");
      duk_push_string(ctx, curves[i].nist);
      duk_put_prop_string(ctx, -2, "nistCurve");
    }
  }
#endif
#if defined(MBEDTLS_PK_WRITE_C)
  {
    /* pubkey: the SubjectPublicKeyInfo, DER (mbedTLS writes it at the buffer's end). */
    unsigned char *der = malloc(2048);
    int n = der ? mbedtls_pk_write_pubkey_der((mbedtls_pk_context *)&crt->pk, der, 2048) : -1;
    if (n > 0) {
      uint8_t *p = duk_push_fixed_buffer(ctx, (duk_size_t)n);
      memcpy(p, der + 2048 - n, (size_t)n);
      petrel_push_buffer_object(ctx, -1, (size_t)n);
      duk_remove(ctx, -2);
      duk_put_prop_string(ctx, -2, "pubkey");
    }
    free(der);
  }
#endif
  push_time(ctx, &crt->valid_from);
  duk_put_prop_string(ctx, -2, "valid_from");
  push_time(ctx, &crt->valid_to);
  duk_put_prop_string(ctx, -2, "valid_to");
#if defined(MBEDTLS_SHA1_C)
  if (mbedtls_sha1_ret(crt->raw.p, crt->raw.len, md) == 0) {
    push_hex(ctx, md, 20, 1);
    duk_put_prop_string(ctx, -2, "fingerprint");
  }
#endif
  if (mbedtls_sha256_ret(crt->raw.p, crt->raw.len, md, 0) == 0) {
    push_hex(ctx, md, 32, 1);
    duk_put_prop_string(ctx, -2, "fingerprint256");
  }
#if defined(MBEDTLS_SHA512_C)
  if (mbedtls_sha512_ret(crt->raw.p, crt->raw.len, md, 0) == 0) {
    push_hex(ctx, md, 64, 1);
    duk_put_prop_string(ctx, -2, "fingerprint512");
  }
#endif
  if (crt->ext_types & MBEDTLS_X509_EXT_EXTENDED_KEY_USAGE) {
    duk_push_array(ctx);
    duk_uarridx_t i = 0;
    for (const mbedtls_x509_sequence *cur = &crt->ext_key_usage; cur && cur->buf.p; cur = cur->next) {
      char oid[64];
      if (mbedtls_oid_get_numeric_string(oid, sizeof oid, &cur->buf) < 0) continue;
      duk_push_string(ctx, oid);
      duk_put_prop_index(ctx, -2, i++);
    }
    duk_put_prop_string(ctx, -2, "ext_key_usage");
  }
  {
    const unsigned char *sp = crt->serial.p;
    size_t sn = crt->serial.len;
    while (sn > 1 && sp[0] == 0) { sp++; sn--; }
    push_hex(ctx, sp, sn, 0);
    duk_put_prop_string(ctx, -2, "serialNumber");
  }
  {
    uint8_t *raw = duk_push_fixed_buffer(ctx, crt->raw.len);
    memcpy(raw, crt->raw.p, crt->raw.len);
    petrel_push_buffer_object(ctx, -1, crt->raw.len);
    duk_remove(ctx, -2);
    duk_put_prop_string(ctx, -2, "raw");
  }
}

static const mbedtls_x509_crt *find_issuer(const mbedtls_x509_crt *chain, const mbedtls_x509_crt *child)
{
  for (const mbedtls_x509_crt *c = chain; c && c->raw.p; c = c->next)
    if (c->subject_raw.len == child->issuer_raw.len &&
        memcmp(c->subject_raw.p, child->issuer_raw.p, c->subject_raw.len) == 0) return c;
  return NULL;
}

/* peerChain() -> [] or [leaf, issuer, ...]: the chain the peer sent, completed with
 * the trusted root that issued its top certificate when we know it. */
static duk_ret_t sess_peer_chain(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  const mbedtls_x509_crt *crt = mbedtls_ssl_get_peer_cert(&s->ssl);
  duk_uarridx_t i = 0;
  duk_push_array(ctx);
  const mbedtls_x509_crt *last = NULL;
  for (; crt && crt->raw.p && i < 10; crt = crt->next) {
    push_cert(ctx, crt);
    duk_put_prop_index(ctx, -2, i++);
    last = crt;
  }
  if (last && !(last->subject_raw.len == last->issuer_raw.len &&
                memcmp(last->subject_raw.p, last->issuer_raw.p, last->issuer_raw.len) == 0)) {
    const mbedtls_x509_crt *ca = s->conf->use_sysca ? &g_sysca : s->conf->has_ca ? &s->conf->ca : NULL;
    const mbedtls_x509_crt *root = ca ? find_issuer(ca, last) : NULL;
    if (root) {
      push_cert(ctx, root);
      duk_put_prop_index(ctx, -2, i++);
    }
  }
  return 1;
}

/* ownCert() -> the certificate this side presents, or null */
static duk_ret_t sess_own_cert(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (!s->conf->has_own) {
    duk_push_null(ctx);
    return 1;
  }
  push_cert(ctx, &s->conf->own);
  return 1;
}

static duk_ret_t sess_protocol(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (!s->handshake_done) duk_push_null(ctx);
  else duk_push_string(ctx, mbedtls_ssl_get_version(&s->ssl));
  return 1;
}

static duk_ret_t sess_cipher(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (!s->handshake_done) duk_push_null(ctx);
  else duk_push_string(ctx, mbedtls_ssl_get_ciphersuite(&s->ssl));
  return 1;
}

static duk_ret_t sess_alpn(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  const char *p = NULL;
#if defined(MBEDTLS_SSL_ALPN)
  p = mbedtls_ssl_get_alpn_protocol(&s->ssl);
#endif
  if (p) duk_push_string(ctx, p);
  else duk_push_null(ctx);
  return 1;
}

static duk_ret_t sess_servername(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (s->servername) duk_push_string(ctx, s->servername);
  else duk_push_null(ctx);
  return 1;
}

/* pending() -> [ciphertext bytes queued in, plaintext bytes decrypted but unread, output queued] */
static duk_ret_t sess_pending(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  duk_push_array(ctx);
  duk_push_number(ctx, (double)(s->in_len - s->in_off));
  duk_put_prop_index(ctx, -2, 0);
  duk_push_number(ctx, (double)mbedtls_ssl_get_bytes_avail(&s->ssl));
  duk_put_prop_index(ctx, -2, 1);
  duk_push_number(ctx, (double)s->out_len);
  duk_put_prop_index(ctx, -2, 2);
  return 1;
}

static const duk_function_list_entry sess_methods[] = {
  { "feed", sess_feed, 1 },
  { "handshake", sess_handshake, 0 },
  { "read", sess_read, 0 },
  { "write", sess_write, 2 },
  { "pull", sess_pull, 0 },
  { "shutdown", sess_shutdown, 0 },
  { "destroy", sess_destroy, 0 },
  { "error", sess_error, 1 },
  { "verifyError", sess_verify_error, 0 },
  { "peerChain", sess_peer_chain, 0 },
  { "ownCert", sess_own_cert, 0 },
  { "protocol", sess_protocol, 0 },
  { "cipher", sess_cipher, 0 },
  { "alpn", sess_alpn, 0 },
  { "servername", sess_servername, 0 },
  { "pending", sess_pending, 0 },
  { NULL, NULL, 0 }
};

/* ---- module functions ----------------------------------------------------- */
/* canonicalIP(text) -> RFC 5952 / dotted form, or null */
static duk_ret_t tls_canonical_ip(duk_context *ctx)
{
  plat_addr a;
  char buf[64];
  if (!duk_is_string(ctx, 0) || plat_addr_parse(duk_get_string(ctx, 0), &a) != 0) {
    duk_push_null(ctx);
    return 1;
  }
  a.scope_id = 0;
  plat_addr_format(&a, buf, sizeof buf);
  duk_push_string(ctx, buf);
  return 1;
}

/* ciphers() -> the suites this build would offer, mbedTLS names, in order */
static duk_ret_t tls_ciphers(duk_context *ctx)
{
  duk_push_array(ctx);
  duk_uarridx_t k = 0;
  for (size_t i = 0; default_suites[i]; i++) {
    if (mbedtls_ssl_get_ciphersuite_id(default_suites[i]) == 0) continue;
    duk_push_string(ctx, default_suites[i]);
    duk_put_prop_index(ctx, -2, k++);
  }
  return 1;
}

/* parseCert(pem | der) -> the certificate object getPeerCertificate() would show */
static duk_ret_t tls_parse_cert(duk_context *ctx)
{
  size_t len;
  unsigned char *z = arg_bytes(ctx, 0, &len);
  mbedtls_x509_crt crt;
  mbedtls_x509_crt_init(&crt);
  int ret = mbedtls_x509_crt_parse(&crt, z, len);
  free(z);
  if (ret != 0) {
    mbedtls_x509_crt_free(&crt);
    return throw_setup_error(ctx, "ERR_OSSL_X509_BAD_CERTIFICATE", "TLS: cannot parse the certificate", ret);
  }
  push_cert(ctx, &crt);
  mbedtls_x509_crt_free(&crt);
  return 1;
}

duk_ret_t petrel_binding_tls(duk_context *ctx)
{
  duk_push_object(ctx);

  duk_push_c_function(ctx, conf_ctor, 1);
  duk_push_object(ctx);
  duk_put_function_list(ctx, -1, conf_methods);
  duk_put_prop_string(ctx, -2, "prototype");
  duk_put_prop_string(ctx, -2, "Context");

  duk_push_c_function(ctx, sess_ctor, 2);
  duk_push_object(ctx);
  duk_put_function_list(ctx, -1, sess_methods);
  duk_put_prop_string(ctx, -2, "prototype");
  duk_put_prop_string(ctx, -2, "Session");

  duk_push_c_function(ctx, tls_canonical_ip, 1);
  duk_put_prop_string(ctx, -2, "canonicalIP");
  duk_push_c_function(ctx, tls_ciphers, 0);
  duk_put_prop_string(ctx, -2, "ciphers");
  duk_push_c_function(ctx, tls_parse_cert, 1);
  duk_put_prop_string(ctx, -2, "parseCert");

  duk_push_string(ctx, "mbedTLS " MBEDTLS_VERSION_STRING);
  duk_put_prop_string(ctx, -2, "engine");
  /* The TLS versions this build can speak, as "minor" numbers (3 = TLS 1.2). */
  duk_push_int(ctx, MBEDTLS_SSL_MINOR_VERSION_3);
  duk_put_prop_string(ctx, -2, "maxMinor");
  duk_push_int(ctx, MBEDTLS_SSL_MAX_CONTENT_LEN);
  duk_put_prop_string(ctx, -2, "maxContentLen");
  return 1;
}
