# Linux host (and any POSIX system with epoll): the build users run.
CC ?= cc
PLATFORM := posix
DUK_CONFIG := boards/linux/duk_config_board.h
CFLAGS_BOARD := -pthread
LDLIBS_BOARD := -lm -pthread
TEST_SUITES := cli tool net-real tls tls-net valgrind
# Built and tested under ASan/UBSan after the other boards (tools/test_all.sh).
TEST_SANITIZED := linux-asan linux-lwip-asan
