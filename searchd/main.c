/* searchd: the search HTTP server. Parses its options, opens the index and serves. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: searchd --db DIR [--bind ADDR] [--port N] [--stopwords FILE] [--timeout S]\n"
            "\n"
            "Serves the index in DIR over HTTP: GET /v1/search?q=..., GET /health.\n"
            "\n"
            "  --db DIR          the index to serve\n"
            "  --bind ADDR       address to listen on (default 127.0.0.1)\n"
            "  --port N          port to listen on (default 8080; 0 picks a free one)\n"
            "  --stopwords FILE  French stop words (default %s)\n"
            "  --timeout S       drop idle or slow clients after S seconds (default 30)\n"
            "  --help            this text\n"
            "\n"
            "Prints \"searchd: listening on ADDR:PORT\" once it accepts requests; stops on SIGINT\n"
            "or SIGTERM. Exit status: 0 after a clean stop, 1 on an error, 2 on a usage error.\n",
            PS_DEFAULT_STOPWORDS);
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

/* Returns 0 to run, 1 when --help was printed, -1 on a usage error. */
static int parse_options(int argc, char **argv, server_config *cfg)
{
    *cfg = (server_config){.bind_address = "127.0.0.1",
                           .port = 8080,
                           .stopwords_path = PS_DEFAULT_STOPWORDS,
                           .timeout_seconds = 30};
    for (int i = 1; i < argc; i += 2) { /* every option takes one value */
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 1;
        }
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        int ok = value != NULL;
        if (strcmp(arg, "--db") == 0)
            cfg->db_path = value;
        else if (strcmp(arg, "--bind") == 0)
            cfg->bind_address = value;
        else if (strcmp(arg, "--stopwords") == 0)
            cfg->stopwords_path = value;
        else if (strcmp(arg, "--port") == 0)
            ok = ok && parse_int(value, 0, 65535, &cfg->port) == 0;
        else if (strcmp(arg, "--timeout") == 0)
            ok = ok && parse_int(value, 1, 3600, &cfg->timeout_seconds) == 0;
        else {
            fprintf(stderr, "searchd: unknown option %s\n", arg);
            return -1;
        }
        if (!ok) {
            fprintf(stderr, "searchd: %s needs a valid value\n", arg);
            return -1;
        }
    }
    if (!cfg->db_path) {
        fprintf(stderr, "searchd: --db is required\n");
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
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
    printf("searchd: listening on %s:%d\n", cfg.bind_address, server_port(srv));
    fflush(stdout);
    int rc = server_run(srv, &err);
    if (rc != 0)
        fprintf(stderr, "searchd: %s\n", err.message);
    server_free(srv);
    return rc != 0;
}
