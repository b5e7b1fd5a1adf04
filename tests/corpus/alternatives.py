#!/usr/bin/env python3
"""A bank line's alternatives (data/generator/metiers/*.json: a task or requirement written as a
list of equivalent phrasings, one drawn per ad) must be judged alike by every rule the generator
applies to lines before drawing: each pattern of offres.py and specifics.py matches all of a
group's phrasings or none, and they give the same figures, years of experience, "Vous + verb"
shape and plain words the filters look for. The generator reads only a group's first phrasing
(refs.ungroup); a phrasing judged otherwise would slip past a rule its first obeys ("de nuit"
in a day post's ad). test_generator.py runs this on every bank; by hand:

    tests/corpus/alternatives.py data/generator/metiers/aide-soignant.json [...]"""
import json
import os
import re
import sys

GENERATOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "generator")
sys.path.insert(0, GENERATOR)

import offres  # noqa: E402
import phrasing  # noqa: E402
import specifics  # noqa: E402

SECTIONS = ("missions", "profil", "conditions", "avantages")
# Sections whose lines are told apart by their subject (offres.subject(): their first word or
# two), which a group's phrasings share; their shared run is measured after it.
SUBJECT_SECTIONS = ("conditions", "avantages")
FIGURE = re.compile(r"\d+")
# Words the generator's filters look for as plain text rather than with a pattern (the tests
# made on the drawn phrasing, own_voice() or welcomed(), need no agreement).
SUBSTRINGS = ("horaires alternés", "de trois ans", "du lundi au vendredi")
# Phrasings of a group share no run this long: two ads drawing one line apart share less text.
SHARED_RUN = 30
# nor is one much longer than the first (longer lines share longer runs between ads)
LONGER = 25


def _patterns(value, name, depth, out):
    if isinstance(value, re.Pattern):
        out.setdefault(value.pattern, name)
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _patterns(item, name, depth + 1, out)
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            _patterns(key, name, depth + 1, out)
            _patterns(item, name, depth + 1, out)


# Patterns read on the phrasing an ad drew, never on a group's first to stand for the others
# (all of phrasing.py's: rephrase() sees the drawn phrasing), or never on bank lines at all
# (appellations, titles, post names, reasons, the written ad): a group's phrasings need not
# agree on them. FOR_SOME_POSTS and EXPERIENCE_WISH are read on a group's first phrasing for what
# the whole group says in its own words ("pour les postes d'orthodontiste", "en orthodontie";
# "Une expérience en EHPAD est appréciée", "Avoir déjà travaillé en EHPAD est apprécié").
AFTER_DRAWING = {"offres.FOR_SOME_POSTS", "offres.HOUSEHOLD_VOICE", "offres.LEAVING", "offres.TITLE_CAPACITY", "offres.TITLE_PARTS", "offres.OTHER_THAN_SHOPPING_CENTRE", "specifics.PSYCHOLOGIST_POST", "offres.INCLUSIVE_WORD", "offres.SEVERAL_PUPILS", "offres.FOR_SOME_POSTS_STOPWORDS", "offres.EXPERIENCE_WISH", "offres.INCLUSIVE_ENDING", "offres.NIGHT_SAID", "offres.TITLE_SERVICES", "offres.LONG_POST_NAME",
                 "offres.QUALITY_AFTER_POST", "offres.TITLE_ECHOES", "offres.TWELVE_HOURS",
                 "offres.WEEKEND_ROTA", "offres.SHIFTED_HOURS", "offres.NON_VERBAL_PUBLIC",
                 "offres.TITLE_SHIFTED", "offres.AT_HOME_TITLE", "offres.COORDINATOR", "offres.LYCEE",
                 "offres.PAY_SAID", "offres.DIPLOMA_TITLE", "offres.SITES", "offres.CLOSED_CARE", "offres.RECRUITMENT_ROUTE", "offres.MEAL_BENEFIT", "offres.CASVP_WORDS", "offres.COUNCIL", "offres.OTHER_REHAB_TITLE"}


def line_patterns():
    """[(name, compiled pattern)]: every pattern the generator's modules hold, once each, but
    those read after drawing."""
    found = {}
    for module in (offres, specifics):
        for name, value in vars(module).items():
            if not name.startswith("__") and "%s.%s" % (module.__name__, name) not in AFTER_DRAWING:
                _patterns(value, "%s.%s" % (module.__name__, name), 0, found)
    return [(name, re.compile(pattern)) for pattern, name in found.items()]


def signature(line, patterns, slug):
    """What the generator's rules see of a line."""
    matched = frozenset(i for i, (_, p) in enumerate(patterns) if p.search(line))
    return (matched, sorted(FIGURE.findall(line)), offres.stated_years(line),
            phrasing.split_vous(line) is None, offres.line_specialties(line, slug),
            [w for w in SUBSTRINGS if w in line])


def disagreements(group, patterns, slug, section="missions"):
    """["phrasing: what differs from the group's first line"] for a group of alternatives."""
    first = signature(group[0], patterns, slug)
    out = []
    if section in SUBJECT_SECTIONS:
        out += ["%s\n      is not about %r (its first words)" % (other, offres.subject(group[0]))
                for other in group[1:] if offres.subject(other) != offres.subject(group[0])]
    for other in group[1:]:
        sig = signature(other, patterns, slug)
        if sig == first:
            continue
        what = ["%s /%s/" % (patterns[i][0], patterns[i][1].pattern[:60])
                for i in sorted(first[0] ^ sig[0])]
        labels = ("figures", "years asked", "no 'Vous + verb' shape", "specialties", "words")
        what += ["%s %r vs %r" % (label, a, b) for label, a, b in zip(labels, first[1:], sig[1:]) if a != b]
        out.append("%s\n      differs from the first in: %s" % (other, "; ".join(what)))
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            same = len(os.path.commonprefix([a, b])) if section in SUBJECT_SECTIONS else 0
            run = longest_shared_run(a[same:], b[same:])
            if len(run) >= SHARED_RUN:
                out.append("%s\n      shares %r with %s" % (b, run, a))
    out += ["%s\n      is more than %d characters longer than the first" % (other, LONGER)
            for other in group[1:] if len(other) > len(group[0]) + LONGER]
    return out


def longest_shared_run(a, b):
    """The longest run of characters two strings share."""
    best = ""
    for i in range(len(a)):
        j = i + len(best) + 1
        while j <= len(a) and a[i:j] in b:
            best = a[i:j]
            j += 1
    return best


def check_bank(bank, patterns):
    """The disagreements of a bank's groups, as lines to print."""
    out = []
    for section in SECTIONS:
        for entry in bank.get(section, []):
            if isinstance(entry, list):
                if not all(isinstance(e, str) for e in entry) or len(entry) < 2 or len(set(entry)) != len(entry):
                    out.append("%s: a group needs two distinct strings or more: %r" % (section, entry))
                    continue
                for d in disagreements(entry, patterns, bank.get("slug", ""), section):
                    out.append("%s: %s\n   -> %s" % (section, entry[0], d))
    return out


def main(paths):
    patterns = line_patterns()
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            problems = check_bank(json.load(f), patterns)
        for p in problems:
            print("%s: %s" % (os.path.basename(path), p))
        bad += len(problems)
    print("%d disagreement(s)" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__.split("\n\n")[1].strip())
    sys.exit(main(sys.argv[1:]))
