# modules/tls/mbedtls.mk, included by the top Makefile after the board's board.mk:
# mbedTLS 2.28 for the tls binding, compiled from Debian's source package that
# `tools/setup.sh sources` unpacks in build/third_party, with Petrel's own
# configuration (modules/tls/mbedtls_config.h). A board that excludes
# modules/tls_binding.c (BOARD_EXCLUDE) gets neither the binding nor mbedTLS.
# The binding's own files in modules/tls/ (tls_*.c) are added here too: the top
# Makefile's modules/*.c does not reach them, so a board without TLS leaves them out.
MBEDTLS_DIR := $(firstword $(wildcard build/third_party/mbedtls-2.*) build/third_party/mbedtls-2.28.3)

ifeq ($(filter modules/tls_binding.c,$(BOARD_EXCLUDE)),)
CFLAGS_BOARD += -I$(MBEDTLS_DIR)/include -DMBEDTLS_CONFIG_FILE='"tls/mbedtls_config.h"'
# The binding's parts (our code: built by the top Makefile's rule, with our warnings).
EXTRA_OBJS += $(patsubst %,$(B)/obj/%.o,$(wildcard modules/tls/*.c))
# Every library file: what the configuration leaves out compiles to nothing.
MBEDTLS_SRCS := $(notdir $(wildcard $(MBEDTLS_DIR)/library/*.c))
ifeq ($(MBEDTLS_SRCS),)
# Not unpacked yet (clean clone): the names Debian's 2.28 package has.
MBEDTLS_SRCS := aes.c aesni.c asn1parse.c asn1write.c base64.c bignum.c chacha20.c chachapoly.c \
  cipher.c cipher_wrap.c constant_time.c ctr_drbg.c des.c ecdh.c ecdsa.c ecp.c ecp_curves.c entropy.c \
  entropy_poll.c error.c gcm.c md.c md5.c oid.c pem.c pk.c pk_wrap.c pkcs12.c pkcs5.c pkparse.c pkwrite.c \
  platform.c platform_util.c poly1305.c rsa.c rsa_internal.c sha1.c sha256.c sha512.c ssl_ciphersuites.c \
  ssl_cli.c ssl_msg.c ssl_srv.c ssl_ticket.c ssl_tls.c x509.c x509_crt.c
endif
EXTRA_OBJS += $(patsubst %.c,$(B)/obj/mbedtls/%.o,$(MBEDTLS_SRCS))
# Third-party code: our flags, not our warnings. (A pattern rule only, so that
# nothing here becomes make's default goal.)
$(B)/obj/mbedtls/%.o: modules/tls/mbedtls_config.h | $(SETUP)/sources
	@mkdir -p $(@D)
	@echo "  CC      mbedtls/$*.c ($(BOARD))"
	$(Q)$(CC) $(filter-out $(WARN),$(CFLAGS_ALL)) $(MBEDTLS_CFLAGS) -w -c $(MBEDTLS_DIR)/library/$*.c -o $@
endif
