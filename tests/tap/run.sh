#!/usr/bin/env bash
# Petrel on lwIP attached to a TAP device, talking to Linux programs over it.
# Creates a network namespace with a tap device in it (10.77.0.1/24 and
# fd77::1/64 on the Linux side), runs build/BOARD/petrel inside the namespace
# attached to the tap (10.77.0.2, fd77::2), and has nc, socat and node on the
# Linux side exchange data with a Petrel server and a Petrel client (10 MB each
# way, verified). Reports throughput. Skips (counted as skipped, not passed)
# when /dev/net/tun cannot be opened or namespaces cannot be created. Everything
# it creates is removed on exit. Ends with "N passed, N failed, N skipped".
set -u
board=${1:-linux-lwip}
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/tap"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   [$board] tap: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL [$board] tap: $1"; }
skip() { echo "skip [$board] tap: $1"; echo "0 passed, 0 failed, 1 skipped"; exit 0; }

ns=petrel-tap-$$ dev=ptap0
linux4=10.77.0.1 petrel4=10.77.0.2 linux6=fd77::1 petrel6=fd77::2
command -v node >/dev/null || { bad "node not found (the echo and DNS peers on the Linux side run on node)"; echo "$pass passed, $fail failed"; exit 1; }
[ -x "$top/build/$board/petrel" ] || { bad "no build/$board/petrel"; echo "$pass passed, $fail failed"; exit 1; }
( exec 3<>/dev/net/tun ) 2>/dev/null || skip "cannot open /dev/net/tun"
ip netns add "$ns" 2>/dev/null || skip "cannot create a network namespace (ip netns add)"

tmp=$(mktemp -d); pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  # Background jobs are subshells around `ip netns exec`: kill what runs inside too.
  ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null
  wait 2>/dev/null
  ip netns del "$ns" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
in_ns() { ip netns exec "$ns" "$@"; }
in_ns ip link set lo up
in_ns ip tuntap add dev "$dev" mode tap || { bad "ip tuntap add"; echo "$pass passed, $fail failed"; exit 1; }
in_ns ip addr add "$linux4/24" dev "$dev"
in_ns ip -6 addr add "$linux6/64" dev "$dev" nodad
in_ns ip link set "$dev" up

# Only one process can hold the tap device: a Petrel server from the step
# before may still be exiting (its last connection just closed). Wait for it.
tap_free() {
  local _
  for _ in $(seq 600); do # up to 30 s: a loaded machine, a tiny-pool board
    ip netns pids "$ns" 2>/dev/null | xargs -r ps -o comm= -p 2>/dev/null | grep -q '^petrel$' || return 0
    sleep 0.05
  done
}

# start NAME script args...: Petrel in the namespace on the tap, in the background;
# prints the port from its "port N" line.
start() {
  local name=$1; shift
  tap_free
  in_ns env PETREL_TAP="$dev" PETREL_IP="$petrel4/24" PETREL_GW="$linux4" PETREL_IP6="$petrel6/64" \
    PETREL_DNS="$linux4" "$top/tools/board_run.sh" "$board" "$@" >"$tmp/$name.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q '^port ' "$tmp/$name.out" && break; sleep 0.05; done
  sed -n 's/^port //p' "$tmp/$name.out"
}
run_petrel() {
  tap_free
  in_ns env PETREL_TAP="$dev" PETREL_IP="$petrel4/24" PETREL_GW="$linux4" PETREL_IP6="$petrel6/64" \
    PETREL_DNS="$linux4" timeout 60 "$top/tools/board_run.sh" "$board" "$@" 2>"$tmp/stderr"
  local rc=$?
  # A failing step shows why: the exit status (124: the 60 s timeout) and stderr.
  [ $rc -eq 0 ] || echo "(exit $rc) $(tail -c 300 "$tmp/stderr" | tr '\n' ' ')"
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rate() { awk -v b="$1" -v ms="$2" 'BEGIN { if (ms < 1) ms = 1; printf "%.1f", b / 1048576 * 1000 / ms }'; }

mb10=10485760
head -c $mb10 /dev/urandom > "$tmp/10m"
want=$(sha256sum < "$tmp/10m" | cut -d' ' -f1)

# 1. ICMP: lwIP answers ARP and ping on the tap.
port=$(start ping "$here/echo_server.js" '::' 1)
if command -v ping >/dev/null; then
  in_ns ping -c 2 -W 2 "$petrel4" >/dev/null 2>&1 && ok "Linux pings lwIP at $petrel4 (ARP + ICMP)" || bad "ping $petrel4"
fi

# 2. nc -> Petrel echo server: 10 MB each way, sha256 on the Linux side.
t0=$(now_ms)
# (timeout: a bound for a hang only; a loaded CI machine can take long)
in_ns timeout 300 nc -N "$petrel4" "$port" < "$tmp/10m" > "$tmp/echoed"; nc_rc=$?
t1=$(now_ms)
got=$(sha256sum < "$tmp/echoed" | cut -d' ' -f1)
if [ "$got" = "$want" ]; then
  ok "nc sends 10 MB to a Petrel echo server over the tap and gets the same bytes back ($(rate $mb10 $((t1 - t0))) MB/s each way)"
else
  bad "nc echo over the tap: $(stat -c %s "$tmp/echoed") of $mb10 bytes back in $((t1 - t0)) ms, nc exit $nc_rc"
  tail -3 "$tmp/ping.out" | sed 's/^/     | /'
fi

# 3. Petrel client -> Linux echo server (node): 10 MB each way, verified by the client.
sport=17707
in_ns node "$here/echo_peer.js" "$linux4" $sport > "$tmp/echo.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q 'echo ready' "$tmp/echo.out" && break; sleep 0.05; done
res=$(run_petrel "$here/client.js" "$linux4" $sport $mb10)
if [[ "$res" =~ ^received\ $mb10\ mismatches\ 0\ ms\ ([0-9]+)$ ]]; then
  ok "a Petrel client exchanges 10 MB each way with a node echo server over the tap ($(rate $mb10 "${BASH_REMATCH[1]}") MB/s each way)"
else
  bad "Petrel client to a node echo server: $res $(cat "$tmp/echo.out")"
fi

# 4. One-way throughput, both directions (50 MB).
mb50=52428800
port=$(start sink "$here/sink_server.js" 0.0.0.0)
head -c $mb50 /dev/zero | in_ns timeout 60 nc -N "$petrel4" "$port" >/dev/null
for _ in $(seq 100); do grep -q '^got ' "$tmp/sink.out" && break; sleep 0.05; done
if [[ "$(cat "$tmp/sink.out")" =~ got\ $mb50\ bytes\ in\ ([0-9]+)\ ms ]]; then
  ok "Linux -> Petrel 50 MB over the tap ($(rate $mb50 "${BASH_REMATCH[1]}") MB/s)"
else
  bad "Linux -> Petrel 50 MB: $(tail -2 "$tmp/sink.out")"
fi
sport=17708
in_ns socat -u -T 30 TCP-LISTEN:$sport,bind=$linux4,reuseaddr - 2>/dev/null | wc -c > "$tmp/count" &
pids+=($!)
for _ in $(seq 50); do in_ns ss -ltn 2>/dev/null | grep -q ":$sport " && break; sleep 0.05; done
res=$(run_petrel "$here/client.js" "$linux4" $sport $mb50 send)
sleep 0.2
if [[ "$res" =~ ^sent\ $mb50\ ms\ ([0-9]+)$ ]] && [ "$(cat "$tmp/count")" = $mb50 ]; then
  ok "Petrel -> Linux 50 MB over the tap ($(rate $mb50 "${BASH_REMATCH[1]}") MB/s)"
else
  bad "Petrel -> Linux 50 MB: $res, socat counted $(cat "$tmp/count")"
fi

# 5. IPv6 over the tap (neighbour discovery + TCP): nc -6 echo, 1 MB.
head -c 1048576 "$tmp/10m" > "$tmp/1m"
want1=$(sha256sum < "$tmp/1m" | cut -d' ' -f1)
port=$(start v6 "$here/echo_server.js" '::' 1)
in_ns timeout 30 nc -6 -N "$petrel6" "$port" < "$tmp/1m" > "$tmp/got6"; rc=$?
got=$(sha256sum < "$tmp/got6" | cut -d' ' -f1)
[ "$got" = "$want1" ] && ok "nc over IPv6 ($petrel6) echoes 1 MB through a Petrel server" ||
  bad "IPv6 echo: nc exit $rc, $(wc -c < "$tmp/got6") bytes back, sha256 $got; server: $(tail -c 300 "$tmp/v6.out" | tr '\n' ' ')"

# 6. DNS through lwIP's resolver to a server on the Linux side (node).
in_ns node "$here/dns_server.js" "$linux4" "$linux4" > "$tmp/dns.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q 'dns ready' "$tmp/dns.out" && break; sleep 0.05; done
res=$(run_petrel "$here/lookup.js" | tr '\n' ';')
[ "$res" = "petrel.test $linux4 4;nothere.test ENOTFOUND;" ] && ok "dns.lookup over the tap: an answer and NXDOMAIN (ENOTFOUND)" || bad "dns: $res"

# 7. Six Linux clients send to a Petrel server that leaves them unread for 1.5 s, then
# reads: every line arrives, in order. On linux-lwip-tiny the held data exceeds lwIP's
# 16 pool pbufs: NIC frames are dropped until the reader resumes and TCP resends them.
port=$(start paused "$here/paused_server.js" 6 100000 1500)
cpids=()
for i in 1 2 3 4 5 6; do seq 100000 | in_ns timeout 60 nc -N "$petrel4" "$port" >/dev/null & cpids+=($!); done
wait "${cpids[@]}"
for _ in $(seq 200); do grep -q '^got \|^problems' "$tmp/paused.out" && break; sleep 0.05; done
res=$(grep '^got \|^problems' "$tmp/paused.out")
[ "$res" = "got 6 x 100000 lines" ] && ok "6 clients to a paused Petrel server: every line arrives after the resume" || bad "paused server: ${res:-$(tail -2 "$tmp/paused.out")}"

# 8. The address from a config file ($PETREL_NET_CONFIG, as a board's /net.json): it
# replaces PETREL_IP's, os.networkInterfaces() shows it, and a Linux client reaches it.
cat > "$tmp/net.json" <<'JSON'
{"ip": "10.77.0.5", "netmask": "255.255.255.0", "gateway": "10.77.0.1", "hostname": "tapboard"}
JSON
cat > "$tmp/netcfg.js" <<'JS'
var os = require('os');
var a = (os.networkInterfaces().eth0 || []).filter(function (x) { return x.family === 'IPv4'; })[0];
require('net').createServer(function (c) { c.end('hi from ' + c.localAddress + ' ' + (a && a.cidr) + '\n'); this.close(); })
  .listen(0, function () { console.log('port ' + this.address().port); });
JS
tap_free
in_ns env PETREL_TAP="$dev" PETREL_IP="$petrel4/24" PETREL_NET_CONFIG="$tmp/net.json" \
  "$top/tools/board_run.sh" "$board" "$tmp/netcfg.js" >"$tmp/netcfg.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q '^port ' "$tmp/netcfg.out" && break; sleep 0.05; done
port=$(sed -n 's/^port //p' "$tmp/netcfg.out")
res=$(in_ns timeout 30 nc -N 10.77.0.5 "$port" < /dev/null | sed 's/::ffff://')  # a dual-stack listener's form
[ "$res" = "hi from 10.77.0.5 10.77.0.5/24" ] && ok "PETREL_NET_CONFIG's static address replaces PETREL_IP's: os.networkInterfaces() has it, nc reaches it" ||
  bad "net config: '$res'; petrel: $(tail -c 300 "$tmp/netcfg.out" | tr '\n' ' ')"

echo "$pass passed, $fail failed, 0 skipped"
[ $fail -eq 0 ]
