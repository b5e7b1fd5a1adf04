/* suggest: autocomplete for the search box and the place field, from the référentiels held in
 * memory: métiers whose label has words starting with what was typed, and communes by name
 * prefix (most populous first) or postal code. Cheap enough for every keystroke. */
#ifndef PS_SUGGEST_H
#define PS_SUGGEST_H

#include <jansson.h>
#include <stdint.h>

#include "error.h"
#include "referentiel.h"

typedef struct suggester suggester;

int suggester_new(const referentiel *ref, suggester **out, ps_error *err);
void suggester_free(suggester *s);

/* {"metiers": [{"label", "codeROME"}], "communes": [{"code", "nom", "departement",
 * "codePostal"}]} for the typed text q, at most limit of each. */
json_t *suggester_run(const suggester *s, const char *q, uint32_t limit);

#endif
