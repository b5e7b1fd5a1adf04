#include "net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void describe(const struct sockaddr *sa, char *out, size_t size)
{
    char host[INET6_ADDRSTRLEN] = "?";
    unsigned port = 0;
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        port = ntohs(in->sin_port);
        snprintf(out, size, "%s:%u", host, port);
    } else {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
        port = ntohs(in6->sin6_port);
        snprintf(out, size, "[%s]:%u", host, port);
    }
}

int net_socket_error(int fd)
{
    int so_error = 0;
    socklen_t len = sizeof so_error;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len) != 0)
        return errno;
    return so_error;
}

static int open_socket(int family, int *fd, ps_error *err)
{
    int s = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s < 0) {
        int e = errno;
        ps_fail(err, "socket: %s", strerror(e));
        errno = e;
        return -1;
    }
    int one = 1;
    if (setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0) {
        int e = errno;
        close(s);
        return ps_fail(err, "TCP_NODELAY: %s", strerror(e));
    }
    *fd = s;
    return 0;
}

int net_connect_start(const lg_target *target, int *fd, int *in_progress, ps_error *err)
{
    int s;
    if (open_socket(target->addr.ss_family, &s, err) != 0)
        return -1;
    if (connect(s, (const struct sockaddr *)&target->addr, target->addrlen) == 0) {
        *in_progress = 0;
    } else if (errno == EINPROGRESS) {
        *in_progress = 1;
    } else {
        int e = errno;
        close(s);
        ps_fail(err, "connect to %s: %s", target->text, strerror(e));
        errno = e; /* the caller tells a local shortage from the server's refusal */
        return -1;
    }
    *fd = s;
    return 0;
}

/* One blocking-style attempt (poll with a timeout) at the address ai. */
static int probe(const struct addrinfo *ai, double timeout_s, ps_error *why)
{
    int s;
    if (open_socket(ai->ai_family, &s, why) != 0)
        return -1;
    int e = 0;
    if (connect(s, ai->ai_addr, ai->ai_addrlen) != 0) {
        e = errno;
        if (e == EINPROGRESS) {
            struct pollfd pfd = {s, POLLOUT, 0};
            int n = poll(&pfd, 1, (int)(timeout_s * 1000));
            e = n == 0 ? ETIMEDOUT : n < 0 ? errno : net_socket_error(s);
        }
    }
    close(s);
    return e ? ps_fail(why, "%s", strerror(e)) : 0;
}

int net_resolve(const lg_url *url, double timeout_s, lg_target *target, ps_error *err)
{
    struct addrinfo hints, *list = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    int rc = getaddrinfo(url->host, url->port, &hints, &list);
    if (rc != 0)
        return ps_fail(err, "cannot resolve %s: %s", url->host, gai_strerror(rc));
    ps_error why;
    ps_fail(&why, "no address");
    char where[80] = "";
    int found = 0;
    for (const struct addrinfo *ai = list; ai && !found; ai = ai->ai_next) {
        if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6)
            continue;
        describe(ai->ai_addr, where, sizeof where);
        if (probe(ai, timeout_s, &why) == 0) {
            memcpy(&target->addr, ai->ai_addr, ai->ai_addrlen);
            target->addrlen = ai->ai_addrlen;
            snprintf(target->text, sizeof target->text, "%s", where);
            found = 1;
        }
    }
    freeaddrinfo(list);
    if (!found)
        return ps_fail(err, "cannot connect to %s (%s): %s", url->authority, where, why.message);
    return 0;
}

int net_reserve_descriptors(unsigned n, ps_error *err)
{
    struct rlimit lim;
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return ps_fail(err, "getrlimit: %s", strerror(errno));
    if (lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur < n) {
        if (lim.rlim_max != RLIM_INFINITY && lim.rlim_max < n)
            return ps_fail(err, "the run needs %u open files and the limit is %llu (ulimit -n)", n,
                           (unsigned long long)lim.rlim_max);
        lim.rlim_cur = n;
        if (setrlimit(RLIMIT_NOFILE, &lim) != 0)
            return ps_fail(err, "setrlimit: %s", strerror(errno));
    }
    return 0;
}
