"""Exports, checked for content: flat CSV/JSON/GeoJSON/Parquet, ACLED and UCDP rules, ClaimReview."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings, strategies as st

from claimwatch.export import FORMATS, collect, export
from claimwatch.export.acled import COLUMNS as ACLED_COLUMNS
from claimwatch.export.rows import ClaimRow
from claimwatch.model import Article, Claim, Place, TimeInfo

from fixtures_web import build_articles, make_claim


def rows_of(articles: list[Article]) -> list[tuple[Claim, dict]]:
    return [(c, {"id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title, "published": a.published})
            for a in articles for c in a.claims]


def run(fmt: str, rows, **kw) -> str | bytes:
    buf = io.BytesIO() if FORMATS[fmt].binary else io.StringIO()
    export(fmt, rows, buf, **kw)
    return buf.getvalue()


@pytest.fixture
def rows():
    return rows_of(build_articles())


def test_csv_has_one_row_per_claim_with_exact_fields(rows):
    out = list(csv.DictReader(io.StringIO(run("csv", rows))))
    assert len(out) == len(rows) == 7
    arts = {a.id: a for a in build_articles()}
    for r in out:
        text = arts[r["article_id"]].text
        assert text[int(r["span_start"]):int(r["span_end"])] == r["text"]
    wreck = next(r for r in out if r["outlet"] == "Harbour Daily" and r["claim_id"] == "c1")
    assert (wreck["low"], wreck["best"], wreck["high"], wreck["qualifier"]) == ("40", "40", "", "at_least")
    assert wreck["source_type"] == "law_enforcement" and wreck["place"] == "Lampedusa"
    assert wreck["latitude"] == "35.5" and wreck["time_start"] == "2025-03-03"


def test_filters_and_rejected_claims(rows):
    deaths = list(csv.DictReader(io.StringIO(run("csv", rows, event_type="death"))))
    assert {r["event_type"] for r in deaths} == {"death"} and len(deaths) == 3
    ngo = list(csv.DictReader(io.StringIO(run("csv", rows, source_type="ngo"))))
    assert [r["outlet"] for r in ngo] == ["World Wire"]
    feb = list(csv.DictReader(io.StringIO(run("csv", rows, since="2025-02-01", until="2025-02-28"))))
    assert {r["outlet"] for r in feb} == {"Kyiv Ledger"}
    rows[0][0].review = "rejected"
    assert len(collect(rows)) == 6 and len(collect(rows, include_rejected=True)) == 7


def test_json_round_trips_to_claims(rows):
    recs = json.loads(run("json", rows))
    assert len(recs) == 7
    for rec in recs:
        claim = Claim.from_dict(rec)
        assert claim.uid == rec["uid"] and rec["article"]["id"] == claim.article_id


def test_geojson_points_are_lon_lat(rows):
    fc = json.loads(run("geojson", rows))
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == 6  # the vague "Dozens ... missing" claim has no place
    tisza = next(f for f in fc["features"] if f["properties"]["place"] == "Tisza river")
    assert tisza["geometry"] == {"type": "Point", "coordinates": [23.2, 48.1]}
    assert tisza["properties"]["place_role"] == "event" and tisza["properties"]["best"] == 17


def test_parquet_reads_back_with_types(rows):
    table = pq.read_table(io.BytesIO(run("parquet", rows)))
    assert table.num_rows == 7
    assert str(table.schema.field("best").type) == "double"
    assert str(table.schema.field("span_start").type) == "int64"
    data = table.to_pylist()
    assert sorted(r["best"] for r in data if r["best"] is not None) == [3, 12, 17, 24, 40, 60]


# -- ACLED ------------------------------------------------------------------------------------
def _acled(rows) -> list[dict]:
    return list(csv.DictReader(io.StringIO(run("acled", rows))))


def test_acled_columns_are_acleds():
    text = run("acled", [])
    assert text.strip().split(",") == list(ACLED_COLUMNS)
    for col in ("event_id_cnty", "event_date", "time_precision", "disorder_type", "sub_event_type", "actor1",
                "inter1", "iso", "admin1", "geo_precision", "source_scale", "fatalities", "timestamp"):
        assert col in ACLED_COLUMNS


def test_acled_rows(rows):
    out = _acled(rows)
    assert len(out) == 6  # claims without an event type are not events
    wreck = next(r for r in out if r["source"].startswith("Harbour Daily") and r["fatalities"] == "40")
    assert wreck["event_date"] == "2025-03-03" and wreck["year"] == "2025" and wreck["time_precision"] == "1"
    assert wreck["country"] == "Italy" and wreck["iso"] == "380" and wreck["event_id_cnty"].startswith("ITA")
    assert wreck["event_type"] == "Strategic developments" and "cause=drowning" in wreck["tags"]
    det = next(r for r in out if r["sub_event_type"] == "Arrests" and r["country"] == "Ukraine")
    assert det["fatalities"] == "0" and det["time_precision"] == "2"  # 1-3 February: within a week
    assert det["geo_precision"] == "3"  # a river: a larger area than a town
    assert det["actor1"] == "Border guards" and det["actor2"] == "17 men"
    city = next(r for r in out if r["location"] == "Uzhhorod")
    assert city["geo_precision"] == "1" and city["time_precision"] == "3"  # no time: publication date
    missing = next(r for r in out if "claimwatch:missing" in r["tags"])
    assert missing["fatalities"] == "0"  # missing people are not fatalities


def _death(qty: str, low, best, high, qualifier, **kw) -> ClaimRow:
    sentence = f"{qty} people died in the attack."
    c = make_claim(sentence, "c1", sentence, qty=qty, low=low, best=best, high=high, qualifier=qualifier,
                   unit="people", event_type=kw.pop("event_type", "death"), **kw)
    c.article_id = "a" * 16
    return ClaimRow(c, {"id": c.article_id, "published": "2025-05-01", "outlet": "X"})


@pytest.mark.parametrize("qty, low, best, high, qualifier, expected", [
    ("At least 40", 40, 40, None, "at_least", 40),
    ("Between 10 and 20", 10, 15, 20, "range", 10),   # ACLED: the lower figure of a range
    ("About 50", 45, 50, 55, "approximately", 50),
    ("Several", 3, 3, 9, "vague", 10),                # codebook: several / many -> 10
    ("Many", None, None, None, "vague", 10),
    ("Dozens of", 24, 24, 99, "vague", 12),           # dozens -> 12
    ("Hundreds of", 200, 200, 999, "vague", 100),     # hundreds -> 100
    ("A few", 2, 2, 5, "vague", 2),
])
def test_acled_fatality_rules(qty, low, best, high, qualifier, expected):
    from claimwatch.export.acled import fatalities

    assert fatalities(_death(qty, low, best, high, qualifier)) == expected


def test_acled_fatalities_zero_for_denied_and_non_deaths():
    from claimwatch.export.acled import fatalities

    denied = _death("12", 12, 12, 12, "exact")
    denied.claim.polarity = "negative"
    assert fatalities(denied) == 0
    assert fatalities(_death("12", 12, 12, 12, "exact", event_type="detention")) == 0
    assert fatalities(_death("12", 12, 12, 12, "exact", event_type="combat_casualties")) == 12


# -- UCDP -------------------------------------------------------------------------------------
def test_ucdp_rows(rows):
    out = list(csv.DictReader(io.StringIO(run("ucdp", rows))))
    assert len(out) == 3 and {r["event_type"] for r in out} == {"death"}
    first = next(r for r in out if r["source_office"] == "Harbour Daily")
    assert (first["low"], first["best"], first["high"]) == ("40", "40", "")  # "at least": no upper bound
    assert first["date_prec"] == "1" and first["date_start"] == first["date_end"] == "2025-03-03"
    assert first["event_clarity"] == "1"
    assert first["where_prec"] == "5"  # an island: a named area, not a town
    assert first["geom_wkt"] == "POINT (12.6 35.5)" and first["country"] == "Italy"
    assert first["source_original"] == "the Italian coast guard" and first["source_headline"] == "Shipwreck off Lampedusa"
    witness = next(r for r in out if r["source_office"] == "Island Voice")
    assert (witness["low"], witness["best"], witness["high"]) == ("3", "3", "9")
    assert witness["date_prec"] == "5" and witness["event_clarity"] == "2"  # no time given in the claim
    every = list(csv.DictReader(io.StringIO(run("ucdp", rows, deaths_only=False))))
    assert len(every) == 6


def test_ucdp_precision_codes():
    from claimwatch.export.geo import ucdp_date_prec, ucdp_where_prec

    assert ucdp_where_prec(Place(text="Kyiv", span=None, feature="city")) == 1
    assert ucdp_where_prec(Place(text="Zakarpattia", span=None, feature="admin1")) == 4
    assert ucdp_where_prec(Place(text="Berehove district", span=None, feature="district")) == 3
    assert ucdp_where_prec(Place(text="Ukraine", span=None, feature="country")) == 6
    assert ucdp_where_prec(Place(text="English Channel", span=None, feature="channel")) == 7
    assert ucdp_date_prec(TimeInfo(text="x", start="2025-03-01", end="2025-03-04", precision="range")) == 2
    assert ucdp_date_prec(TimeInfo(text="x", start="2025-03-01", precision="week")) == 3
    assert ucdp_date_prec(TimeInfo(text="x", start="2025-03-01", precision="month")) == 4
    assert ucdp_date_prec(TimeInfo(text="x", start="2025-01-01", precision="year")) == 5


# -- ClaimReview ------------------------------------------------------------------------------
def test_claimreview_only_reviewed_claims(rows):
    assert json.loads(run("claimreview", rows)) == []
    rows[0][0].review = "accepted"
    rows[1][0].review = "corrected"
    rows[2][0].review = "rejected"
    docs = json.loads(run("claimreview", rows))
    assert len(docs) == 2
    d = docs[0]
    assert d["@context"] == "https://schema.org" and d["@type"] == "ClaimReview"
    assert d["claimReviewed"] == rows[0][0].text
    assert d["itemReviewed"]["@type"] == "Claim"
    assert d["itemReviewed"]["author"]["name"] == "the Italian coast guard"
    assert d["itemReviewed"]["appearance"]["url"] == "https://harbour.example/wreck"
    assert d["reviewRating"]["alternateName"] == "Extraction confirmed"
    assert docs[1]["reviewRating"]["alternateName"] == "Extraction corrected"


def test_claimreview_from_store_names_the_reviewer(tmp_path):
    from claimwatch.store import Store

    store = Store(f"sqlite:///{tmp_path / 'cr.db'}")
    try:
        arts = build_articles()
        for a in arts:
            store.add_article(a)
        uid = arts[1].claims[0].uid
        store.review_claim(uid, "correct", {"quantity": {"best": 61, "high": 66, "low": 54}}, "Maria")
        docs = json.loads(run("claimreview", store))
        assert len(docs) == 1
        assert docs[0]["author"]["name"] == "Maria" and docs[0]["datePublished"]
        assert "best 61" in docs[0]["reviewBody"]
    finally:
        store.close()


# -- round trip of untrusted text -------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
               min_size=1, max_size=80))
def test_csv_round_trips_any_claim_text(body):
    text = f"{body} 7 people died."
    c = make_claim(text, "c1", text, qty="7", low=7, best=7, high=7, unit="people", event_type="death")
    c.article_id = "b" * 16
    row = (c, {"id": c.article_id, "outlet": 'Out,"let"\n', "published": "2025-01-01"})
    back = list(csv.DictReader(io.StringIO(run("csv", [row]), newline="")))
    # a cell a spreadsheet would run as a formula comes back with the OWASP quote in front
    from claimwatch.export.cells import safe_cell

    assert back[0]["text"] == safe_cell(text) and back[0]["outlet"] == 'Out,"let"\n'
    assert json.loads(run("json", [row]))[0]["text"] == text
