/* jsonout: writes JSON text straight into a buffer, for the replies searchd builds on every
 * request (building jansson trees only to serialise them cost a fifth of a search). */
#ifndef PS_JSONOUT_H
#define PS_JSONOUT_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* Each returns 0, or -1 when memory runs out. */
int json_out_string(strbuf *b, const char *s, size_t len); /* "…" with escapes; s is UTF-8 */
int json_out_key(strbuf *b, const char *key);              /* "key": */
int json_out_uint(strbuf *b, uint64_t v);
int json_out_number(strbuf *b, double v, int decimals);    /* trailing zeros trimmed */

#endif
