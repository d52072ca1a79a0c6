/*
 * lwIP backend: UDP on the raw API (udp_*; NO_SYS=1).
 *
 * lwIP's recv callback (run from inside plat_wait: a NIC frame, the loopback queue)
 * only keeps the datagram: its pbuf and source go into the record's small ring,
 * and the record on the pending list; lw_udp_dispatch, the dispatch phase of
 * plat_wait, hands them to the plat_udp_cb. A datagram that finds the ring full
 * (more bytes than the receive buffer size, LW_UDP_RING_MAX datagrams, or no memory
 * to grow it) is dropped and counted (plat_udp_dropped), as a full socket buffer drops it. A closed record still on the
 * pending list is freed by the dispatch phase, never under a running callback.
 *
 * Not here: multicast groups (the boards build lwIP without IGMP: membership is
 * ENOSYS; the multicast send options are there, with MLD's LWIP_MULTICAST_TX_OPTIONS), ICMP errors (lwIP tells a UDP pcb nothing of a port unreachable, so a
 * connected socket gets no ECONNREFUSED), fragmentation where lwIP has IP_FRAG off.
 */
#include <stdlib.h>
#include <string.h>
#include "lwip/udp.h"
#include "lwip/pbuf.h"
#include "lwip/ip.h"
#include "lwip_backend.h"

#ifndef LW_UDP_RING_MAX
#define LW_UDP_RING_MAX 256 /* datagrams a socket holds until the dispatch phase (the ring grows to it) */
#endif
#ifndef LW_UDP_RCVBUF
#define LW_UDP_RCVBUF 16384 /* default bound on the bytes held (setRecvBufferSize changes it) */
#endif

typedef struct {
  struct pbuf *p;
  ip_addr_t from;
  u16_t port;
} udp_slot;

struct plat_udp {
  struct udp_pcb *pcb;
  plat_udp_cb cb;
  void *user;
  plat_udp *next_pending;
  udp_slot *ring; /* malloc'd, grown by doubling up to LW_UDP_RING_MAX */
  uint16_t head, count, cap;
  uint8_t family;
  unsigned long dropped;  /* datagrams the ring could not take */
  unsigned held;          /* bytes in the ring */
  unsigned rcvbuf, sndbuf; /* the sizes setRecvBufferSize/setSendBufferSize set */
  unsigned reading : 1, closed : 1, queued : 1, dual : 1, map4 : 1;
};

static plat_udp *pending_head, *pending_tail;

int lw_udp_pending(void) { return pending_head != NULL; }

static void enqueue(plat_udp *u)
{
  if (u->queued) return;
  u->queued = 1;
  u->next_pending = NULL;
  if (pending_tail)
    pending_tail->next_pending = u;
  else
    pending_head = u;
  pending_tail = u;
}

static void ring_free(plat_udp *u)
{
  while (u->count) {
    pbuf_free(u->ring[u->head].p);
    u->head = (uint16_t)((u->head + 1) % u->cap);
    u->count--;
  }
  u->held = 0;
  free(u->ring);
  u->ring = NULL;
  u->cap = 0;
}

/* Room for one more datagram: the ring doubled when full (0, or -1 without memory). */
static int ring_room(plat_udp *u)
{
  if (u->count < u->cap) return 0;
  if (u->cap >= LW_UDP_RING_MAX) return -1;
  uint16_t cap = u->cap ? (uint16_t)(u->cap * 2) : 4;
  udp_slot *r = malloc(cap * sizeof *r);
  if (!r) return -1;
  for (uint16_t i = 0; i < u->count; i++) r[i] = u->ring[(u->head + i) % u->cap];
  free(u->ring);
  u->ring = r;
  u->cap = cap;
  u->head = 0;
  return 0;
}

static void on_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr, u16_t port)
{
  plat_udp *u = arg;
  (void)pcb;
  if (!u || u->closed || u->held + p->tot_len > u->rcvbuf || ring_room(u) != 0) {
    if (u) u->dropped++;
    pbuf_free(p); /* the socket's buffer is full: dropped, as the kernel drops it */
    return;
  }
  udp_slot *s = &u->ring[(u->head + u->count) % u->cap];
  s->p = lw_rx_unpool(p); /* a NIC's pool pbuf copied to the heap: the pool stays for frames */
  ip_addr_copy(s->from, *addr);
  s->port = port;
  u->count++;
  u->held += p->tot_len;
  if (u->reading) enqueue(u);
}

/* Delivers the ring's datagrams; a chained pbuf is gathered into one block first
 * (dropped when that block cannot be had). */
static int deliver(plat_udp *u)
{
  int ran = 0;
  while (u->count && u->reading && !u->closed) {
    udp_slot s = u->ring[u->head];
    u->head = (uint16_t)((u->head + 1) % u->cap);
    u->count--;
    u->held -= s.p->tot_len;
    plat_udp_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = PLAT_UDP_MESSAGE;
    ev.len = s.p->tot_len;
    uint8_t *copy = NULL;
    if (s.p->len == s.p->tot_len) {
      ev.data = s.p->payload;
    } else {
      copy = malloc(s.p->tot_len);
      if (!copy) {
        u->dropped++;
        pbuf_free(s.p);
        continue;
      }
      pbuf_copy_partial(s.p, copy, s.p->tot_len, 0);
      ev.data = copy;
    }
    lw_from_ip(&s.from, s.port, u->map4 && IP_IS_V4(&s.from), &ev.from);
    if (u->cb) u->cb(u, &ev, u->user);
    free(copy);
    pbuf_free(s.p);
    ran = 1;
  }
  return ran;
}

int lw_udp_dispatch(void)
{
  /* Only what is queued now; what arrives during the callbacks waits for the next round. */
  plat_udp *u = pending_head;
  int ran = 0;
  pending_head = pending_tail = NULL;
  while (u) {
    plat_udp *next = u->next_pending;
    /* Still marked queued while its callbacks run: a close from one of them leaves
     * the record to us (freed below), not freed under deliver's feet. */
    if (!u->closed) ran |= deliver(u);
    u->queued = 0;
    if (u->closed)
      free(u); /* its close left it to us */
    else if (u->count && u->reading)
      enqueue(u);
    u = next;
  }
  return ran;
}

plat_udp *plat_udp_new(int family, plat_udp_cb cb, void *user)
{
  plat_udp *u = calloc(1, sizeof *u);
  if (!u && plat_collect_garbage()) u = calloc(1, sizeof *u);
  if (!u) return NULL;
  u->cb = cb;
  u->user = user;
  u->family = family == 6 ? 6 : 4;
  u->rcvbuf = u->sndbuf = LW_UDP_RCVBUF;
  return u;
}

int plat_udp_bind(plat_udp *u, const plat_addr *addr, unsigned flags)
{
  ip_addr_t ip;
  int mapped, r;
  if (u->closed) return PLAT_EBADF;
  if (u->pcb) return PLAT_EINVAL;
  if (addr->family != u->family) return PLAT_EINVAL;
  if ((r = lw_to_ip(addr, &ip, &mapped)) != 0) return r;
  u8_t type = IP_GET_TYPE(&ip);
  int dual = 0;
  if (IP_IS_V6(&ip) && ip_addr_isany(&ip) && !(flags & PLAT_UDP_V6ONLY)) {
    dual = 1; /* '::' takes IPv4 too, reported as ::ffff:a.b.c.d */
    type = IPADDR_TYPE_ANY;
    ip_addr_copy(ip, *IP_ANY_TYPE);
  }
  if (!lw_address_is_local(&ip)) return PLAT_EADDRNOTAVAIL;
  struct udp_pcb *pcb = udp_new_ip_type(type);
  if (!pcb) return PLAT_ENOMEM; /* the pcb pool is empty (MEMP_NUM_UDP_PCB) */
  if (flags & PLAT_UDP_REUSEADDR) ip_set_option(pcb, SOF_REUSEADDR);
  err_t e = udp_bind(pcb, &ip, addr->port);
  if (e != ERR_OK) {
    udp_remove(pcb);
    return lw_error(e, 0);
  }
  u->pcb = pcb;
  u->dual = dual;
  u->map4 = dual || mapped;
  udp_recv(pcb, on_recv, u);
  return 0;
}

int plat_udp_connect(plat_udp *u, const plat_addr *remote)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
  if (!remote) {
    udp_disconnect(u->pcb);
    return 0;
  }
  ip_addr_t ip;
  int r = lw_to_ip(remote, &ip, NULL);
  if (r) return r;
  return lw_error(udp_connect(u->pcb, &ip, remote->port), 0);
}

int plat_udp_send(plat_udp *u, const void *data, size_t len, const plat_addr *to)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
  ip_addr_t ip;
  if (to) {
    int r = lw_to_ip(to, &ip, NULL);
    if (r) return r;
  } else if (!(udp_flags(u->pcb) & UDP_FLAGS_CONNECTED)) {
    return PLAT_EDESTADDRREQ;
  }
  /* Linux's limits: the IP length field less the headers. */
  if (len > (size_t)(u->family == 6 && !(to && IP_IS_V4(&ip)) ? 65527 : 65507)) return PLAT_EMSGSIZE;
  struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
  if (!p) return PLAT_ENOBUFS;
  if (len) pbuf_take(p, data, (u16_t)len);
  err_t e = to ? udp_sendto(u->pcb, p, &ip, to->port) : udp_send(u->pcb, p);
  pbuf_free(p);
  if (e == ERR_MEM || e == ERR_BUF) return PLAT_ENOBUFS;
  return lw_error(e, 0);
}

void plat_udp_recv_start(plat_udp *u)
{
  u->reading = 1;
  if (u->count && !u->closed) enqueue(u);
}

void plat_udp_recv_stop(plat_udp *u) { u->reading = 0; }

int plat_udp_local_addr(plat_udp *u, plat_addr *out)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
  lw_from_ip(&u->pcb->local_ip, u->pcb->local_port, u->map4 && IP_IS_V4(&u->pcb->local_ip), out);
  if (u->dual) out->family = 6; /* '::' */
  return 0;
}

int plat_udp_remote_addr(plat_udp *u, plat_addr *out)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
  if (!(udp_flags(u->pcb) & UDP_FLAGS_CONNECTED)) return PLAT_ENOTCONN;
  lw_from_ip(&u->pcb->remote_ip, u->pcb->remote_port, u->map4 && IP_IS_V4(&u->pcb->remote_ip), out);
  return 0;
}

int plat_udp_set_broadcast(plat_udp *u, int on)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
  if (on)
    ip_set_option(u->pcb, SOF_BROADCAST);
  else
    ip_reset_option(u->pcb, SOF_BROADCAST);
  return 0;
}

int plat_udp_set_ttl(plat_udp *u, int ttl)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
  if (ttl < 1 || ttl > 255) return PLAT_EINVAL;
  u->pcb->ttl = (u8_t)ttl;
  return 0;
}

int plat_udp_set_multicast_ttl(plat_udp *u, int ttl)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
  if (ttl < 0 || ttl > 255) return PLAT_EINVAL;
#if LWIP_MULTICAST_TX_OPTIONS
  udp_set_multicast_ttl(u->pcb, (u8_t)ttl);
  return 0;
#else
  return PLAT_ENOSYS;
#endif
}

int plat_udp_set_multicast_loop(plat_udp *u, int on)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
#if LWIP_MULTICAST_TX_OPTIONS
  udp_setflags(u->pcb, on ? (udp_flags(u->pcb) | UDP_FLAGS_MULTICAST_LOOP)
                          : (udp_flags(u->pcb) & (u8_t)~UDP_FLAGS_MULTICAST_LOOP));
  return 0;
#else
  (void)on;
  return PLAT_ENOSYS;
#endif
}

int plat_udp_membership(plat_udp *u, const plat_addr *group, const plat_addr *iface, int join)
{
  (void)group;
  (void)iface;
  (void)join;
  if (u->closed || !u->pcb) return PLAT_EBADF;
  return PLAT_ENOSYS;
}

/* The interface multicast goes out of: an IPv4 address of ours, or (IPv6) a scope index. */
int plat_udp_set_multicast_iface(plat_udp *u, const plat_addr *iface)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
#if LWIP_MULTICAST_TX_OPTIONS
  ip_addr_t ip;
  int r = lw_to_ip(iface, &ip, NULL);
  if (r) return r;
  if (u->family == 4) {
    if (!IP_IS_V4(&ip)) return PLAT_EINVAL;
    if (!lw_address_is_local(&ip)) return PLAT_EADDRNOTAVAIL;
    udp_set_multicast_netif_addr(u->pcb, ip_2_ip4(&ip));
  } else {
    udp_set_multicast_netif_index(u->pcb, (u8_t)iface->scope_id);
  }
  return 0;
#else
  (void)iface;
  return PLAT_ENOSYS;
#endif
}

/* No socket buffers here: the receive size bounds the bytes the ring holds; the
 * send size is kept and reported (a datagram goes out at once or not at all). */
int plat_udp_buffer_size(plat_udp *u, int which, int size, int *out)
{
  if (u->closed || !u->pcb) return PLAT_EBADF;
  unsigned *v = which ? &u->sndbuf : &u->rcvbuf;
  if (size > 0) *v = (unsigned)size;
  if (out) *out = (int)*v;
  return 0;
}

long plat_udp_dropped(plat_udp *u) { return (long)u->dropped; }

void plat_udp_close(plat_udp *u)
{
  if (u->closed) return;
  u->closed = 1;
  u->cb = NULL;
  if (u->pcb) {
    udp_recv(u->pcb, NULL, NULL);
    udp_remove(u->pcb);
    u->pcb = NULL;
  }
  ring_free(u);
  if (!u->queued) free(u); /* else the dispatch phase frees it */
}
