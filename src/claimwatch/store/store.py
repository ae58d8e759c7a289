"""The :class:`Store`: articles with all their claims, queries, reviews, runs and rejects.

Writes happen in one transaction per call (``write_articles``: the whole batch, every article with
all its claims and its place on the reconcile queue, or nothing). Writers are serialised (SQLite ``BEGIN IMMEDIATE``; PostgreSQL a
transaction-scoped advisory lock) so near-duplicate linking sees every earlier article.
Reviewed values win everywhere: ``claims.data`` holds the effective claim, ``claims.machine`` the
extracted one, and ``revisions`` the append-only history (the machine value first).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, exists, func, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from ..errors import ClaimwatchError, NotFound, StoreError, ValidationError
from ..model import Article, Claim
from ..settings import load_settings
from . import tables as T
from .bulk import BulkWriter, RawJSON
from .engine import make_engine, migrate, redact
from .estimates import EstimatesMixin
from .filters import apply_where, claim_filters, fts_query
from .jobs import JobsMixin
from .lists import ListsMixin
from .review import DERIVED_TABLES, ReviewMixin
from .rows import Prepared, chunks, claim_data, claim_from_row, claim_rows, now, validate_claim
from .runs import RunsMixin

if TYPE_CHECKING:
    from ..dedup import NearDuplicateIndex

__all__ = ["Store"]

_DERIVED = DERIVED_TABLES
_PG_WRITE_LOCK = 74217306


class Store(RunsMixin, EstimatesMixin, ReviewMixin, ListsMixin, JobsMixin):
    """A claimwatch database (SQLite file by default, or PostgreSQL).

    ``url`` and ``dedup_threshold`` default to the settings' ``db`` and ``dedup_threshold``."""

    def __init__(self, url: str | None = None, *, dedup_threshold: float | None = None) -> None:
        if url is None or dedup_threshold is None:
            settings = load_settings()
            url = url or settings.db
            dedup_threshold = settings.dedup_threshold if dedup_threshold is None else dedup_threshold
        self.url = url
        self.dedup_threshold = dedup_threshold
        importlib.import_module("claimwatch.dedup")  # import datasketch up front, not in the first write

        self.engine = make_engine(self.url)
        self.dialect = self.engine.dialect.name
        try:
            migrate(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(redact(self.url), detail=_short(exc)) from None
        self._dedup: NearDuplicateIndex | None = None
        self._dedup_seen = 0

    # -- plumbing -----------------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({redact(self.url)!r})"

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect().execution_options(write=True) as conn, conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})"))
                yield conn
        except ClaimwatchError:
            self._dedup = None
            raise
        except SQLAlchemyError as exc:
            self._dedup = None
            raise StoreError(redact(self.url), detail=_short(exc)) from None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(redact(self.url), detail=_short(exc)) from None

    # -- articles -----------------------------------------------------------------------------
    def has_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        found: set[str] = set()
        with self._read() as conn:
            for chunk in chunks(ids):
                found.update(r[0] for r in conn.execute(select(T.articles.c.id).where(T.articles.c.id.in_(chunk))))
        return found

    def has_url(self, url: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(T.articles.c.id).where(T.articles.c.url == url).limit(1)).first() is not None

    def count_articles(self, *, originals_only: bool = False) -> int:
        q = select(func.count()).select_from(T.articles)
        if originals_only:
            q = q.where(T.articles.c.duplicate_of.is_(None))
        with self._read() as conn:
            return int(conn.execute(q).scalar_one())

    def add_article(self, article: Article, *, run_id: int | None = None) -> bool:
        """Store one article and all its claims in one transaction; False if already stored."""
        return len(self.write_articles([article], run_id=run_id)) == 1

    def add_articles(self, articles: Iterable[Article], *, run_id: int | None = None,
                     prepared: Mapping[str, Prepared] | None = None) -> int:
        """Store a batch in one transaction (all or nothing); returns how many were new."""
        return len(self.write_articles(articles, run_id=run_id, prepared=prepared))

    def write_articles(self, articles: Iterable[Article], *, run_id: int | None = None,
                       prepared: Mapping[str, Prepared] | None = None) -> list[str]:
        """Store a batch in one transaction (all or nothing); returns the ids of the articles
        that were new (in batch order), each now also on the reconcile queue. Their
        ``duplicate_of`` is set to the original they were linked to.

        ``prepared`` optionally maps article ids to :class:`claimwatch.store.rows.Prepared`
        (near-duplicate signature and claim JSON computed ahead, e.g. by the extraction workers
        with ``rows.prepare``); whatever is not given is computed here. Every row of the batch is
        built before the write transaction opens, then written with one bulk statement per table
        (``store.bulk``), so the write lock is held only for the database work."""
        batch: dict[str, Article] = {}
        for art in articles:
            if not isinstance(art, Article):
                raise ValidationError(str(art)[:60], detail="not an Article")
            batch.setdefault(art.id, art)
        if not batch:
            return []
        sigs, claim_tables = self._prepare_rows(batch, prepared or {})
        with self._write() as conn:
            present = {r[0] for r in conn.execute(select(T.articles.c.id).where(T.articles.c.id.in_(list(batch))))}
            new = [a for aid, a in batch.items() if aid not in present]
            if not new:
                return []
            self._insert_new(conn, new, present, sigs, claim_tables, run_id)
            return [a.id for a in new]

    def _prepare_rows(self, batch: dict[str, Article], given: Mapping[str, Prepared]
                      ) -> tuple[dict[str, bytes], dict[str, dict[str, list[dict]]]]:
        """Validate the batch and build its signatures and claim rows (outside the transaction)."""
        from ..dedup import signature, to_bytes

        for art in batch.values():
            for claim in art.claims:
                problems = validate_claim(claim, art)
                if problems:
                    raise ValidationError(f"{art.id}:{claim.id}", detail="; ".join(problems[:3]))
        stamp = now()
        sigs: dict[str, bytes] = {}
        claim_tables: dict[str, dict[str, list[dict]]] = {}
        for aid, art in batch.items():
            prep = given.get(aid)
            if prep is not None and len(prep.claims_json) != len(art.claims):
                raise ValidationError(aid, detail="prepared rows do not match the article's claims")
            sigs[aid] = prep.signature if prep is not None else to_bytes(signature(art.text))
            tables: dict[str, list[dict]] = {name: [] for name in ("claims", "revisions", *_DERIVED)}
            for seq, claim in enumerate(art.claims):
                if prep is not None:
                    if not prep.claims_json[seq].startswith(f'{{"id": {json.dumps(claim.id)}, '):
                        raise ValidationError(f"{aid}:{claim.id}", detail="prepared claim JSON is for another claim")
                    claim.article_id = aid
                    data: Any = RawJSON(prep.claims_json[seq])
                else:
                    data = RawJSON(json.dumps(claim_data(claim, aid)))
                for name, rs in claim_rows(claim, aid, seq, data=data, stamp=stamp).items():
                    tables[name].extend(rs)
                tables["revisions"].append({
                    "claim_uid": f"{aid}:{claim.id}", "who": "machine", "at": stamp,
                    "action": "extract", "before": None, "after": data,
                })
            claim_tables[aid] = tables
        return sigs, claim_tables

    def _insert_new(self, conn: Connection, new: list[Article], present: set[str], sigs: dict[str, bytes],
                    claim_tables: dict[str, dict[str, list[dict]]], run_id: int | None) -> None:
        """Link near-duplicates and bulk-insert the new articles, their claims and queue rows."""
        from ..dedup import from_bytes

        index = self._dedup_index(conn)
        stamp = now()  # the time of the write, not of the preparation (which may wait for the lock)
        art_rows: list[dict[str, Any]] = []
        hash_rows = []
        table_rows: dict[str, list[dict]] = {name: [] for name in ("claims", "revisions", *_DERIVED)}
        for art in new:
            dup = art.duplicate_of
            if dup is not None and dup not in present and dup not in {a["id"] for a in art_rows}:
                if not conn.execute(select(T.articles.c.id).where(T.articles.c.id == dup)).first():
                    dup = None
            sig = from_bytes(sigs[art.id])
            if dup is None:
                dup = self._original_for(conn, index, sig, art, art_rows)
            art.duplicate_of = dup
            art_rows.append({
                "id": art.id, "url": art.url, "outlet": art.outlet, "title": art.title,
                "published": art.published, "language": art.language or "en", "text": art.text,
                "paragraphs": [list(p) for p in art.paragraphs], "duplicate_of": dup,
                "n_claims": len(art.claims), "run_id": run_id, "ingested_at": stamp,
            })
            hash_rows.append({"article_id": art.id, "signature": sigs[art.id]})
            index.add(art.id, sig)
            for name, rs in claim_tables[art.id].items():
                table_rows[name].extend(rs)
        for r in table_rows["claims"]:
            r["updated_at"] = stamp
        for r in table_rows["revisions"]:
            r["at"] = stamp
        # parents before children: a duplicate may point at an article of the same batch
        art_rows.sort(key=lambda r: r["duplicate_of"] is not None)
        bulk = BulkWriter(conn)  # one bulk statement per table for the whole batch
        bulk.insert(T.articles, art_rows)
        bulk.insert(T.article_minhash, hash_rows)
        for name in ("claims", "revisions", *_DERIVED):
            bulk.insert(getattr(T, name), table_rows[name])
        bulk.insert(T.reconcile_queue, [{"article_id": a.id, "run_id": run_id, "queued_at": stamp} for a in new])

    def _dedup_index(self, conn: Connection) -> NearDuplicateIndex:
        from ..dedup import NearDuplicateIndex, from_bytes

        if self._dedup is None:
            self._dedup = NearDuplicateIndex(self.dedup_threshold)
            self._dedup_seen = 0
        rows = conn.execute(select(T.article_minhash.c.seq, T.article_minhash.c.article_id, T.article_minhash.c.signature)
                            .where(T.article_minhash.c.seq > self._dedup_seen).order_by(T.article_minhash.c.seq))
        for seq, aid, sig in rows:
            self._dedup.add(aid, from_bytes(bytes(sig)))
            self._dedup_seen = max(self._dedup_seen, seq)
        return self._dedup

    def _original_for(self, conn: Connection, index: NearDuplicateIndex, sig: Any, art: Article,
                      pending: list[dict]) -> str | None:
        matches = [aid for aid, _ in index.match(sig, exclude=art.id)]
        if not matches:
            return None
        pend = {r["id"]: r for r in pending}
        roots: dict[str, tuple] = {}
        stored = [m for m in matches if m not in pend]
        meta = {}
        if stored:
            q = (select(T.articles.c.id, T.articles.c.duplicate_of, T.articles.c.published, T.article_minhash.c.seq)
                 .join(T.article_minhash, T.article_minhash.c.article_id == T.articles.c.id)
                 .where(T.articles.c.id.in_(stored)))
            meta = {r.id: (r.duplicate_of, r.published, r.seq) for r in conn.execute(q)}
        for m in matches:
            if m in pend:
                root = pend[m]["duplicate_of"] or m
            elif m in meta:
                root = meta[m][0] or m
            else:
                continue
            if root in pend:
                roots[root] = (pend[root]["published"] is None, pend[root]["published"] or "", 1 << 62)
            elif root in meta:
                roots[root] = (meta[root][1] is None, meta[root][1] or "", meta[root][2])
            else:
                roots.setdefault(root, (True, "", 1 << 61))
        return min(roots, key=lambda r: roots[r]) if roots else None

    def get_article(self, article_id: str, *, with_claims: bool = True) -> Article:
        with self._read() as conn:
            row = conn.execute(select(T.articles).where(T.articles.c.id == article_id)).first()
            if row is None:
                raise NotFound(article_id, detail=f"article {article_id}")
            art = _article_from_row(row)
            if with_claims:
                rows = conn.execute(select(T.claims.c.data, T.claims.c.review)
                                    .where(T.claims.c.article_id == article_id).order_by(T.claims.c.seq))
                art.claims = [claim_from_row(r.data, r.review) for r in rows]
        return art

    def search_articles(self, q: str | None = None, outlet: str | None = None, since: str | None = None,
                        until: str | None = None, source_type: str | None = None, event_type: str | None = None,
                        limit: int = 50, offset: int = 0) -> tuple[list[Article], int]:
        a = T.articles
        conds = []
        rank = None
        if q and q.strip():
            cond, rank = fts_query(self.dialect, q)
            if cond is None:
                return [], 0
            conds.append(cond)
        if outlet:
            conds.append(func.lower(a.c.outlet) == outlet.lower())
        if since:
            conds.append(a.c.published >= since)
        if until:
            conds.append(a.c.published <= until)
        if source_type or event_type:
            sub = select(T.claims.c.uid).where(T.claims.c.article_id == a.c.id)
            if event_type:
                sub = sub.where(T.claims.c.event_type == event_type)
            if source_type:
                sub = sub.join(T.claim_sources, T.claim_sources.c.claim_uid == T.claims.c.uid).where(
                    T.claim_sources.c.type == source_type)
            conds.append(exists(sub))
        where = and_(*conds) if conds else None
        cols = [c for c in a.c if c.name != "tsv"]
        base = select(*cols)
        count = select(func.count()).select_from(a)
        if where is not None:
            base, count = base.where(where), count.where(where)
        order = [rank] if rank is not None else []
        order += [a.c.published.is_(None), a.c.published.desc(), a.c.id]
        with self._read() as conn:
            total = int(conn.execute(count).scalar_one())
            rows = conn.execute(base.order_by(*order).limit(limit).offset(offset)).all()
        return [_article_from_row(r) for r in rows], total

    # -- claims -------------------------------------------------------------------------------
    def get_claim(self, uid: str) -> Claim:
        with self._read() as conn:
            row = conn.execute(select(T.claims.c.data, T.claims.c.review).where(T.claims.c.uid == uid)).first()
        if row is None:
            raise NotFound(uid, detail=f"claim {uid}")
        return claim_from_row(row.data, row.review)

    def query_claims(self, source_type: str | None = None, event_type: str | None = None, since: str | None = None,
                     until: str | None = None, place: str | None = None, status: str | None = None,
                     reviewed: bool | None = None, article_id: str | None = None, limit: int | None = None,
                     offset: int = 0, *, where: list[str] | None = None, kind: str | None = None,
                     include_duplicates: bool = True) -> list[Claim]:
        """Claims matching every given filter, newest articles first.

        ``status`` is the review state (``accepted`` | ``corrected`` | ``rejected`` | ``unreviewed``);
        rejected claims are left out unless ``status="rejected"`` is asked for. ``where`` takes
        ``FIELD OP VALUE`` conditions (see :func:`claimwatch.store.filters.apply_where`)."""
        q, conds = claim_filters(source_type=source_type, event_type=event_type, since=since, until=until,
                                 place=place, status=status, reviewed=reviewed, article_id=article_id, kind=kind,
                                 include_duplicates=include_duplicates)
        if where:
            conds += apply_where(where)
        q = q.where(and_(*conds)) if conds else q
        a = T.articles
        q = q.order_by(a.c.published.is_(None), a.c.published.desc(), T.claims.c.article_id, T.claims.c.seq)
        if limit is not None:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self._read() as conn:
            return [claim_from_row(r.data, r.review) for r in conn.execute(q)]

    def claims_for_reconcile(self, article_ids: Iterable[str] | None = None) -> list[tuple[Claim, dict]]:
        a, c = T.articles, T.claims
        q = (select(c.c.data, c.c.review, a.c.id, a.c.url, a.c.outlet, a.c.published, a.c.duplicate_of)
             .join(a, a.c.id == c.c.article_id)
             .where(or_(c.c.review.is_(None), c.c.review != "rejected")))
        if article_ids is not None:
            ids = list(article_ids)
            if not ids:
                return []
            q = q.where(c.c.article_id.in_(ids))
        q = q.order_by(a.c.published.is_(None), a.c.published, c.c.article_id, c.c.seq)
        with self._read() as conn:
            return [(claim_from_row(r.data, r.review),
                     {"id": r.id, "url": r.url, "outlet": r.outlet, "published": r.published,
                      "duplicate_of": r.duplicate_of}) for r in conn.execute(q)]

    def revisions(self, uid: str) -> list[dict]:
        r = T.revisions
        with self._read() as conn:
            rows = conn.execute(select(r.c.id, r.c.who, r.c.at, r.c.action, r.c.before, r.c.after)
                                .where(r.c.claim_uid == uid).order_by(r.c.id)).all()
        if not rows:
            raise NotFound(uid, detail=f"claim {uid}")
        return [{"id": x.id, "who": x.who, "when": x.at.isoformat() if hasattr(x.at, "isoformat") else x.at,
                 "action": x.action, "before": x.before, "after": x.after} for x in rows]

    def stats(self) -> dict[str, int]:
        out = {}
        with self._read() as conn:
            for name in ("articles", "claims", "rejects", "estimates", "ingest_runs", "reconcile_queue"):
                out[name] = int(conn.execute(select(func.count()).select_from(getattr(T, name))).scalar_one())
            out["duplicates"] = int(conn.execute(select(func.count()).select_from(T.articles)
                                                 .where(T.articles.c.duplicate_of.is_not(None))).scalar_one())
        return out


def _article_from_row(row) -> Article:
    m = row._mapping
    return Article(text=m["text"], id=m["id"], url=m["url"], outlet=m["outlet"], title=m["title"],
                   published=m["published"], language=m["language"] or "en",
                   paragraphs=[tuple(p) for p in (m["paragraphs"] or [])], duplicate_of=m["duplicate_of"])


def _short(exc: BaseException) -> str:
    msg = str(getattr(exc, "orig", None) or exc)
    return " ".join(msg.split())[:300]
