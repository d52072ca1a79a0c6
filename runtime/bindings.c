/* The table of native bindings behind process.binding(name), and how a binding puts
 * its functions (the built-in JS modules are runtime/builtins.c's). */
#include <string.h>
#include "runtime.h"
#include "bindings.h"

typedef struct {
  const char *name;
  duk_c_function init; /* pushes the binding object, returns 1 */
} binding_entry;

/* Weak: a board that does not compile a binding (tls on a small part, say)
 * simply lacks it, and require() of its module reports that clearly. */
#define OPTIONAL __attribute__((weak))
OPTIONAL duk_ret_t petrel_binding_buffer(duk_context *ctx);
OPTIONAL duk_ret_t petrel_binding_tcp(duk_context *ctx);
OPTIONAL duk_ret_t petrel_binding_dns(duk_context *ctx);
OPTIONAL duk_ret_t petrel_binding_udp(duk_context *ctx);
OPTIONAL duk_ret_t petrel_binding_tls(duk_context *ctx);

static const binding_entry bindings[] = { { "core", petrel_binding_core },
                                          { "events", petrel_binding_events },
                                          { "console", petrel_binding_console },
                                          { "stream_writable", petrel_binding_stream_writable },
                                          { "validators", petrel_binding_validators },
                                          { "util", petrel_binding_util },
                                          { "assert", petrel_binding_assert },
                                          { "timers", petrel_binding_timers },
                                          { "buffer", petrel_binding_buffer },
                                          { "tcp", petrel_binding_tcp },
                                          { "dns", petrel_binding_dns },
                                          { "udp", petrel_binding_udp },
                                          { "promise", petrel_binding_promise },
                                          { "tls", petrel_binding_tls },
                                          { "fs", petrel_binding_fs },
                                          { NULL, NULL } };

void petrel_put_functions(duk_context *ctx, duk_idx_t obj, const duk_function_list_entry *list)
{
  obj = duk_require_normalize_index(ctx, obj);
  for (; list->key; list++) {
    duk_push_c_lightfunc(ctx, list->value, list->nargs, list->nargs == DUK_VARARGS ? 0 : list->nargs, 0);
    duk_put_prop_string(ctx, obj, list->key);
  }
}

void petrel_push_binding(duk_context *ctx, const char *name)
{
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, "bindings");
  if (duk_get_prop_string(ctx, -1, name)) {
    duk_remove(ctx, -2);
    duk_remove(ctx, -2);
    return;
  }
  duk_pop(ctx);
  for (const binding_entry *b = bindings; b->name; b++) {
    if (b->init && strcmp(b->name, name) == 0) {
      duk_push_c_function(ctx, b->init, 0);
      duk_call(ctx, 0);
      duk_dup_top(ctx);
      duk_put_prop_string(ctx, -3, name);
      duk_remove(ctx, -2);
      duk_remove(ctx, -2);
      return;
    }
  }
  duk_pop_2(ctx);
  (void)duk_error(ctx, DUK_ERR_ERROR, "No such binding: %s", name);
}
