/* Fuzz target: searchd's text queries (textquery.c) on arbitrary text, over a small index with
 * acronyms and a spelling table: tokens, phrases, exclusions, corrections, acronyms and pairs
 * of consecutive words. Whatever the text, building succeeds or fails with a reason; a plan
 * describes itself and becomes a Xapian query; the suggestion stays valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "synonyms.h"
#include "textquery.h"

static const char *const documents[] = {
    "Aide-soignant(e) de nuit en EHPAD", "Infirmier diplômé d'État - urgences",
    "Auxiliaire de vie à domicile", "Assistant maternel agréé", "Éducateur spécialisé en IME"};

static fr_analyzer *analyzer;
static fr_stopwords *stopwords;
static xs_database *db;
static xs_qparser *qp;
static acronyms *known;

static void build_index(const char *dir)
{
    xs_writer *w;
    xs_error xe;
    ps_error err;
    if (xs_writer_open(dir, XS_CREATE_OR_OVERWRITE, &w, &xe) != XS_OK)
        abort();
    fr_set_spelling_writer(analyzer, w);
    for (size_t i = 0; i < sizeof documents / sizeof documents[0]; i++) {
        xs_document *doc;
        char id[16];
        snprintf(id, sizeof id, "Qd%zu", i);
        if (xs_document_new(&doc, &xe) != XS_OK || fr_begin_document(analyzer, doc, &err) != 0 ||
            fr_index_text(analyzer, documents[i], strlen(documents[i]), 1, "",
                          FR_POSITIONS | FR_SPELLING, &err) != 0 ||
            xs_writer_replace(w, id, doc, &xe) != XS_OK)
            abort();
        xs_document_free(doc);
    }
    fr_set_spelling_writer(analyzer, NULL);
    if (synonyms_load_into(PS_TEST_REFERENTIELS "/acronymes.tsv", w, &err) != 0 ||
        xs_writer_close(w, &xe) != XS_OK)
        abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    static char dir[] = "/tmp/ps-fuzz-textquery-XXXXXX";
    ps_error err;
    xs_error xe;
    if (!mkdtemp(dir) || fr_stopwords_load(PS_DEFAULT_STOPWORDS, &stopwords, &err) != 0 ||
        fr_analyzer_new(stopwords, &analyzer, &err) != 0)
        abort();
    build_index(dir);
    if (xs_database_open(dir, &db, &xe) != XS_OK || fr_qparser_new(analyzer, db, &qp, &err) != 0 ||
        acronyms_load(db, &known, &err) != 0)
        abort();
    return 0;
}

static void check(const char *text, text_match match, bool with_corrections)
{
    text_context ctx = {db, NULL, analyzer, qp, known, stopwords};
    text_query tq;
    ps_error err;
    if (text_query_build(&ctx, text, match, with_corrections, &tq, &err) != 0) {
        if (err.message[0] == '\0')
            abort();
        return;
    }
    if (tq.plan) {
        strbuf key = STRBUF_INIT;
        (void)plan_describe(tq.plan, &key); /* -1 only for an over-long parsed leaf */
        strbuf_free(&key);
        xs_query *q;
        xs_error xe;
        if (plan_to_query(tq.plan, &q, &xe) != XS_OK)
            abort();
        xs_query_free(q);
    }
    if (utf8_valid(text, strlen(text)) && tq.corrected.len &&
        !utf8_valid(tq.corrected.data, tq.corrected.len))
        abort();
    text_query_free(&tq);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 512) /* searchd's longest q (PARAMS_MAX_Q) */
        return 0;
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    check(text, TEXT_ALL, false);
    check(text, TEXT_ALL, true);
    check(text, TEXT_ALL_BUT_ONE, true);
    free(text);
    return 0;
}
