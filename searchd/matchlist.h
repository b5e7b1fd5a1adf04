/* matchlist: every document a text query matched, with its weight, as one Xapian match over
 * the whole index collects it; searchd keeps these per generation in its cache (cache.h) so
 * that the next request with the same words costs a scan of the list. */
#ifndef PS_MATCHLIST_H
#define PS_MATCHLIST_H

#include <stddef.h>
#include <stdint.h>

typedef struct match_list {
    uint32_t *docids;
    float *weights;
    uint32_t count, cap;
    float max_weight;
} match_list;

/* Appends a match; -1 when memory runs out. */
int match_list_add(match_list *l, uint32_t docid, double weight);
/* The bytes the list holds, for the cache's budget. */
size_t match_list_bytes(const match_list *l);
void match_list_free(match_list *l);

#endif
