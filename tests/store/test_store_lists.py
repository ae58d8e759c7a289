"""The list queries behind the web lists (store/lists.py): checked filters, where and when columns,
sorting, facets that add up, literal text filters; strict JSON bodies (web/bodies.py)."""

from __future__ import annotations

import json
import math
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.errors import ValidationError
from claimwatch.model import Estimate, EstimateClaim
from claimwatch.store.lists import ListQuery, claim_query, estimate_list_columns, estimate_query, like_pattern


def test_bad_filters_are_named_all_at_once():
    with pytest.raises(ValidationError) as info:
        estimate_query({"since": "yesterday", "status": "sure", "country": "Italy"}, sort="-colour", limit="0",
                       offset="-4")
    msg = info.value.reason
    for word in ("since", "status", "country", "sort", "limit", "offset"):
        assert word in msg
    assert {e["field"] for e in info.value.params["errors"]} >= {"since", "status", "country", "sort"}
    with pytest.raises(ValidationError):
        claim_query({"since": "2025-03-05", "until": "2025-03-01"})
    with pytest.raises(ValidationError):
        claim_query({"colour": "red"})
    q = estimate_query({"country": "it", "place": " Lampedusa "}, sort="-latest", limit="20", offset="40")
    assert q == ListQuery({"country": "IT", "place": "Lampedusa"}, "latest", True, 20, 40)
    assert q.params(page=2) == {"country": "IT", "place": "Lampedusa", "sort": "-latest", "page": "2"}


def test_estimate_list_columns_from_the_estimate():
    est = Estimate(id="e1", event_type="death", unit="people", low=40, best=40, high=66, status="conflicting",
                   explanation="", independent_sources=2,
                   places=[{"text": "the island", "name": "Lampedusa", "country": "IT"}],
                   time={"start": "2025-03-03", "end": None},
                   claims=[EstimateClaim("c1", "a1", published="2025-03-04", best=40),
                           EstimateClaim("c1", "a2", published="2025-03-06", best=3),
                           EstimateClaim("c2", "a3", published=None, best=9)])
    cols = estimate_list_columns(est)
    assert cols == {"place": "Lampedusa", "country": "IT", "date_start": "2025-03-03", "date_end": "2025-03-03",
                    "latest": "2025-03-06", "latest_best": 3.0, "n_claims": 3}
    bare = Estimate(id="e2", event_type=None, unit=None, low=None, best=None, high=None, status="single",
                    explanation="", independent_sources=1)
    assert estimate_list_columns(bare)["place"] is None and estimate_list_columns(bare)["n_claims"] == 0


def test_estimate_list_filters_sorts_and_facets(web_store):
    rows, total = web_store.estimate_list(estimate_query({}, limit=100))
    assert total == len(rows) and total >= 4
    it_rows, it_total = web_store.estimate_list(estimate_query({"country": "IT"}, limit=100))
    assert it_total == len(it_rows) > 0 and all(cols["country"] == "IT" for _, cols in it_rows)
    march, _ = web_store.estimate_list(estimate_query({"since": "2025-03-01", "until": "2025-03-31"}, limit=100))
    assert march and all("2025-03" <= cols["date_start"][:7] for _, cols in march)
    asc = [cols["date_start"] for _, cols in web_store.estimate_list(estimate_query({}, sort="date", limit=100))[0]]
    desc = [cols["date_start"] for _, cols in web_store.estimate_list(estimate_query({}, sort="-date", limit=100))[0]]
    dated = [d for d in asc if d]
    assert dated == sorted(dated) and [d for d in desc if d] == sorted(dated, reverse=True)
    page2, total2 = web_store.estimate_list(estimate_query({}, sort="date", limit=2, offset=2))
    assert total2 == total and [e.id for e, _ in page2] == [e.id for e, _ in
                                                           web_store.estimate_list(estimate_query({}, sort="date", limit=100))[0]][2:4]
    facets = web_store.estimate_facets(estimate_query({}))
    assert sum(n for _, n in facets["status"]) == total
    assert sum(n for _, n in facets["reviewed"]) == total
    assert dict(facets["country"])["IT"] == it_total
    filtered = web_store.estimate_facets(estimate_query({"country": "IT"}))
    assert sum(n for _, n in filtered["status"]) == it_total


def test_claim_list_filters_sorts_and_facets(web_store):
    rows, total = web_store.claim_list(claim_query({}, limit=100))
    assert total == len(rows) == 8
    ua, n_ua = web_store.claim_list(claim_query({"country": "UA"}, limit=100))
    assert n_ua == 3 and all(any(p.country == "UA" for p in c.places) for c, _ in ua)
    harbour, _ = web_store.claim_list(claim_query({"outlet": "harbour daily"}, limit=100))
    assert {meta["outlet"] for _, meta in harbour} == {"Harbour Daily"} and len(harbour) == 3
    best = [c.quantity.best for c, _ in web_store.claim_list(claim_query({}, sort="-best", limit=100))[0] if c.quantity]
    assert best == sorted(best, reverse=True)
    facets = web_store.claim_facets(claim_query({}))
    assert dict(facets["country"]) == {"IT": 4, "UA": 3}
    assert sum(n for _, n in facets["status"]) == total and dict(facets["reviewed"]) == {False: total}
    uid = rows[0][0].uid
    web_store.review_claim(uid, "reject", None, who="ana")
    assert web_store.claim_list(claim_query({}, limit=100))[1] == total - 1  # rejected claims leave the list
    assert web_store.claim_list(claim_query({"status": "rejected"}))[1] == 1


@pytest.mark.parametrize("pattern", ["%", "_", "Lampedus_", "%dusa", "\\", "La%sa"])
def test_text_filters_are_literal(web_store, pattern):
    assert web_store.claim_list(claim_query({"place": pattern}))[1] == 0
    assert web_store.estimate_list(estimate_query({"place": pattern}))[1] == 0
    assert web_store.query_claims(place=pattern) == []


#: printable ASCII, with the LIKE wildcards and the escape character among them (SQLite's lower() is ASCII)
_PRINTABLE = st.sampled_from([chr(c) for c in range(32, 127)] + ["%", "_", "\\"] * 5)


@settings(max_examples=150, deadline=None)
@given(name=st.text(_PRINTABLE, min_size=1, max_size=20), needle=st.text(_PRINTABLE, min_size=1, max_size=5))
def test_like_pattern_matches_exactly_the_substrings(name, needle):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE p (name TEXT)")
    db.execute("INSERT INTO p VALUES (?)", (name,))
    found = db.execute("SELECT count(*) FROM p WHERE lower(name) LIKE ? ESCAPE '\\'", (like_pattern(needle),)).fetchone()[0]
    assert bool(found) == (needle.lower() in name.lower())


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 12, 10 ** 12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(value=_json_values)
def test_strict_json_round_trips_finite_values(value):
    from claimwatch.web.bodies import parse_json

    assert parse_json(json.dumps(value)) == value


@pytest.mark.parametrize("raw", ['{"x": NaN}', '[Infinity]', '{"x": -Infinity}', '{"x": 1e999}', '[-1e400]', '{"x": '])
def test_strict_json_refuses_non_finite_and_broken_bodies(raw):
    from claimwatch.web.bodies import parse_json

    with pytest.raises(ValidationError):
        parse_json(raw)
    assert math.isfinite(parse_json('{"x": 1e308}')["x"])


@pytest.mark.parametrize("raw, words", [(b'\x89PNG\r\n\x1a\n\x00', "not UTF-8 text: byte 0"),
                                        (b'{"x": "caf\xe9"}', "not UTF-8 text: byte 10"),
                                        ('{"x": ', "at position 6")])
def test_a_broken_body_is_named_in_words(raw, words):
    from claimwatch.web.bodies import parse_json

    with pytest.raises(ValidationError) as err:
        parse_json(raw)
    assert words in str(err.value.to_json()) and "?" not in str(err.value.to_json())


def _member_facets_by_hand(store, estimates) -> tuple[dict, int]:
    """The outlet and reviewed facets of ``estimates`` counted from their members, in Python."""
    by_outlet: dict = {}
    reviewed = 0
    for est in estimates:
        full = store.get_estimate(est.id)
        outlets = {store.get_article(c.article_id).outlet for c in full.claims}
        for outlet in outlets:
            by_outlet[outlet] = by_outlet.get(outlet, 0) + 1
        reviewed += any(store.get_claim(f"{c.article_id}:{c.claim_id}").review for c in full.claims)
    return by_outlet, reviewed


def test_member_facets_of_the_whole_list_and_of_a_filtered_list_count_estimates(web_store):
    """The unfiltered list reads its outlet and reviewed facets by another query than a filtered
    one: both count each estimate once per outlet, and once if any member was reviewed."""
    rows, _ = web_store.estimate_list(estimate_query({}, limit=100))
    member = web_store.get_estimate(rows[0][0].id).claims[0]
    web_store.review_claim(f"{member.article_id}:{member.claim_id}", "accept", who="t")
    for filters in ({}, {"country": "IT"}, {"status": rows[0][0].status}):
        listed, _ = web_store.estimate_list(estimate_query(filters, limit=1000))
        by_outlet, reviewed = _member_facets_by_hand(web_store, [e for e, _ in listed])
        facets = web_store.estimate_facets(estimate_query(filters))
        assert dict(facets["outlet"]) == by_outlet, filters
        assert dict(facets["reviewed"]).get(True, 0) == reviewed >= (1 if not filters else 0), filters


def test_every_claim_version_matches_the_page_versions_and_is_bounded(web_store):
    query = claim_query({}, limit=1000)
    page = web_store.claim_list_versions(query)
    every = web_store.claim_versions(most=len(page) + 50)
    assert every is not None and {uid: every[uid] for uid, *_ in page} == {
        uid: (version, meta) for uid, version, _, meta in page}
    uid = page[0][0]
    web_store.review_claim(uid, "reject", who="t")
    changed = web_store.claim_versions(most=len(page) + 50)
    assert changed is not None and changed[uid][0] != every[uid][0]
    assert web_store.claim_versions(most=1) is None


def test_every_estimate_row_is_the_light_list_row_and_is_bounded(web_store):
    from claimwatch.store.lists import light_estimate_row

    listed, total = web_store.estimate_list(estimate_query({}, limit=1000), light=True)
    every = web_store.estimate_rows(most=total)
    assert every is not None and len(every) == total
    for est, cols in listed:
        assert light_estimate_row(every[est.id]) == (est, cols)
    assert web_store.estimate_rows(most=total - 1) is None
