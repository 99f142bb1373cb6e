#!/usr/bin/env bash
# Builds the release from a packaged project (mvn package runs this after the jar and lib/):
#   target/rootless-ctr-VERSION.tar.gz   launcher, jar, lib/, lessons/, LICENSE, README.md
#   target/rootless-ctr_VERSION_all.deb  the same under /usr/share/rootless-ctr, /usr/bin/rootless-ctr
# The .deb needs dpkg-deb (package dpkg, on every Debian); without it only the tarball is made.
# Usage: packaging/build-release.sh VERSION PROJECT_DIR
set -euo pipefail
version=$1
project=$(cd "$2" && pwd)
target="$project/target"
name="rootless-ctr-$version"
work="$target/release-work"
rm -rf "$work"
mkdir -p "$work"

# Everything a learner's machine runs; nothing that would need Maven or a build.
payload() {
  local dir=$1
  mkdir -p "$dir/lib"
  install -m 755 "$project/packaging/rootless-ctr" "$dir/rootless-ctr"
  install -m 644 "$target/rootless-ctr.jar" "$dir/rootless-ctr.jar"
  install -m 644 "$target"/lib/*.jar "$dir/lib/"
  cp -r "$project/lessons" "$dir/lessons"
  chmod -R u=rwX,go=rX "$dir/lessons"
}

# Files in the archives get one fixed owner and time, so two builds of the same sources match.
stamp=$(git -C "$project" log -1 --format=%ct 2>/dev/null || date +%s)
tar_flags=(--sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp")

payload "$work/$name"
install -m 644 "$project/LICENSE" "$project/README.md" "$work/$name/"
tar -C "$work" "${tar_flags[@]}" -cf - "$name" | gzip -9n >"$target/$name.tar.gz"
echo "release: $target/$name.tar.gz"

if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "release: dpkg-deb not found (package dpkg), so no .deb was built; the tarball is complete."
  rm -rf "$work"
  exit 0
fi
deb="$work/deb"
payload "$deb/usr/share/rootless-ctr"
mkdir -p "$deb/usr/bin" "$deb/usr/share/doc/rootless-ctr" "$deb/DEBIAN"
ln -s ../share/rootless-ctr/rootless-ctr "$deb/usr/bin/rootless-ctr"
install -m 644 "$project/LICENSE" "$deb/usr/share/doc/rootless-ctr/copyright"
install -m 644 "$project/README.md" "$deb/usr/share/doc/rootless-ctr/README.md"
size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
# The Debian version may not contain the Maven snapshot's hyphen in its upstream part.
cat >"$deb/DEBIAN/control" <<CONTROL
Package: rootless-ctr
Version: ${version//-/\~}
Architecture: all
Maintainer: rootless-ctr <rootless-ctr@localhost>
Installed-Size: $size
Depends: runc, skopeo, oci-image-tool, busybox-static, uidmap, openjdk-17-jre-headless | java17-runtime-headless
Suggests: slirp4netns
Section: devel
Priority: optional
Description: tutorial shell that teaches rootless containers with the real tools
 rootless-ctr is a guided shell: the learner types the real skopeo,
 oci-image-tool and runc commands as a normal user, and the shell checks what
 really happened and explains it from the machine's actual state. It works
 offline: a registry built into the shell serves the first lesson's image.
CONTROL
find "$deb" -exec touch -h -d "@$stamp" {} +
dpkg-deb --root-owner-group -Zxz --build "$deb" "$target/rootless-ctr_${version}_all.deb" >/dev/null
echo "release: $target/rootless-ctr_${version}_all.deb"
rm -rf "$work"
