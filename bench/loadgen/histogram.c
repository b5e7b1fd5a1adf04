#include "histogram.h"

#include <string.h>

void hist_init(histogram *h)
{
    memset(h, 0, sizeof *h);
    h->min = UINT64_MAX;
}

static unsigned highest_bit(uint64_t v) { return 63u - (unsigned)__builtin_clzll(v); }

/* Values below 128 have a bucket each. Above, a value whose highest bit is e keeps its top 8
 * bits (the mantissa, 128 to 255) and is filed under octave e - 7: bucket (e - 7) * 128 +
 * mantissa, which continues exactly where the previous octave stopped. */
unsigned hist_bucket_of(uint64_t value)
{
    if (value < HIST_SUB_COUNT)
        return (unsigned)value;
    unsigned octave = highest_bit(value) - HIST_SUB_BITS;
    return octave * HIST_SUB_COUNT + (unsigned)(value >> octave);
}

void hist_bucket_bounds(unsigned bucket, uint64_t *low, uint64_t *high)
{
    if (bucket < HIST_SUB_COUNT) {
        *low = *high = bucket;
        return;
    }
    unsigned octave = (bucket - HIST_SUB_COUNT) / HIST_SUB_COUNT;
    uint64_t mantissa = HIST_SUB_COUNT + (bucket - HIST_SUB_COUNT) % HIST_SUB_COUNT;
    *low = mantissa << octave;
    *high = *low + ((uint64_t)1 << octave) - 1;
}

void hist_record(histogram *h, uint64_t value)
{
    h->counts[hist_bucket_of(value)]++;
    h->total++;
    h->sum += (double)value;
    if (value < h->min)
        h->min = value;
    if (value > h->max)
        h->max = value;
}

void hist_merge(histogram *into, const histogram *from)
{
    for (unsigned i = 0; i < HIST_BUCKETS; i++)
        into->counts[i] += from->counts[i];
    into->total += from->total;
    into->sum += from->sum;
    if (from->min < into->min)
        into->min = from->min;
    if (from->max > into->max)
        into->max = from->max;
}

uint64_t hist_quantile(const histogram *h, double q)
{
    if (h->total == 0)
        return 0;
    if (q <= 0)
        return h->min;
    if (q >= 1)
        return h->max;
    /* The rank of the wanted value, 1-based: ceil(q * total), at least 1. */
    double exact = q * (double)h->total;
    uint64_t rank = (uint64_t)exact;
    if ((double)rank < exact)
        rank++;
    if (rank < 1)
        rank = 1;
    uint64_t seen = 0;
    for (unsigned i = 0; i < HIST_BUCKETS; i++) {
        seen += h->counts[i];
        if (seen >= rank) {
            uint64_t low, high;
            hist_bucket_bounds(i, &low, &high);
            uint64_t mid = low + (high - low) / 2;
            return mid < h->min ? h->min : mid > h->max ? h->max : mid;
        }
    }
    return h->max;
}

double hist_mean(const histogram *h) { return h->total ? h->sum / (double)h->total : 0; }
