"""`claimwatch load-parquet`: bring the Spark job's Parquet tables into the store.

Reads ``articles``, ``claims`` and ``rejects`` with pyarrow (no Spark needed), rebuilds the
SPEC objects, bulk-inserts them (each article with all its claims in one transaction, already
stored articles skipped), records the rejects, then reconciles the new articles.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import ClaimwatchError
from ..flow import load_articles
from ..ingest.document import Reject
from ..model import Article, Claim
from ..settings import Settings
from ..store import Store

__all__ = ["read_output", "load_output"]


def _table(output: str, name: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    path = Path(output) / name
    if not path.exists():
        return []
    return pq.read_table(str(path)).to_pylist()


def read_output(output: str) -> tuple[list[Article], list[dict[str, Any]]]:
    """The articles (with their claims, in claim-id order) and the rejects of one job output."""
    claims: dict[str, list[Claim]] = defaultdict(list)
    for row in _table(output, "claims"):
        claims[row["article_id"]].append(Claim.from_dict(row))
    articles = []
    for row in _table(output, "articles"):
        art = Article.from_dict({"article": row})
        art.duplicate_of = row.get("duplicate_of")
        art.claims = sorted(claims.get(art.id, []), key=lambda c: int(c.id.lstrip("c") or 0))
        articles.append(art)
    return articles, _table(output, "rejects")


def load_output(output: str, store: Store, *, reconcile: bool = True, batch_size: int = 200,
                settings: Settings | None = None) -> dict[str, int]:
    """Load a job output into ``store`` through the ingest flow (:func:`claimwatch.flow.load_articles`:
    one recorded run, reconciled); returns counts (articles added, skipped, rejects)."""
    if not os.path.isdir(output):
        from ..errors import UnreadableInput

        raise UnreadableInput(output, detail="not a directory written by spark-extract")
    articles, rejects = read_output(output)
    res = load_articles(articles, [Reject(r["name"], r["code"], r["reason"]) for r in rejects], store,
                        inputs=[output], settings=settings, reconcile=reconcile, batch_size=batch_size)
    if res.reconcile_error:
        raise ClaimwatchError("reconcile", code="E401", detail=res.reconcile_error)
    return {"articles": res.added, "skipped": res.skipped, "rejects": res.rejects}
