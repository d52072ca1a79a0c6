/* Node's names for light functions (runtime/lightfunc_names.c). */
#ifndef PETREL_LIGHTFUNC_NAMES_H
#define PETREL_LIGHTFUNC_NAMES_H
#include "duktape.h"

/* A light function has no object to hold a name,
 * so Duktape asks runtime/lightfunc_names.c (tools/duktape_patch.py, edit 7), which
 * looks the C function and magic up in the tables each file declares where it makes
 * them, with one of the macros below: constant data (flash on a board), nothing per
 * function in the heap. A function found nowhere keeps Duktape's "light_<addr>_<flags>". */
typedef struct {
  const char *name; /* NULL ends a table */
  duk_c_function fn;
  int magic;
} petrel_lf_name;
typedef struct {
  const duk_function_list_entry *list; /* a list petrel_put_functions puts (magic 0) */
  const petrel_lf_name *names;
  const char *(*lookup)(duk_c_function fn, int magic); /* names by magic from the file's own tables */
} petrel_lf_names;
/* Every declaration goes to one linker section, which the lookup walks. */
#define PETREL_LIGHTFUNC_SECTION_ __attribute__((used, section("petrel_lfnames"), aligned(sizeof(void *))))
#define PETREL_LIGHTFUNC_LIST(id, l) \
  static const petrel_lf_names petrel_lfn_list_##id PETREL_LIGHTFUNC_SECTION_ = { l, NULL, NULL }
#define PETREL_LIGHTFUNC_NAMES(id, n) \
  static const petrel_lf_names petrel_lfn_names_##id PETREL_LIGHTFUNC_SECTION_ = { NULL, n, NULL }
#define PETREL_LIGHTFUNC_LOOKUP(id, f) \
  static const petrel_lf_names petrel_lfn_lookup_##id PETREL_LIGHTFUNC_SECTION_ = { NULL, NULL, f }
const char *petrel_lightfunc_name(duk_c_function fn, int magic);

/* Every light function the runtime pushes goes through petrel_push_lightfunc, which
 * checks, when PETREL_CHECK_LIGHTFUNC_NAMES is set in the environment (the JS and
 * conformance runners set it), that the tables above name it: a function missing from
 * them fails the test with an Error giving its address and magic, instead of showing
 * "light_<addr>_<flags>" in a stack frame. */
duk_idx_t petrel_push_lightfunc(duk_context *ctx, duk_c_function fn, duk_idx_t nargs, duk_idx_t length,
                                duk_int_t magic);
#ifndef PETREL_LIGHTFUNC_NAMES_IMPL
#define duk_push_c_lightfunc(ctx, fn, nargs, length, magic) petrel_push_lightfunc(ctx, fn, nargs, length, magic)
#endif

#endif
