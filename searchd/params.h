/* params: turns a request's query string into a search_request, or names the parameter that
 * is wrong and why, for the 400 reply. Never trusts evhttp's defaults: sizes are capped and
 * text must be valid UTF-8. */
#ifndef PS_PARAMS_H
#define PS_PARAMS_H

#include <event2/keyvalq_struct.h>

#include "search.h"

enum {
    PARAMS_MAX_QUERY_STRING = 4096, /* bytes of the raw query string */
    PARAMS_MAX_Q = 512,             /* bytes of the q parameter */
    PARAMS_MAX_LIMIT = 100,
    PARAMS_MAX_WINDOW = 10000       /* offset + limit */
};

typedef struct param_error {
    const char *parameter; /* the offending parameter, or NULL for the query string as a whole */
    char message[256];
} param_error;

/* Parses the query string (NULL or "" for none) into req; the strings in req point into
 * *params, which the caller clears with evhttp_clear_headers. Returns -1 with perr filled. */
int params_parse_search(const char *query_string, struct evkeyvalq *params, search_request *req,
                        param_error *perr);

#endif
