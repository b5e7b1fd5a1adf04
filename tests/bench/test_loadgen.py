#!/usr/bin/env python3
"""loadgen against a stub server whose every reply is known (tests/bench/stub_server.py):
percentiles against known delays, exact request and byte counts, errors by kind (HTTP
statuses, closed and truncated connections, timeouts, refused connections), shuffling, warm-up,
and coordinated omission: a server that stalls for one second must show in p99 at a fixed
rate, not in a closed loop.

  python3 tests/bench/test_loadgen.py --loadgen build/bench/loadgen"""
import argparse
import collections
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stub_server import StubServer, expected_reply  # noqa: E402

ARGS = None
OPTIONS = ["--url", "--paths", "--connections", "--duration", "--requests", "--warmup", "--rate",
           "--shuffle", "--timeout", "--header", "--json", "--quiet", "--help"]


class StubTestCase(unittest.TestCase):
    """A stub server per test, and loadgen runs against it."""

    def setUp(self):
        self.server = StubServer()
        self.url = f"http://127.0.0.1:{self.server.port}"
        self.dir = tempfile.mkdtemp(prefix="ps-loadgen-")

    def tearDown(self):
        self.server.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def write_paths(self, lines):
        path = os.path.join(self.dir, "paths.txt")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return path

    def run_loadgen(self, lines, *args, expect_status=0, timeout=60):
        """Runs loadgen over lines with --json; returns the parsed JSON."""
        out = os.path.join(self.dir, "result.json")
        cmd = [ARGS.loadgen, "--url", self.url, "--paths", self.write_paths(lines),
               "--json", out, "--quiet", *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        self.assertEqual(proc.returncode, expect_status, proc.stderr)
        self.assertNotIn("Sanitizer", proc.stderr)
        with open(out) as f:
            return json.load(f)

    def server_count(self):
        with urllib.request.urlopen(self.url + "/count", timeout=10) as reply:
            return json.load(reply)

    def assert_between(self, value, low, high, what):
        self.assertTrue(low <= value <= high, f"{what} = {value}, expected {low} to {high}")


class LatencyTest(StubTestCase):
    def test_percentiles_match_known_delays(self):
        # 90 requests of 2 ms and 10 of 30 ms in every 100: p50 and p75 are 2 ms, p99 30 ms.
        # (p90 is the slowest 2-ms request: the rank most exposed to a busy machine's noise.
        # The upper bounds leave room for that noise and still tell 2 ms from 30 ms.)
        lines = ["/sleep/30" if i % 10 == 9 else "/sleep/2" for i in range(100)]
        r = self.run_loadgen(lines, "--requests", "500", "--connections", "4")
        self.assertEqual((r["sent"], r["replies"], r["status"]["2xx"]), (500, 500, 500))
        self.assertEqual(r["errors_total"], 0)
        self.assertEqual(self.server_count()["requests"], 500)
        lat = r["latency_ms"]
        self.assert_between(lat["min"], 2 * 0.99, 6, "min")
        self.assert_between(lat["p50"], 2 * 0.99, 8, "p50")
        self.assert_between(lat["p75"], 2 * 0.99, 10, "p75")
        self.assert_between(lat["p99"], 30 * 0.99, 50, "p99")
        self.assertGreaterEqual(lat["max"], 30 * 0.99)
        self.assert_between(lat["mean"], 4.8 * 0.99, 12, "mean")
        self.assertEqual(r["latency_ms"], r["service_ms"])  # a closed loop waits for nothing
        # Every line was sent five times, and the bytes are those of the replies.
        self.assertEqual(collections.Counter(self.server.paths),
                         collections.Counter(lines * 5))
        self.assertEqual(r["bytes_received"], 5 * sum(len(expected_reply(p)) for p in lines))
        self.assertEqual(r["connections_opened"], 4)
        # Plus loadgen's first probe of the address and the two /count queries.
        self.assertEqual(self.server_count()["connections"], 4 + 1 + 2)

    def test_coordinated_omission(self):
        # 600 requests at 300/s on 4 connections; request 150 freezes the server for 1 s
        # (t = 0.5 s to 1.5 s). At a fixed rate the ~300 requests due meanwhile count their
        # wait; in a closed loop only the 4 in flight see it.
        lines = ["/sleep/1"] * 600
        lines[149] = "/stall/1000"
        fixed = self.run_loadgen(lines, "--rate", "300", "--requests", "600",
                                 "--connections", "4")
        self.assertEqual((fixed["sent"], fixed["replies"]), (600, 600))
        self.assertGreaterEqual(fixed["latency_ms"]["p99"], 500)
        self.assertGreaterEqual(fixed["latency_ms"]["p90"], 100)
        self.assertGreaterEqual(fixed["latency_ms"]["max"], 900)
        self.assertGreater(fixed["waited_for_connection"], 100)
        self.assertGreater(fixed["max_send_delay_ms"], 500)
        # The time from the actual send hides the wait: that is coordinated omission.
        self.assertLess(fixed["service_ms"]["p90"], 100)
        self.server.paths.clear()
        closed = self.run_loadgen(lines, "--requests", "600", "--connections", "4")
        self.assertEqual(closed["replies"], 600)
        self.assertLess(closed["latency_ms"]["p99"], 200)
        self.assertGreaterEqual(closed["latency_ms"]["max"], 900)

    def test_fixed_rate_is_kept(self):
        r = self.run_loadgen(["/sleep/0"], "--rate", "400", "--duration", "1",
                             "--connections", "8")
        self.assert_between(r["sent"], 396, 401, "sent")  # 400/s for 1 s
        self.assertEqual(r["replies"], r["sent"])
        self.assert_between(r["rps"], 360, 440, "rps")
        self.assertEqual((r["mode"], r["rate"], r["unsent"]), ("rate", 400, 0))


class ErrorTest(StubTestCase):
    def test_http_errors_by_status(self):
        lines = ["/sleep/0"] * 16 + ["/status/500", "/status/404", "/status/503", "/status/500"]
        r = self.run_loadgen(lines, "--requests", "200", "--connections", "3")
        self.assertEqual(r["status"], {"1xx": 0, "2xx": 160, "3xx": 0, "4xx": 10, "5xx": 30,
                                       "other": 0})
        self.assertEqual(r["errors"], {"connect": 0, "timeout": 0, "read": 0, "write": 0,
                                       "protocol": 0, "http_4xx": 10, "http_5xx": 30})
        self.assertEqual(r["errors_total"], 40)
        self.assertEqual(r["replies"], 200)

    def test_closed_and_truncated_connections(self):
        lines = ["/sleep/0"] * 7 + ["/close", "/truncate", "/connclose"]
        r = self.run_loadgen(lines, "--requests", "100", "--connections", "4")
        self.assertEqual(r["errors"]["read"], 20)  # /close and /truncate, 10 times each
        self.assertEqual(r["errors_total"], 20)
        self.assertEqual(r["replies"], 80)  # /connclose is a reply, then a new connection
        self.assertEqual(r["bytes_received"],
                         10 * sum(len(expected_reply(p) or b"") for p in lines))
        # 4 at the start, then one after each of the 30 closes (but the last few).
        self.assert_between(r["connections_opened"], 4 + 26, 4 + 30, "connections_opened")
        self.assertEqual(self.server_count()["requests"], 100)

    def test_chunked_and_long_replies(self):
        lines = ["/chunked/1000", "/bytes/70000", "/chunked/40000", "/bytes/0"]
        r = self.run_loadgen(lines, "--requests", "40", "--connections", "2")
        self.assertEqual((r["replies"], r["errors_total"]), (40, 0))
        self.assertEqual(r["bytes_received"], 10 * sum(len(expected_reply(p)) for p in lines))

    def test_timeouts(self):
        lines = ["/sleep/0"] * 3 + ["/sleep/3000"]
        start = time.monotonic()
        r = self.run_loadgen(lines, "--requests", "8", "--connections", "2", "--timeout", "0.3")
        self.assertLess(time.monotonic() - start, 2.5)
        self.assertEqual(r["errors"]["timeout"], 2)
        self.assertEqual(r["replies"], 6)

    def test_refused_connections(self):
        # Request 30 makes the server stop listening: that connection breaks (a read error)
        # and cannot come back (connect errors, retried every 100 ms); the other goes on.
        lines = ["/sleep/1"] * 29 + ["/die"] + ["/sleep/1"] * 10000
        r = self.run_loadgen(lines, "--duration", "1", "--connections", "2")
        self.assertEqual(r["errors"]["read"], 1)
        self.assert_between(r["errors"]["connect"], 3, 12, "connect errors")
        self.assertGreater(r["status"]["2xx"], 100)

    def test_server_gone_for_good(self):
        # With --requests, a server that stops listening must not keep loadgen retrying
        # forever: it stops once no connection could be made for --timeout seconds.
        lines = ["/sleep/0"] * 9 + ["/die"] + ["/sleep/0"] * 100
        start = time.monotonic()
        r = self.run_loadgen(lines, "--requests", "1000", "--connections", "1",
                             "--timeout", "0.5")
        self.assertLess(time.monotonic() - start, 5)
        self.assertTrue(r["gave_up"])
        self.assertEqual((r["replies"], r["errors"]["read"]), (9, 1))
        self.assertGreaterEqual(r["errors"]["connect"], 3)

    def test_nothing_succeeds(self):
        r = self.run_loadgen(["/status/503"], "--requests", "5", expect_status=1)
        self.assertEqual(r["status"]["5xx"], 5)


class BehaviourTest(StubTestCase):
    def test_file_order_and_shuffle(self):
        lines = [f"/bytes/{i}" for i in range(1, 31)]
        self.run_loadgen(lines, "--requests", "30", "--connections", "1")
        self.assertEqual(self.server.paths, lines)
        orders = []
        for seed in ("7", "7", "8"):
            self.server.paths.clear()
            self.run_loadgen(lines, "--requests", "30", "--connections", "1", "--shuffle", seed)
            orders.append(list(self.server.paths))
        self.assertEqual(orders[0], orders[1])
        self.assertNotEqual(orders[0], orders[2])
        self.assertNotEqual(orders[0], lines)
        self.assertEqual(sorted(orders[0]), sorted(lines))

    def test_warmup_is_not_measured(self):
        r = self.run_loadgen(["/sleep/5"], "--requests", "50", "--connections", "2",
                             "--warmup", "0.5")
        self.assertEqual((r["sent"], r["replies"]), (50, 50))
        self.assertGreater(self.server_count()["requests"], 50 + 40)
        self.assertEqual(r["warmup_s"], 0.5)

    def test_table_and_json_on_stdout(self):
        paths = self.write_paths(["/sleep/0"])
        proc = subprocess.run([ARGS.loadgen, "--url", self.url, "--paths", paths,
                               "--requests", "20", "--json", "-", "--quiet"],
                              capture_output=True, text=True, timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        r = json.loads(proc.stdout)
        for key in ("rps", "latency_ms", "errors", "bytes_received", "connections", "mode",
                    "rate", "measured_s", "duration_s", "warmup_s", "status"):
            self.assertIn(key, r)
        proc = subprocess.run([ARGS.loadgen, "--url", self.url, "--paths", paths,
                               "--requests", "20"], capture_output=True, text=True, timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        for word in ("requests/s", "p50", "p99.9", "2xx 20", "timeout 0", "received"):
            self.assertIn(word, proc.stdout)

    def test_interrupt_reports_what_was_measured(self):
        paths = self.write_paths(["/sleep/1"])
        out = os.path.join(self.dir, "r.json")
        proc = subprocess.Popen([ARGS.loadgen, "--url", self.url, "--paths", paths,
                                 "--duration", "60", "--json", out, "--quiet"],
                                stderr=subprocess.PIPE, text=True)
        time.sleep(0.7)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
        self.assertEqual(proc.returncode, 0, err)
        with open(out) as f:
            r = json.load(f)
        self.assertTrue(r["interrupted"])
        self.assertGreater(r["replies"], 10)
        self.assert_between(r["measured_s"], 0.4, 5, "measured_s")


class UsageTest(unittest.TestCase):
    def run_cmd(self, *args):
        return subprocess.run([ARGS.loadgen, *args], capture_output=True, text=True, timeout=30)

    def test_help_lists_every_option(self):
        proc = self.run_cmd("--help")
        self.assertEqual(proc.returncode, 0)
        listed = {w.rstrip(",.)=") for w in proc.stdout.split() if w.startswith("--")}
        self.assertEqual(listed - {"--rate=500"}, set(OPTIONS), proc.stdout)

    def test_usage_errors(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
            f.write("/v1/search\n")
            f.flush()
            for url, words in (("https://127.0.0.1:1", "https"), ("127.0.0.1:80", "http://"),
                               ("http://127.0.0.1:99999", "port")):
                proc = self.run_cmd("--url", url, "--paths", f.name)
                self.assertEqual(proc.returncode, 2, proc.stderr)
                self.assertIn(words, proc.stderr)
            proc = self.run_cmd("--url", "http://127.0.0.1:1", "--paths", "/nonexistent/p.txt")
            self.assertEqual(proc.returncode, 2)
            self.assertIn("cannot open /nonexistent/p.txt", proc.stderr)
            proc = self.run_cmd("--url", "http://127.0.0.1:1", "--paths", f.name, "--rate", "x")
            self.assertEqual(proc.returncode, 2)
            self.assertIn("--rate", proc.stderr)
            # Nothing listens on port 1: a clear message at once, not a run full of errors.
            proc = self.run_cmd("--url", "http://127.0.0.1:1", "--paths", f.name)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("cannot connect to 127.0.0.1:1", proc.stderr)
            proc = self.run_cmd("--url", "http://no-such-host.invalid", "--paths", f.name)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("no-such-host.invalid", proc.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--loadgen", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
