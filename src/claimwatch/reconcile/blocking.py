"""Blocks of totals: running and period totals that could measure the same thing share a key.

The key is ``(unit class, period)`` where the period is the closed period of a period total
("Py:2024") or ``"running"`` for running totals; event types are compared inside a block. Incident figures, events and
statements are not blocked by key: they are grouped through their reports
(:mod:`.incidents`). See :mod:`.core` for the units of work.
"""

from __future__ import annotations

from typing import Any

from ..model import Claim
from .features import ClaimFeatures, features_for

__all__ = ["BlockKey", "ClaimFeatures", "block_key", "features_for"]

BlockKey = tuple[str, str]


def block_key(claim: Claim, meta: dict[str, Any]) -> BlockKey | None:
    """The block of a total; ``("incident", ...)`` kinds return their key with period ``"incident"``;
    ``None`` for claims that are not reconciled."""
    f = features_for(claim, meta)
    return f.key if f else None
