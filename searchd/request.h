/* request: a validated search request, as params.c builds it and search.c runs it. Lists are
 * ORed values of one parameter; different parameters are ANDed. */
#ifndef PS_REQUEST_H
#define PS_REQUEST_H

#include <stdbool.h>
#include <stdint.h>

enum {
    REQ_MAX_CODES = 50,    /* values of one list parameter */
    REQ_MAX_LIMIT = 100,   /* hits per page */
    REQ_MAX_SUGGEST = 20,  /* métiers, and communes, per suggestion */
    REQ_MAX_WINDOW = 10000 /* offset + limit */
};

typedef struct code_list {
    char codes[REQ_MAX_CODES][8];
    unsigned count;
} code_list;

typedef enum sort_order { SORT_PERTINENCE, SORT_DATE, SORT_DISTANCE } sort_order;

/* The facet dimensions, in the order of the API's facet names. */
typedef enum facet_dim {
    DIM_TYPE,
    DIM_FAMILLE,
    DIM_ROME,
    DIM_CONTRAT,
    DIM_EXPERIENCE,
    DIM_DEPARTEMENT,
    DIM_REGION,
    DIM_TEMPS_PLEIN,
    DIM_ALTERNANCE,
    DIM_FACET_COUNT
} facet_dim;

const char *facet_dim_name(facet_dim d); /* "type", "codeROME"... as in the API */

typedef struct search_request {
    const char *q;           /* free text, "" for everything */
    unsigned types;          /* bit (1 << doc_type); 0: every type */
    unsigned familles;       /* bit (1 << famille); 0: every famille */
    code_list rome, departement, region;
    unsigned contrats;       /* bit (1 << contrat index) */
    unsigned experiences;    /* bit (1 << experience index) */
    int temps_plein;         /* 1, 0, or -1 for either */
    int alternance;
    bool has_centre;
    double lat, lon;         /* the centre */
    char centre_commune[8];  /* when the centre came from commune= */
    double distance_km;      /* radius around the centre */
    unsigned publiee_depuis; /* days, 0 for no limit */
    sort_order sort;
    uint32_t offset, limit;
    unsigned facets;         /* bit (1 << facet_dim) for each facet asked for */
} search_request;

#endif
