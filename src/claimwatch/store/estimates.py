"""Estimates (with claim membership) and API tokens: the parts of the store that
reconciliation and the web server write."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select, update

from ..errors import NotFound, ValidationError
from ..model import ESTIMATE_STATUSES, Estimate
from . import tables as T
from .lists import estimate_list_columns
from .rows import now

__all__ = ["EstimatesMixin", "hash_token"]


def _num(v):
    return None if v is None else float(v)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class EstimatesMixin:
    """Mixed into :class:`~claimwatch.store.Store` (needs ``_read`` / ``_write``)."""

    def save_estimates(self, estimates: Iterable[Estimate], *, replace_ids: Iterable[str] | None = None) -> int:
        """Insert or replace estimates (by id) in one transaction; ``replace_ids`` are removed first
        (estimates that a re-reconciliation merged away or split)."""
        ests = list(estimates)
        for e in ests:
            if e.status not in ESTIMATE_STATUSES:
                raise ValidationError(e.id, detail=f"status {e.status!r} not one of {', '.join(ESTIMATE_STATUSES)}")
        drop = set(replace_ids or ()) | {e.id for e in ests}
        stamp = now()
        with self._write() as conn:  # type: ignore[attr-defined]
            ids = list(drop)
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                conn.execute(delete(T.estimate_claims).where(T.estimate_claims.c.estimate_id.in_(chunk)))
                conn.execute(delete(T.estimates).where(T.estimates.c.id.in_(chunk)))
            if ests:
                conn.execute(insert(T.estimates), [{
                    "id": e.id, "event_type": e.event_type, "unit": e.unit, "low": _num(e.low),
                    "best": _num(e.best), "high": _num(e.high), "status": e.status,
                    "independent_sources": e.independent_sources, "data": e.to_dict(), "updated_at": stamp,
                    **estimate_list_columns(e),
                } for e in ests])
                members = {}
                for e in ests:
                    for c in e.claims:
                        uid = f"{c.article_id}:{c.claim_id}"
                        members[(e.id, uid)] = {"estimate_id": e.id, "claim_uid": uid, "article_id": c.article_id}
                if members:
                    conn.execute(insert(T.estimate_claims), list(members.values()))
        return len(ests)

    def list_estimates(self, status: str | None = None, event_type: str | None = None,
                       limit: int | None = None, offset: int = 0) -> list[Estimate]:
        q = select(T.estimates.c.data)
        if status:
            q = q.where(T.estimates.c.status == status)
        if event_type:
            q = q.where(T.estimates.c.event_type == event_type)
        q = q.order_by(T.estimates.c.id)
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self._read() as conn:  # type: ignore[attr-defined]
            return [Estimate.from_dict(r.data) for r in conn.execute(q)]

    def get_estimate(self, estimate_id: str) -> Estimate:
        with self._read() as conn:  # type: ignore[attr-defined]
            row = conn.execute(select(T.estimates.c.data).where(T.estimates.c.id == estimate_id)).first()
        if row is None:
            raise NotFound(estimate_id, detail=f"estimate {estimate_id}")
        return Estimate.from_dict(row.data)

    def estimates_for_claims(self, uids: Iterable[str]) -> dict[str, list[str]]:
        """claim uid → ids of the estimates it belongs to."""
        uids = list(uids)
        out: dict[str, list[str]] = {}
        with self._read() as conn:  # type: ignore[attr-defined]
            for i in range(0, len(uids), 500):
                q = select(T.estimate_claims.c.claim_uid, T.estimate_claims.c.estimate_id).where(
                    T.estimate_claims.c.claim_uid.in_(uids[i:i + 500]))
                for uid, eid in conn.execute(q):
                    out.setdefault(uid, []).append(eid)
        return out

    def count_estimates(self) -> int:
        with self._read() as conn:  # type: ignore[attr-defined]
            return int(conn.execute(select(func.count()).select_from(T.estimates)).scalar_one())

    # -- API tokens -------------------------------------------------------------------------
    def create_token(self, name: str) -> str:
        """A new API token; only its SHA-256 is stored, the plain token is returned once."""
        if not name or not name.strip():
            raise ValidationError("token", detail="a token needs a name")
        token = "cw_" + secrets.token_urlsafe(32)
        with self._write() as conn:  # type: ignore[attr-defined]
            conn.execute(insert(T.api_tokens).values(name=name.strip(), token_hash=hash_token(token),
                                                     created_at=now(), revoked=0))
        return token

    def check_token(self, token: str | None) -> str | None:
        """The name of a valid (not revoked) token, else None (so the result is truthy iff valid)."""
        if not token:
            return None
        with self._read() as conn:  # type: ignore[attr-defined]
            row = conn.execute(select(T.api_tokens.c.name).where(
                T.api_tokens.c.token_hash == hash_token(token), T.api_tokens.c.revoked == 0)).first()
        return None if row is None else str(row[0])

    def revoke_token(self, name: str) -> int:
        with self._write() as conn:  # type: ignore[attr-defined]
            return conn.execute(update(T.api_tokens).where(T.api_tokens.c.name == name).values(revoked=1)).rowcount
