/* POSIX backend: UDP on non-blocking datagram sockets watched by the poller. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "posix.h"

struct plat_udp {
  pio io; /* first: the poller hands us &u->io */
  plat_udp_cb cb;
  void *user;
  uint8_t family;
  uint32_t dropped; /* the kernel's count of what this socket's full buffer dropped (SO_RXQ_OVFL) */
  unsigned reading : 1, closed : 1, counted : 1;
};

/* One receive buffer for every socket (a datagram is at most 64 KiB): the data of
 * a PLAT_UDP_MESSAGE is valid during the callback only. */
static uint8_t recv_buf[65536];

static void rearm(plat_udp *u)
{
  if (!u->closed && u->io.fd >= 0) pio_update(&u->io, u->reading ? PIO_IN : 0);
}

static void on_io(pio *p, uint32_t revents)
{
  plat_udp *u = (plat_udp *)p;
  (void)revents;
  /* At most 32 datagrams a wake-up (libuv's count): one busy socket cannot starve the loop. */
  for (int i = 0; i < 32 && u->reading && !u->closed; i++) {
    struct sockaddr_storage ss;
    union {
      struct cmsghdr h;
      char buf[CMSG_SPACE(sizeof(uint32_t))];
    } ctl;
    struct iovec iov = { recv_buf, sizeof recv_buf };
    struct msghdr mh = { .msg_name = &ss, .msg_namelen = sizeof ss, .msg_iov = &iov, .msg_iovlen = 1 };
#ifdef SO_RXQ_OVFL
    mh.msg_control = ctl.buf;
    mh.msg_controllen = sizeof ctl.buf;
#endif
    ssize_t n = recvmsg(u->io.fd, &mh, 0);
    plat_udp_event ev;
    memset(&ev, 0, sizeof ev);
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) return;
      ev.type = PLAT_UDP_ERROR;
      ev.err = host_error(errno);
    } else {
      ev.type = PLAT_UDP_MESSAGE;
      ev.data = recv_buf;
      ev.len = (size_t)n;
      posix_from_sockaddr(&ss, &ev.from);
#ifdef SO_RXQ_OVFL
      for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_RXQ_OVFL) memcpy(&u->dropped, CMSG_DATA(c), sizeof u->dropped);
#endif
    }
    if (u->cb) u->cb(u, &ev, u->user);
  }
}

plat_udp *plat_udp_new(int family, plat_udp_cb cb, void *user)
{
  plat_udp *u = calloc(1, sizeof *u);
  if (!u) return NULL;
  u->io.fd = -1;
  u->io.on_io = on_io;
  u->cb = cb;
  u->user = user;
  u->family = family == 6 ? 6 : 4;
  return u;
}

int plat_udp_bind(plat_udp *u, const plat_addr *addr, unsigned flags)
{
  if (u->closed) return PLAT_EBADF;
  if (u->io.fd >= 0) return PLAT_EINVAL;
  if (addr->family != u->family) return PLAT_EINVAL;
  int fd = socket(u->family == 6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return host_error(errno);
  int one = 1;
#ifdef SO_RXQ_OVFL
  u->counted = setsockopt(fd, SOL_SOCKET, SO_RXQ_OVFL, &one, sizeof one) == 0; /* the kernel counts our drops */
#endif
  if (flags & PLAT_UDP_REUSEADDR) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (u->family == 6) {
    int v6only = (flags & PLAT_UDP_V6ONLY) ? 1 : 0;
    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only);
  }
  struct sockaddr_storage ss;
  socklen_t len;
  posix_to_sockaddr(addr, &ss, &len);
  if (bind(fd, (struct sockaddr *)&ss, len) != 0) {
    int e = host_error(errno);
    close(fd);
    return e;
  }
  u->io.fd = fd;
  rearm(u);
  return 0;
}

int plat_udp_connect(plat_udp *u, const plat_addr *remote)
{
  if (u->closed || u->io.fd < 0) return PLAT_EBADF;
  struct sockaddr_storage ss;
  socklen_t len;
  if (remote) {
    posix_to_sockaddr(remote, &ss, &len);
  } else {
    memset(&ss, 0, sizeof ss);
    ss.ss_family = AF_UNSPEC;
    len = sizeof ss;
  }
  if (connect(u->io.fd, (struct sockaddr *)&ss, len) != 0) {
    /* Linux answers AF_UNSPEC with EAFNOSUPPORT on some kernels while it disconnects */
    if (!remote && errno == EAFNOSUPPORT) return 0;
    return host_error(errno);
  }
  return 0;
}

int plat_udp_send(plat_udp *u, const void *data, size_t len, const plat_addr *to)
{
  if (u->closed || u->io.fd < 0) return PLAT_EBADF;
  ssize_t n;
  if (to) {
    struct sockaddr_storage ss;
    socklen_t sl;
    posix_to_sockaddr(to, &ss, &sl);
    do
      n = sendto(u->io.fd, data, len, 0, (struct sockaddr *)&ss, sl);
    while (n < 0 && errno == EINTR);
  } else {
    do
      n = send(u->io.fd, data, len, 0);
    while (n < 0 && errno == EINTR);
  }
  return n < 0 ? host_error(errno) : 0;
}

void plat_udp_recv_start(plat_udp *u)
{
  u->reading = 1;
  rearm(u);
}

void plat_udp_recv_stop(plat_udp *u)
{
  u->reading = 0;
  rearm(u);
}

static int name_of(plat_udp *u, plat_addr *out, int peer)
{
  if (u->closed || u->io.fd < 0) return PLAT_EBADF;
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  int r = peer ? getpeername(u->io.fd, (struct sockaddr *)&ss, &len) : getsockname(u->io.fd, (struct sockaddr *)&ss, &len);
  if (r != 0) return host_error(errno);
  return posix_from_sockaddr(&ss, out);
}

int plat_udp_local_addr(plat_udp *u, plat_addr *out) { return name_of(u, out, 0); }
int plat_udp_remote_addr(plat_udp *u, plat_addr *out) { return name_of(u, out, 1); }

static int set_int(plat_udp *u, int level, int name, int v)
{
  if (u->closed || u->io.fd < 0) return PLAT_EBADF;
  return setsockopt(u->io.fd, level, name, &v, sizeof v) == 0 ? 0 : host_error(errno);
}

int plat_udp_set_broadcast(plat_udp *u, int on) { return set_int(u, SOL_SOCKET, SO_BROADCAST, on ? 1 : 0); }

int plat_udp_set_ttl(plat_udp *u, int ttl)
{
  if (ttl < 1 || ttl > 255) return PLAT_EINVAL;
  return u->family == 6 ? set_int(u, IPPROTO_IPV6, IPV6_UNICAST_HOPS, ttl) : set_int(u, IPPROTO_IP, IP_TTL, ttl);
}

int plat_udp_set_multicast_ttl(plat_udp *u, int ttl)
{
  if (ttl < 0 || ttl > 255) return PLAT_EINVAL;
  return u->family == 6 ? set_int(u, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, ttl)
                        : set_int(u, IPPROTO_IP, IP_MULTICAST_TTL, ttl);
}

int plat_udp_set_multicast_loop(plat_udp *u, int on)
{
  return u->family == 6 ? set_int(u, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, on ? 1 : 0)
                        : set_int(u, IPPROTO_IP, IP_MULTICAST_LOOP, on ? 1 : 0);
}

int plat_udp_membership(plat_udp *u, const plat_addr *group, const plat_addr *iface, int join)
{
  if (u->closed || u->io.fd < 0) return PLAT_EBADF;
  int r;
  if (group->family == 4) {
    if (u->family != 4) return PLAT_EINVAL;
    struct ip_mreq m;
    memset(&m, 0, sizeof m);
    memcpy(&m.imr_multiaddr, group->bytes, 4);
    if (iface) memcpy(&m.imr_interface, iface->bytes, 4);
    r = setsockopt(u->io.fd, IPPROTO_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &m, sizeof m);
  } else {
    if (u->family != 6) return PLAT_EINVAL;
    struct ipv6_mreq m;
    memset(&m, 0, sizeof m);
    memcpy(&m.ipv6mr_multiaddr, group->bytes, 16);
    m.ipv6mr_interface = iface ? iface->scope_id : 0;
    r = setsockopt(u->io.fd, IPPROTO_IPV6, join ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP, &m, sizeof m);
  }
  return r == 0 ? 0 : host_error(errno);
}

int plat_udp_set_multicast_iface(plat_udp *u, const plat_addr *iface)
{
  if (u->closed || u->io.fd < 0) return PLAT_EBADF;
  int r;
  if (u->family == 4) {
    if (iface->family != 4) return PLAT_EINVAL;
    struct in_addr a;
    memcpy(&a, iface->bytes, 4);
    r = setsockopt(u->io.fd, IPPROTO_IP, IP_MULTICAST_IF, &a, sizeof a);
  } else {
    unsigned idx = iface->scope_id;
    r = setsockopt(u->io.fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &idx, sizeof idx);
  }
  return r == 0 ? 0 : host_error(errno);
}

int plat_udp_buffer_size(plat_udp *u, int which, int size, int *out)
{
  if (u->closed || u->io.fd < 0) return PLAT_EBADF;
  int name = which ? SO_SNDBUF : SO_RCVBUF;
  if (size > 0) {
    if (setsockopt(u->io.fd, SOL_SOCKET, name, &size, sizeof size) != 0) return host_error(errno);
  }
  int v = 0;
  socklen_t len = sizeof v;
  if (getsockopt(u->io.fd, SOL_SOCKET, name, &v, &len) != 0) return host_error(errno);
  if (out) *out = v;
  return 0;
}

/* What the kernel dropped for a full buffer, as of the last datagram read (Linux's
 * SO_RXQ_OVFL; 0 where the system has no such count). */
long plat_udp_dropped(plat_udp *u) { return u->counted ? (long)u->dropped : -1; }

void plat_udp_close(plat_udp *u)
{
  if (u->closed) return;
  u->closed = 1;
  u->cb = NULL;
  if (u->io.fd >= 0) {
    pio_forget(&u->io);
    close(u->io.fd);
    u->io.fd = -1;
  }
  posix_free_later(u); /* the current poll batch may still point at it */
}
