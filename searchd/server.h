/* server: the HTTP side of searchd: listens with libevent's evhttp, routes requests, and
 * writes every reply, errors included, as JSON. All of searchd's state lives in struct server. */
#ifndef PS_SERVER_H
#define PS_SERVER_H

#include "error.h"
#include "french.h"
#include "search.h"

typedef struct server_config {
    const char *bind_address;
    int port; /* 0: any free port, reported by server_port() */
    const char *db_path;
    const char *stopwords_path;
    int timeout_seconds; /* idle and slow clients are dropped after this */
} server_config;

typedef struct server server;

int server_open(const server_config *cfg, server **out, ps_error *err);
/* The port actually bound. */
int server_port(const server *srv);
/* Serves until SIGINT or SIGTERM. */
int server_run(server *srv, ps_error *err);
void server_free(server *srv);

#endif
