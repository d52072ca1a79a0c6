#!/usr/bin/python3
"""The ES2015+ methods of runtime/es_methods.c as ROM built-ins: `es_methods_yaml.py SRC OUT`

A board with ROM built-ins (DUK_ROM=1) has Duktape's built-in objects in flash, made by
Duktape's configure.py from YAML metadata (genbuiltins.py). A --builtin-file can
modify those objects ("objects:" with "modify: true") and add properties whose values
are native functions; genbuiltins declares a function whose name does not start with
duk_ as an extern C function. So the methods es_methods.c implements become ROM
function objects on Array, Array.prototype, Object, String.prototype and Math: no heap
at all, where installing them at boot (what other boards do) would cost a property
slot each in RAM.

SRC's ES_METHODS list is read line by line (ES_METHOD(object id, "key", C function,
length, nargs, magic, "name")). Keys sharing a C function, magic and name (trimLeft
and trimStart) are one function object, as in node, defined once as a top-level object
and referenced from each key. OUT is rewritten only when its content changes.
"""
import json
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in tools/
import genfile  # noqa: E402  (tools/genfile.py)

ROW = re.compile(r'^\s*ES_METHOD\((\w+),\s*"(\w+)",\s*(\w+),\s*(\d+),\s*(\w+),\s*(-?\d+),\s*"(\w+)"\)')


def main(src, out):
    rows = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line)
            if m:
                obj, key, fn, length, nargs, magic, name = m.groups()
                rows.append((obj, key, fn, int(length), nargs, int(magic), name))
    if not rows:
        sys.exit("es_methods_yaml.py: no ES_METHOD lines in %s" % src)
    uses = {}
    for r in rows:
        uses.setdefault((r[2], r[5], r[6]), []).append(r)
    shared = {k: "petrel_es_%s_%d" % (k[0], i) for i, (k, v) in enumerate(sorted(uses.items())) if len(v) > 1}
    objects, by_obj = [], {}
    for (fn, magic, name), oid in sorted(shared.items(), key=lambda kv: kv[1]):
        r = uses[(fn, magic, name)][0]
        o = {"id": oid, "class": "Function", "internal_prototype": "bi_function_prototype", "native": fn,
             "callable": True, "constructable": False, "bidx": False, "magic": magic,
             "properties": [{"key": "length", "value": r[3], "attributes": "c"},
                            {"key": "name", "value": name, "attributes": "c"}]}
        if r[4] == "DUK_VARARGS":
            o["varargs"] = True
        else:
            o["nargs"] = int(r[4])
        objects.append(o)
    for obj, key, fn, length, nargs, magic, name in rows:
        oid = shared.get((fn, magic, name))
        if oid:
            value = {"type": "object", "id": oid}
        else:
            value = {"type": "function", "native": fn, "length": length, "magic": magic, "name": name}
            if nargs == "DUK_VARARGS":
                value["varargs"] = True
            else:
                value["nargs"] = int(nargs)
        by_obj.setdefault(obj, []).append({"key": key, "value": value, "attributes": "wc"})
    for obj in sorted(by_obj):
        objects.append({"id": obj, "modify": True, "properties": by_obj[obj]})
    text = json.dumps({"objects": objects}, indent=1) + "\n"  # JSON is YAML
    genfile.write_if_changed(out, text)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: es_methods_yaml.py SRC OUT")
    sys.exit(main(sys.argv[1], sys.argv[2]))
