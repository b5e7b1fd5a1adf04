#include "termfreq.h"

#include <stdlib.h>
#include <string.h>

enum { SLOTS = 8192, MAX_TERM = 43 }; /* 48-byte slots: 384 KB */

typedef struct slot {
    uint32_t freq;
    char term[MAX_TERM + 1]; /* "" when empty */
} slot;

struct term_freqs {
    slot slots[SLOTS];
};

term_freqs *term_freqs_new(void) { return calloc(1, sizeof(term_freqs)); }

static uint32_t slot_of(const char *term, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)term[i]) * 16777619u;
    return h % SLOTS;
}

uint32_t term_freqs_get(term_freqs *m, xs_database *db, const char *term)
{
    size_t len = strlen(term);
    if (!m || len == 0 || len > MAX_TERM)
        return xs_database_termfreq(db, term);
    slot *s = &m->slots[slot_of(term, len)];
    if (strcmp(s->term, term) != 0) {
        s->freq = xs_database_termfreq(db, term);
        memcpy(s->term, term, len + 1);
    }
    return s->freq;
}

void term_freqs_clear(term_freqs *m)
{
    if (m)
        memset(m, 0, sizeof *m);
}

void term_freqs_free(term_freqs *m) { free(m); }
