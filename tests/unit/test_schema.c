/* Unit tests for schema: the stored data's parts (JSON, description, title) read back as the
 * indexer lays them out, however short or damaged the data, and the pair terms' spelling. */
#include <string.h>

#include "check.h"
#include "schema.h"

static void check_parts(const char *data, size_t len, const char *json, const char *description,
                        const char *title)
{
    schema_data_parts p;
    schema_split_data(data, len, &p);
    CHECK_INT(p.json_len, json ? strlen(json) : 0);
    CHECK(json ? p.json && strncmp(p.json, json, p.json_len) == 0 : p.json == NULL);
    CHECK_INT(p.description_len, description ? strlen(description) : 0);
    CHECK(description ? p.description && strncmp(p.description, description, p.description_len) == 0
                      : p.description == NULL);
    CHECK_INT(p.title_len, title ? strlen(title) : 0);
    CHECK(title ? p.title && strncmp(p.title, title, p.title_len) == 0 : p.title == NULL);
}

static void test_split_data(void)
{
    static const char whole[] = "{\"id\":\"1\"}\0Une description\0Un titre";
    check_parts(whole, sizeof whole - 1, "{\"id\":\"1\"}", "Une description", "Un titre");
    static const char no_description[] = "{}\0\0Un titre";
    check_parts(no_description, sizeof no_description - 1, "{}", NULL, "Un titre");
    static const char older[] = "{}\0Une description"; /* before titles were stored */
    check_parts(older, sizeof older - 1, "{}", "Une description", NULL);
    check_parts("{}", 2, "{}", NULL, NULL);
    check_parts("", 0, NULL, NULL, NULL);
    static const char trailing[] = "{}\0\0";
    check_parts(trailing, sizeof trailing - 1, "{}", NULL, NULL);
}

static void test_pair_term(void)
{
    char term[SCHEMA_MAX_TERM];
    CHECK(schema_pair_term("auxiliair_vie", term, sizeof term));
    CHECK_STR(term, PREFIX_PAIR "auxiliair_vie");
    char small[8];
    CHECK(!schema_pair_term("auxiliair_vie", small, sizeof small)); /* does not fit */
}

int main(void)
{
    test_split_data();
    test_pair_term();
    return check_exit_status("test_schema");
}
