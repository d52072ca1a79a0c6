/* Built-in JS modules embedded by tools/js2c.c. */
#ifndef PETREL_BUILTINS_H
#define PETREL_BUILTINS_H
#include <stddef.h>
#include <stdint.h>

typedef struct petrel_builtin_s {
  const char *name; /* "events", "internal/errors" */
  const char *source;
  size_t length; /* of the source text */
  size_t packed; /* 0: source is the text; else source holds this many bytes of raw
                    DEFLATE data that inflate to the text (js2c -z) */
} petrel_builtin;

extern const petrel_builtin petrel_builtins[]; /* ends with a zeroed entry */
/* The preset dictionary the packed modules were compressed with (js2c -d; empty
 * without one). */
extern const char petrel_builtin_dict[];
extern const size_t petrel_builtin_dict_len;
const petrel_builtin *petrel_builtin_find(const char *name);
#ifdef DUKTAPE_H_INCLUDED
/* Compiles head + the module's source + tail as a function expression (filename
 * "<name>.js") and pushes the function; throws on a syntax error. The text is
 * never a Duktape string: it is inflated (or copied) into one scratch buffer that
 * the compiler reads in place, so loading a module holds one copy of its source. */
void petrel_builtin_compile(duk_context *ctx, const petrel_builtin *b, const char *head, const char *tail);
/* A module: function (exports, require, module, process, global, E...) { text }, where
 * E are those of the n names in extra (n <= 32) that the text uses as identifiers:
 * a parameter costs every module's compiled function a slot, so a module gets only
 * its own. Pushes the function; returns the bit mask of the names given. */
uint64_t petrel_builtin_compile_module(duk_context *ctx, const petrel_builtin *b, const char *const *extra,
                                            int n);
#endif

#endif
