/* generation: cron-safe publishing of index builds. An index root holds numbered generations
 * and a symbolic link "current" to the one being served:
 *
 *   ROOT/lock                 locked (fcntl) by the run that writes: one run at a time
 *   ROOT/generations/000042/  a complete database
 *   ROOT/current -> generations/000042
 *   ROOT/work/                scratch space of the run in progress
 *
 * A build writes a new generation beside the live one and publishes it by renaming a new link
 * over "current", so a crash at any moment leaves the previous generation whole and served. */
#ifndef PS_GENERATION_H
#define PS_GENERATION_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef struct index_root {
    char path[2048];
    int lock_fd; /* -1 when not locked */
} index_root;

typedef enum lock_result { LOCK_TAKEN, LOCK_BUSY, LOCK_ERROR } lock_result;

/* Creates the root if needed and takes its lock; with wait, blocks until the run holding it
 * ends, else returns LOCK_BUSY at once. */
lock_result index_root_lock(index_root *root, const char *path, bool wait, ps_error *err);
void index_root_unlock(index_root *root);

/* Removes scratch space and unpublished generations a crashed run left behind. */
int index_root_clean(index_root *root, ps_error *err);

/* The number of the published generation (0 when none) and the path to its database. */
unsigned long generation_current(const index_root *root, char *path, size_t cap);

/* The number and directory for the next build (not created). */
unsigned long generation_next(const index_root *root, char *path, size_t cap);

/* Makes generation n the current one, then keeps only the `keep` most recent generations. */
int generation_publish(index_root *root, unsigned long n, unsigned keep, ps_error *err);

#endif
