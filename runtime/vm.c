/* The Duktape heap: allocation accounting, fatal errors, Ctrl-C interruption. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime.h"
#include "platform.h"

/* The heap's allocator: malloc, or on a board that asks for it (PETREL_BLOCK_CACHE)
 * malloc through runtime/block_cache.c, which keeps lwIP's freed send buffers for
 * reuse and gives them back before the heap would grow for an allocation of ours.
 * The error reserve below stays malloc's. */
#ifdef PETREL_BLOCK_CACHE
#include "block_cache.h"
#define heap_malloc bc_malloc
#define heap_realloc bc_realloc
#define heap_free bc_free
#define heap_usable_size bc_usable_size
static void *heap_zalloc(size_t size)
{
  void *p = bc_malloc(size);
  if (p) memset(p, 0, size);
  return p;
}
#else
#define heap_malloc malloc
#define heap_realloc realloc
#define heap_free free
#define heap_usable_size malloc_usable_size
#define heap_zalloc(size) calloc(1, size)
#endif

static size_t heap_used, heap_peak;
/* Native blocks: what C allocates on behalf of JS objects (mbedTLS contexts and
 * records), reported as process.memoryUsage().external. */
static size_t native_used;
/* PETREL_HEAP_LIMIT=bytes (like node --max-old-space-size): allocations beyond it
 * fail, as they would on a board; 0 = no limit. It bounds both kinds together, as
 * a board's one malloc does. */
static size_t heap_limit;
static int interruptible;
static duk_context *gc_ctx; /* the heap a failed native allocation may collect */
static int collecting;

/* Room for the error that reports a failed allocation. Duktape says when it creates
 * an error (tools/duktape_patch.py, edit 4); only then may allocations take all of it.
 * Without it, a heap full to the byte has no room for that error either, and Duktape
 * throws its DoubleError ("error in error handling"), which tells the user nothing.
 * The code that catches the error needs a little room too (Duktape allocates a scope
 * for a catch clause): after an "alloc failed", ordinary allocations may take half of
 * the reserve until the heap has a whole reserve free again, so the other half stays
 * for the next error. Under PETREL_HEAP_LIMIT the reserve is room past the limit;
 * elsewhere it is two blocks held from the start: an error that finds no memory may
 * free both, the code after an "alloc failed" the second; both are taken again once
 * the heap has room. 1 KiB on a 32-bit board (2 KiB until 2026-12-07): an error with
 * its traceback and a catch scope fit in it, and when they do not, Duktape throws the
 * preallocated coded error below, never its DoubleError. */
#define ERROR_RESERVE (256 * sizeof(void *))
/* Whose error Duktape is creating (tools/duktape_patch.py, edit 4): none, one that
 * will be thrown to JS, or one its garbage collector makes and swallows at once. The
 * collector's are the "alloc failed" of an emergency collection compacting an object
 * (a new, smaller property table is allocated before the old one is freed); an
 * emergency collection compacts every object, so one collection may make hundreds of
 * them, and while it runs reference counting frees nothing, so they stay allocated
 * until the next collection. Were they to take the reserve, they would spend it all,
 * and the real error that follows, for the allocation that made the collection run,
 * would find none (a double fault, then no room for the catch clause either). So
 * they get none, and neither they nor their double faults give the code after an
 * "alloc failed" its share: no JS sees them. */
enum { NOT_CREATING, CREATING_FOR_JS, CREATING_IN_GC };
static int creating_error, after_oom;
static void *reserve_block[2];
static size_t freed_since_reserve_spent;

/* Would growing the heap by `more` bytes pass the limit? */
static int over_limit(size_t more)
{
  size_t allow = creating_error == CREATING_FOR_JS ? ERROR_RESERVE : after_oom ? ERROR_RESERVE / 2 : 0;
  return heap_limit && heap_used + native_used + more > heap_limit + allow;
}

/* on: 0 when the creation ends, else 1, or 2 when the collector is running (its
 * ms_running), as the enum above. */
void petrel_vm_creating_error(int on) { creating_error = on; }

/* One "alloc failed" error with its code, made with the heap and kept in its stash:
 * when creating the error for a failed allocation itself runs out of memory (the
 * reserve spent or too fragmented), Duktape throws this one (tools/duktape_patch.py,
 * edit 4) instead of its DoubleError, which has no code. It is shared: its stack is
 * only "Error: alloc failed". */
static void *oom_error;

/* Called while the creation that failed is still marked, so that a collector's
 * double fault leaves after_oom alone. */
void *petrel_vm_double_fault(const char *msg)
{
  if (!msg || strcmp(msg, "alloc failed") != 0) return NULL;
  if (creating_error != CREATING_IN_GC) after_oom = 1;
  return oom_error;
}

static void make_oom_error(duk_context *ctx)
{
  duk_push_heap_stash(ctx);
  duk_push_error_object(ctx, DUK_ERR_ERROR, "alloc failed");
  /* Read-only, so code that catches it once cannot change what the next one says. */
  duk_push_literal(ctx, "code");
  duk_push_literal(ctx, "ERR_MEMORY_ALLOCATION_FAILED");
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_HAVE_WRITABLE |
               DUK_DEFPROP_HAVE_CONFIGURABLE | DUK_DEFPROP_SET_ENUMERABLE);
  duk_push_literal(ctx, "message");
  duk_push_literal(ctx, "alloc failed");
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_HAVE_WRITABLE |
               DUK_DEFPROP_HAVE_CONFIGURABLE | DUK_DEFPROP_HAVE_ENUMERABLE);
  oom_error = duk_get_heapptr(ctx, -1);
  duk_put_prop_literal(ctx, -2, "petrelOomError");
  duk_pop(ctx);
}

/* An error Duktape just created: its own "alloc failed" gets Node's code, and the
 * code that handles it half of the reserve. */
void petrel_vm_error_created(void *ctx, const char *msg)
{
  if (msg && strcmp(msg, "alloc failed") == 0) {
    if (creating_error != CREATING_IN_GC) after_oom = 1;
    duk_push_literal((duk_context *)ctx, "ERR_MEMORY_ALLOCATION_FAILED");
    duk_put_prop_literal((duk_context *)ctx, -2, "code");
  }
}

/* Throws the out-of-memory error for an allocation of the runtime's own that failed
 * (a malloc outside Duktape's heap functions): "alloc failed" with the code Duktape's
 * own gets above. duk_error() would make it without the code. */
duk_ret_t petrel_throw_oom(duk_context *ctx)
{
  duk_push_error_object(ctx, DUK_ERR_ERROR, "alloc failed");
  petrel_vm_error_created(ctx, "alloc failed");
  return duk_throw(ctx);
}

/* Is the value at idx that error ("alloc failed" with the code above)? Reading an own
 * property allocates nothing, so this works on a full heap. */
int petrel_is_alloc_failure(duk_context *ctx, duk_idx_t idx)
{
  if (!duk_is_error(ctx, idx)) return 0;
  duk_get_prop_literal(ctx, idx, "code");
  int yes = duk_is_string(ctx, -1) && !strcmp(duk_get_string(ctx, -1), "ERR_MEMORY_ALLOCATION_FAILED");
  duk_pop(ctx);
  return yes;
}

/* malloc, and when it fails, again after giving back the reserve blocks it may use. */
static void *raw_malloc(size_t size)
{
  void *p = heap_malloc(size);
  int for_js = creating_error == CREATING_FOR_JS;
  for (int i = for_js ? 0 : 1; !p && (for_js || after_oom) && i < 2; i++) {
    if (!reserve_block[i]) continue;
    free(reserve_block[i]);
    reserve_block[i] = NULL;
    freed_since_reserve_spent = 0;
    p = heap_malloc(size);
  }
  return p;
}

/* After a free: once a whole reserve is free under the limit, or, with reserve blocks
 * spent, once as much as the reserve has been freed twice over (they are taken again),
 * the code after an "alloc failed" loses its share. */
static void after_free(size_t freed)
{
  if (heap_limit) {
    if (after_oom && heap_used + native_used + ERROR_RESERVE <= heap_limit) after_oom = 0;
    return;
  }
  if (reserve_block[0] && reserve_block[1]) return;
  freed_since_reserve_spent += freed;
  if (freed_since_reserve_spent < 2 * ERROR_RESERVE) return;
  for (int i = 0; i < 2; i++)
    if (!reserve_block[i]) reserve_block[i] = malloc(ERROR_RESERVE / 2);
  if (reserve_block[0] && reserve_block[1]) after_oom = 0;
}

#if defined(__GLIBC__) || defined(_NEWLIB_VERSION)
/* glibc and newlib know each block's size: no header of our own. A header
 * would push many of Duktape's small blocks into glibc's next 16-byte size
 * class, and on a board it cost 8 bytes on each live block (35 KB of RAM after
 * require('net')). Heap use is counted in the bytes malloc actually gave. */
#include <malloc.h>
static void count(void *p, size_t old)
{
  heap_used = heap_used - old + (p ? heap_usable_size(p) : 0);
  if (heap_used > heap_peak) heap_peak = heap_used;
}

/* Under PETREL_HEAP_LIMIT a block is checked again once made, by what malloc really
 * gave, which is what is counted: that can be more than was asked, up to 15 bytes
 * for a small block, up to a page for a large one (glibc maps those whole pages).
 * A check of the size asked alone let a Map's 320 KB table grow the heap 4 KB past
 * the limit, more than the whole error reserve. NULL (the block given back) when
 * it does not fit. */
static void *fit(void *p, size_t old)
{
  if (p && over_limit(heap_usable_size(p) - old)) {
    heap_free(p);
    return NULL;
  }
  return p;
}

static void *vm_alloc(void *udata, duk_size_t size)
{
  (void)udata;
  if (size == 0 || over_limit(size)) return NULL;
  void *p = fit(raw_malloc(size), 0);
  count(p, 0);
  return p;
}

static void vm_free(void *udata, void *ptr)
{
  (void)udata;
  if (!ptr) return;
  size_t size = heap_usable_size(ptr);
  count(NULL, size);
  heap_free(ptr);
  after_free(size);
}

/* realloc of a live block, counted in *used (Duktape's heap or the native blocks). */
static void *block_resize(void *ptr, size_t size, size_t *used)
{
  size_t old = heap_usable_size(ptr);
  if (size > old && over_limit(size - old)) return NULL;
  void *n;
  if (heap_limit && size > old) {
    /* Growing under the limit: a new block, so that the check by its real size
     * (fit) can still fail with the old block as it was. */
    n = fit(heap_malloc(size), old);
    if (!n) return NULL;
    memcpy(n, ptr, old);
    heap_free(ptr);
  } else {
    n = heap_realloc(ptr, size);
  }
  if (n) *used = *used - old + heap_usable_size(n);
  return n;
}

static void *native_alloc(size_t size)
{
  if (over_limit(size)) return NULL;
  void *p = fit(heap_zalloc(size), 0);
  if (p) native_used += heap_usable_size(p);
  return p;
}

void petrel_native_free(void *ptr)
{
  if (!ptr) return;
  native_used -= heap_usable_size(ptr);
  heap_free(ptr);
}
#else
/* Elsewhere (a libc without malloc_usable_size) each block carries its size so that heap use can be reported
 * (process.memoryUsage, benchmarks on boards). Aligned to 8 so doubles stay
 * aligned. */
typedef union {
  size_t size;
  double align;
} block_header;

static void *vm_alloc(void *udata, duk_size_t size)
{
  (void)udata;
  if (size == 0 || over_limit(size)) return NULL;
  block_header *h = raw_malloc(sizeof *h + size);
  if (!h) return NULL;
  h->size = size;
  heap_used += size;
  if (heap_used > heap_peak) heap_peak = heap_used;
  return h + 1;
}

static void vm_free(void *udata, void *ptr)
{
  (void)udata;
  if (!ptr) return;
  block_header *h = (block_header *)ptr - 1;
  size_t size = h->size;
  heap_used -= size;
  free(h);
  after_free(size);
}

/* realloc of a live block, counted in *used (Duktape's heap or the native blocks). */
static void *block_resize(void *ptr, size_t size, size_t *used)
{
  block_header *h = (block_header *)ptr - 1;
  size_t old = h->size;
  if (size > old && over_limit(size - old)) return NULL;
  block_header *n = realloc(h, sizeof *n + size);
  if (!n) return NULL;
  n->size = size;
  *used = *used - old + size;
  return n + 1;
}

static void *native_alloc(size_t size)
{
  if (over_limit(size)) return NULL;
  block_header *h = calloc(1, sizeof *h + size);
  if (!h) return NULL;
  h->size = size;
  native_used += size;
  return h + 1;
}

void petrel_native_free(void *ptr)
{
  if (!ptr) return;
  block_header *h = (block_header *)ptr - 1;
  native_used -= h->size;
  free(h);
}
#endif

static void *vm_realloc(void *udata, void *ptr, duk_size_t size)
{
  if (!ptr) return vm_alloc(udata, size);
  if (size == 0) {
    vm_free(udata, ptr);
    return NULL;
  }
  void *n = block_resize(ptr, size, &heap_used);
  if (heap_used > heap_peak) heap_peak = heap_used;
  return n;
}

/* calloc for native blocks. When it fails, the heap may be full of garbage that
 * only mark-and-sweep frees (reference cycles: closed sockets, closures that refer
 * to themselves): collect and try once more, as Duktape does when one of its own
 * allocations fails. Two passes, so that objects whose finalizers ran in the first
 * (TLS sessions and contexts) are freed too. Never from inside a collection (a
 * finalizer only frees), and mbedTLS is never called from Duktape's allocator. */
static int collect_garbage(void)
{
  if (!gc_ctx || collecting) return 0;
  collecting = 1;
  duk_gc(gc_ctx, 0);
  duk_gc(gc_ctx, 0);
  collecting = 0;
  return 1;
}

int plat_collect_garbage(void) { return collect_garbage(); }

void *petrel_native_calloc(size_t n, size_t size)
{
  if (size && n > SIZE_MAX / size) return NULL;
  size_t bytes = n * size;
  if (bytes == 0) bytes = 1;
  void *p = native_alloc(bytes);
  if (!p && collect_garbage()) p = native_alloc(bytes);
  return p;
}

/* realloc for native blocks (NULL: a new one), with the same retry. On failure the
 * old block is left as it was. */
void *petrel_native_realloc(void *ptr, size_t size)
{
  if (!ptr) return petrel_native_calloc(1, size);
  if (size == 0) size = 1;
  void *p = block_resize(ptr, size, &native_used);
  if (!p && collect_garbage()) p = block_resize(ptr, size, &native_used);
  return p;
}

size_t petrel_heap_used(void) { return heap_used; }
size_t petrel_heap_peak(void) { return heap_peak; }
size_t petrel_native_used(void) { return native_used; }

static void vm_fatal(void *udata, const char *msg)
{
  (void)udata;
  static const char prefix[] = "petrel: fatal error: ";
  plat_console_write(2, prefix, sizeof prefix - 1);
  plat_console_write(2, msg ? msg : "(none)", msg ? strlen(msg) : 6);
  plat_console_write(2, "\n", 1);
  plat_exit(70);
}

/* Duktape calls this at the first instruction of a call that enters it from C
 * (its countdown starts at 0), then every 256K instructions. That first check
 * is let go (interruptible 1 -> 2): a statement always starts (its var
 * declarations are made) before Ctrl-C can break it, as when the REPL calling
 * it was JS and had made that first check itself. */
int petrel_exec_timeout_check(void *udata)
{
  (void)udata;
  if (interruptible == 1) {
    interruptible = 2;
    return 0;
  }
  return interruptible && plat_interrupt_requested;
}

void petrel_set_interruptible(int on)
{
  interruptible = on ? 1 : 0;
  /* Not cleared on entry: a Ctrl-C that arrives after the statement's input was
   * read but before it starts running (while the REPL checks it is complete, say)
   * is meant for it. Stale ones are cleared as input arrives (core_binding.c). */
  if (!on) plat_interrupt_requested = 0;
}

duk_context *petrel_vm_create(void)
{
#if defined(__GLIBC__) /* hosts only: a board's heap is bounded by its RAM */
  const char *limit = getenv("PETREL_HEAP_LIMIT");
  heap_limit = limit ? (size_t)strtoul(limit, NULL, 10) : 0;
#endif
  for (int i = 0; i < 2 && !heap_limit; i++)
    if (!reserve_block[i]) reserve_block[i] = malloc(ERROR_RESERVE / 2);
  gc_ctx = duk_create_heap(vm_alloc, vm_realloc, vm_free, NULL, vm_fatal);
  if (gc_ctx) make_oom_error(gc_ctx);
  if (gc_ctx && petrel_es_methods_install(gc_ctx) != 0) {
    petrel_vm_destroy(gc_ctx);
    return NULL;
  }
  return gc_ctx;
}

void petrel_vm_destroy(duk_context *ctx)
{
  if (ctx == gc_ctx) gc_ctx = NULL;
  duk_destroy_heap(ctx);
  oom_error = NULL;
  for (int i = 0; i < 2; i++) {
    free(reserve_block[i]);
    reserve_block[i] = NULL;
  }
  after_oom = 0;
}
