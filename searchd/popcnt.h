/* popcnt: counting bits is most of the cost of bit-set filters, facet counts and match-list
 * lookups. WITH_POPCNT gives a function a clone that uses the POPCNT instruction where the
 * processor has it (the x86-64 baseline the build targets does not), chosen at load time. */
#ifndef PS_POPCNT_H
#define PS_POPCNT_H

#if defined(__x86_64__) && defined(__GNUC__)
#define WITH_POPCNT __attribute__((target_clones("popcnt", "default")))
#else
#define WITH_POPCNT
#endif

#endif
