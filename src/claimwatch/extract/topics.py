"""The topic of a statement (SPEC §6: statements typed by their topic where one fits).

An attributed sentence that reports no count and no event of its own is a statement; a coder
still files it under what it is about:

* its own topic words ("the searches went on all night" → ``missing``; "the traffickers knew
  the seas were rough" → ``smuggling``; "denied all charges" → ``legal_action``), looked up in
  ``statement_topics`` of ``resources/event_frames.json`` in the order given there;
* an anaphoric noun that points back ("this number may increase", "that was higher than last
  year's total" → the type of the latest typed count before it; "the alleged incident", "the
  tragedy" → the type of the report's first claim of an incident — not a statement or a
  policy — the incident it is about);
* else no type (the statement stays untyped rather than guessed).

Core: :func:`statement_topic` (pure over the parse and the claims drafted before it).
"""

from __future__ import annotations

from functools import lru_cache
from typing import AbstractSet, Iterable

from ..model import Claim, EventType, is_event_type
from .base import Analysis, TokenTable, children_of, token_table
from .events import a_charge
from .frames import frames

__all__ = ["statement_topic"]

_COUNT_ANAPHORS = frozenset({"number", "figure", "total", "toll", "count", "tally"})
_DEICTIC = frozenset({"this", "that", "these", "those", "the", "such", "its", "it"})


@lru_cache(maxsize=1)
def _topic_words() -> tuple[tuple[EventType, frozenset[str]], ...]:
    out: list[tuple[EventType, frozenset[str]]] = []
    for etype, words in frames()["statement_topics"].items():
        if etype.startswith("_"):
            continue
        if not is_event_type(etype):
            raise ValueError(f"event_frames.json: statement topic {etype!r} is not a SPEC §6 event type")
        out.append((etype, frozenset(words)))
    return tuple(out)


@lru_cache(maxsize=1)
def _heads_only() -> frozenset[str]:
    """Topic words that name a casualty only as the head of their phrase ("the death toll"), not as
    a compound modifier ("toll booths", "body shop")."""
    return frozenset(frames()["statement_topics"]["_heads_only"])


_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN"})


def _speaker_tokens(analysis: Analysis, sent_i: int) -> set[int]:
    """Token indices of the sentence's named sources: who speaks ("organisers said") is not what
    the statement is about — save a judicial speaker, whose statement is a legal step itself."""
    out: set[int] = set()
    for att in analysis.attributions:
        if att.sent_i == sent_i and att.span is not None and att.type != "judicial":
            span = analysis.doc.char_span(att.span[0], att.span[1], alignment_mode="expand")
            out.update(range(span.start, span.end) if span is not None else ())
    return out


def _own_topic(table: TokenTable, lo: int, hi: int, skip: AbstractSet[int] = frozenset()) -> EventType | None:
    """The topic named by the content words of tokens [lo, hi) (not by an organisation's or a
    person's name, nor by the speaker's words in ``skip``), read from the token table."""
    words: set[str] = set()
    pos, ent_type, dep = table.pos, table.ent_type, table.dep
    heads_only = _heads_only()
    for j in range(lo, hi):
        if table.lemma[j] in heads_only and (dep[j] == "compound" or a_charge(table.tokens[j])):
            continue  # "toll booths", "raised the toll for 15,000 vehicles"
        if pos[j] in _CONTENT_POS and ent_type[j] not in ("ORG", "PERSON") and j not in skip:
            words.add(table.lemma[j])
            words.add(table.lower[j])
    for etype, cues in _topic_words():
        if words & cues:
            return etype
    return None


def _modifier_topics(table: TokenTable, lo: int, hi: int, skip: AbstractSet[int]) -> set[EventType]:
    """The topics of the head-only words used as compound modifiers in tokens [lo, hi): "search
    teams" is about the missing only in a report that already reports them ("search engine" is not)."""
    heads_only, out = _heads_only(), set()
    for j in range(lo, hi):
        if table.lemma[j] in heads_only and table.dep[j] == "compound" and j not in skip:
            out |= {etype for etype, cues in _topic_words() if table.lemma[j] in cues}
    return out


def _anaphor(table: TokenTable, lo: int, hi: int) -> str | None:
    """"count" for "this number" / "that ... total", "incident" for "the incident" in tokens [lo, hi),
    else None."""
    anaphoric = frames()["sets"]["anaphoric_topics"]
    lemma, pos = table.lemma, table.pos
    for j in range(lo, hi):
        low = lemma[j]
        if low not in anaphoric or pos[j] != "NOUN":
            continue
        t = table.tokens[j]
        dets = {c.lower_ for c in children_of(t) if c.dep_ in ("det", "poss")}
        if not dets & _DEICTIC and not any(c.dep_ == "amod" and c.lower_ in ("actual", "real", "true", "final") for c in children_of(t)):
            if not (low in _COUNT_ANAPHORS and any(c.dep_ == "poss" for c in children_of(t))):
                continue
        return "count" if low in _COUNT_ANAPHORS else "incident"
    first = table.tokens[lo] if lo < hi else None
    if first is not None and first.lower_ in ("that", "this", "it") and first.dep_ == "nsubj":
        return "count"
    return None


def statement_topic(analysis: Analysis, sent_i: int, earlier: Iterable[Claim]) -> EventType | None:
    """The event type a statement in sentence ``sent_i`` is about, or None (see the module doc).
    ``earlier`` are the claims drafted before it in the article, in text order."""
    doc = analysis.doc
    s, e = analysis.sentences[sent_i]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    table = token_table(doc)
    speaker = _speaker_tokens(analysis, sent_i)
    own = _own_topic(table, span.start, span.end, speaker)
    if own is not None:
        return own
    typed = [c for c in earlier if c.event_type and c.span[0] < s]
    modified = _modifier_topics(table, span.start, span.end, speaker) & {c.event_type for c in typed}
    if modified:
        return next(c.event_type for c in typed if c.event_type in modified)
    kind = _anaphor(table, span.start, span.end)
    if kind == "count":
        counts = [c for c in typed if c.kind == "count"]
        return counts[-1].event_type if counts else (typed[-1].event_type if typed else None)
    incidents = [c for c in typed if c.event_type not in ("statement", "policy")]
    if kind == "incident" and incidents:
        return incidents[0].event_type  # the incident the report is about, not what was said of it
    return None
