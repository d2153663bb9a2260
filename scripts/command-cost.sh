#!/usr/bin/env bash
# Peak memory (max RSS) and wall time of the commands that read a whole
# session: `check` and `report` on generated sessions of 100,000 and 500,000
# events, and the 50 MB session of tests/huge.rs's shape is left to that test.
#
#   cargo build --release --examples && cargo build --release
#   scripts/command-cost.sh [EVENTS...]        (default: 100000 500000)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$PWD/target/release/roundtable"
make_session="$PWD/target/release/examples/make_session"
for b in "$bin" "$make_session"; do
    [ -x "$b" ] || { echo "$b is missing: cargo build --release --examples && cargo build --release" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 1; }
[ $# -gt 0 ] || set -- 100000 500000
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for events in "$@"; do
    session="$dir/s$events.ron"
    "$make_session" "$events" "$session" 2>/dev/null
    size=$(($(stat -c %s "$session") / 1024))
    for command in "check" "report --format json"; do
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e s, peak %M KB" -o "$dir/time" "$bin" $command "$session" >/dev/null
        printf '%-22s %7d events (%6d KB): %s\n' "$command" "$events" "$size" "$(cat "$dir/time")"
    done
done
