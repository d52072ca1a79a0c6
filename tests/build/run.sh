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
# exclude: petrel-tool build --exclude leaves a package out (its require throws at run
# time). mqtt: an app on the npm mqtt package against a broker on the host (below).
# Ends with "N passed, N failed".
set -u
board=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
TEST_TIMEOUT=60; . "$top/build/$board/board.env" || exit 1
limit=${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT}
cases="$top/tests/build/cases"
pass=0; fail=0; limited=0
. "$top/tools/test_limits.sh" # boards/BOARD/test-limits.txt: build/mqtt on a board too small for it
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
# exclude: modules built with --exclude fake-pkg: the package is not in the bundle, and
# its require, reached on the board, throws MODULE_NOT_FOUND (exit 1), as in node without it.
mkdir -p "$work/exclude"
if ! node "$top/tools/build.js" "$top/build/tools/babel" "$cases/modules/main.js" "$work/exclude/main.js" \
  --exclude fake-pkg 2>"$work/exclude/build.err"; then bad exclude "build failed" "$work/exclude/build.err"
elif grep -q 'node_modules/fake-pkg/' "$work/exclude/main.js"; then bad exclude "fake-pkg is in the bundle"
elif ! grep -q "modules/main.js:7: 'fake-pkg' excluded (--exclude): left to run time" "$work/exclude/build.err"; then
  bad exclude "no note of the excluded require" "$work/exclude/build.err"
else
  run_board "$work/exclude"; rc=$?
  if [ $rc -eq 1 ] && grep -q "Cannot find module 'fake-pkg'" "$work/exclude/err" && grep -q MODULE_NOT_FOUND "$work/exclude/err"; then ok exclude
  else bad exclude "exit $rc: want 1 and MODULE_NOT_FOUND for 'fake-pkg'" "$work/exclude/err"; fi
fi
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

# mqtt: an MQTT client app on the npm `mqtt` package (tests/build/mqtt/main.js; the
# package tree of tests/build/mqtt/package-lock.json, installed by `tools/setup.sh mqtt`
# into build/tools/mqtt) against tests/build/mqtt/broker.js, an MQTT 3.1.1 broker in
# node: built and run on the board, and run unbuilt by node, each against a broker of
# its own; the app's output and exit status, and the packets each broker logged, must
# be the same. Where the broker is comes from the board's PEER_NET (board.mk): host
# (127.0.0.1); tap (linux-lwip): the board's lwIP on a TAP device in a network
# namespace (10.77.0.2), node and the brokers on its Linux side (10.77.0.1), as
# tests/tls/run.sh does; qemu-user (mps2-an385): the board reaches the host's
# 127.0.0.1 as 10.0.2.2.
mqtt_case() {
  local d="$work/mqtt" src="$work/mqtt-src" bpid port addr=127.0.0.1 board_addr=127.0.0.1 nrc rc n
  local in_peer=() petrel_env=()
  mkdir -p "$d" "$src"
  "$top/tools/setup.sh" mqtt >"$d/setup.err" 2>&1 || { bad mqtt "tools/setup.sh mqtt failed" "$d/setup.err"; return; }
  cp "$top/tests/build/mqtt/main.js" "$src/"
  ln -s "$top/build/tools/mqtt/node_modules" "$src/node_modules"
  # The app never calls mqtt.connect(), the only path that loads the WebSocket (ws) and
  # SOCKS (socks, and through it ip-address and smart-buffer) transports: --exclude
  # leaves them out of the bundle; readable-stream (node's stream for browsers) becomes
  # the runtime's own stream (--alias). 889 KB -> 399 KB (README "npm packages").
  if ! node "$top/tools/build.js" "$top/build/tools/babel" "$src/main.js" "$d/main.js" --quiet \
    --exclude ws --exclude socks --alias readable-stream=stream 2>"$d/build.err"; then
    bad mqtt "build failed" "$d/build.err"; return
  fi
  if grep -qE 'node_modules/(ws|socks|ip-address|smart-buffer|readable-stream)/' "$d/main.js"; then
    bad mqtt "an excluded or aliased package (or one only it requires) is in the bundle"; return
  fi
  # A board too small for the app lists it in its test-limits.txt as kind "memory": run
  # there, it must end with the runtime's coded out-of-memory error (exit 1 and the
  # line's text: tools/test_limits.sh), never a fault or a time limit; a run that ends
  # otherwise fails, so that a line the board has outgrown goes. The bundle is larger
  # than such a board's file store: a board with APP_IMAGE (board.env) runs it embedded
  # in a firmware of its own (make app-image: the board's RAM, more flash), at boot and
  # without arguments, with no broker -- it runs out of memory before it connects.
  local lim img=(); lim=$(limit_line build/mqtt)
  if [ -n "$lim" ]; then
    if [ "${APP_IMAGE:-}" = 1 ]; then
      if ! make -C "$top" --no-print-directory -s BOARD="$board" app-image APP_JS="$d/main.js" >"$d/image.err" 2>&1; then
        bad mqtt "make app-image failed" "$d/image.err"; return
      fi
      img=(env PETREL_MPS2_IMAGE="$top/build/$board/petrel-app") # the image boards/mps2-an385/run_script.py boots
    fi
    ( cd "$d" && timeout -k 5 "$limit" "${img[@]}" "$top/tools/board_run.sh" "$board" main.js ) >"$d/out" 2>"$d/err"; rc=$?
    if memory_limit "$lim" "$rc" "$d/out" "$d/err"; then
      limited=$((limited + 1)); echo "limit [$board] build/mqtt: bundle $(wc -c <"$d/main.js") B: $(limit_why "$lim")"
    else bad mqtt "listed in $limits_rel as running out of memory, but exit $rc without its error (fits now? drop the line)" "$d/err"; fi
    return
  fi
  case "${PEER_NET:-host}" in
    host) ;;
    qemu-user) board_addr=10.0.2.2 ;;
    tap)
      mqtt_ns=petrel-mqtt-$$
      if ! ( exec 3<>/dev/net/tun ) 2>/dev/null || ! ip netns add "$mqtt_ns" 2>/dev/null; then
        mqtt_ns=; bad mqtt "$board needs a TAP device in a network namespace (root, /dev/net/tun)"; return
      fi
      in_peer=(ip netns exec "$mqtt_ns")
      "${in_peer[@]}" ip link set lo up
      "${in_peer[@]}" ip tuntap add dev pmqtt0 mode tap
      "${in_peer[@]}" ip addr add 10.77.0.1/24 dev pmqtt0
      "${in_peer[@]}" ip link set pmqtt0 up
      addr=10.77.0.1 board_addr=10.77.0.1
      petrel_env=(env PETREL_TAP=pmqtt0 PETREL_IP=10.77.0.2/24 PETREL_GW=10.77.0.1) ;;
    *) bad mqtt "no broker reachable from a board whose network is $PEER_NET (board.mk's PEER_NET)"; return ;;
  esac
  broker() { # broker NAME: a broker logging to $d/NAME.log, on $addr; sets bpid and port
    "${in_peer[@]}" node "$top/tests/build/mqtt/broker.js" "$d/$1.log" "$addr" >"$d/$1.broker" 2>&1 &
    bpid=$!; port=
    for n in $(seq 200); do
      port=$(sed -n 's/^port //p' "$d/$1.broker"); [ -n "$port" ] && return 0
      kill -0 $bpid 2>/dev/null || break; sleep 0.05
    done
    return 1
  }
  if ! broker node; then bad mqtt "the broker did not start" "$d/node.broker"; return; fi
  ( cd "$src" && timeout -k 5 60 "${in_peer[@]}" node main.js "$addr" "$port" ) >"$d/node.out" 2>"$d/node.err"; nrc=$?
  kill $bpid; wait $bpid 2>/dev/null
  if ! broker board; then bad mqtt "the broker did not start" "$d/board.broker"; return; fi
  ( cd "$d" && timeout -k 5 "$limit" "${in_peer[@]}" "${petrel_env[@]}" "$top/tools/board_run.sh" "$board" main.js \
    "$board_addr" "$port" ) >"$d/out" 2>"$d/err"; rc=$?
  kill $bpid; wait $bpid 2>/dev/null
  if [ $nrc -ne 0 ] || ! grep -q '^ended' "$d/node.out"; then bad mqtt "node's run failed (exit $nrc)" "$d/node.err"
  elif [ $rc -ne $nrc ]; then bad mqtt "exit $rc, node $nrc" "$d/err"
  elif ! diff "$d/node.out" "$d/out" >"$d/diff"; then bad mqtt "output differs from node's (< node, > petrel)" "$d/diff"
  elif ! diff "$d/node.log" "$d/board.log" >"$d/diff"; then bad mqtt "the broker saw other packets (< node's, > petrel's)" "$d/diff"
  else ok "mqtt ($(grep -c . "$d/board.log") packets and events at the broker, bundle $(wc -c <"$d/main.js") B)"; fi
}
mqtt_ns=
trap 'rm -rf "$work"; [ -n "$mqtt_ns" ] && ip netns del "$mqtt_ns" 2>/dev/null' EXIT
mqtt_case

# repl: the host REPL against the board (qemu, or a local petrel -i).
mkdir -p "$work/repl"
PETREL_TOOL_TIMEOUT=$limit timeout -k 5 "$limit" "$top/tools/petrel-tool" repl --board "$board" \
  <"$cases/repl/input.txt" >"$work/repl/out" 2>"$work/repl/err"; rc=$?
if [ $rc -ne 0 ]; then bad repl "exit $rc" "$work/repl/err"
elif ! diff "$cases/repl/expect.txt" "$work/repl/out" >"$work/repl/diff"; then bad repl "output differs (< expected, > petrel-tool repl)" "$work/repl/diff"
else ok repl; fi

echo "$pass passed, $fail failed$([ $limited -gt 0 ] && echo ", $limited board limits (see $limits_rel)")"
[ $fail -eq 0 ]
