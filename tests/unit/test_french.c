/* Unit tests for the shared French analysis: normalisation, stemming, stop words, and the
 * whole path through Xapian (documents indexed with fr_index_text, found by fr_parse_query). */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "french.h"

static fr_stopwords *stopwords;
static fr_analyzer *analyzer;

static const char *normalize(const char *s)
{
    static strbuf out = STRBUF_INIT;
    strbuf_reset(&out);
    CHECK_INT(fr_normalize(s, strlen(s), &out), 0);
    return out.data;
}

static void test_elision(void)
{
    CHECK_STR(normalize("L'entreprise"), "entreprise");
    CHECK_STR(normalize("l’équipe d’accueil"), "equipe accueil");
    CHECK_STR(normalize("qu'il s'agit"), "il agit");
    CHECK_STR(normalize("jusqu'à lorsqu'un puisqu'elle"), "a un elle");
    CHECK_STR(normalize("J'accompagne, n'hésitez pas, c'est"), "accompagne, hesitez pas, est");
    CHECK_STR(normalize("D'ÉTAT"), "etat");
    CHECK_STR(normalize("aujourd'hui"), "aujourd'hui"); /* not an elision */
    CHECK_STR(normalize("l' espace"), "l' espace");     /* nothing is elided before a space */
}

static void test_hyphens_and_case(void)
{
    CHECK_STR(normalize("Aide-soignante"), "aide soignante");
    CHECK_STR(normalize("AIDES-SOIGNANTS"), "aides soignants");
    CHECK_STR(normalize("infirmier -nuit"), "infirmier -nuit"); /* exclusion stays */
    CHECK_STR(normalize("\"aide à domicile\""), "\"aide a domicile\"");
    CHECK_STR(normalize("Éducatrice spécialisée"), "educatrice specialisee");
    CHECK_STR(normalize("ré\xC2\xAD" "éducation"), "reeducation"); /* soft hyphen */
    CHECK_STR(normalize("caf\xE9 noir"), "caf  noir");             /* invalid byte: a break */
    CHECK_STR(normalize(""), "");
    /* nothing to write into a fresh buffer: still a string (a soft hyphen alone as q once
     * sent the tokenizer reading past the buffer's end) */
    strbuf fresh = STRBUF_INIT;
    CHECK_INT(fr_normalize("\xC2\xAD", 2, &fresh), 0);
    CHECK(fresh.data != NULL && fresh.len == 0 && fresh.data[0] == '\0');
    strbuf_free(&fresh);
}

/* Each byte of the normalised text knows the character it came from. */
static void test_traced(void)
{
    const char *text = "L'Infirmière aide-soignante";
    strbuf out = STRBUF_INIT;
    uint32_t *origin;
    CHECK_INT(fr_normalize_traced(text, strlen(text), &out, &origin), 0);
    CHECK_STR(out.data, "infirmiere aide soignante");
    CHECK_INT(origin[0], 2);                        /* "l'" dropped */
    CHECK_INT(origin[7], 9);                        /* the 'e' from "è" (two bytes) */
    CHECK_INT(origin[8], 11);
    CHECK_INT(origin[strlen("infirmiere aide")], 18); /* the hyphen became a space */
    CHECK_INT(origin[out.len], strlen(text));
    free(origin);
    strbuf_free(&out);
}

static const char *stem(const char *word)
{
    static char out[4][128];
    static int next;
    char *o = out[next++ % 4];
    fr_stem(analyzer, word, strlen(word), o, 128);
    return o;
}

/* Every word of a group must have the same stem. */
static void check_same_stem(const char *const *words)
{
    const char *first = stem(words[0]);
    char expected[128];
    snprintf(expected, sizeof expected, "%s", first);
    for (int i = 1; words[i]; i++) {
        const char *s = stem(words[i]);
        if (strcmp(s, expected) != 0) {
            fprintf(stderr, "stem(%s) = %s but stem(%s) = %s\n", words[i], s, words[0], expected);
            check_failures++;
        }
    }
}

static void test_stems_conflate(void)
{
    static const char *const groups[][8] = {
        {"éducateur", "Educateur", "EDUCATEUR", "educateur", "éducatrice", "educatrices", NULL},
        {"infirmière", "infirmiere", "Infirmières", "infirmier", "infirmiers", "INFIRMIERES", NULL},
        {"soignant", "soignante", "soignants", "soignantes", NULL},
        {"aide", "aides", NULL},
        {"spécialisé", "specialise", "spécialisée", "specialisees", "spécialisés", NULL},
        {"puéricultrice", "puericultrice", "puériculteur", NULL},
        {"directrice", "directeur", "directrices", NULL},
        {"hospitalière", "hospitalier", "hospitaliers", NULL},
        {"veilleuse", "veilleur", NULL},
        {"conseillère", "conseiller", NULL},
        {"technicienne", "technicien", NULL},
    };
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        check_same_stem(groups[i]);
}

static void test_stems_keep_apart(void)
{
    /* "idée" must not become the acronym IDE (infirmier diplômé d'État). */
    CHECK(strcmp(stem("idée"), stem("IDE")) != 0);
    CHECK(strcmp(stem("idées"), stem("ide")) != 0);
    CHECK_STR(stem("idées"), "idee");
    /* Acronyms Snowball would cut to a stop word or a letter or two: "de", "et", "e". */
    CHECK_STR(stem("DEAS"), "dea");
    CHECK_STR(stem("ETS"), "ets");
    CHECK_STR(stem("ES"), "es");
    CHECK_STR(stem("AES"), "aes");
    CHECK(strcmp(stem("deas"), stem("de")) != 0);
    check_same_stem((const char *const[]){"vie", "vies", NULL});
    check_same_stem((const char *const[]){"nuit", "nuits", NULL});
}

static void test_stopwords(void)
{
    CHECK(fr_stopwords_contains(stopwords, "les"));
    CHECK(fr_stopwords_contains(stopwords, "a")); /* listed as "à" and "a" */
    CHECK(fr_stopwords_contains(stopwords, "ou"));
    CHECK(!fr_stopwords_contains(stopwords, "as")); /* aide-soignant */
    CHECK(!fr_stopwords_contains(stopwords, "es")); /* éducateur spécialisé */
    CHECK(!fr_stopwords_contains(stopwords, "me")); /* moniteur-éducateur */
    CHECK(!fr_stopwords_contains(stopwords, "ete")); /* the season */
    CHECK(!fr_stopwords_contains(stopwords, "nuit"));

    char path[] = "/tmp/ps-stopwords-XXXXXX";
    int fd = mkstemp(path);
    static const char text[] = "# a comment\n\nÀ\na   # again\n  LES\t\n";
    CHECK(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
    close(fd);
    fr_stopwords *sw;
    ps_error err;
    CHECK_INT(fr_stopwords_load(path, &sw, &err), 0);
    CHECK_INT(fr_stopwords_count(sw), 2);
    CHECK(fr_stopwords_contains(sw, "les"));
    fr_stopwords_free(sw);

    FILE *f = fopen(path, "w");
    fputs("ok\nbad\xE9\n", f);
    fclose(f);
    CHECK_INT(fr_stopwords_load(path, &sw, &err), -1);
    CHECK(strstr(err.message, ":2: invalid UTF-8") != NULL);
    unlink(path);

    CHECK_INT(fr_stopwords_load("/nonexistent/fr.txt", &sw, &err), -1);
    CHECK(strstr(err.message, "/nonexistent/fr.txt") != NULL);
}

static int find_term(void *ctx, const char *term, size_t len, unsigned wdf)
{
    (void)wdf;
    const char *wanted = ((const char **)ctx)[0];
    if (strlen(wanted) == len && memcmp(term, wanted, len) == 0)
        ((const char **)ctx)[1] = "found";
    return 0;
}

static bool doc_has_term(xs_document *doc, const char *term)
{
    const char *ctx[2] = {term, NULL};
    CHECK_INT(xs_document_each_term(doc, find_term, ctx, NULL), XS_OK);
    return ctx[1] != NULL;
}

static const char *const corpus[] = {
    "Infirmière de nuit",                           /* docid 1 */
    "Aide-soignante en EHPAD",                      /* 2 */
    "L'entreprise recrute un éducateur spécialisé", /* 3 */
    "Une idée neuve pour les résidents",            /* 4 */
};

static void build_index(const char *dir)
{
    xs_writer *w;
    xs_error xe;
    ps_error err;
    CHECK_INT(xs_writer_open(dir, XS_CREATE_OR_OVERWRITE, &w, &xe), XS_OK);
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        xs_document *doc;
        char id[16];
        snprintf(id, sizeof id, "Q%zu", i + 1);
        CHECK_INT(xs_document_new(&doc, &xe), XS_OK);
        CHECK_INT(fr_begin_document(analyzer, doc, &err), 0);
        CHECK_INT(fr_index_text(analyzer, corpus[i], strlen(corpus[i]), 1, "", FR_POSITIONS, &err), 0);
        if (i == 0) {
            CHECK(doc_has_term(doc, "infirmi"));     /* one term per word: its stem */
            CHECK(!doc_has_term(doc, "infirmiere")); /* not the word itself too */
            CHECK(doc_has_term(doc, "de"));          /* stop words stay, for phrases */
        }
        CHECK_INT(xs_writer_replace(w, id, doc, &xe), XS_OK);
        xs_document_free(doc);
    }
    CHECK_INT(xs_writer_close(w, &xe), XS_OK);
}

/* The docids matching q, as a string like "1,3", or "" for none. */
static const char *search(xs_database *db, xs_qparser *qp, const char *q)
{
    static char out[64];
    xs_query *query;
    xs_enquire *e;
    xs_mset *m;
    bool syntax;
    ps_error err;
    out[0] = '\0';
    if (fr_parse_query(qp, q, strlen(q), XS_QP_PHRASE | XS_QP_LOVEHATE, XS_OP_AND, &query,
                       &syntax, &err) != 0) {
        fprintf(stderr, "parse %s: %s\n", q, err.message);
        check_failures++;
        return out;
    }
    CHECK_INT(xs_enquire_new(db, &e, NULL), XS_OK);
    CHECK_INT(xs_enquire_run(e, query, 0, 10, 10, NULL, NULL, &m, NULL), XS_OK);
    /* docid order, so the expected strings do not depend on ranking */
    int found[16] = {0};
    for (uint32_t i = 0; i < xs_mset_size(m); i++)
        found[xs_mset_docid(m, i) % 16] = 1;
    for (int d = 1; d < 16; d++)
        if (found[d])
            snprintf(out + strlen(out), sizeof out - strlen(out), "%s%d", *out ? "," : "", d);
    xs_mset_free(m);
    xs_enquire_free(e);
    xs_query_free(query);
    return out;
}

static void test_index_and_query_agree(void)
{
    char dir[] = "/tmp/ps-french-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    build_index(dir);
    xs_database *db;
    xs_qparser *qp;
    ps_error err;
    CHECK_INT(xs_database_open(dir, &db, NULL), XS_OK);
    CHECK_INT(fr_qparser_new(analyzer, db, &qp, &err), 0);
    CHECK_STR(search(db, qp, "infirmiere"), "1");
    CHECK_STR(search(db, qp, "INFIRMIERS"), "1");
    CHECK_STR(search(db, qp, "infirmier"), "1");
    CHECK_STR(search(db, qp, "aide soignant"), "2");
    CHECK_STR(search(db, qp, "aide-soignant"), "2");
    CHECK_STR(search(db, qp, "aides-soignants"), "2");
    CHECK_STR(search(db, qp, "\"aide soignante\""), "2");
    CHECK_STR(search(db, qp, "entreprise"), "3");
    CHECK_STR(search(db, qp, "l’entreprise"), "3");
    CHECK_STR(search(db, qp, "educatrice specialisee"), "3");
    CHECK_STR(search(db, qp, "Éducateurs spécialisés"), "3");
    CHECK_STR(search(db, qp, "IDE"), "");
    CHECK_STR(search(db, qp, "idées"), "4");
    CHECK_STR(search(db, qp, "infirmiere -nuit"), "");
    CHECK_STR(search(db, qp, "les résidents"), "4");
    xs_qparser_free(qp);
    xs_database_free(db);
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
}

/* fr_stem remembers its answers: a second analyzer that has seen nothing else must agree
 * with the first after it has stemmed thousands of words (slots taken over), and a short
 * buffer gets the stem cut, not a stem left cut for the next caller. */
static void test_stem_memo(void)
{
    fr_analyzer *fresh;
    ps_error err;
    CHECK_INT(fr_analyzer_new(stopwords, &fresh, &err), 0);
    static const char *const words[] = {"infirmières", "Aides-soignants", "éducatrice",
                                        "DEAS", "idées", "vies", "puéricultrices",
                                        "accompagnement", "anticonstitutionnellement"};
    enum { N = sizeof words / sizeof words[0] };
    char first[N][128], word[32], out[128], cut[4];
    for (int i = 0; i < N; i++)
        fr_stem(analyzer, words[i], strlen(words[i]), first[i], sizeof first[i]);
    for (int k = 0; k < 20000; k++) { /* other words through every slot */
        snprintf(word, sizeof word, "mot%dx", k);
        fr_stem(analyzer, word, strlen(word), out, sizeof out);
    }
    for (int i = 0; i < N; i++) {
        fr_stem(fresh, words[i], strlen(words[i]), out, sizeof out);
        CHECK_STR(out, first[i]);
        fr_stem(analyzer, words[i], strlen(words[i]), cut, sizeof cut);
        size_t kept = strlen(first[i]) < 3 ? strlen(first[i]) : 3;
        CHECK(strlen(cut) == kept && strncmp(cut, first[i], kept) == 0);
        fr_stem(analyzer, words[i], strlen(words[i]), out, sizeof out);
        CHECK_STR(out, first[i]);
    }
    fr_analyzer_free(fresh);
}

static int collect_pair(void *ctx, const char *pair)
{
    strbuf *b = ctx;
    return (b->len && strbuf_putc(b, ' ') != 0) || strbuf_puts(b, pair) != 0;
}

static void check_pairs(const char *text, const char *expected)
{
    strbuf got = STRBUF_INIT;
    ps_error err;
    CHECK_INT(fr_each_pair(analyzer, text, strlen(text), collect_pair, &got, &err), 0);
    CHECK_STR(got.len ? got.data : "", expected);
    strbuf_free(&got);
}

/* Pairs of consecutive words skip stop words and conflate forms like every term does. */
static void test_pairs(void)
{
    check_pairs("Auxiliaire de vie", "auxiliair_vie");
    check_pairs("Aide-soignante de nuit en EHPAD", "aid_soign soign_nuit nuit_ehpad");
    check_pairs("aides soignants", "aid_soign");
    check_pairs("l'infirmière", "");          /* one word: no pair */
    check_pairs("de la", "");                 /* stop words only */
    check_pairs("IDE - nuit / CDI", "ide_nuit nuit_cdi"); /* punctuation does not part them */
}

int main(void)
{
    ps_error err;
    if (fr_stopwords_load(PS_DEFAULT_STOPWORDS, &stopwords, &err) != 0 ||
        fr_analyzer_new(stopwords, &analyzer, &err) != 0) {
        fprintf(stderr, "test_french: %s\n", err.message);
        return 1;
    }
    test_elision();
    test_hyphens_and_case();
    test_traced();
    test_stems_conflate();
    test_stems_keep_apart();
    test_stopwords();
    test_index_and_query_agree();
    test_stem_memo();
    test_pairs();
    fr_analyzer_free(analyzer);
    fr_stopwords_free(stopwords);
    return check_exit_status("test_french");
}
