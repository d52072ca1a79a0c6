/*
 * POSIX backend: the host's interfaces for os.networkInterfaces() (getifaddrs, as
 * libuv's uv_interface_addresses: every address of an interface that is up, and the
 * interface's hardware address from its AF_PACKET entry). The host's system owns its
 * network settings: plat_net_configure is not supported and there is nothing to wait for.
 */
#define _GNU_SOURCE
#include <string.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#ifdef __linux__
#include <netpacket/packet.h>
#endif
#include "posix.h"

int plat_net_configure(const plat_net_config *c)
{
  (void)c;
  return PLAT_ENOTSUP;
}
int plat_net_configurable(void) { return 0; }
int plat_net_ready(void) { return 1; }
unsigned plat_net_changes(void) { return 0; }

static int prefix_len(const uint8_t *b, int n)
{
  int len = 0;
  for (int i = 0; i < n; i++)
    for (int bit = 7; bit >= 0 && (b[i] >> bit & 1); bit--) len++;
  return len;
}

int plat_net_interfaces(plat_if_addr *out, int max)
{
  struct ifaddrs *list, *a;
  if (getifaddrs(&list) != 0) return PLAT_ENOMEM;
  int count = 0;
  for (a = list; a; a = a->ifa_next) {
    if (!a->ifa_addr || !(a->ifa_flags & IFF_UP) || !(a->ifa_flags & IFF_RUNNING)) continue;
    int fam = a->ifa_addr->sa_family;
    if (fam != AF_INET && fam != AF_INET6) continue;
    if (count < max) {
      plat_if_addr *e = &out[count];
      memset(e, 0, sizeof *e);
      strncpy(e->name, a->ifa_name, sizeof e->name - 1);
      e->internal = (a->ifa_flags & IFF_LOOPBACK) != 0;
      if (fam == AF_INET) {
        e->addr.family = 4;
        memcpy(e->addr.bytes, &((struct sockaddr_in *)a->ifa_addr)->sin_addr, 4);
        if (a->ifa_netmask) e->prefix = (uint8_t)prefix_len((uint8_t *)&((struct sockaddr_in *)a->ifa_netmask)->sin_addr, 4);
      } else {
        struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)a->ifa_addr;
        e->addr.family = 6;
        memcpy(e->addr.bytes, &s6->sin6_addr, 16);
        e->addr.scope_id = s6->sin6_scope_id;
        if (a->ifa_netmask) e->prefix = (uint8_t)prefix_len((uint8_t *)&((struct sockaddr_in6 *)a->ifa_netmask)->sin6_addr, 16);
      }
#ifdef __linux__
      for (struct ifaddrs *p = list; p; p = p->ifa_next)
        if (p->ifa_addr && p->ifa_addr->sa_family == AF_PACKET && !strcmp(p->ifa_name, a->ifa_name)) {
          struct sockaddr_ll *ll = (struct sockaddr_ll *)p->ifa_addr;
          if (ll->sll_halen == 6) memcpy(e->mac, ll->sll_addr, 6);
          break;
        }
#endif
    }
    count++;
  }
  freeifaddrs(list);
  return count;
}
