#!/usr/bin/env python3
"""Writes a realistic mix of request paths for searchd (docs/api.md), one a line, for loadgen.

Built from the référentiels: the métiers (data/referentiels/metiers.tsv), the acronyms and short
forms job seekers type (acronymes.tsv) and the communes (communes.tsv). Three kinds of request:

- text searches (/v1/search?q=...): métier names as people type them (masculine or feminine,
  singular or plural, with or without accents and hyphens, cut short, sometimes with a typo or a
  word such as "nuit" or "ehpad" added) and acronyms (as, IDE, ass mat...); some with a place,
  a radius and filters;
- browses (/v1/search without q): a place or a département or région, and filters;
- autocomplete keystrokes (/v1/suggest?q=...): prefixes of métier names, commune names and
  postal codes.

Centres are communes of at least --min-population inhabitants, drawn by population, given as an
INSEE code or, for some, as lat/lon; radii from 5 to 100 km. Métiers are drawn by their number
of live offers where the corpus generator's banks give it (data/generator/metiers/*.json,
"poids"), damped so that rare métiers still come up. Most searches ask for facets; some ask for
later or deep pages. Every value is one searchd accepts.

Same --seed and options, same bytes.

  bench/querymix.py --count 5000 --seed 1 --out var/bench/mix.txt
"""
import argparse
import glob
import json
import os
import random
import sys
import unicodedata
from urllib.parse import quote

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FAMILLES = ["sante", "social", "handicap", "petite-enfance", "grand-age"]
CONTRATS = [("CDI", 5), ("CDD", 4), ("CDI,CDD", 3), ("MIS", 2), ("CDD,MIS", 1), ("SAI", 0.5),
            ("LIB", 0.5), ("REP", 0.2), ("FRA", 0.2), ("CCE", 0.1), ("TTI", 0.1), ("DDI", 0.1),
            ("DIN", 0.1)]
EXPERIENCES = [("D", 3), ("S", 1), ("E", 1), ("D,S", 1)]
TYPES = [("offre", 7), ("formation", 2), ("metier", 1), ("offre,formation", 1)]
PUBLIEE_DEPUIS = [(1, 2), (3, 2), (7, 3), (14, 2), (31, 1)]
RADII = [(5, 1), (10, 3), (15, 1), (20, 3), (30, 2), (50, 2), (75, 1), (100, 1)]
LIMITS = [(None, 14), (10, 2), (50, 2), (100, 2)]
DEEP_OFFSETS = [100, 200, 300, 500, 1000, 2000, 5000]
FACET_SETS = [
    ("type,famille,typeContrat,experienceExige", 4),
    ("famille,typeContrat", 3),
    ("typeContrat,experienceExige,tempsPlein", 2),
    ("famille,codeROME", 2),
    ("departement,region", 1),
    ("type", 1),
    ("type,famille,codeROME,typeContrat,experienceExige,departement,region,tempsPlein,"
     "alternance", 1),
]
# Words people add to a métier name in a search box.
QUALIFIERS = ["nuit", "de nuit", "jour", "ehpad", "domicile", "hôpital", "clinique", "crèche",
              "cdi", "cdd", "temps partiel", "remplacement", "week-end", "débutant", "alternance",
              "h/f", "ssiad", "libéral", "urgences"]
# Words that join the parts of a métier name: plurals stop at the first one.
CONNECTORS = {"de", "du", "des", "d'", "en", "à", "au", "aux", "la", "le", "les", "l'", "et",
              "pour", "sur"}
# Neighbouring keys on a French AZERTY keyboard, for substitution typos.
AZERTY = {"a": "zq", "z": "aes", "e": "zrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij",
          "i": "uok", "o": "ipl", "p": "om", "q": "as", "s": "qdz", "d": "sfe", "f": "dgr",
          "g": "fht", "h": "gjy", "j": "hku", "k": "jli", "l": "kmo", "m": "lp", "w": "xq",
          "x": "wc", "c": "xv", "v": "cb", "b": "vn", "n": "bm"}


def weighted(rng, pairs):
    """One item of [(item, weight)...], drawn by weight."""
    total = sum(w for _, w in pairs)
    pick = rng.uniform(0, total)
    for item, w in pairs:
        pick -= w
        if pick <= 0:
            return item
    return pairs[-1][0]


def fold(text):
    """Without accents, as many people type."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def read_tsv(path, comment=False):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n").split("\t") for l in f
                 if l.strip() and not (comment and l.startswith("#"))]
    return lines


# --- the référentiels -------------------------------------------------------------------------

def strip_acronym(label):
    """'Infirmier / Infirmière (IDE)' -> 'Infirmier / Infirmière': drops a parenthesis holding
    capitals (an acronym), keeps '(e)' and '(le)' endings."""
    out, i = [], 0
    while i < len(label):
        if label[i] == "(":
            close = label.find(")", i)
            inner = label[i + 1:close] if close > 0 else ""
            if close > 0 and sum(c.isupper() for c in inner) >= 2:
                i = close + 1
                continue
        out.append(label[i])
        i += 1
    return " ".join("".join(out).split())


def gender_forms(label):
    """The masculine and feminine names in a libellé: 'Infirmier / Infirmière en soins
    généraux' gives 'Infirmier en soins généraux' and 'Infirmière en soins généraux';
    'Secrétaire médical / médicale' gives 'Secrétaire médical' and 'Secrétaire médicale';
    'Médiateur / Médiatrice social(e)' gives 'Médiateur social' and 'Médiatrice sociale'."""
    label = strip_acronym(label)
    if " / " in label:
        left, right = label.split(" / ", 1)
        lw, rw = left.split(), right.split()
        if left.lower() in right.lower():  # 'Sage-femme / Homme sage-femme': two names
            masc, fem = lw, rw
        elif len(rw) > len(lw):  # the tail after the feminine head is shared
            masc = lw + rw[len(lw):]
            fem = rw
        elif len(rw) < len(lw):  # the head before the feminine tail is shared
            masc = lw
            fem = lw[:len(lw) - len(rw)] + rw
        else:
            masc, fem = lw, rw
        forms = [" ".join(masc), " ".join(fem)]
    else:
        forms = [label, label]
    return [ending(forms[0], feminine=False), ending(forms[1], feminine=True)]


def ending(text, feminine):
    """Resolves 'social(e)' to 'social' or 'sociale'."""
    words = []
    for w in text.split():
        if w.endswith(")") and "(" in w and w.index("(") > 0:
            stem, suffix = w[:w.index("(")], w[w.index("(") + 1:-1]
            if suffix.isalpha() and suffix.islower():
                w = stem + suffix if feminine else stem
        words.append(w)
    return " ".join(words)


class Referentiels:
    def __init__(self, directory, banks_dir, min_population):
        self.metiers = []  # (slug, codeROME, [masc, fem], familles, weight)
        poids = load_poids(banks_dir)
        default_poids = sorted(poids.values())[len(poids) // 2] if poids else 1
        for row in read_tsv(os.path.join(directory, "metiers.tsv"), comment=True):
            slug, code, label, familles = row[0], row[1], row[2], row[3].split(",")
            weight = poids.get(slug, default_poids) ** 0.75
            self.metiers.append((slug, code, gender_forms(label), familles, weight))
        self.rome_codes = sorted({m[1] for m in self.metiers})

        rows = read_tsv(os.path.join(directory, "acronymes.tsv"))
        header = rows[0]
        self.acronyms = []  # (terme, weight): métier acronyms typed more than employers'
        for row in rows[1:]:
            rec = dict(zip(header, row))
            self.acronyms.append((rec["terme"], 3 if rec.get("codesROME") else 1))
        self.employer_acronyms = [t for t, w in self.acronyms if w == 1]

        rows = read_tsv(os.path.join(directory, "communes.tsv"))
        header = rows[0]
        self.centres = []  # (insee, nom, lat, lon, population)
        self.all_communes = []  # for suggest: (nom, population, postal codes)
        departements, regions = set(), set()
        for row in rows[1:]:
            rec = dict(zip(header, row))
            departements.add(rec["departement"])
            regions.add(rec["region"])
            if rec["parent"]:
                continue  # arrondissements: people pick the city
            population = int(rec["population"]) if rec["population"] else 0
            if population >= min_population:
                self.centres.append((rec["insee"], rec["nom"], float(rec["lat"]),
                                     float(rec["lon"]), population))
            if population >= 2000:
                self.all_communes.append((rec["nom"], population,
                                          rec["codes_postaux"].split(",")))
        if not self.centres:
            sys.exit(f"querymix: no commune of {min_population} inhabitants or more")
        self.centre_weights = [(c, c[4]) for c in self.centres]
        self.suggest_communes = [(c, c[1]) for c in self.all_communes]
        self.departements = sorted(departements)
        self.regions = sorted(regions)
        self.metier_weights = [(m, m[4]) for m in self.metiers]


def load_poids(banks_dir):
    """slug -> rough number of live offers, from the corpus generator's banks if present."""
    poids = {}
    for path in sorted(glob.glob(os.path.join(banks_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            bank = json.load(f)
        if isinstance(bank.get("poids"), (int, float)) and bank["poids"] > 0:
            poids[bank["slug"]] = bank["poids"]
    return poids


# --- typing ---------------------------------------------------------------------------------

def plural_word(w):
    if w[-1] in "sxz":
        return w
    if w.endswith("al"):
        return w[:-2] + "aux"
    if w.endswith("eau"):
        return w + "x"
    return w + "s"


def pluralise(text):
    """Puts the words before the first connector in the plural ('aides-soignantes',
    'infirmières en soins généraux')."""
    words = text.split()
    for i, w in enumerate(words):
        if w.lower() in CONNECTORS or "'" in w or "’" in w:
            break
        words[i] = "-".join(plural_word(part) for part in w.split("-"))
    return " ".join(words)


def cut_short(rng, text):
    """The first few words, as people do not type a whole libellé, never ending on a
    connector."""
    words = text.split()
    k = rng.randint(1, len(words))
    while k < len(words) and (words[k - 1].lower() in CONNECTORS or words[k - 1].endswith("'")):
        k += 1
    return " ".join(words[:k])


def typo(rng, text):
    """One slip of the fingers in a word of four letters or more."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    p = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(5)
    if kind == 0:  # a letter left out
        w = w[:p] + w[p + 1:]
    elif kind == 1:  # two letters swapped
        w = w[:p] + w[p + 1] + w[p] + w[p + 2:]
    elif kind == 2:  # a letter doubled
        w = w[:p] + w[p] + w[p:]
    elif kind == 3 and w[p].lower() in AZERTY:  # a neighbouring key
        w = w[:p] + rng.choice(AZERTY[w[p].lower()]) + w[p + 1:]
    else:  # the wrong accent, or a missing one
        swaps = {"é": "è", "è": "é", "e": "é", "ê": "e", "â": "a", "î": "i"}
        spots = [j for j, c in enumerate(w) if c in swaps]
        if spots:
            j = rng.choice(spots)
            w = w[:j] + swaps[w[j]] + w[j + 1:]
        else:
            w = w[:p] + w[p + 1:]
    words[i] = w
    return " ".join(words)


class Mix:
    def __init__(self, ref, args, rng):
        self.ref, self.a, self.rng = ref, args, rng

    def chance(self, share):
        return self.rng.random() < share

    def metier_text(self):
        """A métier name as typed."""
        rng = self.rng
        metier = weighted(rng, self.ref.metier_weights)
        text = rng.choice(metier[2])
        if self.chance(0.4):
            text = cut_short(rng, text)
        if self.chance(0.15):
            text = pluralise(text)
        if self.chance(0.85):
            text = text.lower()
        if self.chance(0.35):
            text = text.replace("-", " ")
        if self.chance(self.a.qualifier_share):
            text += " " + rng.choice(QUALIFIERS)
        if not self.chance(self.a.accents_share):
            text = fold(text)
        if self.chance(self.a.typo_share):
            text = typo(rng, text)
        return text

    def acronym_text(self):
        rng = self.rng
        term = weighted(rng, self.ref.acronyms)
        if self.chance(0.4):
            term = term.upper()
        if self.chance(0.15) and self.ref.employer_acronyms:
            term += " " + rng.choice(self.ref.employer_acronyms)
        return term

    def text(self):
        if self.chance(self.a.acronym_share):
            return self.acronym_text()
        text = self.metier_text()
        if self.chance(0.04):  # a town typed in the box
            text += " " + self.rng.choice(self.ref.centres)[1].lower()
        return text

    def place(self, p):
        """A centre (INSEE code or lat/lon) and usually a radius."""
        rng = self.rng
        insee, _, lat, lon, _ = weighted(rng, self.ref.centre_weights)
        if self.chance(self.a.latlon_share):  # a phone's position near the town
            p["lat"] = f"{lat + rng.uniform(-0.05, 0.05):.4f}"
            p["lon"] = f"{lon + rng.uniform(-0.05, 0.05):.4f}"
        else:
            p["commune"] = insee
        if self.chance(0.85):
            p["distance"] = str(weighted(rng, RADII))

    def area(self, p):
        """A département or région instead of a centre."""
        if self.chance(0.7):
            p["departement"] = ",".join(self.rng.sample(self.ref.departements,
                                                        weighted(self.rng, [(1, 8), (2, 2)])))
        else:
            p["region"] = self.rng.choice(self.ref.regions)

    def filters(self, p, count):
        """count different filters among the usual ones."""
        rng = self.rng
        choices = [("famille", 4), ("typeContrat", 4), ("type", 3), ("codeROME", 3),
                   ("publieeDepuis", 2), ("experienceExige", 1.5), ("tempsPlein", 1),
                   ("alternance", 1)]
        for _ in range(count):
            name = weighted(rng, choices)
            choices = [(n, w) for n, w in choices if n != name]
            if name == "famille":
                p[name] = ",".join(rng.sample(FAMILLES, weighted(rng, [(1, 8), (2, 2)])))
            elif name == "typeContrat":
                p[name] = weighted(rng, CONTRATS)
            elif name == "type":
                p[name] = weighted(rng, TYPES)
            elif name == "codeROME":
                n = weighted(rng, [(1, 6), (2, 2), (3, 1)])
                codes = []
                while len(codes) < n:
                    code = weighted(rng, self.ref.metier_weights)[1]
                    if code not in codes:
                        codes.append(code)
                p[name] = ",".join(codes)
            elif name == "publieeDepuis":
                p[name] = str(weighted(rng, PUBLIEE_DEPUIS))
            elif name == "experienceExige":
                p[name] = weighted(rng, EXPERIENCES)
            elif name == "tempsPlein":
                p[name] = "true" if self.chance(0.7) else "false"
            else:
                p[name] = "true" if self.chance(0.8) else "false"

    def page(self, p):
        rng = self.rng
        limit = weighted(rng, LIMITS)
        if limit is not None:
            p["limit"] = str(limit)
        size = limit or 20
        if self.chance(self.a.deep_share):
            offset = min(rng.choice(DEEP_OFFSETS), 10000 - size)
            p["offset"] = str(offset - offset % size)
        elif self.chance(0.1):
            p["offset"] = str(size * rng.randint(1, 4))

    def search(self, with_text):
        rng = self.rng
        p = {}
        if with_text:
            p["q"] = self.text()
            if self.chance(self.a.place_share):
                self.place(p)
            if self.chance(self.a.filter_share):
                self.filters(p, weighted(rng, [(1, 6), (2, 3), (3, 1)]))
        else:
            if self.chance(0.8):
                self.place(p)
            else:
                self.area(p)
            self.filters(p, weighted(rng, [(1, 5), (2, 4), (3, 2), (4, 1)]))
        centre = "commune" in p or "lat" in p
        if centre and self.chance(0.15):
            p["sort"] = "distance"
        elif with_text and self.chance(0.1):
            p["sort"] = "date"
        if self.chance(self.a.facets_share):
            p["facets"] = weighted(rng, FACET_SETS)
        self.page(p)
        return "/v1/search?" + encode(p)

    def suggest(self):
        """One keystroke of someone typing a métier, a town or a postal code."""
        rng = self.rng
        r = rng.random()
        if r < 0.6:
            text = self.metier_text() if self.chance(0.8) else self.acronym_text()
        elif r < 0.9:
            text = weighted(rng, self.ref.suggest_communes)[0]
            if self.chance(0.8):
                text = text.lower()
            if not self.chance(self.a.accents_share):
                text = fold(text)
        else:
            text = rng.choice(weighted(rng, self.ref.suggest_communes)[2])
        prefix = text[:rng.randint(min(2, len(text)), len(text))]
        while len(prefix.encode()) > 100:
            prefix = prefix[:-1]
        p = {"q": prefix}
        if self.chance(0.2):
            p["limit"] = str(rng.choice([5, 10, 20]))
        return "/v1/suggest?" + encode(p)

    def path(self):
        r = self.rng.random()
        if r < self.a.suggest_share:
            return self.suggest()
        if r < self.a.suggest_share + self.a.browse_share:
            return self.search(with_text=False)
        return self.search(with_text=True)


def encode(params):
    """The query string, with %20 for spaces (not +) and readable commas."""
    return "&".join(f"{k}={quote(v, safe=',')}" for k, v in params.items())


def share(text):
    v = float(text)
    if not 0 <= v <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not a share from 0 to 1")
    return v


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        epilog="Shares are numbers from 0 to 1. Text searches are what suggest and browse "
               "shares leave.")
    parser.add_argument("--count", type=int, default=2000, help="paths to write (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default="-", help="output file (default: standard output)")
    parser.add_argument("--referentiels", default=os.path.join(REPO, "data", "referentiels"),
                        help="folder of metiers.tsv, acronymes.tsv, communes.tsv")
    parser.add_argument("--banks", default=os.path.join(REPO, "data", "generator", "metiers"),
                        help="the generator's métier banks, for the weights (optional)")
    parser.add_argument("--suggest-share", type=share, default=0.15,
                        help="autocomplete keystrokes (default 0.15)")
    parser.add_argument("--browse-share", type=share, default=0.25,
                        help="searches without text: a place or area and filters "
                             "(default 0.25)")
    parser.add_argument("--place-share", type=share, default=0.6,
                        help="text searches with a centre and radius (default 0.6)")
    parser.add_argument("--filter-share", type=share, default=0.4,
                        help="text searches with filters (default 0.4; browses always have)")
    parser.add_argument("--facets-share", type=share, default=0.8,
                        help="searches asking for facets (default 0.8)")
    parser.add_argument("--deep-share", type=share, default=0.05,
                        help="searches for a deep page, offset 100 to 5000 (default 0.05)")
    parser.add_argument("--latlon-share", type=share, default=0.15,
                        help="centres given as lat/lon instead of an INSEE code "
                             "(default 0.15)")
    parser.add_argument("--acronym-share", type=share, default=0.25,
                        help="texts typed as an acronym or short form (default 0.25)")
    parser.add_argument("--typo-share", type=share, default=0.1,
                        help="typed métier names with a typo (default 0.1)")
    parser.add_argument("--accents-share", type=share, default=0.5,
                        help="typed names that keep their accents (default 0.5)")
    parser.add_argument("--qualifier-share", type=share, default=0.15,
                        help="métier names with a word added: nuit, ehpad, cdi... "
                             "(default 0.15)")
    parser.add_argument("--min-population", type=int, default=20000,
                        help="smallest commune used as a centre (default 20000)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be 0 or more")
    if args.suggest_share + args.browse_share > 1:
        parser.error("--suggest-share and --browse-share add up to more than 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    try:
        ref = Referentiels(args.referentiels, args.banks, args.min_population)
    except (OSError, KeyError, ValueError, IndexError) as e:
        sys.exit(f"querymix: cannot read the référentiels in {args.referentiels}: {e}")
    mix = Mix(ref, args, random.Random(args.seed))
    lines = [mix.path() + "\n" for _ in range(args.count)]
    if args.out == "-":
        sys.stdout.writelines(lines)
    else:
        tmp = args.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.writelines(lines)
        os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
