"""Training actions with LHEO 2.3 element names as JSON keys (one <formation> per record, with
one <action> and its sessions), written from the training catalogue (formations.json): a
formation of the catalogue weighted by its "poids", an organism of a kind that delivers it, a
place weighted by population among towns big enough to host a training centre."""
import bisect
import re
from datetime import date, timedelta

from offres import contract
from refs import city_name, weighted

TOTAL_FORMATIONS = 33242
MIN_POPULATION = 4000  # training centres sit in towns, not in hamlets

RUES = ["rue de la République", "avenue Jean Jaurès", "rue Pasteur", "boulevard Victor Hugo",
        "rue de l'Hôpital", "allée des Tilleuls", "rue du Docteur Schweitzer", "place de la Gare",
        "rue des Écoles", "avenue de la Libération", "rue Émile Zola", "chemin des Vignes",
        "rue Gambetta", "avenue du Général de Gaulle", "rue de la Santé", "impasse des Lilas"]
RYTHMES = ["Temps plein", "Temps plein", "Temps partiel", "En journée", "Discontinu"]
# Diploma courses of a year or more are full time; their alternance is a rhythm of its own.
LONG_COURSE_HOURS = 800
RYTHMES_LONG = ["Temps plein", "Temps plein", "En journée"]
RYTHMES_ALTERNANCE = ["Discontinu", "Temps plein"]
# A title that says the course is an apprenticeship or alternates with work.
ALTERNANCE_TITLE = re.compile(r"alternance|apprentissage|apprenti", re.IGNORECASE)
# A body named after a CHU is in a CHU town.
CHU_NAME = re.compile(r"universitaire")
# Months long courses start in (the rentrée), with their weights: September mostly, some
# institutes have a second intake in January or February.
RENTREES = [(9, 6), (1, 2), (2, 1), (10, 1)]
ACCES_HANDICAPES = ["Locaux accessibles aux personnes à mobilité réduite. Référent handicap : "
                    "contacter l'organisme pour étudier les aménagements possibles.",
                    "Accessible aux personnes en situation de handicap ; aménagements du parcours "
                    "et des épreuves étudiés avec le référent handicap.", ""]
INSCRIPTION = ["Inscription sur dossier, puis entretien de motivation.",
               "Réunion d'information collective obligatoire avant l'inscription.",
               "Dossier d'inscription à télécharger sur le site de l'organisme.",
               "Inscription via Parcoursup pour les néo-bacheliers ; dossier pour la formation continue.",
               "Sélection sur dossier et entretien ; les candidats en poste peuvent bénéficier d'un allègement."]
FINANCEMENTS = ["Région", "France Travail", "OPCO Santé", "Compte personnel de formation",
                "Employeur (plan de développement des compétences)", "Transitions Pro"]


class TrainingWriter:
    def __init__(self, refs, now):
        self.refs, self.now = refs, now
        self.catalogue = refs.formations["formations"]
        self.organismes = refs.formations["organismes"]
        self.noms = refs.formations.get("noms-propres") or refs.employeurs["noms-propres"]
        cumulative, total = [], 0
        for f in self.catalogue:
            total += f["poids"]
            cumulative.append(total)
        self.cumulative = cumulative

    def write(self, rng, i):
        f = self.catalogue[bisect.bisect_right(self.cumulative, rng.uniform(0, self.cumulative[-1] - 1e-9))]
        kind = weighted(rng, f["organismes"])
        pattern = rng.choice(self.organismes[kind]["noms"])
        commune = self._town(rng, self.organismes[kind], pattern)
        ville = city_name(commune, self.refs.places)
        organisme = contract(pattern.format(
            ville=ville, nom=rng.choice(self.noms),
            region=self.refs.regions.get(commune[4], ""),
            departement=self.refs.places.departements.get(commune[3], commune[3])))
        # The catalogue's share of actions in alternance; a title that says so only on those.
        alternance = rng.randrange(100) < f.get("alternance", 0)
        intitule = rng.choice([t for t in f["intitules"] if alternance or not ALTERNANCE_TITLE.search(t)]
                              or f["intitules"])
        numero = "%s_AF_%010d_SE_%010d" % (commune[4], 11000 + i, 90000 + i * 3)
        rec = {"numero": numero,
               "intitule-formation": intitule,
               "objectif-formation": rng.choice(f["objectifs"]),
               "resultats-attendus": rng.choice(f["resultats"]),
               "contenu-formation": self._contenu(rng, f),
               "certifiante": 1 if f.get("certifiante", True) else 0,
               "domaine-formation": {"code-ROME": list(f["rome"])}}
        if f.get("formacode"):
            rec["domaine-formation"]["code-FORMACODE"] = list(f["formacode"])
        if f.get("rncp"):
            rec["certification"] = [{"code-RNCP": f["rncp"]}]
        rec["code-niveau-entree"] = f.get("niveauEntree", "0")
        if f.get("niveauSortie"):
            rec["code-niveau-sortie"] = f["niveauSortie"]
        adresse = self._adresse(rng, commune, ville)
        rec["organisme-formation-responsable"] = {
            "nom-organisme": organisme, "raison-sociale": organisme,
            "coordonnees-organisme": {"coordonnees": {"adresse": adresse}}}
        rec["action"] = [self._action(rng, f, adresse, alternance)]
        return rec

    def _town(self, rng, organisme, pattern):
        """Where a body is: in the towns its kind names (villes.json: CHU or university towns),
        in a CHU town when its name says so, else in a town of at least its kind's population."""
        key = "chu" if CHU_NAME.search(pattern) else organisme.get("villes")
        if key:
            return self.refs.places.pick_in(rng, key, self.refs.villes[key])
        return self.refs.places.pick(rng, max(MIN_POPULATION, organisme.get("population-min", 0)))

    def _contenu(self, rng, f):
        lines = f["contenu"]
        keep = sorted(rng.sample(range(len(lines)), max(1, round(len(lines) * rng.uniform(0.6, 1.0)))))
        return "\n".join(lines[k] for k in keep)

    def _adresse(self, rng, commune, ville):
        adresse = {"ligne": ["%d %s" % (rng.randint(1, 120), rng.choice(RUES))],
                   "codepostal": rng.choice(commune[2].split(",")), "ville": ville,
                   "departement": commune[3], "code-INSEE-commune": commune[0],
                   "region": commune[4]}
        if rng.random() < 0.97:
            adresse["geolocalisation"] = {"latitude": round(float(commune[6]) + rng.uniform(-0.01, 0.01), 5),
                                          "longitude": round(float(commune[7]) + rng.uniform(-0.01, 0.01), 5)}
        return adresse

    def _action(self, rng, f, adresse, alternance):
        heures = f["heures"]
        distance = rng.randrange(100) < f.get("distance", 0)
        lo, hi = f["prix"]
        prix = round(rng.uniform(lo, hi) / 10) * 10 if hi > 0 else 0
        rythmes = (RYTHMES_ALTERNANCE if alternance else
                   RYTHMES_LONG if heures["total"] > LONG_COURSE_HOURS else RYTHMES)
        a = {"rythme-formation": rng.choice(rythmes),
             "niveau-entree-obligatoire": 1 if f.get("niveauEntree", "0") not in ("0", "") else 0,
             "modalites-alternance": (rng.choice(("Contrat d'apprentissage possible.",
                                                  "Formation en alternance : contrat d'apprentissage ou de professionnalisation.",
                                                  "Alternance : une semaine en centre, deux semaines en entreprise."))
                                      if alternance else ""),
             "modalites-enseignement": "1" if distance else "0",
             "prise-en-charge-frais-possible": 1,
             "lieu-de-formation": {"coordonnees": {"adresse": adresse}},
             "modalites-entrees-sorties": 0 if rng.random() < 0.85 else 1,
             "session": self._sessions(rng, heures["total"]),
             "adresse-inscription": {"adresse": adresse},
             "modalites-inscription": rng.choice(INSCRIPTION),
             "nombre-heures-centre": heures.get("centre", heures["total"]),
             "nombre-heures-entreprise": heures.get("entreprise", 0),
             "nombre-heures-total": heures["total"],
             "prix-total-TTC": float(prix),
             "conditions-specifiques": "Financements possibles : %s." %
                                       ", ".join(rng.sample(FINANCEMENTS, rng.randint(1, 3)))}
        acces = rng.choice(ACCES_HANDICAPES)
        if acces:
            a["acces-handicapes"] = acces
        return a

    def _sessions(self, rng, total_hours):
        # Long cursus start once a year at a rentrée; short ones several times, any month.
        weeks = max(1, round(total_hours / 35 * rng.uniform(1.0, 1.6)))
        count = 1 if total_hours > LONG_COURSE_HOURS else rng.randint(1, 4)
        start = self.now + timedelta(days=rng.randint(-20, 300))
        if total_hours > LONG_COURSE_HOURS:
            start = rentree(start, weighted(rng, RENTREES))
        sessions = []
        for _ in range(count):
            end = start + timedelta(weeks=weeks)
            sessions.append({"periode": {"debut": start.strftime("%Y%m%d"), "fin": end.strftime("%Y%m%d")},
                             "etat-recrutement": "1" if start > self.now else "2"})
            start = start + timedelta(days=rng.randint(60, 180))
        return sessions


def rentree(after, month):
    """The first Monday of month from after's month on (a datetime like after)."""
    year = after.year + (1 if month < after.month else 0)
    first = date(year, month, 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    return after.replace(year=monday.year, month=monday.month, day=monday.day)
