/* Built-in JS modules embedded by tools/js2c.c. */
#ifndef PETREL_BUILTINS_H
#define PETREL_BUILTINS_H
#include <stddef.h>

typedef struct {
  const char *name; /* "events", "internal/errors" */
  const char *source;
  size_t length;
} petrel_builtin;

extern const petrel_builtin petrel_builtins[]; /* ends with a zeroed entry */
const petrel_builtin *petrel_builtin_find(const char *name);

#endif
