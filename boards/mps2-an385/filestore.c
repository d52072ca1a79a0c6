/*
 * A small RAM file store behind plat_file_* (and so require() and the
 * raw REPL's "//@petrel:write"): a fixed table of named blobs under one root "/".
 * Directories are implicit: "/lib" is a directory when some file is named
 * "/lib/...". Contents are malloc'd and count against a total of
 * PETREL_FILESTORE_BYTES; the application embedded at build time (APP=) is listed as
 * "/app.js" but stays in flash. Files live until reset.
 */
#include <stdlib.h>
#include <string.h>
#include "mps2.h"
#include "platform.h"
#include "lwip_board.h"
#include "platform_errors.h"

#ifndef PETREL_FILESTORE_FILES
#define PETREL_FILESTORE_FILES 24
#endif
#ifndef PETREL_FILESTORE_BYTES
#define PETREL_FILESTORE_BYTES (64 * 1024)
#endif
#define NAME_MAX_LEN 63

typedef struct {
  char name[NAME_MAX_LEN + 1]; /* normalised absolute path; "" = free slot */
  const char *data;
  size_t len;
  int in_flash; /* data is not ours to free */
} fs_entry;

static fs_entry files[PETREL_FILESTORE_FILES];
static size_t bytes_used;

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
    if (files[i].name[0] && strcmp(files[i].name, name) == 0) return &files[i];
  return NULL;
}

static int is_dir(const char *name)
{
  size_t len = strlen(name);
  if (len == 1) return 1; /* the root */
  for (int i = 0; i < PETREL_FILESTORE_FILES; i++)
    if (files[i].name[0] && strncmp(files[i].name, name, len) == 0 && files[i].name[len] == '/') return 1;
  return 0;
}

void board_filestore_init(void)
{
  if ((uintptr_t)petrel_app_end > (uintptr_t)petrel_app_start) {
    strcpy(files[0].name, "/app.js");
    files[0].data = petrel_app_start;
    files[0].len = (size_t)(petrel_app_end - petrel_app_start);
    files[0].in_flash = 1;
  }
}

int plat_file_read(const char *path, char **data, size_t *len)
{
  char name[NAME_MAX_LEN + 1];
  if (normalise(path, name)) return PLAT_ENOENT;
  fs_entry *e = find(name);
  if (!e) return is_dir(name) ? PLAT_EISDIR : PLAT_ENOENT;
  char *copy = malloc(e->len + 1);
  if (!copy) return PLAT_ENOMEM;
  memcpy(copy, e->data, e->len);
  copy[e->len] = 0;
  *data = copy;
  *len = e->len;
  return 0;
}

int plat_file_kind(const char *path)
{
  char name[NAME_MAX_LEN + 1];
  if (normalise(path, name)) return 0;
  if (find(name)) return 1;
  return is_dir(name) ? 2 : 0;
}

int plat_file_write(const char *path, const void *data, size_t len)
{
  char name[NAME_MAX_LEN + 1];
  int r = normalise(path, name);
  if (r) return r;
  if (is_dir(name)) return PLAT_EISDIR;
  /* A path below an existing file ("/app.js/x") cannot be created. */
  for (char *slash = strchr(name + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
    *slash = 0;
    int clash = find(name) != NULL;
    *slash = '/';
    if (clash) return PLAT_ENOENT;
  }
  fs_entry *e = find(name);
  size_t old = (e && !e->in_flash) ? e->len : 0;
  if (bytes_used - old + len > PETREL_FILESTORE_BYTES) return PLAT_ENOSPC;
  if (!e) {
    for (int i = 0; i < PETREL_FILESTORE_FILES && !e; i++)
      if (!files[i].name[0]) e = &files[i];
    if (!e) return PLAT_ENOSPC;
  }
  char *copy = malloc(len ? len : 1);
  if (!copy) return PLAT_ENOMEM;
  memcpy(copy, data, len);
  if (e->name[0] && !e->in_flash) free((void *)e->data);
  strcpy(e->name, name);
  e->data = copy;
  e->len = len;
  e->in_flash = 0;
  bytes_used = bytes_used - old + len;
  return 0;
}

int plat_cwd(char *buf, size_t len)
{
  if (len < 2) return PLAT_EINVAL;
  strcpy(buf, "/");
  return 0;
}
