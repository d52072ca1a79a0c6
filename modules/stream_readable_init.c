/* Readable's constructor half (the state, stream._readableState) and its
 * getters (readable, readableFlowing, readableLength...), in C: they were JS in
 * internal/stream_readable.js and stream.js, resident with every program that
 * loads net. The state stays a plain JS object whose defaults sit on a shared
 * prototype (the JS made it); a stream that passes emitClose: false or
 * autoDestroy: false (every net.Socket) gets a prototype variant holding those
 * instead of own properties. */
#include "stream_state.h"

/* initReadable(stream, options, isDuplex, proto): stream._readableState, and
 * the options' read and destroy as the stream's _read and _destroy. */
static duk_ret_t r_init(duk_context *ctx)
{
  duk_set_top(ctx, 4);
  duk_require_object(ctx, 3);
  int has_opts = st_truthy(ctx, 1);
  int object_mode = has_opts &&
                    (st_flag(ctx, 1, "objectMode") || (st_truthy(ctx, 2) && st_flag(ctx, 1, "readableObjectMode")));
  double hwm = st_hwm(ctx, has_opts ? 1 : -1, "readableHighWaterMark", object_mode);
  int bits = has_opts ? st_option_bits(ctx, 1) : 0;
  duk_push_object(ctx); /* 4: the state */
  st_push_state_proto(ctx, 3, bits);
  duk_set_prototype(ctx, 4);
  if (object_mode) st_put_bool(ctx, 4, "objectMode", 1);
  st_put_num(ctx, 4, "highWaterMark", hwm);
  if (has_opts) {
    duk_get_prop_literal(ctx, 1, "defaultEncoding");
    if (st_truthy(ctx, -1)) st_put_dup(ctx, 4, "defaultEncoding", -1);
    duk_pop(ctx);
    duk_get_prop_literal(ctx, 1, "encoding"); /* 5 */
    if (st_truthy(ctx, 5)) {                 /* string_decoder loads with the first decoding stream */
      petrel_require_builtin(ctx, "string_decoder");
      duk_get_prop_literal(ctx, -1, "StringDecoder");
      duk_dup(ctx, 5);
      duk_new(ctx, 1);
      st_put_dup(ctx, 4, "decoder", -1);
      duk_get_prop_literal(ctx, -1, "encoding");
      duk_put_prop_literal(ctx, 4, "encoding");
      duk_pop_2(ctx);
    }
    duk_pop(ctx);
  }
  st_put_dup(ctx, 0, "_readableState", 4);
  if (has_opts) {
    static const char *const methods[][2] = { { "read", "_read" }, { "destroy", "_destroy" } };
    for (int i = 0; i < 2; i++) {
      petrel_get_prop_static(ctx, 1, methods[i][0]);
      if (st_is_function(ctx, -1))
        petrel_put_prop_static(ctx, 0, methods[i][1]);
      else
        duk_pop(ctx);
    }
  }
  return 0;
}

/* ---- getters ---- */
enum { R_READABLE, R_FLOWING, R_ENDED, R_LENGTH, R_HWM, R_ENCODING, R_OBJECT_MODE, R_ABORTED, R_COUNT };
static const char *const getter_names[R_COUNT] = { "readable",           "readableFlowing",       "readableEnded",
                                                   "readableLength",     "readableHighWaterMark", "readableEncoding",
                                                   "readableObjectMode", "readableAborted" };

/* r[key] === false */
static int is_false(duk_context *ctx, duk_idx_t obj, const char *key)
{
  petrel_get_prop_static(ctx, obj, key);
  int v = duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1);
  duk_pop(ctx);
  return v;
}

/* What the JS getters returned: a field as it is (readableHighWaterMark is
 * state && state.highWaterMark, readableFlowing and readableAborted throw
 * without a state, as they did). */
static duk_ret_t r_get(duk_context *ctx)
{
  int which = st_key_index(ctx, 0, getter_names, R_COUNT);
  if (which == R_COUNT) return 0;
  duk_set_top(ctx, 0);
  duk_push_this(ctx);                            /* 0 */
  duk_get_prop_literal(ctx, 0, "_readableState"); /* 1 */
  int has = st_truthy(ctx, 1);
  switch (which) {
    case R_READABLE:
      duk_push_boolean(ctx, has && !is_false(ctx, 1, "readable") && !st_flag(ctx, 1, "destroyed") &&
                                !st_flag(ctx, 1, "errorEmitted") && !st_flag(ctx, 1, "endEmitted"));
      return 1;
    case R_FLOWING: duk_get_prop_literal(ctx, 1, "flowing"); return 1;
    case R_ABORTED:
      duk_push_boolean(ctx, !is_false(ctx, 1, "readable") &&
                                (st_flag(ctx, 1, "destroyed") || st_flag(ctx, 1, "errored")) &&
                                !st_flag(ctx, 1, "endEmitted"));
      return 1;
    case R_HWM:
      if (!has) return 1;
      duk_get_prop_literal(ctx, 1, "highWaterMark");
      return 1;
    default: break;
  }
  if (!has) {
    if (which == R_LENGTH)
      duk_push_int(ctx, 0);
    else if (which == R_ENCODING)
      duk_push_null(ctx);
    else
      duk_push_false(ctx);
    return 1;
  }
  static const char *const fields[R_COUNT] = {
    NULL, NULL, "endEmitted", "length", NULL, "encoding", "objectMode", NULL
  };
  petrel_get_prop_static(ctx, 1, fields[which]);
  return 1;
}

/* The setters of readable (!!v) and readableFlowing (v), when there is a state. */
static duk_ret_t r_set(duk_context *ctx)
{
  int flowing = st_key_index(ctx, 1, getter_names, R_COUNT) == R_FLOWING;
  duk_set_top(ctx, 1);
  if (!flowing)
    duk_push_boolean(ctx, st_truthy(ctx, 0));
  else
    duk_dup(ctx, 0);                             /* 1: the value */
  duk_push_this(ctx);                            /* 2 */
  duk_get_prop_literal(ctx, 2, "_readableState"); /* 3 */
  if (st_truthy(ctx, 3)) st_put_dup(ctx, 3, flowing ? "flowing" : "readable", 1);
  return 0;
}

/* defineReadableAccessors(proto) */
static duk_ret_t r_define_accessors(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_push_c_function(ctx, r_get, 1); /* 1: one getter and one setter for all (the name tells) */
  duk_push_c_function(ctx, r_set, 2); /* 2 */
  for (int i = 0; i < R_COUNT; i++) {
    int settable = i == R_READABLE || i == R_FLOWING;
    duk_push_string(ctx, getter_names[i]);
    duk_dup(ctx, 1);
    if (settable) duk_dup(ctx, 2);
    duk_def_prop(ctx, 0,
                 DUK_DEFPROP_HAVE_GETTER | (settable ? DUK_DEFPROP_HAVE_SETTER : 0) | DUK_DEFPROP_SET_CONFIGURABLE |
                     DUK_DEFPROP_CLEAR_ENUMERABLE);
  }
  return 0;
}

void readable_init_funcs(duk_context *ctx, duk_idx_t binding)
{
  static const duk_function_list_entry funcs[] = { { "initReadable", r_init, 4 },
                                                   { "defineReadableAccessors", r_define_accessors, 1 },
                                                   { NULL, NULL, 0 } };
  PETREL_LIGHTFUNC_LIST(stream_readable_init_funcs, funcs);
  petrel_put_functions(ctx, binding, funcs);
}
