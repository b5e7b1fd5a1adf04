/* docbuild: what every record mapper shares: typed access to JSON fields with clear errors,
 * indexing a field's text, resolving a place through the référentiel, and finishing a
 * document (filter terms and values derived from its doc_facets, stored JSON). */
#ifndef PS_DOCBUILD_H
#define PS_DOCBUILD_H

#include <jansson.h>
#include <stdbool.h>

#include "error.h"
#include "french.h"
#include "referentiel.h"
#include "schema.h"
#include "xapian/xs.h"

/* What a mapper needs besides the record; one per worker thread. */
typedef struct map_context {
    fr_analyzer *analyzer;
    const referentiel *ref;
    xs_document *doc; /* the document being built (set by record_to_document) */
} map_context;

/* A string member: NULL when absent or null; -1 (with err naming the field) when another
 * type. The _required form also rejects absent and empty values. */
int field_string(const json_t *obj, const char *key, const char **out, ps_error *err);
int field_string_required(const json_t *obj, const char *key, const char **out, ps_error *err);
/* A number member; *present tells whether it was there. */
int field_number(const json_t *obj, const char *key, double *out, bool *present, ps_error *err);
/* A boolean member: 1, 0, or -1 when absent. */
int field_bool(const json_t *obj, const char *key, int8_t *out, ps_error *err);
/* An object member (NULL when absent or null). */
int field_object(const json_t *obj, const char *key, const json_t **out, ps_error *err);
/* An array member (NULL when absent or null). */
int field_array(const json_t *obj, const char *key, const json_t **out, ps_error *err);

/* Beside fr_index_text's FR_ flags: also index the pairs of consecutive words (PREFIX_PAIR),
 * for titles and labels. */
enum { INDEX_PAIRS = 1 << 8 };

/* Indexes text (may be NULL) as one field of the current document (ctx->doc). */
int index_field(map_context *ctx, const char *text, unsigned wdf, unsigned flags, ps_error *err);
/* Indexes the "libelle" of each object of the array member key (competences, appellations...),
 * each as a field of its own. */
int index_labels(map_context *ctx, const json_t *rec, const char *key, unsigned wdf,
                 unsigned flags, ps_error *err);

/* Fills the place of f from an INSEE code (may be NULL) and coordinates (has_geo may be false):
 * département and région come from the référentiel; coordinates, when absent, from the
 * commune's. An unknown commune or coordinates out of range is an error. Adds a "lieu" object
 * to stored. */
int resolve_place(map_context *ctx, const char *insee, bool has_geo, double lat, double lon,
                  const char *libelle, const char *code_postal, doc_facets *f, json_t *stored,
                  ps_error *err);

/* Adds the id term, the filter terms and values derived from f, and stored as the data. */
int finish_document(xs_document *doc, const char *id_term, const doc_facets *f, json_t *stored,
                    ps_error *err);

#endif
