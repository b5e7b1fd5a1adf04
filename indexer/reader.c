#include "reader.h"

#include "jsonl.h"

static int read_file(const build_input *in, run_report *report,
                     int (*fn)(void *ctx, source_record *r), void *ctx, ps_error *err)
{
    const record_kind *kind = record_kind_of(in->type);
    jsonl_reader reader;
    if (jsonl_open(&reader, in->path, err) != 0)
        return -1;
    int rc = 0;
    while (rc == 0) {
        json_t *rec = NULL;
        ps_error rec_err;
        jsonl_result r = jsonl_next(&reader, &rec, &rec_err);
        if (r == JSONL_EOF)
            break;
        if (r == JSONL_IO_ERROR) {
            rc = ps_fail(err, "%s", rec_err.message);
            break;
        }
        report_read(report);
        const char *id = r == JSONL_RECORD ? record_id(kind, rec, &rec_err) : NULL;
        if (!id) {
            report_skip(report, in->path, reader.lineno, NULL, rec_err.message);
            json_decref(rec);
            continue;
        }
        source_record sr = {rec, kind, id, in->path, reader.lineno};
        rc = fn(ctx, &sr);
    }
    jsonl_close(&reader);
    return rc;
}

int read_records(const build_input *inputs, size_t n_inputs, run_report *report,
                 int (*fn)(void *ctx, source_record *r), void *ctx, ps_error *err)
{
    for (size_t i = 0; i < n_inputs; i++)
        if (read_file(&inputs[i], report, fn, ctx, err) != 0)
            return -1;
    return 0;
}
