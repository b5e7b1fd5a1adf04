/* Unit tests for the Xapian shim: the round trip through a real database, and above all its
 * error paths: every Xapian failure must come back as a status and a message. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "xapian/xs.h"

static char dir[] = "/tmp/ps-xs-XXXXXX";

static void test_missing_database(void)
{
    xs_database *db = NULL;
    xs_error err = {0};
    CHECK_INT(xs_database_open("/nonexistent/index", &db, &err), XS_NOT_FOUND);
    CHECK_INT(err.status, XS_NOT_FOUND);
    CHECK(db == NULL);
    CHECK(strstr(err.message, "DatabaseNotFoundError") != NULL);
    CHECK_STR(xs_status_name(err.status), "not_found");

    xs_writer *w = NULL;
    CHECK(xs_writer_open("/nonexistent/index", XS_OPEN, &w, &err) != XS_OK);
    CHECK(err.message[0] != '\0');
    CHECK(xs_writer_open("/proc/version/index", XS_CREATE_OR_OPEN, &w, &err) != XS_OK);
    CHECK(w == NULL);
}

static void test_query_parser_rejects(void)
{
    xs_qparser *qp;
    xs_query *q = NULL;
    xs_error err;
    CHECK_INT(xs_qparser_new(NULL, NULL, NULL, &qp, &err), XS_OK);
    CHECK_INT(xs_qparser_parse(qp, "infirmier AND", 13, XS_QP_BOOLEAN, XS_OP_AND, &q, &err),
              XS_QUERY_SYNTAX);
    CHECK(q == NULL);
    CHECK(strstr(err.message, "Syntax") != NULL);
    CHECK_INT(xs_qparser_parse(qp, "x", 1, 0, XS_OP_AND_NOT, &q, &err), XS_INVALID);
    CHECK_INT(xs_qparser_parse(qp, "aide soignant", 13, XS_QP_PHRASE, XS_OP_AND, &q, &err), XS_OK);
    char desc[128];
    xs_query_describe(q, desc, sizeof desc);
    CHECK_STR(desc, "Query((aide@1 AND soignant@2))");
    xs_query *bad;
    CHECK_INT(xs_query_combine((xs_query_op)99, q, q, &bad, &err), XS_INVALID);
    xs_query_free(q);
    xs_qparser_free(qp);
}

static size_t reverse_stem(void *ctx, const char *word, size_t len, char *out, size_t cap)
{
    (*(int *)ctx)++;
    for (size_t i = 0; i < len && i < cap; i++)
        out[i] = word[len - 1 - i];
    return len;
}

static void test_custom_stemmer(void)
{
    int calls = 0;
    xs_stemmer *st;
    char out[16];
    CHECK_INT(xs_stemmer_new_custom(reverse_stem, &calls, "reverse", &st, NULL), XS_OK);
    CHECK_INT(xs_stemmer_stem(st, "soin", 4, out, sizeof out, NULL), XS_OK);
    CHECK_STR(out, "nios");
    CHECK_INT(calls, 1);
    CHECK_INT(xs_stemmer_stem(st, "abcdefghijklmnopqrstuvwxyz", 26, out, sizeof out, NULL), XS_OK);
    CHECK_INT(strlen(out), sizeof out - 1); /* truncated, still terminated */
    xs_stemmer_free(st);
    xs_error err;
    CHECK(xs_stemmer_new_snowball("klingon", &st, &err) != XS_OK);
    CHECK(strstr(err.message, "klingon") != NULL);
    CHECK(xs_stemmer_new_custom(NULL, NULL, "none", &st, &err) == XS_INVALID);
}

static void record_match(void *ctx, uint32_t docid, double weight)
{
    double *seen = ctx;
    seen[0] += docid > 0;
    seen[1] += weight;
}

static void write_documents(void)
{
    xs_writer *w;
    xs_termgen *tg;
    xs_error err;
    CHECK_INT(xs_writer_open(dir, XS_CREATE_OR_OVERWRITE, &w, &err), XS_OK);
    CHECK_INT(xs_termgen_new(NULL, NULL, &tg, &err), XS_OK);
    const char *texts[] = {"soins infirmiers de nuit", "aide a domicile", "soins palliatifs"};
    for (int i = 0; i < 3; i++) {
        xs_document *doc;
        char id[8], value[18];
        snprintf(id, sizeof id, "Qd%d", i);
        CHECK_INT(xs_document_new(&doc, &err), XS_OK);
        CHECK_INT(xs_termgen_set_document(tg, doc, &err), XS_OK);
        CHECK_INT(xs_termgen_index(tg, texts[i], strlen(texts[i]), 1, "", true, &err), XS_OK);
        CHECK_INT(xs_document_add_boolean_term(doc, id, &err), XS_OK);
        CHECK_INT(xs_document_set_data(doc, texts[i], strlen(texts[i]), &err), XS_OK);
        size_t n = xs_sortable_serialise(i * 10.5, value);
        CHECK_INT(xs_document_set_value(doc, 0, value, n, &err), XS_OK);
        CHECK_INT(xs_writer_replace(w, id, doc, &err), XS_OK);
        xs_document_free(doc);
    }
    CHECK_INT(xs_writer_set_metadata(w, "built_at", "2026-11-22T00:00:00Z", &err), XS_OK);
    CHECK_INT(xs_writer_commit(w, &err), XS_OK);
    CHECK_INT(xs_writer_doccount(w), 3);

    /* Only one writer at a time: the second gets XS_LOCKED, not an exception. */
    xs_writer *second = NULL;
    CHECK_INT(xs_writer_open(dir, XS_CREATE_OR_OPEN, &second, &err), XS_LOCKED);
    CHECK(strstr(err.message, "DatabaseLockError") != NULL);
    CHECK(second == NULL);
    xs_termgen_free(tg);
    CHECK_INT(xs_writer_close(w, &err), XS_OK);
}

static void test_read_back(void)
{
    xs_database *db;
    xs_error err;
    CHECK_INT(xs_database_open(dir, &db, &err), XS_OK);
    CHECK_INT(xs_database_doccount(db), 3);
    char meta[64];
    CHECK_INT(xs_database_get_metadata(db, "built_at", meta, sizeof meta, &err), XS_OK);
    CHECK_STR(meta, "2026-11-22T00:00:00Z");
    CHECK_INT(xs_database_get_metadata(db, "absent", meta, sizeof meta, &err), XS_OK);
    CHECK_STR(meta, "");

    xs_query *q;
    xs_enquire *e;
    xs_mset *m;
    CHECK_INT(xs_query_term("soins", &q, &err), XS_OK);
    CHECK_INT(xs_enquire_new(db, &e, &err), XS_OK);
    CHECK_INT(xs_enquire_run(e, q, 0, 10, 100, NULL, NULL, &m, &err), XS_OK);
    CHECK_INT(xs_mset_size(m), 2);
    CHECK_INT(xs_mset_matches_estimated(m), 2);
    CHECK(xs_mset_weight(m, 0) >= xs_mset_weight(m, 1) && xs_mset_weight(m, 1) > 0);
    const char *data;
    size_t len;
    CHECK_INT(xs_mset_data(m, 0, &data, &len, &err), XS_OK);
    CHECK(len > 0 && strncmp(data, "soins", 5) == 0);
    CHECK_INT(xs_mset_data(m, 5, &data, &len, &err), XS_INVALID);
    xs_mset_free(m);

    /* A spy sees every match with its weight. */
    double seen[2] = {0, 0};
    CHECK_INT(xs_enquire_run(e, q, 0, 1, 100, record_match, seen, &m, &err), XS_OK);
    CHECK(seen[0] == 2 && seen[1] > 0);
    xs_mset_free(m);

    /* A reader sees a later commit only after reopen, under a new revision of the same
     * database (the hit cache's key). */
    uint64_t revision = 0, reopened_revision = 0;
    char uuid[64] = "", reopened_uuid[64] = "";
    CHECK_INT(xs_database_revision(db, &revision, uuid, sizeof uuid, &err), XS_OK);
    CHECK(revision > 0 && strlen(uuid) == 36);
    xs_writer *w;
    xs_document *doc;
    CHECK_INT(xs_writer_open(dir, XS_OPEN, &w, &err), XS_OK);
    CHECK_INT(xs_document_new(&doc, &err), XS_OK);
    CHECK_INT(xs_writer_replace(w, "Qd3", doc, &err), XS_OK);
    CHECK_INT(xs_writer_delete(w, "Qd0", &err), XS_OK);
    CHECK_INT(xs_writer_close(w, &err), XS_OK);
    xs_document_free(doc);
    bool changed = false;
    CHECK_INT(xs_database_reopen(db, &changed, &err), XS_OK);
    CHECK(changed);
    CHECK_INT(xs_database_revision(db, &reopened_revision, reopened_uuid, sizeof reopened_uuid,
                                   &err), XS_OK);
    CHECK(reopened_revision > revision);
    CHECK_STR(reopened_uuid, uuid);
    CHECK_INT(xs_enquire_run(e, q, 0, 10, 100, NULL, NULL, &m, &err), XS_OK);
    CHECK_INT(xs_mset_size(m), 1);
    xs_mset_free(m);
    xs_enquire_free(e);
    xs_query_free(q);
    xs_database_free(db);
}

static void test_sortable_serialise(void)
{
    char a[18], b[18];
    size_t na = xs_sortable_serialise(-3.5, a), nb = xs_sortable_serialise(1e9, b);
    CHECK(memcmp(a, b, na < nb ? na : nb) < 0);
    CHECK(xs_sortable_unserialise(b, nb) == 1e9);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_missing_database();
    test_query_parser_rejects();
    test_custom_stemmer();
    write_documents();
    test_read_back();
    test_sortable_serialise();
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
    return check_exit_status("test_xs");
}
