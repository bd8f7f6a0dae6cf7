#!/usr/bin/env bash
# Builds the image meshcheck/meshcheck:local FROM scratch: a Java runtime cut by jlink to the
# modules the jar uses, harness/target/meshcheck.jar, busybox from Debian's busybox-static (when
# installed), and the shared libraries ldd lists for the runtime. Needs no registry (nothing is
# pulled). Prints the image id on stdout.
#
#   mvn -B -q package -DskipTests && docker/build-meshcheck-image.sh
#   docker run --rm meshcheck/meshcheck:local run /meshcheck/scenarios/x.yaml --url nats://...
#   MESHCHECK_IMAGE_TAG=registry.example/meshcheck:1 docker/build-meshcheck-image.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
image="${MESHCHECK_IMAGE_TAG:-meshcheck/meshcheck:local}"
jar="$root/harness/target/meshcheck.jar"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

[[ -f "$jar" ]] || { echo "no $jar: build it first (mvn -B -q package -DskipTests)" >&2; exit 2; }
[[ -x "$java_home/bin/jlink" && -d "$java_home/jmods" ]] || {
  echo "no jlink or jmods under $java_home: install a full JDK 17 (apt-get install openjdk-17-jdk-headless)" >&2
  exit 2
}
command -v docker >/dev/null || { echo "docker is not installed" >&2; exit 2; }
docker info >/dev/null 2>&1 || { echo "docker does not answer: start dockerd" >&2; exit 2; }

context="$(mktemp -d)"
trap 'rm -rf "$context" "$context.err"' EXIT
rootfs="$context/rootfs"
mkdir -p "$rootfs/opt/meshcheck" "$rootfs/meshcheck/scenarios/topologies" "$rootfs/tmp" "$rootfs/results"
chmod 1777 "$rootfs/tmp"

# The modules the jar needs: what 'jdeps --print-module-deps --ignore-missing-deps' finds in the
# shaded jar (java.base, java.logging, java.management, java.naming, java.security.sasl, java.sql,
# java.xml; it takes minutes, so MESHCHECK_JDEPS=1 asks it again), plus what it misses:
# java.net.http (the monitoring client; without it 'run' fails with ClassNotFoundException),
# jdk.unsupported (sun.misc.Unsafe), jdk.crypto.ec (TLS), jdk.zipfs, jdk.management.
modules="java.base,java.logging,java.management,java.naming,java.net.http,java.security.sasl,java.sql,java.xml"
if [[ "${MESHCHECK_JDEPS:-0}" == 1 ]]; then
  modules="$("$java_home/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps -q "$jar")"
fi
"$java_home/bin/jlink" --add-modules "$modules,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$rootfs/opt/java"
cp "$jar" "$rootfs/opt/meshcheck/meshcheck.jar"

# Every library the runtime links against that it does not carry itself, at the same path.
for object in "$rootfs/opt/java/bin/java" $(find "$rootfs/opt/java/lib" -name '*.so'); do
  ldd "$object" 2>/dev/null | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i}'
done | sort -u | while read -r lib; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done

if [[ -x /bin/busybox ]] && ! ldd /bin/busybox >/dev/null 2>&1; then
  mkdir -p "$rootfs/bin"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in sh ls cat mkdir cp mv rm env ps sleep tar; do ln -s busybox "$rootfs/bin/$applet"; done
fi

cp "$here/meshcheck.Dockerfile" "$context/Dockerfile"
find "$context" -exec touch -h -d '2000-01-01T00:00:00Z' {} +
# The legacy builder (BuildKit off) builds FROM scratch without contacting a registry.
if ! DOCKER_BUILDKIT=0 docker build --quiet -t "$image" "$context" >/dev/null 2>"$context.err"; then
  cat "$context.err" >&2
  exit 1
fi
docker image inspect --format '{{.Id}}' "$image"
