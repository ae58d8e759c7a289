"""Plain-text rendering of evaluation results: the side-by-side table and the detailed report."""

from __future__ import annotations

from typing import Any, Sequence

from .runner import RunResult
from .scorers import ROLES, LayerScore

__all__ = ["render_table", "render_detail", "EXTRA", "comparison_rows"]

#: the layer-specific accuracy shown next to F1 (label, metric key)
EXTRA: dict[str, list[tuple[str, str]]] = {
    "quantities": [("value", "value")],
    "timexes": [("value", "value")],
    "toponyms": [("<=161km", "within_161km")],
    "events": [("cert@gold", "certainty@gold"), ("pol@gold", "polarity@gold")],
    "claims": [("fields", "fields")],
}


def _f(v: float | None, digits: int = 3) -> str:
    return "-" if v is None else f"{v:.{digits}f}"


def _sub_rows(layer: str) -> list[tuple[str, str]]:
    """(row label, prf key prefix)."""
    if layer == "attributions":
        return [(f"attributions.{r}", r + ".") for r in ROLES]
    if layer == "claims":
        return [("claims", "match")]
    return [(layer, "")]


def _cells(result: RunResult, layer: str, prefix: str) -> list[str]:
    """F1 exact, F1 overlap, accuracy, docs/s of one system on one layer row."""
    if result.unavailable:
        return [result.unavailable[:40], "", "", ""]
    score: LayerScore | None = result.scores.get(layer)
    if score is None:
        return ["-", "-", "-", "-"]
    if layer == "claims":
        exact, overlap = None, score.prf.get("match")
    else:
        exact, overlap = score.prf.get(prefix + "exact"), score.prf.get(prefix + "overlap")
    spans = result.scores_spans
    extra = ""
    for label, key in EXTRA.get(layer, []) if not prefix.endswith(".") else []:
        acc = score.acc.get(key)
        if acc is not None and acc.total:
            extra = f"{label} {acc.value:.3f} n={acc.total}"
            break
    dps = result.docs_per_s if spans else None
    return [_f(exact.f1) if exact and spans else "-", _f(overlap.f1) if overlap and spans else "-", extra,
            "-" if dps is None else f"{dps:.1f}"]


def _covers(peer: RunResult, layer: str) -> bool:
    if layer in peer.scores:
        return True
    return bool(peer.unavailable) and layer in getattr(peer, "layers", ())


def comparison_rows(results: Sequence[tuple[RunResult, Sequence[RunResult]]]) -> list[list[str]]:
    """Per dataset and layer: claimwatch's row, then one row per peer run on that layer."""
    rows = []
    for ours, theirs in results:
        for layer, score in ours.scores.items():
            for label, prefix in _sub_rows(layer):
                rows.append([ours.dataset, label, str(score.gold_items), ours.system] + _cells(ours, layer, prefix))
                for peer in theirs:
                    if _covers(peer, layer):
                        rows.append([ours.dataset, label, "", peer.system] + _cells(peer, layer, prefix))
        if ours.unavailable:
            rows.append([ours.dataset, "(all)", "-", ours.system, ours.unavailable, "", "", ""])
    return rows


HEADER = ["dataset", "layer", "gold", "system", "F1 exact", "F1 overlap", "accuracy", "docs/s"]


def _grid(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths)).rstrip(), line]
    last = None
    for r in rows:
        if last is not None and r[0] != last:
            out.append("")
        last = r[0]
        out.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(out)


def render_table(results: Sequence[tuple[RunResult, Sequence[RunResult]]]) -> str:
    """ONE table: per dataset and layer, claimwatch and then each peer on the same documents:
    F1 (exact, overlap spans), the layer's accuracy and documents per second."""
    return "claimwatch and the peer baselines, same documents, same scorer\n" + _grid(HEADER, comparison_rows(results))


def render_detail(result: RunResult, worst: int = 10) -> str:
    """Everything measured for one system on one gold set, with the worst error patterns."""
    lines = [f"{result.system} on {result.dataset}: {result.docs} documents"
             + (f", {result.docs_per_s:.1f} docs/s" if result.docs_per_s else "")]
    if result.unavailable:
        lines.append(f"  unavailable: {result.unavailable}")
    for note in result.notes:
        lines.append(f"  note: {note}")
    for err in result.errors[:10]:
        lines.append(f"  error: {err}")
    for layer, score in result.scores.items():
        lines.append("")
        lines.append(f"[{layer}] gold {score.gold_items}, predicted {score.pred_items}, documents {score.docs}")
        for key, prf in score.prf.items():
            lines.append(f"  {key:<20} P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}"
                         f"  (tp {prf.tp}, fp {prf.fp}, fn {prf.fn})")
        for key, acc in score.acc.items():
            lines.append(f"  {key:<20} accuracy {_f(acc.value)}  ({acc.correct}/{acc.total})")
        bad = score.worst(worst)
        if bad:
            lines.append("  worst cases (most frequent error patterns):")
            for case in bad:
                lines.append(f"   {case['count']:>4} x {case['kind']}: expected {_show(case['expected'])}, "
                             f"got {_show(case['got'])}")
                if case["context"]:
                    lines.append(f"          e.g. {case['doc']}: {case['context'][:150]}")
    return "\n".join(lines)


def _show(v: Any) -> str:
    if v is None:
        return "nothing"
    s = repr(v) if not isinstance(v, str) else repr(v)
    return s if len(s) <= 70 else s[:67] + "..."
