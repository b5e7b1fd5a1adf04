/* textplan: a text query as a tree of AND, OR and AND_NOT over leaves (a stem, or a query the
 * parser built: a phrase, an acronym's expansion), evaluated by merging the leaves' match
 * lists. Xapian's BM25 weight of a conjunction or a disjunction is the sum of the weights of
 * its matching parts, so merged lists give the totals and weights one Xapian match of the
 * whole query would, while each leaf is matched once and cached: thousands of different texts
 * are made of a few hundred words. */
#ifndef PS_TEXTPLAN_H
#define PS_TEXTPLAN_H

#include <stdint.h>

#include "error.h"
#include "matchlist.h"
#include "strbuf.h"
#include "xapian/xs.h"

typedef enum plan_kind {
    PLAN_TERM,   /* documents holding one term (a stem) */
    PLAN_QUERY,  /* documents a parsed Xapian query matches (phrases, expansions) */
    PLAN_ALL,    /* every document, weight 0 */
    PLAN_AND,
    PLAN_OR,
    PLAN_AND_NOT,  /* the left side's matches without the right side's, with the left's weights */
    PLAN_AND_MAYBE /* the left side's matches, plus the right side's weight where it matches too */
} plan_kind;

/* Immutable once built and reference-counted: a word's plan may serve several parents (all
 * the words but one). Constructors return NULL when memory runs out; combining consumes its
 * operands, and a NULL operand gives NULL. */
typedef struct plan plan;

plan *plan_term(const char *term);
plan *plan_query(xs_query *q); /* takes q */
plan *plan_all(void);
plan *plan_combine(plan_kind op, plan *left, plan *right);
plan *plan_ref(plan *p);
void plan_free(plan *p);

plan_kind plan_kind_of(const plan *p);
/* A leaf's term (PLAN_TERM) or query (PLAN_QUERY); NULL otherwise. */
const char *plan_term_of(const plan *p);
const xs_query *plan_query_of(const plan *p);

/* Calls fn for each leaf (PLAN_TERM, PLAN_QUERY, PLAN_ALL), left to right; a leaf shared by
 * several parents comes once per parent. */
void plan_each_leaf(const plan *p, void (*fn)(void *ctx, const plan *leaf), void *ctx);

/* The equivalent Xapian query, for one match of the whole plan. */
xs_status plan_to_query(const plan *p, xs_query **out, xs_error *err);

/* Appends a description that identifies the plan's matches (the cache key). -1 when memory
 * runs out. */
int plan_describe(const plan *p, strbuf *out);

/* Gives a leaf's matches (PLAN_TERM, PLAN_QUERY, PLAN_ALL) sorted by docid, in a list that
 * stays valid until plan_evaluate returns; NULL with err filled on failure. */
typedef const match_list *(*plan_leaf_fn)(void *ctx, const plan *leaf, ps_error *err);

/* The matches of p, in docid order with their weights, into out (empty on entry; the caller
 * frees it). */
int plan_evaluate(const plan *p, plan_leaf_fn leaf, void *ctx, match_list *out, ps_error *err);

#endif
