"""Counts the text states without a number (SPEC §3 "Implicit counts") and how counts relate.

* **Implicit counts** — an event whose participant is one person or an enumerated set ("a man
  was shot dead", "the victim, 23, died", "his wife and son were injured", "the driver and two
  passengers were pronounced dead", "both were listed in good condition") is a count of 1, 2, 3 …
  (``exact``) with ``quantity.text`` the participant's noun phrase, so that a coder's fatality
  figure exists. Pronouns ("he", "they") refer to someone already counted and give none; a plural
  without a number ("the victims") has no size; "no one" / "nobody" is no count. The participant
  is found by structure: the passive subject or object of the event verb, the subject of an
  intransitive or copular one ("died", "is dead", "were in critical condition"), the object of a
  resultative ("found both dead"), the "against" phrase of proceedings.
* **Parts** — a count that is a part of another carries the total's draft
  (``quantity.part_of`` once claims are numbered): the numbered conjuncts of an enumerated total
  ("two passengers" in "the driver and two passengers"); partitives ("two of them", "45 of
  whom", "one of them fatally", "of that number, 22,468", "among them seven smugglers"); "11 of
  the injured" (the latest earlier total of the count's event); "including two children"; a list
  after a colon or dash whose figures sum to the total ("15 died: 12 men and 3 women"); and
  "among the dead" / "the dead included" (the latest total of that event in the report).

Core: :func:`implicit_participants` (per event mention) and :func:`find_parts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .base import Analysis, EventMention, QuantityMention, children_of, lower_lemma
from .frames import frames, person_noun
from .implicit_members import (
    a_thing,
    colon_members,
    compound_read_as_modifier,
    included_in,
    listed_among,
    members_listed,
    one_with,
    ordinal_member,
)
from .quantity_nouns import mass_of_things

__all__ = ["ImplicitCount", "implicit_participants", "numbered_set", "find_parts", "IMPLICIT_TYPES"]

#: event types whose participants a coder counts
IMPLICIT_TYPES = frozenset({"death", "injury", "missing", "detention", "deportation", "legal_action", "combat_casualties"})

_NEGATIVE_DETS = frozenset({"no", "none", "neither"})
_NOBODY = frozenset({"nobody", "noone", "none", "neither", "nothing"})
_ONE_PRON = frozenset({"another", "one"})
_SINGLE_DETS = frozenset({"a", "an", "the", "this", "that", "another", "one", "each", "every"})
_BODY_NOUNS = frozenset({"body", "corpse", "remains"})
_AGE_UNITS = frozenset({"year", "month", "week", "day"})
#: a plural that names a definite pair when it is someone's ("his parents")
_PAIR_NOUNS = frozenset({"parents"})
_INTRANSITIVE_EVENTS = frozenset({"die", "drown", "perish", "succumb", "freeze", "disappear", "vanish", "suffocate",
                                  "starve", "go", "remain", "be", "lie"})


@dataclass
class ImplicitCount:
    """A participant noun phrase counted without a number."""

    span: tuple[int, int]           # the noun phrase ("his wife and son")
    value: int
    head_i: int                     # the participant's head noun
    unit: str
    mention: EventMention
    parts: list[int]                # token indices of numbered conjuncts ("two passengers")


def _subjects(tok: Token) -> list[Token]:
    subj = [c for c in children_of(tok) if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "cc" and c.i < subj[0].i for c in children_of(tok.head)):
        return [tok.head]  # "The driver, 38, and his assistant survived": the pair the parser split at the age
    if not subj and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
        return _subjects(tok.head)
    if not subj and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        return [tok.head] if tok.dep_ == "acl" else []
    return subj


def _split_off(noun: Token) -> list[Token]:
    """"The driver, 38, and his assistant survived": the subject of the verb the parser made the noun's
    conjunct is the noun's partner in the pair."""
    if not any(c.dep_ == "cc" for c in children_of(noun)):
        return []
    return [s for v in children_of(noun) if v.dep_ == "conj" and v.pos_ in ("VERB", "AUX")
            for s in children_of(v) if s.dep_ == "nsubj" and s.i > noun.i]


def _join_subjects(sets: list[list[Token]]) -> list[list[Token]]:
    """"The driver, 38, and his assistant, 24, were arrested": two subjects of one verb, the "and" left on
    the first (the ages broke the coordination), are one pair."""
    out: list[list[Token]] = []
    for members in sets:
        last = out[-1][-1] if out else None
        if last is not None and members[0].dep_ == last.dep_ and members[0].head.i == last.head.i and any(
                c.dep_ == "cc" for c in children_of(last)):
            out[-1] = out[-1] + members
        else:
            out.append(members)
    return out


def _antecedent(tok: Token) -> Token:
    """"reporter X, 29, who was shot": a relative pronoun stands for the noun its clause is on."""
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.head
    return tok


def _verb_participants(tok: Token) -> list[Token]:
    passive = [_antecedent(c) for c in children_of(tok) if c.dep_ == "nsubjpass"]
    if passive:
        return passive
    objs = [c for c in children_of(tok) if c.dep_ == "dobj"]
    if objs:
        return objs
    if lower_lemma(tok) in _INTRANSITIVE_EVENTS or tok.lower_ == "missing" or any(c.dep_ == "auxpass" for c in children_of(tok)):
        return [_antecedent(s) for s in _subjects(tok)]  # "X, 26, who died": the one the clause is on
    if tok.dep_ == "conj":
        return [s for s in _subjects(tok) if s.dep_ == "nsubjpass" or lower_lemma(tok.head) in _INTRANSITIVE_EVENTS]
    return []


def _state_participants(tok: Token) -> list[Token]:
    """"is dead", "found both dead", "in critical condition", "remain missing"."""
    gov = tok.head
    if tok.dep_ == "dobj" and tok.pos_ == "NOUN" and gov.lemma_.lower() in frames()["sets"]["light_verbs"]:
        return [c for c in children_of(gov) if c.dep_ == "nsubj"]  # "a guard sustained gunshot injuries"
    if tok.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    elif tok.dep_ not in ("acomp", "oprd", "xcomp", "advmod", "attr", "conj"):
        return []
    if gov.pos_ not in ("VERB", "AUX"):
        return []
    objs = [c for c in children_of(gov) if c.dep_ == "dobj"] if tok.dep_ == "oprd" else []
    if tok.dep_ == "pobj" and tok.head.lower_ == "among":
        objs = [c for c in children_of(gov) if c.dep_ in ("attr", "nsubj")]  # "among the dead was a girl"
    return objs or [c for c in children_of(gov) if c.dep_ in ("nsubj", "nsubjpass")] or _subjects(gov)


def _participants(tok: Token, etype: str) -> list[Token]:
    """Participant noun heads of an event trigger (see the module doc)."""
    if etype == "legal_action":  # "proceedings against the driver"
        heads = [tok] + ([tok.head] if tok.head.pos_ == "VERB" else [])
        return [g for h in heads for c in children_of(h) if c.dep_ == "prep" and c.lower_ == "against"
                for g in children_of(c) if g.dep_ == "pobj"]
    if tok.pos_ == "VERB":  # ("the third remains missing": a participle the parse made the complement)
        return _verb_participants(tok) or (_state_participants(tok) if tok.dep_ == "acomp" else [])
    if mass_of_things(tok):
        return []   # "a body of water"
    if tok.pos_ == "NOUN" and lower_lemma(tok) in _BODY_NOUNS:  # "the body of a man was found"
        owners = [g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of"
                  for g in children_of(c) if g.dep_ == "pobj"]
        return owners or ([tok] if _one_body(tok) else [])
    if tok.pos_ == "NOUN" and _reported_as_news(tok) and (owners := _of_phrase(tok)):
        return owners  # "condemns the murder of Ramiro Téllez, a reporter"
    if tok.pos_ == "NOUN" and (owner := one_with(tok)) is not None:
        return [owner]  # "three were flown to hospital, one with a leg wound"
    if tok.pos_ in ("ADJ", "NOUN", "ADV"):
        return _state_participants(tok)
    return []


#: verbs whose object is an event the report tells as news ("condemns the murder of X", "are
#: investigating the killing of X"), and prepositions that tie an act to it ("arrested over the murder
#: of X", "after the abduction of X"); not a story's or a history's ("depicts the arrest of Jesus",
#: "to discuss the murder of Thomas Becket")
_NEWS_VERBS = frozenset({"condemn", "denounce", "deplore", "decry", "investigate", "probe", "mourn", "protest",
                         "confirm", "report", "announce", "claim", "witness", "film", "order", "carry"})
_NEWS_PREPS = frozenset({"after", "following", "over", "for", "in", "since", "into", "against"})


def _reported_as_news(tok: Token) -> bool:
    """An event noun the report tells as an act that happened (:data:`_NEWS_VERBS`, :data:`_NEWS_PREPS`)."""
    head = tok.head
    if tok.dep_ == "dobj" and head.pos_ == "VERB":
        return head.lemma_.lower() in _NEWS_VERBS
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        return head.lower_ in _NEWS_PREPS and head.head.pos_ in ("VERB", "AUX", "NOUN")
    return tok.dep_ == "nsubjpass"


def _of_phrase(tok: Token) -> list[Token]:
    """Who an event noun befell, named in its "of" phrase: a person by name or a person noun (through the
    apposition that says who a name is: "the murder of Ramiro Téllez, a reporter")."""
    out: list[Token] = []
    if any(c.dep_ in ("nummod", "amod") and (c.like_num or c.ent_type_ == "ORDINAL") for c in children_of(tok)):
        return out  # "the 14th killing of an activist": a running total of the events, counted already
    for g in (g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of" for g in children_of(c) if g.dep_ == "pobj"):
        said = next((a for a in children_of(g) if a.dep_ == "appos" and person_noun(a)), None)
        if g.ent_type_ == "PERSON" or person_noun(g) or said is not None:
            out.append(g if said is None or person_noun(g) else said)
    return out


def _explicit(tok: Token, quantities_by_tok: dict[int, QuantityMention]) -> QuantityMention | None:
    q = quantities_by_tok.get(tok.i)
    if q is not None:
        return q
    for c in children_of(tok):
        if c.dep_ in ("nummod", "quantmod") and c.i in quantities_by_tok:
            return quantities_by_tok[c.i]
    return None


def _one_body(tok: Token) -> bool:
    """A body no earlier person is: "found a body", "his brother's body" (not "the body", "his
    body", which refer to someone the report has counted)."""
    if tok.tag_ != "NN":
        return False
    kids = children_of(tok)
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in kids) or any(
        c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and _one_owner(c) for c in kids)


def _age(tok: Token) -> bool:
    """"17-year-old", "six-month-old": "old" with a numbered unit of age."""
    return lower_lemma(tok) == "old" and any(
        c.dep_ == "npadvmod" and lower_lemma(c) in _AGE_UNITS and any(g.dep_ == "nummod" for g in children_of(c))
        for c in children_of(tok))


def _aged_person(tok: Token) -> bool:
    """A participant named by its age ("a 17-year-old was shot") or a noun with an age and no
    class of things ("a 12-year-old shepherd")."""
    if tok.pos_ == "ADJ":
        return _age(tok)
    if tok.pos_ != "NOUN" or not any(c.dep_ == "amod" and _age(c) for c in children_of(tok)):
        return False
    return not a_thing(tok)


def _unclassed_noun(tok: Token) -> bool:
    """A common noun of no class of things, which a conjunct that names people makes one of them
    ("detained the merchant and two organisers"; not "seized the car and two suspects")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or (tok.i + 1 < len(tok.doc) and tok.nbor().text in "-–"):
        return False    # (a word the parse cut at a hyphen: "the co-pilot")
    return not a_thing(tok)


def _determiners(tok: Token) -> list[Token]:
    return [c for c in children_of(tok) if c.dep_ in ("det", "predet", "preconj")]


def _one_owner(tok: Token) -> bool:
    """A possessor that is one person ("his parents", "the boy's parents"), not several ("their
    parents", "the pupils' parents": as many pairs as there are owners)."""
    return tok.dep_ == "poss" and tok.lower_ not in ("their", "our", "your") and tok.tag_ not in ("NNS", "NNPS")


def _unnumbered_value(tok: Token, shared_det: bool, among_people: bool = False) -> int | None:
    """1 for one definite person ("a man", "the victim", "his son", "Curtis Hall"), 2 for "both",
    None for no one, a pronoun, a plural or a non-person."""
    low, dets = tok.lower_, _determiners(tok)
    if low in _NOBODY or any(d.lower_ in _NEGATIVE_DETS for d in dets):
        return None
    if low == "both" or any(d.lower_ == "both" for d in dets):
        return 2
    if tok.pos_ in ("PRON", "DET") or (low == "one" and tok.pos_ == "NUM" and tok.dep_ != "nummod"):
        return 1 if low in _ONE_PRON else None
    if ordinal_member(tok):
        return 1    # "the body of a seventh", "the third remains missing"
    if lower_lemma(tok) in _BODY_NOUNS:
        return 1 if _one_body(tok) and not mass_of_things(tok) else None
    person = _aged_person(tok) or (among_people and _unclassed_noun(tok))
    if not person and (tok.pos_ in ("NUM", "VERB", "ADJ") or not person_noun(tok)):
        return None     # "the injured were taken to hospital": a group of unknown size
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        return 1
    if tok.tag_ in ("NNS", "NNPS"):
        return 2 if tok.lower_ in _PAIR_NOUNS and any(_one_owner(c) for c in children_of(tok)) else None
    has_det = bool(dets) or any(c.dep_ == "poss" for c in children_of(tok)) or shared_det or (
        tok.dep_ in ("compound", "nmod") and compound_read_as_modifier(tok.head).i == tok.i)  # "a herder grazing goats"
    return 1 if has_det or tok.pos_ == "PROPN" else None


def _value(tok: Token, quantities_by_tok: dict[int, QuantityMention], shared_det: bool = False,
           among_people: bool = False) -> tuple[int | None, bool]:
    """(value, numbered) of one conjunct; value None when it has no definite size.
    ``shared_det``: the first conjunct's determiner holds for this one ("his wife and son")."""
    q = _explicit(tok, quantities_by_tok)
    if q is None:
        return _unnumbered_value(tok, shared_det, among_people), False
    if q.qualifier != "exact" or q.best is None or not float(q.best).is_integer():
        return None, True
    return int(q.best), True


def _np_span(tokens: list[Token]) -> tuple[int, int]:
    first, last = tokens[0], tokens[-1]
    left = first
    for c in first.lefts:
        if c.dep_ in ("det", "poss", "amod", "compound", "nummod", "predet", "preconj", "nmod", "quantmod"):
            left = first.doc[min(left.i, c.left_edge.i)]
    if first.dep_ in ("compound", "nmod") and first.head.i > first.i:  # "a herder grazing goats": the article the parse hung on the head
        left = min([left, *(d for d in _determiners(first.head) if d.i < first.i)], key=lambda t: t.i)
    right = last
    if len(tokens) == 1 or last.pos_ == "NUM":  # "my father and two of my uncles"
        of = next((c for c in last.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and of.right_edge.i - last.i <= 6:
            right = of.right_edge
    while right.i + 1 < len(last.doc) and last.doc[right.i + 1].dep_ == "flat" and last.doc[right.i + 1].head.i == last.i:
        right = last.doc[right.i + 1]
    doc = first.doc
    while left.i < first.i and (left.is_space or left.is_punct or left.sent.start != first.sent.start):
        left = doc[left.i + 1]
    while right.i > last.i and (right.is_space or right.is_punct):
        right = doc[right.i - 1]
    return left.idx, right.idx + len(right)


def _part_heads(tok: Token) -> list[int]:
    """A numbered conjunct's token and, for a partitive number ("two of my uncles"), the counted
    noun of its "of" phrase, where the explicit count may sit."""
    of_nouns = [g.i for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of"
                for g in children_of(c) if g.dep_ == "pobj"] if tok.pos_ == "NUM" else []
    return [tok.i, *of_nouns]


def implicit_participants(analysis: Analysis, mention: EventMention,
                          quantities_by_tok: dict[int, QuantityMention]) -> list[ImplicitCount]:
    """Implicit counts for one event mention (empty when its participants are numbered, plural
    without a number, pronouns or absent)."""
    if mention.event_type not in IMPLICIT_TYPES or mention.head_i is None:
        return []
    doc = analysis.doc
    out: list[ImplicitCount] = []
    heads = [compound_read_as_modifier(h) for h in _participants(doc[mention.head_i], mention.event_type)]
    sets = _join_subjects([[p] + [c for c in p.conjuncts if c.i > p.i and c.pos_ not in ("VERB", "AUX")] + _split_off(p)
                           for p in heads])
    if listed_among(doc[mention.head_i]):
        # "Among the dead are a shepherd and two children": members of a set the report counted, one with a
        # figure of its own, are parts of its total (SPEC 3), each a count of its own, not one set of three
        sets = [[m] for conjuncts in sets for m in conjuncts] if any(
            _value(c, quantities_by_tok)[1] for conjuncts in sets for c in conjuncts) else sets
    # the members an "including" phrase lists are parts of the total, each a count of its own
    sets += [[m] for h in (doc[mention.head_i], *heads) for g in included_in(h) for m in (g, *g.conjuncts)]
    sets += _listed_members(doc[mention.head_i], quantities_by_tok)
    for conjuncts in sets:
        found = _set_size(conjuncts, quantities_by_tok)
        if found is not None:
            unit = conjuncts[0].text if len(conjuncts) == 1 else "people"
            out.append(ImplicitCount(found[0], found[1], conjuncts[0].i, unit, mention, found[2]))
    return out


def _listed_members(event: Token, quantities_by_tok: dict[int, QuantityMention]) -> list[list[Token]]:
    """"claimed two lives: an elderly man ... and a woman ...": the single people listed after a colon who
    add up to the figure before it are members of that total, each one a count of its own (SPEC 3)."""
    listed = colon_members(event) if ":" in event.sent.text else None
    if listed is None:
        return []
    total, members = listed
    values = [_value(m, quantities_by_tok) for m in members]
    if any(v is None or numbered for v, numbered in values) or sum(v for v, _n in values if v is not None) != total:
        return []   # (a list with figures of its own, "three missing: a woman and two men", is told by its figures)
    return [[m] for m in members]


def _set_size(conjuncts: list[Token], quantities_by_tok: dict[int, QuantityMention]
              ) -> tuple[tuple[int, int], int, list[int]] | None:
    """(span, size, numbered part heads) of one participant or enumerated set; None when a member
    has no definite size or every member is numbered (each explicit count says its own)."""
    p = conjuncts[0]
    first_det = any(c.dep_ in ("det", "poss") and c.lower_ not in _NEGATIVE_DETS for c in children_of(p))
    if len({lower_lemma(c) in _BODY_NOUNS for c in conjuncts}) > 1:
        return None  # "29 bodies and 73 injured people": the dead and the living are no one set
    people = len(conjuncts) > 1 and any(person_noun(c) for c in conjuncts)
    values = [_value(c, quantities_by_tok, k > 0 and first_det, people) for k, c in enumerate(conjuncts)]
    if any(v is None for v, _n in values) or all(numbered for _v, numbered in values):
        return None
    parts = [i for c, (_v, numbered) in zip(conjuncts, values) if numbered for i in _part_heads(c)]
    return _np_span(conjuncts), sum(v for v, _n in values if v is not None), parts


def numbered_set(tok: Token, quantities_by_tok: dict[int, QuantityMention]
                 ) -> tuple[tuple[int, int], int, list[int]] | None:
    """The enumerated set a numbered conjunct of people belongs to ("my brother and his two children
    were swept away" = 3), whatever befell it: (span, size, numbered part heads)."""
    first = tok
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN", "NUM"):
        first = first.head
    conjuncts = [first] + [c for c in first.conjuncts if c.i > first.i and c.pos_ not in ("VERB", "AUX")]
    if tok.pos_ != "NOUN" or len(conjuncts) < 2 or tok not in conjuncts or not any(person_noun(c) for c in conjuncts) \
            or members_listed(first):
        return None
    return _set_size(conjuncts, quantities_by_tok)


# ------------------------------------------------------------------ parts of totals

@dataclass
class CountRef:
    """What :func:`find_parts` needs to know of a drafted count."""

    key: int                        # index of the draft
    span: tuple[int, int]           # the quantity span
    best: float | None
    sent_i: int
    head_i: int | None              # counted noun / number token
    event_type: str | None
    implicit_parts: tuple[int, ...] = ()


def _partitive_pronoun(tok: Token) -> bool:
    """"two of them", "45 of whom", "among them seven smugglers" (the count and the pronoun are
    both objects of one "among")."""
    pron = frames()["sets"]["share_pronouns"]
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 2].lower_ in ("of", "among") and doc[tok.i - 1].lower_ in pron:
        return True     # ", of whom 6 were shifted": the phrase the parser hung on the count's verb
    of = next((c for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in ("of", "among")), None)
    if of is None and tok.dep_ == "pobj" and tok.head.lower_ == "among":
        of = tok.head
    return of is not None and any(g.dep_ == "pobj" and g.i != tok.i and g.lower_ in pron for g in children_of(of))


def _set_partitive(tok: Token) -> Token | None:
    """"11 of *the injured*", "two of the dead": a definite "of" phrase whose head is a participle
    or adjective used as a noun — the set of people an event counted, not a noun to match."""
    of = next((c for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((g for g in children_of(of) if g.dep_ == "pobj"), None) if of is not None else None
    if noun is None or noun.pos_ not in ("VERB", "ADJ") or any(c.dep_ == "nummod" for c in children_of(noun)):
        return None
    return noun if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in children_of(noun)) else None


def _definite_partitive(tok: Token) -> Token | None:
    """The noun of a definite "of" phrase the count takes a part of ("100,000 of *the migrants*"),
    not one with its own figure ("two of the 40 migrants" names its total itself)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NUM":
        noun: Token | None = tok  # the count's counted noun is the "of" phrase itself
    else:
        of = next((c for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((g for g in children_of(of) if g.dep_ == "pobj") , None) if of is not None else None
    if noun is None or noun.pos_ != "NOUN" or any(c.dep_ == "nummod" for c in children_of(noun)):
        return None
    return noun if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in children_of(noun)) else None


def _counted_lemma(tok: Token) -> str:
    """The lemma of what a count counts: its noun, or the noun its number modifies."""
    if tok.pos_ == "NUM" and tok.dep_ == "nummod":
        tok = tok.head
    return tok.lemma_.lower()


def _including(tok: Token) -> Token | None:
    """"27 people, including two children": the "including" (or "among") word."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.lower_ in ("including", "among") and cur.head.head.i != cur.head.i:
            return cur.head
        cur = cur.head
    return None


def _total_for(analysis: Analysis, r: CountRef, earlier: list[CountRef], ordered: list[CountRef],
               parts: dict[int, int]) -> CountRef | None:
    """The total count ``r`` is a part of, or None."""
    if r.head_i is None:
        return None
    tok = analysis.doc[r.head_i]
    same = [x for x in earlier if x.sent_i == r.sent_i]
    num = tok if tok.pos_ in ("NUM", "PRON") else next((c for c in children_of(tok) if c.dep_ == "nummod"), tok)
    if _partitive_pronoun(num) or _partitive_pronoun(tok):  # "two of them", "45 of whom"
        if same:
            return same[-1]
        return earlier[-1] if earlier and earlier[-1].sent_i == r.sent_i - 1 else None
    figure = analysis.doc.char_span(r.span[0], r.span[1], alignment_mode="expand")
    figure_tok = next((t for t in reversed(figure) if t.like_num or t.pos_ == "NUM"), None) if figure is not None else None
    of_noun = _definite_partitive(num) or _definite_partitive(tok) or (
        _definite_partitive(figure_tok) if figure_tok is not None else None)
    if r.event_type and any(_set_partitive(t) is not None for t in (num, tok, figure_tok) if t is not None):
        return _latest_of_type(r, earlier, parts, same_sentence=False)  # "11 of the injured were firefighters"
    if of_noun is not None:  # "more than 100,000 of the migrants", "two of the victims"
        lemma = of_noun.lemma_.lower()
        return next((x for x in reversed(earlier) if x.head_i is not None and x.key not in parts
                     and _counted_lemma(analysis.doc[x.head_i]) == lemma and (x.best or 0) >= (r.best or 0)), None)
    including = _including(tok)
    if including is not None:  # "27 people, including two children"
        hosted = next((x for x in reversed(same) if x.head_i == including.head.i), None)
        # hung by the parse from another word of the clause ("4,000 migrants have entered Lithuania,
        # including 2,800 Iraqis"): the nearest count before it that can hold it, a part itself only
        # before the "including" ("38 of the dead ..., including 6 minors"), not a listed sibling
        return hosted or next((x for x in reversed(same) if (x.key not in parts or x.span[1] <= including.idx)
                               and x.best is not None and r.best is not None and x.best >= r.best), None)
    if _after_colon(analysis, r, same):  # "15 died: 12 men and 3 women"
        return _colon_total(analysis, r, same, ordered)
    if _of_that_number(analysis, r) and earlier:  # "Of that number, 22,468 ..."
        return earlier[-1]
    if r.event_type and _among_the_counted(tok):  # "Among the dead was a 15-year-old"
        return _latest_of_type(r, earlier, parts, same_sentence=False)
    return None


def _latest_of_type(r: CountRef, earlier: list[CountRef], parts: dict[int, int], same_sentence: bool) -> CountRef | None:
    """The latest earlier count of ``r``'s event type (of an earlier sentence unless
    ``same_sentence``) at least as large and not itself a part."""
    return next((x for x in reversed(earlier) if x.event_type == r.event_type
                 and (same_sentence or x.sent_i < r.sent_i)
                 and (x.best or 0) >= (r.best or 0) and x.key not in parts), None)


_COUNTED_SETS = frozenset({"dead", "injured", "wounded", "victim", "victims", "casualty", "casualties", "missing",
                           "arrested", "detained", "detainee", "detainees", "killed", "fatality", "fatalities"})


def _among_the_counted(tok: Token) -> bool:
    """The count is a member of a set counted before: "among the dead", "the injured included"."""
    pred = tok
    for _ in range(4):
        if pred.pos_ in ("VERB", "AUX") or pred.head.i == pred.i:
            break
        pred = pred.head
    for c in children_of(pred):
        if c.dep_ == "prep" and c.lower_ == "among" and any(g.lower_ in _COUNTED_SETS for g in children_of(c)):
            return True
        if c.dep_ == "nsubj" and c.lower_ in _COUNTED_SETS and pred.lemma_.lower() in ("include", "be"):
            return c.i != tok.i
    return False


def find_parts(analysis: Analysis, refs: list[CountRef]) -> dict[int, int]:
    """``{part key: total key}`` for the counts of one article (see the module doc)."""
    doc = analysis.doc
    out: dict[int, int] = {}
    by_tok = {r.head_i: r for r in refs if r.head_i is not None}
    ordered = sorted(refs, key=lambda r: r.span)
    for r in ordered:  # the numbered conjuncts of an enumerated set
        for i in r.implicit_parts:
            part = by_tok.get(i) or next((x for x in refs if x.head_i is not None and doc[x.head_i].head.i == i), None)
            if part is not None and part.key != r.key:
                out[part.key] = r.key
    for k, r in enumerate(ordered):
        if r.key in out or r.head_i is None:
            continue
        earlier = [x for x in ordered[:k] if x.best is not None and x.key != r.key]
        total = _total_for(analysis, r, earlier, ordered, out)
        if total is not None and (total.best is None or r.best is None or r.best <= total.best):
            out[r.key] = total.key
    return out


def _of_that_number(analysis: Analysis, r: CountRef) -> bool:
    s = analysis.sentences[r.sent_i][0]
    before = analysis.text[s:r.span[0]].lower()
    return before.startswith(("of that number", "of this number", "of these", "of them", "of those"))


def _after_colon(analysis: Analysis, r: CountRef, same: list[CountRef]) -> bool:
    if not same:
        return False
    between = analysis.text[same[-1].span[1]:r.span[0]]
    return any(ch in between for ch in (":", "—", "–")) or (
        bool(same) and any(ch in analysis.text[x.span[1]:r.span[0]] for x in same for ch in (":", "—", "–")))


def _colon_total(analysis: Analysis, r: CountRef, same: list[CountRef], ordered: list[CountRef]) -> CountRef | None:
    """The count before the colon whose figure the listed counts after it add up to."""
    for total in reversed(same):
        if not any(ch in analysis.text[total.span[1]:r.span[0]] for ch in (":", "—", "–")):
            continue
        listed = [x for x in ordered if x.sent_i == r.sent_i and x.span[0] > total.span[1]
                  and any(ch in analysis.text[total.span[1]:x.span[0]] for ch in (":", "—", "–"))]
        listed_sum = sum(x.best or 0 for x in listed) + _single_conjuncts(analysis, listed)
        if total.best is not None and abs(listed_sum - total.best) < 1e-6:
            return total
    return None


def _single_conjuncts(analysis: Analysis, listed: list[CountRef]) -> int:
    """The one-person members listed with the counts ("three missing: *a woman* and two men"):
    nouns under "a"/"an" coordinated with a listed count's noun, one each."""
    doc = analysis.doc
    heads = {x.head_i for x in listed if x.head_i is not None}
    if not heads:
        return 0
    group = set(heads)
    for i in heads:
        tok = doc[i]
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        group |= {t.i for t in tok.conjuncts} | {tok.i}
    singles = 0
    for i in group - heads:
        noun = doc[i]
        if noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in children_of(noun)):
            singles += 1
    return singles
