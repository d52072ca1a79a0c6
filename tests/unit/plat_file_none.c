/* For unit tests that link Duktape (its traceback hook, runtime/linetab.c, asks the
 * platform for line tables): a file system with no files. */
#include <stddef.h>
#include "platform.h"

int plat_file_kind(const char *path)
{
  (void)path;
  return 0;
}

int plat_file_read(const char *path, char **data, size_t *len)
{
  (void)path;
  (void)data;
  (void)len;
  return PLAT_ENOENT;
}
