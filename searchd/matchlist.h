/* matchlist: every document a text query matched, with its weight, as one Xapian match over
 * the whole index collects it; searchd keeps these per generation in its cache (cache.h) so
 * that the next request with the same words costs a scan of the list. */
#ifndef PS_MATCHLIST_H
#define PS_MATCHLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct match_list {
    uint32_t *docids; /* ascending once sealed */
    float *weights;   /* weights[i] is the weight of docids[i] */
    uint32_t count, cap;
    float max_weight;
    /* Built by match_list_seal for lists of MATCH_LIST_INDEXED_MIN matches or more (a bit per
     * document is 30 KB with rank, more than a short list itself): bit d of bits is set when
     * docid d matched, and rank[w] counts the matches below docid 64 * w, so that a document
     * is tested and weighted in constant time. NULL for shorter lists. */
    uint64_t *bits;
    uint32_t *rank;
    uint32_t n_words;
    uint32_t *by_weight; /* match_list_order_by_weight: indexes of the matches, heaviest
                          * first (ties: smaller docid) */
    struct facet_counts *all; /* every facet over every match, when the owner computed it */
    uint32_t unfiltered_uses; /* requests without filters seen so far, for the owner */
} match_list;

/* Appends a match; -1 when memory runs out. */
int match_list_add(match_list *l, uint32_t docid, double weight);
/* Makes room for n matches in all; -1 when memory runs out. */
int match_list_reserve(match_list *l, uint32_t n);
enum { MATCH_LIST_INDEXED_MIN = 4096 };

/* Orders the matches by docid and, for a long list, builds the membership index (bits above
 * docid_limit are not kept). -1 when memory runs out. */
int match_list_seal(match_list *l, uint32_t docid_limit);
/* Builds by_weight (a sealed list; done once, when first needed). -1 when memory runs out. */
int match_list_order_by_weight(match_list *l);

/* Whether docid matched (a sealed list), and then its weight. */
static inline bool match_list_find(const match_list *l, uint32_t docid, float *weight)
{
    if (!l->bits) { /* a short list: bisection */
        uint32_t lo = 0, hi = l->count;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (l->docids[mid] < docid)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == l->count || l->docids[lo] != docid)
            return false;
        *weight = l->weights[lo];
        return true;
    }
    uint32_t w = docid >> 6;
    if (w >= l->n_words)
        return false;
    uint64_t word = l->bits[w], bit = 1ULL << (docid & 63);
    if (!(word & bit))
        return false;
    *weight = l->weights[l->rank[w] + (uint32_t)__builtin_popcountll(word & (bit - 1))];
    return true;
}
/* The bytes the list holds or may come to hold (by_weight, all), for the cache's budget. */
size_t match_list_bytes(const match_list *l);
/* Frees the list's arrays (not all, which its owner frees first). */
void match_list_free(match_list *l);

#endif
