"""The review API beyond accept/correct/reject: adding what the machine missed (a quantity, a time,
places from the gazetteer, a source), undo, and new claims from a text selection."""

from __future__ import annotations

import pytest

from claimwatch.model import Article
from fixtures_web import make_claim


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _article(store, title: str) -> Article:
    items, _ = store.search_articles(limit=100)
    return store.get_article(next(a for a in items if a.title == title).id)


def _post(client, token, path, body):
    return client.post(path, headers=_auth(token), json=body)


def test_add_a_quantity_and_a_time_to_a_claim_that_had_none(client, web_store, token):
    art = _article(web_store, "17 men detained at the Tisza")
    uid = f"{art.id}:c2"  # "Police in Uzhhorod opened a criminal case." - no number, no time
    assert web_store.get_claim(uid).quantity is None
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {
        "quantity": {"text": "a criminal case", "best": 1}, "time": {"text": "Police", "start": "2025-02-03"}}})
    # "Police" is a (silly) time as written, but it is written there: the API only checks the spans
    assert r.status_code == 200, r.text
    claim = web_store.get_claim(uid)
    assert claim.kind == "count" and claim.quantity.best == 1 and claim.quantity.low == 1 and claim.quantity.high == 1
    s, e = claim.quantity.span
    assert art.text[s:e] == "a criminal case" and claim.span[0] <= s and e <= claim.span[1]
    ts, te = claim.time.span
    assert art.text[ts:te] == "Police" and claim.time.start == "2025-02-03"


def test_what_is_not_written_in_the_article_is_refused(client, web_store, token):
    art = _article(web_store, "17 men detained at the Tisza")
    uid = f"{art.id}:c2"
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {
        "quantity": {"text": "ninety-nine", "best": 99}}})
    assert r.status_code == 422 and "not written in the article" in r.json()["error"]["message"]
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {
        "quantity": {"text": "Police", "span": [0, 6], "best": 3}}})
    assert r.status_code == 422 and "does not slice" in r.json()["error"]["message"]
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {"quantity": {"best": 3}}})
    assert r.status_code == 422 and "quantity.text" in r.json()["error"]["message"]
    assert web_store.get_claim(uid).review is None


def test_an_actor_is_written_in_the_article(client, web_store, token):
    # a corrected actor's words were stored as given, with no span, whether written there or not
    art = _article(web_store, "17 men detained at the Tisza")
    uid = f"{art.id}:c2"
    before = web_store.get_claim(uid).to_dict()
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {
        "actors": [{"text": "Border Guard Command Alpha", "role": "agent"}]}})
    assert r.status_code == 422 and "actors[0]" in r.json()["error"]["message"] \
        and "not written in the article" in r.json()["error"]["message"]
    assert web_store.get_claim(uid).to_dict() == before
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {
        "actors": [{"text": "Police", "role": "agent"}]}})
    assert r.status_code == 200, r.text
    (actor,) = web_store.get_claim(uid).actors
    assert actor.span is not None and art.text[actor.span[0]:actor.span[1]] == "Police"


def test_add_places_from_the_picker_and_a_source(client, web_store, token):
    art = _article(web_store, "17 men detained at the Tisza")
    uid = f"{art.id}:c2"
    found = client.get("/api/places", params={"q": "uzhh"}).json()["items"]
    uzh = next(p for p in found if p["name"].lower().startswith("uzhh") and p["country"] == "UA")
    current = client.get(f"/api/claims/{uid}").json()["places"]
    place = {"text": "Uzhhorod", "name": uzh["name"], "lat": uzh["lat"], "lon": uzh["lon"], "country": "UA",
             "feature": uzh["feature"], "geonameid": uzh["geonameid"], "role": "source_location"}
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {
        "places": current + [place], "source": {"name": "Police", "type": "law_enforcement"}}})
    assert r.status_code == 200, r.text
    claim = web_store.get_claim(uid)
    added = claim.places[-1]
    assert added.role == "source_location" and added.country == "UA" and art.text[slice(*added.span)] == "Uzhhorod"
    assert claim.source.name == "Police" and art.text[slice(*claim.source.span)] == "Police"
    bad = dict(place, lat=123.0)
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {"places": [bad]}})
    assert r.status_code == 422 and "lat" in r.json()["error"]["message"]
    r = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {"places": [{"name": "X"}]}})
    assert r.status_code == 422


def test_undo_takes_back_the_latest_change_only_if_it_still_is(client, web_store, token):
    art = _article(web_store, "Shipwreck off Lampedusa")
    uid = f"{art.id}:c1"
    assert _post(client, token, f"/api/claims/{uid}/undo", {}).status_code == 422  # nothing to undo
    first = _post(client, token, f"/api/claims/{uid}/review", {"action": "correct", "changes": {
        "quantity": {"best": 45, "high": 45}}}).json()
    second = _post(client, token, f"/api/claims/{uid}/review", {"action": "reject"}).json()
    stale = _post(client, token, f"/api/claims/{uid}/undo", {"revision": first["revision"]})
    assert stale.status_code == 422 and "changed since" in stale.json()["error"]["message"]
    r = _post(client, token, f"/api/claims/{uid}/undo", {"revision": second["revision"]})
    assert r.status_code == 200, r.text
    assert r.json()["claim"]["review"] == "corrected" and r.json()["claim"]["quantity"]["best"] == 45
    claim = web_store.get_claim(uid)
    assert claim.review == "corrected" and claim.quantity.best == 45
    assert [x["action"] for x in web_store.revisions(uid)] == ["extract", "correct", "reject", "undo"]
    assert _post(client, token, f"/api/claims/{uid}/undo", {}).status_code == 422  # an undo is not undone


def test_a_new_claim_from_a_selection(client, web_store, token):
    art = _article(web_store, "Shipwreck off Lampedusa")
    sentence = "Dozens of people were still missing on Tuesday."
    start = art.text.index(sentence)
    r = _post(client, token, f"/api/articles/{art.id}/claims", {
        "span": [start, start + len(sentence)], "event_type": "missing",
        "quantity": {"text": "Dozens", "best": 24, "low": 24, "high": 99, "qualifier": "vague", "unit": "people"},
        "time": {"text": "Tuesday", "start": "2025-03-04", "precision": "day", "anchor": "published"}})
    assert r.status_code == 201, r.text
    claim = r.json()["claim"]
    assert claim["id"] == "r1" and claim["text"] == sentence and claim["review"] == "accepted"
    assert art.text[slice(*claim["quantity"]["span"])] == "Dozens"
    assert art.text[slice(*claim["time"]["span"])] == "Tuesday"
    again = _post(client, token, f"/api/articles/{art.id}/claims", {"span": [0, 11]})
    assert again.status_code == 201 and again.json()["claim"]["id"] == "r2" and again.json()["claim"]["kind"] == "event"
    stored = web_store.get_article(art.id)
    assert [c.id for c in stored.claims][-2:] == ["r1", "r2"]
    assert [x["action"] for x in web_store.revisions(f"{art.id}:r1")] == ["create"]
    # undo a hand-made claim: it is gone, the log says so
    undone = _post(client, token, f"/api/claims/{art.id}:r2/undo", {})
    assert undone.status_code == 200 and undone.json()["claim"] is None
    assert client.get(f"/api/claims/{art.id}:r2").status_code == 404
    assert [x["action"] for x in web_store.revisions(f"{art.id}:r2")] == ["create", "undo"]


@pytest.mark.parametrize("body, fragment", [
    ({"span": [5, 2]}, "span"),
    ({"span": [0, 10 ** 7]}, "span"),
    ({"span": "0-5"}, "span"),
    ({"span": [0, 3], "event_type": "picnic"}, "event_type"),
    ({"span": [0, 3], "quantity": {"text": "nowhere-to-be-found", "best": 1}}, "not written"),
])
def test_bad_new_claims_are_refused(client, web_store, token, body, fragment):
    art = _article(web_store, "Shipwreck off Lampedusa")
    r = _post(client, token, f"/api/articles/{art.id}/claims", body)
    assert r.status_code == 422 and fragment in r.json()["error"]["message"]
    assert len(web_store.get_article(art.id).claims) == 3


def test_whitespace_selection_and_unknown_article(client, web_store, token):
    text = "Officials said 12 people crossed.\n\n\nThey were sent back."
    art = Article(text=text, title="ws")
    art.claims = [make_claim(text, "c1", "Officials said 12 people crossed.", qty="12", low=12, best=12, high=12)]
    art.claims[0].article_id = art.id
    web_store.add_article(art)
    i = text.index("\n\n\n")
    r = _post(client, token, f"/api/articles/{art.id}/claims", {"span": [i, i + 3]})
    assert r.status_code == 422 and "whitespace" in r.json()["error"]["message"]
    assert _post(client, token, "/api/articles/ffffffffffffffff/claims", {"span": [0, 3]}).status_code == 404
    assert client.post(f"/api/articles/{art.id}/claims", json={"span": [0, 3]}).status_code == 401


def test_card_fragment_renders_the_stored_claim(client, web_store):
    art = _article(web_store, "Shipwreck off Lampedusa")
    html = client.get(f"/claims/{art.id}:c1/card").text
    assert 'id="claim-c1"' in html and "the Italian coast guard" in html
    queue = client.get(f"/claims/{art.id}:c1/card", params={"context": "queue"}).text
    assert f'id="claim-{art.id}-c1"' in queue and 'class="context"' in queue
    assert client.get(f"/claims/{art.id}:c1/card", params={"context": "evil"}).status_code == 422
