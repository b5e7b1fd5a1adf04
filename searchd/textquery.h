/* textquery: turns the user's text into a query plan (textplan.h) with the shared French
 * analysis: words (all required, or any of them for partial matching), "exact phrases", -exclusions,
 * acronyms expanded from the référentiel stored in the index (AS, IDE, ass mat...), and
 * spelling corrections from the index's spelling table for words it does not know. */
#ifndef PS_TEXTQUERY_H
#define PS_TEXTQUERY_H

#include <stdbool.h>

#include "error.h"
#include "french.h"
#include "snippet.h"
#include "strbuf.h"
#include "termfreq.h"
#include "textplan.h"
#include "xapian/xs.h"

/* The acronyms of the index (its synonym table), loaded once per generation. */
typedef struct acronyms acronyms;
int acronyms_load(xs_database *db, acronyms **out, ps_error *err);
void acronyms_free(acronyms *a);
size_t acronyms_count(const acronyms *a);
/* The i-th acronym as people type it ("ide", "ass mat"). */
const char *acronyms_key(const acronyms *a, size_t i);

typedef struct text_context {
    xs_database *db;
    term_freqs *freqs; /* db's term frequencies, remembered; NULL: asked of db each time */
    fr_analyzer *analyzer;
    xs_qparser *qp;
    const acronyms *acronyms;
    const fr_stopwords *stopwords;
} text_context;

typedef struct text_query {
    plan *plan;           /* NULL when the text has no searchable word */
    unsigned words;       /* plain words searched (after stop words) */
    bool misspelt;        /* some word is unknown to the index and has a correction */
    strbuf corrected;     /* the text as typed, misspelt words corrected (shown when misspelt) */
    char stems[32][SNIPPET_MAX_STEM]; /* of the words a hit may contain, for snippets */
    unsigned n_stems;
} text_query;

/* How many of the plain words a document must contain. */
typedef enum text_match {
    TEXT_ALL,         /* every word */
    TEXT_ALL_BUT_ONE, /* every word but any one of them (with three words or more; else any) */
    TEXT_ANY          /* any word */
} text_match;

/* Builds the query for text, requiring the plain words as match says; with_corrections
 * replaces unknown words by their corrections. */
int text_query_build(const text_context *ctx, const char *text, text_match match,
                     bool with_corrections, text_query *out, ps_error *err);
void text_query_free(text_query *tq);

#endif
