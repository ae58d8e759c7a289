"""Crash consistency of the ingest flow (issue 14): an ingest killed with SIGKILL at any point
leaves no half-written article, and the next run brings the store — articles, claims and the
cross-report estimates — to exactly what one clean run makes, marking the killed run
``interrupted``. On SQLite and PostgreSQL.

The ingest runs in a child process (tests/flow/crash_driver.py) that kills itself at the chosen
point, the stand-in extraction passed to the flow as its ``extractor`` parameter.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claimwatch.store import Store
from fixtures_store import whole_articles

DRIVER = Path(__file__).resolve().parent / "crash_driver.py"
PY = sys.executable

STORIES = [  # (figure, place, month): three outlets report each with their own words
    (40, "Lampedusa", "2024-03"), (18, "the Polish border", "2024-03"), (120, "Calais", "2024-04"),
    (7, "the Evros river", "2024-05"),
]


def corpus(root: Path) -> Path:
    """12 reports (4 stories × 3 outlets, several figures each) as one JSONL file."""
    root.mkdir(parents=True, exist_ok=True)
    lines = []
    for s, (n, place, month) in enumerate(STORIES):
        for o in range(3):
            text = (f"Report {s}-{o}. Officials near {place} said {n} migrants were detained on the night of "
                    f"day {3 + o} of the operation. Outlet {o} added that {n + 5 * s} people had been counted "
                    f"at the reception centre by the end of the week. Volunteers described the scene at length.")
            lines.append(json.dumps({"text": text, "url": f"https://example.org/{s}/{o}",
                                     "published": f"{month}-{10 + o:02d}", "outlet": f"Outlet {o}"}))
    path = root / "reports.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def drive(db_url: str, inputs: Path, kill: str | None = None, workers: int = 1) -> subprocess.CompletedProcess:
    args = [PY, str(DRIVER), db_url, str(inputs), "--batch-size", "4", "--workers", str(workers)]
    if kill:
        args += ["--kill", kill]
    return subprocess.run(args, capture_output=True, text=True, timeout=300)


def snapshot(url: str) -> dict:
    """What the store holds, independent of when and by which run it was written."""
    from sqlalchemy import func, select

    from claimwatch.store import tables as T

    s = Store(url)
    try:
        rows = whole_articles(s)
        with s.engine.connect() as conn:
            queued = conn.execute(select(func.count()).select_from(T.reconcile_queue)).scalar_one()
        estimates = sorted((e.to_dict() for e in s.list_estimates()), key=lambda e: e["id"])
        claims = sorted(c.uid for c in s.query_claims())
        return {"articles": sorted(r[0] for r in rows), "claims": claims, "estimates": estimates, "queued": queued}
    finally:
        s.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The reference: one uninterrupted run on a fresh SQLite database."""
    root = tmp_path_factory.mktemp("clean")
    inputs = corpus(root / "in")
    url = f"sqlite:///{root / 'clean.db'}"
    proc = drive(url, inputs)
    assert proc.returncode == 0, proc.stderr
    snap = snapshot(url)
    assert len(snap["articles"]) == 12 and snap["queued"] == 0
    assert snap["estimates"] and any(len(e["claims"]) >= 3 for e in snap["estimates"])
    return snap


POINTS = ["after-batch-1", "mid-batch-2", "before-reconcile", "mid-reconcile", "before-dequeue", "before-finish"]


@pytest.mark.parametrize("point", POINTS)
def test_killed_ingest_then_rerun_equals_a_clean_run(point, db_url, tmp_path, clean):
    inputs = corpus(tmp_path / "in")
    killed = drive(db_url, inputs, kill=point)
    assert killed.returncode == -signal.SIGKILL, f"kill point {point} not reached: {killed.stdout} {killed.stderr}"
    after_crash = snapshot(db_url)  # checks every stored article is whole
    assert len(after_crash["articles"]) in {0, 4, 8, 12}
    store = Store(db_url)
    try:
        (crashed,) = [r for r in store.runs() if r["status"] == "running"]
    finally:
        store.close()

    rerun = drive(db_url, inputs)
    assert rerun.returncode == 0, rerun.stderr
    result = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert result["interrupted"] == [crashed["id"]]
    assert result["accepted"] + result["already_stored"] == 12
    assert snapshot(db_url) == clean
    store = Store(db_url)
    try:
        statuses = {r["id"]: r["status"] for r in store.runs()}
    finally:
        store.close()
    assert statuses == {crashed["id"]: "interrupted", result["run_id"]: "done"}


def test_a_crash_during_recovery_is_recovered_too(db_url, tmp_path, clean):
    """Killed twice — during the run, then during the next run's reconciliation — the third run
    still ends where a clean run does, and both dead runs are closed interrupted."""
    inputs = corpus(tmp_path / "in")
    assert drive(db_url, inputs, kill="before-reconcile").returncode == -signal.SIGKILL
    assert drive(db_url, inputs, kill="mid-reconcile").returncode == -signal.SIGKILL
    third = drive(db_url, inputs)
    assert third.returncode == 0, third.stderr
    assert len(json.loads(third.stdout.strip().splitlines()[-1])["interrupted"]) == 2
    assert snapshot(db_url) == clean


def test_killed_parallel_ingest_leaves_no_half_article(tmp_path, clean):
    """With extraction workers (a process pool) the killed writer leaves whole batches only."""
    inputs = corpus(tmp_path / "in")
    url = f"sqlite:///{tmp_path / 'p.db'}"
    assert drive(url, inputs, kill="mid-batch-2", workers=2).returncode == -signal.SIGKILL
    assert len(snapshot(url)["articles"]) == 4
    assert drive(url, inputs, workers=2).returncode == 0
    assert snapshot(url) == clean


def test_articles_stored_without_reconciliation_are_reconciled_by_the_next_run(tmp_path, clean):
    """`ingest --no-reconcile` leaves its articles queued; the next run that reconciles picks them up."""
    inputs = corpus(tmp_path / "in")
    url = f"sqlite:///{tmp_path / 'q.db'}"
    from standin_extract import extract_docs

    from claimwatch.flow import ingest_inputs

    store = Store(url)
    try:
        first = ingest_inputs([str(inputs)], store, extractor=extract_docs, workers=1, batch_size=4, reconcile=False)
        assert first.accepted == 12 and first.estimates is None and store.list_estimates() == []
        second = ingest_inputs([str(inputs)], store, extractor=extract_docs, workers=1, batch_size=4)
        assert second.accepted == 0 and len(second.recovery.article_ids) == 12 and second.recovery.interrupted == []
    finally:
        store.close()
    assert snapshot(url) == clean
