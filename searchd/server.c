#include "server.h"

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <errno.h>
#include <event2/util.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "params.h"

enum { MAX_HEADERS_SIZE = 8192, MAX_BODY_SIZE = 4096 };

/* How often searchd looks for a new generation or new commits. */
static const struct timeval REFRESH_INTERVAL = {1, 0};

struct server {
    server_config cfg;
    struct event_base *base;
    struct evhttp *http;
    struct evhttp_bound_socket *socket;
    struct event *sigint, *sigterm, *refresh;
    fr_stopwords *stopwords;
    searcher *searcher;
    char db_target[PATH_MAX]; /* what cfg.db_path resolved to when the searcher was opened */
    unsigned long reloads;
};

/* ---- Replies --------------------------------------------------------------------------- */

static const char *reason_phrase(int code)
{
    switch (code) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    }
    return "Error";
}

/* Sends body (stolen) as the reply. */
static void reply_json(struct evhttp_request *req, int code, json_t *body)
{
    struct evkeyvalq *headers = evhttp_request_get_output_headers(req);
    evhttp_add_header(headers, "Content-Type", "application/json; charset=utf-8");
    evhttp_add_header(headers, "Access-Control-Allow-Origin", "*");
    struct evbuffer *out = evhttp_request_get_output_buffer(req);
    char *text = body ? json_dumps(body, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
    json_decref(body);
    if (text) {
        evbuffer_add(out, text, strlen(text));
        evbuffer_add(out, "\n", 1);
        free(text);
        evhttp_send_reply(req, code, reason_phrase(code), out);
    } else {
        static const char oom[] = "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}\n";
        evbuffer_add(out, oom, sizeof oom - 1);
        evhttp_send_reply(req, 500, reason_phrase(500), out);
    }
}

static void reply_error(struct evhttp_request *req, int code, const char *error_code,
                        const char *parameter, const char *message)
{
    json_t *error = json_pack("{s:s, s:s}", "code", error_code, "message", message);
    if (error && parameter)
        json_object_set_new(error, "parameter", json_string(parameter));
    reply_json(req, code, error ? json_pack("{s:o}", "error", error) : NULL);
}

/* ---- Routes ---------------------------------------------------------------------------- */

static double elapsed_ms(const struct timespec *since)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - since->tv_sec) * 1e3 + (double)(now.tv_nsec - since->tv_nsec) / 1e6;
}

static void handle_search(server *srv, struct evhttp_request *req)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    const char *query = evhttp_uri_get_query(evhttp_request_get_evhttp_uri(req));
    struct evkeyvalq params;
    search_request sreq;
    param_error perr;
    if (params_parse_search(query, &params, &sreq, &perr) != 0) {
        reply_error(req, 400, perr.parameter ? "invalid_parameter" : "invalid_query_string",
                    perr.parameter, perr.message);
        evhttp_clear_headers(&params);
        return;
    }
    json_t *result = NULL;
    ps_error err;
    search_status st = searcher_run(srv->searcher, &sreq, &result, &err);
    evhttp_clear_headers(&params);
    if (st == SEARCH_BAD_QUERY) {
        reply_error(req, 400, "invalid_parameter", "q", err.message);
        return;
    }
    if (st != SEARCH_OK) {
        fprintf(stderr, "searchd: search failed: %s\n", err.message);
        reply_error(req, 500, "internal", NULL, "the search failed; see the server log");
        return;
    }
    double took = elapsed_ms(&start);
    json_object_set_new(result, "took_ms", json_real((double)(long)(took * 1000) / 1000));
    reply_json(req, 200, result);
}

static void handle_health(server *srv, struct evhttp_request *req)
{
    json_t *index = searcher_index_info(srv->searcher);
    const char *slash = strrchr(srv->db_target, '/');
    json_object_set_new(index, "generation", json_string(slash ? slash + 1 : srv->db_target));
    json_object_set_new(index, "reloads", json_integer((json_int_t)srv->reloads));
    reply_json(req, 200, json_pack("{s:s, s:o}", "status", "ok", "index", index));
}

static void route(struct evhttp_request *req, void *arg)
{
    server *srv = arg;
    const char *path = evhttp_uri_get_path(evhttp_request_get_evhttp_uri(req));
    if (!path)
        path = "/";
    bool search = strcmp(path, "/v1/search") == 0, health = strcmp(path, "/health") == 0;
    if (!search && !health) {
        reply_error(req, 404, "not_found", NULL, "no such route");
        return;
    }
    enum evhttp_cmd_type method = evhttp_request_get_command(req);
    if (method != EVHTTP_REQ_GET && method != EVHTTP_REQ_HEAD) {
        evhttp_add_header(evhttp_request_get_output_headers(req), "Allow", "GET, HEAD");
        reply_error(req, 405, "method_not_allowed", NULL, "only GET is allowed here");
        return;
    }
    if (search)
        handle_search(srv, req);
    else
        handle_health(srv, req);
}

/* ---- Following the index ---------------------------------------------------------------- */

/* Opens the index cfg.db_path now resolves to (through the "current" link of an index root). */
static int open_index(server *srv, searcher **out, char target[PATH_MAX], ps_error *err)
{
    if (!realpath(srv->cfg.db_path, target))
        return ps_fail(err, "cannot open index %s: %s", srv->cfg.db_path, strerror(errno));
    return searcher_open(target, srv->stopwords, out, err);
}

/* Every REFRESH_INTERVAL: a new generation published by the indexer is opened and swapped in;
 * otherwise the open one moves to its latest commit (incremental updates). A failure keeps
 * the index being served. */
static void on_refresh(evutil_socket_t fd, short events, void *arg)
{
    (void)fd, (void)events;
    server *srv = arg;
    char target[PATH_MAX];
    ps_error err;
    if (!realpath(srv->cfg.db_path, target)) {
        fprintf(stderr, "searchd: cannot resolve %s: %s\n", srv->cfg.db_path, strerror(errno));
        return;
    }
    if (strcmp(target, srv->db_target) == 0) {
        if (searcher_refresh(srv->searcher, &err) != 0)
            fprintf(stderr, "searchd: %s\n", err.message);
        return;
    }
    searcher *fresh;
    if (open_index(srv, &fresh, target, &err) != 0) {
        fprintf(stderr, "searchd: keeping %s: %s\n", srv->db_target, err.message);
        return;
    }
    searcher_free(srv->searcher);
    srv->searcher = fresh;
    snprintf(srv->db_target, sizeof srv->db_target, "%s", target);
    srv->reloads++;
    fprintf(stderr, "searchd: now serving %s\n", target);
}

/* ---- Lifecycle ------------------------------------------------------------------------- */

static void on_signal(evutil_socket_t sig, short events, void *arg)
{
    (void)events;
    server *srv = arg;
    fprintf(stderr, "searchd: signal %d, shutting down\n", (int)sig);
    event_base_loopexit(srv->base, NULL);
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
    evhttp_set_gencb(srv->http, route, srv);
    srv->socket = evhttp_bind_socket_with_handle(srv->http, srv->cfg.bind_address,
                                                 (ev_uint16_t)srv->cfg.port);
    if (!srv->socket)
        return ps_fail(err, "cannot listen on %s:%d", srv->cfg.bind_address, srv->cfg.port);
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
        rc = open_index(srv, &srv->searcher, srv->db_target, err);
    if (rc == 0 && (!(srv->base = event_base_new()) || !(srv->http = evhttp_new(srv->base))))
        rc = ps_fail(err, "cannot create the event loop");
    if (rc == 0)
        rc = listen_http(srv, err);
    if (rc == 0) {
        srv->sigint = evsignal_new(srv->base, SIGINT, on_signal, srv);
        srv->sigterm = evsignal_new(srv->base, SIGTERM, on_signal, srv);
        srv->refresh = event_new(srv->base, -1, EV_PERSIST, on_refresh, srv);
        if (!srv->sigint || !srv->sigterm || !srv->refresh ||
            evsignal_add(srv->sigint, NULL) != 0 || evsignal_add(srv->sigterm, NULL) != 0 ||
            event_add(srv->refresh, &REFRESH_INTERVAL) != 0)
            rc = ps_fail(err, "cannot install signal handlers and timers");
    }
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
    searcher_free(srv->searcher);
    fr_stopwords_free(srv->stopwords);
    free(srv);
}
