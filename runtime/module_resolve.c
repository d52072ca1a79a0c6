/* The module loader's file lookup and path arithmetic, for module_load.c (node's
 * rules: relative and absolute requests, node_modules directories, package.json
 * `main`, the .js/.json extensions, index files). In C so that the loader holds no
 * JS functions of its own for them and `path` loads only when a script asks for it.
 * Paths are POSIX and handled as bytes: '/' and '.' are ASCII, so Duktape's
 * internal encoding of the rest passes through untouched. */
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "platform.h"

/* Pushes node's path.resolve(from, to): the last absolute of cwd, from, to, with
 * everything after it, normalized (no '.', '..', empty parts or trailing '/'). */
static void push_resolved(duk_context *ctx, const char *from, const char *to)
{
  const char *parts[3] = { NULL, from, to };
  int bufs = 1;
  if (to[0] == '/')
    parts[1] = NULL;
  else if (from[0] != '/') { /* the cwd goes in a heap block: 4 KiB of C stack is a lot on a board */
    char *cwd = duk_push_fixed_buffer(ctx, 4096);
    if (plat_cwd(cwd, 4096) != 0) strcpy(cwd, "/");
    parts[0] = cwd;
    bufs = 2;
  }
  size_t n = 0;
  for (int i = 0; i < 3; i++)
    if (parts[i]) n += strlen(parts[i]) + 1;
  char *in = duk_push_fixed_buffer(ctx, n), *out = in;
  size_t len = 0, w = 0;
  for (int i = 0; i < 3; i++) {
    if (!parts[i]) continue;
    size_t k = strlen(parts[i]);
    memcpy(in + len, parts[i], k);
    in[len + k] = '/';
    len += k + 1;
  }
  /* In place: the text starts with '/', and each part written ('/' + part) is no
   * longer than what was read for it. */
  for (size_t i = 0; i < len;) {
    while (i < len && in[i] == '/') i++;
    size_t s = i;
    while (i < len && in[i] != '/') i++;
    size_t k = i - s;
    if (k == 0 || (k == 1 && in[s] == '.')) continue;
    if (k == 2 && in[s] == '.' && in[s + 1] == '.') {
      while (w > 0 && out[w - 1] != '/') w--;
      if (w > 0) w--;
      continue;
    }
    out[w++] = '/';
    memmove(out + w, in + s, k);
    w += k;
  }
  if (w == 0) out[w++] = '/';
  duk_push_lstring(ctx, out, w);
  while (bufs--) duk_remove(ctx, -2);
}

/* Pushes node's module.paths for DIR: DIR/node_modules and one for each directory
 * above it, nearest first, none inside a node_modules directory itself. */
static void push_module_paths(duk_context *ctx, const char *d, size_t n)
{
  duk_uarridx_t count = 0;
  duk_push_array(ctx);
  for (size_t end = n;;) {
    size_t start = end;
    while (start > 0 && d[start - 1] != '/') start--;
    if (!(end - start == 12 && memcmp(d + start, "node_modules", 12) == 0)) {
      duk_push_lstring(ctx, d, end);
      duk_push_literal(ctx, "/node_modules");
      duk_concat(ctx, 2);
      duk_put_prop_index(ctx, -2, count++);
    }
    if (start == 0) break;
    end = start - 1;
  }
}

/* Pushes base + suffix and returns 1 if that is a file; else pushes nothing. */
static int try_file(duk_context *ctx, const char *base, const char *suffix)
{
  duk_push_string(ctx, base);
  duk_push_string(ctx, suffix);
  duk_concat(ctx, 2);
  if (plat_file_kind(duk_get_string(ctx, -1)) == 1) return 1;
  duk_pop(ctx);
  return 0;
}

static int try_extensions(duk_context *ctx, const char *p)
{
  return try_file(ctx, p, "") || try_file(ctx, p, ".js") || try_file(ctx, p, ".json");
}

/* [... text] -> [... main]: package.json's `main` if it is a non-empty string, else
 * undefined (unreadable JSON included; node ignores a `main` that is no string). */
static duk_ret_t package_main(duk_context *ctx, void *udata)
{
  (void)udata;
  duk_json_decode(ctx, -1);
  if (duk_is_object(ctx, -1) && duk_get_prop_literal(ctx, -1, "main") && duk_is_string(ctx, -1) &&
      duk_get_length(ctx, -1) > 0)
    return 1;
  duk_push_undefined(ctx);
  return 1;
}

/* A directory: its package.json's main (as a file, with an extension, or its
 * index), else its index.js or index.json. Pushes the file found and returns 1. */
static int try_directory(duk_context *ctx, const char *p)
{
  if (plat_file_kind(p) != 2) return 0;
  if (try_file(ctx, p, "/package.json")) {
    char *data;
    size_t len;
    int r = plat_file_read(duk_get_string(ctx, -1), &data, &len);
    duk_pop(ctx);
    if (r == 0) {
      duk_push_lstring(ctx, data, len);
      free(data);
      if (duk_safe_call(ctx, package_main, NULL, 1, 1) == 0 && duk_is_string(ctx, -1)) {
        push_resolved(ctx, p, duk_get_string(ctx, -1));
        const char *m = duk_get_string(ctx, -1);
        if (try_extensions(ctx, m) || try_file(ctx, m, "/index.js") || try_file(ctx, m, "/index.json")) {
          duk_remove(ctx, -2);
          duk_remove(ctx, -2);
          return 1;
        }
        duk_pop(ctx);
      }
      duk_pop(ctx);
    }
  }
  return try_file(ctx, p, "/index.js") || try_file(ctx, p, "/index.json");
}

/* resolveFile(request, fromDir[, main]) -> the module's file, or undefined.
 * main: runMain's lookup of the script (path.resolve(cwd, file), a trailing '/'
 * does not rule out a file). */
static duk_ret_t mod_resolve_file(duk_context *ctx)
{
  duk_size_t n;
  const char *req = duk_require_lstring(ctx, 0, &n);
  duk_size_t from_len;
  const char *from = duk_require_lstring(ctx, 1, &from_len);
  int main = duk_to_boolean(ctx, 2);
  int relative = main || req[0] == '/' ||
                 (req[0] == '.' && (n == 1 || req[1] == '/' || (req[1] == '.' && (n == 2 || req[2] == '/'))));
  if (relative) {
    push_resolved(ctx, from, req);
    const char *base = duk_get_string(ctx, -1);
    if (((main || req[n - 1] != '/') && try_extensions(ctx, base)) || try_directory(ctx, base)) return 1;
    return 0;
  }
  push_module_paths(ctx, from, from_len);
  duk_uarridx_t count = (duk_uarridx_t)duk_get_length(ctx, -1);
  for (duk_uarridx_t i = 0; i < count; i++) {
    duk_get_prop_index(ctx, -1, i);
    duk_push_literal(ctx, "/");
    duk_dup(ctx, 0);
    duk_concat(ctx, 3);
    const char *b = duk_get_string(ctx, -1);
    if (try_extensions(ctx, b) || try_directory(ctx, b)) return 1;
    duk_pop(ctx);
  }
  return 0;
}

static duk_ret_t mod_module_paths(duk_context *ctx)
{
  duk_size_t n;
  const char *d = duk_require_lstring(ctx, 0, &n);
  push_module_paths(ctx, d, n);
  return 1;
}

/* resolvePath(from, to): path.resolve(from, to). */
static duk_ret_t mod_resolve_path(duk_context *ctx)
{
  push_resolved(ctx, duk_require_string(ctx, 0), duk_require_string(ctx, 1));
  return 1;
}

/* dirname(p), extname(p): path.dirname and path.extname. */
static duk_ret_t mod_dirname(duk_context *ctx)
{
  duk_size_t end;
  const char *p = duk_require_lstring(ctx, 0, &end);
  if (end == 0) {
    duk_push_literal(ctx, ".");
    return 1;
  }
  while (end > 1 && p[end - 1] == '/') end--;
  size_t i = end - 1;
  while (i > 0 && p[i] != '/') i--;
  if (p[i] != '/')
    duk_push_literal(ctx, ".");
  else if (i == 0)
    duk_push_literal(ctx, "/");
  else {
    while (i > 1 && p[i - 1] == '/') i--;
    duk_push_lstring(ctx, p, i);
  }
  return 1;
}

static duk_ret_t mod_extname(duk_context *ctx)
{
  duk_size_t end;
  const char *p = duk_require_lstring(ctx, 0, &end);
  while (end > 1 && p[end - 1] == '/') end--;
  size_t start = end, dot = 0;
  while (start > 0 && p[start - 1] != '/') start--;
  for (size_t i = start + 1; i < end; i++)
    if (p[i] == '.') dot = i;
  if (dot)
    duk_push_lstring(ctx, p + dot, end - dot);
  else
    duk_push_literal(ctx, "");
  return 1;
}

const duk_function_list_entry petrel_module_funcs[] = {
  { "resolveFile", mod_resolve_file, 3 }, { "modulePaths", mod_module_paths, 1 },
  { "resolvePath", mod_resolve_path, 2 }, { "dirname", mod_dirname, 1 },
  { "extname", mod_extname, 1 },          { NULL, NULL, 0 }
};
