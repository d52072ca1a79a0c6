/*
 * Duktape built-ins this board compiles out (duk_config_board.h: no CBOR, Proxy,
 * performance, Duktape.Thread, TextEncoder/TextDecoder). The stock duktape.c's table of built-in functions
 * was generated for the full set and still names them, so each gets a stand-in
 * that throws TypeError ("unsupported"). The objects (CBOR, Proxy, ...) still
 * exist; calling them fails. Removing them for real needs a configure.py build.
 */
#include "duktape.h"

#define OMITTED(name) \
  duk_ret_t name(duk_context *ctx); \
  duk_ret_t name(duk_context *ctx) { return duk_type_error(ctx, "unsupported on this board"); }

OMITTED(duk_bi_cbor_decode)
OMITTED(duk_bi_cbor_encode)
OMITTED(duk_bi_performance_now)
OMITTED(duk_bi_proxy_constructor)
OMITTED(duk_bi_thread_constructor)
OMITTED(duk_bi_thread_current)
OMITTED(duk_bi_thread_resume)
OMITTED(duk_bi_thread_yield)
OMITTED(duk_bi_textdecoder_constructor)
OMITTED(duk_bi_textdecoder_prototype_decode)
OMITTED(duk_bi_textdecoder_prototype_shared_getter)
OMITTED(duk_bi_textencoder_constructor)
OMITTED(duk_bi_textencoder_prototype_encode)
OMITTED(duk_bi_textencoder_prototype_encoding_getter)
