#include "jsonout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int json_out_string(strbuf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    if (strbuf_reserve(b, len + 2) != 0 || strbuf_putc(b, '"') != 0)
        return -1;
    size_t run = 0; /* bytes copied as they are, in one append */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        if (strbuf_append(b, s + run, i - run) != 0)
            return -1;
        char esc[7] = {'\\', 0};
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4], esc[5] = hex[c & 15];
        }
        if (strbuf_puts(b, esc) != 0)
            return -1;
        run = i + 1;
    }
    if (strbuf_append(b, s + run, len - run) != 0)
        return -1;
    return strbuf_putc(b, '"');
}

int json_out_key(strbuf *b, const char *key)
{
    if (json_out_string(b, key, strlen(key)) != 0)
        return -1;
    return strbuf_putc(b, ':');
}

int json_out_uint(strbuf *b, uint64_t v)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
    return strbuf_append(b, buf, (size_t)n);
}

int json_out_number(strbuf *b, double v, int decimals)
{
    if (!isfinite(v))
        return strbuf_puts(b, "null");
    char buf[48];
    int n = snprintf(buf, sizeof buf, "%.*f", decimals, v);
    if (decimals > 0) { /* 1.500 -> 1.5, 2.000 -> 2.0 */
        while (n > 2 && buf[n - 1] == '0' && buf[n - 2] != '.')
            n--;
    }
    return strbuf_append(b, buf, (size_t)n);
}
