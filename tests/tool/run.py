#!/usr/bin/env python3
"""tests/tool/run.py BOARD: tools/petrel-tool against one boot of a board, the way a
person works on a board through its serial port: many calls, one boot.

mps2-an385: QEMU with its UART on a pseudo-terminal (-serial pty), which petrel-tool
opens as it opens a USB serial port. linux: `petrel -i` on a pseudo-terminal, relayed
to a second one whose path the tool opens (so that the tool can come and go while the
REPL stays, as with a board). Each check is one or more petrel-tool calls; some first
leave the REPL in an awkward state by typing into the port directly (half a line, an
open block), or kill a call half way.

Checks: the raw protocol (every byte value uploaded as it is and read back, checked
by SHA-256; a file with 0x03/0x04 is never run; non-UTF-8 bytes; a file larger than
the board's RAM streamed to the store, ENOSPC naming the path when it is full; raw
mode entered from any state; each call leaves the REPL usable for the next); errors
as one line, never a traceback); the soft reset (petrel-tool soft-reset, before each
run unless resume, and Ctrl-D at a board's prompt): a server, connections and timers
left by an interrupted run are gone (the port refuses, then takes a new listener),
the heap is back to its boot figure, the next exec runs and ends; mount (a host folder
at /remote: an app of 3 files run from it and again after an edit, fs reads and writes
and a binary file both ways by sha256, ENOENT with the path, EIO once the tool was
killed, forgotten after a soft reset). Every step waits
for output or for the tool to end, never for a fixed time. Ends with "N passed, N failed".
"""
import fcntl
import hashlib
import os
import pty
import random
import re
import select
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import termios
import threading
import time
import tty

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
TOOL = os.path.join(TOP, "tools", "petrel-tool")
STEP = float(os.environ.get("PETREL_TOOL_TIMEOUT", "60"))  # the limit of one call (a hang fails)

passed = failed = 0


def result(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   [%s] tool: %s" % (BOARD, name))
    else:
        failed += 1
        print("FAIL [%s] tool: %s" % (BOARD, name))
        for line in str(detail).splitlines()[-14:]:
            print("     | " + line)
    sys.stdout.flush()


def wait_output(fd, marker, timeout=STEP):
    """Reads fd until marker has come; returns what came (raises on timeout)."""
    got = b""
    deadline = time.time() + timeout
    while marker not in got:
        left = deadline - time.time()
        if left <= 0:
            raise TimeoutError("waited for %r, got %r" % (marker, got[-300:]))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                raise EOFError("the port closed while waiting for %r (got %r)" % (marker, got[-300:]))
            got += chunk
    return got


class Qemu:
    """mps2-an385 in QEMU, its UART on a pseudo-terminal."""

    def __init__(self):
        image = os.path.join(TOP, "build", BOARD, "petrel")
        s = socket.socket()  # a free host port for the forward to the board's BOOT_PORT
        s.bind(("127.0.0.1", 0))
        self.host_port = s.getsockname()[1]
        s.close()
        self.proc = subprocess.Popen(
            ["qemu-system-arm", "-M", "mps2-an385", "-cpu", "cortex-m3", "-display", "none", "-nodefaults",
             "-serial", "pty", "-semihosting-config", "enable=on,target=native",
             "-nic", "user,hostfwd=tcp:127.0.0.1:%d-:%d" % (self.host_port, BOOT_PORT), "-kernel", image],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        text = wait_output(self.proc.stdout.fileno(), b"(label serial0)")
        self.path = re.search(rb"(/dev/pts/\d+)", text).group(1).decode()
        self.root = "/"

    def close(self):
        self.proc.kill()
        self.proc.wait()


class Local:
    """`petrel -i` on pty A; pty B relays to it, and B's path is the port."""

    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="petrel-tool-test-")
        ma, sa = pty.openpty()
        tty.setraw(sa)

        def own_terminal():
            os.setsid()
            fcntl.ioctl(sa, termios.TIOCSCTTY, 0)
        env = os.path.join(TOP, "build", BOARD, "board.env")
        prefix = ""
        for line in open(env):
            if line.startswith("RUN_PREFIX="):
                prefix = line.split("=", 1)[1].strip().strip("'\"")
        argv = shlex.split(prefix) + [os.path.join(TOP, "build", BOARD, "petrel"), "-i"]
        self.proc = subprocess.Popen(argv, stdin=sa, stdout=sa, stderr=sa, cwd=self.tmp, close_fds=True,
                                     preexec_fn=own_terminal)
        os.close(sa)
        mb, sb = pty.openpty()
        tty.setraw(sb)
        self.path = os.ttyname(sb)
        self.keep = sb  # held open: the relay's master keeps working between the tool's calls
        self.ma, self.mb = ma, mb
        self.root = self.tmp + "/"
        self.stop = False
        threading.Thread(target=self.relay, daemon=True).start()

    def relay(self):
        while not self.stop:
            r, _, _ = select.select([self.ma, self.mb], [], [], 0.5)
            for src, dst in ((self.ma, self.mb), (self.mb, self.ma)):
                if src in r:
                    try:
                        data = os.read(src, 4096)
                    except OSError:
                        return
                    if not data:
                        return
                    os.write(dst, data)

    def close(self):
        self.stop = True
        self.proc.kill()
        self.proc.wait()


def tool(*args, timeout=STEP, opts=(), device=None):
    """One call: (exit status, stdout bytes, stderr text)."""
    p = subprocess.run([sys.executable, TOOL] + list(opts) + [device or DEV.path] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE,
                       timeout=timeout, env=dict(os.environ, PETREL_TOOL_TIMEOUT=str(STEP)))
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def check(name, fn):
    try:
        ok, detail = fn()
    except Exception as e:  # a hang or a crash of the test itself fails this check only
        ok, detail = False, "%s: %s" % (type(e).__name__, e)
    result(name, ok, detail)


def show(rc, out, err):
    return "exit %d\nstdout: %r\nstderr: %s" % (rc, out[-400:], err[-800:])


def poke(data, until):
    """Types into the port directly (no tool), then waits for the board's answer."""
    fd = os.open(DEV.path, os.O_RDWR | os.O_NOCTTY)
    try:
        tty.setraw(fd)
        # QEMU notices a new reader of its pty within a second and drops the output
        # until then: Ctrl-E (end of line, a redraw of the prompt's line) until it answers.
        while True:
            os.write(fd, b"\x05")
            try:
                wait_output(fd, b"> ", timeout=1.5)
                break
            except TimeoutError:
                pass
        os.write(fd, data)
        return wait_output(fd, until)
    finally:
        os.close(fd)


BOOT_PORT = 7400  # the boot app's server (forwarded from a host port on mps2-an385)
BOOT_THROWS = "console.log('main starts');\nfunction f() { throw new Error('boom'); }\nf();\n"
BOOT_SPINS = "console.log('spinning');\nfor (;;) {}\n"
BOOT_TIMER_SPINS = "setTimeout(function () { console.log('spinning'); for (;;) {} }, 10);\n"
BOOT_SERVES = ("var n = 0;\nrequire('net').createServer(function (c) { c.end('hello ' + (++n) + '\\n'); })\n"
               "  .listen(%d, function () { console.log('serving'); });\n" % BOOT_PORT)


def ctrl_d_boot(until):
    """Ctrl-D at the prompt: the soft reset, then the boot app; returns the board's output
    up to `until`, and the port, still open (the caller closes it)."""
    fd = os.open(DEV.path, os.O_RDWR | os.O_NOCTTY)
    tty.setraw(fd)
    while True:  # as poke: QEMU drops output until it has noticed the reader
        os.write(fd, b"\x05")
        try:
            wait_output(fd, b"> ", timeout=1.5)
            break
        except TimeoutError:
            pass
    os.write(fd, b"\x04")
    return wait_output(fd, until), fd


HEAP = "process.memoryUsage().heapUsed"
# What a soft reset may leave above the boot figure: made once, on the first use of the
# network, and never again (no cycle grows it): the property names C passes as literals,
# which Duktape's literal cache (DUK_USE_LITCACHE_SIZE) keeps for good, the string
# table grown, the bindings net uses.
HEAP_TOLERANCE = 8 * 1024
HEAP_CYCLE = 1024  # what a second cycle of the same may add to the first

# A run that leaves everything open: a server, three connections that echoed a line,
# timers (an unref'd one that would print if it survived), an immediate chain, ticks,
# globals and a required module of its own; it prints "ready PORT HEAP" and runs on.
BUSY = """
var net = require('net'), lib = require('%(root)slib.js');
globalThis.leftover = [];
for (var i = 0; i < 1000; i++) leftover.push('item ' + i);
var conns = [], echoed = 0, srv = net.createServer(function (c) { c.pipe(c); conns.push(c); });
srv.listen(%(port)d, '127.0.0.1', function () {
  for (var i = 0; i < 3; i++) {
    var c = net.connect(%(port)d, '127.0.0.1', function () { this.write('hi'); });
    c.on('data', function () {
      if (++echoed === 3) console.log('ready ' + srv.address().port + ' ' + process.memoryUsage().heapUsed);
    });
    conns.push(c);
  }
});
setInterval(function () { lib.n++; }, 5);
setInterval(function () { console.log('STALE interval'); }, 7).unref();
setTimeout(function () { console.log('STALE timeout'); }, 60000);
(function again() { setImmediate(function () { process.nextTick(function () {}); setTimeout(again, 3); }); })();
process.on('exit', function () { console.log('STALE exit listener'); });
"""

# After a reset: the old port refuses, then takes a listener of its own, which echoes
# once; the first run's globals are gone; a last 50 ms timer gives a stale timer the
# room to show itself. Prints "clean".
AFTER = """
var net = require('net'), out = [];
var c = net.connect(%(port)d, '127.0.0.1');
c.on('connect', function () { console.log('the old server answered'); c.destroy(); });
c.on('error', function (e) {
  out.push(e.code);
  var s = net.createServer(function (k) { k.pipe(k); }).listen(%(port)d, '127.0.0.1', function () {
    var d = net.connect(%(port)d, '127.0.0.1', function () { d.end('ok'); });
    d.on('data', function (b) { out.push(String(b)); });
    d.on('close', function () {
      s.close();
      setTimeout(function () {
        console.log(out.join(' '), typeof leftover, typeof lib, 'clean');
      }, 50);
    });
  });
});
"""


def busy_run(port):
    """Starts BUSY through a tool call, waits for its "ready", kills the call (so the
    run is interrupted, its handles left open); returns (port, heap with the handles)."""
    p = subprocess.Popen([sys.executable, TOOL, DEV.path, "exec", BUSY % {"root": DEV.root, "port": port}],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        got = wait_output(p.stdout.fileno(), b"\n", timeout=2 * STEP)
        while not re.search(rb"ready \d+ \d+\n", got):
            got += wait_output(p.stdout.fileno(), b"\n", timeout=2 * STEP)
    finally:
        p.kill()
        p.wait()
    m = re.search(rb"ready (\d+) (\d+)", got)
    return int(m.group(1)), int(m.group(2))


def heap_after_reset():
    rc, out, err = tool("soft-reset", "+", "eval", HEAP)
    if rc != 0 or not out.strip().isdigit():
        raise RuntimeError("soft-reset + eval: " + show(rc, out, err))
    return int(out.strip())


def after_ok(rc, out):
    return rc == 0 and out == b"ECONNREFUSED ok undefined undefined clean\n"


def one_line_error(rc, err, pattern):
    lines = err.strip().splitlines()
    return rc == 1 and len(lines) == 1 and re.search(pattern, lines[0]) is not None and "Traceback" not in err


MOUNT_READS = """var fs = require('fs');
console.log(process.cwd(), fs.readdirSync('/remote').sort().join(','), fs.readdirSync('lib').sort().join(','));
console.log(JSON.stringify(fs.readFileSync('/remote/lib/b.js', 'utf8')), fs.statSync('lib/a.js').isFile(),
  fs.statSync('lib').isDirectory(), fs.existsSync('nope.js'));
try { fs.readFileSync('/remote/lib/nope.txt'); } catch (e) { console.log(e.code, e.message); }
try { require('./lib/nope'); } catch (e) { console.log(e.code); }
console.log(fs.statfsSync('/remote').blocks > 0, fs.statfsSync('lib').bsize > 0);
"""
MOUNT_BINARY = """var fs = require('fs');
var b = fs.readFileSync('/remote/blob.bin');
fs.writeFileSync('/remote/out/blob-copy.bin', b);
fs.writeFileSync('%(root)sblob-copy.bin', b);
fs.mkdirSync('out/sub');
fs.writeFileSync('out/sub/t.txt', 'one');
fs.appendFileSync('out/sub/t.txt', ' two');
fs.renameSync('out/sub/t.txt', 'out/t2.txt');
fs.rmdirSync('out/sub');
fs.unlinkSync('/remote/gone.txt');
try { fs.renameSync('/remote/out/t2.txt', '%(root)st2.txt'); } catch (e) { console.log(e.code); }
console.log(b.length, fs.readdirSync('out').sort().join(','));
"""
MOUNT_GONE = """var fs = require('fs');
setInterval(function () {
  try { fs.readFileSync('/remote/lib/b.js'); console.log('read ok'); }
  catch (e) { console.log(e.code + ': ' + e.message); }
}, 200);
"""


def mount_checks(work, emulated):
    """petrel-tool mount: a host folder read and written live at /remote."""
    app = os.path.join(work, "mnt")
    os.makedirs(os.path.join(app, "lib"))
    os.makedirs(os.path.join(app, "out"))

    def write(name, text):
        with open(os.path.join(app, name), "w") as f:
            f.write(text)
    write("main.js", "var a = require('./lib/a.js');\nconsole.log('main', a.v, a.b, process.argv[2]);\n")
    write("lib/a.js", "exports.v = 'A1';\nexports.b = require('./b').name;\n")
    write("lib/b.js", "exports.name = 'bee';\n")

    def app_runs():
        rc, out, err = tool("mount", app, "+", "run", os.path.join(app, "main.js"), "x1")
        if rc != 0 or out != b"main A1 bee x1\n":
            return False, show(rc, out, err)
        write("lib/a.js", "exports.v = 'A2';\nexports.b = require('./b').name;\n")  # an edit on the host
        rc, out, err = tool("mount", app, "+", "run", os.path.join(app, "main.js"), "x2", "+",
                            "exec", "console.log(require('./lib/a.js').v)")
        return rc == 0 and out == b"main A2 bee x2\nA2\n", show(rc, out, err)
    check("mount: a 3-file app runs from the host folder; an edit on the host shows in the next run", app_runs)

    def reads():
        rc, out, err = tool("mount", app, "+", "exec", MOUNT_READS, "+", "eval", "require('./lib/b.js').name")
        want = (b"/remote lib,main.js,out a.js,b.js\n\"exports.name = 'bee';\\n\" true true false\n"
                b"ENOENT ENOENT: no such file or directory, open '/remote/lib/nope.txt'\nMODULE_NOT_FOUND\ntrue true\n'bee'\n")
        return rc == 0 and out == want, show(rc, out, err) + "\nwant %r" % want
    check("mount: readdirSync, readFileSync, statSync, statfsSync of mounted files; ENOENT names the path; a REPL "
          "entry's relative require is the folder's", reads)

    def after_reset():  # a board through its port; on linux a cmd: device (`petrel -i` cannot reset itself)
        dev = None if emulated else "cmd:" + os.path.join(TOP, "build", BOARD, "petrel") + " -i"
        rc, out, err = tool("mount", app, "+", "reset", "+", "exec",
                            "console.log(process.cwd(), require('fs').readFileSync('lib/b.js', 'utf8').length)",
                            device=dev)
        return rc == 0 and out == b"/remote 22\n", show(rc, out, err)
    check("mount: a reset in the chain (the device forgets the mount): the folder is served again after it",
          after_reset)

    rnd = random.Random(2424)
    blob = bytes(range(256)) + bytes(rnd.randrange(256) for _ in range(6000)) + b"\x18M\x03\x04\x18"
    with open(os.path.join(app, "blob.bin"), "wb") as f:
        f.write(blob)
    write("gone.txt", "x")

    def binary():
        rc, out, err = tool("mount", app, "+", "exec", MOUNT_BINARY % {"root": DEV.root}, "+", "sha256sum",
                            DEV.root + "blob-copy.bin")
        want = hashlib.sha256(blob).hexdigest()
        with open(os.path.join(app, "out", "blob-copy.bin"), "rb") as f:
            back = hashlib.sha256(f.read()).hexdigest()
        with open(os.path.join(app, "out", "t2.txt")) as f:
            t2 = f.read()
        lines = out.split(b"\n")
        ok = (rc == 0 and lines[:2] == [b"EXDEV", b"%d blob-copy.bin,t2.txt" % len(blob)] and lines[2].startswith(want.encode())
              and back == want and t2 == "one two" and not os.path.exists(os.path.join(app, "gone.txt"))
              and not os.path.exists(os.path.join(app, "out", "sub")))
        return ok, show(rc, out, err) + "\nwant %s, host copy %s" % (want, back)
    check("mount: a binary file read from the host and written back (sha256 both ways); writeFile, append, "
          "mkdir, rename, rmdir, unlink on the host", binary)

    def tool_gone():
        # The tool goes away (killed, as one unplugged) while the board reads the folder
        # every 200 ms: the board does not wait for it for ever; the call fails with EIO
        # naming the path, and so do later ones, at once, and the next call is answered.
        p = subprocess.Popen([sys.executable, TOOL, DEV.path, "mount", app, "+", "exec", MOUNT_GONE],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            got = wait_output(p.stdout.fileno(), b"read ok\n")
        finally:
            p.kill()
            p.wait()
        rc, out, err = tool("eval", "(function () { try { require('fs').readFileSync('/remote/lib/b.js'); return 'read'; }"
                            " catch (e) { return e.code + ' ' + e.path; } })()", "+", "soft-reset", "+", "exec",
                            "console.log(require('fs').existsSync('/remote/lib/b.js'), process.cwd() !== '/remote')")
        return rc == 0 and out == b"'EIO /remote/lib/b.js'\nfalse true\n", repr(got[-300:]) + "\n" + show(rc, out, err)
    check("mount: the tool killed while the board reads the folder: EIO with the path, no hang; after a "
          "soft reset /remote is gone", tool_gone)
def df_figures(out):
    """df's lines -> [(size, used, avail, files, ffree)] of each table in out."""
    rows = re.findall(rb"^ *(\d+) +(\d+) +(\d+) +\d+% +(\d+) +(\d+)$", out, re.M)
    return [tuple(int(x) for x in r) for r in rows]


def files_checks(work, emulated):
    """ls, mkdir, rm, df: in one chain, their errors, rm -r of a tree."""
    R = DEV.root
    rnd = random.Random(7)
    noise = bytes(rnd.randrange(256) for _ in range(3000))  # does not pack
    p = os.path.join(work, "noise.bin")
    with open(p, "wb") as f:
        f.write(noise)
    t = R + "tree"

    def chained():
        rc, out, err = tool("df", R, "+", "mkdir", t, "+", "mkdir", t + "/sub", "+", "cp", p, ":" + t + "/a.bin",
                            "+", "cp", p, ":" + t + "/sub/b.bin", "+", "ls", t, "+", "ls", ":" + t + "/sub", "+",
                            "df", R, "+", "rm", t + "/sub/b.bin", "+", "ls", t + "/sub", "+", "rm", t + "/a.bin",
                            "+", "ls", t, "+", "rmdir", t + "/sub", "+", "ls", t, "+", "rm", "-r", t, "+", "df", R,
                            "+", "eval", "'end'")
        want = (b"      3000 a.bin\n         - sub/\n"  # ls tree
                b"      3000 b.bin\n"                     # ls tree/sub
                b""                                       # ls tree/sub, emptied
                b"         - sub/\n"                      # ls tree, a.bin removed
                b"")                                      # ls tree: rmdir of the empty folder
        listed = re.sub(rb" *Size +Used +Avail +Use% +Files +FFree\n *\d+ +\d+ +\d+ +\d+% +\d+ +\d+\n", b"", out)
        ok = rc == 0 and listed == want + b"'end'\n"
        figs = df_figures(out)
        ok = ok and len(figs) == 3 and all(f[0] > 0 and f[1] + f[2] <= f[0] for f in figs)
        if ok and emulated:  # the store's own figures: two files of 3000 bytes and two folders
            before, full, after = figs
            ok = full[1] - before[1] == 6000 and before[4] - full[4] == 4 and after == before
        return ok, show(rc, out, err) + "\ndf: %s" % figs
    check("mkdir, cp, ls, df, rm, rmdir, rm -r: one chain in one boot", chained)

    def errors():
        bad = []
        for args, pattern in (
                (("ls", R + "nope"), r"^petrel-tool: ENOENT: no such file or directory, scandir '.*nope'$"),
                (("ls", R + "nope/deeper"), r"^petrel-tool: ENOENT: no such file or directory, scandir '.*nope/deeper'$"),
                (("rm", R + "nope"), r"^petrel-tool: ENOENT: no such file or directory, unlink '.*nope'$"),
                (("rm", "-r", R + "nope"), r"^petrel-tool: ENOENT: no such file or directory, unlink '.*nope'$"),
                (("mkdir", R + "nope/sub"), r"^petrel-tool: ENOENT: no such file or directory, mkdir '.*nope/sub'$"),
                (("df", R + "nope"), r"^petrel-tool: ENOENT: no such file or directory, statfs '.*nope'$"),
                (("mkdir", R + "d", "+", "mkdir", R + "d"), r"^petrel-tool: EEXIST: file already exists, mkdir '.*d'$"),
                (("rm", R + "d"), r"^petrel-tool: EISDIR: illegal operation on a directory, unlink '.*d' "
                                  r"\(rm -r removes a directory\)$"),
                (("cp", p, ":" + R + "d/f", "+", "rmdir", R + "d"),
                 r"^petrel-tool: ENOTEMPTY: directory not empty, rmdir '.*d'$"),
                (("rmdir", R + "d/f"), r"^petrel-tool: ENOTDIR: not a directory, rmdir '.*d/f'$"),
                (("ls", R + "bad\x01name"), r"^petrel-tool: bad remote path"),
                (("rm",), r"^petrel-tool: rm: want rm \[-r\] PATH"),
                (("mkdir", R + "d/f/under"), r"^petrel-tool: ENOTDIR: not a directory, mkdir '.*d/f/under'$")):
            rc, out, err = tool(*args)
            if not one_line_error(rc, err, pattern):
                bad.append(" ".join(args) + ": " + show(rc, out, err))
        rc, out, err = tool("rm", "-r", R + "d", "+", "ls", R, "+", "eval", "'fine'")
        if rc != 0 or not out.endswith(b"'fine'\n") or b" d/" in out:
            bad.append(show(rc, out, err))
        return not bad, "\n".join(bad)
    check("ls, rm, mkdir, df of missing paths and the like: one line with node's code and the path", errors)

    def tree():
        rc0, before, err0 = tool("df", R)
        args = ["mkdir", "-p", t + "/a/b/c", "+", "mkdir", t + "/a/e"]
        for i, d in enumerate(["", "/a", "/a/b", "/a/b/c", "/a/e"]):
            args += ["+", "cp", p, ":" + t + d + "/f%d.bin" % i]
        args += ["+", "ls", t + "/a/b", "+", "rm", "-r", t + "/a", "+", "ls", t, "+", "rm", "-r", t, "+", "ls", R,
                 "+", "df", R]
        rc, out, err = tool(*args)
        ok = rc0 == 0 and rc == 0 and out.startswith(b"         - c/\n      3000 f2.bin\n      3000 f0.bin\n") \
            and b"tree" not in out.split(b"f0.bin\n", 1)[-1]
        if ok and emulated:  # the store has every byte and entry back
            ok = df_figures(out)[-1] == df_figures(before)[0]
        return ok, show(rc, out, err) + "\nbefore: %r" % before
    check("rm -r of a tree of folders and files (mkdir -p made it): all gone, the store's room back", tree)


def devices_checks(work, emulated):
    """devs, the default device (the first USB serial port), reset."""
    env = dict(os.environ, PETREL_TOOL_TIMEOUT=str(STEP))
    env.pop("PETREL_DEVICE", None)

    def run(args, ports):
        p = subprocess.run([sys.executable, TOOL] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=STEP,
                           env=dict(env, PETREL_TOOL_PORTS=ports))
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")

    def devs():
        # PETREL_TOOL_PORTS stands for /dev/ttyACM* /dev/ttyUSB* (none here): the port
        # is the test's pty, after a glob that matches nothing
        ports = "/dev/petrel-none* " + DEV.path
        rc, out, err = run(["devs"], ports)
        rc2, out2, err2 = run(["eval", "'found'"], ports)  # no DEVICE, no PETREL_DEVICE: the first port
        rc3, out3, err3 = run(["eval", "1"], "/dev/petrel-none*")
        ok = rc == 0 and out == (DEV.path + " - - - -\n").encode() and rc2 == 0 and out2 == b"'found'\n" and \
            one_line_error(rc3, err3, r"^petrel-tool: no device: .*plug a board in \(none of /dev/petrel-none\*\)$")
        return ok, "\n".join(show(*x) for x in ((rc, out, err), (rc2, out2, err2), (rc3, out3, err3)))
    check("devs lists the serial ports; without DEVICE the first one is used; none: a one-line error", devs)

    if emulated:
        def reset():
            rc, out, err = tool("cp", os.path.join(work, "noise.bin"), ":/kept.bin", "+", "exec", "globalThis.left = 1", "+", "reset", "+",
                                "eval", "typeof left", "+", "ls", "/", "+", "eval", "process.uptime() < 5")
            rc2, out2, err2 = tool("eval", "'after'")
            return rc == 0 and out == b"'undefined'\ntrue\n" and rc2 == 0 and out2 == b"'after'\n", \
                show(rc, out, err) + "\n" + show(rc2, out2, err2)
        check("reset: the board restarts (SYSRESETREQ): globals and the RAM store are gone, the chain goes on",
              reset)

        def reset_qemu():  # qemu:ELF: the tool's own QEMU, started again
            dev = "qemu:" + os.path.join(TOP, "build", BOARD, "petrel")
            p = subprocess.run([sys.executable, TOOL, dev, "cp", os.path.join(work, "noise.bin"), ":/kept.bin", "+",
                                "exec", "globalThis.left = 1", "+", "reset", "+", "eval", "typeof left", "+", "ls"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=2 * STEP, env=env)
            return p.returncode == 0 and p.stdout == b"'undefined'\n", \
                show(p.returncode, p.stdout, p.stderr.decode())
        check("reset of a qemu: device starts QEMU again (the RAM store is empty, as a real part's)", reset_qemu)
    else:
        def reset_refused():
            rc, out, err = tool("exec", "globalThis.left = 1", "+", "reset")
            rc2, out2, err2 = tool("eval", "typeof left")
            return one_line_error(rc, err, r"^petrel-tool: reset: the device cannot reset itself \(ENOSYS") and \
                rc2 == 0 and out2 == b"'number'\n", show(rc, out, err) + "\n" + show(rc2, out2, err2)
        check("reset of `petrel -i` through a port: a one-line error, nothing lost", reset_refused)

        def reset_cmd():
            cmd = "cmd:" + os.path.join(TOP, "build", BOARD, "petrel") + " -i"
            p = subprocess.run([sys.executable, TOOL, cmd, "exec", "globalThis.left = 1", "+", "eval", "typeof left",
                                "+", "reset", "+", "eval", "typeof left"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=STEP, env=env)
            return p.returncode == 0 and p.stdout == b"'number'\n'undefined'\n", \
                show(p.returncode, p.stdout, p.stderr.decode())
        check("reset of a cmd: device starts it again", reset_cmd)


def main():
    global BOARD, DEV
    BOARD = sys.argv[1] if len(sys.argv) > 1 else "linux"
    if not os.path.exists(os.path.join(TOP, "build", BOARD, "petrel")):
        print("no build of %s (make BOARD=%s)" % (BOARD, BOARD))
        print("0 passed, 1 failed")
        return 1
    emulated = "EMULATION='system'" in open(os.path.join(TOP, "build", BOARD, "board.env")).read()
    work = tempfile.mkdtemp(prefix="petrel-tool-files-")
    DEV = Qemu() if emulated else Local()
    R = DEV.root
    try:
        def first():
            rc, out, err = tool("eval", "6 * 7")
            return rc == 0 and out.strip() == b"42", show(rc, out, err)
        check("eval in a fresh boot", first)

        boot_heap = heap_after_reset()  # the boot figure: what a fresh board holds, collected
        with open(os.path.join(work, "lib.js"), "w") as f:
            f.write("exports.n = 0;\n")
        rc, out, err = tool("cp", os.path.join(work, "lib.js"), ":" + R + "lib.js")
        if rc != 0:
            print(show(rc, out, err))

        def second():  # each call left raw mode: the next one finds the REPL at once
            rc, out, err = tool("exec", "console.log('again')")
            rc2, out2, err2 = tool("eval", "'third'")
            return rc == 0 and out == b"again\n" and rc2 == 0 and out2.strip() == b"'third'", \
                show(rc, out, err) + "\n" + show(rc2, out2, err2)
        check("second and third call in the same boot", second)

        rnd = random.Random(24)
        trap = b"\x03globalThis_RAN = 1; console.log('EXECUTED')\x04"
        blob = bytes(range(256)) + bytes(rnd.randrange(256) for _ in range(256)) + trap + b"\x04\x03\x02\x01\x00"
        local = os.path.join(work, "bytes.bin")
        with open(local, "wb") as f:
            f.write(blob)

        def binary():
            rc, out, err = tool("cp", local, ":" + R + "bytes.bin")
            if rc != 0:
                return False, show(rc, out, err)
            rc, out, err = tool("sha256sum", R + "bytes.bin")
            want = hashlib.sha256(blob).hexdigest()
            if rc != 0 or not out.startswith(want.encode()):
                return False, "want %s\n%s" % (want, show(rc, out, err))
            back = os.path.join(work, "back.bin")
            rc, out, err = tool("cp", ":" + R + "bytes.bin", back)
            same = rc == 0 and open(back, "rb").read() == blob
            rc2, out2, err2 = tool("eval", "typeof globalThis_RAN")
            return same and out2.strip() == b"'undefined'" and b"EXECUTED" not in out, \
                show(rc, out, err) + "\n" + show(rc2, out2, err2)
        check("every byte 0x00-0xff and a 0x03 ... 0x04 trap: stored byte-exact, sha256, read back, never run",
              binary)

        def not_utf8():
            data = b"\xff\xfe\x80 not UTF-8 \xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80\n" * 40
            p = os.path.join(work, "latin.txt")
            with open(p, "wb") as f:
                f.write(data)
            rc, out, err = tool("cp", p, ":" + R + "latin.txt", "+", "cat", ":" + R + "latin.txt")
            return rc == 0 and out == data, show(rc, out, err)
        check("a file that is not UTF-8 round-trips", not_utf8)

        def mid_line():
            poke(b"var half = 1 +", b"1 +")
            rc, out, err = tool("eval", "1 + 1")
            return rc == 0 and out.strip() == b"2", show(rc, out, err)
        check("raw mode entered from the middle of a typed line", mid_line)

        def open_block():
            poke(b"function pending() {\r", b"... ")
            rc, out, err = tool("eval", "typeof pending")
            return rc == 0 and out.strip() == b"'undefined'", show(rc, out, err)
        check("raw mode entered inside a multi-line entry (which is dropped)", open_block)

        def half_sent():  # a request cut off half way: its bytes are dropped, not run
            poke(b"\x01//@petrel:put 0 10 " + R.encode() + b"half.bin\nAAAA", b"raw REPL; CTRL-B to exit\r\n>")
            rc, out, err = tool("eval", "'after'")
            return rc == 0 and out.strip() == b"'after'", show(rc, out, err)
        check("raw mode entered while a request was half received (a tool killed mid-upload)", half_sent)

        def killed_run():
            p = subprocess.Popen([sys.executable, TOOL, DEV.path, "exec",
                                  "console.log('spinning'); setInterval(function () {}, 1000)"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                wait_output(p.stdout.fileno(), b"spinning")
            finally:
                p.kill()
                p.wait()
            rc, out, err = tool("eval", "2 + 2")
            return rc == 0 and out.strip() == b"4", show(rc, out, err)
        check("the call after one killed during a run (the run is interrupted)", killed_run)

        def killed_spin():  # Ctrl-C interrupts a run's callbacks too
            p = subprocess.Popen([sys.executable, TOOL, DEV.path, "exec",
                                  "setTimeout(function () { console.log('spinning'); for (;;) {} }, 5)"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                wait_output(p.stdout.fileno(), b"spinning")
            finally:
                p.kill()
                p.wait()
            rc, out, err = tool("eval", "3 + 3")
            return rc == 0 and out.strip() == b"6", show(rc, out, err)
        if emulated:  # a board's UART flags Ctrl-C as it arrives; `petrel -i` reads it between callbacks
            check("the call after one killed during a run spinning in a timer (Ctrl-C interrupts the callback)",
                  killed_spin)

        big_size = 300 * 1024  # more than the board's RAM (256 KiB on mps2-an385)
        big = bytes(rnd.randrange(256) for _ in range(big_size))
        bigp = os.path.join(work, "big.bin")
        with open(bigp, "wb") as f:
            f.write(big)
        if emulated:
            def too_big():
                rc, out, err = tool("cp", bigp, ":" + R + "big.bin", timeout=4 * STEP)
                ok = one_line_error(rc, err, r"ENOSPC: no space left on device, write '/big\.bin'")
                rc2, out2, err2 = tool("sha256sum", R + "big.bin", "+", "eval", "'still here'")
                empty = hashlib.sha256(b"").hexdigest().encode()
                return ok and rc2 == 0 and out2.startswith(empty) and out2.endswith(b"'still here'\n"), \
                    show(rc, out, err) + "\n" + show(rc2, out2, err2)
            check("a file larger than RAM streams in chunks until the store is full: ENOSPC names it", too_big)

            def fits():  # the store has its room back: 48 KiB of random bytes go in chunks
                data = big[:48 * 1024]
                p = os.path.join(work, "fits.bin")
                with open(p, "wb") as f:
                    f.write(data)
                rc, out, err = tool("cp", p, ":" + R + "fits.bin", "+", "sha256sum", R + "fits.bin", timeout=4 * STEP)
                return rc == 0 and out.startswith(hashlib.sha256(data).hexdigest().encode()), show(rc, out, err)
            check("after ENOSPC the store takes a 48 KiB file in chunks", fits)
        else:
            def streamed():
                rc, out, err = tool("cp", bigp, ":" + R + "big.bin", "+", "sha256sum", R + "big.bin",
                                    timeout=4 * STEP)
                same = os.path.exists(R + "big.bin") and open(R + "big.bin", "rb").read() == big
                return rc == 0 and same and out.startswith(hashlib.sha256(big).hexdigest().encode()), show(rc, out, err)
            check("a 300 KiB file streams in chunks, checked by sha256", streamed)

        def errors():
            bad = []
            rc, out, err = tool("cat", ":" + R + "nope.txt")
            if not one_line_error(rc, err, r"^petrel-tool: ENOENT: no such file or directory, open '.*nope\.txt'$"):
                bad.append(show(rc, out, err))
            rc, out, err = tool("cp", local, ":" + R + "bytes.bin/under/a/file")
            if not one_line_error(rc, err, r"^petrel-tool: E[A-Z]+: .*bytes\.bin/under/a/file'$"):
                bad.append(show(rc, out, err))
            rc, out, err = tool("cp", os.path.join(work, "missing.js"), ":" + R + "x.js")
            if not one_line_error(rc, err, r"^petrel-tool: cp: .*missing\.js: no such file$"):
                bad.append(show(rc, out, err))
            rc, out, err = tool("cp", local, ":" + R + "bad\x01name")
            if not one_line_error(rc, err, r"^petrel-tool: bad remote path"):
                bad.append(show(rc, out, err))
            rc, out, err = tool("frobnicate")
            if not one_line_error(rc, err, r"^petrel-tool: unknown command frobnicate"):
                bad.append(show(rc, out, err))
            p = subprocess.run([sys.executable, TOOL, "/dev/no-such-port", "eval", "1"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=STEP)
            if not one_line_error(p.returncode, p.stderr.decode(), r"^petrel-tool: no device /dev/no-such-port"):
                bad.append(show(p.returncode, p.stdout, p.stderr.decode()))
            rc, out, err = tool("eval", "'fine'")
            if rc != 0 or out.strip() != b"'fine'":
                bad.append(show(rc, out, err))
            return not bad, "\n".join(bad)
        check("bad paths and errors: one line each, no traceback, the REPL still answers", errors)
        # The soft reset, last: a run's peak leaves malloc's memory where it grew (the
        # store above, on a board, then has less room), which the checks of the store
        # above do not expect. The files they left are emptied first.
        if emulated:
            empty = os.path.join(work, "empty.bin")
            open(empty, "wb").close()
            rc, out, err = tool("cp", empty, ":" + R + "big.bin", "+", "cp", empty, ":" + R + "fits.bin")
            if rc != 0:
                print(show(rc, out, err))

        def soft_reset():
            figures = [boot_heap]
            for cycle in range(2):
                port, busy = busy_run(7311 + cycle)
                after = heap_after_reset()
                figures += [busy, after]
                if busy < boot_heap + 20000 or abs(after - boot_heap) > HEAP_TOLERANCE or \
                        (cycle and abs(after - figures[2]) > HEAP_CYCLE):
                    return False, "heap: %s, with the handles %d, after the soft reset %d" % (figures[:-2], busy, after)
                rc, out, err = tool("exec", AFTER % {"port": port})
                if not after_ok(rc, out):
                    return False, show(rc, out, err)
            print("     heap: boot %d; with a server, 6 connections and timers %d, after soft-reset %d; "
                  "again %d, %d" % tuple(figures))
            return True, ""
        check("soft-reset after an interrupted run left a server, connections and timers: the port is free, "
              "the heap back to its boot figure, the next exec runs and ends", soft_reset)

        def run_resets(resume):
            port, _ = busy_run(7313)
            app = os.path.join(work, "listen.js")
            with open(app, "w") as f:
                f.write("var s = require('net').createServer().listen(%d, '127.0.0.1', function () {\n"
                        "  console.log('listening'); s.close(); });\n" % port)
            args = (["resume", "+"] if resume else []) + ["run", app]
            rc, out, err = tool(*args, opts=["--no-build"])
            if resume:  # the old server still has the port
                ok = rc == 1 and "EADDRINUSE" in err and out == b""
                rc2, out2, err2 = tool("soft-reset", "+", "exec", AFTER % {"port": port})
                return ok and after_ok(rc2, out2), show(rc, out, err) + "\n" + show(rc2, out2, err2)
            return rc == 0 and out == b"listening\n", show(rc, out, err)
        check("run soft-resets first: a server an interrupted run left is gone", lambda: run_resets(False))
        check("resume + run keeps what the interrupted run left (EADDRINUSE)", lambda: run_resets(True))

        mount_checks(work, emulated)

        if emulated:
            def ctrl_d():
                poke(b"var s = require('net').createServer().listen(7315, '127.0.0.1'); 'LISTEN' + 'ING'\r",
                     b"'LISTENING'")
                # the reset's own line: a prompt could be a late redraw from poke's
                # Ctrl-E handshake (two of them answered on a loaded machine)
                got = poke(b"\x04", b"soft reset\r\n")
                rc, out, err = tool("exec", AFTER % {"port": 7315})
                heap = heap_after_reset()
                return b"soft reset\r\n" in got and after_ok(rc, out) and abs(heap - boot_heap) <= HEAP_TOLERANCE, \
                    "%r\n%s\nheap %d (boot %d)" % (got, show(rc, out, err), heap, boot_heap)
            check("Ctrl-D at the board's prompt: a soft reset (a server left from the REPL is gone)", ctrl_d)

            def boot_file(name, text):
                p = os.path.join(work, name)
                with open(p, "w") as f:
                    f.write(text)
                rc, out, err = tool("boot", p)
                if rc != 0:
                    raise RuntimeError("boot %s: %s" % (name, show(rc, out, err)))

            def prompt_after(fd, got):
                """The REPL is up: an entry typed at it is answered."""
                os.write(fd, b"6 * 7\r")
                return got + wait_output(fd, b"42\r\n")

            def boot_throws():
                boot_file("throws.js", BOOT_THROWS)
                got, fd = ctrl_d_boot(b"> ")
                try:
                    got = prompt_after(fd, got)
                finally:
                    os.close(fd)
                want = b"soft reset\r\nmain starts\r\nUncaught Error: boom\r\n    at f (throws.js:2)"
                return want in got and b"6 * 7\r\n42\r\n" in got, repr(got)
            check("a main.js that throws: the error as an uncaught one, then the REPL (after Ctrl-D's soft reset)",
                  boot_throws)

            def boot_spins(text=BOOT_SPINS):
                boot_file("spins.js", text)
                got, fd = ctrl_d_boot(b"spinning\r\n")
                try:
                    os.write(fd, b"\x03")
                    got += wait_output(fd, b"> ")
                    got = prompt_after(fd, got)
                finally:
                    os.close(fd)
                return b"Script execution was interrupted\r\n" in got and b"To exit" not in got, repr(got)
            check("Ctrl-C of a main.js in for(;;){} gives the REPL", boot_spins)
            check("Ctrl-C of a main.js in for(;;){} in a timer gives the REPL", lambda: boot_spins(BOOT_TIMER_SPINS))

            def boot_serves():
                boot_file("serves.js", BOOT_SERVES)
                got, fd = ctrl_d_boot(b"serving\r\n")
                def ask():
                    c = socket.create_connection(("127.0.0.1", DEV.host_port), timeout=STEP)
                    data = b""
                    while True:
                        chunk = c.recv(100)
                        if not chunk:
                            break
                        data += chunk
                    c.close()
                    return data
                try:
                    answers = [ask(), ask()]
                    os.write(fd, b"\x03")  # its end: the REPL, the server still serving
                    got += wait_output(fd, b"> ")
                    got = prompt_after(fd, got)
                    answers.append(ask())
                finally:
                    os.close(fd)
                rc, out, err = tool("soft-reset")  # what it started is gone
                return answers == [b"hello 1\n", b"hello 2\n", b"hello 3\n"] and rc == 0, \
                    "%r %r\n%s" % (answers, got, show(rc, out, err))
            check("a main.js that runs a server: reachable from the host while it runs, and after Ctrl-C "
                  "gave the REPL", boot_serves)

            def boot_clear():
                rc, out, err = tool("boot", "--clear", "+", "ls", "/", "+", "boot", "--clear")
                got, fd = ctrl_d_boot(b"soft reset\r\n")
                try:
                    if not re.search(rb"soft reset\r\n.*> ", got, re.S):
                        got += wait_output(fd, b"> ")
                    got = prompt_after(fd, got)
                finally:
                    os.close(fd)
                return rc == 0 and b"main.js" not in out and b"hello" not in got and b"Uncaught" not in got, \
                    show(rc, out, err) + "\n" + repr(got)
            check("boot --clear: /main.js removed (again: nothing to remove), Ctrl-D's soft reset runs no main.js",
                  boot_clear)
        else:
            def boot_refused():
                p = os.path.join(work, "b.js")
                with open(p, "w") as f:
                    f.write("1;\n")
                rc, out, err = tool("boot", p)
                return one_line_error(rc, err, r"^petrel-tool: boot: the device is not a board"), show(rc, out, err)
            check("boot on a device that is not a board: a one-line error", boot_refused)
        files_checks(work, emulated)
        devices_checks(work, emulated)
    finally:
        DEV.close()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
