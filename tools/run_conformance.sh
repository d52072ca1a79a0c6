#!/usr/bin/env bash
# run_conformance.sh BOARD DIR...: each DIR/NAME.js runs with BOARD's petrel; its stdout
# must equal NAME.expected (Node's output) and its exit status NAME.exitcode (default 0).
# Missing folders are skipped with a note. Ends with "N passed, N failed" (and the
# number of cases listed as board limits, see below).
set -u
board=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
# Seconds per case: the board's TEST_TIMEOUT (board.mk, build/BOARD/board.env). The
# emulated microcontroller boards get more: a case that runs the board out of memory
# (43_many_connections) takes 35-46 s there, GC retrying near the end, and the board
# boots for each case.
TEST_TIMEOUT=60; . "$top/build/$board/board.env" 2>/dev/null
limit=${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT}
pass=0; fail=0; limited=0
# A light function without a name (runtime/lightfunc_names.h) fails its case (host boards).
export PETREL_CHECK_LIGHTFUNC_NAMES=1
# Cases a board cannot pass (boards/BOARD/test-limits.txt): checked for the way they
# must fail instead, reported as "limit" lines and counted apart.
limits="$top/boards/$board/test-limits.txt"; limits_rel="boards/$board/test-limits.txt"
check_limit() { # LINE CASE.js RC WANT_RC: does the run fail the way the line says?
  local kind what
  kind=$(echo "$1" | cut -d'|' -f2 | tr -d ' '); what=$(echo "$1" | cut -d'|' -f3 | sed 's/^ *//; s/ *$//')
  case "$kind" in
    memory) # WHAT: texts separated by ", ", one of which the output shows
      [ "$3" = 1 ] || return 1
      local IFS=','; local w
      for w in $what; do w=${w# }; grep -qF -- "$w" "$out" "$err" && return 0; done
      return 1 ;;
    timing) [ "$3" = "$4" ] && ! grep -vxF -f "${2%.js}.expected" "$out" | grep -q . ;;
    *) return 1 ;;
  esac
}
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
    lim=""; [ -f "$limits" ] && lim=$(grep -E "^$name[[:space:]]*\|" "$limits" | head -1)
    if [ "$rc" = "$want_rc" ] && cmp -s "$out" "${t%.js}.expected"; then
      pass=$((pass + 1)); echo "ok   [$board] conformance/$name${lim:+ (listed in $limits_rel: it passes now, drop the line)}"
    elif [ -n "$lim" ] && check_limit "$lim" "$t" "$rc" "$want_rc"; then
      limited=$((limited + 1)); echo "limit [$board] conformance/$name: $(echo "$lim" | cut -d'|' -f4- | sed 's/^ *//')"
    else
      fail=$((fail + 1)); echo "FAIL [$board] conformance/$name (exit $rc, want $want_rc)"
      diff "${t%.js}.expected" "$out" | head -n 12 | sed 's/^/     | /'
      head -n 6 "$err" | sed 's/^/     ! /'
    fi
  done
done
echo "$pass passed, $fail failed$([ $limited -gt 0 ] && echo ", $limited board limits (see $limits_rel)")"
[ $fail -eq 0 ]
