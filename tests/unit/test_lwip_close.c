// sources: platform/lwip/tcp.c platform/lwip/tcp_rx.c platform/lwip/tcp_budget.c platform/lwip/sys.c platform/lwip/udp.c platform/lwip/dns.c platform/lwip/err_map.c platform/lwip/ipaddr.c platform/addr.c platform/errors.c tests/unit/lwip_test_board.c build/unit/liblwip.a
/* lwIP backend, closing: with writes pending, from inside a callback, with
 * events queued, and listeners with connections nobody took. Built with ASan:
 * a record used after the backend freed it fails the test. */
#include "lwip_test.h"

/* Records are freed by the dispatcher later on purpose; lwIP's pools are static. */
const char *__asan_default_options(void) { return "detect_leaks=0:abort_on_error=1"; }

TestSuite(lwip_close, .init = lw_setup, .timeout = 20);

/* A graceful close with bytes still in lwIP's send queue (the peer's window is
 * closed): the closer gets no more events, and the peer, once it reads, gets
 * every byte the closer's writes accepted, then EOF. */
Test(lwip_close, close_with_writes_pending)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 200 * 1024;
  unsigned char *src = connect_and_send(&l, &c, &s, 0, n);
  cr_assert(WAIT_UNTIL(s.t->pcb->rcv_wnd == 0, 3000));
  run_for(100);
  cr_assert(c.t->want_write, "the writer waits for room");
  cr_assert_not_null(c.t->pcb->unsent, "bytes queued in lwIP, not yet sent");
  size_t accepted = c.sent;
  cr_assert_gt(accepted, TCP_WND);
  c.closed = 1;
  plat_tcp_close(c.t);
  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.eof, 5000));
  cr_assert_eq(s.rx_len, accepted, "all accepted bytes arrive (%zu of %zu)", s.rx_len, accepted);
  cr_assert_eq(memcmp(s.rx, src, accepted), 0);
  cr_assert_eq(s.err, 0);
  cr_assert_eq(c.events_after_close, 0);
  plat_tcp_close(s.t);
  run_for(50);
  free(src);
  peer_free(&s);
}

/* An abort with writes pending: the pcb pool empties; the peer, paused, learns of the
 * reset when it reads again (as a socket POSIX does not watch): first the data it
 * held, then ECONNRESET. */
Test(lwip_close, abort_with_writes_pending)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 200 * 1024;
  unsigned char *src = connect_and_send(&l, &c, &s, 0, n);
  cr_assert(WAIT_UNTIL(s.t->pcb->rcv_wnd == 0, 3000));
  c.closed = 1;
  plat_tcp_abort(c.t);
  cr_assert(WAIT_UNTIL(s.t->dead, 2000));
  run_for(50);
  cr_assert_eq(s.err, 0, "no error while nobody reads or writes");
  cr_assert_eq(pcbs_used(), 0);
  size_t held = s.t->rx_bytes;
  cr_assert(held > 0);
  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.err != 0, 2000));
  cr_assert_eq(s.err, PLAT_ECONNRESET);
  cr_assert_eq(s.rx_len, held, "the data held came first");
  cr_assert_eq(memcmp(s.rx, src, held), 0);
  cr_assert_eq(s.t->rx_bytes, 0);
  cr_assert_eq(c.events_after_close, 0);
  plat_tcp_close(s.t);
  run_for(20);
  free(src);
}

/* Closing from inside the handle's own callback, with more data queued behind
 * the event: nothing more is delivered to it, and its record is freed later. */
Test(lwip_close, close_inside_data_callback)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 100 * 1024;
  unsigned char *src = connect_and_send(&l, &c, &s, 0, n);
  cr_assert(WAIT_UNTIL(s.t->rx_bytes == TCP_WND, 3000));
  s.close_on = 1 + PLAT_TCP_DATA;
  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(s.closed, 1000));
  /* the writer learns of it: EOF (our FIN) or a reset for data sent after it */
  plat_tcp_read_start(c.t);
  cr_assert(WAIT_UNTIL(c.eof || c.err, 5000));
  if (c.err) cr_assert_eq(c.err, PLAT_ECONNRESET);
  run_for(100);
  cr_assert_eq(s.data_events, 1);
  cr_assert_eq(s.events_after_close, 0);
  free(src);
  peer_free(&s);
}

/* Closing a record that has events queued for the dispatch phase (data and
 * FIN delivered by the loopback, not yet dispatched): the dispatcher frees it
 * without calling back; unread bytes are acknowledged, so the peer sees a
 * clean close, not a reset. */
Test(lwip_close, close_with_events_queued)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  connect_pair(&l, &c, &s, 1);
  plat_tcp_read_start(c.t);
  cr_assert_eq(plat_tcp_write(s.t, "hello", 5), 5);
  cr_assert_eq(plat_tcp_shutdown(s.t), 0);
  netif_poll_all(); /* lwIP's half of plat_wait only */
  cr_assert(c.t->queued, "events wait for the dispatch phase");
  cr_assert_eq(c.t->rx_bytes, 5);
  cr_assert(c.t->fin_rcvd);
  c.closed = 1;
  plat_tcp_close(c.t);
  cr_assert(WAIT_UNTIL(s.eof, 2000));
  run_for(50);
  cr_assert_eq(s.err, 0);
  cr_assert_eq(c.events_after_close, 0);
  cr_assert_eq(c.rx_len, 0);
}

/* A client that resets while its connection waits in the listener's accept
 * queue: the queued child is freed quietly, the listener reports nothing. */
Test(lwip_close, child_dies_in_accept_queue)
{
  peer l = { 0 }, c = { 0 };
  uint16_t port = listen_on(&l, NULL, 0);
  plat_addr a = loopback4(port);
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), 0);
  netif_poll_all(); /* SYN, SYN-ACK, ACK: the child is queued on the listener */
  cr_assert_not_null(l.t->accept_head);
  cr_assert_eq(pcbs_used(), 2);
  c.closed = 1;
  plat_tcp_abort(c.t);
  netif_poll_all(); /* the RST reaches the child: tcp_err frees its pcb */
  cr_assert_null(l.t->accept_head);
  run_for(50);
  cr_assert_eq(l.nev, 0);
  cr_assert_eq(pcbs_used(), 0);
  plat_tcp_close(l.t);
  run_for(10);
}

/* Closing a listener resets connections it never handed out. */
Test(lwip_close, close_listener_with_unaccepted)
{
  peer l = { 0 }, c = { 0 };
  uint16_t port = listen_on(&l, NULL, 0);
  plat_addr a = loopback4(port);
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), 0);
  netif_poll_all();
  cr_assert_not_null(l.t->accept_head);
  l.closed = 1;
  plat_tcp_close(l.t);
  plat_tcp_read_start(c.t);
  cr_assert(WAIT_UNTIL(c.err != 0, 2000));
  cr_assert_eq(c.err, PLAT_ECONNRESET);
  cr_assert_eq(l.nev, 0);
  cr_assert_eq(pcbs_used(), 0);
  plat_tcp_close(c.t);
  run_for(10);
}
