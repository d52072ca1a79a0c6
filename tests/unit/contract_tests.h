/*
 * platform.h's TCP contract, one set of tests for every backend: each
 * test_contract_<backend>.c defines CONTRACT_SUITE and contract_setup() and
 * includes this file, built with that backend's sources (tests/unit/unit.mk).
 * Only platform.h is used (tcp_harness.h). What a backend must do is written
 * here once; where Linux and lwIP differ by nature, the test says which answer
 * either may give.
 */
#include "tcp_harness.h"

TestSuite(CONTRACT_SUITE, .init = contract_setup, .timeout = 30);

/* A port nobody listens on: bound once, then closed. */
static uint16_t free_port(void)
{
  peer l = { 0 };
  uint16_t port = listen_on(&l, NULL, 0);
  plat_tcp_close(l.t);
  run_for(20);
  return port;
}

Test(CONTRACT_SUITE, refused_connect_is_an_error_event)
{
  peer c = { 0 };
  plat_addr a = loopback4(free_port());
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), 0, "the failure comes as an event");
  cr_assert(WAIT_UNTIL(c.err != 0, 5000));
  cr_assert_eq(c.err, PLAT_ECONNREFUSED);
  cr_assert_eq(c.connected, 0);
  plat_tcp_close(c.t);
}

/* A call in the wrong state is a coded error, never a second connection. */
Test(CONTRACT_SUITE, calls_in_the_wrong_state_are_coded_errors)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  uint16_t port = listen_on(&l, &s, 1);
  plat_addr a = loopback4(port), other = loopback4(free_port());
  cr_assert_eq(plat_tcp_listen(l.t, &a, 8, 0), PLAT_EINVAL, "listen twice");
  cr_assert_eq(plat_tcp_connect(l.t, &a, NULL), PLAT_EISCONN, "connect on a listener");

  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), 0);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), PLAT_EALREADY, "connect while connecting");
  cr_assert(WAIT_UNTIL(c.connected && s.t, 2000));
  cr_assert_eq(plat_tcp_connect(c.t, &other, NULL), PLAT_EISCONN, "connect when connected");
  cr_assert_eq(plat_tcp_connect(s.t, &a, NULL), PLAT_EISCONN, "connect on an accepted handle");
  cr_assert_eq(plat_tcp_listen(c.t, &a, 8, 0), PLAT_EINVAL, "listen on a connected handle");
  run_for(50);
  cr_assert_eq(l.accepted, 1, "no second connection was made");
  cr_assert_eq(c.err, 0);

  /* The connection still works. */
  cr_assert_eq(plat_tcp_write(c.t, "ok", 2), 2);
  cr_assert(WAIT_UNTIL(s.rx_len == 2, 2000));
  cr_assert_eq(memcmp(s.rx, "ok", 2), 0);
  plat_tcp_close(c.t);
  plat_tcp_close(s.t);
  plat_tcp_close(l.t);
  run_for(20);
  peer_free(&s);
}

Test(CONTRACT_SUITE, options_on_a_handle_without_a_connection)
{
  peer c = { 0 };
  c.t = plat_tcp_new(on_event, &c);
  plat_addr out;
  cr_assert_lt(plat_tcp_write(c.t, "x", 1), 0, "write before connect");
  cr_assert_lt(plat_tcp_shutdown(c.t), 0, "shutdown before connect");
  cr_assert_eq(plat_tcp_set_nodelay(c.t, 1), PLAT_EBADF);
  cr_assert_eq(plat_tcp_set_keepalive(c.t, 1, 10), PLAT_EBADF);
  cr_assert_lt(plat_tcp_remote_addr(c.t, &out), 0);
  plat_tcp_close(c.t);
}

Test(CONTRACT_SUITE, keepalive_and_nodelay_on_a_connection)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  connect_pair(&l, &c, &s, 1);
  cr_assert_eq(plat_tcp_set_nodelay(c.t, 1), 0);
  cr_assert_eq(plat_tcp_set_nodelay(c.t, 0), 0);
  cr_assert_eq(plat_tcp_set_keepalive(c.t, 1, 30), 0);
  cr_assert_eq(plat_tcp_set_keepalive(c.t, 0, 0), 0);
  plat_tcp_close(c.t);
  plat_tcp_close(s.t);
  plat_tcp_close(l.t);
  run_for(20);
}

Test(CONTRACT_SUITE, address_in_use)
{
  peer l = { 0 }, l2 = { 0 };
  uint16_t port = listen_on(&l, NULL, 0);
  plat_addr a = loopback4(port);
  l2.t = plat_tcp_new(on_event, &l2);
  cr_assert_eq(plat_tcp_listen(l2.t, &a, 8, 0), PLAT_EADDRINUSE, "errors of listen are synchronous");
  plat_tcp_close(l2.t);
  plat_tcp_close(l.t);
  run_for(20);
  /* Once closed, the port can be listened on again. */
  l2.t = plat_tcp_new(on_event, &l2);
  cr_assert_eq(plat_tcp_listen(l2.t, &a, 8, 0), 0);
  plat_tcp_close(l2.t);
}

/* Listens on text:port with flags on a new handle (kept in *t on success). */
static int listen_at(plat_tcp **t, peer *p, const char *text, uint16_t port, unsigned flags)
{
  plat_addr a;
  cr_assert_eq(plat_addr_parse(text, &a), 0);
  a.port = port;
  *t = plat_tcp_new(on_event, p);
  int r = plat_tcp_listen(*t, &a, 8, flags);
  if (r) {
    plat_tcp_close(*t);
    *t = NULL;
  }
  return r;
}

/* Linux's rules, which Node's listen reports: a wildcard address clashes with a
 * specific one on the same port, '::' takes IPv4 unless it is IPv6-only, and a
 * closed server's connections left in TIME_WAIT do not block a restart. */
Test(CONTRACT_SUITE, address_in_use_rules)
{
  peer l = { 0 }, x = { 0 }, c = { 0 }, s = { 0 };
  plat_tcp *t;
  uint16_t port = listen_on(&l, NULL, 0); /* 127.0.0.1 */
  cr_assert_eq(listen_at(&t, &x, "0.0.0.0", port, 0), PLAT_EADDRINUSE, "wildcard over a specific address");
  plat_tcp_close(l.t);
  run_for(20);

  cr_assert_eq(listen_at(&l.t, &l, "::", 0, 0), 0);
  plat_addr got;
  cr_assert_eq(plat_tcp_local_addr(l.t, &got), 0);
  cr_assert_eq(listen_at(&t, &x, "0.0.0.0", got.port, 0), PLAT_EADDRINUSE, "'::' takes IPv4 too");
  cr_assert_eq(listen_at(&t, &x, "127.0.0.1", got.port, 0), PLAT_EADDRINUSE);
  plat_tcp_close(l.t);
  run_for(20);

  cr_assert_eq(listen_at(&l.t, &l, "::", 0, PLAT_LISTEN_V6ONLY), 0);
  cr_assert_eq(plat_tcp_local_addr(l.t, &got), 0);
  cr_assert_eq(listen_at(&t, &x, "0.0.0.0", got.port, 0), 0, "IPv6-only leaves IPv4's port free");
  plat_tcp_close(t);
  plat_tcp_close(l.t);
  run_for(20);

  /* The server closes first, so its end of the connection waits in TIME_WAIT. */
  memset(&l, 0, sizeof l);
  connect_pair(&l, &c, &s, 1);
  cr_assert_eq(plat_tcp_local_addr(l.t, &got), 0);
  port = got.port;
  plat_tcp_read_start(c.t);
  plat_tcp_close(s.t);
  cr_assert(WAIT_UNTIL(c.eof, 2000));
  plat_tcp_close(c.t);
  plat_tcp_close(l.t);
  run_for(100);
  cr_assert_eq(listen_at(&t, &x, "127.0.0.1", port, 0), 0, "a restart on the same port");
  plat_tcp_close(t);
  run_for(20);
  peer_free(&c);
}

/* An IPv4 peer of a '::' listener, and a connection to ::ffff:a.b.c.d, are
 * reported with IPv4-mapped IPv6 addresses, as Linux (and Node) report them. */
Test(CONTRACT_SUITE, ipv4_mapped_addresses)
{
  peer l = { 0 }, c = { 0 }, c2 = { 0 }, kids[2] = { 0 };
  peer *s = &kids[0], *s2 = &kids[1];
  char text[64];
  plat_addr got, a;
  l.child = kids;
  l.nchild = 2;
  l.child_reads = 1;
  l.is_listener = 1;
  cr_assert_eq(listen_at(&l.t, &l, "::", 0, 0), 0);
  cr_assert_eq(plat_tcp_local_addr(l.t, &got), 0);
  uint16_t port = got.port;

  a = loopback4(port);
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), 0);
  cr_assert(WAIT_UNTIL(c.connected && l.accepted == 1, 2000));
  cr_assert_eq(plat_tcp_remote_addr(s->t, &got), 0);
  plat_addr_format(&got, text, sizeof text);
  cr_assert_str_eq(text, "::ffff:127.0.0.1", "the accepted end's peer");
  cr_assert_eq(got.family, 6);
  cr_assert_eq(plat_tcp_local_addr(s->t, &got), 0);
  plat_addr_format(&got, text, sizeof text);
  cr_assert_str_eq(text, "::ffff:127.0.0.1", "the accepted end's own address");
  cr_assert_eq(plat_tcp_remote_addr(c.t, &got), 0);
  plat_addr_format(&got, text, sizeof text);
  cr_assert_str_eq(text, "127.0.0.1", "the IPv4 client sees IPv4");

  cr_assert_eq(plat_addr_parse("::ffff:127.0.0.1", &a), 0);
  a.port = port;
  c2.t = plat_tcp_new(on_event, &c2);
  cr_assert_eq(plat_tcp_connect(c2.t, &a, NULL), 0);
  cr_assert(WAIT_UNTIL(c2.connected && l.accepted == 2, 2000));
  cr_assert_eq(plat_tcp_remote_addr(c2.t, &got), 0);
  plat_addr_format(&got, text, sizeof text);
  cr_assert_str_eq(text, "::ffff:127.0.0.1", "a client that connected to a mapped address");
  cr_assert_eq(got.port, port);
  cr_assert_eq(plat_tcp_local_addr(c2.t, &got), 0);
  plat_addr_format(&got, text, sizeof text);
  cr_assert_str_eq(text, "::ffff:127.0.0.1");

  /* and data flows */
  plat_tcp_read_start(c2.t);
  cr_assert_eq(plat_tcp_write(s2->t, "four", 4), 4);
  cr_assert(WAIT_UNTIL(c2.rx_len == 4, 2000));
  cr_assert_eq(memcmp(c2.rx, "four", 4), 0);
  plat_tcp_close(c.t);
  plat_tcp_close(c2.t);
  plat_tcp_close(s->t);
  plat_tcp_close(s2->t);
  plat_tcp_close(l.t);
  run_for(20);
  peer_free(&c2);
}

/* Data queued before the FIN arrives whole and in order, then EOF. */
Test(CONTRACT_SUITE, eof_after_queued_data)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 100 * 1024;
  unsigned char *src = pattern(n);
  connect_pair(&l, &c, &s, 1);
  s.src = src;
  s.src_len = n;
  s.auto_write = 1;
  pump(&s);
  plat_tcp_read_start(c.t);
  cr_assert(WAIT_UNTIL(s.sent == n, 5000));
  cr_assert_eq(plat_tcp_shutdown(s.t), 0);
  cr_assert(WAIT_UNTIL(c.eof, 5000));
  cr_assert_eq(c.rx_len, n);
  cr_assert_eq(memcmp(c.rx, src, n), 0);
  int last = c.types[c.nev - 1];
  cr_assert_eq(last, PLAT_TCP_EOF, "EOF is the last event");
  cr_assert_eq(c.err, 0);
  plat_tcp_close(c.t);
  plat_tcp_close(s.t);
  plat_tcp_close(l.t);
  run_for(20);
  free(src);
  peer_free(&c);
}

/* A peer's reset while this side reads: the data that came first, then ECONNRESET. */
Test(CONTRACT_SUITE, data_then_reset_in_order)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  connect_pair(&l, &c, &s, 1);
  plat_tcp_read_start(c.t);
  cr_assert_eq(plat_tcp_write(s.t, "hello", 5), 5);
  cr_assert(WAIT_UNTIL(c.rx_len == 5, 2000));
  plat_tcp_abort(s.t);
  cr_assert(WAIT_UNTIL(c.err != 0, 2000));
  cr_assert_eq(c.err, PLAT_ECONNRESET);
  cr_assert_eq(memcmp(c.rx, "hello", 5), 0);
  cr_assert_eq(c.types[c.nev - 1], PLAT_TCP_ERROR);
  cr_assert_lt(plat_tcp_write(c.t, "x", 1), 0, "a dead connection refuses writes");
  plat_tcp_close(c.t);
  plat_tcp_close(l.t);
  run_for(20);
  peer_free(&c);
}

/* The peer resets a connection this side is writing to: the writer learns it
 * (an error event, or an error from write) and nothing hangs. */
Test(CONTRACT_SUITE, reset_mid_transfer)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 4 * 1024 * 1024;
  unsigned char *src = pattern(n);
  connect_pair(&l, &c, &s, 1);
  plat_tcp_read_start(c.t);
  c.src = src;
  c.src_len = n;
  c.auto_write = 1;
  pump(&c);
  cr_assert(WAIT_UNTIL(s.rx_len > 0, 2000));
  plat_tcp_abort(s.t);
  s.closed = 1;
  cr_assert(WAIT_UNTIL(c.err != 0 || c.write_err != 0, 5000));
  int e = c.err ? c.err : c.write_err;
  cr_assert(e == PLAT_ECONNRESET || e == PLAT_EPIPE, "got %d", e);
  cr_assert_eq(s.events_after_close, 0);
  plat_tcp_close(c.t);
  plat_tcp_close(l.t);
  run_for(20);
  free(src);
  peer_free(&s);
}

/* A peer that does not read: writes come back short; WRITABLE follows. */
Test(CONTRACT_SUITE, short_write_then_writable)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  const size_t n = 8 * 1024 * 1024;
  unsigned char *src = pattern(n);
  connect_pair(&l, &c, &s, 0);
  c.src = src;
  c.src_len = n;
  pump(&c);
  cr_assert(WAIT_UNTIL(c.short_writes > 0, 2000));
  cr_assert_lt(c.sent, n, "the stack took less than everything");
  /* (lwIP may still free room as the peer's stack acknowledges what it buffers:
   * WRITABLE can come before the peer reads, never without a short write first.) */
  c.auto_write = 1;
  plat_tcp_read_start(s.t);
  cr_assert(WAIT_UNTIL(c.writable > 0, 5000), "WRITABLE follows");
  cr_assert(WAIT_UNTIL(c.sent == n && s.rx_len == n, 20000));
  cr_assert_eq(memcmp(s.rx, src, n), 0);
  plat_tcp_close(c.t);
  plat_tcp_close(s.t);
  plat_tcp_close(l.t);
  run_for(20);
  free(src);
  peer_free(&s);
}

/* Closing a handle from inside its own callback: no event after that. */
Test(CONTRACT_SUITE, close_inside_a_callback_ends_the_events)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  connect_pair(&l, &c, &s, 1);
  c.close_on = 1 + PLAT_TCP_DATA;
  plat_tcp_read_start(c.t);
  cr_assert_eq(plat_tcp_write(s.t, "one", 3), 3);
  cr_assert(WAIT_UNTIL(c.closed, 2000));
  cr_assert_eq(plat_tcp_write(s.t, "two", 3) >= 0, 1);
  plat_tcp_shutdown(s.t);
  run_for(100);
  cr_assert_eq(c.events_after_close, 0);
  plat_tcp_close(s.t);
  plat_tcp_close(l.t);
  run_for(20);
  peer_free(&c);
}
