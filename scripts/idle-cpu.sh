#!/usr/bin/env bash
# How much of a core the console uses over 10 seconds, read from /proc, under
# tmux on a private socket: (a) idle on the home screen, (b) a stage timer
# running (Enter on the home screen starts the built-in workshop, Space its timer).
#
#   cargo build --release && scripts/idle-cpu.sh [SECONDS]
#
# For each case: CPU time from utime+stime in /proc/PID/stat (clock ticks, so
# 1/CLK_TCK s resolution) and from /proc/PID/task/*/schedstat (nanoseconds),
# the wake-ups (voluntary context switches) and the write system calls made.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$PWD/target/release/roundtable"
secs=${1:-10}
[ -x "$bin" ] || { echo "$bin is missing: cargo build --release" >&2; exit 1; }
command -v tmux >/dev/null || { echo "tmux is needed (apt-get install tmux)" >&2; exit 1; }

sock="rt-idle-cpu-$$"
dir=$(mktemp -d)
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT
tick=$(getconf CLK_TCK)

screen() { tmux -L "$sock" capture-pane -p -t rt; }
wait_for() {
    for _ in $(seq 200); do
        screen | grep -qF "$1" && return 0
        sleep 0.05
    done
    echo "waited for '$1'; the screen shows:" >&2
    screen >&2
    exit 1
}
# utime + stime, in clock ticks: fields 14 and 15, counted after the ")" that ends the name.
ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
# Time on a CPU of every thread, in nanoseconds.
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{s += $1} END {print s}'; }
wakeups() { awk '/^voluntary_ctxt_switches/ {v = $2} /^nonvoluntary_ctxt_switches/ {n = $2} END {print v + n}' "/proc/$1/status"; }
writes() { awk '/^syscw/ {print $2}' "/proc/$1/io"; }

measure() {
    local label=$1 pid=$2
    local t0 n0 w0 c0 s0 t1 n1 w1 c1 s1
    t0=$(ticks "$pid"); n0=$(cpu_ns "$pid"); w0=$(wakeups "$pid"); c0=$(writes "$pid"); s0=$(date +%s%N)
    sleep "$secs"
    t1=$(ticks "$pid"); n1=$(cpu_ns "$pid"); w1=$(wakeups "$pid"); c1=$(writes "$pid"); s1=$(date +%s%N)
    awk -v l="$label" -v t=$((t1 - t0)) -v hz="$tick" -v n=$((n1 - n0)) -v wall=$((s1 - s0)) \
        -v w=$((w1 - w0)) -v c=$((c1 - c0)) 'BEGIN {
        printf "%-26s %7.4f%% of a core (%.2f ms CPU in %.1f s); utime+stime %d ticks = %.2f%%; %d wake-ups, %d writes\n",
            l, 100 * n / wall, n / 1e6, wall / 1e9, t, 100 * t / hz / (wall / 1e9), w, c }'
}

tmux -L "$sock" new-session -d -s rt -x 200 -y 60 "cd '$dir' && exec '$bin' --sessions '$dir/recorded'"
pid=$(tmux -L "$sock" list-panes -t rt -F '#{pane_pid}')
[ "$(cat "/proc/$pid/comm")" = roundtable ] || { echo "pane $pid is not roundtable" >&2; exit 1; }
wait_for "quit"
sleep 1
echo "roundtable $("$bin" --version 2>/dev/null | awk '{print $2}'), pid $pid, 200x60 under tmux, $secs s each, $(nproc) cores"
measure "(a) home screen, idle" "$pid"

tmux -L "$sock" send-keys -t rt Enter
wait_for "READY"
tmux -L "$sock" send-keys -t rt Space
wait_for "RUNNING"
sleep 1
measure "(b) stage timer running" "$pid"
tmux -L "$sock" send-keys -t rt q
wait_for "Quit?"
tmux -L "$sock" send-keys -t rt y
