/* The CommonJS loader in C (#17): Module (a native constructor whose prototype
 * and _extensions hold light functions), each module's require (a native
 * function bound to its module: require.resolve, .cache, .main), loadModule,
 * and the entry points main.c calls (runMain, runEval, runRepl). Node's rules:
 * a module is cached before it runs (cycles see its exports so far) and dropped
 * again if it throws; module.exports may be replaced; JSON modules; the
 * wrapper's five arguments. The file lookup is module_resolve.c's. */
#include <string.h>
#include <stdlib.h>
#include "runtime.h"
#include "builtins.h"
#include "platform.h"

#define MODULE_KEY DUK_HIDDEN_SYMBOL("Module")
#define MAIN_KEY   DUK_HIDDEN_SYMBOL("mainModule")
#define OWNER_KEY  DUK_HIDDEN_SYMBOL("module") /* on a require function: its module */

#include "module_wrapper.h"

static const char wrapper_head[] = PETREL_WRAPPER_HEAD;

static void push_stashed(duk_context *ctx, const char *key)
{
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, key);
  duk_remove(ctx, -2);
}

/* Module._cache, as the loader reads it each time (a script may replace it) */
static void push_cache(duk_context *ctx)
{
  push_stashed(ctx, MODULE_KEY);
  duk_get_prop_literal(ctx, -1, "_cache");
  duk_remove(ctx, -2);
}

/* core.<name>(args): [... args] -> [... result] (module_resolve.c's helpers) */
static void call_core(duk_context *ctx, const char *name, duk_idx_t nargs)
{
  petrel_push_binding(ctx, "core");
  duk_get_prop_string(ctx, -1, name);
  duk_remove(ctx, -2);
  duk_insert(ctx, -nargs - 1);
  duk_call(ctx, nargs);
}

static void push_cwd(duk_context *ctx) { call_core(ctx, "cwd", 0); }

/* new Module(id, parent): [...] -> [... module]; parent < 0: none. */
static void push_module(duk_context *ctx, duk_idx_t id, duk_idx_t parent)
{
  id = duk_require_normalize_index(ctx, id);
  duk_push_object(ctx);
  duk_idx_t m = duk_get_top_index(ctx);
  push_stashed(ctx, MODULE_KEY);
  duk_get_prop_literal(ctx, -1, "prototype");
  duk_set_prototype(ctx, m);
  duk_pop(ctx);
  duk_dup(ctx, id);
  duk_put_prop_literal(ctx, m, "id");
  duk_dup(ctx, id);
  duk_put_prop_literal(ctx, m, "filename");
  duk_dup(ctx, id);
  call_core(ctx, "dirname", 1);
  duk_put_prop_literal(ctx, m, "path");
  duk_push_object(ctx);
  duk_put_prop_literal(ctx, m, "exports");
  if (parent >= 0)
    duk_dup(ctx, parent);
  else
    duk_push_null(ctx);
  duk_put_prop_literal(ctx, m, "parent");
  duk_push_false(ctx);
  duk_put_prop_literal(ctx, m, "loaded");
  duk_push_array(ctx);
  duk_put_prop_literal(ctx, m, "children");
  duk_get_prop_literal(ctx, m, "path");
  call_core(ctx, "modulePaths", 1);
  duk_put_prop_literal(ctx, m, "paths");
  if (parent >= 0) { /* parent.children.push(this) */
    duk_get_prop_literal(ctx, parent, "children");
    duk_push_literal(ctx, "push");
    duk_dup(ctx, m);
    duk_call_prop(ctx, -3, 1);
    duk_pop_2(ctx);
  }
}

static duk_ret_t module_ctor(duk_context *ctx)
{
  if (!duk_is_constructor_call(ctx))
    return duk_type_error(ctx, "Class constructor Module cannot be invoked without 'new'");
  duk_set_top(ctx, 2);
  push_module(ctx, 0, duk_is_object(ctx, 1) ? 1 : -1);
  return 1;
}

/* Throws node's MODULE_NOT_FOUND for the request at idx from parent (or none):
 * the message lists the require stack (parent, its parent... by filename, else id),
 * and err.requireStack holds it. */
static duk_ret_t throw_not_found(duk_context *ctx, duk_idx_t request, duk_idx_t parent)
{
  request = duk_normalize_index(ctx, request);
  duk_push_array(ctx);
  duk_idx_t stack = duk_get_top_index(ctx);
  duk_uarridx_t n = 0;
  if (parent >= 0) {
    duk_dup(ctx, parent);
    while (n < 1000 && duk_is_object(ctx, -1)) { /* 1000: a parent chain made into a ring */
      duk_get_prop_literal(ctx, -1, "filename");
      if (!petrel_truthy(ctx, -1)) {
        duk_pop(ctx);
        duk_get_prop_literal(ctx, -1, "id");
      }
      duk_put_prop_index(ctx, stack, n++);
      duk_get_prop_literal(ctx, -1, "parent");
      duk_remove(ctx, -2);
    }
    duk_pop(ctx);
  }
  const char *list = NULL;
  if (n) {
    petrel_push_primordial(ctx, "ArrayPrototypeJoin"); /* as it was at boot */
    duk_dup(ctx, stack);
    duk_push_literal(ctx, "\n- ");
    duk_call_method(ctx, 1);
    list = duk_to_string(ctx, -1);
  }
  petrel_push_module_not_found(ctx, request, list);
  duk_dup(ctx, stack);
  duk_put_prop_literal(ctx, -2, "requireStack");
  return duk_throw(ctx);
}

/* A built-in a script may require: a compiled one but internal/, or module (the loader). */
static int is_user_builtin(const char *id)
{
  return !strcmp(id, "module") || (strncmp(id, "internal/", 9) != 0 && petrel_builtin_find(id) != NULL);
}

/* resolveFilename: [... ] -> [... name], name a built-in's id or a file's path;
 * returns 1 for a built-in. parent < 0: none (relative to cwd). */
static int resolve_filename(duk_context *ctx, duk_idx_t request, duk_idx_t parent)
{
  const char *req = duk_require_string(ctx, request);
  if (!strncmp(req, "node:", 5)) {
    if (!is_user_builtin(req + 5)) (void)throw_not_found(ctx, request, parent);
    duk_push_string(ctx, req + 5);
    return 1;
  }
  if (is_user_builtin(req)) {
    duk_dup(ctx, request);
    return 1;
  }
  duk_dup(ctx, request);
  if (parent >= 0) { /* the REPL's module has no filename: the working directory, as node */
    duk_get_prop_literal(ctx, parent, "filename");
    int repl = duk_is_null(ctx, -1);
    duk_pop(ctx);
    if (repl)
      push_cwd(ctx);
    else
      duk_get_prop_literal(ctx, parent, "path");
  } else {
    push_cwd(ctx);
  }
  call_core(ctx, "resolveFile", 2);
  if (!petrel_truthy(ctx, -1)) (void)throw_not_found(ctx, request, parent);
  return 0;
}

/* Module._extensions[ext] for the file at idx, '.js' as the fallback: [...] -> [... fn] */
static void push_extension(duk_context *ctx, duk_idx_t filename)
{
  filename = duk_normalize_index(ctx, filename);
  push_stashed(ctx, MODULE_KEY);
  duk_get_prop_literal(ctx, -1, "_extensions");
  duk_dup(ctx, filename);
  call_core(ctx, "extname", 1);
  duk_get_prop(ctx, -2);
  if (!petrel_truthy(ctx, -1)) {
    duk_pop(ctx);
    duk_get_prop_literal(ctx, -1, ".js");
  }
  duk_remove(ctx, -2);
  duk_remove(ctx, -2);
}

static duk_ret_t call_extension(duk_context *ctx, void *udata)
{
  (void)udata; /* [... module filename]: a safe call runs in its caller's frame */
  push_extension(ctx, -1);
  duk_insert(ctx, -3);
  duk_call(ctx, 2);
  return 0;
}

/* loadModule(request, parent): [...] -> [... exports] */
static void load_module(duk_context *ctx, duk_idx_t request, duk_idx_t parent)
{
  duk_idx_t base = duk_get_top(ctx);
  const char *req = duk_require_string(ctx, request);
  if (!strncmp(req, "node:", 5) && !is_user_builtin(req + 5)) { /* as node (require.resolve: MODULE_NOT_FOUND) */
    duk_push_error_object(ctx, DUK_ERR_ERROR, "No such built-in module: %s", req);
    duk_push_literal(ctx, "ERR_UNKNOWN_BUILTIN_MODULE");
    duk_put_prop_literal(ctx, -2, "code");
    (void)duk_throw(ctx);
  }
  if (resolve_filename(ctx, request, parent)) {
    petrel_require_builtin(ctx, duk_get_string(ctx, -1));
    duk_remove(ctx, -2);
    return;
  }
  duk_idx_t file = base; /* [... filename] */
  push_cache(ctx);
  duk_dup(ctx, file);
  duk_get_prop(ctx, -2);
  if (petrel_truthy(ctx, -1)) {
    duk_get_prop_literal(ctx, -1, "exports");
    duk_replace(ctx, base);
    duk_set_top(ctx, base + 1);
    return;
  }
  duk_pop(ctx); /* [... filename cache] */
  push_module(ctx, file, parent);
  duk_dup(ctx, file);
  duk_dup(ctx, -2);
  duk_put_prop(ctx, base + 1); /* [... filename cache module] */
  duk_dup(ctx, -1);
  duk_dup(ctx, file);
  if (duk_safe_call(ctx, call_extension, NULL, 2, 1) != DUK_EXEC_SUCCESS) {
    duk_dup(ctx, file);
    duk_del_prop(ctx, base + 1);
    (void)duk_throw(ctx);
  }
  duk_pop(ctx);
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, -2, "loaded");
  duk_get_prop_literal(ctx, -1, "exports");
  duk_replace(ctx, base);
  duk_set_top(ctx, base + 1);
}

/* ---- require ---- */

/* [...] -> [... module] of the running require or require.resolve; its index */
static duk_idx_t push_owner(duk_context *ctx)
{
  duk_push_current_function(ctx);
  duk_get_prop_string(ctx, -1, OWNER_KEY);
  duk_remove(ctx, -2);
  return duk_get_top_index(ctx);
}

static duk_ret_t require_fn(duk_context *ctx)
{
  if (!duk_is_string(ctx, 0) || duk_is_symbol(ctx, 0)) {
    petrel_require_builtin(ctx, "internal/errors");
    duk_push_literal(ctx, "invalidArgType");
    duk_push_literal(ctx, "id");
    duk_push_literal(ctx, "string");
    duk_dup(ctx, 0);
    duk_call_prop(ctx, -5, 3);
    return duk_throw(ctx);
  }
  if (duk_get_length(ctx, 0) == 0) {
    petrel_require_builtin(ctx, "internal/errors");
    duk_push_literal(ctx, "invalidArgValue");
    duk_push_literal(ctx, "id");
    duk_dup(ctx, 0);
    duk_push_literal(ctx, "must be a non-empty string");
    duk_call_prop(ctx, -5, 3);
    return duk_throw(ctx);
  }
  duk_set_top(ctx, 1);
  load_module(ctx, 0, push_owner(ctx));
  return 1;
}

static duk_ret_t resolve_fn(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  if (resolve_filename(ctx, 0, push_owner(ctx)) && !strncmp(duk_get_string(ctx, 0), "node:", 5))
    duk_dup(ctx, 0); /* as node: require.resolve('node:net') is 'node:net' */
  return 1;
}

/* [... f] name = 'name', own module = the module at idx */
static void bind_function(duk_context *ctx, duk_idx_t module, const char *name)
{
  duk_push_literal(ctx, "name");
  duk_push_string(ctx, name);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_dup(ctx, module);
  duk_put_prop_string(ctx, -2, OWNER_KEY);
}

/* makeRequire(module): [...] -> [... require] */
static void push_require(duk_context *ctx, duk_idx_t module)
{
  module = duk_normalize_index(ctx, module);
  duk_push_c_function(ctx, require_fn, 1);
  bind_function(ctx, module, "require");
  duk_push_c_function(ctx, resolve_fn, 1);
  bind_function(ctx, module, "resolve");
  duk_put_prop_literal(ctx, -2, "resolve");
  push_cache(ctx);
  duk_put_prop_literal(ctx, -2, "cache");
  push_stashed(ctx, MAIN_KEY);
  duk_put_prop_literal(ctx, -2, "main");
}

static duk_ret_t module_require(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  duk_push_this(ctx);
  load_module(ctx, 0, 1);
  return 1;
}

/* ---- the extensions ---- */

/* The text of the file named at filename in a malloc'd block with room for head
 * before it and tail after it (*len: the whole), or throws node's open error. */
static char *read_file(duk_context *ctx, duk_idx_t filename, size_t head, size_t tail, size_t *len)
{
  const char *path = duk_require_string(ctx, filename);
  char *data;
  size_t n;
  int r = plat_file_read(path, &data, &n);
  /* No room for the text (an app larger than the heap, on a small board): the runtime's
   * out-of-memory error (code ERR_MEMORY_ALLOCATION_FAILED, runtime/vm.c), not an open error. */
  if (r == PLAT_ENOMEM) (void)petrel_throw_oom(ctx);
  if (r) {
    petrel_push_system_error(ctx, r, "open");
    duk_push_string(ctx, path);
    duk_put_prop_literal(ctx, -2, "path");
    (void)duk_throw(ctx);
  }
  /* a BOM goes; a #! line becomes a comment */
  size_t skip = n >= 3 && !memcmp(data, "\xef\xbb\xbf", 3) ? 3 : 0;
  if (n - skip >= 2 && data[skip] == '#' && data[skip + 1] == '!') data[skip] = data[skip + 1] = '/';
  n -= skip;
  if (head + tail > skip) {
    char *grown = realloc(data, n + skip + head + tail);
    if (!grown) {
      free(data);
      (void)petrel_throw_oom(ctx);
    }
    data = grown;
  }
  memmove(data + head, data + skip, n);
  *len = head + n + tail;
  return data;
}

/* [...] -> [... text] of the file at idx, or throws node's open error */
static void push_file(duk_context *ctx, duk_idx_t filename)
{
  size_t len;
  char *data = read_file(ctx, filename, 0, 0, &len);
  duk_push_lstring(ctx, data, len);
  free(data);
}

/* Compiles the source at src (a string, or null/undefined: the file filename) in
 * the wrapper and runs it as module m from filename: [...] -> [...]. The wrapped
 * text is one scratch block, freed before the module runs, and the src slot is
 * cleared, so a large script's text is not kept alive while it runs (on a small
 * board the source, its wrapped copy and the compiler's temporaries were the peak). */
static void run_wrapped(duk_context *ctx, duk_idx_t src, duk_idx_t m, duk_idx_t filename)
{
  src = duk_normalize_index(ctx, src);
  m = duk_normalize_index(ctx, m);
  filename = duk_normalize_index(ctx, filename);
  static const char tail[] = PETREL_WRAPPER_TAIL;
  size_t hl = sizeof wrapper_head - 1, tl = sizeof tail - 1, len;
  char *text;
  const char *in_place = NULL;
  if (duk_is_string(ctx, src)) {
    size_t n;
    const char *s = duk_get_lstring(ctx, src, &n);
    len = hl + n + tl;
    text = malloc(len);
    if (!text) (void)petrel_throw_oom(ctx);
    memcpy(text + hl, s, n);
  } else if (plat_file_in_place(duk_require_string(ctx, filename), wrapper_head, tail, &in_place, &len) &&
             !(len >= hl + tl + 2 && (!memcmp(in_place + hl, "\xef\xbb\xbf", 3) || !memcmp(in_place + hl, "#!", 2)))) {
    text = NULL; /* compiled where it is (an app in flash), wrapper included; a BOM or a #! line: a copy, edited */
  } else {
    text = read_file(ctx, filename, hl, tl, &len);
  }
  duk_push_undefined(ctx);
  duk_replace(ctx, src);
  if (text) {
    memcpy(text, wrapper_head, hl);
    memcpy(text + len - tl, tail, tl);
  }
  duk_dup(ctx, filename);
  duk_int_t rc = duk_pcompile_lstring_filename(ctx, DUK_COMPILE_FUNCTION, text ? text : in_place, len);
  free(text);
  if (rc != 0) {
    /* Duktape parses ES5.1 only: a SyntaxError in a user's file names the host build
     * step that lowers ES2015+ (README, "Modern JavaScript"), never a bare parse error. */
    if (duk_get_error_code(ctx, -1) == DUK_ERR_SYNTAX_ERROR) {
      duk_get_prop_literal(ctx, -1, "message");
      duk_push_literal(ctx, " in ");
      duk_dup(ctx, filename);
      duk_push_literal(ctx, " (Petrel parses ES5.1: build ES2015+ code first with `tools/petrel-tool build ");
      duk_dup(ctx, filename);
      duk_push_literal(ctx, " -o out.js`)");
      duk_concat(ctx, 6);
      duk_put_prop_literal(ctx, -2, "message");
    }
    (void)duk_throw(ctx);
  }
  duk_get_prop_literal(ctx, m, "exports");
  duk_dup_top(ctx);
  push_require(ctx, m);
  duk_dup(ctx, m);
  duk_dup(ctx, filename);
  duk_dup(ctx, filename);
  call_core(ctx, "dirname", 1);
  duk_call_method(ctx, 5);
  duk_pop(ctx);
}

static duk_ret_t ext_js(duk_context *ctx)
{
  duk_set_top(ctx, 3); /* [module filename undefined] */
  run_wrapped(ctx, 2, 0, 1);
  return 0;
}

static duk_ret_t parse_json(duk_context *ctx, void *udata)
{
  (void)udata; /* [... text]: the engine's JSON.parse, not the global JSON user code
                 may have replaced (node's loader uses its primordial JSONParse) */
  duk_json_decode(ctx, -1);
  return 1;
}

static duk_ret_t ext_json(duk_context *ctx)
{
  duk_set_top(ctx, 2);
  push_file(ctx, 1);
  if (duk_safe_call(ctx, parse_json, NULL, 1, 1) != DUK_EXEC_SUCCESS) {
    if (duk_is_object(ctx, -1)) { /* e.message = filename + ': ' + e.message */
      duk_dup(ctx, 1);
      duk_push_literal(ctx, ": ");
      duk_get_prop_literal(ctx, -3, "message");
      duk_concat(ctx, 3);
      duk_put_prop_literal(ctx, -2, "message");
    }
    return duk_throw(ctx);
  }
  duk_put_prop_literal(ctx, 0, "exports");
  return 0;
}

/* ---- entry points ---- */

/* global.require, module and exports for code outside any module file (-e, the REPL) */
static void set_globals(duk_context *ctx, duk_idx_t m)
{
  m = duk_normalize_index(ctx, m);
  push_require(ctx, m);
  duk_put_global_literal(ctx, "require");
  duk_dup(ctx, m);
  duk_put_global_literal(ctx, "module");
  duk_get_prop_literal(ctx, m, "exports");
  duk_put_global_literal(ctx, "exports");
}

/* [... path] module at [... path module], as the main module (id '.'), cached */
static void push_main_module(duk_context *ctx)
{
  push_module(ctx, -1, -1);
  duk_push_literal(ctx, ".");
  duk_put_prop_literal(ctx, -2, "id");
  duk_push_global_stash(ctx);
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, MAIN_KEY);
  duk_pop(ctx);
  push_cache(ctx);
  duk_dup(ctx, -3);
  duk_dup(ctx, -3);
  duk_put_prop(ctx, -3);
  duk_pop(ctx);
}

static duk_ret_t run_main(duk_context *ctx)
{
  duk_set_top(ctx, 1);
  push_cwd(ctx);
  duk_dup(ctx, 0);
  duk_dup(ctx, 1);
  duk_push_true(ctx);
  call_core(ctx, "resolveFile", 3); /* [file cwd found] */
  if (!petrel_truthy(ctx, 2)) {
    duk_push_sprintf(ctx, "petrel: cannot find script %s\n", duk_to_string(ctx, 0));
    petrel_console_print(ctx, 2, -1);
    petrel_push_process(ctx);
    duk_push_int(ctx, 1);
    duk_put_prop_literal(ctx, -2, "exitCode");
    petrel_push_binding(ctx, "core");
    duk_push_literal(ctx, "emitExit");
    duk_push_int(ctx, 1);
    duk_call_prop(ctx, -3, 1);
    int c = duk_to_int(ctx, -1);
    plat_exit((c ? c : 1) & 0xff);
    duk_dup(ctx, 1);
    duk_dup(ctx, 0);
    call_core(ctx, "resolvePath", 2);
    return throw_not_found(ctx, -1, -1);
  }
  petrel_push_process(ctx); /* process.argv[1] = found */
  duk_get_prop_literal(ctx, -1, "argv");
  duk_dup(ctx, 2);
  duk_put_prop_index(ctx, -2, 1);
  duk_set_top(ctx, 3);
  push_main_module(ctx); /* [file cwd found module] */
  push_extension(ctx, 2);
  duk_dup(ctx, 3);
  duk_dup(ctx, 2);
  duk_call(ctx, 2);
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, 3, "loaded");
  return 0;
}

/* [...] -> [... module] for a name relative to cwd, not cached */
static void push_cwd_module(duk_context *ctx, const char *name)
{
  push_cwd(ctx);
  duk_push_string(ctx, name);
  call_core(ctx, "resolvePath", 2);
  push_module(ctx, -1, -1);
  duk_remove(ctx, -2);
}

static duk_ret_t run_eval(duk_context *ctx)
{
  duk_set_top(ctx, 2); /* [code print] */
  push_cwd_module(ctx, "[eval]");
  duk_push_global_stash(ctx);
  duk_dup(ctx, 2);
  duk_put_prop_literal(ctx, -2, MAIN_KEY);
  duk_pop(ctx);
  set_globals(ctx, 2);
  duk_dup(ctx, 0);
  duk_push_literal(ctx, "[eval]");
  call_core(ctx, "evalScript", 2);
  if (petrel_truthy(ctx, 1)) {
    duk_get_global_literal(ctx, "console");
    duk_push_literal(ctx, "log");
    duk_dup(ctx, -3);
    duk_call_prop(ctx, -3, 1);
  }
  return 0;
}

/* A soft reset (runtime/repl_run.c): every module is loaded again. */
void petrel_module_cache_clear(duk_context *ctx)
{
  duk_idx_t top = duk_get_top(ctx);
  push_cache(ctx);
  if (duk_is_object(ctx, -1)) {
    duk_enum(ctx, -1, 0);
    while (duk_next(ctx, -1, 0)) duk_del_prop(ctx, top);
  }
  duk_set_top(ctx, top);
}

/* runModule(src, filename, args): source as the main module of a raw-mode run of
 * the REPL (require relative to cwd); src null: the file's. */
static duk_ret_t run_module(duk_context *ctx)
{
  duk_set_top(ctx, 3);
  duk_require_string(ctx, 1);
  push_cache(ctx); /* every module is loaded again */
  duk_enum(ctx, -1, 0);
  while (duk_next(ctx, -1, 0)) duk_del_prop(ctx, 3);
  duk_set_top(ctx, 3);
  petrel_push_process(ctx); /* argv = [execPath, filename].concat(args || []) */
  duk_push_array(ctx);
  duk_get_prop_literal(ctx, 3, "execPath");
  duk_put_prop_index(ctx, -2, 0);
  duk_dup(ctx, 1);
  duk_put_prop_index(ctx, -2, 1);
  duk_push_literal(ctx, "concat");
  if (petrel_truthy(ctx, 2))
    duk_dup(ctx, 2);
  else
    duk_push_array(ctx);
  duk_call_prop(ctx, -3, 1);
  duk_put_prop_literal(ctx, 3, "argv");
  duk_set_top(ctx, 3);
  duk_dup(ctx, 1);
  push_main_module(ctx); /* [src filename args filename module] */
  run_wrapped(ctx, 0, 4, 1); /* src null: the file */
  duk_push_true(ctx);
  duk_put_prop_literal(ctx, 4, "loaded");
  return 0;
}

static duk_ret_t run_repl(duk_context *ctx)
{
  duk_set_top(ctx, 1); /* [terminal] */
  call_core(ctx, "replRunning", 0);
  duk_pop(ctx);
  push_cwd_module(ctx, "<repl>");
  /* node's: id '<repl>', filename null, so that a relative require follows the working
   * directory (process.chdir, petrel-tool mount's /remote) */
  duk_push_literal(ctx, "<repl>");
  duk_put_prop_literal(ctx, -2, "id");
  duk_push_null(ctx);
  duk_put_prop_literal(ctx, -2, "filename");
  set_globals(ctx, 1);
  petrel_push_binding(ctx, "core");
  duk_push_literal(ctx, "replStart");
  duk_push_object(ctx); /* runtime/repl.c */
  duk_dup(ctx, 0);
  duk_put_prop_literal(ctx, -2, "terminal");
  duk_get_prop_literal(ctx, -3, "setExitHook");
  duk_put_prop_literal(ctx, -2, "setExitHook");
  duk_get_prop_literal(ctx, -3, "setUncaughtHook");
  duk_put_prop_literal(ctx, -2, "setUncaughtHook");
  duk_push_c_function(ctx, run_module, 3); /* repl.c pins it: an object */
  duk_put_prop_literal(ctx, -2, "runModule");
  duk_call_prop(ctx, -3, 1);
  return 0;
}

/* setupModules(): Module (also require('module')) and the entry points:
 * { runMain, runEval, runRepl, exit } */
/* Node's names for the loader's light functions (lightfunc_names.h). */
static const petrel_lf_name loader_names[] = { { "require", module_require, 0 }, { "", ext_js, 0 },
                                               { "", ext_json, 0 },          { "runMain", run_main, 0 },
                                               { "runEval", run_eval, 0 },   { "runRepl", run_repl, 0 },
                                               { NULL, NULL, 0 } };
PETREL_LIGHTFUNC_NAMES(loader, loader_names);

/* Module.builtinModules: the names a script may require, sorted and frozen as in node.
 * Made on the first read (one native function is the getter and the setter: a setter
 * also gets the key, so two arguments), not at boot: ~20 names, and each name
 * JS never used is a string of its own in the heap. Either way the accessor becomes
 * a data property of Module. */
static duk_ret_t builtin_modules(duk_context *ctx)
{
  int set = duk_get_top(ctx) >= 2;
  push_stashed(ctx, MODULE_KEY);
  duk_push_literal(ctx, "builtinModules");
  if (set) {
    duk_dup(ctx, 0);
  } else {
    duk_push_array(ctx);
    duk_uarridx_t n = 0;
    int module_put = 0;
    for (const petrel_builtin *b = petrel_builtins; b->name; b++) {
      if (!is_user_builtin(b->name)) continue;
      if (!module_put && strcmp(b->name, "module") > 0) {
        duk_push_literal(ctx, "module");
        duk_put_prop_index(ctx, -2, n++);
        module_put = 1;
      }
      duk_push_string(ctx, b->name);
      duk_put_prop_index(ctx, -2, n++);
    }
    duk_compact(ctx, -1);
    duk_freeze(ctx, -1);
  }
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE);
  if (set) return 0;
  duk_get_prop_literal(ctx, -1, "builtinModules");
  return 1;
}

static duk_ret_t setup_modules(duk_context *ctx)
{
  duk_push_c_function(ctx, module_ctor, 2);
  duk_push_object(ctx);
  duk_push_c_lightfunc(ctx, module_require, 1, 1, 0);
  duk_put_prop_literal(ctx, -2, "require");
  duk_push_literal(ctx, "constructor"); /* [Module proto "constructor" Module] */
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_put_prop_literal(ctx, -2, "prototype");
  duk_push_literal(ctx, "name");
  duk_push_literal(ctx, "Module");
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_object(ctx);
  duk_put_prop_literal(ctx, -2, "_cache");
  duk_push_literal(ctx, "builtinModules"); /* made on the first read */
  duk_push_c_function(ctx, builtin_modules, DUK_VARARGS);
  duk_dup_top(ctx);
  duk_def_prop(ctx, -4, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_ENUMERABLE |
                            DUK_DEFPROP_SET_CONFIGURABLE);
  duk_push_object(ctx);
  duk_push_c_lightfunc(ctx, ext_js, 2, 2, 0);
  duk_put_prop_literal(ctx, -2, ".js");
  duk_push_c_lightfunc(ctx, ext_json, 2, 2, 0);
  duk_put_prop_literal(ctx, -2, ".json");
  duk_put_prop_literal(ctx, -2, "_extensions");
  duk_push_global_stash(ctx);
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, MODULE_KEY);
  duk_pop(ctx);
  petrel_push_binding(ctx, "core");
  duk_push_literal(ctx, "defineBuiltin");
  duk_push_literal(ctx, "module");
  duk_dup(ctx, -4);
  duk_call_prop(ctx, -4, 2);
  duk_pop_2(ctx);

  duk_push_object(ctx);
  duk_push_c_lightfunc(ctx, run_main, 1, 1, 0);
  duk_put_prop_literal(ctx, -2, "runMain");
  duk_push_c_lightfunc(ctx, run_eval, 2, 2, 0);
  duk_put_prop_literal(ctx, -2, "runEval");
  duk_push_c_lightfunc(ctx, run_repl, 1, 1, 0);
  duk_put_prop_literal(ctx, -2, "runRepl");
  petrel_push_binding(ctx, "core");
  duk_get_prop_literal(ctx, -1, "exit");
  duk_remove(ctx, -2);
  duk_put_prop_literal(ctx, -2, "exit");
  return 1;
}

const duk_function_list_entry petrel_loader_funcs[] = { { "setupModules", setup_modules, 0 }, { NULL, NULL, 0 } };
