/*
 * lwIP's hooks (LWIP_HOOK_*, lwIP's name): functions of the lwIP backend that lwIP
 * calls (the other way from lwip_board.h, which the backend calls). Every board's
 * lwipopts.h sets (through lwipopts_backend.h)
 *   #define LWIP_HOOK_FILENAME "lwip_hooks.h"
 *   #define LWIP_HOOK_TCP_INPACKET_PCB(pcb, hdr, optlen, opt1len, opt2, p) lw_tcp_inpacket(pcb, hdr, p)
 * (with platform/lwip on the include path).
 *
 * lw_tcp_inpacket works around an lwIP bug, in 2.1.3 and still in 2.2.1 (without
 * the guard, test_lwip_rx's both_paused_windows_closed_no_livelock hangs):
 * tcp_receive() answers a zero-length segment at rcv_nxt with an ACK whenever its
 * receive window is 0 (it checks the sequence number against an empty window). Two lwIP pcbs with
 * closed windows (both readers paused) then trade ACKs forever, and on the
 * loopback netif netif_poll() never returns (esp-idf issue #2425 describes the
 * same live-lock). The hook drops such a pure duplicate ACK (nothing new
 * acknowledged, same window, nothing in flight), keeping the effects lwIP
 * would have applied (activity timer, keepalive and persist probe counters).
 */
#ifndef PETREL_LWIP_HOOKS_H
#define PETREL_LWIP_HOOKS_H

struct tcp_pcb;
struct tcp_hdr;
struct pbuf;
signed char lw_tcp_inpacket(struct tcp_pcb *pcb, struct tcp_hdr *hdr, struct pbuf *p);

#endif
