#!/usr/bin/env python3
"""A stand-in corpus for benchmarks until the corpus generator (data/generator/) lands: offers
in the France Travail shape assembled from the sample offers and the offer-writing banks of
data/generator/metiers/, placed in random communes of data/referentiels/communes.tsv weighted by
population. Deterministic for --seed. Not realistic enough to judge relevance; sized and shaped
like the real corpus for speed measurements (descriptions of about 1,500 characters).

  bench/standin_corpus.py --count 151337 --seed 1 --out var/bench/offres.jsonl"""
import argparse
import bisect
import glob
import json
import os
import random
from datetime import datetime, timedelta, timezone

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
NOW = datetime(2026, 11, 20, 6, 0, 0, tzinfo=timezone.utc)


def communes():
    rows = []
    with open(os.path.join(ROOT, "data", "referentiels", "communes.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[5] and not r[9]:
                rows.append(r)
    weights, total = [], 0
    for r in rows:
        total += int(r[5])
        weights.append(total)
    return rows, weights


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=151337)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    rng = random.Random(args.seed)
    banks = [json.load(open(f, encoding="utf-8"))
             for f in sorted(glob.glob(os.path.join(ROOT, "data", "generator", "metiers", "*.json")))]
    with open(os.path.join(ROOT, "data", "sample", "offres.jsonl"), encoding="utf-8") as f:
        base = [json.loads(l) for l in f]
    places, cumulative = communes()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            b = rng.choice(banks)
            o = dict(rng.choice(base))
            c = places[bisect.bisect(cumulative, rng.randrange(cumulative[-1]))]
            parts = (rng.sample(b["missions"], min(6, len(b["missions"]))) +
                     rng.sample(b["profil"], min(4, len(b["profil"]))) +
                     rng.sample(b["conditions"], min(3, len(b["conditions"]))))
            created = NOW - timedelta(seconds=rng.randrange(60 * 86400))
            o.update(id="S%06d" % i, intitule=rng.choice(b["intitules"]), romeCode=b["codeROME"],
                     appellationlibelle=rng.choice(b["appellations"]),
                     description="Vos missions :\n" + "\n".join(parts),
                     dateCreation=created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                     typeContrat=rng.choice(["CDI", "CDI", "CDD", "MIS"]),
                     experienceExige=rng.choice("DDSE"),
                     dureeTravailLibelleConverti=rng.choice(["Temps plein", "Temps partiel"]),
                     lieuTravail={"libelle": "%s - %s" % (c[3], c[1].upper()), "commune": c[0],
                                  "codePostal": c[2].split(",")[0],
                                  "latitude": float(c[6]) + rng.uniform(-0.02, 0.02),
                                  "longitude": float(c[7]) + rng.uniform(-0.02, 0.02)})
            out.write(json.dumps(o, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
