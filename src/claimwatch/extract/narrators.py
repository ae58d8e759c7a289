"""The narrator a paragraph introduces before a first-person account (SPEC §2 Context, §4).

A survivor's, a patient's or a resident's account is often quoted at length after a paragraph
that presents the person and says that they speak, without a reporting clause of its own:

    Adam Yahya, 24, was one of nine people pulled from the water. The coast guard says nine
    survivors were rescued. He spoke through an interpreter, on the pier.

    "We paid 1,500 dinars each. ... They took nine of us out."

The quotation is the narrator's words, not those of the body the paragraph cited before. The
narrator is the singular person — a name, or a pronoun the entity registry resolved to a person —
who is the subject of a verb of speaking with no content of its own ("He spoke through an
interpreter", "She talked to us after her shift", "He recalled the night"), in the sentences of
the paragraph after its last reporting clause. Used by the report context
(:mod:`claimwatch.extract.carryover`) for a paragraph that is one quotation with no speaker of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import Analysis, AttributionMention, children_of

__all__ = ["narrator_in"]

#: verbs by which a person gives an account without a reporting clause's content
_NARRATING = frozenset({"speak", "talk", "testify", "recount", "recall", "remember", "tell", "describe", "narrate",
                        "relate"})
#: complements that carry what is said: with one, the verb is a reporting clause, not a narrator's intro
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


def _narrating_subject(verb: Token) -> Token | None:
    """The singular subject of a verb of speaking that has no content of its own."""
    if verb.lemma_.lower() not in _NARRATING or verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj"):
        return None
    kids = children_of(verb)
    if any(c.dep_ in _CONTENT_DEPS for c in kids):
        return None
    subject = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in children_of(verb.head) if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we", "it"):
        return None
    return subject


def narrator_in(analysis: Analysis, sents: list[int], tok_ranges: list[tuple[int, int]],
                own: set[int]) -> AttributionMention | None:
    """The narrator introduced by the sentences ``sents`` of a paragraph (in order), after the last
    of them with a reporting clause of its own (``own``): a record naming the person as the
    registry names them, or None."""
    registry = analysis.entities
    if registry is None:
        return None
    doc, text = analysis.doc, analysis.text
    for i in reversed(sents):
        if i in own:
            return None
        lo, hi = tok_ranges[i]
        for verb in doc[lo:hi]:
            subject = _narrating_subject(verb)
            if subject is None:
                continue
            # "The referee, Tom Hardy, spoke": the name in apposition
            who = next((t for t in [subject, *(c for c in children_of(subject) if c.dep_ == "appos")]
                        if (e := registry.at(t.idx)) is not None and e.kind == "person"), None)
            ent = registry.at(who.idx) if who is not None else None
            if who is None or ent is None:
                continue
            names = [m for m in ent.mentions if m.kind in ("name", "short_name") and m.span[0] <= who.idx]
            if not names:
                continue
            span = names[-1].span
            return AttributionMention(
                sent_i=i, name=text[span[0]:span[1]], span=span, canonical=ent.name, affiliation=ent.affiliation,
                type=ent.type, cue=verb.text, cue_span=(verb.idx, verb.idx + len(verb)), quote="direct",
                scope="article", evidential="attributed", cue_i=verb.i, kind="narrator", primary=False,
                entity_id=ent.id,
            )
    return None
