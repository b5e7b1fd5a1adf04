#include "textquery.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"

/* ---- Acronyms ---------------------------------------------------------------------------- */

typedef struct acronym {
    char *key;       /* normalised, e.g. "as", "ass mat" */
    char **expansions;
    size_t n;
} acronym;

struct acronyms {
    acronym *items;
    size_t count, cap;
};

static acronym *acronym_find(const acronyms *a, const char *key, size_t len)
{
    for (size_t i = 0; a && i < a->count; i++)
        if (strlen(a->items[i].key) == len && memcmp(a->items[i].key, key, len) == 0)
            return &a->items[i];
    return NULL;
}

static int add_synonym(void *arg, const char *key, const char *synonym)
{
    acronyms *a = arg;
    acronym *item = acronym_find(a, key, strlen(key));
    if (!item) {
        if (a->count == a->cap) {
            size_t cap = a->cap ? a->cap * 2 : 64;
            acronym *items = realloc(a->items, cap * sizeof *items);
            if (!items)
                return 1;
            a->items = items, a->cap = cap;
        }
        item = &a->items[a->count];
        *item = (acronym){strdup(key), NULL, 0};
        if (!item->key)
            return 1;
        a->count++;
    }
    char **exp = realloc(item->expansions, (item->n + 1) * sizeof *exp);
    if (!exp)
        return 1;
    item->expansions = exp;
    if (!(exp[item->n] = strdup(synonym)))
        return 1;
    item->n++;
    return 0;
}

int acronyms_load(xs_database *db, acronyms **out, ps_error *err)
{
    acronyms *a = calloc(1, sizeof *a);
    if (!a)
        return ps_fail(err, "out of memory");
    xs_error xe;
    if (xs_database_each_synonym(db, add_synonym, a, &xe) != XS_OK) {
        acronyms_free(a);
        return ps_fail(err, "reading synonyms: %s", xe.message);
    }
    *out = a;
    return 0;
}

size_t acronyms_count(const acronyms *a) { return a ? a->count : 0; }
const char *acronyms_key(const acronyms *a, size_t i) { return a->items[i].key; }

void acronyms_free(acronyms *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->count; i++) {
        for (size_t k = 0; k < a->items[i].n; k++)
            free(a->items[i].expansions[k]);
        free(a->items[i].expansions);
        free(a->items[i].key);
    }
    free(a->items);
    free(a);
}

/* ---- Tokens ------------------------------------------------------------------------------ */

typedef enum token_kind { TOKEN_WORD, TOKEN_PHRASE, TOKEN_EXCLUDED } token_kind;

typedef struct token {
    token_kind kind;
    const char *text; /* into the normalised query */
    size_t len;
} token;

enum { MAX_TOKENS = 32 };

/* Splits normalised text into words, "phrases" and -exclusions (at most MAX_TOKENS). */
static size_t tokenize(const char *s, token *tokens)
{
    size_t n = 0;
    while (*s && n < MAX_TOKENS) {
        if (*s == '"') {
            const char *end = strchr(s + 1, '"');
            size_t len = end ? (size_t)(end - s - 1) : strlen(s + 1);
            tokens[n++] = (token){TOKEN_PHRASE, s + 1, len};
            s += len + 1 + (end != NULL);
        } else if (*s == '-' && fr_is_word_byte(s[1])) {
            size_t len = 1;
            while (fr_is_word_byte(s[len]))
                len++;
            tokens[n++] = (token){TOKEN_EXCLUDED, s + 1, len - 1};
            s += len;
        } else if (fr_is_word_byte(*s)) {
            size_t len = 0;
            while (fr_is_word_byte(s[len]))
                len++;
            tokens[n++] = (token){TOKEN_WORD, s, len};
            s += len;
        } else {
            s++;
        }
    }
    return n;
}

/* ---- Building ---------------------------------------------------------------------------- */

/* Combines *acc with q (consumed) by op; *acc may be NULL (then it becomes q). */
static int combine(plan **acc, plan_kind op, plan *q, ps_error *err)
{
    *acc = *acc ? plan_combine(op, *acc, q) : q;
    return *acc ? 0 : ps_fail(err, "out of memory");
}

static bool is_stopword(const text_context *ctx, const char *w, size_t len)
{
    char buf[64];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, w, len);
    buf[len] = '\0';
    return fr_stopwords_contains(ctx->stopwords, buf);
}

/* Remembers the stems of the words a hit may contain, for its snippet and title: not stop
 * words ("en" of an acronym's expansion "infirmier en soins généraux" is no match to show). */
static void note_stems(const text_context *ctx, text_query *tq, const char *text, size_t len)
{
    for (size_t i = 0; i < len && tq->n_stems < sizeof tq->stems / sizeof tq->stems[0];) {
        while (i < len && !fr_is_word_byte(text[i]))
            i++;
        size_t start = i;
        while (i < len && fr_is_word_byte(text[i]))
            i++;
        if (i > start && !is_stopword(ctx, text + start, i - start))
            fr_stem(ctx->analyzer, text + start, i - start, tq->stems[tq->n_stems++],
                    SNIPPET_MAX_STEM);
    }
}

static int stem_query(const text_context *ctx, const char *word, size_t len, plan **out,
                      ps_error *err)
{
    char term[160]; /* the index holds stems alone (STEM_ALL) */
    fr_stem(ctx->analyzer, word, len, term, sizeof term);
    *out = plan_term(term);
    return *out ? 0 : ps_fail(err, "out of memory");
}

/* Parses text (a phrase or an expansion) with the shared parser. */
static int parse_text(const text_context *ctx, const char *text, size_t len, bool phrase,
                      xs_query **out, ps_error *err)
{
    strbuf b = STRBUF_INIT;
    int rc = 0;
    if ((phrase && strbuf_putc(&b, '"') != 0) || strbuf_append(&b, text, len) != 0 ||
        (phrase && strbuf_putc(&b, '"') != 0))
        rc = ps_fail(err, "out of memory");
    bool syntax;
    if (rc == 0)
        rc = fr_parse_query(ctx->qp, b.data, b.len, XS_QP_PHRASE, XS_OP_AND, out, &syntax, err);
    strbuf_free(&b);
    return rc;
}

static int parsed_query(const text_context *ctx, const char *text, size_t len, bool phrase,
                        plan **out, ps_error *err)
{
    xs_query *q;
    if (parse_text(ctx, text, len, phrase, &q, err) != 0)
        return -1;
    return (*out = plan_query(q)) ? 0 : ps_fail(err, "out of memory");
}

/* *acc SYNONYM q (q consumed; *acc may be NULL: then it becomes q). */
static int add_synonym_part(xs_query **acc, xs_query *q, ps_error *err)
{
    if (!*acc) {
        *acc = q;
        return 0;
    }
    xs_query *both;
    xs_error xe;
    xs_status st = xs_query_combine(XS_OP_SYNONYM, *acc, q, &both, &xe);
    xs_query_free(q);
    if (st != XS_OK)
        return ps_fail(err, "%s", xe.message);
    xs_query_free(*acc);
    *acc = both;
    return 0;
}

/* An acronym and its expansions as one word (Xapian's SYNONYM): a document that says both
 * "EHPAD" and "établissement d'hébergement pour personnes âgées dépendantes" weighs as one
 * with "EHPAD" twice, not as one with six more words of the query. itself (a term's plan, or
 * NULL for a two-word acronym such as "ass mat") is consumed. */
static int acronym_query(const text_context *ctx, const acronym *a, plan *itself,
                         text_query *tq, plan **out, ps_error *err)
{
    xs_query *group = NULL;
    xs_error xe;
    int rc = 0;
    if (itself && xs_query_term(plan_term_of(itself), &group, &xe) != XS_OK)
        rc = ps_fail(err, "%s", xe.message);
    plan_free(itself);
    for (size_t i = 0; rc == 0 && i < a->n; i++) {
        xs_query *exp;
        note_stems(ctx, tq, a->expansions[i], strlen(a->expansions[i]));
        rc = parse_text(ctx, a->expansions[i], strlen(a->expansions[i]), false, &exp, err);
        if (rc == 0)
            rc = add_synonym_part(&group, exp, err);
    }
    if (rc == 0 && !group)
        rc = ps_fail(err, "acronym %s has no expansion", a->key);
    if (rc == 0 && !(*out = plan_query(group)))
        return ps_fail(err, "out of memory");
    if (rc != 0)
        xs_query_free(group);
    return rc;
}

/* A correction for an unknown word, or false. */
static bool correction(const text_context *ctx, const char *w, size_t len, char *out, size_t cap)
{
    char stem[160], word[128];
    if (len >= sizeof word)
        return false;
    fr_stem(ctx->analyzer, w, len, stem, sizeof stem);
    if (term_freqs_get(ctx->freqs, ctx->db, stem) > 0)
        return false;
    memcpy(word, w, len);
    word[len] = '\0';
    /* A stop word is no correction: it would become a required word ("nu" is not "un"). */
    return xs_database_spelling(ctx->db, word, 2, out, cap, NULL) == XS_OK && out[0] &&
           strcmp(out, word) != 0 && !is_stopword(ctx, out, strlen(out));
}

/* What building a text's query gathers besides the plans. */
typedef struct query_build {
    const text_context *ctx;
    text_query *tq;
    bool with_corrections;
    strbuf run; /* the words searched since the last phrase or exclusion, for their pairs */
    size_t n_fixes;
    struct fix {
        const token *typed;  /* the misspelt word, in the normalised text */
        char word[128];      /* its correction */
    } fixes[MAX_TOKENS];
} query_build;

/* The query of the plain word at tokens[i] (consuming a following word when the two form a
 * known acronym such as "ass mat"); *used tells how many tokens it took. The words searched
 * are appended to b->run, for the pairs of consecutive words (pairs_query). */
static int word_query(query_build *b, const token *tokens, size_t n, size_t i, plan **out,
                      size_t *used, ps_error *err)
{
    const text_context *ctx = b->ctx;
    const token *t = &tokens[i];
    *used = 1;
    if (i + 1 < n && tokens[i + 1].kind == TOKEN_WORD) {
        size_t len = (size_t)(tokens[i + 1].text + tokens[i + 1].len - t->text);
        const acronym *pair = acronym_find(ctx->acronyms, t->text, len);
        if (pair) {
            *used = 2;
            if (strbuf_append(&b->run, t->text, len) != 0 || strbuf_putc(&b->run, ' ') != 0)
                return ps_fail(err, "out of memory");
            return acronym_query(ctx, pair, NULL, b->tq, out, err);
        }
    }
    struct fix *fix = &b->fixes[b->n_fixes];
    const acronym *a = acronym_find(ctx->acronyms, t->text, t->len);
    bool fixable = !a && correction(ctx, t->text, t->len, fix->word, sizeof fix->word);
    const char *w = t->text;
    size_t len = t->len;
    if (fixable) {
        fix->typed = t;
        b->n_fixes++;
        b->tq->misspelt = true;
        if (b->with_corrections)
            w = fix->word, len = strlen(fix->word);
    }
    if (strbuf_append(&b->run, w, len) != 0 || strbuf_putc(&b->run, ' ') != 0)
        return ps_fail(err, "out of memory");
    plan *q;
    note_stems(ctx, b->tq, w, len);
    if (stem_query(ctx, w, len, &q, err) != 0)
        return -1;
    if (a)
        return acronym_query(ctx, a, q, b->tq, out, err);
    *out = q;
    return 0;
}

/* The text as typed with each misspelt word replaced by its correction: the suggestion.
 * origin maps the normalised text (from norm on) back to the text (fr_normalize_traced). */
static int suggestion(const query_build *b, const char *text, const char *norm,
                      const uint32_t *origin, strbuf *out)
{
    size_t at = 0;
    for (size_t i = 0; i < b->n_fixes; i++) {
        const token *t = b->fixes[i].typed;
        size_t start = origin[t->text - norm], end = origin[t->text + t->len - norm];
        if (strbuf_append(out, text + at, start - at) != 0 || strbuf_puts(out, b->fixes[i].word) != 0)
            return -1;
        at = end;
    }
    return strbuf_puts(out, text + at);
}

typedef struct pair_terms {
    plan *any; /* OR of the pairs' terms so far */
    ps_error *err;
} pair_terms;

static int add_pair_term(void *arg, const char *pair)
{
    pair_terms *pt = arg;
    char term[SCHEMA_MAX_TERM];
    if (!schema_pair_term(pair, term, sizeof term))
        return 0; /* the indexer has none either */
    return combine(&pt->any, PLAN_OR, plan_term(term), pt->err);
}

/* Adds the pairs of consecutive words of run (the words of the text searched in a row, between
 * two phrases or exclusions) to *pairs, and empties run. A title indexed with the same pair
 * (PREFIX_PAIR) says two of the query's words together: "auxiliaire de vie" rather than an
 * "auxiliaire de puériculture" at Saint-Gilles-Croix-de-Vie. */
static int pairs_query(const text_context *ctx, strbuf *run, plan **pairs, ps_error *err)
{
    pair_terms pt = {*pairs, err};
    int rc = run->len ? fr_each_pair(ctx->analyzer, run->data, run->len, add_pair_term, &pt, err)
                      : 0;
    *pairs = pt.any;
    strbuf_reset(run);
    return rc;
}

/* The word queries joined as match says. "All but one" is the OR of the ANDs that each leave
 * one word out: Xapian runs each AND from its rarest word, far cheaper than the OR of every
 * word, whose total (any document with "jeune" or "enfant") says little. */
static int join_words(plan **words, size_t n, text_match match, plan **out, ps_error *err)
{
    *out = NULL;
    if (match != TEXT_ALL_BUT_ONE || n < 3) {
        for (size_t i = 0; i < n; i++) {
            plan *w = words[i];
            words[i] = NULL;
            if (combine(out, match == TEXT_ALL ? PLAN_AND : PLAN_OR, w, err) != 0)
                return -1;
        }
        return 0;
    }
    for (size_t left_out = 0; left_out < n; left_out++) {
        plan *all_others = NULL;
        for (size_t i = 0; i < n; i++) /* each word serves n - 1 ANDs */
            if (i != left_out && combine(&all_others, PLAN_AND, plan_ref(words[i]), err) != 0)
                return -1;
        if (combine(out, PLAN_OR, all_others, err) != 0)
            return -1;
    }
    return 0;
}

int text_query_build(const text_context *ctx, const char *text, text_match match,
                     bool with_corrections, text_query *tq, ps_error *err)
{
    memset(tq, 0, sizeof *tq);
    strbuf norm = STRBUF_INIT;
    uint32_t *origin;
    if (fr_normalize_traced(text, strlen(text), &norm, &origin) != 0)
        return ps_fail(err, "out of memory");
    token tokens[MAX_TOKENS];
    size_t n = tokenize(norm.data, tokens);
    plan *words = NULL, *required = NULL, *excluded = NULL, *pairs = NULL;
    plan *word_queries[MAX_TOKENS]; /* one per plain word (a token or two) */
    query_build b = {.ctx = ctx, .tq = tq, .with_corrections = with_corrections,
                     .run = STRBUF_INIT};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n;) {
        const token *t = &tokens[i];
        plan *q = NULL;
        size_t used = 1;
        if (t->kind == TOKEN_WORD && is_stopword(ctx, t->text, t->len) &&
            !acronym_find(ctx->acronyms, t->text, t->len)) {
            i++;
            continue;
        }
        if (t->kind == TOKEN_WORD) {
            rc = word_query(&b, tokens, n, i, &q, &used, err);
            if (rc == 0)
                word_queries[tq->words++] = q;
        } else {
            rc = pairs_query(ctx, &b.run, &pairs, err);
        }
        if (rc != 0) {
            break;
        } else if (t->kind == TOKEN_PHRASE && t->len) {
            note_stems(ctx, tq, t->text, t->len);
            rc = parsed_query(ctx, t->text, t->len, true, &q, err);
            if (rc == 0)
                rc = combine(&required, PLAN_AND, q, err);
        } else if (t->kind == TOKEN_EXCLUDED) {
            rc = stem_query(ctx, t->text, t->len, &q, err);
            if (rc == 0)
                rc = combine(&excluded, PLAN_OR, q, err);
        }
        i += used;
    }
    if (rc == 0)
        rc = pairs_query(ctx, &b.run, &pairs, err);
    if (rc == 0 && suggestion(&b, text, norm.data, origin, &tq->corrected) != 0)
        rc = ps_fail(err, "out of memory");
    if (rc == 0)
        rc = join_words(word_queries, tq->words, match, &words, err);
    for (size_t i = 0; i < tq->words; i++)
        plan_free(word_queries[i]);
    if (rc == 0 && words && pairs)
        rc = combine(&words, PLAN_AND_MAYBE, pairs, err), pairs = NULL;
    if (rc == 0 && required)
        rc = combine(&words, PLAN_AND, required, err), required = NULL;
    if (rc == 0 && excluded) {
        if (!words && !(words = plan_all()))
            rc = ps_fail(err, "out of memory");
        if (rc == 0)
            rc = combine(&words, PLAN_AND_NOT, excluded, err);
        excluded = NULL;
    }
    plan_free(required);
    plan_free(excluded);
    plan_free(pairs);
    strbuf_free(&b.run);
    strbuf_free(&norm);
    free(origin);
    if (rc != 0) {
        plan_free(words);
        text_query_free(tq);
        return -1;
    }
    tq->plan = words;
    return 0;
}

void text_query_free(text_query *tq)
{
    plan_free(tq->plan);
    strbuf_free(&tq->corrected);
    tq->plan = NULL;
}
