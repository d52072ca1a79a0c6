#!/usr/bin/env bash
# CLI behaviour of petrel on BOARD: options, exit codes, stderr format, REPL on a pipe.
# Ends with "N passed, N failed".
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
run() { timeout -k 5 60 "$top/tools/board_run.sh" "$board" "$@"; }
export PETREL_CHECK_LIGHTFUNC_NAMES=1 # a light function without a name fails (runtime/lightfunc_names.h)
pass=0; fail=0
check() { # check NAME WANT_RC WANT_STDOUT_REGEX WANT_STDERR_REGEX -- command...
  local name=$1 want_rc=$2 want_out=$3 want_err=$4; shift 5
  local out err rc
  out=$("$@" 2>/tmp/petrel-cli-err.$$); rc=$?; err=$(cat /tmp/petrel-cli-err.$$); rm -f /tmp/petrel-cli-err.$$
  if [ "$rc" = "$want_rc" ] && [[ "$out" =~ $want_out ]] && [[ "$err" =~ $want_err ]]; then
    pass=$((pass + 1)); echo "ok   [$board] cli: $name"
  else
    fail=$((fail + 1)); echo "FAIL [$board] cli: $name (rc $rc, want $want_rc)"
    echo "     | stdout: ${out:0:300}"; echo "     | stderr: ${err:0:300}"
  fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'console.log(process.argv.slice(2).join(","))\n' > "$tmp/args.js"
printf 'function f() { throw new TypeError("boom"); }\nf();\n' > "$tmp/throw.js"
printf 'process.on("exit", function (c) { console.log("exit " + c); });\nprocess.exit(3);\n' > "$tmp/exit3.js"
printf 'process.exitCode = 4;\n' > "$tmp/exitcode.js"
printf 'Promise.reject(new RangeError("nobody caught it"));\n' > "$tmp/reject.js"
printf 'Promise.resolve().then(function () { return Promise.reject(42); });\n' > "$tmp/reject42.js"

check "--version" 0 '^v[0-9]+\.[0-9]+\.[0-9]+$' '^$' -- run --version
check "--help" 0 'Usage: petrel' '^$' -- run --help
check "-e" 0 '^2$' '^$' -- run -e 'console.log(1 + 1)'
check "-p" 0 '^42$' '^$' -- run -p '6 * 7'
check "script args" 0 '^a,b,c$' '^$' -- run "$tmp/args.js" a b c
check "uncaught exception" 1 '^$' '^Uncaught TypeError: boom' -- run "$tmp/throw.js"
# An unhandled rejection ends the process as node 20 does: exit 1, the reason's stack
# (a non-Error reason in node's UnhandledPromiseRejection, code ERR_UNHANDLED_REJECTION).
check "unhandled rejection" 1 '^$' '^Uncaught RangeError: nobody caught it' -- run "$tmp/reject.js"
check "unhandled rejection, not an Error" 1 '^$' 'UnhandledPromiseRejection: .* reason "42"\..*ERR_UNHANDLED_REJECTION' -- run "$tmp/reject42.js"
check "process.exit(3)" 3 '^exit 3$' '^$' -- run "$tmp/exit3.js"
check "process.exitCode" 4 '^$' '^$' -- run "$tmp/exitcode.js"
check "bad option" 9 '^$' 'bad option: --bogus' -- run --bogus
check "missing script" 1 '^$' 'cannot find' -- run "$tmp/nope.js"
check "repl on a pipe" 0 '10' '^$' -- bash -c "printf 'var x = 5\nx * 2\n' | $top/tools/board_run.sh $board"
check "repl multi-line" 0 '7' '^$' -- bash -c "printf 'function f(a) {\nreturn a + 1;\n}\nf(6)\n' | $top/tools/board_run.sh $board"
check "repl error keeps going" 0 "Uncaught.*ReferenceError.*[[:space:]]3" '^$' -- bash -c "printf 'nosuch\n1 + 2\n' | $top/tools/board_run.sh $board"
# stdin stays open until the timer has printed (or petrel has ended): an event, not a time.
repl_timer() {
  local out=$tmp/repl_timer.out done=$tmp/repl_timer.done
  : >"$out"; rm -f "$done"
  { printf 'setTimeout(function () { console.log("late") }, 10)\n'
    until grep -q late "$out" || [ -e "$done" ]; do sleep 0.05; done; } |
    { run >"$out"; local rc=$?; touch "$done"; cat "$out"; return $rc; }
}
check "repl runs timers while waiting" 0 'late' '^$' -- repl_timer
# The REPL's raw mode as tools/petrel-tool drives it (through a pseudo-terminal): a file
# uploaded and run with arguments, its stderr apart, its exit status; an uncaught error.
printf 'console.log("raw", process.argv.slice(2).join(","));\nconsole.error("to stderr");\nsetTimeout(function () { process.exitCode = 5; }, 20);\n' > "$tmp/raw.js"
tool() { (cd "$tmp" && timeout -k 5 60 python3 "$top/tools/petrel-tool" --cmd "$top/tools/board_run.sh $board -i" "$@"); }
check "raw REPL: run a file with args, exit status" 5 '^raw x,y$' '^to stderr$' -- tool run "$tmp/raw.js" x y
check "raw REPL: uncaught error ends the run" 1 '^1$' '^Uncaught Error: boom' -- tool exec "console.log(1); throw new Error('boom')"
# process.stdin: Buffers and 'end', piped into a socket, and paused it lets the process exit.
check "stdin: Buffers, then end" 0 'true "hello\\nworld\\n".*end 12' '^$' -- bash -c "printf 'hello\nworld\n' | $top/tools/board_run.sh $board -e \"var n = 0; process.stdin.on('data', function (d) { n += d.length; console.log(Buffer.isBuffer(d), JSON.stringify(String(d))); }); process.stdin.on('end', function () { console.log('end', n); })\""
check "stdin piped into a socket" 0 'server got "line one\\nline two\\n"' '^$' -- bash -c "printf 'line one\nline two\n' | $top/tools/board_run.sh $board $top/tests/cli/stdin_pipe.js"
# stdin stays open until petrel has ended: it must end by itself (not at run's time limit).
paused_stdin() {
  local done=$tmp/paused.done; rm -f "$done"
  { printf a; until [ -e "$done" ]; do sleep 0.05; done; } |
    { run -e "process.stdin.once('data', function () { process.stdin.pause(); console.log('paused'); })"
      local rc=$?; touch "$done"; return $rc; }
}
check "paused stdin lets the process exit" 0 '^paused$' '^$' -- paused_stdin
# process.argv and which script runs for -e/-p/--: argv.cases holds what node printed
# (record_argv.sh), run in a directory with argv.js and a file named "a".
mkdir "$tmp/argv"; cp "$top/tests/cli/argv.js" "$tmp/argv/"; printf 'console.log("ran file a")\n' > "$tmp/argv/a"
argv_case() { local got; got=$(cd "$tmp/argv" && run "$@" </dev/null); echo "$got rc=$?"; }
while IFS=$'\t' read -r args want; do
  IFS='|' read -ra A <<< "$args"
  check "argv: ${args//|/ }" 0 "^$(printf '%s' "$want" | sed 's/[][\.*^$(){}+?|]/\\&/g')\$" '^$' -- argv_case "${A[@]}"
done < "$top/tests/cli/argv.cases"
# Out of heap while C builds an event's arguments (PETREL_HEAP_LIMIT, as on a board).
oom() { env PETREL_HEAP_LIMIT=4000000 "$@" timeout -k 5 60 "$top/tools/board_run.sh" "$board" "$top/tests/cli/oom_receive.js"; }
check "out of heap receiving: uncaught error, exit 1" 1 '^$' '^Uncaught Error: alloc failed' -- oom
check "out of heap receiving, handled: ENOMEM on the socket" 0 'uncaught: alloc failed.*server socket error: ENOMEM' '^$' -- oom HANDLED=1
# A datagram whose Buffer the full heap cannot take: dropped and counted, no error.
# Where the system does not count its own drops (qemu-arm's sockets have no
# SO_RXQ_OVFL: rpi here) the count is -1 (plat_udp_dropped): there only the rest is checked.
oom_dgram() { env PETREL_HEAP_LIMIT=4000000 timeout -k 5 60 "$top/tools/board_run.sh" "$board" "$top/tests/cli/oom_dgram.js"; }
dgram_count=1; [ "$board" = rpi ] && dgram_count=-1
check "out of heap receiving a datagram: dropped and counted, the socket lives on" 0 "^dropped $dgram_count, then received 10\$" '^$' -- oom_dgram
# A heap full to the byte: the error for the failed allocation still has room.
full() { env PETREL_HEAP_LIMIT=4000000 timeout -k 5 60 "$top/tools/board_run.sh" "$board" "$top/tests/cli/oom_full.js" 2>&1; echo "rc=$?"; }
check "heap full to the byte: Error alloc failed, ERR_MEMORY_ALLOCATION_FAILED, not DoubleError" 0 \
  $'^(Error alloc failed ERR_MEMORY_ALLOCATION_FAILED\nrc=0|Uncaught Error: alloc failed.*rc=1)$' '^$' -- full
# The uncaught-exception listener runs out of heap: the coded error, exit 1 (not 7).
in_handler() { env PETREL_HEAP_LIMIT=4000000 timeout -k 5 60 "$top/tools/board_run.sh" "$board" "$top/tests/cli/oom_in_handler.js"; }
check "out of heap in the uncaughtException listener: coded error, exit 1" 1 '^$' 'alloc failed' -- in_handler
# The timer queues when scheduling runs out of heap (on the boards the heap is always
# bounded; here PETREL_HEAP_LIMIT bounds it, so the out-of-memory part really runs).
timers_oom() { env PETREL_HEAP_LIMIT=6000000 timeout -k 5 60 "$top/tools/board_run.sh" "$board" "$top/tests/js/runtime/test_timers_oom.js"; }
check "timers out of heap: queues whole, coded errors" 0 'until the heap ran out' '^$' -- timers_oom
# Out of heap at many limits, each a little past the last, so that the allocation that
# fails is each time another one (a Map's table, the compaction of an object in Duktape's
# emergency collection, a catch clause's scope): test_map_oom.js must catch the coded
# error in each of its fills and end "ok bounded". Native: 400 limits; emulated: 25.
EMULATION=none; . "$top/build/$board/board.env" 2>/dev/null
sweep() {
  local n=400 step=2003 i l out bad=0
  [ "$EMULATION" = none ] || { n=25; step=32009; }
  for ((i = 0; i < n; i++)); do
    l=$((300000 + i * step))
    out=$(env PETREL_HEAP_LIMIT=$l timeout -k 5 60 "$top/tools/board_run.sh" "$board" "$top/tests/js/runtime/test_map_oom.js" 2>&1)
    if [ $? -ne 0 ] || [ "$out" != "ok bounded" ]; then
      bad=$((bad + 1)); [ $bad -le 3 ] && echo "PETREL_HEAP_LIMIT=$l: ${out:0:200}"
    fi
  done
  echo "$n limits, $bad bad"
}
check "out of heap at many limits: Map/Set fills catch the coded error, never anything else" 0 '^[0-9]+ limits, 0 bad$' '^$' -- sweep
# The same through the REPL's raw mode (petrel-tool, as the boards run scripts): the
# uncaught report of a run that fills the heap always gets out (native boards: a boot each).
raw_sweep() { python3 "$top/tests/cli/raw_oom_sweep.py" "$board" "$top/tests/cli/oom_connections.js"; }
[ "$EMULATION" = none ] && check "raw runs out of heap at many limits: the report is never lost, exit 1" 0 \
  '^[0-9]+ limits, 0 bad$' '^$' -- raw_sweep
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
