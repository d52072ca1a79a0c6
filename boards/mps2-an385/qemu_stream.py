"""What bench.py and profile.py share: Petrel booted under QEMU to its REPL prompt, and
the board -> host stream both measure (go(port, bytes) on the board connects to a host
server and writes 8 KiB Buffers, waiting for 'drain', then ends; the host counts).
"""
import os
import socket
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(TOP, "tests", "mps2"))
import run as boardtest  # noqa: E402  (the QEMU + UART driver of the board tests)

GO = ("var net = require('net'), chunk = Buffer.alloc(8192, 120); function go(port, left) {"
      " var cl = net.connect(port, '10.0.2.2', function pump() { while (left > 0) {"
      " left -= chunk.length; if (!cl.write(chunk)) { cl.once('drain', pump); return; } }"
      " cl.end(); }); }")


def boot(extra=()):
    """Petrel's firmware under QEMU (extra: more QEMU arguments), at its REPL prompt."""
    b = boardtest.Board(extra=extra)
    try:
        b.expect(rb"Welcome to Petrel[^\r]*\r\n")
        b.prompt()
    except BaseException:
        b.close()
        raise
    return b


def receive(start, total):
    """Seconds for the board to send total bytes to a host server; start(port) tells it
    to (port: the host's, reached from the board at 10.0.2.2)."""
    lst = socket.socket()
    lst.bind(("127.0.0.1", 0))
    lst.listen(1)
    start(lst.getsockname()[1])
    c, _ = lst.accept()
    t0 = time.time()
    n = 0
    while True:
        d = c.recv(262144)
        if not d:
            break
        n += len(d)
    took = time.time() - t0
    c.close()
    lst.close()
    if n != total:
        raise RuntimeError("host received %d of %d bytes" % (n, total))
    return took


def go(b, total):
    """Seconds for the board b, with GO run, to send total bytes to the host."""
    return receive(lambda port: b.send(b"go(%d, %d)\r" % (port, total)), total)
