#!/usr/bin/env bash
# Makes TorchSharp's native libLibTorchSharp.so load on systems whose libstdc++ lacks GLIBCXX_3.4.32 (Debian 12 has
# up to 3.4.30). The library needs that version for one symbol only, std::ios_base_library_init() (GCC 13's iostream
# initialiser; older libstdc++ initialises iostreams itself). In the given output folder this script:
#   1. clears that symbol's version with patchelf and marks the GLIBCXX_3.4.32 need weak (so ld.so does not refuse it),
#   2. builds libstdcxx_compat.so, which defines the symbol as a no-op, with gcc,
#   3. adds it as a needed library of libLibTorchSharp.so, found beside it through RUNPATH $ORIGIN.
# Runs from the build (Directory.Build.targets) after files are copied to the output folder; does nothing where the
# system libstdc++ has GLIBCXX_3.4.32 or where no libLibTorchSharp.so was copied. Idempotent.
# Usage: scripts/torchsharp-compat.sh OUTPUT_DIR
set -euo pipefail
out="${1:?usage: torchsharp-compat.sh OUTPUT_DIR}"
libs=$(find "$out" -name libLibTorchSharp.so -type f 2>/dev/null || true)
[ -n "$libs" ] || exit 0
stdcxx=$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')
stdcxx=${stdcxx:-/usr/lib/x86_64-linux-gnu/libstdc++.so.6}
if grep -q GLIBCXX_3.4.32 "$stdcxx" 2>/dev/null; then exit 0; fi
for tool in patchelf gcc python3; do
  command -v "$tool" >/dev/null || { echo "torchsharp-compat: $tool is missing: run scripts/install-test-deps.sh" >&2; exit 1; }
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for lib in $libs; do
  dir=$(dirname "$lib")
  if patchelf --print-needed "$lib" | grep -qx libstdcxx_compat.so && [ -f "$dir/libstdcxx_compat.so" ]; then continue; fi
  printf 'namespace std { void ios_base_library_init() {} }\n' > "$dir/stdcxx_compat.cpp"
  gcc -shared -fPIC -O2 -o "$dir/libstdcxx_compat.so" -x c++ "$dir/stdcxx_compat.cpp"
  rm -f "$dir/stdcxx_compat.cpp"
  patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$lib"
  /usr/bin/python3 "$here/elf_weak_verneed.py" "$lib" GLIBCXX_3.4.32
  patchelf --add-needed libstdcxx_compat.so "$lib"
  rpath=$(patchelf --print-rpath "$lib")
  case ":$rpath:" in *":\$ORIGIN:"*) ;; *) patchelf --set-rpath "\$ORIGIN${rpath:+:$rpath}" "$lib" ;; esac
done
