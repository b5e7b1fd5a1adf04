#include "snippet.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fold.h"

/* The next word of text at or after *pos: its start and length; false at the end. */
static bool next_word(const char *text, size_t len, size_t *pos, size_t *start, size_t *wlen)
{
    size_t i = *pos;
    uint32_t cp;
    size_t n;
    while (i < len && !((n = utf8_decode(text + i, len - i, &cp)) && fold_is_word_char(cp)))
        i += n ? n : 1;
    if (i >= len)
        return false;
    *start = i;
    while (i < len && (n = utf8_decode(text + i, len - i, &cp)) && fold_is_word_char(cp))
        i += n;
    *wlen = i - *start;
    *pos = i;
    return true;
}

/* The query's stems, with what a description's words are first compared on: stems and folded
 * words share their first letters, so most words are turned away by their first byte and the
 * stemmer is spared. */
enum { PREFIX = 3 };

typedef struct stem_set {
    const char (*stems)[SNIPPET_MAX_STEM];
    size_t lens[64];
    unsigned n;
    uint8_t first[256 / 8]; /* bit b: some stem starts with byte b */
} stem_set;

static void stem_set_init(stem_set *set, const char (*stems)[SNIPPET_MAX_STEM], unsigned n)
{
    memset(set, 0, sizeof *set);
    set->stems = stems;
    set->n = n < 64 ? n : 64;
    for (unsigned i = 0; i < set->n; i++) {
        unsigned char b = (unsigned char)stems[i][0];
        set->lens[i] = strlen(stems[i]);
        set->first[b >> 3] |= (uint8_t)(1u << (b & 7));
    }
}

static bool matches(fr_analyzer *a, const char *word, size_t len, const stem_set *set)
{
    char folded[PREFIX + 8];
    fold_text(word, len, folded, sizeof folded);
    unsigned char b = (unsigned char)folded[0];
    if (!(set->first[b >> 3] >> (b & 7) & 1))
        return false;
    bool possible = false;
    for (unsigned i = 0; i < set->n && !possible; i++) {
        size_t k = set->lens[i] < PREFIX ? set->lens[i] : PREFIX;
        possible = strncmp(folded, set->stems[i], k) == 0;
    }
    if (!possible)
        return false;
    char stem[SNIPPET_MAX_STEM * 2];
    fr_stem(a, word, len, stem, sizeof stem);
    for (unsigned i = 0; i < set->n; i++)
        if (strcmp(stem, set->stems[i]) == 0)
            return true;
    return false;
}

static int append_escaped(strbuf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        const char *rep = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                          : s[i] == '"' ? "&quot;" : NULL;
        if (rep ? strbuf_puts(out, rep) != 0 : strbuf_putc(out, s[i]) != 0)
            return -1;
    }
    return 0;
}

/* Moves back from pos to the start of a UTF-8 character. */
static size_t char_start(const char *text, size_t pos)
{
    while (pos > 0 && ((unsigned char)text[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

int snippet_build(fr_analyzer *a, const char *text, size_t len,
                  const char (*stems)[SNIPPET_MAX_STEM], unsigned n_stems, size_t max_len,
                  strbuf *out)
{
    stem_set set;
    stem_set_init(&set, stems, n_stems);
    /* the window starts a little before the first match */
    size_t pos = 0, start, wlen, first = 0;
    while (next_word(text, len, &pos, &start, &wlen)) {
        if (matches(a, text + start, wlen, &set)) {
            first = start > max_len / 4 ? start - max_len / 4 : 0;
            break;
        }
    }
    if (first) { /* begin at a word */
        pos = first;
        if (next_word(text, len, &pos, &start, &wlen))
            first = start;
    }
    size_t end = first + max_len < len ? char_start(text, first + max_len) : len;
    if (first && strbuf_puts(out, "… ") != 0)
        return -1;
    size_t copied = first;
    pos = first;
    while (next_word(text, end, &pos, &start, &wlen)) {
        if (!matches(a, text + start, wlen, &set))
            continue;
        if (append_escaped(out, text + copied, start - copied) != 0 ||
            strbuf_puts(out, "<mark>") != 0 || append_escaped(out, text + start, wlen) != 0 ||
            strbuf_puts(out, "</mark>") != 0)
            return -1;
        copied = start + wlen;
    }
    if (append_escaped(out, text + copied, end - copied) != 0)
        return -1;
    if (end < len && strbuf_puts(out, " …") != 0)
        return -1;
    return 0;
}
