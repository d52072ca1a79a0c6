# modules/tls/mbedtls.mk, included by the top Makefile after the board's board.mk:
# mbedTLS 3.6 LTS for the tls binding, compiled from Debian's source package
# (trixie's, pinned in tools/setup.sh) that `tools/setup.sh sources` unpacks in
# build/third_party/mbedtls-3.6.6, with Petrel's own
# configuration (modules/tls/mbedtls_config.h). A board that excludes
# modules/tls_binding.c (BOARD_EXCLUDE) gets neither the binding nor mbedTLS.
# The binding's own files in modules/tls/ (tls_*.c) are added here too: the top
# Makefile's modules/*.c does not reach them, so a board without TLS leaves them out.
MBEDTLS_DIR := build/third_party/mbedtls-3.6.6

ifeq ($(filter modules/tls_binding.c,$(BOARD_EXCLUDE)),)
CFLAGS_BOARD += -I$(MBEDTLS_DIR)/include -DMBEDTLS_CONFIG_FILE='"tls/mbedtls_config.h"'
# The binding's parts (our code: built by the top Makefile's rule, with our warnings).
EXTRA_OBJS += $(patsubst %,$(B)/obj/%.o,$(wildcard modules/tls/*.c))
# Our files that include mbedTLS's headers wait for the source package: in a fresh clone
# they would otherwise be compiled first, against no headers (or against a system
# libmbedtls-dev's, another version). The goal make had before stays its default goal.
MBEDTLS_GOAL := $(.DEFAULT_GOAL)
$(patsubst %,$(B)/obj/%.o,$(wildcard modules/tls/*.c) modules/tls_binding.c): | $(SETUP)/sources
.DEFAULT_GOAL := $(MBEDTLS_GOAL)
# Every library file: what the configuration leaves out compiles to nothing.
MBEDTLS_SRCS := $(notdir $(wildcard $(MBEDTLS_DIR)/library/*.c))
ifeq ($(MBEDTLS_SRCS),)
# Not unpacked yet (clean clone): the names the 3.6.6 package has.
MBEDTLS_SRCS := aes.c aesce.c aesni.c aria.c asn1parse.c asn1write.c base64.c bignum.c bignum_core.c \
  bignum_mod.c bignum_mod_raw.c block_cipher.c camellia.c ccm.c chacha20.c chachapoly.c cipher.c \
  cipher_wrap.c cmac.c constant_time.c ctr_drbg.c debug.c des.c dhm.c ecdh.c ecdsa.c ecjpake.c ecp.c \
  ecp_curves.c ecp_curves_new.c entropy.c entropy_poll.c error.c gcm.c hkdf.c hmac_drbg.c lmots.c lms.c \
  md.c md5.c memory_buffer_alloc.c mps_reader.c mps_trace.c net_sockets.c nist_kw.c oid.c padlock.c \
  pem.c pk.c pk_ecc.c pk_wrap.c pkcs12.c pkcs5.c pkcs7.c pkparse.c pkwrite.c platform.c platform_util.c \
  poly1305.c psa_crypto.c psa_crypto_aead.c psa_crypto_cipher.c psa_crypto_client.c \
  psa_crypto_driver_wrappers_no_static.c psa_crypto_ecp.c psa_crypto_ffdh.c psa_crypto_hash.c \
  psa_crypto_mac.c psa_crypto_pake.c psa_crypto_random.c psa_crypto_rsa.c psa_crypto_se.c \
  psa_crypto_slot_management.c psa_crypto_storage.c psa_its_file.c psa_util.c ripemd160.c rsa.c \
  rsa_alt_helpers.c sha1.c sha256.c sha3.c sha512.c ssl_cache.c ssl_ciphersuites.c ssl_client.c \
  ssl_cookie.c ssl_debug_helpers_generated.c ssl_msg.c ssl_ticket.c ssl_tls.c ssl_tls12_client.c \
  ssl_tls12_server.c ssl_tls13_client.c ssl_tls13_generic.c ssl_tls13_keys.c ssl_tls13_server.c \
  threading.c timing.c version.c version_features.c x509.c x509_create.c x509_crl.c x509_crt.c \
  x509_csr.c x509write.c x509write_crt.c x509write_csr.c
endif
EXTRA_OBJS += $(patsubst %.c,$(B)/obj/mbedtls/%.o,$(MBEDTLS_SRCS))
# Third-party code: our flags, not our warnings. (A pattern rule only, so that
# nothing here becomes make's default goal.)
$(B)/obj/mbedtls/%.o: modules/tls/mbedtls_config.h | $(SETUP)/sources
	@mkdir -p $(@D)
	@echo "  CC      mbedtls/$*.c ($(BOARD))"
	$(Q)$(CC) $(filter-out $(WARN),$(CFLAGS_ALL)) $(MBEDTLS_CFLAGS) -w -c $(MBEDTLS_DIR)/library/$*.c -o $@
# ssl_tls12_client.c gets one small edit (tools/mbedtls_patch.py says which and why): the
# edited copy is compiled instead, finding the library's own headers through -I. (Explicit
# targets: the goal make had before stays its default goal.)
MBEDTLS_GOAL := $(.DEFAULT_GOAL)
$(B)/mbedtls/ssl_tls12_client.c: tools/mbedtls_patch.py | $(SETUP)/sources
	@mkdir -p $(@D)
	$(Q)python3 tools/mbedtls_patch.py $(MBEDTLS_DIR)/library/ssl_tls12_client.c $@
$(B)/obj/mbedtls/ssl_tls12_client.o: $(B)/mbedtls/ssl_tls12_client.c modules/tls/mbedtls_config.h | $(SETUP)/sources
	@mkdir -p $(@D)
	@echo "  CC      mbedtls/ssl_tls12_client.c, edited ($(BOARD))"
	$(Q)$(CC) $(filter-out $(WARN),$(CFLAGS_ALL)) $(MBEDTLS_CFLAGS) -I$(MBEDTLS_DIR)/library -w -c $< -o $@
.DEFAULT_GOAL := $(MBEDTLS_GOAL)
endif
