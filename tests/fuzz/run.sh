#!/usr/bin/env bash
# tests/fuzz/run.sh BOARD [FIRST_SEED [SEEDS [CALLS]]]: the robustness runs on BOARD.
# - api_fuzz.js, SEEDS seeds from FIRST_SEED (default 1): random calls into the
#   built-in modules. A seed passes when the script exits 0 within the time limit and
#   says "done CALLS" (no crash, sanitizer report or hang, and its timers still ran).
# - net_chaos.js, the same seeds: hostile clients against a misbehaving echo server in
#   one process; passes when it exits 0 with "done CONNS" (every connection closed).
# Native boards: 8 seeds x 4000 calls, 3 x 300 connections (20 at a time); emulated
# ones 3 x 1000 calls and 1 x 100 connections (8 at a time): JS runs 5-9 times slower
# there and the board's RAM is 1 MiB. Ends with "N passed, N failed".
set -u
board=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
EMULATION=none TEST_TIMEOUT_LONG=120; . "$top/build/$board/board.env" 2>/dev/null # how the board runs
case "$EMULATION" in
  none) def_seeds=8 def_calls=4000 net_seeds=3 conns=300 conc=20 ;;
  *) def_seeds=3 def_calls=1000 net_seeds=1 conns=100 conc=8 ;;
esac
first=${2:-1}; seeds=${3:-$def_seeds}; calls=${4:-$def_calls}
[ $# -ge 3 ] && net_seeds=$seeds
limit=${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT_LONG} # seconds per run (board.mk)
pass=0; fail=0; limited=0
. "$top/tools/test_limits.sh" # a run listed there as fuzz/SCRIPT may end out of memory
out=$(mktemp); trap 'rm -f "$out"' EXIT
check() { # NAME EXPECTED_LAST_LINE SCRIPT ARGS...: one run
  local name=$1 want=$2 lim; shift 2
  lim=$(limit_line "fuzz/${1%.js}")
  ( cd "$top/tests/fuzz" && timeout -k 5 "$limit" "$top/tools/board_run.sh" "$board" "$@" ) >"$out" 2>&1
  local rc=$?
  if [ $rc -eq 0 ] && tr -d '\016\017\r' <"$out" | grep -aqx "$want"; then
    pass=$((pass + 1)); echo "ok   [$board] $name${lim:+ (listed in $limits_rel: it passes now, drop the line)}"
  elif [ -n "$lim" ] && memory_limit "$lim" "$rc" "$out"; then
    limited=$((limited + 1)); echo "limit [$board] $name: $(limit_why "$lim")"
  else
    fail=$((fail + 1)); echo "FAIL [$board] $name (exit $rc)"
    grep -av 'DeprecationWarning\|MaxListenersExceededWarning' "$out" | tail -n 15 | sed 's/^/     | /'
  fi
}
for ((s = first; s < first + seeds; s++)); do
  check "api_fuzz seed $s, $calls calls (replay: tests/fuzz/run.sh $board $s 1 $calls)" "done $calls" api_fuzz.js "$s" "$calls"
done
for ((s = first; s < first + net_seeds; s++)); do
  check "net_chaos seed $s, $conns connections" "done $conns" net_chaos.js "$s" "$conns" "$conc"
done
echo "$pass passed, $fail failed$([ $limited -gt 0 ] && echo ", $limited board limits (see $limits_rel)")"
[ $fail -eq 0 ]
