"""Exports, checked for content: flat CSV/JSON/GeoJSON/Parquet, ACLED and UCDP rules, ClaimReview."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.export import FORMATS, collect, export
from claimwatch.export.acled import COLUMNS as ACLED_COLUMNS
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


def test_acled_rows_are_incidents(rows):
    out = _acled(rows)
    # the three reports of one shipwreck are one event; the Tisza detentions (with the criminal
    # case opened in Uzhhorod, told by the same report) are another
    assert len(out) == 2
    wreck = next(r for r in out if r["country"] == "Italy")
    assert wreck["fatalities"] == "40"  # 40 (coast guard), around 60 (UNHCR), "several": the conservative best
    assert wreck["event_date"] == "2025-03-03" and wreck["year"] == "2025" and wreck["time_precision"] == "1"
    assert wreck["iso"] == "380" and wreck["event_id_cnty"].startswith("ITA") and wreck["location"] == "Lampedusa"
    assert wreck["source"] == "Harbour Daily; Island Voice; World Wire"
    assert "claimwatch:death" in wreck["tags"] and "death=conflicting" in wreck["tags"]
    assert "missing" in wreck["notes"] and "death: 40" in wreck["notes"]
    det = next(r for r in out if r["country"] == "Ukraine")
    assert det["sub_event_type"] == "Arrests" and det["fatalities"] == "0"  # no deaths in this incident
    assert det["time_precision"] == "2"  # 1-3 February: within a week
    # an actor is a group, not the count of the people it happened to ("17 men": the figure is in notes)
    assert det["actor1"] == "Border guards" and det["actor2"] == ""
    assert "legal_action" in det["tags"]


@pytest.mark.parametrize("phrase, group", [
    ("Nine people", None), ("16 others", None), ("at least 30 people", None), ("dozens", None),
    ("dozens of men", None), ("5,000 and 6,000 euros", None),
    ("41 Ukrainian men", "Ukrainian men"), ("twelve Belarusian officials", "Belarusian officials"),
    ("an additional 39 migrants", "migrants"), ("a dozen guards", "guards"),
    ("Polish border police", "Polish border police"), ("The 58th Army", "The 58th Army"),
    ("A 41-year-old Russian deserter", "A 41-year-old Russian deserter"),
    ("Two Sisters Brigade", "Two Sisters Brigade"), ("the Three Rivers Militia", "the Three Rivers Militia"),
    ("Two Belarusian guards", "Belarusian guards"), ("Nine People", None),
    # a leading range of any form is a count, as a single number is; an amount of money is no actor
    ("5,000 to 6,000 migrants", "migrants"), ("between 5,000 and 6,000 migrants", "migrants"),
    ("5,000-6,000 migrants", "migrants"), ("from 5,000 to 6,000 migrants", "migrants"),
    ("two or three Afghan migrants", "Afghan migrants"), ("between 20 and 30 people", None),
    ("between 5,000 and 6,000 euros", None), ("5,000 to 6,000 euros", None), ("5,000 euros", None),
    ("10 million hryvnias", None), ("1.5 million people", None), ("from 30 countries", "from 30 countries"),
    # an open bound or a half is part of the count
    ("5 or more migrants", "migrants"), ("2,000 or so migrants", "migrants"), ("200+ migrants", "migrants"),
    ("two and a half thousand rebels", "rebels"), ("half a million refugees", "refugees"),
    ("Half Moon Battalion", "Half Moon Battalion"), ("5 or more people", None),
])
def test_an_incident_actor_is_a_group_not_a_count(phrase, group):
    from claimwatch.reconcile.incident_summary import actor_group

    assert actor_group(phrase) == group


def test_acled_one_row_per_incident_of_the_incident_corpus():
    """48 reports of 14 incidents (claims built from the gold): one row per incident with a country."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reconcile"))
    from incident_corpus import hand_items, load_corpus, load_gold

    gold = load_gold()
    items = [(c, m) for c, m, _g in hand_items(load_corpus(), gold)]
    out = _acled(items)
    incidents = [i for i in gold["incidents"] if not i.startswith("total:")]
    assert len(out) == len(incidents)
    assert all(r["country"] for r in out)
    by_place = {r["location"]: r for r in out}
    assert by_place["Nakuru"]["fatalities"] == "11" and by_place["Torbalı"]["fatalities"] == "5"
    assert by_place["Kherson"]["fatalities"] == "2" and by_place["Kherson"]["event_type"] == "Battles"
    assert by_place["Subotica"]["fatalities"] == "0"
    assert by_place["Kabul"]["fatalities"] == "0" or by_place.get("Leipzig", {}).get("fatalities") == "0"


def _est(texts_and_bests, *, event_type="death", best=None):
    from claimwatch.model import Estimate, EstimateClaim

    claims = [EstimateClaim(claim_id=f"c{i}", article_id=f"a{i}", best=b, source={"quantity_text": t})
              for i, (t, b) in enumerate(texts_and_bests)]
    bests = [b for _t, b in texts_and_bests if b is not None]
    return Estimate(id="e1", event_type=event_type, unit="people", low=None,
                    best=best if best is not None else (min(bests) if bests else None), high=None,
                    status="single", explanation="", independent_sources=1, claims=claims)


@pytest.mark.parametrize("texts, expected", [
    ([("At least 40", 40)], 40),
    ([("Between 10 and 20", 15)], 15),   # the estimate's best (SPEC §3)
    ([("About 50", 50), ("48", 48)], 48),
    ([("Several", 3)], 10),              # codebook: several / many -> 10
    ([("Many", None)], 10),
    ([("Dozens of", 24)], 12),           # dozens -> 12
    ([("Hundreds of", 200)], 100),       # hundreds -> 100
    ([("dozens", 24), ("37", 37)], 24),  # a stated number wins over the codebook
])
def test_acled_fatality_rules(texts, expected):
    from claimwatch.export.acled import fatalities

    assert fatalities(_est(texts)) == expected


def test_acled_fatalities_unknown_and_none():
    from claimwatch.export.acled import fatalities

    assert fatalities(None) == 0  # no deaths reported in the incident
    assert fatalities(_est([("an unknown number", None)])) == ""  # deaths, no figure: unknown, not 0


# -- UCDP -------------------------------------------------------------------------------------
def test_ucdp_rows_are_fatal_incidents(rows):
    out = list(csv.DictReader(io.StringIO(run("ucdp", rows))))
    assert len(out) == 1 and out[0]["event_type"] == "death"
    wreck = out[0]
    assert (wreck["low"], wreck["best"]) == ("40", "40") and wreck["status"] == "conflicting"
    assert wreck["number_of_sources"] == "3"
    assert wreck["date_prec"] == "1" and wreck["date_start"] == wreck["date_end"] == "2025-03-03"
    assert wreck["event_clarity"] == "1"
    assert wreck["where_prec"] == "5"  # an island: a named area, not a town
    assert wreck["geom_wkt"] == "POINT (12.6 35.5)" and wreck["country"] == "Italy"
    assert wreck["source_office"] == "Harbour Daily; Island Voice; World Wire"
    every = list(csv.DictReader(io.StringIO(run("ucdp", rows, deaths_only=False))))
    assert len(every) == 2 and {r["event_type"] for r in every} == {"death", "detention"}


def test_estimates_export_formats(rows):
    out = list(csv.DictReader(io.StringIO(run("estimates-csv", rows))))
    assert len(out) == 5 and {r["kind"] for r in out} == {"count", "event"}
    death = next(r for r in out if r["event_type"] == "death")
    assert (death["best"], death["status"], death["reports"], death["measure"]) == ("40", "conflicting", "3", "incident")
    recs = json.loads(run("estimates-json", rows))
    assert {r["id"] for r in recs} == {r["id"] for r in out} and all("claims" in r for r in recs)
    fc = json.loads(run("estimates-geojson", rows))
    assert fc["features"] and all(f["geometry"]["coordinates"][0] == f["properties"]["longitude"] for f in fc["features"])
    table = pq.read_table(io.BytesIO(run("estimates-parquet", rows)))
    assert table.num_rows == 5 and str(table.schema.field("best").type) == "double"


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
