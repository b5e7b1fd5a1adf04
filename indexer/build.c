#include "build.h"

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fsutil.h"
#include "isodate.h"
#include "reader.h"
#include "synonyms.h"

/* ---- A bounded queue of parsed records, from the reader to one worker ------------------ */

typedef struct work_item {
    json_t *rec; /* NULL marks the end of input */
    const record_kind *kind;
    const char *path;
    unsigned long line;
} work_item;

enum { QUEUE_SIZE = 512 };

typedef struct work_queue {
    pthread_mutex_t lock;
    pthread_cond_t not_empty, not_full;
    work_item items[QUEUE_SIZE];
    size_t head, count;
} work_queue;

static void queue_init(work_queue *q)
{
    memset(q, 0, sizeof *q);
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    pthread_cond_init(&q->not_full, NULL);
}

static void queue_destroy(work_queue *q)
{
    pthread_mutex_destroy(&q->lock);
    pthread_cond_destroy(&q->not_empty);
    pthread_cond_destroy(&q->not_full);
}

static void queue_push(work_queue *q, work_item item)
{
    pthread_mutex_lock(&q->lock);
    while (q->count == QUEUE_SIZE)
        pthread_cond_wait(&q->not_full, &q->lock);
    q->items[(q->head + q->count++) % QUEUE_SIZE] = item;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
}

static work_item queue_pop(work_queue *q)
{
    pthread_mutex_lock(&q->lock);
    while (q->count == 0)
        pthread_cond_wait(&q->not_empty, &q->lock);
    work_item item = q->items[q->head];
    q->head = (q->head + 1) % QUEUE_SIZE;
    q->count--;
    pthread_cond_signal(&q->not_full);
    pthread_mutex_unlock(&q->lock);
    return item;
}

/* ---- The id terms a worker has written: to count duplicates ------------------------------ */

typedef struct id_set {
    char **slots;
    size_t cap, count;
} id_set;

static uint64_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int id_set_grow(id_set *set)
{
    size_t cap = set->cap ? set->cap * 2 : 1024;
    char **slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < set->cap; i++) {
        if (!set->slots[i])
            continue;
        size_t j = hash_string(set->slots[i]) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
    return 0;
}

/* Adds id; *seen tells whether it was already there. */
static int id_set_add(id_set *set, const char *id, bool *seen)
{
    if ((set->count + 1) * 2 > set->cap && id_set_grow(set) != 0)
        return -1;
    size_t j = hash_string(id) & (set->cap - 1);
    for (; set->slots[j]; j = (j + 1) & (set->cap - 1)) {
        if (strcmp(set->slots[j], id) == 0) {
            *seen = true;
            return 0;
        }
    }
    if (!(set->slots[j] = strdup(id)))
        return -1;
    set->count++;
    *seen = false;
    return 0;
}

static void id_set_free(id_set *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i]);
    free(set->slots);
}

/* ---- Workers ----------------------------------------------------------------------------- */

typedef struct worker {
    pthread_t thread;
    const build_options *opt;
    char shard_path[4096];
    work_queue queue;
    int status; /* 0, or -1 with err */
    ps_error err;
} worker;

static int index_item(worker *w, map_context *ctx, xs_writer *shard, id_set *ids,
                      const work_item *item)
{
    xs_document *doc;
    xs_error xe;
    if (xs_document_new(&doc, &xe) != XS_OK)
        return ps_fail(&w->err, "%s", xe.message);
    char id_term[128];
    ps_error rec_err;
    int rc = 0;
    if (record_to_document(item->kind, item->rec, ctx, doc, id_term, sizeof id_term, &rec_err) !=
        0) {
        const char *id = json_string_value(json_object_get(item->rec, item->kind->id_field));
        report_skip(w->opt->report, item->path, item->line, id, rec_err.message);
    } else if (xs_writer_replace(shard, id_term, doc, &xe) != XS_OK) {
        rc = ps_fail(&w->err, "writing %s: %s", id_term, xe.message);
    } else {
        bool seen;
        if (id_set_add(ids, id_term, &seen) != 0)
            rc = ps_fail(&w->err, "out of memory");
        else
            report_indexed(w->opt->report, seen);
    }
    xs_document_free(doc);
    return rc;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    fr_analyzer *analyzer = NULL;
    xs_writer *shard = NULL;
    id_set ids = {0};
    xs_error xe;
    w->status = fr_analyzer_new(w->opt->stopwords, &analyzer, &w->err);
    if (w->status == 0 && xs_writer_open(w->shard_path, XS_CREATE_SCRATCH, &shard, &xe) !=
                              XS_OK)
        w->status = ps_fail(&w->err, "cannot create shard %s: %s", w->shard_path, xe.message);
    if (w->status == 0)
        fr_set_spelling_writer(analyzer, shard);
    map_context ctx = {analyzer, w->opt->ref, NULL};
    unsigned since_flush = 0;
    for (;;) { /* drain the queue even after a failure, so the reader never blocks */
        work_item item = queue_pop(&w->queue);
        if (!item.rec)
            break;
        if (w->status == 0)
            w->status = index_item(w, &ctx, shard, &ids, &item);
        json_decref(item.rec);
        /* Small batches: Xapian's in-memory postings grow costly long before its default
         * flush at 10,000 documents (measured: docs/indexing.md). */
        if (w->status == 0 && ++since_flush >= w->opt->flush_every) {
            since_flush = 0;
            if (xs_writer_commit(shard, &xe) != XS_OK)
                w->status = ps_fail(&w->err, "committing shard %s: %s", w->shard_path, xe.message);
        }
    }
    if (shard && xs_writer_close(shard, &xe) != XS_OK && w->status == 0)
        w->status = ps_fail(&w->err, "committing shard %s: %s", w->shard_path, xe.message);
    id_set_free(&ids);
    fr_analyzer_free(analyzer);
    return NULL;
}

/* ---- The reader -------------------------------------------------------------------------- */

/* Hands each record to the worker its id hashes to. */
static int dispatch(void *ctx, source_record *r)
{
    const build_options *opt = ((worker *)ctx)->opt;
    worker *w = &((worker *)ctx)[hash_string(r->id) % opt->workers];
    queue_push(&w->queue, (work_item){r->rec, r->kind, r->path, r->line});
    return 0;
}

/* ---- Merging ------------------------------------------------------------------------------ */

static int write_metadata_and_synonyms(const build_options *opt, ps_error *err)
{
    xs_writer *w;
    xs_error xe;
    if (xs_writer_open(opt->out_dir, XS_OPEN, &w, &xe) != XS_OK)
        return ps_fail(err, "cannot reopen %s: %s", opt->out_dir, xe.message);
    int rc = 0;
    char built_at[21];
    isodate_format((int64_t)time(NULL), built_at);
    if (xs_writer_set_metadata(w, META_SCHEMA_VERSION, SCHEMA_VERSION, &xe) != XS_OK ||
        xs_writer_set_metadata(w, META_BUILT_AT, built_at, &xe) != XS_OK)
        rc = ps_fail(err, "metadata: %s", xe.message);
    if (rc == 0 && opt->acronymes_path)
        rc = synonyms_load_into(opt->acronymes_path, w, err);
    if (xs_writer_close(w, &xe) != XS_OK && rc == 0)
        rc = ps_fail(err, "committing %s: %s", opt->out_dir, xe.message);
    return rc;
}

int build_index(const build_options *opt, ps_error *err)
{
    if (opt->workers == 0 || opt->workers > BUILD_MAX_WORKERS)
        return ps_fail(err, "workers must be from 1 to %d", BUILD_MAX_WORKERS);
    if (fs_mkdirs(opt->work_dir, err) != 0)
        return -1;
    json_object_seed(0); /* before threads: jansson's hash seed is process-wide */
    worker *workers = calloc(opt->workers, sizeof *workers);
    if (!workers)
        return ps_fail(err, "out of memory");
    unsigned started = 0;
    int rc = 0;
    for (; started < opt->workers; started++) {
        worker *w = &workers[started];
        w->opt = opt;
        snprintf(w->shard_path, sizeof w->shard_path, "%s/shard-%u", opt->work_dir, started);
        queue_init(&w->queue);
        if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
            queue_destroy(&w->queue);
            rc = ps_fail(err, "cannot start worker thread %u", started);
            break;
        }
    }
    if (rc == 0)
        rc = read_records(opt->inputs, opt->n_inputs, opt->report, dispatch, workers, err);
    for (unsigned i = 0; i < started; i++) {
        queue_push(&workers[i].queue, (work_item){0});
        pthread_join(workers[i].thread, NULL);
        queue_destroy(&workers[i].queue);
        if (workers[i].status != 0 && rc == 0)
            rc = ps_fail(err, "%s", workers[i].err.message);
    }
    const char *shards[BUILD_MAX_WORKERS];
    for (unsigned i = 0; i < started; i++)
        shards[i] = workers[i].shard_path;
    xs_error xe;
    if (rc == 0 && xs_compact(shards, started, opt->out_dir, &xe) != XS_OK)
        rc = ps_fail(err, "merging shards into %s: %s", opt->out_dir, xe.message);
    if (rc == 0)
        rc = write_metadata_and_synonyms(opt, err);
    free(workers);
    ps_error cleanup_err;
    if (fs_remove_tree(opt->work_dir, &cleanup_err) != 0 && rc == 0)
        rc = ps_fail(err, "%s", cleanup_err.message);
    return rc;
}
