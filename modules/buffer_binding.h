/*
 * What the C files of Buffer share (buffer_binding.c: the statics and the
 * prototypes; buffer_methods.c: Buffer.prototype's methods; buffer_numbers.c:
 * readX/writeX). Errors are made by buffer.js's fail(kind, name, value, a, b)
 * (the wording of every Buffer message stays in JS); the kinds are below.
 */
#ifndef PETREL_BUFFER_BINDING_H
#define PETREL_BUFFER_BINDING_H
#include <stddef.h>
#include <stdint.h>
#include "duktape.h"

enum {
  BF_TYPE,        /* ERR_INVALID_ARG_TYPE: "name" must be of type expected (number if none) */
  BF_INTEGER,     /* ERR_OUT_OF_RANGE: must be an integer */
  BF_RANGE,       /* ERR_OUT_OF_RANGE: >= a and <= b */
  BF_BOUNDS,      /* ERR_BUFFER_OUT_OF_BOUNDS, no name */
  BF_RANGE_S,     /* ERR_OUT_OF_RANGE: >= -(2 ** a) and < 2 ** a */
  BF_RANGE_U,     /* ERR_OUT_OF_RANGE: >= 0 and < 2 ** a */
  BF_SWAP,        /* ERR_INVALID_BUFFER_SIZE: a multiple of a bits */
  BF_RANGE_AND,   /* ERR_OUT_OF_RANGE: >= a && <= b */
  BF_RANGE_MIN,   /* ERR_OUT_OF_RANGE: >= a */
  BF_BOUNDS_NAME, /* ERR_BUFFER_OUT_OF_BOUNDS: "name" is outside of buffer bounds */
  BF_ENCODING,    /* ERR_UNKNOWN_ENCODING */
  BF_NOT_STRING,  /* ERR_INVALID_ARG_TYPE: argument must be a string */
  BF_FILL_VALUE,  /* ERR_INVALID_ARG_VALUE: a fill value that encodes to no bytes */
  BF_ARRAY_LEN,   /* RangeError: Invalid typed array length */
  BF_START,       /* RangeError: Start offset is outside the bounds of the buffer */
  BF_INDEX,       /* ERR_OUT_OF_RANGE: Index out of range */
  BF_FIRST_ARG    /* ERR_INVALID_ARG_TYPE: Buffer.from's first argument */
};

/* Throws fail(kind, name, the value at idx, a or expected, b). */
duk_ret_t petrel_buffer_fail(duk_context *ctx, int kind, const char *name, duk_idx_t idx, const char *expected,
                             double a, double b);
/* The bytes of the value at idx (a Buffer, typed array, ArrayBuffer, DataView); TypeError if none. */
uint8_t *petrel_buffer_bytes(duk_context *ctx, duk_idx_t idx, size_t *len);
/* The bytes of this; TypeError if none. */
uint8_t *petrel_buffer_this(duk_context *ctx, size_t *len);
/* Pushes a new zero-filled Buffer of n bytes (n at most the maximum length). */
uint8_t *petrel_buffer_push_new(duk_context *ctx, size_t n);
/* Makes the plain buffer on the stack top a Buffer over all its n bytes. */
void petrel_buffer_wrap_top(duk_context *ctx, size_t n);
/* Gives the object on the stack top Buffer.prototype. */
void petrel_buffer_set_proto(duk_context *ctx);
/* Pushes the string that bytes [b, b + len) decode to in enc. */
void petrel_buffer_push_decoded(duk_context *ctx, const uint8_t *b, size_t len, int enc);
/* Is the value at idx a Buffer / a Uint8Array / an ArrayBuffer (instanceof) / a view (ArrayBuffer.isView)? */
int petrel_buffer_is_buffer(duk_context *ctx, duk_idx_t idx);
/* Buffer.isBuffer(v) (util.isBuffer is the same light function: 1 argument, magic 0) */
duk_ret_t petrel_buffer_is_buffer_js(duk_context *ctx);
int petrel_buffer_is_u8(duk_context *ctx, duk_idx_t idx);
int petrel_buffer_is_array_buffer(duk_context *ctx, duk_idx_t idx);
int petrel_buffer_is_view(duk_context *ctx, duk_idx_t idx);
/* Node's getEncodingOps (any value, case-insensitive) and normalizeEncoding
 * (undefined, null, '' are utf8; a non-string is -1): PB_* or -1. */
int petrel_buffer_encoding_of(duk_context *ctx, duk_idx_t idx);
int petrel_buffer_normalize_encoding(duk_context *ctx, duk_idx_t idx);
/* Node's validateOffset: the value at idx is an integer in [min, max]. */
double petrel_buffer_check_int(duk_context *ctx, duk_idx_t idx, const char *name, double min, double max);
/* Node's fill(value, offset, end, encoding) on the Buffer at buf (arguments at their indices). */
void petrel_buffer_fill(duk_context *ctx, duk_idx_t buf, duk_idx_t value, duk_idx_t offset, duk_idx_t end,
                        duk_idx_t encoding);
/* Puts the methods of Buffer.prototype (buffer_methods.c, buffer_numbers.c) on the object at idx. */
void petrel_buffer_put_methods(duk_context *ctx, duk_idx_t proto);
void petrel_buffer_put_number_methods(duk_context *ctx, duk_idx_t proto);

#if defined(DUK_USE_BUFLEN16)
#define PB_MAX_BUFFER 0xffffUL
#else
#define PB_MAX_BUFFER 0x7ffffffeUL
#endif
#endif
