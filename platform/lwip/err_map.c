/* lwIP err_t -> portable error code: the lwIP backend's single mapping point. */
#include "lwip_backend.h"

int lw_error(err_t err, int connecting)
{
  switch (err) {
    case ERR_OK: return 0;
    case ERR_MEM: return PLAT_ENOMEM;
    case ERR_BUF: return PLAT_ENOBUFS;
    case ERR_TIMEOUT: return PLAT_ETIMEDOUT;
    case ERR_RTE: return PLAT_ENETUNREACH; /* no route: what Linux says for an unroutable destination */
    case ERR_INPROGRESS: return PLAT_EALREADY;
    case ERR_VAL: return PLAT_EINVAL;
    case ERR_WOULDBLOCK: return PLAT_EAGAIN;
    case ERR_USE: return PLAT_EADDRINUSE;
    case ERR_ALREADY: return PLAT_EALREADY;
    case ERR_ISCONN: return PLAT_EISCONN;
    case ERR_CONN: return PLAT_ENOTCONN;
    case ERR_IF: return PLAT_ENETDOWN;
    /* The stack gave up on the connection: SYN or data retransmissions or
   * keepalive probes ran out (we never abort a pcb that still has our callbacks). */
    case ERR_ABRT: return PLAT_ETIMEDOUT;
    /* An RST: to a SYN it means nobody listens there. */
    case ERR_RST: return connecting ? PLAT_ECONNREFUSED : PLAT_ECONNRESET;
    /* Closed by lwIP while connecting (cannot normally happen); otherwise a
   * closed connection (tcp.c treats ERR_CLSD after a clean close as no error). */
    case ERR_CLSD: return connecting ? PLAT_ECONNREFUSED : PLAT_ENOTCONN;
    case ERR_ARG: return PLAT_EINVAL;
    default: return PLAT_EUNKNOWN;
  }
}
