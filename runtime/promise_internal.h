/*
 * What runtime/promise.c (the promises and the microtask queue) and
 * runtime/promise_rejections.c (Node's unhandled-rejection processing) share: a
 * promise's hidden keys and state bits, and the stash helpers.
 */
#ifndef PETREL_PROMISE_INTERNAL_H
#define PETREL_PROMISE_INTERNAL_H
#include "duktape.h"

#define PS DUK_HIDDEN_SYMBOL("ps")
#define PV DUK_HIDDEN_SYMBOL("pv")
#define PR DUK_HIDDEN_SYMBOL("pr")
#define QUEUE_KEY DUK_HIDDEN_SYMBOL("microtasks")
#define PROTO_KEY DUK_HIDDEN_SYMBOL("PromiseProto")
#define CTOR_KEY DUK_HIDDEN_SYMBOL("Promise")
#define UNHANDLED_KEY DUK_HIDDEN_SYMBOL("unhandled")
#define REHANDLED_KEY DUK_HIDDEN_SYMBOL("rehandled")
#define FN_A DUK_HIDDEN_SYMBOL("a")
#define FN_B DUK_HIDDEN_SYMBOL("b")
#define FN_C DUK_HIDDEN_SYMBOL("c")

enum { ST_PENDING = 0, ST_FULFILLED = 1, ST_REJECTED = 2, ST_MASK = 3, F_HANDLED = 4, F_WARNED = 8 };
enum { J_FULFILL = 1, J_REJECT, J_THENABLE, J_CALLBACK, J_BATCH };

/* The stash's value under key: [...] -> [... value] */
void promise_push_stashed(duk_context *ctx, const char *key);
/* The stash's array under key, made on first use: [...] -> [... arr] */
void promise_push_stashed_array(duk_context *ctx, const char *key);
int promise_get_state(duk_context *ctx, duk_idx_t p);
void promise_set_state(duk_context *ctx, duk_idx_t p, int s);
/* Adds the promise at p to the stash list key (UNHANDLED_KEY or REHANDLED_KEY) and
 * asks for a processing at the end of this round of ticks. */
void promise_note_rejection(duk_context *ctx, duk_idx_t p, const char *key);

#endif
