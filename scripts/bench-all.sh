#!/usr/bin/env bash
# Every figure in BENCHMARKS.md, in one go, with the machine and the load it ran under.
#
#   scripts/bench-all.sh 2>&1 | tee bench.log
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem/ {print $2}') GB, $(uname -sr)"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo build --release --quiet
cargo build --release --examples --quiet
ls -l target/release/roundtable | awk '{print "== target/release/roundtable:", $5, "bytes"}'
cargo bench
scripts/idle-cpu.sh
scripts/peak-memory.sh 10000 100000
python3 scripts/startup.py 40
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
