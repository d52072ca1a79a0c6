// sources: platform/posix/tcp.c platform/posix/sys.c platform/posix/dns.c platform/posix/wait.c platform/posix/poller_epoll.c platform/host/errno_map.c platform/host/host.c platform/host/sys_host.c platform/addr.c platform/errors.c
/* UNIX-domain sockets on the POSIX backend (plat_tcp_listen_path/connect_path):
 * the same handle and events as TCP, libuv's answers for the errors. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tcp_harness.h"

static char dir[64];

static void setup(void)
{
  cr_assert_eq(plat_init(0, NULL), 0);
  snprintf(dir, sizeof dir, "/tmp/petrel-unix-%d", (int)getpid());
  mkdir(dir, 0700);
}

static void teardown(void) { rmdir(dir); }

TestSuite(unix_posix, .init = setup, .fini = teardown, .timeout = 30);

static const char *sock_path(const char *name)
{
  static char buf[128];
  snprintf(buf, sizeof buf, "%s/%s", dir, name);
  return buf;
}

static int exists(const char *p)
{
  struct stat st;
  return lstat(p, &st) == 0;
}

static void listen_path(peer *l, peer *child, const char *p, size_t len)
{
  l->t = plat_tcp_new(on_event, l);
  l->child = child;
  l->nchild = child ? 1 : 0;
  l->child_reads = 1;
  l->is_listener = 1;
  cr_assert_eq(plat_tcp_listen_path(l->t, p, len, 8), 0);
}

Test(unix_posix, connect_exchange_and_close_removes_the_file)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  char p[128];
  snprintf(p, sizeof p, "%s", sock_path("a.sock"));
  listen_path(&l, &s, p, strlen(p));
  cr_assert(exists(p), "the socket file exists while listening");
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect_path(c.t, p, strlen(p)), 0);
  cr_assert(WAIT_UNTIL(c.connected && s.t, 2000));
  plat_addr a;
  cr_assert_neq(plat_tcp_remote_addr(c.t, &a), 0, "a UNIX-domain socket has no IP address");
  cr_assert_neq(plat_tcp_local_addr(s.t, &a), 0);
  plat_tcp_read_start(c.t);
  cr_assert_eq(plat_tcp_write(c.t, "ping", 4), 4);
  cr_assert(WAIT_UNTIL(s.rx_len == 4, 2000));
  cr_assert_eq(memcmp(s.rx, "ping", 4), 0);
  cr_assert_eq(plat_tcp_write(s.t, "pong", 4), 4);
  cr_assert_eq(plat_tcp_shutdown(s.t), 0);
  cr_assert(WAIT_UNTIL(c.eof, 2000));
  cr_assert_eq(c.rx_len, 4);
  cr_assert_eq(memcmp(c.rx, "pong", 4), 0);
  plat_tcp_close(c.t);
  plat_tcp_close(s.t);
  plat_tcp_close(l.t);
  cr_assert(!exists(p), "closing the listener removed the file");
  run_for(10);
  peer_free(&s);
  peer_free(&c);
}

Test(unix_posix, errors_are_libuv_s)
{
  peer l = { 0 }, l2 = { 0 }, c = { 0 }, c2 = { 0 };
  char p[128];
  snprintf(p, sizeof p, "%s", sock_path("b.sock"));
  /* missing: ENOENT, as an event */
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect_path(c.t, p, strlen(p)), 0);
  cr_assert(WAIT_UNTIL(c.err != 0, 2000));
  cr_assert_eq(c.err, PLAT_ENOENT);
  plat_tcp_close(c.t);
  /* a file that is not a listening socket: ECONNREFUSED */
  FILE *f = fopen(p, "w");
  cr_assert(f);
  fclose(f);
  c2.t = plat_tcp_new(on_event, &c2);
  cr_assert_eq(plat_tcp_connect_path(c2.t, p, strlen(p)), 0);
  cr_assert(WAIT_UNTIL(c2.err != 0, 2000));
  cr_assert_eq(c2.err, PLAT_ECONNREFUSED);
  plat_tcp_close(c2.t);
  /* listen never unlinks: the file is in use */
  l.t = plat_tcp_new(on_event, &l);
  cr_assert_eq(plat_tcp_listen_path(l.t, p, strlen(p), 8), PLAT_EADDRINUSE);
  cr_assert(exists(p), "a failed listen leaves the file alone");
  unlink(p);
  /* a missing directory: EACCES (libuv maps bind's ENOENT) */
  char q[160];
  snprintf(q, sizeof q, "%s/nodir/x.sock", dir);
  cr_assert_eq(plat_tcp_listen_path(l.t, q, strlen(q), 8), PLAT_EACCES);
  /* the handle is still usable after a failed listen */
  cr_assert_eq(plat_tcp_listen_path(l.t, p, strlen(p), 8), 0);
  l2.t = plat_tcp_new(on_event, &l2);
  cr_assert_eq(plat_tcp_listen_path(l2.t, p, strlen(p), 8), PLAT_EADDRINUSE);
  plat_tcp_close(l2.t);
  cr_assert(exists(p), "closing a handle whose listen failed leaves the other's file");
  plat_tcp_close(l.t);
  cr_assert(!exists(p));
  run_for(10);
}

Test(unix_posix, calls_in_the_wrong_state_are_coded_errors)
{
  peer l = { 0 }, c = { 0 }, s = { 0 };
  char p[128];
  snprintf(p, sizeof p, "%s", sock_path("c.sock"));
  listen_path(&l, &s, p, strlen(p));
  cr_assert_eq(plat_tcp_listen_path(l.t, p, strlen(p), 8), PLAT_EINVAL, "listen twice");
  cr_assert_eq(plat_tcp_connect_path(l.t, p, strlen(p)), PLAT_EISCONN, "connect on a listener");
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect_path(c.t, p, strlen(p)), 0);
  cr_assert_eq(plat_tcp_connect_path(c.t, p, strlen(p)), PLAT_EALREADY, "connect while connecting");
  cr_assert(WAIT_UNTIL(c.connected && s.t, 2000));
  cr_assert_eq(plat_tcp_connect_path(c.t, p, strlen(p)), PLAT_EISCONN, "connect when connected");
  cr_assert_eq(plat_tcp_connect_path(s.t, p, strlen(p)), PLAT_EISCONN, "connect on an accepted handle");
  cr_assert_eq(plat_tcp_listen_path(c.t, p, strlen(p), 8), PLAT_EINVAL, "listen on a connection");
  plat_addr a = loopback4(1);
  cr_assert_eq(plat_tcp_connect(c.t, &a, NULL), PLAT_EISCONN, "TCP connect on a UNIX connection");
  run_for(30);
  cr_assert_eq(l.accepted, 1, "no second connection was made");
  cr_assert_eq(c.err, 0);
  cr_assert_eq(plat_tcp_connect_path(c.t, "", 0), PLAT_EISCONN);
  peer e = { 0 };
  e.t = plat_tcp_new(on_event, &e);
  cr_assert_eq(plat_tcp_connect_path(e.t, "", 0), PLAT_EINVAL, "an empty name");
  plat_tcp_close(e.t);
  plat_tcp_close(c.t);
  plat_tcp_close(s.t);
  plat_tcp_close(l.t);
  run_for(10);
  peer_free(&s);
}

Test(unix_posix, abstract_names)
{
  peer l = { 0 }, c = { 0 }, s = { 0 }, l2 = { 0 };
  char name[64];
  int n = snprintf(name, sizeof name, "%cpetrel-unit-%d", 0, (int)getpid());
  listen_path(&l, &s, name, (size_t)n);
  l2.t = plat_tcp_new(on_event, &l2);
  cr_assert_eq(plat_tcp_listen_path(l2.t, name, (size_t)n, 8), PLAT_EADDRINUSE);
  plat_tcp_close(l2.t);
  cr_assert_eq(plat_tcp_path_chmod(l.t, PLAT_PATH_READABLE_ALL), PLAT_EINVAL, "no file to chmod");
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect_path(c.t, name, (size_t)n), 0);
  cr_assert(WAIT_UNTIL(c.connected && s.t, 2000));
  plat_tcp_close(c.t);
  plat_tcp_close(s.t);
  plat_tcp_close(l.t);
  /* the name is free again once closed */
  peer c2 = { 0 };
  c2.t = plat_tcp_new(on_event, &c2);
  cr_assert_eq(plat_tcp_connect_path(c2.t, name, (size_t)n), 0);
  cr_assert(WAIT_UNTIL(c2.err != 0, 2000));
  cr_assert_eq(c2.err, PLAT_ECONNREFUSED);
  plat_tcp_close(c2.t);
  run_for(10);
  peer_free(&s);
}

Test(unix_posix, chmod_and_long_names)
{
  peer l = { 0 };
  char p[128];
  snprintf(p, sizeof p, "%s", sock_path("d.sock"));
  listen_path(&l, NULL, p, strlen(p));
  struct stat st;
  cr_assert_eq(plat_tcp_path_chmod(l.t, PLAT_PATH_READABLE_ALL | PLAT_PATH_WRITABLE_ALL), 0);
  cr_assert_eq(stat(p, &st), 0);
  cr_assert_eq(st.st_mode & 0666, 0666);
  plat_tcp_close(l.t);
  /* longer than sun_path: cut to its 108 bytes, as libuv does */
  char longp[200];
  int n = snprintf(longp, sizeof longp, "%s/", dir);
  memset(longp + n, 'x', sizeof longp - 1 - (size_t)n);
  longp[sizeof longp - 1] = '\0';
  peer l2 = { 0 };
  listen_path(&l2, NULL, longp, strlen(longp));
  char cut[109];
  memcpy(cut, longp, 108);
  cut[108] = '\0';
  cr_assert(exists(cut), "the file has the first 108 bytes of the name");
  peer c = { 0 };
  c.t = plat_tcp_new(on_event, &c);
  cr_assert_eq(plat_tcp_connect_path(c.t, longp, strlen(longp)), 0);
  cr_assert(WAIT_UNTIL(c.connected, 2000), "connect cuts the name the same way");
  plat_tcp_close(c.t);
  plat_tcp_close(l2.t);
  unlink(cut); /* close removes the name as given (libuv too), not the cut one */
  run_for(10);
}
