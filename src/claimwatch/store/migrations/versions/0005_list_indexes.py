"""Indexes for list pages, and planner statistics.

* estimates: the sort columns of the estimate list with the id as tie-break (replacing the
  one-column indexes of 0004), and ``best``;
* articles by publication date then id, and a covering index of an article's claims in text order
  (with the columns the claim list filters on), so a page of the article or claim list walks
  indexes instead of sorting whole tables;
* ``ANALYZE``, so the planner knows to.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_ESTIMATES = (("ix_estimates_country", "country"), ("ix_estimates_date_start", "date_start"),
              ("ix_estimates_latest", "latest"), ("ix_estimates_place", "place"))
_NEW = (("estimates", "ix_estimates_best", ["best", "id"]),
        ("articles", "ix_articles_published_id", ["published", "id"]),
        ("claims", "ix_claims_list", ["article_id", "seq", "review", "uid", "event_type"]))


def upgrade() -> None:
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        for index, column in _ESTIMATES:
            batch_op.drop_index(index)
            batch_op.create_index(index, [column, "id"], unique=False)
    for table, index, columns in _NEW:
        op.create_index(index, table, columns, unique=False)
    op.execute("ANALYZE")


def downgrade() -> None:
    for table, index, _ in reversed(_NEW):
        op.drop_index(index, table_name=table)
    with op.batch_alter_table("estimates", schema=None) as batch_op:
        for index, column in _ESTIMATES:
            batch_op.drop_index(index)
            batch_op.create_index(index, [column], unique=False)
