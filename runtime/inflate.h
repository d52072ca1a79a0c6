/* Raw DEFLATE decoder for built-in JS stored compressed (runtime/inflate.c). */
#ifndef PETREL_INFLATE_H
#define PETREL_INFLATE_H
#include <stddef.h>

/* Decodes in[0..in_len) into exactly out_len bytes; 0 on success, -1 if the
 * data is corrupt or does not decode to out_len bytes. */
int petrel_inflate(const void *in, size_t in_len, void *out, size_t out_len);
/* The same with a preset dictionary: data that may refer back up to dict_len bytes
 * before out[0], into the end of dict (js2c -d). */
int petrel_inflate_dict(const void *in, size_t in_len, void *out, size_t out_len, const void *dict,
                        size_t dict_len);

#endif
