# The linux board built with AddressSanitizer and UndefinedBehaviorSanitizer (make check-asan).
CC ?= cc
PLATFORM := posix
DUK_CONFIG := boards/linux/duk_config_board.h
CFLAGS_BOARD := -pthread -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS_BOARD := -fsanitize=address,undefined
LDLIBS_BOARD := -lm -pthread
# Duktape's own code relies on unaligned/overflowing arithmetic it documents as safe.
DUK_CFLAGS := -fno-sanitize=undefined
