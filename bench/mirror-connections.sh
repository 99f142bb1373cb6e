#!/usr/bin/env bash
# Hostile and many clients against `mirror serve`, started with the launcher's JVM flags
# (-Xmx96m and the rest): how it answers a 1 byte/s trickle, a 64 MiB header line and 64 MiB of
# CRLF, its memory (VmHWM) and threads with 500 idle keep-alive connections open, and whether a
# valid pull from another address gets through 520 slow connections from one address.
#
#   mvn -q -DskipTests package && bash bench/mirror-connections.sh [JAR]
#
# JAR defaults to target/rootless-ctr.jar (give an older build's jar to compare). Loopback only;
# every client socket has a timeout, and the mirror started here is stopped on exit.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=${1:-$here/target/rootless-ctr.jar}
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
if ! command -v python3 >/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3 >/dev/null
fi
work=$(mktemp -d /tmp/rootless-ctr-conn-bench.XXXXXX)
export XDG_CACHE_HOME="$work/cache"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY
mirror_pid=
cleanup() {
  [ -n "$mirror_pid" ] && kill -TERM "$mirror_pid" 2>/dev/null && wait "$mirror_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
# Files may be a few more than connections: the mirror needs one per connection.
ulimit -n 4096 2>/dev/null || true

start_mirror() {
  : >"$work/mirror.log" # not by the redirection: the child might open it after the loop reads it
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxRAM=256m -Xmx96m -jar "$jar" \
    mirror serve >"$work/mirror.log" 2>&1 &
  mirror_pid=$!
  for _ in $(seq 200); do
    address=$(sed -n 's/^serving on //p' "$work/mirror.log")
    [ -n "$address" ] && return 0
    sleep 0.05
  done
  cat "$work/mirror.log" >&2; exit 1
}
stop_mirror() { kill -TERM "$mirror_pid"; wait "$mirror_pid" || true; mirror_pid=; }
clients() { python3 "$here/bench/mirror-clients.py" "$@" --address "$address" --pid "$mirror_pid"; }

echo "jar: $jar"
start_mirror
echo "mirror at $address, pid $mirror_pid; at start: $(grep -E '^(VmHWM|Threads)' /proc/$mirror_pid/status | tr -s '\t\n' '  ')"
clients hostile
stop_mirror

start_mirror
clients crowd --connections 500 --addresses 10
stop_mirror

start_mirror
layer=$(python3 - "$XDG_CACHE_HOME" <<'PY'
import glob, json, sys
layout = sorted(glob.glob(sys.argv[1] + "/**/busybox-*/", recursive=True))[0]
m = json.load(open(layout + "/index.json"))["manifests"][0]["digest"][7:]
print(json.load(open(layout + "/blobs/sha256/" + m))["layers"][0]["digest"])
PY
)
clients crowd --connections 520 --slow --path "/v2/library/busybox/blobs/$layer"
stop_mirror
