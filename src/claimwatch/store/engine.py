"""Engines and schema migration.

SQLite: WAL journal, a busy timeout, foreign keys on, and write transactions that start with
``BEGIN IMMEDIATE`` (so two writing processes queue on the lock instead of failing on a lock
upgrade). PostgreSQL (``postgresql://`` → psycopg 3): the same schema through the same migrations.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url

from ..errors import StoreError

__all__ = ["make_engine", "migrate", "MIGRATIONS", "head_revision", "normalise_url", "redact"]

MIGRATIONS = Path(__file__).parent / "migrations"
#: SQLite busy timeout (ms): how long a writer waits for another writer's transaction.
BUSY_TIMEOUT_MS = 60_000


def normalise_url(url: str) -> str:
    """``postgresql://`` / ``postgres://`` → the psycopg 3 driver; a bare path → a SQLite file."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://"):]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def redact(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise StoreError(url, detail=f"bad database URL: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:" and not db.startswith("file:"):
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # noqa: ANN001
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):  # noqa: ANN001
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise StoreError(url, detail="only sqlite:/// and postgresql:// URLs are supported")


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration (read once per process from ``migrations/versions``)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise StoreError(str(MIGRATIONS), detail="no migrations found")
    return head


def migrate(engine: Engine) -> None:
    """Bring the schema to the head revision (no-op when already there)."""
    if _current_revision(engine) == head_revision():
        return
    from alembic import command

    cfg = _config()
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    with engine.connect().execution_options(write=True) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
