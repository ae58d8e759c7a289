"""Ingest benchmark: 1,000 articles (recombined dev-data paragraphs) into SQLite and PostgreSQL.

Reports, per database:

* end to end (`claimwatch ingest`: read JSONL → extract in a process pool → store in batches):
  articles/s, the seconds the writing process spent storing, and that storage time relative to
  the wall time of extraction alone (the issue-5 target: < 10%). While it writes, the extraction
  workers keep every core busy, so this number includes CPU contention.
* storage alone: the articles extracted in the reference run are written again, in the same
  batches, into a fresh database by one process with nothing else running; reported relative to
  the extraction work (sum of per-batch extraction seconds in the workers, i.e. the
  single-process extraction time when workers do not oversubscribe the cores; ``--workers 1``
  makes everything literally single-process).

Extraction alone (same worker pool, no database) is measured first as the reference. PostgreSQL:
``$CLAIMWATCH_PG_URL`` or a private cluster started with scripts/postgres.sh (skipped, with a
note, when the server binaries are absent). Timings on a machine shared with other work are noisy:
compare runs made under the same load.

    python benchmarks/ingest_bench.py [--n 1000] [--workers 0] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import glob
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate, write_jsonl  # noqa: E402

TARGET = 0.10


def extraction_alone(path: Path, workers: int, batch_size: int):
    """(wall seconds, summed per-batch extraction seconds, extracted articles in batches)."""
    from claimwatch.ingest import iter_inputs
    from claimwatch.ingest.document import Document
    from claimwatch.model import Article
    from claimwatch.store import batch as B

    docs = [d for d in iter_inputs([path]) if isinstance(d, Document)]
    chunks = [docs[i:i + batch_size] for i in range(0, len(docs), batch_size)]
    batches: list[tuple[list, dict]] = []
    work = 0.0
    t0 = time.perf_counter()
    if workers <= 1:
        B._init_worker()
        results = (B._extract_batch(c) for c in chunks)
        for out, seconds, prep in results:
            batches.append(([a for a in out if isinstance(a, Article)], prep))
            work += seconds
    else:
        with mp.get_context("fork").Pool(workers, initializer=B._init_worker) as pool:
            for out, seconds, prep in pool.imap(B._extract_batch, chunks):
                batches.append(([a for a in out if isinstance(a, Article)], prep))
                work += seconds
    return time.perf_counter() - t0, work, batches


def storage_alone(url: str, batches: list[tuple[list, dict]]) -> tuple[float, int, int]:
    """Write pre-extracted batches into a fresh database, one process, exactly as the writing
    process of ``ingest`` does (signatures and claim JSON prepared by the workers): (seconds, articles, claims)."""
    from claimwatch.store import Store

    store = Store(url)
    try:
        t0 = time.perf_counter()
        n = sum(store.add_articles(arts, prepared=prep) for arts, prep in batches)
        seconds = time.perf_counter() - t0
        claims = store.stats()["claims"]
    finally:
        store.close()
    return seconds, n, claims


def ingest_into(url: str, path: Path, workers: int, batch_size: int):
    from claimwatch.flow import ingest_inputs
    from claimwatch.store import Store

    store = Store(url)
    try:
        t0 = time.perf_counter()
        res = ingest_inputs([str(path)], store, workers=workers, batch_size=batch_size, reconcile=False)
        wall = time.perf_counter() - t0
        claims = store.stats()["claims"]
    finally:
        store.close()
    return res, wall, claims


def pg_database(server_url: str, name: str) -> str:
    """A fresh database ``name`` on the server (dropped first if it exists); returns its URL."""
    import psycopg

    with psycopg.connect(server_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = server_url.rpartition("/")
    return f"{base}/{name}"


def start_pg() -> tuple[str | None, str | None]:
    if os.environ.get("CLAIMWATCH_PG_URL"):
        return os.environ["CLAIMWATCH_PG_URL"], None
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        return None, None
    pgdir = tempfile.mkdtemp(prefix="claimwatch-pg.", dir="/tmp")
    out = subprocess.run(["bash", str(HERE.parent / "scripts" / "postgres.sh"), "start", pgdir],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1], pgdir


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    workers = args.workers or os.cpu_count() or 1
    tmp = Path(tempfile.mkdtemp(prefix="claimwatch-bench."))
    path = write_jsonl(generate(args.n), tmp / "corpus.jsonl")
    print(f"{args.n} articles, {workers} extraction workers, batches of {args.batch_size}")
    e_wall, e_work, batches = extraction_alone(path, workers, args.batch_size)
    n = sum(len(arts) for arts, _ in batches)
    print(f"extraction alone: {e_wall:.1f}s wall, {n / e_wall:.1f} articles/s; "
          f"extraction work {e_work:.1f}s (sum of per-batch seconds)")
    pg_url, pgdir = start_pg()
    targets = [("sqlite", f"sqlite:///{tmp / 'bench.db'}", f"sqlite:///{tmp / 'alone.db'}")]
    ok = True
    try:
        if pg_url:
            targets.append(("postgresql", pg_database(pg_url, "cw_bench_ingest"), pg_database(pg_url, "cw_bench_alone")))
        print(f"{'db':<11}{'articles':>9}{'claims':>8}{'wall s':>8}{'art/s':>8}{'store s':>9}"
              f"{'store/extract':>15}{'wall/extract':>14}{'alone s':>9}{'ms/art':>8}{'alone/work':>12}")
        for label, url, alone_url in targets:
            res, wall, claims = ingest_into(url, path, workers, args.batch_size)
            ratio = res.store_seconds / e_wall
            ok &= ratio < TARGET
            s_alone, n_alone, _ = storage_alone(alone_url, batches)
            if res.rejected or res.accepted != n:
                reasons = sorted({f"{r.code} {r.reason}"[:80] for r in res.rejects})[:3]
                print(f"{label}: {res.accepted} stored, {res.rejected} rejected, {res.already_stored} already stored "
                      f"(extraction alone kept {n}); reasons: {reasons}")
            print(f"{label:<11}{res.accepted:>9}{claims:>8}{wall:>8.1f}{res.accepted / wall:>8.1f}"
                  f"{res.store_seconds:>9.2f}{ratio:>14.1%}{wall / e_wall:>14.2f}"
                  f"{s_alone:>9.2f}{1000 * s_alone / max(n_alone, 1):>8.1f}{s_alone / e_work:>11.1%}")
        if not pg_url:
            print("postgresql: skipped (no server binaries in /usr/lib/postgresql/*/bin and no CLAIMWATCH_PG_URL)")
    finally:
        if pgdir:
            subprocess.run(["bash", str(HERE.parent / "scripts" / "postgres.sh"), "stop", pgdir], capture_output=True)
    print("store/extract: storage seconds during ingest / extraction-alone wall (contended);"
          " alone/work: storage of pre-extracted batches alone / extraction work (uncontended)")
    print(f"target: storage < {TARGET:.0%} of extraction time (store/extract): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
