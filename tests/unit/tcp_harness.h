/*
 * A backend-neutral harness for tests of platform.h's TCP half: peers that record
 * every event their callback sees, a loop runner, a listener and a connected pair.
 * Only platform.h is used, so the same tests build against the POSIX and the lwIP
 * backend (tests/unit/contract_tests.h); lwip_test.h adds what looks inside lwIP.
 */
#ifndef PETREL_TCP_HARNESS_H
#define PETREL_TCP_HARNESS_H
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "platform.h"

#define MAX_EVENTS 4096

/* One end of a connection (or a listener) with everything its callback saw. */
typedef struct peer {
  plat_tcp *t;
  int connected, eof, err, writable, write_err, closed, events_after_close;
  int nev, types[MAX_EVENTS];
  unsigned char *rx;
  size_t rx_len, rx_cap, data_events, max_chunk, chunk[MAX_EVENTS];
  /* writer: src is pumped into the socket on CONNECTED and WRITABLE */
  const unsigned char *src;
  size_t src_len, sent;
  int auto_write, short_writes;
  /* listener: accepted children fill child[0..nchild-1] (reading if child_reads);
   * more are closed at once */
  struct peer *child;
  int nchild, child_reads, accepted, listen_errs, listen_err;
  int close_on;    /* 1 + an event type: the callback closes its own handle on it */
  int is_listener; /* a listener that closes every connection (nchild 0) */
} peer;

static inline uint8_t pat(size_t i) { return (uint8_t)(i * 31u + (i >> 9)); }

__attribute__((unused)) static unsigned char *pattern(size_t n)
{
  unsigned char *b = malloc(n);
  for (size_t i = 0; i < n; i++) b[i] = pat(i);
  return b;
}

static void pump(peer *p)
{
  while (p->src && p->sent < p->src_len) {
    size_t want = p->src_len - p->sent;
    long n = plat_tcp_write(p->t, p->src + p->sent, want);
    if (n < 0) {
      p->write_err = (int)n;
      return;
    }
    p->sent += (size_t)n;
    if ((size_t)n < want) {
      p->short_writes++;
      return;
    } /* WRITABLE follows */
  }
}

static void on_event(plat_tcp *t, const plat_tcp_event *ev, void *user)
{
  peer *p = user;
  if (p->closed) p->events_after_close++;
  if (p->nev < MAX_EVENTS) p->types[p->nev++] = ev->type;
  switch (ev->type) {
    case PLAT_TCP_CONNECTED:
      p->connected = 1;
      if (p->auto_write) pump(p);
      break;
    case PLAT_TCP_ACCEPTED:
      if (p->accepted < p->nchild) {
        peer *c = &p->child[p->accepted++];
        c->t = ev->child;
        c->connected = 1;
        plat_tcp_set_callback(ev->child, on_event, c);
        if (p->child_reads) plat_tcp_read_start(ev->child);
        if (c->auto_write) pump(c);
      } else {
        p->accepted++;
        plat_tcp_close(ev->child);
      }
      break;
    case PLAT_TCP_DATA:
      if (p->rx_len + ev->len > p->rx_cap) {
        p->rx_cap = (p->rx_len + ev->len) * 2;
        p->rx = realloc(p->rx, p->rx_cap);
      }
      memcpy(p->rx + p->rx_len, ev->data, ev->len);
      p->rx_len += ev->len;
      if (p->data_events < MAX_EVENTS) p->chunk[p->data_events] = ev->len;
      p->data_events++;
      if (ev->len > p->max_chunk) p->max_chunk = ev->len;
      break;
    case PLAT_TCP_EOF: p->eof = 1; break;
    case PLAT_TCP_WRITABLE:
      p->writable++;
      if (p->auto_write) pump(p);
      break;
    case PLAT_TCP_ERROR:
      if (p->nchild || p->is_listener) {
        p->listen_errs++;
        p->listen_err = ev->err;
      } else
        p->err = ev->err;
      break;
  }
  if (p->close_on == 1 + (int)ev->type && !p->closed) {
    p->closed = 1;
    plat_tcp_close(t);
  }
}

/* Runs the loop until cond holds or ms pass; returns cond. */
#define WAIT_UNTIL(cond, ms)                                                                                           \
  ({                                                                                                                   \
    uint64_t end_ = plat_now_ms() + (ms);                                                                              \
    while (!(cond) && plat_now_ms() < end_) plat_wait(5);                                                              \
    (cond);                                                                                                            \
  })

/* Runs the loop for ms milliseconds. */
__attribute__((unused)) static void run_for(int ms)
{
  uint64_t end = plat_now_ms() + (uint64_t)ms;
  while (plat_now_ms() < end) plat_wait(5);
}

static plat_addr loopback4(uint16_t port)
{
  plat_addr a;
  cr_assert_eq(plat_addr_parse("127.0.0.1", &a), 0);
  a.port = port;
  return a;
}

/* A listener on 127.0.0.1 (ephemeral port) whose first connection goes to child. */
static uint16_t listen_on(peer *l, peer *child, int child_reads)
{
  plat_addr a = loopback4(0), got;
  l->t = plat_tcp_new(on_event, l);
  l->child = child;
  l->nchild = child ? 1 : 0;
  l->child_reads = child_reads;
  l->is_listener = 1;
  cr_assert_eq(plat_tcp_listen(l->t, &a, 8, 0), 0);
  cr_assert_eq(plat_tcp_local_addr(l->t, &got), 0);
  cr_assert_neq(got.port, 0);
  return got.port;
}

/* A connected pair: c connects to a fresh listener l, s is the accepted end. */
static inline void connect_pair(peer *l, peer *c, peer *s, int server_reads)
{
  uint16_t port = listen_on(l, s, server_reads);
  plat_addr a = loopback4(port);
  c->t = plat_tcp_new(on_event, c);
  cr_assert_eq(plat_tcp_connect(c->t, &a, NULL), 0);
  cr_assert(WAIT_UNTIL(c->connected && s->t, 2000), "connected and accepted");
}

/* connect_pair, then c sends n bytes of pattern() (returned: the caller frees it) as
 * fast as the stack takes them: now and on each PLAT_TCP_WRITABLE. */
__attribute__((unused)) static unsigned char *connect_and_send(peer *l, peer *c, peer *s, int server_reads, size_t n)
{
  unsigned char *src = pattern(n);
  connect_pair(l, c, s, server_reads);
  c->src = src;
  c->src_len = n;
  c->auto_write = 1;
  pump(c);
  return src;
}

__attribute__((unused)) static void peer_free(peer *p) { free(p->rx); }

#endif
