/* Fuzz target: the French normalisation, stemmer and word pairs on arbitrary bytes. Beyond "no
 * crash", it checks that the output never holds an ASCII capital (everything is folded), that
 * valid UTF-8 in gives valid UTF-8 out, and that a pair is two stems joined by one '_'. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "french.h"

static fr_analyzer *analyzer;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fr_stopwords *sw;
    ps_error err;
    if (fr_stopwords_load(PS_DEFAULT_STOPWORDS, &sw, &err) != 0 ||
        fr_analyzer_new(sw, &analyzer, &err) != 0)
        abort();
    fr_stopwords_free(sw); /* the analyzer has its own copy */
    return 0;
}

static int check_pair(void *ctx, const char *pair)
{
    (void)ctx;
    const char *joint = strchr(pair, '_');
    if (!joint || joint == pair || !joint[1] || strchr(joint + 1, '_') || strchr(pair, ' ') ||
        strlen(pair) > FR_MAX_PAIR)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    strbuf out = STRBUF_INIT;
    if (fr_normalize(text, size, &out) != 0)
        abort();
    for (size_t i = 0; i < out.len; i++)
        if (out.data[i] >= 'A' && out.data[i] <= 'Z')
            abort();
    if (utf8_valid(text, size) && !utf8_valid(out.data, out.len))
        abort();
    strbuf traced = STRBUF_INIT; /* the same text, each byte knowing where it came from */
    uint32_t *origin;
    if (fr_normalize_traced(text, size, &traced, &origin) != 0 || traced.len != out.len ||
        memcmp(traced.data, out.data, out.len) != 0 || origin[traced.len] != size)
        abort();
    for (size_t i = 0; i < traced.len; i++)
        if (origin[i] >= size || (i > 0 && origin[i] < origin[i - 1]))
            abort();
    free(origin);
    strbuf_free(&traced);
    ps_error err;
    if (fr_each_pair(analyzer, text, size, check_pair, NULL, &err) != 0)
        abort();
    char stem[128];
    fr_stem(analyzer, text, size < 200 ? size : 200, stem, sizeof stem);
    strbuf_free(&out);
    return 0;
}
