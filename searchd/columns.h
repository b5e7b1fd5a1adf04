/* columns: what searchd keeps in memory for every document of a generation, indexed by docid,
 * so that filters, disjunctive facet counts and date or distance sorts never touch the index:
 * one row per document, loaded from the SLOT_FACETS values when a generation is opened.
 * Immutable once built, so every thread may read it. */
#ifndef PS_COLUMNS_H
#define PS_COLUMNS_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "xapian/xs.h"

/* A dictionary of short codes (ROME, commune, département, région): id 0 is "none". */
typedef struct code_dict {
    char (*codes)[6];
    uint32_t count; /* including id 0 */
    uint32_t cap;
    uint32_t *slots; /* open-addressing hash index of ids (0: empty), slot_count a power of 2 */
    uint32_t slot_count;
} code_dict;

/* The id of code, or 0 when the dictionary does not hold it. */
uint32_t code_dict_find(const code_dict *d, const char *code);
const char *code_dict_code(const code_dict *d, uint32_t id);

typedef struct doc_row {
    int64_t date;     /* seconds, 0 when none */
    float lat, lon;   /* NAN when none */
    float x, y, z;    /* the point on the unit sphere: distances without trigonometry */
    uint16_t rome, commune, departement;
    uint8_t region, type, familles, contrat, experience;
    int8_t temps_plein, alternance; /* 1, 0, -1 */
    uint8_t present;  /* a document with this docid exists */
} doc_row;

typedef struct columns {
    doc_row *rows;  /* rows[docid], docid from 1 to count - 1 */
    uint32_t count;
    uint32_t documents;
    uint32_t *by_lat; /* the docids with coordinates, by latitude: radius searches scan a band */
    uint32_t n_by_lat;
    uint32_t *by_date; /* every docid, newest first (then by docid): unfiltered browsing */
    uint32_t n_by_date;
    code_dict rome, commune, departement, region;
} columns;

int columns_load(xs_database *db, columns **out, ps_error *err);

/* The range [*first, *last) of by_lat whose latitude lies in [lat_min, lat_max]. */
void columns_lat_band(const columns *c, float lat_min, float lat_max, uint32_t *first,
                      uint32_t *last);
void columns_free(columns *c);

#endif
