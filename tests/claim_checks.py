"""Helpers shared by the extraction tests that run the whole pipeline on a text of their own: run it
with every emitted span checked against the text, and pick a count claim by its quantity."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from claimwatch.extract import extract
from claimwatch.extract.base import Analysis
from claimwatch.extract.pipeline import Pipeline
from claimwatch.model import Article, Claim, check_spans


def analyse_checked(pipe: Pipeline, text: str, published: str | None) -> Analysis:
    """The pipeline's analysis of ``text``; every span of its claims (inherited ones too) slices the text."""
    analysis = pipe.analyse(text, published)
    assert check_spans(Article(text=text, claims=analysis.claims)) == []
    for c in analysis.claims:
        if c.time is not None and c.time.span is not None:
            assert text[c.time.span[0]:c.time.span[1]] == c.time.text
        for p in c.places:
            if p.span is not None:
                assert text[p.span[0]:p.span[1]] == p.text
    return analysis


def checked_extractor(nlp, published: str | None) -> Callable[..., Analysis]:
    """``run(text, published=...)``: the whole pipeline on ``nlp``, every span checked (analyse_checked)."""
    pipe = Pipeline(nlp)

    def run(text: str, published: str | None = published) -> Analysis:
        return analyse_checked(pipe, text, published)
    return run


def count_claim(analysis: Analysis, quantity_text: str) -> Claim:
    """The first count claim whose quantity reads ``quantity_text``."""
    found = [c for c in analysis.claims if c.kind == "count" and c.quantity.text == quantity_text]
    assert found, [(c.kind, c.quantity and c.quantity.text) for c in analysis.claims]
    return found[0]


@lru_cache(maxsize=None)
def extracted(text: str, published: str) -> Article:
    """``extract(text)`` without input validation, once per text and publication date."""
    return extract(text, published=published, validate=False)


def counts_by_type(text: str, published: str) -> dict[str, str | None]:
    """quantity text -> event type of every count of ``text``."""
    return {c.quantity.text: c.event_type for c in extracted(text, published).claims if c.kind == "count" and c.quantity}
