/* POSIX backend: process life cycle, clocks, console and files. */
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
#include <time.h>
#include <unistd.h>
#include "posix.h"

#ifndef PETREL_BOARD_NAME
#define PETREL_BOARD_NAME "linux"
#endif

volatile int plat_interrupt_requested;

const char *plat_name(void) { return PETREL_BOARD_NAME; }

static void on_sigint(int sig)
{
  (void)sig;
  plat_interrupt_requested = 1;
  plat_interrupt();
}

int plat_init(int argc, char **argv)
{
  (void)argc; (void)argv;
  signal(SIGPIPE, SIG_IGN);
  return 0;
}

void plat_exit(int status)
{
  host_console_restore();
  _exit(status); /* console writes are unbuffered: nothing to flush */
}

uint64_t plat_hrtime_ns(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t plat_now_ms(void) { return plat_hrtime_ns() / 1000000u; }

double plat_wallclock_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000);
}

/* ---- console -------------------------------------------------------- */

void plat_console_write(int fd, const void *buf, size_t len)
{
  const char *p = buf;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) { /* someone made the fd non-blocking: wait for room */
        fd_set w; FD_ZERO(&w); FD_SET(fd, &w);
        select(fd + 1, NULL, &w, NULL, NULL);
        continue;
      }
      return; /* closed pipe: drop output, as Node does on EPIPE */
    }
    p += n; len -= (size_t)n;
  }
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

static void console_on_io(pio *p, uint32_t ev) { (void)p; (void)ev; if (console_cb) console_read_once(); }

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
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigaction(SIGINT, &sa, NULL);
  if (pio_update(&console_io, PIO_IN) != 0) console_unpollable = 1;
}

void plat_console_read_stop(void)
{
  console_cb = NULL;
  if (!console_unpollable) pio_update(&console_io, 0);
  signal(SIGINT, SIG_DFL);
}

int plat_console_is_tty(void) { return isatty(0) && isatty(1); }

int plat_console_set_raw(int raw) { return host_console_set_raw(raw); }

/* ---- files (the host's, shared with linux-lwip) ------------------------ */

int plat_file_read(const char *path, char **data, size_t *len) { return host_file_read(path, data, len); }
int plat_file_kind(const char *path) { return host_file_kind(path); }
int plat_file_write(const char *path, const void *data, size_t len) { return host_file_write(path, data, len); }
int plat_cwd(char *buf, size_t len) { return host_cwd(buf, len); }

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
