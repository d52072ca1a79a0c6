# lwIP from Debian's source package (`tools/setup.sh sources` unpacks it into
# build/third_party): where it is, and the files a NO_SYS raw-API build compiles
# (core, IPv4, IPv6, ethernet; a feature a board's lwipopts.h turns off compiles to
# nothing). Included by the lwIP boards' board.mk and by tests/unit/unit.mk.
LWIP_DIR := $(firstword $(wildcard build/third_party/lwip-2.*/src) build/third_party/lwip-2.1.3+dfsg1/src)
LWIP_SRCS := $(addprefix core/,def.c dns.c inet_chksum.c init.c ip.c mem.c memp.c netif.c pbuf.c \
    raw.c stats.c sys.c tcp.c tcp_in.c tcp_out.c timeouts.c udp.c) \
  $(addprefix core/ipv4/,autoip.c dhcp.c etharp.c icmp.c igmp.c ip4.c ip4_addr.c ip4_frag.c) \
  $(addprefix core/ipv6/,dhcp6.c ethip6.c icmp6.c inet6.c ip6.c ip6_addr.c ip6_frag.c mld6.c nd6.c) \
  netif/ethernet.c

# A board's lwIP objects: third-party code, built with our flags but not our warnings.
LWIP_BOARD_OBJS := $(patsubst %.c,$(B)/obj/lwip/%.o,$(LWIP_SRCS))
$(B)/obj/lwip/%.o: | $(SETUP)/sources
	@mkdir -p $(@D)
	@echo "  CC      lwip/$*.c ($(BOARD))"
	$(Q)$(CC) $(filter-out $(WARN),$(CFLAGS_ALL)) -w -c $(LWIP_DIR)/$*.c -o $@
