/* records: the three source shapes the indexer reads (France Travail offers, LHEO training
 * actions, ROME fiches métiers) and how a record of each becomes an index document. */
#ifndef PS_RECORDS_H
#define PS_RECORDS_H

#include <jansson.h>

#include "docbuild.h"

typedef struct record_kind {
    doc_type type;
    const char *id_field; /* "id", "numero", "slug" */
    /* Fills the current document (after fr_begin_document) from rec: text, *facets, *stored. */
    int (*map)(const json_t *rec, map_context *ctx, doc_facets *facets, json_t *stored,
               ps_error *err);
} record_kind;

const record_kind *record_kind_of(doc_type type);

/* The record's id (borrowed from rec), or NULL with err saying why. */
const char *record_id(const record_kind *kind, const json_t *rec, ps_error *err);

/* Builds doc (new and empty) from rec and writes its unique id term into id_term. Returns -1
 * with the reason in err when the record is unusable; the caller reports and skips it. */
int record_to_document(const record_kind *kind, const json_t *rec, map_context *ctx,
                       xs_document *doc, char *id_term, size_t id_term_cap, ps_error *err);

int offre_map(const json_t *rec, map_context *ctx, doc_facets *facets, json_t *stored,
              ps_error *err);
int formation_map(const json_t *rec, map_context *ctx, doc_facets *facets, json_t *stored,
                  ps_error *err);
int metier_map(const json_t *rec, map_context *ctx, doc_facets *facets, json_t *stored,
               ps_error *err);

/* Shared by the mappers: the familles of a ROME code through the référentiel's métiers;
 * -1 when the code is malformed or not one of the programme's. */
int rome_familles(map_context *ctx, const char *rome, uint8_t *familles, ps_error *err);

#endif
