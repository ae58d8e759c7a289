"""The flow for one document (the web API) and for articles extracted elsewhere (the Spark
job's Parquet output): the same checks, the same recorded run, the same reconciliation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ClaimwatchError, ExtractionError
from ..ingest.document import Document, Reject
from ..ingest.validate import check_document
from ..model import Article
from ..settings import Settings, load_settings
from ..store import Store
from .budget import OverBudget, time_budget, too_slow
from .runs import Reconciler, Recovery, RunScope

__all__ = ["DocumentExtractor", "DocumentResult", "LoadResult", "ingest_document", "load_articles",
           "default_document_extractor"]

#: ``(document) -> Article``: extraction of one document (raises an InputError for bad input).
DocumentExtractor = Callable[[Document], Article]


def default_document_extractor(document: Document) -> Article:
    """The NLP extraction of one document (:func:`claimwatch.extract.api.extract_document`)."""
    from ..extract.api import extract_document

    return extract_document(document)


@dataclass
class DocumentResult:
    """One document through the flow."""

    article: Article
    created: bool                        # False: the same text was stored already
    run_id: int | None = None
    estimates: list[Any] | None = None   # recomputed estimates (None: not reconciled)
    reconcile_error: str | None = None   # reconciliation failed; the article stays queued
    warnings: list[str] = field(default_factory=list)
    recovery: Recovery = field(default_factory=Recovery)


def _extract_within_budget(document: Document, extractor: DocumentExtractor, budget: float) -> Article:
    try:
        with time_budget(budget):
            article = extractor(document)
    except OverBudget:
        raise too_slow(document.name, budget) from None
    except ClaimwatchError:
        raise
    except Exception as exc:  # a crash on this text: one coded error naming the input
        raise ExtractionError(document.name, detail=f"{type(exc).__name__}: {exc}"[:300]) from exc
    for key in ("url", "title", "published", "outlet"):
        if getattr(article, key) is None and getattr(document, key) is not None:
            setattr(article, key, getattr(document, key))
    return article


def ingest_document(document: Document, store: Store, *, settings: Settings | None = None,
                    extractor: DocumentExtractor | None = None, reconciler: Reconciler | None = None,
                    reconcile: bool = True, kind: str = "api") -> DocumentResult:
    """Check, extract, store and reconcile one document as one recorded run.

    Bad input raises its :class:`~claimwatch.errors.InputError` (E1xx) before anything is
    written; over the time budget, E108."""
    settings = settings or load_settings()
    warnings = check_document(document, settings)
    article = _extract_within_budget(document, extractor or default_document_extractor,
                                     settings.max_seconds_per_article)
    scope = RunScope(store, kind, [document.name], settings=settings, reconciler=reconciler, reconcile=reconcile)
    run_id = scope.start()
    try:
        added = store.write_articles([article], run_id=run_id)
    except BaseException:
        scope.fail(0, 0)
        raise
    outcome = scope.finish(added, len(added), 0)
    return DocumentResult(article=article, created=bool(added), run_id=run_id, estimates=outcome.estimates,
                          reconcile_error=outcome.error, warnings=warnings, recovery=scope.recovery)


@dataclass
class LoadResult:
    """Articles extracted elsewhere, loaded into the store."""

    run_id: int | None = None
    added: int = 0
    skipped: int = 0
    rejects: int = 0
    estimates: int | None = None
    reconcile_error: str | None = None
    recovery: Recovery = field(default_factory=Recovery)


def _chunks(items: Sequence[Article], size: int) -> Iterable[Sequence[Article]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def load_articles(articles: Sequence[Article], rejects: Iterable[Reject], store: Store, *,
                  inputs: Sequence[str], settings: Settings | None = None, reconciler: Reconciler | None = None,
                  reconcile: bool = True, batch_size: int | None = None, kind: str = "load-parquet") -> LoadResult:
    """Store already extracted articles in batches (each batch one transaction, stored articles
    skipped), record the rejects, and reconcile the new articles — one recorded run."""
    settings = settings or load_settings()
    size = batch_size or settings.batch_size
    scope = RunScope(store, kind, inputs, settings=settings, reconciler=reconciler, reconcile=reconcile)
    res = LoadResult(run_id=scope.start(), recovery=scope.recovery)
    added: list[str] = []
    try:
        bad = [(r.name, r.code, r.reason) for r in rejects]
        store.record_rejects(bad, run_id=res.run_id)
        res.rejects = len(bad)
        for batch in _chunks(articles, size):
            added.extend(store.write_articles(batch, run_id=res.run_id))
            scope.beat()
    except BaseException:
        scope.fail(len(added), res.rejects)
        raise
    res.added, res.skipped = len(added), len(articles) - len(added)
    outcome = scope.finish(added, res.added, res.rejects)
    res.estimates = None if outcome.estimates is None else len(outcome.estimates)
    res.reconcile_error = outcome.error
    return res
