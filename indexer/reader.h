/* reader: reads the input files record by record, counts each, reports and skips the lines
 * that are not JSON objects with an id, and hands every other record to a callback. Used by
 * the full build (which dispatches records to workers) and the incremental run. */
#ifndef PS_READER_H
#define PS_READER_H

#include <jansson.h>

#include "build.h"
#include "records.h"
#include "report.h"

typedef struct source_record {
    json_t *rec; /* owned by the callback from then on */
    const record_kind *kind;
    const char *id;
    const char *path;
    unsigned long line;
} source_record;

/* Returns -1 when a file cannot be read (err says why) or when fn returns -1. */
int read_records(const build_input *inputs, size_t n_inputs, run_report *report,
                 int (*fn)(void *ctx, source_record *r), void *ctx, ps_error *err);

#endif
