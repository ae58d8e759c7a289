"""Combat casualties among the events stage's mentions (SPEC §6: killed or wounded in fighting), applied by
:func:`claimwatch.extract.frames.refine_mentions` with the frame lexicon's ``armed_forces`` nouns:

* :func:`casualties_of_forces` — the noun "casualties" of armed forces ("1,140 casualties Russian forces
  suffered", "the brigade suffered 120 casualties", "Russian casualties" in a war report), with no word of
  death, is a combat casualty; the casualties a hospital receives or a crash causes stay deaths.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .base import EventMention, children_of, lower_lemma

__all__ = ["casualties_of_forces"]


def _is_force(tok: Token, forces: frozenset[str]) -> bool:
    """A noun of armed forces (not "police forces")."""
    return (tok.lower_ in forces or lower_lemma(tok) in forces) and not any(c.lower_ == "police" for c in children_of(tok))


def casualties_of_forces(mentions: list[EventMention], doc: Doc, forces: frozenset[str], armed_conflict: bool) -> None:
    """Retype the deaths named by the noun "casualties" of armed forces as combat casualties (module doc)."""
    for m in mentions:
        tok = doc[m.head_i] if m.head_i is not None else None
        if m.event_type != "death" or tok is None or tok.pos_ != "NOUN" or lower_lemma(tok) != "casualty":
            continue
        if _of_forces(tok, forces) or (armed_conflict and any(
                c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in children_of(tok))):
            m.event_type, m.cause = "combat_casualties", None


def _of_forces(tok: Token, forces: frozenset[str]) -> bool:
    """The casualties belong to armed forces: their modifier, possessor or "of" / "among" phrase, the subject
    of the clause they are suffered in, or of the verb they are the object of, names forces."""
    near = [c for c in children_of(tok) if c.dep_ in ("compound", "amod", "poss", "nmod")]
    near += [g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in ("of", "among")
             for g in children_of(c) if g.dep_ == "pobj"]
    near += [g for c in children_of(tok) if c.dep_ in ("relcl", "acl") for g in children_of(c) if g.dep_ == "nsubj"]
    if tok.dep_ == "dobj":
        near += [c for c in children_of(tok.head) if c.dep_ == "nsubj"]
    return any(_is_force(n, forces) for n in near)
