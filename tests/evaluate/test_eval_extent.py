"""Partly annotated gold sets (MEANTIME): only predictions inside the annotated part are scored."""

from __future__ import annotations

import json

from claimwatch.evaluate.gold import Item, annotated_extent, read_layer_jsonl
from claimwatch.evaluate.runner import run_system

TEXT = ("Airbus wins order\nMarch 1, 2008\nAirbus sold 20 jets to the U.S. Air Force for $4 billion. "
        "It hired 300 workers. Later it sold 40 more jets.")


def test_extent_ends_with_the_sentence_of_the_last_annotation():
    s = TEXT.index("20 jets")
    extent = annotated_extent(TEXT, {"quantities": [Item((s, s + 2), "20")], "events": None})
    assert TEXT[:extent[1]].endswith("for $4 billion.")  # "U.S." does not end the sentence


def test_extent_covers_attribution_role_spans():
    s = TEXT.index("300")
    extent = annotated_extent(TEXT, {"attributions": [Item(None, "", {"cue": (s, s + 3)})]})
    assert TEXT[:extent[1]].endswith("300 workers.")


class _Fixed:
    name, layers, scores_spans = "fixed", ("quantities",), True

    def __init__(self, spans):
        self.spans = spans

    def unavailable(self):
        return None

    def predict(self, docs, layers):
        return [{"quantities": [Item(s, d.text[s[0]:s[1]]) for s in self.spans]} for d in docs]


def test_predictions_after_the_extent_are_not_scored(tmp_path):
    g = TEXT.index("20 jets")
    late = TEXT.index("40 more")
    path = tmp_path / "meantime.jsonl"
    for dataset, expect_fp in (("meantime", 0), ("other", 1)):
        doc = {"id": "d", "dataset": dataset, "text": TEXT, "published": "2008-03-01",
               "quantities": [{"span": [g, g + 2], "text": "20"}], "events": None}
        path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
        docs = read_layer_jsonl(path)
        assert (docs[0].extent is not None) == (dataset == "meantime")
        system = _Fixed([(g, g + 2), (late, late + 2)])
        system._warm = True
        prf = run_system(system, docs, ["quantities"]).scores["quantities"].prf["exact"]
        assert (prf.tp, prf.fp, prf.fn) == (1, expect_fp, 0)


def test_quantity_schemes():
    from claimwatch.evaluate.gold import GoldDoc

    text = "They counted dozens of people over three days and 40% more."
    claim_gold = GoldDoc("c", "seed", text, quantity_scheme="counts")
    meantime = GoldDoc("m", "meantime", text, quantity_scheme="values")
    count = Item((13, 22), "dozens of", {"kind": "count", "count": True, "count_span": (13, 19)})
    duration = Item((35, 45), "three days", {"kind": "duration", "count": False})
    percent = Item((50, 53), "40%", {"kind": "percent", "count": False})
    peer = Item((50, 53), "40%", {"value": 40})
    assert claim_gold.scored_item("quantities", count).span == (13, 19)  # the count claim's own span
    assert claim_gold.scored_item("quantities", percent) is None  # not a count claim
    assert claim_gold.scored_item("quantities", peer) is peer  # a peer gives no count flag
    assert meantime.scored_item("quantities", count) is count
    assert meantime.scored_item("quantities", duration) is None  # MEANTIME: durations are TIMEX3
    assert meantime.scored_item("timexes", duration) is duration
