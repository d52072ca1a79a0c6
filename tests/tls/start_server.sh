# tests/tls/start_server.sh: sourced by tests/tls/run.sh and tests/tls/board.sh.
# Starting a server on the next free port and waiting for its ready line, in one place.
# The sourcing script sets: tmp (its temp dir), pids (an array: what it kills at exit),
# next_port (a number; the ports tried are the ones after it), peer_addr (where openssl's
# servers listen) and in_peer (runs a command on the peers' network; "$@" on the host).

wait_line() { # wait_line FILE PATTERN: up to 20 s for a line of FILE matching PATTERN
  for _ in $(seq 400); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done; return 1
}

start_on_next_port() { # start_on_next_port NAME READY POLLS CMD...: sets $port
  # Runs CMD in the background with @PORT@ in its words replaced by the next port, output in
  # $tmp/NAME.out, stdin from $START_STDIN (default /dev/null), until a line matches READY
  # (polled every 50 ms, POLLS times). A port another process holds makes the server exit at
  # once: then the next port is tried, up to 20 ports. Not to be called in $(...): next_port
  # must advance in this shell, else every server gets the same port, and the pid must reach
  # pids. Sets port=0 (and prints why) when no server started.
  local name=$1 ready=$2 polls=$3 pid try a; shift 3
  local cmd
  for try in $(seq 20); do
    next_port=$((next_port + 1))
    cmd=()
    for a in "$@"; do cmd+=("${a//@PORT@/$next_port}"); done
    "${cmd[@]}" > "$tmp/$name.out" 2>&1 < "${START_STDIN:-/dev/null}" &
    pid=$!
    for _ in $(seq "$polls"); do
      grep -q "$ready" "$tmp/$name.out" 2>/dev/null && { pids+=($pid); port=$next_port; return 0; }
      kill -0 $pid 2>/dev/null || break
      sleep 0.05
    done
    kill $pid 2>/dev/null; wait $pid 2>/dev/null
  done
  echo "server $name did not start" >&2; cat "$tmp/$name.out" >&2; port=0
}

s_server() { # s_server NAME openssl-args...: a one-shot openssl server (-rev: each line back
  # reversed) on $peer_addr; sets $port
  local name=$1; shift
  start_on_next_port "$name" '^ACCEPT' 400 in_peer openssl s_server -accept "$peer_addr:@PORT@" -naccept 1 -rev "$@"
}

node_echo_server() { # node_echo_server NAME CERTS [MAXVERSION]: a node tls server on $peer_addr that
  # echoes one connection (server.key/crt of CERTS), then closes; sets $port
  start_on_next_port "$1" '^ready' 400 in_peer node -e '
    var tls = require("tls"), fs = require("fs"), d = process.argv[3], o = {};
    o.key = fs.readFileSync(d + "/server.key"); o.cert = fs.readFileSync(d + "/server.crt");
    if (process.argv[4]) o.maxVersion = process.argv[4];
    var s = tls.createServer(o, function (c) { c.pipe(c); c.on("error", function () {}); s.close(); });
    s.listen(+process.argv[2], process.argv[1], function () { console.log("ready"); });
  ' "$peer_addr" @PORT@ "$2" ${3:-}
}
