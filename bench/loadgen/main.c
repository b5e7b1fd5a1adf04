/* loadgen: replays a file of request paths against an HTTP server over keep-alive
 * connections, in a closed loop or at a fixed arrival rate, and reports throughput, latency
 * percentiles and errors (see --help and docs/load-testing.md). */
#include <stdio.h>
#include <stdlib.h>

#include "driver.h"
#include "net.h"
#include "options.h"
#include "paths.h"
#include "report.h"

int main(int argc, char **argv)
{
    lg_options opt;
    ps_error err;
    switch (options_parse(argc, argv, &opt, &err)) {
    case OPTIONS_HELP:
        options_usage(stdout);
        return 0;
    case OPTIONS_INVALID:
        fprintf(stderr, "loadgen: %s\n", err.message);
        return 2;
    case OPTIONS_RUN:
        break;
    }

    path_list paths;
    if (paths_load(opt.paths_file, &paths, &err) != 0) {
        fprintf(stderr, "loadgen: %s\n", err.message);
        return 2;
    }
    if (opt.shuffle)
        paths_shuffle(&paths, opt.shuffle_seed);

    int status = 1;
    lg_target target;
    lg_results *res = calloc(1, sizeof *res);
    if (!res) {
        fprintf(stderr, "loadgen: out of memory\n");
    } else if (net_resolve(&opt.url, opt.timeout_s, &target, &err) != 0) {
        fprintf(stderr, "loadgen: %s\n", err.message);
    } else {
        hist_init(&res->latency);
        hist_init(&res->service);
        if (driver_run(&opt, &paths, &target, res, &err) != 0) {
            fprintf(stderr, "loadgen: %s\n", err.message);
        } else {
            lg_run_info run = {&opt, paths.count, target.text, res};
            if (!opt.quiet)
                report_table(stdout, &run);
            if (res->gave_up)
                fprintf(stderr, "loadgen: stopped early: no connection could be made to %s for "
                                "%g s\n", target.text, opt.timeout_s);
            status = report_successes(res) > 0 ? 0 : 1;
            if (status)
                fprintf(stderr, "loadgen: no request succeeded\n");
            if (opt.json_path && report_json(opt.json_path, &run, &err) != 0) {
                fprintf(stderr, "loadgen: %s\n", err.message);
                status = 1;
            }
        }
    }
    free(res);
    paths_free(&paths);
    return status;
}
