# mps2-an385-tls: the mps2-an385 firmware (boards/mps2-an385/board.mk, included whole)
# with the tls module: mbedTLS 3.6 + the binding (modules/tls/mbedtls.mk), built with
# PETREL_TLS_SMALL (4 KB output records, 4 KB records asked of servers, small ECC
# tables, no error texts); its entropy is the base board's TEST-ONLY plat_random().
#
#   make BOARD=mps2-an385-tls                  build/mps2-an385-tls/petrel (+ .bin)
#   tools/board_run.sh mps2-an385-tls x.js     run a script on it under QEMU
#   tests/tls/board.sh mps2-an385-tls          the TLS tests the board runs
#
# It is a separate board, not a switch on mps2-an385, so that the plain firmware keeps
# its size (TLS adds ~150 KB of flash) and both can be built side by side.
#
# ENTROPY: QEMU's AN385 has no TRNG. The base board's plat_random()
# (boards/mps2-an385/random_test_only.c) feeds mbedTLS from SysTick jitter, the host
# clock (semihosting) and a build-time seed: predictable to anyone who can guess those,
# so NOT SECURE -- for tests under QEMU only. A real board implements plat_random()
# with its TRNG (docs/tls.md, "Entropy").
#
# Budget: 1 MiB of flash (mbedTLS adds ~175 KB to the base board's ~436 KB) and 1 MiB of
# RAM, where the base board has 256 KiB. One TLS session open needs ~301 KB of RAM
# high-water (#17's target: <= 384 KiB; docs/bench.md), but tests/tls/board.sh's slices
# run both ends of sessions in one process, and this board also runs whole the fuzz runs
# the base board lists as its memory limits (its test-limits.txt).
# tests/tls/board.sh prints each slice's RAM high-water.
# RAM_SIZE=... and FLASH_SIZE=... override them as on the base board.
RAM_SIZE ?= 1M
FLASH_SIZE ?= 1M
include boards/mps2-an385/board.mk

MPS2_TLS := boards/mps2-an385-tls
# Keep the tls binding and mbedTLS (the base board excludes them).
BOARD_EXCLUDE :=
# mbedTLS from our configuration (modules/tls/mbedtls_config.h: no AES-NI off x86-64).
CFLAGS_BOARD += -DPETREL_TLS_SMALL -DPETREL_TLS_BOARD_ENTROPY
RUN_SCRIPT := $(MPS2_TLS)/run_script.sh
TEST_SUITES := tls-board lwip-board
TEST_ALSO :=
# make bench: the TLS build's flash, record sizes, and per session handshake time and RAM
# (tools/bench/tls_board.sh; the base board's bench.py measures the plain firmware).
BENCH_CMD = tools/bench/tls_board.sh $(BOARD)
