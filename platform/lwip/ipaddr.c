/* lwIP backend: plat_addr <-> ip_addr_t. */
#include <string.h>
#include "lwip_backend.h"

static const uint8_t v4mapped_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

int lw_to_ip(const plat_addr *a, ip_addr_t *ip, int *mapped)
{
  memset(ip, 0, sizeof *ip);
  if (mapped) *mapped = 0;
  if (a->family == 4) {
    IP_SET_TYPE_VAL(*ip, IPADDR_TYPE_V4);
    memcpy(&ip_2_ip4(ip)->addr, a->bytes, 4);
    return 0;
  }
  if (a->family != 6) return PLAT_EAFNOSUPPORT;
  if (memcmp(a->bytes, v4mapped_prefix, 12) == 0) {
    /* ::ffff:a.b.c.d is IPv4 on the wire; the caller reports it mapped again */
    IP_SET_TYPE_VAL(*ip, IPADDR_TYPE_V4);
    memcpy(&ip_2_ip4(ip)->addr, a->bytes + 12, 4);
    if (mapped) *mapped = 1;
    return 0;
  }
  IP_SET_TYPE_VAL(*ip, IPADDR_TYPE_V6);
  memcpy(ip_2_ip6(ip)->addr, a->bytes, 16);
#if LWIP_IPV6_SCOPES
  ip6_addr_clear_zone(ip_2_ip6(ip));
  if (a->scope_id && a->scope_id < 256) ip6_addr_set_zone(ip_2_ip6(ip), (u8_t)a->scope_id);
#endif
  return 0;
}

void lw_from_ip(const ip_addr_t *ip, uint16_t port, int map4, plat_addr *out)
{
  memset(out, 0, sizeof *out);
  out->port = port;
  if (IP_IS_V4(ip)) {
    if (map4) {
      out->family = 6;
      memcpy(out->bytes, v4mapped_prefix, 12);
      memcpy(out->bytes + 12, &ip_2_ip4(ip)->addr, 4);
    } else {
      out->family = 4;
      memcpy(out->bytes, &ip_2_ip4(ip)->addr, 4);
    }
    return;
  }
  out->family = 6;
  if (IP_IS_V6(ip)) {
    memcpy(out->bytes, ip_2_ip6(ip)->addr, 16);
#if LWIP_IPV6_SCOPES
    out->scope_id = ip6_addr_zone(ip_2_ip6(ip));
#endif
  }
  /* IPADDR_TYPE_ANY (a dual-stack listener): "::" */
}
