/* hitcache: the stored records of recently shown hits, parsed, so that the first pages of
 * popular searches do not fetch, inflate and parse the same records from the index again.
 * Direct-mapped by docid (a new record replaces the one in its slot); one per searcher. */
#ifndef PS_HITCACHE_H
#define PS_HITCACHE_H

#include <jansson.h>
#include <stdint.h>

typedef struct hit_cache hit_cache;

hit_cache *hit_cache_new(uint32_t slots);
/* The record of docid (borrowed: json_deep_copy or incref before keeping it), or NULL. */
json_t *hit_cache_get(hit_cache *c, uint32_t docid);
/* Stores record (a reference is taken) for docid. */
void hit_cache_put(hit_cache *c, uint32_t docid, json_t *record);
void hit_cache_clear(hit_cache *c);
void hit_cache_free(hit_cache *c);

#endif
