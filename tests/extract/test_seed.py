"""The seed article against its gold (tests/data/seed/README.md): counts exact, fields >= 90 %.

Matching rule (README): a count matches when its quantity span overlaps the gold quantity's span;
an event or statement matches when its evidence span overlaps the gold evidence and the event
types agree. Unmatched gold claims count as wrong in every field.
"""

from __future__ import annotations

import pytest

from claimwatch.extract import extract
from claimwatch.model import check_spans

ASSERTED_FIELDS = ("source.type", "certainty", "evidential")
REPORTED_FIELDS = ASSERTED_FIELDS + ("polarity", "event_type", "source.cue", "source.scope", "cause", "time", "places")


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _gold_spans(body: str, gold: dict) -> list[dict]:
    out = []
    for g in gold["claims"]:
        s = body.find(g["evidence"])
        assert s >= 0, g["evidence"]
        item = {"gold": g, "span": (s, s + len(g["evidence"]))}
        if g.get("quantity"):
            qs = body.find(g["quantity"]["text"], s)
            assert s <= qs < s + len(g["evidence"])
            item["qspan"] = (qs, qs + len(g["quantity"]["text"]))
        out.append(item)
    return out


def match(article, body: str, gold: dict) -> list[tuple[dict, object | None]]:
    """Pairs (gold claim, matched system claim or None), one-to-one."""
    used: set[str] = set()
    pairs = []
    for item in _gold_spans(body, gold):
        g = item["gold"]
        if g["kind"] == "count":
            cands = [c for c in article.claims if c.kind == "count" and _overlap(c.quantity.span, item["qspan"])]
        else:
            cands = [
                c for c in article.claims
                if c.kind in ("event", "statement") and _overlap(c.span, item["span"]) and c.event_type == g["event_type"]
            ]
            cands.sort(key=lambda c: c.cause != g.get("cause"))
        chosen = next((c for c in cands if c.id not in used), None)
        if chosen is not None:
            used.add(chosen.id)
        pairs.append((g, chosen))
    return pairs


def _field(g: dict, c, name: str) -> bool:
    if c is None:
        return False
    if name == "source.type":
        return c.source.type == g["source"]["type"]
    if name == "source.cue":
        return (c.source.cue or None) == g["source"]["cue"]
    if name == "source.scope":
        return c.source.scope == g["source"]["scope"]
    if name == "cause":
        return (c.cause or None) == g.get("cause")
    if name == "time":
        gt = g.get("time")
        return (c.time is None) if gt is None else (c.time is not None and c.time.text == gt["text"])
    if name == "places":
        return sorted((p["name"], p["role"]) for p in g.get("places") or []) == sorted((p.name, p.role) for p in c.places)
    return getattr(c, name) == g[name]


@pytest.fixture(scope="module")
def seed_article(seed_body):
    return extract(seed_body)


def test_seed_spans_slice_the_text(seed_article):
    assert check_spans(seed_article) == []
    assert seed_article.claims, "no claims on the seed"
    assert [c.id for c in seed_article.claims] == [f"c{i}" for i in range(1, len(seed_article.claims) + 1)]


def test_every_gold_count_is_found_with_its_bounds(seed_article, seed_body, seed_gold):
    problems = []
    for g, c in match(seed_article, seed_body, seed_gold):
        if g["kind"] != "count":
            continue
        gq = g["quantity"]
        if c is None:
            problems.append(f"missing count {gq['text']!r}")
            continue
        got = (c.quantity.text, c.quantity.low, c.quantity.best, c.quantity.high, c.quantity.qualifier)
        want = (gq["text"], gq["low"], gq["best"], gq["high"], gq["qualifier"])
        if got != want:
            problems.append(f"{gq['text']!r}: got {got}, want {want}")
    assert not problems, problems


def test_field_accuracy_on_seed(seed_article, seed_body, seed_gold):
    pairs = match(seed_article, seed_body, seed_gold)
    n = len(pairs)
    matched = sum(1 for _g, c in pairs if c is not None)
    print(f"\nseed: {matched}/{n} gold claims matched, {len(seed_article.claims)} system claims")
    scores = {}
    for name in REPORTED_FIELDS:
        ok = sum(1 for g, c in pairs if _field(g, c, name))
        scores[name] = ok / n
        print(f"  {name:<14} {ok:>2}/{n} = {ok / n:.0%}")
    for g, c in pairs:
        wrong = [f for f in REPORTED_FIELDS if not _field(g, c, f)]
        if wrong:
            print(f"  miss {g['kind']}/{g['event_type']} {g['evidence'][:50]!r}: {wrong if c else 'unmatched'}")
    for name in ASSERTED_FIELDS:
        assert scores[name] >= 0.9, f"{name}: {scores[name]:.0%}"
