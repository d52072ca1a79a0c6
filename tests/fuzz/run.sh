#!/usr/bin/env bash
# tests/fuzz/run.sh BOARD [FIRST_SEED [SEEDS [CALLS]]]: runs api_fuzz.js with SEEDS seeds
# from FIRST_SEED (default 1) on BOARD. A seed passes when the script exits 0 within
# the time limit and says "done CALLS" (no crash, sanitizer report or hang, and its
# timers still ran). Native boards make 8 seeds x 4000 calls by default; emulated
# ones 3 x 1000 (JS runs 5-9 times slower there). Ends with "N passed, N failed".
set -u
board=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
case "$board" in linux|linux-*) def_seeds=8 def_calls=4000 ;; *) def_seeds=3 def_calls=1000 ;; esac
first=${2:-1}; seeds=${3:-$def_seeds}; calls=${4:-$def_calls}
limit=${PETREL_TEST_TIMEOUT:-120}
pass=0; fail=0
out=$(mktemp); trap 'rm -f "$out"' EXIT
for ((s = first; s < first + seeds; s++)); do
  ( cd "$top/tests/fuzz" && timeout -k 5 "$limit" "$top/tools/board_run.sh" "$board" api_fuzz.js "$s" "$calls" ) >"$out" 2>&1
  rc=$?
  if [ $rc -eq 0 ] && grep -aq "^done $calls" <(tr -d '\016\017\r' <"$out"); then
    pass=$((pass + 1)); echo "ok   [$board] fuzz seed $s, $calls calls"
  else
    fail=$((fail + 1)); echo "FAIL [$board] fuzz seed $s, $calls calls (exit $rc; rerun: tests/fuzz/run.sh $board $s 1 $calls, add 'trace' by hand to see each call)"
    grep -av 'DeprecationWarning\|MaxListenersExceededWarning' "$out" | tail -n 15 | sed 's/^/     | /'
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
