#!/usr/bin/env bash
# tools/bench/run.sh [BOARD] (make bench): runs the same ES5 server scripts
# (tools/bench/*.js) on petrel (build/BOARD/petrel, through tools/board_run.sh)
# and on node, drives them with tools/bench/loadgen.c over loopback, and prints
# each figure side by side with the ratio petrel/node, which direction is better
# and the issue's target. The table is also written to build/bench/results.txt.
# Targets are reported, never asserted: this script fails only if it cannot run.
#
# Throughput figures are the median of several rounds; in each round petrel
# and node run back to back (order alternating) against servers started once, so
# drift in a shared machine's speed affects both alike.
#
# Knobs (environment): BENCH_MB (bulk size, MiB; 256), BENCH_BULK_ROUNDS (5),
# BENCH_ROUNDS (the other throughput figures; 3), BENCH_PP_SECONDS (ping-pong
# seconds per round; 2), BENCH_CHURN (connections per round; 5000),
# BENCH_CHURN_CONC (50), BENCH_IDLE (1000), BENCH_STARTUP_RUNS (20),
# BENCH_HOST (127.0.0.1 or ::1), BENCH_TLS (1: also run tools/bench/tls.sh),
# BENCH_LATENCY (1: the request/response latency table, tools/bench/latency.js).
set -u
board=${1:-linux}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
MB=${BENCH_MB:-256}
ROUNDS=${BENCH_ROUNDS:-3}
BULK_ROUNDS=${BENCH_BULK_ROUNDS:-5}
PP_SECONDS=${BENCH_PP_SECONDS:-2}
PP_WARMUP=0.5
CHURN=${BENCH_CHURN:-5000}
CHURN_CONC=${BENCH_CHURN_CONC:-50}
IDLE=${BENCH_IDLE:-1000}
STARTUP_RUNS=${BENCH_STARTUP_RUNS:-20}
HOST=${BENCH_HOST:-127.0.0.1}
BYTES=$((MB * 1048576))
RUNTIMES=(petrel node)

out=build/bench
gen=build/host/loadgen
mkdir -p "$out" build/host
${HOSTCC:-cc} -O2 -Wall -Wextra -o "$gen" tools/bench/loadgen.c || { echo "bench: cannot build loadgen" >&2; exit 1; }
[ -x "build/$board/petrel" ] || { echo "bench: build/$board/petrel is missing (make BOARD=$board)" >&2; exit 1; }
command -v node >/dev/null || { echo "bench: node is not installed" >&2; exit 1; }

# Emulated boards start slower; every wait below is bounded by this.
EMULATION=none RUN_PREFIX= RUN_SCRIPT=; . "build/$board/board.env" 2>/dev/null
case "$EMULATION" in none) slow=1 ;; *) slow=10 ;; esac

tmp=$(mktemp -d)
declare -A SRV PORT # per runtime: server pid and port
gpid=0
stop_server() { # RUNTIME
  local pid=${SRV[$1]:-0}
  if [ "$pid" -gt 0 ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  SRV[$1]=0
}
cleanup() {
  [ "$gpid" -gt 0 ] && kill "$gpid" 2>/dev/null
  for rt in "${RUNTIMES[@]}"; do stop_server "$rt"; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server RUNTIME SCRIPT [ARGS...]: starts it on a free port (PORT 0) and
# waits for "listening PORT"; sets SRV[RUNTIME] (the runtime's own pid, since
# board_run.sh execs) and PORT[RUNTIME]. Returns 1 if it does not come up.
start_server() {
  local rt=$1 script=tools/bench/$2 log=$tmp/server.$1.log pid port i
  shift 2
  : >"$log"
  if [ "$rt" = petrel ]; then
    tools/board_run.sh "$board" "$script" 0 "$@" "$HOST" >"$log" 2>&1 &
  else
    node "$script" 0 "$@" "$HOST" >"$log" 2>&1 &
  fi
  pid=$!
  SRV[$rt]=$pid
  for ((i = 0; i < 100 * slow; i++)); do
    port=$(sed -n 's/^listening \([0-9][0-9]*\)$/\1/p' "$log")
    if [ -n "$port" ]; then PORT[$rt]=$port; return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "bench: $rt $script did not start:" >&2
  sed 's/^/  /' "$log" >&2
  stop_server "$rt"
  return 1
}
start_both() { # SCRIPT [ARGS...]: a server per runtime; a runtime whose server fails is skipped
  local rt
  UP=()
  for rt in "${RUNTIMES[@]}"; do start_server "$rt" "$@" && UP+=("$rt"); done
}
stop_both() { local rt; for rt in "${RUNTIMES[@]}"; do stop_server "$rt"; done; }

# field LINE KEY: the value of KEY=... in a loadgen result line.
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }
nfds() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }

declare -A R    # R[runtime,key] = figure ("fail" when it could not be measured)
declare -A VALS # VALS[runtime,key] = one figure per round, newline-separated

# gen_run RUNTIME MODE ARGS...: one loadgen run against RUNTIME's server; the
# result line goes to LAST. Returns 1 (with the reason on stderr) on failure.
gen_run() {
  local rt=$1 mode=$2
  shift 2
  if LAST=$("$gen" "$mode" "$HOST" "${PORT[$rt]}" "$@" 2>"$tmp/gen.err"); then return 0; fi
  echo "bench: $rt $mode: $(cat "$tmp/gen.err")" >&2
  return 1
}

# rounds N KEYS FIELDS WARMUP MODE ARGS...: N rounds, each running every runtime
# whose server is up (order alternating per round); KEYS and FIELDS are parallel
# lists (space-separated) of result keys and loadgen fields. WARMUP, if not
# empty, holds the ARGS of one unrecorded run per runtime first (node's JIT).
# R gets the medians.
rounds() {
  local n=$1 keys=($2) fields=($3) warm=$4 mode=$5 r rt i order
  shift 5
  for rt in "${RUNTIMES[@]}"; do for i in "${!keys[@]}"; do VALS[$rt,${keys[$i]}]=; R[$rt,${keys[$i]}]=fail; done; done
  if [ -n "$warm" ]; then
    for rt in "${UP[@]}"; do gen_run "$rt" "$mode" $warm || VALS[$rt,failed]=${keys[0]}; done
  fi
  for ((r = 0; r < n; r++)); do
    if ((r % 2)); then order=("${RUNTIMES[1]}" "${RUNTIMES[0]}"); else order=("${RUNTIMES[@]}"); fi
    for rt in "${order[@]}"; do
      [[ " ${UP[*]} " == *" $rt "* ]] || continue
      [ "${VALS[$rt,failed]:-}" = "${keys[0]}" ] && continue
      if gen_run "$rt" "$mode" "$@"; then
        for i in "${!keys[@]}"; do VALS[$rt,${keys[$i]}]+="$(field "$LAST" "${fields[$i]}")"$'\n'; done
      else
        VALS[$rt,failed]=${keys[0]} # one failure spoils the figure: no more rounds for it
      fi
    done
  done
  for rt in "${RUNTIMES[@]}"; do
    [ "${VALS[$rt,failed]:-}" = "${keys[0]}" ] && continue
    for i in "${!keys[@]}"; do
      [ -n "${VALS[$rt,${keys[$i]}]}" ] && R[$rt,${keys[$i]}]=$(printf '%s' "${VALS[$rt,${keys[$i]}]}" | median)
    done
  done
}

bench_idle() { # RUNTIME: RSS listening, then holding IDLE connections
  local rt=$1 i base pid
  R[$rt,rss_idle]=fail; R[$rt,rss_conns]=fail; R[$rt,per_conn]=fail
  start_server "$rt" idle.js || return
  pid=${SRV[$rt]}
  sleep 0.5 # let start-up settle before the baseline
  R[$rt,rss_idle]=$(rss_kb "$pid")
  base=$(nfds "$pid")
  : >"$tmp/idle.out"
  "$gen" idle "$HOST" "${PORT[$rt]}" "$IDLE" </dev/null >"$tmp/idle.out" 2>"$tmp/gen.err" &
  gpid=$!
  for ((i = 0; i < 200 * slow; i++)); do
    grep -q '^ready' "$tmp/idle.out" && break
    kill -0 "$gpid" 2>/dev/null || break
    sleep 0.05
  done
  if grep -q '^ready' "$tmp/idle.out"; then
    # Connected in the kernel is not yet accepted by the server: wait until the
    # server holds a descriptor for each connection, then let it settle.
    for ((i = 0; i < 200 * slow; i++)); do
      [ "$(nfds "$pid")" -ge $((base + IDLE)) ] && break
      sleep 0.05
    done
    if [ "$(nfds "$pid")" -ge $((base + IDLE)) ]; then
      sleep 0.5
      R[$rt,rss_conns]=$(rss_kb "$pid")
      R[$rt,per_conn]=$(( (R[$rt,rss_conns] - R[$rt,rss_idle]) * 1024 / IDLE ))
    else
      echo "bench: $rt idle.js accepted only $(( $(nfds "$pid") - base )) of $IDLE connections" >&2
    fi
  else
    echo "bench: $rt idle: $(cat "$tmp/gen.err")" >&2
  fi
  kill -TERM "$gpid" 2>/dev/null
  wait "$gpid" 2>/dev/null
  gpid=0
  stop_server "$rt"
}

# Start-up: wall time of `-e 0`, median of STARTUP_RUNS, petrel and node
# alternating, after one unmeasured run each. Native boards run the binary
# itself, as board_run.sh would exec it, so the figure holds no shell start-up;
# emulated boards go through board_run.sh (and so include the emulator).
bench_startup() {
  local i rt t0 t1
  local -A cmd
  if [ "$EMULATION" = none ]; then cmd[petrel]="build/$board/petrel"; else cmd[petrel]="tools/board_run.sh $board"; fi
  cmd[node]=node
  for rt in "${RUNTIMES[@]}"; do
    R[$rt,startup]=fail
    : >"$tmp/startup.$rt"
    ${cmd[$rt]} -e 0 >/dev/null 2>&1 || cmd[$rt]=
  done
  for ((i = 0; i < STARTUP_RUNS; i++)); do
    for rt in "${RUNTIMES[@]}"; do
      [ -n "${cmd[$rt]}" ] || continue
      t0=$EPOCHREALTIME
      ${cmd[$rt]} -e 0 >/dev/null 2>&1
      t1=$EPOCHREALTIME
      echo $(( 10#${t1//[.,]/} - 10#${t0//[.,]/} )) >>"$tmp/startup.$rt"
    done
  done
  for rt in "${RUNTIMES[@]}"; do
    [ -n "${cmd[$rt]}" ] && R[$rt,startup]=$(median <"$tmp/startup.$rt")
  done
}

start_time=$SECONDS
rev=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
git diff --quiet HEAD -- runtime modules platform boards 2>/dev/null || rev="$rev+uncommitted"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
header="bench $(date -u '+%Y-%m-%d %H:%M UTC'): board $board, petrel $rev, node $(node --version); $(nproc) cores${cpu:+ ($cpu)}, Linux $(uname -r), load average before: $load
${MB} MiB bulk, median of $BULK_ROUNDS; ${PP_SECONDS} s ping-pong after ${PP_WARMUP} s warm-up, median of $ROUNDS; $CHURN churn connections ($CHURN_CONC at a time) after 1000 warm-up, median of $ROUNDS; $IDLE idle connections; host $HOST"
echo "$header"

echo "  bulk upload" >&2
start_both sink.js; rounds "$BULK_ROUNDS" upload mbps "$((16 << 20))" upload "$BYTES"; stop_both
echo "  bulk download" >&2
start_both source.js "$BYTES"; rounds "$BULK_ROUNDS" download mbps "" download "$BYTES"; stop_both
echo "  ping-pong" >&2
start_both echo.js
rounds "$ROUNDS" "pp1 pp1_p50 pp1_p99" "rtps p50_us p99_us" "" pingpong 1 "$PP_SECONDS" "$PP_WARMUP"
rounds "$ROUNDS" "pp50 pp50_p50 pp50_p99" "rtps p50_us p99_us" "" pingpong 50 "$PP_SECONDS" "$PP_WARMUP"
stop_both
echo "  churn" >&2
start_both churn.js; rounds "$ROUNDS" churn cps "1000 $CHURN_CONC" churn "$CHURN" "$CHURN_CONC"; stop_both
echo "  idle memory" >&2
for rt in "${RUNTIMES[@]}"; do bench_idle "$rt"; done
echo "  start-up" >&2
bench_startup

# row LABEL KEY BETTER(higher|lower) TARGET: TARGET is "ratio>=X", "ratio<=X",
# "petrel<=X" or "-" (none); met says whether this run reached it.
row() {
  local p=${R[petrel,$2]:-fail} n=${R[node,$2]:-fail} ratio=- met=- target=-
  if [[ $p != fail && $n != fail ]]; then
    ratio=$(awk -v p="$p" -v n="$n" 'BEGIN { if (n > 0) printf "%.2f", p / n; else print "-" }')
  fi
  case "$4" in
    ratio*) target="ratio ${4:5:2} ${4#ratio??}"
            [ "$ratio" = - ] || met=$(awk -v r="$ratio" -v t="${4#ratio??}" -v op="${4:5:2}" \
              'BEGIN { print ((op == ">=" ? r >= t : r <= t) ? "yes" : "no") }') ;;
    petrel*) target="petrel ${4:6:2} ${4#petrel??}"
             [ "$p" = fail ] || met=$(awk -v v="$p" -v t="${4#petrel??}" 'BEGIN { print (v <= t ? "yes" : "no") }') ;;
  esac
  printf '%-42s %10s %10s %6s  %-6s  %-14s %s\n' "$1" "$p" "$n" "$ratio" "$3" "$target" "$met"
}
{
  echo "$header"
  echo
  printf '%-42s %10s %10s %6s  %-6s  %-14s %s\n' metric petrel node ratio better target met
  row "bulk upload, 64 KiB writes (MB/s)" upload higher "ratio>=1"
  row "bulk download, 64 KiB writes (MB/s)" download higher "ratio>=1"
  row "ping-pong 64 B, 1 conn (round trips/s)" pp1 higher "ratio>=1.5"
  row "  latency p50 (us)" pp1_p50 lower "-"
  row "  latency p99 (us)" pp1_p99 lower "-"
  row "ping-pong 64 B, 50 conns (round trips/s)" pp50 higher "ratio>=1.5"
  row "  latency p50 (us)" pp50_p50 lower "-"
  row "  latency p99 (us)" pp50_p99 lower "-"
  row "churn: connect, 1 B each way, close (conn/s)" churn higher "ratio>=1"
  row "RSS, listening, no connections (KiB)" rss_idle lower "ratio<=0.05"
  row "RSS with $IDLE idle connections (KiB)" rss_conns lower "-"
  row "bytes per idle connection (B)" per_conn lower "petrel<=1024"
  row "start-up, -e 0, median of $STARTUP_RUNS (us)" startup lower "-"
  echo
  echo "ratio = petrel/node. better: whether a higher or a lower figure is better (so a ratio"
  echo "above 1, or below 1, favours petrel). Targets are reported, not asserted."
  echo
  echo "per round (petrel | node):"
  for k in upload download pp1 pp50 churn; do
    printf '  %-9s %s | %s\n' "$k" "$(printf '%s' "${VALS[petrel,$k]:-}" | tr '\n' ' ')" "$(printf '%s' "${VALS[node,$k]:-}" | tr '\n' ' ')"
  done
  [ "$EMULATION" = none ] || echo "note: petrel runs emulated through tools/board_run.sh $board (its RSS is the emulator's process; start-up includes the emulator)."
} >"$out/results.txt"
tail -n +3 "$out/results.txt"
echo "(written to $out/results.txt; $((SECONDS - start_time)) s)"

# Round-trip latency of request/response messages by size (issue #23: lwIP's delayed
# ACK once held messages just over the window for 250-500 ms), both ends in one process.
latency_table() { # BOARD: petrel on BOARD beside node, p50 and p99 per size
  local p n
  p=$(tools/board_run.sh "$1" tools/bench/latency.js 1 2>/dev/null | grep '^size=')
  n=$(node tools/bench/latency.js 1 2>/dev/null | grep '^size=')
  echo
  echo "round-trip latency, one connection, both ends in one process (us; petrel on $1 | node):"
  printf '  %-8s %10s %10s %10s %10s\n' size p50 p99 node_p50 node_p99
  paste -d' ' <(echo "$p") <(echo "$n") | awk '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); v[i] = kv[2] }
    printf "  %-8s %10s %10s %10s %10s\n", v[1], v[3], v[4], v[8], v[9] }'
}
[ "${BENCH_LATENCY:-1}" = 1 ] && latency_table "$board" | tee -a "$out/results.txt"

# TLS figures (handshakes/s, bulk throughput) where the board's build has tls.
if [ "${BENCH_TLS:-1}" = 1 ] && tools/board_run.sh "$board" -e "require('tls')" >/dev/null 2>&1; then
  echo
  tools/bench/tls.sh "$board"
fi
