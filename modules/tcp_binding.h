/* What modules/net_socket.c (net.Socket's data path) asks of the TCP handles of
 * modules/tcp_binding.c: the binding owns the reading and end-of-stream facts of
 * a connection; the socket asks it instead of keeping copies. */
#ifndef PETREL_TCP_BINDING_H
#define PETREL_TCP_BINDING_H
#include "runtime.h"

typedef struct tcp_rec tcp_rec;

/* The open record of the handle object at idx, or NULL (closed, or not a handle). */
tcp_rec *tcp_rec_at(duk_context *ctx, duk_idx_t handle);
/* Sends the buffer at buf: 0 written, 1 pending (the handle's onwrite(err) follows),
 * < 0 an error. */
int tcp_rec_write(duk_context *ctx, tcp_rec *r, duk_idx_t handle, duk_idx_t buf);
int tcp_rec_reading(const tcp_rec *r);
int tcp_rec_eof(const tcp_rec *r); /* the peer's FIN was delivered */
void tcp_rec_read(tcp_rec *r, int on);

/* net_socket.c: installSocket(SocketProto, TCPProto, helpers) */
duk_ret_t net_socket_install(duk_context *ctx);
/* net_socket_info.c: installSocketInfo(SocketProto) */
duk_ret_t net_socket_info_install(duk_context *ctx);
#endif
