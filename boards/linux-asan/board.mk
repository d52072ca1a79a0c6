# The linux board built with AddressSanitizer and UndefinedBehaviorSanitizer (make check-asan).
include boards/linux/board.mk
CFLAGS_BOARD += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS_BOARD := -fsanitize=address,undefined
# Keys C finds by their address (Duktape's literal cache, the packed stream fields)
# must lie in read-only data: checked at each use, abort naming the key (runtime/static_key.c).
CFLAGS_BOARD += -DPETREL_CHECK_STATIC_KEYS
# In make test (linux's TEST_SANITIZED): tls and the common suites.
TEST_SUITES := tls
TEST_SANITIZED :=
# Duktape's own code relies on unaligned/overflowing arithmetic it documents as safe.
DUK_CFLAGS := -fno-sanitize=undefined
# mbedTLS (2.28, and 3.6 still) compares an empty X.509 name OID as memcmp(NULL, NULL, 0)
# (x509_crt.c, x509_name_cmp; found by tests/tls/garbage.js with 300 mutations):
# harmless, but UB by the letter. Third-party code: that one check is off there only.
MBEDTLS_CFLAGS := -fno-sanitize=nonnull-attribute
