/* search: runs validated requests against one index generation: full-text matching through
 * Xapian, filters, disjunctive facets and date or distance sorts from the in-memory columns,
 * spelling suggestions, and the hits as the API's JSON. A searcher belongs to one thread. */
#ifndef PS_SEARCH_H
#define PS_SEARCH_H

#include <jansson.h>
#include <stdint.h>

#include "error.h"
#include "french.h"
#include "hitcache.h"
#include "referentiel.h"
#include "request.h"
#include "schema.h"
#include "strbuf.h"

typedef enum search_status {
    SEARCH_OK,
    SEARCH_NOT_FOUND, /* documents route: no such record */
    SEARCH_FAILED     /* the server's fault: logged, answered with a 500 */
} search_status;

typedef struct searcher searcher;

/* sw, ref and shelf must outlive the searcher. Searchers given the same shelf share the
 * stored records of the revision they read (hitcache.h); a NULL shelf keeps them private. */
int searcher_open(const char *db_path, const fr_stopwords *sw, const referentiel *ref,
                  hit_cache_shelf *shelf, searcher **out, ps_error *err);
void searcher_free(searcher *s);

/* On SEARCH_OK, out holds the JSON reply {"total", "offset", "limit", "hits", ["facets"],
 * ["matching", "suggestion"], "took_ms"}. now is the reference time for publieeDepuis.
 * query_string, when not NULL, is the request as sent, under which the reply is remembered
 * until the index changes: the same request again is answered from memory (*from_cache). */
search_status searcher_run(searcher *s, const search_request *req, const char *query_string,
                           int64_t now, strbuf *out, bool *from_cache,
                           ps_error *err);

/* The stored record of type/id, description included. */
search_status searcher_document(searcher *s, doc_type type, const char *id, json_t **result,
                                ps_error *err);

/* Warms a generation's caches (they start empty) ahead of the requests that will use them,
 * for about budget_ms at a time; true while some work remains. First the words of the
 * référentiel's métier names and acronyms are matched, then the stored records are fetched
 * into the hit cache, which the searchers of a revision share: the one in lane (of lanes)
 * starts its share of the records at that fraction of the index. */
bool searcher_warm(searcher *s, unsigned lane, unsigned lanes, double budget_ms);
/* Whether searcher_warm has nothing left to do: every référentiel text matched and every
 * stored record fetched. */
bool searcher_warmed(const searcher *s);

/* Moves to the index's latest commit (an incremental update) and reloads what depends on it. */
int searcher_refresh(searcher *s, ps_error *err);

/* {"documents", "built_at", "schema_version"} of the open index (the caller owns it). */
json_t *searcher_index_info(searcher *s);

#endif
