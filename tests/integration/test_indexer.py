"""The indexer as cron runs it: full builds of the three collections published as generations,
duplicate ids, the bad-record threshold, the lock, kill -9 in the middle of a build, incremental
upserts and deletes, and searchd following all of it without a restart.

Usage: test_indexer.py --indexer PATH --searchd PATH --source-dir DIR"""
import fcntl
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import unittest
from urllib.parse import quote

from searchd_harness import Searchd, main, run_indexer, temp_dir

ARGS = None


def src(*parts):
    return os.path.join(ARGS.source_dir, *parts)


def sample_offers():
    with open(src("data", "sample", "offres.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def fiches(tmp):
    """The fiches written so far under data/fiches, as the JSON Lines the indexer reads."""
    rows = []
    for p in sorted(glob.glob(src("data", "fiches", "*.json")))[:3]:
        with open(p, encoding="utf-8") as f:
            rows.append(json.load(f))
    path = os.path.join(tmp, "fiches.jsonl")
    write_jsonl(path, rows)
    return path, len(rows)


class IndexerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = temp_dir("ps-indexer-")
        self.root = os.path.join(self.tmp, "index")
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            code, err = s.stop()
            self.assertEqual(code, 0, err)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def index(self, *args, check=True):
        r = run_indexer(ARGS.indexer, ["--index", self.root, "--quiet",
                                       "--referentiels", src("tests", "fixtures", "referentiels"),
                                       "--stopwords", src("stopwords", "fr.txt"), *args])
        if check:
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        return r

    def serve(self):
        s = Searchd(ARGS.searchd, os.path.join(self.root, "current"), src("stopwords", "fr.txt"),
                    src("tests", "fixtures", "referentiels"))
        self.servers.append(s)
        return s

    def total(self, server, query):
        status, _, body = server.get_json("/v1/search?limit=100&q=" + quote(query))
        self.assertEqual(status, 200, body)
        return body

    def wait_for(self, predicate, timeout=5.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if predicate():
                return True
            time.sleep(0.1)
        return predicate()

    def current(self):
        return os.readlink(os.path.join(self.root, "current"))

    def test_full_build_of_three_collections(self):
        fiches_path, n_fiches = fiches(self.tmp)
        r = self.index("--offres", src("data", "sample", "offres.jsonl"),
                       "--formations", src("tests", "fixtures", "formations.jsonl"),
                       "--fiches", fiches_path, "--workers", "2")
        expected = 12 + 3 + n_fiches
        self.assertIn("read %d, indexed %d, skipped 0" % (expected, expected), r.stdout)
        self.assertEqual(self.current(), "generations/000001")
        s = self.serve()
        _, _, health = s.get_json("/health")
        self.assertEqual(health["index"]["documents"], expected)
        self.assertEqual(health["index"]["generation"], "000001")
        self.assertRegex(health["index"]["built_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        types = {h["type"] for h in self.total(s, "aide soignant")["hits"]}
        self.assertIn("formation", types)
        self.assertIn("offre", types)
        hit = next(h for h in self.total(s, "DEAES")["hits"] if h["type"] == "formation")
        self.assertEqual(hit["lieu"]["commune"], "35238")
        self.assertEqual(hit["famille"], ["handicap", "grand-age"])
        self.assertTrue(hit["alternance"])

    def test_duplicate_id_keeps_the_last_record(self):
        offers = sample_offers()
        later = dict(offers[0], intitule="Infirmier de coordination - version corrigée")
        path = os.path.join(self.tmp, "dup.jsonl")
        write_jsonl(path, offers + [later])
        r = self.index("--offres", path)
        self.assertIn("read 13, indexed 13, skipped 0, duplicates replaced 1", r.stdout)
        s = self.serve()
        self.assertEqual(self.total(s, "")["total"], 12)
        titles = [h["title"] for h in self.total(s, "coordination corrigée")["hits"]]
        self.assertEqual(titles, ["Infirmier de coordination - version corrigée"])

    def test_the_employers_block_is_searched(self):
        # Most generated offers present their employer in entreprise.description only: what it
        # runs is found as the ad's text is.
        offers = sample_offers()
        about = dict(offers[0], entreprise=dict(offers[0].get("entreprise", {}),
                                                description="Notre résidence dispose d'une balnéothérapie."))
        path = os.path.join(self.tmp, "about.jsonl")
        write_jsonl(path, [about] + offers[1:])
        self.index("--offres", path)
        s = self.serve()
        self.assertEqual([h["id"] for h in self.total(s, "balnéothérapie")["hits"]], [about["id"]])

    def check_verdict(self, option, path, expected, *extra):
        """Indexes one dirty file and checks the indexer's report against its verdict."""
        r = self.index(option, path, "--max-skipped", "1", *extra)
        self.assertIn("read %d, indexed %d, skipped %d, duplicates replaced %d" % (
            expected["read"], expected["indexed"], expected["skipped"], expected["replaced"]),
            r.stdout)
        name = os.path.basename(path)
        reported = [line for line in r.stderr.splitlines() if name + ":" in line]
        self.assertEqual(len(reported), len(expected["skips"]), r.stderr)
        for skip in expected["skips"]:
            prefix = "%s:%d: %s: " % (name, skip["line"], skip["id"])
            line = next((l for l in reported if prefix in l), None)
            self.assertIsNotNone(line, (prefix, r.stderr))
            self.assertIn(skip["reason"], line)
        self.assertIn("indexer: skipped", r.stdout)  # the summary by reason
        return r

    def test_dirty_records_are_each_reported_and_skipped(self):
        with open(src("tests", "fixtures", "dirty-offres.expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        self.check_verdict("--offres", src("tests", "fixtures", "dirty-offres.jsonl"), expected)
        s = self.serve()
        hits = self.total(s, "")["hits"]  # the duplicate replaced the first record
        self.assertEqual([h["title"] for h in hits], ["Infirmier de nuit (mise à jour)"])

    def test_the_generators_dirty_sets(self):
        out = os.path.join(self.tmp, "corpus")
        subprocess.run([sys.executable, src("data", "generator", "generate.py"), "--out", out,
                        "--only", "dirty", "--seed", "5"], check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "dirty", "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        referentiels = ("--referentiels", src("data", "referentiels"))
        for option, name in (("--offres", "offres.jsonl"), ("--formations", "formations.jsonl")):
            shutil.rmtree(self.root, ignore_errors=True)
            self.check_verdict(option, os.path.join(out, "dirty", name), expected[name],
                               *referentiels)

    def test_too_many_bad_records_publishes_nothing(self):
        self.index("--offres", src("data", "sample", "offres.jsonl"))
        r = self.index("--offres", src("data", "sample", "offres-bad.jsonl"), check=False)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("not published", r.stderr)
        self.assertEqual(self.current(), "generations/000001")
        self.assertEqual(os.listdir(os.path.join(self.root, "generations")), ["000001"])
        r = self.index("--offres", src("data", "sample", "offres-bad.jsonl"),
                       "--max-skipped", "0.8")
        self.assertEqual(self.current(), "generations/000002")

    def test_a_second_run_waits_or_exits_cleanly(self):
        self.index("--offres", src("data", "sample", "offres.jsonl"))
        with open(os.path.join(self.root, "lock"), "w") as lock:
            fcntl.lockf(lock, fcntl.LOCK_EX)
            r = self.index("--offres", src("data", "sample", "offres.jsonl"), "--no-wait",
                           check=False)
            self.assertEqual(r.returncode, 4)
            self.assertIn("another indexer run", r.stderr)
            waiting = subprocess.Popen(
                [ARGS.indexer, "--index", self.root, "--quiet",
                 "--referentiels", src("tests", "fixtures", "referentiels"),
                 "--offres", src("data", "sample", "offres.jsonl")],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            time.sleep(0.5)
            self.assertIsNone(waiting.poll(), "the second run should wait for the lock")
        out, err = waiting.communicate(timeout=60)
        self.assertEqual(waiting.returncode, 0, err)
        self.assertEqual(self.current(), "generations/000002")

    def test_kill_9_mid_build_leaves_the_live_generation_serving(self):
        self.index("--offres", src("data", "sample", "offres.jsonl"))
        s = self.serve()
        big = []
        for i in range(20000):
            o = dict(sample_offers()[i % 12])
            o["id"] = "K%06d" % i
            big.append(o)
        path = os.path.join(self.tmp, "big.jsonl")
        write_jsonl(path, big)
        for delay in (0.3, 1.2):
            p = subprocess.Popen([ARGS.indexer, "--index", self.root, "--quiet",
                                  "--referentiels", src("tests", "fixtures", "referentiels"),
                                  "--offres", path],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            self.assertIsNone(p.poll(), "the build ended before it could be killed")
            p.send_signal(signal.SIGKILL)
            p.wait()
            self.assertEqual(self.current(), "generations/000001")
            self.assertEqual(self.total(s, "")["total"], 12)
        r = self.index("--offres", path)
        self.assertIn("published generation", r.stdout)
        self.assertTrue(self.wait_for(lambda: self.total(s, "")["total"] == 20000, 3.0))
        leftovers = sorted(os.listdir(os.path.join(self.root, "generations")))
        self.assertEqual(leftovers[0], "000001")  # kept (--keep 3), crash debris removed
        self.assertEqual(len(leftovers), 2)
        self.assertFalse(os.path.exists(os.path.join(self.root, "work")))

    def test_incremental_upsert_and_delete_visible_to_searchd(self):
        self.index("--offres", src("data", "sample", "offres.jsonl"))
        s = self.serve()
        offers = sample_offers()
        changed = dict(offers[1], intitule="Infirmière de nuit en réanimation")
        added = dict(offers[2], id="301NEW1", intitule="Puéricultrice en maternité")
        path = os.path.join(self.tmp, "delta.jsonl")
        write_jsonl(path, [changed, added])
        deleted = os.path.join(self.tmp, "deleted.txt")
        with open(deleted, "w") as f:
            f.write("201AAAK\n999NONE\n")
        r = self.index("--incremental", "--offres", path, "--delete-offres", deleted)
        self.assertIn("indexed 2, skipped 0, duplicates replaced 1, deleted 1", r.stdout)
        self.assertTrue(self.wait_for(lambda: self.total(s, "réanimation")["total"] == 1, 3.0))
        self.assertEqual([h["id"] for h in self.total(s, "réanimation")["hits"]], ["201AAAB"])
        self.assertEqual(self.total(s, "")["total"], 12)
        self.assertEqual(self.total(s, "puericultrice maternite")["hits"][0]["id"], "301NEW1")
        self.assertEqual(self.total(s, "CCAS")["total"], 0)
        self.assertEqual(self.current(), "generations/000001")

    def test_no_request_fails_while_generations_switch(self):
        self.index("--offres", src("data", "sample", "offres.jsonl"))
        s = self.serve()
        failures, done = [], threading.Event()

        def hammer():
            while not done.is_set():
                try:
                    status, _, body = s.get_json("/v1/search?q=infirmier&facets=typeContrat")
                    if status != 200:
                        failures.append(status)
                except Exception as e:  # a reset or a timeout is a failure too
                    failures.append(repr(e))

        threads = [threading.Thread(target=hammer) for _ in range(4)]
        for t in threads:
            t.start()
        try:
            for _ in range(3):
                self.index("--offres", src("data", "sample", "offres.jsonl"))
                time.sleep(1.2)
        finally:
            done.set()
            for t in threads:
                t.join()
        self.assertEqual(failures, [])
        _, _, health = s.get_json("/health")
        self.assertEqual(health["index"]["generation"], "000004")

    def test_searchd_follows_a_new_generation(self):
        self.index("--offres", src("data", "sample", "offres-bad.jsonl"), "--max-skipped", "1")
        s = self.serve()
        self.assertEqual(self.total(s, "")["total"], 1)
        started = time.time()
        self.index("--offres", src("data", "sample", "offres.jsonl"))
        self.assertTrue(self.wait_for(lambda: self.total(s, "")["total"] == 12, 2.5))
        self.assertLess(time.time() - started, 5)
        _, _, health = s.get_json("/health")
        self.assertEqual(health["index"]["generation"], "000002")
        self.assertEqual(health["index"]["reloads"], 1)


if __name__ == "__main__":
    main(sys.modules[__name__])
