/* The REPL's soft reset (repl_soft_reset: Ctrl-D at a board's empty prompt, the raw
 * request //@petrel:soft-reset that petrel-tool sends before a run): every handle
 * closed and what the scripts added since the REPL started deleted, inside the running
 * heap, so that the heap comes back near its boot figure (docs/board-tool.md). */
#include "duktape.h"
#include "runtime.h"
#include "repl.h"
#include "tcp_binding.h"
#include "net_socket.h"
#include "platform.h"

/* What there is at boot (when the REPL starts): the names of the own properties of the
 * global object, process, the built-in module cache and the stash, each a set (a bare
 * object, name: true) under BOOT_NAMES in the stash. Names only: an accessor such as
 * a lazy global is not called. */
#define BOOT_NAMES DUK_HIDDEN_SYMBOL("replBootNames")
#define ALL_OWN    (DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE | DUK_ENUM_INCLUDE_SYMBOLS)

static const char *const boot_sets[4] = { "global", "process", "builtins", "stash" };

static void push_boot_object(duk_context *ctx, int i)
{
  if (i == 0)
    duk_push_global_object(ctx);
  else if (i == 1)
    petrel_push_process(ctx);
  else if (i == 2)
    petrel_push_builtin_cache(ctx);
  else
    duk_push_global_stash(ctx);
}

static duk_uint_t enum_flags(int i) { return i == 3 ? ALL_OWN | DUK_ENUM_INCLUDE_HIDDEN : ALL_OWN; }

void repl_note_boot_globals(duk_context *ctx)
{
  duk_push_global_stash(ctx);
  duk_push_bare_object(ctx);
  duk_dup_top(ctx);
  duk_put_prop_literal(ctx, -3, BOOT_NAMES); /* before the stash's names are taken */
  for (int i = 0; i < 4; i++) {
    duk_push_bare_object(ctx);
    push_boot_object(ctx, i);
    duk_enum(ctx, -1, enum_flags(i));
    while (duk_next(ctx, -1, 0)) {
      duk_push_true(ctx);
      duk_put_prop(ctx, -5);
    }
    duk_pop_2(ctx);
    duk_put_prop_string(ctx, -2, boot_sets[i]);
  }
  duk_pop_2(ctx);
}

static duk_ret_t delete_name(duk_context *ctx, void *udata)
{
  (void)udata;           /* [obj name] */
  duk_del_prop(ctx, -2); /* throws for a non-configurable one, which stays */
  return 0;
}

/* The own properties of boot object i that were not there at boot, deleted (not
 * while enumerating them). */
static void drop_new_names(duk_context *ctx, int i)
{
  duk_idx_t base = duk_get_top(ctx);
  push_boot_object(ctx, i); /* base */
  duk_push_global_stash(ctx);
  duk_get_prop_literal(ctx, -1, BOOT_NAMES);
  duk_get_prop_string(ctx, -1, boot_sets[i]);
  duk_idx_t known = duk_get_top_index(ctx);
  if (!duk_is_object(ctx, known)) {
    duk_set_top(ctx, base);
    return;
  }
  duk_push_array(ctx);
  duk_idx_t names = duk_get_top_index(ctx);
  duk_enum(ctx, base, enum_flags(i));
  duk_uarridx_t n = 0;
  while (duk_next(ctx, -1, 0)) {
    duk_dup_top(ctx);
    if (duk_has_prop(ctx, known))
      duk_pop(ctx);
    else
      duk_put_prop_index(ctx, names, n++);
  }
  duk_pop(ctx);
  for (duk_uarridx_t k = 0; k < n; k++) {
    duk_dup(ctx, base);
    duk_get_prop_index(ctx, names, k);
    (void)duk_safe_call(ctx, delete_name, NULL, 2, 1);
    duk_pop(ctx);
  }
  duk_set_top(ctx, base);
}

static duk_ret_t do_soft_reset(duk_context *ctx, void *udata)
{
  (void)udata;
  /* every handle: its callbacks are never called again */
  tcp_close_all();
  udp_close_all();
  dns_cancel_all(ctx);
  timers_clear_all(ctx);
  petrel_ticks_clear(ctx);
  /* every module the scripts loaded, their own and built-in ones: the built-in
   * modules loaded since boot are made again when required, with what they
   * registered (stash entries, prototypes C holds) */
  petrel_module_cache_clear(ctx);
  petrel_push_process(ctx);
  duk_push_literal(ctx, "removeAllListeners");
  duk_call_prop(ctx, -2, 0);
  duk_pop(ctx);
  duk_push_undefined(ctx);
  duk_put_prop_literal(ctx, -2, "exitCode");
  duk_pop(ctx);
  for (int i = 0; i < 4; i++) drop_new_names(ctx, i);
  net_socket_forget(ctx);
  petrel_buffer_forget(ctx);
  duk_push_global_object(ctx);
  petrel_lazy_globals_setup(ctx, -1); /* Promise, Map...: made again on first use */
  duk_pop(ctx);
  return 0;
}

void repl_soft_reset(duk_context *ctx)
{
  (void)petrel_protected(ctx, do_soft_reset, NULL);
  plat_mount_set(0); /* a tool's mount is forgotten (it mounts again after its own) */
  repl.pending = 0;
  repl_buf_clear(&repl.pending_text);
  /* twice: the first pass only finalizes some; compacting: the objects that grew (the
   * global object, the stash) and the value stack let go of what they no longer use */
  duk_gc(ctx, DUK_GC_COMPACT);
  duk_gc(ctx, DUK_GC_COMPACT);
}

