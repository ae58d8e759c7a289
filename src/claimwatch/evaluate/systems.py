"""Systems under evaluation: claimwatch itself, as items per layer.

A *system* has a ``name``, the ``layers`` it predicts, ``unavailable()`` (``None`` when it can
run, else a one-line reason such as "not installed") and ``predict(docs, layers)`` returning, per
document, a dict layer -> list of :class:`~claimwatch.evaluate.gold.Item`. The peer baselines in
:mod:`claimwatch.evaluate.peers` follow the same shape.

claimwatch is run through ``Pipeline.analyse_many`` (spaCy ``nlp.pipe`` underneath, the same
stages as :func:`claimwatch.analyse`) and scored on its public layers
(:class:`~claimwatch.extract.layers.Mentions`): ``quantities`` (the numbers layer) -> quantities,
``attributions`` -> attributions (author-voice sentences are not attributions), ``times`` ->
timexes (TIMEX3 values), ``places`` -> toponyms, ``events`` -> events; plus the predicates'
modalities and the ``claims``.
"""

from __future__ import annotations

from typing import Any, Iterable, Protocol

from ..extract.layers import Mentions, mentions_of
from .gold import GoldDoc, Item

__all__ = ["System", "ClaimwatchSystem", "analysis_items", "mention_items"]


class System(Protocol):
    name: str
    layers: tuple[str, ...]
    scores_spans: bool

    def unavailable(self) -> str | None: ...

    def predict(self, docs: list[GoldDoc], layers: Iterable[str]) -> list[dict[str, list[Item]]]: ...


def mention_items(mentions: Mentions) -> dict[str, list[Item]]:
    """claimwatch's public layers (:func:`claimwatch.analyse`) as evaluation items per layer."""
    out: dict[str, list[Item]] = {}
    out["quantities"] = [
        Item(q.span, q.text, {"value": q.best, "unit": q.unit, "qualifier": q.qualifier, "kind": q.kind,
                              "count": q.is_count, "change": q.change})
        for q in mentions.quantities
    ]
    out["attributions"] = [
        Item(a.span, a.source.text if a.source else "",
             {role: getattr(a, role).span if getattr(a, role) is not None else None
              for role in ("source", "cue", "content")})
        for a in mentions.attributions
    ]
    out["timexes"] = [Item(t.span, t.text, {"value": t.value, "type": t.type}) for t in mentions.times]
    out["toponyms"] = [Item(p.span, p.text, {"lat": p.lat, "lon": p.lon, "name": p.name}) for p in mentions.places]
    out["events"] = [Item(e.span, e.text, {"certainty": e.certainty, "polarity": e.polarity,
                                           "event_type": e.event_type}) for e in mentions.events]
    return out


def _modalities(analysis: Any) -> list[Item]:
    """The modality of every predicate (scored on the gold events' predicates)."""
    doc = analysis.doc
    out = []
    for m in analysis.modalities:
        if doc is not None and 0 <= m.head_i < len(doc):
            tok = doc[m.head_i]
            out.append(Item((tok.idx, tok.idx + len(tok.text)), tok.text,
                            {"certainty": m.certainty, "polarity": m.polarity}))
    return out


def analysis_items(analysis: Any) -> dict[str, list[Item]]:
    """An analysed article as evaluation items per layer: the public layers (through
    :func:`~claimwatch.extract.layers.mentions_of`, what ``claimwatch.analyse`` returns), the
    predicates' modalities and the claims."""
    out = mention_items(mentions_of(analysis))
    for item in out["quantities"]:  # the span the count claim gives the figure ("dozens" of "dozens of")
        span = item.span
        if item.attrs["count"] and span is not None:
            q = next((q for q in analysis.quantities if q.span[0] < span[1] and span[0] < q.span[1]), None)
            item.attrs["count_span"] = tuple(q.span) if q is not None else span
    out["modalities"] = _modalities(analysis)
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
            self._pipeline = pl.get_pipeline(layers=True)
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
