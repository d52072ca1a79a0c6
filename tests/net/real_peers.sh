#!/usr/bin/env bash
# Programs nobody here wrote talk to Petrel over loopback: nc, socat, curl and node
# as clients of a Petrel server, and node as the server of a Petrel client (TCP, and
# UDP with socat and node).
# Ends with "N passed, N failed".
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
run() { "$top/tools/board_run.sh" "$board" "$@"; }
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   [$board] real peers: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL [$board] real peers: $1"; }
tmp=$(mktemp -d); pids=()
trap 'kill ${pids[@]} 2>/dev/null; rm -rf "$tmp"' EXIT

start() { # start NAME script args... : runs petrel in the background, waits for "port N"
  local name=$1; shift
  run "$@" >"$tmp/$name.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q '^port ' "$tmp/$name.out" && break; sleep 0.1; done
  sed -n 's/^port //p' "$tmp/$name.out"
}

head -c 10485760 /dev/urandom > "$tmp/10m"
want=$(sha256sum < "$tmp/10m" | cut -d' ' -f1)

port=$(start nc "$top/tests/net/echo_server.js" 1)
got=$(nc -N 127.0.0.1 "$port" < "$tmp/10m" | sha256sum | cut -d' ' -f1)
[ "$got" = "$want" ] && ok "nc sends 10 MB to a Petrel echo server and gets the same bytes back" || bad "nc echo ($got)"

port=$(start socat "$top/tests/net/echo_server.js" 1)
got=$(socat -t 5 - TCP:127.0.0.1:"$port",shut-down < "$tmp/10m" | sha256sum | cut -d' ' -f1)
[ "$got" = "$want" ] && ok "socat 10 MB echo" || bad "socat echo ($got)"

port=$(start http "$top/tests/net/http_server.js")
body=$(curl -s --max-time 10 "http://127.0.0.1:$port/some/path")
[ "$body" = "hello from petrel, you asked for /some/path" ] && ok "curl gets an HTTP answer from a Petrel server" || bad "curl: '$body'"

port=$(start node "$top/tests/net/echo_server.js" 1)
res=$(node -e '
  var net = require("net"), crypto = require("crypto");
  var data = crypto.randomBytes(4 << 20), got = [];
  var c = net.connect(+process.argv[1], "127.0.0.1", function () { c.end(data); });
  c.on("data", function (d) { got.push(d); });
  c.on("end", function () { console.log(Buffer.concat(got).equals(data) ? "same" : "different"); });
' "$port")
[ "$res" = same ] && ok "a node client echoes 4 MB through a Petrel server" || bad "node client: $res"

# node is the server, Petrel the client (10 MB each way, bytes verified by the client)
node -e '
  var net = require("net");
  var s = net.createServer(function (c) { c.pipe(c); s.close(); });
  s.listen(0, "127.0.0.1", function () { console.log("port " + s.address().port); });
' > "$tmp/nodesrv.out" &
pids+=($!)
for _ in $(seq 50); do grep -q '^port ' "$tmp/nodesrv.out" && break; sleep 0.1; done
port=$(sed -n 's/^port //p' "$tmp/nodesrv.out")
res=$(run "$top/tests/net/client_sha.js" "$port" 10485760)
[ "$res" = "received 10485760 mismatches 0" ] && ok "a Petrel client exchanges 10 MB each way with a node echo server" || bad "petrel client: $res"

# UDP (dgram): socat and node as clients of a Petrel echo server, node the echo server
# of a Petrel client (datagrams up to 65,507 bytes, each checked)
port=$(start udpsocat "$top/tests/net/udp_echo_server.js" 1)
got=$(echo "hello over udp" | socat -t 5 - UDP:127.0.0.1:"$port")
[ "$got" = "hello over udp" ] && ok "socat gets a datagram back from a Petrel UDP echo server" || bad "socat udp: '$got'"

port=$(start udpnode "$top/tests/net/udp_echo_server.js" 8)
res=$(timeout 20 node -e '
  var c = require("dgram").createSocket("udp4"), sizes = [1, 100, 1472, 9000, 60000, 0, 65507, 3], i = 0, bad = 0;
  function data(n) { var b = Buffer.alloc(n); for (var k = 0; k < n; k++) b[k] = (k * 13 + n) & 0xff; return b; }
  c.on("message", function (m) {
    if (!m.equals(data(sizes[i]))) bad++;
    if (++i === sizes.length) { console.log("echoed " + i + " mismatches " + bad); return c.close(); }
    c.send(data(sizes[i]), +process.argv[1], "127.0.0.1");
  });
  c.send(data(sizes[0]), +process.argv[1], "127.0.0.1");
' "$port")
[ "$res" = "echoed 8 mismatches 0" ] && ok "a node UDP client echoes 8 datagrams (0 to 65,507 bytes) through Petrel" || bad "node udp client: $res"

node -e '
  var s = require("dgram").createSocket("udp4"), left = 8;
  s.on("message", function (m, r) { s.send(m, r.port, r.address, function () { if (--left === 0) s.close(); }); });
  s.bind(0, "127.0.0.1", function () { console.log("port " + s.address().port); });
' > "$tmp/nodeudp.out" &
pids+=($!)
for _ in $(seq 50); do grep -q '^port ' "$tmp/nodeudp.out" && break; sleep 0.1; done
port=$(sed -n 's/^port //p' "$tmp/nodeudp.out")
res=$(timeout 20 "$top/tools/board_run.sh" "$board" "$top/tests/net/udp_client.js" "$port")
[ "$res" = "echoed 8 mismatches 0" ] && ok "a Petrel UDP client echoes 8 datagrams (0 to 65,507 bytes) through a node server" || bad "petrel udp client: $res"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
