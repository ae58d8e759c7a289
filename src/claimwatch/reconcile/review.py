"""Curating estimates against a store: check a reviewer's change, log it, re-reconcile.

    curate(store, "move", "e1a2b3c4d5e6", who="alice", why="same boat", claims=["a1:c3"], target="e9f8...")

Each call validates the curation against the stored estimates (:func:`.curation.validate_curation`),
appends it to the store's curation log (with a revision row for every claim it names), then
recomputes the units of work holding those claims (:func:`.update.update_estimates`), so the
change shows at once and survives every later reconciliation. Returns the curation as logged
and the estimates it now shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..model import Estimate
from .curation import Curation, validate_curation
from .update import update_estimates

__all__ = ["curate", "CurationResult"]


@dataclass
class CurationResult:
    curation: dict[str, Any]
    estimates: list[Estimate] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"curation": self.curation, "estimates": [e.to_dict() for e in self.estimates]}


def _stored(store: Any, ids: Iterable[str]) -> dict[str, Estimate]:
    out = {}
    for i in ids:
        if i:
            try:
                out[i] = store.get_estimate(i)
            except Exception:  # NotFound: reported by validate_curation
                continue
    return out


def curate(store: Any, action: str, estimate: str, *, who: str, why: str, claims: Iterable[str] = (),
           target: str | None = None, value: dict[str, Any] | None = None) -> CurationResult:
    """Validate, log and apply one curation (see the module doc)."""
    value = dict(value or {})
    cur = Curation(action=action, who=(who or "").strip(), why=(why or "").strip(), estimate=estimate,
                   claims=list(claims), target=target, value=value)
    cur = validate_curation(cur, _stored(store, [estimate, target or "", str(value.get("of") or "")]))
    logged = store.add_curation(cur.to_dict())
    articles = sorted({u.split(":", 1)[0] for uids in cur.members.values() for u in uids})
    update_estimates(store, articles)
    uids = {u for uids in cur.members.values() for u in uids}
    held = store.estimates_for_claims(sorted(uids)) if hasattr(store, "estimates_for_claims") else {}
    ids = sorted({eid for eids in held.values() for eid in eids})
    return CurationResult(logged, [store.get_estimate(i) for i in ids])
