"""The data the corpus generator draws from, loaded once: the référentiels (communes,
départements, métiers, NAF), the per-métier offer-writing banks, the employer kinds and the
training catalogue. Also the one rule that says which famille an offer counts in, shared with
the tests so that they check the corpus with the generator's own definition."""
import bisect
import json
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
REFS = os.path.join(ROOT, "data", "referentiels")
GENERATOR = os.path.join(ROOT, "data", "generator")
FAMILLES = ("sante", "social", "petite-enfance", "grand-age", "handicap")


def read_tsv(path, header=True):
    """Rows of a tab-separated file as lists, skipping '#' comments (and the header line)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows[1:] if header else rows


class Metier:
    def __init__(self, slug, rome, libelle, familles):
        self.slug, self.rome, self.libelle, self.familles = slug, rome, libelle, familles
        self.bank = None
        self.fiche = None


# Bank sections whose entries may be groups of equivalent phrasings, one of which an ad draws.
GROUPED_SECTIONS = ("missions", "profil", "conditions", "avantages")
# Bank sections whose entries a bank may reserve to some of its employer kinds ("seulementChez":
# section -> entry, its first phrasing for a group -> kinds): a hospital pharmacist's PUI tasks,
# an officine's counter, a title naming a SSIAD. An entry it does not name fits every kind.
RESERVED_SECTIONS = ("intitules", "appellations", "missions", "profil", "conditions", "avantages", "competences")


def ungroup(bank):
    """The bank with each grouped section as the list of its groups' first phrasings, and
    bank["phrasings"] mapping each first phrasing of a group to all of the group's (an entry
    written as a plain string has no other). The generator's rules read a group's first
    phrasing only, since tests/corpus/alternatives.py checks that they judge all of a group's
    alike; an ad draws lines, then one phrasing of each."""
    phrasings = {}
    for section in GROUPED_SECTIONS:
        firsts = []
        for entry in bank[section]:
            if isinstance(entry, list):
                phrasings[entry[0]] = entry
                entry = entry[0]
            firsts.append(entry)
        bank[section] = firsts
    bank["phrasings"] = phrasings
    bank["seulementChez"] = {section: {line: frozenset(kinds) for line, kinds in lines.items()}
                             for section, lines in bank.get("seulementChez", {}).items()}
    return bank


def reserved_for(bank, section, kind):
    """The entries of a bank's section that an employer of that kind may say: those the bank
    reserves to no kind or to some kinds among which this one. An agency says its client's
    lines, and may advertise any title of the bank (its client is drawn to fit the title)."""
    if kind == "agence-interim" or not bank["seulementChez"].get(section):
        return bank[section]
    return [line for line in bank[section] if reserved_to(bank, section, line, kind)]


def reserved_to(bank, section, line, kind):
    """Whether an employer of that kind may say that entry of a bank's section (reserved_for,
    for one entry)."""
    return kind == "agence-interim" or kind in bank["seulementChez"].get(section, {}).get(line, (kind,))


def load_metiers():
    return [Metier(r[0], r[1], r[2], r[3].split(","))
            for r in read_tsv(os.path.join(REFS, "metiers.tsv"), header=False)]


def rome_familles(metiers):
    """ROME code -> familles of every métier filed under it, main ones first. The indexer tags
    an offer with all of them, since an offer carries a ROME code, not a métier."""
    by_rome = {}
    for m in metiers:
        fams = by_rome.setdefault(m.rome, [])
        fams.extend(f for f in m.familles if f not in fams)
    return by_rome


def load_naf():
    return {r[0]: {"libelle": r[1], "famille": r[2] if len(r) > 2 else ""}
            for r in read_tsv(os.path.join(REFS, "naf.tsv"))}


def main_famille(rome, naf_code, familles_by_rome, naf):
    """The famille an offer counts in: its employer's (through the NAF code) when the offer's
    ROME code belongs to it, else the ROME code's main famille."""
    fams = familles_by_rome.get(rome)
    if not fams:
        return None
    employer = naf.get(naf_code, {}).get("famille", "")
    return employer if employer in fams else fams[0]


def familles_rule():
    """main_famille over the référentiels alone, for readers that load nothing else."""
    by_rome, naf = rome_familles(load_metiers()), load_naf()
    return lambda rome, naf_code: main_famille(rome, naf_code, by_rome, naf)


class Places:
    """Communes to draw from, weighted by population. Paris, Lyon and Marseille are drawn as
    their arrondissements (what offers carry), never as the whole city."""

    def __init__(self):
        rows = read_tsv(os.path.join(REFS, "communes.tsv"))
        has_arrondissements = {r[9] for r in rows if len(r) > 9 and r[9]}
        self.communes = [r for r in rows if r[0] not in has_arrondissements and r[5] and
                         int(r[5]) > 0 and r[6] and r[7]]
        self.by_insee = {r[0]: r for r in rows}
        self.departements = {r[0]: r[1] for r in read_tsv(os.path.join(REFS, "departements.tsv"))}
        # where the Métropole de Lyon, not the Rhône's département, runs social action
        self.metropole_lyon = {r[0] for r in read_tsv(os.path.join(REFS, "metropole-lyon.tsv"))}
        self.by_departement = {}  # code -> its communes (not arrondissements), for territories
        for r in self.communes:
            if not (len(r) > 9 and r[9]):
                self.by_departement.setdefault(r[3], []).append(r)
        self.departement_population = {code: sum(int(r[5]) for r in communes)  # (a city counted once, not by arrondissement)
                                       for code, communes in self.by_departement.items()}
        self._tables = {}

    def _table(self, key, keep):
        """The communes keep accepts, with their cumulative populations, built once per key."""
        if key not in self._tables:
            pool = [r for r in self.communes if keep(r)]
            cumulative, total = [], 0
            for r in pool:
                total += int(r[5])
                cumulative.append(total)
            self._tables[key] = (pool, cumulative)
        return self._tables[key]

    def _draw(self, rng, table):
        pool, cumulative = table
        return pool[bisect.bisect_right(cumulative, rng.randrange(cumulative[-1]))]

    def pick(self, rng, min_population=0, excluded=()):
        """A commune of at least min_population (an arrondissement by its city's) out of the
        excluded départements, weighted by population."""
        return self._draw(rng, self._table((min_population, tuple(excluded)), lambda r: r[3] not in excluded and (
            int(r[5]) >= min_population or (r[9] and int(self.by_insee[r[9]][5]) >= min_population))))

    def pick_in(self, rng, name, towns, arrondissements=None):
        """A commune among towns (INSEE code -> name, villes.json's list called name; Paris,
        Lyon and Marseille stand for their arrondissements, those of arrondissements only when
        it is given), weighted by population."""
        return self._draw(rng, self._table(("in", name, arrondissements is not None), lambda r: r[0] in towns or (
            len(r) > 9 and r[9] in towns and (arrondissements is None or r[0] in arrondissements))))


def load_villes(places):
    """The lists of towns of villes.json (CHU towns, university towns), each checked against
    the communes so that a wrong code cannot place a CHU in the wrong town."""
    with open(os.path.join(GENERATOR, "villes.json"), encoding="utf-8") as f:
        villes = {k: v for k, v in json.load(f).items() if not k.startswith("_")}
    for name, towns in villes.items():
        for insee, nom in towns.items():
            row = places.by_insee.get(insee)
            if not row or row[1] != nom:
                raise SystemExit("villes.json: %s: %s is not %s" % (name, insee, nom))
    return villes


# hopitaux.tsv's categories: a GHT's support hospital (also "mco"), a centre hospitalier with
# emergencies and acute care, a hôpital de proximité, a psychiatric hospital.
HOSPITAL_CATEGORIES = ("support", "mco", "proximite", "epsm")


def load_hospitals(places):
    """The towns of hopitaux.tsv by category ({category: {INSEE code: name}}), each commune
    found by its département and name so that a misspelt town stops the load."""
    by_name = {(r[3], r[1]): r[0] for r in places.by_insee.values()}
    hospitals = {c: {} for c in HOSPITAL_CATEGORIES}
    for departement, name, category, _ in read_tsv(os.path.join(GENERATOR, "hopitaux.tsv")):
        insee = by_name.get((departement, name))
        if insee is None or category not in hospitals:
            raise SystemExit("hopitaux.tsv: %s (%s) %s: no such commune or category" % (name, departement, category))
        hospitals[category][insee] = name
    return hospitals


def weighted(rng, pairs):
    """One item of [(item, weight)...] drawn by weight."""
    total = sum(w for _, w in pairs)
    x, acc = rng.uniform(0, total), 0.0
    for item, w in pairs:
        acc += w
        if x < acc:
            return item
    return pairs[-1][0]


def city_name(commune, places):
    """The name a presentation uses: 'Paris', not 'Paris 15e Arrondissement'."""
    parent = commune[9] if len(commune) > 9 else ""
    return places.by_insee[parent][1] if parent else commune[1]


class Refs:
    def __init__(self, require_all=True):
        self.metiers = load_metiers()
        self.familles_by_rome = rome_familles(self.metiers)
        self.naf = load_naf()
        self.places = Places()
        self.villes = load_villes(self.places)
        self.hospitals = load_hospitals(self.places)
        acute = {**self.hospitals["mco"], **self.hospitals["support"]}
        # The towns each public hospital kind is drawn in (a CHU town's public hospital is its CHU).
        self.hospital_towns = {"aigu": acute, "ch": {**acute, **self.hospitals["proximite"]},
                               "usld": {**acute, **self.hospitals["proximite"]}, "epsm": self.hospitals["epsm"]}
        self.regions = {r[0]: r[1] for r in read_tsv(os.path.join(REFS, "regions.tsv"))}
        missing = []
        for m in self.metiers:
            bank = os.path.join(GENERATOR, "metiers", m.slug + ".json")
            fiche = os.path.join(ROOT, "data", "fiches", m.slug + ".json")
            if os.path.exists(bank) and os.path.exists(fiche):
                with open(bank, encoding="utf-8") as f:
                    m.bank = ungroup(json.load(f))
                with open(fiche, encoding="utf-8") as f:
                    m.fiche = json.load(f)
            else:
                missing.append(m.slug)
        if missing and require_all:
            raise SystemExit("generate.py: no fiche or bank for %d métiers (%s); "
                             "--allow-missing to go on without them" %
                             (len(missing), ", ".join(missing[:5])))
        self.missing = missing
        with open(os.path.join(GENERATOR, "employeurs.json"), encoding="utf-8") as f:
            self.employeurs = json.load(f)
        catalogue = os.path.join(GENERATOR, "formations.json")
        self.formations = None
        if os.path.exists(catalogue):
            with open(catalogue, encoding="utf-8") as f:
                self.formations = json.load(f)
        self.check()

    def check(self):
        kinds = self.employeurs["kinds"]
        for kind, spec in kinds.items():
            for code in [spec["naf"]] + list(spec.get("nafParRome", {}).values()):
                if code not in self.naf:
                    raise SystemExit("employeurs.json: %s: NAF %s is not in naf.tsv" % (kind, code))
        for m in self.metiers:
            if m.bank:
                for kind, _ in m.bank["employeurs"]:
                    if kind not in kinds:
                        raise SystemExit("metiers/%s.json: unknown employer kind %s" % (m.slug, kind))
                self.check_reserved(m)

    @staticmethod
    def check_reserved(m):
        """A bank reserves its own entries, each to some of its own employer kinds."""
        hiring = {kind for kind, _ in m.bank["employeurs"]}
        for section, lines in m.bank["seulementChez"].items():
            if section not in RESERVED_SECTIONS:
                raise SystemExit("metiers/%s.json: seulementChez: no section %r" % (m.slug, section))
            entries = set(m.bank[section])
            for line, reserved in lines.items():
                if line not in entries:
                    raise SystemExit("metiers/%s.json: seulementChez: not an entry (or a group's first "
                                     "phrasing) of %s: %r" % (m.slug, section, line))
                if not reserved or not reserved <= hiring:
                    raise SystemExit("metiers/%s.json: seulementChez: %s: kinds %s are not among the bank's "
                                     "employers: %r" % (m.slug, section, sorted(reserved - hiring) or "(none)", line))

    def hospital_level(self, commune):
        """The public hospital a commune has: "support" (a GHT's), "mco" (acute care),
        "proximite" or None."""
        return next((c for c in HOSPITAL_CATEGORIES[:3] if commune[0] in self.hospitals[c]), None)

    def naf_of(self, kind, rome):
        spec = self.employeurs["kinds"][kind]
        return spec.get("nafParRome", {}).get(rome, spec["naf"])
