"""Place candidates: the word spans of an article that may name a place, before resolution.

Candidates come from spaCy's GPE/LOC/FAC entities, from a gazetteer scan over capitalised token
runs (so "Zakarpattia" is found even when the tagger calls it a person), border phrases ("the
Polish-Belarusian border", "the border with Moldova"), and "the country" referring back to the last
country named. Cue words (``resources/gazetteer/place_cues.json``) are loaded once here.
"""

from __future__ import annotations

import difflib
import re

from . import place_local, place_refs
from .base import Analysis, token_table
from .entities import role_in
from .events import lexicon as event_lexicon
from .gazetteer import FEATURE_WORDS, Gazetteer, norm
from .place_capitals import doubtful_capitals
from .place_lexicon import (
    CUES,
    NAME_PARTICLES,
    PHYSICAL,
    PRECISION,
    Cand,
    a_saints_building,
    a_saints_possessive,
    keys_for,
    names_a_border,
)
from .sources import TITLE_ABBREVIATIONS

__all__ = ["Cand", "candidates", "keys_for", "PHYSICAL", "PRECISION", "CUES"]



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
#: verbs whose object is where the event happened: attacked, left or reached
_OBJECT_VERBS = _C["strike"] | _LEAVE | _REACH
_STRIKE = _C["strike"]
#: capitalised words that make a longer place name of the name after them ("Lesser", "Upper", "Fort")
_NAME_PREFIXES = _C["name_prefixes"]
_EVENT_WORDS = event_lexicon()
#: the subjects of a physical attack: weapons and armed forces ("drones", "shelling", "troops")
_ARMED = _EVENT_WORDS["strike_set"] | _EVENT_WORDS["military_set"] | frozenset(
    {"force", "army", "military", "militia", "navy", "rebel", "insurgent", "gunman", "jet", "warplane", "aircraft", "tank"})
#: prepositions giving the reason for an attack in words ("attacked Warren over her plan")
_REASON_PREPS = frozenset({"for", "over"})
#: how large a town must be for its name as such an object to outweigh the tagger's person
_TOWN_OBJECT_IMPORTANCE = 5.0


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


def _trim(doc, s: int, e: int) -> tuple[int, int]:
    """Drop leading determiners, a trailing possessive and the line breaks the tagger's entity may
    run over (a headline's last name and the blank line after it)."""
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].lower_ in ("'s", "’s", "'", "’") or doc[e - 1].is_space):
        e -= 1
    return s, e


def _spelled_alike(key: str, name: str) -> bool:
    """Whether an alternative name the text matched is a transliteration of the entry's own name
    ("Zuwara" / "Zuwarah", "Zaporizhzhia" / "Zaporizhzhya"), not another word ("Island" / Iceland)."""
    own = norm(name)
    return own[:3] == key[:3] and difflib.SequenceMatcher(None, key, own).ratio() >= 0.8


#: a division's word written capitalised after a name ("Ha Giang Province", "Kisumu County"): it ends the
#: name, where another capitalised word ("Dublin City", "St. James United") continues one
_ADMIN_AFTER = frozenset({"province", "region", "district", "county", "oblast", "governorate", "state", "prefecture"})


def _ends_an_organisations_name(doc, s: int) -> bool:
    """Whether a place entity closes an organisation's name written right before it, with no comma
    ("BrightWell UK", "Save the Children UK", "Vodafone Egypt"): its country branch, not a place."""
    return s > 0 and doc[s - 1].ent_type_ == "ORG" and doc[s - 1].ent_iob_ != "" and not doc[s - 1].is_punct \
        and doc[s - 1].whitespace_ != "" and doc[s - 1].text[:1].isupper()


def candidates(analysis: Analysis, gaz: Gazetteer) -> list[Cand]:
    """Every span of the article that may name or refer to a place, in text order."""
    col = _Collector(analysis, gaz)
    col.borders()  # first: they contain demonyms / names that must not become places of their own
    for c in place_refs.one_sided_borders(analysis, gaz, col.taken):
        col.cands.append(c)
    for c in place_refs.datelines(analysis, gaz, col.taken) + place_refs.streets(analysis, col.taken):
        col.cands.append(c)
    col.cands += place_refs.coordinated_names(analysis, gaz, col.taken)  # "Camden and Charlton counties"
    col.cands += place_refs.possessive_names(analysis, gaz, col.taken)  # "Martha's Vineyard"
    col.cands += place_refs.shared_names(analysis, gaz, col.taken)  # "North and South Kivu"
    before = len(col.cands)  # a dateline's town, a border phrase: places by their layout or words
    col.entities()
    col.scan()
    cands, taken = col.cands, col.taken
    doubtful = doubtful_capitals(analysis.text, cands[before:], gaz)
    cands += place_refs.repeated_names(analysis, gaz, cands, taken)
    cands += place_refs.embedded_names(analysis, gaz, taken)
    cands += place_refs.demonyms(analysis, gaz, taken)
    local = place_local.local_candidates(analysis, taken)  # "the village of X", "X camp": names the gazetteer lacks
    cands += local + place_local.repeated_locals(analysis, local, taken)
    cands += place_refs.anaphors(analysis, taken)  # "the river", "the country": resolved in order later
    named = {norm(analysis.text[c.start:c.end]) for c in cands if c.kind == "name" and not any(c is d for d in doubtful)}
    cands = [c for c in cands if not any(c is d for d in doubtful) or norm(analysis.text[c.start:c.end]) in named]
    cands.sort(key=lambda c: c.start)
    return cands


#: what a river does to its banks and the land around it
_WATER_VERBS = frozenset({"flood", "inundate", "swamp", "burst", "overflow", "overtop"})


def _not_a_bare_river(hits: list) -> list:
    """The readings of a name written without "the" or "River": a river so written is rare in English
    ("the Madison", "Madison River"), so a town or region of the name is meant, or a person ("Fans
    attacked Madison for missing 3 penalties"); only a river reading when there is no other."""
    rest = [h for h in hits if h[0].feature != "river"]
    return rest or hits


def _abbreviates(word: str, name: str) -> bool:
    """Whether a short word can abbreviate a name: its letters in order in the name, from its first
    ("Tex" Texas, "Md" Maryland, "Qld" Queensland) — not another spelling ("Bekaa" for Beqaa)."""
    letters, full = norm(word).replace(".", ""), iter(norm(name))
    return bool(letters) and letters[0] == norm(name)[:1] and all(ch in full for ch in letters)


#: the words after which another spelling of a region's name is the region ("in Bekaa", "the Bekaa")
_PLACE_WORDS_BEFORE = frozenset(_LOCATIVE) | {"the"}
_BAD_LABELS = ("WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "MIXED")

def _a_rank_before_a_name(doc, i: int) -> bool:
    """Whether token ``i`` is an abbreviated rank or title before a capitalised word ("Det. Insp.
    Sarah Jones", "Gen. Mark Milley"): never a place's name."""
    return doc[i].text in TITLE_ABBREVIATIONS and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def _a_persons_word(tok) -> bool:
    """Whether a subject is a person ("Trump", "she", "the senator"): one who attacks or leaves a
    person ("attacked Warren over her plan"), not a town."""
    return tok.ent_type_ == "PERSON" or tok.pos_ == "PRON" or role_in(tok.text) is not None


def _a_given_name(doc, i: int, j: int) -> bool:
    """Whether tokens [i, j) open a personal name that a role names: a capitalised word they modify
    follows them and is set beside a role noun or has one before it ("The Public Relations Officer,
    ASP Florence Adongo, told ...", "police spokesperson Paris Mwangi said"): a first name, not a town."""
    if 0 < i and j < len(doc) and role_in(doc[i - 1].text) is not None and doc[j].pos_ == "PROPN" \
            and doc[j].text[:1].isupper() and doc[j].ent_type_ == "PERSON":
        return True     # "spokesperson Paris Mwangi", however the parser hangs it
    last = doc[j - 1]
    name = last.head
    if last.dep_ != "compound" or name.i < j or name.pos_ != "PROPN" \
            or not all(doc[k].text[:1].isupper() for k in range(j, name.i + 1)):
        return False
    if name.dep_ == "appos" and role_in(name.head.text) is not None:
        return True
    return any(c.dep_ == "compound" and c.i < i and role_in(c.text) is not None for c in name.children)


def _an_armed_attack(verb) -> bool:
    """Whether a verb of attack is a physical one: its subject is a weapon or an armed force
    ("Russian drones struck Odesa", "troops stormed Bakhmut"), and no "for"/"over" gives a reason,
    as criticism has ("Critics attacked Jackson for approving 300 layoffs")."""
    if any(c.dep_ == "prep" and c.lower_ in _REASON_PREPS for c in verb.children):
        return False
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head    # "shelled and stormed Bakhmut": the subject of the first verb
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return True
    words = {subject.lemma_.lower()} | {c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "amod")}
    return bool(words & _ARMED)


class _Collector:
    """The candidates found so far and the tokens they cover."""

    def __init__(self, analysis: Analysis, gaz: Gazetteer) -> None:
        self.doc, self.text, self.gaz = analysis.doc, analysis.text, gaz
        self.cands: list[Cand] = []
        self.taken = [False] * len(self.doc)
        self.analysis = analysis
        self.people = place_refs.person_names(analysis)
        self.org_heads: frozenset[str] | None = None

    def _a_persons_name(self, i: int, j: int) -> bool:
        """Whether a name is one the report describes with "who", not where a place stands ("Jordan,
        who scored 30 points" ... "Jordan added ten"): a person's or a team's name."""
        return place_refs.described_by_who(self.analysis, i, j) or _a_given_name(self.doc, i, j)

    def claim(self, c: Cand) -> None:
        self.cands.append(c)
        for i in range(c.tok_start, c.tok_end):
            self.taken[i] = True

    def free(self, cs: int, ce: int) -> tuple[int, int] | None:
        """The token range of a character span, if no candidate covers any of it."""
        sp = self.doc.char_span(cs, ce, alignment_mode="expand")
        if sp is None or any(self.taken[sp.start:sp.end]):
            return None
        return sp.start, sp.end

    def borders(self) -> None:
        """"the Polish-Belarusian border", "the border between A and B", "A's border with B"; "the
        Belarusian border" (one side: the other is found later)."""
        text, gaz = self.text, self.gaz
        if not names_a_border(text):
            return
        for rx, groups in ((_BORDER_RE, (1, 2)), (_BORDER_BETWEEN_RE, (2, 3)), (_BORDER_WITH_RE, (1, 3))):
            for m in rx.finditer(text):
                names = [m.group(g) for g in groups]
                end = m.end()
                if names[-1].endswith(".") and gaz.country_code(names[-1][:-1]) and m.end(groups[-1]) == end \
                        and not names[-1].endswith(("U.S.", "U.K.")):
                    names[-1], end = names[-1][:-1], end - 1  # sentence-final period
                a, b = (gaz.country_code(x) for x in names)
                entry = gaz.border(a, b) if a and b and a != b else None
                s = m.start() + (4 if text[m.start():m.start() + 4].lower() == "the " else 0)
                tr = self.free(s, end)
                if entry and tr:
                    parts = tuple((m.start(g), m.start(g) + len(x), cc) for g, x, cc in zip(groups, names, (a, b)))
                    self.claim(Cand(s, end, tr[0], tr[1], norm(entry.name), ("border",), "BORDER", entry, parts))
        for m in _ONE_BORDER_RE.finditer(text):
            cc = gaz.country_code(m.group(1))
            entry = gaz.country(cc) if cc else None
            tr = self.free(m.start(1), m.end())
            if entry is not None and tr:
                self.claim(Cand(m.start(1), m.end(), tr[0], tr[1], norm(entry.name), ("border",), "BORDER_WITH", entry))

    def entities(self) -> None:
        """spaCy's GPE/LOC/FAC entities, extended over "eastern", "-on-Don" and a feature word."""
        doc, gaz, taken = self.doc, self.gaz, self.taken
        for ent in token_table(self.analysis.doc).ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            s, e = _trim(doc, ent.start, ent.end)
            if s >= e or any(taken[s:e]) or a_saints_building(doc, s, e):
                continue
            if e - s == 1 and (doc[s].lower_ in FEATURE_WORDS or doc[s].lower_ in _GENERIC or doc[s].lower_ in _DIRECTIONS):
                continue  # "Island" alone is no name (the tail of "St. Martin's Island", found with its head);
                # "the Northeast" is a part of the report's country, no foreign region of that name
            if e - s == 1 and _a_rank_before_a_name(doc, s):
                continue  # "Det. Insp. Sarah Jones": a rank, no place (Det Udom)
            if _ends_an_organisations_name(doc, s):
                taken[s:e] = [True] * (e - s)
                continue  # "BrightWell UK", "Oxfam GB": the organisation's branch, no place of the event
            if e - s == 1 and gaz.demonym(doc[s].text) and not gaz.lookup(doc[s].text, ("country",)):
                continue  # "a German and a Briton": a nationality word (read by the demonym pass), no town
            e = self._possessive_feature(s, e)
            if a_saints_possessive(doc, s, e) and not any(
                    h[0].name.endswith(("'s", "’s")) for h in gaz.lookup_key(norm(doc[s:e].text))):
                continue  # "St Mary's, the church in Leeds": no saint's parish of another country ("Saint Mary")
            if (all(doc[k].text in self.people for k in range(s, e)) or self._a_persons_name(s, e)) \
                    and not place_refs.in_place_context(doc, s, e) or _a_given_name(doc, s, e):
                continue  # "coach Ripley", "Jordan, who scored", "spokesperson Paris Mwangi": a person's name
            if ent.label_ == "FAC" and not gaz.has(norm(doc[s:e].text)) and place_refs.embedded_span(doc, gaz, s, e, cities=False):
                continue  # "the Henderson County Jail": the county inside it is the place (found later)
            if s > 0 and doc[s - 1].lower_ in _DIRECTIONS and not taken[s - 1]:
                s -= 1  # "eastern Ukraine"
            e = self._longer_name(s, self._hyphenated(s, e))
            # extend over a following generic feature word ("Tisza" + "River")
            if e < len(doc) and doc[e].lower_ in FEATURE_WORDS and (doc[e].lower_ not in ("city", "town", "state")
                                                                  or self._known_with(s, e)):
                e += 1
            elif self._written_capitalised(s, e) and gaz.has(norm(doc[s:e + 1].text)):
                e += 1  # "Grand forks" in a report that wrote "Grand Forks"
            key = ""
            if e - s == 1 and s > 0 and doc[s - 1].lower_ == "the" and not gaz.has(norm(doc[s].text)) \
                    and gaz.has("the " + norm(doc[s].text)):
                key = "the " + norm(doc[s].text)  # "the Channel": known by its generic word with the article
            self.claim(Cand(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), s, e, key, (), ent.label_))

    def _known_with(self, s: int, e: int) -> bool:
        """Whether the gazetteer knows a name with "state" after it as a state ("Kaduna state"): the
        word names the place's kind, not what follows it ("Iran state TV", "Springfield city limits")."""
        return self.doc[e].lower_ == "state" and any(h[0].feature == "admin1" for h in self.gaz.lookup_key(norm(self.doc[s:e + 1].text)))

    def _possessive_feature(self, s: int, e: int) -> int:
        """The end of "St. Martin's" + "Island": a possessive name and the capitalised physical feature
        word after it are one name (not "Ukraine's" + "State Border Service")."""
        doc = self.doc
        if e + 1 < len(doc) and doc[e].lower_ in ("'s", "’s") and doc[e + 1].text[:1].isupper() \
                and set(FEATURE_WORDS.get(doc[e + 1].lower_, ())) & set(PHYSICAL) and not any(self.taken[e:e + 2]):
            return e + 2
        return e

    def _longer_name(self, s: int, e: int) -> int:
        """The end of "Nuevo" + "Leon" (or "Mato Grosso" + "do Sul", "Ha" + "Giang Province") when the tagger's
        entity stops short of a capitalised name the gazetteer knows whole; a division's word may follow it."""
        doc = self.doc
        if not doc[e - 1].text[:1].isupper():
            return e    # "the City of" + "Richmond": the entity is no name of its own
        for x in range(min(len(doc), e + 2), e, -1):
            if all((doc[k].text[:1].isupper() or doc[k].lower_ in NAME_PARTICLES and k < x - 1)
                   and not doc[k].is_punct and not self.taken[k]
                   and doc[k].lower_ not in FEATURE_WORDS for k in range(e, x)) \
                    and (x == len(doc) or not doc[x].text[:1].isupper() or doc[x].lower_ in _ADMIN_AFTER) \
                    and self.gaz.has(norm(doc[s:x].text)):    # not "Dublin" + "City", "St. James" + "United ..."
                return x
        return e

    def _hyphenated(self, s: int, e: int) -> int:
        """The end of "Rostov" + "-on-Don" when the gazetteer knows the longer name."""
        doc = self.doc
        for x in range(min(len(doc), e + 4), e, -1):
            if doc[e].text in ("-", "–") and doc[x - 1].text[:1].isalpha() and not any(self.taken[e:x]) \
                    and self.gaz.has(norm(self.text[doc[s].idx:doc[x - 1].idx + len(doc[x - 1])])):
                return x
        return e

    def scan(self) -> None:
        """A gazetteer scan over capitalised runs not covered by a place entity."""
        doc = self.doc
        self.label_of: list = [False] * len(doc)
        self.ent_of: dict[int, tuple[int, int]] = {}
        for ent in token_table(self.analysis.doc).ents:
            if ent.label_ in ("PERSON", "ORG", "NORP") + _BAD_LABELS:
                for i in range(ent.start, ent.end):
                    self.label_of[i] = ent.label_
                    self.ent_of[i] = (ent.start, ent.end)
        tk = token_table(self.analysis.doc)
        self.texts, self.lowers, self.punct = tk.text, tk.lower, tk.punct
        capok = [w[:1].isupper() for w in self.texts]
        self.capok = capok
        self.inner = [c or lw in ("of", "on", "upon", "am", "sur") or lw in NAME_PARTICLES or lw in _DIRECTIONS
                      for c, lw in zip(capok, self.lowers)]
        n, lowers = len(doc), self.lowers
        # where a name can start: a capital that is no stop word, or a direction before a capital
        self.may_start = [(capok[i] and lowers[i] not in _STOP_CAPS or lowers[i] in _DIRECTIONS and i + 1 < n
                           and capok[i + 1]) and not self.punct[i] for i in range(n)]
        i = 0
        while i < n:
            i = self._scan_at(i) if self.may_start[i] else i + 1

    def _longest(self, i: int) -> tuple[int, str, tuple[str, ...]] | None:
        """The longest gazetteer name starting at token ``i``: (end, key, cue)."""
        n, low = len(self.doc), self.lowers[i]
        run = i + 1  # the run of name-like tokens starting at i
        while run < n and run - i < self.gaz.max_words and self.inner[run] and not self.taken[run]:
            run += 1
        if run < n and self.lowers[run] in FEATURE_WORDS and not self.taken[run] \
                and (self.lowers[run] not in ("city", "town", "state") or self._known_with(i, run)):
            run += 1  # "Donetsk region", "the Tisa river", "Kaduna state" (not "Iran state TV")
        elif self._written_capitalised(i, run):
            run += 1  # "near Eagle pass" in a report that wrote "Eagle Pass"
        lowest = i + 2 if low in _DIRECTIONS else i + 1
        # a capitalised direction opens the name ("Southwest Papua", a province newer than the
        # gazetteer): the name is the whole, its place the part after the direction
        skips = (0, 1) if low in _DIRECTIONS and self.capok[i] else (0,)
        for skip in skips:
            for j in range(run, lowest - 1, -1):
                if self.punct[j - 1] and j - 1 > i:
                    continue
                for key, cue in keys_for(self.gaz, self.texts[i + skip:j]):
                    if self.gaz.has(key):
                        return j, key, cue
        return None

    def _written_capitalised(self, i: int, run: int) -> bool:
        """Whether the lower-case word after a name completes a longer name the report writes
        capitalised elsewhere ("Eagle pass" where it also writes "Eagle Pass"): the same place."""
        doc, table = self.doc, token_table(self.analysis.doc)
        texts = table.text
        if run >= len(doc) or self.taken[run] or not texts[run].isalpha() or not texts[run].islower() \
                or table.lower[run] in FEATURE_WORDS:
            return False    # "Huntsville city limits": the town's generic word, not part of its name
        start, last, word = doc[i].idx, doc[run - 1], texts[run]
        written = self.text[start:last.idx + len(last)] + " " + word[:1].upper() + word[1:]
        # written as a name of its own there, not the start of a longer one ("Huntsville City Manager")
        return written in self.text and re.search(r"\b" + re.escape(written) + r"\b(?!\s+[A-Z])", self.text) is not None

    def _scan_at(self, i: int) -> int:
        """Try a place name at token ``i`` (one of :attr:`may_start`); the next token to look at."""
        doc, lowers, texts = self.doc, self.lowers, self.texts
        if self.taken[i]:
            return i + 1
        best = self._longest(i)
        tok = doc[i]
        if best is None and i > 0 and lowers[i - 1] == "the" and tok.pos_ == "PROPN" \
                and self.gaz.has("the " + norm(texts[i])):
            # "the Channel", "the Gulf": a sea known by its generic word with the article
            self.claim(Cand(tok.idx, tok.idx + len(tok), i, i + 1, "the " + norm(texts[i]), (), "GAZ"))
            return i + 1
        if best is None:
            return i + 1
        j, key, cue = best
        if a_saints_building(doc, i, j):
            return j    # "St. Mary's Hospital": the saint it is named after
        if i > 0 and self.capok[i - 1] and lowers[i - 1] in _NAME_PREFIXES and not self.taken[i - 1]:
            return i + 1    # "Lesser Slave River" is no Slave River: a longer name the gazetteer lacks
        hits = self.gaz.lookup_key(key)
        if a_saints_possessive(doc, i, j):
            # "St Mary's, the church in Leeds": only a place named with the possessive ("St. John's"), not
            # a saint's parish of another country ("Saint Mary", Jamaica)
            hits = [h for h in hits if h[0].name.endswith(("'s", "’s"))]
            if not hits:
                return j
        if cue and not any(h[0].feature in cue for h in hits[:10]):
            return i + 1  # "Big Creek" is no creek named "Big" (Biga, Turkey): the generic word must fit
        if i > 0 and lowers[i - 1] == "the" and not cue:
            # "the Dnipro": a determiner points to a river, range or sea rather than a town
            phys = [h for h in hits if h[0].feature in PHYSICAL]
            if phys:
                hits = phys + [h for h in hits if h[0].feature not in PHYSICAL]
                cue = tuple(sorted({h[0].feature for h in phys}))  # sorted: no hash-order dependence
        elif not cue and not self._water_acts(j):
            hits = _not_a_bare_river(hits)
        if self._refused(i, j, hits, cue) or self._an_organisations_word(i, j) \
                or self._a_persons_name(i, j):
            return i + 1    # "Jordan" of "Jordan, who scored 30 points" and of "Jordan added ten"
        placed = hits[0][0].feature == "city" and (not hits[0][1] or _spelled_alike(key, hits[0][0].name)) \
            and place_refs.in_place_context(doc, i, j) and not self._a_persons_words(i, j)
        ok = self._acceptable(i, j, hits, cue, placed)
        if placed and not cue:
            cue = ("city",)  # "near Pylos", "an Alexandria man": the town, however small
        if not ok:
            return i + 1
        self.claim(Cand(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), i, j, key, cue, "GAZ"))
        return j

    def _a_persons_words(self, i: int, j: int) -> bool:
        """Whether the report uses a word of the name in a person's name: a one-word name anywhere,
        a longer one in another person's name than the same words the tagger calls a person ("at
        Porto Empedocle" beside "assigns Porto Empedocle as place of safety")."""
        words = set(self.texts[i:j]) & self.people
        if j - i == 1 or not words:
            return bool(words)
        return any(ent.label_ == "PERSON" and words & set(self.texts[ent.start:ent.end])
                   and self.texts[ent.start:ent.end] != self.texts[i:j] for ent in token_table(self.analysis.doc).ents)

    def _water_acts(self, j: int) -> bool:
        """Whether the name is followed by what only water does ("Danube floods 300 homes", "Severn
        bursts its banks"): a river, even written without "the" or "River"."""
        if j >= len(self.doc):
            return False
        verb = self.doc[j]
        # "Madison floods" may be the town under water, "Madison overflows with fans" a crowded town;
        # "floods 300 homes", "bursts its banks" is what does it to them
        return verb.lemma_.lower() in _WATER_VERBS and any(c.dep_ == "dobj" for c in verb.children)

    def _a_names_last_word(self, i: int) -> bool:
        """Whether token ``i`` closes a longer capitalised name: two capitalised words before it
        modify it ("the Regional Cyber Defence Centre", "Emergency Operations Centre")."""
        if i < 2:
            return False
        doc = self.doc
        return all(self.capok[k] and not self.punct[k] and not self.taken[k] and self.lowers[k] not in _STOP_CAPS
                   for k in (i - 2, i - 1)) \
            and doc[i - 1].dep_ == "compound" and doc[i - 1].head.i == i and doc[i - 2].head.i in (i - 1, i)

    def _an_organisations_word(self, i: int, j: int) -> bool:
        """Whether one word is the last word of an organisation's name ("the Public Health Emergency
        Operations Centre"), there or after "the" once the report has written the name ("The Centre
        noted"): the organisation, not the place the word also names (Centre, France)."""
        if j - i != 1:
            return False
        if self._a_names_last_word(i):
            return True
        if self.org_heads is None:
            ents = token_table(self.analysis.doc).ents
            heads = {ent[-1].text for ent in ents
                     if ent.label_ == "ORG" and sum(1 for t in ent if t.text[:1].isupper() and t.lower_ != "the") >= 2}
            capok = self.capok    # (two capitals before a word: the cheap first test of _a_names_last_word)
            self.org_heads = frozenset(heads | {self.texts[k] for k in range(2, len(self.doc))
                                                if capok[k - 1] and capok[k - 2] and self._a_names_last_word(k)})
        return i > 0 and self.lowers[i - 1] == "the" and self.texts[i] in self.org_heads

    def _refused(self, i: int, j: int, hits: list, cue: tuple[str, ...]) -> bool:
        """Abbreviations, single common words, and minor rivers named like surnames."""
        tok, texts = self.doc[i], self.texts
        if j - i == 1 and hits[0][1] and len(texts[i]) <= 5 and not (i >= 2 and texts[i - 1] == ",") \
                and (_abbreviates(texts[i], hits[0][0].name) or i == 0 or self.lowers[i - 1] not in _PLACE_WORDS_BEFORE):
            # "Miss", "Tex", "Md": abbreviations of regions count only after "<place>,"; another
            # spelling of a region's name ("the Bekaa") only after "the" or a preposition of place
            return True
        if j - i == 1 and (tok.pos_ != "PROPN" or tok.is_stop or tok.lower_.rstrip(".") in _GENERIC
                           or len(tok.text) < 3 and not tok.text.isupper()):
            return True
        top = hits[0][0]
        # a minor river/lake named like a surname ("Nelson") needs its "River"
        return not cue and top.feature in ("river", "lake", "cape", "bay", "valley", "plain", "basin") \
            and top.importance < 6.5

    def _object_of_a_noun(self, i: int, j: int, hits: list) -> bool:
        """Whether a large town's name the tagger calls a person is the object of "on", "against" or
        "over" after a noun ("a missile strike on Kharkiv", "an attack on Zaporizhzhia", "drones over
        Kyiv"): a place, not the person a report would name with a title or a first name."""
        tok, (top, alt) = self.doc[i], hits[0]
        if alt and not _spelled_alike(norm(tok.text), top.name):
            return False
        return j - i == 1 and top.feature == "city" and top.importance >= 5.5 and tok.dep_ == "pobj" \
            and tok.head.lower_ in ("on", "against", "over") and tok.head.head.pos_ == "NOUN" \
            and tok.text not in self.people

    def _object_of_a_verb(self, i: int, j: int, hits: list) -> bool:
        """Whether a town's name the tagger calls a person or an organisation is the object of a verb
        of attack, of leaving or of reaching ("Russian drones struck Odesa", "two boats left Sfax",
        "troops entered Bakhmut and Pokrovsk"): where it happened, not a person a report would name
        with a first name or a title."""
        top, alt = hits[0]
        name = self.doc[i:j]
        if alt and not _spelled_alike(norm(name.text), top.name):
            return False
        tok = name.root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head      # "hit Rafah and Khan Younis"
        verb = tok.head
        return top.feature == "city" and top.importance >= _TOWN_OBJECT_IMPORTANCE and tok.dep_ == "dobj" \
            and verb.lemma_.lower() in _OBJECT_VERBS and not any(w in self.people for w in self.texts[i:j]) \
            and not any(c.dep_ == "nsubj" and _a_persons_word(c) for c in verb.children) \
            and (verb.lemma_.lower() not in _STRIKE or _an_armed_attack(verb))



    def _acceptable(self, i: int, j: int, hits: list, cue: tuple[str, ...], placed: bool) -> bool:
        """Whether a gazetteer match is a place given the tagger's label over it."""
        doc, lowers = self.doc, self.lowers
        top = hits[0][0]
        last = j - 2 if cue and j - i > 1 and lowers[j - 1] in FEATURE_WORDS else j - 1
        label = self.label_of[i] if self.label_of[i] == self.label_of[last] else "MIXED"
        if label == "MIXED" and i in self.ent_of and self.ent_of[i][0] >= i and self.ent_of[i][1] < j \
                and not self.label_of[last]:
            label = ""  # the gazetteer name runs past the entity ("Rostov" + "-on-Don")
        base = bool(cue or top.feature != "city" or (top.importance >= 5.0 and not hits[0][1])
                    or placed and doc[i].pos_ == "PROPN" and not label)
        cue = cue or (("city",) if placed else ())
        if label in _BAD_LABELS and not (cue and j - i > 1 and self.texts[j - 1].islower()):
            return False    # but a place noun of its own says what the tagger missed ("Niger's Tillaberi region")
        if label in ("PERSON", "ORG"):
            # a place the tagger mistook for a person or organisation: the whole entity must be the
            # name (or "<place>, <region>")
            es, ee = self.ent_of[i]
            es += 1 if lowers[es] == "the" else 0
            whole = es == i and ee - (1 if cue and ee == j - 1 else 0) <= j
            prev = doc[i - 2] if i >= 2 and doc[i - 1].text == "," else None
            locative = i > 0 and doc[i - 1].lower_ in _LOCATIVE
            ok = bool(base and not hits[0][1] and whole and (top.feature != "city" or locative)
                      or base and prev is not None and self.taken[prev.i] or cue and whole
                      or placed and whole or whole and self._object_of_a_noun(i, j, hits)
                      or whole and self._object_of_a_verb(i, j, hits))
            return ok and not (label == "PERSON" and i > 0 and doc[i - 1].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr"))
        if label == "NORP":
            # "the Carpathians" is a range, "Odesa region" a region, "Ukrainians" a people
            return bool((base and top.feature in PHYSICAL or cue and j - i > 1)
                        and self.gaz.demonym(" ".join(self.texts[i:j])) is None)
        return base
