/* Deep equality in C (modules/assert_compare.c), for assert and util.isDeepStrictEqual. */
#ifndef PETREL_ASSERT_COMPARE_H
#define PETREL_ASSERT_COMPARE_H
#include "duktape.h"

/* deepEqual(a, b) as Node's assert: loose (==, prototypes ignored) or strict. */
int assert_deep_equal(duk_context *ctx, duk_idx_t a, duk_idx_t b, int strict);
/* the assert binding's deepEqual(a, b, strict), a light function */
duk_ret_t assert_deep_equal_js(duk_context *ctx);

#endif
