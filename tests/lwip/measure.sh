#!/usr/bin/env bash
# tests/lwip/measure.sh [BOARD]: the numbers in docs/net.md ("lwIP backend").
# lwIP's high-water marks (heap and pools, from PETREL_LWIP_STATS at exit) of
# the JS suite's net tests and of the 500-connection test on BOARD (default
# linux-lwip), then loopback throughput (tests/lwip/throughput.js, best of 3)
# on BOARD and on linux. Measures only: prints, asserts nothing.
set -u
board=${1:-linux-lwip}
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
peaks() { # peaks STATSFILE: the largest max= of the heap and the busy pools over all lines
  tr ' ' '\n' < "$1" | sed -n 's|^\([A-Za-z0-9_/]*\):used=[0-9]*,max=\([0-9]*\).*|\1 \2|p' |
    awk '{ if ($2 > m[$1]) m[$1] = $2 } END { for (k in m) if (m[k] > 0) printf "%s=%d ", k, m[k]; print "" }'
  sed -n 's|^total used=[0-9]* peak=\([0-9]*\).*|\1|p' "$1" | sort -n | tail -1 | sed 's|^|  sum of peaks (bytes): |'
}
echo "== lwIP high-water marks on $board"
others=$(ls "$top"/tests/js/net/test_*.js | grep -v test_many_connections)
for t in $others; do
  ( cd "$(dirname "$t")" && PETREL_LWIP_STATS="$tmp/net" timeout 120 "$top/tools/board_run.sh" "$board" "$(basename "$t")" >/dev/null 2>&1 )
done
echo "tests/js/net without test_many_connections (max over $(echo "$others" | wc -l) scripts):"; peaks "$tmp/net"
( cd "$top/tests/js/net" && PETREL_LWIP_STATS="$tmp/many" timeout 120 "$top/tools/board_run.sh" "$board" test_many_connections.js >/dev/null 2>&1 )
echo "test_many_connections.js (500 concurrent connections):"; peaks "$tmp/many"
for m in sink echo; do
  PETREL_LWIP_STATS="$tmp/tp_$m" timeout 120 "$top/tools/board_run.sh" "$board" "$top/tests/lwip/throughput.js" 64 "$m" >/dev/null 2>&1
  echo "throughput.js 64 MiB $m:"; peaks "$tmp/tp_$m"
done
echo "== loopback throughput, 256 MiB through one connection (best of 3)"
for b in "$board" linux; do
  [ -x "$top/build/$b/petrel" ] || { echo "$b: not built"; continue; }
  for m in sink echo; do
    best=$(for i in 1 2 3; do timeout 120 "$top/tools/board_run.sh" "$b" "$top/tests/lwip/throughput.js" 256 "$m"; done |
      sed -n 's|.*: \([0-9.]*\) MiB/s.*|\1|p' | sort -n | tail -1)
    echo "$b $m: ${best:-failed} MiB/s"
  done
done
