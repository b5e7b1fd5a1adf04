#include "params.h"

#include <errno.h>
#include <stddef.h>
#include <event2/http.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "fold.h"
#include "schema.h"

static int param_fail(param_error *perr, const char *parameter, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int param_fail(param_error *perr, const char *parameter, const char *fmt, ...)
{
    perr->parameter = parameter;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(perr->message, sizeof perr->message, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- The query string -------------------------------------------------------------------- */

/* Parses the raw query string into params, refusing what evhttp would accept silently. */
static int parse_query_string(const char *qs, struct evkeyvalq *params,
                              const char *const *known, size_t n_known, param_error *perr)
{
    params->tqh_first = NULL; /* TAILQ_INIT, which libevent does not export */
    params->tqh_last = &params->tqh_first;
    if (!qs || !*qs)
        return 0;
    if (strlen(qs) > PARAMS_MAX_QUERY_STRING)
        return param_fail(perr, NULL, "the query string is longer than %d bytes",
                          PARAMS_MAX_QUERY_STRING);
    /* evhttp would cut a value at an encoded NUL without a word: refuse it, naming its key */
    for (const char *pair = qs; *pair;) {
        size_t len = strcspn(pair, "&");
        for (size_t i = 0; i + 2 < len; i++) {
            if (pair[i] == '%' && pair[i + 1] == '0' && pair[i + 2] == '0') {
                int klen = (int)strcspn(pair, "=&");
                return param_fail(perr, NULL, "parameter %.*s holds an encoded NUL (%%00)",
                                  klen < 64 ? klen : 64, pair);
            }
        }
        pair += len + (pair[len] == '&');
    }
    if (evhttp_parse_query_str(qs, params) != 0)
        return param_fail(perr, NULL, "the query string is malformed (each parameter needs '=')");
    for (struct evkeyval *kv = params->tqh_first; kv; kv = kv->next.tqe_next) {
        size_t i;
        for (i = 0; i < n_known && strcmp(kv->key, known[i]) != 0; i++)
            ;
        if (i == n_known)
            return param_fail(perr, kv->key, "unknown parameter %.64s", kv->key);
        if (!utf8_valid(kv->value, strlen(kv->value)))
            return param_fail(perr, known[i], "%s is not valid UTF-8", known[i]);
        for (struct evkeyval *other = params->tqh_first; other != kv; other = other->next.tqe_next)
            if (strcmp(other->key, kv->key) == 0)
                return param_fail(perr, known[i], "%s is given more than once", known[i]);
    }
    return 0;
}

/* The value of name, NULL when absent or empty. */
static const char *value_of(struct evkeyvalq *params, const char *name)
{
    for (struct evkeyval *kv = params->tqh_first; kv; kv = kv->next.tqe_next)
        if (strcmp(kv->key, name) == 0)
            return *kv->value ? kv->value : NULL;
    return NULL;
}

/* ---- Values ------------------------------------------------------------------------------ */

static int parse_uint(const char *name, const char *value, uint32_t min, uint32_t max,
                      uint32_t *out, param_error *perr)
{
    if (!value)
        return 0;
    char *end;
    errno = 0;
    unsigned long v = strtoul(value, &end, 10);
    if (*end || value[0] < '0' || value[0] > '9' || errno == ERANGE || v < min || v > max)
        return param_fail(perr, name, "%s must be a whole number from %u to %u", name, min, max);
    *out = (uint32_t)v;
    return 0;
}

static int parse_number(const char *name, const char *value, double min, double max,
                        double *out, param_error *perr)
{
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    if (*end || !*value || errno == ERANGE || !isfinite(v) || v < min || v > max)
        return param_fail(perr, name, "%s must be a number from %g to %g", name, min, max);
    *out = v;
    return 0;
}

static int parse_bool(const char *name, const char *value, int *out, param_error *perr)
{
    if (!value)
        return 0;
    if (strcmp(value, "true") == 0)
        *out = 1;
    else if (strcmp(value, "false") == 0)
        *out = 0;
    else
        return param_fail(perr, name, "%s must be true or false", name);
    return 0;
}

/* Calls each(ctx, item) for every comma-separated item of value (at most max items). */
static int each_item(const char *name, const char *value, unsigned max,
                     int (*each)(void *ctx, const char *name, const char *item,
                                 param_error *perr),
                     void *ctx, param_error *perr)
{
    if (!value)
        return 0;
    unsigned n = 0;
    for (const char *p = value;; p++) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char item[64];
        if (++n > max)
            return param_fail(perr, name, "%s takes at most %u values", name, max);
        if (len == 0 || len >= sizeof item)
            return param_fail(perr, name, "%s has an empty or over-long value", name);
        memcpy(item, p, len);
        item[len] = '\0';
        if (each(ctx, name, item, perr) != 0)
            return -1;
        if (!comma)
            return 0;
        p = comma;
    }
}

typedef struct list_ctx {
    const referentiel *ref;
    void *target;
} list_ctx;

static int add_type(void *ctx, const char *name, const char *item, param_error *perr)
{
    doc_type t;
    if (!doc_type_parse(item, &t))
        return param_fail(perr, name, "unknown type %s (offre, formation, metier)", item);
    *(unsigned *)((list_ctx *)ctx)->target |= 1u << t;
    return 0;
}

static int add_famille(void *ctx, const char *name, const char *item, param_error *perr)
{
    famille f;
    if (!famille_parse(item, &f))
        return param_fail(perr, name,
                          "unknown famille %s (sante, social, handicap, petite-enfance, grand-age)",
                          item);
    *(unsigned *)((list_ctx *)ctx)->target |= 1u << f;
    return 0;
}

static int add_contrat(void *ctx, const char *name, const char *item, param_error *perr)
{
    unsigned c = contrat_parse(item);
    if (!c)
        return param_fail(perr, name, "unknown typeContrat %s", item);
    *(unsigned *)((list_ctx *)ctx)->target |= 1u << c;
    return 0;
}

static int add_experience(void *ctx, const char *name, const char *item, param_error *perr)
{
    unsigned e = experience_parse(item);
    if (!e)
        return param_fail(perr, name, "unknown experienceExige %s (D, S, E)", item);
    *(unsigned *)((list_ctx *)ctx)->target |= 1u << e;
    return 0;
}

static int push_code(code_list *list, const char *item)
{
    for (unsigned i = 0; i < list->count; i++)
        if (strcmp(list->codes[i], item) == 0)
            return 0;
    snprintf(list->codes[list->count++], sizeof list->codes[0], "%s", item);
    return 0;
}

static int add_rome(void *ctx, const char *name, const char *item, param_error *perr)
{
    list_ctx *l = ctx;
    if (!referentiel_metier_by_rome(l->ref, item))
        return param_fail(perr, name, "unknown codeROME %s", item);
    return push_code(l->target, item);
}

static int add_departement(void *ctx, const char *name, const char *item, param_error *perr)
{
    list_ctx *l = ctx;
    if (!referentiel_departement_nom(l->ref, item))
        return param_fail(perr, name, "unknown departement %s", item);
    return push_code(l->target, item);
}

static int add_region(void *ctx, const char *name, const char *item, param_error *perr)
{
    list_ctx *l = ctx;
    if (!referentiel_region_nom(l->ref, item))
        return param_fail(perr, name, "unknown region %s", item);
    return push_code(l->target, item);
}

static int add_facet(void *ctx, const char *name, const char *item, param_error *perr)
{
    for (int d = 0; d < DIM_FACET_COUNT; d++) {
        if (strcmp(item, facet_dim_name((facet_dim)d)) == 0) {
            *(unsigned *)((list_ctx *)ctx)->target |= 1u << d;
            return 0;
        }
    }
    return param_fail(perr, name, "unknown facet %s", item);
}

/* ---- Search ------------------------------------------------------------------------------ */

static const char *const search_params[] = {
    "q", "motsCles", "type", "commune", "lat", "lon", "distance", "departement", "region",
    "famille", "codeROME", "typeContrat", "experienceExige", "tempsPlein", "alternance",
    "publieeDepuis", "sort", "offset", "limit", "facets"};

static int parse_lists(struct evkeyvalq *params, const referentiel *ref, search_request *req,
                       param_error *perr)
{
    static const struct {
        const char *name;
        unsigned max;
        int (*each)(void *, const char *, const char *, param_error *);
        size_t offset;
    } lists[] = {
        {"type", DOC_TYPE_COUNT, add_type, offsetof(search_request, types)},
        {"famille", FAMILLE_COUNT, add_famille, offsetof(search_request, familles)},
        {"typeContrat", CONTRAT_COUNT, add_contrat, offsetof(search_request, contrats)},
        {"experienceExige", EXPERIENCE_COUNT, add_experience,
         offsetof(search_request, experiences)},
        {"codeROME", REQ_MAX_CODES, add_rome, offsetof(search_request, rome)},
        {"departement", 10, add_departement, offsetof(search_request, departement)},
        {"region", 10, add_region, offsetof(search_request, region)},
        {"facets", DIM_FACET_COUNT, add_facet, offsetof(search_request, facets)},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        list_ctx ctx = {ref, (char *)req + lists[i].offset};
        if (each_item(lists[i].name, value_of(params, lists[i].name), lists[i].max,
                      lists[i].each, &ctx, perr) != 0)
            return -1;
    }
    return 0;
}

/* The centre (commune, or lat and lon) and the radius around it. */
static int parse_geo(struct evkeyvalq *params, const referentiel *ref, search_request *req,
                     param_error *perr)
{
    const char *insee = value_of(params, "commune"), *lat = value_of(params, "lat"),
               *lon = value_of(params, "lon"), *distance = value_of(params, "distance");
    if (insee && (lat || lon))
        return param_fail(perr, "commune", "give either commune or lat and lon, not both");
    if ((lat != NULL) != (lon != NULL))
        return param_fail(perr, lat ? "lon" : "lat", "lat and lon go together");
    if (insee) {
        const commune *c = referentiel_commune(ref, insee);
        if (!c)
            return param_fail(perr, "commune", "unknown commune %.16s (an INSEE code)", insee);
        req->lat = c->lat, req->lon = c->lon;
        snprintf(req->centre_commune, sizeof req->centre_commune, "%s", c->insee);
        req->has_centre = true;
    } else if (lat) {
        if (parse_number("lat", lat, -90, 90, &req->lat, perr) != 0 ||
            parse_number("lon", lon, -180, 180, &req->lon, perr) != 0)
            return -1;
        req->has_centre = true;
    }
    req->distance_km = 10;
    if (distance) {
        if (!req->has_centre)
            return param_fail(perr, "distance", "distance needs a centre: commune, or lat and lon");
        if (parse_number("distance", distance, 0, 200, &req->distance_km, perr) != 0)
            return -1;
    }
    return 0;
}

static int parse_sort(const char *value, search_request *req, param_error *perr)
{
    req->sort = req->q[0] ? SORT_PERTINENCE : SORT_DATE;
    if (!value)
        return 0;
    if (strcmp(value, "pertinence") == 0)
        req->sort = SORT_PERTINENCE;
    else if (strcmp(value, "date") == 0)
        req->sort = SORT_DATE;
    else if (strcmp(value, "distance") == 0)
        req->sort = SORT_DISTANCE;
    else
        return param_fail(perr, "sort", "sort must be pertinence, date or distance");
    if (req->sort == SORT_DISTANCE && !req->has_centre)
        return param_fail(perr, "sort", "sort=distance needs a centre: commune, or lat and lon");
    return 0;
}

int params_parse_search(const char *query_string, struct evkeyvalq *params,
                        const referentiel *ref, search_request *req, param_error *perr)
{
    *req = (search_request){.q = "", .limit = 20, .temps_plein = -1, .alternance = -1};
    if (parse_query_string(query_string, params, search_params,
                           sizeof search_params / sizeof search_params[0], perr) != 0)
        return -1;
    const char *q = value_of(params, "q"), *mots = value_of(params, "motsCles");
    if (q && mots)
        return param_fail(perr, "q", "give q or its alias motsCles, not both");
    q = q ? q : mots;
    if (q && strlen(q) > PARAMS_MAX_Q)
        return param_fail(perr, "q", "q is longer than %d bytes", PARAMS_MAX_Q);
    req->q = q ? q : "";
    if (parse_lists(params, ref, req, perr) != 0 || parse_geo(params, ref, req, perr) != 0 ||
        parse_bool("tempsPlein", value_of(params, "tempsPlein"), &req->temps_plein, perr) != 0 ||
        parse_bool("alternance", value_of(params, "alternance"), &req->alternance, perr) != 0 ||
        parse_uint("publieeDepuis", value_of(params, "publieeDepuis"), 1, 31,
                   &req->publiee_depuis, perr) != 0 ||
        parse_sort(value_of(params, "sort"), req, perr) != 0 ||
        parse_uint("offset", value_of(params, "offset"), 0, REQ_MAX_WINDOW, &req->offset,
                   perr) != 0 ||
        parse_uint("limit", value_of(params, "limit"), 0, REQ_MAX_LIMIT, &req->limit, perr) != 0)
        return -1;
    if (req->offset + req->limit > REQ_MAX_WINDOW)
        return param_fail(perr, "offset", "offset + limit must not exceed %d", REQ_MAX_WINDOW);
    return 0;
}

/* ---- Suggest ----------------------------------------------------------------------------- */

static const char *const suggest_params[] = {"q", "limit"};

int params_parse_suggest(const char *query_string, struct evkeyvalq *params, const char **q,
                         uint32_t *limit, param_error *perr)
{
    *q = "";
    *limit = 8;
    if (parse_query_string(query_string, params, suggest_params, 2, perr) != 0)
        return -1;
    const char *v = value_of(params, "q");
    if (v && strlen(v) > 100)
        return param_fail(perr, "q", "q is longer than 100 bytes");
    *q = v ? v : "";
    return parse_uint("limit", value_of(params, "limit"), 1, REQ_MAX_SUGGEST, limit, perr);
}
