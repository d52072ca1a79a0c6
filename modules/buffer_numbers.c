/*
 * Buffer's number methods: readUInt8 ... writeDoubleBE (36 of them, plus the
 * readUint* / writeUint* aliases) and swap16/32/64, as Duktape light functions.
 *
 * Why C: written in JS they were ~60 functions, and every JS function costs
 * Duktape ~350 bytes of heap however small it is (boards/mps2-an385/README.md).
 * A light function is an 8-byte value; one C function serves all the methods,
 * told apart by its "magic" byte (the layout below). Node's checks are made in
 * Node's order, and the errors are made by buffer.js (the fail function it
 * registers), so every Buffer message is still written in one place.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "lightfunc_names.h"
#include "duktape.h"
#include "buffer_codec.h"
#include "buffer_binding.h"

/* Magic byte: bits 0-3 the width in bytes (0: a byteLength argument says),
 * then signed, little-endian, IEEE float/double, write. */
#define M_SIZE   0x0f
#define M_SIGNED 0x10
#define M_LE     0x20
#define M_FLOAT  0x40
#define M_WRITE  0x80

/* Error kinds (buffer_binding.h) */
#define FAIL_TYPE    BF_TYPE
#define FAIL_INTEGER BF_INTEGER
#define FAIL_RANGE   BF_RANGE
#define FAIL_BOUNDS  BF_BOUNDS
#define FAIL_RANGE_S BF_RANGE_S
#define FAIL_RANGE_U BF_RANGE_U
#define FAIL_SWAP    BF_SWAP

/* Floats and doubles are copied through a little-endian scratch with memcpy. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "buffer_numbers.c assumes a little-endian host"
#endif

#define TWO_32 4294967296.0

/* Throws the error buffer.js makes for (kind, name, the value at idx, a, b). */
static duk_ret_t fail(duk_context *ctx, int kind, const char *name, duk_idx_t idx, double a, double b)
{
  return petrel_buffer_fail(ctx, kind, name, idx, NULL, a, b);
}

/* Node's boundsError: the value at idx was not a valid index in [first, last]. */
static duk_ret_t bounds_error(duk_context *ctx, duk_idx_t idx, const char *name, double first, double last)
{
  double d;
  if (!duk_is_number(ctx, idx)) return fail(ctx, FAIL_TYPE, name, idx, 0, 0);
  d = duk_get_number(ctx, idx);
  if (floor(d) != d) return fail(ctx, FAIL_INTEGER, name, idx, 0, 0); /* NaN too */
  if (last < 0) return fail(ctx, FAIL_BOUNDS, name, idx, 0, 0);
  return fail(ctx, FAIL_RANGE, name, idx, first, last);
}

/* Node's checkBounds: the offset at idx is a number and [offset, offset + size) lies in len bytes. */
static size_t check_offset(duk_context *ctx, duk_idx_t idx, size_t len, size_t size)
{
  double d;
  if (!duk_is_number(ctx, idx)) (void)fail(ctx, FAIL_TYPE, "offset", idx, 0, 0);
  d = duk_get_number(ctx, idx);
  if (d >= 0 && d == floor(d) && size <= len && d <= (double)(len - size)) return (size_t)d;
  (void)bounds_error(ctx, idx, "offset", 0, (double)len - (double)size);
  return 0; /* not reached */
}

/* A byteLength argument: an integer from 1 to 6. */
static size_t check_byte_length(duk_context *ctx, duk_idx_t idx)
{
  double d = duk_is_number(ctx, idx) ? duk_get_number(ctx, idx) : 0;
  if (d >= 1 && d <= 6 && d == floor(d)) return (size_t)d;
  (void)bounds_error(ctx, idx, "byteLength", 1, 6);
  return 0; /* not reached */
}

/* ECMAScript's ToUint32 of a number (what >>> 0 and typed-array stores do). */
static uint32_t to_uint32(duk_context *ctx, double d)
{
  uint32_t u;
  duk_push_number(ctx, d);
  u = (uint32_t)duk_to_uint32(ctx, -1);
  duk_pop(ctx);
  return u;
}

/* Little-endian bytes of a value as Node writes them: the low 32 bits through
 * ToUint32, the bits above (widths 5 and 6) from floor(value / 2 ** 32). */
static void put_int(duk_context *ctx, uint8_t *le, double value, size_t size)
{
  uint32_t lo = to_uint32(ctx, value), hi = size > 4 ? to_uint32(ctx, floor(value / TWO_32)) : 0;
  size_t i;
  for (i = 0; i < size; i++) le[i] = (uint8_t)(i < 4 ? lo >> (8 * i) : hi >> (8 * (i - 4)));
}

/* 2 ** (8 * size - 1): half the span of a size-byte integer. */
static double half_span(size_t size)
{
  double v = 128;
  while (--size) v *= 256;
  return v;
}

/* Copies size bytes between the buffer and a little-endian scratch (the same
 * loop both ways: reversing the order is its own inverse). */
static void copy_ordered(uint8_t *dst, const uint8_t *src, size_t size, int le)
{
  size_t i;
  for (i = 0; i < size; i++) dst[i] = src[le ? i : size - 1 - i];
}

static uint8_t *this_bytes(duk_context *ctx, size_t *len) { return petrel_buffer_this(ctx, len); }

/* readX(offset) / readX(offset, byteLength): args 0 and 1. */
static duk_ret_t read_number(duk_context *ctx, int m)
{
  size_t size = (size_t)(m & M_SIZE), off, len;
  const uint8_t *b = this_bytes(ctx, &len);
  uint8_t le[8];
  double v = 0;
  if (size == 0) {
    if (duk_is_undefined(ctx, 0)) return fail(ctx, FAIL_TYPE, "offset", 0, 0, 0);
    size = check_byte_length(ctx, 1);
  } else if (duk_is_undefined(ctx, 0)) {
    duk_push_int(ctx, 0);
    duk_replace(ctx, 0);
  }
  off = check_offset(ctx, 0, len, size);
  copy_ordered(le, b + off, size, m & M_LE);
  if (m & M_FLOAT) {
    if (size == 4) {
      float f;
      memcpy(&f, le, sizeof f);
      v = f;
    } else {
      memcpy(&v, le, sizeof v);
    }
  } else {
    size_t i = size;
    while (i--) v = v * 256 + le[i];
    if ((m & M_SIGNED) && v >= half_span(size)) v -= 2 * half_span(size);
  }
  duk_push_number(ctx, v);
  return 1;
}

/* The range of a size-byte integer, or throws Node's message for value (at idx 0). */
static void check_int_range(duk_context *ctx, double value, size_t size, int is_signed)
{
  double span = 2 * half_span(size), min = is_signed ? -span / 2 : 0, max = min + span - 1;
  if (!(value > max || value < min)) return; /* NaN passes, as in Node */
  if (size <= 4) (void)fail(ctx, FAIL_RANGE, "value", 0, min, max);
  (void)fail(ctx, is_signed ? FAIL_RANGE_S : FAIL_RANGE_U, "value", 0, (double)(8 * size - (is_signed ? 1 : 0)), 0);
}

/* writeX(value, offset) / writeX(value, offset, byteLength): args 0, 1, 2. */
static duk_ret_t write_number(duk_context *ctx, int m)
{
  size_t size = (size_t)(m & M_SIZE), off, len;
  uint8_t le[8], *b;
  double value;
  if (size == 0) {
    size = check_byte_length(ctx, 2); /* before the value is even looked at */
  } else if (duk_is_undefined(ctx, 1)) {
    duk_push_int(ctx, 0);
    duk_replace(ctx, 1);
  }
  value = duk_to_number(ctx, 0); /* may call valueOf(); once */
  if (m & M_FLOAT) {
    float f = (float)value;
    if (size == 4)
      memcpy(le, &f, sizeof f);
    else
      memcpy(le, &value, sizeof value);
  } else {
    /* Node checks a 1-byte write's offset type before the value's range, wider ones after. */
    if (size == 1 && !duk_is_number(ctx, 1)) return fail(ctx, FAIL_TYPE, "offset", 1, 0, 0);
    check_int_range(ctx, value, size, m & M_SIGNED);
    put_int(ctx, le, value, size);
  }
  b = this_bytes(ctx, &len); /* after valueOf() ran, as in Node */
  off = check_offset(ctx, 1, len, size);
  copy_ordered(b + off, le, size, m & M_LE);
  duk_push_number(ctx, (double)(off + size));
  return 1;
}

static duk_ret_t buffer_number(duk_context *ctx)
{
  int m = duk_get_current_magic(ctx) & 0xff;
  return (m & M_WRITE) ? write_number(ctx, m) : read_number(ctx, m);
}

/* swap16/32/64(): magic is the group size in bytes. */
static duk_ret_t buffer_swap(duk_context *ctx)
{
  size_t size = (size_t)duk_get_current_magic(ctx), len;
  uint8_t *b = this_bytes(ctx, &len);
  if (len % size) return fail(ctx, FAIL_SWAP, "", 0, (double)(size * 8), 0);
  if (len) pb_swap(b, len, size);
  duk_push_this(ctx);
  return 1;
}

/* Appends the method's name for magic m to out: read|write, then UInt|Int|Float|Double,
 * the width in bits (fixed-width integers), LE|BE (all but 8-bit ones). */
static void method_name(char *out, int m, const char *uint)
{
  static const char *const bits[] = { "", "8", "16", "", "32" };
  size_t size = (size_t)(m & M_SIZE);
  strcpy(out, m & M_WRITE ? "write" : "read");
  if (m & M_FLOAT)
    strcat(out, size == 4 ? "Float" : "Double");
  else
    strcat(strcat(out, m & M_SIGNED ? "Int" : uint), bits[size]);
  if (size != 1) strcat(out, m & M_LE ? "LE" : "BE");
}

/* Node's names (lightfunc_names.h): readUint8 is readUInt8, as in Node (one function). */
static const char *number_name(duk_c_function fn, int magic)
{
  static char name[20];
  if (fn == buffer_number) {
    method_name(name, magic & 0xff, "UInt");
    return name;
  }
  if (fn != buffer_swap) return NULL;
  return magic == 2 ? "swap16" : magic == 4 ? "swap32" : "swap64";
}
PETREL_LIGHTFUNC_LOOKUP(buffer_numbers, number_name);

static void put_method(duk_context *ctx, duk_idx_t proto, duk_c_function fn, const char *name, int nargs, int length,
                       int magic)
{
  duk_push_c_lightfunc(ctx, fn, nargs, length, (duk_int_t)(int8_t)magic);
  duk_put_prop_string(ctx, proto, name);
}

/* Puts the methods on Buffer.prototype (at proto). */
void petrel_buffer_put_number_methods(duk_context *ctx, duk_idx_t proto)
{
  /* Width and signedness of each integer/float kind; each comes as read and write, LE and BE. */
  static const uint8_t kinds[] = { 1, 1 | M_SIGNED, 2,           2 | M_SIGNED, 4, 4 | M_SIGNED,
                                   0, 0 | M_SIGNED, 4 | M_FLOAT, 8 | M_FLOAT };
  char name[20];
  size_t k;
  int order, write;
  proto = duk_normalize_index(ctx, proto);
  for (write = 0; write <= M_WRITE; write += M_WRITE) {
    for (k = 0; k < sizeof kinds; k++) {
      for (order = 0; order <= M_LE; order += M_LE) {
        int m = kinds[k] | order | write, variable = (kinds[k] & M_SIZE) == 0;
        /* Node's lengths: fixed widths have a default offset, so readX.length is 0 and writeX.length 1. */
        int length = (write ? 1 : 0) + (variable ? 2 : 0);
        if ((kinds[k] & M_SIZE) == 1 && order) continue; /* no LE/BE for one byte */
        method_name(name, m, "UInt");
        put_method(ctx, proto, buffer_number, name, 3, length, m);
        if (!(m & (M_SIGNED | M_FLOAT))) {
          method_name(name, m, "Uint");
          put_method(ctx, proto, buffer_number, name, 3, length, m);
        }
      }
    }
  }
  put_method(ctx, proto, buffer_swap, "swap16", 1, 0, 2); /* 1 argument: fail() reads index 0 */
  put_method(ctx, proto, buffer_swap, "swap32", 1, 0, 4);
  put_method(ctx, proto, buffer_swap, "swap64", 1, 0, 8);
}
