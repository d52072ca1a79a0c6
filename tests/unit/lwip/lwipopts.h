/*
 * lwIP configuration for the backend's unit tests (tests/unit/test_lwip_*.c):
 * NO_SYS raw API, IPv4 + IPv6 over lwIP's loopback netif only. Pools are small
 * so that tests reach their limits in a few steps: 7 TCP pcbs (three loopback
 * connections, both ends, and one spare end), a 16-segment window (larger than
 * the backend's 16 KiB read coalescing, so partial reads happen).
 */
#ifndef PETREL_TEST_LWIPOPTS_H
#define PETREL_TEST_LWIPOPTS_H

#define NO_SYS               1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_TIMERS          1
#define LWIP_SOCKET          0
#define LWIP_NETCONN         0
#define LWIP_NETIF_API       0
#define LWIP_CALLBACK_API    1
#define MEM_ALIGNMENT        8

#define LWIP_IPV4                     1
#define LWIP_IPV6                     1
#define LWIP_ARP                      0
#define LWIP_ETHERNET                 0
#define LWIP_ICMP                     1
#define LWIP_RAW                      0
#define LWIP_UDP                      1
#define LWIP_TCP                      1
#define LWIP_DNS                      1
#define LWIP_DHCP                     0
#define LWIP_AUTOIP                   0
#define LWIP_IGMP                     0
#define LWIP_IPV6_MLD                 0
#define LWIP_IPV6_AUTOCONFIG          0
#define LWIP_IPV6_DHCP6               0
#define LWIP_IPV6_DUP_DETECT_ATTEMPTS 0
#define IPV6_FRAG_COPYHEADER          1

#define LWIP_HAVE_LOOPIF                   1
#define LWIP_NETIF_LOOPBACK                1
#define LWIP_LOOPBACK_MAX_PBUFS            0
#define LWIP_NETIF_LOOPBACK_MULTITHREADING 0
#define LWIP_CHECKSUM_CTRL_PER_NETIF       1
#define LWIP_SINGLE_NETIF                  0

#define LWIP_TCP_KEEPALIVE         1
#define SO_REUSE                   1
#define TCP_LISTEN_BACKLOG         1
#define TCP_DEFAULT_LISTEN_BACKLOG 255
#define TCP_MSS                    1460
#define TCP_MSL                    1000UL
#define TCP_QUEUE_OOSEQ            1
#define LWIP_TCP_SACK_OUT          0
#define LWIP_WND_SCALE             0
#define TCP_WND                    (16 * TCP_MSS) /* 23360 */
#define TCP_SND_BUF                (16 * TCP_MSS)
#define TCP_SND_QUEUELEN           512 /* room for hundreds of tiny segments */

#define DNS_TABLE_SIZE  4
#define DNS_MAX_SERVERS 1

#define MEM_SIZE                (512 * 1024)
#define MEMP_NUM_TCP_PCB        7
#define MEMP_NUM_TCP_PCB_LISTEN 4
#define MEMP_NUM_TCP_SEG        1024
#define MEMP_NUM_PBUF           64
#define MEMP_NUM_UDP_PCB        4
#define PBUF_POOL_SIZE          64
#define PBUF_POOL_BUFSIZE       1536
#define MEMP_NUM_SYS_TIMEOUT    (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 2)

#define LWIP_STATS         1
#define LWIP_STATS_DISPLAY 1
#define MEM_STATS          1
#define MEMP_STATS         1
#define TCP_STATS          1

#include "lwipopts_backend.h" /* what platform/lwip requires, checked */

#endif
