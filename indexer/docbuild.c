#include "docbuild.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "strbuf.h"

int field_string(const json_t *obj, const char *key, const char **out, ps_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return ps_fail(err, "field %s is not a string", key);
    *out = json_string_value(v);
    return 0;
}

int field_string_required(const json_t *obj, const char *key, const char **out, ps_error *err)
{
    if (field_string(obj, key, out, err) != 0)
        return -1;
    if (!*out || !**out)
        return ps_fail(err, "missing required field %s", key);
    return 0;
}

int field_number(const json_t *obj, const char *key, double *out, bool *present, ps_error *err)
{
    json_t *v = json_object_get(obj, key);
    *present = false;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_number(v))
        return ps_fail(err, "field %s is not a number", key);
    *out = json_number_value(v);
    *present = true;
    return 0;
}

int field_bool(const json_t *obj, const char *key, int8_t *out, ps_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = -1;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_boolean(v))
        return ps_fail(err, "field %s is not a boolean", key);
    *out = json_is_true(v) ? 1 : 0;
    return 0;
}

static int field_of_type(const json_t *obj, const char *key, const json_t **out, bool array,
                         ps_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (array ? !json_is_array(v) : !json_is_object(v))
        return ps_fail(err, "field %s is not an %s", key, array ? "array" : "object");
    *out = v;
    return 0;
}

int field_object(const json_t *obj, const char *key, const json_t **out, ps_error *err)
{
    return field_of_type(obj, key, out, false, err);
}

int field_array(const json_t *obj, const char *key, const json_t **out, ps_error *err)
{
    return field_of_type(obj, key, out, true, err);
}

typedef struct pair_sink {
    xs_document *doc;
    ps_error *err;
} pair_sink;

static int add_pair(void *arg, const char *pair)
{
    pair_sink *sink = arg;
    char term[SCHEMA_MAX_TERM];
    xs_error xe;
    if (!schema_pair_term(pair, term, sizeof term))
        return 0; /* too long to be a term: no pair */
    if (xs_document_add_term(sink->doc, term, 1, &xe) != XS_OK)
        return ps_fail(sink->err, "indexing %s: %s", term, xe.message);
    return 0;
}

int index_field(map_context *ctx, const char *text, unsigned wdf, unsigned flags, ps_error *err)
{
    if (!text || !*text)
        return 0;
    size_t len = strlen(text);
    if (fr_index_text(ctx->analyzer, text, len, wdf, "", flags & ~(unsigned)INDEX_PAIRS, err) != 0)
        return -1;
    pair_sink sink = {ctx->doc, err};
    return (flags & INDEX_PAIRS) ? fr_each_pair(ctx->analyzer, text, len, add_pair, &sink, err)
                                 : 0;
}

int index_labels(map_context *ctx, const json_t *rec, const char *key, unsigned wdf,
                 unsigned flags, ps_error *err)
{
    const json_t *items;
    if (field_array(rec, key, &items, err) != 0)
        return -1;
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item) {
        const char *label = json_string_value(json_object_get(item, "libelle"));
        if (label && index_field(ctx, label, wdf, flags, err) != 0)
            return -1;
    }
    return 0;
}

static void copy_code(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

int resolve_place(map_context *ctx, const char *insee, bool has_geo, double lat, double lon,
                  const char *libelle, const char *code_postal, doc_facets *f, json_t *stored,
                  ps_error *err)
{
    if (has_geo && (!isfinite(lat) || !isfinite(lon) || fabs(lat) > 90 || fabs(lon) > 180))
        return ps_fail(err, "coordinates out of range (%g, %g)", lat, lon);
    const commune *c = NULL;
    if (insee && *insee && !(c = referentiel_commune(ctx->ref, insee)))
        return ps_fail(err, "unknown commune \"%.16s\"", insee);
    if (!c && !has_geo)
        return 0; /* no place at all: allowed (remote training, national offer) */
    if (c) {
        copy_code(f->commune, sizeof f->commune, c->insee);
        copy_code(f->departement, sizeof f->departement, c->departement);
        copy_code(f->region, sizeof f->region, c->region);
        if (!has_geo)
            lat = c->lat, lon = c->lon, has_geo = true;
    }
    f->has_geo = has_geo;
    f->lat = lat;
    f->lon = lon;
    json_t *lieu = json_object();
    if (!lieu)
        return ps_fail(err, "out of memory");
    json_object_set_new(stored, "lieu", lieu);
    if (c) {
        json_object_set_new(lieu, "commune", json_string(c->insee));
        json_object_set_new(lieu, "nom", json_string(c->nom));
        json_object_set_new(lieu, "departement", json_string(c->departement));
        json_object_set_new(lieu, "region", json_string(c->region));
    }
    if (libelle)
        json_object_set_new(lieu, "libelle", json_string(libelle));
    if (code_postal)
        json_object_set_new(lieu, "codePostal", json_string(code_postal));
    json_object_set_new(lieu, "lat", json_real(round(lat * 1e6) / 1e6));
    json_object_set_new(lieu, "lon", json_real(round(lon * 1e6) / 1e6));
    return 0;
}

static int add_term(xs_document *doc, const char *prefix, const char *value, ps_error *err)
{
    if (!value || !*value)
        return 0;
    char term[128];
    snprintf(term, sizeof term, "%s%s", prefix, value);
    xs_error xe;
    if (xs_document_add_boolean_term(doc, term, &xe) != XS_OK)
        return ps_fail(err, "term %s: %s", term, xe.message);
    return 0;
}

static int set_value(xs_document *doc, unsigned slot, const void *bytes, size_t len,
                     ps_error *err)
{
    xs_error xe;
    if (xs_document_set_value(doc, slot, bytes, len, &xe) != XS_OK)
        return ps_fail(err, "value slot %u: %s", slot, xe.message);
    return 0;
}

static int set_number(xs_document *doc, unsigned slot, double value, ps_error *err)
{
    char buf[18];
    return set_value(doc, slot, buf, xs_sortable_serialise(value, buf), err);
}

static const char *flag_value(int8_t v) { return v < 0 ? NULL : v ? "1" : "0"; }

static int add_filter_terms(xs_document *doc, const char *id_term, const doc_facets *f,
                            ps_error *err)
{
    int rc = add_term(doc, "", id_term, err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_TYPE, doc_type_name(f->type), err);
    for (int fam = 0; rc == 0 && fam < FAMILLE_COUNT; fam++)
        if (f->familles & (1u << fam))
            rc = add_term(doc, PREFIX_FAMILLE, famille_code((famille)fam), err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_ROME, f->rome, err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_CONTRAT, contrat_code(f->contrat), err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_EXPERIENCE, experience_code(f->experience), err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_TEMPS_PLEIN, flag_value(f->temps_plein), err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_ALTERNANCE, flag_value(f->alternance), err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_COMMUNE, f->commune, err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_DEPARTEMENT, f->departement, err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_REGION, f->region, err);
    return rc;
}


/* Appends a NUL and the text of a string, up to any NUL it holds (nothing after the NUL when
 * it is not a string): the parts stay apart. */
static int append_part(strbuf *data, const json_t *text)
{
    return strbuf_putc(data, '\0') != 0 ||
           (json_is_string(text) && strbuf_puts(data, json_string_value(text)) != 0);
}

/* The document's data as schema.h lays it out: the record without its description, a NUL,
 * the description, a NUL, the title. */
static int store_record(xs_document *doc, json_t *stored, ps_error *err)
{
    json_t *description = json_incref(json_object_get(stored, "description"));
    json_object_del(stored, "description");
    char *json = json_dumps(stored, JSON_COMPACT | JSON_REAL_PRECISION(10));
    strbuf data = STRBUF_INIT;
    int rc = !json || strbuf_puts(&data, json) != 0 || append_part(&data, description) != 0 ||
             append_part(&data, json_object_get(stored, "title")) != 0;
    free(json);
    json_decref(description);
    if (rc != 0) {
        strbuf_free(&data);
        return ps_fail(err, "out of memory");
    }
    xs_error xe;
    xs_status st = xs_document_set_data(doc, data.data, data.len, &xe);
    strbuf_free(&data);
    return st == XS_OK ? 0 : ps_fail(err, "document data: %s", xe.message);
}

int finish_document(xs_document *doc, const char *id_term, const doc_facets *f, json_t *stored,
                    ps_error *err)
{
    unsigned char packed[DOC_FACETS_SIZE];
    int rc = add_filter_terms(doc, id_term, f, err);
    if (rc == 0)
        rc = set_value(doc, SLOT_FACETS, packed, doc_facets_encode(f, packed), err);
    if (rc == 0 && f->date)
        rc = set_number(doc, SLOT_DATE, (double)f->date, err);
    if (rc == 0 && f->has_geo)
        rc = set_number(doc, SLOT_LAT, f->lat, err);
    if (rc == 0 && f->has_geo)
        rc = set_number(doc, SLOT_LON, f->lon, err);
    if (rc != 0)
        return -1;
    json_t *familles = json_array();
    for (int fam = 0; familles && fam < FAMILLE_COUNT; fam++)
        if (f->familles & (1u << fam))
            json_array_append_new(familles, json_string(famille_code((famille)fam)));
    json_object_set_new(stored, "famille", familles);
    if (f->rome[0])
        json_object_set_new(stored, "codeROME", json_string(f->rome));
    return store_record(doc, stored, err);
}
