"""Rules found on reports outside the dev stories (tests/data/heldout/), each tested on sentences
written for the test, not taken from those reports."""

from __future__ import annotations

from functools import lru_cache

from claimwatch.extract import extract


@lru_cache(maxsize=None)
def _counts(text: str, published: str = "2025-03-12") -> dict[str, dict]:
    article = extract(text, published=published, validate=False)
    return {c.quantity.text: c.to_dict() for c in article.claims if c.kind == "count" and c.quantity}


def test_a_participle_after_the_counted_noun_is_its_verb_when_a_later_count_takes_the_clause():
    got = _counts("At least 17 migrants drowned and dozens more are missing after a dinghy sank off the coast "
                  "of Libya, the UN refugee agency said on Friday.")
    assert got["At least 17"]["event_type"] == "death"
    assert got["dozens"]["event_type"] == "missing"
