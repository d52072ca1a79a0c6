#!/usr/bin/env bash
# tests/tls/valgrind.sh [BOARD]: the tls module under valgrind's memcheck, where a
# definite leak is an error too (the ASan build runs with leak detection off):
# self.js, whose output must still equal node's, and garbage.js (20 hostile inputs
# of each kind), and a peer's KeyUpdate (key_update.sh). A runner of its own: run.sh's peers and 10 MB transfers would take
# many minutes under valgrind. Ends with "N passed, N failed".
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/tls"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   [$board] tls under valgrind: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL [$board] tls under valgrind: $1"; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }
command -v valgrind >/dev/null || { bad "valgrind is not installed"; finish; }
[ -x "$top/build/$board/petrel" ] || { bad "no build/$board/petrel"; finish; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$here/gen_certs.sh" "$tmp/certs" > /dev/null 2>&1 || { bad "gen_certs.sh failed"; finish; }
export PETREL_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
petrel() { timeout 600 "$top/tools/board_run.sh" "$board" "$@"; }

node "$here/self.js" "$tmp/certs" > "$tmp/self.node" 2>&1
petrel "$here/self.js" "$tmp/certs" > "$tmp/self.out" 2> "$tmp/self.err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/self.err" ] && diff -q "$tmp/self.node" "$tmp/self.out" > /dev/null; then
  ok "self.js: $(grep -c . "$tmp/self.node") lines as node's, no memory error, no leak"
else
  bad "self.js (status $rc)"; diff "$tmp/self.node" "$tmp/self.out" | head -5 | sed 's/^/     | /'
  head -30 "$tmp/self.err" | sed 's/^/     ! /'
fi

petrel "$here/garbage.js" "$tmp/certs" 20 > "$tmp/garbage.out" 2> "$tmp/garbage.err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/garbage.err" ] && grep -qx 'server: 20 coded of 20' "$tmp/garbage.out" &&
   grep -qx 'client: 20 coded of 20' "$tmp/garbage.out" && grep -q '^sessions: 20 handled of 20' "$tmp/garbage.out"; then
  ok "garbage.js: 20 mutated ClientHellos, server flights and sessions, each coded; no memory error, no leak"
else
  bad "garbage.js (status $rc)"; tail -4 "$tmp/garbage.out" | sed 's/^/     | /'
  head -30 "$tmp/garbage.err" | sed 's/^/     ! /'
fi

# A peer's TLS 1.3 KeyUpdate (key_update.sh's client check: openssl s_server sends one,
# then one asking for ours): the transforms swapped in and out. Valgrind's findings go
# to the client's output, which must then be exactly the expected lines. Only where the
# peer is on the same host (PEER_NET host; tests/tls/run.sh covers the others' KeyUpdate).
PEER_NET=host; . "$top/build/$board/board.env" 2>/dev/null
[ "$PEER_NET" = host ] || finish
command -v openssl >/dev/null || { bad "openssl is not installed"; finish; }
pids=(); next_port=$((20000 + $$ % 20000)) peer_addr=127.0.0.1 c_certs=$tmp/certs
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT
in_peer() { "$@"; }
. "$here/start_server.sh"
. "$here/key_update.sh"
ku_client() { petrel "$here/keyupdate_client.js" "$tmp/certs" 127.0.0.1 "$1"; }
key_update_client_check ku_client
finish
