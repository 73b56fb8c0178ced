#!/usr/bin/env bash
# Installs the system packages the test suite needs, only when they are missing. Idempotent; needs root
# (or passwordless sudo) only when something is actually missing.
set -euo pipefail
need=()
# Package: a command or file whose presence proves it is installed.
check() { local pkg="$1" probe="$2"; if ! command -v "$probe" >/dev/null 2>&1 && [ ! -e "$probe" ]; then need+=("$pkg"); fi; }
# (Later layers add their servers and native libraries here: postgresql, redis-server, libxgboost0, chromium.)
if [ "${#need[@]}" -eq 0 ]; then exit 0; fi
echo "install-test-deps: installing ${need[*]}" >&2
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
