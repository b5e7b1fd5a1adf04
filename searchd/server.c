#include "server.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <event2/util.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "french.h"
#include "metrics.h"
#include "params.h"
#include "privileges.h"
#include "referentiel.h"
#include "search.h"
#include "suggest.h"

enum { MAX_HEADERS_SIZE = 8192, MAX_BODY_SIZE = 4096 };

/* How often searchd looks for a new generation or new commits, and flushes its access log. */
static const struct timeval REFRESH_INTERVAL = {1, 0};
/* How long requests in flight get to finish after SIGTERM. */
static const struct timeval DRAIN_DELAY = {0, 300000};

struct server {
    server_config cfg;
    struct event_base *base;
    struct evhttp *http;
    struct evhttp_bound_socket *socket;
    struct event *sigint, *sigterm, *refresh;
    fr_stopwords *stopwords;
    referentiel *ref;
    suggester *suggester;
    searcher *searcher;       /* NULL while no index could be opened: 503 */
    char db_target[PATH_MAX]; /* what cfg.db_path resolved to when the searcher was opened */
    FILE *access_log;
    metrics metrics;
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

static void add_cors(server *srv, struct evhttp_request *req)
{
    evhttp_add_header(evhttp_request_get_output_headers(req), "Access-Control-Allow-Origin",
                      srv->cfg.cors_origin);
}

static void send_text(server *srv, struct evhttp_request *req, int code, const char *type,
                      const char *text, size_t len)
{
    struct evkeyvalq *headers = evhttp_request_get_output_headers(req);
    evhttp_add_header(headers, "Content-Type", type);
    add_cors(srv, req);
    struct evbuffer *out = evhttp_request_get_output_buffer(req);
    evbuffer_add(out, text, len);
    evhttp_send_reply(req, code, reason_phrase(code), out);
}

/* Sends body (stolen) as the reply. */
static void reply_json(server *srv, struct evhttp_request *req, int code, json_t *body)
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

static void reply_error(server *srv, struct evhttp_request *req, int code,
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

static bool index_available(server *srv, struct evhttp_request *req)
{
    if (srv->searcher)
        return true;
    reply_error(srv, req, 503, "unavailable", NULL, "no index is loaded yet");
    return false;
}

static int handle_search(server *srv, struct evhttp_request *req, const char *query)
{
    struct evkeyvalq params;
    search_request sreq;
    param_error perr;
    int code = 200;
    if (params_parse_search(query, &params, srv->ref, &sreq, &perr) != 0) {
        code = 400;
        reply_error(srv, req, code, perr.parameter ? "invalid_parameter" : "invalid_query_string",
                    perr.parameter, perr.message);
    } else if (!index_available(srv, req)) {
        code = 503;
    } else {
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        json_t *result;
        ps_error err;
        if (searcher_run(srv->searcher, &sreq, reference_time(srv), &result, &err) != SEARCH_OK) {
            fprintf(stderr, "searchd: search failed: %s\n", err.message);
            code = 500;
            reply_error(srv, req, code, "internal", NULL, "the search failed; see the server log");
        } else {
            clock_gettime(CLOCK_MONOTONIC, &end);
            double ms = (double)(end.tv_sec - start.tv_sec) * 1e3 +
                        (double)(end.tv_nsec - start.tv_nsec) / 1e6;
            json_object_set_new(result, "took_ms", json_real((double)(long)(ms * 1000) / 1000));
            reply_json(srv, req, code, result);
        }
    }
    evhttp_clear_headers(&params);
    return code;
}

static int handle_suggest(server *srv, struct evhttp_request *req, const char *query)
{
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
static int handle_document(server *srv, struct evhttp_request *req, const char *rest)
{
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
    if (!index_available(srv, req))
        return 503;
    char *id = evhttp_uridecode(slash + 1, 0, NULL);
    json_t *doc = NULL;
    ps_error err;
    search_status st = id ? searcher_document(srv->searcher, type, id, &doc, &err) : SEARCH_FAILED;
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

static const char *generation_name(const server *srv)
{
    const char *slash = strrchr(srv->db_target, '/');
    return slash ? slash + 1 : srv->db_target;
}

static int handle_health(server *srv, struct evhttp_request *req)
{
    if (!srv->searcher) {
        reply_json(srv, req, 503, json_pack("{s:s}", "status", "unavailable"));
        return 503;
    }
    json_t *index = searcher_index_info(srv->searcher);
    json_object_set_new(index, "generation", json_string(generation_name(srv)));
    json_object_set_new(index, "reloads", json_integer((json_int_t)srv->metrics.reloads));
    reply_json(srv, req, 200, json_pack("{s:s, s:o}", "status", "ok", "index", index));
    return 200;
}

static int handle_metrics(server *srv, struct evhttp_request *req)
{
    json_t *info = srv->searcher ? searcher_index_info(srv->searcher) : NULL;
    index_gauges g = {srv->searcher ? generation_name(srv) : "",
                      info ? (uint64_t)json_integer_value(json_object_get(info, "documents")) : 0};
    json_decref(info);
    strbuf out = STRBUF_INIT;
    int code = 200;
    if (metrics_render(&srv->metrics, &g, &out) != 0) {
        code = 500;
        reply_error(srv, req, code, "internal", NULL, "out of memory");
    } else {
        send_text(srv, req, code, "text/plain; version=0.0.4; charset=utf-8", out.data, out.len);
    }
    strbuf_free(&out);
    return code;
}

static int handle_preflight(server *srv, struct evhttp_request *req)
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

static int dispatch(server *srv, struct evhttp_request *req, route r, const char *rest,
                    const char *query)
{
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
    case ROUTE_SEARCH: return handle_search(srv, req, query);
    case ROUTE_SUGGEST: return handle_suggest(srv, req, query);
    case ROUTE_DOCUMENTS: return handle_document(srv, req, rest);
    case ROUTE_HEALTH: return handle_health(srv, req);
    default: return handle_metrics(srv, req);
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
    server *srv = arg;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
    const char *path = evhttp_uri_get_path(uri), *rest;
    route r = route_of(path ? path : "/", &rest);
    int code = dispatch(srv, req, r, rest, evhttp_uri_get_query(uri));
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    metrics_record(&srv->metrics, r, code, seconds);
    log_access(srv, req, evhttp_request_get_uri(req), code, seconds);
}

/* ---- Following the index ------------------------------------------------------------------ */

/* Opens the index cfg.db_path now resolves to (through the "current" link of an index root). */
static int open_index(server *srv, searcher **out, char target[PATH_MAX], ps_error *err)
{
    if (!realpath(srv->cfg.db_path, target))
        return ps_fail(err, "cannot open index %s: %s", srv->cfg.db_path, strerror(errno));
    return searcher_open(target, srv->stopwords, srv->ref, out, err);
}

/* Every REFRESH_INTERVAL: a new generation published by the indexer is opened and swapped in;
 * otherwise the open one moves to its latest commit (incremental updates). A failure keeps
 * the index being served. */
static void on_refresh(evutil_socket_t fd, short events, void *arg)
{
    (void)fd, (void)events;
    server *srv = arg;
    if (srv->access_log)
        fflush(srv->access_log);
    char target[PATH_MAX];
    ps_error err;
    if (srv->searcher && realpath(srv->cfg.db_path, target) && strcmp(target, srv->db_target) == 0) {
        if (searcher_refresh(srv->searcher, &err) != 0)
            fprintf(stderr, "searchd: %s\n", err.message);
        return;
    }
    searcher *fresh;
    if (open_index(srv, &fresh, target, &err) != 0) {
        srv->metrics.reload_failures++;
        if (srv->searcher)
            fprintf(stderr, "searchd: keeping %s: %s\n", srv->db_target, err.message);
        return;
    }
    bool first = srv->searcher == NULL;
    searcher_free(srv->searcher);
    srv->searcher = fresh;
    snprintf(srv->db_target, sizeof srv->db_target, "%s", target);
    srv->metrics.reloads += !first;
    fprintf(stderr, "searchd: now serving %s\n", target);
}

/* ---- Lifecycle ------------------------------------------------------------------------- */

static void on_signal(evutil_socket_t sig, short events, void *arg)
{
    (void)events;
    server *srv = arg;
    fprintf(stderr, "searchd: signal %d, finishing requests in flight\n", (int)sig);
    if (srv->socket) {
        evhttp_del_accept_socket(srv->http, srv->socket); /* no new connections */
        srv->socket = NULL;
    }
    event_base_loopexit(srv->base, &DRAIN_DELAY);
}

static int listen_http(server *srv, ps_error *err)
{
    evhttp_set_default_content_type(srv->http, "application/json; charset=utf-8");
    evhttp_set_max_headers_size(srv->http, MAX_HEADERS_SIZE);
    evhttp_set_max_body_size(srv->http, MAX_BODY_SIZE);
    evhttp_set_timeout(srv->http, srv->cfg.timeout_seconds);
    evhttp_set_allowed_methods(srv->http, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD | EVHTTP_REQ_POST |
                                              EVHTTP_REQ_PUT | EVHTTP_REQ_DELETE |
                                              EVHTTP_REQ_OPTIONS | EVHTTP_REQ_PATCH);
    evhttp_set_gencb(srv->http, on_request, srv);
    srv->socket = evhttp_bind_socket_with_handle(srv->http, srv->cfg.bind_address,
                                                 (ev_uint16_t)srv->cfg.port);
    if (!srv->socket)
        return ps_fail(err, "cannot listen on %s:%d: %s", srv->cfg.bind_address, srv->cfg.port,
                       strerror(errno));
    return 0;
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

static int install_events(server *srv, ps_error *err)
{
    srv->sigint = evsignal_new(srv->base, SIGINT, on_signal, srv);
    srv->sigterm = evsignal_new(srv->base, SIGTERM, on_signal, srv);
    srv->refresh = event_new(srv->base, -1, EV_PERSIST, on_refresh, srv);
    if (!srv->sigint || !srv->sigterm || !srv->refresh || evsignal_add(srv->sigint, NULL) != 0 ||
        evsignal_add(srv->sigterm, NULL) != 0 || event_add(srv->refresh, &REFRESH_INTERVAL) != 0)
        return ps_fail(err, "cannot install signal handlers and timers");
    return 0;
}

int server_open(const server_config *cfg, server **out, ps_error *err)
{
    server *srv = calloc(1, sizeof *srv);
    if (!srv)
        return ps_fail(err, "out of memory");
    srv->cfg = *cfg;
    int rc = fr_stopwords_load(cfg->stopwords_path, &srv->stopwords, err);
    if (rc == 0)
        rc = referentiel_load(cfg->referentiels_dir, &srv->ref, err);
    if (rc == 0)
        rc = suggester_new(srv->ref, &srv->suggester, err);
    if (rc == 0 && open_index(srv, &srv->searcher, srv->db_target, err) != 0) {
        /* serve 503s until the indexer publishes a generation */
        fprintf(stderr, "searchd: %s; answering 503 until an index appears\n", err->message);
        srv->searcher = NULL;
    }
    if (rc == 0 && (!(srv->base = event_base_new()) || !(srv->http = evhttp_new(srv->base))))
        rc = ps_fail(err, "cannot create the event loop");
    if (rc == 0)
        rc = listen_http(srv, err);
    if (rc == 0)
        rc = open_access_log(srv, err);
    if (rc == 0)
        rc = install_events(srv, err);
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
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    evutil_socket_t fd = evhttp_bound_socket_get_fd(srv->socket);
    if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
        return -1;
    if (ss.ss_family == AF_INET)
        return ntohs(((struct sockaddr_in *)&ss)->sin_port);
    if (ss.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return -1;
}

int server_run(server *srv, ps_error *err)
{
    signal(SIGPIPE, SIG_IGN); /* a client that goes away must not kill the server */
    if (event_base_dispatch(srv->base) < 0)
        return ps_fail(err, "event loop failed");
    return 0;
}

void server_free(server *srv)
{
    if (!srv)
        return;
    if (srv->sigint)
        event_free(srv->sigint);
    if (srv->sigterm)
        event_free(srv->sigterm);
    if (srv->refresh)
        event_free(srv->refresh);
    if (srv->http)
        evhttp_free(srv->http);
    if (srv->base)
        event_base_free(srv->base);
    if (srv->access_log && srv->access_log != stdout)
        fclose(srv->access_log);
    else if (srv->access_log)
        fflush(srv->access_log);
    searcher_free(srv->searcher);
    suggester_free(srv->suggester);
    referentiel_free(srv->ref);
    fr_stopwords_free(srv->stopwords);
    free(srv);
}
