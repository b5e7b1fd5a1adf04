#!/usr/bin/env python3
"""Writes the default corpus of the Prendre soin search service: job offers (France Travail
"Offres d'emploi v2" shape), training actions (LHEO 2.3 names) and the 95 fiches métiers
(ROME 4.0 shape), as JSON Lines, plus a "dirty" set for bad-input tests.

  data/generator/generate.py --seed 1 --scale 1 --out var/corpus

Deterministic: the same seed, scale and --now give the same bytes, whatever the number of
processes (every chunk of records has its own random generator, seeded from the seed and the
chunk's number). Scale 1 is the programme's size: 118,000 offers and 33,242 trainings."""
import argparse
import collections
import gc
import hashlib
import json
import multiprocessing
import os
import random
import sys
import time
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import dirty  # noqa: E402
from formations import TOTAL_FORMATIONS, TrainingWriter  # noqa: E402
from offres import OfferRandom, OfferWriter, famille_plan  # noqa: E402
from refs import FAMILLES, Refs, main_famille  # noqa: E402

VERSION = "1"
CHUNK = 2000
OUTPUTS = ("offres", "formations", "fiches", "dirty")

# Set in the parent before the pool forks, read by the workers: the loaded référentiels and
# the writers built on them (read-only once built).
_STATE = {}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--scale", type=float, default=1.0,
                   help="size factor for offers and trainings (default 1: 118,000 and 33,242)")
    p.add_argument("--out", required=True, help="output folder (created if missing)")
    p.add_argument("--only", default=",".join(OUTPUTS),
                   help="comma list among %s (default all)" % ",".join(OUTPUTS))
    p.add_argument("--now", default="2026-11-20T06:00:00Z",
                   help="reference date: offers are created in the 60 days before it")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="worker processes (default: the CPUs); does not change the output")
    p.add_argument("--allow-missing", action="store_true",
                   help="go on when some métiers have no fiche or bank yet (never for the real corpus)")
    args = p.parse_args(argv)
    only = set(args.only.split(","))
    if not only <= set(OUTPUTS):
        p.error("--only: unknown output(s) %s" % ", ".join(sorted(only - set(OUTPUTS))))
    if not 0 < args.scale <= 10:
        p.error("--scale must be above 0 and at most 10")
    try:
        now = datetime.strptime(args.now, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        p.error("--now must look like 2026-11-20T06:00:00Z")
    if args.jobs < 1:
        p.error("--jobs must be at least 1")
    return args, only, now


# One encoder for every record (json.dumps builds one a call when given options).
encode = json.JSONEncoder(ensure_ascii=False).encode


def _offer_chunk(task):
    """A chunk's offers as JSON Lines, and how many of them each famille has (counted here, in
    the worker, rather than by reading the file again)."""
    seed, chunk, start, familles = task
    rng = OfferRandom("%d:offres:%d" % (seed, chunk))
    writer = _STATE["offers"]
    refs = writer.refs
    records = [writer.write(rng, start + k, fam) for k, fam in enumerate(familles)]
    counts = collections.Counter(main_famille(o["romeCode"], o.get("codeNAF"), refs.familles_by_rome, refs.naf)
                                 for o in records)
    return "".join(encode(o) + "\n" for o in records), counts


def _training_chunk(task):
    seed, chunk, start, count = task
    rng = random.Random("%d:formations:%d" % (seed, chunk))
    writer = _STATE["trainings"]
    return "".join(encode(writer.write(rng, start + k)) + "\n"
                   for k in range(count)), None


def chunks(pool, fn, tasks):
    """The chunks' results in task order, computed by the pool's workers as soon as they are
    free (the trainings' while the last offers are written), or here without a pool."""
    return pool.imap(fn, tasks) if pool else map(fn, tasks)


def write_chunks(results, path):
    """Writes the chunks' text in order; returns the file's SHA-256 and what else each chunk
    returned."""
    digest = hashlib.sha256()
    extras = []
    with open(path, "w", encoding="utf-8") as out:
        for text, extra in results:
            out.write(text)
            digest.update(text.encode("utf-8"))
            extras.append(extra)
    return digest.hexdigest(), extras


def offer_tasks(args):
    plan = famille_plan(args.scale, random.Random("%d:plan" % args.seed))
    return [(args.seed, c, start, plan[start:start + CHUNK]) for c, start in enumerate(range(0, len(plan), CHUNK))]


def write_offers(results, path):
    """(the file's SHA-256, offers by famille)."""
    sha, counts = write_chunks(results, path)
    familles = dict.fromkeys(FAMILLES, 0)
    for chunk_counts in counts:
        for famille, n in chunk_counts.items():
            familles[famille] += n
    return sha, familles


def training_tasks(args):
    total = max(1, round(TOTAL_FORMATIONS * args.scale))
    return [(args.seed, c, start, min(CHUNK, total - start)) for c, start in enumerate(range(0, total, CHUNK))]


FICHE_FIELDS = ("code", "libelle", "definition", "accesEmploi", "appellations",
                "competencesMobilisees", "contextesTravail", "familles")


def write_fiches(refs, path):
    digest = hashlib.sha256()
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for m in refs.metiers:
            if not m.fiche:
                continue
            missing = [k for k in FICHE_FIELDS if not m.fiche.get(k)]
            if missing or m.fiche["code"] != m.rome or m.fiche["familles"] != m.familles:
                raise SystemExit("data/fiches/%s.json: missing %s or code/familles differ from "
                                 "metiers.tsv" % (m.slug, ", ".join(missing) or "nothing"))
            line = json.dumps(m.fiche, ensure_ascii=False) + "\n"
            out.write(line)
            digest.update(line.encode("utf-8"))
            count += 1
    return count, digest.hexdigest()


def write_dirty_sets(args, refs, folder):
    os.makedirs(folder, exist_ok=True)
    rng = random.Random("%d:dirty" % args.seed)
    offers = [_STATE["offers"].write(rng, 400000 + k, f)
              for k, f in enumerate(famille_plan(200 / 118000, rng))]
    trainings = [_STATE["trainings"].write(rng, 900000 + k) for k in range(60)]
    expected = {
        "offres.jsonl": dirty.write_dirty(rng, offers, dirty.OFFER_DEFECTS, "id", 3,
                                          os.path.join(folder, "offres.jsonl")),
        "formations.jsonl": dirty.write_dirty(rng, trainings, dirty.TRAINING_DEFECTS, "numero", 1,
                                              os.path.join(folder, "formations.jsonl")),
    }
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv=None):
    args, only, now = parse_args(argv if argv is not None else sys.argv[1:])
    started = time.monotonic()
    refs = Refs(require_all=not args.allow_missing)
    if refs.missing:
        print("generate.py: warning: no fiche or bank yet for %d métiers" % len(refs.missing),
              file=sys.stderr)
    _STATE["offers"] = OfferWriter(refs, now, args.seed)
    if only & {"formations", "dirty"}:
        if not refs.formations:
            raise SystemExit("generate.py: data/generator/formations.json is missing")
        _STATE["trainings"] = TrainingWriter(refs, now)
    os.makedirs(args.out, exist_ok=True)
    manifest = {"generator": VERSION, "seed": args.seed, "scale": args.scale,
                "now": args.now, "files": {}}
    pool = multiprocessing.get_context("fork").Pool(args.jobs) if args.jobs > 1 else None
    try:
        offers = offer_tasks(args) if "offres" in only else []
        trainings = training_tasks(args) if "formations" in only else []
        offer_chunks, training_chunks = chunks(pool, _offer_chunk, offers), chunks(pool, _training_chunk, trainings)
        if offers:
            sha, familles = write_offers(offer_chunks, os.path.join(args.out, "offres.jsonl"))
            manifest["files"]["offres.jsonl"] = {"records": sum(len(t[3]) for t in offers), "sha256": sha,
                                                 "familles": familles}
        if trainings:
            sha, _ = write_chunks(training_chunks, os.path.join(args.out, "formations.jsonl"))
            manifest["files"]["formations.jsonl"] = {"records": sum(t[3] for t in trainings), "sha256": sha}
    finally:
        if pool:
            pool.close()
            pool.join()
    if "fiches" in only:
        count, sha = write_fiches(refs, os.path.join(args.out, "fiches.jsonl"))
        manifest["files"]["fiches.jsonl"] = {"records": count, "sha256": sha}
    if "dirty" in only:
        write_dirty_sets(args, refs, os.path.join(args.out, "dirty"))
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    summary = ", ".join("%s %d" % (name, v["records"]) for name, v in manifest["files"].items())
    print("generate.py: %s in %.1f s -> %s" % (summary, time.monotonic() - started,
                                               os.path.relpath(args.out, os.getcwd())))
    return 0


if __name__ == "__main__":
    # The writers' caches hold hundreds of thousands of objects that every full collection
    # scans (9% of the run at scale 0.3), and a run leaves no cycles to collect: the same peak
    # memory with the collector off. The workers, forked, inherit it off.
    gc.disable()
    sys.exit(main())
