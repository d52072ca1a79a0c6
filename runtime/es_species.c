/* ArraySpeciesCreate for Duktape's own Array.prototype.concat, slice, splice, map
 * and filter (tools/duktape_patch.py, edit 13) and for flat/flatMap (es_array.c): on
 * an Array subclass (`class A extends Array`, which Babel lowers to a real array whose
 * prototype is A.prototype) the result is made by `new A(len)`, so it stays an A, as
 * on node; a plain array's result is a plain array. Duktape's Array has no
 * [Symbol.species] getter (node's returns `this`): a constructor without
 * [Symbol.species] whose chain has the intrinsic Array stands for itself, as the
 * inherited getter would give, one outside Array's chain gives a plain array (as
 * undefined does); one that defines it (null or undefined: a plain array) is followed. Only Duktape's API here:
 * unit tests that link Duktape link this file too. */
#include "duktape.h"
#include "runtime.h" /* the literal calls checked for literals */

void petrel_array_species_create(duk_context *ctx, duk_idx_t orig, duk_double_t len);

/* The constructor at c is the intrinsic Array: its prototype is the one Duktape gives
 * the array at a (made by duk_push_array). A subclass has a prototype of its own. */
static int is_intrinsic_array(duk_context *ctx, duk_idx_t c, duk_idx_t a)
{
  if (!duk_is_function(ctx, c)) return 0;
  duk_get_prop_literal(ctx, c, "prototype");
  duk_get_prototype(ctx, a);
  int same = duk_strict_equals(ctx, -1, -2);
  duk_pop_2(ctx);
  return same;
}

/* The constructor at c inherits from the intrinsic Array (its prototype chain has it,
 * as a Babel-lowered `class A extends Array` has): node's inherited Array[Symbol.species]
 * getter would return c itself. */
static int extends_array(duk_context *ctx, duk_idx_t c, duk_idx_t plain)
{
  int found = 0;
  duk_dup(ctx, c);
  for (;;) {
    duk_get_prototype(ctx, -1);
    duk_remove(ctx, -2);
    if (!duk_is_object(ctx, -1)) break;
    if (is_intrinsic_array(ctx, -1, plain)) {
      found = 1;
      break;
    }
  }
  duk_pop(ctx);
  return found;
}

/* [...] -> [... result]: orig is the original array (absolute index) */
void petrel_array_species_create(duk_context *ctx, duk_idx_t orig, duk_double_t len)
{
  duk_push_array(ctx); /* the result unless a subclass makes it */
  duk_idx_t plain = duk_get_top(ctx) - 1;
  if (!duk_is_array(ctx, orig)) return;
  duk_get_prop_literal(ctx, orig, "constructor"); /* [... plain C] */
  if (duk_is_object(ctx, -1) && !is_intrinsic_array(ctx, -1, plain)) {
    if (duk_has_prop_literal(ctx, -1, DUK_WELLKNOWN_SYMBOL("Symbol.species"))) {
      duk_get_prop_literal(ctx, -1, DUK_WELLKNOWN_SYMBOL("Symbol.species"));
      duk_remove(ctx, -2);
      if (duk_is_null(ctx, -1)) {
        duk_pop(ctx);
        duk_push_undefined(ctx);
      }
    } else if (!extends_array(ctx, -1, plain)) { /* no species: a plain array */
      duk_pop(ctx);
      duk_push_undefined(ctx);
    }
  }
  if (duk_is_undefined(ctx, -1) || is_intrinsic_array(ctx, -1, plain)) {
    duk_pop(ctx);
    return;
  }
  if (!duk_is_constructable(ctx, -1)) (void)duk_type_error(ctx, "object.constructor[Symbol.species] is not a constructor");
  duk_push_number(ctx, len);
  duk_new(ctx, 1); /* [... plain A] */
  duk_remove(ctx, plain);
}
