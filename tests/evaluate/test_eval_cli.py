"""`claimwatch eval` and the suite's table, over the real pipeline on small inputs."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimwatch.cli import cli
from claimwatch.evaluate import peers
from claimwatch.evaluate.gold import read_layer_jsonl
from claimwatch.evaluate.report import render_table
from claimwatch.evaluate.suite import SAMPLES_DIR, SEED_GOLD, run_suite


def test_eval_json_on_seed():
    res = CliRunner().invoke(cli, ["eval", str(SEED_GOLD), "--format", "json", "--layers", "claims,quantities"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    layers = data["claimwatch"]["layers"]
    assert set(layers) == {"claims", "quantities"}
    assert layers["claims"]["gold"] == 20
    assert layers["claims"]["prf"]["match"]["tp"] + layers["claims"]["prf"]["match"]["fn"] == 20


def test_eval_table_with_limit():
    res = CliRunner().invoke(cli, ["eval", str(SAMPLES_DIR / "meantime.sample.jsonl"), "--limit", "2",
                                   "--layers", "timexes"])
    assert res.exit_code == 0, res.output
    assert "[timexes]" in res.output and "2 documents" in res.output


def test_eval_errors_are_one_line(tmp_path):
    res = CliRunner().invoke(cli, ["eval", str(tmp_path / "nope.jsonl")])
    assert res.exit_code != 0
    assert res.output.strip().startswith("claimwatch: error: ") and len(res.output.strip().splitlines()) == 1
    res = CliRunner().invoke(cli, ["eval", str(SEED_GOLD), "--layers", "bogus"])
    assert res.exit_code == 2 and "unknown layer bogus" in res.output
    res = CliRunner().invoke(cli, ["eval", str(SEED_GOLD), "--layers", "toponyms"])
    assert res.exit_code == 2 and "is annotated" in res.output


def test_missing_peer_is_reported_cleanly(monkeypatch):
    monkeypatch.setattr(peers, "_missing", lambda *m: "not installed (quantulum3.parser)")
    docs = read_layer_jsonl(SAMPLES_DIR / "meantime.sample.jsonl", limit=1)
    results = run_suite([("meantime", docs)], peers=True)
    table = render_table(results)
    assert "not installed" in table
    assert "meantime" in table and "timexes" in table


def test_suite_table_lists_claimwatch_then_every_peer_per_layer():
    docs = read_layer_jsonl(SAMPLES_DIR / "meantime.sample.jsonl", limit=2)
    results = run_suite([("meantime", docs)], peers=True)
    rows = [line.split() for line in render_table(results).splitlines()[3:] if line.strip()]
    quantities = [r for r in rows if r[1] == "quantities"]
    assert [r[3] if len(r) > 3 and r[2].isdigit() else r[2] for r in quantities][:1] == ["claimwatch"]
    systems = {w for r in quantities for w in r}
    assert {"claimwatch", "spaCy"} <= systems and ("quantulum3" in systems)
    timexes = {w for r in rows if r[1] == "timexes" for w in r}
    assert {"claimwatch", "dateparser", "spaCy"} <= timexes
