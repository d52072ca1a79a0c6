/*
 * Portable error codes. Values are the negated Linux errno numbers because
 * that is what Node reports in err.errno on every system (-111 for ECONNREFUSED);
 * DNS failures use libuv's EAI codes (-3008 ENOTFOUND).
 */
#ifndef PETREL_PLATFORM_ERRORS_H
#define PETREL_PLATFORM_ERRORS_H

#define PLAT_ERROR_LIST(X)                                                                                             \
  X(EPERM, -1, "operation not permitted")                                                                              \
  X(ENOENT, -2, "no such file or directory")                                                                           \
  X(EINTR, -4, "interrupted system call")                                                                              \
  X(EIO, -5, "i/o error")                                                                                              \
  X(EBADF, -9, "bad file descriptor")                                                                                  \
  X(EAGAIN, -11, "resource temporarily unavailable")                                                                   \
  X(ENOMEM, -12, "not enough memory")                                                                                  \
  X(EACCES, -13, "permission denied")                                                                                  \
  X(EBUSY, -16, "resource busy or locked")                                                                             \
  X(EEXIST, -17, "file already exists")                                                                                \
  X(EXDEV, -18, "cross-device link not permitted")                                                                     \
  X(ENOTDIR, -20, "not a directory")                                                                                   \
  X(EISDIR, -21, "illegal operation on a directory")                                                                   \
  X(EINVAL, -22, "invalid argument")                                                                                   \
  X(EMFILE, -24, "too many open files")                                                                                \
  X(ENOSPC, -28, "no space left on device")                                                                            \
  X(EROFS, -30, "read-only file system")                                                                               \
  X(EPIPE, -32, "broken pipe")                                                                                         \
  X(ENAMETOOLONG, -36, "name too long")                                                                                \
  X(ENOSYS, -38, "function not implemented")                                                                           \
  X(ENOTEMPTY, -39, "directory not empty")                                                                             \
  X(ELOOP, -40, "too many symbolic links encountered")                                                                 \
  X(EDESTADDRREQ, -89, "destination address required")                                                                \
  X(EMSGSIZE, -90, "message too long")                                                                                \
  X(ENOPROTOOPT, -92, "protocol not available")                                                                       \
  X(ENOTSUP, -95, "operation not supported on socket")                                                                 \
  X(EAFNOSUPPORT, -97, "address family not supported")                                                                 \
  X(EADDRINUSE, -98, "address already in use")                                                                         \
  X(EADDRNOTAVAIL, -99, "address not available")                                                                       \
  X(ENETDOWN, -100, "network is down")                                                                                 \
  X(ENETUNREACH, -101, "network is unreachable")                                                                       \
  X(ECONNABORTED, -103, "software caused connection abort")                                                            \
  X(ECONNRESET, -104, "connection reset by peer")                                                                      \
  X(ENOBUFS, -105, "no buffer space available")                                                                        \
  X(EISCONN, -106, "socket is already connected")                                                                      \
  X(ENOTCONN, -107, "socket is not connected")                                                                         \
  X(ETIMEDOUT, -110, "connection timed out")                                                                           \
  X(ECONNREFUSED, -111, "connection refused")                                                                          \
  X(EHOSTUNREACH, -113, "host is unreachable")                                                                         \
  X(EALREADY, -114, "connection already in progress")                                                                  \
  X(ECANCELED, -125, "operation canceled")                                                                             \
  X(EAI_AGAIN, -3001, "temporary failure")                                                                             \
  X(EAI_FAIL, -3002, "permanent failure")                                                                              \
  X(EAI_NODATA, -3007, "no address")                                                                                   \
  X(ENOTFOUND, -3008, "unknown node or service")                                                                       \
  X(EAI_SYSTEM, -3011, "system error")                                                                                 \
  X(EOF, -4095, "end of file")

enum {
#define PLAT_ERR_ENUM(name, value, text) PLAT_##name = (value),
  PLAT_ERROR_LIST(PLAT_ERR_ENUM)
#undef PLAT_ERR_ENUM
      PLAT_EUNKNOWN = -4094
};

/* "ECONNREFUSED" for PLAT_ECONNREFUSED; "UNKNOWN" for anything else. */
const char *plat_strerror_code(int err);
/* "connection refused" */
const char *plat_strerror_text(int err);
/* PLAT_ECONNREFUSED for "ECONNREFUSED"; 0 for a name not in the list. */
int plat_error_by_name(const char *name);

#endif
