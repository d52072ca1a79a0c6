/* A board's own file calls sit under platform/mount.c, which gives platform.h's
 * plat_file_* / plat_dir_read / plat_cwd: a path under the mount point (/remote,
 * while petrel-tool has mounted a host folder) goes to the tool, every other one
 * to the board's backend (the host's file system, or the RAM store). A backend
 * includes this after platform.h, so that its definitions become the store_* ones. */
#ifndef PETREL_PLAT_STORE_H
#define PETREL_PLAT_STORE_H
#include "platform.h"

int store_file_read(const char *path, char **data, size_t *len);
int store_file_kind(const char *path);
int store_file_write(const char *path, const void *data, size_t len);
int store_file_append(const char *path, const void *data, size_t len);
int store_cwd(char *buf, size_t len);
int store_file_put(const char *path, const void *data, size_t len, unsigned flags);
int store_file_stat(const char *path, int follow, plat_stat *out);
int store_file_unlink(const char *path);
int store_file_mkdir(const char *path);
int store_file_rmdir(const char *path);
int store_file_rename(const char *from, const char *to);
int store_dir_read(const char *path, char **names, size_t *len);
int store_file_statfs(const char *path, plat_statfs *out);

#ifndef PETREL_MOUNT_IMPL
#define plat_file_read store_file_read
#define plat_file_kind store_file_kind
#define plat_file_write store_file_write
#define plat_file_append store_file_append
#define plat_cwd store_cwd
#define plat_file_put store_file_put
#define plat_file_stat store_file_stat
#define plat_file_unlink store_file_unlink
#define plat_file_mkdir store_file_mkdir
#define plat_file_rmdir store_file_rmdir
#define plat_file_rename store_file_rename
#define plat_dir_read store_dir_read
#define plat_file_statfs store_file_statfs
#endif
#endif
