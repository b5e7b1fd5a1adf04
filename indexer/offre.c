#include "offre.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isodate.h"

/* The string member key of obj, NULL when absent or null; -1 when present with another type. */
static int optional_string(const json_t *obj, const char *key, const char **out, ps_error *err)
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

static int required_string(const json_t *obj, const char *key, const char **out, ps_error *err)
{
    if (optional_string(obj, key, out, err) != 0)
        return -1;
    if (!*out || !**out)
        return ps_fail(err, "missing required field %s", key);
    return 0;
}

static int optional_number(const json_t *obj, const char *key, double *out, bool *present,
                           ps_error *err)
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

static int set_number_value(xs_document *doc, unsigned slot, double value, ps_error *err)
{
    char buf[18];
    size_t n = xs_sortable_serialise(value, buf);
    xs_error xe;
    if (xs_document_set_value(doc, slot, buf, n, &xe) != XS_OK)
        return ps_fail(err, "value slot %u: %s", slot, xe.message);
    return 0;
}

/* The place of work: coordinates (when valid) as values, the display fields for storing. */
static int index_place(const json_t *rec, xs_document *doc, json_t *stored, ps_error *err)
{
    json_t *lieu = json_object_get(rec, "lieuTravail");
    if (!lieu || json_is_null(lieu))
        return 0;
    if (!json_is_object(lieu))
        return ps_fail(err, "field lieuTravail is not an object");
    const char *libelle, *commune, *cp;
    double lat = 0, lon = 0;
    bool has_lat, has_lon;
    if (optional_string(lieu, "libelle", &libelle, err) != 0 ||
        optional_string(lieu, "commune", &commune, err) != 0 ||
        optional_string(lieu, "codePostal", &cp, err) != 0 ||
        optional_number(lieu, "latitude", &lat, &has_lat, err) != 0 ||
        optional_number(lieu, "longitude", &lon, &has_lon, err) != 0)
        return -1;
    json_t *place = json_object();
    json_object_set_new(stored, "lieu", place);
    if (libelle)
        json_object_set_new(place, "libelle", json_string(libelle));
    if (commune)
        json_object_set_new(place, "commune", json_string(commune));
    if (cp)
        json_object_set_new(place, "codePostal", json_string(cp));
    if (has_lat && has_lon) {
        if (!isfinite(lat) || !isfinite(lon) || fabs(lat) > 90 || fabs(lon) > 180)
            return ps_fail(err, "coordinates out of range (%g, %g)", lat, lon);
        json_object_set_new(place, "lat", json_real(lat));
        json_object_set_new(place, "lon", json_real(lon));
        if (set_number_value(doc, SLOT_LAT, lat, err) != 0 ||
            set_number_value(doc, SLOT_LON, lon, err) != 0)
            return -1;
    }
    return 0;
}

static int index_field(fr_analyzer *a, const char *text, unsigned wdf, const char *prefix,
                       ps_error *err)
{
    if (!text || !*text)
        return 0;
    return fr_index_text(a, text, strlen(text), wdf, prefix, true, err);
}

static int index_text(const json_t *rec, fr_analyzer *a, xs_document *doc, const char *title,
                      const char *description, json_t *stored, ps_error *err)
{
    const char *rome_libelle, *appellation, *employer = NULL;
    json_t *entreprise = json_object_get(rec, "entreprise");
    if (optional_string(rec, "romeLibelle", &rome_libelle, err) != 0 ||
        optional_string(rec, "appellationlibelle", &appellation, err) != 0 ||
        (json_is_object(entreprise) && optional_string(entreprise, "nom", &employer, err) != 0))
        return -1;
    if (fr_begin_document(a, doc, err) != 0 ||
        index_field(a, title, WDF_TITLE, "", err) != 0 ||
        index_field(a, title, 1, PREFIX_TITLE, err) != 0 ||
        index_field(a, appellation, WDF_TITLE / 2, "", err) != 0 ||
        index_field(a, rome_libelle, WDF_TITLE / 2, "", err) != 0 ||
        index_field(a, employer, WDF_BODY, "", err) != 0 ||
        index_field(a, description, WDF_BODY, "", err) != 0)
        return -1;
    if (employer)
        json_object_set_new(stored, "entreprise", json_string(employer));
    if (rome_libelle)
        json_object_set_new(stored, "romeLibelle", json_string(rome_libelle));
    return 0;
}

static int store_data(xs_document *doc, json_t *stored, ps_error *err)
{
    char *json = json_dumps(stored, JSON_COMPACT | JSON_REAL_PRECISION(10));
    if (!json)
        return ps_fail(err, "out of memory");
    xs_error xe;
    xs_status st = xs_document_set_data(doc, json, strlen(json), &xe);
    free(json);
    if (st != XS_OK)
        return ps_fail(err, "document data: %s", xe.message);
    return 0;
}

static int add_term(xs_document *doc, const char *prefix, const char *value, ps_error *err)
{
    char term[256];
    snprintf(term, sizeof term, "%s%s", prefix, value);
    xs_error xe;
    if (xs_document_add_boolean_term(doc, term, &xe) != XS_OK)
        return ps_fail(err, "term %s: %s", term, xe.message);
    return 0;
}

int offre_to_document(const json_t *rec, fr_analyzer *a, xs_document *doc, char *id_term,
                      size_t id_term_cap, ps_error *err)
{
    const char *id, *title, *description, *created, *rome, *contract;
    if (required_string(rec, "id", &id, err) != 0 ||
        required_string(rec, "intitule", &title, err) != 0 ||
        optional_string(rec, "description", &description, err) != 0 ||
        optional_string(rec, "dateCreation", &created, err) != 0 ||
        optional_string(rec, "romeCode", &rome, err) != 0 ||
        optional_string(rec, "typeContrat", &contract, err) != 0)
        return -1;
    if (!schema_id_term(DOC_OFFRE, id, id_term, id_term_cap))
        return ps_fail(err, "invalid id \"%.80s\"", id);
    int64_t created_at = 0;
    if (created && !isodate_parse(created, &created_at))
        return ps_fail(err, "dateCreation \"%.40s\" is not an ISO 8601 date", created);

    json_t *stored = json_pack("{s:s, s:s, s:s}", "id", id, "type", doc_type_name(DOC_OFFRE),
                               "title", title);
    if (!stored)
        return ps_fail(err, "out of memory");
    int rc = 0;
    if (created) {
        char iso[21];
        isodate_format(created_at, iso);
        json_object_set_new(stored, "date", json_string(iso));
        rc = set_number_value(doc, SLOT_DATE, (double)created_at, err);
    }
    if (rome)
        json_object_set_new(stored, "codeROME", json_string(rome));
    if (contract)
        json_object_set_new(stored, "typeContrat", json_string(contract));
    if (description)
        json_object_set_new(stored, "description", json_string(description));
    if (rc == 0)
        rc = index_text(rec, a, doc, title, description, stored, err);
    if (rc == 0)
        rc = index_place(rec, doc, stored, err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_ID, id_term + strlen(PREFIX_ID), err);
    if (rc == 0)
        rc = add_term(doc, PREFIX_TYPE, doc_type_name(DOC_OFFRE), err);
    if (rc == 0)
        rc = store_data(doc, stored, err);
    json_decref(stored);
    return rc;
}
