/* linux-lwip internals shared by board.c and tap.c. */
#ifndef PETREL_LINUX_LWIP_BOARD_H
#define PETREL_LINUX_LWIP_BOARD_H

/* The TAP device's file descriptor, or -1 when only loopback exists. */
int tap_fd(void);

#endif
