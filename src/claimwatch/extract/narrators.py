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
the paragraph after its last reporting clause, when no later sentence of the paragraph brings in
another voice — a text, document or message ("She held up the council's letter") or another person
or body — whose words the quotation may be. Used by the report context
(:mod:`claimwatch.extract.carryover`) for a paragraph that is one quotation with no speaker of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import Analysis, AttributionMention, Entity, children_of
from .entities import document_noun

__all__ = ["narrator_in"]

#: verbs by which a person gives an account without a reporting clause's content
_NARRATING = frozenset({"speak", "talk", "testify", "recount", "recall", "remember", "tell", "describe", "narrate",
                        "relate"})
#: complements that carry what is said: with one, the verb is a reporting clause, not a narrator's intro
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})

#: nouns of written words that carry a voice of their own, besides the document nouns of the entity lexicon
_TEXTS = frozenset({"word", "inscription", "quotation", "quote", "note", "sign", "banner", "placard", "poster",
                    "headline", "caption", "text", "transcript", "email", "tweet"})


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


def _the_narrators_own(analysis: Analysis, noun: Token, narrator: Entity) -> bool:
    """Whether a text noun is the narrator's own ("His account has been shortened", "her statement"): its
    possessor is the narrator, or a singular personal possessive ("his", "her"), which after the narrator's
    sentence can only be the narrator's (another person named in between is another voice already)."""
    registry = analysis.entities
    for c in children_of(noun):
        if c.dep_ != "poss":
            continue
        ent = registry.at(c.idx) if registry is not None else None
        if ent is not None and ent.id == narrator.id or ent is None and c.lower_ in ("his", "her"):
            return True
    return False


def _another_voice(analysis: Analysis, lo: int, hi: int, narrator: Entity) -> bool:
    """Whether the tokens ``lo:hi`` bring in a voice other than the narrator's: a text, document or
    message ("the council's letter", "a message from the club") or another person or body."""
    registry = analysis.entities
    for tok in analysis.doc[lo:hi]:
        if tok.pos_ in ("NOUN", "PROPN") and (document_noun(tok) is not None or tok.lemma_.lower() in _TEXTS) \
                and not _the_narrators_own(analysis, tok, narrator):
            return True
        ent = registry.at(tok.idx) if registry is not None else None
        if ent is not None and ent.id != narrator.id:
            return True
    return False


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
            later = [tok_ranges[j] for j in sents if j > i]
            if any(_another_voice(analysis, a, b, ent) for a, b in later):
                return None
            span = names[-1].span
            return AttributionMention(
                sent_i=i, name=text[span[0]:span[1]], span=span, canonical=ent.name, affiliation=ent.affiliation,
                type=ent.type, cue=verb.text, cue_span=(verb.idx, verb.idx + len(verb)), quote="direct",
                scope="article", evidential="attributed", cue_i=verb.i, kind="narrator", primary=False,
                entity_id=ent.id,
            )
    return None
