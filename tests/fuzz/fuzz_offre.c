/* Fuzz target: one JSON line through the indexer's record mapping, as the indexer runs it:
 * either a document with its id term, or a reason to skip the record. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

#include "records.h"

static map_context ctx; /* the fuzzer's whole life */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fr_stopwords *sw;
    referentiel *ref;
    ps_error err;
    if (fr_stopwords_load(PS_DEFAULT_STOPWORDS, &sw, &err) != 0 ||
        fr_analyzer_new(sw, &ctx.analyzer, &err) != 0 ||
        referentiel_load(PS_TEST_REFERENTIELS, &ref, &err) != 0)
        abort();
    ctx.ref = ref;
    fr_stopwords_free(sw); /* the analyzer has its own copy */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *rec = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
    if (!json_is_object(rec)) {
        json_decref(rec);
        return 0;
    }
    xs_document *doc;
    if (xs_document_new(&doc, NULL) != XS_OK)
        abort();
    char id_term[128];
    ps_error err;
    err.message[0] = '\0';
    if (record_to_document(record_kind_of(DOC_OFFRE), rec, &ctx, doc, id_term, sizeof id_term,
                           &err) != 0 &&
        err.message[0] == '\0')
        abort();
    xs_document_free(doc);
    json_decref(rec);
    return 0;
}
