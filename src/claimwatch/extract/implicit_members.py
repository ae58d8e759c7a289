"""Members of a counted set the text names without a number (used by :mod:`.implicit`).

* :func:`ordinal_member` — "the body of *a seventh* was never found" after "Six hikers were swept away",
  "*the third* remains missing" after "Three crew were lost": an ordinal standing alone for a noun,
  whose rank follows a figure the paragraph gave, is one more member of that set (SPEC §3).
* :func:`one_with` — "Three riders were flown to hospital, *one with a leg wound*": the participant
  of an event noun in a "with" phrase is the word the phrase is on.
* :func:`members_listed`, :func:`listed_among`, :func:`included_in` — members a clause lists of a larger
  set ("including", "among", after a colon) are parts of its total, each a count of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import children_of
from .frames import person_noun
from .number_words import ordinal_value, parse_number
from .quantity_nouns import in_class, noun_classes

__all__ = ["ordinal_member", "one_with", "colon_members", "members_listed", "listed_among", "included_in",
           "compound_read_as_modifier", "a_thing", "THING_CLASSES"]

_MEMBER_DETS = frozenset({"a", "an", "the", "another"})


#: noun classes of things, which an age or a rank does not make a person ("a 30-year-old bridge")
THING_CLASSES = ("group", "incident", "object", "container", "time", "measure", "abstract", "media", "animal")


def a_thing(tok: Token) -> bool:
    """Whether a noun is of a class of things (a group, an object, a time, a beast ...), not a person."""
    return any(in_class(tok, noun_classes()[k]) for k in THING_CLASSES)


def _counted_by(num: Token) -> Token | None:
    """The noun a figure counts: its head ("seven people"), its "of" phrase ("two of the horses")."""
    if num.dep_ == "nummod" and num.head.pos_ in ("NOUN", "PROPN"):
        return num.head
    return next((g for c in children_of(num) if c.dep_ == "prep" and c.lower_ == "of"
                 for g in children_of(c) if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)


def _figures_before(tok: Token, limit: int = 80) -> set[float]:
    """The values of the figures of the few sentences before ``tok`` that count no things (people, or
    a noun the text leaves out: "Twelve of them")."""
    doc = tok.doc
    out: set[float] = set()
    for t in doc[max(0, tok.i - limit):tok.i]:
        if t.pos_ != "NUM" or t.ent_type_ == "DATE":
            continue
        v = parse_number(t.text)
        noun = _counted_by(t)
        if v is not None and (noun is None or not a_thing(noun)):
            out.add(v)
    return out


def ordinal_member(tok: Token) -> bool:
    """An ordinal that stands alone for a noun ("a seventh", "the third"), under "a"/"an"/"the", ranked one
    above a figure the text gave just before it ("Six hikers were swept away; the body of a seventh ...";
    "Three crew were lost ... the third remains missing"); not an ordinal on a noun ("the third time"), a
    fraction with its "of" phrase ("an eighth of the budget") or one with no set before it."""
    if tok.pos_ not in ("ADJ", "NOUN") or tok.tag_ not in ("JJ", "NN"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in _MEMBER_DETS for c in children_of(tok)):
        return False
    if any(c.dep_ in ("prep", "compound", "amod") and c.lower_ != "," for c in children_of(tok)):
        return False
    rank = ordinal_value(tok.text)
    if rank is None or rank < 2 or tok.text[:1].isdigit():
        return False
    return rank - 1 in _figures_before(tok)


def one_with(tok: Token) -> Token | None:
    """"one with a leg wound", "a man with gunshot wounds": the word an event noun's "with" phrase
    is on — "one" or a noun — which the event befell."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "with" or tok.head.dep_ != "prep":
        return None
    owner = tok.head.head
    if owner.lower_ == "one" and owner.pos_ in ("NUM", "PRON"):
        return owner
    return owner if owner.pos_ in ("NOUN", "PROPN") else None


def colon_members(event: Token) -> tuple[float, list[Token]] | None:
    """"The flood claimed two lives: an elderly man whose car was swept away, and a woman found in her
    home": the figure before a colon after the event word, and the members listed after it (the first
    noun phrase's head and its conjuncts), or None."""
    sent = event.sent
    colon = next((t for t in sent if t.i > event.i and t.text == ":"), None)
    if colon is None:
        return None
    figure = next((t for t in reversed(sent[:colon.i - sent.start]) if t.pos_ == "NUM" and t.ent_type_ != "DATE"), None)
    if figure is None or figure.i < event.i - 8:
        return None
    total = parse_number(figure.text)
    first = next((t for t in sent[colon.i - sent.start + 1:] if t.pos_ in ("NOUN", "PROPN")
                  and t.dep_ not in ("compound", "amod", "poss", "nmod")), None)
    if total is None or first is None:
        return None
    return total, [first, *(c for c in first.conjuncts if c.i > first.i)]


def compound_read_as_modifier(tok: Token) -> Token:
    """"a herder grazing goats was injured": the parse made "goats" the head, with "herder" its compound
    and "grazing" its modifier; a noun under "a"/"an" whose compound is a person noun right before a
    gerund is the gerund's object, and the one the event befell is the compound."""
    if tok.tag_ not in ("NNS", "NN") or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in children_of(tok)):
        return tok
    doc = tok.doc
    for c in children_of(tok):
        if c.dep_ in ("compound", "nmod") and c.tag_ == "NN" and c.i + 1 < tok.i and doc[c.i + 1].tag_ == "VBG" \
                and person_noun(c):
            return c
    return tok


def members_listed(first: Token) -> bool:
    """"23 were killed, including 6 patients and a doctor", "Among the hostages are four children and a
    nun", "15 died: 12 men and a woman": members listed of a larger set are parts of its total, each a
    count of its own (SPEC §3), not one set."""
    if first.dep_ in ("appos", "pobj") and first.head.lower_ in ("including", "among", "includes", "include", "like"):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "among" for c in children_of(first.head)):
        return True
    return any(t.text in (":", "—", "–") for t in first.doc[first.sent.start:first.left_edge.i])


def listed_among(tok: Token) -> bool:
    """"among the dead were ...": the event word names a set whose members the clause lists."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "among" and tok.pos_ in ("ADJ", "NOUN") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok))


def included_in(tok: Token) -> list[Token]:
    """"14 dead, including a presiding officer", "were killed, including a nurse": one named in an
    "including" phrase of the event word or of its participants took part in the event."""
    return [g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "including"
            for g in children_of(c) if g.dep_ == "pobj"]
