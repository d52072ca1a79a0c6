#!/usr/bin/env python3
"""Exact instruction profile of the board -> host stream on mps2-an385 (the transfer of
`make bench`'s "board CPU per MiB" row), by function:

  python3 boards/mps2-an385/profile.py [MiB]      (default 1; build the firmware first)

QEMU logs every translated block (-d in_asm: its instructions) and, during the second
of two transfers (the first compiles what the stream uses), every block it executes
(-d exec,nochain). Each block's instructions times its executions, summed per
function: "self"; and on a shadow call stack (a block at a function's first address
is a call, one in a function already on the stack a return to it, one anywhere else
takes the place of the function on top): "incl", with the calls per MiB. Interrupts and
tail calls make "incl" approximate; "self" is exact.
The log takes ~400 MB per MiB under $TMPDIR and is deleted at the end.
"""
import bisect
import collections
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_stream  # noqa: E402  (the board under QEMU and the stream, shared with bench.py)
from qemu_stream import boardtest  # noqa: E402

MB = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
IMAGE = boardtest.IMAGE


def symbols():
    nm = subprocess.run(["arm-none-eabi-nm", "-n", "-S", IMAGE], capture_output=True, text=True, check=True).stdout
    syms = sorted((int(p[0], 16), int(p[1], 16), p[3]) for p in (l.split() for l in nm.splitlines())
                  if len(p) >= 4 and p[2] in "tTwW")
    starts = [s[0] for s in syms]
    cache = {}

    def look(a):
        r = cache.get(a)
        if r is None:
            i = bisect.bisect_right(starts, a) - 1
            r = (syms[i][2], syms[i][0] == a) if i >= 0 and a < syms[i][0] + syms[i][1] else ("?", False)
            cache[a] = r
        return r
    return look


def transfer(b, total):
    qemu_stream.go(b, total)
    b.prompt()


def main():
    log = tempfile.mktemp(prefix="petrel-profile-", suffix=".log")
    b = qemu_stream.boot(["-d", "in_asm,nochain", "-D", log])
    try:
        b.line(qemu_stream.GO)
        total = int(MB * 1048576)
        transfer(b, total)
        b.monitor(b"log in_asm,nochain,exec")
        transfer(b, total)
        b.monitor(b"log in_asm,nochain")
    finally:
        b.close()
    look = symbols()
    size, seq, cur = {}, [], None
    try:
        with open(log, errors="replace") as f:
            for line in f:
                if line.startswith("Trace "):
                    m = re.search(r"\[[0-9a-f]+/([0-9a-f]+)/", line)
                    if m:
                        seq.append(int(m.group(1), 16))
                elif line.startswith("IN:"):
                    cur = None
                elif line.startswith("0x"):
                    a = int(line[:10], 16)
                    if cur is None:
                        cur = a
                        size[a] = 0
                    size[cur] += 1
    finally:
        os.unlink(log)
    # The stack starts at the reset handler's C part (main and the event loop, inlined
    # into it): a return to it pops whatever the log began in the middle of.
    own, incl, calls, stack = collections.Counter(), collections.Counter(), collections.Counter(), ["reset_c"]
    for pc in seq:
        fn, entry = look(pc)
        n = size.get(pc, 1)
        own[fn] += n
        if not stack or stack[-1] != fn:
            if entry:
                calls[fn] += 1
                stack.append(fn)
            elif fn in stack:
                while stack[-1] != fn:
                    stack.pop()
            elif len(stack) > 1:  # a jump into another function's body (shared code)
                stack[-1] = fn
            else:
                stack.append(fn)
            if len(stack) > 200:
                del stack[:100]
        for f in set(stack):
            incl[f] += n
    total = sum(own.values())
    print("%.2f M instructions per MiB board -> host" % (total / 1e6 / MB))
    print("%9s %9s %9s  function (per MiB)" % ("self", "incl", "calls"))
    for fn, v in incl.most_common(int(os.environ.get("PROFILE_TOP", "70"))):
        print("%8.3fM %8.3fM %9d  %s" % (own[fn] / 1e6 / MB, v / 1e6 / MB, calls[fn] / MB, fn))
    return 0


if __name__ == "__main__":
    sys.exit(main())
