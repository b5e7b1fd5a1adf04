/* net: finding the server's address (tried once before the run, so that a wrong URL fails at
 * once and clearly) and opening non-blocking TCP connections to it. */
#ifndef LG_NET_H
#define LG_NET_H

#include <sys/socket.h>

#include "error.h"
#include "options.h"

typedef struct lg_target {
    struct sockaddr_storage addr;
    socklen_t addrlen;
    char text[80]; /* the address and port, for messages */
} lg_target;

/* Resolves url's host and keeps the first address that accepts a connection within
 * timeout_s seconds. */
int net_resolve(const lg_url *url, double timeout_s, lg_target *target, ps_error *err);

/* Opens a non-blocking socket (TCP_NODELAY) and starts connecting: 0 with *fd set and
 * *in_progress telling whether the connection is still being made; -1 on failure, with errno
 * set (EMFILE and the like are local shortages, ECONNREFUSED the server's). */
int net_connect_start(const lg_target *target, int *fd, int *in_progress, ps_error *err);

/* The pending error of a socket whose connection attempt ended (0 for none). */
int net_socket_error(int fd);

/* Raises the soft limit on open files to at least n if the hard limit allows. */
int net_reserve_descriptors(unsigned n, ps_error *err);

#endif
