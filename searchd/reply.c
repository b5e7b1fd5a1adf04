#include "reply.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "jsonout.h"
#include "schema.h"

static double round_to(double v, double unit) { return round(v / unit) * unit; }

/* The stored record of docid, ready to write: from the hit cache, or fetched and split (see
 * schema.h for the layout: no JSON parsing here). */
const hit_record *reply_stored_record(const reply_source *s, uint32_t docid, ps_error *err)
{
    if (!s->hits) /* a refresh ran out of memory for it (search.c) */
        return ps_fail(err, "document %u: no hit cache", docid), NULL;
    const hit_record *cached = hit_cache_get(s->hits, docid);
    if (cached)
        return cached;
    char *data;
    size_t len;
    xs_error xe;
    if (xs_database_data(s->db, docid, &data, &len, &xe) != XS_OK)
        return ps_fail(err, "document %u: %s", docid, xe.message), NULL;
    schema_data_parts stored;
    schema_split_data(data, len, &stored);
    if (stored.json_len < 2 || data[0] != '{' || data[stored.json_len - 1] != '}') {
        free(data);
        return ps_fail(err, "stored document %u is not a JSON object", docid), NULL;
    }
    /* the fields without the final '}': the hit's own fields follow */
    hit_record parts = {data, stored.description, stored.title, stored.json_len - 1,
                        stored.description_len, stored.title_len};
    const hit_record *h = hit_cache_put(s->hits, docid, &parts);
    free(data);
    if (!h)
        return ps_fail(err, "document %u: out of memory or beyond the index", docid), NULL;
    return h;
}

/* snippet: the page's buffer for snippets, emptied for each hit (one allocation a page). */
static int write_hit(strbuf *b, const reply_source *s, const search_request *req,
                     const text_query *tq, uint32_t docid, double score, strbuf *snippet,
                     ps_error *err)
{
    const hit_record *h = reply_stored_record(s, docid, err);
    if (!h)
        return -1;
    int rc = strbuf_append(b, h->fields, h->fields_len);
    const char(*stems)[SNIPPET_MAX_STEM] = tq ? (const char(*)[SNIPPET_MAX_STEM])tq->stems : NULL;
    if (rc == 0 && tq && tq->n_stems && h->title) { /* the whole title, if a word matches */
        strbuf_reset(snippet);
        rc = snippet_mark(s->analyzer, h->title, h->title_len, stems, tq->n_stems, snippet);
        if (rc == 0 && snippet->len && strstr(snippet->data, "<mark>"))
            rc = strbuf_puts(b, ",") || json_out_key(b, "title_html") ||
                 json_out_string(b, snippet->data, snippet->len);
    }
    if (rc == 0 && tq && tq->n_stems && h->description) {
        strbuf_reset(snippet);
        rc = snippet_build(s->analyzer, h->description, h->description_len, stems, tq->n_stems,
                           240, snippet);
        if (rc == 0 && snippet->len)
            rc = strbuf_puts(b, ",") || json_out_key(b, "snippet") ||
                 json_out_string(b, snippet->data, snippet->len);
    }
    if (rc == 0 && score >= 0)
        rc = strbuf_puts(b, ",") || json_out_key(b, "score") ||
             json_out_number(b, round_to(score, 0.001), 3);
    const columns *c = s->columns;
    uint32_t point = docid < c->count ? c->point_of[docid] : COLUMNS_NO_POINT;
    if (rc == 0 && req->has_centre && point != COLUMNS_NO_POINT)
        rc = strbuf_puts(b, ",") || json_out_key(b, "distance_km") ||
             json_out_number(b, distance_km(req->lat, req->lon, c->runs[point].lat,
                                            c->runs[point].lon), 1);
    if (rc == 0)
        rc = strbuf_putc(b, '}');
    return rc == 0 ? 0 : ps_fail(err, "out of memory");
}

/* The code and label of value id of a facet dimension; false when id names nothing. */
static bool facet_value(const reply_source *s, facet_dim d, uint32_t id, const char **code,
                        const char **label)
{
    static const char *const type_labels[DOC_TYPE_COUNT] = {"Offre d'emploi", "Formation",
                                                            "Fiche métier"};
    const columns *c = s->columns;
    const metier *m;
    *label = NULL;
    switch (d) {
    case DIM_TYPE: *code = doc_type_name((doc_type)id), *label = type_labels[id]; break;
    case DIM_FAMILLE: *code = famille_code((famille)id), *label = famille_label((famille)id); break;
    case DIM_ROME:
        *code = code_dict_code(&c->rome, id);
        m = referentiel_metier_by_rome(s->ref, *code);
        *label = m ? m->libelle : NULL;
        break;
    case DIM_CONTRAT: *code = contrat_code(id), *label = contrat_label(id); break;
    case DIM_EXPERIENCE: *code = experience_code(id), *label = experience_label(id); break;
    case DIM_DEPARTEMENT:
        *code = code_dict_code(&c->departement, id);
        *label = referentiel_departement_nom(s->ref, *code);
        break;
    case DIM_REGION:
        *code = code_dict_code(&c->region, id);
        *label = referentiel_region_nom(s->ref, *code);
        break;
    case DIM_TEMPS_PLEIN: /* booleans are counted plus one: 0 is unknown */
        if (!id)
            return false;
        *code = id == 2 ? "true" : "false", *label = id == 2 ? "Temps plein" : "Temps partiel";
        break;
    case DIM_ALTERNANCE:
        if (!id)
            return false;
        *code = id == 2 ? "true" : "false";
        *label = id == 2 ? "En alternance" : "Hors alternance";
        break;
    default: return false;
    }
    return *code && **code;
}

typedef struct facet_value_count {
    const char *code, *label;
    uint32_t count;
} facet_value_count;

static int by_count_then_code(const void *a, const void *b)
{
    const facet_value_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->code, y->code);
}

enum { FACET_MAX_VALUES = 200 };

static int write_facet(strbuf *b, const reply_source *s, const facet_counts *fc, facet_dim d)
{
    facet_value_count values[FACET_MAX_VALUES];
    size_t n = 0;
    for (uint32_t id = 0; id < fc->sizes[d] && n < FACET_MAX_VALUES; id++)
        if (fc->counts[d][id] && facet_value(s, d, id, &values[n].code, &values[n].label))
            values[n++].count = fc->counts[d][id];
    qsort(values, n, sizeof *values, by_count_then_code);
    int rc = json_out_key(b, facet_dim_name(d)) || strbuf_putc(b, '[');
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = (i && strbuf_putc(b, ',')) || strbuf_putc(b, '{') || json_out_key(b, "value") ||
             json_out_string(b, values[i].code, strlen(values[i].code));
        if (rc == 0 && values[i].label)
            rc = strbuf_putc(b, ',') || json_out_key(b, "label") ||
                 json_out_string(b, values[i].label, strlen(values[i].label));
        if (rc == 0)
            rc = strbuf_putc(b, ',') || json_out_key(b, "count") ||
                 json_out_uint(b, values[i].count) || strbuf_putc(b, '}');
    }
    return rc || strbuf_putc(b, ']');
}

int reply_write(strbuf *b, const reply_source *s, const search_request *req,
                const facet_counts *fc, const uint32_t *docids, const double *scores,
                uint32_t count, const text_query *tq, ps_error *err)
{
    int rc = strbuf_putc(b, '{') || json_out_key(b, "total") || json_out_uint(b, fc->accepted) ||
             strbuf_putc(b, ',') || json_out_key(b, "offset") || json_out_uint(b, req->offset) ||
             strbuf_putc(b, ',') || json_out_key(b, "limit") || json_out_uint(b, req->limit) ||
             strbuf_putc(b, ',') || json_out_key(b, "hits") || strbuf_putc(b, '[');
    strbuf snippet = STRBUF_INIT;
    for (uint32_t i = 0; rc == 0 && i < count; i++) {
        if (i && strbuf_putc(b, ',')) {
            rc = -1;
            break;
        }
        if (write_hit(b, s, req, tq, docids[i], scores[i], &snippet, err) != 0) {
            strbuf_free(&snippet);
            return -1;
        }
    }
    strbuf_free(&snippet);
    if (rc != 0)
        return ps_fail(err, "out of memory");
    rc = strbuf_putc(b, ']');
    if (rc == 0 && req->facets) {
        rc = strbuf_putc(b, ',') || json_out_key(b, "facets") || strbuf_putc(b, '{');
        bool first = true;
        for (int d = 0; rc == 0 && d < DIM_FACET_COUNT; d++) {
            if (!(req->facets & 1u << d))
                continue;
            rc = (!first && strbuf_putc(b, ',')) || write_facet(b, s, fc, d);
            first = false;
        }
        rc = rc || strbuf_putc(b, '}');
    }
    return rc ? ps_fail(err, "out of memory") : 0;
}
