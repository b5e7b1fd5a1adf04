// The Xapian shim: each C entry point wraps its C++ body in XS_TRY / XS_CATCH, which turns
// any exception into an xs_status plus a message. Handles are plain structs holding the
// Xapian object by value.
#include "xs.h"

#include <xapian.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <vector>

struct xs_stemmer {
    Xapian::Stem stem;
};
struct xs_stopper {
    Xapian::SimpleStopper stopper;
};
struct xs_document {
    Xapian::Document doc;
};
struct xs_termgen {
    Xapian::TermGenerator tg;
};
struct xs_writer {
    Xapian::WritableDatabase db;
};
struct xs_database {
    Xapian::Database db;
};
struct xs_query {
    Xapian::Query query;
};
struct xs_qparser {
    Xapian::QueryParser qp;
};
struct xs_enquire {
    Xapian::Enquire enquire;
    explicit xs_enquire(const Xapian::Database &db) : enquire(db) {}
};
struct xs_mset {
    Xapian::MSet mset;
    std::vector<std::string> data; // fetched lazily by xs_mset_data
};

namespace {

xs_status fail(xs_error *err, xs_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

xs_status fail(xs_error *err, xs_status status, const char *fmt, ...)
{
    if (err) {
        err->status = status;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return status;
}

xs_status fail_xapian(xs_error *err, xs_status status, const Xapian::Error &e)
{
    return fail(err, status, "%s", e.get_description().c_str());
}

// Maps the exception being handled to a status (a "Lippincott function").
xs_status fail_current_exception(xs_error *err)
{
    try {
        throw;
    } catch (const Xapian::DatabaseNotFoundError &e) {
        return fail_xapian(err, XS_NOT_FOUND, e);
    } catch (const Xapian::DocNotFoundError &e) {
        return fail_xapian(err, XS_NOT_FOUND, e);
    } catch (const Xapian::DatabaseLockError &e) {
        return fail_xapian(err, XS_LOCKED, e);
    } catch (const Xapian::DatabaseModifiedError &e) {
        return fail_xapian(err, XS_MODIFIED, e);
    } catch (const Xapian::DatabaseCorruptError &e) {
        return fail_xapian(err, XS_CORRUPT, e);
    } catch (const Xapian::DatabaseError &e) {
        return fail_xapian(err, XS_DATABASE, e);
    } catch (const Xapian::QueryParserError &e) {
        return fail_xapian(err, XS_QUERY_SYNTAX, e);
    } catch (const Xapian::LogicError &e) {
        return fail_xapian(err, XS_INVALID, e);
    } catch (const Xapian::Error &e) {
        return fail_xapian(err, XS_ERROR, e);
    } catch (const std::bad_alloc &) {
        return fail(err, XS_NO_MEMORY, "out of memory");
    } catch (const std::exception &e) {
        return fail(err, XS_ERROR, "C++ exception: %s", e.what());
    } catch (...) {
        return fail(err, XS_ERROR, "unknown C++ exception");
    }
}

void copy_truncated(const std::string &s, char *out, size_t cap)
{
    if (cap == 0)
        return;
    size_t n = s.size() < cap - 1 ? s.size() : cap - 1;
    memcpy(out, s.data(), n);
    out[n] = '\0';
}

// Adapts a C stemming function to Xapian's StemImplementation.
class CallbackStemmer : public Xapian::StemImplementation {
  public:
    CallbackStemmer(xs_stem_fn fn, void *ctx, const char *description)
        : fn_(fn), ctx_(ctx), description_(description ? description : "custom")
    {
    }
    std::string operator()(const std::string &word) override
    {
        char buf[256];
        size_t n = fn_(ctx_, word.data(), word.size(), buf, sizeof buf);
        return std::string(buf, n < sizeof buf ? n : sizeof buf);
    }
    std::string get_description() const override { return description_; }

  private:
    xs_stem_fn fn_;
    void *ctx_;
    std::string description_;
};

// Adapts a C function to Xapian's MatchSpy; only the docid is read, so the document's data
// is never fetched.
class CallbackSpy : public Xapian::MatchSpy {
  public:
    CallbackSpy(xs_spy_fn fn, void *ctx) : fn_(fn), ctx_(ctx) {}
    void operator()(const Xapian::Document &doc, double wt) override
    {
        fn_(ctx_, doc.get_docid(), wt);
    }
    std::string name() const override { return "ps.CallbackSpy"; }

  private:
    xs_spy_fn fn_;
    void *ctx_;
};

} // namespace

#define XS_TRY try {
#define XS_CATCH(err)                                                                          \
    }                                                                                          \
    catch (...) { return fail_current_exception(err); }

extern "C" {

const char *xs_status_name(xs_status status)
{
    switch (status) {
    case XS_OK: return "ok";
    case XS_NOT_FOUND: return "not_found";
    case XS_LOCKED: return "locked";
    case XS_MODIFIED: return "modified";
    case XS_CORRUPT: return "corrupt";
    case XS_QUERY_SYNTAX: return "query_syntax";
    case XS_INVALID: return "invalid";
    case XS_NO_MEMORY: return "no_memory";
    case XS_DATABASE: return "database";
    case XS_ERROR: return "error";
    }
    return "unknown";
}

/* ---- Stemmers ---- */

xs_status xs_stemmer_new_snowball(const char *language, xs_stemmer **out, xs_error *err)
{
    XS_TRY
    *out = new xs_stemmer{Xapian::Stem(language)};
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_stemmer_new_custom(xs_stem_fn fn, void *ctx, const char *description,
                                xs_stemmer **out, xs_error *err)
{
    XS_TRY
    if (!fn)
        return fail(err, XS_INVALID, "custom stemmer without a function");
    *out = new xs_stemmer{Xapian::Stem(new CallbackStemmer(fn, ctx, description))};
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_stemmer_stem(xs_stemmer *stemmer, const char *word, size_t len, char *out, size_t cap,
                          xs_error *err)
{
    XS_TRY
    copy_truncated(stemmer->stem(std::string(word, len)), out, cap);
    return XS_OK;
    XS_CATCH(err)
}

void xs_stemmer_free(xs_stemmer *stemmer) { delete stemmer; }

/* ---- Stop words ---- */

xs_status xs_stopper_new(xs_stopper **out, xs_error *err)
{
    XS_TRY
    *out = new xs_stopper();
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_stopper_add(xs_stopper *stopper, const char *word, xs_error *err)
{
    XS_TRY
    stopper->stopper.add(word);
    return XS_OK;
    XS_CATCH(err)
}

void xs_stopper_free(xs_stopper *stopper) { delete stopper; }

/* ---- Documents ---- */

xs_status xs_document_new(xs_document **out, xs_error *err)
{
    XS_TRY
    *out = new xs_document();
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_document_add_boolean_term(xs_document *doc, const char *term, xs_error *err)
{
    XS_TRY
    doc->doc.add_boolean_term(term);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_document_add_term(xs_document *doc, const char *term, unsigned wdf_inc, xs_error *err)
{
    XS_TRY
    doc->doc.add_term(term, wdf_inc);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_document_set_value(xs_document *doc, unsigned slot, const void *bytes, size_t len,
                                xs_error *err)
{
    XS_TRY
    doc->doc.add_value(slot, std::string(static_cast<const char *>(bytes), len));
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_document_set_data(xs_document *doc, const void *bytes, size_t len, xs_error *err)
{
    XS_TRY
    doc->doc.set_data(std::string(static_cast<const char *>(bytes), len));
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_document_each_term(const xs_document *doc,
                                int (*fn)(void *ctx, const char *term, size_t len, unsigned wdf),
                                void *ctx, xs_error *err)
{
    XS_TRY
    for (auto it = doc->doc.termlist_begin(); it != doc->doc.termlist_end(); ++it) {
        const std::string &term = *it;
        if (fn(ctx, term.data(), term.size(), it.get_wdf()) != 0)
            break;
    }
    return XS_OK;
    XS_CATCH(err)
}

void xs_document_free(xs_document *doc) { delete doc; }

size_t xs_sortable_serialise(double value, char out[18])
{
    // Xapian documents at most 18 bytes for any double; this cannot throw.
    std::string s = Xapian::sortable_serialise(value);
    memcpy(out, s.data(), s.size());
    return s.size();
}

double xs_sortable_unserialise(const void *bytes, size_t len)
{
    return Xapian::sortable_unserialise(std::string(static_cast<const char *>(bytes), len));
}

/* ---- Term generation ---- */

xs_status xs_termgen_new(xs_stemmer *stemmer, const xs_stopper *stopper, xs_termgen **out,
                         xs_error *err)
{
    XS_TRY
    xs_termgen *tg = new xs_termgen();
    if (stemmer) {
        // One term per word, its stem, with the positions: half the postings of Xapian's
        // default (the word and its "Z" stem), and phrases still match (on stems).
        tg->tg.set_stemmer(stemmer->stem);
        tg->tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    }
    if (stopper)
        tg->tg.set_stopper(&stopper->stopper);
    *out = tg;
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_termgen_set_document(xs_termgen *tg, xs_document *doc, xs_error *err)
{
    XS_TRY
    // Document is a reference-counted handle: terms added through tg land in doc.
    tg->tg.set_document(doc->doc);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_termgen_index(xs_termgen *tg, const char *text, size_t len, unsigned wdf_inc,
                           const char *prefix, bool with_positions, xs_error *err)
{
    XS_TRY
    std::string s(text, len);
    // Stop words matter only inside phrases, which need positions: elsewhere they are dropped.
    if (with_positions) {
        tg->tg.set_stopper_strategy(Xapian::TermGenerator::STOP_NONE);
        tg->tg.index_text(s, wdf_inc, prefix ? prefix : "");
    } else {
        tg->tg.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
        tg->tg.index_text_without_positions(s, wdf_inc, prefix ? prefix : "");
    }
    return XS_OK;
    XS_CATCH(err)
}

void xs_termgen_increase_termpos(xs_termgen *tg, unsigned delta)
{
    try {
        tg->tg.increase_termpos(delta);
    } catch (...) {
    }
}

xs_status xs_termgen_set_spelling(xs_termgen *tg, xs_writer *w, xs_error *err)
{
    XS_TRY
    if (w) {
        tg->tg.set_database(w->db);
        tg->tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    } else {
        tg->tg.set_flags(0);
    }
    return XS_OK;
    XS_CATCH(err)
}

void xs_termgen_free(xs_termgen *tg) { delete tg; }

/* ---- Writable databases ---- */

xs_status xs_writer_open(const char *path, xs_open_mode mode, xs_writer **out, xs_error *err)
{
    XS_TRY
    int action = mode == XS_CREATE_OR_OVERWRITE ? Xapian::DB_CREATE_OR_OVERWRITE
                 : mode == XS_CREATE_SCRATCH    ? Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC
                 : mode == XS_OPEN              ? Xapian::DB_OPEN
                                                : Xapian::DB_CREATE_OR_OPEN;
    *out = new xs_writer{Xapian::WritableDatabase(path, action | Xapian::DB_BACKEND_GLASS)};
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_replace(xs_writer *w, const char *unique_term, const xs_document *doc,
                            xs_error *err)
{
    XS_TRY
    w->db.replace_document(unique_term, doc->doc);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_delete(xs_writer *w, const char *unique_term, xs_error *err)
{
    XS_TRY
    w->db.delete_document(unique_term);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_set_metadata(xs_writer *w, const char *key, const char *value, xs_error *err)
{
    XS_TRY
    w->db.set_metadata(key, value);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_add_synonym(xs_writer *w, const char *term, const char *synonym,
                                xs_error *err)
{
    XS_TRY
    w->db.add_synonym(term, synonym);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_compact(const char *const *sources, size_t n, const char *dest, xs_error *err)
{
    XS_TRY
    if (n == 0)
        return fail(err, XS_INVALID, "nothing to compact");
    Xapian::Database all;
    for (size_t i = 0; i < n; i++)
        all.add_database(Xapian::Database(sources[i]));
    all.compact(dest);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_commit(xs_writer *w, xs_error *err)
{
    XS_TRY
    w->db.commit();
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_begin_transaction(xs_writer *w, xs_error *err)
{
    XS_TRY
    w->db.begin_transaction(true);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_commit_transaction(xs_writer *w, xs_error *err)
{
    XS_TRY
    w->db.commit_transaction();
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_cancel_transaction(xs_writer *w, xs_error *err)
{
    XS_TRY
    w->db.cancel_transaction();
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_writer_term_exists(xs_writer *w, const char *term, bool *exists, xs_error *err)
{
    XS_TRY
    *exists = w->db.term_exists(term);
    return XS_OK;
    XS_CATCH(err)
}

uint32_t xs_writer_doccount(const xs_writer *w)
{
    try {
        return w->db.get_doccount();
    } catch (...) {
        return 0;
    }
}

xs_status xs_writer_close(xs_writer *w, xs_error *err)
{
    xs_status status = XS_OK;
    try {
        w->db.commit();
        w->db.close();
    } catch (...) {
        status = fail_current_exception(err);
    }
    try {
        delete w;
    } catch (...) {
    }
    return status;
}

/* ---- Read-only databases ---- */

xs_status xs_database_open(const char *path, xs_database **out, xs_error *err)
{
    XS_TRY
    *out = new xs_database{Xapian::Database(path)};
    return XS_OK;
    XS_CATCH(err)
}

uint32_t xs_database_doccount(const xs_database *db)
{
    try {
        return db->db.get_doccount();
    } catch (...) {
        return 0;
    }
}

xs_status xs_database_get_metadata(xs_database *db, const char *key, char *out, size_t cap,
                                   xs_error *err)
{
    XS_TRY
    copy_truncated(db->db.get_metadata(key), out, cap);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_database_reopen(xs_database *db, bool *changed, xs_error *err)
{
    XS_TRY
    bool moved = db->db.reopen();
    if (changed)
        *changed = moved;
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_database_revision(xs_database *db, uint64_t *revision, char *uuid, size_t cap,
                               xs_error *err)
{
    XS_TRY
    *revision = db->db.get_revision();
    if (cap) {
        std::string u = db->db.get_uuid();
        size_t n = u.size() < cap - 1 ? u.size() : cap - 1;
        memcpy(uuid, u.data(), n);
        uuid[n] = '\0';
    }
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_database_each_value(xs_database *db, unsigned slot,
                                 int (*fn)(void *ctx, uint32_t docid, const char *bytes,
                                           size_t len),
                                 void *ctx, xs_error *err)
{
    XS_TRY
    for (auto it = db->db.valuestream_begin(slot); it != db->db.valuestream_end(slot); ++it) {
        const std::string &v = *it;
        if (fn(ctx, it.get_docid(), v.data(), v.size()) != 0)
            break;
    }
    return XS_OK;
    XS_CATCH(err)
}

uint32_t xs_database_last_docid(const xs_database *db)
{
    try {
        return db->db.get_lastdocid();
    } catch (...) {
        return 0;
    }
}

xs_status xs_database_find(xs_database *db, const char *term, uint32_t *docid, xs_error *err)
{
    XS_TRY
    auto it = db->db.postlist_begin(term);
    if (it == db->db.postlist_end(term))
        return fail(err, XS_NOT_FOUND, "no document for %s", term);
    *docid = *it;
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_database_data(xs_database *db, uint32_t docid, char **bytes, size_t *len,
                           xs_error *err)
{
    XS_TRY
    std::string data = db->db.get_document(docid).get_data();
    char *copy = static_cast<char *>(malloc(data.size() + 1));
    if (!copy)
        return fail(err, XS_NO_MEMORY, "out of memory");
    memcpy(copy, data.data(), data.size());
    copy[data.size()] = '\0';
    *bytes = copy;
    *len = data.size();
    return XS_OK;
    XS_CATCH(err)
}

uint32_t xs_database_termfreq(xs_database *db, const char *term)
{
    try {
        return db->db.get_termfreq(term);
    } catch (...) {
        return 0;
    }
}

xs_status xs_database_spelling(xs_database *db, const char *word, unsigned max_edit, char *out,
                               size_t cap, xs_error *err)
{
    XS_TRY
    copy_truncated(db->db.get_spelling_suggestion(word, max_edit), out, cap);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_database_each_synonym(xs_database *db,
                                   int (*fn)(void *ctx, const char *key, const char *synonym),
                                   void *ctx, xs_error *err)
{
    XS_TRY
    for (auto k = db->db.synonym_keys_begin(); k != db->db.synonym_keys_end(); ++k) {
        const std::string key = *k;
        for (auto v = db->db.synonyms_begin(key); v != db->db.synonyms_end(key); ++v)
            if (fn(ctx, key.c_str(), (*v).c_str()) != 0)
                return XS_OK;
    }
    return XS_OK;
    XS_CATCH(err)
}

void xs_database_free(xs_database *db) { delete db; }

/* ---- Queries ---- */

xs_status xs_query_match_all(xs_query **out, xs_error *err)
{
    XS_TRY
    *out = new xs_query{Xapian::Query::MatchAll};
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_query_term(const char *term, xs_query **out, xs_error *err)
{
    XS_TRY
    *out = new xs_query{Xapian::Query(term)};
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_query_copy(const xs_query *q, xs_query **out, xs_error *err)
{
    XS_TRY
    *out = new xs_query{q->query};
    return XS_OK;
    XS_CATCH(err)
}

static constexpr bool same_op(xs_query_op ours, Xapian::Query::op theirs)
{
    return static_cast<int>(ours) == static_cast<int>(theirs);
}
static_assert(same_op(XS_OP_AND, Xapian::Query::OP_AND) && same_op(XS_OP_OR, Xapian::Query::OP_OR) &&
                  same_op(XS_OP_AND_NOT, Xapian::Query::OP_AND_NOT) &&
                  same_op(XS_OP_AND_MAYBE, Xapian::Query::OP_AND_MAYBE) &&
                  same_op(XS_OP_FILTER, Xapian::Query::OP_FILTER) &&
                  same_op(XS_OP_SYNONYM, Xapian::Query::OP_SYNONYM),
              "xs_query_op values are Xapian's");

xs_status xs_query_combine(xs_query_op op, const xs_query *a, const xs_query *b, xs_query **out,
                           xs_error *err)
{
    XS_TRY
    switch (op) {
    case XS_OP_AND:
    case XS_OP_OR:
    case XS_OP_AND_NOT:
    case XS_OP_AND_MAYBE:
    case XS_OP_FILTER:
    case XS_OP_SYNONYM:
        break;
    default:
        return fail(err, XS_INVALID, "unsupported query operator %d", (int)op);
    }
    *out = new xs_query{Xapian::Query(static_cast<Xapian::Query::op>(op), a->query, b->query)};
    return XS_OK;
    XS_CATCH(err)
}

void xs_query_describe(const xs_query *q, char *out, size_t cap)
{
    try {
        copy_truncated(q->query.get_description(), out, cap);
    } catch (...) {
        copy_truncated("(unavailable)", out, cap);
    }
}

void xs_query_free(xs_query *q) { delete q; }

xs_status xs_qparser_new(xs_database *db, xs_stemmer *stemmer, const xs_stopper *stopper,
                         xs_qparser **out, xs_error *err)
{
    XS_TRY
    xs_qparser *qp = new xs_qparser();
    if (db)
        qp->qp.set_database(db->db);
    if (stemmer) {
        qp->qp.set_stemmer(stemmer->stem);
        qp->qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    }
    if (stopper)
        qp->qp.set_stopper(&stopper->stopper);
    *out = qp;
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_qparser_parse(xs_qparser *qp, const char *text, size_t len, unsigned flags,
                           xs_query_op default_op, xs_query **out, xs_error *err)
{
    XS_TRY
    if (default_op != XS_OP_AND && default_op != XS_OP_OR)
        return fail(err, XS_INVALID, "default operator must be AND or OR");
    qp->qp.set_default_op(static_cast<Xapian::Query::op>(default_op));
    *out = new xs_query{qp->qp.parse_query(std::string(text, len), flags)};
    return XS_OK;
    XS_CATCH(err)
}

void xs_qparser_free(xs_qparser *qp) { delete qp; }

/* ---- Searching ---- */

xs_status xs_enquire_new(xs_database *db, xs_enquire **out, xs_error *err)
{
    XS_TRY
    *out = new xs_enquire(db->db);
    return XS_OK;
    XS_CATCH(err)
}

xs_status xs_enquire_run(xs_enquire *e, const xs_query *q, uint32_t first, uint32_t max,
                         uint32_t check_at_least, xs_spy_fn spy, void *spy_ctx, xs_mset **out,
                         xs_error *err)
{
    XS_TRY
    e->enquire.set_query(q->query);
    CallbackSpy callback(spy, spy_ctx);
    e->enquire.clear_matchspies();
    if (spy)
        e->enquire.add_matchspy(&callback);
    xs_mset *m = new xs_mset();
    try {
        m->mset = e->enquire.get_mset(first, max, check_at_least);
        e->enquire.clear_matchspies();
        m->data.resize(m->mset.size());
    } catch (...) {
        e->enquire.clear_matchspies();
        delete m;
        throw;
    }
    *out = m;
    return XS_OK;
    XS_CATCH(err)
}

void xs_enquire_free(xs_enquire *e) { delete e; }

uint32_t xs_mset_size(const xs_mset *m) { return m->mset.size(); }
uint32_t xs_mset_matches_lower_bound(const xs_mset *m) { return m->mset.get_matches_lower_bound(); }
uint32_t xs_mset_matches_estimated(const xs_mset *m) { return m->mset.get_matches_estimated(); }
uint32_t xs_mset_matches_upper_bound(const xs_mset *m) { return m->mset.get_matches_upper_bound(); }

uint32_t xs_mset_docid(const xs_mset *m, uint32_t i)
{
    if (i >= m->mset.size())
        return 0;
    return *(m->mset.begin() + i);
}

double xs_mset_weight(const xs_mset *m, uint32_t i)
{
    if (i >= m->mset.size())
        return 0.0;
    return (m->mset.begin() + i).get_weight();
}

xs_status xs_mset_data(xs_mset *m, uint32_t i, const char **bytes, size_t *len, xs_error *err)
{
    XS_TRY
    if (i >= m->mset.size())
        return fail(err, XS_INVALID, "hit %u out of range (%u hits)", i, m->mset.size());
    std::string &slot = m->data[i];
    if (slot.empty())
        slot = (m->mset.begin() + i).get_document().get_data();
    *bytes = slot.data();
    *len = slot.size();
    return XS_OK;
    XS_CATCH(err)
}

void xs_mset_free(xs_mset *m) { delete m; }

} // extern "C"
