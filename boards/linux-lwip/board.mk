# linux-lwip: a device simulated on the host. The same runtime on the lwIP
# backend (platform/lwip, raw API, NO_SYS=1) as a Linux process: lwIP's loopback
# netif always, and a TAP device when PETREL_TAP is set (see tap.c). lwIP is
# compiled from Debian's source package in build/third_party (tools/setup.sh sources).
CC ?= cc
PLATFORM := lwip
SETUP_NEEDS := sources
DUK_CONFIG := boards/linux/duk_config_board.h
LWIP_BOARD_DIR := boards/linux-lwip
LWIP_DIR := $(firstword $(wildcard build/third_party/lwip-2.*/src) build/third_party/lwip-2.1.3+dfsg1/src)
CFLAGS_BOARD := -I$(LWIP_BOARD_DIR) -Iplatform/lwip -I$(LWIP_DIR)/include
LDLIBS_BOARD := -lm
BOARD_SRCS := $(LWIP_BOARD_DIR)/board.c $(LWIP_BOARD_DIR)/tap.c $(wildcard platform/host/*.c)

# lwIP's core, IPv4, IPv6 and ethernet: what a NO_SYS raw-API build needs.
LWIP_SRCS := $(addprefix core/,def.c dns.c inet_chksum.c init.c ip.c mem.c memp.c netif.c pbuf.c \
  raw.c stats.c sys.c tcp.c tcp_in.c tcp_out.c timeouts.c udp.c) \
  $(addprefix core/ipv4/,etharp.c icmp.c ip4.c ip4_addr.c ip4_frag.c) \
  $(addprefix core/ipv6/,ethip6.c icmp6.c inet6.c ip6.c ip6_addr.c ip6_frag.c mld6.c nd6.c) \
  netif/ethernet.c
EXTRA_OBJS := $(patsubst %.c,$(B)/obj/lwip/%.o,$(LWIP_SRCS))

# Third-party code: our flags and dependency files, but not our warnings.
$(B)/obj/lwip/%.o: | $(SETUP)/sources
	@mkdir -p $(@D)
	@echo "  CC      lwip/$*.c ($(BOARD))"
	$(Q)$(CC) $(filter-out $(WARN),$(CFLAGS_ALL)) -w -c $(LWIP_DIR)/$*.c -o $@
