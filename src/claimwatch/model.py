"""The SPEC objects (Article, Claim, Estimate and their parts) as typed classes.

No I/O, no NLP, no imports from the rest of claimwatch: every other layer
(extract, store, reconcile, web, export, spark) speaks in these classes and
their JSON form (``to_dict`` / ``from_dict``), which is exactly the shape of
SPEC §2 (claims) and SPEC §7 (estimates).

This module is the one statement of the claim's shape: every closed vocabulary of the SPEC
is a ``Literal`` type here, and the JSON form, the validators, the Spark schema and the
published JSON Schema (``docs/claim.schema.json``) are all generated from these classes
(:mod:`claimwatch.schema`). A field added here is serialised, validated and published
without another edit; a value outside a vocabulary is caught by the type checker and by
the validator.

Spans are half-open ``(start, end)`` character offsets into ``Article.text``;
in JSON they are two-element lists.
"""

from __future__ import annotations

import hashlib
import typing
import unicodedata
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Literal, TypeGuard, get_args

__all__ = [
    "Span", "ClaimKind", "Qualifier", "SourceType", "Certainty", "Polarity", "Evidential", "EventType", "DeathCause",
    "QuoteKind", "Scope", "PlaceRole", "TimePrecision", "TimeAnchor", "ActorRole", "ReviewState", "EstimateStatus",
    "EstimateKind", "Measure", "CLAIM_KINDS", "QUALIFIERS", "SOURCE_TYPES", "CERTAINTIES", "POLARITIES",
    "EVIDENTIALS", "EVENT_TYPES", "DEATH_CAUSES", "QUOTE_KINDS", "SCOPES", "PLACE_ROLES", "TIME_PRECISIONS",
    "TIME_ANCHORS", "ACTOR_ROLES", "REVIEW_STATES", "ESTIMATE_STATUSES", "ARTICLE_JSON_FIELDS", "WHEN_SET",
    "Quantity", "Source", "TimeInfo", "Place", "Actor", "Claim", "Article", "EstimateClaim", "Origin", "Estimate",
    "Incident", "ESTIMATE_KINDS", "MEASURES", "is_source_type", "is_certainty", "is_event_type", "article_id_for",
    "normalise_for_id", "check_spans"
]

Span = tuple[int, int]

# -- the closed vocabularies of the SPEC (section in brackets) ---------------------------------
ClaimKind = Literal["count", "event", "statement"]  # §2
Qualifier = Literal["exact", "approximately", "at_least", "more_than", "at_most", "less_than", "almost", "range",
                    "vague"]  # §3
SourceType = Literal["official", "military", "law_enforcement", "judicial", "media", "ngo", "social_media", "expert",
                     "witness", "unnamed", "author"]  # §4
Certainty = Literal["certain", "probable", "possible", "underspecified"]  # §5
Polarity = Literal["positive", "negative"]  # §5
Evidential = Literal["author", "attributed", "hearsay"]  # §5
EventType = Literal["detention", "border_crossing", "desertion", "draft_evasion", "death", "missing", "injury",
                    "smuggling", "deportation", "mobilization", "legal_action", "asylum", "combat_casualties",
                    "policy", "statement"]  # §6
DeathCause = Literal["drowning", "exposure", "violence", "accident", "animal", "medical", "unknown"]  # §6
QuoteKind = Literal["direct", "indirect", "mixed", "none"]  # §2
Scope = Literal["sentence", "paragraph", "article"]  # §2 Context: how far a value was carried
PlaceRole = Literal["event", "origin", "destination", "source_location"]  # §2
TimePrecision = Literal["day", "week", "month", "year", "range", "unknown"]  # §2
TimeAnchor = Literal["absolute", "published", "unresolved"]  # §2
ActorRole = Literal["agent", "patient"]  # §2
ReviewState = Literal["accepted", "corrected", "rejected"]  # a person's review of a claim
EstimateStatus = Literal["single", "corroborated", "conflicting", "superseded"]  # §7
#: what an estimate reconciles: figures (count claims), events, or statements (SPEC §7)
EstimateKind = Literal["count", "event", "statement"]
#: kinds of figure that are never merged: one incident, a closed period's total, a running total
Measure = Literal["incident", "period", "running"]

CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
SOURCE_TYPES: tuple[str, ...] = get_args(SourceType)
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
POLARITIES: tuple[str, ...] = get_args(Polarity)
EVIDENTIALS: tuple[str, ...] = get_args(Evidential)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
DEATH_CAUSES: tuple[str, ...] = get_args(DeathCause)
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
SCOPES: tuple[str, ...] = get_args(Scope)
PLACE_ROLES: tuple[str, ...] = get_args(PlaceRole)
TIME_PRECISIONS: tuple[str, ...] = get_args(TimePrecision)
TIME_ANCHORS: tuple[str, ...] = get_args(TimeAnchor)
ACTOR_ROLES: tuple[str, ...] = get_args(ActorRole)
REVIEW_STATES: tuple[str, ...] = get_args(ReviewState)
ESTIMATE_STATUSES: tuple[str, ...] = get_args(EstimateStatus)
ESTIMATE_KINDS: tuple[str, ...] = get_args(EstimateKind)
MEASURES: tuple[str, ...] = get_args(Measure)


def is_source_type(value: object) -> TypeGuard[SourceType]:
    """Whether ``value`` is a SPEC §4 source type (narrows a string read from a lexicon)."""
    return value in SOURCE_TYPES


def is_certainty(value: object) -> TypeGuard[Certainty]:
    """Whether ``value`` is a SPEC §5 certainty."""
    return value in CERTAINTIES


def is_event_type(value: object) -> TypeGuard[EventType]:
    """Whether ``value`` is a SPEC §6 event type."""
    return value in EVENT_TYPES

#: field metadata: leave the key out of the JSON while the value is None (``present_if``
#: ``(field, value)`` keeps it, as null, when that other field has that value)
WHEN_SET: dict[str, Any] = {"json": "when_set"}


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _span_json(value: Span | None) -> list[int] | None:
    return None if value is None else [value[0], value[1]]


def _whole(value: float | int | None) -> float | int | None:
    """A number that holds a whole value as an int (2500.0 → 2500; JSON and Parquet give floats back)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """The resolved field types of a model class (computed once per class)."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _to_json(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, _JSONMixin):
        return value.to_dict()
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, tuple):  # a span
        return list(value)
    return value


_CONVERTERS: dict[Any, Callable[[Any], Any] | None] = {}


def _converter(tp: Any) -> Callable[[Any], Any] | None:
    """The function turning a (non-null) JSON value into the value of a field typed ``tp``, or
    None when the JSON value is the value; worked out once per type (reading a page of claims
    calls it for every field of every claim)."""
    if tp in _CONVERTERS:
        return _CONVERTERS[tp]
    args = [a for a in get_args(tp) if a is not type(None)]
    convert: Callable[[Any], Any] | None = None
    if typing.get_origin(tp) is list:
        item = _converter(args[0]) or (lambda v: v)
        convert = lambda values: [None if v is None else item(v) for v in values]  # noqa: E731
    elif tp == Span or Span in args:
        convert = _span
    else:
        target = next((a for a in [tp, *args] if isinstance(a, type) and issubclass(a, _JSONMixin)), None)
        if target is not None:
            convert = target.from_dict
    _CONVERTERS[tp] = convert
    return convert


#: per model class: (name, converter, nullable, has a default) of each field / (name, JSON rule)
_READ_PLANS: dict[type, list[tuple[str, Callable[[Any], Any] | None, bool, bool]]] = {}
_WRITE_PLANS: dict[type, list[tuple[str, bool, tuple[str, Any] | None]]] = {}


def _read_plan(cls: type) -> list[tuple[str, Callable[[Any], Any] | None, bool, bool]]:
    if cls not in _READ_PLANS:
        hints = _hints(cls)
        _READ_PLANS[cls] = [(f.name, _converter(hints[f.name]), type(None) in get_args(hints[f.name]),
                             f.default is not MISSING or f.default_factory is not MISSING) for f in fields(cls)]
    return _READ_PLANS[cls]


class _JSONMixin:
    """``to_dict`` / ``from_dict`` for the SPEC dataclasses, driven by their fields and types:
    field order is key order, spans become two-element lists, nested parts their own JSON;
    a field with :data:`WHEN_SET` metadata is left out while None."""

    if TYPE_CHECKING:  # every subclass is a dataclass
        __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        plan = _WRITE_PLANS.get(type(self))
        if plan is None:
            plan = _WRITE_PLANS[type(self)] = [(f.name, f.metadata.get("json") == "when_set",
                                                f.metadata.get("present_if")) for f in fields(self)]
        for name, when_set, cond in plan:
            value = getattr(self, name)
            if value is None and when_set and not (cond and getattr(self, cond[0]) == cond[1]):
                continue
            out[name] = _to_json(value)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for name, convert, nullable, has_default in _read_plan(cls):
            if name not in data:
                continue
            value = data[name]
            if value is not None and convert is not None:
                value = convert(value)
            if value is None and not nullable and has_default:
                continue  # null for a part that always exists: its default
            kwargs[name] = value
        return cls(**kwargs)


@dataclass
class Quantity(_JSONMixin):
    """A counted quantity (SPEC §2/§3). ``None`` bounds are unbounded; whole numbers are ints."""

    text: str
    span: Span
    low: float | int | None
    best: float | int | None
    high: float | int | None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    counted: str | None = None
    #: id of the claim stating the total this figure is a part of ("15 died: 12 men and 3 women")
    part_of: str | None = None

    def __post_init__(self) -> None:
        self.low, self.best, self.high = _whole(self.low), _whole(self.best), _whole(self.high)


@dataclass
class Source(_JSONMixin):
    """Who makes the claim (SPEC §2 ``source``, §4 types)."""

    name: str | None = None
    canonical: str | None = None
    affiliation: str | None = None
    type: SourceType = "author"
    cue: str | None = None
    span: Span | None = None
    quote: QuoteKind = "none"
    scope: Scope = "sentence"
    #: the platform when an organisation speaks through one (SPEC §4)
    via: str | None = None

    @classmethod
    def author(cls) -> "Source":
        return cls()


@dataclass
class TimeInfo(_JSONMixin):
    """When the claimed thing happened or holds (SPEC §2 ``time``)."""

    text: str
    start: str | None = None
    end: str | None = None
    precision: TimePrecision = "unknown"
    anchor: TimeAnchor = "absolute"
    span: Span | None = None
    #: sentence (stated in the claim's sentence) | paragraph | article (inherited, SPEC §2 Context)
    scope: Scope = "sentence"


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
    role: PlaceRole = "event"
    #: what the point stands for (country, admin1, city, border, region, feature; "near": a place the
    #: gazetteer lacks, at the point of the town the report locates it by; "unlocated": no point)
    precision: str | None = None
    #: sentence (stated in the claim's sentence) | paragraph | article (inherited, SPEC §2 Context)
    scope: Scope = "sentence"


@dataclass
class Actor(_JSONMixin):
    """Who acts in or undergoes the claimed event (SPEC §2 ``actors``)."""

    text: str
    role: ActorRole = "agent"
    span: Span | None = None


@dataclass
class Claim(_JSONMixin):
    """One assertion made in one article (SPEC §2)."""

    id: str
    kind: ClaimKind
    text: str
    span: Span
    event_type: EventType | None = None
    #: for ``legal_action``: the event type of the offence ("border_crossing"), SPEC §2
    offence: EventType | None = None
    source: Source = field(default_factory=Source)
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    evidential: Evidential = "author"
    #: present when kind == count (SPEC §2), null when a count has none
    quantity: Quantity | None = field(default=None, metadata={**WHEN_SET, "present_if": ("kind", "count")})
    time: TimeInfo | None = None
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    #: for deaths, when the text gives one (SPEC §6)
    cause: DeathCause | None = field(default=None, metadata=WHEN_SET)
    article_id: str | None = field(default=None, metadata=WHEN_SET)
    #: review state once a person has looked at it (None = unreviewed)
    review: ReviewState | None = field(default=None, metadata=WHEN_SET)

    @property
    def uid(self) -> str:
        """Globally unique id: ``<article_id>:<id>`` (claim ids are per article)."""
        return f"{self.article_id}:{self.id}" if self.article_id else self.id

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        for key in ("id", "kind", "text", "span"):
            if key not in data:
                raise KeyError(key)
        claim: Claim = super().from_dict(data)
        return claim

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


#: the fields of the SPEC §1 article object, in their JSON order (``claims`` travel beside it;
#: ``paragraphs`` and ``duplicate_of`` are the store's)
ARTICLE_JSON_FIELDS = ("id", "url", "outlet", "title", "published", "language", "text")


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
        """The SPEC §1 article object (:data:`ARTICLE_JSON_FIELDS`, in that order)."""
        return {name: getattr(self, name) for name in ARTICLE_JSON_FIELDS}

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
    status: EstimateStatus
    explanation: str
    independent_sources: int
    origin: Origin | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    time: dict[str, Any] | None = None
    places: list[dict[str, Any]] = field(default_factory=list)
    claims: list[EstimateClaim] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    #: count | event | statement (an event estimate has no low/best/high)
    kind: EstimateKind = "count"
    #: incident | period | running for figures; None for events and statements
    measure: Measure | None = None
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
    #: [{"text", "role"}]: agents (who acted) first, then patients (who it happened to)
    actors: list[dict[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    #: causes of death the claims give (SPEC §6: drowning, violence, ...)
    causes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event_types": self.event_types, "time": self.time, "places": self.places,
                "country": self.country, "estimates": self.estimates, "articles": self.articles,
                "actors": self.actors, "sources": self.sources, "causes": self.causes}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Incident":
        return cls(id=data["id"], event_types=list(data.get("event_types") or []), time=data.get("time"),
                   places=list(data.get("places") or []), country=data.get("country"),
                   estimates=list(data.get("estimates") or []), articles=list(data.get("articles") or []),
                   actors=list(data.get("actors") or []), sources=list(data.get("sources") or []),
                   causes=list(data.get("causes") or []))
