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

static int ident_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         (unsigned char)c >= 0x80;
}

/* Which of the names occur in text as whole identifiers (in a string or a comment
 * too: then the module merely gets a parameter it does not use). */
static uint64_t names_used(const char *text, size_t len, const char *const *names, int n)
{
  uint64_t used = 0;
  for (size_t i = 0; i < len; i++) {
    if (!ident_char(text[i]) || (i > 0 && ident_char(text[i - 1]))) continue;
    size_t end = i;
    while (end < len && ident_char(text[end])) end++;
    for (int k = 0; k < n; k++)
      if (strlen(names[k]) == end - i && memcmp(names[k], text + i, end - i) == 0) used |= (uint64_t)1 << k;
    i = end;
  }
  return used;
}

static const char module_head[] = "function (exports, require, module, process, global";

uint64_t petrel_builtin_compile_module(duk_context *ctx, const petrel_builtin *b, const char *const *extra,
                                            int n)
{
  /* Room for the longest head before the text; the real one is written just before it. */
  size_t room = sizeof module_head + 4, tl = 2;
  for (int k = 0; k < n; k++) room += 2 + strlen(extra[k]);
  char *text = duk_push_fixed_buffer(ctx, room + b->length + tl);
  if (!b->packed)
    memcpy(text + room, b->source, b->length);
  else if (petrel_inflate_dict(b->source, b->packed, text + room, b->length, petrel_builtin_dict,
                                   petrel_builtin_dict_len) != 0)
    (void)duk_error(ctx, DUK_ERR_ERROR, "built-in module %s is corrupt", b->name);
  memcpy(text + room + b->length, "\n}", tl);
  uint64_t used = names_used(text + room, b->length, extra, n);
  size_t hl = sizeof module_head - 1;
  for (int k = 0; k < n; k++)
    if (used & ((uint64_t)1 << k)) hl += 2 + strlen(extra[k]);
  hl += 3;
  char *h = text + room - hl;
  memcpy(h, module_head, sizeof module_head - 1);
  h += sizeof module_head - 1;
  for (int k = 0; k < n; k++) {
    if (!(used & ((uint64_t)1 << k))) continue;
    size_t l = strlen(extra[k]);
    memcpy(h, ", ", 2);
    memcpy(h + 2, extra[k], l);
    h += 2 + l;
  }
  memcpy(h, ") {", 3);
  duk_push_sprintf(ctx, "%s.js", b->name);
  petrel_compiling_builtin = 1;
  duk_int_t rc =
      duk_pcompile_lstring_filename(ctx, DUK_COMPILE_FUNCTION, text + room - hl, hl + b->length + tl);
  petrel_compiling_builtin = 0;
  if (rc != 0) (void)duk_throw(ctx);
  duk_remove(ctx, -2); /* the scratch text */
  return used;
}

void petrel_builtin_compile(duk_context *ctx, const petrel_builtin *b, const char *head, const char *tail)
{
  size_t hl = strlen(head), tl = strlen(tail), n = hl + b->length + tl;
  char *text = duk_push_fixed_buffer(ctx, n);
  memcpy(text, head, hl);
  if (!b->packed)
    memcpy(text + hl, b->source, b->length);
  else if (petrel_inflate_dict(b->source, b->packed, text + hl, b->length, petrel_builtin_dict,
                                   petrel_builtin_dict_len) != 0)
    (void)duk_error(ctx, DUK_ERR_ERROR, "built-in module %s is corrupt", b->name);
  memcpy(text + hl + b->length, tail, tl);
  duk_push_sprintf(ctx, "%s.js", b->name);
  petrel_compiling_builtin = 1;
  duk_int_t rc = duk_pcompile_lstring_filename(ctx, DUK_COMPILE_FUNCTION, text, n);
  petrel_compiling_builtin = 0;
  if (rc != 0) (void)duk_throw(ctx);
  duk_remove(ctx, -2); /* the scratch text */
}
