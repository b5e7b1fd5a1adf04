#!/bin/sh
# Indexer benchmark: full builds of a corpus (default: the stand-in corpus of 151,337 offers)
# and incremental upserts of 1,000 offers, RUNS times each; prints each run and the medians of
# wall time, peak RSS and index size. Targets (issue 4): full build <= 60 s, incremental
# upsert of 1,000 <= 2 s, index <= 1 GB, peak RSS <= 1 GB.
#
#   bench/index_bench.sh [--runs N] [--offres FILE]
set -eu
cd "$(dirname "$0")/.."
runs=3
offres=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift ;;
        --offres) offres="$2"; shift ;;
        *) echo "index_bench: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
work=var/bench
mkdir -p "$work"
if [ -z "$offres" ]; then
    offres=$work/standin-offres.jsonl
    [ -f "$offres" ] || python3 bench/standin_corpus.py --count 151337 --seed 1 --out "$offres"
fi
head -1000 "$offres" | sed 's/"intitule": "/"intitule": "(mis à jour) /' >"$work/delta.jsonl"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/full.txt"
: >"$work/incr.txt"
for i in $(seq "$runs"); do
    rm -rf "$work/index"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" build/indexer/indexer --index "$work/index" \
        --offres "$offres" --quiet >"$work/out.txt"
    size=$(du -sk "$work/index/generations" | cut -f1)
    read -r secs rss <"$work/time.txt"
    echo "$secs $rss $size" >>"$work/full.txt"
    echo "full build $i: $secs s, peak RSS $((rss / 1024)) MB, index $((size / 1024)) MB"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" build/indexer/indexer --index "$work/index" \
        --incremental --offres "$work/delta.jsonl" --quiet >/dev/null
    read -r secs rss <"$work/time.txt"
    echo "$secs" >>"$work/incr.txt"
    echo "incremental upsert of 1,000: $secs s"
done
echo "median full build: $(cut -d' ' -f1 "$work/full.txt" | median) s;" \
     "peak RSS $(cut -d' ' -f2 "$work/full.txt" | median | awk '{ printf "%d", $1 / 1024 }') MB;" \
     "index $(cut -d' ' -f3 "$work/full.txt" | median | awk '{ printf "%d", $1 / 1024 }') MB;" \
     "median incremental upsert of 1,000: $(median <"$work/incr.txt") s ($runs runs)"
