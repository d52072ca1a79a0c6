#!/usr/bin/env bash
# tests/fuzz/diff.sh BOARD [FIRST_SEED [SEEDS [CALLS [tamper[=K]]]]]: the differential fuzz.
# diff_fuzz.js runs each seed under node (v20, on the host) and under BOARD's petrel;
# diff_compare.js compares the two outputs call by call: a line that differs is a
# divergence unless diff_known.js lists it (each listed difference seen is printed with
# its reason, as are the functions left out). A seed passes with no divergence.
# Without arguments: SEEDS plain seeds from 1, then TSEEDS seeds from 1001 in "tamper"
# mode (user code freezes or replaces built-ins first). Native boards: 6 x 3000 calls and
# 4 x 1000; emulated ones 2 x 800 and 1 x 400 (JS runs 5-9 times slower there).
# Ends with "N passed, N failed".
set -u
board=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/fuzz"
EMULATION=none TEST_TIMEOUT_LONG=120; . "$top/build/$board/board.env" 2>/dev/null
case "$EMULATION" in
  none) seeds=6 calls=3000 tseeds=4 tcalls=1000 ;;
  *) seeds=2 calls=800 tseeds=1 tcalls=400 ;;
esac
limit=${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT_LONG} # seconds per run (board.mk)
first=1; tfirst=1001; tmode=tamper
if [ $# -ge 2 ]; then # by hand: one series
  first=$2; seeds=${3:-1}; calls=${4:-$calls}; tseeds=0
  case "${5:-}" in # tamper, or tamper=K: only the K-th target of diff_fuzz.js's lists
    tamper|tamper=*) tmode=$5 tseeds=$seeds tcalls=$calls tfirst=$first seeds=0 ;;
  esac
fi
command -v node >/dev/null || { echo "FAIL [$board] diff fuzz: node is not installed"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; limited=0
. "$top/tools/test_limits.sh" # listed there as fuzz/diff_fuzz: the board may run out of memory
lim=$(limit_line fuzz/diff_fuzz)
node -e "var k = require('$here/diff_known.js');
  function show(what, m) { // one line per reason
    var by = {};
    Object.keys(m).forEach(function (x) { (by[m[x]] = by[m[x]] || []).push(x); });
    Object.keys(by).forEach(function (r) { console.log(what + ' (diff_known.js): ' + by[r].join(', ') + ': ' + r); });
  }
  show('not called', k.notCalled);
  show('not tampered with', k.notTampered);"
one() { # SEED CALLS [tamper]
  local seed=$1 n=$2 mode=${3:-} rc name replay
  name="diff_fuzz seed $seed, $n calls${mode:+, $mode}"
  replay="tests/fuzz/diff.sh $board $seed 1 $n $mode"
  # Each in the same, empty folder: a listen() on a random path makes a socket file
  # there, and path.resolve answers with it.
  rm -rf "$tmp/w"; mkdir "$tmp/w"
  ( cd "$tmp/w" && timeout -k 5 "$limit" node "$here/diff_fuzz.js" "$seed" "$n" $mode ) >"$tmp/node.out" 2>/dev/null
  local nrc=$? nok=1
  grep -q '^probe ' "$tmp/node.out" || nok=0 # node made all the calls
  if [ $nok = 0 ] && [ -z "$mode" ]; then
    fail=$((fail + 1)); echo "FAIL [$board] $name: node itself exited $nrc early (replay: $replay)"; return
  fi
  echo "status $nrc" >>"$tmp/node.out"
  if [ "$EMULATION" = none ]; then
    rm -rf "$tmp/w"; mkdir "$tmp/w"
    ( cd "$tmp/w" && timeout -k 5 "$limit" "$top/tools/board_run.sh" "$board" "$here/diff_fuzz.js" "$seed" "$n" $mode )
  else
    ( cd "$here" && timeout -k 5 "$limit" "$top/tools/board_run.sh" "$board" diff_fuzz.js "$seed" "$n" $mode )
  fi >"$tmp/petrel.raw" 2>"$tmp/petrel.err"
  rc=$?
  tr -d '\016\017\r' <"$tmp/petrel.raw" >"$tmp/petrel.out"
  echo "status $rc" >>"$tmp/petrel.out"
  if [ $nok = 0 ]; then # node did not survive this tampering: Petrel must still end cleanly
    if [ $rc -lt 124 ] && grep -q '^exit ' "$tmp/petrel.out"; then
      pass=$((pass + 1)); echo "ok   [$board] $name: not compared, node itself exited $nrc here; petrel ended cleanly"
    else
      fail=$((fail + 1)); echo "FAIL [$board] $name: petrel exit $rc (node itself exited $nrc here; replay: $replay)"
      tail -n 5 "$tmp/petrel.err" | sed 's/^/     ! /'
    fi
    return
  fi
  if node "$here/diff_compare.js" "$tmp/node.out" "$tmp/petrel.out" "$replay" "$board" >"$tmp/cmp"; then
    pass=$((pass + 1)); echo "ok   [$board] $name ($(grep -c . "$tmp/node.out") lines equal)${lim:+ (listed in $limits_rel: it passes now, drop the line)}"
  elif [ -n "$lim" ] && memory_limit "$lim" "$rc" "$tmp/petrel.raw" "$tmp/petrel.err"; then
    limited=$((limited + 1)); echo "limit [$board] $name: $(limit_why "$lim")"; return
  else
    fail=$((fail + 1)); echo "FAIL [$board] $name (petrel exit $rc)"
    tail -n 5 "$tmp/petrel.err" | sed 's/^/     ! /'
  fi
  sed 's/^/     | /' "$tmp/cmp"
}
for ((s = first; s < first + seeds; s++)); do one "$s" "$calls"; done
for ((s = tfirst; s < tfirst + tseeds; s++)); do one "$s" "$tcalls" "$tmode"; done
echo "$pass passed, $fail failed$([ $limited -gt 0 ] && echo ", $limited board limits (see $limits_rel)")"
[ $fail -eq 0 ]
