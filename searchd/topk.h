/* topk: keeps the k best (smallest key) documents seen, for date and distance sorts over
 * every accepted document without sorting them all: a bounded binary heap, O(n log k). */
#ifndef PS_TOPK_H
#define PS_TOPK_H

#include <stdint.h>

typedef struct topk_item {
    double key;
    uint32_t docid;
} topk_item;

typedef struct topk {
    topk_item *items; /* a max-heap on (key, docid): the worst kept item on top */
    uint32_t count, k;
} topk;

int topk_init(topk *t, uint32_t k);
void topk_insert(topk *t, double key, uint32_t docid);

/* Offers a document; most are no better than the worst kept one and return at once. */
static inline void topk_push(topk *t, double key, uint32_t docid)
{
    if (t->count == t->k &&
        (t->k == 0 || key > t->items[0].key || (key == t->items[0].key && docid > t->items[0].docid)))
        return;
    topk_insert(t, key, docid);
}
/* Sorts the kept items best first, in place; the heap is spent afterwards. */
void topk_sort(topk *t);
void topk_free(topk *t);

#endif
