/* jsonl: reads a JSON Lines file one record at a time, with the line number of each, so that
 * a bad line is reported precisely and skipped rather than ending the run. */
#ifndef PS_JSONL_H
#define PS_JSONL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "error.h"

typedef struct jsonl_reader {
    FILE *file;
    const char *path;
    char *line;
    size_t line_cap;
    unsigned long lineno;
} jsonl_reader;

int jsonl_open(jsonl_reader *r, const char *path, ps_error *err);

typedef enum jsonl_result {
    JSONL_RECORD, /* *record is a new JSON object the caller must json_decref */
    JSONL_BAD,    /* this line is not a JSON object; err says why; read on */
    JSONL_EOF,
    JSONL_IO_ERROR /* reading failed; err says why */
} jsonl_result;

/* Reads the next non-blank line. */
jsonl_result jsonl_next(jsonl_reader *r, json_t **record, ps_error *err);
void jsonl_close(jsonl_reader *r);

#endif
