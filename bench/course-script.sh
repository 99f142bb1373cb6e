#!/usr/bin/env bash
# The same commands as course-steps.txt as a plain bash script: the baseline the shell is
# measured against. Usage: course-script.sh LAB RUNC_ROOT REGISTRIES_CONF
set -u
cd "$1"
RUNC_ROOT=$2
conf=$3
skopeo --registries-conf "$conf" --insecure-policy copy docker://busybox:latest oci:busybox:latest >/dev/null
mkdir -p busybox-bundle/rootfs
oci-image-tool unpack --ref name=latest busybox busybox-bundle/rootfs
runc spec --rootless -b busybox-bundle
sed -i 's/"terminal": true/"terminal": false/; s/^\([[:space:]]*\)"sh"$/\1"sleep", "30"/' busybox-bundle/config.json
runc --root "$RUNC_ROOT" run -d -b busybox-bundle myctr </dev/null >/dev/null 2>&1
runc --root "$RUNC_ROOT" exec myctr ip a >/dev/null
runc --root "$RUNC_ROOT" exec myctr touch /tmp/toto 2>/dev/null
python_free_edit='{"destination": "'$HOME'", "type": "bind", "source": "'$HOME'", "options": ["rbind", "rw"]}'
sed -i "s|\"mounts\": \[|\"mounts\": [ $python_free_edit,|" busybox-bundle/config.json
runc --root "$RUNC_ROOT" delete --force myctr
runc --root "$RUNC_ROOT" run -d -b busybox-bundle myctr </dev/null >/dev/null 2>&1
runc --root "$RUNC_ROOT" exec myctr touch "$HOME/rootless-ctr-was-here"
stat -c %U "$HOME/rootless-ctr-was-here" >/dev/null
runc --root "$RUNC_ROOT" delete --force myctr
