/* The poller under plat_wait: epoll on Linux (poller_epoll.c), poll(2) where
 * epoll is absent or when built with PETREL_POLLER_POLL (poller_poll.c).
 * Exactly one of the two compiles to code. Both are level-triggered and
 * report PIO_* bits. */
#ifndef PETREL_POLLER_H
#define PETREL_POLLER_H

#include "posix.h"

#if !defined(__linux__) && !defined(PETREL_POLLER_POLL)
#define PETREL_POLLER_POLL 1
#endif

int poller_init(void); /* idempotent; 0 or PLAT_E* */
/* Starts, changes or stops (events == 0) watching p->fd; p->events and
 * p->registered are updated by the caller. */
int poller_add(pio *p, uint32_t events);
int poller_modify(pio *p, uint32_t events);
int poller_remove(pio *p);
/* Waits up to timeout_ms (-1: no limit) and calls on_io of each ready pio
 * that is still registered. A wake-up from plat_interrupt just returns. */
void poller_wait(int timeout_ms);
void poller_wake(void);

#endif
