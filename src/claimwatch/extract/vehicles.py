"""People in a vehicle (SPEC §3, §6): the vehicle a count of people travels in ("a truck carrying 41
men", "a boat with 48 people on board") or is found hidden in ("found 24 men in the cargo area of a
lorry"), read from the dependency parse. :mod:`.counting` decides what event that makes."""

from __future__ import annotations

from spacy.tokens import Token

from .base import children_of, lower_lemma
from .frames import frame_set, frames

__all__ = ["vehicle_of", "on_board", "hidden_in"]

_s = frame_set


def vehicle_of(arg: Token) -> Token | None:
    """"a truck carrying 41 men", "a boat with 48 people on board": the vehicle noun."""
    vehicles = _s("vehicle_nouns")
    p = frames()["passenger"]
    h = arg.head
    if arg.dep_ == "pobj" and h.lower_ in p["preps"] and h.head.pos_ == "NOUN" and h.head.lower_ in vehicles:
        return h.head
    if arg.dep_ == "pobj" and h.lower_ in p["preps"] and h.head.pos_ == "VERB":
        # "stopped a truck with 41 passengers" (the "with" phrase attached to the verb)
        return next((c for c in children_of(h.head) if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in vehicles), None)
    if arg.dep_ == "dobj" and lower_lemma(h) in p["verbs"]:
        if h.dep_ in ("acl", "relcl") and h.head.lower_ in vehicles:
            return h.head
        cur = h
        for _ in range(3):  # "the first boat is said to have carried 48 people"
            subj = next((c for c in children_of(cur) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj if subj.lower_ in vehicles else None
            if cur.dep_ not in ("xcomp", "conj", "ccomp") or cur.head.i == cur.i:
                break
            cur = cur.head
    return None


def hidden_in(arg: Token) -> Token | None:
    """"found 24 men in the cargo area", "were discovered hidden in a container": the vehicle or cargo
    space where a finding (or hiding) verb places the people it has as object or passive subject."""
    cues = frames()["concealment"]
    verbs = [arg.head] if arg.dep_ in ("dobj", "nsubjpass") else []
    verbs += [c for c in children_of(arg) if c.dep_ == "acl"]  # "12 migrants hidden in a container"
    verbs = [v for v in verbs if lower_lemma(v) in cues["verbs"]]
    places = _s("vehicle_nouns") | frozenset(cues["spaces"])
    if not verbs:
        return None
    hosts = [*verbs, arg, *(c for v in verbs for c in children_of(v) if c.dep_ in ("xcomp", "oprd", "acomp", "advcl"))]
    for prep in (c for h in hosts for c in children_of(h) if c.dep_ == "prep" and c.lower_ in cues["preps"]):
        for noun in (g for g in children_of(prep) if g.dep_ == "pobj"):
            near = [noun, *(t for t in children_of(noun) if t.dep_ == "compound"),
                    *(g for p in children_of(noun) if p.dep_ == "prep" and p.lower_ == "of" for g in children_of(p))]
            found = next((t for t in near if t.lower_ in places), None)
            if found is not None:
                return found
    return None


def on_board(arg: Token, pred: Token | None) -> bool:
    words = frames()["passenger"]["board_words"]
    near = list(children_of(arg)) + (list(children_of(pred)) if pred is not None else [])
    for t in near:
        if t.lower_ in words or any(g.lower_ in words for g in children_of(t)):
            return True
    return False
