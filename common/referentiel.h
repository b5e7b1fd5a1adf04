/* referentiel: the reference data both programs share, loaded from data/referentiels/:
 * communes (with arrondissements), départements, régions and the métiers of the programme
 * with their ROME codes and familles. Immutable once loaded, so threads may share it. */
#ifndef PS_REFERENTIEL_H
#define PS_REFERENTIEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct commune {
    const char *insee;        /* "86194", "2A004", "75115" */
    const char *nom;          /* "Poitiers" */
    const char *codes_postaux; /* "86000" or "13001,13002" */
    const char *departement;  /* "86" */
    const char *region;       /* "75" */
    uint32_t population;
    double lat, lon;
    bool approximate;         /* coordinates not from the commune itself */
    const char *parent;       /* for arrondissements, the commune ("75056"); else "" */
} commune;

typedef struct metier {
    const char *slug;  /* "aide-soignant": the fiche's id */
    const char *rome;  /* "J1501" */
    const char *libelle;
    uint8_t familles;  /* bit (1 << famille) */
    uint8_t famille_principale;
    /* The familles of every métier filed under this ROME code: what an offer, which carries a
     * ROME code and not a métier, is tagged with (J1102 covers the GP and the PMI doctor). */
    uint8_t rome_familles;
} metier;

typedef struct referentiel referentiel;

/* Loads communes.tsv, departements.tsv, regions.tsv and metiers.tsv from dir. */
int referentiel_load(const char *dir, referentiel **out, ps_error *err);
void referentiel_free(referentiel *r);

const commune *referentiel_commune(const referentiel *r, const char *insee);
size_t referentiel_commune_count(const referentiel *r);
const commune *referentiel_commune_at(const referentiel *r, size_t i);
/* Names of a département or région by code; NULL when unknown. */
const char *referentiel_departement_nom(const referentiel *r, const char *code);
const char *referentiel_region_nom(const referentiel *r, const char *code);
/* The région of a département; NULL when unknown. */
const char *referentiel_departement_region(const referentiel *r, const char *code);

size_t referentiel_metier_count(const referentiel *r);
const metier *referentiel_metier_at(const referentiel *r, size_t i);
/* The first métier of metiers.tsv with this ROME code (the code's main métier), or NULL. */
const metier *referentiel_metier_by_rome(const referentiel *r, const char *rome);
const metier *referentiel_metier_by_slug(const referentiel *r, const char *slug);

#endif
