#!/usr/bin/env python3
"""Start-up to the first frame: roundtable against a bare ratatui program.

Each program is started on a fresh pseudo-terminal of 200x60 (no shell, no
wrapper between them), and the clock stops when the last row of its first
frame has been written: the escape sequence that moves to row 60, followed by
the text that ends that row. Then `q` is sent and the program's exit awaited.

    cargo build --release --examples && cargo build --release
    python3 scripts/startup.py [RUNS]

Prints, per program, the median and the fastest time to the first frame and
to exit, and roundtable's median over the bare program's.
"""

import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, "target", "release")
ROWS, COLS = 60, 200
LAST_ROW = b"\x1b[%d;" % ROWS


def run(argv, last_row_text, cwd):
    """Seconds to the first frame's last row, and to exit."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.chdir(cwd)
        os.execv(argv[0], argv)
    seen = b""
    first = None
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            os.kill(pid, 9)
            raise SystemExit(f"{argv[0]}: no frame after 10 s; it showed {seen[-400:]!r}")
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the program has exited and the terminal closed
            break
        if not chunk:
            break
        seen += chunk
        if first is None:
            row = seen.rfind(LAST_ROW)
            if row >= 0 and last_row_text in seen[row:]:
                first = time.perf_counter() - start
                os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    if first is None:
        raise SystemExit(f"{argv[0]}: exited without its frame: {seen[-400:]!r}")
    return first, time.perf_counter() - start


def measure(name, argv, last_row_text, cwd, runs):
    for _ in range(3):
        run(argv, last_row_text, cwd)  # warm the page cache
    times = [run(argv, last_row_text, cwd) for _ in range(runs)]
    first = [t[0] * 1000 for t in times]
    done = [t[1] * 1000 for t in times]
    print(
        f"{name:<50} first frame: median {statistics.median(first):6.2f} ms, "
        f"fastest {min(first):6.2f} ms; exit: median {statistics.median(done):6.2f} ms"
    )
    return statistics.median(first)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    bare = os.path.join(RELEASE, "examples", "bare_frame")
    roundtable = os.path.join(RELEASE, "roundtable")
    make_session = os.path.join(RELEASE, "examples", "make_session")
    for path in (bare, roundtable):
        if not os.access(path, os.X_OK):
            raise SystemExit(f"{path} is missing: cargo build --release --examples && cargo build --release")
    print(f"{runs} runs each, pseudo-terminal {COLS}x{ROWS}")
    with tempfile.TemporaryDirectory() as empty:
        recorded = os.path.join(empty, "recorded")
        base = measure("bare ratatui (examples/bare_frame)", [bare], "\u2518".encode(), empty, runs)
        home = measure(
            "roundtable, home screen",
            [roundtable, "--sessions", recorded],
            b"quit",
            empty,
            runs,
        )
        print(f"roundtable / bare: {home / base:.2f}x (budget 1.5x)")
        if os.access(make_session, os.X_OK):
            os.makedirs(recorded)
            for events in (10_000, 100_000):
                session = os.path.join(recorded, f"large-{events}.ron")
                os.system(f"'{make_session}' {events} '{session}' 2>/dev/null")
                measure(
                    f"roundtable, home, {events:,}-event session to resume",
                    [roundtable, "--sessions", recorded],
                    b"quit",
                    empty,
                    max(5, runs // 4),
                )
                # Each run adds a `Resumed` event and merges it on quit.
                measure(
                    f"roundtable run SESSION, {events:,} events",
                    [roundtable, "run", session, "--sessions", recorded],
                    b"quit",
                    empty,
                    max(5, runs // 4),
                )
                os.remove(session)


if __name__ == "__main__":
    main()
