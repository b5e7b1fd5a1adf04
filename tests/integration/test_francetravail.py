"""Ingestion from the France Travail API (indexer --fetch-francetravail) against the local
fixture server: paging, 204, the 3,150 window, faults retried (429 with Retry-After, 500, a slow
reply, a malformed body, an expired token), giving up cleanly, and secrets kept out of output.

Usage: test_francetravail.py --indexer PATH --searchd PATH --source-dir DIR"""
import json
import os
import shutil
import subprocess
import sys
import time
import unittest
import urllib.request

from searchd_harness import main, run_indexer, temp_dir

ARGS = None
HERE = os.path.dirname(os.path.abspath(__file__))


class Fixture:
    def __init__(self, faults="", *options):
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "ft_fixture.py"),
                                      "--faults", faults, *options], stdout=subprocess.PIPE,
                                     text=True)
        self.port = int(self.proc.stdout.readline().split()[1])

    def stats(self):
        with urllib.request.urlopen("http://127.0.0.1:%d/_stats" % self.port) as r:
            return json.load(r)

    def env(self, secret="test-secret", **extra):
        env = dict(os.environ, FT_CLIENT_ID="test-id", FT_CLIENT_SECRET=secret,
                   FT_TOKEN_URL="http://127.0.0.1:%d/token?realm=%%2Fpartenaire" % self.port,
                   FT_API_BASE="http://127.0.0.1:%d" % self.port, FT_RATE="1000",
                   FT_TIMEOUT_MS="1000")
        env.update(extra)
        return env

    def stop(self):
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()


class FranceTravailTest(unittest.TestCase):
    def setUp(self):
        self.tmp = temp_dir("ps-ft-")
        self.out = os.path.join(self.tmp, "offres.jsonl")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def fetch(self, fixture, departements, timeout=120, **env):
        return subprocess.run([ARGS.indexer, "--fetch-francetravail", self.out,
                               "--departements", departements], env=fixture.env(**env),
                              capture_output=True, text=True, timeout=timeout)

    def ids(self):
        with open(self.out, encoding="utf-8") as f:
            return [json.loads(line)["id"] for line in f]

    def test_paging_204_and_split(self):
        fixture = Fixture()
        try:
            r = self.fetch(fixture, "75,13,69,2A")
            stats = fixture.stats()
        finally:
            fixture.stop()
        self.assertEqual(r.returncode, 0, r.stderr)
        ids = self.ids()
        self.assertEqual(len(ids), 320 + 0 + 3300 + 7)  # 69 fetched contract type by type
        self.assertEqual(len(set(ids)), len(ids))
        self.assertNotIn("serves the first", r.stderr)
        self.assertTrue(any(k.startswith("69:CDI@") for k in stats["pages"]), stats["pages"])
        self.assertEqual([k for k in stats["pages"] if k.startswith("69@")], ["69@0"])
        self.assertTrue(all(n == 1 for n in stats["pages"].values()), stats["pages"])
        self.assertEqual(stats["tokens"], 1)
        self.assertIn("fetched 3627 offers", r.stdout)
        # what was fetched indexes like any export
        r = run_indexer(ARGS.indexer, ["--index", os.path.join(self.tmp, "index"), "--quiet",
                                       "--referentiels", os.path.join(ARGS.source_dir, "tests",
                                                                      "fixtures", "referentiels"),
                                       "--offres", self.out])
        self.assertIn("indexed 3627, skipped 0", r.stdout)

    def test_window_overflow_is_reported(self):
        fixture = Fixture()
        try:
            r = self.fetch(fixture, "59")
        finally:
            fixture.stop()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(self.ids()), 11 * 3150)
        self.assertIn("département 59 CDI: 3300 offers, the API serves the first 3150", r.stderr)

    def test_faults_are_retried(self):
        fixture = Fixture("429,500,slow,malformed,401")
        try:
            r = self.fetch(fixture, "75,2A")
            stats = fixture.stats()
        finally:
            fixture.stop()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(self.ids()), sorted(set(self.ids())))
        self.assertEqual(len(self.ids()), 327)
        self.assertEqual(sorted(stats["faults"]), ["401", "429", "500", "malformed", "slow"])
        self.assertEqual(stats["tokens"], 2)  # renewed after the 401
        self.assertIn("1 rate limited, 1 server errors, 1 timeouts, 1 malformed", r.stdout)

    def test_short_lived_token_is_renewed_before_it_expires(self):
        fixture = Fixture("", "--expires-in", "2")
        try:
            start = time.monotonic()
            r = self.fetch(fixture, "75,69", FT_RATE="20")  # 26 searches: over a second
            elapsed = time.monotonic() - start
            stats = fixture.stats()
        finally:
            fixture.stop()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(self.ids()), 320 + 3300)
        self.assertEqual(len(set(self.ids())), len(self.ids()))
        self.assertEqual(stats["unauthorized"], 0)  # renewed before the fixture refused it
        self.assertGreaterEqual(stats["tokens"], 2)
        self.assertLessEqual(stats["tokens"], elapsed + 2, stats)  # not one per call

    def test_retry_after_that_is_not_a_delay_falls_back_to_backoff(self):
        for value in ("1e30", "inf", "Wed, 21 Oct 2015 07:28:00 GMT"):
            fixture = Fixture("429", "--retry-after", value)
            try:
                start = time.monotonic()
                r = self.fetch(fixture, "2A", timeout=30)
                elapsed = time.monotonic() - start
            finally:
                fixture.stop()
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(len(self.ids()), 7)
            self.assertLess(elapsed, 5, value)
            self.assertIn("1 rate limited", r.stdout)

    def test_a_token_always_refused_is_named(self):
        fixture = Fixture("", "--refuse-tokens")
        try:
            r = self.fetch(fixture, "75", FT_MAX_RETRIES="2")
            stats = fixture.stats()
        finally:
            fixture.stop()
        self.assertEqual(r.returncode, 1)
        self.assertIn("/v2/offres/search: HTTP 401 even with a new token", r.stderr)
        self.assertEqual(stats["tokens"], 3)

    def test_contract_types_that_do_not_add_up_are_reported(self):
        fixture = Fixture()
        try:
            r = self.fetch(fixture, "33")
        finally:
            fixture.stop()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(self.ids()), 3200)
        self.assertIn("département 33: 3320 offers, 3200 found contract type by contract type",
                      r.stderr)

    def test_giving_up_publishes_nothing_and_names_the_url(self):
        fixture = Fixture()
        try:
            r = self.fetch(fixture, "75,99", FT_MAX_RETRIES="2")
        finally:
            fixture.stop()
        self.assertEqual(r.returncode, 1)
        self.assertIn("/v2/offres/search: HTTP 503 after 2 retries", r.stderr)
        self.assertFalse(os.path.exists(self.out))
        self.assertFalse(os.path.exists(self.out + ".part"))

    def test_bad_credentials_and_secrets_never_printed(self):
        fixture = Fixture()
        try:
            r = self.fetch(fixture, "75", secret="s3cr3t-value")
        finally:
            fixture.stop()
        self.assertEqual(r.returncode, 1)
        self.assertIn("token request to http://127.0.0.1", r.stderr)
        self.assertNotIn("s3cr3t-value", r.stderr + r.stdout)
        self.assertNotIn("test-id", r.stderr + r.stdout)
        missing = subprocess.run([ARGS.indexer, "--fetch-francetravail", self.out],
                                 env={"PATH": os.environ.get("PATH", "")},
                                 capture_output=True, text=True, timeout=30)
        self.assertEqual(missing.returncode, 2)
        self.assertIn("FT_CLIENT_ID and FT_CLIENT_SECRET must be set", missing.stderr)


if __name__ == "__main__":
    main(sys.modules[__name__])
