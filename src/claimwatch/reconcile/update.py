"""Incremental updates against a store: recompute only the units of work the given articles
touch (and the units of every claim of a stored estimate being replaced), then save.

The store needs ``claims_for_reconcile()``, ``list_estimates()`` (or ``estimates_for_claims``
+ ``get_estimate``) and ``save_estimates(estimates, replace_ids=...)``; when it also has
``curations()`` the reviewers' curations are replayed, and when ``save_estimates`` takes
``incidents=`` the incidents are saved with their estimates.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Iterable

from ..model import Estimate
from .core import Plan, link_parts, make_plan, run_units
from .curation import Curation

__all__ = ["update_estimates", "update_report", "UpdateReport", "plan_update", "UpdatePlan"]


@dataclass
class UpdateReport:
    """What one :func:`update_report` call did (for the CLI, benchmarks and logs)."""

    estimates: list[Estimate]
    units_total: int = 0
    units_recomputed: int = 0
    claims_recomputed: int = 0
    estimates_replaced: int = 0
    incidents_saved: int = 0

    @property
    def estimates_saved(self) -> int:
        return len(self.estimates)


class UpdatePlan:
    """What an incremental update recomputes: unit ids, and the stored estimates it replaces."""

    def __init__(self, plan: Plan, touched: list[str], replaced: dict[str, Estimate]) -> None:
        self.plan = plan
        self.touched = touched
        self.replaced = replaced

    @property
    def total_units(self) -> int:
        return len(self.plan.units)


def _uids(e: Estimate) -> list[str]:
    return [f"{c.article_id}:{c.claim_id}" for c in e.claims]


def _estimates_holding(store: Any, uids: set[str]) -> list[Estimate]:
    """Stored estimates that hold any of ``uids`` (by the store's claim index when it has one)."""
    if not uids:
        return []
    if hasattr(store, "estimates_for_claims"):
        ids = sorted({eid for eids in store.estimates_for_claims(sorted(uids)).values() for eid in eids})
        return [store.get_estimate(i) for i in ids]
    return [e for e in store.list_estimates() if any(u in uids for u in _uids(e))]


def _curations(store: Any) -> list[Curation]:
    if not hasattr(store, "curations"):
        return []
    return [c if isinstance(c, Curation) else Curation.from_dict(c) for c in store.curations()]


def plan_update(store: Any, article_ids: Iterable[str] | None = None) -> UpdatePlan:
    """The units holding claims of ``article_ids`` (all units when ``None``) and the stored
    estimates they replace (closed: every claim of a replaced estimate is recomputed)."""
    plan = make_plan(store.claims_for_reconcile(), _curations(store))
    if article_ids is None:
        return UpdatePlan(plan, sorted(plan.units), {e.id: e for e in store.list_estimates()})
    wanted = {str(a) for a in article_ids}
    touched = {plan.unit_of[f.uid] for f in plan.features if f.article_id in wanted}
    article_uids = {f.uid for f in plan.features if f.article_id in wanted}
    # estimates already holding claims of these articles (a claim may since have been rejected,
    # or corrected into another unit) are replaced too; so are the units of all their claims
    replaced: dict[str, Estimate] = {e.id: e for e in _held_by_articles(store, wanted, article_uids)}
    for _round in range(4):
        uids = {f.uid for u in touched for f in plan.units[u].features()}
        replaced.update({e.id: e for e in _estimates_holding(store, uids - _seen(replaced))})
        extra = {plan.unit_of[u] for e in replaced.values() for u in _uids(e) if u in plan.unit_of} - touched
        if not extra:
            break
        touched |= extra
    return UpdatePlan(plan, sorted(touched), replaced)


def _seen(replaced: dict[str, Estimate]) -> set[str]:
    return {u for e in replaced.values() for u in _uids(e)}


def _held_by_articles(store: Any, wanted: set[str], uids: set[str]) -> list[Estimate]:
    if hasattr(store, "estimates_for_articles"):
        ids = store.estimates_for_articles(sorted(wanted))
        return [store.get_estimate(i) for i in ids]
    if hasattr(store, "estimates_for_claims"):
        return _estimates_holding(store, uids)
    return [e for e in store.list_estimates() if any(c.article_id in wanted for c in e.claims)]


def update_estimates(store: Any, article_ids: Iterable[str] | None = None) -> list[Estimate]:
    """Recompute the estimates and incidents of the units touched by ``article_ids`` (all when
    ``None``) and save them, replacing the stored estimates that held any of their claims.
    Estimate and incident ids are stable: they keep their id while their earliest claim stays."""
    return update_report(store, article_ids).estimates


def update_report(store: Any, article_ids: Iterable[str] | None = None) -> UpdateReport:
    """:func:`update_estimates`, returning what it recomputed with the new estimates."""
    up = plan_update(store, None if article_ids is None else [str(a) for a in article_ids])
    estimates, incidents = run_units(up.plan, up.touched)
    known = {}
    if hasattr(store, "estimates_for_claims"):
        part_totals = sorted({f.part_of for f in up.plan.features if f.part_of})
        known = {u: ids[0] for u, ids in store.estimates_for_claims(part_totals).items() if ids}
    link_parts(up.plan, estimates, known)
    replace = sorted(up.replaced)
    if "incidents" in inspect.signature(store.save_estimates).parameters:
        old_incidents = sorted({e.incident for e in up.replaced.values() if e.incident})
        store.save_estimates(estimates, replace_ids=replace, incidents=incidents, replace_incidents=old_incidents,
                             full=article_ids is None)
    else:
        store.save_estimates(estimates, replace_ids=replace)
    return UpdateReport(estimates=estimates, units_total=up.total_units, units_recomputed=len(up.touched),
                        claims_recomputed=sum(len(up.plan.units[u].features()) for u in up.touched),
                        estimates_replaced=len(replace), incidents_saved=len(incidents))
