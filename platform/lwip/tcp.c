/*
 * lwIP backend: TCP on the raw API (NO_SYS=1).
 *
 * lwIP callbacks (on_*) only update the record and queue it; lw_tcp_dispatch,
 * run by plat_wait, delivers the events to the plat_tcp_cb. Life cycle rules:
 *  - tcp_err means lwIP already freed the pcb: clear the pointer, keep the error.
 *  - Before we close or abort a pcb all its callbacks are cleared, so lwIP never
 *    calls back into a record we are done with.
 *  - A closed record is freed by the dispatcher when it reaches it on the
 *    pending list, never inside plat_tcp_close (a queued event or the caller's
 *    own stack frame may still point at it).
 *  - Once both directions carry a FIN (ours sent, theirs received) the pcb is
 *    handed to lwIP to finish alone: it may enter TIME_WAIT, where lwIP frees
 *    it without telling anyone.
 * Flow control: received pbuf chains wait in a per-record ring; tcp_recved is
 * called only for bytes delivered, so a paused reader closes the peer's window.
 */
#include <stdlib.h>
#include <string.h>
#include "lwip/tcp.h"
#include "lwip/pbuf.h"
#include "lwip/stats.h"
#include "lwip/netif.h"
#include "lwip/ip.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip_backend.h"

#ifndef LW_RX_COALESCE
/* Segments shorter than this are gathered into one DATA event (a copy into
 * the bounce buffer) when more data is queued behind them: one JS callback per
 * ~16 KiB instead of one per MSS. Larger segments are delivered in place. */
#define LW_RX_COALESCE 16384
#endif
#ifndef LW_RX_BUDGET
#define LW_RX_BUDGET (64 * 1024) /* bytes per record per dispatch round (fairness) */
#endif
#define LW_ACCEPT_BUDGET 64

/* A connection whose write cannot get memory for LW_NOMEM_POLLS poll periods with
 * nothing of its own in flight is reset with ENOBUFS (what one connection may hold:
 * tcp_budget.c). */
#ifndef LW_NOMEM_POLLS
#define LW_NOMEM_POLLS 4
#endif
#define LW_POLL_INTERVAL 2 /* tcp_poll: every 2 x 500 ms */

/* Two pending lists: listeners are dispatched before connections, so that a
 * connection both ends of which became ready in one round is accepted before
 * the connecting side runs (as with Linux, where the kernel queues the
 * connection on the listener before the client's connect completes). */
typedef struct {
  plat_tcp *head, *tail;
} tcp_list;
static tcp_list pending_listeners, pending_conns;
static plat_tcp *listeners; /* for the address-in-use check (Linux rules) */
/* The bounce buffer: LW_RX_COALESCE bytes malloc'd at the first gather and kept, so a
 * program that receives nothing over TCP leaves them to the heap (2.9 KB on
 * mps2-an385). Without it (malloc failed) segments are delivered one at a time. */
static uint8_t *bounce;

/* Without the runtime (the backend's unit tests) there is no heap to collect. */
__attribute__((weak)) int plat_collect_garbage(void) { return 0; }

/* ---- the pending list ------------------------------------------------ */

static void enqueue(plat_tcp *t)
{
  tcp_list *l = t->listening ? &pending_listeners : &pending_conns;
  if (t->queued) return;
  t->queued = 1;
  t->next_pending = NULL;
  if (l->tail)
    l->tail->next_pending = t;
  else
    l->head = t;
  l->tail = t;
}

void lw_queue(plat_tcp *t, unsigned events)
{
  t->events |= events;
  /* A child not yet handed over has no callback: set_callback queues it. */
  if (t->handed && !t->closed) enqueue(t);
}

int lw_tcp_pending(void) { return pending_listeners.head || pending_conns.head; }

/* ---- pcb helpers ------------------------------------------------------ */

static void clear_callbacks(struct tcp_pcb *pcb)
{
  tcp_arg(pcb, NULL);
  tcp_recv(pcb, NULL);
  tcp_sent(pcb, NULL);
  tcp_err(pcb, NULL);
  tcp_poll(pcb, NULL, 0);
}

static void save_addrs(plat_tcp *t)
{
  struct tcp_pcb *pcb = t->pcb;
  lw_from_ip(&pcb->local_ip, pcb->local_port, t->map4, &t->local);
  lw_from_ip(&pcb->remote_ip, pcb->remote_port, t->map4, &t->remote);
  t->have_addrs = 1;
}

/* Both FINs are out: lwIP finishes the connection alone (LAST_ACK, CLOSING or
 * TIME_WAIT, where it frees the pcb without a callback). Bytes still queued for
 * the reader stay ours; acknowledging them first keeps tcp_close from sending RST. */
static void let_go(plat_tcp *t)
{
  struct tcp_pcb *pcb = t->pcb;
  if (!pcb) return;
  lw_rx_ack(t, t->rx_bytes);
  clear_callbacks(pcb);
  t->pcb = NULL;
  if (tcp_close(pcb) != ERR_OK) tcp_abort(pcb);
}

/* ---- lwIP callbacks: record state and queue, nothing else --------------- */

static void child_unlink(plat_tcp *c)
{
  plat_tcp *l = c->parent, **pp;
  if (!l) return;
  for (pp = &l->accept_head; *pp; pp = &(*pp)->accept_next) {
    if (*pp == c) {
      *pp = c->accept_next;
      if (l->accept_tail == c) {
        plat_tcp *q = l->accept_head;
        while (q && q->accept_next) q = q->accept_next;
        l->accept_tail = q;
      }
      break;
    }
  }
  c->parent = NULL;
  c->accept_next = NULL;
}

static void free_record(plat_tcp *t);

static void on_err(void *arg, err_t err)
{
  plat_tcp *t = arg;
  if (!t) return;
  t->pcb = NULL; /* already freed by lwIP */
  if (!t->handed && t->parent) {
    /* Died in the accept queue before anyone saw it: forget it quietly. */
    child_unlink(t);
    free_record(t);
    return;
  }
  if (err == ERR_CLSD && !t->connecting) return; /* LAST_ACK -> CLOSED: a clean end */
  t->err = lw_error(err, t->connecting);
  t->connecting = 0;
  t->dead = 1;
  lw_queue(t, LW_EV_ERROR);
}

static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
  plat_tcp *t = arg;
  (void)err;
  if (!t) { /* cannot happen (callbacks are cleared first); behave like tcp_recv_null */
    if (p) {
      tcp_recved(pcb, p->tot_len);
      pbuf_free(p);
    }
    return ERR_OK;
  }
  if (!p) {
    t->fin_rcvd = 1;
    if (t->shut_tx) let_go(t);
    if (t->reading)
      lw_queue(t, LW_EV_RX);
    else if (!t->handed)
      t->events |= LW_EV_RX;
    return ERR_OK;
  }
  if (lw_rx_push(t, p) != 0) return ERR_MEM; /* lwIP keeps it (refused_data) and retries */
  if (t->reading)
    lw_queue(t, LW_EV_RX);
  else { /* queued (it is ours now): waits for an unknown time */
    struct pbuf **slot = &t->rxq[(t->rx_head + t->rx_count - 1) % t->rx_cap];
    *slot = lw_rx_unpool(*slot);
  }
  return ERR_OK;
}


static err_t on_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
  plat_tcp *t = arg;
  (void)len;
  if (t && t->want_write && lw_room_to_write(t, pcb, 1)) lw_queue(t, LW_EV_WRITABLE);
  return ERR_OK;
}

static err_t on_poll(void *arg, struct tcp_pcb *pcb)
{
  plat_tcp *t = arg;
  /* A write refused for lack of memory with nothing in flight gets no tcp_sent:
   * the poll timer retries it. If memory stays gone, the connection cannot
   * progress: it ends with ENOBUFS rather than stalling without a word. */
  if (!t || !t->want_write) return ERR_OK;
  if (t->nomem && tcp_sndqueuelen(pcb) == 0 && ++t->nomem_polls >= LW_NOMEM_POLLS) {
    clear_callbacks(pcb);
    tcp_abort(pcb);
    t->pcb = NULL;
    t->err = PLAT_ENOBUFS;
    t->dead = 1;
    lw_queue(t, LW_EV_ERROR);
    return ERR_ABRT;
  }
  if (lw_room_to_write(t, pcb, 0)) lw_queue(t, LW_EV_WRITABLE);
  return ERR_OK;
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
  plat_tcp *t = arg;
  (void)pcb;
  (void)err;
  if (!t) return ERR_OK;
  t->connecting = 0;
  t->connected = 1;
  save_addrs(t);
  lw_queue(t, LW_EV_CONNECTED);
  return ERR_OK;
}

static void set_conn_callbacks(plat_tcp *t, struct tcp_pcb *pcb)
{
  tcp_arg(pcb, t);
  tcp_recv(pcb, on_recv);
  tcp_sent(pcb, on_sent);
  tcp_err(pcb, on_err);
  tcp_poll(pcb, on_poll, LW_POLL_INTERVAL);
}

static err_t on_accept(void *arg, struct tcp_pcb *newpcb, err_t err)
{
  plat_tcp *l = arg;
  if (!l || l->closed) return ERR_VAL; /* lwIP aborts newpcb */
  if (err != ERR_OK || !newpcb) {
    /* No pcb for a new SYN (the pool is empty): the peer will retry it. */
    l->listen_err = PLAT_EMFILE;
    lw_queue(l, LW_EV_LISTEN_ERROR);
    return ERR_OK;
  }
  plat_tcp *c = calloc(1, sizeof *c);
  if (!c && plat_collect_garbage()) c = calloc(1, sizeof *c); /* a burst's garbage, say */
  if (!c) {
    l->listen_err = PLAT_ENOMEM;
    lw_queue(l, LW_EV_LISTEN_ERROR);
    return ERR_MEM; /* lwIP aborts newpcb (its err callback is not ours yet) */
  }
  c->pcb = newpcb;
  c->parent = l;
  c->connected = 1;
  c->map4 = l->map4 && IP_IS_V4_VAL(newpcb->remote_ip);
  c->peer_local = lw_address_is_local(&newpcb->remote_ip) || ip_addr_isloopback(&newpcb->remote_ip);
  save_addrs(c);
  set_conn_callbacks(c, newpcb);
  /* Counts against the backlog until the caller takes it (plat_tcp_set_callback). */
  tcp_backlog_delayed(newpcb);
  if (l->accept_tail)
    l->accept_tail->accept_next = c;
  else
    l->accept_head = c;
  l->accept_tail = c;
  lw_queue(l, LW_EV_ACCEPT);
  return ERR_OK;
}

/* ---- dispatch --------------------------------------------------------- */

static void emit(plat_tcp *t, const plat_tcp_event *ev)
{
  if (t->cb && !t->closed) t->cb(t, ev, t->user);
}

static int deliver_rx(plat_tcp *t)
{
  int ran = 0, taken = 0;
  size_t budget = LW_RX_BUDGET;
  while (t->reading && !t->closed && t->rx_count > 0) {
    if (budget == 0) {
      lw_queue(t, LW_EV_RX);
      return ran;
    }
    struct pbuf *p = t->rxq[t->rx_head];
    plat_tcp_event ev = { .type = PLAT_TCP_DATA };
    if (LW_RX_COALESCE > 0 && !bounce && p->len < LW_RX_COALESCE && t->rx_bytes > p->len)
      bounce = malloc(LW_RX_COALESCE);
    if (bounce && p->len < LW_RX_COALESCE && t->rx_bytes > p->len) {
      ev.len = lw_rx_gather(t, bounce, LW_RX_COALESCE);
      ev.data = bounce;
    } else {
      ev.len = p->len; /* one segment, in place: contiguous by definition */
      ev.data = p->payload;
    }
    if (ev.len == 0) {
      lw_rx_consume(t, 0);
      continue;
    }
    emit(t, &ev);
    ran = 1;
    if (t->closed) return ran; /* closing freed (and acknowledged) the queue */
    lw_rx_consume(t, ev.len);
    budget = budget > ev.len ? budget - ev.len : 0;
    taken = 1;
  }
  /* The application has taken the data: an ACK lwIP still delays (its 250 ms
   * timer) goes now, as Linux acknowledges once the reader has the data. The
   * sender's Nagle waits for that ACK before its next small segment, so a
   * request/response over more than one segment, or small writes spaced out in
   * time, would otherwise stall on the timer (lwIP 2.2.1 as 2.1.3:
   * tests/lwip/test_prompt_ack.js fails without this). A reply written from the
   * 'data' callback already carried the ACK; then the flag is clear. */
  if (taken && t->pcb && !t->closed && (t->pcb->flags & TF_ACK_DELAY)) {
    tcp_ack_now(t->pcb);
    tcp_output(t->pcb);
  }
  if (t->reading && !t->closed && t->rx_count == 0 && t->fin_rcvd && !t->eof_sent) {
    plat_tcp_event ev = { .type = PLAT_TCP_EOF };
    t->eof_sent = 1;
    emit(t, &ev);
    ran = 1;
  }
  return ran;
}

static int do_shutdown(plat_tcp *t)
{
  err_t e = tcp_shutdown(t->pcb, 0, 1);
  if (e != ERR_OK) return lw_error(e, 0);
  t->shut_tx = 1;
  if (t->fin_rcvd) let_go(t);
  return 0;
}

static int dispatch_one(plat_tcp *t)
{
  unsigned ev = t->events;
  int ran = 0;
  t->events = 0;
  if (ev & LW_EV_LISTEN_ERROR) {
    plat_tcp_event e = { .type = PLAT_TCP_ERROR, .err = t->listen_err };
    emit(t, &e);
    ran = 1;
  }
  if ((ev & LW_EV_ACCEPT) && !t->closed) {
    for (int i = 0; i < LW_ACCEPT_BUDGET && t->accept_head && !t->closed; i++) {
      plat_tcp *c = t->accept_head;
      t->accept_head = c->accept_next;
      if (!t->accept_head) t->accept_tail = NULL;
      c->accept_next = NULL;
      c->parent = NULL;
      plat_tcp_event e = { .type = PLAT_TCP_ACCEPTED, .child = c };
      emit(t, &e);
      ran = 1;
    }
    if (t->accept_head && !t->closed) lw_queue(t, LW_EV_ACCEPT);
  }
  if ((ev & LW_EV_CONNECTED) && !t->closed) {
    if (t->shut_pending && t->pcb) {
      t->shut_pending = 0;
      do_shutdown(t);
    }
    plat_tcp_event e = { .type = PLAT_TCP_CONNECTED };
    emit(t, &e);
    ran = 1;
  }
  if (t->closed) return ran;
  ran |= deliver_rx(t);
  if (t->closed) return ran;
  if ((ev & LW_EV_ROOM_CHECK) && !(ev & LW_EV_WRITABLE) && t->want_write && t->pcb && lw_room_to_write(t, t->pcb, 0)) {
    ev |= LW_EV_WRITABLE;
  }
  if ((ev & LW_EV_WRITABLE) && t->want_write && t->pcb) {
    plat_tcp_event e = { .type = PLAT_TCP_WRITABLE };
    t->want_write = 0;
    emit(t, &e);
    ran = 1;
    if (t->closed) return ran;
  }
  if (ev & LW_EV_ERROR) {
    if (t->reading && (t->rx_count > 0 || (t->fin_rcvd && !t->eof_sent))) {
      lw_queue(t, LW_EV_ERROR); /* buffered data and EOF first */
    } else if (t->connected && !t->reading && !t->want_write) {
      /* Nobody asked: a paused connection learns of the reset when it reads or
       * writes again, as a socket that POSIX is not watching does (Node's order). */
      t->err_held = 1;
    } else {
      plat_tcp_event e = { .type = PLAT_TCP_ERROR, .err = t->err };
      t->err_told = 1; /* the application knows: later writes say EPIPE */
      lw_rx_free(t);
      t->want_write = 0;
      emit(t, &e);
      ran = 1;
    }
  }
  return ran;
}

static void free_record(plat_tcp *t)
{
  lw_forget_peer(t);
  lw_rx_free(t);
  free(t->rxq);
  free(t);
}

static int dispatch_list(tcp_list *l)
{
  /* Only what is queued now; what the callbacks queue waits for the next round. */
  plat_tcp *t = l->head;
  int ran = 0;
  l->head = l->tail = NULL;
  while (t) {
    plat_tcp *next = t->next_pending;
    t->queued = 0;
    if (t->closed)
      free_record(t); /* the last reference: its close queued it */
    else
      ran |= dispatch_one(t);
    t = next;
  }
  return ran;
}

int lw_tcp_dispatch(void)
{
  int ran = dispatch_list(&pending_listeners);
  return dispatch_list(&pending_conns) | ran;
}

/* ---- the platform interface ------------------------------------------- */

plat_tcp *plat_tcp_new(plat_tcp_cb cb, void *user)
{
  plat_tcp *t = calloc(1, sizeof *t);
  if (!t && plat_collect_garbage()) t = calloc(1, sizeof *t);
  if (!t) return NULL;
  t->cb = cb;
  t->user = user;
  t->handed = 1;
  return t;
}

void plat_tcp_set_callback(plat_tcp *t, plat_tcp_cb cb, void *user)
{
  t->cb = cb;
  t->user = user;
  if (!t->handed) {
    t->handed = 1;
    child_unlink(t);
    if (t->pcb) tcp_backlog_accepted(t->pcb);
    if (t->events && !t->closed) enqueue(t);
  }
}

/* Is this address one of ours (Linux: bind to a foreign address is EADDRNOTAVAIL)? */
int lw_address_is_local(const ip_addr_t *ip)
{
  struct netif *n;
  if (ip_addr_isany(ip)) return 1;
  NETIF_FOREACH(n)
  {
    if (IP_IS_V4(ip) && ip4_addr_eq(ip_2_ip4(ip), netif_ip4_addr(n))) return 1;
    if (IP_IS_V6(ip) && netif_get_ip6_addr_match(n, ip_2_ip6(ip)) >= 0) return 1;
  }
  return 0;
}

/* Which addresses a listener covers, for the address-in-use check (Linux rules
 * with SO_REUSEADDR: a wildcard covers its family, a dual-stack '::' both). */
typedef struct {
  int v4, v6, any4, any6;
  uint8_t a4[4], a6[16];
} coverage;

static void cover(const plat_addr *a, int dual, coverage *c)
{
  static const uint8_t zero[16];
  static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
  memset(c, 0, sizeof *c);
  if (a->family == 4 || memcmp(a->bytes, mapped, 12) == 0) {
    c->v4 = 1;
    memcpy(c->a4, a->family == 4 ? a->bytes : a->bytes + 12, 4);
    c->any4 = memcmp(c->a4, zero, 4) == 0;
    return;
  }
  c->v6 = 1;
  memcpy(c->a6, a->bytes, 16);
  c->any6 = memcmp(c->a6, zero, 16) == 0;
  if (dual && c->any6) c->v4 = c->any4 = 1;
}

static int listen_clash(const plat_addr *a, int dual)
{
  coverage n, o;
  cover(a, dual, &n);
  for (plat_tcp *l = listeners; l; l = l->next_listener) {
    if (l->closed || l->local.port != a->port) continue;
    cover(&l->local, l->dual, &o);
    if (n.v4 && o.v4 && (n.any4 || o.any4 || memcmp(n.a4, o.a4, 4) == 0)) return 1;
    if (n.v6 && o.v6 && (n.any6 || o.any6 || memcmp(n.a6, o.a6, 16) == 0)) return 1;
  }
  return 0;
}

int plat_tcp_listen(plat_tcp *t, const plat_addr *addr, int backlog, unsigned flags)
{
  ip_addr_t ip;
  int mapped, r;
  if (t->closed) return PLAT_EBADF;
  if (t->pcb || t->listening || t->connecting || t->connected) return PLAT_EINVAL;
  if ((r = lw_to_ip(addr, &ip, &mapped)) != 0) return r;
  u8_t type = IP_GET_TYPE(&ip);
  int dual = 0;
  if (IP_IS_V6(&ip) && ip_addr_isany(&ip) && !(flags & PLAT_LISTEN_V6ONLY)) {
    dual = 1; /* '::' takes IPv4 too, reported as ::ffff:a.b.c.d */
    type = IPADDR_TYPE_ANY;
    ip_addr_copy(ip, *IP_ANY_TYPE);
  }
  if (!lw_address_is_local(&ip)) return PLAT_EADDRNOTAVAIL;
  if (addr->port != 0 && listen_clash(addr, dual)) return PLAT_EADDRINUSE;
  struct tcp_pcb *pcb = tcp_new_ip_type(type);
  if (!pcb) return PLAT_EMFILE;      /* the pcb pool is empty */
  ip_set_option(pcb, SOF_REUSEADDR); /* TIME_WAIT leftovers do not block a restart */
  err_t e = tcp_bind(pcb, &ip, addr->port);
  if (e != ERR_OK) {
    tcp_close(pcb);
    return lw_error(e, 0);
  }
  if (backlog < 1) backlog = 1;
  if (backlog > 255) backlog = 255; /* lwIP counts it in a u8_t */
  struct tcp_pcb *lpcb = tcp_listen_with_backlog_and_err(pcb, (u8_t)backlog, &e);
  if (!lpcb) {
    tcp_close(pcb);
    return e == ERR_MEM ? PLAT_EMFILE : lw_error(e, 0);
  }
  t->pcb = lpcb;
  t->listening = 1;
  t->dual = dual;
  t->map4 = dual || mapped;
  lw_from_ip(&lpcb->local_ip, lpcb->local_port, mapped, &t->local);
  t->have_addrs = 1;
  tcp_arg(lpcb, t);
  tcp_accept(lpcb, on_accept);
  t->next_listener = listeners;
  listeners = t;
  return 0;
}

int plat_tcp_connect(plat_tcp *t, const plat_addr *remote, const plat_addr *local)
{
  ip_addr_t rip, lip;
  int mapped, lmapped, r;
  if (t->closed) return PLAT_EBADF;
  if (t->connecting) return PLAT_EALREADY; /* as Linux: a call in the wrong state is a coded error */
  if (t->listening || t->connected) return PLAT_EISCONN;
  if (t->dead) return PLAT_EINVAL;
  if ((r = lw_to_ip(remote, &rip, &mapped)) != 0) return r;
  if (ip_addr_isany(&rip)) { /* Linux: connecting to 0.0.0.0 / :: reaches this host */
    if (IP_IS_V4(&rip))
      ip_addr_set_loopback(0, &rip);
    else
      ip_addr_set_loopback(1, &rip);
  }
  if (local) {
    if ((r = lw_to_ip(local, &lip, &lmapped)) != 0) return r;
    if (IP_GET_TYPE(&lip) != IP_GET_TYPE(&rip) && !ip_addr_isany(&lip)) return PLAT_EINVAL;
    if (!lw_address_is_local(&lip)) return PLAT_EADDRNOTAVAIL;
  }
  struct tcp_pcb *pcb = tcp_new_ip_type(IP_GET_TYPE(&rip));
  if (!pcb) return PLAT_EMFILE;
  if (local && (!ip_addr_isany(&lip) || local->port != 0)) {
    if (ip_addr_isany(&lip)) ip_addr_set_any(IP_IS_V6(&rip), &lip);
    err_t e = tcp_bind(pcb, &lip, local->port);
    if (e != ERR_OK) {
      tcp_close(pcb);
      return lw_error(e, 0);
    }
  }
  t->map4 = mapped;
  t->pcb = pcb;
  t->connecting = 1;
  t->peer_local = lw_address_is_local(&rip) || ip_addr_isloopback(&rip);
  set_conn_callbacks(t, pcb);
  err_t e = tcp_connect(pcb, &rip, remote->port, on_connected);
  if (e != ERR_OK) {
    /* Reported from the loop like any later failure (no route, no memory...). */
    clear_callbacks(pcb);
    if (tcp_close(pcb) != ERR_OK) tcp_abort(pcb);
    t->pcb = NULL;
    t->err = e == ERR_MEM ? PLAT_ENOBUFS : lw_error(e, 1);
    t->dead = 1;
    lw_queue(t, LW_EV_ERROR);
  }
  return 0;
}

long plat_tcp_write(plat_tcp *t, const void *buf, size_t len)
{
  const uint8_t *p = buf;
  size_t done = 0;
  if (t->closed) return PLAT_EBADF;
  if (t->listening) return PLAT_ENOTCONN;
  /* The first write after the peer's RST says so (ECONNRESET, as Linux's send() does,
   * even before the queued error event is delivered); later ones, EPIPE. */
  if (t->dead && t->err && !t->err_told) {
    t->err_told = 1;
    return t->err;
  }
  if (t->shut_tx || t->dead) return PLAT_EPIPE;
  if (!t->pcb) return (t->connected || t->have_addrs) ? PLAT_EPIPE : PLAT_ENOTCONN;
  struct tcp_pcb *pcb = t->pcb;
  t->nomem = 0;
  while (done < len) {
    int tight;
    size_t n = len - done, room = lw_send_room(t, pcb, &tight);
    if (room == 0) break;
    if (n > room) n = room;
    if (n > 0xffff) n = 0xffff;
    /* Memory is short: no oversize block. While Nagle may hold a segment back,
     * lwIP gives each write's block an MSS of spare room for the next write to
     * fill; with no-delay set for the call it allocates what the bytes need. */
    int nagle = tight && !tcp_nagle_disabled(pcb);
    if (nagle) tcp_nagle_disable(pcb);
    err_t e = tcp_write(pcb, p + done, (u16_t)n, TCP_WRITE_FLAG_COPY);
    if (e == ERR_MEM && n > tcp_mss(pcb)) { /* the segment queue or heap is short: try a smaller piece */
      n = tcp_mss(pcb);
      e = tcp_write(pcb, p + done, (u16_t)n, TCP_WRITE_FLAG_COPY);
    }
    if (nagle) tcp_nagle_enable(pcb);
    if (e == ERR_MEM) {
      t->nomem = 1;
      break;
    } /* accepted what fit; WRITABLE follows from tcp_sent or tcp_poll */
    if (e != ERR_OK) {
      if (done == 0) return lw_error(e, 0);
      break;
    }
    done += n;
  }
  if (done > 0) {
    tcp_output(pcb);
    t->nomem_polls = 0;
  }
  if (done < len) t->want_write = 1;
  return (long)done;
}

int plat_tcp_shutdown(plat_tcp *t)
{
  if (t->closed) return PLAT_EBADF;
  if (t->shut_tx || t->shut_pending) return 0;
  if (t->dead) return PLAT_ENOTCONN;
  if (t->connecting && t->pcb) {
    t->shut_pending = 1;
    return 0;
  } /* after the handshake */
  if (!t->pcb || t->listening) return PLAT_ENOTCONN;
  return do_shutdown(t);
}

void plat_tcp_read_start(plat_tcp *t)
{
  if (t->closed) return;
  t->reading = 1;
  if (t->rx_count > 0 || (t->fin_rcvd && !t->eof_sent)) lw_queue(t, LW_EV_RX);
  if (t->err_held) {
    t->err_held = 0;
    lw_queue(t, LW_EV_ERROR);
  }
}

void plat_tcp_read_stop(plat_tcp *t)
{
  t->reading = 0;
  if (!t->closed) lw_rx_unpool_all(t);
}

int plat_tcp_set_keepalive(plat_tcp *t, int enable, unsigned idle_seconds)
{
  if (t->closed || !t->pcb) return PLAT_EBADF;
  if (!enable) {
    ip_reset_option(t->pcb, SOF_KEEPALIVE);
    return 0;
  }
  ip_set_option(t->pcb, SOF_KEEPALIVE);
  if (!t->listening && idle_seconds >= 1) {
    if (idle_seconds > 0xffffffffu / 1000) idle_seconds = 0xffffffffu / 1000;
    t->pcb->keep_idle = (u32_t)idle_seconds * 1000u;
  }
  return 0;
}

int plat_tcp_set_nodelay(plat_tcp *t, int enable)
{
  if (t->closed || !t->pcb) return PLAT_EBADF;
  if (t->listening) return 0;
  if (enable)
    tcp_nagle_disable(t->pcb);
  else
    tcp_nagle_enable(t->pcb);
  return 0;
}

int plat_tcp_local_addr(plat_tcp *t, plat_addr *out)
{
  if (t->closed) return PLAT_EBADF;
  if (t->listening && t->pcb) {
    struct tcp_pcb_listen *l = (struct tcp_pcb_listen *)(void *)t->pcb;
    lw_from_ip(&l->local_ip, l->local_port, t->map4 && !t->dual, out);
    return 0;
  }
  if (t->pcb && (t->connected || t->connecting)) {
    lw_from_ip(&t->pcb->local_ip, t->pcb->local_port, t->map4, out);
    return 0;
  }
  if (t->have_addrs) {
    *out = t->local;
    return 0;
  }
  return PLAT_EBADF;
}

int plat_tcp_remote_addr(plat_tcp *t, plat_addr *out)
{
  if (t->closed) return PLAT_EBADF;
  if (t->listening || !t->connected || t->dead || !t->have_addrs) return PLAT_ENOTCONN;
  *out = t->remote;
  return 0;
}

static void close_listener(plat_tcp *t)
{
  for (plat_tcp **pp = &listeners; *pp; pp = &(*pp)->next_listener) {
    if (*pp == t) {
      *pp = t->next_listener;
      break;
    }
  }
  /* Connections nobody took yet are reset, as a closing Linux listener does. */
  while (t->accept_head) {
    plat_tcp *c = t->accept_head;
    t->accept_head = c->accept_next;
    if (c->pcb) {
      clear_callbacks(c->pcb);
      tcp_abort(c->pcb);
    }
    free_record(c);
  }
  t->accept_tail = NULL;
  if (t->pcb) {
    tcp_arg(t->pcb, NULL);
    tcp_accept(t->pcb, NULL);
    tcp_close(t->pcb); /* never fails for a listener */
  }
}

static void release(plat_tcp *t, int reset)
{
  if (t->closed) return;
  t->closed = 1;
  t->cb = NULL;
  if (t->listening) {
    close_listener(t);
  } else if (t->pcb) {
    struct tcp_pcb *pcb = t->pcb;
    clear_callbacks(pcb);
    if (!t->handed) {
      child_unlink(t);
      tcp_backlog_accepted(pcb);
    }
    if (reset) {
      tcp_abort(pcb);
    } else {
      /* Unread data acknowledged first, or lwIP answers the close with RST. */
      lw_rx_ack(t, t->rx_bytes);
      if (tcp_close(pcb) != ERR_OK) tcp_abort(pcb);
    }
  } else if (!t->handed) {
    child_unlink(t);
  }
  t->pcb = NULL;
  lw_rx_free(t);
  enqueue(t); /* freed by the dispatcher: nothing can reach it after that */
}

void plat_tcp_close(plat_tcp *t) { release(t, 0); }
void plat_tcp_abort(plat_tcp *t) { release(t, 1); }

/* ---- lwIP hook (see lwip_hooks.h) --------------------------------------- */

#include "lwip/priv/tcp_priv.h"
#include "lwip/prot/tcp.h"
#include "lwip_hooks.h"

signed char lw_tcp_inpacket(struct tcp_pcb *pcb, struct tcp_hdr *hdr, struct pbuf *p)
{
  if (pcb->state < ESTABLISHED || pcb->state == TIME_WAIT) return ERR_OK;
  /* A writer held back by the per-connection bound waits for room that a window
   * update can give without acknowledging new data, and then lwIP calls no
   * tcp_sent: look again once this segment is processed (the dispatch phase). */
  plat_tcp *t = pcb->callback_arg;
  if (t && t->want_write && !t->closed && (TCPH_FLAGS(hdr) & TCP_ACK)) lw_queue(t, LW_EV_ROOM_CHECK);
  if (TCPH_FLAGS(hdr) != TCP_ACK || p->tot_len != 0) return ERR_OK;
  if (pcb->rcv_wnd != 0 || pcb->unacked != NULL) return ERR_OK;
  /* tcp_input has already put the header fields in host order */
  u32_t wnd = hdr->wnd;
#if LWIP_WND_SCALE
  wnd <<= pcb->snd_scale;
#endif
  /* seqno is rcv_nxt, or one past it when the peer's zero-window probe took a
   * byte we did not accept: with both windows closed and both ends probing, each
   * such ACK is out of window for the other end, which answers it with another. */
  if ((hdr->seqno != pcb->rcv_nxt && hdr->seqno != pcb->rcv_nxt + 1) || hdr->ackno != pcb->lastack ||
      wnd != pcb->snd_wnd)
    return ERR_OK;
  /* A duplicate ACK into a closed window: what tcp_input would have updated... */
  if (!(pcb->flags & TF_RXCLOSED)) pcb->tmr = tcp_ticks;
  pcb->keep_cnt_sent = 0;
  pcb->persist_probe = 0;
  /* ...without the bogus ACK back. */
  return ERR_ABRT;
}
