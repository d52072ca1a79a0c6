/* Node's names for the runtime's light functions: Duktape asks here when a script
 * reads a light function's `name`, turns one into a string or prints a stack frame
 * (tools/duktape_patch.py, edit 7). The tables are the ones each file declares with
 * PETREL_LIGHTFUNC_LIST/NAMES/LOOKUP (lightfunc_names.h), gathered in one linker section:
 * constant data, so a light function still costs nothing in the heap. */
#define PETREL_LIGHTFUNC_NAMES_IMPL /* the real duk_push_c_lightfunc here */
#include <stdint.h>
#include <stdlib.h>
#include "lightfunc_names.h"

/* The linker's bounds of the section; weak, so that a program without any table
 * (a unit test linking Duktape alone) has none instead of failing to link. */
extern const petrel_lf_names __start_petrel_lfnames[] __attribute__((weak));
extern const petrel_lf_names __stop_petrel_lfnames[] __attribute__((weak));
/* Duktape's own built-in methods that a ROM build keeps as light functions
 * (boards/mps2-an385/board.mk: --rom-auto-lightfunc): genbuiltins writes the lookup
 * beside the ROM objects (tools/duktape_configure.py): a method's name is its key
 * there. Absent (NULL) elsewhere. */
extern const char *petrel_rom_lightfunc_name(duk_c_function fn, int magic) __attribute__((weak));

const char *petrel_lightfunc_name(duk_c_function fn, int magic)
{
  /* The files' own names first: a binding's list may hold a function under the
   * binding's key, where Node names it otherwise. */
  for (const petrel_lf_names *t = __start_petrel_lfnames; t < __stop_petrel_lfnames; t++) {
    if (t->lookup) {
      const char *name = t->lookup(fn, magic);
      if (name) return name;
    } else if (t->names) {
      for (const petrel_lf_name *n = t->names; n->name; n++)
        if (n->fn == fn && n->magic == magic) return n->name;
    }
  }
  if (magic == 0) {
    for (const petrel_lf_names *t = __start_petrel_lfnames; t < __stop_petrel_lfnames; t++) {
      if (!t->list) continue;
      for (const duk_function_list_entry *l = t->list; l->key; l++)
        if (l->value == fn) return l->key;
    }
  }
  if (petrel_rom_lightfunc_name) return petrel_rom_lightfunc_name(fn, magic);
  return NULL;
}

/* Whether fn/magic is one of Duktape's built-in methods kept as a ROM light function:
 * `new` on one is a TypeError, as on node (tools/duktape_patch.py, edit 12). */
int petrel_lightfunc_is_rom_method(duk_c_function fn, int magic);
int petrel_lightfunc_is_rom_method(duk_c_function fn, int magic)
{
  return petrel_rom_lightfunc_name && petrel_rom_lightfunc_name(fn, magic) != NULL;
}

duk_idx_t petrel_push_lightfunc(duk_context *ctx, duk_c_function fn, duk_idx_t nargs, duk_idx_t length,
                                duk_int_t magic)
{
  static int check = -1;
  if (check < 0) check = getenv("PETREL_CHECK_LIGHTFUNC_NAMES") != NULL;
  if (check && !petrel_lightfunc_name(fn, (int)magic)) {
    (void)duk_error(ctx, DUK_ERR_ERROR, "light function 0x%lx (magic %d) has no name: add it to its file's table "
                    "(runtime/lightfunc_names.h)", (unsigned long)(uintptr_t)fn, (int)magic);
  }
  return duk_push_c_lightfunc(ctx, fn, nargs, length, magic);
}
