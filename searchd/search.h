/* search: runs a search request against one index with the shared French analysis and turns
 * the hits into the API's JSON. A searcher belongs to one thread. */
#ifndef PS_SEARCH_H
#define PS_SEARCH_H

#include <jansson.h>
#include <stdint.h>

#include "error.h"
#include "french.h"

typedef struct search_request {
    const char *q; /* free text, "" for everything */
    uint32_t offset;
    uint32_t limit;
} search_request;

typedef enum search_status {
    SEARCH_OK,
    SEARCH_BAD_QUERY, /* the text could not be parsed: the client's fault */
    SEARCH_FAILED     /* anything else: the server's fault */
} search_status;

typedef struct searcher searcher;

int searcher_open(const char *db_path, const fr_stopwords *sw, searcher **out, ps_error *err);
void searcher_free(searcher *s);

/* On SEARCH_OK, *result is {"total", "offset", "limit", "hits": [...]} (the caller owns it). */
search_status searcher_run(searcher *s, const search_request *req, json_t **result,
                           ps_error *err);

/* Moves to the index's latest commit (an incremental update); -1 with err on failure. */
int searcher_refresh(searcher *s, ps_error *err);

/* {"documents", "built_at", "schema_version"} of the open index (the caller owns it). */
json_t *searcher_index_info(searcher *s);

#endif
