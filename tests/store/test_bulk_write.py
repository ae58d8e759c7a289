"""The bulk write path of ``Store.add_articles`` (driver executemany / COPY, rows prepared ahead
by the extraction workers), on SQLite and PostgreSQL: same stored values, same guarantees."""

from __future__ import annotations

import copy
from datetime import datetime

import pytest
from helpers import GREECE, LIBYA, LIBYA_LONG, make_article  # noqa: E402
from sqlalchemy import func, select

from claimwatch.errors import StoreError, ValidationError
from claimwatch.store import tables as T
from claimwatch.store.rows import claim_data, prepare


def _rows(store, table, article_id):
    col = table.c.article_id if "article_id" in table.c else table.c.claim_uid
    cond = col == article_id if "article_id" in table.c else col.like(f"{article_id}:%")
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table).where(cond))]


@pytest.mark.parametrize("prepared", [False, True], ids=["computed", "prepared"])
def test_stored_values(store, prepared):
    art = make_article(LIBYA)
    expected = [claim_data(copy.deepcopy(c), art.id) for c in art.claims]
    prep = {art.id: prepare(copy.deepcopy(art))} if prepared else None
    assert store.add_articles([art], prepared=prep) == 1
    claims = sorted(_rows(store, T.claims, art.id), key=lambda r: r["seq"])
    assert [c["data"] for c in claims] == expected
    assert [c["machine"] for c in claims] == expected
    assert [c["uid"] for c in claims] == [f"{art.id}:c1", f"{art.id}:c2"]
    revs = sorted(_rows(store, T.revisions, art.id), key=lambda r: r["id"])
    assert [(r["who"], r["action"], r["before"], r["after"]) for r in revs] == [
        ("machine", "extract", None, e) for e in expected]
    article = store.get_article(art.id)
    with store.engine.connect() as conn:
        stamp = conn.execute(select(T.articles.c.ingested_at).where(T.articles.c.id == art.id)).scalar_one()
        assert isinstance(stamp, datetime)
        assert {c["updated_at"] for c in claims} == {stamp} and {r["at"] for r in revs} == {stamp}
        # JSON None is stored as JSON null (as SQLAlchemy's JSON type does), not SQL NULL
        before = conn.exec_driver_sql("SELECT count(*) FROM revisions WHERE before IS NULL").scalar_one()
        assert before == 0
        sig = conn.execute(select(T.article_minhash.c.signature)).scalar_one()
    from claimwatch.dedup import signature, to_bytes

    assert bytes(sig) == to_bytes(signature(art.text))
    evidence = _rows(store, T.evidence, art.id)
    assert sorted((e["start"], e["end"], e["text"]) for e in evidence) == sorted(
        (s, e, t) for c in art.claims for t, (s, e) in c.spans())
    assert all(art.text[e["start"]:e["end"]] == e["text"] for e in evidence)
    places = _rows(store, T.claim_places, art.id)
    assert [(p["name"], p["country"]) for p in places] == [("Libya", "LY")]
    assert article.to_dict() == art.to_dict()


def test_prepared_and_computed_batches_mix(store):
    a, b = make_article(LIBYA), make_article(GREECE)
    assert store.add_articles([a, b], prepared={a.id: prepare(copy.deepcopy(a))}) == 2
    assert store.get_article(a.id).to_dict() == a.to_dict()
    assert store.get_article(b.id).to_dict() == b.to_dict()


def test_prepared_rows_that_do_not_match_are_refused(store):
    art = make_article(LIBYA)
    prep = prepare(copy.deepcopy(art))
    art.claims.pop()
    with pytest.raises(ValidationError):
        store.add_articles([art], prepared={art.id: prep})
    art = make_article(LIBYA)
    swapped = type(prep)(prep.signature, tuple(reversed(prep.claims_json)))
    with pytest.raises(ValidationError):
        store.add_articles([art], prepared={art.id: swapped})
    assert store.stats()["articles"] == 0
    assert store.add_articles([art], prepared={art.id: prep}) == 1


def test_database_error_inside_bulk_write_leaves_nothing(store):
    good = make_article(GREECE)
    bad = make_article(LIBYA)
    bad.claims[1].id = bad.claims[0].id  # same uid twice: the claims insert fails in the database
    with pytest.raises(StoreError):
        store.add_articles([good, bad])
    stats = store.stats()
    assert stats["articles"] == 0 and stats["claims"] == 0
    with store.engine.connect() as conn:
        for table in (T.revisions, T.evidence, T.article_minhash, T.claim_sources):
            assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
    # the store stays usable, and near-duplicate linking still sees what is committed
    assert store.add_articles([good]) == 1
    original = make_article(LIBYA_LONG)
    repost = make_article(LIBYA_LONG.replace("Rescue groups", "Aid groups"), published="2024-03-06")
    assert store.add_articles([original], prepared={original.id: prepare(copy.deepcopy(original))}) == 1
    assert store.add_articles([repost], prepared={repost.id: prepare(copy.deepcopy(repost))}) == 1
    assert store.get_article(repost.id).duplicate_of == original.id


def test_full_text_search_sees_bulk_written_articles(store):
    arts = [make_article(LIBYA, title="Shipwreck"), make_article(GREECE, title="Border")]
    store.add_articles(arts, prepared={a.id: prepare(copy.deepcopy(a)) for a in arts})
    assert [a.id for a in store.search_articles("shipwreck")[0]] == [arts[0].id]
    assert [a.id for a in store.search_articles("smugglers")[0]] == [arts[1].id]
