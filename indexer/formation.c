/* formation: an LHEO 2.3 training action (element names as JSON keys) as a document. */
#include <stdio.h>
#include <string.h>

#include "isodate.h"
#include "records.h"

/* domaine-formation.code-ROME[]: the first code names the métier, all give familles. */
static int map_rome(const json_t *rec, map_context *ctx, doc_facets *f, ps_error *err)
{
    const json_t *domaine, *codes;
    if (field_object(rec, "domaine-formation", &domaine, err) != 0 ||
        (domaine && field_array(domaine, "code-ROME", &codes, err) != 0))
        return -1;
    if (!domaine || !codes || json_array_size(codes) == 0)
        return ps_fail(err, "missing required field domaine-formation.code-ROME");
    size_t i;
    json_t *code;
    json_array_foreach(codes, i, code) {
        uint8_t familles;
        if (!json_is_string(code))
            return ps_fail(err, "field code-ROME holds a non-string");
        if (rome_familles(ctx, json_string_value(code), &familles, err) != 0)
            return -1;
        f->familles |= familles;
        if (i == 0)
            snprintf(f->rome, sizeof f->rome, "%s", json_string_value(code));
    }
    return 0;
}

/* AAAAMMJJ, the LHEO date format, as seconds. */
static bool parse_lheo_date(const char *s, int64_t *out)
{
    if (strlen(s) != 8)
        return false;
    char iso[11];
    snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    return isodate_parse(iso, out);
}

/* The first action: its place and its next session (the date the results sort by). */
static int map_action(const json_t *rec, map_context *ctx, doc_facets *f, json_t *stored,
                      ps_error *err)
{
    const json_t *actions, *lieu = NULL, *coord = NULL, *adresse = NULL, *geo = NULL,
                           *sessions;
    if (field_array(rec, "action", &actions, err) != 0)
        return -1;
    const json_t *action = json_array_get(actions, 0);
    if (!json_is_object(action))
        return ps_fail(err, "missing required field action");
    const char *alternance;
    if (field_string(action, "modalites-alternance", &alternance, err) != 0 ||
        field_array(action, "session", &sessions, err) != 0 ||
        field_object(action, "lieu-de-formation", &lieu, err) != 0 ||
        (lieu && field_object(lieu, "coordonnees", &coord, err) != 0) ||
        (coord && field_object(coord, "adresse", &adresse, err) != 0) ||
        (adresse && field_object(adresse, "geolocalisation", &geo, err) != 0))
        return -1;
    f->alternance = alternance && *alternance ? 1 : 0;
    json_object_set_new(stored, "alternance", json_boolean(f->alternance));
    const json_t *first = json_array_get(sessions, 0), *periode = NULL;
    const char *debut = NULL;
    if (first && (field_object(first, "periode", &periode, err) != 0 ||
                  (periode && field_string(periode, "debut", &debut, err) != 0)))
        return -1;
    if (debut) {
        if (!parse_lheo_date(debut, &f->date))
            return ps_fail(err, "session debut \"%.16s\" is not AAAAMMJJ", debut);
        char iso[21];
        isodate_format(f->date, iso);
        json_object_set_new(stored, "date", json_string(iso));
    }
    static const char *const kept[] = {"nombre-heures-total", "prix-total-TTC",
                                       "modalites-enseignement"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        json_t *v = json_object_get(action, kept[i]);
        if (v && !json_is_null(v))
            json_object_set(stored, kept[i], v);
    }
    const char *insee = NULL, *cp = NULL, *ville = NULL;
    double lat = 0, lon = 0;
    bool has_lat = false, has_lon = false;
    if (adresse && (field_string(adresse, "code-INSEE-commune", &insee, err) != 0 ||
                    field_string(adresse, "codepostal", &cp, err) != 0 ||
                    field_string(adresse, "ville", &ville, err) != 0))
        return -1;
    if (geo && (field_number(geo, "latitude", &lat, &has_lat, err) != 0 ||
                field_number(geo, "longitude", &lon, &has_lon, err) != 0))
        return -1;
    return resolve_place(ctx, insee, has_lat && has_lon, lat, lon, ville, cp, f, stored, err);
}

static int map_text(const json_t *rec, map_context *ctx, json_t *stored, ps_error *err)
{
    const char *title, *objectif, *contenu, *resultats, *organisme = NULL;
    const json_t *org;
    if (field_string_required(rec, "intitule-formation", &title, err) != 0 ||
        field_string(rec, "objectif-formation", &objectif, err) != 0 ||
        field_string(rec, "contenu-formation", &contenu, err) != 0 ||
        field_string(rec, "resultats-attendus", &resultats, err) != 0 ||
        field_object(rec, "organisme-formation-responsable", &org, err) != 0 ||
        (org && field_string(org, "raison-sociale", &organisme, err) != 0))
        return -1;
    json_object_set_new(stored, "title", json_string(title));
    if (organisme)
        json_object_set_new(stored, "organisme", json_string(organisme));
    if (objectif)
        json_object_set_new(stored, "description", json_string(objectif));
    if (index_field(ctx, title, WDF_TITLE, FR_POSITIONS | FR_SPELLING | INDEX_PAIRS, err) != 0 ||
        index_field(ctx, organisme, WDF_BODY, FR_POSITIONS, err) != 0 ||
        index_field(ctx, objectif, WDF_BODY, 0, err) != 0 ||
        index_field(ctx, resultats, WDF_BODY, 0, err) != 0 ||
        index_field(ctx, contenu, WDF_BODY, 0, err) != 0)
        return -1;
    return 0;
}

int formation_map(const json_t *rec, map_context *ctx, doc_facets *f, json_t *stored,
                  ps_error *err)
{
    const json_t *certifications;
    if (map_rome(rec, ctx, f, err) != 0 || map_action(rec, ctx, f, stored, err) != 0 ||
        map_text(rec, ctx, stored, err) != 0 ||
        field_array(rec, "certification", &certifications, err) != 0)
        return -1;
    const json_t *first = json_array_get(certifications, 0);
    const char *rncp = first ? json_string_value(json_object_get(first, "code-RNCP")) : NULL;
    if (rncp)
        json_object_set_new(stored, "codeRNCP", json_string(rncp));
    return 0;
}
