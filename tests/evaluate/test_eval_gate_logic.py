"""The gate's rules: floors only rise on --update; lowering needs a reason that is recorded."""

from __future__ import annotations

import json

import pytest

from claimwatch.errors import QualityGateError
from claimwatch.evaluate import gate


def test_floor_is_rounded_down_with_margin():
    assert gate.floor_for(0.7345) == 0.72
    assert gate.floor_for(0.70) == 0.69
    assert gate.floor_for(0.004) == 0.0
    assert gate.floor_for(1.0) == 0.99


def test_check_flags_drops_and_missing_metrics():
    base = {"floors": {"seed": {"claims.match.f1": 0.5, "quantities.exact.f1": 0.3}}}
    assert gate.check({"seed": {"claims.match.f1": 0.55, "quantities.exact.f1": 0.3}}, base) == []
    fails = gate.check({"seed": {"claims.match.f1": 0.49}}, base)
    assert len(fails) == 2 and any("claims.match.f1" in f for f in fails)
    assert gate.check({}, base) == ["seed: not measured"]


def test_update_only_raises():
    base = {"floors": {"seed": {"a": 0.5, "b": 0.5}}, "lowered": []}
    changes = gate.update({"seed": {"a": 0.9, "b": 0.1, "c": 0.4}}, base)
    assert base["floors"]["seed"] == {"a": 0.89, "b": 0.5, "c": 0.39}
    assert len(changes) == 2


def test_lower_needs_a_reason_and_records_it():
    base = {"floors": {"seed": {"a": 0.5}}, "lowered": []}
    with pytest.raises(QualityGateError):
        gate.lower({"seed": {"a": 0.2}}, base, "  ")
    assert base["floors"]["seed"]["a"] == 0.5
    gate.lower({"seed": {"a": 0.2}}, base, "new tokenizer splits hyphens", when="2025-01-01")
    assert base["floors"]["seed"]["a"] == 0.19
    assert base["lowered"] == [{"date": "2025-01-01", "dataset": "seed", "metric": "a", "from": 0.5, "to": 0.19,
                                "reason": "new tokenizer splits hyphens"}]


def test_cli_refuses_lowering_without_reason(tmp_path, capsys):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"floors": {}, "lowered": []}))
    assert gate.main(["--lower-floor", "--baseline", str(path)]) == 2
    assert "--reason" in capsys.readouterr().err


def test_committed_baseline_is_well_formed():
    data = gate.load_baseline()
    assert data["floors"], "baseline.json pins no floors"
    for dataset, floors in data["floors"].items():
        for metric, floor in floors.items():
            assert 0.0 <= floor <= 1.0, (dataset, metric)
    for entry in data["lowered"]:
        assert entry["reason"].strip()
