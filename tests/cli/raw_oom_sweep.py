#!/usr/bin/env python3
"""tests/cli/raw_oom_sweep.py BOARD SCRIPT: runs SCRIPT through the REPL's raw mode
(`petrel -i` on a pseudo-terminal, driven by tools/petrel-tool's request, as the
boards' run_script.py does) under many PETREL_HEAP_LIMIT values, each a little past
the last, so that the allocation that fails is each time another one. Each run must
end with status 1 (the answer's, or the process's when the handler ends it) and
"alloc failed" in what the tool relays: the uncaught-error report is never lost (it
was, when the REPL console's stream ran out of heap and the Console dropped that
error). Prints the first bad runs and "N limits, N bad". Native boards only."""
import importlib.machinery
import importlib.util
import io
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
loader = importlib.machinery.SourceFileLoader("petrel_tool", os.path.join(TOP, "tools", "petrel-tool"))
spec = importlib.util.spec_from_loader("petrel_tool", loader)
pt = importlib.util.module_from_spec(spec)
loader.exec_module(pt)


def run(board, source, limit):
    os.environ["PETREL_HEAP_LIMIT"] = str(limit)
    link = pt.open_cmd(os.path.join(TOP, "build", board, "petrel") + " -i")
    out, err = io.BytesIO(), io.BytesIO()
    echo = pt.Demux(out, err)
    try:
        pt.enter_raw(link)
        _, st = pt.request(link, b"//@petrel:write /t.js\n" + source, timeout=30)
        if st != 0:
            return "upload failed", b""
        try:
            _, st = pt.request(link, b"//@petrel:run /t.js", echo, timeout=60)
        except EOFError:  # the handler ended the process: what came last, its status
            echo(link.buf)
            st = link.proc.wait()
    finally:
        echo.close()
        link.close()
    return st, out.getvalue() + err.getvalue()


def main():
    board, script = sys.argv[1], sys.argv[2]
    source = open(script, "rb").read()
    n, step, bad = 300, 2699, 0
    for i in range(n):
        limit = 300001 + i * step
        st, text = run(board, source, limit)
        if st != 1 or b"alloc failed" not in text:
            bad += 1
            if bad <= 3:
                print("PETREL_HEAP_LIMIT=%d: status %r, output %r" % (limit, st, text[-200:]))
    print("%d limits, %d bad" % (n, bad))


if __name__ == "__main__":
    main()
