"""The search API contract (docs/api.md) against a real searchd over a small corpus: every
route and parameter, and totals and disjunctive facet counts checked against a brute-force
computation over the same records, geo included.

Usage: test_api.py --indexer PATH --searchd PATH --source-dir DIR"""
import csv
import html
import json
import math
import os
import random
import re
import shutil
import sys
import unicodedata
import unittest
from datetime import datetime, timedelta, timezone
from urllib.parse import quote, urlencode

from searchd_harness import Searchd, main, run_indexer, temp_dir

ARGS = None
NOW = datetime(2026, 11, 20, 6, 0, 0, tzinfo=timezone.utc)
CONTRACTS = ["CDI", "CDD", "MIS", "LIB", "SAI"]


def src(*parts):
    return os.path.join(ARGS.source_dir, *parts)


def referentiels():
    return src("tests", "fixtures", "referentiels")


def read_tsv(name):
    with open(os.path.join(referentiels(), name), encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return rows[1:] if rows and rows[0][0] in ("insee", "code", "slug") else rows


def stop_words():
    with open(src("stopwords", "fr.txt"), encoding="utf-8") as f:
        return {w for w in (line.split("#")[0].strip() for line in f) if w}


def familles_by_rome():
    """An offer counts in the familles of every métier filed under its ROME code."""
    out = {}
    for slug, code, label, fams in read_tsv("metiers.tsv"):
        have = out.setdefault(code, [])
        have.extend(f for f in fams.split(",") if f not in have)
    return out


def haversine(lat1, lon1, lat2, lon2):
    r = math.radians
    a = (math.sin(r(lat2 - lat1) / 2) ** 2 +
         math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def make_corpus(path, n=600, seed=7):
    """Offers derived from the sample, with places, codes and dates spread at random."""
    rng = random.Random(seed)
    with open(src("data", "sample", "offres.jsonl"), encoding="utf-8") as f:
        base = [json.loads(line) for line in f]
    communes = [r for r in read_tsv("communes.tsv")]
    records = []
    for i in range(n):
        o = json.loads(json.dumps(base[i % len(base)]))
        c = rng.choice(communes)
        o["id"] = "T%06d" % i
        o["lieuTravail"] = {"libelle": "%s - %s" % (c[3], c[1].upper()), "commune": c[0],
                            "codePostal": c[2].split(",")[0],
                            "latitude": float(c[6]) + rng.uniform(-0.05, 0.05),
                            "longitude": float(c[7]) + rng.uniform(-0.05, 0.05)}
        o["typeContrat"] = rng.choice(CONTRACTS)
        o["experienceExige"] = rng.choice("DSE")
        o["dureeTravailLibelleConverti"] = rng.choice(["Temps plein", "Temps partiel"])
        o["alternance"] = rng.random() < 0.2
        created = NOW - timedelta(days=rng.uniform(0, 60))
        o["dateCreation"] = created.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        records.append(o)
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return records


class Expected:
    """Brute-force answers over the records, with the API's semantics."""

    def __init__(self, records):
        fams = familles_by_rome()
        deps = {r[0]: r[2] for r in read_tsv("departements.tsv")}
        coms = {r[0]: r for r in read_tsv("communes.tsv")}
        self.rows = []
        for o in records:
            com = coms[o["lieuTravail"]["commune"]]
            self.rows.append({
                "id": o["id"], "type": "offre", "famille": fams[o["romeCode"]],
                "codeROME": o["romeCode"], "typeContrat": o["typeContrat"],
                "experienceExige": o["experienceExige"], "departement": com[3],
                "region": deps[com[3]], "commune": com[0], "parent": com[9],
                "tempsPlein": "true" if o["dureeTravailLibelleConverti"] == "Temps plein"
                else "false",
                "alternance": "true" if o["alternance"] else "false",
                "lat": o["lieuTravail"]["latitude"], "lon": o["lieuTravail"]["longitude"],
                "date": datetime.strptime(o["dateCreation"], "%Y-%m-%dT%H:%M:%S.%fZ")
                .replace(tzinfo=timezone.utc)})

    @staticmethod
    def passes(row, name, values):
        v = row[name]
        return bool(set(v) & values) if isinstance(v, list) else v in values

    def answer(self, filters, centre=None, radius=None, days=None, facets=()):
        """(matching ids, {facet: {value: count}}) where facets are disjunctive."""
        def ok(row, skip=None):
            for name, values in filters.items():
                if name != skip and not self.passes(row, name, values):
                    return False
            if centre and haversine(centre[0], centre[1], row["lat"], row["lon"]) > radius:
                return False
            if days and row["date"] < NOW - timedelta(days=days):
                return False
            return True
        ids = {r["id"] for r in self.rows if ok(r)}
        counts = {}
        for f in facets:
            c = {}
            for r in self.rows:
                if ok(r, skip=f):
                    for v in (r[f] if isinstance(r[f], list) else [r[f]]):
                        c[v] = c.get(v, 0) + 1
            counts[f] = c
        return ids, counts


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = temp_dir("ps-api-")
        root = os.path.join(cls.tmp, "index")
        corpus = os.path.join(cls.tmp, "offres.jsonl")
        cls.records = make_corpus(corpus)
        cls.expected = Expected(cls.records)
        r = run_indexer(ARGS.indexer, [
            "--index", root, "--quiet", "--referentiels", referentiels(),
            "--offres", corpus, "--formations", src("tests", "fixtures", "formations.jsonl"),
            "--stopwords", src("stopwords", "fr.txt")])
        if r.returncode != 0:
            raise RuntimeError("indexer failed: " + r.stdout + r.stderr)
        cls.server_db = os.path.join(root, "current")
        cls.server = Searchd(ARGS.searchd, cls.server_db,
                             src("stopwords", "fr.txt"), referentiels(),
                             ["--now", NOW.strftime("%Y-%m-%dT%H:%M:%SZ"),
                              "--cors-origin", "https://prendresoin.example"])

    @classmethod
    def tearDownClass(cls):
        code, log = cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)
        if code != 0:
            raise RuntimeError("searchd exited with %d: %s" % (code, log))

    def get(self, **params):
        status, headers, body = self.server.get_json("/v1/search?" + urlencode(params))
        self.assertEqual(status, 200, body)
        return body

    def all_ids(self, **params):
        params.setdefault("limit", 100)
        body = self.get(**params)
        ids = [h["id"] for h in body["hits"]]
        offset = 100
        while offset < body["total"]:
            ids += [h["id"] for h in self.get(**dict(params, offset=offset))["hits"]]
            offset += 100
        return body, set(ids)

    def check_facets(self, body, expected):
        for name, counts in expected.items():
            got = {v["value"]: v["count"] for v in body["facets"][name]}
            self.assertEqual(got, {k: v for k, v in counts.items() if v}, name)

    # ---- structured queries against brute force --------------------------------------

    def test_totals_and_disjunctive_facets_match_brute_force(self):
        rng = random.Random(3)
        fields = {"typeContrat": CONTRACTS, "experienceExige": list("DSE"),
                  "tempsPlein": ["true", "false"], "alternance": ["true", "false"],
                  "famille": ["sante", "social", "handicap", "petite-enfance", "grand-age"],
                  "departement": ["75", "13", "69", "33", "2A", "974"],
                  "region": ["11", "93", "84", "75"]}
        facet_names = ["typeContrat", "experienceExige", "tempsPlein", "alternance", "famille",
                       "departement", "region", "codeROME"]
        for _ in range(25):
            chosen = rng.sample(sorted(fields), rng.randint(1, 3))
            filters = {f: set(rng.sample(fields[f], 1 if f in ("tempsPlein", "alternance")
                                         else rng.randint(1, 2))) for f in chosen}
            params = {f: ",".join(sorted(v)) for f, v in filters.items()}
            params.update(type="offre", facets=",".join(facet_names))
            ids, counts = self.expected.answer(filters, facets=facet_names)
            body, got = self.all_ids(**params)
            self.assertEqual(body["total"], len(ids), params)
            self.assertEqual(got, ids, params)
            self.check_facets(body, counts)
            again = self.get(**dict(params, limit=100))  # counts now from the cache
            del body["took_ms"], again["took_ms"]
            self.assertEqual(again, body, params)

    def test_geo_radius_distance_and_sort(self):
        for commune, (lat, lon), radius in [("86194", (46.58261, 0.34348), 10),
                                            ("75056", (48.85341, 2.34880), 25),
                                            ("13055", (43.29695, 5.38107), 200)]:
            ids, counts = self.expected.answer({}, centre=(lat, lon), radius=radius,
                                               facets=["departement"])
            body, got = self.all_ids(commune=commune, distance=radius, type="offre",
                                     facets="departement", sort="distance")
            self.assertEqual(got, ids, commune)
            self.check_facets(body, counts)
            again, _ = self.all_ids(commune=commune, distance=radius, type="offre",
                                    facets="departement", sort="date")
            self.assertEqual(again["total"], body["total"])
            self.assertEqual(again["facets"], body["facets"])
            distances = [h["distance_km"] for h in body["hits"]]
            self.assertEqual(distances, sorted(distances))
            self.assertTrue(all(d <= radius + 0.05 for d in distances))
        body = self.get(lat=48.85, lon=2.35, distance=5, limit=5)
        self.assertTrue(all("distance_km" in h for h in body["hits"]))

    def test_distance_zero_is_the_commune_and_its_arrondissements(self):
        body, got = self.all_ids(commune="75056", distance=0, type="offre")
        expected = {r["id"] for r in self.expected.rows
                    if r["commune"] == "75056" or r["parent"] == "75056"}
        self.assertEqual(got, expected)

    def test_publiee_depuis_uses_the_reference_time(self):
        ids, _ = self.expected.answer({}, days=7)
        body, got = self.all_ids(publieeDepuis=7, type="offre")
        self.assertEqual(got, ids)
        dates = [h["date"] for h in self.get(type="offre", limit=50)["hits"]]
        self.assertEqual(dates, sorted(dates, reverse=True))  # browse sorts by date

    def test_unfiltered_browse_equals_the_scanned_answer(self):
        facets = "type,famille,codeROME,typeContrat,departement,tempsPlein,alternance"
        precomputed = self.get(facets=facets, limit=30, offset=10)
        scanned = self.get(facets=facets, limit=30, offset=10, type="offre,formation,metier")
        for body in (precomputed, scanned):
            del body["took_ms"]
        self.assertEqual(precomputed, scanned)

    def test_date_order_is_nearest_to_now(self):
        """sort=date: offers from the newest back and trainings from the next session on, by
        the distance of their date from now; documents without a date last."""
        def away(h):
            if "date" not in h:
                return float("inf")
            when = datetime.strptime(h["date"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
            return abs((when - NOW).total_seconds())
        for params in ({}, {"type": "offre,formation,metier"}, {"type": "formation"},
                       {"q": "aide soignant", "sort": "date"}):
            hits = []
            for offset in range(0, 400, 100):
                hits += self.get(limit=100, offset=offset, **params)["hits"]
            keys = [away(h) for h in hits]
            self.assertEqual(keys, sorted(keys), params)
        first = self.get(type="formation", limit=1)["hits"][0]
        self.assertEqual(first["date"][:10], "2026-12-07")  # the next session, not the furthest

    def test_unfiltered_text_equals_the_scanned_answer(self):
        """Words without filters are answered from the match list's own counts and weight
        order; a filter that keeps everything forces the scan: the replies must agree."""
        facets = "type,famille,codeROME,typeContrat,departement,tempsPlein,alternance"
        for q in ("aide soignant", "infirmier", "educateur", "domicile"):
            for offset in (0, 7):
                direct = self.get(q=q, facets=facets, limit=15, offset=offset)
                scanned = self.get(q=q, facets=facets, limit=15, offset=offset,
                                   type="offre,formation,metier")
                for body in (direct, scanned):
                    del body["took_ms"]
                self.assertEqual(direct, scanned, q)
                self.assertGreater(direct["total"], 0, q)

    def test_type_facet_counts_every_collection(self):
        body = self.get(facets="type", limit=0)
        got = {v["value"]: v["count"] for v in body["facets"]["type"]}
        self.assertEqual(got, {"offre": len(self.records), "formation": 3})
        labels = {v["value"]: v["label"] for v in body["facets"]["type"]}
        self.assertEqual(labels["offre"], "Offre d'emploi")

    # ---- text --------------------------------------------------------------------------

    def test_text_query_with_filters_and_snippet(self):
        body = self.get(q="aide soignante", type="offre", facets="typeContrat", limit=5)
        self.assertGreater(body["total"], 0)
        self.assertEqual(body["matching"], "all")
        self.assertIn("<mark>", "".join(h.get("snippet", "") for h in body["hits"]))
        for h in body["hits"]:  # the whole title, escaped, its matching words marked
            self.assertIn("<mark>", h["title_html"])
            self.assertEqual(h["title_html"].replace("<mark>", "").replace("</mark>", ""),
                             html.escape(h["title"], quote=False).replace('"', "&quot;"))
        body = self.get(q="nuit", type="offre", limit=50)  # "IDE de nuit": marked from its start
        titles = [h for h in body["hits"] if h["title"].split()[0].lower() != "nuit"]
        self.assertTrue(titles)
        for h in titles:
            self.assertTrue(h["title_html"].startswith(html.escape(h["title"].split()[0])), h)
        self.assertEqual(body["hits"][0]["score"], 1.0)
        ids, _ = self.expected.answer({"codeROME": {"J1501"}})
        expected = {i for i in ids}
        _, got = self.all_ids(q="aide soignant", codeROME="J1501", type="offre")
        self.assertEqual(got, expected)

    def test_acronyms_are_expanded(self):
        _, ide = self.all_ids(q="IDE", type="offre")
        _, infirmier = self.all_ids(q="infirmier diplome etat", type="offre")
        self.assertTrue(infirmier <= ide and infirmier, (len(ide), len(infirmier)))

    def ranked_ids(self, records, *queries):
        """The ids of the hits for each query over a small index of records and the sample
        offers: a list per query."""
        with open(src("data", "sample", "offres.jsonl"), encoding="utf-8") as f:
            sample = [json.loads(line) for line in f]
        tmp = temp_dir("ps-ranking-")
        try:
            corpus = os.path.join(tmp, "offres.jsonl")
            with open(corpus, "w", encoding="utf-8") as f:
                for r in sample[2:] + [dict(sample[0], **r) for r in records]:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            r = run_indexer(ARGS.indexer, ["--index", os.path.join(tmp, "index"), "--quiet",
                                           "--referentiels", referentiels(), "--offres", corpus,
                                           "--stopwords", src("stopwords", "fr.txt")])
            self.assertEqual(r.returncode, 0, r.stderr)
            server = Searchd(ARGS.searchd, os.path.join(tmp, "index", "current"),
                             src("stopwords", "fr.txt"), referentiels())
            try:
                bodies = [server.get_json("/v1/search?" + urlencode({"q": q}))[2] for q in queries]
            finally:
                self.assertEqual(server.stop()[0], 0)
            return [[h["id"] for h in body["hits"]] for body in bodies]
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_an_acronym_and_its_expansion_weigh_as_one_word(self):
        """An ad with every word of "ide nuit urgences" in its title ranks above one that has
        them in its description only, however often it also spells out "infirmier diplômé
        d'État": the expansion is the acronym said another way, not three more words."""
        titled = {"id": "900TITLE", "intitule": "IDE de nuit aux urgences",
                  "description": "Poste de nuit au service des urgences. Travail en 12 heures."}
        spelled = {"id": "900SPELL", "intitule": "Cadre de santé",
                   "description": "Vous encadrez les IDE du pôle. Infirmier diplômé d'État de "
                                  "formation, vous coordonnez les infirmiers diplômés d'État de "
                                  "nuit et les urgences."}
        self.assertEqual(self.ranked_ids([titled, spelled], "ide nuit urgences"),
                         [["900TITLE", "900SPELL"]])

    def test_a_title_that_says_the_words_together_ranks_first(self):
        """"auxiliaire de vie": the auxiliaire de vie's ad before the auxiliaire de
        puériculture's in Saint-Gilles-Croix-de-Vie, although the latter is the shorter."""
        together = {"id": "900TOGETHER", "intitule": "Auxiliaire de vie sociale à domicile",
                    "description": "Vous accompagnez des personnes âgées à leur domicile pour "
                                   "les gestes du quotidien : lever, toilette, repas, courses, "
                                   "sorties, démarches administratives et entretien du logement, "
                                   "en lien avec la responsable de secteur et les familles."}
        apart = {"id": "900APART", "intitule": "Auxiliaire de puériculture - Croix-de-Vie",
                 "description": "Crèche de 40 berceaux."}
        self.assertEqual(self.ranked_ids([together, apart], "auxiliaire de vie"),
                         [["900TOGETHER", "900APART"]])

    def test_words_of_the_search_itself_are_left_out(self):
        """"offre emploi infirmier" finds the infirmier ads, not only those that say "emploi"."""
        plain = {"id": "900PLAIN", "intitule": "Infirmier de nuit",
                 "description": "Service de médecine, 30 lits."}
        said = {"id": "900SAID", "intitule": "Infirmier de jour",
                "description": "Un emploi stable : offre en CDI."}
        queries = ("offre emploi infirmier", "devenir infirmier", "job infirmier")
        for q, ids in zip(queries, self.ranked_ids([plain, said], *queries)):
            self.assertIn("900PLAIN", ids, q)

    def test_only_stop_words_is_a_browse(self):
        """Text with no word to weigh ("de la", "offre emploi") lists every document newest
        first, as no text does, not in index order."""
        browse = self.get(limit=20)
        for q in ("de la", "offre emploi"):
            body = self.get(q=q, limit=20)
            self.assertEqual(body["total"], browse["total"], q)
            self.assertEqual([h["id"] for h in body["hits"]], [h["id"] for h in browse["hits"]], q)

    def test_misspelling_is_corrected_when_nothing_matches(self):
        body = self.get(q="aide soigant")
        self.assertEqual(body["suggestion"], "aide soignant")
        self.assertEqual(body["matching"], "corrected")
        self.assertGreater(body["total"], 0)
        body = self.get(q="infirmiére")
        self.assertNotIn("suggestion", body)
        self.assertGreater(body["total"], 0)

    def test_suggestion_is_the_query_with_its_corrections(self):
        """Stop words, phrases and exclusions stay in the suggestion; a stop word is never a
        correction (it would become a required word)."""
        body = self.get(q='"aide soignant" de nuiit -cdd', limit=0)
        self.assertEqual(body.get("suggestion"), '"aide soignant" de nuit -cdd')
        body = self.get(q="Aide-Soignante  de nuiit, l'EHPAD", limit=0)  # the rest as typed
        self.assertEqual(body.get("suggestion"), "Aide-Soignante  de nuit, l'EHPAD")
        for typo in ("nu", "ed", "dse", "lse"):  # one or two edits from "un", "de", "des", "les"
            body = self.get(q="infirmier " + typo, limit=0)
            if "suggestion" in body:
                self.assertNotIn(body["suggestion"].split()[1], stop_words(), body)

    def test_partial_matches_rather_than_an_empty_page(self):
        body = self.get(q="infirmier astronaute")
        self.assertEqual(body["matching"], "any")
        self.assertGreater(body["total"], 0)

    def test_all_words_but_one_before_any_word(self):
        """Three words that no document has together: first the documents with two of them,
        not every document with one."""
        both = self.get(q="infirmier nuit", limit=0)["total"]
        most = self.get(q="infirmier nuit astronaute", limit=0)
        self.assertEqual(most["matching"], "most")
        self.assertEqual(most["total"], both)  # "astronaute" matches nothing: the other two
        anyone = self.get(q="infirmier astronaute cosmonaute", limit=0)
        self.assertEqual(anyone["matching"], "any")
        self.assertEqual(anyone["total"], self.get(q="infirmier", limit=0)["total"])

    def test_filters_do_not_loosen_the_text(self):
        """Words that match, filtered down to nothing (a point in the Atlantic): an empty page
        with its facets, not documents with any one of the words."""
        body = self.get(q="infirmier nuit", lat="45", lon="-30", distance="1", facets="type")
        self.assertEqual(body["matching"], "all")
        self.assertEqual(body["total"], 0)
        self.assertGreater(self.get(q="infirmier nuit", limit=0)["total"], 0)

    def test_short_acronyms_do_not_stem_into_stop_words(self):
        """Snowball turns "deas" into "de" and "ets" into "et": every document."""
        everything = self.get(limit=0)["total"]
        deas = self.get(q="DEAS", limit=0)["total"]
        self.assertGreater(deas, 0)
        self.assertLess(deas, everything / 2)
        self.assertLess(self.get(q="ets", limit=0)["total"], everything / 2)

    def test_offset_limit_paging_is_consistent(self):
        full = [h["id"] for h in self.get(q="soins", limit=40)["hits"]]
        paged = ([h["id"] for h in self.get(q="soins", limit=20)["hits"]] +
                 [h["id"] for h in self.get(q="soins", limit=20, offset=20)["hits"]])
        self.assertEqual(full, paged)

    # ---- other routes ------------------------------------------------------------------

    def test_documents_route(self):
        status, _, body = self.server.get_json("/v1/documents/offre/T000001")
        self.assertEqual(status, 200)
        self.assertEqual(body["id"], "T000001")
        self.assertIn("description", body)
        status, _, body = self.server.get_json("/v1/documents/formation/FR_AF_0000000002")
        self.assertEqual((status, body["type"]), (200, "formation"))
        for path in ("/v1/documents/offre/NOPE", "/v1/documents/chat/T000001",
                     "/v1/documents/offre"):
            status, _, body = self.server.get_json(path)
            self.assertEqual((status, body["error"]["code"]), (404, "not_found"), path)

    def test_suggest(self):
        status, _, body = self.server.get_json("/v1/suggest?q=poit")
        self.assertEqual(status, 200)
        self.assertEqual(body["communes"][0]["code"], "86194")
        body = self.server.get_json("/v1/suggest?q=" + quote("aide soi"))[2]
        self.assertIn("J1501", [m["codeROME"] for m in body["metiers"]])
        body = self.server.get_json("/v1/suggest?q=86000")[2]
        self.assertEqual(body["communes"][0]["nom"], "Poitiers")
        body = self.server.get_json("/v1/suggest?q=" + quote("éduc") + "&limit=2")[2]
        self.assertEqual(len(body["metiers"]), 2)
        self.assertEqual(self.server.get_json("/v1/suggest?limit=50")[0], 400)

    def test_suggest_by_postal_code_prefix(self):
        """Every commune (arrondissements aside) with a postal code starting with the digits,
        most populous first: the same as a scan of the référentiel."""
        communes = [r for r in read_tsv("communes.tsv") if not r[9]]
        for prefix in ("7", "75", "750", "86", "8600", "1", "2", "99999"):
            expected = sorted((c for c in communes
                               if any(cp.startswith(prefix) for cp in c[2].split(","))),
                              key=lambda c: -int(c[5]))
            body = self.server.get_json("/v1/suggest?limit=20&q=" + prefix)[2]
            self.assertEqual([c["code"] for c in body["communes"]], [c[0] for c in expected[:20]],
                             prefix)
        body = self.server.get_json("/v1/suggest?limit=1&q=7")[2]
        self.assertEqual(len(body["communes"]), 1)

    def test_suggest_by_name_prefix(self):
        """Communes (arrondissements aside) with a word of their name starting with each typed
        word, most populous first (ties in référentiel order): the same as a scan of the real
        référentiel, for prefixes shared by thousands of communes ("sa") as for a few."""
        def words(text):
            folded = "".join(ch for ch in unicodedata.normalize("NFD", text.lower())
                             if not unicodedata.combining(ch))
            folded = folded.replace("œ", "oe").replace("æ", "ae")
            return [w for w in re.split(r"[ \-'/(),.]+", folded) if w]

        real = src("data", "referentiels")
        with open(os.path.join(real, "communes.tsv"), encoding="utf-8") as f:
            rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
        communes = [(r, words(r[1])) for r in rows[1:] if not r[9]]
        server = Searchd(ARGS.searchd, self.server_db, src("stopwords", "fr.txt"), real)
        try:
            for query in ("sa", "saint", "saint e", "le", "b", "mont", "la r", "poit", "zzz"):
                typed = query.split()
                expected = sorted((c for c, ws in communes
                                   if all(any(w.startswith(t) for w in ws) for t in typed)),
                                  key=lambda c: -int(c[5]))
                body = server.get_json("/v1/suggest?limit=20&q=" + quote(query))[2]
                self.assertEqual([c["code"] for c in body["communes"]],
                                 [c[0] for c in expected[:20]], query)
        finally:
            self.assertEqual(server.stop()[0], 0)

    def test_cors_and_preflight(self):
        status, headers, _ = self.server.request("GET", "/health")
        self.assertEqual(headers["Access-Control-Allow-Origin"], "https://prendresoin.example")
        status, headers, body = self.server.request("OPTIONS", "/v1/search")
        self.assertEqual(status, 204)
        self.assertIn("GET", headers["Access-Control-Allow-Methods"])

    def test_metrics(self):
        self.get(q="infirmier")
        status, headers, body = self.server.request("GET", "/metrics")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/plain"))
        text = body.decode()
        self.assertIn('searchd_requests_total{route="search",status="200"}', text)
        self.assertIn('searchd_request_duration_seconds_bucket{route="search",le="+Inf"}', text)
        self.assertIn("searchd_index_documents %d" % (len(self.records) + 3), text)
        self.assertIn('searchd_reloads_total{result="failed"}', text)
        # the same request again comes from the reply cache, and /metrics counts it
        def hits():
            _, _, b = self.server.request("GET", "/metrics")
            return int(b.decode().split('searchd_reply_cache_total{result="hit"} ')[1].split()[0])
        before = hits()
        for _ in range(17):  # whichever of up to 16 workers answers, a repeat lands on a warm one
            self.get(q="metrics cache probe", limit=3)
        self.assertGreater(hits(), before)

    def test_access_log_is_json_lines(self):
        self.get(q="access-log-probe")
        with open(self.server.access_log, encoding="utf-8") as f:
            pass
        deadline = __import__("time").time() + 3
        lines = []
        while __import__("time").time() < deadline:
            with open(self.server.access_log, encoding="utf-8") as f:
                lines = [json.loads(l) for l in f if l.strip()]
            if any("access-log-probe" in l["uri"] for l in lines):
                break
            __import__("time").sleep(0.2)
        probe = [l for l in lines if "access-log-probe" in l["uri"]]
        self.assertEqual(probe[0]["status"], 200)

    def test_privileges_are_dropped_when_started_as_root(self):
        if os.geteuid() != 0:
            self.skipTest("not running as root")
        with open("/proc/%d/status" % self.server.proc.pid) as f:
            uid_line = next(l for l in f if l.startswith("Uid:"))
        self.assertNotIn("0", uid_line.split()[1:])

    # ---- bad requests ------------------------------------------------------------------

    def test_bad_requests_name_the_parameter(self):
        cases = {
            "distance=20": "distance", "commune=99999": "commune", "commune=75056&lat=1&lon=2":
            "commune", "lat=91&lon=2": "lat", "lat=45": "lon", "commune=75056&distance=201":
            "distance", "commune=75056&distance=abc": "distance", "type=chat": "type",
            "famille=sport": "famille", "codeROME=Z9999": "codeROME", "typeContrat=XXX":
            "typeContrat", "experienceExige=Q": "experienceExige", "tempsPlein=oui":
            "tempsPlein", "alternance=1": "alternance", "publieeDepuis=0": "publieeDepuis",
            "publieeDepuis=32": "publieeDepuis", "sort=random": "sort", "sort=distance": "sort",
            "facets=couleur": "facets", "departement=" + ",".join(["75"] * 11): "departement",
            "region=99": "region", "limit=abc": "limit", "offset=-1": "offset",
            "q=a&motsCles=b": "q", "q=%FF": "q", "q=" + "x" * 600: "q",
        }
        for query, parameter in cases.items():
            status, headers, body = self.server.get_json("/v1/search?" + query)
            self.assertEqual(status, 400, query)
            self.assertEqual(body["error"]["parameter"], parameter, query)
            self.assertTrue(headers["Content-Type"].startswith("application/json"))
        status, _, body = self.server.get_json("/v1/search?" + "q=" + "a" * 5000)
        self.assertEqual((status, body["error"]["code"]), (400, "invalid_query_string"))
        status, _, body = self.server.get_json("/v1/search?limit=5&q=abc%00def")
        self.assertEqual((status, body["error"]["code"]), (400, "invalid_query_string"))
        self.assertIn("parameter q holds an encoded NUL", body["error"]["message"])

    def test_idle_connections_are_closed(self):
        import socket
        idle = Searchd(ARGS.searchd, self.server_db, src("stopwords", "fr.txt"), referentiels(),
                       ["--timeout", "1"])
        try:
            conn = socket.create_connection(("127.0.0.1", idle.port), timeout=10)
            started = __import__("time").time()
            self.assertEqual(conn.recv(1), b"")  # the server closes the idle connection
            self.assertLess(__import__("time").time() - started, 5)
            conn.close()
        finally:
            code, log = idle.stop()
        self.assertEqual(code, 0, log)

    def test_oversized_request_is_refused(self):
        status, _, _ = self.server.request("GET", "/health", headers={"X-Big": "y" * 20000})
        self.assertIn(status, (400, 413, 431))


if __name__ == "__main__":
    main(sys.modules[__name__])
