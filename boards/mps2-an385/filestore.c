/*
 * A small RAM file store behind plat_file_* (and so require() and the
 * raw REPL's "//@petrel:write"): a fixed table of named blobs under one root "/".
 * Directories are implicit: "/lib" is a directory when some file is named
 * "/lib/...". Contents count against a total of PETREL_FILESTORE_BYTES; the
 * application embedded at build time (APP=) is listed as "/app.js" but stays in
 * flash, and so does its line table, "/app.js.lines". Writing a file drops its line
 * table (NAME.lines). Files live until reset.
 *
 * A file of PACK_MIN bytes or more is kept DEFLATE-compressed when that is smaller
 * (runtime/deflate.c; JS source to about a quarter) and inflated by each read: an
 * uploaded script stays in the store while it runs (the 25 KB
 * tests/js/assert/test_assert.js as 6.4 KB), and its text is read once, to compile it.
 *
 * Each file (its name, then its bytes) is one block at the top of RAM, below the
 * files stored before it: the store grows down from the end of the heap region and
 * malloc's memory (_sbrk, syscalls.c) stops where it begins. A file stored with
 * malloc lands in the middle of the heap, above the upload's transient copies, and
 * splits the heap in two: at 256 KiB, test_assert.js passed at 256 KiB and failed at
 * 252 KiB half the time with its 6.4 KB there, and passed at 240 KiB without it.
 * Replacing a file moves the blocks below it up (nothing outside the store points
 * into them: a read returns a copy). When malloc's memory has already grown into the
 * room a file needs, the file is malloc'd instead.
 */
#include <stdlib.h>
#include <string.h>
#include "mps2.h"
#include "platform.h"
#include "lwip_board.h"
#include "platform_errors.h"
#include "plat_store.h"
#include "deflate.h"
#include "inflate.h"

#ifndef PETREL_FILESTORE_FILES
#define PETREL_FILESTORE_FILES 24
#endif
#ifndef PETREL_FILESTORE_BYTES
#define PETREL_FILESTORE_BYTES (64 * 1024)
#endif
#define NAME_MAX_LEN 63
#define PACK_MIN 256

typedef struct {
  char *name;       /* normalised absolute path, at the start of block; NULL = free slot */
  const char *data; /* len bytes, or packed bytes that inflate to len */
  size_t len;
  size_t packed;    /* 0: data is the bytes themselves */
  char *block;      /* name and data; NULL for the app in flash */
  size_t block_size;
  int on_top;       /* block is in the store's region at the top of RAM (else malloc'd) */
  int dir;          /* a directory made by mkdir (no bytes) */
  double mtime;     /* wall clock ms of the last write (0: the app in flash) */
} fs_entry;

static fs_entry files[PETREL_FILESTORE_FILES];
static size_t bytes_used;
extern char __heap_end[];

static size_t drop(fs_entry *e);

static size_t stored_size(const fs_entry *e) { return !e->block ? 0 : e->packed ? e->packed : e->len; }

/* "/a//b/./c/../d" -> "/a/b/d"; relative paths start at "/" (the only cwd). */
static int normalise(const char *path, char *out)
{
  size_t n = 0;
  out[n++] = '/';
  const char *p = path;
  while (*p) {
    while (*p == '/') p++;
    const char *seg = p;
    while (*p && *p != '/') p++;
    size_t len = (size_t)(p - seg);
    if (len == 0 || (len == 1 && seg[0] == '.')) continue;
    if (len == 2 && seg[0] == '.' && seg[1] == '.') {
      if (n > 1) {
        n--;
        while (n > 1 && out[n - 1] != '/') n--;
        if (n > 1) n--; /* drop the slash too */
      }
      continue;
    }
    if (n > 1) out[n++] = '/';
    if (n + len > NAME_MAX_LEN) return PLAT_EINVAL;
    memcpy(out + n, seg, len);
    n += len;
  }
  out[n] = 0;
  return 0;
}

static fs_entry *find(const char *name)
{
  for (int i = 0; i < PETREL_FILESTORE_FILES; i++)
    if (files[i].name && strcmp(files[i].name, name) == 0) return &files[i];
  return NULL;
}

static int is_dir(const char *name)
{
  size_t len = strlen(name);
  if (len == 1) return 1; /* the root */
  fs_entry *d = find(name);
  if (d) return d->dir;
  for (int i = 0; i < PETREL_FILESTORE_FILES; i++)
    if (files[i].name && strncmp(files[i].name, name, len) == 0 && files[i].name[len] == '/') return 1;
  return 0;
}

void board_filestore_init(void)
{
  if ((uintptr_t)petrel_app_end > (uintptr_t)petrel_app_start) {
    files[0].name = (char *)"/app.js";
    files[0].data = petrel_app_start;
    files[0].len = (size_t)(petrel_app_end - petrel_app_start);
  }
  /* Its line table (tools/build.js), in flash too: read only when a stack trace of
   * the app is formatted (runtime/linetab.c). */
  if ((uintptr_t)petrel_app_lines_end > (uintptr_t)petrel_app_lines_start) {
    files[1].name = (char *)"/app.js.lines";
    files[1].data = petrel_app_lines_start;
    files[1].len = (size_t)(petrel_app_lines_end - petrel_app_lines_start);
  }
}

/* The embedded app, as app_embed.S lays it out: the module wrapper's head right
 * before its text and the tail right after it, so the loader compiles it from flash
 * (a 399 KB bundle no longer needs 399 KB of RAM for its text). Only while /app.js is
 * still that text: a file written over it lives in RAM and is read as a copy. */
int plat_file_in_place(const char *path, const char *head, const char *tail, const char **text, size_t *len)
{
  char name[NAME_MAX_LEN + 1];
  const char *app = petrel_app_start, *end = petrel_app_end;
  /* opaque to the compiler, which takes the symbols for arrays of their declared size */
  __asm__("" : "+r"(app), "+r"(end));
  size_t hl = strlen(head), tl = strlen(tail), n = (size_t)(end - app);
  if (normalise(path, name)) return 0;
  fs_entry *e = find(name);
  if (!e || e->dir || e->packed || e->data != petrel_app_start || e->len != n) return 0;
  if (memcmp(app - hl, head, hl) != 0 || memcmp(end, tail, tl) != 0) return 0;
  *text = app - hl;
  *len = hl + n + tl;
  return 1;
}

int plat_file_read(const char *path, char **data, size_t *len)
{
  char name[NAME_MAX_LEN + 1];
  if (normalise(path, name)) return PLAT_ENOENT;
  fs_entry *e = find(name);
  if (!e || e->dir) return is_dir(name) ? PLAT_EISDIR : PLAT_ENOENT;
  char *copy = malloc(e->len + 1);
  if (!copy) return PLAT_ENOMEM;
  if (!e->packed)
    memcpy(copy, e->data, e->len);
  else if (petrel_inflate(e->data, e->packed, copy, e->len) != 0) {
    free(copy);
    return PLAT_EIO; /* cannot happen: the store checked it when it packed it */
  }
  copy[e->len] = 0;
  *data = copy;
  *len = e->len;
  return 0;
}

int plat_file_kind(const char *path)
{
  char name[NAME_MAX_LEN + 1];
  if (normalise(path, name)) return 0;
  if (is_dir(name)) return 2;
  return find(name) ? 1 : 0;
}

static int store(char *name, const void *data, size_t len, int dir);

int plat_file_write(const char *path, const void *data, size_t len)
{
  char name[NAME_MAX_LEN + 1];
  int r = normalise(path, name);
  if (r) return r;
  return store(name, data, len, 0);
}

/* Stores a file (or with dir, an empty directory) under the normalised name. */
static int store(char *name, const void *data, size_t len, int dir)
{
  if (is_dir(name)) return PLAT_EISDIR;
  /* A path below an existing file ("/app.js/x") cannot be created. */
  for (char *slash = strchr(name + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
    *slash = 0;
    fs_entry *f = find(name);
    int clash = f && !f->dir;
    *slash = '/';
    if (clash) return PLAT_ENOENT;
  }
  fs_entry *e = find(name);
  if (!e) {
    for (int i = 0; i < PETREL_FILESTORE_FILES && !e; i++)
      if (!files[i].name) e = &files[i];
    if (!e) return PLAT_ENOSPC;
  }
  /* Packed when that is smaller by an eighth and reads back (a failed malloc of the
   * encoder's tables or of the check stores the bytes as they are). */
  char *z = NULL;
  size_t packed = 0;
  if (!dir && len >= PACK_MIN && (z = malloc(len - len / 8)) != NULL &&
      (packed = petrel_deflate(data, len, z, len - len / 8)) != 0) {
    char *check = malloc(len);
    if (!check || petrel_inflate(z, packed, check, len) != 0 || memcmp(check, data, len) != 0) packed = 0;
    free(check);
  }
  const char *bytes = packed ? z : data;
  size_t size = packed ? packed : len;
  if (bytes_used - stored_size(e) + size > PETREL_FILESTORE_BYTES) {
    free(z);
    return PLAT_ENOSPC;
  }
  size_t name_len = strlen(name) + 1;
  size_t need = (name_len + size + 3) & ~(size_t)3;
  char *block;
  int on_top = (size_t)(board_heap_end - board_heap_break()) >= need;
  if (on_top) {
    board_heap_end -= need;
    block = board_heap_end;
  } else {
    block = malloc(need);
  }
  if (!block) {
    free(z);
    return PLAT_ENOMEM; /* the old contents stay */
  }
  memcpy(block, name, name_len);
  memcpy(block + name_len, bytes, size);
  free(z);
  size_t moved = drop(e); /* the old contents; the blocks below them move up */
  if (on_top) block += moved; /* the new block is the lowest */
  e->name = block;
  e->data = block + name_len;
  e->block = block;
  e->block_size = need;
  e->on_top = on_top;
  e->len = len;
  e->packed = packed;
  e->dir = dir;
  e->mtime = plat_wallclock_ms();
  bytes_used += size;
  /* A new file makes its old line table (NAME.lines, runtime/linetab.c) wrong: the
   * table goes (petrel-tool sends a bundle's new one after the bundle). */
  size_t nl = strlen(name);
  if (nl + 6 <= NAME_MAX_LEN && !(nl > 6 && !strcmp(name + nl - 6, ".lines"))) {
    memcpy(name + nl, ".lines", 7);
    fs_entry *t = find(name);
    if (t) {
      drop(t);
      t->name = NULL; /* drop() leaves a table in flash (APP=) listed */
    }
  }
  return 0;
}

/* Appending (petrel-tool's chunked uploads): one new block holds the name, the old
 * bytes (inflated when they were packed) and the new ones, unpacked (the tool's last
 * chunk is followed by a rewrite that packs the file when it fits in RAM: repl_run.c).
 * Only that block is allocated, never a second copy of the file: an upload larger
 * than free RAM fills the store and gets ENOSPC. */
int plat_file_append(const char *path, const void *data, size_t len)
{
  char name[NAME_MAX_LEN + 1];
  if (normalise(path, name)) return PLAT_ENOENT;
  fs_entry *e = find(name);
  if (!e) return is_dir(name) ? PLAT_EISDIR : PLAT_ENOENT;
  if (!len) return 0;
  if (bytes_used - stored_size(e) + e->len + len > PETREL_FILESTORE_BYTES) return PLAT_ENOSPC;
  size_t name_len = strlen(name) + 1;
  size_t need = (name_len + e->len + len + 3) & ~(size_t)3;
  char *block;
  int on_top = (size_t)(board_heap_end - board_heap_break()) >= need;
  if (on_top) {
    board_heap_end -= need;
    block = board_heap_end;
  } else if ((block = malloc(need)) == NULL) {
    return PLAT_ENOMEM;
  }
  memcpy(block, name, name_len);
  size_t old = e->len;
  if (!e->packed)
    memcpy(block + name_len, e->data, old);
  else if (petrel_inflate(e->data, e->packed, block + name_len, old) != 0) {
    if (on_top)
      board_heap_end += need;
    else
      free(block);
    return PLAT_EIO; /* cannot happen: checked when packed */
  }
  memcpy(block + name_len + old, data, len);
  if (!e->block) { /* the app in flash: the slot is reused as is */
    e->name = NULL;
  }
  size_t moved = drop(e);
  if (on_top) block += moved;
  e->name = block;
  e->data = block + name_len;
  e->block = block;
  e->block_size = need;
  e->on_top = on_top;
  e->len = old + len;
  e->packed = 0;
  bytes_used += e->len;
  return 0;
}

/* Frees e's block (its name goes too: the caller names it again). A block at the
 * top: the ones below it (lower addresses) move up by its size, which is returned. */
static size_t drop(fs_entry *e)
{
  if (!e->block) return 0; /* a free slot, or the app in flash (replaced in place) */
  bytes_used -= stored_size(e);
  size_t n = 0;
  if (!e->on_top) {
    free(e->block);
  } else {
    char *low = board_heap_end, *gap = e->block;
    n = e->block_size;
    memmove(low + n, low, (size_t)(gap - low));
    for (int i = 0; i < PETREL_FILESTORE_FILES; i++) {
      fs_entry *f = &files[i];
      if (f != e && f->block && f->on_top && f->block < gap) {
        f->block += n;
        f->name += n;
        f->data += n;
      }
    }
    board_heap_end += n;
  }
  e->block = NULL;
  e->name = NULL;
  e->dir = 0;
  return n;
}

/* Bytes the store keeps at the top of RAM (board_rss counts them). */
size_t board_filestore_top(void) { return (size_t)(__heap_end - board_heap_end); }

int plat_cwd(char *buf, size_t len)
{
  if (len < 2) return PLAT_EINVAL;
  strcpy(buf, "/");
  return 0;
}

/* ---- the calls behind the fs module (platform.h) ----------------------------
 * Stricter than plat_file_write, as a POSIX file system: a file's directory must
 * exist (ENOENT; ENOTDIR under a file). A directory is made by mkdir, or exists
 * because a file below it does (an upload's "/lib/x.js"). */

/* The parent of a normalised name: 0 when it is a directory, else ENOENT/ENOTDIR. */
static int check_parent(char *name)
{
  char *slash = strrchr(name, '/');
  if (slash == name) return 0; /* the root */
  *slash = 0;
  int r = 0;
  if (!is_dir(name)) {
    r = PLAT_ENOENT;
    /* a file on the way: ENOTDIR */
    for (char *p = name + 1;; p++) {
      if (*p == '/' || *p == 0) {
        char c = *p;
        *p = 0;
        fs_entry *f = find(name);
        *p = c;
        if (f && !f->dir) {
          r = PLAT_ENOTDIR;
          break;
        }
        if (!c) break;
      }
    }
  }
  *slash = '/';
  return r;
}

static int name_of(const char *path, char *name) { return normalise(path, name) ? PLAT_ENAMETOOLONG : 0; }

int plat_file_put(const char *path, const void *data, size_t len, unsigned flags)
{
  char name[NAME_MAX_LEN + 1];
  int r = name_of(path, name);
  if (r) return r;
  if (is_dir(name)) return PLAT_EISDIR;
  if ((r = check_parent(name)) != 0) return r;
  fs_entry *e = find(name);
  if (e && (flags & PLAT_FILE_EXCL)) return PLAT_EEXIST;
  if (!e || !(flags & PLAT_FILE_APPEND) || e->len == 0) return store(name, data, len, 0);
  /* appending: the old bytes and the new, stored again */
  char *old;
  size_t old_len;
  if ((r = plat_file_read(name, &old, &old_len)) != 0) return r;
  char *both = realloc(old, old_len + len + 1);
  if (!both) {
    free(old);
    return PLAT_ENOMEM;
  }
  memcpy(both + old_len, data, len);
  r = store(name, both, old_len + len, 0);
  free(both);
  return r;
}

int plat_file_stat(const char *path, int follow, plat_stat *out)
{
  (void)follow; /* no links in the store */
  char name[NAME_MAX_LEN + 1];
  int r = name_of(path, name);
  if (r) return r;
  fs_entry *e = find(name);
  memset(out, 0, sizeof *out);
  if (is_dir(name)) {
    out->kind = PLAT_KIND_DIR;
    out->mode = 0040777;
  } else if (e) {
    out->kind = PLAT_KIND_FILE;
    out->mode = 0100666;
    out->size = e->len;
  } else {
    return (r = check_parent(name)) != 0 ? r : PLAT_ENOENT;
  }
  out->nlink = 1;
  out->atime_ms = out->mtime_ms = out->ctime_ms = out->birthtime_ms = e ? e->mtime : 0;
  return 0;
}

int plat_file_unlink(const char *path)
{
  char name[NAME_MAX_LEN + 1];
  int r = name_of(path, name);
  if (r) return r;
  if (is_dir(name)) return PLAT_EISDIR; /* as Linux's unlink(2) */
  fs_entry *e = find(name);
  if (!e) return (r = check_parent(name)) != 0 ? r : PLAT_ENOENT;
  drop(e);
  e->name = NULL; /* drop() leaves the app in flash listed */
  return 0;
}

int plat_file_mkdir(const char *path)
{
  char name[NAME_MAX_LEN + 1];
  int r = name_of(path, name);
  if (r) return r;
  if (is_dir(name) || find(name)) return PLAT_EEXIST;
  if ((r = check_parent(name)) != 0) return r;
  return store(name, "", 0, 1);
}

int plat_file_rmdir(const char *path)
{
  char name[NAME_MAX_LEN + 1];
  int r = name_of(path, name);
  if (r) return r;
  fs_entry *e = find(name);
  if (e && !e->dir) return PLAT_ENOTDIR;
  if (!is_dir(name)) return (r = check_parent(name)) != 0 ? r : PLAT_ENOENT;
  if (strlen(name) == 1) return PLAT_EBUSY; /* the root */
  if (!e) return PLAT_ENOTEMPTY; /* there only because files are below it */
  size_t len = strlen(name);
  for (int i = 0; i < PETREL_FILESTORE_FILES; i++)
    if (files[i].name && !strncmp(files[i].name, name, len) && files[i].name[len] == '/') return PLAT_ENOTEMPTY;
  drop(e);
  return 0;
}

int plat_file_rename(const char *from, const char *to)
{
  char a[NAME_MAX_LEN + 1], b[NAME_MAX_LEN + 1];
  int r = name_of(from, a);
  if (r || (r = name_of(to, b)) != 0) return r;
  fs_entry *e = find(a);
  if (is_dir(a)) return PLAT_ENOSYS; /* moving a directory's files: not done yet */
  if (!e) return (r = check_parent(a)) != 0 ? r : PLAT_ENOENT;
  if (!strcmp(a, b)) return 0;
  if (is_dir(b)) return PLAT_EISDIR;
  if ((r = check_parent(b)) != 0) return r;
  char *data;
  size_t len;
  if ((r = plat_file_read(a, &data, &len)) != 0) return r;
  r = store(b, data, len, 0);
  free(data);
  if (r) return r;
  e = find(a); /* store() may have moved the blocks */
  if (e) {
    drop(e);
    e->name = NULL;
  }
  return 0;
}

/* The store as statfs gives a file system: blocks of one byte, PETREL_FILESTORE_BYTES of
 * them, the free ones what is not stored yet (a packed file counts its packed size); the
 * table's slots as its files (a directory takes one, and so does the app in flash).
 * type: 0 (a RAM store). Free bytes are room the store allows; malloc's memory at its
 * peak may have taken some of it, and a file then goes to malloc (above). */
int plat_file_statfs(const char *path, plat_statfs *out)
{
  plat_stat st;
  int r = plat_file_stat(path, 1, &st);
  if (r) return r;
  memset(out, 0, sizeof *out);
  out->bsize = 1;
  out->blocks = PETREL_FILESTORE_BYTES;
  out->bfree = out->bavail = bytes_used < PETREL_FILESTORE_BYTES ? PETREL_FILESTORE_BYTES - bytes_used : 0;
  out->files = PETREL_FILESTORE_FILES;
  for (int i = 0; i < PETREL_FILESTORE_FILES; i++)
    if (!files[i].name) out->ffree++;
  return 0;
}

int plat_dir_read(const char *path, char **names, size_t *len)
{
  char name[NAME_MAX_LEN + 1];
  int r = name_of(path, name);
  if (r) return r;
  if (!is_dir(name)) {
    if (find(name)) return PLAT_ENOTDIR;
    return (r = check_parent(name)) != 0 ? r : PLAT_ENOENT;
  }
  size_t plen = strlen(name), n = 0;
  if (plen == 1) plen = 0; /* the root: entries start after its "/" */
  char *out = malloc(PETREL_FILESTORE_FILES * (NAME_MAX_LEN + 1) + 1);
  if (!out) return PLAT_ENOMEM;
  for (int i = 0; i < PETREL_FILESTORE_FILES; i++) {
    const char *f = files[i].name;
    if (!f || strncmp(f, name, plen) != 0 || f[plen] != '/' || !f[plen + 1]) continue;
    const char *child = f + plen + 1;
    size_t cl = strcspn(child, "/");
    int seen = 0; /* a directory named by several files: once */
    for (size_t o = 0; o < n && !seen; o += strlen(out + o) + 1)
      seen = strlen(out + o) == cl && !memcmp(out + o, child, cl);
    if (seen) continue;
    memcpy(out + n, child, cl);
    out[n + cl] = 0;
    n += cl + 1;
  }
  *names = out;
  *len = n;
  return 0;
}
