#include "suggest.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "french.h"
#include "strbuf.h"

typedef struct entry {
    char *folded; /* the normalised label: "aide soignant aide soignante" */
    uint32_t population;
    size_t index; /* into the référentiel's métiers or communes */
} entry;

struct suggester {
    const referentiel *ref;
    entry *metiers, *communes; /* communes by population, largest first */
    size_t n_metiers, n_communes;
};

static char *normalised_copy(const char *text)
{
    strbuf b = STRBUF_INIT;
    if (fr_normalize(text, strlen(text), &b) != 0) {
        strbuf_free(&b);
        return NULL;
    }
    return b.data;
}

static int by_population(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    return x->population < y->population ? 1 : x->population > y->population ? -1 : 0;
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
    free(s);
}

static bool is_word_byte(char c) { return c && !strchr(" -'/(),.", c); }

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

static json_t *communes_json(const suggester *s, const char *query, uint32_t limit)
{
    json_t *list = json_array();
    bool postal = all_digits(query);
    for (size_t i = 0; i < s->n_communes && json_array_size(list) < limit; i++) {
        const commune *c = referentiel_commune_at(s->ref, s->communes[i].index);
        bool match = postal ? strstr(c->codes_postaux, query) != NULL &&
                                  (strncmp(c->codes_postaux, query, strlen(query)) == 0 ||
                                   strstr(c->codes_postaux, query)[-1] == ',')
                            : prefixes_match(s->communes[i].folded, query);
        if (!match || c->parent[0]) /* arrondissements are reached through their city */
            continue;
        size_t cp_len = strcspn(c->codes_postaux, ",");
        json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s%}", "code", c->insee, "nom",
                                              c->nom, "departement", c->departement,
                                              "codePostal", c->codes_postaux, cp_len));
    }
    return list;
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
