#include "records.h"

#include <string.h>

static const record_kind kinds[DOC_TYPE_COUNT] = {
    {DOC_OFFRE, "id", offre_map},
    {DOC_FORMATION, "numero", formation_map},
    {DOC_METIER, "slug", metier_map},
};

const record_kind *record_kind_of(doc_type type)
{
    return (unsigned)type < DOC_TYPE_COUNT ? &kinds[type] : NULL;
}

const char *record_id(const record_kind *kind, const json_t *rec, ps_error *err)
{
    const char *id;
    if (field_string_required(rec, kind->id_field, &id, err) != 0)
        return NULL;
    return id;
}

int rome_familles(map_context *ctx, const char *rome, uint8_t *familles, ps_error *err)
{
    bool well_formed = strlen(rome) == 5 && rome[0] >= 'A' && rome[0] <= 'N';
    for (int i = 1; well_formed && i < 5; i++)
        well_formed = rome[i] >= '0' && rome[i] <= '9';
    if (!well_formed)
        return ps_fail(err, "malformed ROME code \"%.16s\"", rome);
    const metier *m = referentiel_metier_by_rome(ctx->ref, rome);
    if (!m)
        return ps_fail(err, "ROME code \"%s\" is not one of the programme's métiers", rome);
    *familles = m->rome_familles;
    return 0;
}

int record_to_document(const record_kind *kind, const json_t *rec, map_context *ctx,
                       xs_document *doc, char *id_term, size_t id_term_cap, ps_error *err)
{
    const char *id = record_id(kind, rec, err);
    if (!id)
        return -1;
    if (!schema_id_term(kind->type, id, id_term, id_term_cap))
        return ps_fail(err, "invalid id \"%.80s\"", id);
    doc_facets facets = {.type = (uint8_t)kind->type, .temps_plein = -1, .alternance = -1};
    json_t *stored = json_pack("{s:s, s:s}", "id", id, "type", doc_type_name(kind->type));
    if (!stored)
        return ps_fail(err, "out of memory");
    ctx->doc = doc;
    int rc = fr_begin_document(ctx->analyzer, doc, err);
    if (rc == 0)
        rc = kind->map(rec, ctx, &facets, stored, err);
    if (rc == 0)
        rc = finish_document(doc, id_term, &facets, stored, err);
    json_decref(stored);
    return rc;
}
