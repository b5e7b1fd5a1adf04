"""What makes one job ad its own: the terms of the contract (type, length, hours, day or night
work) read from the ad's title where it says them, the person to contact, the employer's
status (public hospital, CCN 51 or CCN 66 association, private clinic, local authority...) and
the benefits, conditions and figures that go with it.

Two ads drawn from the same métier bank and the same employer kind share their wording; what
they do not share is written here, with numbers and names, so that no long run of text is
common to many ads (the corpus issue: fewer than 5% of offers may share a 200-character run
with another). Every sentence is one a French recruiter would write."""
import functools
import re

# Common French surnames, for the person an ad names ("Mme Roussel, cadre de santé").
SURNAMES = (
    "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel "
    "Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine "
    "Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier "
    "François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu "
    "Gautier Masson Marchand Duval Denis Dumont Lemaire Noël Meyer Dufour Meunier Brun "
    "Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche "
    "Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas "
    "Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq "
    "Guillaume Lecomte Lopez Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis "
    "Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Poirier Marty Aubry "
    "Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly Hervé Schneider "
    "Fernandez Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Cousin Germain Breton "
    "Besson Langlois Rémy Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet "
    "Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain "
    "Tessier Chevallier Collin Chauvin Bouchet Gay Lemaître Bénard Humbert Reynaud Antoine "
    "Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier "
    "Laporte").split() + ["Le Gall", "Le Roux", "Le Goff", "Da Silva", "Ferreira", "Haddad",
                         "Benali", "Nguyen", "Diallo", "Traoré", "Mendes", "Kieffer"]

# Who an ad names, by employer kind: (masculine, feminine) titles.
ROLES = {
    "hospital": [("cadre de santé", "cadre de santé"), ("cadre supérieur de santé", "cadre supérieure de santé")],
    "ehpad": [("infirmier coordinateur", "infirmière coordinatrice"), ("directeur", "directrice"),
              ("cadre de santé", "cadre de santé")],
    "residence": [("directeur", "directrice"), ("responsable de la résidence", "responsable de la résidence")],
    "medico-social": [("chef de service", "cheffe de service"), ("directeur adjoint", "directrice adjointe")],
    "domicile": [("responsable de secteur", "responsable de secteur"), ("directeur", "directrice")],
    "ssiad": [("infirmier coordinateur", "infirmière coordinatrice")],
    "creche": [("directeur", "directrice"), ("directeur adjoint", "directrice adjointe")],
    "micro-creche": [("référent technique", "référente technique"), ("gestionnaire", "gestionnaire")],
    "public": [("responsable du service", "responsable du service"), ("chef de service", "cheffe de service")],
    "en": [("conseiller technique", "conseillère technique"), ("principal adjoint", "principale adjointe")],
    "cabinet": [("Dr", "Dr")],
    "pharmacie": [("pharmacien titulaire", "pharmacienne titulaire")],
    "magasin": [("responsable du magasin", "responsable du magasin"), ("gérant", "gérante")],
    "audition": [("responsable du centre", "responsable du centre"), ("directeur du centre", "directrice du centre")],
    "entreprise": [("gérant", "gérante"), ("responsable d'exploitation", "responsable d'exploitation")],
    "particulier": [("", "")],
    "doctor": [("chef de service", "cheffe de service"), ("chef de pôle", "cheffe de pôle")],
    "agence": [("chargé de recrutement", "chargée de recrutement"), ("responsable d'agence", "responsable d'agence")],
    "office": [("responsable", "responsable"), ("directeur", "directrice")],
}
ROLE_OF_KIND = {
    "ch": "hospital", "chu": "hospital", "clinique": "hospital", "smr": "hospital", "epsm": "hospital",
    "usld": "hospital", "had": "hospital", "ehpad": "ehpad", "residence-autonomie": "residence",
    "ime": "medico-social", "itep": "medico-social", "sessad": "medico-social", "mas": "medico-social",
    "fam": "medico-social", "foyer-de-vie": "medico-social", "esat": "medico-social",
    "mecs": "medico-social", "foyer-enfance": "medico-social", "chrs": "medico-social",
    "service-mandataire": "medico-social", "association-insertion": "medico-social",
    "centre-social": "office", "saad": "domicile", "ssiad": "ssiad", "eaje": "creche",
    "micro-creche": "micro-creche", "relais-petite-enfance": "public", "collectivite": "public",
    "ccas": "public", "conseil-departemental": "public", "education-nationale": "en",
    "cabinet-liberal": "cabinet", "cabinet-dentaire": "cabinet", "centre-de-sante": "office",
    "laboratoire": "office", "centre-imagerie": "cabinet", "service-sante-travail": "office",
    "pharmacie": "pharmacie", "magasin-optique": "magasin", "centre-audition": "audition",
    "ambulances": "entreprise", "transport-adapte": "entreprise", "agence-interim": "agence",
    "particulier-employeur": "particulier",
}


PSYCHOLOGIST_POST = re.compile(r"^(Neuro)?[Pp]sychologue", re.IGNORECASE)
# Appellations of doctors and pharmacists.
DOCTOR_POST = re.compile(r"^(Médecin|Psychiatre|Pédiatre|Gériatre|Biologiste|Pharmacien|Chirurgien)", re.IGNORECASE)
# Posts of a doctor's practice, whose head is a Dr; a physiotherapists' or speech therapists'
# practice is headed by one of them, not by a doctor.
DOCTORS_PRACTICE = re.compile(r"[Mm]édecin|MÉDECIN|[Pp]édiatre|[Pp]sychiatre|[Ss]ecrétaire|SECRÉTAIRE|[Oo]rthoptiste|"
                              r"[Pp]ratique avancée|\bIPA\b")


class Person:
    """Someone an ad names: "Mme Roussel, cadre de santé", "Dr Lemoine"."""

    def __init__(self, rng, kind, post="", title=""):
        self.woman = rng.random() < 0.72
        self.surname = rng.choice(SURNAMES)
        titles = ROLES[ROLE_OF_KIND.get(kind, "office")]
        if ROLE_OF_KIND.get(kind) == "hospital" and (DOCTOR_POST.search(post) or PSYCHOLOGIST_POST.search(post)):
            titles = ROLES["doctor"]  # a hospital doctor or psychologist answers to a doctor, not to a cadre de santé
        self.role = rng.choice(titles)[1 if self.woman else 0]
        if kind == "cabinet-liberal" and not DOCTORS_PRACTICE.search(post + " " + title):
            self.role = "titulaire du cabinet"
        if kind == "education-nationale":  # a school social worker answers to the DASEN's adviser, a nurse to a head
            self.role = ("conseillère technique" if self.woman else "conseiller technique") if "social" in post.lower() else \
                ("principale" if self.woman else "principal") if "nfirmi" in post else \
                ("coordonnatrice du PIAL" if self.woman else "coordonnateur du PIAL")
        if self.role not in ("Dr", "") and kind != "pharmacie" and (self.role.split()[0] in (post + " " + title).lower() or
                                  post.lower().split()[:1] == [self.role.split()[0]]):
            # An ad for a cadre de santé, a chef de service or a director names the one above them.
            above = ("directrice" if self.woman else "directeur") + (
                " des soins" if ROLE_OF_KIND.get(kind) == "hospital" else "")
            if above.split()[0] in (post + " " + title).lower():
                above = ("coordinatrice" if self.woman else "coordinateur") + " petite enfance" if \
                    ROLE_OF_KIND.get(kind) in ("creche", "micro-creche") else \
                    ("directrice générale" if self.woman else "directeur général")
            self.role = above
        self.named = False

    def __str__(self):
        if self.role == "Dr":
            return "le Dr " + self.surname
        if not self.role:  # a private household's member
            return self.bare()
        return "%s %s, %s" % ("Mme" if self.woman else "M.", self.surname, self.role)

    def mention(self):
        """The name with its role the first time the ad says it, the name alone afterwards."""
        if self.named:
            return self.bare()
        self.named = True
        return str(self)

    def bare(self):
        """The name alone, as a sentence's subject or after "à l'attention de"."""
        if self.role == "Dr":
            return "le Dr " + self.surname
        return "%s %s" % ("Mme" if self.woman else "M.", self.surname)


def num(n):
    """A number as French writes it: 45 000."""
    return "{:,}".format(n).replace(",", " ")


APPROXIMATE = re.compile(r"\b([Pp]rès de|[Pp]lus de|[Ee]nviron) (\d{1,3}(?: \d{3})*)\b(?! ?(%|€|h\b|heures? de trajet))")


def round_figure(n, down=False):
    """n written round: to two significant figures past 100 (212 -> 210), to 50 past 1 000
    (2 910 -> 2 900, 1 250 stays), to 500 past 10 000 (20 230 -> 20 000); down for "plus de"."""
    if n < 100:
        return n
    step = 10 ** (len(str(n)) - 2) if n < 1000 else 50 if n < 10000 else 500
    return n // step * step if down else int(round(n / step)) * step


def approximate(text):
    """An approximate figure written round: "près de 2 703 transports" -> "près de 2 700"."""
    return APPROXIMATE.sub(lambda m: "%s %s" % (m.group(1), num(round_figure(int(m.group(2).replace(" ", "")),
                                                                          m.group(1).lower() == "plus de"))), text)


def euros(x):
    """An amount with a decimal comma: 3,40; 10 when whole."""
    return "%d" % x if x == int(x) else ("%.2f" % x).replace(".", ",")


def hours_text(h):
    """35 -> "35 h", 17.5 -> "17 h 30"."""
    return "%d h" % h if h == int(h) else "%d h 30" % h


# --- The contract and the hours, read from the ad's title where it says them -------------

TITLE_CDD = re.compile(r"\bCDD\b")
TITLE_CDI = re.compile(r"\bCDI\b|[Pp]raticien hospitalier|PRATICIEN HOSPITALIER")  # a PH holds a permanent post
TITLE_LIB = re.compile(r"[Ll]ibéral|LIB[ÉE]RAL|[Cc]ollaborat|COLLABORAT|[Ss]uccession|SUCCESSION")
TITLE_REPLACEMENT = re.compile(r"(?<!pool de )[Rr]emplacement|REMPLACEMENT|[Rr]emplaçant|congé maternité|été\b|"
                               r"juillet-août|missions ponctuelles")
TITLE_MONTHS = re.compile(r"(\d+) ?(mois|MOIS)")
TITLE_YEARS = re.compile(r"(\d+) ?(ans?|ANS?)\b")
TITLE_PARTIAL = re.compile(r"[Tt]emps partiel|TEMPS PARTIEL|non complet|\d+ ?%|ETP|jours? (par|/) ?semaine|\d matinées|"
                           r"JOURS PAR SEMAINE|\d+H/SEMAINE|\bcontrat de \d+h|[Vv]acations|sortie d'école|"
                           r"\bsoirs\b|[Bb]aby-sitt|mercredis et vacances")
TITLE_FULL = re.compile(r"[Tt]emps plein|TEMPS PLEIN|\b35H\b")
TITLE_NIGHT = re.compile(r"nuit|NUIT")
# (an assistant de soins en gérontologie runs a PASA's or a protected unit's days)
TITLE_DAY = re.compile(r"\bde jour\b|\bDE JOUR\b|\bjour 12h|journée|[Gg]érontologie|GÉRONTOLOGIE|\bASG\b")
# A post of weekday evenings or school pick-ups.
TITLE_EVENINGS = re.compile(r"\bsoirs?\b|SOIRS?\b|[Ss]ortie d'école|SORTIE D'ÉCOLE|[Ss]ortie de classe")
# A weekends-only post ("Aide à domicile week-end"), not one whose weekends come with nights or
# on-call duty ("gardes et week-ends"): part time, two days.
TITLE_WEEKEND = re.compile(r"(?<!gardes et )(?<!nuit et )\b[Ww]eek-ends?\b|WEEK-ENDS?")


def title_hours(text):
    """Weekly hours a title states ("CDI 28H/SEMAINE", "temps partiel 80 %", "0,5 ETP")."""
    m = re.search(r"(\d+) ?[hH](?:/| par)? ?(?:SEMAINE|semaine|annualisées)|contrat de (\d+)h|"
                  r"temps partiel (\d+)h|\b(?:CDI|CDD|CONTRAT) (?:- )?(\d\d) ?[hH]\b", text)
    if m:
        return float(next(g for g in m.groups() if g))
    m = re.search(r"(\d+) ?%", text)
    if m and 40 <= int(m.group(1)) < 100:
        return round(35 * int(m.group(1)) / 100 * 2) / 2
    m = re.search(r"0,(\d) ETP", text)
    if m:
        return round(35 * int(m.group(1)) / 10 * 2) / 2
    m = re.search(r"(\d) (?:jours|JOURS) ?(?:par|PAR|/) ?(?:semaine|SEMAINE)", text)
    if m:
        return 7.0 * int(m.group(1))
    m = re.search(r"(\d+) (?:jours|JOURS) ?(?:par|PAR|/) ?(?:mois|MOIS)", text)
    if m:  # a libéral's days of some 10 hours, over a month's 4.33 weeks
        return round(int(m.group(1)) * 10 / 4.33 * 2) / 2
    m = re.search(r"(\d) (?:matinées|MATINÉES|demi-journées|après-midi)", text)
    if m:
        return 3.5 * int(m.group(1))
    return None


@functools.lru_cache(maxsize=None)
def title_terms(intitule, appellation):
    """What the title says of the contract: (contract type or None, months or None, part time
    True/False/None, hours or None, night True/False/None)."""
    text = intitule + " " + appellation
    contrat = None
    if TITLE_CDD.search(intitule):
        contrat = "CDD"
    elif TITLE_CDI.search(intitule):
        contrat = "CDI"
    elif TITLE_LIB.search(text):
        contrat = "LIB"
    elif TITLE_REPLACEMENT.search(intitule):
        contrat = "CDD-or-LIB"
    months = None
    m = TITLE_MONTHS.search(intitule)
    if m:
        months = int(m.group(1))
    elif TITLE_YEARS.search(intitule) and contrat == "CDD":
        months = 12 * int(TITLE_YEARS.search(intitule).group(1))
    elif "année scolaire" in intitule:
        months = 10
    elif re.search(r"été\b|juillet-août|congés d'été", intitule):
        months = 2
    partiel = None
    if TITLE_PARTIAL.search(text) and "PLEIN OU PARTIEL" not in text and "plein ou partiel" not in text:
        partiel = True
    elif TITLE_FULL.search(text) and "OU PARTIEL" not in text and "ou partiel" not in text:
        partiel = False
    night = True if TITLE_NIGHT.search(text) else (False if TITLE_DAY.search(text) else None)
    hours = title_hours(text)
    if TITLE_EVENINGS.search(intitule) and hours is None:  # after school, a few hours a day
        partiel, hours = True, 10.0
    if TITLE_WEEKEND.search(intitule) and hours is None:  # its hours are its two days' shifts: see weekend_hours
        partiel = True
        night = night or False  # weekend days, not nights
    return contrat, months, partiel, hours, night


# --- Lines of a bank that fit only some terms ------------------------------------------------

FULL_TIME = re.compile(r"^(Poste (à|de|en) )?[Tt]emps (plein|complet)\b|^Temps complet|^3[5-9] ?h|à temps plein :|"
                       r", temps plein,|"
                       r"\b3[5-9] ?(h|heures)(30)? (par semaine|hebdomadaires|annualisées|du lundi)|"
                       r"Horaires en roulement entre .*35 heures")
PART_TIME = re.compile(r"[Tt]emps (partiel|incomplet|non complet)|^Poste à (0,\d|\d+ %)|\b0,\d+ ETP|"
                       r"^Contrat de \d+ à \d+ heures")
# Part time as an option of a full-time post ("Temps partiel à 80 % envisageable").
TIME_OPTION = re.compile(r"[Tt]emps partiel (à \d+ % )?(possible|envisageable)|partiel possible")
NIGHT_ONLY = re.compile(r"de nuit fixes?\b(?!.*possible)|surveillance de nuit|présence de nuit|Nuits de présence|"
                        r"chambres la nuit|[Gg]arde de nuit à domicile|en garde de nuit|[Tt]ournées de nuit|correspondants de nuit")
DAY_ONLY = re.compile(r"sans (week-end ni )?nuit|ni (de )?nuit|[Pp]as de travail de nuit|sans travail de nuit|aucun travail de nuit|jamais de travail de nuit|ni de travail de nuit|[Hh]oraires de (journée|bureau)|"
                      r"en horaires de jour|[Pp]oste en journée|en journée|matin/après-midi|[Hh]oraires alternés|"
                      r"^Poste en roulement de|du lundi au (vendredi|jeudi|samedi)|du mardi au samedi|"
                      r"\bde [6-9]h\d* à 1[2-9]h|PASA|12 ?h de jour\b(?! ou)|matin et après-midi|alternant matin|"
                      r"[Jj]ournées en amplitude|[Ii]nterventions de [6-9]h")
# A childminder's long days, which no post of under 40 hours a week has.
WIDE_HOURS = re.compile(r"horaires élargis|^Accueil de 4\d heures par semaine")
# Lines that a post worked on weekends contradicts ("Horaires de journée, sans soirée ni dimanche").
NO_WEEKEND = re.compile(r"sans (soirée ni |garde de |travail le )?(dimanche|week-end)|ni (de )?(dimanche|week-end)|[Pp]as de travail les? week-ends?|aucun travail le week-end|"
                        r"sans week-end|[Pp]as de (travail de nuit ni de )?week-end|heures du lundi au vendredi|"
                        r"[Tt]emps plein du lundi au vendredi(?!,? (ou|sinon))|fermée? les week-ends")


def line_hours(line):
    """The weekly hours a line states, as (low, high), or None."""
    m = re.search(r"(\d+) à (\d+) heures", line)
    if m:
        return float(m.group(1)), float(m.group(2))
    m = re.search(r"(?:sur|base de) (\d+) heures", line)  # "Temps plein sur (la base de) 35 heures"
    if m:
        return float(m.group(1)), float(m.group(1))
    m = re.search(r"(\d+)h30 par semaine|(\d+) ?h(?:eures)?(30)? (?:par semaine|hebdomadaires|sur|annualisées|du lundi)", line)
    if m:
        h = float(m.group(1) or m.group(2)) + (0.5 if (m.group(1) or m.group(3)) else 0)
        return h, h
    m = re.search(r"(\d+) % à (\d+) %", line)
    if m:
        return 0.35 * int(m.group(1)), 0.35 * int(m.group(2))
    m = re.search(r"0,(\d) à 0,(\d) ETP", line)
    if m:
        return 3.5 * int(m.group(1)), 3.5 * int(m.group(2))
    m = re.search(r"(\d+) %|0,(\d) ETP", line)
    if m:
        h = 0.35 * int(m.group(1)) if m.group(1) else 3.5 * int(m.group(2))
        return h, h
    return None


HOUR_RANGE = re.compile(r"\d+ à \d+ heures")
_TRAITS = {}  # line -> what fits_terms needs to know of it, read once
def _traits(line):
    traits = _TRAITS.get(line)
    if traits is None:
        full, part = bool(FULL_TIME.search(line)), bool(PART_TIME.search(line))
        traits = _TRAITS[line] = (bool(NIGHT_ONLY.search(line)), bool(DAY_ONLY.search(line)),
                                  bool(TIME_OPTION.search(line)), full, part,
                                  line_hours(line) if full or part else None, bool(WIDE_HOURS.search(line)))
    return traits


def states_hours(line):
    """Whether a line states weekly hours ("Temps plein de 35 heures du lundi au vendredi"),
    which an ad's contract line says already."""
    return _traits(line)[5] is not None


CDD_WORDS = re.compile(r"\bCDD\b|durée déterminée|période de remplacement|pour des remplacements|[Cc]ontrat d'un an|"
                       r"remplacements (sont ouverts aux étudiants|peuvent être confiés)|"
                       r"Remplacements : nous acceptons|retenu\(e\) sur des remplacements|acceptés en remplacement")
CDI_WORDS = re.compile(r"\bCDI\b|durée indéterminée|(par )?voie statutaire|[Rr]ecrutement statutaire|"
                       r"([Oo]uvert|accessible) aux (fonctionnaires|contractuels|titulaires)|voie contractuelle ou statutaire|"
                       r"[Pp]oste stable")  # (a civil servant's post is permanent)
# What a permanent employee does or is offered, not a temp on a mission of weeks.
LONG_TERM = re.compile(r"[Rr]éférent|projets? personnalisés?|projet de vie|projets? d'accompagnement|\bséjours\b|"
                       r"rapport annuel|médecin traitant|[Tt]emps partiel (possible|à 80)|selon vos souhaits|annualisé|"
                       r"titularisation|[Pp]romotion professionnelle|[Cc]ompte épargne|[Rr]eprise d'ancienneté|"
                       r"[Ee]ncadr\w* (les |des )?(élèves|étudiants|stagiaires)|[Tt]utorat des|séjours? de transfert|"
                       r"financement de la formation|financer votre cursus|financement pour vous former")
EMPLOYED_WORDS = re.compile(r"\b[Pp]oste salarié|\b[Ss]alariat\b")
LIBERAL_WORDS = re.compile(r"[Rr]étrocession|[Rr]edevance|en libéral|[Cc]ollaboration libérale|[Rr]emplacements? en libéral")


_CONTRACT_WORDS = {}


def fits_contract(line, contrat):
    """Whether a line agrees with the ad's contract: no "Contrat à durée déterminée de 12 mois"
    in a CDI ad (a line naming both, "CDD pouvant déboucher sur un CDI", fits a CDD)."""
    words = _CONTRACT_WORDS.get(line)
    if words is None:
        words = _CONTRACT_WORDS[line] = (bool(CDD_WORDS.search(line)), bool(CDI_WORDS.search(line)),
                                         bool(EMPLOYED_WORDS.search(line)), bool(LIBERAL_WORDS.search(line)))
    cdd, cdi, employed, liberal = words
    if employed and contrat == "LIB" or liberal and contrat != "LIB":
        return False  # no "Poste salarié" in a libéral ad, no "rétrocession" in an employee's
    if contrat == "MIS" and LONG_TERM.search(line):
        return False  # a temp of some weeks is no one's référent and chooses no part time
    return not (cdd and contrat != "CDD" or cdi and not cdd and contrat != "CDI")


CLOCK_SPAN = re.compile(r"de (\d+)h(\d*) à (\d+)h(\d*)")


@functools.lru_cache(maxsize=None)
def weekday_hours(line):
    """The weekly hours of a line's daily spans worked every weekday, or None."""
    if "du lundi au vendredi" not in line:
        return None
    spans = CLOCK_SPAN.findall(line)
    if not spans:
        return None
    day = sum((int(h2) + int(m2 or 0) / 60) - (int(h1) + int(m1 or 0) / 60) for h1, m1, h2, m2 in spans)
    return day * 5 if day > 0 else None


def fits_terms(line, partiel, hours, night):
    """Whether a line agrees with the ad's hours and its day or night work: no "Temps plein de
    35 heures" in a part-time ad (a part-time option fits a full-time one only), no "Poste de
    nuit fixe" in a day one."""
    night_only, day_only, option, full, part, span, wide = _traits(line)
    if night_only and not night or day_only and night or wide and hours < 40:
        return False
    week = weekday_hours(line)
    if week and abs(week - hours) > 3:  # "de 7h à 9h30 et de 16h à 18h30, du lundi au vendredi" is 25 h
        return False
    if span and span[0] < span[1] and HOUR_RANGE.search(line):
        # "Contrat de 26 à 35 heures hebdomadaires selon votre choix": the ad's hours among them;
        # a full-time ad says its own week, not "de 35 à 39 heures" beside "(35 h)".
        return not full and span[0] - 0.6 <= hours <= span[1] + 0.6
    if full and part or part and option:
        # "Temps plein ou temps partiel à 80 % possible" offers a full-time post's choice: a
        # part-time ad has made it ("CDD à 80 % (28 h)").
        return not partiel
    if full and partiel or part and not partiel:
        return False
    return not span or span[0] - 0.6 <= hours <= span[1] + 0.6


# --- Schedules ----------------------------------------------------------------------------

# Métiers whose ads in 24-hour settings are worked in shifts (morning and evening, 12 hours,
# or nights).
SHIFT_SLUGS = {
    "aide-soignant", "infirmier-en-soins-generaux-ide", "agent-de-service-hospitalier-ash",
    "accompagnant-educatif-et-social-aes", "auxiliaire-de-puericulture", "infirmier-en-psychiatrie",
    "brancardier", "moniteur-educateur", "maitre-de-maison", "agent-de-sterilisation",
    "sage-femme", "puericulteur", "assistant-de-soins-en-gerontologie-asg", "educateur-specialise",
    "technicien-laboratoire-medical", "manipulateur-electroradiologie-medicale",
    "infirmier-anesthesiste-iade", "ambulancier"}
H24_KINDS = {"agence-interim", "ehpad", "usld", "ch", "chu", "clinique", "smr", "epsm", "mas", "fam", "foyer-de-vie",
             "mecs", "foyer-enfance", "chrs", "ime", "itep", "residence-autonomie"}
# Shifts as (what an ad calls it, start, end).
ALTERNATING = [
    [("du matin", "6h45", "14h15"), ("du soir", "13h45", "21h15")],
    [("du matin", "7h", "14h30"), ("du soir", "14h", "21h30")],
    [("du matin", "6h30", "14h"), ("du soir", "13h30", "21h")],
    [("du matin", "7h15", "14h45"), ("d'après-midi", "13h30", "21h")],
    [("du matin", "6h45", "14h30"), ("du soir", "14h", "21h45")],
]
DAYS_12H = [[("de jour", "7h", "19h")], [("de jour", "8h", "20h")], [("de jour", "7h30", "19h30")],
            [("de jour", "6h45", "18h45")]]
NIGHTS = [[("de nuit", "21h", "7h")], [("de nuit", "20h45", "6h45")], [("de nuit", "19h", "7h")],
          [("de nuit", "21h15", "7h15")], [("de nuit", "20h30", "6h30")]]
WEEKENDS = ["un week-end sur deux", "un week-end sur trois", "un week-end sur deux travaillé",
            "deux week-ends sur cinq"]


def shift_length(start, end):
    """Hours of a shift from "21h" to "7h", "6h45" to "14h15"."""
    def hour(text):
        h, _, m = text.partition("h")
        return int(h) + (int(m) / 60 if m else 0)
    return (hour(end) - hour(start)) % 24


def weekend_hours(schedule):
    """A weekends-only post's week: its two days' shifts (2 × 12 h, 2 × 7½ h), or two days of
    7½ hours for a post without shifts."""
    if not schedule:
        return 15.0
    length = sum(shift_length(start, end) for _, start, end in schedule) / len(schedule)
    return round(2 * length * 2) / 2


def per_week(hours, length, unit):
    """ "3 nuits par semaine", "3 nuits par semaine en moyenne", "2 à 3 jours par semaine": the
    shifts the weekly hours make. A whole number of shifts only when it makes the hours to half
    an hour, "en moyenne" to an hour and a half (35 h of 12-hour nights), else the two around
    them (readers took 39 h as "3 à 4 nuits" of 10 h for a contradiction)."""
    count = hours / length
    nearest = max(1, round(count))
    off = abs(count - nearest) * length
    if off <= 0.5:
        return "%d %s par semaine" % (nearest, unit)
    if off <= 1.5:
        return "%d %s par semaine en moyenne" % (nearest, unit)
    return "%d à %d %s par semaine" % (max(1, int(count)), int(count) + 1, unit)


def schedule_lines(rng, schedule, night, weekend, hours):
    """A conditions line saying the ad's shifts, as many a week as its hours make."""
    if night:
        (_, start, end), = schedule
        nights = per_week(hours, shift_length(start, end), "nuits")
        return rng.choice((
            "Poste de nuit de %s à %s, %s, %s." % (start, end, nights, weekend),
            "Nuits de %s à %s (%s), %s." % (start, end, nights, weekend),
            "Travail de nuit : %s-%s, %s en roulement." % (start, end, nights)))
    if len(schedule) == 2:
        (_, s1, e1), (_, s2, e2) = schedule
        return rng.choice((
            "Horaires alternés : %s-%s / %s-%s, %s." % (s1, e1, s2, e2, weekend),
            "Roulement matin (%s-%s) et soir (%s-%s), %s." % (s1, e1, s2, e2, weekend),
            "Postes de %s à %s ou de %s à %s, %s." % (s1, e1, s2, e2, weekend)))
    (moment, start, end), = schedule
    if moment != "de jour":  # a single shift of a day, not a 12-hour day
        return "Poste %s de %s à %s, %s." % (moment, start, end, weekend)
    return rng.choice((
        "Travail en 12 h de %s à %s, %s." % (start, end, weekend),
        "Journées de 12 heures (%s-%s), %s." % (start, end, weekend),
        "Postes en 12 h (%s-%s), soit %s, %s." % (
            start, end, per_week(hours, shift_length(start, end), "jours"), weekend)))


SCHEDULE_WORDS = re.compile(r"\d+h|\d+ ?heures|[Hh]oraires|nuit|[Ww]eek-end|matin|[Pp]lanning|[Rr]oulement|"
                            r"lundi|samedi|journée|[Aa]mplitude|[Tt]emps (plein|partiel|complet)")


# --- The contract, said in the conditions -----------------------------------------------------

def contract_line(rng, contrat, months, days, partiel, hours, alternance, nature, debut, liberal="", replacing=True,
                  trial=2, by_days=False, doctor=False, rates=(70, 75, 80, 85, 90), public=False, prepares=None):
    """A conditions line with the ad's contract, its length and hours, as the record says them,
    and sometimes its start date (debut, "12 janvier"); a libéral one as its title has it
    (liberal: "collaboration", "remplacement" or ""); a CDD called a replacement only when the ad
    replaces someone (replacing); a CDI's trial period of two months, or up to trial. A cadre
    counted in days (by_days: "au forfait jours") or a foster carer, paid by the child she takes
    in, has no weekly hours. A libéral keeps one of rates per cent of the fees (a dentist, whose
    practice pays the chairs and the laboratory, about half). A public employer's permanent post
    (public) is open to civil servants and contract agents, not "en CDI" with a trial period. An
    apprentice's contract names the diploma it prepares (prepares: "le DEAS"), as real ads do."""
    h = hours_text(hours)
    share = 100 * hours / 35
    quota = "à temps plein" if not partiel else ("à %d %%" % share if share in (50, 60, 80, 90) else "à temps partiel")
    start = rng.choice((", à pourvoir le %s" % debut, ", à compter du %s" % debut, "", ""))
    if by_days and contrat == "CDI" and public and not alternance:
        return "Emploi permanent %s%s, ouvert aux titulaires et aux contractuels." % (quota, start)
    if by_days and contrat in ("CDI", "CDD") and not alternance:
        return rng.choice(("%s %s%s." % ("CDI" if contrat == "CDI" else "CDD de %d mois" % months, quota, start),
                           "Contrat à durée %s %s%s." % ("indéterminée" if contrat == "CDI" else
                                                         "déterminée de %d mois" % months, quota, start)))
    if alternance:
        kind = "Contrat d'apprentissage" if "apprentissage" in nature else "Contrat de professionnalisation"
        goal = " préparant %s" % prepares if prepares else ""
        return rng.choice((
            "%s de %d mois%s%s, en alternance avec le centre de formation." % (kind, months, goal, start),
            "%s de %d mois%s : %s par semaine, dont les journées de formation." % (kind, months, goal, h)))
    if doctor and contrat in ("CDI", "CDD"):  # a public hospital's doctor or pharmacist: half-days, no trial period
        half_days = max(4, min(10, round(hours / 3.5)))
        time = "à temps plein (10 demi-journées)" if half_days == 10 else "à temps partiel (%d demi-journées)" % half_days
        if contrat == "CDI":  # a permanent post, as a public employer's others: a PH's, or a contract's meanwhile
            return rng.choice(("Poste permanent de praticien hospitalier %s%s, ouvert par mutation ou, à défaut, "
                               "à un praticien contractuel." % (time, start),
                               "Emploi permanent %s%s : praticien hospitalier titulaire, ou recrutement contractuel "
                               "en vue d'une nomination." % (time, start)))
        return "Contrat de praticien contractuel de %d mois, %s%s." % (months, time, start)
    if contrat == "CDI" and public and hours < 17.5:  # a post under half time (whose contract agent a town hires for three years: not said beside a CDI)
        start = start or ", à compter du %s" % debut
        return "Emploi permanent à temps non complet (%s)%s." % (h, start)
    if contrat == "CDI" and public:
        start = start or ", à compter du %s" % debut
        return rng.choice((
            "Emploi permanent %s (%s)%s, ouvert aux titulaires (mutation, détachement) et aux contractuels." % (quota, h, start),
            "Poste permanent %s, %s par semaine%s : recrutement statutaire ou, à défaut, contractuel." % (quota, h, start),
            "Emploi permanent%s, %s hebdomadaires, par voie statutaire ou contractuelle." % (start, h)))
    if contrat == "CDI":
        start = start or ", à compter du %s" % debut
        return rng.choice((
            "CDI %s, %s par semaine%s." % (quota, h, start),
            "Poste en CDI%s, %s hebdomadaires%s." % (start, h, " (temps partiel)" if partiel else ""),
            "Contrat à durée indéterminée %s (%s)%s, période d'essai de %s mois." % (
                quota, h, start, rng.choice((str(trial), ("deux", "trois", "quatre")[trial - 2]))),
            "CDI sur la base de %s par semaine%s%s." % (h, ", annualisées" if rng.random() < 0.3 else "", start)))
    if contrat == "CDD":
        start = start or ", à pourvoir le %s" % debut
        # a private employer's CDD lasts 18 months at most, renewals included
        renewable = months < 18
        return rng.choice((
            "CDD de %d mois %s (%s)%s%s." % (months, quota, h, start, ", renouvelable" if renewable else ""),
            "CDD de %d mois, %s par semaine%s%s." % (months, h, start, ", possibilité de prolongation" if renewable else ""),
            ("Remplacement en CDD de %d mois%s, %s hebdomadaires." if replacing else
             "CDD de %d mois%s, %s hebdomadaires.") % (months, start, h),
            "Contrat à durée déterminée de %d mois %s%s, %s par semaine." % (months, quota, start, h)))
    if contrat == "MIS":
        length = ("%d mois" % months) if months else ("%d jour%s" % (days, "s" if days > 1 else ""))
        return rng.choice((
            "Mission d'intérim de %s%s, %s par semaine." % (length, start, h),
            "Mission de %s %s, renouvelable selon les besoins du client." % (length, quota),
            "Intérim : mission de %s%s, %s hebdomadaires." % (length, start, h)))
    if contrat == "SAI":
        return "Contrat saisonnier de %d mois%s, %s par semaine." % (months, start, h)
    rate = rng.choice(rates)
    lines = {"": ("Exercice libéral : rétrocession de %d %% des honoraires%s." % (rate, start),),
             "remplacement": ("Remplacements réguliers en libéral, rétrocession de %d %% des honoraires." % rate,),
             "collaboration": ("Collaboration libérale avec une redevance de %d %% des honoraires%s." % (100 - rate, start),)}
    return rng.choice(lines[liberal] if liberal else lines[""] + lines["remplacement"] + lines["collaboration"])


# --- The employer's status and the benefits that go with it ------------------------------------

# Employers that are public hospitals whatever their name.
PUBLIC_HOSPITAL_KINDS = {"ch", "chu", "epsm", "usld"}


def status(kind, presentation, name=""):
    """The employer's status as its benefits show it: "fph" (public hospital), "fpt" (local
    authority), "en" (éducation nationale), "ccn51" (FEHAP), "ccn66", "fhp" (private clinic),
    "bad" (home-help association), "sap" (home-help company), "alisfa", "ml" (mission locale),
    "aci" (chantier d'insertion), "particulier",
    "interim", "prive" (practice, shop, company); "liberal" is not a status of the employer
    but of the contract (offres.py uses it for LIB ads). A "Centre municipal de santé" is the
    town's by its name whatever its presentation says."""
    p = presentation
    if kind in PUBLIC_HOSPITAL_KINDS or kind == "foyer-enfance":
        return "fph"
    if kind in ("collectivite", "ccas", "conseil-departemental", "relais-petite-enfance"):
        return "fpt"
    if kind == "education-nationale":
        return "en"
    if kind == "ehpad":
        return "fph" if "public" in p else ("ccn51" if "association" in p else
                                            ("fhp" if "Au cœur" in p else "ccn51"))
    if kind == "residence-autonomie":
        return "fpt" if "CCAS" in p else "ccn51"
    if kind in ("smr", "had", "ssiad"):
        return "ccn51"
    if kind == "clinique":
        return "fhp"
    if kind in ("ime", "itep", "sessad", "mas", "fam", "foyer-de-vie", "esat", "mecs", "chrs",
                "service-mandataire"):
        return "ccn66"
    if kind == "saad":
        return "sap" if "Entreprise" in p else "bad"
    if kind in ("centre-social", "eaje"):
        return "alisfa" if kind == "centre-social" or "associative" in p else (
            "fpt" if "multi-accueil" in p else "prive")
    if kind == "centre-de-sante":
        return "fpt" if "municipal" in p or "municipal" in name else "prive"
    if kind == "association-insertion":  # a mission locale's and a chantier's own agreements
        return "ml" if "ission locale" in p else "aci" if re.search(r"[Cc]hantier|atelier|ACI\b", p) else "ccn66"
    if kind == "particulier-employeur":
        return "particulier"
    if kind == "agence-interim":
        return "interim"
    return "prive"


# Benefits by status: {name} placeholders are filled by BENEFIT_VALUES.
BENEFITS = {
    "fph": [
        "Grille de la fonction publique hospitalière (CTI inclus) : recrutement au {echelon} échelon, soit environ {net} € net par mois.",
        "Stagiairisation possible après {stage} mois de contrat.",
        "Adhésion au CGOS : chèques vacances, prestations sociales et aides aux loisirs.",
        "{nbi} points de nouvelle bonification indiciaire selon le poste occupé.",
        "25 jours de congés annuels, 2 jours hors saison et {rtt} jours de RTT par an.",
        "Self du personnel ({repas} € le repas).",
        "Participation employeur de {pmut} € par mois à la complémentaire santé.",
        "Logement temporaire possible pendant {logement} mois à l'arrivée.",
        "Études promotionnelles financées après {anciennete} ans d'exercice.",
        "Crèche du personnel de {creche} berceaux à proximité.",
    ],
    "fpt": [
        "Rémunération statutaire et régime indemnitaire (RIFSEEP) : environ {net} € net par mois, plus une prime annuelle de {pfa} € brut.",
        "Adhésion au CNAS : chèques vacances, billetterie et aides aux familles.",
        "Participation employeur de {pmut} € par mois à la complémentaire santé et de {pprev} € à la prévoyance.",
        "25 jours de congés annuels et {rtt} jours d'ARTT.",
        "Titres-restaurant de {tr} € pris en charge à {trpct} % par la collectivité.",
        "Remboursement de 75 % de l'abonnement de transport.",
        "Forfait mobilités durables jusqu'à {fmd} € par an.",
    ],
    "en": [
        "Rémunération selon la grille de l'éducation nationale, indice majoré {im} à l'embauche.",
        "Congés calés sur le calendrier scolaire.",
        "Remboursement de 75 % de l'abonnement de transport.",
        "Accompagnement par un collègue référent pendant les {semaines_en} premières semaines.",
    ],
    "ccn51": [
        "Rémunération selon la CCN 51 (FEHAP) avec reprise d'ancienneté à {anc} %, soit environ {net} € net par mois.",
        "Prime Ségur de 238 € brut mensuels et prime décentralisée de 5 % versée deux fois par an.",
        "Mutuelle prise en charge à {mut} % par l'employeur.",
        "Restauration sur place ({repas} € le repas).",
        "CSE : chèques vacances de {cv} € par an, billetterie et cadeaux de fin d'année.",
        "{rtt} jours de RTT par an en plus des congés payés.",
        "Prime de cooptation de {coopt} € pour tout(e) collègue recruté(e).",
    ],
    "ccn66": [
        "Rémunération selon la convention collective du 15 mars 1966 avec reprise d'ancienneté à {anc} %, soit environ {net} € net par mois.",
        "Prime Ségur de 238 € brut mensuels.",
        "{ct} jours de congés trimestriels en plus des congés payés.",
        "Mutuelle prise en charge à {mut} % par l'association.",
        "CSE : chèques vacances de {cv} € par an et billetterie.",
        "Analyse des pratiques professionnelles {app}.",
        "Repas pris avec les personnes accompagnées ({repas} € le repas).",
    ],
    "fhp": [
        "Rémunération selon la convention collective de l'hospitalisation privée avec reprise d'ancienneté à {anc} %, soit environ {net} € net par mois.",
        "Intéressement et participation aux résultats de l'établissement.",
        "Prime de cooptation de {coopt} € pour tout(e) collègue recruté(e).",
        "Mutuelle prise en charge à {mut} % et prévoyance d'entreprise.",
        "Titres-restaurant de {tr} € ou self sur place.",
        "Prime de bienvenue de {pb} € versée après la période d'essai.",
    ],
    "bad": [
        "Rémunération selon la convention collective de la branche de l'aide à domicile (avenant 43) avec reprise d'ancienneté, soit environ {net} € net par mois.",
        "Indemnités kilométriques de {ik} € par kilomètre entre deux interventions.",
        "Mutuelle prise en charge à {mut} %.",
        "Smartphone professionnel et planning consultable en ligne.",
    ],
    "sap": [
        "Convention collective des entreprises de services à la personne, dimanches majorés de {maj} %.",
        "Indemnités kilométriques de {ik} € par kilomètre.",
        "Mutuelle prise en charge à {mut} %.",
        "Prime de parrainage de {parrainage} €.",
    ],
    "ml": [
        "Rémunération selon la convention collective des missions locales et PAIO, avec reprise d'ancienneté, soit environ {net} € net par mois.",
        "Mutuelle prise en charge à {mut} %.",
        "Formation continue : {fjours} jours par an prévus au plan de développement des compétences.",
    ],
    "aci": [
        "Rémunération selon la convention collective des ateliers et chantiers d'insertion, soit environ {net} € net par mois.",
        "Mutuelle prise en charge à {mut} %.",
        "Formation continue : {fjours} jours par an prévus au plan de développement des compétences.",
    ],
    "alisfa": [
        "Rémunération selon la convention collective ALISFA (pesée du poste) avec reprise d'ancienneté, soit environ {net} € net par mois.",
        "Mutuelle prise en charge à {mut} %.",
        "{ct} jours de congés supplémentaires par an.",
        "Formation continue : {fjours} jours par an prévus au plan de développement des compétences.",
    ],
    "particulier": [
        "Salaire de {sh} € brut de l'heure, déclaré par CESU.",
        "Relation de travail relevant de la convention collective des particuliers employeurs et de l'emploi à domicile.",
        "Remboursement de 50 % des frais de transport en commun.",
        "Cinq semaines de congés payés, dates fixées ensemble.",
    ],
    "interim": [
        "Indemnités de fin de mission (10 %) et de congés payés (10 %).",
        "Acompte de paie possible chaque semaine.",
        "Compte épargne temps rémunéré à {cet} %.",
        "Prime de parrainage de {parrainage} €.",
        "Accès au comité d'entreprise de l'agence et à la mutuelle des intérimaires.",
    ],
    "liberal": [
        "Patientèle assurée dès le premier jour, environ {patients_jour} patients par jour.",
        "Secrétariat, matériel et logiciel métier mis à disposition.",
        "Reversement des honoraires chaque mois, sous {jours_versement} jours.",
        "Possibilité d'association ou de reprise de patientèle à terme.",
    ],
    "prive": [
        "Mutuelle prise en charge à {mut} %.",
        "Titres-restaurant de {tr} €.",
        "Prime annuelle de {pa} € brut selon les résultats.",
        "Prise en charge de {transport} % du titre de transport.",
        "Treizième mois versé en deux fois, en juin et en décembre.",
    ],
}
BENEFIT_VALUES = {
    "repas": lambda rng: euros(rng.randrange(250, 480, 5) / 100),
    "pmut": lambda rng: str(rng.choice((15, 15, 20, 25, 30, 35, 40))),
    "pprev": lambda rng: str(rng.choice((7, 8, 10, 12, 15))),
    "logement": lambda rng: str(rng.choice((1, 2, 3, 3, 6))),
    "anciennete": lambda rng: str(rng.choice((2, 3, 3, 4))),
    "creche": lambda rng: str(rng.randrange(20, 90, 2)),
    "pfa": lambda rng: num(rng.randrange(400, 1500, 50)),
    "tr": lambda rng: euros(rng.choice((7, 8, 8.5, 9, 9.5, 10, 11, 12))),
    "trpct": lambda rng: str(rng.choice((50, 55, 60))),
    "fmd": lambda rng: str(rng.choice((100, 200, 300))),
    "im": lambda rng: str(rng.randrange(366, 430)),
    "anc": lambda rng: str(rng.choice((50, 75, 100, 100))),
    "mut": lambda rng: str(rng.choice((50, 55, 60, 65, 70, 75, 80, 100))),
    "cv": lambda rng: str(rng.randrange(100, 450, 25)),
    "coopt": lambda rng: num(rng.randrange(300, 1600, 100)),
    "parrainage": lambda rng: num(rng.randrange(100, 550, 50)),  # a home service's or an agency's: some hundreds
    "ct": lambda rng: str(rng.choice((6, 9, 12, 18))),
    "app": lambda rng: rng.choice(("une fois par mois", "toutes les six semaines", "chaque mois",
                                   "deux fois par trimestre")),
    "pa": lambda rng: num(rng.randrange(300, 2100, 100)),
    "pb": lambda rng: num(rng.randrange(500, 2100, 100)),
    "ik": lambda rng: euros(rng.randrange(35, 47) / 100),
    "maj": lambda rng: str(rng.choice((10, 15, 20, 25))),
    "fjours": lambda rng: str(rng.randrange(3, 11)),
    "sh": lambda rng: euros(rng.randrange(1250, 1550, 10) / 100),
    "cet": lambda rng: str(rng.choice((4, 5, 6, 7))),
    "transport": lambda rng: str(rng.choice((50, 50, 60, 75))),
    "nbi": lambda rng: str(rng.choice((10, 10, 13, 15))),  # a care post's NBI: 10 to 15 points (20 and more are managers')
    "anc_annees": lambda rng: str(rng.choice((10, 15, 20, 25, 30))),
    "semaines_en": lambda rng: str(rng.choice((4, 6, 8))),
    "cp_anc": lambda rng: str(rng.randint(2, 6)),
    "stage": lambda rng: str(rng.choice((6, 9, 12, 12, 18, 24))),
    "patients_jour": lambda rng: str(rng.randint(12, 35)),
    "jours_versement": lambda rng: str(rng.choice((8, 10, 15))),
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill_values(rng, template, values):
    """template with each {name} replaced: from values, else from BENEFIT_VALUES."""
    def value(m):
        key = m.group(1)
        if key in values:
            return str(values[key])
        return BENEFIT_VALUES[key](rng)
    return PLACEHOLDER.sub(value, template)


def rtt_days(hours, statut):
    """Days off a full-time week longer than 35 hours earns."""
    if hours >= 39:
        return {"fph": 20, "fpt": 23}.get(statut, 22)
    if hours >= 37.5:
        return 15 if statut in ("fph", "fpt") else 14
    return None


# Other ways of saying each benefit line (BENEFITS, GENERIC_BENEFITS), one drawn per ad, so that
# thousands of ads of one status do not all read the same; each keeps its line's facts,
# placeholders and first words (its subject()).
PHRASINGS = {
    "Grille de la fonction publique hospitalière (CTI inclus) : recrutement au {echelon} échelon, soit environ {net} € net par mois.": (
        "Recrutement au {echelon} échelon de la grille de la fonction publique hospitalière (CTI inclus), soit environ {net} € net par mois.",
        "Environ {net} € net par mois au {echelon} échelon de la grille de la FPH, CTI inclus.",
        "Grille de la fonction publique, versant hospitalier, CTI inclus : embauche au {echelon} échelon, pour environ {net} € net mensuels.",
        "Grille de la fonction publique hospitalière, CTI compris : {echelon} échelon à l'embauche, soit près de {net} € net par mois.",
    ),
    "Stagiairisation possible après {stage} mois de contrat.": (
        "Stagiairisation possible au terme de {stage} mois de contrat.",
        "Stagiairisation possible une fois {stage} mois de contrat effectués.",
    ),
    "Adhésion au CGOS : chèques vacances, prestations sociales et aides aux loisirs.": (
        "Adhésion au CGOS (prestations sociales, chèques vacances, aides aux loisirs).",
        "Adhésion au CGOS, qui propose aides aux loisirs, chèques vacances et prestations sociales.",
    ),
    "{nbi} points de nouvelle bonification indiciaire selon le poste occupé.": (
        "{nbi} points de nouvelle bonification indiciaire (NBI) suivant le poste.",
        "{nbi} points de nouvelle bonification indiciaire, en fonction du poste tenu.",
    ),
    "25 jours de congés annuels, 2 jours hors saison et {rtt} jours de RTT par an.": (
        "25 jours de congés annuels et 2 jours hors saison, plus {rtt} jours de RTT par an.",
        "25 jours de congés annuels par an, 2 jours hors saison ainsi que {rtt} jours de RTT.",
    ),
    "Self du personnel ({repas} € le repas).": (
        "Self du personnel, repas à {repas} €.",
        "Self réservé au personnel : {repas} € par repas.",
    ),
    "Participation employeur de {pmut} € par mois à la complémentaire santé.": (
        "Participation employeur à la complémentaire santé : {pmut} € par mois.",
        "Participation employeur mensuelle de {pmut} € au titre de la complémentaire santé.",
    ),
    "Logement temporaire possible pendant {logement} mois à l'arrivée.": (
        "Logement temporaire à l'arrivée, possible durant {logement} mois.",
        "Logement temporaire proposé au besoin dès l'arrivée, sur {logement} mois.",
    ),
    "Études promotionnelles financées après {anciennete} ans d'exercice.": (
        "Études promotionnelles prises en charge à partir de {anciennete} ans d'exercice.",
        "Études promotionnelles financées une fois {anciennete} années d'exercice accomplies.",
    ),
    "Crèche du personnel de {creche} berceaux à proximité.": (
        "Crèche du personnel à proximité ({creche} berceaux).",
        "Crèche du personnel toute proche, d'une capacité de {creche} berceaux.",
    ),
    "Rémunération statutaire et régime indemnitaire (RIFSEEP) : environ {net} € net par mois, plus une prime annuelle de {pfa} € brut.": (
        "Environ {net} € net par mois (traitement statutaire et RIFSEEP), plus une prime annuelle de {pfa} € brut.",
        "Rémunération statutaire et RIFSEEP : de l'ordre de {net} € net par mois, plus {pfa} € brut de prime annuelle.",
        "Rémunération statutaire assortie du RIFSEEP : environ {net} € net mensuels, et une prime annuelle ({pfa} € brut).",
    ),
    "Adhésion au CNAS : chèques vacances, billetterie et aides aux familles.": (
        "Adhésion au CNAS (billetterie, chèques vacances, aides aux familles).",
        "Adhésion au CNAS, avec aides aux familles, billetterie et chèques vacances.",
    ),
    "Participation employeur de {pmut} € par mois à la complémentaire santé et de {pprev} € à la prévoyance.": (
        "Participation employeur mensuelle : {pmut} € au titre de la complémentaire santé, {pprev} € au titre de la prévoyance.",
        "Participation employeur à la complémentaire santé ({pmut} € par mois) et à la prévoyance ({pprev} €).",
    ),
    "25 jours de congés annuels et {rtt} jours d'ARTT.": (
        "25 jours de congés annuels, plus {rtt} jours d'ARTT.",
        "25 jours de congés annuels auxquels s'ajoutent {rtt} jours d'ARTT.",
    ),
    "Titres-restaurant de {tr} € pris en charge à {trpct} % par la collectivité.": (
        "Titres-restaurant d'une valeur de {tr} €, la collectivité en finançant {trpct} %.",
        "Titres-restaurant de {tr} €, dont {trpct} % à la charge de la collectivité.",
    ),
    "Remboursement de 75 % de l'abonnement de transport.": (
        "Remboursement de l'abonnement de transport à hauteur de 75 %.",
        "Remboursement de 75 % du prix de l'abonnement aux transports.",
    ),
    "Forfait mobilités durables jusqu'à {fmd} € par an.": (
        "Forfait mobilités durables, plafonné à {fmd} € par an.",
        "Forfait mobilités durables pouvant atteindre {fmd} € chaque année.",
    ),
    "Rémunération selon la grille de l'éducation nationale, indice majoré {im} à l'embauche.": (
        "Rémunération selon la grille de l'éducation nationale : embauche à l'indice majoré {im}.",
        "Rémunération selon la grille de l'éducation nationale, avec un indice majoré de {im} au recrutement.",
    ),
    "Congés calés sur le calendrier scolaire.": (
        "Congés calés sur le rythme scolaire.",
        "Congés calés sur le calendrier des établissements scolaires.",
    ),
    "Accompagnement par un collègue référent pendant les {semaines_en} premières semaines.": (
        "Accompagnement par un collègue référent les {semaines_en} semaines suivant la prise de poste.",
        "Accompagnement par un collègue référent durant {semaines_en} semaines à l'arrivée.",
    ),
    "Rémunération selon la CCN 51 (FEHAP) avec reprise d'ancienneté à {anc} %, soit environ {net} € net par mois.": (
        "Environ {net} € net par mois selon la CCN 51 (FEHAP), avec reprise d'ancienneté à {anc} %.",
        "Salaire de l'ordre de {net} € net par mois (CCN 51, ancienneté reprise à {anc} %).",
        "Rémunération selon la CCN 51 (FEHAP), soit près de {net} € net par mois, avec une reprise d'ancienneté de {anc} %.",
        "Rémunération selon la convention FEHAP (CCN 51), {anc} % de reprise d'ancienneté : environ {net} € net mensuels.",
    ),
    "Prime Ségur de 238 € brut mensuels et prime décentralisée de 5 % versée deux fois par an.": (
        "Prime Ségur de 238 € brut par mois, plus une prime décentralisée (5 %) versée chaque semestre.",
        "Prime Ségur : 238 € brut mensuels ; prime décentralisée de 5 %, en deux versements annuels.",
    ),
    "Mutuelle prise en charge à {mut} % par l'employeur.": (
        "Mutuelle financée par l'employeur à hauteur de {mut} %.",
        "Mutuelle : {mut} % de la cotisation à la charge de l'employeur.",
    ),
    "Restauration sur place ({repas} € le repas).": (
        "Restauration sur place, repas à {repas} €.",
        "Restauration sur site : {repas} € par repas.",
    ),
    "CSE : chèques vacances de {cv} € par an, billetterie et cadeaux de fin d'année.": (
        "CSE : billetterie, cadeaux de fin d'année et {cv} € de chèques vacances par an.",
        "CSE : chèques vacances ({cv} € annuels), billetterie, cadeaux en fin d'année.",
    ),
    "{rtt} jours de RTT par an en plus des congés payés.": (
        "{rtt} jours de RTT annuels, hors congés payés.",
        "{rtt} jours de RTT chaque année, qui s'ajoutent aux congés payés.",
    ),
    "Prime de cooptation de {coopt} € pour tout(e) collègue recruté(e).": (
        "Prime de cooptation : {coopt} € pour chaque collègue recruté(e).",
        "Prime de cooptation de {coopt} € par collègue coopté(e) et embauché(e).",
    ),
    "Rémunération selon la convention collective du 15 mars 1966 avec reprise d'ancienneté à {anc} %, soit environ {net} € net par mois.": (
        "Environ {net} € net par mois selon la convention collective du 15 mars 1966, avec reprise d'ancienneté à {anc} %.",
        "Salaire de l'ordre de {net} € net par mois (CCN 66, ancienneté reprise à {anc} %).",
        "Rémunération selon la CCN du 15 mars 1966 : environ {net} € net par mois, avec une reprise d'ancienneté de {anc} %.",
        "Rémunération selon la convention collective nationale du 15 mars 1966, {anc} % de reprise d'ancienneté, soit près de {net} € net par mois.",
    ),
    "Prime Ségur de 238 € brut mensuels.": (
        "Prime Ségur : 238 € brut par mois.",
        "Prime Ségur mensuelle de 238 € brut.",
    ),
    "{ct} jours de congés trimestriels en plus des congés payés.": (
        "{ct} jours de congés trimestriels qui s'ajoutent aux congés payés.",
        "{ct} jours de congés trimestriels, en sus des congés payés.",
    ),
    "Mutuelle prise en charge à {mut} % par l'association.": (
        "Mutuelle dont l'association prend en charge {mut} %.",
        "Mutuelle : l'association règle {mut} % de la cotisation.",
    ),
    "CSE : chèques vacances de {cv} € par an et billetterie.": (
        "CSE : billetterie et {cv} € de chèques vacances par an.",
        "CSE : chèques vacances à hauteur de {cv} € annuels, billetterie.",
    ),
    "Analyse des pratiques professionnelles {app}.": (
        "Analyse des pratiques professionnelles : séances {app}.",
        "Analyse des pratiques professionnelles organisée {app}.",
    ),
    "Repas pris avec les personnes accompagnées ({repas} € le repas).": (
        "Repas pris avec les personnes accompagnées, au tarif de {repas} €.",
        "Repas pris avec les personnes accompagnées : {repas} € par repas.",
    ),
    "Rémunération selon la convention collective de l'hospitalisation privée avec reprise d'ancienneté à {anc} %, soit environ {net} € net par mois.": (
        "Environ {net} € net par mois selon la convention collective de l'hospitalisation privée, avec reprise d'ancienneté à {anc} %.",
        "Salaire de l'ordre de {net} € net par mois (convention de l'hospitalisation privée, ancienneté reprise à {anc} %).",
        "Rémunération selon la convention collective de l'hospitalisation privée : près de {net} € net par mois, avec une reprise d'ancienneté de {anc} %.",
        "Rémunération selon la convention collective de l'hospitalisation privée (reprise d'ancienneté : {anc} %), soit environ {net} € net mensuels.",
    ),
    "Intéressement et participation aux résultats de l'établissement.": (
        "Intéressement et participation, indexés sur les résultats obtenus par l'établissement.",
        "Intéressement et participation aux bénéfices de l'établissement.",
    ),
    "Mutuelle prise en charge à {mut} % et prévoyance d'entreprise.": (
        "Mutuelle financée à {mut} %, plus une prévoyance d'entreprise.",
        "Mutuelle (prise en charge : {mut} %) et contrat de prévoyance d'entreprise.",
    ),
    "Titres-restaurant de {tr} € ou self sur place.": (
        "Titres-restaurant à {tr} €, ou self sur place.",
        "Titres-restaurant ({tr} €) ou accès au self sur site.",
    ),
    "Prime de bienvenue de {pb} € versée après la période d'essai.": (
        "Prime de bienvenue de {pb} €, versée à l'issue de la période d'essai.",
        "Prime de bienvenue : {pb} € une fois la période d'essai validée.",
    ),
    "Rémunération selon la convention collective de la branche de l'aide à domicile (avenant 43) avec reprise d'ancienneté, soit environ {net} € net par mois.": (
        "Environ {net} € net par mois selon la convention collective de la branche de l'aide à domicile (avenant 43), ancienneté reprise.",
        "Rémunération selon la convention collective de la branche de l'aide à domicile, avenant 43 : reprise d'ancienneté, environ {net} € net mensuels.",
        "Rémunération selon la convention collective de la branche de l'aide à domicile (avenant 43), soit près de {net} € net par mois avec reprise d'ancienneté.",
    ),
    "Indemnités kilométriques de {ik} € par kilomètre entre deux interventions.": (
        "Indemnités kilométriques entre deux interventions, à {ik} € du kilomètre.",
        "Indemnités kilométriques : {ik} € par kilomètre parcouru entre deux interventions.",
    ),
    "Mutuelle prise en charge à {mut} %.": (
        "Mutuelle : prise en charge de {mut} %.",
        "Mutuelle financée à hauteur de {mut} %.",
    ),
    "Smartphone professionnel et planning consultable en ligne.": (
        "Smartphone professionnel fourni, avec planning accessible en ligne.",
        "Smartphone professionnel et accès en ligne au planning.",
    ),
    "Convention collective des entreprises de services à la personne, dimanches majorés de {maj} %.": (
        "Convention collective des entreprises de services à la personne : majoration de {maj} % le dimanche.",
        "Convention collective des entreprises de services à la personne ; les dimanches ouvrent droit à {maj} % de majoration.",
    ),
    "Indemnités kilométriques de {ik} € par kilomètre.": (
        "Indemnités kilométriques : {ik} € du kilomètre.",
        "Indemnités kilométriques à raison de {ik} € par kilomètre.",
    ),
    "Prime de parrainage de {parrainage} €.": (
        "Prime de parrainage : {parrainage} €.",
        "Prime de parrainage d'un montant de {parrainage} €.",
    ),
    "Rémunération selon la convention collective ALISFA (pesée du poste) avec reprise d'ancienneté, soit environ {net} € net par mois.": (
        "Environ {net} € net par mois selon la convention collective ALISFA (pesée du poste), ancienneté reprise.",
        "Rémunération selon la convention collective ALISFA, après pesée du poste : environ {net} € net mensuels, reprise d'ancienneté incluse.",
        "Rémunération selon la CCN ALISFA, avec pesée du poste et reprise d'ancienneté : près de {net} € net par mois.",
    ),
    "{ct} jours de congés supplémentaires par an.": (
        "{ct} jours de congés en plus chaque année.",
        "{ct} jours par an de congés supplémentaires.",
    ),
    "Formation continue : {fjours} jours par an prévus au plan de développement des compétences.": (
        "Formation continue : {fjours} jours annuels prévus au PDC.",
        "Formation continue planifiée dans le PDC, à raison de {fjours} jours par an.",
    ),
    "Salaire de {sh} € brut de l'heure, déclaré par CESU.": (
        "Salaire de {sh} € brut par heure, déclaré via le CESU.",
        "Salaire de {sh} € brut horaire, avec déclaration au CESU.",
    ),
    "Relation de travail relevant de la convention collective des particuliers employeurs et de l'emploi à domicile.": (
        "Relation de travail relevant de la convention collective nationale (particuliers employeurs et emploi à domicile).",
        "Relation de travail régie par la CCN de l'emploi à domicile (particuliers employeurs).",
    ),
    "Remboursement de 50 % des frais de transport en commun.": (
        "Remboursement de 50 % de vos frais de transport collectif.",
        "Remboursement de 50 % des frais de transport public.",
    ),
    "Cinq semaines de congés payés, dates fixées ensemble.": (
        "Cinq semaines de congés payés, aux dates fixées d'un commun accord.",
        "Cinq semaines de congés payés dont les dates sont convenues ensemble.",
    ),
    "Indemnités de fin de mission (10 %) et de congés payés (10 %).": (
        "Indemnités de fin de mission de 10 % et de congés payés de 10 %.",
        "Indemnités de fin de mission (IFM, 10 %) et de congés payés (ICCP, 10 %).",
    ),
    "Acompte de paie possible chaque semaine.": (
        "Acompte de paie hebdomadaire possible.",
        "Acompte de paie possible toutes les semaines.",
    ),
    "Compte épargne temps rémunéré à {cet} %.": (
        "Compte épargne temps avec rémunération à {cet} %.",
        "Compte épargne temps, rémunéré au taux de {cet} %.",
    ),
    "Accès au comité d'entreprise de l'agence et à la mutuelle des intérimaires.": (
        "Accès au comité d'entreprise de l'agence et à la mutuelle propre aux intérimaires.",
        "Accès au comité d'entreprise de l'agence, ainsi qu'à la mutuelle des travailleurs intérimaires.",
    ),
    "Patientèle assurée dès le premier jour, environ {patients_jour} patients par jour.": (
        "Patientèle assurée dès votre arrivée : une moyenne de {patients_jour} patients quotidiens.",
        "Patientèle assurée dès le démarrage, avec près de {patients_jour} patients chaque jour.",
    ),
    "Secrétariat, matériel et logiciel métier mis à disposition.": (
        "Secrétariat, matériel et logiciel métier fournis.",
        "Secrétariat, matériel ainsi que logiciel métier à votre disposition.",
    ),
    "Reversement des honoraires chaque mois, sous {jours_versement} jours.": (
        "Reversement des honoraires tous les mois, dans un délai de {jours_versement} jours.",
        "Reversement des honoraires mensuel, en {jours_versement} jours au plus.",
    ),
    "Possibilité d'association ou de reprise de patientèle à terme.": (
        "Possibilité d'association à terme, ou de reprise de la patientèle.",
        "Possibilité d'association ou, à terme, de reprise de patientèle.",
    ),
    "Titres-restaurant de {tr} €.": (
        "Titres-restaurant d'une valeur de {tr} €.",
        "Titres-restaurant ({tr} € l'unité).",
    ),
    "Prime annuelle de {pa} € brut selon les résultats.": (
        "Prime annuelle de {pa} € brut en fonction des résultats.",
        "Prime annuelle liée aux résultats : {pa} € brut.",
    ),
    "Prise en charge de {transport} % du titre de transport.": (
        "Prise en charge du titre de transport à hauteur de {transport} %.",
        "Prise en charge à {transport} % des titres de transport.",
    ),
    "Treizième mois versé en deux fois, en juin et en décembre.": (
        "Treizième mois réparti en deux versements (juin et décembre).",
        "Treizième mois : un versement en juin, l'autre en décembre.",
    ),
    "Parcours d'intégration avec un tuteur pendant les {semaines} premières semaines.": (
        "Parcours d'intégration de {semaines} semaines, aux côtés d'un tuteur.",
        "Parcours d'intégration tutoré durant les {semaines} semaines qui suivent l'arrivée.",
    ),
    "Plannings connus {semaines} semaines à l'avance.": (
        "Plannings connus avec {semaines} semaines d'avance.",
        "Plannings connus, {semaines} semaines en amont.",
    ),
    "Places de parking gratuites pour le personnel.": (
        "Places de parking mises à disposition gratuitement pour le personnel.",
        "Places de parking : stationnement gratuit pour le personnel.",
    ),
    "Plan de formation : {fjours} jours de formation par an en moyenne par professionnel.": (
        "Plan de formation : en moyenne {fjours} jours par professionnel et par an.",
        "Plan de formation prévoyant {fjours} jours annuels par professionnel, en moyenne.",
    ),
    "Forfait mobilités durables de {fmd} € par an pour les trajets à vélo.": (
        "Forfait mobilités durables pour les trajets à vélo : {fmd} € par an.",
        "Forfait mobilités durables de {fmd} € annuels, pour les déplacements à vélo.",
    ),
    "Logement temporaire possible à l'arrivée ({logement} mois).": (
        "Logement temporaire possible à votre arrivée, pour {logement} mois.",
        "Logement temporaire envisageable durant {logement} mois après l'arrivée.",
    ),
}


SMIC_MONTHLY = 1823  # the gross minimum wage for 35 hours a week, 2025
# A public hospital's lowest full-time pay: the grid's first step and the CTI of the Ségur de la
# santé (some 1,620 € net a month), which no FPH ad says less than.
FPH_FLOOR_MONTHLY = 2080
GRID_STEPS = 7  # the échelons a recruit may start at, the first steps of a grid of 11 or 12
# The public service's pay overseas (%): the majoration de traitement of the DROM, 53 % in La Réunion.
OVERSEAS_UPLIFT = {"971": 40, "972": 40, "973": 40, "974": 53, "976": 40}
OVERSEAS_PAY = "Ce montant comprend la majoration de traitement de %d %% versée outre-mer."


def paid_share(hours, statut, rtt=False):
    """What a week of hours earns, as a share of a 35-hour month: the hours over 35 are paid
    25 % more (Code du travail, L3121-36), unless days off make up for them (rtt) or the
    public service's grid pays its longer weeks in days off."""
    if hours <= 35:
        return hours / 35
    if rtt or statut in ("fph", "fpt", "en"):
        return 1.0
    return (35 + 1.25 * (hours - 35)) / 35


def benefits(rng, statut, hours, partiel, count, pay, stated=False, beginner=False, known=None, uplift=0):
    """count benefit lines for the status, filled with the ad's own figures: (those with
    figures of the ad, those without). pay is the métier's monthly gross range for full time
    (the bank's), or None when it is paid by the hour: a line may say the net pay it gives, and
    the échelon that pays it. A beginner starts at the bottom of the range. known holds figures
    the ad has already said ({"patients_jour": "18"}); uplift is an overseas public post's
    majoration (%), which the net pay includes and says."""
    rtt = None if partiel else rtt_days(hours, statut)
    lines = [b for b in BENEFITS[statut] if (rtt or "{rtt}" not in b) and (pay or "{net}" not in b)]
    picked = rng.sample(lines, min(count, len(lines)))
    if rtt and statut in ("fph", "fpt") and any("{net}" in b for b in picked) and not any("{rtt}" in b for b in picked):
        # a public post's 39 h earn days off, not pay: the net pay of a long week says them
        picked += [b for b in lines if "{rtt}" in b][:1]
    values = {"rtt": rtt, **(known or {})}
    if pay:
        # Net of a gross monthly pay in the lower half of the bank's full-time range, for the
        # ad's hours, or of the range the record states (stated) as it is; the échelon is the
        # step of the grid that pays it, so a higher échelon never pays less.
        place = rng.uniform(0, 0.2 if beginner else 1)
        gross = pay[0] + place * (pay[1] - pay[0]) / 2
        if not stated:  # a full-time month, never under the minimum wage, then the ad's hours and place
            share = paid_share(hours, statut, any("{rtt}" in b for b in picked))
            gross = max(gross, FPH_FLOOR_MONTHLY if statut == "fph" else SMIC_MONTHLY) * share * (1 + uplift / 100)
        values["net"] = num(int(round(gross * 0.78, -1)))
        values["echelon"] = "1er" if place < 1 / GRID_STEPS else "%de" % (1 + int(place * GRID_STEPS))

    picked = [rng.choice((b,) + PHRASINGS[b]) if b in PHRASINGS else b for b in picked]
    if uplift:  # "2 170 € net" in Mayotte is the grid's with its 40 %
        picked = [b + " " + OVERSEAS_PAY % uplift if "{net}" in b else b for b in picked]
    return ([fill_values(rng, b, values) for b in picked if "{" in b],
            [b for b in picked if "{" not in b])


GENERIC_BENEFITS = [  # those that fit any employer but a private household
    "Parcours d'intégration avec un tuteur pendant les {semaines} premières semaines.",
    "Plannings connus {semaines} semaines à l'avance.",
    "Places de parking gratuites pour le personnel.",
    "Plan de formation : {fjours} jours de formation par an en moyenne par professionnel.",
    "Forfait mobilités durables de {fmd} € par an pour les trajets à vélo.",
    "Logement temporaire possible à l'arrivée ({logement} mois).",
]


def generic_benefits(rng, count, unless=()):
    """count of the generic benefits, each in one of its phrasings; none that a pattern of
    unless finds."""
    pool = [b for b in GENERIC_BENEFITS if not any(p.search(b) for p in unless)]
    return [fill_values(rng, rng.choice((b,) + PHRASINGS[b]) if b in PHRASINGS else b,
                        {"semaines": rng.choice((2, 3, 4, 4, 6))})
            for b in rng.sample(pool, min(count, len(pool)))]


def salary_line(rng, salaire, statut, apprentice=False, professionalisation=False, uplift=0):
    """The salary, said in the benefits as the record's salaire field has it; an apprentice's
    follows the age and the year of the contract, not experience, a professionalisation
    contract's the age and the level of qualification; an overseas public post's includes its
    majoration (uplift, %)."""
    if not salaire or "libelle" not in salaire:
        return None
    numbers = [float(x) for x in re.findall(r"(\d+\.\d+) Euros", salaire["libelle"])]
    convention = "selon l'âge et le niveau de qualification" if professionalisation else \
        "selon l'âge et l'année de formation" if apprentice else {
        "fph": "selon la grille de la FPH", "fpt": "selon la grille statutaire",
        "ccn51": "selon la CCN 51", "ccn66": "selon la CCN 66"}.get(statut, "selon expérience")
    if uplift:
        convention += ", majoration de traitement de %d %% comprise" % uplift
    if salaire["libelle"].startswith("Horaire"):
        return "Taux horaire de %s € brut%s." % (
            euros(numbers[0]), "" if len(numbers) < 2 else " à %s € brut" % euros(numbers[1]))
    if salaire["libelle"].startswith("Annuel"):
        lo = numbers[0]
        hi = numbers[1] if len(numbers) > 1 else lo
        return "Rémunération annuelle de %s à %s € brut, %s." % (num(int(lo)), num(int(hi)), convention)
    lo = numbers[0]
    hi = numbers[1] if len(numbers) > 1 else None
    amount = "%s €" % num(int(lo)) if hi is None else "%s à %s €" % (num(int(lo)), num(int(hi)))
    return rng.choice(("Salaire : %s brut mensuels, %s." % (amount, convention),
                       "Rémunération de %s brut par mois %s." % (amount, convention),
                       "Salaire brut mensuel de %s, %s." % (amount, convention)))


# --- What the introduction may add after the place ---------------------------------------------

FIGURES = {  # by setting; {n} is filled from the range given (for big employers: the second)
    # (no hires a year, which readers found too few for a CHU, nor an occupancy rate: odd in an ad)
    # (no "1 132 collègues sur le site" for a unit: a hospital's headcount is its presentation's)
    "unit": [],
    "domicile": [("Nous accompagnons près de {n} personnes à leur domicile.", (40, 900), (40, 900)),
                 ("Le service emploie {n} salariés.", (15, 250), (15, 250))],
    "enfance": [("La structure accueille chaque semaine {n} familles.", (20, 110), (20, 110)),
                ("La structure a ouvert ses portes il y a {n} ans.", (3, 40), (3, 40))],
    "office": [("Nous recevons près de {n} personnes par semaine.", (60, 900), (60, 900))],
}
# For offices that say elsewhere whom they receive, and how many.
COUNTED_OFFICE_FIGURES = [("Nous avons emménagé dans des locaux neufs il y a {n} ans.", (2, 6), (2, 6)),
                          ("L'équipe s'est agrandie de {n} personnes en deux ans.", (2, 6), (2, 6))]
# Figures that count the employer's staff, which a presentation may have said already.
STAFF_FIGURE = re.compile(r"emploie")


def figure(rng, setting, big=False, followed=None, team=0, staff_said=False, counted=False, opening=False,
           followed_said=False, staff=None, dated=False, families_said=False, places=None):
    """A figure of the employer for the introduction; a home service's "près de N personnes" is
    the count of people it follows (followed) that the ad says elsewhere; no headcount when the
    presentation gave one (staff_said), more colleagues than the ad's team and no more hires a
    year than it; no visitors a week for an office that counts its public elsewhere (counted);
    no years since it opened for a place that opens (opening) or whose presentation gives a year
    (dated), no families welcomed by one that opens;
    not the people it follows again when the presentation counted them (followed_said); a home
    service's headcount is its carers' and office's (staff); a crèche's families a week are
    about as many as its places (places), a sibling or a part-time
    child more."""
    figures = COUNTED_OFFICE_FIGURES if setting == "office" and counted else FIGURES[setting]
    if staff_said:
        figures = [f for f in figures if not STAFF_FIGURE.search(f[0])]
    if opening or dated:
        figures = [f for f in figures if "ouvert ses portes" not in f[0] and not (opening and "chaque semaine" in f[0])]
    if opening and not figures:  # no more hires than the team it opens with
        figures = [("Nous recrutons {n} professionnel(le)s pour l'ouverture.", (2, max(2, team)), (2, max(2, team)))]
    if followed_said:
        figures = [f for f in figures if "accompagnons" not in f[0]]
    if families_said:  # "accueille 20 familles" in the presentation: not 41 a week here
        figures = [f for f in figures if "familles" not in f[0]]
    if not figures:
        return ""  # no figure rather than one said again
    template, small_range, big_range = rng.choice(figures)
    low, high = big_range if big else small_range
    if "recruté" in template and not big:  # a year's hires: some of the team, not all of it
        high = max(low + 1, min(high, team // 2))
    elif "recruté" in template and staff:  # a year's hires: a small share of the staff
        high = max(low + 2, min(high, staff // 6))
    elif "agrandie" in template:  # a team of five did not grow by five in two years
        low, high = 2, max(2, min(high, team // 3))
    elif "familles" in template and places:
        low, high = max(6, round(places * 0.8)), max(8, round(places * 1.4))
    elif "emploie" in template:  # more than the ad's team, less than three times it
        low, high = team + 5, max(team + 10, min(high, team * 3))
        if staff:  # a home service's carers and office, which its hours of care follow
            low = high = staff
    if followed and "personnes" in template and "accompagnons" in template:
        # the exact count the ad says elsewhere, not a rounded one beside it
        return template.replace("près de ", "").format(n=num(followed))
    return approximate(template.format(n=num(rng.randint(low, high))))
