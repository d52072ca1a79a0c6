#!/usr/bin/env python3
"""`make BOARD=mps2-an385 bench`: the board's figures, measured on the firmware under
QEMU and printed as a table (also written to build/bench/mps2-an385.txt):

  flash, static RAM        arm-none-eabi-size of build/mps2-an385/petrel
  heap after boot          Duktape heap (process.memoryUsage().heapUsed after two
                           Duktape.gc() passes) at the REPL prompt
  heap after require('net')  (heap: the bytes malloc gave Duktape, its rounding included)
  RAM high-water           process.memoryUsage().rss: static data + malloc's extent +
                           deepest stack, at boot and after require('net')
  compiled size            heap taken by each built-in module's compiled functions,
                           compiled once more on its own (where the heap goes)
  bytes per connection     heap and lwIP heap+pools per open server-side connection:
                           the host opens N connections through QEMU's port forward
  NIC throughput           host -> board and board -> host through the emulated
                           LAN9118 and QEMU's user networking (BENCH_MPS2_MB MiB each),
                           beside the same transfers on the reference firmware
                           (build/mps2-an385/lwip_ref: lwIP's raw API in C, no JS)
  board -> host CPU        the same board -> host transfer once more on each firmware
                           under QEMU's -icount shift=0: the instructions the board ran
                           per MiB (its busy time, board.c's board_cpu), a figure the
                           host's load does not move, unlike the MiB/s above
  round-trip latency       tools/bench/latency.js on the board and on node, by size
                           (BENCH_LATENCY=0 leaves it out)

Targets (issue #6) are printed beside the figures, never asserted.
"""
import os
import re
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import qemu_stream  # noqa: E402  (the board under QEMU and the stream, shared with profile.py)
from qemu_stream import boardtest  # noqa: E402  (the QEMU + UART driver of the board tests)

MB = int(os.environ.get("BENCH_MPS2_MB", "4"))
# The modules loaded at boot (REPL up) and by require('net'); not the bootstrap,
# which is compiled differently (a function expression of its own).
MODULES = ["events", "timers", "console", "path", "internal/errors",
           "internal/primitive", "net", "buffer", "internal/stream_readable", "internal/stream_writable",
           "stream", "internal/stream_shared", "internal/validators",
           "internal/net_server", "internal/net_connect"]  # these two on a first createServer() / connect()
CONNS = int(os.environ.get("BENCH_MPS2_CONNS", "6"))


def value(b, expr):
    out = b.line(expr)
    m = re.match(rb"(-?[0-9.]+)\r\n", out)
    if not m:
        raise RuntimeError("%s gave %r" % (expr, out))
    return float(m.group(1))


def heap(b):
    return value(b, "Duktape.gc(), Duktape.gc(), process.memoryUsage().heapUsed")


def ram(b):
    return value(b, "Duktape.gc(), Duktape.gc(), process.memoryUsage().rss")


def net_used(b):
    return value(b, "process.memoryUsage().netStackUsed")


def latency():
    """Round-trip latency by message size, both ends on the board (lwIP's loopback),
    beside node on the host: tools/bench/latency.js (issue #23, delayed ACKs)."""
    def run(cmd):
        out = subprocess.run(cmd, cwd=TOP, capture_output=True, text=True, timeout=600).stdout
        return [dict(kv.split("=") for kv in l.split()) for l in out.splitlines() if l.startswith("size=")]
    board = run([os.path.join(TOP, "tools", "board_run.sh"), "mps2-an385", "tools/bench/latency.js", "1"])
    node = run(["node", "tools/bench/latency.js", "1"])
    out = ["", "round-trip latency, both ends in one process (us): board p50 / p99, node p50 / p99"]
    for b, n in zip(board, node):
        out.append("  %-8s %10s %10s %10s %10s" % (b["size"], b["p50_us"], b["p99_us"], n["p50_us"], n["p99_us"]))
    if not board:
        out.append("  (the board's run printed no figures)")
    return out


def host_to_board(b, port, count):
    """Seconds to send MB MiB to the board's server on port; count() is what it got."""
    payload = b"x" * 65536
    total = MB * 1048576
    t0 = time.time()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
        sent = 0
        while sent < total:
            s.sendall(payload)
            sent += len(payload)
        s.shutdown(socket.SHUT_WR)
        s.recv(10)  # the board's FIN: everything was read
    took = time.time() - t0
    got = count()
    if got != total:
        raise RuntimeError("board received %d of %d bytes" % (got, total))
    return took


def board_to_host(start):
    """Seconds for the board to send MB MiB to a host server; start(port) tells it to."""
    return qemu_stream.receive(start, MB * 1048576)


ICOUNT = ["-icount", "shift=0"]  # one instruction = one ns of the board's clock


def cpu_reading(b, image):
    """(slept_at_ns, idle_ns) of board.c's board_cpu, read through the monitor once the
    board sleeps: two reads that see the same sleep."""
    nm = subprocess.run(["arm-none-eabi-nm", image], capture_output=True, text=True, check=True).stdout
    addr = [l.split()[0] for l in nm.splitlines() if l.endswith(" board_cpu")][0]
    last = None
    for _ in range(100):
        out = b.monitor(b"xp /4wx 0x" + addr.encode(), b": 0x")
        w = [int(x, 16) for x in re.findall(rb"0x[0-9a-f]{8}", out.split(b":", 1)[-1])[:4]]
        now = (w[2] | w[3] << 32, w[0] | w[1] << 32)
        if now == last:
            return now
        last = now
        time.sleep(0.05)
    raise RuntimeError("the board did not go idle")


def busy(before, after):
    return (after[0] - before[0]) - (after[1] - before[1])


def cpu_board_to_host():
    """Instructions per MiB sent board -> host: (Petrel, the reference firmware)."""
    b = qemu_stream.boot(ICOUNT)
    try:
        b.line(qemu_stream.GO)
        c0 = cpu_reading(b, boardtest.IMAGE)
        qemu_stream.go(b, MB * 1048576)
        petrel = busy(c0, cpu_reading(b, boardtest.IMAGE)) / MB
    finally:
        b.close()
    image = os.path.join(os.path.dirname(boardtest.IMAGE), "lwip_ref")
    b = boardtest.Board(image=image, extra=ICOUNT)
    try:
        b.expect(rb"lwip-ref ready\r\n")
        c0 = cpu_reading(b, image)
        board_to_host(lambda hport: b.send(b"send %d %d\r" % (hport, MB * 1048576)))
        b.expect(rb"sent\r\n")
        ref = busy(c0, cpu_reading(b, image)) / MB
    finally:
        b.close()
    return petrel, ref


def reference():
    """(up, down) seconds on build/mps2-an385/lwip_ref: the board's drivers and lwIP
    configuration doing the same transfers in C (boards/mps2-an385/ref/lwip_ref.c)."""
    b = boardtest.Board(image=os.path.join(os.path.dirname(boardtest.IMAGE), "lwip_ref"))
    try:
        b.expect(rb"lwip-ref ready\r\n")
        up = host_to_board(b, b.host_port(), lambda: int(b.expect(rb"received (\d+)\r\n").split()[1]))
        down = board_to_host(lambda hport: b.send(b"send %d %d\r" % (hport, MB * 1048576)))
        b.expect(rb"sent\r\n")
        return up, down
    finally:
        b.close()


def main():
    image = boardtest.IMAGE
    rows = []
    size = subprocess.run(["arm-none-eabi-size", image], capture_output=True, text=True, check=True).stdout
    text, data, bss = [int(x) for x in size.splitlines()[1].split()[:3]]
    rows.append(("flash (text + data)", "%d B (%.1f KiB)" % (text + data, (text + data) / 1024.0), "<= 512 KiB"))
    rows.append(("static RAM (data + bss)", "%d B (%.1f KiB)" % (data + bss, (data + bss) / 1024.0), ""))

    b = qemu_stream.boot()
    try:
        boot, boot_ram = heap(b), ram(b)
        b.line("var net = require('net')")
        after_net, net_ram = heap(b), ram(b)
        rows.append(("heap after boot (REPL up)", "%d B (%.1f KiB)" % (boot, boot / 1024.0), ""))
        rows.append(("heap after require('net')", "%d B (%.1f KiB)" % (after_net, after_net / 1024.0), "<= 64 KiB"))
        rows.append(("RAM high-water at boot / after net", "%.1f / %.1f KiB" % (boot_ram / 1024.0, net_ram / 1024.0), ""))

        # Where the heap goes: each module compiled again on its own (its function
        # templates: bytecode, constants, names; what running it adds is small).
        b.line("var core = process.binding('core'), tmpl")
        costs = []
        for m in MODULES:
            h0 = heap(b)
            h1 = value(b, "tmpl = core.compileBuiltin('%s'), Duktape.gc(), Duktape.gc(), "
                          "process.memoryUsage().heapUsed" % m)
            b.line("tmpl = undefined")
            costs.append("%s %.1f" % (m.replace("internal/", ""), (h1 - h0) / 1000.0))
        rows.append(("compiled size of each module (KB)", ", ".join(costs), ""))

        # Connections: a server on the board, CONNS idle connections from the host.
        # Shared listeners (as tools/bench/idle.js), not two closures per connection:
        # the figure is the runtime's cost, not the bench's (docs/bench.md).
        b.line("var conns = []; var sink = 0; function onData(d) { sink += d.length; }"
               " function onEnd() { this.end(); }"
               " var srv = net.createServer(function (c) { conns.push(c); c.on('data', onData); c.on('end', onEnd); })")
        b.send(b"srv.listen(%d, function () { console.log('bench-' + 'ready'); })\r" % boardtest.GUEST_PORT)
        b.expect(rb"bench-ready")
        b.prompt()
        port = b.host_port()
        h0, n0 = heap(b), net_used(b)
        socks = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(CONNS)]
        deadline = time.time() + 30
        while value(b, "conns.length") < CONNS and time.time() < deadline:
            pass
        h1, n1, conns_ram = heap(b), net_used(b), ram(b)
        per_js = (h1 - h0) / CONNS
        per_net = (n1 - n0) / CONNS
        rows.append(("bytes per open connection (server side)",
                     "%d B JS heap + %d B lwIP (%d connections)" % (per_js, per_net, CONNS), "<= 512 B"))
        rows.append(("RAM high-water: REPL, net, a server, %d connections" % CONNS,
                     "%.1f KiB" % (conns_ram / 1024.0), "<= 192 KiB (4 connections)"))
        for s in socks:
            s.close()
        while value(b, "conns.filter(function (c) { return !c.destroyed; }).length") > 0 and time.time() < deadline:
            pass

        b.line("sink = 0")
        up = host_to_board(b, port, lambda: value(b, "sink"))
        b.line(qemu_stream.GO)
        down = qemu_stream.go(b, MB * 1048576)
    finally:
        b.close()

    # The same two transfers on the reference firmware (lwIP in C, no interpreter).
    ref_up, ref_down = reference()
    rows.append(("NIC throughput host -> board", "%.2f MiB/s (%d MiB); lwIP in C: %.2f (%.0f%%)"
                 % (MB / up, MB, MB / ref_up, 100.0 * ref_up / up), ""))
    rows.append(("NIC throughput board -> host", "%.2f MiB/s (%d MiB); lwIP in C: %.2f (%.0f%%)"
                 % (MB / down, MB, MB / ref_down, 100.0 * ref_down / down), ">= 80% of lwIP in C"))
    cpu, ref_cpu = cpu_board_to_host()
    rows.append(("board CPU per MiB board -> host (-icount)", "%.1f M instructions; lwIP in C: %.1f (%.0f%%)"
                 % (cpu / 1e6, ref_cpu / 1e6, 100.0 * ref_cpu / cpu), ""))

    lines = ["mps2-an385 (QEMU %s)" % subprocess.run(["qemu-system-arm", "--version"], capture_output=True,
                                                      text=True).stdout.split("\n")[0].split("version ")[-1],
             "%-42s %-44s %s" % ("figure", "measured", "target")]
    lines += ["%-42s %-44s %s" % r for r in rows]
    if os.environ.get("BENCH_LATENCY", "1") == "1":
        lines += latency()
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    os.makedirs(os.path.join(TOP, "build", "bench"), exist_ok=True)
    with open(os.path.join(TOP, "build", "bench", "mps2-an385.txt"), "w") as f:
        f.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
