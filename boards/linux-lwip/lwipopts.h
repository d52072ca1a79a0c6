/*
 * lwIP configuration of linux-lwip: the raw API without an OS (NO_SYS=1),
 * IPv4 + IPv6, TCP, DNS over UDP, a loopback netif and one TAP ethernet netif.
 * Sizes suit a host (500+ concurrent connections through loopback, where both
 * ends are lwIP pcbs). PETREL_LWIP_TINY=1 (board linux-lwip-tiny) shrinks every
 * pool and the heap so that tests can reach exhaustion quickly.
 */
#ifndef PETREL_LWIPOPTS_H
#define PETREL_LWIPOPTS_H

/* ---- system ---------------------------------------------------------- */
#define NO_SYS               1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_TIMERS          1
#define LWIP_SOCKET          0
#define LWIP_NETCONN         0
#define LWIP_NETIF_API       0
#define LWIP_CALLBACK_API    1
#define MEM_ALIGNMENT        8 /* 64-bit host */

/* ---- protocols ------------------------------------------------------- */
#define LWIP_IPV4                     1
#define LWIP_IPV6                     1
#define LWIP_ARP                      1
#define LWIP_ETHERNET                 1
#define LWIP_ICMP                     1
#define LWIP_RAW                      0
#define LWIP_UDP                      1
#define LWIP_TCP                      1
#define LWIP_DNS                      1
#define LWIP_DHCP                     1 /* PETREL_NET_CONFIG's {"dhcp": true} (platform/lwip/netcfg.c) */
#define LWIP_DHCP_DOES_ACD_CHECK      0
#define LWIP_NETIF_STATUS_CALLBACK    1 /* an address set or lost: process's 'network' */
#define LWIP_NETIF_HOSTNAME           1 /* PETREL_NET_CONFIG's "hostname", sent by DHCP */
#define LWIP_AUTOIP                   0
#define LWIP_IGMP                     0
#define LWIP_IPV6_MLD                 1 /* neighbour discovery needs the solicited-node group */
#define LWIP_IPV6_AUTOCONFIG          0 /* addresses come from the environment */
#define LWIP_IPV6_DHCP6               0
#define LWIP_IPV6_NUM_ADDRESSES       3
#define LWIP_IPV6_DUP_DETECT_ATTEMPTS 0 /* a namespace has no duplicates; addresses are valid at once */
#define IPV6_FRAG_COPYHEADER          1 /* 64-bit pointers do not fit in the fragment header */

/* ---- interfaces -------------------------------------------------------- */
#define LWIP_HAVE_LOOPIF                   1 /* 127.0.0.1 and ::1 inside lwIP */
#define LWIP_NETIF_LOOPBACK                1 /* packets to our own addresses loop back */
#define LWIP_LOOPBACK_MAX_PBUFS            0 /* bounded by the heap instead */
#define LWIP_NETIF_LOOPBACK_MULTITHREADING 0
#define LWIP_CHECKSUM_CTRL_PER_NETIF       1 /* no checksums on loopback */
#define LWIP_SINGLE_NETIF                  0
#define PBUF_LINK_HLEN                     14
#define ETH_PAD_SIZE                       0

/* ---- TCP ------------------------------------------------------------- */
#define LWIP_TCP_KEEPALIVE         1 /* per-pcb keep_idle / keep_intvl / keep_cnt */
#define SO_REUSE                   1
#define TCP_LISTEN_BACKLOG         1
#define TCP_DEFAULT_LISTEN_BACKLOG 255
#define TCP_MSS                    1460
#define TCP_MSL                    1000UL /* TIME_WAIT lasts 2 s: churn does not pile up pcbs */
#define TCP_QUEUE_OOSEQ            1
#define LWIP_TCP_SACK_OUT          0
#define LWIP_WND_SCALE             0

/* ---- DNS ------------------------------------------------------------- */
#define DNS_TABLE_SIZE                8
#define DNS_MAX_NAME_LENGTH           256
#define DNS_MAX_SERVERS               2
#define LWIP_DNS_SUPPORT_MDNS_QUERIES 0

/* ---- statistics (process.memoryUsage().netStackUsed/netStackPeak) ------ */
#define LWIP_STATS         1
#define LWIP_STATS_DISPLAY 1 /* pool names in the stats dump */
#define MEM_STATS          1
#define MEMP_STATS         1
#define TCP_STATS          1
#define LINK_STATS         1
#define IP_STATS           1
#define IP6_STATS          1

/* ---- sizes ----------------------------------------------------------- */
#if defined(PETREL_LWIP_TINY) && PETREL_LWIP_TINY
/* Small enough to run out within a test (tests/lwip): 7 pcbs (three loopback
 * connections, both ends ours, and one spare end: the fourth client gets a pcb,
 * its SYN finds none on the server side), 48 KiB of heap, 16 pool pbufs, a
 * 4-segment window. */
#define MEM_SIZE                (48 * 1024)
#define MEMP_NUM_TCP_PCB        7
#define MEMP_NUM_TCP_PCB_LISTEN 2
#define MEMP_NUM_TCP_SEG        48
#define MEMP_NUM_PBUF           16
#define MEMP_NUM_UDP_PCB        4
#define PBUF_POOL_SIZE          16
#define TCP_WND                 (4 * TCP_MSS)
#define TCP_SND_BUF             (4 * TCP_MSS)
#define TCP_SND_QUEUELEN        16
#else
#define MEM_SIZE                (8 * 1024 * 1024)
#define MEMP_NUM_TCP_PCB        1200 /* 500 loopback connections use 1000 (both ends) */
#define MEMP_NUM_TCP_PCB_LISTEN 64
#define MEMP_NUM_TCP_SEG        8192
#define MEMP_NUM_PBUF           256
#define MEMP_NUM_UDP_PCB        16
#define PBUF_POOL_SIZE          1024
#define TCP_WND                 (44 * TCP_MSS) /* 64240: the largest multiple of the MSS without window scaling */
#define TCP_SND_BUF             (44 * TCP_MSS)
#define TCP_SND_QUEUELEN        ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
#endif
#define PBUF_POOL_BUFSIZE    1536 /* a whole ethernet frame (1514) per pool pbuf */
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 4)

/* LWIP_DEBUG stays undefined (lwIP tests it with #ifdef); assertions stay on
 * (arch/cc.h prints them and aborts). */

#include "lwipopts_backend.h" /* what platform/lwip requires, checked */

#endif
