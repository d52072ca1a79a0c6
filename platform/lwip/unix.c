/* UNIX-domain sockets on the lwIP backend: lwIP has none, so every call is a
 * coded error and no handle state changes (docs/net.md, "UNIX-domain sockets").
 * connect: ENOENT when nothing exists at the path (what any system reports, so a
 * script's "is the daemon there?" check reads the same), else ENOTSUP;
 * listen: ENOTSUP. net.js reports both as an asynchronous 'error'. */
#include "../platform.h"

int plat_tcp_listen_path(plat_tcp *t, const char *path, size_t len, int backlog)
{
  (void)t;
  (void)path;
  (void)len;
  (void)backlog;
  return PLAT_ENOTSUP;
}

int plat_tcp_connect_path(plat_tcp *t, const char *path, size_t len)
{
  (void)t;
  if (len == 0) return PLAT_EINVAL;
  if (path[0] != '\0' && plat_file_kind(path) == 0) return PLAT_ENOENT;
  return PLAT_ENOTSUP;
}

int plat_tcp_path_chmod(plat_tcp *t, unsigned flags)
{
  (void)t;
  (void)flags;
  return PLAT_ENOTSUP;
}
