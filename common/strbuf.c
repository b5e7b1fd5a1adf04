#include "strbuf.h"

#include <stdlib.h>
#include <string.h>

int strbuf_reserve(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2)
            return -1;
        cap *= 2;
    }
    char *data = realloc(b->data, cap);
    if (!data)
        return -1;
    data[b->len] = '\0'; /* a first allocation is an empty string, not garbage */
    b->data = data;
    b->cap = cap;
    return 0;
}

int strbuf_append(strbuf *b, const char *bytes, size_t len)
{
    if (strbuf_reserve(b, len) != 0)
        return -1;
    if (len)
        memcpy(b->data + b->len, bytes, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int strbuf_puts(strbuf *b, const char *s) { return strbuf_append(b, s, strlen(s)); }

int strbuf_putc(strbuf *b, char c) { return strbuf_append(b, &c, 1); }

void strbuf_reset(strbuf *b) { strbuf_truncate(b, 0); }

void strbuf_truncate(strbuf *b, size_t len)
{
    if (len > b->len)
        return;
    b->len = len;
    if (b->data)
        b->data[len] = '\0';
}

void strbuf_free(strbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
