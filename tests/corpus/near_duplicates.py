#!/usr/bin/env python3
"""The corpus issue's near-duplicate measure against a whole offers file: the share of the first
N offers whose description shares a run of about 200 characters with any other offer of the
file. Exact 200-character windows over 118,000 descriptions do not fit in memory, so runs are
sampled at anchors: 200-character grams starting at word starts whose next 8 characters hash
(crc32) to 0 mod 4 (a shared run of 200 characters or more is caught unless no anchor falls in
its first characters). About a minute for the full corpus; not run by ctest.

    tests/corpus/near_duplicates.py var/corpus/offres.jsonl [N]
"""
import json
import re
import sys
import zlib
from collections import defaultdict

GRAM = 200
WORD_START = re.compile(r"(?<=\s)\S")


def grams(description):
    out = set()
    for m in WORD_START.finditer(description):
        i = m.start()
        if zlib.crc32(description[i:i + 8].encode()) & 3 == 0 and i + GRAM <= len(description):
            out.add(hash(description[i:i + GRAM]))
    return out


def main(path, n):
    owners = defaultdict(set)  # gram -> up to two offers holding it
    sample = []
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f):
            gs = grams(json.loads(line)["description"])
            for g in gs:
                if len(owners[g]) < 2:
                    owners[g].add(k)
            if k < n:
                sample.append(gs)
    shared = sum(1 for gs in sample if any(len(owners[g]) > 1 for g in gs))
    print("%d of the first %d offers share a %d-character run with another offer: %.1f%%"
          % (shared, len(sample), GRAM, 100.0 * shared / max(1, len(sample))))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
