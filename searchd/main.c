/* searchd: the search HTTP server. Reads its configuration from flags and environment
 * variables (flags win), opens the référentiels and the index, and serves. */
#include <malloc.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isodate.h"
#include "server.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: searchd --db PATH [options]\n"
            "\n"
            "Serves the index at PATH (an index root's \"current\" link, which it follows as the\n"
            "indexer publishes) over HTTP: /v1/search, /v1/suggest, /v1/documents/{type}/{id},\n"
            "/health, /metrics. See docs/api.md.\n"
            "\n"
            "  --db PATH            the index (env SEARCHD_DB)\n"
            "  --bind ADDR          address to listen on (env SEARCHD_BIND, default 127.0.0.1)\n"
            "  --port N             port, 0 for any free one (env SEARCHD_PORT, default 8080)\n"
            "  --referentiels DIR   communes, départements, régions, métiers\n"
            "                       (env SEARCHD_REFERENTIELS, default %s)\n"
            "  --stopwords FILE     French stop words (env SEARCHD_STOPWORDS, default %s)\n"
            "  --cors-origin O      Access-Control-Allow-Origin (env SEARCHD_CORS_ORIGIN, default *)\n"
            "  --access-log FILE    one JSON line per request; - for stdout, none for no log\n"
            "                       (env SEARCHD_ACCESS_LOG, default -)\n"
            "  --user NAME          the user to become when started as root (env SEARCHD_USER,\n"
            "                       default nobody; root keeps root)\n"
            "  --timeout S          drop idle or slow clients after S seconds (default 30)\n"
            "  --threads N          worker threads (env SEARCHD_THREADS, default: CPUs)\n"
            "  --now ISO8601        fixed reference time for publieeDepuis, for reproducible\n"
            "                       tests (env SEARCHD_NOW, default: the clock)\n"
            "  --help               this text\n"
            "\n"
            "Prints \"searchd: listening on ADDR:PORT\" once it accepts requests; stops on SIGINT or\n"
            "SIGTERM after the requests in flight. Exit status: 0 after a clean stop, 1 on an\n"
            "error, 2 on a usage error.\n",
            PS_DEFAULT_REFERENTIELS, PS_DEFAULT_STOPWORDS);
}

static int parse_int(const char *s, int min, int max, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < min || v > max)
        return -1;
    *out = (int)v;
    return 0;
}

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

typedef struct option {
    const char *flag, *env;
    enum { OPT_STRING, OPT_PORT, OPT_TIMEOUT, OPT_THREADS, OPT_TIME } kind;
    size_t offset;
} option;

static const option options[] = {
    {"--db", "SEARCHD_DB", OPT_STRING, offsetof(server_config, db_path)},
    {"--bind", "SEARCHD_BIND", OPT_STRING, offsetof(server_config, bind_address)},
    {"--port", "SEARCHD_PORT", OPT_PORT, offsetof(server_config, port)},
    {"--referentiels", "SEARCHD_REFERENTIELS", OPT_STRING, offsetof(server_config, referentiels_dir)},
    {"--stopwords", "SEARCHD_STOPWORDS", OPT_STRING, offsetof(server_config, stopwords_path)},
    {"--cors-origin", "SEARCHD_CORS_ORIGIN", OPT_STRING, offsetof(server_config, cors_origin)},
    {"--access-log", "SEARCHD_ACCESS_LOG", OPT_STRING, offsetof(server_config, access_log)},
    {"--user", "SEARCHD_USER", OPT_STRING, offsetof(server_config, user)},
    {"--timeout", "SEARCHD_TIMEOUT", OPT_TIMEOUT, offsetof(server_config, timeout_seconds)},
    {"--threads", "SEARCHD_THREADS", OPT_THREADS, offsetof(server_config, threads)},
    {"--now", "SEARCHD_NOW", OPT_TIME, offsetof(server_config, now)},
};

static int set_option(server_config *cfg, const option *o, const char *value)
{
    void *field = (char *)cfg + o->offset;
    switch (o->kind) {
    case OPT_STRING: *(const char **)field = value; return 0;
    case OPT_PORT: return parse_int(value, 0, 65535, field);
    case OPT_TIMEOUT: return parse_int(value, 1, 3600, field);
    case OPT_THREADS: {
        int n;
        if (parse_int(value, 1, 64, &n) != 0)
            return -1;
        *(unsigned *)field = (unsigned)n;
        return 0;
    }
    case OPT_TIME: return isodate_parse(value, field) ? 0 : -1;
    }
    return -1;
}

/* Returns 0 to run, 1 when --help was printed, -1 on a usage error. */
static int parse_options(int argc, char **argv, server_config *cfg)
{
    *cfg = (server_config){.bind_address = "127.0.0.1",
                           .port = 8080,
                           .stopwords_path = PS_DEFAULT_STOPWORDS,
                           .referentiels_dir = PS_DEFAULT_REFERENTIELS,
                           .cors_origin = "*",
                           .access_log = "-",
                           .timeout_seconds = 30,
                           .threads = default_threads()};
    size_t n = sizeof options / sizeof options[0];
    for (size_t i = 0; i < n; i++) {
        const char *v = getenv(options[i].env);
        if (v && *v && set_option(cfg, &options[i], v) != 0) {
            fprintf(stderr, "searchd: %s has an invalid value\n", options[i].env);
            return -1;
        }
    }
    for (int i = 1; i < argc; i += 2) { /* every option takes one value */
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 1;
        }
        size_t k;
        for (k = 0; k < n && strcmp(argv[i], options[k].flag) != 0; k++)
            ;
        if (k == n) {
            fprintf(stderr, "searchd: unknown option %s\n", argv[i]);
            return -1;
        }
        if (i + 1 >= argc || set_option(cfg, &options[k], argv[i + 1]) != 0) {
            fprintf(stderr, "searchd: %s needs a valid value\n", argv[i]);
            return -1;
        }
    }
    if (cfg->access_log && strcmp(cfg->access_log, "none") == 0)
        cfg->access_log = NULL;
    if (!cfg->db_path) {
        fprintf(stderr, "searchd: --db is required\n");
        return -1;
    }
    return 0;
}

/* Requests allocate and free match lists and replies of tens to hundreds of KB all the time;
 * with glibc's defaults a thread's heap gives its top back to the system and takes it again,
 * and large blocks are fresh mappings: page faults and mprotect calls on every request. Kept
 * memory stays bounded by what the caches and one request hold. */
static void keep_freed_memory(void)
{
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

int main(int argc, char **argv)
{
    keep_freed_memory();
    server_config cfg;
    int parsed = parse_options(argc, argv, &cfg);
    if (parsed != 0) {
        if (parsed < 0)
            usage(stderr);
        return parsed < 0 ? 2 : 0;
    }
    server *srv;
    ps_error err;
    if (server_open(&cfg, &srv, &err) != 0) {
        fprintf(stderr, "searchd: %s\n", err.message);
        return 1;
    }
    fprintf(stderr, "searchd: listening on %s:%d\n", cfg.bind_address, server_port(srv));
    int rc = server_run(srv, &err);
    if (rc != 0)
        fprintf(stderr, "searchd: %s\n", err.message);
    server_free(srv);
    return rc != 0;
}
