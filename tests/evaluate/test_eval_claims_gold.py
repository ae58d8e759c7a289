"""Gold readers and claim-level scoring, checked against hand-built predictions."""

from __future__ import annotations

import copy
import json

import pytest

from claimwatch.errors import EvaluationError
from claimwatch.evaluate.claims import score_claims
from claimwatch.evaluate.gold import Item, body_of, read_claim_gold, read_gold, read_layer_jsonl
from claimwatch.evaluate.scorers import LayerScore
from claimwatch.evaluate.suite import SAMPLES_DIR, SEED_GOLD


@pytest.fixture(scope="module")
def seed_doc():
    return read_claim_gold(SEED_GOLD)


def test_seed_gold_spans_slice_the_body(seed_doc, seed_body):
    assert seed_doc.text == seed_body
    for item in seed_doc.layer("claims"):
        s, e = item.span
        assert seed_doc.text[s:e] == item.attrs["evidence"]
        if item.attrs.get("quantity"):
            qs, qe = item.attrs["quantity_span"]
            assert seed_doc.text[qs:qe] == item.attrs["quantity"]["text"]
            assert s <= qs < qe <= e
    assert len(seed_doc.layer("claims")) == 20
    assert len(seed_doc.layer("quantities")) == 9


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES_DIR.glob("*.sample.jsonl")))
def test_sample_gold_spans_slice_text(name):
    docs = read_layer_jsonl(SAMPLES_DIR / name)
    assert docs
    for doc in docs:
        for layer, items in doc.layers.items():
            for item in items or []:
                if layer == "attributions":
                    for span in item.attrs.values():
                        assert span is None or 0 <= span[0] <= span[1] <= len(doc.text)
                else:
                    assert doc.text[item.span[0]:item.span[1]] == item.text


def test_bad_gold_files(tmp_path):
    with pytest.raises(EvaluationError):
        read_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "abc", "timexes": [{"span": [0, 9], "text": "x"}]}\n')
    with pytest.raises(EvaluationError, match="outside the text"):
        read_gold(bad)
    bad.write_text("not json\n")
    with pytest.raises(EvaluationError):
        read_gold(bad)
    gold = tmp_path / "a.gold.json"
    gold.write_text(json.dumps({"text": "Ten men were seen.", "claims": [{"kind": "event", "evidence": "nope"}]}))
    with pytest.raises(EvaluationError, match="evidence not found"):
        read_gold(gold)


def test_body_of_skips_a_headline_only():
    assert body_of("Headline here\n\nBody text.") == "Body text."
    assert body_of("A sentence.\n\nBody text.") == "A sentence.\n\nBody text."
    assert body_of("No blank line\nBody text.") == "No blank line\nBody text."


def _perfect(doc) -> list[Item]:
    """Predictions built from the gold itself, as the pipeline would emit them."""
    out = []
    for n, g in enumerate(doc.layer("claims"), 1):
        a = copy.deepcopy(g.attrs)
        claim = {k: a.get(k) for k in ("kind", "event_type", "certainty", "polarity", "evidential", "time",
                                       "places", "source")}
        if "cause" in a:
            claim["cause"] = a["cause"]
        claim["id"] = f"c{n}"
        claim["span"] = list(g.span)
        if a.get("quantity"):
            claim["quantity"] = dict(a["quantity"], span=list(a["quantity_span"]))
        out.append(Item(g.span, g.text, {"claim": claim}))
    return out


def _score(doc, pred):
    score = LayerScore("claims")
    score_claims(score, doc.layer("claims"), pred, doc.text, doc.id)
    return score


def test_gold_as_prediction_is_perfect(seed_doc):
    s = _score(seed_doc, _perfect(seed_doc))
    assert s.prf["match"].f1 == 1.0
    assert s.acc["fields"].value == 1.0
    assert not s.patterns


def test_no_predictions(seed_doc):
    s = _score(seed_doc, [])
    assert (s.prf["match"].tp, s.prf["match"].fn) == (0, 20) and s.prf["match"].f1 == 0.0


def test_duplicated_claims_lower_precision(seed_doc):
    pred = _perfect(seed_doc)
    s = _score(seed_doc, pred + copy.deepcopy(pred))
    m = s.prf["match"]
    assert (m.tp, m.fp, m.fn) == (20, 20, 0)
    assert m.precision == 0.5


def test_event_type_must_agree_and_fields_are_compared(seed_doc):
    pred = _perfect(seed_doc)
    first = next(p for p in pred if p.attrs["claim"]["kind"] == "event").attrs["claim"]
    first["event_type"] = "death"            # event claims: type must agree to match
    count = next(p for p in pred if p.attrs["claim"]["kind"] == "count" and p.attrs["claim"]["quantity"]["best"])
    count.attrs["claim"]["quantity"]["best"] += 1   # counts match by quantity span; best is then wrong
    count.attrs["claim"]["certainty"] = "possible"
    s = _score(seed_doc, pred)
    assert (s.prf["match"].tp, s.prf["match"].fp, s.prf["match"].fn) == (19, 1, 1)
    assert s.acc["claim.quantity.best"].correct == s.acc["claim.quantity.best"].total - 1
    assert s.acc["claim.certainty"].correct == s.acc["claim.certainty"].total - 1
    kinds = {w["kind"] for w in s.worst(20)}
    assert {"claim missed", "claim spurious", "claim.quantity.best", "claim.certainty"} <= kinds


def test_count_needs_overlapping_quantity(seed_doc):
    pred = _perfect(seed_doc)
    for p in pred:
        q = p.attrs["claim"].get("quantity")
        if q:
            q["span"] = [p.span[0], p.span[0]] if q["span"][0] != p.span[0] else [p.span[1], p.span[1]]
    s = _score(seed_doc, pred)
    gold_counts = sum(1 for c in seed_doc.layer("claims") if c.attrs["kind"] == "count")
    assert s.prf["match.count"].tp == 0 and s.prf["match.count"].fn == gold_counts
