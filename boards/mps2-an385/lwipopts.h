/*
 * lwIP options for mps2-an385: NO_SYS (raw API, one thread: Petrel's event loop),
 * sized for a small part. lwIP's pools are arrays in .bss; its heap comes from
 * malloc with a cap (MEM_SIZE, below); exhaustion of either is an ERR_MEM the
 * backend turns into backpressure or an error event.
 * Static RAM: about 20 KiB (8 pool pbufs 12 KiB, pcbs, segments, ND6/ARP tables),
 * plus the backend's 2.9 KB gather buffer.
 */
#ifndef PETREL_MPS2_LWIPOPTS_H
#define PETREL_MPS2_LWIPOPTS_H

/* ---- system ---- */
#define NO_SYS               1
#define LWIP_SOCKET          0
#define LWIP_NETCONN         0
#define SYS_LIGHTWEIGHT_PROT 0 /* lwIP is only entered from the loop, never from an ISR */
#define LWIP_NETIF_API       0
#define LWIP_TIMERS          1

/* ---- memory ---- */
#define MEM_ALIGNMENT 4
/* lwIP's heap: PBUF_RAM buffers, i.e. data copied by tcp_write (send buffers),
 * outgoing headers, and on the loopback netif the copy of every packet until the
 * receiving pcb's reader takes it. It is taken from malloc, the arena the JS heap
 * uses too (MEM_CUSTOM_ALLOCATOR: board.c's board_lwip_malloc), capped at MEM_SIZE:
 * what the network does not hold serves JS, and the cap keeps what tcp_budget.c and
 * tcp_rx.c compute from MEM_SIZE true. When the arena is full (a script took it),
 * lwIP's blocks come from a small reserve of its own (LWIP_RESERVE, taken from the
 * arena once lwIP first holds that much, and kept: board.c), so a
 * segment's loopback copy, a retransmission or an ACK can still be made: without it
 * both ends of a loopback connection waited for ever for data lwIP could not copy
 * (tests/lwip/test_prompt_ack.js at 256 KiB). A block lwIP cannot get from either
 * is an ERR_MEM, as with a static heap.
 * (lwIP 2.2 reads MEM_CUSTOM_*; 2.1's mem_clib_malloc, which this board used until
 * 2026-12-07, is ignored by 2.2: lwIP took plain malloc, without the cap.)
 * 48 KiB: a loopback connection echoing both ways holds up to
 * 2 x (TCP_SND_BUF + TCP_WND) = 35 KB; with less, both directions can
 * fill the heap with unacknowledged data, no packet can be copied to loopback any
 * more and the connection stalls for good (conformance case 54, s.pipe(s)). */
#define MEM_SIZE (48 * 1024)
#define MEM_CUSTOM_ALLOCATOR 1
#include <stddef.h>
void *board_lwip_malloc(size_t size);
void board_lwip_free(void *p);
void *board_lwip_calloc(size_t n, size_t size);
#define MEM_CUSTOM_MALLOC board_lwip_malloc
#define MEM_CUSTOM_FREE   board_lwip_free
#define MEM_CUSTOM_CALLOC board_lwip_calloc
#ifndef LWIP_RESERVE
#define LWIP_RESERVE (4 * 1024)
#endif
/* The per-connection bound (platform/lwip/tcp_budget.c) starts at 3/8 of this
 * heap: then the 14 ends of 7 loopback connections that never read hold ~1.6-2.7 KB
 * each and an interactive connection still has room (tests/lwip/test_slow_readers.js).
 * At a half they fill the heap; at a quarter a 70,000 B loopback echo stalls for a
 * retransmission timeout (tests/lwip/test_prompt_ack.js; not yet understood). */
#define LW_MEM_PRESSURE     (MEM_SIZE * 3 / 8)
#define MEMP_OVERFLOW_CHECK 0
#define MEMP_SANITY_CHECK   0
/* Receive buffers: 1536-byte pool pbufs, one per frame, 8 of them (12 KiB; it was 20,
 * 30 KiB). A frame takes one only until the loop hands its data to JS (the same turn
 * for a reading socket); data waiting for a paused reader moves to the heap
 * (tcp_rx.c). So the pool holds one connection's window (TCP_WND, 4 frames) plus
 * ACKs and ARP; several connections receiving at full speed at once may run it dry:
 * the frame is dropped and TCP sends it again. */
#define PBUF_POOL_SIZE    8
#define PBUF_POOL_BUFSIZE 1536
#define MEMP_NUM_PBUF     24 /* PBUF_REF/ROM headers (tcp_write without copy, loopback) */
#define MEMP_NUM_RAW_PCB  0
#define MEMP_NUM_UDP_PCB  8 /* DNS and DHCP one each, six for dgram sockets */
/* 16 connections (a loopback connection takes two: both ends are lwIP's); more with
 * make ... NET_PCBS=n (each costs ~170 bytes of RAM, plus its sockets' JS heap). */
#ifndef PETREL_TCP_PCBS
#define PETREL_TCP_PCBS 16
#endif
#define MEMP_NUM_TCP_PCB        PETREL_TCP_PCBS
#define MEMP_NUM_TCP_PCB_LISTEN 8
#define MEMP_NUM_TCP_SEG        64
#define MEMP_NUM_REASSDATA      0
#define MEMP_NUM_FRAG_PBUF      0
#define MEMP_NUM_ARP_QUEUE      8
#define MEMP_NUM_NETBUF         0
#define MEMP_NUM_NETCONN        0
/* lwIP's own timers plus a few for the backend (sys_timeout). */
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 4)

/* ---- link layer ---- */
#define LWIP_ARP                      1
#define ARP_TABLE_SIZE                8
#define ARP_QUEUEING                  1
#define ETHARP_SUPPORT_STATIC_ENTRIES 0
/* Two bytes before each Ethernet frame so that the IP header is word-aligned; the
 * LAN9118 driver asks the chip for the same 2-byte receive offset. */
#define ETH_PAD_SIZE                       2
#define LWIP_NETIF_LOOPBACK                1 /* 127.0.0.1 and sends to the board's own address */
#define LWIP_HAVE_LOOPIF                   1
#define LWIP_LOOPBACK_MAX_PBUFS            0 /* bounded by MEM_SIZE instead */
#define LWIP_NETIF_LOOPBACK_MULTITHREADING 0
#define LWIP_CHECKSUM_CTRL_PER_NETIF       1 /* the backend turns checksums off on loopback */
#define LWIP_NETIF_STATUS_CALLBACK         1
#define LWIP_NETIF_LINK_CALLBACK           1
#define LWIP_SINGLE_NETIF                  0

/* ---- IPv4 ---- */
#define LWIP_IPV4     1
#define IP_FORWARD    0
#define IP_REASSEMBLY 0 /* TCP never needs it, and it costs a pool */
#define IP_FRAG       0
#define LWIP_ICMP     1
#define LWIP_RAW      0
#ifndef PETREL_NET_DHCP
#define PETREL_NET_DHCP 0
#endif
#define LWIP_DHCP   PETREL_NET_DHCP /* static address by default (QEMU user networking) */
#define LWIP_AUTOIP 0
#define LWIP_IGMP   0

/* ---- IPv6: link-local, SLAAC (QEMU's slirp advertises fec0::/64), no fragments ---- */
#define LWIP_IPV6                 1
#define LWIP_IPV6_NUM_ADDRESSES   3
#define LWIP_IPV6_AUTOCONFIG      1
#define LWIP_IPV6_MLD             1
#define LWIP_IPV6_FRAG            0
#define LWIP_IPV6_REASS           0
#define LWIP_IPV6_DHCP6           0
#define LWIP_ND6_NUM_NEIGHBORS    8
#define LWIP_ND6_NUM_DESTINATIONS 8
#define LWIP_ND6_NUM_PREFIXES     3
#define LWIP_ND6_NUM_ROUTERS      2
#define LWIP_ND6_QUEUEING         1
#define MEMP_NUM_ND6_QUEUE        8
#define MEMP_NUM_MLD6_GROUP       4

/* ---- UDP, DNS ---- */
#define LWIP_UDP                      1
#define LWIP_DNS                      1
#define DNS_TABLE_SIZE                4
#define DNS_MAX_NAME_LENGTH           128
#define DNS_MAX_SERVERS               2
#define LWIP_DNS_SUPPORT_MDNS_QUERIES 0

/* ---- TCP ---- */
#define LWIP_TCP 1
#define TCP_MSS  1460
/* 4 x MSS: QEMU's LAN9118 receive FIFO holds ~10.5 KB; a window above ~6 x MSS
 * overflows it and drops frames (DESIGN.md). */
#define TCP_WND (4 * TCP_MSS)
/* 8 x MSS (11.7 KB) of unacknowledged data per connection (it lives in MEM_SIZE):
 * a paused peer then holds a window plus a send buffer, 17.5 KB, more than the
 * 16 KiB a Writable queues before write() says false -- as a desktop kernel does
 * (conformance case 11 relies on it). The receive FIFO limit above is about
 * TCP_WND only. */
#define TCP_SND_BUF (8 * TCP_MSS)
/* The backend gathers queued small segments into one 'data' event through a static
 * buffer (platform/lwip/tcp.c): two segments' worth here (2.9 KB; it was a window,
 * 5.8 KB; more queued is delivered in several events). The default, 16 KiB, cost
 * 13 KiB more of RAM. */
#define LW_RX_COALESCE   (2 * TCP_MSS)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
/* An out-of-order queue: on a lossy link (Wi-Fi) a segment that arrives after a lost
 * one is kept, so the peer resends only the lost one, not the whole window. At most
 * 4 pool pbufs per connection, and lwIP frees every such queue when the pool runs
 * dry (PBUF_POOL_FREE_OOSEQ), so it never takes a frame the loop waits for. It was
 * left out for the 256 KiB flash cap (1.1 KB); #17 gave flash back. */
#define TCP_QUEUE_OOSEQ            1
#define TCP_OOSEQ_MAX_PBUFS        4
#define TCP_LISTEN_BACKLOG         1
#define TCP_DEFAULT_LISTEN_BACKLOG 8
/* TIME_WAIT lasts 2 x MSL: 4 s instead of lwIP's 2 min, so a server that sees many
 * short connections does not run out of PCBs (NodeMCU's classic failure). */
#define TCP_MSL             2000UL
#define LWIP_TCP_KEEPALIVE  1
#define SO_REUSE            1
#define LWIP_TCP_TIMESTAMPS 0
#define LWIP_WND_SCALE      0
#define LWIP_CALLBACK_API   1
#define LWIP_EVENT_API      0
#define TCP_OVERSIZE        TCP_MSS
#define LWIP_TCP_SACK_OUT   0

/* ---- checksums: all in software (the LAN9118 offload is not used) ---- */
/* The checksum is computed while tcp_write copies the data (one pass over the bytes
 * instead of two); 0.75 KB of flash, left out under the old 256 KiB cap. */
#define LWIP_CHECKSUM_ON_COPY 1
/* ... by the board's own routines (chksum.c: 32 bytes a step with LDM and ADCS, the
 * copy and the sum in the same loop), not lwIP's 16-bit loop and memcpy: ~3.5 M fewer
 * instructions per MiB sent (docs/bench.md). */
#include <stdint.h>
uint16_t board_chksum(const void *data, int len);
uint16_t board_chksum_copy(void *dst, const void *src, uint16_t len);
#define LWIP_CHKSUM                     board_chksum
#define LWIP_CHKSUM_COPY(dst, src, len) board_chksum_copy(dst, src, len)

/* ---- statistics: only the heap and pool counters, which process.memoryUsage's
 * netStack* figures and the leak checks read. The per-protocol packet counters
 * cost 1.5 KB of flash in increments spread over the stack, and nothing reads them. */
#define LWIP_STATS         1
#define LWIP_STATS_DISPLAY 0
#define LINK_STATS         0
#define ETHARP_STATS       0
#define IP_STATS           0
#define ICMP_STATS         0
#define UDP_STATS          0
#define TCP_STATS          0
#define MEM_STATS          1
#define MEMP_STATS         1
#define SYS_STATS          0
#define IP6_STATS          0
#define ICMP6_STATS        0
#define ND6_STATS          0
#define MLD6_STATS         0

/* ---- hooks into the board ---- */
#define LWIP_NETIF_HOSTNAME 1
#define LWIP_RAND()         board_rand()

/* ---- debugging: off (LWIP_DEBUG undefined); assertions on (cheap, and a broken
 * invariant on a device is better reported than ignored) ---- */

#include "lwipopts_backend.h" /* what platform/lwip requires, checked */

#endif
