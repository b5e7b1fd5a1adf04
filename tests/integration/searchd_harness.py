"""Shared helpers for integration tests: build an index with the real indexer, start the real
searchd on a free loopback port, talk HTTP to it, and stop it cleanly (checking its exit status,
which is how sanitizer reports such as leaks fail a test)."""
import http.client
import json
import os
import signal
import subprocess
import tempfile
import time


class Searchd:
    def __init__(self, searchd, db, stopwords, extra_args=()):
        self.proc = subprocess.Popen(
            [searchd, "--db", db, "--port", "0", "--stopwords", stopwords, *extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "listening on" not in line:
            self.proc.kill()
            raise RuntimeError("searchd did not start: %r %s" % (line, self.proc.stderr.read()))
        self.port = int(line.rsplit(":", 1)[1])

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
        """SIGTERM, then the exit status and stderr (a sanitizer report makes it non-zero)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            _, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return self.proc.returncode, err


def run_indexer(indexer, args):
    return subprocess.run([indexer, *args], capture_output=True, text=True, timeout=600)


def temp_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)
