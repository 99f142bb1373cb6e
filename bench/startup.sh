#!/usr/bin/env bash
# Benchmark: time to the first prompt (vs. an empty Java program) and peak memory of a session,
# as an unprivileged user in a real pseudo-terminal. Usage: bash bench/startup.sh [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-10}
user=${RCTR_TEST_USER:-rctr-learner}
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u "$user" --); fi
lab=$(mktemp -d /tmp/rctr-bench-startup-XXXXXX)
chmod 755 "$lab"
[ "$(id -u)" = 0 ] && chown "$user" "$lab"
trap 'rm -rf "$lab"' EXIT
java "$here/bench/Startup.java" "$rounds" "$here" "$lab/lab" "${as[@]}"
