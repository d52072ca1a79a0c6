/* POSIX backend: the poller. epoll on Linux; plat_wait dispatches ready fds. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <stdlib.h>
#include <unistd.h>
#include "posix.h"

static int epfd = -1;
static int wakefd = -1;
static deferred *deferred_head, *deferred_tail;

static int ensure_epoll(void)
{
  if (epfd >= 0) return 0;
  epfd = epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) return posix_error(errno);
  wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
  epoll_ctl(epfd, EPOLL_CTL_ADD, wakefd, &ev);
  return 0;
}

int pio_update(pio *p, uint32_t events)
{
  int r = ensure_epoll();
  if (r) return r;
  struct epoll_event ev = { .events = events, .data.ptr = p };
  if (events == 0) {
    if (p->registered && epoll_ctl(epfd, EPOLL_CTL_DEL, p->fd, &ev) != 0) return posix_error(errno);
    p->registered = 0;
  } else if (!p->registered) {
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, p->fd, &ev) != 0) return posix_error(errno);
    p->registered = 1;
  } else if (events != p->events) {
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, p->fd, &ev) != 0) return posix_error(errno);
  }
  p->events = events;
  return 0;
}

void pio_forget(pio *p)
{
  if (p->registered) pio_update(p, 0);
}

void defer(deferred *d)
{
  if (d->queued) return;
  d->queued = 1;
  d->next = NULL;
  if (deferred_tail) deferred_tail->next = d; else deferred_head = d;
  deferred_tail = d;
}

static int run_deferred(void)
{
  int ran = 0;
  /* Only what is queued now: work queued while running waits for the next wait. */
  deferred *d = deferred_head, *end = deferred_tail;
  if (!d) return 0;
  deferred_head = deferred_tail = NULL;
  while (d) {
    deferred *next = d == end ? NULL : d->next;
    d->queued = 0;
    d->run(d);
    ran = 1;
    d = next;
  }
  return ran;
}

void plat_interrupt(void)
{
  if (wakefd >= 0) {
    uint64_t one = 1;
    ssize_t r = write(wakefd, &one, sizeof one);
    (void)r;
  }
}

/* Memory of closed handles is released only once no epoll batch can still
 * point at it: at the start of the next wait. */
static void **graveyard;
static size_t graveyard_len, graveyard_cap;

void posix_free_later(void *ptr)
{
  if (graveyard_len == graveyard_cap) {
    size_t cap = graveyard_cap ? graveyard_cap * 2 : 16;
    void **g = realloc(graveyard, cap * sizeof *g);
    if (!g) return; /* leak rather than risk a use after free */
    graveyard = g;
    graveyard_cap = cap;
  }
  graveyard[graveyard_len++] = ptr;
}

void plat_wait(int timeout_ms)
{
  if (ensure_epoll() != 0) return;
  for (size_t i = 0; i < graveyard_len; i++) free(graveyard[i]);
  graveyard_len = 0;
  if (run_deferred() || posix_console_poll()) timeout_ms = 0;
  struct epoll_event evs[64];
  int n = epoll_wait(epfd, evs, 64, timeout_ms);
  for (int i = 0; i < n; i++) {
    pio *p = evs[i].data.ptr;
    if (!p) { uint64_t v; ssize_t r = read(wakefd, &v, sizeof v); (void)r; continue; }
    /* A handle closed by an earlier callback in this batch is no longer registered. */
    if (!p->registered) continue;
    p->on_io(p, evs[i].events);
  }
}
