"""Candidate blocks: claims that could measure the same thing share a block key.

The key is ``(event_type, unit class, period)`` where the period is the month of
an incident, the closed period of a period total ("in 2024"), or
``"cumulative"`` for running totals. Only claims in one block are ever
compared, so reconciling is roughly linear in the number of claims, a new
article touches only the blocks of its own claims, and a batch job can
partition claims by :func:`block_key` and run :func:`claimwatch.reconcile.reconcile_block`
on each partition independently.

Place is deliberately not part of the key: many claim sentences name no place,
and cross-border features (the Tisza, the Channel) belong to two countries;
place compatibility is checked pairwise inside the block (:mod:`.geo`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from ..model import Claim
from .geo import GeoPoint, geo_points
from .similarity import subject_tokens
from .timing import measure_of, parse_date, period_key, reference_date
from .units import unit_class

__all__ = ["ClaimFeatures", "BlockKey", "features_for", "block_key", "make_blocks", "reconcilable"]

BlockKey = tuple[str, str, str]


@dataclass
class ClaimFeatures:
    """Everything grouping needs about one claim, computed once."""

    claim: Claim
    meta: dict[str, Any]
    uid: str
    article_id: str
    published: str | None
    event_type: str
    unit: str
    measure: str
    ref: date | None
    explicit_day: bool
    period: str
    points: tuple[GeoPoint, ...]
    tokens: frozenset[str]
    cum_start: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> BlockKey:
        return (self.event_type, self.unit, self.period)


def reconcilable(claim: Claim) -> bool:
    """Counts with a quantity, not rejected by a reviewer, not denied."""
    return (
        claim.quantity is not None
        and claim.review != "rejected"
        and claim.polarity != "negative"
    )


def features_for(claim: Claim, meta: dict[str, Any]) -> ClaimFeatures | None:
    """The grouping features of one claim, or ``None`` when it is not reconciled."""
    if not reconcilable(claim):
        return None
    article_id = str(meta.get("id") or claim.article_id or "")
    published = meta.get("published")
    measure = measure_of(claim)
    ref = reference_date(claim, published)
    explicit_day = bool(claim.time and claim.time.precision in ("day", "week") and parse_date(claim.time.start))
    cls = unit_class(claim.quantity.unit if claim.quantity else None, claim.event_type) or "?"
    cum_start = parse_date(claim.time.start) if (measure == "cumulative" and claim.time) else None
    return ClaimFeatures(
        claim=claim,
        meta=meta,
        uid=f"{article_id}:{claim.id}" if article_id else claim.uid,
        article_id=article_id,
        published=str(published)[:10] if published else None,
        event_type=claim.event_type or "?",
        unit=cls,
        measure=measure,
        ref=ref,
        explicit_day=explicit_day,
        period=period_key(claim, measure, ref),
        points=geo_points(claim.places),
        tokens=subject_tokens(claim),
        cum_start=cum_start,
    )


def block_key(claim: Claim, meta: dict[str, Any]) -> BlockKey | None:
    """The block a claim belongs to (``None`` for claims that are not reconciled)."""
    f = features_for(claim, meta)
    return f.key if f else None


def make_blocks(features: Iterable[ClaimFeatures]) -> dict[BlockKey, list[ClaimFeatures]]:
    blocks: dict[BlockKey, list[ClaimFeatures]] = defaultdict(list)
    for f in features:
        blocks[f.key].append(f)
    return dict(blocks)
