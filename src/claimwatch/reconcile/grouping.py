"""Grouping: which claims (or report segments) belong together.

One clustering routine serves every level (:func:`agglomerate`): greedy agglomerative
clustering over candidate pairs in descending link score; two clusters merge when the
linking pair scores at least the threshold and *every* cross pair satisfies the hard
constraints (complete linkage on constraints), so a vague claim cannot bridge two different
things. Reviewers' must-links (:mod:`.curation`) are merged first and their members are not
checked against each other; their cannot-links are hard constraints. Deterministic: the
result does not depend on the order of the input.

This module also groups the *totals* — running totals and period totals, which are not
incidents (:mod:`.incidents` groups those): inside a block ``(event_type, unit class,
period)``, two totals measure the same thing when their places agree (a total is defined by
its own area: a total for the Tisza is not the national total), their event types agree (an
unknown one matches), their starts agree (running totals counted from starts within a year),
both or neither are rates, both or neither are parts of a total, and their subjects and figures
are alike. One report's two figures more than 15% apart are two totals unless it updates one.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Sequence, TypeVar

from .features import ClaimFeatures
from .geo import GeoPoint, area_score, is_specific
from .similarity import dice

__all__ = ["agglomerate", "values_compatible", "value_score", "different_figures", "cluster_totals", "LINK_THRESHOLD",
           "same_sentence_or_part", "revises"]

T = TypeVar("T")

#: minimum link score for two totals to be grouped
LINK_THRESHOLD = 0.55
#: Dice similarity at which subject agreement counts as full
_DICE_FULL = 0.35
_W_LEX, _W_PLACE, _W_TIME, _W_VALUE = 0.35, 0.30, 0.15, 0.20
#: two figures that do not overlap can still be one measure reported differently (72 vs 78,
#: 9 vs 11) unless one is more than this many times the other and they differ by more than 2
_MAX_RATIO = 2.0


def agglomerate(items: Sequence[T], score: Callable[[T, T], float | None], threshold: float, *,
                order: Callable[[T], Any], must: Iterable[tuple[int, int]] = (),
                cannot: Iterable[tuple[int, int]] = (),
                candidates: Iterable[tuple[int, int]] | None = None) -> list[list[T]]:
    """Partition ``items``: ``score(a, b)`` is ``None`` when a and b can never be together,
    else a link strength in [0, 1]. ``must``/``cannot`` are index pairs (reviewer links);
    ``candidates`` limits the pairs scored (all pairs when ``None``). Groups come out sorted
    by ``order`` and in order of their first member."""
    idx = sorted(range(len(items)), key=lambda i: order(items[i]))
    pos = {orig: k for k, orig in enumerate(idx)}
    xs = [items[i] for i in idx]
    n = len(xs)
    if n <= 1:
        return [list(xs)] if xs else []
    bad = {(min(pos[a], pos[b]), max(pos[a], pos[b])) for a, b in cannot if a != b}
    memo: dict[tuple[int, int], float | None] = {}

    def link(i: int, j: int) -> float | None:
        k = (i, j) if i < j else (j, i)
        if k in bad:
            return None
        if k not in memo:
            memo[k] = score(xs[k[0]], xs[k[1]])
        return memo[k]

    owner = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    pinned: set[tuple[int, int]] = set()  # pairs a reviewer put together: not checked against each other

    def join(ci: int, cj: int) -> int:
        if len(members[ci]) < len(members[cj]):
            ci, cj = cj, ci
        for x in members[cj]:
            owner[x] = ci
        members[ci].extend(members.pop(cj))
        return ci

    for a, b in must:
        i, j = pos[a], pos[b]
        ci, cj = owner[i], owner[j]
        if ci != cj:
            for x in members[ci]:
                for y in members[cj]:
                    pinned.add((min(x, y), max(x, y)))
            join(ci, cj)
    pairs = ((pos[a], pos[b]) for a, b in candidates) if candidates is not None else \
        ((i, j) for i in range(n) for j in range(i + 1, n))
    scored = []
    for i, j in pairs:
        i, j = min(i, j), max(i, j)
        if i == j:
            continue
        s = link(i, j)
        if s is not None and s >= threshold:
            scored.append((s, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    for _s, i, j in scored:
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        if any((min(x, y), max(x, y)) not in pinned and link(x, y) is None
               for x in members[ci] for y in members[cj]):
            continue
        join(ci, cj)
    groups = [sorted((xs[i] for i in m), key=order) for m in members.values()]
    groups.sort(key=lambda g: order(g[0]))
    return groups


def values_compatible(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    """Could two figures be reports of one measure? Overlapping intervals, or close enough to be
    a disagreement (72 vs 78) rather than two different things (6 vs 53)."""
    if a is None or b is None:
        return True
    if a[0] <= b[1] and b[0] <= a[1]:
        return True
    small, big = (a, b) if a[1] < b[0] else (b, a)
    gap = big[0] - small[1]
    return gap <= 2 or (small[1] > 0 and big[0] / small[1] <= _MAX_RATIO)


def value_score(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """How alike two figures are: 1 for the same figure (the same vague word counts); 0.6 for
    overlapping figures within 15% of each other; 0.3 for overlapping ones further apart (an
    open "at least 30" against 42), a vague word against a figure, or close figures that do not
    overlap (72 vs 78); 0.1 for figures apart but not too far to be one measure; else 0."""
    qa, qb = a.claim.quantity, b.claim.quantity
    if qa is None or qb is None or a.interval is None or b.interval is None:
        return 0.0
    vague = qa.qualifier == "vague" or qb.qualifier == "vague"
    if qa.best is not None and qa.best == qb.best and (not vague or a.interval == b.interval):
        return 1.0
    ia, ib = a.interval, b.interval
    ba = qa.best if qa.best is not None else ia[0]
    bb = qb.best if qb.best is not None else ib[0]
    rel = abs(ba - bb) / max(abs(ba), abs(bb), 1.0)
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        return 0.3 if vague or rel > 0.15 else 0.6
    if not values_compatible(ia, ib):
        return 0.0
    return 0.3 if rel <= 0.25 or abs(ba - bb) <= 1 else 0.1


_REVISION = re.compile(r"\b(?:revis\w*|amend\w*|correct\w*|updat\w*|(?:rose|risen|climbed|increased|fell|dropped|"
                       r"lowered|raised)\s+to|instead\s+of|and\s+not|rather\s+than|later)\b", re.I)


def revises(f: ClaimFeatures) -> bool:
    """The figure's sentence revises an earlier figure ("the death toll was later revised to 79")."""
    return bool(_REVISION.search(f.claim.text or ""))


_UPPER = ("less_than", "at_most")


def different_figures(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two different figures: different numbers, a vague word and a number ("dozens", "37"),
    or an upper bound and a figure ("less than 10,000", "about 10,000")."""
    qa, qb = a.claim.quantity, b.claim.quantity
    if qa is None or qb is None:
        return False
    return (qa.best != qb.best or (qa.qualifier == "vague") != (qb.qualifier == "vague")
            or (qa.qualifier in _UPPER) != (qb.qualifier in _UPPER))


def same_sentence_or_part(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two figures of one sentence, or a part and its total (or a figure equal to that total):
    never one measure."""
    if a.kind == "count" and b.kind == "count" and a.sentence == b.sentence and a.uid != b.uid:
        return True
    if a.part_of == b.uid or b.part_of == a.uid:
        return True
    for part, other in ((a, b), (b, a)):
        total = part.extra.get("total_best")
        q = other.claim.quantity
        if total is not None and q is not None and q.best == total and not other.part_of:
            return True
    return False


# -- totals ------------------------------------------------------------------------------------

def _time_score(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    """None = incompatible in time; else closeness in [0, 1]."""
    if a.measure == "running":
        if a.cum_start and b.cum_start:
            gap = abs((a.cum_start - b.cum_start).days)
            return 1.0 if gap <= 31 else (0.6 if gap <= 366 else None)
        return 0.7
    return 1.0  # same period key by construction


#: a running total can grow past twice its size only over this many days
_GROWTH_DAYS = 31


def _grown(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two figures of a running total stated for dates far enough apart that it may have grown
    from one to the other."""
    if a.measure != "running" or a.asof is None or b.asof is None or a.interval is None or b.interval is None:
        return False
    (d1, i1), (d2, i2) = sorted(((a.asof, a.interval), (b.asof, b.interval)))
    return (d2 - d1).days > _GROWTH_DAYS and i2[1] >= i1[0]


def _overlap(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    return bool(a.interval and b.interval and a.interval[0] <= b.interval[1] and b.interval[0] <= a.interval[1])


def _area(f: ClaimFeatures) -> tuple[GeoPoint, ...]:
    """Where a total is counted: the places its own sentence states, else those of its paragraph or
    report; where people came from does not count (see :func:`.geo.area_score`)."""
    own = tuple(g for g in f.own_points if g.role != "origin")
    return own or tuple(g for g in f.points if g.role != "origin")


def _distinct(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two figures one report gives for different things: ranges apart, or stated figures more than
    15% apart ("over a fifth" and "more than 100,000" of one total both reach up without bound)."""
    if not _overlap(a, b):
        return True
    qa, qb = a.claim.quantity, b.claim.quantity
    if qa is None or qb is None or qa.best is None or qb.best is None:
        return False
    return abs(qa.best - qb.best) > 0.15 * max(abs(qa.best), abs(qb.best), 1)


def _total_link(a: ClaimFeatures, b: ClaimFeatures) -> float | None:
    if a.key != b.key or same_sentence_or_part(a, b):
        return None
    if a.extra.get("rate") != b.extra.get("rate"):
        return None  # a daily average is not the total
    if bool(a.part_of) != bool(b.part_of):
        return None  # a share of a total ("a fifth of the migrants") is not a total
    if a.event_type != b.event_type and "?" not in (a.event_type, b.event_type):
        return None
    if bool(a.extra.get("projection")) != bool(b.extra.get("projection")):
        return None  # a projection ("by the end of the year") is not the total so far
    if not values_compatible(a.interval, b.interval) and not _grown(a, b):
        return None
    if a.article_id == b.article_id and _distinct(a, b) and not (a.measure == "running" and (revises(a) or revises(b))):
        return None  # one report, two different totals: two measures (unless it updates one by the other)
    t = _time_score(a, b)
    if t is None:
        return None
    if is_specific(a.own_points) != is_specific(b.own_points):
        return None  # a total is defined by the area its own sentence states
    p = area_score(_area(a), _area(b))
    if p <= 0.0:
        return None
    lex = min(1.0, dice(a.tokens, b.tokens) / _DICE_FULL)
    return _W_LEX * lex + _W_PLACE * p + _W_TIME * t + _W_VALUE * value_score(a, b)


def cluster_totals(items: list[ClaimFeatures], *, must: Iterable[tuple[int, int]] = (),
                   cannot: Iterable[tuple[int, int]] = ()) -> list[list[ClaimFeatures]]:
    """Partition one block of totals ``(unit class, period)`` into groups that measure the same total.
    Only totals of one event type (or of an unknown one) are candidate pairs."""
    by_type: dict[str, list[int]] = {}
    for i, f in enumerate(items):
        by_type.setdefault(f.event_type, []).append(i)
    unknown = by_type.get("?", [])
    pairs: set[tuple[int, int]] = set()
    for etype, idx in by_type.items():
        others = idx if etype == "?" else idx + unknown
        for x, i in enumerate(others):
            for j in others[x + 1:]:
                if i != j:
                    pairs.add((min(i, j), max(i, j)))
    return agglomerate(items, _total_link, LINK_THRESHOLD, order=lambda f: (f.published or "", f.uid),
                       must=must, cannot=cannot, candidates=sorted(pairs))
