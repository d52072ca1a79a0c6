/*
 * newlib system calls for mps2-an385. Minimal and honest: the console is the UART
 * (fds 0-2), memory comes from the heap region of the linker script, time from
 * SysTick; everything else fails with ENOSYS (files go through plat_file_*, never
 * through stdio).
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/time.h>
#include "mps2.h"
#include "platform.h"
#include "lwip_board.h"
#include "block_cache.h"

extern char __heap_start[], __heap_end[];
static char *heap_brk = __heap_start;
/* The end of the heap region less what the file store keeps at its top (filestore.c). */
char *board_heap_end = __heap_end;

/* malloc's memory: grows from the end of .bss to the file store at the end of RAM,
 * never past it, and not at all while runtime/block_cache.c asks malloc for memory
 * with freed blocks kept: it gives them back and asks again first. */
void *_sbrk(ptrdiff_t incr)
{
  if ((incr > 0 && bc_sbrk_soft) || (incr > 0 && incr > board_heap_end - heap_brk) || (incr < 0 && -incr > heap_brk - __heap_start)) {
    errno = ENOMEM;
    return (void *)-1;
  }
  char *old = heap_brk;
  heap_brk += incr;
  return old;
}

size_t board_heap_extent(void) { return (size_t)(heap_brk - __heap_start); }
char *board_heap_break(void) { return heap_brk; }

int _write(int fd, const char *buf, int len)
{
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  if (len > 0) uart_write(buf, (size_t)len);
  return len;
}

/* stdin: waits for at least one byte from the UART. */
int _read(int fd, char *buf, int len)
{
  if (fd != 0) {
    errno = EBADF;
    return -1;
  }
  if (len <= 0) return 0;
  size_t n;
  while ((n = uart_read(buf, (size_t)len)) == 0) board_sleep(-1);
  return (int)n;
}

int _open(const char *path, int flags, int mode)
{
  (void)path;
  (void)flags;
  (void)mode;
  errno = ENOSYS;
  return -1;
}

int _close(int fd)
{
  if (fd >= 0 && fd <= 2) return 0;
  errno = EBADF;
  return -1;
}

int _fstat(int fd, struct stat *st)
{
  if (fd < 0 || fd > 2) {
    errno = EBADF;
    return -1;
  }
  st->st_mode = S_IFCHR;
  st->st_blksize = 0; /* unbuffered-friendly: stdio picks a small buffer */
  return 0;
}

int _isatty(int fd)
{
  if (fd >= 0 && fd <= 2) return 1;
  errno = EBADF;
  return 0;
}

int _lseek(int fd, int offset, int whence)
{
  (void)offset;
  (void)whence;
  errno = (fd >= 0 && fd <= 2) ? ESPIPE : EBADF;
  return -1;
}

void _exit(int status)
{
  board_exit(status);
  for (;;) {}
}

int _getpid(void) { return 1; }

/* abort() ends the firmware like SIGABRT ends a process (status 128 + 6). Defined
 * here, newlib's abort -> raise -> signal chain (~0.7 KB) stays out of flash. */
void abort(void)
{
  board_exit(128 + 6);
  for (;;) {}
}

/* Only signals to ourselves: they end the program like an uncaught signal ends a
 * process, with status 128 + signal. */
int _kill(int pid, int sig)
{
  if (pid == 1 || pid == 0) board_exit(128 + sig);
  errno = ENOSYS;
  return -1;
}

int _gettimeofday(struct timeval *tv, void *tz)
{
  (void)tz;
  if (tv) {
    double ms = plat_wallclock_ms();
    tv->tv_sec = (time_t)(ms / 1000.0);
    tv->tv_usec = (suseconds_t)((ms - (double)tv->tv_sec * 1000.0) * 1000.0);
  }
  return 0;
}
