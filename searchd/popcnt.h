/* popcnt: counting bits is most of the cost of bit-set filters, facet counts and match-list
 * lookups. WITH_POPCNT gives a function a clone that uses the POPCNT instruction where the
 * processor has it (the x86-64 baseline the build targets does not), chosen at load time;
 * the counts over whole bit sets also have an AVX-512 version (VPOPCNTQ, eight words at a
 * time), chosen at run time, four times faster over a 151,337-document set. */
#ifndef PS_POPCNT_H
#define PS_POPCNT_H

#include <stdbool.h>
#include <stdint.h>

/* GCC only: clang 14 names the clones' resolver differently from the plain declarations
 * other files see, so calls from them fail to link. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define WITH_POPCNT __attribute__((target_clones("popcnt", "default")))
#else
#define WITH_POPCNT
#endif

/* Whether the two counts below run eight words at a time (they are then worth about four
 * times as many words as otherwise, against a look at a document's row). */
bool popcount_is_wide(void);
/* The bits set in set[0..words). */
uint32_t popcount_words(const uint64_t *set, uint32_t words);
/* The bits set in both a and b (a[i] & b[i] over words). */
uint32_t popcount_and(const uint64_t *a, const uint64_t *b, uint32_t words);

#endif
