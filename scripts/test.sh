#!/bin/sh
# The whole test suite: installs what is missing, then builds and runs the tests in the
# Release build (build/), again under AddressSanitizer + UBSan (build-asan/), then runs the
# libFuzzer targets for FUZZ_SECONDS each (build-fuzz/, clang). Ends with ctest's summary;
# exits non-zero if anything failed.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

sh scripts/deps.sh

status=0
for variant in release asan fuzz; do
    case $variant in
        release) dir=build; flags="-DCMAKE_BUILD_TYPE=Release" ;;
        asan) dir=build-asan; flags="-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSANITIZE=ON" ;;
        fuzz) dir=build-fuzz
              flags="-DCMAKE_BUILD_TYPE=RelWithDebInfo -DFUZZ=ON -DFUZZ_SECONDS=${FUZZ_SECONDS:-20}"
              flags="$flags -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++" ;;
    esac
    echo "== $variant build ($dir) =="
    # shellcheck disable=SC2086
    cmake -S . -B "$dir" $flags >/dev/null
    cmake --build "$dir" -j "$jobs" >/dev/null
    echo "== $variant tests =="
    (cd "$dir" && ctest --output-on-failure -j "$jobs") || status=1
done
exit $status
