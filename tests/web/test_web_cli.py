"""CLI commands of the web area: token create/revoke, export (same code as the web), serve."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time

import httpx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from claimwatch.cli import cli
from fixtures_web import build_articles, free_port


def _db(tmp_path) -> str:
    from claimwatch.store import Store

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store(url)
    for art in build_articles():
        store.add_article(art)
    store.close()
    return url


def test_token_create_prints_a_working_token(tmp_path):
    from claimwatch.store import Store

    url = _db(tmp_path)
    res = CliRunner().invoke(cli, ["token", "create", "alice", "--db", url])
    assert res.exit_code == 0, res.output
    token = res.stdout.strip()
    store = Store(url)
    try:
        assert store.check_token(token) and not store.check_token(token + "x")
    finally:
        store.close()
    res = CliRunner().invoke(cli, ["token", "revoke", "alice", "--db", url])
    assert res.exit_code == 0
    store = Store(url)
    try:
        assert not store.check_token(token)
    finally:
        store.close()
    res = CliRunner().invoke(cli, ["token", "revoke", "nobody", "--db", url])
    assert res.exit_code != 0 and res.stderr.startswith("claimwatch: error: nobody:")


def test_export_csv_to_stdout_and_file_matches_the_web(tmp_path):
    from fastapi.testclient import TestClient

    from claimwatch.store import Store
    from claimwatch.web import create_app

    url = _db(tmp_path)
    res = CliRunner().invoke(cli, ["export", "--format", "csv", "--db", url])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 7 and "exported 7 csv records" in res.stderr
    out = tmp_path / "acled.csv"
    res = CliRunner().invoke(cli, ["export", "--format", "acled", "--db", url, "-o", str(out), "--event-type", "death"])
    assert res.exit_code == 0, res.output
    acled = list(csv.DictReader(out.open(encoding="utf-8")))
    # one row per incident: the three reports of the shipwreck are one event (the store was never
    # reconciled, so the export reconciles it in memory)
    assert [r["fatalities"] for r in acled] == ["40"]
    store = Store(url)
    try:
        with TestClient(create_app(store)) as c:
            assert c.get("/api/export/acled", params={"event_type": "death"}).text == out.read_text(encoding="utf-8")
    finally:
        store.close()
    pq_out = tmp_path / "claims.parquet"
    res = CliRunner().invoke(cli, ["export", "--format", "parquet", "--db", url, "-o", str(pq_out)])
    assert res.exit_code == 0 and pq.read_table(pq_out).num_rows == 7
    res = CliRunner().invoke(cli, ["export", "--format", "claimreview", "--db", url])
    assert res.exit_code == 0 and json.loads(res.stdout) == []


def test_export_errors_are_one_line(tmp_path):
    url = _db(tmp_path)
    res = CliRunner().invoke(cli, ["export", "--format", "xlsx", "--db", url])
    assert res.exit_code == 2 and "xlsx" in res.output
    res = CliRunner().invoke(cli, ["export", "--format", "csv", "--db", url, "-o", str(tmp_path / "no" / "dir.csv")])
    assert res.exit_code != 0
    assert res.stderr.strip().startswith("claimwatch: error: ") and len(res.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_runs_uvicorn_on_the_given_port(tmp_path, workers):
    url = _db(tmp_path)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "claimwatch", "serve", "--db", url, "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/articles", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode()[-2000:])
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] == 4
        page = httpx.get(f"http://127.0.0.1:{port}/articles", timeout=5)
        assert "Shipwreck off Lampedusa" in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=20)
