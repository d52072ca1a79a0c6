// sources: runtime/vm.c build/linux/duktape/duktape.c runtime/lightfunc_names.c runtime/es_methods.c runtime/es_array.c runtime/es_object_string.c runtime/iterators.c runtime/linetab.c runtime/es_species.c tests/unit/plat_file_none.c tests/unit/plat_console_none.c
// cflags: -Ibuild/linux/duktape -w -Dmalloc=board_malloc -Dcalloc=board_calloc -Drealloc=board_realloc -Dfree=board_free -Dmalloc_usable_size=board_usable_size
/* Out of heap as on a board (runtime/vm.c without PETREL_HEAP_LIMIT: malloc itself
 * fails, and the error reserve is two blocks held from the start). malloc here is a
 * board's RAM of `ram` bytes; a script fills it inside a try and must catch the coded
 * error, at every size of RAM in a range, so that the allocation that fails is each
 * time another one. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "duktape.h"
#include "platform.h"
#include "runtime.h"

/* The board's RAM: the real allocator, bounded. */
#undef malloc
#undef calloc
#undef realloc
#undef free
#undef malloc_usable_size
extern void *malloc(size_t);
extern void *calloc(size_t, size_t);
extern void *realloc(void *, size_t);
extern void free(void *);
extern size_t malloc_usable_size(void *);

static size_t ram, ram_used;

void *board_malloc(size_t size)
{
  if (ram && ram_used + size > ram) return NULL;
  void *p = malloc(size);
  if (p) ram_used += malloc_usable_size(p);
  return p;
}
void *board_calloc(size_t n, size_t size)
{
  if (size && n > SIZE_MAX / size) return NULL;
  void *p = board_malloc(n * size);
  if (p) memset(p, 0, n * size);
  return p;
}
void board_free(void *p)
{
  if (!p) return;
  ram_used -= malloc_usable_size(p);
  free(p);
}
void *board_realloc(void *p, size_t size)
{
  if (!p) return board_malloc(size);
  size_t old = malloc_usable_size(p);
  if (size > old && ram && ram_used + size - old > ram) return NULL;
  void *n = realloc(p, size);
  if (n) ram_used = ram_used - old + malloc_usable_size(n);
  return n;
}
size_t board_usable_size(void *p) { return malloc_usable_size(p); }

/* Objects with a few properties each (the emergency collection compacts every one),
 * kept in an array, until an allocation fails inside the try; the catch clause and
 * what follows it must run: the result is the error's code. */
static const char fill[] =
    "(function () {\n"
    "  var keep = [], err = null;\n"
    "  for (var i = 0; i < 1e6; i++) {\n"
    "    try { keep.push({ a: i, b: 'x' + i, c: [i] }); } catch (e) { err = e; break; }\n"
    "  }\n"
    "  keep = null;\n"
    "  return err ? String(err.code) + ' ' + err.message : 'never ran out';\n"
    "})()";

Test(vm_board, out_of_ram_is_always_the_coded_error_caught_by_js)
{
  unsetenv("PETREL_HEAP_LIMIT");
  ram = 0;
  size_t before = ram_used;
  duk_context *ctx = petrel_vm_create();
  cr_assert_not_null(ctx);
  size_t heap = ram_used - before; /* a new heap's */
  petrel_vm_destroy(ctx);
  int bad = 0, runs = 0;
  char first[300] = "";
  /* RAM for the new heap and 40 to 140 KB more (what lives outside the heap, from
   * the start, is counted in ram_used already). */
  for (size_t r = heap + 40000; r < heap + 140000; r += 499, runs++) {
    ram = ram_used + r;
    ctx = petrel_vm_create();
    cr_assert_not_null(ctx, "no heap in %zu bytes", r);
    const char *got;
    char buf[300];
    if (duk_peval_string(ctx, fill) != 0) {
      snprintf(buf, sizeof buf, "uncaught: %s", duk_safe_to_string(ctx, -1));
      got = buf;
    } else {
      got = duk_safe_to_string(ctx, -1);
    }
    if (strcmp(got, "ERR_MEMORY_ALLOCATION_FAILED alloc failed") != 0) {
      if (!bad) snprintf(first, sizeof first, "RAM %zu: %s", r, got);
      bad++;
    }
    duk_pop(ctx);
    ram = 0;
    petrel_vm_destroy(ctx);
  }
  cr_assert_eq(bad, 0, "%d of %d sizes of RAM ended otherwise; the first, %s", bad, runs, first);
}
