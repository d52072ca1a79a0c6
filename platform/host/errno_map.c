/* errno -> portable error code: the single mapping point of every host build. */
#include <errno.h>
#include "host.h"

int host_error(int e)
{
  switch (e) {
    /* a table, one error a cell */
    // clang-format off
#define MAP(name, value, text) case name: return PLAT_##name;
  MAP(EPERM, 0, 0) MAP(ENOENT, 0, 0) MAP(EINTR, 0, 0) MAP(EIO, 0, 0) MAP(EBADF, 0, 0)
  MAP(EAGAIN, 0, 0) MAP(ENOMEM, 0, 0) MAP(EACCES, 0, 0) MAP(EBUSY, 0, 0) MAP(EEXIST, 0, 0)
  MAP(ENOTDIR, 0, 0) MAP(EISDIR, 0, 0) MAP(EINVAL, 0, 0) MAP(EMFILE, 0, 0) MAP(ENOSPC, 0, 0) MAP(EPIPE, 0, 0)
  MAP(ENOTSUP, 0, 0) MAP(EAFNOSUPPORT, 0, 0) MAP(EADDRINUSE, 0, 0) MAP(EADDRNOTAVAIL, 0, 0)
  MAP(ENETDOWN, 0, 0) MAP(ENETUNREACH, 0, 0) MAP(ECONNABORTED, 0, 0) MAP(ECONNRESET, 0, 0)
  MAP(ENOBUFS, 0, 0) MAP(EISCONN, 0, 0) MAP(ENOTCONN, 0, 0) MAP(ETIMEDOUT, 0, 0)
  MAP(ECONNREFUSED, 0, 0) MAP(EHOSTUNREACH, 0, 0) MAP(EALREADY, 0, 0) MAP(ECANCELED, 0, 0)
  MAP(EXDEV, 0, 0) MAP(EROFS, 0, 0) MAP(ENAMETOOLONG, 0, 0) MAP(ENOSYS, 0, 0)
  MAP(ENOTEMPTY, 0, 0) MAP(ELOOP, 0, 0) MAP(EMSGSIZE, 0, 0) MAP(EDESTADDRREQ, 0, 0) MAP(ENOPROTOOPT, 0, 0)
#undef MAP
  case ENFILE: return PLAT_EMFILE;
      // clang-format on
    default: return PLAT_EUNKNOWN;
  }
}
