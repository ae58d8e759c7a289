"""`claimwatch spark-extract`: the same extraction, run per partition on Apache Spark.

Reads articles from JSONL, Parquet or WARC (any path or Hadoop-compatible URI Spark reads),
runs :func:`claimwatch.extract.api.extract_many` in ``mapPartitions`` (the spaCy pipeline is
loaded once per Python worker by :func:`claimwatch.extract.pipeline.get_pipeline`), and writes
three Parquet tables under OUTPUT: ``articles``, ``claims`` and ``rejects`` (schemas in
:mod:`claimwatch.spark.schema`). A bad input becomes a row of ``rejects``; the rest goes on.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..errors import ClaimwatchError, ConfigError
from ..settings import Settings, load_settings

__all__ = [
    "SparkJobConfig", "detect_format", "record_to_document", "read_partition", "extract_partition",
    "document_rdd", "run_extract", "spark_session",
]

FORMATS = ("jsonl", "parquet", "warc")


@dataclass(frozen=True)
class SparkJobConfig:
    """Settings of one run. ``master`` None = the Spark default (``spark-submit`` or local[*])."""

    input: str
    output: str
    master: str | None = None
    partitions: int | None = None
    format: str | None = None          # jsonl | parquet | warc; None = from the input's name
    batch_size: int = 32


def detect_format(path: str) -> str:
    low = path.lower().rstrip("/")
    if low.endswith((".warc", ".warc.gz", ".arc.gz")) or "warc" in low.rsplit("/", 1)[-1]:
        return "warc"
    if low.endswith(".parquet") or low.endswith(".pq"):
        return "parquet"
    if low.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz")):
        return "jsonl"
    if os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path)):
        return "parquet"
    raise ConfigError(path, detail="cannot tell the input format from its name; pass --format jsonl|parquet|warc")


def record_to_document(record: dict[str, Any], name: str):
    """A JSONL/Parquet record (text, url, title, published, outlet) as an ingest Document."""
    from ..errors import MalformedInput
    from ..ingest.document import Document

    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedInput(name, kind="record", detail="no 'text' string")
    published = record.get("published")
    return Document(
        text=text,
        title=record.get("title"),
        url=record.get("url"),
        published=str(published)[:10] if published else None,
        outlet=record.get("outlet"),
        name=record.get("name") or name,
    )


def _reject_row(name: str, code: str, reason: str) -> tuple[str, str]:
    return ("r", json.dumps({"name": name, "code": code, "reason": reason}))


def _reject(name: str, exc: Exception) -> tuple[str, str]:
    from ..ingest.document import Reject

    r = Reject.from_error(exc, name)
    return _reject_row(r.name, r.code, r.reason)


def _doc_row(doc) -> tuple[str, str]:
    return ("d", json.dumps(doc.to_dict()))


def read_partition(kind: str, items: Iterable[Any], source: str = "") -> Iterator[tuple[str, str]]:
    """Raw partition items → ``("d", document JSON)`` or ``("r", reject JSON)`` rows.

    jsonl items are ``(line, index)``, parquet items ``(record dict, index)``, warc items
    ``(file URI, bytes)`` (one WARC file yields one row per HTML response record). Records are
    named ``<source> line N`` / ``<source> row N`` (N counts over all files of a glob) unless
    they carry a ``name``.
    """
    prefix = f"{source} " if source else ""
    from ..errors import MalformedInput

    if kind == "jsonl":
        for line, index in items:
            name = f"{prefix}line {index + 1}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("a JSON object per line is expected")
                yield _doc_row(record_to_document(record, name))
            except ClaimwatchError as exc:
                yield _reject(name, exc)
            except ValueError as exc:
                yield _reject(name, MalformedInput(name, kind="JSONL line", detail=str(exc)[:120]))
    elif kind == "parquet":
        for record, index in items:
            name = f"{prefix}row {index + 1}"
            try:
                yield _doc_row(record_to_document(record, name))
            except ClaimwatchError as exc:
                yield _reject(name, exc)
    else:  # warc: (file URI, bytes); the ingest WARC reader wants a local file
        from ..ingest.document import Reject
        from ..ingest.warc import iter_warc

        for fname, data in items:
            suffix = ".warc.gz" if fname.lower().endswith(".gz") else ".warc"
            with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as fh:
                fh.write(data)
                tmp = fh.name
            try:
                for item in iter_warc(tmp):
                    if isinstance(item, Reject):
                        yield _reject_row(item.name.replace(tmp, fname), item.code, item.reason)
                    else:
                        item.name = item.name.replace(tmp, fname)
                        yield _doc_row(item)
            finally:
                os.unlink(tmp)


def _checked_documents(rows: Iterable[tuple[str, str]], settings: Settings) -> Iterator[Any]:
    """Document rows as checked Documents (the flow's input checks), other rows as they are."""
    from ..ingest.document import Document
    from ..ingest.validate import check_document

    for tag, payload in rows:
        if tag != "d":
            yield (tag, payload)
            continue
        doc = Document(**json.loads(payload))
        try:
            check_document(doc, settings)
        except ClaimwatchError as exc:
            yield _reject(doc.name, exc)
            continue
        yield doc


def extract_partition(rows: Iterable[tuple[str, str]], batch_size: int = 32,
                      settings: Settings | None = None) -> Iterator[tuple[str, str]]:
    """The per-partition extraction: document rows → ``("a"|"c"|"r", JSON row)`` pairs.

    Reject rows pass through; documents are checked like every ingest input and go through the
    flow's extraction step (:func:`claimwatch.flow.extract_documents`: ``nlp.pipe`` underneath,
    the pipeline loaded once per Python worker, the per-article time budget of ``settings``)."""
    from ..flow import extract_documents
    from ..ingest.document import Document, Reject

    settings = settings or load_settings()
    docs: list[Document] = []
    for item in _checked_documents(rows, settings):
        if isinstance(item, Document):
            docs.append(item)
        else:
            yield item
    results: list[Any] = []
    for i in range(0, len(docs), max(1, batch_size)):
        results.extend(extract_documents(docs[i:i + batch_size], budget=settings.max_seconds_per_article))
    for doc, result in zip(docs, results):
        if isinstance(result, Reject):
            yield _reject_row(result.name, result.code, result.reason)
            continue
        meta = result.meta_dict()
        meta["name"] = doc.name
        meta["duplicate_of"] = result.duplicate_of
        yield ("a", json.dumps(meta))
        for claim in result.claims:
            row = claim.to_dict()
            row["article_id"] = result.id
            yield ("c", json.dumps(row))


def spark_session(master: str | None = None, app: str = "claimwatch-extract", conf: dict[str, str] | None = None):
    """A SparkSession whose Python workers use this interpreter (and so this claimwatch), unless
    ``PYSPARK_PYTHON`` names another one (on a cluster: the executors' claimwatch environment)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app).config("spark.ui.enabled", "false")
    builder = builder.config("spark.sql.session.timeZone", "UTC")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def document_rdd(spark, cfg: SparkJobConfig, kind: str):
    """The input as an RDD of document / reject rows, spread over ``cfg.partitions`` partitions.

    WARC files are read whole (one task per file) and their records are repartitioned before
    extraction, so a few large crawl files still use every core."""
    sc = spark.sparkContext
    if kind == "jsonl":
        raw = sc.textFile(cfg.input, minPartitions=cfg.partitions or sc.defaultParallelism)
        raw = raw.zipWithIndex().filter(lambda pair: pair[0].strip() != "")
    elif kind == "parquet":
        raw = spark.read.parquet(cfg.input).rdd.map(lambda row: row.asDict()).zipWithIndex()
    else:
        raw = sc.binaryFiles(cfg.input)
    source = cfg.input
    rows = raw.mapPartitions(lambda items: read_partition(kind, items, source))
    if cfg.partitions or kind == "warc":
        rows = rows.repartition(cfg.partitions or sc.defaultParallelism)
    return rows


def run_extract(cfg: SparkJobConfig, spark=None) -> dict[str, int]:
    """Run the job; returns row counts per table. Stops the session only if it created it."""
    from .schema import ARTICLE_SCHEMA, CLAIM_SCHEMA, REJECT_SCHEMA

    kind = cfg.format or detect_format(cfg.input)
    if kind not in FORMATS:
        raise ConfigError(cfg.input, detail=f"unknown format {kind!r}; use one of {', '.join(FORMATS)}")
    from pyspark import StorageLevel

    own = spark is None
    spark = spark or spark_session(cfg.master)
    try:
        batch = cfg.batch_size
        settings = load_settings()  # the driver's limits and time budget travel with the tasks
        rows = document_rdd(spark, cfg, kind).mapPartitions(
            lambda items: extract_partition(items, batch, settings)
        ).persist(StorageLevel.MEMORY_AND_DISK)
        counts = {}
        for tag, table, schema in (("a", "articles", ARTICLE_SCHEMA), ("c", "claims", CLAIM_SCHEMA),
                                   ("r", "rejects", REJECT_SCHEMA)):
            part = rows.filter(lambda t, tag=tag: t[0] == tag).map(lambda t: t[1])
            target = f"{cfg.output.rstrip('/')}/{table}"
            spark.read.schema(schema).json(part).write.mode("overwrite").parquet(target)
            counts[table] = spark.read.parquet(target).count()  # from the Parquet footers
        rows.unpersist()
        return counts
    finally:
        if own:
            spark.stop()
