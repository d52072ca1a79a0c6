/*
 * Petrel's mbedTLS 3.6 configuration (passed as MBEDTLS_CONFIG_FILE by
 * modules/tls/mbedtls.mk). It replaces the stock mbedtls_config.h entirely: only
 * what modules/tls_binding.c needs is turned on.
 *
 * Protocol: TLS 1.2 and 1.3, client and server, SNI, ALPN, extended master secret,
 * encrypt-then-MAC; in 1.3 resumption by tickets (PSK with (EC)DHE).
 * Key exchange: ECDHE-ECDSA, ECDHE-RSA, plain RSA. Ciphers: AES-GCM,
 * ChaCha20-Poly1305, AES-CBC (SHA-256/384). Curves: X25519, P-256, P-384, P-521
 * (what Node and OpenSSL offer by default). Certificates: X.509 in PEM or DER,
 * RSA and EC keys, PKCS#8 keys also encrypted (PBES2), PKCS#1/SEC1 keys.
 */
#ifndef PETREL_MBEDTLS_CONFIG_H
#define PETREL_MBEDTLS_CONFIG_H

/* ---- system ---------------------------------------------------------------- */
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_HAVE_TIME
#define MBEDTLS_HAVE_TIME_DATE /* certificate validity checks use gmtime_r */
#if defined(__x86_64__) || defined(__amd64__)
#define MBEDTLS_AESNI_C /* AES-NI and PCLMULQDQ (GCM) on x86-64 hosts */
#endif
#if defined(PETREL_TLS_BOARD_ENTROPY)
#define MBEDTLS_NO_PLATFORM_ENTROPY /* the board's plat_random() is the source */
#endif
#if !defined(__unix__)
/* No OS clock for mbedTLS's millisecond time (TLS 1.3 ticket ages): the platform's
 * monotonic clock (plat_now_ms, tls_system.c). */
#define MBEDTLS_PLATFORM_MS_TIME_ALT
#endif
/* Memory: mbedTLS allocates through the runtime (runtime/vm.c), which counts it as
 * process.memoryUsage().external under the heap limit, and when an allocation
 * fails collects Duktape's garbage and tries again: the records of a new session
 * can take the room of closed sockets not yet collected. */
#include <stddef.h>
void *petrel_native_calloc(size_t n, size_t size);
void petrel_native_free(void *ptr);
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_CALLOC_MACRO petrel_native_calloc
#define MBEDTLS_PLATFORM_FREE_MACRO   petrel_native_free

/* ---- PSA crypto -------------------------------------------------------------
 * mbedTLS 3.6 routes part of its work through the PSA crypto API (TLS 1.3's key
 * schedule, and some TLS 1.2 internals), so psa_crypto_init() runs once the DRBG is
 * seeded (tls_system.c). PSA's random numbers come from that same DRBG
 * (MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG: mbedtls_psa_external_get_random in tls_system.c),
 * so one entropy source feeds everything, also on a board. No key storage (no files),
 * and the legacy APIs stay in use (no MBEDTLS_USE_PSA_CRYPTO). */
#define MBEDTLS_PSA_CRYPTO_C
#define MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG
#define MBEDTLS_PSA_KEY_STORE_DYNAMIC /* key slots grow with the sessions open */

/* ---- TLS ------------------------------------------------------------------- */
#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_SSL_CLI_C
#define MBEDTLS_SSL_SRV_C
#define MBEDTLS_SSL_PROTO_TLS1_2
#define MBEDTLS_SSL_PROTO_TLS1_3
/* OpenSSL and node send the middlebox-compatibility ChangeCipherSpec and session ID. */
#define MBEDTLS_SSL_TLS1_3_COMPATIBILITY_MODE
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_EPHEMERAL_ENABLED
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_PSK_EPHEMERAL_ENABLED /* resumption */
#define MBEDTLS_SSL_SERVER_NAME_INDICATION
#define MBEDTLS_SSL_ALPN
#define MBEDTLS_SSL_EXTENDED_MASTER_SECRET
#define MBEDTLS_SSL_ENCRYPT_THEN_MAC
#define MBEDTLS_SSL_KEEP_PEER_CERTIFICATE /* getPeerCertificate() after the handshake */
#define MBEDTLS_SSL_MAX_FRAGMENT_LENGTH
#define MBEDTLS_SSL_ALL_ALERT_MESSAGES
#define MBEDTLS_SSL_SESSION_TICKETS /* resumption: tls.connect({ session }), RFC 5077 */
#define MBEDTLS_SSL_TICKET_C        /* a server's ticket keys (AES-256-GCM, per context) */
/* Peers send full 16 KB records: the input buffer must hold one. */
#define MBEDTLS_SSL_IN_CONTENT_LEN 16384
#if defined(PETREL_TLS_SMALL)
#define MBEDTLS_SSL_OUT_CONTENT_LEN 4096
/* A board's client also asks the server for records of at most 4 KB (RFC 6066
 * max_fragment_length, tls_context.c): OpenSSL and mbedTLS servers honour it, so the
 * plaintext of each record read, and the ciphertext waiting for it, stay within 4 KB.
 * The input buffer keeps 16 KB all the same: a server may ignore the request, and
 * mbedTLS's client would shrink it (MBEDTLS_SSL_VARIABLE_BUFFER_LENGTH) even then. */
#define PETREL_TLS_CLIENT_MFL MBEDTLS_SSL_MAX_FRAG_LEN_4096
#else
#define MBEDTLS_SSL_OUT_CONTENT_LEN 16384
#endif

#define MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED
#define MBEDTLS_KEY_EXCHANGE_ECDHE_RSA_ENABLED
#define MBEDTLS_KEY_EXCHANGE_RSA_ENABLED

/* ---- ciphers and hashes ---------------------------------------------------- */
#define MBEDTLS_CIPHER_C
#define MBEDTLS_AES_C
#define MBEDTLS_GCM_C
#define MBEDTLS_CHACHA20_C
#define MBEDTLS_POLY1305_C
#define MBEDTLS_CHACHAPOLY_C
#define MBEDTLS_CIPHER_MODE_CBC
#define MBEDTLS_CIPHER_PADDING_PKCS7
#define MBEDTLS_MD_C
#define MBEDTLS_SHA1_C /* certificate fingerprints, old signatures, PBKDF2 */
#define MBEDTLS_SHA224_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA384_C
#define MBEDTLS_SHA512_C
#define MBEDTLS_MD5_C    /* PEM keys encrypted the traditional OpenSSL way */
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_ENTROPY_C

/* ---- public keys ------------------------------------------------------------ */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21 /* RSA-PSS signatures */
#define MBEDTLS_X509_RSASSA_PSS_SUPPORT /* TLS 1.3 signs with RSA-PSS (rsa_pss_rsae_*) */
#define MBEDTLS_GENPRIME
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDH_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECP_DP_CURVE25519_ENABLED
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECP_DP_SECP521R1_ENABLED
#define MBEDTLS_ECP_NIST_OPTIM
#if defined(PETREL_TLS_SMALL)
/* Boards: smaller precomputed point tables (RAM during a handshake; slower ECDSA/ECDHE). */
#define MBEDTLS_ECP_WINDOW_SIZE       2
#define MBEDTLS_ECP_FIXED_POINT_OPTIM 0
#endif
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_PK_WRITE_C
#define MBEDTLS_PKCS5_C /* PBES2-encrypted PKCS#8 keys */
#define MBEDTLS_PKCS12_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_OID_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_DES_C /* only for keys encrypted with DES-EDE3-CBC */
#define MBEDTLS_CIPHER_MODE_CTR
#define MBEDTLS_HKDF_C /* TLS 1.3's key schedule (through PSA) */

#if !defined(PETREL_TLS_SMALL)
#define MBEDTLS_ERROR_C /* mbedtls_strerror() texts in error messages */
#endif

/* mbedTLS 3 checks the configuration itself (build_info.h includes check_config.h). */
#endif /* PETREL_MBEDTLS_CONFIG_H */
