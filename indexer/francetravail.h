/* francetravail: fetches offers from the France Travail "Offres d'emploi v2" API through
 * libcurl: an OAuth2 client-credentials token renewed before it expires (or on a 401), `range`
 * paging of 150 per call, département by département and, for a département above the 3,150
 * results the API serves per search, contract type by contract type; 429 answered after
 * Retry-After, 5xx and timeouts retried with backoff.
 * Credentials come only from the environment and never appear in messages. */
#ifndef PS_FRANCETRAVAIL_H
#define PS_FRANCETRAVAIL_H

#include <jansson.h>
#include <stdint.h>

#include "error.h"

typedef struct ft_config {
    const char *token_url;     /* FT_TOKEN_URL, default the France Travail one */
    const char *api_base;      /* FT_API_BASE, default https://api.francetravail.io/partenaire/offresdemploi */
    const char *client_id;     /* FT_CLIENT_ID (required) */
    const char *client_secret; /* FT_CLIENT_SECRET (required) */
    const char *scope;         /* FT_SCOPE, default "api_offresdemploiv2 o2dsoffre" */
    const char *extra_query;   /* FT_QUERY, e.g. "codeROME=J1501,J1506", or NULL */
    const char *const *departements; /* NULL: every département of the référentiel */
    size_t n_departements;
    long connect_timeout_ms, transfer_timeout_ms;
    int max_retries;
    double max_requests_per_second;
} ft_config;

/* Fills cfg from the environment (the variables above, plus FT_TIMEOUT_MS, FT_MAX_RETRIES and
 * FT_RATE in requests per second); -1 when a required one is missing. */
int ft_config_from_env(ft_config *cfg, ps_error *err);

typedef struct ft_stats {
    uint64_t requests, offers, bytes;
    uint64_t retries_rate_limited, retries_server, retries_timeout, retries_malformed;
    uint64_t tokens, truncated_departements;
} ft_stats;

/* Calls on_offer(ctx, offer) for each offer of every département (the callback borrows it);
 * -1 when the source fails after its retries, or when on_offer returns -1. */
int ft_fetch_offers(const ft_config *cfg, int (*on_offer)(void *ctx, json_t *offer), void *ctx,
                    ft_stats *stats, ps_error *err);

#endif
