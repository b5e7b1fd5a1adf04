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

/* A document's facet values, 16 bytes: its place and date are in columns of their own
 * (point_of, dates), read by other loops than these. */
typedef struct doc_row {
    uint16_t rome, commune, departement;
    uint8_t region, type, familles, contrat, experience;
    int8_t temps_plein, alternance; /* 1, 0, -1 */
    uint8_t present;  /* a document with this docid exists */
} doc_row;

/* Documents at one point: by_cell[start .. the next run's start). Offers are placed at their
 * commune's centre, so a cell's hundreds of documents stand on a few points, and a radius is
 * tested once per point rather than once per document. */
typedef struct point_run {
    uint32_t start;
    float lat, lon;
    float x, y, z; /* the point on the unit sphere: distances without trigonometry */
} point_run;

typedef struct columns {
    doc_row *rows;  /* rows[docid], docid from 1 to count - 1 */
    uint32_t count;
    uint32_t documents;
    /* A grid of GRID_CELL-degree cells over the documents with coordinates: the docids of cell
     * k are by_cell[cell_start[k] .. cell_start[k + 1]), cells sorted by cell_keys. Within a
     * cell, documents at the same point are together, as the runs cell_runs[k] ..
     * cell_runs[k + 1] of runs (a last run closes the array). */
    uint64_t *cell_keys;
    uint32_t *cell_start;
    uint32_t *by_cell;
    uint32_t n_cells;
    struct point_run *runs;
    uint32_t *cell_runs;
    uint32_t *by_date; /* every docid, newest first (then by docid): unfiltered browsing */
    uint32_t n_by_date;
    /* Compact columns for what is read per candidate (radius, date, sorts): a 48-byte row
     * each is a cache miss each, where these hold 8 to 16 documents a cache line. */
    uint32_t *point_of; /* by docid: its point, an index into runs; COLUMNS_NO_POINT: none */
    int64_t *dates;     /* by docid: seconds, 0 when none */
    uint32_t n_runs;    /* points (runs) in all */
    code_dict rome, commune, departement, region;
} columns;

enum { COLUMNS_NO_POINT = UINT32_MAX };

/* Documents by the distance of their date from now, nearest first (ties: the smaller docid),
 * the order of sort=date: offers from the newest back, trainings from the next session on,
 * documents without a date last. Walks by_date from both sides of now. */
typedef struct date_walk {
    const columns *c;
    int64_t now;
    uint32_t past;                      /* the next date at or before now, in by_date */
    uint32_t future_lo, future_at, future_hi; /* the run of equal future dates being visited,
                                               * in by_date: [lo, hi), at from lo up */
} date_walk;

/* The key date_walk orders by: how far docid's date is from now. */
static inline int64_t columns_date_distance(const columns *c, uint32_t docid, int64_t now)
{
    int64_t d = c->dates[docid] - now;
    return d < 0 ? -d : d;
}

void date_walk_start(date_walk *w, const columns *c, int64_t now);
/* The next docid, or false when every document was given. */
bool date_walk_next(date_walk *w, uint32_t *docid);

int columns_load(xs_database *db, columns **out, ps_error *err);

/* Cells are GRID_CELL degrees of latitude by GRID_CELL of longitude: a radius of 10 km reads a
 * few cells instead of a band across the country. */
#define GRID_CELL 0.1

/* The grid coordinate of a latitude or longitude. */
int32_t columns_grid_index(double degrees);

/* The docids of cell (y, x): *first points at them, the return value is how many. */
uint32_t columns_cell(const columns *c, int32_t y, int32_t x, const uint32_t **first);
/* The point runs of cell (y, x): *first points at them, the return value is how many; the run
 * after the last one gives where the last one ends. */
uint32_t columns_cell_runs(const columns *c, int32_t y, int32_t x, const point_run **first);
void columns_free(columns *c);

#endif
