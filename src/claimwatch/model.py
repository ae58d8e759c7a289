"""The SPEC objects (Article, Claim, Estimate and their parts) as typed classes.

No I/O, no NLP, no imports from the rest of claimwatch: every other layer
(extract, store, reconcile, web, export, spark) speaks in these classes and
their JSON form (``to_dict`` / ``from_dict``), which is exactly the shape of
SPEC §2 (claims) and SPEC §7 (estimates).

Spans are half-open ``(start, end)`` character offsets into ``Article.text``;
in JSON they are two-element lists.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, Callable, Literal

__all__ = [
    "Span",
    "CLAIM_KINDS",
    "QUALIFIERS",
    "SOURCE_TYPES",
    "CERTAINTIES",
    "POLARITIES",
    "EVIDENTIALS",
    "EVENT_TYPES",
    "DEATH_CAUSES",
    "QUOTE_KINDS",
    "SCOPES",
    "PLACE_ROLES",
    "TIME_PRECISIONS",
    "TIME_ANCHORS",
    "ESTIMATE_STATUSES",
    "Quantity",
    "Source",
    "TimeInfo",
    "Place",
    "Actor",
    "Claim",
    "Article",
    "EstimateClaim",
    "Origin",
    "Estimate",
    "Incident",
    "ESTIMATE_KINDS",
    "MEASURES",
    "article_id_for",
    "normalise_for_id",
    "check_spans",
]

Span = tuple[int, int]

CLAIM_KINDS = ("count", "event", "statement")
QUALIFIERS = (
    "exact", "approximately", "at_least", "more_than", "at_most",
    "less_than", "almost", "range", "vague",
)
SOURCE_TYPES = (
    "official", "military", "law_enforcement", "judicial", "media", "ngo",
    "social_media", "expert", "witness", "unnamed", "author",
)
CERTAINTIES = ("certain", "probable", "possible", "underspecified")
POLARITIES = ("positive", "negative")
EVIDENTIALS = ("author", "attributed", "hearsay")
EVENT_TYPES = (
    "detention", "border_crossing", "desertion", "draft_evasion", "death",
    "missing", "injury", "smuggling", "deportation", "mobilization",
    "legal_action", "asylum", "combat_casualties", "policy", "statement",
)
DEATH_CAUSES = ("drowning", "exposure", "violence", "accident", "animal", "medical", "unknown")
QUOTE_KINDS = ("direct", "indirect", "mixed", "none")
SCOPES = ("sentence", "paragraph", "article")
PLACE_ROLES = ("event", "origin", "destination", "source_location")
TIME_PRECISIONS = ("day", "week", "month", "year", "range", "unknown")
TIME_ANCHORS = ("absolute", "published", "unresolved")
ESTIMATE_STATUSES = ("single", "corroborated", "conflicting", "superseded")
#: what an estimate reconciles: figures (count claims), events, or statements (SPEC §7)
ESTIMATE_KINDS = ("count", "event", "statement")
#: kinds of figure that are never merged: one incident, a closed period's total, a running total
MEASURES = ("incident", "period", "running")


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _span_json(value: Span | None) -> list[int] | None:
    return None if value is None else [value[0], value[1]]


class _JSONMixin:
    """Shared ``to_dict`` / ``from_dict`` for flat dataclasses with span fields."""

    _span_fields: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            out[f.name] = _span_json(value) if f.name in self._span_fields else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {k: v for k, v in data.items() if k in known}
        for name in cls._span_fields:
            if name in kwargs:
                kwargs[name] = _span(kwargs[name])
        return cls(**kwargs)


@dataclass
class Quantity(_JSONMixin):
    """A counted quantity (SPEC §2/§3). ``None`` bounds are unbounded."""

    text: str
    span: Span
    low: float | int | None
    best: float | int | None
    high: float | int | None
    qualifier: str = "exact"
    unit: str | None = None
    counted: str | None = None
    #: id of the claim stating the total this figure is a part of ("15 died: 12 men and 3 women")
    part_of: str | None = None

    _span_fields = ("span",)


@dataclass
class Source(_JSONMixin):
    """Who makes the claim (SPEC §2 ``source``, §4 types)."""

    name: str | None = None
    canonical: str | None = None
    affiliation: str | None = None
    type: str = "author"
    cue: str | None = None
    span: Span | None = None
    quote: str = "none"
    scope: str = "sentence"
    via: str | None = None

    _span_fields = ("span",)

    @classmethod
    def author(cls) -> "Source":
        return cls()


@dataclass
class TimeInfo(_JSONMixin):
    """When the claimed thing happened or holds (SPEC §2 ``time``)."""

    text: str
    start: str | None = None
    end: str | None = None
    precision: str = "unknown"
    anchor: str = "absolute"
    span: Span | None = None
    #: sentence (stated in the claim's sentence) | paragraph | article (inherited, SPEC §2 Context)
    scope: str = "sentence"

    _span_fields = ("span",)


@dataclass
class Place(_JSONMixin):
    """A resolved place mention (SPEC §2 ``places``)."""

    text: str
    span: Span | None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    geonameid: int | None = None
    role: str = "event"
    precision: str | None = None
    #: sentence (stated in the claim's sentence) | paragraph | article (inherited, SPEC §2 Context)
    scope: str = "sentence"

    _span_fields = ("span",)


@dataclass
class Actor(_JSONMixin):
    text: str
    role: str = "agent"
    span: Span | None = None

    _span_fields = ("span",)


@dataclass
class Claim:
    """One assertion made in one article (SPEC §2)."""

    id: str
    kind: str
    text: str
    span: Span
    event_type: str | None = None
    #: for ``legal_action``: the event type of the offence ("border_crossing"), SPEC §2
    offence: str | None = None
    source: Source = field(default_factory=Source)
    certainty: str = "certain"
    polarity: str = "positive"
    evidential: str = "author"
    quantity: Quantity | None = None
    time: TimeInfo | None = None
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    cause: str | None = None
    article_id: str | None = None
    #: review state once a person has looked at it: accepted | corrected | rejected (None = unreviewed)
    review: str | None = None

    @property
    def uid(self) -> str:
        """Globally unique id: ``<article_id>:<id>`` (claim ids are per article)."""
        return f"{self.article_id}:{self.id}" if self.article_id else self.id

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "span": _span_json(self.span),
            "event_type": self.event_type,
            "offence": self.offence,
            "source": self.source.to_dict(),
            "certainty": self.certainty,
            "polarity": self.polarity,
            "evidential": self.evidential,
        }
        if self.kind == "count" or self.quantity is not None:
            out["quantity"] = self.quantity.to_dict() if self.quantity else None
        out["time"] = self.time.to_dict() if self.time else None
        out["places"] = [p.to_dict() for p in self.places]
        out["actors"] = [a.to_dict() for a in self.actors]
        if self.cause is not None:
            out["cause"] = self.cause
        if self.article_id is not None:
            out["article_id"] = self.article_id
        if self.review is not None:
            out["review"] = self.review
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        return cls(
            id=data["id"],
            kind=data["kind"],
            text=data["text"],
            span=_span(data["span"]),  # type: ignore[arg-type]
            event_type=data.get("event_type"),
            offence=data.get("offence"),
            source=Source.from_dict(data.get("source") or {}),
            certainty=data.get("certainty", "certain"),
            polarity=data.get("polarity", "positive"),
            evidential=data.get("evidential", "author"),
            quantity=Quantity.from_dict(data["quantity"]) if data.get("quantity") else None,
            time=TimeInfo.from_dict(data["time"]) if data.get("time") else None,
            places=[Place.from_dict(p) for p in data.get("places") or []],
            actors=[Actor.from_dict(a) for a in data.get("actors") or []],
            cause=data.get("cause"),
            article_id=data.get("article_id"),
            review=data.get("review"),
        )

    def map_spans(self, to_original: Callable[[Span], Span], text: str) -> None:
        """Move every span this claim emits through ``to_original`` and reset the text it
        evidences to the slice of ``text`` (used when the pipeline read a normalised copy of
        the article: spans then point into the article as ingested)."""
        self.span = to_original(self.span)
        self.text = text[self.span[0]:self.span[1]]
        if self.quantity is not None:
            self.quantity.span = to_original(self.quantity.span)
            self.quantity.text = text[self.quantity.span[0]:self.quantity.span[1]]
        if self.source.span is not None:
            self.source.span = to_original(self.source.span)
            if self.source.name is not None:
                self.source.name = text[self.source.span[0]:self.source.span[1]]
        parts: list[TimeInfo | Place | Actor] = [*([self.time] if self.time is not None else []),
                                                 *self.places, *self.actors]
        for part in parts:
            if part.span is not None:
                part.span = to_original(part.span)
                part.text = text[part.span[0]:part.span[1]]

    def spans(self) -> list[tuple[str, Span]]:
        """Every (expected text, span) pair this claim emits, for span checks."""
        out: list[tuple[str, Span]] = [(self.text, self.span)]
        if self.quantity is not None:
            out.append((self.quantity.text, self.quantity.span))
        if self.source.span is not None and self.source.name is not None:
            out.append((self.source.name, self.source.span))
        if self.time is not None and self.time.span is not None:
            out.append((self.time.text, self.time.span))
        for p in self.places:
            if p.span is not None:
                out.append((p.text, p.span))
        for a in self.actors:
            if a.span is not None:
                out.append((a.text, a.span))
        return out


def normalise_for_id(text: str) -> str:
    """The normalisation behind ``Article.id``: NFC, whitespace runs folded, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id_for(text: str) -> str:
    """SPEC §1: sha256 of the normalised body text, first 16 hex digits."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One report (SPEC §1). ``text`` is the body exactly as ingested."""

    text: str
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "en"
    claims: list[Claim] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    duplicate_of: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id_for(self.text)

    def meta_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }

    def to_dict(self) -> dict[str, Any]:
        """The ``claimwatch extract --format json`` document: ``article`` + ``claims``."""
        return {"article": self.meta_dict(), "claims": [c.to_dict() for c in self.claims]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        meta = data.get("article", data)
        art = cls(
            text=meta["text"],
            id=meta.get("id") or "",
            url=meta.get("url"),
            outlet=meta.get("outlet"),
            title=meta.get("title"),
            published=meta.get("published"),
            language=meta.get("language") or "en",
        )
        art.claims = [Claim.from_dict(c) for c in data.get("claims") or []]
        return art


def check_spans(article: Article) -> list[str]:
    """Return a description of every emitted span that does not slice ``article.text``
    to exactly its text (empty list = all good)."""
    bad: list[str] = []
    for claim in article.claims:
        for expected, (s, e) in claim.spans():
            got = article.text[s:e]
            if got != expected:
                bad.append(f"{claim.id}: span {s}:{e} is {got!r}, expected {expected!r}")
    return bad


@dataclass
class EstimateClaim(_JSONMixin):
    """One claim as a member of an estimate (SPEC §7 ``claims``)."""

    claim_id: str
    article_id: str
    url: str | None = None
    published: str | None = None
    span: Span | None = None
    quantity_span: Span | None = None
    text: str = ""
    low: float | int | None = None
    best: float | int | None = None
    high: float | int | None = None
    source: dict[str, Any] = field(default_factory=dict)
    origin_key: str | None = None

    _span_fields = ("span", "quantity_span")


@dataclass
class Origin(_JSONMixin):
    name: str | None = None
    type: str | None = None
    first_published: str | None = None


@dataclass
class Estimate:
    """Claims from many articles about the same quantity or event, reconciled (SPEC §7)."""

    id: str
    event_type: str | None
    unit: str | None
    low: float | int | None
    best: float | int | None
    high: float | int | None
    status: Literal["single", "corroborated", "conflicting", "superseded"] | str
    explanation: str
    independent_sources: int
    origin: Origin | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    time: dict[str, Any] | None = None
    places: list[dict[str, Any]] = field(default_factory=list)
    claims: list[EstimateClaim] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    #: count | event | statement (an event estimate has no low/best/high)
    kind: str = "count"
    #: incident | period | running for figures; None for events and statements
    measure: str | None = None
    #: id of the incident this estimate belongs to (None for period and running totals)
    incident: str | None = None
    #: id of the estimate of the total this figure is a part of ("12 men" of "15 died")
    part_of: str | None = None
    #: a reviewer's low/best/high: {"low", "best", "high", "who", "why", "at", "computed": {...}}
    override: dict[str, Any] | None = None
    #: the curations that shaped this estimate: [{"id", "action", "who", "why", "at"}]
    curations: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "event_type": self.event_type,
            "unit": self.unit,
            "measure": self.measure,
            "incident": self.incident,
            "part_of": self.part_of,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "status": self.status,
            "explanation": self.explanation,
            "independent_sources": self.independent_sources,
            "origin": self.origin.to_dict() if self.origin else None,
            "sources": self.sources,
            "time": self.time,
            "places": self.places,
            "claims": [c.to_dict() for c in self.claims],
            "timeline": self.timeline,
            "override": self.override,
            "curations": self.curations,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Estimate":
        return cls(
            id=data["id"],
            event_type=data.get("event_type"),
            unit=data.get("unit"),
            low=data.get("low"),
            best=data.get("best"),
            high=data.get("high"),
            status=data.get("status", "single"),
            explanation=data.get("explanation", ""),
            independent_sources=int(data.get("independent_sources", 0)),
            origin=Origin.from_dict(data["origin"]) if data.get("origin") else None,
            sources=list(data.get("sources") or []),
            time=data.get("time"),
            places=list(data.get("places") or []),
            claims=[EstimateClaim.from_dict(c) for c in data.get("claims") or []],
            timeline=list(data.get("timeline") or []),
            kind=data.get("kind") or "count",
            measure=data.get("measure"),
            incident=data.get("incident"),
            part_of=data.get("part_of"),
            override=data.get("override"),
            curations=list(data.get("curations") or []),
        )


@dataclass
class Incident:
    """One real-world incident reported by several articles: its estimates (one per measure,
    one per event) with where and when, as a coder codes one event row."""

    id: str
    event_types: list[str] = field(default_factory=list)
    time: dict[str, Any] | None = None
    places: list[dict[str, Any]] = field(default_factory=list)
    country: str | None = None
    estimates: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event_types": self.event_types, "time": self.time, "places": self.places,
                "country": self.country, "estimates": self.estimates, "articles": self.articles,
                "actors": self.actors, "sources": self.sources}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Incident":
        return cls(id=data["id"], event_types=list(data.get("event_types") or []), time=data.get("time"),
                   places=list(data.get("places") or []), country=data.get("country"),
                   estimates=list(data.get("estimates") or []), articles=list(data.get("articles") or []),
                   actors=list(data.get("actors") or []), sources=list(data.get("sources") or []))
