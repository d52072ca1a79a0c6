/* The built-in JS modules (the .js files of modules/ and runtime/js/, embedded by
 * tools/js2c.c): found by name and compiled from the binary's text (builtins.h). */
#include <string.h>
#include "runtime.h"
#include "builtins.h"
#include "inflate.h"

const petrel_builtin *petrel_builtin_find(const char *name)
{
  for (const petrel_builtin *b = petrel_builtins; b->name; b++)
    if (strcmp(b->name, name) == 0) return b;
  return NULL;
}

int petrel_compiling_builtin; /* see runtime/duk_config_common.h */

void petrel_builtin_compile(duk_context *ctx, const petrel_builtin *b, const char *head, const char *tail)
{
  size_t hl = strlen(head), tl = strlen(tail), n = hl + b->length + tl;
  char *text = duk_push_fixed_buffer(ctx, n);
  memcpy(text, head, hl);
  if (!b->packed)
    memcpy(text + hl, b->source, b->length);
  else if (petrel_inflate(b->source, b->packed, text + hl, b->length) != 0)
    (void)duk_error(ctx, DUK_ERR_ERROR, "built-in module %s is corrupt", b->name);
  memcpy(text + hl + b->length, tail, tl);
  duk_push_sprintf(ctx, "%s.js", b->name);
  petrel_compiling_builtin = 1;
  duk_int_t rc = duk_pcompile_lstring_filename(ctx, DUK_COMPILE_FUNCTION, text, n);
  petrel_compiling_builtin = 0;
  if (rc != 0) (void)duk_throw(ctx);
  duk_remove(ctx, -2); /* the scratch text */
}
