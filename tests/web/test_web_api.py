"""In-process API tests (FastAPI TestClient): every endpoint, the error shape, auth, limits."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimwatch.ingest.document import Document
from claimwatch.model import Article
from fixtures_web import make_claim


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(resp, status: int, code: str) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def _uid(web_store, title: str, cid: str = "c1") -> str:
    items, _ = web_store.search_articles(limit=100)
    art = next(a for a in items if a.title == title)
    return f"{art.id}:{cid}"


# -- reads -----------------------------------------------------------------------------------
def test_articles_list_pagination_and_filters(client):
    r = client.get("/api/articles")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 5 and body["limit"] == 2 and len(body["items"]) == 2
    assert "text" not in body["items"][0]
    page3 = client.get("/api/articles", params={"offset": 4}).json()
    assert len(page3["items"]) == 1
    titles = {a["title"] for a in client.get("/api/articles", params={"limit": 50}).json()["items"]}
    assert "Shipwreck off Lampedusa" in titles
    r = client.get("/api/articles", params={"outlet": "World Wire"}).json()
    assert [a["title"] for a in r["items"]] == ["UN agency: dozens dead in Mediterranean"]
    r = client.get("/api/articles", params={"event_type": "detention", "limit": 50}).json()
    assert {a["title"] for a in r["items"]} == {"17 men detained at the Tisza", build_xss_title()}
    r = client.get("/api/articles", params={"source_type": "witness"}).json()
    assert [a["outlet"] for a in r["items"]] == ["Island Voice"]
    r = client.get("/api/articles", params={"since": "2025-03-05", "limit": 50}).json()
    assert {a["outlet"] for a in r["items"]} == {"World Wire", "Island Voice"}
    r = client.get("/api/articles", params={"q": "fisherman"}).json()
    assert r["total"] == 1 and r["items"][0]["outlet"] == "Island Voice"


def build_xss_title():
    from fixtures_web import XSS_TITLE

    return XSS_TITLE


def test_article_detail_has_text_and_claims_with_exact_spans(client, web_store):
    uid = _uid(web_store, "Shipwreck off Lampedusa")
    aid = uid.split(":")[0]
    body = client.get(f"/api/articles/{aid}").json()
    text = body["article"]["text"]
    assert len(body["claims"]) == 3
    for c in body["claims"]:
        assert c["uid"] == f"{aid}:{c['id']}"
        s, e = c["span"]
        assert text[s:e] == c["text"]
        if c.get("quantity"):
            qs, qe = c["quantity"]["span"]
            assert text[qs:qe] == c["quantity"]["text"]


def test_unknown_article_and_claim_are_404_in_the_error_shape(client):
    err = assert_error(client.get("/api/articles/0000000000000000"), 404, "E302")
    assert "0000000000000000" in err["message"] or err["detail"]
    assert_error(client.get("/api/claims/nope:c1"), 404, "E302")
    assert_error(client.get("/api/estimates/nope"), 404, "E302")
    assert_error(client.get("/api/no/such/route"), 404, "E302")


def test_bad_query_values_are_the_error_shape(client):
    err = assert_error(client.get("/api/articles", params={"limit": "many"}), 422, "E303")
    assert err["detail"]["errors"][0]["field"].endswith("limit")
    assert_error(client.get("/api/articles", params={"offset": -1}), 422, "E303")
    assert_error(client.delete("/api/articles"), 405, "E504")
    assert_error(client.get("/api/export/xlsx"), 400, "E504")


def test_claims_query_get_and_revisions(client, web_store):
    body = client.get("/api/claims", params={"event_type": "death", "limit": 50}).json()
    assert len(body["items"]) == 3
    assert {c["source"]["type"] for c in body["items"]} == {"law_enforcement", "ngo", "witness"}
    uid = _uid(web_store, "UN agency: dozens dead in Mediterranean")
    c = client.get(f"/api/claims/{uid}").json()
    assert c["uid"] == uid and c["quantity"]["best"] == 60
    revs = client.get(f"/api/claims/{uid}/revisions").json()
    assert revs["uid"] == uid
    assert not [r for r in revs["revisions"] if r["action"] in ("accept", "correct", "reject")]
    unreviewed = client.get("/api/claims", params={"reviewed": "false", "limit": 100}).json()["items"]
    assert uid in {x["uid"] for x in unreviewed}


def test_estimates_list_filter_and_detail(client):
    items = client.get("/api/estimates", params={"limit": 50}).json()["items"]
    assert items, "the fixture store has estimates"
    conflicting = client.get("/api/estimates", params={"status": "conflicting"}).json()["items"]
    assert conflicting and all(e["status"] == "conflicting" for e in conflicting)
    death = [e for e in items if e["event_type"] == "death"]
    assert len(death) == 1 and len(death[0]["claims"]) == 3
    detail = client.get(f"/api/estimates/{death[0]['id']}").json()
    assert detail["id"] == death[0]["id"] and detail["best"] == death[0]["best"]


def test_map_layers_are_geojson(client):
    fc = client.get("/api/map/claims").json()
    assert fc["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" for f in fc["features"])
    lamp = [f for f in fc["features"] if f["properties"]["place"] == "Lampedusa"]
    assert lamp and lamp[0]["geometry"]["coordinates"] == [12.6, 35.5]
    only = client.get("/api/map/claims", params={"event_type": "detention"}).json()["features"]
    assert only and {f["properties"]["event_type"] for f in only} == {"detention"}
    dated = client.get("/api/map/claims", params={"since": "2025-03-01", "until": "2025-03-31"}).json()["features"]
    assert dated and all(f["properties"]["place"] == "Lampedusa" for f in dated)
    est = client.get("/api/map/estimates").json()["features"]
    assert any(f["properties"]["event_type"] == "death" for f in est)
    assert not client.get("/api/map/estimates", params={"until": "2024-12-31"}).json()["features"]


def test_openapi_documents_every_api_route(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/claims", "/api/claims/{uid}",
                 "/api/claims/{uid}/revisions", "/api/claims/{uid}/review", "/api/estimates",
                 "/api/estimates/{estimate_id}", "/api/map/claims", "/api/map/estimates", "/api/export/{fmt}"):
        assert path in paths, path
    assert "post" in paths["/api/articles"] and "post" in paths["/api/claims/{uid}/review"]
    assert "401" in paths["/api/claims/{uid}/review"]["post"]["responses"]
    assert not any(p.startswith("/articles") for p in paths)  # pages are not API


def test_health(client):
    body = client.get("/api/health").json()
    assert body["ok"] is True and body["stats"]["articles"] == 5


# -- security headers -------------------------------------------------------------------------
def test_every_response_has_a_strict_csp(client):
    for path in ("/articles", "/api/articles", "/api/nope", "/static/app.js"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert client.get("/articles").headers["x-content-type-options"] == "nosniff"


# -- auth -------------------------------------------------------------------------------------
def test_review_needs_a_token(client, web_store):
    uid = _uid(web_store, "UN agency: dozens dead in Mediterranean")
    assert_error(client.post(f"/api/claims/{uid}/review", json={"action": "accept"}), 401, "E501")
    assert_error(client.post(f"/api/claims/{uid}/review", json={"action": "accept"},
                             headers=_auth("cw_wrong")), 403, "E502")
    assert web_store.get_claim(uid).review is None


def test_read_endpoints_need_a_token_when_public_read_is_off(web_store, token):
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    app = create_app(web_store, settings=load_settings(public_read=False))
    with TestClient(app) as c:
        assert_error(c.get("/api/articles"), 401, "E501")
        assert_error(c.get("/api/export/csv"), 401, "E501")
        assert c.get("/articles").status_code == 401
        assert c.get("/api/articles", headers=_auth(token)).status_code == 200
        assert c.get("/api/articles", headers={"X-Claimwatch-Token": token}).status_code == 200
        assert c.get("/api/health").json() == {"ok": True, "stats": None}
        assert c.get("/api/health", headers=_auth(token)).json()["stats"]["articles"] == 5


def test_login_cookie_authorises_writes(client, web_store, token):
    own = {"Origin": "http://testserver"}
    r = client.post("/login", data={"token": "cw_bad", "name": "x"}, headers=own, follow_redirects=False)
    assert r.status_code == 403
    r = client.post("/login", data={"token": token, "name": "Ana Coder"}, headers=own, follow_redirects=False)
    assert r.status_code == 303 and "httponly" in r.headers["set-cookie"].lower()
    assert "samesite=strict" in r.headers["set-cookie"].lower()
    uid = _uid(web_store, "Fisherman recalls wreck")
    r = client.post(f"/api/claims/{uid}/review", json={"action": "accept"}, headers=own)
    assert r.status_code == 200, r.text
    assert r.json()["who"] == "Ana Coder"
    assert web_store.revisions(uid)[-1]["who"] == "Ana Coder"


# -- review -----------------------------------------------------------------------------------
def test_correct_a_number_updates_claim_log_and_estimate(client, web_store, token):
    uid = _uid(web_store, "Shipwreck off Lampedusa")
    def with_claim():  # the estimate the corrected claim belongs to
        return next(e for e in web_store.list_estimates() if any(f"{c.article_id}:{c.claim_id}" == uid for c in e.claims))

    death = with_claim()
    before = (death.low, death.best, death.high)
    r = client.post(f"/api/claims/{uid}/review", headers=_auth(token), json={
        "action": "correct", "who": "Ana",
        "changes": {"quantity": {"low": 52, "best": 52, "high": 52, "qualifier": "exact"}}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["claim"]["review"] == "corrected" and body["claim"]["quantity"]["best"] == 52
    assert body["who"] == "Ana"
    assert body["estimates"]["error"] is None and body["estimates"]["updated"]
    # reviewed values win: claim, article, export and estimates all show 52
    assert client.get(f"/api/claims/{uid}").json()["quantity"]["best"] == 52
    revs = client.get(f"/api/claims/{uid}/revisions").json()["revisions"]
    assert revs[-1]["who"] == "Ana" and revs[-1]["action"] == "correct" and revs[-1]["when"]
    assert revs[-1]["before"]["quantity"]["best"] == 40 and revs[-1]["after"]["quantity"]["best"] == 52
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/csv").text)))
    assert next(r for r in rows if r["uid"] == uid)["best"] in ("52", "52.0")
    death_after = with_claim()
    assert any(c.best == 52 for c in death_after.claims)
    assert (death_after.low, death_after.best, death_after.high) != before


@pytest.mark.parametrize("changes, fragment", [
    ({"quantity": {"best": "lots"}}, "not a number"),
    ({"quantity": {"best": -3}}, "out of range"),
    ({"quantity": {"low": 90, "best": 50}}, "above best"),
    ({"event_type": "picnic"}, "event_type"),
    ({"source": {"type": "oracle"}}, "source.type"),
    ({"id": "c9"}, "not an editable field"),
    ({"time": {"start": "yesterday"}}, "ISO date"),
])
def test_invalid_corrections_are_refused_and_nothing_changes(client, web_store, token, changes, fragment):
    uid = _uid(web_store, "Shipwreck off Lampedusa")
    r = client.post(f"/api/claims/{uid}/review", headers=_auth(token), json={"action": "correct", "changes": changes})
    err = assert_error(r, 422, "E303")
    assert fragment in err["message"]
    assert web_store.get_claim(uid).review is None
    assert web_store.get_claim(uid).quantity.best == 40


def test_correct_without_changes_and_unknown_action(client, web_store, token):
    uid = _uid(web_store, "Shipwreck off Lampedusa")
    assert_error(client.post(f"/api/claims/{uid}/review", headers=_auth(token), json={"action": "correct"}), 422, "E303")
    assert_error(client.post(f"/api/claims/{uid}/review", headers=_auth(token), json={"action": "approve"}), 422, "E303")
    assert_error(client.post("/api/claims/zzz:c1/review", headers=_auth(token), json={"action": "accept"}), 404, "E302")


def test_reject_removes_claim_from_exports_and_queue(client, web_store, token):
    uid = _uid(web_store, "Fisherman recalls wreck")
    r = client.post(f"/api/claims/{uid}/review", headers=_auth(token), json={"action": "reject"})
    assert r.status_code == 200 and r.json()["claim"]["review"] == "rejected"
    assert uid not in {x["uid"] for x in json.loads(client.get("/api/export/json").text)}
    assert uid not in {x["uid"] for x in client.get("/api/claims", params={"reviewed": "false", "limit": 100}).json()["items"]}
    death = next(e for e in web_store.list_estimates() if e.event_type == "death")
    assert uid.split(":")[0] not in {c.article_id for c in death.claims}


# -- ingest via API ---------------------------------------------------------------------------
def _fake_extractor(doc: Document) -> Article:
    """Stands in for the NLP pipeline in these plumbing tests: one count claim on the first number."""
    art = Article(text=doc.text, title=doc.title, url=doc.url, published=doc.published, outlet=doc.outlet)
    sentence = doc.text.split("\n")[0]
    word = next(w for w in sentence.split() if w.isdigit())
    art.claims = [make_claim(doc.text, "c1", sentence, qty=word, low=int(word), best=int(word), high=int(word),
                             unit="people", event_type="detention")]
    for c in art.claims:
        c.article_id = art.id
    return art


@pytest.fixture
def ingest_client(web_store):
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    app = create_app(web_store, settings=load_settings(max_request_bytes=5_000), extractor=_fake_extractor)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_ingest_via_api(ingest_client, web_store, token):
    doc = {"text": "Police detained 31 people at the Chop checkpoint on Monday, officials said.",
           "title": "Checkpoint arrests", "outlet": "Test Wire", "published": "2025-04-01"}
    assert_error(ingest_client.post("/api/articles", json=doc), 401, "E501")
    r = ingest_client.post("/api/articles?wait=60", json=doc, headers=_auth(token))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["created"] is True and body["claims"] == 1 and body["estimates"]["error"] is None
    assert web_store.get_article(body["article_id"]).title == "Checkpoint arrests"
    again = ingest_client.post("/api/articles?wait=60", json=doc, headers=_auth(token))
    assert again.status_code == 200 and again.json()["created"] is False
    raw = ingest_client.post("/api/articles?title=Raw&outlet=Plain&wait=60", headers=_auth(token) | {"content-type": "text/plain"},
                             content=("Guards stopped 8 people near the river crossing before dawn on Sunday. They said that "
                                      "the men had been walking for two days and that they were taken to "
                                      "the nearest station, where they were questioned by the police.").encode())
    assert raw.status_code == 201, raw.text
    assert web_store.get_article(raw.json()["article_id"]).outlet == "Plain"


def test_ingest_refuses_bad_input_and_oversized_bodies(ingest_client, token):
    assert_error(ingest_client.post("/api/articles", headers=_auth(token) | {"content-type": "application/pdf"},
                                    content=b"%PDF-1.4"), 400, "E107")
    big = {"text": "x " * 10_000}
    assert_error(ingest_client.post("/api/articles", json=big, headers=_auth(token)), 413, "E503")
    err = assert_error(ingest_client.post("/api/articles", json={"title": "no text"}, headers=_auth(token)), 422, "E303")
    assert "text" in err["message"]


def test_request_size_limit_applies_to_every_endpoint(client, token):
    r = client.post("/api/claims/x:c1/review", headers=_auth(token), content=b"{" + b" " * 30_000 + b"}")
    assert_error(r, 413, "E503")


def test_export_endpoints_return_the_right_media_types(client):
    for fmt, media in (("csv", "text/csv"), ("json", "application/json"), ("geojson", "application/geo+json"),
                       ("parquet", "application/vnd.apache.parquet"), ("acled", "text/csv"), ("ucdp", "text/csv"),
                       ("claimreview", "application/ld+json")):
        r = client.get(f"/api/export/{fmt}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(media), fmt
        assert "attachment" in r.headers["content-disposition"]
    # ACLED-shaped rows are incidents: the three reports of the Lampedusa shipwreck are one row,
    # whose fatalities are the incident's death estimate's best
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/acled", params={"event_type": "death"}).text)))
    (death,) = client.get("/api/estimates", params={"event_type": "death"}).json()["items"]
    assert len(death["claims"]) == 3
    assert len(rows) == 1 and rows[0]["fatalities"] == str(int(death["best"]))


def test_ingest_via_api_with_the_real_pipeline(web_store, token):
    """The default extractor (claimwatch.extract) and update_estimates, end to end."""
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    text = ("Ukrainian border guards detained 23 men who tried to cross the Tisza river into Romania, "
            "the State Border Service said on Monday. The men had paid smugglers up to 5,000 dollars each.")
    with TestClient(create_app(web_store, settings=load_settings())) as c:
        r = c.post("/api/articles?wait=120", headers=_auth(token),
                   json={"text": text, "title": "Tisza crossing", "outlet": "Pipeline Wire", "published": "2025-02-10"})
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["created"] and body["claims"] >= 1 and body["estimates"]["error"] is None
        art = c.get(f"/api/articles/{body['article_id']}").json()
        assert art["article"]["title"] == "Tisza crossing"
        for claim in art["claims"]:
            s, e = claim["span"]
            assert art["article"]["text"][s:e] == claim["text"]
        assert any((cl.get("quantity") or {}).get("best") == 23 for cl in art["claims"])


def test_api_reference_page_lists_every_operation(client):
    r = client.get("/docs")
    assert r.status_code == 200 and str(r.url).endswith("/api/docs")
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method in methods:
            assert f"{method.upper()} {path}" in r.text
    assert "ArticleBody" in r.text and "cdn" not in r.text.lower()
    body = spec["paths"]["/api/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "text/html"} <= set(body)


def test_review_and_export_on_every_backend(store):
    """The same flow on SQLite and PostgreSQL (the shared ``store`` fixture)."""
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app
    from fixtures_web import build_articles, reconcile_now

    arts = build_articles()
    for art in arts:
        store.add_article(art)
    reconcile_now(store, [a.id for a in arts])
    token = store.create_token("backend")
    uid = arts[0].claims[0].uid  # "At least 40 migrants drowned ...": the lowest figure of the incident
    with TestClient(create_app(store, settings=load_settings())) as c:
        assert c.get("/api/articles", params={"q": "refugee"}).json()["total"] == 1
        r = c.post(f"/api/claims/{uid}/review", headers=_auth(token),
                   json={"action": "correct", "changes": {"quantity": {"best": 38, "low": 38}}})
        assert r.status_code == 200, r.text
        assert r.json()["estimates"]["updated"]
        death = next(e for e in c.get("/api/estimates").json()["items"] if e["event_type"] == "death")
        assert 38 in {m["best"] for m in death["claims"]} and death["best"] == 38
        # UCDP-shaped rows are incidents: the corrected figure is the incident's best
        rows = list(csv.DictReader(io.StringIO(c.get("/api/export/ucdp").text)))
        assert [r["best"] for r in rows if r["relid"] == death["incident"]] == ["38"]
        assert "Extraction corrected" in c.get("/api/export/claimreview").text
