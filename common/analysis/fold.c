#include "fold.h"

#include <string.h>

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t need;
    uint32_t c, min;
    if ((u[0] & 0xE0) == 0xC0) {
        need = 2, c = u[0] & 0x1F, min = 0x80;
    } else if ((u[0] & 0xF0) == 0xE0) {
        need = 3, c = u[0] & 0x0F, min = 0x800;
    } else if ((u[0] & 0xF8) == 0xF0) {
        need = 4, c = u[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return need;
}

bool utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    while (i < len) {
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

/* Latin-1 Supplement letters U+00C0..U+00FF; "" marks the two non-letters (× and ÷). */
static const char *const latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Latin Extended-A U+0100..U+017F, as runs of code points sharing a base letter. */
static const struct {
    uint16_t first, last;
    const char *base;
} latin_ext_a[] = {
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

static const char *const ascii_lower[26] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
};

const char *fold_letter(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return ascii_lower[cp - 'A'];
    if (cp >= 'a' && cp <= 'z')
        return ascii_lower[cp - 'a'];
    if (cp >= 0xC0 && cp <= 0xFF) {
        const char *s = latin1[cp - 0xC0];
        return *s ? s : NULL;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        for (size_t i = 0; i < sizeof latin_ext_a / sizeof latin_ext_a[0]; i++)
            if (cp >= latin_ext_a[i].first && cp <= latin_ext_a[i].last)
                return latin_ext_a[i].base;
    }
    return NULL;
}

bool fold_is_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (fold_letter(cp))
        return true;
    return !(cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
             (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
             (cp >= 0xFF00 && cp <= 0xFF0F));
}

size_t fold_text(const char *s, size_t len, char *out, size_t cap)
{
    size_t need = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        const char *piece;
        size_t piece_len;
        if (n == 0) {
            piece = "?", piece_len = 1, n = 1;
        } else if ((piece = fold_letter(cp)) != NULL) {
            piece_len = strlen(piece);
        } else {
            piece = s + i, piece_len = n;
        }
        for (size_t k = 0; k < piece_len; k++, need++)
            if (cap && need < cap - 1)
                out[need] = piece[k];
        i += n;
    }
    if (cap)
        out[need < cap - 1 ? need : cap - 1] = '\0';
    return need;
}
