/*
 * What the parts of process.binding('tls') share: private to modules/tls_binding.c
 * (the module functions and the registration; the binding as JS sees it is
 * described there) and the files here in modules/tls/:
 *
 *   tls_system.c    the process's CTR-DRBG and the system's trusted roots
 *   tls_errors.c    mbedTLS failures -> Errors with Node's (OpenSSL's) codes
 *   tls_context.c   Context: an mbedtls_ssl_config with CA, certificate, ALPN, SNI...
 *   tls_session.c   Session: an mbedtls_ssl_context over memory queues
 *   tls_cache.c     a server's session-ID cache, kept by the application
 *   tls_cert.c      certificates as Node shows them (getPeerCertificate)
 */
#ifndef PETREL_TLS_INTERNAL_H
#define PETREL_TLS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "runtime.h"

/* mbedTLS 3 marks most struct fields private (MBEDTLS_PRIVATE). The binding reads a
 * few that have no accessor (a session's ticket and ID, a ciphersuite's versions, the
 * ticket keys Node's getTicketKeys() exposes, the alert received): this lets it name
 * them. Only here, in the binding's own files; mbedTLS is built without it. */
#define MBEDTLS_ALLOW_PRIVATE_ACCESS
#include "mbedtls/ssl.h"
#include "mbedtls/ctr_drbg.h"
#include "mbedtls/x509_crt.h"
#include "mbedtls/pk.h"
#include "mbedtls/ssl_ticket.h"

#if !defined(MBEDTLS_SSL_PROTO_TLS1_2)
#error "Petrel's TLS needs MBEDTLS_SSL_PROTO_TLS1_2"
#endif

/* ---- randomness and trusted roots (tls_system.c) ------------------------- */
/* The process's DRBG (for mbedtls_ssl_conf_rng); usable once tls_rng_ready() is 0. */
extern mbedtls_ctr_drbg_context tls_drbg;
/* 0 when the DRBG is seeded, else the mbedTLS error (and it is retried next time). */
int tls_rng_ready(void);

/* The system's CA bundle, loaded by tls_sysca_load() on first use (maybe empty). */
extern mbedtls_x509_crt tls_sysca;
extern int tls_sysca_count;
void tls_sysca_load(void);

/* ---- contexts (tls_context.c) --------------------------------------------- */
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
  mbedtls_ssl_ticket_context *tickets; /* server: issues and takes session tickets */
  unsigned char ticket_keys[48];       /* what getTicketKeys() returns (Node's layout) */
  uint32_t lifetime;                   /* server: sessionTimeout (s); older sessions are not resumed */
};

/* The suites Petrel offers, mbedTLS names in preference order, NULL-terminated. */
extern const char *const tls_default_suites[];

duk_ret_t tls_conf_ctor(duk_context *ctx); /* new Context(isServer) */
extern const duk_function_list_entry tls_conf_methods[];
/* The context behind the JS object at idx (throws a TypeError if it is none). */
tls_conf *tls_get_conf(duk_context *ctx, duk_idx_t idx);
void tls_conf_unref(tls_conf *c);
/* A certificate or key argument (string or buffer) as a malloc'd NUL-terminated
 * copy; *len_out counts the NUL for PEM (as mbedTLS wants), not for DER. */
unsigned char *tls_arg_bytes(duk_context *ctx, duk_idx_t idx, size_t *len_out);

/* ---- sessions (tls_session.c) --------------------------------------------- */
typedef struct {
  mbedtls_ssl_context ssl;
  tls_conf *conf;
  uint8_t *in; /* ciphertext from the network not yet consumed */
  size_t in_off, in_len, in_cap;
  uint8_t *out; /* records the engine produced, not yet pulled */
  size_t out_len, out_cap;
  uint8_t first[4]; /* the first input bytes, to recognise an HTTP request */
  size_t first_len;
  int alert;               /* description of a fatal alert received, or -1 */
  int top_depth, top_self; /* top of the chain the verifier built */
  char *servername;        /* server: SNI the client sent */
  tls_conf *sni_conf;      /* server: the context SNICallback chose (a reference), or NULL */
  uint8_t *resume;         /* server: the session 'resumeSession' gave (tls_cache.c), or NULL */
  size_t resume_len;
  uint16_t kx_group; /* client: the (EC)DHE group of the handshake (TLS NamedGroup), or 0 */
  char *keylog; /* NSS key log lines not yet taken by JS ('keylog' event), or NULL */
  size_t keylog_len;
  unsigned handshake_done : 1, resumed : 1, new_session : 1, keylog_on : 1, hello_checked : 1;
} tls_sess;

duk_ret_t tls_sess_ctor(duk_context *ctx); /* new Session(context[, servername]) */
extern const duk_function_list_entry tls_sess_methods[];
/* The session of `this` (throws if it was destroyed). */
tls_sess *tls_this_sess(duk_context *ctx);

/* ---- the application's session cache (tls_cache.c) ------------------------ */
/* The session whose handshake step runs now (mbedTLS gives cache callbacks none). */
extern tls_sess *tls_stepping;
void tls_cache_attach(tls_conf *c);                    /* a server config asks the callbacks below */
duk_ret_t tls_sess_load_session(duk_context *ctx);     /* loadSession(buf) */
duk_ret_t tls_sess_take_new_session(duk_context *ctx); /* takeNewSession() */

/* ---- errors (tls_errors.c) ------------------------------------------------ */
/* Throws Error("what (mbedTLS ...)") with .code: Node's wording for setup failures. */
duk_ret_t tls_throw_setup_error(duk_context *ctx, const char *code, const char *what, int ret);
/* Whether mbedTLS failure ret is a failed allocation (any module). */
int tls_alloc_failed(int ret);
/* Throws RangeError("out of memory") with code ERR_MEMORY_ALLOCATION_FAILED. */
duk_ret_t tls_throw_oom(duk_context *ctx);
/* Whether a ClientHello (p, len: the handshake message) offers supported_versions with
 * none of the versions of context c. */
int tls_hello_lacks_versions(const tls_conf *c, const unsigned char *p, size_t len);
/* Whether read() failed with ret on a TLS 1.3 KeyUpdate from the peer. */
int tls_is_key_update(const tls_sess *s, int ret);
/* Pushes the Error for mbedTLS failure ret of session s, with Node's code. */
void tls_push_session_error(duk_context *ctx, const tls_sess *s, int ret);

/* ---- certificates (tls_cert.c) -------------------------------------------- */
/* Pushes the object getPeerCertificate() shows for crt. */
void tls_push_cert(duk_context *ctx, const mbedtls_x509_crt *crt);
/* The certificate of chain whose subject is child's issuer, or NULL. */
const mbedtls_x509_crt *tls_find_issuer(const mbedtls_x509_crt *chain, const mbedtls_x509_crt *child);

#endif /* PETREL_TLS_INTERNAL_H */
