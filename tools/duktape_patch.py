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
   ERR_MEMORY_ALLOCATION_FAILED (petrel_vm_error_created).

5. With ROM built-ins (mps2-an385), Object.freeze/seal of a built-in object (JSON,
   Object.prototype...) returns it instead of throwing a TypeError: a ROM object
   cannot change at all, so what freezing asks for already holds, and code that
   hardens its globals (a frozen-intrinsics style) runs as on node.

6. The JS compiler checks the native stack at each level of its recursion, as
   Duktape's calls, RegExp and JSON code already do (duk_native_stack_check: a
   no-op unless the board defines DUK_USE_NATIVE_STACK_CHECK, as mps2-an385 does).
   Otherwise eval() of deeply nested code at the bottom of a deep call chain could
   run past the stack before the compiler's own depth limit.

7. A property read with a string key (not an array index, not `prototype` or
   `caller`) on an object whose prototype chain has no exotic object (array,
   arguments, String object, buffer object, Proxy) takes a short path: each object's
   own entries are searched (duk_hobject_find_entry, as the long path does) and a
   data property's value is pushed; an accessor, or an exotic object met on the
   way, falls back to the long path at the start. The long path coerced the key,
   pushed and removed it, asked each object for a full property descriptor and
   checked for exotic behaviours on every step: a socket's read of a state field
   cost ~450 instructions and is now ~100 (#17: 40 % of a churn connection's
   instructions were property reads). Same results, as the fallback covers every
   case the short path does not.
"""
import os
import sys

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
     "DUK_INTERNAL DUK_COLD void duk_err_error_alloc_failed(duk_hthread *thr, const char *filename, duk_int_t linenumber) {\n"),
    ("errors: a double fault ends the creation",
     "\t\tthr->heap->creating_error = 0;\n\n\t\th_err = thr->builtins[DUK_BIDX_DOUBLE_ERROR];\n",
     "\t\tthr->heap->creating_error = 0;\n\t\tpetrel_vm_creating_error(0);\n\n\t\th_err = thr->builtins[DUK_BIDX_DOUBLE_ERROR];\n"),
    ("errors: creation starts",
     "\t\tthr->heap->creating_error = 1;\n\n\t\tduk_require_stack(thr, 1);\n",
     "\t\tthr->heap->creating_error = 1;\n\t\tpetrel_vm_creating_error(1);\n\n\t\tduk_require_stack(thr, 1);\n"),
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

LAZY = "duk_petrel_lazy_prototype(thr, "
EDITS += [
    ("lazy prototype: declaration",
     "DUK_INTERNAL_DECL void duk_hobject_object_seal_freeze_helper(duk_hthread *thr, duk_hobject *obj, duk_bool_t is_freeze);\n",
     "DUK_INTERNAL_DECL void duk_hobject_object_seal_freeze_helper(duk_hthread *thr, duk_hobject *obj, duk_bool_t is_freeze);\n"
     "DUK_INTERNAL_DECL void duk_petrel_lazy_prototype(duk_hthread *thr, duk_hobject *obj, duk_hstring *key, duk_bool_t own_only);\n"),
    ("lazy prototype: the helper",
     "DUK_INTERNAL void duk_hobject_enumerator_create(duk_hthread *thr, duk_small_uint_t enum_flags) {\n",
     LAZY_PROTO_HELPER + "DUK_INTERNAL void duk_hobject_enumerator_create(duk_hthread *thr, duk_small_uint_t enum_flags) {\n"),
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

GETPROP_FAST = (
    "\tDUK_STATS_INC(thr->heap, stats_getprop_all);\n"
    "\n"
    "\t/* Petrel (tools/duktape_patch.py, edit 7): a string key on a chain of ordinary\n"
    "\t * objects; anything else (an accessor, an exotic object) takes the path below. */\n"
    "\tif (DUK_TVAL_IS_OBJECT(tv_obj) && DUK_TVAL_IS_STRING(tv_key)) {\n"
    "\t\tduk_hstring *fk = DUK_TVAL_GET_STRING(tv_key);\n"
    "\t\tif (!DUK_HSTRING_HAS_ARRIDX(fk) && fk != DUK_HTHREAD_STRING_PROTOTYPE(thr) &&\n"
    "\t\t    fk != DUK_HTHREAD_STRING_CALLER(thr)) {\n"
    "\t\t\tduk_hobject *fo = DUK_TVAL_GET_OBJECT(tv_obj);\n"
    "\t\t\tduk_uint_t fn = DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY;\n"
    "\t\t\tduk_int_t fe, fh;\n"
    "\t\t\twhile (fo != NULL && fn-- > 0 && !DUK_HOBJECT_HAS_EXOTIC_BEHAVIOR(fo)) {\n"
    "\t\t\t\tif (duk_hobject_find_entry(thr->heap, fo, fk, &fe, &fh)) {\n"
    "\t\t\t\t\tif (DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, fo, fe)) {\n"
    "\t\t\t\t\t\tbreak;\n"
    "\t\t\t\t\t}\n"
    "\t\t\t\t\tduk_push_tval(thr, DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, fo, fe));\n"
    "\t\t\t\t\treturn 1;\n"
    "\t\t\t\t}\n"
    "\t\t\t\tfo = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, fo);\n"
    "\t\t\t}\n"
    "\t\t\tif (fo == NULL) {\n"
    "\t\t\t\tduk_push_undefined(thr);\n"
    "\t\t\t\treturn 0;\n"
    "\t\t\t}\n"
    "\t\t}\n"
    "\t}\n"
    "\n"
    "\t/*\n"
    "\t *  Make a copy of tv_obj, tv_key, and tv_val to avoid any issues of\n")
EDITS += [
    ("getprop: the short path (edit 7)",
     "\tDUK_STATS_INC(thr->heap, stats_getprop_all);\n"
     "\n"
     "\t/*\n"
     "\t *  Make a copy of tv_obj, tv_key, and tv_val to avoid any issues of\n",
     GETPROP_FAST),
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
    with open(dst + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(dst + ".tmp", dst)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: duktape_patch.py IN OUT\n")
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
