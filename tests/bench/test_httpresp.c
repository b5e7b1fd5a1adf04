/* Unit tests of loadgen's HTTP reply parser: lengths, chunks, interim replies, keep-alive,
 * replies that end at the close, malformed replies; each fed whole and in small pieces the
 * way the driver feeds it (keeping the unused tail). */
#include <string.h>

#include "../unit/check.h"
#include "httpresp.h"

/* Feeds text in pieces of at most step bytes, appending each to the unused tail like the
 * driver; returns the final status and the bytes left over after a complete reply. */
static resp_status feed_in_steps(http_response *r, const char *text, size_t step, int eof,
                                 size_t *leftover)
{
    char buf[20000];
    size_t buf_len = 0, pos = 0, len = strlen(text);
    resp_status rc = RESP_INCOMPLETE;
    httpresp_start(r);
    *leftover = 0;
    while (pos < len) {
        size_t n = len - pos < step ? len - pos : step;
        memcpy(buf + buf_len, text + pos, n);
        buf_len += n;
        pos += n;
        size_t used;
        rc = httpresp_feed(r, buf, buf_len, &used);
        if (rc != RESP_INCOMPLETE) {
            *leftover = buf_len - used + (len - pos);
            return rc;
        }
        memmove(buf, buf + used, buf_len - used);
        buf_len -= used;
    }
    return eof ? httpresp_eof(r) : rc;
}

/* Checks that text parses to want (with the status, keep-alive and byte count) whatever the
 * piece size. */
static void expect(const char *text, int eof, resp_status want, int status, int keep_alive,
                   size_t leftover_want)
{
    const size_t steps[] = {1, 2, 3, 7, 64, 100000};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        http_response r;
        size_t leftover;
        resp_status rc = feed_in_steps(&r, text, steps[i], eof, &leftover);
        if (rc != want)
            fprintf(stderr, "step %zu: status %d (%s) for: %.60s\n", steps[i], rc,
                    r.error ? r.error : "", text);
        CHECK_INT(rc, want);
        if (want == RESP_DONE) {
            CHECK_INT(r.status, status);
            CHECK_INT(r.keep_alive, keep_alive);
            CHECK_INT(leftover, leftover_want);
            CHECK_INT(r.bytes, strlen(text) - leftover_want);
        }
        if (want == RESP_MALFORMED)
            CHECK(r.error != NULL);
    }
}

static void test_lengths(void)
{
    expect("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 0, RESP_DONE, 200, 1, 0);
    expect("HTTP/1.1 404 Not Found\r\ncontent-length:  0 \r\n\r\n", 0, RESP_DONE, 404, 1, 0);
    expect("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 0,
           RESP_DONE, 200, 1, 0);
    expect("HTTP/1.1 500\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno", 0, RESP_DONE, 500,
           0, 0);
    expect("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 0, RESP_DONE, 200, 0, 0);
    expect("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok", 0,
           RESP_DONE, 200, 1, 0);
    expect("HTTP/1.1 204 No Content\r\n\r\n", 0, RESP_DONE, 204, 1, 0);
    expect("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx", 0,
           RESP_DONE, 201, 1, 0);
    /* Bytes after a complete reply are left unused: the driver calls that a protocol error. */
    expect("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA", 0, RESP_DONE, 200, 1, 5);
    /* Not complete yet. */
    expect("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", 0, RESP_INCOMPLETE, 0, 0, 0);
}

static void test_chunked(void)
{
    expect("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\nhello\r\nA;name=value\r\n0123456789\r\n0\r\n\r\n",
           0, RESP_DONE, 200, 1, 0);
    expect("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
           "3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n",
           0, RESP_DONE, 200, 1, 0);
    expect("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", 0,
           RESP_INCOMPLETE, 0, 0, 0);
    expect("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 0, RESP_MALFORMED, 0, 0,
           0);
    expect("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n", 0,
           RESP_MALFORMED, 0, 0, 0);
}

static void test_until_close(void)
{
    expect("HTTP/1.1 200 OK\r\n\r\nbody until the end", 1, RESP_DONE, 200, 0, 0);
    expect("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", 1, RESP_MALFORMED, 0, 0, 0);
    expect("HTTP/1.1 200 OK\r\nContent-Le", 1, RESP_MALFORMED, 0, 0, 0);
    http_response r;
    httpresp_start(&r);
    CHECK_INT(httpresp_eof(&r), RESP_MALFORMED);
    CHECK_STR(r.error, "connection closed before a reply");
}

static void test_malformed(void)
{
    expect("SMTP ready\r\n\r\n", 0, RESP_MALFORMED, 0, 0, 0);
    expect("HTTP/2.0 200 OK\r\n\r\n", 0, RESP_MALFORMED, 0, 0, 0);
    expect("HTTP/1.1 2x0 OK\r\n\r\n", 0, RESP_MALFORMED, 0, 0, 0);
    expect("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", 0, RESP_MALFORMED, 0, 0, 0);
    expect("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nx", 0,
           RESP_MALFORMED, 0, 0, 0);
    expect("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", 0, RESP_MALFORMED, 0, 0, 0);
    static char huge[HTTPRESP_MAX_HEAD + 200];
    strcpy(huge, "HTTP/1.1 200 OK\r\nX-Big: ");
    size_t n = strlen(huge);
    memset(huge + n, 'a', HTTPRESP_MAX_HEAD);
    huge[n + HTTPRESP_MAX_HEAD] = '\0';
    expect(huge, 0, RESP_MALFORMED, 0, 0, 0);
}

int main(void)
{
    test_lengths();
    test_chunked();
    test_until_close();
    test_malformed();
    return check_exit_status("test_httpresp");
}
