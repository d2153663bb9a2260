#!/usr/bin/env python3
"""Records the example series in sessions/examples/ by driving the real program.

Three cycles of the built-in workshop, run as a rehearsal at 60 times real
speed (ROUNDTABLE_SPEED=60: one second here is a minute of workshop), each
typed key by key through tmux as a facilitator would: the check-in round,
hands and turns, ideas and votes, actions, reflections. From one cycle to the
next the residents and carers are heard more, so that the comparison has
something to say.

    cargo build --release && python3 scripts/make-examples.py

It refuses to run if sessions/examples/ already holds sessions.
"""

import glob
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "roundtable")
OUT = os.path.join(ROOT, "sessions", "examples")
SOCKET = f"rt-examples-{os.getpid()}"


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False)


def screen():
    return tmux("capture-pane", "-p", "-t", "rt").stdout


def wait_for(text, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if text in screen():
            return
        time.sleep(0.05)
    sys.exit(f"waited for {text!r}; the screen shows:\n{screen()}")


def keys(*names):
    if os.environ.get("TRACE"): print("keys", names, flush=True)
    for name in names:
        tmux("send-keys", "-t", "rt", name)
        time.sleep(0.08)


def typed(text):
    tmux("send-keys", "-t", "rt", "-l", text)
    time.sleep(0.1)


def minutes(m):
    """A span of workshop time: a second here is a minute there."""
    time.sleep(m)


def raise_hand(name):
    keys("h")
    typed(name)
    keys("Enter")
    time.sleep(0.1)
    if "Raise a hand" in screen():
        sys.exit(f"raising a hand for {name!r} was refused:\n{screen()}")


def turn(m):
    """Give the floor to the first in the queue, for m minutes."""
    keys("Enter")
    minutes(m)


def idea(text, author, votes=0):
    keys("i")
    typed(text)
    keys("Tab")
    if author:
        typed(author)
    keys("Enter")
    for _ in range(votes):
        keys("v")


def start(args):
    tmux("kill-server")
    env = f"cd '{ROOT}' && ROUNDTABLE_SPEED=60 '{BIN}' --sessions '{OUT}' {args}; sleep 2"
    tmux("new-session", "-d", "-s", "rt", "-x", "120", "-y", "40", env)


def finish():
    keys("n")
    wait_for("End the workshop?")
    keys("y")
    wait_for("✓ ENDED")
    keys("q")
    time.sleep(1)


def reflection(scores, uncomfortable, power, rung):
    """On the reflection stage: the ten scores, the two questions, the ladder."""
    wait_for("Reflection ·")
    for level in scores:
        keys(str(level), "Down")
    # Row 10 is "Does this feel a bit uncomfortable?": yes, partly, no, not sure.
    keys("Enter")
    for _ in range(uncomfortable):
        keys("Down")
    keys("Enter", "Down", "Enter")
    for _ in range(power):
        keys("Down")
    keys("Enter", "Down", "Enter")
    # The ladder opens on consultation; Up climbs.
    for _ in range(rung):
        keys("Up")
    keys("Enter")


def cycle_one():
    start("run")
    wait_for("READY")
    keys("Space")
    wait_for("Stage 1 of 7 started")
    # The check-in round, in seat order: the professionals take their time.
    for m in [0.8, 2.2, 0.6, 2.0, 0.5, 1.6, 0.4]:
        turn(m)
    keys("p", "e")
    keys("n")
    wait_for("Stage 2 of 7 started")
    # Least airtime first: Siobhán, then José, then Dr Raman.
    for name in ["pri", "jos", "sio"]:
        raise_hand(name)
    for m in [3.0, 3.5, 4.0]:
        turn(m)
    keys("e")
    raise_hand("ami")
    raise_hand("zoe")
    turn(1.0)
    turn(0.8)
    keys("e", "n")
    wait_for("Stage 3 of 7 started")
    idea("Longer appointments for people who need them", "pri", votes=3)
    idea("A named nurse for each family", "sio", votes=1)
    idea("Evening clinics once a week", "jos", votes=2)
    idea("Benches and a shelter at the bus stop", "zoe", votes=1)
    idea("Someone to ring when the letters make no sense", "", votes=0)
    minutes(10)
    keys("n")
    wait_for("Stage 4 of 7 started")
    minutes(9)
    keys("n")
    wait_for("Stage 5 of 7 started")
    for name in ["pri", "jos"]:
        raise_hand(name)
    turn(4.0)
    turn(4.0)
    keys("e", "I")
    wait_for("Ideas board")
    # The first idea becomes an action for Dr Raman, the third for José.
    keys("Up", "Up", "Up", "Up", "a")
    typed("pri")
    keys("Tab")
    typed("4w")
    keys("Enter")
    wait_for("is now an action for Dr Priya Raman")
    keys("Down", "Down", "a")
    typed("jos")
    keys("Tab")
    typed("6w")
    keys("Enter")
    wait_for("is now an action for José Álvarez")
    keys("Escape")
    minutes(3)
    keys("n")
    reflection([1, 1, 2, 2, 1, 2, 2, 3, 2, 1], uncomfortable=2, power=3, rung=0)
    minutes(4)
    keys("n")
    wait_for("Stage 7 of 7 started")
    for m in [0.4, 0.5, 0.3, 0.5, 0.2, 0.4, 0.2]:
        turn(m)
    finish()


def cycle(again, round_minutes, hands, idea_list, review, scores, power, rung):
    start(f"run --again '{again}'")
    wait_for("From last time")
    for status, note in review:
        keys(status, "Enter")
        typed(note)
        keys("Enter", "Down")
        time.sleep(0.2)
    keys("Escape", "Space")
    wait_for("Stage 1 of 7 started")
    for m in round_minutes:
        turn(m)
    keys("p", "e", "n")
    wait_for("Stage 2 of 7 started")
    for name, m in hands:
        raise_hand(name)
    for _, m in hands:
        turn(m)
    keys("e", "n")
    wait_for("Stage 3 of 7 started")
    for text, author, votes in idea_list:
        idea(text, author, votes)
    minutes(8)
    keys("n")
    wait_for("Stage 4 of 7 started")
    minutes(10)
    keys("n")
    wait_for("Stage 5 of 7 started")
    raise_hand("kof")
    raise_hand("ami")
    raise_hand("jos")
    turn(3.0)
    turn(2.5)
    turn(2.0)
    keys("e", "I")
    wait_for("Ideas board")
    keys("Up", "Up", "a")
    typed("ami")
    keys("Tab")
    typed("3w")
    keys("Enter")
    wait_for("is now an action for Amina Yusuf")
    keys("Escape")
    minutes(4)
    keys("n")
    reflection(scores, uncomfortable=0, power=power, rung=rung)
    minutes(3)
    keys("n")
    wait_for("Stage 7 of 7 started")
    for m in [0.5, 0.4, 0.5, 0.4, 0.5, 0.4, 0.5]:
        turn(m)
    finish()


def newest():
    return max(glob.glob(os.path.join(OUT, "*.ron")), key=os.path.getmtime)


def main():
    if not os.path.exists(BIN):
        sys.exit("build it first: cargo build --release")
    os.makedirs(OUT, exist_ok=True)
    if glob.glob(os.path.join(OUT, "*.ron")):
        sys.exit(f"{OUT} already holds sessions; move them away to record new ones")
    try:
        cycle_one()
        first = newest()
        cycle(
            first,
            round_minutes=[1.4, 1.6, 1.2, 1.5, 1.2, 1.3, 1.4],
            hands=[("luk", 3.0), ("kof", 3.5), ("pri", 2.5), ("ami", 3.0), ("sio", 2.0)],
            idea_list=[
                ("A walk-in hour with no appointment needed", "kof", 3),
                ("Letters written with people who get them", "ami", 4),
                ("Café-style waiting room with the kettle on ☕", "zoe", 2),
                ("Text reminders in the language people read best", "luk", 2),
            ],
            review=[("g", "Trial of longer appointments agreed with the practice"),
                    ("d", "Evening clinic on Thursdays since January")],
            scores=[2, 2, 3, 2, 2, 3, 3, 3, 2, 2],
            power=0,
            rung=1,
        )
        second = newest()
        cycle(
            second,
            round_minutes=[1.5, 1.0, 1.5, 1.0, 1.5, 1.0, 1.6],
            hands=[("zoe", 3.0), ("ami", 3.0), ("kof", 3.0), ("jos", 2.0), ("luk", 3.0)],
            idea_list=[
                ("Residents on the interview panel for new staff", "zoe", 4),
                ("A community noticeboard that we keep ourselves", "luk", 3),
                ("Peer supporters in the waiting room", "kof", 3),
            ],
            review=[("d", "Longer appointments now on offer every week"),
                    ("g", "Letters rewritten with the reading group; first two sent")],
            scores=[3, 3, 3, 3, 3, 3, 4, 4, 3, 3],
            power=0,
            rung=2,
        )
    finally:
        tmux("kill-server")
    for path in sorted(glob.glob(os.path.join(OUT, "*.ron"))):
        print(path)


if __name__ == "__main__":
    main()
