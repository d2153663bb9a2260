#!/usr/bin/env python3
"""The room view against the console, both real processes under tmux:

1. From a key press in the console to the change on the room view: the
   console's `+` (a minute more, the timer stopped so nothing else moves),
   sent N times; each time, the room view's pane is read every millisecond
   until it shows the new digits. What is timed includes tmux's own delivery
   of the key and of the screen, so it is an upper bound.
2. CPU of each process over SECONDS with the stage timer running, and of the
   room view with nothing changing (the timer stopped), from /proc.

    cargo build --release && scripts/room-view.py [N] [SECONDS]
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "roundtable")
N = int(sys.argv[1]) if len(sys.argv) > 1 else 50
SECS = int(sys.argv[2]) if len(sys.argv) > 2 else 30
SOCK = f"rt-room-view-{os.getpid()}"
TICK = os.sysconf("SC_CLK_TCK")


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCK, *args], capture_output=True, text=True, check=True)


def screen(window):
    return tmux("capture-pane", "-p", "-t", f"rt:{window}").stdout


def wait_for(window, text, limit=15.0):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if text in screen(window):
            return
        time.sleep(0.02)
    sys.exit(f"waited for {text!r}; {window} shows:\n{screen(window)}")


def pid_of(window):
    shell = int(tmux("display-message", "-p", "-t", f"rt:{window}", "#{pane_pid}").stdout)
    for _ in range(100):
        children = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True)
        for pid in children.stdout.split():
            if os.path.basename(os.readlink(f"/proc/{pid}/exe")) == "roundtable":
                return int(pid)
        time.sleep(0.05)
    sys.exit(f"no roundtable in {window}")


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def main():
    if not os.access(BIN, os.X_OK):
        sys.exit(f"{BIN} is missing: cargo build --release")
    folder = tempfile.mkdtemp()
    shutil.copy(os.path.join(ROOT, "tests", "fixtures", "plan.ron"), folder)
    try:
        line = f"cd {folder} && {BIN} run plan.ron; sleep 600"
        tmux("new-session", "-d", "-s", "rt", "-n", "console", "-x", "120", "-y", "35", line)
        wait_for("console", "READY")
        tmux("new-window", "-t", "rt", "-n", "room", f"cd {folder} && {BIN} show; sleep 600")
        wait_for("room", "stage 1 of 5")
        wait_for("console", "room view: 1 following")
        console, room = pid_of("console"), pid_of("room")

        took = []
        for _ in range(N):
            before = screen("room")
            start = time.monotonic()
            tmux("send-keys", "-t", "rt:console", "+")
            while screen("room") == before:
                time.sleep(0.001)
            took.append((time.monotonic() - start) * 1000)
            time.sleep(0.05)
        took.sort()
        print(f"key to room view, {N} presses: median {statistics.median(took):.1f} ms, "
              f"p90 {took[int(N * 0.9) - 1]:.1f} ms, max {took[-1]:.1f} ms")

        # Nothing changing: the timer stopped, no keys.
        time.sleep(1)
        r0 = cpu_ticks(room)
        time.sleep(SECS)
        idle = cpu_ticks(room) - r0
        print(f"room view, nothing changing, {SECS} s: {idle} ticks "
              f"({100 * idle / TICK / SECS:.3f} % of a core)")

        tmux("send-keys", "-t", "rt:console", "Space")
        time.sleep(1)
        c0, r0 = cpu_ticks(console), cpu_ticks(room)
        time.sleep(SECS)
        c, r = cpu_ticks(console) - c0, cpu_ticks(room) - r0
        print(f"timer running, {SECS} s: console {c} ticks ({100 * c / TICK / SECS:.3f} %), "
              f"room view {r} ticks ({100 * r / TICK / SECS:.3f} %)")
    finally:
        subprocess.run(["tmux", "-L", SOCK, "kill-server"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
