/* schema: the layout of the index, shared by indexer and searchd so that it exists once:
 * document types, term prefixes, text weights, value slots and metadata keys. Changing it
 * means rebuilding the index; SCHEMA_VERSION is stored in each index and checked on open. */
#ifndef PS_SCHEMA_H
#define PS_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#define SCHEMA_VERSION "1"

typedef enum doc_type {
    DOC_OFFRE,     /* a job offer (France Travail "Offres d'emploi v2" shape) */
    DOC_FORMATION, /* a training action (LHEO 2.3) */
    DOC_METIER,    /* a fiche métier (ROME 4.0) */
    DOC_TYPE_COUNT
} doc_type;

/* "offre", "formation", "metier": the names used in the API and in terms. */
const char *doc_type_name(doc_type type);
bool doc_type_parse(const char *name, doc_type *out);

/* Term prefixes. Free-text words carry no prefix; boolean filter terms do. */
#define PREFIX_ID "Q"     /* Q<type>:<id>, one per document: upserts and lookups by id */
#define PREFIX_TYPE "XT"  /* XToffre */
#define PREFIX_TITLE "S"  /* title words, also indexed without prefix */

/* The longest record id accepted (France Travail ids have 7 characters, LHEO numbers ~40). */
enum { SCHEMA_MAX_ID = 64 };

/* Writes the unique id term of a record into out; returns false if the id is empty, too long or
 * contains a character outside [A-Za-z0-9_.-]. */
bool schema_id_term(doc_type type, const char *id, char *out, size_t cap);

/* Within-document frequency added per occurrence: a title word weighs more than a body word. */
enum { WDF_TITLE = 4, WDF_BODY = 1 };

/* Value slots (sortable_serialise'd numbers). */
enum {
    SLOT_DATE = 0, /* creation date, seconds since the Unix epoch */
    SLOT_LAT = 1,
    SLOT_LON = 2
};

/* Metadata keys stored in each index. */
#define META_SCHEMA_VERSION "schema_version"
#define META_BUILT_AT "built_at"

#endif
