/*
 * linux-lwip: a device simulated as a Linux process. The lwIP backend asks
 * this board for the hardware (board_hooks.h): clocks from clock_gettime, the
 * console on stdio, files on the host file system, and sleeping in poll() on
 * the TAP fd (tap.c), stdin (while console input is wanted) and a self-pipe
 * that board_wake() writes to from signal handlers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>
#include "platform.h"
#include "board_hooks.h"
#include "lwip_backend.h"
#include "board.h"
#include "host/host.h"

#ifndef PETREL_BOARD_NAME
#define PETREL_BOARD_NAME "linux-lwip"
#endif

static int wake_pipe[2] = { -1, -1 };
static volatile sig_atomic_t console_on;

int board_init(int argc, char **argv)
{
  (void)argc; (void)argv;
  signal(SIGPIPE, SIG_IGN);
  if (pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) return host_error(errno);
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  srandom((unsigned)(ts.tv_nsec ^ ts.tv_sec ^ ((long)getpid() << 16)));
  return 0;
}

const char *board_name(void) { return PETREL_BOARD_NAME; }

void board_exit(int status)
{
  /* PETREL_LWIP_STATS=file: append lwIP's memory statistics (pools, heap,
   * high-water marks) for leak checks and reports. */
  const char *path = getenv("PETREL_LWIP_STATS");
  if (path && *path) {
    char line[4096];
    size_t n = lw_stats_text(line, sizeof line);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd >= 0) {
      line[n < sizeof line - 1 ? n : sizeof line - 2] = '\n';
      ssize_t w = write(fd, line, (n < sizeof line - 1 ? n : sizeof line - 2) + 1);
      (void)w;
      close(fd);
    }
  }
  host_console_restore();
  _exit(status); /* console writes are unbuffered: nothing to flush */
}

/* ---- time --------------------------------------------------------------- */

uint64_t board_hrtime_ns(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t board_now_ms(void) { return board_hrtime_ns() / 1000000u; }

double board_wallclock_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000);
}

/* ---- sleeping ------------------------------------------------------------ */

void board_wake(void)
{
  char c = 1;
  ssize_t r = write(wake_pipe[1], &c, 1); /* async-signal-safe; a full pipe is awake anyway */
  (void)r;
}

void board_sleep(int timeout_ms)
{
  struct pollfd fds[3];
  int n = 0, tfd = tap_fd();
  fds[n].fd = wake_pipe[0]; fds[n].events = POLLIN; n++;
  if (tfd >= 0) { fds[n].fd = tfd; fds[n].events = POLLIN; n++; }
  if (console_on) { fds[n].fd = 0; fds[n].events = POLLIN; n++; }
  if (poll(fds, (nfds_t)n, timeout_ms) > 0 && fds[0].revents) {
    char buf[64];
    while (read(wake_pipe[0], buf, sizeof buf) > 0) {}
  }
}

/* ---- console -------------------------------------------------------------- */

void board_console_write(int fd, const void *buf, size_t len)
{
  const char *p = buf;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) { /* someone made the fd non-blocking: wait for room */
        struct pollfd w = { .fd = fd, .events = POLLOUT };
        poll(&w, 1, -1);
        continue;
      }
      return; /* closed pipe: drop output, as Node does on EPIPE */
    }
    p += n;
    len -= (size_t)n;
  }
}

long board_console_read(char *buf, size_t max)
{
  struct pollfd p = { .fd = 0, .events = POLLIN };
  if (poll(&p, 1, 0) <= 0) return 0;
  if (p.revents & POLLNVAL) return -1;
  ssize_t n = read(0, buf, max);
  if (n > 0) return (long)n;
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 0;
  return -1;
}

static void on_sigint(int sig)
{
  (void)sig;
  plat_interrupt_requested = 1;
  board_wake();
}

/* Console input wanted: watch stdin and turn Ctrl-C into an interrupt (the
 * REPL breaks a running statement); otherwise Ctrl-C ends the process. */
void board_console_input(int on)
{
  console_on = on;
  if (on) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
  } else {
    signal(SIGINT, SIG_DFL);
  }
}

int board_console_is_tty(void) { return isatty(0) && isatty(1); }

int board_console_set_raw(int raw) { return host_console_set_raw(raw); }

/* ---- files ------------------------------------------------------------------ */

int board_file_read(const char *path, char **data, size_t *len) { return host_file_read(path, data, len); }
int board_file_kind(const char *path) { return host_file_kind(path); }
int board_file_write(const char *path, const void *data, size_t len) { return host_file_write(path, data, len); }
int board_cwd(char *buf, size_t len) { return host_cwd(buf, len); }
size_t board_rss(void) { return host_rss(); }
