/* What modules/net_socket.c (net.Socket's data path) asks of the TCP handles of
 * modules/tcp_binding.c: the binding owns the reading and end-of-stream facts of
 * a connection; the socket asks it instead of keeping copies. */
#ifndef PETREL_TCP_BINDING_H
#define PETREL_TCP_BINDING_H
#include "runtime.h"

typedef struct tcp_rec tcp_rec;

/* The hidden key under which a handle object and a socket's _handle object hold
 * the record's pointer (NULL once closed). A net.Socket that owns its record keeps
 * it with its pin instead (petrel_pin_data: no property per socket); Socket.prototype
 * holds the key as NULL, so a socket without a record stops its lookup there. */
#define TCP_REC_KEY DUK_HIDDEN_SYMBOL("tcp")

/* The open record of the handle object or socket at idx, or NULL (closed, or none). */
tcp_rec *tcp_rec_at(duk_context *ctx, duk_idx_t idx);
/* Sends the buffer at buf: 0 written, 1 pending (the owner's onwrite(err) follows),
 * < 0 an error. */
int tcp_rec_write(duk_context *ctx, tcp_rec *r, duk_idx_t buf);
int tcp_rec_reading(const tcp_rec *r);
int tcp_rec_eof(const tcp_rec *r); /* the peer's FIN was delivered */
void tcp_rec_read(tcp_rec *r, int on);
int tcp_rec_shutdown(tcp_rec *r); /* after the unsent tail, if any */
void tcp_rec_close(tcp_rec *r, int reset); /* frees r */
void tcp_close_all(void);                  /* a soft reset: every record closed */
void tcp_rec_ref(tcp_rec *r, int on);
int tcp_rec_set_nodelay(tcp_rec *r, int on);
int tcp_rec_set_keepalive(tcp_rec *r, int on, double secs);
/* Pushes {address, family, port} of the local or (peer) remote end; 0: nothing pushed. */
int tcp_rec_push_addr(duk_context *ctx, tcp_rec *r, int peer);
/* The socket's record as a handle object when it has one already (its _handle was
 * read: user code may have replaced a method there), else NULL pushed nothing: 1/0. */
int tcp_rec_push_view(duk_context *ctx, tcp_rec *r);

/* A pointer net_socket.c keeps with a record for the socket that owns it (the
 * socket's C block of numbers, which lives as long as the socket): what was set for
 * sock while sock owned r directly, else NULL. Cleared whenever r changes owner. */
void *tcp_rec_sock_cache(const tcp_rec *r, void *sock);
void tcp_rec_set_sock_cache(tcp_rec *r, void *sock, void *p);

/* Sockets that own their record (no handle object per socket, #17). */
/* onconnection's handle argument at idx when it is an accepted connection handed
 * over as a pointer and not yet taken (adopted, made a handle object or closed),
 * else NULL. */
tcp_rec *tcp_child_at(duk_context *ctx, duk_idx_t idx);
/* Pushes a handle object for r: its owner or view, or (a taken child) a new one. */
void tcp_rec_push_handle(duk_context *ctx, tcp_rec *r);
/* The socket at sock owns r (a handle object that owned it becomes its _handle). */
void tcp_rec_adopt(duk_context *ctx, tcp_rec *r, duk_idx_t sock);
/* A new record (a client connection) owned by the socket at sock. */
void tcp_rec_open(duk_context *ctx, duk_idx_t sock);
/* What the socket at sock has as its handle: 0 none; 1 its record *r; 2 a handle
 * object, pushed: the record's (*r) once _handle was read (user code may have
 * changed its methods), or (*r NULL) an object user code gave (a fake handle, as
 * node's tests make); 3 some other truthy value (nothing pushed, *r NULL). */
int tcp_socket_handle(duk_context *ctx, duk_idx_t sock, tcp_rec **r);
/* Socket.prototype's _handle accessor (the record as a handle object, made when read). */
void tcp_define_socket_handle(duk_context *ctx, duk_idx_t proto);

/* net_socket.c: installSocket(SocketProto, TCPProto, helpers) */
duk_ret_t net_socket_install(duk_context *ctx);
/* net_socket_info.c: installSocketInfo(SocketProto) */
duk_ret_t net_socket_info_install(duk_context *ctx);
#endif
