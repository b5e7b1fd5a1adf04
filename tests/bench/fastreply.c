/* fastreply: the fastest HTTP server this test folder can offer, to measure how many requests
 * per second loadgen itself can drive: one thread, epoll, and the same small keep-alive reply
 * to every request head it reads (a rare partial write loses the rest: fine for a speed
 * check, not for correctness). Not a test by itself (throughput depends on the machine):
 *
 *   fastreply PORT &  loadgen --url http://127.0.0.1:PORT --paths FILE --connections 32 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

static const char reply[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Content-Length: 16\r\n\r\n{\"status\": \"ok\"}";

/* Counts the request heads ending in buf, carrying a partial "\r\n\r\n" over in *state. */
static int count_heads(const char *buf, ssize_t n, int *state)
{
    static const char end[] = "\r\n\r\n";
    int heads = 0;
    for (ssize_t i = 0; i < n; i++) {
        *state = buf[i] == end[*state] ? *state + 1 : buf[i] == '\r' ? 1 : 0;
        if (*state == 4) {
            heads++;
            *state = 0;
        }
    }
    return heads;
}

static int listen_on(int port)
{
    int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 1024) != 0) {
        perror("fastreply: bind");
        return -1;
    }
    return s;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: fastreply PORT\n");
        return 2;
    }
    int lsock = listen_on(atoi(argv[1]));
    int ep = epoll_create1(0);
    if (lsock < 0 || ep < 0)
        return 1;
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = lsock};
    epoll_ctl(ep, EPOLL_CTL_ADD, lsock, &ev);
    int *state = calloc(65536, sizeof *state); /* per descriptor: how much of "\r\n\r\n" */
    char *out = malloc(sizeof reply * 64);         /* replies to pipelined requests */
    if (!state || !out)
        return 1;
    char buf[16384];
    for (;;) {
        struct epoll_event events[256];
        int n = epoll_wait(ep, events, 256, -1);
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == lsock) {
                int c;
                while ((c = accept(lsock, NULL, NULL)) >= 0) {
                    int one = 1;
                    fcntl(c, F_SETFL, O_NONBLOCK);
                    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct epoll_event cev = {.events = EPOLLIN, .data.fd = c};
                    if (c >= 65536 || epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev) != 0)
                        close(c);
                    else
                        state[c] = 0;
                }
                continue;
            }
            ssize_t got = read(fd, buf, sizeof buf);
            if (got <= 0) {
                if (got < 0 && errno == EAGAIN)
                    continue;
                close(fd);
                continue;
            }
            int heads = count_heads(buf, got, &state[fd]);
            while (heads > 0) { /* pipelined requests get their replies in one write */
                int k = heads < 64 ? heads : 64;
                for (int j = 0; j < k; j++)
                    memcpy(out + j * (sizeof reply - 1), reply, sizeof reply - 1);
                if (write(fd, out, (size_t)k * (sizeof reply - 1)) < 0)
                    break;
                heads -= k;
            }
        }
    }
}
