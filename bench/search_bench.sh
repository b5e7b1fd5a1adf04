#!/bin/sh
# searchd benchmark with wrk (Debian's package) over a query mix: indexes the stand-in corpus
# if needed, starts searchd on a free port, warms up, then runs wrk RUNS times at 32
# connections; prints requests/s and wrk's latency percentiles for each run, the median
# requests/s, and the share of requests searchd itself answered within 1 ms and 10 ms (from its
# /metrics histogram). Targets (issue 5): server-side p50 <= 1 ms, p99 <= 10 ms, >= 5,000
# requests/s at 32 connections, no errors.
#
#   bench/search_bench.sh [--runs N] [--seconds S] [--connections C]
set -eu
cd "$(dirname "$0")/.."
runs=3 seconds=20 connections=32
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift ;;
        --seconds) seconds="$2"; shift ;;
        --connections) connections="$2"; shift ;;
        *) echo "search_bench: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
command -v wrk >/dev/null || { echo "search_bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
work=var/bench
mkdir -p "$work"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" >/dev/null
if [ ! -e "$work/index/current" ]; then
    [ -f "$work/standin-offres.jsonl" ] ||
        python3 bench/standin_corpus.py --count 151337 --seed 1 --out "$work/standin-offres.jsonl"
    build/indexer/indexer --index "$work/index" --offres "$work/standin-offres.jsonl" --quiet
fi
python3 bench/standin_mix.py --count 2000 --seed 1 --out "$work/paths.txt"
cat >"$work/mix.lua" <<LUA
local paths = {}
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
build/searchd/searchd --db "$work/index/current" --port 0 --access-log none \
    2>"$work/searchd.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q "listening on" "$work/searchd.log" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on .*:\([0-9]*\)$/\1/p' "$work/searchd.log")
url="http://127.0.0.1:$port"
wrk -t2 -c"$connections" -d10s -s "$work/mix.lua" "$url" >/dev/null # warm-up: caches filled
curl -s "$url/metrics" >"$work/metrics-before.txt"
: >"$work/rps.txt"
for i in $(seq "$runs"); do
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/mix.lua" "$url" >"$work/wrk.txt"
    rps=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt")
    echo "$rps" >>"$work/rps.txt"
    echo "run $i: $rps requests/s;" \
         "$(awk '/ 50%| 99%/ { printf "%s %s ", $1, $2 }' "$work/wrk.txt")(wrk, client side);" \
         "$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" || echo 'no errors')"
done
curl -s "$url/metrics" >"$work/metrics-after.txt"
share() { # share of search requests served within $1 seconds, over the measured runs
    b=$(grep "route=\"search\",le=\"$1\"" "$work/metrics-before.txt" | awk '{ print $2 }')
    a=$(grep "route=\"search\",le=\"$1\"" "$work/metrics-after.txt" | awk '{ print $2 }')
    tb=$(grep 'route="search",le="+Inf"' "$work/metrics-before.txt" | awk '{ print $2 }')
    ta=$(grep 'route="search",le="+Inf"' "$work/metrics-after.txt" | awk '{ print $2 }')
    echo "$a $b $ta $tb" | awk '{ printf "%.1f%%", 100 * ($1 - $2) / ($3 - $4) }'
}
echo "median: $(sort -n "$work/rps.txt" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" \
     "requests/s at $connections connections ($runs runs of ${seconds}s);" \
     "searchd answered $(share 0.001) of searches within 1 ms, $(share 0.01) within 10 ms"
