#include "columns.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

static uint32_t hash_code(const char *code)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *code; code++)
        h = (h ^ (unsigned char)*code) * 16777619u;
    return h;
}

uint32_t code_dict_find(const code_dict *d, const char *code)
{
    if (!code || !*code || !d->slot_count)
        return 0;
    uint32_t mask = d->slot_count - 1;
    for (uint32_t j = hash_code(code) & mask; d->slots[j]; j = (j + 1) & mask)
        if (strcmp(d->codes[d->slots[j]], code) == 0)
            return d->slots[j];
    return 0;
}

const char *code_dict_code(const code_dict *d, uint32_t id)
{
    return id && id < d->count ? d->codes[id] : "";
}

static void code_dict_index(code_dict *d, uint32_t id)
{
    uint32_t mask = d->slot_count - 1, j = hash_code(d->codes[id]) & mask;
    while (d->slots[j])
        j = (j + 1) & mask;
    d->slots[j] = id;
}

/* Keeps the hash index at most half full. */
static int code_dict_grow(code_dict *d)
{
    uint32_t cap = d->cap ? d->cap * 2 : 64;
    char(*codes)[6] = realloc(d->codes, cap * sizeof *codes);
    if (!codes)
        return -1;
    d->codes = codes;
    d->cap = cap;
    uint32_t *slots = calloc(cap * 2, sizeof *slots);
    if (!slots)
        return -1;
    free(d->slots);
    d->slots = slots;
    d->slot_count = cap * 2;
    for (uint32_t id = 1; id < d->count; id++)
        code_dict_index(d, id);
    return 0;
}

/* Finds or adds code; returns its id, or UINT32_MAX when memory runs out or ids run past max. */
static uint32_t code_dict_intern(code_dict *d, const char *code, uint32_t max)
{
    if (!*code)
        return 0;
    uint32_t id = code_dict_find(d, code);
    if (id)
        return id;
    if (d->count == 0)
        d->count = 1; /* id 0 is "none" */
    if (d->count > max || (d->count >= d->cap && code_dict_grow(d) != 0))
        return UINT32_MAX;
    memset(d->codes[0], 0, sizeof d->codes[0]);
    snprintf(d->codes[d->count], sizeof d->codes[0], "%s", code);
    code_dict_index(d, d->count);
    return d->count++;
}

typedef struct load_state {
    columns *c;
    float (*coords)[2]; /* by docid: latitude and longitude, NAN when none (for the grid) */
    ps_error *err;
    int status;
} load_state;

static int load_row(void *arg, uint32_t docid, const char *bytes, size_t len)
{
    load_state *st = arg;
    columns *c = st->c;
    doc_facets f;
    if (docid >= c->count || !doc_facets_decode(bytes, len, &f)) {
        st->status = ps_fail(st->err, "document %u has no valid facet record (schema mismatch?)",
                             docid);
        return 1;
    }
    /* Codes are interned in a dictionary each; a commune id must fit 16 bits. */
    uint32_t rome = code_dict_intern(&c->rome, f.rome, UINT16_MAX),
             commune = code_dict_intern(&c->commune, f.commune, UINT16_MAX),
             dep = code_dict_intern(&c->departement, f.departement, UINT16_MAX),
             region = code_dict_intern(&c->region, f.region, UINT8_MAX);
    if (rome == UINT32_MAX || commune == UINT32_MAX || dep == UINT32_MAX || region == UINT32_MAX) {
        st->status = ps_fail(st->err, "too many distinct codes, or out of memory");
        return 1;
    }
    c->dates[docid] = f.date;
    st->coords[docid][0] = f.has_geo ? (float)f.lat : NAN;
    st->coords[docid][1] = f.has_geo ? (float)f.lon : NAN;
    c->rows[docid] = (doc_row){.rome = (uint16_t)rome,
                               .commune = (uint16_t)commune,
                               .departement = (uint16_t)dep,
                               .region = (uint8_t)region,
                               .type = f.type,
                               .familles = f.familles,
                               .contrat = f.contrat,
                               .experience = f.experience,
                               .temps_plein = f.temps_plein,
                               .alternance = f.alternance,
                               .present = 1};
    c->documents++;
    return 0;
}

int32_t columns_grid_index(double degrees) { return (int32_t)floor(degrees / GRID_CELL); }

static uint64_t cell_key(int32_t y, int32_t x)
{
    return (uint64_t)(uint32_t)(y + (1 << 30)) << 32 | (uint32_t)(x + (1 << 30));
}

typedef struct cell_docid {
    uint64_t key;
    float lat, lon;
    uint32_t docid;
} cell_docid;

/* By cell, then point, then docid. */
static int by_cell_point_docid(const void *a, const void *b)
{
    const cell_docid *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->lat != y->lat)
        return x->lat < y->lat ? -1 : 1;
    if (x->lon != y->lon)
        return x->lon < y->lon ? -1 : 1;
    return (x->docid > y->docid) - (x->docid < y->docid);
}

static point_run run_at(uint32_t start, float lat, float lon)
{
    double rad = M_PI / 180.0;
    return (point_run){start, lat, lon, (float)(cos(lat * rad) * cos(lon * rad)),
                       (float)(cos(lat * rad) * sin(lon * rad)), (float)sin(lat * rad)};
}

static int build_grid(columns *c, const float (*coords)[2])
{
    uint32_t n = 0, n_runs = 0, room = c->count ? c->count : 1;
    cell_docid *pairs = malloc(room * sizeof *pairs);
    c->by_cell = malloc(room * sizeof *c->by_cell);
    c->cell_keys = malloc(room * sizeof *c->cell_keys);
    c->cell_start = malloc((c->count + 1) * sizeof *c->cell_start);
    c->cell_runs = malloc((c->count + 1) * sizeof *c->cell_runs);
    c->runs = malloc((c->count + 1) * sizeof *c->runs);
    c->point_of = malloc(room * sizeof *c->point_of);
    if (!pairs || !c->by_cell || !c->cell_keys || !c->cell_start || !c->cell_runs || !c->runs ||
        !c->point_of) {
        free(pairs);
        return -1;
    }
    for (uint32_t d = 0; d < c->count; d++)
        c->point_of[d] = COLUMNS_NO_POINT;
    for (uint32_t d = 1; d < c->count; d++) {
        float lat = coords[d][0], lon = coords[d][1];
        if (c->rows[d].present && !isnan(lat))
            pairs[n++] = (cell_docid){
                cell_key(columns_grid_index(lat), columns_grid_index(lon)), lat, lon, d};
    }
    qsort(pairs, n, sizeof *pairs, by_cell_point_docid);
    for (uint32_t i = 0; i < n; i++) {
        bool new_cell = i == 0 || pairs[i].key != pairs[i - 1].key;
        if (new_cell) {
            c->cell_keys[c->n_cells] = pairs[i].key;
            c->cell_runs[c->n_cells] = n_runs;
            c->cell_start[c->n_cells++] = i;
        }
        if (new_cell || pairs[i].lat != pairs[i - 1].lat || pairs[i].lon != pairs[i - 1].lon)
            c->runs[n_runs++] = run_at(i, pairs[i].lat, pairs[i].lon);
        c->by_cell[i] = pairs[i].docid;
        c->point_of[pairs[i].docid] = n_runs - 1;
    }
    c->cell_start[c->n_cells] = n;
    c->cell_runs[c->n_cells] = n_runs;
    c->n_runs = n_runs;
    c->runs[n_runs] = (point_run){n, NAN, NAN, 0, 0, 0}; /* where the last run ends */
    free(pairs);
    return 0;
}

/* The index of cell (y, x) in cell_keys, or n_cells when it holds no document. */
static uint32_t find_cell(const columns *c, int32_t y, int32_t x)
{
    uint64_t key = cell_key(y, x);
    uint32_t lo = 0, hi = c->n_cells;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->cell_keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->n_cells && c->cell_keys[lo] == key ? lo : c->n_cells;
}

uint32_t columns_cell(const columns *c, int32_t y, int32_t x, const uint32_t **first)
{
    uint32_t k = find_cell(c, y, x);
    if (k == c->n_cells)
        return 0;
    *first = c->by_cell + c->cell_start[k];
    return c->cell_start[k + 1] - c->cell_start[k];
}

uint32_t columns_cell_runs(const columns *c, int32_t y, int32_t x, const point_run **first)
{
    uint32_t k = find_cell(c, y, x);
    if (k == c->n_cells)
        return 0;
    *first = c->runs + c->cell_runs[k];
    return c->cell_runs[k + 1] - c->cell_runs[k];
}

typedef struct date_docid {
    int64_t date;
    uint32_t docid;
} date_docid;

static int newest_first(const void *a, const void *b)
{
    const date_docid *x = a, *y = b;
    if (x->date != y->date)
        return x->date > y->date ? -1 : 1;
    return (x->docid > y->docid) - (x->docid < y->docid);
}

static int build_date_index(columns *c)
{
    date_docid *pairs = malloc((c->count ? c->count : 1) * sizeof *pairs);
    c->by_date = malloc((c->count ? c->count : 1) * sizeof *c->by_date);
    if (!pairs || !c->by_date) {
        free(pairs);
        return -1;
    }
    for (uint32_t d = 1; d < c->count; d++)
        if (c->rows[d].present)
            pairs[c->n_by_date++] = (date_docid){c->dates[d], d};
    qsort(pairs, c->n_by_date, sizeof *pairs, newest_first);
    for (uint32_t i = 0; i < c->n_by_date; i++)
        c->by_date[i] = pairs[i].docid;
    free(pairs);
    return 0;
}

/* Where the run of equal dates that ends at index end of by_date begins. */
static uint32_t run_start(const columns *c, uint32_t end)
{
    uint32_t lo = end - 1;
    while (lo > 0 && c->dates[c->by_date[lo - 1]] == c->dates[c->by_date[end - 1]])
        lo--;
    return lo;
}

void date_walk_start(date_walk *w, const columns *c, int64_t now)
{
    uint32_t lo = 0, hi = c->n_by_date; /* by_date is newest first: find the first date <= now */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->dates[c->by_date[mid]] > now)
            lo = mid + 1;
        else
            hi = mid;
    }
    *w = (date_walk){c, now, lo, 0, 0, lo};
    if (lo > 0)
        w->future_lo = w->future_at = run_start(c, lo);
}

bool date_walk_next(date_walk *w, uint32_t *docid)
{
    const columns *c = w->c;
    if (w->future_at == w->future_hi && w->future_lo > 0) { /* the next-soonest run */
        w->future_hi = w->future_lo;
        w->future_lo = w->future_at = run_start(c, w->future_hi);
    }
    bool has_future = w->future_at < w->future_hi, has_past = w->past < c->n_by_date;
    if (!has_future && !has_past)
        return false;
    uint32_t f = has_future ? c->by_date[w->future_at] : 0;
    uint32_t p = has_past ? c->by_date[w->past] : 0;
    bool take_future = has_future;
    if (has_future && has_past) {
        int64_t kf = columns_date_distance(c, f, w->now), kp = columns_date_distance(c, p, w->now);
        take_future = kf < kp || (kf == kp && f < p);
    }
    if (take_future) {
        *docid = f;
        w->future_at++;
    } else {
        *docid = p;
        w->past++;
    }
    return true;
}

int columns_load(xs_database *db, columns **out, ps_error *err)
{
    columns *c = calloc(1, sizeof *c);
    if (!c)
        return ps_fail(err, "out of memory");
    c->count = xs_database_last_docid(db) + 1;
    c->rows = calloc(c->count, sizeof *c->rows);
    c->dates = calloc(c->count, sizeof *c->dates);
    load_state st = {c, calloc(c->count, sizeof *st.coords), err, 0};
    if (!c->rows || !c->dates || !st.coords) {
        uint32_t count = c->count;
        free(st.coords);
        columns_free(c);
        return ps_fail(err, "out of memory for %u rows", count);
    }
    for (uint32_t d = 0; d < c->count; d++)
        st.coords[d][0] = st.coords[d][1] = NAN;
    xs_error xe;
    if (xs_database_each_value(db, SLOT_FACETS, load_row, &st, &xe) != XS_OK)
        st.status = ps_fail(err, "reading facets: %s", xe.message);
    if (st.status == 0 && (build_grid(c, (const float(*)[2])st.coords) != 0 ||
                           build_date_index(c) != 0))
        st.status = ps_fail(err, "out of memory");
    free(st.coords);
    if (st.status != 0) {
        columns_free(c);
        return -1;
    }
    *out = c;
    return 0;
}

static void code_dict_free(code_dict *d)
{
    free(d->codes);
    free(d->slots);
}

void columns_free(columns *c)
{
    if (!c)
        return;
    free(c->rows);
    free(c->cell_keys);
    free(c->cell_start);
    free(c->cell_runs);
    free(c->runs);
    free(c->by_cell);
    free(c->by_date);
    free(c->point_of);
    free(c->dates);
    code_dict_free(&c->rome);
    code_dict_free(&c->commune);
    code_dict_free(&c->departement);
    code_dict_free(&c->region);
    free(c);
}
