# lwIP from Debian's source package (`tools/setup.sh sources` unpacks it into
# build/third_party): where it is, and the files a NO_SYS raw-API build compiles
# (core, IPv4, IPv6, ethernet; a feature a board's lwipopts.h turns off compiles to
# nothing). Included by the lwIP boards' board.mk and by tests/unit/unit.mk.
# LWIP_VERSION is the upstream part of the version tools/setup.sh pins (LWIP_VERSION
# there): the two must name the same release.
LWIP_VERSION := 2.2.1+dfsg1
LWIP_DIR := build/third_party/lwip-$(LWIP_VERSION)/src
LWIP_SRCS := $(addprefix core/,def.c dns.c inet_chksum.c init.c ip.c mem.c memp.c netif.c pbuf.c \
    raw.c stats.c sys.c tcp.c tcp_in.c tcp_out.c timeouts.c udp.c) \
  $(addprefix core/ipv4/,acd.c autoip.c dhcp.c etharp.c icmp.c igmp.c ip4.c ip4_addr.c ip4_frag.c) \
  $(addprefix core/ipv6/,dhcp6.c ethip6.c icmp6.c inet6.c ip6.c ip6_addr.c ip6_frag.c mld6.c nd6.c) \
  netif/ethernet.c

# A board's lwIP objects: third-party code, built with our flags but not our warnings.
# Their directory names the release, so that objects of another one are never linked.
LWIP_BOARD_OBJS := $(patsubst %.c,$(B)/obj/lwip-$(LWIP_VERSION)/%.o,$(LWIP_SRCS))
$(B)/obj/lwip-$(LWIP_VERSION)/%.o: | $(SETUP)/sources
	@mkdir -p $(@D)
	@echo "  CC      lwip/$*.c ($(BOARD))"
	$(Q)$(CC) $(filter-out $(WARN),$(CFLAGS_ALL)) -w -c $(LWIP_DIR)/$*.c -o $@

# The board's own objects include lwIP's headers (struct tcp_pcb, ...): when the board
# was last built against another release, they are compiled again (Duktape's, the
# built-in JS's and mbedTLS's objects, which know nothing of lwIP, are kept).
# $(B)/obj/lwip-version holds the release they were built against.
LWIP_STAMP := $(B)/obj/lwip-version
$(shell if [ "$$(cat $(LWIP_STAMP) 2>/dev/null)" != "$(LWIP_VERSION)" ]; then \
  rm -rf $(B)/obj/lwip $(B)/obj/lwip-* $(B)/obj/runtime $(B)/obj/modules $(B)/obj/platform $(B)/obj/boards; \
  mkdir -p $(B)/obj && echo "$(LWIP_VERSION)" > $(LWIP_STAMP); fi)
