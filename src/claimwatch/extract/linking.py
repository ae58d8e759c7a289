"""What each number counts: the event a counted quantity belongs to, and the count and event
claims drafted from the quantities and event mentions (SPEC §2, §3, §6).

* one **count** draft per counted quantity; its ``event_type`` is the event that governs the
  quantity's clause (a predicate above the counted noun, the noun itself, a relative clause on
  it, an event inside its predicate's clause), else the event named by its unit ("deserters",
  "bodies"), else the nearest event of its sentence;
* one **event** draft per event type (and death cause) of a sentence not already covered by
  a count of that type in the sentence — "A Russian deserter was apprehended" gives a
  detention and a desertion claim.

A draft is a :class:`~claimwatch.model.Claim` without source, certainty, time or places; the
claims stage (:mod:`.claims`) fills those, numbers the claims and calls :func:`link_parts`.

Core: :func:`draft_claims`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Actor, Claim, Quantity
from .base import Analysis, EventMention, QuantityMention
from .certainty import governing_predicate
from .events import lexicon as event_lexicon

__all__ = ["Draft", "draft_claims", "link_parts", "event_for_count", "actors_of", "slices", "UNIT_EVENT_TYPES"]


@dataclass
class Draft:
    """A count or event claim before the claims stage fills its source, time and places."""

    order: tuple[int, int]          # (char offset, 0 for counts / 1 for events): the claims' text order
    claim: Claim
    sent_i: int
    head_i: int | None              # the token the claim's modality, time and places hang from
    total: "Draft | None" = None    # the draft stating the total this count is a part of


def slices(analysis: Analysis, text: str | None, span: tuple[int, int] | None) -> bool:
    """True when ``span`` slices the article text to exactly ``text``."""
    return text is not None and span is not None and analysis.text[span[0]:span[1]] == text


#: what a counted noun says about the event when no trigger governs it
UNIT_EVENT_TYPES = {
    "body": "death", "corpse": "death", "remains": "death", "fatality": "death", "dead": "death",
    "death": "death", "victim": "death", "casualty": "combat_casualties", "arrest": "detention",
    "asylum-seeker": "asylum", "seeker": "asylum", "crossing": "border_crossing",
    "conscript": "mobilization", "reservist": "mobilization", "recruit": "mobilization",
    "draftee": "mobilization", "evader": "draft_evasion", "dodger": "draft_evasion",
}

_BLOCK = frozenset({"relcl", "acl", "appos", "parataxis"})


def _head_token(analysis: Analysis, span: tuple[int, int], head_i: int | None) -> Token | None:
    doc = analysis.doc
    if head_i is not None and 0 <= head_i < len(doc):
        return doc[head_i]
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
    return chunk.root if chunk is not None and len(chunk) else None


def _ancestors(tok: Token, stop: Token | None) -> list[Token]:
    out: list[Token] = []
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in _BLOCK:
            break
        cur = cur.head
        out.append(cur)
        if stop is not None and cur.i == stop.i:
            break
    return out


def _in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i and any(a.i == root.i for a in [tok, *tok.ancestors])


def event_for_count(
    analysis: Analysis, q: QuantityMention, head: Token | None, sent_events: list[EventMention]
) -> tuple[str | None, str | None]:
    """``(event_type, cause)`` for a counted quantity (see module doc for the order of preference)."""
    doc = analysis.doc
    by_head: dict[int, list[EventMention]] = {}
    for e in sorted(sent_events, key=lambda m: m.span[1] - m.span[0]):  # the trigger word's own type first
        if e.head_i is not None:
            by_head.setdefault(e.head_i, []).append(e)

    def pick(e: EventMention) -> tuple[str, str | None]:
        return e.event_type, e.cause

    if head is not None:
        pred = governing_predicate(analysis, analysis.sent_index(head.idx), head.i)
        for anc in _ancestors(head, pred):
            if anc.i in by_head:
                return pick(by_head[anc.i][0])
        if head.i in by_head:
            return pick(by_head[head.i][0])
        inner = [e for e in sent_events if e.head_i is not None and e.head_i != head.i and _in_subtree(doc[e.head_i], head)]
        if inner:
            return pick(min(inner, key=lambda e: abs(e.head_i - head.i)))
        if pred is not None:
            under = [e for e in sent_events if e.head_i is not None and _in_subtree(doc[e.head_i], pred)]
            if under:
                return pick(min(under, key=lambda e: abs(e.head_i - head.i)))
    if q.unit:
        unit_tok = None
        if q.unit_span:
            chunk = doc.char_span(q.unit_span[0], q.unit_span[1], alignment_mode="expand")
            unit_tok = chunk.root if chunk is not None and len(chunk) else None
        lemma = unit_tok.lemma_.lower() if unit_tok is not None else q.unit.split()[-1].lower().rstrip("s")
        etype = UNIT_EVENT_TYPES.get(lemma) or event_lexicon()["word_index"].get(lemma)
        if etype:
            return etype, ("unknown" if etype == "death" else None)
    if sent_events:
        anchor = head.i if head is not None else 0
        nearest = min(sent_events, key=lambda e: abs((e.head_i or 0) - anchor))
        return pick(nearest)
    return None, None


_NP_MODIFIERS = frozenset({"compound", "amod", "det", "nummod", "poss", "case", "nmod", "quantmod", "advmod"})


def _noun_phrase(tok: Token) -> tuple[int, int] | None:
    """Char span of a noun and its contiguous premodifiers ("Polish border police")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("DATE", "TIME"):
        return None
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NP_MODIFIERS and child.i >= tok.left_edge.i:
            left = child.doc[min(left.i, child.left_edge.i if child.dep_ in ("poss", "nmod", "compound", "amod") else child.i)]
    if any(t.is_punct and t.text not in ("-", "'", "’", ".") for t in tok.doc[left.i:tok.i]):
        left = tok
    right = tok
    while right.i + 1 < len(tok.doc) and tok.doc[right.i + 1].dep_ == "flat" and tok.doc[right.i + 1].head.i == tok.i:
        right = tok.doc[right.i + 1]
    return left.idx, right.idx + len(right)


#: events whose grammatical subject undergoes them ("two people drowned", "five went missing")
_UNDERGOER_EVENTS = frozenset({"death", "missing", "injury", "combat_casualties"})


def actors_of(analysis: Analysis, head_i: int | None, event_type: str | None = None) -> list[Actor]:
    """Agent and patient of an event trigger verb (SPEC §2 ``actors``): the active subject or
    passive "by" agent, and the object or passive subject; the subject of a death, injury or
    disappearance is its patient. Pronouns are left out."""
    if head_i is None:
        return []
    tok = analysis.doc[head_i]
    if tok.pos_ != "VERB":
        return []
    found: list[tuple[str, Token]] = []
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "migrants detained by police", "two migrants drowned" (parsed as a reduced clause)
        undergoer = tok.tag_ == "VBN" or event_type in _UNDERGOER_EVENTS
        found.append(("patient" if undergoer else "agent", tok.head))
    for child in tok.children:
        if child.dep_ == "nsubj":
            found.append(("patient" if event_type in _UNDERGOER_EVENTS and not any(
                c.dep_ == "dobj" for c in tok.children) else "agent", child))
        elif child.dep_ in ("nsubjpass", "dobj"):
            found.append(("patient", child))
        elif child.dep_ == "agent":
            found.extend(("agent", g) for g in child.children if g.dep_ == "pobj")
    out: list[Actor] = []
    for role, noun in found:
        span = _noun_phrase(noun)
        if span is not None:
            out.append(Actor(text=analysis.text[span[0]:span[1]], role=role, span=span))
    return out


def draft_claims(analysis: Analysis) -> list[Draft]:
    """Count drafts for every counted quantity and event drafts for the events they leave uncovered."""
    text = analysis.text
    events_by_sent: dict[int, list[EventMention]] = {}
    for ev in analysis.events:
        events_by_sent.setdefault(ev.sent_i, []).append(ev)

    def sentence(sent_i: int) -> tuple[str, tuple[int, int]]:
        s, e = analysis.sentences[sent_i]
        return text[s:e], (s, e)

    drafts: list[Draft] = []
    covered: set[tuple[int, str, str | None]] = set()
    for q in sorted(analysis.quantities, key=lambda q: q.span):
        if not slices(analysis, q.text, tuple(q.span)):
            warnings.warn(f"claimwatch: quantity {q.text!r} at {q.span} does not slice the text; skipped", stacklevel=2)
            continue
        sent_i = analysis.sent_index(q.span[0])
        head = _head_token(analysis, q.span, q.head_i)
        etype, cause = event_for_count(analysis, q, head, events_by_sent.get(sent_i, []))
        s_text, s_span = sentence(sent_i)
        claim = Claim(
            id="", kind="count", text=s_text, span=s_span, event_type=etype, cause=cause,
            quantity=Quantity(
                text=q.text, span=tuple(q.span), low=q.low, best=q.best, high=q.high,
                qualifier=q.qualifier, unit=q.unit, counted=q.counted,
            ),
        )
        if etype and head is not None:
            pred = governing_predicate(analysis, sent_i, head.i)
            claim.actors = actors_of(analysis, pred.i, etype) if pred is not None else []
        drafts.append(Draft((q.span[0], 0), claim, sent_i, head.i if head is not None else None))
        if etype:
            covered.add((sent_i, etype, cause))
            covered.add((sent_i, etype, None))

    seen_events: set[tuple[int, str, str | None]] = set()
    for ev in sorted(analysis.events, key=lambda e: e.span):
        key = (ev.sent_i, ev.event_type, ev.cause)
        if key in seen_events:
            continue
        seen_events.add(key)
        if key in covered or (ev.cause in (None, "unknown") and (ev.sent_i, ev.event_type, None) in covered):
            continue
        s_text, s_span = sentence(ev.sent_i)
        claim = Claim(id="", kind="event", text=s_text, span=s_span, event_type=ev.event_type, cause=ev.cause,
                      actors=actors_of(analysis, ev.head_i, ev.event_type))
        drafts.append(Draft((ev.span[0], 1), claim, ev.sent_i, ev.head_i))
    return drafts


def link_parts(drafts: list[Draft]) -> None:
    """Once the claims are numbered: a part's ``quantity.part_of`` is its total's claim id."""
    for draft in drafts:
        if draft.total is not None and draft.claim.quantity is not None:
            draft.claim.quantity.part_of = draft.total.claim.id or None
