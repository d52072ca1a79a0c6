/* POSIX backend: the epoll poller (Linux). */
#define _GNU_SOURCE
#include "poller.h"
#ifndef PETREL_POLLER_POLL
#include <errno.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int epfd = -1;
static int wakefd = -1;

static uint32_t to_epoll(uint32_t e) { return ((e & PIO_IN) ? EPOLLIN : 0) | ((e & PIO_OUT) ? EPOLLOUT : 0); }

static uint32_t from_epoll(uint32_t e)
{
  return ((e & EPOLLIN) ? PIO_IN : 0) | ((e & EPOLLOUT) ? PIO_OUT : 0) | ((e & EPOLLERR) ? PIO_ERR : 0) |
         ((e & EPOLLHUP) ? PIO_HUP : 0);
}

int poller_init(void)
{
  if (epfd >= 0) return 0;
  epfd = epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) return host_error(errno);
  wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
  if (wakefd >= 0) epoll_ctl(epfd, EPOLL_CTL_ADD, wakefd, &ev);
  return 0;
}

static int ctl(int op, pio *p, uint32_t events)
{
  struct epoll_event ev = { .events = to_epoll(events), .data.ptr = p };
  return epoll_ctl(epfd, op, p->fd, &ev) == 0 ? 0 : host_error(errno);
}

int poller_add(pio *p, uint32_t events) { return ctl(EPOLL_CTL_ADD, p, events); }
int poller_modify(pio *p, uint32_t events) { return ctl(EPOLL_CTL_MOD, p, events); }
int poller_remove(pio *p) { return ctl(EPOLL_CTL_DEL, p, 0); }

void poller_wake(void)
{
  if (wakefd < 0) return;
  uint64_t one = 1;
  ssize_t r = write(wakefd, &one, sizeof one);
  (void)r;
}

void poller_wait(int timeout_ms)
{
  struct epoll_event evs[64];
  int n = epoll_wait(epfd, evs, 64, timeout_ms);
  for (int i = 0; i < n; i++) {
    pio *p = evs[i].data.ptr;
    if (!p) {
      uint64_t v;
      ssize_t r = read(wakefd, &v, sizeof v);
      (void)r;
      continue;
    }
    /* A handle closed by an earlier callback in this batch is no longer registered. */
    if (!p->registered) continue;
    p->on_io(p, from_epoll(evs[i].events));
  }
}
#endif
