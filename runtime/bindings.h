/* The entry points of the native bindings behind process.binding(name): each
 * pushes its binding object and returns 1. runtime/bindings.c holds the table
 * (and declares the optional ones weak: a board may leave them out). */
#ifndef PETREL_BINDINGS_H
#define PETREL_BINDINGS_H
#include "duktape.h"
#include "lightfunc_names.h"

duk_ret_t petrel_binding_events(duk_context *ctx);
/* modules/events_binding.c: emit straight from C when fn is the native emit (else -1) */
int petrel_emit_native(duk_context *ctx, duk_idx_t fn, duk_idx_t self, duk_idx_t type, int nargs);
/* modules/events_binding.c: on(type at 0, listener at 1) on the caller's this when fn is the native on */
int petrel_on_native(duk_context *ctx, duk_idx_t fn);
duk_ret_t petrel_binding_promise(duk_context *ctx); /* runtime/promise.c: the Promise constructor */
duk_ret_t petrel_binding_console(duk_context *ctx);
duk_ret_t petrel_binding_stream_writable(duk_context *ctx);
duk_ret_t petrel_binding_validators(duk_context *ctx);
duk_ret_t petrel_binding_util(duk_context *ctx);
duk_ret_t petrel_binding_assert(duk_context *ctx);
duk_ret_t petrel_binding_buffer(duk_context *ctx);
duk_ret_t petrel_binding_tcp(duk_context *ctx);
duk_ret_t petrel_binding_dns(duk_context *ctx);
duk_ret_t petrel_binding_udp(duk_context *ctx); /* modules/udp_binding.c */
duk_ret_t petrel_binding_tls(duk_context *ctx);
duk_ret_t petrel_binding_fs(duk_context *ctx); /* modules/fs_binding.c */

#endif
