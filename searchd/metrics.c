#include "metrics.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

static const char *const route_names[ROUTE_COUNT] = {"search", "suggest", "documents",
                                                     "health", "metrics", "other"};

const char *route_name(route r) { return r < ROUTE_COUNT ? route_names[r] : "other"; }

/* The statuses searchd sends; anything else is counted under the last one. */
static const int statuses[METRICS_STATUSES] = {200, 204, 400, 404, 405, 500, 503, 0};

/* Upper bounds of the latency buckets, in seconds; the last one is +Inf. */
static const double bucket_bounds[METRICS_BUCKETS - 1] = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02,
                                                          0.05,   0.1,   0.25,  0.5,   1.0};

static void add(atomic_uint_fast64_t *counter, uint64_t n)
{
    atomic_fetch_add_explicit(counter, n, memory_order_relaxed);
}

void metrics_record(metrics *m, route r, int status, double seconds)
{
    int s = 0;
    while (s < METRICS_STATUSES - 1 && statuses[s] != status)
        s++;
    add(&m->requests[r][s], 1);
    int b = 0;
    while (b < METRICS_BUCKETS - 1 && seconds > bucket_bounds[b])
        b++;
    add(&m->latency_buckets[r][b], 1);
    add(&m->latency_sum_us[r], (uint64_t)(seconds * 1e6));
    add(&m->latency_count[r], 1);
}

void metrics_count_reload(metrics *m, bool ok) { add(ok ? &m->reloads : &m->reload_failures, 1); }

void metrics_count_reply(metrics *m, bool from_cache)
{
    add(from_cache ? &m->reply_cache_hits : &m->reply_cache_misses, 1);
}

static uint64_t get(const atomic_uint_fast64_t *counter)
{
    return atomic_load_explicit(counter, memory_order_relaxed);
}

uint64_t metrics_reloads(const metrics *m) { return get(&m->reloads); }

/* The sum over workers of one counter, given by its offset in struct metrics. */
static uint64_t total(const metrics *const *m, size_t n, size_t offset)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += get((const atomic_uint_fast64_t *)((const char *)m[i] + offset));
    return sum;
}

#define TOTAL(field) total(m, n, offsetof(metrics, field))

static int line(strbuf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int line(strbuf *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || strbuf_reserve(out, (size_t)n + 1) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(out->data + out->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out->len += (size_t)n;
    return 0;
}

int metrics_render(const metrics *const *m, size_t n, const index_gauges *g, strbuf *out)
{
    int rc = line(out, "# HELP searchd_requests_total HTTP requests by route and status.\n"
                       "# TYPE searchd_requests_total counter\n");
    for (int r = 0; rc == 0 && r < ROUTE_COUNT; r++) {
        for (int s = 0; rc == 0 && s < METRICS_STATUSES; s++) {
            uint64_t count = TOTAL(requests[r][s]);
            if (!count)
                continue;
            char status[16];
            if (s < METRICS_STATUSES - 1)
                snprintf(status, sizeof status, "%d", statuses[s]);
            else
                snprintf(status, sizeof status, "other");
            rc = line(out, "searchd_requests_total{route=\"%s\",status=\"%s\"} %llu\n",
                      route_names[r], status, (unsigned long long)count);
        }
    }
    if (rc == 0)
        rc = line(out, "# HELP searchd_request_duration_seconds Time to answer, by route.\n"
                       "# TYPE searchd_request_duration_seconds histogram\n");
    for (int r = 0; rc == 0 && r < ROUTE_COUNT; r++) {
        if (!TOTAL(latency_count[r]))
            continue;
        uint64_t cumulative = 0;
        for (int b = 0; rc == 0 && b < METRICS_BUCKETS; b++) {
            cumulative += TOTAL(latency_buckets[r][b]);
            char le[32];
            if (b < METRICS_BUCKETS - 1)
                snprintf(le, sizeof le, "%g", bucket_bounds[b]);
            else
                snprintf(le, sizeof le, "+Inf");
            rc = line(out, "searchd_request_duration_seconds_bucket{route=\"%s\",le=\"%s\"} %llu\n",
                      route_names[r], le, (unsigned long long)cumulative);
        }
        if (rc == 0)
            rc = line(out,
                      "searchd_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
                      "searchd_request_duration_seconds_count{route=\"%s\"} %llu\n",
                      route_names[r], (double)TOTAL(latency_sum_us[r]) / 1e6, route_names[r],
                      (unsigned long long)TOTAL(latency_count[r]));
    }
    if (rc == 0)
        rc = line(out,
                  "# HELP searchd_index_documents Documents in the index being served.\n"
                  "# TYPE searchd_index_documents gauge\n"
                  "searchd_index_documents %llu\n"
                  "# HELP searchd_index_info The generation being served.\n"
                  "# TYPE searchd_index_info gauge\n"
                  "searchd_index_info{generation=\"%s\"} 1\n"
                  "# HELP searchd_reloads_total New generations opened, and failed attempts.\n"
                  "# TYPE searchd_reloads_total counter\n"
                  "searchd_reloads_total{result=\"ok\"} %llu\n"
                  "searchd_reloads_total{result=\"failed\"} %llu\n"
                  "# HELP searchd_reply_cache_total Searches answered from the reply cache, and not.\n"
                  "# TYPE searchd_reply_cache_total counter\n"
                  "searchd_reply_cache_total{result=\"hit\"} %llu\n"
                  "searchd_reply_cache_total{result=\"miss\"} %llu\n",
                  (unsigned long long)g->documents, g->generation,
                  (unsigned long long)TOTAL(reloads), (unsigned long long)TOTAL(reload_failures),
                  (unsigned long long)TOTAL(reply_cache_hits),
                  (unsigned long long)TOTAL(reply_cache_misses));
    return rc;
}
