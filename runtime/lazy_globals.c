/*
 * Globals made on first use (#18): Promise, Map, Set, WeakMap and WeakSet. Until a
 * script reads or assigns one, the global is an accessor, and its constructor and
 * prototype (~0.5-1 KB of heap each) do not exist; the first read makes them and puts
 * a data property in the accessor's place (non-enumerable, writable, configurable, as
 * in node); the first write puts the value written. The runtime's own first promise
 * makes Promise the same way (runtime/promise.c).
 *
 * All of them share one getter and one setter (two function objects at boot, not two
 * each): Duktape gives an accessor the key it was called for as an extra argument
 * (DUK_USE_NONSTD_GETTER_KEY_ARGUMENT, DUK_USE_NONSTD_SETTER_KEY_ARGUMENT, on by default).
 * On a board with ROM built-ins the accessors are on the ROM global object, which the
 * RAM one inherits from (runtime/builtins_rom.yaml): boot costs no heap at all (the
 * names' order there is the table's below). There a
 * global not yet used is not an own property of the global object (it is inherited).
 */
#include <string.h>
#include "duktape.h"
#include "runtime.h"

static const struct {
  const char *name;
  void (*push)(duk_context *ctx, int arg);
  int arg;
} lazy[] = {
  { "Promise", petrel_promise_push_ctor, 0 },    { "Map", petrel_collection_push_ctor, 0 },
  { "Set", petrel_collection_push_ctor, 1 },     { "WeakMap", petrel_collection_push_ctor, 2 },
  { "WeakSet", petrel_collection_push_ctor, 3 },
};
#define N_LAZY (sizeof lazy / sizeof lazy[0])

/* The getter ([key]) and the setter ([value key]); on a board with ROM built-ins they
 * are ROM functions of the ROM global object's accessors (runtime/builtins_rom.yaml),
 * one pair per global, which say which by their magic (getter [], setter [value]):
 * Duktape's RAM init data, also generated there, has no room for more arguments. */
static duk_ret_t lazy_accessor(duk_context *ctx, int setter)
{
  size_t i = 0;
  if (duk_get_top(ctx) == setter) { /* a ROM function: its magic is the global's place */
    i = (size_t)duk_get_current_magic(ctx);
  } else {
    const char *key = duk_get_string(ctx, setter ? 1 : 0);
    while (i < N_LAZY && !(key && strcmp(key, lazy[i].name) == 0)) i++;
  }
  if (i >= N_LAZY) return 0;
  if (setter)
    duk_dup(ctx, 0);
  else
    lazy[i].push(ctx, lazy[i].arg);
  duk_push_global_object(ctx);
  duk_push_string(ctx, lazy[i].name);
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
  duk_pop(ctx);
  return setter ? 0 : 1;
}

duk_ret_t petrel_lazy_global_get(duk_context *ctx) { return lazy_accessor(ctx, 0); }
duk_ret_t petrel_lazy_global_set(duk_context *ctx) { return lazy_accessor(ctx, 1); }

void petrel_lazy_globals_setup(duk_context *ctx, duk_idx_t global)
{
  global = duk_normalize_index(ctx, global);
  duk_get_prototype(ctx, global); /* the ROM global object, on a board with ROM built-ins */
  duk_push_c_function(ctx, petrel_lazy_global_get, 1);
  duk_push_c_function(ctx, petrel_lazy_global_set, 2);
  for (size_t i = 0; i < N_LAZY; i++) {
    /* with ROM built-ins the accessors are the ROM global's: nothing in the heap */
    if (duk_is_object(ctx, -3) && duk_has_prop_string(ctx, -3, lazy[i].name)) continue;
    duk_push_string(ctx, lazy[i].name);
    duk_dup(ctx, -3);
    duk_dup(ctx, -3);
    duk_def_prop(ctx, global,
                 DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_CLEAR_ENUMERABLE |
                     DUK_DEFPROP_SET_CONFIGURABLE);
  }
  duk_pop_3(ctx);
}
