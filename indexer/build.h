/* build: a full build of the index from JSON Lines files, in parallel: one thread reads and
 * parses records and hands each to a worker chosen by its id (so a duplicate id always meets
 * its earlier copy and the later record wins); each worker analyses records into its own
 * shard; the shards are then merged into one compacted database. */
#ifndef PS_BUILD_H
#define PS_BUILD_H

#include <stdbool.h>

#include "error.h"
#include "french.h"
#include "referentiel.h"
#include "report.h"
#include "schema.h"

typedef struct build_input {
    doc_type type;
    const char *path;
} build_input;

enum { BUILD_MAX_WORKERS = 16 };

typedef struct build_options {
    const build_input *inputs;
    size_t n_inputs;
    const char *out_dir;  /* the database to create (must not exist) */
    const char *work_dir; /* scratch space for the shards (created, then removed) */
    unsigned workers;     /* 1 or more */
    unsigned flush_every; /* each shard commits after this many documents */
    const fr_stopwords *stopwords;
    const referentiel *ref;
    const char *acronymes_path; /* the synonyms to store, or NULL */
    run_report *report;         /* counts and bad-record reports go here */
} build_options;

int build_index(const build_options *opt, ps_error *err);

#endif
