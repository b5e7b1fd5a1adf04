/* Fuzz target: searchd's query-string validation. Whatever the bytes, parsing must either
 * succeed with values inside the documented bounds or fail naming a reason. */
#include <event2/http.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"

static referentiel *ref; /* the fuzzer's whole life */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    ps_error err;
    if (referentiel_load(PS_TEST_REFERENTIELS, &ref, &err) != 0)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *qs = malloc(size + 1);
    memcpy(qs, data, size);
    qs[size] = '\0';
    struct evkeyvalq params;
    search_request req;
    param_error perr;
    if (params_parse_search(qs, &params, ref, &req, &perr) == 0) {
        if (req.limit > REQ_MAX_LIMIT || req.offset + req.limit > REQ_MAX_WINDOW ||
            strlen(req.q) > PARAMS_MAX_Q || req.distance_km < 0 || req.distance_km > 200 ||
            (req.sort == SORT_DISTANCE && !req.has_centre) || req.publiee_depuis > 31)
            abort();
    } else if (perr.message[0] == '\0') {
        abort();
    }
    evhttp_clear_headers(&params);
    free(qs);
    return 0;
}
