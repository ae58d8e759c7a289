"""Reconciliation at scale: the units of work of a reconciliation run computed on Spark.

The single-machine path (:func:`claimwatch.reconcile.reconcile`) is: every claim's features →
a *plan* that cuts the reports into segments and splits the work into independent units
(:func:`claimwatch.reconcile.make_plan`: one unit per connected group of linked report segments,
one per block of running or period totals) → the incidents and estimates of each unit
(:func:`claimwatch.reconcile.run_unit`) → totals linked to their parts. Here:

1. the claims table is joined with the articles' metadata (``items_rdd``) and the features
   and plan are made on the driver (features are cheap; the plan needs every claim, because an
   incident may link reports anywhere in the input — the driver holds O(claims) of features);
2. the plan is broadcast and the units are spread over the executors; each runs
   :func:`~claimwatch.reconcile.run_unit`, exactly as on one machine — that is the expensive
   part (grouping, estimates, provenance);
3. the driver links parts to their totals (:func:`~claimwatch.reconcile.link_parts`).

The result equals ``reconcile_claims`` on the same claims (``tests/spark/test_spark_blocking.py``).

    claimwatch spark-reconcile OUTPUT [--master URL]   # OUTPUT/{articles,claims} → OUTPUT/estimates
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from ..model import Claim, Estimate

__all__ = [
    "META_KEYS",
    "items_rdd",
    "reconcile_items",
    "reconcile_pairs",
    "reconcile_tables",
    "reconcile_output",
    "ESTIMATE_COLUMNS",
]


#: article metadata reconciliation reads (what ``Store.claims_for_reconcile`` gives)
META_KEYS = ("id", "url", "outlet", "published", "duplicate_of")


def _claim_of(row: dict[str, Any]) -> Claim:
    return Claim.from_dict(dict(row))


def reconcile_pairs(spark, pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]],
                    partitions: int | None = None) -> list[Estimate]:
    """``(claim row, article meta)`` pairs → their estimates, the units run on Spark (sorted by id)."""
    from ..reconcile import link_parts, make_plan, run_unit

    items = [(_claim_of(row), dict(meta)) for row, meta in pairs]
    plan = make_plan(items)
    sc = spark.sparkContext
    bplan = sc.broadcast(plan)
    unit_ids = sorted(plan.units)
    rdd = sc.parallelize(unit_ids, max(1, min(len(unit_ids), partitions or sc.defaultParallelism)))
    dicts = rdd.flatMap(lambda uid: [e.to_dict() for e in run_unit(bplan.value, bplan.value.units[uid])[0]]).collect()
    bplan.unpersist()
    estimates = [Estimate.from_dict(d) for d in dicts]
    link_parts(plan, estimates)
    estimates.sort(key=lambda e: e.id)
    return estimates


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


def reconcile_items(spark, items: list[tuple[Claim, dict[str, Any]]], partitions: int | None = None) -> list[Estimate]:
    """``reconcile_claims`` computed on Spark: the same input, the same estimates (sorted by id)."""
    pairs = [(c.to_dict(), {k: m.get(k) for k in META_KEYS}) for c, m in items]
    for (row, meta), (claim, _m) in zip(pairs, items):
        row.setdefault("article_id", claim.article_id or meta.get("id"))
    return reconcile_pairs(spark, pairs, partitions)


def reconcile_tables(spark, articles_df, claims_df, partitions: int | None = None) -> list[Estimate]:
    """Estimates of an ``articles`` + ``claims`` table pair (sorted by id)."""
    return reconcile_pairs(spark, items_rdd(articles_df, claims_df).collect(), partitions)


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
        estimates = reconcile_tables(spark, articles, claims, partitions)
        rows = [_estimate_row(e.to_dict()) for e in estimates]
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
