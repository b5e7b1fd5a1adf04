#include "hitcache.h"

#include <stdlib.h>

typedef struct slot {
    uint32_t docid; /* 0: empty */
    json_t *record;
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

json_t *hit_cache_get(hit_cache *c, uint32_t docid)
{
    slot *s = &c->slots[docid % c->count];
    return s->docid == docid ? s->record : NULL;
}

void hit_cache_put(hit_cache *c, uint32_t docid, json_t *record)
{
    slot *s = &c->slots[docid % c->count];
    json_decref(s->record);
    s->docid = docid;
    s->record = json_incref(record);
}

void hit_cache_clear(hit_cache *c)
{
    for (uint32_t i = 0; i < c->count; i++) {
        json_decref(c->slots[i].record);
        c->slots[i] = (slot){0, NULL};
    }
}

void hit_cache_free(hit_cache *c)
{
    if (!c)
        return;
    hit_cache_clear(c);
    free(c->slots);
    free(c);
}
