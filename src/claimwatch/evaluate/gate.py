"""The quality gate: pinned minimum scores per dataset and metric in ``baseline.json``.

    python -m claimwatch.evaluate.gate                 # measure and check; exit 1 below a floor
    python -m claimwatch.evaluate.gate --update        # raise floors to the current scores
    python -m claimwatch.evaluate.gate --lower-floor --reason "why"   # also lower, recorded

The gate measures claimwatch on the seed and the committed dev samples
(``tests/data/evaluate``; see :func:`claimwatch.evaluate.suite.gate_sets`), and on the whole
claim-level dev set (``../shared/data/dev/claims``: claims and estimates, see
:mod:`claimwatch.evaluate.claimset`). A floor is the
measured score rounded down to two decimals minus :data:`MARGIN`. Scores may rise freely;
``--update`` only ever raises floors (and adds floors for new metrics). Lowering a floor needs
``--lower-floor`` with a ``--reason``, which is recorded in ``baseline.json`` under ``lowered``
(so the change and its reason show up in review).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import sys
from pathlib import Path
from typing import Any

from ..errors import EvaluationError, QualityGateError
from .runner import RunResult

__all__ = ["BASELINE", "MARGIN", "GATED_ACCURACIES", "gated_metrics", "measure", "load_baseline",
           "save_baseline", "floor_for", "check", "update", "lower", "main"]

BASELINE = Path(__file__).with_name("baseline.json")
MARGIN = 0.01
#: accuracies worth a floor (the per-field claim accuracies are reported, not gated)
GATED_ACCURACIES = ("value", "unit", "within_161km", "certainty@gold", "polarity@gold", "fields")


def gated_metrics(result: RunResult) -> dict[str, float]:
    """The metrics the gate pins for one dataset: every span F1 and the main accuracies."""
    out: dict[str, float] = {}
    for layer, score in result.scores.items():
        for key, prf in score.prf.items():
            if layer == "claims" and key != "match":
                continue
            if prf.tp + prf.fp + prf.fn:
                out[f"{layer}.{key}.f1"] = round(prf.f1, 4)
        for key in GATED_ACCURACIES:
            acc = score.acc.get(key)
            if acc is not None and acc.total:
                out[f"{layer}.{key}.acc"] = round(acc.value or 0.0, 4)
    return dict(sorted(out.items()))


def measure(system: Any = None) -> dict[str, dict[str, float]]:
    """Run claimwatch on the gate data: dataset -> metric -> score."""
    from .claimset import evaluate_claim_set, iter_claim_metrics, read_claim_set
    from .runner import run_system
    from .suite import CLAIM_SET, claim_set_dir, gate_sets
    from .systems import ClaimwatchSystem

    system = system or ClaimwatchSystem()
    out: dict[str, dict[str, float]] = {}
    for name, docs in gate_sets():
        result = run_system(system, docs, dataset=name)
        if result.unavailable:
            raise QualityGateError(name, detail=f"claimwatch cannot run: {result.unavailable}")
        out[name] = gated_metrics(result)
    claim_dir = claim_set_dir()
    if claim_dir is not None:
        out[CLAIM_SET] = {k: round(v, 4) for k, v in iter_claim_metrics(evaluate_claim_set(read_claim_set(claim_dir)))}
    return out


def load_baseline(path: Path = BASELINE) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"floors": {}, "lowered": []}
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(str(path), detail=str(exc)) from None
    data.setdefault("floors", {})
    data.setdefault("lowered", [])
    return data


def save_baseline(data: dict[str, Any], path: Path = BASELINE) -> None:
    data = dict(data)
    data["floors"] = {ds: dict(sorted(m.items())) for ds, m in sorted(data["floors"].items())}
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def floor_for(score: float) -> float:
    """The floor pinned for a measured score: rounded down to 2 decimals, minus the margin."""
    return max(0.0, round(math.floor(score * 100 + 1e-9) / 100 - MARGIN, 2))


def check(measured: dict[str, dict[str, float]], baseline: dict[str, Any]) -> list[str]:
    """Every floor the measurement falls below (a metric that disappeared counts as 0)."""
    failures = []
    for dataset, floors in sorted(baseline.get("floors", {}).items()):
        got = measured.get(dataset)
        if got is None:
            failures.append(f"{dataset}: not measured")
            continue
        for metric, floor in sorted(floors.items()):
            value = got.get(metric, 0.0)
            if value + 1e-9 < floor:
                failures.append(f"{dataset} {metric}: {value:.4f} < floor {floor:.2f}")
    return failures


def update(measured: dict[str, dict[str, float]], baseline: dict[str, Any]) -> list[str]:
    """Raise floors to the current scores (never lowers); add floors for new metrics."""
    changes = []
    floors = baseline.setdefault("floors", {})
    for dataset, metrics in measured.items():
        pinned = floors.setdefault(dataset, {})
        for metric, value in metrics.items():
            new = floor_for(value)
            old = pinned.get(metric)
            if old is None or new > old:
                pinned[metric] = new
                changes.append(f"{dataset} {metric}: {'new' if old is None else f'{old:.2f}'} -> {new:.2f}")
    return changes


def lower(measured: dict[str, dict[str, float]], baseline: dict[str, Any], reason: str,
          when: str | None = None) -> list[str]:
    """Lower the floors the measurement falls below, recording ``reason`` for each."""
    if not reason or not reason.strip():
        raise QualityGateError("baseline.json", detail="lowering a floor needs --reason")
    when = when or _dt.date.today().isoformat()
    changes = []
    for dataset, floors in baseline.get("floors", {}).items():
        got = measured.get(dataset, {})
        for metric, floor in list(floors.items()):
            value = got.get(metric, 0.0)
            if value + 1e-9 < floor:
                new = floor_for(value)
                floors[metric] = new
                baseline.setdefault("lowered", []).append(
                    {"date": when, "dataset": dataset, "metric": metric, "from": floor, "to": new,
                     "reason": reason.strip()})
                changes.append(f"{dataset} {metric}: {floor:.2f} -> {new:.2f} (lowered)")
    return changes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimwatch.evaluate.gate", description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true", help="raise floors to the current scores (never lowers)")
    ap.add_argument("--lower-floor", action="store_true", help="also lower floors the scores fall below")
    ap.add_argument("--reason", default="", help="why a floor is lowered (required with --lower-floor)")
    ap.add_argument("--baseline", type=Path, default=BASELINE)
    args = ap.parse_args(argv)
    if args.lower_floor and not args.reason.strip():
        print("claimwatch: error: --lower-floor: a --reason is required", file=sys.stderr)
        return 2
    baseline = load_baseline(args.baseline)
    try:
        measured = measure()
    except EvaluationError as exc:
        print(exc.cli_line(), file=sys.stderr)
        return 1
    changes: list[str] = []
    if args.lower_floor:
        changes += lower(measured, baseline, args.reason)
    if args.update or args.lower_floor:
        changes += update(measured, baseline)
        save_baseline(baseline, args.baseline)
    for c in changes:
        print(c)
    failures = check(measured, baseline)
    for dataset, metrics in measured.items():
        floors = baseline["floors"].get(dataset, {})
        for metric, value in metrics.items():
            floor = floors.get(metric)
            print(f"{dataset:<12} {metric:<36} {value:.4f}  floor {'-' if floor is None else f'{floor:.2f}'}")
    if failures:
        err = QualityGateError(args.baseline.name, detail=f"{len(failures)} score(s) below their floor")
        print(err.cli_line(), file=sys.stderr)
        for f in failures:
            print(f"  {f}", file=sys.stderr)
        return 1
    print("quality gate: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
