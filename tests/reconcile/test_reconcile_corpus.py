"""The reconciliation corpus with claims built by hand from the gold: grouping and statuses."""

from __future__ import annotations

import json

import pytest
from reconcile_corpus import Scored, gold_items, load_corpus, load_gold

from claimwatch.reconcile import reconcile_claims


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def hand(corpus, gold):
    items = gold_items(corpus, gold)
    estimates = reconcile_claims([(c, m) for c, m, _ in items])
    gold_of = {c.uid: cl for c, _m, cl in items}
    return items, estimates, Scored(gold, gold_of, estimates)


def test_corpus_is_big_enough(corpus, gold):
    assert len(corpus) >= 25
    clusters = {g["cluster"] for g in gold["claims"]}
    assert len(clusters) >= 8
    assert set(gold["clusters"]) == clusters
    statuses = {c["status"] for c in gold["clusters"].values()}
    assert statuses == {"single", "corroborated", "conflicting", "superseded"}
    assert any(a["duplicate_of"] for a in corpus)


def test_hand_claims_span_check(hand, corpus):
    texts = {a["id"]: a["text"] for a in corpus}
    for claim, _meta, _cl in hand[0]:
        for expected, (s, e) in claim.spans():
            assert texts[claim.article_id][s:e] == expected


def test_clustering_pairwise_precision_recall(hand):
    _items, _ests, scored = hand
    assert scored.p >= 0.9 and scored.r >= 0.9, (scored.p, scored.r, scored.tp, scored.fp, scored.fn)


def test_every_cluster_status_and_independence(hand):
    _items, _ests, scored = hand
    assert scored.wrong_statuses() == []


def test_best_values(hand, gold):
    _items, _ests, scored = hand
    bad = [f"{c}: best {row[5]} != {row[4]}" for c, row in scored.status.items()
           if len(row) > 4 and row[4] is not None and row[5] != row[4]]
    assert bad == []


def test_estimate_claim_spans_slice_articles(hand, corpus):
    texts = {a["id"]: a["text"] for a in corpus}
    for est in hand[1]:
        for c in est.claims:
            s, e = c.span
            assert texts[c.article_id][s:e] == c.text
            qs, qe = c.quantity_span
            assert texts[c.article_id][qs:qe] == c.source["quantity_text"]


def test_estimates_round_trip_json(hand):
    from claimwatch.model import Estimate

    for est in hand[1]:
        d = json.loads(json.dumps(est.to_dict()))
        assert Estimate.from_dict(d).to_dict() == d


def test_conflict_explanation_names_both_figures(hand, gold):
    _items, _ests, scored = hand
    est = next(e for e in hand[1] if e.status == "conflicting")
    assert "72" in est.explanation or "Seventy-two" in est.explanation
    assert "78" in est.explanation and "do not overlap" in est.explanation
    assert "Xavier Delrieu" in est.explanation


def test_result_independent_of_input_order(corpus, gold):
    items = [(c, m) for c, m, _ in gold_items(corpus, gold)]
    a = [e.to_dict() for e in reconcile_claims(items)]
    b = [e.to_dict() for e in reconcile_claims(list(reversed(items)))]
    assert a == b
