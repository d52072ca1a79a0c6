/*
 * lwIP backend: life cycle, the wait loop, console input and memory statistics.
 * The rest of platform.h's system half (clocks, console output, files) the board
 * implements itself (platform/host/sys_host.c on a host); what lwIP needs from the
 * hardware comes from lwip_board.h.
 *
 * plat_wait: board_netifs_poll (NIC frames into lwIP), netif_poll_all (the
 * loopback queue), sys_check_timeouts (lwIP timers), then the dispatch phase
 * (console input, DNS answers, TCP events, UDP datagrams). With nothing dispatched it sleeps
 * in board_sleep until the earliest of the caller's timeout and lwIP's next
 * timer, never spinning.
 */
#include <stdio.h>
#include <string.h>
#include "lwip/init.h"
#include "lwip/sys.h"
#include "lwip/netif.h"
#include "lwip/timeouts.h"
#include "lwip/stats.h"
#include "lwip/memp.h"
#include "lwip/mem.h"
#include "lwip_backend.h"

volatile int plat_interrupt_requested;
static volatile int wake_requested;

static plat_console_cb console_cb;
static void *console_user;

/* A board that does not care when console input is wanted need not define it. */
__attribute__((weak)) void board_console_input(int on) { (void)on; }

/* lwIP's clock (NO_SYS=1). */
u32_t sys_now(void) { return (u32_t)plat_now_ms(); }

int plat_init(int argc, char **argv)
{
  int r = board_init(argc, argv);
  if (r) return r;
  lwip_init();
#if LWIP_CHECKSUM_CTRL_PER_NETIF
  /* Loopback packets never leave memory: no checksums to compute or check. */
  struct netif *n;
  NETIF_FOREACH(n)
  {
    if (n->name[0] == 'l' && n->name[1] == 'o') NETIF_SET_CHECKSUM_CTRL(n, NETIF_CHECKSUM_DISABLE_ALL);
  }
#endif
  board_netifs_init();
  return 0;
}

void plat_exit(int status) { board_exit(status); }

/* ---- waiting ---------------------------------------------------------- */

void plat_interrupt(void)
{
  wake_requested = 1;
  board_wake();
}

static int console_poll(void)
{
  char buf[1024];
  if (!console_cb) return 0;
  long n = board_console_read(buf, sizeof buf);
  if (n == 0) return 0;
  if (n < 0) {
    plat_console_cb cb = console_cb;
    void *user = console_user;
    plat_console_read_stop();
    cb(user, buf, 0);
    return 1;
  }
  console_cb(console_user, buf, (size_t)n);
  return 1;
}

static int loopback_busy(void)
{
#if LWIP_NETIF_LOOPBACK
  struct netif *n;
  NETIF_FOREACH(n)
  {
    if (n->loop_first) return 1;
  }
#endif
  return 0;
}

void plat_wait(int timeout_ms)
{
  uint64_t start = plat_now_ms();
  for (;;) {
    int ran = 0;
    board_netifs_poll();
#if LWIP_NETIF_LOOPBACK
    netif_poll_all();
#endif
    sys_check_timeouts();
    ran |= console_poll();
    ran |= lw_dns_dispatch();
    ran |= lw_tcp_dispatch();
    ran |= lw_udp_dispatch();
    if (ran || wake_requested) {
      wake_requested = 0;
      return;
    }
    if (timeout_ms == 0) return;
    int left = -1;
    if (timeout_ms > 0) {
      uint64_t elapsed = plat_now_ms() - start;
      if (elapsed >= (uint64_t)timeout_ms) return;
      left = timeout_ms - (int)elapsed;
    }
    if (lw_tcp_pending() || lw_udp_pending() || lw_dns_pending() || loopback_busy()) continue;
    u32_t next = sys_timeouts_sleeptime();
    if (next != SYS_TIMEOUTS_SLEEPTIME_INFINITE && (left < 0 || next < (u32_t)left)) left = (int)next;
    if (left != 0) board_sleep(left);
  }
}

/* ---- console ---------------------------------------------------------- */

void plat_console_read_start(plat_console_cb cb, void *user)
{
  console_cb = cb;
  console_user = user;
  board_console_input(1);
}

long plat_console_read_sync(char *buf, size_t max, int timeout_ms)
{
  uint64_t deadline = plat_now_ms() + (uint64_t)timeout_ms;
  for (;;) {
    long n = board_console_read(buf, max);
    uint64_t now = plat_now_ms();
    if (n != 0 || now >= deadline) return n;
    board_sleep((int)(deadline - now));
  }
}

void plat_console_read_stop(void)
{
  if (!console_cb) return;
  console_cb = NULL;
  board_console_input(0);
}

/* ---- memory ----------------------------------------------------------- */

/* Heap bytes plus pool elements x element size. The peak is the sum of each
 * part's own high-water mark: an upper bound of the true simultaneous peak. */
void lw_stack_usage(size_t *used, size_t *peak)
{
  size_t u = 0, p = 0;
#if LWIP_STATS && MEM_STATS
  u += lwip_stats.mem.used;
  p += lwip_stats.mem.max;
#endif
#if LWIP_STATS && MEMP_STATS
  for (int i = 0; i < MEMP_MAX; i++) {
    const struct memp_desc *d = memp_pools[i];
    u += (size_t)d->stats->used * d->size;
    p += (size_t)d->stats->max * d->size;
  }
#endif
  *used = u;
  *peak = p;
}

/* Boards have no system to give pages back to. */
void plat_mem_release(void) {}

void plat_mem_stats_get(plat_mem_stats *out)
{
  memset(out, 0, sizeof *out);
  out->rss = board_rss();
  lw_stack_usage(&out->stack_heap_used, &out->stack_heap_peak);
}

size_t lw_stats_text(char *buf, size_t len)
{
  size_t pos = 0, used, peak;
  if (len == 0) return 0;
  buf[0] = 0;
  lw_stack_usage(&used, &peak);
  pos += (size_t)snprintf(buf + pos, len - pos, "total used=%zu peak=%zu", used, peak);
#if LWIP_STATS && MEM_STATS
  if (pos < len)
    pos += (size_t)snprintf(buf + pos, len - pos, " heap:used=%lu,max=%lu,avail=%lu,err=%lu",
                            (unsigned long)lwip_stats.mem.used, (unsigned long)lwip_stats.mem.max,
                            (unsigned long)lwip_stats.mem.avail, (unsigned long)lwip_stats.mem.err);
#endif
#if LWIP_STATS && MEMP_STATS
  for (int i = 0; i < MEMP_MAX && pos < len; i++) {
    const struct memp_desc *d = memp_pools[i];
#if defined(LWIP_DEBUG) || LWIP_STATS_DISPLAY
    const char *name = d->desc;
#else
    const char *name = "pool";
#endif
    pos += (size_t)snprintf(buf + pos, len - pos, " %s:used=%lu,max=%lu,size=%u,err=%lu", name,
                            (unsigned long)d->stats->used, (unsigned long)d->stats->max, (unsigned)d->size,
                            (unsigned long)d->stats->err);
  }
#endif
  return pos < len ? pos : len - 1;
}
