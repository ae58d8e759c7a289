"""Place candidates beyond the tagger's place entities, and references back to places named before.

* :func:`in_place_context`: the words around a name make it a place ("off Lampedusa", "the city of
  Pylos", "an Alexandria man", "Kalamata port") even when the tagger calls it a person or an
  organisation;
* :func:`repeated_names`: a name taken as a place once is a place wherever it recurs in the
  article (unless it is part of a longer personal name or follows a title);
* :func:`embedded_names`: a country, region or city at the head of an organisation's name ("the
  Texas Department of State Health Services", "Ohio State University") — ``kind="embedded"``;
* :func:`demonyms`: nationality words ("Palestinian", "Russians") — ``kind="demonym"``, the country;
* :func:`anaphors`: generic place nouns ("the river", "the island", "the border zone", "the
  country") — ``kind="anaphor"``, resolved by :func:`refer_back` to the last place of a fitting
  feature named before them;
* :func:`coordinated_names`: names coordinated before a plural feature noun ("Camden and Charlton
  counties", "the Donetsk and Luhansk regions") — each one a name of that feature;
* :func:`one_sided_borders`: "the border with Moldova", "Lithuania's border", "the border of the
  Republic of Lithuania" — the other side is a neighbouring country named nearby.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .base import Analysis, children_of, token_table
from .gazetteer import Entry, Gazetteer, get_gazetteer, norm
from .layout import DATELINE_TOWN
from .place_lexicon import ANAPHORS, CUES, NAME_PARTICLES, Cand, a_saints_building, keys_for, names_a_border

__all__ = ["DIRECTION", "embedded_span", "in_place_context", "described_by_who", "repeated_names", "shared_names", "embedded_names", "demonyms", "anaphors", "one_sided_borders",
           "refer_back", "streets", "datelines", "person_names", "coordinated_names"]

_BEFORE = CUES["place_before"]
_AFTER = CUES["place_after"]
_CIVIC = CUES["civic_after"]
_TITLES = CUES["titles"]
#: nouns after a place noun that make it a body's name ("the coast guard", "the city council")
_BODIES = CUES["institutions"] | {"council", "councils", "mayor", "sheriff", "board"}
_GENERIC = CUES["generic"] | CUES["stop_caps"]
_OF_PLACE = frozenset({"city", "town", "village", "port", "island", "region", "province", "district", "municipality",
                       "county", "state", "republic", "suburb", "outskirts", "coast", "area"})
#: a compass direction as one word: "north", "north-east", "southwestern"
DIRECTION = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
#: a direction before "of": "north of Zuwara", "north-east of Damascus"
_DIRECTION_OF = re.compile(DIRECTION + "$")
_ANAPHOR_RE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese)\s+(?:(?:swollen|same|whole|entire|southern|northern|eastern|western|nearby|"
    r"neighbouring|neighboring|shared|common|state|land|dangerous|treacherous|small|tiny|remote|Italian|Greek)\s+)?"
    r"(?P<noun>" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in ANAPHORS), key=len, reverse=True))
    + r")\b(?!['’]s?\s+(?:government|president|capital|authorities|army|police))")
_NAME = r"[A-Z][\w’'-]+(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]+)?(?:\s[A-Z][\w’'-]+)?"
_BORDER_WITH_RE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<own>{_NAME})(?:’s|'s)\s+)?"
    r"(?:(?:state|land|southern|northern|eastern|western|common|shared)\s+)?(?:border|frontier)"
    r"(?!\s+(?:guards?|police|service|troops|agency|patrol|forces?|officers?|officials|authorities|committee|control))"
    rf"(?:\s+(?:with|of)\s+(?:the\s+)?(?P<other>{_NAME}))?")


def _title_before(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_.rstrip(".") in _TITLES


def in_place_context(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) stand where a place stands: after a locative preposition or "the city
    of", before a noun a place name modifies ("an Alexandria man", "Kalamata port"), or before
    ", <region or country>"."""
    if i > 1 and doc[i - 1].tag_ in ("VBN", "VBD", "JJ") and doc[i - 1].dep_ in ("amod", "pcomp") \
            and doc[i - 2].lower_ in _BEFORE and doc[i - 2].lower_ != "of":
        i -= 1  # "in occupied Zaporizhzhia": a participle between the preposition and the name
    if i > 0 and doc[i - 1].lower_ in _BEFORE:
        if doc[i - 1].lower_ != "of" or (i > 1 and (doc[i - 2].lower_ in _OF_PLACE or _DIRECTION_OF.match(doc[i - 2].lower_))):
            return True  # "the city of X", "40 nautical miles north of X"
    if j < len(doc) and doc[j].lower_ in _AFTER and (not doc[j].text[:1].isupper() or j + 1 == len(doc)
                                                     or not doc[j + 1].text[:1].isupper()):
        return True  # "an Alexandria man", "Alexandria Police went", not "Jackson Police Department"
    return j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].ent_type_ == "GPE"


def person_names(analysis: Analysis) -> frozenset[str]:
    """Words the article uses as parts of personal names: the tokens of multi-word PERSON entities
    and names after a title ("Jim Jones", "Mr. Ripley") — such a word is not a town elsewhere."""
    got = analysis.indexes.get("places.people")
    if got is not None:
        return got
    tk = token_table(analysis.doc)
    out: set[str] = set()
    for ent in tk.ents:
        if ent.label_ == "PERSON" and ent.end - ent.start > 1 and not _two_names_by_a_dash(ent) \
                and not _a_town_with_a_particle(analysis.doc, ent):
            out.update(w for w in tk.text[ent.start:ent.end] if w[:1].isupper())
    for i in range(1, len(tk.text)):
        if tk.text[i][:1].isupper() and tk.lower[i - 1].rstrip(".") in _TITLES:
            out.add(tk.text[i])
    got = analysis.indexes["places.people"] = frozenset(out)
    return got


def _a_town_with_a_particle(doc: Doc, ent) -> bool:
    """Whether a tagger's person is a town's name with a lower-case particle inside ("south of
    Mocímboa da Praia", "in Castelnuovo di Porto") where a place stands: the gazetteer's town."""
    inside = [t for t in ent[1:-1] if t.lower_ in NAME_PARTICLES and t.text.islower()]
    return bool(inside) and in_place_context(doc, ent.start, ent.end) \
        and any(e.feature == "city" for e in get_gazetteer().lookup(ent.text)[:3])


def _two_names_by_a_dash(ent) -> bool:
    """Whether a tagger's person is two names set apart by a spaced dash ("Lokichogio - Kakuma", a
    route; "Smith - Jones", a pairing): no one's name (a hyphen inside one is written unspaced)."""
    return any(t.text in ("-", "–", "—") and t.i > 0 and t.nbor(-1).whitespace_ and t.whitespace_ for t in ent)


#: relative pronouns that only a person (or a team of people) takes
_WHO = frozenset({"who", "whom"})


def named_by_who(analysis: Analysis) -> frozenset[tuple[str, int]]:
    """The capitalised words of names a "who" clause describes ("Jordan, who scored 30 points"),
    each with its paragraph: a person's or a team's name there, not the country or town it is
    spelled like. Only that paragraph: "Georgia, who beat Portugal" is a team, but a later
    paragraph's "Floods hit Georgia" is the country (but see :func:`described_by_who`)."""
    got = analysis.indexes.get("places.who")
    if got is not None:
        return got
    doc, tk = analysis.doc, token_table(analysis.doc)
    out: set[tuple[str, int]] = set()
    for k, dep in enumerate(tk.dep):
        if dep != "relcl":
            continue
        tok = tk.tokens[k]
        name = tok.head
        if name.pos_ != "PROPN" or name.dep_ == "pobj" or name.i + 1 >= len(doc) or tk.text[name.i + 1] != ",":
            continue    # "the residents of Gaza, who fled": the clause may describe the residents
        if not any(c.lower_ in _WHO and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in children_of(tok)):
            continue
        ent = next((e for e in tk.ents if e.start <= name.i < e.end), None)
        if ent is not None and ent.label_ in ("LOC", "FAC"):
            continue    # a lake, a park: the parser hung the clause on the wrong noun
        # the name alone, not the titles and places before it ("McMinn County Sheriff Steve Frisbie")
        words = ent if ent is not None else doc[name.i:name.i + 1]
        para = analysis.paragraph_index(name.idx)
        out.update((t.text, para) for t in words if t.text[:1].isupper())
    got = analysis.indexes["places.who"] = frozenset(out)
    return got


def described_by_who(analysis: Analysis, i: int, j: int) -> bool:
    """Whether tokens [i, j) are a name a "who" clause of their paragraph describes as a person or
    team ("Jordan, who scored 30 points"), and they do not stand where a place stands."""
    doc = analysis.doc
    who = named_by_who(analysis)
    if not who:
        return False
    para = analysis.paragraph_index(doc[i].idx)
    return all((t.text, para) in who for t in doc[i:j]) and not in_place_context(doc, i, j)


def repeated_names(analysis: Analysis, gaz: Gazetteer, cands: list[Cand], taken: list[bool]) -> list[Cand]:
    """Every other occurrence of a name the article already uses as a place (not a word it also
    uses in personal names)."""
    doc = analysis.doc
    people = person_names(analysis)
    tk = token_table(analysis.doc)
    names: dict[str, Cand] = {}
    for c in cands:
        if c.kind == "name" and c.label in ("GPE", "GAZ", "LOC") and c.entry is None and c.tok_end - c.tok_start <= 3:
            name = analysis.text[c.start:c.end]
            if not any(w in people for w in name.split()):
                names.setdefault(name, c)
    out: list[Cand] = []
    if not names:
        return out
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name.split()[0], []).append(name)
    for i0, word in enumerate(tk.text):
        for name in by_first.get(word, ()):
            n = len(name.split())
            i, j = i0, i0 + n
            if j > len(doc) or any(taken[i:j]) or doc[i:j].text != name or _title_before(doc, i):
                continue
            if tk.ent_type[i] == "PERSON" and (tk.ent_iob[i] != "B" or j < len(doc) and tk.ent_iob[j] == "I"):
                continue  # part of a longer personal name ("Paris Hilton")
            if j < len(doc) and tk.text[j][:1].isupper() and tk.pos[j] == "PROPN" or described_by_who(analysis, i, j):
                continue  # "Jordan Peterson": the name goes on; "Jordan, who scored": a player
            src = names[name]
            for k in range(i, j):
                taken[k] = True
            out.append(Cand(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), i, j, src.key, src.cue, "GAZ"))
    return out


def embedded_span(doc: Doc, gaz: Gazetteer, start: int, end: int, cities: bool = True) -> tuple[int, int, str] | None:
    """The place at the head of a name (tokens ``start``..``end``: "Texas Department of ...",
    "Henderson County Jail") or after its "of" ("University of Georgia"): a country, region, county
    or a known city (without ``cities``, a city only before a civic word: "the Athens Police
    Department", not "Springfield Mall"); (start, end, key) or None."""
    s = start + (1 if doc[start].lower_ == "the" else 0)
    spans = [(s, k) for k in range(min(end - 1, s + 3), s, -1)]
    spans += [(k + 1, m) for k in range(s, end - 1) if doc[k].lower_ == "of"
              for m in range(min(end, k + 4), k + 1, -1)]
    for a, b in spans:
        if not doc[a].text[:1].isupper() or doc[a].lower_ in _GENERIC or a_saints_building(doc, a, b):
            continue    # "St. Mary's Hospital": the saint, no parish of Jamaica
        key = keys_for(gaz, [t.text for t in doc[a:b]])[0][0]   # "DeSoto Parish": the gazetteer's "De Soto Parish"
        town = cities or b < end and doc[b].lower_ in _CIVIC
        if any(not alt and (e.feature in ("country", "admin1", "admin2") or town and e.feature == "city" and e.importance >= 4.3)
               for e, alt in gaz.lookup_key(key)):
            return a, b, key
    return None


#: entity labels a place may head: an organisation, a facility whose name begins with a region or
#: county ("the Henderson County Jail"; a facility named after a town or a person, "Springfield Mall",
#: "the David L. Lawrence Convention Center", is no place), and a person when the name carries a
#: county word (the tagger's "Rapides Parish Fire")
_EMBEDDING = ("ORG", "FAC", "PERSON")


def embedded_names(analysis: Analysis, gaz: Gazetteer, taken: list[bool]) -> list[Cand]:
    """A country, region, county or city named at the head of an organisation or a facility
    ("Texas Department of ...", "the Henderson County Jail") or after its "of" ("University of Georgia")."""
    doc = analysis.doc
    out: list[Cand] = []
    for ent in token_table(analysis.doc).ents:
        if ent.label_ not in _EMBEDDING or any(taken[ent.start:ent.end]):
            continue
        got = embedded_span(doc, gaz, ent.start, ent.end, cities=ent.label_ == "ORG")
        if got is None:
            continue
        a, b, key = got
        if ent.label_ == "PERSON" and not (b - a > 1 and doc[b - 1].lower_ in _COUNTY_WORDS):
            continue
        out.append(Cand(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), a, b, key,
                        ("country", "admin1", "admin2", "city"), "GAZ", kind="embedded"))
        for k in range(a, b):
            taken[k] = True
    return out


_COUNTY_WORDS = frozenset({"county", "parish", "township", "borough", "district", "province", "oblast", "region"})


def demonyms(analysis: Analysis, gaz: Gazetteer, taken: list[bool]) -> list[Cand]:
    """Nationality words ("American", "Palestinians"): the country, ``kind="demonym"``."""
    doc = analysis.doc
    out: list[Cand] = []
    for ent in token_table(analysis.doc).ents:  # "Sri Lankan", "South Ossetian": several words
        if ent.label_ == "NORP" and len(ent) > 1 and not any(taken[ent.start:ent.end]):
            cc = gaz.demonym(ent.text)
            entry = gaz.country(cc) if cc else None
            if entry is not None:
                for k in range(ent.start, ent.end):
                    taken[k] = True
                out.append(Cand(ent.start_char, ent.end_char, ent.start, ent.end, norm(entry.name), ("country",), "NORP",
                                entry, kind="demonym"))
    tk = token_table(analysis.doc)
    for i, word in enumerate(tk.text):
        if taken[i] or not word[:1].isupper() or tk.pos[i] not in ("ADJ", "PROPN", "NOUN"):
            continue
        if tk.ent_type[i] not in ("", "NORP", "GPE") or tk.ent_type[i] == "NORP" and tk.ent_iob[i] == "I":
            continue  # inside a name: "the American Red Cross", "the Russian Orthodox Church"
        cc = gaz.demonym(word)
        if cc is None:
            continue
        tok = doc[i]
        entry = gaz.country(cc) if cc else None
        if entry is None or gaz.has(norm(tok.text)):
            continue  # "Georgia", "Jordan": a place name itself, found as such
        taken[tok.i] = True
        out.append(Cand(tok.idx, tok.idx + len(tok), tok.i, tok.i + 1, norm(entry.name), ("country",), "NORP", entry,
                        kind="demonym"))
    return out


def anaphors(analysis: Analysis, taken: list[bool]) -> list[Cand]:
    """Generic place nouns that refer back ("the river", "the border zone", "the country")."""
    doc, text = analysis.doc, analysis.text
    out: list[Cand] = []
    for m in _ANAPHOR_RE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(taken[span.start:span.end]):
            continue
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and (nxt.text[:1].isupper() and nxt.pos_ == "PROPN" or nxt.lower_ in ("of", "'s", "’s")
                                and not m.group("noun").startswith("border")):
            continue  # "the river Tisza", "the island of Lesbos": a name follows, found as such
        if nxt is not None and nxt.lower_ in _BODIES:
            continue  # "the coast guard", "the border police", "the city council": a body, not a place
        noun = " ".join(m.group("noun").lower().split())
        out.append(Cand(m.start(), m.end(), span.start, span.end, "", ANAPHORS[noun], "ANAPHOR", kind="anaphor"))
    return out


def one_sided_borders(analysis: Analysis, gaz: Gazetteer, taken: list[bool]) -> list[Cand]:
    """"the border with Moldova", "Lithuania's border", "the border of the Republic of Lithuania":
    a border with one side named (the other is found by :func:`refer_back`)."""
    doc, text = analysis.doc, analysis.text
    out: list[Cand] = []
    if not names_a_border(text):
        return out
    for m in _BORDER_WITH_RE.finditer(text):
        name = m.group("other") or m.group("own")
        if not name:
            continue
        cc = gaz.country_code(name) or gaz.country_code(name.rsplit(" ", 1)[0])
        entry = gaz.country(cc) if cc else None
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if entry is None or span is None or any(taken[span.start:span.end]):
            continue
        s = m.start() + (4 if text[m.start():m.start() + 4].lower() == "the " else 0)
        for k in range(span.start, span.end):
            taken[k] = True
        out.append(Cand(s, span.end_char, span.start, span.end, norm(entry.name), ("border",), "BORDER_WITH", entry))
    return out


def refer_back(c: Cand, history: list[tuple[int, Entry, str]], sent_i: int, gaz: Gazetteer,
               text: str = "") -> Entry | None:
    """The place an anaphor, a one-sided border or a street refers to, from the places resolved
    before it (``history``: (sentence, entry, kind) in text order). A nationality word can name a
    border's other side ("Belarusian officers crossed Lithuania's border") but is no antecedent of
    "the country"."""
    if c.label == "STREET":  # the town (or county) the article last placed things in
        town = next((e for s, e, k in reversed(history) if e.feature in ("city", "admin2")), None)
        if town is None:
            return None
        return Entry("street", text[c.start:c.end], town.cc, town.lat, town.lon, 1.0, None)
    if c.label == "BORDER_WITH" and c.entry is not None:
        cc = c.entry.cc
        other = _neighbour(cc, history, gaz)
        return gaz.border(cc, other) if cc and other else c.entry
    wanted = c.cue
    named = [(s, e) for s, e, k in history if k != "demonym"]
    if wanted == ("country",):
        return _salient_country(named, gaz)
    for s, e in reversed(named):
        if e.feature in wanted:
            return e
    if "border" in wanted:  # "the border": the frontier of the two countries the report is about
        ccs: list[str] = []
        for s, e, k in reversed(history):
            if e.cc and e.cc not in ccs and e.feature != "border":
                ccs.append(e.cc)
            if len(ccs) == 2:
                return gaz.border(ccs[0], ccs[1]) if ccs[1] in gaz.neighbours.get(ccs[0], ()) else None
    if "country" in wanted:
        for s, e in reversed(named):
            if e.cc and e.feature in ("admin1", "city", "admin2"):
                return gaz.country(e.cc)
    return None


def _salient_country(named: list[tuple[int, Entry]], gaz: Gazetteer) -> Entry | None:
    """"the country": the country the report has placed most things in so far (its places and
    the country itself; the latest on a tie) — the report's country, not merely the last one
    named ("... crossed from Colombia. ... the highest number of migrants in the country")."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for k, (_s, e) in enumerate(named):
        if e.cc and e.feature in ("country", "admin1", "city", "admin2"):
            counts[e.cc] = counts.get(e.cc, 0) + 1
            last[e.cc] = k
    if not counts:
        return None
    best = max(counts, key=lambda cc: (counts[cc], last[cc]))
    return gaz.country(best)


def _neighbour(cc: str | None, history: list[tuple[int, Entry, str]], gaz: Gazetteer) -> str | None:
    """A land neighbour of ``cc`` the article names (nearest before the border first)."""
    if not cc:
        return None
    nbs = gaz.neighbours.get(cc, ())
    for s, e, k in reversed(history):
        if e.cc and e.cc != cc and e.cc in nbs and e.feature != "border":
            return e.cc
    return None


_STREET_RE = re.compile(
    r"\b(?:(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Lane|Ln\.|Boulevard|Blvd\.?|Parkway|"
    r"Pkwy\.?|Pike|Trail|Circle|Terrace|Highway|Turnpike|Expressway|Freeway)(?![\w-])"
    r"|(?:Highway|Interstate|Route|State\s+Route|U\.S\.\s+Route|US|I|SR|County\s+Road)[\s-]?\d{1,4}[A-Z]?\b)")


def streets(analysis: Analysis, taken: list[bool]) -> list[Cand]:
    """Streets and roads ("Main Street", "Highway 19"): places of local news, located at the town
    the article places them in (see :func:`refer_back`)."""
    doc, text = analysis.doc, analysis.text
    out: list[Cand] = []
    for m in _STREET_RE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(taken[span.start:span.end]) or span[0].lower_ in _GENERIC - {"main", "state"}:
            continue
        for k in range(span.start, span.end):
            taken[k] = True
        out.append(Cand(m.start(), m.end(), span.start, span.end, "", ("street",), "STREET"))
    return out


def datelines(analysis: Analysis, gaz: Gazetteer, taken: list[bool]) -> list[Cand]:
    """A dateline's town in capitals at the start of a paragraph ("TORRINGTON —", "BEIRUT (AP) -"), or its island
    ("CRETE —", "LAMPEDUSA, Italy —")."""
    doc, text = analysis.doc, analysis.text
    out: list[Cand] = []
    for m in DATELINE_TOWN.finditer(text):
        name = m.group("name").rstrip(".")
        key = norm(name)
        span = doc.char_span(m.start("name"), m.start("name") + len(name), alignment_mode="expand")
        if span is None or any(taken[span.start:span.end]) or not gaz.has(key):
            continue
        for k in range(span.start, span.end):
            taken[k] = True
        out.append(Cand(span.start_char, span.end_char, span.start, span.end, key, ("city", "admin1", "country", "island"), "GAZ"))
    return out


#: a name with a possessive inside it ("Martha's Vineyard", "Land's End", "St John's Wood")
_POSSESSIVE_NAME_RE = re.compile(r"\b[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s [A-Z][\w-]*(?: [A-Z][\w-]*)?")


def possessive_names(analysis: Analysis, gaz: Gazetteer, taken: list[bool]) -> list[Cand]:
    """Names the gazetteer knows whole with a possessive inside ("Land's End"): the tagger splits them at
    the "'s" (or calls them an organisation), so the scan of capitalised runs stops short."""
    doc, text = analysis.doc, analysis.text
    out: list[Cand] = []
    if "'s " not in text and "’s " not in text:
        return out      # the cheap test first
    for m in _POSSESSIVE_NAME_RE.finditer(text):
        words = m.group().split(" ")
        # the longest known name from the possessive's word on ("Land's End", not "reach Land's End")
        for a in range(len(words)):
            if "'s" not in words[a] and "’s" not in words[a]:
                continue
            for b in range(len(words), a + 1, -1):
                start = m.start() + len(" ".join(words[:a])) + (1 if a else 0)
                name = " ".join(words[a:b])
                span = doc.char_span(start, start + len(name), alignment_mode="expand")
                if span is None or any(taken[span.start:span.end]) or not gaz.has(norm(name)) \
                        or re.match(r" [A-Z]", text[start + len(name):]):
                    continue    # nor in a longer name ("the Land's End Coastguard Station")
                taken[span.start:span.end] = [True] * len(span)
                out.append(Cand(span.start_char, span.end_char, span.start, span.end, norm(name), (), "GAZ"))
                break
            break
    return out


#: a plural feature noun after coordinated names -> its singular (a key of ``FEATURE_WORDS``)
_PLURAL_FEATURES = {"counties": "county", "parishes": "parish", "regions": "region", "provinces": "province",
                    "oblasts": "oblast", "districts": "district", "townships": "township", "states": "state",
                    "rivers": "river", "lakes": "lake", "islands": "island", "governorates": "governorate"}
#: a name of one or two capitalised words, in any Latin script ("Ağlasun", "Çavdır"): no digit, underscore or
#: small ASCII letter opens one (a small accented letter is checked after the match)
_LIST_NAME = r"[^\W\d_a-z][\w’'.-]*(?:\s+[^\W\d_a-z][\w’'.-]*)?"
_COORDINATED_RE = re.compile(
    rf"\b{_LIST_NAME}(?:\s*,\s*{_LIST_NAME})*\s*,?\s+(?:and|or|&)\s+{_LIST_NAME}\s+"
    rf"(?P<noun>{'|'.join(_PLURAL_FEATURES)})\b")
_LIST_ITEM_RE = re.compile(_LIST_NAME)
#: divisions commonly named for their seat town, which a gazetteer of towns may know as a town only
_SEAT_NAMED = frozenset({"district"})


def coordinated_names(analysis: Analysis, gaz: Gazetteer, taken: list[bool]) -> list[Cand]:
    """Names coordinated before a plural feature noun: "Camden and Charlton counties", "Clarke,
    Madison, Oconee and Oglethorpe counties", "the Donetsk and Luhansk regions" — each name is one
    of that feature ("Madison" there is Madison County, not a town), looked up with the singular
    noun ("Camden County") or, failing that, as the bare name cued to the feature."""
    doc, text = analysis.doc, analysis.text
    out: list[Cand] = []
    if not any(noun in text for noun in _PLURAL_FEATURES):
        return out      # the pattern needs one of them: spare its scan
    for m in _COORDINATED_RE.finditer(text):
        singular = _PLURAL_FEATURES[m.group("noun")]
        for item in _LIST_ITEM_RE.finditer(text, m.start(), m.start("noun")):
            name = item.group().rstrip(".")
            span = doc.char_span(item.start(), item.start() + len(name), alignment_mode="expand")
            if span is None or any(taken[span.start:span.end]) or name.lower() in _GENERIC or not name[0].isupper():
                continue
            got = next(((key, cue) for key, cue in keys_for(gaz, name.split() + [singular])
                        if any(e.feature in cue for e, _alt in gaz.lookup_key(key)[:40])), None)
            if got is None and singular in _SEAT_NAMED and gaz.has(norm(name)):
                got = norm(name), ("city",)     # "the Ağlasun, Yeşilova and Çavdır districts": named for their seat towns
            if got is None:
                continue
            for k in range(span.start, span.end):
                taken[k] = True
            out.append(Cand(span.start_char, span.end_char, span.start, span.end, got[0], got[1], "LIST"))
    return out


_SHARED_NAME_RE = re.compile(r"\b(?P<a>(?:North|South|East|West|Upper|Lower|Central)(?:ern)?)\s+and\s+"
                             r"(?P<b>(?:North|South|East|West|Upper|Lower|Central)(?:ern)?\s+(?P<name>[A-Z][\w’'-]+))")


def shared_names(analysis: Analysis, gaz: Gazetteer, taken: list[bool]) -> list[Cand]:
    """Two regions that share a name after their directions: "North and South Kivu" names North Kivu
    (the word "North") and South Kivu, when the gazetteer knows both."""
    doc, text = analysis.doc, analysis.text
    out: list[Cand] = []
    if " and " not in text:
        return out
    for m in _SHARED_NAME_RE.finditer(text):
        first = norm(m.group("a") + " " + m.group("name"))
        second = norm(m.group("b"))
        if not (gaz.has(first) and gaz.has(second)):
            continue
        for (s, e), key in (((m.start("a"), m.end("a")), first), ((m.start("b"), m.end("b")), second)):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or any(taken[span.start:span.end]):
                continue
            taken[span.start:span.end] = [True] * len(span)
            out.append(Cand(s, e, span.start, span.end, key, (), "LIST"))
    return out
