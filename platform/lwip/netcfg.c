/*
 * lwIP backend: the board's network settings at run time and its interfaces
 * (platform.h: plat_net_configure, plat_net_ready, plat_net_changes,
 * plat_net_interfaces). The board adds its netifs (board_netifs_init) with the
 * build's defaults; the first non-loopback one is "the board's interface", whose
 * settings the runtime changes from the store's /net.json (runtime/netcfg.c):
 * a static IPv4 address or DHCP (lwIP's dhcp.c, always compiled in), a DNS
 * server and the hostname DHCP sends. What it booted with is kept, so a config
 * that goes away brings the board back to it.
 */
#include <string.h>
#include "lwip/netif.h"
#include "lwip/dhcp.h"
#include "lwip/dns.h"
#include "lwip_backend.h"

static plat_net_config boot_cfg, cur_cfg;
#if LWIP_NETIF_HOSTNAME
static const char *boot_hostname;
static char hostname[sizeof boot_cfg.hostname];
#endif
static unsigned changes;
static int noted;

static int is_loop(const struct netif *n) { return n->name[0] == 'l' && n->name[1] == 'o'; }

static struct netif *board_if(void)
{
  struct netif *n;
  NETIF_FOREACH(n)
  {
    if (!is_loop(n)) return n;
  }
  return NULL;
}

/* lwIP calls it when an address is set or goes (netif.c): inside plat_wait or a
 * plat_net_configure, never with JS on the stack. */
static void status_changed(struct netif *n)
{
  (void)n;
  changes++;
  plat_interrupt(); /* the loop's next turn sees it */
}

static void put4(uint8_t *b, const ip4_addr_t *a) { memcpy(b, &a->addr, 4); }
static void get4(ip4_addr_t *a, const uint8_t *b) { memcpy(&a->addr, b, 4); }

/* Called by plat_init once the board added its netifs: what it booted with. */
void lw_netcfg_boot(void)
{
  struct netif *n = board_if();
  if (!n || noted) return;
  noted = 1;
#if LWIP_DHCP
  boot_cfg.dhcp = netif_dhcp_data(n) != NULL;
#endif
  put4(boot_cfg.ip, netif_ip4_addr(n));
  put4(boot_cfg.mask, netif_ip4_netmask(n));
  put4(boot_cfg.gw, netif_ip4_gw(n));
#if LWIP_DNS
  const ip_addr_t *d = dns_getserver(0);
  if (IP_IS_V4(d)) put4(boot_cfg.dns, ip_2_ip4(d));
#endif
#if LWIP_NETIF_HOSTNAME
  boot_hostname = n->hostname;
#endif
  cur_cfg = boot_cfg;
#if LWIP_NETIF_STATUS_CALLBACK
  netif_set_status_callback(n, status_changed);
#else
  (void)status_changed;
#endif
}

int plat_net_configure(const plat_net_config *c)
{
  struct netif *n = board_if();
  if (!n) return PLAT_ENETDOWN;
  if (!c) c = &boot_cfg;
  if (!memcmp(c, &cur_cfg, sizeof *c)) return 0;
#if LWIP_NETIF_HOSTNAME
  if (c->hostname[0]) {
    memcpy(hostname, c->hostname, sizeof hostname);
    hostname[sizeof hostname - 1] = 0;
    n->hostname = hostname;
  } else {
    n->hostname = boot_hostname;
  }
#endif
#if LWIP_DNS
  ip_addr_t d;
  static const uint8_t none[4];
  ip_addr_set_zero_ip4(&d);
  get4(ip_2_ip4(&d), memcmp(c->dns, none, 4) ? c->dns : boot_cfg.dns);
  dns_setserver(0, &d);
#endif
  int was_dhcp = cur_cfg.dhcp;
  cur_cfg = *c;
#if LWIP_DHCP
  if (c->dhcp) {
    if (!was_dhcp) {
      netif_set_addr(n, IP4_ADDR_ANY4, IP4_ADDR_ANY4, IP4_ADDR_ANY4);
      if (dhcp_start(n) != ERR_OK) return PLAT_ENOMEM;
    }
    return 0;
  }
  if (was_dhcp) dhcp_release_and_stop(n);
#else
  if (c->dhcp) return PLAT_ENOTSUP;
#endif
  ip4_addr_t ip, mask, gw;
  get4(&ip, c->ip);
  get4(&mask, c->mask);
  get4(&gw, c->gw);
  netif_set_addr(n, &ip, &mask, &gw);
  return 0;
}

int plat_net_configurable(void) { return 1; }

int plat_net_ready(void)
{
  struct netif *n = board_if();
  return !n || (netif_is_up(n) && !ip4_addr_isany_val(*netif_ip4_addr(n)));
}

unsigned plat_net_changes(void) { return changes; }

static int prefix_of(uint32_t mask_net)
{
  uint32_t m = lwip_ntohl(mask_net);
  int len = 0;
  while (m & 0x80000000u) {
    len++;
    m <<= 1;
  }
  return len;
}

static int add(plat_if_addr *out, int max, int count, const struct netif *n, int eth, const ip_addr_t *ip, int prefix)
{
  if (count < max) {
    plat_if_addr *e = &out[count];
    memset(e, 0, sizeof *e);
    if (is_loop(n)) {
      memcpy(e->name, "lo", 3);
      e->internal = 1;
    } else {
      memcpy(e->name, "eth0", 5);
      e->name[3] = (char)('0' + eth % 10);
    }
    if (n->hwaddr_len == 6) memcpy(e->mac, n->hwaddr, 6);
    lw_from_ip(ip, 0, 0, &e->addr);
    e->prefix = (uint8_t)prefix;
  }
  return count + 1;
}

/* The loopback first and then the others in the order they were added, as node lists lo first. */
int plat_net_interfaces(plat_if_addr *out, int max)
{
  int count = 0;
  for (int pass = 0; pass < 2; pass++) {
    struct netif *list[8];
    int k = 0, eth = 0;
    struct netif *n;
    NETIF_FOREACH(n)
    {
      if (k < 8) list[k++] = n;
    }
    while (k--) { /* netif_add puts the newest first */
      n = list[k];
      if (is_loop(n) != (pass == 0)) continue;
      if (netif_is_up(n)) {
#if LWIP_IPV4
        if (!ip4_addr_isany_val(*netif_ip4_addr(n)))
          count = add(out, max, count, n, eth, netif_ip_addr4(n), prefix_of(netif_ip4_netmask(n)->addr));
#endif
#if LWIP_IPV6
        for (int i = 0; i < LWIP_IPV6_NUM_ADDRESSES; i++)
          if (ip6_addr_isvalid(netif_ip6_addr_state(n, i)))
            count = add(out, max, count, n, eth, netif_ip_addr6(n, i), is_loop(n) ? 128 : 64);
#endif
      }
      if (!is_loop(n)) eth++;
    }
  }
  return count;
}
