"""Estimates (with claim membership), incidents, the curation log and API tokens: the parts of
the store that reconciliation and the web server write."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update

from ..errors import NotFound, ValidationError
from ..model import ESTIMATE_STATUSES, Estimate, Incident
from . import tables as T
from .lists import estimate_list_columns
from .mixin import StoreMixin, inserted_id
from .rows import as_float, chunks, now

__all__ = ["EstimatesMixin", "hash_token"]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class EstimatesMixin(StoreMixin):
    """Mixed into :class:`~claimwatch.store.Store` (needs ``_read`` / ``_write``)."""

    def save_estimates(self, estimates: Iterable[Estimate], *, replace_ids: Iterable[str] | None = None,
                       incidents: Iterable[Incident] | None = None, replace_incidents: Iterable[str] | None = None,
                       full: bool = False) -> int:
        """Insert or replace estimates (by id) and their incidents in one transaction.
        ``replace_ids`` / ``replace_incidents`` are removed first (what a re-reconciliation merged
        away or split); ``full`` replaces every stored estimate and incident."""
        ests = list(estimates)
        incs = list(incidents or ())
        for e in ests:
            if e.status not in ESTIMATE_STATUSES:
                raise ValidationError(e.id, detail=f"status {e.status!r} not one of {', '.join(ESTIMATE_STATUSES)}")
        drop = set(replace_ids or ()) | {e.id for e in ests}
        drop_inc = set(replace_incidents or ()) | {i.id for i in incs}
        stamp = now()
        with self._write() as conn:
            if full:
                conn.execute(delete(T.estimate_claims))
                conn.execute(delete(T.estimates))
                conn.execute(delete(T.incidents))
            for table, ids in ((T.estimates, sorted(drop)), (T.incidents, sorted(drop_inc))):
                for chunk in chunks(ids):
                    if table is T.estimates:
                        conn.execute(delete(T.estimate_claims).where(T.estimate_claims.c.estimate_id.in_(chunk)))
                    conn.execute(delete(table).where(table.c.id.in_(chunk)))
            if ests:
                conn.execute(insert(T.estimates), [{
                    "id": e.id, "event_type": e.event_type, "unit": e.unit, "low": as_float(e.low),
                    "best": as_float(e.best), "high": as_float(e.high), "status": e.status,
                    "independent_sources": e.independent_sources, "data": e.to_dict(), "updated_at": stamp,
                    "kind": e.kind, "measure": e.measure, "incident_id": e.incident,
                    **estimate_list_columns(e),
                } for e in ests])
                members = {}
                for e in ests:
                    for c in e.claims:
                        uid = f"{c.article_id}:{c.claim_id}"
                        members[(e.id, uid)] = {"estimate_id": e.id, "claim_uid": uid, "article_id": c.article_id}
                if members:
                    conn.execute(insert(T.estimate_claims), list(members.values()))
            if incs:
                conn.execute(insert(T.incidents), [{
                    "id": i.id, "event_type": i.event_types[0] if i.event_types else None, "country": i.country,
                    "date_start": (i.time or {}).get("start"), "date_end": (i.time or {}).get("end"),
                    "n_estimates": len(i.estimates), "data": i.to_dict(), "updated_at": stamp,
                } for i in incs])
        return len(ests)

    def list_estimates(self, status: str | None = None, event_type: str | None = None,
                       limit: int | None = None, offset: int = 0, *, incident: str | None = None,
                       kind: str | None = None, measure: str | None = None) -> list[Estimate]:
        q = select(T.estimates.c.data)
        if status:
            q = q.where(T.estimates.c.status == status)
        if event_type:
            q = q.where(T.estimates.c.event_type == event_type)
        if incident:
            q = q.where(T.estimates.c.incident_id == incident)
        if kind:
            q = q.where(T.estimates.c.kind == kind)
        if measure:
            q = q.where(T.estimates.c.measure == measure)
        q = q.order_by(T.estimates.c.id)
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self._read() as conn:
            return [Estimate.from_dict(r.data) for r in conn.execute(q)]

    def get_estimate(self, estimate_id: str) -> Estimate:
        return Estimate.from_dict(self._stored_data(T.estimates, estimate_id, "estimate"))

    def _stored_data(self, table: Table, key: str, what: str) -> dict[str, Any]:
        """The JSON ``data`` of the row of ``table`` with id ``key`` (NotFound names it ``what``)."""
        with self._read() as conn:
            row = conn.execute(select(table.c.data).where(table.c.id == key)).first()
        if row is None:
            raise NotFound(key, detail=f"{what} {key}")
        return dict(row.data)

    def estimates_for_claims(self, uids: Iterable[str]) -> dict[str, list[str]]:
        """claim uid → ids of the estimates it belongs to."""
        uids = list(uids)
        out: dict[str, list[str]] = {}
        with self._read() as conn:
            for chunk in chunks(uids):
                q = select(T.estimate_claims.c.claim_uid, T.estimate_claims.c.estimate_id).where(
                    T.estimate_claims.c.claim_uid.in_(chunk))
                for uid, eid in conn.execute(q):
                    out.setdefault(uid, []).append(eid)
        return out

    def estimates_for_articles(self, article_ids: Iterable[str]) -> list[str]:
        """Ids of the estimates holding a claim of any of these articles."""
        ids = list(article_ids)
        out: set[str] = set()
        with self._read() as conn:
            for chunk in chunks(ids):
                q = select(T.estimate_claims.c.estimate_id).where(T.estimate_claims.c.article_id.in_(chunk))
                out.update(r[0] for r in conn.execute(q))
        return sorted(out)

    def count_estimates(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(T.estimates)).scalar_one())

    # -- incidents ----------------------------------------------------------------------------
    def list_incidents(self, *, event_type: str | None = None, country: str | None = None,
                       since: str | None = None, until: str | None = None,
                       limit: int | None = None, offset: int = 0) -> list[Incident]:
        """Incidents, earliest first; ``event_type`` matches any of an incident's event types."""
        q = select(T.incidents.c.data)
        if country:
            q = q.where(func.lower(T.incidents.c.country) == country.lower())
        if since:
            q = q.where(T.incidents.c.date_end >= since)
        if until:
            q = q.where(T.incidents.c.date_start <= until)
        q = q.order_by(T.incidents.c.date_start.is_(None), T.incidents.c.date_start, T.incidents.c.id)
        with self._read() as conn:
            out = [Incident.from_dict(r.data) for r in conn.execute(q)]
        if event_type:
            out = [i for i in out if event_type in i.event_types]
        return out[offset:offset + limit] if limit is not None else out[offset:]

    def get_incident(self, incident_id: str) -> Incident:
        return Incident.from_dict(self._stored_data(T.incidents, incident_id, "incident"))

    # -- curations ----------------------------------------------------------------------------
    def add_curation(self, curation: dict) -> dict:
        """Append one curation (``claimwatch.reconcile.curation.Curation.to_dict()``) to the log
        and a revision row for every claim it names; returns it with its ``id`` and ``at``."""
        data = dict(curation)
        stamp = now()
        data["at"] = stamp.isoformat()
        for key in ("action", "who", "why", "estimate"):
            if not str(data.get(key) or "").strip():
                raise ValidationError("curation", detail=f"a curation needs {key}")
        with self._write() as conn:
            res = conn.execute(insert(T.curations).values(
                at=stamp, who=data["who"], why=data["why"], action=data["action"], estimate_id=data["estimate"],
                data=data))
            data["id"] = inserted_id(res)
            named = list(dict.fromkeys(list(data.get("claims") or []) + [
                u for uids in (data.get("members") or {}).values() for u in uids[:1]]))
            if named:
                conn.execute(insert(T.revisions), [{
                    "claim_uid": uid, "who": data["who"], "at": stamp, "action": f"curate-{data['action']}"[:16],
                    "before": {"estimate": data["estimate"]},
                    "after": {"curation": data["id"], "why": data["why"], "target": data.get("target"),
                              "value": data.get("value")},
                } for uid in named])
        return data

    def curations(self, estimate_id: str | None = None) -> list[dict]:
        """The curation log, oldest first, optionally only the curations made on one estimate."""
        q = select(T.curations.c.id, T.curations.c.data).order_by(T.curations.c.id)
        if estimate_id:
            q = q.where(T.curations.c.estimate_id == estimate_id)
        with self._read() as conn:
            rows = conn.execute(q).all()
        return [dict(r.data, id=r.id) for r in rows]

    # -- API tokens -------------------------------------------------------------------------
    def create_token(self, name: str) -> str:
        """A new API token; only its SHA-256 is stored, the plain token is returned once."""
        if not name or not name.strip():
            raise ValidationError("token", detail="a token needs a name")
        token = "cw_" + secrets.token_urlsafe(32)
        with self._write() as conn:
            conn.execute(insert(T.api_tokens).values(name=name.strip(), token_hash=hash_token(token),
                                                     created_at=now(), revoked=0))
        return token

    def check_token(self, token: str | None) -> str | None:
        """The name of a valid (not revoked) token, else None (so the result is truthy iff valid)."""
        if not token:
            return None
        with self._read() as conn:
            row = conn.execute(select(T.api_tokens.c.name).where(
                T.api_tokens.c.token_hash == hash_token(token), T.api_tokens.c.revoked == 0)).first()
        return None if row is None else str(row[0])

    def revoke_token(self, name: str) -> int:
        with self._write() as conn:
            return conn.execute(update(T.api_tokens).where(T.api_tokens.c.name == name).values(revoked=1)).rowcount
