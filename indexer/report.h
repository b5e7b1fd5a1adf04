/* report: what a run tells its operator: each bad record (file, line, id, reason) as it is
 * met, progress on a terminal, and a summary of what was read, indexed and skipped by reason.
 * Shared by the indexer's threads, so every update takes its lock. */
#ifndef PS_REPORT_H
#define PS_REPORT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

enum { REPORT_MAX_REASONS = 16 };

typedef struct run_report {
    pthread_mutex_t lock;
    FILE *errors;   /* bad records are written here (stderr) */
    bool progress;  /* show records/s on stderr (a terminal) */
    unsigned long read, indexed, skipped, replaced, deleted;
    struct {
        char reason[80];
        unsigned long count;
    } reasons[REPORT_MAX_REASONS];
    double started, last_progress; /* monotonic seconds */
    unsigned long expected;        /* records expected, for the ETA (0: unknown) */
} run_report;

void report_init(run_report *r, FILE *errors, bool progress);
void report_destroy(run_report *r);
void report_read(run_report *r);
void report_indexed(run_report *r, bool replaced);
void report_deleted(run_report *r);
/* Reports one bad record and counts it under the reason derived from message. */
void report_skip(run_report *r, const char *path, unsigned long line, const char *id,
                 const char *message);
/* The summary lines, for the end of a run. */
void report_summary(run_report *r, FILE *out);
/* Skipped records as a share of those read. */
double report_skip_ratio(run_report *r);

#endif
