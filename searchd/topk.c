#include "topk.h"

#include <stdlib.h>

int topk_init(topk *t, uint32_t k)
{
    t->count = 0;
    t->k = k;
    t->items = k ? malloc(k * sizeof *t->items) : NULL;
    return k && !t->items ? -1 : 0;
}

/* a ranks after b: a larger key, or the same key and a larger docid (ties go by docid). */
static int worse(const topk_item *a, const topk_item *b)
{
    return a->key > b->key || (a->key == b->key && a->docid > b->docid);
}

static void sift_down(topk_item *h, uint32_t n, uint32_t i)
{
    for (;;) {
        uint32_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && worse(&h[l], &h[m]))
            m = l;
        if (r < n && worse(&h[r], &h[m]))
            m = r;
        if (m == i)
            return;
        topk_item tmp = h[i];
        h[i] = h[m], h[m] = tmp;
        i = m;
    }
}

void topk_insert(topk *t, double key, uint32_t docid)
{
    topk_item item = {key, docid};
    if (t->count < t->k) {
        uint32_t i = t->count++;
        t->items[i] = item;
        while (i > 0 && worse(&t->items[i], &t->items[(i - 1) / 2])) {
            topk_item tmp = t->items[i];
            t->items[i] = t->items[(i - 1) / 2], t->items[(i - 1) / 2] = tmp;
            i = (i - 1) / 2;
        }
    } else if (t->k && worse(&t->items[0], &item)) {
        t->items[0] = item;
        sift_down(t->items, t->count, 0);
    }
}

void topk_sort(topk *t)
{
    /* heap sort: repeatedly move the worst to the end */
    for (uint32_t n = t->count; n > 1; n--) {
        topk_item tmp = t->items[0];
        t->items[0] = t->items[n - 1], t->items[n - 1] = tmp;
        sift_down(t->items, n - 1, 0);
    }
}

void topk_free(topk *t)
{
    free(t->items);
    t->items = NULL;
    t->count = 0;
}
