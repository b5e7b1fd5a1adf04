"""Checks the référentiels in data/referentiels/: shapes, coverage, known communes, and that
every code one file names exists in the file that defines it."""
import csv
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, "..", "..", "data", "referentiels")


def rows(name):
    with open(os.path.join(REF, name), encoding="utf-8") as f:
        lines = [l for l in f.read().split("\n") if l and not l.startswith("#")]
    return [l.split("\t") for l in lines]


class Referentiels(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        communes = rows("communes.tsv")
        cls.header, cls.communes = communes[0], communes[1:]
        cls.by_insee = {r[0]: r for r in cls.communes}
        cls.departements = {r[0]: r for r in rows("departements.tsv")[1:]}
        cls.regions = {r[0]: r for r in rows("regions.tsv")[1:]}

    def test_shape(self):
        self.assertEqual(self.header, ["insee", "nom", "codes_postaux", "departement", "region",
                                       "population", "lat", "lon", "geo", "parent"])
        for r in self.communes:
            self.assertEqual(len(r), 10, r)
        self.assertEqual(len(self.by_insee), len(self.communes), "duplicate INSEE codes")
        kept = [r for r in self.communes if not r[9]]
        self.assertTrue(34000 < len(kept) < 35500, len(kept))  # communes on 1 January 2025
        self.assertEqual(len(self.departements), 101)
        self.assertEqual(sorted(self.regions), ["01", "02", "03", "04", "06", "11", "24", "27",
                                                "28", "32", "44", "52", "53", "75", "76", "84",
                                                "93", "94"])

    def test_known_communes(self):
        expected = {"75056": ("Paris", 48.85, 2.35), "13055": ("Marseille", 43.30, 5.38),
                    "69123": ("Lyon", 45.75, 4.85), "2A004": ("Ajaccio", 41.92, 8.74),
                    "2B033": ("Bastia", 42.70, 9.45), "97411": ("Saint-Denis", -20.88, 55.45),
                    "97302": ("Cayenne", 4.93, -52.33), "97611": ("Mamoudzou", -12.78, 45.23)}
        for insee, (nom, lat, lon) in expected.items():
            r = self.by_insee[insee]
            self.assertEqual(r[1], nom)
            self.assertAlmostEqual(float(r[6]), lat, delta=0.1)
            self.assertAlmostEqual(float(r[7]), lon, delta=0.1)
            self.assertEqual(r[8], "geonames")

    def test_arrondissements(self):
        for first, last, parent in (("75101", "75120", "75056"), ("69381", "69389", "69123"),
                                    ("13201", "13216", "13055")):
            for code in range(int(first), int(last) + 1):
                self.assertEqual(self.by_insee[str(code)][9], parent)

    def test_paris_arrondissements_have_their_own_centres(self):
        rows = [self.by_insee[str(code)] for code in range(75101, 75121)]
        self.assertEqual({r[8] for r in rows}, {"arrondissement"})  # approximate
        self.assertEqual(len({(r[6], r[7]) for r in rows}), 20)
        for r in rows:
            self.assertTrue(48.81 < float(r[6]) < 48.91 and 2.25 < float(r[7]) < 2.42, r)
        self.assertLess(float(self.by_insee["75115"][7]), float(self.by_insee["75120"][7]))

    def test_lyon_and_marseille_arrondissements_have_their_own_places(self):
        """GeoNames files them under the city's code; each gets its own place, near the city."""
        for first, last, city in (("69381", "69389", "69123"), ("13201", "13216", "13055")):
            rows = [self.by_insee[str(code)] for code in range(int(first), int(last) + 1)]
            self.assertEqual({r[8] for r in rows}, {"geonames"})
            self.assertEqual(len({(r[6], r[7]) for r in rows}), len(rows))
            centre = self.by_insee[city]
            for r in rows:
                self.assertAlmostEqual(float(r[6]), float(centre[6]), delta=0.15, msg=r)
                self.assertAlmostEqual(float(r[7]), float(centre[7]), delta=0.15, msg=r)

    def test_coordinates_and_flags(self):
        for r in self.communes:
            lat, lon = float(r[6]), float(r[7])
            self.assertIn(r[8], ("geonames", "arrondissement", "postal", "departement"))
            if r[3] not in ("971", "972", "973", "974", "976"):
                self.assertTrue(41 < lat < 51.2 and -5.3 < lon < 9.7, r)
            else:
                self.assertTrue(-22 < lat < 17 and -62 < lon < 56, r)
        approximate = sum(r[8] != "geonames" for r in self.communes)
        self.assertLess(approximate, len(self.communes))

    def test_codes_resolve(self):
        for r in self.communes:
            self.assertIn(r[3], self.departements, r)
            self.assertEqual(self.departements[r[3]][2], r[4], r)
        for d in self.departements.values():
            self.assertIn(d[2], self.regions, d)

    def test_metiers_and_acronymes(self):
        metiers = rows("metiers.tsv")
        self.assertEqual(len(metiers), 95)
        familles = {"sante", "social", "handicap", "petite-enfance", "grand-age"}
        for slug, code, label, fams in metiers:
            self.assertRegex(code, r"^[A-N][0-9]{4}$")
            self.assertTrue(set(fams.split(",")) <= familles, slug)
        acronymes = rows("acronymes.tsv")
        self.assertEqual(acronymes[0], ["terme", "expansions", "codesROME", "ambigu"])
        for terme, expansions, codes, ambigu in acronymes[1:]:
            self.assertEqual(terme, terme.lower())
            self.assertTrue(expansions)
            for code in filter(None, codes.split(",")):
                self.assertRegex(code, r"^[A-N][0-9]{4}$")
            self.assertIn(ambigu, ("0", "1"))
        self.assertEqual([a[3] for a in acronymes if a[0] == "as"], ["1"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
