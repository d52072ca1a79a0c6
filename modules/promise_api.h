/* Node's promise APIs: the stubs on objects made at boot or by require('net'), and
 * Symbol.asyncIterator (modules/promise_api.c). */
#ifndef PETREL_PROMISE_API_H
#define PETREL_PROMISE_API_H
#include "duktape.h"

enum { PA_ONCE, PA_ON, PA_ASYNC_ITERATOR, PA_ITERATOR };
void promise_api_put_once(duk_context *ctx, duk_idx_t ee);        /* events.once, events.on */
void promise_api_put_readable(duk_context *ctx, duk_idx_t proto); /* [Symbol.asyncIterator], iterator */
void promise_api_setup(duk_context *ctx);                         /* Symbol.asyncIterator, at boot */

#endif
