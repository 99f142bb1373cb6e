#!/usr/bin/env bash
# Compares pulls from the embedded mirror with pulls from Debian's docker-registry, with the real
# skopeo, and measures the mirror-side time of the small busybox pull. The two servers alternate
# round by round (ROUNDS, default 9); each comparison prints both medians with their spread
# (min-max) and the ratio of the medians, all from this one run.
#
#   mvn -q -DskipTests package && bash bench/mirror-pull.sh
#
# The 256 MiB image is built once in $BENCH_DIR (default /tmp/rootless-ctr-bench) and kept for
# the next run; everything started here is stopped on exit, and pulled copies are deleted.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${BENCH_DIR:-/tmp/rootless-ctr-bench}
rounds=${ROUNDS:-9}
small_rounds=${SMALL_ROUNDS:-10}
cp="$here/target/rootless-ctr.jar:$here/target/lib/*"
[ -f "$here/target/rootless-ctr.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
missing=()
for tool in skopeo docker-registry curl python3; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}..."
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$work"
export XDG_CACHE_HOME="$work/cache" # the mirror's busybox image cache stays in the bench folder
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY

started=()
cleanup() {
  for pid in "${started[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work/out" "$work/registry-storage" "$work/registry.yml"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
spread() { printf '%s\n' "$@" | sort -n | awk 'NR==1 {min=$1} {max=$1} END {print min "-" max}'; }
# Prints the comparison of mirror_ms and registry_ms: medians, spreads, ratio registry/mirror
# (above 1.0: the mirror is faster).
compare() {
  local mm rm_
  mm=$(median "${mirror_ms[@]}")
  rm_=$(median "${registry_ms[@]}")
  printf 'median: mirror %s ms (%s), docker-registry %s ms (%s), ratio registry/mirror %s (target >= 1.0)\n' \
    "$mm" "$(spread "${mirror_ms[@]}")" "$rm_" "$(spread "${registry_ms[@]}")" \
    "$(awk -v r="$rm_" -v m="$mm" 'BEGIN {printf "%.2f", r/m}')"
}

# --- the big image: one layer of 256 MiB of random bytes, written as an OCI layout by hand ----
big="$work/big"
if [ ! -f "$big/index.json" ]; then
  echo "building the 256 MiB image in $big (once)..."
  rm -rf "$big" "$work/rootfs"
  mkdir -p "$big/blobs/sha256" "$work/rootfs/data"
  head -c 268435456 /dev/urandom >"$work/rootfs/data/random.bin"
  tar -C "$work/rootfs" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf "$work/layer.tar" data
  diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
  gzip -1 -n -c "$work/layer.tar" >"$work/layer.tar.gz"
  layer=$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)
  layer_size=$(stat -c %s "$work/layer.tar.gz")
  mv "$work/layer.tar.gz" "$big/blobs/sha256/$layer"
  rm -rf "$work/layer.tar" "$work/rootfs"
  printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' "$diff_id" >"$work/config.json"
  config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
  config_size=$(stat -c %s "$work/config.json")
  mv "$work/config.json" "$big/blobs/sha256/$config"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
    "$config" "$config_size" "$layer" "$layer_size" >"$work/manifest.json"
  manifest=$(sha256sum "$work/manifest.json" | cut -d' ' -f1)
  manifest_size=$(stat -c %s "$work/manifest.json")
  mv "$work/manifest.json" "$big/blobs/sha256/$manifest"
  printf '{"imageLayoutVersion":"1.0.0"}' >"$big/oci-layout"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' \
    "$manifest" "$manifest_size" >"$big/index.json"
fi
big_digest=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["manifests"][0]["digest"])' "$big/index.json")
echo "image: $(du -sh "$big" | cut -f1) in $big, manifest $big_digest"

# --- the two servers ---------------------------------------------------------------------------
# Starts the embedded mirror in the background; sets mirror_pid and mirror_addr.
start_mirror() {
  local log=$1
  # Emptied here, not by the redirection below: that happens in the child, maybe after the loop
  # below has read the previous mirror's "serving on" line and pulled from a dead address.
  : >"$log"
  java -XX:+UseSerialGC -cp "$cp" dev.rootlessctr.Main mirror serve --layout "$big" --name bench/big >"$log" 2>&1 &
  mirror_pid=$!
  started+=("$mirror_pid")
  for _ in $(seq 200); do
    mirror_addr=$(sed -n 's/^serving on //p' "$log")
    [ -n "$mirror_addr" ] && return 0
    kill -0 "$mirror_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  echo "the mirror did not start" >&2; cat "$log" >&2; exit 1
}

# Stops the mirror started last and sets mirror_line to its "mirror: N requests, M ms handling".
# Not to be called in $(...): a subshell cannot wait for the mirror, and would read the log early.
stop_mirror() {
  kill -TERM "$mirror_pid"
  wait "$mirror_pid" || true
  mirror_line=$(grep '^mirror: ' "$1")
}

registry_port=$(free_port)
registry_addr="127.0.0.1:$registry_port"
cat >"$work/registry.yml" <<YAML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/registry-storage
http:
  addr: $registry_addr
YAML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
started+=("$!")
for _ in $(seq 300); do
  curl -fs "http://$registry_addr/v2/" >/dev/null && break
  sleep 0.05
done
curl -fs "http://$registry_addr/v2/" >/dev/null || { echo "docker-registry did not start" >&2; cat "$work/registry.log" >&2; exit 1; }
echo "pushing the image into docker-registry at $registry_addr (once, not timed)..."
skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$big:latest" "docker://$registry_addr/bench/big:latest"

start_mirror "$work/mirror-big.log"
echo "embedded mirror at $mirror_addr, docker-registry at $registry_addr"

# Pulls NAME from ADDR into a fresh folder; prints the milliseconds, after checking the digest.
pull() {
  local addr=$1 name=$2 digest=$3 start end got
  rm -rf "$work/out"
  start=$(now_ms)
  skopeo --insecure-policy copy -q --src-tls-verify=false "docker://$addr/$name:latest" "oci:$work/out:latest"
  end=$(now_ms)
  got=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["manifests"][0]["digest"])' "$work/out/index.json")
  [ "$got" = "$digest" ] || { echo "pulled $got, expected $digest" >&2; exit 1; }
  echo $((end - start))
}

# --- big pulls, alternating ----------------------------------------------------------------------
echo
echo "256 MiB pulls, alternating (odd rounds mirror first, even rounds registry first), $rounds rounds:"
mirror_ms=() registry_ms=()
for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    m=$(pull "$mirror_addr" bench/big "$big_digest")
    r=$(pull "$registry_addr" bench/big "$big_digest")
  else
    r=$(pull "$registry_addr" bench/big "$big_digest")
    m=$(pull "$mirror_addr" bench/big "$big_digest")
  fi
  mirror_ms+=("$m") registry_ms+=("$r")
  printf '  round %d: mirror %5d ms   docker-registry %5d ms\n' "$round" "$m" "$r"
done
compare

# The same blob with curl to /dev/null: the servers alone, without skopeo's hashing and writing,
# which take most of a pull's time above.
layer_digest=$(python3 -c 'import json,sys; d=sys.argv[1]; m=json.load(open(d+"/index.json"))["manifests"][0]["digest"][7:]; print(json.load(open(d+"/blobs/sha256/"+m))["layers"][0]["digest"])' "$big")
echo "the 256 MiB layer blob alone, curl to /dev/null, alternating the same way, $rounds rounds:"
fetch_ms() { curl -fs -o /dev/null -w '%{time_total}' "http://$1/v2/bench/big/blobs/$layer_digest" | awk '{printf "%d", $1 * 1000}'; }
mirror_ms=() registry_ms=()
for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    m=$(fetch_ms "$mirror_addr")
    r=$(fetch_ms "$registry_addr")
  else
    r=$(fetch_ms "$registry_addr")
    m=$(fetch_ms "$mirror_addr")
  fi
  mirror_ms+=("$m") registry_ms+=("$r")
  printf '  round %d: mirror %5d ms   docker-registry %5d ms\n' "$round" "$m" "$r"
done
compare

stop_mirror "$work/mirror-big.log"
echo "  (big session) $mirror_line"

# --- small pulls: a fresh mirror per pull, so its SIGTERM line is that pull's handling time -------
echo
echo "busybox pulls from the mirror (image cached), a fresh 'mirror serve' each, $small_rounds rounds:"
busybox_digest=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["manifests"][0]["digest"])' \
  "$(java -cp "$cp" dev.rootlessctr.Main mirror build | tail -1)/index.json")
handling=()
for round in $(seq "$small_rounds"); do
  start_mirror "$work/mirror-small.log"
  wall=$(pull "$mirror_addr" library/busybox "$busybox_digest")
  stop_mirror "$work/mirror-small.log"
  ms=$(sed -n 's/.*requests, \([0-9]*\) ms handling/\1/p' <<<"$mirror_line")
  handling+=("$ms")
  printf '  pull %2d: %s; skopeo wall %d ms\n' "$round" "$mirror_line" "$wall"
done
printf 'median mirror-side handling per busybox pull: %s ms (%s) (target < 300 ms)\n' "$(median "${handling[@]}")" "$(spread "${handling[@]}")"
