"""The incident corpus (tests/data/incidents/): incidents, one estimate per measure, decoys.

Two runs: claims built by hand from the gold (what reconciliation does with correct
extraction), and the real extraction of the 48 reports (what the product does today; the
failure message names, per incident, what went wrong).
"""

from __future__ import annotations

import pytest
from incident_corpus import hand_items, load_corpus, load_gold, metas, score

from claimwatch.reconcile import reconcile


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def gold():
    return load_gold()


def test_corpus_shape(corpus, gold):
    """At least 12 incidents told by 3-5 reports each, in several domains, with undated reports,
    a syndicated copy, decoys, an update, totals with parts and running totals."""
    reports: dict[str, set[str]] = {}
    for g in gold["claims"]:
        reports.setdefault(g["incident"], set()).add(g["article"])
    incidents = [i for i in gold["incidents"] if not i.startswith("total:")]
    assert len(incidents) >= 12
    told = [i for i in incidents if 3 <= len(reports[i]) <= 5]
    assert len(told) >= 12, {i: len(reports[i]) for i in incidents}
    assert len({gold["incidents"][i]["domain"].split(" (")[0] for i in incidents}) >= 8
    assert sum(1 for a in corpus if a["published"] is None) >= 4
    assert any(a["duplicate_of"] for a in corpus)
    specs = [m for i in gold["incidents"].values() for m in i["measures"].values()]
    assert {"single", "corroborated", "conflicting", "superseded"} <= {m["status"] for m in specs}
    assert sum(1 for m in specs if m.get("part_of")) >= 4
    assert {"running", "period"} <= {m.get("measure") for m in specs}
    assert any(m.get("kind") == "event" for m in specs)


def test_hand_claims_spans(corpus, gold):
    texts = {a["id"]: a["text"] for a in corpus}
    for claim, _m, _g in hand_items(corpus, gold):
        for expected, (s, e) in claim.spans():
            assert texts[claim.article_id][s:e] == expected


@pytest.fixture(scope="module")
def hand(corpus, gold):
    items = hand_items(corpus, gold)
    result = reconcile([(c, m) for c, m, _ in items])
    return items, result, score(gold, {i: c.uid for i, (c, _m, _g) in enumerate(items)}, result.estimates)


def test_hand_built_claims_give_one_estimate_per_measure(hand):
    _items, _result, s = hand
    assert s.share >= 0.9 and not s.mixed, s.report()


def test_decoys_stay_apart(hand):
    items, result, _s = hand
    inc_of = {e.id: e.incident for e in result.estimates}
    est_of = {f"{c.article_id}:{c.claim_id}": e.id for e in result.estimates for c in e.claims}
    incident_of_gold: dict[str, set] = {}
    for c, _m, g in items:
        incident_of_gold.setdefault(g["incident"], set()).add(inc_of[est_of[c.uid]])
    # the same city five days later, and the same figure on the same day in another town
    assert not incident_of_gold["fire_torbali"] & incident_of_gold["fire_kemalpasa"]
    assert not incident_of_gold["shooting_kisumu"] & incident_of_gold["crash_eldoret"]


def test_incidents_carry_where_and_when(hand):
    _items, result, _s = hand
    assert result.incidents
    for inc in result.incidents:
        assert inc.estimates and inc.articles
        if inc.places:
            assert inc.country, inc.to_dict()
    bus = next(i for i in result.incidents if any(p.get("name") == "Nakuru" for p in i.places))
    assert bus.time and bus.time["start"] == "2025-03-04" and bus.country == "KE"
    assert "death" in bus.event_types and "injury" in bus.event_types


@pytest.fixture(scope="module")
def extracted(corpus, gold):
    api = pytest.importorskip("claimwatch.extract.api")
    meta = metas(corpus)
    arts = {a["key"]: api.extract(a["text"], published=a["published"], url=a["url"], title=a["title"],
                                  outlet=a["outlet"], name=a["key"], validate=False) for a in corpus}
    items = [(c, meta[k]) for k, art in arts.items() for c in art.claims]
    result = reconcile(items)
    uid_of: dict[int, str | None] = {}
    hand = hand_items(corpus, gold)
    for i, (gclaim, _m, g) in enumerate(hand):
        art = arts[g["article"]]
        if gclaim.quantity is not None:
            gs, ge = gclaim.quantity.span
            match = next((c for c in art.claims if c.quantity is not None
                          and c.quantity.span[0] < ge and gs < c.quantity.span[1]), None)
        else:
            gs, ge = gclaim.span
            match = next((c for c in art.claims if c.quantity is None and c.span[0] < ge and gs < c.span[1]), None)
        uid_of[i] = match.uid if match is not None else None
    return result, score(gold, uid_of, result.estimates)


#: measured with the real extraction: 8/16 to 9/16 incidents when this was written, 15/16 once parts
#: ("11 of the injured", "among them seven"), datelines, "ordered to leave <country>", "during
#: Saturday's protest", a state/non-state dispute in one report and a period in a relative clause
#: ("the deaths that the authority recorded in 2024") were handled (see docs/reconcile.md); a floor,
#: raised as extraction and reconciliation improve
END_TO_END_FLOOR = 15 / 16


def test_real_extraction_end_to_end(extracted):
    _result, s = extracted
    assert not s.mixed, s.report()
    assert s.share >= END_TO_END_FLOOR, s.report()


def test_a_mishap_or_a_vehicle_is_no_incident_actor():
    from claimwatch.reconcile.incident_summary import actor_ok

    for phrase in ("A bus crash", "A fire", "the blaze", "A collapse", "The boat", "A plane", "the floods"):
        assert not actor_ok(phrase), phrase
    for phrase in ("Border guards", "the fire brigade", "Gunmen", "Moldovan police", "17 men", "boat crew"):
        assert actor_ok(phrase), phrase
