/* What runtime/es_methods.c, es_array.c and es_object_string.c share: the methods'
 * C names (Duktape's generated ROM tables name them too), limits, and the helpers
 * that implement the specification's abstract operations. */
#ifndef PETREL_ES_INTERNAL_H
#define PETREL_ES_INTERNAL_H
#include <stddef.h>
#include "duktape.h"

/* The methods (global symbols: Duktape's generated ROM tables name them) */
duk_ret_t petrel_es_array_from(duk_context *ctx);
duk_ret_t petrel_es_array_of(duk_context *ctx);
duk_ret_t petrel_es_array_at(duk_context *ctx);
duk_ret_t petrel_es_array_copy_within(duk_context *ctx);
duk_ret_t petrel_es_array_fill(duk_context *ctx);
duk_ret_t petrel_es_array_find(duk_context *ctx);
duk_ret_t petrel_es_array_flat(duk_context *ctx);
duk_ret_t petrel_es_array_flat_map(duk_context *ctx);
duk_ret_t petrel_es_array_includes(duk_context *ctx);
duk_ret_t petrel_es_object_entries(duk_context *ctx);
duk_ret_t petrel_es_object_from_entries(duk_context *ctx);
duk_ret_t petrel_es_string_at(duk_context *ctx);
duk_ret_t petrel_es_string_pad(duk_context *ctx);
duk_ret_t petrel_es_string_trim_side(duk_context *ctx);
duk_ret_t petrel_es_string_replace_all(duk_context *ctx);
duk_ret_t petrel_es_math_onearg(duk_context *ctx);

#define MAX_SAFE 9007199254740991.0
/* V8's String::kMaxLength (64-bit): longer results are node's RangeError */
#define MAX_STRING_LENGTH 536870888.0
/* nested arrays flat() follows at most (a cycle with flat(Infinity) ends here) */
#define FLAT_MAX_DEPTH 1024

#define ITER_SYMBOL DUK_WELLKNOWN_SYMBOL("Symbol.iterator")

enum { IT_ITERATOR, IT_ARRAY, IT_STRING };
typedef struct {
  int kind;
  duk_idx_t src;  /* the iterable (array, string) or the iterator object */
  duk_idx_t next; /* the iterator's next method */
  double pos;     /* array: index; string: byte offset */
} es_iter;

double es_to_integer(duk_context *ctx, duk_idx_t idx);
double es_to_length(duk_context *ctx, duk_idx_t idx);
double es_relative_index(duk_context *ctx, duk_idx_t idx, double len, double dflt);
void es_require_this(duk_context *ctx, const char *what);
duk_idx_t es_push_this_object(duk_context *ctx, const char *what);
duk_idx_t es_push_this_string(duk_context *ctx, const char *what);
double es_length_of(duk_context *ctx, duk_idx_t obj);
void es_get_index(duk_context *ctx, duk_idx_t obj, double i);
int es_has_index(duk_context *ctx, duk_idx_t obj, double i);
void es_put_index(duk_context *ctx, duk_idx_t obj, double i);
void es_define_index(duk_context *ctx, duk_idx_t obj, double i);
const char *es_push_value_text(duk_context *ctx, duk_idx_t idx);
void es_require_callable(duk_context *ctx, duk_idx_t idx);
void es_poll_interrupt(duk_context *ctx, double step);
int es_same_value_zero(duk_context *ctx, duk_idx_t a, duk_idx_t b);
size_t es_char_bytes(const unsigned char *p, size_t avail);
int es_iter_open(duk_context *ctx, duk_idx_t idx, es_iter *it, int allow_none);
int es_iter_step(duk_context *ctx, es_iter *it);
void es_iter_close(duk_context *ctx, es_iter *it);

#endif
