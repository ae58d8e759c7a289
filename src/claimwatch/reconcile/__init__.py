"""Cross-report reconciliation (SPEC §7): claims that measure the same thing, reconciled.

    reconcile_claims(items)            pure: [(Claim, article meta)] -> [Estimate]
    reconcile_block(features, metas)   one block (a batch job runs this per partition)
    update_estimates(store, ids)       incremental: recompute only the blocks the given articles touch
    update_report(store, ids)          the same, with what it recomputed (an UpdateReport)

The flow: :mod:`.blocking` (features + block keys) -> :mod:`.grouping` (which
claims measure the same thing) -> :mod:`.estimates` (ranges, status,
explanation) using :mod:`.provenance` (origins, independence). See
``docs/reconcile.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import ClaimwatchError
from ..model import Claim, Estimate
from .blocking import BlockKey, ClaimFeatures, block_key, features_for, make_blocks
from .estimates import build_estimate
from .grouping import cluster_block

__all__ = [
    "reconcile_claims",
    "reconcile_block",
    "update_estimates",
    "plan_update",
    "UpdatePlan",
    "UpdateReport",
    "update_report",
    "block_key",
    "features_for",
]

Item = tuple[Claim, dict[str, Any]]


def _metas(items: Iterable[Item]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for claim, meta in items:
        aid = str(meta.get("id") or claim.article_id or "")
        if aid and aid not in out:
            out[aid] = meta
    return out


def _features(items: Iterable[Item]) -> list[ClaimFeatures]:
    out = []
    for claim, meta in items:
        f = features_for(claim, meta)
        if f is not None:
            out.append(f)
    return out


def reconcile_block(features: list[ClaimFeatures], metas: dict[str, dict[str, Any]]) -> list[Estimate]:
    """Estimates of one block's claims (all features must share one block key)."""
    return [build_estimate(group, metas) for group in cluster_block(features)]


def reconcile_claims(items: list[Item]) -> list[Estimate]:
    """Group claims that measure the same thing and reconcile each group into an estimate.

    ``items`` are ``(claim, article meta)`` pairs, the meta a dict with ``id``, ``url``,
    ``outlet``, ``published`` and ``duplicate_of``. Only counts are reconciled; claims a
    reviewer rejected and denied (negative) claims are left out. Pure and deterministic.
    """
    items = list(items)
    metas = _metas(items)
    try:
        blocks = make_blocks(_features(items))
        out: list[Estimate] = []
        for key in sorted(blocks):
            out.extend(reconcile_block(blocks[key], metas))
    except ClaimwatchError:
        raise
    except Exception as exc:  # a bug or malformed claim: one coded error, not a traceback
        raise ClaimwatchError("reconcile", code="E401", detail=f"{type(exc).__name__}: {exc}") from exc
    out.sort(key=lambda e: e.id)
    return out


@dataclass
class UpdatePlan:
    """What an incremental update recomputes."""

    touched: list[BlockKey]
    total_blocks: int
    features: dict[BlockKey, list[ClaimFeatures]] = field(default_factory=dict)


@dataclass
class UpdateReport:
    """What one :func:`update_report` call did (for the CLI, benchmarks and logs)."""

    estimates: list[Estimate]
    blocks_total: int = 0
    blocks_recomputed: int = 0
    claims_recomputed: int = 0
    estimates_replaced: int = 0

    @property
    def estimates_saved(self) -> int:
        return len(self.estimates)


def plan_update(items: list[Item], article_ids: Iterable[str] | None = None, *,
                blocks: dict[BlockKey, list[ClaimFeatures]] | None = None) -> UpdatePlan:
    """The blocks holding claims of ``article_ids`` (all blocks when ``None``)."""
    if blocks is None:
        blocks = make_blocks(_features(items))
    if article_ids is None:
        touched = sorted(blocks)
    else:
        wanted = {str(a) for a in article_ids}
        touched = sorted({k for k, fs in blocks.items() if any(f.article_id in wanted for f in fs)})
    return UpdatePlan(touched=touched, total_blocks=len(blocks), features={k: blocks[k] for k in touched})


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


def update_estimates(store: Any, article_ids: Iterable[str] | None = None) -> list[Estimate]:
    """Recompute the estimates of the blocks touched by ``article_ids`` (all when ``None``)
    and save them, replacing the stored estimates that held any claim of those blocks.

    Uses ``store.claims_for_reconcile()``, ``store.list_estimates()`` and
    ``store.save_estimates(estimates, replace_ids=...)``. Returns the new estimates.
    Estimate ids are stable: an estimate keeps its id while its earliest claim stays.
    """
    return update_report(store, article_ids).estimates


def update_report(store: Any, article_ids: Iterable[str] | None = None) -> UpdateReport:
    """:func:`update_estimates`, returning what it recomputed with the new estimates."""
    ids = None if article_ids is None else [str(a) for a in article_ids]
    items = store.claims_for_reconcile()
    metas = _metas(items)
    all_blocks = make_blocks(_features(items))
    if ids is None:
        plan = UpdatePlan(touched=sorted(all_blocks), total_blocks=len(all_blocks), features=all_blocks)
        replace = [e.id for e in store.list_estimates()]
    else:
        plan = plan_update(items, ids, blocks=all_blocks)
        wanted = set(ids)
        block_of = {f.uid: k for k, fs in all_blocks.items() for f in fs}
        # estimates already holding claims of these articles (a claim may since have been
        # rejected, or corrected into another block) and estimates holding claims of the
        # touched blocks are replaced; the blocks of all their claims are recomputed, so no
        # claim is left without its estimate
        replaced = {e.id: e for e in store.list_estimates() if any(c.article_id in wanted for c in e.claims)}
        for _round in range(2):
            uids = {f.uid for key in plan.touched for f in plan.features[key]}
            replaced.update({e.id: e for e in _estimates_holding(store, uids)})
            extra = {block_of[u] for e in replaced.values() for u in _uids(e) if u in block_of} - set(plan.touched)
            if not extra:
                break
            plan.touched = sorted(set(plan.touched) | extra)
            plan.features = {k: all_blocks[k] for k in plan.touched}
        replace = sorted(replaced)
    try:
        new: list[Estimate] = []
        for key in plan.touched:
            new.extend(reconcile_block(plan.features[key], metas))
    except ClaimwatchError:
        raise
    except Exception as exc:
        raise ClaimwatchError("reconcile", code="E401", detail=f"{type(exc).__name__}: {exc}") from exc
    store.save_estimates(new, replace_ids=replace)
    return UpdateReport(estimates=new, blocks_total=plan.total_blocks, blocks_recomputed=len(plan.touched),
                        claims_recomputed=sum(len(v) for v in plan.features.values()),
                        estimates_replaced=len(replace))
