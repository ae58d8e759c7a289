"""What a number phrase is in its sentence: a name or a quantity, an age, a change, what it counts.

The rules behind the numbers layer (:mod:`claimwatch.extract.numeric`), usable by any stage that
holds a :class:`~claimwatch.extract.numbers.NumberPhrase` and the parsed article:

* :func:`naming_reason` — why a number names rather than quantifies (``year``, ``date``, ``name``,
  ``enumeration``, ``pronoun``, ``ordinal``), or None;
* :func:`is_age` — "aged 56", "at the age of 56", "Papermaster, 49,";
* :func:`counted_noun` — the noun a figure counts ("179 new tankers", "thousands of pages");
* :func:`change_of` — ``up`` / ``down`` when the figure states a rise or fall, else the
  qualifier's relation (``=``, ``~``, ``>``, ``<``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from ..resources import read_json
from .base import Analysis
from .numbers import NumberPhrase
from .quantity_nouns import noun_classes
from .units import unit_at

__all__ = ["naming_reason", "is_age", "counted_noun", "change_of", "change_direction", "change_for_qualifier", "phrase_tokens",
           "anchor_token", "gapped_one", "CHANGES"]

CHANGES = ("=", "~", ">", "<", "up", "down")
_QUALIFIER_CHANGE = {"exact": "=", "range": "=", "approximately": "~", "almost": "~", "vague": "~",
                     "more_than": ">", "at_least": ">", "less_than": "<", "at_most": "<"}
_NAME_ENTS = frozenset("ORG PRODUCT LAW FAC WORK_OF_ART EVENT PERSON GPE LOC NORP".split())
_MONTH_OR_DAY = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$", re.I)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|till|from|to|of|between|and|before|after|during|early|late|mid|around|circa|"
    r"through|year|fiscal|fy|spring|summer|autumn|fall|winter)\s*-?\s*$", re.I)
_AGE_BEFORE = re.compile(r"(?:\baged?|\bages|\bage\s+of|\bat\s+age)\s*$", re.I)
_ENUMERATION = re.compile(r"(?:^|[\s(])\(\s*$")
_PRONOUN_ONE = re.compile(r"(?:\bno|\bthe|\bany|\bevery|\beach|\bthis|\bthat|\bwhich|\bat)\s+$", re.I)
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\s*#?\s*$")
_PLACE_OR_GROUP = frozenset("GPE LOC NORP FAC DATE TIME PRODUCT EVENT".split())
_FINITE = frozenset(("VBZ", "VBD", "VBP", "MD"))


@lru_cache(maxsize=1)
def _change_lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = read_json("number_change.json")
    return frozenset(data["up"]), frozenset(data["down"]), frozenset(data["money_neutral"])


def change_for_qualifier(qualifier: str) -> str:
    """The CQE/NewsQuant ``change`` relation a SPEC §3 qualifier states (``=``, ``~``, ``>``, ``<``)."""
    return _QUALIFIER_CHANGE.get(qualifier, "=")


def phrase_tokens(analysis: Analysis, start: int, end: int) -> list[Token]:
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def anchor_token(tokens: list[Token]) -> Token | None:
    """The token carrying the figure: the last numeral of the phrase."""
    for tok in reversed(tokens):
        if tok.like_num or tok.pos_ == "NUM":
            return tok
    return tokens[-1] if tokens else None


# --------------------------------------------------------------------------- names

def _is_year(text: str, ph: NumberPhrase, tok: Token, in_time: bool) -> bool:
    raw = text[ph.core[0]:ph.core[1]]
    if ph.currency or not raw.isdigit():
        return False
    if len(raw) == 2 and text[ph.core[0] - 1:ph.core[0]] in ("'", "’"):
        return True  # "since '82", "iLife '11"
    if not (len(raw) == 4 and 1800 <= int(raw) <= 2100):
        return False
    return in_time or tok.ent_type_ in ("DATE", "TIME") or bool(
        _YEAR_CONTEXT.search(text, max(0, ph.span[0] - 20), ph.span[0])) or text[ph.core[1]:ph.core[1] + 1] == "s"


def _name_before(prev: Token) -> bool:
    return (any(c.isupper() for c in prev.text) and prev.text[:1].isalpha() and not _MONTH_OR_DAY.match(prev.text)
            and not prev.is_sent_start and prev.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
            and (prev.pos_ == "PROPN" or prev.ent_type_ in _NAME_ENTS or not prev.text.istitle()))


def _after_name(analysis: Analysis, ph: NumberPhrase, first: Token, last: Token) -> bool:
    """"Boeing 787", "iPhone 4", "iOS 5", "Trent 900"; after a possessive name ("Poor's 500",
    "Boeing's 787") only when the figure counts no noun or a name follows it."""
    doc = analysis.doc
    if first.i == 0 or ph.currency or ph.span[0] != ph.core[0] or first.is_sent_start:
        return False     # a name that ends the sentence before ("promoted to Sgt. Three officers ...") is none
    prev = doc[first.i - 1]
    if prev.text in ("'s", "’s") and prev.i > 0:
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        owner = doc[prev.i - 1]
        noun = counted_noun(analysis, last, ph.span[1])
        counts_noun = noun is not None and not _singular_for(noun, ph)
        return _name_before(owner) and (not counts_noun or (nxt is not None and nxt.pos_ == "PROPN"))
    if prev.idx + len(prev.text) + 1 != first.idx:
        return False
    return _name_before(prev)


def _model_number(analysis: Analysis, ph: NumberPhrase, first: Token, last: Token) -> bool:
    """"the 787 would not ...", "the 737-800 range": a bare three-digit figure after "the" that
    quantifies nothing."""
    raw = re.split(r"[-–]", analysis.text[ph.core[0]:ph.core[1]])[0]
    if first.i == 0 or ph.span != ph.core or not (raw.isdigit() and len(raw) >= 3):
        return False
    if analysis.doc[first.i - 1].lower_ != "the":
        return False
    nxt = analysis.doc[last.i + 1] if last.i + 1 < len(analysis.doc) else None
    if "-" in analysis.text[ph.core[0]:ph.core[1]]:
        return True
    return nxt is None or nxt.is_punct or nxt.pos_ in ("PROPN", "AUX", "ADP") or nxt.tag_ in _FINITE


#: nouns that count in the singular form ("300 aircraft", "40 staff")
_INVARIANT_NOUNS = frozenset(
    "aircraft spacecraft hovercraft staff personnel police crew people cattle sheep fish deer offspring series species "
    "headquarters means militia youth infantry artillery cavalry clergy livestock poultry swine".split())


def _singular_for(noun: Token, ph: NumberPhrase) -> bool:
    """A noun in the singular after a figure other than one ("737 replacement", "787 Dreamliner",
    "Poor's 500 index"): the figure names a model or a series, it does not count the noun."""
    value = ph.value or 0
    return (noun.tag_ in ("NN", "NNP") and value > 1 and float(value).is_integer() and noun.lower_ not in _INVARIANT_NOUNS
            and noun.lemma_.lower() not in _INVARIANT_NOUNS)


def naming_reason(analysis: Analysis, ph: NumberPhrase, in_time: bool) -> str | None:
    """Why a number phrase names something rather than quantifying it (``year``, ``date``, ``name``,
    ``enumeration``, ``pronoun``, ``ordinal``), or None when it is a quantity. ``in_time``: the
    phrase lies inside a time expression (and carries no duration unit)."""
    text = analysis.text
    toks = phrase_tokens(analysis, *ph.core)
    tok = anchor_token(toks)
    if tok is None:
        return "name"
    if ph.kind == "ordinal":
        return "ordinal"
    if _is_year(text, ph, tok, in_time):
        return "year"
    if in_time:
        return "date"
    if ph.kind != "number" or ph.currency:
        return None
    before = text[max(0, ph.span[0] - 24):ph.span[0]]
    prev = _PREV_WORD.search(before)
    if prev:
        word = prev.group(1).lower().rstrip(".")
        classes = noun_classes()
        if word in classes["naming"] or (prev.group(1)[0].isupper() and word in classes["naming_cap"]):
            return "name"
    if tok.ent_iob_ == "I" and tok.ent_type_ in _NAME_ENTS:
        return "name"
    noun = counted_noun(analysis, tok, ph.span[1])
    if noun is not None and noun.i > tok.i and _singular_for(noun, ph) and ph.qualifier == "exact" and \
            unit_at(text, ph.span[1]) is None and all(
                t.pos_ in ("NOUN", "PROPN") for t in analysis.doc[tok.i + 1:noun.i]):
        return "name"
    if _after_name(analysis, ph, toks[0], toks[-1]) or _model_number(analysis, ph, toks[0], toks[-1]):
        return "name"
    if _ENUMERATION.search(before) and text[ph.core[1]:ph.core[1] + 1] == ")":
        return "enumeration"
    if text[ph.core[0]:ph.core[1]].lower() == "one" and _pronoun_one(analysis, ph, tok):
        return "pronoun"
    return None


def _pronoun_one(analysis: Analysis, ph: NumberPhrase, tok: Token) -> bool:
    """"no one", "one of them", "at one point", "One more thing": "one" that counts nothing."""
    if _PRONOUN_ONE.search(analysis.text, max(0, ph.span[0] - 8), ph.span[0]):
        return True
    nxt = analysis.doc[tok.i + 1] if tok.i + 1 < len(analysis.doc) else None
    if nxt is not None and nxt.lower_ in ("of", "another", "more", "point"):
        return True
    return not (tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN")) and not gapped_one(tok)


def gapped_one(tok: Token) -> bool:
    """"two occurred at Brook House and one at Harmondsworth", "three happened in training and one in a
    match": "one" and a place or time phrase after "and", the verb of a figure that is its clause's
    subject left out — a count of what that figure counts."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.dep_ != "conj" or nxt is None or nxt.pos_ != "ADP" or prev is None or prev.lower_ not in ("and", "or"):
        return False
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.is_punct:
            break
        if t.pos_ in ("VERB", "AUX"):
            return False    # "and one in particular needed surgery": a clause with its own verb
    ancestors = {a.i for a in tok.ancestors}
    subjects = [t.head if t.dep_ == "nummod" else t for t in tok.sent if t.i < tok.i and t.pos_ == "NUM"
                and t.lower_ != "one"]   # ("two occurred", "Three people were injured")
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i in ancestors for t in subjects)


# --------------------------------------------------------------------------- ages, counted nouns

def is_age(analysis: Analysis, ph: NumberPhrase, tok: Token) -> bool:
    """"aged 56", "at the age of 56", "Papermaster, 49,": a person's age."""
    if ph.kind != "number" or ph.value is None or ph.value > 120 or ph.qualifier != "exact":
        return False
    text = analysis.text
    if _AGE_BEFORE.search(text, max(0, ph.span[0] - 12), ph.span[0]):
        return True
    if not (text[max(0, ph.span[0] - 2):ph.span[0]] == ", " and text[ph.span[1]:ph.span[1] + 1] in (",", ")")):
        return False
    if tok.i < 2:
        return False
    p = analysis.doc[tok.i - 2]
    if p.ent_type_ == "PERSON" or p.lower_ in noun_classes()["person"]:
        return True
    return p.pos_ == "PROPN" and p.text[:1].isupper() and p.ent_type_ not in _PLACE_OR_GROUP


def counted_noun(analysis: Analysis, tok: Token, end: int) -> Token | None:
    """The noun a figure counts: its head ("179 new tankers"), or the object of "of" after it
    ("thousands of pages")."""
    doc = analysis.doc
    t = tok
    for _ in range(3):
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and t.head.i > t.i and \
                t.head.pos_ in ("NOUN", "PROPN") and t.head.idx >= end:
            return t.head
        if t.dep_ in ("quantmod", "compound") and t.head.i > t.i and t.head.pos_ == "NUM":
            t = t.head
            continue
        break
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        pobj = next((c for c in nxt.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if pobj is not None and not pobj.ent_type_:
            return pobj
    return None


# --------------------------------------------------------------------------- change

def _relation(tok: Token) -> tuple[Token, str | None, list[Token]]:
    """The predicate or noun a figure hangs from, the preposition it hangs through, and the
    nouns of its own phrase it climbed through ("9 % drop": "%", "drop")."""
    t = tok
    path: list[Token] = []
    for _ in range(3):  # climb out of the figure's own phrase ("42 %", "118.40 points", "a 9% drop")
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") and t.head.i > t.i and \
                t.head.pos_ in ("NOUN", "SYM", "NUM", "PROPN") and t.head.i - t.i <= 2:
            t = t.head
            path.append(t)
        else:
            break
    if t.dep_ == "conj" and t.head.i < t.i:  # "fell 82.65 points or 3.44%": the first figure's relation
        t = t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        return t.head.head, t.head.lower_, path
    return t.head, None, path


def change_direction(tok: Token) -> str | None:
    """``up`` / ``down`` when ``tok`` is a verb or noun of change ("rose", "drop"), else None."""
    up, down, _ = _change_lexicon()
    lemma = tok.lemma_.lower()
    return "up" if lemma in up else "down" if lemma in down else None


_FROM_BEFORE = re.compile(r"\bfrom\s+[^,;.]{1,40}?\s+to\s+$", re.I)


def _from_to_level(analysis: Analysis, start: int) -> str | None:
    """"increased ... from US$55 billion to [US$110 billion]": the level reached, in the direction
    of the change that governs "from"."""
    m = _FROM_BEFORE.search(analysis.text, max(0, start - 60), start)
    if m is None:
        return None
    span = analysis.doc.char_span(m.start(), m.start() + 4)
    return change_direction(span[0].head) if span is not None else None


def change_of(analysis: Analysis, ph: NumberPhrase, tok: Token, kind: str, start: int) -> str:
    """``up`` / ``down`` when the figure states a rise or fall ("fell 42%", "a 9% drop", "rose
    15,000 to 444,000", "was down 2.62%"), else the relation its qualifier states."""
    up, down, money_neutral = _change_lexicon()
    rel = change_for_qualifier(ph.qualifier)
    if kind in ("count", "age", "duration", "rate"):
        return rel  # "cut 10,000 jobs" counts jobs; it does not move a figure
    m = re.search(r"\b(up|down)(?:\s+by)?\s*$", analysis.text[max(0, start - 12):start], re.I)
    if m:
        return m.group(1).lower()
    moved = _from_to_level(analysis, start)
    if moved is not None:
        return moved
    head, prep, path = _relation(tok)
    for noun in path:  # "a 9% drop", "a 45% decline"
        direction = change_direction(noun)
        if direction is not None:
            return direction
    if prep == "from":
        return rel  # "up from 14%": the level it moved from
    lemma = head.lemma_.lower()
    if kind == "money" and lemma in money_neutral:
        return rel  # "lost $6 billion": an amount lost, not a fall
    if prep not in (None, "by", "to", "of") and head.pos_ != "NOUN":
        return rel
    if lemma in up:
        return "up"
    if lemma in down:
        return "down"
    return rel
