/* matchcache: remembers, per generation, every document a text query matched with its weight,
 * so that the next request with the same words (with any filters, sort or page) costs a scan
 * of the list instead of a Xapian match over all of it. Least recently used lists are evicted
 * beyond a memory budget. One cache per searcher, hence per thread. */
#ifndef PS_MATCHCACHE_H
#define PS_MATCHCACHE_H

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
void match_list_free(match_list *l);

typedef struct match_cache match_cache;

match_cache *match_cache_new(size_t budget_bytes);
/* The list cached under key, or NULL; valid until the next put or clear. */
const match_list *match_cache_get(match_cache *c, const char *key);
/* Stores list (taking it over; *list is emptied) under key and returns the stored copy, which
 * stays valid until the next put or clear. */
const match_list *match_cache_put(match_cache *c, const char *key, match_list *list);
void match_cache_clear(match_cache *c);
void match_cache_free(match_cache *c);

#endif
