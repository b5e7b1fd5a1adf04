/* driver: runs the load on one libevent loop: the connections (keep-alive, reopened after an
 * error or a close), the closed loop or the fixed-rate schedule, the warm-up, timeouts, and
 * the results of the measured requests. */
#ifndef LG_DRIVER_H
#define LG_DRIVER_H

#include <stdint.h>

#include "error.h"
#include "histogram.h"
#include "net.h"
#include "options.h"
#include "paths.h"

typedef enum {
    LG_ERR_CONNECT,  /* a connection could not be made (refused, unreachable, timed out) */
    LG_ERR_TIMEOUT,  /* no full reply within --timeout */
    LG_ERR_READ,     /* the connection was closed or reset before the reply was complete */
    LG_ERR_WRITE,    /* the request could not be written */
    LG_ERR_PROTOCOL, /* a reply that is not valid HTTP/1.x, or bytes nobody asked for */
    LG_ERR_KINDS
} lg_error_kind;

const char *lg_error_name(lg_error_kind kind);

typedef struct lg_results {
    histogram latency; /* from the intended send time: the schedule with --rate, else the send */
    histogram service; /* from the moment the request was written */
    uint64_t sent;     /* measured requests sent */
    uint64_t replies;  /* complete replies to measured requests, whatever their status */
    uint64_t by_class[6]; /* replies by status class: [1] 1xx ... [5] 5xx, [0] anything else */
    uint64_t errors[LG_ERR_KINDS];
    uint64_t unsent;            /* --rate: measured requests due but never sent by the end */
    /* --rate: measured requests sent over 1 ms after their time, because every connection
     * was busy (the server is slow, or too few connections), or because loadgen itself was
     * late (no CPU for it); and the longest delay of a send. */
    uint64_t waited_for_connection;
    uint64_t late_by_loadgen;
    uint64_t max_send_delay_ns;
    uint64_t bytes_received;    /* bytes of the replies to measured requests, heads included */
    uint64_t connections_opened;
    double measured_s; /* from the end of the warm-up to the last measured reply or error */
    int interrupted;   /* stopped early by SIGINT */
    int gave_up;       /* stopped early: no connection could be made for --timeout seconds */
} lg_results;

/* Runs the load described by opt against target, replaying paths; res must be zeroed with
 * both histograms initialised. Fails only on a local fault (memory, descriptors, libevent). */
int driver_run(const lg_options *opt, const path_list *paths, const lg_target *target,
               lg_results *res, ps_error *err);

#endif
