"""The noun lexicon of the quantity stages (``resources/quantity_nouns.tsv``): which nouns are
people, groups, incidents, objects, times, measures, penalties, names ... and the test of a token
against one of its classes."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..resources import read_text
from .units import measure_nouns

__all__ = ["noun_classes", "in_class", "mass_of_things", "time_of", "beasts_only"]


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, frozenset[str]]:
    """The noun lexicon of ``resources/quantity_nouns.tsv``: class -> words (lower case)."""
    raw = read_text("quantity_nouns.tsv")
    out: dict[str, set[str]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, words = line.split("\t", 1)
        out.setdefault(cls.strip(), set()).update(w.lower() for w in words.split())
    out.setdefault("measure", set()).update(measure_nouns())  # every unit of the unit lexicon measures
    return {k: frozenset(v) for k, v in out.items()}


def in_class(tok: Token, words: frozenset[str]) -> bool:
    """The token's word or its lemma (lower case) is one of ``words``."""
    return tok.lower_ in words or tok.lemma_.lower() in words


_BODY_WORDS = frozenset({"body", "bodies", "corpse", "corpses", "remains"})


def mass_of_things(tok: Token) -> bool:
    """A "body" that is a mass of something, not a corpse: its "of" phrase is a bare singular
    common noun ("a body of water", "a body of evidence", "the body of work"); a corpse's names
    someone ("the body of a man", "the bodies of 30 migrants", "the body of Curtis Hall"). A limb or an
    eye a thing has is no body part either ("an arm of its business", ``_a_things_part``)."""
    if tok.lower_ in _LIMB_WORDS:
        return _a_things_part(tok)
    if tok.lower_ not in _BODY_WORDS:
        return False
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.tag_ == "NN" and not noun.ent_type_ and not any(
                        c.dep_ in ("det", "poss", "nummod") for c in noun.children):
                    return not in_class(noun, noun_classes()["person"])
    return False


#: a limb or an eye, which a person may lose, and which a thing may have figuratively
_LIMB_WORDS = frozenset({"arm", "arms", "leg", "legs", "limb", "limbs", "eye", "eyes", "foot", "feet", "finger", "fingers",
                         "toe", "toes"})


def _a_things_part(tok: Token) -> bool:
    """A limb or an eye of or for a thing, not of a body: "lost an arm of its business", "lost his eye for
    goal", "the last leg of the tour" (not "lost an arm in the blast", "the leg of a boy")."""
    return any(prep.dep_ == "prep" and prep.lower_ in ("of", "for") and any(
        noun.dep_ == "pobj" and noun.ent_type_ != "PERSON" and not in_class(noun, noun_classes()["person"])
        for noun in prep.children) for prep in tok.children)


def time_of(tok: Token) -> bool:
    """The noun is the "of" phrase of a span of time ("three years of their lives", "a decade of his
    life", "the last hours of the day"): a stretch of it is meant, not the whole thing."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i and in_class(
        prep.head, noun_classes()["time"])


def beasts_only(nouns: list[Token]) -> bool:
    """Every noun is an animal ("500 sheep", "the dog and two cats"): a death or injury of them is
    no casualty of people."""
    beasts = noun_classes()["animal"]
    return bool(nouns) and all(in_class(n, beasts) for n in nouns)
