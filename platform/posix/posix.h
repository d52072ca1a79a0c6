/* Internals shared by the POSIX backend's files (not part of platform.h). */
#ifndef PETREL_POSIX_H
#define PETREL_POSIX_H

#include <stdint.h>
#include <sys/socket.h>
#include "../platform.h"
#include "../host/host.h"

/* Readiness bits, whichever poller is underneath (see poller.h). */
enum { PIO_IN = 1, PIO_OUT = 2, PIO_ERR = 4, PIO_HUP = 8 };

/* A file descriptor watched by the poller. */
typedef struct pio pio;
struct pio {
  int fd;
  uint32_t events; /* PIO_IN | PIO_OUT currently wanted */
  int registered;
  void (*on_io)(pio *p, uint32_t revents);
};

int pio_update(pio *p, uint32_t events); /* add/modify/remove as needed */
void pio_forget(pio *p);                 /* before close(fd) */

/* Work to run at the start of the next plat_wait (synthetic async events). */
typedef struct deferred deferred;
struct deferred {
  deferred *next;
  int queued;
  void (*run)(deferred *d);
};
void defer(deferred *d);

/* plat_addr <-> sockaddr (tcp.c; udp.c uses them too) */
int posix_to_sockaddr(const plat_addr *a, struct sockaddr_storage *ss, socklen_t *len);
int posix_from_sockaddr(const struct sockaddr_storage *ss, plat_addr *a);

int posix_console_poll(void);     /* runs console input the poller cannot watch */
void posix_free_later(void *ptr); /* free() once the current poll batch is over */

#endif
