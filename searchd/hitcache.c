#include "hitcache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct hit_cache {
    _Atomic(hit_record *) *slots; /* by docid; each record and its strings in one block */
    uint32_t limit;
    atomic_uint refs;
};

hit_cache *hit_cache_new(uint32_t docid_limit)
{
    hit_cache *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    c->slots = calloc(docid_limit ? docid_limit : 1, sizeof *c->slots);
    if (!c->slots) {
        free(c);
        return NULL;
    }
    c->limit = docid_limit;
    atomic_init(&c->refs, 1);
    return c;
}

const hit_record *hit_cache_get(const hit_cache *c, uint32_t docid)
{
    return docid < c->limit ? atomic_load_explicit(&c->slots[docid], memory_order_acquire)
                            : NULL;
}

/* Copies len bytes of part (may be NULL) to *at as a string, moving *at past it. */
static const char *copy_part(char **at, const char *part, size_t len)
{
    if (!part)
        return NULL;
    char *copy = *at;
    memcpy(copy, part, len);
    copy[len] = '\0';
    *at += len + 1;
    return copy;
}

const hit_record *hit_cache_put(hit_cache *c, uint32_t docid, const hit_record *parts)
{
    if (docid >= c->limit)
        return NULL;
    size_t text_len = parts->fields_len + 1 +
                      (parts->description ? parts->description_len + 1 : 0) +
                      (parts->title ? parts->title_len + 1 : 0);
    hit_record *r = malloc(sizeof *r + text_len);
    if (!r)
        return NULL;
    char *at = (char *)(r + 1);
    *r = *parts;
    r->fields = copy_part(&at, parts->fields, parts->fields_len);
    r->description = copy_part(&at, parts->description, parts->description_len);
    r->title = copy_part(&at, parts->title, parts->title_len);
    hit_record *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(&c->slots[docid], &expected, r,
                                                memory_order_acq_rel, memory_order_acquire))
        return r;
    free(r); /* another thread stored the same record first */
    return expected;
}

hit_cache *hit_cache_ref(hit_cache *c)
{
    atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
    return c;
}

void hit_cache_unref(hit_cache *c)
{
    if (!c || atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (uint32_t i = 0; i < c->limit; i++)
        free(atomic_load_explicit(&c->slots[i], memory_order_relaxed));
    free(c->slots);
    free(c);
}

/* ---- The shelf --------------------------------------------------------------------------- */

typedef struct shelf_entry {
    char *key;
    hit_cache *cache; /* the shelf's own reference */
    struct shelf_entry *next;
} shelf_entry;

struct hit_cache_shelf {
    pthread_mutex_t lock;
    shelf_entry *entries;
};

hit_cache_shelf *hit_cache_shelf_new(void)
{
    hit_cache_shelf *shelf = calloc(1, sizeof *shelf);
    if (shelf && pthread_mutex_init(&shelf->lock, NULL) != 0) {
        free(shelf);
        return NULL;
    }
    return shelf;
}

static void drop_entry(shelf_entry **link)
{
    shelf_entry *e = *link;
    *link = e->next;
    hit_cache_unref(e->cache);
    free(e->key);
    free(e);
}

/* Drops the caches only the shelf holds: no worker serves their revision any more. Called
 * with the lock held, which every new reference is taken under. */
static void drop_unused(hit_cache_shelf *shelf)
{
    for (shelf_entry **link = &shelf->entries; *link;) {
        if (atomic_load_explicit(&(*link)->cache->refs, memory_order_acquire) == 1)
            drop_entry(link);
        else
            link = &(*link)->next;
    }
}

hit_cache *hit_cache_shelf_take(hit_cache_shelf *shelf, const char *key, uint32_t docid_limit)
{
    hit_cache *found = NULL;
    pthread_mutex_lock(&shelf->lock);
    drop_unused(shelf);
    for (shelf_entry *e = shelf->entries; e && !found; e = e->next)
        if (strcmp(e->key, key) == 0 && e->cache->limit == docid_limit)
            found = hit_cache_ref(e->cache);
    if (!found) {
        shelf_entry *e = malloc(sizeof *e);
        if (e && (e->key = strdup(key)) && (e->cache = hit_cache_new(docid_limit))) {
            e->next = shelf->entries;
            shelf->entries = e;
            found = hit_cache_ref(e->cache);
        } else if (e) {
            free(e->key);
            free(e);
        }
    }
    pthread_mutex_unlock(&shelf->lock);
    return found;
}

void hit_cache_shelf_free(hit_cache_shelf *shelf)
{
    if (!shelf)
        return;
    while (shelf->entries)
        drop_entry(&shelf->entries);
    pthread_mutex_destroy(&shelf->lock);
    free(shelf);
}
