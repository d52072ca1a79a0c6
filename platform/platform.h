/*
 * platform.h - the one interface between Petrel's runtime/modules and the system.
 *
 * Two backends implement it: platform/posix (sockets + epoll) and platform/lwip
 * (lwIP raw API, NO_SYS=1). Modules never include socket or lwIP headers.
 *
 * Rules every backend keeps:
 *  - Callbacks (tcp events, lookup results, console input) are only ever called
 *    from inside plat_wait(), never from inside a stack callback or a signal
 *    handler, and never re-entrantly from another plat_* call.
 *  - After plat_tcp_close() a handle delivers no more events; the backend frees
 *    it when it is safe (possibly later), the caller must not touch it again.
 *  - Errors are negative PLAT_E* codes (see platform_errors.h); each backend maps
 *    its native errors in exactly one place.
 */
#ifndef PETREL_PLATFORM_H
#define PETREL_PLATFORM_H

#include <stddef.h>
#include <stdint.h>
#include "platform_errors.h"

/* ---- life cycle ----------------------------------------------------- */
int plat_init(int argc, char **argv);
void plat_exit(int status);  /* flushes the console, never returns */
const char *plat_name(void); /* "linux", "linux-lwip", "mps2-an385"... */
/* Node's process.platform for this build: "linux" on a Linux host (linux-lwip too:
 * a Linux process), "none" on a device without an OS. */
const char *plat_os(void);
/* The hard reset (petrel-tool reset): with check set, 0 if this platform can restart
 * itself as at power on, or a PLAT_E* code (a process on a host: PLAT_ENOSYS); without,
 * restarts it and never returns (a board: its CPU's system reset; RAM is lost, the
 * firmware and what a part keeps in flash stay). */
int plat_hard_reset(int check);
/* The app a board's REPL runs at boot when its store has no /main.js: an app built into
 * the firmware (mps2-an385's APP=, "/app.js"), or NULL. */
const char *plat_boot_app(void);
/* Fills buf with len bytes from the platform's strong random source: 0, or a
 * PLAT_E* code if it has none or it failed (never weak bytes instead). Each board
 * documents its source; mps2-an385's under QEMU is TEST-ONLY (not secure). */
int plat_random(void *buf, size_t len);

/* ---- time ----------------------------------------------------------- */
uint64_t plat_now_ms(void);     /* monotonic milliseconds */
uint64_t plat_hrtime_ns(void);  /* monotonic nanoseconds (resolution may be coarse) */
double plat_wallclock_ms(void); /* milliseconds since the Unix epoch */

/* ---- waiting -------------------------------------------------------- */
/* Blocks until an event was dispatched, the timeout (ms, -1 = none) passed, or
 * plat_interrupt() was called. Dispatches all ready events before returning. */
void plat_wait(int timeout_ms);
/* Async-signal-safe: makes a blocked plat_wait return (Ctrl-C, console input). */
void plat_interrupt(void);
/* Set by Ctrl-C (SIGINT on POSIX, 0x03 on a UART) while JS runs; the runtime
 * polls it to break out of long-running statements. */
extern volatile int plat_interrupt_requested;

/* ---- console (stdio on Linux, the UART on a board) ------------------ */
/* Writes all of buf (blocking if needed). fd: 1 stdout, 2 stderr. */
void plat_console_write(int fd, const void *buf, size_t len);
/* Delivers console input through cb from plat_wait; len 0 means end of input. */
typedef void (*plat_console_cb)(void *user, const char *buf, size_t len);
void plat_console_read_start(plat_console_cb cb, void *user);
void plat_console_read_stop(void);
int plat_console_is_tty(void);
/* Character-at-a-time input without local echo (for line editing); returns 0 on success. */
int plat_console_set_raw(int raw);
/* Console input read at once, not through plat_wait: waits up to timeout_ms for some;
 * returns the bytes read, 0 when none came, <0 at the end of input (platform/mount.c's
 * replies, which the board waits for inside a file call). */
long plat_console_read_sync(char *buf, size_t max, int timeout_ms);

/* ---- files (host file system; a board may offer a small store or none) -- */
/* Reads a whole file into a malloc'd buffer. Returns 0 or a PLAT_E* code. */
int plat_file_read(const char *path, char **data, size_t *len);
/* A file the platform keeps whole in addressable memory (an app embedded in flash)
 * with the text head right before it and tail right after it: *text points at head
 * and *len counts head, file and tail; the memory stays valid and unchanged while
 * the file does. Returns 1 so, else 0 (the caller reads a copy with plat_file_read).
 * The module loader compiles such a file where it is (runtime/module_load.c). */
int plat_file_in_place(const char *path, const char *head, const char *tail, const char **text, size_t *len);
/* 0: does not exist, 1: regular file, 2: directory */
int plat_file_kind(const char *path);
int plat_file_write(const char *path, const void *data, size_t len);
/* Adds len bytes at the end of path (which must exist): how petrel-tool streams a
 * file larger than free RAM to the store in chunks. 0 or a PLAT_E* code (ENOSPC
 * when the store is full: the file keeps what it had). */
int plat_file_append(const char *path, const void *data, size_t len);
int plat_cwd(char *buf, size_t len);
/* The calls behind the fs module (modules/fs_binding.c). Each returns 0 or a PLAT_E*
 * code as the system's call would give it (ENOENT, EEXIST, EISDIR, ENOTDIR, ENOTEMPTY,
 * EACCES, ENOSPC...), so node's error for it can be made. */
#define PLAT_FILE_APPEND 1u /* write at the end (else the file is truncated) */
#define PLAT_FILE_EXCL 2u   /* EEXIST when the file exists */
/* Writes len bytes, creating the file (mode 0666 before the umask) when missing. */
int plat_file_put(const char *path, const void *data, size_t len, unsigned flags);
typedef enum { PLAT_KIND_OTHER, PLAT_KIND_FILE, PLAT_KIND_DIR, PLAT_KIND_LINK } plat_kind;
typedef struct {
  uint32_t mode; /* st_mode: type and permission bits */
  uint8_t kind;  /* plat_kind */
  uint64_t size, dev, ino, nlink, uid, gid, rdev, blksize, blocks;
  double atime_ms, mtime_ms, ctime_ms, birthtime_ms; /* since the epoch; 0 where unknown */
} plat_stat;
/* follow: stat (0: lstat, a symbolic link itself) */
int plat_file_stat(const char *path, int follow, plat_stat *out);
int plat_file_unlink(const char *path);
int plat_file_mkdir(const char *path); /* one level, mode 0777 before the umask */
int plat_file_rmdir(const char *path); /* an empty directory (ENOTEMPTY) */
int plat_file_rename(const char *from, const char *to);
/* A directory's entries but "." and "..", each a NUL-terminated name, one after the
 * other in one malloc'd buffer of *len bytes (the system's order). */
int plat_dir_read(const char *path, char **names, size_t *len);
/* petrel-tool's mount (platform/mount.c): 1, the tool serves a host folder at /remote,
 * also the working directory; 0, none (it unmounted, a soft reset); 2, a mount's tool
 * is gone (calls under /remote fail with EIO at once; nothing when none was mounted). */
void plat_mount_set(int on);
/* The file system that holds path, as statfs(2) gives it (node's fs.statfs): its size
 * in blocks of bsize bytes, blocks free (bavail: free to an unprivileged writer), file
 * slots and slots free. A board's store says what it holds (filestore.c). */
typedef struct {
  uint64_t type, bsize, blocks, bfree, bavail, files, ffree;
} plat_statfs;
int plat_file_statfs(const char *path, plat_statfs *out);

/* ---- addresses ------------------------------------------------------ */
typedef struct {
  uint8_t family;    /* 4 or 6 */
  uint8_t bytes[16]; /* network order; IPv4 uses the first 4 */
  uint16_t port;
  uint32_t scope_id;
} plat_addr;

/* Text form (RFC 5952 for IPv6); returns 0, or PLAT_EINVAL if unparsable. */
int plat_addr_parse(const char *text, plat_addr *out);
void plat_addr_format(const plat_addr *a, char *buf, size_t len); /* len >= 48 */

/* ---- TCP ------------------------------------------------------------ */
typedef struct plat_tcp plat_tcp;

typedef enum {
  PLAT_TCP_CONNECTED, /* plat_tcp_connect() finished */
  PLAT_TCP_ACCEPTED,  /* listener: ev->child is a new connected handle (no callback set yet) */
  PLAT_TCP_DATA,      /* ev->data/ev->len bytes arrived (valid during the callback only) */
  PLAT_TCP_EOF,       /* the peer sent FIN; no more DATA */
  PLAT_TCP_WRITABLE,  /* after a short plat_tcp_write(): room again in the send buffer */
  PLAT_TCP_ERROR      /* ev->err: connect/read/write failure; the connection is dead */
} plat_tcp_event_type;

typedef struct {
  plat_tcp_event_type type;
  int err;             /* PLAT_TCP_ERROR: a negative PLAT_E* code */
  const uint8_t *data; /* PLAT_TCP_DATA */
  size_t len;
  plat_tcp *child; /* PLAT_TCP_ACCEPTED */
} plat_tcp_event;

typedef void (*plat_tcp_cb)(plat_tcp *t, const plat_tcp_event *ev, void *user);

#define PLAT_LISTEN_V6ONLY 1u

/* A handle with no connection yet. NULL when out of memory. */
plat_tcp *plat_tcp_new(plat_tcp_cb cb, void *user);
/* For accepted children: attach the callback (reading starts paused until plat_tcp_read_start). */
void plat_tcp_set_callback(plat_tcp *t, plat_tcp_cb cb, void *user);
/* Bind and listen; errors (PLAT_EADDRINUSE, PLAT_EACCES...) are returned synchronously. */
int plat_tcp_listen(plat_tcp *t, const plat_addr *addr, int backlog, unsigned flags);
/* Starts connecting; completion is PLAT_TCP_CONNECTED or PLAT_TCP_ERROR.
 * local may be NULL. A synchronous failure is returned. */
int plat_tcp_connect(plat_tcp *t, const plat_addr *remote, const plat_addr *local);
/* Hands bytes to the stack. Returns how many were taken (0..len) or a negative
 * error. Fewer than len: PLAT_TCP_WRITABLE follows when more can be taken. */
long plat_tcp_write(plat_tcp *t, const void *buf, size_t len);
/* Sends FIN after everything written so far. */
int plat_tcp_shutdown(plat_tcp *t);
/* Reading: stopped handles leave data in the stack so the peer's window closes. */
void plat_tcp_read_start(plat_tcp *t);
void plat_tcp_read_stop(plat_tcp *t);
int plat_tcp_set_keepalive(plat_tcp *t, int enable, unsigned idle_seconds);
int plat_tcp_set_nodelay(plat_tcp *t, int enable);
int plat_tcp_local_addr(plat_tcp *t, plat_addr *out);
int plat_tcp_remote_addr(plat_tcp *t, plat_addr *out);
/* UNIX-domain stream sockets on the same handle type (POSIX boards; the lwIP
 * backend returns PLAT_ENOTSUP, or PLAT_ENOENT for a connect to a missing path).
 * path/len: a file system path, or an abstract name starting with '\0' (Linux);
 * like libuv, names longer than the address can hold are truncated. A handle that
 * listens on a file system path removes that file when it is closed.
 * listen: bind and listen, errors returned synchronously (EADDRINUSE when the file
 * exists; EACCES also for a missing directory, as libuv reports it).
 * connect: completion is PLAT_TCP_CONNECTED or PLAT_TCP_ERROR, as plat_tcp_connect;
 * a call in the wrong state returns a code (EALREADY, EISCONN, EINVAL, EBADF). */
int plat_tcp_listen_path(plat_tcp *t, const char *path, size_t len, int backlog);
int plat_tcp_connect_path(plat_tcp *t, const char *path, size_t len);
/* On a handle listening on a file system path: adds read (PLAT_PATH_READABLE_ALL)
 * and/or write (PLAT_PATH_WRITABLE_ALL) permission for user, group and others. */
#define PLAT_PATH_READABLE_ALL 1u
#define PLAT_PATH_WRITABLE_ALL 2u
int plat_tcp_path_chmod(plat_tcp *t, unsigned flags);
/* Graceful close (pending stack data still goes out) / reset. Both end the handle. */
void plat_tcp_close(plat_tcp *t);
void plat_tcp_abort(plat_tcp *t);

/* ---- UDP ------------------------------------------------------------ */
/* Datagram sockets for the dgram module (modules/udp_binding.c). A handle is made
 * for one family and gets its socket on bind; events come only from plat_wait. */
typedef struct plat_udp plat_udp;

typedef enum {
  PLAT_UDP_MESSAGE, /* a datagram: data/len (valid during the callback only), from */
  PLAT_UDP_ERROR    /* err: a receive error (ECONNREFUSED on a connected socket...) */
} plat_udp_event_type;

typedef struct {
  plat_udp_event_type type;
  int err;
  const uint8_t *data;
  size_t len;
  plat_addr from;
} plat_udp_event;

typedef void (*plat_udp_cb)(plat_udp *u, const plat_udp_event *ev, void *user);

#define PLAT_UDP_REUSEADDR 1u
#define PLAT_UDP_V6ONLY    2u

/* family: 4 or 6. NULL when out of memory. */
plat_udp *plat_udp_new(int family, plat_udp_cb cb, void *user);
/* Binds (an IPv4 address on a family-6 handle is refused: EINVAL); receiving starts
 * with plat_udp_recv_start. Errors (EADDRINUSE, EACCES, EADDRNOTAVAIL) are returned. */
int plat_udp_bind(plat_udp *u, const plat_addr *addr, unsigned flags);
/* Sets the default peer (NULL: disconnect); a bound handle only. */
int plat_udp_connect(plat_udp *u, const plat_addr *remote);
/* Sends one datagram of len bytes to `to` (NULL: the connected peer). 0, or a
 * PLAT_E* code (EMSGSIZE, ENOBUFS/EAGAIN when the stack has no room now: the
 * datagram is dropped, as a full socket buffer drops it, and the caller is told). */
int plat_udp_send(plat_udp *u, const void *data, size_t len, const plat_addr *to);
void plat_udp_recv_start(plat_udp *u);
void plat_udp_recv_stop(plat_udp *u);
int plat_udp_local_addr(plat_udp *u, plat_addr *out);
int plat_udp_remote_addr(plat_udp *u, plat_addr *out); /* ENOTCONN when not connected */
/* Options, as setsockopt: 0 or a PLAT_E* code (EBADF before bind, as libuv). */
int plat_udp_set_broadcast(plat_udp *u, int on);
int plat_udp_set_ttl(plat_udp *u, int ttl); /* 1..255 (EINVAL otherwise) */
int plat_udp_set_multicast_ttl(plat_udp *u, int ttl);
int plat_udp_set_multicast_loop(plat_udp *u, int on);
/* join 1: add membership of group on iface (NULL: any); 0: drop it. A backend without
 * multicast groups returns ENOSYS. */
int plat_udp_membership(plat_udp *u, const plat_addr *group, const plat_addr *iface, int join);
int plat_udp_set_multicast_iface(plat_udp *u, const plat_addr *iface);
/* which 0: the receive buffer, 1: the send buffer. size 0 reads it: *out the size
 * (Linux reports twice what was set, as node shows it); else sets it. */
int plat_udp_buffer_size(plat_udp *u, int which, int size, int *out);
/* Datagrams the socket dropped (its buffer full, no memory): lwIP's own count; on
 * POSIX the kernel's (Linux's SO_RXQ_OVFL, known as of the last datagram read), or -1
 * where the system does not count them (qemu-arm's user emulation lacks the option). */
long plat_udp_dropped(plat_udp *u);
/* Ends the handle: no event after this, freed by the backend when safe. */
void plat_udp_close(plat_udp *u);

/* ---- DNS ------------------------------------------------------------ */
/* family: 0 any, 4, 6. The callback always runs later, from plat_wait.
 * On success err is 0 and addrs holds n >= 1 addresses (valid during the call). */
typedef void (*plat_lookup_cb)(void *user, int err, const plat_addr *addrs, int n);
int plat_lookup(const char *host, int family, plat_lookup_cb cb, void *user);

/* ---- the network's settings and interfaces (os, runtime/netcfg.c) ---- */
/* One address of an interface that is up (os.networkInterfaces()). */
typedef struct {
  char name[16];   /* "lo", "eth0"... */
  plat_addr addr;  /* family 4 or 6; scope_id for IPv6 */
  uint8_t prefix;  /* the netmask's length in bits */
  uint8_t mac[6];  /* all 0 when it has none (a loopback) */
  uint8_t internal;
} plat_if_addr;
/* Fills out[0..max) and returns how many addresses there are (may be more than max),
 * or a PLAT_E* code. */
int plat_net_interfaces(plat_if_addr *out, int max);

/* The board's network interface's settings: a static IPv4 address or DHCP. */
typedef struct {
  uint8_t dhcp;
  uint8_t ip[4], mask[4], gw[4], dns[4]; /* static; network order; dns all 0: unchanged */
  char hostname[33];                     /* "" keeps the board's */
} plat_net_config;
/* Applies c (NULL: back to the settings the board booted with); the same settings
 * again change nothing (a DHCP lease is kept). PLAT_ENOTSUP where the host's system
 * owns the network (POSIX), PLAT_ENETDOWN where there is no interface. */
int plat_net_configure(const plat_net_config *c);
/* 1 where plat_net_configure can apply settings (lwIP), 0 where the host owns them. */
int plat_net_configurable(void);
/* 1 when the board's interface has an IPv4 address (or there is none to wait for:
 * no NIC, POSIX). */
int plat_net_ready(void);
/* Counts the board's address changes (a DHCP lease, a static address set, a lease
 * lost); 0 on POSIX. A change ends a plat_wait, so the loop sees it on its next turn. */
unsigned plat_net_changes(void);

/* What node's os module reports (platform/host on a host: the host's; a board's own). */
typedef struct {
  uint64_t total_mem, free_mem; /* bytes: a board's RAM and what its heap can still take */
  double uptime;                /* seconds since the system (the board) started */
  double loadavg[3];            /* 1, 5, 15 minutes; 0 on a board */
  char hostname[65];
  char type[32], release[65], version[65], machine[32];
  char cpu_model[64];
  unsigned cpu_mhz, cpus;
} plat_os_info;
void plat_os_info_get(plat_os_info *out);
/* CPU cpu's time in ms as node's os.cpus(): user, nice, sys, idle, irq; 0, or a
 * PLAT_E* code where nothing counts them (a board: os.cpus() then says 0). */
int plat_cpu_times(unsigned cpu, double times[5]);

/* ---- memory statistics (for process.memoryUsage and benchmarks) ------ */
typedef struct {
  size_t rss;             /* resident set on Linux; 0 where unknown */
  size_t stack_heap_used; /* lwIP heap + pools in use; 0 on POSIX */
  size_t stack_heap_peak;
} plat_mem_stats;
void plat_mem_stats_get(plat_mem_stats *out);
/* Gives free heap pages back to the system (after start-up's garbage is
 * collected, so an idle device or server keeps a small footprint). */
void plat_mem_release(void);
/* Provided by the runtime (runtime/vm.c): collects the JS heap's garbage so that an
 * allocation of the platform's own that failed (a new connection's state) can be
 * tried again; returns 0 when it cannot (no heap, or a collection is under way). A
 * backend linked without the runtime (unit tests) gets a default that returns 0. */
int plat_collect_garbage(void);

#endif
