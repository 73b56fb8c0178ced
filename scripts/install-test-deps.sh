#!/usr/bin/env bash
# Installs the system packages the test suite needs, only when they are missing. Idempotent; needs root
# (or passwordless sudo) only when something is actually missing.
set -euo pipefail
need=()
# Package: a command or file whose presence proves it is installed.
check() { local pkg="$1" probe="$2"; if ! command -v "$probe" >/dev/null 2>&1 && [ ! -e "$probe" ]; then need+=("$pkg"); fi; }
# Models (issue 8): XGBoost's C API for the P/Invoke binding; Debian's Python XGBoost, scikit-learn and ONNX regenerate the
# reference fixtures and run the native-library benchmark; patchelf and gcc make TorchSharp's native library load on Debian 12.
check libxgboost0 /usr/lib/x86_64-linux-gnu/libxgboost.so.0
check python3-xgboost /usr/lib/python3/dist-packages/xgboost/__init__.py
check python3-sklearn /usr/lib/python3/dist-packages/sklearn/__init__.py
check python3-onnx /usr/lib/python3/dist-packages/onnx/__init__.py
check patchelf patchelf
check gcc gcc
# (Later layers add their servers and native libraries here: postgresql, redis-server, chromium.)
if [ "${#need[@]}" -eq 0 ]; then exit 0; fi
echo "install-test-deps: installing ${need[*]}" >&2
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
