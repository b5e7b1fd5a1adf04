/* french: the one French text analysis, called by the indexer on documents and by searchd on
 * queries so that both always produce the same terms.
 *
 *   text  --fr_normalize-->  folded text  --Xapian tokeniser-->  words  --fr_stem-->  stems
 *
 * fr_normalize folds case and accents ("Infirmière" -> "infirmiere"), drops elided articles
 * ("l'entreprise" -> "entreprise", with ' or ’) and splits words joined by a hyphen
 * ("aide-soignante" -> "aide soignante"). fr_stem conflates feminine and plural forms of the
 * folded word ("infirmieres", "infirmiere" -> "infirmier") before the Snowball French stemmer,
 * which on its own depends on accents. Stop words come from a file (stopwords/fr.txt). */
#ifndef PS_FRENCH_H
#define PS_FRENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "strbuf.h"
#include "xapian/xs.h"

/* The stop word list, folded; immutable once loaded, so threads may share it. */
typedef struct fr_stopwords fr_stopwords;

/* Reads one word per line; '#' starts a comment; blank lines are ignored. */
int fr_stopwords_load(const char *path, fr_stopwords **out, ps_error *err);
size_t fr_stopwords_count(const fr_stopwords *sw);
bool fr_stopwords_contains(const fr_stopwords *sw, const char *folded_word);
void fr_stopwords_free(fr_stopwords *sw);

/* A thread's analysis objects (Xapian stemmers and stopper are not thread-safe). */
typedef struct fr_analyzer fr_analyzer;

/* The analyzer copies the stop words: sw may be freed afterwards. */
int fr_analyzer_new(const fr_stopwords *sw, fr_analyzer **out, ps_error *err);
void fr_analyzer_free(fr_analyzer *a);
/* The stemmer behind fr_stem, for Xapian objects that need one (snippets, for example). */
xs_stemmer *fr_analyzer_stemmer(fr_analyzer *a);

/* Whether a byte of normalised text belongs to a word: folded letters and digits are ASCII,
 * and what folding leaves beyond ASCII (a letter it does not know) is kept in words. */
static inline bool fr_is_word_byte(char c)
{
    unsigned char u = (unsigned char)c;
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80;
}

/* Appends the normalised form of text to out. Returns 0, or -1 when memory runs out. */
int fr_normalize(const char *text, size_t len, strbuf *out);
/* fr_normalize into an empty out, also telling where each of its bytes came from: (*origin)[j]
 * is the offset in text of the character that gave out's byte j, (*origin)[out->len] is len;
 * so a word of out is the text from origin[start] to origin[end] (a suggestion keeps the rest
 * of the text as typed). *origin belongs to the caller (free). */
int fr_normalize_traced(const char *text, size_t len, strbuf *out, uint32_t **origin);

/* The stem of one word as the index stores it (without the "Z" prefix): folded, feminine and
 * plural endings made masculine singular, then Snowball. Writes a NUL-terminated stem. */
void fr_stem(fr_analyzer *a, const char *word, size_t len, char *out, size_t cap);

/* Each pair of consecutive words of text, stop words left out, as their stems joined by '_'
 * ("Auxiliaire de vie" -> "auxiliair_vie"): titles are indexed with their pairs and a query's
 * consecutive words looked up the same way, so that a title saying the query's words together
 * ranks first. Pairs longer than FR_MAX_PAIR bytes are left out (a term is at most 245 bytes).
 * Stops at, and returns, fn's first non-zero result; -1 with err when memory runs out. */
enum { FR_MAX_PAIR = 200 };
int fr_each_pair(fr_analyzer *a, const char *text, size_t len,
                 int (*fn)(void *ctx, const char *pair), void *ctx, ps_error *err);

/* Starts indexing a new document: the following fr_index_text calls add their terms to doc. */
int fr_begin_document(fr_analyzer *a, xs_document *doc, ps_error *err);

/* Words feed the spelling table of this writer when a field is indexed with FR_SPELLING
 * (titles and labels: the vocabulary worth suggesting); NULL turns it off. */
void fr_set_spelling_writer(fr_analyzer *a, xs_writer *w);

enum {
    FR_POSITIONS = 1, /* keep word positions: phrase searches */
    FR_SPELLING = 2   /* add the words to the spelling table (see fr_set_spelling_writer) */
};

/* Normalises one field's text and indexes it into the current document (see xs_termgen_index).
 * Each field starts after a gap in positions, so a phrase never spans two fields. */
int fr_index_text(fr_analyzer *a, const char *text, size_t len, unsigned wdf_inc,
                  const char *prefix, unsigned flags, ps_error *err);

/* A query parser that analyses queries as fr_index_text analyses documents; db may be NULL.
 * The analyzer and the database must outlive it. */
int fr_qparser_new(fr_analyzer *a, xs_database *db, xs_qparser **out, ps_error *err);

/* Normalises a user's query and parses it with a parser from fr_qparser_new. *syntax_error is
 * set when the parser rejected the text. */
int fr_parse_query(xs_qparser *qp, const char *text, size_t len, unsigned flags,
                   xs_query_op default_op, xs_query **out, bool *syntax_error, ps_error *err);

#endif
