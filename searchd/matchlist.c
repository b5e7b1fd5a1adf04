#include "matchlist.h"

#include <stdlib.h>
#include <string.h>

#include "popcnt.h"

int match_list_reserve(match_list *l, uint32_t n)
{
    if (n <= l->cap && l->docids)
        return 0;
    uint32_t cap = n ? n : 1;
    uint32_t *d = realloc(l->docids, cap * sizeof *d);
    if (!d)
        return -1;
    l->docids = d;
    float *w = realloc(l->weights, cap * sizeof *w);
    if (!w)
        return -1;
    l->weights = w;
    l->cap = cap;
    return 0;
}

int match_list_add(match_list *l, uint32_t docid, double weight)
{
    if (l->count == l->cap && match_list_reserve(l, l->cap ? l->cap * 2 : 1024) != 0)
        return -1;
    l->docids[l->count] = docid;
    l->weights[l->count++] = (float)weight;
    if (weight > l->max_weight)
        l->max_weight = (float)weight;
    return 0;
}

typedef struct match {
    uint32_t docid;
    float weight;
} match;

static int by_docid(const void *a, const void *b)
{
    uint32_t x = ((const match *)a)->docid, y = ((const match *)b)->docid;
    return (x > y) - (x < y);
}

/* Xapian's matcher visits documents in docid order, so this rarely has anything to do. */
static int sort_by_docid(match_list *l)
{
    uint32_t i = 1;
    while (i < l->count && l->docids[i - 1] < l->docids[i])
        i++;
    if (i >= l->count)
        return 0;
    match *m = malloc((size_t)l->count * sizeof *m);
    if (!m)
        return -1;
    for (i = 0; i < l->count; i++)
        m[i] = (match){l->docids[i], l->weights[i]};
    qsort(m, l->count, sizeof *m, by_docid);
    for (i = 0; i < l->count; i++)
        l->docids[i] = m[i].docid, l->weights[i] = m[i].weight;
    free(m);
    return 0;
}

/* A float's bits as an unsigned number in the float's order (negative ones reversed). */
static uint32_t float_order_key(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u & 0x80000000u ? ~u : u | 0x80000000u;
}

/* A radix sort (four stable passes of 8 bits) of the indexes by descending weight, equal
 * weights in index order: lists of tens of thousands of matches are ordered in a fraction of
 * qsort's time, which was most of a text's second search. */
int match_list_order_by_weight(match_list *l)
{
    if (l->by_weight)
        return 0;
    size_t n = l->count ? l->count : 1;
    uint32_t *keys = malloc(n * sizeof *keys), *spare = malloc(n * sizeof *spare);
    l->by_weight = malloc(n * sizeof *l->by_weight);
    if (!keys || !spare || !l->by_weight) {
        free(keys);
        free(spare);
        free(l->by_weight);
        l->by_weight = NULL;
        return -1;
    }
    uint32_t *from = l->by_weight, *to = spare;
    for (uint32_t i = 0; i < l->count; i++) {
        from[i] = i;
        keys[i] = ~float_order_key(l->weights[i]); /* heaviest first */
    }
    for (unsigned shift = 0; shift < 32; shift += 8) {
        uint32_t start[257] = {0};
        for (uint32_t i = 0; i < l->count; i++)
            start[(keys[from[i]] >> shift & 255) + 1]++;
        for (unsigned b = 1; b <= 256; b++)
            start[b] += start[b - 1];
        for (uint32_t i = 0; i < l->count; i++)
            to[start[keys[from[i]] >> shift & 255]++] = from[i];
        uint32_t *t = from;
        from = to;
        to = t;
    }
    /* four passes: the order is back in by_weight */
    free(keys);
    free(spare);
    return 0;
}

WITH_POPCNT int match_list_seal(match_list *l, uint32_t docid_limit)
{
    if (sort_by_docid(l) != 0)
        return -1;
    if (l->count < MATCH_LIST_INDEXED_MIN)
        return 0;
    l->n_words = (docid_limit + 63) / 64;
    l->bits = calloc(l->n_words ? l->n_words : 1, sizeof *l->bits);
    l->rank = calloc(l->n_words ? l->n_words : 1, sizeof *l->rank);
    if (!l->bits || !l->rank)
        return -1;
    for (uint32_t i = 0; i < l->count; i++)
        if (l->docids[i] < docid_limit)
            l->bits[l->docids[i] >> 6] |= 1ULL << (l->docids[i] & 63);
    uint32_t below = 0;
    for (uint32_t w = 0; w < l->n_words; w++) {
        l->rank[w] = below;
        below += (uint32_t)__builtin_popcountll(l->bits[w]);
    }
    return 0;
}

size_t match_list_bytes(const match_list *l)
{
    /* by_weight and the owner's counts may come later: their room is reserved now */
    return sizeof *l + (size_t)l->cap * (sizeof *l->docids + sizeof *l->weights) +
           (size_t)l->count * sizeof *l->by_weight + 4096 +
           (size_t)l->n_words * (sizeof *l->bits + sizeof *l->rank);
}

void match_list_free(match_list *l)
{
    free(l->docids);
    free(l->weights);
    free(l->bits);
    free(l->rank);
    free(l->by_weight);
    memset(l, 0, sizeof *l);
}
