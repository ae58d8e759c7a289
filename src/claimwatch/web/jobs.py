"""Articles posted to the API are extracted off the event loop, by a job queue the app owns.

``POST /api/articles`` reads and checks the document (size, encoding, language: a bad document is
refused at once, 4xx), records a job (``ingest_jobs``: queued), hands it to the queue and answers
``202`` with the job's id and status URL; ``GET /api/jobs/{id}`` tells where it is (queued,
running, done with the article and its claims, or failed with the error) from any server process.
``?wait=SECONDS`` waits (without blocking the server) for the result and answers it as ``201``
(stored), ``200`` (already stored) or the job's error.

The queue runs :func:`ingest_document` — extract, store, update estimates — in worker processes
(``settings.ingest_workers``, a process pool started on first use), so extraction never holds
the server's event loop or its interpreter lock; the workers run at a lower CPU priority
(``nice`` +10), so on a busy machine reads are served first and extraction takes what is left. An app built with its own ``extractor`` (tests,
embedding) runs the same function in a worker thread instead.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import logging
import multiprocessing
import threading
import uuid
from dataclasses import asdict
from datetime import date
from typing import Any, Callable

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..errors import ClaimwatchError, InputError, ValidationError
from ..ingest.document import Document
from ..settings import Settings, load_settings
from ..store.rows import now
from .api import ERROR_RESPONSES
from .bodies import parse_json
from .security import Identity, require_read, require_write

__all__ = ["router", "IngestQueue", "ingest_document"]

log = logging.getLogger("claimwatch.web")

router = APIRouter(prefix="/api", tags=["ingest"], responses=ERROR_RESPONSES)


# -- the work --------------------------------------------------------------------------------
def ingest_document(store: Any, doc: Document, extractor: Callable | None, update_estimates: Callable | None,
                    settings: Settings | None = None) -> dict[str, Any]:
    """One posted document through the ingest flow (:func:`claimwatch.flow.ingest_document`:
    check, extract, store, update the estimates it touches), as the job's result."""
    from ..flow import ingest_document as flow_ingest_document

    res = flow_ingest_document(doc, store, settings=settings, extractor=extractor, reconciler=update_estimates)
    if res.reconcile_error:
        log.error("estimate update failed for %s: %s", res.article.id, res.reconcile_error)
        estimates: dict[str, Any] = {"updated": None,
                                     "error": "the estimates could not be updated (the server log has the cause)"}
    else:
        estimates = {"updated": [e.id for e in res.estimates or []], "error": None}
    return {"article_id": res.article.id, "created": res.created, "claims": len(res.article.claims),
            "estimates": estimates}


def _run_job(store: Any, job_id: str, doc: Document, extractor: Callable | None, update_estimates: Callable | None,
             settings: Settings | None = None) -> dict:
    store.update_job(job_id, status="running", started_at=now())
    try:
        result = ingest_document(store, doc, extractor, update_estimates, settings)
    except ClaimwatchError as exc:
        message = exc.reason if exc.http_status < 500 else "the article could not be extracted (the server log has the cause)"
        if exc.http_status >= 500:
            log.error("ingest job %s failed: %s", job_id, exc)
        store.update_job(job_id, status="failed", finished_at=now(), error_code=exc.code, error_message=message)
        return {"status": "failed", "error_code": exc.code, "error_message": message}
    except Exception:
        log.exception("ingest job %s failed", job_id)
        message = "the article could not be extracted (the server log has the cause)"
        store.update_job(job_id, status="failed", finished_at=now(), error_code="E201", error_message=message)
        return {"status": "failed", "error_code": "E201", "error_message": message}
    store.update_job(job_id, status="done", finished_at=now(), article_id=result["article_id"],
            created=int(result["created"]), claims=result["claims"], estimates=result["estimates"])
    return {"status": "done", **result}


_WORKER_STORES: dict[str, Any] = {}


def _process_job(db_url: str, job_id: str, doc_fields: dict, settings: Settings) -> dict:
    """Entry point in a worker process: its own store connection, the flow's defaults (the NLP
    pipeline, :func:`claimwatch.reconcile.update_estimates`) and the app's settings."""
    from ..store import Store

    store = _WORKER_STORES.get(db_url)
    if store is None:
        store = _WORKER_STORES[db_url] = Store(db_url, dedup_threshold=settings.dedup_threshold)
    return _run_job(store, job_id, Document(**doc_fields), None, None, settings)


#: how much lower than the server's the ingest workers' CPU priority is (``nice``): extraction is
#: background work, so on a busy machine page requests and the health check get the CPU first
INGEST_NICENESS = 10


def _background_priority() -> None:
    """Initializer of each ingest worker process: lower its CPU priority."""
    import os

    try:
        os.nice(INGEST_NICENESS)
    except (AttributeError, OSError):  # not on this platform / not permitted: run at normal priority
        pass


def _warm() -> bool:
    """Load the pipeline a job's extraction uses (the flow's default) in a worker process."""
    from ..extract.pipeline import get_pipeline

    get_pipeline()
    return True


# -- the queue -------------------------------------------------------------------------------
class IngestQueue:
    """The app's ingest jobs: a row per job in the store, the work in worker processes (or a
    worker thread for an app given its own extractor)."""

    def __init__(self, store: Any, *, workers: int = 1, extractor: Callable | None = None,
                 update_estimates: Callable | None = None, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or load_settings()
        self.workers = max(1, int(workers))
        self.extractor = extractor
        self.update_estimates = update_estimates
        self._pool: cf.Executor | None = None
        self._pending: dict[str, cf.Future] = {}
        self._lock = threading.Lock()

    @property
    def in_process(self) -> bool:
        """True when jobs run in worker processes (the real pipeline on a database other processes
        can open), False for a worker thread."""
        url = str(getattr(self.store, "url", ""))
        return self.extractor is None and ":memory:" not in url and url != "sqlite://"

    def _executor(self) -> cf.Executor:
        with self._lock:
            if self._pool is None:
                if self.in_process:
                    # forkserver: workers never inherit the server's threads or sockets
                    ctx = multiprocessing.get_context("forkserver")
                    self._pool = cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx,
                                                        initializer=_background_priority)
                else:
                    self._pool = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimwatch-ingest")
            return self._pool

    def warm_up(self) -> None:
        """Start the workers and load the pipeline in them now rather than on the first job."""
        if self.in_process:
            self._executor().submit(_warm)

    def submit(self, doc: Document, who: str | None) -> tuple[str, cf.Future]:
        job_id = uuid.uuid4().hex
        self.store.create_job(job_id, who, doc.title or doc.url)
        if self.in_process:
            future = self._executor().submit(_process_job, self.store.url, job_id, asdict(doc), self.settings)
        else:
            future = self._executor().submit(_run_job, self.store, job_id, doc, self.extractor,
                                             self.update_estimates, self.settings)
        with self._lock:
            self._pending[job_id] = future
        future.add_done_callback(lambda _f: self._forget(job_id))
        return job_id, future

    def _forget(self, job_id: str) -> None:
        with self._lock:
            self._pending.pop(job_id, None)

    def status(self, job_id: str) -> dict[str, Any]:
        return job_json(self.store.get_job(job_id))

    def shutdown(self) -> None:
        """Stop the workers (a server that stops leaves no extraction running behind it). Jobs
        not finished are marked failed with the reason; their articles can simply be posted again
        (a half-done job wrote nothing: each write is one transaction)."""
        with self._lock:
            pool, self._pool = self._pool, None
            pending, self._pending = dict(self._pending), {}
        if pool is None:
            return
        procs = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)
        for job_id in pending if self.in_process else ():  # a worker thread finishes its job by itself
            try:
                if self.store.get_job(job_id)["status"] in ("queued", "running"):
                    self.store.update_job(job_id, status="failed", finished_at=now(), error_code="E505",
                                          error_message="the server stopped before the job finished; post the article again")
            except ClaimwatchError:
                log.exception("could not mark job %s as failed", job_id)


def job_json(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": row["id"], "status": row["status"], "name": row.get("name"),
                           "status_url": f"/api/jobs/{row['id']}"}
    for key in ("submitted_at", "started_at", "finished_at"):
        value = row.get(key)
        out[key] = value.isoformat() if isinstance(value, date) else value
    if row["status"] == "done":
        out.update({"article_id": row["article_id"], "created": bool(row["created"]), "claims": row["claims"],
                    "page": f"/articles/{row['article_id']}", "estimates": row["estimates"]})
    elif row["status"] == "failed":
        out["error"] = {"code": row["error_code"], "message": row["error_message"]}
    return out


# -- routes ----------------------------------------------------------------------------------
class ArticleBody(BaseModel):
    text: str = Field(description="Article body (plain text) or an HTML page when `html` is true")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, max_length=40, description="ISO date")
    outlet: str | None = Field(default=None, max_length=500)
    html: bool = Field(default=False, description="`text` is an HTML page: extract its main text")


#: longest metadata values a posted article may carry (query string or JSON)
_META_LIMITS = {"title": 1000, "url": 4000, "outlet": 500, "published": 40}


def _json_body(raw: bytes, name: str) -> ArticleBody:
    try:
        return ArticleBody.model_validate(parse_json(raw, name))
    except ClaimwatchError:
        raise
    except Exception as exc:
        errors: list[dict[str, Any]] = getattr(exc, "errors", lambda: [])()
        detail = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in errors[:3]) or "malformed"
        raise ValidationError(name, detail=detail) from None


def _with_meta(doc: Document, given: dict[str, Any]) -> Document:
    """``doc`` with the metadata given (else what the reader found), each cut to its limit."""
    for key, limit in _META_LIMITS.items():
        value = given.get(key) or getattr(doc, key)
        setattr(doc, key, value[:limit] if value else None)
    return doc


def _document(request: Request, ctype: str, raw: bytes) -> Document:
    from ..ingest import read_bytes

    settings = request.app.state.settings
    name = "request body"
    if ctype == "application/json":
        body = _json_body(raw, name)
        if not body.html:
            return Document(text=body.text, title=body.title, url=body.url, published=body.published,
                            outlet=body.outlet, name=name)
        doc = read_bytes(body.text.encode("utf-8", "surrogatepass"), name, content_type="text/html",
                         settings=settings)
        doc.url, doc.outlet = None, None  # the page's own, if any, are not taken for the sender's
        return _with_meta(doc, body.model_dump())
    if ctype in ("text/plain", "text/html", "application/xhtml+xml", ""):
        doc = read_bytes(raw, name, content_type=ctype or None, settings=settings)
        return _with_meta(doc, dict(request.query_params))
    raise InputError(name, detail=f"unsupported content type {ctype!r} (use application/json, text/plain or text/html)")


@router.post("/articles", status_code=202, summary="Post one article: extracted, stored and reconciled by a job",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": ArticleBody.model_json_schema()},
                 "text/plain": {"schema": {"type": "string"}},
                 "text/html": {"schema": {"type": "string"}}}}})
async def ingest_article(request: Request, wait: float = Query(0, ge=0, le=300, allow_inf_nan=False, description="Seconds to wait for "
                         "the result (201/200 when it comes in time, else 202 with the job)"),
                         ident: Identity = Depends(require_write)):
    """Send JSON (`ArticleBody`) or the raw document (`text/plain` or `text/html` body, metadata in
    the query string: `title`, `url`, `published`, `outlet`). Answers 202 `{job, status, status_url}`."""
    from starlette.concurrency import run_in_threadpool

    from ..ingest.validate import check_document

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    doc = await run_in_threadpool(_document, request, ctype, raw)
    # size (E105, 413), encoding, emptiness, language: refused now, before a job exists
    await run_in_threadpool(check_document, doc, request.app.state.settings)
    queue: IngestQueue = request.app.state.ingest_queue
    job_id, future = await run_in_threadpool(queue.submit, doc, ident.name)
    if wait:
        try:
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), timeout=wait)
        except asyncio.TimeoutError:
            pass
    job = await run_in_threadpool(queue.status, job_id)
    if job["status"] == "done":
        return JSONResponse(status_code=201 if job["created"] else 200, content=job | {"job": job_id})
    if job["status"] == "failed":
        err = ClaimwatchError(job_id, code=job["error"]["code"])
        return JSONResponse(status_code=err.http_status if err.http_status < 500 else 500, content={"error": {
            "code": job["error"]["code"], "message": job["error"]["message"], "detail": {"job": job_id}}})
    return JSONResponse(status_code=202, content=job | {"job": job_id},
                        headers={"Location": job["status_url"]})


@router.get("/jobs/{job_id}", summary="Where a posted article is: queued, running, done (its article) or failed")
def job_status(request: Request, job_id: str, _: Identity = Depends(require_read)):
    return request.app.state.ingest_queue.status(job_id[:64])
