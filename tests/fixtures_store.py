"""Store fixtures: a private PostgreSQL server for the session (scripts/postgres.sh) and a
``store`` / ``db_url`` fixture parametrised over SQLite and PostgreSQL, usable by every area.

``CLAIMWATCH_TEST_PG_URL`` points the tests at an existing server instead (each test still gets
its own fresh database). PostgreSQL params are skipped, with the reason, only when the server
binaries are absent (CI installs them with scripts/install-system-deps.sh).
"""

from __future__ import annotations

import glob
import os
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PG_SCRIPT = ROOT / "scripts" / "postgres.sh"


def whole_articles(store) -> list[tuple[str, int, int]]:
    """(article id, claims it says it has, claims stored) for every stored article, asserting
    each is whole: an article is never stored with part of its claims."""
    from sqlalchemy import func, select

    from claimwatch.store import tables as T

    with store.engine.connect() as conn:
        rows = conn.execute(select(T.articles.c.id, T.articles.c.n_claims,
                                   select(func.count()).where(T.claims.c.article_id == T.articles.c.id)
                                   .scalar_subquery())).all()
    for aid, expected, got in rows:
        assert got == expected, f"article {aid}: {got} of {expected} claims stored"
    return [tuple(r) for r in rows]


def _have_pg_binaries() -> bool:
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


@pytest.fixture(scope="session")
def pg_server():
    """URL of a PostgreSQL server (admin database ``claimwatch``) running for the whole session."""
    url = os.environ.get("CLAIMWATCH_TEST_PG_URL")
    if url:
        yield url
        return
    if not _have_pg_binaries():
        pytest.skip("PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin "
                    "(scripts/install-system-deps.sh installs them)")
    pgdir = tempfile.mkdtemp(prefix="claimwatch-pg.", dir="/tmp")
    proc = subprocess.run(["bash", str(PG_SCRIPT), "start", pgdir], capture_output=True, text=True, timeout=180)
    if proc.returncode != 0:
        subprocess.run(["bash", str(PG_SCRIPT), "stop", pgdir], capture_output=True, timeout=60)
        pytest.fail(f"scripts/postgres.sh start failed: {proc.stderr.strip()[-800:]}")
    url = proc.stdout.strip().splitlines()[-1]
    try:
        yield url
    finally:
        subprocess.run(["bash", str(PG_SCRIPT), "stop", pgdir], capture_output=True, timeout=60)


def _admin(url: str):
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test."""
    name = "t_" + uuid.uuid4().hex[:12]
    with _admin(pg_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = pg_server.rpartition("/")
    yield f"{base}/{name}"
    with _admin(pg_server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A database URL for one test: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claimwatch.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    """An open, migrated :class:`claimwatch.store.Store` on SQLite and on PostgreSQL."""
    from claimwatch.store import Store

    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture
def standin_cli():
    """Command prefix that runs `claimwatch` with the stand-in extraction (tests/store/standin_extract.py)
    injected as a parameter (tests/store/run_cli.py); append the command's arguments."""
    import sys

    return [sys.executable, str(ROOT / "tests" / "store" / "run_cli.py")]
