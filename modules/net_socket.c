/* net.Socket's data path in C (#17): the TCP handle's onread/onwrite/onerror and
 * Socket.prototype's write, _write, _read, resume and the idle timer, as light
 * functions. Bytes from the platform reach the user's 'data' listener, and
 * write() reaches plat_tcp_write, with no JS frame of net's on the way.
 *
 * The socket's fields stay where net.js and the stream core read them (_bytesRead,
 * _writeCb, _timer, defaults on Socket.prototype), but for the numbers of the data
 * path (_bytesDispatched, _writeLen of the write in flight, _writeErr, _timeoutMs,
 * _lastActivity), a C block behind accessors of those names (below); whether the handle reads and
 * whether the peer's FIN came are asked of the handle (modules/tcp_binding.c), which
 * owns them. What is rare (a write or read before the connection, a failed connect,
 * the coded errors) is JS, handed over by net.js at install (helpers below). */
#include <string.h>
#include "tcp_binding.h"
#include "stream_state.h"
#include "platform.h"
#include "net_socket.h"

/* The global stash's entry for net.js's helpers: connector() (internal/net_connect's
 * exports, compiled on first use), writeBeforeConnect(chunk, encoding, cb) and
 * readAfterConnect() and finalAfterConnect(cb) with the socket as this, closedError(),
 * destroyedError(), epipeError(), setTimeout, clearTimeout, resume
 * (Readable's). */
#define NET_KEY DUK_HIDDEN_SYMBOL("netHelpers")

void net_push_helper(duk_context *ctx, const char *name)
{
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, NET_KEY);
  petrel_get_prop_static(ctx, -1, name);
  duk_remove(ctx, -2);
  duk_remove(ctx, -2);
}

/* ---- the socket's numbers (_timeoutMs, _lastActivity, _bytesDispatched, _writeLen,
 * _writeErr) as a C block ----
 * A fixed buffer under a hidden key on the socket, made on the first write of one; a
 * socket without it reads 0 (the defaults). Socket.prototype has an accessor for each
 * name, so JS (net_connect.js, tls.js, net_socket_info.c) reads and writes them as
 * before; the data path fetches the block once a call instead of a search of the
 * socket's names and then Socket.prototype's for each. */
#define SK_KEY DUK_HIDDEN_SYMBOL("sk")
enum { SK_TIMEOUT_MS, SK_LAST_ACTIVITY, SK_BYTES_DISPATCHED, SK_WRITE_LEN, SK_WRITE_ERR, SK_NUMS };
static const char *const sk_names[SK_NUMS] = { "_timeoutMs", "_lastActivity", "_bytesDispatched", "_writeLen",
                                               "_writeErr" };
typedef struct {
  double num[SK_NUMS];
  void *owner; /* the socket it belongs to (one inherited from a socket is not its own) */
} sk_block;

/* The block the socket at sock reads (maybe inherited), or NULL: all 0. */
static sk_block *sk_get(duk_context *ctx, duk_idx_t sock)
{
  if (!duk_is_object(ctx, sock)) return NULL;
  duk_get_prop_literal(ctx, sock, SK_KEY);
  duk_size_t size = 0;
  sk_block *b = duk_is_buffer(ctx, -1) ? duk_get_buffer(ctx, -1, &size) : NULL;
  duk_pop(ctx);
  return size == sizeof(sk_block) ? b : NULL;
}

/* The socket's own block, made (from what it read) if it has none; NULL if sock is
 * no object. */
static sk_block *sk_own(duk_context *ctx, duk_idx_t sock)
{
  sock = duk_normalize_index(ctx, sock);
  sk_block *b = sk_get(ctx, sock);
  void *self = duk_get_heapptr(ctx, sock);
  if (!self || (b && b->owner == self)) return b;
  duk_push_literal(ctx, SK_KEY);
  sk_block *own = duk_push_fixed_buffer(ctx, sizeof(sk_block));
  if (b) *own = *b;
  own->owner = self;
  duk_def_prop(ctx, sock,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE |
                   DUK_DEFPROP_CLEAR_ENUMERABLE);
  return own;
}

static double sk_num(duk_context *ctx, duk_idx_t sock, int f)
{
  sk_block *b = sk_get(ctx, sock);
  return b ? b->num[f] : 0;
}

static void sk_put(duk_context *ctx, duk_idx_t sock, int f, double v)
{
  sk_block *b = sk_own(ctx, sock);
  if (b) b->num[f] = v;
}

/* Socket.prototype's accessors of the names (Duktape passes the key). */
static duk_ret_t sk_getter(duk_context *ctx)
{
  int f = st_key_index(ctx, 0, sk_names, SK_NUMS);
  duk_push_this(ctx);
  duk_push_number(ctx, f < SK_NUMS ? sk_num(ctx, -1, f) : 0);
  return 1;
}

static duk_ret_t sk_setter(duk_context *ctx)
{
  int f = st_key_index(ctx, 1, sk_names, SK_NUMS);
  double v = duk_to_number(ctx, 0);
  duk_push_this(ctx);
  if (f < SK_NUMS) sk_put(ctx, -1, f, v);
  return 0;
}

/* One getter and one setter serve the five names (two function objects in the heap). */
static void sk_define(duk_context *ctx, duk_idx_t proto)
{
  proto = duk_normalize_index(ctx, proto);
  duk_push_c_function(ctx, sk_getter, 1); /* the key: Duktape passes it */
  duk_push_c_function(ctx, sk_setter, 2);
  for (int i = 0; i < SK_NUMS; i++) {
    duk_push_string(ctx, sk_names[i]);
    duk_dup(ctx, -3);
    duk_dup(ctx, -3);
    duk_def_prop(ctx, proto,
                 DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_SET_ENUMERABLE);
  }
  duk_pop_2(ctx);
}

/* ---- the idle timer (setTimeout's 'timeout') ---- */
static duk_ret_t on_idle_timer(duk_context *ctx);

/* socket._timer = timers.setTimeout(on_idle_timer, ms, socket), unref'd */
static void arm_timer(duk_context *ctx, duk_idx_t sock, double ms)
{
  sock = duk_normalize_index(ctx, sock);
  net_push_helper(ctx, "setTimeout");
  duk_push_c_lightfunc(ctx, on_idle_timer, 1, 1, 0);
  duk_push_number(ctx, ms);
  duk_dup(ctx, sock);
  duk_call(ctx, 3);
  duk_dup_top(ctx);
  duk_put_prop_literal(ctx, sock, "_timer");
  st_call_method(ctx, -1, "unref", 0);
  duk_pop(ctx);
}

static void clear_timer(duk_context *ctx, duk_idx_t sock)
{
  sock = duk_normalize_index(ctx, sock);
  duk_get_prop_literal(ctx, sock, "_timer");
  if (st_truthy(ctx, -1)) {
    net_push_helper(ctx, "clearTimeout");
    duk_dup(ctx, -2);
    duk_call(ctx, 1);
    duk_pop(ctx);
    duk_push_null(ctx);
    duk_put_prop_literal(ctx, sock, "_timer");
  }
  duk_pop(ctx);
}

/* Socket.prototype._activity(): an I/O restarts the idle time. b: the socket's block
 * if the caller has it, else NULL (looked up). */
static void activity(duk_context *ctx, duk_idx_t sock, sk_block *b)
{
  if (!b) b = sk_get(ctx, sock);
  double ms = b ? b->num[SK_TIMEOUT_MS] : 0;
  if (!ms || ms != ms) return;
  sk_put(ctx, sock, SK_LAST_ACTIVITY, loop_now());
  duk_get_prop_literal(ctx, sock, "_timer");
  int armed = st_truthy(ctx, -1);
  duk_pop(ctx);
  if (!armed) arm_timer(ctx, sock, ms);
}

static duk_ret_t s_activity(duk_context *ctx)
{
  duk_push_this(ctx);
  activity(ctx, 0, NULL);
  return 0;
}

/* The timer's callback (socket): 'timeout' once the socket was idle that long. */
static duk_ret_t on_idle_timer(duk_context *ctx)
{
  duk_push_null(ctx);
  duk_put_prop_literal(ctx, 0, "_timer");
  double ms = sk_num(ctx, 0, SK_TIMEOUT_MS);
  if (!ms || ms != ms || st_flag(ctx, 0, "destroyed")) return 0;
  double idle = loop_now() - sk_num(ctx, 0, SK_LAST_ACTIVITY);
  if (idle < ms) {
    arm_timer(ctx, 0, ms - idle);
    return 0;
  }
  st_emit(ctx, 0, "timeout");
  return 0;
}

/* idle(socket, ms): setTimeout's part after its checks. ms > 0 arms the timer from
 * now, 0 turns it off. */
static duk_ret_t s_idle(duk_context *ctx)
{
  double ms = duk_require_number(ctx, 1);
  clear_timer(ctx, 0);
  sk_put(ctx, 0, SK_TIMEOUT_MS, ms);
  if (ms > 0) {
    sk_put(ctx, 0, SK_LAST_ACTIVITY, loop_now());
    arm_timer(ctx, 0, ms);
  }
  return 0;
}

/* ---- connect(), compiled on first use ---- */
/* Pushes internal/net_connect's export name (net.js's connector() loads it once). */
static void push_connect_export(duk_context *ctx, const char *name)
{
  net_push_helper(ctx, "connector");
  duk_call(ctx, 0);
  petrel_get_prop_static(ctx, -1, name);
  duk_remove(ctx, -2);
}

/* Socket.prototype.connect, net.connect/createConnection and the handle's onconnect:
 * stubs (8 bytes each) that call the module's function with the same this and
 * arguments. */
static const char *const connect_names[] = { "connect", "createConnection", "onconnect" };

static duk_ret_t s_connect_stub(duk_context *ctx)
{
  duk_idx_t nargs = duk_get_top(ctx);
  push_connect_export(ctx, connect_names[duk_get_current_magic(ctx)]);
  duk_push_this(ctx);
  for (duk_idx_t i = 0; i < nargs; i++) duk_dup(ctx, i);
  duk_call_method(ctx, nargs);
  return 1;
}

/* ---- the handle's callbacks (this: the TCP handle; its owner: the socket) ---- */
/* [..] -> [.. socket] or 0 with nothing pushed when the handle has no owner */
static int push_owner(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, "owner");
  duk_remove(ctx, -2);
  if (duk_is_object(ctx, -1)) return 1;
  duk_pop(ctx);
  return 0;
}

/* The byte length of the chunk at idx (a Buffer's own, without a property lookup). */
static double byte_length(duk_context *ctx, duk_idx_t idx)
{
  duk_size_t n;
  if (duk_get_buffer_data(ctx, idx, &n)) return (double)n;
  return (double)duk_get_length(ctx, idx);
}

/* onread(buf): the chunk into the stream; onread(null): the peer's FIN. The
 * socket at 1. */
static duk_ret_t onread(duk_context *ctx)
{
  duk_get_prop_literal(ctx, 1, "_readableState"); /* 2 */
  /* The state's packed flags, read once (the calls below until 'data' change none). */
  uint64_t bits = 0;
  int packed = st_packed_bits(ctx, 2, &bits);
  if (packed ? st_bits_field(bits, "destroyed") == 1 : st_flag(ctx, 2, "destroyed")) return 0;
  activity(ctx, 1, NULL);
  duk_get_prop_literal(ctx, 1, "_onread"); /* 3: {buffer, callback} of options.onread, or null */
  int user_buffer = !duk_is_null_or_undefined(ctx, 3);
  if (!duk_is_null(ctx, 0)) {
    st_add_num(ctx, 1, "_bytesRead", byte_length(ctx, 0));
    if (user_buffer) {
      petrel_require_builtin(ctx, "internal/net_onread");
      duk_dup(ctx, 1);
      duk_dup(ctx, 0);
      duk_push_int(ctx, 0);
      duk_call(ctx, 3);
      return 0;
    }
    /* Fast path: a flowing socket with nothing buffered hands the chunk straight
     * to 'data' listeners, as Readable's push would, without its read-more
     * bookkeeping (the handle keeps reading on its own while flowing). */
    int flowing = packed ? st_bits_field(bits, "flowing") == 1 : st_flag(ctx, 2, "flowing");
    int ended = packed ? st_bits_field(bits, "ended") == 1 : st_flag(ctx, 2, "ended");
    if (flowing && !ended && st_num(ctx, 2, "length") == 0 && !st_flag(ctx, 2, "decoder")) {
      duk_get_prop_literal(ctx, 1, "_events");
      duk_get_prop_literal(ctx, -1, "data"); /* 5 */
      if (!duk_is_undefined(ctx, 5)) {
        if (!packed || st_bits_field(bits, "reading") != 0) st_put_bool(ctx, 2, "reading", 0);
        if (!packed || st_bits_field(bits, "dataEmitted") != 1) st_put_bool(ctx, 2, "dataEmitted", 1);
        if (st_is_function(ctx, 5)) { /* one listener: called as emit would */
          duk_dup(ctx, 1);
          duk_dup(ctx, 0);
          duk_call_method(ctx, 1);
        } else {
          duk_push_literal(ctx, "data");
          duk_dup(ctx, 0);
          st_call_method(ctx, 1, "emit", 2);
        }
        return 0;
      }
      duk_pop_2(ctx);
    }
    duk_get_prop_literal(ctx, 1, "push");
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    duk_call_method(ctx, 1);
    if (!duk_to_boolean(ctx, -1)) {
      tcp_rec *r = tcp_rec_at(ctx, 1);
      if (r) tcp_rec_read(r, 0);
    }
    return 0;
  }
  if (user_buffer) {
    duk_get_prop_literal(ctx, 3, "buffer");
    if (st_is_function(ctx, -1)) { /* node asks for a buffer for the read that finds the end too */
      duk_dup(ctx, 3);
      duk_call_method(ctx, 0);
    }
    duk_pop(ctx);
  }
  duk_push_null(ctx);
  st_call_method(ctx, 1, "push", 1);
  duk_push_int(ctx, 0);
  st_call_method(ctx, 1, "read", 1);
  return 0;
}

/* A chunk for a socket that owns its record, from the binding's delivery (deliver
 * in tcp_binding.c, under its protected call) without the call of onread as a
 * function: when onread's fast path would take it (a flowing, packed, live socket
 * with nothing buffered, no decoder, no options.onread and a 'data' listener), the
 * same steps run here and only the listener (or emit, for several) is called from C,
 * through petrel_call_keep as onread itself was: an uncaught throw from it is
 * reported the same way and the ticks run after it. Returns 0, with nothing done
 * and the stack as it was, when the general path must run. The conditions are read
 * before anything changes; the Buffer is made first, so that out of memory ends the
 * connection (ENOMEM, as a chunk that cannot be delivered does) before any state moved.
 * #17: ~1,100 instructions of a call per chunk. */
int net_socket_read_direct(duk_context *ctx, tcp_rec *r, void *sock_ptr, const void *data, size_t len)
{
  duk_idx_t top = duk_get_top(ctx);
  duk_push_heapptr(ctx, sock_ptr);                /* top + 0: the socket */
  duk_get_prop_literal(ctx, top, "_readableState"); /* + 1 */
  uint64_t bits = 0;
  int ok = st_packed_bits(ctx, top + 1, &bits) && (bits & 3) == 1 && st_rbit(bits, RF_DESTROYED) == 0 &&
           st_rbit(bits, RF_FLOWING) == 1 && st_rbit(bits, RF_ENDED) == 0;
  if (ok) {
    duk_get_prop_literal(ctx, top, "_onread"); /* + 2 */
    double n;
    if (!duk_petrel_get_number_static(ctx, top + 1, "length", 6, &n)) n = st_num(ctx, top + 1, "length");
    ok = duk_is_null_or_undefined(ctx, top + 2) && n == 0;
  }
  if (ok) {
    duk_get_prop_literal(ctx, top + 1, "decoder"); /* + 3 (not a packed flag) */
    ok = !duk_to_boolean(ctx, top + 3);
  }
  if (ok) {
    duk_get_prop_literal(ctx, top, "_events");
    duk_get_prop_literal(ctx, -1, "data"); /* + 5 */
    ok = !duk_is_undefined(ctx, top + 5);
  }
  if (!ok) {
    duk_set_top(ctx, top);
    return 0;
  }
  void *p = duk_push_fixed_buffer(ctx, len);
  memcpy(p, data, len);
  petrel_push_buffer_object(ctx, -1, len);
  duk_remove(ctx, -2); /* + 6: the chunk */
  activity(ctx, top, tcp_rec_sock_cache(r, sock_ptr)); /* the block a write found, if any */
  double read;
  if (duk_petrel_get_number_static(ctx, top, "_bytesRead", 10, &read) && read == read) { /* not NaN */
    duk_push_number(ctx, read + (double)len);
    duk_put_prop_literal(ctx, top, "_bytesRead");
  } else {
    st_add_num(ctx, top, "_bytesRead", (double)len);
  }
  if (st_rbit(bits, RF_READING) != 0) st_put_bool(ctx, top + 1, "reading", 0);
  if (st_rbit(bits, RF_DATA_EMITTED) != 1) st_put_bool(ctx, top + 1, "dataEmitted", 1);
  if (st_is_function(ctx, top + 5)) { /* one listener: called as emit would */
    duk_dup(ctx, top + 5);
    duk_dup(ctx, top);
    duk_dup(ctx, top + 6);
    petrel_call_keep(ctx, 1);
  } else {
    duk_get_prop_literal(ctx, top, "emit");
    duk_dup(ctx, top);
    duk_push_literal(ctx, "data");
    duk_dup(ctx, top + 6);
    petrel_call_keep(ctx, 2);
  }
  duk_set_top(ctx, top);
  return 1;
}

/* Takes socket._writeCb (at sock) and pushes it, or returns 0 with nothing pushed. */
static int take_write_cb(duk_context *ctx, duk_idx_t sock)
{
  sock = duk_normalize_index(ctx, sock);
  duk_get_prop_literal(ctx, sock, "_writeCb");
  if (!st_truthy(ctx, -1)) {
    duk_pop(ctx);
    return 0;
  }
  duk_push_null(ctx);
  duk_put_prop_literal(ctx, sock, "_writeCb");
  return 1;
}

/* onwrite(err): the write that was left pending went out (or failed). The socket at 1. */
static duk_ret_t onwrite(duk_context *ctx)
{
  int err = duk_to_int(ctx, 0);
  if (!take_write_cb(ctx, 1)) return 0; /* 2 */
  if (err) {
    petrel_push_system_error(ctx, err, "write");
    duk_call(ctx, 1);
    return 0;
  }
  sk_block *b = sk_own(ctx, 1);
  if (b) b->num[SK_BYTES_DISPATCHED] += b->num[SK_WRITE_LEN];
  activity(ctx, 1, b);
  duk_call(ctx, 0);
  return 0;
}

/* onerror(err): a connection's error (a connect that failed goes to net.js). The
 * socket at 1. */
static duk_ret_t onerror(duk_context *ctx)
{
  int err = duk_to_int(ctx, 0);
  if (st_flag(ctx, 1, "destroyed")) return 0;
  if (st_flag(ctx, 1, "connecting")) {
    push_connect_export(ctx, "connectFailed");
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    duk_call(ctx, 2);
    return 0;
  }
  int cb = take_write_cb(ctx, 1); /* 2: the write's callback, if any */
  petrel_push_system_error(ctx, err, cb ? "write" : "read");
  if (cb) {
    duk_dup(ctx, -2);
    duk_dup(ctx, -2);
    duk_call(ctx, 1);
    duk_pop(ctx);
  }
  st_call_method(ctx, 1, "destroy", 1);
  return 0;
}

/* onconnect(status) of a socket's record: 'connect' (internal/net_connect.js). */
static duk_ret_t onconnect(duk_context *ctx)
{
  if (st_flag(ctx, 1, "destroyed")) return 0;
  push_connect_export(ctx, "connected");
  duk_dup(ctx, 1);
  duk_call(ctx, 1);
  return 0;
}

/* The events of a record: as a handle object's methods (this: the handle, its
 * owner the socket), or (h == 0) called on the socket that owns the record. */
static duk_ret_t on_record(duk_context *ctx)
{
  int magic = duk_get_current_magic(ctx);
  duk_set_top(ctx, 1);
  if (magic & 4) {
    if (!push_owner(ctx)) return 0; /* 1 */
  } else {
    duk_push_this(ctx); /* 1 */
  }
  switch (magic & 3) {
    case 0: return onread(ctx);
    case 1: return onwrite(ctx);
    case 2: return onerror(ctx);
    default: return onconnect(ctx);
  }
}

void net_socket_push_event(duk_context *ctx, const char *name)
{
  /* onread, onwrite, onerror, onconnect */
  int magic = name[2] == 'r' ? 0 : name[2] == 'w' ? 1 : name[2] == 'e' ? 2 : 3;
  duk_push_c_lightfunc(ctx, on_record, 1, 1, magic);
}

/* ---- Socket.prototype's methods ---- */
/* Sends the chunk at chunk on the socket's record: 0, 1 or an error as
 * tcp_rec_write, EBADF for a closed one. */
static int send_chunk_rec(duk_context *ctx, duk_idx_t sock, duk_idx_t chunk, tcp_rec *r, sk_block *b)
{
  if (!r) return PLAT_EBADF;
  activity(ctx, sock, b);
  return tcp_rec_write(ctx, r, chunk);
}

static int send_chunk(duk_context *ctx, duk_idx_t sock, duk_idx_t chunk, sk_block *b)
{
  tcp_rec *r = tcp_rec_at(ctx, sock);
  if (!r) return PLAT_EBADF;
  activity(ctx, sock, b);
  return tcp_rec_write(ctx, r, chunk);
}

/* open(socket): a record of its own for a client socket's connection. */
static duk_ret_t s_open(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  tcp_rec_open(ctx, 0);
  return 0;
}

/* hasHandle(socket): it holds an open record. */
static duk_ret_t s_has_handle(duk_context *ctx)
{
  duk_push_boolean(ctx, tcp_rec_at(ctx, 0) != NULL);
  return 1;
}

/* handleObject(socket): the handle object to call instead of the record (its
 * _handle once read, or user code's own), else undefined. */
static duk_ret_t s_handle_object(duk_context *ctx)
{
  tcp_rec *r;
  return tcp_socket_handle(ctx, 0, &r) == 2 ? 1 : 0;
}

static duk_ret_t nop(duk_context *ctx)
{
  (void)ctx;
  return 0;
}

/* An ASCII string's bytes are the same in these encodings (a socket's strings go to
 * Buffer.from(chunk, encoding) on the general path). */
static int ascii_same(const char *enc)
{
  static const char *const names[] = { "utf8", "utf-8", "latin1", "binary", "ascii" };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(enc, names[i]) == 0) return 1;
  return 0;
}

/* Fast path of a write to a socket (write(), and end()'s chunk through
 * writable_fast_end_write): a Buffer, or an ASCII string in an encoding that leaves
 * its bytes as they are, written to an idle, connected socket that the stack takes
 * whole needs none of the Writable queue: same result, callback and counters.
 * sock, state (its _writableState), chunk, enc (undefined/null: the state's
 * defaultEncoding), cb (the write's callback, or anything else for none). Returns
 * -1 when the general path must run (a failed send is left for _write in
 * SK_WRITE_ERR), else write()'s result (1 true, 0 false). Values may be left pushed. */
static int fast_write(duk_context *ctx, duk_idx_t sock, duk_idx_t state, duk_idx_t chunk, duk_idx_t enc,
                      duk_idx_t cb)
{
  duk_size_t size = 0;
  tcp_rec *rec = tcp_rec_at(ctx, sock);
  if (!rec) return -1;
  int str = duk_is_string(ctx, chunk);
  if (str) {
    duk_size_t n;
    const char *p = duk_get_lstring(ctx, chunk, &n);
    if (n == 0) return -1;
    for (duk_size_t i = 0; i < n; i++)
      if ((unsigned char)p[i] >= 0x80) return -1;
    size = n;
  } else if (duk_is_string(ctx, enc) || !duk_get_buffer_data(ctx, chunk, &size) || size == 0) {
    return -1;
  }
  /* a socket's own field, never a packed flag: read as it is */
  duk_get_prop_literal(ctx, sock, "connecting");
  if (duk_to_boolean(ctx, -1)) return -1;
  if (!str && !st_is_buffer(ctx, chunk)) return -1;
  st_wblock *w = st_wblk_req(ctx, state); /* the state's block, read once (its own: it stays put) */
  if (wb_any(w, (1u << WF_WRITING) | (1u << WF_ENDING) | (1u << WF_DESTROYED) | (1u << WF_NEED_DRAIN)) ||
      w->num[W_CORKED] || (str && wb_flag(w, WF_OBJECT_MODE)))
    return -1;
  duk_get_prop_literal(ctx, state, "errored"); /* not a packed flag either */
  if (duk_to_boolean(ctx, -1) || w->num[W_BUFFERED_INDEX] != writable_buffered_length(ctx, state)) return -1;
  if (str) {
    if (!st_truthy(ctx, enc)) {
      duk_get_prop_literal(ctx, state, "defaultEncoding");
      enc = duk_get_top_index(ctx);
    }
    const char *e = duk_get_string(ctx, enc);
    if (!e || !ascii_same(e)) return -1;
    duk_size_t n;
    const char *p = duk_get_lstring(ctx, chunk, &n);
    void *q = duk_push_fixed_buffer(ctx, n); /* what Buffer.from would hold */
    memcpy(q, p, n);
    chunk = duk_get_top_index(ctx);
  }
  double len = (double)size;
  /* The socket holds it, so it stays put: kept with the record after the first. */
  void *self = duk_get_heapptr(ctx, sock);
  sk_block *b = tcp_rec_sock_cache(rec, self);
  if (!b) {
    b = sk_own(ctx, sock);
    tcp_rec_set_sock_cache(rec, self, b);
  }
  int r = send_chunk_rec(ctx, sock, chunk, rec, b);
  if (r == 0) {
    b->num[SK_BYTES_DISPATCHED] += len;
    if (st_is_function(ctx, cb)) {
      duk_dup(ctx, cb);
      duk_push_null(ctx);
      st_next_tick_value(ctx, 1);
    }
    return 1;
  }
  if (r == 1) { /* partly queued in C: account for it as Writable's own _write would */
    w->num[W_PENDINGCB] += 1;
    w->num[W_LENGTH] += len;
    w->num[W_WRITELEN] = len;
    if (st_is_function(ctx, cb))
      duk_dup(ctx, cb);
    else
      duk_push_c_lightfunc(ctx, nop, 0, 0, 0);
    duk_put_prop_literal(ctx, state, "writecb");
    wb_set(w, WF_WRITING, 1);
    writable_own_stream(ctx, sock, state);
    duk_get_prop_literal(ctx, state, "onwrite");
    duk_put_prop_literal(ctx, sock, "_writeCb");
    b->num[SK_WRITE_LEN] = len;
    wb_set(w, WF_SYNC, 0);
    int ret = w->num[W_LENGTH] < w->num[W_HWM];
    if (!ret) wb_set(w, WF_NEED_DRAIN, 1);
    return ret;
  }
  /* An error: the general path reports it the usual way (callback, 'error',
   * destroy); _write hands it over instead of sending the chunk a second time. */
  b->num[SK_WRITE_ERR] = r;
  return -1;
}

/* end()'s chunk (stream_writable_methods.c): the socket's fast path, if it applies. */
static int end_write(duk_context *ctx, duk_idx_t stream, duk_idx_t state, duk_idx_t chunk, duk_idx_t enc)
{
  duk_push_undefined(ctx); /* end()'s own callback is not the write's */
  return fast_write(ctx, stream, state, chunk, enc, duk_get_top_index(ctx));
}

/* write(chunk, encoding, cb) */
static duk_ret_t s_write(duk_context *ctx)
{
  duk_push_this(ctx);                             /* 3 */
  duk_get_prop_literal(ctx, 3, "_writableState"); /* 4 */
  if (st_is_function(ctx, 1)) {                   /* write(chunk, cb): 5 the encoding */
    duk_dup(ctx, 1);
    duk_replace(ctx, 2);
    duk_push_undefined(ctx);
  } else {
    duk_dup(ctx, 1);
  }
  int r = fast_write(ctx, 3, 4, 0, 5, 2);
  if (r >= 0) {
    duk_push_boolean(ctx, r);
    return 1;
  }
  duk_set_top(ctx, 4);
  duk_insert(ctx, 0); /* this at 0, arguments at 1.. */
  duk_push_boolean(ctx, writable_write_chunk(ctx, 0, 1) == 1);
  return 1;
}

/* _write(chunk, encoding, cb): Writable's, one chunk at a time. */
static duk_ret_t s_write_one(duk_context *ctx)
{
  duk_push_this(ctx); /* 3 */
  if (st_flag(ctx, 3, "connecting")) {
    net_push_helper(ctx, "writeBeforeConnect");
    duk_dup(ctx, 3);
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_dup(ctx, 2);
    duk_call_method(ctx, 3);
    return 0;
  }
  tcp_rec *rec;
  int has = tcp_socket_handle(ctx, 3, &rec);
  duk_set_top(ctx, 4);
  if (!has) {
    duk_dup(ctx, 2);
    net_push_helper(ctx, "closedError");
    duk_call(ctx, 0);
    duk_call(ctx, 1);
    return 0;
  }
  sk_block *b = sk_own(ctx, 3); /* an object: it has a handle */
  int r = (int)b->num[SK_WRITE_ERR];
  if (r)
    b->num[SK_WRITE_ERR] = 0;
  else
    r = send_chunk(ctx, 3, 0, b);
  if (r == 0) {
    b->num[SK_BYTES_DISPATCHED] += byte_length(ctx, 0);
    duk_dup(ctx, 2);
    duk_call(ctx, 0);
  } else if (r == 1) {
    st_put_dup(ctx, 3, "_writeCb", 2);
    b->num[SK_WRITE_LEN] = byte_length(ctx, 0);
  } else {
    duk_dup(ctx, 2);
    petrel_push_system_error(ctx, r, "write");
    duk_call(ctx, 1);
  }
  return 0;
}

/* Starts the socket's record reading unless it is, or the peer's FIN came. */
static void read_start(duk_context *ctx, duk_idx_t sock)
{
  tcp_rec *r = tcp_rec_at(ctx, sock);
  if (r && !tcp_rec_reading(r) && !tcp_rec_eof(r)) tcp_rec_read(r, 1);
}

/* _read() */
static duk_ret_t s_read(duk_context *ctx)
{
  duk_push_this(ctx); /* 0 */
  tcp_rec *r;
  int has = tcp_socket_handle(ctx, 0, &r);
  duk_set_top(ctx, 1);
  if (st_flag(ctx, 0, "connecting") || !has) {
    net_push_helper(ctx, "readAfterConnect");
    duk_dup(ctx, 0);
    duk_call_method(ctx, 0);
    return 0;
  }
  read_start(ctx, 0);
  return 0;
}

/* resume(): Readable's, then the handle reads again (a _read() may still be
 * outstanding from before pause()). */
static duk_ret_t s_resume(duk_context *ctx)
{
  duk_push_this(ctx); /* 0 */
  net_push_helper(ctx, "resume");
  duk_dup(ctx, 0);
  duk_call_method(ctx, 0); /* 1: ret */
  duk_get_prop_literal(ctx, 0, "_onreadRest");
  if (!duk_is_null_or_undefined(ctx, -1)) { /* an onread socket takes what it left first */
    duk_push_null(ctx);
    duk_put_prop_literal(ctx, 0, "_onreadRest");
    petrel_require_builtin(ctx, "internal/net_onread");
    duk_dup(ctx, 0);
    duk_dup(ctx, -3);
    duk_push_int(ctx, 0);
    duk_call(ctx, 3);
    duk_pop(ctx);
    duk_get_prop_literal(ctx, 0, "_onreadRest");
    int left = !duk_is_null_or_undefined(ctx, -1);
    duk_pop(ctx);
    if (left || st_flag(ctx, 0, "destroyed")) {
      duk_dup(ctx, 1);
      return 1;
    }
  }
  duk_pop(ctx);
  /* destroy() marks both states; the readable one's flag is read here, so that a
   * first resume() does not make the socket's Writable state (made on first use). */
  duk_get_prop_literal(ctx, 0, "_readableState");
  int destroyed = duk_is_object(ctx, -1) ? st_flag(ctx, -1, "destroyed") : st_flag(ctx, 0, "destroyed");
  duk_pop(ctx);
  if (!st_flag(ctx, 0, "connecting") && !destroyed) read_start(ctx, 0);
  duk_dup(ctx, 1);
  return 1;
}

/* ---- the end of a connection ---- */
/* _final(cb): our FIN once the writes are out (a connecting socket's waits, in JS). */
static duk_ret_t s_final(duk_context *ctx)
{
  duk_push_this(ctx); /* 1 */
  if (st_flag(ctx, 1, "connecting")) {
    net_push_helper(ctx, "finalAfterConnect");
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    duk_call_method(ctx, 1);
    return 0;
  }
  tcp_rec *r;
  int kind = tcp_socket_handle(ctx, 1, &r); /* 2 when user code's handle object */
  if (kind == 2 && r) duk_pop(ctx);
  int err = 0;
  if (r) {
    err = tcp_rec_shutdown(r);
  } else if (kind == 2) {
    duk_push_literal(ctx, "shutdown");
    duk_call_prop(ctx, 2, 0);
    err = duk_to_int(ctx, -1);
  }
  duk_set_top(ctx, 2);
  duk_dup(ctx, 0); /* 2 */
  if (!kind) {
    duk_call(ctx, 0);
    return 0;
  }
  if (err && err != PLAT_ENOTCONN) {
    petrel_push_system_error(ctx, err, "shutdown");
    duk_call(ctx, 1);
    return 0;
  }
  st_next_tick_value(ctx, 0);
  return 0;
}

/* The 'close' tick (socket, hadError). */
static duk_ret_t emit_close(duk_context *ctx)
{
  duk_push_literal(ctx, "close");
  duk_dup(ctx, 1);
  st_call_method(ctx, 0, "emit", 2);
  return 0;
}

/* _destroy(exception, cb): the handle closed (or reset), 'close' after it. */
static duk_ret_t s_destroy(duk_context *ctx)
{
  duk_push_this(ctx); /* 2 */
  clear_timer(ctx, 2);
  if (st_flag(ctx, 2, "connecting")) st_put_bool(ctx, 2, "connecting", 0);
  duk_get_prop_literal(ctx, 2, "_connectAttempt");
  if (st_truthy(ctx, -1)) {
    st_put_bool(ctx, -1, "cancelled", 1);
    duk_push_null(ctx);
    duk_put_prop_literal(ctx, 2, "_connectAttempt");
  }
  duk_pop(ctx);
  int exception = st_truthy(ctx, 0);
  tcp_rec *r;
  int kind = tcp_socket_handle(ctx, 2, &r); /* 3 when a handle object */
  if (kind != 2) duk_push_undefined(ctx);   /* 3 */
  if (kind) {
    /* As in Node, the addresses stay readable after close only if something read
     * them before (_getpeername/_getsockname keep what they read): asking the
     * handle here cost two system calls and two method calls on every close.
     * Closing the record clears it from the socket: _handle reads null. */
    int reset = st_flag(ctx, 2, "_resetOnDestroy");
    if (r) {
      tcp_rec_close(r, reset);
    } else { /* user code's handle */
      duk_push_null(ctx);
      duk_put_prop_literal(ctx, 2, "_handle");
      if (kind == 2) {
        duk_push_null(ctx);
        duk_put_prop_literal(ctx, 3, "owner");
        petrel_get_prop_static(ctx, 3, reset ? "reset" : "close");
        int callable = duk_is_function(ctx, -1);
        duk_pop(ctx);
        if (callable) st_call_method(ctx, 3, reset ? "reset" : "close", 0);
      }
    }
    int pending = take_write_cb(ctx, 2); /* 4: the write in flight's callback */
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    duk_call(ctx, 1);
    duk_pop(ctx);
    if (pending) {
      net_push_helper(ctx, "destroyedError");
      duk_call(ctx, 0);
      duk_call(ctx, 1);
      duk_pop(ctx);
    }
    /* 'close' comes in the loop's close phase, after the 'error' tick: an
     * immediate of the runtime's own (a setImmediate made an Immediate object and
     * cost ~5 % of a churn connection). */
    duk_dup(ctx, 2);
    duk_push_boolean(ctx, exception);
    timers_queue_immediate(ctx, emit_close, 2);
  } else {
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    duk_call(ctx, 1);
    duk_pop(ctx);
    duk_dup(ctx, 2);
    duk_push_boolean(ctx, exception);
    st_next_tick(ctx, emit_close, 2, 2);
  }
  duk_get_prop_literal(ctx, 2, "_server");
  if (st_truthy(ctx, -1)) {
    st_add_num(ctx, -1, "_connections", -1);
    st_call_method(ctx, -1, "_emitCloseIfDrained", 0);
  }
  return 0;
}

/* After the peer's FIN without half-open, the stream ends our side too; a write
 * after that fails with EPIPE: the callback on the next tick, the socket destroyed
 * with it. The socket's 'end' listener (Node's onReadableStreamEnd) installs it. */
static duk_ret_t s_write_after_fin(duk_context *ctx)
{
  duk_push_this(ctx); /* 3 */
  if (!st_flag(ctx, 3, "writableEnded")) {
    duk_pop(ctx);
    return s_write(ctx);
  }
  if (st_is_function(ctx, 1)) {
    duk_dup(ctx, 1);
    duk_replace(ctx, 2);
  }
  net_push_helper(ctx, "epipeError");
  duk_call(ctx, 0); /* 4 */
  if (st_is_function(ctx, 2)) {
    duk_dup(ctx, 2);
    duk_dup(ctx, 4);
    st_next_tick_value(ctx, 1);
  }
  duk_dup(ctx, 4);
  st_call_method(ctx, 3, "destroy", 1);
  duk_push_false(ctx);
  return 1;
}

duk_ret_t net_socket_on_end(duk_context *ctx)
{
  duk_push_this(ctx);
  if (!st_flag(ctx, 0, "allowHalfOpen")) {
    duk_push_c_lightfunc(ctx, s_write_after_fin, 3, 3, 0);
    duk_put_prop_literal(ctx, 0, "write");
  }
  return 0;
}

/* Node's names for the socket's methods below (lightfunc_names.h): anonymous
 * functions in Node, but net.connect; the handle's callbacks by their keys. */
static const petrel_lf_name socket_names[] = {
  { "", s_write, 0 },  { "", s_write_one, 0 },  { "", s_read, 0 },   { "", s_resume, 0 },
  { "", s_activity, 0 }, { "", s_final, 0 },    { "", s_destroy, 0 }, { "onread", on_record, 0 },
  { "onwrite", on_record, 1 }, { "onerror", on_record, 2 }, { "onconnect", on_record, 3 },
  { "onread", on_record, 4 }, { "onwrite", on_record, 5 }, { "onerror", on_record, 6 },
  { "", s_connect_stub, 0 }, { "open", s_open, 0 }, { "hasHandle", s_has_handle, 0 }, { "handleObject", s_handle_object, 0 },
  { "connect", s_connect_stub, 1 }, { "onconnect", s_connect_stub, 2 }, { "idle", s_idle, 0 },
  { "onEnd", net_socket_on_end, 0 }, { "nop", nop, 0 }, { "emitCloseNT", emit_close, 0 }, { "onIdleTimeout", on_idle_timer, 0 },
  { "writeAfterFIN", s_write_after_fin, 0 },
  { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(socket, socket_names);

/* installSocket(SocketProto, TCPProto, helpers): the methods and the handle's
 * callbacks; returns {idle} for setTimeout, {connect} for net.connect, {onEnd}: the
 * socket's own 'end' listener. */
duk_ret_t net_socket_install(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_require_object(ctx, 1);
  duk_require_object(ctx, 2);
  duk_push_global_stash(ctx);
  duk_dup(ctx, 2);
  duk_put_prop_literal(ctx, -2, NET_KEY);
  duk_pop(ctx);
  if (!net_socket_new_install(ctx, 0)) return DUK_RET_ERROR;
  sk_define(ctx, 0);
  writable_fast_end_write = end_write; /* a stream without a record goes the general way */
  static const struct {
    const char *name;
    duk_c_function fn;
    int nargs;
    int on_handle;
  } methods[] = { { "write", s_write, 3, 0 },      { "_write", s_write_one, 3, 0 },   { "_read", s_read, 0, 0 },
                  { "resume", s_resume, 0, 0 },    { "_activity", s_activity, 0, 0 }, { "_final", s_final, 1, 0 },
                  { "_destroy", s_destroy, 2, 0 }, { "onread", on_record, 1, 1 },    { "onwrite", on_record, 1, 1 },
                  { "onerror", on_record, 1, 1 }, { "onconnection", net_socket_onconnection, 2, 1 } };
  for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
    int magic = methods[i].fn == on_record ? 4 + (methods[i].name[2] == 'r' ? 0 : methods[i].name[2] == 'w' ? 1 : 2) : 0;
    duk_push_c_lightfunc(ctx, methods[i].fn, methods[i].nargs, methods[i].nargs, magic);
    duk_put_prop_string(ctx, methods[i].on_handle ? 1 : 0, methods[i].name);
  }
  duk_push_c_lightfunc(ctx, s_connect_stub, DUK_VARARGS, 0, 0);
  duk_put_prop_literal(ctx, 0, "connect");
  duk_push_c_lightfunc(ctx, s_connect_stub, DUK_VARARGS, 0, 2);
  duk_put_prop_literal(ctx, 1, "onconnect");
  duk_push_object(ctx);
  duk_push_c_lightfunc(ctx, s_idle, 2, 2, 0);
  duk_put_prop_literal(ctx, -2, "idle");
  duk_push_c_lightfunc(ctx, s_connect_stub, DUK_VARARGS, 0, 1);
  duk_put_prop_literal(ctx, -2, "connect");
  duk_push_c_lightfunc(ctx, net_socket_on_end, 0, 0, 0);
  duk_put_prop_literal(ctx, -2, "onEnd");
  duk_push_c_lightfunc(ctx, net_socket_init, 2, 2, 0);
  duk_put_prop_literal(ctx, -2, "init");
  duk_push_c_lightfunc(ctx, s_open, 1, 1, 0);
  duk_put_prop_literal(ctx, -2, "open");
  duk_push_c_lightfunc(ctx, s_has_handle, 1, 1, 0);
  duk_put_prop_literal(ctx, -2, "hasHandle");
  duk_push_c_lightfunc(ctx, s_handle_object, 1, 1, 0);
  duk_put_prop_literal(ctx, -2, "handleObject");
  return 1;
}
