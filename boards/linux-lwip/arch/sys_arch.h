/* lwIP's OS glue for linux-lwip. With NO_SYS=1 lwIP needs no threads, mutexes,
 * semaphores or mailboxes: only sys_now(), which the backend provides
 * (platform/lwip/sys.c) from the board's clock. Nothing else is needed here. */
#ifndef PETREL_LWIP_ARCH_SYS_ARCH_H
#define PETREL_LWIP_ARCH_SYS_ARCH_H
#endif
