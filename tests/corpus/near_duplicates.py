#!/usr/bin/env python3
"""The corpus issue's near-duplicate measure against a whole offers file: the share of the first
N offers whose description shares a run of about 200 characters with any other offer of the
file. Exact 200-character windows over 118,000 descriptions do not fit in memory, so runs are
sampled at anchors: 200-character grams starting at word starts whose next 8 characters hash
(crc32) to 0 mod 4 (a shared run of 200 characters or more is caught unless no anchor falls in
its first characters). About a minute for the full corpus; not run by ctest.

    tests/corpus/near_duplicates.py var/corpus/offres.jsonl [N]

near_duplicate_share() is the same measure over any sequence of descriptions
(tests/corpus/test_generator.py uses it on a small corpus)."""
import json
import re
import sys
import zlib

GRAM = 200
WORD_START = re.compile(r"(?<=\s)\S")


def grams(description):
    """The hashes of the description's anchored 200-character grams."""
    out = set()
    for m in WORD_START.finditer(description):
        i = m.start()
        if zlib.crc32(description[i:i + 8].encode()) & 3 == 0 and i + GRAM <= len(description):
            out.add(hash(description[i:i + GRAM]))
    return out


def near_duplicate_share(descriptions, n=None):
    """(shared, sampled): how many of the first n descriptions (all when n is None) share an
    anchored gram with another description of the sequence, and how many were sampled. The
    sequence is read once (it may be a generator over a file)."""
    owner = {}  # gram -> the one description holding it, or -1 when two or more do
    sample = []
    for k, description in enumerate(descriptions):
        gs = grams(description)
        for g in gs:
            if owner.setdefault(g, k) != k:
                owner[g] = -1
        if n is None or k < n:
            sample.append(gs)
    shared = sum(1 for gs in sample if any(owner[g] == -1 for g in gs))
    return shared, len(sample)


def main(path, n):
    with open(path, encoding="utf-8") as f:
        shared, sampled = near_duplicate_share((json.loads(line)["description"] for line in f), n)
    print("%d of the first %d offers share a %d-character run with another offer: %.1f%%"
          % (shared, sampled, GRAM, 100.0 * shared / max(1, sampled)))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__.split("\n\n")[1].strip())
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
