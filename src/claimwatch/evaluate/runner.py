"""Run one system over gold documents and score every annotated layer it predicts."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Iterable

from .claims import score_claims
from .gold import LAYERS, GoldDoc
from .scorers import LayerScore, score_layer

__all__ = ["RunResult", "run_system", "annotated_layers"]

_WARMUP = ("Police said on Monday that about 30 people were detained in Paris. \"We are working,\" "
           "the spokesman said. Nobody has died, according to officials.")


@dataclass
class RunResult:
    system: str
    dataset: str
    docs: int = 0
    seconds: float = 0.0
    scores: dict[str, LayerScore] = field(default_factory=dict)
    unavailable: str | None = None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    scores_spans: bool = True
    #: the layers the system was asked for (shown even when it could not run)
    layers: list[str] = field(default_factory=list)

    @property
    def docs_per_s(self) -> float | None:
        return self.docs / self.seconds if self.seconds > 0 and self.docs else None

    def metrics(self) -> dict[str, float]:
        """Flat ``<layer>.<metric>`` -> value."""
        out: dict[str, float] = {}
        for layer, score in self.scores.items():
            for key, value in score.metrics().items():
                out[f"{layer}.{key}"] = value
        return out

    def to_dict(self, worst: int = 10) -> dict[str, Any]:
        return {"system": self.system, "dataset": self.dataset, "docs": self.docs,
                "seconds": round(self.seconds, 3),
                "docs_per_s": None if self.docs_per_s is None else round(self.docs_per_s, 2),
                "unavailable": self.unavailable, "errors": self.errors, "notes": self.notes,
                "layers": {k: v.to_dict(worst) for k, v in self.scores.items()}}


def annotated_layers(docs: list[GoldDoc]) -> list[str]:
    return [name for name in LAYERS if any(d.layer(name) is not None for d in docs)]


def run_system(system: Any, docs: list[GoldDoc], layers: Iterable[str] | None = None,
               dataset: str | None = None) -> RunResult:
    """Predict with ``system`` on ``docs`` (timed) and score the layers both annotate."""
    wanted = [name for name in (layers or LAYERS) if name in annotated_layers(docs) and name in system.layers]
    result = RunResult(system.name, dataset or (docs[0].dataset if docs else "?"),
                       scores_spans=getattr(system, "scores_spans", True), layers=list(wanted))
    reason = system.unavailable()
    if reason:
        result.unavailable = reason
        return result
    if not wanted:
        return result
    if not getattr(system, "_warm", False):  # lazy loading is not throughput: warm up once
        system.predict([GoldDoc("warm-up", "warm-up", _WARMUP, "2024-01-15", {})], wanted)
        for attr in ("errors",):
            if isinstance(getattr(system, attr, None), list):
                getattr(system, attr).clear()
        try:
            system._warm = True
        except AttributeError:
            pass
    t0 = time.perf_counter()
    predictions = system.predict(docs, wanted)
    result.seconds = time.perf_counter() - t0
    result.docs = len(docs)
    result.errors = list(getattr(system, "errors", []) or [])
    result.notes = [f"stage not loaded: {m}" for m in getattr(system, "missing", []) or []]
    result.notes += list(getattr(system, "notes", []) or [])
    for layer in wanted:
        score = LayerScore(layer)
        for doc, pred in zip(docs, predictions):
            gold = doc.layer(layer)
            if gold is None:
                continue
            items = [s for s in (doc.scored_item(layer, i) for i in pred.get(layer, [])) if s is not None]
            if layer == "claims":
                score_claims(score, gold, items, doc.text, doc.id)
            else:
                modalities = [m for m in pred.get("modalities", []) if doc.in_extent(m.span)]
                score_layer(score, layer, gold, items, doc.text, doc.id,
                            modalities=modalities if layer == "events" else None)
        result.scores[layer] = score
    return result
