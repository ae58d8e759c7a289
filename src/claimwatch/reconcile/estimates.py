"""One estimate of a figure from one group of claims: ranges, origins, status, explanation.

* **Ranges.** A claim's interval is ``[low, high]`` with a missing bound open
  (``[0, inf)`` for "many"). A figure replaced by a later, different figure of the same origin
  is *superseded* (a later report: "at least 8" then "9"; for a running total a later as-of
  date; or the same report revising it); a running total of another origin stated for an earlier date and below the
  newest figure is *outdated*. Neither counts any more; denied figures never count.
* **low / best / high** over the current claims: ``low`` the smallest stated lower bound,
  ``high`` the largest stated upper bound (``None`` when no claim bounds it). ``best``
  follows SPEC §3's conservative rule: the lowest ``best`` among the current claims with a
  numeric figure (vague words such as "dozens" only when nothing more precise is stated),
  preferring asserted claims (certain/probable) over possible ones, never an inflated figure.
* **status**: ``conflicting`` when two independent origins' current ranges do not overlap,
  or a report denies the figure; else ``superseded`` when an origin replaced its own figure;
  else ``corroborated`` when two or more separate reports state it (``independent_sources``
  says whether they go back to one origin); else ``single`` (one report; a syndicated copy is
  the same report).
"""

from __future__ import annotations

import math
from typing import Any, cast

from ..model import Estimate, EstimateStatus, Measure, Origin
from .features import ClaimFeatures, qty
from .measures import revises
from .provenance import OriginGroup, origin_groups
from .summary import (
    claim_entries,
    estimate_id,
    fmt_number,
    group_label_of,
    label,
    originality,
    places_of,
    reports_of,
    sources_of,
    time_summary,
)

__all__ = ["interval", "overlaps", "build_estimate", "estimate_id", "fmt_number"]

_INF = math.inf
_ASSERTED = ("certain", "probable")


def interval(f: ClaimFeatures) -> tuple[float, float]:
    assert f.interval is not None
    return f.interval


def overlaps(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def _when(f: ClaimFeatures) -> tuple[str, int]:
    day = f.asof.isoformat() if f.asof else (f.published or "")
    return (day, 1 if revises(f) else 0)


def _replaces(b: ClaimFeatures, a: ClaimFeatures) -> bool:
    """Is ``b`` a later statement of the figure than ``a``?"""
    if a.report == b.report:
        return revises(b) and not revises(a)
    if a.measure == "running" and a.asof and b.asof:
        return b.asof > a.asof
    return bool(a.published and b.published and b.published > a.published)


def _updates(b: ClaimFeatures, a: ClaimFeatures) -> bool:
    """Does ``b`` state another figure than ``a`` ("at least 8" -> "9"; "about 30" -> "30" does not)?"""
    qa, qb = a.claim.quantity, b.claim.quantity
    if qa is None or qb is None or qa.best is None or qb.best is None:
        return not overlaps(a.interval, b.interval)
    return qa.best != qb.best


def _supersession(group: OriginGroup) -> tuple[list[ClaimFeatures], dict[str, str]]:
    """(current claims, superseded uid -> superseding uid) inside one origin group."""
    superseded: dict[str, str] = {}
    ms = [f for f in group.members if f.claim.polarity != "negative"]
    by_uid = {f.uid: f for f in ms}
    for a in ms:
        for b in ms:
            if a is b or not _replaces(b, a) or not _updates(b, a):
                continue
            prev = superseded.get(a.uid)
            if prev is None or _when(b) > _when(by_uid[prev]):
                superseded[a.uid] = b.uid
    return [f for f in ms if f.uid not in superseded], superseded


#: running totals of different origins whose dates come only from publication are a growth
#: (not a disagreement) only when published this many days apart
_GROWTH_DAYS = 7


def _outdated(current: list[ClaimFeatures]) -> set[str]:
    """Running totals stated for an earlier date than the newest, below the newest figure: the
    total has grown since, so they no longer count (not a disagreement). The dates must be
    stated ("as of July 30") or a week apart; a day apart, two totals disagree."""
    running = [f for f in current if f.measure == "running" and f.asof and f.interval]
    if len(running) < 2:
        return set()
    newest = max(f.asof for f in running if f.asof)
    top = [f for f in running if f.asof == newest]
    floor = min(f.interval[0] for f in top if f.interval)
    out = set()
    for f in running:
        if not (f.asof and f.asof < newest and f.interval and f.interval[1] <= floor):
            continue
        stated = f.extra.get("asof_stated") and all(t.extra.get("asof_stated") for t in top)
        if stated or (newest - f.asof).days >= _GROWTH_DAYS:
            out.add(f.uid)
    return out


def _hull(fs: list[ClaimFeatures]) -> tuple[float, float] | None:
    ivs = [f.interval for f in fs if f.interval is not None]
    if not ivs:
        return None
    # the tightest statement of one origin: intersect when they agree, else their hull
    lo, hi = max(i[0] for i in ivs), min(i[1] for i in ivs)
    if lo <= hi:
        return lo, hi
    return min(i[0] for i in ivs), max(i[1] for i in ivs)


def _best(current: list[ClaimFeatures]) -> ClaimFeatures | None:
    with_best = [f for f in current if f.claim.quantity is not None and qty(f).best is not None]
    tiers = (
        [f for f in with_best if qty(f).qualifier != "vague" and f.claim.certainty in _ASSERTED],
        [f for f in with_best if qty(f).qualifier != "vague"],
        with_best,
    )
    for tier in tiers:
        if tier:
            return min(tier, key=lambda f: (qty(f).best, f.published or "9999", f.uid))
    return None


def _conflict(hulls: list[tuple[OriginGroup, tuple[float, float] | None, list[ClaimFeatures]]]):
    """The widest gap between two independent origins' current ranges, or ``None``."""
    conflict = None
    for i, (ga, ha, ca) in enumerate(hulls):
        for gb, hb, cb in hulls[i + 1:]:
            if ha is None or hb is None or ha == (0.0, _INF) or hb == (0.0, _INF):
                continue
            if not overlaps(ha, hb):
                gap = max(ha[0], hb[0]) - min(ha[1], hb[1])
                if conflict is None or gap > conflict[0]:
                    conflict = (gap, (ga, ca), (gb, cb))
    return conflict or _inner_conflict(hulls)


def _inner_conflict(hulls: list[tuple[OriginGroup, tuple[float, float] | None, list[ClaimFeatures]]]):
    """Two reports of one origin whose current figures do not overlap and neither replaces the
    other ("Mexican teams recovered two", "three were found by Mexican officials", both citing one
    statement): the reports disagree on what the source said."""
    for g, _h, cur in hulls:
        for i, a in enumerate(cur):
            for b in cur[i + 1:]:
                if a.report != b.report and a.interval and b.interval and not overlaps(a.interval, b.interval):
                    return (max(a.interval[0], b.interval[0]) - min(a.interval[1], b.interval[1]), (g, [a]), (g, [b]))
    return None


def _explain_conflict(conflict, n_ind: int) -> str:
    _gap, (ga, ca), (gb, cb) = conflict
    fa = min(ca, key=lambda f: (interval(f)[1],) + originality(f))
    fb = min(cb, key=lambda f: (-interval(f)[0],) + originality(f))
    if interval(fa)[0] > interval(fb)[0]:
        (fa, ga), (fb, gb) = (fb, gb), (fa, ga)
    if ga is gb:
        return (f"{label(fa, group_label_of(ga))} vs {label(fb, group_label_of(gb))}: "
                f"reports of the same source give figures that do not overlap")
    return (f"{label(fa, group_label_of(ga))} vs {label(fb, group_label_of(gb))}: "
            f"ranges do not overlap ({n_ind} independent sources)")


def _explain_supersession(superseded: dict[str, str], by_uid: dict[str, ClaimFeatures],
                          group_of: dict[str, OriginGroup], n_ind: int) -> str:
    old_uid, new_uid = max(superseded.items(), key=lambda kv: (_when(by_uid[kv[1]]), kv[0]))
    old, new = by_uid[old_uid], by_uid[new_uid]
    g = group_of[new_uid]
    # name the newest figure by its first, most original report, and the figure it replaced likewise
    same_new = [f for f in g.members if f.uid not in superseded and f.interval == new.interval]
    new = min(same_new or [new], key=lambda f: (f.published or "9999",) + originality(f)[:1] + (f.uid,))
    same_old = [f for f in g.members if superseded.get(f.uid) and f.interval == old.interval]
    old = min(same_old or [old], key=lambda f: (f.published or "9999",) + originality(f)[:1] + (f.uid,))
    name = group_label_of(g)
    return (f"{label(new, name)} supersedes {label(old, name)}: a later figure from the same source"
            + (f"; {n_ind} independent sources" if n_ind > 1 else ""))


def _explain_agreement(hulls, group_of, n_ind: int, n_reports: int) -> str:
    if n_ind >= 2:
        shown = [min(cur, key=originality) for _g, _h, cur in hulls[:3] if cur]
        more = f" and {n_ind - 3} more" if n_ind > 3 else ""
        return (f"{n_ind} independent sources agree, ranges overlap: "
                + " and ".join(label(f, group_label_of(group_of[f.uid])) for f in shown) + more)
    g = hulls[0][0]
    first = min(g.members, key=originality)
    return f"{n_reports} reports agree, all from one source ({group_label_of(g) or 'unattributed'}): {label(first, group_label_of(g))}"


def _denial(members: list[ClaimFeatures]) -> ClaimFeatures | None:
    return next((f for f in sorted(members, key=originality) if f.claim.polarity == "negative"), None)


def build_estimate(members: list[ClaimFeatures], metas: dict[str, dict[str, Any]], *,
                   incident: str | None = None) -> Estimate:
    """Reconcile one group of figures that measure the same thing (see module doc)."""
    groups = origin_groups(members, metas)
    current: list[ClaimFeatures] = []
    superseded: dict[str, str] = {}
    group_of: dict[str, OriginGroup] = {}
    for g in groups:
        cur, sup = _supersession(g)
        current.extend(cur)
        superseded.update(sup)
        for f in g.members:
            group_of[f.uid] = g
    outdated = _outdated(current)
    current = [f for f in current if f.uid not in outdated]
    hulls = [(g, _hull([f for f in current if group_of[f.uid] is g]), [f for f in current if group_of[f.uid] is g])
             for g in groups]
    by_uid = {f.uid: f for f in members}

    best_claim = _best(current)
    best = qty(best_claim).best if best_claim else None
    numeric = [f for f in current if qty(f).qualifier != "vague"] or current
    lows = [v for f in numeric for v in (qty(f).low, qty(f).best) if v is not None]
    highs = [v for f in numeric for v in (qty(f).high, qty(f).best) if v is not None]

    n_ind = len(groups)
    n_reports = reports_of(members)
    conflict = _conflict(hulls)
    denial = _denial(members)
    status: EstimateStatus
    if conflict is not None:
        status, explanation = "conflicting", _explain_conflict(conflict, n_ind)
    elif denial is not None and current:
        status = "conflicting"
        explanation = (f"{label(min(current, key=originality), group_label_of(group_of[min(current, key=originality).uid]))}"
                       f" is denied: {label(denial, group_label_of(group_of[denial.uid]), _quote(denial))}")
    elif superseded:
        status, explanation = "superseded", _explain_supersession(superseded, by_uid, group_of, n_ind)
    elif n_reports >= 2:
        status, explanation = "corroborated", _explain_agreement(hulls, group_of, n_ind, n_reports)
    else:
        status = "single"
        first = min(groups[0].members, key=originality)
        explanation = f"one report: {label(first, group_label_of(groups[0]))}" + (
            f" ({len(members)} mentions)" if len(members) > 1 else "")
    if outdated and status in ("corroborated", "single"):
        explanation += f"; {len(outdated)} earlier running figure(s) no longer count"

    origin_group = groups[0]
    oname, otype = origin_group.representative()
    timeline = []
    if superseded or outdated or members[0].measure == "running":
        for f in sorted(members, key=lambda f: (_when(f), f.uid)):
            q = qty(f)
            timeline.append({"date": f.asof.isoformat() if f.asof else f.published, "best": q.best, "low": q.low,
                             "high": q.high, "text": q.text, "source": group_label_of(group_of[f.uid]),
                             "origin_key": group_of[f.uid].key, "claim": f.uid,
                             "superseded_by": superseded.get(f.uid), "outdated": f.uid in outdated})
    measure = cast(Measure, members[0].measure)
    return Estimate(
        id=estimate_id(members), event_type=_common(f.event_type for f in members),
        unit=_common(f.unit for f in members),
        low=min(lows) if lows else None, best=best, high=max(highs) if highs else None,
        status=status, explanation=explanation, independent_sources=n_ind,
        origin=Origin(name=oname, type=otype, first_published=origin_group.first_published),
        sources=sources_of([(g, h) for g, h, _c in hulls]), time=time_summary(members, measure),
        places=places_of(members), claims=claim_entries(members, group_of, superseded), timeline=timeline,
        kind="count", measure=measure, incident=incident,
    )


def _quote(f: ClaimFeatures) -> str:
    text = " ".join((f.claim.text or "").split())
    return f"“{text[:80]}{'…' if len(text) > 80 else ''}”"


def _common(values) -> str | None:
    """The most frequent known value ("?" is unknown), ties broken alphabetically."""
    counts: dict[str, int] = {}
    for v in values:
        if v and v != "?":
            counts[v] = counts.get(v, 0) + 1
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
