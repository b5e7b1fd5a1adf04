#include "filter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "schema.h"

static const char *const dim_names[DIM_FACET_COUNT] = {
    "type", "famille", "codeROME", "typeContrat", "experienceExige",
    "departement", "region", "tempsPlein", "alternance"};

const char *facet_dim_name(facet_dim d) { return d < DIM_FACET_COUNT ? dim_names[d] : ""; }

double distance_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

/* A by-id table of the allowed codes of a list: unknown codes allow nothing. */
static int allowed_ids(const code_list *list, const code_dict *d, uint8_t **out, ps_error *err)
{
    *out = calloc(d->count ? d->count : 1, 1);
    if (!*out)
        return ps_fail(err, "out of memory");
    for (unsigned i = 0; i < list->count; i++) {
        uint32_t id = code_dict_find(d, list->codes[i]);
        if (id)
            (*out)[id] = 1;
    }
    return 0;
}

/* distance=0: the centre commune itself, and its arrondissements when it has some. */
static int allowed_communes(const search_request *req, const columns *c, const referentiel *ref,
                            compiled_filter *f, ps_error *err)
{
    f->commune_ok = calloc(c->commune.count ? c->commune.count : 1, 1);
    if (!f->commune_ok)
        return ps_fail(err, "out of memory");
    uint32_t id = code_dict_find(&c->commune, req->centre_commune);
    if (id)
        f->commune_ok[id] = 1;
    for (uint32_t i = 1; i < c->commune.count; i++) {
        const commune *com = referentiel_commune(ref, c->commune.codes[i]);
        if (com && strcmp(com->parent, req->centre_commune) == 0)
            f->commune_ok[i] = 1;
    }
    f->commune_only = true;
    return 0;
}

static void compile_centre(const search_request *req, compiled_filter *f)
{
    double rad = M_PI / 180.0;
    f->lat = req->lat, f->lon = req->lon;
    f->cx = (float)(cos(req->lat * rad) * cos(req->lon * rad));
    f->cy = (float)(cos(req->lat * rad) * sin(req->lon * rad));
    f->cz = (float)sin(req->lat * rad);
}

static void compile_geo(const search_request *req, compiled_filter *f)
{
    f->radius_km = req->distance_km;
    /* a great-circle distance d is a chord of 2 sin(d / 2R) */
    double chord = 2 * sin(req->distance_km / (2 * 6371.0));
    f->max_chord2 = (float)(chord * chord);
    /* 1 degree of latitude is 111.2 km; longitude degrees shrink with cos(latitude). A small
     * margin keeps the box a superset of the circle despite float rounding. */
    double dlat = req->distance_km / 111.19 + 1e-3;
    double c = cos((fabs(req->lat) + dlat) * M_PI / 180.0);
    double dlon = c > 1e-6 ? req->distance_km / (111.19 * c) + 1e-3 : 360;
    f->lat_min = (float)(req->lat - dlat), f->lat_max = (float)(req->lat + dlat);
    f->lon_min = (float)(req->lon - dlon), f->lon_max = (float)(req->lon + dlon);
}

int filter_compile(const search_request *req, const columns *c, const referentiel *ref,
                   int64_t now, compiled_filter *f, ps_error *err)
{
    memset(f, 0, sizeof *f);
    f->types = req->types, f->familles = req->familles;
    f->contrats = req->contrats, f->experiences = req->experiences;
    f->temps_plein = req->temps_plein, f->alternance = req->alternance;
    f->active = (req->types ? 1u << DIM_TYPE : 0) | (req->familles ? 1u << DIM_FAMILLE : 0) |
                (req->rome.count ? 1u << DIM_ROME : 0) |
                (req->contrats ? 1u << DIM_CONTRAT : 0) |
                (req->experiences ? 1u << DIM_EXPERIENCE : 0) |
                (req->departement.count ? 1u << DIM_DEPARTEMENT : 0) |
                (req->region.count ? 1u << DIM_REGION : 0) |
                (req->temps_plein >= 0 ? 1u << DIM_TEMPS_PLEIN : 0) |
                (req->alternance >= 0 ? 1u << DIM_ALTERNANCE : 0) |
                (req->has_centre ? 1u << DIM_GEO : 0) | (req->publiee_depuis ? 1u << DIM_DATE : 0);
    int rc = 0;
    if (req->rome.count)
        rc = allowed_ids(&req->rome, &c->rome, &f->rome_ok, err);
    if (rc == 0 && req->departement.count)
        rc = allowed_ids(&req->departement, &c->departement, &f->departement_ok, err);
    if (rc == 0 && req->region.count)
        rc = allowed_ids(&req->region, &c->region, &f->region_ok, err);
    if (rc == 0 && req->has_centre) {
        compile_centre(req, f);
        if (req->distance_km == 0 && req->centre_commune[0])
            rc = allowed_communes(req, c, ref, f, err);
        else if (!(f->point_verdicts = calloc(c->n_runs ? c->n_runs : 1, 1)))
            rc = ps_fail(err, "out of memory");
        else
            compile_geo(req, f);
    }
    f->date_min = now - (int64_t)req->publiee_depuis * 86400;
    if (rc != 0)
        filter_free(f);
    return rc;
}

void filter_free(compiled_filter *f)
{
    free(f->rome_ok);
    free(f->departement_ok);
    free(f->region_ok);
    free(f->commune_ok);
    free(f->point_verdicts);
    memset(f, 0, sizeof *f);
}

bool filter_point_ok(const compiled_filter *f, float lat, float lon, float x, float y, float z)
{
    if (isnan(lat) || lat < f->lat_min || lat > f->lat_max || lon < f->lon_min ||
        lon > f->lon_max)
        return false;
    float c2 = chord2(f->cx, f->cy, f->cz, x, y, z);
    /* float rounding is about a metre: near the circle, decide with the exact distance */
    if (fabsf(c2 - f->max_chord2) > f->max_chord2 * 1e-3f + 1e-9f)
        return c2 < f->max_chord2;
    return distance_km(f->lat, f->lon, lat, lon) <= f->radius_km;
}

static bool geo_ok(const compiled_filter *f, const columns *c, uint32_t docid)
{
    if (f->commune_only)
        return f->commune_ok[c->rows[docid].commune];
    uint32_t p = c->point_of[docid];
    if (p == COLUMNS_NO_POINT)
        return false;
    uint8_t *verdict = &f->point_verdicts[p];
    if (!*verdict) {
        const point_run *r = &c->runs[p];
        *verdict = filter_point_ok(f, r->lat, r->lon, r->x, r->y, r->z) ? POINT_INSIDE
                                                                         : POINT_OUTSIDE;
    }
    return *verdict == POINT_INSIDE;
}

bool filter_date_ok(const compiled_filter *f, int64_t date)
{
    return !(f->active & 1u << DIM_DATE) || (date != 0 && date >= f->date_min);
}

bool filter_document_ok(const compiled_filter *f, const columns *c, uint32_t docid)
{
    if ((f->active & 1u << DIM_DATE) && !filter_date_ok(f, c->dates[docid]))
        return false; /* the date is read only when filtered: a cache line saved */
    return !(f->active & 1u << DIM_GEO) || geo_ok(f, c, docid);
}

int facet_counts_init(facet_counts *fc, const columns *c, ps_error *err)
{
    memset(fc, 0, sizeof *fc);
    const uint32_t sizes[DIM_FACET_COUNT] = {
        DOC_TYPE_COUNT, FAMILLE_COUNT, c->rome.count + 1, CONTRAT_COUNT, EXPERIENCE_COUNT,
        c->departement.count + 1, c->region.count + 1, 3, 3};
    for (int d = 0; d < DIM_FACET_COUNT; d++) {
        fc->sizes[d] = sizes[d];
        if (!(fc->counts[d] = calloc(sizes[d], sizeof *fc->counts[d]))) {
            facet_counts_free(fc);
            return ps_fail(err, "out of memory");
        }
    }
    return 0;
}

void facet_counts_copy(facet_counts *dst, const facet_counts *src, unsigned wanted)
{
    dst->accepted = src->accepted;
    for (int d = 0; d < DIM_FACET_COUNT; d++)
        if (wanted & 1u << d)
            memcpy(dst->counts[d], src->counts[d], src->sizes[d] * sizeof *src->counts[d]);
}

void facet_counts_free(facet_counts *fc)
{
    for (int d = 0; d < DIM_FACET_COUNT; d++)
        free(fc->counts[d]);
    memset(fc, 0, sizeof *fc);
}

/* Counts a row under the dimensions in dims. Index 0 of a dimension stands for "none" and is
 * counted too (branches cost more than a wasted increment); booleans are stored plus one. */
static void count_row(facet_counts *fc, const doc_row *r, unsigned dims)
{
    uint32_t *const *c = fc->counts;
    if (dims & 1u << DIM_TYPE)
        c[DIM_TYPE][r->type]++;
    if (dims & 1u << DIM_FAMILLE)
        for (unsigned bits = r->familles; bits; bits &= bits - 1)
            c[DIM_FAMILLE][__builtin_ctz(bits)]++;
    if (dims & 1u << DIM_ROME)
        c[DIM_ROME][r->rome]++;
    if (dims & 1u << DIM_CONTRAT)
        c[DIM_CONTRAT][r->contrat]++;
    if (dims & 1u << DIM_EXPERIENCE)
        c[DIM_EXPERIENCE][r->experience]++;
    if (dims & 1u << DIM_DEPARTEMENT)
        c[DIM_DEPARTEMENT][r->departement]++;
    if (dims & 1u << DIM_REGION)
        c[DIM_REGION][r->region]++;
    if (dims & 1u << DIM_TEMPS_PLEIN)
        c[DIM_TEMPS_PLEIN][r->temps_plein + 1]++;
    if (dims & 1u << DIM_ALTERNANCE)
        c[DIM_ALTERNANCE][r->alternance + 1]++;
}

bool facet_counts_add(facet_counts *fc, const doc_row *r, unsigned failures, unsigned wanted)
{
    if (failures == 0) {
        fc->accepted++;
        if (wanted)
            count_row(fc, r, wanted);
        return true;
    }
    /* exactly one failed filter, and it is a wanted facet's own */
    if ((failures & (failures - 1)) == 0 && (failures & wanted))
        count_row(fc, r, failures);
    return false;
}
