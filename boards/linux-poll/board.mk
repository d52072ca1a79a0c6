# The linux board with the poll(2) poller instead of epoll: what systems
# without epoll get. make test runs the JS suite on it to keep that path true.
CC ?= cc
PLATFORM := posix
DUK_CONFIG := boards/linux/duk_config_board.h
CFLAGS_BOARD := -pthread -DPETREL_POLLER_POLL
LDLIBS_BOARD := -lm -pthread
