"""Job offers in the France Travail "Offres d'emploi v2" shape, written from the per-métier
banks (data/generator/metiers/) and the employer kinds (employeurs.json).

An offer is drawn for a famille first (so the corpus matches the programme's published counts
exactly), then a métier of that famille weighted by its number of live offers ("poids"), then
an employer kind of that métier whose NAF code makes the offer count in that famille (see
refs.main_famille), then a commune weighted by population."""
import bisect
import collections
import functools
import math
import os
import random
import re
import zlib
from datetime import date, timedelta

from phrasing import VOUS_STYLES, elide, rephrase
from refs import FAMILLES, GROUPED_SECTIONS, city_name, main_famille, reserved_for, reserved_to, weighted
from specifics import (ALTERNATING, DAYS_12H, FPH_FLOOR_MONTHLY, H24_KINDS, NIGHTS, OVERSEAS_UPLIFT, PLACEHOLDER,
                       LONG_TERM, PUBLIC_HOSPITAL_KINDS, SCHEDULE_WORDS, SHIFT_SLUGS, TITLE_DAY,
                       TITLE_NIGHT, WEEKENDS, DAY_ONLY, NO_WEEKEND, TITLE_REPLACEMENT, TITLE_WEEKEND, Person,
                       approximate, benefits, contract_line, euros, figure, fits_contract, fits_terms, generic_benefits,
                       hours_text, num, paid_share, round_figure, salary_line, schedule_lines, shift_length, states_hours, status,
                       title_terms, weekend_hours)

class OfferRandom(random.Random):
    """The offers' generator: random.Random with choice, randrange and randint drawn from one
    random() each (an offer makes some 150 such draws; Random's own spend several calls on
    each). Seeded like Random, so the same seed gives the same offers."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        return start + step * int(self.random() * ((stop - start + step - 1) // step))

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


# Employers a town has one of, whatever their ads call them ("CH du Havre", "Centre hospitalier du Havre").
ONE_PER_TOWN = {"ch", "chu", "ccas", "collectivite", "epsm"}


class EmployerDraw:
    """One draw of an employer's own figure (its beds, its staff, its sites): a float that
    hashes the seed, the employer and the figure's name (CRC-32, chained from the employer's to
    the figure's: cheap, and the same in every process), spent by choice, randrange, randint and
    uniform as OfferRandom spends one random(). Every ad of one hospital or council then gives
    the same figures, whichever process writes it and whatever else its ads drew."""
    __slots__ = ("u",)
    choice, randrange, randint = OfferRandom.choice, OfferRandom.randrange, OfferRandom.randint

    def __init__(self, employer_hash, key):
        self.u = zlib.crc32(key.encode(), employer_hash) / 2.0 ** 32

    @staticmethod
    def employer_hash(seed, employer):
        """The CRC-32 an employer's figures chain from."""
        return zlib.crc32(("%s\0%s" % (seed, employer)).encode())

    def random(self):
        return self.u

    def uniform(self, a, b):
        return a + (b - a) * self.u


# The programme's published offer counts by famille (the "handicap" one is "handicap et
# domicile"): 118,000 in all.
FAMILLE_TOTALS = {"sante": 64900, "social": 20060, "petite-enfance": 8260,
                  "grand-age": 12980, "handicap": 11800}

CONTRATS = {"CDI": "Contrat à durée indéterminée", "CDD": "Contrat à durée déterminée",
            "MIS": "Mission intérimaire", "SAI": "Contrat travail saisonnier",
            "LIB": "Profession libérale"}
QUALIFICATIONS = {"1": "Manœuvre", "2": "Ouvrier spécialisé", "3": "Ouvrier qualifié (P1,P2)",
                  "4": "Ouvrier qualifié (P3,P4,OHQ)", "5": "Employé non qualifié",
                  "6": "Employé qualifié", "7": "Technicien", "8": "Agent de maîtrise",
                  "9": "Cadre"}
# A permanent contract's longest trial period by qualification (Code du travail, L1221-19):
# two months for an employee, three for a technician or a supervisor, four for a cadre.
TRIAL_MONTHS = {"7": 3, "8": 3, "9": 4}
QUALITES = [
    ("Travail en équipe", "Capacité à travailler avec d'autres professionnels et à partager "
     "l'information utile à la continuité de l'accompagnement."),
    ("Sens de l'organisation", "Capacité à planifier son travail, à hiérarchiser les priorités "
     "et à tenir les délais."),
    ("Capacité d'adaptation", "Capacité à ajuster sa pratique aux situations, aux personnes "
     "et aux imprévus."),
    ("Rigueur", "Capacité à respecter les protocoles, les consignes et les règles de sécurité."),
    ("Autonomie", "Capacité à prendre des initiatives et à mener son activité sans supervision "
     "constante."),
    ("Réactivité", "Capacité à agir rapidement face à une situation urgente ou inattendue."),
    ("Sens de la communication", "Capacité à échanger avec les personnes accompagnées, leur "
     "entourage et l'équipe avec clarté et tact."),
    ("Gestion du stress", "Capacité à garder son calme et à rester efficace dans des situations "
     "difficiles."),
    ("Bienveillance", "Capacité à porter une attention respectueuse aux besoins et au rythme "
     "de chacun."),
]
DOMICILE_KINDS = {"saad", "ssiad", "had", "particulier-employeur", "transport-adapte",
                  "ambulances", "service-mandataire", "sessad", "relais-petite-enfance"}

# Settings with a team, premises and posts that are created (not a household).
ORGANISATIONS = {"unit", "domicile", "enfance", "office", "accueil"}
# Why the post is open: (sentence, the contracts it fits or None, the settings it fits or None).
# {poste} is the post's name, {de_poste} "de" or "d'" and the name, {equipe} the team's size,
# {debut} the start date ("12 janvier"), {mois} the contract's months.
CONTEXTES = [
    ("Remplacement de congé maternité à partir du {debut} pour {mois} mois : nous recherchons un(e) {poste}.",
     {"CDD"}, None),
    ("Dès le {debut}, pour faire face au développement de notre activité, nous recrutons un(e) {poste}.",
     None, {"unit", "domicile", "enfance", "office"}),
    # A household names no post ("un(e) auxiliaire de vie auprès de personnes dépendantes de
    # confiance"): its title says it, its opening the person it looks for.
    ("Dès le {debut}, nous recherchons une personne de confiance, pour une relation de travail durable.",
     {"CDI"}, {"particulier"}),
    ("À partir du {debut}, nous cherchons une personne fiable et attentionnée, idéalement pour plusieurs années.",
     {"CDI"}, {"particulier"}),
    ("Dès le {debut}, nous recherchons une personne de confiance.", {"CDD"}, {"particulier"}),
    ("Pour {mois} mois à partir du {debut}, nous cherchons une personne sérieuse et disponible.", {"CDD"}, {"particulier"}),
    ("Le {debut}, suite à un départ en retraite, le poste {de_poste} sera à pourvoir.", {"CDI"}, ORGANISATIONS),
    ("Nous renforçons notre équipe de {equipe} professionnels et recrutons un(e) {poste}.", {"CDI", "CDD"},
     {"domicile", "office"}),
    # A unit's team is not the house's: "notre équipe de 18" beside 155 residents reads as all of it.
    ("Nous renforçons l'équipe de {equipe} professionnels de l'unité et recrutons un(e) {poste}.", {"CDI", "CDD"},
     {"unit"}),
    ("Création de poste au {debut} : nous recherchons un(e) {poste} motivé(e).", {"CDI"}, ORGANISATIONS),
    ("Notre équipe pluridisciplinaire de {equipe} professionnels recherche un(e) {poste}.",
     {"CDI", "CDD"}, {"domicile"}),
    ("L'équipe pluridisciplinaire de l'unité ({equipe} professionnels) recherche un(e) {poste}.",
     {"CDI", "CDD"}, {"unit"}),
    ("Nous recherchons un(e) {poste} pour rejoindre une équipe stable et soudée de {equipe} personnes.",
     {"CDI", "CDD"}, ORGANISATIONS),
    ("Envie de donner du sens à votre travail ? Dès le {debut}, rejoignez-nous en tant {que_poste}.", {"CDI", "CDD", "LIB"},
     {"unit", "domicile", "enfance", "office"}),
    ("Un poste {de_poste} est à pourvoir à compter du {debut}.", {"CDI", "CDD"}, {"unit", "domicile", "enfance", "office"}),
    ("Nous souhaitons accueillir un(e) {poste} à partir du {debut}.", {"CDI", "CDD"}, {"unit", "domicile", "enfance", "office"}),
    ("À partir du {debut}, un poste {de_poste} est à pourvoir dans notre équipe.", {"CDI", "CDD"},
     {"unit", "domicile", "enfance", "office"}),
    ("Nous recrutons un(e) {poste} : le poste est à pourvoir le {debut}.", {"CDI", "CDD", "MIS"},
     {"unit", "domicile", "enfance", "office"}),
    ("Ouverture d'une nouvelle unité le {debut} : nous recrutons un(e) {poste}.", {"CDI"}, {"unit"}),  # a new unit hires for good
    ("À partir du {debut}, nous constituons un pool de remplacement et recherchons un(e) {poste}.", {"CDI", "CDD"},
     {"unit"}),
    ("Afin de compléter notre équipe, nous recherchons un(e) {poste} à partir du {debut}.", {"CDI", "CDD"},
     ORGANISATIONS),
    ("Suite au départ d'un(e) collègue, nous recrutons un(e) {poste} à compter du {debut}.", {"CDI", "CDD"},
     ORGANISATIONS),
    ("Nous ouvrons le recrutement d'un(e) {poste} pour une prise de poste le {debut}.", {"CDI", "CDD"}, ORGANISATIONS),
    ("Vous souhaitez rejoindre une équipe à taille humaine ? Nous recherchons un(e) {poste} à partir du {debut}.",
     {"CDI", "CDD"}, {"domicile", "enfance"}),
    ("Un poste {de_poste} se libère le {debut} : nous recherchons la personne qui le reprendra.", {"CDI"},
     ORGANISATIONS),
    ("Pour un remplacement de {mois} mois à partir du {debut}, nous recherchons un(e) {poste}.", {"CDD"},
     ORGANISATIONS),
    ("Suite à une mobilité interne, le poste {de_poste} est à pourvoir à partir du {debut}.", {"CDI"}, ORGANISATIONS),
    ("Pour le remplacement d'un(e) collègue en formation, nous recherchons un(e) {poste} pour {mois} mois à partir du {debut}.",
     {"CDD"}, ORGANISATIONS),
    ("Mission à partir du {debut} : pour l'un de nos établissements clients, nous recherchons un(e) {poste}.",
     {"MIS"}, None),
    ("Pour des remplacements réguliers à partir du {debut}, nous recherchons un(e) {poste}.", {"LIB"},
     ORGANISATIONS),
    ("À partir du {debut}, nous accueillons un(e) apprenti(e) {poste} et lui offrons un tutorat attentif.", {"ALT"},
     ORGANISATIONS),
    ("Dès le {debut}, nous proposons un contrat en alternance à un(e) futur(e) {poste}.", {"ALT"},
     ORGANISATIONS),
]
# Lines of a contract for the school year.
SCHOOL_YEAR = re.compile(r"l'année scolaire|année scolaire complète|[Cc]ontrat d'un an")
# Day services, and the department each is.
DAY_DEPARTMENTS = [(re.compile(r"[Hh]ôpital de jour|HÔPITAL DE JOUR|\bHDJ\b"), "à l'hôpital de jour"),
                   (re.compile(r"\bCMP\b"), "au CMP"), (re.compile(r"\bCATTP\b"), "au CATTP"),
                   (re.compile(r"[Éé]quipe mobile|ÉQUIPE MOBILE"), "à l'équipe mobile"),
                   (re.compile(r"[Aa]ccueil de jour|ACCUEIL DE JOUR"), "à l'accueil de jour"),
                   (re.compile(r"[Cc]onsultations?\b|CONSULTATION"), "aux consultations"),
                   (re.compile(r"[Aa]mbulatoire|AMBULATOIRE"), "au service ambulatoire"),
                   (re.compile(r"\bCAMSP\b"), "au CAMSP"), (re.compile(r"\bPASA\b"), "au PASA"),
                   (re.compile(r"[Pp]lateforme de coordination|PLATEFORME DE COORDINATION|\bPCO\b"),
                    "à la plateforme de coordination et d'orientation")]
# What a day service's post does not do: another day service's work, as a CMP's home visits.
HOME_VISITS = r"\bCMP\b|[Vv]éhicule de service"  # (a day hospital's nurse visits no one at home)
OTHER_DAY_SERVICES = {"à l'hôpital de jour": re.compile(HOME_VISITS),
                      "au CATTP": re.compile(HOME_VISITS + r"|[Hh]ôpital de jour|\bHDJ\b"),
                      "au CMP": re.compile(r"[Hh]ôpital de jour|\bHDJ\b|\bCATTP\b")}
# The titles of an AESH who helps several pupils (an ULIS, a mutualised help), and one pupil's lines.
SEVERAL_PUPILS = re.compile(r"[Cc]ollecti|\bULIS\b|[Mm]utualis")
ONE_PUPIL = re.compile(r"\b[Ll]'élève\b|\bun élève\b|\bson emploi du temps")
# Orthopaedic wards' titles, whose patients have no stoma.
ORTHOPAEDICS = re.compile(r"[Oo]rthopédi|ORTHOPÉDI|\bortho\b|[Tt]raumatolog|TRAUMATOLOG")


STOMA_CARE = re.compile(r"stomies?\b|poches? de stomie")


@functools.lru_cache(maxsize=None)
def title_facts(intitule, appellation):
    """(a day service, an evening post, the day service's department) a title and its
    appellation say."""
    text = intitule + " " + appellation
    return (bool(DAY_SERVICE.search(text)), bool(EVENING.search(intitule)),
            next((d for words, d in DAY_DEPARTMENTS if words.search(text)), None))


# Tasks of inpatients, which a day service has not.
INPATIENT = re.compile(r"hospitalisés|isolement|contention|sans consentement|structures d'aval|\bau lit\b|"
                       r"unité protégée|hospitalisation (libre|complète)")
# Titles of an inpatient unit, whose post is no day service's.
INPATIENT_TITLE = re.compile(r"[Hh]ospitalisation complète|[Uu]nité d'hospitalisation|UNITÉ D'HOSPITALISATION|"
                             r"HOSPITALISATION COMPLÈTE")
# Weekend work, which a service open on weekdays does not ask.
WEEKEND_WORK = re.compile(r"week-ends? sur (deux|trois|quatre|cinq)|(?<!sans )(?<!pas de )(?<!aucun )[Tt]ravail (le|du) (samedi|dimanche|week-end)|"
                          r"(?<!fermé )(?<!fermée )(?<!travail )les week-ends et jours fériés|week-ends? travaillés?")
# Medicine wards' titles, which a clinic "spécialisée en chirurgie" has not.
MEDICINE = re.compile(r"[Mm]édecine (polyvalente|interne|gériatrique|et chirurgie)|MÉDECINE|[Cc]ardiolog|[Pp]neumolog|[Nn]eurolog|"
                      r"[Oo]ncolog|[Gg]astro|[Nn]éphrolog|[Hh]émato|[Cc]ourt séjour|[Pp]alliati")
# Specialties a surgical clinic does not have.
NOT_SURGERY = {"naissance", "pediatrie", "psychiatrie", "urgences", "readaptation", "reanimation", "geriatrie"}
# Departments of the specialties that are no ward.
SPECIALTY_DEPARTMENTS = [("pool", "au pool de remplacement"), ("bloc", "au bloc opératoire"),
                         ("imagerie", "au service d'imagerie"), ("radiotherapie", "au service de radiothérapie"),
                         ("nucleaire", "au service de médecine nucléaire"), ("urgences", "au service des urgences")]
DEPARTMENT_SPECIALTIES = {key for key, _ in SPECIALTY_DEPARTMENTS} - {"pool"}
# Titles of an afternoon post.
AFTERNOON = re.compile(r"[Aa]près-midi|APRÈS-MIDI")
# Posts of a pool of replacements.
POOL = re.compile(r"[Pp]ool|POOL|[Vv]olante?\b|VOLANTE?\b")
# Titles of a maternity leave's replacement (some four months).
MATERNITY = re.compile(r"[Mm]aternité|MATERNITÉ")
# Titles and appellations of a post above the métier's own.
HIGHER_ROLE = re.compile(r"[Dd]irect(eur|rice)|DIRECT(EUR|RICE)|[Rr]esponsable|RESPONSABLE|[Cc]oordinat|COORDINAT|"
                         r"\b[Cc]hef\b|\bCHEF\b|[Cc]adre\b|\bCADRE\b|[Rr]éférent|RÉFÉRENT")
# Titles and appellations of a deputy.
DEPUTY = re.compile(r"[Aa]djoint|ADJOINT")
# Titles and appellations of an apprentice (an apprentice's appellation only under such a title),
# and the wider words of a title that hires a trainee ("en formation", "professionnalisation").
APPRENTICE = re.compile(r"[Aa]pprenti|APPRENTI|[Aa]lternance|ALTERNANCE")
TRAINEE_TITLE = re.compile(r"[Aa]pprenti|[Aa]lternance|apprentissage|professionnalisation|en formation\b")
# Appellations of one who replaces another.
REPLACING_POST = re.compile(r"[Rr]emplaçant|[Pp]ool")
# A libéral's share of the fees, and the kind of libéral post a title offers.
FEES = re.compile(r"[Rr]étrocession|[Rr]edevance")
SUCCESSION = re.compile(r"[Ss]uccession|SUCCESSION")  # (a collaboration before taking the practice over)
COLLABORATION = re.compile(r"[Cc]ollaborat|COLLABORAT|%s|[Aa]ssocié" % SUCCESSION.pattern)
REPLACEMENT = re.compile(r"[Rr]emplaç|[Rr]emplacement|REMPLA")


def liberal_mode(title, appellation=""):
    """ "collaboration", "remplacement" or "" (either) for a libéral post so titled (the title
    first, then its appellation)."""
    for text in (title, appellation):
        if REPLACEMENT.search(text):
            return "remplacement"
        if COLLABORATION.search(text):
            return "collaboration"
    return ""


# Presentations of a practice seeking a libéral, not an employee.
LIBERAL_SEARCH = re.compile(r"collaborat|remplaçant|nouvelle installation|s'installer")
# Reasons an apprentice is not hired for: to replace someone, or for a pool of replacements.
REPLACING = re.compile(r"[Rr]emplacement|congé maternité|pool")
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


@functools.lru_cache(maxsize=None)
def reasons_for(contrat, setting, alternance=False):
    """The CONTEXTES that fit a contract and a setting; an apprentice's ("ALT") are their own and
    those of any contract that replace no one."""
    if alternance:
        return [t for t, contrats, settings in CONTEXTES
                if (contrats is None or "ALT" in contrats) and (settings is None or setting in settings) and
                not REPLACING.search(t)]
    return [t for t, contrats, settings in CONTEXTES
            if (contrats is None or contrat in contrats) and (settings is None or setting in settings)]


@functools.lru_cache(maxsize=None)
def ad_reasons(contrat, setting, alternance, pool, title, long, staff_counted, whole, brief=False):
    """The reasons that fit an ad (cached): a pool only for a pool's title; a replacement's ad says
    why, not that the team grows; no maternity leave longer than six months; no team's size when
    the ad counts the employer's staff (staff_counted: "notre équipe de 14" beside "emploie 353
    agents" reads as a contradiction) or for a director, who joins no unit's team."""
    reasons = reasons_for(contrat, setting, alternance)
    if not pool:
        reasons = [r for r in reasons if "pool" not in r]
    if COLLABORATION.search(title):  # a collaboration is no replacement
        reasons = [r for r in reasons if "remplacements" not in r] or reasons
    if TITLE_REPLACEMENT.search(title):
        said = [r for r in reasons if REPLACING.search(r) and (MATERNITY.search(r) or not MATERNITY.search(title))]
        reasons = said or [r for r in reasons if "{equipe}" not in r and "développement" not in r
                           and "Création" not in r and "nouvelle unité" not in r] or reasons
    if long or brief or pool or POOL.search(title):
        # a maternity leave lasts some four to six months; a pool's post replaces many, not one mother
        reasons = [r for r in reasons if "maternité" not in r] or reasons
    if brief or contrat == "MIS":  # a growing activity or a new unit hires for longer than a few weeks' mission
        reasons = [r for r in reasons if "développement" not in r and "nouvelle unité" not in r] or reasons
    if brief:  # a contract of a few weeks replaces someone or reinforces a team, and says so
        reasons = [r for r in reasons if REPLACING.search(r) or "renfort" in r] or reasons
    if not (brief or contrat == "LIB"):  # a CDD of six months is one post, not "des remplacements réguliers"
        reasons = [r for r in reasons if "remplacements réguliers" not in r] or reasons
    if staff_counted:
        reasons = [r for r in reasons if "{equipe}" not in r] or reasons
    if whole:
        reasons = [r for r in reasons if "{equipe}" not in r and "unité" not in r] or reasons
    return reasons


# The CHUs of Paris, Lyon and Marseille by their own names, with their staff.
CITY_CHUS = {"75056": ("AP-HP", "Assistance publique - Hôpitaux de Paris", (95000, 105000)),
             "13055": ("AP-HM", "Assistance publique - Hôpitaux de Marseille", (16000, 19000)),
             "69123": ("HCL", "Hospices civils de Lyon", (22000, 25000)),
             "67482": ("HUS", "Hôpitaux universitaires de Strasbourg", (11500, 12500))}


def city_chu(text, ville, town):
    """A presentation with Paris's, Marseille's, Lyon's or Strasbourg's CHU called by its name:
    "CHU de Paris" is the AP-HP (the employer's own name is CITY_CHUS' full one)."""
    short, full, _ = CITY_CHUS[town]
    text = text.replace("l'un des premiers employeurs", "premier employeur")  # as the AP-HP, the AP-HM and the HCL are
    if short == "AP-HP":  # Paris's CHU calls itself the AP-HP: no "le CHU de Paris (AP-HP)"
        return replaced(text, AP_HP_WORDS)
    for plain, named in (("Le CHU de " + ville, "Le CHU de %s (%s)" % (ville, full)),
                         ("le CHU de " + ville, "le CHU de %s (%s)" % (ville, short)),
                         ("CHU de " + ville, "CHU de %s (%s)" % (ville, short)),
                         ("centre hospitalier universitaire de " + ville, "centre hospitalier universitaire de %s (%s)" % (ville, short))):
        if plain in text:
            return text.replace(plain, named, 1)
    return text


# Paris's CHU as it calls itself.
AP_HP_WORDS = [(re.compile(r"\b(du|au|[Ll]e) (CHU|centre hospitalier universitaire) de Paris\b"),
                lambda m: {"du": "de l'AP-HP", "au": "à l'AP-HP", "Le": "L'AP-HP", "le": "l'AP-HP"}[m.group(1)]),
               (re.compile(r"\b(CHU|centre hospitalier universitaire) de Paris\b"), "AP-HP")]


# Paris's CCAS as it calls itself.
CASVP_WORDS = [(re.compile(r"\b([Ll]e|du|au) (CCAS|CIAS|[Cc]entre communal d'action sociale)( de Paris\b)?"), r"\1 CASVP"),
               (re.compile(r"\bCCAS de Paris\b"), "CASVP"),
               (re.compile(r"les habitants de la commune"), "les Parisiens"),
               (re.compile(r"\b(de|pour) la commune\b"), r"\1 la Ville"),
               (re.compile(r"les services du Département"), "les espaces parisiens des solidarités")]
# A département's council, which a collectivity stands for in some places, and its articles.
COUNCIL = re.compile(r"\b(le|du|au|Le|Du|Au) [Cc]onseil départemental\b(?! \()")
COUNCIL_ARTICLES = {"le": "la ", "Le": "La ", "du": "de la ", "Du": "De la ", "au": "à la ", "Au": "À la "}


def council_named(text, name):
    """text with the département's council called by the collectivity that stands for it
    ("autorisé par la Collectivité territoriale de Martinique")."""
    return COUNCIL.sub(lambda m: COUNCIL_ARTICLES[m.group(1)] + name, text)


# Départements whose council became another collectivity, by its name.
DEPARTEMENT_COLLECTIVITIES = {"67": "Collectivité européenne d'Alsace", "68": "Collectivité européenne d'Alsace",
                              "75": "Ville de Paris", "2A": "Collectivité de Corse", "2B": "Collectivité de Corse",
                              "972": "Collectivité territoriale de Martinique", "973": "Collectivité territoriale de Guyane"}
# The local social-action offices of the collectivities that stand for a département.
LOCAL_OFFICES = {"Ville de Paris": ("espace parisien des solidarités", "espaces parisiens des solidarités"),
                 "Métropole de Lyon": ("maison de la Métropole pour les solidarités",
                                       "maisons de la Métropole pour les solidarités")}
# Employers that may be a public hospital's unit and are named after it ("Centre hospitalier de
# Lille - USLD Les Tilleuls").
COLLECTIVITY_WORDS = [("du Département", "de la collectivité"), ("au Département", "à la collectivité"),
                      ("Le Département", "La collectivité"), ("le Département", "la collectivité")]


def collectivity(text, name=""):
    """A Département's presentation said of a collectivity that is one ("la collectivité"), its
    offices by their own name (name: the collectivity's)."""
    for words, said in COLLECTIVITY_WORDS:
        text = text.replace(words, said)
    offices = LOCAL_OFFICES.get(name)
    if offices:  # "sa maison de la Métropole pour les solidarités de Vénissieux"
        for pattern, office in zip((r"\b([Mm])aison départementale des solidarités",
                                    r"\b([Mm])aisons (?:départementales )?des solidarités"), offices):
            text = re.sub(pattern, lambda m: (office[0].upper() if m.group(1) == "M" else office[0]) + office[1:], text)
    return text


# A unit's patients named once by its unit ("les patients du SMR"), then "les patients".
NAMED_PATIENTS = "patients du SMR"


def said_once_as_named(text):
    """text with its unit's patients named by the unit the first time only."""
    first = text.find(NAMED_PATIENTS)
    if first < 0:
        return text
    cut = first + len(NAMED_PATIENTS)
    return text[:cut] + text[cut:].replace(NAMED_PATIENTS, "patients")


CH_UNITS = {"usld", "had", "smr", "ch", "ehpad"}


def universitaire(text, ville):
    """text with its town's centre hospitalier called the CHU it is."""
    for plain, chu in (("Centre hospitalier de ", "CHU de "), ("CH de ", "CHU de "),
                       ("Centre hospitalier d'", "CHU d'"), ("CH d'", "CHU d'"),
                       ("centre hospitalier de ", "centre hospitalier universitaire de "),
                       ("centre hospitalier d'", "centre hospitalier universitaire d'")):
        text = text.replace(plain + ville, chu + ville)
    return text


YEAR_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5}
STATED_YEARS = re.compile(r"\b(un|une|deux|trois|quatre|cinq|\d+) ans?\b(?! de (contrat|formation|cursus))")


@functools.lru_cache(maxsize=None)
def stated_years(line):
    """The years of experience a requirement states ("deux ans minimum"), or None."""
    m = STATED_YEARS.search(line)
    if not m or "expérience" not in line.lower() or "après" in line:  # not "financées après 3 ans d'exercice"
        return None
    word = m.group(1)
    return float(YEAR_WORDS.get(word) or int(word))


def record_years(record):
    """The years of experience a record states: 2.0 for "2 An(s)", 0.5 for "6 Mois", 0 for none."""
    m = re.search(r"(\d+) (An|Mois)", record["experienceLibelle"])
    if not m:
        return 0
    return float(m.group(1)) if m.group(2) == "An" else int(m.group(1)) / 12


STAFF_BANDS = [(2, "1 ou 2 salariés"), (5, "3 à 5 salariés"), (9, "6 à 9 salariés"), (19, "10 à 19 salariés"),
               (49, "20 à 49 salariés"), (99, "50 à 99 salariés"), (199, "100 à 199 salariés"),
               (249, "200 à 249 salariés"), (499, "250 à 499 salariés"), (999, "500 à 999 salariés"),
               (1999, "1000 à 1999 salariés"), (4999, "2000 à 4999 salariés"), (9999, "5000 à 9999 salariés")]


STAFF_BAND_TOPS = {label: top for top, label in STAFF_BANDS}


def staff_band(staff):
    """France Travail's headcount band (trancheEffectifEtab) of a staff."""
    return next((label for top, label in STAFF_BANDS if staff <= top), "10 000 salariés et plus")


def experience_asked(record):
    """ "D", "S" or "E" as an ad's lines may say it: a wish of two years or more is asked
    ("E"), not a beginner's welcome."""
    code = record["experienceExige"]
    return "E" if code == "S" and record_years(record) >= 2 else code


GENDER_MARK = re.compile(r"\s*(\((H/F|F/H)\)|H/F|F/H)$")


def before_gender(title, words):
    """title with words added before its "(H/F)", if it ends with one."""
    m = GENDER_MARK.search(title)
    return title[:m.start()] + words + title[m.start():] if m else title + words


TITLE_PARTS = re.compile(r" [-–] ")


def night_title(rng, title):
    """A night post's title that says its nights, as real ones do (readers took a night
    appellation's tasks under "Infirmier(e) en EHPAD" for a day post's): "de nuit" after the
    post's name ("IDE de nuit - CDD 6 mois"), or a last part "- poste de nuit"."""
    parts = TITLE_PARTS.split(title, 1)
    if "accepté" in parts[0] or rng.random() < 0.35:  # ("jeune diplômé(e) accepté(e) de nuit" reads wrong)
        words = rng.choice((" - poste de nuit", " - nuit"))
        return before_gender(title, words.upper() if TITLE_PARTS.split(title)[-1].isupper() else words)
    parts[0] = before_gender(parts[0], " DE NUIT" if parts[0].isupper() else " de nuit")
    return TITLE_PARTS.search(title).group(0).join(parts) if len(parts) > 1 else parts[0]


def easter(year):
    """Easter Sunday of a year (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


@functools.lru_cache(maxsize=None)
def public_holidays(year):
    """France's eleven public holidays of a year."""
    fixed = {date(year, m, d) for m, d in ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))}
    sunday = easter(year)
    return fixed | {sunday + timedelta(days=n) for n in (1, 39, 50)}  # Easter and Whit Mondays, Ascension


def working_day(day, saturday=False, christmas=True):
    """day, or the first day after it that is no Sunday (nor Saturday, unless saturday), no
    public holiday and, unless christmas, not in the week most services close at Christmas."""
    while (day.weekday() == 6 or day.weekday() == 5 and not saturday or
           (day.date() if hasattr(day, "date") else day) in public_holidays(day.year) or
           not christmas and (day.month, day.day) >= (12, 24)):
        day += timedelta(days=1)
    return day


def french_date(day):
    """ "1er mars", "12 janvier"."""
    return ("1er" if day.day == 1 else str(day.day)) + " " + MONTHS[day.month - 1]


HEADERS = {
    "missions": ["Vos missions :", "Missions principales :", "Au quotidien :",
                 "Description du poste :", "Vos principales activités :", "Le poste :",
                 "Ce que vous ferez :", "Missions :", "Vos missions seront les suivantes :",
                 "Descriptif des missions :", "Activités principales :", "Missions du poste :",
                 "Vos responsabilités :", "Le poste en détail :"],
    "profil": ["Profil recherché :", "Votre profil :", "Ce que nous attendons :",
               "Compétences et qualités :", "Qualités attendues :", "Profil :", "Profil souhaité :",
               "Compétences requises :", "Savoir-faire et savoir-être :", "Prérequis :",
               "Votre profil et vos compétences :"],
    "conditions": ["Conditions de travail :", "Organisation du travail :", "Informations pratiques :",
                   "Conditions d'exercice :", "Conditions :", "Cadre de travail :", "Modalités du poste :",
                   "Informations complémentaires :", "Temps de travail et organisation :"],
    "avantages": ["Nous vous proposons :", "Vos avantages :", "Ce que nous offrons :",
                  "Pourquoi nous rejoindre ?", "Rémunération et avantages :", "Avantages :",
                  "Les avantages du poste :", "Ce que nous vous offrons :", "Rémunération et avantages sociaux :",
                  "Pourquoi nous choisir ?"],
}
# The share of sections a writer sets as a list rather than prose: tasks and requirements are
# mostly bulleted in real ads.
AS_LIST = {"missions": 0.8, "profil": 0.7}
# Headers that say where: "Vos missions à Rumilly :" ({a_ville} is "à Rumilly", {de_ville}
# "de Rumilly").
PLACED_HEADERS = {
    "missions": ["Vos missions {a_ville} :", "Le poste {a_ville} :", "Votre quotidien {a_ville} :",
                 "Vos principales activités sur le site {de_ville} :"],
    "profil": ["Profil recherché pour ce poste {a_ville} :", "Votre profil pour nous rejoindre {a_ville} :",
               "Ce que nous attendons pour ce poste {a_ville} :"],
    "conditions": ["Conditions de travail sur le site {de_ville} :", "Organisation du travail {a_ville} :",
                   "Informations pratiques sur le poste {a_ville} :"],
    "avantages": ["Nous vous proposons {a_ville} :", "Pourquoi nous rejoindre {a_ville} ?",
                  "Vos avantages sur le site {de_ville} :"],
}
BULLETS = ["- ", "- ", "• ", "* ", "– ", "✓ ", "> ", "✔ ", "→ ", "▪ ", "➢ ", "► ", "■ "]  # as writers set them (pasted from a word processor)
LINKS = ["", "", "", "De plus, ", "Par ailleurs, ", "En outre, ", "Au quotidien, "]
# Of which one a section at most: "Par ailleurs, ... De plus, ... En outre, ..." read as a machine's.
ADDITIVE_LINKS = {"De plus, ", "Par ailleurs, ", "En outre, "}
# A connective links sentences with a subject, not a list's fragments ("Par ailleurs, poste en
# CDI", "En outre, crèche du personnel" read as pasted).
SENTENCE_SUBJECTS = ("Vous ", "Il vous ", "Nous ")
PLACES = [  # the place comes early: what follows a fixed presentation differs between ads
    "Poste basé à {lieu} ({cp}).",
    "Lieu de travail : {lieu} ({cp}).",
    "À {lieu} ({cp}), le poste est accessible en transports en commun.",
    "Site de {lieu}, {cp}.",
    "Poste basé à {lieu} ({cp}), parking gratuit sur place.",
    "Notre site de {lieu} ({cp}) vous accueille.",
    "Lieu d'exercice : {lieu}, {cp}.",
]
HOUSEHOLD_PLACES = ["Lieu de travail : {lieu} ({cp}).", "Domicile situé à {lieu} ({cp}).",
                    "Lieu d'exercice : {lieu}, {cp}."]
CLOTURES = [  # {debut} is the start date, {limite} the closing date of applications
    "Poste à pourvoir dès le {debut}.",
    "Prise de poste souhaitée le {debut}.",
    "Avant le {limite}, merci d'adresser votre candidature (CV et lettre de motivation) via France Travail.",
    "Jusqu'au {limite}, les candidatures sont étudiées au fil de l'eau.",
    "Entretiens à partir du {entretien}, puis journée d'immersion possible.",
    "Candidatures jusqu'au {limite} ; les jeunes diplômé(e)s sont les bienvenu(e)s.",
    "Candidatures internes et externes jusqu'au {limite}.",
    "",
]
CONTACT_CLOTURES = [  # {contact} is "Mme Roussel, cadre de santé", {nom} "Mme Roussel"
    "Renseignements auprès de {contact}.",
    "Candidature (CV et lettre de motivation) à l'attention de {contact}.",
    "Entretien avec {nom} et un membre de l'équipe, suivi d'une visite du service.",
    "Pour toute question sur le poste, vous pouvez contacter {contact}.",
]
# The figures of the presentations and their details (employeurs.json), drawn once per ad.
PRESENTATION_VALUES = {
    "lits": lambda rng: str(rng.randrange(40, 420, 5)),
    "places": lambda rng: str(rng.randrange(12, 160, 2)),
    "salaries": lambda rng: num(rng.randrange(80, 3000, 20)),
    "enfants": lambda rng: str(rng.choice((20, 24, 30, 35, 40, 45, 60))),
    "annee": lambda rng: str(rng.randint(1952, 2019)),
    "recent": lambda rng: str(rng.randint(2005, 2025)),
    "certif": lambda rng: str(rng.randint(2021, 2025)),
    "km": lambda rng: str(rng.randrange(10, 55, 5)),
    "communes": lambda rng: str(rng.randint(4, 35)),
    "sites": lambda rng: str(rng.randint(2, 9)),
    "sites_reseau": lambda rng: str(rng.randint(8, 40)),
    "pro": lambda rng: str(rng.randint(14, 95)),
    "unites": lambda rng: str(rng.randint(2, 8)),
    "petit": lambda rng: str(rng.randint(10, 30)),
    "pasa": lambda rng: str(rng.randint(12, 14)),  # a PASA takes 12 to 14 residents by decree
    "petit2": lambda rng: str(rng.randint(6, 15)),
    "maison": lambda rng: str(rng.randint(6, 12)),
    "age": lambda rng: str(rng.randint(84, 90)),
    "age_ra": lambda rng: str(rng.randint(78, 86)),
    "gmp": lambda rng: str(rng.randrange(640, 830, 5)),
    "ateliers": lambda rng: str(rng.randint(4, 20)),
    "passages": lambda rng: num(rng.randrange(18000, 95000, 500)),
    "passages_chu": lambda rng: num(rng.randrange(60000, 250000, 1000)),
    "patients_chu": lambda rng: num(rng.randrange(150000, 900000, 5000)),
    "salaries_chu": lambda rng: num(rng.randrange(5000, 16000, 100)),
    "sejours": lambda rng: num(rng.randrange(8000, 60000, 500)),
    "naissances": lambda rng: num(rng.randrange(600, 3600, 10)),
    "type_mat": lambda rng: rng.choice(("1", "2a", "2b", "3")),
    "etudiants": lambda rng: num(rng.randrange(300, 1600, 10)),
    "essais": lambda rng: num(rng.randrange(200, 1500, 10)),
    "salles": lambda rng: str(rng.randint(4, 20)),
    "medecins": lambda rng: str(rng.randint(20, 150)),
    "ambulatoire": lambda rng: str(rng.randint(30, 150)),
    "creche": lambda rng: str(rng.randrange(20, 90, 2)),
    "surface": lambda rng: str(rng.randrange(120, 460, 10)),
    "surface_magasin": lambda rng: str(rng.randrange(50, 190, 10)),  # an optician's shop, not a supermarket
    "dms": lambda rng: str(rng.randint(18, 35)),
    "secteurs": lambda rng: str(rng.randint(2, 9)),
    "cmp": lambda rng: str(rng.randint(3, 14)),
    "habitants": lambda rng: num(rng.randrange(60000, 450000, 5000)),
    "beneficiaires": lambda rng: num(rng.randrange(80, 1500, 10)),
    "intervenants": lambda rng: str(rng.randint(20, 240)),
    "heures": lambda rng: num(rng.randrange(2000, 40000, 100)),
    "label": lambda rng: rng.choice(("Qualisap", "NF Service", "Cap'Handéo")),
    "minutes": lambda rng: str(rng.randint(5, 25)),
    "patients_an": lambda rng: num(rng.randrange(3000, 25000, 100)),
    "pct": lambda rng: str(rng.randint(15, 45)),
    "praticiens": lambda rng: str(rng.randint(2, 9)),
    "patientele": lambda rng: num(rng.randrange(800, 4500, 50)),
    "ouverture_cabinet": lambda rng: rng.choice(("8h à 20h", "8h30 à 19h30", "7h30 à 19h", "9h à 19h")),
    "fauteuils": lambda rng: str(rng.randint(2, 8)),
    "rdv": lambda rng: str(rng.randint(30, 120)),
    "etablissements": lambda rng: str(rng.randint(3, 25)),
    "dossiers": lambda rng: num(rng.randrange(800, 6000, 50)),
    "biologistes": lambda rng: str(rng.randint(3, 20)),
    "techniciens": lambda rng: str(rng.randint(15, 120)),
    "vaccinations": lambda rng: num(rng.randrange(150, 1500, 10)),
    "ouverture_pharmacie": lambda rng: rng.choice(("8h30 à 19h30", "9h à 19h30", "8h45 à 20h", "8h à 20h")),
    "ordonnances": lambda rng: str(rng.randint(80, 450)),
    "equipements": lambda rng: num(rng.randrange(600, 3000, 10)),
    "appareillages": lambda rng: str(rng.randint(150, 900)),
    "vehicules": lambda rng: str(rng.randint(4, 30)),
    "transports": lambda rng: num(rng.randrange(400, 4000, 10)),
    "examens": lambda rng: num(rng.randrange(20000, 140000, 1000)),
    "radiologues": lambda rng: str(rng.randint(4, 25)),
    "salles_examen": lambda rng: str(rng.randint(6, 14)),  # (an MRI, two scanners, mammography, ultrasound...)
    "salaries_suivis": lambda rng: num(rng.randrange(20000, 180000, 500)),
    "entreprises": lambda rng: num(rng.randrange(1500, 12000, 50)),
    "eleves": lambda rng: str(rng.randint(80, 600)),
    "eleves_college": lambda rng: str(rng.randint(300, 900)),
    "ecoles_pial": lambda rng: str(rng.randint(8, 45)),
    "ecoles": lambda rng: str(rng.randint(2, 12)),
    "agents_commune": lambda rng: str(rng.randint(40, 900)),
    "enfants_peri": lambda rng: num(rng.randint(60, 1200)),
    "repas": lambda rng: str(rng.randint(40, 400)),
    "menages": lambda rng: num(rng.randrange(300, 5000, 10)),
    "agents": lambda rng: num(rng.randrange(600, 4000, 50)),
    "mds": lambda rng: str(rng.randint(4, 24)),
    "sections": lambda rng: str(rng.randint(2, 4)),
    "ouverture": lambda rng: rng.choice(("7h30 à 18h30", "7h à 19h", "7h45 à 18h45", "8h à 18h30",
                                         "7h30 à 19h")),
    "reseau": lambda rng: str(rng.randint(3, 40)),
    "familles": lambda rng: str(rng.randint(80, 900)),
    "classes": lambda rng: str(rng.randint(2, 6)),
    "mesures": lambda rng: num(rng.randrange(300, 3000, 10)),
    "jeunes": lambda rng: num(rng.randrange(600, 4000, 10)),
    "moniteurs": lambda rng: str(rng.randint(4, 20)),
    "clients": lambda rng: str(rng.randint(10, 120)),
    "accueil_jour": lambda rng: str(rng.randint(40, 400)),
    "benevoles": lambda rng: str(rng.randint(12, 150)),
    "adherents": lambda rng: num(rng.randrange(150, 1500, 10)),
    "partenaires": lambda rng: str(rng.randint(20, 300)),
    "taux": lambda rng: str(rng.randint(45, 75)),
    "interimaires": lambda rng: str(rng.randint(30, 300)),
    "ages_ime": lambda rng: rng.choice(("3 à 20", "6 à 20", "6 à 14", "12 à 20", "4 à 16", "6 à 16")),
    "missions": lambda rng: str(rng.randint(20, 200)),
    "patients_smr": lambda rng: num(rng.randrange(600, 4000, 10)),
    "infirmiers": lambda rng: str(rng.randint(2, 8)),
    "couverts": lambda rng: str(rng.randrange(30, 250, 5)),
    "couverts_self": lambda rng: str(rng.randrange(150, 650, 10)),
    "lits_smr": lambda rng: str(rng.randint(15, 90)),
    "specialites": lambda rng: str(rng.randint(40, 90)),
    "fermeture": lambda rng: "4",  # three weeks in summer and one at Christmas, as the banks' closures say
    "familles_mc": lambda rng: str(rng.randint(14, 30)),
    "jours_mc": lambda rng: str(rng.randint(2, 4)),
    "jours_aj": lambda rng: str(rng.randint(3, 6)),
    "visites": lambda rng: num(rng.randrange(5000, 40000, 100)),
    "lits_usld": lambda rng: str(rng.randrange(30, 125, 5)),
    "lits_ch": lambda rng: num(rng.randrange(180, 1300, 10)),
    "lits_ehpad": lambda rng: str(rng.randrange(50, 185, 5)),
    "publications": lambda rng: num(rng.randrange(300, 2500, 10)),
    "places_urgence": lambda rng: rng.choice(("une place", "deux places")),
    "annee_caf": lambda rng: str(rng.randint(2015, 2025)),
    "stagiaires": lambda rng: str(rng.randint(20, 160)),
    "duree_usld": lambda rng: str(rng.randint(14, 40)),
    "pct_retour": lambda rng: str(rng.randint(62, 88)),
}


# "de Irigny", "à Le Mans", "de Les Sables-d'Olonne" as French writes them. An initial H is left
# alone: it may be aspirated ("de Haguenau").
CONTRACTIONS = [(re.compile(r"\bde ([AEIOUYÂÊÎÔÛÉÈ])"), r"d'\1"),
                (re.compile(r"\bde Le "), "du "), (re.compile(r"\bde Les "), "des "),
                (re.compile(r"\bà Le "), "au "), (re.compile(r"\bà Les "), "aux "),
                (re.compile(r"\bÀ Le "), "Au "), (re.compile(r"\bÀ Les "), "Aux ")]


CONTRACTED = {"de Le ": "du ", "de Les ": "des ", "à Le ": "au ", "à Les ": "aux ", "À Le ": "Au ",
              "À Les ": "Aux "}
# CONTRACTIONS in one pass: "de" before a vowel, "de", "à", "À" before "Le " and "Les ".
CONTRACTION = re.compile(r"\bde (?=[AEIOUYÂÊÎÔÛÉÈ])|\b(?:de|à|À) Les? ")


def contract(text):
    """text with "de" and "à" elided or contracted before the place names filled into it (the
    CONTRACTIONS, in one pass)."""
    return CONTRACTION.sub(lambda m: CONTRACTED.get(m.group(0), "d'"), text)


# Where the work is done, said in an ad's tasks as its writer would: the same unit, team and
# town throughout one ad, different from one ad to the next (so that two ads drawing the same
# tasks from a bank rarely share a long run of text).
UNIT_KINDS = ["l'unité", "le pavillon", "l'aile", "le secteur"]
UNIT_KINDS_HOSPITAL = UNIT_KINDS + ["le service"]
UNIT_KINDS_RESIDENCE = UNIT_KINDS + ["la résidence", "la maisonnée"]
UNIT_KINDS_YOUTH = ["le groupe", "le groupe de vie", "le pavillon", "l'unité"]
UNIT_KINDS_SHELTER = ["le service", "le pavillon", "l'unité", "le bâtiment"]
FEMININE_UNITS = ("l'unité", "l'aile", "la résidence", "la maisonnée", "l'unité de vie protégée", "l'unité protégée")
PROTECTED_UNIT = re.compile(r"\bUVP\b|[Uu]nité (de vie )?protégée|UNITÉ (DE VIE )?PROTÉGÉE|[Uu]nité Alzheimer|UNITÉ ALZHEIMER")
COLOURS = {"Bleu": "Bleue", "Vert": "Verte"}


def agreed(unit_kind, name):
    """ "l'aile" and "Bleu": "l'aile Bleue"; "le pavillon Bleu"."""
    return unit_kind + " " + (COLOURS.get(name, name) if unit_kind in FEMININE_UNITS else name)


# A hospital title's service, which names the ad's unit ("IDE - Cardiologie": "le service de
# cardiologie"), so that its text says what its title promised (readers found 998 of 1,045
# cardiology titles never echoed).
TITLE_SERVICES = [(re.compile(p), unit) for p, unit in (
    (r"[Cc]ardio|CARDIO", "le service de cardiologie"),
    (r"[Oo]rthopédi|ORTHOPÉDI|\bortho\b", "le service de chirurgie orthopédique"),
    (r"[Aa]ddicto|ADDICTO", "le service d'addictologie"),
    (r"[Oo]ncolog|ONCOLOG|[Hh]ématolog|HÉMATOLOG", "le service d'oncologie"),
    (r"[Pp]neumo|PNEUMO", "le service de pneumologie"),
    (r"[Nn]éphro|NÉPHRO|[Dd]ialyse|DIALYSE", "le service de néphrologie et dialyse"),
    (r"[Nn]eurolog|NEUROLOG", "le service de neurologie"),
    (r"[Gg]astro|GASTRO", "le service de gastro-entérologie"),
    (r"[Mm]édecine polyvalente|MÉDECINE POLYVALENTE|[Mm]édecine interne|MÉDECINE INTERNE", "le service de médecine polyvalente"),
    (r"[Ss]oins palliatifs|SOINS PALLIATIFS", "l'unité de soins palliatifs"),
    (r"[Rr]éanimation|RÉANIMATION", "le service de réanimation"),
    (r"[Nn]éonat|NÉONAT", "le service de néonatologie"),
    (r"(?<!congé )[Mm]aternité|(?<!CONGÉ )MATERNITÉ", "la maternité"),
    (r"[Pp]édiatri|PÉDIATRI", "le service de pédiatrie"),
    (r"[Cc]hirurgie|CHIRURGIE", "le service de chirurgie"))]


@functools.lru_cache(maxsize=None)
def title_service(title):
    """The service a hospital title names, as the ad's unit, or None."""
    return next((unit for pattern, unit in TITLE_SERVICES if pattern.search(title)), None)


UNIT_NAMES = ["des Tilleuls", "des Glycines", "des Lilas", "des Oliviers", "des Cèdres",
              "des Érables", "des Mimosas", "des Hortensias", "des Bleuets", "des Coquelicots",
              "des Camélias", "des Magnolias", "des Acacias", "des Peupliers", "des Platanes",
              "Arc-en-ciel", "Beausoleil", "Bellevue", "Horizon", "Mistral", "Azur", "Soleil",
              "Ariane", "Jasmin", "Capucine", "Iris", "Lavande", "Marguerite", "Pervenche",
              "A", "B", "C", "Nord", "Sud", "Est", "Ouest", "Bleu", "Vert", "Orange"]
# The métiers whose days are spent with a unit's patients or residents, who may count them.
BEDSIDE_SLUGS = {"aide-soignant", "infirmier-en-soins-generaux-ide", "infirmier-en-psychiatrie",
                 "accompagnant-educatif-et-social-aes", "auxiliaire-de-puericulture", "puericulteur",
                 "moniteur-educateur", "educateur-specialise", "assistant-de-soins-en-gerontologie-asg"}
# Who an employer houses or treats, by kind, with the unit sizes it has.
PUBLICS = {"ch": ("patients", 12, 40), "chu": ("patients", 12, 40), "clinique": ("patients", 12, 40),
           "smr": ("patients", 15, 40), "epsm": ("patients", 12, 30), "usld": ("résidents", 20, 45),
           "ehpad": ("résidents", 12, 45), "residence-autonomie": ("résidents", 12, 30),
           "mas": ("résidents", 8, 15), "fam": ("résidents", 8, 15), "foyer-de-vie": ("résidents", 8, 20),
           "ime": ("enfants et adolescents", 6, 16), "itep": ("jeunes", 6, 14), "mecs": ("jeunes", 6, 14),
           "foyer-enfance": ("jeunes", 6, 14), "chrs": ("personnes hébergées", 15, 80)}
OPENING_HOURS = ["7h30 à 18h30", "7h à 19h", "7h45 à 18h45", "8h à 18h30", "7h30 à 19h"]
FOLLOWED_COUNTS = {"saad": (200, 1500), "ssiad": (25, 120), "had": (20, 150), "service-mandataire": (300, 3000)}
# The share of the people of its area a home service helps at most.
FOLLOWED_SHARE = {"saad": 0.03, "ssiad": 0.006}
SECTIONS = ["bébés", "moyens", "grands", "moyens-grands", "bébés-moyens"]
FLOORS = ["au rez-de-chaussée", "au 1er étage", "au 2e étage", "au 3e étage", "au 4e étage",
          "au 5e étage"]
TEAM_SIZES = {"unit": (6, 45), "domicile": (8, 60), "enfance": (6, 25), "office": (3, 15),
              "particulier": (1, 1), "accueil": (4, 20), "micro-creche": (4, 6), "pharmacie": (4, 20), "laboratoire": (6, 40),
              "centre-imagerie": (6, 40), "esat": (8, 30), "conseil-departemental": (6, 30),
              "relais-petite-enfance": (2, 4)}  # a relais is two to four animatrices
# Whom an office-like employer receives, with how many.
OFFICE_PUBLICS = {
    "cabinet-liberal": ("patients reçus chaque semaine", 60, 250),
    "cabinet-dentaire": ("patients reçus chaque semaine", 60, 250),
    "centre-de-sante": ("patients reçus chaque jour", 40, 200),
    "centre-imagerie": ("patients reçus chaque jour", 60, 300),
    "laboratoire": ("patients prélevés chaque jour", 40, 300),
    "pharmacie": ("patients servis chaque jour", 80, 400),
    "magasin-optique": ("clients reçus chaque semaine", 40, 200),
    "centre-audition": ("patients appareillés suivis par le centre", 200, 1500),
    "education-nationale": ("élèves accompagnés sur le secteur", 8, 60),
    "collectivite": ("enfants accueillis chaque jour", 20, 200),
    "ccas": ("personnes accompagnées par le service", 60, 900),
    "conseil-departemental": ("familles suivies par l'équipe", 80, 600),
    "centre-social": ("familles adhérentes", 150, 1500),
    "association-insertion": ("personnes accompagnées chaque année par l'équipe", 30, 120),  # a worksite's dozens
    "esat": ("travailleurs de l'établissement", 30, 140),
    "service-sante-travail": ("salariés suivis par l'équipe", 3000, 12000),
}
# Métiers whose public is their own, whoever employs them: a street educator meets the young
# people of the streets, not a centre social's member families.
PUBLIC_OF_SLUG = {"educateur-prevention-specialisee": ("jeunes rencontrés chaque année par l'équipe", 60, 300)}
# Métiers of towns big enough to have quarters that need them: the smallest town they work in.
URBAN_SLUGS = {"mediateur-social": 20000, "educateur-prevention-specialisee": 20000, "mediateur-en-sante": 20000}
# Words of a title that say nothing of the post itself.
NAME_STOPWORDS = {"poste", "temps", "plein", "partiel", "débutant", "débutante", "accepté", "acceptée", "diplômé",
                  "diplômée", "jeune", "jeunes", "contrat", "remplacement", "mission", "missions", "service", "semaine",
                  "week-end", "nuits", "journée", "renouvelable", "possible", "expérimenté", "expérimentée",
                  "avec", "pour", "dans", "sans", "plus", "chez", "tout", "jour"}


def name_words(text):
    """The words of four letters or more a post's name holds, lower-cased ("nuit", "pool")."""
    return {w for w in re.findall(r"[a-zà-öø-ÿ]{4,}", text.lower()) if w not in NAME_STOPWORDS}


def closest_names(title, appellations):
    """The appellations that share the most words with the title ("Pharmacien biologiste": not
    "Médecin biologiste"; "Animateur familles": not "Animateur jeunesse"), all of them when no
    word tells them apart."""
    words = name_words(title)
    shared = [len(words & name_words(a)) for a in appellations]
    best = max(shared, default=0)
    if best == 0 or best == min(shared):
        return appellations
    return [a for a, n in zip(appellations, shared) if n == best]


# A line for some posts of the métier only ("exigé pour les postes d'échographie"): it fits an ad
# whose title, appellation or employer kind names one of the words of that post.
CHILD_PSYCHIATRY = re.compile(r"[Pp]édopsychiatr|PÉDOPSYCHIATR|[Pp]sychiatrie infanto|[Pp]sychiatrie de l'enfant")
ADULT_RELAY = re.compile(r"[Aa]dultes?-relais|ADULTES?-RELAIS")
FOR_SOME_POSTS = re.compile(r" pour (les|le) postes? (d'|de |du |en )([^.,;]+)")
FOR_SOME_POSTS_STOPWORDS = {"de", "du", "des", "en", "et", "la", "le", "les", "ou", "un", "une", "entre", "plusieurs"}


@functools.lru_cache(maxsize=None)
def named_posts(line):
    """The words of the posts a line is for (("échographie",) for "... pour les postes
    d'échographie"), or None for a line for every post."""
    m = FOR_SOME_POSTS.search(line)
    if not m:
        return ("relais",) if ADULT_RELAY.search(line) else None  # an adulte-relais post's, by its title
    return tuple(w for w in re.findall(r"[\w+]{3,}", m.group(3).lower()) if w not in FOR_SOME_POSTS_STOPWORDS)


# The city's priority districts (QPV), which a town of under 20,000 seldom has.
PRIORITY_AREA = re.compile(r"quartiers? (dits? )?prioritaires?|\bQPV\b|politique de la ville")
PRIORITY_AREA_TOWN = 20000
# Métiers that work with families and children at home, and presentations of a service for the elderly.
FAMILY_SLUGS = {"technicien-intervention-sociale-familiale-tisf", "garde-d-enfants"}
ELDERLY_PUBLIC = re.compile(r"personnes âgées")
# Métiers of pupils with disabilities (AESH, interpreters), and the pupils other métiers of schools see.
INCLUSION_SLUGS = {"accompagnant-eleves-situation-handicap-aesh", "interprete-langue-des-signes"}
SCHOOL_PUBLIC = ("élèves des établissements du secteur", 300, 1500)
INCLUSION_WORDS = re.compile(r"situation de handicap|\bPIAL\b")
# A town's service for its people (not its children's).
TOWN_PUBLIC = ("habitants accompagnés chaque année par le service", 60, 900)
# Métiers of the children a town looks after (crèches, schools, PMI).
CHILDREN_SLUGS = {"atsem", "accompagnant-eleves-situation-handicap-aesh", "agent-petite-enfance",
                  "auxiliaire-de-puericulture", "educateur-de-jeunes-enfants-eje", "directeur-eaje", "assistant-maternel",
                  "puericulteur", "medecin-pmi", "infirmier-scolaire", "animateur-socioculturel"}
# The métiers a Département's child and family directorate hires (ASE, PMI, family placement).
DEPARTMENT_FAMILY_SLUGS = {"auxiliaire-de-puericulture", "technicien-intervention-sociale-familiale-tisf", "sage-femme",
                           "medecin-pmi", "educateur-prevention-specialisee", "educateur-specialise", "psychologue",
                           "conseiller-conjugal-et-familial", "chef-de-service-socio-educatif", "puericulteur",
                           "mediateur-familial", "assistant-familial", "pediatre", "assistant-de-service-social"}
# A town's presentations and details about its children's services.
CHILDREN_SERVICES = re.compile(r"petite enfance|enfance-jeunesse|écoles maternelles|[Ss]ervice enfance|crèche municipale")


def serves_children(famille, slug):
    """Whether a métier works for a town's children."""
    return famille == "petite-enfance" or slug in CHILDREN_SLUGS


# Employers the introduction's figures ("Nous recevons près de 300 personnes par semaine") do not fit.
NO_FIGURES = {"agence-interim", "education-nationale", "collectivite", "esat", "service-sante-travail",
              "conseil-departemental", "ambulances", "transport-adapte"}
EDUCATIVE_KINDS = {"ime", "itep", "mecs", "foyer-enfance", "foyer-de-vie", "chrs"}
# Kinds that work daytime hours only.
# Employers open on weekdays only: no 12-hour rota, no weekend on duty, no inpatients.
WEEKDAY_PLACES = {"centre-de-sante", "cabinet-dentaire", "centre-imagerie", "laboratoire", "service-sante-travail",
                  "education-nationale", "eaje", "micro-creche", "relais-petite-enfance", "sessad"}
DAY_KINDS = {"cabinet-dentaire", "laboratoire", "education-nationale", "eaje", "micro-creche",
             "relais-petite-enfance", "cabinet-liberal", "centre-de-sante", "service-sante-travail",
             "collectivite", "conseil-departemental", "centre-imagerie", "ccas", "centre-social",
             "association-insertion", "esat", "sessad", "magasin-optique", "centre-audition", "pharmacie"}


# The figure of a presentation that counts the places of an employer organised in units.
# A hospital's beds (its presentation's figure, the fewest, and one more bed per so many of its
# town's people): a town of 9,500 has no 990-bed hospital.
# A kind said twice, by the presentation and by the name it fills in ("le foyer de vie Foyer de
# vie de Bruges"), but not a reflexive pronoun ("nous nous engageons") nor a number ("100 100 habitants").
SAID_TWICE = re.compile(r"\b(?!(?:nous|vous)\b)([^\W\d][\w'-]{2,}(?: [\w'-]+){0,3}) \1\b", re.I)
# Services a clinic's title may name, and the presentations that list them (a private hospital's
# says none and fits all).
CLINIC_SERVICES = [(re.compile(r"[Bb]loc|BLOC|SSPI|[Cc]hirurg|CHIRURG|[Oo]rthop|ORTHOP|[Aa]nesth"), {"bloc"},
                    re.compile(r"chirurgie|bloc opératoire")),
                   (re.compile(r"[Pp]sychiatr|PSYCHIATR"), {"psychiatrie"}, re.compile(r"psychiatrie|hôpital privé")),
                   (re.compile(r"[Mm]aternit|MATERNIT|[Nn]éonat|NÉONAT|[Oo]bstétr"), {"maternite", "naissance", "neonat"},
                    re.compile(r"maternité|hôpital privé")),
                   (re.compile(r"[Uu]rgences|URGENCES"), {"urgences"}, re.compile(r"urgences|hôpital privé")),
                   (re.compile(r"\bSMR\b|[Rr]éadaptation|RÉADAPTATION"), {"readaptation"}, re.compile(r"réadaptation|hôpital privé")),
                   (re.compile(r"[Pp]édiatr|PÉDIATR"), {"pediatrie"}, re.compile(r"pédiatrie|hôpital privé"))]
# A clinic's presentation that lists a maternity or psychiatry among its services.
MANY_SERVICES = re.compile(r"réunit[^.]*(maternité|psychiatrie|urgences)|[Pp]olyclinique pluridisciplinaire")
# A presentation of a house attached to its town's public hospital.
ATTACHED_TO_HOSPITAL = re.compile(r"[Rr]attachée? (au pôle gériatrie )?du centre hospitalier|[Rr]attachée? au centre hospitalier")
VILLAGE_SIZE = 5000  # fewer inhabitants: no town centre, districts or agglomération of its own
# (nor residences for the elderly, a health centre's several doctors or a home service's big team)
TOWN_WORDS = re.compile(r"[Aa]gglomération|centre-ville|quartiers|résidences autonomie|pluriprofessionnelle qui réunit|"
                        r"La ville de \{ville\} \(|ses écoles maternelles et ses structures|Maison de quartier|"
                        r"\{ecoles\} écoles")  # (a village has one school, if any)
# Métiers whose home services are associations' (the CAF's family help), not companies'.
FAMILY_SERVICE_SLUGS = {"technicien-intervention-sociale-familiale-tisf"}
# Carers who take someone into their home for good, and the words that say it.
FOSTER_SLUGS = {"assistant-familial", "accueillant-familial"}
ROUND_THE_CLOCK = re.compile(r"24 heures sur 24|24 ?h ?/ ?24|[Aa]ccueil permanent|7 jours sur 7|sept jours sur sept")
# A title that says its hours are not office hours.
TITLE_SHIFTED = re.compile(r"[Aa]typiques?|ATYPIQUES?|[Dd]écalés|DÉCALÉS")
# Words that say the weekends a post works.
WEEKEND_SAID = re.compile(r"[Ww]eek-ends?|[Ss]amedis?|[Dd]imanches?")
# Posts within a métier that an ad's appellation names only when its title does.
TITLE_ONLY_POSTS = [re.compile(r"[Oo]rthodont|ORTHODONT"), re.compile(r"[Gg]arde de nuit|GARDE DE NUIT"),
                    re.compile(r"[Cc]hef d'équipe|CHEF D'ÉQUIPE")]
# What a title promises that no bank line may say: (the title's words, the words that say it
# already, the task that says it; {0} is the title's first group).
TITLE_ECHOES = [  # (the title's words, the text's words that say them, lines saying them, the métiers or None)
    (re.compile(r"[Bb]ilingue (anglais|espagnol|allemand|italien|arabe|portugais)"), re.compile(r"bilingue|[Aa]nglais|[Ee]spagnol|[Aa]llemand|[Ii]talien|[Aa]rabe|[Pp]ortugais"),
     ("Vous parlez {0} avec les enfants au quotidien, comme le souhaitent les parents.",
      "Vous échangez en {0} avec les enfants pendant les jeux, les repas et les lectures."), {"garde-d-enfants"}),
    (re.compile(r"[Bb]ilingue (arabe|anglais|espagnol|portugais)"), re.compile(r"[Bb]ilingue|[Aa]rabe|[Aa]nglais|[Ee]spagnol|[Pp]ortugais"),
     ("Vous accueillez en {0} les patients qui ne parlent pas français et les aidez à se faire comprendre des soignants.",
      "Vous parlez {0} avec les patients non francophones et les accompagnez dans leurs démarches de soins."), None),
    (re.compile(r"CSAPA"), re.compile(r"CSAPA"),
     ("Vous accueillez et accompagnez les usagers du CSAPA, en lien avec l'équipe médicale, sociale et éducative.",
      "Vous suivez les usagers du CSAPA avec une équipe à la fois médicale, sociale et éducative."), None),
    (re.compile(r"[Aa]ddictolog|ADDICTOLOG"), re.compile(r"[Aa]ddict|[Ss]evrage"),
     ("Vous accompagnez des patients en addictologie, du sevrage à la préparation de leur sortie.",
      "Vous prenez en charge des patients en addictologie, pendant leur sevrage puis jusqu'à leur sortie."), None),
    (re.compile(r"\bSESSAD\b"), re.compile(r"SESSAD|[Ss]ervice d'éducation spéciale"),
     ("Vous intervenez auprès des enfants suivis par le SESSAD, à domicile, à l'école et sur leurs lieux de loisirs.",
      "Vous suivez des enfants du SESSAD là où ils vivent : à la maison, à l'école, sur leurs lieux de loisirs."), None),
    (re.compile(r"[Ss]tériles?\b|STÉRILES?\b"), re.compile(r"stériles?\b"),
     ("Vous assurez l'approvisionnement, le suivi des stocks et la traçabilité des dispositifs médicaux stériles.",
      "Vous gérez les stocks, la distribution et la traçabilité des dispositifs médicaux stériles."), None),
    (re.compile(r"[Gg]arde partagée|GARDE PARTAGÉE"), re.compile(r"[Gg]arde partagée|deux familles"),
     ("Vous gardez ensemble les enfants de deux familles, en alternance au domicile de chacune.",
      "Garde partagée : vous vous occupez des enfants de deux familles, chez l'une puis chez l'autre."), None),
    (re.compile(r"\bBTP\b"), re.compile(r"\bBTP\b|chantiers?"),
     ("Vous suivez les salariés des entreprises adhérentes du BTP et les sensibilisez aux risques des chantiers : chutes, bruit, port de charges.",
      "Vous recevez en entretien les salariés du BTP et menez des actions de prévention sur les chantiers (chutes, bruit, manutention)."), {"infirmier-sante-au-travail"}),
    (re.compile(r"[Pp]récarité|PRÉCARITÉ|\bEMPP\b"), re.compile(r"précarité|sans abri|[Mm]araudes?"),
     ("Vous allez à la rencontre des personnes sans abri ou en grande précarité, dans la rue et en structure d'hébergement, pour repérer leurs troubles psychiques.",
      "Avec les maraudes et les centres d'hébergement, vous orientez vers le soin les personnes en grande précarité qui souffrent de troubles psychiques."),
     {"infirmier-en-psychiatrie", "psychiatre", "psychologue"}),
    (re.compile(r"[Cc]ontactolog"), re.compile(r"[Cc]ontactolog|lentilles"),
     ("Vous adaptez les lentilles de contact : prise de mesures, essais, apprentissage de la pose et suivi du porteur.",
      "Vous assurez l'adaptation et le suivi des porteurs de lentilles de contact, de l'essai à l'apprentissage de la pose."),
     None),
    (re.compile(r"([Pp]ool|POOL)\b(?!.*crèches)"), re.compile(r"[Pp]ool|[Rr]emplacements?\b|plusieurs services|[Vv]olante?"),
     ("Vous remplacez les absences dans les différents services, au gré des besoins du planning.",
      "Rattaché(e) au pool, vous intervenez dans plusieurs services selon les absences à couvrir."), None),
    (re.compile(r"[Cc]ardiolog|CARDIOLOG"), re.compile(r"[Cc]ardi|ECG|électrocardiogramme|thoracique|\bscope\b"),
     ("Vous surveillez les patients de cardiologie sous scope.",
      "Vous réalisez les ECG prescrits par le cardiologue.",
      "Vous repérez toute douleur thoracique et alertez le cardiologue.",
      "En cardiologie, vous guettez essoufflement et œdèmes.",
      "Vous surveillez le rythme cardiaque des patients sous scope."),
     {"infirmier-en-soins-generaux-ide"}),
    (re.compile(r"[Ss]ection des bébés|SECTION DES BÉBÉS"), re.compile(r"bébés?\b|biberons?|nourrissons?"),
     ("Vous accompagnez les bébés de la section au rythme de chacun : biberons, changes, siestes et temps d'éveil.",
      "Auprès des bébés de la section, vous assurez biberons, changes et moments d'éveil, en suivant le rythme de chacun."),
     {"agent-petite-enfance", "auxiliaire-de-puericulture", "educateur-de-jeunes-enfants-eje"}),
    (re.compile(r"[Cc]hirurgie orthopédique|CHIRURGIE ORTHOPÉDIQUE"), re.compile(r"orthopédi|prothèses? de (hanche|genou)|fractures?"),
     ("Vous prenez en charge des patients opérés d'une prothèse de hanche ou de genou ou d'une fracture, du retour de bloc au premier lever.",
      "Auprès des patients de chirurgie orthopédique (prothèses de hanche ou de genou, fractures), vous surveillez la douleur et la mobilisation."),
     {"infirmier-en-soins-generaux-ide", "aide-soignant"}),
    (re.compile(r"[Pp]olyhandicap|POLYHANDICAP"), re.compile(r"[Pp]olyhandicap"),
     ("Vous accompagnez au quotidien des personnes polyhandicapées : installation, repas, soins de confort et communication non verbale.",
      "Vous êtes attentif(ve) à la communication non verbale des personnes polyhandicapées que vous aidez dans les gestes du quotidien."),
     {"accompagnant-educatif-et-social-aes", "aide-soignant", "moniteur-educateur", "educateur-specialise"}),
    (re.compile(r"\bPDA\b"), re.compile(r"\bPDA\b|doses à administrer"),
     ("Vous êtes responsable de la préparation des doses à administrer (PDA) pour les EHPAD que dessert l'officine.",
      "Vous organisez la PDA (préparation des doses à administrer) des résidents des EHPAD partenaires de l'officine."),
     {"preparateur-en-pharmacie"}),
]
# A post's name with a complement ("psychomotricien en établissement médico-social"), and the
# reasons that add a quality after the name.
LONG_POST_NAME = re.compile(r" (en|de|du|des|à|au|aux|auprès|pour|chargée?\(?e?\)?) ")
QUALITY_AFTER_POST = re.compile(r"\{poste\} (motivé|de confiance)")
# Libéraux whose work is rounds at their patients' homes, and the words of a practice that
# receives by appointment.
HOME_ROUND_SLUGS = {"infirmier-liberal"}
OFFICE_HOURS = re.compile(r"rendez-vous par jour|est ouvert du")
ACUTE_CARE = re.compile(r"urgences|[Mm]aternité|bloc opératoire|plateau technique complet")
@functools.lru_cache(maxsize=None)
def acute_only(titles):
    """Whether every title of a métier names a ward only a hospital with acute care has."""
    return all(ACUTE_TITLE.search(t) for t in titles)


# Métiers of maternities and children's wards, which a hôpital de proximité has none of.
BIRTH_SLUGS = {"auxiliaire-de-puericulture", "puericulteur", "sage-femme"}
# Titles of wards only a hospital with acute care has.
ACUTE_TITLE = re.compile(r"[Uu]rgences|URGENCES|[Mm]aternité|MATERNITÉ|\bbloc\b|\bBLOC\b|[Oo]ncolog|ONCOLOG|[Cc]ancéro|"
                         r"[Rr]éanimation|RÉANIMATION|[Cc]hirurgi|CHIRURGI|[Nn]éonat|NÉONAT|[Cc]ardiolog|CARDIOLOG|"
                         r"[Rr]adiothérapie|[Dd]ialyse|DIALYSE|\bSMUR\b|\bIBODE\b|\bIADE\b|[Aa]nesthés|ANESTHÉS")
HOSPITAL_BEDS = {"ch": ("lits_ch", 180, 50), "clinique": ("lits", 40, 100), "smr": ("lits", 60, 100)}
# A maternity's types and yearly births by its hospital's size: a type 3 does some thousands.
MATERNITY_LEVELS = [(("1", 300, 900), ("2a", 600, 1400)), (("2a", 800, 1800), ("2b", 1200, 2500)),
                    (("2b", 1500, 3000), ("3", 2500, 4800))]
CAPACITIES = {"ehpad": "lits_ehpad", "usld": "lits_usld", "residence-autonomie": "places", "mas": "places",
              "fam": "places", "foyer-de-vie": "places", "mecs": "places", "chrs": "places", "foyer-enfance": "places"}


# Employers with no night work.
NIGHTLESS = DAY_KINDS | {"ssiad", "had"}  # (a home hospital's nights are its nurses' on-call)
# Titles of summer replacements.
SUMMER = re.compile(r"(?<!\w)(été|ÉTÉ)\b|juillet|août|rentrée")  # (titles of spring and summer: a September start)


# Employers organised in units around the people they house or treat.
UNIT_EMPLOYERS = {"ehpad", "residence-autonomie", "usld", "ch", "chu", "clinique", "smr", "epsm",
                  "ime", "itep", "mas", "fam", "foyer-de-vie", "mecs", "foyer-enfance", "chrs"}
PETITE_ENFANCE_EMPLOYERS = {"eaje", "micro-creche", "relais-petite-enfance"}


def of(noun_phrase):
    """ "de" before a noun phrase: "du secteur", "de l'unité", "des Lilas"."""
    for article, contracted in (("le ", "du "), ("les ", "des ")):
        if noun_phrase.startswith(article):
            return contracted + noun_phrase[len(article):]
    return "de " + noun_phrase


def at(noun_phrase):
    """ "à" before a noun phrase: "au pavillon", "à l'unité", "à la résidence"."""
    if noun_phrase.startswith("le "):
        return "au " + noun_phrase[3:]
    return "à " + noun_phrase


# Métiers whose work is done in the homes of the people helped: a CCAS, a centre social or a
# Département that employs them runs a home service, not an office ("dans nos locaux").
HOME_CARE_SLUGS = {"aide-a-domicile", "assistant-de-vie-aux-familles-advf", "assistant-de-vie-dependance",
                   "employe-familial", "garde-d-enfants", "technicien-intervention-sociale-familiale-tisf",
                   "responsable-secteur-aide-domicile"}
# Métiers of a CCAS's home-care and elderly services, whose presentation may be those services'.
CCAS_HOME_SLUGS = HOME_CARE_SLUGS | {"responsable-secteur-aide-domicile", "animateur-en-gerontologie", "aide-soignant",
                                    "directeur-etablissement-personnes-agees", "medecin-coordonnateur-ehpad",
                                    "infirmier-en-soins-generaux-ide", "accompagnant-educatif-et-social-aes",
                                    "conducteur-accompagnateur-pmr", "secretaire-medico-social"}
HOME_SERVICE_RUNNERS = {"ccas", "centre-social", "conseil-departemental"}
# Métiers of a crèche, which a town or a centre social may run.
CRECHE_SLUGS = {"agent-petite-enfance", "auxiliaire-de-puericulture", "educateur-de-jeunes-enfants-eje", "directeur-eaje"}
# Métiers that run a whole house or service, not one of its units.
MANAGER_SLUGS = {"directeur-etablissement-medico-social", "directeur-etablissement-personnes-agees",
                 "infirmier-coordonnateur-idec", "medecin-coordonnateur-ehpad", "chef-de-service-socio-educatif",
                 "directeur-eaje"}
# Métiers of a hospital's or a house's departments, which serve all its units: where they work.
DEPARTMENT_OF_SLUG = {
    "infirmier-anesthesiste-iade": "au bloc opératoire", "infirmier-de-bloc-operatoire-ibode": "au bloc opératoire",
    "manipulateur-electroradiologie-medicale": "au plateau technique", "agent-de-sterilisation": "au service de stérilisation",
    "preparateur-pharmacie-hospitaliere": "à la pharmacie à usage intérieur", "pharmacien": "à la pharmacie à usage intérieur",
    "brancardier": "au service de brancardage", "dieteticien": "au service diététique",
    "orthoptiste": "à la consultation d'ophtalmologie",
    "secretaire-medical": "au secrétariat médical", "secretaire-medico-social": "au secrétariat",
    "tuteur-aux-majeurs-proteges": "au service des mandataires",
    "assistant-de-service-social": "au service social", "mandataire-judiciaire-protection-majeurs-mjpm":
    "au service des majeurs protégés", "technicien-laboratoire-medical": "au laboratoire",
    "biologiste-medical": "au laboratoire", "secretaire-medical": "au secrétariat médical",
    "orthoprothesiste": "à l'atelier d'appareillage", "mediateur-en-sante": "à la permanence d'accès aux soins de santé",
    "medecin-du-travail": "au service de santé au travail du personnel"}
# Doctors, who see a whole home's residents, not one unit's.
DOCTOR_SLUGS = {"medecin-generaliste", "medecin-coordonnateur-ehpad", "geriatre", "psychiatre", "pediatre"}
# Therapists, who in a hospital work on its rehabilitation platform for all its units.
REHAB_SLUGS = {"masseur-kinesitherapeute", "ergotherapeute", "enseignant-activite-physique-adaptee", "psychomotricien",
               "orthophoniste"}
# Métiers that work in their own home: the household that employs them is not where they work.
OWN_HOME_SLUGS = {"assistant-maternel", "accueillant-familial", "assistant-familial"}


def setting(kind, famille, slug=""):
    """How the work is organised: "unit", "domicile", "enfance", "office" or "particulier"."""
    if kind == "particulier-employeur":
        return "particulier"
    if slug in OWN_HOME_SLUGS:
        return "accueil"  # a foster carer employed by a service works at home
    if slug in HOME_CARE_SLUGS and kind in HOME_SERVICE_RUNNERS:
        return "domicile"
    if slug in CRECHE_SLUGS and kind in HOME_SERVICE_RUNNERS | {"collectivite"}:
        return "enfance"  # a centre social's or a town's crèche
    if kind not in UNIT_EMPLOYERS | PETITE_ENFANCE_EMPLOYERS | DOMICILE_KINDS:
        return "office"
    if kind in DOMICILE_KINDS:
        return "domicile"
    # A crèche's sections; not in a house for older children (an IME takes them from 3 or 6 to
    # 20), even for a petite-enfance métier.
    if kind in PETITE_ENFANCE_EMPLOYERS or famille == "petite-enfance" and kind not in ("ime", "itep", "mecs"):
        return "enfance"
    return "unit"


class Ad:
    """The facts of one ad, drawn once and said in several of its places: the unit and its
    size, the team, the shifts, the person to contact, the contract and hours (terms)."""

    def __init__(self, rng, kind, famille, ville, terms, post="", slug="", specialties=frozenset(), title="",
                 population=0):
        self.kind, self.famille, self.ville, self.slug = kind, famille, ville, slug
        self.specialties = specialties  # those the title names (SPECIALTIES), or one drawn for the ad
        self.de_ville, self.a_ville = contract("de " + ville), contract("à " + ville)
        (self.contrat, self.months, self.days, self.partiel, self.hours, self.night,
         self.schedule, self.alternance, self.nature) = terms
        self.setting = setting(kind, famille, slug)
        self.team = rng.randint(*TEAM_SIZES.get(kind, TEAM_SIZES[self.setting]))
        # an agency's client is one distance from it, and its missions lie within the smallest
        # radius its presentation may name (10 km)
        self.client_km = rng.randint(2, 9) if kind == "agence-interim" else 0
        if kind in EDUCATIVE_KINDS:
            self.team = rng.randint(6, 20)
        self.contact = Person(rng, kind, post, title)  # a responsable de secteur's is the director
        self.weekend = rng.choice(WEEKENDS)
        if kind in WEEKDAY_HOUSES:  # an internat de semaine closes at weekends; a part-time post works some days
            self.weekend = "du lundi au vendredi" if self.hours >= 35 else "%d jours par semaine" % max(2, round(self.hours / 7.5))
        # Figures said in several places of the ad: the communes around the town, the people
        # the service follows, those an office receives.
        self.communes = rng.randint(4, 25)
        self.population = population
        if population >= 100000:  # a city's service covers its own districts and a few communes
            self.communes = rng.randint(2, 5)
        if kind == "had":  # a home hospital covers a hospital's territory, some tens of communes (a city's, fewer):
            # no more than a reader calls "voisines" ("Saint-Herblain et 119 communes voisines" read false)
            self.communes = rng.randint(15, 28) if population < 100000 else rng.randint(6, 15)
        self.followed = rng.randint(*FOLLOWED_COUNTS.get(kind, (25, 260)))
        if kind in FOLLOWED_SHARE and population:
            # A home service helps a share of the people of its town and the communes around.
            # (a village's neighbours are villages: some 600 people each, not a bourg's 1,500)
            neighbours = 1500 if population >= VILLAGE_SIZE else 600
            self.followed = max(20, min(self.followed, int((population + self.communes * neighbours) * FOLLOWED_SHARE[kind])))
        if kind == "ssiad":
            # A care service's team grows with the patients it follows: a carer for three or four
            # patients at a SSIAD, about one staff a patient at an HAD, whose care is a hospital's.
            self.team = max(6, round(self.followed / rng.uniform(2.5, 4.5)))
        elif kind == "had":
            self.team = max(10, round(self.followed * rng.uniform(0.8, 1.3)))
        elif kind == "service-mandataire":  # a délégué holds some 45 to 60 measures; assistants and managers besides
            self.team = max(5, round(self.followed / rng.uniform(45, 60) * rng.uniform(1.3, 1.6)))
        self.public = OFFICE_PUBLICS.get(kind, ("", 10, 100))
        if kind in OFFICE_PUBLICS and slug in PUBLIC_OF_SLUG:
            self.public = PUBLIC_OF_SLUG[slug]
        if kind == "collectivite" and not serves_children(famille, slug):
            self.public = TOWN_PUBLIC  # a town's mediator meets its people, not the children of its crèches
        if kind == "education-nationale" and slug not in INCLUSION_SLUGS:
            self.public = SCHOOL_PUBLIC  # a school nurse sees all the pupils, not those an AESH follows
        self.received = rng.randint(*self.public[1:])
        self.service_car = False  # the ad's title or text gives a service car
        self.welcomes = False  # the ad's text welcomes beginners or young graduates
        self.known = {}  # figures the presentation said that a benefit may say again (a crèche's cots, a day's patients)
        if kind == "pharmacie":  # a village's pharmacy serves its village and a few around: a small team
            self.received = min(self.received, max(70, population // 10))
            self.team = max(3, min(self.team, self.received // rng.randint(15, 25)))
        self.unit = self.size = None
        self._floor = None  # where a hospital's unit is, once drawn (floor())
        self.placed_sections = ()  # the sections whose header may say the place
        if self.setting == "unit":
            units = (UNIT_KINDS_HOSPITAL if kind in HOSPITALS else
                     UNIT_KINDS_YOUTH if kind in ("ime", "itep", "mecs", "foyer-enfance") else
                     UNIT_KINDS_SHELTER if kind == "chrs" else UNIT_KINDS_RESIDENCE)
            _, low, high = PUBLICS.get(kind, ("personnes accueillies", 10, 40))
            self.size = rng.randint(low, high)
            if specialties & {"reanimation"}:  # an intensive care unit: 8 to 20 beds, 2.5 to 4 staff a bed
                self.size = rng.randint(8, 20)
            if CHILD_PSYCHIATRY.search(title + " " + post):  # a child psychiatry unit: some 8 to 15 beds
                self.size = rng.randint(8, 15)
            if NEONATOLOGY.search(title + " " + post):
                self.size = rng.randint(6, 24)  # a neonatology unit: some 6 to 24 cots
            if self.size > 15:  # a maisonnée is a small house
                units = [u for u in units if u != "la maisonnée"]
            if (PROTECTED_UNIT.search(title) and slug not in MANAGER_SLUGS or
                    slug == "assistant-de-soins-en-gerontologie-asg" and kind in ("ehpad", "usld") and "PASA" not in title):
                # a title's UVP is the ad's unit, as an ASG's: a dozen to some thirty residents
                units, self.size = ["l'unité de vie protégée", "l'unité protégée"], rng.randint(12, 28)
            self.unit = agreed(rng.choice(units), rng.choice(UNIT_NAMES))
            service = title_service(title) if kind in ("ch", "chu", "clinique") else None
            if service:
                self.unit = service
            # A unit's team grows with the people it looks after (an EHPAD has fewer staff per
            # bed than a hospital, a residence for autonomous elderly people a small team).
            self.team = max(6, round(self.size * rng.uniform(*UNIT_STAFF.get(kind, (0.6, 1.3)))))
            if specialties & {"reanimation"}:
                self.team = round(self.size * rng.uniform(2.5, 4.0))
            if kind == "residence-autonomie":
                self.team = rng.randint(6, 15)
        self.children = rng.randint(8, 24)  # a crèche section's
        self.opening = rng.choice(OPENING_HOURS)  # a crèche's hours, said in its presentation too
        self.statut = None  # known once the presentation is written
        self.employer = None  # the employer's name, for a header
        self.employer_pattern = ""  # its name's pattern in employeurs.json, which says what it is called
        self.weekends = False  # worked on weekends (the record's rhythm)
        self.staff_said = False  # the presentation gave the employer's headcount
        self.day_service = False  # a day hospital, a CMP, a consultation: open by day on weekdays
        self.sites_said = False  # whether the opening says the employer's sites, between which one may travel
        self.closed_care = False  # whether the title or the tasks hold patients without their consent
        self.collectivity = ""  # the collectivity that stands for the place's département ("Ville de Paris")
        self.opening_said = False  # the presentation gives its opening hours
        self.parking_said = False  # the place line gives a car park
        self.uplift = 0  # an overseas public post's majoration de traitement (%)
        self.paris = False  # the post is in Paris, where no licence is asked of one who does not drive for a living
        self.summer = False  # the ad is of spring or summer, when heatwave plans are said
        self.day_department = None  # the day service its title names ("à l'hôpital de jour"), if any
        self.evening = False  # an evening post (school pick-up): no morning tasks
        self.client = kind  # where the work is done: an agency's client, else the employer
        self.title = ""  # the offer's title
        self.post = post  # its appellation
        self.subjects = set()  # what the conditions said (Logement, Mutuelle...)
        self.replacing = True  # the post replaces someone (a CDD may then be called a replacement)
        self.staff = None  # the employer's headcount, when its beds or places make it
        self.hospital = None  # the public hospital of the ad's town (refs.hospital_level)
        self.liberal = ""  # a libéral post's mode: "collaboration", "remplacement" or "" (either)
        self.autism_only = False  # the presentation's public is autistic people only
        self.overseas = False  # the post is in an overseas département
        self.psychic_only = False  # its public is adults with a psychic disability, who speak
        self.communes_said = False  # the introduction or a header named the communes of the sector
        self.civil_servants = False  # the text opens the post to titulaires (who alone draw an NBI)
        self.cooks = False  # the presentation says its meals are cooked on site
        self.named_key = None  # (the name's pattern, cooks) when lines may call the employer otherwise
        # A manager's or a department's post is the house's, in none of its units.
        # A therapist or a psychologist works for a whole house, not one of its units.
        self.department = DEPARTMENT_OF_SLUG.get(slug) or (
            "au plateau de rééducation" if slug in REHAB_SLUGS and kind in HOSPITALS else
            "à l'équipe paramédicale" if slug in REHAB_SLUGS and kind in RESIDENCES else
            # a psychologist is no paramedic: the house's care team, or its direction
            "à l'équipe pluridisciplinaire" if slug in ("psychologue", "neuropsychologue") and kind in RESIDENCES else None)
        # (a coordinator's title: the house's, whatever the métier)
        self.whole = (slug in MANAGER_SLUGS or bool(self.department) or bool(COORDINATOR.search(title)) or
                      slug in DOCTOR_SLUGS and kind in RESIDENCES) and self.setting == "unit"  # (a home's doctor: all of it)
        self.de_lieu = self.de_ville  # "de Paris 15e" where the commune is an arrondissement
        self.single = True  # the ad's reason opens one post (a retirement, a leave, a creation)
        self.title_specialties = frozenset()  # the specialties its title names, whose tasks it says first
        self.years = 0  # the years of experience the record states (0.5 for "6 Mois")
        self.experience = "S"  # "D" beginners welcome, "E" years of practice asked, "S" either said

    def floor(self, rng):
        """Where a hospital's unit is ("au 2e étage du bâtiment C"), drawn once; said where the
        ad places the post, not at the end of a task it does not locate. None for other units."""
        if self._floor is None:
            self._floor = ""
            if (self.kind in HOSPITALS and self.kind not in ("had", "usld") and self.unit and
                    not self.unit.startswith(("le pavillon", "le bâtiment"))):
                small = self.kind in ("smr", "clinique") or self.population < 20000  # a small hospital's few buildings
                floor, building = rng.choice(FLOORS[:4] if small else FLOORS), rng.choice("ABC" if small else "ABCDEFGH")
                self._floor = rng.choice(("%s du bâtiment %s" % (floor, building), "dans le bâtiment %s, %s" % (building, floor)))
        return self._floor

    def headers(self, key, debut=""):
        """Headers for a section that say something of the ad."""
        if key == "missions":
            out = ["Vos missions à compter du %s :" % debut]
            if self.unit and not self.whole:
                out.append("Vos missions au sein %s :" % of(self.unit))
                if self.slug in BEDSIDE_SLUGS:  # a ward's beds are its carers' days, not a cleaner's or a cadre's
                    out.append("Votre quotidien auprès des %d %s :" % (self.size, PUBLICS.get(self.kind, ("personnes",))[0]))
            elif self.setting == "domicile" and not self.one_town():
                out.append("Vos interventions sur %s :" % self.area())
            return out
        if key == "profil":
            return ["Profil recherché pour %s à pourvoir le %s :" % (self.contract_words(), debut),
                    "Pour ce poste à pourvoir le %s :" % debut]
        if key == "conditions":
            # (not its hours, which the contract's line says below)
            return ["Conditions du poste (%s, dès le %s) :" % (self.contract_short(hours=False), debut),
                    "Organisation du travail à partir du %s :" % debut]
        if key == "avantages" and self.employer and self.setting != "particulier":
            return ["%s : nos avantages" % self.employer, "%s : ce que nous vous proposons" % self.employer]
        return []

    def placed(self, lieu, key):
        """The place for a section's header: one section's at most says where the post is."""
        return lieu if key in self.placed_sections else None


    def temporary(self):
        """Whether the post is a temp's or lasts three months at most: no induction, training
        plan, referral bonus or month-ahead rota (STAFF_ONLY) is offered for it."""
        return self.kind == "agence-interim" or bool(self.days or self.months and self.months <= 3)

    def area(self):
        """A home service's sector: "Redon et 6 communes voisines"; past some 25, a territory's
        communes, which no reader calls "voisines" ("et 52 communes voisines" read false)."""
        if self.communes <= 25:
            return "%s et %d communes voisines" % (self.ville, self.communes)
        return "les %d communes du territoire %s" % (self.communes + 1, self.de_ville)

    def one_town(self):
        """Whether a home service serves its own town only (a town's CCAS, not an intercommunal CIAS)."""
        return self.kind == "ccas" and "CIAS" not in (self.employer or "") or bool(CITY_CENTRE.search(self.title))

    def contract_short(self, hours=True):
        """ "CDI, 35 h", "CDD de 6 mois, 24 h", "mission de 3 mois"... (without the hours: "CDI")"""
        if not hours:
            return self.contract_short().split(", ")[0]
        h = hours_text(self.hours)
        if self.alternance:
            return "alternance, %s" % h
        if self.contrat == "CDD":
            return "CDD de %d mois, %s" % (self.months, h)
        if self.contrat == "MIS":
            return "mission de " + (("%d mois" % self.months) if self.months else
                                    ("%d jour%s" % (self.days, "s" if self.days > 1 else "")))
        if self.contrat == "LIB":
            return "exercice libéral"
        if self.contrat == "SAI":
            return "saisonnier, %s" % h
        return ("emploi permanent, %s" if self.statut in PUBLIC_STATUSES else "CDI, %s") % h

    def attachment(self, rng):
        """A conditions line: where the post sits and under whom."""
        who = self.contact.mention() if self.contact else None
        if self.whole:
            return "Poste rattaché %s%s." % (self.department or "à la direction",
                                             " générale" if self.slug.startswith("directeur") else "")
        if self.setting == "unit":
            where = "Poste rattaché %s (%d %s)" % (
                "au " + self.unit[3:] if self.unit.startswith("le ") else "à " + self.unit, self.size,
                "lits" if self.kind in HOSPITALS or self.kind == "ehpad" else "places")
            floor = self.floor(rng)
            if floor:
                where += ", " + floor
            return where + (", sous la responsabilité de %s." % who if who and rng.random() < 0.4 else ".")
        if self.setting == "domicile" and self.communes_said:  # the sector is said once
            return "Planning établi par %s." % who if who else None
        if self.setting == "domicile":
            return "Secteur d'intervention : %s%s." % (
                "centre-ville " + self.de_ville if CITY_CENTRE.search(self.title) else self.ville if self.one_town() else self.area(),
                ", planning établi par " + who if who and rng.random() < 0.5 else "")
        if who and self.kind != "agence-interim" and self.setting != "particulier" and self.contrat != "LIB":
            return "Poste placé sous la responsabilité de %s." % who.replace("de le Dr", "du Dr")
        return None

    def contract_words(self):
        """ "ce CDI à temps plein", "ce CDD de 6 mois", "cette mission de 3 mois"..."""
        if self.alternance:
            return "ce contrat en alternance"
        if self.contrat == "CDI":
            post = "ce poste permanent" if self.statut in PUBLIC_STATUSES else "ce CDI"
            return post + (" à temps partiel" if self.partiel else " à temps plein")
        if self.contrat == "CDD":
            return "ce CDD de %d mois" % self.months
        if self.contrat == "MIS":
            return "cette mission de " + (("%d mois" % self.months) if self.months else
                                          ("%d jour%s" % (self.days, "s" if self.days > 1 else "")))
        if self.contrat == "SAI":
            return "ce contrat saisonnier"
        return "cette activité libérale"


# What a benefit is about, said once an ad ("Possibilité de stagiairisation" then "Stagiairisation
# possible" read as pasted).
BENEFIT_TOPIC = re.compile(r"[Ss]tagiairis|[Tt]itularis|\bCGOS\b|\bCNAS\b|[Mm]utuelle|[Cc]rèche|[Pp]arking|"
                           r"[Tt]itres?-restaurant|[Ss]égur|\bRTT\b")


def said_once(lines):
    """The lines but those about a topic (BENEFIT_TOPIC) an earlier one has said."""
    seen, out = set(), []
    for line in lines:
        topics = {m.group(0).lower() for m in BENEFIT_TOPIC.finditer(line)}
        if topics & seen:
            continue
        seen |= topics
        out.append(line)
    return out


@functools.lru_cache(maxsize=None)
def says(pattern, line):
    """Whether pattern finds something in line (cached: the rules' filters test the same
    lines against the same patterns for many ads)."""
    return bool(pattern.search(line))


def phrased(rng, lines, phrasings):
    """Each of the drawn lines in one of its group's phrasings (phrasings: a line -> all of its
    group's, for the lines written in several)."""
    return [rng.choice(phrasings[l]) if l in phrasings else l for l in lines]


def welcomed(text):
    """Whether a text welcomes beginners (plain searches: a pattern over each whole ad cost more)."""
    return "ébutant" in text or "eune diplômé" in text or "eunes diplômé" in text


def says_service_car(text):
    """Whether a text gives a service car."""
    return "éhicule de service" in text or "ÉHICULE DE SERVICE" in text


@functools.lru_cache(maxsize=None)
def closings(no_welcome, dated, no_internal, no_visit=False):
    """The CLOTURES an ad may end with."""
    return [c for c in CLOTURES if not (no_welcome and BEGINNERS.search(c) or dated and "{debut}" in c or
                                        no_internal and "internes" in c or no_visit and "immersion" in c)]


# The facts a phrase says: a date ("24 novembre") or a figure of 10 or more ("1 753", "34"). The
# pattern starts with a digit, which the scan looks for cheaply, and checks the character before
# it after (a leading look-behind tried at every character cost 3 times as much).
FACT = re.compile(r"(\d(?<![\d/]\d)\d{0,2}(?: \d{3})*)(?:er)?(?![\d/])( (?:%s)\b)?" % "|".join(MONTHS))


@functools.lru_cache(maxsize=1 << 16)
def facts(text):
    """The dates and the figures of 10 or more a text says (cached: ads share many phrases)."""
    return frozenset(figure + month if month else figure.replace(" ", "")
                     for figure, month in FACT.findall(text) if month or len(figure) > 1)


def unsaid(phrases, said):
    """The phrases that say none of the facts already said."""
    return [p for p in phrases if said.isdisjoint(facts(p))] if said else phrases


# Requirements an ad states as they are: a check, a welcome, one with its own purpose ("Un
# extrait de casier judiciaire sera demandé, pour travailler aux côtés de Mme Morin" reads as no
# recruiter writes).
STATED_REQUIREMENT = re.compile(r"casier judiciaire|sera demandé|[Dd]ébutant|[Jj]eunes? diplômé|\bpour (les|le|la) ")


def between(picked, stated):
    """The picked lines with one stated requirement at most, and last: after the lines that
    end with the ad's own words, not before one (two stated in a row, or one that opens the
    list, read as every other ad of the métier)."""
    return [p for p in picked if p not in stated] + stated[:1]


def interleave(rng, plain, specific):
    """plain lines with the specific ones between them as far as they go (a line with its own
    figures after each fixed one), a specific one last when there is one."""
    excess = max(0, len(plain) - len(specific))
    out = plain[:excess]
    for p, s in zip(plain[excess:], specific):
        out += [p, s]
    return out + specific[len(plain) - excess:]


def household_headers(headers):
    """The headers a household writes: it has no "site" and asks no one to join it ("Pourquoi
    nous rejoindre ?")."""
    return [h for h in headers if "site" not in h and "rejoindre" not in h and "choisir" not in h] or headers


def header(rng, key, ville, own=(), household=False):
    """A section's header: plain, saying where the job is, or (own) saying something of the
    ad ("Profil recherché pour ce CDD de 6 mois :"), about a third of the ads each; a
    household's among household_headers. Without ville (the ad's place is said in another
    section's header), a plain or an own one."""
    draw = rng.random()
    if draw < 0.34 or not own and draw < 0.5 or not ville and not own:
        return rng.choice(household_headers(HEADERS[key]) if household else HEADERS[key])
    if not ville:
        return rng.choice(own)
    if own and draw > 0.67:
        return rng.choice(own)
    placed = household_headers(PLACED_HEADERS[key]) if household else PLACED_HEADERS[key]
    ville = ville.replace(" Arrondissement", "")  # "Pourquoi nous rejoindre à Paris 17e ?"
    return contract(rng.choice(placed).format(a_ville="à " + ville, de_ville="de " + ville))


# Words that tie a line of a métier's bank to some employers: an aide-soignant's bank has
# tasks for the operating theatre, the EHPAD and the SSIAD, and an ad uses only those of its
# employer. An agency places staff everywhere, so any line fits it.
HOSPITALS = {"ch", "chu", "clinique", "smr", "epsm", "usld", "had"}
RESIDENCES = {"ehpad", "usld", "residence-autonomie", "mas", "fam", "foyer-de-vie", "foyer-enfance",
              "mecs", "chrs", "ime", "itep"}
# Meals shared with the people one looks after: in a house, not in a service visiting them.
SHARED_MEALS = re.compile(r"[Rr]epas pris avec les personnes accompagnées")
SHARED_MEALS_KINDS = RESIDENCES | {"esat", "foyer-de-vie"}
SETTING_MARKERS = [
    (re.compile(r"\bSSIAD\b"), {"ssiad"}),
    # A psychologist's FIR time is the public hospital's (the FPH's), not a health centre's or an IME's.
    (re.compile(r"\bFIR\b"), {"ch", "chu", "epsm", "usld", "ehpad", "foyer-enfance", "smr", "had"}),
    (re.compile(r"en (milieu|service) hospitalier"), {"ch", "chu", "clinique", "smr", "epsm", "usld", "had"}),
    # A social worker's sector work: a Département's, a town's, a shelter's, not a hospital's or a firm's.
    (re.compile(r"RSA, prestations familiales|aides financières et les présent|signalements au procureur|"
                r"permanences d'accueil social|actions collectives sur le budget"),
     {"conseil-departemental", "ccas", "collectivite", "chrs", "association-insertion", "centre-social"}),
    # A practice's or a health centre's general practice, not a hospital ward's.
    (re.compile(r"\bCPTS\b|licence de remplacement|un samedi matin par mois|par la commune pendant la période d'installation"),
     {"cabinet-liberal", "centre-de-sante"}),
    (re.compile(r"[Cc]entre d'hébergement et de réinsertion|CENTRE D'HÉBERGEMENT ET DE RÉINSERTION"), {"chrs"}),
    (re.compile(r"[Mm]aison d'enfants à caractère social|MAISON D'ENFANTS"), {"mecs"}),
    # People housed by the employer, and the 115's listening line, are a shelter's or a home's.
    (re.compile(r"personnes hébergées"), {"chrs", "ehpad", "residence-autonomie", "foyer-de-vie", "fam", "mas", "mecs",
                                          "foyer-enfance"}),
    (re.compile(r"écoutant 115|\b115\b"), {"chrs", "association-insertion"}),
    # An ESAT's workers and the firms it places them with.
    (re.compile(r"\bles travailleurs\b(?! sociaux)|mises à disposition en entreprise"), {"esat"}),
    (re.compile(r"entreprises partenaires"), {"esat", "association-insertion"}),
    # A guardianship service's antennas and assistants, not an EHPAD's préposé's; a relais's childminders.
    (re.compile(r"antennes du service|assistant tutélaire|service de protection des majeurs"), {"service-mandataire"}),
    (re.compile(r"assistantes maternelles dans leur professionnalisation"), {"relais-petite-enfance", "conseil-departemental"}),
    # A practice's opening days; a crèche's meals with their allergy protocols.
    (re.compile(r"Cabinet ouvert|\b[Ll]e cabinet\b"), {"cabinet-liberal", "cabinet-dentaire", "centre-de-sante", "centre-imagerie"}),
    (re.compile(r"protocoles d'allergie"), {"eaje", "micro-creche", "collectivite", "ccas", "foyer-enfance"}),
    (re.compile(r"[Ss]ervice d'odontologie|\b[Aa]ttaché\(e\)(?! à| aux)"), {"ch", "chu"}),  # the grade, not "attaché(e) à l'éthique"
    # An orthopaedic fitter's agency, with its rounds: a company's, not a hospital's workshop.
    (re.compile(r"de l'agence\b|d'agence\b|Déplacements quotidiens sur le département|consultations itinérantes"),
     {"cabinet-liberal"}),
    (re.compile(r"bloc opératoire|salle d'intervention|\bSSPI\b"), {"ch", "chu", "clinique"}),
    # The SMUR is a public hospital's.
    (re.compile(r"\bSMUR\b"), {"ch", "chu"}),
    (re.compile(r"\bEHPAD\b|\bPASA\b"), {"ehpad"}),
    (re.compile(r"(?<!ponctuellement )\b(du|au) cabinet\b|\bde cabinet\b|\ben cabinet\b"),
     {"cabinet-liberal", "cabinet-dentaire", "centre-de-sante", "centre-imagerie"}),
    (re.compile(r"à l'aise avec les personnes âgées"), {"ehpad", "usld", "residence-autonomie", "ch", "chu",
                                                         "clinique", "smr", "had", "ssiad", "saad", "ccas"}),
    (re.compile(r"\bUSLD\b"), {"usld", "ch", "chu"}),
    (re.compile(r"\bSMR\b"), {"smr", "ch", "chu", "clinique"}),
    (re.compile(r"[Pp]sychiatri"), {"epsm", "ch", "chu", "clinique"}),
    (re.compile(r"[Cc]rèche hospitalière"), HOSPITALS),
    # A CH is a public hospital.
    (re.compile(r"\bCH\b"), {"ch", "chu", "epsm", "usld", "had"}),
    # A hospital's acute wards: not a long-stay unit (whose people are résidents).
    (re.compile(r"médecine polyvalente|médecine et chirurgie"), {"ch", "chu", "clinique"}),
    # People in hospital beds are in a hospital.
    (re.compile(r"(patients|enfants?|femmes) hospitalisé|(unités|services|lits) d'hospitalisation|"
                r"hospitalisation de leur enfant"), HOSPITALS),
    (re.compile(r"(?<!lors )(?<!et )\b(aux|des) urgences\b(?! vitales)"), {"ch", "chu", "clinique", "epsm"}),
    # A SESSAD is often run with an IME or an ITEP; a pouponnière is a children's home's unit.
    (re.compile(r"\bSESSAD\b"), {"sessad", "ime", "itep"}),
    (re.compile(r"[Pp]ouponnière|POUPONNIÈRE"), {"foyer-enfance", "mecs"}),
    # A patient's return to work is prepared in rehabilitation or by occupational health.
    (re.compile(r"reprise d'activité"), {"smr", "ch", "chu", "clinique", "service-sante-travail", "cabinet-liberal"}),
    # PMI and crèche work: young children and their parents, the crèches one looks after.
    (re.compile(r"situations de vulnérabilité ou de danger|auprès des familles après la naissance|"
                r"enfants de moins de six ans|ateliers collectifs pour les parents"),
     {"conseil-departemental", "collectivite", "ccas", "eaje", "micro-creche", "relais-petite-enfance", "centre-social"}),
    (re.compile(r"crèches dont|des crèches\b"), {"eaje", "micro-creche", "collectivite", "ccas", "conseil-departemental"}),
    (re.compile(r"modes d'accueil du territoire"), {"relais-petite-enfance", "collectivite", "ccas",
                                                     "conseil-departemental", "centre-social"}),
    # A health centre's or a practice's ways: not a hospital's.
    (re.compile(r"\ben centre de santé\b"), {"centre-de-sante"}),
    (re.compile(r"assistant médical"), {"cabinet-liberal", "centre-de-sante"}),
    # A CAMSP is a hospital's or a health centre's service for young children.
    (re.compile(r"\bCAMSP\b(?! du territoire)"), {"ch", "chu", "centre-de-sante"}),
    (SHARED_MEALS, SHARED_MEALS_KINDS),
    # A family's home: its budget, its housing, its moving house.
    (re.compile(r"entretien du logement|gérer leur budget|son déménagement|au domicile des familles"),
     DOMICILE_KINDS | {"ccas", "conseil-departemental", "centre-social", "particulier-employeur", "chrs", "association-insertion"}),
    # A shop's ways are not a health centre's.
    (re.compile(r"[Mm]agasin|galerie marchande|optique-lunetterie"), {"magasin-optique", "centre-audition", "pharmacie"}),
    (re.compile(r"unité de vie protégée"), RESIDENCES),
    # An insertion workshop is an insertion association's; anaesthesia consultations a surgical hospital's.
    (re.compile(r"chantier d'insertion"), {"association-insertion"}),
    (re.compile(r"consultations pré-anesthésiques|patients opérés"), {"ch", "chu", "clinique"}),
    # Meals for many: a kitchen of a town, a hospital or a house; tube feeding in care settings.
    (re.compile(r"restauration collective|cuisine centrale"), {"collectivite", "ch", "chu", "clinique", "smr", "epsm", "usld",
                                                               "ehpad", "mas", "fam", "foyer-de-vie", "ime", "itep", "mecs",
                                                               "esat", "association-insertion", "chrs"}),
    (re.compile(r"nutritions? entérales?"), {"ch", "chu", "clinique", "smr", "epsm", "usld", "had", "ehpad"}),
    # A psychiatric sector's consultations, on-call duty and interns.
    (re.compile(r"centre médico-psychologique|permanence des soins par des gardes|encadrer les internes"),
     {"epsm", "ch", "chu", "clinique"}),
    # A general practitioner's own patients and consultations: a practice's or a health centre's.
    (re.compile(r"médecin traitant d'une patientèle|installation accompagnée|consultations de médecine générale sur rendez-vous"),
     {"cabinet-liberal", "centre-de-sante"}),
    # A libéral's practice: not a salaried post's.
    (re.compile(r"exercice libéral|[Cc]abinet de groupe|[Cc]abinet équipé|prise de rendez-vous en ligne"),
     {"cabinet-liberal", "cabinet-dentaire", "centre-imagerie", "centre-de-sante", "pharmacie", "magasin-optique",
      "centre-audition", "laboratoire"}),
    # Children in the care of the ASE are a child-protection service's.
    (re.compile(r"confiés à l'aide sociale à l'enfance"), {"mecs", "foyer-enfance", "conseil-departemental", "ime", "itep",
                                                         "saad", "ccas", "centre-social", "sessad"}),
    # A town's optional aid is its CCAS's.
    (re.compile(r"\b(du|le|par le) CCAS\b"), {"ccas"}),
    (re.compile(r"aides facultatives"), {"ccas", "collectivite"}),
    # An ambulance company's ways.
    (re.compile(r"régulateur de l'entreprise|dépôt de l'entreprise|gardes ambulancières"), {"ambulances", "transport-adapte"}),
    # A hospital's ambulance crew serves its SMUR and transfers: the company's fleet and the
    # dialysis patients' light vehicle (VSL) rounds are an ambulance company's.
    (re.compile(r"par l'entreprise|en véhicule sanitaire léger"), {"ambulances", "transport-adapte"}),
    (re.compile(r"[Ff]oyer de vie|FOYER DE VIE"), {"foyer-de-vie"}),
    # Seclusion, restraint and care without consent are a psychiatric ward's.
    (re.compile(r"isolement et de contention|soins sans consentement|structures d'aval"), {"epsm", "ch", "chu", "clinique"}),
    # Intensive care is an acute hospital's.
    (re.compile(r"\ben réanimation\b"), {"ch", "chu", "clinique"}),
    # A pool of replacements serves the wards of a house open day and night.
    (re.compile(r"[Pp]ool de remplacement"), H24_KINDS),
    # A pharmacy's posts: a retail pharmacy's (officine) or a hospital's (PUI).
    (re.compile(r"d'officine\b"), {"pharmacie"}),
    (re.compile(r"[Pp]harmacie hospitalière|\bPUI\b|à usage intérieur"), {"ch", "chu", "clinique", "epsm", "had", "smr"}),
    # Hospital records: a planned stay, coding for the DIM.
    (re.compile(r"hospitalisation programmée|département d'information médicale"), HOSPITALS),
    # Billing acts to the Assurance maladie is a practice's.
    (re.compile(r"[Ff]actur(ez|er) vos actes|télétransmission"), {"cabinet-liberal", "cabinet-dentaire", "pharmacie",
                                                                   "magasin-optique", "centre-audition", "laboratoire",
                                                                   "centre-imagerie", "centre-de-sante", "ambulances",
                                                                   "transport-adapte"}),
    # An équipe spécialisée Alzheimer is a SSIAD's.
    (re.compile(r"équipe spécialisée Alzheimer|\bESA\b"), {"ssiad"}),
    # CAP AEPE trainees learn in crèches, schools and homes, not in hospitals.
    (re.compile(r"CAP AEPE"), {"eaje", "micro-creche", "collectivite", "ccas", "centre-social", "education-nationale",
                               "relais-petite-enfance", "particulier-employeur"}),
    # The CESU pays a household's employee (or one placed by a mandataire), not a service's.
    (re.compile(r"\bCESU\b|chèque emploi service"), {"particulier-employeur", "service-mandataire"}),
    (re.compile(r"\brésident"), RESIDENCES),
    # and visits from a practice, a PMI, a CMP, a lab or a shop (the banks reserve each line to its own)
    (re.compile(r"(?<!maintien )\bà domicile\b|\bau domicile\b"), DOMICILE_KINDS | {"ccas", "centre-social", "cabinet-liberal", "centre-de-sante",
                                                                   "conseil-departemental", "epsm", "laboratoire",
                                                                   "magasin-optique", "centre-audition"}),
    (re.compile(r"[Ii]ntérim|INTERIM|INTÉRIM"), set()),
    (re.compile(r"\bIME\b"), {"ime"}), (re.compile(r"\bD?ITEP\b"), {"itep"}), (re.compile(r"\bMAS\b"), {"mas"}),
    (re.compile(r"établissements? médico-socia"), {"ime", "itep", "sessad", "mas", "fam", "foyer-de-vie", "esat", "ehpad",
                                                  "residence-autonomie", "mecs", "foyer-enfance", "chrs"}),
    (re.compile(r"\bFAM\b"), {"fam"}), (re.compile(r"\bESAT\b"), {"esat"}),
    (re.compile(r"\bMECS\b"), {"mecs"}), (re.compile(r"\bCHRS\b"), {"chrs"}),
    (re.compile(r"[Ff]oyer d'[Aa]ccueil [Mm]édicalisé"), {"fam"}), (re.compile(r"[Mm]aison d'[Aa]ccueil [Ss]pécialisée"), {"mas"}),
    (re.compile(r"[Mm]icro-crèches"), {"micro-creche"}), (re.compile(r"\ben PMI\b"), {"conseil-departemental", "collectivite"}),
    (re.compile(r"[Ii]nternat de semaine|fermeture de la structure le week-end"), {"ime", "itep"}),
    (re.compile(r"\binternat\b"), {"mecs", "foyer-enfance", "ime", "itep", "foyer-de-vie", "mas", "fam"}),
    (re.compile(r"(?<!congé )maternité|[Nn]éonat|couveuse|salle de naissance|suites de couches"),
     {"ch", "chu", "clinique"}),
    (re.compile(r"bariatrique|post-opératoire|opérés de"), {"ch", "chu", "clinique", "smr"}),
    # Care without consent, seclusion and restraint are a psychiatric ward's (public hospitals).
    (re.compile(r"sans consentement|isolement et de contention"), {"ch", "chu", "epsm"}),
    (re.compile(r"en soins médicaux et de réadaptation"), {"ch", "chu", "clinique", "smr"}),
    (re.compile(r"en centre de PMI|instruction des demandes d'agrément"), {"conseil-departemental", "collectivite"}),
    (re.compile(r"\bdu cabinet\b"), {"cabinet-liberal", "cabinet-dentaire", "centre-imagerie"}),
    (re.compile(r"surendettement|expulsions"), {"conseil-departemental", "ccas", "chrs", "association-insertion",
                                                 "service-mandataire", "centre-social", "ch", "chu"}),
    (re.compile(r"maison départementale des solidarités"), {"conseil-departemental"}),
    # A secondary school nurse's work (emergency contraception, health education committee).
    (re.compile(r"contraception d'urgence|comité d'éducation à la santé|éducation à la sexualité"),
     {"education-nationale"}),
    # A territory's social work (reports on children at risk, open-door hours in the communes)
    # is the Département's or a town's, not a hospital's social service.
    (re.compile(r"informations préoccupantes concernant|permanences d'accueil social sur le territoire|"
                r"évaluations en protection de l'enfance|permanences sur plusieurs communes"),
     {"conseil-departemental", "ccas", "collectivite"}),
    (re.compile(r"salariés confrontés"), {"service-sante-travail"}),
    (re.compile(r"mise en place de l'allaitement|premiers soins en"), {"ch", "chu", "clinique"}),
    (re.compile(r"maison de retraite"), {"ehpad"}),
    # Carers' rounds and the libéral nurses a service contracts with are a home-care service's.
    (re.compile(r"tournées des aides-soignants|infirmiers libéraux conventionnés"), {"ssiad", "had"}),
    # The children's judge orders placements, educative measures at home and family budget help:
    # child protection's homes, the Département's milieu ouvert, an ITEP and the family services.
    (re.compile(r"juge des enfants|le juge l'ordonne"), {"mecs", "foyer-enfance", "itep", "conseil-departemental", "service-mandataire"}),
    (re.compile(r"jeunes accueillis au titre de la protection de l'enfance|jeunes majeurs|placés par le juge|"
                r"adolescents accueillis au titre"), {"mecs", "foyer-enfance"}),
    (re.compile(r"projet pédagogique de la structure|^Section de \d+|des jouets|transmissions aux parents|"
                r"accueill\w+ chaque matin les enfants|projet d'accueil individualisé|[Jj]ournées pédagogiques|"
                r"plusieurs crèches|direction de crèche|direction d'une crèche|activités d'éveil"),
     {"eaje", "micro-creche", "collectivite", "ccas", "centre-social", "relais-petite-enfance"}),
    (re.compile(r"crèches de la ville|crèches municipales"), {"collectivite", "ccas"}),
    (re.compile(r"de la crèche\b|^Crèche ouverte|d'une crèche\b|en crèche\b(?! possible)"),
     {"eaje", "micro-creche", "collectivite", "ccas", "centre-social"}),
]
# Titles only: a libéral post is offered by a practice.
TITLE_MARKERS = [(re.compile(r"[Aa]nimat\w+ jeunesse|ANIMAT\w+ JEUNESSE|[Ss]ervice jeunesse|\b1[0-2]-1[78] ans"),
                  {"centre-social", "collectivite", "mecs", "foyer-enfance", "ccas"}),  # youth work is a town's or a social centre's
                 (re.compile(r"[Ll]ibéral|LIB[ÉE]RAL|\bIDEL\b|[Cc]abinet|CABINET|[Ss]uccession|SUCCESSION|[Cc]ollaborat|COLLABORAT"),
                  {"cabinet-liberal", "cabinet-dentaire", "centre-imagerie"}),
                 (re.compile(r"\bPMI\b|[Cc]onseil départemental|CONSEIL DÉPARTEMENTAL"), {"conseil-departemental"}),
                 # A préposé(e) is a hospital's or a care home's own mandataire; a PASS is a hospital's.
                 (re.compile(r"[Pp]réposée?|PRÉPOSÉ"), {"ch", "chu", "epsm", "usld", "ehpad", "mas", "fam"}),
                 (re.compile(r"\bPASS\b"), {"ch", "chu", "epsm"}),
                 (re.compile(r"[Éé]tablissement public de santé mentale|\bEPSM\b"), {"epsm"}),
                 (re.compile(r"[Uu]rgences|URGENCES"), {"ch", "chu", "clinique", "epsm"}),
                 (re.compile(r"[Cc]entre hospitalier|CENTRE HOSPITALIER|(Orthophoniste|Orthoptiste|[Ff]emme|Pédiatre|Pharmacien|social|sociale|social\(e\)) hospitali"), HOSPITALS - {"clinique"}),
                 (re.compile(r"\bHAD\b"), {"had"}), (re.compile(r"\bCCAS\b"), {"ccas"}),
                 (re.compile(r"[Cc]entre de rééducation|CENTRE DE RÉÉDUCATION"), {"smr", "ch", "chu", "clinique"}),
                 (re.compile(r"[Rr]adiologie|RADIOLOGIE"), {"centre-imagerie", "ch", "chu", "clinique"}),
                 (re.compile(r"\b[Cc]linique\b|\bCLINIQUE\b"), {"clinique"}),
                 (re.compile(r"[Ee]mploi direct|EMPLOI DIRECT"), {"particulier-employeur"}),
                 (re.compile(r"[Cc]entre de sant[ée]|CENTRE DE SANT[ÉE]"), {"centre-de-sante"}),
                 (re.compile(r"[Ii]nstallation|INSTALLATION"), {"cabinet-liberal"}),
                 (re.compile(r"\bUHR\b|[Uu]nité d'hébergement renforcé"), {"ehpad", "usld"}),
                 (re.compile(r"[Mm]aison de santé|MAISON DE SANTÉ|\bMSP\b"), {"cabinet-liberal", "centre-de-sante"}),
                 (re.compile(r"[Ss]ecrétaire dentaire|SECRÉTAIRE DENTAIRE"), {"cabinet-dentaire", "centre-de-sante"}),
                 (re.compile(r"[Ss]ecrétaire.{0,30}[Ll]aboratoire|SECRÉTAIRE.{0,30}LABORATOIRE"), {"laboratoire", "ch", "chu", "clinique"}),
                 (re.compile(r"[Rr]ésidence seniors|RÉSIDENCE SENIORS"), {"ehpad", "residence-autonomie"}),
                 (PROTECTED_UNIT, {"ehpad"}),  # an EHPAD's unit (a USLD's is a UHR)
                 (re.compile(r"[Pp]lateforme de coordination|PLATEFORME DE COORDINATION|\bPCO\b"),
                  {"sessad", "ime", "ch", "chu", "epsm", "camsp"}),
                 (re.compile(r"[Mm]édecine nucléaire|MÉDECINE NUCLÉAIRE|\bTEP\b|[Rr]adiothérapie|RADIOTHÉRAPIE"),
                  {"ch", "chu", "clinique"}),
                 (re.compile(r"\b12 ?[hH]\b"), H24_KINDS),
                 (re.compile(r"\bSIAO\b|\b115\b"), {"chrs", "association-insertion"}),
                 # a chantier d'insertion is an IAE association's, a SIPFP an IME's section, a
                 # centre social a town's, its CCAS's or its own association's
                 (re.compile(r"\bACI\b|[Cc]hantier d'insertion|CHANTIER D'INSERTION"), {"association-insertion"}),
                 (re.compile(r"\bSIPFP\b|\bIMPro\b"), {"ime"}),
                 (re.compile(r"[Cc]entre social|CENTRE SOCIAL"), {"centre-social", "collectivite", "ccas"}),
                 (re.compile(r"[Ss]ecrétaire hospitali"), HOSPITALS),
                 (re.compile(r"[Ss]ocial du travail|SOCIAL DU TRAVAIL|[Ii]nterentreprises|INTERENTREPRISES"),
                  {"service-sante-travail"}),
                 (re.compile(r"[Ff]oyer de l'enfance|FOYER DE L'ENFANCE"), {"foyer-enfance"}),
                 (re.compile(r"\bCAF\b"), {"saad", "centre-social", "association-insertion"}),
                 (re.compile(r"[Pp]raticien hospitalier|PRATICIEN HOSPITALIER"), {"ch", "chu", "epsm", "usld"}),
                 (re.compile(r"\bCHU\b"), {"chu"}),
                 (re.compile(r"[Pp]olyvalence de secteur|POLYVALENCE DE SECTEUR"), {"conseil-departemental", "ccas"}),
                 # A mission locale is an association of its own, not a town hall.
                 (re.compile(r"[Mm]ission locale|MISSION LOCALE|[Cc]ontrat d'engagement jeune"), {"association-insertion"}),
                 # A relais petite enfance is a town's or a CCAS's service for childminders, not a crèche.
                 (re.compile(r"[Rr]elais [Pp]etite [Ee]nfance|RELAIS PETITE ENFANCE|\bRPE\b|\bRAM\b"),
                  {"relais-petite-enfance", "collectivite", "ccas"}),
                 (re.compile(r"en faveur des élèves|EN FAVEUR DES ÉLÈVES|sous contrat\b|SOUS CONTRAT|[Cc]ollège|COLLÈGE|"
                             r"[Ll]ycée|LYCÉE|\bREP\b"), {"education-nationale"}),
                 (re.compile(r"\bCMPP?\b"), {"epsm", "ch", "chu", "centre-de-sante", "ime", "sessad"}),
                 (re.compile(r"\bCCN 66\b"), {"ime", "itep", "sessad", "mas", "fam", "foyer-de-vie", "esat", "mecs", "chrs",
                                              "service-mandataire", "association-insertion"}),
                 (re.compile(r"CSAPA|[Aa]ddictologie|ADDICTOLOGIE"), {"ch", "chu", "epsm", "clinique", "centre-de-sante",
                                                                     "association-insertion"}),
                 # A CSAPA is a hospital's or an association's, not a private clinic's.
                 (re.compile(r"CSAPA"), {"ch", "chu", "epsm", "centre-de-sante", "association-insertion"}),
                 (re.compile(r"[Mm]unicipa|MUNICIPA"), {"collectivite", "ccas", "eaje", "centre-de-sante", "relais-petite-enfance"}),
                 (re.compile(r"[Dd]omiciliation|DOMICILIATION"), {"ccas", "centre-social", "association-insertion", "chrs"}),
                 # Hospital services: a clinic's or a hospital's title, not a home service's.
                 (re.compile(r"[Cc]ardiologie|CARDIOLOGIE|[Rr]éanimation|\b[Bb]loc\b|\bBLOC\b|SSPI|[Cc]hirurgie (orthopédique|ambulatoire)|"
                             r"service de chirurgie|pôle chirurgie|clinique chirurgicale|[Oo]ncologie|ONCOLOGIE|"
                             r"[Nn]éonatolog|NÉONATOLOG|(?<!congé )[Mm]aternité|(?<!CONGÉ )MATERNITÉ|[Nn]éphrologie|"
                             r"[Hh]ématolog|(SERVICE DE|[Ss]ervice de) (PÉDIATRIE|pédiatrie)"), {"ch", "chu", "clinique"}),
                 (re.compile(r"[Cc]rèches?(?! hospitalière)|CRÈCHE|[Mm]ulti-accueil|MULTI-ACCUEIL"),
                  {"eaje", "micro-creche", "collectivite", "ccas", "centre-social"}),
                 (re.compile(r"[Pp]rotection de l'enfance"), {"mecs", "foyer-enfance", "conseil-departemental"}),
                 # Milieu ouvert: families followed at home, not a residential house.
                 (re.compile(r"\bAEMO\b|[Mm]ilieu ouvert|MILIEU OUVERT"), {"conseil-departemental"}),
                 (re.compile(r"[Mm]icro-crèche"), {"micro-creche"}),
                 # Polyhandicap is a MAS's, an IME's or a home service's public, not an EHPAD's.
                 (re.compile(r"[Pp]olyhandicap|POLYHANDICAP"), {"mas", "fam", "ime", "sessad", "foyer-de-vie", "saad",
                                                               "ssiad", "particulier-employeur", "agence-interim"}),
                 # A professionalisation contract is a private employer's: the public service hires apprentices.
                 (re.compile(r"professionnalisation"), {"saad", "particulier-employeur", "agence-interim", "ehpad",
                                                        "residence-autonomie", "cabinet-dentaire", "centre-de-sante"}),
                 # The parents employ a childminder in a MAM; a town employs those of its crèche familiale.
                 (re.compile(r"\bMAM\b"), {"particulier-employeur"}),
                 (re.compile(r"[Cc]rèche familiale|CRÈCHE FAMILIALE|[Aa]ccueil familial municipal"), {"collectivite", "ccas", "eaje"})]
# ...and words that rule some employers out: no "patients" in a shelter or a crèche, no
# children in an EHPAD, no elderly people in a crèche.
NOT_CARE = {"chrs", "mecs", "foyer-enfance", "centre-social", "ccas", "conseil-departemental", "eaje",
            "micro-creche", "relais-petite-enfance", "association-insertion", "esat", "foyer-de-vie",
            "collectivite", "education-nationale", "particulier-employeur", "saad",
            "service-mandataire"}
PRACTICES = {"cabinet-liberal", "cabinet-dentaire", "pharmacie", "magasin-optique", "centre-audition",
             "laboratoire", "centre-imagerie"}
ADULT_KINDS = {"ehpad", "usld", "residence-autonomie", "mas", "fam", "foyer-de-vie", "esat", "smr"}
# Houses with no babies: adults, and children's houses that take them from 3 or 6.
NO_BABY_KINDS = ADULT_KINDS | {"ime", "itep", "sessad", "chrs", "association-insertion", "service-sante-travail",
                               "epsm", "education-nationale"}
CHILD_KINDS = {"eaje", "micro-creche", "relais-petite-enfance", "ime", "itep", "sessad", "mecs",
               "foyer-enfance"}
UNFIT_MARKERS = [
    (re.compile(r"\bpatients?\b(?!\()"), NOT_CARE),  # not the adjective "patient(e)"
    (re.compile(r"bionettoyage de la chambre"), DOMICILE_KINDS),  # a home's rooms are not a service's to clean
    (re.compile(r"autour de votre domicile"), {"particulier-employeur"}),  # a household's ad: its own home
    (re.compile(r"injections à action prolongée|accord du patient"), {"ime", "itep", "sessad", "mecs", "foyer-enfance"}),
    (re.compile(r"équipe éducative"), {"ehpad", "usld", "residence-autonomie", "smr", "ch", "chu", "clinique"}),
    (re.compile(r"PATHOS"), {"had", "ssiad", "saad"}),  # a care home's and a long-stay unit's tool
    # A care home's doctor and its residents' own GPs: a long-stay unit or a ward has its hospital doctors.
    (re.compile(r"[Mm]édecins? coordonnat|MÉDECIN COORDONNAT"), {"usld", "ch", "chu", "clinique", "smr", "epsm"}),
    (re.compile(r"[Mm]édecins traitants"), {"usld"}),
    # A household has no company phone, colleague, works council or second site.
    (re.compile(r"[Ss]martphone|[Tt]éléphone (portable )?professionnel|en binôme|[Pp]arrainage|\bCSE\b|"
                r"responsable de secteur|véhicule de service|entre les sites|personnes? isolées?"), {"particulier-employeur"}),
    (re.compile(r"entre les sites"), {"cabinet-liberal", "cabinet-dentaire", "pharmacie", "magasin-optique",
                                      "centre-audition", "micro-creche"}),
    # Post-operative and post-stroke rehabilitation, with its evaluation flat, is an SMR's or a hospital's.
    (re.compile(r"chirurgie de la main|appartement d'évaluation|rééducation du membre supérieur"),
     RESIDENCES | {"esat", "sessad", "saad", "ssiad"}),
    # A pool or a "volante" covers several sections or houses: none in a micro-crèche or a practice.
    (POOL, {"micro-creche", "particulier-employeur", "cabinet-liberal", "cabinet-dentaire", "pharmacie",
            "magasin-optique", "centre-audition", "relais-petite-enfance"}),
    # A post for adults ("secteur adultes") is a psychiatric, disability or hospital one, not an old people's home's.
    (re.compile(r"[Ss]ecteur adultes|SECTEUR ADULTES"), {"ehpad", "residence-autonomie", "usld"}),
    # An external evaluation is a social or medico-social house's; a hospital is certified by the HAS.
    (re.compile(r"[Éé]valuation externe"), HOSPITALS),
    # The home-care diploma's name, not a hospital's post.
    (re.compile(r"[Aa]uxiliaire de vie sociale|AUXILIAIRE DE VIE SOCIALE"), HOSPITALS - {"had"}),
    (re.compile(r"Pajemploi"), {"saad", "centre-social", "agence-interim", "ccas"}),  # a family declares its own employee
    (re.compile(r"(?<![-\w])enfants?\b|(?<![-\w])[Ee]nfance\b|\bl'enfant\b|\bjeunes\b(?! diplômé)|"
                r"[Aa]dolescent|élèves(?! aides-soignants| infirmiers)|scolari|scolaire|nourrissons|\bIME\b|[Pp]édiatri|PÉDIATRI|"
                r"\bmineurs\b"),
     ADULT_KINDS),
    (re.compile(r"\b[Bb]ébés?\b|\bBÉBÉ|[Bb]iberon|nourrissons?|\bsiestes?\b|CAP AEPE"), NO_BABY_KINDS),
    # Child protection is not disability: no diagnosis announced, no "pôle handicap".
    (re.compile(r"annonce d'un diagnostic|[Pp]ôle handicap|secteur du handicap|\bPECS\b|pictogrammes|Makaton"),
     {"mecs", "foyer-enfance", "chrs"}),
    # A SSIAD nurses at home by rounds: no meals served, no 12-hour shifts.
    (re.compile(r"servir les repas|servez les repas|\b12 ?h\b|19h-7h"), {"ssiad"}),
    # A residence for autonomous elderly people has no protected unit, no bedridden residents, no care team.
    (re.compile(r"unité protégée|ne peuvent pas se déplacer|équipe soignante|Alzheimer|\ben chambre\b|salles? de soins|"
                r"service de soins|équipe de nuit|\bchambres\b"),
     {"residence-autonomie"}),
    # A SESSAD's team visits children at school and home: no uniform, no care team.
    (re.compile(r"[Tt]enues? professionnelles?|équipe soignante"), {"sessad"}),
    # A home service is no house: no establishment's software, no educative team.
    (re.compile(r"logiciel de l'établissement|l'équipe éducative"), {"saad", "ssiad", "particulier-employeur"}),
    # Elderly care is not a house for disabled adults' work.
    (re.compile(r"[Gg]érontolog|[Gg]ériatri|Alzheimer|[Uu]nité de vie protégée|\bUVP\b|neurocognitifs"),
     {"mas", "fam", "foyer-de-vie", "esat", "chrs"}),
    # A shelter's adults: no disabled adults' house work, no school nor child welfare.
    (re.compile(r"adultes en situation de handicap|\bl'école\b|\bASE\b"), {"chrs"}),
    # A family mediation service's court hours and antennas are no neighbourhood centre's.
    (re.compile(r"tribunal judiciaire|antennes du département"), {"centre-social", "collectivite"}),
    # Educators' on-call nights are a children's home's, not a hospital's.
    (re.compile(r"[Aa]streintes éducatives"), {"epsm", "ch", "chu", "clinique", "smr"}),
    # Services closed at night have no night care to ensure.
    (re.compile(r"de jour comme de nuit"), {"ssiad", "saad", "sessad", "centre-de-sante"}),
    # A SSIAD has an infirmier coordinateur, no médecin coordonnateur; a children's home is no family's home.
    (re.compile(r"médecin coordonnateur"), {"ssiad", "saad"}),
    (re.compile(r"familles monoparentales|autour de la naissance|rendez-vous de PMI"), {"foyer-enfance", "mecs"}),
    # A private group's director sells places and reports to head office; a public one does not.
    (re.compile(r"commercialisation|directeur régional|auprès du siège"),
     {"ch", "chu", "usld", "ccas", "collectivite", "conseil-departemental"}),
    # One household is one home; a care service at home manages no beds and no thirty nurses.
    (re.compile(r"entre deux domiciles|entre deux interventions"), {"particulier-employeur"}),
    (re.compile(r"gestion des lits|bureau des entrées|une trentaine d'infirmiers"), {"had", "ssiad", "saad"}),
    # A micro-crèche's twelve children are one group.
    (re.compile(r"\b[Ss]ections?\b|SECTION"), {"micro-creche"}),
    (re.compile(r"personnes? âgées?|[Gg]ériatri|[Gg]érontolog|\bseniors\b|Alzheimer|fin de vie|(?<!jeunes )\badultes\b|"
                r"aphasi|dysarthri|\bAVC\b|fausses routes|prévention des chutes|stimulation cognitive"),
     CHILD_KINDS),
    (re.compile(r"réanimation|équipe soignante|médecine physique|auprès du personnel|patients alités|"
                r"enseignant en APA|installation au fauteuil"), PRACTICES),
    (re.compile(r"aides-soignants de votre secteur|transfusionnelle|chariot d'urgence|visite médicale et met"),
     PRACTICES | {"centre-de-sante", "had"}),
    # No blood transfusion in a home for the elderly or the disabled.
    (re.compile(r"transfusionnelle"), {"ehpad", "residence-autonomie", "mas", "fam", "foyer-de-vie", "ssiad"}),
    (re.compile(r"visite médicale et met|[Rr]oulement en 12 ?h|chariot d'urgence"), {"ssiad", "saad"}),
    # Neither a public hospital nor a clinic is an association, nor gives the CCN 66's leave.
    (re.compile(r"[Cc]ongés trimestriels|\bl'association\b"), PRACTICES | {"ch", "chu", "clinique", "epsm", "collectivite", "ccas", "usld",
                                                                     "education-nationale", "conseil-departemental"}),
    (re.compile(r"troubles du spectre de l'autisme"), {"mecs", "foyer-enfance", "chrs", "ehpad", "residence-autonomie",
                                                       "usld", "association-insertion"}),
    # The Ségur pay rise goes to health and social care, not to crèches, shops or households.
    (re.compile(r"Ségur|traitement indiciaire|\bCTI\b"), PRACTICES | {"eaje", "micro-creche", "relais-petite-enfance",
                                                                     "particulier-employeur", "education-nationale",
                                                                     "collectivite", "association-insertion",
                                                                     "centre-social", "ambulances", "transport-adapte",
                                                                     "service-sante-travail"}),
    # A house with units has no home visits.
    (re.compile(r"responsable de secteur|entre (deux )?interventions|[Ss]ecteur d'intervention|chaque intervention|"
                r"habitudes du foyer"), UNIT_EMPLOYERS),
    # A household has no service, no sector manager, no several beneficiaries.
    (re.compile(r"\bdu service\b|par le service|responsable de secteur|bénéficiaires|télégestion|\binterventions\b|"
                r"plusieurs employeurs|\bintervenants\b|chez des personnes|par foyer|^Formations?\b"),
     {"particulier-employeur"}),
]
# Requirements that only say what helps ("Une expérience en EHPAD est appréciée") fit anywhere.
WISHES = re.compile(r"^Une expérience|appréciée?s?\.$|souhaitée?s?\.$|serait un plus\.$")

# Specialties a title may name, and the lines that belong to them: (name, the words of a title or
# appellation that name it, the words of a line that belong to it, the employer kinds whose ads
# are of it when their title names none). An ad is of the specialties its title and appellation
# name or, when they name none, of its employer's and of one drawn for it or none; a line of
# another specialty is left out: no amplificateur de brillance au bloc in a radiothérapie ad, no
# PMI consultations for a néonatologie nurse, no crèche protocols in réanimation pédiatrique.
SPECIALTIES = [
    ("radiotherapie", r"[Rr]adiothérapie|RADIOTHÉRAPIE", r"[Rr]adiothérapie", ()),
    ("nucleaire", r"[Mm]édecine nucléaire|MÉDECINE NUCLÉAIRE|\bTEP\b", r"[Mm]édecine nucléaire|radiopharmaceutique|\bTEP\b", ()),
    ("imagerie", r"\bIRM\b|[Ss]canner|SCANNER|[Mm]ammographie|[Rr]adiologie|RADIOLOGIE|\b[Rr]adio\b|RADIO\b|[Ii]magerie|IMAGERIE",
     r"[Rr]adiologie|\b[Ss]canner\b|\bIRM\b|[Mm]ammograph|produits de contraste|biopsies|post-traitement des images|\bPACS\b|"
     r"l'injection|produits injectés",
     ("centre-imagerie",)),
    ("bloc", r"\b[Bb]loc\b|\bBLOC\b|\bSSPI\b", r"[Bb]loc opératoire|amplificateur de brillance|salle d'intervention|\bSSPI\b", ()),
    # Within births, a neonatal unit's tasks and a maternity ward's: no couveuse in a maternity
    # ad, no suites de couches in a néonatologie one, unless its title names both.
    ("neonat", r"[Nn]éonat|NÉONAT", r"couveuse|prématurés|[Nn]éonat", ()),
    ("maternite", r"(?<!congé )[Mm]aternité|(?<!CONGÉ )MATERNITÉ|[Oo]bstétri|[Ss]alle de naissance|SALLE DE NAISSANCE",
     r"en maternité|suites de couches|salle de naissance|accouchement", ()),
    ("naissance", r"[Nn]éonat|NÉONAT|(?<!congé )[Mm]aternité|(?<!CONGÉ )MATERNITÉ|[Nn]aissance|NAISSANCE|[Oo]bstétri",
     r"[Nn]éonat|prématurés|couveuse|allaitement|(?<!congé )maternité|suites de couches|salle de naissance|soins de cordon|"
     r"accouchement", ()),
    ("pediatrie", r"[Pp]édiatri|PÉDIATRI|\bTND\b|[Nn]eurodéveloppement|[Pp]édopsy|[Ii]nfanto-juvénile|\bCAMSP\b|"
     r"développement de l'enfant|[Ee]nfants et adolescents|ENFANTS ET ADOLESCENTS", r"enfants? hospitalisés|hospitalisation de leur enfant|dosages pédiatriques|"
     r"pédiatrie générale|\bWISC\b|enfants présentant|troubles du neurodéveloppement|enfants dyspraxiques|"
     r"bilans psychomoteurs des enfants|graphomotricité|[Pp]édopsychiat", ()),
    ("reanimation", r"[Rr]éanimation|RÉANIMATION|[Ss]oins (critiques|intensifs)", r"[Rr]éanimation|[Ss]oins (critiques|intensifs)", ()),
    ("urgences", r"[Uu]rgences|URGENCES|\bSMUR\b", r"(?<!lors )(?<!et )\b(aux|des) urgences\b(?! vitales)|\bSMUR\b", ()),
    ("pmi", r"\bPMI\b|[Pp]rotection maternelle", r"\ben PMI\b|centres? de PMI|demandes d'agrément|suivi des assistants maternels|"
     r"auprès des familles après la naissance|consultations de puériculture|enfants de moins de six ans|"
     r"consultations de prévention", ("conseil-departemental",)),
    ("creche", r"[Cc]rèche|CRÈCHE|[Mm]ulti-accueil|MULTI-ACCUEIL|\bEAJE\b|accueil inclusif|ACCUEIL INCLUSIF",
     r"[Cc]rèche|multi-accueil|référent\(e\) santé|accueil inclusif|temps de sieste|alert(ez|er) la direction",
     ("eaje", "micro-creche")),
    ("pouponniere", r"[Pp]ouponnière|POUPONNIÈRE", r"[Pp]ouponnière", ()),
    ("aemo", r"\bAEMO\b|[Mm]ilieu ouvert|MILIEU OUVERT", r"\bAEMO\b|[Mm]ilieu ouvert", ()),
    ("psychiatrie", r"[Pp]sychiatri|PSYCHIATRI|[Ss]anté mentale|\bEPSM\b|\bCMP\b", r"[Pp]sychiatri|[Ss]anté mentale|\bCMP\b",
     ("epsm",)),
    ("geriatrie", r"[Cc]onsultation mémoire|CONSULTATION MÉMOIRE|[Gg]ériatri|GÉRIATRI|[Gg]érontolog|GÉRONTOLOG|\bEHPAD\b|\bPASA\b|Alzheimer|\bESA\b|\bUSLD\b|[Pp]ersonnes? âgées?",
     r"[Gg]ériatri|[Gg]érontolog|\bEHPAD\b|\bPASA\b|Alzheimer|\bESA\b|prévention des chutes|stimulation cognitive|"
     r"personnes? âgées?|neurocognitifs|[Cc]onsultation mémoire", ("ehpad", "usld", "residence-autonomie", "ssiad", "saad")),
    ("travail", r"[Ss]anté au travail|SANTÉ AU TRAVAIL|[Mm]édecin du travail", r"[Mm]édecin du travail|[Ss]anté au travail",
     ("service-sante-travail",)),
    ("mam", r"\bMAM\b", r"\bMAM\b", ()),
    # A title for adults: none of the children's specialties.
    ("adultes", r"[Aa]dultes\b|ADULTES", r"(?!)", ()),
    ("relais", r"[Rr]elais|RELAIS|\bRPE\b|\bRAM\b", r"du relais|[Rr]elais petite enfance|modes d'accueil du territoire",
     ("relais-petite-enfance",)),
    ("pool", r"[Pp]ool|POOL|[Vv]olante?\b|VOLANTE?\b", r"[Pp]ool de remplacement|sur plusieurs services", ()),
    ("readaptation", r"\bSMR\b|\bSSR\b|[Rr]ééducation|RÉÉDUCATION|[Rr]éadaptation|RÉADAPTATION",
     r"\bSMR\b|[Rr]éadaptation cardiaque|centres? de rééducation|hospitalisés en rééducation", ("smr",)),
]
# Specialties only a hospital's wards have, which care at home (HAD, SSIAD) has not.
WARDS_ONLY = {"readaptation", "urgences", "bloc", "reanimation", "maternite", "naissance", "neonat",
              "radiotherapie", "nucleaire", "imagerie"}
# Ward life (meals, bedsores, end of life): the lines of every specialty but those out of a ward.
WARD = ("ward", r"(?!)", r"\brepas\b|escarres|fin de vie|de la chambre\b|au lever|[Tt]oilettes?\b|"
        r"tournées de surveillance de nuit|appels des patients|lève-personne", ())
SPECIALTIES.append(WARD)
NOT_WARDS = {"bloc", "imagerie", "radiotherapie", "nucleaire", "pmi", "urgences", "travail", "psychiatrie"}
# Titles and appellations of a general medicine or surgery ward, which names none of SPECIALTIES.
GENERAL_WARD = re.compile(r"[Mm]édecine (polyvalente|interne|et chirurgie|gériatrique)|[Cc]hirurgi|CHIRURGI|[Cc]ardiolog|CARDIOLOG|"
                          r"[Pp]neumolog|[Nn]eurolog|[Oo]ncolog|[Gg]astro|[Nn]éphrolog|[Hh]émato|MÉDECINE|[Cc]ourt séjour")
# Specialties a title names that no task says first: a pool's, a public's, ward life.
TITLE_ONLY_SPECIALTIES = {"pool", "adultes", "ward"}
# Specialties that an employer kind has, which a title names or the employer brings, never drawn.
EMPLOYER_SPECIALTIES = {"creche", "pmi", "pouponniere", "aemo", "travail", "ward", "mam", "pool", "relais"}
# Employers whose people eat, wash and sleep where the post is (a ward, a home, a crèche).
WARD_KINDS = H24_KINDS | {"had", "ssiad", "saad", "particulier-employeur", "eaje", "micro-creche", "ccas"}


def with_ward(specialties, kind):
    """An ad's specialties with ward life where its employer has it, unless one of them is out of
    a ward (an operating theatre's aide-soignant serves no meals, a health centre's nurse has no
    dying patients)."""
    return specialties if specialties & NOT_WARDS or kind not in WARD_KINDS else specialties | {"ward"}


# Specialties of some métiers only: their words mean something else in other banks ("linge",
# "titulaire du diplôme").
PHARMACY_SLUGS = {"pharmacien", "preparateur-en-pharmacie", "preparateur-pharmacie-hospitaliere"}
WORKSHOP_SLUGS = {"moniteur-atelier-esat", "educateur-technique-specialise"}
LAB_SLUGS = {"technicien-laboratoire-medical"}
SPECIALTIES += [
    ("officine", r"[Oo]fficine|OFFICINE", r"[Oo]fficine|titulaire en son absence|bilans partagés|entretiens pharmaceutiques|"
     r"vacciner|parapharmacie|comptoir|dermocosmétique", ("pharmacie",), PHARMACY_SLUGS),
    ("pui", r"\bPUI\b|[Uu]sage intérieur|[Hh]ospitali|HOSPITALI", r"\bPUI\b|usage intérieur|conciliation|dotations|"
     r"unités de soins|services de soins|cytotoxiques|chimiothérap|essais cliniques|implantables",
     ("ch", "chu", "clinique", "epsm"), PHARMACY_SLUGS),
    ("espaces-verts", r"[Ee]spaces verts|ESPACES VERTS|[Mm]araîchage", r"[Ee]spaces verts|[Mm]araîchage|Certiphyto", (),
     WORKSHOP_SLUGS),
    # A coordinator of projects, of an educator's métier, coordinates them; the other educators do not.
    ("coordination", r"[Cc]oordinat\w* de projets|COORDINAT\w* DE PROJETS",
     r"[Cc]oordonnez les projets|coordination des projets personnalisés", (), {"educateur-specialise"}),
    ("blanchisserie", r"[Bb]lanchisserie|BLANCHISSERIE", r"\blinge\b|[Bb]lanchisserie", (), WORKSHOP_SLUGS),
    ("conditionnement", r"[Cc]onditionnement|CONDITIONNEMENT|[Ss]ous-traitance", r"[Cc]onditionnement|[Ss]ous-traitance", (),
     WORKSHOP_SLUGS),
    ("restauration", r"[Rr]estauration|RESTAURATION|[Cc]uisine|CUISINE", r"[Rr]estauration|\b[Cc]uisine\b", (), WORKSHOP_SLUGS),
    ("menuiserie", r"[Mm]enuiserie|MENUISERIE", r"[Mm]enuiserie", (), WORKSHOP_SLUGS),
    ("mecanique", r"[Mm]écanique|MÉCANIQUE", r"[Mm]écanique", (), WORKSHOP_SLUGS),
    ("second-oeuvre", r"[Ss]econd œuvre|SECOND ŒUVRE", r"[Ss]econd œuvre", (), WORKSHOP_SLUGS),
    ("logistique", r"[Ll]ogistique|LOGISTIQUE|[Pp]réparation de commandes", r"[Ll]ogistique", (), WORKSHOP_SLUGS),
    ("entretien-locaux", r"[Ee]ntretien des locaux|ENTRETIEN DES LOCAUX", r"[Ee]ntretien des locaux", (), WORKSHOP_SLUGS),
    # A medical laboratory's benches: tissue sections, cultures, blood counts, sampling.
    ("anapath", r"[Aa]natomi|ANATOMI|[Cc]ytolog", r"prélèvements tissulaires|anatomie pathologique", (), LAB_SLUGS),
    ("microbiologie", r"[Mm]icrobiolog|MICROBIOLOG|[Bb]actériolog", r"bactériolog|antibiogramme|[Mm]icrobiolog", (), LAB_SLUGS),
    ("hematologie", r"[Hh]ématolog|HÉMATOLOG|[Bb]iochimie", r"frottis sanguins|automates de biochimie|hémostase", (), LAB_SLUGS),
    ("prelevement", r"[Pp]réleveu|PRÉLEVEU|[Ss]ite de prélèvement", r"prélèvements sanguins|site de prélèvement|"
     r"prélèvements à domicile|capacité de prélèvements", (), LAB_SLUGS),
]
_SPECIALTY_TITLES = [(entry[0], re.compile(entry[1]), entry[4] if len(entry) > 4 else None) for entry in SPECIALTIES]
_SPECIALTY_LINES = [(entry[0], re.compile(entry[2]), entry[4] if len(entry) > 4 else None) for entry in SPECIALTIES]
SPECIALTIES_OF_KIND = {}
for _entry in SPECIALTIES:
    for _kind in _entry[3]:
        if len(_entry) == 4:  # a métier's own specialties come from its titles only
            SPECIALTIES_OF_KIND.setdefault(_kind, set()).add(_entry[0])
SCOPED_OF_KIND = {}  # kind -> {slug: its métier's specialties that employer has}
for _entry in SPECIALTIES:
    if len(_entry) > 4:
        for _kind in _entry[3]:
            for _slug in _entry[4]:
                SCOPED_OF_KIND.setdefault(_kind, {}).setdefault(_slug, set()).add(_entry[0])


@functools.lru_cache(maxsize=None)
def named_specialties(title, slug=""):
    """The specialties a title or an appellation names (of any métier, and of the métier slug)."""
    return frozenset(name for name, words, slugs in _SPECIALTY_TITLES
                     if (slugs is None or slug in slugs) and words.search(title))


@functools.lru_cache(maxsize=None)
def line_specialties(line, slug=""):
    """The specialties a bank line of the métier slug belongs to (none for most)."""
    return frozenset(name for name, words, slugs in _SPECIALTY_LINES
                     if (slugs is None or slug in slugs) and words.search(line))


# Care of adults' conditions, which a children's post (pédiatrie) does not give.
# Disabled adults' care and communication aids, which a child-protection service at home has not.
ADULTS_DISABLED = re.compile(r"adultes en situation de handicap|\bPECS\b|pictogrammes|MoCA|RL/RI-16|WAIS")
ADULT_CARE = re.compile(r"prothèses? de hanche|ligamentoplast|chirurgie de l'épaule|\bAVC\b|lésion médullaire|"
                        r"maladie d'Alzheimer|personnes âgées|\bEHPAD\b|[Gg]ériatri|chutes? de la personne âgée|"
                        r"troubles cognitifs|fin de vie|ménopause|addictions? (à l'alcool|au tabac)|\bMMS\b|\bMIF\b|"
                        r"[Bb]ilan 400 points|adultes comme aux enfants|aux adultes comme|enfants comme (aux |d')adultes|"
                        r"sans consentement|action prolongée|forme retard|[Rr]éhabilitation|l'accord du patient")  # (and adult psychiatry's)


# Children's words: their school, their welfare, their games.
CHILDREN = re.compile(r"(?<![-\w])enfants?\b|\bjeunes\b(?! diplômé)|[Aa]dolescent|scolari|l'école|\bécoles\b|\bASE\b|[Aa]ide sociale à l'enfance|"
                      r"\bmineurs\b|[Pp]édiatri|[Pp]édopsychiat|[Pp]rotection de l'enfance")
# A paediatric ward's lines, which a newborn's unit has not: a child's room and games, norms by age, a team without midwives.
NEWBORNS_UNFIT = re.compile(r"enfants hospitalisés|(valeurs?|normes)\b[^.]*\bâge\b")
PAEDIATRIC_TEAM = re.compile(r"[Éé]quipe[^.]*\bpédiatres\b")
# A laboratory bench's work: its analysers, quality controls and results.
BENCH_WORK = re.compile(r"\bautomates?\b|contrôles? (de )?(qualité )?internes?|\bCIQ\b|(avant|préalable à) (leur|sa) validation biologique")


AUTISM = re.compile(r"[Aa]utisme|\bTSA\b|\bTND\b")
RADIOLOGISTS = re.compile(r"[Rr]adiologues?\b")
# A surgical ward's care, which a psychiatric, rehabilitation or geriatric post does not give.
SURGICAL_CARE = re.compile(r"pré-?opératoire|post-?opératoire|à une opération|avant l'opération|avant leur intervention|examen ou une intervention|"
                           r"examen ou (son|leur) intervention|patients opérés|premier lever")
NO_SURGERY_SPECIALTIES = {"psychiatrie", "readaptation", "geriatrie"}
# A ward's bedside care, which a theatre's post does not give, and bedridden patients' care.
WARD_CARE = re.compile(r"\bbassins?\b(?! de balnéo)|urinal|stomies?\b|sonnette|appels? malades?|qui sonnent|"
                       r"position basse|abaissant le lit|\brepas\b|[Bb]inôme avec l'infirmier\(ère\)(,| sur| du)|\balités\b|"
                       r"pompes? de nutrition|bariatriques?|forte corpulence|\bsondés\b|du méat|ses effets personnels|"
                       r"affaires personnelles du patient|liste de ses effets|demi-assise|chambres du secteur|[a-z]+ de (plusieurs )?chambres|"
                       r"dentiers|prothèses dentaires, lunettes")
WARD_ROUND = re.compile(r"nutritions? (entérale|parentérale)|alimentation parentérale|entrées-sorties|diurèse|élimination (urinaire|des résidents)|"
                        r"transit et l'élimination|mictions|fécalome|constipation|bouche|buccale|hygiène bucco|aphasi|visite médicale|biberonnerie|"
                        r"quantités bues|à boire|régurgitations")
NURSERY_CARE = re.compile(r"à leur hauteur|portage des enfants|temps de jeu|jeux et (des )?activités|motricité libre|"
                          r"bougent librement|activités d'éveil")
BEDRIDDEN_CARE = re.compile(r"\bbassins?\b(?! de balnéo)|urinal|[Bb]rancard|\bsondés\b|sonde urinaire|pose d'une sonde|pose de sonde|"
                            r"stomi|\balités\b|points d'appui|escarres?\b|[Bb]raden|[Nn]orton|morphiniques|un sondage")
NO_SURGERY_KINDS = {"usld", "ehpad", "epsm", "smr", "mas", "fam", "ssiad"}
INPATIENT_STAY = re.compile(r"hospitalisés|(pendant|durant|le temps de) (leur |son |l')?hospitalisation|séjour dans le service|"
                            r"chambres? des patients|chambres au départ|au départ des patients")
CHRONIC_CARE = re.compile(r"éducation thérapeutique|diabétiques|insuffisants cardiaques|développement de l'enfant")


@functools.lru_cache(maxsize=None)
def fits_specialties(line, specialties, slug=""):
    """Whether a line belongs to none of the specialties but the ad's; a wish ("Une expérience en
    néonatologie ou en PMI est appréciée") fits when one of those it names is the ad's."""
    if specialties & {"pediatrie", "aemo"} and (ADULT_CARE.search(line) or ADULTS_DISABLED.search(line)):
        return False  # a children's post treats no hip prosthesis, stroke or dementia
    if "urgences" in specialties and CHRONIC_CARE.search(line):
        return False  # an emergency department teaches no diabetic patients
    if specialties & {"urgences", "bloc"} and INPATIENT_STAY.search(line):
        return False  # the emergencies and the theatre have no patients staying on a ward
    if specialties & NO_SURGERY_SPECIALTIES and SURGICAL_CARE.search(line):
        return False  # no patient is prepared for an operation in psychiatry, SMR or geriatrics
    if specialties & {"bloc", "urgences"} and WARD_CARE.search(line):
        return False  # a theatre's or an emergency's post brings no bedpan, changes no stoma bag, answers no call bell
    if specialties & {"urgences", "bloc"} and WARD_ROUND.search(line):
        return False  # nor do the emergencies: no tube feeding, fluid chart, mouth care or ward round
    if specialties & {"neonat", "naissance"} and NURSERY_CARE.search(line):
        return False  # a baby in an incubator is neither carried about nor played with at its height
    if "psychiatrie" in specialties and BEDRIDDEN_CARE.search(line):
        return False  # a psychiatric ward's patients walk: no bedpans, no stretcher team
    if specialties & {"nucleaire", "radiotherapie"} and RADIOLOGISTS.search(line):
        return False  # a nuclear medicine's or radiotherapy's physicians are no radiologists
    if "geriatrie" in specialties and AUTISM.search(line):
        return False  # a geriatric post follows no autism guidelines
    if "adultes" in specialties and CHILDREN.search(line):
        return False  # an adults' service has no pupils, school or child welfare
    if "geriatrie" in specialties and CHILDREN.search(line):
        return False  # nor has an elderly people's post ("ADVF secteur personnes âgées" fetching children from school)
    if specialties & {"neonat", "maternite"} and (NEWBORNS_UNFIT.search(line) or PAEDIATRIC_TEAM.search(line) and "sage" not in line):
        return False  # a newborn is shown no room, plays no game of its age; a maternity's team has midwives
    if "neonat" in specialties and "sage-femme" in line:
        return False  # a neonatal unit's auxiliaire reports to its nurses, not to a midwife
    if "prelevement" in specialties and BENCH_WORK.search(line):
        return False  # a sampling site's technician takes blood, and runs no analyser
    own = line_specialties(line, slug)
    if not own:
        return True
    if WISHES.search(line):
        return bool(own & specialties)
    return own <= specialties


_MARKED = {}  # (line, title) -> (the kind sets its setting markers allow, those its unfit markers rule out)


# Any marker at all: most lines have none, and are read with one search.
_ANY_SETTING = re.compile("|".join("(?:%s)" % m.pattern for m, _ in SETTING_MARKERS))
_ANY_TITLE = re.compile("|".join("(?:%s)" % m.pattern for m, _ in SETTING_MARKERS + TITLE_MARKERS))
_ANY_UNFIT = re.compile("|".join("(?:%s)" % m.pattern for m, _ in UNFIT_MARKERS))
_SHOUTED = re.compile(r"[A-ZÀ-Ý]{4,} [A-ZÀ-Ý]{2,}")


def _marks(line, title):
    marks = _MARKED.get((line, title))
    if marks is None:
        markers = SETTING_MARKERS + TITLE_MARKERS if title else SETTING_MARKERS
        text = line
        if title and _SHOUTED.search(line):  # a title in capitals says the same words: read it in small letters too
            text = line + " / " + line.lower()
        some = (_ANY_TITLE if title else _ANY_SETTING).search(text)
        marks = _MARKED[(line, title)] = (
            [kinds for marker, kinds in markers if marker.search(text)] if some else [],
            [kinds for marker, kinds in UNFIT_MARKERS if marker.search(text)] if _ANY_UNFIT.search(text) else [])
    return marks


def unfit(line, kind):
    """Whether a line names people an employer of that kind does not have."""
    return any(kind in kinds for kinds in _marks(line, False)[1])


def fits(line, kind, title=False):
    """Whether a bank line may be said in an ad of that employer kind (title: the line is an
    offer title or appellation)."""
    if kind == "agence-interim":
        return True
    allowed, ruled_out = _marks(line, title)
    return all(kind in kinds for kinds in allowed) and not any(kind in kinds for kinds in ruled_out)


# Foster carers, paid by the children or adults they take in at home, not by the hour.
UNTIMED_SLUGS = {"assistant-familial", "accueillant-familial"}
# Carers who take children or adults in at home: their ad always asks for the agrément.
LICENSED_SLUGS = {"assistant-familial", "assistant-maternel", "accueillant-familial"}
PATIENTS_A_DAY = {"medecin-generaliste": (20, 32), "infirmier-liberal": (20, 35), "masseur-kinesitherapeute": (12, 20),
                  "orthophoniste": (8, 12), "orthoptiste": (12, 25), "pedicure-podologue": (10, 16),
                  "chirurgien-dentiste": (12, 20), "sage-femme": (8, 14)}
# What a libéral keeps of the fees where it is not 70 to 90 %: a dental collaborator about half.
LIBERAL_RATES = {"J1103": (40, 45, 50)}
# Professions the Code de la santé publique (or the CASF) reserves to a diploma's holders: their
# ads always carry it, at least in the record (a nurse's ad without the DEI anywhere reads false).
PROTECTED_SLUGS = {
    "aide-soignant", "auxiliaire-de-puericulture", "ambulancier", "auxiliaire-ambulancier", "audioprothesiste",
    "biologiste-medical", "chirurgien-dentiste", "ergotherapeute", "geriatre", "infirmier-anesthesiste-iade",
    "infirmier-coordonnateur-idec", "infirmier-de-bloc-operatoire-ibode", "infirmier-de-prevention",
    "infirmier-en-pratique-avancee-ipa", "infirmier-en-psychiatrie", "infirmier-en-soins-generaux-ide",
    "infirmier-liberal", "infirmier-sante-au-travail", "infirmier-scolaire", "manipulateur-electroradiologie-medicale",
    "masseur-kinesitherapeute", "medecin-coordonnateur-ehpad", "medecin-du-travail", "medecin-generaliste",
    "medecin-pmi", "neuropsychologue", "orthophoniste", "orthoptiste", "osteopathe", "pediatre",
    "pedicure-podologue", "pharmacien", "preparateur-en-pharmacie", "preparateur-pharmacie-hospitaliere",
    "psychiatre", "psychologue", "psychomotricien", "puericulteur", "sage-femme", "assistant-dentaire",
    "technicien-laboratoire-medical", "dieteticien", "opticien-lunetier", "assistant-de-service-social",
    "directeur-eaje"}
# The article of a diploma's name, by its first word ("le DEAS", "la licence STAPS").
DIPLOMA_ARTICLES = {"Diplôme": "le ", "CAP": "le ", "Titre": "le ", "BTS": "le ", "BP": "le ", "BPJEPS": "le ",
                    "Bac": "le ", "DEUST": "le ", "Master": "le ", "Licence": "la ", "Certification": "la "}


def prepared_diploma(formations):
    """The diploma an apprentice of the métier prepares, with its article ("le diplôme d'État
    d'aide-soignant (DEAS)"): the bank's first, when it names one alone; else None."""
    if not formations:
        return None
    name = re.sub(r" (apprécié|souhaité)e?s?$", "", formations[0]["commentaire"])
    first = name.split(" ", 1)[0]
    if first not in DIPLOMA_ARTICLES or " ou " in name or "," in name:
        return None
    return DIPLOMA_ARTICLES[first] + (name if first.isupper() else name[0].lower() + name[1:])


# Métiers the law reserves to holders of a certificate, which their ads always ask.
CERTIFIED_SLUGS = {"tuteur-aux-majeurs-proteges", "delegue-aux-prestations-familiales",
                   "mandataire-judiciaire-protection-majeurs-mjpm"}
REQUIRED_CERTIFICATE = re.compile(r"^(?=.*exigé)(?=.*(CNC|[Cc]ertificat national de compétence))")
AGREMENT = re.compile(r"\bagrément\b")
# What a profile says first when the title accepts a faisant fonction.
ACTING_LINES = ["Candidatures en faisant fonction acceptées, avec un projet de formation ou de VAE.",
                "Poste ouvert en faisant fonction aux candidat(e)s non diplômé(e)s qui préparent le diplôme ou une VAE.",
                "Non diplômé(e) ? Le poste peut être tenu en faisant fonction, dans la perspective d'une formation ou d'une VAE."]
# The requirement a métier's profile always says first: an agrément, a certificate, the care
# diploma an ASG's training is open to.
REQUIRED_LINES = {**{slug: AGREMENT for slug in LICENSED_SLUGS}, **{slug: REQUIRED_CERTIFICATE for slug in CERTIFIED_SLUGS},
                  "assistant-de-soins-en-gerontologie-asg": re.compile(r"^DEAS, DEAES ou DEAMP"),
                  # the title of psychologue is protected (law of 25 July 1985): its Master 2 is required
                  "psychologue": re.compile(r"Master 2 (de|en) psychologie (est )?exigé"),
                  # a cadre de santé's own diploma, or a faisant fonction's route to it, not a nurse's DE alone
                  "cadre-de-sante": re.compile(r"[Dd]iplôme de cadre de santé")}
# Employers whose ads hire contractuels on fixed terms (an AESH's three years, a school nurse's
# year), their permanent staff being recruited by competition.
CONTRACTUAL_ONLY = {"education-nationale"}
LOCAL_AUTHORITIES = {"collectivite", "ccas", "conseil-departemental"}
# Figures a presentation gives in words, which no detail counts after it ("de nombreux bénévoles",
# then "Nous nous appuyons sur 10 bénévoles").
SAID_IN_WORDS = [("nombreux bénévoles", "benevoles"), ("petite équipe salariée", "pro")]
CANTON_SEAT = 3000  # the fewest inhabitants of a canton's chief town a service is named after
INTERCOMMUNAL = re.compile(r"\bCIAS\b|[Ii]ntercommunal|[Cc]ommunauté de communes|du pays de")
SHIFTED_HOURS = re.compile(r"[Hh]oraires décalés")
WEEKEND_ROTA = re.compile(r"week-ends? (sur (deux|trois|quatre)|travaillés|et jours fériés|par roulement)|un week-end sur")
SHOP_KINDS = {"pharmacie", "magasin-optique", "centre-audition", "laboratoire", "centre-imagerie", "cabinet-dentaire"}


def for_employer(lines, kind, section=None):
    """The lines that fit the employer kind; all of them if none does."""
    title = section in ("intitules", "appellations")
    kept = [l for l in lines if fits(l, kind, title) or
            (section == "profil" and WISHES.search(l) and not unfit(l, kind))]
    if kind == "agence-interim" and title:  # an agency offers missions: no CDI or CDD in its titles
        kept = [l for l in kept if not re.search(r"\bCD[DI]\b|[Ll]ibéral|[Cc]ollaborat", l)] or kept
    if kind in CONTRACTUAL_ONLY and title:  # the Éducation nationale hires its contractuels on CDDs
        kept = [l for l in kept if not re.search(r"\bCDI\b|[Ll]ibéral|[Cc]ollaborat", l)] or kept
    return kept or lines


# Bank lines that name a status: public-service pay and bodies, or private agreements. A line
# naming both ("selon la convention collective ou la grille de la fonction publique") fits all.
PUBLIC_WORDS = re.compile(r"fonction publique|statutaire|RIFSEEP|CNAS|CGOS|\bFPH\b|grille indiciaire|[Ss]tagiairisation|titularisation|"
                          r"catégorie [AB]\b|D3S|praticiens? hospitaliers?|carrière hospitalière|cadre d'emplois|"
                          r"territoriaux|\bla collectivité|de la commune|traitement indiciaire|\bCTI\b")
PRIVATE_WORDS = re.compile(r"de l'association\b|\bCCN\b|convention collective|FEHAP|accord d'entreprise|[Ii]ntéressement|"
                           r"\bCSE\b|comité social|[Tt]reizième mois|(du|le) groupe\b(?! de)|décentralisée|"
                           r"ou prime Ségur|[Ff]orfait (annuel en )?jours|[Mm]utuelle (d'|de l')entreprise|[Cc]ongés trimestriels")  # (a civil servant's days are not counted by a forfait)
PUBLIC_STATUSES = {"fph", "fpt", "en"}
# Lines that give a unit's or a team's size, which the ad says itself ("Service de 28 lits...").
SIZED = re.compile(r"^(Unité|Service|Section|Groupe de vie|Équipe) de \d+ |multi-accueil de \d+ places|"
                   r"une équipe de \d+ (professionnel|personne)|équipe de \d+ à \d+|groupe de \d+ à \d+|section de \d+ à \d+|de \d+ à \d+ personnes|quinzaine de communes|\d+ communes|"
                   r"quelques communes|plusieurs communes|de (deux|trois|quatre|cinq) praticiens|"
                   r"\d+ à \d+ (bénéficiaires|personnes|interventions) par jour|[Éé]quipe de (deux|trois|quatre|cinq|six) ")
# Lines that give shift hours ("Roulement en 12h de jour (7h-19h)"), which an ad with its own
# shifts says itself.
TIMED = re.compile(r"sur (4|quatre) jours|horaires d'internat|\d+h\d*\s*(-|à)\s*\d+h|entre \d+h\d* et \d+h|\b1[02] heures\b|[Gg]ardes de \d+|[Hh]oraires du matin|à partir de \d+h|\b1[02] ?h\b|\ben \d+h\d*\b|alternant matin|[Rr]oulement de \d+h|"
                   r"week-ends? sur (deux|trois|quatre|cinq)")
# Services open by day on weekdays only.
DAY_SERVICE = re.compile(r"[Hh]ôpital de jour|HÔPITAL DE JOUR|\bHDJ\b|\bCMP\b|\bCATTP\b|\bCSAPA\b|[Cc]onsultations?\b|CONSULTATION|"
                         r"[Aa]mbulatoire|AMBULATOIRE|[Aa]ccueil de jour|[Éé]quipe mobile|ÉQUIPE MOBILE|\bPASA\b")
# Tasks done by day, which a night post does not do: activities, outings, welcoming newcomers.
DAYTIME_TASKS = re.compile(r"\banimations?\b|temps d'activités|\bateliers?\b|[Aa]ccueill(ir|ez) les nouveaux|\bsorties\b|"
                           r"activités d'éveil|\brepas\b|au lever|à la toilette|l'habillage|\bsiestes?\b|scolari|"
                           r"travail scolaire|\bséjours\b|éducation thérapeutique|visite médicale|\bplonge\b|rendez-vous|(à|pendant|tolérer) l'effort\b|"
                           r"réunions? cliniques?|\bsynthèses?\b|[Rr]éaliser une visite à domicile|(chaque jour|quotidiennement|au quotidien) avec le médecin|"
                           r"\brencontres\b|accueillis en stage|kinésithérapeutes|plateau technique|réunions de synthèse|"
                           r"préparation à la naissance|\brégimes\b|textures modifiées|animer des activités|"
                           r"activités éducatives|entretien de leur chambre|et leurs familles et recueill|"
                           r"au départ des patients|linge propre|[Ss]timul\w* la personne|bionettoyage (quotidien|de la chambre)|hygiène oculaire|soins des yeux|les yeux des|"
                           r"personnes diabétiques|pieds? des (résidents|patients)|ongles|isolement, dépistage|nouveaux résidents|"
                           r"[Vv]éhicule de service[^.]*à domicile|refaire seuls|accompagnements extérieurs|"
                           r"à l'extérieur|\bgoûter\b|sortie d'école|groupes? de parole|\bpromenades?\b|séjours adaptés|"
                           r"volet soins du projet|projet personnalisé de soins|objectifs de soins que fixe|"
                           r"\bpes(ez|er|ant|ée)\b[^.]{0,30}(chaque mois|tous les mois|de tous)|chaque mois la pesée|pesée mensuelle|"
                           r"médecins traitants|\bbains?\b|\bbaign|patients du CMP|"
                           # the day's programme of a ward: exams, planned admissions, orders
                           r"examens? d'imagerie|attendus en examen|patients aux examens|avant leurs examens|"
                           r"entrées? programmées?|admissions programmées|gestion des lits|plateaux techniques|"
                           r"bons de commande|commandes? (de pharmacie|du service)|commandez le matériel médical|"
                           r"(?<!ré)approvisionnement du service en produits de pharmacie|"
                           r"domicile du CMP|CMP effectue à domicile|mise de table|[Bb]udget d'animation|ateliers? mémoire|"
                           r"\bAGGIR\b|\bGIR\b|\bPATHOS\b|lieu de vie privé|espaces privatifs|espaces de vie privés|"
                           r"lit au fauteuil|lit-fauteuil|le lit et le fauteuil|lit vers le fauteuil|"
                           r"plateaux?( repas| en chambre)|leur plateau|salle à manger|service en salle|"
                           r"^(?=.*activités? (à visée )?thérapeutiques?)(?=.*unité de psychiatrie)|"
                           r"^(?=.*\bdouleur\b)(?=.*autonomi)(?=.*\bSMR\b)|(formez les|apprenez aux|enseignez aux proches) aidants|"
                           r"des aménagements\.|nettoyages? (approfondis?|de fond|en profondeur)|remises? en état des locaux|"
                           r"remettre les locaux en état|chambres et (les |des )?(espaces|lieux) collectifs|collectifs et les chambres|ménage des chambres|"
                           r"antalgiques[^.]*rééducation|rééducation[^.]*antalgiques|dialys|l'assistante? sociale|avec le service social|encadr\w* (les |des )?(élèves|étudiants|stagiaires)")
# Titles of an evening post (school pick-up) and the lines of morning work it does not do.
EVENING = re.compile(r"[Ss]ortie d'école|SORTIE D'ÉCOLE|\b1[6-8]h|\bsoirs?\b|SOIRS?\b")
MORNING = re.compile(r"\ble matin\b|petits?-déjeuners?|\bmatinées?\b|\bmercredis\b|vacances scolaires|[Hh]oraires du matin")
EVENING_SHIFT = re.compile(r"\bdu soir\b")
# Conditions and benefits that go with night work ("Prime de nuit", "gardes de nuit").
NIGHT_WORK = re.compile(r"[Pp]rimes? de nuit|jour et (de )?nuit|heures de nuit|[Ii]ndemnités de nuit|[Mm]ajoration[^.]*\bnuits?\b|"
                        r"[Gg]ardes? de nuit|[Pp]ostes? de nuit|(?<![Pp]as de )(?<!ni de )(?<!sans )(?<!aucun )(?<!jamais de )[Tt]ravail de nuit|[Aa]streintes? de nuit|\bnuits travaillées|"
                        r"surveillant\(e\) de nuit|[Vv]eilleurs? de nuit")
# Night work a text says in passing ("gardes le dimanche et de nuit", "de jour comme de nuit"),
# read on the whole ad once written, for its record.
NIGHT_SAID = re.compile(r"[Gg]ardes?[^.;\n]{0,40}\bde nuit|de jour comme de nuit|jour et nuit|\bnuits? par semaine")
# Benefits that state the pay: one per ad.
PAY_LINE = re.compile(r"^(Rémunération|Salaire|Grille|Reprise d'ancienneté selon)")
# A line that says the wage: no second one ("Salaire de 12,51 € brut horaire" and "Taux horaire de 12,51 €").
WAGE_SAID = re.compile(r"^(Rémunération|Salaire|Grille|Taux horaire)|€ net|brut (horaire|par heure|de l'heure)")
# The métiers a mission locale (16 to 25-year-olds' employment) hires.
MISSION_LOCALE_SLUGS = {"conseiller-insertion-professionnelle", "charge-accueil-social",
                        "conseiller-economie-sociale-familiale-cesf"}
# A benefit of meals: a canteen, meal vouchers.
MEAL_BENEFIT = re.compile(r"\bself\b|[Rr]estauration (sur|d'entreprise|collective)|[Tt]itres?-restaurant|[Tt]ickets? restaurant|"
                          r"[Rr]epas (à tarif|pris|sur place)|[Cc]antine")
# How a public post is filled: a contract line that says it leaves no other line to say it again.
RECRUITMENT_ROUTE = re.compile(r"ouvert aux (fonctionnaires|contractuels|titulaires)|ouverts? aux titulaires|"
                               r"voie (statutaire|contractuelle)|[Rr]ecrutement (statutaire|contractuel)|détachement")
# Care without consent, or the emergencies, and the open ward of free patients they rule out.
CLOSED_CARE = re.compile(r"isolement et (de )?contention|sans consentement|[Uu]rgences|URGENCES")
OPEN_WARD = re.compile(r"hospitalisation libre")
# Cardiac rehabilitation, and the titles of another rehabilitation than the heart's.
CARDIAC_REHAB = re.compile(r"[Rr]éadaptation cardiaque|réentraînement à l'effort")
OTHER_REHAB_TITLE = re.compile(r"[Oo]rthop|ORTHOP|[Gg]ériatr|GÉRIATR|[Nn]euro|NEURO|[Pp]édiatr|PÉDIATR|[Cc]hutes|CHUTES")
# A practice's partners, whom a locum does not have.
PARTNERS = re.compile(r"vos associé")
# An employer's sites said in the opening, and the trips between them that a line may mention.
SITES = re.compile(r"\bsites\b|\bcentres\b|établissements|\bantennes\b|groupement|\bGHT\b")
BETWEEN_SITES = re.compile(r"entre les sites\b")
# Any word of pay: a "Rémunération et avantages" section without one reads as a header pasted on.
PAY_SAID = re.compile(r"€|[Rr]émunér|[Ss]alaire|[Gg]rille|[Tt]raitement|[Pp]rime|CTI|[Ii]ndemnit|[Cc]omplément")
# Requirements an apprentice, who prepares the diploma, cannot meet.
DIPLOMA_HELD = re.compile(r"[Tt]itulaire d|dernière année|fin de formation|exigée?s?\b|[Jj]eunes? diplômé|[Dd]iplômée?\(e\)|[Dd]iplôme d'[ÉE]tat .*obligatoire")
# Métiers no apprentice learns: a further training of a qualified hand (ASG is an aide-soignant's).
NO_APPRENTICE_SLUGS = {"assistant-de-soins-en-gerontologie-asg", "infirmier-coordonnateur-idec",
                       "infirmier-anesthesiste-iade", "infirmier-de-bloc-operatoire-ibode", "puericulteur",
                       "accompagnant-eleves-situation-handicap-aesh"}
# How long an apprentice's contract runs: its diploma's course (DEAS a year, DEES three).
ALTERNANCE_MONTHS = {"aide-soignant": (12, 18), "auxiliaire-de-puericulture": (12, 18),
                     "accompagnant-educatif-et-social-aes": (12, 18, 24), "educateur-specialise": (24, 36),
                     "educateur-de-jeunes-enfants-eje": (24, 36), "moniteur-educateur": (24,),
                     "infirmier-en-soins-generaux-ide": (24, 36), "assistant-de-service-social": (24, 36),
                     "preparateur-en-pharmacie": (24,)}  # the DEUST takes two years
# Educators on shifts: they follow projects over months, on no mission of days.
EDUCATORS = {"educateur-specialise", "moniteur-educateur", "maitre-de-maison"}
# Staff of a house's general services (CCN 66), who get half the educators' congés trimestriels.
GENERAL_SERVICES_SLUGS = {"agent-de-service-hospitalier-ash", "secretaire-medico-social", "secretaire-medical",
                          "conducteur-accompagnateur-pmr", "charge-accueil-social"}
# Shift workers who do no 12-hour days: educators and house staff work split or internat hours.
NO_12H_SLUGS = {"moniteur-educateur", "educateur-specialise", "maitre-de-maison", "agent-de-sterilisation",
                "ambulancier"}
# A thirteenth month, which a record paid over 12 months does not give; a staff crèche, which
# only an employer of some hundreds runs.
THIRTEENTH = re.compile(r"[Tt]reizième mois|13e mois")
STAFF_CRECHE = re.compile(r"[Cc]rèche (du personnel|hospitalière)")
# Titles of a morning's child minding, and the afternoon's and evening's care it does not do.
MORNING_TITLE = re.compile(r"\b[Mm]atins?\b|\bMATINS?\b|avant l'école|AVANT L'ÉCOLE")
AFTERNOON_CARE = re.compile(r"sortie de l'école|goûter|retour de l'école|dîner|coucher|\bmercredis?\b|vacances|devoirs|"
                            r"\ble soir\b|chaque soir|\b1[6-9]h|extrascolaires|journée des enfants|piscine")
# The first year such houses and services existed (the laws and decrees that made them).
FOUNDED_AFTER = {"saad": 1983, "ssiad": 1981, "fam": 1986, "mas": 1978, "esat": 1978, "had": 1975, "sessad": 1989,
                 "micro-creche": 2007, "relais-petite-enfance": 1989, "itep": 2005, "service-mandataire": 2009,
                 "agence-interim": 1972}  # temporary work agencies were legalised in 1972
# The units of an EHPAD or a home-care service that a title or an appellation may name.
CARE_UNITS = [("uvp", PROTECTED_UNIT), ("cmp", re.compile(r"\bCMP\b|[Cc]entre médico-psychologique")),
              ("hdj", re.compile(r"[Hh]ôpital de jour|HÔPITAL DE JOUR|\bHDJ\b")), ("cattp", re.compile(r"\bCATTP\b")), ("uhr", re.compile(r"\bUHR\b|[Hh]ébergement renforcé")),
              ("pasa", re.compile(r"\bPASA\b")), ("esa", re.compile(r"\bESA\b|[Éé]quipe spécialisée Alzheimer|EQUIPE SPECIALISEE")),
              ("jour", re.compile(r"[Aa]ccueil de jour|ACCUEIL DE JOUR")),
              ("ucc", re.compile(r"\bUCC\b|[Cc]ognitivo-comportementale"))]


def care_units(text):
    """The CARE_UNITS a title or an appellation names."""
    return frozenset(name for name, pattern in CARE_UNITS if pattern.search(text))


# Orthodontics, an orthodontist's (and their assistant's) work.
ORTHODONTICS = re.compile(r"[Oo]rthodont|ORTHODONT|\bODF\b|orthopédie dento-faciale")
# A training the employer finances after hiring, which the record then does not require.
FINANCED_TRAINING = re.compile(r"peut être financée|Financement de la licence|[Cc]andidat\(e\) non certifié|sans formation : l'entreprise")

TitleFlags = collections.namedtuple("TitleFlags", "higher morning orthodontics surgery baby secondary acting mam "
                                                  "graduate holidays cleaner modality medicine orthopaedics pupils")


@functools.lru_cache(maxsize=None)
def title_line_flags(title, post):
    """What a title (and its appellation) rules in or out of its lines: a manager's post, a
    morning's, an orthodontist's, a surgery ward's, a baby's, a secondary school's, one held
    without the diploma, one in a MAM, a graduate's, one of school holidays, a cleaner's, one
    imaging modality's, a medicine ward's (no surgery), an orthopaedic ward's, an AESH's of
    several pupils."""
    text = title + " " + post
    # a ward the title names is the ad's: "médecine polyvalente" under the appellation "en médecine et chirurgie"
    ward = title if MEDICINE.search(title) or SURGERY_TITLE.search(title) else post
    return TitleFlags(bool(HIGHER_ROLE.search(text)), bool(MORNING_TITLE.search(title)), bool(ORTHODONTICS.search(text)),
                      bool(SURGERY_TITLE.search(title)), bool(BABY_TITLE.search(title)),
                      bool(SECONDARY_TITLE.search(title)), bool(ACTING.search(title)), bool(MAM.search(text)),
                      bool(GRADUATE_TITLE.search(title)), bool(HOLIDAY_TITLE.search(title)), bool(CLEANER.search(text)),
                      bool(ONE_MODALITY.search(title)),
                      bool(MEDICINE.search(ward)) and not SURGERY_TITLE.search(ward), bool(ORTHOPAEDICS.search(text)),
                      bool(SEVERAL_PUPILS.search(text)))


# A title of one imaging modality, which rotates on no others.
ONE_MODALITY = re.compile(r"\bIRM\b|[Ss]canner|SCANNER|[Mm]ammograph|MAMMOGRAPH|[Mm]édecine nucléaire|[Rr]adiothérapie|"
                          r"RADIOTHÉRAPIE|MÉDECINE NUCLÉAIRE")
MODALITY_ROTATION = re.compile(r"[Rr]otation sur les différentes modalités")
# A first experience wished, which a record asking years of it does not say.
FIRST_EXPERIENCE = re.compile(r"[Pp]remière expérience")
# A cleaning agent's post ("agent de bionettoyage"), which serves no meals.
CLEANER = re.compile(r"[Bb]ionettoyage|BIONETTOYAGE")
MEALS = re.compile(r"\brepas\b|petits?-déjeuners?|collations?|\bplonge\b|[Ss]ervir")


# A post of Wednesdays and school holidays, and the lines of school days it does not work.
HOLIDAY_TITLE = re.compile(r"[Mm]ercredis et vacances|MERCREDIS ET VACANCES")
SCHOOL_DAYS = re.compile(r"\bl'école|sortie de (classe|l'école)|devoirs|hors vacances|du lundi au vendredi|année scolaire|"
                         r"18 mois")  # (nor a baby's place, which a school-age child's holidays do not fill)
# A baby's care, which the school-age children of Wednesdays and holidays no longer need.
BABY_CARE = re.compile(r"diversification|biberon|\bchanges\b|[Bb]ébés?\b|nourrisson|premiers pas")


# A title that names the diploma it asks ("AIDE-SOIGNANT(E) DIPLÔMÉ(E)", "titulaire du CAP AEPE"):
# its profile says it too.
DIPLOMA_TITLE = re.compile(r"[Dd]iplômée?\b|DIPLOM|\bD\.?E\b(?! [A-ZÀ-Ý])|\bDE[A-Z]{2,3}\b|[Tt]itulaire d|\bCAP\b")  # (not "DE NUIT")
# A title that asks for the diploma, and the lines of students finishing it, which it does not take.
GRADUATE_TITLE = re.compile(r"[Dd]iplômée?\b|DIPLOM|\bD\.?E\b|\bDE[A-Z]{2,3}\b|[Qq]ualifiée?\b|QUALIFIÉ|[Ff]ormé\(e\) ASG")
STUDENTS_TOO = " ou élève en fin de formation"  # a formation's comment that takes students finishing it
FINISHING_STUDIES = re.compile(r"en fin de formation|dernière année|en cours de formation|\bVAE\b|pas encore (la formation|suivie)|"
                               r"vous manque encore|\bun (de ses )?CCP|plusieurs CCP|"  # (one CCP is a part of the titre)
                               r"(qualification|[Dd]iplôme)[^.;]*(serait|est) un plus")
REQUIRED = re.compile(r"([Dd]iplôme|\bDE[A-Z]{2,3}\b|\bDE\b|[Tt]itre)[^.;]*(exigée?s?\b|obligatoire|indispensable)|"
                      r"[Tt]itulaire d[ue']")
MASTERY = re.compile(r"[Mm]aîtris")


# A childminder in a maison d'assistants maternels minds the children there, not in her home.
MAM = re.compile(r"\bMAM\b|[Mm]aison d'assistants maternels")
OWN_HOME_LINES = re.compile(r"[Vv]otre domicile|[Vv]otre logement|[Cc]hez vous\b")


# A post held without the diploma ("faisant fonction"), which asks for none.
ACTING = re.compile(r"[Ff]aisant[- ]fonction|FAISANT[- ]FONCTION")


# Titles of a surgery ward, a baby's care, a collège or lycée, and the lines each rules out: a
# medicine ward's patients, school runs, primary schools.
SURGERY_TITLE = re.compile(r"[Cc]hirurgi|CHIRURGI")
MEDICINE_LINES = re.compile(r"diabétiques|insuffisants cardiaques")
BABY_TITLE = re.compile(r"[Bb]ébés?\b|BÉBÉS?\b|[Nn]ourrissons?|\b\d+ mois\b|\b(enfants?|ENFANTS?) de [12] (ans?|ANS?)\b")
BABY_UNFIT = re.compile(r"[Mm]ercredis|vacances scolaires|activités extrascolaires|piscine|"
                        r"(trajets|déplacements) (vers|jusqu'aux) (les )?activités|journée des enfants")
SCHOOL_RUN = re.compile(r"scolaris|sortie de classe|sortie de l'école|l'école|[Mm]aternelle|devoirs|goûter")
SECONDARY_TITLE = re.compile(r"[Cc]ollège|COLLÈGE|[Ll]ycée|LYCÉE")
PRIMARY_LINES = re.compile(r"\bécoles\b|circonscription|maternelle")


# Children of school age past the maternelle, whose nanny the CESU pays; and the CESU's words.
OLDER_CHILDREN = re.compile(r"\bdevoirs\b|collège|élémentaire|primaire|\bCP\b|[Aa]dolescent")
CESU_WORDS = [(re.compile(r"(déclaré(?:\(e\))?) (?:par|via) (?:le )?CESU"), r"\1 via Pajemploi"),
              (re.compile(r"déclaration au CESU"), "déclaration via Pajemploi"),
              (re.compile(r"chèques? emploi[- ]service universels? \(CESU\)|CESU \(chèque emploi-service universel\)"),
               "Pajemploi"),
              (re.compile(r"\bCESU\b"), "Pajemploi")]


def pajemploi(text):
    """A nanny's text with the CESU's declaration said as Pajemploi's."""
    return replaced(text, CESU_WORDS)


# A lycée's title (no collège's post), and a unit post's référent line (no pool's).
LYCEE = re.compile(r"[Ll]ycée|LYCÉE")
REFERENT = re.compile(r"^Rôle de référent")
# A worksite's (SIAE) words, which a mission locale's lines do not say.
WORKSITE_WORDS = re.compile(r"salariés (en|engagés dans un) (parcours d')?insertion|sorties dynamiques|\bACI\b|chantiers? d'insertion|"
                            r"encadrants? techniques?")
# Lines of a summer's heat, which an ad of the autumn or winter does not draw.
HEAT = re.compile(r"canicule|vagues? de chaleur|fortes chaleurs")
# A profile line that requires a diploma, a title or a certificate outright.
DIPLOMA_REQUIRED = re.compile(r"^(?!.*(souhait|appréci|en cours|un plus|atout|ou entrée|tout en travaillant))"
                              r"(?=.*(\bexigée?s?\b|obligatoires?\b|[Tt]itulaire d))"
                              r"(?=.*([Dd]iplôme|\bDE[A-Z]{2,}\b|\bDE\b|\bCAP\b|[Tt]itre|[Cc]ertificat|\bCCO\b|\bCNC\b|[Ll]icence|"
                              r"CAFERUIS|\bCIP\b|\bBP\b|\bDES\b))")
# A coordinator's title, which takes a coordinator's appellation and no unit; a title of care
# at someone's home, whose agency ad has a home-care client.
COORDINATOR = re.compile(r"[Cc]oordinat|[Cc]oordonnat|COORDINAT|COORDONNAT|\bIDEC\b")
AT_HOME_TITLE = re.compile(r"\b([Dd]ame|[Mm]onsieur|[Cc]ouple)\b|[àa]u? domicile|À DOMICILE")
# The ASG's own training said as a wish.
ASG_WISHED = re.compile(r"(soins en gérontologie|ASG)\b\)?[^.;]{0,40}(appréciée?|souhaitée?|un atout|un plus)")
# A neonatology unit, which holds fewer beds than a ward.
NEONATOLOGY = re.compile(r"[Nn]éonat|NÉONAT")


# Lines that two lines of one section cannot both say: no weekend, and some weekend work;
# students finishing their course welcome, and a diploma required; four days a week, and Saturdays;
# Tuesday to Saturday, and Monday to Friday; a baby's first foods, and a child at school.
WEEKEND_MENTION = re.compile(r"week-ends?\b|[Ss]amedis?\b|[Dd]imanches?\b")
FOUR_DAYS = re.compile(r"sur (4|quatre) jours|du lundi au jeudi")
SATURDAY = re.compile(r"[Ss]amedis?\b")
TUESDAY_TO_SATURDAY = re.compile(r"du mardi au samedi")
MONDAY_TO_FRIDAY = re.compile(r"du lundi au vendredi")


# A contract of a year that a grant funds: no replacement's, nor a contract of other months.
FUNDED_YEAR = re.compile(r"financements? du dispositif")
AUGUST = re.compile(r"\baoût\b")
# The places a title gives ("DIRECTRICE DE MULTI-ACCUEIL - 40 BERCEAUX").
# A reason of a post that someone leaves, which a house that opens has not.
LEAVING = re.compile(r"mobilité interne|retraite|[Dd]épart|[Rr]emplacement|se libère|succéd")
TITLE_CAPACITY = re.compile(r"\b(\d+) (berceaux|BERCEAUX|places|PLACES)\b")
# Employers of old people, where a carer's dementia training (ASG) is wished for.
ELDERLY_KINDS = {"ehpad", "usld", "residence-autonomie", "ssiad", "saad", "had", "smr"}
# A baby's first foods, and a child at school.
FIRST_FOODS = re.compile(r"diversification")
AT_SCHOOL = re.compile(r"scolarisée?\b|sortie de classe")
# A baby kept full time is no pupil fetched from school on Wednesdays.
BABY_FULL_TIME = re.compile(r"bébé à temps plein")
SCHOOL_AGE = re.compile(r"scolaris|l'école|extrascolaires|piscine|mercredis|devoirs")
EXCLUSIVE = ((NO_WEEKEND, WEEKEND_MENTION), (FINISHING_STUDIES, REQUIRED), (FOUR_DAYS, SATURDAY),
             (TUESDAY_TO_SATURDAY, MONDAY_TO_FRIDAY), (FIRST_FOODS, AT_SCHOOL), (BABY_FULL_TIME, SCHOOL_AGE))
_SIDES = {}  # line -> ({i: the line says EXCLUSIVE[i]'s first}, {i: it says its second only})
_ANY_SIDE = re.compile("|".join("(?:%s)" % pattern.pattern for pair in EXCLUSIVE for pattern in pair))
NO_SIDES = (frozenset(), frozenset())


def _sides(line):
    sides = _SIDES.get(line)
    if sides is None:
        if not _ANY_SIDE.search(line):  # most lines take no side
            _SIDES[line] = NO_SIDES
            return NO_SIDES
        says_no = {i for i, (no, _) in enumerate(EXCLUSIVE) if no.search(line)}
        says_yes = {i for i, (no, yes) in enumerate(EXCLUSIVE) if i not in says_no and yes.search(line)}
        sides = _SIDES[line] = (says_no, says_yes)
    return sides


def consistent(lines):
    """lines without those that say the opposite of an earlier one ("sans garde de week-end",
    then "astreintes le week-end")."""
    sides = [_sides(line) for line in lines]
    if not any(no or yes for no, yes in sides):
        return lines  # most lines take no side
    kept, said_no, said_yes = [], set(), set()
    for line, (no, yes) in zip(lines, sides):
        if not (no & said_yes or yes & said_no):
            kept.append(line)
            said_no |= no
            said_yes |= yes
    return kept


# The words of a line that say what it is about: not its frame ("Vous serez chargé(e) de"),
# nor the words any line may hold.
CONTENT_WORD = re.compile(r"[a-zà-öø-ÿœ]{4,}")
FRAME_WORDS = frozenset(("vous", "avec", "dans", "pour", "leur", "leurs", "votre", "selon", "ainsi", "entre", "afin",
                         "chaque", "tout", "tous", "toute", "toutes", "cette", "plus", "lors", "mais", "comme", "dont",
                         "notre", "sont", "être", "aurez", "serez", "devrez", "mission", "amené", "chargé", "revient",
                         "appartiendra", "agira", "rôle", "assurez", "assurer", "poste"))


@functools.lru_cache(maxsize=1 << 16)  # bounded, as any per-line cache whose lines may carry figures
def content_words(line):
    return frozenset(w for w in CONTENT_WORD.findall(line.lower()) if w not in FRAME_WORDS)


def distinct(lines):
    """lines without those that say most of an earlier one's words again (readers took two
    bullets of one section sharing 60 % of their words for the same task pasted twice)."""
    if len(lines) < 2:
        return lines
    kept, kept_words, seen = [], [], set()
    for line in lines:
        words = content_words(line)
        # (two words in common at least: most lines share fewer with all the earlier ones)
        if len(words) >= 3 and len(words & seen) >= 2 and \
                any(len(words & other) >= 0.6 * min(len(words), len(other)) >= 1.8 for other in kept_words):
            continue
        kept.append(line)
        kept_words.append(words)
        seen |= words
    return kept


# A public some of whom do not speak, and the care that presumes it.
NON_VERBAL_PUBLIC = re.compile(r"olyhandicap|autis|déficience|cérébrolés|TSA\b")
NON_VERBAL_CARE = re.compile(r"pictogramm|communiquent pas verbalement|sans langage oral|privés de parole|ne parlent plus|"
                             r"perdu la parole|communication non verbale|\bPECS\b|Makaton|olyhandicap|communication alternative|"
                             r"outils alternatifs|alternatifs de communication|verticalisat|corset-siège|coquille")
# What a post of one service or sector owns, which a pool's does not.
UNIT_OWNED = re.compile(r"du service\b|de votre secteur|[Vv]otre unité|référent\(e\) de plusieurs")
# A word a title may echo in a task: five letters or more, or an acronym ("pda", "ehpad").
ECHO_WORD = re.compile(r"\b\w{5,}\b|\b(?:cfao|pda|dea|ssr|smr|hdj|cmp|pmi|tnd|asg|pasa|uhr|uvp)\b")


# Words too general to be what a title promises ("secteur personnes âgées", "Entretien des locaux").
ECHO_STOPWORDS = {"service", "secteur", "formation", "personnes", "entretien", "accueil", "soins", "suivi",
                  "équipe", "patients", "enfants", "adultes", "travail", "établissement", "structure", "centre"}


# Reasons that open one post: someone leaves or is away, a post is created.
ONE_POST = re.compile(r"départ|[Rr]emplacement|congé|[Cc]réation de poste|le poste d|un\(e\)")
# Opening hours a presentation or a condition gives, said once an ad.
OPENING_SAID = re.compile(r"[Oo]uverte? (de \d|du lundi|tous les jours|7 jours)|horaires d'ouverture|[Aa]mplitude d'ouverture|"
                          r"ouverture au public|amplitude d'accueil du public|aux heures d'ouverture")
# Titles of a level-3 maternity, only in a city.
LEVEL_3 = re.compile(r"[Nn]iveau 3|NIVEAU 3|[Tt]ype 3|TYPE 3")
# Tasks done on weekdays, which a weekends-only post does not do: appointments, school, meetings.
WEEKDAY_TASKS = re.compile(r"rendez-vous médicaux|\bl'école\b|\bscolari|réunions? (d'équipe|pluridisciplinaires?|de synthèse)|"
                           r"\bsynthèses\b|partenaires|[Ee]ntretiens? (familiaux|d'embauche)|sorties? d'école|\bdevoirs\b|\bgoûter\b")
# A headcount a figure states ("Le service emploie 66 salariés").
STAFF_FIGURE_COUNT = re.compile(r"emploie ([\d ]+\d) ")
# A driving licence the title or text requires, and those who drive for a living.
LICENCE_ASKED = re.compile(r"[Pp]ermis B[^.;\n]{0,40}(obligatoire|exigé|indispensable)|PERMIS B EXIGÉ")
DRIVERS = {"ambulancier", "conducteur-accompagnateur-pmr", "auxiliaire-ambulancier"}
# Titles of a rural post.
RURAL = re.compile(r"[Rr]ural|RURAL")
# Titles of a town centre's post, and the presentations of a shop that is not in one.
CITY_CENTRE = re.compile(r"[Cc]entre-ville|CENTRE-VILLE")
# A crèche's deputy director (DEPUTY) is a big crèche's (40 children and more), a small town's at least.
DEPUTY_TOWN = 3000
# Where a shopping centre's shop is not.
OTHER_THAN_SHOPPING_CENTRE = re.compile(r"centre-ville|de quartier|[Rr]ural|du centre de \{ville\}")
SHOPPING_CENTRE = re.compile(r"centre commercial|galerie marchande|zone commerciale")
# A director's tasks, which a post under a director does not do.
DIRECTS = re.compile(r"[Aa]ssur\w* la direction|[Vv]ous dirigez")
# Rotas of weekdays and weekends, which a weekends-only post does not work.
WEEKDAY_ROTA = re.compile(r"week-ends? sur (deux|trois|quatre|cinq)|[Dd]u lundi au (vendredi|jeudi|samedi)|en semaine|"
                          r"[Hh]oraires alternés|mercredis?\b")
# A rota's plannings, which an office's, a day service's or a psychologist's post has not.
PLANNINGS = re.compile(r"^Plannings")
# Benefits of a rota, which one who works at home has not.
ROTA_BENEFIT = re.compile(r"[Pp]lannings?|[Rr]oulement|[Tt]itres?-restaurant|[Ss]elf|[Pp]arking")
# Pay and careers of a grid, which an apprentice's contract is not.
GRID_PAY = re.compile(r"échelon|[Ss]tagiairisation|titularisation|[Rr]eprise d'ancienneté|ancienneté reprise|RIFSEEP|"
                      r"€ net par mois|[Rr]émunération (statutaire|selon)|[Gg]rille")
LODGING = re.compile(r"[Ll]ogement temporaire")
TITULAIRE = re.compile(r"\b(le|du|au|Le|Du|Au) titulaire\b")
FEMININE_TITULAIRE = {"le": "la titulaire", "du": "de la titulaire", "au": "à la titulaire",
                      "Le": "La titulaire", "Du": "De la titulaire", "Au": "À la titulaire"}
TWELVE_HOURS_TITLE = re.compile(r"\b12 ?[hH]\b")
TWELVE_HOURS = re.compile(r"\b12 ?h\b|12 heures|douze heures|\b(7|8|19|20) ?h ?(-|à) ?(7|8|19|20) ?h")
# A career's steps, which a fixed-term contract does not take.
CAREER_PATHS = re.compile(r"[Éé]tudes promotionnelles|[Pp]romotion professionnelle")
# Doctors, dentists, pharmacists and biologists (ROME J1101-J1103, J1201-J1202), whom no
# paramedic's career studies concern either.
PRACTITIONER_CODES = {"J1101", "J1102", "J1103", "J1201", "J1202"}
# Psychologists, whom no paramedic's career studies concern.
PSYCHOLOGIST_SLUGS = {"psychologue", "neuropsychologue"}
# A civil servant's first steps, which a faisant fonction does not take.
CAREER_ENTRY = re.compile(r"[Ss]tagiairisation|[Tt]itularisation")
# A libéral's fees paid back to her: a locum's, not a collaborator's.
FEES_PAID_BACK = re.compile(r"^Reversement des honoraires|^Rétrocession")
# A site's car park, the staff's and not a temp's benefit.
PARKING = re.compile(r"[Pp]arking|[Pp]laces? de stationnement")
PERMANENT_PAY = re.compile(r"[Pp]rime de bienvenue|[Pp]rime d'embauche|bonification indiciaire|\bNBI\b")
# What an employer gives its own staff over the years, not a temp placed by an agency nor one
# hired for a few weeks: an induction course, a training plan, a referral bonus, profit sharing.
STAFF_ONLY = re.compile(r"^(Parcours d'intégration|Plan de formation|Prime de parrainage|Prime de cooptation|"
                        r"Brancardage assuré|Binômes? aide|Cadre de santé (sur place|présent)|Places de parking|"
                        r"Équipe de suppléance|Analyse des pratiques|"
                        r"Intéressement|CSE|Comité social|Treizième mois|Entretien annuel|Tutorat|Promotion professionnelle|"
                        r"Titularisation|Stagiairisation|Congés trimestriels|A?RTT|Crèche|Mobilité interne|"
                        r"Perspectives d'évolution|Évolution de carrière|Plannings? (connus?|transmis|communiqués?|diffusés?))", re.I)
ROTA_OR_STAFF_ONLY = re.compile("%s|%s" % (ROTA_BENEFIT.pattern, STAFF_ONLY.pattern), re.I)
# What a post of some months or more offers, not a temp's mission of weeks: a choice of hours,
# conferences, a yearly allowance or one after a year's service.
LONG_SERVICE = re.compile(r"^Temps plein ou|[Tt]emps partiel (à \d+ % )?(possible|envisageable)|partiel possible|"
                          r"congrès|(dès|après|au bout d') ?(un|1) an d'ancienneté|€ par an\b|par année d'ancienneté")
EXPERIENCE_WISH = re.compile(r"[Ee]xpérience[^.;]*(appréciée?|souhaitée?|un atout|un plus|bienvenue?|serait)")
NBI = re.compile(r"bonification indiciaire|\bNBI\b")
MILEAGE = re.compile(r"[Ii]ndemnités kilométriques|[Ff]rais kilométriques")
# An induction with a tutor or shifts in tandem: a permanent hire's, not a temp's nor a few weeks' replacement's.
INDUCTION = re.compile(r"doublure|tutorat|\btut(eur|rice)(?!s)")
TWO_YEARS_SLUGS = {"infirmier-liberal"}  # the métiers the law asks two years of practice before libéral work
# Doctors, dentists and pharmacists (ROME).
HOSPITAL_DOCTORS = {"J1101", "J1102", "J1103", "J1201", "J1202"}


def hospital_doctor(statut, rome):
    """Whether the post is a public hospital's doctor or pharmacist (a praticien hospitalier)."""
    return statut == "fph" and rome in HOSPITAL_DOCTORS


# The civil servants' pay a hospital does not give its doctors.
DOCTOR_UNPAID = re.compile(r"bonification indiciaire|\bNBI\b|\bCTI\b|\bFPH\b|[Cc]atégorie [AB]\b")
# Requirements that welcome beginners, and those that ask for years of practice: an ad says
# one or the other, as its record's experienceExige does ("Débutant accepté" under "Expérience
# exigée de 2 An(s)" reads as two ads).
BEGINNERS = re.compile(r"[Dd]ébutant|DÉBUTANT|[Jj]eunes? (diplômé|médecin|spécialiste)|JEUNES? DIPLÔMÉ|sortie d'alternance|"
                       r"[EÉé]lèves\b|fin de formation|en cours de formation|dernière année|"
                       r"non certifié|[Ss]ans diplôme|sans formation|[Aa]ucun diplôme exigé|[Pp]remier poste")
# The emergency nurse who triages arrivals (IOA), a post for a nurse with experience.
TRIAGE = re.compile(r"\bIOA\b|organisat\w+ de l'accueil")
SEASONED = re.compile(r"\bminimum\b|[Jj]ustifiez d'|d'au moins (un|deux|trois|cinq) ans|[Ee]xpérience[^.;\n]*exigée|"
                      r"[Ee]xpérience[^.;\n]*(indispensable|demandée)|[Ee]xpérience (solide|confirmée|significative|réussie)|"
                      r"plusieurs années|expérimentés (au bloc|souhaitant)|[Cc]onfirmée?\(?e?\)?\b|CONFIRMÉ|"
                      r"[Ee]xpérimentée?\(?e?\)?$|EXPÉRIMENTÉ|\bsenior\b|SENIOR")
# Lines for apprentices only.
TRAINEE = re.compile(r"[Aa]pprenti(?!ssages?\b (de|des|du|d')\b)(?!ssages\b)|[Aa]lternance")  # not "l'apprentissage des déplacements"
# Titles of a qualified hand's post, not an apprentice's.
QUALIFIED_POST = re.compile(r"[Qq]ualifiée?|[Dd]iplômée?")
QUALIFIED_TITLE = re.compile(r"12 ?[hH]\b|[Nn]uit|NUIT|[Dd]iplômé|DIPLOM|\bD\.?E\b|[Cc]onfirmé|CONFIRMÉ|[Ee]xpérimenté|"
                             r"EXPÉRIMENTÉ|[Rr]emplaç|REMPLA|[Ll]ibéral|LIBÉRAL")
# Lines of one who supervises students, which an apprentice (a student himself) is not.
SUPERVISES = re.compile(r"[Ee]ncadr\w* (les |des )?(élèves|étudiants|stagiaires|apprentis)|accueillis en stage|"
                        r"[Tt]utorat des|[Mm]aîtrise de stage|(accompagn|form)\w* les apprentis")
_FLAGS = {}


_TIMES = {}


def line_times(line):
    """What a line says of the ad's days and nights, read once: (no weekend, day only, night
    work, a daytime task, a morning task, an inpatient's task, a school year's contract)."""
    times = _TIMES.get(line)
    if times is None:
        times = _TIMES[line] = (bool(NO_WEEKEND.search(line)), bool(DAY_ONLY.search(line)), bool(NIGHT_WORK.search(line)),
                                bool(DAYTIME_TASKS.search(line)), bool(MORNING.search(line)), bool(INPATIENT.search(line)),
                                bool(SCHOOL_YEAR.search(line)))
    return times


def line_flags(line):
    """(for apprentices only, gives a unit's size, gives its own shift hours) of a bank line,
    read once."""
    flags = _FLAGS.get(line)
    if flags is None:
        flags = _FLAGS[line] = (bool(TRAINEE.search(line)), bool(SIZED.search(line)), bool(TIMED.search(line)))
    return flags


# Benefits of a household's employee who works in its home: not for one who works in her own.
# Buses and trams, which a village has few of: no fares refunded nor trips by bus there.
PUBLIC_TRANSPORT = re.compile(r"[Tt]rajets[^.]*transports en commun|abonnement[^.]*transports? (en commun|publics?)|"
                              r"frais de transport (en commun|public|collectif)")
TRANSPORT_TOWN = 10000
AT_THE_HOUSEHOLD = re.compile(r"\bCESU\b|frais de transport|brut de l'heure|abonnement|charge des transports|"
                              r"[Ff]orfait mobilités|titres? de transport|transports pris en charge")
# Benefits said once whatever follows their first word ("Mutuelle d'entreprise...", "Mutuelle prise
# en charge à 75 %").
# Benefits about one subject whatever their first words ("Congés trimestriels (18 jours...)" and
# "18 jours de congés trimestriels").
SUBJECT_WORDS = [(re.compile(r"congés trimestriels", re.I), "congés trimestriels"), (re.compile(r"\bRTT\b"), "RTT"),
                 (re.compile(r"[Pp]lannings? (?:connus?|transmis)"), "planning")]
ONE_WORD_SUBJECTS = {"Mutuelle", "Titres-restaurant", "Self", "Restauration", "Logement", "Crèche", "Tenue",
                     "Tenues"}


@functools.lru_cache(maxsize=1 << 16)
def subject(line):
    """What a benefit line is about: its first word or two, or training for any line about it
    ("Plan de formation : 5 jours..." and "Formation continue : 5 jours...") (cached: a bank's
    lines come back in many ads)."""
    if line.startswith(TRAINING):
        return ("formation",)
    for words_, name in SUBJECT_WORDS:
        if words_.search(line):
            return (name,)
    words = [w.rstrip(",;:") for w in line.split()]  # "Self, crèche et parking" is about the self
    return tuple(words[:1] if words and words[0] in ONE_WORD_SUBJECTS else words[:2])


TRAINING = ("Formation", "Plan de formation", "Budget de formation")


# What an employee gets and a libéral practitioner does not.
EMPLOYEE_WORDS = re.compile(r"[Mm]utuelle|[Pp]rime|[Tt]reizième mois|[Tt]itres?-restaurant|[Cc]ongés|RTT|"
                            r"[Rr]eprise d'ancienneté|[Rr]émunération selon|CSE|[Ii]ntéressement|[Cc]omité")


_STATUS_WORDS = {}  # line -> (public words, private words, employee words)


# Collective agreements a line may name, and the employer status each is.
AGREEMENTS = [(re.compile(r"15 mars 1966|CCN (de )?(19)?66\b|convention collective (nationale )?(de )?(19)?66\b"), "ccn66"), (re.compile(r"CCN 51|FEHAP|décentralisée"), "ccn51"),
              (re.compile(r"\bla collectivité|de la commune|territoriaux|cadre d'emplois"), "fpt"),
              (re.compile(r"branche de l'aide à domicile"), "bad"),
              (re.compile(r"[Cc]onvention collective de l'hospitalisation privée|\bFHP\b"), "fhp"),
              (re.compile(r"ALISFA"), "alisfa"),
              (re.compile(r"missions locales et PAIO"), "ml"),
              (re.compile(r"ateliers et (des |aux )?chantiers d'insertion"), "aci"),
              (re.compile(r"[Cc]onvention collective des entreprises de services à la personne"), "sap")]
AGREEMENT_OF = {}


def fits_status(line, statut):
    """Whether a benefit or condition fits the employer's status: no CCN 66 in a public
    hospital, no FPH grid in a clinic, no paid leave for a libéral practitioner."""
    words = _STATUS_WORDS.get(line)
    if words is None:
        words = _STATUS_WORDS[line] = (bool(PUBLIC_WORDS.search(line)), bool(PRIVATE_WORDS.search(line)),
                                       bool(EMPLOYEE_WORDS.search(line)))
    public, private, employee = words
    if statut == "liberal":
        return not employee and not public
    agreement = AGREEMENT_OF.get(line)
    if agreement is None:
        agreement = AGREEMENT_OF[line] = next((s for words_, s in AGREEMENTS if words_.search(line)), "")
    if agreement and statut != agreement:
        return False  # a named agreement is one status's: no CCN 66 in a home-help association
    if public and private:
        return False  # "la convention collective ou la grille de la FPH": an employer knows its own
    return not (public and statut not in PUBLIC_STATUSES or private and statut in PUBLIC_STATUSES)


# Homes whose people are résidents: a line of the bank that says "patients" says "résidents" there.
RESIDENT_KINDS = {"ehpad", "mas", "fam", "residence-autonomie", "usld"}
AS_RESIDENTS = [(re.compile(r"dossier patient informatisé"), "dossier de soins informatisé"),
                (re.compile(r"\b(un|le) patient ou (un|le) résident\b"), r"\1 résident"),
                (re.compile(r"\b(des |les )?patients ou (des |les )?résidents\b"), r"\1résidents"),
                (re.compile(r"\brésidents et patients\b|\bpatients et résidents\b"), "résidents"),
                (re.compile(r"\bpatients\b"), "résidents"), (re.compile(r"\bpatient\b(?!\(e\))"), "résident"),
                (re.compile(r"\bPatients\b"), "Résidents")]


def replaced(text, rules):
    """text with each (pattern, replacement) of rules applied in turn."""
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def as_residents(line):
    """A bank line as a home for the elderly or disabled adults says it."""
    return replaced(line, AS_RESIDENTS)


# A year in a presentation ("ouverte en 2008", "depuis 1970"): the ad then gives no age of its own.
A_YEAR = re.compile(r"\b(19|20)\d\d\b")
# A presentation that counts the ad's own team ("L'équipe de {pro} professionnels intervient...").
WHOLE_TEAM = re.compile(r"[Ll]'équipe[^.{]*\{pro\}")
# People a transport company has for each of its vehicles.
VEHICLE_CREWS = {"ambulances": (1.8, 2.6), "transport-adapte": (1.1, 1.5)}
# Staff a unit has for each of its beds or places, where it differs from a hospital ward's.
UNIT_STAFF = {"ehpad": (0.45, 0.7), "usld": (0.6, 0.9)}
# Presentations of a house that opens, and details that speak of its past.
OPENS = re.compile(r"\bouvre\b|ouvrira|ouvrons|nouvelle structure|nouveau centre")
PAST = re.compile(r"\{(annee|recent|annee_caf|familles_mc)\}|depuis")
@functools.lru_cache(maxsize=None)
def template_flags(template):
    """(counts the ad's team, counts a mission locale's young people, opens, speaks of its past)
    of a presentation or detail template, read once."""
    return (bool(WHOLE_TEAM.search(template)), "{jeunes}" in template, bool(OPENS.search(template)),
            bool(PAST.search(template)))


# Lines of meals delivered, which a house that cooks its own does not say.
DELIVERED_MEALS = re.compile(r"repas livrés|liaison (froide|chaude)")
COOKS = re.compile(r"préparés sur place|cuisine sur place|faite maison|faits maison")
# Staff a hospital has for each of its beds: (the figure of its beds, ratio range).
STAFF_PER_BED = {"clinique": ("lits", (1.2, 2.0)), "smr": ("lits", (1.0, 1.6)), "ch": ("lits_ch", (2.0, 3.0)),
                 "epsm": ("lits", (3.5, 5.0))}  # a psychiatric hospital's CMPs and day hospitals besides its beds
# Houses open on weekdays only (an IME's or an ITEP's internat de semaine).
WEEKDAY_HOUSES = {"ime", "itep"}
# Houses for children and teenagers: their people are jeunes, not résidents.
YOUTH_KINDS = {"ime", "itep", "mecs", "foyer-enfance"}
AS_YOUTH = [(re.compile(r"\bplusieurs résidents\b"), "plusieurs jeunes"), (re.compile(r"\bdes résidents\b"), "des jeunes"),
            (re.compile(r"\bles résidents\b"), "les jeunes"), (re.compile(r"\bdu résident\b"), "du jeune"),
            (re.compile(r"\bchaque résident\b"), "chaque jeune"), (re.compile(r"\brésidents\b"), "jeunes")]


def as_youth(line):
    """A bank line as a house for children and teenagers says it."""
    for words, youth in AS_YOUTH:
        line = words.sub(youth, line)
    return line


# Staff a house has for each of its places.
STAFF_PER_PLACE = {"mas": (1.0, 1.3), "fam": (0.8, 1.0), "foyer-de-vie": (0.5, 0.7), "ehpad": (0.55, 0.75),
                   "usld": (1.0, 1.3), "mecs": (0.9, 1.3), "foyer-enfance": (1.2, 1.6), "chrs": (0.2, 0.4), "residence-autonomie": (0.08, 0.15)}
# A title about two children of one family.
SIBLINGS = re.compile(r"deux enfants|frères et sœurs|fratrie")
# Whom a household asks one who works in her own home to take in ("{accueilli}").
ACCUEILLIS = {"assistant-maternel": ("notre fille", "notre fils", "notre enfant"),
              "accueillant-familial": ("notre mère", "notre père", "un proche âgé")}
# A household's own voice for the bank's lines that speak of it ("la liste établie avec le particulier").
HOUSEHOLD_VOICE = [(re.compile(r"\b(avec|par) le particulier\b"), lambda m: "avec nous" if m.group(1) == "avec" else "par nos soins")]
# A household's details about its own home, where one who works in hers does not come.
HOUSEHOLD_HOME = re.compile(r"[Ll]e domicile se trouve|chez nous|\bCESU\b|[Qq]uartier calme")
COMMUNITY_OF_COMMUNES = re.compile(r"[Cc]ommunauté de communes")
# Where every commune is in a métropole or a communauté d'agglomération: Paris and its petite
# couronne (the Métropole du Grand Paris) and La Réunion.
NO_RURAL_COMMUNITIES = {"75", "92", "93", "94", "974"}


def rural(departement, population):
    """Whether a commune may head a communauté de communes: a small town outside the places
    where every commune is in a métropole or an agglomération."""
    return population < 20000 and departement not in NO_RURAL_COMMUNITIES


# Names an employer is called by: a presentation that calls it by another of the same group is
# of another employer ("Le CCAS de Perpignan" for the "CIAS du pays de Perpignan").
DESIGNATIONS = [
    ("hospital", "CHI", re.compile(r"[Cc]entre hospitalier intercommunal")),
    ("hospital", "CHU", re.compile(r"[Cc]entre hospitalier universitaire|\bCHU\b")),
    ("hospital", "CHS", re.compile(r"[Cc]entre hospitalier spécialisé|\bEPSM\b|[Éé]tablissement public de santé mentale")),
    ("hospital", "CH", re.compile(r"[Cc]entre hospitalier(?! intercommunal| universitaire| spécialisé)|\bCH\b")),
    ("hospital", "GH", re.compile(r"[Gg]roupe hospitalier")),
    ("hospital", "HL", re.compile(r"[Hh]ôpital de proximité|[Hh]ôpital local")),
    ("hospital", "HP", re.compile(r"[Hh]ôpital privé")),
    ("hospital", "POLY", re.compile(r"[Pp]olyclinique")),
    ("hospital", "CLIN", re.compile(r"\b[Cc]linique\b")),
    ("social", "CCAS", re.compile(r"\bCCAS\b|[Cc]entre communal d'action sociale")),
    ("social", "CIAS", re.compile(r"\bCIAS\b|[Cc]entre intercommunal d'action sociale")),
    ("local", "CC", re.compile(r"[Cc]ommunauté de communes")),
    ("local", "COMMUNE", re.compile(r"\b[Mm]airie\b|\b[Vv]ille de\b|\b[Cc]ommune\b")),
    ("home", "ASSO", re.compile(r"\b[Aa]ssociation\b")),
    ("school", "DSDEN", re.compile(r"[Dd]irection des services départementaux")),
    ("status", "MUNICIPAL", re.compile(r"[Mm]unicipa|MUNICIPA")),
    ("status", "ASSOCIATIVE", re.compile(r"[Aa]ssociati(f|ve)|ASSOCIATI")),
    ("status", "MUTUALISTE", re.compile(r"[Mm]utualiste|MUTUALISTE")),
    ("status", "ENTREPRISE", re.compile(r"[Cc]rèche d'entreprise|[Ii]nterentreprises")),
    ("insertion", "ML", re.compile(r"[Mm]ission locale|MISSION LOCALE|contrat d'engagement jeune|jeunes de 16 à 25 ans")),
    # "Association {nom} Insertion" is an IAE association, not a mission locale.
    ("insertion", "IAE", re.compile(r"insertion par l'activité économique|[Cc]hantiers? d'insertion|\bACI\b|Association \{nom\} Insertion")),
    # RSA claimants are the Département's and its partners', not a mission locale's young people.
    ("insertion", "RSA", re.compile(r"\bRSA\b")),
    # A foyer d'hébergement houses adults who work in an ESAT; a foyer de vie those who cannot.
    ("foyer", "HEBERGEMENT", re.compile(r"[Ff]oyer d'hébergement|travailleurs d'ESAT|travaillent en ESAT")),
    ("foyer", "VIE", re.compile(r"[Ff]oyer de vie|ne pouvant (pas )?exercer|[Ff]oyer occupationnel")),
    # A maison de santé is no "cabinet de groupe" of some practitioners.
    ("practice", "MSP", re.compile(r"[Mm]aison de santé")),
    ("practice", "CABINET", re.compile(r"[Cc]abinet de groupe|[Cc]abinet libéral")),
    # A dental practice is no "centre dentaire", the health centre of salaried dentists.
    ("dental", "CABINET", re.compile(r"[Cc]abinet dentaire")),
    ("dental", "CENTRE", re.compile(r"[Cc]entre dentaire")),
    ("guardianship", "UDAF", re.compile(r"\bUDAF\b|[Uu]nion départementale des associations familiales")),
    ("guardianship", "TUT", re.compile(r"[Aa]ssociation tutélaire|[Ss]ervice mandataire")),
    ("school", "COLLEGE", re.compile(r"\b[Cc]ollège\b")),
    ("home", "ENT", re.compile(r"[Ee]ntreprise de services")),
    # An espace de vie sociale is a smaller CAF approval than a centre social.
    ("social-centre", "EVS", re.compile(r"[Ee]space de vie sociale")),
    ("social-centre", "CS", re.compile(r"[Cc]entre social|[Ll]e centre\b")),
]


@functools.lru_cache(maxsize=None)
@functools.lru_cache(maxsize=None)
def designations(text):
    """{group: names} an employer is called by in a text (cached: read, never changed)."""
    out = {}
    for group, label, words in DESIGNATIONS:
        if words.search(text):
            out.setdefault(group, set()).add(label)
    return out


@functools.lru_cache(maxsize=None)
def same_employer(name, text):
    """Whether a presentation may be of the employer so named: it calls it by no other name of
    a group the name has one of (a "Groupe hospitalier" is not "le centre hospitalier de...")."""
    named, called = designations(name), designations(text)
    return all(called[group] <= named[group] or named[group] <= called[group] for group in named if group in called)


def nearest_populations(places, commune):
    """Cumulative populations of the communes of a commune's département, nearest first."""
    lat, lon = float(commune[6]), float(commune[7])
    scale = math.cos(math.radians(lat)) ** 2
    pool = places.by_departement.get(commune[3]) or [commune]
    ranked = sorted(pool, key=lambda r: (float(r[6]) - lat) ** 2 + scale * (float(r[7]) - lon) ** 2)
    out, total = [], 0
    for r in ranked:
        total += int(r[5])
        out.append(total)
    return out


# The feminine ending a masculine word carries in parentheses ("libéral(e)", "collaborateur(trice)").
INCLUSIVE_WORD = re.compile(r"(\w+)\((e|trice|ve|ne|le|se|ère|euse)\)")
INCLUSIVE_ENDING = re.compile(r"\((e|trice|ve|ne|le|se|ère|euse)\)")


def feminine_from(masculine, feminine):
    """The index of the masculine's first word that the feminine of an appellation ("Médecin
    généraliste salarié / salariée en centre de santé") starts with in its feminine form (2,
    "salarié"), or None when the feminine genders none of its words."""
    first = feminine.split()[0].lower()[:3] if feminine else None
    return next((i for i, w in enumerate(masculine.split()) if w[:3].lower() == first), None)


@functools.lru_cache(maxsize=None)
def post_name(appellation):
    """The masculine form of a ROME appellation, as a sentence says it: "Agent / Agente de
    service hospitalier (ASH)" -> "agent de service hospitalier (ASH)", "Educateur / Educatrice
    de jeunes enfants directeur / directrice adjoint(e)" -> "éducateur de jeunes enfants
    directeur adjoint", "Infirmier / Infirmière libéral(e)" -> "infirmier libéral"; a slash that does not part genders stays ("Interprète français /
    langue des signes française"); "Sage-femme / Homme sage-femme" -> "sage-femme"."""
    masculine, _, feminine = appellation.partition(" / ")
    gendered = feminine_from(masculine, feminine)
    if feminine and feminine.lower().endswith(" " + masculine.lower()):  # "Sage-femme / Homme sage-femme"
        name = masculine
    elif gendered is not None:
        # the feminine says again the masculine's words from the first it genders on: "Médecin
        # généraliste salarié / salariée en centre de santé" goes on "en centre de santé"
        rest = " ".join(feminine.split()[len(masculine.split()) - gendered:])
        name = " ".join([masculine] + ([INCLUSIVE_ENDING.sub("", re.sub(r"(\S+) / \S+", r"\1", rest))] if rest else []))
    else:
        name = appellation
    if name.startswith("Educ"):
        name = "É" + name[1:]
    return name[:1].lower() + name[1:] if not name[:2].isupper() else name


def _inclusive_word(word, male, female):
    """word (the masculine male) with female's ending in brackets: "infirmier(ère)", "agent(e)",
    "éducateur(trice)"; as it is when the two do not part on a short ending."""
    common = os.path.commonprefix([male, female])
    ending = "trice" if male.endswith("teur") and female.endswith("trice") else female[len(common):]
    if male == female or len(common) < 3 or not ending or len(ending) > 5 or "-" in ending or \
            male.partition("-")[0] != female.partition("-")[0] and "-" in male or \
            word.lower().replace("é", "e") != male.replace("é", "e"):
        return word
    return word + "(" + ending + ")"


@functools.lru_cache(maxsize=None)
def inclusive_name(name, appellation):
    """A post's name (post_name's) with its feminine endings in brackets, as an opening says it
    after "un(e)": "infirmier(ère) coordinateur(trice)", "aide-soignant(e)", "éducateur(trice) de
    jeunes enfants"; words whose forms do not part on a short ending stay ("moniteur-éducateur")."""
    masculine, _, feminine = appellation.partition(" / ")
    gendered = feminine_from(masculine, feminine)
    if gendered is None or not name:
        return name
    words, males, females = name.split(" "), masculine.lower().split(), feminine.lower().split()
    # the masculine's words from the gendered one pair with the feminine's first ones
    # ("ambulancier diplômé" and "ambulancière diplômée d'État": "ambulancier(ère) diplômé(e)")
    marked = {m.group(1): m.group(0) for m in INCLUSIVE_WORD.finditer(appellation)}  # "chargé(e)" as the appellation writes it
    return " ".join(_inclusive_word(w, males[i], females[i - gendered])
                    if gendered <= i < len(males) and i - gendered < len(females) else marked.get(w, w)
                    for i, w in enumerate(words))


def famille_plan(scale, rng):
    """The famille of every offer, in a shuffled order: exact totals at any scale (largest
    remainder rounding), so the corpus matches the published counts by construction."""
    total = round(sum(FAMILLE_TOTALS.values()) * scale)
    total = max(total, 1)
    raw = {f: FAMILLE_TOTALS[f] * total / 118000 for f in FAMILLES}
    counts = {f: int(raw[f]) for f in FAMILLES}
    for f in sorted(FAMILLES, key=lambda f: raw[f] - counts[f], reverse=True)[:total - sum(counts.values())]:
        counts[f] += 1
    plan = [f for f in FAMILLES for _ in range(counts[f])]
    rng.shuffle(plan)
    return plan


def offer_id(i, created):
    """Seven characters like France Travail's ("179PPHH"): three digits from the creation
    day, then four letters that are a bijection of the offer's index, so ids never collide."""
    n = (i * 150001 + 91127) % 26 ** 4
    letters = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        letters += chr(65 + r)
    return "%03d%s" % (100 + created.toordinal() % 900, letters)


class OfferWriter:
    """Writes offers for one process; every choice comes from the rng it is given."""

    def __init__(self, refs, now, seed=0):
        self.refs, self.now, self.seed = refs, now, seed
        self.kinds = refs.employeurs["kinds"]
        self.noms = refs.employeurs["noms-propres"]
        self.noms_enfance = refs.employeurs["noms-enfance"]
        self.choices = self._famille_choices()
        self.banks = {}  # (rome, slug, kind) -> the bank lines that fit that employer
        self.fitting = {}  # (bank key, section, terms) -> the lines that fit the ad's terms too
        self.bank_lines = {}  # (slug, client, section, why) -> the bank section's lines a rule's pattern finds
        self.fitting_hours = {}  # (id of a terms list, part time, weekly hours) -> its lines that fit those hours
        self.fitting_rules = {}  # (id of an hours list, section, experience, title rules, apprentice) -> its lines
        self.fitting_specialties = {}  # (id of a fitting list, specialties) -> its lines of those specialties
        self.for_some_posts = {}  # id of a fitting list -> [(its lines for some posts, those posts' words)]
        self.narrowed = {}  # (reason, id of a fitting list) -> its lines but those the reason rules out
        self.echoes = {}  # (slug, client kind, agency, title) -> the bank's tasks that echo a rare word of the title
        self.task_words = {}  # (slug, client kind, agency) -> how many of its tasks, of its titles and appellations have each word
        self.titles = {}  # (bank slug, kind, summer) -> the titles that fit the season
        self.specialty_choices = {}  # (bank slug, kind) -> the specialties its tasks for that employer have
        self.neighbours = {}  # insee -> cumulative populations of the nearest communes of its département
        self.named = {}  # (id of a _fitting list, the employer's names, cooks) -> its lines that fit them
        self.appellations = {}  # (bank slug, client kind, title) -> the appellations that fit the title
        self.presentations = {}  # (kind, name pattern, title, slug, famille) -> (presentations, details)
        self.one_shift = {}  # id of a requirements list -> (that list, its lines for a post on one shift)

    def _famille_choices(self):
        """For each famille: the métiers it can draw, each with the employer kinds that make
        the offer count in that famille, with the bank's weights."""
        choices = {}
        for fam in FAMILLES:
            metiers = []
            for m in self.refs.metiers:
                if not m.bank or fam not in m.familles:
                    continue
                kinds = [(k, w) for k, w in m.bank["employeurs"]
                         if main_famille(m.rome, self.refs.naf_of(k, m.rome),
                                         self.refs.familles_by_rome, self.refs.naf) == fam]
                if kinds:
                    metiers.append((m, kinds))
            if not metiers:
                if not self.refs.missing:
                    raise SystemExit("generate.py: no métier and employer can make a %s offer" % fam)
                continue  # --allow-missing: this famille's banks are not written yet
            cumulative, total = [], 0
            for m, _ in metiers:
                total += m.bank["poids"]
                cumulative.append(total)
            choices[fam] = (metiers, cumulative)
        return choices

    def write(self, rng, i, famille):
        if famille not in self.choices:
            famille = sorted(self.choices)[i % len(self.choices)]
        metiers, cumulative = self.choices[famille]
        m, kinds = metiers[bisect.bisect_right(cumulative, rng.uniform(0, cumulative[-1] - 1e-9))]
        kind = weighted(rng, kinds)
        spec = self.kinds[kind]
        least = max(spec.get("minPopulation", 0), URBAN_SLUGS.get(m.bank["slug"], 0))
        if kind == "collectivite" and not serves_children(famille, m.bank["slug"]):
            least = max(least, 10000)  # a village hires no insertion adviser nor mediator
        if spec.get("villes"):  # a CHU is in a CHU town, in Paris, Lyon or Marseille where their CHU has hospitals
            commune = self.refs.places.pick_in(rng, spec["villes"], self.refs.villes[spec["villes"]],
                                               self.refs.villes["chu-arrondissements"])
        elif kind in self.refs.hospital_towns:  # a public hospital is in a town that has one
            # a theatre nurse's or a baby's carer's is no hôpital de proximité
            towns = "aigu" if kind == "ch" and (acute_only(tuple(m.bank["intitules"])) or m.bank["slug"] in BIRTH_SLUGS) else kind
            commune = self.refs.places.pick_in(rng, "hopitaux-" + towns, self.refs.hospital_towns[towns])
        else:
            commune = self.refs.places.pick(rng, least, spec.get("horsDepartements", ()))
            chu_towns = self.refs.villes["chu"]
            if kind == "ch" and (commune[0] in chu_towns or len(commune) > 9 and commune[9] in chu_towns):
                kind, spec = "chu", self.kinds["chu"]  # a CHU town's public hospital is its CHU
        # At least a second before the reference instant: the record adds milliseconds.
        created = self.now - timedelta(seconds=max(1, int(60 * 86400 * rng.random() ** 1.4)))
        updated = min(self.now, created + timedelta(seconds=rng.randrange(1, 3 * 86400)))  # a second later at least: the record adds milliseconds
        oid = offer_id(i, created)
        return self._record(rng, oid, m, kind, spec, commune, created, updated)

    def _employer(self, rng, spec, ville, departement, specialties=frozenset(), title="", rural=True, hospital=None,
                  population=0, slug=""):
        """The employer's name, and the proper name its presentation may use ("Les Sources" for
        "Clinique Les Sources"), None when the name has none ("Polyclinique d'Amboise"); a name
        that names a specialty ("Pouponnière ...") only for an ad of it; a communauté de
        communes only in a rural place (rural)."""
        patterns = [p for p in spec["noms"] if named_specialties(p) <= specialties] or spec["noms"]
        if not rural:
            patterns = [p for p in patterns if not COMMUNITY_OF_COMMUNES.search(p)] or patterns
        patterns = [p for p in patterns if same_employer(title, p)] or patterns  # a mission locale's title, its name
        if slug not in MISSION_LOCALE_SLUGS:  # a mission locale hires its young people's advisers, no health mediator
            patterns = [p for p in patterns if "Mission locale" not in p] or patterns
        if LYCEE.search(title):  # a lycée's post is no collège's
            patterns = [p for p in patterns if "Collège" not in p] or patterns
        if population < 2000:  # an intercommunal service is named after a bourg, not a hamlet
            patterns = [p for p in patterns if not INTERCOMMUNAL.search(p)] or patterns
        if population < CANTON_SEAT:  # a canton, a school "bassin" or a collège is a chief town's
            patterns = [p for p in patterns if "canton de" not in p and "bassin de" not in p and
                        not p.startswith("Collège")] or patterns
        if hospital != "proximite":  # an hôpital local is a small town's
            patterns = ([p for p in patterns if "Hôpital local" not in p] or
                        [p for p in spec["noms"] if "Hôpital local" not in p] or patterns)
        if departement == "Paris":  # Paris has no conseil départemental since 2019: the Ville de Paris is both
            patterns = [p.replace("Conseil départemental - {departement}", "Ville de Paris") for p in patterns]
            # and its CCAS is the Centre d'action sociale de la Ville de Paris (CASVP)
            patterns = list(dict.fromkeys("Centre d'action sociale de la Ville de Paris" if "action sociale de {ville}" in p or
                                          p.startswith(("CCAS", "CIAS")) else p for p in patterns))
        pattern = rng.choice(patterns)
        nom = rng.choice(self.noms_enfance if spec.get("nomsEnfance") else self.noms)
        name = contract(pattern.format(nom=nom, ville=ville, departement=departement))
        return name, (nom if "{nom}" in pattern else None), pattern

    def _presentation(self, rng, spec, pattern, proper, ville, departement, population, ad, commune=None, name=None):
        """A presentation of the employer (one that names it, "La clinique {nom}...", only when
        the name has a proper part) and none, one or two of its details; each figure is drawn
        once, so that the presentation and its details agree."""
        templates, details = self._presentations(spec, pattern, ad)
        employer = self._employer_identity(ad.kind, name, commune)

        employer_hash = EmployerDraw.employer_hash(self.seed, employer) if employer else None

        def draw(key, f):  # an employer's own figure, the same in all its ads; a house's that has no name, the ad's
            return f(rng) if employer_hash is None else f(EmployerDraw(employer_hash, key))
        territory = None
        if ad.kind == "conseil-departemental":
            territory = self._territory(rng, commune, population)
            if territory is None:  # a city's district: no count of its communes
                details = [d for d in details if "{habitants}" not in d]
            else:
                ad.communes = territory[0] - 1  # its town and its neighbours: "Vitry et 2 communes voisines" of 3
        if ad.kind == "agence-interim" and ad.client in DOMICILE_KINDS:  # a home-care client is no "établissement"
            templates = [t for t in templates if "établissements clients" not in t] or templates
        if ad.hospital != "support":  # some 136 GHTs in France, each with one support hospital
            templates = [t for t in templates if "établissement support" not in t] or templates
        if not ad.hospital:  # an EHPAD or a long-stay unit "rattaché" to its town's hospital where it has one
            templates = [t for t in templates if not ATTACHED_TO_HOSPITAL.search(t)] or templates
        if ad.hospital != "proximite":
            templates = [t for t in templates if "hôpital de proximité" not in t] or templates
        if ad.contrat != "CDI":  # a fixed term is no "relation de travail durable"
            templates = [t for t in templates if "durable" not in t] or templates
        if population >= 50000 or commune is not None and commune[3] in ("75", "92", "93", "94"):
            details = [d for d in details if "se gare facilement" not in d]  # a city's streets are no quiet district where one parks easily
        if population < PRIORITY_AREA_TOWN:
            templates = [t for t in templates if not PRIORITY_AREA.search(t)] or templates
            details = [d for d in details if not PRIORITY_AREA.search(d)]
        if commune is not None and len(commune) > 9 and commune[9]:  # an arrondissement is no walk from the city's centre
            details = [d for d in details if "du centre de {ville}" not in d and not SHOPPING_CENTRE.search(d)]
            if not SHOPPING_CENTRE.search(ad.title):  # nor has it a zone commerciale, but where a title names one
                templates = [t for t in templates if not SHOPPING_CENTRE.search(t)] or templates
        if population < 50000:  # an MRI and two scanners are a city's imaging centre
            templates = [t for t in templates if "deux scanners" not in t] or templates
        if population >= VILLAGE_SIZE:  # a town has its shops around the corner
            details = [d for d in details if "en voiture des commerces" not in d]
        text = rng.choice(templates)
        said = set(PLACEHOLDER.findall(text)) - {"ville", "nom", "departement"}
        said |= {name for words, name in SAID_IN_WORDS if words in text}
        if said:  # no detail that says a figure of the presentation again
            details = [d for d in details if not said & set(PLACEHOLDER.findall(d))]
        if template_flags(text)[2]:  # a house that opens has no past: no year, no families welcomed yet
            details = [d for d in details if not template_flags(d)[3]]
        # One figure or two at most: a presentation that gives its own figures rarely adds one
        # more (readers took a run of figure sentences for a machine's list of facts).
        counts = (0, 0, 1, 1, 1) if re.search(r"\d", text) else (0, 1, 1, 1, 2)
        details = rng.sample(details, min(len(details), counts[rng.randrange(5)]))
        if len(details) == 2 and set(PLACEHOLDER.findall(details[0])) & set(PLACEHOLDER.findall(details[1])) - {
                "ville", "nom", "departement"}:
            details = details[:1]  # "97 établissements" once, not in both details
        if "restreint" in text:  # "un secteur géographique restreint": a few communes, and their people
            ad.communes = min(ad.communes, rng.randint(3, 8))
            if ad.kind in FOLLOWED_SHARE:
                ad.followed = max(20, min(ad.followed, int((population + ad.communes * 1500) * FOLLOWED_SHARE[ad.kind])))
        own_public = ad.public is OFFICE_PUBLICS.get(ad.kind)  # else the post's public is not the house's members
        values = {"pro": str(ad.team + rng.randint(8, 70)),
                  "adherents": num(ad.received) if own_public else PRESENTATION_VALUES["adherents"](rng),
                  "beneficiaires": num(ad.followed),
                  **({"places": str(ad.followed)} if ad.kind in ("had", "ssiad", "sessad") else {}),
                  **({"places": str(ad.received)} if ad.kind in ("association-insertion", "esat") else {}),
                  **({"moniteurs": str(max(2, ad.received // rng.randint(10, 14)))} if ad.kind == "esat" else {}),
                  "nom": proper or name or pattern, "ville": ville, "departement": departement,
                  "population": num(population), "equipe": str(ad.team), "heures_semaine": hours_text(ad.hours),
                  "communes": str(ad.communes),
                  "communes_total": str(ad.communes + 1),  # "sur 4 communes": the town and its 3 neighbours
                  # a practice's practitioners: a third to a half of its team, one chair or more each
                  "praticiens": str(max(2, round(ad.team / rng.uniform(2.0, 3.0)))),
                  "mesures": num(ad.followed)}  # a mandataire's measures are the people it follows

        if ad.unit and PROTECTED_UNIT.search(ad.unit):  # "dont 14 en unité protégée": the ad's own unit
            values["petit"] = str(ad.size)
        if ad.kind == "service-mandataire":  # its délégués are most of its team
            values["pro"] = str(max(3, round(ad.team / rng.uniform(1.3, 1.6))))
        if ad.kind == "pharmacie":  # each patient served brings about one prescription, some none
            values["ordonnances"] = str(max(40, round(ad.received * rng.uniform(0.6, 0.95))))
        if ad.size and "readaptation" in ad.specialties:  # the ad's SMR unit is some of the SMR beds
            values["lits_smr"] = str(max(ad.size + rng.randint(0, 30), int(draw("lits_smr", PRESENTATION_VALUES["lits_smr"]))))
        if ad.kind == "education-nationale":  # the sector's pupils are those the ad serves, in schools of their size
            if ad.public is SCHOOL_PUBLIC:
                values["ecoles_pial"] = str(max(3, ad.received // rng.randint(150, 350)))  # schools, collèges and lycées: three at least
            else:
                values["eleves"] = str(ad.received)
                values["ecoles_pial"] = str(max(3, ad.received // rng.randint(2, 5)))
        if ad.public is SCHOOL_PUBLIC:  # a school nurse's sector holds the collège and more
            values["eleves_college"] = str(rng.randint(max(120, ad.received // 3), max(150, ad.received * 2 // 3)))
        capacity = CAPACITIES.get(ad.kind)
        if capacity and ad.size:
            # The house holds its units: as many places as units of the ad's unit size, or more.
            cap = max(int(draw(capacity, PRESENTATION_VALUES[capacity])), ad.size * 2 + rng.randint(0, ad.size))
            if cap > 8 * ad.size:  # at most 8 units of the ad's unit size
                cap = 8 * ad.size + rng.randint(0, ad.size // 2)
            # a village's house is a small one: some 40 places and one for 20 more inhabitants
            cap = min(cap, max(ad.size * 2, 40 + population // 20))
            units = max(2, min(8, round(cap / ad.size)))
            if ad.kind in ("mas", "fam", "foyer-de-vie"):
                cap = units * ad.size  # "8 maisonnées de 8 personnes": 64 places
            elif capacity != "places":
                cap = cap // 5 * 5
            values.update({capacity: str(cap), "unites": str(units), "maison": str(ad.size)})
            if ad.kind in STAFF_PER_PLACE:
                # A house's staff follows its places (a MAS has more staff than residents).
                low, high = STAFF_PER_PLACE[ad.kind]
                values["pro"] = str(max(ad.team + 8, round(cap * draw("staff_rate", lambda r: r.uniform(low, high)))))
                ad.staff = int(values["pro"])
        if ad.kind == "centre-social":  # a small paid team, and the volunteers a town of its size finds
            values["pro"] = str(ad.team + rng.randint(2, 12))
            values["benevoles"] = str(min(int(PRESENTATION_VALUES["benevoles"](rng)), max(8, population // 100)))
            # and the families of the town that join it: some in ten households at most
            values["adherents"] = num(min(int(values["adherents"].replace(" ", "")), max(60, population // 150 * 10)))
            if "espace de vie sociale" in text.lower():  # an EVS is a small house: some tens of volunteers and families
                values["pro"] = str(rng.randint(2, 8))  # and "une petite équipe salariée", whatever the ad's team
                ad.team = min(ad.team, int(values["pro"]))
                values["equipe"] = str(ad.team)
                ad.staff = int(values["pro"])
                values["benevoles"] = str(min(int(values["benevoles"]), rng.randint(10, 35)))
                values["adherents"] = num(min(int(values["adherents"].replace(" ", "")), rng.randrange(60, 250, 10)))
        if ad.kind in ("ime", "itep"):  # some 5 to 8 professionals for 10 children
            places, most = max(int(draw("places", PRESENTATION_VALUES["places"])), 20), 120 if ad.kind == "ime" else 90
            values["places"] = str(places if places <= most else draw("places_most", lambda r: r.randrange(30, most, 2)))
            # a class of its teaching unit holds some 8 to 12 children, and some go to an ordinary school
            values["classes"] = str(max(2, min(10, round(int(values["places"]) / draw("class_size", lambda r: r.uniform(10, 14))))))
            values["pro"] = str(max(ad.team + 8, round(int(values["places"]) * draw("staff_rate", lambda r: r.uniform(0.5, 0.8)))))
            ad.staff = int(values["pro"])
        if ad.kind == "usld" and "hôpital de proximité" in text and ad.staff:
            # The whole hospital's staff: its medicine beds' and its EHPAD's besides the unit's.
            medicine = int(values.get("petit") or PRESENTATION_VALUES["petit"](rng))
            values["petit"] = str(medicine)
            ad.staff += round(medicine * rng.uniform(1.2, 1.6)) + rng.randint(40, 90)
            values["pro"] = str(ad.staff)
        if ad.kind == "clinique":  # a clinic's SMR beds are some of its beds
            values["lits"] = draw("lits", PRESENTATION_VALUES["lits"])
            if "lits_smr" not in values:
                values["lits_smr"] = str(max(10, int(values["lits"]) * draw("smr_share", lambda r: r.randint(15, 40)) // 100))
        if ad.kind in HOSPITAL_BEDS:
            self._hospital_size(draw, ad.kind, population, values, "naissance" in ad.specialties,
                                ad.kind == "ch" and ad.hospital == "proximite",
                                ad.kind == "clinique" and bool(MANY_SERVICES.search(text)))
        if ad.kind == "epsm":
            # A psychiatric sector covers some 70,000 people and holds some 30 to 45 beds
            # (its staff, below, follows them).
            values["secteurs"] = draw("secteurs", PRESENTATION_VALUES["secteurs"])
            people = self.refs.places.departement_population.get(commune[3]) if commune is not None else None
            if people:  # no more sectors than its département's people make (the Nièvre's 200,000: 2 or 3)
                values["secteurs"] = str(max(1, min(int(values["secteurs"]), round(people / 70000))))
            values["habitants"] = num(min(int(values["secteurs"]) * draw("sector_people", lambda r: r.randrange(55000, 85000, 5000)),
                                          people or 10 ** 9) // 1000 * 1000)
            values["lits"] = str(int(values["secteurs"]) * draw("sector_beds", lambda r: r.randint(20, 40)))  # no 40 beds for 9 sectors
            values["cmp"] = str(int(values["secteurs"]) * draw("sector_cmp", lambda r: r.randint(1, 3)))  # a sector's one to three CMPs
        if ad.kind == "ch" and "lits_ch" in values:  # a hospital's pôles: some 100 to 150 beds each
            values["unites"] = str(max(2, min(12, int(values["lits_ch"].replace(" ", "")) // draw("pole_beds", lambda r: r.randint(100, 150)))))
        if ad.kind in STAFF_PER_BED:
            # A hospital's staff follows its beds.
            beds, (low, high) = STAFF_PER_BED[ad.kind]
            if beds not in values:
                values[beds] = draw(beds, PRESENTATION_VALUES[beds])
            values["salaries"] = num(max(ad.team + 40, int(round(int(values[beds].replace(" ", "")) *
                                                                 draw("staff_rate", lambda r: r.uniform(low, high)), -1))))
            values["pro"] = values["salaries"]
            ad.staff = int(values["salaries"].replace(" ", ""))
        if ad.kind == "smr" and "lits" in values:  # its rehabilitation gym: some 3 to 6 m² a bed
            values["surface"] = str(max(int(draw("surface", PRESENTATION_VALUES["surface"])),
                                        int(values["lits"].replace(" ", "")) * draw("gym", lambda r: r.randint(3, 6))) // 10 * 10)
        if ad.kind == "smr" and "lits" in values:  # a year's patients: its beds over stays of four to six weeks
            values["patients_smr"] = num(int(round(int(values["lits"].replace(" ", "")) * 365 /
                                                   draw("stay", lambda r: r.randint(25, 40)), -1)))
        if ad.setting == "domicile":
            # A home service's carers: more than the ad's team, about one for 6 to 12 people
            # helped, each working some 90 to 130 hours a month.
            carers = max(ad.team + rng.randint(5, 40), ad.followed // rng.randint(6, 12))
            if ad.kind == "ssiad":  # a nursing service: some three carers for ten patients, not 34 for 58
                carers = max(3, round(ad.followed * rng.uniform(0.28, 0.4)))
            values["intervenants"] = str(carers)
            # Its sectors: a few for its communes, more in a city's districts.
            values["sites"] = str(max(2, min(int(PRESENTATION_VALUES["sites"](rng)), (ad.communes + 1) // 3 + population // 50000)))
            values["heures"] = num(int(round(carers * rng.uniform(90, 130), -2)))
            values["equipe"] = str(carers)  # "notre équipe de N professionnels": its carers, not the ad's few
            ad.team = carers
            ad.staff = carers + rng.randint(2, 8)  # its carers and its office: what "emploie N salariés" counts
        flags = [template_flags(t) for t in [text] + details]
        if ad.setting != "unit" and any(f[0] for f in flags):
            values["pro"] = str(ad.team)  # "L'équipe de 28 professionnels intervient...": the ad's team
        if ad.kind == "laboratoire":  # a town's plateau technique: its technicians follow the town, its files them
            values["techniciens"] = str(min(int(draw("techniciens", PRESENTATION_VALUES["techniciens"])),
                                            max(10, population // 600)))
            values["biologistes"] = str(max(3, min(int(draw("biologistes", PRESENTATION_VALUES["biologistes"])),
                                                   int(values["techniciens"]) // 4)))
            values["dossiers"] = num(round_figure(int(values["techniciens"]) * draw("files_rate", lambda r: r.randint(30, 60))))
            # the law wants a biologist on each site while it is open: no 38 sites for 14 biologists
            values["sites_reseau"] = str(min(int(draw("sites_reseau", PRESENTATION_VALUES["sites_reseau"])),
                                             int(values["biologistes"])))
        if ad.kind == "centre-imagerie":  # a year's exams: the patients of some 250 working days
            values["examens"] = num(int(round(ad.received * rng.randint(240, 270), -3)))
            # a radiologist reads some 6,000 to 12,000 exams a year
            values["radiologues"] = str(max(2, round(ad.received * 255 / rng.uniform(6000, 12000))))
        if ad.kind in VEHICLE_CREWS:
            # A transport company's vehicles follow its crews, its trips its vehicles.
            low, high = VEHICLE_CREWS[ad.kind]
            vehicles = max(3, round(ad.team / rng.uniform(low, high)))
            values["vehicules"] = str(vehicles)
            values["transports"] = num(vehicles * rng.randint(100, 180))  # five to eight a working day
        if any(f[1] for f in flags):
            # A mission locale's young people are those the ad's team follows.
            ad.received = int(PRESENTATION_VALUES["jeunes"](rng).replace(" ", ""))
            values["jeunes"] = num(ad.received)
        if territory:
            values["communes"], values["habitants"] = str(territory[0]), num(territory[1])
        if ad.kind == "conseil-departemental" and commune is not None:
            # A département's staff and offices follow its people: some 4 agents and one maison
            # des solidarités for 1,000 and 40,000 inhabitants (the Nord's 8,000 agents, the Lozère's 500).
            people = self.refs.places.departement_population.get(commune[3], 500000)
            values["agents"] = num(int(round(people / draw("people_per_agent", lambda r: r.uniform(200, 320)), -1)))
            values["mds"] = str(max(3, round(people / draw("people_per_office", lambda r: r.uniform(30000, 50000)))))
        if ad.kind == "agence-interim":  # an agency's clients are the care homes and hospitals around its town
            clients = max(5, min(int(PRESENTATION_VALUES["clients"](rng)), population // 1500))
            values["clients"] = str(clients)
            # Its temps are a few per client a week, each on one mission or two: "210 intérimaires
            # dans 7 établissements", or "28 missions" beside "76 intérimaires", read false.
            temps = clients * rng.randint(2, 5)
            values["interimaires"] = str(round_figure(temps))
            values["missions"] = str(round_figure(int(temps * rng.uniform(1.1, 1.6))))
        values["ouverture"] = ad.opening
        if population < VILLAGE_SIZE:  # a village's centre is a few minutes' walk from anywhere
            values["minutes"] = str(rng.randint(3, 10))
        if ad.kind == "particulier-employeur":
            values["accueilli"] = ("nos deux enfants" if SIBLINGS.search(ad.title) else
                                   rng.choice(ACCUEILLIS.get(ad.slug, ("notre enfant",))))
        if ad.kind in ("cabinet-liberal", "cabinet-dentaire", "centre-de-sante"):
            # A practice's patients follow its practitioners (some 40 to 90 a week each).
            ad.received = int(values["praticiens"]) * rng.randint(40, 90) // (5 if ad.kind == "centre-de-sante" else 1)
            values["rdv"] = str(max(8, round(ad.received / rng.uniform(4.5, 5.5))))  # a week's patients by day
            # One practitioner's patients a day, as the métier sees them (a speech therapist ten, a GP twenty-five).
            low, high = PATIENTS_A_DAY.get(ad.slug, (10, 20))
            ad.known["patients_jour"] = str(rng.randint(low, high))
            # Its patients come back every few months: a list of some 10 to 20 weeks' visits.
            # (and no more than its town and the villages around hold)
            # (a practitioner's list: some 1,000 to 1,600 patients)
            values["patientele"] = num(round_figure(min(ad.received * rng.randint(10, 20), 300 + population * 6 // 10,
                                                        int(values["praticiens"]) * rng.randint(1000, 1600))))
        if ad.kind == "eaje":
            # About one professional for five children who walk, one for three who do not; its
            # sections share its children.
            children = max(12, min(80, round(ad.team * rng.uniform(2.6, 3.6))))
            if children > max(12, population // 60):  # a village's crèche is small, its team too
                children = max(12, population // 60)
                ad.team = max(4, round(children / rng.uniform(2.6, 3.6)))
                values["equipe"] = str(ad.team)
            if DEPUTY.search(ad.title + " " + ad.post) and ad.slug == "directeur-eaje" and children < 40:
                children = max(40, min(60, population // 60))
                ad.team = max(ad.team, round(children / rng.uniform(2.6, 3.6)))
                values["equipe"] = str(ad.team)
            sections = max(1, min(4, children // 12))
            values.update({"enfants": str(children), "sections": str(sections)})
            ad.known["enfants"] = str(children)
            ad.children = max(6, children // sections)
        if ad.kind == "association-insertion":  # a worksite's partner firms: a few for each of its permanent staff
            values["partenaires"] = str(max(5, ad.team * rng.randint(2, 6)))
        if ad.kind in ("collectivite", "ccas"):
            # A town's staff, schools and children grow with it.
            if "SSIAD de {places}" in text:  # its care service: some tens of places for its town's old people
                values["places"] = str(max(15, min(draw("ssiad_places", lambda r: r.randrange(20, 80, 5)),
                                                   (population + ad.communes * 800) // 250 // 5 * 5)))
            values.update({"agents_commune": num(max(ad.team + 10, population // draw("agents_rate", lambda r: r.randint(40, 70))
                                                     if ad.kind == "collectivite" else
                                                     population // draw("agents_rate", lambda r: r.randint(250, 500)))),
                           "ecoles": str(max(2, min(60, population // draw("ecoles_rate", lambda r: r.randint(800, 1500))))),
                           "enfants_peri": num(max(25, population * draw("peri_rate", lambda r: r.randint(4, 8)) // 100)),
                           "repas": num(max(15, min(3000, population // draw("repas_rate", lambda r: r.randint(60, 120)))))})
        if ad.kind == "chu" and commune is not None and (commune[9] if len(commune) > 9 and commune[9] else commune[0]) in CITY_CHUS:
            low, high = CITY_CHUS[commune[9] or commune[0]][2]  # the AP-HP's staff, not a regional CHU's
            values["salaries_chu"] = num(draw("salaries_chu", lambda r: r.randrange(low, high, 500)))
        served = population if ad.kind == "ccas" else population + ad.communes * 800  # a CCAS serves its own town
        menages = int(draw("menages", PRESENTATION_VALUES["menages"]).replace(" ", ""))
        if ad.kind == "ccas":  # its agents help households by the hundreds: no "1 793 agents" for "1 100 ménages"
            agents = int(values["agents_commune"].replace(" ", ""))
            menages = max(menages, round_figure(int(agents * draw("menages_per_agent", lambda r: r.uniform(2.5, 5)))))
        # a share of its town's households: some one in ten at most (a third of Sulniac's read false)
        values["menages"] = num(min(menages, max(60, served // 25)))
        # The radius its communes fill, at some 15 km² a commune: 14 communes, some 10 km.
        values["km"] = str(max(5, min(55, round(math.sqrt(ad.communes) * rng.uniform(2.5, 3.5) / 5) * 5)))
        if ad.kind == "agence-interim":  # an agency's clients are around its town, not in its street
            values["km"] = str(max(20, int(values["km"])))
        if ad.kind in ("ambulances", "transport-adapte"):  # a transport firm drives 20 km and more
            values["km"] = str(max(20, int(values["km"])))
        if ad.kind == "had":  # a home hospital covers a territory of a hospital's size, not a town's
            values["km"] = str(max(20, min(45, round(math.sqrt(ad.communes) * rng.uniform(3.0, 3.8) / 5) * 5)))
        values["fauteuils"] = str(max(1, min(8, int(values["praticiens"]) + rng.randint(0, 2))))  # a chair each, or so
        values["infirmiers"] = str(max(2, min(8, ad.team - int(values["praticiens"]) - 1)))  # the team holds them all
        if ad.kind == "service-mandataire":  # a délégué holds some 40 to 60 measures
            values["pro"] = str(max(2, ad.followed // rng.randint(40, 60)))
        if ad.kind == "epsm":  # day-hospital places: some of its beds' worth
            values["petit2"] = str(max(10, int(values.get("lits") or draw("lits", PRESENTATION_VALUES["lits"])) *
                                       draw("day_share", lambda r: r.randint(3, 6)) // 10))
        if ad.kind == "chu" and "salaries_chu" not in values:  # a CHU's staff follows its city (no 200,000 visits in Saint-Pierre)
            values["salaries_chu"] = num(max(3000, min(draw("salaries_chu", lambda r: r.randrange(12000, 17000, 100)),
                                                   population * draw("chu_rate", lambda r: r.randint(30, 60)) // 1000))
                                         // 100 * 100)  # a big city's CHU is one of the biggest, no two alike
        if ad.kind == "chu":  # a CHU's patients, visits, papers and sites follow its staff
            staff = int(values["salaries_chu"].replace(" ", ""))
            values["sites"] = str(max(2, staff // draw("site_staff", lambda r: r.randint(1500, 3000))))  # the AP-HP's 38 hospitals
            values["patients_chu"] = num(int(round(staff * draw("patients_rate", lambda r: r.uniform(15, 30)), -4)))
            # 14,000 staff: some 200,000 visits
            values["passages_chu"] = num(int(round(staff * draw("passages_rate", lambda r: r.uniform(10, 16)), -3)))
            values["publications"] = num(int(round(staff * draw("papers_rate", lambda r: r.uniform(0.08, 0.2)), -1)))
            # its nursing and paramedical schools: some 3 to 6 students for 100 staff (the AP-HP's thousands)
            values["etudiants"] = num(int(round(staff * draw("students_rate", lambda r: r.uniform(0.03, 0.06)), -1)))
        if ad.kind == "service-sante-travail":  # a team of 30 follows some thousands of firms, not 11,500
            values["entreprises"] = num(round_figure(int(values["pro"]) * rng.randint(60, 140)))
        if ad.kind in FOUNDED_AFTER:  # no SSIAD before 1981, no FAM before 1986
            values["annee"] = str(max(int(draw("annee", PRESENTATION_VALUES["annee"])),
                                      FOUNDED_AFTER[ad.kind] + draw("founded", lambda r: r.randint(0, 12))))
        if "aison de santé" in text + " ".join(details):  # France's maisons de santé date from 2007
            values["annee"] = str(max(int(values.get("annee") or draw("annee", PRESENTATION_VALUES["annee"])),
                                      2008 + draw("msp_year", lambda r: r.randint(0, 14))))
        if "{recent}" in " ".join([text] + details):  # renovated some years after it opened, not three
            values["annee"] = str(min(int(values.setdefault("annee", draw("annee", PRESENTATION_VALUES["annee"]))), 2015))
            values["recent"] = str(max(int(draw("recent", PRESENTATION_VALUES["recent"])), int(values["annee"]) + 10))
        if ad.staff:  # a staff crèche takes some of the staff's children: a cot for some 15 to 25 employees
            values["creche"] = str(max(20, min(int(draw("creche", PRESENTATION_VALUES["creche"])),
                                               ad.staff // draw("creche_rate", lambda r: r.randint(15, 25)))) // 2 * 2)
            ad.known["creche"] = values["creche"]  # the benefits' crèche is this one
        capacity = TITLE_CAPACITY.search(ad.title)
        if capacity and ad.kind in ("eaje", "micro-creche"):  # "MULTI-ACCUEIL - 40 BERCEAUX": 40 places in the text too
            for key in ("places", "enfants", "berceaux"):
                values[key] = capacity.group(1)
            ad.known["enfants"] = capacity.group(1)
        used = set()

        def value(match):
            key = match.group(1)
            used.add(key)
            if key not in values:
                values[key] = draw(key, PRESENTATION_VALUES[key])
            return values[key]
        out = [approximate(contract(PLACEHOLDER.sub(value, t))).replace("en 1 sections", "en une seule section")
               for t in [text] + details]
        # A name without a proper part that fills {nom} is the kind's own ("Foyer de vie de Bruges").
        out = [SAID_TWICE.sub(r"\1", o) if not proper and "{nom}" in t else o for o, t in zip(out, [text] + details)]
        if "creche" in used:  # the staff crèche the presentation sized, which a benefit may name again
            ad.known["creche"] = values["creche"]
        stated = next((k for k in ("salaries_chu", "salaries", "agents_commune", "agents", "intervenants", "pro")
                       if k in used), None)
        ad.staff_said = bool(stated) or "equipe" in used
        if stated:  # the headcount band (trancheEffectifEtab) follows the staff the text gives
            ad.staff = int(values[stated].replace(" ", ""))
        return out

    @staticmethod
    def _hospital_size(draw, kind, population, values, newborns=False, proximity=False, many_services=False):
        """A hospital's beds as its town can fill them (no 990-bed hospital in a town of 9,500),
        and what follows from them: its emergencies' visits, its maternity's type and births,
        each drawn by draw (key, how) as the employer's own."""
        key, least, per = HOSPITAL_BEDS[kind]
        if proximity:
            least = 60  # a hôpital de proximité: some 60 to 180 beds and places
        most = max(least, least + population // per)
        if kind == "clinique":  # France's biggest private hospitals hold some 500 beds
            most = min(most, 450)
        if kind == "ch":  # the biggest hospitals that are no CHU hold some 1,800 beds (Le Mans's 1,700)
            most = min(most, 1800)
        if many_services:  # a clinic with a maternity, emergencies or psychiatry besides its medicine, holds some 150 beds or more
            least, most = 150, max(most, 150)
        if proximity:  # and no more: "hôpital de proximité (515 lits)" read false
            most = min(most, 180)
        if kind == "ch" and not proximity:  # a city's hospital is a big one: Metz's has no 300 beds
            least = min(most, max(least, population // 150 // 10 * 10))
        beds = int(draw(key, PRESENTATION_VALUES[key]).replace(" ", ""))
        if beds > most or beds < least:
            beds = draw(key + "_town", lambda r: r.randrange(least, most + 1, 5)) // 5 * 5
        values[key] = num(beds)
        # A clinic's theatre serves its surgical beds, some 12 to 25 a room; a hospital's, 25 to 40
        # (readers took 255 beds for 3 rooms, or 60 a room, for false).
        # (a hospital's surgery is a third of its beds or less: 35 to 55 beds a room, 20 rooms at most
        # but a CHU's)
        per_room = (12, 25) if kind == "clinique" else (35, 55)
        values["salles"] = str(max(3, min(30 if kind == "chu" else 20,
                                          beds // draw("room_beds", lambda r: r.randint(*per_room)))))
        if kind == "clinique" and "lits_smr" not in values:
            values["lits_smr"] = str(max(10, beds * draw("smr_share", lambda r: r.randint(15, 40)) // 100))
        elif kind == "clinique" and beds < 2 * int(values["lits_smr"]):  # its SMR beds are at most half its beds
            values["lits_smr"] = str(max(10, beds // 2))
        if kind == "clinique":  # a clinic's doctors, emergencies and stays follow its beds
            values["medecins"] = str(max(8, min(int(draw("medecins", PRESENTATION_VALUES["medecins"])), beds // 2)))
            values["passages"] = num(int(round(beds * draw("passages_rate", lambda r: r.uniform(50, 110)), -2)))
            values["sejours"] = num(int(round(beds * draw("stays_rate", lambda r: r.uniform(60, 110)), -2)))
            # a day's ambulatory patients: a share of a year's stays over 250 working days
            values["ambulatoire"] = str(max(10, int(values["sejours"].replace(" ", "")) *
                                            draw("day_share", lambda r: r.randint(20, 50)) // 100 // 250))
        if kind == "ch":
            # (the busiest emergencies of a hospital that is no CHU see some 100,000 visits a year)
            values["passages"] = num(min(int(round(beds * draw("passages_rate", lambda r: r.uniform(45, 80)), -2)),
                                         draw("passages_most", lambda r: r.randrange(90000, 110000, 500))))
            levels = MATERNITY_LEVELS[0 if beds < 400 else 1 if beds < 800 else 2]
            if newborns:  # a neonatology's maternity is of type 2 or 3
                levels = [l for l in levels if l[0] != "1"] or levels
            if population < 100000:  # France's 70-odd type 3 maternities are in its cities
                levels = [l for l in levels if l[0] != "3"] or [("2b", 1500, 3000)]
            values["type_mat"], low, high = draw("maternity", lambda r: r.choice(levels))
            values["naissances"] = num(draw("naissances", lambda r: r.randrange(low, high, 10)))

    @staticmethod
    def _employer_identity(kind, name, commune):
        """Who an employer is, for its own figures: a town's hospital, CHU or town hall
        whatever its ads call it ("CH du Havre", "Centre hospitalier du Havre"), a département's
        council, else its name in its town; None for a household or a name-less ad."""
        if commune is None or kind == "particulier-employeur":
            return None
        town = commune[9] if len(commune) > 9 and commune[9] else commune[0]
        if kind == "conseil-departemental":
            return kind + ":" + commune[3]
        if kind in ONE_PER_TOWN:
            return kind + ":" + town
        return "%s:%s:%s" % (kind, name, town) if name else None

    def _presentations(self, spec, pattern, ad):
        """The presentations and details of an employer that fit the ad (cached): that call it
        by its name's pattern ("CIAS du pays de {ville}") and its title ("crèche municipale"),
        name it only when the name has a proper part, and speak of the post's public."""
        medical = ad.kind == "clinique" and (bool(ad.specialties & NOT_SURGERY) or bool(MEDICINE.search(ad.title + " " + ad.post)))
        # A small town's hospital is a hôpital de proximité: no emergencies, theatre or maternity.
        proximity = ad.kind == "ch" and ad.hospital == "proximite"
        mam = title_line_flags(ad.title, ad.post).mam
        key = (ad.kind, pattern, ad.title, ad.slug, ad.famille, medical, ad.contrat == "LIB", proximity, mam,
               ad.specialties if ad.kind == "clinique" else None)
        cached = self.presentations.get(key) or self._presentations_for(spec, pattern, ad, key, medical, proximity, mam)
        if ad.population < VILLAGE_SIZE:  # a village has no agglomération, town centre or districts
            village = self.presentations.get(key + (True,))
            if village is None:
                templates, details = cached
                village = self.presentations[key + (True,)] = (
                    [t for t in templates if not TOWN_WORDS.search(t)] or templates,
                    [d for d in details if not TOWN_WORDS.search(d)])
            return village
        return cached

    def _presentations_for(self, spec, pattern, ad, key, medical, proximity, mam):
        """_presentations' lists for its key, computed once."""
        # The name's pattern says what the employer is called ("CIAS du pays de {ville}").
        templates = [t for t in spec["presentations"] if same_employer(pattern, t)] or spec["presentations"]
        templates = [t for t in templates if same_employer(ad.title, t)] or templates  # a "crèche municipale"
        if "{nom}" not in pattern:
            templates = [t for t in templates if "{nom}" not in t] or templates
        if ad.contrat != "LIB":  # a practice that seeks a collaborator or a new partner hires no employee
            templates = [t for t in templates if not LIBERAL_SEARCH.search(t)] or templates
        elif liberal_mode(ad.title) == "remplacement":  # a locum takes over no new installation
            templates = [t for t in templates if "installation" not in t] or templates
        details = [d for d in spec.get("details", []) if same_employer(pattern, d)]
        if ad.kind == "particulier-employeur":
            # One who works in her own home is not hired to come to the household's.
            own_home = ad.slug in OWN_HOME_SLUGS
            templates = [t for t in templates if ("{accueilli}" in t or "MAM" in t) == own_home and
                         ("MAM" in t) == mam] or templates
            details = [d for d in details if not (own_home and HOUSEHOLD_HOME.search(d))]
        if ad.kind == "ch":
            templates = [t for t in templates if ("proximité" in t) == proximity] or templates
            if proximity:
                details = [d for d in details if not ACUTE_CARE.search(d)]
        if ad.slug in HOME_ROUND_SLUGS:  # a nurse's practice does rounds at home: no appointments a day, no opening hours
            templates = [t for t in templates if not OFFICE_HOURS.search(t)] or templates
            details = [d for d in details if not OFFICE_HOURS.search(d)]
        if medical:  # a maternity or a psychiatric ward is not in a clinic "spécialisée en chirurgie"
            templates = [t for t in templates if "spécialisée en chirurgie" not in t] or templates
        if ad.slug in FAMILY_SERVICE_SLUGS:  # a TISF's family help is an association's, funded by the CAF and the Département
            templates = [t for t in templates if not t.startswith("Entreprise")] or templates
        if "psychique" in ad.title.lower():  # "handicap psychique": not a house for polyhandicapped adults
            templates = [t for t in templates if not NON_VERBAL_PUBLIC.search(t)] or templates
            details = [d for d in details if not NON_VERBAL_PUBLIC.search(d)]
        if "olyhandicap" in ad.title:  # "accompagnement polyhandicap": not a house for psychic disability or autism only
            templates = [t for t in templates if "psychique" not in t and ("olyhandicap" in t or "autis" not in t)] or templates
        if SHOPPING_CENTRE.search(ad.title):  # a shopping centre's shop is in no town centre, district or village
            templates = [t for t in templates if not OTHER_THAN_SHOPPING_CENTRE.search(t)] or templates
            details = [d for d in details if not OTHER_THAN_SHOPPING_CENTRE.search(d)]
        if CITY_CENTRE.search(ad.title) or "du Centre" in pattern:  # a town-centre shop is not in a shopping centre
            templates = [t for t in templates if not SHOPPING_CENTRE.search(t)] or templates
            details = [d for d in details if not SHOPPING_CENTRE.search(d)]
        if PROTECTED_UNIT.search(ad.title):  # "EHPAD avec unité Alzheimer": the presentation says it has one
            templates = [t for t in templates if PROTECTED_UNIT.search(t) or "Alzheimer" in t] or templates
        if ad.kind == "clinique":  # the clinic's presentation lists the service its title names
            for service, specialties, said in CLINIC_SERVICES:
                if service.search(ad.title) or specialties & ad.specialties:  # its SMR's patients, in a clinic with an SMR
                    templates = [t for t in templates if said.search(t)] or templates
        if ad.slug in FAMILY_SLUGS:  # a family worker's service is not presented as one for the elderly
            templates = [t for t in templates if not ELDERLY_PUBLIC.search(t)] or templates
        if LYCEE.search(ad.title):  # a lycée's post is no collège's
            templates = [t for t in templates if "collège" not in t] or templates
        if ad.kind == "education-nationale" and ad.slug not in INCLUSION_SLUGS:
            templates = [t for t in templates if not INCLUSION_WORDS.search(t)] or templates
            details = [d for d in details if not INCLUSION_WORDS.search(d)]
        if ad.kind == "ccas":  # a CCAS is presented by the services the post works in
            children = serves_children(ad.famille, ad.slug)
            templates = [t for t in templates if bool(CHILDREN_SERVICES.search(t)) == children] or templates
            if ad.slug not in CCAS_HOME_SLUGS:  # a mediator or a CESF works in no home-care service
                templates = [t for t in templates if "SSIAD" not in t] or templates
        if ad.slug not in BEDSIDE_SLUGS:  # a sterilisation agent or a secretary joins no "pôle de plus de 270 lits"
            templates = [t for t in templates if "rejoignez un pôle" not in t] or templates
        if ad.kind == "conseil-departemental" and ad.slug not in DEPARTMENT_FAMILY_SLUGS:
            # an accueil, an insertion adviser or a TB nurse is no child and family directorate's
            templates = [t for t in templates if "direction de l'enfance" not in t] or templates
        if ad.kind == "collectivite" and not serves_children(ad.famille, ad.slug):
            templates = [t for t in templates if not CHILDREN_SERVICES.search(t)] or templates
            details = [d for d in details if not CHILDREN_SERVICES.search(d)]
        cached = self.presentations[key] = (templates, details)
        return cached

    def _territory(self, rng, commune, population):
        """(communes, inhabitants) of a social-action territory around the commune: the nearest
        communes of its département, as many as make 20,000 to 90,000 inhabitants (from
        communes.tsv); None in a city of 100,000 or more, which a territory divides."""
        if commune is None or population >= 100000:
            return None
        cumulative = self.neighbours.get(commune[0])
        if cumulative is None:
            cumulative = self.neighbours[commune[0]] = nearest_populations(self.refs.places, commune)
        target = rng.randrange(20000, 90000, 5000)
        count = min(len(cumulative), max(3, bisect.bisect_left(cumulative, target) + 1))
        return count, int(round(cumulative[count - 1], -2))

    def _bank(self, m, kind):
        """The métier's bank with only the lines that fit the employer kind (cached); in a home
        for the elderly or disabled adults, its people are résidents, not patients."""
        key = (m.rome, m.bank["slug"], kind)
        if key not in self.banks:
            bank = dict(m.bank)
            phrasings = bank["phrasings"] = {}  # a line as this employer says it -> its group's phrasings, alike
            say = as_residents if kind in RESIDENT_KINDS else as_youth if kind in YOUTH_KINDS else None
            bank["competences"] = reserved_for(m.bank, "competences", kind) or m.bank["competences"]
            for section in ("intitules", "appellations", "missions", "profil", "conditions",
                            "avantages"):
                # the bank's lines for this kind of employer, then those its words fit (an ad
                # needs a title and an appellation; a section with no line is left out)
                own = reserved_for(m.bank, section, kind)
                if not own and section in ("intitules", "appellations"):
                    own = m.bank[section]
                kept = bank[section] = for_employer(own, kind, section) if own else []
                if say and section not in ("intitules", "appellations"):
                    bank[section] = [say(line) for line in kept]
                if section in GROUPED_SECTIONS:
                    for said, line in zip(bank[section], kept):
                        if line in m.bank["phrasings"]:
                            phrasings[said] = [say(p) if say else p for p in m.bank["phrasings"][line]]
            if not any(fits(t, kind, True) for t in bank["intitules"]):
                # No title of the bank fits the employer (all say "libéral" for a health
                # centre's nurse): titles from the appellations that do.
                bank["intitules"] = [a + " (H/F)" for a in bank["appellations"] if fits(a, kind, True)] or \
                    bank["intitules"]
            self.banks[key] = bank
        return self.banks[key]

    def _appellations(self, bank, client, intitule):
        """The bank's appellations that fit the title (cached): no "de nuit" under "DE JOUR EN 12H"
        nor where nobody works at night, no specialty the title does not name, no "remplaçant" or
        "pool" the title does not hire, no post above the title's."""
        key = (bank["slug"], client, intitule)
        appellations = self.appellations.get(key)
        if appellations is None:
            appellations = bank["appellations"]
            if TITLE_DAY.search(intitule) or TITLE_WEEKEND.search(intitule) or client in NIGHTLESS:
                appellations = [a for a in appellations if not TITLE_NIGHT.search(a)] or appellations
            appellations = self._appellations_for(intitule, appellations, bank["slug"])
            if not TITLE_REPLACEMENT.search(intitule) and not POOL.search(intitule):
                appellations = [a for a in appellations if not REPLACING_POST.search(a)] or appellations
            mode = liberal_mode(intitule)
            if mode:  # a replacement's appellation is no collaborator's, and the other way round
                other = COLLABORATION if mode == "remplacement" else REPLACEMENT
                appellations = [a for a in appellations if not other.search(a)] or appellations
            if CHILD_PSYCHIATRY.search(intitule):  # a child psychiatry title's appellation is of children too
                appellations = [a for a in appellations if CHILD_PSYCHIATRY.search(a)] or appellations
            if INPATIENT_TITLE.search(intitule):  # "Unité d'hospitalisation": no day hospital, no CMP
                appellations = [a for a in appellations if not DAY_SERVICE.search(a)] or appellations
            if not APPRENTICE.search(intitule):  # an apprentice is one the title hires as such
                appellations = [a for a in appellations if not APPRENTICE.search(a)] or appellations
            if TRAINEE_TITLE.search(intitule):  # and is no "qualifié(e)" yet
                appellations = [a for a in appellations if not QUALIFIED_POST.search(a)] or appellations
            if not re.search(r"[Aa]ssistant|ASSISTANT", intitule):  # a délégué's title hires no assistant
                appellations = [a for a in appellations if not re.search(r"^Assistant", a) or
                                not re.search(r"tutélaire", a)] or appellations
            # a post the appellation names beside the métier (orthodontie, garde de nuit) is one the title names too
            for named in TITLE_ONLY_POSTS:
                if not named.search(intitule):
                    appellations = [a for a in appellations if not named.search(a)] or appellations
            if not HIGHER_ROLE.search(intitule):  # no "directeur adjoint de crèche" under a plain EJE title
                appellations = [a for a in appellations if not HIGHER_ROLE.search(a)] or appellations
            # An ASG's title and appellation name the same unit, or the appellation none ("en UHR"
            # under "unité protégée Alzheimer" is another unit).
            units = care_units(intitule)
            appellations = [a for a in appellations if care_units(a) <= units] or appellations
            # A deputy is hired as such: "directeur adjoint" under a title saying "adjoint", and only there.
            deputy = bool(DEPUTY.search(intitule))
            appellations = [a for a in appellations if bool(DEPUTY.search(a)) == deputy] or appellations
            self.appellations[key] = appellations = closest_names(intitule, appellations)
        return appellations

    @staticmethod
    def _appellations_for(intitule, appellations, slug=""):
        """The appellations that name no specialty the title does not ("Référent santé et accueil
        inclusif" under "Réanimation pédiatrique"): those naming one of the title's, or none."""
        if COORDINATOR.search(intitule):  # a coordinator's title, a coordinator's appellation: no "Infirmier référent"
            appellations = [a for a in appellations if "référent" not in a] or appellations
        elif re.search(r"[Rr]éférent|RÉFÉRENT", intitule):
            appellations = [a for a in appellations if not COORDINATOR.search(a)] or appellations
        named = named_specialties(intitule, slug)
        if not named:
            return appellations
        fitting = [a for a in appellations if named_specialties(a, slug) <= named] or appellations
        if named - TITLE_ONLY_SPECIALTIES:
            # A specialty's title takes an appellation of that specialty or the métier's own, not
            # another ward's ("en médecine et chirurgie" under "psychiatrie adulte").
            fitting = [a for a in fitting if named_specialties(a, slug) & named or a == appellations[0]] or fitting
        return fitting

    def _specialties(self, rng, bank, kind, intitule, appellation, crib=False):
        """The ad's specialties (SPECIALTIES): those its title and appellation name; when they
        name none, its employer's and one of those the bank's tasks for that employer have, or
        none."""
        slug = bank["slug"]
        named = named_specialties(intitule, slug) | named_specialties(appellation, slug)
        if named:  # a nuclear medicine post in an imaging centre does no scanner
            return with_ward(frozenset(named), kind)
        own = (SPECIALTIES_OF_KIND.get(kind, set()) | SCOPED_OF_KIND.get(kind, {}).get(slug, set()) |
               ({"creche"} if crib else set()))  # a town's crèche
        key = (bank["slug"], kind)
        present = self.specialty_choices.get(key)
        if present is None:
            present = self.specialty_choices[key] = sorted(
                set().union(*(line_specialties(l, slug) for l in bank["missions"])) - own - EMPLOYER_SPECIALTIES)
        if TITLE_NIGHT.search(intitule + " " + appellation):  # a night post in no operating theatre
            present = [p for p in present if p not in NOT_WARDS]
        if GENERAL_WARD.search(intitule + " " + appellation):
            present = []  # a medicine or surgery ward's post is none of the specialties' (no SMR in cardiology)
        if kind != "clinique":
            # An SMR's lines ("les patients du SMR") need an SMR the ad names: a clinic's
            # presentation names its own, a hospital's post is in its SMR when its title says so.
            present = [p for p in present if p != "readaptation"]
        if kind in DOMICILE_KINDS:  # care at home has no ward: no rehabilitation unit, theatre or maternity
            present = [p for p in present if p not in WARDS_ONLY]
        if kind == "laboratoire":  # a medical biology lab cuts no tissue: anatomical pathology is its own practice's
            present = [p for p in present if p != "anapath"]
        if slug in SHIFT_SLUGS:  # a ward's aide-soignant is posted to the theatre or the emergencies by a title that says so
            present = [p for p in present if p not in DEPARTMENT_SPECIALTIES]
        drawn = rng.choice(present + [None]) if present else None
        return with_ward(frozenset(own | ({drawn} if drawn else set())), kind)

    def _one_shift(self, lines, ad):
        """The requirements of a post on one fixed shift, which asks for no alternating hours
        (cached, holding lines so that its id names it)."""
        if ad.schedule and len(ad.schedule) == 1:
            cached = self.one_shift.get(id(lines))
            if cached is None:
                cached = self.one_shift[id(lines)] = (lines, [l for l in lines if "horaires alternés" not in l] or lines)
            return cached[1]
        return lines

    def _named(self, lines, ad):
        """The lines that call the employer by no other name than its own ("les aides facultatives
        du CCAS" in a CIAS's ad), and say no meals delivered where the presentation cooks them
        (cached by the list of lines, which _fitting keeps)."""
        if not ad.named_key:
            return lines
        key = (id(lines), ad.named_key)
        named = self.named.get(key)
        if named is None:
            named = lines
            if ad.cooks:  # "les repas, préparés sur place": none delivered
                named = [l for l in named if not DELIVERED_MEALS.search(l)] or named
            if designations(ad.employer_pattern):
                named = [l for l in named if same_employer(ad.employer_pattern, l)] or named
            self.named[key] = named
        return named

    def _fitting(self, bank, kind, section, ad):
        """The bank's lines of a section that also fit the ad's hours, its day or night work and
        (conditions, benefits) its employer's status (cached)."""
        statut = "liberal" if ad.contrat == "LIB" else ad.statut
        if section == "missions" or section == "profil" and statut == "liberal":
            statut = None
        timed = bool(ad.schedule) or ad.setting == "enfance"  # the ad says its own hours
        # Each flag in the key only for the sections it filters, so that ads share more lists.
        # An evening post, by its title or its only shifts ("poste du soir"), does no morning work.
        evening = ad.evening or bool(ad.schedule) and all(EVENING_SHIFT.search(s[0]) for s in ad.schedule)
        # A CDD shorter than a school year: no "contrat couvrant l'année scolaire".
        short = section == "conditions" and ad.contrat == "CDD" and ad.months < 9
        # Day shifts or an employer closed at night: no night bonus, no night duty.
        day_only = section != "missions" and not ad.night and (bool(ad.schedule) or ad.client in NIGHTLESS or ad.day_service)
        day_service = ad.day_service or ad.client in WEEKDAY_PLACES
        experience = (ad.experience, ad.years) if section == "profil" else None
        # Each flag only for the sections it filters, so that ads share more lists.
        flags = title_line_flags(ad.title, ad.post)
        line_rules = (section == "profil" and flags.acting, ad.weekend == "les samedis et dimanches",
                      section == "conditions" and ad.months == 36, section == "missions" and flags.higher,
                      section in ("missions", "conditions") and flags.morning,
                      section in ("missions", "profil") and flags.orthodontics,
                      section == "missions" and (flags.surgery, flags.secondary), flags.baby, flags.mam,
                      section == "profil" and flags.graduate, flags.holidays, "pool" in ad.specialties,
                      section == "missions" and flags.cleaner, flags.modality)
        key = (bank["slug"], kind, ad.client, section, ad.night, statut, ad.alternance, ad.contrat,
               timed, ad.weekends, day_only, evening, short, day_service, section == "conditions" and ad.months == 36)
        terms = self._fitting_terms(bank, section, ad, key, statut, timed, evening, short, day_only, day_service)
        # The weekly hours, which most lines do not state, in a cheap filter of their own.
        key = (id(terms), ad.partiel, ad.hours)
        hours = self.fitting_hours.get(key)
        if hours is None:
            hours = self.fitting_hours[key] = [l for l in terms if fits_terms(l, ad.partiel, ad.hours, ad.night)]
        terms = hours
        # Then the title's and the experience's rules, over the terms' list (a second cache: the
        # two sets of facts vary apart, and together they made a third of the lookups misses).
        # a beginner, or one hired for a few weeks, tutors no students
        newcomer = section in ("missions", "profil") and (ad.experience == "D" or bool(ad.days) or
                                                          ad.contrat in ("CDD", "MIS") and (ad.months or 0) <= 2)
        key = (id(terms), section, experience, line_rules, ad.alternance, newcomer)
        base = self.fitting_rules.get(key)
        if base is None:
            base = self.fitting_rules[key] = self._fitting_rules(terms, section, ad, newcomer)
        # Then the ad's specialties, a cheap second filter over the first's list.
        key = (id(base), ad.specialties)
        lines = self.fitting_specialties.get(key)
        if lines is None:
            lines = [l for l in base if fits_specialties(l, ad.specialties, ad.slug)]
            if not lines and section in ("missions", "profil"):
                lines = [l for l in bank[section] if fits_specialties(l, ad.specialties, ad.slug)] or base or bank[section]
            self.fitting_specialties[key] = lines
        some_posts = self.for_some_posts.get(id(lines))
        if some_posts is None:
            some_posts = self.for_some_posts[id(lines)] = [(l, words) for l in lines if (words := named_posts(l))]
        if some_posts:  # "pour les postes d'échographie": only in an ad for one
            names = (ad.title + " " + ad.post + " " + ad.kind).lower()
            unfit = frozenset(l for l, words in some_posts if not any(w in names for w in words))
            if unfit:
                lines = self._narrowed(lines, unfit, lambda l: l in unfit)
        if section in ("profil", "conditions") and ad.temporary():  # a temp starts with no tutor
            lines = self._without(lines, bank, section, ad, "induction", INDUCTION)
        if section in ("conditions", "avantages") and ad.temporary():  # nor is offered a yearly stay or a career's training
            lines = self._without(lines, bank, section, ad, "long term", LONG_TERM)
        if ad.autism_only:  # a house for autistic people only has no polyhandicapped residents
            lines = self._narrowed(lines, "polyhandicap", lambda l: "olyhandicap" in l)
        if "Mission locale" in (ad.employer_pattern or ""):  # a mission locale's young people are no worksite's employees
            lines = self._without(lines, bank, section, ad, "mission locale", WORKSITE_WORDS)
        if ad.overseas:  # an overseas crèche or practice closes in the austral summer, not in August
            lines = self._without(lines, bank, section, ad, "august", AUGUST)
        if not ad.summer:  # no heatwave plan in an ad of November
            lines = self._without(lines, bank, section, ad, "heat", HEAT)
        if ad.psychic_only:  # adults with a psychic disability talk: no pictograms, no polyhandicap
            lines = self._without(lines, bank, section, ad, "non-verbal", NON_VERBAL_CARE)
        if ad.population < PRIORITY_AREA_TOWN:  # no priority district in a small town
            lines = self._without(lines, bank, section, ad, "priority area", PRIORITY_AREA)
        if ad.population < TRANSPORT_TOWN:
            lines = self._without(lines, bank, section, ad, "public transport", PUBLIC_TRANSPORT)
        title = title_line_flags(ad.title, ad.post)
        if ad.kind in NO_SURGERY_KINDS or ad.kind == "ch" and ad.hospital == "proximite" or title.medicine:
            lines = self._without(lines, bank, section, ad, "surgery", SURGICAL_CARE)  # no one operated on there
        other_service = OTHER_DAY_SERVICES.get(ad.day_department)
        if other_service:  # a day hospital's nurse makes no CMP home visits
            lines = self._without(lines, bank, section, ad, ad.day_department, other_service)
        if ad.slug in INCLUSION_SLUGS and title.pupils:
            lines = self._without(lines, bank, section, ad, "one pupil", ONE_PUPIL)  # an ULIS's AESH helps a class
        if title.orthopaedics:
            lines = self._without(lines, bank, section, ad, "no stoma", STOMA_CARE)  # no stoma after a hip or a knee
        if OTHER_REHAB_TITLE.search(ad.title):  # an orthopaedic, geriatric or children's SMR runs no cardiac rehabilitation
            lines = self._without(lines, bank, section, ad, "no cardiac", CARDIAC_REHAB)
        if ad.liberal == "remplacement":  # a locum has no partners of her own
            lines = self._without(lines, bank, section, ad, "locum", PARTNERS)
        if not ad.sites_said:  # no trips "entre les sites" of an employer said to have one
            lines = self._without(lines, bank, section, ad, "one site", BETWEEN_SITES)
        if ad.slug in CERTIFIED_SLUGS:  # the certificate is required: no line for those without it
            lines = self._narrowed(lines, "uncertified", lambda l: "non certifi" in l)
        return lines

    def _without(self, lines, bank, section, ad, why, pattern):
        """lines but those pattern finds (as _narrowed), found first among the bank section's few
        lines that say it (cached): most lists hold none of them, and are kept as they are with no
        line read (each narrowing read every line of a list it had not met, some 3 lists an ad)."""
        key = (bank["slug"], ad.client, section, why)
        said = self.bank_lines.get(key)
        if said is None:
            said = self.bank_lines[key] = frozenset(l for l in bank[section] if pattern.search(l))
        if not said or said.isdisjoint(lines):
            return lines
        return self._narrowed(lines, why, lambda l: l in said)

    def _narrowed(self, lines, why, unfit):
        """lines but those unfit finds, or all of them when it finds every one (cached by the
        reason and the list: every list here lives in a cache, so that its id names it)."""
        key = (why, id(lines))
        kept = self.narrowed.get(key)
        if kept is None:
            kept = self.narrowed[key] = [l for l in lines if not unfit(l)] or lines
        return kept

    def _fitting_terms(self, bank, section, ad, key, statut, timed, evening, short, day_only, day_service):
        """_fitting's first filter, on all but the ad's specialties (cached by key)."""
        if key not in self.fitting:
            schedule_conditions = bool(ad.schedule) and section == "conditions"
            night_missions = ad.night and section in ("missions", "profil", "conditions", "competences")  # nor asks for them, nor equips them
            lines = []
            for l in bank[section]:
                three_years = section == "conditions" and "de trois ans" in l and "expérience" not in l
                trainee, sized, timed_line = line_flags(l)
                no_weekend, day_line, night_work, daytime, morning, inpatient, school_year = line_times(l)
                if ((statut is None or fits_status(l, statut)) and
                        (ad.alternance or not trainee) and not sized and
                        fits_contract(l, ad.contrat) and not (timed and timed_line) and
                        not (ad.weekends and no_weekend) and
                        not (schedule_conditions and (day_line or no_weekend)) and
                        not (day_only and night_work and not day_line) and
                        not (night_missions and daytime) and not (evening and morning) and
                        not (day_service and (inpatient or WEEKEND_WORK.search(l))) and
                        not (short and school_year) and  # a school year is ten months
                        not (three_years and not ad.months == 36)):  # an adulte-relais contract runs three years
                    lines.append(l)
            self.fitting[key] = lines
        return self.fitting[key]

    @staticmethod
    def _fitting_rules(lines, section, ad, newcomer=False):
        """_fitting's second filter: the lines that the title's flags, a weekends-only post, an
        apprentice and the experience asked rule out."""
        higher, morning, orthodontics, surgery, baby, secondary, acting, mam, graduate, holidays, cleaner, modality, \
            _, _, _ = title_line_flags(ad.title, ad.post)
        pool = "pool" in ad.specialties
        if (acting or ad.alternance) and section == "profil":  # a faisant fonction or an apprentice holds no diploma yet
            lines = [l for l in lines if not DIPLOMA_HELD.search(l)] or lines
        if section == "missions":
            for ruled, words in ((surgery, MEDICINE_LINES), (baby, SCHOOL_RUN), (baby, BABY_UNFIT), (secondary, PRIMARY_LINES)):
                if ruled:
                    lines = [l for l in lines if not words.search(l)] or lines
        if not orthodontics and section in ("missions", "profil"):  # orthodontics for an orthodontist's post
            lines = [l for l in lines if not says(ORTHODONTICS, l)]
        if baby and section in ("conditions", "profil"):  # a baby goes to no school nor activities
            lines = [l for l in lines if not BABY_UNFIT.search(l) and not SCHOOL_RUN.search(l)] or lines
        if morning and section in ("missions", "conditions"):  # a morning's child minder fetches no one from school
            lines = [l for l in lines if not AFTERNOON_CARE.search(l)]
        if section == "missions" and not higher:
            lines = [l for l in lines if not says(DIRECTS, l)]  # a puéricultrice in a section runs no crèche
        if mam:
            lines = [l for l in lines if not OWN_HOME_LINES.search(l)] or lines
        if pool and section in ("missions", "profil"):  # a pool's nurse has no service, sector or residents of her own
            lines = [l for l in lines if not UNIT_OWNED.search(l)] or lines
        if pool and section == "conditions":  # nor a stable posting, nor residents she is référente of
            lines = [l for l in lines if not l.startswith("Affectation stable") and not REFERENT.search(l)] or lines
        if pool and section == "avantages":  # nor a pool of others to spare her rest days: she is it
            lines = [l for l in lines if "suppléance" not in l] or lines
        if modality:  # "Manipulateur en IRM" rotates on no other modality
            lines = [l for l in lines if not MODALITY_ROTATION.search(l)] or lines
        if cleaner and section == "missions":  # an agent de bionettoyage cleans, others serve the meals
            lines = [l for l in lines if not MEALS.search(l)] or lines
        if holidays:  # "mercredis et vacances scolaires": no school run, no school days, no baby
            lines = [l for l in lines if not SCHOOL_DAYS.search(l) and not BABY_CARE.search(l)] or lines
        if graduate and section == "profil":  # "Aide-soignant diplômé": no students, no diploma "un plus"
            lines = [l for l in lines if not FINISHING_STUDIES.search(l)] or lines
        if ad.weekend == "les samedis et dimanches":  # a weekends-only post: no rota of weekends, no weekdays
            lines = [l for l in lines if not WEEKDAY_ROTA.search(l) and not WEEKDAY_TASKS.search(l)]
        if (ad.alternance or newcomer) and section in ("missions", "profil"):  # an apprentice, a beginner or a few weeks' replacement supervises no students
            lines = [l for l in lines if not says(SUPERVISES, l) and not says(TRIAGE, l)] or lines  # nor triages at the emergencies' door
        if ad.alternance and section == "profil":
            # An apprentice prepares the diploma: no line asking for it, or for its skills, already.
            lines = [l for l in lines if not DIPLOMA_HELD.search(l) and not MASTERY.search(l)] or lines
        if section == "profil":  # the experience the record asks, said once, with its years
            ruled_out = SEASONED if ad.experience == "D" else BEGINNERS if ad.experience == "E" else None
            if ruled_out:
                lines = [l for l in lines if not says(ruled_out, l)]
            if ad.experience == "E":  # the record requires experience: no line that only wishes for it
                lines = [l for l in lines if not says(EXPERIENCE_WISH, l)] or lines
            lines = [l for l in lines if stated_years(l) in (None, ad.years)]
            if ad.years >= 2:  # "3 An(s)" asked: no "une première expérience est souhaitée"
                lines = [l for l in lines if not FIRST_EXPERIENCE.search(l)]
        return lines

    def _client(self, rng, m, intitule):
        """The employer an agency's ad places its worker with: one of the métier's employers that
        its title fits ("Aide-soignant en EHPAD": an EHPAD), drawn by the bank's weights."""
        kinds = [(k, w) for k, w in m.bank["employeurs"]
                 if k not in ("agence-interim", "particulier-employeur") and fits(intitule, k, True) and
                 reserved_to(m.bank, "intitules", intitule, k)]  # no CESU
        if AT_HOME_TITLE.search(intitule):  # "pour dame atteinte d'Alzheimer": a home service's client, not a house's
            kinds = [(k, w) for k, w in kinds if k in DOMICILE_KINDS] or kinds
        return weighted(rng, kinds) if kinds else "ch"

    def _terms(self, rng, bank, kind, intitule, appellation, client=None):
        """The contract and hours, as the title says them when it does: (contract, its
        libellé, nature, alternance, months, days, part time, weekly hours, night work, the
        shifts or None, the dureeTravailLibelle rhythm)."""
        t_contrat, t_months, t_partiel, t_hours, t_night = title_terms(intitule, appellation)
        contrats = dict(bank["contrats"])
        # Missions come through agencies and libéral contracts through cabinets; other
        # employers hire on the remaining types when the bank has any.
        if kind == "agence-interim":
            contrats = {"MIS": 1}
        elif kind in CONTRACTUAL_ONLY:
            contrats = {"CDD": 1}
        elif kind in ("cabinet-liberal", "cabinet-dentaire") and "LIB" in contrats:
            # A cabinet libéral takes libéraux (six in seven), a dental practice salaried dentists too.
            employed = {k: w for k, w in contrats.items() if k in ("CDI", "CDD")}
            contrats = {"LIB": max(1, sum(employed.values())) * (6 if kind == "cabinet-liberal" else 1), **employed}
        else:
            rest = {k: w for k, w in contrats.items() if k not in ("MIS", "LIB")}
            contrats = rest or contrats
        contrat = weighted(rng, list(contrats.items()))
        if t_contrat == "CDD-or-LIB":
            t_contrat = "LIB" if "LIB" in contrats else "CDD"
        if kind != "agence-interim" and t_contrat in ("CDD", "CDI") or t_contrat in contrats:
            contrat = t_contrat
        if says(ADULT_RELAY, intitule + " " + appellation) and kind in LOCAL_AUTHORITIES | PUBLIC_HOSPITAL_KINDS:
            contrat, t_months = "CDD", 36  # a public employer hires an adulte-relais on a three-year CDD only
        trainee = says(TRAINEE_TITLE, intitule + appellation)
        # Some plain titles hire an apprentice, but none that asks for a qualified or senior hand
        # ("DE JOUR EN 12H", "diplômé(e)", "coordinateur").
        alternance = (contrat in ("CDD", "CDI") and kind != "particulier-employeur" and
                      bank["slug"] not in NO_APPRENTICE_SLUGS and not t_night and
                      (trainee or not t_contrat and bank["qualificationCode"] in "56" and
                       not says(QUALIFIED_TITLE, intitule) and not says(HIGHER_ROLE, intitule) and
                       not QUALIFIED_POST.search(appellation) and  # no apprentice "assistant dentaire qualifié(e)"
                       not says(TITLE_WEEKEND, intitule) and t_hours is None and t_partiel is None and
                       rng.random() < 0.05))
        months = days = None
        if alternance:
            nature = ("Contrat de professionnalisation" if "professionnalisation" in intitule else
                      "Contrat apprentissage" if trainee else
                      rng.choice(("Contrat apprentissage", "Contrat de professionnalisation")))
            contrat, months = "CDD", rng.choice(ALTERNANCE_MONTHS.get(bank["slug"], (12, 18, 24)))
            libelle = "Contrat à durée déterminée - %d Mois" % months
        else:
            nature = "Contrat travail"
            libelle = CONTRATS[contrat]
            if contrat == "CDD":
                months = t_months or rng.choice((3, 4, 5, 6) if says(MATERNITY, intitule) else
                                            (1, 2, 3, 3, 4, 6, 6, 6, 9, 12, 12, 18))
                if bank["slug"] == "accompagnant-eleves-situation-handicap-aesh" and not t_months:
                    months = 36  # an AESH is hired for three years, then on a CDI
                if bank["slug"] == "assistant-familial" and not t_months:
                    months = max(months, 6)  # a child placed in a foster home stays months, not weeks
                libelle += " - %d Mois" % months
            elif contrat == "MIS":
                # A mission of days replaces a nurse or a carer on shifts, not an educator's follow-up.
                if t_months or bank["slug"] not in SHIFT_SLUGS - EDUCATORS or rng.random() < 0.7:
                    months = t_months or rng.choice((1, 2, 3, 6))
                    libelle += " - %d Mois" % months
                else:
                    days = rng.choice((5, 7, 10, 15, 21))  # a day's vacation is no offer with weekly hours
                    libelle += " - %d Jour(s)" % days
            elif contrat == "SAI":
                months = rng.choice((1, 2, 3))
                libelle += " - %d Mois" % months
        # An apprentice works full time, the school weeks included.
        partiel = False if alternance else t_partiel if t_partiel is not None else \
            True if t_hours and t_hours < 35 else rng.randrange(100) < bank["tempsPartiel"]  # "10 jours par mois": part time
        if partiel:
            hours = t_hours if t_hours and t_hours < 35 else rng.choice((17.5, 20, 24, 28, 30))
        else:
            hours = t_hours if t_hours and t_hours >= 35 else rng.choice(
                (40, 45, 45, 50) if bank["slug"] == "assistant-maternel" else (35, 35, 35, 37.5, 39))
        if bank["slug"] in FAMILY_SLUGS and MORNING_TITLE.search(intitule) and not t_hours:
            # "les matins avant l'école": an hour or two on school days, not 28 h
            partiel, hours = True, rng.choice((6, 8, 10))
        # A day hospital, a CMP or a consultation closes at night and on weekends: no shifts there.
        client = client or kind
        shifts = (bank["slug"] in SHIFT_SLUGS and kind in H24_KINDS and client in H24_KINDS and
                  not says(DAY_SERVICE, intitule + " " + appellation))
        # An educator's nights are a surveillant de nuit's post, another métier.
        night = t_night if t_night is not None else (shifts and not alternance and bank["slug"] not in EDUCATORS and
                                                      "bloc" not in named_specialties(intitule) and  # (the theatre's nights are on call)
                                                      rng.random() < 0.12)
        if night and not partiel and t_hours is None and client in PUBLIC_HOSPITAL_KINDS:
            hours = 32.5  # a public hospital's night staff work 1,476 hours a year
        schedule = None
        if shifts:
            if night:
                schedule = rng.choice(NIGHTS)
            elif says(AFTERNOON, intitule):  # "horaires d'après-midi": the late shift only
                schedule = [rng.choice(ALTERNATING)[1]]
            elif re.search(r"12 ?[hH]", intitule) or bank["slug"] not in NO_12H_SLUGS and rng.random() < 0.3:
                schedule = rng.choice(DAYS_12H)
            else:
                schedule = rng.choice(ALTERNATING)
        if schedule and not night and hours == 39 and t_hours is None and \
                shift_length(schedule[0][1], schedule[0][2]) < 7.75:
            hours = 37.5  # 39 h make no whole number of 7 h 30 shifts: five of them a week
        if says(TITLE_WEEKEND, intitule) and t_hours is None:
            hours = weekend_hours(schedule)
        if night:
            rythme = "Travail de nuit"
        elif says(TITLE_WEEKEND, intitule):
            rythme = "Travail samedi et dimanche"
        elif bank["slug"] in FOSTER_SLUGS:  # a child or an old person lives in the carer's home, weekends included
            rythme = "Travail samedi et dimanche"
        elif says(TITLE_SHIFTED, intitule):  # "horaires atypiques": early, late, Saturdays
            rythme = "Travail en horaires décalés"
        elif kind in DAY_KINDS:
            rythme = "Horaires normaux"
        elif shifts:
            # shifts are worked early, late and on weekends
            rythme = "Travail en horaires décalés" if kind in WEEKDAY_HOUSES else rng.choice((
                                 "Travail en horaires décalés", "Travail en horaires décalés", "Travail samedi et dimanche"))
        elif says(EVENING, intitule):  # weekday evenings
            rythme = "Horaires normaux"
        elif kind in DOMICILE_KINDS and bank["slug"] != "assistant-maternel":
            # A household's days are said in the ad (mercredis et vendredis); a childminder
            # minds children while their parents work, on weekdays.
            rythme = rng.choice(("Horaires normaux", "Horaires normaux", "Horaires normaux",
                                 "Travail samedi et dimanche"))
        else:
            rythme = "Horaires normaux"
        return (contrat, libelle, nature, bool(alternance), months, days, partiel, hours, night,
                schedule, rythme)

    def _record(self, rng, oid, m, kind, spec, commune, created, updated):
        bank = self._bank(m, kind)
        ville = city_name(commune, self.refs.places)
        departement = self.refs.places.departements.get(commune[3], commune[3])
        parent = commune[9] if len(commune) > 9 and commune[9] else None
        population = int((self.refs.places.by_insee[parent] if parent else commune)[5])
        naf = self.refs.naf_of(kind, m.rome)
        famille = main_famille(m.rome, naf, self.refs.familles_by_rome, self.refs.naf)
        # No summer replacement in an ad that starts in the autumn.
        summer = 3 <= created.month <= 7
        town = population >= 10000  # a town of 10,000 is no "zone rurale"
        hospital = self.refs.hospital_level(commune)
        proximity = kind == "ch" and hospital == "proximite"
        city = population >= 100000  # France's 70-odd type 3 maternities are in its cities
        small = population < DEPUTY_TOWN and bank["slug"] == "directeur-eaje"
        key = (bank["slug"], kind, summer, town, proximity, city, small)
        titles = self.titles.get(key)
        if titles is None:
            titles = bank["intitules"] if summer else (
                [t for t in bank["intitules"] if not SUMMER.search(t)] or bank["intitules"])
            if proximity:  # a hôpital de proximité has no acute wards
                titles = [t for t in titles if not ACUTE_TITLE.search(t)] or titles
            if kind in NIGHTLESS:
                titles = [t for t in titles if not TITLE_NIGHT.search(t)] or titles
            if not city:
                titles = [t for t in titles if not LEVEL_3.search(t)] or titles
            if small:
                titles = [t for t in titles if not DEPUTY.search(t)] or titles
            if town:
                titles = [t for t in titles if not RURAL.search(t)] or titles
            else:  # a village has no town centre to make a sector of
                titles = [t for t in titles if not CITY_CENTRE.search(t)] or titles
            self.titles[key] = titles
        intitule = rng.choice(titles)
        # An agency's ad reads like its client's: the lines, the appellation and the shifts of
        # the employer its title names (or of one the métier works for).
        client = kind
        if kind == "agence-interim":
            client = self._client(rng, m, intitule)
            bank = dict(self._bank(m, client), intitules=bank["intitules"])
        # The appellation does not contradict the title ("de nuit" under "DE JOUR EN 12H"), and
        # employers that work by day have no night post.
        appellation = rng.choice(self._appellations(bank, client, intitule))
        specialties = self._specialties(rng, bank, client, intitule, appellation,
                                        setting(client, famille, bank["slug"]) == "enfance")
        (contrat, contrat_libelle, nature, alternance, months, days, partiel, hours, night,
         schedule, rythme) = self._terms(rng, bank, kind, intitule, appellation, client)
        if alternance and not TRAINEE_TITLE.search(intitule + appellation):  # the title says the post is an apprentice's
            intitule = before_gender(intitule, rng.choice((" - apprentissage", " en alternance", " - contrat en alternance")
                                         if "professionnalisation" not in nature else (" - contrat de professionnalisation",)))
        if night and not TITLE_NIGHT.search(intitule):  # a night post says so in its title, as real ones do
            intitule = night_title(rng, intitule)
        ad = Ad(rng, kind, famille, ville, (contrat, months, days, partiel, hours, night, schedule,
                                            alternance, nature), appellation, bank["slug"], specialties, intitule,
                population)
        ad.client = client
        ad.hospital = hospital
        ad.overseas = commune[3].startswith("97")  # (its long holidays are December's, not August's)
        neighbours = len(self.refs.places.by_departement.get(commune[3], ())) - 1
        if neighbours > 1:  # Réunion's 24 communes: no "Saint-André et 30 communes voisines"
            ad.communes = min(ad.communes, neighbours if neighbours >= 60 else max(2, neighbours // 4))
        ad.liberal = liberal_mode(intitule, appellation) if contrat == "LIB" else ""  # collaboration or replacement
        ad.title_specialties = (named_specialties(intitule, bank["slug"]) |
                                named_specialties(appellation, bank["slug"])) - TITLE_ONLY_SPECIALTIES
        ad.weekends = rythme == "Travail samedi et dimanche"
        if TITLE_WEEKEND.search(intitule):  # a weekends-only post works them all, not one in two
            ad.weekend = "les samedis et dimanches"
        ad.day_service, ad.evening, day_department = title_facts(intitule, appellation)
        ad.day_department = day_department
        ad.title = intitule
        if ad.slug in REHAB_SLUGS and ad.department and (ad.title_specialties or day_department):
            # A therapist whose title names a unit ("kiné en réanimation", "psychomotricien CAMSP")
            # works there, not on the hospital's rehabilitation platform; a day service's ("au PASA")
            # in none of the house's units.
            ad.department, ad.whole = (day_department, True) if day_department else (None, False)
        if ad.setting == "unit" and not ad.whole:
            # A pool serves every unit; an operating theatre's, an imaging or a day service's post
            # is in none.
            department = next((d for key, d in SPECIALTY_DEPARTMENTS if key in specialties and
                               not (key == "urgences" and "naissance" in specialties)),  # a birth room's midwife is the maternity's
                              None) or day_department
            if department:
                ad.whole, ad.department = True, department
        ad.de_lieu = contract("de " + commune[1].replace(" Arrondissement", ""))
        name, proper, pattern = self._employer(rng, spec, ville, departement, specialties, intitule,
                                               rural(commune[3], population), hospital, population, bank["slug"])
        collectivity_name = DEPARTEMENT_COLLECTIVITIES.get(commune[3])
        ad.collectivity = collectivity_name or ""
        if (parent or commune[0]) in self.refs.places.metropole_lyon:
            collectivity_name = "Métropole de Lyon"  # the Rhône's council has no say in Lyon and its 58 neighbours
        if kind == "conseil-departemental" and collectivity_name:
            # Alsace's, Corsica's, Paris's, Martinique's and Guyane's councils are collectivities
            name = collectivity(name.replace("Conseil départemental - " + departement, collectivity_name),
                                collectivity_name)
        unit_name = ad.unit and ad.unit.split()[-1] in name and next(
            (n for n in list(UNIT_NAMES) + list(COLOURS.values()) if ad.unit.endswith(" " + n)), None)
        if unit_name:  # no "unité des Tilleuls" at the EHPAD Les Tilleuls
            ad.unit = agreed(ad.unit[:-len(unit_name)].rstrip(), rng.choice([n for n in UNIT_NAMES if n.split()[-1] not in name]))
        about = self._presentation(rng, spec, pattern, proper, ville, departement, population, ad, commune, name)
        town = parent or commune[0]
        if kind == "chu" and town in CITY_CHUS:  # Paris's CHU is the AP-HP, Marseille's the AP-HM
            # the employer's name is its own ("Hospices civils de Lyon"), its texts say which CHU it is
            name, about = CITY_CHUS[town][1], [city_chu(a, ville, town) for a in about]
        if kind in CH_UNITS and town in self.refs.villes["chu"]:
            # A CHU town's public hospital is its CHU, its long-stay unit or pool the CHU's too.
            name, about = universitaire(name, ville), [universitaire(a, ville) for a in about]
        if kind == "conseil-departemental" and collectivity_name:  # Paris's, Corsica's, Lyon's... no "Département"
            about = [collectivity(a, collectivity_name) for a in about]
        if kind == "ccas" and departement == "Paris":  # Paris's CCAS is the CASVP
            about = [replaced(a, CASVP_WORDS) for a in about]
        if collectivity_name:  # "autorisé par la Collectivité territoriale de Martinique", not its council
            about = [council_named(a, collectivity_name) for a in about]
        presentation = " ".join(about)
        ad.opening_said = bool(OPENING_SAID.search(presentation))  # its opening hours, which the conditions do not say again
        ad.autism_only = "autisme" in presentation and "olyhandicap" not in presentation and \
            "déficience" not in presentation
        publics = intitule + " " + presentation
        ad.psychic_only = "psychique" in publics and not NON_VERBAL_PUBLIC.search(publics)
        ad.statut = status(kind, about[0], name)
        if night and not partiel and ad.statut == "fph" and hours > 32.5 and not re.search(r"\b3[5-9] ?[hH]", intitule):
            hours = ad.hours = 32.5  # a public house's night staff, as a public hospital's, work 32 h 30 a week
        if ad.alternance and ad.statut in PUBLIC_STATUSES:  # the public service hires apprentices only
            nature = ad.nature = "Contrat apprentissage"
            intitule = ad.title = intitule.replace("contrat de professionnalisation", "apprentissage")
        if contrat == "CDI" and ad.statut in PUBLIC_STATUSES and "CDI" in intitule:
            # a public employer's permanent post is no "CDI", in its title as in its text
            intitule = ad.title = re.sub(r"\bCDI\b", "POSTE PERMANENT" if intitule.isupper() else "poste permanent", intitule)
        ad.cooks = bool(COOKS.search(presentation))
        # What _named filters by: the names the employer is called by, and cooking on site.
        ad.named_key = (pattern, ad.cooks) if designations(pattern) or ad.cooks else None
        ad.employer = name
        ad.employer_pattern = pattern
        place = self._place(rng, commune)
        experience = self._experience(rng, bank, intitule, alternance, kind)
        ad.experience = experience_asked(experience)
        ad.years = record_years(experience)
        # A full-time night post of 32 h 30 in the public service is paid as full time.
        ad.paris = commune[3] == "75"
        ad.summer = summer
        # A public post overseas is paid its grid and the majoration of the DROM (not an apprentice's).
        ad.uplift = OVERSEAS_UPLIFT.get(commune[3], 0) if ad.statut in PUBLIC_STATUSES and not alternance else 0
        salaire = self._salary(rng, bank, partiel, max(hours, 35) if not partiel else hours, alternance, ad.statut,
                               ad.contrat == "LIB", ad.client, ad.uplift,
                               short=ad.contrat in ("MIS", "CDD") and (ad.months or 0) < 12)
        if salaire and "libelle" in salaire and ad.contrat == "LIB":  # fees, not a wage: no thirteenth month
            salaire["libelle"] = salaire["libelle"].replace("sur 13.0 mois", "sur 12.0 mois")
        # The employer's presentation, in the record's own field for most ads: their text then
        # opens with the post, as an ad under the employer's block on France Travail does.
        entreprise = self._entreprise(rng, kind, name, presentation)
        o = {"id": oid, "intitule": intitule,
             "description": self._description(rng, bank, ad, appellation, about, created,
                                              place["libelle"].split(" - ", 1)[1],
                                              place.get("codePostal", commune[2].split(",")[0]),
                                              salaire, m.rome, "description" in entreprise),
             "dateCreation": created.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % rng.randrange(1000),
             "dateActualisation": updated.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % rng.randrange(1000),
             "lieuTravail": place,
             "romeCode": m.rome, "romeLibelle": m.fiche["libelle"],
             "appellationlibelle": appellation,
             "entreprise": entreprise,
             "typeContrat": contrat, "typeContratLibelle": contrat_libelle,
             "natureContrat": nature}
        o.update(experience)
        o["formations"] = self._formations(rng, bank, ad)
        if o["formations"] and (("financ" in o["description"] or "certifi" in o["description"] or
                                 "sans formation" in o["description"]) and FINANCED_TRAINING.search(o["description"]) or
                                ACTING.search(intitule)):  # "peut être financée après l'embauche": wished
            for f in o["formations"]:
                # but a diploma the text itself requires ("DEME exigé") stays required
                acronym = re.match(r"[A-Z][A-Za-zÉ]{2,}", f.get("commentaire", ""))
                if not (acronym and re.search(re.escape(acronym.group(0)) + r"[^.;\n]{0,40}\b(exigée?s?|obligatoires?)\b",
                                               o["description"])):
                    f["exigence"] = "S"
        for f in o["formations"]:
            self._formation_agrees(f, o, ad)
        if bank["slug"] == "garde-d-enfants" and "CESU" in o["description"] + entreprise.get("description", "") and \
                not OLDER_CHILDREN.search(o["description"] + intitule):
            # a nanny of children under six is declared through Pajemploi (the CAF's CMG), not the CESU
            o["description"] = pajemploi(o["description"])
            if "description" in entreprise:
                entreprise["description"] = pajemploi(entreprise["description"])
        if kind == "particulier-employeur":  # a household says "nous", not "le particulier"
            o["description"] = replaced(o["description"], HOUSEHOLD_VOICE)
        if name == CITY_CHUS["75056"][1]:  # the AP-HP's staff have their own social fund, not the CGOS
            o["description"] = o["description"].replace("au CGOS", "à l'AGOSPAP")
        # The skills fit the ad as its lines do: no elderly care at an IME, no meals or bedsores in
        # the theatre, no night presence by day, no school run on Wednesdays and holidays.
        skills = [c for c in self._fitting(bank, kind, "competences", ad) if not unfit(c, client)] or bank["competences"]
        o["competences"] = [{"libelle": c, "exigence": rng.choice("EES")}
                            for c in rng.sample(skills, min(len(skills), rng.randint(2, 5)))]
        o["qualitesProfessionnelles"] = [{"libelle": q, "description": d}
                                         for q, d in rng.sample(QUALITES, rng.randint(0, 3))]
        asked = bank["slug"] in DRIVERS or "ermis" in o["description"] + intitule.lower() and \
            bool(LICENCE_ASKED.search(intitule + "\n" + o["description"]))  # the plain test first: most ads name no licence
        if kind in DOMICILE_KINDS and rng.random() < 0.8 or asked:
            o["permis"] = [{"libelle": "B - Véhicule léger", "exigence": "E" if asked else "S"}]
        if salaire:
            o["salaire"] = salaire
        if rythme == "Travail samedi et dimanche" and (NO_WEEKEND.search(o["description"]) or (
                "du lundi au vendredi" in o["description"] and not WEEKEND_SAID.search(o["description"]))):
            rythme = "Horaires normaux"  # "pas de travail le week-end": the record does not say weekends
        elif rythme == "Travail samedi et dimanche" and not WEEKEND_SAID.search(o["description"]) and \
                not ROUND_THE_CLOCK.search(o["description"]) and bank["slug"] not in FOSTER_SLUGS:
            # The record's weekends are the text's: a text that never says them leaves the shifts
            rythme = "Travail en horaires décalés" if schedule else "Horaires normaux"
        if rythme == "Horaires normaux" and "nuit" in o["description"] and (  # (the plain test first: the patterns are slow)
                NIGHT_WORK.search(o["description"]) or NIGHT_SAID.search(o["description"])):
            rythme = "Travail en horaires décalés"  # the record says the night shifts or on-call nights its text says
        if rythme == "Horaires normaux" and ("week-end" in o["description"] or "décalés" in o["description"]):
            if SHIFTED_HOURS.search(o["description"]):
                rythme = "Travail en horaires décalés"
            elif WEEKEND_ROTA.search(o["description"]) and not NO_WEEKEND.search(o["description"]):
                # "un week-end sur deux", "week-ends et jours fériés inclus"; not "fermé les week-ends et jours fériés"
                rythme = "Travail samedi et dimanche"
        o["dureeTravailLibelle"] = "%s %s" % (
            ("%dH" % hours) if hours == int(hours) else ("%dH30" % hours), rythme)
        o["dureeTravailLibelleConverti"] = "Temps partiel" if partiel else "Temps plein"
        o["alternance"] = alternance
        o["contact"] = {"nom": name if kind != "particulier-employeur" else "Particulier",
                        "coordonnees1": "https://candidat.francetravail.fr/offres/recherche/detail/" + oid}
        # several posts at once: a big house's carers on shifts, whose ad still says "un(e)"
        o["nombrePostes"] = rng.randint(2, 4) if ad.slug in SHIFT_SLUGS and not ad.whole and ad.staff and \
            ad.staff >= 100 and not ad.single and rng.random() < 0.15 else 1
        o["accessibleTH"] = rng.random() < 0.2
        o["qualificationCode"] = bank["qualificationCode"]
        o["qualificationLibelle"] = QUALIFICATIONS[bank["qualificationCode"]]
        o["codeNAF"] = naf
        o["secteurActivite"] = naf[:2]
        o["secteurActiviteLibelle"] = self.refs.naf[naf]["libelle"]
        if kind != "particulier-employeur":
            # the staff the text states, else a band of its kind's (a CHU's team is not its headcount)
            o["trancheEffectifEtab"] = staff_band(ad.staff) if ad.staff else self._band(rng, spec["effectif"], ad.team)
        o["origineOffre"] = {"origine": "1", "urlOrigine":
                             "https://candidat.francetravail.fr/offres/recherche/detail/" + oid}
        o["offresManqueCandidats"] = rng.random() < 0.12
        return o

    def _place(self, rng, commune):
        insee, nom, cps, dep = commune[0], commune[1], commune[2], commune[3]
        lieu = {"libelle": "%s - %s" % (dep, nom)}
        if rng.random() < 0.01:  # like real offers, a few come without coordinates
            lieu.update(codePostal=cps.split(",")[0], commune=insee)
            return lieu
        lieu.update(latitude=float(commune[6]), longitude=float(commune[7]),
                    codePostal=rng.choice(cps.split(",")), commune=insee)
        return lieu

    def _entreprise(self, rng, kind, name, presentation):
        """The record's employer block: its name (but a household's) and, for most, its
        presentation; a town's hospital or a council, which posts many ads, always keeps its
        presentation there, as its own block on France Travail, not in each ad's text."""
        e = {}
        if kind != "particulier-employeur" and rng.random() < 0.95:
            e["nom"] = name
        if kind in ONE_PER_TOWN or kind == "conseil-departemental" or rng.random() < 0.6:
            e["description"] = presentation
        e["entrepriseAdaptee"] = False
        return e

    def _experience(self, rng, bank, intitule, alternance, kind):
        """The experience the record asks, as the title says it when it does: an apprentice or
        a "jeune diplômé(e) accepté(e)" title is a beginner's post, a "confirmé(e)" or a
        manager's title is none."""
        weights = bank["experience"]
        if bank["slug"] in TWO_YEARS_SLUGS:
            # A libéral nurse, replacing or settling, needs 24 months of practice (2,400 hours).
            weights = {"E": 1}
        elif alternance or says(BEGINNERS, intitule):
            weights = {"D": 1}
        elif says(SEASONED, intitule) or says(HIGHER_ROLE, intitule):
            weights = {k: w for k, w in weights.items() if k != "D"} or {"S": 1}
        code = weighted(rng, list(weights.items()))
        if code == "D":
            return {"experienceExige": "D", "experienceLibelle": "Débutant accepté"}
        manager = bank["slug"].startswith(("directeur", "chef-de-service", "cadre")) or says(HIGHER_ROLE, intitule)
        duree = rng.choice(("2 An(s)",) if bank["slug"] in TWO_YEARS_SLUGS else  # (the 24 months the text says)
                           ("2 An(s)", "3 An(s)", "3 An(s)", "5 An(s)") if manager else
                           ("6 Mois", "1 An(s)", "1 An(s)", "2 An(s)") if bank["qualificationCode"] in "12345" else  # no 5 years for an entry post
                           ("6 Mois", "1 An(s)", "1 An(s)", "2 An(s)", "3 An(s)", "5 An(s)"))
        out = {"experienceExige": code,
               "experienceLibelle": duree if code == "S" else "Expérience exigée de " + duree}
        if rng.random() < 0.3:  # a comment that says no less than the record asks
            out["experienceCommentaire"] = rng.choice(
                ("Expérience en établissement de santé ou médico-social.", "Expérience auprès d'un public similaire.") +
                (("Une expérience dans un poste similaire est appréciée.", "Stages inclus.") if code == "S" else ()))
            if kind in NOT_CARE and out["experienceCommentaire"].startswith("Expérience en établissement"):
                out["experienceCommentaire"] = "Expérience auprès d'un public similaire."  # a household or a town is neither
        return out

    @staticmethod
    def _formation_agrees(formation, record, ad):
        """A formation's comment made to say what the text and the record do: "DEAP ou élève en
        fin de formation" only where the text takes students; "DEME ou DEAES avec expérience"
        neither beside "DEME exigé" (then DEME, required) nor for a beginner; no ASG training
        wished for away from old people."""
        comment, text = formation.get("commentaire", ""), record["description"]
        if STUDENTS_TOO in comment and not FINISHING_STUDIES.search(text):
            comment = comment.replace(STUDENTS_TOO, "")
        first = re.match(r"([A-Z][A-Za-zÉ]{2,}) ou ", comment)
        if first and re.search(re.escape(first.group(1)) + r"[^.;\n]{0,40}\b(exigée?s?|obligatoires?)\b", text):
            comment, formation["exigence"] = first.group(1), "E"
        if record.get("experienceExige") == "D":
            comment = re.sub(r" avec expérience[^,;]*", "", comment)
        if "geriatrie" not in ad.specialties and ad.client not in ELDERLY_KINDS:
            comment = comment.replace(" ; formation ASG appréciée", "")
        formation["commentaire"] = comment

    @staticmethod
    def _band(rng, bands, team):
        """One of the kind's headcount bands that holds the ad's team ("une équipe de 12" is no
        shop of "3 à 5 salariés"), else the team's own band."""
        fitting = [b for b in bands if STAFF_BAND_TOPS.get(b, 10 ** 6) >= team]
        return rng.choice(fitting) if fitting else staff_band(team)

    def _formations(self, rng, bank, ad):
        """One diploma, required or wished, not both; one of the ad's employer and specialties
        (no SMUR training asked by a private ambulance firm)."""
        protected = ad.slug in PROTECTED_SLUGS
        if not bank["formations"] or rng.random() < 0.15 and not protected:
            return []
        fitting = [f for f in bank["formations"] if fits(f["commentaire"], ad.client) and
                   fits_specialties(f["commentaire"], ad.specialties, ad.slug)] or bank["formations"]
        if protected:  # the diploma the law asks, not a wished DU
            fitting = [f for f in fitting if f["exigence"] == "E"] or fitting
        if ad.contrat != "CDD":  # "étudiants acceptés en remplacement" is a fixed term's
            fitting = [f for f in fitting if "remplacement" not in f["commentaire"]] or fitting
        chosen = dict(rng.choice(fitting))
        if ad.alternance or title_line_flags(ad.title, ad.post).acting:
            chosen["exigence"] = "S"  # an apprentice or a faisant fonction prepares the diploma: the record cannot require it
        return [chosen]

    def _salary(self, rng, bank, partiel, hours, alternance=False, statut=None, liberal=False, kind=None, uplift=0,
                short=False):
        if rng.random() < 0.35:
            return None
        if liberal:  # a libéral is paid by the fees of her acts, not a monthly wage
            return {"commentaire": rng.choice(("Selon activité (exercice libéral)", "Honoraires selon l'activité réalisée"))}
        if alternance:  # an apprentice's pay: a share of the SMIC by age and year, not the grid's
            lo = rng.randrange(900, 1400, 10)
            return {"libelle": "Mensuel de %.1f Euros à %.1f Euros sur 12.0 mois" % (lo, min(1820, lo + rng.randrange(200, 600, 10)))}
        s = bank["salaire"]
        if rng.random() < 0.08:
            return {"commentaire": rng.choice(("Selon profil et expérience", "Grille de la fonction publique hospitalière")
                                              if statut == "fph" else
                                              ("Selon profil et expérience", "Selon la grille statutaire")
                                              if statut in PUBLIC_STATUSES else
                                              ("Selon grille de la convention collective", "Selon profil et expérience"))}
        floor = FPH_FLOOR_MONTHLY if statut == "fph" and s["periode"] == "M" else 0  # the grid's first step and its CTI
        lo = max(floor, rng.uniform(s["min"], (s["min"] + s["max"]) / 2))
        # a range spans a step or more of the grid (4 to 25 %); one narrower is a single figure
        hi = min(s["max"], lo * rng.uniform(1.04, 1.25))
        if hi < lo * 1.04:
            hi = lo
        out = {}
        if s["periode"] == "H":
            out["libelle"] = ("Horaire de %.2f Euros sur 12.0 mois" % lo if rng.random() < 0.5 or hi == lo
                              else "Horaire de %.2f Euros à %.2f Euros sur 12.0 mois" % (lo, hi))
        else:
            # the monthly pay of the ad's hours (less part time, more at 39 h) and place
            ratio = paid_share(hours, statut) * (1 + uplift / 100)
            lo, hi = round(lo * ratio / 10) * 10, round(hi * ratio / 10) * 10
            annual = lo >= 3500 and rng.random() < 0.4 and not short  # no year's pay for a month's mission
            # a 13th month is a private clinic's or company's, not the public service's nor the CCN 51/66's
            mois = rng.choice(("12.0", "12.0", "13.0")) if statut in ("fhp", "prive") else "12.0"
            if annual:
                out["libelle"] = "Annuel de %.1f Euros à %.1f Euros sur %s mois" % (lo * 12, hi * 12, mois)
            elif hi > lo:
                out["libelle"] = "Mensuel de %.1f Euros à %.1f Euros sur %s mois" % (lo, hi, mois)
            else:
                out["libelle"] = "Mensuel de %.1f Euros sur %s mois" % (lo, mois)
        if rng.random() < 0.3 and not liberal:
            # no Ségur pay rise outside health and social care, no mileage for a post on site, no
            # company health insurance or meal vouchers from a household
            extras = [c for c in ("Mutuelle", "Prime Ségur", "Chèque repas", "Indemnités kilométriques")
                      if not (c == "Prime Ségur" and kind and unfit(c, kind) or
                              c == "Indemnités kilométriques" and kind not in DOMICILE_KINDS or
                              c != "Indemnités kilométriques" and kind == "particulier-employeur")]
            if extras:
                out["complement1"] = rng.choice(extras)
        return out

    def _title_echo(self, bank, ad):
        """The bank's tasks that share a word with the ad's title that few of its tasks have
        (cached): what a title promises beyond the métier ("PDA", "dialyse", "visites
        médiatisées"). The bank is the ad's client's, with an agency's titles."""
        bank_key = (bank["slug"], ad.client, ad.kind == "agence-interim")
        title = ad.title + " / " + ad.post  # "chargé(e) de l'orthopédie" promises as much as a title
        key = bank_key + (title,)
        echoed = self.echoes.get(key)
        if echoed is None:
            counts = self.task_words.get(bank_key)
            if counts is None:
                words_of = [(line, frozenset(ECHO_WORD.findall(line.lower()))) for line in bank["missions"]]
                tasks = collections.Counter(w for _, words in words_of for w in words)
                names = collections.Counter(w for line in bank["intitules"] + bank["appellations"]
                                            for w in set(ECHO_WORD.findall(line.lower())))
                counts = self.task_words[bank_key] = (tasks, names, words_of)
            tasks, names, words_of = counts
            # a word of this title only, not of the métier's names, said by one or two tasks
            rare = {w for w in ECHO_WORD.findall(title.lower())
                    if 0 < tasks[w] <= 2 and names[w] <= 2 and w not in ECHO_STOPWORDS}
            echoed = self.echoes[key] = frozenset(line for line, words in words_of if rare & words) if rare else frozenset()
        return echoed

    def _section(self, rng, key, lines, phrasings, low, high, bullet, ville, own=(), household=False, first=()):
        """A section of lines drawn from lines, those of first (the title's specialty's tasks)
        before them, each said in one of its phrasings (phrasings: a line -> its group's), as
        written or opened otherwise (rephrase), with no date, place or phrase of the ad before or
        after it: readers took those ("Dès le 13 novembre, vous...", "À Biot, vous...") for words
        pasted on."""
        as_list = rng.random() < AS_LIST.get(key, 0.55)
        title = header(rng, key, ville, own, household)
        said = set()
        picked = []
        rest = [l for l in lines if l not in first] if first else lines
        drawn = list(first) + rng.sample(rest, max(0, min(len(rest), rng.randint(low, high) - len(first))))
        if key == "profil":  # a required licence among the requirements, not always the first
            rng.shuffle(drawn)
        required = [line in first for line in drawn]
        drawn = phrased(rng, drawn, phrasings)
        # the lines of first win a contradiction ("DEAS exigé" over "la formation peut être
        # financée"), wherever the shuffle put them
        kept = set(consistent([l for l, r in zip(drawn, required) if r] + [l for l, r in zip(drawn, required) if not r]))
        drawn = [l for l in drawn if l in kept]
        # A list of tasks keeps one voice, as a writer does: bare infinitives ("Assurer les
        # transmissions."), or "Vous..." with an opening or two; not a new opening on every
        # bullet, which readers took for a machine's.
        voice = rng.random() if key == "missions" and as_list else None
        drawn = distinct(drawn) if key == "missions" else drawn  # (a task said twice: missions only)
        if voice is not None and voice < 0.3:  # bare infinitives, or the list as written where a task has none
            picked = [rephrase(rng, line, key, as_list, said, style=0) for line in drawn]
            if any(p.startswith(("Vous", "Il ")) for p in picked):
                picked = list(drawn)
        else:
            for line in drawn:
                if voice is None:
                    picked.append(rephrase(rng, line, key, as_list, said))
                else:
                    opened = sum(1 for u in said if isinstance(u, tuple) and u[0] == "style")
                    # (an opening, not a bare infinitive among the "Vous...": 10,200 lists had one)
                    picked.append(rephrase(rng, line, key, as_list, said, style=rng.choice(VOUS_STYLES))
                                  if opened < 2 and rng.random() < 0.5 else line)
        if key == "profil":
            picked = between(picked, [p for p in picked if STATED_REQUIREMENT.search(p)])
        if not picked:
            return ""
        return self._lines(rng, title, picked, bullet, as_list, key == "missions")

    def _lines(self, rng, header, picked, bullet, as_list, tasks=False):
        """A section: its header, then its lines as a list or as prose ("Au quotidien, " links
        tasks only)."""
        if as_list:
            ending = rng.choice(("keep", "drop", "semicolon"))  # final stops, as each writer does
            if ending != "keep":
                picked = [p[:-1] if p.endswith(".") else p for p in picked]
            if ending == "semicolon":
                picked = [p + ";" for p in picked[:-1]] + [picked[-1] + "."]
            return header + "\n" + "\n".join(bullet + p for p in picked)
        # Prose: sentences linked as a writer would, some with a connective, each connective
        # once and never before a sentence that already says it ("Au quotidien, ... au quotidien").
        text = picked[0]
        used = {"Au quotidien, "} if "quotidien" in header.lower() else set()  # "Au quotidien :" said it
        for p in picked[1:]:
            link = rng.choice(LINKS)
            if link and (link in used or link in ADDITIVE_LINKS and used & ADDITIVE_LINKS or link[:-2].lower() in p.lower() or not p.startswith(SENTENCE_SUBJECTS) or
                         p.startswith("Votre rôle") or
                         link == "Au quotidien, " and (not tasks or not p.startswith(("Vous", "Il vous")))):
                link = ""
            used.add(link)
            text += " " + (link + p[:1].lower() + p[1:] if link else p)
        return header + "\n" + text

    def _requirements(self, rng, bank, ad, bullet, lieu, start, said):
        """The profile: lines of the bank that fit the ad, a foster carer's or a childminder's
        agrément among them. A requirement says what is asked and ends there: no "..., pour ce
        CDI à temps plein" after it (readers took such tails for a machine's)."""
        lines = self._one_shift(self._named(self._fitting(bank, ad.kind, "profil", ad), ad), ad)
        if ad.slug == "assistant-de-soins-en-gerontologie-asg" or \
                "geriatrie" not in ad.specialties and ad.client not in ELDERLY_KINDS:
            # the ASG's training is the post's condition, not a wish; and no psychiatric or theatre post's wish
            lines = [l for l in lines if not ASG_WISHED.search(l)]
        if ad.paris and ad.slug not in DRIVERS and not LICENCE_ASKED.search(ad.title):
            lines = [l for l in lines if not LICENCE_ASKED.search(l)]  # Paris's visits are made by metro and bus
        required = REQUIRED_LINES.get(ad.slug)
        licence = [l for l in lines if required.search(l)] if required else []
        if not licence and not ad.alternance and (rng.random() < (0.55 if ad.slug in PROTECTED_SLUGS else 0.4) or
                                                  DIPLOMA_TITLE.search(ad.title)):  # the law's diploma, more often
            # the diploma a post requires is often among its requirements, whatever else is drawn
            # (in every ad, it made thousands of profiles share their runs of text)
            licence = [l for l in lines if says(DIPLOMA_REQUIRED, l)]
        if title_line_flags(ad.title, ad.post).acting:  # the title's "faisant fonction", said in the profile
            licence = [rng.choice(ACTING_LINES)]
        elif LICENCE_ASKED.search(ad.title):  # "PERMIS B EXIGÉ": the profile says it too
            licence = [l for l in lines if LICENCE_ASKED.search(l)] or [
                rng.choice(("Permis B exigé.", "Permis B indispensable pour les déplacements."))]
        return self._section(rng, "profil", lines, bank["phrasings"], 2, 3, bullet, ad.placed(lieu, "profil"),
                             unsaid(ad.headers("profil", start), said),
                             ad.setting == "particulier" or ad.contrat == "LIB",
                             first=rng.sample(licence, 1) if licence else ())

    def _conditions(self, rng, bank, ad, bullet, lieu, debut):
        """The conditions: lines of the bank that fit the ad, with the ad's contract and (for
        shift work) its shifts."""
        lines = self._named(self._fitting(bank, ad.kind, "conditions", ad), ad)
        if ad.opening_said:
            lines = self._without(lines, bank, "conditions", ad, "opening hours", OPENING_SAID)
        if ad.contrat == "LIB":  # the contract line says the ad's own share of the fees and its mode
            other = COLLABORATION if ad.liberal == "remplacement" else REPLACEMENT if ad.liberal else None
            lines = [l for l in lines if not FEES.search(l) and not (other and other.search(l))]
        if ad.temporary():  # no month-ahead rota for a temp, nor a choice of hours
            lines = [l for l in lines if not STAFF_ONLY.search(l) and not LONG_SERVICE.search(l)]
        if ad.closed_care:  # no open ward of free patients after seclusion, restraint or the emergencies
            lines = [l for l in lines if not OPEN_WARD.search(l)]
        if ad.contrat != "CDD" or ad.months != 12 or ad.replacing:  # "12 mois lié au financement du dispositif"
            lines = self._without(lines, bank, "conditions", ad, "funded year", FUNDED_YEAR)
        if ad.contact and "cadre" in ad.contact.role or TITLE_WEEKEND.search(ad.title):
            # the cadre the ad names is no "Cadre de santé présent(e)", nor is one there on weekends
            lines = [l for l in lines if not l.startswith("Cadre de santé présent")]
        picked = phrased(rng, rng.sample(lines, min(len(lines), rng.randint(1, 2))), bank["phrasings"])
        # One line of hours: "Travail en 12h (7h-19h...)" and "Poste de nuit fixe de 21h à 7h" disagree.
        timed = [l for l in picked if line_flags(l)[2]]
        picked = [l for l in picked if l not in timed[1:]]
        if ad.contrat == "LIB" and not ad.liberal:  # "Contrat de collaboration" drawn: its contract line says so too
            ad.liberal = next((mode for mode, words in (("collaboration", COLLABORATION), ("remplacement", REPLACEMENT))
                               if any(words.search(l) for l in picked)), "")
        extra = [contract_line(rng, ad.contrat, ad.months, ad.days, ad.partiel, ad.hours,
                               ad.alternance, ad.nature, debut,
                               ad.liberal,
                               ad.replacing, TRIAL_MONTHS.get(bank["qualificationCode"], 2),
                               bank["slug"] in UNTIMED_SLUGS or any("forfait jours" in l for l in picked),
                               hospital_doctor(ad.statut, bank["codeROME"]),
                               LIBERAL_RATES.get(bank["codeROME"], (70, 75, 80, 85, 90)),
                               # (a foster carer is a contract agent, never a titulaire)
                               ad.statut in PUBLIC_STATUSES and ad.slug not in FOSTER_SLUGS,
                               prepared_diploma(bank["formations"]) if ad.alternance else None)]
        if not ad.partiel:  # "CDI, 35 h" then "Temps partiel possible" read as a contradiction
            picked = [p for p in picked if "emps partiel" not in p]
        picked = [p for p in picked if not states_hours(p)]  # the contract's line says the hours, once
        says_shifts = ad.night or bool(ad.schedule and TWELVE_HOURS_TITLE.search(ad.title))
        if says_shifts and (not ad.days or ad.days >= 7):
            # A night or "12h" post always says its shifts, in place of other hours.
            picked = [p for p in picked if not SCHEDULE_WORDS.search(p)]
        if ad.night and not ad.schedule:  # a night post without shifts' hours still says it works nights
            extra.append(rng.choice(("Poste de nuit, planning établi au mois.", "Travail de nuit selon un planning mensuel.",
                                     "Interventions de nuit, planning communiqué à l'avance.")))
        if ad.night and ad.schedule and ad.days and ad.days < 7:  # a few nights' mission says its nights, not a week's rota
            (_, night_start, night_end), = ad.schedule
            extra.append("Mission de nuit, de %s à %s." % (night_start, night_end))
        elif ad.schedule and (not ad.days or ad.night) and \
                not any(SCHEDULE_WORDS.search(p) for p in picked) and (says_shifts or rng.random() < 0.8):
            extra.append(schedule_lines(rng, ad.schedule, ad.night, ad.weekend, ad.hours))
        # (only the picked lines that stay count: as many as the extra lines, see below)
        if TWELVE_HOURS_TITLE.search(ad.title) and not any(TWELVE_HOURS.search(l) for l in picked[:len(extra)] + extra):
            # "AIDE SOIGNANT DE JOUR EN 12H" on a few days' mission: the shifts the title names
            extra.append("Postes de 12 h, de 19 h à 7 h." if ad.night else "Postes de 12 h, de 7 h à 19 h.")
        if (ad.weekend == "les samedis et dimanches" or ad.weekends and WEEKEND_SAID.search(ad.title)) and \
                not any(WEEKEND_SAID.search(l) for l in picked[:len(extra)] + extra):
            if ad.weekend == "les samedis et dimanches":  # a weekends-only title: the text says it too
                # (a household has no weekday teams to relieve)
                extra.append(rng.choice(("Travail les samedis et dimanches, jours fériés selon le planning.",
                                         "Poste de week-end : samedis et dimanches.") + (
                                        () if ad.setting == "particulier" else
                                        ("Présence les samedis et dimanches, en renfort des équipes de semaine.",))))
            else:  # "gardes et week-ends": the weekends the title names, in turn with the team
                extra.append(rng.choice(("Travail un week-end sur deux selon le planning.",
                                         "Week-ends travaillés par roulement avec l'équipe.")))
        attached = ad.attachment(rng)
        if attached and rng.random() < 0.7:
            extra.append(attached)
            picked = [l for l in picked if "attach" not in l]  # no "Rattachement au service social" again
        picked = picked[:len(extra)]
        if any(RECRUITMENT_ROUTE.search(line) for line in extra):  # the route said once: "par voie statutaire", not again
            picked = [line for line in picked if not RECRUITMENT_ROUTE.search(line)]
        said = {subject(line) for line in extra}  # no second "Secteur d'intervention" line
        picked = [line for line in picked if subject(line) not in said]
        if any(_sides(line) is not NO_SIDES for line in picked):  # (the bank's lines, read once; most take no side)
            kept = consistent(extra + picked)  # no "sans garde de week-end" beside weekend on-call duty
            picked = [line for line in picked if line in kept]
        rng.shuffle(extra)
        picked = interleave(rng, picked, extra)
        ad.subjects = {subject(line) for line in picked}  # the benefits do not say them again
        if not picked:
            return ""
        own = ad.headers("conditions", debut)
        if any(debut in line for line in picked):  # the contract's line says when: its header does not again
            own = [h for h in own if debut not in h]
        return self._lines(rng, header(rng, "conditions", ad.placed(lieu, "conditions"), own, ad.setting == "particulier"), picked, bullet,
                           rng.random() < 0.55)

    def _benefits(self, rng, bank, ad, bullet, lieu, salaire):
        """The benefits: some of the bank's that fit the employer's status, some of that
        status's own (CCN 51, FPH, CNAS...) with the ad's figures, and sometimes the pay."""
        lines = self._named(self._fitting(bank, ad.kind, "avantages", ad), ad)
        if ad.welcomes:
            lines = [l for l in lines if not welcomed(l)]
        plain = phrased(rng, rng.sample(lines, min(len(lines), 1 if rng.random() < 0.4 else 0)), bank["phrasings"])
        statut = "liberal" if ad.contrat == "LIB" else ad.statut
        pay, stated = bank["salaire"], re.findall(r"Mensuel de (\d+)\.0 Euros(?: à (\d+)\.0)?", (salaire or {}).get("libelle", ""))
        if stated:
            low, high = int(stated[0][0]), int(stated[0][1] or stated[0][0])
            pay_range = (low, high)
        else:
            pay_range = (pay["min"], pay["max"]) if pay["periode"] == "M" else None
        known = ad.known
        hourly = re.findall(r"Horaire de (\d+\.\d+) Euros", (salaire or {}).get("libelle", ""))
        if hourly or stated:  # a household's hourly wage is the record's, or its monthly pay's
            known = dict(known, sh=euros(float(hourly[0]) if hourly else
                                          round(pay_range[0] / (ad.hours * 52 / 12), 2)))
        if statut == "ccn66":  # the CCN 66's congés trimestriels: 18 days a year for care and educational staff, 9 for general services
            known = dict(known, ct="9" if ad.slug in GENERAL_SERVICES_SLUGS else "18")
        # (a public night post's 32 h 30 are paid as full time)
        own, fixed = benefits(rng, statut, ad.hours if ad.partiel else max(ad.hours, 35), ad.partiel, rng.randint(1, 2),
                              pay_range, bool(stated),
                              ad.experience == "D" or ad.years <= 1, known,  # a year's practice starts low on the grid
                              ad.uplift)
        fixed = [line for line in fixed if not unfit(line, ad.kind)]  # no Ségur pay rise in a chantier d'insertion
        # The lines the ad's terms rule out, removed in one pass.
        thirteen = "13.0 mois" in (salaire or {}).get("libelle", "") and not (ad.contrat == "CDD" and ad.months <= 12)
        doctor = hospital_doctor(statut, bank["codeROME"])
        brief_stay = bool(ad.days or ad.contrat in ("CDD", "MIS") and (ad.months or 0) < 7)  # lodging is for up to 6 months
        staff_only = STAFF_ONLY if ad.temporary() else None
        ruled_out = [words for rule, words in (
            (not thirteen, THIRTEENTH),
            (not (ad.staff and ad.staff >= 800), STAFF_CRECHE),
            # An apprentice is on no grid and becomes no civil servant; a foster carer, paid per
            # child at home, is on no grid and no rota either; a hospital's doctor or pharmacist
            # is a praticien hospitalier, on no FPH grid.
            (ad.alternance or ad.slug in OWN_HOME_SLUGS or doctor, GRID_PAY),
            (ad.slug in OWN_HOME_SLUGS, ROTA_BENEFIT),
            (doctor, DOCTOR_UNPAID),
            (brief_stay, LODGING),  # no months of lodging on a contract of as many months or fewer
            # A welcome bonus is a permanent hire's; the NBI a civil servant's, not a contract agent's.
            (ad.contrat in ("CDD", "MIS") or ad.alternance, PERMANENT_PAY),
            (staff_only, STAFF_ONLY),
            (staff_only, LONG_SERVICE),
            (not ad.civil_servants, NBI),  # the NBI is a titulaire's, and the record's CDI is a contract agent's
            (ad.service_car, MILEAGE),  # no mileage paid for a service car's trips
            (ad.population < TRANSPORT_TOWN, PUBLIC_TRANSPORT),
            (ad.contrat in ("CDD", "MIS") or ad.alternance or ad.slug in PSYCHOLOGIST_SLUGS or
             bank["codeROME"] in PRACTITIONER_CODES, CAREER_PATHS),  # (a paramedic's, not a doctor's)
            (ad.kind == "agence-interim" or ad.parking_said, PARKING),
            # a faisant fonction is no civil servant to be, nor is a post under half time
            (title_line_flags(ad.title, ad.post).acting or ad.hours < 17.5, CAREER_ENTRY),
            # a collaborator bills in her own name and pays the practice a fee: only a locum's
            # fees are paid back to her
            (ad.contrat == "LIB" and ad.liberal != "remplacement", FEES_PAID_BACK)) if rule]
        own, fixed, plain = ([line for line in group if not any(says(words, line) for words in ruled_out)]
                             for group in (own, fixed, plain))
        if ad.client not in SHARED_MEALS_KINDS or ad.night:  # no meals shared with the people a mandataire visits, or at night
            own = [line for line in own if not SHARED_MEALS.search(line)]
        if any("€ net" in line for line in own):
            plain = [line for line in plain if not PAY_LINE.search(line)]
        plain = [line for line in plain if not any(subject(line) == subject(o) for o in own)]
        plain = [line for line in plain if subject(line) not in ad.subjects]
        own = [line for line in own if subject(line) not in ad.subjects]
        plain = (plain + fixed)[:max(1, len(own))]
        # No rota or car park for one who works in her own home, no induction for a temp.
        # Plannings are a rota's: shift workers' on a ward or in a home, a home service's; not
        # an office's, a day service's or a psychologist's.
        rota = ad.setting == "domicile" or ad.setting == "unit" and ad.slug in SHIFT_SLUGS and not ad.day_service
        unfit_generic = [p for p in ((ROTA_OR_STAFF_ONLY if staff_only else ROTA_BENEFIT) if ad.slug in OWN_HOME_SLUGS
                                     else staff_only, None if rota else PLANNINGS,
                                     PARKING if ad.parking_said else None,
                                     # lodging is a ward's or a home's, for more months than a brief stay's
                                     LODGING if brief_stay or ad.client not in H24_KINDS | HOSPITALS else None) if p]
        if ad.slug in OWN_HOME_SLUGS:  # she works at home: no fare refunded, no CESU, no household's hourly wage
            own = [line for line in own if not AT_THE_HOUSEHOLD.search(line)]
            plain = [line for line in plain if not AT_THE_HOUSEHOLD.search(line)]
        if ad.setting != "particulier" and statut != "liberal" and rng.random() < 0.4:  # one benefit per subject
            extra = generic_benefits(rng, 1, unfit_generic)
            if extra and not any(subject(extra[0]) == subject(line) for line in plain + own) and \
                    subject(extra[0]) not in ad.subjects:
                own += extra
        if salaire and statut != "liberal" and not any(WAGE_SAID.search(line) for line in own + plain) and rng.random() < 0.4:
            pay = salary_line(rng, salaire, ad.statut, ad.alternance, "professionnalisation" in ad.nature, ad.uplift)
            if pay:
                own.append(pay)
        if not plain and not own:
            if ad.setting == "particulier":  # a household has no parking spaces nor training plan
                plain = phrased(rng, rng.sample(lines, min(1, len(lines))), bank["phrasings"])
            else:
                own = generic_benefits(rng, 1, unfit_generic)
        rng.shuffle(plain)
        rng.shuffle(own)
        avantages = said_once(interleave(rng, plain, own))
        meals = [line for line in avantages if MEAL_BENEFIT.search(line)]
        avantages = [line for line in avantages if line not in meals[1:]]  # one line of meals: no self said twice
        title = header(rng, "avantages", ad.placed(lieu, "avantages"), ad.headers("avantages"), ad.setting == "particulier")
        if title.startswith("Rémunération") and not any(PAY_SAID.search(line) for line in avantages):
            title = rng.choice([h for h in HEADERS["avantages"] if not h.startswith("Rémunération")])
        return self._lines(rng, title, avantages, bullet, rng.random() < 0.55)

    def _description(self, rng, bank, ad, appellation, about, created, lieu, cp, salaire, rome, presented=False):
        """The ad's text: the employer's presentation, where the post is, the employer's figures
        in any order and why the post is open; then missions, profile, conditions, benefits
        and a closing line."""
        # the ad's own appellation: the métier's first may be another post (IBODE for a circulant)
        name = post_name(appellation)
        bullet = rng.choice(BULLETS)  # one house style per ad
        # Applications close (limite), interviews follow (entretien), then the post starts (debut).
        limite = created + timedelta(days=rng.randint(7, 18))
        entretien = working_day(limite + timedelta(days=rng.randint(1, 4)))
        debut = working_day(entretien + timedelta(days=rng.randint(7, 35)), saturday=True, christmas=False)
        details = about[1:]
        staff_stated = ad.staff_said
        if ad.setting not in ("particulier", "accueil") and ad.kind not in NO_FIGURES and \
                rng.random() < (0.4 if len(about) == 1 else 0.1):  # a figure where the presentation gave none
            details.append(figure(rng, ad.setting, ad.kind in ("ch", "chu", "clinique", "epsm"),
                                ad.followed if ad.setting == "domicile" else None, ad.team, ad.staff_said,
                                ad.kind in OFFICE_PUBLICS, bool(OPENS.search(about[0])),
                                any(num(n) in " ".join(about) for n in (ad.followed, round_figure(ad.followed),
                                                                           round_figure(ad.followed, True))),
                                ad.staff, bool(A_YEAR.search(" ".join(about))), "familles" in " ".join(about),
                                12 if ad.kind == "micro-creche" else int(ad.known.get("enfants", 0)) or None))
            stated = details[-1] and STAFF_FIGURE_COUNT.search(details[-1])
            if not details[-1]:
                details.pop()  # no figure left that the ad has not said
            if stated:  # "Le service emploie 66 salariés": the headcount band says so too
                ad.staff = int(stated.group(1).replace(" ", ""))
                staff_stated = True
        rng.shuffle(details)
        places = PLACES if ad.setting != "particulier" else HOUSEHOLD_PLACES
        if ad.population < TRANSPORT_TOWN:  # no public transport to speak of in a village
            places = [p for p in places if "transports en commun" not in p]
        if ad.population >= 200000:  # no free parking in a city centre
            places = [p for p in places if "parking" not in p]
        if ad.kind == "agence-interim" or title_line_flags(ad.title, ad.post).mam:
            # a temp works at the client's, not at "notre site"; a MAM is no one's home
            places = [p for p in places if not p.startswith(("Notre site", "Domicile"))]
        # The details name their subject ("L'hôpital accueille..."): the place and the figures
        # between them and the presentation leave no "Il" without its antecedent.
        place = contract(rng.choice(places).format(lieu=lieu, cp=cp))
        ad.parking_said = "arking" in place + " ".join(about) + " ".join(details)  # the benefits do not offer it again
        if presented:  # the employer's block says its presentation and details: the text, the place and a figure
            details = [d for d in details if d not in about]
            intro = " ".join(rng.choice(([place] + details, details + [place])))
        else:
            intro = " ".join([about[0], place] + details)
        if rng.random() < 0.9 or ad.contrat in ("CDD", "MIS") and (ad.months or 0) < 3:  # a short contract says why
            reasons = ad_reasons(ad.contrat, ad.setting, ad.alternance,
                                 "pool" not in name and ad.slug in SHIFT_SLUGS and bool(POOL.search(ad.title)),
                                 ad.title + " / " + ad.post, bool(ad.months and ad.months > 6), staff_stated,
                                 ad.whole, bool(ad.contrat in ("CDD", "MIS") and ad.months and ad.months < 3))
            if ad.kind in SHOP_KINDS:  # a pharmacy or an optician's shop gives no "sens à votre travail"
                reasons = [r for r in reasons if "donner du sens" not in r] or reasons
            if ad.client in DOMICILE_KINDS:  # an agency's home-care client is no "établissement"
                reasons = [r for r in reasons if "établissements clients" not in r] or reasons
            if "clients" in " ".join(about):  # an agency's client said once
                reasons = [r for r in reasons if "clients" not in r] or reasons
            if (ad.staff or 0) < 50 and ad.setting != "unit" or ad.slug in OWN_HOME_SLUGS:  # a practice or a shop has no internal moves
                reasons = [r for r in reasons if "mobilité interne" not in r] or reasons
            if OPENS.search(about[0]) or OPENS.search(intro):  # a house that opens has no one retiring, moving on or leaving
                reasons = [r for r in reasons if not LEAVING.search(r)] or reasons
            for said in ("relation de travail durable", "de confiance", "recrutons"):  # the presentation said it
                if said in " ".join(about):
                    reasons = [r for r in reasons if said not in r] or reasons
            if ad.kind in CONTRACTUAL_ONLY or ad.statut in PUBLIC_STATUSES or SUCCESSION.search(ad.title):
                # a public service's posts follow its public, not an activity that grows, nor does a practice handed over
                reasons = [r for r in reasons if "développement" not in r] or reasons
            if ad.alternance:  # an apprentice's opening says apprentissage, a professionalisation contract's alternance
                apprentice = "apprentissage" in ad.nature
                reasons = [r for r in reasons if apprentice or "apprenti" not in r] or reasons
            if LONG_POST_NAME.search(name):
                # "un(e) psychomotricien en établissement médico-social motivé(e)": no quality after a long name
                reasons = [r for r in reasons if not QUALITY_AFTER_POST.search(r)] or reasons
            if not ad.unit:  # "l'équipe de l'unité" is of a unit the ad names
                reasons = [r for r in reasons if "de l'unité" not in r] or reasons
            reason = rng.choice(reasons)
            if ad.unit:  # "l'équipe du pavillon des Lilas"
                reason = reason.replace("de l'unité", of(ad.unit))
            if ad.contrat == "LIB" and not ad.liberal and "remplacements réguliers" in reason:
                ad.liberal = "remplacement"  # the opening said it: no collaboration's contract below
            ad.single = bool(ONE_POST.search(reason))
            ad.replacing = bool(REPLACING.search(reason)) or bool(TITLE_REPLACEMENT.search(ad.title))
            shown = inclusive_name(name, appellation)  # "un(e) infirmier(ère)", as ads write it
            if shown.lower().startswith("apprenti"):  # no "un(e) apprenti(e) apprenti(e) préparateur(trice)"
                reason = reason.replace("apprenti(e) {poste}", "{poste}")
            intro += " " + reason.format(poste=shown, de_poste=elide("de", shown) + shown,
                                                      que_poste=elide("que", shown) + shown,
                                                      equipe=ad.team, debut=french_date(debut),
                                                      mois=ad.months)
        start = french_date(debut)
        ad.sites_said = bool(SITES.search(intro))
        tasks = self._named(self._fitting(bank, ad.kind, "missions", ad), ad)
        # A title that names a specialty ("aux urgences", "SMR") opens with its tasks.
        own = [l for l in tasks if line_specialties(l, ad.slug) & ad.title_specialties]
        if not own:  # else the tasks that echo a rare word of its title ("responsable PDA", "visites médiatisées")
            echoed = self._title_echo(bank, ad)
            own = [l for l in tasks if l in echoed]
        # A task the title promises and no drawn line may say ("bilingue anglais", "CSAPA", "BTP"):
        # it opens the tasks, before the specialty's.
        echo = next(((m, line) for words, said_re, line, slugs in TITLE_ECHOES for m in [words.search(ad.title)]
                     if m and not said_re.search(intro) and (slugs is None or ad.slug in slugs) and
                     not any(said_re.search(l) for l in own)), None)
        promised = [rng.choice(echo[1]).format(*(g.lower() for g in echo[0].groups()))] if echo else []
        # A fact is said once: the date and figures of the opening are not said again after a task.
        said = set(facts(intro))
        ad.placed_sections = rng.sample(("missions", "profil", "conditions", "avantages"), 1)
        missions = self._section(rng, "missions", tasks, bank["phrasings"], 3, 5,
                                 bullet, ad.placed(lieu, "missions"),
                                 [h for h in unsaid(ad.headers("missions", start), said)
                                  if ad.area() not in h or "communes voisines" not in intro and ad.area() not in intro],
                                 ad.setting == "particulier" or ad.contrat == "LIB",
                                 promised + rng.sample(own, min(len(own), rng.randint(1, 2) - len(promised))))
        service = title_service(ad.title)
        if service and ad.unit == service and service.split()[-1] not in intro + missions:
            # the service the title names is said ("IDE - Cardiologie" whose text never said cardiology)
            missions = "Vos missions au sein %s :" % of(service) + missions[missions.index("\n"):]
        said |= facts(missions)
        ad.closed_care = bool(CLOSED_CARE.search(ad.title + "\n" + missions))
        ad.communes_said = "communes voisines" in intro or ad.area() in intro + missions
        if ad.contact and ad.contact.surname in missions:
            ad.contact.named = True  # the tasks named the contact with a role: later, the name alone
        sections = [intro, missions,
                    self._requirements(rng, bank, ad, bullet, lieu, start, said),
                    self._conditions(rng, bank, ad, bullet, lieu, french_date(debut))]
        # The benefits say nothing the ad's title and text have contradicted (a service car, then
        # a mileage allowance).
        text = " ".join(sections)
        ad.service_car = says_service_car(ad.title) or says_service_car(text)
        ad.civil_servants = "titulaire" in text or "mutation" in text
        ad.welcomes = welcomed(text) or welcomed(ad.title)  # young graduates welcomed once: no benefit for them again
        sections.append(self._benefits(rng, bank, ad, bullet, lieu, salaire))
        # young graduates welcome where the record takes beginners only, once, and not to an
        # apprentice's post; the start date said once or twice, not again at the end; no internal
        # candidates to a household's or an agency's post
        text += " " + sections[-1]
        # no internal candidates where there is no staff to move (a household, a practice, a small
        # house) nor to an agency's post; no day of immersion at a household's or in a practice
        private = ad.setting == "particulier" or ad.contrat == "LIB"
        unqualified = not any(f.get("exigence") == "E" for f in bank["formations"])  # no diploma: no "jeunes diplômé(e)s"
        clotures = closings(ad.experience != "D" or ad.alternance or ad.welcomes or welcomed(sections[-1]) or unqualified,
                            start in text,
                            private or ad.kind == "agence-interim" or (ad.staff or 0) < 50,
                            private or ad.kind == "agence-interim")  # an agency's client shows no day of immersion
        closing = [rng.choice(clotures).format(
            debut=debut.strftime("%d/%m/%Y"), limite=limite.strftime("%d/%m/%Y"),
            entretien=french_date(entretien))]
        if ad.contact and rng.random() < 0.35:
            said = "CV" in closing[0]
            closing.insert(rng.randint(0, 1), rng.choice([c for c in CONTACT_CLOTURES if (not said or "CV" not in c) and
                                                          ("Entretien" not in closing[0] or "Entretien" not in c) and
                                                          (not private and ad.setting == "unit" or "service" not in c)]).format(
                contact=ad.contact.mention(), nom=ad.contact.bare()).replace("de le Dr", "du Dr"))
        if rng.random() < 0.5 and ad.setting != "particulier":  # a household numbers no offers
            closing.insert(rng.randint(0, len(closing)), "Référence de l'offre : %s-%d%03d." % (
                rome, created.month, rng.randrange(1000)))
        closing = " ".join(c for c in closing if c)
        if closing:
            sections.append(closing)
        body = [s.replace("de le Dr ", "du Dr ").replace("à le Dr ", "au Dr ") for s in sections if s]
        if ad.contact and ad.contact.woman and "titulaire" in ad.contact.role:
            # The titulaire the tasks name is the woman the ad names ("Mme Lacroix, pharmacienne titulaire").
            body = [TITULAIRE.sub(lambda m: FEMININE_TITULAIRE[m.group(1)], b) for b in body]
        if ad.contact and ad.contact.woman and "coordinatrice" in ad.contact.role:
            # the coordinator the lines name is the woman the ad names ("Mme Lacroix, infirmière coordinatrice")
            body = [b.replace("l'infirmier coordinateur", "l'infirmière coordinatrice") for b in body]
        if ad.collectivity:  # Martinique's, Paris's, Corsica's, Alsace's council is a collectivity, called by its name
            body = [council_named(b, ad.collectivity) for b in body]
        # Some employers put the profile before the missions.
        if rng.random() < 0.2 and len(body) > 3:
            body[1], body[2] = body[2], body[1]
        return said_once_as_named("\n\n".join(body))
