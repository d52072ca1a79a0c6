#!/usr/bin/env bash
# run_conformance.sh BOARD DIR...: each DIR/NAME.js runs with BOARD's petrel; its stdout
# must equal NAME.expected (Node's output) and its exit status NAME.exitcode (default 0).
# Missing folders are skipped with a note. Ends with "N passed, N failed".
set -u
board=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
limit=${PETREL_TEST_TIMEOUT:-60}
pass=0; fail=0
out=$(mktemp); err=$(mktemp); trap 'rm -f "$out" "$err"' EXIT
for dir in "$@"; do
  case "$dir" in /*) ;; *) dir="$top/$dir" ;; esac
  if [ ! -d "$dir" ]; then echo "note: no conformance folder $dir"; continue; fi
  for t in "$dir"/*.js; do
    [ -f "${t%.js}.expected" ] || continue
    name=$(basename "$t" .js)
    want_rc=0; [ -f "${t%.js}.exitcode" ] && want_rc=$(tr -d '[:space:]' < "${t%.js}.exitcode")
    ( cd "$dir" && timeout -k 5 "$limit" "$top/tools/board_run.sh" "$board" "$name.js" ) >"$out" 2>"$err"
    rc=$?
    if [ "$rc" = "$want_rc" ] && cmp -s "$out" "${t%.js}.expected"; then
      pass=$((pass + 1)); echo "ok   [$board] conformance/$name"
    else
      fail=$((fail + 1)); echo "FAIL [$board] conformance/$name (exit $rc, want $want_rc)"
      diff "${t%.js}.expected" "$out" | head -n 12 | sed 's/^/     | /'
      head -n 6 "$err" | sed 's/^/     ! /'
    fi
  done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
