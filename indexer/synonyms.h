/* synonyms: stores the acronyms référentiel (data/referentiels/acronymes.tsv) in the index's
 * synonym table, keyed by the normalised acronym ("as", "ide", "ass mat"), with each expansion
 * normalised too, so that searchd reads one consistent copy from the index it serves. */
#ifndef PS_SYNONYMS_H
#define PS_SYNONYMS_H

#include "error.h"
#include "xapian/xs.h"

int synonyms_load_into(const char *acronymes_path, xs_writer *w, ps_error *err);

#endif
