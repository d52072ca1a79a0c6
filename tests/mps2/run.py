#!/usr/bin/env python3
"""Board tests of mps2-an385 under QEMU (tools/test_all.sh runs them): the REPL over
the emulated UART as a person uses it (values, multi-line input, line editing,
history, Ctrl-C, .help/.exit, output from callbacks while a line is being typed),
a server started from the REPL that the host reaches through QEMU's port forward,
a connection from the board to a server on the host (gateway 10.0.2.2), and a
firmware built with APP= (an embedded application instead of the REPL).

Every step waits for what the board prints (the prompt, a marker), never for a
fixed time; QEMU is killed at the end of each boot, whatever happens.
Prints one line per check and ends with "N passed, N failed".
"""
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(TOP, "boards", "mps2-an385"))
import run_script  # noqa: E402  (QEMU's command line and the child's death signal)

BOARD = "mps2-an385"
IMAGE = os.environ.get("PETREL_MPS2_IMAGE", os.path.join(TOP, "build", BOARD, "petrel"))
STEP = float(os.environ.get("PETREL_TOOL_TIMEOUT", "60"))
GUEST_PORT = 7000
ANSI = re.compile(rb"\x1b\[[0-9]*[A-Za-z~]")
PARTIAL_ESC = re.compile(rb"\x1b(\[[0-9]*)?$")

passed = failed = 0


def result(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   [%s] board: %s" % (BOARD, name))
    else:
        failed += 1
        print("FAIL [%s] board: %s" % (BOARD, name))
        for line in detail.splitlines()[-12:]:
            print("     | " + line)
    sys.stdout.flush()


class Board:
    """One QEMU boot: the UART on pipes, a host port forwarded to GUEST_PORT and the
    QEMU monitor on a UNIX socket (to read back which host port that is)."""

    def __init__(self, image=IMAGE, extra=(), nic=None):
        self.tmp = tempfile.mkdtemp(prefix="petrel-mps2-")
        mon = os.path.join(self.tmp, "monitor")
        cmd = ["qemu-system-arm", "-M", "mps2-an385", "-cpu", "cortex-m3", "-display", "none",
               "-nodefaults", "-serial", "stdio", "-semihosting-config", "enable=on,target=native",
               "-nic", nic or "user,hostfwd=tcp:127.0.0.1:0-:%d" % GUEST_PORT,
               "-monitor", "unix:%s,server=on,wait=off" % mon, "-kernel", image] + list(extra)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, preexec_fn=run_script.die_with_parent)
        self.mon_path = mon
        self.buf = b""  # what the UART printed, not consumed yet (control sequences removed)
        self.raw = b""  # the start of a control sequence that is still arriving
        self.log = b""  # everything, for failure reports

    def close(self):
        self.proc.kill()
        self.proc.wait()
        for f in os.listdir(self.tmp):
            os.unlink(os.path.join(self.tmp, f))
        os.rmdir(self.tmp)

    def send(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def expect(self, pattern, timeout=STEP):
        """Consumes output up to and including the first match of the regex pattern
        (bytes) and returns it. Terminal control sequences (the REPL's redraws) are
        removed as output arrives, so a redrawn prompt reads "\\r> "."""
        rx = re.compile(pattern, re.S)
        deadline = time.time() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            m = rx.search(self.buf)
            if m:
                out, self.buf = self.buf[:m.end()], self.buf[m.end():]
                return out
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError("waited for %r; the UART showed: %r" % (pattern, self.log[-200:]))
            r, _, _ = select.select([fd], [], [], min(left, 1.0))
            if r:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise EOFError("QEMU ended; the UART showed: %r" % self.log[-200:])
                self.log += chunk
                self.raw += chunk
                # keep an escape sequence cut at the end of the chunk for the next one
                cut = PARTIAL_ESC.search(self.raw)
                done, self.raw = (self.raw[:cut.start()], self.raw[cut.start():]) if cut else (self.raw, b"")
                self.buf += ANSI.sub(b"", done)

    def prompt(self):
        return self.expect(rb"\r> $")

    def line(self, text, shown=None):
        """Types a line and returns what the REPL printed up to the next prompt. The
        REPL echoes each key as a redraw of the line ("\\r> text"); Enter ends the
        echo with CR LF. shown: the line as it reads after editing keys."""
        self.send(text.encode() + b"\r")
        self.expect(rb"\r(> |\.\.\. )" + re.escape((text if shown is None else shown).encode()) + rb"\r\n")
        return self.prompt()

    def monitor(self, command, until=b""):
        """A QEMU monitor command's output (read up to the prompt after `until`)."""
        deadline = time.time() + STEP
        while True:
            try:
                s = socket.socket(socket.AF_UNIX)
                s.connect(self.mon_path)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.05)
        s.settimeout(STEP)
        data = b""
        s.sendall(command + b"\n")
        while until not in data or not data.rstrip().endswith(b"(qemu)") or data.count(b"(qemu)") < 2:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        s.close()
        return data

    def host_port(self):
        """The host port QEMU picked for the forward (from the monitor's info usernet)."""
        data = self.monitor(b"info usernet", b"HOST_FORWARD")
        m = re.search(rb"HOST_FORWARD\]\s+\d+\s+127\.0\.0\.1\s+(\d+)\s+10\.0\.2\.15\s+%d" % GUEST_PORT, data)
        if not m:
            raise RuntimeError("no forward in info usernet: %r" % data)
        return int(m.group(1))


def check(name, fn, board):
    try:
        fn(board)
        result(name, True)
    except Exception as e:  # noqa: BLE001 -- any failure is the check's
        result(name, False, "%s: %s" % (type(e).__name__, e))


def expect_in(out, want):
    if want.encode() not in out:
        raise AssertionError("wanted %r in %r" % (want, out))


def t_values(b):
    expect_in(b.line("1 + 2"), "3")
    expect_in(b.line("'pe' + 'trel'"), "'petrel'")
    expect_in(b.line("({ a: [1, 2], b: 'x' })"), "{ a: [ 1, 2 ], b: 'x' }")
    expect_in(b.line("process.board"), "'mps2-an385'")


def t_multiline(b):
    b.send(b"function twice(a) {\r")
    b.expect(rb"\r\n\r\.\.\. $")
    b.send(b"  return a * 2;\r")
    b.expect(rb"\r\n\r\.\.\. $")
    b.line("}")
    expect_in(b.line("twice(21)"), "42")


def t_editing(b):
    # "2*7", cursor left over the 7, backspace the '*', type '+': "2+7"; Home, Ctrl-E.
    out = b.line("2*7\x1b[D\x7f+\x1b[H1\x05", shown="12+7")
    expect_in(out, "19")
    # Up arrow recalls "12+7"; Ctrl-U clears; history survives a bad line.
    expect_in(b.line("\x1b[A", shown="12+7"), "19")
    expect_in(b.line("nosuchname"), "Uncaught ReferenceError")
    expect_in(b.line("\x1b[A\x1b[A", shown="12+7"), "19")
    expect_in(b.line("\x1b[A\x15 40 + 2", shown=" 40 + 2"), "42")
    # Delete (ESC [ 3 ~) removes the character under the cursor: "12+7" -> "127".
    expect_in(b.line("12+7\x1b[D\x1b[D\x1b[3~", shown="127"), "127")


def t_ctrl_c(b):
    b.send(b"var spins = 0; for (;;) { spins++; }\r")
    b.expect(rb"\r\n")  # the line was accepted: it is running now
    b.send(b"\x03")
    # Interrupted, a new prompt; then the Ctrl-C byte reaches the REPL as a key, on an
    # empty line.
    b.expect(rb"Script execution was interrupted\r\n\r> \^C\r\n\r?\(To exit[^\n]*\n")
    b.prompt()
    expect_in(b.line("spins > 0 && typeof spins"), "'number'")  # same heap, no reset
    if b"Welcome to Petrel" in b.log[b.log.find(b"spins++"):]:
        raise AssertionError("the board restarted")


def t_ctrl_c_native(b):
    # a loop in a built-in C method (runtime/es_methods.c), no bytecode running: it asks too
    b.send(b"Array.prototype.includes.call({ length: Math.pow(2, 53) - 1 }, 1)\r")
    b.expect(rb"\r\n")
    b.send(b"\x03")
    b.expect(rb"Script execution was interrupted\r\n\r> \^C\r\n\r?\(To exit[^\n]*\n")
    b.prompt()
    expect_in(b.line("[1, NaN].includes(NaN)"), "true")


def t_commands(b):
    expect_in(b.line(".help"), ".break")
    expect_in(b.line(".exit"), "not available on a board")
    expect_in(b.line("1 + 1"), "2")  # still running


def t_file_store(b):
    # The board's file store (boards/mps2-an385/filestore.c): files kept packed at the
    # top of RAM; replacing one moves those stored after it. Each must read back as
    # written, packed (>= 256 B) or not.
    b.line("var core = process.binding('core'); function body(tag, n) { var s = '';"
           " for (var i = 0; s.length < n; i++) s += tag + i + ' '; return s; }"
           " function put(p, tag, n) { core.writeFile(p, 'module.exports = ' + JSON.stringify(body(tag, n)) + ';\\n'); }")
    b.line("put('/fs/a.js', 'A1-', 4000); put('/fs/b.js', 'B-', 3000); put('/fs/c.js', 'C', 10);"
           " put('/fs/a.js', 'A2-', 5000); put('/fs/c.js', 'C2-', 20)")
    expect_in(b.line("[require('/fs/a.js') === body('A2-', 5000), require('/fs/b.js') === body('B-', 3000),"
                     " require('/fs/c.js') === body('C2-', 20)].join()"), "'true,true,true'")


def t_line_table(b):
    # A bundle's line table beside it (runtime/linetab.c) maps its stack frames; writing
    # the file again drops the table (filestore.c), which would be wrong for new contents.
    b.line("var core = process.binding('core'); core.writeFile('/lt/m.js', 'module.exports = function () {\\n"
           "  return new Error(\"x\").stack.split(\"\\\\n\")[1];\\n};\\n');"
           " core.writeFile('/lt/m.js.lines', '#petrel-lines 1 m.js\\nf src/m.js\\n1 - 0\\n2 0 40\\n3 - 0\\n');"
           " var ltf = require('/lt/m.js'), lt1 = ltf()")
    b.line("core.writeFile('/lt/m.js', 'module.exports = 1;\\n')")
    expect_in(b.line("[lt1.trim(), core.fileKind('/lt/m.js.lines'), ltf().trim()].join(' | ')"),
              "'at [anon] (src/m.js:40) | 0 | at [anon] (/lt/m.js:2)'")


def t_timer_while_waiting(b):
    b.line("var fired = 0; setTimeout(function () { fired++; console.log('timer-' + 'fired'); }, 200)")
    b.expect(rb"\rtimer-fired\r\n")  # while the prompt waits
    b.prompt()  # redrawn below the output
    expect_in(b.line("fired"), "1")


def t_server_from_repl(b):
    b.line("var got = []; var srv = require('net').createServer(function (c) {"
           " console.log('conn-' + got.length); c.on('data', function (d) { got.push(String(d)); c.write('echo:' + d); });"
           " c.on('end', function () { c.end(); }); })")
    b.send(b"srv.listen(%d, function () { console.log('srv-' + 'ready'); })\r" % GUEST_PORT)
    b.expect(rb"srv-ready")
    port = b.host_port()
    for i in range(3):  # the prompt stays usable between connections
        with socket.create_connection(("127.0.0.1", port), timeout=STEP) as s:
            s.sendall(b"ping%d" % i)
            data = b""
            while len(data) < len(b"echo:ping0"):
                chunk = s.recv(100)
                if not chunk:
                    break
                data += chunk
            s.shutdown(socket.SHUT_WR)
            if data != b"echo:ping%d" % i:
                raise AssertionError("reply %r" % data)
            s.recv(100)  # the board's FIN
        b.expect(rb"conn-%d\r\n" % i)
        b.prompt()
        expect_in(b.line("got.length"), str(i + 1))
    # A connection arrives while a line is half typed: the server's output goes
    # above that line, which is redrawn as it was and still evaluates whole.
    b.send(b"6 * ")
    b.expect(rb"> 6 \* $")
    with socket.create_connection(("127.0.0.1", port), timeout=STEP) as s:
        out = b.expect(rb"conn-3\r\n")
        if out != b"\rconn-3\r\n":  # the typed line is erased first, not written through
            raise AssertionError("callback output mixed into the typed line: %r" % out)
        b.expect(rb"^\r> 6 \* $")
        s.close()
    expect_in(b.line("7", shown="6 * 7"), "42")
    b.line("srv.close()")


def t_board_to_host(b):
    lst = socket.socket()
    lst.bind(("127.0.0.1", 0))
    lst.listen(1)
    lst.settimeout(STEP)
    port = lst.getsockname()[1]
    seen = {}

    def serve():
        try:
            c, _ = lst.accept()
            c.settimeout(STEP)
            data = b""
            while True:
                chunk = c.recv(100)
                if not chunk:
                    break
                data += chunk
            seen["data"] = data
            c.sendall(b"hello-board")
            c.close()
        except OSError as e:
            seen["error"] = e
    t = threading.Thread(target=serve)
    t.start()
    b.send(b"var r = []; require('net').connect(%d, '10.0.2.2', function () { this.end('from-board'); })"
           b".on('data', function (d) { r.push(String(d)); })"
           b".on('close', function () { console.log('rep' + 'ly=' + r.join('')); })\r" % port)
    out = b.expect(rb"reply=[^\r\n]*\r\n")
    t.join(STEP)
    lst.close()
    expect_in(out, "reply=hello-board")
    if seen.get("data") != b"from-board":
        raise AssertionError("the host got %r" % seen)


def t_embedded_app():
    """A second firmware with APP=tests/mps2/app.js: built from the first one's objects
    (only the embedded blob differs), boots into the app, whose stack trace names its
    source line (the embedded line table), reads the UART as process.stdin, serves the
    host, exits 7."""
    app_dir = os.path.join(TOP, "build", BOARD + "-app")
    subprocess.run(["rm", "-rf", app_dir], check=True)
    subprocess.run(["cp", "-a", os.path.join(TOP, "build", BOARD), app_dir], check=True)
    r = subprocess.run(["make", "--no-print-directory", "BOARD=" + BOARD, "B=build/%s-app" % BOARD,
                        "APP=tests/mps2/app.js", "APP_MODE=main"], cwd=TOP, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("build with APP failed: " + r.stdout[-500:] + r.stderr[-500:])
    b = Board(os.path.join(app_dir, "petrel"))
    try:
        # The embedded line table maps the bundle's "(/app.js:7)" to the source's.
        b.expect(rb"app stack at [^\r\n]*\(app\.js:7\)")
        b.expect(rb"app listening\r?\n")
        b.send(b"from the uart\r")
        b.expect(rb'app got "from the uart\\r" \(Buffer\)\r?\n')
        with socket.create_connection(("127.0.0.1", b.host_port()), timeout=STEP) as s:
            data = b""
            while True:
                chunk = s.recv(100)
                if not chunk:
                    break
                data += chunk
        if data != b"app:/app.js\n":
            raise AssertionError("the app answered %r" % data)
        b.expect(rb"app done\r?\n")
        code = b.proc.wait(timeout=STEP)
        if code != 7:
            raise AssertionError("QEMU ended with %r, not the app's exit status 7" % code)
        if b"Welcome to Petrel" in b.log:
            raise AssertionError("the REPL started instead of the app")
    finally:
        b.close()
        subprocess.run(["rm", "-rf", app_dir])


def t_net_wait():
    """A NIC no DHCP server answers (-nic none): with /net.json's DHCP, main.js starts
    after its "wait" (the board's uptime says it waited), with no IPv4 address; Ctrl-C
    while it waits skips it and leaves the REPL."""
    b = Board(nic="none")
    try:
        b.expect(rb"Welcome to Petrel[^\r]*\r\n")
        b.prompt()
        b.line("""require('fs').writeFileSync('/net.json', '{"dhcp": true, "wait": 1500}')""")
        b.line("require('fs').writeFileSync('/main.js', \"var os = require('os'); console.log('main at ' + "
               "os.uptime() + ' v4 ' + (os.networkInterfaces().eth0 || []).filter(function (a) { "
               "return a.family === 'IPv4'; }).length)\")")
        out = b.line("require('os').uptime()")
        before = float(re.match(rb"([0-9.]+)\r\n", out).group(1))
        b.send(b"\x04")
        out = b.expect(rb"main at ([0-9.]+) v4 (\d+)\r\n")
        m = re.search(rb"main at ([0-9.]+) v4 (\d+)", out)
        b.prompt()
        waited = float(m.group(1)) - before
        if not (waited >= 1.5 and m.group(2) == b"0"):
            raise AssertionError("main.js after %.2f s, %s IPv4 addresses: %r" % (waited, m.group(2), out))
        b.line("""require('fs').writeFileSync('/net.json', '{"dhcp": true, "wait": 600000}')""")
        b.send(b"\x04")
        b.expect(rb"soft reset\r\nmain\.js waits for the network \(Ctrl-C skips it\)\r\n")
        b.send(b"\x03")
        b.expect(rb"main\.js skipped \(Ctrl-C\)\r\n")
        out = b.line("6 * 7")
        expect_in(out, "42")
        if b"main at" in b.log[-300:]:
            raise AssertionError("main.js ran after Ctrl-C: %r" % b.log[-300:])
    finally:
        b.close()
def t_boot_app():
    """A firmware with APP=tests/mps2/boot_app.js as the REPL's boot app (APP_MODE=boot,
    the default): the REPL starts, the app (with its bundled module) runs; Ctrl-C of its
    for(;;){} in a timer gives the REPL, which answers; with /throw in the store, Ctrl-D's
    soft reset runs it again and its error (naming its source line) is printed, then the
    REPL answers again: never a halt."""
    app_dir = os.path.join(TOP, "build", BOARD + "-bootapp")
    subprocess.run(["rm", "-rf", app_dir], check=True)
    subprocess.run(["cp", "-a", os.path.join(TOP, "build", BOARD), app_dir], check=True)
    r = subprocess.run(["make", "--no-print-directory", "BOARD=" + BOARD, "B=build/%s-bootapp" % BOARD,
                        "APP=tests/mps2/boot_app.js"], cwd=TOP, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("build with APP failed: " + r.stdout[-500:] + r.stderr[-500:])
    b = Board(os.path.join(app_dir, "petrel"))
    try:
        b.expect(rb"Welcome to Petrel[^\r]*\r\n")
        b.expect(rb"boot app says hello\r\nspinning\r\n")
        b.send(b"\x03")
        b.expect(rb"Script execution was interrupted\r\n")
        b.prompt()
        b.line("6 * 7")
        b.buf = b""
        b.line("require('fs').writeFileSync('/throw', '1')")
        b.buf = b""
        b.send(b"\x04")  # the soft reset: the boot app again
        out = b.expect(rb"\r> $")
        want = rb"soft reset\r\nboot app says hello\r\nUncaught Error: boom\r\n    at [^\r]*\(boot_lib\.js:4\)"
        if not re.search(want, out):
            raise AssertionError("after Ctrl-D: %r" % out)
        out = b.line("6 * 7")
        if b"42" not in out:
            raise AssertionError("the REPL after the error: %r" % out)
        if b.proc.poll() is not None:
            raise AssertionError("QEMU ended")
    finally:
        b.close()
        subprocess.run(["rm", "-rf", app_dir])


def main():
    if not os.path.exists(IMAGE):
        result("firmware " + IMAGE, False, "not built")
        print("%d passed, %d failed" % (passed, failed))
        return 1
    t0 = time.time()
    b = Board()
    try:
        try:
            out = b.expect(rb"Welcome to Petrel[^\r]*\r\n")
            b.prompt()
            result("boots to the REPL prompt (%.1f s)" % (time.time() - t0), b"mps2-an385" in out, repr(out))
        except (TimeoutError, EOFError) as e:
            result("boots to the REPL prompt", False, str(e))
            return 1
        for name, fn in [("repl values", t_values), ("repl multi-line", t_multiline),
                         ("repl line editing and history", t_editing),
                         ("repl Ctrl-C interrupts without reset", t_ctrl_c),
                         ("repl Ctrl-C interrupts a built-in C loop", t_ctrl_c_native),
                         ("repl .help and .exit", t_commands),
                         ("file store: packed files read back after one is replaced", t_file_store),
                         ("a line table maps stack frames; writing the file drops it", t_line_table),
                         ("timers fire while the prompt waits", t_timer_while_waiting),
                         ("server started from the REPL, host connects through the port forward;"
                          " its output does not garble a typed line",
                          t_server_from_repl),
                         ("board connects to a host server (10.0.2.2)", t_board_to_host)]:
            check(name, fn, b)
            b.buf = b""
    finally:
        b.close()
    try:
        t_net_wait()
        result("DHCP with no server: main.js starts after /net.json's wait; Ctrl-C while it waits skips it", True)
    except Exception as e:  # noqa: BLE001
        result("DHCP with no server: main.js starts after /net.json's wait; Ctrl-C while it waits skips it", False,
               "%s: %s" % (type(e).__name__, e))
    try:
        t_embedded_app()
        result("APP= embeds an app (and its line table) that runs at boot, reads the UART as process.stdin, serves the host and sets the exit status", True)
    except Exception as e:  # noqa: BLE001
        result("APP= embeds an app (and its line table) that runs at boot, reads the UART as process.stdin, serves the host and sets the exit status", False,
               "%s: %s" % (type(e).__name__, e))
    check("APP= (APP_MODE=boot) runs an app with its module as the REPL's boot app: Ctrl-C of its for(;;){} "
          "gives the REPL; thrown after Ctrl-D's soft reset, the error is printed and the REPL answers",
          lambda _: t_boot_app(), None)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
