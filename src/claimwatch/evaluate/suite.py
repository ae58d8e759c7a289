"""The evaluation suite behind ``make eval``: claimwatch vs the peer baselines on the seed and the
dev sets, printed as ONE table (per dataset and layer, claimwatch and then every peer run on the
same documents: F1 exact / overlap, the layer's accuracy, documents per second).

    python -m claimwatch.evaluate.suite [--data DIR] [--limit N] [--samples] [--no-peers]
                                        [--format table|json] [--detail] [--sets meantime,lgl]

Data: the seed claim gold (``tests/data/seed``) and, for the dev sets, the first ``--limit``
documents of each ``*.jsonl`` set in ``--data`` (default: ``../shared/data/dev`` beside the
checkout when it exists); without that directory, or with ``--samples``, the small committed
samples in ``tests/data/evaluate`` (the quality-gate data) are used. The claim-level dev set
(``<data>/claims``: real reports, every claim, gold estimates) is scored whole, claims and
estimates (:mod:`claimwatch.evaluate.claimset`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterable

from .claimset import evaluate_claim_set, format_claim_set, read_claim_set
from .gold import GoldDoc, read_claim_gold, read_layer_jsonl
from .peers import peers_for
from .report import render_detail, render_table
from .runner import RunResult, annotated_layers, run_system
from .systems import ClaimwatchSystem

__all__ = ["REPO", "SEED_GOLD", "SAMPLES_DIR", "DEV_SETS", "CLAIM_SET", "gate_sets", "dev_sets", "claim_set_dir",
           "run_suite", "main"]

REPO = Path(__file__).resolve().parents[3]
SEED_GOLD = REPO / "tests" / "data" / "seed" / "seed.gold.json"
SAMPLES_DIR = REPO / "tests" / "data" / "evaluate"
DEV_SETS = ("polnear-dev", "meantime", "te3-train", "lgl")
DEV_DIR_CANDIDATES = (REPO.parent / "shared" / "data" / "dev", REPO / "data" / "dev")
DEFAULT_LIMIT = 40
#: the claim-level dev set (real reports, every claim a coder records, gold estimates)
CLAIM_SET = "claims"


#: Documents per dev set in the quality gate: the first N of each set.
GATE_SIZES = {"polnear-dev": 8, "meantime": 15, "te3-train": 12, "lgl": 20}


def gate_sets() -> list[tuple[str, list[GoldDoc]]]:
    """The seed and the first ``GATE_SIZES[name]`` documents of each dev set (what the quality
    gate measures): a sample committed in ``tests/data/evaluate`` where its licence allows,
    else read from the dev data beside the checkout (``../shared/data/dev``)."""
    out = [("seed", [read_claim_gold(SEED_GOLD)])]
    dev_dir = next((d for d in DEV_DIR_CANDIDATES if d.is_dir()), None)
    for name in DEV_SETS:
        sample = SAMPLES_DIR / f"{name}.sample.jsonl"
        if sample.exists():
            out.append((name, read_layer_jsonl(sample)))
        elif dev_dir is not None and (dev_dir / f"{name}.jsonl").exists():
            out.append((name, read_layer_jsonl(dev_dir / f"{name}.jsonl", limit=GATE_SIZES.get(name))))
    return out


def claim_set_dir(data: Path | None = None) -> Path | None:
    """The claim-level dev set folder (``<dev data>/claims``), when it is there."""
    for directory in ([data] if data else list(DEV_DIR_CANDIDATES)):
        if directory is not None and (Path(directory) / CLAIM_SET / "gold").is_dir():
            return Path(directory) / CLAIM_SET
    return None


def dev_sets(data: Path | None, limit: int | None) -> list[tuple[str, list[GoldDoc]]]:
    directory = data or next((d for d in DEV_DIR_CANDIDATES if d.is_dir()), None)
    if directory is None:
        return gate_sets()
    out = [("seed", [read_claim_gold(SEED_GOLD)])]
    for name in DEV_SETS:
        path = Path(directory) / f"{name}.jsonl"
        if path.exists():
            out.append((f"{name}[:{limit}]" if limit else name, read_layer_jsonl(path, limit=limit)))
    return out


def run_suite(sets: Iterable[tuple[str, list[GoldDoc]]], *, peers: bool = True,
              system: ClaimwatchSystem | None = None) -> list[tuple[RunResult, list[RunResult]]]:
    """claimwatch on every set, then each peer once on the layers of the set it covers."""
    system = system or ClaimwatchSystem()
    out = []
    for name, docs in sets:
        ours = run_system(system, docs, dataset=name)
        theirs = [run_system(peer, docs, layers, dataset=name)
                  for peer, layers in (peers_for(annotated_layers(docs)) if peers else [])]
        out.append((ours, theirs))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimwatch.evaluate.suite", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, help="directory of dev sets in the JSONL layer format")
    ap.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="documents per dev set (0 = all)")
    ap.add_argument("--samples", action="store_true", help="use the committed CI samples only")
    ap.add_argument("--no-peers", action="store_true", help="claimwatch only")
    ap.add_argument("--format", choices=("table", "json"), default="table")
    ap.add_argument("--detail", action="store_true", help="also print per-layer details and worst cases")
    ap.add_argument("--sets", default="", help="comma-separated dev sets to run (seed, polnear-dev, meantime, "
                                                "te3-train, lgl, claims); default: all")
    args = ap.parse_args(argv)
    sets = gate_sets() if args.samples else dev_sets(args.data, args.limit or None)
    only = {x.strip() for x in args.sets.split(",") if x.strip()}
    if only:
        sets = [(name, docs) for name, docs in sets if name.split("[")[0] in only]
    results = run_suite(sets, peers=not args.no_peers)
    claim_dir = None if args.samples or (only and CLAIM_SET not in only) else claim_set_dir(args.data)
    claim_result = evaluate_claim_set(read_claim_set(claim_dir)) if claim_dir else None
    if args.format == "json":
        doc: dict[str, Any] = {"results": [{"claimwatch": o.to_dict(), "peers": [p.to_dict() for p in t]}
                                           for o, t in results]}
        if claim_result is not None:
            doc["claim_set"] = claim_result
        json.dump(doc, sys.stdout, indent=1, default=str)
        sys.stdout.write("\n")
        return 0
    print(render_table(results))
    if claim_result is not None:
        print()
        print(format_claim_set(CLAIM_SET, claim_result))
    notes = sorted({n for o, _ in results for n in o.notes})
    errors = [e for o, _ in results for e in o.errors]
    for n in notes:
        print(f"note: {n}")
    for e in errors[:20]:
        print(f"error: {e}")
    if args.detail:
        if claim_result is not None:
            print()
            for line in claim_result["estimates_detail"]["detail"]:
                mark = "ok " if line["status_ok"] else ("bad" if line["found"] else "---")
                print(f"  estimate {mark} {line['name']}" + (f" -> {line['status']}" if line["found"] else ""))
        for ours, theirs in results:
            print()
            print(render_detail(ours))
            for peer in theirs:
                print()
                print(render_detail(peer, worst=5))
    return 0


if __name__ == "__main__":
    sys.exit(main())
