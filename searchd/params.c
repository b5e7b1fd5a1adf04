#include "params.h"

#include <errno.h>
#include <event2/http.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"

static int param_fail(param_error *perr, const char *parameter, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int param_fail(param_error *perr, const char *parameter, const char *fmt, ...)
{
    perr->parameter = parameter;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(perr->message, sizeof perr->message, fmt, ap);
    va_end(ap);
    return -1;
}

/* The single value of name (or of its alias), NULL when absent; -1 when given twice. */
static int single_value(struct evkeyvalq *params, const char *name, const char *alias,
                        const char **out, param_error *perr)
{
    *out = NULL;
    for (struct evkeyval *kv = params->tqh_first; kv; kv = kv->next.tqe_next) {
        if (strcmp(kv->key, name) != 0 && !(alias && strcmp(kv->key, alias) == 0))
            continue;
        if (*out)
            return param_fail(perr, name, "%s is given more than once", name);
        *out = kv->value;
    }
    return 0;
}

static int parse_uint(const char *name, const char *value, uint32_t max, uint32_t *out,
                      param_error *perr)
{
    if (!value)
        return 0;
    char *end;
    errno = 0;
    unsigned long v = strtoul(value, &end, 10);
    if (!*value || *end || value[0] == '-' || value[0] == '+' || errno == ERANGE || v > max)
        return param_fail(perr, name, "%s must be a whole number from 0 to %u", name, max);
    *out = (uint32_t)v;
    return 0;
}

static const char *const known_search_params[] = {"q", "motsCles", "offset", "limit"};

static int check_known(struct evkeyvalq *params, param_error *perr)
{
    for (struct evkeyval *kv = params->tqh_first; kv; kv = kv->next.tqe_next) {
        size_t i, n = sizeof known_search_params / sizeof known_search_params[0];
        for (i = 0; i < n && strcmp(kv->key, known_search_params[i]) != 0; i++)
            ;
        if (i == n)
            return param_fail(perr, kv->key, "unknown parameter");
    }
    return 0;
}

int params_parse_search(const char *query_string, struct evkeyvalq *params, search_request *req,
                        param_error *perr)
{
    *req = (search_request){.q = "", .offset = 0, .limit = 20};
    params->tqh_first = NULL; /* TAILQ_INIT, which libevent does not export */
    params->tqh_last = &params->tqh_first;
    if (!query_string || !*query_string)
        return 0;
    if (strlen(query_string) > PARAMS_MAX_QUERY_STRING)
        return param_fail(perr, NULL, "the query string is longer than %d bytes",
                          PARAMS_MAX_QUERY_STRING);
    if (evhttp_parse_query_str(query_string, params) != 0)
        return param_fail(perr, NULL, "the query string is malformed (each parameter needs '=')");
    const char *q, *offset, *limit;
    if (check_known(params, perr) != 0 || single_value(params, "q", "motsCles", &q, perr) != 0 ||
        single_value(params, "offset", NULL, &offset, perr) != 0 ||
        single_value(params, "limit", NULL, &limit, perr) != 0)
        return -1;
    if (q) {
        if (strlen(q) > PARAMS_MAX_Q)
            return param_fail(perr, "q", "q is longer than %d bytes", PARAMS_MAX_Q);
        if (!utf8_valid(q, strlen(q)))
            return param_fail(perr, "q", "q is not valid UTF-8");
        req->q = q;
    }
    if (parse_uint("offset", offset, PARAMS_MAX_WINDOW, &req->offset, perr) != 0 ||
        parse_uint("limit", limit, PARAMS_MAX_LIMIT, &req->limit, perr) != 0)
        return -1;
    if (req->offset + req->limit > PARAMS_MAX_WINDOW)
        return param_fail(perr, "offset", "offset + limit must not exceed %d", PARAMS_MAX_WINDOW);
    return 0;
}
