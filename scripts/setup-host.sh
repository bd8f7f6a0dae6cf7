#!/usr/bin/env bash
# Prepares this machine for meshcheck: nats-server, Docker, Chromium with chromedriver (the
# tests open the HTML reports in it), kubectl and busybox-static from Debian's packages, a running Docker engine, and the
# image meshcheck/nats:local built from the host's nats-server (no registry needed). Idempotent.
# Run as root (apt-get, dockerd).
#
# If it starts dockerd itself, it writes the pid to $MESHCHECK_DOCKERD_PIDFILE
# (default /tmp/meshcheck-dockerd.pid) so that the caller can stop it again.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
pidfile="${MESHCHECK_DOCKERD_PIDFILE:-/tmp/meshcheck-dockerd.pid}"

missing=()
command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || missing+=(nats-server)
command -v dockerd >/dev/null || missing+=(docker.io)
# The HTML reports are checked in a real browser by the tests (headless, offline).
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# kubectl reads the manifests of 'meshcheck k8s' offline in the tests (Debian: kubernetes-client);
# busybox-static gives the meshcheck image (docker/build-meshcheck-image.sh) a shell.
command -v kubectl >/dev/null || missing+=(kubernetes-client)
[ -x /bin/busybox ] || missing+=(busybox-static)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup-host: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "setup-host: starting dockerd"
  nohup dockerd >/tmp/meshcheck-dockerd.log 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { echo "setup-host: dockerd did not come up; see /tmp/meshcheck-dockerd.log" >&2; exit 1; }
fi

bash "$here/docker/build-local-image.sh"
echo "setup-host: ready ($(/usr/sbin/nats-server --version 2>/dev/null || nats-server --version), image meshcheck/nats:local)"
