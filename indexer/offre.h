/* offre: turns one France Travail "Offres d'emploi v2" record into an index document: its
 * searchable text, filter terms, sort values and the fields stored for display. */
#ifndef PS_OFFRE_H
#define PS_OFFRE_H

#include <jansson.h>
#include <stddef.h>

#include "error.h"
#include "french.h"
#include "schema.h"
#include "xapian/xs.h"

/* Fills doc (new and empty) from rec and writes the record's unique id term into id_term.
 * Returns -1 with the reason in err when the record is unusable (missing id or title, wrong
 * types); the caller reports and skips it. */
int offre_to_document(const json_t *rec, fr_analyzer *a, xs_document *doc, char *id_term,
                      size_t id_term_cap, ps_error *err);

#endif
