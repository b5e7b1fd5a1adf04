/* indexer: builds the search index from JSON Lines files of offers, training actions and
 * fiches métiers, and publishes it for searchd. Options, then one of two runs:
 *   - a full build (build.c) into a new generation, published atomically (generation.c);
 *   - an incremental run (incremental.c) upserting and deleting in the current generation. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "francetravail.h"
#include "fsutil.h"
#include "generation.h"
#include "incremental.h"

/* Exit statuses, documented in --help and docs/indexing.md for cron. */
enum {
    EXIT_OK = 0,
    EXIT_FAILED = 1,       /* a source, the disk or Xapian failed: nothing published */
    EXIT_USAGE = 2,
    EXIT_TOO_MANY_BAD = 3, /* skipped records above --max-skipped: nothing published */
    EXIT_LOCKED = 4        /* --no-wait and another run holds the index */
};

typedef struct indexer_options {
    const char *index_path;
    build_input inputs[DOC_TYPE_COUNT];
    size_t n_inputs;
    const char *referentiels_dir;
    const char *acronymes_path;
    const char *stopwords_path;
    const char *delete_offres_path;
    const char *fetch_path;       /* --fetch-francetravail: write offers there and stop */
    const char *departements;     /* --departements: comma-separated, for the fetch */
    unsigned workers, keep, flush_every;
    double max_skipped;
    bool incremental, wait, progress;
} indexer_options;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: indexer --index DIR [--offres F] [--formations F] [--fiches F] [options]\n"
            "\n"
            "Builds the search index in DIR from JSON Lines files: offers in the France Travail\n"
            "\"Offres d'emploi v2\" shape, LHEO training actions, ROME fiches métiers. A full\n"
            "build writes a new generation DIR/generations/N and switches DIR/current to it\n"
            "atomically once it is complete; searchd serves DIR/current.\n"
            "\n"
            "  --index DIR          the index root (created if needed)\n"
            "  --offres FILE        job offers\n"
            "  --formations FILE    training actions\n"
            "  --fiches FILE        fiches métiers\n"
            "  --incremental        upsert the given records into the current generation\n"
            "                       instead of building a new one (visible to searchd at once)\n"
            "  --delete-offres FILE with --incremental: offer ids to delete, one per line\n"
            "  --referentiels DIR   communes, départements, régions, métiers (default %s)\n"
            "  --acronymes FILE     acronyms to store as synonyms (default DIR/acronymes.tsv of\n"
            "                       the référentiels, when it exists)\n"
            "  --stopwords FILE     French stop words (default %s)\n"
            "  --workers N          analysis threads for a full build (default: CPUs, max %d)\n"
            "  --keep N             generations kept on disk, the current one included (default 3)\n"
            "  --flush-every N      documents per shard between commits (default 250)\n"
            "  --max-skipped R      fail when more than this share of records is bad (default 0.01)\n"
            "  --no-wait            exit at once with status 4 if another run holds the index\n"
            "                       (the default is to wait for it)\n"
            "  --quiet              no progress line, even on a terminal\n"
            "  --fetch-francetravail FILE\n"
            "                       instead of indexing, fetch the offers of the France Travail\n"
            "                       API into FILE (JSON Lines, replaced atomically); credentials\n"
            "                       from FT_CLIENT_ID and FT_CLIENT_SECRET, filters from FT_QUERY\n"
            "                       (e.g. codeROME=J1501,J1506), endpoints from FT_TOKEN_URL and\n"
            "                       FT_API_BASE (see docs/ingestion.md)\n"
            "  --departements L     with --fetch-francetravail: these départements only\n"
            "  --help               this text\n"
            "\n"
            "Bad records are reported on stderr as FILE:LINE: ID: reason and skipped; a summary\n"
            "ends every run. Exit status: 0 published; 1 failure (source, disk, Xapian), nothing\n"
            "published; 2 usage error; 3 too many bad records, nothing published; 4 index locked\n"
            "by another run (--no-wait).\n",
            PS_DEFAULT_REFERENTIELS, PS_DEFAULT_STOPWORDS, BUILD_MAX_WORKERS);
}

static int parse_unsigned(const char *s, unsigned min, unsigned max, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (!*s || *end || errno || v < min || v > max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int add_input(indexer_options *opt, doc_type type, const char *path)
{
    for (size_t i = 0; i < opt->n_inputs; i++)
        if (opt->inputs[i].type == type)
            return -1; /* one file per collection */
    opt->inputs[opt->n_inputs++] = (build_input){type, path};
    return 0;
}

static unsigned default_workers(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > BUILD_MAX_WORKERS ? BUILD_MAX_WORKERS : (unsigned)n;
}

/* Returns 0 to run, 1 when --help was printed, -1 on a usage error. */
static int parse_options(int argc, char **argv, indexer_options *opt)
{
    *opt = (indexer_options){.referentiels_dir = PS_DEFAULT_REFERENTIELS,
                             .stopwords_path = PS_DEFAULT_STOPWORDS,
                             .workers = default_workers(),
                             .keep = 3,
                             .flush_every = 250,
                             .max_skipped = 0.01,
                             .wait = true,
                             .progress = isatty(STDERR_FILENO)};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int ok = 1, takes_value = 1;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 1;
        } else if (strcmp(a, "--incremental") == 0) {
            opt->incremental = true, takes_value = 0;
        } else if (strcmp(a, "--no-wait") == 0) {
            opt->wait = false, takes_value = 0;
        } else if (strcmp(a, "--quiet") == 0) {
            opt->progress = false, takes_value = 0;
        } else if (!v) {
            ok = 0;
        } else if (strcmp(a, "--index") == 0) {
            opt->index_path = v;
        } else if (strcmp(a, "--offres") == 0) {
            ok = add_input(opt, DOC_OFFRE, v) == 0;
        } else if (strcmp(a, "--formations") == 0) {
            ok = add_input(opt, DOC_FORMATION, v) == 0;
        } else if (strcmp(a, "--fiches") == 0) {
            ok = add_input(opt, DOC_METIER, v) == 0;
        } else if (strcmp(a, "--fetch-francetravail") == 0) {
            opt->fetch_path = v;
        } else if (strcmp(a, "--departements") == 0) {
            opt->departements = v;
        } else if (strcmp(a, "--delete-offres") == 0) {
            opt->delete_offres_path = v;
        } else if (strcmp(a, "--referentiels") == 0) {
            opt->referentiels_dir = v;
        } else if (strcmp(a, "--acronymes") == 0) {
            opt->acronymes_path = v;
        } else if (strcmp(a, "--stopwords") == 0) {
            opt->stopwords_path = v;
        } else if (strcmp(a, "--workers") == 0) {
            ok = parse_unsigned(v, 1, BUILD_MAX_WORKERS, &opt->workers) == 0;
        } else if (strcmp(a, "--flush-every") == 0) {
            ok = parse_unsigned(v, 1, 1000000, &opt->flush_every) == 0;
        } else if (strcmp(a, "--keep") == 0) {
            ok = parse_unsigned(v, 1, 1000, &opt->keep) == 0;
        } else if (strcmp(a, "--max-skipped") == 0) {
            char *end;
            opt->max_skipped = strtod(v, &end);
            ok = *v && !*end && opt->max_skipped >= 0 && opt->max_skipped <= 1;
        } else {
            fprintf(stderr, "indexer: unknown option %s\n", a);
            return -1;
        }
        if (!ok) {
            fprintf(stderr, "indexer: %s needs a valid value\n", a);
            return -1;
        }
        i += takes_value;
    }
    if (opt->fetch_path)
        return 0;
    if (!opt->index_path || (opt->n_inputs == 0 && !opt->delete_offres_path)) {
        fprintf(stderr, "indexer: --index and at least one input are required\n");
        return -1;
    }
    if (opt->delete_offres_path && !opt->incremental) {
        fprintf(stderr, "indexer: --delete-offres goes with --incremental\n");
        return -1;
    }
    return 0;
}

/* The acronyms file: the one given, else the référentiels' when present, else none. */
static const char *acronymes_path(const indexer_options *opt, char *buf, size_t cap)
{
    if (opt->acronymes_path)
        return opt->acronymes_path;
    snprintf(buf, cap, "%s/acronymes.tsv", opt->referentiels_dir);
    return access(buf, R_OK) == 0 ? buf : NULL;
}

static int full_build(const indexer_options *opt, index_root *root, fr_stopwords *sw,
                      referentiel *ref, run_report *report, ps_error *err)
{
    char gen_path[4096], work[4096], acronymes[4096];
    unsigned long gen = generation_next(root, gen_path, sizeof gen_path);
    snprintf(work, sizeof work, "%s/work", root->path);
    build_options bo = {.inputs = opt->inputs,
                        .n_inputs = opt->n_inputs,
                        .out_dir = gen_path,
                        .work_dir = work,
                        .workers = opt->workers,
                        .flush_every = opt->flush_every,
                        .stopwords = sw,
                        .ref = ref,
                        .acronymes_path = acronymes_path(opt, acronymes, sizeof acronymes),
                        .report = report};
    if (build_index(&bo, err) != 0)
        return EXIT_FAILED;
    if (report_skip_ratio(report) > opt->max_skipped) {
        ps_fail(err, "%.2f%% of the records were bad (limit %.2f%%): generation %lu not published",
                100 * report_skip_ratio(report), 100 * opt->max_skipped, gen);
        ps_error cleanup_err;
        if (fs_remove_tree(gen_path, &cleanup_err) != 0)
            fprintf(stderr, "indexer: %s\n", cleanup_err.message);
        return EXIT_TOO_MANY_BAD;
    }
    if (generation_publish(root, gen, opt->keep, err) != 0)
        return EXIT_FAILED;
    printf("indexer: published generation %lu\n", gen);
    return EXIT_OK;
}

static int incremental_run(const indexer_options *opt, index_root *root, fr_stopwords *sw,
                           referentiel *ref, run_report *report, ps_error *err)
{
    char gen_path[4096];
    unsigned long gen = generation_current(root, gen_path, sizeof gen_path);
    if (!gen)
        return ps_fail(err, "no published generation in %s: run a full build first",
                       root->path), EXIT_FAILED;
    incremental_options io = {.db_path = gen_path,
                              .inputs = opt->inputs,
                              .n_inputs = opt->n_inputs,
                              .delete_offres_path = opt->delete_offres_path,
                              .stopwords = sw,
                              .ref = ref,
                              .report = report,
                              .max_skipped = opt->max_skipped};
    int rc = incremental_update(&io, err);
    if (rc == INCREMENTAL_TOO_MANY_BAD)
        return EXIT_TOO_MANY_BAD;
    if (rc != 0)
        return EXIT_FAILED;
    printf("indexer: updated generation %lu\n", gen);
    return EXIT_OK;
}

static int run(const indexer_options *opt, ps_error *err)
{
    index_root root;
    lock_result lr = index_root_lock(&root, opt->index_path, opt->wait, err);
    if (lr != LOCK_TAKEN)
        return lr == LOCK_BUSY ? EXIT_LOCKED : EXIT_FAILED;
    fr_stopwords *sw = NULL;
    referentiel *ref = NULL;
    run_report report;
    report_init(&report, stderr, opt->progress);
    int status = EXIT_FAILED;
    if (index_root_clean(&root, err) == 0 &&
        fr_stopwords_load(opt->stopwords_path, &sw, err) == 0 &&
        referentiel_load(opt->referentiels_dir, &ref, err) == 0)
        status = opt->incremental ? incremental_run(opt, &root, sw, ref, &report, err)
                                  : full_build(opt, &root, sw, ref, &report, err);
    report_summary(&report, stdout);
    report_destroy(&report);
    referentiel_free(ref);
    fr_stopwords_free(sw);
    index_root_unlock(&root);
    return status;
}

static int write_offer(void *ctx, json_t *offer)
{
    FILE *out = ctx;
    return json_dumpf(offer, out, JSON_COMPACT | JSON_ENSURE_ASCII) == 0 && fputc('\n', out) != EOF
               ? 0
               : -1;
}

/* --fetch-francetravail: the API's offers into a file, written beside it then renamed. */
static int fetch(const indexer_options *opt, ps_error *err)
{
    ft_config cfg;
    if (ft_config_from_env(&cfg, err) != 0)
        return EXIT_USAGE;
    char *list = NULL;
    const char *deps[128];
    if (opt->departements) {
        list = strdup(opt->departements);
        char *save = NULL;
        cfg.n_departements = 0;
        for (char *d = strtok_r(list, ",", &save); d && cfg.n_departements < 128;
             d = strtok_r(NULL, ",", &save))
            deps[cfg.n_departements++] = d;
        cfg.departements = deps;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.part", opt->fetch_path);
    FILE *out = fopen(tmp, "w");
    int status = EXIT_OK;
    ft_stats stats;
    if (!out) {
        ps_fail(err, "cannot write %s: %s", tmp, strerror(errno));
        status = EXIT_FAILED;
    } else {
        int rc = ft_fetch_offers(&cfg, write_offer, out, &stats, err);
        if (fclose(out) != 0 && rc == 0)
            rc = ps_fail(err, "cannot write %s", tmp);
        if (rc == 0 && rename(tmp, opt->fetch_path) != 0)
            rc = ps_fail(err, "cannot rename %s: %s", tmp, strerror(errno));
        if (rc != 0)
            unlink(tmp);
        status = rc == 0 ? EXIT_OK : EXIT_FAILED;
        printf("indexer: fetched %llu offers in %llu requests (%llu tokens; retries: %llu rate "
               "limited, %llu server errors, %llu timeouts, %llu malformed)\n",
               (unsigned long long)stats.offers, (unsigned long long)stats.requests,
               (unsigned long long)stats.tokens, (unsigned long long)stats.retries_rate_limited,
               (unsigned long long)stats.retries_server, (unsigned long long)stats.retries_timeout,
               (unsigned long long)stats.retries_malformed);
    }
    free(list);
    return status;
}

int main(int argc, char **argv)
{
    indexer_options opt;
    int parsed = parse_options(argc, argv, &opt);
    if (parsed != 0) {
        if (parsed < 0)
            usage(stderr);
        return parsed < 0 ? EXIT_USAGE : EXIT_OK;
    }
    ps_error err = {""};
    int status = opt.fetch_path ? fetch(&opt, &err) : run(&opt, &err);
    if (status != EXIT_OK)
        fprintf(stderr, "indexer: %s\n", err.message);
    return status;
}
