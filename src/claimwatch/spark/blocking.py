"""Reconciliation at scale: the candidate blocks and their estimates computed on Spark.

The single-machine path (:func:`claimwatch.reconcile.reconcile_claims`) is
features → block key → groups inside each block → one estimate per group. Only claims in
one block are ever compared, so the blocks are independent units of work. Here the same
pure functions run on Spark:

1. each claim row (joined with its article's metadata) becomes its
   :class:`~claimwatch.reconcile.blocking.ClaimFeatures` with
   :func:`~claimwatch.reconcile.features_for`, keyed by its block key
   (event type, unit class, period — see :mod:`claimwatch.reconcile.blocking`);
2. the features are shuffled by block key (``groupByKey``), so one block lands whole on
   one executor;
3. each block is grouped and reconciled with
   :func:`~claimwatch.reconcile.reconcile_block`, exactly as on one machine.

The only cross-block information the estimates use is syndication: a claim's outlet is
followed through ``duplicate_of`` to the original article's outlet. The metadata of every
article that is a ``duplicate_of`` target (and has claims) is therefore broadcast to all
blocks; every other lookup stays inside the block. The result equals
``reconcile_claims`` on the same claims (``tests/spark/test_spark_blocking.py``).

    claimwatch spark-reconcile OUTPUT [--master URL]   # OUTPUT/{articles,claims} → OUTPUT/estimates
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from ..model import Claim, Estimate

__all__ = [
    "META_KEYS",
    "block_id",
    "items_rdd",
    "keyed_features",
    "syndication_metas",
    "reconcile_rdd",
    "reconcile_items",
    "reconcile_tables",
    "reconcile_output",
    "ESTIMATE_COLUMNS",
]

#: article metadata reconciliation reads (what ``Store.claims_for_reconcile`` gives)
META_KEYS = ("id", "url", "outlet", "published", "duplicate_of")
_SEP = "\x1f"


def block_id(key: tuple[str, ...]) -> str:
    """A block key as one string (a stable shuffle key)."""
    return _SEP.join(key)


def _claim_of(row: dict[str, Any]) -> Claim:
    return Claim.from_dict(dict(row))


def keyed_features(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> Iterator[tuple[str, Any]]:
    """``(claim row, article meta)`` pairs → ``(block id, ClaimFeatures)`` for reconciled claims."""
    from ..reconcile import features_for

    for row, meta in pairs:
        f = features_for(_claim_of(row), meta)
        if f is not None:
            yield (block_id(f.key), f)


def _reconcile_block(features: Iterable[Any], synd: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    from ..reconcile import reconcile_block

    members = list(features)
    metas = dict(synd)
    for f in members:
        metas.setdefault(f.article_id, f.meta)
    return [e.to_dict() for e in reconcile_block(members, metas)]


def syndication_metas(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Metadata of the articles (among those with claims) that others are ``duplicate_of``."""
    metas: dict[str, dict[str, Any]] = {}
    targets: set[str] = set()
    for _row, meta in pairs:
        metas.setdefault(str(meta.get("id")), meta)
        if meta.get("duplicate_of"):
            targets.add(str(meta["duplicate_of"]))
    return {aid: metas[aid] for aid in targets if aid in metas}


def reconcile_rdd(pairs_rdd, synd: dict[str, dict[str, Any]], partitions: int | None = None):
    """An RDD of ``(claim row, article meta)`` pairs → an RDD of estimate dicts (SPEC §7)."""
    sc = pairs_rdd.context
    bsynd = sc.broadcast(synd)
    keyed = pairs_rdd.mapPartitions(keyed_features)
    groups = keyed.groupByKey(numPartitions=partitions) if partitions else keyed.groupByKey()
    return groups.flatMap(lambda kv: _reconcile_block(kv[1], bsynd.value))


def _meta(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in META_KEYS}


def _first(a, _b):
    return a


def items_rdd(articles_df, claims_df):
    """The claims table joined with the articles table → ``(claim row, article meta)`` pairs
    (claim rows as plain nested dicts, as :meth:`Claim.from_dict` reads them). An article
    that occurs twice in the input (the same body) counts once, as in the store."""
    metas = articles_df.select(*META_KEYS).rdd.map(lambda r: (r["id"], _meta(r.asDict()))).reduceByKey(_first)
    claims = (claims_df.rdd.map(lambda r: ((r["article_id"], r["id"]), r.asDict(recursive=True)))
              .reduceByKey(_first).map(lambda kv: (kv[0][0], kv[1])))
    return claims.join(metas).values()


def _sorted(dicts: Iterable[dict[str, Any]]) -> list[Estimate]:
    out = [Estimate.from_dict(d) for d in dicts]
    out.sort(key=lambda e: e.id)
    return out


def reconcile_items(spark, items: list[tuple[Claim, dict[str, Any]]], partitions: int | None = None) -> list[Estimate]:
    """``reconcile_claims`` computed on Spark: the same input, the same estimates (sorted by id)."""
    pairs = [(c.to_dict(), {k: m.get(k) for k in META_KEYS}) for c, m in items]
    for (row, meta), (claim, _m) in zip(pairs, items):
        row.setdefault("article_id", claim.article_id or meta.get("id"))
    synd = syndication_metas(pairs)
    rdd = spark.sparkContext.parallelize(pairs, partitions or spark.sparkContext.defaultParallelism)
    return _sorted(reconcile_rdd(rdd, synd, partitions).collect())


def reconcile_tables(articles_df, claims_df, partitions: int | None = None):
    """Estimates of an ``articles`` + ``claims`` table pair, as an RDD of estimate dicts."""
    pairs = items_rdd(articles_df, claims_df).persist()
    targets = [r["duplicate_of"] for r in articles_df.select("duplicate_of").where("duplicate_of IS NOT NULL")
               .distinct().collect()]
    synd: dict[str, dict[str, Any]] = {}
    if targets:
        wanted = set(targets)
        synd = dict(pairs.map(lambda p: p[1]).filter(lambda m: m["id"] in wanted)
                    .map(lambda m: (m["id"], m)).reduceByKey(_first).collect())
    return reconcile_rdd(pairs, synd, partitions)


#: flat columns of the ``estimates`` table; ``json`` holds the whole SPEC §7 object
ESTIMATE_COLUMNS = ("id", "event_type", "unit", "low", "best", "high", "status", "independent_sources", "claims", "json")


def _estimate_row(d: dict[str, Any]) -> tuple:
    def num(x):
        return None if x is None else float(x)

    return (d["id"], d.get("event_type"), d.get("unit"), num(d.get("low")), num(d.get("best")), num(d.get("high")),
            d.get("status"), int(d.get("independent_sources") or 0), len(d.get("claims") or []),
            json.dumps(d, sort_keys=True))


def reconcile_output(output: str, spark=None, *, master: str | None = None, partitions: int | None = None) -> int:
    """Read ``OUTPUT/articles`` and ``OUTPUT/claims`` (written by ``spark-extract``), reconcile
    them block by block, write ``OUTPUT/estimates``; returns the number of estimates."""
    from pyspark.sql.types import DoubleType, IntegerType, StringType, StructField, StructType

    from .job import spark_session

    own = spark is None
    spark = spark or spark_session(master, app="claimwatch-reconcile")
    try:
        base = output.rstrip("/")
        articles = spark.read.parquet(f"{base}/articles")
        claims = spark.read.parquet(f"{base}/claims")
        rows = reconcile_tables(articles, claims, partitions).map(_estimate_row)
        schema = StructType([
            StructField("id", StringType()), StructField("event_type", StringType()), StructField("unit", StringType()),
            StructField("low", DoubleType()), StructField("best", DoubleType()), StructField("high", DoubleType()),
            StructField("status", StringType()), StructField("independent_sources", IntegerType()),
            StructField("claims", IntegerType()), StructField("json", StringType()),
        ])
        df = spark.createDataFrame(rows, schema).orderBy("id")
        df.write.mode("overwrite").parquet(f"{base}/estimates")
        return spark.read.parquet(f"{base}/estimates").count()
    finally:
        if own:
            spark.stop()
