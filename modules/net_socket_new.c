/* net.Socket's construction and the server's accept path in C (#17): what
 * new Socket(options) did through Duplex, Readable, Writable, Stream and
 * EventEmitter's constructors, and the listening handle's onconnection. The data
 * path and the socket's methods are in net_socket.c. */
#include "tcp_binding.h"
#include "stream_state.h"
#include "net_socket.h"

/* ---- construction and the accept path (#17) ----
 * What new Socket(options) did through Duplex, Readable, Writable, Stream and
 * EventEmitter's constructors (five JS frames, each testing instanceof and
 * resolving its module's names), in one C function with the same result: the
 * same own properties in the same order, the states' prototypes the variants for
 * emitClose: false, Node's own 'end' listener. */

/* Socket.prototype and the states' prototypes for emitClose: false (the variants
 * st_push_state_proto makes), pinned at install. */
static void *sock_proto, *rstate_proto, *wstate_proto;

/* A state (Readable's or Writable's) for the socket at sock, defined as its
 * _readableState or _writableState (defined, not put: Socket.prototype's
 * _writableState is an accessor, below). */
static void new_state(duk_context *ctx, duk_idx_t sock, int writable, double hwm)
{
  sock = duk_normalize_index(ctx, sock);
  if (writable)
    duk_push_literal(ctx, "_writableState");
  else
    duk_push_literal(ctx, "_readableState");
  duk_push_object(ctx);
  duk_push_heapptr(ctx, writable ? wstate_proto : rstate_proto);
  duk_set_prototype(ctx, -2);
  if (hwm != 16384) st_put_num(ctx, -1, "highWaterMark", hwm);
  duk_def_prop(ctx, sock,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
}

/* A socket's Writable state is made when something first reads it (a write, end(),
 * destroy(), a writable... getter): an idle connection holds one object less.
 * Socket.prototype._writableState is the accessor that makes it (with the default
 * highWaterMark: a socket with another one gets its state at construction) and
 * turns it into the socket's own data property, as the constructor made it. */
static duk_ret_t s_wstate_get(duk_context *ctx)
{
  duk_push_this(ctx); /* 0 */
  if (!duk_is_object(ctx, 0) || duk_get_heapptr(ctx, 0) == sock_proto) return 0; /* the prototype's own read */
  new_state(ctx, 0, 1, 16384);
  duk_get_prop_literal(ctx, 0, "_writableState");
  return 1;
}

/* _writableState = value: an own data property, as an assignment makes. */
static duk_ret_t s_wstate_set(duk_context *ctx)
{
  duk_push_this(ctx); /* 1 */
  if (!duk_is_object(ctx, 1)) return 0;
  duk_push_literal(ctx, "_writableState");
  duk_dup(ctx, 0);
  duk_def_prop(ctx, 1,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
  return 0;
}

/* EventEmitter.init(): an own _events table unless the object has one. */
static void init_events(duk_context *ctx, duk_idx_t sock)
{
  duk_get_prop_literal(ctx, sock, "_events");
  int own = !duk_is_undefined(ctx, -1);
  if (own) {
    duk_get_prototype(ctx, sock);
    if (duk_is_object(ctx, -1)) {
      duk_get_prop_literal(ctx, -1, "_events");
      own = !duk_strict_equals(ctx, -1, -3);
      duk_pop(ctx);
    }
    duk_pop(ctx);
  }
  duk_pop(ctx);
  if (own) return;
  duk_push_bare_object(ctx);
  duk_put_prop_literal(ctx, sock, "_events");
  duk_push_int(ctx, 0);
  duk_put_prop_literal(ctx, sock, "_eventsCount");
}

/* Duplex's part: the two states, the events, allowHalfOpen where it differs. */
static void init_duplex(duk_context *ctx, duk_idx_t sock, int half_open, double rhwm, double whwm)
{
  new_state(ctx, sock, 0, rhwm);
  init_events(ctx, sock);
  if (whwm != 16384) new_state(ctx, sock, 1, whwm);
  duk_get_prop_literal(ctx, sock, "allowHalfOpen");
  int same = duk_is_boolean(ctx, -1) && (int)duk_get_boolean(ctx, -1) == !!half_open;
  duk_pop(ctx);
  if (!same) {
    duk_push_boolean(ctx, half_open);
    duk_put_prop_literal(ctx, sock, "allowHalfOpen");
  }
}

/* this.on('end', onEnd): straight into a fresh table (no 'newListener' listener
 * to tell, nothing to warn about), else through on(). */
static void add_end_listener(duk_context *ctx, duk_idx_t sock)
{
  duk_get_prop_literal(ctx, sock, "_events");
  if (duk_is_object(ctx, -1) && !duk_has_prop_literal(ctx, -1, "end") && !duk_has_prop_literal(ctx, -1, "newListener")) {
    duk_push_c_lightfunc(ctx, net_socket_on_end, 0, 0, 0);
    duk_put_prop_literal(ctx, -2, "end");
    duk_pop(ctx);
    st_add_num(ctx, sock, "_eventsCount", 1);
    return;
  }
  duk_pop(ctx);
  duk_push_literal(ctx, "end");
  duk_push_c_lightfunc(ctx, net_socket_on_end, 0, 0, 0);
  st_call_method(ctx, sock, "on", 2);
}

/* The handle's part: the socket owns the connection's record (child: one the
 * accept path handed over, else a handle object's, which becomes the socket's
 * _handle), and reading starts unless paused. */
static void attach_handle(duk_context *ctx, duk_idx_t sock, duk_idx_t handle, tcp_rec *child, int pause, int fresh)
{
  sock = duk_normalize_index(ctx, sock);
  handle = duk_normalize_index(ctx, handle);
  if (child) {
    tcp_rec_adopt(ctx, child, sock);
  } else { /* options.handle: a handle object's record is adopted, anything else kept */
    duk_dup(ctx, handle);
    duk_put_prop_literal(ctx, sock, "_handle");
    duk_dup(ctx, sock);
    duk_put_prop_literal(ctx, handle, "owner");
  }
  if (pause) {
    duk_push_false(ctx);
    duk_put_prop_literal(ctx, sock, "readableFlowing");
  } else if (fresh) {
    /* read(0) on the state the accept path just made (empty, not ended, not
     * reading): what Readable's read does then, without its ~20 checks of fields
     * whose values are known: reading, needReadable, _read(hwm) with sync set. */
    duk_get_prop_literal(ctx, sock, "_readableState");
    duk_idx_t state = duk_get_top_index(ctx);
    st_put_bool(ctx, state, "reading", 1);
    st_put_bool(ctx, state, "needReadable", 1);
    duk_get_prop_literal(ctx, sock, "_read");
    duk_dup(ctx, sock);
    duk_get_prop_literal(ctx, state, "highWaterMark");
    if (duk_pcall_method(ctx, 1) != DUK_EXEC_SUCCESS)
      st_error_or_destroy(ctx, sock, 0);
    else
      duk_pop(ctx);
    st_put_bool(ctx, state, "sync", 0);
    double length = st_num(ctx, state, "length"); /* as read(0) ends, should _read have pushed */
    st_put_bool(ctx, state, "needReadable",
                length <= st_num(ctx, state, "highWaterMark") || (length == 0 && !st_flag(ctx, state, "ended")));
    duk_pop(ctx);
  } else {
    duk_push_int(ctx, 0);
    st_call_method(ctx, sock, "read", 1);
  }
}

/* A highWaterMark option as Readable/Writable take it (key, else highWaterMark). */
static double option_hwm(duk_context *ctx, duk_idx_t options, const char *key)
{
  return st_hwm(ctx, duk_is_object(ctx, options) ? options : -1, key, 0);
}

/* init(socket, options): the constructor's work after net.js checked the options
 * (options an object or undefined). */
duk_ret_t net_socket_init(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  int has = duk_is_object(ctx, 1);
  int half_open = has && st_flag(ctx, 1, "allowHalfOpen");
  double rhwm = option_hwm(ctx, 1, "readableHighWaterMark");
  double whwm = option_hwm(ctx, 1, "writableHighWaterMark");
  init_duplex(ctx, 0, half_open, rhwm, whwm);
  if (has) {
    if (st_flag(ctx, 1, "noDelay")) st_put_bool(ctx, 0, "_noDelay", 1);
    if (st_flag(ctx, 1, "keepAlive")) {
      st_put_bool(ctx, 0, "_keepAlive", 1);
      duk_get_prop_literal(ctx, 1, "keepAliveInitialDelay"); /* 2 */
      if (!duk_is_undefined(ctx, 2)) {
        net_push_helper(ctx, "validateNumber");
        duk_dup(ctx, 2);
        duk_push_literal(ctx, "options.keepAliveInitialDelay");
        duk_call(ctx, 2);
        duk_pop(ctx);
        double delay = duk_get_number(ctx, 2);
        if (delay > 0) { /* ~~(delay / 1000) */
          duk_push_number(ctx, delay / 1000);
          st_put_num(ctx, 0, "_keepAliveDelay", (double)duk_to_int32(ctx, -1));
          duk_pop(ctx);
        }
      }
      duk_pop(ctx);
    }
    duk_get_prop_literal(ctx, 1, "onread");
    if (!duk_is_null_or_undefined(ctx, -1)) { /* {buffer, callback}: checked in JS, rare */
      net_push_helper(ctx, "onreadOption");
      duk_dup(ctx, 0);
      duk_dup(ctx, -3);
      duk_call_method(ctx, 1);
      duk_pop(ctx);
    }
    duk_pop(ctx);
  }
  add_end_listener(ctx, 0);
  if (has) {
    duk_get_prop_literal(ctx, 1, "handle"); /* 2 */
    if (st_truthy(ctx, 2)) attach_handle(ctx, 0, 2, NULL, st_flag(ctx, 1, "pauseOnCreate"), 0);
  }
  return 0;
}

/* The listening handle's onconnection(err, handle): a new Socket for the connection,
 * then this.owner's (the server's) 'connection'. A failed accept and a connection over
 * maxConnections go to net.js's helpers (acceptError, dropConnection). The handle is
 * the accepted connection's record as a pointer (tcp_binding.c), which the Socket
 * takes, or a handle object when something else calls this. */
duk_ret_t net_socket_onconnection(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  tcp_rec *child = tcp_child_at(ctx, 1);
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, "owner"); /* 3: the server */
  if (!st_truthy(ctx, 3)) {
    if (child)
      tcp_rec_close(child, 0);
    else if (duk_is_object(ctx, 1))
      st_call_method(ctx, 1, "close", 0);
    return 0;
  }
  if (st_truthy(ctx, 0)) {
    net_push_helper(ctx, "acceptError");
    duk_dup(ctx, 3);
    duk_dup(ctx, 0);
    duk_call(ctx, 2);
    return 0;
  }
  duk_get_prop_literal(ctx, 3, "maxConnections"); /* 4 */
  if (!duk_is_null_or_undefined(ctx, 4)) {
    duk_get_prop_literal(ctx, 3, "_connections");
    int over = duk_to_number(ctx, -1) >= duk_to_number(ctx, 4);
    duk_pop(ctx);
    if (over) {
      if (child) { /* dropConnection asks a handle object for the addresses */
        tcp_rec_push_handle(ctx, child);
        duk_replace(ctx, 1);
      }
      net_push_helper(ctx, "dropConnection");
      duk_dup(ctx, 3);
      duk_dup(ctx, 1);
      duk_call(ctx, 2);
      return 0;
    }
  }
  duk_pop(ctx);
  int half_open = st_flag(ctx, 3, "allowHalfOpen");
  int pause = st_flag(ctx, 3, "pauseOnConnect");
  double hwm = 16384;
  duk_get_prop_literal(ctx, 3, "highWaterMark");
  if (!duk_is_null_or_undefined(ctx, -1)) { /* checked as Readable's option would be */
    duk_push_object(ctx);
    duk_dup(ctx, -2);
    duk_put_prop_literal(ctx, -2, "highWaterMark");
    hwm = st_hwm(ctx, -1, "readableHighWaterMark", 0);
    duk_pop(ctx);
  }
  duk_pop(ctx);
  duk_push_object(ctx); /* 4: the socket */
  duk_push_heapptr(ctx, sock_proto);
  duk_set_prototype(ctx, 4);
  init_duplex(ctx, 4, half_open, hwm, hwm);
  add_end_listener(ctx, 4);
  attach_handle(ctx, 4, 1, child, pause, 1);
  if (st_flag(ctx, 3, "noDelay")) {
    duk_push_true(ctx);
    st_call_method(ctx, 4, "setNoDelay", 1);
  }
  if (st_flag(ctx, 3, "keepAlive")) {
    duk_push_true(ctx);
    duk_push_number(ctx, st_num(ctx, 3, "keepAliveInitialDelay") * 1000);
    st_call_method(ctx, 4, "setKeepAlive", 2);
  }
  st_add_num(ctx, 3, "_connections", 1);
  duk_dup(ctx, 3);
  duk_put_prop_literal(ctx, 4, "_server"); /* socket.server reads it (modules/net_socket_info.c) */
  /* Duktape grows an object's property table by two slots or more at a time: the
   * socket (5 properties, more with noDelay or keepAlive) and its readable state (1)
   * would keep slots unused while the connection idles (13 B each on a 32-bit board). */
  duk_compact(ctx, 4);
  duk_get_prop_literal(ctx, 4, "_readableState");
  duk_compact(ctx, -1);
  duk_pop(ctx);
  duk_push_literal(ctx, "connection");
  duk_dup(ctx, 4);
  st_call_method(ctx, 3, "emit", 2);
  return 0;
}

/* Pins Socket.prototype (at proto) and the states' prototypes for emitClose: false
 * (made by packFields: stream is loaded before net), and defines the
 * _writableState accessor; 0 when the stream core's prototypes are missing. */
void net_socket_forget(duk_context *ctx)
{
  void **protos[3] = { &sock_proto, &rstate_proto, &wstate_proto };
  for (int i = 0; i < 3; i++) {
    if (*protos[i]) petrel_unpin(ctx, *protos[i]);
    *protos[i] = NULL;
  }
}

int net_socket_new_install(duk_context *ctx, duk_idx_t proto)
{
  proto = duk_normalize_index(ctx, proto);
  static const char *const state_keys[2] = { READABLE_PROTO_KEY, WRITABLE_PROTO_KEY };
  void **state_protos[2] = { &rstate_proto, &wstate_proto };
  duk_push_global_stash(ctx);
  for (int i = 0; i < 2; i++) {
    if (!duk_get_prop_string(ctx, -1, state_keys[i])) {
      duk_pop_2(ctx);
      return 0;
    }
    st_push_state_proto(ctx, -1, 1);
    if (*state_protos[i]) petrel_unpin(ctx, *state_protos[i]); /* net loaded again (a soft reset) */
    *state_protos[i] = petrel_pin(ctx, -1);
    duk_pop_2(ctx);
  }
  duk_pop(ctx);
  if (sock_proto) petrel_unpin(ctx, sock_proto);
  sock_proto = petrel_pin(ctx, proto);
  tcp_define_socket_handle(ctx, proto);
  duk_push_literal(ctx, "_writableState");
  duk_push_c_function(ctx, s_wstate_get, 0);
  duk_push_c_function(ctx, s_wstate_set, 1);
  duk_def_prop(ctx, proto,
               DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_CONFIGURABLE |
                   DUK_DEFPROP_CLEAR_ENUMERABLE);
  return 1;
}

static const petrel_lf_name socket_new_names[] = { { "", net_socket_init, 0 },
                                                   { "onconnection", net_socket_onconnection, 0 },
                                                   { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(socket_new, socket_new_names);
