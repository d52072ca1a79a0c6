/*
 * Internals shared by the lwIP backend's files (not part of platform.h).
 * Unit tests include it to look inside records (tests/unit/test_lwip_*.c).
 *
 * Threading model: one thread, NO_SYS=1. lwIP callbacks (recv, sent, err,
 * poll, connected, accept, dns found) run only from inside plat_wait (netif
 * input, loopback delivery, sys_check_timeouts). They never call JS or a plat
 * callback: they update the record and queue it on the pending list; the
 * dispatch phase of plat_wait then delivers the events.
 */
#ifndef PETREL_LWIP_BACKEND_H
#define PETREL_LWIP_BACKEND_H

#include <stddef.h>
#include <stdint.h>
#include "lwip/err.h"
#include "lwip/ip_addr.h"
#include "../platform.h"
#include "lwip_board.h"

struct tcp_pcb;
struct pbuf;

/* Event bits a record can have waiting for the dispatch phase. */
enum {
  LW_EV_CONNECTED = 1u << 0,
  LW_EV_WRITABLE = 1u << 1,
  LW_EV_RX = 1u << 2,           /* data or FIN queued */
  LW_EV_ERROR = 1u << 3,        /* err set: the connection is dead */
  LW_EV_ACCEPT = 1u << 4,       /* listener: accept queue not empty */
  LW_EV_LISTEN_ERROR = 1u << 5, /* listener: an accept failed (the listener lives on) */
  LW_EV_ROOM_CHECK = 1u << 6    /* an ACK or window update came: a waiting writer may have room */
};

struct plat_tcp {
  struct tcp_pcb *pcb; /* NULL once lwIP freed it (tcp_err) or we let it go */
  plat_tcp_cb cb;
  void *user;

  plat_tcp *next_pending; /* pending list link */
  unsigned events;        /* LW_EV_* */
  int err;                /* PLAT_E* for LW_EV_ERROR */
  int listen_err;         /* PLAT_E* for LW_EV_LISTEN_ERROR */

  /* Received data not yet delivered (and not yet tcp_recved): a ring of pbuf
   * chains, each as lwIP handed it over. Never concatenated (a chain's 16-bit
   * tot_len would overflow past 64 KiB). */
  struct pbuf **rxq;
  unsigned rx_head, rx_count, rx_cap;
  size_t rx_bytes;

  /* Listener: accepted connections not yet handed to the caller. */
  plat_tcp *accept_head, *accept_tail, *accept_next;
  plat_tcp *parent;        /* child: the listener whose accept queue holds it */
  plat_tcp *next_listener; /* the backend's list of listeners */

  /* The record at the other end when the peer is a pcb of this stack (found on
   * first need, tcp_budget.c); each clears the other's pointer when freed. */
  plat_tcp *peer;

  /* Addresses kept for after the pcb is gone (local) and for mapping. */
  plat_addr local, remote;

  unsigned listening : 1, connecting : 1, connected : 1, reading : 1, want_write : 1, fin_rcvd : 1, eof_sent : 1,
      shut_tx : 1, shut_pending : 1, dead : 1, closed : 1, queued : 1, handed : 1, map4 : 1, have_addrs : 1, dual : 1,
      err_told : 1,          /* a write has reported err (the next ones say EPIPE) */
      err_held : 1,          /* err waits for read_start: nobody was reading or writing */
      peer_local : 1,        /* the peer is a pcb of this stack: its unread data is in our heap */
      peer_looked : 1,       /* peer was searched for */
      nomem : 1;             /* the last write stopped on ERR_MEM */
  unsigned char nomem_polls; /* poll periods since, with nothing in flight */
};

/* What one connection may hold of lwIP's heap (tcp_budget.c): bytes it holds now,
 * bytes a write may hand lwIP now, and whether a waiting writer has room (low_water:
 * enough to be worth waking it). */
struct tcp_pcb;
size_t lw_conn_held(plat_tcp *t, struct tcp_pcb *pcb);
void lw_forget_peer(plat_tcp *t);
size_t lw_send_room(plat_tcp *t, struct tcp_pcb *pcb, int *tight);
int lw_room_to_write(plat_tcp *t, struct tcp_pcb *pcb, int low_water);

/* Queues t for the dispatch phase (once; bits accumulate in t->events). */
void lw_queue(plat_tcp *t, unsigned events);

/* A connection's receive queue (tcp_rx.c): segments lwIP gave, until delivered. */
int lw_rx_push(plat_tcp *t, struct pbuf *p); /* -1: no memory for the ring */
struct pbuf *lw_rx_unpool(struct pbuf *p);   /* a pool pbuf copied to the heap, when it may be */
void lw_rx_unpool_all(plat_tcp *t);
void lw_rx_ack(plat_tcp *t, size_t n);                      /* n bytes taken: the window reopens */
void lw_rx_consume(plat_tcp *t, size_t n);                  /* drops and acks n bytes */
void lw_rx_free(plat_tcp *t);                               /* drops everything, no ack */
size_t lw_rx_gather(plat_tcp *t, uint8_t *dst, size_t max); /* copies from the front */
/* The dispatch phase: runs what was queued before it started. Returns 1 if
 * any callback ran. */
int lw_tcp_dispatch(void);
int lw_tcp_pending(void);

/* Is ip one of this stack's addresses (or any)? Linux refuses a bind to another
 * with EADDRNOTAVAIL (tcp.c). */
int lw_address_is_local(const ip_addr_t *ip);

/* UDP datagrams waiting for the dispatch phase (udp.c). */
int lw_udp_dispatch(void);
int lw_udp_pending(void);

/* DNS results waiting for the dispatch phase. */
int lw_dns_dispatch(void);
int lw_dns_pending(void);

/* lwIP err_t -> PLAT_E*: the backend's one mapping point. `connecting` tells
 * an RST while connecting (refused) from one on an established connection. */
int lw_error(err_t err, int connecting);

/* Address conversions (IPv4-mapped IPv6 addresses become IPv4 for lwIP). */
int lw_to_ip(const plat_addr *a, ip_addr_t *ip, int *mapped);
void lw_from_ip(const ip_addr_t *ip, uint16_t port, int map4, plat_addr *out);

/* lwIP heap + pools in use / high-water mark (bytes). */
void lw_stack_usage(size_t *used, size_t *peak);
/* One line describing the lwIP heap and every pool (used, high-water, errors). */
size_t lw_stats_text(char *buf, size_t len);

#endif
