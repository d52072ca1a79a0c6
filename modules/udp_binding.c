/*
 * process.binding('udp'): datagram sockets for dgram.js, on platform.h's plat_udp_*.
 *
 * A C record per bound socket, made by bind (a socket that was never bound has none:
 * nothing in C, nothing pinned). While the record is open the dgram.Socket is pinned
 * and holds the record as its pin's data (runtime/pins.c: no property on the socket);
 * close lets both go. Every function takes the socket first.
 * A datagram becomes socket.emit('message', buf, rinfo); its Buffer and rinfo are
 * made under a safe call, and one that the heap cannot take is dropped and counted
 * (dropped(sock)), as a full socket buffer drops it: never an uncaught error, never
 * an abort. A receive error (ECONNREFUSED after a send to a closed port, on a
 * connected socket) is the socket's 'error' with syscall 'recvmsg', as node's.
 * Loop accounting follows libuv: a bound socket keeps the process alive while it
 * is ref'd.
 */
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "bindings.h"
#include "platform.h"

typedef struct udp_rec udp_rec;
struct udp_rec {
  plat_udp *u;
  duk_context *ctx;
  void *owner; /* the dgram.Socket (pinned) */
  unsigned long dropped;
  unsigned refed : 1, counted : 1;
  udp_rec *next, *prev; /* every open record, for udp_close_all (a soft reset) */
};

static udp_rec *all_recs;

static void update_ref(udp_rec *r)
{
  r->counted = loop_hold(r->counted, r->refed && r->u);
}

static udp_rec *rec_of(duk_context *ctx, duk_idx_t sock)
{
  if (!duk_is_object(ctx, sock)) return NULL;
  udp_rec *r = petrel_pin_data(duk_get_heapptr(ctx, sock), PETREL_PIN_UDP);
  return r && r->u ? r : NULL;
}

static void rec_close(udp_rec *r)
{
  if (!r->u) return;
  plat_udp_close(r->u);
  r->u = NULL;
  update_ref(r);
  if (r->prev)
    r->prev->next = r->next;
  else if (all_recs == r)
    all_recs = r->next;
  if (r->next) r->next->prev = r->prev;
  void *owner = r->owner;
  duk_context *ctx = r->ctx;
  free(r);
  petrel_unpin(ctx, owner); /* drops the pin's data (r) with it */
}

void udp_close_all(void)
{
  while (all_recs) rec_close(all_recs);
}

/* ---- events ------------------------------------------------------------ */

typedef struct {
  udp_rec *r;
  const plat_udp_event *ev;
} udp_delivery;

/* [] -> [emit sock 'message' buf rinfo]: built under a safe call (the heap may be full) */
static duk_ret_t build_message(duk_context *ctx, void *udata)
{
  udp_delivery *d = udata;
  const plat_udp_event *ev = d->ev;
  char text[64];
  duk_push_heapptr(ctx, d->r->owner);
  petrel_get_prop_static(ctx, -1, "emit");
  duk_swap_top(ctx, -2);
  duk_push_literal(ctx, "message");
  void *p = duk_push_fixed_buffer(ctx, ev->len);
  if (ev->len) memcpy(p, ev->data, ev->len);
  petrel_push_buffer_object(ctx, -1, ev->len);
  duk_remove(ctx, -2);
  duk_push_object(ctx);
  plat_addr_format(&ev->from, text, sizeof text);
  duk_push_string(ctx, text);
  duk_put_prop_literal(ctx, -2, "address");
  duk_push_string(ctx, ev->from.family == 6 ? "IPv6" : "IPv4");
  duk_put_prop_literal(ctx, -2, "family");
  duk_push_uint(ctx, ev->from.port);
  duk_put_prop_literal(ctx, -2, "port");
  duk_push_uint(ctx, (duk_uint_t)ev->len);
  duk_put_prop_literal(ctx, -2, "size");
  return 5;
}

/* [] -> [emit sock 'error' err] */
static duk_ret_t build_error(duk_context *ctx, void *udata)
{
  udp_delivery *d = udata;
  duk_push_heapptr(ctx, d->r->owner);
  petrel_get_prop_static(ctx, -1, "emit");
  duk_swap_top(ctx, -2);
  duk_push_literal(ctx, "error");
  petrel_push_system_error(ctx, d->ev->err, "recvmsg");
  return 4;
}

static void on_event(plat_udp *u, const plat_udp_event *ev, void *user)
{
  udp_rec *r = user;
  duk_context *ctx = r->ctx;
  udp_delivery d = { r, ev };
  (void)u;
  int msg = ev->type == PLAT_UDP_MESSAGE;
  int n = msg ? 5 : 4;
  if (duk_safe_call(ctx, msg ? build_message : build_error, &d, 0, n) != DUK_EXEC_SUCCESS) {
    duk_pop_n(ctx, n); /* the error and the padding */
    if (msg) r->dropped++;
    return;
  }
  petrel_make_callback(ctx, n - 2); /* [emit sock args] -> [] */
}

/* ---- the binding's functions ------------------------------------------- */

static int parse_addr(duk_context *ctx, duk_idx_t text, duk_idx_t port, plat_addr *a)
{
  memset(a, 0, sizeof *a);
  if (!duk_is_string(ctx, text) || plat_addr_parse(duk_get_string(ctx, text), a) != 0) return PLAT_EINVAL;
  if (port >= 0) a->port = (uint16_t)duk_to_uint32(ctx, port);
  return 0;
}

/* bind(sock, family, address, port, flags) -> 0 or a PLAT_E* code */
static duk_ret_t u_bind(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  int family = duk_to_int(ctx, 1) == 6 ? 6 : 4;
  plat_addr a;
  if (rec_of(ctx, 0)) {
    duk_push_int(ctx, PLAT_EINVAL);
    return 1;
  }
  int err = parse_addr(ctx, 2, 3, &a);
  if (!err && a.family != family) err = PLAT_EINVAL;
  if (err) {
    duk_push_int(ctx, err);
    return 1;
  }
  /* The pin first (out of memory throws there, with nothing made yet). */
  void *owner = petrel_pin(ctx, 0);
  udp_rec *r = calloc(1, sizeof *r);
  if (r) r->u = plat_udp_new(family, on_event, r);
  if (!r || !r->u) {
    free(r);
    petrel_unpin(ctx, owner);
    return petrel_throw_oom(ctx);
  }
  r->owner = owner;
  r->ctx = ctx;
  r->refed = 1;
  err = plat_udp_bind(r->u, &a, (unsigned)duk_to_uint32(ctx, 4));
  if (err) {
    plat_udp_close(r->u);
    free(r);
    petrel_unpin(ctx, owner);
    duk_push_int(ctx, err);
    return 1;
  }
  petrel_pin_set_data(owner, r, PETREL_PIN_UDP);
  r->next = all_recs;
  if (all_recs) all_recs->prev = r;
  all_recs = r;
  update_ref(r);
  plat_udp_recv_start(r->u);
  duk_push_int(ctx, 0);
  return 1;
}

/* send(sock, buf, address | undefined, port) -> 0 or a PLAT_E* code */
static duk_ret_t u_send(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  duk_size_t len = 0;
  void *data = duk_get_buffer_data(ctx, 1, &len);
  if (!r) {
    duk_push_int(ctx, PLAT_EBADF);
    return 1;
  }
  plat_addr a;
  int err = 0;
  if (!duk_is_undefined(ctx, 2)) err = parse_addr(ctx, 2, 3, &a);
  if (!err) err = plat_udp_send(r->u, data ? data : "", data ? len : 0, duk_is_undefined(ctx, 2) ? NULL : &a);
  duk_push_int(ctx, err);
  return 1;
}

/* connect(sock, address, port) / connect(sock) to disconnect -> 0 or a code */
static duk_ret_t u_connect(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  int err = PLAT_EBADF;
  if (r) {
    plat_addr a;
    if (duk_is_undefined(ctx, 1))
      err = plat_udp_connect(r->u, NULL);
    else if (!(err = parse_addr(ctx, 1, 2, &a)))
      err = plat_udp_connect(r->u, &a);
  }
  duk_push_int(ctx, err);
  return 1;
}

/* address(sock, out, peer) -> 0 or a code; out gets address, family, port */
static duk_ret_t u_address(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  plat_addr a;
  int err = !r ? PLAT_EBADF : duk_to_boolean(ctx, 2) ? plat_udp_remote_addr(r->u, &a) : plat_udp_local_addr(r->u, &a);
  if (!err) {
    char text[64];
    plat_addr_format(&a, text, sizeof text);
    duk_push_string(ctx, text);
    duk_put_prop_literal(ctx, 1, "address");
    duk_push_string(ctx, a.family == 6 ? "IPv6" : "IPv4");
    duk_put_prop_literal(ctx, 1, "family");
    duk_push_uint(ctx, a.port);
    duk_put_prop_literal(ctx, 1, "port");
  }
  duk_push_int(ctx, err);
  return 1;
}

/* setOption(sock, which, value): 0 broadcast, 1 ttl, 2 multicast ttl, 3 multicast loop */
static duk_ret_t u_set_option(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  int v = duk_to_int(ctx, 2), err = PLAT_EBADF;
  if (r) {
    switch (duk_to_int(ctx, 1)) {
      case 0: err = plat_udp_set_broadcast(r->u, v); break;
      case 1: err = plat_udp_set_ttl(r->u, v); break;
      case 2: err = plat_udp_set_multicast_ttl(r->u, v); break;
      default: err = plat_udp_set_multicast_loop(r->u, v); break;
    }
  }
  duk_push_int(ctx, err);
  return 1;
}

/* membership(sock, group, iface | undefined, join) -> 0 or a code */
static duk_ret_t u_membership(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  plat_addr g, i;
  int err = PLAT_EBADF;
  if (r && !(err = parse_addr(ctx, 1, -1, &g))) {
    int has_iface = !duk_is_undefined(ctx, 2);
    if (!has_iface || !(err = parse_addr(ctx, 2, -1, &i)))
      err = plat_udp_membership(r->u, &g, has_iface ? &i : NULL, duk_to_boolean(ctx, 3));
  }
  duk_push_int(ctx, err);
  return 1;
}

/* multicastInterface(sock, address) -> 0 or a code */
static duk_ret_t u_multicast_iface(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  plat_addr a;
  int err = PLAT_EBADF;
  if (r && !(err = parse_addr(ctx, 1, -1, &a))) err = plat_udp_set_multicast_iface(r->u, &a);
  duk_push_int(ctx, err);
  return 1;
}

/* bufferSize(sock, which, size) -> the size (>= 0) or a negative code */
static duk_ret_t u_buffer_size(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  int out = 0;
  int err = r ? plat_udp_buffer_size(r->u, duk_to_int(ctx, 1), duk_to_int(ctx, 2), &out) : PLAT_EBADF;
  duk_push_int(ctx, err ? err : out);
  return 1;
}

/* ref(sock, on) */
static duk_ret_t u_ref(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  if (r) {
    r->refed = duk_to_boolean(ctx, 1);
    update_ref(r);
  }
  return 0;
}

/* close(sock): no event after this */
static duk_ret_t u_close(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  if (r) rec_close(r);
  return 0;
}

/* dropped(sock): datagrams the heap could not take, and those the backend dropped;
 * -1 when the system does not count its own (plat_udp_dropped) */
static duk_ret_t u_dropped(duk_context *ctx)
{
  udp_rec *r = rec_of(ctx, 0);
  long sys = r ? plat_udp_dropped(r->u) : 0;
  duk_push_number(ctx, !r ? 0 : sys < 0 ? -1 : (double)r->dropped + (double)sys);
  return 1;
}

/* errText(code): "EBADF (bad file descriptor)", libuv's form in ERR_SOCKET_BUFFER_SIZE */
static duk_ret_t u_err_text(duk_context *ctx)
{
  int err = duk_to_int(ctx, 0);
  duk_push_sprintf(ctx, "%s (%s)", plat_strerror_code(err), plat_strerror_text(err));
  return 1;
}

static const duk_function_list_entry udp_funcs[] = { { "bind", u_bind, 5 },
                                                     { "send", u_send, 4 },
                                                     { "connect", u_connect, 3 },
                                                     { "address", u_address, 3 },
                                                     { "setOption", u_set_option, 3 },
                                                     { "membership", u_membership, 4 },
                                                     { "multicastInterface", u_multicast_iface, 2 },
                                                     { "bufferSize", u_buffer_size, 3 },
                                                     { "ref", u_ref, 2 },
                                                     { "close", u_close, 1 },
                                                     { "dropped", u_dropped, 1 },
                                                     { "errText", u_err_text, 1 },
                                                     { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_LIST(udp, udp_funcs);

duk_ret_t petrel_binding_udp(duk_context *ctx)
{
  duk_push_object(ctx);
  petrel_put_functions(ctx, -1, udp_funcs);
  return 1;
}
