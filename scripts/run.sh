#!/bin/sh
# The main job: installs what is missing, builds, prepares the default data, indexes it and
# starts searchd on 127.0.0.1:8080 (in the foreground; --detach runs it in the background).
#
#   scripts/run.sh [--detach] [--port N]
set -eu
cd "$(dirname "$0")/.."
detach=0
port=8080
while [ $# -gt 0 ]; do
    case "$1" in
        --detach) detach=1 ;;
        --port) port="$2"; shift ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

sh scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

# The default corpus (data/generator): made again when missing or not of today, so that
# "published in the last N days" keeps its meaning.
mkdir -p var
today=$(date -u +%Y-%m-%d)
if ! grep -q "\"now\": \"${today}T" var/corpus/manifest.json 2>/dev/null; then
    echo "run: generating the default corpus in var/corpus"
    python3 data/generator/generate.py --seed 1 --scale 1 --now "$(date -u +%Y-%m-%dT%H:00:00Z)" --out var/corpus
fi
echo "run: indexing var/corpus"
build/indexer/indexer --index var/index --offres var/corpus/offres.jsonl \
    --formations var/corpus/formations.jsonl --fiches var/corpus/fiches.jsonl

url="http://127.0.0.1:$port/v1/search?q=infirmiere"
if [ "$detach" -eq 1 ]; then
    if [ -f var/searchd.pid ] && kill -0 "$(cat var/searchd.pid)" 2>/dev/null; then
        kill "$(cat var/searchd.pid)"; sleep 1
    fi
    nohup build/searchd/searchd --db var/index/current --port "$port" \
        --access-log var/access.log >var/searchd.log 2>&1 &
    echo $! >var/searchd.pid
    sleep 1
    kill -0 "$(cat var/searchd.pid)" || { cat var/searchd.log; exit 1; }
    echo "run: searchd is running (pid $(cat var/searchd.pid), log var/searchd.log). Try:"
    echo "  curl '$url'"
else
    echo "run: starting searchd; stop it with Ctrl-C. In another terminal, try:"
    echo "  curl '$url'"
    exec build/searchd/searchd --db var/index/current --port "$port" --access-log var/access.log
fi
