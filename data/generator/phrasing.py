"""Ways to say the same line of a job ad: "Vous assurez les transmissions." can also be
written "Assurer les transmissions.", "Vous serez amené(e) à assurer les transmissions." or
"Il vous appartiendra d'assurer les transmissions.", as employers do. Offers drawing the same
lines from a métier's bank therefore rarely share a long run of text."""
import re


# Second person plural -> infinitive, for the verbs the regular rules get wrong.
IRREGULAR = {
    "êtes": "être", "avez": "avoir", "savez": "savoir", "pouvez": "pouvoir", "devez": "devoir",
    "voulez": "vouloir", "prenez": "prendre", "comprenez": "comprendre", "apprenez": "apprendre",
    "reprenez": "reprendre", "entreprenez": "entreprendre", "mettez": "mettre",
    "transmettez": "transmettre", "permettez": "permettre", "soumettez": "soumettre",
    "tenez": "tenir", "entretenez": "entretenir", "maintenez": "maintenir",
    "intervenez": "intervenir", "devenez": "devenir", "venez": "venir", "obtenez": "obtenir",
    "contribuez": "contribuer", "suivez": "suivre", "poursuivez": "poursuivre",
    "conduisez": "conduire", "construisez": "construire", "produisez": "produire",
    "traduisez": "traduire", "réduisez": "réduire", "accueillez": "accueillir",
    "recueillez": "recueillir", "offrez": "offrir", "ouvrez": "ouvrir", "couvrez": "couvrir",
    "découvrez": "découvrir", "servez": "servir", "sortez": "sortir", "partez": "partir",
    "connaissez": "connaître", "reconnaissez": "reconnaître", "vivez": "vivre",
    "écrivez": "écrire", "décrivez": "décrire", "inscrivez": "inscrire", "lisez": "lire",
    "répondez": "répondre", "rendez": "rendre", "attendez": "attendre", "entendez": "entendre",
    "défendez": "défendre", "croyez": "croire", "voyez": "voir", "prévoyez": "prévoir",
    "recevez": "recevoir", "concevez": "concevoir", "percevez": "percevoir",
    "plaisez": "plaire", "sentez": "sentir", "ressentez": "ressentir", "recourez": "recourir",
    "parcourez": "parcourir", "secourez": "secourir", "concluez": "conclure", "revoyez": "revoir",
    "cuisez": "cuire", "revêtez": "revêtir", "vêtez": "vêtir",
    "faites": "faire", "dites": "dire", "relisez": "relire", "rompez": "rompre", "interrompez": "interrompre",
    "dépendez": "dépendre", "descendez": "descendre", "vendez": "vendre",
    "atteignez": "atteindre", "rejoignez": "rejoindre", "joignez": "joindre", "craignez": "craindre",
    "éteignez": "éteindre", "restreignez": "restreindre",
}
PRONOUNS = {"vous", "les", "le", "la", "l'", "lui", "leur", "y", "en", "leurs"}
VOWELS = "aeiouyéèêàâîôûhœ"


# Ways of opening a requirement ("profil") besides "Vous devez": style -> words before the
# infinitive ("de" elided before it for the last two).
REQUIREMENT_OPENINGS = {7: "Il vous faudra ", 8: "Nous comptons sur vous pour ", 9: "Le poste demande ",
                        10: "Il vous est demandé "}
# What one holds (a diploma, a licence, a record), which one is not counted on "for".
HELD = re.compile(r"titulaire|diplôm|inscri|permis|vaccin|casier|\bêtre à jour")

# Ways of opening a task besides styles 0-6 ("Assurer...", "Vous serez amené(e) à...", "Il vous
# appartiendra de...", "Vous aurez pour mission de...", "Votre rôle :", "Vous devrez...", "Vous
# serez chargé(e) de..."): style -> words before the infinitive ("de" elided after, but for 12).
TASK_OPENINGS = {11: "Il vous revient ", 12: "Vous aurez à ", 13: "Il s'agira "}
TASK_STYLES = tuple(range(7)) + tuple(TASK_OPENINGS)
VOUS_STYLES = TASK_STYLES[1:]  # the openings of a list said "Vous...": no bare infinitive among them
HELPS = re.compile(r"atout|appréci|un plus|souhait|bienvenu|serait")


def infinitive(verb):
    """The infinitive of a verb in the second person plural, or None."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("mettez"):
        return verb[:-2] + "re"      # remettez -> remettre
    if verb.endswith(("crivez", "uisez")):
        return verb[:-3] + "re"      # retranscrivez -> retranscrire, co-construisez -> co-construire
    if verb.endswith(("tenez", "venez")):
        return verb[:-2] + "ir"      # soutenez -> soutenir, prévenez -> prévenir
    if verb.endswith("issez") and not verb.endswith("aissez") and len(verb) > 6:
        return verb[:-4] + "r"       # garantissez -> garantir
    if verb.endswith("ez") and len(verb) > 3:
        return verb[:-2] + "er"      # assurez -> assurer
    return None


# A subordinate clause's own subject, whose verbs stay conjugated ("ce que vous voyez ou entendez").
CLAUSE_SUBJECT = re.compile(r"\b(que|qu'|dont|où|quand|lorsque|si)\s*vous\b")
NOT_VERBS = {"chez", "assez", "nez", "rez"}
# Verbs that say what one may or must do: a line opening with one keeps its own words.
MODALS = {"pouvez", "devez"}


def infinitives_after_and(rest):
    """"... et préparez les visites" -> "... et préparer les visites": a second verb of the
    line follows the first into the infinitive (not after a colon, where "vous" speaks again)."""
    if " : " in rest:  # (but a list after it: "douleur, plaies, mobilité, puis prévenez le médecin")
        head, colon, tail = rest.partition(" : ")
        return infinitives_after_and(head) + colon + (tail if re.search(r"\bvous\b", tail) else infinitives_after_and(tail))
    words = rest.split(" ")
    for i in range(1, len(words)):
        # "servez, aidez", "observez, en recherchez": a verb after a comma, maybe after pronouns
        after_comma = words[i - 1].endswith(",") and (
            words[i].endswith("ez") or words[i] in IRREGULAR or words[i] in PRONOUNS and i + 1 < len(words) and
            words[i + 1].endswith("ez"))
        if words[i - 1].rstrip(",") not in ("et", "puis", "ou") and not after_comma:
            continue
        if CLAUSE_SUBJECT.search(" ".join(words[max(0, i - 5):i - 1])):
            continue  # "tout ce que vous voyez ou entendez": the second verb is the clause's, not the line's
        j = i  # "et les tracez", "et ne recourez", "et, sinon, les faites": the verb comes after its pronouns
        while j < len(words) - 1 and (words[j] in PRONOUNS or words[j] == "ne" or
                                      words[j].endswith(",") and words[i - 1] == "et,"):
            j += 1
        word = words[j].rstrip(",;:.")  # "et les informez, avec l'accord du patient"
        if word not in NOT_VERBS:
            verb = infinitive(word)
            if verb:
                words[j] = verb + words[j][len(word):]
                if words[j] == verb and j + 1 < len(words) and words[j + 1] in ADVERBS_BEFORE:
                    words[j], words[j + 1] = words[j + 1], verb  # "et connaissez bien" -> "et bien connaître"
    return " ".join(words)


_SPLIT = {}


# Adverbs that come before an infinitive, after a conjugated verb ("vous connaissez bien",
# "bien connaître").
ADVERBS_BEFORE = {"bien", "mieux", "toujours", "déjà", "souvent"}  # not "tout": "vous notifiez tout événement"


def split_vous(line):
    """("pronouns", "infinitive", "rest") of a line "Vous [pronouns] verb rest", or None
    (computed once per line)."""
    if line not in _SPLIT:
        _SPLIT[line] = _split_vous(line)
    return _SPLIT[line]


def _split_vous(line):
    if not line.startswith("Vous "):
        return None
    words = line.split(" ")
    i = 1
    pronouns = []
    while i < len(words) and words[i].lower() in PRONOUNS:
        pronouns.append(words[i].lower())
        i += 1
    if i >= len(words) or words[i] == "ne" or words[i] in MODALS:
        return None  # "Vous pouvez encadrer..." is no "Il vous appartiendra de pouvoir encadrer..."
    verb = infinitive(words[i])
    if not verb:
        return None
    rest = words[i + 1:]
    if not pronouns and rest and rest[0] in ADVERBS_BEFORE:
        verb, rest = rest[0] + " " + verb, rest[1:]  # "Vous connaissez bien..." -> "bien connaître", not "connaître bien"
    return " ".join(pronouns), verb, infinitives_after_and(" ".join(rest))


def elide(word_before, following):
    """"de" or "d'" before following (elision before a vowel or mute h)."""
    return word_before[:-1] + "'" if following[:1].lower() in VOWELS else word_before + " "


# What a profile may demand ("Vous devez maîtriser", "Il vous faudra être titulaire"): a quality,
# a knowledge, a way of working. A profile's act ("Vous enlevez les points de suture") is a
# skill, said "Vous savez enlever...", "Vous êtes capable d'enlever...": no "Il vous est demandé
# d'enlever" among the qualities.
DEMANDABLE = {"être", "avoir", "savoir", "maîtriser", "connaître", "faire", "allier", "justifier", "disposer",
              "posséder", "détenir", "rester", "garder", "accepter", "souhaiter", "manier", "utiliser", "travailler",
              "appliquer", "adapter", "conserver", "supporter", "vouloir", "comprendre", "parler", "lire", "écrire",
              "conjuguer", "concilier", "témoigner", "montrer", "adhérer", "communiquer", "adopter", "tenir",
              "intéresser", "sentir", "épanouir", "évoluer", "collaborer", "échanger", "partager", "conformer",
              # where one lives, what one has done or wants: no skill either
              "résider", "habiter", "vivre", "totaliser", "compter", "venir", "envisager", "viser", "penser",
              "considérer", "passer", "arriver", "parvenir", "gagner", "entrer", "investir", "impliquer", "libérer",
              "réserver", "inspirer", "accorder", "porter", "placer", "enrichir", "percevoir", "saisir", "dégager"}
# Ways of saying a skill, each once a section.
SKILL_OPENINGS = ("Vous savez ", "Vous êtes capable ", "Vous êtes en mesure ", "Vous avez l'habitude ")
# Words that say a requirement is met with ease, which no demand ("Vous devez") can frame.
EASE = re.compile(r"\b(volontiers|sans difficulté|sans réticence|facilement|aisément|avec aisance)\b")


def rephrase(rng, line, section, as_list, used=None, style=None):
    """line, or one of its equivalent phrasings, chosen by rng (or style, when given): a task
    ("missions") can be said nine more ways, a requirement ("profil") four; other lines stay as written. A bare
    infinitive ("Assurer les transmissions.") only in a list (as_list), never in prose. Each
    opening is said once a section: used holds those the section has said. (Qualifiers once
    ended some tasks, ", avec bienveillance", ", selon les besoins du service": readers took
    them for stock words tacked on, and they are gone.)"""
    if section == "profil" and HELPS.search(line):
        return line  # "Vous êtes titulaire du PSC1 : un atout" is no "Vous devez"
    parts = split_vous(line) if section in ("missions", "profil") else None
    if not parts or style is None and rng.random() < 0.15:
        return line
    pronouns, verb, rest = parts
    reflexive = pronouns.startswith("vous")
    if reflexive and verb in ("charger", "occuper"):
        return line  # "Vous vous chargez de...": no "Vous serez chargé(e) de vous charger de..."
    if section == "profil" and verb in ("aimer", "apprécier", "adorer"):
        return line  # a liking is no demand: no "Vous devez aimer", "Il vous est demandé d'aimer"
    if verb == "être" and rest.startswith("tenu"):
        return line  # one is bound by secrecy: no "Vous devez être tenu(e) au secret professionnel"
    if section == "missions" and verb.split()[-1] in ("être", "avoir", "savoir"):
        return line  # a state is no task: no "Vous serez chargé(e) d'être impliqué(e)"
    if verb.split()[-1] in ("éviter", "respecter") or re.search(r"\b(toujours|jamais)\b", verb + " " + rest):
        return line  # a rule, not a task: no "Vous serez amené(e) à éviter de secouer le linge"
    if section == "profil" and EASE.search(rest):
        return line  # a liking said as one: no "Vous devez travailler volontiers le week-end"
    head = ((" ".join(["vous"] + pronouns.split()[1:]) if reflexive else pronouns) + " " + verb).strip()
    body = head + (" " + rest if rest else "")
    if section == "profil" and verb.split()[-1] not in DEMANDABLE:
        openings = [o for o in SKILL_OPENINGS if used is None or ("skill", o) not in used]
        if reflexive or re.search(r"\bne\b|\bn'|^plaisir|^à\b|\bsavoir\b|\bconnaître\b|\baimer\b|\bapprécier\b", rest) or verb == "veiller" or \
                not openings:
            # a habit ("vous vous frictionnez les mains... et ne portez ni bijoux"), a care, a
            # fifth skill of the section: as written
            return line
        opening = rng.choice(openings)
        if used is not None:
            used.add(("skill", opening))
        return opening + (body if opening == "Vous savez " else elide("de", body) + body)
    if style is None:  # (a section's voice may set it: bare infinitives down a list)
        style = rng.choice(TASK_STYLES) if section == "missions" else rng.choice((0, 5, 7, 8, 9, 10))
    if style in (8, 9) and len(body) > 60:
        style = 5  # a long requirement keeps its short opening: a long line runs on as another ad's
    if style == 0 and not as_list:
        style = 5
    if style == 4 and (":" in body or as_list):
        style = 6  # no "Votre rôle : assurer la surveillance : constantes...", nor a bullet that opens so
    if style in (8, 9) and HELD.search(body):
        style = 7  # "Il vous faudra être titulaire du DEAS", not "Nous comptons sur vous pour être titulaire"
    if style == 9 and re.search(r"\bvous\b", body):
        style = 10  # "Le poste demande de vous adapter" mixes persons: "Il vous est demandé de vous adapter"
    if style and used is not None:
        if ("style", style) in used:
            return line  # "Votre rôle :", "Il vous appartiendra" once a section: the line as written
        used.add(("style", style))
    if section != "missions" and style == 5:
        return "Vous devez " + body
    if style in REQUIREMENT_OPENINGS:  # a requirement said as recruiters say it, each once a section
        return REQUIREMENT_OPENINGS[style] + (elide("de", body) + body if style in (9, 10) else body)
    if style == 0:  # a bare infinitive, as in bullet lists
        if reflexive:
            infinitive_form = ("s'" if verb[:1] in VOWELS else "se ") + " ".join(
                pronouns.split()[1:] + [verb]) + (" " + rest if rest else "")
        else:
            infinitive_form = body
        return infinitive_form[:1].upper() + infinitive_form[1:]
    if style == 1:
        return "Vous serez amené(e) à " + body
    if style == 2:
        return "Il vous appartiendra " + elide("de", body) + body
    if style == 3:
        return "Vous aurez pour mission " + elide("de", body) + body
    if style == 4:
        return "Votre rôle : " + body
    if style == 5:
        return "Vous devrez " + body
    if style in TASK_OPENINGS:
        return TASK_OPENINGS[style] + body if style == 12 else TASK_OPENINGS[style] + elide("de", body) + body
    if verb == "prendre" and rest.startswith("en charge"):  # no "chargé(e) de prendre en charge"
        if used is not None and ("style", 3) in used:
            return line
        if used is not None:
            used.add(("style", 3))
        return "Vous aurez pour mission " + elide("de", body) + body
    return "Vous serez chargé(e) " + elide("de", body) + body
