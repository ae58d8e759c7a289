"""The scorer itself: hand-made gold/prediction pairs with known P/R/F1, so a scorer bug
cannot inflate results."""

from __future__ import annotations

import pytest

from claimwatch.evaluate.gold import Item
from claimwatch.evaluate.matching import PRF, match_spans, overlaps
from claimwatch.evaluate.scorers import LayerScore, haversine_km, same_number, same_unit, score_layer, timex_value

TEXT = "x" * 200


def prf(gold, pred, mode):
    pairs = match_spans(gold, pred, mode)
    return PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))


def scored(layer, gold, pred, modalities=None):
    score = LayerScore(layer)
    score_layer(score, layer, gold, pred, TEXT, "d", modalities=modalities)
    return score


def items(*spans, **attrs):
    return [Item(s, TEXT[s[0]:s[1]], dict(attrs)) for s in spans]


@pytest.mark.parametrize("mode", ["exact", "overlap"])
def test_empty_predictions_score_zero(mode):
    p = prf([(0, 5), (10, 15), (20, 25)], [], mode)
    assert (p.tp, p.fp, p.fn) == (0, 0, 3)
    assert p.precision == 0.0 and p.recall == 0.0 and p.f1 == 0.0


@pytest.mark.parametrize("mode", ["exact", "overlap"])
def test_empty_gold_with_predictions_scores_zero(mode):
    p = prf([], [(0, 5), (7, 9)], mode)
    assert (p.tp, p.fp, p.fn) == (0, 2, 0)
    assert p.precision == 0.0 and p.recall == 0.0 and p.f1 == 0.0


def test_nothing_to_find_and_nothing_found_is_perfect():
    p = prf([], [], "overlap")
    assert (p.precision, p.recall, p.f1) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize("mode", ["exact", "overlap"])
def test_duplicate_predictions_are_false_positives(mode):
    p = prf([(0, 5)], [(0, 5), (0, 5), (0, 5)], mode)
    assert (p.tp, p.fp, p.fn) == (1, 2, 0)
    assert p.precision == pytest.approx(1 / 3)
    assert p.recall == 1.0
    assert p.f1 == pytest.approx(0.5)


def test_overlapping_predictions_match_one_gold_once():
    gold, pred = [(0, 10)], [(0, 4), (3, 10)]
    assert (lambda p: (p.tp, p.fp, p.fn))(prf(gold, pred, "overlap")) == (1, 1, 0)
    assert (lambda p: (p.tp, p.fp, p.fn))(prf(gold, pred, "exact")) == (0, 2, 1)


def test_one_long_prediction_cannot_cover_several_gold():
    p = prf([(0, 3), (5, 8), (10, 13)], [(0, 13)], "overlap")
    assert (p.tp, p.fp, p.fn) == (1, 0, 2)
    assert p.f1 == pytest.approx(0.5)


@pytest.mark.parametrize("pred,exact,overlap", [
    ((5, 11), 0, 1),   # one character too long
    ((6, 10), 0, 1),   # one character too short
    ((4, 10), 0, 1),
    ((5, 10), 1, 1),
    ((10, 15), 0, 0),  # adjacent: no shared character
    ((0, 5), 0, 0),
])
def test_off_by_one_spans_exact_vs_overlap(pred, exact, overlap):
    assert prf([(5, 10)], [pred], "exact").tp == exact
    assert prf([(5, 10)], [pred], "overlap").tp == overlap


def test_matching_is_maximum_not_greedy():
    # P1 overlaps A most, but is the only candidate of B: the best pairing uses P2 for A
    gold = [(0, 10), (9, 12)]
    pred = [(2, 10), (0, 2)]
    pairs = match_spans(gold, pred, "overlap")
    assert sorted(pairs) == [(0, 1), (1, 0)]


def test_overlap_prefers_the_closest_span():
    pairs = match_spans([(10, 20)], [(0, 11), (10, 19)], "overlap")
    assert pairs == [(0, 1)]


def test_overlaps_helper():
    assert overlaps((0, 5), (4, 9)) and not overlaps((0, 5), (5, 9)) and not overlaps((3, 3), (0, 9))


def test_micro_average_over_documents():
    score = LayerScore("timexes")
    score_layer(score, "timexes", items((0, 5)), items((0, 5)), TEXT, "a")
    score_layer(score, "timexes", items((0, 5), (10, 12), (20, 22)), [], TEXT, "b")
    p = score.prf["exact"]
    assert (p.tp, p.fp, p.fn) == (1, 0, 3)
    assert p.recall == pytest.approx(0.25)
    assert score.metrics()["exact.f1"] == pytest.approx(0.4)


def test_quantity_value_and_unit_accuracy_on_matched_pairs_only():
    gold = [Item((0, 5), "", {"value": 2500, "unit": "soldiers"}), Item((10, 15), "", {"value": 30}),
            Item((50, 55), "", {"value": 7})]
    pred = [Item((0, 5), "", {"value": 2500.0, "unit": "soldier"}), Item((11, 15), "", {"value": 31}),
            Item((80, 85), "", {"value": 7})]
    s = scored("quantities", gold, pred)
    assert (s.acc["value"].correct, s.acc["value"].total) == (1, 2)
    assert (s.acc["unit"].correct, s.acc["unit"].total) == (1, 1)
    assert s.prf["overlap"].tp == 2 and s.prf["exact"].tp == 1


def test_quantity_value_null_gold_is_not_scored_unless_stated():
    # JSONL gold leaves null values out of attrs: nothing to score
    s = scored("quantities", [Item((0, 5), "", {})], [Item((0, 5), "", {"value": 3})])
    assert "value" not in s.acc
    # claim gold states best = null for "many": only a null prediction is right
    s = scored("quantities", [Item((0, 4), "", {"value": None})], [Item((0, 4), "", {"value": 3})])
    assert s.acc["value"].correct == 0 and s.acc["value"].total == 1


def test_timex_values():
    assert timex_value("2008-03-01", None, "day") == "2008-03-01"
    assert timex_value("2008-03-01", None, "month") == "2008-03"
    assert timex_value("2008-03-01", None, "year") == "2008"
    assert timex_value("2008-03-05", None, "week") == "2008-W10"
    assert timex_value(None, None, "day") is None
    gold = [Item((0, 5), "", {"value": "2008-03"}), Item((10, 15), "", {"value": "P1D"})]
    pred = [Item((0, 5), "", {"value": "2008-03"}), Item((10, 15), "", {"value": "2008-03-01"})]
    s = scored("timexes", gold, pred)
    assert (s.acc["value"].correct, s.acc["value"].total) == (1, 1)  # durations are not calendar values


def test_toponym_distance():
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=2)
    gold = [Item((0, 5), "", {"lat": 48.85, "lon": 2.35}), Item((10, 15), "", {"lat": 48.85, "lon": 2.35}),
            Item((20, 25), "", {"lat": 0.0, "lon": 0.0})]
    pred = [Item((0, 5), "", {"lat": 49.5, "lon": 2.35}),     # ~72 km
            Item((10, 15), "", {"lat": 51.5, "lon": -0.13}),  # London
            Item((20, 25), "", {"lat": None, "lon": None})]  # unresolved counts as wrong
    s = scored("toponyms", gold, pred)
    assert (s.acc["within_161km"].correct, s.acc["within_161km"].total) == (1, 3)


def test_event_modality_on_matched_and_on_gold_events():
    gold = [Item((0, 5), "", {"certainty": "CERTAIN", "polarity": "POS"}),
            Item((10, 15), "", {"certainty": "POSSIBLE", "polarity": "NEG"})]
    pred = [Item((0, 5), "", {"certainty": "certain", "polarity": "positive"})]
    mods = [Item((11, 14), "", {"certainty": "possible", "polarity": "positive"})]
    s = scored("events", gold, pred, modalities=mods)
    assert s.acc["certainty"].correct == 1 and s.acc["certainty"].total == 1
    # gold event 1: no modality inside -> certain/positive (right); event 2: possible (right), positive (wrong)
    assert (s.acc["certainty@gold"].correct, s.acc["certainty@gold"].total) == (2, 2)
    assert (s.acc["polarity@gold"].correct, s.acc["polarity@gold"].total) == (1, 2)


def test_attribution_roles_are_scored_separately():
    gold = [Item((0, 5), "", {"source": (0, 5), "cue": (6, 10), "content": (11, 40)}),
            Item(None, "", {"source": None, "cue": (50, 54), "content": (55, 80)})]
    pred = [Item((0, 5), "", {"source": (0, 5), "cue": (6, 10), "content": (12, 40)}),
            Item((0, 5), "", {"source": (0, 5), "cue": None, "content": None})]   # a duplicate source
    s = scored("attributions", gold, pred)
    assert (s.prf["source.exact"].tp, s.prf["source.exact"].fp, s.prf["source.exact"].fn) == (1, 1, 0)
    assert (s.prf["cue.exact"].tp, s.prf["cue.exact"].fn) == (1, 1)
    assert s.prf["content.exact"].tp == 0 and s.prf["content.overlap"].tp == 1


def test_same_number_and_unit():
    assert same_number(2500, 2500.0) and not same_number(2500, 2501) and same_number(None, None)
    assert not same_number(None, 0)
    assert same_unit("soldiers", "soldier") and same_unit("criminal organizations", "organization")
    assert not same_unit("men", "bodies") and same_unit("men", "man")


def test_worst_cases_name_text_expected_and_got():
    gold = [Item((0, 5), "", {"value": 10}), Item((20, 25), "", {})]
    pred = [Item((0, 5), "", {"value": 12}), Item((40, 45), "", {})]
    s = scored("quantities", gold, pred)
    kinds = {w["kind"] for w in s.worst()}
    assert {"missed", "spurious", "value"} <= kinds
    value_case = next(w for w in s.worst() if w["kind"] == "value")
    assert value_case["expected"] == 10 and value_case["got"] == 12 and "[" in value_case["context"]
