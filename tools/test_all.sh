#!/usr/bin/env bash
# test_all.sh BOARD...: the whole suite (`make test`): C unit tests once, then the JS
# tests and the conformance cases on each board. Ends with the overall
# "N passed, N failed" and fails if anything failed.
# test_all.sh --sanitized BOARD... (make check-asan): only the boards they list in
# TEST_SANITIZED (build/BOARD/board.env must exist), with their suites.
set -u
only_sanitized=0
if [ "${1:-}" = --sanitized ]; then only_sanitized=1; shift; fi
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
total_pass=0; total_fail=0
log=$(mktemp); trap 'rm -f "$log"' EXIT
count() { # adds the last "N passed, N failed" line of $log to the totals
  local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  if [ -z "$line" ]; then total_fail=$((total_fail + 1)); return; fi
  total_pass=$((total_pass + $(echo "$line" | cut -d' ' -f1)))
  total_fail=$((total_fail + $(echo "$line" | cut -d' ' -f3)))
}
# Each run's time goes to the log, so a slow suite shows in CI's output.
run() {
  local t0=$SECONDS
  "$@" 2>&1 | tee "$log"; count
  echo "   ($((SECONDS - t0)) s: $*)"
}

# A built board's suites: those its board.mk lists in TEST_SUITES, then TEST_COMMON
# (by default the JS tests, the conformance cases, the fuzz, the differential fuzz and
# the host build step's apps, tests/build).
test_board() {
  local board=$1 suite
  . "build/$board/board.env"
  for suite in $TEST_SUITES $TEST_COMMON; do
    case "$suite" in
      cli) run tests/cli/run.sh "$board" ;; # the command line (boards without one: repl-uart)
      net-real) run tests/net/keepalive.sh "$board"; run tests/net/real_peers.sh "$board"; run tests/net/emfile.sh "$board" ;;
      tap) run tests/tap/run.sh "$board" ;; # lwIP on a TAP device with real Linux peers
      lwip-dry) run tests/lwip/run.sh "$board" ;; # lwIP run dry (linux-lwip-tiny, shrunk pools)
      lwip-board) run tests/lwip/named.sh "$board" ;; # the tests/lwip cases that name this board
      tls) run tests/tls/run.sh "$board" ;;
      tls-net) run tests/tls/net_cases.sh "$board" ;; # the shared net cases over tls, against node
      tls-board) run tests/tls/board.sh "$board" ;;
      repl-uart) run tests/mps2/run.py ;; # the REPL over the UART, TCP both ways through QEMU
      tool) run python3 tests/tool/run.py "$board" ;; # petrel-tool through a serial port: many calls in one boot
      jsmin) run tests/tools/test_jsmin.sh ;;
      duk-configure) run tests/tools/test_duktape_configure.sh ;; # ROM built-ins' build tools
      chksum) run tests/mps2/chksum.sh ;; # the board's LWIP_CHKSUM against a reference, host and Thumb-2
      valgrind) # the JS tests and TLS under valgrind (skipped with the sanitizers)
        [ "${PETREL_SKIP_SANITIZERS:-0}" = 1 ] && continue
        PETREL_TEST_TIMEOUT=300 PETREL_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
          run tools/run_js_tests.sh "$board" tests/js
        run tests/tls/valgrind.sh "$board" ;;
      js) run tools/run_js_tests.sh "$board" tests/js ;;
      conformance) run tools/run_conformance.sh "$board" ../shared/conformance tests/cases ;;
      fuzz) run tests/fuzz/run.sh "$board" ;;
      diff) run tests/fuzz/diff.sh "$board" ;; # the same calls under node: what each one does must match
      build) run tests/build/run.sh "$board" ;; # ES2015+ apps through petrel-tool build, against node
      *) echo "unknown suite $suite in boards/$board/board.mk"; total_fail=$((total_fail + 1)) ;;
    esac
  done
}

# Builds a board and runs its suites.
build_and_test() {
  local board=$1
  if make --no-print-directory BOARD="$board" all >"$log" 2>&1; then
    test_board "$board"
  else
    cat "$log"; echo "build of $board failed"; total_fail=$((total_fail + 1))
  fi
}

# The host build step's Babel (tools/setup.sh babel), installed once before any suite:
# petrel-tool run builds first, so the CLI suite's stderr checks would otherwise see
# the install's message in a fresh clone.
tools/setup.sh babel >"$log" 2>&1 || { cat "$log"; echo "setup of Babel failed"; total_fail=$((total_fail + 1)); }
# ... and tests/build's npm mqtt tree (tools/setup.sh mqtt, tests/build/mqtt/package-lock.json),
# which tests/build/run.sh also asks for (a no-op once it is there).
tools/setup.sh mqtt >"$log" 2>&1 || { cat "$log"; echo "setup of mqtt failed"; total_fail=$((total_fail + 1)); }

sanitized=()
if [ $only_sanitized = 1 ]; then
  for board in "$@"; do
    . "build/$board/board.env"
    for also in $TEST_SANITIZED; do
      [[ " ${sanitized[*]} " == *" $also "* ]] || sanitized+=("$also")
    done
  done
  set --
  [ ${#sanitized[@]} -gt 0 ] || { echo "no board listed in TEST_SANITIZED"; total_fail=1; }
else
  run make --no-print-directory test-unit
fi
for board in "$@"; do
  echo "== board $board"
  if ! make --no-print-directory BOARD="$board" all >"$log" 2>&1; then
    cat "$log"; echo "build of $board failed"; total_fail=$((total_fail + 1)); continue
  fi
  test_board "$board"
  # Boards built and tested with this one (mps2-an385's TLS variant: a board we ship,
  # so it runs the JS suite and the conformance cases too).
  . "build/$board/board.env"
  for also in $TEST_SANITIZED; do
    [[ " ${sanitized[*]} " == *" $also "* ]] || sanitized+=("$also")
  done
  for also in $TEST_ALSO; do
    echo "== board $also (with $board)"
    build_and_test "$also"
  done
done
# The boards the tested ones list in TEST_SANITIZED (ASan + UBSan builds: linux-asan,
# and linux-lwip-asan for the lwIP backend and lwIP itself), after every other board.
if [ "${PETREL_SKIP_SANITIZERS:-0}" != 1 ] && [ ${#sanitized[@]} -gt 0 ]; then
  export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  for board in "${sanitized[@]}"; do
    echo "== sanitizers: board $board"
    build_and_test "$board"
  done
fi
echo "== all boards: $*"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
