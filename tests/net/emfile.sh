#!/usr/bin/env bash
# A server out of file descriptors (POSIX boards): under `ulimit -n 24` a Petrel
# server holding every connection is sent 40 by node. Accepts that fail must
# reach the server's 'error' (EMFILE, syscall accept) without stopping it, the
# connections it could not take must be ended rather than left hanging in the
# backlog (and the loop must not spin on them), and once descriptors are free
# again a new connection is served. Ends with "N passed, N failed".
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/net"
pass=0; fail=0
out=$(mktemp); cout=$(mktemp); pid=
trap 'rm -f "$out" "$cout"; [ -n "$pid" ] && kill $pid 2>/dev/null' EXIT
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "ok   [$board] emfile: $name"
  else fail=$((fail + 1)); echo "FAIL [$board] emfile: $name"; sed 's/^/     | /' "$out" "$cout"; fi
}
# qemu-arm needs descriptors of its own: give a board under user-mode emulation more room.
EMULATION=none; . "$top/build/$board/board.env" 2>/dev/null
limit=24; [ "$EMULATION" = user ] && limit=48
( ulimit -n $limit; exec "$top/tools/board_run.sh" "$board" "$here/emfile_server.js" ) >"$out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q '^port ' "$out" && break; sleep 0.1; done
port=$(sed -n 's/^port //p' "$out")
timeout 60 node "$here/emfile_client.js" "$port" $((limit + 16)) >"$cout" 2>&1
wait $pid 2>/dev/null; rc=$?; pid=
check "the server saw EMFILE on accept as an 'error' and kept listening" grep -q '^accept errors: yes, first: EMFILE accept$' "$out"
check "connections it could not take were ended, not left in the backlog" grep -q '^connections the server ended at once: some$' "$cout"
check "a new connection is served once descriptors are free" grep -q '^reply: pong$' "$cout"
check "the server exited cleanly" [ "$rc" -eq 0 ]
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
