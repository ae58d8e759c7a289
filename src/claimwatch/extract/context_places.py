"""Places carried by the things they were stated for: a boat's port, a convoy's town, a factory's state.

A coder reads "Two boats set off from Sfax on Sunday. ... The coast guard said 40 people from the
boats were rescued" and records Sfax for the 40: the report placed *the boats* once, and a later
definite mention of them ("the boats", "the first boat", "both convoys") carries that place along
(SPEC §2 Context). The link is structural, never a list of things:

* a place is stated *for* a thing when it modifies the thing's noun ("a warehouse in Leeds", "the
  factory near Lyon", "the Kalamata hospital", "the Tucson Sector") or hangs from the verb the thing is the subject or the object of ("two boats set off
  from Sfax", "a convoy of trucks left Kharkiv", "opened a factory near Lyon");
* a later noun of the same lemma refers back to it when a determiner marks it as known ("the",
  "these", "both") and it belongs to the claim's clause (its subject, its counted noun's
  modifiers, or the subject of a verb above it: "The first boat is said to have carried 48 people").

Institutions, pronouns and bare "people" are not such things: "the police" or "the people" name no
single thing placed once; a group named by what it is ("the migrants", "the passengers") is. A body
of people ("the team", "the crew") carries its place only to a count of its own members ("3 members
of the crew"): "The team flew home from Boston ... The team has now lost 12 games" is not in Boston. The inherited place keeps the words that stated it and its own role (the boats'
Sfax stays their origin).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from .base import Analysis, PlaceMention, children_of, context_lexicon
from .frames import person_noun
from .place_lexicon import CUES
from .quantity_nouns import noun_classes

__all__ = ["placed_things", "carried_places", "across_clauses", "where_a_thing_happened", "article_places",
           "a_picture_note", "layout_places"]

#: determiners that mark a noun as one the report has introduced before
_KNOWN = frozenset({"the", "these", "those", "both"})
#: nouns that name no single thing a report places once ("the people", "the police", "the area")
_NOT_THINGS = (CUES["institutions"] | CUES["source_nouns"]
               | frozenset({"people", "persons", "area", "region", "place", "site", "country", "city", "town", "village", "time", "day",
                            "year", "week", "month", "night", "way", "number", "figure", "report", "statement",
                            "person", "man", "woman", "child", "member", "official", "spokesman", "spokeswoman",
                            "spokesperson"}))
#: nouns of a body of people ("the team", "the crew", "the unit"): its place is where it is from or
#: where it was, not where its later doings happen ("The team flew home from Boston ... The team has
#: now lost 12 games")
_BODIES = frozenset(context_lexicon()["institution_nouns"])
#: the dependency labels of a verb's subject and object
_SUBJECTS = ("nsubj", "nsubjpass")
#: the relations of a clause that completes the verb above it ("is said to have carried")
_COMPLEMENTS = ("xcomp", "ccomp")
#: how many sentences back a thing's place may be carried from
_REACH = 12


def _a_thing(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() not in _NOT_THINGS and tok.ent_type_ == ""


def _place_root(doc: Doc, p: PlaceMention) -> Token | None:
    chunk = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    return chunk.root if chunk is not None and len(chunk) else None


def _things_of(tok: Token) -> list[Token]:
    """The nouns a place is stated for: the noun its preposition modifies, else the subject of the
    verb it hangs from or its object ("boats set off from Sfax", "opened a factory near Lyon")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head     # "from the Tunisian port of Sfax": the port's phrase
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        thing = tok.head    # "the Tucson Sector", "the Kalamata hospital": the place names the thing
        return [thing] if thing.lemma_.lower() not in _NOT_THINGS and thing.ent_type_ in ("", "FAC", "LOC", "GPE") else []
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        governor = tok.head.head
    elif tok.dep_ == "dobj":
        governor = tok.head
    else:
        return []
    if governor.pos_ == "NOUN":
        return [governor] if _a_thing(governor) else []
    if governor.pos_ != "VERB":
        return []
    return [c for c in children_of(governor) if (c.dep_ in _SUBJECTS or c.dep_ == "dobj" and c.i != tok.i)
            and _a_thing(c)]


def where_a_thing_happened(tok: Token) -> bool:
    """Whether a place hangs from a relative clause that says where a thing or an incident was,
    not what a participant did ("the fire that broke out at a factory in Ashulia", "the storm which
    struck Tampa"): the clause's relative pronoun is its subject and the noun it describes names
    no person, group or organisation ("traffickers who sailed from Tobruk" is about the people)."""
    clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
    if clause is None or any(a.dep_ == "relcl" for a in clause.ancestors):
        return False
    noun = clause.head
    subject = next((c for c in children_of(clause) if c.dep_ in _SUBJECTS), None)
    return (subject is not None and subject.lower_ in ("that", "which") and noun.pos_ == "NOUN"
            and noun.ent_type_ == "" and not person_noun(noun) and noun.lemma_.lower() not in _NOT_THINGS | _BODIES
            and noun.lemma_.lower() not in noun_classes()["group"])


def placed_things(analysis: Analysis) -> dict[str, list[PlaceMention]]:
    """Per lemma of a thing the report places, the places stated for it, in text order."""
    doc = analysis.doc
    out: dict[str, list[PlaceMention]] = {}
    for p in analysis.places:
        if p.kind not in ("name", "anaphor") or p.role == "source_location":
            continue
        tok = _place_root(doc, p)
        for thing in _things_of(tok) if tok is not None else []:
            out.setdefault(thing.lemma_.lower(), []).append(p)
    return out


def _known(tok: Token) -> bool:
    """Whether a noun is marked as one introduced before ("the boats", "both convoys"); not a
    possessive, which as often brings in another of its kind ("their boat crashed")."""
    return any(c.dep_ in ("det", "poss", "predet") and c.lower_ in _KNOWN for c in children_of(tok))


def _in_clause(tok: Token, predicate: Token) -> bool:
    """Whether a noun belongs to the claim's clause: under its predicate, or the subject of a verb
    above it ("The first boat is said to have carried 48 people")."""
    if any(a.i == predicate.i for a in tok.ancestors):
        return True
    if tok.dep_ not in _SUBJECTS:
        return False
    verb = predicate
    while verb.dep_ in _COMPLEMENTS and verb.head.i != verb.i:
        verb = verb.head    # up through "is said to have carried", not into a coordinated clause
        if verb.i == tok.head.i:
            return True
    return False


def _a_body_apart(tok: Token, head_i: int) -> bool:
    """Whether a known noun is a body of people that is not within the counted phrase: "the team"
    of "The team has now lost 12 games" does what it does where it is now, while "12 of the crew"
    counts the crew's own members."""
    lemma = tok.lemma_.lower()
    return (lemma in _BODIES or lemma in noun_classes()["group"]) and not person_noun(tok) and not any(a.i == head_i for a in tok.ancestors)


def across_clauses(doc: Doc, i: int, j: int) -> bool:
    """Whether a semicolon or a colon separates two tokens: two clauses of their own
    ("The first boat carried 48 people; the coast guard found the two victims")."""
    return any(doc[k].text in (";", ":") for k in range(min(i, j) + 1, max(i, j)))


def carried_places(analysis: Analysis, sent_i: int, head_i: int, predicate: Token,
                   things: dict[str, list[PlaceMention]]) -> list[PlaceMention]:
    """The places a claim's known things were stated with in an earlier sentence (the latest one)."""
    if not things:
        return []
    doc = analysis.doc
    s0, e0 = analysis.sentences[sent_i]
    sentence = doc.char_span(s0, e0, alignment_mode="expand")
    if sentence is None:
        return []
    out: list[PlaceMention] = []
    for tok in sentence:
        stated = things.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if not stated or not _known(tok) or not (tok.i == predicate.i or _in_clause(tok, predicate)) \
                or across_clauses(doc, tok.i, head_i) or _a_body_apart(tok, head_i):
            continue
        earlier = [p for p in stated if sent_i - _REACH <= p.sent_i < sent_i]
        if earlier:
            last = earlier[-1].sent_i
            out += [p for p in earlier if p.sent_i == last and p not in out]
    return out


#: the label of a line that describes a picture or a graphic, not the report's event
_PICTURE_LABEL = re.compile(r"\s*(?:caption|photo|photograph|picture|pictured|image|video|graphic|chart|map)\b[^:\n]{0,30}:",
                            re.IGNORECASE)
#: nouns of places where the hurt are cared for: where they lie is not where it happened
_CARE = frozenset(context_lexicon()["care_nouns"])


def a_picture_note(analysis: Analysis, para: int) -> bool:
    """Whether a paragraph describes a picture or a graphic ("CAPTION: Volunteers refill a water
    station west of Sells", "Photo: ..."): where the picture was taken is not the report's event."""
    if not 0 <= para < len(analysis.paragraphs):
        return False
    start, end = analysis.paragraphs[para]
    return _PICTURE_LABEL.match(analysis.text, start, end) is not None


def _names_a_ward(doc: Doc, p: PlaceMention) -> bool:
    """Whether a place names the hospital or clinic the hurt were taken to ("in a serious condition
    at Santa Maria hospital", "the Kalamata hospital"): a noun of care it modifies."""
    tok = _place_root(doc, p)
    if tok is None:
        return False
    head = tok
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    return head.i != tok.i and head.lemma_.lower() in _CARE


def article_places(analysis: Analysis, places: Iterable[PlaceMention], lead: bool = True) -> list[PlaceMention]:
    """The places of a lead sentence that can be the whole report's: not a road or street the
    gazetteer cannot locate ("a crash on Route 66"), which places only what happened on it, nor
    any road outside the lead paragraph (``lead``: a later "carried a baby out of a trailer on
    Route 9" places that rescue, not the flood the report is about), nor the hospital its
    casualties were taken to."""
    return [p for p in places if not (p.feature == "street" and (p.lat is None or not lead))
            and not _names_a_ward(analysis.doc, p)]


def _opens_paragraph(analysis: Analysis, p: PlaceMention) -> bool:
    return analysis.paragraphs[analysis.paragraph_index(p.span[0])][0] == p.span[0]


def layout_places(analysis: Analysis, lead_para: int, locates: Callable[[Analysis, PlaceMention], bool]) -> list[PlaceMention]:
    """When the lead names no place: those of the line above it, nearest the lead, that says where
    the event was — the title's ("Study: Remains recovered in Pima County rose", "Stampede at a fair
    in Junagadh: 7 dead") — else the dateline's town ("Lisbon, Sunday 17 May"), as a coder takes
    the report's own frame, or the town of the dateline that opens the lead itself; not a place inside an
    organisation's name on a letterhead above them."""
    if not 0 <= lead_para < len(analysis.paragraphs):
        return []
    top = analysis.paragraphs[lead_para][0]
    events: dict[int, list[PlaceMention]] = {}
    towns: dict[int, list[PlaceMention]] = {}
    for p in analysis.places:
        if p.kind != "name" or p.lat is None:
            continue
        if p.span[1] > top:     # the lead's own dateline ("DODOMA. The number of people hurt..."), last resort
            if _opens_paragraph(analysis, p) and p.role == "source_location" and p.feature in ("city", "admin1", "admin2"):
                towns.setdefault(-1, []).append(p)
            continue
        line = analysis.paragraph_index(p.span[0])
        if p.role == "event" and locates(analysis, p):
            events.setdefault(line, []).append(p)
        elif p.role == "source_location" and p.feature in ("city", "admin2"):
            towns.setdefault(line, []).append(p)
    found = events or towns
    return found[max(found)] if found else []
