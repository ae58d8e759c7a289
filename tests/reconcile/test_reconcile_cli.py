"""The reconciliation commands against a real store holding the hand-built corpus claims."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from reconcile_corpus import gold_items, load_corpus, load_gold

from claimwatch.cli import cli
from claimwatch.model import Article


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    store_mod = pytest.importorskip("claimwatch.store")
    url = f"sqlite:///{tmp_path_factory.mktemp('rc') / 'cw.db'}"
    store = store_mod.Store(url)
    corpus = {a["id"]: a for a in load_corpus()}
    by_article: dict[str, list] = {}
    for c, m, _ in gold_items(list(corpus.values()), load_gold()):
        by_article.setdefault(m["id"], []).append(c)
    for aid, claims in by_article.items():
        a = corpus[aid]
        store.add_article(Article(text=a["text"], url=a["url"], outlet=a["outlet"], title=a["title"],
                                  published=a["published"], claims=claims, duplicate_of=a["duplicate_of_id"]))
    return url


def test_reconcile_then_list_and_show(db):
    r = CliRunner().invoke(cli, ["reconcile", "--db", db])
    assert r.exit_code == 0, r.output
    assert "estimate(s) and" in r.output and "incident(s) saved" in r.output
    r = CliRunner().invoke(cli, ["estimates", "--db", db, "--status", "conflicting", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert len(rows) == 1 and rows[0]["best"] == 72 and rows[0]["independent_sources"] == 2
    r = CliRunner().invoke(cli, ["estimates", "--db", db, "--event-type", "detention"])
    assert r.exit_code == 0 and "2 estimate(s)" in r.output
    r = CliRunner().invoke(cli, ["estimate", rows[0]["id"], "--db", db])
    assert r.exit_code == 0, r.output
    assert "ranges do not overlap" in r.output and "Xavier Delrieu" in r.output
    assert r.output.count("source o") == 2  # claims grouped by their two origins


def test_unknown_estimate_is_a_one_line_error(db):
    r = CliRunner().invoke(cli, ["estimate", "e000000000000", "--db", db])
    assert r.exit_code != 0
    assert "claimwatch: error: e000000000000" in r.output
