/* valuesets: filters and disjunctive facet counts as operations on bit sets over docids. For
 * each facet dimension and value, the documents that have it are one bit set, built with a
 * generation's columns; a request's filters become ANDs and ORs of whole 64-bit words (151,337
 * documents are 2,365 words) instead of a test per candidate document, and a facet's counts
 * are popcounts, or a walk of the few candidates left. */
#ifndef PS_VALUESETS_H
#define PS_VALUESETS_H

#include <stdint.h>

#include "columns.h"
#include "error.h"
#include "filter.h"

typedef struct value_sets {
    uint32_t words;                         /* 64-bit words per set */
    uint64_t *present;                      /* every document */
    uint64_t *values[DIM_FACET_COUNT];      /* value id v of dimension d: values[d] + v * words */
    uint32_t sizes[DIM_FACET_COUNT];        /* value ids per dimension (as facet_counts) */
} value_sets;

/* Immutable once built: every thread may read it. */
int value_sets_build(const columns *c, value_sets **out, ps_error *err);
void value_sets_free(value_sets *v);

/* A request's documents as bit sets, in scratch memory the caller owns (set_scratch_words). */
typedef struct set_filter {
    uint64_t *base;      /* candidates that pass the radius and date filters */
    uint64_t *accepted;  /* base and every facet filter */
    uint64_t *dims[DIM_FACET_COUNT]; /* documents passing dimension d's filter; NULL: none */
    uint64_t *work;      /* a facet's candidates while counting it */
    uint32_t words;
    uint32_t accepted_count;
} set_filter;

/* The scratch a set_filter needs, in 64-bit words. */
size_t set_scratch_words(const value_sets *v);

/* Builds the sets of f over candidates (a bit set, or NULL for every document). Candidates in
 * the radius are found from the grid cells when cells_first says so (a radius holding fewer
 * documents than the candidates), else by testing each candidate. */
void set_filter_build(set_filter *sf, uint64_t *scratch, const value_sets *v, const columns *c,
                      const compiled_filter *f, const uint64_t *candidates, bool cells_first);

/* Counts the facets in wanted into fc (zeroed by the caller), each without its own filter,
 * and sets fc->accepted. */
void set_filter_count(set_filter *sf, const value_sets *v, const columns *c, facet_counts *fc,
                      unsigned wanted);

/* Calls fn for every accepted docid, in ascending order. */
void set_filter_each(const set_filter *sf, void (*fn)(void *ctx, uint32_t docid), void *ctx);

static inline bool set_has(const uint64_t *set, uint32_t docid)
{
    return set[docid >> 6] >> (docid & 63) & 1;
}

#endif
