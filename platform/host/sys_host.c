/*
 * The system half of platform.h for every board that runs as a process on a POSIX
 * host (linux, linux-poll, linux-asan, rpi with the POSIX backend; linux-lwip, whose
 * network is lwIP but whose clock, terminal and files are the host's): the board's
 * name, randomness, clocks, console output and Ctrl-C (files, the working directory
 * and the terminal mode: host.c). What differs between backends (console input, waiting, memory figures)
 * stays in platform/posix/sys.c and platform/lwip/sys.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/random.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "host.h"

#ifndef PETREL_BOARD_NAME
#define PETREL_BOARD_NAME "linux"
#endif

const char *plat_name(void) { return PETREL_BOARD_NAME; }

#if defined(__linux__)
const char *plat_os(void) { return "linux"; }
#elif defined(__APPLE__)
const char *plat_os(void) { return "darwin"; }
#else
const char *plat_os(void) { return "unknown"; }
#endif

/* A process does not reset its machine: petrel-tool restarts a cmd: DEVICE instead. */
int plat_hard_reset(int check)
{
  (void)check;
  return PLAT_ENOSYS;
}

const char *plat_boot_app(void) { return NULL; } /* a process has no boot app */

/* The kernel's CSPRNG (getrandom blocks only until it is seeded, at boot). */
int plat_random(void *buf, size_t len)
{
  unsigned char *p = buf;
  while (len > 0) {
    ssize_t n = getrandom(p, len, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return host_error(errno);
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
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

/* ---- console ---------------------------------------------------------- */

void plat_console_write(int fd, const void *buf, size_t len)
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

int plat_console_is_tty(void) { return isatty(0) && isatty(1); }

static void on_sigint(int sig)
{
  (void)sig;
  plat_interrupt_requested = 1;
  plat_interrupt(); /* async-signal-safe in both backends */
}

void host_catch_sigint(int on)
{
  if (on) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
  } else {
    signal(SIGINT, SIG_DFL);
  }
}
