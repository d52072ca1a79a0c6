#!/usr/bin/env bash
# tests/lwip/run.sh [BOARD]: exhaustion tests of the lwIP backend. Builds BOARD
# (default linux-lwip-tiny: lwIP's pools and heap shrunk) and runs every
# tests/lwip/test_*.js with it. A test passes when it exits 0 within the time
# limit and, for each "// exhausts: NAME" line it carries, lwIP's statistics
# at exit (PETREL_LWIP_STATS) show allocation failures of NAME ("heap" or a
# pool such as TCP_PCB): the test really ran the resource dry and survived.
# Tests with a "// boards:" line also run on the other boards it names, except those
# whose board.mk lists the lwip-board suite (tests/lwip/named.sh runs them there).
# Then the TAP suite (tests/tap/run.sh) on BOARD, for the NIC's pbuf pool.
# Ends with "N passed, N failed".
set -u
board=${1:-linux-lwip-tiny}
top=$(cd "$(dirname "$0")/../.." && pwd)
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if ! make -C "$top" --no-print-directory BOARD="$board" all >"$tmp/build" 2>&1; then
  tail -20 "$tmp/build"; echo "FAIL [$board] lwip: build"; echo "0 passed, 1 failed"; exit 1
fi
# Seconds per test: each board's TEST_TIMEOUT (board.mk, build/BOARD/board.env).
board_limit() { local TEST_TIMEOUT=60; . "$top/build/$1/board.env" 2>/dev/null; echo "${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT}"; }
limit=$(board_limit "$board")
for t in "$top"/tests/lwip/test_*.js; do
  name=$(basename "$t" .js)
  rm -f "$tmp/stats"
  ( cd "$(dirname "$t")" && PETREL_LWIP_STATS="$tmp/stats" timeout -k 5 "$limit" \
      "$top/tools/board_run.sh" "$board" "$(basename "$t")" ) >"$tmp/out" 2>&1
  rc=$? why=""
  [ $rc -eq 0 ] || why="exit $rc"
  notes=""
  for res in $(sed -n 's|^// exhausts: ||p' "$t"); do
    errs=$(tr ' ' '\n' < "$tmp/stats" 2>/dev/null | sed -n "s|^$res:.*err=\([0-9]*\).*|\1|p" | head -1)
    if [ -z "$errs" ] || [ "$errs" -eq 0 ]; then why="${why:+$why, }$res never ran out"; fi
    notes="$notes $res failures=${errs:-?}"
  done
  if [ -z "$why" ]; then
    pass=$((pass + 1)); echo "ok   [$board] lwip: $name ($(tail -1 "$tmp/out");$notes)"
  else
    fail=$((fail + 1)); echo "FAIL [$board] lwip: $name ($why)"
    tail -n 15 "$tmp/out" | sed 's/^/     | /'
  fi
done
# Tests with a "// boards: ..." line also run on each other board it names whose
# build exists (make test builds linux-lwip before this runs; mps2-an385 runs
# under QEMU, slowly: PETREL_LWIP_BOARDS=0 leaves the other boards out).
if [ "${PETREL_LWIP_BOARDS:-1}" != 0 ]; then
  for t in "$top"/tests/lwip/test_*.js; do
    name=$(basename "$t" .js)
    for b in $(sed -n 's|^// boards: ||p' "$t"); do
      [ "$b" = "$board" ] && continue
      # A board whose board.mk lists the lwip-board suite runs these itself
      # (tests/lwip/named.sh), once make test has built it: read before any build.
      grep -qs '^TEST_SUITES.*lwip-board' "$top/boards/$b/board.mk" && continue
      if [ ! -x "$top/build/$b/petrel" ]; then echo "skip [$b] lwip: $name (no build/$b/petrel)"; continue; fi
      blimit=$(board_limit "$b")
      ( cd "$(dirname "$t")" && timeout -k 5 "$blimit" "$top/tools/board_run.sh" "$b" "$(basename "$t")" ) >"$tmp/out" 2>&1
      rc=$?
      if [ $rc -eq 0 ]; then
        pass=$((pass + 1)); echo "ok   [$b] lwip: $name ($(tail -1 "$tmp/out"))"
      else
        fail=$((fail + 1)); echo "FAIL [$b] lwip: $name (exit $rc)"
        tail -n 15 "$tmp/out" | sed 's/^/     | /'
      fi
    done
  done
fi
# The NIC's pbuf pool (PBUF_POOL) fills only from a NIC: the TAP suite on this board
# (its last case holds six connections' data unread) must pass and lwIP's statistics
# must show that the pool ran dry along the way.
rm -f "$tmp/stats"
PETREL_LWIP_STATS="$tmp/stats" "$top/tests/tap/run.sh" "$board" >"$tmp/tap" 2>&1
if grep -q '^skip' "$tmp/tap"; then
  echo "skip [$board] lwip: PBUF_POOL over the tap ($(grep -m1 '^skip' "$tmp/tap"))"
else
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/tap" | tail -1)
  errs=$(tr ' ' '\n' < "$tmp/stats" 2>/dev/null | sed -n 's|^PBUF_POOL:.*err=\([0-9]*\).*|\1|p' | sort -n | tail -1)
  if [ -n "$line" ] && [ "$(echo "$line" | cut -d' ' -f3)" = 0 ] && [ "${errs:-0}" -gt 0 ]; then
    pass=$((pass + 1)); echo "ok   [$board] lwip: the TAP suite with real Linux peers (${line%%,*}; PBUF_POOL failures=$errs)"
  else
    fail=$((fail + 1)); echo "FAIL [$board] lwip: the TAP suite (${line:-no summary}; PBUF_POOL failures=${errs:-?})"
    grep -v '^ok' "$tmp/tap" | tail -n 15 | sed 's/^/     | /'
  fi
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
