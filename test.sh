#!/usr/bin/env bash
# Installs what the tests need when it is missing, builds everything, runs every test project and prints one
# summary line "N passed, N failed, N skipped". Usage: ./test.sh [extra dotnet test arguments]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$here/scripts/install-test-deps.sh" || { echo "test.sh: installing test dependencies failed" >&2; exit 1; }

if ! dotnet build AlphaTrade.slnx -c Release -nologo -v q; then
  echo "test.sh: build failed" >&2
  exit 1
fi

log="$(mktemp)"
dotnet test AlphaTrade.slnx -c Release --no-build -nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# Sum the per-project result lines ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13, ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)!  *- *Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:") f += $(i+1)
      if ($i == "Passed:") p += $(i+1)
      if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
rm -f "$log"
echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
