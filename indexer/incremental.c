#include "incremental.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

typedef struct upsert_state {
    const incremental_options *opt;
    map_context ctx;
    xs_writer *w;
} upsert_state;

static int upsert(void *arg, source_record *r)
{
    upsert_state *st = arg;
    xs_document *doc;
    xs_error xe;
    if (xs_document_new(&doc, &xe) != XS_OK) {
        json_decref(r->rec);
        return -1;
    }
    char id_term[128];
    ps_error rec_err;
    bool existed = false;
    int rc = 0;
    if (record_to_document(r->kind, r->rec, &st->ctx, doc, id_term, sizeof id_term, &rec_err) !=
        0)
        report_skip(st->opt->report, r->path, r->line, r->id, rec_err.message);
    else if (xs_writer_term_exists(st->w, id_term, &existed, &xe) != XS_OK ||
             xs_writer_replace(st->w, id_term, doc, &xe) != XS_OK)
        rc = -1;
    else
        report_indexed(st->opt->report, existed);
    xs_document_free(doc);
    json_decref(r->rec);
    return rc;
}

static int delete_offres(upsert_state *st, ps_error *err)
{
    FILE *f = fopen(st->opt->delete_offres_path, "r");
    if (!f)
        return ps_fail(err, "cannot open %s: %s", st->opt->delete_offres_path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    unsigned long lineno = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) != -1) {
        lineno++;
        line[strcspn(line, " \t\r\n")] = '\0';
        if (!line[0])
            continue;
        char id_term[128];
        bool exists;
        xs_error xe;
        if (!schema_id_term(DOC_OFFRE, line, id_term, sizeof id_term))
            report_skip(st->opt->report, st->opt->delete_offres_path, lineno, line, "invalid id");
        else if (xs_writer_term_exists(st->w, id_term, &exists, &xe) != XS_OK ||
                 (exists && xs_writer_delete(st->w, id_term, &xe) != XS_OK))
            rc = ps_fail(err, "deleting %s: %s", id_term, xe.message);
        else if (exists)
            report_deleted(st->opt->report);
    }
    free(line);
    fclose(f);
    return rc;
}

int incremental_update(const incremental_options *opt, ps_error *err)
{
    upsert_state st = {.opt = opt, .ctx = {NULL, opt->ref, NULL}};
    xs_error xe;
    if (fr_analyzer_new(opt->stopwords, &st.ctx.analyzer, err) != 0)
        return -1;
    int rc = 0;
    if (xs_writer_open(opt->db_path, XS_OPEN, &st.w, &xe) != XS_OK ||
        xs_writer_begin_transaction(st.w, &xe) != XS_OK)
        rc = ps_fail(err, "cannot update %s: %s", opt->db_path, xe.message);
    if (rc == 0) {
        fr_set_spelling_writer(st.ctx.analyzer, st.w);
        rc = read_records(opt->inputs, opt->n_inputs, opt->report, upsert, &st, err);
        if (rc != 0 && !err->message[0])
            ps_fail(err, "writing to %s failed", opt->db_path);
    }
    if (rc == 0 && opt->delete_offres_path)
        rc = delete_offres(&st, err);
    if (rc == 0 && report_skip_ratio(opt->report) > opt->max_skipped) {
        ps_fail(err, "%.2f%% of the records were bad (limit %.2f%%): nothing committed",
                100 * report_skip_ratio(opt->report), 100 * opt->max_skipped);
        rc = INCREMENTAL_TOO_MANY_BAD;
    }
    if (st.w) {
        xs_status st_tx = rc == 0 ? xs_writer_commit_transaction(st.w, &xe)
                                  : xs_writer_cancel_transaction(st.w, &xe);
        if (st_tx != XS_OK && rc == 0)
            rc = ps_fail(err, "committing %s: %s", opt->db_path, xe.message);
        if (xs_writer_close(st.w, &xe) != XS_OK && rc == 0)
            rc = ps_fail(err, "closing %s: %s", opt->db_path, xe.message);
    }
    fr_analyzer_free(st.ctx.analyzer);
    return rc;
}
