// sources: runtime/static_key.c runtime/vm.c build/linux/duktape/duktape.c runtime/lightfunc_names.c runtime/es_methods.c runtime/es_array.c runtime/es_object_string.c runtime/iterators.c runtime/linetab.c runtime/es_species.c tests/unit/plat_file_none.c tests/unit/plat_console_none.c
// cflags: -Ibuild/linux/duktape -w -DPETREL_CHECK_STATIC_KEYS
/* Keys found by their address (Duktape's literal cache, tools/duktape_patch.py edit
 * 17): the cache hands back the string it interned for an address without looking at
 * the bytes there, so a key whose bytes can change at its address ("function", then
 * "Function" in the same stack buffer) would get the old string. linux-asan's check
 * (PETREL_CHECK_STATIC_KEYS, runtime/static_key.c), built in here as there, lets
 * literals and static tables through and stops any other key at its first use. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "duktape.h"
#include "platform.h"
#include "runtime.h"
#include "static_key.h"

static duk_context *ctx;

static void setup(void)
{
  ctx = petrel_vm_create();
  cr_assert_not_null(ctx);
}

static void teardown(void) { petrel_vm_destroy(ctx); }

static const char *const table[] = { "function", "Function", DUK_HIDDEN_SYMBOL("b") };
static char writable[] = "function";

Test(static_key, literals_and_static_tables_are_read_only)
{
  cr_assert(petrel_static_key_ok("function", 8));
  cr_assert(petrel_static_key_ok(table[0], strlen(table[0])));
  cr_assert(petrel_static_key_ok(table[1], strlen(table[1])));
  cr_assert(petrel_static_key_ok(table[2], strlen(table[2])));
  cr_assert(petrel_static_key_ok("", 0));
}

Test(static_key, changing_memory_is_not)
{
  char stack[] = "function";
  char *heap = strdup("function");
  cr_assert_not(petrel_static_key_ok(stack, 8), "a stack buffer");
  cr_assert_not(petrel_static_key_ok(heap, 8), "a heap block");
  cr_assert_not(petrel_static_key_ok(writable, 8), "a writable static array");
  cr_assert_not(petrel_static_key_ok(NULL, 0), "NULL");
  free(heap);
}

Test(static_key, a_string_from_duktape_is_not, .init = setup, .fini = teardown)
{
  duk_push_string(ctx, "function");
  const char *s = duk_get_string(ctx, -1);
  cr_assert_not(petrel_static_key_ok(s, strlen(s)));
  duk_pop(ctx);
}

/* Same-length names differing in case, through every call that uses the cache,
 * again after collections (which empty the cache): each gets its own string. */
Test(static_key, same_length_literals_get_their_own_strings, .init = setup, .fini = teardown)
{
  for (int round = 0; round < 3; round++) {
    duk_push_object(ctx);
    duk_push_int(ctx, 1);
    duk_put_prop_literal(ctx, -2, "function");
    duk_push_int(ctx, 2);
    petrel_put_prop_static(ctx, -2, table[1]);
    duk_get_prop_literal(ctx, -1, "Function");
    cr_assert_eq(duk_get_int(ctx, -1), 2);
    duk_pop(ctx);
    petrel_get_prop_static(ctx, -1, table[0]);
    cr_assert_eq(duk_get_int(ctx, -1), 1);
    duk_pop(ctx);
    double n = 0;
    if (duk_petrel_get_number_static(ctx, -1, "Function", 8, &n)) cr_assert_eq(n, 2);
    duk_pop(ctx);
    cr_assert_str_eq(duk_push_literal(ctx, "function"), "function");
    cr_assert_str_eq(petrel_push_static(ctx, table[1]), "Function");
    cr_assert_str_eq(duk_push_literal(ctx, "Function"), "Function");
    cr_assert_str_eq(petrel_push_static(ctx, table[0]), "function");
    duk_pop_n(ctx, 4);
    duk_gc(ctx, 0);
  }
}

/* What the reported bug needs: a key in a buffer whose bytes change. Stopped at once,
 * before the cache could answer "function" for "Function" at the same address. */
Test(static_key, a_stack_buffer_key_aborts, .init = setup, .fini = teardown, .signal = SIGABRT)
{
  char buf[9];
  memcpy(buf, "function", 9);
  petrel_push_static(ctx, buf);
  memcpy(buf, "Function", 9);
  petrel_push_static(ctx, buf);
}

Test(static_key, a_heap_key_aborts_on_a_property_read, .init = setup, .fini = teardown, .signal = SIGABRT)
{
  char *name = strdup("object");
  duk_push_object(ctx);
  petrel_get_prop_static(ctx, -1, name);
  free(name);
}
