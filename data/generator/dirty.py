"""The "dirty" companion set: good offers and trainings with bad lines among them, and for
each file the verdict a strict indexer must reach (expected.json: counts, and for every bad
line its number, the id the report names and a phrase of the reason)."""
import json

# (what is wrong, how to break a good record, the id the report names, the reason's phrase).
# "-" is the indexer's id when the line has none it can read.
OFFER_DEFECTS = [
    ("invalid JSON", lambda o: json.dumps(o, ensure_ascii=False)[:-40], "-", "invalid JSON"),
    ("title as a number", lambda o: dict(o, intitule=404), "ID", "field intitule is not a string"),
    ("title missing", lambda o: _without(o, "intitule"), "ID", "missing required field intitule"),
    ("id missing", lambda o: _without(o, "id"), "-", "missing required field id"),
    ("latitude out of range", lambda o: _lieu(o, latitude=91.5), "ID", "coordinates out of range"),
    ("longitude out of range", lambda o: _lieu(o, longitude=-200.0), "ID", "coordinates out of range"),
    ("latitude as a string", lambda o: _lieu(o, latitude="48,85"), "ID", "field latitude is not a number"),
    ("malformed ROME code", lambda o: dict(o, romeCode="J15O1"), "ID", "malformed ROME code"),
    ("ROME code outside the programme", lambda o: dict(o, romeCode="M1607"), "ID",
     "not one of the programme's métiers"),
    ("unknown commune", lambda o: _lieu(o, commune="99999"), "ID", "unknown commune"),
    ("unknown contract type", lambda o: dict(o, typeContrat="CDX"), "ID", "unknown typeContrat"),
    ("unknown experience code", lambda o: dict(o, experienceExige="Z"), "ID", "unknown experienceExige"),
    ("date not ISO 8601", lambda o: dict(o, dateCreation="22/11/2026"), "ID", "is not an ISO 8601 date"),
    ("place as an array", lambda o: dict(o, lieuTravail=[o.get("lieuTravail")]), "ID",
     "field lieuTravail is not an object"),
    ("alternance as a string", lambda o: dict(o, alternance="non"), "ID", "field alternance is not a boolean"),
    ("array instead of an object", lambda o: [o.get("id"), o.get("intitule")], "-", "not a JSON object"),
    ("invalid UTF-8", None, "-", "invalid UTF-8"),
]
TRAINING_DEFECTS = [
    ("invalid JSON", lambda t: json.dumps(t, ensure_ascii=False)[:-25], "-", "invalid JSON"),
    ("title missing", lambda t: _without(t, "intitule-formation"), "ID", "missing required field intitule-formation"),
    ("no action", lambda t: _without(t, "action"), "ID", "missing required field action"),
    ("no ROME code", lambda t: dict(t, **{"domaine-formation": {}}), "ID",
     "missing required field domaine-formation.code-ROME"),
    ("session date not AAAAMMJJ", lambda t: _session(t, "2027-01-05"), "ID", "is not AAAAMMJJ"),
    ("invalid UTF-8", None, "-", "invalid UTF-8"),
]


def _without(rec, key):
    return {k: v for k, v in rec.items() if k != key}


def _lieu(offer, **changes):
    lieu = dict(offer.get("lieuTravail") or {})
    lieu.update(changes)
    return dict(offer, lieuTravail=lieu)


def _session(training, debut):
    action = dict(training["action"][0])
    action["session"] = [{"periode": {"debut": debut, "fin": "20271215"}}]
    return dict(training, action=[action])


def _encode(rec):
    return rec if isinstance(rec, str) else json.dumps(rec, ensure_ascii=False)


def write_dirty(rng, good, defects, id_key, duplicates, path):
    """Writes good records with each defect once at a random position, plus `duplicates`
    later copies of earlier ids (the later record replaces the earlier), a blank line and one
    very long but valid line. Returns the expected verdict."""
    lines = [("good", rec) for rec in good]
    for name, _, _, _ in defects:
        lines.insert(rng.randrange(1, len(lines)), ("defect", name))
    lines.insert(rng.randrange(1, len(lines)), ("blank", None))
    out, skips, seen, indexed, replaced = [], [], set(), 0, 0
    victims = iter(rng.sample(range(len(good)), len(good)))
    by_name = {d[0]: d for d in defects}
    for kind, item in lines:
        lineno = len(out) + 1
        if kind == "blank":
            out.append(b"")
            continue
        if kind == "good":
            rec = item
            out.append(_encode(rec).encode("utf-8"))
            indexed += 1
            if rec[id_key] in seen:
                replaced += 1
            seen.add(rec[id_key])
            continue
        name, breaker, id_named, reason = by_name[item]
        victim = good[next(victims)]
        if breaker is None:  # a Latin-1 byte inside a string
            text = _encode(dict(victim, **{id_key: victim[id_key] + "U"}))
            raw = text.encode("utf-8").replace(b'", "', b'\xe9", "', 1)
        else:
            broken = breaker(dict(victim, **{id_key: victim[id_key] + "X"}))
            raw = _encode(broken).encode("utf-8")
            if isinstance(broken, dict) and id_named == "ID":
                id_named = broken[id_key]
        out.append(raw)
        skips.append({"line": lineno, "id": id_named, "reason": reason, "defect": name})
    for _ in range(duplicates):
        rec = good[rng.randrange(len(good))]
        out.append(_encode(dict(rec, **_retitle(rec))).encode("utf-8"))
        indexed += 1
        replaced += 1
    long_rec = dict(good[0], **{id_key: good[0][id_key] + "L"})
    long_rec = dict(long_rec, **_padded(long_rec))
    out.append(_encode(long_rec).encode("utf-8"))
    indexed += 1
    with open(path, "wb") as f:
        f.write(b"\n".join(out) + b"\n")
    records = sum(1 for line in out if line.strip())
    return {"read": records, "indexed": indexed, "skipped": len(skips),
            "replaced": replaced, "skips": skips}


def _retitle(rec):
    if "intitule" in rec:
        return {"intitule": rec["intitule"] + " (mise à jour)"}
    return {"intitule-formation": rec["intitule-formation"] + " (mise à jour)"}


def _padded(rec):
    """A valid record a megabyte long: readers with a fixed line buffer fail on it."""
    key = "description" if "description" in rec else "contenu-formation"
    text = rec.get(key, "")
    return {key: (text + "\n") * (1_000_000 // max(1, len(text) + 1) + 1)}
