#include "schema.h"

#include <math.h>
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

/* The text of [at, end) up to its NUL; NULL when empty. Moves at past the NUL (at most to end). */
static const char *next_part(const char **at, const char *end, size_t *len)
{
    *len = *at < end ? strnlen(*at, (size_t)(end - *at)) : 0;
    const char *part = *len ? *at : NULL;
    *at += *len;
    if (*at < end)
        (*at)++;
    return part;
}

void schema_split_data(const char *data, size_t len, schema_data_parts *out)
{
    const char *end = data + len, *at = data;
    out->json = next_part(&at, end, &out->json_len);
    out->description = next_part(&at, end, &out->description_len);
    out->title = next_part(&at, end, &out->title_len);
}

bool schema_pair_term(const char *pair, char *out, size_t cap)
{
    int n = snprintf(out, cap, PREFIX_PAIR "%s", pair);
    return n > 0 && (size_t)n < cap;
}

/* ---- doc_facets packing: little-endian, fixed offsets ---------------------------------- */

enum {
    FACETS_FORMAT = 1,
    OFF_FORMAT = 0, OFF_TYPE = 1, OFF_FAMILLES = 2, OFF_CONTRAT = 3, OFF_EXPERIENCE = 4,
    OFF_TEMPS_PLEIN = 5, OFF_ALTERNANCE = 6, OFF_ROME = 7, OFF_COMMUNE = 12,
    OFF_DEPARTEMENT = 17, OFF_REGION = 20, OFF_DATE = 22, OFF_LAT = 30, OFF_LON = 34
};

static const int32_t NO_COORD = INT32_MIN;

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Copies at most n bytes of s, padding with NULs. */
static void put_code(unsigned char *p, const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    memcpy(p, s, len);
    memset(p + len, 0, n - len);
}

static void get_code(const unsigned char *p, size_t n, char *out)
{
    memcpy(out, p, n);
    out[n] = '\0';
}

static int32_t microdegrees(double deg) { return (int32_t)lround(deg * 1e6); }

size_t doc_facets_encode(const doc_facets *f, unsigned char out[DOC_FACETS_SIZE])
{
    out[OFF_FORMAT] = FACETS_FORMAT;
    out[OFF_TYPE] = f->type;
    out[OFF_FAMILLES] = f->familles;
    out[OFF_CONTRAT] = f->contrat;
    out[OFF_EXPERIENCE] = f->experience;
    out[OFF_TEMPS_PLEIN] = (unsigned char)(f->temps_plein + 1);
    out[OFF_ALTERNANCE] = (unsigned char)(f->alternance + 1);
    put_code(out + OFF_ROME, f->rome, 5);
    put_code(out + OFF_COMMUNE, f->commune, 5);
    put_code(out + OFF_DEPARTEMENT, f->departement, 3);
    put_code(out + OFF_REGION, f->region, 2);
    put_u64(out + OFF_DATE, (uint64_t)f->date);
    put_u32(out + OFF_LAT, (uint32_t)(f->has_geo ? microdegrees(f->lat) : NO_COORD));
    put_u32(out + OFF_LON, (uint32_t)(f->has_geo ? microdegrees(f->lon) : NO_COORD));
    return DOC_FACETS_SIZE;
}

bool doc_facets_decode(const void *bytes, size_t len, doc_facets *f)
{
    const unsigned char *p = bytes;
    if (len != DOC_FACETS_SIZE || p[OFF_FORMAT] != FACETS_FORMAT || p[OFF_TYPE] >= DOC_TYPE_COUNT)
        return false;
    f->type = p[OFF_TYPE];
    f->familles = p[OFF_FAMILLES];
    f->contrat = p[OFF_CONTRAT];
    f->experience = p[OFF_EXPERIENCE];
    f->temps_plein = (int8_t)(p[OFF_TEMPS_PLEIN] - 1);
    f->alternance = (int8_t)(p[OFF_ALTERNANCE] - 1);
    get_code(p + OFF_ROME, 5, f->rome);
    get_code(p + OFF_COMMUNE, 5, f->commune);
    get_code(p + OFF_DEPARTEMENT, 3, f->departement);
    get_code(p + OFF_REGION, 2, f->region);
    f->date = (int64_t)get_u64(p + OFF_DATE);
    int32_t lat = (int32_t)get_u32(p + OFF_LAT), lon = (int32_t)get_u32(p + OFF_LON);
    f->has_geo = lat != NO_COORD && lon != NO_COORD;
    f->lat = f->has_geo ? lat / 1e6 : 0;
    f->lon = f->has_geo ? lon / 1e6 : 0;
    return true;
}
