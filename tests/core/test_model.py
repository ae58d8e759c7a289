"""The SPEC objects: JSON round-trips, ids, span checks."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from claimwatch.model import (
    Article,
    Claim,
    Estimate,
    EstimateClaim,
    Origin,
    Place,
    Quantity,
    Source,
    TimeInfo,
    article_id_for,
    check_spans,
    normalise_for_id,
)

_num = st.one_of(st.none(), st.integers(-10**9, 10**9))
_txt = st.text(max_size=30)
_span = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))


@st.composite
def claims(draw):
    kind = draw(st.sampled_from(["count", "event", "statement"]))
    quantity = None
    if kind == "count":
        quantity = Quantity(draw(_txt), draw(_span), draw(_num), draw(_num), draw(_num),
                            draw(st.sampled_from(["exact", "vague", "range"])), draw(st.one_of(st.none(), _txt)))
    return Claim(
        id=f"c{draw(st.integers(1, 99))}", kind=kind, text=draw(_txt), span=draw(_span),
        event_type=draw(st.one_of(st.none(), st.sampled_from(["death", "detention"]))),
        source=Source(name=draw(st.one_of(st.none(), _txt)), type=draw(st.sampled_from(["author", "media"])),
                      span=draw(st.one_of(st.none(), _span))),
        quantity=quantity,
        time=draw(st.one_of(st.none(), st.builds(TimeInfo, text=_txt, start=st.one_of(st.none(), st.just("2022-02-24"))))),
        places=draw(st.lists(st.builds(Place, text=_txt, span=st.one_of(st.none(), _span),
                                        lat=st.one_of(st.none(), st.floats(-90, 90)), lon=st.one_of(st.none(), st.floats(-180, 180))), max_size=3)),
        cause=draw(st.one_of(st.none(), st.just("drowning"))),
        review=draw(st.one_of(st.none(), st.just("accepted"))),
    )


@given(claims())
def test_claim_json_round_trip(claim):
    data = json.loads(json.dumps(claim.to_dict()))
    assert Claim.from_dict(data) == claim


@given(st.text(min_size=1, max_size=200), st.lists(claims(), max_size=4))
def test_article_json_round_trip(text, cl):
    art = Article(text=text, url="https://example.org/a", published="2025-01-02", claims=cl)
    back = Article.from_dict(json.loads(json.dumps(art.to_dict())))
    assert back.id == art.id and back.text == text and back.claims == cl


def test_article_id_is_sha256_of_normalised_text():
    a = Article(text="Hello   world\n")
    b = Article(text=" Hello world")
    assert a.id == b.id == article_id_for("Hello world")
    assert len(a.id) == 16 and int(a.id, 16) >= 0
    assert normalise_for_id("a\u0301  b") == "\u00e1 b"


def test_check_spans_reports_mismatch():
    text = "Around 30 bodies were found."
    good = Claim(id="c1", kind="count", text=text, span=(0, len(text)),
                 quantity=Quantity("Around 30", (0, 9), 27, 30, 33, "approximately", "bodies"))
    art = Article(text=text, claims=[good])
    assert check_spans(art) == []
    good.quantity.span = (1, 9)
    assert check_spans(art) and "Around 30" in check_spans(art)[0]


def test_count_claim_json_has_spec_keys():
    text = "Around 30 bodies were found."
    c = Claim(id="c1", kind="count", text=text, span=(0, len(text)),
              quantity=Quantity("Around 30", (0, 9), 27, 30, 33, "approximately", "bodies"))
    d = c.to_dict()
    for key in ("id", "kind", "text", "span", "event_type", "source", "certainty", "polarity",
                "evidential", "quantity", "time", "places", "actors"):
        assert key in d
    for key in ("name", "canonical", "affiliation", "type", "cue", "span", "quote", "scope"):
        assert key in d["source"]
    assert d["span"] == [0, len(text)] and d["quantity"]["span"] == [0, 9]
    assert d["source"]["type"] == "author" and d["source"]["name"] is None


@given(st.lists(st.builds(EstimateClaim, claim_id=_txt, article_id=_txt, span=st.one_of(st.none(), _span),
                          best=_num), max_size=3))
def test_estimate_round_trip(members):
    est = Estimate(id="e1", event_type="death", unit="people", low=72, best=72, high=78, status="conflicting",
                   explanation="72 (a) vs 78 (b)", independent_sources=2,
                   origin=Origin(name="a", type="official", first_published="2025-01-02"), claims=members)
    assert Estimate.from_dict(json.loads(json.dumps(est.to_dict()))) == est
