/* httpresp: an incremental parser of HTTP/1.x replies for the load generator. It only finds
 * where a reply ends (Content-Length, chunked, or end of stream), its status and whether the
 * connection stays open; bodies are skipped, never copied. */
#ifndef LG_HTTPRESP_H
#define LG_HTTPRESP_H

#include <stddef.h>
#include <stdint.h>

enum {
    HTTPRESP_MAX_HEAD = 8192, /* bytes of status line and headers */
    HTTPRESP_MAX_LINE = 1024  /* bytes of a chunk-size or trailer line */
};

typedef enum { RESP_INCOMPLETE, RESP_DONE, RESP_MALFORMED } resp_status;

typedef struct http_response {
    enum {
        RS_HEAD,
        RS_BODY_LENGTH,
        RS_BODY_UNTIL_CLOSE,
        RS_CHUNK_SIZE,
        RS_CHUNK_DATA,
        RS_CHUNK_END,
        RS_TRAILERS,
        RS_DONE
    } state;
    int status;         /* the status code, once the head is read */
    int keep_alive;     /* whether the connection may carry the next request */
    uint64_t remaining; /* body or chunk bytes still to skip */
    uint64_t bytes;     /* bytes of the reply consumed so far, head included */
    const char *error;  /* why the reply is malformed */
} http_response;

/* Prepares r for the reply to a new request. */
void httpresp_start(http_response *r);

/* Consumes the bytes of data that it can and says how many in *used. RESP_INCOMPLETE with
 * *used < len means the rest is an incomplete line: keep it and call again with more bytes
 * after it. RESP_DONE: the reply ended after *used bytes. RESP_MALFORMED: r->error says why. */
resp_status httpresp_feed(http_response *r, const char *data, size_t len, size_t *used);

/* The peer closed the connection: RESP_DONE if that ends a reply delimited by the close,
 * RESP_MALFORMED otherwise (r->error says why). */
resp_status httpresp_eof(http_response *r);

#endif
