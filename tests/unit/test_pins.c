// sources: runtime/pins.c build/linux/duktape/duktape.c runtime/lightfunc_names.c runtime/linetab.c runtime/es_species.c tests/unit/plat_file_none.c
// cflags: -Ibuild/linux/duktape -w
/* Pins (runtime/pins.c): pinned values survive garbage collection, unpinned
 * ones are collected, slots are reused, and the pointer table stays right
 * through many pins and unpins in mixed order. */
#include <criterion/criterion.h>
#include "duktape.h"
#include "runtime.h"

/* The patched duktape.c reports error creation to runtime/vm.c (duktape_patch.py,
 * edit 4); this test runs Duktape on its default allocator, without vm.c. */
void petrel_vm_creating_error(int on) { (void)on; }
void petrel_vm_error_created(void *ctx, const char *msg)
{
  (void)ctx;
  (void)msg;
}
void *petrel_vm_double_fault(const char *msg)
{
  (void)msg;
  return NULL; /* Duktape's DoubleError */
}

int petrel_exec_timeout_check(void *udata)
{
  (void)udata;
  return 0;
}

static duk_context *ctx;
static int finalized;

static duk_ret_t count_finalizer(duk_context *c)
{
  (void)c;
  finalized++;
  return 0;
}

/* Pushes {n: n} with a finalizer that counts collections. */
static void *make(int n)
{
  duk_push_object(ctx);
  duk_push_int(ctx, n);
  duk_put_prop_string(ctx, -2, "n");
  duk_push_c_function(ctx, count_finalizer, 1);
  duk_set_finalizer(ctx, -2);
  void *p = petrel_pin(ctx, -1);
  duk_pop(ctx);
  return p;
}

static int value_of(void *p)
{
  duk_push_heapptr(ctx, p);
  duk_get_prop_string(ctx, -1, "n");
  int n = duk_get_int(ctx, -1);
  duk_pop_2(ctx);
  return n;
}

static duk_uarridx_t array_length(void)
{
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, "pinned");
  duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, -1);
  duk_pop_2(ctx);
  return n;
}

static void setup(void)
{
  ctx = duk_create_heap_default();
  finalized = 0;
}
static void teardown(void) { duk_destroy_heap(ctx); }

TestSuite(pins, .init = setup, .fini = teardown);

enum { N = 5000 };
static void *ptrs[N];

Test(pins, pinned_values_survive_gc_and_unpinned_ones_go)
{
  for (int i = 0; i < N; i++) ptrs[i] = make(i);
  duk_gc(ctx, 0);
  duk_gc(ctx, 0);
  cr_assert_eq(finalized, 0);
  for (int i = 0; i < N; i += 2) petrel_unpin(ctx, ptrs[i]);
  duk_gc(ctx, 0);
  duk_gc(ctx, 0);
  cr_assert_eq(finalized, N / 2);
  for (int i = 1; i < N; i += 2) cr_assert_eq(value_of(ptrs[i]), i);
}

Test(pins, freed_slots_are_reused)
{
  for (int i = 0; i < N; i++) ptrs[i] = make(i);
  cr_assert_eq(array_length(), N);
  for (int round = 0; round < 3; round++) {
    for (int i = 0; i < N; i += 3) petrel_unpin(ctx, ptrs[i]);
    duk_gc(ctx, 0);
    for (int i = 0; i < N; i += 3) ptrs[i] = make(i);
  }
  cr_assert_eq(array_length(), N, "the array did not grow: slots were reused");
  duk_gc(ctx, 0);
  for (int i = 0; i < N; i++) cr_assert_eq(value_of(ptrs[i]), i);
}

Test(pins, pinning_twice_is_one_pin_and_unknown_unpins_are_ignored)
{
  void *p = make(7);
  duk_push_heapptr(ctx, p);
  cr_assert_eq(petrel_pin(ctx, -1), p);
  duk_pop(ctx);
  cr_assert_eq(array_length(), 1);
  petrel_unpin(ctx, NULL);
  int stack_value;
  petrel_unpin(ctx, &stack_value); /* never pinned */
  petrel_unpin(ctx, p);
  petrel_unpin(ctx, p); /* already released */
  duk_gc(ctx, 0);
  cr_assert_eq(finalized, 1);
}

Test(pins, table_stays_consistent_under_mixed_order)
{
  /* A deterministic shuffle of pins and unpins: every live pin must always
   * be found (unpinning it collects exactly it). */
  int live[N] = { 0 };
  unsigned x = 12345;
  int pinned = 0;
  for (int step = 0; step < 40000; step++) {
    x = x * 1103515245u + 12345u;
    int i = (int)((x >> 8) % N);
    if (live[i]) {
      petrel_unpin(ctx, ptrs[i]);
      live[i] = 0;
      pinned--;
    } else {
      ptrs[i] = make(i);
      live[i] = 1;
      pinned++;
    }
  }
  int before = finalized;
  duk_gc(ctx, 0);
  duk_gc(ctx, 0);
  for (int i = 0; i < N; i++)
    if (live[i]) cr_assert_eq(value_of(ptrs[i]), i);
  for (int i = 0; i < N; i++)
    if (live[i]) petrel_unpin(ctx, ptrs[i]);
  duk_gc(ctx, 0);
  duk_gc(ctx, 0);
  cr_assert_eq(finalized - before, pinned, "every live pin released exactly once");
}
