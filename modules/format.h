/* util.format and the primitive printer (modules/format.c), shared with the
 * Console methods (modules/console_binding.c). */
#ifndef PETREL_FORMAT_H
#define PETREL_FORMAT_H
#include "duktape.h"

/* Keeps the built-in loader (bootstrap's require) and the original parseInt and
 * parseFloat; called when the console binding is made, before any user code. */
void format_init(duk_context *ctx);
void format_set_require(duk_context *ctx, duk_idx_t idx);
/* require(id) of a built-in module: [...] -> [... exports] */
void format_require(duk_context *ctx, const char *id);
/* util.format of the values at [from, end): [...] -> [... string]. opts is the
 * index of formatWithOptions' options, or -1 for none. */
void format_values(duk_context *ctx, duk_idx_t opts, duk_idx_t from, duk_idx_t end);
/* require('internal/inspect').inspect(value at idx[, options at opts]) -> [... string] */
void format_inspect(duk_context *ctx, duk_idx_t idx, duk_idx_t opts);

/* util.inspect(v) of a primitive: [...] -> [... string] */
void format_inspect_primitive(duk_context *ctx, duk_idx_t idx);
/* util.inspect.defaultOptions (one object, made on first use): [...] -> [... defaults] */
void format_push_inspect_defaults(duk_context *ctx);

duk_ret_t format_js(duk_context *ctx);              /* util.format(...args) */
duk_ret_t format_with_options_js(duk_context *ctx); /* util.formatWithOptions(opts, ...args) */
/* internal/primitive's exports: [...] -> [... object] */
void format_push_primitive(duk_context *ctx);

#endif
