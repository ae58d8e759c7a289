"""The ingest flow, built once: read → check → extract → store → reconcile, as a recorded run.

    ingest_inputs(inputs, store, ...)      paths, URLs, feeds, WARC, JSONL or Documents (CLI ingest/watch)
    ingest_document(document, store, ...)  one document (the web API's POST /api/articles)
    load_articles(articles, rejects, ...)  articles extracted elsewhere (the Spark job's Parquet output)
    extract_documents(docs, ...)           the extraction step alone, within the time budget (Spark partitions)

Each call is one run recorded in the store (``ingest_runs``); it starts by recovering what a
crashed run left behind (:mod:`.runs`) and ends by reconciling what it stored. What varies is
passed in, never read from the environment: ``settings`` (limits, batch size, workers),
``extractor`` (default: the NLP pipeline) and ``reconciler`` (default:
:func:`claimwatch.reconcile.update_estimates`). The flow sits above ``ingest``, ``extract``,
``store`` and ``reconcile`` and below ``cli``, ``web`` and ``spark``; ``store`` imports none of them.
"""

from __future__ import annotations

from .articles import DocumentExtractor, DocumentResult, LoadResult, ingest_document, load_articles
from .batch import Extractor, IngestResult, extract_documents, ingest_inputs
from .budget import time_budget
from .runs import Reconciler, Recovery, RunScope

__all__ = [
    "ingest_inputs", "ingest_document", "load_articles", "extract_documents", "IngestResult", "DocumentResult", "LoadResult",
    "Extractor", "DocumentExtractor", "Reconciler", "Recovery", "RunScope", "time_budget",
]
