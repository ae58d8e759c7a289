"""Run one ingest through the flow (``claimwatch.flow.ingest_inputs``, stand-in extractor passed
as a parameter) and, when asked, die by SIGKILL at a chosen point — the same as ``kill -9`` from
outside at that moment, but deterministic:

    python crash_driver.py DB_URL INPUT_DIR [--kill POINT] [--batch-size N] [--workers N]

POINT: ``after-batch-1`` (first batch committed), ``mid-batch-2`` (second batch's transaction
open: article rows written, claims not), ``before-reconcile`` (every batch stored),
``mid-reconcile`` (estimate rows deleted, new ones not written, transaction open),
``before-dequeue`` (estimates saved, queue not cleared), ``before-finish`` (all done but the run
record). The kill points are reached by wrapping functions in this process only; the product has
no hook for them. Prints the result summary as JSON when it is not killed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from standin_extract import extract_docs  # noqa: E402

from claimwatch.flow import ingest_inputs  # noqa: E402
from claimwatch.flow.runs import default_reconciler  # noqa: E402
from claimwatch.settings import load_settings  # noqa: E402
from claimwatch.store import Store  # noqa: E402
from claimwatch.store import bulk as B  # noqa: E402
from claimwatch.store import estimates as E  # noqa: E402
from claimwatch.store import tables as T  # noqa: E402

POINTS = ("after-batch-1", "mid-batch-2", "before-reconcile", "mid-reconcile", "before-dequeue", "before-finish")


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def arm(point: str) -> None:
    calls = {"write": 0, "claims": 0}
    if point == "after-batch-1":
        original = Store.write_articles

        def write_articles(self, *a, **kw):
            out = original(self, *a, **kw)
            calls["write"] += 1
            if calls["write"] == 1:
                die()
            return out

        Store.write_articles = write_articles
    elif point == "mid-batch-2":
        original_insert = B.BulkWriter.insert

        def insert(self, table, rows):
            if table is T.claims:
                calls["claims"] += 1
                if calls["claims"] == 2:
                    die()
            return original_insert(self, table, rows)

        B.BulkWriter.insert = insert
    elif point == "mid-reconcile":
        original_sql_insert = E.insert

        def sql_insert(table):
            if table is T.estimates:
                die()
            return original_sql_insert(table)

        E.insert = sql_insert
    elif point in ("before-dequeue", "before-finish"):
        name = "dequeue_reconciled" if point == "before-dequeue" else "finish_run"

        def killer(self, *a, **kw):
            die()

        setattr(Store, name, killer)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("inputs")
    ap.add_argument("--kill", choices=POINTS)
    ap.add_argument("--batch-size", type=int, default=4)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    reconciler = default_reconciler
    if args.kill == "before-reconcile":
        def reconciler(store, ids):  # noqa: ARG001 - dies before any estimate is touched
            die()
    elif args.kill:
        arm(args.kill)
    settings = load_settings()
    store = Store(args.db)
    try:
        res = ingest_inputs([args.inputs], store, settings=settings, extractor=extract_docs, reconciler=reconciler,
                            workers=args.workers, batch_size=args.batch_size)
    finally:
        store.close()
    print(json.dumps({"run_id": res.run_id, "accepted": res.accepted, "already_stored": res.already_stored,
                      "rejected": res.rejected, "estimates": res.estimates, "reconcile_error": res.reconcile_error,
                      "interrupted": res.recovery.interrupted, "recovered": len(res.recovery.article_ids)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
