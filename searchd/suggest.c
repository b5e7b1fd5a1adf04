#include "suggest.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "french.h"
#include "request.h"
#include "strbuf.h"

typedef struct entry {
    char *folded; /* the normalised label: "aide soignant aide soignante" */
    uint32_t population;
    size_t index; /* into the référentiel's métiers or communes */
} entry;

/* One word of a commune's name, for prefix lookups: "saint", "denis" of "Saint-Denis". */
typedef struct name_word {
    const char *word; /* into the entry's folded name; ends at a separator or NUL */
    uint32_t commune; /* index into communes */
} name_word;

/* A postal code of a commune, for prefix lookups ("690" finds Lyon's). */
typedef struct postcode {
    char code[8];
    uint32_t commune; /* index into communes */
} postcode;

struct suggester {
    const referentiel *ref;
    entry *metiers, *communes; /* communes by population, largest first */
    size_t n_metiers, n_communes;
    name_word *words;          /* every word of every commune name, sorted */
    size_t n_words;
    postcode *postcodes;       /* every postal code of every commune (not arrondissements),
                                * sorted by code then population */
    size_t n_postcodes;
};

static bool is_word_byte(char c)
{
    switch (c) {
    case '\0': case ' ': case '-': case '\'': case '/': case '(': case ')': case ',': case '.':
        return false;
    default:
        return true;
    }
}

static size_t word_length(const char *w)
{
    size_t n = 0;
    while (is_word_byte(w[n]))
        n++;
    return n;
}

/* Orders words as strings would, a separator ending a word like a NUL. */
static int compare_words(const char *a, const char *b)
{
    size_t la = word_length(a), lb = word_length(b);
    int c = memcmp(a, b, la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

static int by_word(const void *a, const void *b)
{
    const name_word *x = a, *y = b;
    int c = compare_words(x->word, y->word);
    return c ? c : (x->commune > y->commune) - (x->commune < y->commune);
}

static int index_words(suggester *s)
{
    size_t cap = 0;
    for (size_t i = 0; i < s->n_communes; i++)
        for (const char *p = s->communes[i].folded; *p; p++)
            cap += is_word_byte(*p) && (p == s->communes[i].folded || !is_word_byte(p[-1]));
    if (!(s->words = malloc((cap ? cap : 1) * sizeof *s->words)))
        return -1;
    for (size_t i = 0; i < s->n_communes; i++)
        for (const char *p = s->communes[i].folded; *p; p++)
            if (is_word_byte(*p) && (p == s->communes[i].folded || !is_word_byte(p[-1])))
                s->words[s->n_words++] = (name_word){p, (uint32_t)i};
    qsort(s->words, s->n_words, sizeof *s->words, by_word);
    return 0;
}

static int by_postcode(const void *a, const void *b)
{
    const postcode *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c ? c : (x->commune > y->commune) - (x->commune < y->commune);
}

/* Writes the postal codes of commune c, index i, into out ("69001,69002": two), unless out is
 * NULL; returns how many. */
static size_t index_postcodes_of(const commune *c, uint32_t i, postcode *out)
{
    size_t n = 0;
    for (const char *cp = c->codes_postaux; *cp;) {
        size_t len = strcspn(cp, ",");
        if (len > 0 && len < sizeof out->code) {
            if (out) {
                memcpy(out[n].code, cp, len);
                out[n].code[len] = '\0';
                out[n].commune = i;
            }
            n++;
        }
        cp += len + (cp[len] == ',');
    }
    return n;
}

static int index_postcodes(suggester *s)
{
    size_t cap = 0;
    for (size_t i = 0; i < s->n_communes; i++)
        cap += index_postcodes_of(referentiel_commune_at(s->ref, s->communes[i].index),
                                  (uint32_t)i, NULL);
    if (!(s->postcodes = malloc((cap ? cap : 1) * sizeof *s->postcodes)))
        return -1;
    for (size_t i = 0; i < s->n_communes; i++) {
        const commune *c = referentiel_commune_at(s->ref, s->communes[i].index);
        if (!c->parent[0]) /* arrondissements are reached through their city */
            s->n_postcodes += index_postcodes_of(c, (uint32_t)i, s->postcodes + s->n_postcodes);
    }
    qsort(s->postcodes, s->n_postcodes, sizeof *s->postcodes, by_postcode);
    return 0;
}

static char *normalised_copy(const char *text)
{
    strbuf b = STRBUF_INIT;
    if (fr_normalize(text, strlen(text), &b) != 0) {
        strbuf_free(&b);
        return NULL;
    }
    return b.data;
}

/* Most populous first; equal populations in référentiel order (qsort is not stable). */
static int by_population(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->population != y->population)
        return x->population < y->population ? 1 : -1;
    return (x->index > y->index) - (x->index < y->index);
}

int suggester_new(const referentiel *ref, suggester **out, ps_error *err)
{
    suggester *s = calloc(1, sizeof *s);
    if (!s)
        return ps_fail(err, "out of memory");
    s->ref = ref;
    s->n_metiers = referentiel_metier_count(ref);
    s->n_communes = referentiel_commune_count(ref);
    s->metiers = calloc(s->n_metiers + 1, sizeof *s->metiers);
    s->communes = calloc(s->n_communes + 1, sizeof *s->communes);
    bool ok = s->metiers && s->communes;
    for (size_t i = 0; ok && i < s->n_metiers; i++) {
        s->metiers[i] = (entry){normalised_copy(referentiel_metier_at(ref, i)->libelle), 0, i};
        ok = s->metiers[i].folded != NULL;
    }
    for (size_t i = 0; ok && i < s->n_communes; i++) {
        const commune *c = referentiel_commune_at(ref, i);
        s->communes[i] = (entry){normalised_copy(c->nom), c->population, i};
        ok = s->communes[i].folded != NULL;
    }
    if (!ok) {
        suggester_free(s);
        return ps_fail(err, "out of memory");
    }
    qsort(s->communes, s->n_communes, sizeof *s->communes, by_population);
    if (index_words(s) != 0 || index_postcodes(s) != 0) {
        suggester_free(s);
        return ps_fail(err, "out of memory");
    }
    *out = s;
    return 0;
}

void suggester_free(suggester *s)
{
    if (!s)
        return;
    for (size_t i = 0; s->metiers && i < s->n_metiers; i++)
        free(s->metiers[i].folded);
    for (size_t i = 0; s->communes && i < s->n_communes; i++)
        free(s->communes[i].folded);
    free(s->metiers);
    free(s->communes);
    free(s->words);
    free(s->postcodes);
    free(s);
}

/* Whether every word of query starts some word of text ("aide soi" matches "aide soignant"). */
static bool prefixes_match(const char *text, const char *query)
{
    for (const char *q = query; *q;) {
        while (*q && !is_word_byte(*q))
            q++;
        size_t len = 0;
        while (is_word_byte(q[len]))
            len++;
        if (!len)
            break;
        bool found = false;
        for (const char *t = text; *t && !found; t++)
            if ((t == text || !is_word_byte(t[-1])) && strncmp(t, q, len) == 0)
                found = true;
        if (!found)
            return false;
        q += len;
    }
    return true;
}

static json_t *metiers_json(const suggester *s, const char *query, uint32_t limit)
{
    json_t *list = json_array();
    for (size_t i = 0; i < s->n_metiers && json_array_size(list) < limit; i++) {
        if (!prefixes_match(s->metiers[i].folded, query))
            continue;
        const metier *m = referentiel_metier_at(s->ref, s->metiers[i].index);
        json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "label", m->libelle,
                                              "codeROME", m->rome, "slug", m->slug));
    }
    return list;
}

static bool all_digits(const char *s)
{
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static json_t *commune_json(const suggester *s, size_t i)
{
    const commune *c = referentiel_commune_at(s->ref, s->communes[i].index);
    size_t cp_len = strcspn(c->codes_postaux, ",");
    return json_pack("{s:s, s:s, s:s, s:s%}", "code", c->insee, "nom", c->nom, "departement",
                     c->departement, "codePostal", c->codes_postaux, cp_len);
}

/* Keeps the limit smallest distinct values of best[0..*n), sorted. */
static void insert_smallest(uint32_t *best, size_t *n, size_t limit, uint32_t v)
{
    for (size_t k = 0; k < *n; k++)
        if (best[k] == v)
            return;
    if (*n == limit && v > best[*n - 1])
        return;
    size_t at = *n < limit ? (*n)++ : *n - 1; /* the slot freed: a new one, or the largest */
    while (at > 0 && best[at - 1] > v) {
        best[at] = best[at - 1];
        at--;
    }
    best[at] = v;
}

/* The communes best[0..n) (indices into communes) as a JSON list. */
static json_t *communes_list(const suggester *s, const uint32_t *best, size_t n)
{
    json_t *list = json_array();
    for (size_t k = 0; k < n; k++)
        json_array_append_new(list, commune_json(s, best[k]));
    return list;
}

/* Whether commune i answers query (arrondissements are reached through their city). */
static bool commune_matches(const suggester *s, size_t i, const char *query)
{
    const commune *c = referentiel_commune_at(s->ref, s->communes[i].index);
    return !c->parent[0] && prefixes_match(s->communes[i].folded, query);
}

/* The communes of words[lo..hi) that answer query: the limit most populous in best (sorted
 * indices, as communes are by population); returns how many. */
static size_t best_of_range(const suggester *s, size_t lo, size_t hi, const char *query,
                            uint32_t limit, uint32_t *best)
{
    size_t n = 0;
    for (size_t k = lo; k < hi; k++)
        if (commune_matches(s, s->words[k].commune, query))
            insert_smallest(best, &n, limit, s->words[k].commune);
    return n;
}

/* Communes whose name has a word starting with each typed word, most populous first. Those
 * with a word starting with the first typed word are a range of the sorted words. A long
 * range ("sa", "saint": thousands) is not read whole: the communes are read in population
 * order until limit of them answer, about limit * communes / range reads, given up (for the
 * range) after as many reads as the range holds. */
static json_t *communes_by_name(const suggester *s, const char *query, uint32_t limit)
{
    const char *first = query;
    while (*first && !is_word_byte(*first))
        first++;
    size_t len = word_length(first), lo = 0, hi = s->n_words;
    while (lo < hi) { /* the first word >= the prefix */
        size_t mid = lo + (hi - lo) / 2;
        if (compare_words(s->words[mid].word, first) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = s->n_words;
    for (size_t a = lo; a < end;) { /* the first word past those with the prefix */
        size_t mid = a + (end - a) / 2;
        if (strncmp(s->words[mid].word, first, len) == 0)
            a = mid + 1;
        else
            end = mid;
    }
    uint32_t best[REQ_MAX_SUGGEST];
    size_t n = 0, range = end - lo;
    if ((uint64_t)range * range > (uint64_t)limit * s->n_communes) {
        for (size_t i = 0; i < s->n_communes && i < range && n < limit; i++)
            if (commune_matches(s, i, query))
                best[n++] = (uint32_t)i;
        if (n == limit)
            return communes_list(s, best, n);
        n = 0;
    }
    n = best_of_range(s, lo, end, query, limit, best);
    return communes_list(s, best, n);
}

/* Communes with a postal code starting with the typed digits, most populous first. */
static json_t *communes_by_postcode(const suggester *s, const char *query, uint32_t limit)
{
    size_t qlen = strlen(query), lo = 0, hi = s->n_postcodes;
    while (lo < hi) { /* the first code >= the prefix */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(s->postcodes[mid].code, query) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t best[REQ_MAX_SUGGEST];
    size_t n = 0;
    for (size_t k = lo; k < s->n_postcodes && strncmp(s->postcodes[k].code, query, qlen) == 0;
         k++)
        insert_smallest(best, &n, limit, s->postcodes[k].commune);
    return communes_list(s, best, n);
}

static json_t *communes_json(const suggester *s, const char *query, uint32_t limit)
{
    return all_digits(query) ? communes_by_postcode(s, query, limit)
                             : communes_by_name(s, query, limit);
}

json_t *suggester_run(const suggester *s, const char *q, uint32_t limit)
{
    char *query = normalised_copy(q);
    if (!query)
        return NULL;
    json_t *out = NULL;
    if (!*query || strspn(query, " ") == strlen(query))
        out = json_pack("{s:[], s:[]}", "metiers", "communes");
    else
        out = json_pack("{s:o, s:o}", "metiers", metiers_json(s, query, limit), "communes",
                        communes_json(s, query, limit));
    free(query);
    return out;
}
