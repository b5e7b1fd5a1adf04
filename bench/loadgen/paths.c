#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static int read_all(const char *file, strbuf *text, ps_error *err)
{
    FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
    if (!f)
        return ps_fail(err, "cannot open %s: %s", file, strerror(errno));
    char chunk[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (strbuf_append(text, chunk, n) != 0) {
            rc = ps_fail(err, "%s: out of memory", file);
            break;
        }
    if (rc == 0 && ferror(f))
        rc = ps_fail(err, "cannot read %s: %s", file, strerror(errno));
    if (f != stdin)
        fclose(f);
    return rc;
}

static int check_path(const char *file, size_t lineno, const char *p, size_t len, ps_error *err)
{
    if (p[0] != '/')
        return ps_fail(err, "%s:%zu: a path must start with /", file, lineno);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)p[i] <= 0x20 || p[i] == 0x7f)
            return ps_fail(err, "%s:%zu: space or control character in the path "
                                "(percent-encode it)", file, lineno);
    return 0;
}

static int add_item(path_list *paths, size_t *cap, size_t offset, size_t length)
{
    if (paths->count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 1024;
        path_entry *items = realloc(paths->items, ncap * sizeof *items);
        if (!items)
            return -1;
        paths->items = items;
        *cap = ncap;
    }
    paths->items[paths->count++] = (path_entry){offset, length};
    return 0;
}

int paths_load(const char *file, path_list *paths, ps_error *err)
{
    memset(paths, 0, sizeof *paths);
    strbuf text = STRBUF_INIT;
    if (read_all(file, &text, err) != 0) {
        strbuf_free(&text);
        return -1;
    }
    if (strbuf_putc(&text, '\n') != 0) { /* so that every line ends with one */
        strbuf_free(&text);
        return ps_fail(err, "%s: out of memory", file);
    }
    size_t cap = 0, lineno = 0, pos = 0;
    while (pos < text.len) {
        char *line = text.data + pos;
        char *nl = memchr(line, '\n', text.len - pos);
        size_t len = (size_t)(nl - line);
        pos += len + 1;
        lineno++;
        *nl = '\0';
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        if (check_path(file, lineno, line, len, err) != 0)
            goto fail;
        if (add_item(paths, &cap, (size_t)(line - text.data), len) != 0) {
            ps_fail(err, "%s: out of memory", file);
            goto fail;
        }
    }
    if (paths->count == 0) {
        ps_fail(err, "%s: no request path in the file", file);
        goto fail;
    }
    paths->text = text.data;
    return 0;
fail:
    strbuf_free(&text);
    free(paths->items);
    memset(paths, 0, sizeof *paths);
    return -1;
}

/* splitmix64: a small, well-mixed generator, enough to shuffle lines reproducibly. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void paths_shuffle(path_list *paths, uint64_t seed)
{
    uint64_t state = seed;
    for (size_t i = paths->count; i > 1; i--) {
        size_t j = (size_t)(next_random(&state) % i);
        path_entry tmp = paths->items[i - 1];
        paths->items[i - 1] = paths->items[j];
        paths->items[j] = tmp;
    }
}

void paths_free(path_list *paths)
{
    free(paths->text);
    free(paths->items);
    memset(paths, 0, sizeof *paths);
}
