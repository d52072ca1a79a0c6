#!/usr/bin/env bash
# tools/bench/tls_board.sh [BOARD]: `make bench BOARD=mps2-an385-tls`, the TLS build's
# figures under QEMU: flash and static RAM (arm-none-eabi-size), the record sizes the
# build has (mbedtls_config.h with the board's flags), and for one client session to a
# node tls server on the host (tests/tls/ram.js and ram_server.js: handshake, 64 KB each
# way, the server's in one write, so full records) in TLS 1.3 and 1.2, with an RSA 2048
# and an ECDSA P-256 server key: the full handshake's time on the board's clock, mbedTLS's
# memory once secure and after the transfer (process.memoryUsage().external), and the
# RAM high-water mark of the whole program (rss: static data + heap extent + stack peak)
# beside the same program's before it connects. Reports, never asserts. Also written to
# build/bench/BOARD-tls.txt.
set -u
board=${1:-mps2-an385-tls}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
[ -x "build/$board/petrel" ] || { echo "bench: build/$board/petrel is missing" >&2; exit 1; }
tmp=$(mktemp -d); pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT
tests/tls/gen_certs.sh "$tmp/certs" > /dev/null 2>&1 || { echo "bench: gen_certs.sh failed" >&2; exit 1; }
mkdir -p "$tmp/client/certs" build/bench
cp tests/tls/ram.js "$tmp/client/"
node -e '
  var all = require(process.argv[1]);
  require("fs").writeFileSync(process.argv[2], "module.exports = " + JSON.stringify({ "ca.crt": all["ca.crt"] }) + ";\n");
' "$tmp/certs/certs.js" "$tmp/client/certs/certs.js"
next_port=$((20000 + $$ % 20000)) peer_addr=127.0.0.1
in_peer() { "$@"; }
. tests/tls/start_server.sh

small=; grep -q 'PETREL_TLS_SMALL' "boards/$board/board.mk" && small=-DPETREL_TLS_SMALL
sizes=$(printf '#include "tls/mbedtls_config.h"\nIN MBEDTLS_SSL_IN_CONTENT_LEN OUT MBEDTLS_SSL_OUT_CONTENT_LEN MFL PETREL_TLS_CLIENT_MFL\n' |
  cc -E -P $small -I modules -I build/third_party/mbedtls-3.6.6/include - 2>/dev/null | tail -1)
{
  echo "TLS on $board (QEMU; one client session to node on the host)"
  arm-none-eabi-size "build/$board/petrel" | awk 'NR == 2 { printf "flash (text+data)      %d B\nstatic RAM (data+bss)  %d B\n", $1 + $2, $2 + $3 }'
  echo "record buffers         $sizes  (MFL: the records a client capped at TLS 1.2 asks for; in TLS 1.3 16 KB come in: docs/tls.md)"
  printf '%-26s %12s %14s %14s %14s %14s\n' "session" "handshake" "mbedTLS secure" "mbedTLS bulk" "rss before" "rss high-water"
  for key in rsa ec; do
    for v in TLSv1.3 TLSv1.2; do
      start_on_next_port ramsrv '^ready' 400 node tests/tls/ram_server.js "$tmp/certs" @PORT@ 65536 $key
      out=$(timeout 300 tools/board_run.sh "$board" "$tmp/client/ram.js" /certs 10.0.2.2 "$port" 65536 $v 2>&1)
      if echo "$out" | grep -qx 'received 65536'; then
        hs=$(echo "$out" | sed -n 's/^handshake ms //p' | head -1)
        sec=$(echo "$out" | sed -n 's/^secure rss .* native \([0-9]*\).*/\1/p' | head -1)
        bulk=$(echo "$out" | sed -n 's/^echoed rss .* native \([0-9]*\).*/\1/p' | head -1)
        before=$(echo "$out" | sed -n 's/^require rss \([0-9]*\).*/\1/p' | head -1)
        high=$(echo "$out" | sed -n 's/^closed rss \([0-9]*\).*/\1/p' | head -1)
        printf '%-26s %9s ms %12s B %12s B %12s B %12s B\n' "$v, $([ $key = rsa ] && echo 'RSA 2048' || echo 'ECDSA P-256')" \
          "$hs" "$sec" "$bulk" "$before" "$high"
      else
        printf '%-26s failed: %s\n' "$v, $key" "$(echo "$out" | tail -2 | tr '\n' ' ')"
      fi
      kill "${pids[-1]}" 2>/dev/null
    done
  done
} | tee "build/bench/$board-tls.txt"
