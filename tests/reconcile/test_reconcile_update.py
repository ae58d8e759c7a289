"""Incremental update: only the blocks a new article touches are recomputed, with the same result."""

from __future__ import annotations

import pytest
from reconcile_corpus import gold_items, load_corpus, load_gold

from claimwatch import reconcile as R
from claimwatch.model import Article, Estimate
from claimwatch.reconcile import reconcile_claims, update_estimates


class MemoryStore:
    """The three store methods reconciliation uses, in memory."""

    def __init__(self, items):
        self.items = list(items)
        self.estimates: dict[str, Estimate] = {}

    def claims_for_reconcile(self, article_ids=None):
        return [(c, m) for c, m in self.items if article_ids is None or m["id"] in article_ids]

    def list_estimates(self, status=None, event_type=None):
        return [e for e in self.estimates.values()
                if (status is None or e.status == status) and (event_type is None or e.event_type == event_type)]

    def save_estimates(self, estimates, *, replace_ids=None):
        for i in replace_ids or ():
            self.estimates.pop(i, None)
        for e in estimates:
            self.estimates[e.id] = e


def _canon(ests):
    return sorted((e.to_dict() for e in ests), key=lambda d: d["id"])


@pytest.fixture(scope="module")
def corpus_items():
    items = gold_items(load_corpus(), load_gold())
    return [(c, m) for c, m, _ in items]


def test_incremental_equals_full_and_touches_only_its_blocks(corpus_items):
    last_article = max(corpus_items, key=lambda cm: (cm[1]["published"], cm[1]["id"]))[1]["id"]
    before = [cm for cm in corpus_items if cm[1]["id"] != last_article]
    store = MemoryStore(before)
    full = R.update_report(store)
    assert full.units_recomputed == full.units_total
    store.items = list(corpus_items)
    inc = R.update_report(store, [last_article])
    assert inc.units_recomputed == 1 < inc.units_total
    assert _canon(store.list_estimates()) == _canon(reconcile_claims(corpus_items))


def test_rejected_claim_leaves_its_estimate(corpus_items):
    store = MemoryStore(corpus_items)
    update_estimates(store)
    n = len(store.estimates)
    # a reviewer rejects the only claim of a single-claim estimate: the store stops returning it
    lone = next(e for e in store.list_estimates() if len(e.claims) == 1)
    uid = f"{lone.claims[0].article_id}:{lone.claims[0].claim_id}"
    store.items = [(c, m) for c, m in corpus_items if c.uid != uid]
    update_estimates(store, [lone.claims[0].article_id])
    assert lone.id not in store.estimates
    assert len(store.estimates) == n - 1
    assert _canon(store.list_estimates()) == _canon(reconcile_claims(store.items))


def test_with_the_real_store(tmp_path, corpus_items):
    store_mod = pytest.importorskip("claimwatch.store")
    store = store_mod.Store(f"sqlite:///{tmp_path / 'cw.db'}")
    by_article: dict[str, tuple[dict, list]] = {}
    texts = {a["id"]: a for a in load_corpus()}
    for c, m in corpus_items:
        by_article.setdefault(m["id"], (m, []))[1].append(c)
    for aid, (m, claims) in sorted(by_article.items(), key=lambda kv: kv[1][0]["published"]):
        a = texts[aid]
        art = Article(text=a["text"], url=m["url"], outlet=m["outlet"], title=a["title"], published=m["published"],
                      claims=claims, duplicate_of=m["duplicate_of"])
        assert art.id == aid
        store.add_article(art)
        update_estimates(store, [aid])
    got = _canon(store.list_estimates())
    want = _canon(reconcile_claims(store.claims_for_reconcile()))
    assert [d["id"] for d in got] == [d["id"] for d in want]
    assert [d["status"] for d in got] == [d["status"] for d in want]
