/* Unit tests for textplan: merging per-leaf match lists must give what one Xapian match of the
 * whole query gives, the same documents with the same BM25 weights, for every shape of query
 * searchd builds (all words, any word, all but one, exclusions, parsed sub-queries). */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "textplan.h"

static char dir[] = "/tmp/ps-textplan-XXXXXX";
static xs_database *db;
static xs_enquire *enquire;

static const char *const vocabulary[] = {"aide", "soignant", "nuit", "ehpad", "infirmier",
                                         "domicile", "enfant", "soins", "cdi", "equipe"};
/* enough documents that the commonest words reach MATCH_LIST_INDEXED_MIN: merges meet both
 * short lists and lists with a membership index */
enum { WORDS = sizeof vocabulary / sizeof vocabulary[0], DOCUMENTS = 6000 };

/* Documents of 3 to 40 words drawn unevenly from the vocabulary, so that term frequencies,
 * wdfs and lengths all vary. */
static void write_documents(void)
{
    xs_writer *w;
    xs_termgen *tg;
    xs_error err;
    CHECK_INT(xs_writer_open(dir, XS_CREATE_OR_OVERWRITE, &w, &err), XS_OK);
    CHECK_INT(xs_termgen_new(NULL, NULL, &tg, &err), XS_OK);
    uint32_t seed = 12345;
    for (int d = 0; d < DOCUMENTS; d++) {
        char text[1024] = "", id[16];
        seed = seed * 1103515245u + 12345u;
        int n = 3 + (int)(seed >> 16) % 38;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) % 100; /* word k with a chance falling with k */
            strcat(text, vocabulary[(r * r / 1000) % WORDS]);
            strcat(text, " ");
        }
        xs_document *doc;
        snprintf(id, sizeof id, "Q%d", d);
        CHECK_INT(xs_document_new(&doc, &err), XS_OK);
        CHECK_INT(xs_termgen_set_document(tg, doc, &err), XS_OK);
        CHECK_INT(xs_termgen_index(tg, text, strlen(text), 1 + d % 3, "", true, &err), XS_OK);
        CHECK_INT(xs_writer_replace(w, id, doc, &err), XS_OK);
        xs_document_free(doc);
    }
    CHECK_INT(xs_writer_commit(w, &err), XS_OK);
    xs_termgen_free(tg);
    CHECK_INT(xs_writer_close(w, &err), XS_OK);
}

static void collect(void *ctx, uint32_t docid, double weight)
{
    CHECK(match_list_add(ctx, docid, weight) == 0);
}

/* Every match of q with its weight, as searchd collects a leaf's. */
static void xapian_all(const xs_query *q, match_list *out)
{
    xs_mset *m = NULL;
    xs_error err;
    CHECK_INT(xs_enquire_run(enquire, q, 0, 1, DOCUMENTS + 1, collect, out, &m, &err), XS_OK);
    xs_mset_free(m);
    CHECK(match_list_seal(out, DOCUMENTS + 1) == 0);
}

/* Leaves matched by Xapian, freed after the evaluation. */
typedef struct leaves {
    match_list lists[32];
    int n;
} leaves;

static int indexed_leaves, short_leaves; /* leaves met with and without a membership index */

static const match_list *leaf(void *ctx, const plan *p, ps_error *err)
{
    (void)err;
    leaves *l = ctx;
    match_list *out = &l->lists[l->n++];
    memset(out, 0, sizeof *out);
    xs_query *q = NULL;
    xs_error xe;
    if (plan_kind_of(p) == PLAN_TERM)
        CHECK_INT(xs_query_term(plan_term_of(p), &q, &xe), XS_OK);
    else if (plan_kind_of(p) == PLAN_QUERY)
        CHECK_INT(xs_query_copy(plan_query_of(p), &q, &xe), XS_OK);
    else
        CHECK_INT(xs_query_match_all(&q, &xe), XS_OK);
    xapian_all(q, out);
    xs_query_free(q);
    if (out->bits)
        indexed_leaves++;
    else
        short_leaves++;
    return out;
}

static xs_query *term(int k)
{
    xs_query *q = NULL;
    CHECK_INT(xs_query_term(k < 0 ? "absent" : vocabulary[k], &q, NULL), XS_OK);
    return q;
}

static xs_query *both(xs_query_op op, xs_query *a, xs_query *b)
{
    xs_query *q = NULL;
    CHECK_INT(xs_query_combine(op, a, b, &q, NULL), XS_OK);
    xs_query_free(a);
    xs_query_free(b);
    return q;
}

static plan *word(int k) { return plan_term(k < 0 ? "absent" : vocabulary[k]); }

/* The plan's merged matches equal Xapian's matches of the equivalent query. */
static void check_same(const char *what, plan *p, xs_query *q)
{
    match_list merged = {0}, direct = {0};
    leaves l = {.n = 0};
    ps_error err;
    CHECK(p != NULL);
    CHECK_INT(plan_evaluate(p, leaf, &l, &merged, &err), 0);
    xapian_all(q, &direct);
    if (merged.count != direct.count) {
        fprintf(stderr, "%s: %u merged matches, Xapian %u\n", what, merged.count, direct.count);
        check_failures++;
    }
    for (uint32_t i = 0; i < merged.count && i < direct.count; i++) {
        if (merged.docids[i] != direct.docids[i] ||
            fabsf(merged.weights[i] - direct.weights[i]) > 1e-4f * direct.weights[i] + 1e-6f) {
            fprintf(stderr, "%s: match %u is %u (%g), Xapian %u (%g)\n", what, i,
                    merged.docids[i], merged.weights[i], direct.docids[i], direct.weights[i]);
            check_failures++;
            break;
        }
    }
    for (int i = 0; i < l.n; i++)
        match_list_free(&l.lists[i]);
    match_list_free(&merged);
    match_list_free(&direct);
    plan_free(p);
    xs_query_free(q);
}

static void test_shapes(void)
{
    check_same("AND", plan_combine(PLAN_AND, word(0), word(1)),
               both(XS_OP_AND, term(0), term(1)));
    check_same("rare AND common", plan_combine(PLAN_AND, word(9), word(0)),
               both(XS_OP_AND, term(9), term(0)));
    check_same("OR", plan_combine(PLAN_OR, word(2), word(5)), both(XS_OP_OR, term(2), term(5)));
    check_same("three ANDs", plan_combine(PLAN_AND, plan_combine(PLAN_AND, word(0), word(1)), word(2)),
               both(XS_OP_AND, both(XS_OP_AND, term(0), term(1)), term(2)));
    /* all the words but one, sharing each word's plan */
    plan *a = word(0), *b = word(3), *c = word(6);
    plan *most = plan_combine(
        PLAN_OR,
        plan_combine(PLAN_OR, plan_combine(PLAN_AND, plan_ref(b), plan_ref(c)),
                     plan_combine(PLAN_AND, plan_ref(a), plan_ref(c))),
        plan_combine(PLAN_AND, plan_ref(a), plan_ref(b)));
    plan_free(a), plan_free(b), plan_free(c);
    check_same("all but one", most,
               both(XS_OP_OR,
                    both(XS_OP_OR, both(XS_OP_AND, term(3), term(6)),
                         both(XS_OP_AND, term(0), term(6))),
                    both(XS_OP_AND, term(0), term(3))));
    check_same("AND_NOT", plan_combine(PLAN_AND_NOT, word(0), word(2)),
               both(XS_OP_AND_NOT, term(0), term(2)));
    xs_query *all = NULL;
    CHECK_INT(xs_query_match_all(&all, NULL), XS_OK);
    check_same("only exclusions", plan_combine(PLAN_AND_NOT, plan_all(), word(1)),
               both(XS_OP_AND_NOT, all, term(1)));
    check_same("an unknown word", plan_combine(PLAN_AND, word(-1), word(0)),
               both(XS_OP_AND, term(-1), term(0)));
    check_same("an unknown word, OR", plan_combine(PLAN_OR, word(-1), word(0)),
               both(XS_OP_OR, term(-1), term(0)));
    /* a parsed sub-query as a leaf (a phrase) */
    check_same("parsed leaf", plan_combine(PLAN_OR, word(4), plan_query(both(XS_OP_AND, term(0), term(1)))),
               both(XS_OP_OR, term(4), both(XS_OP_AND, term(0), term(1))));
    /* an acronym and its expansion, one SYNONYM leaf */
    check_same("synonym leaf",
               plan_combine(PLAN_AND, word(2),
                            plan_query(both(XS_OP_SYNONYM, term(4), both(XS_OP_AND, term(0), term(1))))),
               both(XS_OP_AND, term(2), both(XS_OP_SYNONYM, term(4), both(XS_OP_AND, term(0), term(1)))));
    /* the pairs of consecutive words add their weight to the words' matches */
    check_same("AND_MAYBE a short list", plan_combine(PLAN_AND_MAYBE, word(0), word(9)),
               both(XS_OP_AND_MAYBE, term(0), term(9)));
    check_same("AND_MAYBE an indexed list", plan_combine(PLAN_AND_MAYBE, word(9), word(0)),
               both(XS_OP_AND_MAYBE, term(9), term(0)));
    check_same("AND_MAYBE an OR",
               plan_combine(PLAN_AND_MAYBE, plan_combine(PLAN_AND, word(0), word(1)),
                            plan_combine(PLAN_OR, word(2), word(7))),
               both(XS_OP_AND_MAYBE, both(XS_OP_AND, term(0), term(1)),
                    both(XS_OP_OR, term(2), term(7))));
}

static void test_descriptions(void)
{
    plan *p = plan_combine(PLAN_AND_NOT, plan_combine(PLAN_AND, word(0), word(1)), word(2));
    strbuf b = STRBUF_INIT;
    CHECK_INT(plan_describe(p, &b), 0);
    CHECK_STR(b.data, "((aide AND soignant) AND_NOT nuit)");
    plan_free(p);
    strbuf_truncate(&b, 0);
    p = plan_combine(PLAN_OR, plan_all(), plan_query(term(2)));
    CHECK_INT(plan_describe(p, &b), 0);
    CHECK_STR(b.data, "(* OR {Query(nuit)})");
    plan_free(p);
    strbuf_free(&b);
    CHECK(plan_combine(PLAN_AND, word(0), NULL) == NULL); /* out of memory propagates */
}

int main(void)
{
    CHECK(mkdtemp(dir) != NULL);
    write_documents();
    xs_error err;
    CHECK_INT(xs_database_open(dir, &db, &err), XS_OK);
    CHECK_INT(xs_enquire_new(db, &enquire, &err), XS_OK);
    test_shapes();
    CHECK(indexed_leaves > 0 && short_leaves > 0);
    test_descriptions();
    xs_enquire_free(enquire);
    xs_database_free(db);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    return check_exit_status("test_textplan");
}
