/*
 * Context (process.binding('tls').Context): an mbedtls_ssl_config plus what it
 * points at: trusted CA chain, own certificate chain + key, ALPN list, version
 * range, verification mode, cipher suites, and for a server the contexts to
 * switch to by SNI. Shared by every session made from it (reference counted,
 * so a context outlives the JS object while sessions use it).
 */
#include <stdlib.h>
#include <string.h>
#include "tls_internal.h"
#include "mbedtls/platform_util.h"

#define CONF_KEY DUK_HIDDEN_SYMBOL("tlsconf")

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
  if (c->tickets) {
    mbedtls_ssl_ticket_free(c->tickets);
    free(c->tickets);
  }
  while (c->sni) {
    sni_entry *e = c->sni;
    c->sni = e->next;
    tls_conf_unref(e->conf);
    free(e->name);
    free(e);
  }
  free(c);
}

void tls_conf_unref(tls_conf *c)
{
  if (c && --c->refs == 0) conf_free(c);
}

/* The suites Petrel offers, in preference order: TLS 1.3's in OpenSSL's default order
 * (what node offers), then what Node's default list keeps for TLS 1.2 (forward-secret
 * AEAD first). Suites a build lacks are skipped. */
const char *const tls_default_suites[] = { "TLS1-3-AES-256-GCM-SHA384",
                                           "TLS1-3-CHACHA20-POLY1305-SHA256",
                                           "TLS1-3-AES-128-GCM-SHA256",
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
                                           NULL };

static int is_tls13_suite(const mbedtls_ssl_ciphersuite_t *info)
{
  return info->min_tls_version >= MBEDTLS_SSL_VERSION_TLS1_3;
}

/* The suite IDs of names (mbedTLS names; unknown ones skipped), 0-terminated. As with
 * Node's `ciphers`, a list naming no TLS 1.3 suite leaves TLS 1.3's default ones in
 * place (after the others), so that 1.3 still has suites. *given counts the names that
 * matched. */
static int *suites_from_names(const char *const *names, size_t n, int *given)
{
  size_t n13 = sizeof tls_default_suites / sizeof tls_default_suites[0];
  int *ids = calloc(n + n13 + 1, sizeof *ids);
  size_t k = 0;
  int has13 = 0;
  if (!ids) return NULL;
  for (size_t i = 0; i < n; i++) {
    int id = mbedtls_ssl_get_ciphersuite_id(names[i]);
    if (id == 0) continue;
    const mbedtls_ssl_ciphersuite_t *info = mbedtls_ssl_ciphersuite_from_id(id);
    if (!info || info->max_tls_version < MBEDTLS_SSL_VERSION_TLS1_2) continue;
    if (is_tls13_suite(info)) has13 = 1;
    ids[k++] = id;
  }
  if (given) *given = (int)k;
  for (size_t i = 0; !has13 && k > 0 && tls_default_suites[i]; i++) {
    int id = mbedtls_ssl_get_ciphersuite_id(tls_default_suites[i]);
    const mbedtls_ssl_ciphersuite_t *info = id ? mbedtls_ssl_ciphersuite_from_id(id) : NULL;
    if (info && is_tls13_suite(info)) ids[k++] = id;
  }
  ids[k] = 0;
  return ids;
}

#if defined(MBEDTLS_SSL_SERVER_NAME_INDICATION)
/* pattern (lower case, maybe "*." + domain) against name (lower case, len bytes). */
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

/* Server: the client's SNI picks a context added with addSNIContext. The BIO
 * context of a session is its tls_sess (tls_session.c). */
static int sni_callback(void *p, mbedtls_ssl_context *ssl, const unsigned char *name, size_t len)
{
  tls_conf *c = p;
  tls_sess *s = mbedtls_ssl_get_user_data_p(ssl);
  char lower[256];
  if (len == 0 || len >= sizeof lower) return 0;
  for (size_t i = 0; i < len; i++) {
    char ch = (char)name[i];
    lower[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
  }
  lower[len] = 0;
  if (s && !s->servername && (s->servername = malloc(len + 1))) memcpy(s->servername, lower, len + 1);
  /* SNICallback chose before the ClientHello reached mbedTLS (tls.js); else addContext's list. */
  tls_conf *use = s ? s->sni_conf : NULL;
  for (sni_entry *e = c->sni; e && !use; e = e->next)
    if (name_matches(e->name, lower, len)) use = e->conf;
  if (!use) return 0; /* an unknown name gets the default certificate, as with Node */
  if (use->has_own) {
    int ret = mbedtls_ssl_set_hs_own_cert(ssl, &use->own, &use->key);
    if (ret != 0) return ret;
  }
  if (use->has_ca) mbedtls_ssl_set_hs_ca_chain(ssl, &use->ca, NULL);
  return 0;
}
#endif

tls_conf *tls_get_conf(duk_context *ctx, duk_idx_t idx)
{
  duk_get_prop_literal(ctx, idx, CONF_KEY);
  tls_conf *c = duk_get_pointer(ctx, -1);
  duk_pop(ctx);
  if (!c) (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a TLS context");
  return c;
}

static tls_conf *this_conf(duk_context *ctx)
{
  duk_push_this(ctx);
  tls_conf *c = tls_get_conf(ctx, -1);
  duk_pop(ctx);
  return c;
}

static duk_ret_t conf_finalizer(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 0, CONF_KEY);
  tls_conf *c = duk_get_pointer(ctx, -1);
  if (c) {
    duk_push_pointer(ctx, NULL);
    duk_put_prop_literal(ctx, 0, CONF_KEY);
    tls_conf_unref(c);
  }
  return 0;
}

/* new Context(isServer) */
duk_ret_t tls_conf_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx)) return DUK_RET_TYPE_ERROR;
  int server = duk_to_boolean(ctx, 0);
  int ret = tls_rng_ready();
  if (ret != 0)
    return tls_throw_setup_error(ctx, "ERR_TLS_NO_ENTROPY",
                                 "TLS: no strong entropy source (a board needs plat_random(), see docs/tls.md)", ret);
  tls_conf *c = calloc(1, sizeof *c);
  if (!c) return tls_throw_oom(ctx);
  c->refs = 1;
  c->server = server;
  mbedtls_ssl_config_init(&c->conf);
  mbedtls_x509_crt_init(&c->ca);
  mbedtls_x509_crt_init(&c->own);
  mbedtls_pk_init(&c->key);
  ret = mbedtls_ssl_config_defaults(&c->conf, server ? MBEDTLS_SSL_IS_SERVER : MBEDTLS_SSL_IS_CLIENT,
                                    MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
  size_t n = sizeof tls_default_suites / sizeof tls_default_suites[0] - 1;
  if (ret == 0 && !(c->suites = suites_from_names(tls_default_suites, n, NULL))) ret = MBEDTLS_ERR_SSL_ALLOC_FAILED;
  if (ret != 0) {
    conf_free(c);
    return tls_throw_setup_error(ctx, "ERR_TLS_CONTEXT", "TLS: cannot set up a context", ret);
  }
  mbedtls_ssl_conf_rng(&c->conf, mbedtls_ctr_drbg_random, &tls_drbg);
  /* Fast curves first (mbedTLS's own order starts with P-521). */
  static const uint16_t groups[] = {
#if defined(MBEDTLS_ECP_DP_CURVE25519_ENABLED)
    MBEDTLS_SSL_IANA_TLS_GROUP_X25519,
#endif
    MBEDTLS_SSL_IANA_TLS_GROUP_SECP256R1,
#if defined(MBEDTLS_ECP_DP_SECP384R1_ENABLED)
    MBEDTLS_SSL_IANA_TLS_GROUP_SECP384R1,
#endif
#if defined(MBEDTLS_ECP_DP_SECP521R1_ENABLED)
    MBEDTLS_SSL_IANA_TLS_GROUP_SECP521R1,
#endif
    MBEDTLS_SSL_IANA_TLS_GROUP_NONE
  };
  mbedtls_ssl_conf_groups(&c->conf, groups);
  /* Signature algorithms, RSA PKCS#1 v1.5 before RSA-PSS: mbedTLS 3.6's TLS 1.2 cannot
   * use rsa_pss_rsae_* (only TLS 1.3 can), and a TLS 1.2 server such as OpenSSL picks
   * the first one of the client's list it can use; TLS 1.3 skips PKCS#1 v1.5 itself. */
  static const uint16_t sig_algs[] = {
    MBEDTLS_TLS1_3_SIG_ECDSA_SECP256R1_SHA256, MBEDTLS_TLS1_3_SIG_ECDSA_SECP384R1_SHA384,
    MBEDTLS_TLS1_3_SIG_ECDSA_SECP521R1_SHA512, MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA256,
    MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA384,       MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA512,
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
    MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA256,    MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA384,
    MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA512,
#endif
    MBEDTLS_TLS1_3_SIG_NONE
  };
  mbedtls_ssl_conf_sig_algs(&c->conf, sig_algs);
  mbedtls_ssl_conf_min_tls_version(&c->conf, MBEDTLS_SSL_VERSION_TLS1_2);
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
  mbedtls_ssl_conf_max_tls_version(&c->conf, MBEDTLS_SSL_VERSION_TLS1_3);
#else
  mbedtls_ssl_conf_max_tls_version(&c->conf, MBEDTLS_SSL_VERSION_TLS1_2);
#endif
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
  if (server) tls_cache_attach(c);
#if defined(MBEDTLS_SSL_PROTO_TLS1_3) && defined(MBEDTLS_SSL_SESSION_TICKETS)
  /* A TLS 1.3 client keeps the server's NewSessionTickets (read() says when one came:
   * the 'session' event), as Node's does; mbedTLS ignores them otherwise. */
  if (!server)
    mbedtls_ssl_conf_tls13_enable_signal_new_session_tickets(&c->conf,
                                                            MBEDTLS_SSL_TLS1_3_SIGNAL_NEW_SESSION_TICKETS_ENABLED);
#endif
  duk_push_this(ctx);
  duk_push_pointer(ctx, c);
  duk_put_prop_literal(ctx, -2, CONF_KEY);
  duk_push_c_function(ctx, conf_finalizer, 1);
  duk_set_finalizer(ctx, -2);
  return 0;
}

/* mbedTLS wants PEM with its terminating NUL counted; DER goes through as is. */
unsigned char *tls_arg_bytes(duk_context *ctx, duk_idx_t idx, size_t *len_out)
{
  const void *p;
  duk_size_t len;
  if (duk_is_string(ctx, idx))
    p = duk_get_lstring(ctx, idx, &len);
  else
    p = duk_require_buffer_data(ctx, idx, &len);
  unsigned char *z = malloc(len + 1);
  if (!z) (void)tls_throw_oom(ctx);
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
  unsigned char *z = tls_arg_bytes(ctx, 0, &len);
  if (!has_pem_marker(z, len)) {
    free(z);
    duk_push_error_object(ctx, DUK_ERR_ERROR, "error:0480006C:PEM routines::no start line");
    duk_push_literal(ctx, "ERR_OSSL_PEM_NO_START_LINE");
    duk_put_prop_literal(ctx, -2, "code");
    return duk_throw(ctx);
  }
  int ret = mbedtls_x509_crt_parse(&c->ca, z, len);
  free(z);
  if (ret < 0)
    return tls_throw_setup_error(ctx, "ERR_OSSL_X509_BAD_CERTIFICATE", "TLS: cannot parse a CA certificate", ret);
  c->has_ca = 1;
  c->use_sysca = 0;
  mbedtls_ssl_conf_ca_chain(&c->conf, &c->ca, NULL);
  return 0;
}

/* useSystemCA() -> number of roots loaded from the system bundle (0 on boards). */
static duk_ret_t conf_use_system_ca(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  tls_sysca_load();
  if (!c->has_ca && tls_sysca_count > 0) {
    c->use_sysca = 1;
    mbedtls_ssl_conf_ca_chain(&c->conf, &tls_sysca, NULL);
  }
  duk_push_int(ctx, tls_sysca_count);
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
  cert = tls_arg_bytes(ctx, 0, &clen);
  if (!has_pem_marker(cert, clen)) {
    free(cert);
    duk_push_error_object(ctx, DUK_ERR_ERROR, "error:0480006C:PEM routines::no start line");
    duk_push_literal(ctx, "ERR_OSSL_PEM_NO_START_LINE");
    duk_put_prop_literal(ctx, -2, "code");
    return duk_throw(ctx);
  }
  int ret = mbedtls_x509_crt_parse(&c->own, cert, clen);
  free(cert);
  if (ret != 0)
    return tls_throw_setup_error(ctx, "ERR_OSSL_X509_BAD_CERTIFICATE", "TLS: cannot parse the certificate", ret);
  key = tls_arg_bytes(ctx, 1, &klen);
  duk_size_t plen = 0;
  const char *pass = duk_is_string(ctx, 2) ? duk_get_lstring(ctx, 2, &plen) : NULL;
  ret = mbedtls_pk_parse_key(&c->key, key, klen, (const unsigned char *)pass, plen, mbedtls_ctr_drbg_random,
                             &tls_drbg);
  mbedtls_platform_zeroize(key, klen);
  free(key);
  if (ret == MBEDTLS_ERR_PK_PASSWORD_REQUIRED || ret == MBEDTLS_ERR_PK_PASSWORD_MISMATCH)
    return tls_throw_setup_error(ctx, "ERR_OSSL_BAD_DECRYPT", "error:1C800064:Provider routines::bad decrypt", ret);
  if (ret != 0) return tls_throw_setup_error(ctx, "ERR_OSSL_UNSUPPORTED", "TLS: cannot parse the private key", ret);
  ret = mbedtls_pk_check_pair(&c->own.pk, &c->key, mbedtls_ctr_drbg_random, &tls_drbg);
  if (ret != 0)
    return tls_throw_setup_error(ctx, "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
                                 "error:05800074:x509 certificate routines::key values mismatch", ret);
  ret = mbedtls_ssl_conf_own_cert(&c->conf, &c->own, &c->key);
  if (ret != 0) return tls_throw_setup_error(ctx, "ERR_TLS_CONTEXT", "TLS: cannot use the certificate", ret);
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
  if (!list) return tls_throw_oom(ctx);
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

/* setVersions(minMinor, maxMinor): 3 = TLS 1.2, 4 = TLS 1.3 (binding.maxMinor says
 * what this build speaks). */
static duk_ret_t conf_set_versions(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  int lo = duk_require_int(ctx, 0), hi = duk_require_int(ctx, 1);
  if (lo < 3 || hi > 4 || lo > hi) return DUK_RET_RANGE_ERROR;
  mbedtls_ssl_conf_min_tls_version(&c->conf, (mbedtls_ssl_protocol_version)(0x0300 | lo));
  mbedtls_ssl_conf_max_tls_version(&c->conf, (mbedtls_ssl_protocol_version)(0x0300 | hi));
#if defined(PETREL_TLS_CLIENT_MFL)
  /* A board's client asks for small records (max_fragment_length) only when it cannot
   * speak TLS 1.3: mbedTLS 3.6's TLS 1.3 client sends the request in its ClientHello
   * but rejects the server's answer (unsupported_extension), and has no usable
   * replacement (its record_size_limit always offers the 16 KB input buffer). */
  if (!c->server) mbedtls_ssl_conf_max_frag_len(&c->conf, hi < 4 ? PETREL_TLS_CLIENT_MFL : MBEDTLS_SSL_MAX_FRAG_LEN_NONE);
#endif
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
  if (!names) return tls_throw_oom(ctx);
  for (duk_size_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    names[i] = duk_to_string(ctx, -1); /* stays alive: the array holds the string */
    duk_pop(ctx);
  }
  int count = 0;
  int *ids = suites_from_names(names, n, &count);
  free(names);
  if (!ids) return tls_throw_oom(ctx);
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
  tls_conf *other = tls_get_conf(ctx, 1);
  sni_entry *e = calloc(1, sizeof *e);
  if (!e || !(e->name = malloc(len + 1))) {
    free(e);
    return tls_throw_oom(ctx);
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

/* Ticket keys as Node has them: 48 bytes (a 16-byte key name, then key material).
 * Here the first 4 bytes name the key and the last 32 are the AES-256-GCM key, in
 * both of mbedTLS's key slots. Servers given the same 48 bytes open each other's
 * tickets (the tickets are mbedTLS's, not OpenSSL's: a Node server cannot). */
static int apply_ticket_keys(tls_conf *c, const unsigned char *k)
{
  for (int i = 0; i < 2; i++) {
    mbedtls_ssl_ticket_key *key = &c->tickets->keys[i];
    memcpy(key->name, k, sizeof key->name);
    key->generation_time = mbedtls_time(NULL);
    int ret = mbedtls_cipher_setkey(&key->ctx, k + 16, 256, MBEDTLS_ENCRYPT);
    if (ret != 0) return ret;
  }
  memcpy(c->ticket_keys, k, 48);
  return 0;
}

/* mbedTLS replaces a key with a random one once it is older than the ticket
 * lifetime; Node keeps a server's keys until setTicketKeys(). Each use makes the
 * keys look new, so they stay what getTicketKeys() says. */
static void keep_ticket_keys(mbedtls_ssl_ticket_context *t)
{
  t->keys[0].generation_time = t->keys[1].generation_time = mbedtls_time(NULL);
}

static int ticket_write(void *t, const mbedtls_ssl_session *session, unsigned char *start, const unsigned char *end,
                        size_t *len, uint32_t *lifetime)
{
  keep_ticket_keys(t);
  return mbedtls_ssl_ticket_write(t, session, start, end, len, lifetime);
}

static int ticket_parse(void *t, mbedtls_ssl_session *session, unsigned char *buf, size_t len)
{
  keep_ticket_keys(t);
  return mbedtls_ssl_ticket_parse(t, session, buf, len);
}

/* enableTickets(lifetimeSeconds[, keys]): a server issues session tickets (RFC 5077)
 * sealed with its ticket keys: the 48 bytes given (options.ticketKeys) or random ones. */
static duk_ret_t conf_enable_tickets(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  uint32_t lifetime = (uint32_t)duk_require_uint(ctx, 0);
  duk_size_t klen = 0;
  const unsigned char *given = duk_is_undefined(ctx, 1) ? NULL : duk_require_buffer_data(ctx, 1, &klen);
  if (given && klen != 48) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "ticket keys must be 48 bytes");
  if (!c->server || c->tickets) return 0;
  unsigned char k[48];
  int ret = given ? 0 : mbedtls_ctr_drbg_random(&tls_drbg, k, sizeof k);
  mbedtls_ssl_ticket_context *t = malloc(sizeof *t);
  if (!t) return tls_throw_oom(ctx);
  mbedtls_ssl_ticket_init(t);
  if (ret == 0)
    ret = mbedtls_ssl_ticket_setup(t, mbedtls_ctr_drbg_random, &tls_drbg, MBEDTLS_CIPHER_AES_256_GCM, lifetime);
  c->tickets = t;
  if (ret == 0) ret = apply_ticket_keys(c, given ? given : k);
  mbedtls_platform_zeroize(k, sizeof k);
  if (ret != 0) {
    mbedtls_ssl_ticket_free(t);
    free(t);
    c->tickets = NULL;
    return tls_throw_setup_error(ctx, "ERR_TLS_CONTEXT", "TLS: cannot set up session tickets", ret);
  }
  mbedtls_ssl_conf_session_tickets_cb(&c->conf, ticket_write, ticket_parse, t);
  return 0;
}

/* ticketKeys() -> a copy of the 48 bytes (undefined without tickets). */
static duk_ret_t conf_ticket_keys(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  if (!c->tickets) return 0;
  memcpy(duk_push_fixed_buffer(ctx, 48), c->ticket_keys, 48);
  petrel_push_buffer_object(ctx, -1, 48);
  duk_remove(ctx, -2);
  return 1;
}

/* setTicketKeys(buffer of 48 bytes): tickets sealed with the old keys no longer open. */
static duk_ret_t conf_set_ticket_keys(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  duk_size_t len;
  const unsigned char *k = duk_require_buffer_data(ctx, 0, &len);
  if (len != 48) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "ticket keys must be 48 bytes");
  if (!c->tickets) return 0;
  int ret = apply_ticket_keys(c, k);
  if (ret != 0) return tls_throw_setup_error(ctx, "ERR_TLS_CONTEXT", "TLS: cannot set the ticket keys", ret);
  return 0;
}

/* setSessionTimeout(seconds): how long a server's sessions may be resumed by ID. */
static duk_ret_t conf_set_session_timeout(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
  c->lifetime = duk_require_uint(ctx, 0);
  return 0;
}

/* disableTickets(): a client neither asks for nor offers session tickets
 * (secureOptions SSL_OP_NO_TICKET); a server simply never calls enableTickets. */
static duk_ret_t conf_disable_tickets(duk_context *ctx)
{
  tls_conf *c = this_conf(ctx);
#if defined(MBEDTLS_SSL_SESSION_TICKETS)
  mbedtls_ssl_conf_session_tickets(&c->conf, MBEDTLS_SSL_SESSION_TICKETS_DISABLED);
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
  if (!c->server)
    mbedtls_ssl_conf_tls13_enable_signal_new_session_tickets(&c->conf,
                                                            MBEDTLS_SSL_TLS1_3_SIGNAL_NEW_SESSION_TICKETS_DISABLED);
#endif
#else
  (void)c;
#endif
  return 0;
}

const duk_function_list_entry tls_conf_methods[] = { { "addCA", conf_add_ca, 1 },
                                                     { "useSystemCA", conf_use_system_ca, 0 },
                                                     { "setCert", conf_set_cert, 3 },
                                                     { "setALPN", conf_set_alpn, 1 },
                                                     { "setVersions", conf_set_versions, 2 },
                                                     { "setVerify", conf_set_verify, 1 },
                                                     { "setCiphers", conf_set_ciphers, 1 },
                                                     { "addSNIContext", conf_add_sni, 2 },
                                                     { "enableTickets", conf_enable_tickets, 2 },
                                                     { "ticketKeys", conf_ticket_keys, 0 },
                                                     { "setTicketKeys", conf_set_ticket_keys, 1 },
                                                     { "setSessionTimeout", conf_set_session_timeout, 1 },
                                                     { "disableTickets", conf_disable_tickets, 0 },
                                                     { NULL, NULL, 0 } };
