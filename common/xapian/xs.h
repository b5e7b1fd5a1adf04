/* xs: the project's C interface to Xapian 1.4, and the only C++ in the tree.
 *
 * Opaque handles, a status code from every fallible call and a message the caller can log.
 * Every entry point catches Xapian::Error, std::exception and anything else, so no C++
 * exception ever reaches C. Xapian objects are not thread-safe (not even their reference
 * counts): a thread uses only the handles it created. */
#ifndef XS_H
#define XS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum xs_status {
    XS_OK = 0,
    XS_NOT_FOUND,    /* the database (or document) does not exist */
    XS_LOCKED,       /* another process holds the write lock */
    XS_MODIFIED,     /* the revision being read was overwritten: reopen, then retry */
    XS_CORRUPT,      /* the database failed a consistency check */
    XS_QUERY_SYNTAX, /* the query parser rejected the text */
    XS_INVALID,      /* an invalid argument or operation */
    XS_NO_MEMORY,
    XS_DATABASE,     /* any other database error (I/O, version, closed...) */
    XS_ERROR         /* any other Xapian or C++ error */
} xs_status;

/* Filled by a call that fails; may be NULL when the caller only wants the status. */
typedef struct xs_error {
    xs_status status;
    char message[512];
} xs_error;

/* A stable lowercase name for a status ("not_found", "locked"...). */
const char *xs_status_name(xs_status status);

typedef struct xs_stemmer xs_stemmer;
typedef struct xs_stopper xs_stopper;
typedef struct xs_document xs_document;
typedef struct xs_termgen xs_termgen;
typedef struct xs_writer xs_writer;
typedef struct xs_database xs_database;
typedef struct xs_query xs_query;
typedef struct xs_qparser xs_qparser;
typedef struct xs_enquire xs_enquire;
typedef struct xs_mset xs_mset;

/* ---- Stemmers -------------------------------------------------------------------------- */

/* A stemming function written in C. It writes the stem of word[0..len) into out (at most cap
 * bytes, no NUL needed) and returns the stem's length; a return above cap is truncated. */
typedef size_t (*xs_stem_fn)(void *ctx, const char *word, size_t len, char *out, size_t cap);

/* One of Xapian's Snowball stemmers, by language name ("french"). */
xs_status xs_stemmer_new_snowball(const char *language, xs_stemmer **out, xs_error *err);
/* A stemmer that calls fn(ctx, ...); ctx must outlive every object the stemmer is given to. */
xs_status xs_stemmer_new_custom(xs_stem_fn fn, void *ctx, const char *description, xs_stemmer **out,
                                xs_error *err);
/* Stems word[0..len) into out (NUL-terminated, truncated to cap - 1 bytes). */
xs_status xs_stemmer_stem(xs_stemmer *stemmer, const char *word, size_t len, char *out, size_t cap,
                          xs_error *err);
void xs_stemmer_free(xs_stemmer *stemmer);

/* ---- Stop words ------------------------------------------------------------------------ */

xs_status xs_stopper_new(xs_stopper **out, xs_error *err);
xs_status xs_stopper_add(xs_stopper *stopper, const char *word, xs_error *err);
void xs_stopper_free(xs_stopper *stopper);

/* ---- Documents ------------------------------------------------------------------------- */

xs_status xs_document_new(xs_document **out, xs_error *err);
/* A filter term: no positions, no weight (wdf 0). */
xs_status xs_document_add_boolean_term(xs_document *doc, const char *term, xs_error *err);
/* A term that weighs: its wdf grows by wdf_inc, no position. */
xs_status xs_document_add_term(xs_document *doc, const char *term, unsigned wdf_inc,
                               xs_error *err);
xs_status xs_document_set_value(xs_document *doc, unsigned slot, const void *bytes, size_t len,
                                xs_error *err);
/* The opaque payload returned with each hit (the project stores JSON there). */
xs_status xs_document_set_data(xs_document *doc, const void *bytes, size_t len, xs_error *err);
/* Calls fn for each term of doc in byte order, with its within-document frequency; stops early
 * when fn returns non-zero. For tests and diagnostics. */
xs_status xs_document_each_term(const xs_document *doc,
                                int (*fn)(void *ctx, const char *term, size_t len, unsigned wdf),
                                void *ctx, xs_error *err);
void xs_document_free(xs_document *doc);

/* Encodes a double so that byte order equals numeric order (for value ranges and sorting).
 * Writes at most 18 bytes into out; returns the length. */
size_t xs_sortable_serialise(double value, char out[18]);
double xs_sortable_unserialise(const void *bytes, size_t len);

/* ---- Term generation ------------------------------------------------------------------- */

/* Splits text into words and adds, for each, the word with its position and its Z-prefixed
 * stem (Xapian's STEM_SOME). The stemmer and stopper may be NULL; both must outlive tg. */
xs_status xs_termgen_new(xs_stemmer *stemmer, const xs_stopper *stopper, xs_termgen **out,
                         xs_error *err);
/* Directs the following xs_termgen_index calls at doc and restarts positions at zero. */
xs_status xs_termgen_set_document(xs_termgen *tg, xs_document *doc, xs_error *err);
/* Indexes text into the current document; each occurrence adds wdf_inc to its term's weight;
 * prefix may be "". */
xs_status xs_termgen_index(xs_termgen *tg, const char *text, size_t len, unsigned wdf_inc,
                           const char *prefix, bool with_positions, xs_error *err);
/* Leaves a gap in positions so that phrases never match across two fields. */
void xs_termgen_increase_termpos(xs_termgen *tg, unsigned delta);
/* Also records every indexed word in w's spelling table (for "did you mean" suggestions),
 * or stops doing so when w is NULL. w must outlive the use. */
xs_status xs_termgen_set_spelling(xs_termgen *tg, xs_writer *w, xs_error *err);
void xs_termgen_free(xs_termgen *tg);

/* ---- Writable databases ---------------------------------------------------------------- */

typedef enum xs_open_mode {
    XS_CREATE_OR_OPEN,      /* open, creating it if absent */
    XS_CREATE_OR_OVERWRITE, /* start from an empty database */
    XS_OPEN,                /* must already exist */
    XS_CREATE_SCRATCH       /* start empty and never sync to disk: for a temporary database
                               that a crash throws away (the indexer's shards) */
} xs_open_mode;

xs_status xs_writer_open(const char *path, xs_open_mode mode, xs_writer **out, xs_error *err);
/* Adds doc, or replaces the documents indexed by unique_term (the record's id term). */
xs_status xs_writer_replace(xs_writer *w, const char *unique_term, const xs_document *doc,
                            xs_error *err);
xs_status xs_writer_delete(xs_writer *w, const char *unique_term, xs_error *err);
xs_status xs_writer_set_metadata(xs_writer *w, const char *key, const char *value, xs_error *err);
/* Adds synonym as an expansion of term (both as they are indexed) in the synonym table. */
xs_status xs_writer_add_synonym(xs_writer *w, const char *term, const char *synonym,
                                xs_error *err);
xs_status xs_writer_commit(xs_writer *w, xs_error *err);
/* A transaction: its changes become visible together at commit, or are all discarded. */
xs_status xs_writer_begin_transaction(xs_writer *w, xs_error *err);
xs_status xs_writer_commit_transaction(xs_writer *w, xs_error *err);
xs_status xs_writer_cancel_transaction(xs_writer *w, xs_error *err);
/* Whether any document is indexed by term (an id term, say). */
xs_status xs_writer_term_exists(xs_writer *w, const char *term, bool *exists, xs_error *err);
uint32_t xs_writer_doccount(const xs_writer *w);
/* Commits and releases the lock; the handle is freed even on failure. */
xs_status xs_writer_close(xs_writer *w, xs_error *err);

/* Merges the databases at sources[0..n) into a new compacted database at dest (which must not
 * exist), renumbering documents: how parallel-built shards become one index. */
xs_status xs_compact(const char *const *sources, size_t n, const char *dest, xs_error *err);

/* ---- Read-only databases --------------------------------------------------------------- */

xs_status xs_database_open(const char *path, xs_database **out, xs_error *err);
uint32_t xs_database_doccount(const xs_database *db);
/* Copies the metadata value for key into out (NUL-terminated, truncated); "" when absent. */
xs_status xs_database_get_metadata(xs_database *db, const char *key, char *out, size_t cap,
                                   xs_error *err);
/* Moves to the latest committed revision; *changed tells whether it moved. */
xs_status xs_database_reopen(xs_database *db, bool *changed, xs_error *err);
/* The committed revision being read, and the database's UUID (into uuid, cap bytes, "" when
 * it has none): together they name what is read. */
xs_status xs_database_revision(xs_database *db, uint64_t *revision, char *uuid, size_t cap,
                               xs_error *err);
/* Calls fn(ctx, docid, bytes, len) for every document with a value in slot, in docid order;
 * stops early when fn returns non-zero. */
xs_status xs_database_each_value(xs_database *db, unsigned slot,
                                 int (*fn)(void *ctx, uint32_t docid, const char *bytes,
                                           size_t len),
                                 void *ctx, xs_error *err);
/* The highest docid in use (arrays indexed by docid need this many + 1 entries). */
uint32_t xs_database_last_docid(const xs_database *db);
/* The document indexed by a unique term (an id term): XS_NOT_FOUND when there is none. */
xs_status xs_database_find(xs_database *db, const char *term, uint32_t *docid, xs_error *err);
/* The data stored with docid, in a malloc()ed buffer the caller frees (NUL-terminated). */
xs_status xs_database_data(xs_database *db, uint32_t docid, char **bytes, size_t *len,
                           xs_error *err);
/* How many documents contain term. */
uint32_t xs_database_termfreq(xs_database *db, const char *term);
/* The spelling table's best correction for word within max_edit edits; "" when none. */
xs_status xs_database_spelling(xs_database *db, const char *word, unsigned max_edit, char *out,
                               size_t cap, xs_error *err);
/* Calls fn(ctx, key, synonym) for every entry of the synonym table. */
xs_status xs_database_each_synonym(xs_database *db,
                                   int (*fn)(void *ctx, const char *key, const char *synonym),
                                   void *ctx, xs_error *err);
void xs_database_free(xs_database *db);

/* ---- Queries --------------------------------------------------------------------------- */

typedef enum xs_query_op {
    XS_OP_AND = 0,
    XS_OP_OR = 1,
    XS_OP_AND_NOT = 2,
    XS_OP_AND_MAYBE = 4,
    XS_OP_FILTER = 5,
    XS_OP_SYNONYM = 13 /* the parts weigh as one word: their wdfs summed, their union's frequency */
} xs_query_op;

xs_status xs_query_match_all(xs_query **out, xs_error *err);
xs_status xs_query_term(const char *term, xs_query **out, xs_error *err);
/* A copy of q (a new handle on the same immutable query). */
xs_status xs_query_copy(const xs_query *q, xs_query **out, xs_error *err);
/* A new query a OP b; a and b stay owned by the caller. */
xs_status xs_query_combine(xs_query_op op, const xs_query *a, const xs_query *b, xs_query **out,
                           xs_error *err);
/* Xapian's description of the query, for logs and tests (NUL-terminated, truncated). */
void xs_query_describe(const xs_query *q, char *out, size_t cap);
void xs_query_free(xs_query *q);

/* Query parser flags: the subset of Xapian's the project uses. */
enum {
    XS_QP_BOOLEAN = 1,  /* AND, OR, NOT and brackets, in capitals */
    XS_QP_PHRASE = 2,   /* "exact phrase" */
    XS_QP_LOVEHATE = 4, /* +required -excluded */
    XS_QP_PURE_NOT = 32 /* a query of only -excluded words */
};

/* A query parser that stems like the term generator; db may be NULL. The stemmer, stopper and
 * database must outlive the parser. */
xs_status xs_qparser_new(xs_database *db, xs_stemmer *stemmer, const xs_stopper *stopper,
                         xs_qparser **out, xs_error *err);
/* Parses text with flags; words combine with default_op (XS_OP_AND or XS_OP_OR). An empty
 * text gives an empty query, which matches nothing. XS_QUERY_SYNTAX when the parser rejects it. */
xs_status xs_qparser_parse(xs_qparser *qp, const char *text, size_t len, unsigned flags,
                           xs_query_op default_op, xs_query **out, xs_error *err);
void xs_qparser_free(xs_qparser *qp);

/* ---- Searching ------------------------------------------------------------------------- */

xs_status xs_enquire_new(xs_database *db, xs_enquire **out, xs_error *err);
/* Sees every document the matcher examines, with its weight (a Xapian MatchSpy in C). */
typedef void (*xs_spy_fn)(void *ctx, uint32_t docid, double weight);

/* Runs query and returns hits [first, first + max) by relevance. check_at_least asks the matcher
 * to examine at least that many documents, making the totals exact up to that number; with
 * check_at_least above the document count, spy (when not NULL) sees every match. */
xs_status xs_enquire_run(xs_enquire *e, const xs_query *q, uint32_t first, uint32_t max,
                         uint32_t check_at_least, xs_spy_fn spy, void *spy_ctx, xs_mset **out,
                         xs_error *err);
void xs_enquire_free(xs_enquire *e);

uint32_t xs_mset_size(const xs_mset *m);
/* Bounds on the number of matching documents; equal when the count is exact. */
uint32_t xs_mset_matches_lower_bound(const xs_mset *m);
uint32_t xs_mset_matches_estimated(const xs_mset *m);
uint32_t xs_mset_matches_upper_bound(const xs_mset *m);
uint32_t xs_mset_docid(const xs_mset *m, uint32_t i);
double xs_mset_weight(const xs_mset *m, uint32_t i);
/* The stored data of hit i; the bytes stay valid until the mset is freed. */
xs_status xs_mset_data(xs_mset *m, uint32_t i, const char **bytes, size_t *len, xs_error *err);
void xs_mset_free(xs_mset *m);

#ifdef __cplusplus
}
#endif

#endif
