"""Job offers in the France Travail "Offres d'emploi v2" shape, written from the per-métier
banks (data/generator/metiers/) and the employer kinds (employeurs.json).

An offer is drawn for a famille first (so the corpus matches the programme's published counts
exactly), then a métier of that famille weighted by its number of live offers ("poids"), then
an employer kind of that métier whose NAF code makes the offer count in that famille (see
refs.main_famille), then a commune weighted by population."""
import bisect
import re
from datetime import timedelta

from phrasing import QUALIFIERS, rephrase
from refs import FAMILLES, city_name, main_famille, weighted

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

CONTEXTES = [
    "Dans le cadre d'un remplacement de congé maternité, nous recherchons un(e) {poste}.",
    "Pour faire face au développement de notre activité, nous recrutons un(e) {poste}.",
    "Suite à un départ en retraite, le poste de {poste} est à pourvoir.",
    "Nous renforçons notre équipe et recrutons un(e) {poste}.",
    "Création de poste : nous recherchons un(e) {poste} motivé(e).",
    "Afin de compléter notre équipe pluridisciplinaire, nous recherchons un(e) {poste}.",
    "Nous recherchons un(e) {poste} pour rejoindre une équipe stable et soudée.",
    "Vous souhaitez donner du sens à votre travail ? Rejoignez-nous en tant que {poste}.",
    "Dans le cadre de l'ouverture d'une nouvelle unité, nous recrutons un(e) {poste}.",
    "Nous constituons un pool de remplacement et recherchons un(e) {poste}.",
]
HEADERS = {
    "missions": ["Vos missions :", "Missions principales :", "Au quotidien :",
                 "Description du poste :", "Vos principales activités :", "Le poste :",
                 "Ce que vous ferez :"],
    "profil": ["Profil recherché :", "Votre profil :", "Ce que nous attendons :",
               "Compétences et qualités :", "Qualités attendues :"],
    "conditions": ["Conditions de travail :", "Organisation du travail :", "Informations pratiques :",
                   "Conditions d'exercice :"],
    "avantages": ["Nous vous proposons :", "Vos avantages :", "Ce que nous offrons :",
                  "Pourquoi nous rejoindre ?", "Rémunération et avantages :"],
}
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
GENERIC_AVANTAGES = [
    "Mutuelle d'entreprise prise en charge à 50 %.",
    "Prise en charge de 50 % du titre de transport.",
    "Restauration sur place à tarif préférentiel.",
    "Comité social et économique : chèques vacances, billetterie, cadeaux de fin d'année.",
    "Parcours d'intégration avec un tuteur pendant les premières semaines.",
    "Plan de formation ambitieux et accès à la formation continue.",
    "Plannings connus plusieurs semaines à l'avance.",
    "Possibilité d'évolution et de mobilité interne au sein de l'association.",
    "Prime annuelle et reprise d'ancienneté selon la convention collective.",
    "Places de parking gratuites pour le personnel.",
    "Forfait mobilités durables pour les trajets à vélo.",
    "Logement temporaire possible à l'arrivée.",
]
BULLETS = ["- ", "- ", "• ", "* ", "– ", "✓ ", "> "]
LINKS = ["", "", "", "De plus, ", "Par ailleurs, ", "En outre, ", "Également, ", "Au quotidien, "]
PLACES = [  # the place comes early: what follows a fixed presentation differs between ads
    "Poste basé à {lieu} ({cp}).",
    "Lieu de travail : {lieu} ({cp}).",
    "À {lieu}, le poste est accessible en transports en commun.",
    "Site de {lieu}, {cp}.",
    "Poste à {lieu} ({cp}) et ses environs.",
]
FIGURES = [
    "Notre équipe compte {n} professionnels.",
    "Nous accompagnons chaque jour près de {m} personnes.",
    "L'établissement emploie {n} salariés.",
    "{n} collègues vous attendent.",
    "Nous avons recruté {n} personnes l'an dernier.",
]
CLOTURES = [
    "Poste à pourvoir dès que possible.",
    "Prise de poste souhaitée le {debut}.",
    "Merci d'adresser votre candidature (CV et lettre de motivation) via France Travail.",
    "Les candidatures sont étudiées au fil de l'eau.",
    "Entretien avec la direction et l'équipe, puis journée d'immersion possible.",
    "Vous êtes diplômé(e) récemment ? Votre candidature est la bienvenue.",
    "Candidatures en interne et en externe.",
    "",
]


# "de Irigny", "à Le Mans", "de Les Sables-d'Olonne" as French writes them. An initial H is left
# alone: it may be aspirated ("de Haguenau").
CONTRACTIONS = [(re.compile(r"\bde ([AEIOUYÂÊÎÔÛÉÈ])"), r"d'\1"),
                (re.compile(r"\bde Le "), "du "), (re.compile(r"\bde Les "), "des "),
                (re.compile(r"\bà Le "), "au "), (re.compile(r"\bà Les "), "aux ")]


def contract(text):
    """text with "de" and "à" elided or contracted before the place names filled into it."""
    for pattern, replacement in CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


# Where the work is done, said in an ad's tasks as its writer would: the same unit, team and
# town throughout one ad, different from one ad to the next (so that two ads drawing the same
# tasks from a bank rarely share a long run of text).
UNIT_KINDS = ["l'unité", "le pavillon", "l'aile", "le secteur"]
UNIT_KINDS_HOSPITAL = UNIT_KINDS + ["le service"]
UNIT_KINDS_RESIDENCE = UNIT_KINDS + ["la résidence", "la maisonnée"]
UNIT_NAMES = ["des Tilleuls", "des Glycines", "des Lilas", "des Oliviers", "des Cèdres",
              "des Érables", "des Mimosas", "des Hortensias", "des Bleuets", "des Coquelicots",
              "des Camélias", "des Magnolias", "des Acacias", "des Peupliers", "des Platanes",
              "Arc-en-ciel", "Beausoleil", "Bellevue", "Horizon", "Mistral", "Azur", "Soleil",
              "Ariane", "Jasmin", "Capucine", "Iris", "Lavande", "Marguerite", "Pervenche",
              "A", "B", "C", "Nord", "Sud", "Est", "Ouest", "Bleu", "Vert", "Orange"]
PUBLICS = {"sante": "patients", "grand-age": "résidents", "handicap": "personnes accueillies",
           "social": "personnes accompagnées", "petite-enfance": "enfants"}
SHIFTS = [("du matin", "6h45", "14h15"), ("du matin", "7h", "14h30"), ("du matin", "6h30", "14h"),
          ("du soir", "13h45", "21h15"), ("du soir", "14h", "21h30"), ("de jour", "7h", "19h"),
          ("de jour", "8h", "20h"), ("de nuit", "21h", "7h"), ("de nuit", "20h45", "6h45"),
          ("de nuit", "19h", "7h")]
SECTIONS = ["bébés", "moyens", "grands", "moyens-grands", "bébés-moyens"]


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


def work_context(rng, kind, famille, ville):
    """Phrases to end a task with ("..., pour les 34 résidents de l'unité des Tilleuls"), each
    filled once for the ad."""
    de_ville = contract("de " + ville)
    team = "avec une équipe de %d professionnels" % rng.randint(6, 45)
    if kind not in UNIT_EMPLOYERS | PETITE_ENFANCE_EMPLOYERS | DOMICILE_KINDS:
        return [", sur le site " + de_ville,  # a practice, a service, an office
                ", avec une équipe de %d personnes" % rng.randint(3, 15)]
    if kind in DOMICILE_KINDS:
        return [", sur le secteur " + de_ville,
                ", auprès des %d bénéficiaires suivis par le service" % rng.randint(25, 260),
                ", en tournée sur %d communes autour " % rng.randint(3, 18) + de_ville,
                ", " + team]
    if kind in PETITE_ENFANCE_EMPLOYERS or famille == "petite-enfance":
        return [", dans la section des " + rng.choice(SECTIONS),
                ", auprès des %d enfants de la section" % rng.randint(8, 30),
                ", " + team.replace("professionnels", "professionnelles"),
                ", au sein de la structure " + de_ville]
    units = UNIT_KINDS_HOSPITAL if kind in HOSPITALS else UNIT_KINDS_RESIDENCE
    unit = rng.choice(units) + " " + rng.choice(UNIT_NAMES)
    moment, start, end = rng.choice(SHIFTS)
    return [", au sein " + of(unit),
            ", pour les %d %s %s" % (rng.randint(10, 90), PUBLICS.get(famille, "personnes accueillies"),
                                     of(unit)),
            ", " + team,
            ", sur le site " + de_ville,
            ", sur le poste %s (%s-%s)" % (moment, start, end)]


def profile_context(ville, team_size):
    """Phrases to end a requirement with, filled once for the ad."""
    return [", pour rejoindre notre équipe de %d professionnels" % team_size,
            ", pour ce poste " + contract("à " + ville)]


def situate(rng, line, context, share=0.5):
    """line, ended with one of the ad's context phrases for about share of the lines. A phrase
    is used once per ad, and never after a qualifier that rephrase already added."""
    if not context or rng.random() >= share or any(q in line for q in QUALIFIERS):
        return line
    phrase = context.pop(rng.randrange(len(context)))
    for end in (".", ";"):
        if line.endswith(end):
            return line[:-1] + phrase + end
    return line + phrase


def header(rng, key, ville):
    """A section's header, saying where the job is in about half of the ads."""
    if rng.random() < 0.5:
        return rng.choice(HEADERS[key])
    return contract(rng.choice(PLACED_HEADERS[key]).format(a_ville="à " + ville,
                                                           de_ville="de " + ville))


# Words that tie a line of a métier's bank to some employers: an aide-soignant's bank has
# tasks for the operating theatre, the EHPAD and the SSIAD, and an ad uses only those of its
# employer. An agency places staff everywhere, so any line fits it.
HOSPITALS = {"ch", "chu", "clinique", "smr", "epsm", "usld", "had"}
RESIDENCES = {"ehpad", "usld", "residence-autonomie", "mas", "fam", "foyer-de-vie", "foyer-enfance",
              "mecs", "chrs", "ime", "itep"}
SETTING_MARKERS = [
    (re.compile(r"\bSSIAD\b"), {"ssiad"}),
    (re.compile(r"bloc opératoire|salle d'intervention|\bSSPI\b|\bSMUR\b"), {"ch", "chu", "clinique"}),
    (re.compile(r"\bEHPAD\b"), {"ehpad"}),
    (re.compile(r"\bUSLD\b"), {"usld", "ch", "chu"}),
    (re.compile(r"\bSMR\b"), {"smr", "ch", "chu", "clinique"}),
    (re.compile(r"[Pp]sychiatri"), {"epsm", "ch", "chu", "clinique"}),
    (re.compile(r"\bCH\b|[Cc]rèche hospitalière|médecine polyvalente|médecine et chirurgie"), HOSPITALS),
    (re.compile(r"\brésident"), RESIDENCES),
    (re.compile(r"\bà domicile\b|\bau domicile\b"), DOMICILE_KINDS),
    (re.compile(r"[Ii]ntérim"), set()),
    (re.compile(r"\bIME\b"), {"ime"}), (re.compile(r"\bMAS\b"), {"mas"}),
    (re.compile(r"\bFAM\b"), {"fam"}), (re.compile(r"\bESAT\b"), {"esat"}),
    (re.compile(r"\bMECS\b"), {"mecs"}), (re.compile(r"\bCHRS\b"), {"chrs"}),
]
# ...and words that rule some employers out: no "patients" in a shelter or a crèche.
NOT_CARE = {"chrs", "mecs", "foyer-enfance", "centre-social", "ccas", "conseil-departemental", "eaje",
            "micro-creche", "relais-petite-enfance", "association-insertion", "esat", "foyer-de-vie",
            "collectivite", "education-nationale", "particulier-employeur", "saad",
            "service-mandataire"}
UNFIT_MARKERS = [(re.compile(r"\bpatients?\b"), NOT_CARE)]
# Requirements that only say what helps ("Une expérience en EHPAD est appréciée") fit anywhere.
WISHES = re.compile(r"^Une expérience|appréciée?s?\.$|souhaitée?s?\.$|serait un plus\.$")


def fits(line, kind):
    """Whether a bank line may be said in an ad of that employer kind."""
    if kind == "agence-interim":
        return True
    return (all(kind in kinds for marker, kinds in SETTING_MARKERS if marker.search(line)) and
            not any(kind in kinds for marker, kinds in UNFIT_MARKERS if marker.search(line)))


def for_employer(lines, kind, section=None):
    """The lines that fit the employer kind; all of them if none does."""
    kept = [l for l in lines if fits(l, kind) or (section == "profil" and WISHES.search(l))]
    return kept or lines


def post_name(appellation):
    """The masculine form of a ROME appellation, as a sentence says it: "Agent / Agente de
    service hospitalier (ASH)" -> "agent de service hospitalier (ASH)"."""
    masculine, _, feminine = appellation.partition(" / ")
    rest = feminine.split()[len(masculine.split()):]
    name = " ".join([masculine] + rest)
    return name[:1].lower() + name[1:] if not name[:2].isupper() else name


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

    def __init__(self, refs, now):
        self.refs, self.now = refs, now
        self.kinds = refs.employeurs["kinds"]
        self.noms = refs.employeurs["noms-propres"]
        self.noms_enfance = refs.employeurs["noms-enfance"]
        self.choices = self._famille_choices()
        self.banks = {}  # (rome, slug, kind) -> the bank lines that fit that employer

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
        commune = self.refs.places.pick(rng, spec.get("minPopulation", 0))
        created = self.now - timedelta(seconds=int(60 * 86400 * rng.random() ** 1.4))
        updated = min(self.now, created + timedelta(seconds=rng.randrange(3 * 86400)))
        oid = offer_id(i, created)
        return self._record(rng, oid, m, kind, spec, commune, created, updated)

    def _employer(self, rng, spec, ville, departement):
        """The employer's name, and the proper name its presentation may use ("Les Sources" for
        "Clinique Les Sources"), None when the name has none ("Polyclinique d'Amboise")."""
        pattern = rng.choice(spec["noms"])
        nom = rng.choice(self.noms_enfance if spec.get("nomsEnfance") else self.noms)
        name = contract(pattern.format(nom=nom, ville=ville, departement=departement))
        return name, (nom if "{nom}" in pattern else None)

    def _presentation(self, rng, spec, name, proper, ville, departement):
        """A presentation of the employer; one that names it ("La clinique {nom}...") only
        when the name has a proper part."""
        templates = spec["presentations"]
        if proper is None:
            templates = [t for t in templates if "{nom}" not in t] or templates
        return self._fill(rng, rng.choice(templates), proper or name, ville, departement)

    def _fill(self, rng, template, nom, ville, departement):
        return contract(template.format(
            nom=nom, ville=ville, departement=departement, lits=rng.choice(range(40, 420, 5)),
            places=rng.choice(range(12, 160, 2)), salaries=rng.choice(range(80, 3000, 20)),
            enfants=rng.choice((20, 24, 30, 35, 40, 45, 60))))

    def _bank(self, m, kind):
        """The métier's bank with only the lines that fit the employer kind (cached)."""
        key = (m.rome, m.bank["slug"], kind)
        if key not in self.banks:
            bank = dict(m.bank)
            for section in ("intitules", "appellations", "missions", "profil", "conditions",
                            "avantages"):
                bank[section] = for_employer(m.bank[section], kind, section)
            self.banks[key] = bank
        return self.banks[key]

    def _record(self, rng, oid, m, kind, spec, commune, created, updated):
        bank = self._bank(m, kind)
        ville = city_name(commune, self.refs.places)
        departement = self.refs.places.departements.get(commune[3], commune[3])
        name, proper = self._employer(rng, spec, ville, departement)
        presentation = self._presentation(rng, spec, name, proper, ville, departement)
        appellation = rng.choice(bank["appellations"])
        place = self._place(rng, commune)
        contrat, contrat_libelle, nature, alternance = self._contract(rng, bank, kind)
        partiel = rng.randrange(100) < bank["tempsPartiel"]
        naf = self.refs.naf_of(kind, m.rome)
        famille = main_famille(m.rome, naf, self.refs.familles_by_rome, self.refs.naf)
        context = work_context(rng, kind, famille, ville)
        requirements = profile_context(ville, rng.randint(6, 45))
        o = {"id": oid, "intitule": rng.choice(bank["intitules"]),
             "description": self._description(rng, bank, appellation, presentation, created,
                                              place["libelle"].split(" - ", 1)[1],
                                              place.get("codePostal", commune[2].split(",")[0]),
                                              context, requirements),
             "dateCreation": created.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % rng.randrange(1000),
             "dateActualisation": updated.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % rng.randrange(1000),
             "lieuTravail": place,
             "romeCode": m.rome, "romeLibelle": m.fiche["libelle"],
             "appellationlibelle": appellation,
             "entreprise": self._entreprise(rng, kind, name, presentation),
             "typeContrat": contrat, "typeContratLibelle": contrat_libelle,
             "natureContrat": nature}
        o.update(self._experience(rng, bank))
        o["formations"] = self._formations(rng, bank)
        o["competences"] = [{"libelle": c, "exigence": rng.choice("EES")}
                            for c in rng.sample(bank["competences"],
                                                min(len(bank["competences"]), rng.randint(2, 5)))]
        o["qualitesProfessionnelles"] = [{"libelle": q, "description": d}
                                         for q, d in rng.sample(QUALITES, rng.randint(0, 3))]
        if kind in DOMICILE_KINDS and rng.random() < 0.8:
            o["permis"] = [{"libelle": "B - Véhicule léger", "exigence": rng.choice("EES")}]
        salaire = self._salary(rng, bank, partiel)
        if salaire:
            o["salaire"] = salaire
        hours = rng.choice((17.5, 20, 24, 28, 30)) if partiel else rng.choice((35, 35, 35, 37.5, 39))
        o["dureeTravailLibelle"] = "%s %s" % (
            ("%dH" % hours) if hours == int(hours) else ("%dH30" % hours),
            rng.choice(("Horaires normaux", "Horaires normaux", "Travail en horaires décalés",
                        "Travail samedi et dimanche", "Travail de nuit")
                       if kind not in ("cabinet-dentaire", "laboratoire", "education-nationale")
                       else ("Horaires normaux",)))
        o["dureeTravailLibelleConverti"] = "Temps partiel" if partiel else "Temps plein"
        o["alternance"] = alternance
        o["contact"] = {"nom": name if kind != "particulier-employeur" else "Particulier",
                        "coordonnees1": "https://candidat.francetravail.fr/offres/recherche/detail/" + oid}
        o["nombrePostes"] = 1 if rng.random() < 0.85 else rng.randint(2, 5)
        o["accessibleTH"] = rng.random() < 0.2
        o["qualificationCode"] = bank["qualificationCode"]
        o["qualificationLibelle"] = QUALIFICATIONS[bank["qualificationCode"]]
        o["codeNAF"] = naf
        o["secteurActivite"] = naf[:2]
        o["secteurActiviteLibelle"] = self.refs.naf[naf]["libelle"]
        if kind != "particulier-employeur":
            o["trancheEffectifEtab"] = rng.choice(spec["effectif"])
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
        e = {}
        if kind != "particulier-employeur" and rng.random() < 0.95:
            e["nom"] = name
        if rng.random() < 0.6:
            e["description"] = presentation
        e["entrepriseAdaptee"] = False
        return e

    def _contract(self, rng, bank, kind):
        contrats = dict(bank["contrats"])
        # Missions come through agencies and libéral contracts through cabinets; other
        # employers hire on the remaining types when the bank has any.
        if kind == "agence-interim":
            contrats = {"MIS": 1}
        elif kind in ("cabinet-liberal", "cabinet-dentaire") and "LIB" in contrats:
            contrats = {"LIB": 3, **{k: w for k, w in contrats.items() if k in ("CDI", "CDD")}}
        else:
            rest = {k: w for k, w in contrats.items() if k not in ("MIS", "LIB")}
            contrats = rest or contrats
        contrat = weighted(rng, list(contrats.items()))
        alternance = (contrat in ("CDD", "CDI") and bank["qualificationCode"] in "5678" and
                      kind != "particulier-employeur" and rng.random() < 0.04)
        if alternance:
            nature = rng.choice(("Contrat apprentissage", "Contrat de professionnalisation"))
            return "CDD", "Contrat à durée déterminée - %d Mois" % rng.choice((12, 18, 24, 36)), nature, True
        libelle = CONTRATS[contrat]
        if contrat == "CDD":
            libelle += " - %d Mois" % rng.choice((1, 2, 3, 3, 4, 6, 6, 6, 9, 12, 12, 18))
        elif contrat == "MIS":
            libelle += (" - %d Mois" % rng.choice((1, 2, 3, 6)) if rng.random() < 0.7
                        else " - %d Jour(s)" % rng.choice((1, 5, 7, 15, 21)))
        elif contrat == "SAI":
            libelle += " - %d Mois" % rng.choice((1, 2, 3))
        return contrat, libelle, "Contrat travail", False

    def _experience(self, rng, bank):
        code = weighted(rng, list(bank["experience"].items()))
        if code == "D":
            return {"experienceExige": "D", "experienceLibelle": "Débutant accepté"}
        duree = rng.choice(("6 Mois", "1 An(s)", "1 An(s)", "2 An(s)", "3 An(s)", "5 An(s)"))
        out = {"experienceExige": code,
               "experienceLibelle": duree if code == "S" else "Expérience exigée de " + duree}
        if rng.random() < 0.3:
            out["experienceCommentaire"] = rng.choice(
                ("Une expérience dans un poste similaire est appréciée.",
                 "Expérience en établissement de santé ou médico-social.",
                 "Stages inclus.", "Expérience auprès d'un public similaire."))
        return out

    def _formations(self, rng, bank):
        if not bank["formations"] or rng.random() < 0.15:
            return []
        return [dict(f) for f in rng.sample(bank["formations"],
                                             min(len(bank["formations"]), rng.choice((1, 1, 2))))]

    def _salary(self, rng, bank, partiel):
        if rng.random() < 0.35:
            return None
        s = bank["salaire"]
        if rng.random() < 0.08:
            return {"commentaire": rng.choice(("Selon grille de la convention collective",
                                               "Selon profil et expérience",
                                               "Grille de la fonction publique hospitalière"))}
        lo = rng.uniform(s["min"], (s["min"] + s["max"]) / 2)
        hi = rng.uniform(lo, s["max"])
        out = {}
        if s["periode"] == "H":
            out["libelle"] = ("Horaire de %.2f Euros sur 12.0 mois" % lo if rng.random() < 0.5
                              else "Horaire de %.2f Euros à %.2f Euros sur 12.0 mois" % (lo, hi))
        else:
            ratio = rng.choice((0.6, 0.7, 0.8)) if partiel else 1.0
            lo, hi = round(lo * ratio / 10) * 10, round(hi * ratio / 10) * 10
            annual = lo >= 3500 and rng.random() < 0.4
            mois = rng.choice(("12.0", "12.0", "13.0"))
            if annual:
                out["libelle"] = "Annuel de %.1f Euros à %.1f Euros sur %s mois" % (lo * 12, hi * 12, mois)
            elif hi > lo:
                out["libelle"] = "Mensuel de %.1f Euros à %.1f Euros sur %s mois" % (lo, hi, mois)
            else:
                out["libelle"] = "Mensuel de %.1f Euros sur %s mois" % (lo, mois)
        if rng.random() < 0.3:
            out["complement1"] = rng.choice(("Mutuelle", "Prime Ségur", "Chèque repas",
                                             "Indemnités kilométriques"))
        return out

    def _section(self, rng, key, lines, low, high, bullet, ville, context=None):
        as_list = rng.random() < 0.55
        picked = [situate(rng, rephrase(rng, line, key, as_list), context, 0.7)
                  for line in rng.sample(lines, min(len(lines), rng.randint(low, high)))]
        if not picked:
            return ""
        return self._lines(rng, header(rng, key, ville), picked, bullet, as_list)

    def _lines(self, rng, header, picked, bullet, as_list):
        """A section: its header, then its lines as a list or as prose."""
        if as_list:
            ending = rng.choice(("keep", "drop", "semicolon"))  # final stops, as each writer does
            if ending != "keep":
                picked = [p[:-1] if p.endswith(".") else p for p in picked]
            if ending == "semicolon":
                picked = [p + ";" for p in picked[:-1]] + [picked[-1] + "."]
            return header + "\n" + "\n".join(bullet + p for p in picked)
        # Prose: sentences linked as a writer would, some with a connective.
        text = picked[0]
        for p in picked[1:]:
            link = rng.choice(LINKS)
            text += " " + (link + p[:1].lower() + p[1:] if link and not p[:2].isupper() else p)
        return header + "\n" + text

    def _description(self, rng, bank, appellation, presentation, created, lieu, cp, context,
                     requirements):
        poste = post_name(appellation if rng.random() < 0.5 else bank["appellations"][0])
        bullet = rng.choice(BULLETS)  # one house style per ad
        intro = presentation
        intro += " " + contract(rng.choice(PLACES).format(lieu=lieu, cp=cp))
        if rng.random() < 0.5:
            intro += " " + rng.choice(FIGURES).format(n=rng.randint(12, 480), m=rng.randint(20, 900))
        if rng.random() < 0.8:
            intro += " " + rng.choice(CONTEXTES).format(poste=poste)
        sections = [intro,
                    self._section(rng, "missions", bank["missions"], 4, 8, bullet, lieu, context),
                    self._section(rng, "profil", bank["profil"], 2, 5, bullet, lieu, requirements),
                    self._section(rng, "conditions", bank["conditions"], 1, 4, bullet, lieu)]
        avantages = rng.sample(bank["avantages"], min(len(bank["avantages"]), rng.randint(0, 3)))
        avantages += rng.sample(GENERIC_AVANTAGES, rng.randint(0, 3))
        if avantages:
            rng.shuffle(avantages)
            sections.append(self._lines(rng, header(rng, "avantages", lieu), avantages, bullet,
                                        rng.random() < 0.55))
        closing = rng.choice(CLOTURES).format(
            debut=(created + timedelta(days=rng.randint(7, 45))).strftime("%d/%m/%Y"))
        if closing:
            sections.append(closing)
        body = [s for s in sections if s]
        # Some employers put the profile before the missions.
        if rng.random() < 0.2 and len(body) > 3:
            body[1], body[2] = body[2], body[1]
        return "\n\n".join(body)
