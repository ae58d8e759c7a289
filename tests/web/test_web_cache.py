"""Anonymous reads are served from memory only while what they show is unchanged (web/cache.py)."""

from __future__ import annotations


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_anonymous_pages_are_cached_until_what_they_show_is_committed(client, web_store, token):
    items, _ = web_store.search_articles(limit=100)
    art = next(a for a in items if a.title == "Shipwreck off Lampedusa")
    first = client.get(f"/articles/{art.id}")
    again = client.get(f"/articles/{art.id}")
    assert first.headers["x-cache"] == "miss" and again.headers["x-cache"] == "hit"
    assert again.text == first.text and "content-security-policy" in again.headers
    api = client.get("/api/claims", params={"limit": 50})
    assert client.get("/api/claims", params={"limit": 50}).headers["x-cache"] == "hit"
    assert client.get("/api/claims", params={"limit": 49}).headers["x-cache"] == "miss"  # another query
    # a write by anyone (here: the API) changes the database: the next read is fresh
    r = client.post(f"/api/claims/{art.id}:c1/review", headers=_auth(token), json={"action": "reject"})
    assert r.status_code == 200
    fresh = client.get(f"/articles/{art.id}")
    assert fresh.headers["x-cache"] == "miss" and "rejected" in fresh.text
    after = client.get("/api/claims", params={"limit": 50})
    assert after.headers["x-cache"] == "miss" and len(after.json()["items"]) == len(api.json()["items"]) - 1


def test_a_write_from_another_connection_is_seen(client, web_store, tmp_path):
    from claimwatch.store import Store

    assert client.get("/estimates").headers["x-cache"] == "miss"
    assert client.get("/estimates").headers["x-cache"] == "hit"
    other = Store(web_store.url)  # another process would be the same: another connection
    other.create_token("someone")  # changes nothing the page shows: still answered from memory
    assert client.get("/estimates").headers["x-cache"] == "hit"
    other.save_estimates([], full=True)  # the estimates go: the next read is fresh
    other.close()
    empty = client.get("/estimates")
    assert empty.headers["x-cache"] == "miss" and "No estimates" in empty.text


def test_logged_in_errors_and_health_are_never_cached(client, token):
    for _ in range(2):
        assert client.get("/articles", headers=_auth(token)).headers.get("x-cache") is None
        assert client.get("/api/health").headers.get("x-cache") is None
        assert client.get("/api/articles/ffffffffffffffff").headers["x-cache"] == "miss"
        assert client.get("/estimates.csv").headers.get("x-cache") is None


def test_an_article_page_is_kept_per_article_version_across_other_commits(client, web_store, token):
    """A commit elsewhere (another article reviewed) does not re-render an article's page; a
    review of one of its claims, or a change of the estimates its claims belong to, does."""
    from fixtures_web import reconcile_now

    items, _ = web_store.search_articles(limit=100)
    art = next(a for a in items if a.title == "Shipwreck off Lampedusa")
    other = next(a for a in items if a.id != art.id and web_store.get_article(a.id).claims)
    pages = client.app.state.page_cache
    version = web_store.article_version(art.id)
    first = client.get(f"/articles/{art.id}")
    assert (art.id, version) in pages.entries and pages.entries[(art.id, version)] == first.content
    other_uid = web_store.get_article(other.id).claims[0].uid
    assert client.post(f"/api/claims/{other_uid}/review", headers=_auth(token), json={"action": "accept"}).status_code == 200
    assert web_store.article_version(art.id) == version  # another article's change: same version
    again = client.get(f"/articles/{art.id}")  # the response cache checks the version: same page
    assert again.headers["x-cache"] == "hit" and again.content == first.content
    pages.entries[(art.id, version)] = first.content.replace(b"Lampedusa", b"Lampedusa (kept)")
    # another URL of the page (not in the response cache) reaches the route: served as kept, not re-rendered
    assert "Lampedusa (kept)" in client.get(f"/articles/{art.id}?from=list").text
    r = client.post(f"/api/claims/{art.id}:c1/review", headers=_auth(token), json={"action": "reject"})
    assert r.status_code == 200
    assert web_store.article_version(art.id) != version
    fresh = client.get(f"/articles/{art.id}")
    assert "Lampedusa (kept)" not in fresh.text and "rejected" in fresh.text
    # membership: the article's claims leave their estimates (the version names them)
    before = web_store.article_version(art.id)
    assert before[2], "the fixture's claims belong to estimates"
    web_store.save_estimates([], full=True)
    assert web_store.article_version(art.id) != before
    reconcile_now(web_store)
    assert web_store.article_version("ffffffffffffffff") is None


def test_logged_in_readers_get_article_pages_rendered_for_them(client, web_store, token):
    items, _ = web_store.search_articles(limit=100)
    art = items[0]
    client.get(f"/articles/{art.id}")
    pages = client.app.state.page_cache
    key = next(k for k in pages.entries if k[0] == art.id)
    pages.entries[key] = b"stale"
    from fixtures_web import reconcile_now

    reconcile_now(web_store)  # estimates written again (the same): the tables' signature moves
    assert client.get(f"/articles/{art.id}").content != b"stale"  # the response cache: the same version
    assert client.get(f"/articles/{art.id}?from=list").content == b"stale"  # the route's kept page
    mine = client.get(f"/articles/{art.id}", headers=_auth(token))
    assert mine.content != b"stale" and "Log out" in mine.text


def test_api_claims_keeps_each_claims_json_until_that_claim_changes(client, web_store, token):
    first = client.get("/api/claims", params={"limit": 50}).json()
    kept = client.app.state.claim_json_cache
    assert len(kept.entries) == len(first["items"]) > 1
    a, b = first["items"][0], first["items"][1]
    # mark a kept entry: served as kept while its claim is unchanged (a commit elsewhere in between)
    key_b = next(k for k in kept.entries if k[0] == b["uid"])
    kept.entries[key_b] = kept.entries[key_b].replace(b'"uid":', b'"kept":true,"uid":')
    r = client.post(f"/api/claims/{a['uid']}/review", headers=_auth(token), json={"action": "accept"})
    assert r.status_code == 200
    again = client.get("/api/claims", params={"limit": 50}).json()
    by_uid = {c["uid"]: c for c in again["items"]}
    assert by_uid[b["uid"]].get("kept") is True
    assert by_uid[a["uid"]]["review"] == "accepted" and "kept" not in by_uid[a["uid"]]
    assert again["total"] == first["total"] and [c["uid"] for c in again["items"]] == [c["uid"] for c in first["items"]]


def test_an_estimate_list_page_is_kept_while_what_it_shows_is_unchanged(client, web_store, token):
    from fixtures_web import reconcile_now

    first = client.get("/estimates")
    kept = client.app.state.list_page_cache
    (key,) = [k for k in kept.entries if k[0] == "/estimates"]
    kept.entries[key] = first.content.replace(b"Estimates <small>", b"Estimates (kept) <small>")
    reconcile_now(web_store)  # estimates written again, the same: the list's content is unchanged
    assert "Estimates (kept)" in client.get("/estimates").text
    web_store.save_estimates([], full=True)  # the estimates change: the page is rendered again
    empty = client.get("/estimates")
    assert "Estimates (kept)" not in empty.text and "No estimates" in empty.text
    reconcile_now(web_store)  # the same estimates again: the same content, so the kept page is right again
    assert "Estimates (kept)" in client.get("/estimates").text
    mine = client.get("/estimates", headers=_auth(token)).text  # logged in: rendered for them
    assert "Estimates (kept)" not in mine and "Log out" in mine


def test_a_value_worked_out_in_one_thread_serves_every_thread_until_a_write(web_store):
    # each thread reads the change signal through a connection of its own: the generation they
    # read must be the same, or every thread would work the value out again (and clear the others')
    from concurrent.futures import ThreadPoolExecutor

    from claimwatch.store.lists import estimate_query
    from claimwatch.web.cache import DataVersion, GenerationMemo

    memo = GenerationMemo(DataVersion.for_store(web_store))
    computed: list[int] = []

    def total() -> int:
        computed.append(web_store.estimate_count(estimate_query({}, None, 10, None)))
        return computed[-1]

    with ThreadPoolExecutor(4) as pool:
        first = set(pool.map(lambda _: memo.get(("total",), total), range(8)))
        assert len(first) == 1 and len(computed) == 1 and computed[0] > 0
        web_store.save_estimates([], full=True)  # a write every thread sees
        after = set(pool.map(lambda _: memo.get(("total",), total), range(8)))
    assert after == {0} and len(computed) == 2


def test_shutdown_closes_every_threads_change_check_connection(app, web_store):
    """The change signal's per-thread connections are closed when the app stops, also those of
    threads still alive (a server's worker threads outlive the app's lifespan)."""
    import sqlite3
    from concurrent.futures import ThreadPoolExecutor

    from fastapi.testclient import TestClient

    version = app.state.data_version
    with ThreadPoolExecutor(3) as pool:  # threads that stay alive across the shutdown
        with TestClient(app, raise_server_exceptions=False) as client:
            assert client.get("/estimates").status_code == 200
            list(pool.map(lambda _: version(), range(6)))
            readers = list(version._readers)
            assert version.open_connections() >= 2
        assert version.open_connections() == 0
        for reader in readers:  # really closed, not only forgotten
            try:
                reader.conn.execute("PRAGMA data_version")
            except sqlite3.ProgrammingError:
                continue
            raise AssertionError("a change-check connection is still open after shutdown")
        # a thread that asks again after a shutdown gets a fresh connection that works
        assert all(isinstance(v, int) for v in pool.map(lambda _: version(), range(3)))
    web_store.save_estimates([], full=True)
    version.close()
    assert version.open_connections() == 0
