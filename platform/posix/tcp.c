/* POSIX backend: TCP on non-blocking sockets watched by the poller. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "posix.h"

struct plat_tcp {
  pio io; /* first: the poller hands us &t->io */
  plat_tcp_cb cb;
  void *user;
  deferred pending; /* a synchronous connect failure, reported asynchronously */
  int pending_err;
  char *path; /* the file a UNIX-domain listener is bound to: removed on close */
  unsigned listening : 1, connecting : 1, reading : 1, want_write : 1, eof : 1, closed : 1;
};

/* One receive buffer for every socket: DATA bytes are valid during the callback only. */
static uint8_t read_buf[65536];

static void emit(plat_tcp *t, plat_tcp_event *ev)
{
  if (t->cb && !t->closed) t->cb(t, ev, t->user);
}

static void emit_error(plat_tcp *t, int err)
{
  plat_tcp_event ev = { .type = PLAT_TCP_ERROR, .err = err };
  t->reading = t->want_write = t->connecting = 0;
  pio_update(&t->io, 0);
  emit(t, &ev);
}

static uint32_t wanted_events(plat_tcp *t)
{
  uint32_t e = 0;
  if (t->listening || (t->reading && !t->eof && !t->connecting)) e |= PIO_IN;
  if (t->connecting || t->want_write) e |= PIO_OUT;
  return e;
}

static void rearm(plat_tcp *t)
{
  if (!t->closed && t->io.fd >= 0) pio_update(&t->io, wanted_events(t));
}

int posix_to_sockaddr(const plat_addr *a, struct sockaddr_storage *ss, socklen_t *len)
{
  memset(ss, 0, sizeof *ss);
  if (a->family == 4) {
    struct sockaddr_in *s = (struct sockaddr_in *)ss;
    s->sin_family = AF_INET;
    s->sin_port = htons(a->port);
    memcpy(&s->sin_addr, a->bytes, 4);
    *len = sizeof *s;
  } else {
    struct sockaddr_in6 *s = (struct sockaddr_in6 *)ss;
    s->sin6_family = AF_INET6;
    s->sin6_port = htons(a->port);
    memcpy(&s->sin6_addr, a->bytes, 16);
    s->sin6_scope_id = a->scope_id;
    *len = sizeof *s;
  }
  return 0;
}

int posix_from_sockaddr(const struct sockaddr_storage *ss, plat_addr *a)
{
  memset(a, 0, sizeof *a);
  if (ss->ss_family != AF_INET && ss->ss_family != AF_INET6) return PLAT_EAFNOSUPPORT; /* AF_UNIX */
  if (ss->ss_family == AF_INET) {
    const struct sockaddr_in *s = (const struct sockaddr_in *)ss;
    a->family = 4;
    a->port = ntohs(s->sin_port);
    memcpy(a->bytes, &s->sin_addr, 4);
  } else {
    const struct sockaddr_in6 *s = (const struct sockaddr_in6 *)ss;
    a->family = 6;
    a->port = ntohs(s->sin6_port);
    memcpy(a->bytes, &s->sin6_addr, 16);
    a->scope_id = s->sin6_scope_id;
  }
  return 0;
}

/* A descriptor held in reserve for running out of them. When accept fails
 * with EMFILE/ENFILE the connection stays in the backlog and the listener stays
 * readable: a level-triggered poller would spin on it. Closing the reserve
 * lets us accept the waiting connections and close them at once (the peers see
 * the connection end instead of hanging), then the reserve is taken again. */
static int reserve_fd = -1;

static void take_reserve(void)
{
  if (reserve_fd < 0) reserve_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
}

static void drop_waiting_connections(int listen_fd)
{
  if (reserve_fd < 0) return;
  close(reserve_fd);
  reserve_fd = -1;
  int fd;
  while ((fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC)) >= 0) close(fd);
  take_reserve();
}

static void on_accept_ready(plat_tcp *t)
{
  /* Bounded per wakeup so one busy listener cannot starve the loop. */
  for (int i = 0; i < 64 && !t->closed; i++) {
    int fd = accept4(t->io.fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EAGAIN || errno == EINTR || errno == ECONNABORTED) return;
      int e = errno;
      if (e == EMFILE || e == ENFILE) drop_waiting_connections(t->io.fd);
      emit_error(t, host_error(e));
      rearm(t); /* a listener survives EMFILE and friends */
      return;
    }
    plat_tcp *c = calloc(1, sizeof *c);
    if (!c) {
      close(fd);
      continue;
    }
    c->io.fd = fd;
    plat_tcp_event ev = { .type = PLAT_TCP_ACCEPTED, .child = c };
    emit(t, &ev);
  }
}

static void on_readable(plat_tcp *t)
{
  ssize_t n = recv(t->io.fd, read_buf, sizeof read_buf, 0);
  if (n > 0) {
    plat_tcp_event ev = { .type = PLAT_TCP_DATA, .data = read_buf, .len = (size_t)n };
    emit(t, &ev);
  } else if (n == 0) {
    t->eof = 1;
    rearm(t);
    plat_tcp_event ev = { .type = PLAT_TCP_EOF };
    emit(t, &ev);
  } else if (errno != EAGAIN && errno != EINTR) {
    emit_error(t, host_error(errno));
  }
}

static void on_io(pio *p, uint32_t revents)
{
  plat_tcp *t = (plat_tcp *)p;
  if (t->listening) {
    on_accept_ready(t);
    return;
  }
  if (t->connecting) {
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) {
      emit_error(t, host_error(err));
      return;
    }
    if (!(revents & (PIO_OUT | PIO_ERR | PIO_HUP))) return;
    t->connecting = 0;
    rearm(t);
    plat_tcp_event ev = { .type = PLAT_TCP_CONNECTED };
    emit(t, &ev);
    return;
  }
  if ((revents & (PIO_IN | PIO_HUP | PIO_ERR)) && t->reading && !t->eof) on_readable(t);
  if (t->closed) return;
  if ((revents & (PIO_OUT | PIO_ERR | PIO_HUP)) && t->want_write) {
    t->want_write = 0;
    rearm(t);
    plat_tcp_event ev = { .type = PLAT_TCP_WRITABLE };
    emit(t, &ev);
  } else if ((revents & PIO_ERR) && !t->reading) {
    /* An error we would not otherwise notice while reading is paused. */
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) emit_error(t, host_error(err));
  }
}

static void run_pending(deferred *d)
{
  plat_tcp *t = (plat_tcp *)((char *)d - offsetof(plat_tcp, pending));
  if (t->closed) {
    posix_free_later(t);
    return;
  } /* closed while queued: release() left it to us */
  if (t->pending_err) emit_error(t, t->pending_err);
}

plat_tcp *plat_tcp_new(plat_tcp_cb cb, void *user)
{
  plat_tcp *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  t->io.fd = -1;
  t->io.on_io = on_io;
  t->cb = cb;
  t->user = user;
  t->pending.run = run_pending;
  return t;
}

void plat_tcp_set_callback(plat_tcp *t, plat_tcp_cb cb, void *user)
{
  t->cb = cb;
  t->user = user;
  t->io.on_io = on_io;
  t->pending.run = run_pending;
}

static int open_socket(plat_tcp *t, int family)
{
  int fd = socket(family == 6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return host_error(errno);
  t->io.fd = fd;
  return 0;
}

int plat_tcp_listen(plat_tcp *t, const plat_addr *addr, int backlog, unsigned flags)
{
  if (t->closed) return PLAT_EBADF;
  if (t->io.fd >= 0) return PLAT_EINVAL; /* already listening or connected (Linux's answer) */
  int r = open_socket(t, addr->family);
  if (r) return r;
  int one = 1, v6only = (flags & PLAT_LISTEN_V6ONLY) ? 1 : 0;
  setsockopt(t->io.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (addr->family == 6) setsockopt(t->io.fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only);
  struct sockaddr_storage ss;
  socklen_t len;
  posix_to_sockaddr(addr, &ss, &len);
  if (bind(t->io.fd, (struct sockaddr *)&ss, len) != 0 || listen(t->io.fd, backlog) != 0) {
    int e = host_error(errno);
    close(t->io.fd);
    t->io.fd = -1;
    return e;
  }
  t->listening = 1;
  take_reserve();
  rearm(t);
  return 0;
}

int plat_tcp_connect(plat_tcp *t, const plat_addr *remote, const plat_addr *local)
{
  /* A call in the wrong state is a coded error, never a second descriptor. */
  if (t->closed) return PLAT_EBADF;
  if (t->connecting) return PLAT_EALREADY;
  /* Connected or listening: EISCONN, what Linux says (after the one more connect()
   * it accepts following a non-blocking one; net.js gives Node's result for that). */
  if (t->io.fd >= 0) return PLAT_EISCONN;
  int r = open_socket(t, remote->family);
  if (r) return r;
  struct sockaddr_storage ss;
  socklen_t len;
  if (local) {
    posix_to_sockaddr(local, &ss, &len);
    if (bind(t->io.fd, (struct sockaddr *)&ss, len) != 0) return host_error(errno);
  }
  posix_to_sockaddr(remote, &ss, &len);
  t->connecting = 1;
  if (connect(t->io.fd, (struct sockaddr *)&ss, len) != 0 && errno != EINPROGRESS) {
    t->pending_err = host_error(errno); /* reported from the loop, like a late failure */
    defer(&t->pending);
    return 0;
  }
  rearm(t);
  return 0;
}

/* ---- UNIX-domain sockets ---------------------------------------------- */

/* libuv's address for a name: longer names are cut to sun_path's size (no
 * terminating NUL needed on Linux); an abstract name ('\0' first) counts
 * exactly its bytes. */
static socklen_t unix_sockaddr(const char *path, size_t len, struct sockaddr_un *sa)
{
  memset(sa, 0, sizeof *sa);
  sa->sun_family = AF_UNIX;
  if (len > sizeof sa->sun_path) len = sizeof sa->sun_path;
  memcpy(sa->sun_path, path, len);
  if (len > 0 && path[0] == '\0') return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
  return (socklen_t)sizeof *sa;
}

static int open_unix_socket(plat_tcp *t)
{
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return host_error(errno);
  t->io.fd = fd;
  return 0;
}

int plat_tcp_listen_path(plat_tcp *t, const char *path, size_t len, int backlog)
{
  if (t->closed) return PLAT_EBADF;
  if (t->io.fd >= 0) return PLAT_EINVAL; /* already listening or connected */
  if (len == 0) return PLAT_EINVAL;
  struct sockaddr_un sa;
  socklen_t salen = unix_sockaddr(path, len, &sa);
  char *file = NULL;
  if (path[0] != '\0') { /* kept to remove the file on close: the name as given, as libuv */
    file = malloc(len + 1);
    if (!file) return PLAT_ENOMEM;
    memcpy(file, path, len);
    file[len] = '\0';
  }
  int r = open_unix_socket(t);
  if (r) {
    free(file);
    return r;
  }
  if (bind(t->io.fd, (struct sockaddr *)&sa, salen) != 0) {
    int e = errno == ENOENT ? EACCES : errno; /* libuv's answer for a missing directory */
    close(t->io.fd);
    t->io.fd = -1;
    free(file);
    return host_error(e);
  }
  if (listen(t->io.fd, backlog) != 0) {
    int e = host_error(errno);
    close(t->io.fd);
    t->io.fd = -1;
    if (file) unlink(file);
    free(file);
    return e;
  }
  t->path = file;
  t->listening = 1;
  take_reserve();
  rearm(t);
  return 0;
}

int plat_tcp_connect_path(plat_tcp *t, const char *path, size_t len)
{
  /* The same state checks as plat_tcp_connect: never a second descriptor. */
  if (t->closed) return PLAT_EBADF;
  if (t->connecting) return PLAT_EALREADY;
  if (t->io.fd >= 0) return PLAT_EISCONN;
  if (len == 0) return PLAT_EINVAL;
  struct sockaddr_un sa;
  socklen_t salen = unix_sockaddr(path, len, &sa);
  int r = open_unix_socket(t);
  if (r) return r;
  t->connecting = 1;
  /* A UNIX-domain connect() finishes at once (or EAGAIN: the listener's backlog is
   * full, which libuv reports too); completion still comes from the loop. */
  if (connect(t->io.fd, (struct sockaddr *)&sa, salen) != 0 && errno != EINPROGRESS) {
    t->pending_err = host_error(errno);
    defer(&t->pending);
    return 0;
  }
  rearm(t);
  return 0;
}

int plat_tcp_path_chmod(plat_tcp *t, unsigned flags)
{
  if (t->closed || t->io.fd < 0) return PLAT_EBADF;
  if (!t->path) return PLAT_EINVAL; /* not listening on a file (abstract name, TCP) */
  struct stat st;
  if (stat(t->path, &st) != 0) return host_error(errno);
  mode_t mode = st.st_mode & 07777;
  if (flags & PLAT_PATH_READABLE_ALL) mode |= S_IRUSR | S_IRGRP | S_IROTH;
  if (flags & PLAT_PATH_WRITABLE_ALL) mode |= S_IWUSR | S_IWGRP | S_IWOTH;
  return chmod(t->path, mode) == 0 ? 0 : host_error(errno);
}

long plat_tcp_write(plat_tcp *t, const void *buf, size_t len)
{
  if (t->closed || t->io.fd < 0) return PLAT_EBADF;
  ssize_t n = send(t->io.fd, buf, len, MSG_NOSIGNAL);
  if (n < 0) {
    if (errno == EAGAIN || errno == EINTR)
      n = 0;
    else
      return host_error(errno);
  }
  if ((size_t)n < len && !t->want_write) {
    t->want_write = 1;
    rearm(t);
  }
  return (long)n;
}

int plat_tcp_shutdown(plat_tcp *t)
{
  if (t->io.fd < 0) return PLAT_EBADF;
  return shutdown(t->io.fd, SHUT_WR) == 0 ? 0 : host_error(errno);
}

void plat_tcp_read_start(plat_tcp *t)
{
  if (t->reading) return;
  t->reading = 1;
  rearm(t);
}

void plat_tcp_read_stop(plat_tcp *t)
{
  if (!t->reading) return;
  t->reading = 0;
  rearm(t);
}

int plat_tcp_set_keepalive(plat_tcp *t, int enable, unsigned idle_seconds)
{
  if (t->io.fd < 0) return PLAT_EBADF;
  int on = enable ? 1 : 0;
  if (setsockopt(t->io.fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on) != 0) return host_error(errno);
  if (enable && idle_seconds >= 1) {
    int idle = (int)idle_seconds;
    setsockopt(t->io.fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
  }
  return 0;
}

int plat_tcp_set_nodelay(plat_tcp *t, int enable)
{
  if (t->io.fd < 0) return PLAT_EBADF;
  int on = enable ? 1 : 0;
  return setsockopt(t->io.fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) == 0 ? 0 : host_error(errno);
}

static int get_addr(plat_tcp *t, plat_addr *out, int peer)
{
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  if (t->io.fd < 0) return PLAT_EBADF;
  int r = peer ? getpeername(t->io.fd, (struct sockaddr *)&ss, &len)
               : getsockname(t->io.fd, (struct sockaddr *)&ss, &len);
  if (r != 0) return host_error(errno);
  return posix_from_sockaddr(&ss, out);
}

int plat_tcp_local_addr(plat_tcp *t, plat_addr *out) { return get_addr(t, out, 0); }
int plat_tcp_remote_addr(plat_tcp *t, plat_addr *out) { return get_addr(t, out, 1); }

static void release(plat_tcp *t)
{
  t->closed = 1;
  if (t->io.fd >= 0) {
    pio_forget(&t->io);
    close(t->io.fd);
    t->io.fd = -1;
  }
  if (t->path) { /* as libuv: a listener's socket file goes with it */
    unlink(t->path);
    free(t->path);
    t->path = NULL;
  }
  /* A queued deferred entry still points at t; it checks t->closed when it runs. */
  if (t->pending.queued) return;
  posix_free_later(t);
}

void plat_tcp_close(plat_tcp *t) { release(t); }

void plat_tcp_abort(plat_tcp *t)
{
  if (t->io.fd >= 0) {
    struct linger l = { 1, 0 }; /* close() then sends RST */
    setsockopt(t->io.fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  }
  release(t);
}
