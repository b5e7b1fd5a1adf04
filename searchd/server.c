#include "server.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <event2/thread.h>
#include <event2/util.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <time.h>

#include "french.h"
#include "metrics.h"
#include "params.h"
#include "privileges.h"
#include "referentiel.h"
#include "search.h"
#include "suggest.h"

enum { MAX_HEADERS_SIZE = 8192, MAX_BODY_SIZE = 4096, MAX_SINGLE_WRITE = 1 << 20 };
enum { TYPICAL_REPLY_SIZE = 32 << 10 }; /* a page of 20 hits with facets is 15-25 KB */

/* How often searchd looks for a new generation or new commits, and flushes its access log. */
static const struct timeval REFRESH_INTERVAL = {0, 500000};
/* How long a generation is warmed before it is served: a new one in the background (the
 * issue's budget from publication to service is 2 s: 0.5 s to notice, about 0.4 s to open),
 * the first one at start-up while connections wait in the listen queue (a cold searchd under
 * load spent 60% more CPU a request over its first 40,000 requests). */
static const double WARM_BEFORE_SERVING_MS = 800;
/* Warming runs in slices this long, so that requests arriving meanwhile wait at most that. */
static const double WARM_SLICE_MS = 5;
static const struct timeval NEXT_TURN = {0, 0};
/* How long requests in flight get to finish after SIGTERM. */
static const struct timeval DRAIN_DELAY = {0, 300000};

/* A thread serving requests: its own event loop, listening socket and HTTP server, and its
 * own searcher (Xapian objects are not thread-safe). */
typedef struct worker {
    server *srv;
    unsigned index;
    evutil_socket_t listener; /* on the server's port, SO_REUSEPORT: the kernel spreads
                                 connections over the workers evenly */
    bool http_owns_listener;  /* evhttp closes it when freed */
    pthread_t thread;
    bool started;
    struct event_base *base;
    struct evhttp *http;
    struct event *refresh;
    struct event *warm;    /* searcher_warm, a slice at a time between requests */
    searcher *searcher;       /* NULL while no index could be opened: 503 */
    char db_target[PATH_MAX]; /* what cfg.db_path resolved to when the searcher was opened */
    /* A new generation is opened and warmed by a thread of its own while this worker serves
     * the old one (opening in the event loop stalled every request for a few hundred ms and
     * then met them with cold caches); the thread hands the searcher over through handoff. */
    struct event *handoff;
    pthread_t opener;
    bool opening;
    searcher *opened;           /* the opener's result, NULL on failure */
    char opened_target[PATH_MAX];
    ps_error open_err;
    char last_refresh_error[256]; /* logged once, not at every refresh */
    metrics metrics;
    _Atomic bool warmed; /* searcher_warmed, as of the worker's last look; read by /health */
} worker;

struct server {
    server_config cfg;
    struct event_base *base; /* the main thread's: signals only */
    struct event *sigint, *sigterm;
    fr_stopwords *stopwords;
    referentiel *ref;
    suggester *suggester;
    hit_cache_shelf *hits; /* the stored records of the revisions served, shared by workers */
    FILE *access_log;
    worker *workers;
    unsigned n_workers;
};

/* ---- Replies --------------------------------------------------------------------------- */

static const char *reason_phrase(int code)
{
    switch (code) {
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    }
    return "Error";
}

static void add_cors(const server *srv, struct evhttp_request *req)
{
    evhttp_add_header(evhttp_request_get_output_headers(req), "Access-Control-Allow-Origin",
                      srv->cfg.cors_origin);
}

static void send_text(const server *srv, struct evhttp_request *req, int code, const char *type,
                      const char *text, size_t len)
{
    struct evkeyvalq *headers = evhttp_request_get_output_headers(req);
    evhttp_add_header(headers, "Content-Type", type);
    add_cors(srv, req);
    struct evbuffer *out = evhttp_request_get_output_buffer(req);
    evbuffer_add(out, text, len);
    evhttp_send_reply(req, code, reason_phrase(code), out);
}

static void free_sent(const void *data, size_t len, void *arg)
{
    (void)len, (void)arg;
    free((void *)data);
}

/* Sends body's bytes as the reply without copying them: the output buffer takes the memory
 * and frees it once sent; body is left empty. */
static void send_strbuf(const server *srv, struct evhttp_request *req, int code,
                        const char *type, strbuf *body)
{
    struct evkeyvalq *headers = evhttp_request_get_output_headers(req);
    evhttp_add_header(headers, "Content-Type", type);
    add_cors(srv, req);
    struct evbuffer *out = evhttp_request_get_output_buffer(req);
    if (evbuffer_add_reference(out, body->data, body->len, free_sent, NULL) == 0)
        *body = (strbuf)STRBUF_INIT;
    else
        evbuffer_add(out, body->data, body->len);
    evhttp_send_reply(req, code, reason_phrase(code), out);
}

/* Sends body (stolen) as the reply. */
static void reply_json(const server *srv, struct evhttp_request *req, int code, json_t *body)
{
    char *text = body ? json_dumps(body, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
    json_decref(body);
    if (!text) {
        static const char oom[] =
            "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}\n";
        send_text(srv, req, 500, "application/json; charset=utf-8", oom, sizeof oom - 1);
        return;
    }
    size_t len = strlen(text);
    text[len] = '\n'; /* the NUL becomes the final newline */
    send_text(srv, req, code, "application/json; charset=utf-8", text, len + 1);
    free(text);
}

static void reply_error(const server *srv, struct evhttp_request *req, int code,
                        const char *error_code, const char *parameter, const char *message)
{
    json_t *error = json_pack("{s:s, s:s}", "code", error_code, "message", message);
    if (error && parameter)
        json_object_set_new(error, "parameter", json_string(parameter));
    reply_json(srv, req, code, error ? json_pack("{s:o}", "error", error) : NULL);
}

static int64_t reference_time(const server *srv)
{
    return srv->cfg.now ? srv->cfg.now : (int64_t)time(NULL);
}

/* ---- Routes ---------------------------------------------------------------------------- */

static bool index_available(worker *w, struct evhttp_request *req)
{
    if (w->searcher)
        return true;
    reply_error(w->srv, req, 503, "unavailable", NULL, "no index is loaded yet");
    return false;
}

static int handle_search(worker *w, struct evhttp_request *req, const char *query)
{
    server *srv = w->srv;
    struct evkeyvalq params;
    search_request sreq;
    param_error perr;
    int code = 200;
    if (params_parse_search(query, &params, srv->ref, &sreq, &perr) != 0) {
        code = 400;
        reply_error(srv, req, code, perr.parameter ? "invalid_parameter" : "invalid_query_string",
                    perr.parameter, perr.message);
    } else if (!index_available(w, req)) {
        code = 503;
    } else {
        strbuf body = STRBUF_INIT;
        ps_error err;
        bool from_cache = false;
        strbuf_reserve(&body, TYPICAL_REPLY_SIZE); /* else a dozen reallocs; only a hint */
        if (searcher_run(w->searcher, &sreq, query, reference_time(srv), &body, &from_cache,
                         &err) != SEARCH_OK) {
            fprintf(stderr, "searchd: search failed: %s\n", err.message);
            code = 500;
            reply_error(srv, req, code, "internal", NULL, "the search failed; see the server log");
        } else {
            metrics_count_reply(&w->metrics, from_cache);
            send_strbuf(srv, req, code, "application/json; charset=utf-8", &body);
        }
        strbuf_free(&body);
    }
    evhttp_clear_headers(&params);
    return code;
}

static int handle_suggest(worker *w, struct evhttp_request *req, const char *query)
{
    server *srv = w->srv;
    struct evkeyvalq params;
    const char *q;
    uint32_t limit;
    param_error perr;
    int code = 200;
    if (params_parse_suggest(query, &params, &q, &limit, &perr) != 0) {
        code = 400;
        reply_error(srv, req, code, perr.parameter ? "invalid_parameter" : "invalid_query_string",
                    perr.parameter, perr.message);
    } else {
        reply_json(srv, req, code, suggester_run(srv->suggester, q, limit));
    }
    evhttp_clear_headers(&params);
    return code;
}

/* /v1/documents/{type}/{id} */
static int handle_document(worker *w, struct evhttp_request *req, const char *rest)
{
    server *srv = w->srv;
    char type_name[16];
    const char *slash = strchr(rest, '/');
    doc_type type;
    if (!slash || (size_t)(slash - rest) >= sizeof type_name || !slash[1] || strchr(slash + 1, '/')) {
        reply_error(srv, req, 404, "not_found", NULL, "use /v1/documents/{type}/{id}");
        return 404;
    }
    memcpy(type_name, rest, (size_t)(slash - rest));
    type_name[slash - rest] = '\0';
    if (!doc_type_parse(type_name, &type)) {
        reply_error(srv, req, 404, "not_found", NULL, "type is offre, formation or metier");
        return 404;
    }
    if (!index_available(w, req))
        return 503;
    char *id = evhttp_uridecode(slash + 1, 0, NULL);
    json_t *doc = NULL;
    ps_error err;
    search_status st = id ? searcher_document(w->searcher, type, id, &doc, &err) : SEARCH_FAILED;
    free(id);
    if (st == SEARCH_OK) {
        reply_json(srv, req, 200, doc);
        return 200;
    }
    if (st == SEARCH_NOT_FOUND) {
        reply_error(srv, req, 404, "not_found", NULL, "no such document");
        return 404;
    }
    fprintf(stderr, "searchd: document lookup failed: %s\n", id ? err.message : "out of memory");
    reply_error(srv, req, 500, "internal", NULL, "the lookup failed; see the server log");
    return 500;
}

static const char *generation_name(const worker *w)
{
    const char *slash = strrchr(w->db_target, '/');
    return slash ? slash + 1 : w->db_target;
}

static int handle_health(worker *w, struct evhttp_request *req)
{
    if (!w->searcher) {
        reply_json(w->srv, req, 503, json_pack("{s:s}", "status", "unavailable"));
        return 503;
    }
    json_t *index = searcher_index_info(w->searcher);
    json_object_set_new(index, "generation", json_string(generation_name(w)));
    json_object_set_new(index, "reloads", json_integer((json_int_t)metrics_reloads(&w->metrics)));
    json_object_set_new(index, "threads", json_integer(w->srv->n_workers));
    bool warm = true; /* every worker's caches filled: served at full speed */
    for (unsigned i = 0; i < w->srv->n_workers; i++)
        warm &= atomic_load(&w->srv->workers[i].warmed);
    reply_json(w->srv, req, 200,
               json_pack("{s:s, s:b, s:o}", "status", "ok", "warm", warm, "index", index));
    return 200;
}

static int handle_metrics(worker *w, struct evhttp_request *req)
{
    server *srv = w->srv;
    json_t *info = w->searcher ? searcher_index_info(w->searcher) : NULL;
    index_gauges g = {w->searcher ? generation_name(w) : "",
                      info ? (uint64_t)json_integer_value(json_object_get(info, "documents")) : 0};
    json_decref(info);
    const metrics *all[64];
    size_t n = 0;
    for (unsigned i = 0; i < srv->n_workers && n < 64; i++)
        all[n++] = &srv->workers[i].metrics;
    strbuf out = STRBUF_INIT;
    int code = 200;
    if (metrics_render(all, n, &g, &out) != 0) {
        code = 500;
        reply_error(srv, req, code, "internal", NULL, "out of memory");
    } else {
        send_text(srv, req, code, "text/plain; version=0.0.4; charset=utf-8", out.data, out.len);
    }
    strbuf_free(&out);
    return code;
}

static int handle_preflight(const server *srv, struct evhttp_request *req)
{
    struct evkeyvalq *h = evhttp_request_get_output_headers(req);
    add_cors(srv, req);
    evhttp_add_header(h, "Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    evhttp_add_header(h, "Access-Control-Allow-Headers", "Content-Type, Accept");
    evhttp_add_header(h, "Access-Control-Max-Age", "86400");
    evhttp_send_reply(req, 204, reason_phrase(204), NULL);
    return 204;
}

static route route_of(const char *path, const char **rest)
{
    static const char docs[] = "/v1/documents/";
    *rest = NULL;
    if (strcmp(path, "/v1/search") == 0)
        return ROUTE_SEARCH;
    if (strcmp(path, "/v1/suggest") == 0)
        return ROUTE_SUGGEST;
    if (strncmp(path, docs, sizeof docs - 1) == 0) {
        *rest = path + sizeof docs - 1;
        return ROUTE_DOCUMENTS;
    }
    if (strcmp(path, "/health") == 0)
        return ROUTE_HEALTH;
    if (strcmp(path, "/metrics") == 0)
        return ROUTE_METRICS;
    return ROUTE_OTHER;
}

static int dispatch(worker *w, struct evhttp_request *req, route r, const char *rest,
                    const char *query)
{
    server *srv = w->srv;
    if (r == ROUTE_OTHER) {
        reply_error(srv, req, 404, "not_found", NULL, "no such route");
        return 404;
    }
    enum evhttp_cmd_type method = evhttp_request_get_command(req);
    if (method == EVHTTP_REQ_OPTIONS)
        return handle_preflight(srv, req);
    if (method != EVHTTP_REQ_GET && method != EVHTTP_REQ_HEAD) {
        evhttp_add_header(evhttp_request_get_output_headers(req), "Allow", "GET, HEAD, OPTIONS");
        reply_error(srv, req, 405, "method_not_allowed", NULL, "use GET");
        return 405;
    }
    switch (r) {
    case ROUTE_SEARCH: return handle_search(w, req, query);
    case ROUTE_SUGGEST: return handle_suggest(w, req, query);
    case ROUTE_DOCUMENTS: return handle_document(w, req, rest);
    case ROUTE_HEALTH: return handle_health(w, req);
    default: return handle_metrics(w, req);
    }
}

static void log_access(server *srv, struct evhttp_request *req, const char *uri, int code,
                       double seconds)
{
    if (!srv->access_log)
        return;
    char when[21];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const char *method = evhttp_request_get_command(req) == EVHTTP_REQ_GET ? "GET" : "OTHER";
    json_t *line = json_pack("{s:s, s:s, s:s, s:i, s:f}", "time", when, "method", method, "uri",
                             uri, "status", code, "ms", (double)(long)(seconds * 1e6) / 1e3);
    char *text = line ? json_dumps(line, JSON_COMPACT) : NULL;
    if (text)
        fprintf(srv->access_log, "%s\n", text);
    free(text);
    json_decref(line);
}

static void on_request(struct evhttp_request *req, void *arg)
{
    worker *w = arg;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
    const char *path = evhttp_uri_get_path(uri), *rest;
    route r = route_of(path ? path : "/", &rest);
    int code = dispatch(w, req, r, rest, evhttp_uri_get_query(uri));
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    metrics_record(&w->metrics, r, code, seconds);
    log_access(w->srv, req, evhttp_request_get_uri(req), code, seconds);
}

/* ---- Following the index ------------------------------------------------------------------ */

/* Opens the index cfg.db_path now resolves to (through the "current" link of an index root). */
static int open_index(const server *srv, searcher **out, char target[PATH_MAX], ps_error *err)
{
    if (!realpath(srv->cfg.db_path, target))
        return ps_fail(err, "cannot open index %s: %s", srv->cfg.db_path, strerror(errno));
    return searcher_open(target, srv->stopwords, srv->ref, srv->hits, out, err);
}

/* Publishes, for /health, whether this worker's searcher has warmed through. */
static void note_warmth(worker *w)
{
    atomic_store(&w->warmed, w->searcher && searcher_warmed(w->searcher));
}

/* A slice of warming, then another after the requests that came meanwhile. */
static void on_warm(evutil_socket_t fd, short events, void *arg)
{
    (void)fd, (void)events;
    worker *w = arg;
    if (w->searcher && searcher_warm(w->searcher, w->index, w->srv->n_workers, WARM_SLICE_MS))
        event_add(w->warm, &NEXT_TURN);
    note_warmth(w);
}

/* Counts and logs (once while it repeats, from the first worker) why the index served could
 * not be refreshed or replaced. */
static void refresh_failed(worker *w, const char *why)
{
    if (strcmp(why, w->last_refresh_error) == 0)
        return;
    snprintf(w->last_refresh_error, sizeof w->last_refresh_error, "%s", why);
    if (w->index == 0)
        fprintf(stderr, "searchd: %s%s\n", w->searcher ? "keeping the index served: " : "", why);
}

/* The opener thread: opens and warms the generation at opened_target, then wakes the worker.
 * The searcher is this thread's alone until the worker has joined it. */
static void *open_generation(void *arg)
{
    worker *w = arg;
    server *srv = w->srv;
    searcher *fresh = NULL;
    if (searcher_open(w->opened_target, srv->stopwords, srv->ref, srv->hits, &fresh,
                      &w->open_err) == 0)
        searcher_warm(fresh, w->index, srv->n_workers, WARM_BEFORE_SERVING_MS);
    w->opened = fresh;
    event_active(w->handoff, EV_READ, 0);
    return NULL;
}

/* In the worker, once the opener is done: the new generation replaces the old, or the old
 * stays when the new one could not be opened. */
static void on_handoff(evutil_socket_t fd, short events, void *arg)
{
    (void)fd, (void)events;
    worker *w = arg;
    pthread_join(w->opener, NULL);
    w->opening = false;
    if (!w->opened) {
        metrics_count_reload(&w->metrics, false);
        refresh_failed(w, w->open_err.message);
        return;
    }
    w->last_refresh_error[0] = '\0';
    bool first = w->searcher == NULL;
    searcher_free(w->searcher);
    w->searcher = w->opened;
    w->opened = NULL;
    snprintf(w->db_target, sizeof w->db_target, "%s", w->opened_target);
    if (!first)
        metrics_count_reload(&w->metrics, true);
    note_warmth(w);
    event_add(w->warm, &NEXT_TURN); /* what the opener had no time for */
    if (w->index == 0)
        fprintf(stderr, "searchd: now serving %s\n", w->db_target);
}

/* Every REFRESH_INTERVAL, in each worker: a new generation published by the indexer is handed
 * to an opener thread; otherwise the open one moves to its latest commit (incremental
 * updates). A failure keeps the index being served. */
static void on_refresh(evutil_socket_t fd, short events, void *arg)
{
    (void)fd, (void)events;
    worker *w = arg;
    server *srv = w->srv;
    if (srv->access_log && w->index == 0)
        fflush(srv->access_log);
    if (w->opening)
        return;
    char target[PATH_MAX];
    if (!realpath(srv->cfg.db_path, target)) {
        if (w->searcher) { /* none yet: 503 until the indexer publishes one */
            char why[PATH_MAX + 64];
            snprintf(why, sizeof why, "%s: %s", srv->cfg.db_path, strerror(errno));
            refresh_failed(w, why);
        }
        return;
    }
    if (w->searcher && strcmp(target, w->db_target) == 0) {
        ps_error err;
        if (searcher_refresh(w->searcher, &err) != 0)
            refresh_failed(w, err.message);
        else
            w->last_refresh_error[0] = '\0';
        note_warmth(w);
        event_add(w->warm, &NEXT_TURN); /* a commit empties the caches */
        return;
    }
    snprintf(w->opened_target, sizeof w->opened_target, "%s", target);
    if (pthread_create(&w->opener, NULL, open_generation, w) != 0) {
        fprintf(stderr, "searchd: cannot start a thread to open %s\n", target);
        return;
    }
    w->opening = true;
}

/* ---- Workers ---------------------------------------------------------------------------- */

/* An event loop whose epoll changes wait for the next poll: evhttp turns a connection's read
 * and write events off and on again around every request, which otherwise costs four
 * epoll_ctl system calls a request. */
static struct event_base *new_event_base(void)
{
    struct event_config *cfg = event_config_new();
    if (!cfg)
        return NULL;
    event_config_set_flag(cfg, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
    struct event_base *base = event_base_new_with_config(cfg);
    event_config_free(cfg);
    return base;
}

/* A connection's buffered socket, allowed to write a whole reply at once: libevent's default
 * of 16 KB a write cut the typical search reply (17 KB with 20 hits) in two system calls and
 * two turns of the loop. */
static struct bufferevent *new_connection_buffer(struct event_base *base, void *arg)
{
    (void)arg;
    struct bufferevent *bev = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
    if (bev)
        bufferevent_set_max_single_write(bev, MAX_SINGLE_WRITE);
    return bev;
}

static int worker_setup(worker *w, ps_error *err)
{
    server *srv = w->srv;
    ps_error open_err;
    if (open_index(srv, &w->searcher, w->db_target, &open_err) != 0) {
        w->searcher = NULL; /* answer 503 until the indexer publishes a generation */
        if (w->index == 0)
            fprintf(stderr, "searchd: %s; answering 503 until an index appears\n",
                    open_err.message);
    }
    /* three priorities: events get the middle one by default, and warming the lowest, so
     * that it runs only when no request is waiting (a fresh server under load otherwise
     * queues requests behind warming for seconds) */
    if (!(w->base = new_event_base()) || event_base_priority_init(w->base, 3) != 0 ||
        !(w->http = evhttp_new(w->base)))
        return ps_fail(err, "cannot create an event loop");
    evhttp_set_default_content_type(w->http, "application/json; charset=utf-8");
    evhttp_set_max_headers_size(w->http, MAX_HEADERS_SIZE);
    evhttp_set_max_body_size(w->http, MAX_BODY_SIZE);
    evhttp_set_timeout(w->http, srv->cfg.timeout_seconds);
    evhttp_set_allowed_methods(w->http, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD | EVHTTP_REQ_POST |
                                            EVHTTP_REQ_PUT | EVHTTP_REQ_DELETE |
                                            EVHTTP_REQ_OPTIONS | EVHTTP_REQ_PATCH);
    evhttp_set_gencb(w->http, on_request, w);
    evhttp_set_bevcb(w->http, new_connection_buffer, NULL);
    if (evhttp_accept_socket(w->http, w->listener) != 0)
        return ps_fail(err, "cannot accept on the listening socket");
    w->http_owns_listener = true;
    w->refresh = event_new(w->base, -1, EV_PERSIST, on_refresh, w);
    if (!w->refresh || event_add(w->refresh, &REFRESH_INTERVAL) != 0)
        return ps_fail(err, "cannot install the refresh timer");
    if (!(w->handoff = event_new(w->base, -1, 0, on_handoff, w)))
        return ps_fail(err, "cannot install the generation handoff event");
    w->warm = event_new(w->base, -1, 0, on_warm, w);
    if (!w->warm || event_priority_set(w->warm, 2) != 0 || event_add(w->warm, &NEXT_TURN) != 0)
        return ps_fail(err, "cannot install the warming event");
    return 0;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    if (w->searcher) /* the rest of the warming goes between requests (on_warm) */
        searcher_warm(w->searcher, w->index, w->srv->n_workers, WARM_BEFORE_SERVING_MS);
    note_warmth(w);
    event_base_dispatch(w->base);
    return NULL;
}

static void worker_free(worker *w)
{
    if (w->opening) { /* a generation being opened when the server stopped */
        pthread_join(w->opener, NULL);
        searcher_free(w->opened);
    }
    if (w->handoff)
        event_free(w->handoff);
    if (w->refresh)
        event_free(w->refresh);
    if (w->warm)
        event_free(w->warm);
    if (w->http)
        evhttp_free(w->http);
    if (w->listener >= 0 && !w->http_owns_listener)
        evutil_closesocket(w->listener);
    if (w->base)
        event_base_free(w->base);
    searcher_free(w->searcher);
}

/* ---- Lifecycle ------------------------------------------------------------------------- */

static void on_signal(evutil_socket_t sig, short events, void *arg)
{
    (void)events;
    server *srv = arg;
    fprintf(stderr, "searchd: signal %d, finishing requests in flight\n", (int)sig);
    for (unsigned i = 0; i < srv->n_workers; i++)
        if (srv->workers[i].started)
            event_base_loopexit(srv->workers[i].base, &DRAIN_DELAY);
    event_base_loopexit(srv->base, NULL);
}

/* A listening socket on the configured address and port (0: any free one), shared with the
 * other workers' through SO_REUSEPORT. A single socket accepted by every worker's loop let
 * whichever woke first take a burst of connections: measured, one of two workers idle. */
static int listen_socket(server *srv, int port_number, evutil_socket_t *out, ps_error *err)
{
    char port[16];
    snprintf(port, sizeof port, "%d", port_number);
    struct evutil_addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                                    .ai_flags = EVUTIL_AI_PASSIVE | EVUTIL_AI_NUMERICHOST},
                           *ai = NULL;
    if (evutil_getaddrinfo(srv->cfg.bind_address, port, &hints, &ai) != 0 || !ai)
        return ps_fail(err, "invalid address %s", srv->cfg.bind_address);
    evutil_socket_t fd = socket(ai->ai_family, SOCK_STREAM, 0);
    int rc = 0;
    int one = 1;
    if (fd < 0 || evutil_make_listen_socket_reuseable(fd) != 0 ||
        evutil_make_listen_socket_reuseable_port(fd) != 0 ||
        /* accepted sockets inherit it: no Nagle delay on the last segment of a reply */
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0 ||
        evutil_make_socket_nonblocking(fd) != 0 || evutil_make_socket_closeonexec(fd) != 0 ||
        bind(fd, ai->ai_addr, (socklen_t)ai->ai_addrlen) != 0 || listen(fd, 1024) != 0)
        rc = ps_fail(err, "cannot listen on %s:%d: %s", srv->cfg.bind_address, port_number,
                     strerror(errno));
    evutil_freeaddrinfo(ai);
    if (rc != 0 && fd >= 0)
        evutil_closesocket(fd);
    *out = rc == 0 ? fd : -1;
    return rc;
}

static int socket_port(evutil_socket_t fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
        return -1;
    if (ss.ss_family == AF_INET)
        return ntohs(((struct sockaddr_in *)&ss)->sin_port);
    if (ss.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return -1;
}

static int open_access_log(server *srv, ps_error *err)
{
    const char *path = srv->cfg.access_log;
    if (!path)
        return 0;
    srv->access_log = strcmp(path, "-") == 0 ? stdout : fopen(path, "a");
    if (!srv->access_log)
        return ps_fail(err, "cannot open access log %s: %s", path, strerror(errno));
    return 0;
}

static int install_signals(server *srv, ps_error *err)
{
    srv->sigint = evsignal_new(srv->base, SIGINT, on_signal, srv);
    srv->sigterm = evsignal_new(srv->base, SIGTERM, on_signal, srv);
    if (!srv->sigint || !srv->sigterm || evsignal_add(srv->sigint, NULL) != 0 ||
        evsignal_add(srv->sigterm, NULL) != 0)
        return ps_fail(err, "cannot install signal handlers");
    return 0;
}

static int setup_workers(server *srv, ps_error *err)
{
    srv->workers = calloc(srv->cfg.threads, sizeof *srv->workers);
    if (!srv->workers)
        return ps_fail(err, "out of memory");
    srv->n_workers = srv->cfg.threads;
    for (unsigned i = 0; i < srv->n_workers; i++)
        srv->workers[i].listener = -1;
    int port = srv->cfg.port;
    for (unsigned i = 0; i < srv->n_workers; i++) {
        worker *w = &srv->workers[i];
        w->srv = srv;
        w->index = i;
        /* the first socket settles the port (when 0 asked for any), the others share it */
        if (listen_socket(srv, port, &w->listener, err) != 0)
            return -1;
        port = socket_port(w->listener);
        if (worker_setup(w, err) != 0)
            return -1;
    }
    return 0;
}

int server_open(const server_config *cfg, server **out, ps_error *err)
{
    server *srv = calloc(1, sizeof *srv);
    if (!srv)
        return ps_fail(err, "out of memory");
    srv->cfg = *cfg;
    /* cross-thread loopexit needs libevent's locks; jansson's hash seed must be set once */
    int rc = evthread_use_pthreads() == 0 ? 0 : ps_fail(err, "libevent without threads");
    json_object_seed(0);
    if (rc == 0)
        rc = fr_stopwords_load(cfg->stopwords_path, &srv->stopwords, err);
    if (rc == 0)
        rc = referentiel_load(cfg->referentiels_dir, &srv->ref, err);
    if (rc == 0)
        rc = suggester_new(srv->ref, &srv->suggester, err);
    if (rc == 0 && !(srv->hits = hit_cache_shelf_new()))
        rc = ps_fail(err, "out of memory");
    if (rc == 0 && !(srv->base = event_base_new()))
        rc = ps_fail(err, "cannot create the event loop");
    if (rc == 0)
        rc = setup_workers(srv, err);
    if (rc == 0)
        rc = open_access_log(srv, err);
    if (rc == 0)
        rc = install_signals(srv, err);
    if (rc == 0)
        rc = drop_privileges(cfg->user, err);
    if (rc != 0) {
        server_free(srv);
        return -1;
    }
    *out = srv;
    return 0;
}

int server_port(const server *srv)
{
    return srv->n_workers ? socket_port(srv->workers[0].listener) : -1;
}

int server_run(server *srv, ps_error *err)
{
    signal(SIGPIPE, SIG_IGN); /* a client that goes away must not kill the server */
    int rc = 0;
    for (unsigned i = 0; i < srv->n_workers && rc == 0; i++) {
        worker *w = &srv->workers[i];
        if (pthread_create(&w->thread, NULL, worker_main, w) != 0)
            rc = ps_fail(err, "cannot start worker thread %u", i);
        else
            w->started = true;
    }
    if (rc == 0 && event_base_dispatch(srv->base) < 0)
        rc = ps_fail(err, "event loop failed");
    if (rc != 0) /* stop the workers that did start */
        on_signal(SIGTERM, 0, srv);
    for (unsigned i = 0; i < srv->n_workers; i++)
        if (srv->workers[i].started)
            pthread_join(srv->workers[i].thread, NULL);
    return rc;
}

void server_free(server *srv)
{
    if (!srv)
        return;
    for (unsigned i = 0; srv->workers && i < srv->n_workers; i++)
        worker_free(&srv->workers[i]);
    free(srv->workers);
    if (srv->sigint)
        event_free(srv->sigint);
    if (srv->sigterm)
        event_free(srv->sigterm);
    if (srv->base)
        event_base_free(srv->base);
    if (srv->access_log && srv->access_log != stdout)
        fclose(srv->access_log);
    else if (srv->access_log)
        fflush(srv->access_log);
    suggester_free(srv->suggester);
    hit_cache_shelf_free(srv->hits);
    referentiel_free(srv->ref);
    fr_stopwords_free(srv->stopwords);
    free(srv);
}
