#include "referentiel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "fold.h"
#include "strbuf.h"

typedef struct code_name {
    const char *code, *nom, *region; /* region: départements only */
} code_name;

/* A loaded TSV file: its bytes (fields point into them) and its rows. */
typedef struct table {
    char *bytes;
    char **fields; /* every row's fields, ncols per row, pointing into bytes */
    char ***rows;  /* rows[i][j]: field j of row i */
    size_t count;
} table;

struct referentiel {
    table files[4];
    commune *communes; /* sorted by insee */
    size_t n_communes;
    code_name *departements, *regions;
    size_t n_departements, n_regions;
    metier *metiers; /* metiers.tsv order */
    size_t n_metiers;
};

static int read_file(const char *path, char **out, ps_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ps_fail(err, "cannot open %s: %s", path, strerror(errno));
    strbuf b = STRBUF_INIT;
    char chunk[65536];
    size_t n;
    int rc = 0;
    while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (strbuf_append(&b, chunk, n) != 0)
            rc = ps_fail(err, "out of memory reading %s", path);
    if (rc == 0 && ferror(f))
        rc = ps_fail(err, "cannot read %s", path);
    fclose(f);
    if (rc == 0 && strbuf_reserve(&b, 0) != 0)
        rc = ps_fail(err, "out of memory reading %s", path);
    if (rc == 0 && !utf8_valid(b.data, b.len))
        rc = ps_fail(err, "%s is not valid UTF-8", path);
    if (rc != 0) {
        strbuf_free(&b);
        return -1;
    }
    *out = b.data; /* ownership moves to the caller */
    return 0;
}

/* Splits s at each sep in place; returns the number of pieces (at most max). */
static size_t split(char *s, char sep, char **pieces, size_t max)
{
    size_t n = 0;
    while (n < max) {
        pieces[n++] = s;
        char *next = strchr(s, sep);
        if (!next)
            break;
        *next = '\0';
        s = next + 1;
    }
    return n;
}

/* Loads dir/name: '#' lines are comments, a first line whose first field is header_key is the
 * header, and every row must have exactly ncols tab-separated fields. */
static int load_table(const char *dir, const char *name, const char *header_key, size_t ncols,
                      table *t, ps_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (read_file(path, &t->bytes, err) != 0)
        return -1;
    size_t lines = 1;
    for (const char *p = t->bytes; *p; p++)
        lines += *p == '\n';
    t->rows = calloc(lines, sizeof *t->rows);
    t->fields = calloc(lines * ncols, sizeof *t->fields);
    if (!t->rows || !t->fields)
        return ps_fail(err, "out of memory loading %s", path);
    size_t lineno = 0;
    for (char *line = t->bytes; line; ) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len && line[0] != '#') {
            char **row = t->fields + t->count * ncols;
            size_t n = split(line, '\t', row, ncols);
            if (n != ncols || strchr(row[ncols - 1], '\t'))
                return ps_fail(err, "%s:%zu: expected %zu tab-separated fields", path, lineno,
                               ncols);
            if (t->count > 0 || strcmp(row[0], header_key) != 0)
                t->rows[t->count++] = row;
        }
        line = next;
    }
    return 0;
}

static void free_table(table *t)
{
    free(t->fields);
    free(t->rows);
    free(t->bytes);
}

static int compare_communes(const void *a, const void *b)
{
    return strcmp(((const commune *)a)->insee, ((const commune *)b)->insee);
}

static int compare_code_names(const void *a, const void *b)
{
    return strcmp(((const code_name *)a)->code, ((const code_name *)b)->code);
}

static bool parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return *s && !*end && errno == 0;
}

enum { COMMUNE_COLS = 10, DEPARTEMENT_COLS = 3, REGION_COLS = 2, METIER_COLS = 4 };

static int build_communes(referentiel *r, const table *t, ps_error *err)
{
    r->communes = calloc(t->count ? t->count : 1, sizeof *r->communes);
    if (!r->communes)
        return ps_fail(err, "out of memory");
    for (size_t i = 0; i < t->count; i++) {
        char **f = t->rows[i];
        commune *c = &r->communes[i];
        *c = (commune){.insee = f[0], .nom = f[1], .codes_postaux = f[2], .departement = f[3],
                       .region = f[4], .population = (uint32_t)strtoul(f[5], NULL, 10),
                       .approximate = strcmp(f[8], "geonames") != 0, .parent = f[9]};
        if (!parse_double(f[6], &c->lat) || !parse_double(f[7], &c->lon) || c->lat < -90 ||
            c->lat > 90 || c->lon < -180 || c->lon > 180)
            return ps_fail(err, "communes.tsv: commune %s has invalid coordinates", c->insee);
    }
    r->n_communes = t->count;
    qsort(r->communes, r->n_communes, sizeof *r->communes, compare_communes);
    return 0;
}

static int build_code_names(code_name **out, size_t *n, const table *t, bool with_region,
                            ps_error *err)
{
    *out = calloc(t->count ? t->count : 1, sizeof **out);
    if (!*out)
        return ps_fail(err, "out of memory");
    for (size_t i = 0; i < t->count; i++)
        (*out)[i] = (code_name){t->rows[i][0], t->rows[i][1], with_region ? t->rows[i][2] : NULL};
    *n = t->count;
    qsort(*out, *n, sizeof **out, compare_code_names);
    return 0;
}

static int build_metiers(referentiel *r, const table *t, ps_error *err)
{
    r->metiers = calloc(t->count ? t->count : 1, sizeof *r->metiers);
    if (!r->metiers)
        return ps_fail(err, "out of memory");
    for (size_t i = 0; i < t->count; i++) {
        char **f = t->rows[i];
        metier *m = &r->metiers[i];
        *m = (metier){.slug = f[0], .rome = f[1], .libelle = f[2]};
        char *codes[FAMILLE_COUNT + 1];
        size_t n = split(f[3], ',', codes, FAMILLE_COUNT + 1);
        for (size_t k = 0; k < n; k++) {
            famille fam;
            if (!famille_parse(codes[k], &fam))
                return ps_fail(err, "metiers.tsv: %s: unknown famille \"%s\"", m->slug, codes[k]);
            if (k == 0)
                m->famille_principale = (uint8_t)fam;
            m->familles |= (uint8_t)(1u << fam);
        }
    }
    r->n_metiers = t->count;
    for (size_t i = 0; i < r->n_metiers; i++)
        for (size_t j = 0; j < r->n_metiers; j++)
            if (strcmp(r->metiers[i].rome, r->metiers[j].rome) == 0)
                r->metiers[i].rome_familles |= r->metiers[j].familles;
    return 0;
}

int referentiel_load(const char *dir, referentiel **out, ps_error *err)
{
    referentiel *r = calloc(1, sizeof *r);
    if (!r)
        return ps_fail(err, "out of memory");
    int rc = load_table(dir, "communes.tsv", "insee", COMMUNE_COLS, &r->files[0], err);
    if (rc == 0)
        rc = load_table(dir, "departements.tsv", "code", DEPARTEMENT_COLS, &r->files[1], err);
    if (rc == 0)
        rc = load_table(dir, "regions.tsv", "code", REGION_COLS, &r->files[2], err);
    if (rc == 0)
        rc = load_table(dir, "metiers.tsv", "slug", METIER_COLS, &r->files[3], err);
    if (rc == 0)
        rc = build_communes(r, &r->files[0], err);
    if (rc == 0)
        rc = build_code_names(&r->departements, &r->n_departements, &r->files[1], true, err);
    if (rc == 0)
        rc = build_code_names(&r->regions, &r->n_regions, &r->files[2], false, err);
    if (rc == 0)
        rc = build_metiers(r, &r->files[3], err);
    if (rc != 0) {
        referentiel_free(r);
        return -1;
    }
    *out = r;
    return 0;
}

void referentiel_free(referentiel *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < sizeof r->files / sizeof r->files[0]; i++)
        free_table(&r->files[i]);
    free(r->communes);
    free(r->departements);
    free(r->regions);
    free(r->metiers);
    free(r);
}

const commune *referentiel_commune(const referentiel *r, const char *insee)
{
    commune key = {.insee = insee};
    return bsearch(&key, r->communes, r->n_communes, sizeof key, compare_communes);
}

size_t referentiel_commune_count(const referentiel *r) { return r->n_communes; }

const commune *referentiel_commune_at(const referentiel *r, size_t i)
{
    return i < r->n_communes ? &r->communes[i] : NULL;
}

static const code_name *find_code(const code_name *v, size_t n, const char *code)
{
    code_name key = {.code = code};
    return bsearch(&key, v, n, sizeof key, compare_code_names);
}

const char *referentiel_departement_nom(const referentiel *r, const char *code)
{
    const code_name *d = find_code(r->departements, r->n_departements, code);
    return d ? d->nom : NULL;
}

const char *referentiel_departement_region(const referentiel *r, const char *code)
{
    const code_name *d = find_code(r->departements, r->n_departements, code);
    return d ? d->region : NULL;
}

const char *referentiel_region_nom(const referentiel *r, const char *code)
{
    const code_name *g = find_code(r->regions, r->n_regions, code);
    return g ? g->nom : NULL;
}

size_t referentiel_metier_count(const referentiel *r) { return r->n_metiers; }

const metier *referentiel_metier_at(const referentiel *r, size_t i)
{
    return i < r->n_metiers ? &r->metiers[i] : NULL;
}

const metier *referentiel_metier_by_rome(const referentiel *r, const char *rome)
{
    for (size_t i = 0; i < r->n_metiers; i++)
        if (strcmp(r->metiers[i].rome, rome) == 0)
            return &r->metiers[i];
    return NULL;
}

const metier *referentiel_metier_by_slug(const referentiel *r, const char *slug)
{
    for (size_t i = 0; i < r->n_metiers; i++)
        if (strcmp(r->metiers[i].slug, slug) == 0)
            return &r->metiers[i];
    return NULL;
}
