"""Alembic environment for the claimwatch store.

``Store`` runs ``upgrade head`` on open, passing its own connection in
``config.attributes["connection"]``; the ``alembic`` command line works too
(``-x url=sqlite:///claimwatch.db`` or ``sqlalchemy.url`` in the config).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text

from claimwatch.store.tables import metadata

config = context.config
target_metadata = metadata


def _lock(connection) -> None:
    # Two processes opening a fresh PostgreSQL database at once: one migrates, the other waits.
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(74217305)"))


def run_migrations_offline() -> None:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            _lock(connection)
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("no database: pass -x url=sqlite:///claimwatch.db or set sqlalchemy.url")
    engine = create_engine(url)
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            _lock(conn)
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
