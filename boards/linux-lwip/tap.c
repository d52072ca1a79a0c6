/*
 * linux-lwip's NIC: a Linux TAP device as an lwIP ethernet netif (ARP, IPv4,
 * IPv6 neighbour discovery). Configured from the environment:
 *   PETREL_TAP=tap0            the TAP interface (unset: only lwIP's loopback)
 *   PETREL_IP=10.0.0.2/24      lwIP's IPv4 address / prefix length
 *   PETREL_GW=10.0.0.1         default gateway (optional)
 *   PETREL_IP6=fd00::2/64      a static IPv6 address (optional; a link-local one is always made)
 *   PETREL_DNS=10.0.0.1[,ip]   DNS servers (optional)
 *   PETREL_MAC=02:..           hardware address (optional; default 02:50:45:xx:xx:xx)
 * The device is opened non-blocking; board_sleep polls its fd and
 * board_netifs_poll moves the frames that arrived into lwIP.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include "lwip/netif.h"
#include "lwip/etharp.h"
#include "lwip/ethip6.h"
#include "lwip/dns.h"
#include "lwip/pbuf.h"
#include "lwip/stats.h"
#include "netif/ethernet.h"
#include "platform.h"
#include "lwip_board.h"
#include "board.h"

#define FRAME_MAX 1536 /* 1514-byte frames (MTU 1500) fit with room to spare */

static struct netif tap_netif;
static int tapfd = -1;

int tap_fd(void) { return tapfd; }

static void die(const char *what, const char *detail)
{
  char msg[256];
  int n = snprintf(msg, sizeof msg, "petrel: %s: %s\n", what, detail);
  plat_console_write(2, msg, (size_t)(n < (int)sizeof msg ? n : (int)sizeof msg - 1));
  board_exit(1);
}

static err_t tap_linkoutput(struct netif *netif, struct pbuf *p)
{
  uint8_t frame[FRAME_MAX];
  (void)netif;
  if (p->tot_len > sizeof frame) {
    LINK_STATS_INC(link.lenerr);
    return ERR_OK;
  }
  u16_t len = pbuf_copy_partial(p, frame, p->tot_len, 0);
  /* A full kernel queue drops the frame, as a busy NIC would; TCP resends. */
  if (write(tapfd, frame, len) != (ssize_t)len) {
    LINK_STATS_INC(link.drop);
    return ERR_OK;
  }
  LINK_STATS_INC(link.xmit);
  return ERR_OK;
}

static void parse_mac(u8_t mac[6])
{
  const char *s = getenv("PETREL_MAC");
  unsigned v[6];
  if (s && sscanf(s, "%x:%x:%x:%x:%x:%x", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) == 6) {
    for (int i = 0; i < 6; i++) mac[i] = (u8_t)v[i];
    return;
  }
  long r = random();
  mac[0] = 0x02;
  mac[1] = 0x50;
  mac[2] = 0x45; /* locally administered */
  mac[3] = (u8_t)(r >> 16);
  mac[4] = (u8_t)(r >> 8);
  mac[5] = (u8_t)r;
}

static err_t tap_netif_init(struct netif *n)
{
  n->name[0] = 't';
  n->name[1] = 'p';
  n->output = etharp_output;
  n->output_ip6 = ethip6_output;
  n->linkoutput = tap_linkoutput;
  n->mtu = 1500;
  n->hwaddr_len = 6;
  parse_mac(n->hwaddr);
  n->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET | NETIF_FLAG_IGMP | NETIF_FLAG_MLD6;
  return ERR_OK;
}

static int parse_prefix(const char *s, char *addr, size_t len, int def)
{
  const char *slash = strchr(s, '/');
  size_t n = slash ? (size_t)(slash - s) : strlen(s);
  if (n >= len) n = len - 1;
  memcpy(addr, s, n);
  addr[n] = 0;
  return slash ? atoi(slash + 1) : def;
}

void board_netifs_init(void)
{
  const char *name = getenv("PETREL_TAP");
  if (!name || !*name) return;

  int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) die("/dev/net/tun", strerror(errno));
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
  snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
  if (ioctl(fd, TUNSETIFF, &ifr) != 0) die(name, strerror(errno));
  tapfd = fd;

  ip4_addr_t ip, mask, gw;
  ip4_addr_set_zero(&ip);
  ip4_addr_set_zero(&mask);
  ip4_addr_set_zero(&gw);
  const char *s = getenv("PETREL_IP");
  if (s && *s) {
    char a[64];
    int len = parse_prefix(s, a, sizeof a, 24);
    if (!ip4addr_aton(a, &ip) || len < 0 || len > 32) die("PETREL_IP", s);
    ip4_addr_set_u32(&mask, len == 0 ? 0 : lwip_htonl(0xffffffffu << (32 - len)));
  }
  s = getenv("PETREL_GW");
  if (s && *s && !ip4addr_aton(s, &gw)) die("PETREL_GW", s);

  netif_add(&tap_netif, &ip, &mask, &gw, NULL, tap_netif_init, ethernet_input);
  netif_create_ip6_linklocal_address(&tap_netif, 1);
  s = getenv("PETREL_IP6");
  if (s && *s) {
    char a[64];
    ip6_addr_t ip6;
    s8_t idx;
    parse_prefix(s, a, sizeof a, 64);
    if (!ip6addr_aton(a, &ip6) || netif_add_ip6_address(&tap_netif, &ip6, &idx) != ERR_OK) die("PETREL_IP6", s);
    netif_ip6_addr_set_state(&tap_netif, idx, IP6_ADDR_PREFERRED);
  }
  netif_set_default(&tap_netif);
  netif_set_up(&tap_netif);
  netif_set_link_up(&tap_netif);

  s = getenv("PETREL_DNS");
  if (s && *s) {
    char list[256], *save = NULL;
    snprintf(list, sizeof list, "%s", s);
    u8_t i = 0;
    for (char *tok = strtok_r(list, ",", &save); tok && i < DNS_MAX_SERVERS; tok = strtok_r(NULL, ",", &save)) {
      ip_addr_t d;
      if (!ipaddr_aton(tok, &d)) die("PETREL_DNS", s);
      dns_setserver(i++, &d);
    }
  }
}

void board_netifs_poll(void)
{
  if (tapfd < 0) return;
  /* Bounded so that one flood cannot starve timers and the loop. */
  for (int i = 0; i < 256; i++) {
    struct pbuf *p = pbuf_alloc(PBUF_RAW, FRAME_MAX, PBUF_POOL);
    ssize_t n;
    if (!p) {
      /* No pbuf: read and drop, or the fd stays readable and we would spin. */
      uint8_t scratch[FRAME_MAX];
      n = read(tapfd, scratch, sizeof scratch);
      if (n <= 0) return;
      LINK_STATS_INC(link.memerr);
      LINK_STATS_INC(link.drop);
      continue;
    }
    if (p->next) { /* a pool pbuf smaller than a frame: read flat, copy in */
      uint8_t scratch[FRAME_MAX];
      n = read(tapfd, scratch, sizeof scratch);
      if (n > 0) pbuf_take(p, scratch, (u16_t)n);
    } else {
      n = read(tapfd, p->payload, p->len);
    }
    if (n <= 0) {
      pbuf_free(p);
      return; /* EAGAIN: nothing more for now */
    }
    pbuf_realloc(p, (u16_t)n);
    LINK_STATS_INC(link.recv);
    if (tap_netif.input(p, &tap_netif) != ERR_OK) pbuf_free(p);
  }
}
