"""Initial schema: every table of store/tables.py, full-text search over articles
(SQLite FTS5 table kept by triggers / PostgreSQL tsvector column + GIN index), and triggers
that make the revision log append-only.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 17:23:47.690758
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_table('estimates',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('event_type', sa.String(length=32), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('best', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('independent_sources', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('estimates', schema=None) as batch_op:
        batch_op.create_index('ix_estimates_event_type', ['event_type'], unique=False)
        batch_op.create_index('ix_estimates_status', ['status'], unique=False)

    op.create_table('ingest_runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('inputs', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('accepted', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('revisions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_uid', sa.String(length=64), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index('ix_revisions_claim', ['claim_uid', 'id'], unique=False)

    op.create_table('articles',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('paragraphs', sa.JSON(), nullable=False),
    sa.Column('duplicate_of', sa.String(length=16), nullable=True),
    sa.Column('n_claims', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['duplicate_of'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_duplicate_of', ['duplicate_of'], unique=False)
        batch_op.create_index('ix_articles_outlet', ['outlet'], unique=False)
        batch_op.create_index('ix_articles_published', ['published'], unique=False)
        batch_op.create_index('ix_articles_url', ['url'], unique=False)

    op.create_table('estimate_claims',
    sa.Column('estimate_id', sa.String(length=64), nullable=False),
    sa.Column('claim_uid', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['estimate_id'], ['estimates.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('estimate_id', 'claim_uid')
    )
    with op.batch_alter_table('estimate_claims', schema=None) as batch_op:
        batch_op.create_index('ix_estimate_claims_article', ['article_id'], unique=False)
        batch_op.create_index('ix_estimate_claims_claim', ['claim_uid'], unique=False)

    op.create_table('rejects',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rejects', schema=None) as batch_op:
        batch_op.create_index('ix_rejects_run', ['run_id'], unique=False)

    op.create_table('article_minhash',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('article_id')
    )
    op.create_table('claims',
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.Column('claim_id', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('event_type', sa.String(length=32), nullable=True),
    sa.Column('certainty', sa.String(length=16), nullable=False),
    sa.Column('polarity', sa.String(length=16), nullable=False),
    sa.Column('evidential', sa.String(length=16), nullable=False),
    sa.Column('cause', sa.String(length=16), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('review', sa.String(length=16), nullable=True),
    sa.Column('machine', sa.JSON(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('uid')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_article', ['article_id', 'seq'], unique=False)
        batch_op.create_index('ix_claims_event_type', ['event_type'], unique=False)
        batch_op.create_index('ix_claims_review', ['review'], unique=False)

    op.create_table('claim_places',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_uid', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('feature', sa.Text(), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['claim_uid'], ['claims.uid'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claim_places', schema=None) as batch_op:
        batch_op.create_index('ix_claim_places_claim', ['claim_uid'], unique=False)
        batch_op.create_index('ix_claim_places_country', ['country'], unique=False)
        batch_op.create_index('ix_claim_places_name', ['name'], unique=False)

    op.create_table('claim_quantities',
    sa.Column('claim_uid', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('best', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('qualifier', sa.String(length=16), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('counted', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['claim_uid'], ['claims.uid'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_uid')
    )
    with op.batch_alter_table('claim_quantities', schema=None) as batch_op:
        batch_op.create_index('ix_claim_quantities_unit', ['unit'], unique=False)

    op.create_table('claim_sources',
    sa.Column('claim_uid', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('canonical', sa.Text(), nullable=True),
    sa.Column('affiliation', sa.Text(), nullable=True),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('quote', sa.String(length=16), nullable=True),
    sa.Column('scope', sa.String(length=16), nullable=True),
    sa.Column('via', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['claim_uid'], ['claims.uid'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_uid')
    )
    with op.batch_alter_table('claim_sources', schema=None) as batch_op:
        batch_op.create_index('ix_claim_sources_canonical', ['canonical'], unique=False)
        batch_op.create_index('ix_claim_sources_type', ['type'], unique=False)

    op.create_table('claim_times',
    sa.Column('claim_uid', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.String(length=32), nullable=True),
    sa.Column('end', sa.String(length=32), nullable=True),
    sa.Column('precision', sa.String(length=16), nullable=True),
    sa.Column('anchor', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['claim_uid'], ['claims.uid'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_uid')
    )
    with op.batch_alter_table('claim_times', schema=None) as batch_op:
        batch_op.create_index('ix_claim_times_start', ['start'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_uid', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['claim_uid'], ['claims.uid'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index('ix_evidence_claim', ['claim_uid'], unique=False)

    op.create_table('reviews',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_uid', sa.String(length=64), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['claim_uid'], ['claims.uid'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index('ix_reviews_claim', ['claim_uid'], unique=False)

    _search_and_guards()


def downgrade() -> None:
    _drop_search_and_guards()
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_reviews_claim')

    op.drop_table('reviews')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index('ix_evidence_claim')

    op.drop_table('evidence')
    with op.batch_alter_table('claim_times', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_times_start')

    op.drop_table('claim_times')
    with op.batch_alter_table('claim_sources', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_sources_type')
        batch_op.drop_index('ix_claim_sources_canonical')

    op.drop_table('claim_sources')
    with op.batch_alter_table('claim_quantities', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_quantities_unit')

    op.drop_table('claim_quantities')
    with op.batch_alter_table('claim_places', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_places_name')
        batch_op.drop_index('ix_claim_places_country')
        batch_op.drop_index('ix_claim_places_claim')

    op.drop_table('claim_places')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_review')
        batch_op.drop_index('ix_claims_event_type')
        batch_op.drop_index('ix_claims_article')

    op.drop_table('claims')
    op.drop_table('article_minhash')
    with op.batch_alter_table('rejects', schema=None) as batch_op:
        batch_op.drop_index('ix_rejects_run')

    op.drop_table('rejects')
    with op.batch_alter_table('estimate_claims', schema=None) as batch_op:
        batch_op.drop_index('ix_estimate_claims_claim')
        batch_op.drop_index('ix_estimate_claims_article')

    op.drop_table('estimate_claims')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_url')
        batch_op.drop_index('ix_articles_published')
        batch_op.drop_index('ix_articles_outlet')
        batch_op.drop_index('ix_articles_duplicate_of')

    op.drop_table('articles')
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index('ix_revisions_claim')

    op.drop_table('revisions')
    op.drop_table('ingest_runs')
    with op.batch_alter_table('estimates', schema=None) as batch_op:
        batch_op.drop_index('ix_estimates_status')
        batch_op.drop_index('ix_estimates_event_type')

    op.drop_table('estimates')
    op.drop_table('api_tokens')


def _search_and_guards() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text, tokenize='porter unicode61')")
        op.execute("CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
                   "INSERT INTO articles_fts(article_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END")
        op.execute("CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
                   "DELETE FROM articles_fts WHERE article_id = old.id; END")
        op.execute("CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
                   "UPDATE articles_fts SET title = coalesce(new.title, ''), text = new.text WHERE article_id = new.id; END")
        op.execute("CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions BEGIN "
                   "SELECT RAISE(ABORT, 'revisions are append-only'); END")
        op.execute("CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions BEGIN "
                   "SELECT RAISE(ABORT, 'revisions are append-only'); END")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                   "(setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
                   "setweight(to_tsvector('english', text), 'B')) STORED")
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)")
        op.execute("CREATE FUNCTION claimwatch_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN RAISE EXCEPTION 'revisions are append-only'; END $$")
        op.execute("CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions "
                   "FOR EACH ROW EXECUTE FUNCTION claimwatch_append_only()")


def _drop_search_and_guards() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trig in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au", "revisions_no_update", "revisions_no_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS revisions_append_only ON revisions")
        op.execute("DROP FUNCTION IF EXISTS claimwatch_append_only()")
        op.execute("DROP INDEX IF EXISTS ix_articles_tsv")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS tsv")
