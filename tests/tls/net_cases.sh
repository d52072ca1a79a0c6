#!/usr/bin/env bash
# tests/tls/net_cases.sh BOARD [CASE...]: the shared net conformance cases
# (../shared/conformance) over tls: each case runs with require('net') replaced by
# net_shim.js (servers and clients are tls ones, the test certificate) under node and
# under BOARD's petrel; stdout and exit status must be the same (same events, same
# order). Cases listed in net_cases_known.txt (NAME | why) must still differ, and are
# reported with their reason. Ends with "N passed, N failed".
set -u
board=${1:-linux}; shift
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/tls"
cases="$top/../shared/conformance"
[ -d "$cases" ] || cases=/work/shared/conformance
pass=0; fail=0; known=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$here/gen_certs.sh" "$tmp/certs" >/dev/null || { echo "FAIL gen_certs.sh"; echo "0 passed, 1 failed"; exit 1; }
mkdir "$tmp/run"
cp "$tmp/certs/certs.js" "$here/net_shim.js" "$tmp/run/"
list=("$@"); [ ${#list[@]} -eq 0 ] && list=($(cd "$cases" && ls ./*.js | sed 's|^\./||; s|\.js$||'))
limit=${PETREL_TEST_TIMEOUT:-30} # the longest case takes about 5 s; a hang costs this much
for name in "${list[@]}"; do
  sed "s/require(['\"]net['\"])/require('.\/net_shim.js')/g" "$cases/$name.js" >"$tmp/run/$name.js"
  why=$(grep -E "^$name[[:space:]]*\|" "$here/net_cases_known.txt" 2>/dev/null | head -1 | cut -d'|' -f2- | sed 's/^ *//')
  t=$limit; [ -n "$why" ] && t=5 # a listed case may hang (node's or Petrel's side): it only has to differ, or pass
  ( cd "$tmp/run" && timeout -k 5 "$t" node "$name.js" ) >"$tmp/node.out" 2>"$tmp/node.err"; nrc=$?
  ( cd "$tmp/run" && timeout -k 5 "$t" "$top/tools/board_run.sh" "$board" "$name.js" ) >"$tmp/petrel.out" 2>"$tmp/petrel.err"; prc=$?
  if [ $nrc = $prc ] && cmp -s "$tmp/node.out" "$tmp/petrel.out"; then
    note=${why:+ (listed in net_cases_known.txt: it passes now, drop the line)}
    [ -n "$why" ] && [ $nrc = 124 ] && note=" (both print the same, then wait until the limit, as listed)"
    pass=$((pass + 1)); echo "ok   [$board] tls conformance/$name$note"
  elif [ -n "$why" ]; then
    known=$((known + 1)); echo "known [$board] tls conformance/$name: $why"
  else
    fail=$((fail + 1)); echo "FAIL [$board] tls conformance/$name (node exit $nrc, petrel exit $prc)"
    diff "$tmp/node.out" "$tmp/petrel.out" | head -n 12 | sed 's/^/     | /'
    head -n 4 "$tmp/petrel.err" | sed 's/^/     ! /'
  fi
done
echo "$pass passed, $fail failed$([ $known -gt 0 ] && echo ", $known known differences (see tests/tls/net_cases_known.txt)")"
[ $fail -eq 0 ]
