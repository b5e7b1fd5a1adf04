/* fold: UTF-8 decoding, and the case and accent folding that makes "Éducatrice", "EDUCATRICE"
 * and "educatrice" the same word. Part of the shared French analysis (see french.h). */
#ifndef PS_FOLD_H
#define PS_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s[0..len). Returns the bytes it used (1-4), or 0 if the bytes are
 * not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF are invalid). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* True if s[0..len) is entirely valid UTF-8. */
bool utf8_valid(const char *s, size_t len);

/* The lowercase ASCII spelling of a letter: "e" for 'É', "oe" for 'œ', "ss" for 'ß', "a" for 'A'.
 * NULL when cp is not an ASCII or Latin-1/Latin Extended-A letter (the caller keeps it as is). */
const char *fold_letter(uint32_t cp);

/* Whether cp belongs to a word: letters and digits of any script; not Latin-1 symbols,
 * general punctuation or CJK punctuation. */
bool fold_is_word_char(uint32_t cp);

/* Folds a whole word or text: Latin letters become lowercase ASCII, everything else is copied.
 * Invalid UTF-8 bytes become '?'. Writes at most cap - 1 bytes and a NUL; returns the length
 * the full result needs (as snprintf does). */
size_t fold_text(const char *s, size_t len, char *out, size_t cap);

#endif
