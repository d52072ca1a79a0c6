#!/usr/bin/env bash
# test_all.sh BOARD...: the whole suite (`make test`): C unit tests once, then the JS
# tests and the conformance cases on each board. Ends with the overall
# "N passed, N failed" and fails if anything failed.
set -u
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

# A built board's suites: those its board.mk lists in TEST_SUITES, then the JS tests,
# the conformance cases, the fuzz and the differential fuzz against node.
test_board() {
  local board=$1 suite
  . "build/$board/board.env"
  for suite in $TEST_SUITES; do
    case "$suite" in
      cli) run tests/cli/run.sh "$board" ;; # the command line (boards without one: repl-uart)
      net-real) run tests/net/keepalive.sh "$board"; run tests/net/real_peers.sh "$board"; run tests/net/emfile.sh "$board" ;;
      tap) run tests/tap/run.sh "$board" ;; # lwIP on a TAP device with real Linux peers
      lwip-dry) run tests/lwip/run.sh linux-lwip-tiny ;; # builds linux-lwip-tiny and runs lwIP dry
      tls) run tests/tls/run.sh "$board" ;;
      tls-net) run tests/tls/net_cases.sh "$board" ;; # the shared net cases over tls, against node
      tls-board) run tests/tls/board.sh "$board" ;;
      repl-uart) run tests/mps2/run.py ;; # the REPL over the UART, TCP both ways through QEMU
      jsmin) run tests/tools/test_jsmin.sh ;;
      duk-configure) run tests/tools/test_duktape_configure.sh ;; # ROM built-ins' build tools
      *) echo "unknown suite $suite in boards/$board/board.mk"; total_fail=$((total_fail + 1)) ;;
    esac
  done
  run tools/run_js_tests.sh "$board" tests/js
  run tools/run_conformance.sh "$board" ../shared/conformance tests/cases
  run tests/fuzz/run.sh "$board"
  run tests/fuzz/diff.sh "$board" # the same calls under node: what each one does must match
}

run make --no-print-directory test-unit
for board in "$@"; do
  echo "== board $board"
  if ! make --no-print-directory BOARD="$board" all >"$log" 2>&1; then
    cat "$log"; echo "build of $board failed"; total_fail=$((total_fail + 1)); continue
  fi
  test_board "$board"
  # Boards built and tested with this one (mps2-an385's TLS variant: a board we ship,
  # so it runs the JS suite and the conformance cases too).
  . "build/$board/board.env"
  for also in $TEST_ALSO; do
    echo "== board $also (with $board)"
    if make --no-print-directory BOARD="$also" all >"$log" 2>&1; then
      test_board "$also"
    else
      cat "$log"; echo "build of $also failed"; total_fail=$((total_fail + 1))
    fi
  done
done
# The same suites under ASan + UBSan, and the JS tests under valgrind (linux only).
if [ "${PETREL_SKIP_SANITIZERS:-0}" != 1 ] && [[ " $* " == *" linux "* ]]; then
  echo "== sanitizers"
  if make --no-print-directory BOARD=linux-asan all >"$log" 2>&1; then
    export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run tools/run_js_tests.sh linux-asan tests/js
    run tools/run_conformance.sh linux-asan ../shared/conformance tests/cases
    run tests/tls/run.sh linux-asan
    run tests/fuzz/run.sh linux-asan
    run tests/fuzz/diff.sh linux-asan
  else
    cat "$log"; echo "build of linux-asan failed"; total_fail=$((total_fail + 1))
  fi
  # The lwIP backend (and lwIP) under the same sanitizers.
  if make --no-print-directory BOARD=linux-lwip-asan all >"$log" 2>&1; then
    run tools/run_js_tests.sh linux-lwip-asan tests/js
    run tools/run_conformance.sh linux-lwip-asan ../shared/conformance tests/cases
    run tests/fuzz/run.sh linux-lwip-asan
  else
    cat "$log"; echo "build of linux-lwip-asan failed"; total_fail=$((total_fail + 1))
  fi
  PETREL_TEST_TIMEOUT=300 PETREL_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
    run tools/run_js_tests.sh linux tests/js
  run tests/tls/valgrind.sh linux
fi
echo "== all boards: $*"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
