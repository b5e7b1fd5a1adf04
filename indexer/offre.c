/* offre: a France Travail "Offres d'emploi v2" record as a document. */
#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "isodate.h"
#include "records.h"

/* Copies the string member key of src into dst under the same name, when present. */
static int keep_string(const json_t *src, const char *key, json_t *dst, ps_error *err)
{
    const char *v;
    if (field_string(src, key, &v, err) != 0)
        return -1;
    if (v)
        json_object_set_new(dst, key, json_string(v));
    return 0;
}

static int map_place(const json_t *rec, map_context *ctx, doc_facets *f, json_t *stored,
                     ps_error *err)
{
    const json_t *lieu;
    if (field_object(rec, "lieuTravail", &lieu, err) != 0)
        return -1;
    if (!lieu)
        return 0;
    const char *libelle, *commune, *cp;
    double lat = 0, lon = 0;
    bool has_lat, has_lon;
    if (field_string(lieu, "libelle", &libelle, err) != 0 ||
        field_string(lieu, "commune", &commune, err) != 0 ||
        field_string(lieu, "codePostal", &cp, err) != 0 ||
        field_number(lieu, "latitude", &lat, &has_lat, err) != 0 ||
        field_number(lieu, "longitude", &lon, &has_lon, err) != 0)
        return -1;
    return resolve_place(ctx, commune, has_lat && has_lon, lat, lon, libelle, cp, f, stored, err);
}

static int map_codes(const json_t *rec, map_context *ctx, doc_facets *f, json_t *stored,
                     ps_error *err)
{
    const char *rome, *contrat, *experience, *duree;
    if (field_string_required(rec, "romeCode", &rome, err) != 0 ||
        field_string(rec, "typeContrat", &contrat, err) != 0 ||
        field_string(rec, "experienceExige", &experience, err) != 0 ||
        field_string(rec, "dureeTravailLibelleConverti", &duree, err) != 0 ||
        field_bool(rec, "alternance", &f->alternance, err) != 0 ||
        rome_familles(ctx, rome, &f->familles, err) != 0)
        return -1;
    snprintf(f->rome, sizeof f->rome, "%s", rome);
    if (contrat && !(f->contrat = (uint8_t)contrat_parse(contrat)))
        return ps_fail(err, "unknown typeContrat \"%.16s\"", contrat);
    if (experience && !(f->experience = (uint8_t)experience_parse(experience)))
        return ps_fail(err, "unknown experienceExige \"%.16s\"", experience);
    if (duree)
        f->temps_plein = strcmp(duree, "Temps plein") == 0 ? 1 : 0;
    if (f->temps_plein >= 0)
        json_object_set_new(stored, "tempsPlein", json_boolean(f->temps_plein));
    if (f->alternance >= 0)
        json_object_set_new(stored, "alternance", json_boolean(f->alternance));
    static const char *const kept[] = {"typeContrat", "typeContratLibelle", "experienceExige",
                                       "experienceLibelle", "dureeTravailLibelle",
                                       "romeLibelle", "appellationlibelle"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        if (keep_string(rec, kept[i], stored, err) != 0)
            return -1;
    return 0;
}

static int map_text(const json_t *rec, map_context *ctx, json_t *stored, ps_error *err)
{
    const char *title, *description, *appellation, *rome_libelle, *employer = NULL,
                                                                  *employer_about = NULL, *salary = NULL;
    const json_t *entreprise, *salaire;
    if (field_string_required(rec, "intitule", &title, err) != 0 ||
        field_string(rec, "description", &description, err) != 0 ||
        field_string(rec, "appellationlibelle", &appellation, err) != 0 ||
        field_string(rec, "romeLibelle", &rome_libelle, err) != 0 ||
        field_object(rec, "entreprise", &entreprise, err) != 0 ||
        (entreprise && field_string(entreprise, "nom", &employer, err) != 0) ||
        (entreprise && field_string(entreprise, "description", &employer_about, err) != 0) ||
        field_object(rec, "salaire", &salaire, err) != 0 ||
        (salaire && field_string(salaire, "libelle", &salary, err) != 0))
        return -1;
    json_object_set_new(stored, "title", json_string(title));
    if (employer)
        json_object_set_new(stored, "entreprise", json_string(employer));
    if (salary)
        json_object_set_new(stored, "salaire", json_string(salary));
    if (description)
        json_object_set_new(stored, "description", json_string(description));
    const unsigned heading = FR_POSITIONS | FR_SPELLING | INDEX_PAIRS;
    if (index_field(ctx, title, WDF_TITLE, heading, err) != 0 ||
        index_field(ctx, appellation, WDF_LABEL, heading, err) != 0 ||
        index_field(ctx, rome_libelle, WDF_LABEL, heading, err) != 0 ||
        index_field(ctx, employer, WDF_BODY, FR_POSITIONS, err) != 0 ||
        index_labels(ctx, rec, "competences", WDF_BODY, FR_POSITIONS, err) != 0 ||
        index_field(ctx, description, WDF_BODY, 0, err) != 0 ||
        /* the employer's own block (most offers present it there, not in their text): what it
           runs ("unité protégée", "maternité") is searched like the text */
        index_field(ctx, employer_about, WDF_BODY, 0, err) != 0)
        return -1;
    return 0;
}

int offre_map(const json_t *rec, map_context *ctx, doc_facets *f, json_t *stored, ps_error *err)
{
    const char *created;
    if (field_string(rec, "dateCreation", &created, err) != 0)
        return -1;
    if (created) {
        if (!isodate_parse(created, &f->date))
            return ps_fail(err, "dateCreation \"%.40s\" is not an ISO 8601 date", created);
        char iso[21];
        isodate_format(f->date, iso);
        json_object_set_new(stored, "date", json_string(iso));
    }
    if (map_codes(rec, ctx, f, stored, err) != 0 || map_place(rec, ctx, f, stored, err) != 0 ||
        map_text(rec, ctx, stored, err) != 0)
        return -1;
    return 0;
}
