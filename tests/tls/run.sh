#!/usr/bin/env bash
# tests/tls/run.sh BOARD: Petrel's tls module against real peers. Fresh throw-away
# certificates (gen_certs.sh) in a temp dir, then:
#   1. self.js (servers and clients in one Petrel process) must print exactly what
#      node v20 prints for the same script: one check per line; garbage.js feeds
#      mutated handshakes both ways and wants a coded error for each; stress.js runs
#      60 connections at once that end in different ways.
#   2. openssl s_server / s_client and node's tls module as the peer, both
#      directions: handshakes, verification errors, ALPN, SNI, client certificates,
#      version mismatch, 10 MB each way verified.
# Where the peers are comes from the board's PEER_NET (board.mk, build/BOARD/board.env):
# host (linux, linux-asan, rpi): peers on 127.0.0.1; tap (linux-lwip): Petrel's lwIP
# runs in a network namespace on a TAP device (10.77.0.2), the peers on the Linux side
# (10.77.0.1), as tests/tap/run.sh does. Each Petrel run may take the board's
# TEST_TIMEOUT_LONG. Ends with "N passed, N failed".
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/tls"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   [$board] tls: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL [$board] tls: $1"; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }
[ -x "$top/build/$board/petrel" ] || { bad "no build/$board/petrel"; finish; }
PEER_NET=host TEST_TIMEOUT_LONG=120; . "$top/build/$board/board.env" 2>/dev/null
limit=${PETREL_TEST_TIMEOUT:-$TEST_TIMEOUT_LONG}
command -v openssl >/dev/null || { bad "openssl is not installed"; finish; }
command -v node >/dev/null || { bad "node is not installed"; finish; }

tmp=$(mktemp -d); pids=(); ns=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  if [ -n "$ns" ]; then
    ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null
    wait 2>/dev/null
    ip netns del "$ns" 2>/dev/null
  fi
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
certs="$tmp/certs"
"$here/gen_certs.sh" "$certs" || { bad "gen_certs.sh failed"; finish; }
petrel() { timeout "$limit" "$top/tools/board_run.sh" "$board" "$@"; }

# ---- 1. the in-process cases, compared with node ------------------------------------
node "$here/self.js" "$certs" > "$tmp/self.node" 2>&1
petrel "$here/self.js" "$certs" > "$tmp/self.petrel" 2>&1
if ! grep -qx done "$tmp/self.node"; then
  bad "node did not finish self.js"; sed 's/^/     | /' "$tmp/self.node" | tail -5
else
  while IFS= read -r line; do
    [ "$line" = done ] && continue
    if grep -qxF -- "$line" "$tmp/self.petrel"; then ok "as node: $line"; else bad "node printed: $line"; fi
  done < "$tmp/self.node"
  grep -qx done "$tmp/self.petrel" && ok "self.js ran to the end" || { bad "self.js did not finish"; tail -15 "$tmp/self.petrel" | sed 's/^/     | /'; }
fi

# Mutated handshakes both ways (garbage.js): every one must end in a coded error. Once
# in TLS 1.3 (the default) and once with every side at maxVersion 'TLSv1.2'.
for v in TLSv1.3 TLSv1.2; do
  petrel "$here/garbage.js" "$certs" 60 $([ $v = TLSv1.2 ] && echo TLSv1.2) > "$tmp/garbage.petrel" 2>&1
  grep -qx 'server: 60 coded of 60' "$tmp/garbage.petrel" && ok "$v: 60 mutated ClientHellos: each a coded tlsClientError" ||
    { bad "$v: mutated ClientHellos"; tail -5 "$tmp/garbage.petrel" | sed 's/^/     | /'; }
  grep -qx 'client: 60 coded of 60' "$tmp/garbage.petrel" && ok "$v: 60 mutated server flights: each a coded client error ($(sed -n 's/^codes: //p' "$tmp/garbage.petrel"))" ||
    { bad "$v: mutated server flights"; tail -5 "$tmp/garbage.petrel" | sed 's/^/     | /'; }
  grep -q '^sessions: 60 handled of 60' "$tmp/garbage.petrel" && ok "$v: 60 mutated saved sessions offered: each connection secure or a coded error" ||
    { bad "$v: mutated sessions"; tail -5 "$tmp/garbage.petrel" | sed 's/^/     | /'; }
done

petrel "$here/stress.js" "$certs" 60 > "$tmp/stress.petrel" 2>&1
if grep -qx 'stress: 60 ok' "$tmp/stress.petrel"; then
  ok "60 concurrent connections ending four ways (clean, destroyed mid-transfer, before the handshake, paused reader): all closed, echoes intact, the process exits"
else
  bad "stress"; tail -5 "$tmp/stress.petrel" | sed 's/^/     | /'
fi

# ---- 2. real peers ---------------------------------------------------------------------
# Where things run: LOCAL (peer side) and PETREL addresses; in_peer runs a peer
# program, start_petrel/run_petrel run Petrel on the right network.
in_peer() { "$@"; }
peer_addr=127.0.0.1 petrel_addr=127.0.0.1 petrel_listen=127.0.0.1
petrel_env=()
case "$PEER_NET" in
  host|tap) ;;
  *) bad "no peer tests on a board whose sockets are reached through $PEER_NET (board.mk's PEER_NET)"; finish ;;
esac
if [ "$PEER_NET" = tap ]; then
  ns=petrel-tls-$$; dev=ptls0
  if ! ( exec 3<>/dev/net/tun ) 2>/dev/null || ! ip netns add "$ns" 2>/dev/null; then
    ns=; bad "$board needs a TAP device in a network namespace (root, /dev/net/tun) for the peer tests"
    finish
  fi
  in_peer() { ip netns exec "$ns" "$@"; }
  in_peer ip link set lo up
  in_peer ip tuntap add dev "$dev" mode tap
  in_peer ip addr add 10.77.0.1/24 dev "$dev"
  in_peer ip link set "$dev" up
  peer_addr=10.77.0.1 petrel_addr=10.77.0.2 petrel_listen=0.0.0.0
  petrel_env=(env PETREL_TAP="$dev" PETREL_IP=10.77.0.2/24 PETREL_GW=10.77.0.1)
fi
run_petrel() { in_peer "${petrel_env[@]}" timeout "$limit" "$top/tools/board_run.sh" "$board" "$@"; }
start_petrel() { # start_petrel NAME server.js-args...: sets $port to the port Petrel's server listens on
  # (not called in $(...), so that its pid reaches pids and is killed at exit)
  local name=$1; shift
  run_petrel "$here/server.js" "$certs" "$@" > "$tmp/$name.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do grep -q '^port ' "$tmp/$name.out" 2>/dev/null && break; sleep 0.05; done
  port=$(sed -n 's/^port //p' "$tmp/$name.out")
}
next_port=$((20000 + $$ % 20000))
. "$here/start_server.sh"  # wait_line, start_on_next_port, s_server
fp=$(openssl x509 -in "$certs/server.crt" -noout -fingerprint -sha256 | sed 's/.*=//')
fp_ec=$(openssl x509 -in "$certs/server-ec.crt" -noout -fingerprint -sha256 | sed 's/.*=//')

# -- Petrel client, openssl server (-rev: answers each line reversed)
s_server rsa -cert "$certs/server.crt" -key "$certs/server.key" -alpn http/1.1 -tls1_2
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost info)
want="secure authorized=true TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 alpn=http/1.1 CN=localhost fp=$fp reply=lertep olleh"
[ "$res" = "$want" ] && ok "client -> openssl s_server (RSA): verified, ALPN, certificate fingerprint, data both ways" || bad "client -> s_server RSA: '$res'"

s_server ec -cert "$certs/server-ec.crt" -key "$certs/server-ec.key" -tls1_2
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost info)
want="secure authorized=true TLSv1.2 ECDHE-ECDSA-AES128-GCM-SHA256 alpn=false CN=localhost fp=$fp_ec reply=lertep olleh"
[ "$res" = "$want" ] && ok "client -> openssl s_server -tls1_2 (ECDSA P-256)" || bad "client -> s_server EC: '$res'"

# TLS 1.3 (what node negotiates with s_server by default): RSA (RSA-PSS signatures) and ECDSA.
s_server rsa13 -cert "$certs/server.crt" -key "$certs/server.key" -alpn http/1.1 -tls1_3
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost info)
want="secure authorized=true TLSv1.3 TLS_AES_256_GCM_SHA384 alpn=http/1.1 CN=localhost fp=$fp reply=lertep olleh"
[ "$res" = "$want" ] && ok "client -> openssl s_server -tls1_3 (RSA): verified, ALPN, certificate fingerprint, data both ways" || bad "client -> s_server -tls1_3 RSA: '$res'"
s_server ec13 -cert "$certs/server-ec.crt" -key "$certs/server-ec.key"
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost info)
want="secure authorized=true TLSv1.3 TLS_AES_256_GCM_SHA384 alpn=false CN=localhost fp=$fp_ec reply=lertep olleh"
[ "$res" = "$want" ] && ok "client -> openssl s_server (ECDSA P-256, its defaults: TLS 1.3)" || bad "client -> s_server EC 1.3: '$res'"
s_server chacha13 -cert "$certs/server-ec.crt" -key "$certs/server-ec.key" -ciphersuites TLS_CHACHA20_POLY1305_SHA256
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost info)
case "$res" in "secure authorized=true TLSv1.3 TLS_CHACHA20_POLY1305_SHA256 "*"reply=lertep olleh") ok "client -> s_server with TLS 1.3's ChaCha20-Poly1305 only" ;; *) bad "chacha13: '$res'" ;; esac

s_server chain -cert "$certs/leaf.crt" -cert_chain "$certs/int.crt" -key "$certs/leaf.key"
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost info)
case "$res" in "secure authorized=true "*"reply=lertep olleh") ok "client -> s_server sending leaf + intermediate" ;; *) bad "chain: '$res'" ;; esac

check_error() { # check_error NAME WANT s_server-args... (MAXV: the client's maxVersion)
  local name=$1 want=$2; shift 2
  local port; s_server "$name" "$@"
  local res; res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost error 0 ca.crt ${MAXV:-})
  [ "$res" = "error $want" ] && ok "client -> s_server with $name certificate: $want" || bad "$name: '$res' (want error $want)"
}
check_error expired CERT_HAS_EXPIRED -cert "$certs/expired.crt" -key "$certs/expired.key"
check_error wronghost ERR_TLS_CERT_ALTNAME_INVALID -cert "$certs/wronghost.crt" -key "$certs/wronghost.key"
check_error selfsigned DEPTH_ZERO_SELF_SIGNED_CERT -cert "$certs/selfsigned.crt" -key "$certs/selfsigned.key"
# Version mismatch with node's code: a maxVersion 'TLSv1.2' client, a TLS 1.3-only server.
MAXV=TLSv1.2 check_error tls13only ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION -cert "$certs/server.crt" -key "$certs/server.key" -tls1_3
# A TLS 1.2 server that signs its key exchange with RSA-PSS (here the only algorithm it
# takes; node's TLS 1.2 server picks it by its own preference): mbedTLS 3.6 verifies
# RSA-PSS only in TLS 1.3 unedited (docs/tls.md, "TLS 1.2 and RSA-PSS").
s_server pss12 -cert "$certs/server.crt" -key "$certs/server.key" -tls1_2 -sigalgs rsa_pss_rsae_sha256 -alpn http/1.1
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost info)
want="secure authorized=true TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 alpn=http/1.1 CN=localhost fp=$fp reply=lertep olleh"
[ "$res" = "$want" ] && ok "client -> s_server -tls1_2 signing with RSA-PSS only (tools/mbedtls_patch.py): verified, data both ways" || bad "pss12: '$res'"
# node's tls server with maxVersion 'TLSv1.2' signs with RSA-PSS (OpenSSL's own preference).
node_echo_server node12 "$certs" TLSv1.2
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost info)
want="secure authorized=true TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 alpn=false CN=localhost fp=$fp reply=hello petrel"
[ "$res" = "$want" ] && ok "client -> node tls server with maxVersion TLSv1.2 (RSA-PSS): verified, data both ways" || bad "client -> node 1.2 server: '$res'"
# The same with one bit of that RSA-PSS signature flipped on the way (flip_proxy.js): refused.
s_server pss12bad -cert "$certs/server.crt" -key "$certs/server.key" -tls1_2 -sigalgs rsa_pss_rsae_sha256
in_peer node "$here/flip_proxy.js" "$peer_addr" "$port" > "$tmp/flip.out" 2>&1 &
pids+=($!)
wait_line "$tmp/flip.out" '^port '
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$(sed -n 's/^port //p' "$tmp/flip.out")" localhost error)
[ "$res" = "error ERR_SSL_BAD_SIGNATURE" ] && grep -qx flipped "$tmp/flip.out" &&
  ok "client -> s_server -tls1_2 whose RSA-PSS ServerKeyExchange signature was altered on the way: ERR_SSL_BAD_SIGNATURE" ||
  bad "pss12 altered: '$res' ($(tr '\n' ' ' < "$tmp/flip.out"))"
s_server untrusted -cert "$certs/server.crt" -key "$certs/server.key"
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost error 0 other-ca.crt)
[ "$res" = "error UNABLE_TO_VERIFY_LEAF_SIGNATURE" ] && ok "client trusting another CA: UNABLE_TO_VERIFY_LEAF_SIGNATURE" || bad "untrusted: '$res'"

# -- openssl client, Petrel server
s_client() { in_peer timeout 60 openssl s_client -connect "$petrel_addr:$1" -CAfile "$certs/ca.crt" -verify_return_error "${@:2}"; }
start_petrel hello hello "$petrel_listen"
out=$(s_client "$port" -servername localhost -verify_hostname localhost -alpn petrel/1 -brief -ign_eof < /dev/null 2>&1)
if echo "$out" | grep -q '^Verification: OK' && echo "$out" | grep -q '^Protocol version: TLSv1.3' &&
   echo "$out" | grep -q 'hello from petrel' && wait_line "$tmp/hello.out" "^secure TLSv1.3 TLS_AES_256_GCM_SHA384 sni=localhost alpn=petrel/1"; then
  ok "openssl s_client -> server: TLS 1.3, verified with host name, SNI and ALPN seen by the server, data"
else
  bad "s_client -> hello server"; echo "$out" | sed 's/^/     | /' | head; sed 's/^/     | /' "$tmp/hello.out"
fi

start_petrel cc clientcert "$petrel_listen"
out=$(s_client "$port" -cert "$certs/client.crt" -key "$certs/client.key" -quiet < /dev/null 2>&1)
wait_line "$tmp/cc.out" '^client authorized=true CN=petrel-client' && echo "$out" | grep -q bye &&
  ok "openssl s_client with a client certificate: the server verifies it" || { bad "client certificate"; sed 's/^/     | /' "$tmp/cc.out"; }

# Session resumption with tickets, both ways: s_client -reconnect (the first
# connection and 5 more offering its session) to a Petrel server, and a Petrel
# client offering its saved session to s_server.
start_petrel resume resume "$petrel_listen" 6
out=$(s_client "$port" -reconnect -tls1_2 < /dev/null 2>&1)
for _ in $(seq 100); do [ "$(grep -c '^reused ' "$tmp/resume.out")" -ge 6 ] && break; sleep 0.05; done
if [ "$(echo "$out" | grep -c '^Reused, TLSv1.2')" = 5 ] && [ "$(grep '^reused ' "$tmp/resume.out" | tr '\n' ' ')" = \
     "reused false reused true reused true reused true reused true reused true " ]; then
  ok "openssl s_client -reconnect -> server: 5 of 6 connections resume the first one's session (ticket)"
else
  bad "s_client -reconnect: $(echo "$out" | grep -c '^Reused') reused; server: $(tr '\n' ' ' < "$tmp/resume.out")"
fi
s_server resume -cert "$certs/server.crt" -key "$certs/server.key" -tls1_2 -naccept 2
res=$(run_petrel "$here/resume_client.js" "$certs" "$peer_addr" "$port" localhost)
[ "$res" = "first reused=false second reused=true" ] && ok "client -> openssl s_server: the saved session (ticket) is resumed" ||
  bad "client resumption with s_server: '$res'"
# TLS 1.3: the session comes with the server's NewSessionTicket ('session' event) and is
# resumed with it (PSK with ECDHE), both ways; node as the client (s_client -reconnect
# does not wait for 1.3 tickets, with node's server neither).
s_server resume13 -cert "$certs/server.crt" -key "$certs/server.key" -tls1_3 -naccept 2
res=$(run_petrel "$here/resume_client.js" "$certs" "$peer_addr" "$port" localhost)
[ "$res" = "first reused=false second reused=true" ] && ok "client -> openssl s_server -tls1_3: the session of its ticket is resumed" ||
  bad "client resumption with s_server -tls1_3: '$res'"
start_petrel resume13 resume "$petrel_listen" 2
res=$(in_peer timeout 60 node "$here/resume_client.js" "$certs" "$petrel_addr" "$port" localhost 2>&1)
[ "$res" = "first reused=false second reused=true" ] && wait_line "$tmp/resume13.out" '^reused true' &&
  ok "node client -> server, TLS 1.3: the session of the server's ticket is resumed" || bad "node client resumption, TLS 1.3: '$res'"

# The same without tickets: the server's sessions kept by 'newSession'/'resumeSession',
# a Petrel client resuming by session ID with s_server's own cache.
start_petrel cache sessioncache "$petrel_listen" 6
out=$(s_client "$port" -reconnect -tls1_2 -no_ticket < /dev/null 2>&1)
for _ in $(seq 100); do [ "$(grep -c '^reused ' "$tmp/cache.out")" -ge 6 ] && break; sleep 0.05; done
cache_seen=$(grep -E '^(reused|newSession|resumeSession)' "$tmp/cache.out" | tr '\n' ' ')
if [ "$(echo "$out" | grep -c '^Reused, TLSv1.2')" = 5 ] && [ "$cache_seen" = "newSession reused false $(printf 'resumeSession known true reused true %.0s' 1 2 3 4 5)" ]; then
  ok "openssl s_client -reconnect -no_ticket -> server: 5 of 6 resume through 'newSession'/'resumeSession'"
else
  bad "s_client -reconnect -no_ticket: $(echo "$out" | grep -c '^Reused') reused; server: $cache_seen"
  echo "$out" | grep -E '^(Reused|New|CONNECTED|[0-9]+:error|connect)' | head | sed 's/^/     | /'; sed 's/^/     | /' "$tmp/cache.out" | head
fi
s_server cache -cert "$certs/server.crt" -key "$certs/server.key" -tls1_2 -no_ticket -naccept 2
res=$(run_petrel "$here/resume_client.js" "$certs" "$peer_addr" "$port" localhost)
[ "$res" = "first reused=false second reused=true" ] && ok "client -> openssl s_server -no_ticket: the saved session is resumed by its ID" ||
  bad "client resumption by session ID with s_server: '$res'"

start_petrel v12 hello "$petrel_listen"
out=$(s_client "$port" -tls1_2 -servername localhost -brief < /dev/null 2>&1)
echo "$out" | grep -q '^Protocol version: TLSv1.2' && wait_line "$tmp/v12.out" "^secure TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 sni=localhost" &&
  ok "openssl s_client -tls1_2 -> server: TLS 1.2" || { bad "s_client -tls1_2"; sed 's/^/     | /' "$tmp/v12.out"; }

# A TLS 1.3-only client and a server with maxVersion 'TLSv1.2': node's server says
# ERR_SSL_UNSUPPORTED_PROTOCOL.
start_petrel v13 hello12 "$petrel_listen"
s_client "$port" -tls1_3 < /dev/null > /dev/null 2>&1
wait_line "$tmp/v13.out" '^tlsClientError ERR_SSL_UNSUPPORTED_PROTOCOL' && ok "TLS 1.3-only s_client -> maxVersion TLSv1.2 server: tlsClientError ERR_SSL_UNSUPPORTED_PROTOCOL" ||
  { bad "TLS 1.3-only client"; sed 's/^/     | /' "$tmp/v13.out"; }

# TLS 1.3 KeyUpdate from the peer, both ways (key_update.sh).
. "$here/key_update.sh"
c_certs=$certs
ku_client() { run_petrel "$here/keyupdate_client.js" "$certs" "$peer_addr" "$1"; }
ku_start() { start_petrel "$1" "$2" "$petrel_listen"; }
key_update_client_check ku_client
key_update_server_check ku_start "$petrel_addr"

start_petrel garbage hello "$petrel_listen"
printf 'GET / HTTP/1.1\r\nHost: x\r\n\r\n' | in_peer timeout 10 nc -q 2 "$petrel_addr" "$port" > /dev/null 2>&1
wait_line "$tmp/garbage.out" '^tlsClientError ERR_SSL_HTTP_REQUEST' && ok "plain HTTP to the TLS server: tlsClientError ERR_SSL_HTTP_REQUEST" ||
  { bad "HTTP to TLS server"; sed 's/^/     | /' "$tmp/garbage.out"; }

# -- 10 MB each way
mb10=10485760
node -e 'var b=Buffer.alloc(65536);for(var i=0;i<b.length;i++)b[i]=(i*7+3)&255;var n=+process.argv[1],o=[];for(var s=0;s<n;s+=b.length)o.push(b.slice(0,Math.min(b.length,n-s)));require("fs").writeFileSync(process.argv[2],Buffer.concat(o))' $mb10 "$tmp/pattern"
want=$(sha256sum < "$tmp/pattern" | cut -d' ' -f1)
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rate() { awk -v b="$1" -v ms="$2" 'BEGIN { if (ms < 1) ms = 1; printf "%.1f", b / 1048576 * 1000 / ms }'; }

start_petrel source source "$petrel_listen" $mb10
t0=$(now_ms)
got=$(s_client "$port" -quiet < /dev/null 2>/dev/null | sha256sum | cut -d' ' -f1)
t1=$(now_ms)
[ "$got" = "$want" ] && ok "server sends 10 MB to openssl s_client, sha256 verified ($(rate $mb10 $((t1 - t0))) MB/s)" || bad "10 MB to s_client: $got"

start_petrel sink sink "$petrel_listen" $mb10
t0=$(now_ms)
s_client "$port" -quiet < "$tmp/pattern" > /dev/null 2>&1
t1=$(now_ms)
wait_line "$tmp/sink.out" "^received $mb10 mismatches 0" && ok "openssl s_client sends 10 MB to the server, verified ($(rate $mb10 $((t1 - t0))) MB/s)" ||
  { bad "10 MB from s_client"; sed 's/^/     | /' "$tmp/sink.out"; }

start_petrel echo echo "$petrel_listen" 
t0=$(now_ms)
res=$(in_peer timeout 60 node -e '
  var tls = require("tls"), fs = require("fs"), crypto = require("crypto");
  var data = fs.readFileSync(process.argv[3]), h = crypto.createHash("sha256"), n = 0;
  var c = tls.connect({ host: process.argv[1], port: +process.argv[2], servername: "localhost",
    ca: fs.readFileSync(process.argv[4]) }, function () { c.end(data); });
  c.on("data", function (d) { h.update(d); n += d.length; });
  c.on("end", function () { console.log(n + " " + h.digest("hex")); });
  c.on("error", function (e) { console.log("error " + e.code); });
' "$petrel_addr" "$port" "$tmp/pattern" "$certs/ca.crt")
t1=$(now_ms)
[ "$res" = "$mb10 $want" ] && ok "node tls client echoes 10 MB each way through the server ($(rate $mb10 $((t1 - t0))) MB/s each way)" || bad "node client echo: '$res'"

node_echo_server nodesrv "$certs"
t0=$(now_ms)
res=$(run_petrel "$here/client.js" "$certs" "$peer_addr" "$port" localhost bulk $mb10 2>/dev/null)
t1=$(now_ms)
[ "$res" = "received $mb10 mismatches 0" ] && ok "client exchanges 10 MB each way with a node tls echo server ($(rate $mb10 $((t1 - t0))) MB/s each way)" || bad "client <-> node server: '$res'"

# 'keylog' (NSS key log lines) against node's: a node server logs its lines, the Petrel
# client its own, for one TLS 1.3 and one TLS 1.2 connection; every line Petrel gives
# must be one of node's (node also logs EXPORTER_SECRET, which mbedTLS does not export).
for v in TLSv1.3 TLSv1.2; do
  start_on_next_port keylogsrv '^ready' 400 in_peer node -e '
    var tls = require("tls"), fs = require("fs"), d = process.argv[3];
    var s = tls.createServer({ key: fs.readFileSync(d + "/server.key"), cert: fs.readFileSync(d + "/server.crt") },
      function (c) { c.resume(); c.on("end", function () { c.end(); s.close(); }); c.on("error", function () {}); });
    s.on("keylog", function (line) { process.stdout.write("keylog " + line.toString("latin1")); });
    s.listen(+process.argv[2], process.argv[1], function () { console.log("ready"); });
  ' "$peer_addr" @PORT@ "$certs"
  res=$(run_petrel "$here/keylog_client.js" "$certs" "$peer_addr" "$port" localhost $v)
  mine=$(echo "$res" | grep '^keylog ' | sort); want=$([ $v = TLSv1.3 ] && echo 4 || echo 1)
  if echo "$res" | grep -qx "secure $v" && [ "$(echo "$mine" | grep -c .)" = "$want" ] &&
     wait_line "$tmp/keylogsrv.out" '^keylog .*TRAFFIC_SECRET_0\|^keylog CLIENT_RANDOM' &&
     [ -z "$(comm -23 <(echo "$mine") <(grep '^keylog ' "$tmp/keylogsrv.out" | sort))" ]; then
    ok "$v: the client's 'keylog' lines ($(echo "$mine" | cut -d' ' -f2 | tr '\n' ' ')) are node's server's for the same connection"
  else
    bad "$v keylog: $(echo "$res" | cut -c1-60 | tr '\n' ';') node: $(cut -c1-40 "$tmp/keylogsrv.out" | tr '\n' ';')"
  fi
done

finish
