/*
 * What every backend or board that runs as a process on a POSIX host shares:
 * the POSIX backend and the linux-lwip simulation (whose network is lwIP but
 * whose files and terminal are the host's). Not part of platform.h.
 */
#ifndef PETREL_HOST_H
#define PETREL_HOST_H

#include <stddef.h>
#include "../platform.h"

int host_error(int e); /* errno -> PLAT_E*: the one mapping point */

size_t host_rss(void); /* resident set from /proc; 0 where unknown */

/* The terminal on fd 0 back as it was before plat_console_set_raw (host.c; also
 * registered with atexit on first use). */
void host_console_restore(void);

/* While console input is wanted, Ctrl-C interrupts (the REPL breaks a running
 * statement: plat_interrupt_requested); otherwise it ends the process (sys_host.c). */
void host_catch_sigint(int on);

#endif
