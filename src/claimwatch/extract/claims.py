"""Assembly of claims (SPEC §2) from the stages' mentions.

* **count** and **event** claims are drafted by :mod:`.linking` (what each number counts, which
  events a sentence reports) and filled here;
* one **statement** claim per attributed sentence that holds no count and no event, typed by its
  topic where one fits (:func:`.topics.statement_topic`).

Every claim's ``text``/``span`` is its sentence. Source, time and places come from the report
context (SPEC §2 Context, :mod:`claimwatch.extract.context`): ``context.source_for`` (the
attribution covering the sentence, carried from its paragraph or the report's source line; the
author's voice when there is none), ``context_time.claim_time`` and ``context.claim_places`` (the
claim's own time and places from the time and places stages, else inherited from the previous
sentence about the event or the lead), each with its ``scope``. Certainty and polarity come from
``certainty.modality_for`` on the claim's head token, the evidential from both ("reportedly" →
hearsay). A statement claim needs an attribution of its own sentence or paragraph. Ids are
``c1``, ``c2`` ... in text order.

Core: :func:`assemble_claims`; step: :data:`STAGE`.
"""

from __future__ import annotations

from typing import Any, Callable

from ..model import Claim, Evidential, Place, Scope, Source, TimeInfo
from .base import Analysis, AttributionMention, Modality, Stage
from .certainty import modality_for
from .certainty_cues import cues as certainty_cues
from .context import claim_places, source_for
from .context_time import claim_time
from .linking import actors_of, draft_claims, event_for_count, link_parts
from .linking import slices as _slices
from .mentions import first_of_coordinated_sources
from .sources import canonical_name, classify_source
from .table_claims import place_and_date_table_counts
from .topics import statement_topic

__all__ = ["assemble_claims", "event_for_count", "source_of", "actors_of", "STAGE"]


def source_of(attr: AttributionMention | None, modality: Modality | None, analysis: Analysis) -> tuple[Source, Evidential]:
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
    first = first_of_coordinated_sources(analysis.doc, span) if span is not None and attr.kind not in (
        "label", "header") else None     # a speaker label names one speaker ("The Minister for X and Y (Name):")
    name: str | None
    canonical: str | None
    if first is not None:   # "a local resistance group and the NUG said": one source per claim, the first named
        span = first
        name = analysis.text[first[0]:first[1]]
        canonical, stype = canonical_name(name), classify_source(name)
    else:
        name, canonical, stype = attr.name, attr.canonical or attr.name, attr.type or "author"
    source = Source(
        name=name,
        canonical=canonical,
        affiliation=attr.affiliation,
        type=stype,
        cue=attr.cue,
        span=span,
        quote=attr.quote or "none",
        scope=attr.scope or "sentence",
        via=attr.via,
    )
    evidential: Evidential
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


def _time_info(tm: Any, analysis: Analysis, scope: Scope = "sentence") -> TimeInfo | None:
    """The claim's time: the whole phrase that states it ("as of Sunday", "on Tuesday"; the time
    layer's span is TimeML's, without the preposition), with its normalised value."""
    if tm is None:
        return None
    phrase = getattr(tm, "phrase", None)
    if phrase is not None:
        return TimeInfo(text=analysis.text[phrase[0]:phrase[1]], start=tm.start, end=tm.end, precision=tm.precision,
                        anchor=tm.anchor, span=tuple(phrase), scope=scope)
    span = tuple(tm.span) if getattr(tm, "span", None) is not None else None
    if span is not None and not _slices(analysis, tm.text, span):
        span = None
    return TimeInfo(text=tm.text, start=tm.start, end=tm.end, precision=tm.precision, anchor=tm.anchor, span=span,
                    scope=scope)


def _place(pm: Any, analysis: Analysis, scope: Scope = "sentence") -> Place:
    span = tuple(pm.span) if getattr(pm, "span", None) is not None else None
    if span is not None and not _slices(analysis, pm.text, span):
        span = None
    return Place(
        text=pm.text, span=span, name=pm.name, lat=pm.lat, lon=pm.lon, country=pm.country,
        feature=pm.feature, geonameid=pm.geonameid, role=pm.role, precision=pm.precision, scope=scope,
    )


#: the default time / place look-up: the report context (own value, else inherited)
_CONTEXT = object()


def _fill_time_places(analysis: Analysis, claim: Claim, sent_i: int, head_i: int | None,
                      time_for: Any, places_for: Any) -> None:
    if time_for is _CONTEXT:
        # a claim of no event type is about what was stated: it keeps the date it was stated
        tm, scope = claim_time(analysis, sent_i, head_i, claim.event_type,
                               statement=claim.kind == "statement" or claim.kind == "event" and claim.event_type is None,
                               count=claim.kind == "count")
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


def assemble_claims(analysis: Analysis, *, lookups: dict[str, Callable[..., Any] | None] | None = None) -> list[Claim]:
    """All claims of the article, ids ``c1``.. in text order.

    ``lookups`` replaces the report context's look-ups (keys ``source_for`` — also accepted as
    ``attribution_for`` —, ``time_for``, ``places_for``; ``None`` switches one off; a replaced
    time or place look-up is taken as the claim's own value, nothing inherited); by default they
    are :func:`.context.source_for`, :func:`.context_time.claim_time` and :func:`.context.claim_places`.
    """
    text = analysis.text
    lookups = lookups or {}
    attribution_for = lookups.get("source_for", lookups.get("attribution_for", source_for))
    time_for = lookups.get("time_for", _CONTEXT)
    places_for = lookups.get("places_for", _CONTEXT)

    def attribution(sent_i: int, head_i: int | None = None) -> AttributionMention | None:
        if attribution_for is None:
            return None
        if attribution_for is source_for:
            return source_for(analysis, sent_i, head_i)
        return attribution_for(analysis, sent_i)

    def fill(claim: Claim, sent_i: int, head_i: int | None) -> Claim:
        modality = modality_for(analysis, sent_i, head_i) if head_i is not None else None
        claim.source, claim.evidential = source_of(attribution(sent_i, head_i), modality, analysis)
        if modality is not None:
            claim.certainty, claim.polarity = modality.certainty, modality.polarity
        _fill_time_places(analysis, claim, sent_i, head_i, time_for, places_for)
        return claim

    def sentence(sent_i: int) -> tuple[str, tuple[int, int]]:
        s, e = analysis.sentences[sent_i]
        return text[s:e], (s, e)

    drafted: list[tuple[tuple[int, int], Claim]] = []
    drafts = draft_claims(analysis)
    for draft in drafts:
        drafted.append((draft.order, fill(draft.claim, draft.sent_i, draft.head_i)))
    place_and_date_table_counts(analysis, [d.claim for d in drafts])

    with_claims = {analysis.sent_index(c.span[0]) for _k, c in drafted}
    if attribution_for is not None:
        for sent_i in range(len(analysis.sentences)):
            if sent_i in with_claims:
                continue
            attr = attribution(sent_i)
            if attr is None or attr.type == "author" or (attr.name is None and attr.cue is None) \
                    or attr.scope == "article" or attr.kind == "stance":   # "X wants to ..." is no statement
                continue
            if attr.kind == "source_line":
                continue  # "Source: X": a credit for the report's sentences, no statement of its own
            s_text, s_span = sentence(sent_i)
            claim = Claim(id="", kind="statement", text=s_text, span=s_span,
                          event_type=statement_topic(analysis, sent_i, sorted((c for _k, c in drafted), key=lambda c: c.span)))
            drafted.append(((s_span[0], 2), fill(claim, sent_i, _statement_head(analysis, attr, sent_i))))

    drafted.sort(key=lambda item: item[0])
    claims = [c for _k, c in drafted]
    for n, claim in enumerate(claims, 1):
        claim.id = f"c{n}"
    link_parts(drafts)
    return claims


STAGE = Stage(
    "claims",
    ("quantities", "attributions", "modalities", "events", "times", "places", "context"),
    ("claims",),
    assemble_claims,
)
