# linux-lwip built with AddressSanitizer and UndefinedBehaviorSanitizer: the lwIP
# backend (platform/lwip) and lwIP itself under the sanitizers, in make test.
include boards/linux-lwip/board.mk
CFLAGS_BOARD += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS_BOARD += -fsanitize=address,undefined
# Duktape's own code relies on unaligned/overflowing arithmetic it documents as safe.
DUK_CFLAGS := -fno-sanitize=undefined
# See boards/linux-asan/board.mk.
MBEDTLS_CFLAGS := -fno-sanitize=nonnull-attribute
# In make test (linux's TEST_SANITIZED): the JS tests, the conformance cases, the fuzz.
TEST_SUITES :=
TEST_COMMON := js conformance fuzz
TEST_ALSO :=
