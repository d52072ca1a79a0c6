#!/usr/bin/env bash
# tools/bench/tls.sh [BOARD]: TLS figures for petrel (build/BOARD/petrel) next to node,
# both running tools/bench/tls_server.js, both driven by the same clients written in C
# (openssl s_time, s_client) or by node: full handshakes per second (RSA 2048 and
# ECDSA P-256 certificates, TLS 1.2 and TLS 1.3, no session reuse; resumed in TLS 1.2
# with a ticket, and by session ID through 'newSession'/'resumeSession'; in TLS 1.3 with
# a ticket through a node client, tls_resume13.js: s_time -reuse does not wait for TLS
# 1.3's tickets), bulk download through s_client, and bulk echo
# through a node tls client (both TLS 1.3, what they negotiate). Reports, never asserts.
# Knobs: BENCH_TLS_MB (64), BENCH_TLS_SECONDS (3).
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
MB=${BENCH_TLS_MB:-64}
SECS=${BENCH_TLS_SECONDS:-3}
BYTES=$((MB * 1048576))
[ -x "build/$board/petrel" ] || { echo "bench: build/$board/petrel is missing" >&2; exit 1; }
tmp=$(mktemp -d); pid=0
trap '[ $pid -gt 0 ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
tests/tls/gen_certs.sh "$tmp/certs" || exit 1

start() { # start RUNTIME MODE [KEY]: sets pid, port
  local log=$tmp/srv.log
  : > "$log"
  if [ "$1" = petrel ]; then
    BENCH_TLS_KEY=${3:-server} tools/board_run.sh "$board" tools/bench/tls_server.js "$tmp/certs" "$2" $BYTES > "$log" 2>&1 &
  else
    BENCH_TLS_KEY=${3:-server} node tools/bench/tls_server.js "$tmp/certs" "$2" $BYTES > "$log" 2>&1 &
  fi
  pid=$!
  for _ in $(seq 200); do port=$(sed -n 's/^listening //p' "$log"); [ -n "$port" ] && return 0; sleep 0.05; done
  echo "bench: $1 server did not start" >&2; cat "$log" >&2; return 1
}
stop() { kill $pid 2>/dev/null; wait $pid 2>/dev/null; pid=0; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
rate() { awk -v b="$1" -v t="$2" 'BEGIN { if (t < 1) t = 1; printf "%.1f", b / 1048576 * 1000 / t }'; }

declare -A R
# Each figure is taken for petrel, then at once for node (servers started per figure), so
# a shared machine's drift hits both alike.
sec_rate() { sed -n 's/^\([0-9]*\) connections in \([0-9]*\) real seconds.*/\1 \2/p' | head -1 | awk '{ if ($2 > 0) printf "%.0f", $1 / $2 }'; }
for key in server server-ec; do
  for rt in petrel node; do
    start $rt hello $key || continue
    # Wall-clock rates (s_time's connections/user sec counts the client's CPU only).
    for v in 1_2 1_3; do
      R[$rt,hsw$v-$key]=$(openssl s_time -connect 127.0.0.1:$port -new -tls$v -time "$SECS" 2>/dev/null | sec_rate)
    done
    # Resumed handshakes (session tickets), the same way:
    [ $key = server ] && R[$rt,hsr]=$(openssl s_time -connect 127.0.0.1:$port -reuse -tls1_2 -time "$SECS" 2>/dev/null | sec_rate)
    stop
  done
done
for rt in petrel node; do
  # TLS 1.3 resumed handshakes (PSK from the server's ticket, RSA 2048): a node client that
  # waits for the tickets (tls_resume13.js); the server writes one byte, with which node's
  # sends its tickets.
  start $rt hello1 || continue
  R[$rt,hsr13]=$(timeout $((SECS + 60)) node tools/bench/tls_resume13.js $port "$SECS")
  stop
done
for rt in petrel node; do
  # Resumed by session ID through the application's 'newSession'/'resumeSession':
  start $rt cache || continue
  R[$rt,hsc]=$(openssl s_time -connect 127.0.0.1:$port -reuse -tls1_2 -time "$SECS" 2>/dev/null | sec_rate)
  stop
done
for rt in petrel node; do
  start $rt source || continue
  t0=$(ms)
  got=$(timeout 120 openssl s_client -connect 127.0.0.1:$port -quiet < /dev/null 2>/dev/null | wc -c)
  t1=$(ms)
  [ "$got" = $BYTES ] && R[$rt,down]=$(rate $BYTES $((t1 - t0))) || R[$rt,down]=fail
  stop
done
for rt in petrel node; do
  start $rt echo || continue
  R[$rt,echo]=$(timeout 120 node -e '
    var tls = require("tls"), n = 0, data = Buffer.alloc(+process.argv[2], 7), t0 = Date.now();
    var c = tls.connect({ port: +process.argv[1], host: "127.0.0.1", rejectUnauthorized: false }, function () { c.end(data); });
    c.on("data", function (d) { n += d.length; });
    c.on("end", function () { console.log(n === data.length ? (n / 1048576 * 1000 / (Date.now() - t0)).toFixed(1) : "fail"); });
  ' $port $BYTES)
  stop
done
printf '%-68s %10s %10s %7s\n' "TLS ($board, loopback)" petrel node ratio
row() {
  local p=${R[petrel,$2]:-fail} n=${R[node,$2]:-fail}
  local r; r=$(awk -v p="$p" -v n="$n" 'BEGIN { if (p + 0 > 0 && n + 0 > 0) printf "%.2f", p / n; else print "-" }')
  printf '%-68s %10s %10s %7s\n' "$1" "$p" "$n" "$r"
}
row "TLS 1.2 handshakes/s, RSA 2048 (wall clock, s_time -new)" hsw1_2-server
row "TLS 1.3 handshakes/s, RSA 2048 (wall clock, s_time -new)" hsw1_3-server
row "TLS 1.2 handshakes/s, ECDSA P-256 (wall clock, s_time -new)" hsw1_2-server-ec
row "TLS 1.3 handshakes/s, ECDSA P-256 (wall clock, s_time -new)" hsw1_3-server-ec
row "TLS 1.2 resumed handshakes/s (ticket, s_time -reuse)" hsr
row "TLS 1.2 resumed handshakes/s (session ID, events, s_time -reuse)" hsc
row "TLS 1.3 resumed handshakes/s (ticket, node client, tls_resume13.js)" hsr13
row "download MB/s ($MB MiB to openssl s_client)" down
row "echo MB/s each way ($MB MiB, node tls client)" echo
