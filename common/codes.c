#include "codes.h"

#include <string.h>

static const char *const famille_codes[FAMILLE_COUNT] = {"sante", "social", "handicap",
                                                         "petite-enfance", "grand-age"};
static const char *const famille_labels[FAMILLE_COUNT] = {"Santé", "Social", "Handicap",
                                                          "Petite enfance", "Grand âge"};

const char *famille_code(famille f) { return (unsigned)f < FAMILLE_COUNT ? famille_codes[f] : ""; }
const char *famille_label(famille f) { return (unsigned)f < FAMILLE_COUNT ? famille_labels[f] : ""; }

bool famille_parse(const char *code, famille *out)
{
    for (int f = 0; f < FAMILLE_COUNT; f++) {
        if (strcmp(code, famille_codes[f]) == 0) {
            *out = (famille)f;
            return true;
        }
    }
    return false;
}

typedef struct code_label {
    const char *code, *label;
} code_label;

/* The index of code in table[1..n) (entry 0 is "none"), or 0. */
static unsigned index_of(const code_label *table, unsigned n, const char *code)
{
    for (unsigned i = 1; i < n; i++)
        if (strcmp(code, table[i].code) == 0)
            return i;
    return 0;
}

/* The typeContrat referential of the Offres d'emploi v2 API. */
static const code_label contrats[CONTRAT_COUNT] = {
    {NULL, NULL},
    {"CDI", "Contrat à durée indéterminée"},
    {"CDD", "Contrat à durée déterminée"},
    {"MIS", "Mission intérimaire"},
    {"SAI", "Contrat travail saisonnier"},
    {"CCE", "Profession commerciale"},
    {"FRA", "Franchise"},
    {"LIB", "Profession libérale"},
    {"REP", "Reprise d'entreprise"},
    {"TTI", "Contrat travail temporaire insertion"},
    {"DDI", "Contrat durée déterminée insertion"},
    {"DIN", "CDI intérimaire"},
};

const char *contrat_code(unsigned i) { return i < CONTRAT_COUNT ? contrats[i].code : NULL; }
const char *contrat_label(unsigned i) { return i < CONTRAT_COUNT ? contrats[i].label : NULL; }

unsigned contrat_parse(const char *code) { return index_of(contrats, CONTRAT_COUNT, code); }

static const code_label experiences[EXPERIENCE_COUNT] = {
    {NULL, NULL},
    {"D", "Débutant accepté"},
    {"S", "Expérience souhaitée"},
    {"E", "Expérience exigée"},
};

const char *experience_code(unsigned i) { return i < EXPERIENCE_COUNT ? experiences[i].code : NULL; }
const char *experience_label(unsigned i) { return i < EXPERIENCE_COUNT ? experiences[i].label : NULL; }

unsigned experience_parse(const char *code)
{
    return index_of(experiences, EXPERIENCE_COUNT, code);
}
