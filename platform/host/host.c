/* platform.h's files, working directory and terminal mode on a POSIX host, and the
 * memory figure (host.h). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/vfs.h>
#else
#include <sys/statvfs.h>
#endif
#include <termios.h>
#include <unistd.h>
#include "host.h"
#include "plat_store.h"

int plat_file_in_place(const char *path, const char *head, const char *tail, const char **text, size_t *len)
{
  (void)path; (void)head; (void)tail; (void)text; (void)len;
  return 0; /* files are read from the file system */
}

int plat_file_read(const char *path, char **data, size_t *len)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return host_error(errno);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    return host_error(e);
  }
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    return PLAT_EISDIR;
  }
  size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, n = 0;
  char *buf = malloc(cap);
  if (!buf) {
    close(fd);
    return PLAT_ENOMEM;
  }
  for (;;) {
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) {
        free(buf);
        close(fd);
        return PLAT_ENOMEM;
      }
      buf = nb;
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      free(buf);
      close(fd);
      return host_error(e);
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  close(fd);
  *data = buf;
  *len = n;
  return 0;
}

int plat_file_kind(const char *path)
{
  struct stat st;
  if (stat(path, &st) != 0) return 0;
  return S_ISDIR(st.st_mode) ? 2 : 1;
}

int plat_file_write(const char *path, const void *data, size_t len)
{
  FILE *f = fopen(path, "wb");
  if (!f) return host_error(errno);
  size_t n = fwrite(data, 1, len, f);
  int err = fclose(f);
  return (n == len && err == 0) ? 0 : PLAT_EIO;
}

int plat_file_append(const char *path, const void *data, size_t len)
{
  if (plat_file_kind(path) != 1) return plat_file_kind(path) == 2 ? PLAT_EISDIR : PLAT_ENOENT;
  FILE *f = fopen(path, "ab");
  if (!f) return host_error(errno);
  size_t n = fwrite(data, 1, len, f);
  int e = n == len ? 0 : errno;
  if (fclose(f) != 0 && !e) e = errno;
  return e ? host_error(e) : n == len ? 0 : PLAT_EIO;
}

int plat_cwd(char *buf, size_t len) { return getcwd(buf, len) ? 0 : host_error(errno); }

int plat_file_put(const char *path, const void *data, size_t len, unsigned flags)
{
  int oflags = O_WRONLY | O_CREAT | O_CLOEXEC | ((flags & PLAT_FILE_APPEND) ? O_APPEND : O_TRUNC);
  if (flags & PLAT_FILE_EXCL) oflags |= O_EXCL;
  int fd = open(path, oflags, 0666);
  if (fd < 0) return host_error(errno);
  const char *p = data;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      close(fd);
      return host_error(e);
    }
    p += n;
    len -= (size_t)n;
  }
  return close(fd) == 0 ? 0 : host_error(errno);
}

static double ms(struct timespec t) { return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6; }

int plat_file_stat(const char *path, int follow, plat_stat *out)
{
  struct stat st;
  if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) return host_error(errno);
  out->mode = (uint32_t)st.st_mode;
  out->kind = S_ISREG(st.st_mode) ? PLAT_KIND_FILE : S_ISDIR(st.st_mode) ? PLAT_KIND_DIR
            : S_ISLNK(st.st_mode) ? PLAT_KIND_LINK : PLAT_KIND_OTHER;
  out->size = (uint64_t)st.st_size;
  out->dev = (uint64_t)st.st_dev;
  out->ino = (uint64_t)st.st_ino;
  out->nlink = (uint64_t)st.st_nlink;
  out->uid = st.st_uid;
  out->gid = st.st_gid;
  out->rdev = (uint64_t)st.st_rdev;
  out->blksize = (uint64_t)st.st_blksize;
  out->blocks = (uint64_t)st.st_blocks;
  out->atime_ms = ms(st.st_atim);
  out->mtime_ms = ms(st.st_mtim);
  out->ctime_ms = ms(st.st_ctim);
  out->birthtime_ms = 0; /* stat(2) has none (node asks statx, which most file systems leave at 0 too) */
  return 0;
}

int plat_file_unlink(const char *path) { return unlink(path) == 0 ? 0 : host_error(errno); }
int plat_file_mkdir(const char *path) { return mkdir(path, 0777) == 0 ? 0 : host_error(errno); }
int plat_file_rmdir(const char *path) { return rmdir(path) == 0 ? 0 : host_error(errno); }
int plat_file_rename(const char *from, const char *to) { return rename(from, to) == 0 ? 0 : host_error(errno); }

int plat_file_statfs(const char *path, plat_statfs *out)
{
  memset(out, 0, sizeof *out);
#ifdef __linux__
  struct statfs f;
  if (statfs(path, &f) != 0) return host_error(errno);
  out->type = (uint64_t)f.f_type;
#else
  struct statvfs f;
  if (statvfs(path, &f) != 0) return host_error(errno);
  f.f_bsize = f.f_frsize;
#endif
  out->bsize = (uint64_t)f.f_bsize;
  out->blocks = (uint64_t)f.f_blocks;
  out->bfree = (uint64_t)f.f_bfree;
  out->bavail = (uint64_t)f.f_bavail;
  out->files = (uint64_t)f.f_files;
  out->ffree = (uint64_t)f.f_ffree;
  return 0;
}

int plat_dir_read(const char *path, char **names, size_t *len)
{
  DIR *d = opendir(path);
  if (!d) return host_error(errno);
  size_t cap = 256, n = 0;
  char *buf = malloc(cap);
  int err = buf ? 0 : PLAT_ENOMEM;
  struct dirent *e;
  while (!err) {
    errno = 0;
    if (!(e = readdir(d))) {
      if (errno) err = host_error(errno);
      break;
    }
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    size_t l = strlen(e->d_name) + 1;
    if (n + l > cap) {
      while (n + l > cap) cap *= 2;
      char *nb = realloc(buf, cap);
      if (!nb) {
        err = PLAT_ENOMEM;
        break;
      }
      buf = nb;
    }
    memcpy(buf + n, e->d_name, l);
    n += l;
  }
  closedir(d);
  if (err) {
    free(buf);
    return err;
  }
  *names = buf;
  *len = n;
  return 0;
}

size_t host_rss(void)
{
  FILE *f = fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long size, resident;
  size_t rss = 0;
  if (fscanf(f, "%lu %lu", &size, &resident) == 2) rss = resident * (size_t)sysconf(_SC_PAGESIZE);
  fclose(f);
  return rss;
}

static struct termios saved_termios;
static int termios_saved;

void host_console_restore(void)
{
  if (termios_saved) tcsetattr(0, TCSANOW, &saved_termios);
}

int plat_console_set_raw(int raw)
{
  if (!isatty(0)) return PLAT_ENOTSUP;
  if (!termios_saved) {
    if (tcgetattr(0, &saved_termios) != 0) return host_error(errno);
    termios_saved = 1;
    atexit(host_console_restore);
  }
  struct termios t = saved_termios;
  if (raw) {
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
  }
  return tcsetattr(0, TCSANOW, &t) == 0 ? 0 : host_error(errno);
}
