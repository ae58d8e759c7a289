"""One estimate from one group of claims: ranges, origins, status and its explanation.

* **Ranges.** A claim's interval is ``[low, high]`` with a missing bound open
  (``[0, inf)`` for "many"). Claims of the same origin that a later report of
  that origin contradicts (non-overlapping, published at least a day later) are
  *superseded*; the rest are *current*.
* **low / best / high** over the current claims: ``low`` the smallest stated
  lower bound, ``high`` the largest stated upper bound (``None`` when no claim
  bounds it). ``best`` follows ACLED's conservative habit: the lowest ``best``
  among the current claims with a numeric figure (vague words such as
  "dozens" only when nothing more precise is stated), preferring asserted
  claims (certain/probable) over possible ones, never an inflated figure.
* **status**: ``conflicting`` when two independent origins' current intervals
  do not overlap; else ``superseded`` when an origin replaced its own earlier
  figure; else ``corroborated`` with two or more independent origins; else ``single``.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

from ..model import Estimate, EstimateClaim, Origin
from .blocking import ClaimFeatures
from .provenance import OriginGroup, origin_groups

__all__ = ["interval", "overlaps", "build_estimate", "estimate_id", "fmt_number"]

_INF = math.inf
_ASSERTED = ("certain", "probable")


def interval(f: ClaimFeatures) -> tuple[float, float]:
    q = f.claim.quantity
    assert q is not None
    lo = q.low if q.low is not None else (q.best if q.qualifier in ("exact", "more_than", "at_least") and q.best is not None else 0.0)
    hi = q.high if q.high is not None else (q.best if q.qualifier in ("exact",) and q.best is not None else _INF)
    if q.best is not None:
        lo = min(lo, q.best)
        hi = max(hi, q.best)
    return float(lo), float(hi)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def fmt_number(x: float | int | None) -> str:
    if x is None:
        return "?"
    if x == _INF:
        return "∞"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def estimate_id(members: list[ClaimFeatures]) -> str:
    """Stable id: from the earliest claim of the group (new, later reports keep it)."""
    anchor = min(members, key=lambda f: (f.published or "9999", f.uid))
    return "e" + hashlib.sha1(anchor.uid.encode("utf-8")).hexdigest()[:12]


def _label(f: ClaimFeatures, group_name: str | None) -> str:
    q = f.claim.quantity
    src = f.claim.source
    who = src.canonical or src.name if src.type not in ("author",) and (src.canonical or src.name) else None
    outlet = f.meta.get("outlet")
    where = " ".join(x for x in (outlet, f.published) if x)
    parts = [p for p in (who, where) if p]
    if not parts and group_name:
        parts = [group_name]
    return f"{q.text} ({', '.join(parts)})" if parts else q.text


def _originality(f: ClaimFeatures) -> tuple[int, str, str]:
    """Sort key: the most original report first (a named non-media source, then a relaying
    outlet, then the author's voice), earliest first."""
    src = f.claim.source
    named = bool(src.canonical or src.name) and src.type not in ("author", "unnamed")
    rank = 0 if named and src.type != "media" else (1 if named else 2)
    return (rank, f.published or "9999", f.uid)


def _supersession(group: OriginGroup) -> tuple[list[ClaimFeatures], dict[str, str]]:
    """(current claims, superseded uid -> superseding uid) inside one origin group."""
    superseded: dict[str, str] = {}
    ms = group.members
    for i, a in enumerate(ms):
        for b in ms[i + 1:]:
            if not (a.published and b.published) or b.published <= a.published:
                continue
            if a.measure == "incident" and a.explicit_day and b.explicit_day and a.ref != b.ref:
                continue
            if not overlaps(interval(a), interval(b)):
                superseded[a.uid] = b.uid
    current = [f for f in ms if f.uid not in superseded]
    return current, superseded


def _hull(fs: list[ClaimFeatures]) -> tuple[float, float]:
    ivs = [interval(f) for f in fs]
    # the tightest statement of one origin: intersect when they agree, else their hull
    lo, hi = max(i[0] for i in ivs), min(i[1] for i in ivs)
    if lo <= hi:
        return lo, hi
    return min(i[0] for i in ivs), max(i[1] for i in ivs)


def _best(current: list[ClaimFeatures]) -> ClaimFeatures | None:
    with_best = [f for f in current if f.claim.quantity.best is not None]
    tiers = (
        [f for f in with_best if f.claim.quantity.qualifier != "vague" and f.claim.certainty in _ASSERTED],
        [f for f in with_best if f.claim.quantity.qualifier != "vague"],
        with_best,
    )
    for tier in tiers:
        if tier:
            return min(tier, key=lambda f: (f.claim.quantity.best, f.published or "9999", f.uid))
    return None


def _time_summary(members: list[ClaimFeatures]) -> dict[str, Any]:
    measure = members[0].measure
    times = [f.claim.time for f in members if f.claim.time is not None]
    out: dict[str, Any] = {"measure": measure}
    if times:
        rank = {"day": 0, "week": 1, "month": 2, "year": 3, "range": 4, "unknown": 5}
        t = min(times, key=lambda t: (rank.get(t.precision, 9), t.start or "9999"))
        out.update({"text": t.text, "start": t.start, "end": t.end, "precision": t.precision})
    else:
        refs = sorted(f.ref.isoformat() for f in members if f.ref)
        out.update({"text": None, "start": refs[0] if refs else None, "end": refs[-1] if refs else None,
                    "precision": "unknown"})
    return out


def _places(members: list[ClaimFeatures]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for f in members:
        for p in f.claim.places:
            if p.role == "source_location":
                continue
            key = (p.name or p.text).lower()
            if key not in seen:
                d = p.to_dict()
                d["article_id"] = f.article_id
                seen[key] = d
    return list(seen.values())


def build_estimate(members: list[ClaimFeatures], metas: dict[str, dict[str, Any]]) -> Estimate:
    """Reconcile one group of claims that measure the same thing (see module doc)."""
    groups = origin_groups(members, metas)
    current: list[ClaimFeatures] = []
    superseded: dict[str, str] = {}
    group_of: dict[str, OriginGroup] = {}
    hulls: list[tuple[OriginGroup, tuple[float, float], list[ClaimFeatures]]] = []
    for g in groups:
        cur, sup = _supersession(g)
        current.extend(cur)
        superseded.update(sup)
        hulls.append((g, _hull(cur), cur))
        for f in g.members:
            group_of[f.uid] = g
    by_uid = {f.uid: f for f in members}

    # conflicts between independent origins (informative intervals only)
    conflict = None
    for i, (ga, ha, ca) in enumerate(hulls):
        for gb, hb, cb in hulls[i + 1:]:
            if ha == (0.0, _INF) or hb == (0.0, _INF):
                continue
            if not overlaps(ha, hb):
                gap = max(ha[0], hb[0]) - min(ha[1], hb[1])
                if conflict is None or gap > conflict[0]:
                    conflict = (gap, (ga, ca), (gb, cb))

    best_claim = _best(current)
    best = best_claim.claim.quantity.best if best_claim else None
    numeric = [f for f in current if f.claim.quantity.qualifier != "vague"] or current
    lows = [v for f in numeric for v in (f.claim.quantity.low, f.claim.quantity.best) if v is not None]
    highs = [v for f in numeric for v in (f.claim.quantity.high, f.claim.quantity.best) if v is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None

    n_ind = len(groups)
    if conflict is not None:
        status = "conflicting"
        _gap, (ga, ca), (gb, cb) = conflict
        fa = min(ca, key=lambda f: (interval(f)[1],) + _originality(f))
        fb = min(cb, key=lambda f: (-interval(f)[0],) + _originality(f))
        if interval(fa)[0] > interval(fb)[0]:
            (fa, ga), (fb, gb) = (fb, gb), (fa, ga)
        explanation = (f"{_label(fa, group_label_of(ga))} vs {_label(fb, group_label_of(gb))}: "
                       f"ranges do not overlap ({n_ind} independent sources)")
    elif superseded:
        status = "superseded"
        old_uid, new_uid = max(superseded.items(), key=lambda kv: (by_uid[kv[1]].published or "", kv[0]))
        old, new = by_uid[old_uid], by_uid[new_uid]
        g = group_of[new_uid]
        # name the newest figure by its first, most original report, and the figure it replaced likewise
        same_new = [f for f in g.members if f.uid not in superseded and interval(f) == interval(new)]
        new = min(same_new or [new], key=lambda f: (f.published or "9999",) + _originality(f)[:1] + (f.uid,))
        same_old = [f for f in g.members if superseded.get(f.uid) and interval(f) == interval(old)]
        old = min(same_old or [old], key=lambda f: (f.published or "9999",) + _originality(f)[:1] + (f.uid,))
        name = group_label_of(group_of[new_uid])
        explanation = (f"{_label(new, name)} supersedes {_label(old, name)}: a later figure from the same source"
                       + (f"; {n_ind} independent sources" if n_ind > 1 else ""))
    elif n_ind >= 2:
        status = "corroborated"
        shown = [min(cur, key=_originality) for _g, _h, cur in hulls[:3]]
        more = f" and {n_ind - 3} more" if n_ind > 3 else ""
        explanation = (f"{n_ind} independent sources agree, ranges overlap: "
                       + " and ".join(_label(f, group_label_of(group_of[f.uid])) for f in shown) + more)
    else:
        status = "single"
        first = min(groups[0].members, key=_originality)
        name = group_label_of(groups[0])
        reports = len({f.article_id for f in members})
        explanation = (f"one source ({name}): {_label(first, name)}"
                       + (f", repeated in {reports} reports" if reports > 1 else ""))

    origin_group = groups[0]
    oname, otype = origin_group.representative()
    sources = []
    for g, h, cur in hulls:
        name, typ = g.representative()
        sources.append({
            "key": g.key, "name": name, "type": typ, "first_published": g.first_published,
            "claims": len(g.members), "outlets": sorted({f.meta.get("outlet") for f in g.members if f.meta.get("outlet")}),
            "aliases": sorted({(f.claim.source.canonical or f.claim.source.name) for f in g.members
                               if (f.claim.source.canonical or f.claim.source.name)}),
            "low": None if h[0] == 0.0 else h[0], "high": None if h[1] == _INF else h[1],
        })
    claims = []
    for f in sorted(members, key=lambda f: (f.published or "9999", f.uid)):
        q = f.claim.quantity
        claims.append(EstimateClaim(
            claim_id=f.claim.id, article_id=f.article_id, url=f.meta.get("url"), published=f.published,
            span=f.claim.span, quantity_span=q.span, text=f.claim.text, low=q.low, best=q.best, high=q.high,
            source={"name": f.claim.source.name, "canonical": f.claim.source.canonical,
                    "type": f.claim.source.type, "outlet": f.meta.get("outlet"),
                    "superseded_by": superseded.get(f.uid), "quantity_text": q.text},
            origin_key=group_of[f.uid].key,
        ))
    timeline = []
    if superseded or members[0].measure == "cumulative":
        for f in sorted(members, key=lambda f: (f.published or "9999", f.uid)):
            q = f.claim.quantity
            timeline.append({"date": f.published, "best": q.best, "low": q.low, "high": q.high, "text": q.text,
                             "source": group_label_of(group_of[f.uid]), "origin_key": group_of[f.uid].key,
                             "claim": f.uid, "superseded_by": superseded.get(f.uid)})
    return Estimate(
        id=estimate_id(members), event_type=None if members[0].event_type == "?" else members[0].event_type,
        unit=None if members[0].unit == "?" else members[0].unit,
        low=low, best=best, high=high, status=status, explanation=explanation,
        independent_sources=n_ind,
        origin=Origin(name=oname, type=otype, first_published=origin_group.first_published),
        sources=sources, time=_time_summary(members), places=_places(members), claims=claims, timeline=timeline,
    )


def group_label_of(g: OriginGroup) -> str | None:
    return g.representative()[0]
