"""Unit tests of the reconciliation rules: units, ranges, independence, supersession, explanations."""

from __future__ import annotations

import pytest
from claim_factory import article, count
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.reconcile import reconcile_claims
from claimwatch.reconcile.blocking import features_for
from claimwatch.reconcile.estimates import interval, overlaps
from claimwatch.reconcile.provenance import name_key, names_match
from claimwatch.reconcile.units import unit_class, units_compatible

SINCE = dict(time="since February 2022", start="2022-02-01", precision="month")


def one(items):
    ests = reconcile_claims(items)
    assert len(ests) == 1, [e.to_dict() for e in ests]
    return ests[0]


# -- units -----------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["bodies", "men", "Ukrainians", "people", "migrants", "Ukrainian men",
                                  "military-aged men", "asylum seekers", "victims"])
def test_people_units(unit):
    assert unit_class(unit) == "people"
    assert units_compatible(unit, "people")


def test_other_unit_classes():
    assert units_compatible("criminal organizations", "smuggling groups")
    assert units_compatible("hryvnias", "UAH")
    assert not units_compatible("hryvnias", "dollars")
    assert not units_compatible("people", "criminal organizations")
    assert not units_compatible("children", "people")  # a count of children is its own measure
    assert units_compatible("tanks", "tank") and not units_compatible("tanks", "drones")
    assert unit_class(None, "death") == "people" and unit_class(None, "policy") is None


# -- ranges ----------------------------------------------------------------------------------

def _iv(**kw):
    return interval(features_for(count(**kw), article("a1", "X", "2025-01-01")))


def test_intervals_and_overlap():
    around30 = _iv(best=30, low=27, high=33, qualifier="approximately")
    dozens = _iv(best=24, low=24, high=99, qualifier="vague")
    atleast25 = _iv(best=25, low=25, high=None, qualifier="at_least")
    many = _iv(best=None, low=None, high=None, qualifier="vague")
    assert around30 == (27, 33) and atleast25 == (25, float("inf")) and many == (0, float("inf"))
    assert overlaps(around30, dozens) and overlaps(around30, atleast25) and overlaps(many, around30)
    assert not overlaps(_iv(best=72), _iv(best=78))
    assert overlaps(_iv(best=78), _iv(best=70, low=70, high=None, qualifier="more_than"))


# -- grouping constraints ------------------------------------------------------------------------

def test_cumulative_and_incident_are_never_merged():
    a = count(25, "men", text="25 men have died trying to cross the Tisza since February 2022.",
              source="State Border Guard Service", places=["Tisza"], **SINCE)
    b = count(25, "men", text="25 men died when they tried to cross the Tisza on Monday.",
              source="State Border Guard Service", places=["Tisza"], time="on Monday", start="2025-06-09")
    ests = reconcile_claims([(a, article("a1", "A", "2025-06-10")), (b, article("a2", "B", "2025-06-10"))])
    assert len(ests) == 2
    assert {e.measure for e in ests} == {"running", "incident"}
    assert {e.time["measure"] for e in ests} == {"running", "incident"}


def test_containment_merges_and_distance_separates():
    t = dict(time="on Monday", start="2025-04-14")
    river = count(3, "men", text="Three men drowned in the Tisza on Monday.", places=["Tisza"], **t)
    town = count(3, "bodies", text="Three bodies were pulled from the river near Solotvyno on Monday.",
                 places=["Solotvyno"], **t)
    region = count(3, "people", text="Three people drowned in Zakarpattia on Monday.", places=["Zakarpattia"], **t)
    far = count(3, "men", text="Three men drowned near Odesa on Monday.", places=["Odesa"], **t)
    items = [(river, article("a1", "A", "2025-04-14")), (town, article("a2", "B", "2025-04-14")),
             (region, article("a3", "C", "2025-04-15")), (far, article("a4", "D", "2025-04-14"))]
    ests = reconcile_claims(items)
    sizes = sorted(len(e.claims) for e in ests)
    assert sizes == [1, 3]
    odesa = next(e for e in ests if len(e.claims) == 1)
    assert odesa.claims[0].article_id == "a4"


def test_incidents_days_apart_are_different_events():
    a = count(40, "migrants", text="At least 40 migrants drowned off Lampedusa on Monday.", places=["Lampedusa"],
              time="on Monday", start="2025-05-19", qualifier="at_least", low=40)
    b = count(40, "migrants", text="At least 40 migrants drowned off Lampedusa on Friday.", places=["Lampedusa"],
              time="on Friday", start="2025-05-23", qualifier="at_least", low=40)
    assert len(reconcile_claims([(a, article("a1", "A", "2025-05-20")), (b, article("a2", "B", "2025-05-24"))])) == 2


def test_rejected_claims_are_left_out_and_a_lone_denial_is_no_estimate():
    ok = count(10, source="police", stype="law_enforcement")
    rejected = count(99, source="police", stype="law_enforcement", review="rejected")
    denied = count(50, source="police", stype="law_enforcement", polarity="negative")
    est = one([(ok, article("a1", "A", "2025-01-01")), (rejected, article("a2", "B", "2025-01-01")),
               (denied, article("a3", "C", "2025-01-01"))])
    assert est.best == 10 and len(est.claims) == 1


def test_a_denied_figure_is_a_disagreement():
    said = count(12, "people", text="Twelve people died in the fire in Oldtown on Monday, the police said.",
                 source="police", stype="law_enforcement", time="on Monday", start="2025-01-06")
    denied = count(12, "people", text="The mayor denied that twelve people died in the fire in Oldtown on Monday.",
                   source="the mayor", stype="official", polarity="negative", time="on Monday", start="2025-01-06")
    est = one([(said, article("a1", "A", "2025-01-07")), (denied, article("a2", "B", "2025-01-07"))])
    assert est.status == "conflicting" and est.best == 12 and "denied" in est.explanation


# -- independence ------------------------------------------------------------------------------

def _same_story(sources, values=None, dup=None):
    items = []
    for i, (src, stype, outlet) in enumerate(sources):
        v = values[i] if values else 30
        c = count(v, "bodies", text=f"The bodies of {v} men who tried to flee mobilization were found, {src or 'it'} said.",
                  source=src, stype=stype, **SINCE)
        items.append((c, article(f"a{i}", outlet, f"2025-03-1{i}", duplicate_of=(dup or {}).get(i))))
    return items


def test_five_outlets_quoting_one_channel_are_one_source():
    items = _same_story([("a Telegram channel", "social_media", f"Outlet {i}") for i in range(5)])
    est = one(items)
    # five reports agree (corroborated, as SPEC §7 and the dev gold read it), all from one origin
    assert est.independent_sources == 1 and est.status == "corroborated"
    assert "5 reports agree, all from one source" in est.explanation


def test_one_report_and_its_syndicated_copy_are_single():
    items = _same_story([(None, "author", "AFP"), (None, "author", "The Local")], dup={1: "a0"})
    est = one(items)
    assert est.status == "single" and est.independent_sources == 1


def test_syndicated_copy_and_outlet_citing_outlet_count_once():
    items = _same_story([(None, "author", "AFP"), (None, "author", "The Local"), ("AFP", "media", "Daily Post")],
                        dup={1: "a0"})
    est = one(items)
    assert est.independent_sources == 1


def test_spokesperson_and_service_are_one_source_two_services_are_two():
    items = _same_story([("Andrii Demchenko", "law_enforcement", "A"), ("State Border Guard Service", "law_enforcement", "B"),
                         ("Vostok SOS", "ngo", "C")])
    items[0][0].source.affiliation = "State Border Guard Service"
    est = one(items)
    assert est.independent_sources == 2 and est.status == "corroborated"


def test_name_matching():
    assert names_match(name_key("Col. Andrii Demchenko"), name_key("Demchenko"))
    assert names_match(name_key("Andriy Demchenko"), name_key("Andrii Demchenko"))
    assert names_match(name_key("Ukraine's border guard service"), name_key("State Border Guard Service"))
    assert not names_match(name_key("Polish border guards"), name_key("Ukrainian border guards"))
    assert not names_match(name_key("Ukraine"), name_key("Ukraine's defence ministry"))
    assert not names_match(name_key("police"), name_key("border police"))


# -- statuses, supersession, explanations -------------------------------------------------------------

def test_conflict_between_independent_sources():
    items = _same_story([("French maritime authorities", "official", "AFP"), ("Xavier Delrieu", "official", "Le Monde")],
                        values=[72, 78])
    est = one(items)
    assert est.status == "conflicting" and est.independent_sources == 2
    assert (est.low, est.best, est.high) == (72, 72, 78)
    assert est.explanation.startswith("72 (French maritime authorities, AFP 2025-03-10) vs 78 (Xavier Delrieu, Le Monde 2025-03-11)")
    assert "ranges do not overlap" in est.explanation


def test_running_total_is_superseded_by_the_same_source():
    a = count(24, "men", text="24 men have died trying to cross the Tisza since February 2022, the service said.",
              source="State Border Guard Service", stype="law_enforcement", places=["Tisza"], **SINCE)
    b = count(25, "men", text="25 men have now died trying to cross the Tisza since February 2022, the service said.",
              source="State Border Guard Service", stype="law_enforcement", places=["Tisza"], **SINCE)
    est = one([(a, article("a1", "A", "2025-06-02")), (b, article("a2", "B", "2025-06-09"))])
    assert est.status == "superseded" and est.best == 25 and est.independent_sources == 1
    assert [t["best"] for t in est.timeline] == [24, 25]
    assert est.timeline[0]["superseded_by"] == "a2:" + b.id and est.timeline[1]["superseded_by"] is None
    assert est.explanation.startswith("25 (State Border Guard Service, B 2025-06-09) supersedes 24")


def test_same_figure_repeated_later_is_not_superseded():
    items = _same_story([("State Border Guard Service", "law_enforcement", "A"),
                         ("State Border Guard Service", "law_enforcement", "B")], values=[30, 30])
    est = one(items)
    assert est.status == "corroborated" and est.independent_sources == 1


def test_vague_and_precise_figures_corroborate_and_best_is_conservative():
    a = count(30, "bodies", text="The bodies of around 30 Ukrainians have been found since 2022, the service said.",
              source="State Border Guard Service", stype="law_enforcement", low=27, high=33, qualifier="approximately",
              qtext="around 30", time="since 2022", start="2022-01-01", precision="year")
    b = count(24, "Ukrainians", text="Dozens of Ukrainians have lost their lives since 2022, a rights group said.",
              source="Vostok SOS", stype="ngo", low=24, high=99, qualifier="vague", qtext="Dozens",
              time="since 2022", start="2022-01-01", precision="year")
    est = one([(a, article("a1", "A", "2025-03-10")), (b, article("a2", "B", "2025-03-11"))])
    assert est.status == "corroborated"
    assert est.best == 30  # a vague "dozens" never drags the best below a stated figure
    assert (est.low, est.high) == (27, 33)
    assert "2 independent sources agree" in est.explanation and "around 30" in est.explanation


def test_estimate_ids_are_stable_when_a_later_report_joins():
    items = _same_story([("State Border Guard Service", "law_enforcement", "A")])
    first = one(items).id
    more = items + _same_story([(None, "author", "X"), ("Vostok SOS", "ngo", "Y")])[1:]
    more[1] = (more[1][0], article("a9", "Y", "2025-03-19"))
    assert one(more).id == first


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.sampled_from(["death", "detention"]),
                          st.sampled_from(["Tisza", "Odesa", "Lampedusa"]), st.integers(1, 28)),
                min_size=1, max_size=12))
def test_every_claim_lands_in_exactly_one_estimate(rows):
    items = []
    for i, (v, ev, pl, day) in enumerate(rows):
        c = count(v, event=ev, places=[pl], time="on Monday", start=f"2025-02-{day:02d}", cid=f"c{i}")
        items.append((c, article(f"a{i}", f"O{i % 3}", f"2025-02-{day:02d}")))
    ests = reconcile_claims(items)
    seen = [f"{c.article_id}:{c.claim_id}" for e in ests for c in e.claims]
    assert sorted(seen) == sorted(f"a{i}:c{i}" for i in range(len(rows)))
    for e in ests:
        assert e.status in ("single", "corroborated", "conflicting", "superseded")
        assert 1 <= e.independent_sources <= len(e.claims)
        assert e.low is None or e.high is None or e.low <= e.best <= e.high
