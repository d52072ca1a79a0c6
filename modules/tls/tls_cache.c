/*
 * A server's session-ID cache kept by the application, as Node's 'newSession' and
 * 'resumeSession' events keep it (TLS 1.2 resumption without tickets, RFC 5246 7.3).
 *
 * mbedTLS asks its cache callbacks at two points of a server handshake:
 *   lookup (ClientHello with a session ID): tls.js has already asked 'resumeSession'
 *     before the hello reached mbedTLS and loaded its answer with loadSession();
 *     cache_get hands that session over if its ID is the one asked for.
 *   store (end of a full handshake that gave the client an ID, i.e. no ticket):
 *     cache_set only marks the session; tls.js takes it (takeNewSession) for
 *     'newSession' and holds 'secure' back until the application has stored it.
 * mbedTLS passes these callbacks no SSL context, only the config, which all of
 * a server's sessions share: sess_handshake sets tls_stepping to the session whose
 * step runs (one thread, and the callbacks only run inside a step).
 */
#include <stdlib.h>
#include <string.h>
#include "tls_internal.h"
#if defined(MBEDTLS_HAVE_TIME)
#include "mbedtls/platform_time.h"
#endif

tls_sess *tls_stepping;

static int cache_get(void *p, unsigned char const *id, size_t id_len, mbedtls_ssl_session *want)
{
  tls_conf *c = p;
  tls_sess *s = tls_stepping;
  if (!s || !s->resume) return 1;
  mbedtls_ssl_session got;
  mbedtls_ssl_session_init(&got);
  int ok = mbedtls_ssl_session_load(&got, s->resume, s->resume_len) == 0 && got.id_len == id_len &&
           memcmp(got.id, id, id_len) == 0;
#if defined(MBEDTLS_HAVE_TIME)
  /* As OpenSSL does: a session older than the server's sessionTimeout is not resumed. */
  if (ok && c->lifetime > 0 && mbedtls_time(NULL) - got.start > (mbedtls_time_t)c->lifetime) ok = 0;
#else
  (void)c;
#endif
  petrel_native_free(s->resume);
  s->resume = NULL;
  if (!ok) {
    mbedtls_ssl_session_free(&got);
    return 1;
  }
  /* mbedTLS checks the suite and compression against the hello, then keeps it. */
  mbedtls_ssl_session_free(want);
  *want = got;
  return 0;
}

static int cache_set(void *p, unsigned char const *id, size_t id_len, const mbedtls_ssl_session *session)
{
  (void)p;
  (void)id;
  (void)id_len;
  (void)session; /* it is the session's own (ssl.session): takeNewSession reads it there */
  if (tls_stepping) tls_stepping->new_session = 1;
  return 0;
}

void tls_cache_attach(tls_conf *c) { mbedtls_ssl_conf_session_cache(&c->conf, c, cache_get, cache_set); }

/* loadSession(buf): the session 'resumeSession' gave for the coming ClientHello.
 * Anything mbedTLS cannot load is a miss (a full handshake), as in Node. */
duk_ret_t tls_sess_load_session(duk_context *ctx)
{
  tls_sess *s = tls_this_sess(ctx);
  duk_size_t len;
  const uint8_t *p = duk_require_buffer_data(ctx, 0, &len);
  petrel_native_free(s->resume);
  s->resume = NULL;
  if (!s->conf->server || len == 0 || !(s->resume = petrel_native_calloc(1, len))) return 0;
  memcpy(s->resume, p, len);
  s->resume_len = len;
  return 0;
}

/* takeNewSession() -> [id, session] once after a full handshake that gave the client
 * a session ID (not a ticket), else undefined. */
duk_ret_t tls_sess_take_new_session(duk_context *ctx)
{
  tls_sess *s = tls_this_sess(ctx);
  const mbedtls_ssl_session *ses = s->ssl.session;
  if (!s->new_session || !ses) return 0;
  s->new_session = 0;
  size_t len = 0;
  if (mbedtls_ssl_session_save(ses, NULL, 0, &len) != MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL) return 0;
  duk_push_array(ctx);
  memcpy(duk_push_fixed_buffer(ctx, ses->id_len), ses->id, ses->id_len);
  petrel_push_buffer_object(ctx, -1, ses->id_len);
  duk_put_prop_index(ctx, -3, 0);
  duk_pop(ctx);
  uint8_t *p = duk_push_fixed_buffer(ctx, len);
  if (mbedtls_ssl_session_save(ses, p, len, &len) != 0) return 0;
  petrel_push_buffer_object(ctx, -1, len);
  duk_put_prop_index(ctx, -3, 1);
  duk_pop(ctx);
  return 1;
}
