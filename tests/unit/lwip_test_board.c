/* A board for the lwIP backend's unit tests (tests/unit/test_lwip_*.c): the host
 * clock, no NIC (lwIP's loopback only), no console, no files. */
#define _GNU_SOURCE
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "platform.h"
#include "lwip_board.h"

int board_init(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  srandom(1);
  return 0;
}
void board_netifs_init(void) {}
void board_netifs_poll(void) {}
uint64_t plat_hrtime_ns(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
uint64_t plat_now_ms(void) { return plat_hrtime_ns() / 1000000u; }
double plat_wallclock_ms(void) { return (double)plat_now_ms(); }
void board_sleep(int timeout_ms) { poll(NULL, 0, timeout_ms < 0 || timeout_ms > 50 ? 50 : timeout_ms); }
void board_wake(void) {}
void plat_console_write(int fd, const void *buf, size_t len)
{
  ssize_t r = write(fd, buf, len);
  (void)r;
}
long board_console_read(char *buf, size_t max)
{
  (void)buf;
  (void)max;
  return 0;
}
int plat_console_is_tty(void) { return 0; }
int plat_console_set_raw(int raw)
{
  (void)raw;
  return PLAT_ENOTSUP;
}
int plat_file_read(const char *path, char **data, size_t *len)
{
  (void)path;
  (void)data;
  (void)len;
  return PLAT_ENOENT;
}
int plat_file_kind(const char *path)
{
  (void)path;
  return 0;
}
int plat_file_write(const char *path, const void *data, size_t len)
{
  (void)path;
  (void)data;
  (void)len;
  return PLAT_EIO;
}
int plat_file_append(const char *path, const void *data, size_t len)
{
  (void)path;
  (void)data;
  (void)len;
  return PLAT_EIO;
}
int plat_cwd(char *buf, size_t len)
{
  strncpy(buf, "/", len);
  return 0;
}
size_t board_rss(void) { return 0; }
void board_exit(int status) { _exit(status); }
const char *plat_name(void) { return "unit"; }
