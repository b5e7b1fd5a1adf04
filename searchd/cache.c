#include "cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Entries are chained in hash buckets (for lookups) and in a doubly linked list from most to
 * least recently used (for eviction): both O(1). */
typedef struct entry {
    struct entry *next_in_bucket;
    struct entry *newer, *older;
    void *value;
    size_t bytes;
    void (*free_value)(void *value);
    uint64_t hash;
    char key[]; /* NUL-terminated */
} entry;

enum { CACHE_BUCKETS = 4096, CACHE_MAX_ENTRIES = 16384 };

struct lru_cache {
    entry *buckets[CACHE_BUCKETS];
    entry *newest, *oldest;
    size_t count;
    size_t bytes, budget;
};

static uint64_t hash_key(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

lru_cache *lru_new(size_t budget_bytes)
{
    lru_cache *c = calloc(1, sizeof *c);
    if (c)
        c->budget = budget_bytes;
    return c;
}

static void unlink_recency(lru_cache *c, entry *e)
{
    if (e->newer)
        e->newer->older = e->older;
    else
        c->newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        c->oldest = e->newer;
    e->newer = e->older = NULL;
}

static void push_newest(lru_cache *c, entry *e)
{
    e->older = c->newest;
    e->newer = NULL;
    if (c->newest)
        c->newest->newer = e;
    c->newest = e;
    if (!c->oldest)
        c->oldest = e;
}

static entry **bucket_slot(lru_cache *c, const entry *e)
{
    entry **p = &c->buckets[e->hash % CACHE_BUCKETS];
    while (*p != e)
        p = &(*p)->next_in_bucket;
    return p;
}

void *lru_get(lru_cache *c, const char *key)
{
    uint64_t h = hash_key(key);
    for (entry *e = c->buckets[h % CACHE_BUCKETS]; e; e = e->next_in_bucket) {
        if (e->hash == h && strcmp(e->key, key) == 0) {
            unlink_recency(c, e);
            push_newest(c, e);
            return e->value;
        }
    }
    return NULL;
}

static void evict(lru_cache *c, entry *e)
{
    *bucket_slot(c, e) = e->next_in_bucket;
    unlink_recency(c, e);
    c->bytes -= e->bytes;
    c->count--;
    e->free_value(e->value);
    free(e);
}

bool lru_put(lru_cache *c, const char *key, void *value, size_t bytes,
             void (*free_value)(void *value))
{
    if (bytes > c->budget)
        return false;
    uint64_t h = hash_key(key);
    for (entry *e = c->buckets[h % CACHE_BUCKETS]; e; e = e->next_in_bucket)
        if (e->hash == h && strcmp(e->key, key) == 0) {
            evict(c, e); /* a newer value for the same key */
            break;
        }
    while (c->oldest && (c->count == CACHE_MAX_ENTRIES || c->bytes + bytes > c->budget))
        evict(c, c->oldest);
    size_t len = strlen(key);
    entry *e = malloc(sizeof *e + len + 1);
    if (!e)
        return false;
    memcpy(e->key, key, len + 1);
    e->value = value;
    e->bytes = bytes;
    e->free_value = free_value;
    e->hash = h;
    e->next_in_bucket = c->buckets[h % CACHE_BUCKETS];
    c->buckets[h % CACHE_BUCKETS] = e;
    push_newest(c, e);
    c->bytes += bytes;
    c->count++;
    return true;
}

void lru_clear(lru_cache *c)
{
    while (c->oldest)
        evict(c, c->oldest);
}

void lru_free(lru_cache *c)
{
    if (!c)
        return;
    lru_clear(c);
    free(c);
}
