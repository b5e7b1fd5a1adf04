/* paths: the request paths loadgen replays, read once from a file into one block of memory. */
#ifndef LG_PATHS_H
#define LG_PATHS_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct path_entry {
    size_t offset, length; /* into path_list.text */
} path_entry;

typedef struct path_list {
    char *text;
    path_entry *items;
    size_t count;
} path_list;

/* Reads FILE ("-" for standard input): one path a line, CRLF or LF; empty lines and lines
 * starting with # are skipped. A path must start with / and hold no space or control
 * character. Fails on an unreadable file, a bad line (FILE:LINE: why) or no path at all. */
int paths_load(const char *file, path_list *paths, ps_error *err);

/* Reorders the paths with a Fisher-Yates shuffle driven by seed (same seed, same order). */
void paths_shuffle(path_list *paths, uint64_t seed);

void paths_free(path_list *paths);

#endif
