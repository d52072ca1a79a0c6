/*
 * loadgen: the load generator behind `make bench`. Drives a server (petrel or
 * node, same script) over loopback and prints one result line.
 *
 *   loadgen upload   PORT BYTES          send BYTES in 64 KiB writes, half-close, wait for close -> MB/s
 *   loadgen download PORT BYTES          read until EOF (server sends BYTES)                    -> MB/s
 *   loadgen pingpong PORT CONNS SECONDS  64-byte request/echo, one outstanding per connection -> round trips/s
 *   loadgen churn    PORT TOTAL CONC     connect, 1 byte each way, close                       -> connections/s
 *   loadgen idle     PORT N              hold N connections, print "ready", wait for stdin EOF
 *
 * Every mode is bounded: a hard deadline (60 s) ends it with an error.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define DEADLINE_S 60.0
#define MSG 64

static int port;
static double t_start;

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
  fprintf(stderr, "loadgen: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void check_deadline(void)
{
  if (now() - t_start > DEADLINE_S) {
    fprintf(stderr, "loadgen: deadline of %.0f s reached\n", DEADLINE_S);
    exit(2);
  }
}

static int connect_to(int nonblock)
{
  int fd = socket(AF_INET, SOCK_STREAM | (nonblock ? SOCK_NONBLOCK : 0), 0);
  if (fd < 0) die("socket");
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0 && errno != EINPROGRESS) die("connect");
  return fd;
}

static void upload(long long bytes)
{
  static char buf[65536];
  memset(buf, 'u', sizeof buf);
  int fd = connect_to(0);
  double t0 = now();
  long long sent = 0;
  while (sent < bytes) {
    size_t n = (size_t)(bytes - sent < (long long)sizeof buf ? bytes - sent : (long long)sizeof buf);
    ssize_t w = write(fd, buf, n);
    if (w < 0) { if (errno == EINTR) continue; die("write"); }
    sent += w;
    check_deadline();
  }
  shutdown(fd, SHUT_WR);
  while (read(fd, buf, sizeof buf) > 0) check_deadline(); /* server closes once it has all */
  double dt = now() - t0;
  printf("%.1f MB/s\n", (double)bytes / 1048576.0 / dt);
  close(fd);
}

static void download(long long bytes)
{
  static char buf[65536];
  int fd = connect_to(0);
  double t0 = now();
  long long got = 0;
  for (;;) {
    ssize_t r = read(fd, buf, sizeof buf);
    if (r < 0) { if (errno == EINTR) continue; die("read"); }
    if (r == 0) break;
    got += r;
    check_deadline();
  }
  double dt = now() - t0;
  if (got != bytes) { fprintf(stderr, "loadgen: got %lld of %lld bytes\n", got, bytes); exit(1); }
  printf("%.1f MB/s\n", (double)bytes / 1048576.0 / dt);
  close(fd);
}

typedef struct {
  int fd;
  int got;
  double sent_at;
} pp_conn;

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void pingpong(int conns, double seconds)
{
  char msg[MSG], buf[4096];
  memset(msg, 'p', sizeof msg);
  int ep = epoll_create1(0);
  pp_conn *c = calloc((size_t)conns, sizeof *c);
  size_t lat_cap = 1 << 20, lat_n = 0;
  double *lat = malloc(lat_cap * sizeof *lat);
  if (!c || !lat) die("calloc");
  for (int i = 0; i < conns; i++) {
    c[i].fd = connect_to(0);
    fcntl(c[i].fd, F_SETFL, O_NONBLOCK);
    struct epoll_event ev = { .events = EPOLLIN, .data.u32 = (uint32_t)i };
    epoll_ctl(ep, EPOLL_CTL_ADD, c[i].fd, &ev);
  }
  double t0 = now(), end = t0 + seconds;
  long long trips = 0;
  for (int i = 0; i < conns; i++) {
    c[i].sent_at = now();
    if (write(c[i].fd, msg, MSG) != MSG) die("write");
  }
  struct epoll_event evs[256];
  while (now() < end) {
    int n = epoll_wait(ep, evs, 256, 100);
    for (int k = 0; k < n; k++) {
      pp_conn *p = &c[evs[k].data.u32];
      ssize_t r = read(p->fd, buf, sizeof buf);
      if (r <= 0) { if (r < 0 && errno == EAGAIN) continue; die("read (server closed?)"); }
      p->got += (int)r;
      while (p->got >= MSG) {
        p->got -= MSG;
        double t = now();
        if (lat_n < lat_cap) lat[lat_n++] = t - p->sent_at;
        trips++;
        p->sent_at = t;
        if (write(p->fd, msg, MSG) != MSG) die("write");
      }
    }
    check_deadline();
  }
  double dt = now() - t0;
  qsort(lat, lat_n, sizeof *lat, cmp_double);
  printf("%.0f rt/s p50=%.0fus p99=%.0fus\n", (double)trips / dt,
         lat_n ? lat[lat_n / 2] * 1e6 : 0, lat_n ? lat[lat_n * 99 / 100] * 1e6 : 0);
  for (int i = 0; i < conns; i++) close(c[i].fd);
  free(c);
  free(lat);
}

static void churn(int total, int conc)
{
  int ep = epoll_create1(0);
  int started = 0, done = 0, active = 0;
  double t0 = now();
  struct epoll_event evs[256];
  while (done < total) {
    while (active < conc && started < total) {
      int fd = connect_to(1);
      struct epoll_event ev = { .events = EPOLLOUT, .data.fd = fd };
      epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
      started++;
      active++;
    }
    int n = epoll_wait(ep, evs, 256, 1000);
    for (int k = 0; k < n; k++) {
      int fd = evs[k].data.fd;
      if (evs[k].events & EPOLLOUT) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err) { errno = err; die("connect"); }
        if (write(fd, "c", 1) != 1) die("write");
        struct epoll_event ev = { .events = EPOLLIN, .data.fd = fd };
        epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
      } else {
        char b;
        ssize_t r = read(fd, &b, 1);
        if (r < 0 && errno == EAGAIN) continue;
        if (r != 1) { errno = ECONNRESET; die("churn read"); }
        epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
        close(fd);
        active--;
        done++;
      }
    }
    check_deadline();
  }
  printf("%.0f conn/s\n", (double)total / (now() - t0));
}

static void idle(int n)
{
  int *fds = malloc((size_t)n * sizeof *fds);
  if (!fds) die("malloc");
  for (int i = 0; i < n; i++) fds[i] = connect_to(0);
  /* Give the server time to accept every connection before it is measured. */
  char b;
  for (int i = 0; i < n; i++) (void)!write(fds[i], "i", 1);
  usleep(300000);
  printf("ready\n");
  fflush(stdout);
  while (read(0, &b, 1) > 0) check_deadline();
  for (int i = 0; i < n; i++) close(fds[i]);
  free(fds);
}

int main(int argc, char **argv)
{
  if (argc < 4) {
    fprintf(stderr, "usage: loadgen upload|download PORT BYTES | pingpong PORT CONNS SECONDS |"
                    " churn PORT TOTAL CONC | idle PORT N\n");
    return 2;
  }
  t_start = now();
  port = atoi(argv[2]);
  const char *mode = argv[1];
  if (!strcmp(mode, "upload")) upload(atoll(argv[3]));
  else if (!strcmp(mode, "download")) download(atoll(argv[3]));
  else if (!strcmp(mode, "pingpong") && argc >= 5) pingpong(atoi(argv[3]), atof(argv[4]));
  else if (!strcmp(mode, "churn") && argc >= 5) churn(atoi(argv[3]), atoi(argv[4]));
  else if (!strcmp(mode, "idle")) idle(atoi(argv[3]));
  else { fprintf(stderr, "loadgen: unknown mode %s\n", mode); return 2; }
  return 0;
}
