/* options: loadgen's command line: the target URL, the path file, the load shape (closed loop
 * or fixed rate, connections, duration or request count, warm-up) and the outputs. */
#ifndef LG_OPTIONS_H
#define LG_OPTIONS_H

#include <stdint.h>
#include <stdio.h>

#include "error.h"

enum { LG_MAX_HEADERS = 16, LG_MAX_CONNECTIONS = 10000 };

/* A base URL, http://HOST[:PORT][/PREFIX]. */
typedef struct lg_url {
    char host[256];      /* without the brackets of an IPv6 literal */
    char port[8];        /* decimal, 80 by default */
    char authority[300]; /* host[:port] as written, for the Host header */
    char prefix[1024];   /* put before every path; "" or "/..." without a trailing slash */
} lg_url;

typedef struct lg_options {
    const char *url_text;
    lg_url url;
    const char *paths_file; /* "-" for standard input */
    unsigned connections;
    double duration_s; /* 0 when the run is bounded by requests */
    uint64_t requests; /* 0 when the run is bounded by duration */
    double warmup_s;
    double rate; /* requests per second; 0 for a closed loop */
    int shuffle;
    uint64_t shuffle_seed;
    double timeout_s;
    const char *json_path; /* NULL for none, "-" for standard output */
    const char *headers[LG_MAX_HEADERS]; /* extra "Name: value" request headers */
    unsigned nheaders;
    int quiet; /* no table on standard output */
} lg_options;

typedef enum { OPTIONS_RUN, OPTIONS_HELP, OPTIONS_INVALID } options_result;

/* Fills opt from argv (defaults for what is not given). OPTIONS_INVALID: err says why. */
options_result options_parse(int argc, char **argv, lg_options *opt, ps_error *err);
void options_usage(FILE *out);

int url_parse(const char *text, lg_url *url, ps_error *err);

#endif
