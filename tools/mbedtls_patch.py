#!/usr/bin/env python3
"""Petrel's build-time edit to mbedTLS 3.6's ssl_tls12_client.c: `mbedtls_patch.py IN OUT`.

The source package is never committed; the build copies this one file out of it
(build/BOARD/mbedtls/) and applies the edit below. The edit names the exact text it
expects to find once; if the packaged mbedTLS differs, the build stops here instead
of quietly building an unedited library.

1. A TLS 1.2 client takes a ServerKeyExchange signed with RSA-PSS (rsa_pss_rsae_sha256,
   _sha384, _sha512; RFC 8446 4.2.3 allows them in TLS 1.2). mbedTLS 3.6 offers these
   in its ClientHello whenever TLS 1.3 is enabled (1.3 signs with them), but its TLS 1.2
   check of the server's choice knows only (hash, RSA|ECDSA) pairs, so every TLS 1.2
   server that picks PSS by its own preference failed the handshake (illegal_parameter):
   OpenSSL servers that prefer their own order, node's tls server with maxVersion
   'TLSv1.2' among them. The rest of mbedTLS's TLS 1.2 path already handles PSS
   (pk type MBEDTLS_PK_RSASSA_PSS from the code point, then mbedtls_pk_verify_ext with
   MGF1 on the same hash and a salt of the hash's length, MBEDTLS_X509_RSASSA_PSS_SUPPORT);
   only that check is widened, and only for the server's signature: what mbedTLS offers,
   and what a Petrel server signs or accepts from clients, are unchanged.
"""
import sys

src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding='utf-8').read()

old = '''    if (!mbedtls_ssl_sig_alg_is_supported(ssl, sig_alg)) {
        MBEDTLS_SSL_DEBUG_MSG(1,
                              ("Server used unsupported value in SigAlg extension 0x%04x",
                               sig_alg));
        return MBEDTLS_SSL_ALERT_MSG_ILLEGAL_PARAMETER;
    }
'''
new = '''    if (!mbedtls_ssl_sig_alg_is_supported(ssl, sig_alg)
#if defined(MBEDTLS_X509_RSASSA_PSS_SUPPORT) && defined(MBEDTLS_PKCS1_V21)
        /* Petrel (tools/mbedtls_patch.py): RSA-PSS in TLS 1.2 too. */
        && *pk_alg != MBEDTLS_PK_RSASSA_PSS
#endif
        ) {
        MBEDTLS_SSL_DEBUG_MSG(1,
                              ("Server used unsupported value in SigAlg extension 0x%04x",
                               sig_alg));
        return MBEDTLS_SSL_ALERT_MSG_ILLEGAL_PARAMETER;
    }
'''
if text.count(old) != 1:
    sys.exit('mbedtls_patch.py: edit 1: the expected text occurs %d times in %s, not once' % (text.count(old), src))
text = text.replace(old, new)
open(dst, 'w', encoding='utf-8').write('/* Edited by Petrel\'s tools/mbedtls_patch.py from ' + src + ' */\n' + text)
