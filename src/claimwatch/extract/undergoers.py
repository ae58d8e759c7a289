"""Who undergoes an event trigger (SPEC §6): the people a verb of violence is done to, the
undergoers of a casualty verb, the offence victims suffered, and a passive subject that is no one held ("caught in the crossfire").

Cores: :func:`undergoers`, :func:`done_to_people`, :func:`passive_but_not_held`, :func:`offence_suffered`.
"""

from __future__ import annotations

from typing import Mapping

from spacy.tokens import Token

from .base import EventMention, children_of
from .frames import person_noun

__all__ = ["undergoers", "done_to_people", "passive_but_not_held", "offence_suffered"]


def undergoers(tok: Token) -> list[Token]:
    """Who undergoes a casualty trigger: a verb's passive subject or object ("500 sheep were killed",
    "drowned 2,000 cattle"), else an intransitive verb's subject ("40 dolphins died"); a noun's
    "of" phrase ("the deaths of 500 sheep"). Conjuncts included."""
    kids = children_of(tok)
    if tok.pos_ == "VERB":
        heads = [c for c in kids if c.dep_ in ("nsubjpass", "dobj")] or [c for c in kids if c.dep_ == "nsubj"]
    elif tok.pos_ == "NOUN":
        heads = [g for c in kids if c.dep_ == "prep" and c.lower_ == "of" for g in children_of(c) if g.dep_ == "pobj"]
    else:
        heads = []
    return [n for h in heads for n in (h, *h.conjuncts)]


_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "me", "we", "us"})


def _partitive_of_people(n: Token) -> bool:
    """"one of the teachers", "two of them"... a number or pronoun whose "of" phrase names people."""
    return n.pos_ in ("NUM", "PRON") and any(g.pos_ == "NOUN" and person_noun(g) for c in children_of(n)
                                             if c.dep_ == "prep" and c.lower_ == "of" for g in children_of(c))


def done_to_people(tok: Token, every: bool = True) -> bool:
    """A verb of violence whose object or passive subject names people ("had beaten her husband",
    "two men were beaten", "beat 12 protesters"), with no score among its dependents (not "beat
    Arsenal 2-0", "beat them 3-1", "beat the odds", "beat his rival"). A pronoun, which may stand
    for a team, counts as people only as a passive subject or with "up" ("she was beaten up"); a
    partitive of people counts ("one of the teachers was beaten"), and so does a bare number as passive
    subject ("two were beaten"). With ``every`` false one of several objects naming people is enough
    ("removed 5,000 offenders from the UK, an increase of 14%"). The noun of such a verb is done to
    the people its "of" phrase names ("the execution of 31 men", not "the execution of the plan")."""
    kids = children_of(tok)
    if tok.pos_ == "NOUN":
        done_to = [g for c in kids if c.dep_ == "prep" and c.lower_ == "of" for g in children_of(c) if g.dep_ == "pobj"]
        return bool(done_to) and all(g.pos_ == "NOUN" and not g.ent_type_ and person_noun(g) for g in done_to)
    if tok.pos_ != "VERB" or any(c.like_num and c.dep_ != "nsubjpass" and not _partitive_of_people(c) for c in kids):
        return False
    up = any(c.dep_ == "prt" and c.lower_ == "up" for c in kids)
    undergoers = [n for c in kids if c.dep_ in ("dobj", "nsubjpass") for n in (c, *c.conjuncts)]

    def a_person(n: Token) -> bool:
        if _partitive_of_people(n):
            return True     # "One of the teachers was beaten"
        if n.like_num:
            return n.dep_ == "nsubjpass"  # "Eleven were recaptured": a bare number undergoing it counts people
        if n.pos_ == "PRON":
            return n.lower_ in _PERSONAL_PRONOUNS and (n.dep_ == "nsubjpass" or up)
        return n.pos_ == "NOUN" and not n.ent_type_ and person_noun(n)
    return bool(undergoers) and (all if every else any)(a_person(n) for n in undergoers)


def passive_but_not_held(tok: Token, partner: Token, situations: frozenset[str]) -> bool:
    """A passive subject that ``tok`` befalls without anyone holding it: caught *in* a situation
    ("two people were caught in the crossfire", "hikers caught in the storm", "caught on camera")
    or stopped *from* doing something ("fans were stopped from entering")."""
    if partner.dep_ != "nsubjpass" or partner.head.i != tok.i:
        return False
    for prep in children_of(tok):
        if prep.dep_ != "prep":
            continue
        objects = [g for g in children_of(prep) if g.dep_ in ("pobj", "pcomp")]
        if prep.lower_ == "from" and any(g.tag_ == "VBG" for g in objects):
            return True
        named = objects + [c for g in objects for c in g.subtree if c.dep_ == "compound"]  # (a misparse: "camera stealing bicycles")
        if any(g.lemma_.lower() in situations or g.lower_ in situations for g in named):
            return True
    return False


_CASUALTIES = frozenset({"death", "injury", "missing", "combat_casualties"})


def offence_suffered(head: Token, by_head: Mapping[int, list[EventMention]]) -> EventMention | None:
    """The event a count of victims suffered when its "of" phrase names one that is no casualty
    ("56 victims of trafficking" were trafficked, not killed; "victims of the blast" stay casualties)."""
    if head.lemma_.lower() != "victim":
        return None
    named = [g for p in children_of(head) if p.dep_ == "prep" and p.lower_ == "of" for g in children_of(p) if g.dep_ == "pobj"]
    return next((m for g in named for m in by_head.get(g.i, ()) if m.event_type not in _CASUALTIES), None)
