/*
 * process.binding('tcp'): TCP handles for net.js, on platform.h.
 *
 * A C record per connection or listener. Its owner, pinned in the stash while
 * the record is open, is either a JS handle object (new TCP(): a server's
 * listener), whose methods are called for events: onconnection(err, handle),
 * onconnect(err), onread(buf | null at EOF), onerror(err), onwrite(err); or,
 * for a connection, the net.Socket itself ("direct": no handle object per
 * socket, #17), whose events go straight to net_socket.c's C functions. The
 * owner holds the record's pointer under a hidden key; TCP.prototype's methods
 * read that key on `this`, so they work on a handle object, on a socket and on
 * the handle object a socket's `_handle` makes when read (its "view").
 * The one write that cannot go out at once is kept here (net.js's Writable
 * issues one write at a time), so memory per socket stays bounded.
 * Loop accounting follows libuv: a handle keeps the process alive while it is
 * ref'd and active (listening, connecting, reading, writing).
 */
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "bindings.h"
#include "platform.h"
#include "tcp_binding.h"
#include "net_socket.h"

#define HANDLE_KEY TCP_REC_KEY
#define PEND_KEY   DUK_HIDDEN_SYMBOL("tcpPend")
#define VALUE_KEY  DUK_HIDDEN_SYMBOL("handleValue") /* a socket's _handle set to a non-handle */

struct tcp_rec {
  plat_tcp *t;
  duk_context *ctx;
  void *owner;   /* the JS handle object, or (direct) the net.Socket */
  void *view;    /* direct: the socket's _handle object once read (pinned), or NULL */
  uint8_t *pend; /* unsent tail of the current write */
  size_t pend_len, pend_off;
  unsigned pend_in_js : 1; /* pend points into the JS buffer kept at PEND_KEY on the
                            * owner (else pend is malloc'd) */
  unsigned direct : 1;     /* the owner is a net.Socket (events to net_socket.c) */
  unsigned refed : 1, counted : 1, listening : 1, connecting : 1, reading : 1, shutdown_after_write : 1;
  unsigned eof : 1; /* the peer's FIN was delivered: reading is over */
  void *sock_cache; /* net_socket.c's pointer for its direct owner (tcp_rec_sock_cache) */
  tcp_rec *next, *prev; /* every live record, for tcp_close_all (a soft reset) */
};

static tcp_rec *all_recs;

static tcp_rec *rec_alloc(void)
{
  tcp_rec *r = calloc(1, sizeof *r);
  if (r) {
    r->next = all_recs;
    if (all_recs) all_recs->prev = r;
    all_recs = r;
  }
  return r;
}

static void rec_release(tcp_rec *r)
{
  if (!r) return;
  if (r->prev)
    r->prev->next = r->next;
  else if (all_recs == r)
    all_recs = r->next;
  if (r->next) r->next->prev = r->prev;
  free(r);
}

static void *tcp_proto; /* TCP.prototype, for handles created on accept */
/* An accepted connection handed to net's onconnection as a pointer, until a
 * Socket takes it (tcp_child_take). */
static tcp_rec *pending_child;

static int is_active(tcp_rec *r) { return r->t && (r->listening || r->connecting || r->reading || r->pend); }

static void update_ref(tcp_rec *r)
{
  r->counted = loop_hold(r->counted, r->refed && is_active(r));
}

/* A net.Socket that owns its record keeps it with its pin (runtime/pins.c: no
 * property on the socket, 16 B less per connection on a 32-bit board); a handle
 * object (TCP.prototype) holds it under HANDLE_KEY. */
static tcp_rec *sock_rec(duk_context *ctx, duk_idx_t sock)
{
  return petrel_pin_data(duk_get_heapptr(ctx, sock), PETREL_PIN_TCP);
}

tcp_rec *tcp_rec_at(duk_context *ctx, duk_idx_t handle)
{
  if (!duk_is_object(ctx, handle)) return NULL;
  tcp_rec *r = sock_rec(ctx, handle);
  if (!r) {
    duk_get_prop_literal(ctx, handle, HANDLE_KEY);
    r = duk_get_pointer(ctx, -1);
    duk_pop(ctx);
  }
  return r && r->t ? r : NULL;
}

static tcp_rec *get_rec(duk_context *ctx)
{
  duk_push_this(ctx);
  tcp_rec *r = tcp_rec_at(ctx, -1);
  duk_pop(ctx);
  return r;
}

void *tcp_rec_sock_cache(const tcp_rec *r, void *sock) { return r->direct && r->owner == sock ? r->sock_cache : NULL; }
void tcp_rec_set_sock_cache(tcp_rec *r, void *sock, void *p)
{
  if (r->direct && r->owner == sock) r->sock_cache = p;
}

int tcp_rec_reading(const tcp_rec *r) { return r->reading; }
int tcp_rec_eof(const tcp_rec *r) { return r->eof; }

/* [..] -> [.. fn owner] ready for args and petrel_make_callback: the handle
 * object's method name, or for a socket that owns its record, net_socket.c's fn. */
static int push_method(tcp_rec *r, const char *name)
{
  duk_context *ctx = r->ctx;
  if (r->direct) {
    net_socket_push_event(ctx, name);
    duk_push_heapptr(ctx, r->owner);
    return 1;
  }
  duk_push_heapptr(ctx, r->owner);
  petrel_get_prop_static(ctx, -1, name);
  if (!duk_is_function(ctx, -1)) {
    duk_pop_2(ctx);
    return 0;
  }
  duk_swap_top(ctx, -2);
  return 1;
}

/* [... owner value] -> [...]: owner[PEND_KEY] = value. The key stays once made (set to
 * undefined when the write completes): an assignment to an own property is found at
 * once, where adding the key searched Socket's six-deep prototype chain for a setter,
 * and a deleted key's slot is not reused until the table is reallocated (an add after
 * each delete grew it every other write). */
static void put_pend(duk_context *ctx)
{
  duk_put_prop_literal(ctx, -2, PEND_KEY);
  duk_pop(ctx);
}

/* Lets go of the unsent tail: drops the handle's reference to the JS buffer it
 * points into, or frees the copy. */
static void drop_pend(tcp_rec *r)
{
  if (r->pend_in_js) {
    if (r->owner) {
      /* undefined rather than deleted (put_pend) */
      duk_push_heapptr(r->ctx, r->owner);
      if (duk_get_prop_literal(r->ctx, -1, PEND_KEY)) {
        duk_pop(r->ctx);
        duk_push_undefined(r->ctx);
        put_pend(r->ctx);
      } else {
        duk_pop_2(r->ctx);
      }
    }
  } else {
    free(r->pend);
  }
  r->pend_in_js = 0;
  r->pend = NULL;
  r->pend_len = r->pend_off = 0;
}

/* Clears the record's pointer on obj if obj holds this one (an existing property:
 * the write allocates nothing). */
static void forget_rec(tcp_rec *r, void *obj)
{
  duk_context *ctx = r->ctx;
  duk_push_heapptr(ctx, obj);
  if (duk_get_prop_literal(ctx, -1, HANDLE_KEY) && duk_get_pointer(ctx, -1) == r) {
    duk_push_pointer(ctx, NULL);
    duk_put_prop_literal(ctx, -3, HANDLE_KEY);
  }
  duk_pop_2(ctx);
}

static void free_rec(tcp_rec *r)
{
  if (pending_child == r) pending_child = NULL;
  drop_pend(r);
  r->t = NULL;
  update_ref(r);
  if (r->owner) {
    forget_rec(r, r->owner);
    petrel_unpin(r->ctx, r->owner);
  }
  if (r->view) {
    forget_rec(r, r->view);
    petrel_unpin(r->ctx, r->view);
  }
  rec_release(r);
}

/* Calls the handle's method(status): 0 for a success (onconnect, onwrite) or an error. */
static void emit_status(tcp_rec *r, const char *method, int err)
{
  if (!push_method(r, method)) return;
  duk_push_int(r->ctx, err);
  petrel_make_callback(r->ctx, 1);
}

static void finish_write(tcp_rec *r, int err)
{
  drop_pend(r);
  update_ref(r);
  if (!err && r->shutdown_after_write) {
    r->shutdown_after_write = 0;
    plat_tcp_shutdown(r->t);
  }
  emit_status(r, "onwrite", err);
}

static void flush_pending(tcp_rec *r)
{
  long n = plat_tcp_write(r->t, r->pend + r->pend_off, r->pend_len - r->pend_off);
  if (n < 0) {
    finish_write(r, (int)n);
    return;
  }
  r->pend_off += (size_t)n;
  if (r->pend_off == r->pend_len) finish_write(r, 0);
}

static void push_handle_object(duk_context *ctx, tcp_rec *r);
static void on_event(plat_tcp *t, const plat_tcp_event *ev, void *user);

/* One platform event, delivered to JS under petrel_protected (see on_event). */
typedef struct {
  tcp_rec *r;
  const plat_tcp_event *ev;
  tcp_rec *child; /* an accepted connection JS has not been given yet */
} tcp_delivery;

static duk_ret_t deliver(duk_context *ctx, void *udata)
{
  tcp_delivery *d = udata;
  tcp_rec *r = d->r;
  const plat_tcp_event *ev = d->ev;
  switch (ev->type) {
    case PLAT_TCP_CONNECTED:
      r->connecting = 0;
      update_ref(r);
      emit_status(r, "onconnect", 0);
      break;
    case PLAT_TCP_ACCEPTED: {
      tcp_rec *c = rec_alloc();
      if (!c) {
        plat_tcp_abort(ev->child);
        break;
      }
      c->t = ev->child;
      c->ctx = ctx;
      c->refed = 1;
      plat_tcp_set_callback(c->t, on_event, c);
      if (!push_method(r, "onconnection")) {
        plat_tcp_close(c->t);
        rec_release(c);
        break;
      }
      d->child = c;
      duk_push_int(ctx, 0);
      duk_push_c_lightfunc(ctx, net_socket_onconnection, 2, 2, 0); /* as net_socket.c installs it */
      int ours = duk_strict_equals(ctx, -1, -4);
      duk_pop(ctx);
      if (ours) {
        /* net's own onconnection: the record goes to it as a pointer, and the
         * Socket it makes owns it (no handle object). What it does not take
         * (an exception before that) is reset here. */
        duk_push_pointer(ctx, c);
        pending_child = c;
        d->child = NULL;
        petrel_make_callback(ctx, 2);
        if (pending_child == c) {
          pending_child = NULL;
          plat_tcp_abort(c->t);
          rec_release(c);
        }
        break;
      }
      push_handle_object(ctx, c);
      d->child = NULL;
      petrel_make_callback(ctx, 2);
      break;
    }
    case PLAT_TCP_DATA: {
      if (r->direct && net_socket_read_direct(ctx, r, r->owner, ev->data, ev->len)) break;
      if (!push_method(r, "onread")) break;
      void *p = duk_push_fixed_buffer(ctx, ev->len);
      memcpy(p, ev->data, ev->len);
      petrel_push_buffer_object(ctx, -1, ev->len);
      duk_remove(ctx, -2);
      petrel_make_callback(ctx, 1);
      break;
    }
    case PLAT_TCP_EOF:
      r->reading = 0;
      r->eof = 1;
      update_ref(r);
      if (!push_method(r, "onread")) break;
      duk_push_null(ctx);
      petrel_make_callback(ctx, 1);
      break;
    case PLAT_TCP_WRITABLE:
      if (r->pend) flush_pending(r);
      break;
    case PLAT_TCP_ERROR:
      if (r->listening) {
        /* An accept failed (EMFILE, ENOMEM): the listener lives on in both
       * backends; net.js emits it as the server's 'error' (syscall accept). */
        if (!push_method(r, "onconnection")) break;
        duk_push_int(ctx, ev->err);
        petrel_make_callback(ctx, 1);
        break;
      }
      r->connecting = r->reading = 0;
      if (r->pend) drop_pend(r);
      update_ref(r);
      emit_status(r, "onerror", ev->err);
      break;
  }
  return 0;
}

/* The platform's callback. When the heap is too full to build an event's
 * arguments, the error is reported as uncaught (which ends the process unless
 * JS handles 'uncaughtException'); then nothing may be left half done: a
 * connection JS never saw is reset, and data that could not be delivered ends
 * its connection with ENOMEM instead of leaving a gap in the stream. */
static void on_event(plat_tcp *t, const plat_tcp_event *ev, void *user)
{
  tcp_delivery d = { user, ev, NULL };
  (void)t;
  if (ev->type == PLAT_TCP_WRITABLE && !d.r->pend) return; /* nothing waits to be sent */
  if (!petrel_protected(d.r->ctx, deliver, &d)) return;
  if (d.child) {
    if (d.child->owner) petrel_unpin(d.r->ctx, d.child->owner);
    plat_tcp_abort(d.child->t);
    rec_release(d.child);
  } else if (ev->type == PLAT_TCP_DATA && d.r->t) {
    plat_tcp_event e = { .type = PLAT_TCP_ERROR, .err = PLAT_ENOMEM };
    tcp_delivery failed = { d.r, &e, NULL };
    (void)petrel_protected(d.r->ctx, deliver, &failed);
  }
}

static void push_handle_object(duk_context *ctx, tcp_rec *r)
{
  duk_push_object(ctx);
  duk_push_heapptr(ctx, tcp_proto);
  duk_set_prototype(ctx, -2);
  duk_push_pointer(ctx, r);
  duk_put_prop_literal(ctx, -2, HANDLE_KEY);
  r->owner = petrel_pin(ctx, -1);
  if (pending_child == r) pending_child = NULL;
}

/* ---- sockets that own their record (#17: no handle object per socket) ---- */
tcp_rec *tcp_child_at(duk_context *ctx, duk_idx_t idx)
{
  if (!pending_child || !duk_is_pointer(ctx, idx) || duk_get_pointer(ctx, idx) != pending_child) return NULL;
  return pending_child;
}

static void push_view(duk_context *ctx, tcp_rec *r);

void tcp_rec_push_handle(duk_context *ctx, tcp_rec *r)
{
  if (r->direct)
    push_view(ctx, r);
  else if (r->owner)
    duk_push_heapptr(ctx, r->owner);
  else
    push_handle_object(ctx, r);
}

/* Moves the unsent tail's JS buffer from the record's owner to obj. */
static void move_pend(tcp_rec *r, void *obj)
{
  duk_context *ctx = r->ctx;
  if (!r->pend_in_js) return;
  duk_push_heapptr(ctx, obj);
  duk_push_heapptr(ctx, r->owner);
  duk_get_prop_literal(ctx, -1, PEND_KEY);
  duk_put_prop_literal(ctx, -3, PEND_KEY);
  duk_del_prop_literal(ctx, -1, PEND_KEY);
  duk_pop_2(ctx);
}

/* A direct record whose socket lets go of it (`_handle` set to something else)
 * goes on as a handle object's, its view or a new one (owner: the socket), as a
 * replaced handle in Node still calls into its owner. */
static void detach_rec(duk_context *ctx, tcp_rec *r)
{
  void *sock = r->owner;
  if (!r->view) {
    duk_push_object(ctx);
    duk_push_heapptr(ctx, tcp_proto);
    duk_set_prototype(ctx, -2);
    duk_push_pointer(ctx, r);
    duk_put_prop_literal(ctx, -2, HANDLE_KEY);
    duk_push_heapptr(ctx, sock);
    duk_put_prop_literal(ctx, -2, "owner");
    r->view = petrel_pin(ctx, -1);
    duk_pop(ctx);
  }
  move_pend(r, r->view);
  forget_rec(r, sock);
  r->owner = r->view;
  r->view = NULL;
  r->direct = 0;
  r->sock_cache = NULL;
  petrel_unpin(ctx, sock);
}

/* The socket at sock owns r from now on; a handle object that owned it becomes
 * the socket's _handle (its view). The allocations come first, so that a full
 * heap leaves r as it was. */
static void adopt(duk_context *ctx, tcp_rec *r, duk_idx_t sock)
{
  sock = duk_normalize_index(ctx, sock);
  tcp_rec *old = sock_rec(ctx, sock);
  if (old == r && r->direct) return;
  if (old && old->t) detach_rec(ctx, old);
  void *s = petrel_pin(ctx, sock); /* may throw (out of memory) before anything changes */
  if (r->owner && !r->direct) { /* a handle object: now the socket's view */
    duk_push_heapptr(ctx, r->owner);
    duk_dup(ctx, sock);
    duk_put_prop_literal(ctx, -2, "owner");
    duk_pop(ctx);
    move_pend(r, s);
    r->view = r->owner; /* its pin stays */
  } else if (r->owner && r->owner != s) { /* another socket's */
    move_pend(r, s);
    forget_rec(r, r->owner);
    petrel_unpin(ctx, r->owner);
    if (r->view) {
      duk_push_heapptr(ctx, r->view);
      duk_dup(ctx, sock);
      duk_put_prop_literal(ctx, -2, "owner");
      duk_pop(ctx);
    }
  }
  if (r->owner != s) r->sock_cache = NULL;
  r->owner = s;
  r->direct = 1;
  if (pending_child == r) pending_child = NULL;
  petrel_pin_set_data(s, r, PETREL_PIN_TCP);
}

void tcp_rec_adopt(duk_context *ctx, tcp_rec *r, duk_idx_t sock) { adopt(ctx, r, sock); }

int tcp_rec_push_view(duk_context *ctx, tcp_rec *r)
{
  void *h = r->direct ? r->view : r->owner;
  if (!h) return 0;
  duk_push_heapptr(ctx, h);
  return 1;
}

/* open(socket): a new record for a client socket's connection, owned by the socket. */
void tcp_rec_open(duk_context *ctx, duk_idx_t sock)
{
  sock = duk_normalize_index(ctx, sock);
  tcp_rec *old = sock_rec(ctx, sock);
  if (old) detach_rec(ctx, old); /* the socket's live record (not from net.js) */
  petrel_pin(ctx, sock); /* before the record: a full heap leaves nothing behind */
  tcp_rec *r = rec_alloc();
  if (r) r->t = plat_tcp_new(on_event, r);
  if (!r || !r->t) {
    rec_release(r);
    petrel_unpin(ctx, duk_get_heapptr(ctx, sock));
    (void)duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
    return;
  }
  r->ctx = ctx;
  r->refed = 1;
  adopt(ctx, r, sock);
}

/* Socket.prototype._handle's getter: the socket's record as a handle object (made
 * on the first read, then kept while the record is open), or what was last
 * assigned when the socket holds no record. */
/* Pushes a direct record's handle object, made (and pinned) on first use. */
static void push_view(duk_context *ctx, tcp_rec *r)
{
  if (!r->view) {
    duk_push_object(ctx);
    duk_push_heapptr(ctx, tcp_proto);
    duk_set_prototype(ctx, -2);
    duk_push_pointer(ctx, r);
    duk_put_prop_literal(ctx, -2, HANDLE_KEY);
    duk_push_heapptr(ctx, r->owner);
    duk_put_prop_literal(ctx, -2, "owner");
    r->view = petrel_pin(ctx, -1);
    duk_pop(ctx);
  }
  duk_push_heapptr(ctx, r->view);
}

static duk_ret_t socket_handle_get(duk_context *ctx)
{
  duk_push_this(ctx); /* 0 */
  tcp_rec *r = tcp_rec_at(ctx, 0);
  if (r && r->direct && r->owner == duk_get_heapptr(ctx, 0)) {
    push_view(ctx, r);
    return 1;
  }
  if (!duk_is_object(ctx, 0)) return 0;
  if (!duk_get_prop_literal(ctx, 0, VALUE_KEY)) duk_push_null(ctx);
  return 1;
}

/* _handle = value: a handle object's record (open) becomes the socket's; anything
 * else is kept as the value _handle reads, and the socket lets go of its record. */
static duk_ret_t socket_handle_set(duk_context *ctx)
{
  duk_push_this(ctx); /* 1 */
  if (!duk_is_object(ctx, 1)) return 0;
  tcp_rec *r = duk_is_object(ctx, 0) ? tcp_rec_at(ctx, 0) : NULL;
  void *v = duk_get_heapptr(ctx, 0);
  if (r && (r->direct ? r->view == v : r->owner == v)) { /* a handle object, not a socket */
    adopt(ctx, r, 1);
    if (duk_has_prop_literal(ctx, 1, VALUE_KEY)) duk_del_prop_literal(ctx, 1, VALUE_KEY);
    return 0;
  }
  tcp_rec *old = sock_rec(ctx, 1);
  if (old && old->t && old->direct && old->owner == duk_get_heapptr(ctx, 1)) detach_rec(ctx, old);
  if (duk_is_null_or_undefined(ctx, 0) && !duk_has_prop_literal(ctx, 1, VALUE_KEY)) return 0;
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, 1, VALUE_KEY);
  return 0;
}

int tcp_socket_handle(duk_context *ctx, duk_idx_t sock, tcp_rec **r)
{
  *r = tcp_rec_at(ctx, sock);
  if (*r) {
    if (!tcp_rec_push_view(ctx, *r)) return 1;
    return 2;
  }
  if (!duk_is_object(ctx, sock)) return 0;
  duk_get_prop_literal(ctx, sock, VALUE_KEY);
  if (duk_is_object(ctx, -1)) return 2;
  int truthy = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  return truthy ? 3 : 0;
}

void tcp_define_socket_handle(duk_context *ctx, duk_idx_t proto)
{
  proto = duk_normalize_index(ctx, proto);
  duk_push_pointer(ctx, NULL); /* a socket without a record stops its lookup here */
  duk_put_prop_literal(ctx, proto, HANDLE_KEY);
  duk_push_literal(ctx, "_handle");
  duk_push_c_function(ctx, socket_handle_get, 0);
  duk_push_c_function(ctx, socket_handle_set, 1);
  duk_def_prop(ctx, proto,
               DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_CONFIGURABLE |
                   DUK_DEFPROP_CLEAR_ENUMERABLE);
}

/* new TCP() */
static duk_ret_t tcp_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx)) return DUK_RET_TYPE_ERROR;
  tcp_rec *r = rec_alloc();
  if (!r) return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  r->t = plat_tcp_new(on_event, r);
  if (!r->t) {
    rec_release(r);
    return duk_error(ctx, DUK_ERR_RANGE_ERROR, "out of memory");
  }
  r->ctx = ctx;
  r->refed = 1;
  duk_push_this(ctx);
  duk_push_pointer(ctx, r);
  duk_put_prop_literal(ctx, -2, HANDLE_KEY);
  r->owner = petrel_pin(ctx, -1);
  return 0;
}

static int parse_addr(duk_context *ctx, duk_idx_t host_idx, duk_idx_t port_idx, plat_addr *a)
{
  const char *host = duk_require_string(ctx, host_idx);
  int port = duk_require_int(ctx, port_idx);
  if (plat_addr_parse(host, a) != 0) return PLAT_EINVAL;
  if (port < 0 || port > 65535) return PLAT_EINVAL;
  a->port = (uint16_t)port;
  return 0;
}

#define REC_OR_EBADF(r)                                                                                                \
  tcp_rec *r = get_rec(ctx);                                                                                           \
  if (!r) {                                                                                                            \
    duk_push_int(ctx, PLAT_EBADF);                                                                                     \
    return 1;                                                                                                          \
  }

/* listen(host, port, backlog, v6only) -> 0 | error */
static duk_ret_t tcp_listen(duk_context *ctx)
{
  REC_OR_EBADF(r);
  plat_addr a;
  int err = parse_addr(ctx, 0, 1, &a);
  if (!err)
    err = plat_tcp_listen(r->t, &a, duk_get_int_default(ctx, 2, 511), duk_to_boolean(ctx, 3) ? PLAT_LISTEN_V6ONLY : 0);
  if (!err) {
    r->listening = 1;
    update_ref(r);
  }
  duk_push_int(ctx, err);
  return 1;
}

/* connect(host, port[, localHost, localPort]) -> 0 | error; completion via onconnect(err) / onerror */
static duk_ret_t tcp_connect(duk_context *ctx)
{
  REC_OR_EBADF(r);
  plat_addr a, local;
  int has_local = duk_is_string(ctx, 2);
  int err = parse_addr(ctx, 0, 1, &a);
  if (!err && has_local) {
    if (plat_addr_parse(duk_get_string(ctx, 2), &local) != 0) err = PLAT_EINVAL;
    local.port = (uint16_t)duk_get_int_default(ctx, 3, 0);
  }
  if (!err) err = plat_tcp_connect(r->t, &a, has_local ? &local : NULL);
  if (!err) {
    r->connecting = 1;
    update_ref(r);
  }
  duk_push_int(ctx, err);
  return 1;
}

/* listenPath(path, backlog) -> 0 | error: a UNIX-domain listener (path or '\0'-abstract name) */
static duk_ret_t tcp_listen_path(duk_context *ctx)
{
  REC_OR_EBADF(r);
  duk_size_t len;
  const char *path = duk_require_lstring(ctx, 0, &len);
  int err = plat_tcp_listen_path(r->t, path, len, duk_get_int_default(ctx, 1, 511));
  if (!err) {
    r->listening = 1;
    update_ref(r);
  }
  duk_push_int(ctx, err);
  return 1;
}

/* connectPath(path) -> 0 | error; completion via onconnect / onerror, as connect */
static duk_ret_t tcp_connect_path(duk_context *ctx)
{
  REC_OR_EBADF(r);
  duk_size_t len;
  const char *path = duk_require_lstring(ctx, 0, &len);
  int err = plat_tcp_connect_path(r->t, path, len);
  if (!err) {
    r->connecting = 1;
    update_ref(r);
  }
  duk_push_int(ctx, err);
  return 1;
}

/* chmodPath(flags) -> 0 | error: 1 readable, 2 writable by all (Node's readableAll/writableAll) */
static duk_ret_t tcp_chmod_path(duk_context *ctx)
{
  REC_OR_EBADF(r);
  unsigned flags = (unsigned)duk_require_uint(ctx, 0);
  duk_push_int(ctx, plat_tcp_path_chmod(r->t, (flags & 1 ? PLAT_PATH_READABLE_ALL : 0) |
                                                  (flags & 2 ? PLAT_PATH_WRITABLE_ALL : 0)));
  return 1;
}

int tcp_rec_write(duk_context *ctx, tcp_rec *r, duk_idx_t buf)
{
  duk_size_t len;
  buf = duk_normalize_index(ctx, buf);
  const uint8_t *data = duk_require_buffer_data(ctx, buf, &len);
  if (r->pend) { /* not expected from net.js, but never lose bytes */
    size_t left = r->pend_len - r->pend_off;
    uint8_t *n = malloc(left + len);
    if (!n) return PLAT_ENOMEM;
    memcpy(n, r->pend + r->pend_off, left);
    memcpy(n + left, data, len);
    drop_pend(r);
    r->pend = n;
    r->pend_len = left + len;
    return 1;
  }
  long n = len ? plat_tcp_write(r->t, data, len) : 0;
  if (n < 0) return (int)n;
  if ((size_t)n == len) return 0;
  r->pend_len = len - (size_t)n;
  r->pend_off = 0;
  if (duk_is_dynamic_buffer(ctx, buf)) { /* a plain dynamic buffer may move: copy it */
    r->pend = malloc(r->pend_len);
    if (!r->pend) {
      r->pend_len = 0;
      return PLAT_ENOMEM;
    }
    memcpy(r->pend, data + n, r->pend_len);
  } else { /* no copy (64 KiB less RAM per big write on a board): the owner keeps
            * the buffer alive until the write completes, as libuv does in Node */
    duk_push_heapptr(ctx, r->owner);
    duk_dup(ctx, buf);
    put_pend(ctx);
    r->pend_in_js = 1;
    r->pend = (uint8_t *)data + n;
  }
  update_ref(r);
  return 1;
}

/* write(uint8array) -> 0 written, 1 pending (onwrite(err) follows), < 0 error */
static duk_ret_t tcp_write(duk_context *ctx)
{
  REC_OR_EBADF(r);
  duk_push_int(ctx, tcp_rec_write(ctx, r, 0));
  return 1;
}

int tcp_rec_shutdown(tcp_rec *r)
{
  if (r->pend) {
    r->shutdown_after_write = 1;
    return 0;
  }
  return plat_tcp_shutdown(r->t);
}

static duk_ret_t tcp_shutdown(duk_context *ctx)
{
  REC_OR_EBADF(r);
  duk_push_int(ctx, tcp_rec_shutdown(r));
  return 1;
}

void tcp_rec_read(tcp_rec *r, int on)
{
  r->reading = on ? 1 : 0;
  if (on)
    plat_tcp_read_start(r->t);
  else
    plat_tcp_read_stop(r->t);
  update_ref(r);
}

static duk_ret_t read_switch(duk_context *ctx, int on)
{
  REC_OR_EBADF(r);
  tcp_rec_read(r, on);
  duk_push_int(ctx, 0);
  return 1;
}

static duk_ret_t tcp_read_start(duk_context *ctx) { return read_switch(ctx, 1); }
static duk_ret_t tcp_read_stop(duk_context *ctx) { return read_switch(ctx, 0); }

int tcp_rec_set_keepalive(tcp_rec *r, int on, double secs)
{
  return plat_tcp_set_keepalive(r->t, on, secs > 0 && secs < 4294967295.0 ? (unsigned)secs : 0);
}

int tcp_rec_set_nodelay(tcp_rec *r, int on) { return plat_tcp_set_nodelay(r->t, on); }

static duk_ret_t tcp_set_keepalive(duk_context *ctx)
{
  REC_OR_EBADF(r);
  duk_push_int(ctx, tcp_rec_set_keepalive(r, duk_to_boolean(ctx, 0), duk_get_number_default(ctx, 1, 0)));
  return 1;
}

static duk_ret_t tcp_set_nodelay(duk_context *ctx)
{
  REC_OR_EBADF(r);
  duk_push_int(ctx, tcp_rec_set_nodelay(r, duk_to_boolean(ctx, 0)));
  return 1;
}

int tcp_rec_push_addr(duk_context *ctx, tcp_rec *r, int peer)
{
  plat_addr a;
  if (!r || (peer ? plat_tcp_remote_addr(r->t, &a) : plat_tcp_local_addr(r->t, &a)) != 0) return 0;
  char buf[64];
  plat_addr_format(&a, buf, sizeof buf);
  duk_push_object(ctx);
  duk_push_string(ctx, buf);
  duk_put_prop_literal(ctx, -2, "address");
  duk_push_string(ctx, a.family == 6 ? "IPv6" : "IPv4");
  duk_put_prop_literal(ctx, -2, "family");
  duk_push_int(ctx, a.port);
  duk_put_prop_literal(ctx, -2, "port");
  return 1;
}

static duk_ret_t push_addr(duk_context *ctx, int peer)
{
  tcp_rec *r = get_rec(ctx);
  return r ? tcp_rec_push_addr(ctx, r, peer) : 0;
}

static duk_ret_t tcp_getsockname(duk_context *ctx) { return push_addr(ctx, 0); }
static duk_ret_t tcp_getpeername(duk_context *ctx) { return push_addr(ctx, 1); }

void tcp_rec_close(tcp_rec *r, int reset)
{
  if (reset)
    plat_tcp_abort(r->t);
  else
    plat_tcp_close(r->t);
  free_rec(r);
}

/* A soft reset (runtime/repl_run.c): every connection reset, every listener closed;
 * their JS objects are left to the collector. */
void tcp_close_all(void)
{
  while (all_recs) {
    tcp_rec *r = all_recs;
    if (!r->t) { /* closed already, its record kept by its owner: only unlisted */
      all_recs = r->next;
      if (all_recs) all_recs->prev = NULL;
      r->next = r->prev = NULL;
      continue;
    }
    tcp_rec_close(r, !r->listening);
  }
}

static duk_ret_t tcp_close(duk_context *ctx)
{
  tcp_rec *r = get_rec(ctx);
  if (r) tcp_rec_close(r, 0);
  return 0;
}

static duk_ret_t tcp_reset(duk_context *ctx)
{
  tcp_rec *r = get_rec(ctx);
  if (r) tcp_rec_close(r, 1);
  return 0;
}

void tcp_rec_ref(tcp_rec *r, int on)
{
  r->refed = on ? 1 : 0;
  update_ref(r);
}

static duk_ret_t tcp_ref(duk_context *ctx)
{
  tcp_rec *r = get_rec(ctx);
  if (r) tcp_rec_ref(r, 1);
  return 0;
}

static duk_ret_t tcp_unref(duk_context *ctx)
{
  tcp_rec *r = get_rec(ctx);
  if (r) tcp_rec_ref(r, 0);
  return 0;
}

static duk_ret_t tcp_pending_bytes(duk_context *ctx)
{
  tcp_rec *r = get_rec(ctx);
  duk_push_number(ctx, r && r->pend ? (double)(r->pend_len - r->pend_off) : 0);
  return 1;
}

static const duk_function_list_entry tcp_methods[] = { { "listen", tcp_listen, 4 },
                                                       { "connect", tcp_connect, 4 },
                                                       { "listenPath", tcp_listen_path, 2 },
                                                       { "connectPath", tcp_connect_path, 1 },
                                                       { "chmodPath", tcp_chmod_path, 1 },
                                                       { "write", tcp_write, 1 },
                                                       { "shutdown", tcp_shutdown, 0 },
                                                       { "readStart", tcp_read_start, 0 },
                                                       { "readStop", tcp_read_stop, 0 },
                                                       { "setKeepAlive", tcp_set_keepalive, 2 },
                                                       { "setNoDelay", tcp_set_nodelay, 1 },
                                                       { "getsockname", tcp_getsockname, 0 },
                                                       { "getpeername", tcp_getpeername, 0 },
                                                       { "close", tcp_close, 0 },
                                                       { "reset", tcp_reset, 0 },
                                                       { "ref", tcp_ref, 0 },
                                                       { "unref", tcp_unref, 0 },
                                                       { "pendingBytes", tcp_pending_bytes, 0 },
                                                       { NULL, NULL, 0 } };

static const duk_function_list_entry tcp_funcs[] = { { "installSocket", net_socket_install, 3 },
                                                     { "installSocketInfo", net_socket_info_install, 1 },
                                                     { NULL, NULL, 0 } };

duk_ret_t petrel_binding_tcp(duk_context *ctx)
{
  duk_push_object(ctx);
  duk_push_c_function(ctx, tcp_ctor, 0);
  duk_push_object(ctx);
  PETREL_LIGHTFUNC_LIST(tcp_binding_tcp_methods, tcp_methods);
  petrel_put_functions(ctx, -1, tcp_methods);
  tcp_proto = petrel_pin(ctx, -1);
  duk_put_prop_literal(ctx, -2, "prototype");
  duk_put_prop_literal(ctx, -2, "TCP");
  PETREL_LIGHTFUNC_LIST(tcp_binding_tcp_funcs, tcp_funcs);
  petrel_put_functions(ctx, -1, tcp_funcs);
  return 1;
}
