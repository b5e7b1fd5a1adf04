#!/bin/sh
# What a new index generation costs the requests being served: replays PATHS at a fixed RATE
# (64 connections, 10 s of warm-up, 30 s measured) against a fresh searchd, and 12 s into the
# measured part moves the index's current link to another generation, as the indexer does when
# it publishes. Prints loadgen's latency figures; compare with NO_SWITCH=1, which leaves the
# link alone.
#
#   bench/reload-under-load.sh BUILD_DIR GENERATION PATHS [RATE]
#
#   BUILD_DIR   a CMake build folder (searchd/searchd and bench/loadgen in it)
#   GENERATION  a built generation (INDEX/generations/N): hard-linked twice into a scratch
#               index root, so the two generations are the same data under different paths
#   PATHS       request paths, one a line (bench/querymix.py)
#   RATE        requests/s (default 1000)
set -eu
if [ $# -lt 3 ]; then
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
build=$1 generation=$2 paths=$3 rate=${4:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/start-searchd.sh"
scratch=$(mktemp -d) log=$(mktemp) result=$(mktemp)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$scratch" "$log" "$result"
}
trap cleanup EXIT
chmod 755 "$scratch" # searchd started as root reads it as --user (nobody)
mkdir -p "$scratch/generations"
cp -al "$generation" "$scratch/generations/000001"
cp -al "$generation" "$scratch/generations/000002"
ln -s generations/000001 "$scratch/current"

start_searchd "$build" "$scratch/current" "$log"
switcher=
if [ "${NO_SWITCH:-0}" != 1 ]; then
    (sleep 22 && ln -s generations/000002 "$scratch/current.new" &&
         mv -T "$scratch/current.new" "$scratch/current") &
    switcher=$!
fi
"$build/bench/loadgen" --url "http://127.0.0.1:$port" --paths "$paths" --connections 64 \
    --rate "$rate" --warmup 10 --duration 30 --json "$result" --quiet
[ -z "$switcher" ] || wait "$switcher"
python3 - "$result" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
l = j["latency_ms"]
print("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms, %d errors"
      % (l["p50"], l["p99"], l["p99_9"], l["max"], j["errors_total"]))
EOF
if [ "${NO_SWITCH:-0}" != 1 ] && ! grep -q "now serving $scratch/generations/000002" "$log"; then
    echo "reload-under-load: searchd did not switch to the second generation:" >&2
    cat "$log" >&2
    exit 1
fi
