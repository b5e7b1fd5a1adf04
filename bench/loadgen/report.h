/* report: loadgen's results as a table for people and as JSON for scripts (the report
 * command reads the JSON; its fields are listed in docs/load-testing.md). */
#ifndef LG_REPORT_H
#define LG_REPORT_H

#include <stdio.h>

#include "driver.h"
#include "error.h"
#include "options.h"

typedef struct lg_run_info {
    const lg_options *opt;
    size_t paths;           /* lines in the path file */
    const char *target;     /* the address connected to */
    const lg_results *res;
} lg_run_info;

void report_table(FILE *out, const lg_run_info *run);

/* Writes the JSON report to path ("-" for standard output). */
int report_json(const char *path, const lg_run_info *run, ps_error *err);

/* Replies with a 2xx or 3xx status. */
uint64_t report_successes(const lg_results *res);

#endif
