#!/usr/bin/env python3
"""bench/querymix.py: the same seed gives the same bytes; every path uses only the parameters
of docs/api.md with values searchd accepts (checked here against the référentiels and the
documented lists, not against querymix's own tables); the shares follow the options. With
--indexer, --searchd and --loadgen, the mix is also replayed by loadgen against a real searchd
and every request must get a 200.

  python3 tests/bench/test_querymix.py [--indexer I --searchd S --loadgen L]"""
import argparse
import collections
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from urllib.parse import parse_qsl, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
QUERYMIX = os.path.join(REPO, "bench", "querymix.py")
REFERENTIELS = os.path.join(REPO, "data", "referentiels")
ARGS = None

# From docs/api.md.
SEARCH_PARAMS = {"q", "type", "commune", "lat", "lon", "distance", "departement", "region",
                 "famille", "codeROME", "typeContrat", "experienceExige", "tempsPlein",
                 "alternance", "publieeDepuis", "sort", "offset", "limit", "facets"}
TYPES = {"offre", "formation", "metier"}
FAMILLES = {"sante", "social", "handicap", "petite-enfance", "grand-age"}
CONTRATS = {"CDI", "CDD", "MIS", "SAI", "CCE", "FRA", "LIB", "REP", "TTI", "DDI", "DIN"}
EXPERIENCES = {"D", "S", "E"}
FACETS = {"type", "famille", "codeROME", "typeContrat", "experienceExige", "departement",
          "region", "tempsPlein", "alternance"}
SORTS = {"pertinence", "date", "distance"}


def read_rows(name):
    with open(os.path.join(REFERENTIELS, name), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    return rows


def referentiel_codes():
    rows = read_rows("communes.tsv")
    header = rows[0]
    communes = {}
    for row in rows[1:]:
        rec = dict(zip(header, row))
        communes[rec["insee"]] = rec
    romes = {row[1] for row in read_rows("metiers.tsv")}
    departements = {rec["departement"] for rec in communes.values()}
    regions = {rec["region"] for rec in communes.values()}
    acronyms = {row[0] for row in read_rows("acronymes.tsv")[1:]}
    return communes, romes, departements, regions, acronyms


COMMUNES, ROMES, DEPARTEMENTS, REGIONS, ACRONYMS = referentiel_codes()


def querymix(*args):
    proc = subprocess.run([sys.executable, QUERYMIX, *args], capture_output=True, timeout=120)
    return proc


def generate(*args):
    proc = querymix(*args)
    if proc.returncode != 0:
        raise AssertionError(proc.stderr.decode())
    return proc.stdout.decode("utf-8").splitlines()


def parse(path):
    """(route, {name: value}) with every problem raised as AssertionError."""
    parts = urlsplit(path)
    assert not parts.scheme and not parts.netloc and not parts.fragment, path
    assert "+" not in parts.query, f"{path}: a space must be %20, not +"
    pairs = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True,
                      errors="strict")
    names = [k for k, _ in pairs]
    assert len(names) == len(set(names)), f"{path}: a repeated parameter"
    return parts.path, dict(pairs)


def int_in(value, low, high, what):
    assert value.isdigit() and low <= int(value) <= high, f"{what}={value}"
    return int(value)


def float_in(value, low, high, what):
    v = float(value)
    assert low <= v <= high, f"{what}={value}"
    return v


def check_list(value, allowed, what, most=None):
    items = value.split(",")
    assert all(items) and len(items) == len(set(items)), f"{what}={value}"
    assert set(items) <= allowed, f"{what}={value}: {set(items) - allowed}"
    assert most is None or len(items) <= most, f"{what}: too many values"


def check_search(p):
    assert set(p) <= SEARCH_PARAMS, f"unknown parameters {set(p) - SEARCH_PARAMS}"
    if "q" in p:
        assert p["q"].strip() and len(p["q"].encode()) <= 512
    if "type" in p:
        check_list(p["type"], TYPES, "type")
    centre = "commune" in p or "lat" in p
    assert not ("commune" in p and "lat" in p)
    assert ("lat" in p) == ("lon" in p)
    if "commune" in p:
        assert p["commune"] in COMMUNES, p["commune"]
    if "lat" in p:
        float_in(p["lat"], -90, 90, "lat")
        float_in(p["lon"], -180, 180, "lon")
    if "distance" in p:
        assert centre, "distance without a centre"
        float_in(p["distance"], 0, 200, "distance")
    if "departement" in p:
        check_list(p["departement"], DEPARTEMENTS, "departement", 10)
    if "region" in p:
        check_list(p["region"], REGIONS, "region", 10)
    if "famille" in p:
        check_list(p["famille"], FAMILLES, "famille")
    if "codeROME" in p:
        check_list(p["codeROME"], ROMES, "codeROME", 50)
    if "typeContrat" in p:
        check_list(p["typeContrat"], CONTRATS, "typeContrat")
    if "experienceExige" in p:
        check_list(p["experienceExige"], EXPERIENCES, "experienceExige")
    for flag in ("tempsPlein", "alternance"):
        if flag in p:
            assert p[flag] in ("true", "false"), f"{flag}={p[flag]}"
    if "publieeDepuis" in p:
        int_in(p["publieeDepuis"], 1, 31, "publieeDepuis")
    if "sort" in p:
        assert p["sort"] in SORTS
        assert p["sort"] != "distance" or centre, "sort=distance without a centre"
    limit = int_in(p["limit"], 0, 100, "limit") if "limit" in p else 20
    offset = int_in(p["offset"], 0, 10000, "offset") if "offset" in p else 0
    assert offset + limit <= 10000, "offset + limit over 10,000"
    if "facets" in p:
        check_list(p["facets"], FACETS, "facets")


def check_suggest(p):
    assert set(p) <= {"q", "limit"}, f"unknown parameters {set(p)}"
    assert p.get("q") and len(p["q"].encode()) <= 100
    if "limit" in p:
        int_in(p["limit"], 1, 20, "limit")


def check_path(path):
    route, p = parse(path)
    if route == "/v1/search":
        check_search(p)
    elif route == "/v1/suggest":
        check_suggest(p)
    else:
        raise AssertionError(f"unknown route {route}")
    return route, p


def ratio(part, whole):
    return part / whole if whole else 0


class Shares:
    """The measured shares of a mix."""

    def __init__(self, lines):
        self.parsed = [check_path(line) for line in lines]
        self.n = len(lines)
        searches = [p for r, p in self.parsed if r == "/v1/search"]
        texts = [p for p in searches if "q" in p]
        centres = [p for p in searches if "commune" in p or "lat" in p]
        self.suggest = ratio(sum(r == "/v1/suggest" for r, _ in self.parsed), self.n)
        self.browse = ratio(sum("q" not in p for p in searches), self.n)
        self.facets = ratio(sum("facets" in p for p in searches), len(searches))
        self.place = ratio(sum("commune" in p or "lat" in p for p in texts), len(texts))
        self.deep = ratio(sum(int(p.get("offset", 0)) >= 100 for p in searches), len(searches))
        self.latlon = ratio(sum("lat" in p for p in centres), len(centres))
        self.texts = [p["q"] for p in texts]
        self.searches, self.centres = searches, centres


class QuerymixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.default = generate("--count", "4000", "--seed", "11")
        cls.shares = Shares(cls.default)

    def test_same_seed_same_bytes(self):
        tmp = tempfile.mkdtemp(prefix="ps-querymix-")
        try:
            out = os.path.join(tmp, "mix.txt")
            proc = querymix("--count", "500", "--seed", "5", "--out", out)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            with open(out, "rb") as f:
                written = f.read()
            again = querymix("--count", "500", "--seed", "5").stdout
            other = querymix("--count", "500", "--seed", "6").stdout
            self.assertEqual(written, again)
            self.assertNotEqual(written, other)
            self.assertEqual(written.count(b"\n"), 500)
            self.assertEqual(querymix("--count", "0").stdout, b"")
        finally:
            shutil.rmtree(tmp)

    def test_every_path_is_valid(self):
        # Shares() already ran check_path on each line; a second seed and extreme options too.
        self.assertEqual(len(self.shares.parsed), 4000)
        for line in generate("--count", "1500", "--seed", "99", "--deep-share", "1",
                             "--latlon-share", "0.5", "--typo-share", "1",
                             "--accents-share", "1", "--min-population", "500"):
            check_path(line)

    def test_default_shares(self):
        s = self.shares
        for name, got, want, tolerance in (("suggest", s.suggest, 0.15, 0.03),
                                           ("browse", s.browse, 0.25, 0.03),
                                           ("facets", s.facets, 0.80, 0.03),
                                           ("place", s.place, 0.60, 0.04),
                                           ("deep", s.deep, 0.05, 0.02),
                                           ("latlon", s.latlon, 0.15, 0.03)):
            self.assertAlmostEqual(got, want, delta=tolerance, msg=name)

    def test_configured_shares(self):
        s = Shares(generate("--count", "3000", "--seed", "2", "--suggest-share", "0.5",
                            "--browse-share", "0.1", "--facets-share", "0.2",
                            "--place-share", "0.9", "--deep-share", "0.2"))
        self.assertAlmostEqual(s.suggest, 0.5, delta=0.04)
        self.assertAlmostEqual(s.browse, 0.1, delta=0.03)
        self.assertAlmostEqual(s.facets, 0.2, delta=0.04)
        self.assertAlmostEqual(s.place, 0.9, delta=0.04)
        self.assertAlmostEqual(s.deep, 0.2, delta=0.04)
        s = Shares(generate("--count", "500", "--suggest-share", "0", "--browse-share", "1"))
        self.assertEqual((s.suggest, s.browse), (0, 1))

    def test_texts_as_people_type_them(self):
        texts = self.shares.texts
        lowered = [t.lower() for t in texts]
        self.assertTrue(any(not t.isascii() for t in texts))  # accents kept
        self.assertTrue(any("aide soignant" in t for t in lowered))  # hyphen dropped
        self.assertTrue(any("aide-soignante" in t for t in lowered))  # feminine
        self.assertTrue(any("infirmiere" in t for t in lowered))  # accent folded
        self.assertTrue(any(t.split()[0].endswith(("s", "aux")) and t.split()[0] not in ACRONYMS
                            for t in lowered))  # plurals
        acronyms = sum(t in ACRONYMS or t.split()[0] in ACRONYMS for t in lowered)
        self.assertGreater(acronyms / len(texts), 0.15)
        self.assertTrue(any(t.isupper() for t in texts))  # IDE, AES...
        # Many different texts, and none empty.
        self.assertGreater(len(set(lowered)), len(texts) / 4)

    def test_centres_weighted_by_population(self):
        counts = collections.Counter(p["commune"] for p in self.shares.centres if "commune" in p)
        self.assertEqual(counts.most_common(1)[0][0], "75056")  # Paris
        for code in counts:
            self.assertGreaterEqual(int(COMMUNES[code]["population"]), 20000)
            self.assertEqual(COMMUNES[code]["parent"], "")
        radii = {float(p["distance"]) for p in self.shares.searches if "distance" in p}
        self.assertEqual((min(radii), max(radii)), (5, 100))

    def test_usage_errors(self):
        proc = querymix("--suggest-share", "0.7", "--browse-share", "0.5")
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"more than 1", proc.stderr)
        proc = querymix("--facets-share", "1.5")
        self.assertEqual(proc.returncode, 2)
        proc = querymix("--referentiels", "/nonexistent")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn(b"/nonexistent", proc.stderr)


class AgainstSearchdTest(unittest.TestCase):
    """The mix against the real searchd: every path is a 200, directly and through loadgen."""

    @classmethod
    def setUpClass(cls):
        if not ARGS.searchd:
            raise unittest.SkipTest("needs --indexer, --searchd and --loadgen")
        sys.path.insert(0, os.path.join(REPO, "tests", "integration"))
        from searchd_harness import Searchd, run_indexer, temp_dir
        cls.tmp = temp_dir("ps-querymix-")
        root = os.path.join(cls.tmp, "index")
        r = run_indexer(ARGS.indexer, ["--index", root, "--quiet", "--referentiels",
                                       REFERENTIELS, "--offres",
                                       os.path.join(REPO, "data", "sample", "offres.jsonl")])
        if r.returncode != 0:
            raise AssertionError(r.stderr)
        cls.server = Searchd(ARGS.searchd, os.path.join(root, "current"),
                             os.path.join(REPO, "stopwords", "fr.txt"), REFERENTIELS,
                             ["--access-log", "none"])

    @classmethod
    def tearDownClass(cls):
        status, log = cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)
        if status != 0:
            raise AssertionError(f"searchd exited with {status}: {log}")

    def test_mix_is_accepted(self):
        lines = generate("--count", "400", "--seed", "21")
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        try:
            for line in lines:
                conn.request("GET", line)
                reply = conn.getresponse()
                body = reply.read()
                self.assertEqual(reply.status, 200, f"{line}: {body[:300]!r}")
        finally:
            conn.close()
        paths = os.path.join(self.tmp, "paths.txt")
        result = os.path.join(self.tmp, "result.json")
        with open(paths, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        proc = subprocess.run([ARGS.loadgen, "--url", f"http://127.0.0.1:{self.server.port}",
                               "--paths", paths, "--requests", "400", "--connections", "4",
                               "--json", result, "--quiet"],
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with open(result) as f:
            r = json.load(f)
        self.assertEqual((r["replies"], r["status"]["2xx"], r["errors_total"]), (400, 400, 0))
        self.assertGreater(r["bytes_received"], 400 * 100)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--indexer")
    parser.add_argument("--searchd")
    parser.add_argument("--loadgen")
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
