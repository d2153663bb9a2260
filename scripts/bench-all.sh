#!/usr/bin/env bash
# Every figure in BENCHMARKS.md, in one go, with the machine and the load it ran under.
#
#   scripts/bench-all.sh 2>&1 | tee bench.log
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem/ {print $2}') GB, $(uname -sr)"
# The load average (1, 5, 15 minutes) before each step: the machine may be shared.
load() { echo "== load $1: $(cut -d' ' -f1-3 /proc/loadavg)"; }
load "before"
cargo bench
# After the benches: `cargo bench` leaves in target/release a roundtable built
# with the dev-dependencies' features too, a few KB larger than the plain build.
cargo build --release --quiet
cargo build --release --examples --quiet
ls -l target/release/roundtable | awk '{print "== target/release/roundtable:", $5, "bytes"}'
load "before idle-cpu.sh"
scripts/idle-cpu.sh
load "before peak-memory.sh"
scripts/peak-memory.sh 10000 100000
load "before startup.py"
python3 scripts/startup.py 40
load "after"
