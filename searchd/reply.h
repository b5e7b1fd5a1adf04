/* reply: writes a search's JSON reply: the page of hits (their stored records, snippets,
 * scores and distances) and the facet lists with their labels. */
#ifndef PS_REPLY_H
#define PS_REPLY_H

#include <stdint.h>

#include "columns.h"
#include "error.h"
#include "filter.h"
#include "french.h"
#include "hitcache.h"
#include "referentiel.h"
#include "request.h"
#include "strbuf.h"
#include "textquery.h"
#include "xapian/xs.h"

/* What the reply reads of the searcher's generation. */
typedef struct reply_source {
    xs_database *db;
    hit_cache *hits;
    const columns *columns;
    const referentiel *ref;
    fr_analyzer *analyzer;
} reply_source;

/* The stored record of docid, ready to write: from the hit cache, or fetched into it. */
const hit_record *reply_stored_record(const reply_source *s, uint32_t docid, ps_error *err);

/* Appends {"total", "offset", "limit", "hits", ["facets"] to b, left open for the fields that
 * follow. scores are relative to the best match, or -1 for none; tq (may be NULL) gives the
 * snippets' words. */
int reply_write(strbuf *b, const reply_source *s, const search_request *req,
                const facet_counts *fc, const uint32_t *docids, const double *scores,
                uint32_t count, const text_query *tq, ps_error *err);

#endif
