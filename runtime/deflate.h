/* Raw DEFLATE encoder for a board's file store (runtime/deflate.c). */
#ifndef PETREL_DEFLATE_H
#define PETREL_DEFLATE_H
#include <stddef.h>

/* Compresses in[0..len) (len < 65535) into out (cap bytes); returns the compressed
 * size, or 0 if it does not fit in cap or the encoder's ~24 KB of tables cannot be
 * malloc'd. runtime/inflate.c's petrel_inflate reads the result. */
size_t petrel_deflate(const void *in, size_t len, void *out, size_t cap);

#endif
