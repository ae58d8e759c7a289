"""Assembly of claims (SPEC §2) from the stages' mentions.

* one **count** claim per counted quantity; its ``event_type`` is the event that governs the
  quantity's clause (a predicate above the counted noun, the noun itself, a relative clause on
  it, an event inside its predicate's clause), else the event named by its unit ("deserters",
  "bodies"), else the nearest event of its sentence;
* one **event** claim per event type (and death cause) of a sentence not already covered by
  a count of that type in the sentence — "A Russian deserter was apprehended" gives a
  detention and a desertion claim;
* one **statement** claim per attributed sentence that holds no count and no event.

Every claim's ``text``/``span`` is its sentence. Source, time and places come from the report
context (SPEC §2 Context, :mod:`claimwatch.extract.context`): ``context.source_for`` (the
attribution covering the sentence, carried from its paragraph or the report's source line; the
author's voice when there is none), ``context.claim_time`` and ``context.claim_places`` (the
claim's own time and places from the time and places stages, else inherited from the previous
sentence about the event or the lead), each with its ``scope``. Certainty and polarity come from
``certainty.modality_for`` on the claim's head token, the evidential from both ("reportedly" →
hearsay). A statement claim needs an attribution of its own sentence or paragraph. Ids are
``c1``, ``c2`` ... in text order.

Core: :func:`assemble_claims`; step: :data:`STAGE`.
"""

from __future__ import annotations

import warnings
from typing import Any, Callable

from spacy.tokens import Token

from ..model import Actor, Claim, Place, Quantity, Source, TimeInfo
from .base import Analysis, AttributionMention, EventMention, Modality, QuantityMention, Stage
from .certainty import cues as certainty_cues
from .certainty import governing_predicate, modality_for
from .context import claim_places, claim_time, source_for
from .events import lexicon as event_lexicon

__all__ = ["assemble_claims", "event_for_count", "source_of", "actors_of", "STAGE"]

#: what a counted noun says about the event when no trigger governs it
UNIT_EVENT_TYPES = {
    "body": "death", "corpse": "death", "remains": "death", "fatality": "death", "dead": "death",
    "death": "death", "victim": "death", "casualty": "combat_casualties", "arrest": "detention",
    "asylum-seeker": "asylum", "seeker": "asylum", "crossing": "border_crossing",
    "conscript": "mobilization", "reservist": "mobilization", "recruit": "mobilization",
    "draftee": "mobilization", "evader": "draft_evasion", "dodger": "draft_evasion",
}

_BLOCK = frozenset({"relcl", "acl", "appos", "parataxis"})


def _slices(analysis: Analysis, text: str | None, span: tuple[int, int] | None) -> bool:
    return text is not None and span is not None and analysis.text[span[0]:span[1]] == text


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


def source_of(attr: AttributionMention | None, modality: Modality | None, analysis: Analysis) -> tuple[Source, str]:
    """The claim's :class:`Source` and evidential (SPEC §2, §4, §5)."""
    hearsay_cue = None
    if modality is not None and modality.hearsay:
        words = certainty_cues()["hearsay_adverbs"] | certainty_cues()["hearsay_predicates"]
        hearsay_cue = next((c for c in modality.cues if c.lower() in words or c.lower().rstrip("ed") in words), None)
        hearsay_cue = hearsay_cue or (modality.cues[0] if modality.cues else None)
    if attr is None or (attr.type == "author" and attr.name is None and attr.cue is None):
        if hearsay_cue is not None:
            return Source(type="unnamed", cue=hearsay_cue), "hearsay"
        return Source.author(), "author"
    span = attr.span if _slices(analysis, attr.name, attr.span) else None
    source = Source(
        name=attr.name,
        canonical=attr.canonical or attr.name,
        affiliation=attr.affiliation,
        type=attr.type or "author",
        cue=attr.cue,
        span=span,
        quote=attr.quote or "none",
        scope=attr.scope or "sentence",
        via=attr.via,
    )
    if attr.evidential in ("attributed", "hearsay"):
        evidential = attr.evidential
    elif source.type == "unnamed":
        evidential = "hearsay"
    elif source.type == "author":
        evidential = "author"
    else:
        evidential = "attributed"
    if hearsay_cue is not None and (source.name is None or source.type in ("unnamed", "author")):
        evidential = "hearsay"  # a named source's own "allegedly" stays attributed to that source
    return source, evidential


def _time_info(tm: Any, analysis: Analysis, scope: str = "sentence") -> TimeInfo | None:
    if tm is None:
        return None
    span = tuple(tm.span) if getattr(tm, "span", None) is not None else None
    if span is not None and not _slices(analysis, tm.text, span):
        span = None
    return TimeInfo(text=tm.text, start=tm.start, end=tm.end, precision=tm.precision, anchor=tm.anchor, span=span,
                    scope=scope)


def _place(pm: Any, analysis: Analysis, scope: str = "sentence") -> Place:
    span = tuple(pm.span) if getattr(pm, "span", None) is not None else None
    if span is not None and not _slices(analysis, pm.text, span):
        span = None
    return Place(
        text=pm.text, span=span, name=pm.name, lat=pm.lat, lon=pm.lon, country=pm.country,
        feature=pm.feature, geonameid=pm.geonameid, role=pm.role, precision=pm.precision, scope=scope,
    )


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


def _statement_head(analysis: Analysis, attr: AttributionMention, sent_i: int) -> int | None:
    doc = analysis.doc
    if attr.content_span is not None:
        chunk = doc.char_span(attr.content_span[0], attr.content_span[1], alignment_mode="expand")
        if chunk is not None and len(chunk):
            return chunk.root.i
    if attr.cue_i is not None and 0 <= attr.cue_i < len(doc):
        cue = doc[attr.cue_i]
        comp = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp", "csubj")]
        return (comp[0] if comp else cue).i
    s, e = analysis.sentences[sent_i]
    chunk = doc.char_span(s, e, alignment_mode="expand")
    if chunk is None or not len(chunk):
        return None
    root = chunk.root
    comp = [c for c in root.children if c.dep_ == "ccomp"]
    return (comp[0] if comp else root).i


#: the default time / place look-up: the report context (own value, else inherited)
_CONTEXT = object()


def _fill_time_places(analysis: Analysis, claim: Claim, sent_i: int, head_i: int | None,
                      time_for: Any, places_for: Any) -> None:
    if time_for is _CONTEXT:
        tm, scope = claim_time(analysis, sent_i, head_i, claim.event_type, statement=claim.kind == "statement")
        claim.time = _time_info(tm, analysis, scope)
    elif time_for is not None and head_i is not None:
        claim.time = _time_info(time_for(analysis, sent_i, head_i), analysis)
    if places_for is _CONTEXT:
        found = claim_places(analysis, sent_i, head_i, claim.event_type)
    elif places_for is not None and head_i is not None:
        found = [(pm, "sentence") for pm in places_for(analysis, sent_i, head_i) or []]
    else:
        found = []
    seen_places: set[tuple] = set()
    for pm, scope in found:
        key = (pm.name or pm.text, pm.role)
        if key not in seen_places:  # one entry per place and role ("Russia", "Russia's")
            seen_places.add(key)
            claim.places.append(_place(pm, analysis, scope))


def assemble_claims(analysis: Analysis, *, lookups: dict[str, Callable[..., Any] | None] | None = None) -> list[Claim]:
    """All claims of the article, ids ``c1``.. in text order.

    ``lookups`` replaces the report context's look-ups (keys ``source_for`` — also accepted as
    ``attribution_for`` —, ``time_for``, ``places_for``; ``None`` switches one off; a replaced
    time or place look-up is taken as the claim's own value, nothing inherited); by default they
    are :func:`.context.source_for`, :func:`.context.claim_time` and :func:`.context.claim_places`.
    """
    text = analysis.text
    quantities: list[QuantityMention] = sorted(analysis.quantities, key=lambda q: q.span)
    events: list[EventMention] = list(analysis.events)
    lookups = lookups or {}
    attribution_for = lookups.get("source_for", lookups.get("attribution_for", source_for))
    time_for = lookups.get("time_for", _CONTEXT)
    places_for = lookups.get("places_for", _CONTEXT)

    attr_cache: dict[int, AttributionMention | None] = {}

    def attribution(sent_i: int) -> AttributionMention | None:
        if attribution_for is None:
            return None
        if sent_i not in attr_cache:
            attr_cache[sent_i] = attribution_for(analysis, sent_i)
        return attr_cache[sent_i]

    def fill(claim: Claim, sent_i: int, head_i: int | None) -> Claim:
        modality = modality_for(analysis, sent_i, head_i) if head_i is not None else None
        claim.source, claim.evidential = source_of(attribution(sent_i), modality, analysis)
        if modality is not None:
            claim.certainty, claim.polarity = modality.certainty, modality.polarity
        _fill_time_places(analysis, claim, sent_i, head_i, time_for, places_for)
        return claim

    def sentence(sent_i: int) -> tuple[str, tuple[int, int]]:
        s, e = analysis.sentences[sent_i]
        return text[s:e], (s, e)

    events_by_sent: dict[int, list[EventMention]] = {}
    for ev in events:
        events_by_sent.setdefault(ev.sent_i, []).append(ev)

    drafted: list[tuple[tuple[int, int], Claim]] = []
    covered: set[tuple[int, str, str | None]] = set()
    for q in quantities:
        if not _slices(analysis, q.text, tuple(q.span)):
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
        drafted.append(((q.span[0], 0), fill(claim, sent_i, head.i if head is not None else None)))
        if etype:
            covered.add((sent_i, etype, cause))
            covered.add((sent_i, etype, None))

    seen_events: set[tuple[int, str, str | None]] = set()
    for ev in sorted(events, key=lambda e: e.span):
        key = (ev.sent_i, ev.event_type, ev.cause)
        if key in seen_events:
            continue
        seen_events.add(key)
        if (ev.sent_i, ev.event_type, ev.cause) in covered or (
            ev.cause in (None, "unknown") and (ev.sent_i, ev.event_type, None) in covered
        ):
            continue
        s_text, s_span = sentence(ev.sent_i)
        claim = Claim(id="", kind="event", text=s_text, span=s_span, event_type=ev.event_type, cause=ev.cause,
                      actors=actors_of(analysis, ev.head_i, ev.event_type))
        drafted.append(((ev.span[0], 1), fill(claim, ev.sent_i, ev.head_i)))

    with_claims = {analysis.sent_index(c.span[0]) for _k, c in drafted}
    if attribution_for is not None:
        for sent_i in range(len(analysis.sentences)):
            if sent_i in with_claims:
                continue
            attr = attribution(sent_i)
            if attr is None or attr.type == "author" or (attr.name is None and attr.cue is None) \
                    or attr.scope == "article":
                continue
            s_text, s_span = sentence(sent_i)
            claim = Claim(id="", kind="statement", text=s_text, span=s_span)
            drafted.append(((s_span[0], 2), fill(claim, sent_i, _statement_head(analysis, attr, sent_i))))

    drafted.sort(key=lambda item: item[0])
    claims = [c for _k, c in drafted]
    for n, claim in enumerate(claims, 1):
        claim.id = f"c{n}"
    return claims


STAGE = Stage(
    "claims",
    ("quantities", "attributions", "modalities", "events", "times", "places", "context"),
    ("claims",),
    assemble_claims,
)
