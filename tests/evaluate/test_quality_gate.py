"""The golden quality gate: claimwatch on the seed and the committed dev samples must stay at or
above the floors pinned in src/claimwatch/evaluate/baseline.json.

Scores may rise. To raise the floors: ``python -m claimwatch.evaluate.gate --update``. To lower one:
``python -m claimwatch.evaluate.gate --lower-floor --reason "..."`` (the reason is recorded)."""

from __future__ import annotations

import pytest

from claimwatch.evaluate import gate
from claimwatch.evaluate.suite import CLAIM_SET, claim_set_dir, gate_sets

BASELINE = gate.load_baseline()
DATASETS = sorted(BASELINE["floors"])


@pytest.fixture(scope="module")
def measured():
    return gate.measure()


def test_every_gate_dataset_has_floors():
    names = [name for name, _ in gate_sets()] + ([CLAIM_SET] if claim_set_dir() is not None else [])
    assert "seed" in names and len(names) >= 5
    assert sorted(names) == DATASETS


@pytest.mark.parametrize("dataset", DATASETS)
def test_scores_not_below_floor(measured, dataset):
    failures = gate.check({dataset: measured.get(dataset, {})}, {"floors": {dataset: BASELINE["floors"][dataset]}})
    assert not failures, "quality dropped below the pinned floor:\n" + "\n".join(failures)
