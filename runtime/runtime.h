/* The runtime's internal interface: the VM, calls into JS, the event loop. */
#ifndef PETREL_RUNTIME_H
#define PETREL_RUNTIME_H

#include <stddef.h>
#include "duktape.h"
#include "lightfunc_names.h"

#define PETREL_VERSION "0.1.0"

/* ---- vm.c ---- */
duk_context *petrel_vm_create(void);
void petrel_vm_destroy(duk_context *ctx);
size_t petrel_heap_used(void); /* bytes Duktape has allocated right now */
size_t petrel_heap_peak(void);
/* Native blocks (mbedTLS's, the TLS session queues): counted apart, under the same limit; a failed one
 * collects the heap's garbage and retries (runtime/vm.c). */
void *petrel_native_calloc(size_t n, size_t size);
void *petrel_native_realloc(void *ptr, size_t size);
void petrel_native_free(void *ptr);
size_t petrel_native_used(void);
/* Called by Duktape itself (tools/duktape_patch.py, edit 4, which declares them again
 * in duktape.c): it is creating an error; it created one (msg: its message). */
void petrel_vm_creating_error(int on);
void petrel_vm_error_created(void *ctx, const char *msg);
/* Is the value at idx the out-of-memory error (code ERR_MEMORY_ALLOCATION_FAILED)? */
int petrel_is_alloc_failure(duk_context *ctx, duk_idx_t idx);
/* Throws that error (a failed malloc of the runtime's own; runtime/vm.c). */
duk_ret_t petrel_throw_oom(duk_context *ctx);
/* REPL evaluation: while set, Ctrl-C (plat_interrupt_requested) breaks running JS. */
void petrel_set_interruptible(int on);

/* ---- callback.c: every call from C into JS goes through here ---- */
/* Stack: [... func this arg1..argN] -> [...]. Calls func; an exception goes to
 * process's uncaught-exception handling (which may exit); then runs the
 * nextTick queue and the microtasks. Returns 0, or 1 if the call threw. */
int petrel_make_callback(duk_context *ctx, duk_idx_t nargs);
/* Runs fn (which builds a callback's arguments in C and calls it) under
 * duk_safe_call. Building allocates, and on a full heap Duktape throws there,
 * outside any JS call: unprotected, that ends in Duktape's fatal handler (exit 70)
 * inside the platform's dispatch. Here the error is reported as an uncaught
 * exception and 1 is returned, so the caller can settle what the event left. */
int petrel_protected(duk_context *ctx, duk_safe_call_function fn, void *udata);
/* Like petrel_make_callback but leaves the return value (undefined on error) on the stack. */
int petrel_call_keep(duk_context *ctx, duk_idx_t nargs);
void petrel_run_ticks(duk_context *ctx);
extern unsigned long petrel_calls; /* calls from C into JS so far (the loop's idle test) */
void petrel_ticks_pending(void);   /* JS queued a nextTick: run the queue after this callback */
/* The current exception (top of stack) is uncaught: report it through process. */
void petrel_fatal_exception(duk_context *ctx);
/* Set while a REPL run (raw mode, the boot app) is on: Ctrl-C interrupts its callbacks
 * as it does its top-level code (runtime/callback.c). */
extern int petrel_interrupt_callbacks;
/* The same for an unhandled rejection's reason: 'uncaughtException' listeners get the
 * origin 'unhandledRejection', as in node. */
void petrel_fatal_rejection(duk_context *ctx);
/* Keeps a JS value alive while C holds its heap pointer (runtime/pins.c).
 * Pinning a pinned value again does nothing; one unpin releases it. */
void *petrel_pin(duk_context *ctx, duk_idx_t idx);
void petrel_unpin(duk_context *ctx, void *heapptr);
/* A pointer C keeps with a pinned value (NULL when it is not pinned or has none):
 * found by the value's heap pointer, without a property on the value. The pin's
 * release drops it. net.Socket's connection record lives here (modules/tcp_binding.c),
 * a dgram socket's too (udp_binding.c): the kind it was set with must be asked for, so
 * that one module's method called on the other's object (Socket.prototype.ref.call(a
 * dgram socket)) finds no record instead of misreading one. The kind is kept in the
 * pointer's low bit (records are malloc'd, so even), so an entry does not grow. */
enum { PETREL_PIN_TCP = 0, PETREL_PIN_UDP = 1 };
void petrel_pin_set_data(void *heapptr, void *data, unsigned kind);
void *petrel_pin_data(void *heapptr, unsigned kind);
/* The hooks runTicks, fatalException, beforeExit (light functions, process.c). */
void petrel_push_hook(duk_context *ctx, const char *name);

/* ---- promise.c: Promise and the microtask queue, drained by petrel_run_ticks ---- */
void petrel_promise_push_ctor(duk_context *ctx, int unused); /* made on first use */
/* es_methods.c: the ES2015+ library methods Duktape lacks, put on the built-ins as light
 * functions (a board with ROM built-ins has them in flash: nothing to do). 0, or -1 when
 * the heap is full. */
int petrel_es_methods_install(duk_context *ctx);
void petrel_queue_microtask(duk_context *ctx, duk_idx_t fn);
int petrel_is_promise(duk_context *ctx, duk_idx_t idx); /* util.types.isPromise */
void petrel_run_microtasks(duk_context *ctx);
int petrel_rejections_pending(void);
void petrel_push_process_rejections(duk_context *ctx); /* the light function that processes them */

/* ---- iterators.c: the iteration protocol (Symbol.iterator on arrays and strings) ---- */
/* V8's TypeError "number 5 is not iterable (...)" for the value at idx (es_methods.c) */
duk_ret_t petrel_throw_not_iterable(duk_context *ctx, duk_idx_t idx);
enum { PETREL_ITER_ARRAY, PETREL_ITER_STRING, PETREL_ITER_MAP, PETREL_ITER_SET };
void petrel_iterators_setup(duk_context *ctx, duk_idx_t global);
/* Calls fn(ctx, value, udata) for each value of the iterable at idx (arrays, strings,
 * anything with Symbol.iterator); an error in fn closes the iterator (return()) and
 * goes on. fn may leave values on the stack. */
typedef void (*petrel_iter_fn)(duk_context *ctx, duk_idx_t value, void *udata);
void petrel_iterate(duk_context *ctx, duk_idx_t idx, petrel_iter_fn fn, void *udata);
/* [...] -> [... { value, done }] (value at idx; DUK_INVALID_INDEX: done) */
void petrel_iter_push_result(duk_context *ctx, duk_idx_t value);
/* [...] -> [... iterator] of kind which over the value at target (kind: the next
 * function's business, 0-3); finalizer (or NULL) runs for each one collected */
void petrel_iter_push_new(duk_context *ctx, int which, duk_idx_t target, int kind, duk_c_function next_fn,
                          duk_c_function finalizer);
/* In next: [...] -> [... this target] and its position and kind, or 0 when it is done
 * (nothing pushed); throws if this is not an iterator of that kind */
int petrel_iter_state(duk_context *ctx, int which, duk_uarridx_t *pos, int *kind);
/* [... this target] -> [...]: the next position, or done (pos < 0) */
void petrel_iter_advance(duk_context *ctx, double pos);
void petrel_iter_take_target(duk_context *ctx, duk_idx_t it); /* its finalizer: undefined when done */
void petrel_push_value_text(duk_context *ctx, duk_idx_t idx);    /* "number 5", "object null" (V8's) */
void petrel_push_receiver_text(duk_context *ctx, duk_idx_t idx); /* "#<Map>", "[object Array]", "1" */
void petrel_def_to_string_tag(duk_context *ctx, duk_idx_t obj, const char *tag);
duk_ret_t petrel_array_iter(duk_context *ctx);  /* Array.prototype.values (0), keys (1), entries (2) */
duk_ret_t petrel_string_iter(duk_context *ctx); /* String.prototype[Symbol.iterator] */

/* ---- mapset.c: Map, Set, WeakMap, WeakSet (made on first use) ---- */
void petrel_collection_push_ctor(duk_context *ctx, int kind); /* 0 Map, 1 Set, 2 WeakMap, 3 WeakSet */
int petrel_collection_kind(duk_context *ctx, duk_idx_t idx); /* 1 Map, 2 Set, 3 WeakMap, 4 WeakSet, 0 */
void petrel_collection_entries(duk_context *ctx, duk_idx_t idx); /* [...] -> [... [k, v, k, v...] or [v...]] */

/* ---- lazy_globals.c: Promise, Map, Set, WeakMap, WeakSet as accessors until first use ---- */
void petrel_lazy_globals_setup(duk_context *ctx, duk_idx_t global);
duk_ret_t petrel_lazy_global_get(duk_context *ctx); /* [key] (also ROM functions: runtime/builtins_rom.yaml) */
duk_ret_t petrel_lazy_global_set(duk_context *ctx); /* [value key] */

/* ---- loop.c ---- */
void loop_ref(void);
void loop_unref(void);
/* A handle's share of the loop's refs as its wish to keep the loop alive changes:
 * refs or unrefs once when want differs from held; returns the new held. */
static inline unsigned loop_hold(unsigned held, int want)
{
  if (want && !held) loop_ref();
  else if (!want && held) loop_unref();
  return want ? 1u : 0u;
}
void loop_set_timer(double deadline_ms, int refed); /* deadline < 0: none */
void loop_set_immediates(int pending, int refed);
/* Runs until nothing keeps the loop alive. */
void loop_run(duk_context *ctx);
int loop_busy(int ignored_refs);
double loop_now(void); /* cached at each loop iteration, like libuv */
void loop_update_time(void);
/* fn(ctx) once per loop turn, after the timers and before the loop sleeps (NULL: none). */
void loop_set_turn_hook(void (*fn)(duk_context *ctx));
void loop_wake_at(double ms); /* the turn hook's deadline: the loop wakes by then (-1: none) */
/* runtime/netcfg.c: the board's network settings from the store (#24) */
void petrel_net_config(duk_context *ctx); /* /net.json (or the build's defaults) applied */
double petrel_net_wait_ms(void);          /* how long main.js waits for an address */
void petrel_net_changed(duk_context *ctx); /* the address changed: process emits 'network' */

/* ---- timers.c: the timer queue and the immediates, run by the loop ---- */
void timers_run(duk_context *ctx, double now_ms); /* the timers due at now_ms, in order */
void timers_run_immediates(duk_context *ctx);     /* those queued before this call */
/* A soft reset (runtime/repl_run.c) goes through these: */
void timers_clear_all(duk_context *ctx);          /* every timer and immediate gone */
void petrel_module_cache_clear(duk_context *ctx); /* every module is loaded again (module_load.c) */
void petrel_ticks_clear(duk_context *ctx);        /* the nextTick queue emptied (process.c) */
void dns_cancel_all(duk_context *ctx);            /* pending lookups dropped (dns_binding.c) */
void udp_close_all(void);                         /* every UDP socket closed (udp_binding.c) */
void petrel_buffer_forget(duk_context *ctx);      /* Buffer.prototype let go: buffer.js is loaded again */
/* fn(the n values on top) as an immediate of the runtime's own (no Immediate object:
 * nothing can clear it), in the same queue as setImmediate's; pops the values. */
void timers_queue_immediate(duk_context *ctx, duk_c_function fn, duk_idx_t n);
duk_ret_t petrel_binding_timers(duk_context *ctx);

/* ---- cesu8.c ---- */
/* Duktape's CESU-8 to UTF-8 (out may equal in; never longer than len). Returns the length. */
size_t petrel_cesu8_to_utf8(const char *in, size_t len, char *out);

/* ---- bindings.c ---- */
void petrel_push_binding(duk_context *ctx, const char *name); /* pushes the object or throws */
/* duk_put_function_list, but as light functions: an 8-byte value each instead of
 * a function object (~100 bytes of heap); no properties of their own, and their
 * names come from the list (PETREL_LIGHTFUNC_LIST, lightfunc_names.h, in the list's file). */
void petrel_put_functions(duk_context *ctx, duk_idx_t obj, const duk_function_list_entry *list);
duk_ret_t petrel_binding_core(duk_context *ctx);
/* module_resolve.c: the loader's file lookup and path helpers, part of the core binding */
extern const duk_function_list_entry petrel_module_funcs[];
/* process.c: process's methods, the tick queue, exit, the built-in module cache */
extern const duk_function_list_entry petrel_process_funcs[];
extern const duk_function_list_entry petrel_loader_funcs[]; /* module_load.c: Module, require */
void petrel_push_process(duk_context *ctx);
void petrel_push_builtin_cache(duk_context *ctx); /* the built-in modules loaded: { id: module } */
/* requireBuiltin(id): [...] -> [... exports], or throws MODULE_NOT_FOUND */
void petrel_require_builtin(duk_context *ctx, const char *id);
/* Pushes the runtime's own copy of a global built-in, taken before user code ran
 * (name: a built-in module's parameter, e.g. "ArrayIsArray"; for a prototype's method such as
 * "ObjectPrototypeToString", the method itself, to call with a this; runtime/primordials.c). */
void petrel_push_primordial(duk_context *ctx, const char *name);
/* runtime/primordials.c: the copies taken from the global object at g, at boot; the
 * copies whose bits are set in a module's mask pushed in order (returns their count) */
void petrel_capture_primordials(duk_context *ctx, duk_idx_t g);
int petrel_push_used_primordials(duk_context *ctx, uint64_t used);
/* [...] -> [... fn]: a built-in module compiled in its wrapper, not run (primordials.c) */
struct petrel_builtin_s;
uint64_t petrel_compile_builtin_module(duk_context *ctx, const struct petrel_builtin_s *b);
/* [...] -> [... err]: node's "Cannot find module" for the request at idx */
void petrel_push_module_not_found(duk_context *ctx, duk_idx_t request, const char *parent);

/* The truth of the value at idx (ToBoolean), leaving it as it is (duk_to_boolean
 * would coerce it in place). */
static inline int petrel_truthy(duk_context *ctx, duk_idx_t idx)
{
  duk_dup(ctx, idx);
  int t = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  return t;
}

/* Property names that C passes as a string never changing at its address (a literal,
 * an entry of a static table): Duktape's literal cache (DUK_USE_LITCACHE_SIZE) finds
 * the interned name by that address, where duk_get_prop_string hashes the bytes and
 * probes the string table on every call (#17: ~8 % of a churn connection's
 * instructions on linux). The build's literal forms (duk_get_prop_literal...) need
 * a literal for sizeof; these take any such pointer. Without the cache (or in
 * a configuration with DUK_USE_PREFER_SIZE, whose duktape.h has no literal calls)
 * they are the plain calls. Never pass a buffer whose bytes change. */
/* obj[key] if the engine's short path finds a number there (tools/duktape_patch.py,
 * edit 8): 1 and *out, nothing pushed; else 0 (always 0 without the literal cache). */
duk_bool_t duk_petrel_get_number_static(duk_context *ctx, duk_idx_t obj_idx, const char *key, duk_size_t key_len,
                                        duk_double_t *out);
/* Replaces the top count values with an array of them, made at its size
 * (Duktape's internal duk_pack; tools/duktape_patch.py, edit 15). */
void duk_petrel_pack(duk_context *ctx, duk_idx_t count);
/* Gives the object at idx a property table of at least n entries, in one allocation
 * (tools/duktape_patch.py, edit 17): for an object C fills with n properties. */
void duk_petrel_reserve(duk_context *ctx, duk_idx_t idx, duk_uint_t n);
#if defined(DUK_USE_LITCACHE_SIZE) && !defined(DUK_USE_PREFER_SIZE)
#include <string.h>
static inline duk_bool_t petrel_get_prop_static(duk_context *ctx, duk_idx_t idx, const char *key)
{
  return duk_get_prop_literal_raw(ctx, idx, key, strlen(key));
}
static inline duk_bool_t petrel_put_prop_static(duk_context *ctx, duk_idx_t idx, const char *key)
{
  return duk_put_prop_literal_raw(ctx, idx, key, strlen(key));
}
static inline const char *petrel_push_static(duk_context *ctx, const char *s)
{
  return duk_push_literal_raw(ctx, s, strlen(s));
}
#else
#define petrel_get_prop_static(ctx, idx, key) duk_get_prop_string((ctx), (idx), (key))
#define petrel_put_prop_static(ctx, idx, key) duk_put_prop_string((ctx), (idx), (key))
#define petrel_push_static(ctx, s)            duk_push_string((ctx), (s))
#endif
/* duktape.h's literal calls again, as it defines them, except that each key must be
 * a string literal when it compiles ("" key): a char array would also pass sizeof,
 * and the literal cache would then know its bytes by an address that changes them. */
#if !defined(DUK_USE_PREFER_SIZE)
/* The symbol names as duktape.h spells them, without the parentheses that "" x
 * cannot follow (adjacent literals join before parsing: the same string anywhere). */
#undef DUK_HIDDEN_SYMBOL
#undef DUK_GLOBAL_SYMBOL
#undef DUK_LOCAL_SYMBOL
#undef DUK_WELLKNOWN_SYMBOL
#undef DUK_INTERNAL_SYMBOL
#define DUK_HIDDEN_SYMBOL(x)      "\xFF" x
#define DUK_GLOBAL_SYMBOL(x)      "\x80" x
#define DUK_LOCAL_SYMBOL(x, uniq) "\x81" x "\xff" uniq
#define DUK_WELLKNOWN_SYMBOL(x)   "\x81" x "\xff"
#define DUK_INTERNAL_SYMBOL(x)    "\x82" x
#undef duk_push_literal
#undef duk_get_prop_literal
#undef duk_put_prop_literal
#undef duk_del_prop_literal
#undef duk_has_prop_literal
#undef duk_get_global_literal
#undef duk_put_global_literal
#define duk_push_literal(ctx, s)          duk_push_literal_raw((ctx), "" s, sizeof(s) - 1U)
#define duk_get_prop_literal(ctx, i, key) duk_get_prop_literal_raw((ctx), (i), "" key, sizeof(key) - 1U)
#define duk_put_prop_literal(ctx, i, key) duk_put_prop_literal_raw((ctx), (i), "" key, sizeof(key) - 1U)
#define duk_del_prop_literal(ctx, i, key) duk_del_prop_literal_raw((ctx), (i), "" key, sizeof(key) - 1U)
#define duk_has_prop_literal(ctx, i, key) duk_has_prop_literal_raw((ctx), (i), "" key, sizeof(key) - 1U)
#define duk_get_global_literal(ctx, key)  duk_get_global_literal_raw((ctx), "" key, sizeof(key) - 1U)
#define duk_put_global_literal(ctx, key)  duk_put_global_literal_raw((ctx), "" key, sizeof(key) - 1U)
#endif

/* ---- core_binding.c: the console ---- */
/* Console output as core.print(fd, text) writes it: the platform console, UTF-8,
 * stderr framed during the REPL's raw runs. _print takes the value at idx (made a
 * string), _write bytes. */
void petrel_console_print(duk_context *ctx, int fd, duk_idx_t idx);
void petrel_console_write(duk_context *ctx, int fd, const char *s, size_t len);
/* The same without a ctx (no heap: bytes as given, framed on stderr as the REPL wants). */
void petrel_console_write_raw(int fd, const char *s, size_t len);
void petrel_frame_stderr(int on);
/* Console input to a C light function fn(text) / fn(null) at the end (the REPL). */
void petrel_console_read_start_c(duk_context *ctx, duk_c_function fn);
void petrel_console_read_stop(duk_context *ctx);
int petrel_loop_busy(void); /* anything but the console input keeping the loop alive? */
/* ---- repl.c ---- */
duk_ret_t petrel_repl_start(duk_context *ctx); /* core.replStart(opts), see module_load.c's runRepl */

/* Pushes a Buffer (a Uint8Array with Buffer.prototype) viewing bytes [0, len)
 * of the plain buffer at buf_idx. */
void petrel_push_buffer_object(duk_context *ctx, duk_idx_t buf_idx, size_t len);
/* Buffer.prototype as buffer.js registered it (a heap pointer), or NULL before. */
void *petrel_buffer_prototype(void);

/* Node-style system errors, Error("<syscall> <CODE>") with errno/code/syscall: made by
 * internal/errors' systemError (modules/errors_system.c), the one maker. */
duk_ret_t petrel_throw_system_error(duk_context *ctx, int err, const char *syscall);
/* Pushes an Error object for a platform error (code, errno, syscall set). */
void petrel_push_system_error(duk_context *ctx, int err, const char *syscall);
/* A file system call's error in node's uvException form: "ENOENT: no such file or
 * directory, open '/x'" (and " -> 'dest'"), with errno, code, syscall, path and dest
 * (the strings at path_idx and dest_idx; -1: none; path_idx -2: none, and `syscall`
 * before `code`, as node's C++ UVException puts them). modules/errors_system.c. */
void petrel_push_fs_error(duk_context *ctx, int err, const char *syscall, duk_idx_t path_idx, duk_idx_t dest_idx);

#endif
