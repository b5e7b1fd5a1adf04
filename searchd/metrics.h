/* metrics: searchd's counters for Prometheus: requests by route and status, a latency
 * histogram by route, and the index gauges, rendered in the text exposition format. */
#ifndef PS_METRICS_H
#define PS_METRICS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
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

/* One per worker thread, written by it alone; read by any thread rendering /metrics, hence
 * atomic (relaxed: these are statistics). */
typedef struct metrics {
    atomic_uint_fast64_t requests[ROUTE_COUNT][METRICS_STATUSES]; /* by route and status */
    atomic_uint_fast64_t latency_buckets[ROUTE_COUNT][METRICS_BUCKETS];
    atomic_uint_fast64_t latency_sum_us[ROUTE_COUNT];
    atomic_uint_fast64_t latency_count[ROUTE_COUNT];
    atomic_uint_fast64_t reloads, reload_failures;
    atomic_uint_fast64_t reply_cache_hits, reply_cache_misses; /* searches */
} metrics;

void metrics_record(metrics *m, route r, int status, double seconds);
void metrics_count_reload(metrics *m, bool ok);
void metrics_count_reply(metrics *m, bool from_cache);
uint64_t metrics_reloads(const metrics *m);

typedef struct index_gauges {
    const char *generation;
    uint64_t documents;
} index_gauges;

/* Appends the exposition text of the sum of n workers' metrics to out; -1 when memory runs out. */
int metrics_render(const metrics *const *m, size_t n, const index_gauges *g, strbuf *out);

#endif
