#include "report.h"

#include <errno.h>
#include <string.h>

static const double quantiles[] = {0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999};
static const char *const quantile_names[] = {"p50", "p75", "p90", "p95", "p99", "p99_9", "p99_99"};
enum { NQUANTILES = sizeof quantiles / sizeof quantiles[0] };

static double ms(uint64_t ns) { return (double)ns / 1e6; }

uint64_t report_successes(const lg_results *res) { return res->by_class[2] + res->by_class[3]; }

static double per_second(uint64_t n, double seconds) { return seconds > 0 ? (double)n / seconds : 0; }

static void table_latency(FILE *out, const char *title, const histogram *h)
{
    fprintf(out, "%-16s %9s %9s %9s %9s %9s %9s\n", title, "mean", "p50", "p90", "p99", "p99.9",
            "max");
    fprintf(out, "%-16s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f\n", "", hist_mean(h) / 1e6,
            ms(hist_quantile(h, 0.5)), ms(hist_quantile(h, 0.9)), ms(hist_quantile(h, 0.99)),
            ms(hist_quantile(h, 0.999)), ms(h->max));
}

static void table_header(FILE *out, const lg_run_info *run)
{
    const lg_options *opt = run->opt;
    fprintf(out, "loadgen: %s (%s), %zu paths, %u connections, ", opt->url_text, run->target,
            run->paths, opt->connections);
    if (opt->rate > 0)
        fprintf(out, "fixed rate %.1f requests/s", opt->rate);
    else
        fprintf(out, "closed loop");
    if (opt->requests)
        fprintf(out, ", %llu requests", (unsigned long long)opt->requests);
    else
        fprintf(out, ", %.1f s", opt->duration_s);
    if (opt->warmup_s > 0)
        fprintf(out, " after a %.1f s warm-up", opt->warmup_s);
    fprintf(out, "%s\n", run->res->interrupted ? " (interrupted)"
                         : run->res->gave_up   ? " (stopped: no connection for --timeout seconds)"
                                               : "");
}

void report_table(FILE *out, const lg_run_info *run)
{
    const lg_results *res = run->res;
    table_header(out, run);
    fprintf(out, "%-16s %llu replies in %.2f s: %.1f requests/s\n", "requests",
            (unsigned long long)res->replies, res->measured_s,
            per_second(res->replies, res->measured_s));
    table_latency(out, "latency (ms)", &res->latency);
    if (run->opt->rate > 0)
        table_latency(out, "service (ms)", &res->service);
    fprintf(out, "%-16s 2xx %llu  3xx %llu  4xx %llu  5xx %llu", "replies",
            (unsigned long long)res->by_class[2], (unsigned long long)res->by_class[3],
            (unsigned long long)res->by_class[4], (unsigned long long)res->by_class[5]);
    if (res->by_class[0] + res->by_class[1])
        fprintf(out, "  other %llu", (unsigned long long)(res->by_class[0] + res->by_class[1]));
    fprintf(out, "\n%-16s", "errors");
    for (int k = 0; k < LG_ERR_KINDS; k++)
        fprintf(out, " %s %llu ", lg_error_name((lg_error_kind)k),
                (unsigned long long)res->errors[k]);
    fprintf(out, " http-4xx %llu  http-5xx %llu\n", (unsigned long long)res->by_class[4],
            (unsigned long long)res->by_class[5]);
    fprintf(out, "%-16s %.2f MB (%.2f MB/s)\n", "received", (double)res->bytes_received / 1e6,
            per_second(res->bytes_received, res->measured_s) / 1e6);
    fprintf(out, "%-16s %llu opened\n", "connections", (unsigned long long)res->connections_opened);
    if (run->opt->rate > 0) {
        fprintf(out, "%-16s %llu sent; over 1 ms late: %llu waiting for a free connection, %llu "
                     "by loadgen itself; longest delay %.3f ms; %llu never sent\n",
                "schedule", (unsigned long long)res->sent,
                (unsigned long long)res->waited_for_connection,
                (unsigned long long)res->late_by_loadgen, ms(res->max_send_delay_ns),
                (unsigned long long)res->unsent);
        if (res->waited_for_connection || res->unsent)
            fprintf(out, "note: latency includes the wait for a free connection: the server fell "
                         "behind, or --connections is too low for this rate\n");
        if (res->late_by_loadgen * 100 > res->sent)
            fprintf(out, "note: over 1%% of requests left late because loadgen lacked CPU: give "
                         "it a core of its own\n");
    }
}

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

static void json_latency(FILE *f, const char *name, const histogram *h)
{
    fprintf(f, "  \"%s\": {\"count\": %llu, \"mean\": %.3f, \"min\": %.3f", name,
            (unsigned long long)h->total, hist_mean(h) / 1e6, h->total ? ms(h->min) : 0.0);
    for (int i = 0; i < NQUANTILES; i++)
        fprintf(f, ", \"%s\": %.3f", quantile_names[i], ms(hist_quantile(h, quantiles[i])));
    fprintf(f, ", \"max\": %.3f},\n", ms(h->max));
}

static void json_write(FILE *f, const lg_run_info *run)
{
    const lg_options *opt = run->opt;
    const lg_results *res = run->res;
    fprintf(f, "{\n  \"tool\": \"loadgen\",\n  \"url\": ");
    json_string(f, opt->url_text);
    fprintf(f, ",\n  \"target\": ");
    json_string(f, run->target);
    fprintf(f, ",\n  \"paths_file\": ");
    json_string(f, opt->paths_file);
    fprintf(f, ",\n  \"paths\": %zu,\n", run->paths);
    fprintf(f, "  \"mode\": \"%s\",\n", opt->rate > 0 ? "rate" : "closed");
    if (opt->rate > 0)
        fprintf(f, "  \"rate\": %.3f,\n", opt->rate);
    else
        fprintf(f, "  \"rate\": null,\n");
    fprintf(f, "  \"connections\": %u,\n  \"warmup_s\": %.3f,\n", opt->connections, opt->warmup_s);
    if (opt->requests)
        fprintf(f, "  \"duration_s\": null,\n  \"requests_limit\": %llu,\n",
                (unsigned long long)opt->requests);
    else
        fprintf(f, "  \"duration_s\": %.3f,\n  \"requests_limit\": null,\n", opt->duration_s);
    fprintf(f, "  \"timeout_s\": %.3f,\n", opt->timeout_s);
    if (opt->shuffle)
        fprintf(f, "  \"shuffle_seed\": %llu,\n", (unsigned long long)opt->shuffle_seed);
    else
        fprintf(f, "  \"shuffle_seed\": null,\n");
    fprintf(f, "  \"interrupted\": %s,\n  \"gave_up\": %s,\n", res->interrupted ? "true" : "false",
            res->gave_up ? "true" : "false");
    fprintf(f, "  \"measured_s\": %.3f,\n  \"sent\": %llu,\n  \"replies\": %llu,\n",
            res->measured_s, (unsigned long long)res->sent, (unsigned long long)res->replies);
    fprintf(f, "  \"rps\": %.1f,\n", per_second(res->replies, res->measured_s));
    json_latency(f, "latency_ms", &res->latency);
    json_latency(f, "service_ms", &res->service);
    fprintf(f, "  \"status\": {\"1xx\": %llu, \"2xx\": %llu, \"3xx\": %llu, \"4xx\": %llu, "
               "\"5xx\": %llu, \"other\": %llu},\n",
            (unsigned long long)res->by_class[1], (unsigned long long)res->by_class[2],
            (unsigned long long)res->by_class[3], (unsigned long long)res->by_class[4],
            (unsigned long long)res->by_class[5], (unsigned long long)res->by_class[0]);
    uint64_t total = res->by_class[4] + res->by_class[5];
    fprintf(f, "  \"errors\": {");
    for (int k = 0; k < LG_ERR_KINDS; k++) {
        fprintf(f, "\"%s\": %llu, ", lg_error_name((lg_error_kind)k),
                (unsigned long long)res->errors[k]);
        total += res->errors[k];
    }
    fprintf(f, "\"http_4xx\": %llu, \"http_5xx\": %llu},\n", (unsigned long long)res->by_class[4],
            (unsigned long long)res->by_class[5]);
    fprintf(f, "  \"errors_total\": %llu,\n", (unsigned long long)total);
    fprintf(f, "  \"bytes_received\": %llu,\n  \"connections_opened\": %llu,\n",
            (unsigned long long)res->bytes_received, (unsigned long long)res->connections_opened);
    fprintf(f, "  \"waited_for_connection\": %llu,\n  \"late_by_loadgen\": %llu,\n",
            (unsigned long long)res->waited_for_connection,
            (unsigned long long)res->late_by_loadgen);
    fprintf(f, "  \"max_send_delay_ms\": %.3f,\n  \"unsent\": %llu\n}\n",
            ms(res->max_send_delay_ns), (unsigned long long)res->unsent);
}

int report_json(const char *path, const lg_run_info *run, ps_error *err)
{
    int to_stdout = strcmp(path, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(path, "w");
    if (!f)
        return ps_fail(err, "cannot write %s: %s", path, strerror(errno));
    json_write(f, run);
    int failed = ferror(f) != 0;
    if (to_stdout)
        failed |= fflush(f) != 0;
    else
        failed |= fclose(f) != 0;
    if (failed)
        return ps_fail(err, "cannot write %s: %s", path, strerror(errno));
    return 0;
}
