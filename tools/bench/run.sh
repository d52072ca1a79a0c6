#!/usr/bin/env bash
# make bench: the same ES5 server script on petrel (BOARD's build) and on node,
# driven by tools/bench/loadgen.c over loopback. Prints each figure side by side
# with the ratio petrel/node and the issue's target, and saves the table to
# build/bench/results.txt. A benchmark reports; it never fails on a target.
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
out="$top/build/bench"; mkdir -p "$out" "$top/build/host"
gen="$top/build/host/loadgen"
cc -O2 -Wall -o "$gen" "$top/tools/bench/loadgen.c" || exit 1
MB=${BENCH_MB:-256}; PP_SECONDS=${BENCH_PP_SECONDS:-5}; CHURN=${BENCH_CHURN:-5000}; IDLE=${BENCH_IDLE:-1000}
tmp=$(mktemp -d); srv=0
trap '[ "$srv" -gt 0 ] && kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT

runtime_cmd() { if [ "$1" = petrel ]; then echo "$top/tools/board_run.sh $board"; else echo node; fi; }

start_server() { # start_server RUNTIME MODE [BYTES] -> sets $srv (pid) and $port
  rm -f "$tmp/srv.out"
  $(runtime_cmd "$1") "$top/tools/bench/server.js" "$2" "${3:-0}" >"$tmp/srv.out" 2>&1 &
  srv=$!
  for _ in $(seq 200); do grep -q '^port ' "$tmp/srv.out" && break; sleep 0.05; done
  port=$(sed -n 's/^port //p' "$tmp/srv.out")
}
stop_server() { [ "$srv" -gt 0 ] && { kill $srv 2>/dev/null; wait $srv 2>/dev/null; }; srv=0; }
rss_kb() { awk '/VmRSS/ { print $2 }' /proc/$1/status 2>/dev/null || echo 0; }

declare -A R
measure() { # measure RUNTIME
  local rt=$1
  start_server "$rt" sink; R[$rt,upload]=$("$gen" upload "$port" $((MB << 20)) | cut -d' ' -f1); stop_server
  start_server "$rt" source $((MB << 20)); R[$rt,download]=$("$gen" download "$port" $((MB << 20)) | cut -d' ' -f1); stop_server
  start_server "$rt" echo; R[$rt,pp1]=$("$gen" pingpong "$port" 1 "$PP_SECONDS" | cut -d' ' -f1); stop_server
  start_server "$rt" echo; R[$rt,pp50]=$("$gen" pingpong "$port" 50 "$PP_SECONDS" | cut -d' ' -f1); stop_server
  start_server "$rt" churn; R[$rt,churn]=$("$gen" churn "$port" "$CHURN" 50 | cut -d' ' -f1); stop_server
  start_server "$rt" idle; sleep 0.3
  R[$rt,rss_idle]=$(rss_kb $srv)
  mkfifo "$tmp/hold"
  "$gen" idle "$port" "$IDLE" <"$tmp/hold" >"$tmp/idle.out" &
  local genpid=$!
  exec 9>"$tmp/hold"
  for _ in $(seq 200); do grep -q ready "$tmp/idle.out" && break; sleep 0.05; done
  R[$rt,rss_conns]=$(rss_kb $srv)
  exec 9>&-; wait $genpid; rm -f "$tmp/hold"; stop_server
  R[$rt,per_conn]=$(( (R[$rt,rss_conns] - R[$rt,rss_idle]) * 1024 / IDLE ))
  local times=()
  for _ in $(seq 20); do
    local t0=$(date +%s%N); $(runtime_cmd "$rt") -e 0 >/dev/null 2>&1; times+=($(( ($(date +%s%N) - t0) / 1000 )))
  done
  R[$rt,startup]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 10p)
}

echo "bench: board $board, node $(node --version), $(nproc) cores; ${MB} MiB bulk, ${PP_SECONDS} s ping-pong, $CHURN churn, $IDLE idle"
measure petrel
measure node

row() { # row LABEL KEY UNIT TARGET_TEXT
  local p=${R[petrel,$2]} n=${R[node,$2]}
  local ratio=$(awk -v p="$p" -v n="$n" 'BEGIN { if (n > 0) printf "%.2f", p / n; else print "-" }')
  printf '%-34s %12s %12s %8s   %s\n' "$1 ($3)" "$p" "$n" "$ratio" "$4"
}
{
  printf '%-34s %12s %12s %8s   %s\n' "metric" "petrel" "node" "ratio" "target (ratio = petrel/node)"
  row "bulk upload, 64 KiB writes" upload "MB/s" ">= 1"
  row "bulk download, 64 KiB writes" download "MB/s" ">= 1"
  row "ping-pong 64 B, 1 connection" pp1 "rt/s" ">= 1.5"
  row "ping-pong 64 B, 50 connections" pp50 "rt/s" ">= 1.5"
  row "churn: accept, 1 B each way, close" churn "conn/s" ">= 1"
  row "RSS idle, listening" rss_idle "KiB" "<= 0.05"
  row "RSS with $IDLE idle connections" rss_conns "KiB" "-"
  row "bytes per idle connection" per_conn "B" "petrel <= 1024"
  row "start-up, -e 0, median of 20" startup "us" "-"
} | tee "$out/results.txt"
[ "$board" = linux ] || echo "note: petrel runs through tools/board_run.sh $board (RSS is the emulator's process where emulated)" | tee -a "$out/results.txt"
