"""Ingest runs, rejects and the reconcile queue: the parts of the store the ingest flow
(``claimwatch.flow``) keeps its books in.

A run is recorded ``running`` when it starts (with the host and process that run it), beats a
heartbeat while it works, and is closed ``done`` or ``failed``; a run that a crash left
``running`` is closed ``interrupted`` by the run that recovers it. Every stored article is
queued for reconciliation in the transaction that stores it (``Store.write_articles``) and
leaves the queue once its estimates are updated (:meth:`RunsMixin.dequeue_reconciled`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import delete, insert, select, update

from . import tables as T
from .mixin import StoreMixin, inserted_id
from .rows import chunks, now

__all__ = ["RunsMixin", "RUN_STATUSES", "as_utc"]

RUN_STATUSES = ("running", "done", "failed", "interrupted")


def as_utc(value: datetime | None) -> datetime | None:
    """A stored timestamp as an aware UTC datetime (SQLite gives them back naive)."""
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class RunsMixin(StoreMixin):
    """Mixed into :class:`~claimwatch.store.Store` (needs ``_read`` / ``_write``)."""

    def start_run(self, kind: str, inputs: list[str] | tuple[str, ...], *, host: str | None = None,
                  pid: int | None = None) -> int:
        stamp = now()
        with self._write() as conn:
            res = conn.execute(insert(T.ingest_runs).values(
                kind=kind, inputs=list(inputs), started_at=stamp, accepted=0, rejected=0, status="running",
                host=host, pid=pid, heartbeat_at=stamp))
            return inserted_id(res)

    def touch_run(self, run_id: int) -> None:
        """The run's heartbeat: it is alive now."""
        with self._write() as conn:
            conn.execute(update(T.ingest_runs).where(T.ingest_runs.c.id == run_id).values(heartbeat_at=now()))

    def finish_run(self, run_id: int, accepted: int, rejected: int, status: str = "done") -> None:
        if status not in RUN_STATUSES:
            raise ValueError(f"run status {status!r} not one of {', '.join(RUN_STATUSES)}")
        stamp = now()
        with self._write() as conn:
            conn.execute(update(T.ingest_runs).where(T.ingest_runs.c.id == run_id).values(
                finished_at=stamp, heartbeat_at=stamp, accepted=accepted, rejected=rejected, status=status))

    def mark_interrupted(self, run_ids: Iterable[int]) -> None:
        """Close runs a crash left ``running`` (their articles were recovered)."""
        ids = list(run_ids)
        if not ids:
            return
        with self._write() as conn:
            conn.execute(update(T.ingest_runs).where(T.ingest_runs.c.id.in_(ids))
                         .where(T.ingest_runs.c.status == "running")
                         .values(status="interrupted", finished_at=now()))

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(select(T.ingest_runs).order_by(T.ingest_runs.c.id.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]

    def unfinished_runs(self) -> list[dict[str, Any]]:
        """Runs recorded ``running``: live ones, and ones a crash left behind."""
        r = T.ingest_runs
        with self._read() as conn:
            rows = conn.execute(select(r.c.id, r.c.kind, r.c.host, r.c.pid, r.c.started_at, r.c.heartbeat_at)
                                .where(r.c.status == "running").order_by(r.c.id))
            return [dict(row._mapping, started_at=as_utc(row.started_at), heartbeat_at=as_utc(row.heartbeat_at))
                    for row in rows]

    # -- the reconcile queue ------------------------------------------------------------------
    def queued_for_reconcile(self, *, exclude_runs: Iterable[int] = ()) -> dict[str, int | None]:
        """Stored articles whose estimates are pending, ``{article_id: run_id}``, leaving out
        those of ``exclude_runs`` (runs still at work)."""
        q = select(T.reconcile_queue.c.article_id, T.reconcile_queue.c.run_id)
        skip = list(exclude_runs)
        if skip:
            q = q.where((T.reconcile_queue.c.run_id.is_(None)) | (T.reconcile_queue.c.run_id.not_in(skip)))
        with self._read() as conn:
            return {row.article_id: row.run_id for row in conn.execute(q.order_by(T.reconcile_queue.c.article_id))}

    def dequeue_reconciled(self, article_ids: Iterable[str]) -> None:
        """Take articles off the reconcile queue: their estimates are up to date."""
        ids = sorted(set(article_ids))
        if not ids:
            return
        with self._write() as conn:
            for chunk in chunks(ids):
                conn.execute(delete(T.reconcile_queue).where(T.reconcile_queue.c.article_id.in_(chunk)))

    # -- rejects ------------------------------------------------------------------------------
    def record_reject(self, name: str, code: str, reason: str, *, run_id: int | None = None) -> None:
        self.record_rejects([(name, code, reason)], run_id=run_id)

    def record_rejects(self, items: Iterable[tuple[str, str, str]], *, run_id: int | None = None) -> None:
        rows = [{"run_id": run_id, "name": n, "code": c, "reason": r, "at": now()} for n, c, r in items]
        if rows:
            with self._write() as conn:
                conn.execute(insert(T.rejects), rows)

    def rejects(self, run_id: int | None = None) -> list[dict[str, Any]]:
        q = select(T.rejects.c.run_id, T.rejects.c.name, T.rejects.c.code, T.rejects.c.reason, T.rejects.c.at)
        if run_id is not None:
            q = q.where(T.rejects.c.run_id == run_id)
        with self._read() as conn:
            return [dict(r._mapping) for r in conn.execute(q.order_by(T.rejects.c.id))]
