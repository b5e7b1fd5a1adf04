#!/bin/sh
# The whole test suite: installs what is missing, then builds and runs every test twice, in
# the Release build (build/) and under AddressSanitizer + UBSan (build-asan/). Ends with
# ctest's summary; exits non-zero if anything failed.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

sh scripts/deps.sh

status=0
for variant in release asan; do
    if [ "$variant" = release ]; then
        dir=build; flags="-DCMAKE_BUILD_TYPE=Release"
    else
        dir=build-asan; flags="-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSANITIZE=ON"
    fi
    echo "== $variant build ($dir) =="
    # shellcheck disable=SC2086
    cmake -S . -B "$dir" $flags >/dev/null
    cmake --build "$dir" -j "$jobs" >/dev/null
    echo "== $variant tests =="
    (cd "$dir" && ctest --output-on-failure -j "$jobs") || status=1
done
exit $status
