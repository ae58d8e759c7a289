"""The claim-level dev set scoring agrees with the reference scorers of ``../shared/tools``, on
claimwatch's own predictions and on perturbed ones (missing articles, a title line prepended to
the text, duplicated claims, shuffled estimates); and the estimates ``make eval`` scores are the
ones a user gets from ``claimwatch ingest`` + ``claimwatch estimates``."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimwatch.evaluate.claimset import (
    CLAIM_METRICS,
    predict,
    read_claim_set,
    score_claims,
    score_estimates,
)
from claimwatch.evaluate.suite import claim_set_dir

CLAIM_DIR = claim_set_dir()
TOOLS = Path(__file__).resolve().parents[2].parent / "shared" / "tools"

pytestmark = pytest.mark.skipif(
    CLAIM_DIR is None or not (TOOLS / "score_claims.py").exists(),
    reason="the shared claim-level dev set and reference scorers are not beside this checkout",
)


@pytest.fixture(scope="module")
def claim_set():
    return read_claim_set(CLAIM_DIR)


@pytest.fixture(scope="module")
def predicted(claim_set):
    return predict(claim_set)


def _reference_claims(tmp: Path, predictions: dict[str, dict | None]) -> dict:
    tmp.mkdir(parents=True, exist_ok=True)
    for key, doc in predictions.items():
        if doc is not None:
            (tmp / f"{key}.json").write_text(json.dumps(doc), encoding="utf-8")
    out = subprocess.run([sys.executable, str(TOOLS / "score_claims.py"), str(CLAIM_DIR / "gold"), str(tmp),
                          str(CLAIM_DIR / "articles"), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _reference_clusters(tmp: Path, estimates: list[dict]) -> tuple[int, int]:
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "estimates.json"
    path.write_text(json.dumps(estimates), encoding="utf-8")
    out = subprocess.run([sys.executable, str(TOOLS / "score_clusters.py"), str(CLAIM_DIR / "clusters.json"), str(path)],
                         capture_output=True, text=True)
    m = re.search(r"gold clusters found (\d+)/\d+, with right status (\d+)/\d+", out.stdout)
    assert m, out.stdout + out.stderr
    return int(m.group(1)), int(m.group(2))


def _assert_claims_agree(ours: dict, ref: dict) -> None:
    compared = [k for k in CLAIM_METRICS if k in ref]
    assert len(compared) >= 14
    for key in compared:
        # ours is rounded to 4 places, the reference to 3: rounding ours again could round a 5 up
        # (0.3785 -> 0.379 while the reference rounds 0.37847 to 0.378), so compare within half a unit
        assert ours[key] == pytest.approx(ref[key], abs=0.0005 + 1e-9), key
    assert ours["n"] == ref["n"]


def test_claim_figures_agree_with_the_reference_scorer(tmp_path, claim_set, predicted):
    claims, _ = predicted
    _assert_claims_agree(score_claims(claim_set, claims), _reference_claims(tmp_path, claims))


def test_agreement_holds_for_missing_shifted_and_duplicated_predictions(tmp_path, claim_set, predicted):
    claims = copy.deepcopy(predicted[0])
    keys = sorted(claims)
    claims[keys[0]] = None                                   # no prediction for one article
    doc = claims[keys[1]]                                    # a title line before the body
    prefix = "A headline\n\n"
    doc["article"]["text"] = prefix + doc["article"]["text"]
    for c in doc["claims"]:
        c["span"] = [c["span"][0] + len(prefix), c["span"][1] + len(prefix)]
        if c.get("quantity"):
            q = c["quantity"]
            q["span"] = [q["span"][0] + len(prefix), q["span"][1] + len(prefix)]
    doc = claims[keys[2]]                                    # every claim twice
    doc["claims"] = doc["claims"] + copy.deepcopy(doc["claims"])
    for c in claims[keys[3]]["claims"]:                      # wrong values, no sources
        if c.get("quantity"):
            c["quantity"]["best"] = (c["quantity"]["best"] or 0) + 50
        c["source"] = {"type": "author"}
    ours = score_claims(claim_set, claims)
    _assert_claims_agree(ours, _reference_claims(tmp_path, claims))
    assert ours != score_claims(claim_set, predicted[0])


def test_estimate_figures_agree_with_the_reference_scorer(tmp_path, claim_set, predicted):
    _, estimates = predicted
    for variant in (estimates, list(reversed(estimates)), estimates[: len(estimates) // 2]):
        ours = score_estimates(claim_set, variant)
        assert (ours["found"], ours["status_ok"]) == _reference_clusters(tmp_path, variant)


def test_scores_react_to_a_perfect_and_an_empty_estimate(claim_set):
    """A hand-built estimate holding exactly one gold cluster's members is found; none is not."""
    cluster = claim_set.clusters[0]
    claims = []
    for key, idx in cluster["members"]:
        art = claim_set.article(key)
        gold = art.claims[idx]
        start = art.text.find(gold["evidence"])
        span = [start, start + len(gold["evidence"])]
        qspan = None
        if gold["kind"] == "count":
            j = gold["evidence"].find(gold["quantity"]["text"])
            qspan = [start + j, start + j + len(gold["quantity"]["text"])]
        claims.append({"url": art.meta["url"], "span": span, "quantity_span": qspan})
    est = {"status": cluster["status"][0], "claims": claims}
    got = score_estimates(claim_set, [est])
    assert got["found"] == 1 and got["status_ok"] == 1
    assert score_estimates(claim_set, [])["found"] == 0


@pytest.mark.slow
def test_scored_estimates_are_what_ingest_gives(tmp_path, claim_set, predicted):
    """`make eval` reconciles in memory; a user ingests into a store: same estimates."""
    corpus = tmp_path / "dev.jsonl"
    corpus.write_text("".join(json.dumps(a.meta) + "\n" for a in claim_set.articles), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    cli = [sys.executable, "-m", "claimwatch"]
    subprocess.run(cli + ["ingest", str(corpus), "--db", db], check=True, capture_output=True, cwd=tmp_path)
    out = subprocess.run(cli + ["estimates", "--db", db, "--format", "json"], check=True, capture_output=True,
                         text=True, cwd=tmp_path)
    stored = json.loads(out.stdout)

    def groups(ests):
        return sorted((e.get("status"), sorted((c["url"], tuple(c["span"]), tuple(c.get("quantity_span") or ()))
                                                for c in e["claims"])) for e in ests)

    assert groups(stored) == groups(predicted[1])
