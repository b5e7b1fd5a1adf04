#include "driver.h"

#include <errno.h>
#include <event2/event.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "httpresp.h"
#include "strbuf.h"

enum {
    CONN_INBUF = 16384,       /* per connection; bodies pass through, heads must fit */
    BACKOFF_MS = 100,         /* before reconnecting after a failed connection attempt */
    LATE_SEND_NS = 1000000    /* a --rate request sent later than this after its time is late */
};

typedef enum { C_CLOSED, C_BACKOFF, C_CONNECTING, C_IDLE, C_BUSY } conn_state;

/* STARTING: the first connections are being made; WARMUP and MEASURE: sending; DRAIN: no new
 * request (but the --rate backlog), waiting for the replies in flight; STOPPED: nothing more
 * is sent, waiting for the last replies. */
typedef enum { PH_STARTING, PH_WARMUP, PH_MEASURE, PH_DRAIN, PH_STOPPED } run_phase;

struct driver;

typedef struct conn {
    struct driver *d;
    int fd; /* -1 when closed */
    conn_state state;
    int initial; /* one of the first connections of the run, still being made */
    struct event *ev_read, *ev_write; /* on fd, while open */
    struct event *ev_timer;           /* the request timeout, or the reconnection back-off */
    strbuf out;                       /* the request being written */
    size_t out_sent;
    http_response resp;
    uint64_t t_intended, t_sent;
    int measured;
    size_t in_len; /* unparsed bytes at the start of in (an incomplete line) */
    char in[CONN_INBUF];
} conn;

typedef struct driver {
    const lg_options *opt;
    const path_list *paths;
    const lg_target *target;
    lg_results *res;
    struct event_base *base;
    const struct timeval *request_timeout; /* a libevent common timeout when available */
    struct timeval timeout_tv;
    struct event *ev_phase, *ev_tick, *ev_sigint;
    conn *conns;
    unsigned nconns, nidle, cursor, starting;
    unsigned nconnected; /* connections open (idle or busy) */
    run_phase phase;
    uint64_t t_start, t_measure, t_end; /* t_end is 0 for a run bounded by requests */
    uint64_t t_last;                    /* the last measured reply or error */
    uint64_t t_progress;                /* the last reply or successful connection */
    uint64_t seq;      /* requests sent, warm-up included: the next takes line seq % count */
    double interval_ns; /* --rate: between two scheduled requests */
    uint64_t inflight;
    int starved; /* --rate: a due request found no idle connection, and the backlog remains */
    strbuf head_tail; /* " HTTP/1.1\r\nHost: ...\r\n\r\n", after each path */
    int fatal;
    ps_error fatal_error;
} driver;

static void conn_ready(conn *c);
static void conn_open(conn *c);
static void dispatch_rate(driver *d, conn *preferred);
static void maybe_finish(driver *d);

const char *lg_error_name(lg_error_kind kind)
{
    static const char *const names[LG_ERR_KINDS] = {"connect", "timeout", "read", "write",
                                                    "protocol"};
    return kind < LG_ERR_KINDS ? names[kind] : "?";
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static struct timeval ns_to_timeval(uint64_t ns)
{
    struct timeval tv = {(time_t)(ns / 1000000000u), (suseconds_t)(ns % 1000000000u / 1000u)};
    return tv;
}

static uint64_t seconds_to_ns(double s) { return (uint64_t)(s * 1e9 + 0.5); }

/* A local fault inside a callback: remembered, and the loop stops. */
static void fail_run(driver *d, const char *what)
{
    if (!d->fatal)
        ps_fail(&d->fatal_error, "%s", what);
    d->fatal = 1;
    event_base_loopbreak(d->base);
}

static int counting(const driver *d) { return d->phase >= PH_MEASURE; }

static int is_rate(const driver *d) { return d->opt->rate > 0; }

static uint64_t scheduled_time(const driver *d, uint64_t seq)
{
    return d->t_start + (uint64_t)((double)seq * d->interval_ns);
}

/* Whether the --rate schedule still holds a request to send. */
static int rate_has_next(const driver *d)
{
    if (d->phase == PH_STOPPED || d->phase == PH_STARTING)
        return 0;
    if (d->opt->requests)
        return d->res->sent < d->opt->requests;
    return scheduled_time(d, d->seq) < d->t_end;
}

static int needs_connections(const driver *d)
{
    return d->phase < PH_DRAIN || (d->phase == PH_DRAIN && is_rate(d) && rate_has_next(d));
}

/* --- connections ------------------------------------------------------------------------ */

static void set_idle(conn *c)
{
    if (c->state != C_IDLE)
        c->d->nidle++;
    c->state = C_IDLE;
}

static void leave_state(conn *c)
{
    if (c->state == C_IDLE)
        c->d->nidle--;
}

static int is_connected(const conn *c) { return c->state == C_IDLE || c->state == C_BUSY; }

static void conn_close(conn *c)
{
    if (is_connected(c))
        c->d->nconnected--;
    leave_state(c);
    if (c->ev_read)
        event_free(c->ev_read);
    if (c->ev_write)
        event_free(c->ev_write);
    c->ev_read = c->ev_write = NULL;
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    evtimer_del(c->ev_timer);
    c->state = C_CLOSED;
    c->in_len = 0;
}

/* Closes the connection and opens another one, at once or after a back-off, if the run still
 * needs it. */
static void conn_reopen(conn *c, int backoff)
{
    conn_close(c);
    if (!needs_connections(c->d))
        return;
    if (backoff) {
        struct timeval tv = {0, BACKOFF_MS * 1000};
        c->state = C_BACKOFF;
        evtimer_add(c->ev_timer, &tv);
    } else {
        conn_open(c);
    }
}

/* The first connections all made (or failed once): the clock starts. */
static void begin_run(driver *d);

static void initial_attempt_over(conn *c)
{
    driver *d = c->d;
    if (!c->initial)
        return;
    c->initial = 0;
    if (--d->starting == 0)
        begin_run(d);
}

/* Whether to stop the run: nothing connected and no connection made for --timeout seconds,
 * so that a run bounded by --requests ends when the server is gone for good. */
static int server_gone(const driver *d)
{
    return d->phase != PH_STARTING && d->nconnected == 0 &&
           now_ns() - d->t_progress > seconds_to_ns(d->opt->timeout_s);
}

static void connect_failed(conn *c)
{
    driver *d = c->d;
    if (counting(d))
        d->res->errors[LG_ERR_CONNECT]++;
    if (server_gone(d)) {
        conn_close(c);
        d->res->gave_up = 1;
        d->phase = PH_STOPPED;
        event_base_loopbreak(d->base);
        return;
    }
    conn_reopen(c, 1);
    initial_attempt_over(c);
}

static void connected(conn *c)
{
    driver *d = c->d;
    d->res->connections_opened++;
    d->t_progress = now_ns();
    if (event_add(c->ev_read, NULL) != 0) {
        fail_run(d, "event_add failed");
        return;
    }
    d->nconnected++;
    set_idle(c);
    if (c->initial)
        initial_attempt_over(c); /* begin_run() hands this connection its first request */
    else
        conn_ready(c);
}

/* A request ended without a usable reply, or the connection broke: counts the error and
 * reopens the connection. */
static void conn_fail(conn *c, lg_error_kind kind)
{
    driver *d = c->d;
    if (c->state == C_BUSY) {
        d->inflight--;
        if (c->measured) {
            d->res->errors[kind]++;
            d->t_last = now_ns();
        }
    } else if (counting(d)) {
        d->res->errors[kind]++;
    }
    conn_reopen(c, 0);
    maybe_finish(d);
}

static void flush_request(conn *c)
{
    while (c->out_sent < c->out.len) {
        ssize_t n = send(c->fd, c->out.data + c->out_sent, c->out.len - c->out_sent, MSG_NOSIGNAL);
        if (n > 0) {
            c->out_sent += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (event_add(c->ev_write, NULL) != 0)
                fail_run(c->d, "event_add failed");
            return;
        } else {
            conn_fail(c, LG_ERR_WRITE);
            return;
        }
    }
}

/* Sends the next path of the file on idle connection c. intended is when the request was
 * due (0: now). */
static void conn_send(conn *c, uint64_t intended, int measured)
{
    driver *d = c->d;
    const path_entry *p = &d->paths->items[d->seq % d->paths->count];
    d->seq++;
    strbuf_reset(&c->out);
    if (strbuf_puts(&c->out, "GET ") != 0 || strbuf_puts(&c->out, d->opt->url.prefix) != 0 ||
        strbuf_append(&c->out, d->paths->text + p->offset, p->length) != 0 ||
        strbuf_append(&c->out, d->head_tail.data, d->head_tail.len) != 0) {
        fail_run(d, "out of memory");
        return;
    }
    c->out_sent = 0;
    httpresp_start(&c->resp);
    leave_state(c);
    c->state = C_BUSY;
    c->measured = measured;
    c->t_sent = now_ns();
    c->t_intended = intended ? intended : c->t_sent;
    d->inflight++;
    if (measured) {
        d->res->sent++;
        uint64_t delay = c->t_sent > c->t_intended ? c->t_sent - c->t_intended : 0;
        if (delay > LATE_SEND_NS && d->starved)
            d->res->waited_for_connection++;
        else if (delay > LATE_SEND_NS)
            d->res->late_by_loadgen++;
        if (delay > d->res->max_send_delay_ns)
            d->res->max_send_delay_ns = delay;
    }
    if (evtimer_add(c->ev_timer, d->request_timeout) != 0) {
        fail_run(d, "event_add failed");
        return;
    }
    flush_request(c);
}

/* A full reply arrived on c. */
static void conn_complete(conn *c)
{
    driver *d = c->d;
    uint64_t t = now_ns();
    evtimer_del(c->ev_timer);
    d->inflight--;
    d->t_progress = t;
    if (c->measured) {
        lg_results *res = d->res;
        hist_record(&res->latency, t - c->t_intended);
        hist_record(&res->service, t - c->t_sent);
        res->replies++;
        int cls = c->resp.status / 100;
        res->by_class[cls >= 1 && cls <= 5 ? cls : 0]++;
        res->bytes_received += c->resp.bytes;
        d->t_last = t;
    }
    c->in_len = 0;
    if (c->resp.keep_alive) {
        set_idle(c);
        conn_ready(c);
    } else {
        conn_reopen(c, 0);
    }
    maybe_finish(d);
}

static void on_eof(conn *c)
{
    if (c->state != C_BUSY) { /* the server closed an idle keep-alive connection */
        conn_reopen(c, 0);
        return;
    }
    if (httpresp_eof(&c->resp) == RESP_DONE)
        conn_complete(c);
    else
        conn_fail(c, LG_ERR_READ);
}

static void on_read(evutil_socket_t fd, short what, void *arg)
{
    (void)what;
    conn *c = arg;
    ssize_t n = recv(fd, c->in + c->in_len, sizeof c->in - c->in_len, 0);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return;
        if (c->state == C_BUSY)
            conn_fail(c, LG_ERR_READ);
        else
            conn_reopen(c, 0); /* reset while idle: nothing was lost */
        return;
    }
    if (n == 0) {
        on_eof(c);
        return;
    }
    if (c->state != C_BUSY) {
        conn_fail(c, LG_ERR_PROTOCOL); /* bytes without a request */
        return;
    }
    c->in_len += (size_t)n;
    size_t used;
    resp_status rc = httpresp_feed(&c->resp, c->in, c->in_len, &used);
    if (rc == RESP_MALFORMED || (rc == RESP_DONE && used < c->in_len)) {
        conn_fail(c, LG_ERR_PROTOCOL);
    } else if (rc == RESP_DONE) {
        conn_complete(c);
    } else {
        memmove(c->in, c->in + used, c->in_len - used);
        c->in_len -= used;
    }
}

static void on_write(evutil_socket_t fd, short what, void *arg)
{
    conn *c = arg;
    if (c->state == C_CONNECTING) {
        if ((what & EV_TIMEOUT) || net_socket_error(fd) != 0)
            connect_failed(c);
        else
            connected(c);
    } else if (c->state == C_BUSY) {
        flush_request(c);
    }
}

static void on_conn_timer(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    conn *c = arg;
    if (c->state == C_BUSY)
        conn_fail(c, LG_ERR_TIMEOUT);
    else if (c->state == C_BACKOFF)
        conn_open(c);
}

static void conn_open(conn *c)
{
    driver *d = c->d;
    int fd, in_progress;
    ps_error err;
    if (net_connect_start(d->target, &fd, &in_progress, &err) != 0) {
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
            fail_run(d, err.message); /* a local fault, not the server's */
            return;
        }
        connect_failed(c);
        return;
    }
    c->fd = fd;
    c->ev_read = event_new(d->base, fd, EV_READ | EV_PERSIST, on_read, c);
    c->ev_write = event_new(d->base, fd, EV_WRITE, on_write, c);
    if (!c->ev_read || !c->ev_write) {
        fail_run(d, "out of memory");
        return;
    }
    if (in_progress) {
        c->state = C_CONNECTING;
        if (event_add(c->ev_write, &d->timeout_tv) != 0)
            fail_run(d, "event_add failed");
    } else {
        connected(c);
    }
}

/* --- the load ----------------------------------------------------------------------------- */

static void enter_drain(driver *d)
{
    if (d->phase >= PH_DRAIN)
        return;
    d->phase = PH_DRAIN;
    if (is_rate(d) && !d->opt->requests) { /* the backlog gets --timeout more to be sent */
        struct timeval tv = d->timeout_tv;
        evtimer_add(d->ev_phase, &tv);
    }
    maybe_finish(d);
}

/* What an idle connection does next in a closed loop. */
static void dispatch_closed(conn *c)
{
    driver *d = c->d;
    if (d->phase == PH_WARMUP) {
        conn_send(c, 0, 0);
    } else if (d->phase == PH_MEASURE) {
        conn_send(c, 0, 1);
        if (d->opt->requests && d->res->sent >= d->opt->requests)
            enter_drain(d);
    }
}

/* Sends every --rate request that is due on idle connections (preferred first), then sets the
 * tick for the next one. A due request with no idle connection waits for the next reply. */
static void dispatch_rate(driver *d, conn *preferred)
{
    uint64_t t = now_ns();
    while (!d->fatal && rate_has_next(d)) {
        uint64_t due = scheduled_time(d, d->seq);
        if (due > t) {
            t = now_ns();
            if (due > t) {
                struct timeval tv = ns_to_timeval(due - t);
                evtimer_add(d->ev_tick, &tv);
                d->starved = 0; /* caught up */
                return;
            }
        }
        conn *c = preferred && preferred->state == C_IDLE ? preferred : NULL;
        preferred = NULL;
        for (unsigned k = 0; !c && d->nidle && k < d->nconns; k++) {
            conn *candidate = &d->conns[(d->cursor + k) % d->nconns];
            if (candidate->state == C_IDLE) {
                c = candidate;
                d->cursor = (unsigned)((candidate - d->conns) + 1) % d->nconns;
            }
        }
        if (!c) {
            d->starved = 1;
            return;
        }
        conn_send(c, due, due >= d->t_measure);
    }
    if (d->phase < PH_DRAIN && d->opt->requests && d->res->sent >= d->opt->requests)
        enter_drain(d);
}

/* Connection c has just become idle. */
static void conn_ready(conn *c)
{
    driver *d = c->d;
    if (d->phase == PH_STARTING)
        return;
    if (is_rate(d))
        dispatch_rate(d, c);
    else
        dispatch_closed(c);
}

static void maybe_finish(driver *d)
{
    if (d->phase < PH_DRAIN || d->inflight > 0)
        return;
    if (is_rate(d) && d->phase == PH_DRAIN && rate_has_next(d))
        return; /* the backlog still has requests to send */
    event_base_loopbreak(d->base);
}

/* --rate: the measured requests that were due before the end and never sent. */
static uint64_t count_unsent(const driver *d)
{
    uint64_t n = 0;
    for (uint64_t s = d->seq; scheduled_time(d, s) < d->t_end; s++)
        if (scheduled_time(d, s) >= d->t_measure)
            n++;
    return n;
}

static void on_phase(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    driver *d = arg;
    if (d->phase == PH_WARMUP) {
        d->phase = PH_MEASURE;
        if (d->t_end) {
            uint64_t t = now_ns();
            struct timeval tv = ns_to_timeval(d->t_end > t ? d->t_end - t : 0);
            evtimer_add(d->ev_phase, &tv);
        }
    } else if (d->phase == PH_MEASURE) {
        enter_drain(d);
    } else if (d->phase == PH_DRAIN) {
        d->res->unsent = count_unsent(d);
        d->phase = PH_STOPPED;
        maybe_finish(d);
    }
}

static void on_tick(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    dispatch_rate(arg, NULL);
}

static void on_sigint(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    driver *d = arg;
    d->res->interrupted = 1;
    d->phase = PH_STOPPED;
    event_base_loopbreak(d->base);
}

static void begin_run(driver *d)
{
    d->t_start = d->t_progress = now_ns();
    d->t_measure = d->t_start + seconds_to_ns(d->opt->warmup_s);
    d->t_end = d->opt->requests ? 0 : d->t_measure + seconds_to_ns(d->opt->duration_s);
    d->phase = d->opt->warmup_s > 0 ? PH_WARMUP : PH_MEASURE;
    uint64_t first = d->phase == PH_WARMUP ? d->t_measure : d->t_end;
    if (first) {
        struct timeval tv = ns_to_timeval(first - d->t_start);
        evtimer_add(d->ev_phase, &tv);
    }
    if (is_rate(d)) {
        dispatch_rate(d, NULL);
        return;
    }
    for (unsigned i = 0; i < d->nconns && !d->fatal && d->phase < PH_DRAIN; i++)
        if (d->conns[i].state == C_IDLE)
            dispatch_closed(&d->conns[i]);
}

/* --- setting up and tearing down ---------------------------------------------------------- */

static int build_head_tail(driver *d)
{
    const lg_options *opt = d->opt;
    int own_host = 0;
    for (unsigned i = 0; i < opt->nheaders; i++)
        if (strncasecmp(opt->headers[i], "Host:", 5) == 0)
            own_host = 1;
    strbuf *b = &d->head_tail;
    int rc = strbuf_puts(b, " HTTP/1.1\r\n");
    if (!own_host)
        rc |= strbuf_puts(b, "Host: ") | strbuf_puts(b, opt->url.authority) |
              strbuf_puts(b, "\r\n");
    rc |= strbuf_puts(b, "User-Agent: prendresoin-loadgen\r\nAccept: */*\r\n");
    for (unsigned i = 0; i < opt->nheaders; i++)
        rc |= strbuf_puts(b, opt->headers[i]) | strbuf_puts(b, "\r\n");
    rc |= strbuf_puts(b, "\r\n");
    return rc ? -1 : 0;
}

static int setup(driver *d, ps_error *err)
{
    struct event_config *cfg = event_config_new();
    if (!cfg)
        return ps_fail(err, "out of memory");
    /* Fine timers matter: --rate ticks can be tens of microseconds apart. */
    event_config_set_flag(cfg, EVENT_BASE_FLAG_PRECISE_TIMER | EVENT_BASE_FLAG_NOLOCK);
    d->base = event_base_new_with_config(cfg);
    event_config_free(cfg);
    if (!d->base)
        return ps_fail(err, "cannot create the event loop");
    d->timeout_tv = ns_to_timeval(seconds_to_ns(d->opt->timeout_s));
    d->request_timeout = event_base_init_common_timeout(d->base, &d->timeout_tv);
    if (!d->request_timeout)
        d->request_timeout = &d->timeout_tv;
    d->ev_phase = evtimer_new(d->base, on_phase, d);
    d->ev_tick = evtimer_new(d->base, on_tick, d);
    d->ev_sigint = evsignal_new(d->base, SIGINT, on_sigint, d);
    d->conns = calloc(d->nconns, sizeof *d->conns);
    if (!d->ev_phase || !d->ev_tick || !d->ev_sigint || !d->conns || build_head_tail(d) != 0)
        return ps_fail(err, "out of memory");
    if (evsignal_add(d->ev_sigint, NULL) != 0)
        return ps_fail(err, "cannot catch SIGINT");
    for (unsigned i = 0; i < d->nconns; i++) {
        conn *c = &d->conns[i];
        c->d = d;
        c->fd = -1;
        c->ev_timer = evtimer_new(d->base, on_conn_timer, c);
        if (!c->ev_timer)
            return ps_fail(err, "out of memory");
    }
    return 0;
}

static void teardown(driver *d)
{
    if (d->conns) {
        for (unsigned i = 0; i < d->nconns; i++) {
            conn *c = &d->conns[i];
            if (c->ev_timer) {
                conn_close(c);
                event_free(c->ev_timer);
            }
            strbuf_free(&c->out);
        }
        free(d->conns);
    }
    if (d->ev_phase)
        event_free(d->ev_phase);
    if (d->ev_tick)
        event_free(d->ev_tick);
    if (d->ev_sigint)
        event_free(d->ev_sigint);
    if (d->base)
        event_base_free(d->base);
    strbuf_free(&d->head_tail);
}

int driver_run(const lg_options *opt, const path_list *paths, const lg_target *target,
               lg_results *res, ps_error *err)
{
    driver d;
    memset(&d, 0, sizeof d);
    d.opt = opt;
    d.paths = paths;
    d.target = target;
    d.res = res;
    d.nconns = opt->connections;
    d.interval_ns = opt->rate > 0 ? 1e9 / opt->rate : 0;
    d.phase = PH_STARTING;
    int rc = net_reserve_descriptors(opt->connections + 32, err);
    if (rc == 0)
        rc = setup(&d, err);
    if (rc == 0) {
        d.starting = d.nconns;
        for (unsigned i = 0; i < d.nconns && !d.fatal; i++) {
            d.conns[i].initial = 1;
            conn_open(&d.conns[i]);
        }
        if (!d.fatal && event_base_dispatch(d.base) < 0)
            rc = ps_fail(err, "the event loop failed");
        if (d.fatal)
            rc = ps_fail(err, "%s", d.fatal_error.message);
        uint64_t end = res->interrupted || res->gave_up || d.t_last < d.t_measure ? now_ns()
                                                                                  : d.t_last;
        res->measured_s = d.t_start && end > d.t_measure ? (double)(end - d.t_measure) / 1e9 : 0;
    }
    teardown(&d);
    return rc;
}
