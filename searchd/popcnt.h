/* popcnt: counting bits is most of the cost of bit-set filters, facet counts and match-list
 * lookups. WITH_POPCNT gives a function a clone that uses the POPCNT instruction where the
 * processor has it (the x86-64 baseline the build targets does not), chosen at load time. */
#ifndef PS_POPCNT_H
#define PS_POPCNT_H

/* GCC only: clang 14 names the clones' resolver differently from the plain declarations
 * other files see, so calls from them fail to link. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define WITH_POPCNT __attribute__((target_clones("popcnt", "default")))
#else
#define WITH_POPCNT
#endif

#endif
