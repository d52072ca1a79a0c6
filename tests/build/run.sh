#!/usr/bin/env bash
# tests/build/run.sh BOARD: the host build step (tools/petrel-tool build, tools/build.js)
# on BOARD. Each folder of tests/build/cases is an app (main.js, its local modules and
# node_modules). syntax, echo_server, modules, plain, strict, async_promise, promise_api, collections, events_on and subclass are built and run on the board,
# and their stdout and exit status must be node's on the unbuilt source (node runs
# them here, at test time); promise_api: node's promise APIs (events.once, for await over
# sockets, timers/promises, util.promisify, dns.promises, stream/promises) from
# async/await code; events_on: events.on's async iterator; subclass: classes extending
# Map, Set, Promise, Error, EventEmitter and Array as Babel lowers them (species). errors: an uncaught error's report names the source files and
# lines of expect.txt: mapped by the board through the bundle's line table
# (runtime/linetab.c; board_run.sh uploads main.js.lines beside main.js), by petrel-tool
# unmap, and by petrel-tool run, which builds by itself; a caught err.stack names them
# too (expect_caught.txt); errors_single: an app of one file
# keeps its line numbers, so the board's own report names them. async_promise: async/await (and
# async generators, for await) on Petrel's Promise, its output node's. unbuilt: ES2015+ run
# without the build is a SyntaxError naming the command that builds it. missing: a
# static require of a file that is not there is a build error naming the file and line
# (syntax_error: so is a syntax error, with its column). repl: `petrel-tool repl --board
# BOARD` with input.txt piped in: ES2015+ entries lowered on the host and evaluated by
# the board's REPL (values as node's REPL prints them), top-level await (the REPL waits
# for each, as node's does when typed), multi-line entries, syntax errors
# reported on the host with their line and column; its output must be expect.txt.
# Ends with "N passed, N failed".
set -u
board=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
TEST_TIMEOUT=60; . "$top/build/$board/board.env" || exit 1
limit=${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT}
cases="$top/tests/build/cases"
pass=0; fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$top/tools/setup.sh" babel >&2 || { echo "setup of Babel failed"; echo "0 passed, 1 failed"; exit 1; }

ok() { pass=$((pass + 1)); echo "ok   [$board] build/$1"; }
bad() {
  fail=$((fail + 1)); echo "FAIL [$board] build/$1: $2"
  [ -n "${3:-}" ] && [ -f "$3" ] && tail -n 15 "$3" | sed 's/^/     | /'
  return 0
}
build() { # build NAME -> $work/NAME/main.js (and .lines)
  mkdir -p "$work/$1"
  node "$top/tools/build.js" "$top/build/tools/babel" "$cases/$1/main.js" "$work/$1/main.js" --quiet \
    2>"$work/$1/build.err"
}
run_board() { # run_board DIR: runs DIR/main.js on the board -> DIR/out, DIR/err; returns its status
  ( cd "$1" && timeout -k 5 "$limit" "$top/tools/board_run.sh" "$board" main.js ) >"$1/out" 2>"$1/err"
}

# Apps whose output must be node's.
for c in syntax echo_server modules plain strict async_promise promise_api collections events_on subclass; do
  if ! build "$c"; then bad "$c" "build failed" "$work/$c/build.err"; continue; fi
  ( cd "$cases/$c" && timeout -k 5 60 node main.js ) >"$work/$c/node.out" 2>/dev/null; nrc=$?
  run_board "$work/$c"; rc=$?
  if [ $rc -ne $nrc ]; then bad "$c" "exit $rc, node $nrc" "$work/$c/err"
  elif ! diff "$work/$c/node.out" "$work/$c/out" >"$work/$c/diff"; then bad "$c" "output differs from node's (< node, > petrel)" "$work/$c/diff"
  else ok "$c"; fi
done
# An app that uses no ES2015+ feature gets no helpers.
if grep -q 'var babelHelpers' "$work/plain/main.js" 2>/dev/null; then bad plain-no-helpers "Babel helpers in an ES5 app's bundle"
else ok plain-no-helpers; fi

# errors: positions mapped back to the sources.
check_positions() { # NAME FILE [CASE [EXPECT]]: each line of CASE's (default errors) EXPECT (expect.txt) is in FILE
  local l miss=""
  while IFS= read -r l; do grep -qF -- "$l" "$2" || miss="$miss [$l]"; done < "$cases/${3:-errors}/${4:-expect.txt}"
  if [ -z "$miss" ]; then ok "$1"; else bad "$1" "missing:$miss" "$2"; fi
}
if build errors; then
  run_board "$work/errors"; rc=$?
  "$top/tools/petrel-tool" unmap "$work/errors/main.js" <"$work/errors/err" >"$work/errors/mapped"
  if [ $rc -ne 1 ] || ! grep -qx 'validating' "$work/errors/out"; then bad errors "exit $rc (want 1) or no output" "$work/errors/err"
  else
    check_positions errors "$work/errors/mapped"
    # The board's own report and a caught err.stack, through the table beside the bundle.
    check_positions errors-board "$work/errors/err"
    check_positions errors-caught "$work/errors/out" errors expect_caught.txt
  fi
else bad errors "build failed" "$work/errors/build.err"; fi
# ... and by petrel-tool run, which builds the app itself and maps its stderr.
if [ "$EMULATION" = system ]; then link=(--qemu "$top/build/$board/petrel")
else link=(--cmd "$RUN_PREFIX $top/build/$board/petrel -i"); fi
# Run from the app's folder (a copy): the bundle must not replace the source there (a
# local petrel's REPL stores an uploaded file in its working folder).
mkdir -p "$work/tool" && cp -r "$cases/errors" "$work/tool/app"
( cd "$work/tool/app" && PETREL_TOOL_TIMEOUT=$limit timeout -k 5 "$limit" "$top/tools/petrel-tool" "${link[@]}" \
  run main.js ) >"$work/tool/out" 2>"$work/tool/err"; rc=$?
if [ $rc -ne 1 ] || ! grep -q 'validating' "$work/tool/out"; then bad petrel-tool-run "exit $rc (want 1) or no output" "$work/tool/err"
elif ! cmp -s "$cases/errors/main.js" "$work/tool/app/main.js"; then bad petrel-tool-run "the app's main.js was replaced"
else check_positions petrel-tool-run "$work/tool/err"; fi

# errors_single: an app of one file keeps its line numbers: the board's own report is right.
if build errors_single; then
  run_board "$work/errors_single"; rc=$?
  if [ $rc -ne 1 ] || ! grep -qx 'reading' "$work/errors_single/out"; then
    bad errors_single "exit $rc (want 1) or no output" "$work/errors_single/err"
  else check_positions errors_single "$work/errors_single/err" errors_single; fi
else bad errors_single "build failed" "$work/errors_single/build.err"; fi

# unbuilt: run as it is.
mkdir -p "$work/unbuilt" && cp "$cases/unbuilt/main.js" "$work/unbuilt/"
run_board "$work/unbuilt"; rc=$?
if [ $rc -eq 1 ] && grep -q 'SyntaxError.*petrel-tool build .*main.js -o' "$work/unbuilt/err"; then ok unbuilt
else bad unbuilt "exit $rc: want 1 and a SyntaxError naming petrel-tool build" "$work/unbuilt/err"; fi

# missing: a build error (the same on every board: it never reaches one).
if build missing; then bad missing "built"
elif grep -q "missing/main.js:2: Cannot find module './nowhere'" "$work/missing/build.err"; then ok missing
else bad missing "no build error naming the file" "$work/missing/build.err"; fi

# syntax_error: a build error naming the file, line and column (Babel's parser).
if build syntax_error; then bad syntax_error "built"
elif grep -q "syntax_error/main.js: Unexpected token (2:11)" "$work/syntax_error/build.err"; then ok syntax_error
else bad syntax_error "no build error naming the file and position" "$work/syntax_error/build.err"; fi

# repl: the host REPL against the board (qemu, or a local petrel -i).
mkdir -p "$work/repl"
PETREL_TOOL_TIMEOUT=$limit timeout -k 5 "$limit" "$top/tools/petrel-tool" repl --board "$board" \
  <"$cases/repl/input.txt" >"$work/repl/out" 2>"$work/repl/err"; rc=$?
if [ $rc -ne 0 ]; then bad repl "exit $rc" "$work/repl/err"
elif ! diff "$cases/repl/expect.txt" "$work/repl/out" >"$work/repl/diff"; then bad repl "output differs (< expected, > petrel-tool repl)" "$work/repl/diff"
else ok repl; fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
