#!/usr/bin/env bash
# tests/lwip/named.sh BOARD: the tests/lwip/test_*.js whose "// boards:" line names
# BOARD, run on BOARD (a board whose board.mk lists the lwip-board suite: tests/lwip/
# run.sh leaves it out of its own loop, since in make test it is built later). A test
# passes when it exits 0 within the board's time limit; one listed as lwip/NAME in
# boards/BOARD/test-limits.txt may instead end with the coded out-of-memory error it
# names. Ends with "N passed, N failed".
set -u
board=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
TEST_TIMEOUT=60; . "$top/build/$board/board.env" 2>/dev/null
limit=${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT}
pass=0; fail=0; limited=0
. "$top/tools/test_limits.sh"
out=$(mktemp); trap 'rm -f "$out"' EXIT
for t in "$top"/tests/lwip/test_*.js; do
  name=$(basename "$t" .js)
  sed -n 's|^// boards: ||p' "$t" | tr ' ' '\n' | grep -qx "$board" || continue
  lim=$(limit_line "lwip/$name")
  ( cd "$(dirname "$t")" && timeout -k 5 "$limit" "$top/tools/board_run.sh" "$board" "$(basename "$t")" ) >"$out" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1)); echo "ok   [$board] lwip: $name ($(tail -1 "$out"))${lim:+ (listed in $limits_rel: it passes now, drop the line)}"
  elif [ -n "$lim" ] && memory_limit "$lim" "$rc" "$out"; then
    limited=$((limited + 1)); echo "limit [$board] lwip: $name: $(limit_why "$lim")"
  else
    fail=$((fail + 1)); echo "FAIL [$board] lwip: $name (exit $rc)"
    tail -n 15 "$out" | sed 's/^/     | /'
  fi
done
echo "$pass passed, $fail failed$([ $limited -gt 0 ] && echo ", $limited board limits (see $limits_rel)")"
[ $fail -eq 0 ]
