"""Reconciliation on Spark (blocks shuffled by key, estimates per block) gives exactly the
estimates of the single-machine ``reconcile_claims`` on the same claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

pytestmark = pytest.mark.spark

CORPUS = Path(__file__).resolve().parents[1] / "data" / "reconcile" / "corpus.jsonl"


@pytest.fixture(scope="module")
def items():
    """The reconciliation corpus (29 reports in 13 story clusters, syndicated copies among them),
    extracted on one machine, as the ``(claim, article meta)`` pairs the store hands to reconcile.
    (Language validation is not under test here and is skipped.)"""
    from claimwatch.extract.api import extract

    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = {r["key"]: extract(r["text"], published=r["published"], url=r["url"], outlet=r["outlet"],
                                  title=r["title"], validate=False) for r in rows}
    out = []
    for r in rows:
        art = articles[r["key"]]
        meta = {"id": art.id, "url": art.url, "outlet": art.outlet, "published": art.published,
                "duplicate_of": articles[r["duplicate_of"]].id if r.get("duplicate_of") else None}
        out.extend((c, meta) for c in art.claims)
    return out


@pytest.fixture(scope="module")
def single(items):
    from claimwatch.reconcile import reconcile_claims

    return reconcile_claims(items)


def _dicts(estimates) -> list[dict]:
    return [e.to_dict() for e in sorted(estimates, key=lambda e: e.id)]


def test_corpus_exercises_units(items, single):
    """The comparison is not vacuous: several units of work, multi-claim estimates, syndication."""
    from claimwatch.reconcile import make_plan

    assert len(make_plan(items).units) >= 3
    assert any(len(e.claims) > 1 for e in single)
    assert any(m["duplicate_of"] for _c, m in items)


def test_spark_units_equal_single_machine(spark, items, single):
    from claimwatch.spark.blocking import reconcile_items

    distributed = reconcile_items(spark, items, partitions=3)
    assert _dicts(distributed) == _dicts(single)


def test_spark_reconcile_from_parquet_tables(spark, items, single, tmp_path):
    """Through the job's Parquet tables (numbers as doubles, nested structs) and ``reconcile_output``."""
    from claimwatch.spark.blocking import reconcile_output
    from claimwatch.spark.schema import ARTICLE_SCHEMA, CLAIM_SCHEMA

    metas = {m["id"]: m for _c, m in items}
    texts = {m["id"]: f"text of {m['id']}" for m in metas.values()}
    sc = spark.sparkContext
    arts = [json.dumps(dict(m, text=texts[m["id"]], language="en")) for m in metas.values()]
    claims = [json.dumps(dict(c.to_dict(), article_id=m["id"])) for c, m in items]
    # an article delivered twice (same body, same id) counts once, as in the store
    arts.append(arts[0])
    claims.extend(json.dumps(dict(c.to_dict(), article_id=m["id"])) for c, m in items if m["id"] == items[0][1]["id"])
    out = tmp_path / "out"
    spark.read.schema(ARTICLE_SCHEMA).json(sc.parallelize(arts, 2)).write.parquet(str(out / "articles"))
    spark.read.schema(CLAIM_SCHEMA).json(sc.parallelize(claims, 2)).write.parquet(str(out / "claims"))

    n = reconcile_output(str(out), spark=spark, partitions=2)
    rows = spark.read.parquet(str(out / "estimates")).orderBy("id").collect()
    assert n == len(rows) == len(single)
    assert [json.loads(r["json"]) for r in rows] == json.loads(json.dumps(_dicts(single)))
    assert [r["claims"] for r in rows] == [len(e.claims) for e in sorted(single, key=lambda e: e.id)]
