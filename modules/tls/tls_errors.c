/*
 * mbedTLS failures as Node reports them: Errors with OpenSSL's reason codes
 * (ERR_SSL_*), for the data path (Session.error) and for setting up contexts.
 */
#include <stdio.h>
#include <string.h>
#include "tls_internal.h"

#if defined(MBEDTLS_ERROR_C)
#include "mbedtls/error.h"
#endif
#include "mbedtls/asn1.h"
#include "mbedtls/bignum.h"
#include "mbedtls/cipher.h"
#include "mbedtls/md.h"
#include "mbedtls/pem.h"
#include "psa/crypto.h"
#if defined(MBEDTLS_RSA_C)
#include "mbedtls/rsa.h"
#endif
#if defined(MBEDTLS_ECP_C)
#include "mbedtls/ecp.h"
#endif

typedef struct {
  int value;
  const char *code;
  const char *reason;
} code_entry;

/* mbedTLS failures -> OpenSSL's reason codes, which is what Node reports. */
static const code_entry engine_errors[] = {
  { MBEDTLS_ERR_SSL_INVALID_RECORD, "ERR_SSL_WRONG_VERSION_NUMBER", "wrong version number" },
  { MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION, "ERR_SSL_UNSUPPORTED_PROTOCOL", "unsupported protocol" },
  { MBEDTLS_ERR_SSL_INVALID_MAC, "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC", "decryption failed or bad record mac" },
  { MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE, "ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE",
    "peer did not return a certificate" },
  { MBEDTLS_ERR_X509_CERT_VERIFY_FAILED, "ERR_SSL_CERTIFICATE_VERIFY_FAILED", "certificate verify failed" },
  { MBEDTLS_ERR_SSL_BAD_CERTIFICATE, "ERR_SSL_BAD_CERTIFICATE", "bad certificate" },
  { MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE, "ERR_SSL_UNEXPECTED_MESSAGE", "unexpected message" },
  { MBEDTLS_ERR_SSL_UNEXPECTED_RECORD, "ERR_SSL_UNEXPECTED_RECORD", "unexpected record" },
  { MBEDTLS_ERR_SSL_UNSUPPORTED_EXTENSION, "ERR_SSL_UNSUPPORTED_EXTENSION", "unsupported extension" },
  { MBEDTLS_ERR_SSL_UNRECOGNIZED_NAME, "ERR_SSL_TLSV1_UNRECOGNIZED_NAME", "tlsv1 unrecognized name" },
  { MBEDTLS_ERR_SSL_PK_TYPE_MISMATCH, "ERR_SSL_WRONG_CERTIFICATE_TYPE", "wrong certificate type" },
  { MBEDTLS_ERR_SSL_CA_CHAIN_REQUIRED, "ERR_SSL_NO_CA_CHAIN", "no trusted CA chain" },
  { MBEDTLS_ERR_SSL_PRIVATE_KEY_REQUIRED, "ERR_SSL_NO_PRIVATE_KEY", "no private key assigned" },
  { MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL, "ERR_SSL_RECORD_OVERFLOW", "record overflow" },
  { MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY, "ERR_SSL_CLOSE_NOTIFY", "peer closed the TLS session" },
  { MBEDTLS_ERR_SSL_CONN_EOF, "ERR_SSL_UNEXPECTED_EOF_WHILE_READING", "unexpected eof while reading" },
  { MBEDTLS_ERR_SSL_NO_APPLICATION_PROTOCOL, "ERR_SSL_NO_APPLICATION_PROTOCOL", "no application protocol" },
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

/* mbedTLS 3 reports a malformed or unacceptable handshake message by the alert it
 * sends (decode error, illegal parameter, handshake failure), not by the message as
 * 2.x did; OpenSSL's reason names the message. The handshake state at the failure
 * says which message it was. */
/* Whether the ClientHello message at p (len bytes, from its handshake header) has a
 * supported_versions extension (RFC 8446 4.2.1) naming none of the versions context c
 * allows, e.g. a TLS 1.3-only client and maxVersion 'TLSv1.2'. mbedTLS then finds no
 * common suite (and alerts handshake_failure); OpenSSL, and so Node, call it an
 * unsupported protocol and alert protocol_version. */
int tls_hello_lacks_versions(const tls_conf *c, const unsigned char *p, size_t len)
{
  const unsigned char *end;
  size_t n;
  if (!p || len < 4 || p[0] != MBEDTLS_SSL_HS_CLIENT_HELLO) return 0;
  end = p + len;
  p += 4 + 2 + 32; /* header, legacy_version, random */
  if (p + 1 > end || p + 1 + p[0] > end) return 0;
  p += 1 + p[0]; /* legacy_session_id */
  if (p + 2 > end) return 0;
  n = (size_t)p[0] << 8 | p[1];
  if (p + 2 + n > end) return 0;
  p += 2 + n; /* cipher_suites */
  if (p + 1 > end || p + 1 + p[0] > end) return 0;
  p += 1 + p[0]; /* legacy_compression_methods */
  if (p + 2 > end) return 0;
  p += 2;
  while (p + 4 <= end) {
    unsigned type = (unsigned)p[0] << 8 | p[1];
    n = (size_t)p[2] << 8 | p[3];
    p += 4;
    if (p + n > end) return 0;
    if (type == 43 && n >= 1 && (size_t)p[0] + 1 <= n) {
      for (size_t i = 1; i + 1 < (size_t)p[0] + 1; i += 2) {
        unsigned v = (unsigned)p[i] << 8 | p[i + 1];
        if (v >= c->conf.min_tls_version && v <= c->conf.max_tls_version) return 0;
      }
      return 1;
    }
    p += n;
  }
  return 0;
}

static const code_entry *handshake_step_error(const tls_sess *s, int ret)
{
  static const code_entry bad_msg[] = {
    { MBEDTLS_SSL_CLIENT_HELLO, "ERR_SSL_BAD_CLIENT_HELLO", "bad client hello" },
    { MBEDTLS_SSL_SERVER_HELLO, "ERR_SSL_BAD_SERVER_HELLO", "bad server hello" },
    { MBEDTLS_SSL_SERVER_CERTIFICATE, "ERR_SSL_BAD_CERTIFICATE", "bad certificate" },
    { MBEDTLS_SSL_CLIENT_CERTIFICATE, "ERR_SSL_BAD_CERTIFICATE", "bad certificate" },
    { MBEDTLS_SSL_SERVER_KEY_EXCHANGE, "ERR_SSL_BAD_SERVER_KEY_EXCHANGE", "bad server key exchange" },
    { MBEDTLS_SSL_CLIENT_KEY_EXCHANGE, "ERR_SSL_BAD_CLIENT_KEY_EXCHANGE", "bad client key exchange" },
    { MBEDTLS_SSL_CERTIFICATE_VERIFY, "ERR_SSL_BAD_SIGNATURE", "bad signature" },
    { MBEDTLS_SSL_SERVER_FINISHED, "ERR_SSL_DIGEST_CHECK_FAILED", "digest check failed" },
    { MBEDTLS_SSL_CLIENT_FINISHED, "ERR_SSL_DIGEST_CHECK_FAILED", "digest check failed" },
    { 0, NULL, NULL }
  };
  static const code_entry no_shared = { 0, "ERR_SSL_NO_SHARED_CIPHER", "no shared cipher" };
  static const code_entry failure = { 0, "ERR_SSL_HANDSHAKE_FAILURE", "handshake failure" };
  static const code_entry version = { 0, "ERR_SSL_UNSUPPORTED_PROTOCOL", "unsupported protocol" };
  int state = s->ssl.state;
  if (s->conf->server && state == MBEDTLS_SSL_CLIENT_HELLO && tls_hello_lacks_versions(s->conf, s->ssl.in_msg, s->ssl.in_hslen))
    return &version;
  if (ret == MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE)
    return s->conf->server && state == MBEDTLS_SSL_CLIENT_HELLO ? &no_shared : &failure;
  for (const code_entry *e = bad_msg; e->code; e++)
    if (e->value == state) return e;
  return NULL;
}

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
  duk_put_prop_literal(ctx, -2, "code");
  duk_push_literal(ctx, "SSL routines");
  duk_put_prop_literal(ctx, -2, "library");
  duk_push_string(ctx, reason);
  duk_put_prop_literal(ctx, -2, "reason");
  duk_push_int(ctx, ret);
  duk_put_prop_literal(ctx, -2, "mbedtlsError");
}

/* Whether read() failed on a TLS 1.3 KeyUpdate (handshake message type 24, RFC 8446
 * 4.6.3) after the handshake: mbedTLS 3.6 takes no post-handshake message but
 * NewSessionTicket and answers any other with MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE,
 * leaving it in in_msg (tls_session.c then takes it itself). */
int tls_is_key_update(const tls_sess *s, int ret)
{
  return ret == MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE && s->handshake_done &&
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
         s->ssl.tls_version == MBEDTLS_SSL_VERSION_TLS1_3 &&
#endif
         s->ssl.in_msgtype == MBEDTLS_SSL_MSG_HANDSHAKE && s->ssl.in_msg && s->ssl.in_hslen >= 4 &&
         s->ssl.in_msg[0] == 24;
}

/* Whether an mbedTLS code (maybe a high-level one plus a low-level one) says that an
 * allocation failed: mbedTLS's memory is the board's heap, so that is out of memory. */
int tls_alloc_failed(int ret)
{
  int high = (-ret) & 0xFF80, low = (-ret) & 0x7F;
  return high == -MBEDTLS_ERR_SSL_ALLOC_FAILED || high == -MBEDTLS_ERR_X509_ALLOC_FAILED ||
         high == -MBEDTLS_ERR_PK_ALLOC_FAILED || high == -MBEDTLS_ERR_ECP_ALLOC_FAILED ||
         high == -MBEDTLS_ERR_CIPHER_ALLOC_FAILED || high == -MBEDTLS_ERR_MD_ALLOC_FAILED ||
         high == -MBEDTLS_ERR_PEM_ALLOC_FAILED || low == -MBEDTLS_ERR_MPI_ALLOC_FAILED ||
         low == -MBEDTLS_ERR_ASN1_ALLOC_FAILED || ret == PSA_ERROR_INSUFFICIENT_MEMORY;
}

/* Out of memory, with the runtime's code for it (as Duktape's own "alloc failed"). */
duk_ret_t tls_throw_oom(duk_context *ctx)
{
  duk_push_error_object(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  duk_push_literal(ctx, "ERR_MEMORY_ALLOCATION_FAILED");
  duk_put_prop_literal(ctx, -2, "code");
  return duk_throw(ctx);
}

/* Node's wording for the errors thrown while building a context; a failed
 * allocation is reported as out of memory, whatever the step. */
duk_ret_t tls_throw_setup_error(duk_context *ctx, const char *code, const char *what, int ret)
{
  char detail[160];
  if (tls_alloc_failed(ret)) code = "ERR_MEMORY_ALLOCATION_FAILED";
  engine_text(ret, detail, sizeof detail);
  duk_push_error_object(ctx, DUK_ERR_ERROR, "%s (mbedTLS -0x%04X: %s)", what, (unsigned)-ret, detail);
  duk_push_string(ctx, code);
  duk_put_prop_literal(ctx, -2, "code");
  return duk_throw(ctx);
}

/* Session.error(ret): what Node reports for that failure, from the alert the peer
 * sent, the first bytes it sent, or the mbedTLS code. */
void tls_push_session_error(duk_context *ctx, const tls_sess *s, int ret)
{
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
    return;
  }
  if (s->conf->server && !s->handshake_done && s->first_len == 4 &&
      (!memcmp(s->first, "GET ", 4) || !memcmp(s->first, "POST", 4) || !memcmp(s->first, "HEAD", 4) ||
       !memcmp(s->first, "PUT ", 4) || !memcmp(s->first, "OPTI", 4) || !memcmp(s->first, "DELE", 4))) {
    push_coded_error(ctx, "ERR_SSL_HTTP_REQUEST", "http request", ret, -1);
    return;
  }
  if (s->first_len > 0 && s->first[0] != 0x16 && !s->handshake_done &&
      (ret == MBEDTLS_ERR_SSL_DECODE_ERROR || ret == MBEDTLS_ERR_SSL_ILLEGAL_PARAMETER ||
       ret == MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE || ret == MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION)) {
    /* Not a TLS handshake record at all: OpenSSL calls this a wrong version number. */
    ret = MBEDTLS_ERR_SSL_INVALID_RECORD;
  }
  if (tls_alloc_failed(ret)) {
    push_coded_error(ctx, "ERR_MEMORY_ALLOCATION_FAILED", "out of memory", ret, -1);
    return;
  }
  if (ret == MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION && s->conf->server && !s->handshake_done) {
    push_coded_error(ctx, "ERR_SSL_UNSUPPORTED_PROTOCOL", "unsupported protocol", ret, -1);
    return;
  }
  if (s->handshake_done && ret == MBEDTLS_ERR_SSL_DECODE_ERROR && s->ssl.in_msgtype == MBEDTLS_SSL_MSG_HANDSHAKE &&
      s->ssl.in_msg && s->ssl.in_hslen >= 4 && s->ssl.in_msg[0] == 24) {
    /* A malformed TLS 1.3 KeyUpdate (tls_session.c takes the well-formed ones). */
    push_coded_error(ctx, "ERR_SSL_BAD_KEY_UPDATE", "bad key update", ret, -1);
    return;
  }
  e = find_code(engine_errors, ret);
  if (!e && !s->handshake_done &&
      (ret == MBEDTLS_ERR_SSL_DECODE_ERROR || ret == MBEDTLS_ERR_SSL_ILLEGAL_PARAMETER ||
       ret == MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE ||
       /* e.g. a ServerHello naming a suite or version mbedTLS cannot do (seen with
        * mutated server flights): OpenSSL names the message, as for the others */
       ret == MBEDTLS_ERR_SSL_FEATURE_UNAVAILABLE))
    e = handshake_step_error(s, ret);
  int high = (-ret) & 0xFF80; /* the high-level module of a combined mbedTLS code */
  if (e) {
    push_coded_error(ctx, e->code, e->reason, ret, -1);
  } else if (ret == MBEDTLS_ERR_RSA_VERIFY_FAILED || ret == MBEDTLS_ERR_ECP_VERIFY_FAILED ||
             ret == MBEDTLS_ERR_ECP_SIG_LEN_MISMATCH || ret == MBEDTLS_ERR_PK_SIG_LEN_MISMATCH ||
             (ret == MBEDTLS_ERR_RSA_INVALID_PADDING && !s->handshake_done)) {
    /* The peer's handshake signature does not verify (a bad RSA-PSS one: invalid padding). */
    push_coded_error(ctx, "ERR_SSL_BAD_SIGNATURE", "bad signature", ret, -1);
  } else if ((high >= 0x2080 && high <= 0x2F80) || (high >= 0x3880 && high <= 0x3F80)) {
    /* X509 / PK parse errors: the peer sent a certificate that does not parse. */
    push_coded_error(ctx, "ERR_SSL_BAD_CERTIFICATE", "bad certificate", ret, -1);
  } else {
    push_coded_error(ctx, "ERR_SSL_ENGINE_FAILURE", "TLS engine failure", ret, -1);
  }
}
