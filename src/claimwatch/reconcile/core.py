"""The reconciliation run: claims → units of work → incidents and estimates.

:func:`make_plan` computes every claim's features (cheap), applies the reviewers' curations,
cuts the reports into segments and splits the work into independent *units*:

* an **incident unit** is one connected component of linked report segments (:mod:`.incidents`):
  its incidents, one estimate per measure and per event of each (:mod:`.measures`);
* a **totals unit** is one block of running or period totals ``(event_type, unit class,
  period)`` (:mod:`.grouping`).

No incident or estimate spans two units, so :func:`run_unit` on each unit gives the whole
result, an incremental update recomputes only the units a new article touches, and a batch
job can run the units in parallel.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import ClaimwatchError
from ..model import Claim, Estimate, Incident
from .curation import Constraints, Curation, adopt, apply_overrides, constraints_from
from .estimates import build_estimate
from .event_estimates import build_event_estimate
from .features import ClaimFeatures, features_for, settle_measures
from .grouping import cluster_totals
from .incident_summary import build_incident
from .incidents import Segment, components, find_incidents, incident_id, segments_of
from .measures import group_measures

__all__ = ["Item", "Unit", "Plan", "make_plan", "run_unit", "run_units", "link_parts", "metas_of"]

Item = tuple[Claim, dict[str, Any]]


@dataclass
class Unit:
    """An independent piece of reconciliation work."""

    id: str
    segments: list[Segment] = field(default_factory=list)
    totals: list[ClaimFeatures] = field(default_factory=list)

    def features(self) -> list[ClaimFeatures]:
        return [f for s in self.segments for f in s.members] + list(self.totals)


@dataclass
class Plan:
    features: list[ClaimFeatures]
    metas: dict[str, dict[str, Any]]
    units: dict[str, Unit]
    unit_of: dict[str, str]  # claim uid -> unit id
    constraints: Constraints


def metas_of(items: Iterable[Item]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for claim, meta in items:
        aid = str(meta.get("id") or claim.article_id or "")
        if aid and aid not in out:
            out[aid] = meta
    return out


def make_plan(items: list[Item], curations: Iterable[Curation] = ()) -> Plan:
    """Features, curations applied, segments, and the units of work."""
    metas = metas_of(items)
    features = [f for f in (features_for(c, m) for c, m in items) if f is not None]
    settle_measures(features)
    cons = constraints_from(curations, {f.uid for f in features})
    adopt(features, cons)
    _note_totals(features)
    segs = segments_of(features)
    seg_of = {f.uid: i for i, s in enumerate(segs) for f in s.members}
    must = [(seg_of[a], seg_of[b]) for a, b in cons.must if a in seg_of and b in seg_of]
    units: dict[str, Unit] = {}
    for comp in components(segs, must):
        uid = "I:" + segs[comp[0]].key
        units[uid] = Unit(uid, segments=[segs[i] for i in comp])
    blocks: dict[tuple[str, str], list[ClaimFeatures]] = defaultdict(list)
    for f in features:
        if f.uid not in seg_of:
            blocks[f.key].append(f)
    for key in sorted(blocks):
        uid = "T:" + "|".join(key)
        units[uid] = Unit(uid, totals=blocks[key])
    unit_of = {f.uid: u.id for u in units.values() for f in u.features()}
    return Plan(features, metas, units, unit_of, cons)


def _note_totals(features: list[ClaimFeatures]) -> None:
    """Give each part the figure of its total: a figure equal to the total is the total's measure,
    never the part's ("15 died: 12 men and 3 women" — another report's "15" is not a part). A part
    is counted over its total's time: "more than 100,000 of the migrants" of a running total is a
    running figure too, whatever time its own sentence happens to carry."""
    by_uid = {f.uid: f for f in features}
    for f in features:
        total = by_uid.get(f.part_of or "")
        if total is not None and total.claim.quantity is not None:
            f.extra["total_best"] = total.claim.quantity.best
            if f.kind == "count" and total.kind == "count":
                f.measure, f.period, f.asof, f.cum_start = total.measure, total.period, total.asof, total.cum_start


def _index_pairs(members: list[ClaimFeatures], pairs: list[tuple[str, str]]) -> list[tuple[int, int]]:
    pos = {f.uid: i for i, f in enumerate(members)}
    return [(pos[a], pos[b]) for a, b in pairs if a in pos and b in pos]


def _estimate(group: list[ClaimFeatures], metas: dict[str, dict[str, Any]], incident: str | None) -> Estimate | None:
    """The estimate of one group; ``None`` for a group of figures that are all denied (a denial
    counts as a disagreement when some report states the figure, not as a figure of its own)."""
    if group[0].kind == "count":
        if all(f.claim.polarity == "negative" for f in group):
            return None
        return build_estimate(group, metas, incident=incident)
    return build_event_estimate(group, metas, incident=incident)


def run_unit(plan: Plan, unit: Unit) -> tuple[list[Estimate], list[Incident]]:
    """The estimates (and incidents) of one unit."""
    cons = plan.constraints
    estimates: list[Estimate] = []
    incidents: list[Incident] = []
    if unit.segments:
        seg_pos = {f.uid: i for i, s in enumerate(unit.segments) for f in s.members}
        must = [(seg_pos[a], seg_pos[b]) for a, b in cons.must if a in seg_pos and b in seg_pos]
        for inc_segs in find_incidents(unit.segments, must=must):
            members = [f for s in inc_segs for f in s.members]
            iid = incident_id(members)
            m, c = cons.pairs_in({f.uid for f in members})
            groups = group_measures(members, must=_index_pairs(members, m), cannot=_index_pairs(members, c))
            ests = [e for e in (_estimate(g, plan.metas, iid) for g in groups) if e is not None]
            if ests:
                estimates.extend(ests)
                incidents.append(build_incident(iid, members, ests))
    if unit.totals:
        m, c = cons.pairs_in({f.uid for f in unit.totals})
        for g in cluster_totals(unit.totals, must=_index_pairs(unit.totals, m), cannot=_index_pairs(unit.totals, c)):
            e = _estimate(g, plan.metas, None)
            if e is not None:
                estimates.append(e)
    apply_overrides(estimates, cons)
    return estimates, incidents


def run_units(plan: Plan, unit_ids: Iterable[str]) -> tuple[list[Estimate], list[Incident]]:
    """Run the given units; one coded error (E401) for anything unexpected."""
    estimates: list[Estimate] = []
    incidents: list[Incident] = []
    try:
        for uid in unit_ids:
            e, i = run_unit(plan, plan.units[uid])
            estimates.extend(e)
            incidents.extend(i)
    except ClaimwatchError:
        raise
    except Exception as exc:  # a bug or malformed claim: one coded error, not a traceback
        raise ClaimwatchError("reconcile", code="E401", detail=f"{type(exc).__name__}: {exc}") from exc
    return estimates, incidents


def link_parts(plan: Plan, estimates: list[Estimate], known: dict[str, str] | None = None) -> None:
    """Point each part's estimate at its total's estimate (``part_of``); ``known`` maps claim
    uids to the ids of estimates computed earlier (an incremental update's stored ones)."""
    where = dict(known or {})
    where.update({f"{c.article_id}:{c.claim_id}": e.id for e in estimates for c in e.claims})
    part_of = {f.uid: f.part_of for f in plan.features if f.part_of}
    for e in estimates:
        totals = {where.get(part_of[u]) for u in (f"{c.article_id}:{c.claim_id}" for c in e.claims) if u in part_of}
        totals.discard(None)
        totals.discard(e.id)
        if totals:
            e.part_of = sorted(t for t in totals if t)[0]
