/* lwIP backend: how much of lwIP's heap one connection may hold (issue #23), so that
 * peers that never read cannot starve the connections that progress. */
#include "lwip/tcp.h"
#include "lwip/stats.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip_backend.h"

/* What one connection may hold of lwIP's heap (issue #23): while the heap is
 * below LW_MEM_PRESSURE a write takes what lwIP's send buffer allows; above it
 * (or when the write would take it above) a connection may only top up to
 * LW_CONN_SND_MIN bytes of heap held. Held = the heap blocks of its unsent and
 * unacknowledged segments (header room, pbuf and allocator overhead and the
 * oversize tail included: a 100-byte write may take a block the size of an MSS)
 * plus, when the peer is a pcb of this stack (loopback), the blocks of what the
 * peer received and has not read: its queue is in the same heap. So peers that
 * never read hold about LW_CONN_SND_MIN each once memory is short, and the rest
 * of the heap stays free for connections that progress. A connection whose write
 * cannot get memory for LW_NOMEM_POLLS poll periods with nothing of its own in
 * flight is reset with ENOBUFS instead of waiting for ever (tcp.c). */
#ifndef LW_MEM_PRESSURE
#define LW_MEM_PRESSURE (MEM_SIZE / 4)
#endif
#ifndef LW_CONN_SND_MIN
#define LW_CONN_SND_MIN TCP_MSS
#endif
/* mem.c's header on each block, and its rounding. */
#define BLOCK_OVERHEAD (2 * MEM_ALIGNMENT + 8)

static size_t heap_used(void) { return lwip_stats.mem.used; } /* lwipopts_backend.h: stats on */

/* Heap bytes of a pbuf chain: each PBUF_RAM block from its start (the pbuf, then
 * the header room in front of the payload) to the payload's end. */
static size_t chain_heap(const struct pbuf *p)
{
  size_t n = 0;
  for (; p; p = p->next)
    if (pbuf_get_allocsrc(p) == PBUF_TYPE_ALLOC_SRC_MASK_STD_HEAP)
      n += (size_t)((const u8_t *)p->payload - (const u8_t *)p) + p->len + BLOCK_OVERHEAD;
  return n;
}

static size_t segs_heap(const struct tcp_seg *s)
{
  size_t n = 0;
  for (; s; s = s->next) n += chain_heap(s->p);
  return n;
}

/* The record at the other end of a loopback connection, found among lwIP's active
 * pcbs. Until the server side is accepted its pcb carries the listener's record
 * (lwIP copies the listener's arg into the new pcb): that is not the peer, so the
 * search is kept for a later write. Once found, each record points at the other. */
static plat_tcp *local_peer(plat_tcp *t, struct tcp_pcb *pcb)
{
  if (t->peer_looked) return t->peer;
  for (struct tcp_pcb *p = tcp_active_pcbs; p; p = p->next) {
    if (p == pcb || p->local_port != pcb->remote_port || p->remote_port != pcb->local_port ||
        !ip_addr_eq(&p->local_ip, &pcb->remote_ip) || !ip_addr_eq(&p->remote_ip, &pcb->local_ip))
      continue;
    plat_tcp *q = p->callback_arg;
    if (!q || q->listening || q->pcb != p || q->peer) return NULL; /* not yet (or not ours) */
    t->peer = q;
    q->peer = t;
    t->peer_looked = q->peer_looked = 1;
    return q;
  }
  t->peer_looked = 1; /* no such pcb: the peer is gone, or is not on this stack */
  return NULL;
}

void lw_forget_peer(plat_tcp *t)
{
  if (t->peer) t->peer->peer = NULL;
  t->peer = NULL;
}

size_t lw_conn_held(plat_tcp *t, struct tcp_pcb *pcb)
{
  size_t held = segs_heap(pcb->unsent) + segs_heap(pcb->unacked);
  plat_tcp *peer;
#if TCP_OVERSIZE
  held += pcb->unsent_oversize;
#endif
  if (t->peer_local && (peer = local_peer(t, pcb)) != NULL) {
    for (unsigned i = 0; i < peer->rx_count; i++) held += chain_heap(peer->rxq[(peer->rx_head + i) % peer->rx_cap]);
    if (peer->pcb) held += chain_heap(peer->pcb->refused_data);
  }
  return held;
}

/* How many bytes a write may hand lwIP now; *tight: the bound applies (the write
 * should take no more heap than its bytes need). */
size_t lw_send_room(plat_tcp *t, struct tcp_pcb *pcb, int *tight)
{
  size_t room = tcp_sndbuf(pcb), used = heap_used(), held, mine, spare;
  *tight = 0;
  if (room == 0 || tcp_sndqueuelen(pcb) >= TCP_SND_QUEUELEN) return 0;
  if (used + room <= LW_MEM_PRESSURE) return room;
  *tight = 1;
  held = lw_conn_held(t, pcb);
  mine = held < LW_CONN_SND_MIN ? LW_CONN_SND_MIN - held : 0;
  spare = used < LW_MEM_PRESSURE ? LW_MEM_PRESSURE - used : 0;
  if (mine < spare) mine = spare;
  return mine < room ? mine : room;
}

int lw_room_to_write(plat_tcp *t, struct tcp_pcb *pcb, int low_water)
{
  int tight;
  size_t room = lw_send_room(t, pcb, &tight);
  if (low_water)
    return room > 0 && (room >= TCP_SNDLOWAT || room >= lw_conn_held(t, pcb)) &&
           tcp_sndqueuelen(pcb) < TCP_SNDQUEUELOWAT;
  return room > 0;
}
