/* POSIX backend: the poll(2) poller, for systems without epoll (and, built
 * with PETREL_POLLER_POLL, tested on Linux as the linux-poll board). Watched
 * handles live in an array; each wait builds the pollfd set from it, which is
 * O(n) per wait but needs nothing beyond POSIX. */
#define _GNU_SOURCE
#include "poller.h"
#ifdef PETREL_POLLER_POLL
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

static pio **watched; /* registered handles; slot index kept in a side table */
static size_t nwatched, capwatched;
static struct pollfd *fds; /* built per wait: [0] is the wake pipe */
static pio **batch;        /* the handles fds[1..] belong to, for this wait */
static size_t capfds;
static int wake[2] = { -1, -1 };

int poller_init(void)
{
  if (wake[0] >= 0) return 0;
  if (pipe(wake) != 0) return host_error(errno);
  for (int i = 0; i < 2; i++) {
    fcntl(wake[i], F_SETFL, O_NONBLOCK);
    fcntl(wake[i], F_SETFD, FD_CLOEXEC);
  }
  return 0;
}

static long find(pio *p)
{
  for (size_t i = 0; i < nwatched; i++)
    if (watched[i] == p) return (long)i;
  return -1;
}

int poller_add(pio *p, uint32_t events)
{
  (void)events; /* read from p->events at the next wait */
  if (find(p) >= 0) return 0;
  if (nwatched == capwatched) {
    size_t cap = capwatched ? capwatched * 2 : 16;
    pio **w = realloc(watched, cap * sizeof *w);
    if (!w) return PLAT_ENOMEM;
    watched = w;
    capwatched = cap;
  }
  watched[nwatched++] = p;
  return 0;
}

int poller_modify(pio *p, uint32_t events)
{
  (void)p;
  (void)events;
  return 0;
}

int poller_remove(pio *p)
{
  long i = find(p);
  if (i >= 0) watched[i] = watched[--nwatched]; /* order does not matter */
  return 0;
}

void poller_wake(void)
{
  if (wake[1] < 0) return;
  char c = 1;
  ssize_t r = write(wake[1], &c, 1);
  (void)r;
}

void poller_wait(int timeout_ms)
{
  size_t n = nwatched + 1;
  if (n > capfds) {
    struct pollfd *f = realloc(fds, n * sizeof *f);
    if (f) fds = f;
    pio **b = realloc(batch, n * sizeof *b);
    if (b) batch = b;
    if (!f || !b) return; /* try again at the next wait */
    capfds = n;
  }
  fds[0] = (struct pollfd){ .fd = wake[0], .events = POLLIN };
  for (size_t i = 0; i < nwatched; i++) {
    pio *p = watched[i];
    batch[i + 1] = p;
    fds[i + 1] = (struct pollfd){
      .fd = p->fd, .events = (short)(((p->events & PIO_IN) ? POLLIN : 0) | ((p->events & PIO_OUT) ? POLLOUT : 0))
    };
  }
  int r = poll(fds, (nfds_t)n, timeout_ms);
  if (r <= 0) return;
  if (fds[0].revents) {
    char buf[64];
    while (read(wake[0], buf, sizeof buf) > 0) {}
  }
  for (size_t i = 1; i < n; i++) {
    short re = fds[i].revents;
    pio *p = batch[i];
    /* A handle closed by an earlier callback in this batch is no longer
     * registered (its memory is kept until the next wait by the graveyard). */
    if (!re || !p->registered || p->fd != fds[i].fd) continue;
    p->on_io(p, ((re & POLLIN) ? PIO_IN : 0) | ((re & POLLOUT) ? PIO_OUT : 0) | ((re & POLLERR) ? PIO_ERR : 0) |
                    ((re & POLLHUP) ? PIO_HUP : 0) | ((re & POLLNVAL) ? PIO_ERR : 0));
  }
}
#endif
