/* snippet: the extract of a description shown under a hit: a window around the first words
 * that match the query (compared by their stems, so "infirmières" lights up for "infirmier"),
 * HTML-escaped, with each matching word between <mark> and </mark>. */
#ifndef PS_SNIPPET_H
#define PS_SNIPPET_H

#include <stddef.h>

#include "french.h"
#include "strbuf.h"

enum { SNIPPET_MAX_STEM = 48 };

/* Appends the snippet of text[0..len) to out (at most about max_len bytes of text); -1 when
 * memory runs out. stems are the query's stems, without the Z prefix. */
int snippet_build(fr_analyzer *a, const char *text, size_t len,
                  const char (*stems)[SNIPPET_MAX_STEM], unsigned n_stems, size_t max_len,
                  strbuf *out);

/* Appends the whole of text[0..len) escaped, its words matching the stems marked (a title). */
int snippet_mark(fr_analyzer *a, const char *text, size_t len,
                 const char (*stems)[SNIPPET_MAX_STEM], unsigned n_stems, strbuf *out);

#endif
