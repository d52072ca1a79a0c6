/* Node's promise APIs on objects that exist from boot or from require('net'):
 * events.once, events.on and Readable.prototype[Symbol.asyncIterator] (and readable.iterator)
 * are stubs, light functions of 8 bytes, that compile their JS on the first call
 * (internal/events_once.js, internal/events_on.js, internal/stream_iter.js), and Symbol.asyncIterator,
 * which Duktape 2.7 lacks. The rest loads with its module: util.promisify
 * (modules/util_binding.c), timers/promises, dns/promises, stream/promises. */
#include "runtime.h"
#include "promise_api.h"

static const struct {
  const char *name, *module, *fn;
} stubs[] = {
  { "once", "internal/events_once", "once" },
  { "on", "internal/events_on", "on" },
  { "", "internal/stream_iter", "asyncIterator" }, /* anonymous in node */
  { "", "internal/stream_iter", "iterator" },
};
#define N_STUBS ((int)(sizeof(stubs) / sizeof(stubs[0])))

static duk_ret_t pa_stub(duk_context *ctx)
{
  duk_idx_t nargs = duk_get_top(ctx);
  int i = duk_get_current_magic(ctx);
  petrel_require_builtin(ctx, stubs[i].module);
  duk_get_prop_string(ctx, -1, stubs[i].fn);
  duk_push_this(ctx);
  for (duk_idx_t a = 0; a < nargs; a++) duk_dup(ctx, a);
  duk_call_method(ctx, nargs);
  return 1;
}

static const char *stub_name(duk_c_function fn, int magic)
{
  return fn == pa_stub && magic >= 0 && magic < N_STUBS ? stubs[magic].name : NULL;
}
PETREL_LIGHTFUNC_LOOKUP(promise_api, stub_name);

void promise_api_put_once(duk_context *ctx, duk_idx_t ee)
{
  ee = duk_normalize_index(ctx, ee);
  duk_push_c_lightfunc(ctx, pa_stub, DUK_VARARGS, 2, PA_ONCE);
  duk_put_prop_literal(ctx, ee, "once");
  duk_push_c_lightfunc(ctx, pa_stub, DUK_VARARGS, 2, PA_ON);
  duk_put_prop_literal(ctx, ee, "on");
}

void promise_api_put_readable(duk_context *ctx, duk_idx_t proto)
{
  proto = duk_normalize_index(ctx, proto);
  duk_push_literal(ctx, DUK_WELLKNOWN_SYMBOL("Symbol.asyncIterator"));
  duk_push_c_lightfunc(ctx, pa_stub, DUK_VARARGS, 0, PA_ASYNC_ITERATOR);
  duk_def_prop(ctx, proto, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_c_lightfunc(ctx, pa_stub, DUK_VARARGS, 1, PA_ITERATOR);
  duk_put_prop_literal(ctx, proto, "iterator");
}

/* Symbol.asyncIterator and Symbol.species (Promise's subclasses, runtime/promise.c), the
 * well-known symbols (Duktape's own encoding of one, so it
 * is the same value wherever C makes it): on a board with ROM built-ins it is in the
 * ROM's Symbol already (tools/duktape_rom_strings.py adds it there); elsewhere it is
 * defined here once, at boot, as the other well-known symbols are (not writable,
 * enumerable or configurable). */
void promise_api_setup(duk_context *ctx)
{
#if !defined(DUK_USE_ROM_OBJECTS) /* ROM built-ins are read-only: there it is in the ROM's Symbol */
  duk_get_global_literal(ctx, "Symbol");
  if (duk_is_object(ctx, -1) && !duk_has_prop_literal(ctx, -1, "asyncIterator")) {
    duk_push_literal(ctx, "asyncIterator");
    duk_push_literal(ctx, DUK_WELLKNOWN_SYMBOL("Symbol.asyncIterator"));
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WEC);
    duk_push_literal(ctx, "species");
    duk_push_literal(ctx, DUK_WELLKNOWN_SYMBOL("Symbol.species"));
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WEC);
    duk_compact(ctx, -1); /* no slack: Duktape grows a table by 16 entries or more */
  }
  duk_pop(ctx);
#else
  (void)ctx;
#endif
}
