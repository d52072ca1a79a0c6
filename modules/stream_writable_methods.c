/* Writable's methods as light functions (write, end, cork, uncork,
 * setDefaultEncoding, destroy, the default _write and _destroy), the state's
 * constructor and the binding internal/stream_writable.js installs them with. */
#include <string.h>
#include "stream_state.h"
#include "bindings.h"
#include "format.h"

int (*writable_fast_end_write)(duk_context *ctx, duk_idx_t stream, duk_idx_t state, duk_idx_t chunk, duk_idx_t enc);

/* ---- methods ---- */
/* write(chunk, encoding, cb) */
static duk_ret_t w_write(duk_context *ctx)
{
  duk_push_this(ctx); /* 3 */
  duk_insert(ctx, 0); /* this at 0, arguments at 1.. */
  duk_push_boolean(ctx, writable_write_chunk(ctx, 0, 1) == 1);
  return 1;
}

/* end(chunk, encoding, cb) */
static duk_ret_t w_end(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_insert(ctx, 0); /* 0 this, 1 chunk, 2 encoding, 3 cb */
  if (st_is_function(ctx, 1)) {
    duk_dup(ctx, 1);
    duk_replace(ctx, 3);
    duk_push_null(ctx);
    duk_replace(ctx, 1);
    duk_push_null(ctx);
    duk_replace(ctx, 2);
  } else if (st_is_function(ctx, 2)) {
    duk_dup(ctx, 2);
    duk_replace(ctx, 3);
    duk_push_null(ctx);
    duk_replace(ctx, 2);
  }
  duk_get_prop_literal(ctx, 0, "_writableState"); /* 4 */
  duk_push_undefined(ctx);                       /* 5: err */
  if (!duk_is_null_or_undefined(ctx, 1)) {
    int fast = writable_fast_end_write ? writable_fast_end_write(ctx, 0, 4, 1, 2) : -1;
    duk_set_top(ctx, 6);
    if (fast < 0) {
      duk_dup(ctx, 1);
      duk_dup(ctx, 2);
      duk_push_undefined(ctx);                                      /* 6, 7, 8 */
      if (writable_write_chunk(ctx, 0, 6) < 0) duk_replace(ctx, 5); /* the error at 10 */
      duk_set_top(ctx, 6);
    }
  }
  if (st_wnum(ctx, 4, W_CORKED)) {
    st_put_wnum(ctx, 4, W_CORKED, 1);
    st_call_method(ctx, 0, "uncork", 0);
  }
  if (!duk_is_undefined(ctx, 5)) {
    /* the write-after-end error was reported */
  } else if (!st_flag(ctx, 4, "errored") && !st_flag(ctx, 4, "ending")) {
    st_put_bool(ctx, 4, "ending", 1);
    writable_finish_maybe(ctx, 0, 4, 1);
    st_put_bool(ctx, 4, "ended", 1);
  } else if (st_flag(ctx, 4, "finished")) {
    st_push_error(ctx, F_FINISHED, NULL);
    duk_replace(ctx, 5);
  } else if (st_flag(ctx, 4, "destroyed")) {
    st_push_error(ctx, F_DESTROYED, "end");
    duk_replace(ctx, 5);
  }
  if (st_is_function(ctx, 3)) {
    if (st_truthy(ctx, 5) || st_flag(ctx, 4, "finished")) {
      duk_dup(ctx, 3);
      duk_dup(ctx, 5);
      st_next_tick_value(ctx, 1);
    } else {
      duk_get_prop_literal(ctx, 4, "onFinished");
      if (!st_truthy(ctx, -1)) {
        duk_pop(ctx);
        duk_push_array(ctx);
        st_put_dup(ctx, 4, "onFinished", -1);
      }
      duk_dup(ctx, 3);
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)duk_get_length(ctx, -2));
      duk_pop(ctx);
    }
  }
  duk_dup(ctx, 0);
  return 1;
}

static duk_ret_t w_cork(duk_context *ctx)
{
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, "_writableState");
  st_add_wnum(ctx, -1, W_CORKED, 1);
  return 0;
}

static duk_ret_t w_uncork(duk_context *ctx)
{
  duk_push_this(ctx);                            /* 0 */
  duk_get_prop_literal(ctx, 0, "_writableState"); /* 1 */
  double corked = st_wnum(ctx, 1, W_CORKED);
  if (corked) {
    st_put_wnum(ctx, 1, W_CORKED, corked - 1);
    if (!st_flag(ctx, 1, "writing")) writable_clear_buffer(ctx, 0, 1);
  }
  return 0;
}

/* setDefaultEncoding(encoding) */
static duk_ret_t w_set_default_encoding(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  if (duk_is_string(ctx, 0)) {
    duk_push_literal(ctx, "toLowerCase");
    duk_call_prop(ctx, 0, 0);
    duk_replace(ctx, 0);
  }
  st_push_helper(ctx, "isEncoding");
  duk_dup(ctx, 0);
  duk_call(ctx, 1);
  if (!duk_to_boolean(ctx, -1)) {
    st_push_helper(ctx, "fail");
    duk_push_int(ctx, F_ENCODING);
    duk_dup(ctx, 0);
    duk_call(ctx, 2);
    (void)duk_throw(ctx);
  }
  duk_push_this(ctx);
  duk_get_prop_literal(ctx, -1, "_writableState");
  st_put_dup(ctx, -1, "defaultEncoding", 0);
  duk_pop(ctx);
  return 1;
}

/* destroy(err, cb) */
static duk_ret_t w_destroy(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  duk_push_this(ctx);                            /* 2 */
  duk_get_prop_literal(ctx, 2, "_writableState"); /* 3 */
  if (!st_flag(ctx, 3, "destroyed")) {
    int pending = st_wnum(ctx, 3, W_BUFFERED_INDEX) < writable_buffered_length(ctx, 3);
    if (!pending) {
      duk_get_prop_literal(ctx, 3, "onFinished");
      pending = st_truthy(ctx, -1) && duk_get_length(ctx, -1) > 0;
      duk_pop(ctx);
    }
    if (pending) {
      duk_dup(ctx, 3);
      st_next_tick(ctx, writable_error_buffer_tick, 1, 1);
    }
  }
  duk_push_c_lightfunc(ctx, stream_destroy, 2, 2, 0);
  duk_dup(ctx, 2);
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_call_method(ctx, 2);
  duk_dup(ctx, 2);
  return 1;
}

static duk_ret_t w_destroy_default(duk_context *ctx)
{
  duk_dup(ctx, 1);
  duk_dup(ctx, 0);
  duk_call(ctx, 1);
  return 0;
}

/* _write(chunk, encoding, cb): through _writev if there is one. */
static duk_ret_t w_write_default(duk_context *ctx)
{
  duk_push_this(ctx); /* 3 */
  duk_get_prop_literal(ctx, 3, "_writev");
  if (!st_truthy(ctx, -1)) {
    st_push_error(ctx, F_NOT_IMPLEMENTED, NULL);
    (void)duk_throw(ctx);
  }
  duk_pop(ctx);
  duk_push_literal(ctx, "_writev");
  duk_push_array(ctx);
  duk_push_object(ctx);
  st_put_dup(ctx, -1, "chunk", 0);
  st_put_dup(ctx, -1, "encoding", 1);
  duk_put_prop_index(ctx, -2, 0);
  duk_dup(ctx, 2);
  duk_call_prop(ctx, 3, 2);
  return 0;
}

/* init(stream, options, isDuplex, proto): stream._writableState and the options' methods. */
static duk_ret_t w_init(duk_context *ctx)
{
  duk_set_top(ctx, 4);
  duk_require_object(ctx, 3);
  int has_opts = st_truthy(ctx, 1);
  int object_mode = has_opts &&
                    (st_flag(ctx, 1, "objectMode") || (st_truthy(ctx, 2) && st_flag(ctx, 1, "writableObjectMode")));
  double hwm = st_hwm(ctx, has_opts ? 1 : -1, "writableHighWaterMark", object_mode);
  duk_push_object(ctx); /* 4: the state, its prototype the variant for emitClose/autoDestroy */
  st_push_state_proto(ctx, 3, has_opts ? st_option_bits(ctx, 1) : 0);
  duk_set_prototype(ctx, 4);
  if (object_mode) st_put_bool(ctx, 4, "objectMode", 1);
  st_put_wnum(ctx, 4, W_HWM, hwm);
  if (has_opts) {
    duk_get_prop_literal(ctx, 1, "decodeStrings");
    if (duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1)) st_put_bool(ctx, 4, "decodeStrings", 0);
    duk_pop(ctx);
    duk_get_prop_literal(ctx, 1, "defaultEncoding");
    if (st_truthy(ctx, -1)) st_put_dup(ctx, 4, "defaultEncoding", -1);
    duk_pop(ctx);
  }
  st_put_dup(ctx, 0, "_writableState", 4);
  if (has_opts) {
    static const char *const methods[][2] = {
      { "write", "_write" }, { "writev", "_writev" }, { "destroy", "_destroy" }, { "final", "_final" }
    };
    for (int i = 0; i < 4; i++) {
      petrel_get_prop_static(ctx, 1, methods[i][0]);
      if (st_is_function(ctx, -1))
        petrel_put_prop_static(ctx, 0, methods[i][1]);
      else
        duk_pop(ctx);
    }
  }
  return 0;
}

/* install(proto, stateProto, helpers): the methods, the state's onwrite getter, the helpers kept. */
/* Node's names for Writable.prototype's methods below (lightfunc_names.h): only
 * setDefaultEncoding has one; the others are anonymous functions in Node. */
static const petrel_lf_name writable_names[] = {
  { "", w_write, 0 },   { "", w_end, 0 },     { "", w_cork, 0 },           { "", w_uncork, 0 },
  { "setDefaultEncoding", w_set_default_encoding, 0 }, { "", w_destroy, 0 }, { "", w_destroy_default, 0 },
  { "", w_write_default, 0 }, { "errorBuffer", writable_error_buffer_tick, 0 } /* internal */, { NULL, NULL, 0 }
};
PETREL_LIGHTFUNC_NAMES(writable, writable_names);

static duk_ret_t w_install(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_require_object(ctx, 1);
  duk_require_object(ctx, 2);
  duk_push_global_stash(ctx);
  duk_dup(ctx, 2);
  duk_put_prop_string(ctx, -2, HELPERS_KEY);
  duk_pop(ctx);
  static const struct {
    const char *name;
    duk_c_function fn;
    int nargs;
  } methods[] = { { "write", w_write, 3 },
                  { "end", w_end, 3 },
                  { "cork", w_cork, 0 },
                  { "uncork", w_uncork, 0 },
                  { "setDefaultEncoding", w_set_default_encoding, 1 },
                  { "destroy", w_destroy, 2 },
                  { "_destroy", w_destroy_default, 2 },
                  { "_write", w_write_default, 3 } };
  for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
    duk_push_c_lightfunc(ctx, methods[i].fn, methods[i].nargs, methods[i].nargs, 0);
    duk_put_prop_string(ctx, 0, methods[i].name);
  }
  duk_push_literal(ctx, "onwrite");
  duk_push_c_function(ctx, writable_onwrite_get, 0);
  duk_def_prop(ctx, 1, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_SET_CONFIGURABLE);
  return 0;
}

/* ---- accessors ---- */
/* Writable's getters (writable, writableEnded, ...) and those every stream has
 * (destroyed, errored, closed), one native function each selected by its magic,
 * shared by the prototypes that have them. They return what the JS getters
 * returned: a field as it is where Node's code does (writableEnded is
 * state.ending, writableLength undefined without a state). */
enum {
  A_WRITABLE,
  A_ENDED,
  A_FINISHED,
  A_LENGTH,
  A_HWM,
  A_OBJECT_MODE,
  A_CORKED,
  A_NEED_DRAIN,
  A_DESTROYED,
  A_ERRORED,
  A_CLOSED,
  A_COUNT
};
static const char *const accessor_names[A_COUNT] = { "writable",
                                                     "writableEnded",
                                                     "writableFinished",
                                                     "writableLength",
                                                     "writableHighWaterMark",
                                                     "writableObjectMode",
                                                     "writableCorked",
                                                     "writableNeedDrain",
                                                     "destroyed",
                                                     "errored",
                                                     "closed" };

static duk_ret_t w_get(duk_context *ctx)
{
  int which = st_key_index(ctx, 0, accessor_names, A_COUNT);
  if (which == A_COUNT) return 0;
  duk_set_top(ctx, 0);
  duk_push_this(ctx);                            /* 0 */
  duk_get_prop_literal(ctx, 0, "_writableState"); /* 1 */
  int has = st_truthy(ctx, 1);
  if (which >= A_DESTROYED && !has) { /* the readable side's state, if any */
    duk_get_prop_literal(ctx, 0, "_readableState");
    duk_replace(ctx, 1);
    has = st_truthy(ctx, 1);
  }
  static const char *const fields[A_COUNT] = { NULL,         "ending", "finished",  "length",    "highWaterMark",
                                               "objectMode", "corked", "needDrain", "destroyed", "errored",
                                               "closed" };
  switch (which) {
    case A_WRITABLE: {
      int v = has && !st_flag(ctx, 1, "destroyed") && !st_flag(ctx, 1, "errored") && !st_flag(ctx, 1, "ending") &&
              !st_flag(ctx, 1, "ended");
      if (v) {
        duk_get_prop_literal(ctx, 1, "writable");
        v = !(duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1));
      }
      duk_push_boolean(ctx, v);
      return 1;
    }
    case A_LENGTH:
    case A_HWM: /* state && state.field */
      if (!has) return 1;
      break;
    case A_NEED_DRAIN:
      if (!has || st_flag(ctx, 1, "destroyed") || st_flag(ctx, 1, "ending")) {
        duk_push_false(ctx);
        return 1;
      }
      break;
    case A_CORKED:
      if (!has) {
        duk_push_int(ctx, 0);
        return 1;
      }
      break;
    case A_ERRORED:
      if (!has) {
        duk_push_null(ctx);
        return 1;
      }
      break;
    default: /* ended, finished, objectMode, destroyed, closed: false without a state */
      if (!has) {
        duk_push_false(ctx);
        return 1;
      }
  }
  petrel_get_prop_static(ctx, 1, fields[which]);
  return 1;
}

/* The setters of writable and destroyed. */
static duk_ret_t w_set(duk_context *ctx)
{
  int destroyed = st_key_index(ctx, 1, accessor_names, A_COUNT) == A_DESTROYED;
  duk_set_top(ctx, 1);
  if (!destroyed)
    duk_push_boolean(ctx, st_truthy(ctx, 0));
  else
    duk_dup(ctx, 0);  /* 1: the value */
  duk_push_this(ctx); /* 2 */
  duk_get_prop_string(ctx, 2, destroyed ? "_readableState" : "_writableState");
  if (st_truthy(ctx, -1)) st_put_dup(ctx, -1, destroyed ? "destroyed" : "writable", 1);
  if (destroyed) {
    duk_get_prop_literal(ctx, 2, "_writableState");
    if (st_truthy(ctx, -1)) st_put_dup(ctx, -1, "destroyed", 1);
  }
  return 0;
}

/* defineAccessors(proto, proto2, readableProto): Writable's and the common ones
 * on the first two, the common ones on the third. */
static duk_ret_t w_define_accessors(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_require_object(ctx, 1);
  duk_require_object(ctx, 2);
  duk_push_c_function(ctx, w_get, 1); /* 3: one getter and one setter for all (the name tells) */
  duk_push_c_function(ctx, w_set, 2); /* 4 */
  for (int i = 0; i < A_COUNT; i++) {
    int settable = i == A_WRITABLE || i == A_DESTROYED;
    for (duk_idx_t p = 0; p < 3; p++) {
      if (p == 2 && i < A_DESTROYED) continue;
      duk_push_string(ctx, accessor_names[i]);
      duk_dup(ctx, 3);
      if (settable) duk_dup(ctx, 4);
      duk_def_prop(ctx, p,
                   DUK_DEFPROP_HAVE_GETTER | (settable ? DUK_DEFPROP_HAVE_SETTER : 0) | DUK_DEFPROP_SET_CONFIGURABLE |
                       DUK_DEFPROP_CLEAR_ENUMERABLE);
    }
  }
  /* The prototypes are complete (stream.js calls this last): no slack in their
   * property tables, which Duktape grows by 16 entries or more at a time. */
  for (duk_idx_t p = 0; p < 3; p++) duk_compact(ctx, p);
  return 0;
}

static const duk_function_list_entry writable_funcs[] = { { "install", w_install, 3 },
                                                          { "init", w_init, 4 },
                                                          { "defineAccessors", w_define_accessors, 3 },
                                                          { "installReadable", readable_install, 2 },
                                                          { "destroy", stream_destroy, 2 },
                                                          { "undestroy", stream_undestroy, 0 },
                                                          { "errorOrDestroy", stream_error_or_destroy, 3 },
                                                          { NULL, NULL, 0 } };

duk_ret_t petrel_binding_stream_writable(duk_context *ctx)
{
  duk_push_object(ctx);
  PETREL_LIGHTFUNC_LIST(stream_writable_methods_writable_funcs, writable_funcs);
  petrel_put_functions(ctx, -1, writable_funcs);
  readable_init_funcs(ctx, -1);
  packed_funcs(ctx, -1);
  deferred_funcs(ctx, -1);
  return 1;
}
