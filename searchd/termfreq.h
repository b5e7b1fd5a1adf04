/* termfreq: a searcher's memo of term frequencies (how many documents hold a stem). Every
 * query asks it of each word (is the word known, or misspelt? is it cheap to match?) and
 * Xapian answers with a B-tree descent that reads a block or two from disk; a few thousand
 * stems make up nearly every query. Direct-mapped: a term that lands on a taken slot replaces
 * its holder. One per searcher (not thread-safe), cleared when its database changes. */
#ifndef PS_TERMFREQ_H
#define PS_TERMFREQ_H

#include <stdint.h>

#include "xapian/xs.h"

typedef struct term_freqs term_freqs;

term_freqs *term_freqs_new(void); /* NULL when memory runs out */
/* The number of documents of db holding term, from the memo or from db. */
uint32_t term_freqs_get(term_freqs *m, xs_database *db, const char *term);
void term_freqs_clear(term_freqs *m);
void term_freqs_free(term_freqs *m);

#endif
