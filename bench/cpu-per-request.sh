#!/bin/sh
# searchd's CPU time per request over a list of paths: a steadier figure than requests/s on a
# shared machine, where a busy neighbour moves throughput by a third from one run to the next.
# Starts a fresh searchd, lets it warm for WARM seconds, replays the first REQUESTS paths with
# loadgen at 32 connections, and reads the CPU time searchd used meanwhile (user + system, from
# /proc). Compare two builds by running them in turn, several times each.
#
#   bench/cpu-per-request.sh BUILD_DIR INDEX PATHS [REQUESTS] [WARM]
#
#   BUILD_DIR  a CMake build folder (searchd/searchd and bench/loadgen in it)
#   INDEX      an index root's current link or a database (searchd --db)
#   PATHS      request paths, one a line (bench/querymix.py)
#   REQUESTS   how many to replay (default 40000)
#   WARM       seconds between start-up and the first request (default 6)
set -eu
if [ $# -lt 3 ]; then
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
build=$1 index=$2 paths=$3 requests=${4:-40000} warm=${5:-6}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/start-searchd.sh"
log=$(mktemp) result=$(mktemp)
trap 'rm -f "$log" "$result"' EXIT

start_searchd "$build" "$index" "$log"
sleep "$warm"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu_ticks)
"$build/bench/loadgen" --url "http://127.0.0.1:$port" --paths "$paths" --connections 32 \
    --requests "$requests" --json "$result" --quiet
after=$(cpu_ticks)
kill "$pid"
wait "$pid" || true
python3 - "$result" "$before" "$after" "$requests" "$(getconf CLK_TCK)" <<'EOF'
import json, sys
result, before, after, requests, hz = sys.argv[1:]
j = json.load(open(result))
ms = (float(after) - float(before)) * 1000.0 / float(hz) / int(requests)
print("%.3f ms of CPU per request, %.0f requests/s, %d errors" % (ms, j["rps"], j["errors_total"]))
EOF
