#!/usr/bin/env bash
# Brings a Docker engine up on a Debian host that has none (CI here, a fresh VM), and makes sure the base
# image for the language presets exists. Idempotent: when `docker info` already answers it changes nothing
# about the engine, and the base image is only built when it is missing.
#
#   docker/engine-up.sh                 engine up; base image too if this script had to start the engine
#   docker/engine-up.sh --base-image    also make sure the base image exists when the engine was already up
#
# Environment: HELLO_BASE_IMAGE (default hellointernet/debian:bookworm), HELLO_DEBIAN_MIRROR
# (default http://deb.debian.org/debian), HELLO_DOCKERD_LOG (default /var/log/hello-dockerd.log).
#
# The engine is configured with no bridge, no iptables, no IP forwarding or masquerading: containers have no
# network (`--network none`, what hello check's sandbox uses), another container's, or the host's (`--network
# host`), and no private-range network is created on the machine.
set -euo pipefail

BASE_IMAGE=${HELLO_BASE_IMAGE:-hellointernet/debian:bookworm}
MIRROR=${HELLO_DEBIAN_MIRROR:-http://deb.debian.org/debian}
DOCKERD_LOG=${HELLO_DOCKERD_LOG:-/var/log/hello-dockerd.log}
DAEMON_JSON=/etc/docker/daemon.json
WANT_JSON='{"bridge":"none","iptables":false,"ip-forward":false,"ip-masq":false}'
ENGINE_WAIT=60        # seconds for dockerd to answer
APT_TIMEOUT=900       # seconds for apt-get install
DEBOOTSTRAP_TIMEOUT=900

say() { echo "engine-up: $*"; }
die() { echo "engine-up: ERROR: $*" >&2; exit 1; }

want_base=0
for arg in "$@"; do
    case "$arg" in
        --base-image) want_base=1 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) die "unknown argument: $arg (try --help)" ;;
    esac
done

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

start=$(date +%s)
if command -v docker >/dev/null 2>&1 && engine_answers; then
    say "a Docker engine already answers (docker info): leaving it as it is"
else
    [ "$(id -u)" = 0 ] || die "no Docker engine answers, and starting one needs root (run with sudo, or start Docker yourself)"
    command -v apt-get >/dev/null 2>&1 || die "no Docker engine answers and this is not a Debian-like host (no apt-get): install Docker yourself"
    want_base=1
    # The configuration must be in place BEFORE dockerd first starts (also before
    # apt-get, whose post-install script may start it): the default bridge would create a
    # private-range network and iptables rules on the host.
    mkdir -p "$(dirname "$DAEMON_JSON")"
    if [ ! -f "$DAEMON_JSON" ] || [ "$(tr -d ' \n' < "$DAEMON_JSON")" != "$WANT_JSON" ]; then
        if [ -f "$DAEMON_JSON" ]; then
            cp "$DAEMON_JSON" "$DAEMON_JSON.before-hello"
            say "kept the previous $DAEMON_JSON as $DAEMON_JSON.before-hello"
        fi
        echo "$WANT_JSON" > "$DAEMON_JSON"
        say "wrote $DAEMON_JSON: $WANT_JSON (no bridge, no iptables: no private-range network on this machine)"
    fi
    if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
        say "installing docker.io and debootstrap with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        timeout "$APT_TIMEOUT" apt-get update -q || die "apt-get update failed"
        timeout "$APT_TIMEOUT" apt-get install -y -q --no-install-recommends docker.io debootstrap \
            || die "apt-get install docker.io debootstrap failed"
    fi
    if pgrep -x dockerd >/dev/null 2>&1; then
        say "dockerd is running but does not answer yet; waiting for it"
    else
        say "starting dockerd in the background (log: $DOCKERD_LOG)"
        setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 < /dev/null &
    fi
    waited=0
    until engine_answers; do
        if [ "$waited" -ge "$ENGINE_WAIT" ]; then
            tail -n 20 "$DOCKERD_LOG" >&2 2>/dev/null || true
            die "dockerd did not answer within ${ENGINE_WAIT} s (last lines of $DOCKERD_LOG above)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    say "the engine answers (after ${waited} s)"
fi

if [ "$want_base" = 1 ]; then
    if timeout 30 docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
        say "base image $BASE_IMAGE is there"
    else
        command -v debootstrap >/dev/null 2>&1 || {
            [ "$(id -u)" = 0 ] || die "base image $BASE_IMAGE is missing and building it needs root"
            say "installing debootstrap with apt-get"
            DEBIAN_FRONTEND=noninteractive timeout "$APT_TIMEOUT" apt-get install -y -q debootstrap \
                || die "apt-get install debootstrap failed"
        }
        rootfs=$(mktemp -d /tmp/hello-rootfs.XXXXXX)
        trap 'rm -rf "$rootfs"' EXIT
        say "building base image $BASE_IMAGE with debootstrap (minbase bookworm from $MIRROR; about 30 s)"
        timeout "$DEBOOTSTRAP_TIMEOUT" debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" \
            > "$rootfs.log" 2>&1 || { tail -n 20 "$rootfs.log" >&2; die "debootstrap failed (last lines above)"; }
        rm -f "$rootfs.log"
        rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
        tar -C "$rootfs" -c . | timeout 300 docker import - "$BASE_IMAGE" >/dev/null \
            || die "docker import of the debootstrap tree failed"
        say "base image $BASE_IMAGE created"
    fi
    say "presets build FROM it with: HELLO_BASE_IMAGE=$BASE_IMAGE (docker build --build-arg BASE=$BASE_IMAGE)"
fi
say "done in $(( $(date +%s) - start )) s"
