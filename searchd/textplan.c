#include "textplan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "popcnt.h"

struct plan {
    plan_kind kind;
    unsigned refs;
    plan *left, *right; /* AND, OR, AND_NOT, AND_MAYBE */
    xs_query *query;    /* PLAN_QUERY */
    char term[];        /* PLAN_TERM */
};

static plan *plan_new(plan_kind kind, size_t term_len)
{
    plan *p = calloc(1, sizeof *p + term_len + 1);
    if (p) {
        p->kind = kind;
        p->refs = 1;
    }
    return p;
}

plan *plan_term(const char *term)
{
    size_t len = strlen(term);
    plan *p = plan_new(PLAN_TERM, len);
    if (p)
        memcpy(p->term, term, len + 1);
    return p;
}

plan *plan_query(xs_query *q)
{
    plan *p = q ? plan_new(PLAN_QUERY, 0) : NULL;
    if (p)
        p->query = q;
    else
        xs_query_free(q);
    return p;
}

plan *plan_all(void) { return plan_new(PLAN_ALL, 0); }

plan *plan_combine(plan_kind op, plan *left, plan *right)
{
    plan *p = left && right ? plan_new(op, 0) : NULL;
    if (!p) {
        plan_free(left);
        plan_free(right);
        return NULL;
    }
    p->left = left;
    p->right = right;
    return p;
}

plan *plan_ref(plan *p)
{
    if (p)
        p->refs++;
    return p;
}

void plan_free(plan *p)
{
    if (!p || --p->refs > 0)
        return;
    plan_free(p->left);
    plan_free(p->right);
    xs_query_free(p->query);
    free(p);
}

plan_kind plan_kind_of(const plan *p) { return p->kind; }
const char *plan_term_of(const plan *p) { return p->kind == PLAN_TERM ? p->term : NULL; }
const xs_query *plan_query_of(const plan *p) { return p->query; }

void plan_each_leaf(const plan *p, void (*fn)(void *ctx, const plan *leaf), void *ctx)
{
    if (p->left) {
        plan_each_leaf(p->left, fn, ctx);
        plan_each_leaf(p->right, fn, ctx);
    } else {
        fn(ctx, p);
    }
}

xs_status plan_to_query(const plan *p, xs_query **out, xs_error *err)
{
    switch (p->kind) {
    case PLAN_TERM: return xs_query_term(p->term, out, err);
    case PLAN_QUERY: return xs_query_copy(p->query, out, err);
    case PLAN_ALL: return xs_query_match_all(out, err);
    default: break;
    }
    xs_query *left, *right;
    xs_status st = plan_to_query(p->left, &left, err);
    if (st != XS_OK)
        return st;
    st = plan_to_query(p->right, &right, err);
    if (st == XS_OK) {
        xs_query_op op = p->kind == PLAN_AND         ? XS_OP_AND
                         : p->kind == PLAN_OR        ? XS_OP_OR
                         : p->kind == PLAN_AND_MAYBE ? XS_OP_AND_MAYBE
                                                     : XS_OP_AND_NOT;
        st = xs_query_combine(op, left, right, out, err);
        xs_query_free(right);
    }
    xs_query_free(left);
    return st;
}

static const char *op_name(plan_kind kind)
{
    return kind == PLAN_AND         ? " AND "
           : kind == PLAN_OR        ? " OR "
           : kind == PLAN_AND_MAYBE ? " AND_MAYBE "
                                    : " AND_NOT ";
}

int plan_describe(const plan *p, strbuf *out)
{
    switch (p->kind) {
    case PLAN_TERM:
        return strbuf_puts(out, p->term);
    case PLAN_ALL:
        return strbuf_putc(out, '*');
    case PLAN_QUERY: {
        char desc[2048];
        xs_query_describe(p->query, desc, sizeof desc);
        if (strlen(desc) + 1 >= sizeof desc)
            return -1; /* truncated: not a key that identifies the query */
        return strbuf_putc(out, '{') || strbuf_puts(out, desc) || strbuf_putc(out, '}');
    }
    default:
        return strbuf_putc(out, '(') || plan_describe(p->left, out) ||
               strbuf_puts(out, op_name(p->kind)) || plan_describe(p->right, out) ||
               strbuf_putc(out, ')');
    }
}

/* ---- Evaluation -------------------------------------------------------------------------- */

/* A list met during evaluation: a leaf's (borrowed) or a merge's (owned). */
typedef struct operand {
    const match_list *list;
    match_list *owned;
} operand;

static void operand_free(operand *o)
{
    if (o->owned) {
        match_list_free(o->owned);
        free(o->owned);
    }
    *o = (operand){0};
}

/* The first index from i on whose docid is at least docid: gallops, then bisects, so that a
 * short list walks a long one in far fewer steps than its length. */
static uint32_t seek(const match_list *l, uint32_t i, uint32_t docid)
{
    uint32_t step = 1, hi = i;
    while (hi < l->count && l->docids[hi] < docid) {
        i = hi + 1;
        hi += step;
        step *= 2;
    }
    if (hi > l->count)
        hi = l->count;
    while (i < hi) {
        uint32_t mid = i + (hi - i) / 2;
        if (l->docids[mid] < docid)
            i = mid + 1;
        else
            hi = mid;
    }
    return i;
}

static void put(match_list *out, uint32_t docid, float weight)
{
    out->docids[out->count] = docid;
    out->weights[out->count++] = weight;
    if (weight > out->max_weight)
        out->max_weight = weight;
}

/* AND: documents in both, their weights added. a is the shorter. A long b (a leaf's list)
 * has a membership index, and a test per document of a costs less than seeking through b. */
WITH_POPCNT static int intersect(const match_list *a, const match_list *b, match_list *out)
{
    if (match_list_reserve(out, a->count) != 0)
        return -1;
    if (b->bits) {
        for (uint32_t i = 0; i < a->count; i++) {
            float weight;
            if (match_list_find(b, a->docids[i], &weight))
                put(out, a->docids[i], a->weights[i] + weight);
        }
        return 0;
    }
    for (uint32_t i = 0, j = 0; i < a->count && j < b->count; i++) {
        j = seek(b, j, a->docids[i]);
        if (j < b->count && b->docids[j] == a->docids[i])
            put(out, a->docids[i], a->weights[i] + b->weights[j]);
    }
    return 0;
}

/* OR: documents in either, the weights of those in both added. */
static int unite(const match_list *a, const match_list *b, match_list *out)
{
    if (match_list_reserve(out, a->count + b->count) != 0)
        return -1;
    uint32_t i = 0, j = 0;
    while (i < a->count && j < b->count) {
        uint32_t x = a->docids[i], y = b->docids[j];
        if (x < y)
            put(out, x, a->weights[i++]);
        else if (y < x)
            put(out, y, b->weights[j++]);
        else
            put(out, x, a->weights[i++] + b->weights[j++]);
    }
    for (; i < a->count; i++)
        put(out, a->docids[i], a->weights[i]);
    for (; j < b->count; j++)
        put(out, b->docids[j], b->weights[j]);
    return 0;
}

/* AND_NOT: documents of a not in b, with a's weights. */
WITH_POPCNT static int subtract(const match_list *a, const match_list *b, match_list *out)
{
    if (match_list_reserve(out, a->count) != 0)
        return -1;
    if (b->bits) {
        for (uint32_t i = 0; i < a->count; i++) {
            float unused;
            if (!match_list_find(b, a->docids[i], &unused))
                put(out, a->docids[i], a->weights[i]);
        }
        return 0;
    }
    for (uint32_t i = 0, j = 0; i < a->count; i++) {
        j = seek(b, j, a->docids[i]);
        if (j == b->count || b->docids[j] != a->docids[i])
            put(out, a->docids[i], a->weights[i]);
    }
    return 0;
}

/* AND_MAYBE: documents of a, with b's weight added to those b has too. */
WITH_POPCNT static int boost(const match_list *a, const match_list *b, match_list *out)
{
    if (match_list_reserve(out, a->count) != 0)
        return -1;
    if (b->bits) {
        for (uint32_t i = 0; i < a->count; i++) {
            float extra = 0;
            match_list_find(b, a->docids[i], &extra);
            put(out, a->docids[i], a->weights[i] + extra);
        }
        return 0;
    }
    for (uint32_t i = 0, j = 0; i < a->count; i++) {
        j = seek(b, j, a->docids[i]);
        bool both = j < b->count && b->docids[j] == a->docids[i];
        put(out, a->docids[i], a->weights[i] + (both ? b->weights[j] : 0));
    }
    return 0;
}

enum { MAX_OPERANDS = 64 };

typedef struct evaluation {
    plan_leaf_fn leaf;
    void *ctx;
    ps_error *err;
} evaluation;

static int evaluate(const evaluation *ev, const plan *p, operand *out);

/* The operands of a chain of the same operator ((a AND b) AND c: a, b, c), evaluated. */
static int gather(const evaluation *ev, const plan *p, plan_kind op, operand *ops, size_t *n)
{
    if (p->kind == op)
        return gather(ev, p->left, op, ops, n) || gather(ev, p->right, op, ops, n);
    if (*n == MAX_OPERANDS)
        return ps_fail(ev->err, "the text has too many words");
    return evaluate(ev, p, &ops[(*n)++]);
}

static int by_count(const void *a, const void *b)
{
    uint32_t x = ((const operand *)a)->list->count, y = ((const operand *)b)->list->count;
    return (x > y) - (x < y);
}

/* Merges the operands two at a time, shortest first (an AND can only shrink). */
static int merge_all(const evaluation *ev, plan_kind op, operand *ops, size_t n, operand *out)
{
    qsort(ops, n, sizeof *ops, by_count);
    operand acc = ops[0];
    ops[0] = (operand){0};
    for (size_t i = 1; i < n; i++) {
        match_list *m = calloc(1, sizeof *m);
        int rc = m ? 0 : -1;
        if (rc == 0)
            rc = op == PLAN_AND ? intersect(acc.list, ops[i].list, m)
                                : unite(acc.list, ops[i].list, m);
        operand_free(&acc);
        operand_free(&ops[i]);
        if (rc != 0) {
            if (m)
                match_list_free(m);
            free(m);
            return ps_fail(ev->err, "out of memory merging matches");
        }
        acc = (operand){m, m};
    }
    *out = acc;
    return 0;
}

static int evaluate(const evaluation *ev, const plan *p, operand *out)
{
    *out = (operand){0};
    if (p->kind == PLAN_TERM || p->kind == PLAN_QUERY || p->kind == PLAN_ALL) {
        out->list = ev->leaf(ev->ctx, p, ev->err);
        return out->list ? 0 : -1;
    }
    if (p->kind == PLAN_AND_NOT || p->kind == PLAN_AND_MAYBE) { /* the left side, reshaped */
        operand a, b;
        if (evaluate(ev, p->left, &a) != 0)
            return -1;
        if (evaluate(ev, p->right, &b) != 0) {
            operand_free(&a);
            return -1;
        }
        match_list *m = calloc(1, sizeof *m);
        int (*reshape)(const match_list *, const match_list *, match_list *) =
            p->kind == PLAN_AND_NOT ? subtract : boost;
        int rc = m && reshape(a.list, b.list, m) == 0 ? 0 : -1;
        operand_free(&a);
        operand_free(&b);
        if (rc != 0) {
            if (m)
                match_list_free(m);
            free(m);
            return ps_fail(ev->err, "out of memory merging matches");
        }
        *out = (operand){m, m};
        return 0;
    }
    operand ops[MAX_OPERANDS];
    size_t n = 0;
    if (gather(ev, p, p->kind, ops, &n) != 0) {
        for (size_t i = 0; i < n; i++)
            operand_free(&ops[i]);
        return -1;
    }
    return merge_all(ev, p->kind, ops, n, out);
}

int plan_evaluate(const plan *p, plan_leaf_fn leaf, void *ctx, match_list *out, ps_error *err)
{
    evaluation ev = {leaf, ctx, err};
    operand result;
    if (evaluate(&ev, p, &result) != 0)
        return -1;
    if (result.owned) { /* the merge's arrays become out's */
        *out = *result.owned;
        free(result.owned);
        return 0;
    }
    /* a single leaf: a copy, as the leaf's list belongs to someone else */
    if (match_list_reserve(out, result.list->count) != 0)
        return ps_fail(err, "out of memory copying matches");
    memcpy(out->docids, result.list->docids, result.list->count * sizeof *out->docids);
    memcpy(out->weights, result.list->weights, result.list->count * sizeof *out->weights);
    out->count = result.list->count;
    out->max_weight = result.list->max_weight;
    return 0;
}
