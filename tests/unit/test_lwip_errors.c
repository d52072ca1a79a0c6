// sources: platform/lwip/tcp.c platform/lwip/tcp_rx.c platform/lwip/tcp_budget.c platform/lwip/sys.c platform/lwip/udp.c platform/lwip/dns.c platform/lwip/err_map.c platform/lwip/ipaddr.c platform/addr.c platform/errors.c tests/unit/lwip_test_board.c build/unit/liblwip.a
/* lwIP backend, errors: the err_t mapping, errors as the loop delivers them,
 * a record whose pcb lwIP freed (tcp_err), and running out of pcbs. */
#include "lwip_test.h"

TestSuite(lwip_errors, .init = lw_setup, .timeout = 30);

Test(lwip_errors, err_t_mapping)
{
  cr_assert_eq(lw_error(ERR_OK, 0), 0);
  cr_assert_eq(lw_error(ERR_RST, 1), PLAT_ECONNREFUSED, "RST to our SYN: nobody listens");
  cr_assert_eq(lw_error(ERR_RST, 0), PLAT_ECONNRESET);
  cr_assert_eq(lw_error(ERR_MEM, 0), PLAT_ENOMEM);
  cr_assert_eq(lw_error(ERR_BUF, 0), PLAT_ENOBUFS);
  cr_assert_eq(lw_error(ERR_ABRT, 0), PLAT_ETIMEDOUT, "lwIP gave up retransmitting");
  cr_assert_eq(lw_error(ERR_TIMEOUT, 0), PLAT_ETIMEDOUT);
  cr_assert_eq(lw_error(ERR_RTE, 1), PLAT_ENETUNREACH);
  cr_assert_eq(lw_error(ERR_USE, 0), PLAT_EADDRINUSE);
  cr_assert_eq(lw_error(ERR_ISCONN, 0), PLAT_EISCONN);
  cr_assert_eq(lw_error(ERR_CONN, 0), PLAT_ENOTCONN);
  cr_assert_eq(lw_error(ERR_CLSD, 1), PLAT_ECONNREFUSED);
  cr_assert_eq(lw_error(ERR_CLSD, 0), PLAT_ENOTCONN);
  cr_assert_eq(lw_error(ERR_IF, 0), PLAT_ENETDOWN);
  cr_assert_eq(lw_error(ERR_VAL, 0), PLAT_EINVAL);
  cr_assert_eq(lw_error(ERR_ARG, 0), PLAT_EINVAL);
  cr_assert_eq(lw_error(ERR_WOULDBLOCK, 0), PLAT_EAGAIN);
  cr_assert_eq(lw_error(-100, 0), PLAT_EUNKNOWN);
  /* every lwIP error maps to a code with a name (never "UNKNOWN" by accident) */
  for (err_t e = ERR_MEM; e >= ERR_ARG; e--)
    cr_assert_str_neq(plat_strerror_code(lw_error(e, 0)), "UNKNOWN", "err_t %d", e);
}

/* An RST to our SYN arrives from the loop as ECONNREFUSED, never synchronously. */
Test(lwip_errors, refused_while_connecting)
{
  peer c = { 0 };
  plat_addr a = loopback4(9); /* nobody listens on lwIP's port 9 */
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), 0);
  cr_assert_eq(c.nev, 0);
  cr_assert(WAIT_UNTIL(c.err != 0, 2000));
  cr_assert_eq(c.err, PLAT_ECONNREFUSED);
  cr_assert_eq(c.connected, 0);
  cr_assert_null(c.t->pcb, "lwIP freed the pcb (tcp_err)");
  cr_assert_eq(pcbs_used(), 0);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), PLAT_EINVAL, "a dead handle does not connect again");
  plat_tcp_close(c.t);
  run_for(20);
  cr_assert_eq(c.nev, 1);
}

Test(lwip_errors, no_route_is_enetunreach)
{
  peer c = { 0 };
  plat_addr a;
  cr_assert_eq(plat_addr_parse("10.1.2.3", &a), 0); /* only loopback exists */
  a.port = 80;
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), 0, "reported from the loop like later failures");
  cr_assert(WAIT_UNTIL(c.err != 0, 1000));
  cr_assert_eq(c.err, PLAT_ENETUNREACH);
  cr_assert_eq(pcbs_used(), 0);
  plat_tcp_close(c.t);
}

Test(lwip_errors, listen_errors_are_synchronous)
{
  peer l1 = { 0 }, l2 = { 0 }, l3 = { 0 };
  uint16_t port = listen_on(&l1, NULL, 0);
  plat_addr a = loopback4(port);
  l2.t = plat_tcp_new(on_event, &l2);
  cr_assert_eq(plat_tcp_listen(l2.t, &a, 8, 0), PLAT_EADDRINUSE);
  cr_assert_eq(plat_addr_parse("10.9.9.9", &a), 0);
  a.port = port;
  l3.t = plat_tcp_new(on_event, &l3);
  cr_assert_eq(plat_tcp_listen(l3.t, &a, 8, 0), PLAT_EADDRNOTAVAIL);
  cr_assert_eq(plat_tcp_write(l1.t, "x", 1), PLAT_ENOTCONN);
  plat_tcp_close(l1.t);
  plat_tcp_close(l2.t);
  plat_tcp_close(l3.t);
  run_for(10);
  cr_assert_eq(l1.nev + l2.nev + l3.nev, 0);
}

/* The peer resets an established connection: ECONNRESET, and from then on the
 * record has no pcb (lwIP freed it before calling tcp_err); every call on it
 * answers with a code instead of touching freed memory. */
Test(lwip_errors, reset_established_pcb_gone)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  plat_addr local, out;
  connect_pair(&l, &c, &s, 1);
  plat_tcp_read_start(c.t);
  cr_assert_eq(pcbs_used(), 2);
  cr_assert_eq(plat_tcp_local_addr(c.t, &local), 0);
  plat_tcp_abort(s.t);
  cr_assert(WAIT_UNTIL(c.err != 0, 2000));
  cr_assert_eq(c.err, PLAT_ECONNRESET);
  cr_assert_null(c.t->pcb);
  cr_assert(c.t->dead);
  cr_assert_eq(pcbs_used(), 0, "both pcbs are back in the pool");
  cr_assert_eq(plat_tcp_write(c.t, "x", 1), PLAT_EPIPE);
  cr_assert_eq(plat_tcp_shutdown(c.t), PLAT_ENOTCONN);
  cr_assert_eq(plat_tcp_set_nodelay(c.t, 1), PLAT_EBADF);
  cr_assert_eq(plat_tcp_set_keepalive(c.t, 1, 10), PLAT_EBADF);
  cr_assert_eq(plat_tcp_remote_addr(c.t, &out), PLAT_ENOTCONN);
  cr_assert_eq(plat_tcp_local_addr(c.t, &out), 0, "the local address outlives the pcb");
  cr_assert_eq(out.port, local.port);
  plat_tcp_read_start(c.t); /* harmless */
  int nev = c.nev;
  run_for(50);
  cr_assert_eq(c.nev, nev, "one ERROR, nothing after it");
  plat_tcp_close(c.t);
  run_for(20);
  cr_assert_eq(c.nev, nev);
}

/* Data that arrived before the RST is delivered before the error. */
Test(lwip_errors, data_then_reset_in_order)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  unsigned char *src = pattern(3000);
  connect_pair(&l, &c, &s, 0);
  plat_tcp_read_start(c.t);
  cr_assert_eq(plat_tcp_set_nodelay(s.t, 1), 0); /* all of it leaves before the RST */
  cr_assert_eq(plat_tcp_write(s.t, src, 3000), 3000);
  plat_tcp_abort(s.t);
  cr_assert(WAIT_UNTIL(c.err != 0, 2000));
  cr_assert_eq(c.err, PLAT_ECONNRESET);
  cr_assert_eq(c.rx_len, 3000, "got %zu", c.rx_len);
  cr_assert_eq(memcmp(c.rx, src, 3000), 0);
  cr_assert_eq(c.types[c.nev - 1], PLAT_TCP_ERROR);
  for (int i = 1; i < c.nev - 1; i++) cr_assert_eq(c.types[i], PLAT_TCP_DATA);
  free(src);
  peer_free(&c);
}

/* 7 pcbs: three connections (both ends are ours) leave one. A fourth client
 * takes it; the listener cannot get a pcb for its SYN and reports EMFILE but
 * keeps listening; a fifth connect fails at once with EMFILE. Closing one
 * connection lets the waiting client's SYN retry through. */
Test(lwip_errors, pcb_pool_exhaustion_and_recovery)
{
  peer l = { 0 }, c[5] = { { 0 } }, s[5] = { { 0 } };
  uint16_t port = listen_on(&l, NULL, 0);
  l.child = s;
  l.nchild = 5;
  l.child_reads = 1;
  plat_addr a = loopback4(port);
  for (int i = 0; i < 3; i++) {
    c[i].t = plat_tcp_new(on_event, &c[i]);
    cr_assert_eq(plat_tcp_connect(c[i].t, &a, NULL), 0);
    cr_assert(WAIT_UNTIL(c[i].connected && l.accepted == i + 1, 2000), "connection %d", i);
  }
  cr_assert_eq(pcbs_used(), 6);
  c[3].t = plat_tcp_new(on_event, &c[3]);
  cr_assert_eq(plat_tcp_connect(c[3].t, &a, NULL), 0);
  cr_assert(WAIT_UNTIL(l.listen_errs > 0, 2000));
  cr_assert_eq(l.listen_err, PLAT_EMFILE);
  cr_assert_eq(c[3].connected, 0);
  cr_assert_eq(c[3].err, 0, "the client is still trying");
  cr_assert(l.t->listening && l.t->pcb, "the listener lives on");
  cr_assert_eq(pcbs_used(), 7);
  c[4].t = plat_tcp_new(on_event, &c[4]);
  cr_assert_eq(plat_tcp_connect(c[4].t, &a, NULL), PLAT_EMFILE);
  cr_assert_gt(lwip_stats.memp[MEMP_TCP_PCB]->err, 0);

  /* free one connection: its pcbs go (TIME_WAIT ones are reclaimed on demand) */
  plat_tcp_close(c[0].t);
  plat_tcp_close(s[0].t);
  cr_assert(WAIT_UNTIL(c[3].connected && l.accepted == 4, 8000), "the SYN retry got through");
  cr_assert_eq(c[3].err, 0);
  cr_assert_eq(plat_tcp_write(c[3].t, "ping", 4), 4);
  cr_assert(WAIT_UNTIL(s[3].rx_len == 4, 2000));
  cr_assert_eq(memcmp(s[3].rx, "ping", 4), 0);
  for (int i = 0; i < 4; i++) peer_free(&s[i]);
}

/* ---- lwIP's heap and segment pool run dry ------------------------------ */
#include "lwip/mem.h"

static void *held[8192];
static int nheld;

/* Takes every byte of lwIP's heap (largest pieces first). */
static void fill_heap(void)
{
  static const mem_size_t sizes[] = { 4096, 512, 64, 8 };
  for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    void *p;
    while (nheld < 8192 && (p = mem_malloc(sizes[i])) != NULL) held[nheld++] = p;
  }
  cr_assert_null(mem_malloc(1), "the heap is full");
}

static void fill_seg_pool(void)
{
  void *p;
  while (nheld < 8192 && (p = memp_malloc(MEMP_TCP_SEG)) != NULL) held[nheld++] = p;
}

static void release_heap(void)
{
  while (nheld > 0) mem_free(held[--nheld]);
}
static void release_seg_pool(void)
{
  while (nheld > 0) memp_free(MEMP_TCP_SEG, held[--nheld]);
}

/* No heap for the SYN: the connect fails from the loop with ENOBUFS and gives
 * its pcb back; with the heap back, connecting works. */
Test(lwip_errors, heap_full_connect_enobufs)
{
  peer l = { 0 }, c = { 0 }, c2 = { 0 }, s = { 0 };
  plat_addr a = loopback4(listen_on(&l, &s, 1));
  fill_heap();
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), 0);
  cr_assert(WAIT_UNTIL(c.err != 0, 1000));
  cr_assert_eq(c.err, PLAT_ENOBUFS);
  cr_assert_eq(pcbs_used(), 0);
  cr_assert_gt(lwip_stats.mem.err, 0);
  release_heap();
  c2.t = plat_tcp_new(on_event, &c2);
  cr_assert_eq(plat_tcp_connect(c2.t, &a, NULL), 0);
  cr_assert(WAIT_UNTIL(c2.connected && s.t, 2000));
}

static void write_waits_for_memory(void (*fill)(void), void (*release)(void))
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  connect_pair(&l, &c, &s, 1);
  fill();
  cr_assert_eq(plat_tcp_write(c.t, "hello", 5), 0, "nothing taken, no error: backpressure");
  cr_assert(c.t->want_write);
  run_for(200);
  cr_assert_eq(c.err, 0);
  cr_assert_eq(s.rx_len, 0);
  release();
  /* nothing is in flight, so no tcp_sent: the poll timer reports the room */
  cr_assert(WAIT_UNTIL(c.writable > 0, 3000));
  cr_assert_eq(plat_tcp_write(c.t, "hello", 5), 5);
  cr_assert(WAIT_UNTIL(s.rx_len == 5, 2000));
  cr_assert_eq(memcmp(s.rx, "hello", 5), 0);
  peer_free(&s);
}

Test(lwip_errors, heap_full_write_waits) { write_waits_for_memory(fill_heap, release_heap); }
Test(lwip_errors, seg_pool_full_write_waits)
{
  write_waits_for_memory(fill_seg_pool, release_seg_pool);
  cr_assert_gt(lwip_stats.memp[MEMP_TCP_SEG]->err, 0);
}
