#include "hitcache.h"

#include <stdlib.h>

typedef struct slot {
    uint32_t docid; /* 0: empty */
    hit_record record;
} slot;

struct hit_cache {
    slot *slots;
    uint32_t count;
};

hit_cache *hit_cache_new(uint32_t slots)
{
    hit_cache *c = calloc(1, sizeof *c);
    if (c && !(c->slots = calloc(slots, sizeof *c->slots))) {
        free(c);
        return NULL;
    }
    if (c)
        c->count = slots;
    return c;
}

const hit_record *hit_cache_get(hit_cache *c, uint32_t docid)
{
    slot *s = &c->slots[docid % c->count];
    return s->docid == docid ? &s->record : NULL;
}

static void release(slot *s)
{
    free(s->record.fields);
    free(s->record.description);
    *s = (slot){0, {NULL, NULL, 0, 0}};
}

const hit_record *hit_cache_put(hit_cache *c, uint32_t docid, hit_record *record)
{
    slot *s = &c->slots[docid % c->count];
    release(s);
    s->docid = docid;
    s->record = *record;
    *record = (hit_record){NULL, NULL, 0, 0};
    return &s->record;
}

void hit_cache_clear(hit_cache *c)
{
    for (uint32_t i = 0; i < c->count; i++)
        release(&c->slots[i]);
}

void hit_cache_free(hit_cache *c)
{
    if (!c)
        return;
    hit_cache_clear(c);
    free(c->slots);
    free(c);
}
