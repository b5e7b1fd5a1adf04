"""Shared helpers for integration tests: build an index with the real indexer, start the real
searchd on a free loopback port, talk HTTP to it, and stop it cleanly (checking its exit status,
which is how sanitizer reports such as leaks fail a test)."""
import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest


class Searchd:
    """searchd on a free loopback port; its access log (stdout) and its log (stderr) go to
    files beside the index, so that no pipe can fill up and block it."""

    def __init__(self, searchd, db, stopwords, referentiels, extra_args=()):
        self.logdir = tempfile.mkdtemp(prefix="ps-searchd-")
        self.access_log = os.path.join(self.logdir, "access.log")
        self.log = os.path.join(self.logdir, "searchd.log")
        with open(self.access_log, "w") as out, open(self.log, "w") as err:
            self.proc = subprocess.Popen(
                [searchd, "--db", db, "--port", "0", "--stopwords", stopwords,
                 "--referentiels", referentiels, *extra_args], stdout=out, stderr=err)
        deadline = time.time() + 30
        while time.time() < deadline:
            text = self.read_log()
            if "listening on" in text:
                line = next(l for l in text.splitlines() if "listening on" in l)
                self.port = int(line.rsplit(":", 1)[1])
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        self.proc.kill()
        raise RuntimeError("searchd did not start: " + self.read_log())

    def read_log(self):
        with open(self.log, encoding="utf-8", errors="replace") as f:
            return f.read()

    def request(self, method, path, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, headers=headers or {})
            resp = conn.getresponse()
            body = resp.read()
            return resp.status, dict(resp.getheaders()), body
        finally:
            conn.close()

    def get_json(self, path):
        status, headers, body = self.request("GET", path)
        return status, headers, json.loads(body) if body else None

    def stop(self):
        """SIGTERM, then the exit status and the log (a sanitizer report makes it non-zero)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        log = self.read_log()
        shutil.rmtree(self.logdir, ignore_errors=True)
        return self.proc.returncode, log


def run_indexer(indexer, args):
    return subprocess.run([indexer, *args], capture_output=True, text=True, timeout=600)


def temp_dir(prefix):
    """A scratch folder readable by everyone: searchd started as root reads as nobody."""
    path = tempfile.mkdtemp(prefix=prefix)
    os.chmod(path, 0o755)
    return path


def main(module):
    """Parses --indexer, --searchd and --source-dir into module.ARGS, then runs its tests."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--indexer", required=True)
    parser.add_argument("--searchd", required=True)
    parser.add_argument("--source-dir", required=True)
    module.ARGS, rest = parser.parse_known_args()
    unittest.main(module=module, argv=[sys.argv[0], *rest], verbosity=2)
