"""Rules of the running and period totals: shares apart from totals, one report's different
totals, the area a total is counted in, projections."""

from __future__ import annotations

from claim_factory import article, count

from claimwatch.reconcile import reconcile_claims
from claimwatch.reconcile.features import features_for, is_difference, settle_measures
from claimwatch.reconcile.measures import MEASURE_THRESHOLD, count_link, same_stated_day

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


def test_a_daily_rate_is_not_the_figure_of_one_day():
    rate = count(10000, "Russians", event="border_crossing", cid="rate", qualifier="approximately", low=9000, high=11000,
                 text="About 10,000 Russians arrive in Georgia every day, the minister said.", source="the minister")
    day = count(10000, "people", event="border_crossing", cid="day", qualifier="less_than", low=None, high=10000,
                text="Last night less than 10,000 arrived, he said.", source="the minister",
                time="last night", start="2022-09-26", end="2022-09-26")
    rate2 = count(10500, "Russians", event="border_crossing", cid="rate2", low=10000, high=11000, qualifier="range",
                  text="10,000 to 11,000 Russians arrive through the checkpoint per day.", source="the ministry")
    meta_a, meta_b = article("a1", "A", "2022-09-27"), article("a2", "B", "2022-09-27")
    assert features_for(rate, meta_a).extra["rate"] == "P1D" and features_for(day, meta_a).extra["rate"] is None
    assert features_for(count(5, text="5 people died a day after the storm."), meta_a).extra["rate"] is None
    where, _ = _estimates_of([(rate, meta_a), (day, meta_a), (rate2, meta_b)])
    assert where["rate"] == where["rate2"] != where["day"]


def test_two_figures_dated_to_the_same_day_by_their_own_sentences_are_one_measure():
    a = count(10400, "citizens", event="border_crossing", cid="d1", qualifier="approximately", low=10000, high=10800,
              text="According to him, 11,200 citizens arrived on September 25, and approximately 10,400 on September 26.",
              source="the minister", time="on September 26", start=None, precision="unknown")
    b = count(10450, "people", event="border_crossing", cid="d2", qualifier="range", low=10400, high=10500,
              text="As he told journalists, yesterday the number amounted to 10,400-10,500 people.", source="Gomelauri",
              time="yesterday", start="2022-09-26", end="2022-09-26")
    fa, fb = features_for(a, article("a1", "A", None)), features_for(b, article("a2", "B", "2022-09-27"))
    assert same_stated_day(fa, fb) and count_link(fa, fb) >= MEASURE_THRESHOLD
    b.time.start = b.time.end = "2022-09-25"
    fb = features_for(b, article("a2", "B", "2022-09-27"))
    assert not same_stated_day(fa, fb) and count_link(fa, fb) < MEASURE_THRESHOLD


def test_a_difference_between_totals_is_its_own_measure():
    margin = count(600, "people", event="border_crossing", qtext="600",
                   text="As of Sunday, 248,901 migrants had crossed, exceeding last year's record by 600 people.")
    margin.quantity.span = (margin.text.index("600 people"), margin.text.index("600 people") + 3)
    agent = count(3, "gunmen", event="death", qtext="3", text="Two people were killed by 3 gunmen.")
    agent.quantity.span = (agent.text.index("3 gunmen"), agent.text.index("3 gunmen") + 1)
    meta = article("a1", "A", "2023-07-31")
    assert is_difference(margin) and not is_difference(agent)
    f = features_for(margin, meta)
    assert f.measure == "period" and f.period.startswith("D:")


def test_a_present_perfect_total_is_running_unless_its_report_dates_an_incident():
    total = count(9836, "people", event="desertion", text="9,836 people have turned to the hotline.",
                  qtext="9,836", cid="p1")
    share = count(84, "visitors", event=None, text="84% of those who searched the website were from Russia.", cid="p2")
    a = article("a1", "A", "2023-03-03")
    feats = [features_for(total, a), features_for(share, a)]
    settle_measures(feats)
    assert feats[0].measure == "running"  # an undated share does not make it an incident report
    dated = count(3, "people", text="Three people drowned on Monday.", time="on Monday", start="2023-02-27", cid="p3")
    feats = [features_for(total, a), features_for(dated, a)]
    settle_measures(feats)
    assert feats[0].measure == "incident"


def test_a_total_without_its_own_area_takes_its_reports_and_a_far_place_without_country_is_another_area():
    from claimwatch.model import Place

    gap = Place(text="Darien Gap", span=None, name="Darien Gap", lat=8.31, lon=-77.76, country=None,
                feature="forest", role="event", scope="article")
    total = count(248901, "migrants", event="border_crossing", **YEAR, cid="gap",
                  text="248,901 migrants have crossed so far this year, Panama's deputy director said.",
                  places=[("Moldova", "origin")])
    total.places.append(gap)
    lt = count(4000, "migrants", event="border_crossing", qualifier="more_than", low=4000, high=None, cid="lt",
               text="Over 4,000 migrants have entered Romania illegally so far this year.", places=[("Romania", "destination")],
               **YEAR)
    where, _ = _estimates_of([(total, article("a1", "A", "2023-07-31")), (lt, article("a2", "B", "2023-07-31"))])
    assert where["gap"] != where["lt"]


def test_a_part_is_counted_over_its_totals_time_and_two_shares_of_one_report_stay_apart():
    def report(aid, outlet, published):
        total = count(248901, "migrants", event="border_crossing", cid=f"{aid}t", time="until Sunday", end="2023-07-30",
                      precision="day", text="248,901 migrants have crossed until Sunday.")
        dated = dict(time="this year", start="2023-01-01", end="2023-12-31", precision="year") if aid == "a1" else {}
        venez = count(100000, "migrants", event="border_crossing", qualifier="more_than", low=100000, high=None,
                      cid=f"{aid}v", text="More than 100,000 of the migrants were Venezuelans.", **dated)
        kids = count(49780, "migrants", event="border_crossing", qualifier="more_than", low=49780, high=None,
                     cid=f"{aid}k", text="Just over a fifth of the migrants are children.")
        venez.quantity.part_of = kids.quantity.part_of = f"{aid}t"
        meta = article(aid, outlet, published)
        return [(total, meta), (venez, meta), (kids, meta)]

    where, _ = _estimates_of(report("a1", "A", "2023-07-31") + report("a2", "B", "2023-08-01"))
    assert where["a1v"] == where["a2v"] and where["a1k"] == where["a2k"] and where["a1t"] == where["a2t"]
    assert len({where["a1v"], where["a1k"], where["a1t"]}) == 3


def test_an_inherited_time_dates_a_figure_but_does_not_make_it_a_running_total():
    missing = count(1, "person", event="missing", text="One person remains missing.", qtext="One",
                    time="from Thursday", start="2025-09-11", end="2025-09-11", precision="day")
    meta = article("a1", "A", "2025-09-13")
    assert features_for(missing, meta).measure == "running"  # stated in its own sentence: "from Thursday" opens a total
    missing.time.scope = "article"
    f = features_for(missing, meta)
    assert f.measure == "incident" and f.day is not None and f.day.isoformat() == "2025-09-11"


def test_a_dated_statement_does_not_make_a_report_an_incident_report():
    total = count(25, "men", text="At least 25 men have died while trying to cross the border.", qtext="25", cid="s1",
                  qualifier="at_least", low=25, high=None)
    said = count(3, "people", text="The group says the toll is higher.", qtext="3", cid="s2",
                 time="is", start="2025-03-11", precision="day")
    said.kind, said.quantity = "statement", None
    a = article("a1", "A", "2025-03-11")
    feats = [features_for(total, a), features_for(said, a)]
    settle_measures(feats)
    assert feats[0].measure == "running"


def test_since_a_day_starts_a_running_total_it_is_not_its_date():
    c = count(30, "bodies", text="The bodies of around 30 men have been found since the start of the full-scale invasion.",
              qtext="30", time="since the start of the full-scale invasion", start="2022-02-24", precision="day")
    f = features_for(c, article("a1", "A", "2025-03-10"))
    assert f.measure == "running" and f.asof.isoformat() == "2025-03-10" and f.cum_start.isoformat() == "2022-02-24"
