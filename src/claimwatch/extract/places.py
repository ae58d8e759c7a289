"""Toponyms: find place mentions, resolve them against the offline gazetteer, give each a role.

Candidates come from spaCy's GPE/LOC/FAC entities and from a gazetteer scan over capitalised token
runs (so "Zakarpattia" is found even when the tagger calls it a person), border phrases ("the
Polish-Belarusian border"), and "the country" referring back to the last country named. Each
candidate is resolved by scoring its gazetteer entries: importance (population / rank), countries
already mentioned in the article, feature-type cues ("river", "mountains", "oblast"), and
containment ("Mukachevo, Zakarpattia"). Roles come from the dependency parse: ``origin`` ("from
Belarus", "fled Ukraine"), ``destination`` ("into Poland", "fled to Kazakhstan", "seek refuge in"),
``source_location`` ("a publication headquartered in Latvia", "a Riga-based outlet"), else
``event``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from .base import Analysis, PlaceMention, Stage, governing_predicate
from .gazetteer import FEATURE_WORDS, Entry, Gazetteer, get_gazetteer, haversine_km, norm

__all__ = ["find_places", "places_for", "resolve_name", "STAGE", "PRECISION", "institution_places"]

#: feature -> precision of the resolved point
PRECISION = {"country": "country", "admin1": "admin1", "city": "city", "border": "border", "region": "region"}


def _cues() -> dict[str, frozenset[str]]:
    raw = resources.files("claimwatch.resources").joinpath("gazetteer", "place_cues.json").read_text(encoding="utf-8")
    return {k: frozenset(v) for k, v in json.loads(raw).items() if isinstance(v, list)}


_C = _cues()  # hand-made cue lexicon (resources/gazetteer/place_cues.json), loaded once
_DIRECTIONS = _C["directions"]
_STOP_CAPS = _C["stop_caps"]
_GENERIC = _C["generic"]
_LOCATIVE = _C["locative"]
_FROM_PREPS = _C["from_preps"]
_TO_PREPS = _C["to_preps"]
_MOTION = _C["motion"]
_REFUGE = _C["refuge"]
_ARRIVE = _C["arrive"]
_LEAVE = _C["leave"]
_REACH = _C["reach"]
_SOURCE_VERBS = _C["source_verbs"]
_SOURCE_NOUNS = _C["source_nouns"]
_INSTITUTIONS = _C["institutions"]
_REPORTING = _C["reporting"]

PHYSICAL = ("river", "lake", "mountain_range", "sea", "ocean", "gulf", "bay", "strait", "channel",
            "lagoon", "island", "peninsula", "desert", "plateau", "plain", "delta", "basin", "valley",
            "cape", "waterfall", "region")

_BORDER_RE = re.compile(
    r"\b(?:[Tt]he\s+)?([A-Z][\w’'.]+(?:\s[A-Z][\w’'.]+)?)\s?[-–/]\s?([A-Z][\w’'.]+(?:\s[A-Z][\w’'.]+)?)\s+"
    r"(?:state\s+|land\s+|river\s+)?(border|frontier|boundary)\b")
_BORDER_BETWEEN_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(border|frontier|boundary)\s+between\s+(?:the\s+)?([A-Z][\w’'.]+(?:\s[A-Z][\w’'.]+)?)"
    r"\s+and\s+(?:the\s+)?([A-Z][\w’'.]+(?:\s[A-Z][\w’'.]+)?)")
_BORDER_WITH_RE = re.compile(
    r"\b([A-Z][\w’'.]+(?:\s[A-Z][\w’'.]+)?)(?:’s|'s)\s+(?:\w+\s+)?(border|frontier)\s+with\s+(?:the\s+)?"
    r"([A-Z][\w’'.]+(?:\s[A-Z][\w’'.]+)?)")
_ONE_BORDER_RE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Aa])\s+([A-Z][a-z]+)\s+(?:state\s+|land\s+|river\s+|eastern\s+|western\s+"
                            r"|northern\s+|southern\s+)?(?:border|frontier)\b(?!\s+(?:with|between))")
#: a dateline opening the article: "PARIS (AFP) -", "KYIV, March 3 (Reuters) —", "LONDON —"
_DATELINE = re.compile(r"[A-Z][A-Za-z .'’-]{1,40}(?:,[^\n(]{0,40})?\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—]|--)\s")
_COUNTRY_ANAPHOR = re.compile(r"\b(?:the|this|that) (?:country|nation)\b(?!['’]s\b)", re.I)


@dataclass
class _Cand:
    start: int                  # char span
    end: int
    tok_start: int              # token range [tok_start, tok_end)
    tok_end: int
    key: str                    # normalised look-up key
    cue: tuple[str, ...] = ()   # feature types cued by a generic word ("river")
    label: str = ""             # spaCy label, "" for gazetteer scan
    entry: Entry | None = None  # pre-resolved (borders, anaphora)
    parts: tuple = ()           # a border's two sides: ((start, end, iso2), ...)


def _strip_feature_word(words: list[str]) -> tuple[list[str], tuple[str, ...]]:
    if len(words) > 1 and words[-1].lower() in FEATURE_WORDS:
        return words[:-1], FEATURE_WORDS[words[-1].lower()]
    if len(words) > 1 and words[0].lower() in ("river", "lake", "mount", "gulf", "sea", "strait"):
        w = words[0].lower()
        return words[1:], FEATURE_WORDS.get(w, ("mountain_range",) if w == "mount" else ())
    return words, ()


def _trim(doc, s: int, e: int) -> tuple[int, int]:
    """Drop leading determiners and a trailing possessive from a token range."""
    while s < e and doc[s].lower_ in ("the", "a", "an"):
        s += 1
    while e > s and doc[e - 1].lower_ in ("'s", "’s", "'", "’"):
        e -= 1
    return s, e


def _keys_for(gaz: Gazetteer, words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Look-up keys to try for a word sequence, best first: full name, then without the feature word."""
    out = [(norm(" ".join(words)), ())]
    core, cue = _strip_feature_word(words)
    if cue:
        out[0] = (out[0][0], cue)
        out.append((norm(" ".join(core)), cue))
    return out


def _candidates(analysis: Analysis, gaz: Gazetteer) -> list[_Cand]:
    doc, text = analysis.doc, analysis.text
    cands: list[_Cand] = []
    taken = [False] * len(doc)

    def claim(c: _Cand) -> None:
        cands.append(c)
        for i in range(c.tok_start, c.tok_end):
            taken[i] = True

    def tok_range(cs: int, ce: int) -> tuple[int, int] | None:
        sp = doc.char_span(cs, ce, alignment_mode="expand")
        return (sp.start, sp.end) if sp is not None else None

    # borders first: they contain demonyms / names that must not become places of their own
    for rx, groups in ((_BORDER_RE, (1, 2)), (_BORDER_BETWEEN_RE, (2, 3)), (_BORDER_WITH_RE, (1, 3))):
        for m in rx.finditer(text):
            names = [m.group(g) for g in groups]
            end = m.end()
            if names[-1].endswith(".") and gaz.country_code(names[-1][:-1]) and m.end(groups[-1]) == end \
                    and not names[-1].endswith(("U.S.", "U.K.")):
                names[-1], end = names[-1][:-1], end - 1  # sentence-final period
            a, b = (gaz.country_code(x) for x in names)
            if not a or not b or a == b:
                continue
            entry = gaz.border(a, b)
            s = m.start()
            if text[s:s + 4].lower() == "the ":
                s += 4
            tr = tok_range(s, end)
            if entry and tr and not any(taken[tr[0]:tr[1]]):
                parts = tuple((m.start(g), m.start(g) + len(x), cc) for g, x, cc in zip(groups, names, (a, b)))
                claim(_Cand(s, end, tr[0], tr[1], norm(entry.name), ("border",), "BORDER", entry, parts))
    # "the Belarusian border", "Ukraine's border": one country's frontier locates the event in it
    for m in _ONE_BORDER_RE.finditer(text):
        cc = gaz.country_code(m.group(1))
        entry = gaz.country(cc) if cc else None
        tr = tok_range(m.start(1), m.end(1))
        if entry is not None and tr and not any(taken[tr[0]:tr[1]]):
            claim(_Cand(m.start(1), m.end(1), tr[0], tr[1], norm(entry.name), ("country",), "BORDER1", entry))

    # spaCy entities
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e or any(taken[s:e]):
            continue
        if s > 0 and doc[s - 1].lower_ in _DIRECTIONS and not taken[s - 1]:
            s -= 1  # "eastern Ukraine"
        for x in range(min(len(doc), e + 4), e, -1):  # "Rostov" + "-on-Don"
            if doc[e].text in ("-", "–") and doc[x - 1].text[:1].isalpha() and not any(taken[e:x]) \
                    and gaz.has(norm(text[doc[s].idx:doc[x - 1].idx + len(doc[x - 1])])):
                e = x
                break
        # extend over a following generic feature word ("Tisza" + "River")
        if e < len(doc) and doc[e].lower_ in FEATURE_WORDS and doc[e].lower_ not in ("city", "town", "state"):
            e += 1
        key = ""
        if e - s == 1 and s > 0 and doc[s - 1].lower_ == "the" and not gaz.has(norm(doc[s].text)) \
                and gaz.has("the " + norm(doc[s].text)):
            key = "the " + norm(doc[s].text)  # "the Channel": known by its generic word with the article
        claim(_Cand(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), s, e, key, (), ent.label_))

    # gazetteer scan over capitalised runs not covered by a place entity
    person_org: list = [False] * len(doc)
    ent_of: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"):
            for i in range(ent.start, ent.end):
                person_org[i] = ent.label_
                ent_of[i] = (ent.start, ent.end)
    texts = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]
    n = len(doc)
    capok = [w[:1].isupper() for w in texts]
    inner = [c or lw in ("of", "de", "la", "el", "al", "on", "upon", "am", "sur", "-") or lw in _DIRECTIONS
             for c, lw in zip(capok, lowers)]
    punct = [t.is_punct for t in doc]
    i = 0
    while i < n:
        low = lowers[i]
        start_ok = (capok[i] and low not in _STOP_CAPS) or (low in _DIRECTIONS and i + 1 < n and capok[i + 1])
        if taken[i] or not start_ok or punct[i]:
            i += 1
            continue
        run = i + 1  # the run of name-like tokens starting at i
        while run < n and run - i < gaz.max_words and inner[run] and not taken[run]:
            run += 1
        if run < n and lowers[run] in FEATURE_WORDS and not taken[run] and lowers[run] not in ("city", "town", "state"):
            run += 1  # "Donetsk region", "the Tisa river"
        best = None
        lowest = i + 2 if low in _DIRECTIONS else i + 1
        for j in range(run, lowest - 1, -1):
            if punct[j - 1] and j - 1 > i:
                continue
            for key, cue in _keys_for(gaz, texts[i:j]):
                if gaz.has(key):
                    best = (j, key, cue)
                    break
            if best:
                break
        tok = doc[i]
        the_name = False
        if best is None and i > 0 and lowers[i - 1] == "the" and tok.pos_ == "PROPN" \
                and gaz.has("the " + norm(texts[i])):
            # "the Channel", "the Gulf": a sea known by its generic word with the article
            best, the_name = (i + 1, "the " + norm(texts[i]), ()), True
        if best is None:
            i += 1
            continue
        j, key, cue = best
        hits = gaz.lookup_key(key)
        if i > 0 and lowers[i - 1] == "the" and not cue:
            # "the Dnipro": a determiner points to a river, range or sea rather than a town
            phys = [h for h in hits if h[0].feature in PHYSICAL]
            if phys:
                hits = phys + [h for h in hits if h[0].feature not in PHYSICAL]
                cue = tuple(sorted({h[0].feature for h in phys}))  # sorted: no hash-order dependence
        top = hits[0][0]
        if j - i == 1 and hits[0][1] and len(texts[i]) <= 5 and not (i >= 2 and texts[i - 1] == ","):
            i += 1  # "Miss", "Tex": abbreviations of regions count only after "<place>,"
            continue
        if the_name:
            claim(_Cand(doc[i].idx, doc[i].idx + len(doc[i]), i, j, key, cue, "GAZ"))
            i = j
            continue
        if j - i == 1 and (tok.pos_ != "PROPN" or tok.is_stop or tok.lower_.rstrip(".") in _GENERIC
                           or len(tok.text) < 3 and not tok.text.isupper()):
            i += 1
            continue
        if not cue and (top.feature in ("river", "lake", "cape", "bay", "valley", "plain", "basin")
                        and top.importance < 6.5):
            i += 1  # a minor river/lake named like a surname ("Nelson") needs its "River"
            continue
        last = j - 2 if cue and j - i > 1 and lowers[j - 1] in FEATURE_WORDS else j - 1
        label = person_org[i] if person_org[i] == person_org[last] else "MIXED"
        if label == "MIXED" and i in ent_of and ent_of[i][0] >= i and ent_of[i][1] < j and not person_org[last]:
            label = ""  # the gazetteer name runs past the entity ("Rostov" + "-on-Don")
        acceptable = (
            cue
            or top.feature != "city"
            or (top.importance >= 5.0 and not hits[0][1])
        )
        if label in ("WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "MIXED"):
            acceptable = False
        elif label in ("PERSON", "ORG"):
            # a region, country or feature the tagger mistook for a person or organisation: the whole
            # entity must be the name (or "<place>, <region>")
            es, ee = ent_of[i]
            if lowers[es] == "the":
                es += 1
            whole = es == i and ee - (1 if cue and ee == j - 1 else 0) <= j
            prev = doc[i - 2] if i >= 2 and doc[i - 1].text == "," else None
            locative = i > 0 and doc[i - 1].lower_ in _LOCATIVE
            acceptable = bool(acceptable and not hits[0][1] and whole and (top.feature != "city" or locative)
                              or acceptable and prev is not None and taken[prev.i]
                              or cue and whole)
            if acceptable and label == "PERSON" and i > 0 and doc[i - 1].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr"):
                acceptable = False
        elif label == "NORP":
            # "the Carpathians" is a range, "Ukrainians" a people
            acceptable = bool(acceptable and top.feature in PHYSICAL and gaz.demonym(" ".join(texts[i:j])) is None)
        if acceptable:
            claim(_Cand(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), i, j, key, cue, "GAZ"))
            i = j
        else:
            i += 1

    # "the country" -> the last country named before it
    for m in _COUNTRY_ANAPHOR.finditer(text):
        tr = tok_range(m.start(), m.end())
        if not tr or any(taken[tr[0]:tr[1]]):
            continue
        cands.append(_Cand(m.start(), m.end(), tr[0], tr[1], "", ("country",), "ANAPHOR"))
    cands.sort(key=lambda c: c.start)
    return cands


def _score(entry: Entry, alt: bool, cue: tuple[str, ...], label: str, ctx_cc: dict[str, float],
           pts: tuple = ()) -> float:
    s = entry.importance - (1.5 if alt else 0.0)
    if pts and entry.feature not in ("country", "admin1"):
        for cc, lat, lon in pts:
            if cc == entry.cc and haversine_km(lat, lon, entry.lat, entry.lon) < 300:
                s += 2.0
                break
    if cue:
        s += 6.0 if entry.feature in cue else -6.0
    if label == "LOC" and entry.feature in PHYSICAL:
        s += 1.0
    if label == "GPE" and not cue and entry.feature in PHYSICAL and entry.feature != "region":
        s -= 2.5  # "Ohio" the state, "Ontario" the province: not the river / lake
    if label in ("GPE", "GAZ") and entry.feature in ("country", "admin1", "city"):
        s += 0.5
    if entry.cc and entry.cc in ctx_cc:
        s += ctx_cc[entry.cc]
    return s


def _contains(outer: Entry, inner: Entry) -> float:
    """Bonus when ``inner`` plausibly lies in ``outer`` ("Mukachevo, Zakarpattia"; "Atlanta, Georgia")."""
    if outer.feature == "country":
        return 4.0 if inner.cc == outer.cc else -2.0
    if outer.feature == "admin1" and inner.cc == outer.cc:
        d = haversine_km(inner.lat, inner.lon, outer.lat, outer.lon)
        return 6.0 if d < 400 else 1.0
    return 0.0


def _options(gaz: Gazetteer, c: _Cand, words: list[str], ctx_cc: dict[str, float],
             pts: tuple = ()) -> list[tuple[float, Entry]]:
    """Scored gazetteer entries for a candidate, best first."""
    keys = [(c.key, c.cue)] if c.key else _keys_for(gaz, words)
    if words and words[0].lower() in _DIRECTIONS and len(words) > 1:
        keys.append((norm(" ".join(words[1:])), c.cue))
    out: list[tuple[float, Entry]] = []
    for key, cue in keys:
        got = [(_score(entry, alt, cue, c.label, ctx_cc, pts), entry) for entry, alt in gaz.lookup_key(key)[:40]]
        out += got
        if got and (not cue or max(got, key=lambda x: x[0])[1].feature in cue):
            break
    out.sort(key=lambda x: -x[0])
    if len(out) > 1 and out[0][1].feature == "admin1" and not (c.cue and "admin1" in c.cue):
        # "in Kharkiv" / "in Kiev": the city, not the region named after it
        top = out[0]
        for sc, e in out[1:6]:
            if e.feature == "city" and e.cc == top[1].cc and sc >= top[0] - 2.0 and \
                    haversine_km(e.lat, e.lon, top[1].lat, top[1].lon) < 150:
                out.remove((sc, e))
                out.insert(0, (sc, e))
                break
    return out


def resolve_name(name: str, *, context: tuple[str, ...] = (), feature: str | None = None) -> Entry | None:
    """Resolve one place name out of context (optionally preferring countries ``context``)."""
    gaz = get_gazetteer()
    words = name.split()
    cue = (feature,) if feature else ()
    c = _Cand(0, len(name), 0, len(words), "", cue, "GAZ")
    if cue:
        c.key = norm(name)
    opts = _options(gaz, c, words, {cc: 4.0 for cc in context})
    return opts[0][1] if opts else None


def _role(doc, head_tok) -> str:
    t = head_tok
    # "a Riga-based outlet", "Latvia-based"
    nxt = doc[t.i + 1: t.i + 3]
    if len(nxt) == 2 and nxt[0].text in ("-", "–") and nxt[1].lower_ in ("based", "headquartered"):
        return "source_location"
    if t.dep_ in ("poss", "compound", "nmod"):
        h = t.head
        while h.dep_ == "compound" and h.head is not h:
            h = h.head
        if h.lower_ in _INSTITUTIONS or h.lower_ in _SOURCE_NOUNS:
            acting = h.dep_ in ("nsubj", "nsubjpass", "pobj") and h.head.lemma_.lower() not in _REPORTING \
                and (h.dep_ != "pobj" or h.head.dep_ == "agent")
            # "Polish police detained him": the event's place; "the UK's Ministry of Defence said",
            # "an adviser to Ukraine's State Border Service": where the source sits
            return "event" if acting else "source_location"
        t = t.head
    if t.dep_ in ("pobj", "pcomp"):
        prep = t.head
        p = prep.lower_
        gov = prep.head
        lem = gov.lemma_.lower()
        if p == "of" and gov.lower_ in ("out",):
            return "origin"
        if p in _FROM_PREPS:
            return "origin"
        if lem in _SOURCE_VERBS or gov.lower_ in _SOURCE_VERBS:
            return "source_location"
        if p in _TO_PREPS:
            chain = [gov, gov.head, gov.head.head]
            if p == "into" or any(x.lemma_.lower() in _MOTION for x in chain):
                return "destination"
        if p in ("in", "at") and lem in _ARRIVE:
            return "destination"
        if p in ("in", "to") and (gov.lemma_.lower() in _REFUGE
                                  or any(ch.dep_ == "dobj" and ch.lemma_.lower() in _REFUGE for ch in gov.children)):
            return "destination"
        if p in ("in", "at") and gov.pos_ in ("NOUN", "PROPN") and gov.lemma_.lower() in _SOURCE_NOUNS:
            return "source_location"
    if t.dep_ == "dobj":
        lem = t.head.lemma_.lower()
        if lem in _LEAVE:
            return "origin"
        if lem in _REACH:
            return "destination"
    return "event"


def _context_countries(gaz: Gazetteer, analysis: Analysis) -> dict[str, float]:
    """Countries named in the article (3.0) and their demonyms (1.5): a prior for ambiguous names."""
    ctx: dict[str, float] = {}
    doc = analysis.doc
    for ent in doc.ents:
        if ent.label_ == "GPE":
            for e in gaz.lookup(ent.text.removeprefix("the ").removeprefix("The "))[:1]:
                if e.feature == "country":
                    ctx[e.cc] = 3.0
                elif e.feature == "admin1" and e.cc:
                    ctx.setdefault(e.cc, 2.0)
        elif ent.label_ == "NORP":
            cc = gaz.demonym(ent.text)
            if cc:
                ctx.setdefault(cc, 1.5)
    return ctx


def find_places(analysis: Analysis) -> list[PlaceMention]:
    """Every place mention in the article, resolved and with a role (SPEC §2 ``places``)."""
    gaz = get_gazetteer()
    doc, text = analysis.doc, analysis.text
    ctx = _context_countries(gaz, analysis)
    cands = _candidates(analysis, gaz)
    out: list[PlaceMention] = []
    words = [[t.text for t in doc[c.tok_start:c.tok_end]] for c in cands]
    todo = [c.entry is None and c.label != "ANAPHOR" for c in cands]
    opts = [_options(gaz, c, w, ctx) if t else [] for c, w, t in zip(cands, words, todo)]
    # second pass: the countries and regions the first pass found become the context
    counts: dict[str, int] = {}
    pts = []
    cities = []
    for k0, o in enumerate(opts):
        if o:
            top = o[0][1]
            if top.feature == "city":
                cities.append((k0, top))
            if top.cc:
                counts[top.cc] = counts.get(top.cc, 0) + 1
            if top.feature == "admin1":
                pts.append((top.cc, top.lat, top.lon))
    if counts:
        total = sum(counts.values())
        ctx2 = dict(ctx)
        for cc, n_cc in counts.items():
            ctx2[cc] = max(ctx2.get(cc, 0.0), 4.0 * n_cc / total)
        opts = [_options(gaz, c, w, ctx2, tuple(pts)) if t else [] for c, w, t in zip(cands, words, todo)]
        if cities:
            # an admin-1 reading the article's towns lie in ("Gainesville ... Georgia")
            for k1, o in enumerate(opts):
                if any(e.feature == "city" for _, e in o[:3]):
                    continue  # "Minsk": a city name; its region is not what the text means
                for k2, (sc, e) in enumerate(o):
                    if e.feature == "admin1":
                        near = sum(1 for k0, c in cities if k0 != k1 and c.cc == e.cc
                                   and haversine_km(c.lat, c.lon, e.lat, e.lon) < 400)
                        if near:
                            o[k2] = (sc + min(4.0, 1.5 * near), e)
                o.sort(key=lambda x: -x[0])
    chosen: dict[int, Entry] = {}
    # containment pairs "<place>, <region or country>": choose both entries jointly
    for k in range(len(cands) - 1):
        c, nx = cands[k], cands[k + 1]
        if not (opts[k] and opts[k + 1] and nx.tok_start == c.tok_end + 1 and doc[c.tok_end].text == ","):
            continue
        best, best_s = None, -1e9
        for sb, b in opts[k + 1][:10]:
            if b.feature not in ("admin1", "country"):
                continue
            for sa, a in opts[k][:40]:
                sc = sa + sb + _contains(b, a)
                if sc > best_s:
                    best, best_s = (a, b), sc
        if best:
            chosen[k], chosen[k + 1] = best
    dl_end = -1
    if analysis.paragraphs:
        p0 = analysis.paragraphs[0][0]
        m = _DATELINE.match(text, p0)
        if m:
            dl_end = m.end()
    last_country: Entry | None = None
    for k, c in enumerate(cands):
        entry: Entry | None = c.entry
        if c.label == "ANAPHOR":
            entry = last_country
        elif entry is None:
            entry = chosen.get(k) or (opts[k][0][1] if opts[k] else None)
        if entry is None:
            continue
        if entry.feature == "country":
            last_country = entry
        if c.label == "GAZ" and entry.feature == "city" and entry.importance < 5.0 and not c.cue:
            continue
        root = doc[c.tok_start:c.tok_end].root
        s, e = c.start, c.end
        out.append(PlaceMention(
            span=(s, e), text=text[s:e], name=entry.name, lat=entry.lat, lon=entry.lon,
            country=None if entry.feature == "border" else entry.cc, feature=entry.feature,
            geonameid=entry.geonameid, precision=PRECISION.get(entry.feature, "feature"),
            role="source_location" if c.end <= dl_end else _role(doc, root), sent_i=analysis.sent_index(s) if analysis.sentences else 0,
            head_i=governing_predicate(root).i,
        ))
        if entry.feature == "border":
            out[-1].country = entry.cc
            for ps, pe, cc in c.parts:  # "the Polish-Belarusian border": both countries too
                side = gaz.country(cc)
                if side is not None:
                    out.append(PlaceMention(
                        span=(ps, pe), text=text[ps:pe], name=side.name, lat=side.lat, lon=side.lon, country=cc,
                        feature="country", geonameid=side.geonameid, precision="country", role=out[-1].role,
                        sent_i=out[-1].sent_i, head_i=out[-1].head_i))
    return out




def institution_places(analysis: Analysis, sent_i: int) -> list[PlaceMention]:
    """Countries located by a demonym on a state institution in the sentence ("Polish border
    police" -> Poland, role event): a demonym alone is not a place, its police acting is."""
    gaz = get_gazetteer()
    s0, e0 = analysis.sentences[sent_i]
    out = []
    for tok in analysis.doc.char_span(s0, e0, alignment_mode="expand") or []:
        if tok.dep_ not in ("amod", "compound") or not tok.text[:1].isupper():
            continue
        cc = gaz.demonym(tok.text)
        head = tok.head
        while head.dep_ == "compound" and head.head is not head:
            head = head.head
        if not cc or head.lower_ not in _INSTITUTIONS:
            continue
        entry = gaz.country(cc)
        if entry is None:
            continue
        out.append(PlaceMention(
            span=(tok.idx, tok.idx + len(tok)), text=tok.text, name=entry.name, lat=entry.lat, lon=entry.lon,
            country=cc, feature="country", geonameid=entry.geonameid, precision="country", role="event",
            sent_i=sent_i, head_i=governing_predicate(head).i))
    return out


def places_for(analysis: Analysis, sent_i: int, head_i: int | None = None) -> list[PlaceMention]:
    """The places of a claim: those in its sentence, the ones under the claim's predicate first;
    if the sentence names no place, a country located by "<demonym> police/authorities"."""
    places = [p for p in analysis.places if p.sent_i == sent_i]
    if not places:
        return institution_places(analysis, sent_i)
    if head_i is None:
        return list(places)
    doc = analysis.doc
    head = doc[head_i]
    clause = governing_predicate(head)

    def inside(p: PlaceMention) -> int:
        tok = doc[p.head_i] if p.head_i is not None else None
        if tok is None:
            return 1
        if tok.i == clause.i or any(a.i == clause.i for a in tok.ancestors):
            return 0
        return 1

    return sorted(places, key=inside)


STAGE = Stage("places", ("doc",), ("places",), find_places)
