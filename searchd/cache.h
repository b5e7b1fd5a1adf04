/* cache: what a searcher remembers about its generation between requests (match lists of
 * words and texts, replies), by string key, least recently used first out beyond a memory
 * budget. Each searcher, hence each thread, has its own; cleared when the index changes. */
#ifndef PS_CACHE_H
#define PS_CACHE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct lru_cache lru_cache;

lru_cache *lru_new(size_t budget_bytes);
/* The value stored under key, or NULL; valid until the next put or clear. */
void *lru_get(lru_cache *c, const char *key);
/* Stores value under key, taking it over (free_value releases it when evicted); false when it
 * could not be stored, and then the caller keeps value. */
bool lru_put(lru_cache *c, const char *key, void *value, size_t bytes,
             void (*free_value)(void *value));
void lru_clear(lru_cache *c);
void lru_free(lru_cache *c);

#endif
