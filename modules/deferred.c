/* Functions and properties whose JS is compiled on first use: stubs that load
 * a module and call its function (Readable's pipe, unpipe, wrap, setEncoding,
 * the legacy Stream's pipe, internal/errors' makers but systemError), and properties that load
 * one (stream's Transform, PassThrough, finished, pipeline). Rare code costs no
 * heap until a program uses it: a JS function is ~350 B of heap on a board,
 * a stub 8 B. */
#include "stream_state.h"
#include "format.h"

/* Rare functions live in JS modules compiled on first use; the objects hold
 * these stubs (light functions, 8 bytes each), which load the module and call
 * its function with the same this and arguments. */
static const struct {
  const char *name, *module, *fn;
  int length;
} deferred[] = {
  /* Readable.prototype (lengths: Node's) */
  { "pipe", "internal/stream_pipe", "pipe", 2 },
  { "unpipe", "internal/stream_pipe", "unpipe", 1 },
  { "wrap", "internal/stream_pipe", "wrap", 1 },
  { "setEncoding", "internal/stream_encoding", "setEncoding", 1 },
  /* Stream.prototype */
  { "pipe", "internal/stream_pipe", "legacyPipe", 2 },
  /* internal/errors: the coded errors' wording (internal/errors_impl.js) */
  { "invalidArgType", "internal/errors_impl", "invalidArgType", -1 },
  { "invalidArgValue", "internal/errors_impl", "invalidArgValue", -1 },
  { "invalidIPAddress", "internal/errors_impl", "invalidIPAddress", -1 },
  { "outOfRange", "internal/errors_impl", "outOfRange", -1 },
  { "missingArgs", "internal/errors_impl", "missingArgs", -1 },
  { "badPort", "internal/errors_impl", "badPort", -1 },
  { "unknownEncoding", "internal/errors_impl", "unknownEncoding", -1 },
  { "codeError", "internal/errors_impl", "codeError", -1 }
};
#define N_DEFERRED   ((int)(sizeof(deferred) / sizeof(deferred[0])))
#define READABLE_END 4 /* [0, 4) on Readable.prototype, 4 on Stream.prototype */
#define ERRORS_START 5

static duk_ret_t r_deferred(duk_context *ctx)
{
  duk_idx_t nargs = duk_get_top(ctx);
  int i = duk_get_current_magic(ctx);
  format_require(ctx, deferred[i].module);
  duk_get_prop_string(ctx, -1, deferred[i].fn);
  duk_push_this(ctx);
  for (duk_idx_t a = 0; a < nargs; a++) duk_dup(ctx, a);
  duk_call_method(ctx, nargs);
  return 1;
}

/* Node's names (lightfunc_names.h): the stream methods are anonymous in Node; the
 * error makers are named after their functions. */
static const char *deferred_name(duk_c_function fn, int magic)
{
  if (fn == errors_system_error && magic == 0) return "systemError";
  if (fn != r_deferred || magic < 0 || magic >= N_DEFERRED) return NULL;
  return magic < ERRORS_START ? "" : deferred[magic].fn;
}
PETREL_LIGHTFUNC_LOOKUP(deferred, deferred_name);

static void push_stub(duk_context *ctx, int i)
{
  if (deferred[i].length < 0)
    duk_push_c_lightfunc(ctx, r_deferred, DUK_VARARGS, 0, i);
  else
    duk_push_c_lightfunc(ctx, r_deferred, deferred[i].length, deferred[i].length, i);
}

/* deferMethods(readableProto, require, streamProto) */
static duk_ret_t r_defer_methods(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_require_object(ctx, 2);
  format_set_require(ctx, 1);
  for (int i = 0; i < ERRORS_START; i++) {
    push_stub(ctx, i);
    duk_put_prop_string(ctx, i < READABLE_END ? 0 : 2, deferred[i].name);
  }
  return 0;
}

/* deferErrors(require): internal/errors' exports, as stubs, and systemError
 * (modules/errors_system.c: made often, and when the heap is full). */
static duk_ret_t defer_errors(duk_context *ctx)
{
  format_set_require(ctx, 0);
  duk_push_object(ctx);
  for (int i = ERRORS_START; i < N_DEFERRED; i++) {
    push_stub(ctx, i);
    duk_put_prop_string(ctx, -2, deferred[i].name);
  }
  duk_push_c_lightfunc(ctx, errors_system_error, 3, 3, 0);
  duk_put_prop_literal(ctx, -2, "systemError");
  return 1;
}

/* Properties that load a module on first use: require(id)[name] becomes a
 * plain data property of the object on the first read, or what is written
 * first (the getter and setter hold the object, the id and the name). */
#define LAZY_OBJ  DUK_HIDDEN_SYMBOL("o")
#define LAZY_ID   DUK_HIDDEN_SYMBOL("id")
#define LAZY_NAME DUK_HIDDEN_SYMBOL("n")

/* Defines fn's property on fn's object as the value on top (left there). */
static void settle_lazy(duk_context *ctx, duk_idx_t fn)
{
  duk_get_prop_literal(ctx, fn, LAZY_OBJ);
  duk_get_prop_literal(ctx, fn, LAZY_NAME);
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
  duk_pop(ctx);
}

static duk_ret_t lazy_get(duk_context *ctx)
{
  duk_push_current_function(ctx); /* 0 */
  duk_get_prop_literal(ctx, 0, LAZY_ID);
  format_require(ctx, duk_require_string(ctx, -1));
  duk_get_prop_literal(ctx, 0, LAZY_NAME);
  duk_get_prop(ctx, -2);
  settle_lazy(ctx, 0);
  return 1;
}

static duk_ret_t lazy_set(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_current_function(ctx); /* 1 */
  duk_dup(ctx, 0);
  settle_lazy(ctx, 1);
  return 0;
}

/* defineLazy(obj, id, names) */
static duk_ret_t define_lazy(duk_context *ctx)
{
  duk_require_object(ctx, 0);
  duk_require_string(ctx, 1);
  duk_idx_t n = (duk_idx_t)duk_get_length(ctx, 2);
  for (duk_idx_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, 2, (duk_uarridx_t)i); /* 3: the name */
    duk_push_c_function(ctx, lazy_get, 0);
    duk_push_c_function(ctx, lazy_set, 1);
    for (duk_idx_t f = 4; f <= 5; f++) {
      st_put_dup(ctx, f, LAZY_OBJ, 0);
      st_put_dup(ctx, f, LAZY_ID, 1);
      st_put_dup(ctx, f, LAZY_NAME, 3);
    }
    duk_def_prop(ctx, 0,
                 DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_ENUMERABLE |
                     DUK_DEFPROP_SET_CONFIGURABLE);
  }
  return 0;
}

void deferred_funcs(duk_context *ctx, duk_idx_t binding)
{
  static const duk_function_list_entry funcs[] = { { "deferMethods", r_defer_methods, 3 },
                                                   { "defineLazy", define_lazy, 3 },
                                                   { "deferErrors", defer_errors, 1 },
                                                   { NULL, NULL, 0 } };
  PETREL_LIGHTFUNC_LIST(deferred_funcs, funcs);
  petrel_put_functions(ctx, binding, funcs);
}
