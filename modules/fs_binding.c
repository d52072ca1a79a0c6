/* fs (process.binding('fs'); modules/fs.js is one line): the first slice of node 20's
 * file system module, as light functions over the platform's file calls (platform.h:
 * POSIX files on the host boards, the board's store on mps2-an385). One C function
 * serves every call, told apart by its magic: the operation, and ASYNC for the
 * callback form. A callback form runs the operation at once, on the loop's thread
 * (the platform's calls are short: a host's local disk, a board's RAM store), and
 * hands the result to the callback as an immediate of the runtime's own, so the
 * callback always runs on a later loop turn (docs/fs.md). fs.promises is
 * modules/fs/promises.js, compiled on first use.
 *
 * Errors as node's: a failed call is errors_system.c's uvException form
 * (petrel_push_fs_error: "ENOENT: no such file or directory, open '/x'", errno, code,
 * syscall, path, dest); bad arguments throw internal/errors' makers. */
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "bindings.h"
#include "buffer_binding.h"
#include "buffer_codec.h"
#include "platform.h"

enum {
  OP_READ,
  OP_WRITE,
  OP_APPEND,
  OP_EXISTS,
  OP_STAT,
  OP_LSTAT,
  OP_UNLINK,
  OP_MKDIR,
  OP_READDIR,
  OP_RENAME,
  OP_RMDIR,
  OP_STATFS,
  OP_COUNT
};
#define ASYNC    0x10
#define OP_OF(m) ((m)&0x0f)

/* Per operation: how many leading arguments (paths, data), whether an options argument follows. */
static const struct {
  const char *sync_name, *async_name;
  unsigned char fixed, options;
} ops[OP_COUNT] = {
  { "readFileSync", "readFile", 1, 1 },
  { "writeFileSync", "writeFile", 2, 1 },
  { "appendFileSync", "appendFile", 2, 1 },
  { "existsSync", "exists", 1, 0 },
  { "statSync", "stat", 1, 1 },
  { "lstatSync", "lstat", 1, 1 },
  { "unlinkSync", "unlink", 1, 0 },
  { "mkdirSync", "mkdir", 1, 1 },
  { "readdirSync", "readdir", 1, 1 },
  { "renameSync", "rename", 2, 0 },
  { "rmdirSync", "rmdir", 1, 1 },
  { "statfsSync", "statfs", 1, 1 },
};

static duk_ret_t fs_call(duk_context *ctx);
static duk_ret_t list_safe(duk_context *ctx, void *udata);
static void *stats_proto; /* Stats.prototype, held by the binding object */
static void *date_ctor;   /* the global Date when fs was first required, held there too */

/* Throws errors[maker](the n values on top). */
static duk_ret_t throw_coded(duk_context *ctx, const char *maker, duk_idx_t n)
{
  petrel_require_builtin(ctx, "internal/errors");
  duk_get_prop_string(ctx, -1, maker);
  duk_remove(ctx, -2);
  duk_insert(ctx, -1 - n);
  duk_call(ctx, n);
  return duk_throw(ctx);
}

static duk_ret_t invalid_type(duk_context *ctx, const char *name, const char *expected, duk_idx_t value)
{
  value = duk_normalize_index(ctx, value);
  duk_push_string(ctx, name);
  duk_push_string(ctx, expected);
  duk_dup(ctx, value);
  return throw_coded(ctx, "invalidArgType", 3);
}

static duk_ret_t invalid_value(duk_context *ctx, const char *name, duk_idx_t value, const char *reason)
{
  value = duk_normalize_index(ctx, value);
  duk_push_string(ctx, name);
  duk_dup(ctx, value);
  if (reason)
    duk_push_string(ctx, reason);
  else
    duk_push_undefined(ctx);
  return throw_coded(ctx, "invalidArgValue", 3);
}

static int is_string(duk_context *ctx, duk_idx_t idx) { return duk_is_string(ctx, idx) && !duk_is_symbol(ctx, idx); }

/* node's getValidatedPath: the value at idx (a string or a Buffer/Uint8Array) as a JS
 * string in its place, and as a NUL-terminated UTF-8 path (a buffer pushed on top). */
static const char *get_path(duk_context *ctx, duk_idx_t idx, const char *name)
{
  if (!is_string(ctx, idx)) {
    if (!petrel_buffer_is_u8(ctx, idx))
      (void)invalid_type(ctx, name, "of type string or an instance of Buffer or URL", idx);
    size_t n;
    uint8_t *b = petrel_buffer_bytes(ctx, idx, &n);
    petrel_buffer_push_decoded(ctx, b, n, PB_UTF8);
    duk_replace(ctx, idx);
  }
  duk_size_t len;
  const char *s = duk_get_lstring(ctx, idx, &len);
  if (strlen(s) != len) (void)invalid_value(ctx, name, idx, "must be a string, Uint8Array, or URL without null bytes");
  char *out = duk_push_fixed_buffer(ctx, len + 1);
  size_t n = petrel_cesu8_to_utf8(s, len, out);
  out[n] = 0;
  return out;
}

/* Throws the system error err of syscall on the paths at path_idx and dest_idx (0: none). */
static duk_ret_t fail(duk_context *ctx, int err, const char *syscall, duk_idx_t path_idx, duk_idx_t dest_idx)
{
  petrel_push_fs_error(ctx, err, syscall, path_idx ? path_idx - 1 : -1, dest_idx ? dest_idx - 1 : -1);
  return duk_throw(ctx);
}
#define P(i) ((i) + 1) /* an argument index for fail() */

/* options: undefined/null -> nothing; a string -> its encoding; an object -> its own
 * encoding and flag; anything else: node's getOptions error. Pushes encoding, flag. */
static void get_options(duk_context *ctx, duk_idx_t opt, const char *def_flag)
{
  if (duk_is_null_or_undefined(ctx, opt)) {
    duk_push_undefined(ctx);
    duk_push_string(ctx, def_flag);
  } else if (is_string(ctx, opt)) {
    duk_dup(ctx, opt);
    duk_push_string(ctx, def_flag);
  } else if (duk_is_object(ctx, opt) && !duk_is_function(ctx, opt) && !duk_is_lightfunc(ctx, opt)) {
    duk_get_prop_literal(ctx, opt, "encoding");
    duk_get_prop_literal(ctx, opt, "flag");
    if (duk_is_null_or_undefined(ctx, -1)) {
      duk_pop(ctx);
      duk_push_string(ctx, def_flag);
    }
  } else {
    (void)invalid_type(ctx, "options", "one of type string or object", opt);
  }
}

/* The encoding at idx: -1 for none (a Buffer), or PB_*; node's message for an unknown one. */
static int get_encoding(duk_context *ctx, duk_idx_t idx)
{
  if (duk_is_null_or_undefined(ctx, idx)) return -1;
  if (is_string(ctx, idx) && strcmp(duk_get_string(ctx, idx), "buffer") == 0) return -1;
  int enc = is_string(ctx, idx) ? petrel_buffer_encoding_of(ctx, idx) : -1;
  if (enc < 0) (void)invalid_value(ctx, "encoding", idx, "is invalid encoding");
  return enc;
}

/* node's string flags (stringToFlags) as what they ask of the file */
enum { F_READ = 1, F_WRITE = 2, F_CREATE = 4, F_TRUNC = 8, F_EXCL = 16, F_APPEND = 32 };
static const struct {
  char name[4];
  unsigned char bits;
} flag_table[] = {
  { "r", F_READ },
  { "rs", F_READ },
  { "sr", F_READ },
  { "r+", F_READ | F_WRITE },
  { "rs+", F_READ | F_WRITE },
  { "sr+", F_READ | F_WRITE },
  { "w", F_WRITE | F_CREATE | F_TRUNC },
  { "wx", F_WRITE | F_CREATE | F_TRUNC | F_EXCL },
  { "xw", F_WRITE | F_CREATE | F_TRUNC | F_EXCL },
  { "w+", F_READ | F_WRITE | F_CREATE | F_TRUNC },
  { "wx+", F_READ | F_WRITE | F_CREATE | F_TRUNC | F_EXCL },
  { "xw+", F_READ | F_WRITE | F_CREATE | F_TRUNC | F_EXCL },
  { "a", F_WRITE | F_CREATE | F_APPEND },
  { "as", F_WRITE | F_CREATE | F_APPEND },
  { "sa", F_WRITE | F_CREATE | F_APPEND },
  { "ax", F_WRITE | F_CREATE | F_APPEND | F_EXCL },
  { "xa", F_WRITE | F_CREATE | F_APPEND | F_EXCL },
  { "a+", F_READ | F_WRITE | F_CREATE | F_APPEND },
  { "as+", F_READ | F_WRITE | F_CREATE | F_APPEND },
  { "sa+", F_READ | F_WRITE | F_CREATE | F_APPEND },
  { "ax+", F_READ | F_WRITE | F_CREATE | F_APPEND | F_EXCL },
  { "xa+", F_READ | F_WRITE | F_CREATE | F_APPEND | F_EXCL },
};

/* The flag at idx (a string; numbers are not done yet): its F_* bits, or node's error. */
static unsigned get_flag(duk_context *ctx, duk_idx_t idx)
{
  const char *f = is_string(ctx, idx) ? duk_get_string(ctx, idx) : "";
  for (size_t i = 0; i < sizeof flag_table / sizeof flag_table[0]; i++)
    if (!strcmp(f, flag_table[i].name)) return flag_table[i].bits;
  (void)invalid_value(ctx, "flags", idx, NULL);
  return 0;
}

/* The open of a flag that creates or truncates, as plat_file_put does it (no bytes);
 * 0 or a code. A flag that only reads or writes in place: whether the file is there. */
static int open_as(const char *path, unsigned fl)
{
  if (fl & F_CREATE)
    return plat_file_put(path, "", 0, ((fl & F_TRUNC) ? 0 : PLAT_FILE_APPEND) | ((fl & F_EXCL) ? PLAT_FILE_EXCL : 0));
  plat_stat st;
  int r = plat_file_stat(path, 1, &st);
  return r ? r : st.kind == PLAT_KIND_DIR && (fl & F_WRITE) ? PLAT_EISDIR : 0;
}

/* [ptr len enc] -> [the bytes as a Buffer (enc -1) or decoded string]; under a safe
 * call, so that the caller can free the bytes whatever happens. */
static duk_ret_t push_bytes_safe(duk_context *ctx, void *udata)
{
  (void)udata;
  const uint8_t *b = duk_get_pointer(ctx, -3);
  size_t len = (size_t)duk_get_number(ctx, -2);
  int enc = duk_get_int(ctx, -1);
  if (enc >= 0) {
    petrel_buffer_push_decoded(ctx, b, len, enc);
  } else {
    if (len > PB_MAX_BUFFER) (void)duk_range_error(ctx, "File size (%lu) is greater than 2 GiB", (unsigned long)len);
    memcpy(petrel_buffer_push_new(ctx, len), b, len);
  }
  return 1;
}

/* Pushes what the bytes become (see push_bytes_safe) and frees them; throws on a full heap. */
static void push_bytes_free(duk_context *ctx, char *data, size_t len, int enc)
{
  duk_push_pointer(ctx, data);
  duk_push_number(ctx, (double)len);
  duk_push_int(ctx, enc);
  duk_int_t rc = duk_safe_call(ctx, push_bytes_safe, NULL, 3, 1);
  free(data);
  if (rc != DUK_EXEC_SUCCESS) (void)duk_throw(ctx);
}

static duk_ret_t op_read(duk_context *ctx)
{
  const char *path = get_path(ctx, 0, "path");
  duk_idx_t o = duk_get_top(ctx);
  get_options(ctx, 1, "r");
  int enc = get_encoding(ctx, o);
  unsigned fl = get_flag(ctx, o + 1);
  char *data;
  size_t len;
  int r;
  if (fl != F_READ) { /* opened as the flag says first: created, truncated, or EEXIST */
    if ((r = open_as(path, fl)) != 0) return fail(ctx, r, "open", P(0), 0);
    if (!(fl & F_READ)) return fail(ctx, PLAT_EBADF, "read", 0, 0); /* node: a write-only descriptor */
  }
  r = plat_file_read(path, &data, &len);
  if (r == PLAT_EISDIR) return fail(ctx, r, "read", 0, 0); /* node: the open worked, the read failed */
  if (r) return fail(ctx, r, "open", P(0), 0);
  push_bytes_free(ctx, data, len, enc);
  return 1;
}

/* writeFile/appendFile(path, data, options) */
static duk_ret_t op_write(duk_context *ctx, unsigned def_flags)
{
  const char *path = get_path(ctx, 0, "path");
  duk_idx_t o = duk_get_top(ctx);
  get_options(ctx, 2, def_flags ? "a" : "w");
  unsigned fl = get_flag(ctx, o + 1);
  const uint8_t *bytes;
  size_t len;
  if (is_string(ctx, 1)) {
    int enc = duk_is_null_or_undefined(ctx, o) ? PB_UTF8 : get_encoding(ctx, o);
    if (enc < 0) enc = PB_UTF8; /* 'buffer' */
    duk_size_t slen;
    const uint8_t *s = (const uint8_t *)duk_get_lstring(ctx, 1, &slen);
    len = pb_encoded_length(s, slen, enc);
    uint8_t *out = duk_push_fixed_buffer(ctx, len ? len : 1);
    if (len) pb_encode(s, slen, enc, out, len);
    bytes = out;
  } else if (petrel_buffer_is_view(ctx, 1)) {
    bytes = petrel_buffer_bytes(ctx, 1, &len);
  } else {
    return invalid_type(ctx, "data", "of type string or an instance of Buffer, TypedArray, or DataView", 1);
  }
  int r;
  if (!(fl & F_WRITE)) { /* node: opened read-only, then the write fails */
    if ((r = open_as(path, fl)) != 0) return fail(ctx, r, "open", P(0), 0);
    petrel_push_fs_error(ctx, PLAT_EBADF, "write", -2, -1); /* node's order: errno, syscall, code */
    return duk_throw(ctx);
  }
  if (!(fl & F_CREATE)) { /* r+: over the start of the file, which must exist */
    char *old;
    size_t old_len;
    if ((r = open_as(path, fl)) != 0 || (r = plat_file_read(path, &old, &old_len)) != 0)
      return fail(ctx, r, "open", P(0), 0);
    if (old_len > len) {
      /* a throw here would lose old: build the bytes in a plain buffer first */
      uint8_t *both = malloc(old_len);
      if (!both) {
        free(old);
        return fail(ctx, PLAT_ENOMEM, "write", 0, 0);
      }
      memcpy(both, bytes, len);
      memcpy(both + len, old + len, old_len - len);
      free(old);
      r = plat_file_put(path, both, old_len, 0);
      free(both);
    } else {
      free(old);
      r = plat_file_put(path, bytes, len, 0);
    }
  } else {
    r = plat_file_put(path, bytes, len,
                      ((fl & F_APPEND) ? PLAT_FILE_APPEND : 0) | ((fl & F_EXCL) ? PLAT_FILE_EXCL : 0));
  }
  if (r == PLAT_ENOSPC || r == PLAT_EIO) return fail(ctx, r, "write", 0, 0);
  if (r) return fail(ctx, r, "open", P(0), 0);
  return 0;
}

static void put_num(duk_context *ctx, const char *key, double v)
{
  duk_push_number(ctx, v);
  duk_put_prop_string(ctx, -2, key);
}

static void put_date(duk_context *ctx, const char *key, double ms)
{
  duk_push_heapptr(ctx, date_ctor);
  duk_push_number(ctx, ms);
  duk_new(ctx, 1);
  duk_put_prop_string(ctx, -2, key);
}

/* A Stats object with node's own properties, in node's order. */
static void push_stats(duk_context *ctx, const plat_stat *st)
{
  duk_push_object(ctx);
  duk_push_heapptr(ctx, stats_proto);
  duk_set_prototype(ctx, -2);
  put_num(ctx, "dev", (double)st->dev);
  put_num(ctx, "mode", st->mode);
  put_num(ctx, "nlink", (double)st->nlink);
  put_num(ctx, "uid", (double)st->uid);
  put_num(ctx, "gid", (double)st->gid);
  put_num(ctx, "rdev", (double)st->rdev);
  put_num(ctx, "blksize", (double)st->blksize);
  put_num(ctx, "ino", (double)st->ino);
  put_num(ctx, "size", (double)st->size);
  put_num(ctx, "blocks", (double)st->blocks);
  put_num(ctx, "atimeMs", st->atime_ms);
  put_num(ctx, "mtimeMs", st->mtime_ms);
  put_num(ctx, "ctimeMs", st->ctime_ms);
  put_num(ctx, "birthtimeMs", st->birthtime_ms);
  put_date(ctx, "atime", st->atime_ms);
  put_date(ctx, "mtime", st->mtime_ms);
  put_date(ctx, "ctime", st->ctime_ms);
  put_date(ctx, "birthtime", st->birthtime_ms);
}

static duk_ret_t op_stat(duk_context *ctx, int follow)
{
  const char *path = get_path(ctx, 0, "path");
  int throw_if_none = 1;
  if (duk_is_object(ctx, 1)) {
    duk_get_prop_literal(ctx, 1, "throwIfNoEntry");
    throw_if_none = !(duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1));
    duk_pop(ctx);
  }
  plat_stat st;
  memset(&st, 0, sizeof st);
  int r = plat_file_stat(path, follow, &st);
  if (r == PLAT_ENOENT && !throw_if_none) return 0;
  if (r) return fail(ctx, r, follow ? "stat" : "lstat", P(0), 0);
  push_stats(ctx, &st);
  return 1;
}

/* mkdir -p as node's MKDirpSync: on ENOENT the parent (path up to its last "/", so
 * "/a//b/" -> "/a//b" -> "/a/") is made first. *first gets the length of the first
 * directory made (0: none). path is written into and restored. */
static int mkdir_p(char *path, size_t len, size_t *first)
{
  int r = plat_file_mkdir(path);
  if (r == 0) {
    if (!*first) *first = len;
    return 0;
  }
  if (r == PLAT_EEXIST) {
    plat_stat st;
    return plat_file_stat(path, 1, &st) == 0 && st.kind == PLAT_KIND_DIR ? 0 : PLAT_EEXIST;
  }
  char *slash = strrchr(path, '/');
  if (r != PLAT_ENOENT || !slash || slash == path) return r;
  size_t cut = (size_t)(slash - path);
  path[cut] = 0;
  r = mkdir_p(path, cut, first);
  path[cut] = '/';
  if (r) return r;
  r = plat_file_mkdir(path);
  if (r == PLAT_EEXIST && len > 0 && path[len - 1] == '/') r = 0; /* "/a/b/" after "/a/b" */
  if (r == 0 && !*first) *first = len;
  return r;
}

static duk_ret_t op_mkdir(duk_context *ctx)
{
  char *path = (char *)get_path(ctx, 0, "path");
  int recursive = 0;
  if (duk_is_boolean(ctx, 1) || (duk_is_object(ctx, 1) && !duk_is_function(ctx, 1))) {
    if (duk_is_object(ctx, 1)) {
      duk_get_prop_literal(ctx, 1, "recursive");
      if (!duk_is_undefined(ctx, -1) && !duk_is_boolean(ctx, -1))
        return invalid_type(ctx, "options.recursive", "of type boolean", -1);
      recursive = duk_get_boolean(ctx, -1);
      duk_pop(ctx);
    }
  }
  if (!recursive) {
    int r = plat_file_mkdir(path);
    return r ? fail(ctx, r, "mkdir", P(0), 0) : 0;
  }
  size_t first = 0, len = strlen(path);
  int r = mkdir_p(path, len, &first);
  if (r) return fail(ctx, r, "mkdir", P(0), 0);
  if (!first) return 0;
  /* node returns the first directory made, as the path was written (a prefix of it) */
  duk_push_lstring(ctx, path, first);
  return 1;
}

static duk_ret_t op_readdir(duk_context *ctx)
{
  const char *path = get_path(ctx, 0, "path");
  char *names;
  size_t len;
  int r = plat_dir_read(path, &names, &len);
  if (r) return fail(ctx, r, "scandir", P(0), 0);
  /* the list under a safe call, so that the names are freed whatever happens */
  duk_push_pointer(ctx, names);
  duk_push_number(ctx, (double)len);
  duk_push_int(ctx, 0);
  duk_int_t rc = duk_safe_call(ctx, list_safe, NULL, 3, 1);
  free(names);
  if (rc != DUK_EXEC_SUCCESS) return duk_throw(ctx);
  return 1;
}

/* [ptr len 0] -> [the names as an array of strings] */
static duk_ret_t list_safe(duk_context *ctx, void *udata)
{
  (void)udata;
  const char *p = duk_get_pointer(ctx, -3);
  size_t len = (size_t)duk_get_number(ctx, -2);
  duk_push_array(ctx);
  duk_uarridx_t i = 0;
  for (const char *end = p + len; p < end; p += strlen(p) + 1) {
    petrel_buffer_push_decoded(ctx, (const uint8_t *)p, strlen(p), PB_UTF8);
    duk_put_prop_index(ctx, -2, i++);
  }
  return 1;
}

/* The operation on the arguments at 0..fixed (the paths and data, then the options). */
static duk_ret_t run_op(duk_context *ctx, int op)
{
  switch (op) {
    case OP_READ: return op_read(ctx);
    case OP_WRITE: return op_write(ctx, 0);
    case OP_APPEND: return op_write(ctx, PLAT_FILE_APPEND);
    case OP_EXISTS: {
      plat_stat st;
      duk_push_boolean(ctx, plat_file_stat(get_path(ctx, 0, "path"), 1, &st) == 0);
      return 1;
    }
    case OP_STAT: return op_stat(ctx, 1);
    case OP_LSTAT: return op_stat(ctx, 0);
    case OP_UNLINK: {
      int r = plat_file_unlink(get_path(ctx, 0, "path"));
      return r ? fail(ctx, r, "unlink", P(0), 0) : 0;
    }
    case OP_MKDIR: return op_mkdir(ctx);
    case OP_RMDIR: { /* options.recursive (deprecated in node) is not done */
      int r = plat_file_rmdir(get_path(ctx, 0, "path"));
      return r ? fail(ctx, r, "rmdir", P(0), 0) : 0;
    }
    case OP_READDIR: return op_readdir(ctx);
    case OP_STATFS: { /* node's StatFs fields, in its order (options.bigint is not done) */
      plat_statfs f;
      int r = plat_file_statfs(get_path(ctx, 0, "path"), &f);
      if (r) return fail(ctx, r, "statfs", P(0), 0);
      duk_push_object(ctx);
      put_num(ctx, "type", (double)f.type);
      put_num(ctx, "bsize", (double)f.bsize);
      put_num(ctx, "blocks", (double)f.blocks);
      put_num(ctx, "bfree", (double)f.bfree);
      put_num(ctx, "bavail", (double)f.bavail);
      put_num(ctx, "files", (double)f.files);
      put_num(ctx, "ffree", (double)f.ffree);
      return 1;
    }
    case OP_RENAME: {
      const char *from = get_path(ctx, 0, "oldPath");
      const char *to = get_path(ctx, 1, "newPath");
      int r = plat_file_rename(from, to);
      return r ? fail(ctx, r, "rename", P(0), P(1)) : 0;
    }
  }
  return 0;
}

/* [args... op] under a safe call: [result or undefined] */
static duk_ret_t run_op_safe(duk_context *ctx, void *udata)
{
  (void)udata;
  int op = duk_get_int(ctx, -1);
  duk_pop(ctx);
  duk_idx_t base = duk_get_top(ctx) - (ops[op].fixed + ops[op].options);
  /* the arguments at the bottom of a fresh frame: call through a light function */
  duk_push_c_lightfunc(ctx, fs_call, DUK_VARARGS, 0, op);
  duk_insert(ctx, base);
  duk_call(ctx, ops[op].fixed + ops[op].options);
  return 1;
}

/* cb(err) or cb(null, result), or for exists cb(result): an immediate of the runtime's own */
static duk_ret_t deliver(duk_context *ctx)
{
  duk_idx_t n = duk_get_top(ctx);
  duk_dup(ctx, 0);
  duk_push_undefined(ctx);
  for (duk_idx_t i = 1; i < n; i++) duk_dup(ctx, i);
  duk_call_method(ctx, n - 1);
  return 0;
}

/* fs.x(...) / fs.xSync(...) */
static duk_ret_t fs_call(duk_context *ctx)
{
  int magic = duk_get_current_magic(ctx);
  int op = OP_OF(magic);
  duk_idx_t fixed = ops[op].fixed, nopt = ops[op].options, top = duk_get_top(ctx);
  if (!(magic & ASYNC)) {
    duk_set_top(ctx, fixed + nopt);
    if (op == OP_EXISTS) { /* never throws: a bad path is false */
      if (!is_string(ctx, 0) && !petrel_buffer_is_u8(ctx, 0)) return duk_push_false(ctx), 1;
      duk_size_t l;
      const char *s = is_string(ctx, 0) ? duk_get_lstring(ctx, 0, &l) : NULL;
      if (s && strlen(s) != l) return duk_push_false(ctx), 1;
    }
    return run_op(ctx, op);
  }
  /* node's maybeCallback(callback || options): the callback, last */
  duk_idx_t cb = fixed + nopt;
  if (nopt && (top <= cb || duk_is_undefined(ctx, cb))) cb = fixed;
  if (top <= cb) duk_set_top(ctx, cb + 1);
  if (!duk_is_function(ctx, cb)) return invalid_type(ctx, "cb", "of type function", cb);
  duk_dup(ctx, cb);
  duk_insert(ctx, 0); /* [cb args...] */
  if (cb == fixed) {  /* the callback took the options' place (or there are none) */
    duk_set_top(ctx, 1 + fixed);
  }
  duk_set_top(ctx, 1 + fixed + nopt);
  duk_push_int(ctx, op);
  duk_int_t rc;
  if (op == OP_EXISTS) { /* cb(boolean) only, as node */
    rc = duk_safe_call(ctx, run_op_safe, NULL, fixed + nopt + 1, 1);
    if (rc != DUK_EXEC_SUCCESS) {
      duk_pop(ctx);
      duk_push_false(ctx);
    }
    timers_queue_immediate(ctx, deliver, 2);
    return 0;
  }
  rc = duk_safe_call(ctx, run_op_safe, NULL, fixed + nopt + 1, 1);
  if (rc != DUK_EXEC_SUCCESS) {
    /* an argument's error (node throws those at once), or the operation's: to the callback */
    duk_get_prop_literal(ctx, -1, "syscall");
    int system = !duk_is_undefined(ctx, -1);
    duk_pop(ctx);
    if (!system) return duk_throw(ctx);
    timers_queue_immediate(ctx, deliver, 2);
    return 0;
  }
  if (duk_is_undefined(ctx, -1)) {
    duk_pop(ctx);
    duk_push_null(ctx);
    timers_queue_immediate(ctx, deliver, 2);
    return 0;
  }
  duk_push_null(ctx);
  duk_insert(ctx, -2);
  timers_queue_immediate(ctx, deliver, 3);
  return 0;
}

/* Stats.prototype.isFile... by the type bits of this.mode; magic: the S_IFMT value >> 12 */
static duk_ret_t stats_is(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, "mode");
  double mode = duk_to_number(ctx, -1);
  unsigned type = ((unsigned)(mode >= 0 && mode < 4294967296.0 ? mode : 0) >> 12) & 0xf;
  duk_push_boolean(ctx, type == (unsigned)duk_get_current_magic(ctx));
  return 1;
}

/* new Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs,
 * mtimeMs, ctimeMs, birthtimeMs), as node's */
static duk_ret_t stats_new(duk_context *ctx)
{
  static const char *const keys[] = { "dev", "mode", "nlink",  "uid",     "gid",     "rdev",    "blksize",
                                      "ino", "size", "blocks", "atimeMs", "mtimeMs", "ctimeMs", "birthtimeMs" };
  duk_set_top(ctx, 14);
  duk_push_this(ctx);
  for (int i = 0; i < 14; i++) {
    duk_dup(ctx, i);
    duk_put_prop_string(ctx, -2, keys[i]);
  }
  for (int i = 10; i < 14; i++) {
    duk_push_heapptr(ctx, date_ctor);
    duk_dup(ctx, i);
    duk_new(ctx, 1);
    static const char *const dates[] = { "atime", "mtime", "ctime", "birthtime" };
    duk_put_prop_string(ctx, -2, dates[i - 10]);
  }
  return 0;
}

/* fs.promises: modules/fs/promises.js, compiled on first use */
static duk_ret_t fs_promises(duk_context *ctx)
{
  petrel_require_builtin(ctx, "fs/promises");
  return 1;
}

static const struct {
  const char *name;
  int type;
} stats_methods[] = { { "isDirectory", 4 },     { "isFile", 8 }, { "isBlockDevice", 6 }, { "isCharacterDevice", 2 },
                      { "isSymbolicLink", 10 }, { "isFIFO", 1 }, { "isSocket", 12 } };

static const char *fs_name(duk_c_function fn, int magic)
{
  if (fn == fs_call && OP_OF(magic) < OP_COUNT)
    return magic & ASYNC ? ops[OP_OF(magic)].async_name : ops[OP_OF(magic)].sync_name;
  if (fn == stats_is)
    for (size_t i = 0; i < sizeof stats_methods / sizeof stats_methods[0]; i++)
      if (stats_methods[i].type == magic) return stats_methods[i].name;
  return NULL;
}
PETREL_LIGHTFUNC_LOOKUP(fs, fs_name);
static const petrel_lf_name fs_names[] = { { "deliver", deliver, 0 },
                                           { "get promises", fs_promises, 0 },
                                           { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(fs, fs_names);

duk_ret_t petrel_binding_fs(duk_context *ctx)
{
  petrel_require_builtin(ctx, "buffer"); /* Buffer.prototype for the Buffers made here */
  duk_pop(ctx);
  duk_push_object(ctx); /* the binding: fs's exports */
  for (int op = 0; op < OP_COUNT; op++) {
    duk_push_c_lightfunc(ctx, fs_call, DUK_VARARGS, ops[op].fixed + ops[op].options + (op != OP_EXISTS), op | ASYNC);
    duk_put_prop_string(ctx, -2, ops[op].async_name);
    duk_push_c_lightfunc(ctx, fs_call, DUK_VARARGS, ops[op].fixed + ops[op].options, op);
    duk_put_prop_string(ctx, -2, ops[op].sync_name);
  }
  /* Stats and its prototype, held by the binding (the module cache keeps it alive) */
  duk_push_c_function(ctx, stats_new, 14);
  duk_push_literal(ctx, "name");
  duk_push_literal(ctx, "Stats");
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_object(ctx); /* Stats.prototype, with constructor as node's */
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, "constructor");
  duk_dup(ctx, -1);
  duk_put_prop_literal(ctx, -3, "prototype");
  for (size_t i = 0; i < sizeof stats_methods / sizeof stats_methods[0]; i++) {
    duk_push_c_lightfunc(ctx, stats_is, 0, 0, stats_methods[i].type);
    duk_put_prop_string(ctx, -2, stats_methods[i].name);
  }
  stats_proto = duk_get_heapptr(ctx, -1);
  duk_pop(ctx);
  duk_put_prop_literal(ctx, -2, "Stats");
  duk_get_global_literal(ctx, "Date");
  date_ctor = duk_get_heapptr(ctx, -1);
  duk_put_prop_literal(ctx, -2,
                       "\xff"
                       "Date");
  duk_push_literal(ctx, "promises");
  duk_push_c_lightfunc(ctx, fs_promises, 0, 0, 0);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_SET_ENUMERABLE | DUK_DEFPROP_SET_CONFIGURABLE);
  return 1;
}
