/* net.Socket's small methods and getters in C (#17): setNoDelay, setKeepAlive,
 * ref, unref, address, _getpeername/_getsockname (the addresses, cached on the
 * socket so they stay readable after close, as in Node) and the accessors
 * remoteAddress... bytesWritten. Each was a resident JS function (~300 bytes of
 * heap on a board); here a method is a light function and the accessors share
 * one native getter told the property's name by Duktape
 * (DUK_USE_NONSTD_GETTER_KEY_ARGUMENT). They read and write the same socket
 * fields as the JS did and call the handle's methods through JS lookups. */
#include <string.h>
#include "tcp_binding.h"
#include "stream_state.h"

/* ---- options ---- */
/* The socket's handle (tcp_socket_handle): 0 none, 1 its record (r), 2 a handle
 * object pushed (the record's once _handle was read, or user code's own), whose
 * methods are called instead of the record's. */
static int handle_of(duk_context *ctx, duk_idx_t sock, tcp_rec **r)
{
  int kind = tcp_socket_handle(ctx, sock, r);
  return kind == 3 ? 0 : kind; /* a value that is not an object has no methods */
}

/* handle[name] is a function: the handle can take the option */
static int handle_has(duk_context *ctx, duk_idx_t handle, const char *name)
{
  petrel_get_prop_static(ctx, handle, name);
  int v = st_truthy(ctx, -1);
  duk_pop(ctx);
  return v;
}

/* setNoDelay(enable): as Node, the handle is told only of a change (a connecting
 * socket's, once connected). */
static duk_ret_t s_set_nodelay(duk_context *ctx)
{
  int enable = duk_is_undefined(ctx, 0) ? 1 : duk_to_boolean(ctx, 0);
  duk_push_this(ctx); /* 1 */
  tcp_rec *r;
  int kind = handle_of(ctx, 1, &r); /* 2: the handle object, if any */
  if (!kind) {
    st_put_bool(ctx, 1, "_noDelay", enable);
  } else if ((kind == 1 || handle_has(ctx, 2, "setNoDelay")) && enable != st_flag(ctx, 1, "_noDelay")) {
    st_put_bool(ctx, 1, "_noDelay", enable);
    if (!st_flag(ctx, 1, "connecting")) {
      if (kind == 1) {
        tcp_rec_set_nodelay(r, enable);
      } else {
        duk_push_boolean(ctx, enable);
        st_call_method(ctx, 2, "setNoDelay", 1);
      }
    }
  }
  duk_dup(ctx, 1);
  return 1;
}

/* setKeepAlive(enable, initialDelay ms) */
static duk_ret_t s_set_keepalive(duk_context *ctx)
{
  int enable = duk_to_boolean(ctx, 0);
  duk_push_number(ctx, duk_to_number(ctx, 1) / 1000);
  int secs = duk_to_int32(ctx, -1); /* ~~(initialDelay / 1000) */
  if (secs < 0) secs = 0;           /* the platform takes seconds as unsigned */
  duk_push_this(ctx);               /* 3 */
  tcp_rec *r;
  int kind = handle_of(ctx, 3, &r); /* 4: the handle object, if any */
  int set = !kind;
  if (kind == 1 || (kind == 2 && handle_has(ctx, 4, "setKeepAlive"))) {
    set = enable != st_flag(ctx, 3, "_keepAlive") || (enable && st_num(ctx, 3, "_keepAliveDelay") != secs);
    if (set && !st_flag(ctx, 3, "connecting")) {
      if (kind == 1) {
        tcp_rec_set_keepalive(r, enable, secs);
      } else {
        duk_push_boolean(ctx, enable);
        duk_push_int(ctx, secs);
        st_call_method(ctx, 4, "setKeepAlive", 2);
      }
    }
  }
  if (set) {
    st_put_bool(ctx, 3, "_keepAlive", enable);
    st_put_num(ctx, 3, "_keepAliveDelay", secs);
  }
  duk_dup(ctx, 3);
  return 1;
}

/* ref() / unref() (magic 1 / 0) */
static duk_ret_t s_ref(duk_context *ctx)
{
  int on = duk_get_current_magic(ctx);
  duk_push_this(ctx);
  st_put_bool(ctx, 0, "_refed", on);
  tcp_rec *r;
  int kind = handle_of(ctx, 0, &r); /* 1 */
  if (kind == 1)
    tcp_rec_ref(r, on);
  else if (kind == 2)
    st_call_method(ctx, 1, on ? "ref" : "unref", 0);
  duk_dup(ctx, 0);
  return 1;
}

/* ---- addresses ---- */
/* _getpeername() / _getsockname() (magic 1 / 0): the handle's answer, kept. */
static duk_ret_t s_getname(duk_context *ctx)
{
  int peer = duk_get_current_magic(ctx);
  const char *key = peer ? "_peername" : "_sockname";
  duk_push_this(ctx);                  /* 0 */
  petrel_get_prop_static(ctx, 0, key); /* 1 */
  if (st_truthy(ctx, 1)) return 1;
  tcp_rec *r;
  int kind = handle_of(ctx, 0, &r); /* 2, if an object */
  if (!kind || st_flag(ctx, 0, "connecting")) return 1;
  if (kind == 2) {
    duk_push_string(ctx, peer ? "getpeername" : "getsockname");
    duk_call_prop(ctx, 2, 0); /* 3 */
  } else {
    duk_push_undefined(ctx);                                  /* 2 */
    if (!tcp_rec_push_addr(ctx, r, peer)) duk_push_null(ctx); /* 3 */
  }
  if (!st_truthy(ctx, 3)) {
    duk_pop(ctx);
    duk_push_null(ctx);
  }
  st_put_dup(ctx, 0, key, 3);
  return 1;
}

/* Pushes this._getpeername() or this._getsockname() (overridable, as in the JS). */
static void push_name(duk_context *ctx, duk_idx_t self, int peer)
{
  duk_push_string(ctx, peer ? "_getpeername" : "_getsockname");
  duk_call_prop(ctx, self, 0);
}

/* address(): {address, family, port} of the local end, or {} */
static duk_ret_t s_address(duk_context *ctx)
{
  duk_push_this(ctx);   /* 0 */
  push_name(ctx, 0, 0); /* 1 */
  duk_push_object(ctx); /* 2 */
  if (st_truthy(ctx, 1)) {
    static const char *const keys[] = { "address", "family", "port" };
    for (int i = 0; i < 3; i++) {
      duk_get_prop_string(ctx, 1, keys[i]);
      duk_put_prop_string(ctx, 2, keys[i]);
    }
  }
  return 1;
}

/* ---- accessors ---- */
enum {
  G_REMOTE_ADDRESS,
  G_REMOTE_PORT,
  G_REMOTE_FAMILY,
  G_LOCAL_ADDRESS,
  G_LOCAL_PORT,
  G_LOCAL_FAMILY,
  G_PENDING,
  G_CONNECTING,
  G_READY_STATE,
  G_BUFFER_SIZE,
  G_BYTES_READ,
  G_BYTES_WRITTEN,
  G_SERVER,
  G_COUNT
};
static const char *const getter_names[G_COUNT] = { "remoteAddress", "remotePort",  "remoteFamily", "localAddress",
                                                   "localPort",     "localFamily", "pending",      "_connecting",
                                                   "readyState",    "bufferSize",  "bytesRead",    "bytesWritten",
                                                   "server" };

/* getter(key) */
static duk_ret_t s_get(duk_context *ctx)
{
  const char *key = duk_get_string(ctx, 0);
  int which = 0;
  while (which < G_COUNT && (!key || strcmp(key, getter_names[which]) != 0)) which++;
  duk_set_top(ctx, 0);
  duk_push_this(ctx); /* 0 */
  switch (which) {
    case G_COUNT: return 0;
    /* A server's socket has server and _server, both the server: the first reads the
     * second (one own property less per connection) until something sets it. */
    case G_SERVER: duk_get_prop_literal(ctx, 0, "_server"); return 1;
    case G_PENDING: {
      tcp_rec *r;
      duk_push_boolean(ctx, !tcp_socket_handle(ctx, 0, &r) || st_flag(ctx, 0, "connecting"));
      return 1;
    }
    case G_CONNECTING: duk_get_prop_literal(ctx, 0, "connecting"); return 1;
    case G_READY_STATE: {
      if (st_flag(ctx, 0, "connecting")) {
        duk_push_literal(ctx, "opening");
        return 1;
      }
      int r = st_flag(ctx, 0, "readable"), w = st_flag(ctx, 0, "writable");
      duk_push_string(ctx, r && w ? "open" : r ? "readOnly" : w ? "writeOnly" : "closed");
      return 1;
    }
    case G_BUFFER_SIZE: {
      tcp_rec *r;
      if (!tcp_socket_handle(ctx, 0, &r)) return 0;
      duk_set_top(ctx, 1);
      duk_get_prop_literal(ctx, 0, "writableLength");
      return 1;
    }
    case G_BYTES_READ: duk_get_prop_literal(ctx, 0, "_bytesRead"); return 1;
    case G_BYTES_WRITTEN: {
      double sent = st_num(ctx, 0, "_bytesDispatched");
      duk_get_prop_literal(ctx, 0, "writableLength");
      duk_push_number(ctx, sent + duk_to_number(ctx, -1)); /* undefined: NaN, as JS adds */
      return 1;
    }
    default: { /* an address field */
      int peer = which < G_LOCAL_ADDRESS;
      static const char *const keys[] = { "address", "port", "family" };
      push_name(ctx, 0, peer);
      if (!st_truthy(ctx, -1)) return 0;
      duk_get_prop_string(ctx, -1, keys[which % 3]);
      return 1;
    }
  }
}

/* setter(value, key) of server: an own property from then on, as Node's */
static duk_ret_t s_set(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_dup(ctx, 1);
  duk_dup(ctx, 0);
  duk_def_prop(ctx, 2,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
  return 0;
}

/* Node's names (lightfunc_names.h): these are anonymous functions in Node. */
static const petrel_lf_name socket_info_names[] = {
  { "", s_set_nodelay, 0 }, { "", s_set_keepalive, 0 }, { "", s_ref, 1 }, { "", s_ref, 0 },
  { "", s_address, 0 },     { "", s_getname, 1 },       { "", s_getname, 0 }, { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(socket_info, socket_info_names);

/* installSocketInfo(SocketProto) */
duk_ret_t net_socket_info_install(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  static const struct {
    const char *name;
    duk_c_function fn;
    int nargs;
    int magic;
  } methods[] = { { "setNoDelay", s_set_nodelay, 1, 0 },
                  { "setKeepAlive", s_set_keepalive, 2, 0 },
                  { "ref", s_ref, 0, 1 },
                  { "unref", s_ref, 0, 0 },
                  { "address", s_address, 0, 0 },
                  { "_getpeername", s_getname, 0, 1 },
                  { "_getsockname", s_getname, 0, 0 } };
  for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
    duk_push_c_lightfunc(ctx, methods[i].fn, methods[i].nargs, methods[i].nargs, methods[i].magic);
    duk_put_prop_string(ctx, 0, methods[i].name);
  }
  duk_push_c_function(ctx, s_get, 1); /* 1 */
  duk_push_c_function(ctx, s_set, 2); /* 2 */
  for (int i = 0; i < G_COUNT; i++) {
    int settable = i == G_SERVER;
    duk_push_string(ctx, getter_names[i]);
    duk_dup(ctx, 1);
    if (settable) duk_dup(ctx, 2);
    duk_def_prop(ctx, 0,
                 DUK_DEFPROP_HAVE_GETTER | (settable ? DUK_DEFPROP_HAVE_SETTER : 0) | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_CLEAR_ENUMERABLE);
  }
  return 0;
}
