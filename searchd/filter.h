/* filter: compiles a request's filters against a generation's columns, tests a row against
 * the radius (exact great-circle distance) and the date, and holds disjunctive facet counts:
 * each facet counts the documents that pass every filter except its own, which is what a
 * multi-select filter UI needs (valuesets.h computes them). */
#ifndef PS_FILTER_H
#define PS_FILTER_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "columns.h"
#include "referentiel.h"
#include "request.h"

enum { DIM_GEO = DIM_FACET_COUNT, DIM_DATE, DIM_COUNT };

typedef struct compiled_filter {
    unsigned active;          /* bit per dimension with a filter */
    unsigned types, familles, contrats, experiences;
    int temps_plein, alternance;
    uint8_t *rome_ok, *departement_ok, *region_ok, *commune_ok; /* by dictionary id */
    bool commune_only;        /* distance 0: the centre commune (and its arrondissements) */
    double lat, lon, radius_km;
    float cx, cy, cz;         /* the centre on the unit sphere */
    float max_chord2;         /* the squared chord of the radius: inside iff chord2 <= this */
    float lat_min, lat_max, lon_min, lon_max; /* a box around the circle, checked first */
    int64_t date_min;
    /* By point (columns' runs), filled as points are met: 0 not yet decided, else
     * POINT_INSIDE or POINT_OUTSIDE. NULL without a radius. */
    uint8_t *point_verdicts;
} compiled_filter;

enum { POINT_INSIDE = 1, POINT_OUTSIDE = 2 };

/* Compiles req against a generation's columns; now is the reference time (seconds). */
int filter_compile(const search_request *req, const columns *c, const referentiel *ref,
                   int64_t now, compiled_filter *f, ps_error *err);
void filter_free(compiled_filter *f);

/* Whether document docid passes the filters that apply to every facet (radius, date);
 * documents that fail them count nowhere. The facet filters are bit sets (valuesets.h). The
 * radius is decided once per point, and the verdict kept in f. */
bool filter_document_ok(const compiled_filter *f, const columns *c, uint32_t docid);
/* Whether a document of that date passes the date filter (true when there is none). */
bool filter_date_ok(const compiled_filter *f, int64_t date);
/* Whether a point (degrees, and on the unit sphere) is within the radius, commune_only aside. */
bool filter_point_ok(const compiled_filter *f, float lat, float lon, float x, float y, float z);

/* Counts, per facet dimension, by value id: dictionary ids (0: none); for type, famille,
 * contrat and experience their codes.h/schema.h index (0: none for the last two); for
 * booleans the value plus one (0: unknown, 1: false, 2: true). */
typedef struct facet_counts {
    uint32_t *counts[DIM_FACET_COUNT];
    uint32_t sizes[DIM_FACET_COUNT];
    uint64_t accepted;
} facet_counts;

int facet_counts_init(facet_counts *fc, const columns *c, ps_error *err);
void facet_counts_free(facet_counts *fc);
/* Copies the counts of the dimensions in wanted, and the accepted total, from src. */
void facet_counts_copy(facet_counts *dst, const facet_counts *src, unsigned wanted);
/* Records a document with the given failures: accepted ones count everywhere, those failing
 * exactly one facet's filter count in that facet only. Returns true when accepted. */
bool facet_counts_add(facet_counts *fc, const doc_row *row, unsigned failures, unsigned wanted);

/* Great-circle distance in km (haversine, Earth radius 6,371 km). */
double distance_km(double lat1, double lon1, double lat2, double lon2);

/* The squared straight-line distance between two points of the unit sphere: it orders points
 * exactly as their great-circle distance does, with no trigonometry per document. */
static inline float chord2(float x1, float y1, float z1, float x2, float y2, float z2)
{
    float dx = x1 - x2, dy = y1 - y2, dz = z1 - z2;
    return dx * dx + dy * dy + dz * dz;
}

#endif
