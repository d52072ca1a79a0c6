// sources: runtime/vm.c build/linux/duktape/duktape.c runtime/lightfunc_names.c runtime/es_methods.c runtime/es_array.c runtime/es_object_string.c runtime/iterators.c runtime/linetab.c runtime/es_species.c tests/unit/plat_file_none.c tests/unit/plat_console_none.c
// cflags: -Ibuild/linux/duktape -w
/* Native blocks (runtime/vm.c, what mbedTLS allocates): counted apart from the
 * Duktape heap but under the same PETREL_HEAP_LIMIT, zeroed like calloc, and when
 * one does not fit, the heap's garbage is collected and the allocation retried. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include "duktape.h"
#include "platform.h"
#include "runtime.h"

#define LIMIT 4000000

static duk_context *ctx;

static void setup(void)
{
  setenv("PETREL_HEAP_LIMIT", "4000000", 1);
  ctx = petrel_vm_create();
  cr_assert_not_null(ctx);
}

static void teardown(void) { petrel_vm_destroy(ctx); }

static size_t room(void) { return LIMIT - petrel_heap_used() - petrel_native_used(); }

/* Fills the heap with reference cycles (64 KiB each), which reference counting
 * cannot free, until less than 100 KB is left. */
static void fill_with_cycles(void)
{
  for (int i = 0; i < 1000 && room() >= 100000; i++) {
    cr_assert_eq(duk_peval_string(ctx, "(function () { var o = { b: new Uint8Array(65536) }; o.self = o; })()"), 0);
    duk_pop(ctx); /* each result, or the value stack outgrows what the API reserves */
  }
  cr_assert_lt(room(), 100000, "the heap did not fill: %zu bytes left", room());
}

Test(vm, native_blocks_are_counted_apart_and_zeroed, .init = setup, .fini = teardown)
{
  size_t heap = petrel_heap_used(), before = petrel_native_used();
  unsigned char *p = petrel_native_calloc(100, 100);
  cr_assert_not_null(p);
  cr_assert_geq(petrel_native_used(), before + 10000);
  cr_assert_eq(petrel_heap_used(), heap, "a native block counted as Duktape heap");
  for (int i = 0; i < 10000; i++) cr_assert_eq(p[i], 0);
  petrel_native_free(p);
  cr_assert_eq(petrel_native_used(), before);
  petrel_native_free(NULL);
}

Test(vm, the_limit_bounds_both_kinds, .init = setup, .fini = teardown)
{
  duk_gc(ctx, 0);
  cr_assert_null(petrel_native_calloc(1, room() + 100000));
  void *p = petrel_native_calloc(1, room() / 2);
  cr_assert_not_null(p);
  /* Duktape's allocations now have half the room they had. */
  cr_assert_neq(duk_peval_string(ctx, "new Uint8Array("
                                      "3000000"
                                      ")"),
                0);
  duk_pop(ctx);
  petrel_native_free(p);
  cr_assert_eq(duk_peval_string(ctx, "new Uint8Array("
                                     "3000000"
                                     ").length"),
               0);
  cr_assert_eq(duk_get_int(ctx, -1), 3000000);
  duk_pop(ctx);
}

Test(vm, size_overflow_fails, .init = setup, .fini = teardown)
{
  cr_assert_null(petrel_native_calloc(SIZE_MAX / 2, 4));
}

Test(vm, a_failed_native_block_collects_garbage_and_retries, .init = setup, .fini = teardown)
{
  fill_with_cycles();
  size_t heap = petrel_heap_used();
  cr_assert_gt(heap, 2000000, "expected most of the heap to be garbage, used %zu", heap);
  void *p = petrel_native_calloc(1, 300000); /* more than the room left */
  cr_assert_not_null(p, "no retry after collecting");
  cr_assert_lt(petrel_heap_used(), heap / 2, "the cycles were not collected");
  petrel_native_free(p);
}

Test(vm, without_garbage_a_block_too_big_still_fails, .init = setup, .fini = teardown)
{
  cr_assert_eq(duk_peval_string(ctx, "var keep = []; for (var i = 0; i < 50; i++) keep.push(new Uint8Array(65536));"),
               0);
  duk_pop(ctx);
  duk_gc(ctx, 0);
  size_t heap = petrel_heap_used();
  /* The collection before the retry finds nothing worth 100 KB to free. */
  cr_assert_null(petrel_native_calloc(1, room() + 100000));
  cr_assert_geq(petrel_heap_used(), heap - 100000, "live values were freed");
  cr_assert_eq(duk_peval_string(ctx, "keep.length"), 0);
  cr_assert_eq(duk_get_int(ctx, -1), 50);
  duk_pop(ctx);
}

/* realloc: keeps the contents, counts the new size, retries after collecting, and
 * leaves the old block as it was when even that fails. */
Test(vm, native_realloc_grows_counts_and_retries, .init = setup, .fini = teardown)
{
  size_t before = petrel_native_used();
  unsigned char *p = petrel_native_realloc(NULL, 1000);
  cr_assert_not_null(p);
  for (int i = 0; i < 1000; i++) p[i] = (unsigned char)i;
  p = petrel_native_realloc(p, 50000);
  cr_assert_not_null(p);
  for (int i = 0; i < 1000; i++) cr_assert_eq(p[i], (unsigned char)i);
  cr_assert_geq(petrel_native_used(), before + 50000);
  fill_with_cycles();
  unsigned char *q = petrel_native_realloc(p, 300000); /* more than the room left */
  cr_assert_not_null(q, "no retry after collecting");
  for (int i = 0; i < 1000; i++) cr_assert_eq(q[i], (unsigned char)i);
  cr_assert_null(petrel_native_realloc(q, room() + 500000), "a block beyond the limit");
  cr_assert_eq(q[999], (unsigned char)999, "the old block changed after a failed realloc");
  petrel_native_free(q);
  cr_assert_eq(petrel_native_used(), before);
}

/* When creating the error for a failed allocation itself runs out of memory, Duktape
 * throws the runtime's preallocated error (tools/duktape_patch.py, edit 4): still
 * "alloc failed" with Node's code, never the DoubleError, which has none. Other double
 * faults keep Duktape's DoubleError. */
void *petrel_vm_double_fault(const char *msg);
Test(vm, a_double_fault_out_of_memory_is_the_coded_error, .init = setup, .fini = teardown)
{
  cr_assert_null(petrel_vm_double_fault("something else"));
  void *e = petrel_vm_double_fault("alloc failed");
  cr_assert_not_null(e);
  duk_push_heapptr(ctx, e);
  cr_assert(duk_is_error(ctx, -1));
  cr_assert(petrel_is_alloc_failure(ctx, -1));
  duk_get_prop_string(ctx, -1, "message");
  cr_assert_str_eq(duk_get_string(ctx, -1), "alloc failed");
  duk_pop_2(ctx);
}
