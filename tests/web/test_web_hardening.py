"""Hardening of the web app (issue 13): each test here names a way the app used to break.

Non-finite and out-of-range numbers, a response that fails after the change was stored, formula
injection in exports, oversized articles, out-of-range parameters, LIKE wildcards, internal error
text, the login cookie over TLS, cross-site form posts, and extraction that held the server."""

from __future__ import annotations

import csv
import io
import json
import threading
import time

import pytest

from claimwatch.errors import StoreError, ValidationError
from claimwatch.model import Article
from claimwatch.store.lists import MAX_TEXT
from fixtures_web import make_claim

#: the first characters that make a spreadsheet run a cell (OWASP CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _uid(store, title: str, cid: str = "c1") -> str:
    items, _ = store.search_articles(limit=100)
    return f"{next(a for a in items if a.title == title).id}:{cid}"


def _error(resp, status: int, code: str) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    return body["error"]


# -- non-finite and out-of-range numbers --------------------------------------------------------
@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "1e20", "-5"])
def test_non_finite_or_out_of_range_numbers_are_refused_and_nothing_is_saved(client, web_store, token, number):
    uid = _uid(web_store, "Shipwreck off Lampedusa")
    revisions = len(web_store.revisions(uid))
    raw = '{"action": "correct", "changes": {"quantity": {"best": %s, "high": %s}}}' % (number, number)
    r = client.post(f"/api/claims/{uid}/review", headers=_auth(token) | {"content-type": "application/json"},
                    content=raw.encode())
    _error(r, 422, "E303")
    claim = web_store.get_claim(uid)
    assert claim.review is None and claim.quantity.best == 40
    assert len(web_store.revisions(uid)) == revisions
    # and everyone else's pages still work
    aid = uid.split(":")[0]
    for path in ("/api/estimates", f"/api/articles/{aid}", "/api/map/claims", "/api/export/json", f"/articles/{aid}"):
        assert client.get(path).status_code == 200, path


def test_the_store_refuses_non_finite_numbers_itself(web_store, tmp_path):
    uid = _uid(web_store, "Shipwreck off Lampedusa")
    for bad in (float("nan"), float("inf"), 1e20, -1):
        with pytest.raises(ValidationError):
            web_store.review_claim(uid, "correct", {"quantity": {"best": bad, "high": None}}, who="ana")
    assert web_store.get_claim(uid).review is None and len(web_store.revisions(uid)) == 1
    with pytest.raises(ValidationError):
        web_store.review_claim(uid, "correct", {"places": [{"text": "Lampedusa", "span": None, "lat": 95, "lon": 0}]},
                               who="ana")
    text = "Officials said 12 people crossed."
    art = Article(text=text, title="inf")
    art.claims = [make_claim(text, "c1", text, qty="12", low=12, best=float("inf"), high=float("inf"))]
    with pytest.raises(ValidationError):
        web_store.add_article(art)
    assert not web_store.has_articles([art.id])


def test_a_response_that_cannot_be_built_leaves_the_store_unchanged(client, web_store, token, monkeypatch):
    import claimwatch.web.api as api
    import claimwatch.web.api_review as api_review

    def broken(claim):
        raise RuntimeError("cannot render")

    monkeypatch.setattr(api, "claim_json", broken)
    monkeypatch.setattr(api_review, "claim_json", broken, raising=False)
    uid = _uid(web_store, "Shipwreck off Lampedusa")
    r = client.post(f"/api/claims/{uid}/review", headers=_auth(token),
                    json={"action": "correct", "changes": {"quantity": {"best": 45, "high": 45}}})
    assert r.status_code == 500
    assert web_store.get_claim(uid).quantity.best == 40 and web_store.get_claim(uid).review is None
    assert len(web_store.revisions(uid)) == 1


# -- exports ---------------------------------------------------------------------------------
def test_safe_cell_prefixes_formula_starts_only_on_text():
    from claimwatch.export.cells import FORMULA_STARTS as starts
    from claimwatch.export.cells import safe_cell

    assert starts == FORMULA_STARTS
    for start in FORMULA_STARTS:
        assert safe_cell(start + "SUM(A1:A9)") == "'" + start + "SUM(A1:A9)"
    assert safe_cell("Lampedusa") == "Lampedusa" and safe_cell(-5) == -5 and safe_cell(None) is None


def test_the_safe_writer_quotes_formulas_written_many_rows_at_once():
    # csv.DictWriter.writerows bypasses writerow
    import io

    from claimwatch.export.cells import SafeDictWriter

    buf = io.StringIO()
    writer = SafeDictWriter(buf, fieldnames=["text", "n"], lineterminator="\n")
    writer.writerows([{"text": "=1+2", "n": -3}, {"text": "@SUM(A1)", "n": 4}])
    assert buf.getvalue().splitlines() == ["'=1+2,-3", "'@SUM(A1),4"]


def test_export_cells_never_start_a_formula(client, web_store):
    text = ("=HYPERLINK(\"http://evil.example\") Police said that 14 people were detained at the border on 2 May 2025. "
            "@SUM(1+1) was written on the wall.")
    art = Article(text=text, title="+cmd|' /C calc'!A0", outlet="-2+3", published="2025-05-03", url="@evil")
    sentence = "=HYPERLINK(\"http://evil.example\") Police said that 14 people were detained at the border on 2 May 2025."
    art.claims = [make_claim(text, "c1", sentence, qty="14", low=14, best=14, high=14, unit="people",
                             event_type="detention", source="Police", source_type="law_enforcement", cue="said",
                             place="border", lat=48.1, lon=23.2, country="UA")]
    art.claims[0].article_id = art.id
    assert web_store.add_article(art)
    for fmt in ("csv", "acled", "ucdp"):
        body = client.get(f"/api/export/{fmt}").text
        rows = list(csv.reader(io.StringIO(body)))
        cells = [cell for row in rows[1:] for cell in row]
        assert cells, fmt
        bad = [cell for cell in cells if cell.startswith(FORMULA_STARTS) and not _is_number(cell)]
        assert not bad, (fmt, bad[:5])
    flat = list(csv.DictReader(io.StringIO(client.get("/api/export/csv").text)))
    row = next(r for r in flat if r["uid"] == f"{art.id}:c1")
    assert row["outlet"] == "'-2+3" and row["text"].startswith("'=HYPERLINK")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


# -- sizes and parameters --------------------------------------------------------------------
def test_an_article_too_long_to_extract_is_413_not_500(web_store, token):
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    text = ("Officials said that 12 people crossed the river on Monday night. " * 20_000)[:1_200_000]
    with TestClient(create_app(web_store, settings=load_settings()), raise_server_exceptions=False) as c:
        r = c.post("/api/articles", headers=_auth(token), json={"text": text, "title": "huge"})
    _error(r, 413, "E105")  # the input size limit (settings.max_input_chars), refused before a job exists


@pytest.mark.parametrize("path, params", [
    ("/api/articles", {"offset": str(10 ** 20)}),
    ("/api/claims", {"offset": str(10 ** 20)}),
    ("/api/claims", {"limit": "100000"}),
    ("/api/claims", {"place": "x" * 60_000}),
    ("/api/claims", {"article_id": "a" * 65}),
    ("/api/claims", {"facets": "maybe"}),
    ("/api/claims", {"facets": ""}),
    ("/api/estimates", {"offset": "-1"}),
    ("/api/estimates", {"since": "yesterday"}),
    ("/api/claims", {"until": "2025-13-45"}),
    ("/api/claims", {"event_type": "picnic"}),
    ("/api/map/claims", {"since": "last week"}),
    ("/api/export/csv", {"since": "yesterday"}),
    ("/api/articles", {"since": "yesterday"}),
    ("/api/incidents", {"since": "yesterday"}),
    ("/api/incidents", {"until": "2025-13-45"}),
    ("/api/incidents", {"event_type": "picnic"}),
    ("/api/incidents", {"country": "Ukraine"}),
    ("/api/incidents", {"since": "2025-06-01", "until": "2025-01-01"}),
])
def test_out_of_range_or_malformed_parameters_are_422(client, path, params):
    err = _error(client.get(path, params=params), 422, "E303")
    assert len(err["message"]) < 1000  # the message names the problem; it does not echo 60 KB


@pytest.mark.parametrize("params", [
    {"facets": "maybe"},
    {"place": "x" * (MAX_TEXT + 1), "facets": "2"},
    {"place": "x" * (MAX_TEXT + 1), "outlet": "y" * (MAX_TEXT + 1), "facets": ""},
])
def test_claims_read_their_parameters_with_the_422_fastapi_gives_the_estimates(client, params):
    # /api/claims reads its query itself (web/params.py); /api/estimates declares the same
    # parameters to FastAPI: every bad one is listed, in the same shape
    claims = _error(client.get("/api/claims", params=params), 422, "E303")
    estimates = _error(client.get("/api/estimates", params=params), 422, "E303")
    assert claims == estimates
    assert [e["field"] for e in claims["detail"]["errors"]] == [f"query.{name}" for name in params]


def test_a_bad_filter_on_a_page_is_422_with_the_message_shown(client):
    r = client.get("/estimates", params={"since": "yesterday"})
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert "since" in r.text and "yesterday" in r.text and "not a date" in r.text
    assert client.get("/articles", params={"page": str(10 ** 9)}).status_code == 422
    assert client.get("/claims", params={"country": "Ukraine"}).status_code == 422


def test_like_wildcards_in_the_place_filter_match_themselves(client):
    everything = client.get("/api/claims", params={"limit": 100}).json()["items"]
    located = [c for c in everything if c["places"]]
    assert located
    for pattern in ("%", "_", "Lampedus_", "%dusa"):
        got = client.get("/api/claims", params={"place": pattern, "limit": 100}).json()["items"]
        assert got == [], pattern
    assert client.get("/api/claims", params={"place": "ampedus", "limit": 100}).json()["items"]
    assert client.get("/api/estimates", params={"place": "%"}).json()["items"] == []


@pytest.mark.parametrize("path, params", [
    ("/api/claims", {"place": "\x00"}),
    ("/api/claims", {"outlet": "Reu\x00ters"}),
    ("/api/estimates", {"place": "\x00"}),
    ("/api/articles", {"q": "\x00"}),
    ("/claims", {"place": "\x00"}),
    ("/estimates.csv", {"place": "\x1b[2J"}),
])
def test_a_control_character_in_a_text_filter_is_refused(client, path, params):
    # SQLite's LIKE ends its pattern at a NUL: place=\x00 answered every located claim
    r = client.get(path, params=params)
    assert r.status_code == 422, (r.status_code, r.text[:200])
    if path.startswith("/api/"):
        assert r.json()["error"]["code"] == "E303" and "control character" in r.json()["error"]["message"]


# -- no internal text in responses -----------------------------------------------------------
def test_database_errors_do_not_leak_their_text(client, web_store, monkeypatch):
    def fail(*a, **k):
        raise StoreError("sqlite:///secret/path.db", detail="OperationalError: no such table: secret_table")

    monkeypatch.setattr(web_store, "search_articles", fail)
    for path in ("/api/articles", "/articles"):
        r = client.get(path)
        assert r.status_code == 500
        assert "secret" not in r.text and "OperationalError" not in r.text


def test_a_failed_estimate_update_is_reported_without_internals(web_store, token):
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    def explode(store, ids):
        raise RuntimeError("secret internals at 0xdeadbeef")

    uid = _uid(web_store, "Shipwreck off Lampedusa")
    with TestClient(create_app(web_store, settings=load_settings(), update_estimates=explode)) as c:
        r = c.post(f"/api/claims/{uid}/review", headers=_auth(token), json={"action": "accept"})
    assert r.status_code == 200
    assert r.json()["estimates"]["error"] and "secret" not in r.text and "RuntimeError" not in r.text


# -- cookies and origins ---------------------------------------------------------------------
def test_login_cookie_is_secure_over_tls_only(app, token):
    from fastapi.testclient import TestClient

    with TestClient(app, base_url="https://testserver") as tls:
        r = tls.post("/login", data={"token": token, "name": "Ana"}, headers={"Origin": "https://testserver"},
                     follow_redirects=False)
        assert r.status_code == 303
        cookies = r.headers.get_list("set-cookie")
        assert cookies and all("secure" in c.lower() for c in cookies)
    with TestClient(app) as plain:
        r = plain.post("/login", data={"token": token}, headers={"Origin": "http://testserver"}, follow_redirects=False)
        assert r.status_code == 303 and "secure" not in r.headers["set-cookie"].lower()


def test_cross_site_form_posts_and_cookie_writes_are_refused(client, web_store, token):
    evil = {"Origin": "https://evil.example"}
    r = client.post("/login", data={"token": token, "name": "Mallory"}, headers=evil, follow_redirects=False)
    assert r.status_code == 403 and "set-cookie" not in r.headers
    r = client.post("/login", data={"token": token}, follow_redirects=False)  # no Origin, no Referer
    assert r.status_code == 403
    ok = client.post("/login", data={"token": token, "name": "Ana"}, headers={"Referer": "http://testserver/login"},
                     follow_redirects=False)
    assert ok.status_code == 303
    uid = _uid(web_store, "Fisherman recalls wreck")
    # the login cookie now rides along: a foreign page's fetch is refused and changes nothing
    r = client.post(f"/api/claims/{uid}/review", json={"action": "reject"}, headers=evil)
    _error(r, 403, "E502")
    assert web_store.get_claim(uid).review is None
    assert client.post("/logout", headers=evil, follow_redirects=False).status_code == 403
    r = client.post(f"/api/claims/{uid}/review", json={"action": "accept"}, headers={"Origin": "http://testserver"})
    assert r.status_code == 200 and web_store.get_claim(uid).review == "accepted"


# -- extraction off the event loop ------------------------------------------------------------
def test_posting_an_article_answers_at_once_and_reads_go_on_while_it_is_extracted(web_store, token):
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    release = threading.Event()
    started = threading.Event()

    def slow_extractor(doc):
        started.set()
        assert release.wait(60)
        text = doc.text
        art = Article(text=text, title=doc.title, published=doc.published)
        art.claims = [make_claim(text, "c1", text, qty="31", low=31, best=31, high=31, unit="people",
                                 event_type="detention")]
        for c in art.claims:
            c.article_id = art.id
        return art

    text = "Police detained 31 people at the Chop checkpoint on Monday, officials said in a statement."
    with TestClient(create_app(web_store, settings=load_settings(), extractor=slow_extractor)) as c:
        r = c.post("/api/articles", headers=_auth(token), json={"text": text, "title": "Slow one"})
        assert r.status_code == 202, r.text
        job = r.json()
        assert job["status"] in ("queued", "running") and r.headers["location"] == job["status_url"]
        assert started.wait(30)
        # the extraction is under way and blocked: reads are answered meanwhile
        assert c.get("/api/health").json()["ok"] is True
        assert c.get("/articles").status_code == 200
        assert c.get(job["status_url"]).json()["status"] == "running"
        release.set()
        for _ in range(600):
            state = c.get(job["status_url"]).json()
            if state["status"] in ("done", "failed"):
                break
            time.sleep(0.05)
        assert state["status"] == "done", state
        assert state["created"] is True and state["claims"] == 1
        assert web_store.get_article(state["article_id"]).title == "Slow one"
        _error(c.get("/api/jobs/nope"), 404, "E302")


def test_a_failed_job_says_why_without_internals(web_store, token):
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    def crash(doc):
        raise KeyError("secret stage state")

    text = "Police detained 31 people at the Chop checkpoint on Monday, officials said in a statement."
    with TestClient(create_app(web_store, settings=load_settings(), extractor=crash)) as c:
        r = c.post("/api/articles?wait=30", headers=_auth(token), json={"text": text})
        assert r.status_code == 500 and "secret" not in r.text
        job = r.json()["error"]["detail"]["job"]
        state = c.get(f"/api/jobs/{job}").json()
        assert state["status"] == "failed" and state["error"]["code"] == "E201" and "secret" not in json.dumps(state)


@pytest.mark.parametrize("wait, problem", [("nan", "finite number"), ("inf", "finite number"), ("-1", "greater than"),
                                           ("301", "less than"), ("soon", "valid number")])
def test_a_bad_wait_is_named_for_what_it_is_and_posts_nothing(client, web_store, token, wait, problem):
    # before: wait=nan was "Input should be less than or equal to 300"
    before = web_store.stats()
    err = _error(client.post(f"/api/articles?wait={wait}", headers=_auth(token),
                             json={"text": "Police said five people were killed in Kyiv on Monday."}), 422, "E303")
    assert problem in err["message"] and "query.wait" in err["message"], err["message"]
    assert web_store.stats() == before
