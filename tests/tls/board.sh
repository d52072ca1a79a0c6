#!/usr/bin/env bash
# tests/tls/board.sh BOARD: the TLS tests a RAM-limited board (mps2-an385-tls) runs.
# self.js's in-process cases, in slices of a few cases per boot, each with a certs.js
# holding only the certificates that slice uses (all of tests/tls/gen_certs.sh's PEMs,
# 36 KB as JS source, do not fit next to net and tls in the board's 1 MiB of RAM).
# Every line node v20 prints for the whole self.js must appear in the board's output,
# as in tests/tls/run.sh. Ends with "N passed, N failed".
set -u
board=${1:-mps2-an385-tls}
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/tls"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   [$board] tls: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL [$board] tls: $1"; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }
[ -x "$top/build/$board/petrel" ] || { bad "no build/$board/petrel"; finish; }
command -v node >/dev/null || { bad "node is not installed"; finish; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$here/gen_certs.sh" "$tmp/certs" > /dev/null 2>&1 || { bad "gen_certs.sh failed"; finish; }

node "$here/self.js" "$tmp/certs" > "$tmp/self.node" 2>&1
grep -qx done "$tmp/self.node" || { bad "node did not finish self.js"; tail -5 "$tmp/self.node"; finish; }

# FROM:TO (cases of self.js) and the certificates beyond ca.crt, server.key, server.crt.
# The last slice is open-ended, so that a case added to self.js runs too.
slices=(
  "0:4 server-ec.key server-ec.crt leaf.key leaf-chain.crt"
  "4:9 other-ca.crt leaf.key leaf.crt selfsigned.key selfsigned.crt expired.key expired.crt future.key future.crt"
  "9:14 wronghost.key wronghost.crt selfsigned.key selfsigned.crt"
  "14:21 server-enc.key client.key"
  "21:28"
  "28:31 client.key client.crt wronghost.key wronghost.crt"
  "32:"
)
# Cases the board cannot run, with the reason (their node lines are reported, not
# counted): 31 "echo 1 MB with pause/resume" queues up to 128 KB of ciphertext per
# direction and session besides the JS buffers: more RAM than the board has.
skip_cases='echo 1 MB with pause/resume'
skip_from=31 skip_to=32
: > "$tmp/self.board"
n=0
for s in "${slices[@]}"; do
  set -- $s
  range=$1; shift
  n=$((n + 1)); d="$tmp/slice$n"
  mkdir -p "$d/certs"
  cp "$here/self.js" "$d/"
  # run.js runs self.js and reports the RAM high-water mark (rss: static data, heap
  # extent and stack peak) when it exits.
  printf '%s\n' "process.on('exit', function () { console.log('rss ' + process.memoryUsage().rss); });" \
    "require('./self.js');" > "$d/run.js"
  node -e '
    var all = require(process.argv[1]), o = {};
    process.argv.slice(3).forEach(function (k) { o[k] = all[k]; });
    require("fs").writeFileSync(process.argv[2], "module.exports = " + JSON.stringify(o) + ";\n");
  ' "$tmp/certs/certs.js" "$d/certs/certs.js" ca.crt server.key server.crt "$@"
  t0=$(date +%s)
  timeout 600 "$top/tools/board_run.sh" "$board" "$d/run.js" /certs "$range" > "$d/out" 2>&1
  rc=$?
  t1=$(date +%s)
  cat "$d/out" >> "$tmp/self.board"
  if [ $rc -eq 0 ] && grep -qx done "$d/out"; then
    ok "self.js cases $range ran to the end ($((t1 - t0)) s, RAM high-water $(sed -n 's/^rss //p' "$d/out") B)"
  else
    bad "self.js cases $range did not finish (status $rc)"; tail -8 "$d/out" | sed 's/^/     | /'
  fi
done
while IFS= read -r line; do
  [ "$line" = done ] && continue
  case "$line" in "$skip_cases:"*) echo "skip [$board] tls: $line (case $skip_from, too big for the board's RAM)"; continue ;; esac
  if grep -qxF -- "$line" "$tmp/self.board"; then ok "as node: $line"; else bad "node printed: $line"; fi
done < "$tmp/self.node"
finish
