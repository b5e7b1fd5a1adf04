/* hitcache: the stored records of shown hits, ready to write, kept for one revision of one
 * index and shared by the worker threads serving it. The first request that shows a record
 * fetches, inflates and splits it; every later one, in any thread, reads it from memory (the
 * index's records are read through pread and zlib, the largest cost of a reply otherwise).
 * Slots are indexed by docid and filled once (compare-and-swap), never replaced while the
 * cache lives, so readers take no lock. A shelf hands the workers the cache of the revision
 * they open, so that they share one. */
#ifndef PS_HITCACHE_H
#define PS_HITCACHE_H

#include <stddef.h>
#include <stdint.h>

typedef struct hit_record {
    const char *fields;      /* the record as a JSON object without its description and its
                              * final '}', so that a hit's own fields can be appended */
    const char *description; /* the description, or NULL */
    const char *title;       /* the title, or NULL */
    size_t fields_len, description_len, title_len;
} hit_record;

typedef struct hit_cache hit_cache;

/* A cache for docids below docid_limit, referenced once; NULL when out of memory. */
hit_cache *hit_cache_new(uint32_t docid_limit);
/* The record of docid, or NULL; valid while the caller holds its reference. */
const hit_record *hit_cache_get(const hit_cache *c, uint32_t docid);
/* Stores a copy of the record for docid, unless another thread stored one first, and returns
 * the stored record; NULL when out of memory or docid is not below the limit. */
const hit_record *hit_cache_put(hit_cache *c, uint32_t docid, const hit_record *parts);
hit_cache *hit_cache_ref(hit_cache *c);
/* Drops a reference; the last one frees the cache and its records. */
void hit_cache_unref(hit_cache *c);

/* The caches of the revisions being served, by key (the index's path and revision). */
typedef struct hit_cache_shelf hit_cache_shelf;

hit_cache_shelf *hit_cache_shelf_new(void);
/* A reference to the cache stored under key, made for docid_limit if there is none yet;
 * caches no worker holds any more are dropped meanwhile. NULL when out of memory. */
hit_cache *hit_cache_shelf_take(hit_cache_shelf *shelf, const char *key, uint32_t docid_limit);
void hit_cache_shelf_free(hit_cache_shelf *shelf);

#endif
