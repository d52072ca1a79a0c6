#!/usr/bin/python3
"""Petrel's own strings for Duktape's ROM string table: `duktape_rom_strings.py OUT FILE...`

A board with ROM built-ins (DUK_ROM=1) has Duktape's strings in flash. Petrel's own
are still interned in the heap when a built-in module is compiled (property names,
identifiers, string constants) or when C names a property: each costs a string header
(24 B on a 32-bit part) plus its text and malloc's rounding, and most live as long as
the module. Duktape's configure.py can add strings to its ROM table (--builtin-file
with `add_forced_strings`); interning then finds them there and allocates nothing.

This lists such strings from the board's sources: in JS (the embedded, possibly
minified modules) every identifier and every plain string literal (printable ASCII,
no escapes); in C every string literal that is an identifier (property names). A
string nobody ever interns only costs flash. OUT is rewritten only when its content
changes, so an unrelated edit does not regenerate duktape.c. The same file adds
properties to Duktape's built-in objects (ROM_OBJECTS below).
"""
import json
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in tools/
import genfile  # noqa: E402  (tools/genfile.py)

IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
# escapes are matched (so that quotes pair up), such literals are then left out
JS_STRING = re.compile(r"""'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)\"""")
C_STRING = re.compile(r'"([A-Za-z_$][A-Za-z0-9_$]*)"')
PRINTABLE = re.compile(r"[\x20-\x7e]{1,200}")


# Additions to Duktape's own built-in objects, in ROM with them: Symbol.asyncIterator
# and Symbol.species, well-known symbols Duktape 2.7 lacks (node's promise APIs:
# Readable's async iterator, Babel's for-await helper; Promise's subclasses). Boards without ROM built-ins define it at boot
# (modules/promise_api.c), with the same value.
ROM_OBJECTS = [
    {"id": "bi_symbol_constructor", "modify": True, "properties": [
        {"key": "asyncIterator", "attributes": "",
         "value": {"type": "symbol", "variant": "wellknown", "string": "Symbol.asyncIterator"}},
        {"key": "species", "attributes": "",
         "value": {"type": "symbol", "variant": "wellknown", "string": "Symbol.species"}}]},
]


def strings_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith(".js"):
        found = set()
        for a, b in JS_STRING.findall(text):
            found.add(a or b)
        found |= set(IDENT.findall(JS_STRING.sub(" ", text)))  # not the words inside literals
    else:
        found = set(C_STRING.findall(text))
    return {s for s in found if PRINTABLE.fullmatch(s) and "\\" not in s}


def main(out, files):
    found = set()
    for path in files:
        found |= strings_of(path)
    doc = {"add_forced_strings": [{"str": s} for s in sorted(found)], "objects": ROM_OBJECTS}
    text = json.dumps(doc, indent=0) + "\n"  # JSON is YAML
    genfile.write_if_changed(out, text)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: duktape_rom_strings.py OUT FILE...")
    sys.exit(main(sys.argv[1], sys.argv[2:]))
