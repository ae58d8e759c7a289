"""The SQL schema (SQLAlchemy 2 Core tables). Alembic migrations under ``migrations/`` create
and change it; this module is what queries use. Keep both in step: every change here comes with
a new migration.

Layout: ``articles`` (+ full-text index) → ``claims`` (the full claim JSON, machine and effective,
plus filter columns) → ``claim_sources`` / ``claim_quantities`` / ``claim_times`` / ``claim_places``
/ ``evidence`` (one row per emitted span) for queries; ``revisions`` (append-only log of every change
to a claim, the machine value first) and ``reviews``; ``ingest_runs`` and ``rejects``;
``estimates`` + ``estimate_claims`` (membership), ``incidents`` (the estimates of one real-world
incident) and ``curations`` (reviewers' changes to estimates, append-only; see
``claimwatch.reconcile.curation``); ``api_tokens`` (hashed); ``article_minhash`` (near-duplicate
signatures); ``reconcile_queue`` (stored articles whose estimates are pending); ``ingest_jobs``
(articles posted to the web API, extracted off the request by the app's job queue).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "metadata", "articles", "claims", "claim_sources", "claim_quantities", "claim_times",
    "claim_places", "evidence", "revisions", "reviews", "ingest_runs", "rejects", "estimates",
    "estimate_claims", "incidents", "curations", "api_tokens", "article_minhash", "reconcile_queue",
    "ingest_jobs", "table_versions", "VERSIONED_TABLES",
]

metadata = MetaData()

ingest_runs = Table(
    "ingest_runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("inputs", JSON, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("accepted", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=False, default="running"),  # running | done | failed | interrupted
    # who runs it, and when it last showed life: a run left "running" by a killed process is
    # told apart from a live one by these (flow.runs)
    Column("host", Text),
    Column("pid", Integer),
    Column("heartbeat_at", DateTime(timezone=True)),
    Index("ix_ingest_runs_status", "status"),
)

articles = Table(
    "articles", metadata,
    Column("id", String(16), primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(32)),
    Column("language", String(8), nullable=False, default="en"),
    Column("text", Text, nullable=False),
    Column("paragraphs", JSON, nullable=False),
    Column("duplicate_of", String(16), ForeignKey("articles.id")),
    Column("n_claims", Integer, nullable=False),
    Column("run_id", Integer, ForeignKey("ingest_runs.id")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_url", "url"),
    Index("ix_articles_duplicate_of", "duplicate_of"),
    Index("ix_articles_published_id", "published", "id"),
)

article_minhash = Table(
    "article_minhash", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("signature", LargeBinary, nullable=False),
)

claims = Table(
    "claims", metadata,
    Column("uid", String(64), primary_key=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("claim_id", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("event_type", String(32)),
    Column("certainty", String(16), nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("evidential", String(16), nullable=False),
    Column("cause", String(16)),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("review", String(16)),
    Column("machine", JSON, nullable=False),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_claims_article", "article_id", "seq"),
    Index("ix_claims_event_type", "event_type"),
    Index("ix_claims_review", "review"),
    Index("ix_claims_list", "article_id", "seq", "review", "uid", "event_type"),
)

claim_sources = Table(
    "claim_sources", metadata,
    Column("claim_uid", String(64), ForeignKey("claims.uid", ondelete="CASCADE"), primary_key=True),
    Column("name", Text),
    Column("canonical", Text),
    Column("affiliation", Text),
    Column("type", String(32), nullable=False),
    Column("cue", Text),
    Column("quote", String(16)),
    Column("scope", String(16)),
    Column("via", Text),
    Index("ix_claim_sources_type", "type"),
    Index("ix_claim_sources_canonical", "canonical"),
)

claim_quantities = Table(
    "claim_quantities", metadata,
    Column("claim_uid", String(64), ForeignKey("claims.uid", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
    Column("low", Float),
    Column("best", Float),
    Column("high", Float),
    Column("qualifier", String(16)),
    Column("unit", Text),
    Column("counted", Text),
    Index("ix_claim_quantities_unit", "unit"),
)

claim_times = Table(
    "claim_times", metadata,
    Column("claim_uid", String(64), ForeignKey("claims.uid", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", String(32)),
    Column("end", String(32)),
    Column("precision", String(16)),
    Column("anchor", String(16)),
    Index("ix_claim_times_start", "start"),
)

claim_places = Table(
    "claim_places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_uid", String(64), ForeignKey("claims.uid", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", Text),
    Column("geonameid", Integer),
    Column("role", String(32)),
    Index("ix_claim_places_claim", "claim_uid"),
    Index("ix_claim_places_name", "name"),
    Index("ix_claim_places_country", "country"),
)

evidence = Table(
    "evidence", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_uid", String(64), ForeignKey("claims.uid", ondelete="CASCADE"), nullable=False),
    Column("article_id", String(16), nullable=False),
    Column("role", String(16), nullable=False),  # claim | quantity | source | time | place | actor
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_evidence_claim", "claim_uid"),
)

revisions = Table(
    "revisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_uid", String(64), nullable=False),
    Column("who", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(16), nullable=False),  # extract | accept | correct | reject
    Column("before", JSON),
    Column("after", JSON, nullable=False),
    Index("ix_revisions_claim", "claim_uid", "id"),
)

reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_uid", String(64), ForeignKey("claims.uid", ondelete="CASCADE"), nullable=False),
    Column("who", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(16), nullable=False),
    Column("changes", JSON),
    Index("ix_reviews_claim", "claim_uid"),
)

rejects = Table(
    "rejects", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id")),
    Column("name", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_rejects_run", "run_id"),
)

#: stored articles whose estimates are not updated yet: a row is written in the same transaction
#: as its article and removed once reconciliation has run over it, so a crash between the two
#: leaves the article queued (flow.runs recovers it)
reconcile_queue = Table(
    "reconcile_queue", metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id")),
    Column("queued_at", DateTime(timezone=True), nullable=False),
    Index("ix_reconcile_queue_run", "run_id"),
)

estimates = Table(
    "estimates", metadata,
    Column("id", String(64), primary_key=True),
    Column("event_type", String(32)),
    Column("unit", Text),
    Column("low", Float),
    Column("best", Float),
    Column("high", Float),
    Column("status", String(16), nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("kind", String(16)),
    Column("measure", String(16)),
    Column("incident_id", String(64)),
    # list columns (store/lists.py estimate_list_columns): where and when, for filters and sorting
    Column("place", Text),
    Column("country", String(8)),
    Column("date_start", String(32)),
    Column("date_end", String(32)),
    Column("latest", String(32)),
    Column("latest_best", Float),
    Column("n_claims", Integer),
    Index("ix_estimates_status", "status"),
    Index("ix_estimates_event_type", "event_type"),
    # list pages sort on these with the id as tie-break (migration 0005)
    Index("ix_estimates_country", "country", "id"),
    Index("ix_estimates_date_start", "date_start", "id"),
    Index("ix_estimates_latest", "latest", "id"),
    Index("ix_estimates_place", "place", "id"),
    Index("ix_estimates_best", "best", "id"),
    Index("ix_estimates_incident", "incident_id"),
)

incidents = Table(
    "incidents", metadata,
    Column("id", String(64), primary_key=True),
    Column("event_type", String(32)),
    Column("country", String(8)),
    Column("date_start", String(32)),
    Column("date_end", String(32)),
    Column("n_estimates", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_incidents_date_start", "date_start"),
    Index("ix_incidents_country", "country"),
)

curations = Table(
    "curations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", Text, nullable=False),
    Column("why", Text, nullable=False),
    Column("action", String(16), nullable=False),  # detach | move | merge | split | mark | override
    Column("estimate_id", String(64), nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_curations_estimate", "estimate_id"),
)

estimate_claims = Table(
    "estimate_claims", metadata,
    Column("estimate_id", String(64), ForeignKey("estimates.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_uid", String(64), primary_key=True),
    Column("article_id", String(16), nullable=False),
    Index("ix_estimate_claims_claim", "claim_uid"),
    Index("ix_estimate_claims_article", "article_id"),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked", Integer, nullable=False, default=0),
)

ingest_jobs = Table(
    "ingest_jobs", metadata,
    Column("id", String(32), primary_key=True),
    Column("status", String(16), nullable=False),  # queued | running | done | failed
    Column("who", Text),
    Column("name", Text),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    Column("article_id", String(16)),
    Column("created", Integer),
    Column("claims", Integer),
    Column("estimates", JSON),
    Column("error_code", String(8)),
    Column("error_message", Text),
    Index("ix_ingest_jobs_submitted", "submitted_at"),
)

#: one change counter per table, raised by a trigger on every insert, update and delete (SQLite;
#: migration 0006): readers that keep answers in memory (``claimwatch.web.cache``) tell from them
#: which tables a commit touched, so a commit that changes nothing an answer shows keeps it valid
table_versions = Table(
    "table_versions", metadata,
    Column("name", String(64), primary_key=True),
    Column("version", Integer, nullable=False, default=0),
)

#: the tables whose changes ``table_versions`` counts: every table but the counter itself
VERSIONED_TABLES: tuple[str, ...] = tuple(name for name in metadata.tables if name != "table_versions")
