#!/usr/bin/env bash
# Benchmark: time to the first prompt in a plain pseudo-terminal (120x40, no script(1) or stty on
# either side), the shell against an empty Java main that prints a prompt, alternated rounds,
# medians, spreads and ratios from the same run; then the shell's peak memory over a session.
# With a JDK 25 installed it also times the shell forced onto Java 17.
# Runs as an unprivileged user (RCTR_TEST_USER, default rctr-learner, when started as root).
# Usage: bash bench/startup.sh [ROUNDS]   (after: mvn -q -DskipTests package)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-9}
if [ "$(id -u)" = 0 ]; then
  user=${RCTR_TEST_USER:-rctr-learner}
  command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
else
  user=$(id -un)
fi
java17=$(readlink -f "$(command -v java)")
java25=""
for jdk in ${JAVA_HOME:-} /usr/lib/jvm/*25*; do
  if [ -x "$jdk/bin/java" ] && grep -q '^JAVA_VERSION="2[5-9]' "$jdk/release" 2>/dev/null; then java25=$jdk/bin/java; break; fi
done
work=$(mktemp -d /tmp/rctr-bench-startup-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lab" "$work/state/rootless-ctr" "$work/cache" "$work/config" "$work/empty"
# Not a first start (that one runs the host diagnosis before the prompt): the learner is at lesson 1.
echo '{"version":1,"completed":{},"current":{"lesson":"pull","step":1}}' >"$work/state/rootless-ctr/progress-rootless.json"
printf 'public class Empty { public static void main(String[] a) { System.out.print("$ "); System.out.flush(); } }\n' >"$work/empty/Empty.java"
javac --release 17 -d "$work/empty" "$work/empty/Empty.java"
chmod -R a+rX "$work"
chown -R "$user" "$work" 2>/dev/null || true
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
/usr/bin/env python3 "$here/bench/startup.py" "$rounds" "$here" "$work" "$user" "$java17" ${java25:+"$java25"}
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
