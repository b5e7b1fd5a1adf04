#include "popcnt.h"

WITH_POPCNT static uint32_t words_plain(const uint64_t *set, uint32_t words)
{
    uint64_t n = 0;
    for (uint32_t w = 0; w < words; w++)
        n += (uint64_t)__builtin_popcountll(set[w]);
    return (uint32_t)n;
}

WITH_POPCNT static uint32_t and_plain(const uint64_t *a, const uint64_t *b, uint32_t words)
{
    uint64_t n = 0;
    for (uint32_t w = 0; w < words; w++)
        n += (uint64_t)__builtin_popcountll(a[w] & b[w]);
    return (uint32_t)n;
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
/* The same loops, which GCC turns into VPOPCNTQ over 512-bit vectors when allowed to. */
#define WITH_AVX512_POPCNT __attribute__((target("avx512f,avx512vpopcntdq")))

WITH_AVX512_POPCNT static uint32_t words_avx512(const uint64_t *set, uint32_t words)
{
    uint64_t n = 0;
    for (uint32_t w = 0; w < words; w++)
        n += (uint64_t)__builtin_popcountll(set[w]);
    return (uint32_t)n;
}

WITH_AVX512_POPCNT static uint32_t and_avx512(const uint64_t *a, const uint64_t *b,
                                              uint32_t words)
{
    uint64_t n = 0;
    for (uint32_t w = 0; w < words; w++)
        n += (uint64_t)__builtin_popcountll(a[w] & b[w]);
    return (uint32_t)n;
}

bool popcount_is_wide(void) { return __builtin_cpu_supports("avx512vpopcntdq"); }

uint32_t popcount_words(const uint64_t *set, uint32_t words)
{
    return popcount_is_wide() ? words_avx512(set, words) : words_plain(set, words);
}

uint32_t popcount_and(const uint64_t *a, const uint64_t *b, uint32_t words)
{
    return popcount_is_wide() ? and_avx512(a, b, words) : and_plain(a, b, words);
}
#else
bool popcount_is_wide(void) { return false; }

uint32_t popcount_words(const uint64_t *set, uint32_t words) { return words_plain(set, words); }

uint32_t popcount_and(const uint64_t *a, const uint64_t *b, uint32_t words)
{
    return and_plain(a, b, words);
}
#endif
