#!/usr/bin/env bash
# README command 2: the whole test suite.  Builds a normal and an
# ASan+UBSan configuration and runs ctest in both.  When the reference Helm
# is available (REF_HELM, or ~/.cache/osmo-ref/bin/helm as installed by
# ../shared/tools/get-reference-tools.sh) the conformance corpus also runs in
# live differential mode against it.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
ref=${REF_HELM:-$HOME/.cache/osmo-ref/bin/helm}
[ -x "$ref" ] && export REF_HELM="$ref"

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DOSMO_SANITIZE=ON -DOSMO_DEBUG_ARENA=ON >/dev/null
cmake --build build-asan -j"$jobs"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
echo "== tests (release build)"
ctest --test-dir build --output-on-failure -j"$jobs" || status=1
echo "== tests (ASan+UBSan build; the live helm comparison already ran above)"
env -u REF_HELM ctest --test-dir build-asan --output-on-failure -j"$jobs" || status=1
exit $status
