#include "synonyms.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "french.h"
#include "strbuf.h"

/* Normalises text with the shared analysis and trims it: the form a query will have. */
static int normalised(const char *text, size_t len, strbuf *out)
{
    strbuf_reset(out);
    if (fr_normalize(text, len, out) != 0)
        return -1;
    size_t start = strspn(out->data, " ");
    memmove(out->data, out->data + start, out->len - start + 1);
    out->len -= start;
    while (out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    return 0;
}

static int add_row(xs_writer *w, char *terme, char *expansions, strbuf *key, strbuf *value,
                   ps_error *err)
{
    if (normalised(terme, strlen(terme), key) != 0)
        return ps_fail(err, "out of memory");
    char *save = NULL;
    for (char *exp = strtok_r(expansions, "|", &save); exp; exp = strtok_r(NULL, "|", &save)) {
        xs_error xe;
        if (normalised(exp, strlen(exp), value) != 0)
            return ps_fail(err, "out of memory");
        if (value->len && xs_writer_add_synonym(w, key->data, value->data, &xe) != XS_OK)
            return ps_fail(err, "synonym %s: %s", key->data, xe.message);
    }
    return 0;
}

int synonyms_load_into(const char *path, xs_writer *w, ps_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return ps_fail(err, "cannot open %s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    unsigned long lineno = 0;
    strbuf key = STRBUF_INIT, value = STRBUF_INIT;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) != -1) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0' || lineno == 1)
            continue; /* comments, blank lines, the header */
        char *tab = strchr(line, '\t');
        if (!tab) {
            rc = ps_fail(err, "%s:%lu: expected terme<TAB>expansions...", path, lineno);
            break;
        }
        *tab = '\0';
        char *expansions = tab + 1;
        expansions[strcspn(expansions, "\t")] = '\0';
        rc = add_row(w, line, expansions, &key, &value, err);
    }
    free(line);
    fclose(f);
    strbuf_free(&key);
    strbuf_free(&value);
    return rc;
}
