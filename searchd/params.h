/* params: turns a request's query string into a validated request, or names the parameter
 * that is wrong and why, for the 400 reply. Never trusts evhttp's defaults: sizes are capped,
 * text must be valid UTF-8, unknown and repeated parameters are refused, and codes must exist
 * in the référentiels. */
#ifndef PS_PARAMS_H
#define PS_PARAMS_H

#include <event2/keyvalq_struct.h>
#include <stdint.h>

#include "referentiel.h"
#include "request.h"

enum {
    PARAMS_MAX_QUERY_STRING = 4096, /* bytes of the raw query string */
    PARAMS_MAX_Q = 512              /* bytes of the q parameter */
};

typedef struct param_error {
    const char *parameter; /* the offending parameter, or NULL for the query string as a whole */
    char message[256];
} param_error;

/* Parses the query string (NULL or "" for none) of /v1/search into req; strings in req point
 * into *params, which the caller clears with evhttp_clear_headers in every case. */
int params_parse_search(const char *query_string, struct evkeyvalq *params,
                        const referentiel *ref, search_request *req, param_error *perr);

/* The q and limit of /v1/suggest. */
int params_parse_suggest(const char *query_string, struct evkeyvalq *params, const char **q,
                         uint32_t *limit, param_error *perr);

#endif
