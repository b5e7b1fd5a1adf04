"""A local stand-in for the France Travail API, for the ingestion tests: the OAuth2 token
endpoint and /v2/offres/search with range paging (206 while more remain, 200 for the last page,
204 when there is nothing), Content-Range, and faults served once each on request: 429 with
Retry-After, 500, a reply slower than the client's timeout, a malformed body, a 401 for an
expired token. Tokens are refused once expires_in has passed. GET /_stats tells what was served.

  python3 ft_fixture.py [--faults 429,500,slow,malformed,401] [--expires-in S]
                        [--retry-after VALUE] [--refuse-tokens]        (prints "port N")"""
import argparse
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

CLIENT_ID, CLIENT_SECRET = "test-id", "test-secret"
# Offers per département: 69 needs splitting by contract type, 59 even then overflows.
SIZES = {"75": 320, "13": 0, "69": 3300, "2A": 7, "59": 36300, "33": 3200}
# Offers of a contract type outside the API's list, counted only by an unfiltered search.
UNLISTED = {"33": 120}
TYPES = ["CDI", "CDD", "MIS", "SAI", "CCE", "FRA", "LIB", "REP", "TTI", "DDI", "DIN"]


def offer(dep, i):
    return {"id": "%s%05d" % (dep.replace("A", "9"), i), "intitule": "Aide-soignant (H/F) %d" % i,
            "description": "Soins d'hygiène et de confort.", "romeCode": "J1501",
            "typeContrat": TYPES[i % len(TYPES)], "dateCreation": "2026-11-01T08:00:00.000Z",
            "lieuTravail": {"libelle": "%s - VILLE" % dep}}


def search(dep, contract):
    """(total, the k-th offer's number) of a search, without building every offer."""
    total = SIZES.get(dep, 0)
    if not contract:
        return total + UNLISTED.get(dep, 0), lambda k: k
    t = TYPES.index(contract)
    return max(0, (total - t + len(TYPES) - 1) // len(TYPES)), lambda k: t + len(TYPES) * k


class State:
    def __init__(self, faults, expires_in=1499, retry_after="1", refuse_tokens=False):
        self.faults = set(faults)
        self.expires_in, self.retry_after = expires_in, retry_after
        self.refuse_tokens = refuse_tokens  # every token refused, as with a wrong scope
        self.unauthorized = 0
        self.lock = threading.Lock()
        self.tokens = 0
        self.searches = 0
        self.served = {}  # (dep, first) -> times
        self.faults_served = []
        self.valid_tokens = {}  # token -> monotonic expiry


def take_fault(state, name):
    with state.lock:
        if name in state.faults:
            state.faults.discard(name)
            state.faults_served.append(name)
            return True
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        state = self.server.state
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        if (form.get("grant_type") != ["client_credentials"] or
                form.get("client_id") != [CLIENT_ID] or form.get("client_secret") != [CLIENT_SECRET]):
            return self.reply(401, b'{"error":"invalid_client"}')
        with state.lock:
            state.tokens += 1
            token = "token-%d" % state.tokens
            if not state.refuse_tokens:
                state.valid_tokens[token] = time.monotonic() + state.expires_in
        body = json.dumps({"access_token": token, "token_type": "Bearer",
                           "expires_in": state.expires_in,
                           "scope": form.get("scope", [""])[0]}).encode()
        self.reply(200, body, [("Content-Type", "application/json")])

    def do_GET(self):
        state = self.server.state
        url = urlparse(self.path)
        if url.path == "/_stats":
            with state.lock:
                body = json.dumps({"tokens": state.tokens, "searches": state.searches,
                                   "unauthorized": state.unauthorized,
                                   "faults": state.faults_served,
                                   "pages": {"%s@%d" % k: v for k, v in state.served.items()}})
            return self.reply(200, body.encode())
        if url.path != "/v2/offres/search":
            return self.reply(404)
        auth = self.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else ""
        with state.lock:
            valid = state.valid_tokens.get(token, 0) > time.monotonic()
            if not valid:
                state.unauthorized += 1
        if not valid:
            return self.reply(401, b'{"message":"invalid token"}')
        if take_fault(state, "401"):
            with state.lock:
                state.valid_tokens.pop(token, None)
            return self.reply(401, b'{"message":"token expired"}')
        q = parse_qs(url.query)
        with state.lock:
            state.searches += 1
        # at most one fault per request, in this order
        if take_fault(state, "429"):
            return self.reply(429, b'{"message":"quota"}', [("Retry-After", state.retry_after)])
        if take_fault(state, "500"):
            return self.reply(500, b'{"message":"oops"}')
        if take_fault(state, "slow"):
            time.sleep(2.5)  # beyond the client's timeout: it has gone when this is sent
            try:
                return self.reply(206, b'{"resultats": []}')
            except OSError:
                return None
        if take_fault(state, "malformed"):
            return self.reply(206, b'{"resultats": [{"id": "trunc')
        dep = q.get("departement", [""])[0]
        if dep == "99":  # a département that always fails, for the give-up path
            return self.reply(503, b'{"message":"maintenance"}')
        m = re.fullmatch(r"(\d+)-(\d+)", q.get("range", ["0-149"])[0])
        first, last = int(m.group(1)), int(m.group(2))
        if last - first + 1 > 150:
            return self.reply(400, '{"message":"plage trop importante"}'.encode())
        if first > 3000:
            return self.reply(400, '{"message":"La position de début doit être inférieure ou égale à 3000."}'.encode())
        contract = q.get("typeContrat", [""])[0]
        total, number = search(dep, contract)
        if first >= total:
            return self.reply(204, b"", [("Content-Range", "offres */%d" % total)])
        end = min(last, total - 1)
        with state.lock:
            key = (dep + (":" + contract if contract else ""), first)
            state.served[key] = state.served.get(key, 0) + 1
        body = json.dumps({"resultats": [offer(dep, number(k)) for k in range(first, end + 1)],
                           "filtresPossibles": []}).encode()
        status = 206 if end < total - 1 else 200
        self.reply(status, body, [("Content-Type", "application/json"),
                                  ("Content-Range", "offres %d-%d/%d" % (first, end, total)),
                                  ("Accept-Range", "150")])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--faults", default="")
    p.add_argument("--expires-in", type=int, default=1499)
    p.add_argument("--retry-after", default="1")
    p.add_argument("--refuse-tokens", action="store_true")
    args = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.state = State((f for f in args.faults.split(",") if f), args.expires_in,
                         args.retry_after, args.refuse_tokens)
    print("port %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
