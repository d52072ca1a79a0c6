#!/usr/bin/env python3
"""Petrel's build-time edits to Debian's duktape.c: `duktape_patch.py IN OUT`.

The amalgamation is never committed; the build copies it from duktape-dev and
applies these edits. Each edit names the exact text it expects to find once; if
the packaged Duktape differs, the build stops here instead of quietly building
an unedited engine. The edits save heap on every JS function (see
docs/architecture.md, "Built-in JS"):

1. Strict closures get no own `caller`/`arguments` thrower properties. ES5 gave
   each strict function these two accessors; ES2015 engines (V8, so Node) do not.
   That is two property slots on every closure. Reading `f.caller` on a strict
   function gives undefined here (Node throws a TypeError).

2. A function compiled while the runtime loads a built-in module may skip its
   pc-to-line table, when the board asks for it (PETREL_DUK_SKIP_PC2LINE(), see
   runtime/duk_config_common.h). Boards that minify their built-in JS to one line
   do: the table could only ever say "line 1". User code keeps its line numbers.
   Likewise such a function may carry no own `fileName` property
   (PETREL_DUK_SKIP_FILENAME()): one property slot on every template and closure.
   A traceback frame of a compiled function without fileName (built-in JS only:
   eval, new Function and every user module have one) reads "at name (built-in)".

3. A closure's automatic `.prototype` object (ES5.1 13.2, steps 16-18) is made when
   something first looks for that property, not when the closure is created. Most
   closures are callbacks that are never constructors; each such object cost ~60 B
   (~100 B on 64-bit), and its `constructor` link made a cycle, so the closure could
   be freed only by mark-and-sweep, not by reference counting. Every path that can
   observe the property makes it first (duk_petrel_lazy_prototype(): get, put, has,
   delete, own descriptor, define, own keys with non-enumerables, seal/freeze), so
   scripts see no difference, except that `prototype` now comes after `name` in
   Object.getOwnPropertyNames(), which is V8's order.

4. While Duktape creates an error it tells runtime/vm.c (petrel_vm_creating_error),
   whose allocator then lets it use a small reserve: when the heap is full to the
   byte, the error that reports the failed allocation has room, instead of becoming
   Duktape's uninformative DoubleError. That error gets Node's code
   ERR_MEMORY_ALLOCATION_FAILED (petrel_vm_error_created). When even that creation
   runs out of memory (a double fault: the reserve was spent or too fragmented), the
   runtime's own preallocated coded error is thrown instead of the DoubleError
   (petrel_vm_double_fault), so out of memory always reaches JS with its code.
   The hook also says whether the collector is running (Duktape's ms_running): the
   errors an emergency collection's compaction creates and swallows get no reserve,
   which they would otherwise spend before the real error (runtime/vm.c says why).

5. With ROM built-ins (mps2-an385), Object.freeze/seal of a built-in object (JSON,
   Object.prototype...) returns it instead of throwing a TypeError: a ROM object
   cannot change at all, so what freezing asks for already holds, and code that
   hardens its globals (a frozen-intrinsics style) runs as on node.

6. The JS compiler checks the native stack at each level of its recursion, as
   Duktape's calls, RegExp and JSON code already do (duk_native_stack_check: a
   no-op unless the board defines DUK_USE_NATIVE_STACK_CHECK, as mps2-an385 does).
   Otherwise eval() of deeply nested code at the bottom of a deep call chain could
   run past the stack before the compiler's own depth limit.

7. A light function's name is the runtime's (petrel_lightfunc_name(), runtime/
   lightfunc_names.c: constant tables keyed by C function and magic) instead of
   "light_<pointer>_<flags>", when it has one: `util.inherits.name` is 'inherits' and
   a stack frame says "at inherits", as on node. Function.prototype.toString gives
   node's `function inherits() { [native code] }` ("[lightfunc code]" before).

8. Property reads and writes with a string key (not an array index, not `prototype`
   or `caller`) take a short path where the answer is plain: a read on an object
   whose prototype chain has no exotic object (array, arguments, String object,
   buffer object, Proxy) searches each object's own entries (duk_hobject_find_entry,
   as the long path does) and pushes a data property's value; a write to an own,
   writable data property of such an object (not a ROM one) replaces the value.
   `prototype` is read that way only where it is the object's own (edit 3 makes
   a closure's on the long path). Anything else (an accessor, an exotic object on
   the way, a new or inherited property) takes the long path from its start, so
   results do not change.
   The long path coerced the key, pushed and removed it, asked each object for a
   full property descriptor and checked for exotic behaviours at every step. C's
   duk_get_prop_literal / duk_put_prop_literal take the short path too, with the
   key from the literal cache, without pushing it, and so does
   duk_petrel_get_number_static() (a number read from C without pushing it: the
   packed stream flags). A socket's read of a state
   field cost ~450 instructions and now ~100 (#17: property reads were 40 % of a
   churn connection's instructions).

9. `x instanceof F` calls F[Symbol.hasInstance] when F has one (ES2015), and every
   function inherits the built-in Function.prototype[Symbol.hasInstance], whose whole
   work is the ordinary instanceof. When the method found is that built-in, the
   ordinary algorithm now runs in place, without the call: same answer, ~1,100
   instructions less per instanceof (a socket's constructors test `this instanceof`
   six times). A user's own Symbol.hasInstance is still called.

10. Two sizes that DUK_USE_PREFER_SIZE picks also follow PETREL_DUK_LEAN_BUFFERS: the
   compiler's first bytecode buffer per function (16 instructions instead of 256: 2 KB
   at each level of nesting while a script compiles) and the spare room a growing
   buffer writer takes (1/16 instead of 1/4). mps2-an385 leaves DUK_USE_PREFER_SIZE
   off for the literal calls (duktape.h) and keeps these two small: with the large
   ones its RAM high-water at boot was 2.8 KB higher.

11. A traceback frame's position "(FILE:N)" goes through petrel_linetab_map()
   (runtime/linetab.c) first: when FILE is a bundle that `petrel-tool build` wrote,
   with its line table FILE.lines beside it, the frame names the source file and line
   instead. So do err.fileName and err.lineNumber (Duktape's Error.prototype
   getters, which read the same traceback data): the table is read when one of them is
   read, not when the error is made.

12. `new` on a built-in method that a ROM build keeps as a light function
   (boards/mps2-an385/board.mk: --rom-auto-lightfunc; `new Math.max()`) throws the
   TypeError a ROM function object gave: Duktape treats every light function as a
   constructor. petrel_lightfunc_is_rom_method() (runtime/lightfunc_names.c) looks the
   function up in genbuiltins' name table; the runtime's own light functions are
   unchanged. duk_is_constructable() says no for such a method too (so
   `Array.of.call(Math.max, 1)` makes a plain array, as on node).
13. Array.prototype.concat, slice, splice, map and filter make their result with
   ArraySpeciesCreate (petrel_array_species_create(), runtime/es_species.c) instead of
   always a plain array: on an Array subclass (`class A extends Array`, as Babel lowers
   it) they give an A, as on node. A plain array's `constructor` is the intrinsic
   Array, so it still gets a plain array, at the cost of that one property read.
14. An arguments object gets an own [Symbol.iterator] (writable, configurable, not
   enumerable), Array.prototype's (Array.prototype.values, runtime/iterators.c), as on
   node: `for (const x of arguments)`, `[...arguments]` and Array.from(arguments) take
   the iteration protocol. A property of each arguments object (made only by functions
   that name `arguments`): its property table grows from 2 entries to 4, +24 B per live
   arguments object on mps2-an385 (56 -> 80 B), +48 B on x86-64; at boot +112 B on
   linux (the few kept alive by built-in JS), none measurable on mps2-an385.
15. duk_pack (an array of the top N values, made at its size in one allocation) is
   internal in 2.7; duk_petrel_pack() calls it from C (runtime.h). An array grown a
   put at a time is reallocated at each (timers.c's runtime immediates: ~800
   instructions a value on linux).

16. duk_get_prop_index / duk_put_prop_index on an object with an array part try
   Duktape's own array fast paths (the ones duk_hobject_getprop/putprop take first
   for a number key) before pushing the index as a key: the same answer without the
   push, the call through duk_get_prop/duk__put_prop_shared and the key's removal.
   A read of a slot inside the array part ~170 -> ~50 instructions on linux (the
   nextTick queue reads and writes ~40 such slots a churn connection). A put on a
   read-only (ROM) object and anything outside the array part take the long path.
17. duk_petrel_reserve(ctx, idx, n) gives the object at idx a property table of at
   least n entries in one allocation, as an object literal's NEWOBJ does with its size
   hint (duk_hobject_resize_entrypart, internal in 2.7). From C, an object given three
   properties one at a time grew its table twice (0 -> 2 -> 4 entries: two
   reallocations, each a malloc and a free); the stream core's queued-write record and
   once()'s wrapper take one, at the size they need (runtime.h).
18. Deleting an object's last properties gives their slots back: Duktape marks a deleted
   entry's key NULL and reuses the slot only when the table is reallocated, so a key
   added and deleted over and over (an emitter's 'drain' entry in `_events`, one per
   once('drain') round) grew the table every other time (a malloc and a free). When
   the deleted entries are the last ones and the object has no hash part, the next
   free slot moves back over them. With a hash part it stays: the hash's deleted
   markers are cleared only by a reallocation, and a table that never grew again
   could fill with them.
"""
import sys

sys.dont_write_bytecode = True  # no __pycache__ in tools/
import genfile  # noqa: E402  (tools/genfile.py)

EDITS = [
    ("strict closures: no own caller/arguments",
     "\tif (DUK_HOBJECT_HAS_STRICT(&fun_clos->obj)) {\n"
     "\t\tduk_xdef_prop_stridx_thrower(thr, -2, DUK_STRIDX_CALLER);\n"
     "\t\tduk_xdef_prop_stridx_thrower(thr, -2, DUK_STRIDX_LC_ARGUMENTS);\n"
     "\t} else {\n",
     "\tif (DUK_HOBJECT_HAS_STRICT(&fun_clos->obj)) {\n"
     "\t\t/* Petrel: no own caller/arguments on strict functions (as ES2015 engines) */\n"
     "\t} else {\n"),
    ("strict closures: their assertions follow",
     "\tDUK_ASSERT(!DUK_HOBJECT_HAS_STRICT(&fun_clos->obj) || duk_has_prop_stridx(thr, -2, DUK_STRIDX_CALLER) != 0);\n"
     "\tDUK_ASSERT(!DUK_HOBJECT_HAS_STRICT(&fun_clos->obj) || duk_has_prop_stridx(thr, -2, DUK_STRIDX_LC_ARGUMENTS) != 0);\n",
     ""),
    ("built-in modules: pc2line optional",
     "#if defined(DUK_USE_PC2LINE)\n"
     "\tif (1) {\n"
     "\t\t/*\n"
     "\t\t *  Size-optimized pc->line mapping.\n",
     "#if defined(DUK_USE_PC2LINE)\n"
     "\tif (!PETREL_DUK_SKIP_PC2LINE()) { /* Petrel: see runtime/duk_config_common.h */\n"
     "\t\t/*\n"
     "\t\t *  Size-optimized pc->line mapping.\n"),
    ("built-in modules: fileName optional",
     "#if defined(DUK_USE_FUNC_FILENAME_PROPERTY)\n"
     "\tif (comp_ctx->h_filename) {\n",
     "#if defined(DUK_USE_FUNC_FILENAME_PROPERTY)\n"
     "\tif (comp_ctx->h_filename && !PETREL_DUK_SKIP_FILENAME()) { /* Petrel: see runtime/duk_config_common.h */\n"),
    ("built-in modules: their traceback frames",
     "\t\t\t\t} else {\n"
     "\t\t\t\t\tduk_push_sprintf(\n"
     "\t\t\t\t\t    thr,\n"
     "\t\t\t\t\t    \"at %s (%s:%lu)%s%s%s%s%s\",\n",
     "\t\t\t\t} else if (!duk_is_string_notsymbol(thr, -1)) {\n"
     "\t\t\t\t\t/* Petrel: a compiled function without fileName is built-in JS */\n"
     "\t\t\t\t\tduk_push_sprintf(\n"
     "\t\t\t\t\t    thr,\n"
     "\t\t\t\t\t    \"at %s (built-in)%s%s%s%s%s\",\n"
     "\t\t\t\t\t    (const char *) funcname,\n"
     "\t\t\t\t\t    (const char *) ((flags & DUK_ACT_FLAG_STRICT) ? str_strict : str_empty),\n"
     "\t\t\t\t\t    (const char *) ((flags & DUK_ACT_FLAG_TAILCALLED) ? str_tailcall : str_empty),\n"
     "\t\t\t\t\t    (const char *) ((flags & DUK_ACT_FLAG_CONSTRUCT) ? str_construct : str_empty),\n"
     "\t\t\t\t\t    (const char *) ((flags & DUK_ACT_FLAG_DIRECT_EVAL) ? str_directeval : str_empty),\n"
     "\t\t\t\t\t    (const char *) ((flags & DUK_ACT_FLAG_PREVENT_YIELD) ? str_prevyield : str_empty));\n"
     "\t\t\t\t} else {\n"
     "\t\t\t\t\tduk_push_sprintf(\n"
     "\t\t\t\t\t    thr,\n"
     "\t\t\t\t\t    \"at %s (%s:%lu)%s%s%s%s%s\",\n"),
    ("errors: declarations of the runtime's hooks",
     "DUK_INTERNAL DUK_COLD void duk_err_error_alloc_failed(duk_hthread *thr, const char *filename, duk_int_t linenumber) {\n",
     "void petrel_vm_creating_error(int on); /* Petrel: runtime/vm.c, edit 4 */\n"
     "void petrel_vm_error_created(void *ctx, const char *msg);\n"
     "void *petrel_vm_double_fault(const char *msg);\n"
     "DUK_INTERNAL DUK_COLD void duk_err_error_alloc_failed(duk_hthread *thr, const char *filename, duk_int_t linenumber) {\n"),
    ("errors: a double fault ends the creation",
     "\t\tthr->heap->creating_error = 0;\n\n\t\th_err = thr->builtins[DUK_BIDX_DOUBLE_ERROR];\n",
     "\t\tthr->heap->creating_error = 0;\n\n"
     "#if defined(DUK_USE_VERBOSE_ERRORS)\n"
     "\t\th_err = (duk_hobject *) petrel_vm_double_fault(msg); /* before the creation ends */\n"
     "#else\n"
     "\t\th_err = NULL;\n"
     "#endif\n"
     "\t\tpetrel_vm_creating_error(0);\n"
     "\t\tif (h_err == NULL) h_err = thr->builtins[DUK_BIDX_DOUBLE_ERROR];\n"),
    ("errors: creation starts",
     "\t\tthr->heap->creating_error = 1;\n\n\t\tduk_require_stack(thr, 1);\n",
     "\t\tthr->heap->creating_error = 1;\n"
     "\t\tpetrel_vm_creating_error(thr->heap->ms_running ? 2 : 1); /* 2: the collector's, swallowed */\n\n"
     "\t\tduk_require_stack(thr, 1);\n"),
    ("errors: the created error",
     "\t\tduk_push_error_object_raw(thr, code | DUK_ERRCODE_FLAG_NOBLAME_FILELINE, filename, line, \"%s\", (const char *) msg);\n#else\n",
     "\t\tduk_push_error_object_raw(thr, code | DUK_ERRCODE_FLAG_NOBLAME_FILELINE, filename, line, \"%s\", (const char *) msg);\n"
     "\t\tpetrel_vm_error_created((void *) thr, msg);\n#else\n"),
    ("ROM objects: freezing one is a no-op",
     "\tif (DUK_HEAPHDR_HAS_READONLY((duk_heaphdr *) obj)) {\n"
     "\t\tDUK_DD(DUK_DDPRINT(\"attempt to seal/freeze a readonly object, reject\"));\n"
     "\t\tDUK_ERROR_TYPE(thr, DUK_STR_NOT_CONFIGURABLE);\n"
     "\t\tDUK_WO_NORETURN(return;);\n"
     "\t}\n",
     "\tif (DUK_HEAPHDR_HAS_READONLY((duk_heaphdr *) obj)) {\n"
     "\t\treturn; /* Petrel: a ROM object cannot change at all (edit 5) */\n"
     "\t}\n"),
    ("errors: creation ends",
     "\t\tduk_err_setup_ljstate1(thr, DUK_LJ_TYPE_THROW, DUK_GET_TVAL_NEGIDX(thr, -1));\n\t\tthr->heap->creating_error = 0;\n",
     "\t\tduk_err_setup_ljstate1(thr, DUK_LJ_TYPE_THROW, DUK_GET_TVAL_NEGIDX(thr, -1));\n\t\tthr->heap->creating_error = 0;\n"
     "\t\tpetrel_vm_creating_error(0);\n"),
    ("light functions: the runtime names them",
     "\tDUK_ASSERT_API_ENTRY(thr);\n\n\tduk_push_literal(thr, \"light_\");\n",
     "\tDUK_ASSERT_API_ENTRY(thr);\n\n"
     "\t{ /* Petrel: edit 7 */\n"
     "\t\tconst char *petrel_name = petrel_lightfunc_name(func, (int) DUK_LFUNC_FLAGS_GET_MAGIC(lf_flags));\n"
     "\t\tif (petrel_name != NULL) {\n"
     "\t\t\tduk_push_string(thr, petrel_name);\n"
     "\t\t\treturn;\n"
     "\t\t}\n"
     "\t}\n"
     "\tduk_push_literal(thr, \"light_\");\n"),
    ("light functions: the lookup's declaration",
     "DUK_INTERNAL void duk_push_lightfunc_name_raw(duk_hthread *thr, duk_c_function func, duk_small_uint_t lf_flags) {\n",
     "const char *petrel_lightfunc_name(duk_c_function fn, int magic); /* Petrel: runtime/lightfunc_names.c, edit 7 */\n"
     "DUK_INTERNAL void duk_push_lightfunc_name_raw(duk_hthread *thr, duk_c_function func, duk_small_uint_t lf_flags) {\n"),
    ("light functions: node's toString",
     "\tduk_push_literal(thr, \"() { [lightfunc code] }\");\n",
     "\tduk_push_literal(thr, \"() { [native code] }\"); /* Petrel: edit 7 */\n"),
    ("light functions: built-in methods are no constructors (edit 12)",
     "\t\t\t *   - Never specialfuncs.\n\t\t\t */\n\t\t\tfunc = NULL;\n\t\t\tgoto finished;\n",
     "\t\t\t *   - Never specialfuncs.\n\t\t\t */\n"
     "\t\t\tif (*call_flags & DUK_CALL_FLAG_CONSTRUCT) { /* Petrel: edit 12 */\n"
     "\t\t\t\textern int petrel_lightfunc_is_rom_method(duk_c_function fn, int magic);\n"
     "\t\t\t\tif (petrel_lightfunc_is_rom_method(DUK_TVAL_GET_LIGHTFUNC_FUNCPTR(tv_func),\n"
     "\t\t\t\t                                   (int) DUK_LFUNC_FLAGS_GET_MAGIC(DUK_TVAL_GET_LIGHTFUNC_FLAGS(tv_func)))) {\n"
     "\t\t\t\t\tgoto not_constructable;\n"
     "\t\t\t\t}\n"
     "\t\t\t}\n"
     "\t\t\tfunc = NULL;\n\t\t\tgoto finished;\n"),
    ("not a constructor: duk_is_constructable (edit 12)",
     "\tif (DUK_TVAL_IS_LIGHTFUNC(tv)) {\n\t\treturn 1;\n\t}\n\treturn 0;\n}\n\nDUK_EXTERNAL duk_bool_t duk_is_c_function(",
     "\tif (DUK_TVAL_IS_LIGHTFUNC(tv)) { /* Petrel: edit 12 */\n"
     "\t\textern int petrel_lightfunc_is_rom_method(duk_c_function fn, int magic);\n"
     "\t\treturn !petrel_lightfunc_is_rom_method(DUK_TVAL_GET_LIGHTFUNC_FUNCPTR(tv),\n"
     "\t\t                                       (int) DUK_LFUNC_FLAGS_GET_MAGIC(DUK_TVAL_GET_LIGHTFUNC_FLAGS(tv)));\n"
     "\t}\n\treturn 0;\n}\n\nDUK_EXTERNAL duk_bool_t duk_is_c_function("),
    ("native stack: the compiler checks it too",
     "\tif (comp_ctx->recursion_depth >= comp_ctx->recursion_limit) {\n"
     "\t\tDUK_ERROR_RANGE(comp_ctx->thr, DUK_STR_COMPILER_RECURSION_LIMIT);\n",
     "\tduk_native_stack_check(comp_ctx->thr); /* Petrel: edit 6 */\n"
     "\tif (comp_ctx->recursion_depth >= comp_ctx->recursion_limit) {\n"
     "\t\tDUK_ERROR_RANGE(comp_ctx->thr, DUK_STR_COMPILER_RECURSION_LIMIT);\n"),
]


LAZY_PROTO_HELPER = (
    "/* Petrel (tools/duktape_patch.py, edit 3): a closure's automatic .prototype is made\n"
    " * here, when KEY is 'prototype' and the lookup would reach a closure that has none\n"
    " * yet (compiled, constructable, not a template: templates have no lexical env).\n"
    " * Callers call this before their own lookup, where side effects are already allowed\n"
    " * (it allocates). OWN_ONLY: only OBJ itself answers (own-property operations). */\n"
    "DUK_INTERNAL void duk_petrel_lazy_prototype(duk_hthread *thr, duk_hobject *obj, duk_hstring *key, duk_bool_t own_only) {\n"
    "\tduk_uint_t sanity = DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY;\n"
    "\tduk_int_t e_idx, h_idx;\n"
    "\tif (DUK_LIKELY(key != DUK_HTHREAD_STRING_PROTOTYPE(thr))) {\n"
    "\t\treturn;\n"
    "\t}\n"
    "\twhile (obj != NULL && sanity-- > 0) {\n"
    "\t\tif (duk_hobject_find_entry(thr->heap, obj, key, &e_idx, &h_idx)) {\n"
    "\t\t\treturn;\n"
    "\t\t}\n"
    "\t\tif (DUK_HOBJECT_IS_COMPFUNC(obj) && DUK_HOBJECT_HAS_CONSTRUCTABLE(obj) &&\n"
    "\t\t    DUK_HCOMPFUNC_GET_LEXENV(thr->heap, (duk_hcompfunc *) obj) != NULL) {\n"
    "\t\t\tduk_push_hobject(thr, obj); /* -> [ ... closure ] */\n"
    "\t\t\tduk_push_object(thr); /* -> [ ... closure newobj ] */\n"
    "\t\t\tduk_dup_m2(thr);\n"
    "\t\t\tduk_xdef_prop_stridx_short(thr, -2, DUK_STRIDX_CONSTRUCTOR, DUK_PROPDESC_FLAGS_WC);\n"
    "\t\t\tduk_compact(thr, -1);\n"
    "\t\t\tduk_xdef_prop_stridx_short(thr, -2, DUK_STRIDX_PROTOTYPE, DUK_PROPDESC_FLAGS_W);\n"
    "\t\t\tduk_pop_unsafe(thr);\n"
    "\t\t\treturn;\n"
    "\t\t}\n"
    "\t\tif (own_only) {\n"
    "\t\t\treturn;\n"
    "\t\t}\n"
    "\t\tobj = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj);\n"
    "\t}\n"
    "}\n\n")

FAST_PROP_HELPERS = (
    "/* Petrel (tools/duktape_patch.py, edit 8): the short paths of a property read and\n"
    " * write by a string key. The read returns 1 (value pushed), 0 (not found, undefined\n"
    " * pushed) or -1 (nothing pushed: take the long path); the write returns 1 if it\n"
    " * wrote. Only ordinary objects answer: an exotic one (array, arguments, String\n"
    " * object, buffer object, Proxy) or an accessor sends the caller the long way. */\n"
    "DUK_LOCAL duk_bool_t duk__petrel_plain_key(duk_hthread *thr, duk_hstring *key) {\n"
    "\treturn !DUK_HSTRING_HAS_ARRIDX(key) && key != DUK_HTHREAD_STRING_PROTOTYPE(thr) &&\n"
    "\t       key != DUK_HTHREAD_STRING_CALLER(thr);\n"
    "}\n"
    "DUK_INTERNAL duk_small_int_t duk_petrel_getprop_fast(duk_hthread *thr, duk_tval *tv_obj, duk_hstring *key) {\n"
    "\tduk_hobject *obj;\n"
    "\tduk_uint_t sanity = DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY;\n"
    "\tduk_int_t e_idx, h_idx;\n"
    "\tif (!DUK_TVAL_IS_OBJECT(tv_obj)) {\n"
    "\t\treturn -1;\n"
    "\t}\n"
    "\tobj = DUK_TVAL_GET_OBJECT(tv_obj);\n"
    "\tif (key == DUK_HTHREAD_STRING_PROTOTYPE(thr)) { /* an own one only: edit 3 makes the rest */\n"
    "\t\tif (DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj) || !duk_hobject_find_entry(thr->heap, obj, key, &e_idx, &h_idx) ||\n"
    "\t\t    DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx)) {\n"
    "\t\t\treturn -1;\n"
    "\t\t}\n"
    "\t\tduk_push_tval(thr, DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx));\n"
    "\t\treturn 1;\n"
    "\t}\n"
    "\tif (!duk__petrel_plain_key(thr, key)) {\n"
    "\t\treturn -1;\n"
    "\t}\n"
    "\twhile (obj != NULL) {\n"
    "\t\tif (sanity-- == 0 || DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj)) {\n"
    "\t\t\treturn -1;\n"
    "\t\t}\n"
    "\t\tif (duk_hobject_find_entry(thr->heap, obj, key, &e_idx, &h_idx)) {\n"
    "\t\t\tif (DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx)) {\n"
    "\t\t\t\treturn -1;\n"
    "\t\t\t}\n"
    "\t\t\tduk_push_tval(thr, DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx));\n"
    "\t\t\treturn 1;\n"
    "\t\t}\n"
    "\t\tobj = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj);\n"
    "\t}\n"
    "\tduk_push_undefined(thr);\n"
    "\treturn 0;\n"
    "}\n"
    "DUK_INTERNAL duk_bool_t duk_petrel_putprop_fast(duk_hthread *thr, duk_tval *tv_obj, duk_hstring *key, duk_tval *tv_val) {\n"
    "\tduk_hobject *obj;\n"
    "\tduk_int_t e_idx, h_idx;\n"
    "\tduk_tval *tv;\n"
    "\tif (!DUK_TVAL_IS_OBJECT(tv_obj) || !duk__petrel_plain_key(thr, key)) {\n"
    "\t\treturn 0;\n"
    "\t}\n"
    "\tobj = DUK_TVAL_GET_OBJECT(tv_obj);\n"
    "\tif (DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj) || DUK_HEAPHDR_HAS_READONLY((duk_heaphdr *) obj) ||\n"
    "\t    !duk_hobject_find_entry(thr->heap, obj, key, &e_idx, &h_idx) ||\n"
    "\t    DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx) || !DUK_HOBJECT_E_SLOT_IS_WRITABLE(thr->heap, obj, e_idx)) {\n"
    "\t\treturn 0;\n"
    "\t}\n"
    "\ttv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx);\n"
    "\tDUK_TVAL_SET_TVAL_UPDREF(thr, tv, tv_val); /* side effects */\n"
    "\treturn 1;\n"
    "}\n"
    "/* For C (runtime/runtime.h): obj[key] where key is a C string that never changes at\n"
    " * its address, if the short path finds a number there: 1 and *out; else 0 and the\n"
    " * caller reads it the ordinary way. Nothing is pushed. */\n"
    "DUK_EXTERNAL duk_bool_t duk_petrel_get_number_static(duk_hthread *thr, duk_idx_t obj_idx, const char *key, duk_size_t key_len, duk_double_t *out) {\n"
    "#if defined(DUK_USE_LITCACHE_SIZE)\n"
    "\tduk_hstring *h = duk_heap_strtable_intern_literal_checked(thr, (const duk_uint8_t *) key, (duk_uint32_t) key_len);\n"
    "\tduk_tval *tv_obj = duk_get_tval(thr, obj_idx);\n"
    "\tduk_hobject *obj;\n"
    "\tduk_uint_t sanity = DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY;\n"
    "\tduk_int_t e_idx, h_idx;\n"
    "\tif (tv_obj == NULL || !DUK_TVAL_IS_OBJECT(tv_obj) || !duk__petrel_plain_key(thr, h)) {\n"
    "\t\treturn 0;\n"
    "\t}\n"
    "\tfor (obj = DUK_TVAL_GET_OBJECT(tv_obj); obj != NULL; obj = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj)) {\n"
    "\t\tif (sanity-- == 0 || DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(obj)) {\n"
    "\t\t\treturn 0;\n"
    "\t\t}\n"
    "\t\tif (duk_hobject_find_entry(thr->heap, obj, h, &e_idx, &h_idx)) {\n"
    "\t\t\tduk_tval *tv;\n"
    "\t\t\tif (DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx)) {\n"
    "\t\t\t\treturn 0;\n"
    "\t\t\t}\n"
    "\t\t\ttv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx);\n"
    "\t\t\tif (!DUK_TVAL_IS_NUMBER(tv)) {\n"
    "\t\t\t\treturn 0;\n"
    "\t\t\t}\n"
    "\t\t\t*out = DUK_TVAL_GET_NUMBER(tv);\n"
    "\t\t\treturn 1;\n"
    "\t\t}\n"
    "\t}\n"
    "#else\n"
    "\tDUK_UNREF(thr); DUK_UNREF(obj_idx); DUK_UNREF(key); DUK_UNREF(key_len); DUK_UNREF(out);\n"
    "#endif\n"
    "\treturn 0;\n"
    "}\n\n")

LAZY = "duk_petrel_lazy_prototype(thr, "
EDITS += [
    ("lazy prototype: declaration",
     "DUK_INTERNAL_DECL void duk_hobject_object_seal_freeze_helper(duk_hthread *thr, duk_hobject *obj, duk_bool_t is_freeze);\n",
     "DUK_INTERNAL_DECL void duk_hobject_object_seal_freeze_helper(duk_hthread *thr, duk_hobject *obj, duk_bool_t is_freeze);\n"
     "DUK_INTERNAL_DECL void duk_petrel_lazy_prototype(duk_hthread *thr, duk_hobject *obj, duk_hstring *key, duk_bool_t own_only);\n"
     "DUK_INTERNAL_DECL duk_small_int_t duk_petrel_getprop_fast(duk_hthread *thr, duk_tval *tv_obj, duk_hstring *key);\n"
     "DUK_INTERNAL_DECL duk_bool_t duk_petrel_putprop_fast(duk_hthread *thr, duk_tval *tv_obj, duk_hstring *key, duk_tval *tv_val);\n"),
    ("lazy prototype: the helper",
     "DUK_INTERNAL void duk_hobject_enumerator_create(duk_hthread *thr, duk_small_uint_t enum_flags) {\n",
     LAZY_PROTO_HELPER + FAST_PROP_HELPERS + "DUK_INTERNAL void duk_hobject_enumerator_create(duk_hthread *thr, duk_small_uint_t enum_flags) {\n"),
    ("lazy prototype: closures are made without one",
     "\tif (add_auto_proto) {\n"
     "\t\tduk_push_object(thr); /* -> [ ... closure template newobj ] */\n"
     "\t\tduk_dup_m3(thr); /* -> [ ... closure template newobj closure ] */\n"
     "\t\tduk_xdef_prop_stridx_short(thr,\n"
     "\t\t                           -2,\n"
     "\t\t                           DUK_STRIDX_CONSTRUCTOR,\n"
     "\t\t                           DUK_PROPDESC_FLAGS_WC); /* -> [ ... closure template newobj ] */\n"
     "\t\tduk_compact(thr, -1); /* compact the prototype */\n"
     "\t\tduk_xdef_prop_stridx_short(thr, -3, DUK_STRIDX_PROTOTYPE, DUK_PROPDESC_FLAGS_W); /* -> [ ... closure template ] */\n"
     "\t}\n",
     "\t/* Petrel: no .prototype yet; duk_petrel_lazy_prototype() makes it on first use. */\n"),
    ("lazy prototype: closure assertion",
     "\tDUK_ASSERT(add_auto_proto == 0 || duk_has_prop_stridx(thr, -2, DUK_STRIDX_PROTOTYPE) != 0);\n", ""),
    ("lazy prototype: get",
     "lookup:\n\t/* [key] (coerced) */\n\tDUK_ASSERT(curr != NULL);\n\tDUK_ASSERT(key != NULL);\n",
     "lookup:\n\t/* [key] (coerced) */\n\tDUK_ASSERT(curr != NULL);\n\tDUK_ASSERT(key != NULL);\n"
     "\t" + LAZY + "curr, key, 0);\n"),
    ("lazy prototype: put",
     "lookup:\n\n\t/*\n\t *  Check whether the property already exists in the prototype chain.\n",
     "lookup:\n\t" + LAZY + "curr, key, 0);\n\n\t/*\n\t *  Check whether the property already exists in the prototype chain.\n"),
    ("lazy prototype: has",
     "\tDUK_STATS_INC(thr->heap, stats_getpropdesc_count);\n",
     "\tDUK_STATS_INC(thr->heap, stats_getpropdesc_count);\n\t" + LAZY + "obj, key, 0);\n"),
    ("lazy prototype: delete",
     "\t/* 0 = don't push current value */\n\tif (!duk__get_own_propdesc_raw(thr, obj, key, arr_idx, &desc, 0 /*flags*/)) { /* don't push value */\n",
     "\t" + LAZY + "obj, key, 1);\n"
     "\t/* 0 = don't push current value */\n\tif (!duk__get_own_propdesc_raw(thr, obj, key, arr_idx, &desc, 0 /*flags*/)) { /* don't push value */\n"),
    ("lazy prototype: own descriptor",
     "\treturn duk__get_own_propdesc_raw(thr, obj, key, DUK_HSTRING_GET_ARRIDX_SLOW(key), out_desc, flags);\n",
     "\t" + LAZY + "obj, key, 1);\n"
     "\treturn duk__get_own_propdesc_raw(thr, obj, key, DUK_HSTRING_GET_ARRIDX_SLOW(key), out_desc, flags);\n"),
    ("lazy prototype: define",
     "\t/*\n\t *  First check whether property exists; if not, simple case.  This covers\n\t *  steps 1-4.\n\t */\n",
     "\t" + LAZY + "obj, key, 1);\n"
     "\t/*\n\t *  First check whether property exists; if not, simple case.  This covers\n\t *  steps 1-4.\n\t */\n"),
    ("lazy prototype: own keys",
     "\tenum_target = duk_require_hobject(thr, -1);\n\tDUK_ASSERT(enum_target != NULL);\n\n\tduk_push_bare_object(thr);\n",
     "\tenum_target = duk_require_hobject(thr, -1);\n\tDUK_ASSERT(enum_target != NULL);\n"
     "\tif (enum_flags & DUK_ENUM_INCLUDE_NONENUMERABLE) {\n"
     "\t\t" + LAZY + "enum_target, DUK_HTHREAD_STRING_PROTOTYPE(thr), 1);\n"
     "\t}\n\n\tduk_push_bare_object(thr);\n"),
    ("lazy prototype: seal and freeze",
     "\t/*\n\t *  Abandon array part because all properties must become non-configurable.\n",
     "\t" + LAZY + "obj, DUK_HTHREAD_STRING_PROTOTYPE(thr), 1);\n"
     "\t/*\n\t *  Abandon array part because all properties must become non-configurable.\n"),
]

COPY_COMMENT = "\n\t/*\n\t *  Make a copy of tv_obj, tv_key, and tv_val to avoid any issues of\n"
EDITS += [
    ("getprop: the short path (edit 8)",
     "\tDUK_STATS_INC(thr->heap, stats_getprop_all);\n" + COPY_COMMENT,
     "\tDUK_STATS_INC(thr->heap, stats_getprop_all);\n"
     "\tif (DUK_TVAL_IS_STRING(tv_key)) { /* Petrel: edit 8 */\n"
     "\t\tduk_small_int_t petrel_rc = duk_petrel_getprop_fast(thr, tv_obj, DUK_TVAL_GET_STRING(tv_key));\n"
     "\t\tif (petrel_rc >= 0) {\n"
     "\t\t\treturn (duk_bool_t) petrel_rc;\n"
     "\t\t}\n"
     "\t}\n" + COPY_COMMENT),
    ("putprop: the short path (edit 8)",
     "\tDUK_STATS_INC(thr->heap, stats_putprop_all);\n" + COPY_COMMENT,
     "\tDUK_STATS_INC(thr->heap, stats_putprop_all);\n"
     "\tif (DUK_TVAL_IS_STRING(tv_key) && duk_petrel_putprop_fast(thr, tv_obj, DUK_TVAL_GET_STRING(tv_key), tv_val)) {\n"
     "\t\treturn 1; /* Petrel: edit 8 */\n"
     "\t}\n" + COPY_COMMENT),
    ("get by a C literal: the short path (edit 8)",
     "\tobj_idx = duk_require_normalize_index(thr, obj_idx);\n"
     "\t(void) duk_push_literal_raw(thr, key, key_len);\n"
     "\treturn duk_get_prop(thr, obj_idx);\n",
     "\tobj_idx = duk_require_normalize_index(thr, obj_idx);\n"
     "#if defined(DUK_USE_LITCACHE_SIZE)\n"
     "\t{ /* Petrel: edit 8 */\n"
     "\t\tduk_hstring *h = duk_heap_strtable_intern_literal_checked(thr, (const duk_uint8_t *) key, (duk_uint32_t) key_len);\n"
     "\t\tduk_small_int_t rc = duk_petrel_getprop_fast(thr, DUK_GET_TVAL_POSIDX(thr, obj_idx), h);\n"
     "\t\tif (rc >= 0) {\n"
     "\t\t\treturn (duk_bool_t) rc;\n"
     "\t\t}\n"
     "\t\tduk_push_hstring(thr, h);\n"
     "\t}\n"
     "#else\n"
     "\t(void) duk_push_literal_raw(thr, key, key_len);\n"
     "#endif\n"
     "\treturn duk_get_prop(thr, obj_idx);\n"),
    ("put by a C literal: the short path (edit 8)",
     "\tobj_idx = duk_normalize_index(thr, obj_idx);\n"
     "\t(void) duk_push_literal_raw(thr, key, key_len);\n"
     "\treturn duk__put_prop_shared(thr, obj_idx, -1);\n",
     "\tobj_idx = duk_normalize_index(thr, obj_idx);\n"
     "#if defined(DUK_USE_LITCACHE_SIZE)\n"
     "\t{ /* Petrel: edit 8 */\n"
     "\t\tduk_hstring *h = duk_heap_strtable_intern_literal_checked(thr, (const duk_uint8_t *) key, (duk_uint32_t) key_len);\n"
     "\t\tif (duk_petrel_putprop_fast(thr, duk_require_tval(thr, obj_idx), h, duk_require_tval(thr, -1))) {\n"
     "\t\t\tduk_pop_unsafe(thr);\n"
     "\t\t\treturn 1;\n"
     "\t\t}\n"
     "\t\tduk_push_hstring(thr, h);\n"
     "\t}\n"
     "#else\n"
     "\t(void) duk_push_literal_raw(thr, key, key_len);\n"
     "#endif\n"
     "\treturn duk__put_prop_shared(thr, obj_idx, -1);\n"),
]

EDITS += [
    ("instanceof: the built-in Symbol.hasInstance runs in place (edit 9)",
     "\t\tif (duk_get_method_stridx(thr, -1, DUK_STRIDX_WELLKNOWN_SYMBOL_HAS_INSTANCE)) {\n"
     "\t\t\t/* [ ... lhs rhs func ] */\n"
     "\t\t\tduk_insert(thr, -3); /* -> [ ... func lhs rhs ] */\n"
     "\t\t\tduk_swap_top(thr, -2); /* -> [ ... func rhs(this) lhs ] */\n"
     "\t\t\tduk_call_method(thr, 1);\n"
     "\t\t\treturn duk_to_boolean_top_pop(thr);\n"
     "\t\t}\n"
     "\t}\n",
     "\t\tif (duk_get_method_stridx(thr, -1, DUK_STRIDX_WELLKNOWN_SYMBOL_HAS_INSTANCE)) {\n"
     "\t\t\tduk_hobject *petrel_m = duk_get_hobject(thr, -1); /* Petrel: edit 9 */\n"
     "\t\t\tif (petrel_m != NULL && DUK_HOBJECT_IS_NATFUNC(petrel_m) &&\n"
     "\t\t\t    ((duk_hnatfunc *) petrel_m)->func == duk_bi_function_prototype_hasinstance) {\n"
     "\t\t\t\tduk_pop_unsafe(thr); /* [ ... lhs rhs ]: the built-in's own algorithm follows */\n"
     "\t\t\t\tgoto petrel_ordinary;\n"
     "\t\t\t}\n"
     "\t\t\t/* [ ... lhs rhs func ] */\n"
     "\t\t\tduk_insert(thr, -3); /* -> [ ... func lhs rhs ] */\n"
     "\t\t\tduk_swap_top(thr, -2); /* -> [ ... func rhs(this) lhs ] */\n"
     "\t\t\tduk_call_method(thr, 1);\n"
     "\t\t\treturn duk_to_boolean_top_pop(thr);\n"
     "\t\t}\n"
     "\t}\n"
     "petrel_ordinary:;\n"),
]

EDITS += [
    ("lean buffers: the compiler's first bytecode buffer (edit 10)",
     "#if defined(DUK_USE_PREFER_SIZE)\n#define DUK__BC_INITIAL_INSTS 16\n",
     "#if defined(DUK_USE_PREFER_SIZE) || defined(PETREL_DUK_LEAN_BUFFERS) /* Petrel: edit 10 */\n"
     "#define DUK__BC_INITIAL_INSTS 16\n"),
    ("lean buffers: a buffer writer's spare room (edit 10)",
     "#if defined(DUK_USE_PREFER_SIZE)\n#define DUK_BW_SLACK_ADD   64\n#define DUK_BW_SLACK_SHIFT 4",
     "#if defined(DUK_USE_PREFER_SIZE) || defined(PETREL_DUK_LEAN_BUFFERS) /* Petrel: edit 10 */\n"
     "#define DUK_BW_SLACK_ADD   64\n#define DUK_BW_SLACK_SHIFT 4"),
]


EDITS += [
    ("built apps: the traceback's positions (edit 11)",
     "DUK_LOCAL duk_ret_t duk__error_getter_helper(duk_hthread *thr, duk_small_int_t output_type) {\n",
     "const char *petrel_linetab_map(const char *filename, duk_uint_t *line); /* Petrel: edit 11 */\n"
     "DUK_LOCAL duk_ret_t duk__error_getter_helper(duk_hthread *thr, duk_small_int_t output_type) {\n"),
    ("built apps: a frame's position (edit 11)",
     "\t\t\t\t} else {\n"
     "\t\t\t\t\tduk_push_sprintf(\n"
     "\t\t\t\t\t    thr,\n"
     "\t\t\t\t\t    \"at %s (%s:%lu)%s%s%s%s%s\",\n",
     "\t\t\t\t} else {\n"
     "\t\t\t\t\tfilename = petrel_linetab_map(filename, &line); /* Petrel: edit 11 */\n"
     "\t\t\t\t\tduk_push_sprintf(\n"
     "\t\t\t\t\t    thr,\n"
     "\t\t\t\t\t    \"at %s (%s:%lu)%s%s%s%s%s\",\n"),
    ("built apps: err.fileName and err.lineNumber (edit 11)",
     "\t\t\t\tif (duk_is_string_notsymbol(thr, -1)) {\n"
     "\t\t\t\t\tif (output_type == DUK__OUTPUT_TYPE_FILENAME) {\n"
     "\t\t\t\t\t\treturn 1;\n"
     "\t\t\t\t\t} else if (output_type == DUK__OUTPUT_TYPE_LINENUMBER) {\n"
     "\t\t\t\t\t\tduk_push_uint(thr, line);\n",
     "\t\t\t\tif (duk_is_string_notsymbol(thr, -1)) {\n"
     "\t\t\t\t\tif (output_type == DUK__OUTPUT_TYPE_FILENAME || output_type == DUK__OUTPUT_TYPE_LINENUMBER) {\n"
     "\t\t\t\t\t\tconst char *mapped = petrel_linetab_map(duk_get_string(thr, -1), &line); /* Petrel: edit 11 */\n"
     "\t\t\t\t\t\tif (output_type == DUK__OUTPUT_TYPE_FILENAME) {\n"
     "\t\t\t\t\t\t\tduk_push_string(thr, mapped);\n"
     "\t\t\t\t\t\t\treturn 1;\n"
     "\t\t\t\t\t\t}\n"
     "\t\t\t\t\t\tduk_push_uint(thr, line);\n"),
]


EDITS += [
    ("species: the hook (edit 13)",
     "DUK_INTERNAL duk_ret_t duk_bi_array_prototype_concat(duk_hthread *thr) {\n",
     "void petrel_array_species_create(duk_context *ctx, duk_idx_t orig, duk_double_t len); /* Petrel: edit 13 */\n"
     "DUK_LOCAL void duk__petrel_species_create(duk_hthread *thr, duk_idx_t orig, duk_double_t len) {\n"
     "\tpetrel_array_species_create(thr, duk_require_normalize_index(thr, orig), len); /* [ ... ] -> [ ... result ] */\n"
     "}\n"
     "DUK_INTERNAL duk_ret_t duk_bi_array_prototype_concat(duk_hthread *thr) {\n"),
    ("species: concat (edit 13)",
     "\tduk_push_array(thr); /* -> [ ToObject(this) item1 ... itemN arr ] */\n",
     "\tduk__petrel_species_create(thr, 0, 0); /* Petrel: edit 13 */ /* -> [ ToObject(this) item1 ... itemN arr ] */\n"),
    ("species: splice (edit 13)",
     "\t\tDUK_DCERROR_RANGE_INVALID_LENGTH(thr);\n\t}\n\n\tduk_push_array(thr);\n",
     "\t\tDUK_DCERROR_RANGE_INVALID_LENGTH(thr);\n\t}\n\n\tduk__petrel_species_create(thr, -2, (duk_double_t) del_count); /* Petrel: edit 13 */\n"),
    ("species: slice (edit 13)",
     "\tDUK_ASSERT(len >= 0);\n\n\tduk_push_array(thr);\n\n\t/* stack[0] = start\n\t * stack[1] = end\n",
     "\tDUK_ASSERT(len >= 0);\n\n\tduk_push_undefined(thr); /* Petrel: edit 13, the result made below */\n\n\t/* stack[0] = start\n\t * stack[1] = end\n"),
    ("species: slice's result, of its count, after start and end (edit 13)",
     "\tDUK_ASSERT(start >= 0 && start <= len);\n\tDUK_ASSERT(end >= 0 && end <= len);\n\n\tidx = 0;\n\tfor (i = start; i < end; i++) {\n\t\tDUK_ASSERT_TOP(thr, 5);\n",
     "\tDUK_ASSERT(start >= 0 && start <= len);\n\tDUK_ASSERT(end >= 0 && end <= len);\n\n"
     "\tduk_pop(thr); /* Petrel: edit 13 */\n"
     "\tduk__petrel_species_create(thr, 2, (duk_double_t) (end > start ? end - start : 0));\n"
     "\tidx = 0;\n\tfor (i = start; i < end; i++) {\n\t\tDUK_ASSERT_TOP(thr, 5);\n"),
    ("species: map and filter (edit 13)",
     "\tif (iter_type == DUK__ITER_MAP || iter_type == DUK__ITER_FILTER) {\n\t\tduk_push_array(thr);\n",
     "\tif (iter_type == DUK__ITER_MAP || iter_type == DUK__ITER_FILTER) { /* Petrel: edit 13 */\n"
     "\t\tduk__petrel_species_create(thr, 2, iter_type == DUK__ITER_MAP ? (duk_double_t) len : 0);\n"),
]


EDITS += [
    ("arguments[Symbol.iterator] (edit 14)",
     "\t/* set exotic behavior only after we're done */\n",
     "\t/* Petrel: edit 14, arguments[Symbol.iterator] = Array.prototype[Symbol.iterator] */\n"
     "\tduk_push_hobject(thr, thr->builtins[DUK_BIDX_ARRAY_PROTOTYPE]);\n"
     "\tduk_push_literal(thr, DUK_WELLKNOWN_SYMBOL(\"Symbol.iterator\"));\n"
     "\tif (duk_get_prop(thr, -2)) {\n"
     "\t\tduk_push_literal(thr, DUK_WELLKNOWN_SYMBOL(\"Symbol.iterator\"));\n"
     "\t\tduk_swap_top(thr, -2);\n"
     "\t\tduk_xdef_prop(thr, i_arg, DUK_PROPDESC_FLAGS_WC);\n"
     "\t\tduk_pop(thr);\n"
     "\t} else {\n"
     "\t\tduk_pop_2(thr);\n"
     "\t}\n\n"
     "\t/* set exotic behavior only after we're done */\n"),
]


EDITS += [
    ("duk_pack for C (edit 15)",
     "DUK_INTERNAL void duk_pack(duk_hthread *thr, duk_idx_t count) {\n",
     "DUK_EXTERNAL void duk_petrel_pack(duk_hthread *thr, duk_idx_t count) { /* Petrel: edit 15 */\n"
     "\tduk_pack(thr, count);\n"
     "}\n"
     "DUK_INTERNAL void duk_pack(duk_hthread *thr, duk_idx_t count) {\n"),
]


EDITS += [
    ("deleted last entries give their slots back (edit 18)",
     "\t\tDUK_ASSERT(key == DUK_HOBJECT_E_GET_KEY(thr->heap, obj, desc.e_idx));\n"
     "\t\tDUK_HOBJECT_E_SET_KEY(thr->heap, obj, desc.e_idx, NULL);\n"
     "\t\tDUK_HSTRING_DECREF_NORZ(thr, key);\n",
     "\t\tDUK_ASSERT(key == DUK_HOBJECT_E_GET_KEY(thr->heap, obj, desc.e_idx));\n"
     "\t\tDUK_HOBJECT_E_SET_KEY(thr->heap, obj, desc.e_idx, NULL);\n"
     "\t\tDUK_HSTRING_DECREF_NORZ(thr, key);\n"
     "\t\tif (DUK_HOBJECT_GET_HSIZE(obj) == 0) { /* Petrel: edit 18 */\n"
     "\t\t\tduk_uint32_t e_next = DUK_HOBJECT_GET_ENEXT(obj);\n"
     "\t\t\twhile (e_next > 0 && DUK_HOBJECT_E_GET_KEY(thr->heap, obj, e_next - 1) == NULL) {\n"
     "\t\t\t\te_next--;\n"
     "\t\t\t}\n"
     "\t\t\tDUK_HOBJECT_SET_ENEXT(obj, e_next);\n"
     "\t\t}\n"),
]


EDITS += [
    ("a property table of a given size from C (edit 17)",
     "/* Grow entry part allocation for one additional entry. */\n"
     "DUK_LOCAL void duk__grow_props_for_new_entry_item(duk_hthread *thr, duk_hobject *obj) {\n",
     "/* Petrel (tools/duktape_patch.py, edit 17): at least n entries for the object at idx. */\n"
     "DUK_EXTERNAL void duk_petrel_reserve(duk_hthread *thr, duk_idx_t idx, duk_uint_t n) {\n"
     "\tduk_hobject *obj = duk_require_hobject(thr, idx);\n"
     "\tif (DUK_HOBJECT_GET_ESIZE(obj) < n) {\n"
     "\t\tduk_hobject_resize_entrypart(thr, obj, (duk_uint32_t) n);\n"
     "\t}\n"
     "}\n\n"
     "/* Grow entry part allocation for one additional entry. */\n"
     "DUK_LOCAL void duk__grow_props_for_new_entry_item(duk_hthread *thr, duk_hobject *obj) {\n"),
]


EDITS += [
    ("index access: the helpers (edit 16)",
     "#endif /* DUK_USE_ARRAY_PROP_FASTPATH */\n\n/*\n *  Fast path for bufobj getprop/putprop\n */\n",
     "#endif /* DUK_USE_ARRAY_PROP_FASTPATH */\n\n"
     "/* Petrel (tools/duktape_patch.py, edit 16): obj_idx (normalized) [arr_idx] by the\n"
     " * array fast paths above; 0: nothing done, take the long path. */\n"
     "DUK_INTERNAL duk_bool_t duk_petrel_get_index_fast(duk_hthread *thr, duk_idx_t obj_idx, duk_uarridx_t arr_idx) {\n"
     "#if defined(DUK_USE_ARRAY_PROP_FASTPATH)\n"
     "\tduk_tval *tv_obj = DUK_GET_TVAL_POSIDX(thr, obj_idx);\n"
     "\tduk_tval tv_key;\n"
     "\tduk_tval *tv;\n"
     "\tif (!DUK_TVAL_IS_OBJECT(tv_obj)) {\n"
     "\t\treturn 0;\n"
     "\t}\n"
     "\tDUK_TVAL_SET_U32(&tv_key, (duk_uint32_t) arr_idx);\n"
     "\ttv = duk__getprop_shallow_fastpath_array_tval(thr, DUK_TVAL_GET_OBJECT(tv_obj), &tv_key);\n"
     "\tif (tv == NULL) {\n"
     "\t\treturn 0;\n"
     "\t}\n"
     "\tduk_push_tval(thr, tv);\n"
     "\treturn 1;\n"
     "#else\n"
     "\tDUK_UNREF(thr); DUK_UNREF(obj_idx); DUK_UNREF(arr_idx);\n"
     "\treturn 0;\n"
     "#endif\n"
     "}\n"
     "/* The value on top into obj_idx (normalized) [arr_idx], popped on success. */\n"
     "DUK_INTERNAL duk_bool_t duk_petrel_put_index_fast(duk_hthread *thr, duk_idx_t obj_idx, duk_uarridx_t arr_idx) {\n"
     "#if defined(DUK_USE_ARRAY_PROP_FASTPATH)\n"
     "\tduk_tval *tv_obj = DUK_GET_TVAL_POSIDX(thr, obj_idx);\n"
     "\tduk_tval tv_key;\n"
     "\tduk_hobject *obj;\n"
     "\tif (!DUK_TVAL_IS_OBJECT(tv_obj) || duk_get_top(thr) <= 0) {\n"
     "\t\treturn 0;\n"
     "\t}\n"
     "\tobj = DUK_TVAL_GET_OBJECT(tv_obj);\n"
     "\tif (DUK_HEAPHDR_HAS_READONLY((duk_heaphdr *) obj)) {\n"
     "\t\treturn 0;\n"
     "\t}\n"
     "\tDUK_TVAL_SET_U32(&tv_key, (duk_uint32_t) arr_idx);\n"
     "\tif (!duk__putprop_shallow_fastpath_array_tval(thr, obj, &tv_key, DUK_GET_TVAL_NEGIDX(thr, -1))) {\n"
     "\t\treturn 0;\n"
     "\t}\n"
     "\tduk_pop_unsafe(thr);\n"
     "\treturn 1;\n"
     "#else\n"
     "\tDUK_UNREF(thr); DUK_UNREF(obj_idx); DUK_UNREF(arr_idx);\n"
     "\treturn 0;\n"
     "#endif\n"
     "}\n\n"
     "/*\n *  Fast path for bufobj getprop/putprop\n */\n"),
    ("index access: get (edit 16)",
     "DUK_EXTERNAL duk_bool_t duk_get_prop_index(duk_hthread *thr, duk_idx_t obj_idx, duk_uarridx_t arr_idx) {\n"
     "\tDUK_ASSERT_API_ENTRY(thr);\n\n"
     "\tobj_idx = duk_require_normalize_index(thr, obj_idx);\n",
     "DUK_INTERNAL_DECL duk_bool_t duk_petrel_get_index_fast(duk_hthread *thr, duk_idx_t obj_idx, duk_uarridx_t arr_idx);\n"
     "DUK_INTERNAL_DECL duk_bool_t duk_petrel_put_index_fast(duk_hthread *thr, duk_idx_t obj_idx, duk_uarridx_t arr_idx);\n"
     "DUK_EXTERNAL duk_bool_t duk_get_prop_index(duk_hthread *thr, duk_idx_t obj_idx, duk_uarridx_t arr_idx) {\n"
     "\tDUK_ASSERT_API_ENTRY(thr);\n\n"
     "\tobj_idx = duk_require_normalize_index(thr, obj_idx);\n"
     "\tif (duk_petrel_get_index_fast(thr, obj_idx, arr_idx)) {\n"
     "\t\treturn 1; /* Petrel: edit 16 */\n"
     "\t}\n"),
    ("index access: put (edit 16)",
     "DUK_EXTERNAL duk_bool_t duk_put_prop_index(duk_hthread *thr, duk_idx_t obj_idx, duk_uarridx_t arr_idx) {\n"
     "\tDUK_ASSERT_API_ENTRY(thr);\n\n"
     "\tobj_idx = duk_require_normalize_index(thr, obj_idx);\n",
     "DUK_EXTERNAL duk_bool_t duk_put_prop_index(duk_hthread *thr, duk_idx_t obj_idx, duk_uarridx_t arr_idx) {\n"
     "\tDUK_ASSERT_API_ENTRY(thr);\n\n"
     "\tobj_idx = duk_require_normalize_index(thr, obj_idx);\n"
     "\tif (duk_petrel_put_index_fast(thr, obj_idx, arr_idx)) {\n"
     "\t\treturn 1; /* Petrel: edit 16 */\n"
     "\t}\n"),
]


def main(src, dst):
    with open(src, encoding="utf-8") as f:
        text = f.read()
    for name, old, new in EDITS:
        n = text.count(old)
        if n != 1:
            sys.stderr.write("duktape_patch: '%s' expects its text once in %s, found %d times\n" % (name, src, n))
            return 1
        text = text.replace(old, new)
    genfile.write_atomically(dst, text)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: duktape_patch.py IN OUT\n")
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
