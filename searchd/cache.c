#include "cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key;
    void *value;
    size_t bytes;
    void (*free_value)(void *value);
    uint64_t last_used;
} entry;

enum { CACHE_MAX_ENTRIES = 1024 }; /* few enough that a linear search is cheaper than a hash */

struct lru_cache {
    entry entries[CACHE_MAX_ENTRIES];
    size_t count;
    size_t bytes, budget;
    uint64_t clock;
};

lru_cache *lru_new(size_t budget_bytes)
{
    lru_cache *c = calloc(1, sizeof *c);
    if (c)
        c->budget = budget_bytes;
    return c;
}

void *lru_get(lru_cache *c, const char *key)
{
    for (size_t i = 0; i < c->count; i++) {
        if (strcmp(c->entries[i].key, key) == 0) {
            c->entries[i].last_used = ++c->clock;
            return c->entries[i].value;
        }
    }
    return NULL;
}

static void evict(lru_cache *c, size_t i)
{
    entry *e = &c->entries[i];
    c->bytes -= e->bytes;
    e->free_value(e->value);
    free(e->key);
    *e = c->entries[--c->count];
}

static void evict_least_recent(lru_cache *c)
{
    size_t oldest = 0;
    for (size_t i = 1; i < c->count; i++)
        if (c->entries[i].last_used < c->entries[oldest].last_used)
            oldest = i;
    evict(c, oldest);
}

bool lru_put(lru_cache *c, const char *key, void *value, size_t bytes,
             void (*free_value)(void *value))
{
    while (c->count && (c->count == CACHE_MAX_ENTRIES || c->bytes + bytes > c->budget))
        evict_least_recent(c);
    char *k = strdup(key);
    if (!k)
        return false;
    c->entries[c->count++] = (entry){k, value, bytes, free_value, ++c->clock};
    c->bytes += bytes;
    return true;
}

void lru_clear(lru_cache *c)
{
    while (c->count)
        evict(c, c->count - 1);
}

void lru_free(lru_cache *c)
{
    if (!c)
        return;
    lru_clear(c);
    free(c);
}
