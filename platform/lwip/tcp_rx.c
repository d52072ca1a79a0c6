/*
 * lwIP backend: a connection's receive queue. lwIP hands over segments (on_recv in
 * tcp.c); they wait here, in a ring of pbuf chains, until the loop delivers them to
 * the reader, and only then is the peer's window reopened (lw_rx_ack).
 */
#include <stdlib.h>
#include <string.h>
#include "lwip/tcp.h"
#include "lwip/pbuf.h"
#include "lwip/stats.h"
#include "lwip_backend.h"

int lw_rx_push(plat_tcp *t, struct pbuf *p)
{
  if (t->rx_count == t->rx_cap) {
    unsigned cap = t->rx_cap ? t->rx_cap * 2 : 8;
    struct pbuf **q = malloc(cap * sizeof *q);
    if (!q) return -1;
    for (unsigned i = 0; i < t->rx_count; i++) q[i] = t->rxq[(t->rx_head + i) % t->rx_cap];
    free(t->rxq);
    t->rxq = q;
    t->rx_cap = cap;
    t->rx_head = 0;
  }
  t->rxq[(t->rx_head + t->rx_count) % t->rx_cap] = p;
  t->rx_count++;
  t->rx_bytes += p->tot_len;
  return 0;
}

/* A paused reader would keep the NIC's pool pbufs (PBUF_POOL) for as long as it
 * stays paused: a few paused sockets empty the pool and every incoming frame is
 * dropped, including the ACKs or SYNs the program waits for (a proxy pausing one
 * side until the other drains never wakes up). Such data moves to a heap pbuf
 * while the heap stays under half full; the other half stays free for sending
 * (tcp_write copies, ACKs). Returns the chain to queue in place of p. */
struct pbuf *lw_rx_unpool(struct pbuf *p)
{
#if LWIP_STATS && MEM_STATS
  int pooled = 0;
  for (struct pbuf *q = p; q; q = q->next)
    if (pbuf_get_allocsrc(q) == PBUF_TYPE_ALLOC_SRC_MASK_STD_MEMP_PBUF_POOL) pooled = 1;
  if (!pooled || (size_t)lwip_stats.mem.used + p->tot_len + 64 > MEM_SIZE / 2) return p;
  struct pbuf *c = pbuf_clone(PBUF_RAW, PBUF_RAM, p);
  if (!c) return p;
  pbuf_free(p);
  return c;
#else
  return p;
#endif
}

void lw_rx_unpool_all(plat_tcp *t)
{
  for (unsigned i = 0; i < t->rx_count; i++) {
    struct pbuf **slot = &t->rxq[(t->rx_head + i) % t->rx_cap];
    *slot = lw_rx_unpool(*slot);
  }
}

/* Acknowledges n delivered (or discarded) bytes: the peer's window reopens. */
void lw_rx_ack(plat_tcp *t, size_t n)
{
  /* A loopback peer's writer may be held back by what we had not read
   * (tcp_budget.c); reading frees its share even when no window update goes out. */
  if (n > 0 && t->peer && t->peer->want_write && !t->peer->closed) lw_queue(t->peer, LW_EV_ROOM_CHECK);
  if (!t->pcb || t->listening) return;
  while (n > 0) {
    u16_t c = n > 0xffff ? 0xffff : (u16_t)n;
    tcp_recved(t->pcb, c);
    n -= c;
  }
}

/* Drops n bytes from the front of the queue (they were delivered) and acks them. */
void lw_rx_consume(plat_tcp *t, size_t n)
{
  size_t left = n;
  while (t->rx_count > 0) {
    struct pbuf *p = t->rxq[t->rx_head];
    while (p && (left > 0 || p->len == 0)) {
      if (left >= p->len) {
        struct pbuf *rest = p->next;
        left -= p->len;
        p->next = NULL; /* free this segment only; the rest stays queued */
        pbuf_free(p);
        p = rest;
      } else {
        pbuf_remove_header(p, (size_t)left); /* a partial read of this segment */
        left = 0;
      }
    }
    if (p) {
      t->rxq[t->rx_head] = p;
      break;
    }
    t->rx_head = (t->rx_head + 1) % t->rx_cap;
    t->rx_count--;
    if (left == 0 && (t->rx_count == 0 || t->rxq[t->rx_head]->len > 0)) break;
  }
  t->rx_bytes -= n;
  lw_rx_ack(t, n);
}

void lw_rx_free(plat_tcp *t)
{
  while (t->rx_count > 0) {
    pbuf_free(t->rxq[t->rx_head]);
    t->rx_head = (t->rx_head + 1) % t->rx_cap;
    t->rx_count--;
  }
  t->rx_bytes = 0;
}

size_t lw_rx_gather(plat_tcp *t, uint8_t *dst, size_t max)
{
  size_t got = 0;
  for (unsigned i = 0; i < t->rx_count && got < max; i++) {
    for (struct pbuf *q = t->rxq[(t->rx_head + i) % t->rx_cap]; q && got < max; q = q->next) {
      size_t c = q->len < max - got ? q->len : max - got;
      memcpy(dst + got, q->payload, c);
      got += c;
    }
  }
  return got;
}
