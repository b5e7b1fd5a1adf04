#include "options.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void options_usage(FILE *out)
{
    fprintf(out,
            "usage: loadgen --url http://HOST[:PORT][/PREFIX] --paths FILE [options]\n"
            "\n"
            "Replays the request paths of FILE (one a line, such as\n"
            "/v1/search?q=aide%%20soignant&commune=75056; empty lines and lines starting with #\n"
            "are skipped) as GET requests over keep-alive connections, in file order (the i-th\n"
            "request sent takes line i, wrapping around), and reports requests/s, latency\n"
            "percentiles, errors by kind and bytes received.\n"
            "\n"
            "  --url URL          the server; PREFIX, if any, goes before every path\n"
            "  --paths FILE       the request paths; - for standard input\n"
            "  --connections N    concurrent connections (default 10, at most %d)\n"
            "  --duration S       measure for S seconds after the warm-up (default 10)\n"
            "  --requests N       measure N requests after the warm-up instead\n"
            "  --warmup S         send for S seconds first, unmeasured (default 0)\n"
            "  --rate R           fixed arrival rate: R requests/s in all, each scheduled at its\n"
            "                     own time and timed from then, so waiting for a free connection\n"
            "                     counts (no coordinated omission); default: a closed loop, where\n"
            "                     each connection sends its next request when a reply arrives\n"
            "  --shuffle SEED     replay the lines in an order shuffled by SEED (an integer)\n"
            "  --timeout S        a request without a full reply after S seconds is an error and\n"
            "                     its connection is reopened; the run stops early when no\n"
            "                     connection can be made for S seconds (default 5)\n"
            "  --header 'N: V'    an extra request header (repeatable, up to %d)\n"
            "  --json FILE        also write the results as JSON; - for standard output\n"
            "  --quiet            no table on standard output\n"
            "  --help             this text\n"
            "\n"
            "Options take their value as the next argument or after '=' (--rate=500).\n"
            "Errors are counted by kind: connect, timeout, read (connection closed or reset\n"
            "during a reply), write, protocol (malformed reply), and HTTP 4xx and 5xx replies.\n"
            "Exit status: 0 after a run with at least one successful (2xx/3xx) reply, 1 when\n"
            "the server cannot be reached or no reply succeeded, 2 on a usage error.\n",
            LG_MAX_CONNECTIONS, LG_MAX_HEADERS);
}

static int parse_seconds(const char *flag, const char *v, int allow_zero, double *out,
                         ps_error *err)
{
    char *end;
    errno = 0;
    double s = strtod(v, &end);
    if (!*v || *end || errno || !isfinite(s) || s < 0 || (!allow_zero && s == 0) || s > 86400 * 7)
        return ps_fail(err, "%s: '%s' is not a number of seconds%s", flag, v,
                       allow_zero ? "" : " above 0");
    *out = s;
    return 0;
}

static int parse_count(const char *flag, const char *v, uint64_t min, uint64_t max,
                       uint64_t *out, ps_error *err)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (!*v || *end || errno || v[0] == '-' || n < min || n > max)
        return ps_fail(err, "%s: '%s' is not a whole number from %llu to %llu", flag, v,
                       (unsigned long long)min, (unsigned long long)max);
    *out = n;
    return 0;
}

static int parse_header_option(lg_options *opt, const char *v, ps_error *err)
{
    const char *colon = strchr(v, ':');
    if (!colon || colon == v)
        return ps_fail(err, "--header: '%s' is not 'Name: value'", v);
    for (const char *p = v; p < colon; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
            return ps_fail(err, "--header: invalid header name in '%s'", v);
    for (const char *p = v; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\t')
            return ps_fail(err, "--header: control character in '%s'", v);
    if (opt->nheaders == LG_MAX_HEADERS)
        return ps_fail(err, "--header: at most %d headers", LG_MAX_HEADERS);
    opt->headers[opt->nheaders++] = v;
    return 0;
}

/* Applies one option and its value. */
static int set_option(lg_options *opt, const char *flag, const char *v, int *duration_given,
                      ps_error *err)
{
    uint64_t n;
    if (strcmp(flag, "--url") == 0) {
        opt->url_text = v;
        return url_parse(v, &opt->url, err);
    }
    if (strcmp(flag, "--paths") == 0) {
        opt->paths_file = v;
        return 0;
    }
    if (strcmp(flag, "--connections") == 0) {
        if (parse_count(flag, v, 1, LG_MAX_CONNECTIONS, &n, err) != 0)
            return -1;
        opt->connections = (unsigned)n;
        return 0;
    }
    if (strcmp(flag, "--duration") == 0) {
        *duration_given = 1;
        return parse_seconds(flag, v, 0, &opt->duration_s, err);
    }
    if (strcmp(flag, "--requests") == 0)
        return parse_count(flag, v, 1, UINT64_MAX / 2, &opt->requests, err);
    if (strcmp(flag, "--warmup") == 0)
        return parse_seconds(flag, v, 1, &opt->warmup_s, err);
    if (strcmp(flag, "--rate") == 0) {
        char *end;
        errno = 0;
        double r = strtod(v, &end);
        if (!*v || *end || errno || !isfinite(r) || r <= 0 || r > 1e7)
            return ps_fail(err, "--rate: '%s' is not a number of requests/s above 0", v);
        opt->rate = r;
        return 0;
    }
    if (strcmp(flag, "--shuffle") == 0) {
        opt->shuffle = 1;
        return parse_count(flag, v, 0, UINT64_MAX, &opt->shuffle_seed, err);
    }
    if (strcmp(flag, "--timeout") == 0)
        return parse_seconds(flag, v, 0, &opt->timeout_s, err);
    if (strcmp(flag, "--header") == 0)
        return parse_header_option(opt, v, err);
    if (strcmp(flag, "--json") == 0) {
        opt->json_path = v;
        return 0;
    }
    return ps_fail(err, "unknown option %s (see --help)", flag);
}

options_result options_parse(int argc, char **argv, lg_options *opt, ps_error *err)
{
    memset(opt, 0, sizeof *opt);
    opt->connections = 10;
    opt->duration_s = 10;
    opt->timeout_s = 5;
    int duration_given = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
            return OPTIONS_HELP;
        if (strcmp(arg, "--quiet") == 0) {
            opt->quiet = 1;
            continue;
        }
        if (strncmp(arg, "--", 2) != 0) {
            ps_fail(err, "unexpected argument '%s' (see --help)", arg);
            return OPTIONS_INVALID;
        }
        char flag[32];
        const char *value;
        const char *eq = strchr(arg, '=');
        if (eq) {
            size_t len = (size_t)(eq - arg);
            if (len >= sizeof flag) {
                ps_fail(err, "unknown option %s (see --help)", arg);
                return OPTIONS_INVALID;
            }
            memcpy(flag, arg, len);
            flag[len] = '\0';
            value = eq + 1;
        } else {
            if (strlen(arg) >= sizeof flag) {
                ps_fail(err, "unknown option %s (see --help)", arg);
                return OPTIONS_INVALID;
            }
            strcpy(flag, arg);
            if (i + 1 >= argc) {
                ps_fail(err, "%s needs a value (see --help)", arg);
                return OPTIONS_INVALID;
            }
            value = argv[++i];
        }
        if (set_option(opt, flag, value, &duration_given, err) != 0)
            return OPTIONS_INVALID;
    }
    if (!opt->url_text) {
        ps_fail(err, "--url is required (see --help)");
        return OPTIONS_INVALID;
    }
    if (!opt->paths_file) {
        ps_fail(err, "--paths is required (see --help)");
        return OPTIONS_INVALID;
    }
    if (opt->requests) {
        if (duration_given) {
            ps_fail(err, "give --duration or --requests, not both");
            return OPTIONS_INVALID;
        }
        opt->duration_s = 0;
    }
    return OPTIONS_RUN;
}

/* Checks the host part: an IPv6 literal in brackets, or letters, digits, dots and hyphens. */
static int parse_host(const char *start, const char *end, lg_url *url, ps_error *err)
{
    const char *h = start, *hend = end;
    if (*start == '[') {
        const char *close = memchr(start, ']', (size_t)(end - start));
        if (!close || close + 1 != end)
            return ps_fail(err, "invalid IPv6 address in the URL");
        h = start + 1;
        hend = close;
        for (const char *p = h; p < hend; p++)
            if (!isxdigit((unsigned char)*p) && *p != ':' && *p != '.')
                return ps_fail(err, "invalid IPv6 address in the URL");
    } else {
        for (const char *p = h; p < hend; p++)
            if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
                return ps_fail(err, "invalid character '%c' in the URL's host", *p);
    }
    if (h == hend || (size_t)(hend - h) >= sizeof url->host)
        return ps_fail(err, "the URL has no host, or too long a one");
    memcpy(url->host, h, (size_t)(hend - h));
    url->host[hend - h] = '\0';
    return 0;
}

int url_parse(const char *text, lg_url *url, ps_error *err)
{
    memset(url, 0, sizeof *url);
    if (strncasecmp(text, "https://", 8) == 0)
        return ps_fail(err, "'%s': https is not supported; point loadgen at the plain HTTP port",
                       text);
    if (strncasecmp(text, "http://", 7) != 0)
        return ps_fail(err, "'%s' is not a URL of the form http://HOST[:PORT][/PREFIX]", text);
    const char *auth = text + 7;
    size_t alen = strcspn(auth, "/?#");
    const char *aend = auth + alen;
    if (memchr(auth, '@', alen))
        return ps_fail(err, "'%s': user names in the URL are not supported", text);
    if (alen >= sizeof url->authority)
        return ps_fail(err, "'%s': the host is too long", text);
    memcpy(url->authority, auth, alen);

    /* The port is after the last ':' that follows any IPv6 brackets. */
    const char *bracket = memchr(auth, ']', alen);
    const char *colon = NULL;
    for (const char *p = bracket ? bracket : auth; p < aend; p++)
        if (*p == ':')
            colon = p;
    const char *hend = colon ? colon : aend;
    ps_error host_err;
    if (parse_host(auth, hend, url, &host_err) != 0)
        return ps_fail(err, "'%s': %s", text, host_err.message);
    strcpy(url->port, "80");
    if (colon) {
        size_t plen = (size_t)(aend - colon - 1);
        char *end;
        char digits[8] = {0};
        if (plen == 0 || plen > 5)
            return ps_fail(err, "'%s': invalid port", text);
        memcpy(digits, colon + 1, plen);
        long port = strtol(digits, &end, 10);
        if (*end || port < 1 || port > 65535 || !isdigit((unsigned char)digits[0]))
            return ps_fail(err, "'%s': invalid port", text);
        snprintf(url->port, sizeof url->port, "%ld", port);
    }

    const char *path = aend;
    if (strpbrk(path, "?#"))
        return ps_fail(err, "'%s': the base URL cannot have a query or a fragment", text);
    size_t plen = strlen(path);
    while (plen > 0 && path[plen - 1] == '/')
        plen--;
    if (plen >= sizeof url->prefix)
        return ps_fail(err, "'%s': the path prefix is too long", text);
    for (size_t i = 0; i < plen; i++)
        if ((unsigned char)path[i] <= 0x20 || path[i] == 0x7f)
            return ps_fail(err, "'%s': space or control character in the path prefix", text);
    memcpy(url->prefix, path, plen);
    return 0;
}
