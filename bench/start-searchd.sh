# Sourced by the bench scripts: start_searchd BUILD_DIR DB LOG starts a searchd from BUILD_DIR
# on DB, on a free loopback port, without access log, logging to LOG, and sets pid and port
# once it listens (exits the script with LOG shown if it does not). Needs root set to the
# source tree.
start_searchd() {
    "$1/searchd/searchd" --db "$2" --port 0 --access-log none \
        --referentiels "$root/data/referentiels" --stopwords "$root/stopwords/fr.txt" >"$3" 2>&1 &
    pid=$!
    port=
    for _ in $(seq 1 300); do
        port=$(sed -n 's/^searchd: listening on .*:\([0-9]*\)$/\1/p' "$3")
        [ -n "$port" ] && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "$(basename "$0"): searchd did not start:" >&2
    cat "$3" >&2
    kill "$pid" 2>/dev/null
    exit 1
}
