"""End-to-end slice: offers in the France Travail shape -> indexer -> index -> searchd -> JSON.

Usage: test_slice.py --indexer PATH --searchd PATH --source-dir DIR"""
import os
import shutil
import subprocess
import sys
import time
import unittest
from urllib.parse import quote

from searchd_harness import Searchd, main, run_indexer, temp_dir

ARGS = None


def referentiels():
    return os.path.join(ARGS.source_dir, "tests", "fixtures", "referentiels")


class SliceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = temp_dir("ps-slice-")
        root = os.path.join(cls.tmp, "index")
        cls.db = os.path.join(root, "current")
        cls.stopwords = os.path.join(ARGS.source_dir, "stopwords", "fr.txt")
        sample = os.path.join(ARGS.source_dir, "data", "sample", "offres.jsonl")
        r = run_indexer(ARGS.indexer, ["--index", root, "--offres", sample,
                                       "--referentiels", referentiels(),
                                       "--stopwords", cls.stopwords])
        if r.returncode != 0:
            raise RuntimeError("indexer failed: " + r.stderr)
        cls.indexer_output = r.stdout
        cls.server = Searchd(ARGS.searchd, cls.db, cls.stopwords, referentiels())

    @classmethod
    def tearDownClass(cls):
        code, err = cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)
        if code != 0:
            raise RuntimeError("searchd exited with %d: %s" % (code, err))

    def search(self, query):
        status, headers, body = self.server.get_json("/v1/search?" + query)
        self.assertEqual(status, 200, body)
        self.assertTrue(headers["Content-Type"].startswith("application/json"))
        return body

    def titles(self, query):
        return [h["title"] for h in self.search(query)["hits"]]

    def test_indexer_counts(self):
        self.assertIn("read 12, indexed 12, skipped 0, duplicates replaced 0",
                      self.indexer_output)
        self.assertIn("published generation 1", self.indexer_output)

    def test_health(self):
        status, _, body = self.server.get_json("/health")
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "ok")
        self.assertEqual(body["index"]["documents"], 12)
        self.assertIn(body["warm"], (True, False))

    def test_health_says_warm_once_every_worker_has_warmed(self):
        """Twelve documents warm within a second or so (less on an idle machine than the 0.8 s
        each worker warms before serving); then every connection, whichever worker takes
        it, reads warm."""
        deadline = time.time() + 20
        while time.time() < deadline and not self.server.get_json("/health")[2]["warm"]:
            time.sleep(0.05)
        for _ in range(8):
            self.assertIs(self.server.get_json("/health")[2]["warm"], True)

    def test_infirmiere_finds_the_infirmier_offers(self):
        body = self.search("q=infirmiere")
        top = [h["title"] for h in body["hits"][:4]]
        self.assertTrue(all(t.lower().startswith("infirmi") for t in top), top)
        self.assertEqual(body["hits"][0]["type"], "offre")
        self.assertEqual(body["hits"][0]["score"], 1.0)
        for variant in ("Infirmières", "INFIRMIER", "infirmiers", "infirmière"):
            self.assertEqual(self.titles("q=" + quote(variant))[:4], top, variant)

    def test_hyphen_feminine_plural(self):
        expected = set(self.titles("q=aide-soignant"))
        self.assertIn("AIDES-SOIGNANTS DE NUIT EN SSIAD", expected)
        for variant in ("aide+soignant", "aide-soignante", "aides-soignants", "AIDE+SOIGNANTE"):
            self.assertEqual(set(self.titles("q=" + variant)), expected, variant)

    def test_exclusion_and_phrase(self):
        self.assertNotIn("INFIRMIERE DE NUIT - SERVICE DE MEDECINE",
                         self.titles("q=infirmiere+-nuit"))
        self.assertEqual(self.titles("q=%22service+de+m%C3%A9decine%22"),
                         ["INFIRMIERE DE NUIT - SERVICE DE MEDECINE"])
        self.assertEqual(len(self.titles("q=service+medecine")), 2)

    def test_elision(self):
        self.assertEqual(self.search("q=l%E2%80%99%C3%A9quipe")["total"],
                         self.search("q=equipe")["total"])

    def test_paging_and_exact_total(self):
        everything = self.search("limit=100")
        self.assertEqual(everything["total"], 12)
        self.assertEqual(len(everything["hits"]), 12)
        page = self.search("offset=10&limit=5")
        self.assertEqual(len(page["hits"]), 2)
        self.assertEqual(page["total"], 12)

    def test_bad_requests_get_json_400_naming_the_parameter(self):
        cases = {
            "limit=abc": "limit",
            "limit=101": "limit",
            "offset=-1": "offset",
            "offset=9990&limit=20": "offset",
            "q=%FF%FE": "q",
            "q=" + "a" * 600: "q",
            "colour=blue": "colour",
            "q=a&q=b": "q",
        }
        for query, parameter in cases.items():
            status, _, body = self.server.get_json("/v1/search?" + query)
            self.assertEqual(status, 400, query)
            self.assertEqual(body["error"]["code"], "invalid_parameter", query)
            self.assertEqual(body["error"]["parameter"], parameter, query)
        status, _, body = self.server.get_json("/v1/search?justakey")
        self.assertEqual(status, 400)
        self.assertEqual(body["error"]["code"], "invalid_query_string")

    def test_unknown_route_and_method(self):
        status, _, body = self.server.get_json("/v2/nothing")
        self.assertEqual(status, 404)
        self.assertEqual(body["error"]["code"], "not_found")
        status, headers, body = self.server.request("POST", "/v1/search")
        self.assertEqual(status, 405)
        self.assertIn("GET", headers["Allow"])


class BadRecordsTest(unittest.TestCase):
    def test_bad_records_are_reported_and_skipped(self):
        tmp = temp_dir("ps-bad-")
        try:
            r = run_indexer(ARGS.indexer, [
                "--index", os.path.join(tmp, "index"), "--max-skipped", "1",
                "--offres", os.path.join(ARGS.source_dir, "data", "sample", "offres-bad.jsonl"),
                "--referentiels", referentiels(),
                "--stopwords", os.path.join(ARGS.source_dir, "stopwords", "fr.txt")])
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("read 4, indexed 1, skipped 3", r.stdout)
            self.assertIn("offres-bad.jsonl:2: 201BAD1: missing required field intitule", r.stderr)
            self.assertIn("offres-bad.jsonl:3: -: invalid JSON", r.stderr)
            self.assertIn("offres-bad.jsonl:4: 201BAD2: field intitule is not a string", r.stderr)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_usage_errors_and_help(self):
        for program, args, message in [
                (ARGS.indexer, ["--offres", "x.jsonl"], "--index and at least one input"),
                (ARGS.indexer, ["--index", "i", "--offres", "a", "--offres", "b"], "--offres"),
                (ARGS.indexer, ["--index", "i", "--offres", "a", "--workers", "0"], "--workers"),
                (ARGS.indexer, ["--index", "i", "--delete-offres", "d"], "--incremental"),
                (ARGS.searchd, ["--port", "70000", "--db", "x"], "--port"),
                (ARGS.searchd, ["--db"], "--db"),
                (ARGS.searchd, ["--bogus", "1"], "unknown option")]:
            r = subprocess.run([program, *args], capture_output=True, text=True, timeout=30)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertIn(message, r.stderr, args)
            self.assertIn("usage:", r.stderr)
        for program in (ARGS.indexer, ARGS.searchd):
            r = subprocess.run([program, "--help"], capture_output=True, text=True, timeout=30)
            self.assertEqual(r.returncode, 0)
            self.assertIn("usage:", r.stdout)
            self.assertIn("Exit status", r.stdout)
        r = subprocess.run([ARGS.searchd, "--db", "x"], env={"SEARCHD_PORT": "nope"},
                           capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn("SEARCHD_PORT has an invalid value", r.stderr)

    def test_no_index_yet_means_503_until_one_appears(self):
        tmp = temp_dir("ps-noindex-")
        root = os.path.join(tmp, "index")
        server = Searchd(ARGS.searchd, os.path.join(root, "current"),
                         os.path.join(ARGS.source_dir, "stopwords", "fr.txt"), referentiels())
        try:
            status, _, body = server.get_json("/health")
            self.assertEqual((status, body["status"]), (503, "unavailable"))
            status, _, body = server.get_json("/v1/search?q=infirmier")
            self.assertEqual((status, body["error"]["code"]), (503, "unavailable"))
            r = run_indexer(ARGS.indexer, [
                "--index", root, "--referentiels", referentiels(),
                "--offres", os.path.join(ARGS.source_dir, "data", "sample", "offres.jsonl")])
            self.assertEqual(r.returncode, 0, r.stderr)
            deadline = time.time() + 3
            while time.time() < deadline and server.get_json("/health")[0] != 200:
                time.sleep(0.1)
            status, _, body = server.get_json("/health")
            self.assertEqual((status, body["index"]["documents"]), (200, 12))
        finally:
            code, log = server.stop()
            shutil.rmtree(tmp, ignore_errors=True)
        self.assertEqual(code, 0, log)


if __name__ == "__main__":
    main(sys.modules[__name__])
