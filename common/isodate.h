/* isodate: ISO 8601 UTC timestamps ("2026-11-01T08:00:00.632Z") to and from Unix seconds,
 * without the C library's time zone machinery. */
#ifndef PS_ISODATE_H
#define PS_ISODATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Accepts YYYY-MM-DD, optionally followed by Thh:mm[:ss[.fraction]] and Z or +00:00.
 * Returns false on anything else, including impossible dates (2026-02-30). */
bool isodate_parse(const char *s, int64_t *seconds);

/* Writes "YYYY-MM-DDThh:mm:ssZ" (21 bytes with the NUL) into out. */
void isodate_format(int64_t seconds, char out[21]);

#endif
