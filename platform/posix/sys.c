/* POSIX backend: process life cycle, console input and memory figures (clocks, console
 * output and files are every hosted board's: platform/host/sys_host.c). */
#define _GNU_SOURCE
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include "posix.h"

volatile int plat_interrupt_requested;

int plat_init(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  signal(SIGPIPE, SIG_IGN);
  return 0;
}

void plat_exit(int status)
{
  host_console_restore();
  _exit(status); /* console writes are unbuffered: nothing to flush */
}

static plat_console_cb console_cb;
static void *console_user;
static int console_unpollable; /* stdin is a regular file: epoll refuses it */
static pio console_io = { .fd = 0 };

static void console_read_once(void)
{
  char buf[4096];
  ssize_t n = read(0, buf, sizeof buf);
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
  if (n <= 0) {
    plat_console_cb cb = console_cb;
    plat_console_read_stop();
    if (cb) cb(console_user, buf, 0);
    return;
  }
  console_cb(console_user, buf, (size_t)n);
}

static void console_on_io(pio *p, uint32_t ev)
{
  (void)p;
  (void)ev;
  if (console_cb) console_read_once();
}

int posix_console_poll(void)
{
  if (!console_cb || !console_unpollable) return 0;
  console_read_once();
  return 1;
}

void plat_console_read_start(plat_console_cb cb, void *user)
{
  console_cb = cb;
  console_user = user;
  console_io.on_io = console_on_io;
  host_catch_sigint(1);
  if (pio_update(&console_io, PIO_IN) != 0) console_unpollable = 1;
}

long plat_console_read_sync(char *buf, size_t max, int timeout_ms)
{
  struct pollfd p = { .fd = 0, .events = POLLIN };
  int r;
  while ((r = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR) {}
  if (r <= 0) return 0;
  ssize_t n = read(0, buf, max);
  return n > 0 ? (long)n : n < 0 && (errno == EAGAIN || errno == EINTR) ? 0 : -1;
}

void plat_console_read_stop(void)
{
  console_cb = NULL;
  if (!console_unpollable) pio_update(&console_io, 0);
  host_catch_sigint(0);
}

void plat_mem_release(void)
{
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

void plat_mem_stats_get(plat_mem_stats *out)
{
  memset(out, 0, sizeof *out);
  out->rss = host_rss();
}
