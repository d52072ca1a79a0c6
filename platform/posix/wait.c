/* POSIX backend: plat_wait. Deferred work, then the poller (poller.h) for
 * ready fds. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include "poller.h"

static deferred *deferred_head, *deferred_tail;

int pio_update(pio *p, uint32_t events)
{
  int r = poller_init();
  if (r) return r;
  if (events == 0) {
    if (p->registered && (r = poller_remove(p)) != 0) return r;
    p->registered = 0;
  } else if (!p->registered) {
    if ((r = poller_add(p, events)) != 0) return r;
    p->registered = 1;
  } else if (events != p->events) {
    if ((r = poller_modify(p, events)) != 0) return r;
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
  if (deferred_tail)
    deferred_tail->next = d;
  else
    deferred_head = d;
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

void plat_interrupt(void) { poller_wake(); }

/* Memory of closed handles is released only once no poll batch can still
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
  if (poller_init() != 0) return;
  for (size_t i = 0; i < graveyard_len; i++) free(graveyard[i]);
  graveyard_len = 0;
  if (run_deferred() || posix_console_poll()) timeout_ms = 0;
  poller_wait(timeout_ms);
}
