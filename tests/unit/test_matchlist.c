/* Unit tests for matchlist: a sealed list answers "did docid match, with what weight" the same
 * way whether it is short (bisection) or long (bit set and rank), and in docid order. */
#include <stdlib.h>

#include "check.h"
#include "matchlist.h"

enum { LIMIT = 100000 };

/* Every docid below LIMIT, one in step, added in a scrambled order with weight docid / 7. */
static void check_list(uint32_t step)
{
    match_list l = {0};
    uint32_t n = (LIMIT - 1) / step;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t k = (i * 7919u) % n; /* 7919 is prime and does not divide n here */
        CHECK(match_list_add(&l, 1 + k * step, (1 + k * step) / 7.0) == 0);
    }
    CHECK(match_list_seal(&l, LIMIT) == 0);
    CHECK((l.bits != NULL) == (n >= MATCH_LIST_INDEXED_MIN));
    for (uint32_t i = 1; i < l.count; i++)
        CHECK(l.docids[i - 1] < l.docids[i]);
    uint32_t found = 0, wrong = 0;
    for (uint32_t docid = 0; docid < LIMIT + 100; docid++) {
        float w = -1;
        bool hit = match_list_find(&l, docid, &w);
        bool expected = docid >= 1 && docid < 1 + n * step && (docid - 1) % step == 0;
        if (hit != expected || (hit && w != (float)(docid / 7.0)))
            wrong++;
        found += hit;
    }
    CHECK_INT(wrong, 0);
    CHECK_INT(found, n);
    CHECK(match_list_order_by_weight(&l) == 0);
    for (uint32_t i = 1; i < l.count; i++)
        CHECK(l.weights[l.by_weight[i - 1]] >= l.weights[l.by_weight[i]]);
    match_list_free(&l);
}

/* Heaviest first, equal weights in list order, every match once: weights with many ties,
 * zeros (browsing) and tiny and huge values. */
static void check_order_by_weight(void)
{
    match_list l = {0};
    const double weights[] = {0, 2.5, 1e-30, 7.25, 2.5, 1e30, 0, 3};
    enum { N = 5000 };
    for (uint32_t i = 0; i < N; i++)
        CHECK(match_list_add(&l, 1 + i, weights[(i * 5) % 8]) == 0);
    CHECK(match_list_order_by_weight(&l) == 0);
    unsigned char *seen = calloc(N, 1);
    uint32_t wrong = 0;
    for (uint32_t i = 0; i < N; i++) {
        uint32_t k = l.by_weight[i];
        if (k >= N || seen[k]++)
            wrong++;
        if (i > 0) {
            uint32_t p = l.by_weight[i - 1];
            if (l.weights[p] < l.weights[k] || (l.weights[p] == l.weights[k] && p > k))
                wrong++;
        }
    }
    CHECK_INT(wrong, 0);
    CHECK(l.weights[l.by_weight[0]] == (float)1e30 && l.weights[l.by_weight[N - 1]] == 0);
    free(seen);
    match_list_free(&l);
}

int main(void)
{
    check_order_by_weight();
    check_list(3);    /* 33,333 matches: indexed */
    check_list(97);   /* 1,030: bisection */
    check_list(24);   /* 4,166: just above the threshold */
    check_list(25);   /* 3,999: just below */
    return check_exit_status("test_matchlist");
}
