/*
 * Session (process.binding('tls').Session): an mbedtls_ssl_context with memory
 * "BIO" callbacks. feed(buf) appends ciphertext from the network to an input
 * queue the engine reads from; the engine's output records collect in an output
 * queue that pull() hands to JS as a Buffer for the socket. handshake(), read()
 * and write() only ever see those queues, so they never block.
 */
#include <stdlib.h>
#include <string.h>
#include "tls_internal.h"
/* The handshake's resume flag (mbedTLS has no accessor for it): its internal header. */
#include "../library/ssl_misc.h"
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
#include "../library/ssl_tls13_keys.h"
#include "mbedtls/platform.h"
#include "mbedtls/platform_util.h"
#endif

#define SESS_KEY DUK_HIDDEN_SYMBOL("tlssess")

/* Output collected beyond this makes write() stop early and let JS flush.
 * Queue buffers larger than QUEUE_KEEP are released once drained. Hosts keep a
 * bulk transfer's buffers (freeing and regrowing them churned the heap); boards
 * keep little: with 8 KB per write() the output queue stays within 16 KB (8 KB
 * plus one 4 KB record), where 64 KB grew it to 128 KB and a 100 KB write
 * raised the board's RAM high-water by ~0.35 MB. */
#if defined(PETREL_TLS_SMALL)
#define OUT_SOFT_LIMIT (8 * 1024)
#define QUEUE_KEEP     0 /* a board frees a queue once drained: an idle session keeps none */
#else
#define OUT_SOFT_LIMIT (64 * 1024)
#define QUEUE_KEEP     (256 * 1024)
#endif

/* The capacity a queue holding `cap` bytes grows to so that `need` fit: doubling on a
 * host (few reallocs during bulk transfers); on a board the next KB, as RAM is short. */
static size_t queue_grow(size_t cap, size_t need)
{
#if defined(PETREL_TLS_SMALL)
  (void)cap;
  return (need + 1023) & ~(size_t)1023;
#else
  if (cap == 0) cap = 4096;
  while (cap < need) cap *= 2;
  return cap;
#endif
}

static int bio_send(void *p, const unsigned char *buf, size_t len)
{
  tls_sess *s = p;
  if (s->out_len + len > s->out_cap) {
    size_t cap = queue_grow(s->out_cap, s->out_len + len);
    uint8_t *n = petrel_native_realloc(s->out, cap);
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
      petrel_native_free(s->in);
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
    /* An empty name (a hostile certificate) has no pointer: memcmp may not see it. */
    s->top_self = crt->subject_raw.len == crt->issuer_raw.len &&
                  (crt->issuer_raw.len == 0 || memcmp(crt->subject_raw.p, crt->issuer_raw.p, crt->issuer_raw.len) == 0);
  }
  return 0;
}

/* Key export (mbedTLS 3): the secrets as NSS key log lines, what Node's 'keylog' event
 * gives (SSLKEYLOGFILE format), kept until keylog() takes them. Only while JS asked for
 * them (a 'keylog' listener when the handshake ran). A line that does not fit in
 * memory is left out: the log is a debugging aid, the connection goes on. */
static void export_keys(void *p, mbedtls_ssl_key_export_type type, const unsigned char *secret, size_t secret_len,
                        const unsigned char client_random[32], const unsigned char server_random[32],
                        mbedtls_tls_prf_types prf)
{
  static const char hex[] = "0123456789abcdef";
  tls_sess *s = p;
  const char *label;
  (void)server_random;
  (void)prf;
  if (!s->keylog_on) return;
  switch (type) {
  case MBEDTLS_SSL_KEY_EXPORT_TLS12_MASTER_SECRET: label = "CLIENT_RANDOM"; break;
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
  case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_CLIENT_EARLY_SECRET: label = "CLIENT_EARLY_TRAFFIC_SECRET"; break;
  case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_CLIENT_HANDSHAKE_TRAFFIC_SECRET: label = "CLIENT_HANDSHAKE_TRAFFIC_SECRET"; break;
  case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_SERVER_HANDSHAKE_TRAFFIC_SECRET: label = "SERVER_HANDSHAKE_TRAFFIC_SECRET"; break;
  case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_CLIENT_APPLICATION_TRAFFIC_SECRET: label = "CLIENT_TRAFFIC_SECRET_0"; break;
  case MBEDTLS_SSL_KEY_EXPORT_TLS1_3_SERVER_APPLICATION_TRAFFIC_SECRET: label = "SERVER_TRAFFIC_SECRET_0"; break;
#endif
  default: return;
  }
  if (secret_len > 64) return;
  size_t llen = strlen(label), add = llen + 1 + 64 + 1 + 2 * secret_len + 1;
  char *n = petrel_native_realloc(s->keylog, s->keylog_len + add);
  if (!n) return;
  s->keylog = n;
  char *o = n + s->keylog_len;
  memcpy(o, label, llen);
  o += llen;
  *o++ = ' ';
  for (int i = 0; i < 32; i++) {
    *o++ = hex[client_random[i] >> 4];
    *o++ = hex[client_random[i] & 15];
  }
  *o++ = ' ';
  for (size_t i = 0; i < secret_len; i++) {
    *o++ = hex[secret[i] >> 4];
    *o++ = hex[secret[i] & 15];
  }
  *o++ = '\n';
  s->keylog_len += add;
}

static void sess_free(tls_sess *s)
{
  mbedtls_ssl_free(&s->ssl);
  tls_conf_unref(s->conf);
  if (s->sni_conf) tls_conf_unref(s->sni_conf);
  petrel_native_free(s->in);
  petrel_native_free(s->out);
  free(s->servername);
  petrel_native_free(s->resume);
  petrel_native_free(s->keylog);
  free(s);
}

static duk_ret_t sess_finalizer(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 0, SESS_KEY);
  tls_sess *s = duk_get_pointer(ctx, -1);
  if (s) {
    duk_push_pointer(ctx, NULL);
    duk_put_prop_literal(ctx, 0, SESS_KEY);
    sess_free(s);
  }
  return 0;
}

static tls_sess *this_sess(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, SESS_KEY);
  tls_sess *s = duk_get_pointer(ctx, -1);
  duk_pop_2(ctx);
  if (!s) (void)duk_error(ctx, DUK_ERR_ERROR, "TLS session is closed");
  return s;
}

tls_sess *tls_this_sess(duk_context *ctx) { return this_sess(ctx); }

/* new Session(context[, servername]) */
duk_ret_t tls_sess_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx)) return DUK_RET_TYPE_ERROR;
  tls_conf *c = tls_get_conf(ctx, 0);
  tls_sess *s = calloc(1, sizeof *s);
  if (!s) return tls_throw_oom(ctx);
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
    return tls_throw_setup_error(ctx, "ERR_TLS_SESSION", "TLS: cannot start a session", ret);
  }
  s->conf = c;
  c->refs++;
  mbedtls_ssl_set_bio(&s->ssl, s, bio_send, bio_recv, NULL);
  mbedtls_ssl_set_user_data_p(&s->ssl, s); /* for the SNI callback (tls_context.c) */
  mbedtls_ssl_set_export_keys_cb(&s->ssl, export_keys, s);
  mbedtls_ssl_set_verify(&s->ssl, verify_cb, s);
  duk_push_this(ctx);
  duk_push_pointer(ctx, s);
  duk_put_prop_literal(ctx, -2, SESS_KEY);
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
    size_t cap = queue_grow(s->in_cap, s->in_len + len);
    uint8_t *n = petrel_native_realloc(s->in, cap);
    if (!n) return tls_throw_oom(ctx);
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

/* handshake([keylog]) -> 0 done, 1 want input, < 0 error; keylog true: keep the
 * secrets derived from now on as key log lines (keylog()) */
static duk_ret_t sess_handshake(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  int ret = 0;
  s->keylog_on = duk_to_boolean(ctx, 0);
  /* Step by step, to see whether it resumed a session: mbedTLS frees the
   * handshake state (and its resume flag) in the last step. */
  while (!s->handshake_done) {
    /* Exactly HANDSHAKE_OVER: a TLS 1.3 server's NewSessionTicket states come after it,
     * and its tickets go out with its last flight (a server that ends at once still
     * gives the client a session), as OpenSSL's do. */
    if (s->ssl.state == MBEDTLS_SSL_HANDSHAKE_OVER) {
      s->handshake_done = 1;
      break;
    }
    /* Server: a ClientHello whose supported_versions names none of ours gets OpenSSL's
     * answer, a protocol_version alert (mbedTLS would look for a common suite, find
     * none and say handshake_failure). Read from the first record queued, once. */
    if (s->conf->server && !s->hello_checked && s->ssl.state <= MBEDTLS_SSL_CLIENT_HELLO &&
        s->in_len - s->in_off >= 5) {
      const uint8_t *r = s->in + s->in_off;
      size_t rlen = (size_t)r[3] << 8 | r[4];
      if (r[0] != MBEDTLS_SSL_MSG_HANDSHAKE) {
        s->hello_checked = 1;
      } else if (s->in_len - s->in_off >= 5 + rlen) {
        s->hello_checked = 1;
        if (tls_hello_lacks_versions(s->conf, r + 5, rlen)) {
          mbedtls_ssl_send_alert_message(&s->ssl, MBEDTLS_SSL_ALERT_LEVEL_FATAL,
                                         MBEDTLS_SSL_ALERT_MSG_PROTOCOL_VERSION);
          ret = MBEDTLS_ERR_SSL_BAD_PROTOCOL_VERSION;
          break;
        }
      }
    }
    if (s->ssl.handshake && !s->conf->server) {
      /* getEphemeralKeyInfo(): the group of the key exchange, read before the last step
       * frees the handshake state. TLS 1.3: the key share the server took (final once
       * its ServerHello is read); TLS 1.2: the curve of its ServerKeyExchange. */
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
      if (s->ssl.tls_version == MBEDTLS_SSL_VERSION_TLS1_3) {
        if (s->ssl.state > MBEDTLS_SSL_SERVER_HELLO && s->ssl.handshake->offered_group_id)
          s->kx_group = s->ssl.handshake->offered_group_id;
      } else
#endif
      {
        mbedtls_ecp_group_id g = mbedtls_ecdh_get_grp_id(&s->ssl.handshake->ecdh_ctx);
        if (g != MBEDTLS_ECP_DP_NONE) s->kx_group = mbedtls_ssl_get_tls_id_from_ecp_group_id(g);
      }
    }
    if (s->ssl.handshake) {
      s->resumed = s->ssl.handshake->resume != 0;
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
      /* TLS 1.3: resumed when the server took the client's ticket (a PSK). */
      if (s->ssl.tls_version == MBEDTLS_SSL_VERSION_TLS1_3)
        s->resumed = mbedtls_ssl_tls13_key_exchange_mode_with_psk(&s->ssl);
#endif
    }
    tls_stepping = s;
    ret = mbedtls_ssl_handshake_step(&s->ssl);
    tls_stepping = NULL;
    if (ret != 0) break;
  }
  if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE)
    ret = 1;
  else if (ret < 0)
    note_error(s, ret);
  duk_push_int(ctx, ret);
  return 1;
}

#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
/* A TLS 1.3 KeyUpdate from the peer (RFC 8446 4.6.3), which mbedTLS 3.6 does not take
 * (its read() fails with UNEXPECTED_MESSAGE, the message still in in_msg): the peer's
 * traffic secret moves on ("traffic upd"), and when the peer asks (update_requested)
 * ours too, after a KeyUpdate of ours sent under the old keys, as OpenSSL does. The
 * new keys go into a new transform for both directions (the write sequence number is
 * kept when our keys stay). Returns 0, or an mbedTLS error. */
static int take_key_update(tls_sess *s)
{
  mbedtls_ssl_context *ssl = &s->ssl;
  const mbedtls_ssl_ciphersuite_t *info = mbedtls_ssl_ciphersuite_from_id(ssl->session->ciphersuite);
  mbedtls_ssl_tls13_application_secrets *app = &ssl->session->app_secrets;
  int server = s->conf->server, requested, ret;
  unsigned char next[MBEDTLS_TLS1_3_MD_MAX_SIZE], ctr[MBEDTLS_SSL_SEQUENCE_NUMBER_LEN];
  unsigned char *peer = server ? app->client_application_traffic_secret_N : app->server_application_traffic_secret_N;
  unsigned char *mine = server ? app->server_application_traffic_secret_N : app->client_application_traffic_secret_N;
  mbedtls_ssl_key_set keys;
  mbedtls_ssl_transform *t;
  psa_algorithm_t hash_alg, alg;
  psa_key_type_t key_type;
  size_t hash_len, key_bits;

  if (info == NULL || ssl->in_hslen != 5 || ssl->in_msg[1] != 0 || ssl->in_msg[2] != 0 || ssl->in_msg[3] != 1 ||
      ssl->in_msg[4] > 1) {
    mbedtls_ssl_send_alert_message(ssl, MBEDTLS_SSL_ALERT_LEVEL_FATAL, MBEDTLS_SSL_ALERT_MSG_DECODE_ERROR);
    return MBEDTLS_ERR_SSL_DECODE_ERROR;
  }
  requested = ssl->in_msg[4];
  hash_alg = mbedtls_md_psa_alg_from_type((mbedtls_md_type_t)info->mac);
  hash_len = PSA_HASH_LENGTH(hash_alg);
  if (mbedtls_ssl_cipher_to_psa((mbedtls_cipher_type_t)info->cipher,
                                (info->flags & MBEDTLS_CIPHERSUITE_SHORT_TAG) ? 8 : 16, &alg, &key_type,
                                &key_bits) != PSA_SUCCESS)
    return MBEDTLS_ERR_SSL_INTERNAL_ERROR;
  if (requested) {
    /* Our KeyUpdate(update_not_requested), under the keys the peer still reads with. */
    ssl->out_msgtype = MBEDTLS_SSL_MSG_HANDSHAKE;
    ssl->out_msg[0] = 24; /* key_update */
    ssl->out_msg[1] = 0;
    ssl->out_msg[2] = 0;
    ssl->out_msg[3] = 1;
    ssl->out_msg[4] = 0;
    ssl->out_msglen = 5;
    if ((ret = mbedtls_ssl_write_record(ssl, 1)) != 0) return ret;
  }
  ret = mbedtls_ssl_tls13_hkdf_expand_label(hash_alg, peer, hash_len, MBEDTLS_SSL_TLS1_3_LBL_WITH_LEN(traffic_upd),
                                            NULL, 0, next, hash_len);
  if (ret != 0) return ret;
  memcpy(peer, next, hash_len);
  if (requested) {
    ret = mbedtls_ssl_tls13_hkdf_expand_label(hash_alg, mine, hash_len, MBEDTLS_SSL_TLS1_3_LBL_WITH_LEN(traffic_upd),
                                              NULL, 0, next, hash_len);
    if (ret != 0) return ret;
    memcpy(mine, next, hash_len);
  }
  mbedtls_platform_zeroize(next, sizeof next);
  ret = mbedtls_ssl_tls13_make_traffic_keys(hash_alg, app->client_application_traffic_secret_N,
                                            app->server_application_traffic_secret_N, hash_len,
                                            PSA_BITS_TO_BYTES(key_bits), 12 /* every TLS 1.3 AEAD */, &keys);
  if (ret != 0) return ret;
  t = mbedtls_calloc(1, sizeof *t);
  if (t == NULL) {
    ret = MBEDTLS_ERR_SSL_ALLOC_FAILED;
    goto done;
  }
  mbedtls_ssl_transform_init(t);
  ret = mbedtls_ssl_tls13_populate_transform(t, ssl->conf->endpoint, ssl->session->ciphersuite, &keys, ssl);
  if (ret != 0) {
    mbedtls_ssl_transform_free(t);
    mbedtls_free(t);
    goto done;
  }
  memcpy(ctr, ssl->cur_out_ctr, sizeof ctr);
  mbedtls_ssl_set_inbound_transform(ssl, t); /* the peer's records count from 0 again */
  mbedtls_ssl_set_outbound_transform(ssl, t);
  if (!requested) memcpy(ssl->cur_out_ctr, ctr, sizeof ctr);
  mbedtls_ssl_transform_free(ssl->transform_application);
  mbedtls_free(ssl->transform_application);
  ssl->transform_application = t;
done:
  mbedtls_platform_zeroize(&keys, sizeof keys);
  return ret;
}
#endif

/* read() -> Buffer (one record's plaintext), 0 want input, 1 close_notify, 2 a TLS 1.3
 * NewSessionTicket came (a client: getSession() now has it; call read() again),
 * < 0 error */
static duk_ret_t sess_read(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  unsigned char first;
  int ret;
  /* mbedTLS answers WANT_READ after some post-handshake messages (a TLS 1.3
   * NewSessionTicket: "call again") though more input may be queued: call again while
   * input is left or such a message waits (bounded: each call consumes input or moves
   * the state on). */
  for (int tries = 0;; tries++) {
    ret = mbedtls_ssl_read(&s->ssl, &first, 1);
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
    if (tls_is_key_update(s, ret)) {
      ret = take_key_update(s);
      if (ret != 0) break;
      ret = MBEDTLS_ERR_SSL_WANT_READ; /* read on with the new keys */
    }
#endif
    if (ret != MBEDTLS_ERR_SSL_WANT_READ || tries >= 64) break;
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
    if (s->ssl.state == MBEDTLS_SSL_TLS1_3_NEW_SESSION_TICKET) continue;
#endif
    if (s->in_len == s->in_off) break;
  }
#if defined(MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET)
  if (ret == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) {
    duk_push_int(ctx, 2);
    return 1;
  }
#endif
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
  if (ret == 0 || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY)
    ret = 1;
  else if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE)
    ret = 0;
  else
    note_error(s, ret);
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
    petrel_native_free(s->out);
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

/* getSession() -> Buffer (the session, serialized by mbedTLS; with a client's
 * ticket), or undefined before the handshake is done */
static duk_ret_t sess_get_session(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  const mbedtls_ssl_session *ses = s->ssl.session;
  size_t len = 0;
  if (!s->handshake_done || !ses || mbedtls_ssl_session_save(ses, NULL, 0, &len) != MBEDTLS_ERR_SSL_BUFFER_TOO_SMALL)
    return 0;
  uint8_t *p = duk_push_fixed_buffer(ctx, len);
  if (mbedtls_ssl_session_save(ses, p, len, &len) != 0) return 0;
  petrel_push_buffer_object(ctx, -1, len);
  return 1;
}

/* A TLS 1.3 session is bound to the server name it was made for: mbedTLS fails the whole
 * handshake (MBEDTLS_ERR_SSL_BAD_INPUT_DATA) when it is offered under another SNI (or
 * none). Such a session is not offered: a full handshake, as Node's client ends up with. */
static int ticket_host_matches(const mbedtls_ssl_context *ssl, const mbedtls_ssl_session *ses)
{
#if defined(MBEDTLS_SSL_PROTO_TLS1_3) && defined(MBEDTLS_SSL_SESSION_TICKETS) && \
    defined(MBEDTLS_SSL_SERVER_NAME_INDICATION)
  if (ses->tls_version != MBEDTLS_SSL_VERSION_TLS1_3) return 1;
  const char *want = mbedtls_ssl_get_hostname_pointer(ssl), *had = ses->hostname;
  if (want == NULL || had == NULL) return want == had;
  return strcmp(want, had) == 0;
#else
  (void)ssl; (void)ses;
  return 1;
#endif
}

/* setSession(buf) -> true if the client offers it (a blob getSession() made);
 * anything else is ignored, as Node ignores a session it cannot decode. */
static duk_ret_t sess_set_session(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  duk_size_t len;
  const uint8_t *p = duk_require_buffer_data(ctx, 0, &len);
  mbedtls_ssl_session ses;
  mbedtls_ssl_session_init(&ses);
  int ok = !s->conf->server && mbedtls_ssl_session_load(&ses, p, len) == 0 &&
           ticket_host_matches(&s->ssl, &ses) && mbedtls_ssl_set_session(&s->ssl, &ses) == 0;
  mbedtls_ssl_session_free(&ses);
  duk_push_boolean(ctx, ok);
  return 1;
}

/* useSNIContext(context): a server's certificate for this connection, chosen by
 * SNICallback; mbedTLS's SNI callback (tls_context.c) applies it. */
static duk_ret_t sess_use_sni_context(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  tls_conf *c = tls_get_conf(ctx, 0);
  if (s->sni_conf) tls_conf_unref(s->sni_conf);
  s->sni_conf = c;
  c->refs++;
  return 0;
}

/* isReused() -> whether the handshake resumed a session */
static duk_ret_t sess_is_reused(duk_context *ctx)
{
  duk_push_boolean(ctx, this_sess(ctx)->resumed);
  return 1;
}

/* ticket() -> the client's session ticket (Buffer), or undefined */
static duk_ret_t sess_ticket(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  const mbedtls_ssl_session *ses = s->ssl.session;
  if (!s->handshake_done || !ses || s->conf->server || !ses->ticket || ses->ticket_len == 0) return 0;
  memcpy(duk_push_fixed_buffer(ctx, ses->ticket_len), ses->ticket, ses->ticket_len);
  petrel_push_buffer_object(ctx, -1, ses->ticket_len);
  return 1;
}

static duk_ret_t sess_destroy(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, SESS_KEY);
  tls_sess *s = duk_get_pointer(ctx, -1);
  duk_pop(ctx);
  if (s) {
    duk_push_pointer(ctx, NULL);
    duk_put_prop_literal(ctx, -2, SESS_KEY);
    sess_free(s);
  }
  return 0;
}

/* error(ret) -> an Error object for an mbedTLS failure of this session */
static duk_ret_t sess_error(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  tls_push_session_error(ctx, s, duk_require_int(ctx, 0));
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
    code = "UNABLE_TO_GET_ISSUER_CERT";
    msg = "unable to get issuer certificate";
  } else if (f == 0) {
    duk_push_null(ctx);
    return 1;
  } else if (f & MBEDTLS_X509_BADCERT_MISSING) {
    code = "UNABLE_TO_GET_ISSUER_CERT";
    msg = "unable to get issuer certificate";
  } else if (f & MBEDTLS_X509_BADCERT_EXPIRED) {
    /* With every error reported, OpenSSL's last one (dates) is what Node shows. */
    code = "CERT_HAS_EXPIRED";
    msg = "certificate has expired";
  } else if (f & MBEDTLS_X509_BADCERT_FUTURE) {
    code = "CERT_NOT_YET_VALID";
    msg = "certificate is not yet valid";
  } else if (f & MBEDTLS_X509_BADCERT_REVOKED) {
    code = "CERT_REVOKED";
    msg = "certificate revoked";
  } else if (f & MBEDTLS_X509_BADCERT_NOT_TRUSTED) {
    if (s->top_self) {
      if (s->top_depth <= 0) {
        code = "DEPTH_ZERO_SELF_SIGNED_CERT";
        msg = "self-signed certificate";
      } else {
        code = "SELF_SIGNED_CERT_IN_CHAIN";
        msg = "self-signed certificate in certificate chain";
      }
    } else if (s->top_depth <= 0) {
      code = "UNABLE_TO_VERIFY_LEAF_SIGNATURE";
      msg = "unable to verify the first certificate";
    } else {
      code = "UNABLE_TO_GET_ISSUER_CERT_LOCALLY";
      msg = "unable to get local issuer certificate";
    }
  } else if (f & (MBEDTLS_X509_BADCERT_KEY_USAGE | MBEDTLS_X509_BADCERT_EXT_KEY_USAGE |
                  MBEDTLS_X509_BADCERT_NS_CERT_TYPE)) {
    code = "INVALID_PURPOSE";
    msg = "unsupported certificate purpose";
  } else if (f & MBEDTLS_X509_BADCERT_BAD_MD) {
    code = "CA_MD_TOO_WEAK";
    msg = "CA signature digest algorithm too weak";
  } else if (f & MBEDTLS_X509_BADCERT_BAD_KEY) {
    code = "EE_KEY_TOO_SMALL";
    msg = "EE certificate key too weak";
  } else if (f & MBEDTLS_X509_BADCERT_BAD_PK) {
    code = "CERT_SIGNATURE_FAILURE";
    msg = "certificate signature failure";
  } else {
    code = "UNSPECIFIED";
    msg = "unspecified certificate verification error";
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
    tls_push_cert(ctx, crt);
    duk_put_prop_index(ctx, -2, i++);
    last = crt;
  }
  if (last && !(last->subject_raw.len == last->issuer_raw.len &&
                memcmp(last->subject_raw.p, last->issuer_raw.p, last->issuer_raw.len) == 0)) {
    const mbedtls_x509_crt *ca = s->conf->use_sysca ? &tls_sysca : s->conf->has_ca ? &s->conf->ca : NULL;
    const mbedtls_x509_crt *root = ca ? tls_find_issuer(ca, last) : NULL;
    if (root) {
      tls_push_cert(ctx, root);
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
  tls_push_cert(ctx, &s->conf->own);
  return 1;
}

static duk_ret_t sess_protocol(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (!s->handshake_done)
    duk_push_null(ctx);
  else
    duk_push_string(ctx, mbedtls_ssl_get_version(&s->ssl));
  return 1;
}

static duk_ret_t sess_cipher(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (!s->handshake_done)
    duk_push_null(ctx);
  else
    duk_push_string(ctx, mbedtls_ssl_get_ciphersuite(&s->ssl));
  return 1;
}

static duk_ret_t sess_alpn(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  const char *p = NULL;
#if defined(MBEDTLS_SSL_ALPN)
  p = mbedtls_ssl_get_alpn_protocol(&s->ssl);
#endif
  if (p)
    duk_push_string(ctx, p);
  else
    duk_push_null(ctx);
  return 1;
}

static duk_ret_t sess_servername(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (s->servername)
    duk_push_string(ctx, s->servername);
  else
    duk_push_null(ctx);
  return 1;
}

/* ephemeralKeyInfo() -> what Node's getEphemeralKeyInfo() gives on a client: {} before
 * the handshake or without an ephemeral key exchange (RSA), else { type, name, size }
 * with OpenSSL's names; null on a server. */
static duk_ret_t sess_ephemeral_key_info(duk_context *ctx)
{
  static const struct {
    uint16_t id;
    const char *name;
    int size;
  } groups[] = { { MBEDTLS_SSL_IANA_TLS_GROUP_X25519, "X25519", 253 },
                 { MBEDTLS_SSL_IANA_TLS_GROUP_SECP256R1, "prime256v1", 256 },
                 { MBEDTLS_SSL_IANA_TLS_GROUP_SECP384R1, "secp384r1", 384 },
                 { MBEDTLS_SSL_IANA_TLS_GROUP_SECP521R1, "secp521r1", 521 } };
  tls_sess *s = this_sess(ctx);
  if (s->conf->server) {
    duk_push_null(ctx);
    return 1;
  }
  duk_push_object(ctx);
  if (!s->handshake_done) return 1;
  for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
    if (groups[i].id != s->kx_group) continue;
    duk_push_literal(ctx, "ECDH");
    duk_put_prop_literal(ctx, -2, "type");
    duk_push_string(ctx, groups[i].name);
    duk_put_prop_literal(ctx, -2, "name");
    duk_push_int(ctx, groups[i].size);
    duk_put_prop_literal(ctx, -2, "size");
  }
  return 1;
}

/* keylog() -> Buffer of the key log lines made since the last call ("LABEL
 * client_random secret\n" each), or null */
static duk_ret_t sess_keylog(duk_context *ctx)
{
  tls_sess *s = this_sess(ctx);
  if (!s->keylog_len) {
    duk_push_null(ctx);
    return 1;
  }
  memcpy(duk_push_fixed_buffer(ctx, s->keylog_len), s->keylog, s->keylog_len);
  petrel_push_buffer_object(ctx, -1, s->keylog_len);
  petrel_native_free(s->keylog);
  s->keylog = NULL;
  s->keylog_len = 0;
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

const duk_function_list_entry tls_sess_methods[] = { { "feed", sess_feed, 1 },
                                                     { "handshake", sess_handshake, 1 },
                                                     { "keylog", sess_keylog, 0 },
                                                     { "ephemeralKeyInfo", sess_ephemeral_key_info, 0 },
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
                                                     { "getSession", sess_get_session, 0 },
                                                     { "setSession", sess_set_session, 1 },
                                                     { "isReused", sess_is_reused, 0 },
                                                     { "useSNIContext", sess_use_sni_context, 1 },
                                                     { "ticket", sess_ticket, 0 },
                                                     { "loadSession", tls_sess_load_session, 1 },
                                                     { "takeNewSession", tls_sess_take_new_session, 0 },
                                                     { NULL, NULL, 0 } };
