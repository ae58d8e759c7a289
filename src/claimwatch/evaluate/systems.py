"""Systems under evaluation: claimwatch itself, as items per layer.

A *system* has a ``name``, the ``layers`` it predicts, ``unavailable()`` (``None`` when it can
run, else a one-line reason such as "not installed") and ``predict(docs, layers)`` returning, per
document, a dict layer -> list of :class:`~claimwatch.evaluate.gold.Item`. The peer baselines in
:mod:`claimwatch.evaluate.peers` follow the same shape.

claimwatch is run through ``Pipeline.analyse_many`` (spaCy ``nlp.pipe`` underneath) and its stage
results are turned into items: ``quantities`` -> quantities, ``attributions`` -> attributions
(author-voice sentences are not attributions), ``times`` -> timexes, ``places`` -> toponyms,
``events`` + ``modalities`` -> events, ``claims`` -> claims.
"""

from __future__ import annotations

from typing import Any, Iterable, Protocol

from .gold import GoldDoc, Item
from .scorers import timex_value

__all__ = ["System", "ClaimwatchSystem", "analysis_items"]


class System(Protocol):
    name: str
    layers: tuple[str, ...]
    scores_spans: bool

    def unavailable(self) -> str | None: ...

    def predict(self, docs: list[GoldDoc], layers: Iterable[str]) -> list[dict[str, list[Item]]]: ...


def _get(obj: Any, name: str, default: Any = None) -> Any:
    return getattr(obj, name, default)


def analysis_items(analysis: Any) -> dict[str, list[Item]]:
    """claimwatch stage results (the typed attributes of ``Analysis``) as evaluation items per layer."""
    doc = analysis.doc
    out: dict[str, list[Item]] = {}

    out["quantities"] = [
        Item(tuple(q.span), q.text, {"value": q.best, "unit": q.unit, "qualifier": q.qualifier})
        for q in analysis.quantities
    ]

    attributions = []
    for a in analysis.attributions:
        if _get(a, "name") is None and _get(a, "cue") is None:
            continue  # the author's own voice
        source = _get(a, "source_span") or (a.span if a.name else None)   # the whole source phrase
        roles = {"source": tuple(source) if source else None,
                 "cue": tuple(_get(a, "cue_phrase_span") or a.cue_span) if _get(a, "cue_span") else None,
                 "content": tuple(a.content_span) if _get(a, "content_span") else None}
        first = next((s for s in roles.values() if s is not None), None)
        attributions.append(Item(first, a.name or "", roles))
    out["attributions"] = attributions

    out["timexes"] = [
        Item(tuple(t.span), t.text, {"value": _get(t, "value") or timex_value(t.start, t.end, t.precision),
                                     "type": _get(t, "type")})
        for t in analysis.times
    ]
    out["toponyms"] = [  # toponyms are names (and demonyms, names inside organisations); not "the river"
        Item(tuple(p.span), p.text, {"lat": p.lat, "lon": p.lon, "name": p.name})
        for p in analysis.places if _get(p, "kind", "name") != "anaphor"
    ]

    modalities: list[Item] = []
    by_head: dict[int, Any] = {}
    for m in analysis.modalities:
        by_head[m.head_i] = m
        if doc is not None and 0 <= m.head_i < len(doc):
            tok = doc[m.head_i]
            modalities.append(Item((tok.idx, tok.idx + len(tok.text)), tok.text,
                                   {"certainty": m.certainty, "polarity": m.polarity}))
    out["modalities"] = modalities
    events = []
    for e in analysis.events:
        m = by_head.get(e.head_i) if e.head_i is not None else None
        if m is None:  # a modality on a token inside the trigger
            m = next((by_head[i] for i in by_head
                      if doc is not None and 0 <= i < len(doc) and e.span[0] <= doc[i].idx < e.span[1]), None)
        events.append(Item(tuple(e.span), e.text, {
            "certainty": m.certainty if m else "certain",
            "polarity": m.polarity if m else "positive",
            "event_type": e.event_type}))
    out["events"] = events

    out["claims"] = [Item(tuple(c.span), c.text, {"claim": c.to_dict()}) for c in analysis.claims]
    return out


class ClaimwatchSystem:
    """The claimwatch extraction pipeline."""

    name = "claimwatch"
    layers = ("quantities", "attributions", "timexes", "toponyms", "events", "claims")
    scores_spans = True

    def __init__(self, pipeline: Any = None) -> None:
        self._pipeline = pipeline
        self._error: str | None = None
        self.errors: list[str] = []

    def _load(self) -> Any:
        if self._pipeline is not None or self._error is not None:
            return self._pipeline
        from ..extract import pipeline as pl

        try:
            self._pipeline = pl.get_pipeline()
        except Exception as exc:  # noqa: BLE001 - reported as the system being unavailable
            self._error = f"{exc.__class__.__name__}: {exc}"
        return self._pipeline

    def unavailable(self) -> str | None:
        self._load()
        return self._error

    def predict(self, docs: list[GoldDoc], layers: Iterable[str]) -> list[dict[str, list[Item]]]:
        pipeline = self._load()
        if pipeline is None:
            return [{} for _ in docs]
        try:
            return [analysis_items(a) for a in pipeline.analyse_many([(d.text, d.published) for d in docs])]
        except Exception:  # noqa: BLE001 - find the document(s) that fail, score the rest
            out: list[dict[str, list[Item]]] = []
            for d in docs:
                try:
                    out.append(analysis_items(pipeline.analyse(d.text, d.published)))
                except Exception as exc:  # noqa: BLE001
                    self.errors.append(f"{d.id}: {exc.__class__.__name__}: {exc}")
                    out.append({})
            return out
