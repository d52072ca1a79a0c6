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
 *   error(ret)  -> an Error with Node's code for that failure (tls/tls_errors.c)
 *
 * The code is in modules/tls/ by concern (tls_internal.h lists the files):
 * randomness and the system's roots, error mapping, Context, Session, and
 * certificates as Node shows them. This file holds the module functions and
 * registers the binding.
 *
 * Entropy: see docs/tls.md and modules/tls/tls_system.c.
 */
#include <stdlib.h>
#include "runtime.h"
#include "bindings.h"
#include "platform.h"
#include "tls/tls_internal.h"

#include "mbedtls/version.h"

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
  for (size_t i = 0; tls_default_suites[i]; i++) {
    if (mbedtls_ssl_get_ciphersuite_id(tls_default_suites[i]) == 0) continue;
    duk_push_string(ctx, tls_default_suites[i]);
    duk_put_prop_index(ctx, -2, k++);
  }
  return 1;
}

/* parseCert(pem | der) -> the certificate object getPeerCertificate() would show */
static duk_ret_t tls_parse_cert(duk_context *ctx)
{
  size_t len;
  unsigned char *z = tls_arg_bytes(ctx, 0, &len);
  mbedtls_x509_crt crt;
  mbedtls_x509_crt_init(&crt);
  int ret = mbedtls_x509_crt_parse(&crt, z, len);
  free(z);
  if (ret != 0) {
    mbedtls_x509_crt_free(&crt);
    return tls_throw_setup_error(ctx, "ERR_OSSL_X509_BAD_CERTIFICATE", "TLS: cannot parse the certificate", ret);
  }
  tls_push_cert(ctx, &crt);
  mbedtls_x509_crt_free(&crt);
  return 1;
}

static const duk_function_list_entry tls_funcs[] = { { "canonicalIP", tls_canonical_ip, 1 },
                                                     { "ciphers", tls_ciphers, 0 },
                                                     { "parseCert", tls_parse_cert, 1 },
                                                     { NULL, NULL, 0 } };

duk_ret_t petrel_binding_tls(duk_context *ctx)
{
  duk_push_object(ctx);

  duk_push_c_function(ctx, tls_conf_ctor, 1);
  duk_push_object(ctx);
  PETREL_LIGHTFUNC_LIST(tls_binding_tls_conf_methods, tls_conf_methods);
  petrel_put_functions(ctx, -1, tls_conf_methods);
  duk_put_prop_literal(ctx, -2, "prototype");
  duk_put_prop_literal(ctx, -2, "Context");

  duk_push_c_function(ctx, tls_sess_ctor, 2);
  duk_push_object(ctx);
  PETREL_LIGHTFUNC_LIST(tls_binding_tls_sess_methods, tls_sess_methods);
  petrel_put_functions(ctx, -1, tls_sess_methods);
  duk_put_prop_literal(ctx, -2, "prototype");
  duk_put_prop_literal(ctx, -2, "Session");

  PETREL_LIGHTFUNC_LIST(tls_binding_tls_funcs, tls_funcs);
  petrel_put_functions(ctx, -1, tls_funcs);

  duk_push_string(ctx, "mbedTLS " MBEDTLS_VERSION_STRING);
  duk_put_prop_literal(ctx, -2, "engine");
  /* The TLS versions this build can speak, as "minor" numbers (3 = TLS 1.2, 4 = TLS 1.3). */
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
  duk_push_int(ctx, 4);
#else
  duk_push_int(ctx, 3);
#endif
  duk_put_prop_literal(ctx, -2, "maxMinor");
  return 1;
}
