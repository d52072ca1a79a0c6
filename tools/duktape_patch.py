#!/usr/bin/env python3
"""Petrel's build-time edits to Debian's duktape.c: `duktape_patch.py IN OUT`.

The amalgamation is never committed; the build copies it from duktape-dev and
applies these edits. Each edit names the exact text it expects to find once; if
the packaged Duktape differs, the build stops here instead of quietly building
an unedited engine. Both edits save heap on every JS function (see
docs/architecture.md, "Built-in JS"):

1. Strict closures get no own `caller`/`arguments` thrower properties. ES5 gave
   each strict function these two accessors; ES2015 engines (V8, so Node) do not.
   That is two property slots on every closure. Reading `f.caller` on a strict
   function gives undefined here (Node throws a TypeError).

2. A function compiled while the runtime loads a built-in module may skip its
   pc-to-line table, when the board asks for it (PETREL_DUK_SKIP_PC2LINE(), see
   runtime/duk_config_common.h). Boards that minify their built-in JS to one line
   do: the table could only ever say "line 1". User code keeps its line numbers.
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
