#include "schema.h"

#include <stdio.h>
#include <string.h>

static const char *const type_names[DOC_TYPE_COUNT] = {"offre", "formation", "metier"};

const char *doc_type_name(doc_type type)
{
    return (unsigned)type < DOC_TYPE_COUNT ? type_names[type] : "unknown";
}

bool doc_type_parse(const char *name, doc_type *out)
{
    for (int t = 0; t < DOC_TYPE_COUNT; t++) {
        if (strcmp(name, type_names[t]) == 0) {
            *out = (doc_type)t;
            return true;
        }
    }
    return false;
}

static bool is_id_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-';
}

bool schema_id_term(doc_type type, const char *id, char *out, size_t cap)
{
    size_t len = strlen(id);
    if (len == 0 || len > SCHEMA_MAX_ID)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!is_id_char(id[i]))
            return false;
    int n = snprintf(out, cap, PREFIX_ID "%s:%s", doc_type_name(type), id);
    return n > 0 && (size_t)n < cap;
}
