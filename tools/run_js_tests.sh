#!/usr/bin/env bash
# run_js_tests.sh BOARD DIR...: runs every tests/js/**/test_*.js with BOARD's petrel.
# A test passes when it exits 0 and, if NAME.expected exists, prints exactly that.
# Prints one line per test and ends with "N passed, N failed". A test listed in
# boards/BOARD/test-limits.txt by its path (tests/js/...) with kind "memory" is a case
# that needs more RAM than the board has: it must exit 1 with one of the listed texts in
# its output (a coded out-of-memory error, never a fault or a hang), and is counted apart.
set -u
board=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
TEST_TIMEOUT=60; . "$top/build/$board/board.env" 2>/dev/null # the board's limit (board.mk)
limit=${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT}
pass=0; fail=0; limited=0
# A light function without a name (runtime/lightfunc_names.h) fails its test (host boards).
export PETREL_CHECK_LIGHTFUNC_NAMES=1
. "$top/tools/test_limits.sh"
out=$(mktemp); trap 'rm -f "$out"' EXIT
for dir in "$@"; do
  while IFS= read -r t; do
    name=${t#"$top"/}
    ( cd "$(dirname "$t")" && timeout -k 5 "$limit" "$top/tools/board_run.sh" "$board" "$(basename "$t")" ) >"$out" 2>&1
    rc=$?
    exp="${t%.js}.expected"
    lim=$(limit_line "$name")
    if [ $rc -eq 0 ] && { [ ! -f "$exp" ] || diff -q "$exp" <(grep -v '^\[stderr\]' "$out") >/dev/null; }; then
      pass=$((pass + 1)); echo "ok   [$board] $name${lim:+ (listed in $limits_rel: it passes now, drop the line)}"
    elif [ -n "$lim" ] && memory_limit "$lim" "$rc" "$out"; then
      limited=$((limited + 1)); echo "limit [$board] $name: $(limit_why "$lim")"
    else
      fail=$((fail + 1)); echo "FAIL [$board] $name (exit $rc)"
      tail -n 15 "$out" | sed 's/^/     | /'
    fi
  done < <(find "$top/$dir" -name 'test_*.js' | sort)
done
echo "$pass passed, $fail failed$([ $limited -gt 0 ] && echo ", $limited board limits (see $limits_rel)")"
[ $fail -eq 0 ]
