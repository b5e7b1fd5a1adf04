#!/bin/sh
# Installs the Debian 12 packages the project needs, if any is missing. Sourced or run by
# run.sh and test.sh; safe to run again (it does nothing when everything is there).
set -eu

PACKAGES="gcc g++ clang make cmake pkg-config python3 ca-certificates \
libxapian-dev xapian-tools libevent-dev libjansson-dev libcurl4-openssl-dev \
wrk"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "deps: these Debian packages are missing and I am not root:$missing" >&2
    echo "deps: install them with: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done"
