#!/usr/bin/env python3
"""A stand-in query mix until bench/querymix.py lands: request paths for searchd mixing métier
names and acronyms as typed (accents or not, feminine, typos), places with radii from 5 to
100 km in big cities, filters, facets, deep pages and autocomplete. Deterministic for --seed.

  bench/standin_mix.py --count 2000 --seed 1 --out var/bench/paths.txt"""
import argparse
import random
from urllib.parse import quote, urlencode

WORDS = ["aide soignant", "aide-soignante", "aides soignantes", "infirmier", "infirmière",
         "infirmiere de nuit", "IDE", "AS", "AES", "ASH", "educateur specialise",
         "éducatrice spécialisée", "moniteur educateur", "EJE", "auxiliaire de puériculture",
         "assistante maternelle", "ass mat", "aide à domicile", "auxiliaire de vie", "ADVF",
         "psychologue", "ergothérapeute", "kiné", "cadre de santé", "ambulancier",
         "aide soigant", "infirmiére", "educatrice specialise", "agent de service hospitalier",
         "accompagnant educatif et social", "assistant social", "CESF", "TISF", "EHPAD",
         "ATSEM", "puéricultrice", "brancardier", "secrétaire médicale", "directeur ehpad"]
CITIES = [("75056", 2133), ("13055", 873), ("69123", 522), ("31555", 504), ("06088", 342),
          ("44109", 325), ("34172", 302), ("67482", 291), ("33063", 261), ("59350", 236),
          ("35238", 225), ("51454", 178), ("76351", 170), ("42218", 173), ("83137", 180),
          ("38185", 158), ("21231", 156), ("49007", 157), ("30189", 148), ("86194", 89),
          ("97411", 153), ("2A004", 73)]
FACETS = ["typeContrat,famille,experienceExige", "type,famille", "typeContrat,departement",
          "famille,codeROME,typeContrat,tempsPlein"]


def path(rng):
    r = rng.random()
    if r < 0.10:
        word = rng.choice(WORDS)
        return "/v1/suggest?q=" + quote(word[:rng.randint(2, len(word))])
    p = {}
    if r < 0.65:
        p["q"] = rng.choice(WORDS)
    if rng.random() < 0.6:
        total = sum(w for _, w in CITIES)
        pick, acc = rng.uniform(0, total), 0
        for code, w in CITIES:
            acc += w
            if acc >= pick:
                p["commune"] = code
                break
        p["distance"] = rng.choice([5, 10, 10, 20, 30, 50, 100])
    if rng.random() < 0.8:
        p["facets"] = rng.choice(FACETS)
    if rng.random() < 0.25:
        p["typeContrat"] = rng.choice(["CDI", "CDD", "CDI,CDD", "MIS"])
    if rng.random() < 0.15:
        p["famille"] = rng.choice(["sante", "grand-age", "handicap", "social,petite-enfance"])
    if rng.random() < 0.1:
        p["publieeDepuis"] = rng.choice([1, 3, 7, 14, 31])
    if rng.random() < 0.1:
        p["offset"] = rng.choice([20, 40, 100, 500])
    if rng.random() < 0.1:
        p["sort"] = "date"
    return "/v1/search?" + urlencode(p)


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--count", type=int, default=2000)
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("--out", required=True)
    args = a.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for _ in range(args.count):
            f.write(path(rng) + "\n")


if __name__ == "__main__":
    main()
