#include "matchcache.h"

#include <stdlib.h>
#include <string.h>

int match_list_add(match_list *l, uint32_t docid, double weight)
{
    if (l->count == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 1024;
        uint32_t *d = realloc(l->docids, cap * sizeof *d);
        if (!d)
            return -1;
        l->docids = d;
        float *w = realloc(l->weights, cap * sizeof *w);
        if (!w)
            return -1;
        l->weights = w;
        l->cap = cap;
    }
    l->docids[l->count] = docid;
    l->weights[l->count++] = (float)weight;
    if (weight > l->max_weight)
        l->max_weight = (float)weight;
    return 0;
}

void match_list_free(match_list *l)
{
    free(l->docids);
    free(l->weights);
    memset(l, 0, sizeof *l);
}

typedef struct cache_entry {
    char *key;
    match_list list;
    uint64_t last_used;
} cache_entry;

enum { CACHE_MAX_ENTRIES = 1024 };

struct match_cache {
    cache_entry entries[CACHE_MAX_ENTRIES];
    size_t count;
    size_t bytes, budget;
    uint64_t clock;
};

static size_t list_bytes(const match_list *l)
{
    return (size_t)l->cap * (sizeof *l->docids + sizeof *l->weights);
}

match_cache *match_cache_new(size_t budget_bytes)
{
    match_cache *c = calloc(1, sizeof *c);
    if (c)
        c->budget = budget_bytes;
    return c;
}

const match_list *match_cache_get(match_cache *c, const char *key)
{
    for (size_t i = 0; i < c->count; i++) {
        if (strcmp(c->entries[i].key, key) == 0) {
            c->entries[i].last_used = ++c->clock;
            return &c->entries[i].list;
        }
    }
    return NULL;
}

static void evict(match_cache *c, size_t i)
{
    c->bytes -= list_bytes(&c->entries[i].list);
    match_list_free(&c->entries[i].list);
    free(c->entries[i].key);
    c->entries[i] = c->entries[--c->count];
}

static void evict_least_recent(match_cache *c)
{
    size_t oldest = 0;
    for (size_t i = 1; i < c->count; i++)
        if (c->entries[i].last_used < c->entries[oldest].last_used)
            oldest = i;
    evict(c, oldest);
}

const match_list *match_cache_put(match_cache *c, const char *key, match_list *list)
{
    size_t need = list_bytes(list);
    while (c->count && (c->count == CACHE_MAX_ENTRIES || c->bytes + need > c->budget))
        evict_least_recent(c);
    char *k = strdup(key);
    if (!k || c->count == CACHE_MAX_ENTRIES) {
        free(k);
        return NULL;
    }
    cache_entry *e = &c->entries[c->count++];
    *e = (cache_entry){k, *list, ++c->clock};
    memset(list, 0, sizeof *list);
    c->bytes += need;
    return &e->list;
}

void match_cache_clear(match_cache *c)
{
    while (c->count)
        evict(c, c->count - 1);
}

void match_cache_free(match_cache *c)
{
    if (!c)
        return;
    match_cache_clear(c);
    free(c);
}
