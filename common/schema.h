/* schema: the layout of the index, shared by indexer and searchd so that it exists once:
 * document types, term prefixes, text weights, value slots, the packed per-document facet
 * record and metadata keys. Changing it means rebuilding the index; SCHEMA_VERSION is stored
 * in each index and checked when searchd opens it. */
#ifndef PS_SCHEMA_H
#define PS_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCHEMA_VERSION "6"

/* A document's data: its stored record as compact JSON without the "description" member, a
 * NUL byte, the description's text (empty when it has none), a NUL byte and the title's text.
 * searchd writes a hit by copying the JSON and cuts snippets from the texts (the title with
 * the query's words marked), without parsing either. */

/* The parts of a document's data, pointing into it; a missing or empty text is NULL. */
typedef struct schema_data_parts {
    const char *json, *description, *title;
    size_t json_len, description_len, title_len;
} schema_data_parts;
void schema_split_data(const char *data, size_t len, schema_data_parts *out);

typedef enum doc_type {
    DOC_OFFRE,     /* a job offer (France Travail "Offres d'emploi v2" shape) */
    DOC_FORMATION, /* a training action (LHEO 2.3) */
    DOC_METIER,    /* a fiche métier (ROME 4.0) */
    DOC_TYPE_COUNT
} doc_type;

/* "offre", "formation", "metier": the names used in the API and in terms. */
const char *doc_type_name(doc_type type);
bool doc_type_parse(const char *name, doc_type *out);

/* Term prefixes. Free-text words carry no prefix; the others are boolean filter terms
 * (wdf 0), one per value: "XCCDI", "XD2A", "XFpetite-enfance". */
#define PREFIX_ID "Q"           /* Q<type>:<id>, one per document: upserts and lookups */
#define PREFIX_TYPE "XT"        /* offre, formation, metier */
#define PREFIX_FAMILLE "XF"     /* sante, social, handicap, petite-enfance, grand-age */
#define PREFIX_ROME "XR"        /* J1501 */
#define PREFIX_CONTRAT "XC"     /* CDI, CDD... (offers) */
#define PREFIX_EXPERIENCE "XE"  /* D, S, E (offers) */
#define PREFIX_TEMPS_PLEIN "XP" /* 1 or 0 (offers) */
#define PREFIX_ALTERNANCE "XA"  /* 1 or 0 (offers, trainings) */
#define PREFIX_COMMUNE "XM"     /* INSEE code */
#define PREFIX_DEPARTEMENT "XD" /* 75, 2A, 974 */
#define PREFIX_REGION "XG"      /* 11, 94 */
/* Not a filter: the pairs of consecutive words of titles and labels (fr_each_pair), one wdf
 * each, "XWauxiliair_vie"; a query's consecutive words add their weight to a match. */
#define PREFIX_PAIR "XW"

/* The longest record id accepted (France Travail ids have 7 characters, LHEO numbers ~40). */
enum { SCHEMA_MAX_ID = 64 };

/* Writes the unique id term of a record into out; returns false if the id is empty, too long or
 * contains a character outside [A-Za-z0-9_.-]. */
bool schema_id_term(doc_type type, const char *id, char *out, size_t cap);

/* The term of a pair of consecutive words (fr_each_pair) into out; false if it does not fit.
 * SCHEMA_MAX_TERM is enough for any term Xapian accepts (245 bytes). */
enum { SCHEMA_MAX_TERM = 246 };
bool schema_pair_term(const char *pair, char *out, size_t cap);

/* Within-document frequency added per occurrence: a title word outweighs a body word. */
enum { WDF_TITLE = 4, WDF_LABEL = 2, WDF_BODY = 1 };

/* Value slots. */
enum {
    SLOT_DATE = 0,  /* creation or session-start date, sortable_serialise(seconds) */
    SLOT_LAT = 1,   /* sortable_serialise(degrees) */
    SLOT_LON = 2,
    SLOT_FACETS = 3 /* the doc_facets record, packed by doc_facets_encode */
};

/* What searchd keeps in memory for every document, to filter, count facets and sort without
 * touching the index: one fixed-size record per document in SLOT_FACETS. */
typedef struct doc_facets {
    uint8_t type;        /* doc_type */
    uint8_t familles;    /* bit (1 << famille) for each famille */
    uint8_t contrat;     /* codes.h contrat index, 0 when none */
    uint8_t experience;  /* codes.h experience index, 0 when none */
    int8_t temps_plein;  /* 1, 0, or -1 when unknown */
    int8_t alternance;   /* 1, 0, or -1 when unknown */
    char rome[6];        /* "J1501", or "" */
    char commune[6];     /* INSEE code, or "" */
    char departement[4]; /* "75", "2A", "974", or "" */
    char region[3];      /* "11", or "" */
    int64_t date;        /* seconds since the Unix epoch, 0 when none */
    bool has_geo;
    double lat, lon;     /* degrees, to the microdegree */
} doc_facets;

enum { DOC_FACETS_SIZE = 38 };

/* Packs f into out; returns DOC_FACETS_SIZE. */
size_t doc_facets_encode(const doc_facets *f, unsigned char out[DOC_FACETS_SIZE]);
/* Unpacks; false when bytes do not hold a record of this schema. */
bool doc_facets_decode(const void *bytes, size_t len, doc_facets *f);

/* Metadata keys stored in each index. */
#define META_SCHEMA_VERSION "schema_version"
#define META_BUILT_AT "built_at"
#define META_GENERATION "generation"

#endif
