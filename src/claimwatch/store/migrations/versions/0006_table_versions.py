"""A change counter per table.

``table_versions`` has one row per table with a number that a trigger raises on every insert,
update and delete of that table (SQLite; on PostgreSQL the table is created and left at 0, since
nothing reads it there). A reader that keeps answers in memory (the web app's response cache)
reads the counters when the database changed and keeps every answer whose tables did not change:
an ingest job's status update no longer invalidates the article list.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: the tables at this revision (a later table gets its row and triggers in its own migration)
_TABLES = ("ingest_runs", "articles", "article_minhash", "claims", "claim_sources", "claim_quantities",
           "claim_times", "claim_places", "evidence", "revisions", "reviews", "rejects", "reconcile_queue",
           "estimates", "incidents", "curations", "estimate_claims", "api_tokens", "ingest_jobs")
_EVENTS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table("table_versions",
                    sa.Column("name", sa.String(length=64), primary_key=True),
                    sa.Column("version", sa.Integer(), nullable=False))
    op.bulk_insert(sa.table("table_versions", sa.column("name", sa.String), sa.column("version", sa.Integer)),
                   [{"name": name, "version": 0} for name in _TABLES])
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in _TABLES:
        for event in _EVENTS:
            op.execute(f"CREATE TRIGGER tv_{name}_{event} AFTER {event.upper()} ON {name} BEGIN "
                       f"UPDATE table_versions SET version = version + 1 WHERE name = '{name}'; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _TABLES:
            for event in _EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS tv_{name}_{event}")
    op.drop_table("table_versions")
