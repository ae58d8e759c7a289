"""Place candidates: the word spans of an article that may name a place, before resolution.

Candidates come from spaCy's GPE/LOC/FAC entities, from a gazetteer scan over capitalised token
runs (so "Zakarpattia" is found even when the tagger calls it a person), border phrases ("the
Polish-Belarusian border", "the border with Moldova"), and "the country" referring back to the last
country named. Cue words (``resources/gazetteer/place_cues.json``) are loaded once here.
"""

from __future__ import annotations

import re

from . import place_refs
from .base import Analysis
from .gazetteer import FEATURE_WORDS, Gazetteer, norm
from .place_lexicon import CUES, PHYSICAL, PRECISION, Cand

__all__ = ["Cand", "candidates", "keys_for", "PHYSICAL", "PRECISION", "CUES", "DATELINE"]



_C = CUES
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
                            r"|northern\s+|southern\s+)?(?:border|frontier)\b(?!\s+(?:with|between|guards?|police|service|"
                            r"troops|agency|patrol|forces?|officers?|officials|authorities|committee|control))")
#: a dateline opening the article: "PARIS (AFP) -", "KYIV, March 3 (Reuters) —", "LONDON —"
DATELINE = _DATELINE = re.compile(r"[A-Z][A-Za-z .'’-]{1,40}(?:,[^\n(]{0,40})?\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—]|--)\s")


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


def keys_for(gaz: Gazetteer, words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Look-up keys to try for a word sequence, best first: full name, then without the feature word."""
    out = [(norm(" ".join(words)), ())]
    core, cue = _strip_feature_word(words)
    if cue:
        out[0] = (out[0][0], cue)
        out.append((norm(" ".join(core)), cue))
    return out


def candidates(analysis: Analysis, gaz: Gazetteer) -> list[Cand]:
    doc, text = analysis.doc, analysis.text
    cands: list[Cand] = []
    taken = [False] * len(doc)

    def claim(c: Cand) -> None:
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
                claim(Cand(s, end, tr[0], tr[1], norm(entry.name), ("border",), "BORDER", entry, parts))
    # "the Belarusian border", "the border with Moldova": one country's frontier; the other side is a
    # neighbour the article names (else the country itself locates the event)
    for m in _ONE_BORDER_RE.finditer(text):
        cc = gaz.country_code(m.group(1))
        entry = gaz.country(cc) if cc else None
        tr = tok_range(m.start(1), m.end())
        if entry is not None and tr and not any(taken[tr[0]:tr[1]]):
            claim(Cand(m.start(1), m.end(), tr[0], tr[1], norm(entry.name), ("border",), "BORDER_WITH", entry))
    for c in place_refs.one_sided_borders(analysis, gaz, taken):
        cands.append(c)

    for c in place_refs.datelines(analysis, gaz, taken) + place_refs.streets(analysis, taken):
        cands.append(c)

    # spaCy entities
    people = place_refs.person_names(doc)
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e or any(taken[s:e]):
            continue
        if all(doc[k].text in people for k in range(s, e)) and not place_refs.in_place_context(doc, s, e):
            continue  # "coach Ripley": a surname the article gives a person
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
        claim(Cand(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), s, e, key, (), ent.label_))

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
            for key, cue in keys_for(gaz, texts[i:j]):
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
        if cue and not any(h[0].feature in cue for h in hits[:10]):
            i += 1  # "Big Creek" is no creek named "Big" (Biga, Turkey): the generic word must fit
            continue
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
            claim(Cand(doc[i].idx, doc[i].idx + len(doc[i]), i, j, key, cue, "GAZ"))
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
        placed = top.feature == "city" and not hits[0][1] and place_refs.in_place_context(doc, i, j) \
            and not any(w in people for w in texts[i:j])
        acceptable = (
            cue
            or top.feature != "city"
            or (top.importance >= 5.0 and not hits[0][1])
            or placed and tok.pos_ == "PROPN" and not label
        )
        if placed and not cue:
            cue = ("city",)  # "near Pylos", "an Alexandria man": the town, however small
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
            # "the Carpathians" is a range, "Odesa region" a region, "Ukrainians" a people
            acceptable = bool((acceptable and top.feature in PHYSICAL or cue and j - i > 1)
                              and gaz.demonym(" ".join(texts[i:j])) is None)
        if acceptable:
            claim(Cand(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), i, j, key, cue, "GAZ"))
            i = j
        else:
            i += 1

    cands += place_refs.repeated_names(analysis, gaz, cands, taken)
    cands += place_refs.embedded_names(analysis, gaz, taken)
    cands += place_refs.demonyms(analysis, gaz, taken)
    cands += place_refs.anaphors(analysis, taken)  # "the river", "the country": resolved in order later
    cands.sort(key=lambda c: c.start)
    return cands


