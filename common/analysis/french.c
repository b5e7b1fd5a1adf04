#include "french.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"

enum { FR_MAX_WORD = 256 };

/* ---- Stop words ------------------------------------------------------------------------ */

struct fr_stopwords {
    char **words; /* folded, sorted, unique */
    size_t count;
};

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Strips a comment and surrounding blanks from line in place; returns the word or NULL. */
static char *stopword_of_line(char *line)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' ||
                 line[n - 1] == '\t'))
        line[--n] = '\0';
    return n ? line : NULL;
}

static int stopwords_add(fr_stopwords *sw, size_t *cap, const char *word, size_t len)
{
    char folded[FR_MAX_WORD];
    size_t need = fold_text(word, len, folded, sizeof folded);
    if (need >= sizeof folded)
        return 0; /* no stop word is that long: ignore it */
    if (sw->count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 256;
        char **words = realloc(sw->words, ncap * sizeof *words);
        if (!words)
            return -1;
        sw->words = words;
        *cap = ncap;
    }
    if (!(sw->words[sw->count] = strdup(folded)))
        return -1;
    sw->count++;
    return 0;
}

int fr_stopwords_load(const char *path, fr_stopwords **out, ps_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return ps_fail(err, "cannot open stop words %s: %s", path, strerror(errno));
    fr_stopwords *sw = calloc(1, sizeof *sw);
    char *line = NULL;
    size_t line_cap = 0, cap = 0, lineno = 0;
    ssize_t n;
    int rc = sw ? 0 : ps_fail(err, "out of memory");
    while (rc == 0 && (n = getline(&line, &line_cap, f)) != -1) {
        lineno++;
        if (!utf8_valid(line, (size_t)n)) {
            rc = ps_fail(err, "%s:%zu: invalid UTF-8", path, lineno);
            break;
        }
        char *word = stopword_of_line(line);
        if (word && stopwords_add(sw, &cap, word, strlen(word)) != 0)
            rc = ps_fail(err, "out of memory");
    }
    if (rc == 0 && ferror(f))
        rc = ps_fail(err, "cannot read stop words %s: %s", path, strerror(errno));
    free(line);
    fclose(f);
    if (rc != 0) {
        fr_stopwords_free(sw);
        return rc;
    }
    qsort(sw->words, sw->count, sizeof *sw->words, compare_words);
    size_t unique = 0; /* "à" and "a" both fold to "a" */
    for (size_t i = 0; i < sw->count; i++) {
        if (unique && strcmp(sw->words[unique - 1], sw->words[i]) == 0)
            free(sw->words[i]);
        else
            sw->words[unique++] = sw->words[i];
    }
    sw->count = unique;
    *out = sw;
    return 0;
}

size_t fr_stopwords_count(const fr_stopwords *sw) { return sw->count; }

bool fr_stopwords_contains(const fr_stopwords *sw, const char *folded_word)
{
    return bsearch(&folded_word, sw->words, sw->count, sizeof *sw->words, compare_words) != NULL;
}

void fr_stopwords_free(fr_stopwords *sw)
{
    if (!sw)
        return;
    for (size_t i = 0; i < sw->count; i++)
        free(sw->words[i]);
    free(sw->words);
    free(sw);
}

/* ---- Normalisation --------------------------------------------------------------------- */

/* Articles and conjunctions that elide before a vowel: l'équipe, qu'il, jusqu'à. */
static const char *const elided_words[] = {
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
};

static bool is_elided_word(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof elided_words / sizeof elided_words[0]; i++)
        if (strlen(elided_words[i]) == len && memcmp(elided_words[i], w, len) == 0)
            return true;
    return false;
}

static bool is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4;
}

static bool is_hyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

static bool next_is_word_char(const char *s, size_t len)
{
    uint32_t cp;
    return utf8_decode(s, len, &cp) && fold_is_word_char(cp);
}

/* Where each byte of the output came from (fr_normalize_traced), or NULL: grown as the output
 * grows; origin[j] is the offset in text of the character that produced byte j. */
typedef struct trace {
    uint32_t *origin;
    size_t cap;
} trace;

/* Records that out's bytes from `from` on came from the character at offset at. */
static int trace_bytes(trace *t, const strbuf *out, size_t from, size_t at)
{
    if (!t)
        return 0;
    if (out->len + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < out->len + 1)
            cap *= 2;
        uint32_t *origin = realloc(t->origin, cap * sizeof *origin);
        if (!origin)
            return -1;
        t->origin = origin, t->cap = cap;
    }
    for (size_t j = from; j < out->len; j++)
        t->origin[j] = (uint32_t)at;
    return 0;
}

static int normalize(const char *text, size_t len, strbuf *out, trace *t)
{
    size_t word_start = out->len; /* where the word being copied began in out */
    bool in_word = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(text + i, len - i, &cp);
        size_t before = out->len;
        if (n == 0) { /* invalid byte: a word break */
            if (strbuf_putc(out, ' ') != 0 || trace_bytes(t, out, before, i) != 0)
                return -1;
            in_word = false;
            i++;
            continue;
        }
        const char *rest = text + i + n;
        size_t rest_len = len - i - n;
        int rc = 0;
        if (in_word && is_apostrophe(cp) && next_is_word_char(rest, rest_len)) {
            if (is_elided_word(out->data + word_start, out->len - word_start))
                strbuf_truncate(out, word_start);
            else
                rc = strbuf_putc(out, '\'');
            in_word = false;
        } else if (in_word && is_hyphen(cp) && next_is_word_char(rest, rest_len)) {
            rc = strbuf_putc(out, ' ');
            in_word = false;
        } else if (cp == 0xAD) { /* soft hyphen: invisible, joins nothing */
        } else if (fold_is_word_char(cp)) {
            if (!in_word)
                word_start = out->len;
            in_word = true;
            const char *folded = fold_letter(cp);
            rc = folded ? strbuf_puts(out, folded) : strbuf_append(out, text + i, n);
        } else {
            in_word = false;
            rc = is_apostrophe(cp) ? strbuf_putc(out, '\'') : strbuf_append(out, text + i, n);
        }
        if (rc != 0 || (out->len > before && trace_bytes(t, out, before, i) != 0))
            return -1;
        i += n;
    }
    if (!out->data && strbuf_reserve(out, 0) != 0)
        return -1;
    return trace_bytes(t, out, out->len, len); /* makes room for origin[out->len] */
}

int fr_normalize(const char *text, size_t len, strbuf *out)
{
    return normalize(text, len, out, NULL);
}

int fr_normalize_traced(const char *text, size_t len, strbuf *out, uint32_t **origin)
{
    trace t = {NULL, 0};
    *origin = NULL;
    if (normalize(text, len, out, &t) != 0) {
        free(t.origin);
        return -1;
    }
    t.origin[out->len] = (uint32_t)len;
    *origin = t.origin;
    return 0;
}

/* ---- Stemming -------------------------------------------------------------------------- */

/* fr_stem's answers by word as given (before folding): documents, queries and snippets stem
 * the same few thousand words over and over, and each Snowball call through Xapian costs
 * std::string copies and a virtual call. Direct-mapped; longer words are not remembered. */
enum { STEM_MEMO_SLOTS = 4096, STEM_MEMO_WORD = 30 };

typedef struct stem_memo_slot {
    uint8_t word_len; /* 0: empty */
    char word[STEM_MEMO_WORD];
    char stem[STEM_MEMO_WORD + 1];
} stem_memo_slot;

struct fr_analyzer {
    stem_memo_slot *memo; /* STEM_MEMO_SLOTS of them */
    xs_stemmer *snowball; /* Xapian's Snowball French, fed folded words */
    xs_stemmer *stemmer;  /* fr_stem, as a Xapian stemmer */
    xs_stopper *stopper;
    xs_termgen *termgen;  /* uses stemmer and stopper */
    xs_writer *spelling;  /* where FR_SPELLING fields go, or NULL */
    fr_stopwords stopwords; /* a copy: fr_stem keeps words from stemming into one */
};

static bool ends_with(const char *w, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(w + len - n, suffix, n) == 0;
}

/* Feminine endings of folded words and their masculine forms. Snowball relies on accents to
 * conflate "infirmière" with "infirmier"; once folded, "infirmiere" needs this step. */
static const struct {
    const char *feminine, *masculine;
    size_t min_len; /* shorter words are left alone: "mere", "sphere" */
} feminine_endings[] = {
    {"trice", "teur", 7}, /* educatrice, directrice, puericultrice */
    {"ienne", "ien", 7},  /* technicienne, pharmacienne */
    {"iere", "ier", 5},   /* infirmiere, hospitaliere */
    {"euse", "eur", 6},   /* veilleuse, coiffeuse */
    {"ere", "er", 7},     /* conseillere, menagere */
    {"ee", "e", 6},       /* specialisee, diplomee */
};

/* Rewrites a folded word's feminine or plural ending to the masculine singular, in place.
 * Returns the new length, or 0 when no rule applied. */
static size_t masculine_singular(char *w, size_t len)
{
    size_t singular = len;
    if (len > 4 && w[len - 1] == 's' && w[len - 2] != 's')
        singular--;
    for (size_t i = 0; i < sizeof feminine_endings / sizeof feminine_endings[0]; i++) {
        const char *fem = feminine_endings[i].feminine;
        if (singular >= feminine_endings[i].min_len && ends_with(w, singular, fem)) {
            size_t stem_len = singular - strlen(fem);
            size_t masc_len = strlen(feminine_endings[i].masculine);
            memcpy(w + stem_len, feminine_endings[i].masculine, masc_len);
            return stem_len + masc_len;
        }
    }
    return 0;
}

/* Snowball cuts some short words down to a stop word or a letter or two: "deas" (the
 * diplôme of aide-soignant) to "de", "ets" to "et", "vie" to "vi". A search for DEAS would then
 * match every document, so such a stem is refused. Only short stems are looked up in the stop
 * list (this runs for every word indexed): the stop words a stem lands on are short ones. */
static bool degenerate_stem(const fr_analyzer *a, const char *stem)
{
    size_t len = strlen(stem);
    return len < 3 || (len <= 4 && a->stopwords.count &&
                       fr_stopwords_contains(&a->stopwords, stem));
}

/* The folded word stands for its own stem, without a plural s unless that leaves a degenerate
 * stem ("vies" -> "vie", "deas" -> "dea", but "ets" stays). */
static void keep_short_word(const fr_analyzer *a, char *w, size_t n, char *out, size_t cap)
{
    if (n > 1 && w[n - 1] == 's') {
        w[n - 1] = '\0';
        if (degenerate_stem(a, w))
            w[n - 1] = 's';
        else
            n--;
    }
    snprintf(out, cap, "%.*s", (int)n, w);
}

static void stem_word(fr_analyzer *a, const char *word, size_t len, char *out, size_t cap)
{
    char w[FR_MAX_WORD];
    size_t n = fold_text(word, len, w, sizeof w);
    if (n >= sizeof w)
        n = sizeof w - 1;
    /* Short words in -ee ("idee", "annees") keep their form: Snowball would turn "idee" into
     * "ide", the acronym of infirmier diplômé d'État. */
    size_t singular = n > 1 && w[n - 1] == 's' ? n - 1 : n;
    if (singular <= 5 && ends_with(w, singular, "ee")) {
        snprintf(out, cap, "%.*s", (int)singular, w);
        return;
    }
    size_t m = masculine_singular(w, n);
    if (m)
        n = m;
    w[n] = '\0';
    if (xs_stemmer_stem(a->snowball, w, n, out, cap, NULL) != XS_OK)
        snprintf(out, cap, "%s", w);
    else if (strcmp(out, w) != 0 && degenerate_stem(a, out))
        keep_short_word(a, w, n, out, cap);
}

static void copy_stem(const char *stem, size_t len, char *out, size_t cap)
{
    if (cap == 0)
        return;
    if (len >= cap)
        len = cap - 1;
    memcpy(out, stem, len);
    out[len] = '\0';
}

static stem_memo_slot *memo_slot(const fr_analyzer *a, const char *word, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)word[i]) * 16777619u;
    return &a->memo[h % STEM_MEMO_SLOTS];
}

void fr_stem(fr_analyzer *a, const char *word, size_t len, char *out, size_t cap)
{
    stem_memo_slot *slot = len && len <= STEM_MEMO_WORD ? memo_slot(a, word, len) : NULL;
    if (slot && slot->word_len == len && memcmp(slot->word, word, len) == 0) {
        copy_stem(slot->stem, strlen(slot->stem), out, cap);
        return;
    }
    char stem[FR_MAX_WORD];
    stem_word(a, word, len, stem, sizeof stem);
    size_t stem_len = strlen(stem);
    if (slot && stem_len <= STEM_MEMO_WORD) {
        slot->word_len = (uint8_t)len;
        memcpy(slot->word, word, len);
        memcpy(slot->stem, stem, stem_len + 1);
    }
    copy_stem(stem, stem_len, out, cap);
}

/* The stem of a folded word of text, or false for a stop word (or one too long to keep). */
static bool pair_word(fr_analyzer *a, const char *w, size_t len, char *stem, size_t cap)
{
    char word[64];
    if (len >= sizeof word)
        return false;
    memcpy(word, w, len);
    word[len] = '\0';
    if (fr_stopwords_contains(&a->stopwords, word))
        return false;
    fr_stem(a, w, len, stem, cap);
    return stem[0] != '\0';
}

int fr_each_pair(fr_analyzer *a, const char *text, size_t len,
                 int (*fn)(void *ctx, const char *pair), void *ctx, ps_error *err)
{
    strbuf norm = STRBUF_INIT;
    if (fr_normalize(text, len, &norm) != 0) {
        strbuf_free(&norm);
        return ps_fail(err, "out of memory");
    }
    char previous[FR_MAX_WORD] = "", stem[FR_MAX_WORD], pair[2 * FR_MAX_WORD];
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < norm.len;) {
        while (i < norm.len && !fr_is_word_byte(norm.data[i]))
            i++;
        size_t start = i;
        while (i < norm.len && fr_is_word_byte(norm.data[i]))
            i++;
        if (i == start || !pair_word(a, norm.data + start, i - start, stem, sizeof stem))
            continue;
        if (previous[0]) {
            snprintf(pair, sizeof pair, "%s_%s", previous, stem);
            if (strlen(pair) <= FR_MAX_PAIR)
                rc = fn(ctx, pair);
        }
        memcpy(previous, stem, sizeof previous);
    }
    strbuf_free(&norm);
    return rc;
}

static size_t stem_callback(void *ctx, const char *word, size_t len, char *out, size_t cap)
{
    fr_stem(ctx, word, len, out, cap);
    return strlen(out);
}

/* A deep copy of sorted stop words into an empty list (the analyzer outlives its caller's). */
static int stopwords_copy(fr_stopwords *to, const fr_stopwords *from)
{
    if (!(to->words = calloc(from->count ? from->count : 1, sizeof *to->words)))
        return -1;
    for (; to->count < from->count; to->count++)
        if (!(to->words[to->count] = strdup(from->words[to->count])))
            return -1;
    return 0;
}

int fr_analyzer_new(const fr_stopwords *sw, fr_analyzer **out, ps_error *err)
{
    fr_analyzer *a = calloc(1, sizeof *a);
    if (a && !(a->memo = calloc(STEM_MEMO_SLOTS, sizeof *a->memo))) {
        free(a);
        a = NULL;
    }
    if (!a)
        return ps_fail(err, "out of memory");
    xs_error xe;
    if (xs_stemmer_new_snowball("french", &a->snowball, &xe) != XS_OK ||
        xs_stemmer_new_custom(stem_callback, a, "french-folded", &a->stemmer, &xe) != XS_OK ||
        xs_stopper_new(&a->stopper, &xe) != XS_OK)
        goto fail;
    for (size_t i = 0; sw && i < sw->count; i++)
        if (xs_stopper_add(a->stopper, sw->words[i], &xe) != XS_OK)
            goto fail;
    if (sw && stopwords_copy(&a->stopwords, sw) != 0) {
        fr_analyzer_free(a);
        return ps_fail(err, "out of memory");
    }
    if (xs_termgen_new(a->stemmer, a->stopper, &a->termgen, &xe) != XS_OK)
        goto fail;
    *out = a;
    return 0;
fail:
    fr_analyzer_free(a);
    return ps_fail(err, "French analyzer: %s", xe.message);
}

void fr_analyzer_free(fr_analyzer *a)
{
    if (!a)
        return;
    xs_termgen_free(a->termgen);
    xs_stemmer_free(a->stemmer);
    xs_stemmer_free(a->snowball);
    xs_stopper_free(a->stopper);
    for (size_t i = 0; i < a->stopwords.count; i++)
        free(a->stopwords.words[i]);
    free(a->stopwords.words);
    free(a->memo);
    free(a);
}

xs_stemmer *fr_analyzer_stemmer(fr_analyzer *a) { return a->stemmer; }


/* ---- Indexing and parsing -------------------------------------------------------------- */

/* Positions left between two fields of a document. */
enum { FIELD_GAP = 100 };

int fr_begin_document(fr_analyzer *a, xs_document *doc, ps_error *err)
{
    xs_error xe;
    if (xs_termgen_set_document(a->termgen, doc, &xe) != XS_OK)
        return ps_fail(err, "indexing: %s", xe.message);
    return 0;
}

void fr_set_spelling_writer(fr_analyzer *a, xs_writer *w) { a->spelling = w; }

int fr_index_text(fr_analyzer *a, const char *text, size_t len, unsigned wdf_inc,
                  const char *prefix, unsigned flags, ps_error *err)
{
    strbuf norm = STRBUF_INIT;
    if (fr_normalize(text, len, &norm) != 0) {
        strbuf_free(&norm);
        return ps_fail(err, "out of memory");
    }
    xs_error xe;
    xs_writer *spelling = (flags & FR_SPELLING) ? a->spelling : NULL;
    xs_status st = xs_termgen_set_spelling(a->termgen, spelling, &xe);
    if (st == XS_OK)
        st = xs_termgen_index(a->termgen, norm.data, norm.len, wdf_inc, prefix,
                              (flags & FR_POSITIONS) != 0, &xe);
    strbuf_free(&norm);
    if (st != XS_OK)
        return ps_fail(err, "indexing text: %s", xe.message);
    xs_termgen_increase_termpos(a->termgen, FIELD_GAP);
    return 0;
}

int fr_qparser_new(fr_analyzer *a, xs_database *db, xs_qparser **out, ps_error *err)
{
    xs_error xe;
    if (xs_qparser_new(db, a->stemmer, a->stopper, out, &xe) != XS_OK)
        return ps_fail(err, "query parser: %s", xe.message);
    return 0;
}

int fr_parse_query(xs_qparser *qp, const char *text, size_t len, unsigned flags,
                   xs_query_op default_op, xs_query **out, bool *syntax_error, ps_error *err)
{
    *syntax_error = false;
    strbuf norm = STRBUF_INIT;
    if (fr_normalize(text, len, &norm) != 0) {
        strbuf_free(&norm);
        return ps_fail(err, "out of memory");
    }
    xs_error xe;
    xs_status st = xs_qparser_parse(qp, norm.data, norm.len, flags, default_op, out, &xe);
    strbuf_free(&norm);
    if (st != XS_OK) {
        *syntax_error = st == XS_QUERY_SYNTAX;
        return ps_fail(err, "%s", xe.message);
    }
    return 0;
}
