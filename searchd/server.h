/* server: the HTTP side of searchd: listens with libevent's evhttp, routes requests, follows
 * the index as the indexer publishes generations and commits, and writes every reply, errors
 * included, as JSON (metrics excepted: Prometheus text). All of searchd's state lives in struct
 * server. */
#ifndef PS_SERVER_H
#define PS_SERVER_H

#include <stdint.h>

#include "error.h"

typedef struct server_config {
    const char *bind_address;
    int port;                   /* 0: any free port, reported by server_port() */
    const char *db_path;        /* an index root's "current" link, or a database */
    const char *stopwords_path;
    const char *referentiels_dir;
    const char *cors_origin;    /* Access-Control-Allow-Origin */
    const char *access_log;     /* a file, "-" for stdout, or NULL for none */
    const char *user;           /* who to become after start-up when started as root */
    int timeout_seconds;        /* idle and slow clients are dropped after this */
    unsigned threads;           /* worker threads, each with its own event loop and searcher */
    int64_t now;                /* fixed reference time for publieeDepuis, 0: the clock */
} server_config;

typedef struct server server;

int server_open(const server_config *cfg, server **out, ps_error *err);
/* The port actually bound. */
int server_port(const server *srv);
/* Serves until SIGINT or SIGTERM, then lets requests in flight finish. */
int server_run(server *srv, ps_error *err);
void server_free(server *srv);

#endif
