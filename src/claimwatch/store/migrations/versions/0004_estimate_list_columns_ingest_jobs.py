"""Where and when on the estimate list; the web app's ingest jobs.

* ``estimates`` gets its list columns (place, country, date_start, date_end, latest, latest_best,
  n_claims) with indexes, filled from each stored estimate's JSON
  (``claimwatch.store.lists.estimate_list_columns``), so the list filters and sorts on columns;
* ``ingest_jobs``: one row per article posted to ``POST /api/articles`` (queued, running, done,
  failed; the result or the error), read by ``GET /api/jobs/{id}`` from any server process.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("place", sa.Text()), ("country", sa.String(length=8)), ("date_start", sa.String(length=32)),
    ("date_end", sa.String(length=32)), ("latest", sa.String(length=32)), ("latest_best", sa.Float()),
    ("n_claims", sa.Integer()),
)
_INDEXES = (("ix_estimates_country", "country"), ("ix_estimates_date_start", "date_start"),
            ("ix_estimates_latest", "latest"), ("ix_estimates_place", "place"))


def upgrade() -> None:
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        for name, kind in _COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
        for index, column in _INDEXES:
            batch_op.create_index(index, [column], unique=False)
    _fill_estimate_columns()
    op.create_table(
        "ingest_jobs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("who", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("article_id", sa.String(length=16), nullable=True),
        sa.Column("created", sa.Integer(), nullable=True),
        sa.Column("claims", sa.Integer(), nullable=True),
        sa.Column("estimates", sa.JSON(), nullable=True),
        sa.Column("error_code", sa.String(length=8), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ingest_jobs_submitted", "ingest_jobs", ["submitted_at"], unique=False)


def _fill_estimate_columns() -> None:
    from claimwatch.model import Estimate
    from claimwatch.store.lists import estimate_list_columns

    conn = op.get_bind()
    est = sa.table("estimates", sa.column("id"), sa.column("data"), *(sa.column(n) for n, _ in _COLUMNS))
    rows = conn.execute(sa.select(est.c.id, est.c.data)).all()
    for eid, data in rows:
        if isinstance(data, str):
            data = json.loads(data)
        conn.execute(sa.update(est).where(est.c.id == eid).values(**estimate_list_columns(Estimate.from_dict(data))))


def downgrade() -> None:
    op.drop_index("ix_ingest_jobs_submitted", table_name="ingest_jobs")
    op.drop_table("ingest_jobs")
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        for index, _ in _INDEXES:
            batch_op.drop_index(index)
        for name, _ in reversed(_COLUMNS):
            batch_op.drop_column(name)
