"""The public layer API: the mentions of a report, layer by layer, with their normalised values.

``claimwatch.analyse(text, published=...)`` runs the extraction pipeline and returns
:class:`Mentions` — six lists of typed, frozen items, each with ``span`` (``[start, end)`` into
the text, which it slices exactly), ``text`` and its normalised value:

=================  ==========================================================================
``quantities``     :class:`QuantityItem` — every numeric mention (the numbers layer): kind,
                   value, low/best/high, qualifier, change, unit, currency, per, is_count
``times``          :class:`TimeItem` — TIMEX3 ``type`` and ``value``, start/end, precision, anchor
``places``         :class:`PlaceItem` — name, lat/lon, country, feature, geonameid, role
``attributions``   :class:`AttributionItem` — source / cue / content (:class:`RoleSpan`),
                   source type, canonical name, quote kind, evidential
``events``         :class:`EventItem` — SPEC §6 event type, certainty, polarity, cause
``entities``       :class:`EntityItem` — named entities with their spaCy label
=================  ==========================================================================

Every item has ``to_dict()`` (its JSON form, spans as two-element lists) and ``from_dict()``;
:meth:`Mentions.to_dict` / :meth:`Mentions.from_dict` round-trip the whole. The field names are
part of the public contract (``tests/extract/test_layers_api.py`` pins them). The same lists are
available as spaCy ``Doc`` extensions (:mod:`claimwatch.extract.doc_extensions`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import Field, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, ClassVar

import spacy
from spacy.tokens import Doc

from ..errors import ClaimwatchError, ExtractionError
from ..ingest.normalise import TextMap, normalise_text
from ..ingest.validate import check_text, normalise_date
from .base import Analysis
from .pipeline import Pipeline, get_pipeline
from .timex import timeml_value

__all__ = ["Mentions", "QuantityItem", "TimeItem", "PlaceItem", "AttributionItem", "RoleSpan", "EventItem",
           "EntityItem", "LAYER_NAMES", "USER_DATA_KEY", "mentions_of", "event_modality", "analyse", "analyse_doc"]

Span = tuple[int, int]

#: the layers of :class:`Mentions`, in their JSON order
LAYER_NAMES = ("quantities", "times", "places", "attributions", "events", "entities")
#: where the :class:`Mentions` of a parsed ``Doc`` are kept (``doc.user_data``)
USER_DATA_KEY = "claimwatch.mentions"


class _Item:
    """JSON form shared by the items: spans become two-element lists, nested roles dicts."""

    _nested: ClassVar[tuple[str, ...]] = ()
    if TYPE_CHECKING:  # every item is a dataclass
        __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, _Item):
                value = value.to_dict()
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in cls._nested and value is not None:
                value = RoleSpan.from_dict(value)
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[f.name] = value
        return cls(**kwargs)


@dataclass(frozen=True)
class RoleSpan(_Item):
    """One role of an attribution (source, cue or content) as written."""

    span: Span
    text: str


@dataclass(frozen=True)
class QuantityItem(_Item):
    """A numeric mention (:mod:`claimwatch.extract.numeric`). ``kind``: count | money | percent |
    measure | duration | rate | age | fraction | number. ``change``: = ~ > < up down."""

    span: Span
    text: str
    kind: str
    value: float | int | None
    low: float | int | None
    best: float | int | None
    high: float | int | None
    qualifier: str
    change: str
    unit: str | None = None
    unit_span: Span | None = None
    dimension: str | None = None
    currency: str | None = None
    per: str | None = None
    counted: str | None = None
    is_count: bool = False


@dataclass(frozen=True)
class TimeItem(_Item):
    """A time expression. ``type``: DATE | TIME | DURATION | SET (TIMEX3); ``value``: the TIMEX3
    value ("2024-05", "2024-W18", "P3D") or None when it cannot be resolved."""

    span: Span
    text: str
    type: str
    value: str | None
    start: str | None = None
    end: str | None = None
    precision: str = "unknown"
    anchor: str = "absolute"


@dataclass(frozen=True)
class PlaceItem(_Item):
    """A place mention, resolved against the gazetteer when possible."""

    span: Span
    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    geonameid: int | None = None
    role: str = "event"


@dataclass(frozen=True)
class AttributionItem(_Item):
    """Who a stretch of text is attributed to: ``span`` is the first of source, cue, content."""

    span: Span
    text: str
    source: RoleSpan | None = None
    cue: RoleSpan | None = None
    content: RoleSpan | None = None
    source_type: str = "author"
    canonical: str | None = None
    quote: str = "none"
    evidential: str = "author"

    _nested: ClassVar[tuple[str, ...]] = ("source", "cue", "content")


@dataclass(frozen=True)
class EventItem(_Item):
    """A SPEC §6 event trigger with the modality of its predicate."""

    span: Span
    text: str
    event_type: str | None              # None: an incident no SPEC §6 type fits ("the plane crashed")
    certainty: str = "certain"
    polarity: str = "positive"
    cause: str | None = None


@dataclass(frozen=True)
class EntityItem(_Item):
    """A named entity as the spaCy model labels it (PERSON, ORG, GPE, NORP, DATE ...)."""

    span: Span
    text: str
    label: str


_ITEM_TYPES: dict[str, type[_Item]] = {"quantities": QuantityItem, "times": TimeItem, "places": PlaceItem,
                                       "attributions": AttributionItem, "events": EventItem,
                                       "entities": EntityItem}


@dataclass
class Mentions:
    """Every layer of one report's mentions (see the module docstring)."""

    text: str
    published: str | None = None
    quantities: list[QuantityItem] = field(default_factory=list)
    times: list[TimeItem] = field(default_factory=list)
    places: list[PlaceItem] = field(default_factory=list)
    attributions: list[AttributionItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)
    entities: list[EntityItem] = field(default_factory=list)

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text} if with_text else {}
        out["published"] = self.published
        for name in LAYER_NAMES:
            out[name] = [item.to_dict() for item in getattr(self, name)]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Mentions":
        layers = {name: [_ITEM_TYPES[name].from_dict(d) for d in data.get(name) or []] for name in LAYER_NAMES}
        return cls(text=data.get("text", ""), published=data.get("published"), **layers)


# --------------------------------------------------------------------------- from the stages

def _quantities(analysis: Analysis) -> list[QuantityItem]:
    return [QuantityItem(m.span, m.text, m.kind, m.value, m.low, m.best, m.high, m.qualifier, m.change, m.unit,
                         m.unit_span, m.dimension, m.currency, m.per, m.counted, m.is_count)
            for m in analysis.numbers]


def _timex(t: Any) -> tuple[str, str | None]:
    """(TIMEX3 type, value) of a time mention: the time stage's own when it gives them."""
    value = getattr(t, "value", None) or timeml_value(t)
    kind = getattr(t, "type", None)
    if not kind:
        kind = "DURATION" if value and value.startswith("P") else "TIME" if value and "T" in value[4:] else "DATE"
    return kind, value


def _times(analysis: Analysis) -> list[TimeItem]:
    out = []
    for mention in analysis.times:
        for t in mention.parts or (mention,):  # a range's two ends, as TimeML marks them
            kind, value = _timex(t)
            out.append(TimeItem(t.span, t.text, kind, value, t.start, t.end, t.precision, t.anchor))
    return out


def _places(analysis: Analysis) -> list[PlaceItem]:
    """Place names (toponyms, names inside organisations' names, demonyms); an anaphoric noun
    ("the river") is resolved for the claims but is no place name of the layer."""
    return [PlaceItem(p.span, p.text, p.name, p.lat, p.lon, p.country, p.feature, p.geonameid, p.role)
            for p in analysis.places if p.kind != "anaphor"]


def _role(text: str, span: Span | None) -> RoleSpan | None:
    return None if span is None else RoleSpan((span[0], span[1]), text[span[0]:span[1]])


def _attributions(analysis: Analysis) -> list[AttributionItem]:
    out = []
    for a in analysis.attributions:
        if a.name is None and a.cue is None:
            continue  # the author's own voice is no attribution
        # the whole source phrase (with its apposition) and the whole cue phrase, as attribution
        # corpora mark them; a claim's source.name / source.cue keep the head words
        source = _role(analysis.text, a.source_span or (a.span if a.name else None))
        cue = _role(analysis.text, a.cue_phrase_span or a.cue_span)
        content = _role(analysis.text, a.content_span)
        first = next((r for r in (source, cue, content) if r is not None), None)
        if first is None:
            continue
        out.append(AttributionItem(first.span, first.text, source, cue, content, a.type, a.canonical, a.quote,
                                   a.evidential))
    return out


def event_modality(analysis: Analysis, event: Any) -> Any:
    """The modality of an event's predicate: the one on its head token, else one inside its span."""
    by_head = analysis.indexes.get("layers.modality_by_head")
    if by_head is None:
        by_head = {m.head_i: m for m in analysis.modalities}
        analysis.indexes["layers.modality_by_head"] = by_head
    m = by_head.get(event.head_i) if event.head_i is not None else None
    if m is None:
        doc = analysis.doc
        m = next((by_head[i] for i in by_head
                  if 0 <= i < len(doc) and event.span[0] <= doc[i].idx < event.span[1]), None)
    return m


def _events(analysis: Analysis) -> list[EventItem]:
    out = []
    for e in analysis.events:
        m = event_modality(analysis, e)
        out.append(EventItem(e.span, e.text, e.event_type, m.certainty if m else "certain",
                             m.polarity if m else "positive", e.cause))
    return out


def _entities(doc: Doc) -> list[EntityItem]:
    return [EntityItem((e.start_char, e.end_char), e.text, e.label_) for e in doc.ents]


def mentions_of(analysis: Analysis) -> Mentions:
    """The :class:`Mentions` of an analysed article (after every stage has run)."""
    return Mentions(analysis.text, analysis.published, _quantities(analysis), _times(analysis), _places(analysis),
                    _attributions(analysis), _events(analysis), _entities(analysis.doc))


# --------------------------------------------------------------------------- entry points

def analyse(text: str, published: str | _dt.date | None = None, *, name: str = "<text>",
            validate: bool = True) -> Mentions:
    """Every mention of one report's ``text``, layer by layer (see :class:`Mentions`).

    ``published`` (ISO date or ``date``) resolves relative times ("on Monday"). Raises a
    :class:`~claimwatch.errors.InputError` for empty, binary or non-English text unless
    ``validate=False``."""
    if not isinstance(text, str):
        raise ExtractionError(name, detail=f"text must be str, not {type(text).__name__}")
    if validate:
        check_text(text, name)
    textmap = normalise_text(text)  # the pipeline reads NFC text without format characters
    try:
        analysis = get_pipeline(layers=True).analyse(textmap.clean, normalise_date(published))
    except ClaimwatchError:
        raise
    except Exception as exc:  # a stage crashed on this text: name the input
        raise ExtractionError(name, detail=f"{type(exc).__name__}: {exc}") from exc
    mentions = _remember(analysis)
    return _to_original(mentions, textmap) if textmap.changed else mentions


def _to_original(mentions: Mentions, textmap: TextMap) -> Mentions:
    """The mentions with every span mapped back to the text as given (and its text re-sliced)."""
    original = textmap.original

    def span_of(span: Span | None) -> Span | None:
        return None if span is None else textmap.to_original(span)

    def moved(item: Any) -> Any:
        changes: dict[str, Any] = {}
        for f in fields(item):
            value = getattr(item, f.name)
            if isinstance(value, RoleSpan):
                changes[f.name] = moved(value)
            elif f.name in ("span", "unit_span") and value is not None:
                changes[f.name] = span_of(value)
        if "span" in changes:
            changes["text"] = original[changes["span"][0]:changes["span"][1]]
        return replace(item, **changes)

    layers = {name: [moved(item) for item in getattr(mentions, name)] for name in LAYER_NAMES}
    return Mentions(original, mentions.published, **layers)


_STAGES_ONLY: list[Pipeline] = []


def analyse_doc(doc: Doc, published: str | _dt.date | None = None) -> Mentions:
    """The mentions of an already parsed spaCy ``doc`` (it needs the tagger, lemmatizer, parser
    and NER of an English pipeline); the result is also kept on the doc (``doc._.claimwatch``)."""
    if not _STAGES_ONLY:  # the stages alone: the doc is parsed already, no model is loaded
        _STAGES_ONLY.append(Pipeline(nlp=spacy.blank("en"), layers=True))
    return _remember(_STAGES_ONLY[0].analyse_doc(doc, normalise_date(published)))


def _remember(analysis: Analysis) -> Mentions:
    mentions = mentions_of(analysis)
    analysis.doc.user_data[USER_DATA_KEY] = mentions
    return mentions
