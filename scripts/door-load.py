#!/usr/bin/env python3
"""The door under load: 60 phones against the real console, over loopback.

The release console runs under tmux on a private socket with `--door
127.0.0.1:0`, on a plan of 60 participants written into a temporary folder
(`door: Auto`, so ideas land on the board; an Ideas stage first, so votes make
sense). The script starts the stage timer (Space), opens a reflection
checkpoint (`r`, `c`, Enter), reads the address from the door screen (`T`,
then Escape), and measures the console's CPU for IDLE seconds with the timer
running and no phone.

Then 60 simulated phones (threads, http.client, a new connection per request)
each join by name and, for DURATION seconds, loop at a human pace (0.5-2 s
between requests, about 48 a minute, under the door's 120): open the page,
send an idea (at most one per 5 s), raise a hand (a random kind: the same
kind again is refused, 409, which is fine), vote for a random idea the page
shows, send a reflection while a checkpoint is open. Every request's status
and latency (to the status line and headers: for a POST, the time to
"saved") is kept.

At the end the console quits (`q`, `y`), and the session file is read:
every acknowledged (303) join, idea, hand, vote and reflection must be there
as an event from the door, matched one for one (ideas by text, hands by name
and kind, votes by idea, joins by name, reflections by their unique note).

    cargo build --release && python3 scripts/door-load.py [DURATION] [PHONES] [IDLE]

Exits non-zero when anything acknowledged is missing or p99 of the 303s is
over 100 ms. The binary is $CARGO_TARGET_DIR/release/roundtable when
CARGO_TARGET_DIR is set, else target/release/roundtable.
"""

import collections
import http.client
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
BIN = os.path.join(TARGET, "release", "roundtable")
DURATION = float(sys.argv[1]) if len(sys.argv) > 1 else 300
PHONES = int(sys.argv[2]) if len(sys.argv) > 2 else 60
IDLE = float(sys.argv[3]) if len(sys.argv) > 3 else 20
SOCK = f"rt-door-load-{os.getpid()}"
TICK = os.sysconf("SC_CLK_TCK")
P99_BUDGET_MS = 100.0
ANSWERS = ["yes", "partly", "no", "not sure"]
KINDS = ["normal", "reply", "process"]


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCK, *args], capture_output=True, text=True, check=True)


def screen():
    return tmux("capture-pane", "-p", "-t", "rt:console").stdout


def keys(*names):
    for name in names:
        tmux("send-keys", "-t", "rt:console", name)
        time.sleep(0.15)


def wait_for(pattern, limit=20.0):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        shown = screen()
        found = re.search(pattern, shown)
        if found:
            return found
        time.sleep(0.05)
    sys.exit(f"waited for {pattern!r}; the console shows:\n{screen()}")


def pid_of_console():
    shell = int(tmux("display-message", "-p", "-t", "rt:console", "#{pane_pid}").stdout)
    for _ in range(100):
        children = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True)
        for pid in children.stdout.split():
            try:
                if os.path.basename(os.readlink(f"/proc/{pid}/exe")) == "roundtable":
                    return int(pid)
            except OSError:
                pass
        time.sleep(0.05)
    sys.exit("no roundtable process in the console's pane")


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def cpu_over(pid, seconds):
    t0, w0 = cpu_ticks(pid), time.monotonic()
    time.sleep(seconds)
    return cpu_ticks(pid) - t0, time.monotonic() - w0


class DiskProbe(threading.Thread):
    """The disk beside the session: one short line appended and fdatasync'ed
    every 200 ms, as the journal does for each event, timed. Tells a slow
    disk (other builds writing) from a slow console."""

    def __init__(self, folder, until):
        super().__init__(daemon=True)
        self.path, self.until, self.ms = os.path.join(folder, "probe"), until, []

    def run(self):
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            while time.monotonic() < self.until:
                start = time.monotonic()
                os.write(fd, b"(n:0,at:0,event:TimerPaused)\n")
                os.fdatasync(fd)
                self.ms.append((time.monotonic() - start) * 1000)
                time.sleep(0.2)
        finally:
            os.close(fd)


def write_plan(folder):
    people = "\n".join(f'        (name: "P{i:02}", role: "resident"),' for i in range(1, PHONES + 1))
    plan = f"""Plan(
    title: "The door under load",
    facilitator: Some("Fac"),
    participants: [
        (name: "Fac", role: "facilitator"),
{people}
    ],
    door: Auto,
    stages: [
        (title: "Ideas", duration: "60m", kind: Ideas),
        (title: "How did we do?", duration: "15m", kind: Reflection),
    ],
)
"""
    with open(os.path.join(folder, "plan.ron"), "w") as f:
        f.write(plan)


class Phone(threading.Thread):
    """One phone: joins as `name`, then takes part until `until`."""

    def __init__(self, port, base, name, until, seed, results, lock):
        super().__init__(daemon=True)
        self.port, self.base, self.name, self.until = port, base, name, until
        self.rng = random.Random(seed)
        self.results, self.lock = results, lock
        self.cookie = None
        self.last_idea = 0.0
        self.sent = 0

    def request(self, method, action, form=None):
        """Sends one request; returns (status, body). Records kind, status, latency and what was asked."""
        path = self.base + ("/" + action if action != "page" else "")
        body = urllib.parse.urlencode(form or {}).encode() if method == "POST" else None
        headers = {"Host": "phone", "Connection": "close"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.monotonic()
        status, text, cookie, location = "error", "", None, None
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            status = response.status
            took = time.monotonic() - start
            cookie = response.getheader("Set-Cookie")
            location = response.getheader("Location") or ""
            # A 303 is "saved" only when it says so: one to the bare page
            # (a phone the door does not know yet) saved nothing.
            if status == 303 and not location.endswith(f"?saved={action}"):
                status = "303 unsaved"
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as e:
            took = time.monotonic() - start
            status = f"error {type(e).__name__}"
        finally:
            conn.close()
        self.sent += 1
        with self.lock:
            self.results.append((action, status, took, dict(form or {}), self.name, start))
        return status, text, cookie

    def pause(self):
        time.sleep(self.rng.uniform(0.5, 2.0))

    def run(self):
        for _ in range(5):
            status, _, cookie = self.request("POST", "join", {"who": self.name})
            if status == 303 and cookie:
                self.cookie = cookie.split(";", 1)[0]
                break
            time.sleep(1)
        if not self.cookie:
            return
        n = 0
        while time.monotonic() < self.until:
            n += 1
            self.pause()
            _, page, _ = self.request("GET", "page")
            ideas = re.findall(r'name="idea" value="(\d+)"', page)
            reflecting = 'action="' + self.base + '/reflect"' in page
            self.pause()
            if time.monotonic() - self.last_idea >= 5.3 and time.monotonic() < self.until:
                form = {"text": f"Idea {n} from {self.name}: a bench by the door", "about": "Equal"}
                if self.rng.random() < 0.5:
                    form["named"] = "yes"
                status, _, _ = self.request("POST", "idea", form)
                if status == 303:
                    self.last_idea = time.monotonic()
                self.pause()
            if time.monotonic() >= self.until:
                break
            self.request("POST", "hand", {"kind": self.rng.choice(KINDS)})
            self.pause()
            if ideas and time.monotonic() < self.until:
                self.request("POST", "vote", {"idea": self.rng.choice(ideas)})
                self.pause()
            if reflecting and time.monotonic() < self.until:
                form = {f"c{i}": str(self.rng.randint(0, 4)) for i in range(10)}
                form["q0"] = self.rng.choice(ANSWERS)
                form["q1"] = self.rng.choice(ANSWERS)
                form["feeling"] = f"Feeling {n} of {self.name}"
                self.request("POST", "reflect", form)


def percentile(sorted_ms, p):
    if not sorted_ms:
        return float("nan")
    return sorted_ms[min(len(sorted_ms) - 1, max(0, int(round(p / 100 * len(sorted_ms))) - 1))]


def ron_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def from_door_events(session_text):
    """Door events in the session file, one a line: (kind, line)."""
    out = []
    for line in session_text.splitlines():
        if "from: Some(Door(" not in line:
            continue
        kind = re.search(r"event: (\w+)", line)
        out.append((kind.group(1) if kind else "?", line))
    return out


def verify(results, session_text):
    """What was acknowledged against what the record holds: (lines, missing count)."""
    acked = collections.defaultdict(collections.Counter)
    for action, status, _, form, name, _ in results:
        if status != 303:
            continue
        if action == "join":
            acked["join"][form["who"]] += 1
        elif action == "idea":
            acked["idea"][form["text"]] += 1
        elif action == "hand":
            acked["hand"][(name, form["kind"].capitalize())] += 1
        elif action == "vote":
            acked["vote"][int(form["idea"]) - 1] += 1
        elif action == "reflect":
            acked["reflect"][form["feeling"]] += 1
    found = collections.defaultdict(collections.Counter)
    kinds = collections.Counter()
    for kind, line in from_door_events(session_text):
        kinds[kind] += 1
        if kind == "Joined":
            who = re.search(r'Joined\(who: Some\("([^"]*)"\)\)', line)
            found["join"][who.group(1) if who else None] += 1
        elif kind in ("IdeaCaptured", "IdeaOffered"):
            text = re.search(kind + r'\(text: "((?:[^"\\]|\\.)*)"', line)
            found["idea"][text.group(1) if text else None] += 1
        elif kind == "HandRaised":
            hand = re.search(r'HandRaised\(who: "([^"]*)", kind: (\w+)\)', line)
            found["hand"][(hand.group(1), hand.group(2)) if hand else None] += 1
        elif kind == "Voted":
            found["vote"][int(re.search(r"Voted\(idea: (\d+)\)", line).group(1))] += 1
        elif kind == "Felt":
            note = re.search(r'note: Some\("((?:[^"\\]|\\.)*)"\)', line)
            found["reflect"][note.group(1) if note else None] += 1
    lines, missing = [], 0
    for what in ["join", "idea", "hand", "vote", "reflect"]:
        a, f = acked[what], found[what]
        lost = a - f
        extra = f - a
        missing += sum(lost.values())
        lines.append(
            f"  {what:8} acknowledged {sum(a.values()):6}  in the record {sum(f.values()):6}  "
            f"missing {sum(lost.values())}  unacknowledged but saved {sum(extra.values())}"
        )
        for key, n in list(lost.items())[:5]:
            lines.append(f"    MISSING {what} {key!r} ×{n}")
    lines.append("  door events in the record by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return lines, missing


def main():
    if not os.access(BIN, os.X_OK):
        sys.exit(f"{BIN} is missing: cargo build --release")
    folder = tempfile.mkdtemp(prefix="door-load-")
    sessions = os.path.join(folder, "sessions")
    write_plan(folder)
    try:
        line = (f"cd {folder} && {BIN} run plan.ron --door 127.0.0.1:0 --sessions {sessions}; "
                f"echo $? > {folder}/exit; sleep 600")
        tmux("new-session", "-d", "-s", "rt", "-n", "console", "-x", "200", "-y", "60", line)
        wait_for("READY")
        console = pid_of_console()
        keys("Space")
        wait_for(r"Stage 1 of 2 started")
        # A reflection checkpoint, so phones can send reflections.
        keys("r", "c")
        time.sleep(0.3)
        keys("Enter")
        time.sleep(0.3)
        keys("Escape")
        keys("T")
        found = wait_for(r"http://127\.0\.0\.1:(\d+)(/r/[0-9A-Z]{5})")
        address, port, base = found.group(0), int(found.group(1)), found.group(2)
        keys("Escape")
        print(f"console pid {console}, door at {address}, {PHONES} phones for {DURATION:.0f} s")

        # The console with its timer running and no phone.
        time.sleep(1)
        idle_ticks, idle_wall = cpu_over(console, IDLE)

        results, lock = [], threading.Lock()
        start = time.monotonic()
        until = start + DURATION
        phones = [Phone(port, base, f"P{i:02}", until, i, results, lock) for i in range(1, PHONES + 1)]
        probe = DiskProbe(folder, until)
        probe.start()
        load0 = os.getloadavg()
        c0 = cpu_ticks(console)
        for phone in phones:
            phone.start()
            time.sleep(0.02)
        for phone in phones:
            phone.join(DURATION + 60)
        load_wall = time.monotonic() - start
        load_ticks = cpu_ticks(console) - c0
        load1 = os.getloadavg()
        probe.join(5)
        with open(f"/proc/{console}/status") as f:
            hwm = next((l.split(":", 1)[1].strip() for l in f if l.startswith("VmHWM")), "?")

        # The page as it is now, for the record of its size.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        conn.request("GET", base, headers={"Cookie": phones[0].cookie or ""})
        page_bytes = len(conn.getresponse().read())
        conn.close()

        # The timer runs, so quitting asks first.
        keys("q")
        time.sleep(0.5)
        keys("y")
        end = time.monotonic() + 60
        while not os.path.exists(os.path.join(folder, "exit")) and time.monotonic() < end:
            time.sleep(0.1)
        if not os.path.exists(os.path.join(folder, "exit")):
            sys.exit(f"the console did not quit; it shows:\n{screen()}")
        quit_status = open(os.path.join(folder, "exit")).read().strip()
        names = [n for n in os.listdir(sessions) if n.endswith(".ron")]
        if len(names) != 1:
            sys.exit(f"expected one session in {sessions}, found {names}")
        journal = os.path.join(sessions, names[0][:-4] + ".journal")
        with open(os.path.join(sessions, names[0])) as f:
            text = f.read()
        if os.path.exists(journal) and os.path.getsize(journal) > 0:
            with open(journal) as f:
                text += "\n" + f.read()

        # Figures.
        by_status = collections.Counter()
        by_action = collections.defaultdict(collections.Counter)
        saved_ms = collections.defaultdict(list)
        get_ms = []
        for action, status, took, _, _, _ in results:
            by_status[status] += 1
            by_action[action][status] += 1
            if status == 303:
                saved_ms["all"].append(took * 1000)
                saved_ms[action].append(took * 1000)
            elif action == "page" and status == 200:
                get_ms.append(took * 1000)
        print(f"\n{len(results)} requests in {load_wall:.1f} s ({len(results) / load_wall:.1f}/s), "
              f"console quit with {quit_status}, session {names[0]}, {len(text.splitlines())} lines")
        print("by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(by_status.items(), key=str)))
        for action in ["join", "page", "idea", "hand", "vote", "reflect"]:
            print(f"  {action:8} " + ", ".join(f"{s}: {n}" for s, n in sorted(by_action[action].items(), key=str)))
        print("latency of 303 (saved), ms:")
        for what in ["all", "join", "idea", "hand", "vote", "reflect"]:
            ms = sorted(saved_ms[what])
            if ms:
                print(f"  {what:8} n {len(ms):6}  p50 {percentile(ms, 50):6.1f}  p90 {percentile(ms, 90):6.1f}  "
                      f"p99 {percentile(ms, 99):6.1f}  max {ms[-1]:6.1f}")
        print("303 latency by minute of the run, ms (p50 / p99 / max):")
        minutes = collections.defaultdict(list)
        for action, status, took, _, _, at in results:
            if status == 303:
                minutes[int((at - start) // 60)].append(took * 1000)
        for minute, ms in sorted(minutes.items()):
            ms.sort()
            print(f"  minute {minute + 1}: n {len(ms):5}  {percentile(ms, 50):6.1f} / {percentile(ms, 99):6.1f} / {ms[-1]:6.1f}")
        disk = sorted(probe.ms)
        if disk:
            print(f"disk beside the session, fdatasync of one line every 200 ms: n {len(disk)}  p50 {percentile(disk, 50):.1f}  "
                  f"p90 {percentile(disk, 90):.1f}  p99 {percentile(disk, 99):.1f}  max {disk[-1]:.1f} ms")
        print(f"load average (1 min) at the start {load0[0]:.2f}, at the end {load1[0]:.2f}")
        get_ms.sort()
        if get_ms:
            print(f"  GET page 200: n {len(get_ms)}  p50 {percentile(get_ms, 50):.1f}  p90 {percentile(get_ms, 90):.1f}  "
                  f"p99 {percentile(get_ms, 99):.1f}  max {get_ms[-1]:.1f}; the page at the end: {page_bytes} bytes")
        print(f"console CPU: timer running, no phone: {idle_ticks} ticks in {idle_wall:.1f} s "
              f"({100 * idle_ticks / TICK / idle_wall:.2f} % of a core); under load: {load_ticks} ticks in "
              f"{load_wall:.1f} s ({100 * load_ticks / TICK / load_wall:.1f} % of a core); VmHWM {hwm}")
        lines, missing = verify(results, text)
        print("nothing lost?")
        print("\n".join(lines))
        p99 = percentile(sorted(saved_ms["all"]), 99)
        failed = []
        if missing:
            failed.append(f"{missing} acknowledged requests missing from the record")
        if not saved_ms["all"]:
            failed.append("nothing was saved")
        elif p99 > P99_BUDGET_MS:
            failed.append(f"p99 of 303s {p99:.1f} ms > {P99_BUDGET_MS:.0f} ms")
        if failed:
            print("FAILED: " + "; ".join(failed))
            sys.exit(1)
        print(f"ok: nothing acknowledged is missing, p99 {p99:.1f} ms ≤ {P99_BUDGET_MS:.0f} ms")
    finally:
        subprocess.run(["tmux", "-L", SOCK, "kill-server"], capture_output=True)
        if os.environ.get("KEEP"):
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
