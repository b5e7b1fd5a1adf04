#include "jsonl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"

int jsonl_open(jsonl_reader *r, const char *path, ps_error *err)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->file = fopen(path, "r");
    if (!r->file)
        return ps_fail(err, "cannot open %s: %s", path, strerror(errno));
    return 0;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

jsonl_result jsonl_next(jsonl_reader *r, json_t **record, ps_error *err)
{
    for (;;) {
        errno = 0;
        ssize_t n = getline(&r->line, &r->line_cap, r->file);
        if (n < 0) {
            if (ferror(r->file)) {
                ps_fail(err, "%s: read error after line %lu: %s", r->path, r->lineno,
                        strerror(errno));
                return JSONL_IO_ERROR;
            }
            return JSONL_EOF;
        }
        r->lineno++;
        if (is_blank(r->line, (size_t)n))
            continue;
        if (!utf8_valid(r->line, (size_t)n)) {
            ps_fail(err, "invalid UTF-8");
            return JSONL_BAD;
        }
        json_error_t je;
        json_t *v = json_loadb(r->line, (size_t)n, JSON_REJECT_DUPLICATES, &je);
        if (!v) {
            ps_fail(err, "invalid JSON (column %d): %s", je.column, je.text);
            return JSONL_BAD;
        }
        if (!json_is_object(v)) {
            json_decref(v);
            ps_fail(err, "not a JSON object");
            return JSONL_BAD;
        }
        *record = v;
        return JSONL_RECORD;
    }
}

void jsonl_close(jsonl_reader *r)
{
    if (r->file)
        fclose(r->file);
    free(r->line);
    memset(r, 0, sizeof *r);
}
