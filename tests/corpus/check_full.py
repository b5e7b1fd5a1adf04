#!/usr/bin/env python3
"""Checks a full-scale corpus (generate.py --scale 1): exactly 118,000 offers, 33,242 trainings
and 95 fiches, family counts equal to the programme's published ones, ids unique.

  tests/corpus/check_full.py var/corpus"""
import json
import os
import sys
from collections import Counter

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "data", "generator"))

from offres import FAMILLE_TOTALS  # noqa: E402
from refs import FAMILLES, familles_rule  # noqa: E402


def main(folder):
    rule = familles_rule()
    problems = []
    counts, ids = Counter(), set()
    with open(os.path.join(folder, "offres.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            o = json.loads(line)
            if o["id"] in ids:
                problems.append("offres.jsonl:%d: duplicate id %s" % (n, o["id"]))
            ids.add(o["id"])
            counts[rule(o["romeCode"], o.get("codeNAF"))] += 1
    if sum(counts.values()) != 118000:
        problems.append("%d offers, not 118,000" % sum(counts.values()))
    for fam in FAMILLES:
        if counts[fam] != FAMILLE_TOTALS[fam]:
            problems.append("famille %s: %d offers, published %d" % (fam, counts[fam], FAMILLE_TOTALS[fam]))
    for name, expected in (("formations.jsonl", 33242), ("fiches.jsonl", 95)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            count = sum(1 for _ in f)
        if count != expected:
            problems.append("%s: %d records, not %d" % (name, count, expected))
    for p in problems:
        print("check_full.py: " + p, file=sys.stderr)
    if not problems:
        print("check_full.py: 118,000 offers (%s), 33,242 trainings, 95 fiches: as published" %
              ", ".join("%s %d" % (f, counts[f]) for f in FAMILLES))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1].strip())
    sys.exit(main(sys.argv[1]))
