#include "search.h"

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "columns.h"
#include "filter.h"
#include "jsonout.h"
#include "matchlist.h"
#include "popcnt.h"
#include "reply.h"
#include "textquery.h"
#include "topk.h"
#include "valuesets.h"
#include "xapian/xs.h"

/* Memory for what a searcher (so a thread) remembers, in three caches so that what is cheap
 * to lose never pushes out what is dear to recompute: nearly every request of a realistic
 * mix is new, and one cache of everything lost its words' lists (a Xapian match of 1-20 ms
 * each) to the stream of replies and texts seen once (a third of searchd's CPU went to
 * matching words again). Words are a few thousand lists that every text reuses. */
enum {
    WORDS_BUDGET = 96 << 20,  /* the leaves' match lists (textplan.h), and words seen once */
    TEXTS_BUDGET = 48 << 20,  /* whole texts' match lists, with their unfiltered counts */
    REPLIES_BUDGET = 16 << 20 /* finished replies: the most asked-for queries */
};

struct searcher {
    xs_database *db;
    fr_analyzer *analyzer;
    xs_qparser *qp;
    xs_enquire *enquire;
    columns *columns;
    acronyms *acronyms;
    lru_cache *words;   /* of this generation and revision (see WORDS_BUDGET) */
    lru_cache *texts;
    lru_cache *replies;
    term_freqs *freqs;  /* of this generation and revision */
    hit_cache *hits;    /* stored records shown, shared through the shelf */
    hit_cache_shelf *shelf; /* NULL: the searcher keeps its records to itself */
    char *db_path;
    facet_counts everything; /* every facet over every document: unfiltered browsing */
    value_sets *sets;   /* the documents of each facet value, as bit sets */
    size_t warm_next;   /* the next référentiel text to warm (searcher_warm) */
    uint32_t warm_record_start, warm_records_done; /* the stored records warmed */
    uint64_t *scratch;  /* a request's bit sets (set_scratch_words), then a list's */
    const fr_stopwords *stopwords;
    const referentiel *ref;
};

/* ---- Opening ----------------------------------------------------------------------------- */

static int check_schema(searcher *s, const char *db_path, ps_error *err)
{
    char version[32];
    xs_error xe;
    if (xs_database_get_metadata(s->db, META_SCHEMA_VERSION, version, sizeof version, &xe) !=
        XS_OK)
        return ps_fail(err, "index %s: %s", db_path, xe.message);
    if (strcmp(version, SCHEMA_VERSION) != 0)
        return ps_fail(err, "index %s has schema version \"%s\", this searchd reads \"%s\"",
                       db_path, version, SCHEMA_VERSION);
    return 0;
}

/* What is derived from the index's content: reloaded after each commit. */
static int load_derived(searcher *s, ps_error *err)
{
    columns *c = NULL;
    acronyms *a = NULL;
    value_sets *sets = NULL;
    uint64_t *scratch = NULL;
    facet_counts everything = {0};
    int rc = columns_load(s->db, &c, err);
    if (rc == 0)
        rc = acronyms_load(s->db, &a, err);
    if (rc == 0)
        rc = facet_counts_init(&everything, c, err);
    if (rc == 0)
        rc = value_sets_build(c, &sets, err);
    /* a request's sets, then a short match list's as a set */
    if (rc == 0 &&
        !(scratch = malloc((set_scratch_words(sets) + sets->words) * sizeof *scratch)))
        rc = ps_fail(err, "out of memory");
    if (rc != 0) {
        columns_free(c);
        acronyms_free(a);
        facet_counts_free(&everything);
        value_sets_free(sets);
        free(scratch);
        return -1;
    }
    for (uint32_t docid = 1; docid < c->count; docid++)
        if (c->rows[docid].present)
            facet_counts_add(&everything, &c->rows[docid], 0, ~0u);
    columns_free(s->columns);
    acronyms_free(s->acronyms);
    facet_counts_free(&s->everything);
    value_sets_free(s->sets);
    free(s->scratch);
    s->columns = c;
    s->acronyms = a;
    s->everything = everything;
    s->sets = sets;
    s->scratch = scratch;
    lru_clear(s->words);
    lru_clear(s->texts);
    lru_clear(s->replies);
    term_freqs_clear(s->freqs);
    s->warm_next = 0;
    s->warm_records_done = 0;
    return 0;
}

/* The records of the revision now read: the ones other workers reading it have fetched. The
 * key is the generation's path, the database's UUID and the revision; without it (the
 * revision cannot be read), a cache of this searcher's own. */
static int take_hit_cache(searcher *s, ps_error *err)
{
    uint64_t revision = 0;
    char uuid[64];
    xs_error xe;
    hit_cache *hits = NULL;
    if (s->shelf && xs_database_revision(s->db, &revision, uuid, sizeof uuid, &xe) == XS_OK) {
        char key[PATH_MAX + 96];
        snprintf(key, sizeof key, "%s@%s@%" PRIu64, s->db_path, uuid, revision);
        hits = hit_cache_shelf_take(s->shelf, key, s->columns->count);
    } else {
        hits = hit_cache_new(s->columns->count);
    }
    hit_cache_unref(s->hits); /* never a cache of another revision: its records may be stale */
    s->hits = hits;
    return hits ? 0 : ps_fail(err, "out of memory for the hit cache");
}

int searcher_open(const char *db_path, const fr_stopwords *sw, const referentiel *ref,
                  hit_cache_shelf *shelf, searcher **out, ps_error *err)
{
    searcher *s = calloc(1, sizeof *s);
    if (!s)
        return ps_fail(err, "out of memory");
    s->stopwords = sw;
    s->ref = ref;
    s->shelf = shelf;
    xs_error xe;
    int rc = 0;
    if (!(s->words = lru_new(WORDS_BUDGET)) || !(s->texts = lru_new(TEXTS_BUDGET)) ||
        !(s->replies = lru_new(REPLIES_BUDGET)) || !(s->freqs = term_freqs_new()) ||
        !(s->db_path = strdup(db_path)))
        rc = ps_fail(err, "out of memory");
    if (rc == 0 && xs_database_open(db_path, &s->db, &xe) != XS_OK)
        rc = ps_fail(err, "cannot open index %s: %s", db_path, xe.message);
    if (rc == 0)
        rc = check_schema(s, db_path, err);
    if (rc == 0)
        rc = fr_analyzer_new(sw, &s->analyzer, err);
    if (rc == 0)
        rc = fr_qparser_new(s->analyzer, s->db, &s->qp, err);
    if (rc == 0 && xs_enquire_new(s->db, &s->enquire, &xe) != XS_OK)
        rc = ps_fail(err, "%s", xe.message);
    if (rc == 0)
        rc = load_derived(s, err);
    if (rc == 0)
        rc = take_hit_cache(s, err);
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
    columns_free(s->columns);
    acronyms_free(s->acronyms);
    lru_free(s->words);
    lru_free(s->texts);
    lru_free(s->replies);
    term_freqs_free(s->freqs);
    hit_cache_unref(s->hits);
    free(s->db_path);
    facet_counts_free(&s->everything);
    value_sets_free(s->sets);
    free(s->scratch);
    xs_enquire_free(s->enquire);
    xs_qparser_free(s->qp);
    fr_analyzer_free(s->analyzer);
    xs_database_free(s->db);
    free(s);
}

int searcher_refresh(searcher *s, ps_error *err)
{
    bool changed = false;
    xs_error xe;
    if (xs_database_reopen(s->db, &changed, &xe) != XS_OK)
        return ps_fail(err, "reopening the index: %s", xe.message);
    return changed && (load_derived(s, err) != 0 || take_hit_cache(s, err) != 0) ? -1 : 0;
}

/* ---- Matching ---------------------------------------------------------------------------- */

typedef struct run_state {
    const searcher *s;
    const search_request *req;
    sort_order sort;    /* req's, or by date when the text has no word to weigh (only stop words) */
    int64_t now;        /* the reference time (seconds): dates sort by their distance from it */
    compiled_filter filter;
    facet_counts facets;
    topk best;          /* the first offset + limit hits of the requested order */
    float max_weight;   /* of the text matches, for scores relative to the best */
    uint32_t text_matches; /* documents the text matched, before any filter */
} run_state;

/* Smaller is better: a higher weight, a date nearer now (date_walk), a nearer place. */
static double sort_key(const run_state *st, uint32_t docid, float weight)
{
    const columns *c = st->s->columns;
    switch (st->sort) {
    case SORT_PERTINENCE: return -(double)weight;
    case SORT_DISTANCE: {
        uint32_t p = c->point_of[docid];
        if (p == COLUMNS_NO_POINT)
            return INFINITY;
        const point_run *r = &c->runs[p];
        return chord2(st->filter.cx, st->filter.cy, st->filter.cz, r->x, r->y, r->z);
    }
    case SORT_DATE: break;
    }
    return (double)columns_date_distance(c, docid, st->now);
}

/* Whether the radius's grid cells hold fewer documents than there are candidates (then the
 * cells are read rather than each candidate tested), unless the radius spans the globe. */
static bool cells_first(const run_state *st, uint32_t candidates)
{
    const compiled_filter *f = &st->filter;
    if (!(f->active & 1u << DIM_GEO) || f->commune_only || f->lon_max - f->lon_min >= 60)
        return false;
    int32_t y0 = columns_grid_index(f->lat_min), y1 = columns_grid_index(f->lat_max);
    int32_t x0 = columns_grid_index(f->lon_min), x1 = columns_grid_index(f->lon_max);
    uint32_t total = 0;
    for (int32_t y = y0; y <= y1 && total < candidates; y++)
        for (int32_t x = x0; x <= x1; x++) {
            const uint32_t *docids;
            total += columns_cell(st->s->columns, y, x, &docids);
        }
    return total < candidates;
}

typedef struct ranking {
    run_state *st;
    const match_list *weights; /* the text's matches, or NULL (weight 0) */
} ranking;

WITH_POPCNT static void rank_accepted(void *ctx, uint32_t docid)
{
    ranking *r = ctx;
    float weight = 0;
    if (r->weights)
        match_list_find(r->weights, docid, &weight);
    topk_push(&r->st->best, sort_key(r->st, docid, weight), docid);
}

/* Filters, disjunctive counts and the top-k over candidates (a text's sealed matches, or NULL
 * for every document), with bit sets (valuesets.h). */
static void run_sets(run_state *st, searcher *s, const match_list *l)
{
    const columns *c = s->columns;
    const uint64_t *candidates = l ? l->bits : NULL;
    if (l && !candidates) { /* a short list has no bit set of its own */
        uint64_t *set = s->scratch + set_scratch_words(s->sets);
        memset(set, 0, s->sets->words * sizeof *set);
        for (uint32_t i = 0; i < l->count && l->docids[i] < c->count; i++)
            set[l->docids[i] >> 6] |= 1ULL << (l->docids[i] & 63);
        candidates = set;
    }
    set_filter sf;
    set_filter_build(&sf, s->scratch, s->sets, c, &st->filter, candidates,
                     cells_first(st, l ? l->count : c->documents));
    set_filter_count(&sf, s->sets, c, &st->facets, st->req->facets);
    ranking r = {st, l};
    /* by date: walking the dates finds the k nearest accepted after about k * n / accepted
     * documents, cheaper than ranking every accepted one when they are many */
    if (st->sort == SORT_DATE && sf.accepted_count &&
        (uint64_t)st->best.k * c->n_by_date / sf.accepted_count < sf.accepted_count) {
        date_walk w;
        uint32_t docid;
        date_walk_start(&w, c, st->now);
        while (st->best.count < st->best.k && date_walk_next(&w, &docid))
            if (set_has(sf.accepted, docid))
                rank_accepted(&r, docid);
        return;
    }
    set_filter_each(&sf, rank_accepted, &r);
}

/* No text: every document newest first (precomputed counts), or the sets. */
static void run_browse(run_state *st, searcher *s)
{
    const columns *c = s->columns;
    if (!st->filter.active && st->sort == SORT_DATE) {
        facet_counts_copy(&st->facets, &s->everything, st->req->facets);
        date_walk w;
        uint32_t docid;
        date_walk_start(&w, c, st->now);
        while (st->best.count < st->best.k && date_walk_next(&w, &docid))
            topk_push(&st->best, (double)columns_date_distance(c, docid, st->now), docid);
        return;
    }
    run_sets(st, s, NULL);
}

static void collect_match(void *arg, uint32_t docid, double weight)
{
    match_list *l = arg;
    if (match_list_add(l, docid, weight) != 0)
        l->max_weight = -1; /* out of memory: reported after the match */
}

static void free_match_list(void *value)
{
    match_list *l = value;
    if (l->all) {
        facet_counts_free(l->all);
        free(l->all);
    }
    match_list_free(l);
    free(l);
}

/* The second time the words come without filters (one-off queries are the majority, and a
 * scan is cheaper than the sort): every facet counted over every match, and the matches
 * ordered by weight, kept with the list so that every later time costs a copy and a page.
 * False to scan instead. Only cached lists get here, and each worker has its own cache, so the
 * list is this thread's to complete. */
static bool unfiltered_summary(const searcher *s, match_list *l)
{
    if (l->all)
        return true;
    if (++l->unfiltered_uses < 2)
        return false;
    const columns *c = s->columns;
    if (match_list_order_by_weight(l) != 0)
        return false;
    facet_counts *all = malloc(sizeof *all);
    ps_error ignored;
    if (!all || facet_counts_init(all, c, &ignored) != 0) {
        free(all);
        return false;
    }
    for (uint32_t i = 0; i < l->count; i++)
        if (l->docids[i] < c->count && c->rows[l->docids[i]].present)
            facet_counts_add(all, &c->rows[l->docids[i]], 0, ~0u);
    l->all = all;
    return true;
}

/* Every document query matches, with its weight, into l (empty): one Xapian match over the
 * whole index, retried once if the index moved underneath. */
static int xapian_matches(searcher *s, const xs_query *query, match_list *l, ps_error *err)
{
    uint32_t check_all = xs_database_doccount(s->db) + 1;
    xs_error xe;
    xs_status st = XS_ERROR;
    for (int attempt = 0; attempt < 2; attempt++) {
        match_list_free(l);
        xs_mset *m = NULL;
        st = xs_enquire_run(s->enquire, query, 0, 1, check_all, collect_match, l, &m, &xe);
        xs_mset_free(m);
        if (st != XS_MODIFIED || xs_database_reopen(s->db, NULL, &xe) != XS_OK)
            break;
    }
    if (st != XS_OK)
        return ps_fail(err, "search: %s", xe.message);
    if (l->max_weight < 0)
        return ps_fail(err, "out of memory collecting matches");
    return 0;
}

/* A leaf's matches: a term's or a parsed query's from Xapian, or every document. */
static int leaf_matches(searcher *s, const plan *leaf, match_list *l, ps_error *err)
{
    if (plan_kind_of(leaf) == PLAN_QUERY)
        return xapian_matches(s, plan_query_of(leaf), l, err);
    if (plan_kind_of(leaf) == PLAN_TERM) {
        xs_query *q;
        xs_error xe;
        if (xs_query_term(plan_term_of(leaf), &q, &xe) != XS_OK)
            return ps_fail(err, "%s", xe.message);
        int rc = xapian_matches(s, q, l, err);
        xs_query_free(q);
        return rc;
    }
    const columns *c = s->columns; /* PLAN_ALL */
    for (uint32_t docid = 1; docid < c->count; docid++)
        if (c->rows[docid].present && match_list_add(l, docid, 0) != 0)
            return ps_fail(err, "out of memory");
    return 0;
}

/* A leaf's matches, sealed (match_list_seal), in a list the caller owns; NULL on failure. */
static match_list *sealed_leaf(searcher *s, const plan *leaf, ps_error *err)
{
    match_list *l = calloc(1, sizeof *l);
    int rc = l ? leaf_matches(s, leaf, l, err) : ps_fail(err, "out of memory");
    if (rc == 0 && match_list_seal(l, s->columns->count) != 0)
        rc = ps_fail(err, "out of memory");
    if (rc != 0 && l) {
        match_list_free(l);
        free(l);
    }
    return rc == 0 ? l : NULL;
}

/* The cache key of a plan's matches ("m:" and its description); false when it has none. */
static bool plan_key(const plan *p, strbuf *key)
{
    return strbuf_puts(key, "m:") == 0 && plan_describe(p, key) == 0;
}

/* Leaves matched during one evaluation: they join the cache once it is over, so that no list
 * the evaluation borrowed from the cache is evicted under it. */
enum { MAX_FRESH_LEAVES = 128 };
typedef struct leaf_source {
    searcher *s;
    strbuf keys[MAX_FRESH_LEAVES];
    match_list *lists[MAX_FRESH_LEAVES];
    size_t n;
} leaf_source;

static const match_list *leaf_list(void *ctx, const plan *leaf, ps_error *err)
{
    leaf_source *src = ctx;
    strbuf key = STRBUF_INIT;
    if (!plan_key(leaf, &key)) {
        strbuf_free(&key);
        return ps_fail(err, "out of memory"), NULL;
    }
    const match_list *l = lru_get(src->s->words, key.data);
    for (size_t i = 0; !l && i < src->n; i++)
        if (strcmp(src->keys[i].data, key.data) == 0)
            l = src->lists[i];
    if (l) {
        strbuf_free(&key);
        return l;
    }
    match_list *fresh = src->n < MAX_FRESH_LEAVES ? sealed_leaf(src->s, leaf, err) : NULL;
    if (!fresh) {
        if (src->n == MAX_FRESH_LEAVES)
            ps_fail(err, "too many words");
        strbuf_free(&key);
        return NULL;
    }
    src->keys[src->n] = key;
    src->lists[src->n++] = fresh;
    return fresh;
}

/* Offers the fresh leaves to the cache (it may refuse one: then it is freed). */
static void keep_leaves(leaf_source *src)
{
    for (size_t i = 0; i < src->n; i++) {
        if (!lru_put(src->s->words, src->keys[i].data, src->lists[i],
                     match_list_bytes(src->lists[i]), free_match_list))
            free_match_list(src->lists[i]);
        strbuf_free(&src->keys[i]);
    }
    src->n = 0;
}

/* Whether every leaf of a plan may be merged: cached, cheap to match (a word in few documents,
 * a misspelt one in none), or seen before. A common word seen for the first time is matched
 * within its text instead, where Xapian's AND skips through its postings (a few ms); one that
 * comes back is worth its full list (10-20 ms), after which its texts cost merges. The words
 * of métier names and acronyms are matched ahead of requests (searcher_warm). */
enum { CHEAP_LEAF_DOCUMENTS = 8000 };

typedef struct leaf_check {
    searcher *s;
    bool all_ready;
} leaf_check;

static void check_leaf(void *ctx, const plan *leaf)
{
    leaf_check *lc = ctx;
    strbuf key = STRBUF_INIT;
    if (!plan_key(leaf, &key)) {
        lc->all_ready = false;
    } else if (lru_get(lc->s->words, key.data)) {
        /* matched already */
    } else if (plan_kind_of(leaf) == PLAN_TERM &&
               term_freqs_get(lc->s->freqs, lc->s->db, plan_term_of(leaf)) <=
                   CHEAP_LEAF_DOCUMENTS) {
        /* merged as soon as needed */
    } else {
        key.data[0] = 's'; /* "s:": seen once */
        if (!lru_get(lc->s->words, key.data)) {
            lc->all_ready = false;
            char *marker = malloc(1);
            if (marker && !lru_put(lc->s->words, key.data, marker, key.len + 64, free))
                free(marker);
        }
    }
    strbuf_free(&key);
}

/* One Xapian match of the whole plan. */
static int whole_plan_matches(searcher *s, const plan *p, match_list *l, ps_error *err)
{
    xs_query *q;
    xs_error xe;
    if (plan_to_query(p, &q, &xe) != XS_OK)
        return ps_fail(err, "%s", xe.message);
    int rc = xapian_matches(s, q, l, err);
    xs_query_free(q);
    return rc;
}

/* Every document the text matches, with its weight: from the cache, or merged from its
 * leaves' lists (textplan.h), or from one Xapian match while some word is new. *own receives
 * a list the cache could not keep; the caller frees it. */
static match_list *text_matches(searcher *s, const text_query *tq, match_list **own,
                                ps_error *err)
{
    plan_kind kind = plan_kind_of(tq->plan);
    bool leaf = kind == PLAN_TERM || kind == PLAN_QUERY || kind == PLAN_ALL;
    lru_cache *cache = leaf ? s->words : s->texts; /* a one-word text is that word's list */
    strbuf key = STRBUF_INIT;
    bool keyed = plan_key(tq->plan, &key);
    match_list *cached = keyed ? lru_get(cache, key.data) : NULL;
    if (cached) {
        strbuf_free(&key);
        return cached;
    }
    leaf_source src = {.s = s};
    match_list *l = calloc(1, sizeof *l);
    int rc;
    if (!l) {
        rc = ps_fail(err, "out of memory");
    } else if (leaf) {
        rc = leaf_matches(s, tq->plan, l, err);
    } else {
        leaf_check lc = {s, true};
        plan_each_leaf(tq->plan, check_leaf, &lc);
        rc = lc.all_ready ? plan_evaluate(tq->plan, leaf_list, &src, l, err)
                          : whole_plan_matches(s, tq->plan, l, err);
    }
    if (rc == 0 && match_list_seal(l, s->columns->count) != 0)
        rc = ps_fail(err, "out of memory");
    keep_leaves(&src);
    if (rc != 0) {
        if (l)
            free_match_list(l);
        strbuf_free(&key);
        return NULL;
    }
    bool kept = keyed && lru_put(cache, key.data, l, match_list_bytes(l), free_match_list);
    strbuf_free(&key);
    if (!kept)
        *own = l;
    return l;
}

static int run_text(run_state *st, searcher *s, const text_query *tq, ps_error *err)
{
    match_list *own = NULL;
    match_list *l = text_matches(s, tq, &own, err);
    st->text_matches = l ? l->count : 0;
    if (l && !own && !st->filter.active && st->sort == SORT_PERTINENCE &&
        unfiltered_summary(s, l)) {
        /* No filter: the counts of every match, and the heaviest matches in order. */
        const columns *c = s->columns;
        st->max_weight = l->max_weight;
        facet_counts_copy(&st->facets, l->all, st->req->facets);
        for (uint32_t i = 0; i < l->count && st->best.count < st->best.k; i++) {
            uint32_t m = l->by_weight[i], docid = l->docids[m];
            if (docid < c->count && c->rows[docid].present)
                topk_push(&st->best, -(double)l->weights[m], docid);
        }
    } else if (l) {
        st->max_weight = l->max_weight;
        run_sets(st, s, l);
    }
    if (own)
        free_match_list(own);
    return l ? 0 : -1;
}

/* ---- Warming ----------------------------------------------------------------------------- */

static void warm_leaf(void *ctx, const plan *leaf)
{
    searcher *s = ctx;
    strbuf key = STRBUF_INIT;
    ps_error ignored;
    match_list *l;
    if (plan_key(leaf, &key) && !lru_get(s->words, key.data) &&
        (l = sealed_leaf(s, leaf, &ignored)) &&
        !lru_put(s->words, key.data, l, match_list_bytes(l), free_match_list))
        free_match_list(l);
    strbuf_free(&key);
}

/* The i-th text worth warming: each métier's name, then each acronym; NULL past the end. */
static const char *warm_text(const searcher *s, size_t i)
{
    size_t metiers = referentiel_metier_count(s->ref);
    if (i < metiers)
        return referentiel_metier_at(s->ref, i)->libelle;
    i -= metiers;
    return i < acronyms_count(s->acronyms) ? acronyms_key(s->acronyms, i) : NULL;
}

static double ms_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) * 1e3 +
           (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}

/* Fetches stored records into the shared hit cache, from where this searcher left off; the
 * workers start at different docids so as not to fetch the same ones. */
static void warm_records(searcher *s, unsigned lane, unsigned lanes,
                         const struct timespec *start, double budget_ms)
{
    reply_source src = {s->db, s->hits, s->columns, s->ref, s->analyzer};
    uint32_t count = s->hits ? s->columns->count : 0;
    if (s->warm_records_done == 0)
        s->warm_record_start = (uint32_t)((uint64_t)count * lane / (lanes ? lanes : 1));
    while (s->warm_records_done < count) {
        uint32_t docid = (s->warm_record_start + s->warm_records_done++) % count;
        ps_error ignored; /* a record that cannot be read is fetched again when shown */
        if (s->columns->rows[docid].present) /* a record already there is left as it is */
            reply_stored_record(&src, docid, &ignored);
        if (s->warm_records_done % 64 == 0 && ms_since(start) >= budget_ms)
            return;
    }
}

bool searcher_warm(searcher *s, unsigned lane, unsigned lanes, double budget_ms)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    text_context ctx = {s->db, s->freqs, s->analyzer, s->qp, s->acronyms, s->stopwords};
    const char *text;
    while ((text = warm_text(s, s->warm_next)) && ms_since(&start) < budget_ms) {
        s->warm_next++;
        text_query tq;
        ps_error ignored; /* a text that cannot be built is only not warmed */
        if (text_query_build(&ctx, text, TEXT_ALL, false, &tq, &ignored) == 0) {
            if (tq.plan)
                plan_each_leaf(tq.plan, warm_leaf, s);
            text_query_free(&tq);
        }
    }
    if (!text)
        warm_records(s, lane, lanes, &start, budget_ms);
    return text != NULL || (s->hits && s->warm_records_done < s->columns->count);
}

bool searcher_warmed(const searcher *s)
{
    return !warm_text(s, s->warm_next) && (!s->hits || s->warm_records_done >= s->columns->count);
}

/* The page of docids, best first, with their scores relative to the best match (or -1). */
typedef struct page {
    uint32_t docids[REQ_MAX_LIMIT];
    double scores[REQ_MAX_LIMIT];
    uint32_t count;
} page;

static void page_from_topk(run_state *st, page *p)
{
    topk_sort(&st->best);
    p->count = 0;
    bool relevance = st->sort == SORT_PERTINENCE && st->req->q[0] && st->max_weight > 0;
    for (uint32_t i = st->req->offset; i < st->best.count && p->count < st->req->limit; i++) {
        p->docids[p->count] = st->best.items[i].docid;
        p->scores[p->count++] = relevance ? -st->best.items[i].key / st->max_weight : -1;
    }
}

/* ---- Running a request ------------------------------------------------------------------- */

static int run_state_init(run_state *st, const searcher *s, const search_request *req,
                          int64_t now, ps_error *err)
{
    memset(st, 0, sizeof *st);
    st->s = s;
    st->req = req;
    st->sort = req->sort;
    st->now = now;
    if (filter_compile(req, s->columns, s->ref, now, &st->filter, err) != 0)
        return -1;
    if (facet_counts_init(&st->facets, s->columns, err) != 0 ||
        topk_init(&st->best, req->offset + req->limit) != 0) {
        filter_free(&st->filter);
        facet_counts_free(&st->facets);
        return ps_fail(err, "out of memory");
    }
    return 0;
}

static void run_state_free(run_state *st)
{
    filter_free(&st->filter);
    facet_counts_free(&st->facets);
    topk_free(&st->best);
}

/* Everything one run of a request holds; released by run_free. */
typedef struct run {
    run_state st;
    text_query tq;
    bool started;
} run;

static void run_free(run *r)
{
    if (!r->started)
        return;
    text_query_free(&r->tq);
    run_state_free(&r->st);
    memset(r, 0, sizeof *r);
}

/* Runs req (text or browse), replacing what r held: match says how many words a document
 * needs, with corrected unknown words are replaced by their corrections. */
static search_status attempt(searcher *s, const search_request *req, int64_t now,
                             text_match match, bool corrected, run *r, ps_error *err)
{
    run_free(r);
    if (run_state_init(&r->st, s, req, now, err) != 0)
        return SEARCH_FAILED;
    r->started = true;
    if (req->q[0]) {
        text_context ctx = {s->db, s->freqs, s->analyzer, s->qp, s->acronyms, s->stopwords};
        if (text_query_build(&ctx, req->q, match, corrected, &r->tq, err) != 0)
            return SEARCH_FAILED;
    }
    if (!r->tq.plan) { /* no text, or only stop words: every document, newest first */
        if (r->st.sort == SORT_PERTINENCE)
            r->st.sort = SORT_DATE;
        run_browse(&r->st, s);
        return SEARCH_OK;
    }
    return run_text(&r->st, s, &r->tq, err) == 0 ? SEARCH_OK : SEARCH_FAILED;
}

/* All words; if no document has them, the corrected words (when some are misspelt); then all
 * the words but one ("most"); then any of them: the best partial matches, loosest last. Only
 * the text decides: when filters leave nothing of what it matched, the empty page and its
 * facets say so, rather than documents the words do not describe. */
static search_status run_request(searcher *s, const search_request *req, int64_t now, run *r,
                                 const char **matching, ps_error *err)
{
    *matching = "all";
    if (attempt(s, req, now, TEXT_ALL, false, r, err) != SEARCH_OK)
        return SEARCH_FAILED;
    if (r->st.text_matches > 0 || !r->tq.plan)
        return SEARCH_OK;
    bool misspelt = r->tq.misspelt;
    unsigned words = r->tq.words;
    if (misspelt) {
        *matching = "corrected";
        if (attempt(s, req, now, TEXT_ALL, true, r, err) != SEARCH_OK)
            return SEARCH_FAILED;
        if (r->st.text_matches > 0)
            return SEARCH_OK;
    }
    if (words >= 3) {
        *matching = "most";
        if (attempt(s, req, now, TEXT_ALL_BUT_ONE, misspelt, r, err) != SEARCH_OK)
            return SEARCH_FAILED;
        if (r->st.text_matches > 0)
            return SEARCH_OK;
    }
    if (words >= 2) {
        *matching = "any";
        if (attempt(s, req, now, TEXT_ANY, misspelt, r, err) != SEARCH_OK)
            return SEARCH_FAILED;
    }
    return SEARCH_OK;
}

/* A reply remembered without its took_ms, which is appended per request. */
typedef struct cached_reply {
    size_t len;
    char text[];
} cached_reply;

/* The key of a reply: the query string, and the minute it was computed in when the answer
 * moves with the time: publieeDepuis ("the last N days") and a date order (distances from
 * now). A text of stop words only is sorted by date unasked and keeps its reply longer. */
static bool reply_key(const search_request *req, const char *query_string, int64_t now,
                      char *out, size_t cap)
{
    bool moves = req->publiee_depuis || req->sort == SORT_DATE || !req->q[0];
    int n = snprintf(out, cap, "r:%lld:%s", moves ? (long long)(now / 60) : 0LL, query_string);
    return n > 0 && (size_t)n < cap;
}

static void remember_reply(searcher *s, const char *key, const strbuf *body)
{
    cached_reply *r = malloc(sizeof *r + body->len);
    if (!r)
        return; /* only a cache */
    r->len = body->len;
    memcpy(r->text, body->data, body->len);
    if (!lru_put(s->replies, key, r, sizeof *r + body->len + strlen(key), free))
        free(r);
}

static int compute_reply(searcher *s, const search_request *req, int64_t now, strbuf *out,
                         ps_error *err)
{
    run r = {0};
    const char *matching;
    int rc = run_request(s, req, now, &r, &matching, err) == SEARCH_OK ? 0 : -1;
    if (rc == 0) {
        page p;
        page_from_topk(&r.st, &p);
        reply_source src = {s->db, s->hits, s->columns, s->ref, s->analyzer};
        rc = reply_write(out, &src, req, &r.st.facets, p.docids, p.scores, p.count,
                         req->q[0] ? &r.tq : NULL, err);
    }
    if (rc == 0 && req->q[0]) {
        rc = strbuf_putc(out, ',') || json_out_key(out, "matching") ||
             json_out_string(out, matching, strlen(matching));
        if (rc == 0 && r.tq.misspelt)
            rc = strbuf_putc(out, ',') || json_out_key(out, "suggestion") ||
                 json_out_string(out, r.tq.corrected.data, r.tq.corrected.len);
        if (rc != 0)
            ps_fail(err, "out of memory");
    }
    run_free(&r);
    return rc;
}

search_status searcher_run(searcher *s, const search_request *req, const char *query_string,
                           int64_t now, strbuf *out, bool *from_cache, ps_error *err)
{
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    char key[4200];
    bool keyed = query_string && reply_key(req, query_string, now, key, sizeof key);
    const cached_reply *known = keyed ? lru_get(s->replies, key) : NULL;
    int rc;
    *from_cache = known != NULL;
    if (known) {
        rc = strbuf_append(out, known->text, known->len) ? ps_fail(err, "out of memory") : 0;
    } else {
        rc = compute_reply(s, req, now, out, err);
        if (rc == 0 && keyed)
            remember_reply(s, key, out);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = (double)(end.tv_sec - start.tv_sec) * 1e3 +
                (double)(end.tv_nsec - start.tv_nsec) / 1e6;
    if (rc == 0 && (strbuf_putc(out, ',') || json_out_key(out, "took_ms") ||
                    json_out_number(out, ms, 3) || strbuf_puts(out, "}\n")))
        rc = ps_fail(err, "out of memory");
    return rc == 0 ? SEARCH_OK : SEARCH_FAILED;
}

search_status searcher_document(searcher *s, doc_type type, const char *id, json_t **result,
                                ps_error *err)
{
    char term[128];
    if (!schema_id_term(type, id, term, sizeof term))
        return SEARCH_NOT_FOUND;
    uint32_t docid;
    xs_error xe;
    xs_status st = xs_database_find(s->db, term, &docid, &xe);
    if (st == XS_NOT_FOUND)
        return SEARCH_NOT_FOUND;
    char *data;
    size_t len;
    if (st != XS_OK || xs_database_data(s->db, docid, &data, &len, &xe) != XS_OK)
        return ps_fail(err, "%s: %s", term, xe.message), SEARCH_FAILED;
    schema_data_parts stored;
    schema_split_data(data, len, &stored);
    *result = json_loadb(data, stored.json_len, 0, NULL);
    if (json_is_object(*result) && stored.description)
        json_object_set_new(*result, "description",
                            json_stringn(stored.description, stored.description_len));
    free(data);
    if (!json_is_object(*result)) {
        json_decref(*result);
        return ps_fail(err, "stored document %s is not a JSON object", term), SEARCH_FAILED;
    }
    return SEARCH_OK;
}

json_t *searcher_index_info(searcher *s)
{
    char built_at[64] = "", version[32] = "";
    xs_database_get_metadata(s->db, META_BUILT_AT, built_at, sizeof built_at, NULL);
    xs_database_get_metadata(s->db, META_SCHEMA_VERSION, version, sizeof version, NULL);
    return json_pack("{s:I, s:s, s:s}", "documents", (json_int_t)xs_database_doccount(s->db),
                     "built_at", built_at, "schema_version", version);
}
