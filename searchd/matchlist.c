#include "matchlist.h"

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

size_t match_list_bytes(const match_list *l)
{
    return sizeof *l + (size_t)l->cap * (sizeof *l->docids + sizeof *l->weights);
}

void match_list_free(match_list *l)
{
    free(l->docids);
    free(l->weights);
    memset(l, 0, sizeof *l);
}
