/*
 * `petrel-tool DEVICE mount DIR`: the host folder DIR read (and written) live at
 * /remote, as MicroPython's mpremote mount. This file gives platform.h's file calls;
 * a path under the mount point goes to the tool over the console, every other one to
 * the board's own backend (store_*, platform/plat_store.h).
 *
 * A call is one request and one reply, both framed as
 *
 *   CAN (0x18), a tag byte ('M' from the board) or the payload's size in decimal
 *   and '.' (from the tool: the board takes one block for it), the payload in base64,
 *   ':', the first 8 bytes of its SHA-256 in hex, CAN
 *
 * base64 and the digest are the raw protocol's (runtime/repl_run.c's put/get and
 * sha256), so a frame has no control byte inside, no byte of a file can interrupt
 * the board, and the tool takes only a frame whose digest matches for a request:
 * anything else in the program's output (a CAN of its own) is output.
 * Request payload: op, '0' + flags, a sequence letter, the path under the mount point,
 * NUL, then the data (a write) or the second path (a rename). Reply payload: the same
 * letter, the status as decimal text (0, or a negative errno: node's and PLAT_E*'s
 * numbers), NUL, the data.
 *
 * The board waits for the reply (sync file calls), but not forever: when no reply has
 * started MOUNT_IDLE_MS after the request, or one stops that long, the tool is gone: the call fails with EIO (the fs
 * error names the path), and so does every later call under /remote, at once, until a
 * tool mounts again; so too once a tool enters raw mode (a new connection: the one that
 * mounted is gone). The tool unmounts when it exits; a soft reset forgets the mount.
 */
#define PETREL_MOUNT_IMPL
#include <stdlib.h>
#include <string.h>
#include "platform.h"
#include "plat_store.h"
#include "sha256.h"
#include "buffer_codec.h"

#define MOUNT_POINT "/remote"
#define MP_LEN (sizeof MOUNT_POINT - 1)
#define PATH_MAX_LEN 255
#define MOUNT_IDLE_MS 5000
#define CAN 0x18

static int mount_state; /* 0: none, 1: mounted, 2: the tool went away */

void plat_mount_set(int on)
{
  if (on != 2 || mount_state == 1) mount_state = on;
}

/* path made absolute (from the mount point while mounted: the working directory) and
 * normalised into out; returns 1 when it is under the mount point, 0 when not, or
 * PLAT_ENAMETOOLONG. */
static int under(const char *path, char *out)
{
  if (!mount_state) return 0;
  size_t n = 0;
  const char *p = path;
  char joined = path[0] != '/' && mount_state == 1;
  for (int pass = joined ? 0 : 1; pass < 2; pass++, p = path) {
    if (pass == 0) p = MOUNT_POINT;
    while (*p) {
      while (*p == '/') p++;
      size_t len = strcspn(p, "/");
      if (len == 0 || (len == 1 && p[0] == '.')) {
      } else if (len == 2 && p[0] == '.' && p[1] == '.') {
        while (n > 0 && out[--n] != '/') {}
      } else {
        if (n + 1 + len > PATH_MAX_LEN) return PLAT_ENAMETOOLONG;
        out[n++] = '/';
        memcpy(out + n, p, len);
        n += len;
      }
      p += len;
    }
  }
  out[n] = 0;
  return !strncmp(out, MOUNT_POINT, MP_LEN) && (out[MP_LEN] == 0 || out[MP_LEN] == '/');
}

/* The request's frame, sent as it is encoded: 48 bytes at a time become 64 characters. */
typedef struct {
  uint8_t in[48];
  size_t n;
  petrel_sha256 sha;
} encoder;

static void enc_flush(encoder *e)
{
  uint8_t out[64];
  plat_console_write(1, out, pb_decode(e->in, e->n, PB_BASE64, out));
  e->n = 0;
}

static void enc_feed(encoder *e, const void *data, size_t len)
{
  const uint8_t *p = data;
  petrel_sha256_update(&e->sha, p, len);
  while (len--) {
    e->in[e->n++] = *p++;
    if (e->n == sizeof e->in) enc_flush(e);
  }
}

/* ":<16 hex>" of a digest into out (17 bytes) */
static void digest_tail(petrel_sha256 *s, uint8_t *out)
{
  uint8_t d[32];
  petrel_sha256_final(s, d);
  out[0] = ':';
  pb_decode(d, 8, PB_HEX, out + 1);
}

/* Reads the reply's frame: its payload into a malloc'd *buf (NUL after it). 0, or
 * PLAT_EIO (no reply in time, a bad frame) or PLAT_ENOMEM (read to its end). */
static int read_reply(char **buf, size_t *len)
{
  char in[128], quad[4], tail[17];
  size_t qn = 0, tn = 0, size = 0, n = 0;
  int state = 0, nomem = 0; /* 0: before the frame, 1: its size, 2: its base64 */
  char *b = NULL;
  uint64_t deadline = plat_now_ms() + MOUNT_IDLE_MS;
  for (;;) {
    uint64_t now = plat_now_ms();
    long got = now < deadline ? plat_console_read_sync(in, sizeof in, (int)(deadline - now)) : 0;
    if (got < 0 || (got == 0 && plat_now_ms() >= deadline)) {
      free(b);
      mount_state = 2;
      return PLAT_EIO;
    }
    for (long i = 0; i < got; i++) {
      char c = in[i];
      if (!state) { /* before the frame: a Ctrl-C (its flag is set already), or a new
                     * tool's Ctrl-C Ctrl-A, which must not keep the board waiting */
        state = c == CAN;
        continue;
      }
      deadline = plat_now_ms() + MOUNT_IDLE_MS; /* a long reply takes as long as it flows */
      if (c == CAN) {
        petrel_sha256 s;
        uint8_t want[17];
        petrel_sha256_init(&s);
        petrel_sha256_update(&s, b, n);
        digest_tail(&s, want);
        if (nomem || state != 2 || n != size || tn != 17 || memcmp(want, tail, 17)) {
          free(b);
          return nomem ? PLAT_ENOMEM : PLAT_EIO;
        }
        b[n] = 0;
        *buf = b;
        *len = n;
        return 0;
      }
      if ((unsigned char)c < 0x20) continue; /* a Ctrl-C typed meanwhile (flagged already) */
      if (state == 1) { /* the payload's size, then '.': one block for it */
        if (c >= '0' && c <= '9' && size < ((size_t)-1 >> 4)) {
          size = size * 10 + (size_t)(c - '0');
        } else {
          state = 2;
          nomem = !(b = malloc(size + 4));
        }
        continue;
      }
      if (tn || c == ':') {
        if (tn < sizeof tail) tail[tn++] = c;
        continue;
      }
      quad[qn++] = c;
      if (qn < 4) continue;
      qn = 0;
      if (!nomem && n <= size) n += pb_encode((const uint8_t *)quad, 4, PB_BASE64, (uint8_t *)b + n, 3);
    }
  }
}

/* A decimal number at *q, which moves past it and one separator (newlib's strto*
 * would bring its locale code into a board's flash). */
static int64_t num(const char **q)
{
  const char *p = *q;
  int neg = *p == '-';
  int64_t v = 0;
  for (p += neg; *p >= '0' && *p <= '9'; p++) v = v * 10 + (*p - '0');
  *q = *p ? p + 1 : p;
  return neg ? -v : v;
}

/* One call: op on rel (the path under the mount point) with data. Returns the reply's
 * status; with out, its data (malloc'd, NUL after it) when the status is not an error. */
static int call(char op, unsigned flags, const char *rel, const void *data, size_t len, char **out, size_t *out_len)
{
  if (mount_state != 1) return PLAT_EIO;
  encoder e;
  e.n = 0;
  petrel_sha256_init(&e.sha);
  static uint8_t seq;
  char head[3] = { op, (char)('0' + flags), (char)('A' + seq++ % 26) };
  plat_console_write(1, "\x18M", 2);
  enc_feed(&e, head, 3);
  enc_feed(&e, rel, strlen(rel) + 1);
  enc_feed(&e, data, len);
  enc_flush(&e);
  uint8_t end[18];
  digest_tail(&e.sha, end);
  end[17] = CAN;
  plat_console_write(1, end, sizeof end);
  char *r;
  size_t rn;
  int st;
  for (;;) { /* a late reply to an earlier call (its tool stopped a while) is not this one's */
    if ((st = read_reply(&r, &rn)) != 0) return st;
    if (r[0] == head[2]) break;
    free(r);
  }
  const char *q = r + 1;
  st = (int)num(&q);
  size_t skip = strlen(r) + 1;
  if (skip > rn) skip = rn;
  if (out && st >= 0) {
    memmove(r, r + skip, rn - skip + 1);
    *out = r;
    *out_len = rn - skip;
  } else {
    free(r);
  }
  return st;
}

#define REL(p) ((p) + MP_LEN)


int plat_file_read(const char *path, char **data, size_t *len)
{
  char p[PATH_MAX_LEN + 1];
  int u = under(path, p);
  if (u < 0) return u;
  return u ? call('r', 0, REL(p), "", 0, data, len) : store_file_read(path, data, len);
}

int plat_file_stat(const char *path, int follow, plat_stat *st)
{
  char p[PATH_MAX_LEN + 1];
  int u = under(path, p);
  if (u < 0) return u;
  if (!u) return store_file_stat(path, follow, st);
  char *r;
  size_t n;
  int e = call('s', (unsigned)follow, REL(p), "", 0, &r, &n);
  if (e) return e;
  memset(st, 0, sizeof *st);
  const char *q = r; /* "kind mode size mtime_ms" */
  st->kind = (uint8_t)num(&q);
  st->mode = (uint32_t)num(&q);
  st->size = (uint64_t)num(&q);
  st->atime_ms = st->mtime_ms = st->ctime_ms = st->birthtime_ms = (double)num(&q);
  st->nlink = 1;
  st->blksize = 4096;
  st->blocks = (st->size + 511) / 512;
  free(r);
  return 0;
}

int plat_file_kind(const char *path)
{
  char p[PATH_MAX_LEN + 1];
  plat_stat st;
  int u = under(path, p);
  if (u <= 0) return u < 0 ? 0 : store_file_kind(path);
  if (plat_file_stat(p, 1, &st)) return 0;
  return st.kind == PLAT_KIND_FILE ? 1 : st.kind == PLAT_KIND_DIR ? 2 : 0;
}

/* flags: PLAT_FILE_APPEND, PLAT_FILE_EXCL, 4: the file must exist */
static int put(const char *path, const void *data, size_t len, unsigned flags)
{
  char p[PATH_MAX_LEN + 1];
  int u = under(path, p);
  if (u < 0) return u;
  if (u) return call('w', flags, REL(p), data, len, NULL, NULL);
  if (flags & 4) return store_file_append(path, data, len);
  return flags == 8 ? store_file_write(path, data, len) : store_file_put(path, data, len, flags);
}

int plat_file_write(const char *path, const void *data, size_t len) { return put(path, data, len, 8); }
int plat_file_append(const char *path, const void *data, size_t len) { return put(path, data, len, 5); }
int plat_file_put(const char *path, const void *data, size_t len, unsigned flags) { return put(path, data, len, flags); }

/* unlink, mkdir, rmdir: op 'u', 'm', 'd' */
static int path_op(char op, const char *path, int (*store)(const char *))
{
  char p[PATH_MAX_LEN + 1];
  int u = under(path, p);
  if (u < 0) return u;
  return u ? call(op, 0, REL(p), "", 0, NULL, NULL) : store(path);
}

int plat_file_unlink(const char *path) { return path_op('u', path, store_file_unlink); }
int plat_file_mkdir(const char *path) { return path_op('m', path, store_file_mkdir); }
int plat_file_rmdir(const char *path) { return path_op('d', path, store_file_rmdir); }

int plat_file_rename(const char *from, const char *to)
{
  char a[PATH_MAX_LEN + 1], b[PATH_MAX_LEN + 1];
  int ua = under(from, a), ub = under(to, b);
  if (ua < 0 || ub < 0) return PLAT_ENAMETOOLONG;
  if (ua != ub) return PLAT_EXDEV; /* between the host folder and the board's files */
  if (!ua) return store_file_rename(from, to);
  return call('n', 0, REL(a), REL(b), strlen(REL(b)), NULL, NULL);
}

int plat_dir_read(const char *path, char **names, size_t *len)
{
  char p[PATH_MAX_LEN + 1];
  int u = under(path, p);
  if (u < 0) return u;
  return u ? call('l', 0, REL(p), "", 0, names, len) : store_dir_read(path, names, len);
}

/* The host folder's file system, as the tool's statvfs gives it: "bsize blocks bfree
 * bavail files ffree" (df of /remote). */
int plat_file_statfs(const char *path, plat_statfs *out)
{
  char p[PATH_MAX_LEN + 1];
  int u = under(path, p);
  if (u < 0) return u;
  if (!u) return store_file_statfs(path, out);
  char *r;
  size_t n;
  int e = call('f', 0, REL(p), "", 0, &r, &n);
  if (e) return e;
  memset(out, 0, sizeof *out);
  const char *q = r;
  out->bsize = (uint64_t)num(&q);
  out->blocks = (uint64_t)num(&q);
  out->bfree = (uint64_t)num(&q);
  out->bavail = (uint64_t)num(&q);
  out->files = (uint64_t)num(&q);
  out->ffree = (uint64_t)num(&q);
  free(r);
  return 0;
}

/* The mount point is the working directory while mounted (mpremote's cwd), so a
 * relative require or path is the host folder's. */
int plat_cwd(char *buf, size_t len)
{
  if (mount_state != 1) return store_cwd(buf, len);
  if (len < sizeof MOUNT_POINT) return PLAT_EINVAL;
  memcpy(buf, MOUNT_POINT, sizeof MOUNT_POINT);
  return 0;
}
