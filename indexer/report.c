#include "report.h"

#include <stdbool.h>
#include <string.h>
#include <time.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void report_init(run_report *r, FILE *errors, bool progress)
{
    memset(r, 0, sizeof *r);
    pthread_mutex_init(&r->lock, NULL);
    r->errors = errors;
    r->progress = progress;
    r->started = r->last_progress = now_seconds();
}

void report_destroy(run_report *r) { pthread_mutex_destroy(&r->lock); }

static void show_progress(run_report *r)
{
    double t = now_seconds();
    if (!r->progress || t - r->last_progress < 0.5)
        return;
    r->last_progress = t;
    double rate = (double)r->read / (t - r->started);
    if (r->expected > r->read && rate > 0)
        fprintf(stderr, "\rindexer: %lu records, %.0f/s, ETA %.0f s   ", r->read, rate,
                (double)(r->expected - r->read) / rate);
    else
        fprintf(stderr, "\rindexer: %lu records, %.0f/s   ", r->read, rate);
}

void report_read(run_report *r)
{
    pthread_mutex_lock(&r->lock);
    r->read++;
    show_progress(r);
    pthread_mutex_unlock(&r->lock);
}

void report_indexed(run_report *r, bool replaced)
{
    pthread_mutex_lock(&r->lock);
    r->indexed++;
    r->replaced += replaced;
    pthread_mutex_unlock(&r->lock);
}

void report_deleted(run_report *r)
{
    pthread_mutex_lock(&r->lock);
    r->deleted++;
    pthread_mutex_unlock(&r->lock);
}

/* The reason under which a message is counted: the message without its details, which are
 * quoted values and whatever follows a parenthesis or a colon. "ROME code \"M1607\" is not
 * one of the programme's métiers" counts as "ROME code is not one of the programme's métiers". */
static void reason_of(const char *message, char *out, size_t cap)
{
    size_t n = 0;
    bool quoted = false;
    for (const char *p = message; *p && n + 1 < cap; p++) {
        if (*p == '"') {
            quoted = !quoted;
            continue;
        }
        if (!quoted && (*p == '(' || *p == ':'))
            break;
        if (quoted || (*p == ' ' && (n == 0 || out[n - 1] == ' ')))
            continue;
        out[n++] = *p;
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

void report_skip(run_report *r, const char *path, unsigned long line, const char *id,
                 const char *message)
{
    char reason[80];
    reason_of(message, reason, sizeof reason);
    pthread_mutex_lock(&r->lock);
    r->skipped++;
    if (r->progress)
        fputc('\n', r->errors);
    fprintf(r->errors, "%s:%lu: %s: %s\n", path, line, id && *id ? id : "-", message);
    int i;
    for (i = 0; i < REPORT_MAX_REASONS && r->reasons[i].count; i++)
        if (strcmp(r->reasons[i].reason, reason) == 0)
            break;
    if (i == REPORT_MAX_REASONS)
        i = REPORT_MAX_REASONS - 1, snprintf(reason, sizeof reason, "other");
    snprintf(r->reasons[i].reason, sizeof r->reasons[i].reason, "%s", reason);
    r->reasons[i].count++;
    pthread_mutex_unlock(&r->lock);
}

void report_summary(run_report *r, FILE *out)
{
    pthread_mutex_lock(&r->lock);
    if (r->progress)
        fputc('\n', stderr);
    fprintf(out, "indexer: read %lu, indexed %lu, skipped %lu, duplicates replaced %lu", r->read,
            r->indexed, r->skipped, r->replaced);
    if (r->deleted)
        fprintf(out, ", deleted %lu", r->deleted);
    fprintf(out, " in %.1f s\n", now_seconds() - r->started);
    for (int i = 0; i < REPORT_MAX_REASONS && r->reasons[i].count; i++)
        fprintf(out, "indexer: skipped %lu: %s\n", r->reasons[i].count, r->reasons[i].reason);
    pthread_mutex_unlock(&r->lock);
}

double report_skip_ratio(run_report *r)
{
    pthread_mutex_lock(&r->lock);
    double ratio = r->read ? (double)r->skipped / (double)r->read : 0;
    pthread_mutex_unlock(&r->lock);
    return ratio;
}
