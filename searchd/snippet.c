#include "snippet.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fold.h"

/* Whether byte c is an ASCII letter or digit (fold_is_word_char for code points below 0x80):
 * descriptions are mostly ASCII, and these bytes need no UTF-8 decoding. */
static bool ascii_word_byte(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* The length of the character at text[i] if it is part of a word, else 0 in *is_word; returns
 * how many bytes to move on. */
static size_t classify(const char *text, size_t len, size_t i, bool *is_word)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *is_word = ascii_word_byte(c);
        return 1;
    }
    uint32_t cp;
    size_t n = utf8_decode(text + i, len - i, &cp);
    *is_word = n && fold_is_word_char(cp);
    return n ? n : 1;
}

/* The next word of text at or after *pos: its start and length; false at the end. */
static bool next_word(const char *text, size_t len, size_t *pos, size_t *start, size_t *wlen)
{
    size_t i = *pos, n;
    bool is_word = false;
    while (i < len && (n = classify(text, len, i, &is_word), !is_word))
        i += n;
    if (i >= len)
        return false;
    *start = i;
    while (i < len && (n = classify(text, len, i, &is_word), is_word))
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

static bool starts_a_stem(const stem_set *set, unsigned char b)
{
    return set->first[b >> 3] >> (b & 7) & 1;
}

static bool matches(fr_analyzer *a, const char *word, size_t len, const stem_set *set)
{
    unsigned char c = (unsigned char)word[0];
    if (c < 0x80 && !starts_a_stem(set, c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c))
        return false; /* an ASCII letter folds to itself in lower case */
    /* the first PREFIX folded bytes come from at most 4 * PREFIX bytes of the word */
    char folded[PREFIX + 8];
    fold_text(word, len < 4 * PREFIX ? len : 4 * PREFIX, folded, sizeof folded);
    unsigned char b = (unsigned char)folded[0];
    if (!starts_a_stem(set, b))
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

/* Appends text with HTML's special characters escaped, copying the runs between them whole. */
static int append_escaped(strbuf *out, const char *s, size_t len)
{
    size_t run = 0; /* start of the bytes not yet copied */
    for (size_t i = 0; i < len; i++) {
        const char *rep = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
                          : s[i] == '"' ? "&quot;" : NULL;
        if (!rep)
            continue;
        if (strbuf_append(out, s + run, i - run) != 0 || strbuf_puts(out, rep) != 0)
            return -1;
        run = i + 1;
    }
    return strbuf_append(out, s + run, len - run);
}

/* Moves back from pos to the start of a UTF-8 character. */
static size_t char_start(const char *text, size_t pos)
{
    while (pos > 0 && ((unsigned char)text[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

/* Appends text[from..end) escaped, each word matching set between <mark> and </mark>. */
static int mark_words(fr_analyzer *a, const char *text, size_t from, size_t end,
                      const stem_set *set, strbuf *out)
{
    size_t copied = from, pos = from, start, wlen;
    while (next_word(text, end, &pos, &start, &wlen)) {
        if (!matches(a, text + start, wlen, set))
            continue;
        if (append_escaped(out, text + copied, start - copied) != 0 ||
            strbuf_puts(out, "<mark>") != 0 || append_escaped(out, text + start, wlen) != 0 ||
            strbuf_puts(out, "</mark>") != 0)
            return -1;
        copied = start + wlen;
    }
    return append_escaped(out, text + copied, end - copied);
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
    if (first) { /* begin at a word, not inside one ("… uis 1971") */
        first = char_start(text, first);
        bool inside;
        classify(text, len, char_start(text, first - 1), &inside);
        pos = first;
        if (inside)
            next_word(text, len, &pos, &start, &wlen); /* the rest of the word cut into */
        if (next_word(text, len, &pos, &start, &wlen))
            first = start;
    }
    size_t end = first + max_len < len ? char_start(text, first + max_len) : len;
    if ((first && strbuf_puts(out, "… ") != 0) || mark_words(a, text, first, end, &set, out) != 0)
        return -1;
    if (end < len && strbuf_puts(out, " …") != 0)
        return -1;
    return 0;
}

int snippet_mark(fr_analyzer *a, const char *text, size_t len,
                 const char (*stems)[SNIPPET_MAX_STEM], unsigned n_stems, strbuf *out)
{
    stem_set set;
    stem_set_init(&set, stems, n_stems);
    return mark_words(a, text, 0, len, &set, out);
}
