"""Ingest jobs of the web app (``ingest_jobs``): articles posted to the API, extracted by the
app's job queue (``claimwatch.web.jobs``). A row per job, readable from any server process."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, update

from ..errors import NotFound, ValidationError
from . import tables as T
from .mixin import StoreMixin
from .rows import now

__all__ = ["JobsMixin", "JOB_STATUSES"]

JOB_STATUSES = ("queued", "running", "done", "failed")
_FIELDS = {"status", "started_at", "finished_at", "article_id", "created", "claims", "estimates",
           "error_code", "error_message"}


class JobsMixin(StoreMixin):
    """Mixed into :class:`~claimwatch.store.Store` (needs ``_read`` / ``_write``)."""

    def create_job(self, job_id: str, who: str | None, name: str | None) -> None:
        with self._write() as conn:
            conn.execute(insert(T.ingest_jobs).values(id=job_id, status="queued", who=who,
                                                      name=(name or None) and name[:500], submitted_at=now()))

    def update_job(self, job_id: str, **values: Any) -> None:
        unknown = set(values) - _FIELDS
        if unknown or values.get("status", "queued") not in JOB_STATUSES:
            raise ValidationError(job_id, detail=f"bad job update {sorted(values)}")
        with self._write() as conn:
            conn.execute(update(T.ingest_jobs).where(T.ingest_jobs.c.id == job_id).values(**values))

    def get_job(self, job_id: str) -> dict[str, Any]:
        with self._read() as conn:
            row = conn.execute(select(T.ingest_jobs).where(T.ingest_jobs.c.id == job_id)).first()
        if row is None:
            raise NotFound(job_id, detail=f"job {job_id}")
        return dict(row._mapping)
