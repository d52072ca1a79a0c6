#!/usr/bin/env bash
# tests/tls/board.sh BOARD: the TLS tests a RAM-limited board (mps2-an385-tls) runs.
# self.js's in-process cases, in slices of a few cases per boot, each with a certs.js
# holding only the certificates that slice uses (all of tests/tls/gen_certs.sh's PEMs,
# 36 KB as JS source, do not fit next to net and tls in the board's 1 MiB of RAM) and
# a copy of self.js in which only that slice's cases are left (slice_cases.js).
# Every line node v20 prints for the whole self.js must appear in the board's output,
# as in tests/tls/run.sh. Then garbage.js (hostile handshakes and sessions), and real
# peers on the host both ways (openssl, node; 10 MB each way). Ends with "N passed, N failed".
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
  "31:32"
  "32:33"
  "33:34"
  "34:38"
  "38:40"
  "40:42 wronghost.key wronghost.crt"
  "42:45"
  "45:46 wronghost.key wronghost.crt"
  "46:55 client.key client.crt"
  "55:59"
  "59:61"
  "61:64 wronghost.key wronghost.crt"
  "64: client.key client.crt"
)
: > "$tmp/self.board"
n=0
for s in "${slices[@]}"; do
  set -- $s
  range=$1; shift
  n=$((n + 1)); d="$tmp/slice$n"
  mkdir -p "$d/certs"
  # Only this slice's cases (the others become placeholders): ~70 KB less heap.
  node "$here/slice_cases.js" "$top/build/tools/terser" "$here/self.js" "$range" "$d/self.js" ||
    { bad "slice_cases.js failed for $range"; continue; }
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
  if grep -qxF -- "$line" "$tmp/self.board"; then ok "as node: $line"; else bad "node printed: $line"; fi
done < "$tmp/self.node"

# ---- hostile bytes (garbage.js, as in run.sh; 30 of each kind: ~40 s on the board) -------
d="$tmp/garbage"; mkdir -p "$d/certs"; cp "$here/garbage.js" "$d/"
node -e '
  var all = require(process.argv[1]), o = {};
  ["ca.crt", "server.key", "server.crt"].forEach(function (k) { o[k] = all[k]; });
  require("fs").writeFileSync(process.argv[2], "module.exports = " + JSON.stringify(o) + ";\n");
' "$tmp/certs/certs.js" "$d/certs/certs.js"
printf '%s\n' "process.on('exit', function () { console.log('rss ' + process.memoryUsage().rss); });" \
  "require('./garbage.js');" > "$d/run.js"
# TLS 1.3 (the default) and TLS 1.2 (every side at maxVersion 'TLSv1.2').
for v in TLSv1.3 TLSv1.2; do
  timeout 600 "$top/tools/board_run.sh" "$board" "$d/run.js" /certs 30 $([ $v = TLSv1.2 ] && echo TLSv1.2) > "$d/out" 2>&1
  grep -qx 'server: 30 coded of 30' "$d/out" && ok "$v: 30 mutated ClientHellos: each a coded tlsClientError (RAM high-water $(sed -n 's/^rss //p' "$d/out") B)" ||
    { bad "$v: mutated ClientHellos"; tail -5 "$d/out" | sed 's/^/     | /'; }
  grep -qx 'client: 30 coded of 30' "$d/out" && ok "$v: 30 mutated server flights: each a coded client error" ||
    { bad "$v: mutated server flights"; tail -5 "$d/out" | sed 's/^/     | /'; }
  grep -q '^sessions: 30 handled of 30' "$d/out" && ok "$v: 30 mutated saved sessions offered: each connection secure or a coded error" ||
    { bad "$v: mutated sessions"; grep -v '^    at ' "$d/out" | tail -8 | sed 's/^/     | /'; }
done

# ---- the board as a client of real peers on the host ------------------------------
# QEMU's user network: the board reaches the host's 127.0.0.1 as 10.0.2.2.
command -v openssl >/dev/null || { bad "openssl is not installed"; finish; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT
d="$tmp/client"; mkdir -p "$d/certs"; cp "$here/client.js" "$d/"
node -e '
  var all = require(process.argv[1]);
  require("fs").writeFileSync(process.argv[2], "module.exports = " +
    JSON.stringify({ "ca.crt": all["ca.crt"], "other-ca.crt": all["other-ca.crt"] }) + ";\n");
' "$tmp/certs/certs.js" "$d/certs/certs.js"
board_client() { timeout 300 "$top/tools/board_run.sh" "$board" "$d/client.js" /certs 10.0.2.2 "$@" 2>&1; }
next_port=$((20000 + $$ % 20000)) peer_addr=127.0.0.1
in_peer() { "$@"; }
. "$here/start_server.sh"  # wait_line, start_on_next_port, s_server
c="$tmp/certs"
fp=$(openssl x509 -in "$c/server.crt" -noout -fingerprint -sha256 | sed 's/.*=//')
fp_ec=$(openssl x509 -in "$c/server-ec.crt" -noout -fingerprint -sha256 | sed 's/.*=//')
s_server rsa -cert "$c/server.crt" -key "$c/server.key" -alpn http/1.1 -tls1_2
res=$(board_client "$port" localhost info)
want="secure authorized=true TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 alpn=http/1.1 CN=localhost fp=$fp reply=lertep olleh"
[ "$res" = "$want" ] && ok "board client -> openssl s_server on the host (RSA): verified, ALPN, fingerprint, data both ways" || bad "client -> s_server RSA: '$res'"
s_server ec -cert "$c/server-ec.crt" -key "$c/server-ec.key" -tls1_2
res=$(board_client "$port" localhost info)
want="secure authorized=true TLSv1.2 ECDHE-ECDSA-AES128-GCM-SHA256 alpn=false CN=localhost fp=$fp_ec reply=lertep olleh"
[ "$res" = "$want" ] && ok "board client -> openssl s_server -tls1_2 (ECDSA P-256)" || bad "client -> s_server EC: '$res'"
# TLS 1.3 (s_server's default): RSA (RSA-PSS signatures) and ECDSA.
s_server rsa13 -cert "$c/server.crt" -key "$c/server.key" -alpn http/1.1 -tls1_3
res=$(board_client "$port" localhost info)
want="secure authorized=true TLSv1.3 TLS_AES_256_GCM_SHA384 alpn=http/1.1 CN=localhost fp=$fp reply=lertep olleh"
[ "$res" = "$want" ] && ok "board client -> openssl s_server -tls1_3 (RSA): verified, ALPN, fingerprint, data both ways" || bad "client -> s_server -tls1_3 RSA: '$res'"
s_server ec13 -cert "$c/server-ec.crt" -key "$c/server-ec.key"
res=$(board_client "$port" localhost info)
want="secure authorized=true TLSv1.3 TLS_AES_256_GCM_SHA384 alpn=false CN=localhost fp=$fp_ec reply=lertep olleh"
[ "$res" = "$want" ] && ok "board client -> openssl s_server (ECDSA P-256, its defaults: TLS 1.3)" || bad "client -> s_server EC 1.3: '$res'"
s_server chacha -cert "$c/server-ec.crt" -key "$c/server-ec.key" -tls1_2 -cipher ECDHE-ECDSA-CHACHA20-POLY1305
res=$(board_client "$port" localhost info)
case "$res" in "secure authorized=true TLSv1.2 ECDHE-ECDSA-CHACHA20-POLY1305 "*"reply=lertep olleh") ok "board client -> s_server offering only ChaCha20-Poly1305" ;; *) bad "chacha: '$res'" ;; esac
check_error() { # check_error NAME WANT s_server-args... (MAXV: the client's maxVersion)
  local name=$1 want=$2; shift 2
  local port; s_server "$name" "$@"
  local res; res=$(board_client "$port" localhost error 0 ca.crt ${MAXV:-})
  [ "$res" = "error $want" ] && ok "board client -> s_server with $name certificate: $want" || bad "$name: '$res' (want error $want)"
}
check_error expired CERT_HAS_EXPIRED -cert "$c/expired.crt" -key "$c/expired.key"
check_error selfsigned DEPTH_ZERO_SELF_SIGNED_CERT -cert "$c/selfsigned.crt" -key "$c/selfsigned.key"
# Version mismatch with node's code: a maxVersion 'TLSv1.2' client, a TLS 1.3-only server.
MAXV=TLSv1.2 check_error tls13only ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION -cert "$c/server.crt" -key "$c/server.key" -tls1_3
# A TLS 1.2 server signing with RSA-PSS (tools/mbedtls_patch.py; docs/tls.md).
s_server pss12 -cert "$c/server.crt" -key "$c/server.key" -tls1_2 -sigalgs rsa_pss_rsae_sha256
res=$(board_client "$port" localhost info)
want="secure authorized=true TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 alpn=false CN=localhost fp=$fp reply=lertep olleh"
[ "$res" = "$want" ] && ok "board client -> s_server -tls1_2 signing with RSA-PSS only: verified, data both ways" || bad "pss12: '$res'"
# node's tls server in TLS 1.2 (its maxVersion); TLS 1.3, node's default, is the bulk case below.
node_echo_server node12 "$c" TLSv1.2
res=$(board_client "$port" localhost info)
want="secure authorized=true TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 alpn=false CN=localhost fp=$fp reply=hello petrel"
[ "$res" = "$want" ] && ok "board client -> node tls server with maxVersion TLSv1.2: verified, data both ways" || bad "client -> node 1.2 server: '$res'"

# Bulk both ways with a node tls echo server: 10 MB each way, as on the other boards
# (the emulated board moves ~1 MB/s of TLS, so this takes ~20 s).
mb10=10485760
node_echo_server nodesrv "$c"
out=$(board_client "$port" localhost bulk $mb10)
res=$(echo "$out" | head -1) ms=$(echo "$out" | sed -n 's/^ms //p')
[ "$res" = "received $mb10 mismatches 0" ] && ok "board client exchanges 10 MB each way with a node tls echo server on the host (${ms:-?} ms on the board's clock)" || bad "client <-> node server: '$out'"

# The RAM one client session needs (ram.js): a handshake with a node server (RSA 2048), 64 KB
# each way (the server's in one write: full records), the high-water mark printed (docs/tls.md).
# In TLS 1.3 (node's default) and in TLS 1.2 (the client's maxVersion: then it asks for
# 4 KB records, which mbedTLS 3.6 cannot do in 1.3).
cp "$here/ram.js" "$d/"
for v in TLSv1.3 TLSv1.2; do
  start_on_next_port ramsrv '^ready' 400 node "$here/ram_server.js" "$c" @PORT@ 65536
  out=$(timeout 300 "$top/tools/board_run.sh" "$board" "$d/ram.js" /certs 10.0.2.2 "$port" 65536 $v 2>&1)
  if echo "$out" | grep -qx 'received 65536' && echo "$out" | grep -qx "protocol $v"; then
    ok "$v: one client session to node on the host, 64 KB each way: RAM high-water $(echo "$out" | sed -n 's/^closed rss \([0-9]*\).*/\1/p') B ($(echo "$out" | grep -v '^received' | tr '\n' ';'))"
  else
    bad "$v: one client session (ram.js): $(echo "$out" | tail -3 | tr '\n' ';')"
  fi
done

# ---- the board as a server, reached from the host through a QEMU port forward --------
ds="$tmp/server"; mkdir -p "$ds/certs"; cp "$here/server.js" "$ds/"
node -e '
  var all = require(process.argv[1]), o = {};
  ["ca.crt", "server.key", "server.crt"].forEach(function (k) { o[k] = all[k]; });
  require("fs").writeFileSync(process.argv[2], "module.exports = " + JSON.stringify(o) + ";\n");
' "$tmp/certs/certs.js" "$ds/certs/certs.js"
guest_port=4433
start_board_server() { # start_board_server NAME MODE [N]: sets $port to the host port forwarded to it
  # (up to 60 s for the boot; a host port another process holds stops QEMU at once: the next is tried)
  start_on_next_port "$1" '^port ' 1200 env PETREL_MPS2_NET=",hostfwd=tcp:127.0.0.1:@PORT@-:$guest_port" timeout 300 \
    "$top/tools/board_run.sh" "$board" "$ds/server.js" /certs "$2" 0.0.0.0 "${3:-0}" $guest_port
}
s_client() { timeout 120 openssl s_client -connect "127.0.0.1:$1" -CAfile "$c/ca.crt" -verify_return_error "${@:2}"; }
start_board_server hello hello
out=$(s_client "$port" -servername localhost -verify_hostname localhost -alpn petrel/1 -brief -ign_eof < /dev/null 2>&1)
if echo "$out" | grep -q '^Verification: OK' && echo "$out" | grep -q '^Protocol version: TLSv1.3' &&
   echo "$out" | grep -q 'hello from petrel' && wait_line "$tmp/hello.out" "^secure TLSv1.3 TLS_AES_256_GCM_SHA384 sni=localhost alpn=petrel/1"; then
  ok "openssl s_client on the host -> board server: TLS 1.3, verified with host name, SNI and ALPN seen by the board, data"
else
  bad "s_client -> board hello server"; echo "$out" | sed 's/^/     | /' | head; sed 's/^/     | /' "$tmp/hello.out"
fi
wait "${pids[-1]}" 2>/dev/null
start_board_server cc clientcert
out=$(s_client "$port" -cert "$c/client.crt" -key "$c/client.key" -quiet < /dev/null 2>&1)
wait_line "$tmp/cc.out" '^client authorized=true CN=petrel-client' && echo "$out" | grep -q bye &&
  ok "openssl s_client with a client certificate: the board server verifies it" || { bad "client certificate"; sed 's/^/     | /' "$tmp/cc.out"; }
wait "${pids[-1]}" 2>/dev/null
start_board_server v12 hello
out=$(s_client "$port" -tls1_2 -servername localhost -brief < /dev/null 2>&1)
echo "$out" | grep -q '^Protocol version: TLSv1.2' && wait_line "$tmp/v12.out" "^secure TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 sni=localhost" &&
  ok "openssl s_client -tls1_2 -> board server: TLS 1.2" || { bad "s_client -tls1_2 -> board"; sed 's/^/     | /' "$tmp/v12.out"; }
wait "${pids[-1]}" 2>/dev/null
# A TLS 1.3-only client and a board server with maxVersion 'TLSv1.2': node's server code.
start_board_server v13 hello12
s_client "$port" -tls1_3 < /dev/null > /dev/null 2>&1
wait_line "$tmp/v13.out" '^tlsClientError ERR_SSL_UNSUPPORTED_PROTOCOL' &&
  ok "TLS 1.3-only s_client -> board server with maxVersion TLSv1.2: tlsClientError ERR_SSL_UNSUPPORTED_PROTOCOL" ||
  { bad "TLS 1.3-only client -> board"; sed 's/^/     | /' "$tmp/v13.out"; }
wait "${pids[-1]}" 2>/dev/null
# node's tls client -> board server, TLS 1.3 (node's default) and 1.2 (its maxVersion): 64 KB echoed.
for v in TLSv1.3 TLSv1.2; do
  start_board_server "node-$v" echo
  res=$(timeout 120 node -e '
    var tls = require("tls"), fs = require("fs"), data = Buffer.alloc(65536, 0x61), n = 0;
    var c = tls.connect({ host: "127.0.0.1", port: +process.argv[1], servername: "localhost",
      ca: fs.readFileSync(process.argv[2]), maxVersion: process.argv[3] }, function () { c.end(data); });
    c.on("data", function (d) { n += d.length; });
    c.on("end", function () { console.log(c.getProtocol() + " " + n); });
    c.on("error", function (e) { console.log("error " + e.code); });
  ' "$port" "$c/ca.crt" $v 2>&1)
  [ "$res" = "$v 65536" ] && wait_line "$tmp/node-$v.out" "^secure $v" &&
    ok "node tls client ($v) -> board server: 64 KB echoed" || { bad "node client $v -> board: '$res'"; sed 's/^/     | /' "$tmp/node-$v.out"; }
  wait "${pids[-1]}" 2>/dev/null
done
# A peer's TLS 1.3 KeyUpdate, both ways (key_update.sh).
. "$here/key_update.sh"
c_certs=$c
ku_client() { timeout 300 "$top/tools/board_run.sh" "$board" "$d/keyupdate_client.js" /certs 10.0.2.2 "$1"; }
cp "$here/keyupdate_client.js" "$d/"
key_update_client_check ku_client
key_update_server_check start_board_server 127.0.0.1
wait "${pids[-1]}" 2>/dev/null
node -e 'var b=Buffer.alloc(65536);for(var i=0;i<b.length;i++)b[i]=(i*7+3)&255;var n=+process.argv[1],o=[];for(var s=0;s<n;s+=b.length)o.push(b.slice(0,Math.min(b.length,n-s)));require("fs").writeFileSync(process.argv[2],Buffer.concat(o))' $mb10 "$tmp/pattern"
want=$(sha256sum < "$tmp/pattern" | cut -d' ' -f1)
start_board_server source source $mb10
t0=$(date +%s%N)
got=$(s_client "$port" -quiet < /dev/null 2>/dev/null | sha256sum | cut -d' ' -f1)
t1=$(date +%s%N)
[ "$got" = "$want" ] && ok "board server sends 10 MB to openssl s_client on the host, sha256 verified ($(( (t1 - t0) / 1000000 )) ms)" || bad "10 MB to s_client: $got"
wait "${pids[-1]}" 2>/dev/null
start_board_server sink sink $mb10
t0=$(date +%s%N)
s_client "$port" -quiet < "$tmp/pattern" > /dev/null 2>&1
t1=$(date +%s%N)
wait_line "$tmp/sink.out" "^received $mb10 mismatches 0" &&
  ok "openssl s_client on the host sends 10 MB to the board server, verified ($(( (t1 - t0) / 1000000 )) ms)" ||
  { bad "10 MB from s_client to the board"; sed 's/^/     | /' "$tmp/sink.out" | tail -5; }
wait "${pids[-1]}" 2>/dev/null
finish
