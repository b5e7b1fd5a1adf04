#include "francetravail.h"

#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "strbuf.h"

/* MAX_WAIT_SECONDS bounds every pause (Retry-After, backoff), so that a wrong header cannot
 * stall a nightly run for hours. */
enum { PAGE = 150, WINDOW = 3150, TOKEN_MARGIN_SECONDS = 60, MAX_WAIT_SECONDS = 120 };

static const char *const all_departements[] = {
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
    "16", "17", "18", "19", "21", "22", "23", "24", "25", "26", "27", "28", "29", "2A", "2B",
    "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44",
    "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59",
    "60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74",
    "75", "76", "77", "78", "79", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89",
    "90", "91", "92", "93", "94", "95", "971", "972", "973", "974", "976"};

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

int ft_config_from_env(ft_config *cfg, ps_error *err)
{
    *cfg = (ft_config){
        .token_url = env_or("FT_TOKEN_URL", "https://entreprise.francetravail.fr/connexion/"
                                            "oauth2/access_token?realm=%2Fpartenaire"),
        .api_base = env_or("FT_API_BASE", "https://api.francetravail.io/partenaire/offresdemploi"),
        .client_id = env_or("FT_CLIENT_ID", NULL),
        .client_secret = env_or("FT_CLIENT_SECRET", NULL),
        .scope = env_or("FT_SCOPE", "api_offresdemploiv2 o2dsoffre"),
        .extra_query = env_or("FT_QUERY", NULL),
        .departements = all_departements,
        .n_departements = sizeof all_departements / sizeof all_departements[0],
        .connect_timeout_ms = 5000,
        .transfer_timeout_ms = 30000,
        .max_retries = 5,
        .max_requests_per_second = 8}; /* under the observed 10 per second */
    if (!cfg->client_id || !cfg->client_secret)
        return ps_fail(err, "FT_CLIENT_ID and FT_CLIENT_SECRET must be set");
    const char *v;
    if ((v = getenv("FT_TIMEOUT_MS")) && atol(v) > 0)
        cfg->transfer_timeout_ms = atol(v);
    if ((v = getenv("FT_MAX_RETRIES")) && atoi(v) >= 0)
        cfg->max_retries = atoi(v);
    if ((v = getenv("FT_RATE")) && atof(v) > 0)
        cfg->max_requests_per_second = atof(v);
    return 0;
}

/* ---- One HTTP exchange ------------------------------------------------------------------- */

typedef struct session {
    const ft_config *cfg;
    CURL *curl;
    ft_stats *stats;
    char token[2048];
    double token_expires; /* monotonic seconds */
    double last_request;
    unsigned jitter_state;
} session;

typedef struct response {
    long status;
    strbuf body;
    double retry_after;   /* seconds, from Retry-After; 0 when absent */
    long range_total;     /* from Content-Range "offres 0-149/496"; -1 when absent */
} response;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_seconds(double s)
{
    if (!(s > 0)) /* also NaN */
        return;
    if (s > MAX_WAIT_SECONDS)
        s = MAX_WAIT_SECONDS;
    struct timespec ts = {(time_t)s, (long)((s - floor(s)) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* Retry-After in delta-seconds; an HTTP date or anything else gives 0 (our own backoff). */
static double parse_retry_after(const char *v)
{
    v += strspn(v, " \t");
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end == v || errno != 0 || n < 0 || end[strspn(end, " \t\r\n")] != '\0')
        return 0;
    return n > MAX_WAIT_SECONDS ? MAX_WAIT_SECONDS : (double)n;
}

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
    return strbuf_append(arg, data, size * n) == 0 ? size * n : 0;
}

static size_t on_header(char *data, size_t size, size_t n, void *arg)
{
    response *r = arg;
    size_t len = size * n;
    char line[256];
    snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line - 1 ? len : sizeof line - 1),
             data);
    if (strncasecmp(line, "Retry-After:", 12) == 0)
        r->retry_after = parse_retry_after(line + 12);
    else if (strncasecmp(line, "Content-Range:", 14) == 0) {
        const char *slash = strchr(line, '/');
        if (slash)
            r->range_total = atol(slash + 1);
    }
    return len;
}

/* Keeps under max_requests_per_second. */
static void pace(session *s)
{
    double gap = 1.0 / s->cfg->max_requests_per_second, wait = s->last_request + gap - now_seconds();
    sleep_seconds(wait);
    s->last_request = now_seconds();
}

/* Performs one request; a transport failure (timeout, refused) gives status 0 and a message. */
static void perform(session *s, const char *url, const char *form, const char *bearer,
                    response *r, char *error, size_t cap)
{
    CURL *c = s->curl;
    curl_easy_reset(c);
    strbuf_reset(&r->body);
    r->status = 0, r->retry_after = 0, r->range_total = -1;
    char auth[2100];
    struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
    if (bearer) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", bearer);
        headers = curl_slist_append(headers, auth);
    }
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, s->cfg->connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, s->cfg->transfer_timeout_ms);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (form)
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, form);
    pace(s);
    s->stats->requests++;
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
        snprintf(error, cap, "%s", curl_easy_strerror(rc));
        return;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    s->stats->bytes += r->body.len;
}

/* The URL without its query string, for messages (a query may hold nothing secret, but the
 * token request's body does, and is never printed). */
static void url_for_messages(const char *url, char *out, size_t cap)
{
    snprintf(out, cap, "%.*s", (int)strcspn(url, "?"), url);
}

/* Backoff before retry attempt n (from 0): 0.2 s doubling up to 30 s, with up to 50% jitter. */
static double backoff(session *s, int n)
{
    s->jitter_state = s->jitter_state * 1103515245u + 12345u;
    return fmin(30.0, ldexp(0.2, n)) *
           (1.0 + 0.5 * (double)(s->jitter_state >> 16 & 0x7fff) / 32768.0);
}

/* ---- Token ------------------------------------------------------------------------------- */

/* How long a token is used: until a minute before it expires, or half its life when that is
 * short, so that a short expires_in does not mean a new token before every call. */
static double token_use_seconds(json_int_t expires_in)
{
    double life = expires_in > 0 ? (double)expires_in : 60;
    return life > 2 * TOKEN_MARGIN_SECONDS ? life - TOKEN_MARGIN_SECONDS : life / 2;
}

static int fetch_token(session *s, ps_error *err)
{
    const ft_config *cfg = s->cfg;
    char *id = curl_easy_escape(s->curl, cfg->client_id, 0);
    char *secret = curl_easy_escape(s->curl, cfg->client_secret, 0);
    char *scope = curl_easy_escape(s->curl, cfg->scope, 0);
    strbuf form = STRBUF_INIT;
    int rc = strbuf_puts(&form, "grant_type=client_credentials&client_id=") ||
             strbuf_puts(&form, id ? id : "") || strbuf_puts(&form, "&client_secret=") ||
             strbuf_puts(&form, secret ? secret : "") || strbuf_puts(&form, "&scope=") ||
             strbuf_puts(&form, scope ? scope : "");
    curl_free(id), curl_free(secret), curl_free(scope);
    if (rc != 0) {
        strbuf_free(&form);
        return ps_fail(err, "out of memory");
    }
    response r = {0};
    char error[256] = "", where[512];
    url_for_messages(cfg->token_url, where, sizeof where);
    rc = -1;
    double wait = 0;
    for (int attempt = 0; attempt <= cfg->max_retries && rc != 0; attempt++) {
        sleep_seconds(wait); /* never after the last attempt */
        wait = 0;
        perform(s, cfg->token_url, form.data, NULL, &r, error, sizeof error);
        if (r.status == 200) {
            json_t *j = json_loadb(r.body.data ? r.body.data : "", r.body.len, 0, NULL);
            const char *token = json_string_value(json_object_get(j, "access_token"));
            json_int_t expires = json_integer_value(json_object_get(j, "expires_in"));
            if (token && strlen(token) < sizeof s->token) {
                snprintf(s->token, sizeof s->token, "%s", token);
                s->token_expires = now_seconds() + token_use_seconds(expires);
                s->stats->tokens++;
                rc = 0;
            } else {
                snprintf(error, sizeof error, "reply without access_token");
                wait = backoff(s, attempt);
            }
            json_decref(j);
        } else if (r.status == 400 || r.status == 401 || r.status == 403) {
            snprintf(error, sizeof error, "HTTP %ld (check FT_CLIENT_ID, FT_CLIENT_SECRET, FT_SCOPE)",
                     r.status);
            break; /* wrong credentials: retrying will not help */
        } else {
            if (r.status != 0)
                snprintf(error, sizeof error, "HTTP %ld", r.status);
            wait = r.retry_after > 0 ? r.retry_after : backoff(s, attempt);
        }
    }
    strbuf_free(&form);
    strbuf_free(&r.body);
    if (rc != 0)
        return ps_fail(err, "token request to %s failed: %s", where,
                       error[0] ? error : r.status ? "refused" : "no answer");
    return 0;
}

/* ---- Searching --------------------------------------------------------------------------- */

/* One page of a search, with retries; on success r holds a 200, 206 or 204 reply. */
static int get_page(session *s, const char *url, response *r, ps_error *err)
{
    char error[256] = "", where[512];
    url_for_messages(url, where, sizeof where);
    double wait = 0;
    for (int attempt = 0; attempt <= s->cfg->max_retries; attempt++) {
        sleep_seconds(wait); /* never after the last attempt */
        wait = 0;
        if (now_seconds() >= s->token_expires && fetch_token(s, err) != 0)
            return -1;
        perform(s, url, NULL, s->token, r, error, sizeof error);
        switch (r->status) {
        case 200: case 206: case 204: {
            if (r->status == 204)
                return 0;
            json_t *j = json_loadb(r->body.data ? r->body.data : "", r->body.len, 0, NULL);
            bool ok = json_is_array(json_object_get(j, "resultats"));
            json_decref(j);
            if (ok)
                return 0;
            s->stats->retries_malformed++;
            snprintf(error, sizeof error, "malformed body (no \"resultats\" array)");
            wait = backoff(s, attempt);
            break;
        }
        case 401: /* the token expired early: a new one, then again */
            s->token_expires = 0;
            snprintf(error, sizeof error, "HTTP 401 even with a new token (is FT_SCOPE right?)");
            break;
        case 429:
            s->stats->retries_rate_limited++;
            snprintf(error, sizeof error, "rate limited");
            wait = r->retry_after > 0 ? r->retry_after : backoff(s, attempt);
            break;
        case 0: /* timeout or connection failure */
            s->stats->retries_timeout++;
            wait = backoff(s, attempt);
            break;
        default:
            if (r->status >= 500) {
                s->stats->retries_server++;
                snprintf(error, sizeof error, "HTTP %ld", r->status);
                wait = backoff(s, attempt);
                break;
            }
            return ps_fail(err, "%s: HTTP %ld: %.200s", where, r->status,
                           r->body.data ? r->body.data : "");
        }
    }
    return ps_fail(err, "%s: %s after %d retries", where, error[0] ? error : "no answer",
                   s->cfg->max_retries);
}

/* The contract types of the API: searching each apart splits a département whose offers exceed
 * the 3,150 the API serves for one search. */
static const char *const contract_types[] = {"CDI", "CDD", "MIS", "SAI", "CCE", "FRA",
                                             "LIB", "REP", "TTI", "DDI", "DIN"};

enum { SEARCH_DONE = 0, SEARCH_TOO_BIG = 1 };

/* Pages through one search (a département, and a contract type when type is not NULL). With
 * may_split, a search over the window stops before emitting anything and returns
 * SEARCH_TOO_BIG; otherwise its first 3,150 offers are taken and the rest reported. *total gets
 * the size the API announced (0 for a 204, -1 when it did not say). */
static int fetch_search(session *s, const char *dep, const char *type, bool may_split,
                        int (*on_offer)(void *, json_t *), void *ctx, long *total, ps_error *err)
{
    response r = {0};
    int rc = 0;
    *total = -1;
    for (long first = 0; rc == 0 && first < WINDOW; first += PAGE) {
        char url[2048];
        snprintf(url, sizeof url, "%s/v2/offres/search?departement=%s%s%s&range=%ld-%ld%s%s",
                 s->cfg->api_base, dep, type ? "&typeContrat=" : "", type ? type : "", first,
                 first + PAGE - 1, s->cfg->extra_query ? "&" : "",
                 s->cfg->extra_query ? s->cfg->extra_query : "");
        if ((rc = get_page(s, url, &r, err)) != 0)
            break;
        if (first == 0)
            *total = r.status == 204 ? 0 : r.range_total;
        if (r.status == 204)
            break;
        if (first == 0 && r.range_total > WINDOW) {
            if (may_split) {
                rc = SEARCH_TOO_BIG;
                break;
            }
            s->stats->truncated_departements++;
            fprintf(stderr, "indexer: département %s%s%s: %ld offers, the API serves the first %d\n",
                    dep, type ? " " : "", type ? type : "", r.range_total, WINDOW);
        }
        json_t *j = json_loadb(r.body.data, r.body.len, 0, NULL);
        json_t *offers = json_object_get(j, "resultats"), *offer;
        size_t i;
        json_array_foreach(offers, i, offer) {
            s->stats->offers++;
            if (on_offer(ctx, offer) != 0) {
                rc = ps_fail(err, "stopped while writing offers");
                break;
            }
        }
        size_t got = json_array_size(offers);
        json_decref(j);
        if (r.status == 200 || got < PAGE || (r.range_total >= 0 && first + PAGE >= r.range_total))
            break;
    }
    strbuf_free(&r.body);
    return rc;
}

/* A département, split by contract type when it is over the window. The split cannot see
 * offers of a type outside contract_types: when the types add up to less than the département,
 * that is reported (offers withdrawn between the calls can also cause it). */
static int fetch_departement(session *s, const char *dep, int (*on_offer)(void *, json_t *),
                             void *ctx, ps_error *err)
{
    long total, type_total, found = 0;
    int rc = fetch_search(s, dep, NULL, true, on_offer, ctx, &total, err);
    if (rc != SEARCH_TOO_BIG)
        return rc;
    for (size_t t = 0; t < sizeof contract_types / sizeof *contract_types; t++) {
        if ((rc = fetch_search(s, dep, contract_types[t], false, on_offer, ctx, &type_total,
                               err)) != 0)
            return rc;
        found += type_total > 0 ? type_total : 0;
    }
    if (found < total) {
        s->stats->truncated_departements++;
        fprintf(stderr, "indexer: département %s: %ld offers, %ld found contract type by contract "
                        "type\n", dep, total, found);
    }
    return 0;
}

int ft_fetch_offers(const ft_config *cfg, int (*on_offer)(void *ctx, json_t *offer), void *ctx,
                    ft_stats *stats, ps_error *err)
{
    memset(stats, 0, sizeof *stats);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
        return ps_fail(err, "cannot initialise libcurl");
    session s = {.cfg = cfg, .curl = curl_easy_init(), .stats = stats,
                 .jitter_state = (unsigned)time(NULL)};
    int rc = s.curl ? 0 : ps_fail(err, "cannot create a libcurl handle");
    for (size_t i = 0; rc == 0 && i < cfg->n_departements; i++)
        rc = fetch_departement(&s, cfg->departements[i], on_offer, ctx, err);
    if (s.curl)
        curl_easy_cleanup(s.curl);
    curl_global_cleanup();
    return rc;
}
