# linux-lwip: a device simulated on the host. The same runtime on the lwIP
# backend (platform/lwip, raw API, NO_SYS=1) as a Linux process: lwIP's loopback
# netif always, and a TAP device when PETREL_TAP is set (see tap.c). lwIP is
# compiled from Debian's source package in build/third_party (tools/setup.sh sources).
CC ?= cc
PLATFORM := lwip
SETUP_NEEDS := sources
DUK_CONFIG := boards/linux/duk_config_board.h
LWIP_BOARD_DIR := boards/linux-lwip
include platform/lwip/lwip.mk
CFLAGS_BOARD := -I$(LWIP_BOARD_DIR) -Iplatform/lwip -I$(LWIP_DIR)/include
LDLIBS_BOARD := -lm
BOARD_SRCS := $(LWIP_BOARD_DIR)/board.c $(LWIP_BOARD_DIR)/tap.c $(wildcard platform/host/*.c)
EXTRA_OBJS := $(LWIP_BOARD_OBJS)
# tap: the TAP device with real Linux peers; linux-lwip-tiny runs lwIP dry (tests/lwip).
TEST_SUITES := cli tap tls
TEST_ALSO := linux-lwip-tiny
# Peers on this machine reach lwIP's sockets through a TAP device (tap.c).
PEER_NET := tap
