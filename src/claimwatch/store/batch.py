"""Batch ingest: inputs → documents → extraction (parallel over cores) → store, in batches.

Documents are read lazily (``claimwatch.ingest.iter_inputs``), grouped into batches of
``settings.batch_size``, documents already stored (same ``Article.id``) are skipped before
extraction, the rest are extracted in a process pool (spaCy loaded once per worker) and each
batch is written in ONE transaction (every article with all its claims, or nothing). Rejects are
recorded with their reasons; the batch goes on.

Test hook: ``CLAIMWATCH_TEST_EXTRACTOR=module:function`` replaces extraction by a function
``(documents) -> iterable of Article | Reject`` (used by the crash-safety and concurrency tests to
run without the NLP pipeline); never set in normal use.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import ClaimwatchError, ExtractionError
from ..ingest.document import Document, Reject
from ..model import Article, article_id_for
from ..settings import load_settings
from .rows import Prepared, prepare

__all__ = ["IngestResult", "ingest", "resolve_extractor", "EXTRACTOR_ENV"]

EXTRACTOR_ENV = "CLAIMWATCH_TEST_EXTRACTOR"


@dataclass
class IngestResult:
    run_id: int | None = None
    accepted: int = 0          # new articles stored
    near_duplicates: int = 0   # of those, linked to an earlier original
    already_stored: int = 0    # exact re-ingest, skipped
    rejected: int = 0
    rejects: list[Reject] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.accepted} stored ({self.near_duplicates} near-duplicates linked), "
                f"{self.already_stored} already stored, {self.rejected} rejected in {self.seconds:.1f}s")


def resolve_extractor() -> Callable[[list[Document]], Iterable[Article | Reject]]:
    spec = os.environ.get(EXTRACTOR_ENV)
    if spec:
        mod, _, fn = spec.partition(":")
        return getattr(importlib.import_module(mod), fn)
    try:
        from ..extract.api import extract_many
    except ImportError as exc:
        raise ExtractionError("extract", detail=f"extraction API unavailable ({exc})") from None
    return lambda docs: extract_many(docs, batch_size=max(1, len(docs)))


_WORKER_EXTRACT = None
_WORKER_ERROR: ClaimwatchError | None = None


def _init_worker() -> None:
    """Pool initializer: resolve extraction and load spaCy once per worker. Never raises (a raising
    initializer makes the pool respawn workers forever); the first batch reports the error."""
    global _WORKER_EXTRACT, _WORKER_ERROR
    try:
        _WORKER_EXTRACT = resolve_extractor()
    except ClaimwatchError as exc:
        _WORKER_ERROR = exc
        return
    if not os.environ.get(EXTRACTOR_ENV):
        try:  # load spaCy once per worker, before the first batch arrives
            from ..extract.pipeline import get_pipeline

            get_pipeline()
        except Exception:  # noqa: BLE001 - the first extraction reports the real error
            pass


def _extract_batch(docs: list[Document]) -> tuple[list[Article | Reject], float, dict[str, Prepared]]:
    """Extract one batch in a worker: (results, seconds, prepared rows by article id).

    The near-duplicate signature and claim JSON of every article (``store.rows.prepare``) are
    computed here, in parallel, rather than in the single writing process
    (``Store.add_articles(prepared=...)``); ``seconds`` includes that work."""
    if _WORKER_EXTRACT is None:
        _init_worker()
    if _WORKER_EXTRACT is None:
        raise _WORKER_ERROR or ExtractionError("extract", detail="extraction unavailable")
    t0 = time.perf_counter()
    try:
        out = list(_WORKER_EXTRACT(docs))  # type: ignore[misc]
        if len(out) != len(docs):
            raise ExtractionError("extract", detail=f"{len(out)} results for {len(docs)} documents")
    except Exception:  # noqa: BLE001 - isolate the bad document: one at a time
        out = []
        for doc in docs:
            try:
                out.extend(list(_WORKER_EXTRACT([doc])) or [Reject(doc.name, "E201", "extraction failed: no result")])  # type: ignore[misc]
            except ClaimwatchError as exc:
                out.append(Reject.from_error(exc, doc.name))
            except Exception as exc:  # noqa: BLE001
                out.append(Reject(doc.name, "E201", f"extraction failed: {type(exc).__name__}: {exc}"[:300]))
    prepared: dict[str, Prepared] = {}
    for doc, res in zip(docs, out):
        if isinstance(res, Article):
            for key in ("url", "title", "published", "outlet"):
                if getattr(res, key) is None and getattr(doc, key) is not None:
                    setattr(res, key, getattr(doc, key))
            if res.id not in prepared:
                try:
                    prepared[res.id] = prepare(res)
                except Exception:  # noqa: BLE001 - the writer redoes it and reports the problem
                    pass
    return out, time.perf_counter() - t0, prepared


def _batches(items: Iterable[Document | Reject], size: int) -> Iterator[tuple[list[Document], list[Reject]]]:
    docs: list[Document] = []
    rejects: list[Reject] = []
    for item in items:
        if isinstance(item, Reject):
            rejects.append(item)
        else:
            docs.append(item)
        if len(docs) >= size or len(rejects) >= size:
            yield docs, rejects
            docs, rejects = [], []
    if docs or rejects:
        yield docs, rejects


def ingest(inputs: Iterable[str] | Iterable[Document | Reject], store, *, workers: int | None = None,
           batch_size: int | None = None, on_progress: Callable[[IngestResult], None] | None = None,
           skip_url: Callable[[str], bool] | None = None, fetch_pages: bool = True, kind: str = "ingest",
           names: list[str] | None = None) -> IngestResult:
    """Ingest ``inputs`` (paths/URLs, or already-read Documents/Rejects) into ``store``."""
    settings = load_settings()
    size = batch_size or settings.batch_size
    n_workers = workers if workers is not None else settings.workers
    n_workers = n_workers or (os.cpu_count() or 1)
    inputs = list(inputs) if not isinstance(inputs, Iterator) else inputs
    if isinstance(inputs, list) and all(isinstance(i, (str, os.PathLike)) for i in inputs):
        from ..ingest import iter_inputs

        labels = names or [str(i) for i in inputs]
        stream: Iterable[Document | Reject] = iter_inputs(inputs, fetch_pages=fetch_pages, skip_url=skip_url)
    else:
        labels = names or ["<documents>"]
        stream = inputs
    resolve_extractor()  # fail fast, before any worker starts
    res = IngestResult(run_id=store.start_run(kind, labels))
    t_start = time.perf_counter()

    def pending() -> Iterator[list[Document]]:
        for docs, rejects in _batches(stream, size):
            if rejects:
                _record(store, res, rejects)
            if docs:
                seen: set[str] = set()
                unique = []
                for d in docs:
                    aid = article_id_for(d.text)
                    if aid not in seen:
                        seen.add(aid)
                        unique.append((aid, d))
                stored = store.has_articles(seen)
                res.already_stored += len(docs) - len(unique) + len(stored)
                fresh = [d for aid, d in unique if aid not in stored]
                if on_progress:
                    on_progress(res)
                if fresh:
                    yield fresh

    status = "failed"
    try:
        if n_workers <= 1:
            _init_worker()
            results = (_extract_batch(b) for b in pending())
            _write_all(results, store, res, on_progress)
        else:
            ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
            with ctx.Pool(n_workers, initializer=_init_worker) as pool:
                _write_all(pool.imap(_extract_batch, pending()), store, res, on_progress)
        status = "done"
    finally:
        res.seconds = time.perf_counter() - t_start
        try:
            store.finish_run(res.run_id, res.accepted, res.rejected, status=status)
        except ClaimwatchError:
            pass
    return res


def _record(store, res: IngestResult, rejects: list[Reject]) -> None:
    store.record_rejects([(r.name, r.code, r.reason) for r in rejects], run_id=res.run_id)
    res.rejected += len(rejects)
    res.rejects.extend(rejects)


def _write_all(results, store, res: IngestResult, on_progress) -> None:
    for out, seconds, prepared in results:
        res.extract_seconds += seconds
        arts = [a for a in out if isinstance(a, Article)]
        rej = [r for r in out if isinstance(r, Reject)]
        t0 = time.perf_counter()
        if rej:
            _record(store, res, rej)
        if arts:
            new = store.add_articles(arts, run_id=res.run_id, prepared=prepared)
            added = set(store.last_added_ids)
            res.accepted += new
            res.already_stored += len(arts) - new
            res.near_duplicates += sum(1 for a in arts if a.id in added and a.duplicate_of)
            res.article_ids.extend(a.id for a in arts if a.id in added)
        res.store_seconds += time.perf_counter() - t0
        if on_progress:
            on_progress(res)
