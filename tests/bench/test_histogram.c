/* Unit tests of loadgen's log-linear histogram: bucket bounds, precision against an exact
 * sort, quantile ranks, min, max, mean and merging. */
#include <stdint.h>
#include <stdlib.h>

#include "../unit/check.h"
#include "histogram.h"

static uint64_t next_random(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return *state >> 11;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void test_buckets(void)
{
    uint64_t low, high;
    for (uint64_t v = 0; v < 128; v++) {
        hist_bucket_bounds(hist_bucket_of(v), &low, &high);
        CHECK(low == v && high == v);
    }
    /* Contiguous: the value after a bucket's high bound opens the next bucket. */
    for (unsigned b = 0; b < HIST_BUCKETS - 1; b++) {
        hist_bucket_bounds(b, &low, &high);
        CHECK_INT(hist_bucket_of(low), b);
        CHECK_INT(hist_bucket_of(high), b);
        CHECK_INT(hist_bucket_of(high + 1), b + 1);
        if (low >= 128)
            CHECK((double)(high - low + 1) / (double)low <= 1.0 / 128 + 1e-12);
    }
    CHECK_INT(hist_bucket_of(UINT64_MAX), HIST_BUCKETS - 1);
    hist_bucket_bounds(HIST_BUCKETS - 1, &low, &high);
    CHECK(high == UINT64_MAX);
}

static void test_against_exact_sort(void)
{
    enum { N = 100000 };
    uint64_t *values = malloc(N * sizeof *values);
    histogram *h = malloc(sizeof *h);
    uint64_t random_state = 12345;
    if (!values || !h) {
        CHECK(!"out of memory");
        free(values);
        free(h);
        return;
    }
    hist_init(h);
    for (int i = 0; i < N; i++) {
        /* Spread over six decades, like latencies from 50 us to 50 s. */
        uint64_t decade = next_random(&random_state) % 6;
        uint64_t scale = 50000;
        for (uint64_t k = 0; k < decade; k++)
            scale *= 10;
        values[i] = scale + next_random(&random_state) % (scale * 9);
        hist_record(h, values[i]);
    }
    qsort(values, N, sizeof *values, compare_u64);
    const double qs[] = {0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999};
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        size_t rank = (size_t)(qs[i] * N + 0.999999); /* ceil */
        double exact = (double)values[rank - 1];
        double got = (double)hist_quantile(h, qs[i]);
        double error = got > exact ? got / exact - 1 : 1 - got / exact;
        if (error > 0.01)
            fprintf(stderr, "q=%g exact %.0f histogram %.0f\n", qs[i], exact, got);
        CHECK(error <= 0.01);
    }
    CHECK(h->min == values[0]);
    CHECK(h->max == values[N - 1]);
    CHECK(hist_quantile(h, 1.0) == values[N - 1]);
    CHECK(hist_quantile(h, 0.0) == values[0]);
    CHECK_INT(h->total, N);
    free(values);
    free(h);
}

/* Within the half-width of a bucket (0.4%) of want. */
static int near(uint64_t got, uint64_t want)
{
    double d = (double)got - (double)want;
    return (d < 0 ? -d : d) <= (double)want / 256;
}

static void test_ranks(void)
{
    histogram *h = malloc(sizeof *h), *other = malloc(sizeof *other);
    if (!h || !other) {
        CHECK(!"out of memory");
        free(h);
        free(other);
        return;
    }
    hist_init(h);
    CHECK_INT(hist_quantile(h, 0.5), 0);
    CHECK(hist_mean(h) == 0);
    /* 90 values of 2 ms and 10 of 30 ms: p90 is still 2 ms, p91 and above 30 ms. */
    for (int i = 0; i < 90; i++)
        hist_record(h, 2000000);
    for (int i = 0; i < 10; i++)
        hist_record(h, 30000000);
    CHECK(near(hist_quantile(h, 0.5), 2000000));
    CHECK(near(hist_quantile(h, 0.9), 2000000));
    CHECK(near(hist_quantile(h, 0.91), 30000000));
    CHECK(near(hist_quantile(h, 0.99), 30000000));
    CHECK(hist_mean(h) == 4800000.0);

    hist_init(other);
    hist_record(other, 5);
    hist_record(other, 90000000);
    hist_merge(h, other);
    CHECK_INT(h->total, 102);
    CHECK_INT(h->min, 5);
    CHECK_INT(h->max, 90000000);
    CHECK(hist_quantile(h, 0.001) == 5);
    free(h);
    free(other);
}

int main(void)
{
    test_buckets();
    test_against_exact_sort();
    test_ranks();
    return check_exit_status("test_histogram");
}
