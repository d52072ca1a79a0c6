/* internal/errors' systemError in C: every failed connect, lookup, listen or
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
 * hostname (lookups); codeFirst gives the key order of Node's UVExceptionWithHostPort
 * (listen) instead of exceptionWithHostPort's (connect). */
duk_ret_t errors_system_error(duk_context *ctx)
{
  duk_set_top(ctx, 3);
  int err = duk_require_int(ctx, 0);
  const char *code = plat_strerror_code(err);
  int extra = st_truthy(ctx, 2);
  duk_dup(ctx, 1);
  duk_push_sprintf(ctx, " %s", code);
  duk_concat(ctx, 2); /* 3: the message */
  if (extra && has_field(ctx, 2, "hostname")) {
    duk_push_string(ctx, " ");
    duk_concat(ctx, 2);
    append_field(ctx, 2, "hostname");
  } else if (extra && has_field(ctx, 2, "address")) {
    const char *sc = duk_is_string(ctx, 1) && !duk_is_symbol(ctx, 1) ? duk_get_string(ctx, 1) : "";
    if (strcmp(sc, "listen") == 0 || strcmp(sc, "bind") == 0)
      duk_push_sprintf(ctx, ": %s ", plat_strerror_text(err));
    else
      duk_push_string(ctx, " ");
    duk_concat(ctx, 2);
    append_field(ctx, 2, "address");
    duk_get_prop_string(ctx, 2, "port");
    if (!duk_is_undefined(ctx, -1) && !(duk_is_number(ctx, -1) && duk_get_number(ctx, -1) == -1)) {
      duk_push_string(ctx, ":");
      duk_insert(ctx, -2);
      duk_concat(ctx, 3);
    } else {
      duk_pop(ctx);
    }
    duk_get_prop_string(ctx, 2, "local");
    if (st_truthy(ctx, -1)) {
      duk_push_string(ctx, " - Local (");
      duk_insert(ctx, -2);
      duk_push_string(ctx, ")");
      duk_concat(ctx, 4);
    } else {
      duk_pop(ctx);
    }
  }
  duk_get_global_string(ctx, "Error");
  duk_dup(ctx, 3);
  duk_new(ctx, 1); /* 4: the error */
  if (extra && st_flag(ctx, 2, "codeFirst")) {
    duk_push_string(ctx, code);
    duk_put_prop_string(ctx, 4, "code");
  }
  duk_dup(ctx, 0);
  duk_put_prop_string(ctx, 4, "errno");
  duk_push_string(ctx, code);
  duk_put_prop_string(ctx, 4, "code");
  duk_dup(ctx, 1);
  duk_put_prop_string(ctx, 4, "syscall");
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
