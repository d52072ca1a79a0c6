#!/usr/bin/env python3
"""Runs one JS file on the mps2-an385 firmware under QEMU (used by tools/board_run.sh
through run_script.sh): boots build/mps2-an385/petrel, waits for the REPL on the UART,
enters its raw mode, uploads the script -- and the files beside it that a test may
require (see support_files), and a built app's line table (script.lines) -- into the board's RAM
file store, runs it as /<script> with the given arguments, relays its output to stdout
and exits with its exit status. QEMU is always killed at the end.

Paths on the board mirror the script's directory: ./fixtures/a.js becomes /fixtures/a.js
and the script runs with __dirname "/". The raw REPL protocol is tools/petrel-tool's;
the script's stderr goes to stderr.

Environment: PETREL_QEMU_ARGS (extra QEMU arguments), PETREL_MPS2_NET (options added to
`-nic user`, e.g. ",hostfwd=tcp:127.0.0.1:8443-:4433" to reach a board server), PETREL_MPS2_IMAGE
(another firmware image), PETREL_TOOL_TIMEOUT (seconds per step, default 120).
Exit statuses of its own: 124 timeout, 125 QEMU or the REPL failed, 134 the board faulted.
"""
import ctypes
import importlib.machinery
import importlib.util
import os
import shlex
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
UPLOAD_BUDGET = 60 * 1024  # the board's file store holds 64 KiB
SKIP_DIRS = {".git", "__pycache__"}


def load_petrel_tool():
    path = os.path.join(TOP, "tools", "petrel-tool")
    loader = importlib.machinery.SourceFileLoader("petrel_tool", path)
    spec = importlib.util.spec_from_loader("petrel_tool", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def die_with_parent():
    """In QEMU's child process: get SIGKILL if this script dies, whatever the cause."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def support_files(script):
    """Files beside the script that it may require, as (local path, board path): the
    .js/.json files in its subfolders (fixtures/, node_modules/), and the .js/.json
    files in its own folder whose name the script mentions as './name' (a folder of
    conformance cases holds a hundred other scripts that must not fill the store)."""
    base = os.path.dirname(os.path.abspath(script))
    me = os.path.abspath(script)
    with open(me, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    out, total = [], 0
    for root, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for f in sorted(files):
            p = os.path.join(root, f)
            if p == me or not f.endswith((".js", ".json")):
                continue
            if root == base:
                stem = f[:-3] if f.endswith(".js") else f
                if not any(q + "./" + stem + e in text for q in "'\"" for e in ("", ".js", ".json")):
                    continue  # not required by this script (another test or case)
            size = os.path.getsize(p)
            if total + size > UPLOAD_BUDGET:
                continue
            total += size
            out.append((p, "/" + os.path.relpath(p, base).replace(os.sep, "/")))
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: run_script.sh script.js [args...]")
    script, args = sys.argv[1], sys.argv[2:]
    pt = load_petrel_tool()
    image = os.environ.get("PETREL_MPS2_IMAGE", os.path.join(TOP, "build", "mps2-an385", "petrel"))
    cmd = ["qemu-system-arm", "-M", "mps2-an385", "-cpu", "cortex-m3", "-display", "none",
           "-nodefaults", "-serial", "stdio", "-semihosting-config", "enable=on,target=native",
           "-nic", "user" + os.environ.get("PETREL_MPS2_NET", ""), "-kernel", image] + shlex.split(os.environ.get("PETREL_QEMU_ARGS", ""))

    def on_signal(signum, frame):
        raise SystemExit(124 if signum == signal.SIGTERM else 128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
    link = pt.Link(proc.stdout.fileno(), proc.stdin.fileno(), proc)
    status = 125
    out = sys.stdout.buffer

    echo = pt.Demux(out, sys.stderr.buffer)  # the run's stderr comes framed by SO ... SI

    try:
        pt.enter_raw(link)
        uploads = [(script, "/" + os.path.basename(script))] + support_files(script)
        if os.path.exists(script + ".lines"):  # a built app's line table (runtime/linetab.c)
            uploads.append((script + ".lines", "/" + os.path.basename(script) + ".lines"))
        for local, remote in uploads:
            with open(local, "rb") as f:
                content = f.read()
            if b"\x04" in content or b"\x03" in content:
                sys.stderr.write("run_script: %s holds a Ctrl-C/Ctrl-D byte, not uploaded\n" % local)
                continue
            text, st = pt.request(link, b"//@petrel:write " + remote.encode() + b"\n" + content)
            if st != 0:
                echo(text)
                if local == script:
                    return 125
        line = b"//@petrel:run /" + os.path.basename(script).encode()
        if args:
            line += b" " + b" ".join(a.encode() for a in args)
        _, status = pt.request(link, line, echo)
    except (EOFError, TimeoutError) as e:
        # QEMU ended on its own: the board exited (process.exit outside a raw run) or
        # faulted; show what it said last and use its exit status.
        rest = link.buf
        try:
            while link.read_some(0.5):
                rest = link.buf
        except (EOFError, OSError):
            rest = link.buf
        echo(rest)
        try:
            code = proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            code = None
        if isinstance(e, TimeoutError) or code is None:
            sys.stderr.write("run_script: %s\n" % e)
            status = 124 if isinstance(e, TimeoutError) else 125
        else:
            status = code
    finally:
        link.close()
        echo.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
