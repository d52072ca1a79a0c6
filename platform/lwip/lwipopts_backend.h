/*
 * What the lwIP backend (platform/lwip) requires of lwIP's options: each board's
 * lwipopts.h (and the unit tests') includes this last. It sets the hook the backend
 * installs and refuses, at compile time, an option set the backend cannot run on.
 */
#ifndef PETREL_LWIPOPTS_BACKEND_H
#define PETREL_LWIPOPTS_BACKEND_H

/* lw_tcp_inpacket (tcp.c): wakes a writer on an ACK or window update; without it two
 * loopback pcbs with closed windows trade ACKs forever and netif_poll never returns. */
#define LWIP_HOOK_FILENAME                                             "lwip_hooks.h"
#define LWIP_HOOK_TCP_INPACKET_PCB(pcb, hdr, optlen, opt1len, opt2, p) lw_tcp_inpacket(pcb, hdr, p)

#if !NO_SYS
#error "platform/lwip runs lwIP from the event loop, without an OS: NO_SYS must be 1"
#endif
#if !LWIP_CALLBACK_API
#error "platform/lwip uses the raw API's callbacks: LWIP_CALLBACK_API must be 1"
#endif
#if !LWIP_TCP
#error "platform/lwip needs TCP (LWIP_TCP)"
#endif
#if !LWIP_STATS || !MEM_STATS
#error "the per-connection bound (tcp_budget.c) reads lwIP's heap use: LWIP_STATS and MEM_STATS must be 1"
#endif
#if !TCP_LISTEN_BACKLOG
#error "accepted connections count against the backlog until JS takes them: TCP_LISTEN_BACKLOG must be 1"
#endif
#if !LWIP_TCP_KEEPALIVE
#error "socket.setKeepAlive sets a pcb's keep-alive timers: LWIP_TCP_KEEPALIVE must be 1"
#endif
#if !SO_REUSE
#error "a listener takes SOF_REUSEADDR (Linux's rules for TIME_WAIT leftovers): SO_REUSE must be 1"
#endif
#if !LWIP_HAVE_LOOPIF || !LWIP_NETIF_LOOPBACK
#error                                                                                                                 \
    "127.0.0.1 and a board's own address are served by lwIP's loopback: LWIP_HAVE_LOOPIF and LWIP_NETIF_LOOPBACK must be 1"
#endif

#endif
