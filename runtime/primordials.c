/* The runtime's own copies of the global built-ins its modules use (#21 item 6),
 * taken at boot by setupProcess (runtime/process.c) and passed to each built-in
 * module as parameters (runtime/process.c, petrel_require_builtin). */
#include <string.h>
#include "runtime.h"
#include "builtins.h"

#define PRIMORDIALS_KEY DUK_HIDDEN_SYMBOL("primordials")

/* The stashed array of the copies (kept alive there; taken by
 * petrel_capture_primordials before any module loads): read on each call. */
static void *copies;

/* The runtime's own copies of global built-ins its modules use at run time, taken
 * by setupProcess before any user code runs: each built-in module is compiled as
 * function (exports, require, module, process, global, ...) with those below that its
 * text names as further parameters, and called with these, so user code that replaces
 * global.Object or Object.keys, String.prototype.slice or RegExp.prototype.test (or
 * freezes Math) cannot break the runtime's modules (node keeps 'primordials' for the
 * same reason). The modules write ObjectKeys(o), not Object.keys(o), and for a
 * prototype's method the uncurried form, as node's do: StringPrototypeSlice(s, 1)
 * for s.slice(1) (a light function, no heap, that calls the method as it was at boot).
 * Only the methods the modules call on their paths are listed (a module that names a
 * new one needs a line here). Left out, as node's own code breaks on them as well:
 * Function.prototype.call/apply/bind and Array.prototype.push/pop/shift/slice/splice.
 * X(parameter, global, property or NULL, P: property of global's prototype) */
#define PRIMORDIALS(X, P) \
  X(Object, "Object", NULL) X(Array, "Array", NULL) X(String, "String", NULL) X(Math, "Math", NULL) \
  X(ObjectKeys, "Object", "keys") X(ObjectDefineProperty, "Object", "defineProperty") \
  X(ObjectCreate, "Object", "create") X(MathFloor, "Math", "floor") X(ArrayIsArray, "Array", "isArray") \
  X(MathMin, "Math", "min") X(MathMax, "Math", "max") X(MathAbs, "Math", "abs") X(MathRound, "Math", "round") \
  X(MathSqrt, "Math", "sqrt") X(ObjectGetPrototypeOf, "Object", "getPrototypeOf") \
  X(ObjectSetPrototypeOf, "Object", "setPrototypeOf") X(ObjectGetOwnPropertyNames, "Object", "getOwnPropertyNames") \
  X(ObjectGetOwnPropertyDescriptor, "Object", "getOwnPropertyDescriptor") \
  X(ObjectGetOwnPropertySymbols, "Object", "getOwnPropertySymbols") X(ObjectAssign, "Object", "assign") \
  X(ObjectFreeze, "Object", "freeze") X(ObjectIs, "Object", "is") X(ObjectDefineProperties, "Object", "defineProperties") \
  X(JSONStringify, "JSON", "stringify") X(ReflectConstruct, "Reflect", "construct") \
  P(ArrayPrototypeIndexOf, "Array", "indexOf") P(ArrayPrototypeJoin, "Array", "join") \
  P(ArrayPrototypeForEach, "Array", "forEach") P(ArrayPrototypeSort, "Array", "sort") \
  P(ArrayPrototypeUnshift, "Array", "unshift") P(ArrayPrototypeConcat, "Array", "concat") \
  P(ArrayPrototypeMap, "Array", "map") P(ArrayPrototypeFilter, "Array", "filter") \
  P(StringPrototypeSlice, "String", "slice") P(StringPrototypeIndexOf, "String", "indexOf") \
  P(StringPrototypeLastIndexOf, "String", "lastIndexOf") P(StringPrototypeCharCodeAt, "String", "charCodeAt") \
  P(StringPrototypeCharAt, "String", "charAt") P(StringPrototypeSplit, "String", "split") \
  P(StringPrototypeReplace, "String", "replace") P(StringPrototypeToLowerCase, "String", "toLowerCase") \
  P(StringPrototypeToUpperCase, "String", "toUpperCase") P(StringPrototypeTrim, "String", "trim") \
  P(RegExpPrototypeTest, "RegExp", "test") P(ObjectPrototypeHasOwnProperty, "Object", "hasOwnProperty") \
  P(ObjectPrototypeToString, "Object", "toString") P(ObjectPrototypePropertyIsEnumerable, "Object", "propertyIsEnumerable")
#define PRIMORDIAL_NAME(name, g, k) #name,
#define PRIMORDIAL_ENTRY(name, g, k) { #name, g, k, 0 },
#define PRIMORDIAL_METHOD(name, g, k) { #name, g, k, 1 },
static const char *const primordial_names[] = { PRIMORDIALS(PRIMORDIAL_NAME, PRIMORDIAL_NAME) };
static const struct {
  const char *name, *global, *key;
  int method;
} primordials[] = { PRIMORDIALS(PRIMORDIAL_ENTRY, PRIMORDIAL_METHOD) };
#define N_PRIMORDIALS (sizeof primordials / sizeof primordials[0])
#define PRIMORDIAL_ONE(name, g, k) +1
#define PRIMORDIAL_NONE(name, g, k)
enum { N_PLAIN = 0 PRIMORDIALS(PRIMORDIAL_ONE, PRIMORDIAL_NONE) }; /* the methods come after these */
/* The names are a module's parameters, found through a 64-bit mask. */
typedef char primordials_fit_in_mask_[N_PRIMORDIALS <= 64 ? 1 : -1];

/* [...] -> [... fn]: the module compiled with the primordials it uses (mask returned) */
uint64_t petrel_compile_builtin_module(duk_context *ctx, const petrel_builtin *b)
{
  return petrel_builtin_compile_module(ctx, b, primordial_names, (int)N_PRIMORDIALS);
}

/* C's copy of one (for a prototype's method, the method itself, to call with a this) */
void petrel_push_primordial(duk_context *ctx, const char *name)
{
  duk_uarridx_t i = 0;
  while (i < N_PRIMORDIALS - 1 && strcmp(primordials[i].name, name) != 0) i++;
  duk_push_heapptr(ctx, copies);
  duk_get_prop_index(ctx, -1, primordials[i].method ? (duk_uarridx_t)N_PRIMORDIALS - N_PLAIN + i : i);
  duk_remove(ctx, -2);
}

/* StringPrototypeSlice(s, a, b) and the others (magic: the index above): the method as
 * it was at boot (kept after the copies), called on the first argument. */
static duk_ret_t call_uncurried(duk_context *ctx)
{
  duk_idx_t n = duk_get_top(ctx);
  if (n == 0) duk_push_undefined(ctx), n = 1;
  duk_push_heapptr(ctx, copies);
  duk_get_prop_index(ctx, -1, (duk_uarridx_t)(N_PRIMORDIALS - N_PLAIN + duk_get_current_magic(ctx)));
  duk_remove(ctx, -2);
  duk_insert(ctx, 0); /* [method this args...] */
  duk_call_method(ctx, n - 1);
  return 1;
}

/* Node's names for them: its primordials are named after the method */
static const char *uncurried_name(duk_c_function fn, int magic)
{
  return fn == call_uncurried && magic >= N_PLAIN && (size_t)magic < N_PRIMORDIALS ? primordials[magic].key : NULL;
}
PETREL_LIGHTFUNC_LOOKUP(primordials, uncurried_name);

/* [...] -> [... value]: primordial i as it is now; global at index g */
static void push_builtin(duk_context *ctx, duk_idx_t g, duk_uarridx_t i)
{
  duk_get_prop_string(ctx, g, primordials[i].global);
  if (primordials[i].method) duk_get_prop_literal(ctx, -1, "prototype"), duk_remove(ctx, -2);
  if (primordials[i].key) {
    duk_get_prop_string(ctx, -1, primordials[i].key);
    duk_remove(ctx, -2);
  }
}

/* [...] -> [...] with the copies stashed; global at index g. The array holds the
 * parameters' values, then the methods themselves (dense: no holes). */
void petrel_capture_primordials(duk_context *ctx, duk_idx_t g)
{
  duk_push_array(ctx);
  for (duk_uarridx_t i = 0; i < N_PRIMORDIALS; i++) {
    if (primordials[i].method)
      duk_push_c_lightfunc(ctx, call_uncurried, DUK_VARARGS, 1, (duk_int_t)i);
    else
      push_builtin(ctx, g, i);
    duk_put_prop_index(ctx, -2, i);
  }
  for (duk_uarridx_t i = N_PLAIN; i < N_PRIMORDIALS; i++) {
    push_builtin(ctx, g, i);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)N_PRIMORDIALS - N_PLAIN + i);
  }
  copies = duk_get_heapptr(ctx, -1);
  duk_push_global_stash(ctx);
  duk_insert(ctx, -2);
  duk_put_prop_literal(ctx, -2, PRIMORDIALS_KEY); /* keeps them alive */
  duk_pop(ctx);
}

/* [...] -> [... the copies whose bits are set in used, in order]: their count */
int petrel_push_used_primordials(duk_context *ctx, uint64_t used)
{
  int n = 0;
  duk_push_heapptr(ctx, copies);
  duk_idx_t at = duk_get_top_index(ctx);
  for (duk_uarridx_t i = 0; i < N_PRIMORDIALS; i++)
    if (used & ((uint64_t)1 << i)) duk_get_prop_index(ctx, at, i), n++;
  duk_remove(ctx, at);
  return n;
}

