#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "xapian/xs.h"

struct searcher {
    xs_database *db;
    fr_analyzer *analyzer;
    xs_qparser *qp;
    xs_enquire *enquire;
};

int searcher_open(const char *db_path, const fr_stopwords *sw, searcher **out, ps_error *err)
{
    searcher *s = calloc(1, sizeof *s);
    if (!s)
        return ps_fail(err, "out of memory");
    xs_error xe;
    char version[32];
    int rc = 0;
    if (xs_database_open(db_path, &s->db, &xe) != XS_OK)
        rc = ps_fail(err, "cannot open index %s: %s", db_path, xe.message);
    else if (xs_database_get_metadata(s->db, META_SCHEMA_VERSION, version, sizeof version, &xe) !=
             XS_OK)
        rc = ps_fail(err, "index %s: %s", db_path, xe.message);
    else if (strcmp(version, SCHEMA_VERSION) != 0)
        rc = ps_fail(err, "index %s has schema version \"%s\", this searchd reads \"%s\"",
                     db_path, version, SCHEMA_VERSION);
    if (rc == 0)
        rc = fr_analyzer_new(sw, &s->analyzer, err);
    if (rc == 0)
        rc = fr_qparser_new(s->analyzer, s->db, &s->qp, err);
    if (rc == 0 && xs_enquire_new(s->db, &s->enquire, &xe) != XS_OK)
        rc = ps_fail(err, "%s", xe.message);
    if (rc != 0) {
        searcher_free(s);
        return -1;
    }
    *out = s;
    return 0;
}

void searcher_free(searcher *s)
{
    if (!s)
        return;
    xs_enquire_free(s->enquire);
    xs_qparser_free(s->qp);
    fr_analyzer_free(s->analyzer);
    xs_database_free(s->db);
    free(s);
}

static search_status build_query(searcher *s, const char *q, xs_query **out, ps_error *err)
{
    xs_error xe;
    if (!q || !*q) {
        if (xs_query_match_all(out, &xe) != XS_OK)
            return ps_fail(err, "%s", xe.message), SEARCH_FAILED;
        return SEARCH_OK;
    }
    bool syntax_error;
    if (fr_parse_query(s->qp, q, strlen(q), XS_QP_PHRASE | XS_QP_LOVEHATE | XS_QP_PURE_NOT,
                       XS_OP_AND, out, &syntax_error, err) != 0)
        return syntax_error ? SEARCH_BAD_QUERY : SEARCH_FAILED;
    return SEARCH_OK;
}

/* The stored JSON of hit i, with its score added. */
static json_t *hit_json(xs_mset *m, uint32_t i, double top_weight, ps_error *err)
{
    const char *data;
    size_t len;
    xs_error xe;
    if (xs_mset_data(m, i, &data, &len, &xe) != XS_OK)
        return ps_fail(err, "%s", xe.message), NULL;
    json_error_t je;
    json_t *hit = json_loadb(data, len, 0, &je);
    if (!json_is_object(hit)) {
        json_decref(hit);
        ps_fail(err, "stored document %u is not a JSON object", xs_mset_docid(m, i));
        return NULL;
    }
    json_object_del(hit, "description"); /* stored for snippets, too long for a result list */
    double score = top_weight > 0 ? xs_mset_weight(m, i) / top_weight : 0;
    json_object_set_new(hit, "score", json_real((double)(int)(score * 1000 + 0.5) / 1000));
    return hit;
}

static json_t *result_json(xs_mset *m, const search_request *req, ps_error *err)
{
    json_t *hits = json_array();
    double top = xs_mset_size(m) ? xs_mset_weight(m, 0) : 0;
    for (uint32_t i = 0; i < xs_mset_size(m); i++) {
        json_t *hit = hit_json(m, i, top, err);
        if (!hit) {
            json_decref(hits);
            return NULL;
        }
        json_array_append_new(hits, hit);
    }
    return json_pack("{s:I, s:I, s:I, s:o}", "total", (json_int_t)xs_mset_matches_estimated(m),
                     "offset", (json_int_t)req->offset, "limit", (json_int_t)req->limit, "hits",
                     hits);
}

search_status searcher_run(searcher *s, const search_request *req, json_t **result,
                           ps_error *err)
{
    xs_query *query;
    search_status st = build_query(s, req->q, &query, err);
    if (st != SEARCH_OK)
        return st;
    /* Exact totals: ask the matcher to look at every document. */
    uint32_t check_all = xs_database_doccount(s->db);
    xs_mset *m = NULL;
    xs_error xe;
    for (int attempt = 0; attempt < 2; attempt++) {
        xs_status xst = xs_enquire_run(s->enquire, query, req->offset, req->limit, check_all, &m,
                                       &xe);
        if (xst == XS_OK)
            break;
        if (xst != XS_MODIFIED || xs_database_reopen(s->db, NULL, &xe) != XS_OK)
            break;
    }
    xs_query_free(query);
    if (!m)
        return ps_fail(err, "search: %s", xe.message), SEARCH_FAILED;
    *result = result_json(m, req, err);
    xs_mset_free(m);
    return *result ? SEARCH_OK : SEARCH_FAILED;
}

int searcher_refresh(searcher *s, ps_error *err)
{
    xs_error xe;
    if (xs_database_reopen(s->db, NULL, &xe) != XS_OK)
        return ps_fail(err, "reopening the index: %s", xe.message);
    return 0;
}

json_t *searcher_index_info(searcher *s)
{
    char built_at[64] = "", version[32] = "";
    xs_database_get_metadata(s->db, META_BUILT_AT, built_at, sizeof built_at, NULL);
    xs_database_get_metadata(s->db, META_SCHEMA_VERSION, version, sizeof version, NULL);
    return json_pack("{s:I, s:s, s:s}", "documents", (json_int_t)xs_database_doccount(s->db),
                     "built_at", built_at, "schema_version", version);
}
