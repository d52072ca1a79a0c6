/* platform.h's files, working directory and terminal mode on a POSIX host, and the
 * memory figure (host.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "host.h"

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
