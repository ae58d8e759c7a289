"""Counted nouns of people the noun lexicon lacks, told by the predicate they undergo and their form
(used by :mod:`.counting`'s noun classes).

* a plural noun that undergoes a death or an injury ("the storm injured 12 holidaymakers", "four
  attendees were crushed to death") names people when it is a person noun, an agent noun ("-ist",
  "-ant", "-ent", the human agent heads) or a patient noun in "-ee" (attendees, trainees, amputees);
* a plural "-ee" noun undergoing any event of people ("two trainees were detained") names people too;
* a noun cared for as injured ("40 runners were treated for exhaustion", "admitted to hospital") is read
  as one that undergoes an injury.
A bare "-er" / "-or" noun is no person by its form alone: "killed 300 servers", "detained two tankers".

Core: :func:`undergoes_as_people`.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import lower_lemma
from .events import casualty_verb, names_people
from .events import lexicon as event_lexicon
from .frames import fatal_modifier
from .quantity_nouns import in_class, noun_classes

__all__ = ["undergoes_as_people"]

#: "-ee" nouns that name things or groups, not people
_NOT_PEOPLE_EE = frozenset("fee guarantee degree tree knee committee pedigree jamboree marquee matinee decree levee "
                           "coffee toffee chimpanzee dungaree lychee soiree settee".split())
_PEOPLE_EVENTS = frozenset({"death", "injury", "detention", "deportation", "missing"})


def _patient_noun(tok: Token) -> bool:
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN":
        return False
    lemma = lower_lemma(tok)
    if len(lemma) < 6 or in_class(tok, noun_classes()["object"] | noun_classes()["incident"] | noun_classes()["measure"]):
        return False
    return lemma.endswith("ee") and lemma not in _NOT_PEOPLE_EE


def _cared_for_as_injured(verb: Token) -> bool:
    """A care verb of an injury rule whose place or condition phrase names what makes it one ("treated
    for exhaustion", "admitted to hospital")."""
    lemma = lower_lemma(verb)
    words: set[str] | None = None
    for rule in event_lexicon()["pair_index"].get(lemma, ()):
        if rule["type"] != "injury" or lemma not in rule.get("condition", ()):
            continue
        if words is None:
            words = {lower_lemma(g) for p in verb.children if p.dep_ == "prep" for g in p.subtree}
        if words & rule["with_set"]:
            return True
    return False


def undergoes_as_people(tok: Token) -> bool:
    """The counted noun is the patient of a predicate only people undergo, and its form names people."""
    if tok.dep_ not in ("nsubjpass", "dobj"):
        return False
    verb = tok.head
    if verb.pos_ != "VERB":
        return False
    if casualty_verb(verb) or fatal_modifier(verb) or _cared_for_as_injured(verb):
        return names_people(tok) or _patient_noun(tok)
    etype = event_lexicon()["word_index"].get(lower_lemma(verb))
    return etype in _PEOPLE_EVENTS and _patient_noun(tok)
