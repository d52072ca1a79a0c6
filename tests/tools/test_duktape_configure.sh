#!/usr/bin/env bash
# tests/tools/test_duktape_configure.sh: the build-time tools of the ROM built-ins
# (boards with DUK_ROM=1). tools/duktape_configure.py converts Duktape's Python 2
# configure.py to Python 3; with the stock options the converted tools must give
# Duktape's shipped src/duktape.c byte for byte (the duktape source package's own
# output, made by Python 2), which checks the conversion where it matters.
# tools/duktape_rom_strings.py must list a fixture's strings and leave its output
# file alone when the list is unchanged; tools/es_methods_yaml.py must turn
# runtime/es_methods.c's table into ROM metadata. Needs `make setup` (the source package).
# Ends with "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   [duk-configure] $1"; }
bad() { fail=$((fail + 1)); echo "FAIL [duk-configure] $1"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
duk=$(ls -d "$top"/build/third_party/duktape-2.*/ 2>/dev/null | head -1)

if [ -z "$duk" ]; then
  bad "no Duktape source package in build/third_party (make setup)"
elif ! /usr/bin/python3 "$top/tools/duktape_configure.py" "$duk" "$tmp/work" "$tmp/out" -- --line-directives \
    > "$tmp/log" 2>&1; then
  bad "duktape_configure.py failed: $(grep -v WARNING "$tmp/log" | tail -3)"
elif cmp -s "$tmp/out/duktape.c" "$duk/src/duktape.c"; then
  ok "the converted configure.py reproduces Duktape's shipped duktape.c"
else
  bad "the converted configure.py's duktape.c differs from $duk/src/duktape.c: $(diff "$tmp/out/duktape.c" "$duk/src/duktape.c" | head -5)"
fi

mkdir -p "$tmp/src"
printf '%s\n' "var greeting = 'hello world', q = \"it's\", esc = 'a\\'b', tail = 'after';" \
  "function addListener(evt) { return evt.type + \"x\"; }" > "$tmp/src/m.js"
printf '%s\n' 'duk_get_prop_string(ctx, -1, "onread"); duk_push_string(ctx, "not an id");' > "$tmp/src/b.c"
yaml="$tmp/strings.yaml"
if ! python3 "$top/tools/duktape_rom_strings.py" "$yaml" "$tmp/src/m.js" "$tmp/src/b.c"; then
  bad "duktape_rom_strings.py failed"
else
  got=$(python3 -c 'import json,sys; print(" ".join(sorted(s["str"] for s in json.load(open(sys.argv[1]))["add_forced_strings"])))' "$yaml")
  want="addListener after esc evt function greeting hello world it's onread q return tail type var x"
  if [ "$got" = "$want" ]; then ok "strings of JS and C listed (escaped literals and C phrases left out)"
  else bad "strings: got '$got', want '$want'"; fi
  touch -d '2000-01-01' "$yaml"
  python3 "$top/tools/duktape_rom_strings.py" "$yaml" "$tmp/src/m.js" "$tmp/src/b.c"
  if [ "$(stat -c %Y "$yaml")" = "$(date -d '2000-01-01' +%s)" ]; then ok "an unchanged list leaves the file alone"
  else bad "an unchanged list rewrote the file (duktape.c would be generated again)"; fi
fi

# tools/es_methods_yaml.py: runtime/es_methods.c's table as genbuiltins metadata, every
# row a property of its object, an alias (trimLeft) the same top-level function object.
methods="$tmp/es_methods.yaml"
if ! python3 "$top/tools/es_methods_yaml.py" "$top/runtime/es_methods.c" "$methods"; then
  bad "es_methods_yaml.py failed"
else
  rows=$(grep -c '^  ES_METHOD(' "$top/runtime/es_methods.c")
  got=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
mods = [o for o in d["objects"] if o.get("modify")]
tops = {o["id"]: o for o in d["objects"] if not o.get("modify")}
props = [p for o in mods for p in o["properties"]]
def name(p):
    v = p["value"]
    return tops[v["id"]]["properties"][1]["value"] if v["type"] == "object" else v["name"]
sp = {p["key"]: p for o in mods if o["id"] == "bi_string_prototype" for p in o["properties"]}
print(len(props), name(sp["trimLeft"]), sp["trimLeft"]["value"] == sp["trimStart"]["value"],
      all(p["attributes"] == "wc" for p in props))' "$methods")
  if [ "$got" = "$rows trimStart True True" ]; then ok "ES methods as ROM metadata ($rows properties, aliases shared)"
  else bad "es_methods_yaml.py: got '$got', want '$rows trimStart True True'"; fi
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
