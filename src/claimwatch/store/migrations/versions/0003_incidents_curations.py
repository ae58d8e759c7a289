"""Incidents and curation: estimates know their kind, measure and incident; an ``incidents``
table (the estimates of one real-world incident, with when and where); a ``curations`` table,
the append-only log of reviewers' changes to estimates (detach, move, merge, split, mark,
override) that every re-reconciliation replays.

Existing estimates keep their JSON; the new columns are filled from it where it says them
(older estimates are counts; ``claimwatch reconcile`` recomputes everything with incidents).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("measure", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("incident_id", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_estimates_incident", ["incident_id"], unique=False)
    _fill_estimate_columns()
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("date_start", sa.String(length=32), nullable=True),
        sa.Column("date_end", sa.String(length=32), nullable=True),
        sa.Column("n_estimates", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_incidents_date_start", "incidents", ["date_start"], unique=False)
    op.create_index("ix_incidents_country", "incidents", ["country"], unique=False)
    op.create_table(
        "curations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("estimate_id", sa.String(length=64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_curations_estimate", "curations", ["estimate_id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE TRIGGER curations_no_update BEFORE UPDATE ON curations BEGIN "
                   "SELECT RAISE(ABORT, 'curations are append-only'); END")
        op.execute("CREATE TRIGGER curations_no_delete BEFORE DELETE ON curations BEGIN "
                   "SELECT RAISE(ABORT, 'curations are append-only'); END")
    elif bind.dialect.name == "postgresql":
        op.execute("CREATE TRIGGER curations_append_only BEFORE UPDATE OR DELETE ON curations "
                   "FOR EACH ROW EXECUTE FUNCTION claimwatch_append_only()")


def _fill_estimate_columns() -> None:
    conn = op.get_bind()
    est = sa.table("estimates", sa.column("id"), sa.column("data"), sa.column("kind"), sa.column("measure"),
                   sa.column("incident_id"))
    for eid, data in conn.execute(sa.select(est.c.id, est.c.data)).all():
        if isinstance(data, str):
            data = json.loads(data)
        data = data or {}
        measure = data.get("measure") or (data.get("time") or {}).get("measure")
        measure = "running" if measure == "cumulative" else measure
        conn.execute(sa.update(est).where(est.c.id == eid).values(
            kind=data.get("kind") or "count", measure=measure, incident_id=data.get("incident")))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS curations_no_update")
        op.execute("DROP TRIGGER IF EXISTS curations_no_delete")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS curations_append_only ON curations")
    op.drop_index("ix_curations_estimate", table_name="curations")
    op.drop_table("curations")
    op.drop_index("ix_incidents_country", table_name="incidents")
    op.drop_index("ix_incidents_date_start", table_name="incidents")
    op.drop_table("incidents")
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        batch_op.drop_index("ix_estimates_incident")
        batch_op.drop_column("incident_id")
        batch_op.drop_column("measure")
        batch_op.drop_column("kind")
