/* What net_socket.c (the socket's data path and methods) and net_socket_new.c (its
 * construction and the accept path) share. */
#ifndef PETREL_NET_SOCKET_H
#define PETREL_NET_SOCKET_H
#include "duktape.h"

/* net.js's helper name from the global stash (net_socket.c): [...] -> [... fn] */
void net_push_helper(duk_context *ctx, const char *name);
duk_ret_t net_socket_on_end(duk_context *ctx); /* the socket's own 'end' listener */
duk_ret_t net_socket_init(duk_context *ctx);   /* init(socket, options) */
duk_ret_t net_socket_onconnection(duk_context *ctx); /* the listening handle's */
int net_socket_new_install(duk_context *ctx, duk_idx_t proto);
/* A soft reset: the prototypes install pinned are let go (net is loaded again). */
void net_socket_forget(duk_context *ctx);
/* Pushes the function for a record event ("onread", "onwrite", "onerror",
 * "onconnect") of a socket that owns its record: called with the socket as this. */
void net_socket_push_event(duk_context *ctx, const char *name);

/* deliver's fast path for a chunk of a socket that owns its record: 1 if it was
 * handed to the socket's 'data' listeners, 0 (nothing done) for the general path. */
int net_socket_read_direct(duk_context *ctx, struct tcp_rec *r, void *sock_ptr, const void *data, size_t len);

#endif
