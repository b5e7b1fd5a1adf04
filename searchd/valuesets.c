#include "valuesets.h"

#include <stdlib.h>
#include <string.h>

#include "popcnt.h"

/* The value id of row in dimension d, as facet_counts counts it (booleans plus one). Famille
 * is a set of bits and is handled apart. */
static uint32_t value_of(const doc_row *r, facet_dim d)
{
    switch (d) {
    case DIM_TYPE: return r->type;
    case DIM_ROME: return r->rome;
    case DIM_CONTRAT: return r->contrat;
    case DIM_EXPERIENCE: return r->experience;
    case DIM_DEPARTEMENT: return r->departement;
    case DIM_REGION: return r->region;
    case DIM_TEMPS_PLEIN: return (uint32_t)(r->temps_plein + 1);
    case DIM_ALTERNANCE: return (uint32_t)(r->alternance + 1);
    default: return 0;
    }
}

static void set_bit(uint64_t *set, uint32_t docid) { set[docid >> 6] |= 1ULL << (docid & 63); }

int value_sets_build(const columns *c, value_sets **out, ps_error *err)
{
    facet_counts sizes; /* the value ids of each dimension, as the counts have them */
    if (facet_counts_init(&sizes, c, err) != 0)
        return -1;
    value_sets *v = calloc(1, sizeof *v);
    int rc = v ? 0 : -1;
    if (rc == 0) {
        v->words = (c->count + 63) / 64;
        rc = (v->present = calloc(v->words ? v->words : 1, sizeof *v->present)) ? 0 : -1;
    }
    for (int d = 0; rc == 0 && d < DIM_FACET_COUNT; d++) {
        v->sizes[d] = sizes.sizes[d];
        v->values[d] = calloc((size_t)v->sizes[d] * v->words + 1, sizeof *v->values[d]);
        rc = v->values[d] ? 0 : -1;
    }
    facet_counts_free(&sizes);
    if (rc != 0) {
        value_sets_free(v);
        return ps_fail(err, "out of memory");
    }
    for (uint32_t docid = 1; docid < c->count; docid++) {
        const doc_row *r = &c->rows[docid];
        if (!r->present)
            continue;
        set_bit(v->present, docid);
        for (int d = 0; d < DIM_FACET_COUNT; d++) {
            if (d == DIM_FAMILLE) {
                for (unsigned bits = r->familles; bits; bits &= bits - 1)
                    set_bit(v->values[d] + (size_t)__builtin_ctz(bits) * v->words, docid);
                continue;
            }
            uint32_t id = value_of(r, (facet_dim)d);
            if (id < v->sizes[d])
                set_bit(v->values[d] + (size_t)id * v->words, docid);
        }
    }
    *out = v;
    return 0;
}

void value_sets_free(value_sets *v)
{
    if (!v)
        return;
    free(v->present);
    for (int d = 0; d < DIM_FACET_COUNT; d++)
        free(v->values[d]);
    free(v);
}

enum { SCRATCH_SETS = 3 + DIM_FACET_COUNT }; /* base, accepted, work and one per dimension */

size_t set_scratch_words(const value_sets *v) { return (size_t)SCRATCH_SETS * v->words; }

/* Whether value id of dimension d passes f's filter on d. */
static bool value_allowed(const compiled_filter *f, const columns *c, facet_dim d, uint32_t id)
{
    switch (d) {
    case DIM_TYPE: return f->types >> id & 1;
    case DIM_FAMILLE: return f->familles >> id & 1;
    case DIM_ROME: return id < c->rome.count && f->rome_ok[id];
    case DIM_CONTRAT: return f->contrats >> id & 1;
    case DIM_EXPERIENCE: return f->experiences >> id & 1;
    case DIM_DEPARTEMENT: return id < c->departement.count && f->departement_ok[id];
    case DIM_REGION: return id < c->region.count && f->region_ok[id];
    case DIM_TEMPS_PLEIN: return (int)id == f->temps_plein + 1;
    case DIM_ALTERNANCE: return (int)id == f->alternance + 1;
    default: return false;
    }
}

/* Clears the candidates that fail the radius or the date. */
static void keep_common_ok(uint64_t *set, uint32_t words, const columns *c,
                           const compiled_filter *f)
{
    for (uint32_t w = 0; w < words; w++)
        for (uint64_t bits = set[w]; bits; bits &= bits - 1) {
            uint32_t docid = w * 64 + (uint32_t)__builtin_ctzll(bits);
            if (!filter_document_ok(f, c, docid))
                set[w] &= ~(1ULL << (docid & 63));
        }
}

/* Whether the whole cell (y, x) lies inside the radius: its four corners do, with 100 m to
 * spare for the bulge of its edges (parallels are not great circles; over 0.1 degree they
 * stray from one by metres). */
static bool cell_inside(const compiled_filter *f, int32_t y, int32_t x)
{
    double lat0 = y * GRID_CELL, lon0 = x * GRID_CELL, margin = 0.1;
    for (int corner = 0; corner < 4; corner++) {
        double lat = lat0 + (corner & 1) * GRID_CELL, lon = lon0 + (corner >> 1) * GRID_CELL;
        if (distance_km(f->lat, f->lon, lat, lon) > f->radius_km - margin)
            return false;
    }
    return true;
}

/* Into out: the documents of the grid cells around the radius that pass it and the date. The
 * radius is tested once per point (columns.h), not at all for a cell wholly inside it; the
 * date, when filtered, once per document. */
static void cells_common_ok(uint64_t *out, uint32_t words, const columns *c,
                            const compiled_filter *f)
{
    memset(out, 0, words * sizeof *out);
    int32_t y0 = columns_grid_index(f->lat_min), y1 = columns_grid_index(f->lat_max);
    int32_t x0 = columns_grid_index(f->lon_min), x1 = columns_grid_index(f->lon_max);
    bool dated = f->active & 1u << DIM_DATE;
    for (int32_t y = y0; y <= y1; y++)
        for (int32_t x = x0; x <= x1; x++) {
            const point_run *runs;
            uint32_t n = columns_cell_runs(c, y, x, &runs);
            bool inside = n && cell_inside(f, y, x);
            for (uint32_t r = 0; r < n; r++) {
                const point_run *p = &runs[r];
                if (!inside && !filter_point_ok(f, p->lat, p->lon, p->x, p->y, p->z))
                    continue;
                for (uint32_t i = p->start; i < runs[r + 1].start; i++) {
                    uint32_t docid = c->by_cell[i];
                    if (!dated || filter_date_ok(f, c->dates[docid]))
                        set_bit(out, docid);
                }
            }
        }
}

void set_filter_build(set_filter *sf, uint64_t *scratch, const value_sets *v, const columns *c,
                      const compiled_filter *f, const uint64_t *candidates, bool cells_first)
{
    uint32_t words = v->words;
    memset(sf, 0, sizeof *sf);
    sf->words = words;
    sf->base = scratch;
    sf->accepted = scratch + words;
    sf->work = scratch + 2 * (size_t)words;
    const uint64_t *from = candidates ? candidates : v->present;
    bool common = f->active & (1u << DIM_GEO | 1u << DIM_DATE);
    if (common && cells_first) {
        cells_common_ok(sf->base, words, c, f);
        for (uint32_t w = 0; w < words; w++)
            sf->base[w] &= from[w] & v->present[w];
    } else {
        for (uint32_t w = 0; w < words; w++)
            sf->base[w] = from[w] & v->present[w];
        if (common)
            keep_common_ok(sf->base, words, c, f);
    }
    memcpy(sf->accepted, sf->base, words * sizeof *sf->accepted);
    for (int d = 0; d < DIM_FACET_COUNT; d++) {
        if (!(f->active & 1u << d))
            continue;
        uint64_t *allowed = sf->dims[d] = scratch + (size_t)(3 + d) * words;
        memset(allowed, 0, words * sizeof *allowed);
        for (uint32_t id = 0; id < v->sizes[d]; id++) {
            if (!value_allowed(f, c, (facet_dim)d, id))
                continue;
            const uint64_t *set = v->values[d] + (size_t)id * words;
            for (uint32_t w = 0; w < words; w++)
                allowed[w] |= set[w];
        }
        for (uint32_t w = 0; w < words; w++)
            sf->accepted[w] &= allowed[w];
    }
    sf->accepted_count = popcount_words(sf->accepted, words);
}

/* Counts dimension d over the documents of cand (n of them): popcounts of each value's set,
 * or, when there are few candidates for many values, a look at each candidate's row. */
static void count_dimension(const uint64_t *cand, uint32_t n, const value_sets *v,
                            const columns *c, facet_dim d, uint32_t *counts)
{
    uint32_t words = v->words, words_per_row = popcount_is_wide() ? 64 : 16;
    if ((uint64_t)n * words_per_row < (uint64_t)v->sizes[d] * words) {
        for (uint32_t w = 0; w < words; w++)
            for (uint64_t bits = cand[w]; bits; bits &= bits - 1) {
                const doc_row *r = &c->rows[w * 64 + (uint32_t)__builtin_ctzll(bits)];
                if (d == DIM_FAMILLE) {
                    for (unsigned f = r->familles; f; f &= f - 1)
                        counts[__builtin_ctz(f)]++;
                } else {
                    uint32_t id = value_of(r, d);
                    if (id < v->sizes[d])
                        counts[id]++;
                }
            }
        return;
    }
    for (uint32_t id = 0; id < v->sizes[d]; id++)
        counts[id] = popcount_and(cand, v->values[d] + (size_t)id * words, words);
}

void set_filter_count(set_filter *sf, const value_sets *v, const columns *c, facet_counts *fc,
                      unsigned wanted)
{
    uint32_t words = sf->words;
    fc->accepted = sf->accepted_count;
    for (int d = 0; d < DIM_FACET_COUNT; d++) {
        if (!(wanted & 1u << d))
            continue;
        const uint64_t *cand = sf->accepted;
        uint32_t n = sf->accepted_count;
        if (sf->dims[d]) { /* disjunctive: every filter but this dimension's own */
            memcpy(sf->work, sf->base, words * sizeof *sf->work);
            for (int e = 0; e < DIM_FACET_COUNT; e++)
                if (e != d && sf->dims[e])
                    for (uint32_t w = 0; w < words; w++)
                        sf->work[w] &= sf->dims[e][w];
            cand = sf->work;
            n = popcount_words(sf->work, words);
        }
        count_dimension(cand, n, v, c, (facet_dim)d, fc->counts[d]);
    }
}

void set_filter_each(const set_filter *sf, void (*fn)(void *ctx, uint32_t docid), void *ctx)
{
    for (uint32_t w = 0; w < sf->words; w++)
        for (uint64_t bits = sf->accepted[w]; bits; bits &= bits - 1)
            fn(ctx, w * 64 + (uint32_t)__builtin_ctzll(bits));
}
