/* Unit tests of loadgen's command line, base URLs and path files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unit/check.h"
#include "options.h"
#include "paths.h"

static void test_urls(void)
{
    lg_url u;
    ps_error err;
    CHECK_INT(url_parse("http://127.0.0.1:8080", &u, &err), 0);
    CHECK_STR(u.host, "127.0.0.1");
    CHECK_STR(u.port, "8080");
    CHECK_STR(u.authority, "127.0.0.1:8080");
    CHECK_STR(u.prefix, "");
    CHECK_INT(url_parse("HTTP://search.example.org/", &u, &err), 0);
    CHECK_STR(u.host, "search.example.org");
    CHECK_STR(u.port, "80");
    CHECK_STR(u.prefix, "");
    CHECK_INT(url_parse("http://[::1]:9000/api/v2/", &u, &err), 0);
    CHECK_STR(u.host, "::1");
    CHECK_STR(u.port, "9000");
    CHECK_STR(u.authority, "[::1]:9000");
    CHECK_STR(u.prefix, "/api/v2");

    const char *bad[] = {"https://example.org", "ftp://example.org", "example.org:80", "http://",
                         "http://host:0", "http://host:65536", "http://host:8o", "http://host:",
                         "http://user@host", "http://host/?q=1", "http://host/#top",
                         "http://ho st/", "http://[::1", "http://host/a b"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.message[0] = '\0';
        if (url_parse(bad[i], &u, &err) == 0)
            fprintf(stderr, "accepted: %s\n", bad[i]);
        else
            CHECK(strstr(err.message, bad[i]) != NULL); /* the message names the URL */
    }
    CHECK(url_parse("https://example.org", &u, &err) != 0 && strstr(err.message, "https"));
}

static options_result parse(lg_options *opt, ps_error *err, const char *a1, const char *a2,
                            const char *a3, const char *a4, const char *a5, const char *a6)
{
    char *argv[8] = {"loadgen"};
    const char *args[] = {a1, a2, a3, a4, a5, a6};
    int argc = 1;
    for (int i = 0; i < 6 && args[i]; i++)
        argv[argc++] = (char *)args[i];
    return options_parse(argc, argv, opt, err);
}

static void test_options(void)
{
    lg_options o;
    ps_error e;
    CHECK_INT(parse(&o, &e, "--url", "http://h:1", "--paths", "f", NULL, NULL), OPTIONS_RUN);
    CHECK_INT(o.connections, 10);
    CHECK(o.duration_s == 10 && o.requests == 0 && o.rate == 0 && o.warmup_s == 0);
    CHECK(o.timeout_s == 5 && !o.json_path && !o.shuffle);
    CHECK_INT(parse(&o, &e, "--url=http://h:1", "--paths=f", "--rate=250.5", "--requests=7",
                    "--shuffle=3", "--warmup=0.5"),
              OPTIONS_RUN);
    CHECK(o.rate == 250.5 && o.requests == 7 && o.duration_s == 0 && o.shuffle &&
          o.shuffle_seed == 3 && o.warmup_s == 0.5);
    CHECK_INT(parse(&o, &e, "--help", NULL, NULL, NULL, NULL, NULL), OPTIONS_HELP);
    CHECK_INT(parse(&o, &e, "--paths", "f", NULL, NULL, NULL, NULL), OPTIONS_INVALID);
    CHECK(strstr(e.message, "--url") != NULL);
    CHECK_INT(parse(&o, &e, "--url", "http://h:1", NULL, NULL, NULL, NULL), OPTIONS_INVALID);
    CHECK(strstr(e.message, "--paths") != NULL);
    CHECK_INT(parse(&o, &e, "--url", "http://h:1", "--paths", "f", "--duration", "3"),
              OPTIONS_RUN);
    CHECK_INT(parse(&o, &e, "--url=http://h:1", "--paths=f", "--duration=3", "--requests=9", NULL,
                    NULL),
              OPTIONS_INVALID);
    CHECK(strstr(e.message, "not both") != NULL);

    const char *bad[][2] = {{"--connections", "0"}, {"--connections", "10001"},
                            {"--connections", "-1"}, {"--duration", "0"},
                            {"--duration", "abc"}, {"--requests", "0"}, {"--rate", "0"},
                            {"--rate", "nan"}, {"--warmup", "-1"}, {"--timeout", "0"},
                            {"--shuffle", "x"}, {"--header", "NoColon"},
                            {"--header", "Bad Name: v"}, {"--frobnicate", "1"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (parse(&o, &e, "--url", "http://h:1", "--paths", "f", bad[i][0], bad[i][1]) !=
            OPTIONS_INVALID)
            fprintf(stderr, "accepted: %s %s\n", bad[i][0], bad[i][1]);
        else
            CHECK(strstr(e.message, bad[i][0]) != NULL); /* the message names the option */
    }
    CHECK_INT(parse(&o, &e, "--url", "http://h:1", "--paths", "f", "--rate", NULL),
              OPTIONS_INVALID);
    CHECK(strstr(e.message, "needs a value") != NULL);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

static void test_paths(void)
{
    char path[] = "/tmp/test_options_paths_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    path_list p;
    ps_error e;

    write_file(path, "# a comment\n/a?x=1\r\n\n/b\n/c/d%20e");
    CHECK_INT(paths_load(path, &p, &e), 0);
    CHECK_INT(p.count, 3);
    CHECK_STR(p.text + p.items[0].offset, "/a?x=1");
    CHECK_INT(p.items[0].length, 6);
    CHECK_STR(p.text + p.items[2].offset, "/c/d%20e");
    /* Same seed, same order; a permutation of the lines. */
    path_list q;
    CHECK_INT(paths_load(path, &q, &e), 0);
    paths_shuffle(&p, 42);
    paths_shuffle(&q, 42);
    size_t seen = 0;
    for (size_t i = 0; i < p.count; i++) {
        CHECK_INT(p.items[i].offset, q.items[i].offset);
        seen |= (size_t)1 << (p.text[p.items[i].offset + 1] - 'a');
    }
    CHECK_INT(seen, 7);
    paths_free(&p);
    paths_free(&q);

    write_file(path, "/ok\n/has space\n");
    CHECK_INT(paths_load(path, &p, &e), -1);
    CHECK(strstr(e.message, ":2:") != NULL);
    write_file(path, "/ok\nno-slash\n");
    CHECK_INT(paths_load(path, &p, &e), -1);
    CHECK(strstr(e.message, ":2:") && strstr(e.message, "start with /"));
    write_file(path, "\n# nothing\n");
    CHECK_INT(paths_load(path, &p, &e), -1);
    CHECK(strstr(e.message, "no request path") != NULL);
    unlink(path);
    CHECK_INT(paths_load(path, &p, &e), -1);
    CHECK(strstr(e.message, "cannot open") != NULL);
}

int main(void)
{
    test_urls();
    test_options();
    test_paths();
    return check_exit_status("test_options");
}
