/*
 * Unhandled rejections as Node 20 does them (--unhandled-rejections=throw):
 * runtime/promise.c notes a promise rejected with no handler, or handled after its
 * 'unhandledRejection'; once the ticks and microtasks of a round are done,
 * runtime/callback.c calls process_rejections: 'rejectionHandled', then
 * 'unhandledRejection', and with no listener the reason is an uncaught exception.
 */
#include "duktape.h"
#include "runtime.h"
#include "promise_internal.h"

static int rejections_pending;

void promise_note_rejection(duk_context *ctx, duk_idx_t p, const char *key)
{
  p = duk_normalize_index(ctx, p);
  promise_push_stashed_array(ctx, key);
  duk_dup(ctx, p);
  duk_put_prop_index(ctx, -2, (duk_uarridx_t)duk_get_length(ctx, -2));
  duk_pop(ctx);
  rejections_pending = 1;
  petrel_ticks_pending();
}

int petrel_rejections_pending(void) { return rejections_pending; }

/* process.emit(name, args...): [... name args] -> [... emitted] */
static void emit_process(duk_context *ctx, int nargs)
{
  duk_idx_t first = duk_get_top(ctx) - (nargs + 1);
  petrel_push_process(ctx);
  duk_insert(ctx, first);
  duk_push_literal(ctx, "emit");
  duk_insert(ctx, first + 1);
  duk_call_prop(ctx, first, nargs + 1);
  duk_remove(ctx, -2);
}

/* The lists settle() and then() fill: 'rejectionHandled' for the promises handled after
 * their 'unhandledRejection', then 'unhandledRejection' for those still unhandled; with
 * no listener, the reason (an Error; else node's UnhandledPromiseRejection) is an
 * uncaught exception. */
static duk_ret_t process_rejections(duk_context *ctx)
{
  rejections_pending = 0;
  duk_set_top(ctx, 0);
  promise_push_stashed(ctx, REHANDLED_KEY);
  if (duk_is_array(ctx, 0)) {
    duk_push_global_stash(ctx);
    duk_del_prop_literal(ctx, -1, REHANDLED_KEY);
    duk_pop(ctx);
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, 0);
    for (duk_uarridx_t i = 0; i < n; i++) {
      duk_push_literal(ctx, "rejectionHandled");
      duk_get_prop_index(ctx, 0, i);
      emit_process(ctx, 1);
      duk_pop(ctx);
    }
  }
  duk_set_top(ctx, 0);
  promise_push_stashed(ctx, UNHANDLED_KEY);
  if (!duk_is_array(ctx, 0)) return 0;
  duk_push_global_stash(ctx);
  duk_del_prop_literal(ctx, -1, UNHANDLED_KEY);
  duk_pop(ctx);
  duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, 0);
  for (duk_uarridx_t i = 0; i < n; i++) {
    duk_set_top(ctx, 1);
    duk_get_prop_index(ctx, 0, i); /* [list p] */
    int s = promise_get_state(ctx, 1);
    if (s & F_HANDLED) continue;
    promise_set_state(ctx, 1, s | F_WARNED);
    duk_get_prop_literal(ctx, 1, PV); /* [list p reason] */
    duk_push_literal(ctx, "unhandledRejection");
    duk_dup(ctx, 2);
    duk_dup(ctx, 1);
    emit_process(ctx, 2);
    if (duk_to_boolean(ctx, -1)) continue;
    duk_pop(ctx);
    if (!duk_is_error(ctx, 2)) {
      duk_push_literal(ctx, "This error originated either by throwing inside of an async function without a catch "
                            "block, or by rejecting a promise which was not handled with .catch(). The promise "
                            "rejected with the reason \"");
      if (duk_is_string(ctx, 2)) {
        duk_push_literal(ctx, "'");
        duk_dup(ctx, 2);
        duk_push_literal(ctx, "'");
        duk_concat(ctx, 3);
      } else {
        duk_dup(ctx, 2);
        duk_safe_to_string(ctx, -1);
      }
      duk_push_literal(ctx, "\".");
      duk_concat(ctx, 3);
      duk_push_error_object(ctx, DUK_ERR_ERROR, "%s", duk_get_string(ctx, -1));
      duk_push_literal(ctx, "UnhandledPromiseRejection");
      duk_put_prop_literal(ctx, -2, "name");
      duk_push_literal(ctx, "ERR_UNHANDLED_REJECTION");
      duk_put_prop_literal(ctx, -2, "code");
    } else {
      duk_dup(ctx, 2);
    }
    petrel_fatal_rejection(ctx); /* 'uncaughtException' listeners, else the report and exit 1 */
  }
  return 0;
}

void petrel_push_process_rejections(duk_context *ctx) { duk_push_c_lightfunc(ctx, process_rejections, 0, 0, 0); }

static const petrel_lf_name rejection_names[] = { { "processPromiseRejections", process_rejections, 0 }, { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(promise_rejections, rejection_names);
