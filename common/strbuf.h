/* strbuf: a growable byte buffer, always NUL-terminated, for building text and JSON. */
#ifndef PS_STRBUF_H
#define PS_STRBUF_H

#include <stddef.h>

typedef struct strbuf {
    char *data; /* NULL until the first append; then NUL-terminated */
    size_t len;
    size_t cap;
} strbuf;

#define STRBUF_INIT {NULL, 0, 0}

/* Each returns 0, or -1 when memory runs out (the buffer is then unchanged). */
int strbuf_append(strbuf *b, const char *bytes, size_t len);
int strbuf_puts(strbuf *b, const char *s);
int strbuf_putc(strbuf *b, char c);
int strbuf_reserve(strbuf *b, size_t extra);
/* Empties the buffer, keeping its memory. */
void strbuf_reset(strbuf *b);
/* Shortens the buffer to len bytes (len <= b->len). */
void strbuf_truncate(strbuf *b, size_t len);
void strbuf_free(strbuf *b);

#endif
