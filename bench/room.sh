#!/usr/bin/env bash
# The workshop room under load: LEARNERS simulated learners (default 30, at most 60) publish a
# step every 2 to 6 s for SECONDS (default 40, at most 120) to Debian's docker-registry on
# 127.0.0.1, while `rootless-ctr room` refreshes every second. Prints how long after a step is
# done the table shows it (target: within 2 s) and the registry's CPU and memory, idle and under
# the load. Everything stays on 127.0.0.1; everything started here is stopped on exit.
#
#   mvn -q -DskipTests package && bash bench/room.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
learners=${LEARNERS:-30}
seconds=${SECONDS_RUN:-40}
[ "$learners" -le 60 ] || { echo "LEARNERS is bounded to 60" >&2; exit 2; }
[ "$seconds" -le 120 ] || { echo "SECONDS_RUN is bounded to 120" >&2; exit 2; }

need=()
for p in docker-registry openjdk-17-jdk-headless procps python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
  else
    echo "missing ${need[*]}: sudo apt-get update && sudo apt-get install -y ${need[*]}" >&2
    exit 2
  fi
fi
[ -f "$here/target/rootless-ctr.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
cp="$here/target/rootless-ctr.jar:$here/target/lib/*"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY

work=$(mktemp -d /tmp/rootless-ctr-room-bench.XXXXXX)
registry_pid=
cleanup() {
  [ -n "$registry_pid" ] && { kill -TERM "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/registry.yml" <<YML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/storage
http:
  addr: 127.0.0.1:$port
YML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/v2/', timeout=1)" 2>/dev/null && break
  sleep 0.1
done

hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$registry_pid/stat"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$registry_pid/status"; }
cpu_pct() { awk -v t="$1" -v s="$2" -v hz="$hz" 'BEGIN {printf "%.1f", 100 * t / hz / s}'; }

idle_t0=$(ticks); sleep 5; idle_t1=$(ticks)
idle_rss=$(rss_kb)
echo "docker-registry idle (5 s): CPU $(cpu_pct $((idle_t1 - idle_t0)) 5)% of one core, RSS $((idle_rss / 1024)) MiB"

peak=$idle_rss
( while kill -0 "$registry_pid" 2>/dev/null; do rss_kb; sleep 1; done ) >"$work/rss" &
sampler=$!
load_t0=$(ticks); start=$(date +%s%N)
java -cp "$cp" "$here/bench/RoomLoad.java" "127.0.0.1:$port" "$learners" "$seconds" "$(command -v java)" "$cp"
load_t1=$(ticks); elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
peak=$(sort -n "$work/rss" | tail -1)
echo "docker-registry under the load ($((elapsed / 1000)) s): CPU $(cpu_pct $((load_t1 - load_t0)) "$(awk -v e="$elapsed" 'BEGIN {print e / 1000}')")% of one core, peak RSS $((peak / 1024)) MiB, storage $(du -sh "$work/storage" | cut -f1)"
