/* Unit tests for hitcache: a record is stored once, whoever stores it first, and read back
 * whole by every thread; the shelf gives searchers of one revision the same cache and drops a
 * cache once no searcher holds it. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "hitcache.h"

enum { DOCS = 20000, THREADS = 4 };

typedef struct racer {
    hit_cache *cache;
    unsigned id;
    unsigned wrong; /* records read back with other content than their docid's */
} racer;

/* Every racer stores every record, each with its own copy of the same text, and checks what
 * it gets back: the first stored copy, whole. */
static void *race(void *arg)
{
    racer *r = arg;
    for (uint32_t k = 0; k < DOCS; k++) {
        uint32_t docid = 1 + (k * 7919u + r->id * 4099u) % (DOCS - 1);
        char fields[32], description[32];
        int fl = snprintf(fields, sizeof fields, "{\"id\":%u", docid);
        int dl = snprintf(description, sizeof description, "texte %u", docid);
        const hit_record *h = hit_cache_get(r->cache, docid);
        if (!h)
            h = hit_cache_put(r->cache, docid,
                              &(hit_record){.fields = fields, .fields_len = (size_t)fl,
                                            .description = description,
                                            .description_len = (size_t)dl});
        if (!h || h->fields_len != (size_t)fl || memcmp(h->fields, fields, (size_t)fl) != 0 ||
            !h->description || strcmp(h->description, description) != 0)
            r->wrong++;
    }
    return NULL;
}

static void test_threads_share_one_copy(void)
{
    hit_cache *c = hit_cache_new(DOCS);
    CHECK(c != NULL);
    pthread_t t[THREADS];
    racer r[THREADS];
    for (unsigned i = 0; i < THREADS; i++) {
        r[i] = (racer){c, i, 0};
        CHECK(pthread_create(&t[i], NULL, race, &r[i]) == 0);
    }
    for (unsigned i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        CHECK_INT(r[i].wrong, 0);
    }
    const hit_record *first = hit_cache_get(c, 5);
    CHECK(first && hit_cache_put(c, 5, &(hit_record){"{\"other\":1", NULL, NULL, 10, 0, 0}) == first);
    CHECK(hit_cache_get(c, 0) == NULL);
    CHECK(hit_cache_put(c, DOCS, &(hit_record){"{", NULL, NULL, 1, 0, 0}) == NULL); /* beyond the limit */
    hit_cache_unref(c);
}

static void test_records_without_description(void)
{
    hit_cache *c = hit_cache_new(10);
    const hit_record *h = hit_cache_put(c, 3, &(hit_record){"{\"id\":\"x\"}", NULL, NULL, 9, 0, 0});
    CHECK(h && h->description == NULL && h->title == NULL && h->fields_len == 9 &&
          h->fields[9] == '\0');
    CHECK(strncmp(h->fields, "{\"id\":\"x\"", 9) == 0);
    hit_cache_unref(c);
}

static void test_records_keep_their_parts(void)
{
    hit_cache *c = hit_cache_new(10);
    const hit_record *h = hit_cache_put(
        c, 4, &(hit_record){"{\"id\":\"y\"}", "une description", "Un titre", 9, 15, 8});
    CHECK(h && h->fields_len == 9 && h->fields[9] == '\0');
    CHECK(h->description && strcmp(h->description, "une description") == 0 &&
          h->description_len == 15);
    CHECK(h->title && strcmp(h->title, "Un titre") == 0 && h->title_len == 8);
    hit_cache_unref(c);
}

static void test_the_shelf_shares_by_revision(void)
{
    hit_cache_shelf *shelf = hit_cache_shelf_new();
    hit_cache *a = hit_cache_shelf_take(shelf, "/idx/g1@3", 100);
    hit_cache *b = hit_cache_shelf_take(shelf, "/idx/g1@3", 100);
    hit_cache *newer = hit_cache_shelf_take(shelf, "/idx/g1@4", 100);
    CHECK(a && a == b && newer && newer != a);
    CHECK(hit_cache_put(a, 7, &(hit_record){"{", NULL, NULL, 1, 0, 0}) != NULL);
    CHECK(hit_cache_get(b, 7) != NULL && hit_cache_get(newer, 7) == NULL);
    hit_cache_unref(a);
    hit_cache_unref(b);
    /* no searcher holds revision 3 any more: the next take drops it and starts afresh */
    hit_cache *again = hit_cache_shelf_take(shelf, "/idx/g1@3", 100);
    CHECK(again && hit_cache_get(again, 7) == NULL);
    hit_cache_unref(again);
    hit_cache_unref(newer);
    hit_cache_shelf_free(shelf);
}

int main(void)
{
    test_threads_share_one_copy();
    test_records_without_description();
    test_records_keep_their_parts();
    test_the_shelf_shares_by_revision();
    return check_exit_status("hitcache");
}
