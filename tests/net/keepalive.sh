#!/usr/bin/env bash
# setKeepAlive really sets SO_KEEPALIVE and the idle time on POSIX boards: the kernel's
# view of the socket (ss -o) must show a keepalive timer near 7 s for the enabled
# socket and none for the one switched off. Ends with "N passed, N failed".
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
pass=0; fail=0
out=$(mktemp); trap 'rm -f "$out"; kill $pid 2>/dev/null' EXIT
"$top/tools/board_run.sh" "$board" "$top/tests/net/keepalive_probe.js" >"$out" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q '^off ' "$out" && break; sleep 0.1; done
on=$(sed -n 's/^port //p' "$out"); off=$(sed -n 's/^off //p' "$out")
ss_on=$(ss -tno state established "( sport = :$on )" 2>/dev/null)
ss_off=$(ss -tno state established "( sport = :$off )" 2>/dev/null)
# ss prints the time left as e.g. "6.896ms" (6 s 896 ms), "6sec" or "1min59sec".
if [[ "$ss_on" =~ timer:\(keepalive,([0-9]+)(\.[0-9]+ms|sec), ]] && [ "${BASH_REMATCH[1]}" -ge 5 ] && [ "${BASH_REMATCH[1]}" -le 7 ]; then
  pass=$((pass + 1)); echo "ok   [$board] keepalive: SO_KEEPALIVE with TCP_KEEPIDLE 7 s (${BASH_REMATCH[1]}${BASH_REMATCH[2]} left)"
else
  fail=$((fail + 1)); echo "FAIL [$board] keepalive: no 7 s keepalive timer on port $on"; echo "$ss_on" | sed 's/^/     | /'
fi
if [ -n "$off" ] && ! grep -q keepalive <<<"$ss_off" && grep -q ESTAB <<<"$(ss -tn state established "( sport = :$off )" | sed 's/^/ESTAB /')"; then
  pass=$((pass + 1)); echo "ok   [$board] keepalive: setKeepAlive(false) clears it"
else
  fail=$((fail + 1)); echo "FAIL [$board] keepalive: setKeepAlive(false) left a timer on port $off"; echo "$ss_off" | sed 's/^/     | /'
fi
kill $pid 2>/dev/null; wait $pid 2>/dev/null
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
