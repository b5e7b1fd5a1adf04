/* codes: the domain's small code lists and their labels, shared by indexer (validation) and
 * searchd (filters and facet labels): familles, contract types, experience levels. */
#ifndef PS_CODES_H
#define PS_CODES_H

#include <stdbool.h>
#include <stddef.h>

/* The five families of the Prendre soin programme; a record may belong to several. */
typedef enum famille {
    FAMILLE_SANTE,
    FAMILLE_SOCIAL,
    FAMILLE_HANDICAP,
    FAMILLE_PETITE_ENFANCE,
    FAMILLE_GRAND_AGE,
    FAMILLE_COUNT
} famille;

const char *famille_code(famille f);  /* "sante", "petite-enfance"... */
const char *famille_label(famille f); /* "Santé", "Petite enfance"... */
bool famille_parse(const char *code, famille *out);

/* France Travail contract types (typeContrat); index 0 is "none". */
enum { CONTRAT_NONE = 0, CONTRAT_COUNT = 12 };
const char *contrat_code(unsigned index); /* "CDI"... or NULL for none */
const char *contrat_label(unsigned index);
/* 0 when unknown */
unsigned contrat_parse(const char *code);

/* France Travail experienceExige: D débutant accepté, S souhaitée, E exigée; 0 is "none". */
enum { EXPERIENCE_NONE = 0, EXPERIENCE_COUNT = 4 };
const char *experience_code(unsigned index);
const char *experience_label(unsigned index);
unsigned experience_parse(const char *code);

#endif
