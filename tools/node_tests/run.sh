#!/usr/bin/env bash
# tools/node_tests/run.sh NODE_TEST_DIR [BOARD] [PATTERN]
#
# Runs Node's own test/parallel/PATTERN tests (default test-net-*.js) under `node`
# (the reference) and under Petrel built for BOARD (default linux), one at a time,
# each with a timeout (NODE_TESTS_TIMEOUT, default 20 s), and prints per test
#   ok | FAIL (first error line) | skip (the test's own common.skip) | n/a (reason)
# ending with "N passed, N failed, N skipped" for each runtime.
#
# NODE_TEST_DIR is the test/ folder of a Node.js source tree (test/parallel is
# accepted too), e.g. v20.11.1's, unpacked from a clone of node:
#   git -C node archive v20.11.1 test/parallel test/common test/fixtures \
#     | tar -x -C build/node_tests/node-v20.11.1
#   tools/node_tests/run.sh build/node_tests/node-v20.11.1/test linux \
#     | tee build/node_tests/report.txt
# Node's tests are third-party code: keep them under build/ (not committed).
# Each test is lowered to ES5 by Babel (pinned below, installed from npm into
# build/node_tests/npm on first use) into build/node_tests/lowered, with our own
# `common` (tools/node_tests/common.js, shim/) in place of node's test/common
# index.js, tmpdir.js and fixtures.js; node's dns.js, internet.js, ongc.js and
# countdown.js helpers are lowered along. Tests needing child_process, cluster,
# worker_threads, IPC/fork or --expose-internals are "n/a" on both runtimes.
# A `// Flags:` line is given to node; Petrel gets the ones it knows (--expose-gc).
# Not part of `make test`: it needs node's tests, which are not committed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tools/node_tests"
testdir=${1:?usage: run.sh NODE_TEST_DIR [BOARD] [PATTERN]}
board=${2:-linux}
pattern=${3:-test-net-*.js}
testdir=$(cd "$testdir" && pwd)
[ "$(basename "$testdir")" = parallel ] && testdir=$(dirname "$testdir")
limit=${NODE_TESTS_TIMEOUT:-20}
work="$top/build/node_tests"
npmdir="$work/npm"
babel_pins="@babel/core@7.24.0 @babel/preset-env@7.24.0"

[ -x "$top/build/$board/petrel" ] || { echo "no build/$board/petrel: run make${2:+ BOARD=$board} first" >&2; exit 2; }
if [ ! -d "$npmdir/node_modules/@babel/preset-env" ]; then
  mkdir -p "$npmdir" && ( cd "$npmdir" && { [ -f package.json ] || echo '{"private":true}' >package.json; } &&
    npm install --no-audit --no-fund --save-exact $babel_pins >/dev/null ) || { echo "npm install failed" >&2; exit 2; }
fi
out="$work/lowered"
rm -rf "$out"
NODE_PATH="$npmdir/node_modules" node "$here/lower.js" "$testdir" "$out" "$pattern" >/dev/null || exit 2

# Same answer for common.hasIPv6 on both runtimes: does loopback have an IPv6 address?
if grep -q ' lo$' /proc/net/if_inet6 2>/dev/null; then export NODE_TEST_HAS_IPV6=1; else export NODE_TEST_HAS_IPV6=0; fi
export NODE_TEST_FIXTURES="$testdir/fixtures"
tmp=$(mktemp -d /tmp/node_tests.XXXXXX); trap 'rm -rf "$tmp"' EXIT

# first_error FILE: the line that best says why a run failed.
first_error() {
  local l
  l=$(grep -m1 -E 'Uncaught|Error|error:|Mismatched|Assertion|not a function|undefined|TIMEOUT' "$1")
  [ -n "$l" ] || l=$(grep -v '^\s*$' "$1" | tail -n 1)
  local at
  at=$(grep -m1 -oE "$2:[0-9]+" "$1" | sed 's/.*://')
  printf '%s%s' "${l:0:220}" "${at:+ [line $at]}"
}

declare -A pass fail skip
runtimes="node petrel:$board"
for r in $runtimes; do pass[$r]=0; fail[$r]=0; skip[$r]=0; done
na=0
while IFS='|' read -r name status flags reason; do
  if [ "$status" != run ]; then
    if [ "$status" = na ]; then na=$((na + 1)); echo "n/a  $name ($reason)"; continue; fi
    for r in $runtimes; do fail[$r]=$((fail[$r] + 1)); echo "FAIL [$r] $name: $reason"; done
    continue
  fi
  for r in $runtimes; do
    rm -rf "$tmp/t" && mkdir -p "$tmp/t"
    flagargs=$(echo "$flags" | tr -s ' ' '\n' | grep -- '^--' | grep -v -- '--expose-internals' | tr '\n' ' ')
    # Petrel takes the flags it knows (--expose-gc) on the boards with a command line.
    pflags=""; case "$board" in linux*|rpi) pflags=$(echo "$flagargs" | tr ' ' '\n' | grep -x -e '--expose-gc' -e '--expose_gc' | tr '\n' ' ') ;; esac
    if [ "$r" = node ]; then cmd=(node $flagargs "$name"); else cmd=("$top/tools/board_run.sh" "$board" $pflags "$name"); fi
    ( cd "$out/parallel" && NODE_TEST_TMPDIR="$tmp/t" timeout -k 5 "$limit" "${cmd[@]}" ) </dev/null >"$tmp/log" 2>&1
    rc=$?
    [ $rc -eq 124 ] && echo "TIMEOUT after ${limit}s" >>"$tmp/log"
    if [ $rc -eq 0 ] && grep -q '^1\.\.0 # Skipped' "$tmp/log"; then
      skip[$r]=$((skip[$r] + 1)); echo "skip [$r] $name: $(grep -m1 '^1\.\.0 # Skipped' "$tmp/log")"
    elif [ $rc -eq 0 ]; then
      pass[$r]=$((pass[$r] + 1)); echo "ok   [$r] $name"
    else
      fail[$r]=$((fail[$r] + 1)); echo "FAIL [$r] $name (exit $rc): $(first_error "$tmp/log" "$name")"
      [ -n "${NODE_TESTS_VERBOSE:-}" ] && tail -n 15 "$tmp/log" | sed 's/^/     | /'
    fi
  done
done < "$out/manifest.txt"
echo "$na not applicable (same on both runtimes)"
for r in $runtimes; do echo "${r%%:*}: ${pass[$r]} passed, ${fail[$r]} failed, ${skip[$r]} skipped"; done
