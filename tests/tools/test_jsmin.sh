#!/usr/bin/env bash
# tests/tools/test_jsmin.sh: tools/jsmin.js (the boards' build-time minifier) on a
# fixture: the minified module must run under Petrel (Duktape) and give the same
# results as the source, its plain functions must have become methods and it must be
# smaller. Needs node, the linux build and terser (tools/setup.sh jsmin).
# Ends with "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   [jsmin] $1"; }
bad() { fail=$((fail + 1)); echo "FAIL [jsmin] $1"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fixture="$top/tests/tools/jsmin_fixture.js"
[ -x "$top/build/linux/petrel" ] || make -C "$top" --no-print-directory BOARD=linux all > "$tmp/build" 2>&1 ||
  { bad "cannot build build/linux/petrel"; tail -5 "$tmp/build"; }
[ -d "$top/build/tools/terser/node_modules/terser" ] || "$top/tools/setup.sh" jsmin > "$tmp/setup" 2>&1 ||
  { bad "cannot install terser (tools/setup.sh jsmin)"; tail -5 "$tmp/setup"; }
if ! node "$top/tools/jsmin.js" "$top/build/tools/terser" "$fixture" "$tmp/min.js" 2> "$tmp/err"; then
  bad "jsmin failed: $(head -3 "$tmp/err")"
else
  # Each form runs as the loader runs a built-in: as the body of a module function.
  run() {
    printf '%s\n' "var m = { exports: {} };" \
      "(function (exports, require, module, process, global) {" "$(cat "$1")" "}).call(m.exports, m.exports, require, m, process, this);" \
      "console.log(m.exports.join('\n'));" > "$tmp/run.js"
    "$top/build/linux/petrel" "$tmp/run.js"
  }
  src_out=$(run "$fixture" 2>&1); min_out=$(run "$tmp/min.js" 2>&1)
  n=$(echo "$min_out" | grep -c '^ok ')
  if [ "$n" -ge 10 ] && ! echo "$min_out" | grep -q FAIL; then
    ok "the minified fixture runs under Duktape: $n checks hold"
  else
    bad "minified fixture"; echo "$min_out" | head -20
  fi
  if [ "$(echo "$src_out" | grep 'same:')" = "$(echo "$min_out" | grep 'same:')" ]; then
    ok "what the source does, the minified module does (hoisting, names, constructors, closures)"
  else
    bad "source and minified differ"; diff <(echo "$src_out") <(echo "$min_out") | head -20
  fi
  # Proof that the rewrite happened: in the source a plain function has a prototype.
  if [ "$(echo "$src_out" | grep -c '^FAIL method:')" -eq 2 ]; then
    ok "plain functions became methods (no prototype, not constructable)"
  else
    bad "the method checks already held before minifying: $(echo "$src_out" | grep 'method:')"
  fi
  src_size=$(wc -c < "$fixture"); min_size=$(wc -c < "$tmp/min.js")
  [ "$min_size" -lt "$src_size" ] && ok "smaller: $min_size of $src_size bytes" || bad "not smaller: $min_size of $src_size bytes"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
