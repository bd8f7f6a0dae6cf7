#!/usr/bin/env bash
# Builds the image meshcheck/nats:local FROM scratch out of the host's nats-server binary and the
# shared libraries ldd lists for it. Needs no registry (nothing is pulled). Idempotent: rebuilding
# with the same binary reuses Docker's layer cache. Prints the image id on stdout.
#
#   docker/build-local-image.sh                    # uses /usr/sbin/nats-server
#   MESHCHECK_NATS_SERVER=/opt/nats-server docker/build-local-image.sh
#   mvn -B verify          # the harness runs meshcheck/nats:local when no image is named
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
image="${MESHCHECK_LOCAL_IMAGE_TAG:-meshcheck/nats:local}"
binary="${MESHCHECK_NATS_SERVER:-}"
if [[ -z "$binary" ]]; then
  binary="$(command -v nats-server || true)"
  [[ -n "$binary" ]] || binary=/usr/sbin/nats-server
fi
if [[ ! -x "$binary" ]]; then
  echo "no executable nats-server at '$binary': install it (apt-get install nats-server) or set MESHCHECK_NATS_SERVER" >&2
  exit 2
fi
command -v docker >/dev/null || { echo "docker is not installed" >&2; exit 2; }
docker info >/dev/null 2>&1 || { echo "docker does not answer: start dockerd" >&2; exit 2; }

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
rootfs="$context/rootfs"
mkdir -p "$rootfs/etc/nats" "$rootfs/data/jetstream" "$rootfs/tmp"
chmod 1777 "$rootfs/tmp"
cp "$binary" "$rootfs/nats-server"

# Copy every library ldd resolves (and the loader) to the same absolute path inside the image.
# A statically linked binary has none: ldd says "not a dynamic executable" and exits non-zero.
if ldd_out="$(ldd "$binary" 2>/dev/null)"; then
  while read -r lib; do
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done < <(awk '{for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i}' <<<"$ldd_out" | sort -u)
fi

cp "$here/Dockerfile" "$context/Dockerfile"
# Fixed timestamps keep the layer cache valid across runs with the same binary.
find "$context" -exec touch -h -d '2000-01-01T00:00:00Z' {} +

version="$("$binary" --version 2>/dev/null | awk '{print $NF}')"
# The legacy builder (BuildKit off) builds FROM scratch without contacting a registry; it warns
# that it is deprecated on stderr, so stderr is shown only when the build fails.
if ! DOCKER_BUILDKIT=0 docker build --quiet \
  --label "dev.meshcheck.nats-version=${version:-unknown}" \
  -t "$image" "$context" >/dev/null 2>"$context.err"; then
  cat "$context.err" >&2
  rm -f "$context.err"
  exit 1
fi
rm -f "$context.err"
docker image inspect --format '{{.Id}}' "$image"
