#!/usr/bin/env bash
# Benchmark: verdict latency. Types every line of bench/course-steps.txt into the interactive
# shell in a plain pseudo-terminal (120x40) and measures, for each shell line, the time from the
# command's end to the tutor's first byte and to the next prompt; median and p95 over all lines
# and rounds, lines that start a container excluded. Runs as an unprivileged user
# (RCTR_TEST_USER, default rctr-learner, when started as root).
# Usage: bash bench/verdict.sh [ROUNDS]   (after: mvn -q -DskipTests package)
# RCTR_BENCH_PROJECT=DIR times another built checkout (main, say) with the same driver;
# ROOTLESS_CTR_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java times the shell on Java 17.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-3}
if [ "$(id -u)" = 0 ]; then
  user=${RCTR_TEST_USER:-rctr-learner}
  command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
else
  user=$(id -un)
fi
home=$(getent passwd "$user" | cut -d: -f6)
work=$(mktemp -d /tmp/rctr-bench-verdict-XXXXXX)
chmod 755 "$work"
mkdir -p "$work/cache" "$work/config" "$work/run"
chmod 700 "$work/run"
chown -R "$user" "$work" 2>/dev/null || true
cleanup() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- runc --root "$work/run/rootless-ctr/runc" delete --force myctr >/dev/null 2>&1 || true; fi
  rm -f "$home/rootless-ctr-was-here"
  rm -rf "$work"
}
trap cleanup EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
python3 "$here/bench/verdict.py" "$rounds" "${RCTR_BENCH_PROJECT:-$here}" "$work" "$user" "$here/bench/course-steps.txt"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
