/* For unit tests that link runtime/vm.c: what it needs from the platform, with no
 * console (output dropped), no interrupt, and exit as the process's. */
#include <stdlib.h>
#include "platform.h"

volatile int plat_interrupt_requested;

void plat_console_write(int fd, const void *buf, size_t len)
{
  (void)fd;
  (void)buf;
  (void)len;
}

void plat_exit(int status) { exit(status); }
