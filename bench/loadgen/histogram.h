/* histogram: latency counts in log-linear buckets (like HdrHistogram): exact below 128 ns, then
 * 128 buckets per power of two, so any value is known within 0.8% and a run of any length
 * needs the same 58 KB. Values are nanoseconds. */
#ifndef LG_HISTOGRAM_H
#define LG_HISTOGRAM_H

#include <stdint.h>

enum {
    HIST_SUB_BITS = 7,                                  /* 2^7 = 128 buckets per octave */
    HIST_SUB_COUNT = 1 << HIST_SUB_BITS,
    HIST_BUCKETS = (64 - HIST_SUB_BITS + 1) * HIST_SUB_COUNT /* up to 2^64 - 1 */
};

typedef struct histogram {
    uint64_t counts[HIST_BUCKETS];
    uint64_t total;
    uint64_t min, max; /* exact; min is UINT64_MAX while empty */
    double sum;        /* for the mean */
} histogram;

void hist_init(histogram *h);
void hist_record(histogram *h, uint64_t value);
/* Adds every count of from into into. */
void hist_merge(histogram *into, const histogram *from);

/* The value at quantile q (0 to 1): the smallest recorded value v such that at least q of the
 * recorded values are <= v, within the bucket precision (the bucket's midpoint, clamped to the
 * exact min and max). 0 for an empty histogram. */
uint64_t hist_quantile(const histogram *h, double q);
double hist_mean(const histogram *h);

/* The bucket holding value and the bounds [low, high] of a bucket: exposed for the tests. */
unsigned hist_bucket_of(uint64_t value);
void hist_bucket_bounds(unsigned bucket, uint64_t *low, uint64_t *high);

#endif
