/* hitcache: the stored records of recently shown hits, ready to write, so that the first pages
 * of popular searches do not fetch, inflate and parse the same records from the index again.
 * Direct-mapped by docid (a new record replaces the one in its slot); one per searcher. */
#ifndef PS_HITCACHE_H
#define PS_HITCACHE_H

#include <stddef.h>
#include <stdint.h>

typedef struct hit_record {
    char *fields;       /* the record as a JSON object without its description and its final
                         * '}', so that a hit's own fields can be appended */
    char *description;  /* the description, or NULL */
    size_t fields_len, description_len;
} hit_record;

typedef struct hit_cache hit_cache;

hit_cache *hit_cache_new(uint32_t slots);
/* The record of docid, or NULL; valid until the next put. */
const hit_record *hit_cache_get(hit_cache *c, uint32_t docid);
/* Stores record (taking over its strings) for docid and returns the stored copy. */
const hit_record *hit_cache_put(hit_cache *c, uint32_t docid, hit_record *record);
void hit_cache_clear(hit_cache *c);
void hit_cache_free(hit_cache *c);

#endif
