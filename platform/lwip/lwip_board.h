/*
 * What a board provides to the lwIP backend (platform/lwip) besides platform.h's
 * system half. The backend implements platform.h's TCP/DNS/wait on lwIP's raw API
 * (NO_SYS=1); the board implements the system functions of platform.h itself
 * (clocks, console output, files: plat_now_ms, plat_console_write, plat_file_read...;
 * platform/host/sys_host.c on a host) and, here, what the backend needs from the
 * hardware: network interfaces, sleeping, console input, exit.
 *
 * Boards: boards/linux-lwip (host simulation: TAP + lwIP loopback, stdio
 * console) and boards/mps2-an385 (QEMU Cortex-M3: SysTick, CMSDK UART, LAN9118).
 * Nothing here is called from an interrupt handler unless it says so.
 */
#ifndef PETREL_LWIP_BOARD_H
#define PETREL_LWIP_BOARD_H

#include <stddef.h>
#include <stdint.h>

/* Called once from plat_init, before lwip_init(). */
int board_init(int argc, char **argv);
/* Called once right after lwip_init(): add the board's netifs (the backend
 * itself relies on lwIP's loopback netif, LWIP_HAVE_LOOPIF). */
void board_netifs_init(void);
/* Moves frames the NIC received into lwIP (netif->input). Called by plat_wait. */
void board_netifs_poll(void);

/* Sleeps until something may have happened (an interrupt, a fd becoming ready)
 * or timeout_ms passes (-1: no limit). May return early. */
void board_sleep(int timeout_ms);
/* Safe from an interrupt handler / signal handler: ends a board_sleep now. */
void board_wake(void);

/* Non-blocking: copies up to max bytes of console input, returns the count;
 * returns -1 at end of input (stdin closed; never on a UART). */
long board_console_read(char *buf, size_t max);
/* Optional (the backend has a weak default that does nothing): called with 1
 * when console input is wanted (plat_console_read_start) and 0 when it no
 * longer is. linux-lwip watches stdin and catches SIGINT only while it is on,
 * as the POSIX backend does; a UART board may ignore it. */
void board_console_input(int on);

size_t board_rss(void);      /* resident memory if known, else 0 */
void board_exit(int status); /* never returns */

#endif
