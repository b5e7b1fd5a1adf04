/* metier: a ROME 4.0 fiche métier (plus its familles) as a document. */
#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "records.h"

static int map_familles(const json_t *rec, doc_facets *f, ps_error *err)
{
    const json_t *familles;
    if (field_array(rec, "familles", &familles, err) != 0)
        return -1;
    size_t i;
    json_t *code;
    json_array_foreach(familles, i, code) {
        famille fam;
        if (!json_is_string(code) || !famille_parse(json_string_value(code), &fam))
            return ps_fail(err, "unknown famille in familles");
        f->familles |= (uint8_t)(1u << fam);
    }
    return 0;
}

int metier_map(const json_t *rec, map_context *ctx, doc_facets *f, json_t *stored,
               ps_error *err)
{
    const char *code, *libelle, *definition, *acces;
    uint8_t code_familles;
    if (field_string_required(rec, "code", &code, err) != 0 ||
        field_string_required(rec, "libelle", &libelle, err) != 0 ||
        field_string(rec, "definition", &definition, err) != 0 ||
        field_string(rec, "accesEmploi", &acces, err) != 0 ||
        rome_familles(ctx, code, &code_familles, err) != 0 || map_familles(rec, f, err) != 0)
        return -1;
    if (!f->familles)
        f->familles = code_familles;
    snprintf(f->rome, sizeof f->rome, "%s", code);
    json_object_set_new(stored, "title", json_string(libelle));
    if (definition)
        json_object_set_new(stored, "description", json_string(definition));
    const unsigned heading = FR_POSITIONS | FR_SPELLING | INDEX_PAIRS;
    if (index_field(ctx, libelle, WDF_TITLE, heading, err) != 0 ||
        index_labels(ctx, rec, "appellations", WDF_LABEL, heading, err) != 0 ||
        index_field(ctx, definition, WDF_BODY, FR_POSITIONS, err) != 0 ||
        index_field(ctx, acces, WDF_BODY, FR_POSITIONS, err) != 0 ||
        index_labels(ctx, rec, "competencesMobilisees", WDF_BODY, FR_POSITIONS, err) != 0 ||
        index_labels(ctx, rec, "contextesTravail", WDF_BODY, FR_POSITIONS, err) != 0)
        return -1;
    return 0;
}
