"""`claimwatch ingest / claims / show / watch` end to end, on SQLite and PostgreSQL: rejects,
concurrency (two writers), idempotent re-runs. (Crash recovery: tests/flow/test_crash_recovery.py.)

These tests run the command line with the stand-in extraction (tests/store/standin_extract.py)
injected as the flow's ``extractor`` parameter (tests/store/run_cli.py), so they test ingest and
storage, not NLP.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from corpus import LocalServer, mixed_folder, rss  # noqa: E402

from claimwatch.store import Store  # noqa: E402
from fixtures_store import whole_articles  # noqa: E402

PY = sys.executable


def _corpus(root: Path, n: int) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    places = ["Libya", "Greece", "Poland", "Tunisia", "Italy", "Spain", "Belarus", "Turkey", "Malta", "Cyprus"]
    texts = []
    for i in range(n):
        p = places[i % len(places)]
        text = (f"Report {i} from {p}\n\nOfficials in {p} said {10 + i} migrants were detained on the border on day {i}. "
                f"A further {100 + 7 * i} people were registered at a reception centre, the report number {i} said. "
                f"Aid groups counted {3 + i} deaths in the region since the start of month {i % 12 + 1}.")
        (root / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def _run(args, cmd, **kw):
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=300, **kw)


def _check_whole(url: str) -> tuple[int, int]:
    """Every stored article has exactly its claims; returns (articles, claims)."""
    s = Store(url)
    try:
        rows = whole_articles(s)
        return len(rows), sum(r[2] for r in rows)
    finally:
        s.close()


def test_rejects_folder_via_cli(db_url, tmp_path, standin_cli):
    expected = mixed_folder(tmp_path / "in")
    proc = _run(["ingest", str(tmp_path / "in"), "--db", db_url, "--workers", "2", "-q", "--no-reconcile"], standin_cli)
    assert proc.returncode == 0, proc.stderr
    assert "4 stored" in proc.stdout
    s = Store(db_url)
    try:
        rejects = s.rejects()
        got = {r["name"].split("/in/", 1)[1]: r["code"] for r in rejects}
        assert got == expected
        assert all(f"rejected: {r['name']}: {r['reason']}" in proc.stderr for r in rejects)
        assert s.runs()[0]["accepted"] == 4 and s.runs()[0]["rejected"] == len(expected)
    finally:
        s.close()
    again = _run(["ingest", str(tmp_path / "in"), "--db", db_url, "--workers", "1", "-q", "--no-reconcile"], standin_cli)
    assert "0 stored" in again.stdout and "4 already stored" in again.stdout
    assert _check_whole(db_url)[0] == 4


def test_single_bad_input_is_one_error_line(tmp_path, standin_cli):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = _run(["ingest", str(tmp_path / "empty.txt"), "--db", f"sqlite:///{tmp_path / 'x.db'}", "-q"], standin_cli)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == f"claimwatch: error: {tmp_path / 'empty.txt'}: empty input: no text after extraction"


def test_two_writers_lose_nothing(db_url, tmp_path, standin_cli):
    _corpus(tmp_path / "all", 30)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for i, f in enumerate(sorted((tmp_path / "all").iterdir())):
        # 0-19 to a, 10-29 to b: ten articles are ingested by both
        if i < 20:
            (a / f.name).write_bytes(f.read_bytes())
        if i >= 10:
            (b / f.name).write_bytes(f.read_bytes())
    Store(db_url).close()  # migrate first, like any deployment
    cmd = lambda d: [*standin_cli, "ingest", str(d), "--db", db_url, "--workers", "1",  # noqa: E731
                     "--batch-size", "2", "-q", "--no-reconcile"]
    procs = [subprocess.Popen(cmd(d), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for d in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    n_articles, n_claims = _check_whole(db_url)
    # four sentences with a number per article: the headline line stays in the text (never dropped)
    assert n_articles == 30 and n_claims == 120


def test_claims_and_show_commands(db_url, tmp_path, standin_cli):
    _corpus(tmp_path / "in", 3)
    assert _run(["ingest", str(tmp_path / "in"), "--db", db_url, "-q", "--workers", "1", "--no-reconcile"],
                standin_cli).returncode == 0
    out = _run(["claims", "--db", db_url, "--format", "json", "--where", "best>=100"], standin_cli)
    rows = json.loads(out.stdout)
    assert sorted(r["quantity"]["best"] for r in rows) == [100, 107, 114]
    csv_out = _run(["claims", "--db", db_url, "--format", "csv"], standin_cli).stdout.splitlines()
    assert csv_out[0].startswith("uid,kind,event_type") and len(csv_out) == 13  # 3 articles x 4 (headline kept)
    table = _run(["claims", "--db", db_url, "--where", "text~Report number 1 said"], standin_cli)
    assert table.returncode == 0 and "9 claims" not in table.stdout
    aid = rows[0]["article_id"]
    shown = _run(["show", aid, "--db", db_url], standin_cli)
    assert shown.returncode == 0 and aid in shown.stdout and "c1 [count" in shown.stdout
    missing = _run(["show", "0000000000000000", "--db", db_url], standin_cli)
    assert missing.returncode != 0 and missing.stderr.startswith("claimwatch: error: 0000000000000000: not found")


def test_watch_once_ingests_only_new_items(tmp_path, standin_cli):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    body = "Officials said {n} migrants were detained at the border on Monday and {m} were released later."
    items = [{"title": f"S{i}", "link": f"https://example.org/w{i}", "body": body.format(n=10 + i, m=i) * 3}
             for i in range(3)]
    with LocalServer({"/feed": (rss(items[:2], full=True), "application/rss+xml")}) as srv:
        first = _run(["watch", f"{srv.url}/feed", "--db", db, "--once"], standin_cli)
        assert first.returncode == 0 and "2 stored" in first.stderr
        srv.routes["/feed"] = (rss(items, full=True), "application/rss+xml")
        second = _run(["watch", f"{srv.url}/feed", "--db", db, "--once"], standin_cli)
        assert "1 stored" in second.stderr and "0 already stored" in second.stderr  # seen items not even re-read
        srv.down = True
        third = _run(["watch", f"{srv.url}/feed", "--db", db, "--once"], standin_cli)
        assert third.returncode == 0 and "HTTP 503" in third.stderr and "network errors" not in third.stderr
    s = Store(db)
    try:
        assert s.count_articles() == 3
    finally:
        s.close()


def test_watch_can_keep_a_feeds_summaries_as_ingest_does(tmp_path, standin_cli):
    # watch had no --no-fetch: a feed of summaries whose item pages cannot be fetched gave only rejects
    db = f"sqlite:///{tmp_path / 'w.db'}"
    body = "Officials said {n} migrants were detained at the border on Monday, the border service said."
    items = [{"title": f"S{i}", "link": f"http://127.0.0.1:9/item{i}", "body": body.format(n=10 + i)} for i in range(2)]
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(items, full=False))
    fetched = _run(["watch", str(feed), "--db", db, "--once"], standin_cli)
    assert fetched.returncode == 0 and "0 stored" in fetched.stderr and "2 rejected" in fetched.stderr
    kept = _run(["watch", str(feed), "--db", db, "--once", "--no-fetch"], standin_cli)
    assert kept.returncode == 0 and "2 stored" in kept.stderr, kept.stderr


def test_parse_interval():
    from claimwatch.cli.store import parse_interval
    from claimwatch.errors import ConfigError

    assert [parse_interval(v) for v in ("90", "30s", "15m", "2h", "1d")] == [90, 30, 900, 7200, 86400]
    with pytest.raises(ConfigError):
        parse_interval("soon")


def test_migrations_match_tables(tmp_path):
    """The Alembic head creates exactly the schema of store/tables.py (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from claimwatch.store.tables import metadata

    s = Store(f"sqlite:///{tmp_path / 'm.db'}")
    try:
        with s.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        diff = [d for d in diff if not (isinstance(d, tuple) and "articles_fts" in str(d))]
        assert diff == []
    finally:
        s.close()


def test_claims_csv_cells_never_start_a_formula(tmp_path, standin_cli):
    # the export formats quote such cells; `claimwatch claims --format csv` wrote them raw
    import csv
    import io

    from claimwatch.export.cells import FORMULA_STARTS

    db_url = f"sqlite:///{tmp_path / 'inj.db'}"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Border report\n\n=HYPERLINK(\"http://evil\") Officials said 12 migrants were detained on the "
        "border on Monday.\n\n@SUM(1) Officials said 7 people were registered at a reception centre.\n",
        encoding="utf-8")
    assert _run(["ingest", str(tmp_path / "in"), "--db", db_url, "-q", "--workers", "1", "--no-reconcile"],
                standin_cli).returncode == 0
    out = _run(["claims", "--db", db_url, "--format", "csv"], standin_cli)
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) >= 2 and any("HYPERLINK" in r["text"] for r in rows) and any("SUM" in r["text"] for r in rows)
    for row in rows:
        for value in row.values():
            assert not (value or "").startswith(FORMULA_STARTS) or value.lstrip("-").replace(".", "").isdigit(), row
