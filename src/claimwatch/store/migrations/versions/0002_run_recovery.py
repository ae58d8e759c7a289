"""Crash-consistent ingest: who runs an ingest run and its heartbeat (``ingest_runs.host``,
``pid``, ``heartbeat_at``), and ``reconcile_queue``, the stored articles whose estimates are not
updated yet. Articles of runs left ``running`` by an earlier version (a killed ingest) are
queued, so the next run reconciles them and marks those runs ``interrupted``.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ingest_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("host", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("pid", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_ingest_runs_status", ["status"], unique=False)
    op.create_table(
        "reconcile_queue",
        sa.Column("article_id", sa.String(length=16), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["run_id"], ["ingest_runs.id"]),
        sa.PrimaryKeyConstraint("article_id"),
    )
    with op.batch_alter_table("reconcile_queue", schema=None) as batch_op:
        batch_op.create_index("ix_reconcile_queue_run", ["run_id"], unique=False)
    # articles a killed run stored before this version: their estimates may be missing
    op.execute(
        "INSERT INTO reconcile_queue (article_id, run_id, queued_at) "
        "SELECT a.id, a.run_id, a.ingested_at FROM articles a "
        "JOIN ingest_runs r ON r.id = a.run_id WHERE r.status = 'running'"
    )


def downgrade() -> None:
    with op.batch_alter_table("reconcile_queue", schema=None) as batch_op:
        batch_op.drop_index("ix_reconcile_queue_run")
    op.drop_table("reconcile_queue")
    with op.batch_alter_table("ingest_runs", schema=None) as batch_op:
        batch_op.drop_index("ix_ingest_runs_status")
        batch_op.drop_column("heartbeat_at")
        batch_op.drop_column("pid")
        batch_op.drop_column("host")
