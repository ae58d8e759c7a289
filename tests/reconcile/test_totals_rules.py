"""Rules of the running and period totals: shares apart from totals, one report's different
totals, the area a total is counted in, projections."""

from __future__ import annotations

from claimwatch.reconcile import reconcile_claims
from claimwatch.reconcile.features import features_for
from claim_factory import article, count

YEAR = dict(time="so far this year", start="2023-01-01", end="2023-07-30", precision="range")


def _estimates_of(items):
    ests = reconcile_claims(items)
    return {c.claim_id: e.id for e in ests for c in e.claims}, ests


def test_a_share_of_a_total_is_not_the_total_and_shares_of_two_reports_meet():
    total_a = count(250000, "migrants", event="border_crossing", text="250,000 migrants have crossed so far this year.",
                    **YEAR, cid="t1")
    share_a = count(50000, "migrants", event="border_crossing", qualifier="more_than", low=50000, high=None,
                    text="Just over a fifth of them are children.", **YEAR, cid="s1")
    share_a.quantity.part_of = "t1"
    total_b = count(250000, "migrants", event="border_crossing", text="250,000 migrants have crossed so far this year.",
                    **YEAR, cid="t2")
    share_b = count(50000, "migrants", event="border_crossing", qualifier="more_than", low=50000, high=None,
                    text="Over one-fifth of them are children.", **YEAR, cid="s2")
    share_b.quantity.part_of = "t2"
    a, b = article("a1", "A", "2023-07-31"), article("a2", "B", "2023-08-01")
    where, _ = _estimates_of([(total_a, a), (share_a, a), (total_b, b), (share_b, b)])
    assert where["t1"] == where["t2"] and where["s1"] == where["s2"]
    assert where["t1"] != where["s1"]


def test_one_report_two_different_running_totals_are_two_measures():
    allx = count(281399, "migrants", event="border_crossing", text="As of Sunday, 281,399 migrants crossed the jungle.",
                 time="As of Sunday", end="2023-08-13", precision="day", places=["Moldova"], cid="r1")
    some = count(161062, "Ukrainians", event="border_crossing", places=["Moldova"], cid="r2",
                 text="As of Saturday, 161,062 Ukrainians have crossed the jungle this year.",
                 time="As of Saturday", start="2023-01-01", end="2023-08-12", precision="range")
    where, _ = _estimates_of([(allx, article("a1", "A", "2023-08-14")), (some, article("a1", "A", "2023-08-14"))])
    assert where["r1"] != where["r2"]


def test_an_update_in_one_report_stays_one_running_total():
    old = count(20, "people", text="The toll had risen to 20 by Monday.", time="by Monday", end="2023-08-07",
                precision="day", cid="u1")
    new = count(25, "people", text="The toll rose to 25 by Tuesday.", time="by Tuesday", end="2023-08-08",
                precision="day", cid="u2")
    where, _ = _estimates_of([(old, article("a1", "A", "2023-08-09")), (new, article("a1", "A", "2023-08-09"))])
    assert where["u1"] == where["u2"]


def test_totals_of_two_countries_stay_apart_whatever_the_origin():
    ro = count(4000, "migrants", event="border_crossing", qualifier="more_than", low=4000, high=None,
               text="Over 4,000 migrants from Ukraine have entered Romania so far this year.",
               places=[("Ukraine", "origin"), ("Romania", "destination")], **YEAR, cid="ro")
    md = count(5000, "migrants", event="border_crossing", text="5,000 migrants have entered Moldova so far this year.",
               places=[("Moldova", "event")], **YEAR, cid="md")
    where, _ = _estimates_of([(ro, article("a1", "A", "2023-07-31")), (md, article("a2", "B", "2023-07-31"))])
    assert where["ro"] != where["md"]


def test_a_figure_for_the_current_period_is_not_a_projection():
    now = count(24890, "migrants", event="border_crossing", text="Half of whom are 5 years old or younger.",
                time="this year", start="2023-01-01", end="2023-12-31", precision="year")
    later = count(400000, "people", event="border_crossing", certainty="possible",
                  text="The number could reach 400,000 by the end of the year.",
                  time="by the end of the year", start="2023-01-01", end="2023-12-31", precision="year")
    undated = count(400000, "people", event="border_crossing", certainty="possible",
                    text="As many as 400,000 may cross by the year's end.",
                    time="by the year's end", start="2023-01-01", end="2023-12-31", precision="year")
    meta = article("a1", "A", "2023-07-31")
    assert not features_for(now, meta).extra["projection"]
    assert features_for(later, meta).extra["projection"]
    assert features_for(undated, article("a2", "B", None)).extra["projection"]
