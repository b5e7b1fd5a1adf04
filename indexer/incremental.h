/* incremental: upserts records into, and deletes offers from, the generation being served,
 * in one Xapian transaction: searchd sees all of a run's changes at once, or none of them. */
#ifndef PS_INCREMENTAL_H
#define PS_INCREMENTAL_H

#include "build.h"

typedef struct incremental_options {
    const char *db_path;
    const build_input *inputs;
    size_t n_inputs;
    const char *delete_offres_path; /* offer ids, one per line, or NULL */
    const fr_stopwords *stopwords;
    const referentiel *ref;
    run_report *report;
    double max_skipped; /* above this share of bad records, nothing is committed */
} incremental_options;

enum { INCREMENTAL_TOO_MANY_BAD = 3 };

/* 0, -1 (err says why), or INCREMENTAL_TOO_MANY_BAD; nothing is committed unless 0. */
int incremental_update(const incremental_options *opt, ps_error *err);

#endif
