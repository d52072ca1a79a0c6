/*
 * loadgen: the load generator behind `make bench` (tools/bench/run.sh).
 * It drives one benchmark server (petrel or node running a script from
 * tools/bench) over loopback and prints one result line of key=value pairs.
 *
 *   loadgen upload   HOST PORT BYTES             -> sink.js
 *       send BYTES in 64 KiB writes, half-close, wait for the server's close;
 *       the server's reply (its byte count) must equal BYTES.
 *   loadgen download HOST PORT BYTES             -> source.js
 *       read until EOF; exactly BYTES must arrive.
 *   loadgen pingpong HOST PORT CONNS SECONDS [WARMUP]   -> echo.js
 *       CONNS connections, each with one 64-byte request outstanding whose
 *       64-byte echo must come back intact before the next is sent; WARMUP
 *       seconds (default 0.5) are run first and not counted.
 *   loadgen churn    HOST PORT TOTAL CONCURRENCY -> churn.js
 *       TOTAL connections, CONCURRENCY at a time: connect, send 1 byte,
 *       read the 1-byte reply, close.
 *   loadgen idle     HOST PORT N                 -> idle.js
 *       open N connections, print "ready N" once all are connected, then hold
 *       them until stdin reaches EOF or SIGTERM/SIGINT/SIGHUP arrives.
 *
 * HOST must be a numeric loopback address (127.x.y.z or ::1): this tool only
 * ever talks to the local machine. Sockets are non-blocking and every wait is
 * an epoll_wait bounded by the mode's hard time limit (LOADGEN_TIME_LIMIT
 * seconds overrides it); an alarm backs that up. Every loop ends when its
 * work is done, its per-wakeup budget is spent or the time limit is reached.
 *
 * Exit status: 0 success, 1 failure (message on stderr), 2 usage, 3 time limit.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CHUNK       65536        /* upload write size */
#define RXBUF       (256 * 1024) /* download read size */
#define MSG         64           /* ping-pong message size */
#define MAX_EVENTS  256
#define IO_BUDGET   64     /* reads or writes per wakeup before waiting again */
#define LAT_BUCKETS 200000 /* latency histogram: 1 us buckets up to 200 ms */

static struct sockaddr_storage peer;
static socklen_t peer_len;
static double deadline; /* CLOCK_MONOTONIC seconds */
static volatile sig_atomic_t stop_signal;

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void fail(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  fputs("loadgen: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void fail_errno(const char *what) { fail("%s: %s", what, strerror(errno)); }

static void on_alarm(int sig)
{
  (void)sig;
  static const char msg[] = "loadgen: hard time limit reached (alarm)\n";
  (void)!write(2, msg, sizeof msg - 1);
  _exit(3);
}

static void on_stop(int sig) { stop_signal = sig; }

/* Sets the mode's time limit: a deadline every wait honours, and an alarm a
 * little later in case something blocks where it should not. */
static void set_time_limit(double seconds)
{
  const char *env = getenv("LOADGEN_TIME_LIMIT");
  if (env && *env) {
    char *end;
    double v = strtod(env, &end);
    if (*end || !(v > 0) || v > 86400) fail("LOADGEN_TIME_LIMIT must be a number of seconds in (0, 86400]");
    seconds = v;
  }
  deadline = now() + seconds;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  if (sigaction(SIGALRM, &sa, NULL) != 0) fail_errno("sigaction");
  alarm((unsigned)seconds + 5);
}

static void check_deadline(const char *doing)
{
  if (now() > deadline) {
    fprintf(stderr, "loadgen: time limit reached while %s\n", doing);
    exit(3);
  }
}

/* epoll_wait bounded by the deadline (and by at most 1 s, so callers re-check
 * their own conditions). Returns the number of events, 0 on timeout or EINTR. */
static int wait_events(int ep, struct epoll_event *evs, int max, const char *doing)
{
  check_deadline(doing);
  double left = deadline - now();
  int ms = left > 1.0 ? 1000 : (int)(left * 1000.0) + 1;
  int n = epoll_wait(ep, evs, max, ms);
  if (n < 0) {
    if (errno == EINTR) return 0;
    fail_errno("epoll_wait");
  }
  return n;
}

static void ep_ctl(int ep, int op, int fd, uint32_t events, uint64_t data)
{
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = events;
  ev.data.u64 = data;
  if (epoll_ctl(ep, op, fd, op == EPOLL_CTL_DEL ? NULL : &ev) != 0) fail_errno("epoll_ctl");
}

static int new_epoll(void)
{
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0) fail_errno("epoll_create1");
  return ep;
}

/* Parses HOST and PORT into `peer`; only loopback addresses are accepted. */
static void set_peer(const char *host, const char *port_s)
{
  char *end;
  long port = strtol(port_s, &end, 10);
  if (*end || port < 1 || port > 65535) fail("bad port '%s'", port_s);
  memset(&peer, 0, sizeof peer);
  struct sockaddr_in *v4 = (struct sockaddr_in *)&peer;
  struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&peer;
  if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
    if ((ntohl(v4->sin_addr.s_addr) >> 24) != 127) fail("%s is not a loopback address", host);
    v4->sin_family = AF_INET;
    v4->sin_port = htons((uint16_t)port);
    peer_len = sizeof *v4;
  } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
    if (!IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr)) fail("%s is not a loopback address", host);
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons((uint16_t)port);
    peer_len = sizeof *v6;
  } else {
    fail("HOST must be a numeric loopback address (127.0.0.1 or ::1), not '%s'", host);
  }
}

/* A non-blocking socket with a connect under way (or done). */
static int start_connect(void)
{
  int fd = socket(peer.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) fail_errno("socket");
  int one = 1;
  if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0) fail_errno("setsockopt TCP_NODELAY");
  if (connect(fd, (struct sockaddr *)&peer, peer_len) != 0 && errno != EINPROGRESS) fail_errno("connect");
  return fd;
}

/* After EPOLLOUT/EPOLLERR on a connecting socket: fails unless it connected. */
static void finish_connect(int fd)
{
  int err = 0;
  socklen_t len = sizeof err;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) fail_errno("getsockopt SO_ERROR");
  if (err) {
    errno = err;
    fail_errno("connect");
  }
}

/* One connection, connected, for the bulk modes. */
static int connect_one(int ep)
{
  int fd = start_connect();
  ep_ctl(ep, EPOLL_CTL_ADD, fd, EPOLLOUT, 0);
  struct epoll_event ev;
  while (wait_events(ep, &ev, 1, "connecting") == 0) {}
  finish_connect(fd);
  return fd;
}

static double mb_per_s(long long bytes, double seconds) { return seconds > 0 ? (double)bytes / 1e6 / seconds : 0.0; }

/* ---- upload ---------------------------------------------------------------- */
static int upload(long long bytes)
{
  static char buf[CHUNK];
  memset(buf, 'u', sizeof buf);
  int ep = new_epoll();
  int fd = connect_one(ep);
  struct epoll_event ev;
  double t0 = now();
  long long sent = 0;
  while (sent < bytes) {
    int budget = IO_BUDGET;
    while (sent < bytes && budget-- > 0) {
      size_t n = bytes - sent < CHUNK ? (size_t)(bytes - sent) : CHUNK;
      ssize_t w = write(fd, buf, n);
      if (w > 0) {
        sent += w;
        continue;
      }
      if (w < 0 && errno == EINTR) continue;
      if (w < 0 && errno == EAGAIN) break;
      fail_errno("write");
    }
    if (sent < bytes) wait_events(ep, &ev, 1, "uploading");
  }
  if (shutdown(fd, SHUT_WR) != 0) fail_errno("shutdown");
  ep_ctl(ep, EPOLL_CTL_MOD, fd, EPOLLIN, 0);
  /* The server answers with the number of bytes it received, then closes. */
  char reply[32];
  size_t have = 0;
  for (;;) {
    char tmp[256];
    ssize_t r = read(fd, tmp, sizeof tmp);
    if (r == 0) break;
    if (r < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN) fail_errno("read (waiting for the server's close)");
      wait_events(ep, &ev, 1, "waiting for the server's close");
      continue;
    }
    if (have + (size_t)r >= sizeof reply) fail("server reply too long");
    memcpy(reply + have, tmp, (size_t)r);
    have += (size_t)r;
  }
  double dt = now() - t0;
  reply[have] = 0;
  if (have == 0 || strtoll(reply, NULL, 10) != bytes) fail("server counted '%s' bytes, %lld were sent", reply, bytes);
  close(fd);
  close(ep);
  printf("upload bytes=%lld seconds=%.4f mbps=%.1f\n", bytes, dt, mb_per_s(bytes, dt));
  return 0;
}

/* ---- download -------------------------------------------------------------- */
static int download(long long bytes)
{
  char *buf = malloc(RXBUF);
  if (!buf) fail_errno("malloc");
  int ep = new_epoll();
  int fd = connect_one(ep);
  ep_ctl(ep, EPOLL_CTL_MOD, fd, EPOLLIN, 0);
  struct epoll_event ev;
  double t0 = now();
  long long got = 0;
  int eof = 0;
  while (!eof) {
    int budget = IO_BUDGET;
    while (!eof && budget-- > 0) {
      ssize_t r = read(fd, buf, RXBUF);
      if (r > 0) {
        got += r;
        if (got > bytes) fail("server sent more than %lld bytes", bytes);
        continue;
      }
      if (r == 0) {
        eof = 1;
        break;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN) break;
      fail_errno("read");
    }
    if (!eof) wait_events(ep, &ev, 1, "downloading");
  }
  double dt = now() - t0;
  if (got != bytes) fail("got %lld of %lld bytes before EOF", got, bytes);
  close(fd);
  close(ep);
  free(buf);
  printf("download bytes=%lld seconds=%.4f mbps=%.1f\n", bytes, dt, mb_per_s(bytes, dt));
  return 0;
}

/* ---- ping-pong ------------------------------------------------------------- */
typedef struct {
  int fd;
  int connected;
  unsigned have; /* bytes of the current echo received */
  uint64_t seq;  /* stamped into each request so a stale echo shows */
  double sent_at;
  unsigned char req[MSG], echo[MSG];
} pp_conn;

static void pp_send(pp_conn *c, double t)
{
  c->seq++;
  memset(c->req, 'p', MSG);
  memcpy(c->req, &c->seq, sizeof c->seq);
  c->have = 0;
  c->sent_at = t;
  ssize_t w;
  do w = write(c->fd, c->req, MSG);
  while (w < 0 && errno == EINTR);
  /* One 64-byte message outstanding always fits in an empty send buffer. */
  if (w != MSG) {
    if (w < 0) fail_errno("write");
    fail("short write of a 64-byte request");
  }
}

static double percentile(const uint32_t *hist, unsigned long long total, double p)
{
  if (total == 0) return 0;
  unsigned long long rank = (unsigned long long)(p * (double)(total - 1)), seen = 0;
  for (int i = 0; i <= LAT_BUCKETS; i++) {
    seen += hist[i];
    if (seen > rank) return (double)i + 0.5; /* bucket i holds [i, i+1) us; the last, >= 200 ms */
  }
  return LAT_BUCKETS;
}

static int pingpong(int nconns, double seconds, double warmup)
{
  pp_conn *c = calloc((size_t)nconns, sizeof *c);
  uint32_t *hist = calloc(LAT_BUCKETS + 1, sizeof *hist);
  if (!c || !hist) fail_errno("calloc");
  int ep = new_epoll();
  for (int i = 0; i < nconns; i++) {
    c[i].fd = start_connect();
    ep_ctl(ep, EPOLL_CTL_ADD, c[i].fd, EPOLLOUT, (uint64_t)i);
  }
  struct epoll_event evs[MAX_EVENTS];
  int connected = 0;
  while (connected < nconns) {
    int n = wait_events(ep, evs, MAX_EVENTS, "connecting");
    for (int k = 0; k < n; k++) {
      pp_conn *p = &c[evs[k].data.u64];
      if (p->connected) continue;
      finish_connect(p->fd);
      p->connected = 1;
      connected++;
      ep_ctl(ep, EPOLL_CTL_MOD, p->fd, EPOLLIN, evs[k].data.u64);
    }
  }
  double t_start = now(), t_count = t_start + warmup, t_end = t_count + seconds;
  for (int i = 0; i < nconns; i++) pp_send(&c[i], now());
  unsigned long long trips = 0;
  double t;
  while ((t = now()) < t_end) {
    int n = wait_events(ep, evs, MAX_EVENTS, "ping-ponging");
    for (int k = 0; k < n; k++) {
      pp_conn *p = &c[evs[k].data.u64];
      unsigned char tmp[MSG * 2];
      ssize_t r = read(p->fd, tmp, sizeof tmp);
      if (r < 0) {
        if (errno == EAGAIN || errno == EINTR) continue;
        fail_errno("read");
      }
      if (r == 0) fail("server closed a ping-pong connection");
      if (p->have + (size_t)r > MSG) fail("server sent more than the 64-byte echo");
      memcpy(p->echo + p->have, tmp, (size_t)r);
      p->have += (unsigned)r;
      if (p->have < MSG) continue;
      if (memcmp(p->echo, p->req, MSG) != 0) fail("echo differs from the request");
      t = now();
      if (p->sent_at >= t_count && t <= t_end) {
        double us = (t - p->sent_at) * 1e6;
        hist[us >= LAT_BUCKETS ? LAT_BUCKETS : (int)us]++;
        trips++;
      }
      if (t < t_end) pp_send(p, t);
    }
  }
  for (int i = 0; i < nconns; i++) close(c[i].fd);
  close(ep);
  /* Counted: round trips that started after the warm-up and ended in time. */
  printf("pingpong conns=%d seconds=%.2f trips=%llu rtps=%.0f p50_us=%.1f p99_us=%.1f\n", nconns, seconds, trips,
         (double)trips / seconds, percentile(hist, trips, 0.50), percentile(hist, trips, 0.99));
  free(c);
  free(hist);
  return 0;
}

/* ---- churn ----------------------------------------------------------------- */
static int churn(int total, int conc)
{
  /* slot i holds one connection: fd, and whether its 1-byte request went out */
  int *fd = malloc((size_t)conc * sizeof *fd), *sent = calloc((size_t)conc, sizeof *sent);
  int *free_slots = malloc((size_t)conc * sizeof *free_slots);
  if (!fd || !sent || !free_slots) fail_errno("malloc");
  int nfree = conc;
  for (int i = 0; i < conc; i++) free_slots[i] = conc - 1 - i;
  int ep = new_epoll();
  int started = 0, done = 0;
  struct epoll_event evs[MAX_EVENTS];
  double t0 = now();
  while (done < total) {
    while (nfree > 0 && started < total) {
      int s = free_slots[--nfree];
      fd[s] = start_connect();
      sent[s] = 0;
      ep_ctl(ep, EPOLL_CTL_ADD, fd[s], EPOLLOUT, (uint64_t)s);
      started++;
    }
    int n = wait_events(ep, evs, MAX_EVENTS, "churning");
    for (int k = 0; k < n; k++) {
      int s = (int)evs[k].data.u64;
      if (!sent[s]) {
        finish_connect(fd[s]);
        ssize_t w;
        do w = write(fd[s], "c", 1);
        while (w < 0 && errno == EINTR);
        if (w != 1) fail_errno("write");
        sent[s] = 1;
        ep_ctl(ep, EPOLL_CTL_MOD, fd[s], EPOLLIN, (uint64_t)s);
        continue;
      }
      char b[16];
      ssize_t r = read(fd[s], b, sizeof b);
      if (r < 0) {
        if (errno == EAGAIN || errno == EINTR) continue;
        fail_errno("read");
      }
      if (r == 0) fail("server closed without replying (connection %d)", done + 1);
      if (close(fd[s]) != 0) fail_errno("close"); /* also leaves the epoll set */
      free_slots[nfree++] = s;
      done++;
    }
  }
  double dt = now() - t0;
  close(ep);
  printf("churn conns=%d concurrency=%d seconds=%.3f cps=%.0f\n", total, conc, dt, total / dt);
  free(fd);
  free(sent);
  free(free_slots);
  return 0;
}

/* ---- idle ------------------------------------------------------------------ */
#define STDIN_TAG       UINT64_MAX
#define IDLE_CONNECTING 64 /* connects in flight: stays under any listen backlog */

static int idle(int n)
{
  int *fd = malloc((size_t)n * sizeof *fd);
  char *up = calloc((size_t)n, 1);
  if (!fd || !up) fail_errno("malloc");
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop; /* no SA_RESTART: epoll_wait returns EINTR */
  if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0 || sigaction(SIGHUP, &sa, NULL) != 0)
    fail_errno("sigaction");
  int ep = new_epoll();
  struct epoll_event evs[MAX_EVENTS];
  int started = 0, connected = 0;
  double t0 = now();
  while (connected < n && !stop_signal) {
    while (started < n && started - connected < IDLE_CONNECTING) {
      fd[started] = start_connect();
      ep_ctl(ep, EPOLL_CTL_ADD, fd[started], EPOLLOUT, (uint64_t)started);
      started++;
    }
    int k = wait_events(ep, evs, MAX_EVENTS, "opening idle connections");
    for (int e = 0; e < k; e++) {
      int i = (int)evs[e].data.u64;
      if (up[i]) continue;
      finish_connect(fd[i]);
      up[i] = 1;
      connected++;
      ep_ctl(ep, EPOLL_CTL_MOD, fd[i], EPOLLIN | EPOLLRDHUP, (uint64_t)i);
    }
  }
  if (stop_signal) fail("stopped by signal %d before all connections were up", (int)stop_signal);
  double dt = now() - t0;
  printf("ready %d\n", n);
  fflush(stdout);
  /* Hold until stdin EOF (if stdin can be watched: a pipe or terminal), a signal
   * or the time limit. An idle server never sends; if it closes, say so. */
  struct epoll_event sev;
  memset(&sev, 0, sizeof sev);
  sev.events = EPOLLIN;
  sev.data.u64 = STDIN_TAG;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, 0, &sev) != 0) {
    /* /dev/null, a regular file or a closed stdin: only a signal (or the limit) ends it */
    if (errno != EPERM && errno != EBADF) fail_errno("epoll_ctl stdin");
  }
  int stop = 0;
  while (!stop && !stop_signal) {
    int k = wait_events(ep, evs, MAX_EVENTS, "holding idle connections");
    for (int e = 0; e < k; e++) {
      if (evs[e].data.u64 == STDIN_TAG) {
        char b[256];
        ssize_t r = read(0, b, sizeof b);
        if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN)) stop = 1;
        continue;
      }
      fail("server closed, reset or wrote to idle connection %d", (int)evs[e].data.u64);
    }
  }
  for (int i = 0; i < n; i++) close(fd[i]);
  close(ep);
  printf("idle conns=%d connect_seconds=%.3f\n", n, dt);
  free(fd);
  free(up);
  return 0;
}

/* ---- command line ---------------------------------------------------------- */
static void usage(void)
{
  fprintf(stderr, "usage: loadgen upload   HOST PORT BYTES\n"
                  "       loadgen download HOST PORT BYTES\n"
                  "       loadgen pingpong HOST PORT CONNS SECONDS [WARMUP_SECONDS]\n"
                  "       loadgen churn    HOST PORT TOTAL CONCURRENCY\n"
                  "       loadgen idle     HOST PORT N\n"
                  "HOST: 127.0.0.1 or ::1 (loopback only)\n");
  exit(2);
}

static long long int_arg(const char *s, const char *name, long long min, long long max)
{
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || *end || end == s || v < min || v > max) {
    fprintf(stderr, "loadgen: %s must be an integer in [%lld, %lld], not '%s'\n", name, min, max, s);
    exit(2);
  }
  return v;
}

static double secs_arg(const char *s, const char *name, double min, double max)
{
  char *end;
  double v = strtod(s, &end);
  if (*end || end == s || !(v >= min) || v > max) {
    fprintf(stderr, "loadgen: %s must be a number of seconds in [%g, %g], not '%s'\n", name, min, max, s);
    exit(2);
  }
  return v;
}

int main(int argc, char **argv)
{
  if (argc < 5) usage();
  const char *mode = argv[1];
  if (signal(SIGPIPE, SIG_IGN) == SIG_ERR) fail_errno("signal");
  set_peer(argv[2], argv[3]);
  if (!strcmp(mode, "upload") && argc == 5) {
    long long bytes = int_arg(argv[4], "BYTES", 1, 1LL << 40);
    set_time_limit(120);
    return upload(bytes);
  }
  if (!strcmp(mode, "download") && argc == 5) {
    long long bytes = int_arg(argv[4], "BYTES", 1, 1LL << 40);
    set_time_limit(120);
    return download(bytes);
  }
  if (!strcmp(mode, "pingpong") && (argc == 6 || argc == 7)) {
    int conns = (int)int_arg(argv[4], "CONNS", 1, 10000);
    double seconds = secs_arg(argv[5], "SECONDS", 0.1, 3600);
    double warmup = argc == 7 ? secs_arg(argv[6], "WARMUP_SECONDS", 0, 600) : 0.5;
    set_time_limit(warmup + seconds + 30);
    return pingpong(conns, seconds, warmup);
  }
  if (!strcmp(mode, "churn") && argc == 6) {
    int total = (int)int_arg(argv[4], "TOTAL", 1, 10000000);
    int conc = (int)int_arg(argv[5], "CONCURRENCY", 1, 10000);
    set_time_limit(120);
    return churn(total, conc);
  }
  if (!strcmp(mode, "idle") && argc == 5) {
    int n = (int)int_arg(argv[4], "N", 1, 60000);
    set_time_limit(600);
    return idle(n);
  }
  usage();
  return 2;
}
