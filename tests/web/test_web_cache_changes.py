"""Every change a reader can see is seen on the next read of every page kind that shows it, with
all the caches on (web/cache.py): each page and API answer read through the caching app equals
what an app with every cache off answers at that moment; a commit to bookkeeping tables only
(a token, an ingest job) keeps the kept answers, which are still equal to fresh ones."""

from __future__ import annotations

import pytest

from claimwatch.model import Article


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def fresh(web_store):
    """The same store served with every cache off: what a reader must see right now."""
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    app = create_app(web_store, settings=load_settings(page_size=2, max_request_bytes=20_000, web_cache=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _paths(store) -> list[str]:
    """One or more URLs of every anonymous page kind and read API answer the response cache keeps."""
    items, _ = store.search_articles(limit=100)
    art = next(a for a in items if a.title == "Shipwreck off Lampedusa")
    estimate = store.get_estimate(next(e.id for e in store.list_estimates() if e.event_type == "death"))
    return ["/articles", "/articles?page=2", "/articles?q=Lampedusa", "/api/articles", f"/articles/{art.id}",
            f"/api/articles/{art.id}", "/estimates", "/estimates?sort=-best", "/estimates?page=2", "/api/estimates?limit=100",
            f"/estimates/{estimate.id}", f"/api/estimates/{estimate.id}", "/claims", "/claims?sort=-best",
            "/api/claims", "/api/claims?limit=50", f"/api/claims/{art.id}:c1", f"/api/claims/{art.id}:c1/revisions",
            "/review", "/api/map/claims", "/api/map/estimates", "/api/incidents", "/api/curations"]


def _read_all(client, paths: list[str], ok_only: bool = False) -> dict[str, tuple[str, bytes]]:
    """path -> (X-Cache, status and body); an estimate's id may go away with a change (404)."""
    out = {}
    for path in paths:
        r = client.get(path)
        assert r.status_code == 200 or not ok_only, path
        out[path] = (r.headers.get("x-cache", ""), b"%d " % r.status_code + r.content)
    return out


def _warm(client, paths: list[str]) -> dict[str, bytes]:
    """Read every path twice: the second read is answered from memory (so the check after a
    change really tests invalidation, not a cache that keeps nothing)."""
    _read_all(client, paths, ok_only=True)
    again = _read_all(client, paths, ok_only=True)
    kept = [p for p, (cache, _) in again.items() if cache != "hit"]
    assert not kept or kept == [p for p in kept if p.endswith("/revisions")], f"not kept: {kept}"
    return {p: body for p, (_, body) in again.items()}


def _assert_same_as_fresh(client, fresh, paths: list[str]) -> dict[str, bytes]:
    cached, uncached = _read_all(client, paths), _read_all(fresh, paths)
    stale = [p for p in paths if cached[p][1] != uncached[p][1]]
    assert not stale, f"stale answers after the change: {stale}"
    return {p: body for p, (_, body) in cached.items()}


def _changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {p for p in before if before[p] != after[p]}


def _lampedusa(store) -> Article:
    items, _ = store.search_articles(limit=100)
    return next(a for a in items if a.title == "Shipwreck off Lampedusa")


def test_a_review_is_seen_on_every_page_that_shows_it(client, fresh, web_store, token):
    paths = _paths(web_store)
    before = _warm(client, paths)
    art = _lampedusa(web_store)
    r = client.post(f"/api/claims/{art.id}:c1/review", headers=_auth(token), json={"action": "reject"})
    assert r.status_code == 200
    after = _assert_same_as_fresh(client, fresh, paths)
    assert {f"/articles/{art.id}", f"/api/articles/{art.id}", "/estimates", "/api/estimates?limit=100", "/claims",
            "/api/claims", f"/api/claims/{art.id}:c1", "/review"} <= _changed(before, after)


def test_a_correction_is_seen_on_every_page_that_shows_it(client, fresh, web_store, token):
    paths = _paths(web_store)
    before = _warm(client, paths)
    art = _lampedusa(web_store)
    r = client.post(f"/api/claims/{art.id}:c1/review", headers=_auth(token), json={
        "action": "correct", "changes": {"quantity": {"low": 52, "best": 52, "high": 52, "qualifier": "exact"}}})
    assert r.status_code == 200
    after = _assert_same_as_fresh(client, fresh, paths)
    assert {f"/articles/{art.id}", f"/api/articles/{art.id}", "/api/estimates?limit=100", "/api/claims?limit=50",
            f"/api/claims/{art.id}:c1", "/api/map/claims"} <= _changed(before, after)


def test_a_new_article_stored_by_another_connection_is_seen(client, fresh, web_store):
    """As an ingest worker process does: its own connection stores the article, then its estimates."""
    from claimwatch.store import Store
    from fixtures_web import make_claim, reconcile_now

    paths = _paths(web_store)
    before = _warm(client, paths)
    text = "At least 75 people died near Lampedusa on 3 March 2025, the Red Cross said."
    new = Article(text=text, title="Red Cross: 75 dead", outlet="Relief Post", published="2025-03-07")
    new.claims = [make_claim(text, "c1", text, qty="At least 75", low=75, best=75, qualifier="at_least",
                             unit="people", event_type="death", source="the Red Cross", source_type="ngo",
                             cue="said", when="3 March 2025", start="2025-03-03", place="Lampedusa", lat=35.5,
                             lon=12.6, country="IT", feature="island")]
    for c in new.claims:
        c.article_id = new.id
    worker = Store(web_store.url)
    try:
        assert worker.add_article(new)
        lampedusa = f"/articles/{_lampedusa(web_store).id}"
        assert client.get(lampedusa).headers["x-cache"] == "hit"  # another article: this page's version holds
        after_article = _assert_same_as_fresh(client, fresh, paths)
        assert {"/articles", "/api/articles", "/articles?q=Lampedusa", "/claims", "/api/claims"} <= _changed(
            before, after_article)
        reconcile_now(worker, [new.id])
    finally:
        worker.close()
    after = _assert_same_as_fresh(client, fresh, paths)
    assert {"/estimates", "/api/estimates?limit=100", "/api/map/estimates"} <= _changed(after_article, after)


def test_a_curation_is_seen_on_every_page_that_shows_it(client, fresh, web_store, token):
    paths = _paths(web_store)
    before = _warm(client, paths)
    estimate_id = next(e.id for e in web_store.list_estimates() if e.event_type == "death")
    r = client.post(f"/api/estimates/{estimate_id}/override", headers=_auth(token),
                    json={"low": 41, "best": 44, "high": 48, "why": "a reviewer's count"})
    assert r.status_code == 200, r.text
    after = _assert_same_as_fresh(client, fresh, paths)
    assert {"/api/estimates?limit=100", f"/api/estimates/{estimate_id}", f"/estimates/{estimate_id}",
            "/api/curations"} <= _changed(before, after)


def test_bookkeeping_commits_keep_every_answer(client, fresh, web_store):
    """A new token or an ingest job's status changes nothing a page shows: every kept answer is
    served again, and it is what a fresh read gives."""
    from claimwatch.store import Store

    paths = [p for p in _paths(web_store) if not p.endswith("/revisions")]
    _warm(client, paths)
    other = Store(web_store.url)
    try:
        other.create_token("someone")
        other.create_job("job1", "someone", "a posted article")
        other.update_job("job1", status="running")
    finally:
        other.close()
    cached = _read_all(client, paths)
    assert [p for p, (cache, _) in cached.items() if cache != "hit"] == []
    _assert_same_as_fresh(client, fresh, paths)


def test_a_new_article_keeps_the_article_list_until_it_is_stored_and_estimates_keep_it(client, web_store):
    """Per-table signatures: an estimate update alone keeps the article list; a stored article
    alone is a change of the article list."""
    from fixtures_web import reconcile_now

    assert client.get("/articles").headers["x-cache"] == "miss"
    assert client.get("/articles").headers["x-cache"] == "hit"
    reconcile_now(web_store)  # writes estimates only
    assert client.get("/articles").headers["x-cache"] == "hit"
    assert client.get("/estimates").headers["x-cache"] == "miss"


def test_every_table_has_a_change_counter(web_store):
    """A table without a counter would never invalidate what shows it."""
    from sqlalchemy import text

    from claimwatch.store.tables import VERSIONED_TABLES, metadata

    with web_store.engine.connect() as conn:
        counted = {r[0] for r in conn.execute(text("SELECT name FROM table_versions"))}
        triggers = {r[0] for r in conn.execute(text("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                                                    "AND name LIKE 'tv_%'"))}
    assert set(VERSIONED_TABLES) == set(metadata.tables) - {"table_versions"}
    assert counted == set(VERSIONED_TABLES) == triggers


def test_api_claims_pages_made_from_memory_equal_the_stores_and_follow_a_review(client, fresh, web_store, token,
                                                                                  monkeypatch):
    """/api/claims is answered on the event loop from what is kept (no store read) once the
    list's order and the claims' JSON are kept; a review makes it read the store again."""
    from claimwatch.web import api

    calls = []
    computed = api._claims_answer
    monkeypatch.setattr(api, "_claims_answer", lambda *a: calls.append(1) or computed(*a))

    def pages(tag: str) -> list[str]:  # a new query string each round: not in the response cache
        return [f"/api/claims?limit=2&offset={o}&round={tag}" for o in range(0, 8, 2)] + \
               [f"/api/claims?limit=3&facets=true&round={tag}", f"/api/claims?limit=2&sort=-best&round={tag}"]

    _read_all(client, pages("1"), ok_only=True)
    assert len(calls) == len(pages("1"))  # first reads: from the store
    calls.clear()
    mine = _read_all(client, pages("2"), ok_only=True)
    assert calls == []  # every page from memory (the app with caches off reads the store: not counted)
    assert mine == {p: ("miss", body) for p, (_, body) in _read_all(fresh, pages("2")).items()}
    calls.clear()
    art = _lampedusa(web_store)
    assert client.post(f"/api/claims/{art.id}:c1/review", headers=_auth(token), json={
        "action": "correct", "changes": {"quantity": {"low": 52, "best": 52, "high": 52, "qualifier": "exact"}}}
    ).status_code == 200
    after = _read_all(client, pages("3"), ok_only=True)
    assert len(calls) == len(pages("3"))  # the claims changed: read from the store again
    calls.clear()
    assert after == {p: ("miss", body) for p, (_, body) in _read_all(fresh, pages("3")).items()}
    assert any(b'"best":52' in body for _, body in after.values())
