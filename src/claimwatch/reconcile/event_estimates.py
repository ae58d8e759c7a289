"""One estimate of an event (or of a statement) told by several reports (SPEC §7).

An event estimate has no low/best/high: it records the reports and sources that tell it, the
origin, when and where, and a status — ``conflicting`` when the reports disagree on a fact
(one denies it; they give different days; they put it in places that cannot be the same),
``corroborated`` when two or more separate reports tell it, else ``single``.
"""

from __future__ import annotations

from typing import Any

from ..model import Estimate, EstimateStatus, Origin
from .features import ClaimFeatures
from .geo import place_score
from .incidents import SETTLED
from .provenance import OriginGroup, origin_groups
from .similarity import dice
from .summary import (
    attribution,
    claim_entries,
    estimate_id,
    group_label_of,
    label,
    originality,
    places_of,
    reports_of,
    sources_of,
    time_summary,
)
from .timing import EVENT_DAY_TOLERANCE

__all__ = ["build_event_estimate"]


#: two accounts are "the same proposition" when their words overlap this much (Dice)
_SAME_ACCOUNT = 0.5


def _settled(f: ClaimFeatures):
    """The towns and regions the claim's own sentence puts the event in (seas, rivers, borders and
    islands are too coarse, and inherited places too indirect, to contradict another report)."""
    return tuple(p for p in f.own_points if p.role == "event" and (p.feature or "").lower() in SETTLED)


def _disagreement(members: list[ClaimFeatures], group_of: dict[str, OriginGroup]) -> str | None:
    """The fact two reports disagree on, explained; ``None`` when they agree. A denial counts only
    against an account of the same thing (a negated sentence is not by itself a denial)."""
    ordered = sorted(members, key=originality)
    for a in (f for f in ordered if f.claim.polarity == "negative"):
        for b in (f for f in ordered if f.claim.polarity != "negative"):
            if a.report != b.report and dice(a.tokens, b.tokens) >= _SAME_ACCOUNT:
                return f"{label(b, group_label_of(group_of[b.uid]))} is denied by {label(a, group_label_of(group_of[a.uid]))}"
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if a.report == b.report:
                continue
            if a.day and b.day and abs((a.day - b.day).days) > EVENT_DAY_TOLERANCE:
                return (f"the reports give different days: {a.day.isoformat()} "
                        f"({attribution(a, group_label_of(group_of[a.uid]))}) vs {b.day.isoformat()} "
                        f"({attribution(b, group_label_of(group_of[b.uid]))})")
            pa, pb = _settled(a), _settled(b)
            if pa and pb and place_score(pa, pb) <= 0.0:
                return f"the reports give different places: {pa[0].name} vs {pb[0].name}"
    return None


def build_event_estimate(members: list[ClaimFeatures], metas: dict[str, dict[str, Any]], *,
                         incident: str | None = None) -> Estimate:
    """Reconcile one group of event (or statement) claims that tell the same thing."""
    groups = origin_groups(members, metas)
    group_of = {f.uid: g for g in groups for f in g.members}
    n_ind = len(groups)
    n_reports = reports_of(members)
    first = min(members, key=originality)
    what = label(first, group_label_of(group_of[first.uid]))
    why = _disagreement(members, group_of)
    status: EstimateStatus
    if why is not None:
        status, explanation = "conflicting", why
    elif n_reports >= 2:
        status = "corroborated"
        explanation = (f"{n_reports} reports tell it ({n_ind} independent source{'s' if n_ind != 1 else ''}): {what}")
    else:
        status, explanation = "single", f"one report: {what}"
    kinds = {f.kind for f in members}
    origin_group = groups[0]
    oname, otype = origin_group.representative()
    event_types = [f.event_type for f in members if f.event_type not in ("?",)]
    return Estimate(
        id=estimate_id(members),
        event_type=max(sorted(set(event_types)), key=event_types.count) if event_types else None,
        unit=None, low=None, best=None, high=None, status=status, explanation=explanation,
        independent_sources=n_ind,
        origin=Origin(name=oname, type=otype, first_published=origin_group.first_published),
        sources=sources_of([(g, None) for g in groups]), time=time_summary(members, None),
        places=places_of(members), claims=claim_entries(members, group_of, {}), timeline=[],
        kind="event" if "event" in kinds else "statement", measure=None, incident=incident,
    )
