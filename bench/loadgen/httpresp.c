#include "httpresp.h"

#include <string.h>
#include <strings.h>

void httpresp_start(http_response *r)
{
    memset(r, 0, sizeof *r);
    r->state = RS_HEAD;
}

static resp_status malformed(http_response *r, const char *why)
{
    r->error = why;
    return RESP_MALFORMED;
}

/* The offset just past the first "\r\n" in data, or 0 when there is none yet. */
static size_t line_end(const char *data, size_t len)
{
    const char *nl = memchr(data, '\n', len);
    if (!nl || nl == data || nl[-1] != '\r')
        return 0;
    return (size_t)(nl - data) + 1;
}

/* The offset just past the "\r\n\r\n" ending the head, or 0 when it has not arrived. */
static size_t head_end(const char *data, size_t len)
{
    for (size_t i = 3; i < len; i++)
        if (data[i] == '\n' && data[i - 1] == '\r' && data[i - 2] == '\n' && data[i - 3] == '\r')
            return i + 1;
    return 0;
}

/* Whether the comma-separated header value [v, end) holds token, ignoring case. */
static int has_token(const char *v, const char *end, const char *token)
{
    size_t tlen = strlen(token);
    while (v < end) {
        while (v < end && (*v == ' ' || *v == '\t' || *v == ','))
            v++;
        const char *start = v;
        while (v < end && *v != ',')
            v++;
        const char *stop = v;
        while (stop > start && (stop[-1] == ' ' || stop[-1] == '\t'))
            stop--;
        if ((size_t)(stop - start) == tlen && strncasecmp(start, token, tlen) == 0)
            return 1;
    }
    return 0;
}

static int parse_decimal(const char *v, const char *end, uint64_t *out)
{
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (v == end)
        return -1;
    uint64_t n = 0;
    for (; v < end; v++) {
        if (*v < '0' || *v > '9' || n > (UINT64_MAX - 9) / 10)
            return -1;
        n = n * 10 + (uint64_t)(*v - '0');
    }
    *out = n;
    return 0;
}

typedef struct head_info {
    int chunked;
    int has_length;
    uint64_t length;
} head_info;

/* Reads one header line [line, end) (without its CRLF) into r and info. */
static resp_status parse_header(http_response *r, const char *line, const char *end,
                                head_info *info)
{
    const char *colon = memchr(line, ':', (size_t)(end - line));
    if (!colon || colon == line)
        return malformed(r, "header line without a name");
    size_t nlen = (size_t)(colon - line);
    const char *v = colon + 1;
    if (nlen == 14 && strncasecmp(line, "Content-Length", nlen) == 0) {
        uint64_t n;
        if (parse_decimal(v, end, &n) != 0)
            return malformed(r, "invalid Content-Length");
        if (info->has_length && n != info->length)
            return malformed(r, "conflicting Content-Length headers");
        info->has_length = 1;
        info->length = n;
    } else if (nlen == 17 && strncasecmp(line, "Transfer-Encoding", nlen) == 0) {
        if (has_token(v, end, "chunked"))
            info->chunked = 1;
    } else if (nlen == 10 && strncasecmp(line, "Connection", nlen) == 0) {
        if (has_token(v, end, "close"))
            r->keep_alive = 0;
        else if (has_token(v, end, "keep-alive"))
            r->keep_alive = 1;
    }
    return RESP_INCOMPLETE;
}

/* Parses a complete head of hlen bytes and sets the state that follows it. */
static resp_status parse_head(http_response *r, const char *head, size_t hlen)
{
    const char *end = head + hlen - 2; /* the final empty line's CRLF */
    const char *eol = memchr(head, '\r', (size_t)(end - head));
    if (!eol || eol - head < 12 || memcmp(head, "HTTP/1.", 7) != 0 || head[8] != ' ')
        return malformed(r, "invalid status line");
    if (head[7] != '0' && head[7] != '1')
        return malformed(r, "unsupported HTTP version");
    r->keep_alive = head[7] == '1';
    int status = 0;
    for (int i = 9; i < 12; i++) {
        if (head[i] < '0' || head[i] > '9')
            return malformed(r, "invalid status code");
        status = status * 10 + (head[i] - '0');
    }
    if (status < 100 || (eol - head > 12 && head[12] != ' '))
        return malformed(r, "invalid status code");
    r->status = status;

    head_info info = {0, 0, 0};
    const char *line = eol + 2;
    while (line < end) {
        const char *stop = memchr(line, '\r', (size_t)(end - line));
        if (!stop || stop[1] != '\n')
            return malformed(r, "header line not ended by CRLF");
        if (parse_header(r, line, stop, &info) == RESP_MALFORMED)
            return RESP_MALFORMED;
        line = stop + 2;
    }

    if (status < 200) { /* an interim reply (100 Continue): the real one follows */
        r->state = RS_HEAD;
    } else if (status == 204 || status == 304) {
        r->state = RS_DONE;
    } else if (info.chunked) {
        r->state = RS_CHUNK_SIZE;
    } else if (info.has_length) {
        r->remaining = info.length;
        r->state = info.length ? RS_BODY_LENGTH : RS_DONE;
    } else {
        r->keep_alive = 0;
        r->state = RS_BODY_UNTIL_CLOSE;
    }
    return RESP_INCOMPLETE;
}

static resp_status parse_chunk_size(http_response *r, const char *line, size_t len)
{
    uint64_t n = 0;
    size_t i = 0;
    for (; i < len; i++) {
        char c = line[i];
        int digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
        if (digit < 0)
            break;
        if (n > (UINT64_MAX >> 4))
            return malformed(r, "chunk size too large");
        n = n * 16 + (uint64_t)digit;
    }
    if (i == 0 || (i < len && line[i] != ';' && line[i] != ' ' && line[i] != '\t'))
        return malformed(r, "invalid chunk size");
    r->remaining = n;
    r->state = n ? RS_CHUNK_DATA : RS_TRAILERS;
    return RESP_INCOMPLETE;
}

/* Skips body bytes: at most what remains and what is there. */
static size_t skip_body(http_response *r, size_t avail)
{
    size_t n = r->remaining < avail ? (size_t)r->remaining : avail;
    r->remaining -= n;
    return n;
}

resp_status httpresp_feed(http_response *r, const char *data, size_t len, size_t *used)
{
    size_t pos = 0;
    resp_status rc = RESP_INCOMPLETE;
    while (r->state != RS_DONE && rc != RESP_MALFORMED) {
        const char *p = data + pos;
        size_t avail = len - pos, n = 0;
        switch (r->state) {
        case RS_HEAD:
            n = head_end(p, avail);
            if (!n && avail >= HTTPRESP_MAX_HEAD)
                rc = malformed(r, "reply head too large");
            else if (n)
                rc = parse_head(r, p, n);
            break;
        case RS_BODY_LENGTH:
            n = skip_body(r, avail);
            if (r->remaining == 0)
                r->state = RS_DONE;
            break;
        case RS_BODY_UNTIL_CLOSE:
            n = avail;
            break;
        case RS_CHUNK_SIZE:
            n = line_end(p, avail);
            if (!n && avail >= HTTPRESP_MAX_LINE)
                rc = malformed(r, "chunk size line too long");
            else if (n)
                rc = parse_chunk_size(r, p, n - 2);
            break;
        case RS_CHUNK_DATA:
            n = skip_body(r, avail);
            if (r->remaining == 0)
                r->state = RS_CHUNK_END;
            break;
        case RS_CHUNK_END:
            if (avail >= 2) {
                if (p[0] != '\r' || p[1] != '\n')
                    rc = malformed(r, "chunk not followed by CRLF");
                n = 2;
                r->state = RS_CHUNK_SIZE;
            }
            break;
        case RS_TRAILERS:
            n = line_end(p, avail);
            if (!n && avail >= HTTPRESP_MAX_LINE)
                rc = malformed(r, "trailer line too long");
            else if (n == 2)
                r->state = RS_DONE;
            break;
        case RS_DONE:
            break;
        }
        if (rc == RESP_MALFORMED)
            break;
        pos += n;
        r->bytes += n;
        if (n == 0) /* nothing more can be read from what is there */
            break;
    }
    *used = pos;
    if (rc == RESP_MALFORMED)
        return rc;
    return r->state == RS_DONE ? RESP_DONE : RESP_INCOMPLETE;
}

resp_status httpresp_eof(http_response *r)
{
    if (r->state == RS_BODY_UNTIL_CLOSE) {
        r->state = RS_DONE;
        return RESP_DONE;
    }
    if (r->state == RS_DONE)
        return RESP_DONE;
    return malformed(r, r->state == RS_HEAD && r->bytes == 0 ? "connection closed before a reply"
                                                              : "connection closed during a reply");
}
