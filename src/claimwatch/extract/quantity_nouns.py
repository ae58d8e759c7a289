"""The noun lexicon of the quantity stages (``resources/quantity_nouns.tsv``): which nouns are
people, groups, incidents, objects, times, measures, penalties, names ... and the test of a token
against one of its classes."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

__all__ = ["noun_classes", "in_class"]


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, frozenset[str]]:
    """The noun lexicon of ``resources/quantity_nouns.tsv``: class -> words (lower case)."""
    raw = resources.files("claimwatch.resources").joinpath("quantity_nouns.tsv").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, words = line.split("\t", 1)
        out.setdefault(cls.strip(), set()).update(w.lower() for w in words.split())
    return {k: frozenset(v) for k, v in out.items()}


def in_class(tok: Token, words: frozenset[str]) -> bool:
    """The token's word or its lemma (lower case) is one of ``words``."""
    return tok.lower_ in words or tok.lemma_.lower() in words
