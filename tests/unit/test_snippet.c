/* Unit tests for snippet: every word whose stem is a query stem is marked, whatever its case,
 * accents or first letter (ASCII or not); nothing else is; text is HTML-escaped; a match far
 * into the text moves the window there. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "snippet.h"

static fr_analyzer *analyzer;

/* The snippet of text for the stems of the words in query (space-separated). */
static void snippet_of(const char *query, const char *text, size_t max_len, strbuf *out)
{
    char stems[8][SNIPPET_MAX_STEM];
    unsigned n = 0;
    char words[256];
    snprintf(words, sizeof words, "%s", query);
    for (char *w = strtok(words, " "); w && n < 8; w = strtok(NULL, " "))
        fr_stem(analyzer, w, strlen(w), stems[n++], SNIPPET_MAX_STEM);
    *out = (strbuf)STRBUF_INIT;
    CHECK_INT(snippet_build(analyzer, text, strlen(text), (const char(*)[SNIPPET_MAX_STEM])stems,
                            n, max_len, out),
              0);
}

static void check_snippet(const char *query, const char *text, const char *expected)
{
    strbuf out;
    snippet_of(query, text, 400, &out);
    CHECK_STR(out.data ? out.data : "", expected);
    strbuf_free(&out);
}

static void test_marks_by_stem(void)
{
    check_snippet("infirmier", "Infirmières et INFIRMIERS de nuit, infirmerie fermée.",
                  "<mark>Infirmières</mark> et <mark>INFIRMIERS</mark> de nuit, infirmerie "
                  "fermée.");
    /* masculine and feminine share their stem (french.h) */
    check_snippet("éducateur", "Éducatrice ou educateur spécialisé.",
                  "<mark>Éducatrice</mark> ou <mark>educateur</mark> spécialisé.");
    check_snippet("EDUCATRICE", "Une éducatrice.", "Une <mark>éducatrice</mark>.");
    check_snippet("aide soignant", "L'aide-soignant aide les soignants.",
                  "L'<mark>aide</mark>-<mark>soignant</mark> <mark>aide</mark> les "
                  "<mark>soignants</mark>.");
    check_snippet("crèche", "Crèche <b>&</b> \"micro-crèche\"",
                  "<mark>Crèche</mark> &lt;b&gt;&amp;&lt;/b&gt; &quot;micro-<mark>crèche</mark>&quot;");
    check_snippet("ehpad", "Poste en EHPAD 2026 : 35h.", "Poste en <mark>EHPAD</mark> 2026 : 35h.");
    check_snippet("nuit", "Œuvre de jour.", "Œuvre de jour.");
}

static void test_window_moves_to_the_first_match(void)
{
    char text[2048] = "";
    for (int i = 0; i < 60; i++)
        strcat(text, "Texte sans rapport. ");
    strcat(text, "Poste d'infirmier en réanimation.");
    strbuf out;
    snippet_of("infirmier", text, 120, &out);
    CHECK(out.data && strncmp(out.data, "… ", strlen("… ")) == 0);
    CHECK(out.data && strstr(out.data, "<mark>infirmier</mark>") != NULL);
    strbuf_free(&out);
}

/* Wherever the window opens, it opens on a whole word: the text's words are all "abcdef"
 * and a word "abcdef" of the snippet's first is whole (never "cdef"). */
static void test_window_opens_on_a_word(void)
{
    for (int shift = 0; shift < 7; shift++) {
        char text[2048] = "";
        for (int i = 0; i < shift; i++)
            strcat(text, "x");
        for (int i = 0; i < 40; i++)
            strcat(text, " abcdef");
        strcat(text, " infirmier.");
        strbuf out;
        snippet_of("infirmier", text, 120, &out);
        CHECK(out.data && strncmp(out.data, "… abcdef ", strlen("… abcdef ")) == 0);
        strbuf_free(&out);
    }
}

/* A title is marked whole, from its start. */
static void test_mark_whole_text(void)
{
    char stem[SNIPPET_MAX_STEM];
    fr_stem(analyzer, "nuit", 4, stem, sizeof stem);
    strbuf out = STRBUF_INIT;
    const char *title = "Infirmier diplômé d'État de jour ou de nuit - service de médecine";
    CHECK_INT(snippet_mark(analyzer, title, strlen(title), (const char(*)[SNIPPET_MAX_STEM])&stem, 1,
                           &out),
              0);
    CHECK_STR(out.data, "Infirmier diplômé d'État de jour ou de <mark>nuit</mark> - service de médecine");
    strbuf_free(&out);
}

int main(void)
{
    ps_error err;
    fr_stopwords *stopwords;
    if (fr_stopwords_load(PS_DEFAULT_STOPWORDS, &stopwords, &err) != 0 ||
        fr_analyzer_new(stopwords, &analyzer, &err) != 0) {
        fprintf(stderr, "test_snippet: %s\n", err.message);
        return 1;
    }
    test_marks_by_stem();
    test_window_moves_to_the_first_match();
    test_window_opens_on_a_word();
    test_mark_whole_text();
    fr_analyzer_free(analyzer);
    fr_stopwords_free(stopwords);
    return check_exit_status("test_snippet");
}
