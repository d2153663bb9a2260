#!/usr/bin/env bash
# Peak memory (VmHWM in /proc/PID/status) of the console with a large session
# open: a generated, unfinished session of 10,000 events (40 participants) is
# resumed with `roundtable run SESSION` under tmux at 200x60. The home screen
# alone is measured too, for comparison.
#
#   cargo build --release --examples && cargo build --release
#   scripts/peak-memory.sh [EVENTS...]        (default: 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$PWD/target/release/roundtable"
make_session="$PWD/target/release/examples/make_session"
for b in "$bin" "$make_session"; do
    [ -x "$b" ] || { echo "$b is missing: cargo build --release --examples && cargo build --release" >&2; exit 1; }
done
[ $# -gt 0 ] || set -- 10000

sock="rt-peak-memory-$$"
dir=$(mktemp -d)
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT

screen() { tmux -L "$sock" capture-pane -p -t "rt:$1"; }
wait_for() {
    for _ in $(seq 600); do
        screen "$1" | grep -qF "$2" && return 0
        sleep 0.05
    done
    echo "waited for '$2'; the screen shows:" >&2
    screen "$1" >&2
    exit 1
}
report() {
    local label=$1 pid=$2
    awk -v l="$label" '/^VmHWM/ {h = $2} /^VmRSS/ {r = $2} END {
        printf "%-34s peak (VmHWM) %6.1f MB, now (VmRSS) %6.1f MB\n", l, h / 1024, r / 1024 }' "/proc/$pid/status"
}
# Starts `roundtable ARGS...` in a window of its own and prints its pid.
start() {
    local window=$1
    shift
    local line="cd '$dir' && exec '$bin'"
    for a in "$@"; do line+=" '$a'"; done
    if tmux -L "$sock" has-session -t rt 2>/dev/null; then
        tmux -L "$sock" new-window -t rt -n "$window" "$line"
    else
        tmux -L "$sock" new-session -d -s rt -n "$window" -x 200 -y 60 "$line"
    fi
    tmux -L "$sock" list-panes -t "rt:$window" -F '#{pane_pid}'
}

pid=$(start home --sessions "$dir/recorded")
wait_for home "quit"
sleep 0.5
report "home screen" "$pid"
tmux -L "$sock" send-keys -t rt:home q

for events in "$@"; do
    session="$dir/large-$events.ron"
    "$make_session" "$events" "$session" 2>/dev/null
    pid=$(start "s$events" run "$session" --sessions "$dir/recorded")
    wait_for "s$events" "Resumed"
    sleep 0.5
    report "run, $events-event session ($(($(stat -c %s "$session") / 1024)) KB)" "$pid"
    tmux -L "$sock" send-keys -t "rt:s$events" q
done
