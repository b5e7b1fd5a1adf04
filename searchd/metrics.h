/* metrics: searchd's counters for Prometheus: requests by route and status, a latency
 * histogram by route, and the index gauges, rendered in the text exposition format. */
#ifndef PS_METRICS_H
#define PS_METRICS_H

#include <stdint.h>

#include "strbuf.h"

typedef enum route {
    ROUTE_SEARCH,
    ROUTE_SUGGEST,
    ROUTE_DOCUMENTS,
    ROUTE_HEALTH,
    ROUTE_METRICS,
    ROUTE_OTHER,
    ROUTE_COUNT
} route;

const char *route_name(route r);

enum { METRICS_STATUSES = 8, METRICS_BUCKETS = 12 };

typedef struct metrics {
    uint64_t requests[ROUTE_COUNT][METRICS_STATUSES]; /* by route and status (see .c) */
    uint64_t latency_buckets[ROUTE_COUNT][METRICS_BUCKETS];
    double latency_sum[ROUTE_COUNT];
    uint64_t latency_count[ROUTE_COUNT];
    uint64_t reloads, reload_failures;
} metrics;

void metrics_record(metrics *m, route r, int status, double seconds);

typedef struct index_gauges {
    const char *generation;
    uint64_t documents;
} index_gauges;

/* Appends the exposition text to out; -1 when memory runs out. */
int metrics_render(const metrics *m, const index_gauges *g, strbuf *out);

#endif
