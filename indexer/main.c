/* indexer: builds the search index from JSON Lines files of records.
 *
 * This is the end-to-end slice of the foundation: offers in the France Travail shape, one
 * full build into --db. Bad records are reported with file, line and reason, and skipped. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "french.h"
#include "isodate.h"
#include "jsonl.h"
#include "offre.h"
#include "schema.h"
#include "xapian/xs.h"

typedef struct indexer_options {
    const char *db_path;
    const char *offres_path;
    const char *stopwords_path;
} indexer_options;

typedef struct indexer_counts {
    unsigned long read, indexed, skipped;
} indexer_counts;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: indexer --db DIR --offres FILE.jsonl [--stopwords FILE]\n"
            "\n"
            "Builds a new index in DIR (replacing what is there) from offers in the France\n"
            "Travail \"Offres d'emploi v2\" shape, one JSON object per line.\n"
            "\n"
            "  --db DIR          the index to write\n"
            "  --offres FILE     offers, JSON Lines\n"
            "  --stopwords FILE  French stop words (default %s)\n"
            "  --help            this text\n"
            "\n"
            "Bad records are reported on stderr as FILE:LINE: id: reason and skipped.\n"
            "Exit status: 0 on success, 1 on a fatal error, 2 on a usage error.\n",
            PS_DEFAULT_STOPWORDS);
}

/* Returns 0 to run, 1 when --help was printed, -1 on a usage error. */
static int parse_options(int argc, char **argv, indexer_options *opt)
{
    *opt = (indexer_options){.stopwords_path = PS_DEFAULT_STOPWORDS};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char **target = strcmp(arg, "--db") == 0          ? &opt->db_path
                              : strcmp(arg, "--offres") == 0    ? &opt->offres_path
                              : strcmp(arg, "--stopwords") == 0 ? &opt->stopwords_path
                                                                : NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 1;
        }
        if (!target || i + 1 >= argc) {
            fprintf(stderr, "indexer: %s: %s\n", arg, target ? "missing value" : "unknown option");
            return -1;
        }
        *target = argv[++i];
    }
    if (!opt->db_path || !opt->offres_path) {
        fprintf(stderr, "indexer: --db and --offres are required\n");
        return -1;
    }
    return 0;
}

static const char *record_id(const json_t *rec)
{
    const char *id = json_string_value(json_object_get(rec, "id"));
    return id ? id : "-";
}

/* Indexes every record of path into w; returns -1 only on a fatal error. */
static int index_offres(const char *path, fr_analyzer *a, xs_writer *w, indexer_counts *counts,
                        ps_error *err)
{
    jsonl_reader reader;
    if (jsonl_open(&reader, path, err) != 0)
        return -1;
    int rc = 0;
    for (;;) {
        json_t *rec = NULL;
        ps_error rec_err;
        jsonl_result r = jsonl_next(&reader, &rec, &rec_err);
        if (r == JSONL_EOF)
            break;
        if (r == JSONL_IO_ERROR) {
            rc = ps_fail(err, "%s", rec_err.message);
            break;
        }
        counts->read++;
        if (r == JSONL_BAD) {
            fprintf(stderr, "%s:%lu: -: %s\n", path, reader.lineno, rec_err.message);
            counts->skipped++;
            continue;
        }
        xs_document *doc;
        xs_error xe;
        char id_term[128];
        if (xs_document_new(&doc, &xe) != XS_OK) {
            json_decref(rec);
            rc = ps_fail(err, "%s", xe.message);
            break;
        }
        if (offre_to_document(rec, a, doc, id_term, sizeof id_term, &rec_err) != 0) {
            fprintf(stderr, "%s:%lu: %s: %s\n", path, reader.lineno, record_id(rec),
                    rec_err.message);
            counts->skipped++;
        } else if (xs_writer_replace(w, id_term, doc, &xe) != XS_OK) {
            rc = ps_fail(err, "writing %s: %s", id_term, xe.message);
        } else {
            counts->indexed++;
        }
        xs_document_free(doc);
        json_decref(rec);
        if (rc != 0)
            break;
    }
    jsonl_close(&reader);
    return rc;
}

static int write_metadata(xs_writer *w, ps_error *err)
{
    char built_at[21];
    isodate_format((int64_t)time(NULL), built_at);
    xs_error xe;
    if (xs_writer_set_metadata(w, META_SCHEMA_VERSION, SCHEMA_VERSION, &xe) != XS_OK ||
        xs_writer_set_metadata(w, META_BUILT_AT, built_at, &xe) != XS_OK)
        return ps_fail(err, "metadata: %s", xe.message);
    return 0;
}

static int run(const indexer_options *opt, ps_error *err)
{
    fr_stopwords *sw = NULL;
    fr_analyzer *a = NULL;
    xs_writer *w = NULL;
    indexer_counts counts = {0};
    xs_error xe;
    int rc = fr_stopwords_load(opt->stopwords_path, &sw, err);
    if (rc == 0)
        rc = fr_analyzer_new(sw, &a, err);
    if (rc == 0 && xs_writer_open(opt->db_path, XS_CREATE_OR_OVERWRITE, &w, &xe) != XS_OK)
        rc = ps_fail(err, "cannot open %s: %s", opt->db_path, xe.message);
    if (rc == 0)
        rc = index_offres(opt->offres_path, a, w, &counts, err);
    if (rc == 0)
        rc = write_metadata(w, err);
    if (w && xs_writer_close(w, &xe) != XS_OK && rc == 0)
        rc = ps_fail(err, "committing %s: %s", opt->db_path, xe.message);
    if (rc == 0)
        printf("indexer: read %lu, indexed %lu, skipped %lu\n", counts.read, counts.indexed,
               counts.skipped);
    fr_analyzer_free(a);
    fr_stopwords_free(sw);
    return rc;
}

int main(int argc, char **argv)
{
    indexer_options opt;
    int parsed = parse_options(argc, argv, &opt);
    if (parsed != 0) {
        if (parsed < 0)
            usage(stderr);
        return parsed < 0 ? 2 : 0;
    }
    ps_error err;
    if (run(&opt, &err) != 0) {
        fprintf(stderr, "indexer: %s\n", err.message);
        return 1;
    }
    return 0;
}
