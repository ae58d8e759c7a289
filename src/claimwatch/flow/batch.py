"""Batch ingest: inputs → documents → extraction (parallel over cores) → store → estimates.

Documents are read lazily (``claimwatch.ingest.iter_inputs``) and checked
(``ingest.validate.check_document``: size, encoding, a ``published`` that is not a date dropped
with a warning), grouped into batches of ``settings.batch_size``; documents already stored (same
``Article.id``) are skipped before extraction, the rest are extracted in a process pool (spaCy
loaded once per worker) within the per-article time budget, and each batch is written in ONE
transaction (every article with all its claims, or nothing). Rejects are recorded with their
reasons; the batch goes on. The whole run is a :class:`~claimwatch.flow.runs.RunScope`: recorded,
recovering what a crashed run left, and reconciling what it stored.

The extractor is a parameter (``extractor=``, ``(documents) -> iterable of Article | Reject``,
in input order); the default runs :func:`claimwatch.extract.api.extract_many`.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import ClaimwatchError, ExtractionError
from ..ingest.document import Document, Reject
from ..ingest.validate import check_document
from ..model import Article, article_id_for
from ..settings import Settings, load_settings
from ..store import Store
from ..store.rows import Prepared, prepare
from .budget import OverBudget, time_budget, too_slow
from .runs import Reconciler, Recovery, RunScope

__all__ = ["IngestResult", "ingest_inputs", "extract_documents", "default_extractor", "Extractor"]

#: ``(documents) -> Article | Reject`` per document, in input order.
Extractor = Callable[[list[Document]], Iterable[Article | Reject]]


def default_extractor(docs: list[Document]) -> Iterable[Article | Reject]:
    """The NLP extraction (:func:`claimwatch.extract.api.extract_many`, one ``nlp.pipe`` batch)."""
    from ..extract.api import extract_many

    return extract_many(docs, batch_size=max(1, len(docs)))


@dataclass
class IngestResult:
    run_id: int | None = None
    accepted: int = 0          # new articles stored
    near_duplicates: int = 0   # of those, linked to an earlier original
    already_stored: int = 0    # exact re-ingest, skipped
    rejected: int = 0
    rejects: list[Reject] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    recovery: Recovery = field(default_factory=Recovery)
    estimates: int | None = None       # estimates recomputed for this run's articles (None: not reconciled)
    reconcile_error: str | None = None
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.accepted} stored ({self.near_duplicates} near-duplicates linked), "
                f"{self.already_stored} already stored, {self.rejected} rejected in {self.seconds:.1f}s")


# -- the extraction worker (a pool process, or this process with one worker) ------------------
_WORKER: dict[str, Any] = {}


def _init_worker(extractor: Extractor | None, budget: float) -> None:
    """Pool initializer: keep the extractor and budget, load spaCy once per worker for the default
    extractor. Never raises (a raising initializer makes the pool respawn workers forever)."""
    _WORKER["extract"] = extractor or default_extractor
    _WORKER["budget"] = budget
    if extractor is None:
        try:  # load spaCy once per worker, before the first batch arrives
            from ..extract.pipeline import get_pipeline

            get_pipeline()
        except Exception:  # noqa: BLE001 - the first extraction reports the real error
            pass


def _extract_one(doc: Document, extract: Extractor, budget: float) -> Article | Reject:
    try:
        with time_budget(budget):
            out = list(extract([doc]))
    except OverBudget:
        return Reject.from_error(too_slow(doc.name, budget), doc.name)
    except ClaimwatchError as exc:
        return Reject.from_error(exc, doc.name)
    except Exception as exc:  # noqa: BLE001
        return Reject(doc.name, "E201", f"extraction failed: {type(exc).__name__}: {exc}"[:300])
    if len(out) != 1:
        return Reject(doc.name, "E201", f"extraction failed: {len(out)} results for one document")
    return out[0]


def extract_documents(docs: list[Document], *, extractor: Extractor | None = None,
                      budget: float = 0.0) -> list[Article | Reject]:
    """Extract a batch, one result per document in order, within the per-article time budget.

    The whole batch runs under ``len(docs)`` × ``budget``; a batch that fails or runs over is
    redone one article at a time, each under its own budget, so only the bad or slow article is
    refused (E201 / E108). Metadata the extractor left empty comes from the document."""
    extract = extractor or default_extractor
    try:
        with time_budget(budget * len(docs)):
            out = list(extract(docs))
        if len(out) != len(docs):
            raise ExtractionError("extract", detail=f"{len(out)} results for {len(docs)} documents")
    except (Exception, OverBudget):  # noqa: BLE001 - isolate the bad or slow document
        out = [_extract_one(doc, extract, budget) for doc in docs]
    for doc, res in zip(docs, out):
        if isinstance(res, Article):
            _fill_metadata(res, doc)
    return out


def _extract_batch(docs: list[Document]) -> tuple[list[Article | Reject], float, dict[str, Prepared]]:
    """Extract one batch in a worker: (results, seconds, prepared rows by article id).

    The near-duplicate signature and claim JSON of every article (``store.rows.prepare``) are
    computed here, in parallel, rather than in the single writing process; ``seconds`` includes
    that work."""
    t0 = time.perf_counter()
    out = extract_documents(docs, extractor=_WORKER.get("extract"), budget=_WORKER.get("budget", 0.0))
    prepared: dict[str, Prepared] = {}
    for res in out:
        if isinstance(res, Article):
            if res.id not in prepared:
                try:
                    prepared[res.id] = prepare(res)
                except Exception:  # noqa: BLE001 - the writer redoes it and reports the problem
                    pass
    return out, time.perf_counter() - t0, prepared


def _fill_metadata(article: Article, doc: Document) -> None:
    """Metadata the extractor left empty comes from the (checked) document."""
    for key in ("url", "title", "published", "outlet"):
        if getattr(article, key) is None and getattr(doc, key) is not None:
            setattr(article, key, getattr(doc, key))


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


def _checked(stream: Iterable[Document | Reject], settings: Settings, res: IngestResult) -> Iterator[Document | Reject]:
    """Documents checked before extraction (limits, encoding, metadata); a bad one becomes a Reject."""
    for item in stream:
        if isinstance(item, Reject):
            yield item
            continue
        try:
            res.warnings.extend(check_document(item, settings))
        except ClaimwatchError as exc:
            yield Reject.from_error(exc, item.name)
            continue
        yield item


# -- the run ----------------------------------------------------------------------------------
def ingest_inputs(inputs: Iterable[str] | Iterable[Document | Reject], store: Store, *,
                  settings: Settings | None = None, extractor: Extractor | None = None,
                  reconciler: Reconciler | None = None, reconcile: bool = True, workers: int | None = None,
                  batch_size: int | None = None, on_progress: Callable[[IngestResult], None] | None = None,
                  skip_url: Callable[[str], bool] | None = None, fetch_pages: bool = True, kind: str = "ingest",
                  names: list[str] | None = None) -> IngestResult:
    """Ingest ``inputs`` (paths/URLs, or already-read Documents/Rejects) into ``store`` as one
    recorded run, and update the estimates of what it stored (unless ``reconcile=False``)."""
    settings = settings or load_settings()
    size = batch_size or settings.batch_size
    n_workers = workers if workers is not None else settings.workers
    n_workers = n_workers or (os.cpu_count() or 1)
    items = list(inputs) if not isinstance(inputs, Iterator) else inputs
    stream: Iterable[Document | Reject]
    if isinstance(items, list) and all(isinstance(i, (str, os.PathLike)) for i in items):
        from ..ingest import iter_inputs

        labels = names or [str(i) for i in items]
        stream = iter_inputs([str(i) for i in items], fetch_pages=fetch_pages, skip_url=skip_url, settings=settings)
    else:
        labels = names or ["<documents>"]
        stream = items  # type: ignore[assignment]  # not paths: the Documents/Rejects of the signature's second form
    scope = RunScope(store, kind, labels, settings=settings, reconciler=reconciler, reconcile=reconcile)
    res = IngestResult(run_id=scope.start(), recovery=scope.recovery)
    t_start = time.perf_counter()
    try:
        _run_batches(_checked(stream, settings, res), store, res, scope, size=size, workers=n_workers,
                     extractor=extractor, budget=settings.max_seconds_per_article, on_progress=on_progress)
    except BaseException:
        res.seconds = time.perf_counter() - t_start
        scope.fail(res.accepted, res.rejected)
        raise
    outcome = scope.finish(res.article_ids, res.accepted, res.rejected)
    res.estimates = None if outcome.estimates is None else len(outcome.estimates)
    res.reconcile_error = outcome.error
    res.seconds = time.perf_counter() - t_start
    return res


def _run_batches(stream: Iterable[Document | Reject], store: Store, res: IngestResult, scope: RunScope, *,
                 size: int, workers: int, extractor: Extractor | None, budget: float,
                 on_progress: Callable[[IngestResult], None] | None) -> None:
    def pending() -> Iterator[list[Document]]:
        for docs, rejects in _batches(stream, size):
            if rejects:
                _record(store, res, rejects)
            fresh = _not_stored(store, docs, res) if docs else []
            if on_progress:
                on_progress(res)
            if fresh:
                yield fresh

    if workers <= 1:
        _init_worker(extractor, budget)
        _write_all((_extract_batch(b) for b in pending()), store, res, scope, on_progress)
        return
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(extractor, budget)) as pool:
        _write_all(pool.imap(_extract_batch, pending()), store, res, scope, on_progress)


def _not_stored(store: Store, docs: list[Document], res: IngestResult) -> list[Document]:
    """The documents of a batch that are not stored yet (nor repeated earlier in the batch)."""
    seen: set[str] = set()
    unique = []
    for d in docs:
        aid = article_id_for(d.text)
        if aid not in seen:
            seen.add(aid)
            unique.append((aid, d))
    stored = store.has_articles(seen)
    res.already_stored += len(docs) - len(unique) + len(stored)
    return [d for aid, d in unique if aid not in stored]


def _record(store: Store, res: IngestResult, rejects: list[Reject]) -> None:
    store.record_rejects([(r.name, r.code, r.reason) for r in rejects], run_id=res.run_id)
    res.rejected += len(rejects)
    res.rejects.extend(rejects)


def _write_all(results: Iterable[tuple[list[Article | Reject], float, dict[str, Prepared]]], store: Store,
               res: IngestResult, scope: RunScope, on_progress: Callable[[IngestResult], None] | None) -> None:
    for out, seconds, prepared in results:
        res.extract_seconds += seconds
        arts = [a for a in out if isinstance(a, Article)]
        rej = [r for r in out if isinstance(r, Reject)]
        t0 = time.perf_counter()
        if rej:
            _record(store, res, rej)
        if arts:
            added = store.write_articles(arts, run_id=res.run_id, prepared=prepared)
            new = set(added)
            res.accepted += len(added)
            res.already_stored += len(arts) - len(added)
            res.near_duplicates += sum(1 for a in arts if a.id in new and a.duplicate_of)
            res.article_ids.extend(added)
        res.store_seconds += time.perf_counter() - t0
        scope.beat()
        if on_progress:
            on_progress(res)
