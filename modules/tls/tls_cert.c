/*
 * Certificates as Node shows them (tlsSocket.getPeerCertificate()): subject and
 * issuer DNs, subjectaltname, validity, key details, fingerprints, serial
 * number, raw DER.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tls_internal.h"

#include "mbedtls/oid.h"
#include "mbedtls/sha256.h"
#if defined(MBEDTLS_SHA1_C)
#include "mbedtls/sha1.h"
#endif
#if defined(MBEDTLS_SHA512_C)
#include "mbedtls/sha512.h"
#endif
#if defined(MBEDTLS_RSA_C)
#include "mbedtls/rsa.h"
#endif
#if defined(MBEDTLS_ECP_C)
#include "mbedtls/ecp.h"
#endif

static void push_hex(duk_context *ctx, const unsigned char *p, size_t n, int colons)
{
  static const char hx[] = "0123456789ABCDEF";
  char *out = malloc(n * 3 + 1);
  size_t k = 0;
  if (!out) {
    duk_push_literal(ctx, "");
    return;
  }
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
  static const char *const mon[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
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
  if (*len) {
    *o++ = ',';
    *o++ = ' ';
  }
  o += sprintf(o, "%s", prefix);
  if (quote) *o++ = '"';
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = v[i];
    if (quote && (ch == '"' || ch == '\\')) {
      *o++ = '\\';
      *o++ = (char)ch;
    } else if (quote && (ch < 0x20 || ch >= 0x7f))
      o += sprintf(o, "\\u%04x", ch);
    else
      *o++ = (char)ch;
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
  if (len)
    duk_push_lstring(ctx, buf, len);
  else
    duk_push_undefined(ctx);
  free(buf);
}

void tls_push_cert(duk_context *ctx, const mbedtls_x509_crt *crt)
{
  unsigned char md[64];
  duk_push_object(ctx);
  push_dn(ctx, &crt->subject);
  duk_put_prop_literal(ctx, -2, "subject");
  push_dn(ctx, &crt->issuer);
  duk_put_prop_literal(ctx, -2, "issuer");
  push_san(ctx, crt);
  if (duk_is_undefined(ctx, -1))
    duk_pop(ctx);
  else
    duk_put_prop_literal(ctx, -2, "subjectaltname");
  duk_push_boolean(ctx, crt->ca_istrue);
  duk_put_prop_literal(ctx, -2, "ca");
  duk_push_int(ctx, (int)mbedtls_pk_get_bitlen(&crt->pk));
  duk_put_prop_literal(ctx, -2, "bits");
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
      for (char *q = h; *q; q++)
        if (*q >= 'A' && *q <= 'F') *q = (char)(*q + 32);
      duk_push_sprintf(ctx, "0x%s", h);
      duk_put_prop_literal(ctx, -2, "exponent");
    }
    if (mbedtls_mpi_write_string(&rsa->N, 16, hex, sizeof hex, &olen) == 0) {
      duk_push_string(ctx, hex);
      duk_put_prop_literal(ctx, -2, "modulus");
    }
  }
#endif
#if defined(MBEDTLS_ECP_C)
  if (mbedtls_pk_get_type(&crt->pk) == MBEDTLS_PK_ECKEY || mbedtls_pk_get_type(&crt->pk) == MBEDTLS_PK_ECDSA) {
    static const struct {
      mbedtls_ecp_group_id id;
      const char *asn1, *nist;
    } curves[] = {
      { MBEDTLS_ECP_DP_SECP256R1, "prime256v1", "P-256" },
      { MBEDTLS_ECP_DP_SECP384R1, "secp384r1", "P-384" },
      { MBEDTLS_ECP_DP_SECP521R1, "secp521r1", "P-521" },
    };
    mbedtls_ecp_group_id gid = mbedtls_pk_ec(crt->pk)->grp.id;
    for (size_t i = 0; i < sizeof curves / sizeof curves[0]; i++) {
      if (curves[i].id != gid) continue;
      duk_push_string(ctx, curves[i].asn1);
      duk_put_prop_literal(ctx, -2, "asn1Curve");
      duk_push_string(ctx, curves[i].nist);
      duk_put_prop_literal(ctx, -2, "nistCurve");
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
      duk_put_prop_literal(ctx, -2, "pubkey");
    }
    free(der);
  }
#endif
  push_time(ctx, &crt->valid_from);
  duk_put_prop_literal(ctx, -2, "valid_from");
  push_time(ctx, &crt->valid_to);
  duk_put_prop_literal(ctx, -2, "valid_to");
#if defined(MBEDTLS_SHA1_C)
  if (mbedtls_sha1(crt->raw.p, crt->raw.len, md) == 0) {
    push_hex(ctx, md, 20, 1);
    duk_put_prop_literal(ctx, -2, "fingerprint");
  }
#endif
  if (mbedtls_sha256(crt->raw.p, crt->raw.len, md, 0) == 0) {
    push_hex(ctx, md, 32, 1);
    duk_put_prop_literal(ctx, -2, "fingerprint256");
  }
#if defined(MBEDTLS_SHA512_C)
  if (mbedtls_sha512(crt->raw.p, crt->raw.len, md, 0) == 0) {
    push_hex(ctx, md, 64, 1);
    duk_put_prop_literal(ctx, -2, "fingerprint512");
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
    duk_put_prop_literal(ctx, -2, "ext_key_usage");
  }
  {
    const unsigned char *sp = crt->serial.p;
    size_t sn = crt->serial.len;
    while (sn > 1 && sp[0] == 0) {
      sp++;
      sn--;
    }
    push_hex(ctx, sp, sn, 0);
    duk_put_prop_literal(ctx, -2, "serialNumber");
  }
  {
    uint8_t *raw = duk_push_fixed_buffer(ctx, crt->raw.len);
    memcpy(raw, crt->raw.p, crt->raw.len);
    petrel_push_buffer_object(ctx, -1, crt->raw.len);
    duk_remove(ctx, -2);
    duk_put_prop_literal(ctx, -2, "raw");
  }
}

const mbedtls_x509_crt *tls_find_issuer(const mbedtls_x509_crt *chain, const mbedtls_x509_crt *child)
{
  for (const mbedtls_x509_crt *c = chain; c && c->raw.p; c = c->next)
    if (c->subject_raw.len == child->issuer_raw.len &&
        memcmp(c->subject_raw.p, child->issuer_raw.p, c->subject_raw.len) == 0)
      return c;
  return NULL;
}
