"""One-to-one span matching and the counts behind precision / recall / F1.

Every gold item is matched to at most one prediction and every prediction to at most one gold
item, so duplicated or overlapping predictions cannot inflate a score: an extra copy of a
correct prediction is a false positive.

* ``exact``: spans must be identical.
* ``overlap``: spans must share at least one character. Among the possible pairings the matcher
  finds a maximum one (augmenting paths), trying larger overlaps first, so the pairs used for
  attribute accuracy are the natural ones.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Callable, Sequence

__all__ = ["PRF", "Acc", "MODES", "overlaps", "match_spans", "match_pairs", "prf_of"]

Span = tuple[int, int]
MODES = ("exact", "overlap")


@dataclass
class PRF:
    """True positives, false positives, false negatives; micro-averaged when added."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        # no predictions and nothing to find: perfect; predictions but none right: 0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if self.fp == 0 else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Acc:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    def merge(self, other: "Acc") -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, float | int | None]:
        v = self.value
        return {"acc": None if v is None else round(v, 4), "correct": self.correct, "n": self.total}


def overlaps(a: Span, b: Span) -> bool:
    """Share at least one character (empty spans share none)."""
    return a[0] < a[1] and b[0] < b[1] and a[0] < b[1] and b[0] < a[1]


def _overlap_len(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_pairs(n_gold: int, n_pred: int, candidates: Callable[[int], Sequence[int]]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching. ``candidates(g)`` lists the predictions gold ``g`` may pair
    with, most preferred first. Returns (gold index, prediction index) pairs."""
    pred_of_gold: dict[int, int] = {}
    gold_of_pred: dict[int, int] = {}
    cands = [list(candidates(g)) for g in range(n_gold)]
    limit = sys.getrecursionlimit()
    if n_gold + 50 > limit:
        sys.setrecursionlimit(n_gold + 100)

    def augment(g: int, seen: set[int]) -> bool:
        for p in cands[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in gold_of_pred or augment(gold_of_pred[p], seen):
                gold_of_pred[p] = g
                pred_of_gold[g] = p
                return True
        return False

    # first a greedy pass on first choices (keeps the preferred pairs), then augment
    for g in range(n_gold):
        for p in cands[g]:
            if p not in gold_of_pred:
                gold_of_pred[p] = g
                pred_of_gold[g] = p
                break
    for g in range(n_gold):
        if g not in pred_of_gold and cands[g]:
            augment(g, set())
    return sorted(pred_of_gold.items())


def match_spans(gold: Sequence[Span | None], pred: Sequence[Span | None], mode: str = "overlap",
                compatible: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """Match gold spans to predicted spans one-to-one (``None`` spans never match)."""
    if mode not in MODES:
        raise ValueError(f"unknown matching mode {mode!r}")
    order = sorted(range(len(pred)), key=lambda j: pred[j] or (0, 0))

    def cands(g: int) -> list[int]:
        gs = gold[g]
        if gs is None:
            return []
        if mode == "exact":
            out = [j for j in order if pred[j] == gs]
        else:
            near = {j: ps for j in order if (ps := pred[j]) is not None and overlaps(gs, ps)}
            out = sorted(near, key=lambda j: (-_overlap_len(gs, near[j]),
                                              abs(near[j][0] - gs[0]) + abs(near[j][1] - gs[1])))
        if compatible is not None:
            out = [j for j in out if compatible(g, j)]
        return out

    return match_pairs(len(gold), len(pred), cands)


def prf_of(gold: Sequence[Span | None], pred: Sequence[Span | None], mode: str) -> tuple[PRF, list[tuple[int, int]]]:
    """Counts for one document: matched pairs are true positives."""
    g = [s for s in gold if s is not None]
    p = [s for s in pred if s is not None]
    pairs = match_spans(g, p, mode)
    return PRF(len(pairs), len(p) - len(pairs), len(g) - len(pairs)), pairs

