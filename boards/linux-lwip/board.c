/*
 * linux-lwip: a device simulated as a Linux process. Its clocks, console output
 * and files are the host's, as on every hosted board (platform/host/sys_host.c);
 * the lwIP backend asks it for the rest (lwip_board.h): stdin as console input,
 * and sleeping in poll() on the TAP fd (tap.c), stdin (while console input is
 * wanted) and a self-pipe that board_wake() writes to from signal handlers.
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
#include "lwip_board.h"
#include "lwip_backend.h"
#include "board.h"
#include "host/host.h"

static int wake_pipe[2] = { -1, -1 };
static volatile sig_atomic_t console_on;

int board_init(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  signal(SIGPIPE, SIG_IGN);
  if (pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) return host_error(errno);
  /* LWIP_RAND (ports, ISNs, DNS ids) and the TAP MAC are random(): seeded from the
   * platform's source, the one route to entropy (plat_random). */
  unsigned seed;
  if (plat_random(&seed, sizeof seed) != 0) return PLAT_EIO;
  srandom(seed);
  return 0;
}

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
  fds[n].fd = wake_pipe[0];
  fds[n].events = POLLIN;
  n++;
  if (tfd >= 0) {
    fds[n].fd = tfd;
    fds[n].events = POLLIN;
    n++;
  }
  if (console_on) {
    fds[n].fd = 0;
    fds[n].events = POLLIN;
    n++;
  }
  if (poll(fds, (nfds_t)n, timeout_ms) > 0 && fds[0].revents) {
    char buf[64];
    while (read(wake_pipe[0], buf, sizeof buf) > 0) {}
  }
}

/* ---- console -------------------------------------------------------------- */

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

/* Console input wanted: watch stdin and turn Ctrl-C into an interrupt (the
 * REPL breaks a running statement); otherwise Ctrl-C ends the process. */
void board_console_input(int on)
{
  console_on = on;
  host_catch_sigint(on);
}

size_t board_rss(void) { return host_rss(); }
