"""Anonymous reads are served from memory only while the database is unchanged (web/cache.py)."""

from __future__ import annotations


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_anonymous_pages_are_cached_until_anything_is_committed(client, web_store, token):
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
    other.create_token("someone")
    other.close()
    assert client.get("/estimates").headers["x-cache"] == "miss"


def test_logged_in_errors_and_health_are_never_cached(client, token):
    for _ in range(2):
        assert client.get("/articles", headers=_auth(token)).headers.get("x-cache") is None
        assert client.get("/api/health").headers.get("x-cache") is None
        assert client.get("/api/articles/ffffffffffffffff").headers["x-cache"] == "miss"
        assert client.get("/estimates.csv").headers.get("x-cache") is None
