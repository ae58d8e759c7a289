"""Grouping inside a block: which claims measure the same thing.

Hard constraints (all must hold for two claims to share an estimate):
same event type, unit class and kind of measure (guaranteed by the block),
compatible time (incidents within :data:`~.timing.INCIDENT_WINDOW_DAYS` of each
other, or within :data:`~.timing.EVENT_DAY_TOLERANCE` when both give the event's
day; running totals counted from the same start) and compatible places (:mod:`.geo`).

Soft evidence, combined into a link score in [0, 1]: subject similarity
(:mod:`.similarity`), place agreement and closeness in time. Clustering is
greedy agglomerative over candidate pairs in descending score: two clusters
merge when the linking pair scores at least :data:`LINK_THRESHOLD` and *every*
cross pair satisfies the hard constraints (complete linkage on constraints), so
a vague claim cannot bridge two different events.
"""

from __future__ import annotations

from .blocking import ClaimFeatures
from .geo import is_specific, place_score
from .similarity import dice
from .timing import EVENT_DAY_TOLERANCE, INCIDENT_WINDOW_DAYS

__all__ = ["LINK_THRESHOLD", "link_score", "compatible", "cluster_block"]

#: minimum link score for two claims to be grouped
LINK_THRESHOLD = 0.55
#: Dice similarity at which subject agreement counts as full
_DICE_FULL = 0.35
_W_LEX, _W_PLACE, _W_TIME = 0.45, 0.35, 0.20


def _time_score(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    """None = incompatible in time; else closeness in [0, 1]."""
    if a.measure == "cumulative":
        if a.cum_start and b.cum_start:
            gap = abs((a.cum_start - b.cum_start).days)
            return 1.0 if gap <= 31 else (0.6 if gap <= 366 else None)
        return 0.7
    if a.measure == "period":
        return 1.0  # same period key by construction
    if a.ref is None or b.ref is None:
        return 0.5
    gap = abs((a.ref - b.ref).days)
    limit = EVENT_DAY_TOLERANCE if (a.explicit_day and b.explicit_day) else INCIDENT_WINDOW_DAYS
    if gap > limit:
        return None
    return 1.0 - gap / (limit + 1)


def _place(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """Place agreement; a total is defined by its area, so a running or period total for a
    named place (the Tisza) is a different measure from a national total (Ukraine)."""
    if a.measure != "incident" and is_specific(a.points) != is_specific(b.points):
        return 0.0
    return place_score(a.points, b.points)


def compatible(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """The hard constraints only."""
    if a.key != b.key:
        return False
    if _time_score(a, b) is None:
        return False
    return _place(a, b) > 0.0


def link_score(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    """``None`` when the claims cannot measure the same thing, else how likely they do."""
    if a.key != b.key:
        return None
    t = _time_score(a, b)
    if t is None:
        return None
    p = _place(a, b)
    if p <= 0.0:
        return None
    lex = min(1.0, dice(a.tokens, b.tokens) / _DICE_FULL)
    return _W_LEX * lex + _W_PLACE * p + _W_TIME * t


def cluster_block(items: list[ClaimFeatures], threshold: float = LINK_THRESHOLD) -> list[list[ClaimFeatures]]:
    """Partition one block's claims into groups that measure the same thing.

    Deterministic: the result does not depend on the order of ``items``."""
    items = sorted(items, key=lambda f: (f.published or "", f.uid))
    n = len(items)
    if n == 0:
        return []
    if n == 1:
        return [items]
    incompatible: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int]] = []
    for i in range(n):
        a = items[i]
        for j in range(i + 1, n):
            s = link_score(a, items[j])
            if s is None:
                incompatible.add((i, j))
            elif s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    owner = list(range(n))
    for _s, i, j in pairs:
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        if any((min(x, y), max(x, y)) in incompatible for x in members[ci] for y in members[cj]):
            continue
        if len(members[ci]) < len(members[cj]):
            ci, cj = cj, ci
        for x in members[cj]:
            owner[x] = ci
        members[ci].extend(members.pop(cj))
    groups = [sorted((items[i] for i in m), key=lambda f: (f.published or "", f.uid)) for m in members.values()]
    groups.sort(key=lambda g: (g[0].published or "", g[0].uid))
    return groups
