/* internal/errors' systemError in C, the one maker of system errors (the runtime's
 * own, petrel_push_system_error, come here too): every failed connect, lookup, listen or
 * reset makes one, often when the heap is nearly full, so it stays resident
 * and allocates only the error and its strings (the other makers' JS loads
 * with the first, internal/errors_impl.js). Node's message forms: libuv's
 * name and, for listen and bind, its text; address:port, the local end. */
#include <string.h>
#include "platform_errors.h"
#include "stream_state.h"

/* Appends the value of extra[key] (ToString) to the string on top. */
static void append_field(duk_context *ctx, duk_idx_t extra, const char *key)
{
  duk_get_prop_string(ctx, extra, key);
  duk_concat(ctx, 2);
}

/* extra[key] !== undefined */
static int has_field(duk_context *ctx, duk_idx_t extra, const char *key)
{
  duk_get_prop_string(ctx, extra, key);
  int v = !duk_is_undefined(ctx, -1);
  duk_pop(ctx);
  return v;
}

/* systemError(errno, syscall, extra): extra's address/port and local end (sockets) or
 * hostname (lookups). A listen error with an address has the form of Node's
 * UVExceptionWithHostPort (the description in the message, `code` first: also with
 * extra.codeFirst), others exceptionWithHostPort's (connect: `errno` first). */
duk_ret_t errors_system_error(duk_context *ctx)
{
  duk_set_top(ctx, 3);
  int err = duk_require_int(ctx, 0);
  const char *code = plat_strerror_code(err);
  int extra = st_truthy(ctx, 2), uv_form = 0;
  duk_dup(ctx, 1);
  duk_push_sprintf(ctx, " %s", code);
  duk_concat(ctx, 2); /* 3: the message */
  if (extra && has_field(ctx, 2, "hostname")) {
    duk_push_literal(ctx, " ");
    duk_concat(ctx, 2);
    append_field(ctx, 2, "hostname");
  } else if (extra && has_field(ctx, 2, "address")) {
    const char *sc = duk_is_string(ctx, 1) && !duk_is_symbol(ctx, 1) ? duk_get_string(ctx, 1) : "";
    uv_form = strcmp(sc, "listen") == 0; /* a bind's is not (node's dgram and net: ExceptionWithHostPort) */
    if (uv_form)
      duk_push_sprintf(ctx, ": %s ", plat_strerror_text(err));
    else
      duk_push_literal(ctx, " ");
    duk_concat(ctx, 2);
    append_field(ctx, 2, "address");
    duk_get_prop_literal(ctx, 2, "port");
    if (!duk_is_undefined(ctx, -1) && !(duk_is_number(ctx, -1) && duk_get_number(ctx, -1) == -1)) {
      duk_push_literal(ctx, ":");
      duk_insert(ctx, -2);
      duk_concat(ctx, 3);
    } else {
      duk_pop(ctx);
    }
    duk_get_prop_literal(ctx, 2, "local");
    if (st_truthy(ctx, -1)) {
      duk_push_literal(ctx, " - Local (");
      duk_insert(ctx, -2);
      duk_push_literal(ctx, ")");
      duk_concat(ctx, 4);
    } else {
      duk_pop(ctx);
    }
  }
  /* 4: the error, from the engine's own Error.prototype (user code may have replaced
   * the global Error; node uses its own copy too). No C file name: the error blames
   * the nearest JS frame, as `new Error` would. The message is defined as given, not
   * formatted (an abstract socket's path holds a NUL). */
  duk_push_error_object_raw(ctx, DUK_ERR_ERROR, NULL, 0, NULL);
  duk_push_literal(ctx, "message");
  duk_dup(ctx, 3);
  duk_def_prop(ctx, 4, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE);
  if (uv_form || (extra && st_flag(ctx, 2, "codeFirst"))) {
    duk_push_string(ctx, code);
    duk_put_prop_literal(ctx, 4, "code");
  }
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, 4, "errno");
  duk_push_string(ctx, code);
  duk_put_prop_literal(ctx, 4, "code");
  duk_dup(ctx, 1);
  duk_put_prop_literal(ctx, 4, "syscall");
  if (extra) {
    static const char *const keys[] = { "hostname", "address", "port" };
    for (int i = 0; i < 3; i++) {
      duk_get_prop_string(ctx, 2, keys[i]);
      if (!duk_is_undefined(ctx, -1))
        duk_put_prop_string(ctx, 4, keys[i]);
      else
        duk_pop(ctx);
    }
  }
  return 1;
}

/* The runtime's system errors (a failed write, read or shutdown, a missing file):
 * systemError(err, syscall) without extra fields; declared in runtime.h. */
void petrel_push_system_error(duk_context *ctx, int err, const char *syscall)
{
  duk_push_c_lightfunc(ctx, errors_system_error, 3, 3, 0);
  duk_push_int(ctx, err);
  duk_push_string(ctx, syscall);
  duk_push_undefined(ctx);
  duk_call(ctx, 3);
}

duk_ret_t petrel_throw_system_error(duk_context *ctx, int err, const char *syscall)
{
  petrel_push_system_error(ctx, err, syscall);
  return duk_throw(ctx);
}

/* node's uvException (lib/internal/errors.js), the form of every fs error. */
void petrel_push_fs_error(duk_context *ctx, int err, const char *syscall, duk_idx_t path_idx, duk_idx_t dest_idx)
{
  int syscall_second = path_idx == -2; /* the order of node's C++ UVException (a write's EBADF) */
  if (path_idx >= 0) path_idx = duk_require_normalize_index(ctx, path_idx);
  if (dest_idx >= 0) dest_idx = duk_require_normalize_index(ctx, dest_idx);
  const char *code = plat_strerror_code(err);
  duk_push_sprintf(ctx, "%s: %s, %s", code, plat_strerror_text(err), syscall);
  int n = 1;
  if (path_idx >= 0) {
    duk_push_literal(ctx, " '");
    duk_dup(ctx, path_idx);
    duk_push_literal(ctx, "'");
    n += 3;
  }
  if (dest_idx >= 0) {
    duk_push_literal(ctx, " -> '");
    duk_dup(ctx, dest_idx);
    duk_push_literal(ctx, "'");
    n += 3;
  }
  duk_concat(ctx, n);
  duk_push_error_object_raw(ctx, DUK_ERR_ERROR, NULL, 0, NULL);
  duk_push_literal(ctx, "message");
  duk_pull(ctx, -3);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_int(ctx, err);
  duk_put_prop_literal(ctx, -2, "errno");
  if (syscall_second) {
    duk_push_string(ctx, syscall);
    duk_put_prop_literal(ctx, -2, "syscall");
  }
  duk_push_string(ctx, code);
  duk_put_prop_literal(ctx, -2, "code");
  duk_push_string(ctx, syscall);
  duk_put_prop_literal(ctx, -2, "syscall");
  if (path_idx >= 0) {
    duk_dup(ctx, path_idx);
    duk_put_prop_literal(ctx, -2, "path");
  }
  if (dest_idx >= 0) {
    duk_dup(ctx, dest_idx);
    duk_put_prop_literal(ctx, -2, "dest");
  }
}
