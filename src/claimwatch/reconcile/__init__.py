"""Cross-report reconciliation (SPEC §7): incidents, and the estimates of their figures and events.

    reconcile(items, curations)        pure: [(Claim, article meta)] -> Reconciliation(estimates, incidents)
    reconcile_claims(items)            the estimates only
    update_estimates(store, ids)       incremental: recompute only the units of work the given articles touch

The flow: :mod:`.features` (what each claim says) -> :mod:`.incidents` (report segments linked
into incidents) -> :mod:`.measures` (one estimate per measure and per event of an incident) and
:mod:`.grouping` (running and period totals) -> :mod:`.estimates` / :mod:`.event_estimates`
(ranges, status, explanation) using :mod:`.provenance` (origins, independence); reviewers'
curations (:mod:`.curation`) are replayed on every run. :mod:`.core` splits the work into
independent units; :mod:`.update` recomputes the touched ones. See ``docs/reconcile.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Estimate, Incident
from .core import Item, Plan, Unit, link_parts, make_plan, run_unit, run_units
from .curation import ACTIONS, Curation, validate_curation
from .features import ClaimFeatures, features_for
from .review import CurationResult, curate
from .update import UpdateReport, plan_update, update_estimates, update_report

__all__ = [
    "reconcile",
    "reconcile_claims",
    "Reconciliation",
    "update_estimates",
    "plan_update",
    "make_plan",
    "run_unit",
    "run_units",
    "Plan",
    "Unit",
    "Item",
    "features_for",
    "ClaimFeatures",
    "Curation",
    "CurationResult",
    "curate",
    "ACTIONS",
    "validate_curation",
    "update_report",
    "UpdateReport",
]


@dataclass
class Reconciliation:
    estimates: list[Estimate] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)


def reconcile(items: list[Item], curations: Iterable[Curation] = ()) -> Reconciliation:
    """Group the claims of many reports into incidents and estimates (see the module doc).

    ``items`` are ``(claim, article meta)`` pairs, the meta a dict with ``id``, ``url``,
    ``outlet``, ``published`` and ``duplicate_of``; ``curations`` the reviewers' curation log,
    oldest first. Claims a reviewer rejected are left out. Pure and deterministic."""
    items = list(items)
    plan = make_plan(items, curations)
    estimates, incidents = run_units(plan, sorted(plan.units))
    link_parts(plan, estimates)
    estimates.sort(key=lambda e: e.id)
    incidents.sort(key=lambda i: i.id)
    return Reconciliation(estimates, incidents)


def reconcile_claims(items: list[Item], curations: Iterable[Curation] = ()) -> list[Estimate]:
    """The estimates of :func:`reconcile`, sorted by id."""
    return reconcile(items, curations).estimates
