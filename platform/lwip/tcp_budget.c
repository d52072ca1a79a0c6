/* lwIP backend: how much of lwIP's heap one connection may hold (issue #23), so that
 * peers that never read cannot starve the connections that progress. */
#include "lwip/tcp.h"
#include "lwip/stats.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip_backend.h"

/* What one connection may hold of lwIP's heap (issue #23): while the heap is
 * below LW_MEM_PRESSURE a write takes what lwIP's send buffer allows; above it
 * (or when the write would take it above) a connection may only top up to
 * LW_CONN_SND_MIN bytes held. Held = unsent + unacknowledged bytes, plus, when
 * the peer is on this stack (loopback), what the peer has received but not
 * read (the window it has not reopened): its queue is in the same heap. So peers
 * that never read hold at most LW_CONN_SND_MIN each once memory is short, and
 * the rest of the heap stays free for connections that progress. A connection
 * whose write cannot get memory for LW_NOMEM_POLLS poll periods with nothing of
 * its own in flight is reset with ENOBUFS instead of waiting for ever (tcp.c). */
#ifndef LW_MEM_PRESSURE
#define LW_MEM_PRESSURE (MEM_SIZE / 4)
#endif
#ifndef LW_CONN_SND_MIN
#define LW_CONN_SND_MIN TCP_MSS
#endif
static size_t heap_used(void)
{
#if LWIP_STATS && MEM_STATS
  return lwip_stats.mem.used;
#else
  return 0;
#endif
}

/* Bytes this connection holds in lwIP's heap: its send queue and, when the peer
 * is this stack, the peer's unread data: the window it has not reopened, less
 * one MSS, since a reader reopens its window in steps of up to an MSS (counting
 * that lag would hold back a request/response exchange that reads everything). */
size_t lw_conn_held(plat_tcp *t, struct tcp_pcb *pcb)
{
  size_t held = (size_t)TCP_SND_BUF - tcp_sndbuf(pcb);
  if (t->peer_local && pcb->snd_wnd + TCP_MSS < TCP_WND) held += TCP_WND - TCP_MSS - pcb->snd_wnd;
  return held;
}

/* How many bytes a write may hand lwIP now. */
size_t lw_send_room(plat_tcp *t, struct tcp_pcb *pcb)
{
  size_t room = tcp_sndbuf(pcb), used = heap_used(), held, mine, spare;
  if (room == 0 || tcp_sndqueuelen(pcb) >= TCP_SND_QUEUELEN) return 0;
  if (used + room <= LW_MEM_PRESSURE) return room;
  held = lw_conn_held(t, pcb);
  mine = held < LW_CONN_SND_MIN ? LW_CONN_SND_MIN - held : 0;
  spare = used < LW_MEM_PRESSURE ? LW_MEM_PRESSURE - used : 0;
  if (mine < spare) mine = spare;
  return mine < room ? mine : room;
}

int lw_room_to_write(plat_tcp *t, struct tcp_pcb *pcb, int low_water)
{
  size_t room = lw_send_room(t, pcb);
  if (low_water)
    return room > 0 && (room >= TCP_SNDLOWAT || room >= lw_conn_held(t, pcb)) && tcp_sndqueuelen(pcb) < TCP_SNDQUEUELOWAT;
  return room > 0;
}

