// sources: platform/lwip/tcp.c platform/lwip/tcp_rx.c platform/lwip/tcp_budget.c platform/lwip/sys.c platform/lwip/udp.c platform/lwip/dns.c platform/lwip/err_map.c platform/lwip/ipaddr.c platform/addr.c platform/errors.c tests/unit/lwip_test_board.c build/unit/liblwip.a
/* lwIP backend, receiving: the pbuf queue of a record, reads that split a
 * queued segment, and flow control (tcp_recved only for delivered bytes). */
#include "lwip_test.h"

TestSuite(lwip_rx, .init = lw_setup, .timeout = 20);

/* More data than any one read and than the window: it arrives whole, in order,
 * in several DATA events none larger than the coalescing buffer. */
Test(lwip_rx, large_transfer_in_pieces)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 300 * 1024;
  unsigned char *src = connect_and_send(&l, &c, &s, 1, n);
  cr_assert(WAIT_UNTIL(s.rx_len == n, 10000), "got %zu of %zu", s.rx_len, n);
  cr_assert_eq(memcmp(s.rx, src, n), 0);
  cr_assert_gt(c.short_writes, 0, "the writer met backpressure");
  cr_assert_gt(c.writable, 0);
  cr_assert_gt(s.data_events, n / 16384);
  cr_assert_leq(s.max_chunk, 16384);
  /* everything delivered was acknowledged: the window is whole again */
  cr_assert_eq(s.t->rx_count, 0);
  cr_assert_eq(s.t->rx_bytes, 0);
  cr_assert_eq(s.t->pcb->rcv_wnd, TCP_WND);
  cr_assert_eq(c.err, 0);
  cr_assert_eq(s.err, 0);
  free(src);
  peer_free(&s);
}

/* Hundreds of tiny segments queue as separate pbufs while paused; on resume
 * they are gathered into 16 KiB reads, the boundary splitting a segment. */
Test(lwip_rx, many_small_pbufs_and_partial_read)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t seg = 53, count = 400, n = seg * count; /* 21200: under the window */
  unsigned char *src = pattern(n);
  connect_pair(&l, &c, &s, 0);
  cr_assert_eq(plat_tcp_set_nodelay(c.t, 1), 0);
  for (size_t i = 0; i < count; i++) {
    cr_assert_eq(plat_tcp_write(c.t, src + i * seg, seg), (long)seg);
    if (i % 50 == 49) plat_wait(0); /* let the loopback carry some */
  }
  cr_assert(WAIT_UNTIL(s.t->rx_bytes == n, 3000), "queued %zu", s.t->rx_bytes);
  cr_assert_geq(s.t->rx_count, 200, "one pbuf per segment: %u", s.t->rx_count);
  cr_assert_eq(s.data_events, 0, "paused: nothing delivered");
  cr_assert_eq(s.t->pcb->rcv_wnd, TCP_WND - n, "undelivered bytes stay unacknowledged");

  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.rx_len == n, 3000));
  cr_assert_eq(s.data_events, 2);
  cr_assert_eq(s.chunk[0], 16384); /* 16384 = 309 segments + 7 bytes of the 310th */
  cr_assert_eq(s.chunk[1], n - 16384);
  cr_assert_eq(memcmp(s.rx, src, n), 0);
  cr_assert_eq(s.t->rx_count, 0);
  cr_assert_eq(s.t->rx_bytes, 0);
  cr_assert_eq(s.t->pcb->rcv_wnd, TCP_WND);
  free(src);
  peer_free(&s);
}

/* A paused reader withholds tcp_recved: the sender's window closes and it
 * stops. Resuming reopens the window and every byte arrives, in order. */
Test(lwip_rx, pause_closes_window_resume_reopens)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 200 * 1024;
  unsigned char *src = connect_and_send(&l, &c, &s, 0, n);
  cr_assert(WAIT_UNTIL(s.t->rx_bytes == TCP_WND, 3000), "queued %zu", s.t->rx_bytes);
  run_for(300);
  size_t stalled_at = c.sent;
  run_for(700);
  cr_assert_eq(c.sent, stalled_at, "the writer is stopped while the window is closed");
  cr_assert_leq(c.sent, (size_t)TCP_WND + TCP_SND_BUF);
  cr_assert_eq(s.t->rx_bytes, TCP_WND, "the reader holds exactly one window");
  cr_assert_eq(s.t->pcb->rcv_wnd, 0);
  cr_assert_eq(c.t->pcb->snd_wnd, 0);
  cr_assert_eq(s.data_events, 0);

  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.rx_len == n, 10000), "got %zu of %zu", s.rx_len, n);
  cr_assert_eq(c.sent, n);
  cr_assert_eq(memcmp(s.rx, src, n), 0);
  cr_assert_eq(s.t->pcb->rcv_wnd, TCP_WND);

  /* pause and resume again mid-stream: still nothing lost */
  free(s.rx);
  s.rx = NULL;
  s.rx_len = s.rx_cap = 0;
  c.sent = 0;
  plat_tcp_read_stop(s.t);
  pump(&c);
  cr_assert(WAIT_UNTIL(s.t->pcb->rcv_wnd == 0, 3000));
  cr_assert_eq(s.rx_len, 0);
  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.rx_len == n, 10000), "got %zu of %zu", s.rx_len, n);
  cr_assert_eq(memcmp(s.rx, src, n), 0);
  free(src);
  peer_free(&s);
}

/* Both readers paused with both windows closed: lwIP (2.1.3 and 2.2.1) would answer
 * each zero-window ACK with another (a loopback live-lock); plat_wait must return. */
Test(lwip_rx, both_paused_windows_closed_no_livelock)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 100 * 1024;
  unsigned char *src = pattern(n);
  connect_pair(&l, &c, &s, 0);
  c.src = s.src = src;
  c.src_len = s.src_len = n;
  c.auto_write = s.auto_write = 1;
  pump(&c);
  pump(&s);
  cr_assert(WAIT_UNTIL(s.t->rx_bytes == TCP_WND && c.t->rx_bytes == TCP_WND, 3000));
  cr_assert_eq(c.t->pcb->rcv_wnd, 0);
  cr_assert_eq(s.t->pcb->rcv_wnd, 0);
  uint64_t t0 = plat_now_ms();
  for (int i = 0; i < 100; i++) plat_wait(0);
  cr_assert_lt(plat_now_ms() - t0, 1000);
  plat_tcp_read_start(c.t);
  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.rx_len == n && c.rx_len == n, 10000));
  cr_assert_eq(memcmp(s.rx, src, n), 0);
  cr_assert_eq(memcmp(c.rx, src, n), 0);
  free(src);
  peer_free(&s);
  peer_free(&c);
}

/* A FIN received while paused is held behind the data: DATA..., then one EOF. */
Test(lwip_rx, eof_after_queued_data)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 5000;
  unsigned char *src = pattern(n);
  connect_pair(&l, &c, &s, 0);
  cr_assert_eq(plat_tcp_write(c.t, src, n), (long)n);
  cr_assert_eq(plat_tcp_shutdown(c.t), 0);
  cr_assert(WAIT_UNTIL(s.t->fin_rcvd, 3000));
  cr_assert_eq(s.t->rx_bytes, n);
  cr_assert_eq(s.eof, 0);
  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.eof, 3000));
  cr_assert_eq(s.rx_len, n);
  cr_assert_eq(memcmp(s.rx, src, n), 0);
  int eofs = 0;
  for (int i = 0; i < s.nev; i++) {
    if (s.types[i] == PLAT_TCP_EOF) {
      eofs++;
      cr_assert_eq(i, s.nev - 1, "EOF is the last event");
    }
  }
  cr_assert_eq(eofs, 1);
  free(src);
  peer_free(&s);
}

/* ---- pool pbufs (NIC frames) held by a paused reader --------------------- */
#include "lwip/mem.h"

/* Hands the record a PBUF_POOL pbuf through its own lwIP recv callback, as
 * lwIP does with a frame a NIC driver received. */
static void nic_deliver(peer *s, const void *data, u16_t len)
{
  struct pbuf *p = pbuf_alloc(PBUF_RAW, len, PBUF_POOL);
  cr_assert_not_null(p);
  cr_assert_eq(pbuf_take(p, data, len), ERR_OK);
  struct tcp_pcb *pcb = s->t->pcb;
  cr_assert_eq(pcb->recv(pcb->callback_arg, pcb, p, ERR_OK), ERR_OK);
}

static unsigned pool_used(void) { return lwip_stats.memp[MEMP_PBUF_POOL]->used; }
static int queued_in_pool(plat_tcp *t, unsigned i)
{
  return pbuf_get_allocsrc(t->rxq[(t->rx_head + i) % t->rx_cap]) == PBUF_TYPE_ALLOC_SRC_MASK_STD_MEMP_PBUF_POOL;
}

/* Data for a paused reader leaves the pool at once (a copy on the heap), and
 * data already queued leaves it when the reader pauses: paused sockets cannot
 * hold every pool pbuf and starve the NIC. */
Test(lwip_rx, paused_reader_releases_pool_pbufs)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  connect_pair(&l, &c, &s, 0);
  nic_deliver(&s, "paused", 6);
  cr_assert_eq(s.t->rx_count, 1);
  cr_assert_not(queued_in_pool(s.t, 0), "copied to the heap");
  cr_assert_eq(pool_used(), 0);

  plat_tcp_read_start(s.t);
  nic_deliver(&s, "-reading", 8); /* delivered this round: stays where it is */
  cr_assert(queued_in_pool(s.t, 1));
  cr_assert_eq(pool_used(), 1);
  plat_tcp_read_stop(s.t); /* paused before the dispatch: now it moves */
  cr_assert_not(queued_in_pool(s.t, 1));
  cr_assert_eq(pool_used(), 0);

  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.rx_len == 14, 1000));
  cr_assert_eq(memcmp(s.rx, "paused-reading", 14), 0);
  peer_free(&s);
}

/* The copy never takes the heap past half: beyond that the pool pbuf stays. */
Test(lwip_rx, pool_pbufs_stay_when_the_heap_is_half_full)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  void *big[64];
  int n = 0;
  connect_pair(&l, &c, &s, 0);
  while (lwip_stats.mem.used < MEM_SIZE / 2 && n < 64) big[n++] = mem_malloc(16384);
  nic_deliver(&s, "kept", 4);
  cr_assert(queued_in_pool(s.t, 0));
  cr_assert_eq(pool_used(), 1);
  while (n > 0) mem_free(big[--n]);
  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.rx_len == 4, 1000));
  cr_assert_eq(pool_used(), 0, "freed once delivered");
  peer_free(&s);
}
