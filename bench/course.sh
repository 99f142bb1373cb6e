#!/usr/bin/env bash
# Benchmark: the whole course run non-interactively through the shell (course-steps.txt)
# against a plain bash script running the same commands (course-script.sh), alternated,
# ROUNDS each, as an unprivileged user. The shell's own start is timed in the same rounds (the same
# command with an empty script: start, load, leave), so the shell's time is also shown without it.
# Prints every run, the medians with their spread, and the ratios.
# Usage: bash bench/course.sh [ROUNDS]   (after: mvn -q -DskipTests package)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-5}
user=${RCTR_TEST_USER:-rctr-learner}
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u "$user" --); else user=$(id -un); fi
home=$(getent passwd "$user" | cut -d: -f6)
uid=$(id -u "$user")

work=$(mktemp -d /tmp/rctr-bench-course-XXXXXX)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown "$user" "$work"
runc_root="$work/runc"
cleanup() {
  "${as[@]}" runc --root "$runc_root" delete --force myctr >/dev/null 2>&1 || true
  [ -n "${mirror_pid:-}" ] && kill "$mirror_pid" 2>/dev/null || true
  rm -f "$home/rootless-ctr-was-here"
  rm -rf "$work"
}
trap cleanup EXIT

# The script pulls from the same built-in mirror, served on its own (started outside the timing).
"${as[@]}" env XDG_CACHE_HOME="$work/cache" "$here/rootless-ctr" mirror serve >"$work/mirror.out" 2>&1 &
mirror_pid=$!
for _ in $(seq 50); do grep -q "serving on" "$work/mirror.out" 2>/dev/null && break; sleep 0.1; done
address=$(awk '/serving on/{print $3}' "$work/mirror.out")
printf '[[registry]]\nprefix = "docker.io"\nlocation = "docker.io"\n[[registry.mirror]]\nlocation = "%s"\ninsecure = true\n' "$address" >"$work/registries.conf"

now() { date +%s%N; }
fresh_lab() {
  "${as[@]}" runc --root "$runc_root" delete --force myctr >/dev/null 2>&1 || true
  rm -rf "$work/lab" "$work/state" "$home/rootless-ctr-was-here"
  "${as[@]}" mkdir -p "$work/lab" "$work/state/rootless-ctr"
  # Not a first start: the learner has been here before and stands at lesson 1.
  echo '{"version":1,"completed":{},"current":{"lesson":"pull","step":1}}' |
    "${as[@]}" tee "$work/state/rootless-ctr/progress-rootless.json" >/dev/null
}

# Warm-up, not timed: the first start records the class-data archive.
fresh_lab
"${as[@]}" env XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR= \
  "$here/rootless-ctr" --lab "$work/lab" </dev/null >/dev/null 2>&1
shell_times=()
start_times=()
script_times=()
for round in $(seq "$rounds"); do
  fresh_lab
  t0=$(now)
  status=0
  "${as[@]}" env XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR= \
    "$here/rootless-ctr" --lab "$work/lab" <"$here/bench/course-steps.txt" >"$work/shell.log" 2>&1 || status=$?
  t1=$(now)
  # Exit 1 means a :check did not pass: every command still ran, so the time still counts, but
  # it is said. Anything else (a broken course, a crash) makes the time meaningless.
  if [ "$status" = 1 ]; then
    echo "round $round: a :check did not pass in the shell ($(grep -c '^FAIL' "$work/shell.log") FAIL lines; first: $(grep -m1 '^FAIL' "$work/shell.log"))"
  elif [ "$status" != 0 ]; then
    echo "the scripted course stopped with exit status $status:"; tail -40 "$work/shell.log"; exit 1
  fi
  shell_times+=($(( (t1 - t0) / 1000000 )))

  fresh_lab
  t0=$(now)
  "${as[@]}" env XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR= \
    "$here/rootless-ctr" --lab "$work/lab" </dev/null >"$work/start.log" 2>&1
  t1=$(now)
  start_times+=($(( (t1 - t0) / 1000000 )))

  fresh_lab
  t0=$(now)
  "${as[@]}" bash "$here/bench/course-script.sh" "$work/lab" "$runc_root" "$work/registries.conf" >"$work/script.log" 2>&1
  t1=$(now)
  script_times+=($(( (t1 - t0) / 1000000 )))
  echo "round $round: shell ${shell_times[-1]} ms (its start alone ${start_times[-1]} ms), script ${script_times[-1]} ms"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR==1{lo=$1} {hi=$1} END {print lo "-" hi}'; }
without=()
for i in "${!shell_times[@]}"; do without+=($(( shell_times[i] - start_times[i] ))); done
ms=$(median "${shell_times[@]}")
mst=$(median "${start_times[@]}")
msw=$(median "${without[@]}")
mb=$(median "${script_times[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end ($(nproc) cores)"
echo "medians (min-max) of $rounds alternated rounds:"
echo "  shell, whole course:          $ms ms ($(range "${shell_times[@]}"))"
echo "  shell start alone:            $mst ms ($(range "${start_times[@]}"))"
echo "  shell without its start:      $msw ms ($(range "${without[@]}"))  (per round: whole minus start)"
echo "  bash script:                  $mb ms ($(range "${script_times[@]}"))"
echo "ratio shell/script: $(ratio "$ms" "$mb"); without the shell's start: $(ratio "$msw" "$mb") (target <= 1.3)"
grep -c "^PASS" "$work/shell.log" | sed 's/^/checks passed in the last shell run: /'
